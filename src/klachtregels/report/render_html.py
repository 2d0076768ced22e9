"""The annual report as one self-contained HTML page.

No network, no JavaScript, CSS inline. Charts are inline SVG bar charts with a title and a
description, and each is followed by a table with the same figures (accessibility). Headline
figures come first; the per-location part is one compact table, whatever the number of locations.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Final

from klachtregels.report._text import (
    category_change_table,
    category_name,
    category_table,
    category_verdict_table,
    cite_range,
    due_lines,
    entry_detail,
    flag_text,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    gck_organisation_table,
    gck_subject_table,
    label,
    location_count,
    location_name,
    location_table,
    measures_recorded,
    measures_table,
    organisation_name,
    organisation_table,
    quality_lines,
    source_list,
    term_text,
    title,
    verdict_counts,
    verdict_label,
    verdict_table,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

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

_VERDICT_COLOURS: Final = {
    "gegrond": "#b83227",
    "deels_gegrond": "#e08e0b",
    "ongegrond": "#2f855a",
    None: "#9aa5b1",
}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


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
        f'<desc id="{chart_id}-d">{_e(label("chart_note", lang))}</desc>',
    ]
    for i, (text, value, colour) in enumerate(items):
        y = pad + i * row
        w = round(bar_area * value / top, 1)
        short = text if len(text) <= 38 else text[:36] + "…"
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


def render_html(report: AnnualReport, lang: str = "nl") -> str:
    """Render ``report`` as a self-contained HTML page. ``lang``: ``"nl"`` (default) or ``"en"``."""
    r = report
    t = r.total
    n_locations = location_count(r)
    body: list[str] = [
        f"<h1>{_e(title(r, lang))}</h1>",
        f'<p class="sub">{_e(label("subtitle", lang, year=r.year))}</p>',
    ]

    # 1. Headline figures.
    cards = [
        _card(
            label("total_complaints", lang, year=r.year),
            fmt_int(t.total, lang),
            _e(label("locations_with", lang, n=fmt_int(n_locations, lang))),
        )
    ]
    if r.by_organisation:
        detail = "<br>".join(
            f"{_e(organisation_name(g.name, lang))}: <b>{fmt_int(g.total, lang)}</b>"
            for g in r.by_organisation
        )
        cards.append(_card(label("per_organisation", lang), fmt_int(len(r.by_organisation), lang), detail))
    share = r.share_of_children
    if share is not None and r.children_served is not None:
        cards.append(
            _card(
                label("share_children", lang),
                fmt_pct(share, lang),
                _e(label("of_children", lang, n=fmt_int(r.children_served, lang))),
            )
        )
    if r.previous is not None:
        diff = t.total - r.previous.total
        rel = f" ({fmt_signed_pct(diff / r.previous.total, lang)})" if r.previous.total else ""
        cards.append(
            _card(
                label("vs_previous", lang, year=r.previous.year),
                fmt_signed(diff, lang),
                _e(f"{fmt_int(r.previous.total, lang)} → {fmt_int(t.total, lang)}{rel}"),
            )
        )
    v = t.verdicts
    cards.append(
        _card(
            label("founded_share", lang),
            f"{fmt_pct((v.gegrond + v.deels_gegrond) / v.total, lang, 0)}" if v.total else "–",
            "<br>".join(
                f"{_e(verdict_label(k, lang))}: <b>{fmt_int(n, lang)}</b>" for k, n in verdict_counts(v)
            ),
        )
    )
    if r.gck is None:
        cards.append(_card(label("gck_cases", lang), "?", _e(label("gck_unknown", lang))))
    else:
        detail = "<br>".join(f"{_e(verdict_label(o, lang))}: <b>{n}</b>" for o, n in r.gck.by_outcome)
        cards.append(_card(label("gck_cases", lang), fmt_int(r.gck.total, lang), detail))
    body += [f"<h2>{_e(label('headline', lang))}</h2>", '<div class="cards">', *cards, "</div>"]
    due_cls = "due" if r.due.outcome == "UNDETERMINED" else "due ok"
    body.append(
        f'<div class="{due_cls}"><strong>{_e(label("due", lang))}.</strong> '
        + " ".join(_e(line) for line in due_lines(r.due, lang))
        + "</div>"
    )
    # 2. The regulation (lid 4 a, b).
    org = r.organisation
    desc = org.regulation.description if org is not None else None
    how = org.regulation.how_parents_informed if org is not None else None
    body += [
        f"<h2>{_e(label('regulation', lang))}</h2>",
        f"<h3>{_e(label('regulation_description', lang))}</h3><p>{_e(desc or label('not_given', lang))}</p>",
        f"<h3>{_e(label('how_informed', lang))}</h3><p>{_e(how or label('not_given', lang))}</p>",
    ]
    facts = []
    if org is not None and org.regulation.provides.handling_term is not None:
        term = term_text(org.regulation.provides.handling_term, lang)
        facts.append(f"<li>{_e(label('handling_term', lang))}: <b>{_e(term)}</b></li>")
    if org is not None and org.geschillencommissie.affiliated is not None:
        yes = label("yes" if org.geschillencommissie.affiliated else "no", lang)
        facts.append(f"<li>{_e(label('gck_affiliated', lang))}: <b>{_e(yes)}</b></li>")
    if facts:
        body.append("<ul>" + "".join(facts) + "</ul>")

    # 3. Nature of complaints.
    body.append(f"<h2>{_e(label('nature', lang))}</h2>")
    body.append(
        _bar_chart(
            "chart-categories",
            label("chart_categories", lang),
            [(category_name(c, lang), n, "#0b5cad") for c, n in t.categories],
            lang,
        )
    )
    body.append(_table(category_table(r, lang)))
    change = category_change_table(r, lang)
    if change is not None:
        body.append(_table(change))

    # 4. Judgements and measures.
    body.append(f"<h2>{_e(label('judgements_measures', lang))}</h2>")
    body.append(
        _bar_chart(
            "chart-verdicts",
            label("chart_verdicts", lang),
            [(verdict_label(k, lang), n, _VERDICT_COLOURS[k]) for k, n in verdict_counts(v)],
            lang,
        )
    )
    body.append(_table(verdict_table(r, lang)))
    body.append(f"<h3>{_e(label('verdict_per_category', lang))}</h3>")
    body.append(_table(category_verdict_table(r, lang)))
    body.append(f"<h3>{_e(label('measures', lang))}</h3>")
    body.append(_table(measures_table(r, lang)))
    if not measures_recorded(r):
        body.append(f'<p class="note">{_e(label("m_note", lang))}</p>')

    # 5. Per organisation.
    if r.by_organisation:
        body.append(f"<h2>{_e(label('organisations', lang))}</h2>")
        body.append(_table(organisation_table(r, lang)))

    # 6. Geschillencommissie.
    body.append(f"<h2>{_e(label('gck', lang))}</h2>")
    if r.gck is None:
        body.append(f"<p>{_e(label('gck_none_given', lang))}</p>")
    else:
        body.append(f"<p>{_e(label('total', lang))}: <b>{fmt_int(r.gck.total, lang)}</b></p>")
        if r.gck.total:
            body.append('<div class="two"><div>')
            body.append(_table(gck_subject_table(r.gck, lang)))
            body.append("</div><div>")
            body.append(_table(gck_organisation_table(r.gck, lang)))
            body.append("</div></div>")

    # 7. Per location: one compact table.
    body.append(f"<h2>{_e(label('per_location', lang))}</h2>")
    loc_note = label("per_location_note", lang, n=fmt_int(n_locations, lang), year=r.year)
    body.append(f'<p class="note">{_e(loc_note)}</p>')
    body.append(_table(location_table(r, lang), cls="loc"))

    # 8. Data quality.
    body.append(f"<h2>{_e(label('data_quality', lang))}</h2>")
    body.append(
        '<ul class="dq">' + "".join(f"<li>{_e(line)}</li>" for line in quality_lines(r, lang)) + "</ul>"
    )

    # 9. Entries (on request only; already redacted).
    if r.include_descriptions:
        body.append(f"<h2>{_e(label('entries', lang))}</h2>")
        body.append(f'<p class="note">{_e(label("entries_note", lang))}</p>')
        for e in r.entries:
            head = f"{location_name(e.location, lang)} · {entry_detail(e, lang)}"
            inner = ""
            if e.description:
                inner += f"<p><b>{_e(label('description', lang))}:</b> {_e(e.description)}</p>"
            if e.summary:
                inner += f"<p><b>{_e(label('solution', lang))}:</b> {_e(e.summary)}</p>"
            for measure in e.measures:
                inner += f"<p><b>{_e(label('measures', lang))}:</b> {_e(measure)}</p>"
            body.append(f"<details><summary>{_e(head)}</summary>{inner}</details>")

    # 10. Legal basis and footer.
    url = r.citations[0].url if r.citations else None
    basis = f'<a href="{_e(url)}">{_e(cite_range(lang))}</a>' if url else _e(cite_range(lang))
    body.append(f"<h2>{_e(label('legal_basis', lang))}</h2>")
    items = [f"<li>{basis} (R9)</li>"]
    items += [f"<li><b>{_e(f)}</b>: {_e(flag_text(f, lang))}</li>" for f in r.due.flags]
    body.append("<ul>" + "".join(items) + "</ul>")
    body.append(f"<p>{_e(label('anonymity', lang))}</p>")
    if org is not None:
        sources = source_list(org)
        if sources:
            body.append(f'<p class="note"><b>{_e(label("sources", lang))}:</b> {_e(" ".join(sources))}</p>')
    body.append(f"<footer>{_e(label('generated', lang, version=r.library_version))}</footer>")

    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title(r, lang))}</title>\n<style>{_CSS}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
