"""The report's content as plain text, built from the report's data only; renderers add the markup.

Every word comes from the message catalogue (``klachtregels/messages/report.toml``, codes
``REPORT_...``), so Markdown, HTML and JSON say the same thing in the same words, and an unknown
language is an :class:`~klachtregels.messages.UnknownLanguageError` wherever it is asked for.
Numbers are formatted with the catalogue's separators for the language (``72.684`` and ``0,71%``
in Dutch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.messages import check_lang, has_text, text
from klachtregels.model import Verdict
from klachtregels.report.model import MeasureSource
from klachtregels.report.sections import several_organisations
from klachtregels.rules.annual_report import DueOutcome
from klachtregels.vocabulary import Outcome

if TYPE_CHECKING:
    from collections.abc import Sequence

    from klachtregels.organisation import Organisation
    from klachtregels.report.model import (
        AnnualReport,
        Counts,
        DataQuality,
        GckSummary,
        GroupStats,
        PreviousYear,
        ReportDue,
        ReportEntry,
        VerdictSplit,
    )

__all__ = [
    "Table",
    "categories_inline",
    "category_change_table",
    "category_name",
    "category_table",
    "category_verdict_table",
    "cite_range",
    "count_text",
    "due_lines",
    "due_outcome",
    "entry_detail",
    "flag_text",
    "fmt_int",
    "fmt_pct",
    "fmt_signed",
    "fmt_signed_pct",
    "founded_share",
    "gck_organisation_table",
    "gck_subject_table",
    "legal_basis_url",
    "location_change_rows",
    "location_change_table",
    "location_count",
    "location_name",
    "location_table",
    "measure_label",
    "measure_nature_note",
    "measure_nature_table",
    "measures_inline",
    "measures_recorded",
    "measures_table",
    "organisation_name",
    "organisation_table",
    "previous_change",
    "previous_lines",
    "quality_lines",
    "rows_list",
    "scope_lines",
    "source_list",
    "suppression_note",
    "term_text",
    "title",
    "verdict_counts",
    "verdict_label",
    "verdict_table",
]

_MINUS: Final = "\u2212"  # a real minus sign


# --------------------------------------------------------------------------------------------------
# Numbers, verdicts, flags, dates
# --------------------------------------------------------------------------------------------------


def fmt_int(n: int, lang: str = "nl") -> str:
    """``72684`` -> ``72.684`` (nl) / ``72,684`` (en)."""
    return f"{n:,}".replace(",", text("REPORT_NUMBER_GROUP", lang))


def fmt_pct(fraction: float, lang: str = "nl", digits: int = 2) -> str:
    """``0.0070585`` -> ``0,71%`` (nl) / ``0.71%`` (en)."""
    return f"{fraction * 100:.{digits}f}%".replace(".", text("REPORT_NUMBER_DECIMAL", lang))


def fmt_signed(n: int, lang: str = "nl") -> str:
    """``25`` -> ``+25``, ``-25`` -> ``−25`` (a real minus sign), ``0`` -> ``0``."""
    if n > 0:
        return "+" + fmt_int(n, lang)
    if n < 0:
        return _MINUS + fmt_int(-n, lang)
    return "0"


def fmt_signed_pct(fraction: float, lang: str = "nl", digits: int = 1) -> str:
    """``-0.046`` -> ``−4,6%``; ``+`` for an increase."""
    shown = fmt_pct(abs(fraction), lang, digits)
    if round(fraction * 100, digits) == 0:
        return shown
    return ("+" if fraction > 0 else _MINUS) + shown


def verdict_label(value: str | None, lang: str = "nl") -> str:
    """``gegrond`` -> 'gegrond' / 'well-founded'; ``None`` -> 'onbekend'; another value as given."""
    if value is None:
        return text("REPORT_UNKNOWN", lang)
    code = f"REPORT_VERDICT_{value.upper()}"
    if has_text(code):
        return text(code, lang)
    check_lang(lang)
    return value


def flag_text(code: str, lang: str = "nl") -> str:
    """The explanation of a due-date flag; a code the catalogue does not know, as itself."""
    entry = f"REPORT_FLAG_{code}"
    if has_text(entry):
        return text(entry, lang)
    check_lang(lang)
    return code


def cite_range(lang: str = "nl") -> str:
    """The report's legal basis as one label: ``Wko art. 1.57b lid 4–9``."""
    return text("REPORT_CITE_RANGE", lang)


