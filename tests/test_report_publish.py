"""Two documents from one report (issue 14): the published report and the provider's review notes.

The published report (Markdown, HTML) holds what Wko art. 1.57b lid 4-9 asks for and nothing of the
review notes: no rule id, flag code, finding id, internal source or review text. ``--publish``
refuses while an item blocks publication, and ``--accept`` closes a kind after checking.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.model import Channel
from klachtregels.organisation import Organisation
from klachtregels.report import (
    ReviewItemKind,
    build_report,
    open_blockers,
    render,
    render_review,
    review_items,
    review_to_dict,
)
from klachtregels.report._text import due_lines, quality_lines
from klachtregels.report.notes import BLOCKING
from klachtregels.vocabulary import FlagCode
from report_helpers import rec

if TYPE_CHECKING:
    from klachtregels.report import AnnualReport

ROOT = Path(__file__).parent.parent
EXAMPLE = str(ROOT / "examples" / "register.csv")
EXAMPLE_ORG = str(ROOT / "examples" / "organisation.toml")


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load("gen_example_reports", ROOT / "scripts" / "gen_example_reports.py")
golden = _load("report_golden_builds", Path(__file__).parent / "test_report_golden.py")

#: A rule id (R9) or an ambiguity id (A16) standing alone, as the catalogue writes them.
_CATALOGUE_ID = re.compile(r"(?<![\w.-])[RA]\d{1,2}(?![\w.-])")
_FLAG = re.compile(r"\b(" + "|".join(sorted((f.value for f in FlagCode), key=len, reverse=True)) + r")\b")
_STYLE_SCRIPT = re.compile(r"<(style|script)\b.*?</\1>", re.DOTALL)
#: Words that only the review notes or the library's own documents use.
_INTERNAL = ("KR-", "seed", "klachtregels", "regelcatalogus", "ONBEPAALD", "UNDETERMINED", "VERIFY_")


def assert_publishable(report: AnnualReport, document: str, lang: str) -> None:
    """``document`` (the published report) carries nothing of the review notes."""
    names = {g.display_name or "" for g in report.by_location} | {c or "" for c, _ in report.total.categories}
    names |= {t or "" for e in report.entries for t in (e.description, e.summary, *e.measures)}
    text = _STYLE_SCRIPT.sub("", document)  # the visible text: a stylesheet's "A4" is not a rule id
    for name in sorted(names, key=len, reverse=True):  # the register's own words are not ours to judge
        if name:
            text = text.replace(name, "")
    assert not _CATALOGUE_ID.search(text), _CATALOGUE_ID.search(text)
    assert not _FLAG.search(text), _FLAG.search(text)
    for word in _INTERNAL:
        assert word not in text, word
    for item in review_items(report):
        assert item.message(lang, report.year) not in document
        assert item.fix(lang) not in document
    for line in [*due_lines(report.due, lang), *quality_lines(report, lang)]:
        assert line not in document, line


#: Every example report: the shipped examples and the golden fixtures (Partou's needs its data).
EXAMPLES = {
    **{name: build for name, (build, _outputs) in gen.REPORTS.items()},
    **{f"golden-{name}": (lambda b=build: b(Path("/nonexistent"))) for name, build in golden.BUILDS.items()},
}
EXAMPLES.pop("golden-generated")  # 2,000 generated rows: the random-register test below covers it


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_rule_id_flag_or_review_text_in_any_example(name: str, fmt: str, lang: str) -> None:
    report = EXAMPLES[name]()
    assert_publishable(report, render(report, fmt, lang), lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_review_notes_hold_what_the_partou_report_leaves_out(lang: str) -> None:
    report = gen.partou_2025()
    notes = render_review(report, "md", lang)
    assert "(A16)" in notes  # the open legal point
    assert "VERIFY_LID7" in render_review(report, "html", lang)
    assert "29" in notes  # the send-by advice: Friday 29 May 2026
    assert "403, 411" in notes  # the possible duplicate, by row
    assert "206, 241, 381" in notes  # the rows without a location, which block publication
    published = render(report, "md", lang)
    assert "403" not in published
    assert "206, 241, 381" not in published


_words = st.sampled_from(["KDV Zon", "BSO Maan", "Gastouder", None, "A1 Locatie", "R2"])


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            _words,
            st.sampled_from(["Communicatie", "Veiligheid", None, "Overig"]),
            st.sampled_from(["gegrond", "ongegrond", "deels_gegrond", None]),
            st.sampled_from(["Zon B.V.", "Maan B.V.", None]),
            st.sampled_from([Channel.EMAIL, Channel.ORAL, None]),
            st.one_of(st.none(), st.dates(dt.date(2024, 11, 1), dt.date(2026, 2, 1))),
        ),
        max_size=25,
    ),
    lang=st.sampled_from(["nl", "en"]),
    fmt=st.sampled_from(["md", "html"]),
    org=st.booleans(),
)
def test_no_review_text_in_the_published_report_for_any_register(
    rows: list[tuple[str | None, str | None, str | None, str | None, Channel | None, dt.date | None]],
    lang: str,
    fmt: str,
    org: bool,
) -> None:
    records = [
        rec(i + 2, location=loc, category=cat, verdict=v, organisation=o, channel=ch, received=day)
        for i, (loc, cat, v, o, ch, day) in enumerate(rows)
    ]
    report = build_report(records, year=2025, organisation=Organisation(name="Opvang B.V.") if org else None)
    assert_publishable(report, render(report, fmt, lang), lang)
    # Every item is either blocking or to check, and the JSON says so in the same numbers.
    data = review_to_dict(report, lang)
    assert data["blocking"] == len(open_blockers(report))
    assert data["publishable"] is (not open_blockers(report))


# --------------------------------------------------------------------------------------------------
# Which items block publication
# --------------------------------------------------------------------------------------------------


def _kinds(report: AnnualReport) -> set[ReviewItemKind]:
    return {i.kind for i in open_blockers(report)}


def test_what_lid_4_asks_for_blocks_when_it_is_missing() -> None:
    report = build_report([rec(2, location=None)], year=2025)
    assert _kinds(report) == {
        ReviewItemKind.NO_LOCATION,
        ReviewItemKind.REGULATION_NOT_GIVEN,
        ReviewItemKind.HOW_INFORMED_NOT_GIVEN,
        ReviewItemKind.GCK_NOT_GIVEN,
    }
    no_location = next(i for i in review_items(report) if i.kind is ReviewItemKind.NO_LOCATION)
    assert no_location.rows == (2,)
    # No disputes declared: lid 4 d is answered in one sentence and no longer blocks.
    declared = build_report([rec(2)], year=2025, gck_cases=())
    assert ReviewItemKind.GCK_NOT_GIVEN not in _kinds(declared)
    assert "In 2025 zijn er geen geschillen" in render(declared, "md")


def test_the_example_publishes_once_its_blockers_are_resolved() -> None:
    report = gen.voorbeeld_2025()
    assert _kinds(report) == {ReviewItemKind.ROWS_REJECTED}  # row 40's date, on purpose
    assert not open_blockers(report, accept=["rows_rejected"])
    accepted = review_items(report, accept=["rows_rejected"])
    assert all(i.accepted for i in accepted if i.kind is ReviewItemKind.ROWS_REJECTED)
    assert "--accept rows_rejected" in render_review(report, "html", "en", accept=["rows_rejected"])


def test_personal_data_in_a_shown_name_blocks_a_small_cell_does_not() -> None:
    report = build_report([rec(2, category="Klacht over juf Jansen"), rec(3, location="KDV Maan")], year=2025)
    kinds = {i.kind for i in review_items(report)}
    assert ReviewItemKind.PERSONAL_DATA_IN_CATEGORY in _kinds(report)
    assert ReviewItemKind.SINGLE_COMPLAINT_LOCATION in kinds
    assert ReviewItemKind.SINGLE_COMPLAINT_LOCATION not in BLOCKING


def test_descriptions_block_until_read() -> None:
    report = build_report([rec(2, description="Het eten was koud.")], year=2025, include_descriptions=True)
    assert ReviewItemKind.DESCRIPTIONS_INCLUDED in _kinds(report)


def test_an_unknown_kind_to_accept_is_an_error() -> None:
    with pytest.raises(InvalidInputError) as err:
        review_items(build_report([rec(2)], year=2025), accept=["everything"])
    assert "everything" not in str(err.value)  # never echoed


def test_an_empty_document_says_so() -> None:
    report = build_report([rec(2)], year=2025, gck_cases=(), organisation=gen.voorbeeld_2025().organisation)
    assert not open_blockers(report)
    notes = render_review(report, "md", "en")
    assert "Nothing blocks publication." in notes


# --------------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------------


def test_publish_refuses_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, notes = tmp_path / "verslag.html", tmp_path / "notes.json"
    args = ["report", EXAMPLE, "--year", "2025", "--org", EXAMPLE_ORG, "--format", "html", "-o", str(out)]
    assert main([*args, "--publish", "--review-notes", str(notes)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: niet gepubliceerd: 1 punt(en) houden publicatie tegen:\n")
    assert "(regel 40)" not in err  # the reasons, with what to do; the rows are in the notes
    assert not out.exists()
    data = json.loads(notes.read_text(encoding="utf-8"))
    assert data["schema"] == "klachtregels.annual-report-review"
    assert data["publishable"] is False
    assert [i["rows"] for i in data["items"] if i["kind"] == "rows_rejected"] == [[40]]
    # Accepted after checking: published, and the notes say it was accepted.
    assert main([*args, "--publish", "--accept", "rows_rejected", "--review-notes", str(notes)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads(notes.read_text(encoding="utf-8"))
    assert data["publishable"] is True
    assert any(i["accepted"] for i in data["items"])


def test_without_publish_the_report_is_written_and_the_blockers_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "verslag.md"
    assert main(["report", EXAMPLE, "--year", "2025", "--lang", "en", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "klachtregels: Resolve first: this blocks publication:" in err
    assert "write them with --review-notes FILE" in err
    assert out.exists()


@pytest.mark.parametrize(("suffix", "start"), [(".md", "# Controlepunten"), (".html", "<!DOCTYPE html>")])
def test_review_notes_format_follows_the_suffix(tmp_path: Path, suffix: str, start: str) -> None:
    notes = tmp_path / f"notes{suffix}"
    assert (
        main(
            ["report", EXAMPLE, "--year", "2025", "--review-notes", str(notes), "-o", str(tmp_path / "r.md")]
        )
        == 0
    )
    assert notes.read_text(encoding="utf-8").startswith(start)


def test_a_bad_review_notes_suffix_fails_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", EXAMPLE, "--year", "2025", "--review-notes", str(tmp_path / "notes.txt")]) == 2
    assert "--review-notes" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["no_verdict", "Jansen"])
def test_accept_takes_only_blocking_kinds(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", EXAMPLE, "--year", "2025", "--accept", kind]) == 2
    err = capsys.readouterr().err
    assert "--accept" in err
    assert "personal_data_in_location" in err  # the kinds it takes
    assert "Jansen" not in err  # the value given is never echoed


def test_building_the_parser_does_not_import_the_report() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from klachtregels.cli import build_parser; build_parser(); "
        "print('klachtregels.report' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pdf_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", EXAMPLE, "--year", "2025", "--format", "pdf"]) == 2
    assert "--output" in capsys.readouterr().err


def test_the_report_round_trips_in_a_fresh_interpreter() -> None:
    """to_dict/from_dict resolve the model's annotations; nothing else need have been imported first."""
    import subprocess
    import sys

    code = (
        "import datetime as dt\n"
        "from klachtregels.model import Complaint, RegisterRecord\n"
        "from klachtregels.report import AnnualReport, build_report\n"
        "r = build_report([RegisterRecord(complaint=Complaint(received_on=dt.date(2025, 3, 3),"
        " location='X'), row=2)], year=2025)\n"
        "print(AnnualReport.from_dict(r.to_dict()) == r)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
