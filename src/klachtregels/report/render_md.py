"""The annual report as Markdown (GitHub-flavoured tables), Dutch by default."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klachtregels.report._text import (
    category_change_table,
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
    from klachtregels.report._text import Table
    from klachtregels.report.model import AnnualReport

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(table: Table) -> list[str]:
    """A GitHub-flavoured Markdown table, its total row in bold, then a blank line."""
    align = ["---:" if i in table.numeric else "---" for i in range(len(table.head))]
    rows = list(table.rows)
    if table.total is not None:
        rows.append(tuple(f"**{c}**" if c else "" for c in table.total))
    out = ["| " + " | ".join(_cell(h) for h in table.head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def render_markdown(report: AnnualReport, lang: str = "nl") -> str:
    """Render ``report`` as Markdown. ``lang``: ``"nl"`` (default) or ``"en"``."""
    r = report
    t = r.total
    out: list[str] = [f"# {title(r, lang)}", "", f"_{label('subtitle', lang, year=r.year)}_", ""]

    # 1. Headline figures.
    out += [f"## {label('headline', lang)}", ""]
    n_locations = location_count(r)
    out.append(
        f"- **{label('total_complaints', lang, year=r.year)}: {fmt_int(t.total, lang)}** "
        f"({label('locations_with', lang, n=fmt_int(n_locations, lang))})"
    )
    if r.by_organisation:
        orgs = "; ".join(
            f"{organisation_name(g.name, lang)} {fmt_int(g.total, lang)}" for g in r.by_organisation
        )
        out.append(f"- {label('per_organisation', lang)}: {orgs}")
    share = r.share_of_children
    if share is not None and r.children_served is not None:
        out.append(
            f"- {label('share_children', lang)}: **{fmt_pct(share, lang)}** "
            f"{label('of_children', lang, n=fmt_int(r.children_served, lang))}"
        )
    if r.previous is not None:
        diff = t.total - r.previous.total
        rel = f", {fmt_signed_pct(diff / r.previous.total, lang)}" if r.previous.total else ""
        out.append(
            f"- {label('vs_previous', lang, year=r.previous.year)}: {fmt_int(r.previous.total, lang)} → "
            f"{fmt_int(t.total, lang)} ({fmt_signed(diff, lang)}{rel})"
        )
    verdicts = " · ".join(
        f"{verdict_label(k, lang)} {fmt_int(n, lang)}" for k, n in verdict_counts(t.verdicts)
    )
    out.append(f"- {label('verdicts', lang)}: {verdicts}")
    if r.gck is None:
        out.append(f"- {label('gck_cases', lang)}: {label('gck_unknown', lang)}")
    else:
        outcomes = ", ".join(f"{verdict_label(o, lang)} {n}" for o, n in r.gck.by_outcome)
        out.append(
            f"- {label('gck_cases', lang)}: {fmt_int(r.gck.total, lang)} {label('gck_cases_n', lang)}"
            + (f" ({outcomes})" if outcomes else "")
        )
    out += ["", f"**{label('due', lang)}.** " + " ".join(due_lines(r.due, lang)), ""]

    # 2. The regulation (lid 4 a, b).
    org = r.organisation
    out += [f"## {label('regulation', lang)}", ""]
    desc = org.regulation.description if org is not None else None
    how = org.regulation.how_parents_informed if org is not None else None
    out += [f"**{label('regulation_description', lang)}.** {desc or label('not_given', lang)}", ""]
    out += [f"**{label('how_informed', lang)}.** {how or label('not_given', lang)}", ""]
    if org is not None and org.regulation.provides.handling_term is not None:
        term = term_text(org.regulation.provides.handling_term, lang)
        out += [f"**{label('handling_term', lang)}:** {term}", ""]
    if org is not None and org.geschillencommissie.affiliated is not None:
        yes = label("yes" if org.geschillencommissie.affiliated else "no", lang)
        out += [f"**{label('gck_affiliated', lang)}:** {yes}", ""]

    # 3. Nature of complaints (lid 4 c).
    out += [f"## {label('nature', lang)}", ""]
    out += _table(category_table(r, lang))
    change = category_change_table(r, lang)
    if change is not None:
        out += _table(change)

    # 4. Judgements and measures (lid 4 c).
    out += [f"## {label('judgements_measures', lang)}", ""]
    out += _table(verdict_table(r, lang))
    out += [f"### {label('verdict_per_category', lang)}", ""]
    out += _table(category_verdict_table(r, lang))
    out += [f"### {label('measures', lang)}", ""]
    out += _table(measures_table(r, lang))
    if not measures_recorded(r):
        out += [label("m_note", lang), ""]

    # 5. Per organisation.
    if r.by_organisation:
        out += [f"## {label('organisations', lang)}", ""]
        out += _table(organisation_table(r, lang))

    # 6. Geschillencommissie (lid 4 d).
    out += [f"## {label('gck', lang)}", ""]
    if r.gck is None:
        out += [label("gck_none_given", lang), ""]
    else:
        out += [f"{label('total', lang)}: **{fmt_int(r.gck.total, lang)}**", ""]
        if r.gck.total:
            out += _table(gck_subject_table(r.gck, lang))
            out += _table(gck_organisation_table(r.gck, lang))

    # 7. Per location (lid 4 c): compact.
    out += [f"## {label('per_location', lang)}", ""]
    out += [label("per_location_note", lang, n=fmt_int(n_locations, lang), year=r.year), ""]
    out += _table(location_table(r, lang))

    # 8. Data quality.
    out += [f"## {label('data_quality', lang)}", ""]
    for line in quality_lines(r, lang):
        out.append(f"- {line}")
    out.append("")

    # 9. Entries (only on request).
    if r.include_descriptions:
        out += [f"## {label('entries', lang)}", "", f"_{label('entries_note', lang)}_", ""]
        for e in r.entries:
            out.append(f"- **{location_name(e.location, lang)}** · {entry_detail(e, lang)}")
            if e.description:
                out.append(f"  - {label('description', lang)}: {e.description}")
            if e.summary:
                out.append(f"  - {label('solution', lang)}: {e.summary}")
            for measure in e.measures:
                out.append(f"  - {label('measures', lang)}: {measure}")
        out.append("")

    # 10. Legal basis.
    out += [f"## {label('legal_basis', lang)}", ""]
    out.append(f"- {cite_range(lang)} (R9): " + ", ".join(c.url or "" for c in r.citations[:1]))
    for flag in r.due.flags:
        out.append(f"- {flag}: {flag_text(flag, lang)}")
    out += ["", label("anonymity", lang), "", f"_{label('generated', lang, version=r.library_version)}_", ""]
    if org is not None:
        sources = source_list(org)
        if sources:
            out += [f"**{label('sources', lang)}:** " + " ".join(sources), ""]
    return "\n".join(out)