def legal_basis_url(report: AnnualReport) -> str | None:
    """The link shown with :func:`cite_range`: the first of the report's citations that has one."""
    return next((c.url for c in report.citations if c.url), None)


def due_outcome(due: ReportDue, lang: str = "nl") -> str:
    """The due-date outcome as a word: ``ONBEPAALD`` / ``UNDETERMINED``."""
    return text(f"REPORT_DUE_OUTCOME_{due.outcome}", lang)


def due_lines(due: ReportDue, lang: str = "nl") -> list[str]:
    """When the report is due, as sentences (R9, A16; examples J01, J02; a year before 2016: R1)."""
    if due.outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE:  # R1: before 2016 there was no such duty
        return [text("REPORT_DUE_OUT_OF_TEMPORAL_SCOPE", lang, year=due.year)]
    if due.outcome is DueOutcome.NOT_REQUIRED:
        return [text("REPORT_DUE_NOT_REQUIRED", lang, year=due.year)]
    assert due.calendar_last_day is not None
    assert due.atw_last_day is not None
    assert due.recommended_by is not None
    may31 = due.calendar_last_day
    lines = [text("REPORT_DUE_BEFORE_1_JUNE", lang, year=due.year, next_year=due.year + 1, may31=may31)]
    if due.outcome is DueOutcome.UNDETERMINED:
        lines.append(
            text("REPORT_DUE_UNDETERMINED", lang, atw=due.atw_last_day, recommended=due.recommended_by)
        )
    elif due.last_day != may31:
        lines.append(
            text(
                "REPORT_DUE_ATW_APPLIED", lang, last=due.last_day, may31=may31, recommended=due.recommended_by
            )
        )
    return lines


def scope_lines(report: AnnualReport, lang: str = "nl") -> list[str]:
    """What the published report says of its own year when the due-date rule puts the year out of
    temporal scope (before 2016, R1): that it is no report under art. 1.57b. Empty otherwise."""
    if report.due.outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE:
        return [text("REPORT_OUT_OF_TEMPORAL_SCOPE_NOTE", lang, year=report.year)]
    return []


def term_text(term: str, lang: str) -> str:
    """The organisation file's handling term in the report's language ("6 weeks", "uiterlijk zes weken na
    indiening" -> "6 weken"), read as check K2 reads it (counted from the complaint's receipt: R6, R12);
    text that is not a term the library reads is shown as the organisation wrote it."""
    from klachtregels.errors import TermError
    from klachtregels.terms import Term

    try:
        return Term.parse(term, from_receipt=True).label(check_lang(lang))
    except TermError:
        return term


# --------------------------------------------------------------------------------------------------
# Names and short phrases
# --------------------------------------------------------------------------------------------------


def title(report: AnnualReport, lang: str = "nl", *, code: str = "REPORT_TITLE") -> str:
    """'Klachtenverslag 2025: Partou kinderopvang': the catalogue's ``code`` for the year, then the
    organisation's name (the review notes' title is ``REVIEW_TITLE``)."""
    base = text(code, lang, year=report.year)
    if report.organisation is not None:
        return f"{base}: {report.organisation.name}"
    return base


def category_name(name: str | None, lang: str) -> str:
    """A category as shown; ``None`` -> '(geen categorie)'."""
    return name if name is not None else text("REPORT_NO_CATEGORY", lang)


def organisation_name(name: str | None, lang: str) -> str:
    """An organisation as shown; ``None`` -> '(organisatie niet geregistreerd)'."""
    return name if name is not None else text("REPORT_NO_ORGANISATION", lang)


def location_name(name: str | None, lang: str) -> str:
    """A location as shown (pass the display name); ``None`` -> '(locatie niet geregistreerd)'."""
    return name if name is not None else text("REPORT_NO_LOCATION", lang)


def categories_inline(counts: Counts, lang: str) -> str:
    """``Hygiëne (3); Communicatie (1)``."""
    return "; ".join(f"{category_name(c, lang)} ({fmt_int(n, lang)})" for c, n in counts)


def verdict_counts(v: VerdictSplit) -> tuple[tuple[Verdict | None, int], ...]:
    """The verdicts in report order, ``None`` for unknown: pass the key to :func:`verdict_label`."""
    return (
        (Verdict.GEGROND, v.gegrond),
        (Verdict.DEELS_GEGROND, v.deels_gegrond),
        (Verdict.ONGEGROND, v.ongegrond),
        (None, v.unknown),
    )


