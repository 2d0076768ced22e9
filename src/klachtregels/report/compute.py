"""Computing the annual complaint report from register records (Wko 1.57b lid 4-9; R9, A16).

The figures are a projection of the decisions: each record's decisions are evaluated once
(:func:`klachtregels.decisions.assess`), and the annual-report rules
(:mod:`klachtregels.rules.annual_report`) say from its eligibility decision whether it counts as a
complaint and when the report is due. Nothing here decides a legal question itself.

Year filter: a record counts in the report year when its complaint's day of receipt falls in
that year. A record **without** a receipt date counts only when the caller declares that the
register is that year's register (``undated_in_year=True``; the CLI's ``--year`` does this).
Otherwise it is left out and listed. Either way it is shown in the data-quality section, and
every row read is accounted for: counted + outside the year + undated and left out + not a
complaint + rejected = rows read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from klachtregels._arguments import (
    bool_argument,
    each_instance,
    instance_argument,
    whole_number_argument,
    wrong_type,
)
from klachtregels._time import FIRST_DAY, LAST_DAY
from klachtregels._version import __version__
from klachtregels.convert import ProblemText
from klachtregels.decisions import assess_record
from klachtregels.errors import InvalidInputError, ProvisionalCalendarError
from klachtregels.messages import check_lang, text
from klachtregels.model import GckFiling, ProviderKind, RegisterRecord, Verdict
from klachtregels.policy import Policy, applied_policy
from klachtregels.report import review
from klachtregels.report._tally import DuplicateFinder, GroupTally, RowList, RowReasons, counts, verdict_split
from klachtregels.report.anonymise import Redactor, looks_like_address, name_parts
from klachtregels.report.measures import MeasureKeywords, NatureClassifier, load_measure_keywords
from klachtregels.report.model import (
    AnnualReport,
    DataQuality,
    GckSummary,
    GroupStats,
    PreviousYear,
    RejectedRow,
    ReportEntry,
    ReviewKind,
    ReviewNotes,
)
from klachtregels.rules.annual_report import REPORT_CITATIONS, not_a_complaint, report_due

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Sequence

    from klachtregels.decisions import Assessment
    from klachtregels.organisation import Organisation

__all__ = ["REPORT_CITATIONS", "build_report", "report_due"]


_T = TypeVar("_T")
#: A Geschillencommissie case: the filing, the organisation it concerns, its row.
_GckCase = tuple[GckFiling, str | None, int | None]


# --------------------------------------------------------------------------------------------------
# Rejected rows
# --------------------------------------------------------------------------------------------------


def _norm(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split()).casefold()


def _error_fields(err: Any) -> tuple[str, ...]:
    """The column and field names a reader error points at (never its message)."""
    fields: list[str] = []
    for attr in ("column", "field"):
        value = getattr(err, attr, None)
        if isinstance(value, str) and value:
            fields.append(value)
    for attr in ("columns", "fields"):
        value = getattr(err, attr, None)
        if isinstance(value, tuple | list):
            fields.extend(str(v) for v in value)
    problems = getattr(err, "problems", None)
    if isinstance(problems, tuple | list):
        fields.extend(str(p[0]) for p in problems if isinstance(p, tuple | list) and p)
    return tuple(dict.fromkeys(fields))


def _rejected(errors: Iterable[Any]) -> tuple[RejectedRow, ...]:
    """Row numbers and column names of reader errors; their messages may quote personal data, so not kept."""
    # One entry per rejected *row* (a row with two problems is one row rejected, issue 9), in the
    # order rows were met; problems without a row number stay entries of their own.
    rows: dict[int, list[str]] = {}
    out: list[RejectedRow | int] = []
    for err in errors:
        row = getattr(err, "row", None)
        if not isinstance(row, int):
            out.append(RejectedRow(row=None, fields=_error_fields(err)))
            continue
        if row not in rows:
            rows[row] = []
            out.append(row)
        rows[row].extend(f for f in _error_fields(err) if f not in rows[row])
    return tuple(RejectedRow(row=e, fields=tuple(rows[e])) if isinstance(e, int) else e for e in out)


def _rows_read(source: object, given: int | None, fallback: int) -> int:
    """``given``, else the reader's ``summary.rows_read``, else ``fallback`` (records + rejected)."""
    if given is not None:
        return given
    from_summary = getattr(getattr(source, "summary", None), "rows_read", None)
    return from_summary if isinstance(from_summary, int) else fallback


