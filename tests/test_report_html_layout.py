"""The annual report page's layout (issue 14, item 3): contents, a strict CSP, offline, charts, print CSS.

The table script itself is driven in a real browser by ``tests/web/test_report_table.py``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from klachtregels.report import AnnualReport, Section, build_report, render, sections
from klachtregels.report import _layout as layout
from report_helpers import example_report, rec

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: The only site the report links to: the statute's text (plain links, nothing loaded from it).
LEGAL_SITE = "https://wetten.overheid.nl/"


class _Page(HTMLParser):
    """What the page holds: ids, links, loaded resources, style attributes, inline scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.style_attrs: list[str] = []
        self.tags: list[str] = []
        self.csp: str | None = None
        self.toc: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: str | None = None
        self._in_toc = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
            if self._in_toc:
                self.toc.append(a["href"])
        if "src" in a:
            self.srcs.append(a["src"])
        if "style" in a:
            self.style_attrs.append(a["style"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a["content"]
        if tag == "nav" and a.get("id") == "toc":
            self._in_toc = True
        if tag in ("script", "style"):
            self._raw = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_toc = False
        if tag in ("script", "style"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.scripts.append(data)
        elif self._raw == "style":
            self.styles.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


_example = example_report


def _many_locations(n: int = 60) -> AnnualReport:
    records = [rec(i, location=f"Locatie {i}", verdict="ongegrond") for i in range(2, n + 2)]
    return build_report(records, year=2025)


REPORTS = {
    "example": _example,
    "many-locations": _many_locations,
    "one-complaint": lambda: build_report([rec(2)], year=2025),
}


@pytest.fixture(scope="module", params=sorted(REPORTS))
def rendered(request: pytest.FixtureRequest) -> tuple[AnnualReport, str, str]:
    report = REPORTS[request.param]()
    return report, "nl", render(report, "html", "nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_contents_lists_every_section_in_order_and_each_link_resolves(lang: str) -> None:
    report = _example()
    page = _parse(render(report, "html", lang))
    assert page.toc == [f"#{s.value}" for s in sections(report)]
    assert len(page.ids) == len(set(page.ids)), "an id is used twice"
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert internal, "no internal links"
    assert set(internal) <= set(page.ids)
    # Every section has its Section value as id; every section links back to the contents.
    assert {s.value for s in sections(report)} <= set(page.ids)
    assert internal.count("toc") == len(sections(report))


def test_the_csp_allows_exactly_the_inline_script_and_style_by_hash(
    rendered: tuple[AnnualReport, str, str],
) -> None:
    _report, _lang, html = rendered
    page = _parse(html)
    assert page.csp is not None
    directives = dict(d.strip().split(" ", 1) for d in page.csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe" not in page.csp
    (script,) = page.scripts
    (style,) = page.styles

    def sha(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"

    assert directives["script-src"] == sha(script)
    assert directives["style-src"] == sha(style)
    # A style attribute would be blocked by this CSP: none is written.
    assert page.style_attrs == []


def test_nothing_is_loaded_and_only_the_statute_is_linked(rendered: tuple[AnnualReport, str, str]) -> None:
    _report, _lang, html = rendered
    page = _parse(html)
    assert page.srcs == []
    assert not {"img", "link", "iframe", "object", "embed", "svg"} & set(page.tags)
    external = [h for h in page.hrefs if not h.startswith("#")]
    assert all(h.startswith(LEGAL_SITE) for h in external), external
    css = "".join(page.styles)
    assert "url(" not in css
    assert "@import" not in css
    assert not re.search(r"\b(fetch|XMLHttpRequest|import\(|eval|Function\()", "".join(page.scripts))


def test_example_report_links_the_statute() -> None:
    page = _parse(render(_example(), "html", "nl"))
    assert any(h.startswith(LEGAL_SITE) for h in page.hrefs)


def test_print_css_gives_an_a4_document() -> None:
    css = layout.stylesheet()
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css)
    assert "counter(page)" in css
    print_block = css[css.index("@media print") :]
    # no search box or buttons in print; headings kept with what follows; rows not cut;
    # every row of a table the script shortened; the URLs of the legal references written out.
    for rule in (
        ".tools",
        "break-after:avoid",
        "tr",
        "break-inside:avoid",
        "tr[hidden]",
        'a[href^="http"]::after',
    ):
        assert rule in print_block, rule


def test_bars_are_css_classes_the_stylesheet_defines() -> None:
    html = render(_example(), "html", "nl")
    widths = {int(w) for w in re.findall(r'class="bf w(\d+) f-\w+"', html)}
    assert 100 in widths
    css = layout.stylesheet()
    for w in widths:
        assert f".w{w}{{width:{w}%}}" in css
    for colour in layout.BAR_COLOURS:
        assert f".f-{colour}{{" in css


def test_a_bar_above_zero_is_never_empty_and_an_unknown_colour_is_refused() -> None:
    chart = layout.bar_chart(
        "c", "Kop", [("groot", 1000, "accent"), ("klein", 1, "accent"), ("nul", 0, "grey")], "nl"
    )
    assert re.findall(r"bf w(\d+)", chart) == ["100", "1", "0"]
    assert 'role="img"' in chart
    assert 'aria-labelledby="c-t c-d"' in chart
    with pytest.raises(ValueError, match="colour"):
        layout.bar_chart("c", "Kop", [("x", 1, "#ff0000")], "nl")


def test_the_location_table_carries_its_script_hooks() -> None:
    report = _many_locations(60)
    html = render(report, "html", "en")
    page = _parse(html)
    table = re.search(r'<table class="loc" id="loc"([^>]*)>', html)
    assert table is not None
    assert 'data-tools="loc-tools"' in table.group(1)
    assert f'data-first="{layout.FIRST_ROWS}"' in table.group(1)
    assert "loc-tools" in page.ids
    assert re.search(r'<div class="tools" id="loc-tools" hidden>', html), (
        "the tools show only with the script"
    )
    assert '<label for="loc-q">' in html
    assert "loc-q" in page.ids
    # The count's template keeps the {shown} placeholder for the script; the total is filled in.
    assert 'data-template="{shown} of 60 rows shown"' in html


def test_table_rows_are_whole_without_the_script() -> None:
    # Without JavaScript nothing is hidden: every location is a row of the table.
    report = _many_locations(60)
    html = render(report, "html", "nl")
    body = html[html.index('id="loc"') :]
    body = body[: body.index("</table>")]
    assert body.count("<tr>") == 60 + 1  # the header row and one per location
    assert " hidden" not in body


def test_every_section_id_is_a_section_value() -> None:
    html = render(_example(), "html", "nl")
    ids = re.findall(r'<section id="([^"]+)">', html)
    assert [Section(i) for i in ids] == list(sections(_example()))