def count_text(key: str, key_one: str, n: int, lang: str = "nl", **fields: object) -> str:
    """``key``'s text with ``n``, or ``key_one``'s when ``n`` is 1 ('over 1 locatie', '1 geschil':
    a provider with one location or one dispute is a common case, not '1 locaties')."""
    return text(key_one if n == 1 else key, lang, n=fmt_int(n, lang), **fields)


def founded_share(v: VerdictSplit, lang: str = "nl") -> str:
    """The headline's share judged well-founded or partly so, of all complaints (as the verdict table's
    shares, unknown verdicts in the denominator), whole percent: ``81%``; ``–`` without complaints.

    One place for both renderers: the Markdown and HTML reports state the same headline figures.
    """
    return fmt_pct((v.gegrond + v.deels_gegrond) / v.total, lang, 0) if v.total else "–"


def location_count(report: AnnualReport) -> int:
    """The number of recorded locations with complaints."""
    return sum(1 for g in report.by_location if g.name is not None)


def measures_recorded(report: AnnualReport) -> bool:
    """Whether the register records measures for any complaint (if not, the table has one row)."""
    return report.total.measures.measures_unknown != report.total.total


def suppression_note(report: AnnualReport, lang: str) -> str | None:
    """The one sentence that explains suppressed cells; ``None`` when none are suppressed."""
    if report.suppress_below is None or not any(g.suppressed for g in report.by_location):
        return None
    return text("REPORT_SUPPRESSION_NOTE", lang, k=report.suppress_below)


def previous_change(report: AnnualReport, lang: str) -> tuple[str, str | None] | None:
    """This year against the previous one: (``+25``, ``+4,6%`` or ``None`` when last year had none)."""
    if report.previous is None:
        return None
    diff = report.total.total - report.previous.total
    rel = fmt_signed_pct(diff / report.previous.total, lang) if report.previous.total else None
    return fmt_signed(diff, lang), rel


def entry_detail(e: ReportEntry, lang: str) -> str:
    """What follows the location in an entry's heading: 'category · verdict' (no row number: the
    published report does not point into the register)."""
    return f"{category_name(e.category, lang)} · {verdict_label(e.verdict, lang)}"


def source_list(org: Organisation) -> list[str]:
    """The sources of the organisation facts that were given."""
    return [s for s in (org.source, org.regulation.source, org.geschillencommissie.source) if s]


def rows_list(rows: Sequence[int | None], lang: str, limit: int = 40) -> str:
    """Row numbers, the first ``limit`` of them."""
    if not rows:
        return text("REPORT_NONE", lang)
    shown = [str(r) if r is not None else "?" for r in rows[:limit]]
    more = f" … (+{len(rows) - limit})" if len(rows) > limit else ""
    return ", ".join(shown) + more


# --------------------------------------------------------------------------------------------------
# Data quality: every row read is accounted for
# --------------------------------------------------------------------------------------------------


def _row(row: int | None) -> str:
    return str(row) if row is not None else "?"


def _with_rows(line: str, detail: str, lang: str) -> str:
    """``line (regels detail)``; ``line`` alone when there is no detail."""
    return f"{line} ({text('REPORT_ROWS', lang)} {detail})" if detail else line


def _read_lines(dq: DataQuality, year: int, lang: str) -> list[str]:
    """Rows read, rejected, counted, outside the year and undated."""
    rejected = ", ".join(_row(x.row) + (f" [{', '.join(x.fields)}]" if x.fields else "") for x in dq.rejected)
    outside = rows_list(dq.outside_year, lang) if dq.outside_year else ""
    lines = [
        f"{text('REPORT_DQ_ROWS_READ', lang)}: {fmt_int(dq.rows_read, lang)}",
        _with_rows(f"{text('REPORT_DQ_REJECTED', lang)}: {fmt_int(dq.rows_rejected, lang)}", rejected, lang),
        f"{text('REPORT_DQ_INCLUDED', lang)}: {fmt_int(dq.included, lang)}",
        _with_rows(f"{text('REPORT_DQ_OUTSIDE', lang, year=year)}: {len(dq.outside_year)}", outside, lang),
    ]
    if dq.undated_included:
        n = fmt_int(len(dq.undated_included), lang)
        lines.append(f"{text('REPORT_DQ_UNDATED_IN', lang, year=year)}: {n}")
    if dq.undated_excluded:
        n = fmt_int(len(dq.undated_excluded), lang)
        detail = rows_list(dq.undated_excluded, lang)
        lines.append(_with_rows(f"{text('REPORT_DQ_UNDATED_OUT', lang, year=year)}: {n}", detail, lang))
    return lines


