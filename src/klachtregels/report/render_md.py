"""The annual report as Markdown (GitHub-flavoured tables), Dutch by default."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klachtregels.report._text import (
    cite_range,
    due_lines,
    flag_text,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    label,
    quality_lines,
    term_text,
    title,
    verdict_label,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from klachtregels.report.model import AnnualReport, Counts, GroupStats, VerdictSplit

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    align = ["---:" if i in right else "---" for i in range(len(head))]
    out = ["| " + " | ".join(_cell(h) for h in head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _verdict_text(v: VerdictSplit, lang: str) -> str:
    parts = [
        f"{label('gegrond', lang)} {fmt_int(v.gegrond, lang)}",
        f"{label('deels_gegrond', lang)} {fmt_int(v.deels_gegrond, lang)}",
        f"{label('ongegrond', lang)} {fmt_int(v.ongegrond, lang)}",
        f"{label('unknown', lang)} {fmt_int(v.unknown, lang)}",
    ]
    return " · ".join(parts)


def _cat_name(name: str | None, lang: str) -> str:
    return name if name is not None else label("no_category", lang)


def _cats_inline(counts: Counts, lang: str) -> str:
    return "; ".join(f"{_cat_name(c, lang)} ({fmt_int(n, lang)})" for c, n in counts)


def _org_name(name: str | None, lang: str) -> str:
    return name if name is not None else label("no_organisation", lang)


def _loc_name(g: GroupStats, lang: str) -> str:
    return g.display_name if g.display_name is not None else label("no_location", lang)


def render_markdown(report: AnnualReport, lang: str = "nl") -> str:
    """Render ``report`` as Markdown. ``lang``: ``"nl"`` (default) or ``"en"``."""
    r = report
    t = r.total
    out: list[str] = [f"# {title(r, lang)}", "", f"_{label('subtitle', lang, year=r.year)}_", ""]

    # 1. Headline figures.
    out += [f"## {label('headline', lang)}", ""]
    n_locations = sum(1 for g in r.by_location if g.name is not None)
    out.append(
        f"- **{label('total_complaints', lang, year=r.year)}: {fmt_int(t.total, lang)}** "
        f"({label('locations_with', lang, n=fmt_int(n_locations, lang))})"
    )
    if r.by_organisation:
        orgs = "; ".join(f"{_org_name(g.name, lang)} {fmt_int(g.total, lang)}" for g in r.by_organisation)
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
    out.append(f"- {label('verdicts', lang)}: {_verdict_text(t.verdicts, lang)}")
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
    rows = [
        [_cat_name(c, lang), fmt_int(n, lang), fmt_pct(n / t.total, lang, 1) if t.total else "–"]
        for c, n in t.categories
    ]
    rows.append([f"**{label('total', lang)}**", f"**{fmt_int(t.total, lang)}**", ""])
    out += _table([label("category", lang), label("count", lang), label("share", lang)], rows, right=(1, 2))
    if r.previous is not None and r.previous.categories is not None:
        prev = dict(r.previous.categories)
        cats = [c for c, _ in t.categories] + [c for c in prev if c not in dict(t.categories)]
        out += _table(
            [label("category", lang), str(r.previous.year), str(r.year)],
            [
                [
                    _cat_name(c, lang),
                    fmt_int(prev.get(c, 0), lang),
                    fmt_int(dict(t.categories).get(c, 0), lang),
                ]
                for c in cats
            ],
            right=(1, 2),
        )

    # 4. Judgements and measures (lid 4 c).
    out += [f"## {label('judgements_measures', lang)}", ""]
    v = t.verdicts
    out += _table(
        [label("verdict", lang), label("count", lang), label("share", lang)],
        [
            [verdict_label(k, lang), fmt_int(n, lang), fmt_pct(n / v.total, lang, 1) if v.total else "–"]
            for k, n in (
                ("gegrond", v.gegrond),
                ("deels_gegrond", v.deels_gegrond),
                ("ongegrond", v.ongegrond),
                (None, v.unknown),
            )
        ],
        right=(1, 2),
    )
    out += [f"### {label('verdict_per_category', lang)}", ""]
    out += _table(
        [
            label("category", lang),
            label("gegrond", lang),
            label("deels_gegrond", lang),
            label("ongegrond", lang),
            label("unknown", lang),
        ],
        [
            [
                _cat_name(c, lang),
                fmt_int(s.gegrond, lang),
                fmt_int(s.deels_gegrond, lang),
                fmt_int(s.ongegrond, lang),
                fmt_int(s.unknown, lang),
            ]
            for c, s in r.category_verdicts
        ],
        right=(1, 2, 3, 4),
    )
    out += [f"### {label('measures', lang)}", ""]
    m = t.measures
    mrows = [[label("m_with_summary", lang), fmt_int(m.with_summary, lang)]]
    if m.measures_unknown == t.total:
        out += _table([label("measures", lang), label("count", lang)], mrows, right=(1,))
        out += [label("m_note", lang), ""]
    else:
        mrows += [
            [label("m_with", lang), fmt_int(m.with_measures, lang)],
            [label("m_without", lang), fmt_int(m.without_measures, lang)],
            [label("m_unknown", lang), fmt_int(m.measures_unknown, lang)],
            [label("m_total", lang), fmt_int(m.measures, lang)],
            [label("m_term", lang), fmt_int(m.with_concrete_term, lang)],
            [label("m_no_term", lang), fmt_int(m.without_concrete_term, lang)],
        ]
        out += _table([label("measures", lang), label("count", lang)], mrows, right=(1,))

    # 5. Per organisation.
    if r.by_organisation:
        out += [f"## {label('organisations', lang)}", ""]
        out += _table(
            [
                label("organisation", lang),
                label("total", lang),
                label("gegrond", lang),
                label("deels_gegrond", lang),
                label("ongegrond", lang),
                label("unknown", lang),
            ],
            [
                [
                    _org_name(g.name, lang),
                    fmt_int(g.total, lang),
                    fmt_int(g.verdicts.gegrond, lang),
                    fmt_int(g.verdicts.deels_gegrond, lang),
                    fmt_int(g.verdicts.ongegrond, lang),
                    fmt_int(g.verdicts.unknown, lang),
                ]
                for g in r.by_organisation
            ],
            right=(1, 2, 3, 4, 5),
        )

    # 6. Geschillencommissie (lid 4 d).
    out += [f"## {label('gck', lang)}", ""]
    if r.gck is None:
        out += [label("gck_none_given", lang), ""]
    else:
        out += [f"{label('total', lang)}: **{fmt_int(r.gck.total, lang)}**", ""]
        if r.gck.total:
            out += _table(
                [label("subject", lang), label("outcome", lang), label("count", lang)],
                [
                    [
                        s if s is not None else label("no_subject", lang),
                        verdict_label(o, lang),
                        fmt_int(n, lang),
                    ]
                    for s, o, n in r.gck.by_subject_outcome
                ],
                right=(2,),
            )
            out += _table(
                [label("organisation", lang), label("count", lang)],
                [[_org_name(o, lang), fmt_int(n, lang)] for o, n in r.gck.by_organisation],
                right=(1,),
            )

    # 7. Per location (lid 4 c): compact.
    out += [f"## {label('per_location', lang)}", ""]
    out += [label("per_location_note", lang, n=fmt_int(n_locations, lang), year=r.year), ""]
    out += _table(
        [
            label("location", lang),
            label("organisation", lang),
            label("total", lang),
            label("gegrond_short", lang),
            label("deels_short", lang),
            label("ongegrond_short", lang),
            label("unknown_short", lang),
            label("categories_col", lang),
        ],
        [
            [
                _loc_name(g, lang),
                ", ".join(_org_name(o, lang) for o in g.organisations),
                fmt_int(g.total, lang),
                fmt_int(g.verdicts.gegrond, lang),
                fmt_int(g.verdicts.deels_gegrond, lang),
                fmt_int(g.verdicts.ongegrond, lang),
                fmt_int(g.verdicts.unknown, lang),
                _cats_inline(g.categories, lang),
            ]
            for g in r.by_location
        ],
        right=(2, 3, 4, 5, 6),
    )

    # 8. Data quality.
    out += [f"## {label('data_quality', lang)}", ""]
    for line in quality_lines(r, lang):
        out.append(f"- {line}")
    out.append("")

    # 9. Entries (only on request).
    if r.include_descriptions:
        out += [f"## {label('entries', lang)}", "", f"_{label('entries_note', lang)}_", ""]
        for e in r.entries:
            loc = e.location if e.location is not None else label("no_location", lang)
            out.append(
                f"- **{loc}** · {_cat_name(e.category, lang)} · {verdict_label(e.verdict, lang)} "
                f"({label('row', lang)} {e.row if e.row is not None else '?'})"
            )
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
        sources = [s for s in (org.source, org.regulation.source, org.geschillencommissie.source) if s]
        if sources:
            out += [f"**{label('sources', lang)}:** " + " ".join(sources), ""]
    return "\n".join(out)