# --------------------------------------------------------------------------------------------------
# Which year, which records: one pass
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class _YearSplit(Generic[_T]):
    """Items counted in the report year, and the rows of those left out or undated."""

    counted: list[_T]
    outside: tuple[int | None, ...]
    undated_in: tuple[int | None, ...]
    undated_out: tuple[int | None, ...]


def _split_year(
    items: Iterable[_T],
    year: int,
    undated_in_year: bool,
    day: Callable[[_T], dt.date | None],
    row: Callable[[_T], int | None],
) -> _YearSplit[_T]:
    """Split ``items`` by the year of ``day(item)``; undated ones count when ``undated_in_year``.

    For Geschillencommissie cases (a handful a year); register records go through :class:`_Pass`.
    """
    counted: list[_T] = []
    outside: list[int | None] = []
    undated_in: list[int | None] = []
    undated_out: list[int | None] = []
    for item in items:
        when = day(item)
        if when is None:
            (undated_in if undated_in_year else undated_out).append(row(item))
            if undated_in_year:
                counted.append(item)
        elif when.year == year:
            counted.append(item)
        else:
            outside.append(row(item))
    return _YearSplit(counted, tuple(outside), tuple(undated_in), tuple(undated_out))


def _assessment(rec: RegisterRecord, year: int, policy: Policy) -> Assessment:
    """The record's decisions, evaluated once (:func:`~klachtregels.decisions.assess_record`).

    As of the day it was received (the day R1-R5 are decided on), or the last day of ``year`` when
    it has no receipt date.
    """
    try:
        return assess_record(rec, as_of=rec.complaint.received_date or dt.date(year, 12, 31), policy=policy)
    except ProvisionalCalendarError as error:  # strict_calendar (A2): say which row
        raise error.in_row(rec.row) from None


def _in_year(rec: RegisterRecord, year: int) -> bool | None:
    """Whether ``rec`` counts in ``year`` by its day of receipt; ``None``: it has none."""
    when = rec.complaint.received_date
    return None if when is None else when.year == year


#: A complaint's text for the optional list of descriptions (lid 5), redacted only at the end, when
#: every party name of the register is known: row, location, organisation, category, verdict,
#: description, judgement summary, measures.
_Text = tuple[
    int | None, str | None, str | None, str | None, str | None, str | None, str | None, tuple[str, ...]
]