#: Reasons a record is not a complaint under art. 1.57b, in the order they are listed (R1, R3-R5).
_NOT_COMPLAINT_REASONS: Final = (Outcome.NOT_ELIGIBLE, Outcome.NOT_YET, Outcome.OUT_OF_TEMPORAL_SCOPE)


def _gap_lines(dq: DataQuality, lang: str) -> list[str]:
    """Counted records with a gap (always shown for location and verdict), and records not counted."""
    listed: list[tuple[str, tuple[int | None, ...], bool]] = [
        ("REPORT_DQ_NO_LOCATION", dq.no_location, True),
        ("REPORT_DQ_NO_VERDICT", dq.no_verdict, True),
        ("REPORT_DQ_NO_CATEGORY", dq.no_category, False),
        ("REPORT_DQ_NO_ORGANISATION", dq.no_organisation, False),
    ]
    listed += [
        (f"REPORT_DQ_{reason.upper()}", tuple(row for row, r in dq.not_complaints if r == reason), False)
        for reason in _NOT_COMPLAINT_REASONS
    ]
    lines = [
        _with_rows(f"{text(code, lang)}: {len(rows)}", rows_list(rows, lang) if rows else "", lang)
        for code, rows, always in listed
        if rows or always
    ]
    dups = "; ".join(" & ".join(_row(x) for x in g) for g in dq.possible_duplicates)
    lines.append(
        _with_rows(f"{text('REPORT_DQ_DUPLICATES', lang)}: {len(dq.possible_duplicates)}", dups, lang)
    )
    return lines


def _location_lines(dq: DataQuality, lang: str) -> list[str]:
    """Channel unknown (lid 9) and location names (lid 6)."""
    lines = []
    if dq.channel_unknown:
        lines.append(f"{text('REPORT_DQ_CHANNEL_UNKNOWN', lang)}: {fmt_int(dq.channel_unknown, lang)}")
    if dq.pseudonymised_locations:
        lines.append(f"{text('REPORT_DQ_PSEUDONYMISED', lang)}: {dq.pseudonymised_locations}")
    if dq.address_like_locations_unchecked:
        lines.append(f"{text('REPORT_DQ_UNCHECKED', lang)}: {dq.address_like_locations_unchecked}")
    if dq.similar_locations:
        groups = "; ".join(" / ".join(group) for group in dq.similar_locations)
        lines.append(f"{text('REPORT_DQ_SIMILAR_LOCATIONS', lang, n=len(dq.similar_locations))}: {groups}")
    return lines


def _gck_lines(dq: DataQuality, year: int, lang: str) -> list[str]:
    """The Geschillencommissie file: rows read, rejected, outside the year, undated."""
    lines = []
    if dq.gck_rows_read is not None:
        lines.append(f"{text('REPORT_DQ_GCK_ROWS', lang)}: {dq.gck_rows_read}")
        if dq.gck_rejected:
            listed = ", ".join(_row(x.row) for x in dq.gck_rejected)
            lines.append(
                _with_rows(f"{text('REPORT_DQ_GCK_REJECTED', lang)}: {len(dq.gck_rejected)}", listed, lang)
            )
    for code, rows in (
        ("REPORT_DQ_GCK_OUTSIDE", dq.gck_outside_year),
        ("REPORT_DQ_GCK_UNDATED_IN", dq.gck_undated_included),
        ("REPORT_DQ_GCK_UNDATED_OUT", dq.gck_undated_excluded),
    ):
        if rows:
            lines.append(f"{text(code, lang, year=year)}: {len(rows)}")
    return lines


def _balance_line(dq: DataQuality, lang: str) -> str:
    """'Sluitend: ...' when every row is accounted for; else a warning."""
    return text(
        "REPORT_DQ_ACCOUNTED" if dq.accounted else "REPORT_DQ_NOT_ACCOUNTED",
        lang,
        included=fmt_int(dq.included, lang),
        outside=fmt_int(len(dq.outside_year), lang),
        undated=fmt_int(len(dq.undated_excluded), lang),
        not_complaints=fmt_int(len(dq.not_complaints), lang),
        rejected=fmt_int(dq.rows_rejected, lang),
        rows=fmt_int(dq.rows_read, lang),
    )


