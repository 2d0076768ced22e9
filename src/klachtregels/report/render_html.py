"""The annual report as one self-contained HTML page.

No network, no JavaScript, CSS inline. The sections and their order come from
:mod:`klachtregels.report.sections`, the words from :mod:`klachtregels.report._text`; this module
only adds the markup. Charts are inline SVG bar charts with a title and a
description, and each is followed by a table with the same figures (accessibility). Headline
figures come first; the per-location part is one compact table, whatever the number of locations.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Final

from klachtregels._io import printable
from klachtregels.messages import check_lang, text
from klachtregels.model import Verdict
from klachtregels.report._text import (
    category_change_table,
    category_name,
    category_table,
    category_verdict_table,
    cite_range,
    entry_detail,
    fmt_int,
    fmt_pct,
    gck_organisation_table,
    gck_subject_table,
    location_change_table,
    location_count,
    location_name,
    location_table,
    measure_nature_note,
    measure_nature_table,
    measures_table,
    organisation_name,
    organisation_table,
    previous_change,
    previous_lines,
    suppression_note,
    term_text,
    title,
    verdict_counts,
    verdict_label,
    verdict_table,
)
from klachtregels.report.sections import Section, sections, several_organisations

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from klachtregels.report._text import Table
    from klachtregels.report.model import AnnualReport

__all__ = ["render_html"]

_CSS: Final = """
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#f5f7fa;--accent:#0b5cad}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0;
background:#fff;line-height:1.5;font-size:15px}
main{max-width:1080px;margin:0 auto;padding:32px 28px 64px}
h1{font-size:30px;margin:0 0 4px}
h2{font-size:21px;margin:40px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:24px 0 8px}
.sub{color:var(--muted);margin:0 0 24px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:14px;margin:16px 0}
.card{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .k{font-size:13px;color:var(--muted);margin:0}
.card .v{font-size:30px;font-weight:700;margin:2px 0;color:var(--accent)}
.card .d{font-size:13px;color:var(--muted);margin:0}
.due{border-left:4px solid #c77d00;background:#fff8e6;padding:12px 16px;border-radius:6px;margin:18px 0}
.due.ok{border-left-color:#2f855a;background:#eefaf3}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
tbody th{background:none;font-weight:400}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:700}
table.loc{font-size:12.5px}
table.loc td.c{color:var(--muted)}
.chart{margin:8px 0 4px;max-width:100%}
.note{color:var(--muted);font-size:13px}
.two{display:grid;grid-template-columns:1fr 1fr;gap:24px}
@media (max-width:800px){.two{grid-template-columns:1fr}}
ul.dq li{margin:3px 0}
details{margin:6px 0;border-bottom:1px solid var(--line);padding:4px 0}
summary{cursor:pointer;font-weight:600}
footer{margin-top:40px;color:var(--muted);font-size:13px}
"""

_VERDICT_COLOURS: Final[dict[Verdict | None, str]] = {
    Verdict.GEGROND: "#b83227",
    Verdict.DEELS_GEGROND: "#e08e0b",
    Verdict.ONGEGROND: "#2f855a",
    None: "#9aa5b1",
}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _bar_chart(
    chart_id: str,
    heading: str,
    items: Sequence[tuple[str, int, str]],
    lang: str,
    *,
    label_width: int = 270,
) -> str:
    """Horizontal bar chart as inline SVG; ``items`` are ``(label, value, colour)``."""
    width, row, pad = 760, 22, 6
    bar_area = width - label_width - 60
    top = max((v for _l, v, _c in items), default=0) or 1
    height = len(items) * row + pad * 2
    parts = [
        f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{_e(heading)}</title>',
        f'<desc id="{chart_id}-d">{_e(text("REPORT_CHART_NOTE", lang))}</desc>',
    ]
    for i, (name, value, colour) in enumerate(items):
        y = pad + i * row
        w = round(bar_area * value / top, 1)
        short = name if len(name) <= 38 else name[:36] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" font-size="12.5" fill="#1f2933">'
            f"{_e(short)}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{w}" height="{row - 7}" rx="2" fill="{colour}"/>'
            f'<text x="{label_width + w + 6}" y="{y + 15}" font-size="12.5" fill="#1f2933">'
            f"{_e(fmt_int(value, lang))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(table: Table, *, cls: str = "") -> str:
    """An HTML table; cells are escaped here. A row's first cell is its header, except in the total row."""
    numeric = table.numeric
    out = [f'<table class="{cls}">' if cls else "<table>"]
    out.append(
        "<thead><tr>"
        + "".join(
            f'<th scope="col"{" class=n" if i in numeric else ""}>{_e(h)}</th>'
            for i, h in enumerate(table.head)
        )
        + "</tr></thead><tbody>"
    )
    all_rows = [(r, "") for r in table.rows] + ([(table.total, "total")] if table.total is not None else [])
    for row, row_cls in all_rows:
        cells = []
        for i, c in enumerate(row):
            if i == 0:
                cells.append(f'<th scope="row">{_e(c)}</th>' if not row_cls else f"<td>{_e(c)}</td>")
            else:
                cells.append(f"<td{' class=n' if i in numeric else ''}>{_e(c)}</td>")
        out.append(
            f'<tr class="{row_cls}">' + "".join(cells) + "</tr>"
            if row_cls
            else "<tr>" + "".join(cells) + "</tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _card(key: str, value: str, detail: str = "") -> str:
    d = f'<p class="d">{detail}</p>' if detail else ""
    return f'<div class="card"><p class="k">{_e(key)}</p><p class="v">{_e(value)}</p>{d}</div>'


def _h2(section: Section, lang: str) -> str:
    return f"<h2>{_e(section.heading(lang))}</h2>"


def _headline_cards(r: AnnualReport, lang: str) -> list[str]:
    """Total, per organisation, share of children and against the previous year."""
    t = r.total
    where = text("REPORT_LOCATIONS_WITH", lang, n=fmt_int(location_count(r), lang))
    cards = [_card(text("REPORT_TOTAL_COMPLAINTS", lang, year=r.year), fmt_int(t.total, lang), _e(where))]
    if several_organisations(r):
        detail = "<br>".join(
            f"{_e(organisation_name(g.name, lang))}: <b>{fmt_int(g.total, lang)}</b>"
            for g in r.by_organisation
        )
        n = fmt_int(len(r.by_organisation), lang)
        cards.append(_card(text("REPORT_PER_ORGANISATION", lang), n, detail))
    share = r.share_of_children
    if share is not None and r.children_served is not None:
        of = text("REPORT_OF_CHILDREN", lang, n=fmt_int(r.children_served, lang))
        cards.append(_card(text("REPORT_SHARE_CHILDREN", lang), fmt_pct(share, lang), _e(of)))
    change = previous_change(r, lang)
    if r.previous is not None and change is not None:
        diff, rel = change
        more = f" ({rel})" if rel is not None else ""
        detail = _e(f"{fmt_int(r.previous.total, lang)} → {fmt_int(t.total, lang)}{more}")
        detail = "<br>".join([detail, *(_e(line) for line in previous_lines(r, lang))])
        cards.append(_card(text("REPORT_VS_PREVIOUS", lang, year=r.previous.year), diff, detail))
    return cards


def _outcome_cards(r: AnnualReport, lang: str) -> list[str]:
    """The share judged (partly) well-founded, and the Geschillencommissie cases."""
    v = r.total.verdicts
    founded = fmt_pct((v.gegrond + v.deels_gegrond) / v.total, lang, 0) if v.total else "–"
    detail = "<br>".join(
        f"{_e(verdict_label(k, lang))}: <b>{fmt_int(n, lang)}</b>" for k, n in verdict_counts(v)
    )
    cards = [_card(text("REPORT_FOUNDED_SHARE", lang), founded, detail)]
    if r.gck is None:
        cards.append(_card(text("REPORT_GCK_CASES", lang), "?", _e(text("REPORT_GCK_UNKNOWN", lang))))
    else:
        detail = "<br>".join(f"{_e(verdict_label(o, lang))}: <b>{n}</b>" for o, n in r.gck.by_outcome)
        cards.append(_card(text("REPORT_GCK_CASES", lang), fmt_int(r.gck.total, lang), detail))
    return cards


def _headline(r: AnnualReport, lang: str) -> list[str]:
    """Headline figures as cards (when it is due is the review notes' matter, not the public's)."""
    return ['<div class="cards">', *_headline_cards(r, lang), *_outcome_cards(r, lang), "</div>"]


def _regulation(r: AnnualReport, lang: str) -> list[str]:
    """The regulation and how parents were told (lid 4 a, b)."""
    org = r.organisation
    desc = org.regulation.description if org is not None else None
    how = org.regulation.how_parents_informed if org is not None else None
    not_given = text("REPORT_NOT_GIVEN", lang)
    out = [
        f"<h3>{_e(text('REPORT_REGULATION_DESCRIPTION', lang))}</h3><p>{_e(desc or not_given)}</p>",
        f"<h3>{_e(text('REPORT_HOW_INFORMED', lang))}</h3><p>{_e(how or not_given)}</p>",
    ]
    facts = []
    if org is not None and org.regulation.provides.handling_term is not None:
        term = term_text(org.regulation.provides.handling_term, lang)
        facts.append(f"<li>{_e(text('REPORT_HANDLING_TERM', lang))}: <b>{_e(term)}</b></li>")
    if org is not None and org.geschillencommissie.affiliated is not None:
        yes = text("REPORT_YES" if org.geschillencommissie.affiliated else "REPORT_NO", lang)
        facts.append(f"<li>{_e(text('REPORT_GCK_AFFILIATED', lang))}: <b>{_e(yes)}</b></li>")
    if facts:
        out.append("<ul>" + "".join(facts) + "</ul>")
    return out


def _nature(r: AnnualReport, lang: str) -> list[str]:
    """Complaints per category as a chart and a table, and against the previous year (lid 4 c)."""
    chart = _bar_chart(
        "chart-categories",
        text("REPORT_CHART_CATEGORIES", lang),
        [(category_name(c, lang), n, "#0b5cad") for c, n in r.total.categories],
        lang,
    )
    change = category_change_table(r, lang)
    return [chart, _table(category_table(r, lang)), *([_table(change)] if change is not None else [])]


def _judgements(r: AnnualReport, lang: str) -> list[str]:
    """The tenor of the judgements and the measures (lid 4 c)."""
    chart = _bar_chart(
        "chart-verdicts",
        text("REPORT_CHART_VERDICTS", lang),
        [(verdict_label(k, lang), n, _VERDICT_COLOURS[k]) for k, n in verdict_counts(r.total.verdicts)],
        lang,
    )
    out = [
        chart,
        _table(verdict_table(r, lang)),
        f"<h3>{_e(text('REPORT_VERDICT_PER_CATEGORY', lang))}</h3>",
        _table(category_verdict_table(r, lang)),
        f"<h3>{_e(text('REPORT_MEASURES', lang))}</h3>",
        _table(measures_table(r, lang)),
    ]
    nature = measure_nature_table(r, lang)
    if nature is not None:
        out += [
            f"<h3>{_e(text('REPORT_MEASURE_NATURE', lang))}</h3>",
            _table(nature),
            f'<p class="note">{_e(measure_nature_note(r, lang) or "")}</p>',
        ]
    elif r.measure_source is None:
        out.append(f'<p class="note">{_e(text("REPORT_M_NOTE", lang))}</p>')
    return out


def _organisations(r: AnnualReport, lang: str) -> list[str]:
    """Complaints per organisation (legal entity)."""
    return [_table(organisation_table(r, lang))]


def _gck(r: AnnualReport, lang: str) -> list[str]:
    """Disputes before the Geschillencommissie (lid 4 d); unknown (not zero) when none were given."""
    if r.gck is None:
        return [f"<p>{_e(text('REPORT_GCK_NONE_GIVEN', lang))}</p>"]
    if not r.gck.total:
        return [f"<p>{_e(text('REPORT_GCK_NONE', lang, year=r.year))}</p>"]
    out = [f"<p>{_e(text('REPORT_TOTAL', lang))}: <b>{fmt_int(r.gck.total, lang)}</b></p>"]
    if len(r.gck.by_organisation) > 1:
        out += [
            '<div class="two"><div>',
            _table(gck_subject_table(r.gck, lang)),
            "</div><div>",
            _table(gck_organisation_table(r.gck, lang)),
            "</div></div>",
        ]
    else:
        out.append(_table(gck_subject_table(r.gck, lang)))
    return out


def _locations(r: AnnualReport, lang: str) -> list[str]:
    """One compact table of the locations with complaints (lid 4 c)."""
    note = text("REPORT_PER_LOCATION_NOTE", lang, n=fmt_int(location_count(r), lang), year=r.year)
    suppressed = suppression_note(r, lang)
    notes = [f'<p class="note">{_e(n)}</p>' for n in (note, suppressed) if n]
    out = [*notes, _table(location_table(r, lang), cls="loc")]
    change = location_change_table(r, lang)
    if change is not None and r.previous is not None:
        heading = text("REPORT_LOCATION_CHANGE", lang, year=r.previous.year)
        out += [f"<h3>{_e(heading)}</h3>", _table(change)]
    return out


def _entries(r: AnnualReport, lang: str) -> list[str]:
    """The redacted descriptions, one collapsible block each (only when asked for; lid 5)."""
    out = [f'<p class="note">{_e(text("REPORT_ENTRIES_NOTE", lang))}</p>']
    for e in r.entries:
        head = f"{location_name(e.location, lang)} · {entry_detail(e, lang)}"
        parts = [("REPORT_DESCRIPTION", e.description), ("REPORT_SOLUTION", e.summary)]
        parts += [("REPORT_MEASURES", m) for m in e.measures]
        inner = "".join(
            f"<p><b>{_e(text(code, lang))}:</b> {_e(value)}</p>" for code, value in parts if value
        )
        out.append(f"<details><summary>{_e(head)}</summary>{inner}</details>")
    return out


def _legal_basis(r: AnnualReport, lang: str) -> list[str]:
    """The legal basis as an article with its link, and what the report leaves out (lid 5-6)."""
    url = next((c.url for c in r.citations if c.url), None)
    basis = f'<a href="{_e(url)}">{_e(cite_range(lang))}</a>' if url else _e(cite_range(lang))
    return [f"<ul><li>{basis}</li></ul>", f"<p>{_e(text('REPORT_ANONYMITY', lang))}</p>"]


#: How each section is drawn; the order is :data:`~klachtregels.report.sections.SECTION_ORDER`.
_SECTIONS: Final[Mapping[Section, Callable[[AnnualReport, str], list[str]]]] = {
    Section.HEADLINE: _headline,
    Section.REGULATION: _regulation,
    Section.NATURE: _nature,
    Section.JUDGEMENTS: _judgements,
    Section.ORGANISATIONS: _organisations,
    Section.GCK: _gck,
    Section.LOCATIONS: _locations,
    Section.ENTRIES: _entries,
    Section.LEGAL_BASIS: _legal_basis,
}


def render_html(report: AnnualReport, lang: str = "nl") -> str:
    """Render ``report`` as a self-contained HTML page. ``lang``: ``"nl"`` (default) or ``"en"``."""
    lang = check_lang(lang)
    page_title = _e(title(report, lang))
    body = [
        f"<h1>{page_title}</h1>",
        f'<p class="sub">{_e(text("REPORT_SUBTITLE", lang, year=report.year))}</p>',
    ]
    for section in sections(report):
        body += [_h2(section, lang), *_SECTIONS[section](report, lang)]
    return printable(  # no control characters or lone surrogates from user text
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{page_title}</title>\n<style>{_CSS}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