class _Pass:
    """Everything the report needs from the register, gathered in one pass (constant memory but for
    8 bytes per listed row and 16 per described complaint; :mod:`klachtregels.report._tally`).

    Lid 4 reports complaints under the regulation: a record in the year that the eligibility
    decision rules out (R1, R3-R5) is listed by row and reason, not counted. Undetermined records
    (as in an export without channel or complainant) are counted: the register says they are
    complaints, and nothing says otherwise (:func:`~klachtregels.rules.annual_report.not_a_complaint`).
    """

    def __init__(
        self, year: int, undated_in_year: bool, policy: Policy, *, keep_text: bool, keywords: MeasureKeywords
    ) -> None:
        self.year, self.undated_in_year, self.policy, self.keep_text = (
            year,
            undated_in_year,
            policy,
            keep_text,
        )
        #: The nature of the measures (lid 4 c): the register's categories, else the keywords.
        self.nature = NatureClassifier(keywords)
        self.records = 0
        self.outside, self.undated_in, self.undated_out = RowList(), RowList(), RowList()
        self.not_complaints = RowReasons()
        self.total = GroupTally()
        self.locations: dict[str | None, GroupTally] = {}
        self.organisations: dict[str | None, GroupTally] = {}
        self.category_verdicts: dict[str | None, Counter[Verdict | None]] = {}
        #: The first row of each category (the review notes point at it).
        self.category_rows: dict[str | None, int | None] = {}
        self.no_location, self.no_verdict, self.no_category, self.no_organisation = (
            RowList(),
            RowList(),
            RowList(),
            RowList(),
        )
        self.channel_unknown = 0
        self.duplicates = DuplicateFinder()
        #: Geschillencommissie filings on the register's own records (any year; split later).
        self.filings: list[_GckCase] = []
        #: Party names: their parts always (for the review notes), whole names with descriptions only.
        self.name_parts: set[str] = set()
        self.names: set[str] = set()
        self.texts: list[_Text] = []

    def add(self, rec: RegisterRecord) -> None:
        """Read one record: its names and filing, then whether and where it counts."""
        self.records += 1
        # The one party of a record is its complainant (tests/test_report_review.py pins that the
        # model has no other); read directly, as party_names' walk over every field costs 14% here.
        party = rec.complaint.complainant
        name = party.name.strip() if party is not None and party.name is not None else ""
        if name:
            self.name_parts.update(name_parts(name))
            if self.keep_text:
                self.names.add(name)
        if rec.filing is not None:
            self.filings.append((rec.filing, rec.complaint.organisation, rec.row))
        in_year = _in_year(rec, self.year)
        if in_year is None and not self.undated_in_year:
            self.undated_out.append(rec.row)
            return
        if in_year is False:
            self.outside.append(rec.row)
            return
        reason = not_a_complaint(_assessment(rec, self.year, self.policy).eligibility)
        if reason is not None:
            # Listed once, under the decision's reason: an undated record taken into the year that the
            # decision rules out is not also "undated, counted" (every row read is in one list).
            self.not_complaints.append(rec.row, reason)
            return
        if in_year is None:
            self.undated_in.append(rec.row)
        self._count(rec)

    def _count(self, rec: RegisterRecord) -> None:
        """Count one complaint in every group it belongs to, and note its gaps by row."""
        c, j, row = rec.complaint, rec.judgement, rec.row
        verdict = j.verdict if j is not None else None
        nature = self.nature.nature(rec)  # once per complaint, counted in each of its groups
        self.total.add(rec, nature)
        self._tally(self.locations, c.location, organisations=True).add(rec, nature)
        self._tally(self.organisations, c.organisation).add(rec, nature)
        self.category_verdicts.setdefault(c.category, Counter())[verdict] += 1
        self.category_rows.setdefault(c.category, row)
        for rows, missing in (
            (self.no_location, c.location is None),
            (self.no_verdict, verdict is None),
            (self.no_category, c.category is None),
            (self.no_organisation, c.organisation is None),
        ):
            if missing:
                rows.append(row)
        if c.channel is None:
            self.channel_unknown += 1
        if c.description is not None and c.description.strip():  # nothing to compare: no evidence
            summary = j.summary if j is not None else None
            key = (_norm(c.location), _norm(c.category), _norm(c.description), _norm(summary))
            self.duplicates.add(key, row)
        if self.keep_text:
            measures = (
                tuple(m.description for m in (j.measures or ()) if m.description is not None) if j else ()
            )
            verdict_text = verdict.value if verdict is not None else None
            summary_text = j.summary if j is not None else None
            self.texts.append(
                (
                    row,
                    c.location,
                    c.organisation,
                    c.category,
                    verdict_text,
                    c.description,
                    summary_text,
                    measures,
                )
            )

    @staticmethod
    def _tally(
        groups: dict[str | None, GroupTally], key: str | None, *, organisations: bool = False
    ) -> GroupTally:
        tally = groups.get(key)
        if tally is None:
            tally = groups[key] = GroupTally(organisations=organisations)
        return tally


