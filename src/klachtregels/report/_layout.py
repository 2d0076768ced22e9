"""The annual report page's shell: stylesheet, script, Content-Security-Policy, contents and charts.

:mod:`klachtregels.report.render_html` draws the sections; this module gives them a page that
works offline and from phone to print width:

- one stylesheet (``assets/report.css``: screen, phone, and ``@media print`` / ``@page`` for an A4
  document from the browser or WeasyPrint) and one small script (``assets/table.js``: the
  per-location table sorted and searched in the page; without JavaScript it is the whole table);
- a strict Content-Security-Policy: ``default-src 'none'`` and the inline style and script allowed
  by their SHA-256 hashes, computed here from the very text that is written, so neither
  ``'unsafe-inline'`` nor any network resource is needed (no ``style=`` attribute is written: a
  bar's length is a class, ``w0`` .. ``w100``);
- the table of contents from :func:`~klachtregels.report.sections.sections` (each section's id is
  its :class:`~klachtregels.report.sections.Section` value);
- bar charts as HTML rows, not SVG: a label stays at the page's text size at any width (on a phone
  it moves above its bar), where a scaled SVG shrank its labels to a few pixels.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Final

from klachtregels.messages import text
from klachtregels.report._text import fmt_int

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from klachtregels.report.sections import Section

__all__ = [
    "BAR_COLOURS",
    "FIRST_ROWS",
    "bar_chart",
    "content_security_policy",
    "page",
    "script",
    "section_head",
    "stylesheet",
    "table_tools",
    "toc",
]

_ASSETS: Final = Path(__file__).parent / "assets"

#: The colour classes a bar can have (``f-NAME`` in the stylesheet).
BAR_COLOURS: Final = frozenset({"accent", "red", "orange", "green", "grey"})

#: A sortable table longer than this shows its first rows on screen, with a "show all" button
#: (the page stays short; search and sort still cover every row; print always has every row).
FIRST_ROWS: Final = 50


def _e(value: object) -> str:
    return escape(str(value), quote=True)


@functools.cache
def stylesheet() -> str:
    """The page's CSS: the asset file and the bar-length classes ``.w0`` .. ``.w100``."""
    widths = "".join(f".w{i}{{width:{i}%}}" for i in range(101))
    return "\n" + (_ASSETS / "report.css").read_text(encoding="utf-8") + widths + "\n"


@functools.cache
def script() -> str:
    """The page's one script (the sortable, searchable table), as written into the page."""
    return "\n" + (_ASSETS / "table.js").read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(style: str, code: str) -> str:
    """Nothing loads but this inline ``style`` and ``code`` (by hash); no form, no base URL."""
    return (
        f"default-src 'none'; style-src '{_sha256(style)}'; script-src '{_sha256(code)}'; "
        "base-uri 'none'; form-action 'none'"
    )


def page(*, title: str, lang: str, body: Iterable[str]) -> str:
    """The whole HTML document: head (CSP, viewport, style), ``body`` in ``<main>``, the script last."""
    style, code = stylesheet(), script()
    csp = content_security_policy(style, code)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{style}</style>\n</head>\n"
        '<body>\n<main id="top">\n'
        + "\n".join(body)
        + f"\n</main>\n<script>{code}</script>\n</body>\n</html>\n"
    )


def toc(items: Sequence[Section], lang: str) -> str:
    """The table of contents: a link to each section (print adds page numbers where the engine can)."""
    label = _e(text("REPORT_TOC", lang))
    links = "".join(f'<li><a href="#{s.value}">{_e(s.heading(lang))}</a></li>' for s in items)
    return f'<nav class="toc" id="toc" aria-label="{label}"><p>{label}</p><ol>{links}</ol></nav>'


def section_head(section: Section, lang: str) -> str:
    """A section's heading row: the ``<h2>`` and a link back to the contents (screen only)."""
    back = _e(text("REPORT_BACK_TO_TOC", lang))
    return (
        f'<div class="sh"><h2>{_e(section.heading(lang))}</h2><a class="top" href="#toc">↑ {back}</a></div>'
    )


def bar_chart(chart_id: str, heading: str, items: Sequence[tuple[str, int, str]], lang: str) -> str:
    """A horizontal bar chart as HTML rows; ``items`` are ``(label, value, colour)``.

    ``colour`` is one of :data:`BAR_COLOURS`. The chart is one image for assistive technology
    (``role="img"``, named by its heading and a note that the table below holds the same figures).
    """
    top = max((v for _l, v, _c in items), default=0) or 1
    rows = []
    for label, value, colour in items:
        if colour not in BAR_COLOURS:
            raise ValueError(f"unknown bar colour {colour!r}")
        # Never 0 % for a count above 0: every counted category shows a bar.
        width = max(round(100 * value / top), 1 if value else 0)
        rows.append(
            f'<div class="bar"><span class="bl">{_e(label)}</span>'
            f'<span class="bt"><span class="bf w{width} f-{colour}"></span></span>'
            f'<span class="bv">{_e(fmt_int(value, lang))}</span></div>'
        )
    return (
        f'<div class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<p class="ct" id="{chart_id}-t">{_e(heading)}</p>'
        f'<p class="sr" id="{chart_id}-d">{_e(text("REPORT_CHART_NOTE", lang))}</p>'
        + "".join(rows)
        + "</div>"
    )


def table_tools(table_id: str, rows: int, lang: str) -> str:
    """The search box, row count and "show all" button of a sortable table (hidden without JavaScript)."""
    n = fmt_int(rows, lang)
    template = text("REPORT_TABLE_SHOWN", lang, shown="{shown}", total=n)
    more = text("REPORT_TABLE_SHOW_ALL", lang, total=n)
    less = text("REPORT_TABLE_SHOW_FIRST", lang, first=fmt_int(FIRST_ROWS, lang))
    return (
        f'<div class="tools" id="{table_id}-tools" hidden>'
        f'<label for="{table_id}-q">{_e(text("REPORT_TABLE_SEARCH", lang))}</label>'
        f'<input id="{table_id}-q" type="search" autocomplete="off" spellcheck="false" '
        f'aria-controls="{table_id}">'
        f'<span role="status" aria-live="polite" data-template="{_e(template)}"></span>'
        f'<button type="button" aria-controls="{table_id}" data-more="{_e(more)}" data-less="{_e(less)}">'
        f"{_e(more)}</button></div>"
    )