def quality_lines(r: AnnualReport, lang: str) -> list[str]:
    """The data-quality section as sentences: every row read is accounted for."""
    dq = r.data_quality
    return [
        *_read_lines(dq, r.year, lang),
        *_gap_lines(dq, lang),
        *_location_lines(dq, lang),
        *_gck_lines(dq, r.year, lang),
        text("REPORT_ROW_NUMBERS", lang),
        _balance_line(dq, lang),
    ]


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class Table:
    """A report table as plain cell text; each renderer supplies the markup (and escaping)."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Right-aligned (numeric) columns.
    numeric: tuple[int, ...] = ()
    #: A closing total row, shown emphasised.
    total: tuple[str, ...] | None = None


_VERDICT_HEAD: Final = (
    "REPORT_VERDICT_GEGROND",
    "REPORT_VERDICT_DEELS_GEGROND",
    "REPORT_VERDICT_ONGEGROND",
    "REPORT_UNKNOWN",
)
_VERDICT_HEAD_SHORT: Final = (
    "REPORT_GEGROND_SHORT",
    "REPORT_DEELS_SHORT",
    "REPORT_ONGEGROND_SHORT",
    "REPORT_UNKNOWN_SHORT",
)


def _verdict_head(lang: str, *, short: bool = False) -> tuple[str, ...]:
    return tuple(text(code, lang) for code in (_VERDICT_HEAD_SHORT if short else _VERDICT_HEAD))


def _verdict_cells(v: VerdictSplit, lang: str, *, suppressed: bool = False) -> tuple[str, ...]:
    if suppressed:  # the model does not hold the figures (klachtregels.report.review)
        return (text("REPORT_SUPPRESSED_CELL", lang),) * len(verdict_counts(v))
    return tuple(fmt_int(n, lang) for _k, n in verdict_counts(v))


def _share(n: int, total: int, lang: str) -> str:
    return fmt_pct(n / total, lang, 1) if total else "–"


def category_table(report: AnnualReport, lang: str) -> Table:
    """Complaints per category, with their share and a total (lid 4 c)."""
    t = report.total
    return Table(
        head=(text("REPORT_CATEGORY", lang), text("REPORT_COUNT", lang), text("REPORT_SHARE", lang)),
        rows=tuple(
            (category_name(c, lang), fmt_int(n, lang), _share(n, t.total, lang)) for c, n in t.categories
        ),
        numeric=(1, 2),
        total=(text("REPORT_TOTAL", lang), fmt_int(t.total, lang), ""),
    )


def category_change_table(report: AnnualReport, lang: str) -> Table | None:
    """Complaints per category this year against the previous one; ``None`` without previous categories."""
    prev = report.previous
    if prev is None or prev.categories is None:
        return None
    given = dict(prev.categories)
    now = dict(report.total.categories)
    cats = [c for c, _ in report.total.categories] + [c for c in given if c not in now]
    return Table(
        head=(text("REPORT_CATEGORY", lang), str(prev.year), str(report.year)),
        rows=tuple(
            (
                category_name(c, lang),
                _count_or_not_given(prev.category_count(c), lang),
                fmt_int(now.get(c, 0), lang),
            )
            for c in cats
        ),
        numeric=(1, 2),
    )


def _count_or_not_given(n: int | None, lang: str) -> str:
    """A previous year's count, or 'niet opgegeven' where its figures do not say (never a guessed 0)."""
    return fmt_int(n, lang) if n is not None else text("REPORT_NOT_GIVEN", lang)


def location_change_rows(
    report: AnnualReport, prev: PreviousYear
) -> list[tuple[str | None, int | None, int]]:
    """``(shown name, last year, this year)`` per location with complaints this year, then one row
    (name ``None``) for last year's complaints at locations without complaints this year.

    Last year's names are matched with this year's register names and shown by this year's shown
    name; a name only in last year's figures is never shown (it may be a gastouder's address, lid 6).
    Last year's count is ``None`` where the figures do not give it (:meth:`PreviousYear.location_count`).
    """
    before = dict(prev.locations or ())
    rows: list[tuple[str | None, int | None, int]] = []
    for g in report.by_location:
        rows.append((g.display_name, prev.location_count(g.name), g.total))
        before.pop(g.name, None)
    rest = sum(before.values())
    if rest:
        rows.append((None, rest, 0))
    return rows