def _previous(
    previous: int | PreviousYear | Iterable[RegisterRecord] | None,
    year: int,
    undated_in_year: bool,
    policy: Policy,
) -> tuple[PreviousYear | None, dict[str | None, tuple[int | None, int]]]:
    """The previous year as given: a total, or its register counted the way this year's is (one pass).

    Also the first row and the number of rows of each of its categories (for the review notes).
    """
    if previous is None or isinstance(previous, PreviousYear):
        return previous, {}
    if isinstance(previous, bool):
        raise InvalidInputError("previous year", [("previous", "expected a number or a register")])
    if isinstance(previous, int):
        if previous < 0:
            raise InvalidInputError("previous year", [("previous", "must be 0 or more")])
        return PreviousYear(year=year - 1, total=previous), {}
    categories: Counter[str | None] = Counter()
    locations: Counter[str | None] = Counter()
    first_rows: dict[str | None, int | None] = {}
    for rec in each_instance(
        previous,
        RegisterRecord,
        "previous",
        expected="a number, a PreviousYear or an iterable of RegisterRecord",
    ):
        in_year = _in_year(rec, year - 1)
        if in_year is False or (in_year is None and not undated_in_year):
            continue
        if not_a_complaint(_assessment(rec, year - 1, policy).eligibility) is None:
            categories[rec.complaint.category] += 1
            locations[rec.complaint.location] += 1
            first_rows.setdefault(rec.complaint.category, rec.row)
    prev = PreviousYear(
        year=year - 1, total=categories.total(), categories=counts(categories), locations=counts(locations)
    )
    return prev, {cat: (row, categories[cat]) for cat, row in first_rows.items()}


# --------------------------------------------------------------------------------------------------
# Locations and lid 6
# --------------------------------------------------------------------------------------------------


def _location_names(
    names: Iterable[str], organisation: Organisation | None, lang_pseudonym: str
) -> tuple[dict[str, str], int]:
    """Display names per location; pseudonyms where lid 6 requires. Returns (mapping, unchecked count).

    Decision (lid 6): for a gastouderbureau, a location is shown by name only when the
    organisation file lists it and its name does not look like an address; every other location
    becomes 'Gastouderlocatie N'. For a kindercentrum names are shown (business addresses). When
    the kind is unknown, names are shown and address-like ones are counted as 'unchecked'.
    """
    display: dict[str, str] = {}
    unchecked = 0
    org_kind = organisation.kind if organisation is not None else None
    to_hide: list[str] = []
    for name in sorted(set(names)):
        listed = organisation.location(name) if organisation is not None else None
        kind = listed.kind if listed is not None and listed.kind is not None else org_kind
        address = looks_like_address(name)
        if kind is ProviderKind.GASTOUDERBUREAU and (address or listed is None):
            to_hide.append(name)
        else:
            display[name] = name
            if kind is None and address:
                unchecked += 1
    for i, name in enumerate(to_hide, start=1):
        display[name] = f"{lang_pseudonym} {i}"
    return display, unchecked


def _locations(p: _Pass, display: dict[str, str]) -> tuple[GroupStats, ...]:
    """Per location (lid 4 c), by display name; 'location not recorded' last."""
    groups = (
        tally.stats(
            name,
            display_name=display.get(name) if name is not None else None,
            pseudonymised=name is not None and display.get(name) != name,
            measure_source=p.nature.source,
        )
        for name, tally in p.locations.items()
    )
    return tuple(sorted(groups, key=lambda g: (g.name is None, (g.display_name or "").casefold())))


def _organisations(p: _Pass) -> tuple[GroupStats, ...]:
    """Per organisation (legal entity), most complaints first; 'not recorded' last."""
    groups = (tally.stats(name, measure_source=p.nature.source) for name, tally in p.organisations.items())
    return tuple(sorted(groups, key=lambda g: (g.name is None, -g.total, g.name or "")))


