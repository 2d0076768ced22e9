"""The annual report as Markdown (GitHub-flavoured tables), Dutch by default.

The sections and their order come from :mod:`klachtregels.report.sections`, the words from
:mod:`klachtregels.report._text`; this module only adds the Markdown.

Every text that may come from the user (organisation, location and category names, descriptions,
sources, table cells) goes through :func:`klachtregels._io.markdown_text`: one line, markup
characters escaped, so a register or organisation file cannot add HTML, links, images or headings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from klachtregels._io import markdown_text as _md
from klachtregels._io import printable
from klachtregels.messages import check_lang, text
from klachtregels.report._text import (
    category_change_table,
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

__all__ = ["render_markdown"]


def _cell(cell: str) -> str:
    return _md(cell)


def _table(table: Table) -> list[str]:
    """A GitHub-flavoured Markdown table, its total row in bold, then a blank line."""
    align = ["---:" if i in table.numeric else "---" for i in range(len(table.head))]
    rows = list(table.rows)
    out = ["| " + " | ".join(_cell(h) for h in table.head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    if table.total is not None:
        out.append("| " + " | ".join(f"**{_cell(c)}**" if c else "" for c in table.total) + " |")
    return [*out, ""]


def _headline(r: AnnualReport, lang: str) -> list[str]:
    """Headline figures as a list (when it is due is the review notes' matter, not the public's)."""
    t = r.total
    where = count_text("REPORT_LOCATIONS_WITH", "REPORT_LOCATIONS_WITH_ONE", location_count(r), lang)
    out = [line for note in scope_lines(r, lang) for line in (_md(note), "")]  # before 2016 (R1)
    out += [f"- **{text('REPORT_TOTAL_COMPLAINTS', lang, year=r.year)}: {fmt_int(t.total, lang)}** ({where})"]
    if several_organisations(r):
        orgs = "; ".join(
            f"{_md(organisation_name(g.name, lang))} {fmt_int(g.total, lang)}" for g in r.by_organisation
        )
        out.append(f"- {text('REPORT_PER_ORGANISATION', lang)}: {orgs}")
    share = r.share_of_children
    if share is not None and r.children_served is not None:
        of = text("REPORT_OF_CHILDREN", lang, n=fmt_int(r.children_served, lang))
        out.append(f"- {text('REPORT_SHARE_CHILDREN', lang)}: **{fmt_pct(share, lang)}** {of}")
    change = previous_change(r, lang)
    if r.previous is not None and change is not None:
        diff, rel = change
        before, now = fmt_int(r.previous.total, lang), fmt_int(t.total, lang)
        more = f", {rel}" if rel is not None else ""
        out.append(
            f"- {text('REPORT_VS_PREVIOUS', lang, year=r.previous.year)}: {before} → {now} ({diff}{more})"
        )
    out += [f"- {_md(line)}" for line in previous_lines(r, lang)]
    verdicts = " · ".join(
        f"{verdict_label(k, lang)} {fmt_int(n, lang)}" for k, n in verdict_counts(t.verdicts)
    )
    out.append(f"- {text('REPORT_FOUNDED_SHARE', lang)}: **{founded_share(t.verdicts, lang)}**")
    out.append(f"- {text('REPORT_VERDICTS', lang)}: {verdicts}")
    out.append(f"- {text('REPORT_GCK_CASES', lang)}: {_gck_headline(r, lang)}")
    return [*out, ""]


def _gck_headline(r: AnnualReport, lang: str) -> str:
    """'3 geschillen (ongegrond 2, geschikt 1)', or 'geen gegevens' when none were given."""
    if r.gck is None:
        return text("REPORT_GCK_UNKNOWN", lang)
    outcomes = ", ".join(f"{verdict_label(o, lang)} {n}" for o, n in r.gck.by_outcome)
    number = count_text("REPORT_GCK_CASES_N", "REPORT_GCK_CASES_N_ONE", r.gck.total, lang)
    return f"{number} ({outcomes})" if outcomes else number


def _regulation(r: AnnualReport, lang: str) -> list[str]:
    """The regulation and how parents were told (lid 4 a, b)."""
    org = r.organisation
    desc = org.regulation.description if org is not None else None
    how = org.regulation.how_parents_informed if org is not None else None
    not_given = text("REPORT_NOT_GIVEN", lang)
    out = [f"**{text('REPORT_REGULATION_DESCRIPTION', lang)}.** {_md(desc or not_given)}", ""]
    out += [f"**{text('REPORT_HOW_INFORMED', lang)}.** {_md(how or not_given)}", ""]
    if org is not None and org.regulation.provides.handling_term is not None:
        term = term_text(org.regulation.provides.handling_term, lang)
        out += [f"**{text('REPORT_HANDLING_TERM', lang)}:** {_md(term)}", ""]  # as the file wrote it
    if org is not None and org.geschillencommissie.affiliated is not None:
        yes = text("REPORT_YES" if org.geschillencommissie.affiliated else "REPORT_NO", lang)
        out += [f"**{text('REPORT_GCK_AFFILIATED', lang)}:** {yes}", ""]
    return out


def _nature(r: AnnualReport, lang: str) -> list[str]:
    """Complaints per category, and against the previous year (lid 4 c)."""
    change = category_change_table(r, lang)
    return _table(category_table(r, lang)) + (_table(change) if change is not None else [])


def _judgements(r: AnnualReport, lang: str) -> list[str]:
    """The tenor of the judgements and the measures (lid 4 c)."""
    out = _table(verdict_table(r, lang))
    out += [f"### {text('REPORT_VERDICT_PER_CATEGORY', lang)}", ""]
    out += _table(category_verdict_table(r, lang))
    out += [f"### {text('REPORT_MEASURES', lang)}", ""]
    out += _table(measures_table(r, lang))
    nature = measure_nature_table(r, lang)
    if nature is not None:
        out += [f"### {text('REPORT_MEASURE_NATURE', lang)}", ""]
        out += [*_table(nature), measure_nature_note(r, lang) or "", ""]
    elif r.measure_source is None:
        out += [text("REPORT_M_NOTE", lang), ""]
    return out


def _organisations(r: AnnualReport, lang: str) -> list[str]:
    """Complaints per organisation (legal entity)."""
    return _table(organisation_table(r, lang))


def _gck(r: AnnualReport, lang: str) -> list[str]:
    """Disputes before the Geschillencommissie (lid 4 d); unknown (not zero) when none were given."""
    if r.gck is None:
        return [text("REPORT_GCK_NONE_GIVEN", lang), ""]
    if not r.gck.total:
        return [text("REPORT_GCK_NONE", lang, year=r.year), ""]
    out = [f"{text('REPORT_TOTAL', lang)}: **{fmt_int(r.gck.total, lang)}**", ""]
    out += _table(gck_subject_table(r.gck, lang))
    organisations = gck_organisation_table(r.gck, lang)
    if organisations is not None:
        out += _table(organisations)
    return out


def _locations(r: AnnualReport, lang: str) -> list[str]:
    """One compact table of the locations with complaints (lid 4 c)."""
    note = count_text(
        "REPORT_PER_LOCATION_NOTE", "REPORT_PER_LOCATION_NOTE_ONE", location_count(r), lang, year=r.year
    )
    suppressed = suppression_note(r, lang)
    out = [note, "", *([suppressed, ""] if suppressed else []), *_table(location_table(r, lang))]
    change = location_change_table(r, lang)
    if change is not None and r.previous is not None:
        out += [f"### {text('REPORT_LOCATION_CHANGE', lang, year=r.previous.year)}", "", *_table(change)]
    return out


def _entries(r: AnnualReport, lang: str) -> list[str]:
    """The redacted descriptions (only when asked for; lid 5)."""
    out = [f"_{text('REPORT_ENTRIES_NOTE', lang)}_", ""]
    for e in r.entries:
        out.append(f"- **{_md(location_name(e.location, lang))}** · {_md(entry_detail(e, lang))}")
        if e.description:
            out.append(f"  - {text('REPORT_DESCRIPTION', lang)}: {_md(e.description)}")
        if e.summary:
            out.append(f"  - {text('REPORT_SOLUTION', lang)}: {_md(e.summary)}")
        out += [f"  - {text('REPORT_MEASURES', lang)}: {_md(measure)}" for measure in e.measures]
    return [*out, ""]


def _legal_basis(r: AnnualReport, lang: str) -> list[str]:
    """The legal basis as an article with its link, and what the report leaves out (lid 5-6)."""
    url = legal_basis_url(r)
    basis = f"{cite_range(lang)}: {url}" if url else cite_range(lang)
    return [f"- {basis}", "", text("REPORT_ANONYMITY", lang), ""]


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


def render_markdown(report: AnnualReport, lang: str = "nl") -> str:
    """Render ``report`` as Markdown. ``lang``: ``"nl"`` (default) or ``"en"``."""
    from klachtregels._arguments import report_argument

    report_argument(report)
    lang = check_lang(lang)
    out = [f"# {_md(title(report, lang))}", "", f"_{text('REPORT_SUBTITLE', lang, year=report.year)}_", ""]
    for section in sections(report):
        out += [f"## {section.heading(lang)}", "", *_SECTIONS[section](report, lang)]
    return printable("\n".join(out))