def location_change_table(report: AnnualReport, lang: str) -> Table | None:
    """Complaints per location this year against the previous one; ``None`` without last year's locations."""
    prev = report.previous
    if prev is None or prev.locations is None:
        return None
    rows = location_change_rows(report, prev)
    return Table(
        head=(text("REPORT_LOCATION", lang), str(prev.year), str(report.year)),
        rows=tuple(
            (
                location_name(name, lang)
                if name is not None or n_now
                else text("REPORT_OTHER_LOCATIONS", lang),
                _count_or_not_given(n_before, lang),
                fmt_int(n_now, lang),
            )
            for name, n_before, n_now in rows
        ),
        numeric=(1, 2),
    )


def previous_lines(report: AnnualReport, lang: str) -> list[str]:
    """Last year's share of children and Geschillencommissie disputes, where the figures give them."""
    prev = report.previous
    if prev is None:
        return []
    out = []
    share = prev.share_of_children
    if share is not None and prev.children_served is not None:
        n = fmt_int(prev.children_served, lang)
        out.append(text("REPORT_PREVIOUS_SHARE", lang, year=prev.year, share=fmt_pct(share, lang), n=n))
    if prev.gck_disputes is not None:
        out.append(
            count_text(
                "REPORT_PREVIOUS_GCK", "REPORT_PREVIOUS_GCK_ONE", prev.gck_disputes, lang, year=prev.year
            )
        )
    return out


def verdict_table(report: AnnualReport, lang: str) -> Table:
    """Complaints per verdict, with their share (lid 4 c)."""
    v = report.total.verdicts
    return Table(
        head=(text("REPORT_VERDICT", lang), text("REPORT_COUNT", lang), text("REPORT_SHARE", lang)),
        rows=tuple(
            (verdict_label(k, lang), fmt_int(n, lang), _share(n, v.total, lang)) for k, n in verdict_counts(v)
        ),
        numeric=(1, 2),
    )


def category_verdict_table(report: AnnualReport, lang: str) -> Table:
    """The verdicts per category."""
    return Table(
        head=(text("REPORT_CATEGORY", lang), *_verdict_head(lang)),
        rows=tuple((category_name(c, lang), *_verdict_cells(s, lang)) for c, s in report.category_verdicts),
        numeric=(1, 2, 3, 4),
    )


def measures_table(report: AnnualReport, lang: str) -> Table:
    """What the register records about measures (lid 4 c); their nature: :func:`measure_nature_table`."""
    m = report.total.measures
    counts = [("REPORT_M_WITH_SUMMARY", m.with_summary)]
    if measures_recorded(report):
        counts += [
            ("REPORT_M_WITH", m.with_measures),
            ("REPORT_M_WITHOUT", m.without_measures),
            ("REPORT_M_UNKNOWN", m.measures_unknown),
            ("REPORT_M_TOTAL", m.measures),
            ("REPORT_M_TERM", m.with_concrete_term),
            ("REPORT_M_NO_TERM", m.without_concrete_term),
        ]
    return Table(
        head=(text("REPORT_MEASURES", lang), text("REPORT_COUNT", lang)),
        rows=tuple((text(code, lang), fmt_int(n, lang)) for code, n in counts),
        numeric=(1,),
    )


#: The sentence that says how the nature of the measures was decided, per source.
_SOURCE_NOTES: Final = {
    MeasureSource.COLUMN: "REPORT_MEASURE_SOURCE_COLUMN",
    MeasureSource.KEYWORDS: "REPORT_MEASURE_SOURCE_KEYWORDS",
}


def measure_label(report: AnnualReport, name: str | None, lang: str) -> str:
    """A kind of measure as shown: the classification's label in ``lang`` (source ``keywords``), or
    the provider's own label from the register (source ``column``)."""
    for cat in report.measure_categories:
        if cat.key == name:
            return cat.label(lang)
    return category_name(name, lang)


def measures_inline(report: AnnualReport, counts: Counts, lang: str) -> str:
    """``Excuses (3); Uitleg aan de ouder (1)``: the nature of a group's measures."""
    return "; ".join(f"{measure_label(report, c, lang)} ({fmt_int(n, lang)})" for c, n in counts)


def _shown_source(report: AnnualReport) -> MeasureSource | None:
    """The source of the nature of the measures when the report shows it (a kind was classified)."""
    return report.measure_source if report.total.measures.by_nature else None