# --------------------------------------------------------------------------------------------------
# Geschillencommissie (lid 4 d)
# --------------------------------------------------------------------------------------------------


def _gck_records(cases: Iterable[Any]) -> list[_GckCase]:
    """Accepts :class:`~klachtregels.register.GckCase`, records with a ``filing``, or bare filings."""
    out: list[_GckCase] = []
    try:
        cases = iter(cases)
    except TypeError:
        raise wrong_type("gck_cases", "an iterable of cases, records or filings", cases) from None
    for case in cases:
        if isinstance(case, GckFiling):
            out.append((case, None, None))
            continue
        filing = getattr(case, "filing", None)
        row = getattr(case, "row", None)
        row = row if isinstance(row, int) else None
        if isinstance(case, RegisterRecord):
            org = case.complaint.organisation
        else:
            org_value = getattr(case, "organisation", None)
            org = org_value if isinstance(org_value, str) else None
        if not isinstance(filing, GckFiling):
            where = f"row {row}" if row is not None else "filing"
            raise InvalidInputError(
                "Geschillencommissie case", [(where, "has no Geschillencommissie filing")]
            )
        out.append((filing, org, row))
    return out


@attrs.frozen
class _GckPart:
    """The Geschillencommissie figures (``None``: no data given) and their accounting."""

    summary: GckSummary | None
    rows_read: int | None = None
    rejected: tuple[RejectedRow, ...] = ()
    split: _YearSplit[_GckCase] | None = None


def _filed(case: _GckCase) -> dt.date | None:
    return case[0].filed_date


def _gck_summary(counted: Sequence[_GckCase], source: str) -> GckSummary:
    def outcome(f: GckFiling) -> str | None:
        return f.outcome.value if f.outcome is not None else None

    pairs: Counter[tuple[str | None, str | None]] = Counter((f.subject, outcome(f)) for f, _o, _r in counted)
    return GckSummary(
        total=len(counted),
        by_subject=counts(Counter(f.subject for f, _o, _r in counted)),
        by_outcome=counts(Counter(outcome(f) for f, _o, _r in counted)),
        by_organisation=counts(Counter(o for _f, o, _r in counted)),
        by_subject_outcome=tuple(
            (s, o, n)
            for (s, o), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or ""))
        ),
        source=source,
    )


def _gck(gck_cases: Iterable[Any] | None, own: list[_GckCase], year: int, undated_in_year: bool) -> _GckPart:
    """Cases from the disputes file; without one, ``own`` (filings on the register's records), else none."""
    rows_read: int | None = None
    rejected: tuple[RejectedRow, ...] = ()
    if gck_cases is None:
        if not own:
            return _GckPart(summary=None)
        cases, source = own, "register"
    else:
        cases, source = _gck_records(gck_cases), "geschillen"
        rejected = _rejected(getattr(gck_cases, "errors", ()) or ())
        rows_read = _rows_read(gck_cases, None, len(cases) + len(rejected))
    split = _split_year(cases, year, undated_in_year, _filed, lambda case: case[2])
    return _GckPart(_gck_summary(split.counted, source), rows_read, rejected, split)


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------


def _keep(p: _Pass, organisation: Organisation | None) -> list[str]:
    """Names that may stay in the report: the provider's and its legal entities' (lid 5)."""
    keep = [organisation.name] if organisation is not None else []
    return keep + [name for name in p.organisations if name is not None]


