"""The annual report as one self-contained HTML page.

No network; CSS and one small script inline, allowed by their hashes in the page's
Content-Security-Policy (:mod:`klachtregels.report._layout`: the page shell, the table of contents,
the charts, screen and print CSS). The sections and their order come from
:mod:`klachtregels.report.sections`, the words from :mod:`klachtregels.report._text`; this module
only adds the markup. Charts are HTML bar charts with a title and a description, and each is
followed by a table with the same figures (accessibility). Headline figures come first; the
per-location part is one compact table, whatever the number of locations, sortable and searchable
in the page (without JavaScript, the whole table).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Final

from klachtregels._io import printable
from klachtregels.messages import check_lang, text
from klachtregels.model import Verdict
from klachtregels.report import _layout
from klachtregels.report._text import (
    category_change_table,
    category_name,
    category_table,
    category_verdict_table,
    cite_range,
    count_text,
    entry_detail,
    fmt_int,
    fmt_pct,
    founded_share,
    gck_organisation_table,
    gck_subject_table,
    legal_basis_url,
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
    scope_lines,
    suppression_note,
    term_text,
    title,
    verdict_counts,
    verdict_label,
    verdict_table,
)
from klachtregels.report.sections import Section, sections, several_organisations

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from klachtregels.report._text import Table
    from klachtregels.report.model import AnnualReport

__all__ = ["render_html"]

#: A verdict's bar colour (a class of :data:`klachtregels.report._layout.BAR_COLOURS`).
_VERDICT_COLOURS: Final[dict[Verdict | None, str]] = {
    Verdict.GEGROND: "red",
    Verdict.DEELS_GEGROND: "orange",
    Verdict.ONGEGROND: "green",
    None: "grey",
}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(table: Table, *, cls: str = "", attrs: str = "") -> str:
    """An HTML table; cells are escaped here. A row's first cell is its header, except in the total row.

    The table is wrapped in a ``div.tw`` (it scrolls sideways on a narrow screen, not the page);
    ``attrs`` are extra attributes of the ``<table>`` (a sortable table's, already escaped).
    """
    numeric = table.numeric
    out = ['<div class="tw">', f'<table class="{cls}"{attrs}>' if cls else f"<table{attrs}>"]
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
    out.append("</tbody></table></div>")
    return "".join(out)


def _card(key: str, value: str, detail: str = "") -> str:
    d = f'<p class="d">{detail}</p>' if detail else ""
    return f'<div class="card"><p class="k">{_e(key)}</p><p class="v">{_e(value)}</p>{d}</div>'


def _headline_cards(r: AnnualReport, lang: str) -> list[str]:
    """Total, per organisation, share of children and against the previous year."""
    t = r.total
    where = count_text("REPORT_LOCATIONS_WITH", "REPORT_LOCATIONS_WITH_ONE", location_count(r), lang)
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
    founded = founded_share(v, lang)
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
    notes = [f'<p class="due">{_e(note)}</p>' for note in scope_lines(r, lang)]  # before 2016 (R1)
    return [*notes, '<div class="cards">', *_headline_cards(r, lang), *_outcome_cards(r, lang), "</div>"]


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
    chart = _layout.bar_chart(
        "chart-categories",
        text("REPORT_CHART_CATEGORIES", lang),
        [(category_name(c, lang), n, "accent") for c, n in r.total.categories],
        lang,
    )
    change = category_change_table(r, lang)
    return [chart, _table(category_table(r, lang)), *([_table(change)] if change is not None else [])]


def _judgements(r: AnnualReport, lang: str) -> list[str]:
    """The tenor of the judgements and the measures (lid 4 c)."""
    chart = _layout.bar_chart(
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
    subjects, organisations = _table(gck_subject_table(r.gck, lang)), gck_organisation_table(r.gck, lang)
    if organisations is None:
        return [*out, subjects]
    return [*out, '<div class="two"><div>', subjects, "</div><div>", _table(organisations), "</div></div>"]


def _locations(r: AnnualReport, lang: str) -> list[str]:
    """One compact table of the locations with complaints (lid 4 c)."""
    note = count_text(
        "REPORT_PER_LOCATION_NOTE", "REPORT_PER_LOCATION_NOTE_ONE", location_count(r), lang, year=r.year
    )
    suppressed = suppression_note(r, lang)
    notes = [f'<p class="note">{_e(n)}</p>' for n in (note, suppressed) if n]
    out = [*notes, *_sortable(location_table(r, lang), "loc", lang)]
    change = location_change_table(r, lang)
    if change is not None and r.previous is not None:
        heading = text("REPORT_LOCATION_CHANGE", lang, year=r.previous.year)
        out += [f"<h3>{_e(heading)}</h3>", _table(change)]
    return out


def _sortable(table: Table, table_id: str, lang: str) -> list[str]:
    """``table`` sortable and searchable in the page (``assets/table.js``; without it, the plain table)."""
    numeric = " ".join(str(i) for i in sorted(table.numeric))
    attrs = (
        f' id="{table_id}" data-tools="{table_id}-tools" data-numeric="{numeric}"'
        f' data-first="{_layout.FIRST_ROWS}"'
    )
    return [_layout.table_tools(table_id, len(table.rows), lang), _table(table, cls=table_id, attrs=attrs)]


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
    url = legal_basis_url(r)
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
    from klachtregels._arguments import report_argument

    report_argument(report)
    lang = check_lang(lang)
    page_title = title(report, lang)
    present = sections(report)
    body = [
        f"<h1>{_e(page_title)}</h1>",
        f'<p class="sub">{_e(text("REPORT_SUBTITLE", lang, year=report.year))}</p>',
        _layout.toc(present, lang),
    ]
    for section in present:
        body += [
            f'<section id="{section.value}">{_layout.section_head(section, lang)}',
            *_SECTIONS[section](report, lang),
            "</section>",
        ]
    # no control characters or lone surrogates from user text
    return printable(_layout.page(title=page_title, lang=lang, body=body))