def measure_nature_table(report: AnnualReport, lang: str) -> Table | None:
    """The nature of the measures in all (lid 4 c): complaints per kind of measure and their share of
    all complaints; ``None`` when there is nothing to show. The unclassified are not published (they
    are in the review notes)."""
    if _shown_source(report) is None:
        return None
    by_nature, total = report.total.measures.by_nature, report.total.total
    return Table(
        head=(text("REPORT_MEASURE_KIND", lang), text("REPORT_COUNT", lang), text("REPORT_SHARE", lang)),
        rows=tuple(
            (measure_label(report, c, lang), fmt_int(n, lang), _share(n, total, lang)) for c, n in by_nature
        ),
        numeric=(1, 2),
    )


def measure_nature_note(report: AnnualReport, lang: str) -> str | None:
    """How the nature of the measures was decided, in one sentence; ``None`` without a table."""
    source = _shown_source(report)
    return None if source is None else text(_SOURCE_NOTES[source], lang)


def organisation_table(report: AnnualReport, lang: str) -> Table:
    """Complaints and verdicts per organisation (legal entity)."""
    return Table(
        head=(text("REPORT_ORGANISATION", lang), text("REPORT_TOTAL", lang), *_verdict_head(lang)),
        rows=tuple(
            (
                organisation_name(g.name, lang),
                fmt_int(g.total, lang),
                *_verdict_cells(g.verdicts, lang, suppressed=g.suppressed),
            )
            for g in report.by_organisation
        ),
        numeric=(1, 2, 3, 4, 5),
    )


def gck_subject_table(gck: GckSummary, lang: str) -> Table:
    """Disputes before the Geschillencommissie per subject and outcome (lid 4 d)."""
    return Table(
        head=(text("REPORT_SUBJECT", lang), text("REPORT_OUTCOME", lang), text("REPORT_COUNT", lang)),
        rows=tuple(
            (
                s if s is not None else text("REPORT_NO_SUBJECT", lang),
                verdict_label(o, lang),
                fmt_int(n, lang),
            )
            for s, o, n in gck.by_subject_outcome
        ),
        numeric=(2,),
    )


def gck_organisation_table(gck: GckSummary, lang: str) -> Table | None:
    """Disputes before the Geschillencommissie per organisation; ``None`` with one organisation or
    none (the split would only repeat the total)."""
    if len(gck.by_organisation) <= 1:
        return None
    return Table(
        head=(text("REPORT_ORGANISATION", lang), text("REPORT_COUNT", lang)),
        rows=tuple((organisation_name(o, lang), fmt_int(n, lang)) for o, n in gck.by_organisation),
        numeric=(1,),
    )


def _location_row(
    report: AnnualReport, g: GroupStats, lang: str, *, orgs: bool, nature: bool
) -> tuple[str, ...]:
    """One row of :func:`location_table`; a suppressed location shows its total only."""
    suppressed = text("REPORT_SUPPRESSED_CELL", lang) if g.suppressed else None
    org_cell = (", ".join(organisation_name(o, lang) for o in g.organisations),) if orgs else ()
    nature_cell = (
        (suppressed or measures_inline(report, g.measures.by_nature, lang) or "–",) if nature else ()
    )
    return (
        location_name(g.display_name, lang),
        *org_cell,
        fmt_int(g.total, lang),
        *_verdict_cells(g.verdicts, lang, suppressed=g.suppressed),
        suppressed or categories_inline(g.categories, lang),
        *nature_cell,
    )


def location_table(report: AnnualReport, lang: str) -> Table:
    """One compact row per location with complaints (lid 4 c); the organisation column only when
    the report covers more than one organisation, the nature of the measures only when known."""
    orgs = several_organisations(report)
    nature = report.measure_source is not None
    first = 2 if orgs else 1
    return Table(
        head=(
            text("REPORT_LOCATION", lang),
            *((text("REPORT_ORGANISATION", lang),) if orgs else ()),
            text("REPORT_TOTAL", lang),
            *_verdict_head(lang, short=True),
            text("REPORT_CATEGORIES_COL", lang),
            *((text("REPORT_MEASURE_NATURE_COL", lang),) if nature else ()),
        ),
        rows=tuple(_location_row(report, g, lang, orgs=orgs, nature=nature) for g in report.by_location),
        numeric=tuple(range(first, first + 5)),
    )
