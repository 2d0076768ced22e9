"""The report renderers: Markdown, HTML and JSON; one section order; languages."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from html import unescape
from pathlib import Path

import pytest

from klachtregels.errors import InvalidInputError
from klachtregels.messages import UnknownLanguageError
from klachtregels.model import GckFiling
from klachtregels.report import (
    SECTION_ORDER,
    AnnualReport,
    Section,
    build_report,
    render,
    render_html,
    render_json,
    render_markdown,
    render_review,
    report_to_dict,
    sections,
)
from klachtregels.report.model import PreviousYear
from report_helpers import rec

# The package re-exports the functions render_html and sections under their modules' names.
render_md = importlib.import_module("klachtregels.report.render_md")
render_html_module = importlib.import_module("klachtregels.report.render_html")
sections_module = importlib.import_module("klachtregels.report.sections")


def test_json_shape_is_versioned() -> None:
    data = report_to_dict(build_report([rec(2)], year=2025), "en")
    assert data["schema"] == "klachtregels.annual-report"
    assert data["schema_version"] == 1
    assert data["library_version"]
    assert data["due"]["outcome"] == "UNDETERMINED"
    assert any(c["label"] == "Wko art. 1.57b lid 4" for c in data["citations"])


def test_html_is_self_contained_and_accessible() -> None:
    html = render(build_report([rec(2), rec(3, verdict="ongegrond")], year=2025), "html", "en")
    assert '<html lang="en">' in html
    # One inline script (the location table's), allowed by its hash in the page's CSP; nothing is
    # loaded (tests/test_report_html_layout.py checks the CSP and every link).
    assert html.count("<script>") == 1
    assert "<script src" not in html
    assert "http://" not in html
    assert html.count('class="chart"') == 2
    assert "<h1>" in html
    assert "<table" in html
    assert 'role="img"' in html


def test_markdown_cites_the_law_in_both_languages() -> None:
    report = build_report([rec(2)], year=2025)
    assert "Wko art. 1.57b lid 4–9" in render(report, "md", "nl")
    en = render(report, "md", "en")
    assert "Annual complaint report 2025" in en
    assert "(A16)" not in en  # an open legal point is the review notes', never the public's
    assert "UNDETERMINED (A16)" in render_review(report, "md", "en")


def test_render_rejects_unknown_format() -> None:
    with pytest.raises(InvalidInputError):
        render(build_report([rec(2)], year=2025), "pdf")


# --- one section order -----------------------------------------------------------------------------


def _full_report() -> AnnualReport:
    """A report with every section: organisations named and descriptions asked for."""
    return build_report(
        [rec(2, description="Kind viel"), rec(3, verdict="ongegrond", organisation="Maan B.V.")],
        year=2025,
        include_descriptions=True,
    )


def _md_headings(md: str) -> list[str]:
    return [line[3:] for line in md.splitlines() if line.startswith("## ")]


def _html_headings(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", html)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("full", [True, False])
def test_markdown_and_html_have_the_same_sections_in_the_same_order(lang: str, full: bool) -> None:
    report = _full_report() if full else build_report([], year=2025)
    expected = [s.heading(lang) for s in sections(report)]
    assert _md_headings(render(report, "md", lang)) == expected
    assert _html_headings(render(report, "html", lang)) == expected
    if full:
        assert sections(report) == SECTION_ORDER
    else:  # no complaints (so no organisations), no descriptions asked for
        assert Section.ORGANISATIONS not in sections(report)
        assert Section.ENTRIES not in sections(report)


def test_the_section_order_is_defined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both renderers draw every section and take the order from klachtregels.report.sections alone:
    # reversing that one definition reverses both outputs.
    assert set(render_md._SECTIONS) == set(Section) == set(render_html_module._SECTIONS)
    report = _full_report()
    forward = [s.heading("nl") for s in SECTION_ORDER]
    monkeypatch.setattr(sections_module, "SECTION_ORDER", tuple(reversed(SECTION_ORDER)))
    assert _md_headings(render(report, "md")) == forward[::-1]
    assert _html_headings(render(report, "html")) == forward[::-1]


# --- languages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_an_unknown_language_is_an_error_not_english(fmt: str) -> None:
    report = build_report([rec(2)], year=2025)
    with pytest.raises(UnknownLanguageError):
        render(report, fmt, "de")
    renderer = {"md": render_markdown, "html": render_html, "json": render_json}[fmt]
    with pytest.raises(UnknownLanguageError):
        renderer(report, "de")
    with pytest.raises(UnknownLanguageError):
        build_report([rec(2)], year=2025, lang="de")


def test_english_and_dutch_differ_only_in_words() -> None:
    report = _full_report()
    nl, en = report_to_dict(report, "nl"), report_to_dict(report, "en")
    assert nl["due"]["explanation"].startswith("Het verslag over 2025 gaat vóór 1 juni 2026")
    assert en["due"]["explanation"].startswith("The report over 2025 goes to the GGD before 1 June 2026")
    assert "zondag 31 mei 2026" in nl["due"]["explanation"]
    assert "Sunday 31 May 2026" in en["due"]["explanation"]
    for data in (nl, en):
        del data["lang"], data["due"]["explanation"], data["due"]["flags"], data["review"]["note"]
        for note in data["review"]["reidentification"]:
            del note["message"]
        for item in data["review"]["items"]:
            del item["message"], item["fix"]
    assert nl == en


def test_the_docs_list_the_sections_in_order() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "report.md").read_text(encoding="utf-8")
    part = docs.split("## Sections and language", 1)[1].split("\n\n")[2]
    listed = [re.sub(r"^\d+\. ", "", line) for line in part.splitlines()]
    assert len(listed) == len(SECTION_ORDER)
    for line, section in zip(listed, SECTION_ORDER, strict=True):
        assert line.startswith(section.heading("nl")), (line, section)


@pytest.mark.parametrize(
    ("lang", "one_location", "one_dispute", "previous_one"),
    [
        (
            "nl",
            "(over 1 locatie)",
            "Geschillencommissie: 1 geschil (",
            "Geschillencommissie in 2024: 1 geschil",
        ),
        (
            "en",
            "(across 1 location)",
            "Disputes committee: 1 dispute (",
            "Geschillencommissie in 2024: 1 dispute",
        ),
    ],
)
def test_one_location_and_one_dispute_read_in_the_singular(
    lang: str, one_location: str, one_dispute: str, previous_one: str
) -> None:
    # A provider with one location and one dispute (a common case) read "over 1 locaties" and
    # "1 geschillen" in its published headline.
    filing = GckFiling(subject="Kosten", outcome="ongegrond", filed_on=dt.date(2025, 6, 1))
    prev = PreviousYear(year=2024, total=3, gck_disputes=1)
    report = build_report([rec(2), rec(3)], year=2025, gck_cases=[filing], previous=prev)
    md = render(report, "md", lang)
    assert one_location in md
    assert one_dispute in md
    assert previous_one in md
    html = unescape(render(report, "html", lang))
    assert one_location.strip("()") in html
    assert ("1 location with complaints" if lang == "en" else "1 locatie met klachten") in html
    many = render(build_report([rec(2), rec(3, location="KDV Maan")], year=2025), "md", lang)
    assert ("(across 2 locations)" if lang == "en" else "(over 2 locaties)") in many