def _entries(p: _Pass, display: dict[str | None, str | None], keep: list[str]) -> tuple[ReportEntry, ...]:
    """Each complaint with its redacted free text (lid 5): party names of every record removed.

    ``display``: the location as shown (a pseudonym, lid 6; 'suppressed' where its detail is).
    """
    redactor = Redactor(p.names, keep=keep)

    def red(value: str | None) -> str | None:
        return None if value is None or not value.strip() else redactor.redact(value)

    def entry(t: _Text) -> ReportEntry:
        row, location, org, category, verdict, description, summary, measures = t
        return ReportEntry(
            row=row,
            location=display.get(location),
            organisation=org,
            category=category,
            verdict=verdict,
            description=red(description),
            summary=red(summary),
            measures=tuple(r for m in measures if (r := red(m)) is not None),
        )

    return tuple(entry(t) for t in p.texts)


def _similar_locations(p: _Pass, display: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    """Shown location names that are probably one location (the bulk module's grouping); a
    pseudonymised name never takes part (its real name must not appear, lid 6)."""
    from klachtregels.bulk._locations import similar_locations

    shown = {
        name: tally.total
        for name, tally in p.locations.items()
        if name is not None and display.get(name) == name
    }
    return tuple(tuple(spelling for spelling, _ in group.spellings) for group in similar_locations(shown))


def _data_quality(
    p: _Pass,
    read: tuple[int, tuple[RejectedRow, ...]],
    display: dict[str, str],
    unchecked: int,
    gck: _GckPart,
) -> DataQuality:
    """Everything that was read, and what was odd about it (by row number, never by content)."""
    rows_read, rejected = read
    gck_split = gck.split
    return DataQuality(
        rows_read=rows_read,
        rejected=rejected,
        records=p.records,
        included=p.total.total,
        outside_year=p.outside.rows(),
        undated_included=p.undated_in.rows(),
        undated_excluded=p.undated_out.rows(),
        no_location=p.no_location.rows(),
        no_verdict=p.no_verdict.rows(),
        no_category=p.no_category.rows(),
        no_organisation=p.no_organisation.rows(),
        possible_duplicates=p.duplicates.groups(),
        not_complaints=p.not_complaints.pairs(),
        channel_unknown=p.channel_unknown,
        pseudonymised_locations=sum(1 for k, v in display.items() if k != v),
        similar_locations=_similar_locations(p, display),
        address_like_locations_unchecked=unchecked,
        gck_rows_read=gck.rows_read,
        gck_rejected=gck.rejected,
        gck_outside_year=gck_split.outside if gck_split is not None else (),
        gck_undated_included=gck_split.undated_in if gck_split is not None else (),
        gck_undated_excluded=gck_split.undated_out if gck_split is not None else (),
    )


def _read(
    records: Iterable[RegisterRecord],
    p: _Pass,
    rows_read: int | None,
    rejected: Iterable[Any] | None,
) -> tuple[int, tuple[RejectedRow, ...]]:
    """Read the records into ``p``, one at a time; then the rows read and rejected."""
    for rec in each_instance(records, RegisterRecord, "records", expected="an iterable of RegisterRecord"):
        p.add(rec)
    rejected_rows = _rejected(getattr(records, "errors", ()) or () if rejected is None else rejected)
    return _rows_read(records, rows_read, p.records + len(rejected_rows)), rejected_rows


def _review(
    p: _Pass,
    locations: tuple[GroupStats, ...],
    previous_rows: dict[str | None, tuple[int | None, int]],
    gck: _GckPart,
    keep: list[str],
) -> ReviewNotes:
    """Published cells that could identify a person (lid 5), by kind and row, for the provider.

    Names are recognised by the redactor from every part of every party name in the register
    (:func:`~klachtregels.report.anonymise.name_parts`), and by its other patterns.
    """
    redactor = Redactor(p.name_parts, keep=keep)
    categories = {cat: (row, p.total.categories[cat]) for cat, row in p.category_rows.items()}
    shown = {
        g.display_name: (p.locations[g.name].first_row, g.total) for g in locations if not g.pseudonymised
    }
    subjects: dict[str | None, tuple[int | None, int]] = {}
    for filing, _org, row in gck.split.counted if gck.split is not None else ():
        first, n = subjects.get(filing.subject, (row, 0))
        subjects[filing.subject] = (first, n + 1)
    source = gck.summary.source if gck.summary is not None else "register"
    warnings = [
        *review.name_warnings(redactor, ReviewKind.PERSONAL_DATA_IN_CATEGORY, categories),
        # The register's measure categories are published labels too (the nature of the measures).
        *review.name_warnings(redactor, ReviewKind.PERSONAL_DATA_IN_CATEGORY, p.nature.column_rows),
        *review.name_warnings(
            redactor, ReviewKind.PERSONAL_DATA_IN_CATEGORY, previous_rows, source="previous"
        ),
        *review.location_warnings(redactor, shown),
        *review.name_warnings(redactor, ReviewKind.PERSONAL_DATA_IN_SUBJECT, subjects, source=source),
        *review.single_complaint_warnings(locations, {n: t.first_row for n, t in p.locations.items()}),
    ]
    return ReviewNotes(reidentification=tuple(warnings))


def report_year_problem(year: int) -> str | None:
    """Why ``year`` is no report year (outside the days the library counts in, 1900-2999), or ``None``:
    the one text, for ``build_report(year=...)`` and ``klachtregels report --year`` alike."""
    if FIRST_DAY.year <= year <= LAST_DAY.year:
        return None
    return ProblemText("CLI_NOT_A_REPORT_YEAR", first=FIRST_DAY.year, last=LAST_DAY.year)


def _check_arguments(
    year: int, children_served: int | None, suppress_below: int | None, rows_read: int | None
) -> None:
    """The numbers ``build_report`` takes: whole numbers in range, each refused by its name."""
    year = whole_number_argument(year, "year")
    for name, value in (
        ("children_served", children_served),
        ("suppress_below", suppress_below),
        ("rows_read", rows_read),
    ):
        if value is not None:
            whole_number_argument(value, name)
    if rows_read is not None and rows_read < 0:
        raise InvalidInputError("annual report", [("rows_read", "must be a whole number >= 0")])
    problem = report_year_problem(year)
    if problem is not None:
        raise InvalidInputError("annual report", [("year", problem)])
    if children_served is not None and (isinstance(children_served, bool) or children_served < 0):
        raise InvalidInputError("annual report", [("children_served", "must be a whole number >= 0")])
    if suppress_below is not None and (isinstance(suppress_below, bool) or not 1 <= suppress_below <= 1000):
        raise InvalidInputError(
            "annual report", [("suppress_below", "must be a whole number from 1 to 1000")]
        )


# Over 60 lines only by its documented signature (14 keyword arguments) and docstring.
def build_report(
    records: Iterable[RegisterRecord],
    *,
    year: int,
    organisation: Organisation | None = None,
    gck_cases: Iterable[Any] | None = None,
    undated_in_year: bool = False,
    rows_read: int | None = None,
    rejected: Iterable[Any] | None = None,
    children_served: int | None = None,
    previous: int | PreviousYear | Iterable[RegisterRecord] | None = None,
    jaarverslag_atw: bool = False,
    include_descriptions: bool = False,
    suppress_below: int | None = None,
    lang: str = "nl",
    policy: Policy | str | os.PathLike[str] | None = None,
    measure_keywords: MeasureKeywords | str | os.PathLike[str] | None = None,
) -> AnnualReport:
    """Compute the klachtenverslag over ``year`` (Wko 1.57b lid 4; R9).

    ``records`` may be a reader from :func:`klachtregels.register.read_register`: after iterating
    it, its ``summary.rows_read`` and ``errors`` are used (unless ``rows_read``/``rejected`` are
    given), so rejected rows are shown and counted. ``records`` (and a ``previous`` register) are
    read once, one record at a time, and not kept: memory does not grow with the register but for a
    few bytes per row listed in the data-quality section (and the texts, with
    ``include_descriptions``). ``gck_cases``: Geschillencommissie cases
    (records with a ``filing``, or bare :class:`~klachtregels.model.GckFiling`); when ``None``,
    filings on the register's own records are used, and when there are none either, GCK figures
    are unknown (``report.gck is None``), not zero. ``children_served`` overrides the
    organisation file. ``lang`` only sets the wording of pseudonyms for hidden locations (lid 6).
    ``policy`` (default: statutory) decides which records are complaints under the regulation
    (for example complaints about the working method, A8); a previous year's register is counted
    under the same policy.

    The nature of the measures per location (lid 4 c) comes from the register's measure
    categories where it has them, else from a keyword classification of the measure texts
    (``measure_keywords``: a keyword file or a loaded one; ``None``: the shipped one), see
    :mod:`klachtregels.report.measures`; ``report.measure_source`` says which.

    ``suppress_below`` (k): the category and verdict detail of a location with fewer than k
    complaints is suppressed, and complementary ones with it (:mod:`klachtregels.report.review`);
    its number of complaints, and every total, stay. ``report.review`` lists the published cells
    that could identify a person (lid 5), for the provider and never in the published document.
    """
    _check_arguments(year, children_served, suppress_below, rows_read)
    if organisation is not None:
        from klachtregels.organisation import Organisation as _Organisation  # only when given

        instance_argument(organisation, _Organisation, "organisation")
    lang = check_lang(lang)
    # Switches given as text ("no") are true in Python: include_descriptions="no" would publish the
    # descriptions (personal data). Refused instead, naming the argument.
    undated_in_year = bool(bool_argument(undated_in_year, "undated_in_year"))
    jaarverslag_atw = bool(bool_argument(jaarverslag_atw, "jaarverslag_atw"))
    include_descriptions = bool(bool_argument(include_descriptions, "include_descriptions"))
    pol = applied_policy(policy)
    if not isinstance(measure_keywords, MeasureKeywords):
        measure_keywords = load_measure_keywords(measure_keywords)
    p = _Pass(year, undated_in_year, pol, keep_text=include_descriptions, keywords=measure_keywords)
    read = _read(records, p, rows_read, rejected)
    named = (name for name in p.locations if name is not None)
    display, unchecked = _location_names(named, organisation, text("REPORT_PSEUDONYM", lang))
    total = p.total.stats(None, measure_source=p.nature.source)
    gck = _gck(gck_cases, p.filings, year, undated_in_year)
    quality = _data_quality(p, read, display, unchecked, gck)
    if children_served is None and organisation is not None:
        children_served = organisation.children_served
    prev, prev_rows = _previous(previous, year, undated_in_year, pol)
    locations, organisations = review.suppress(_locations(p, display), _organisations(p), suppress_below)
    keep = _keep(p, organisation)
    shown: dict[str | None, str | None] = dict(display.items())
    hidden = text("REPORT_SUPPRESSED_LOCATION", lang)
    shown.update((g.name, hidden) for g in locations if g.suppressed)
    return AnnualReport(
        year=year,
        organisation=organisation,
        total=total,
        by_organisation=organisations,
        by_location=locations,
        category_verdicts=tuple(
            (cat, verdict_split(p.category_verdicts[cat])) for cat, _n in total.categories
        ),
        gck=gck.summary,
        children_served=children_served,
        previous=prev,
        due=report_due(
            year,
            written_complaints=total.total,
            jaarverslag_atw=jaarverslag_atw,
            channel_unknown=quality.channel_unknown,
        ),
        data_quality=quality,
        include_descriptions=include_descriptions,
        entries=_entries(p, shown, keep) if include_descriptions else (),
        citations=REPORT_CITATIONS,
        library_version=__version__,
        suppress_below=suppress_below,
        review=_review(p, locations, prev_rows, gck, keep),
        measure_source=p.nature.source,
        measure_categories=p.nature.categories,
    )
