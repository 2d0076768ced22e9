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
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from klachtregels._version import __version__
from klachtregels.decisions import assess_record
from klachtregels.errors import InvalidInputError
from klachtregels.messages import text
from klachtregels.model import GckFiling, ProviderKind, RegisterRecord, Verdict
from klachtregels.policy import Policy, load_policy
from klachtregels.report.anonymise import Redactor, looks_like_address, party_names
from klachtregels.report.model import (
    AnnualReport,
    Counts,
    DataQuality,
    GckSummary,
    GroupStats,
    MeasureSummary,
    PreviousYear,
    RejectedRow,
    ReportEntry,
    VerdictSplit,
)
from klachtregels.rules.annual_report import REPORT_CITATIONS, not_a_complaint, report_due

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Sequence

    from klachtregels.decisions import Assessment
    from klachtregels.organisation import Organisation
    from klachtregels.vocabulary import Outcome

__all__ = ["REPORT_CITATIONS", "build_report", "report_due"]


_T = TypeVar("_T")
#: A Geschillencommissie case: the filing, the organisation it concerns, its row.
_GckCase = tuple[GckFiling, str | None, int | None]


# --------------------------------------------------------------------------------------------------
# Tallies
# --------------------------------------------------------------------------------------------------


def _counts(counter: Counter[str | None]) -> Counts:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or "")))


def _verdicts(records: Sequence[RegisterRecord]) -> VerdictSplit:
    c: Counter[Verdict | None] = Counter(r.judgement.verdict if r.judgement else None for r in records)
    return VerdictSplit(
        gegrond=c[Verdict.GEGROND],
        deels_gegrond=c[Verdict.DEELS_GEGROND],
        ongegrond=c[Verdict.ONGEGROND],
        unknown=c[None],
    )


def _measures(records: Sequence[RegisterRecord]) -> MeasureSummary:
    """What the register records about measures; never inferred from text (lid 4 c)."""
    per_complaint: Counter[str] = Counter()
    terms: Counter[bool | None] = Counter()
    for rec in records:
        j = rec.judgement
        if j is not None and j.summary is not None and j.summary.strip():
            per_complaint["summary"] += 1
        if j is None or j.measures is None:
            per_complaint["unknown"] += 1
        elif not j.measures:
            per_complaint["without"] += 1
        else:
            per_complaint["with"] += 1
            terms.update(m.concrete_term for m in j.measures)
    return MeasureSummary(
        with_measures=per_complaint["with"],
        without_measures=per_complaint["without"],
        measures_unknown=per_complaint["unknown"],
        measures=terms.total(),
        with_concrete_term=terms[True],
        without_concrete_term=terms[False],
        term_unknown=terms[None],
        with_summary=per_complaint["summary"],
    )


def _group(
    name: str | None,
    records: Sequence[RegisterRecord],
    *,
    display_name: str | None = None,
    pseudonymised: bool = False,
    with_organisations: bool = False,
) -> GroupStats:
    orgs: tuple[str | None, ...] = ()
    if with_organisations:
        seen = {r.complaint.organisation for r in records}
        orgs = tuple(sorted(seen, key=lambda o: (o is None, o or "")))
    return GroupStats(
        name=name,
        display_name=name if display_name is None else display_name,
        total=len(records),
        categories=_counts(Counter(r.complaint.category for r in records)),
        verdicts=_verdicts(records),
        measures=_measures(records),
        organisations=orgs,
        pseudonymised=pseudonymised,
    )


def _norm(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split()).casefold()


def _duplicates(records: Sequence[RegisterRecord]) -> tuple[tuple[int | None, ...], ...]:
    groups: dict[tuple[str | None, ...], list[int | None]] = defaultdict(list)
    for rec in records:
        c = rec.complaint
        if c.description is None or not c.description.strip():
            continue  # nothing to compare: not evidence of a duplicate
        summary = rec.judgement.summary if rec.judgement is not None else None
        key = (_norm(c.location), _norm(c.category), _norm(c.description), _norm(summary))
        groups[key].append(rec.row)
    dups = [tuple(rows) for rows in groups.values() if len(rows) > 1]
    return tuple(sorted(dups, key=lambda rows: [r if r is not None else -1 for r in rows]))


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
# Which year, which records
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
    """Split ``items`` by the year of ``day(item)``; undated ones count when ``undated_in_year``."""
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


def _received(rec: RegisterRecord) -> dt.date | None:
    return rec.complaint.received_date


def _row(rec: RegisterRecord) -> int | None:
    return rec.row


def _assessment(rec: RegisterRecord, year: int, policy: Policy) -> Assessment:
    """The record's decisions, evaluated once (:func:`~klachtregels.decisions.assess_record`).

    As of the day it was received (the day R1-R5 are decided on), or the last day of ``year`` when
    it has no receipt date.
    """
    return assess_record(rec, as_of=rec.complaint.received_date or dt.date(year, 12, 31), policy=policy)


def _complaints(
    records: Iterable[RegisterRecord], year: int, policy: Policy
) -> tuple[list[RegisterRecord], tuple[tuple[int | None, Outcome], ...]]:
    """The records that are complaints under the regulation, and the others by row and reason.

    Lid 4 reports complaints under the regulation: a record the eligibility decision rules out
    (R1, R3-R5) is shown by row and reason in the data-quality section, not counted. Undetermined
    records (as in an export without channel or complainant) are counted: the register says they
    are complaints, and nothing says otherwise (:func:`~klachtregels.rules.annual_report.not_a_complaint`).
    """
    complaints: list[RegisterRecord] = []
    others: list[tuple[int | None, Outcome]] = []
    for rec in records:
        reason = not_a_complaint(_assessment(rec, year, policy).eligibility)
        if reason is None:
            complaints.append(rec)
        else:
            others.append((rec.row, reason))
    return complaints, tuple(others)


def _previous(
    previous: int | PreviousYear | Iterable[RegisterRecord] | None,
    year: int,
    undated_in_year: bool,
    policy: Policy,
) -> PreviousYear | None:
    """The previous year as given: a total, or its register counted the way this year's is."""
    if previous is None or isinstance(previous, PreviousYear):
        return previous
    if isinstance(previous, bool):
        raise InvalidInputError("previous year", [("previous", "expected a number or a register")])
    if isinstance(previous, int):
        if previous < 0:
            raise InvalidInputError("previous year", [("previous", "must be 0 or more")])
        return PreviousYear(year=year - 1, total=previous)
    in_year = _split_year(previous, year - 1, undated_in_year, _received, _row).counted
    counted, _others = _complaints(in_year, year - 1, policy)
    return PreviousYear(
        year=year - 1,
        total=len(counted),
        categories=_counts(Counter(r.complaint.category for r in counted)),
    )


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


def _by(
    records: Iterable[RegisterRecord], key: Callable[[RegisterRecord], str | None]
) -> dict[str | None, list[RegisterRecord]]:
    groups: dict[str | None, list[RegisterRecord]] = defaultdict(list)
    for rec in records:
        groups[key(rec)].append(rec)
    return groups


def _locations(complaints: Sequence[RegisterRecord], display: dict[str, str]) -> tuple[GroupStats, ...]:
    """Per location (lid 4 c), by display name; 'location not recorded' last."""
    groups = (
        _group(
            name,
            recs,
            display_name=display.get(name) if name is not None else None,
            pseudonymised=name is not None and display.get(name) != name,
            with_organisations=True,
        )
        for name, recs in _by(complaints, lambda r: r.complaint.location).items()
    )
    return tuple(sorted(groups, key=lambda g: (g.name is None, (g.display_name or "").casefold())))


def _organisations(complaints: Sequence[RegisterRecord]) -> tuple[GroupStats, ...]:
    """Per organisation (legal entity), most complaints first; 'not recorded' last."""
    groups = (
        _group(name, recs) for name, recs in _by(complaints, lambda r: r.complaint.organisation).items()
    )
    return tuple(sorted(groups, key=lambda g: (g.name is None, -g.total, g.name or "")))


# --------------------------------------------------------------------------------------------------
# Geschillencommissie (lid 4 d)
# --------------------------------------------------------------------------------------------------


def _gck_records(cases: Iterable[Any]) -> list[_GckCase]:
    """Accepts :class:`~klachtregels.register.GckCase`, records with a ``filing``, or bare filings."""
    out: list[_GckCase] = []
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
        by_subject=_counts(Counter(f.subject for f, _o, _r in counted)),
        by_outcome=_counts(Counter(outcome(f) for f, _o, _r in counted)),
        by_organisation=_counts(Counter(o for _f, o, _r in counted)),
        by_subject_outcome=tuple(
            (s, o, n)
            for (s, o), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or ""))
        ),
        source=source,
    )


def _gck(
    gck_cases: Iterable[Any] | None, records: Sequence[RegisterRecord], year: int, undated_in_year: bool
) -> _GckPart:
    """Cases from the disputes file; without one, filings on the register's records; else unknown."""
    rows_read: int | None = None
    rejected: tuple[RejectedRow, ...] = ()
    if gck_cases is None:
        own = [r for r in records if r.filing is not None]
        if not own:
            return _GckPart(summary=None)
        cases, source = _gck_records(own), "register"
    else:
        cases, source = _gck_records(gck_cases), "geschillen"
        rejected = _rejected(getattr(gck_cases, "errors", ()) or ())
        rows_read = _rows_read(gck_cases, None, len(cases) + len(rejected))
    split = _split_year(cases, year, undated_in_year, _filed, lambda case: case[2])
    return _GckPart(_gck_summary(split.counted, source), rows_read, rejected, split)


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------


def _entries(
    complaints: Sequence[RegisterRecord],
    records: Sequence[RegisterRecord],
    display: dict[str, str],
    organisation: Organisation | None,
) -> tuple[ReportEntry, ...]:
    """Each complaint with its redacted free text (lid 5): party names of every record removed."""
    keep = [organisation.name] if organisation is not None else []
    keep += [r.complaint.organisation for r in complaints if r.complaint.organisation is not None]
    redactor = Redactor(party_names(records), keep=keep)

    def red(value: str | None) -> str | None:
        return None if value is None or not value.strip() else redactor.redact(value)

    def entry(r: RegisterRecord) -> ReportEntry:
        j = r.judgement
        measures = (j.measures or ()) if j is not None else ()
        return ReportEntry(
            row=r.row,
            location=display.get(r.complaint.location) if r.complaint.location is not None else None,
            organisation=r.complaint.organisation,
            category=r.complaint.category,
            verdict=j.verdict.value if j is not None and j.verdict is not None else None,
            description=red(r.complaint.description),
            summary=red(j.summary if j is not None else None),
            measures=tuple(t for m in measures if (t := red(m.description)) is not None),
        )

    return tuple(entry(r) for r in complaints)


@attrs.frozen(kw_only=True)
class _Read:
    """What was read and how it was sorted, for the data-quality section."""

    rows_read: int
    rejected: tuple[RejectedRow, ...]
    records: int
    year: _YearSplit[RegisterRecord]
    complaints: list[RegisterRecord]
    not_complaints: tuple[tuple[int | None, Outcome], ...]


def _data_quality(read: _Read, display: dict[str, str], unchecked: int, gck: _GckPart) -> DataQuality:
    """Everything that was read, and what was odd about it (by row number, never by content)."""
    complaints = read.complaints
    gck_split = gck.split
    return DataQuality(
        rows_read=read.rows_read,
        rejected=read.rejected,
        records=read.records,
        included=len(complaints),
        outside_year=read.year.outside,
        undated_included=read.year.undated_in,
        undated_excluded=read.year.undated_out,
        no_location=tuple(r.row for r in complaints if r.complaint.location is None),
        no_verdict=tuple(r.row for r in complaints if r.judgement is None or r.judgement.verdict is None),
        no_category=tuple(r.row for r in complaints if r.complaint.category is None),
        no_organisation=tuple(r.row for r in complaints if r.complaint.organisation is None),
        possible_duplicates=_duplicates(complaints),
        not_complaints=read.not_complaints,
        channel_unknown=sum(1 for r in complaints if r.complaint.channel is None),
        pseudonymised_locations=sum(1 for k, v in display.items() if k != v),
        address_like_locations_unchecked=unchecked,
        gck_rows_read=gck.rows_read,
        gck_rejected=gck.rejected,
        gck_outside_year=gck_split.outside if gck_split is not None else (),
        gck_undated_included=gck_split.undated_in if gck_split is not None else (),
        gck_undated_excluded=gck_split.undated_out if gck_split is not None else (),
    )


def _read(
    records: Iterable[RegisterRecord],
    year: int,
    undated_in_year: bool,
    policy: Policy,
    rows_read: int | None,
    rejected: Iterable[Any] | None,
) -> tuple[list[RegisterRecord], _Read]:
    """Read the records; sort them by year and by whether they are complaints under the regulation."""
    all_records = list(records)
    rejected_rows = _rejected(getattr(records, "errors", ()) or () if rejected is None else rejected)
    split = _split_year(all_records, year, undated_in_year, _received, _row)
    complaints, others = _complaints(split.counted, year, policy)
    return all_records, _Read(
        rows_read=_rows_read(records, rows_read, len(all_records) + len(rejected_rows)),
        rejected=rejected_rows,
        records=len(all_records),
        year=split,
        complaints=complaints,
        not_complaints=others,
    )


def _check_arguments(year: int, children_served: int | None) -> None:
    if not 1900 <= year <= 2999:
        raise InvalidInputError("annual report", [("year", f"{year} is not a plausible report year")])
    if children_served is not None and (isinstance(children_served, bool) or children_served < 0):
        raise InvalidInputError("annual report", [("children_served", "must be a whole number >= 0")])


# Over 60 lines only by its documented signature (12 keyword arguments); the body is under 40 lines.
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
    lang: str = "nl",
    policy: Policy | str | os.PathLike[str] | None = None,
) -> AnnualReport:
    """Compute the klachtenverslag over ``year`` (Wko 1.57b lid 4; R9).

    ``records`` may be a reader from :func:`klachtregels.register.read_register`: after iterating
    it, its ``summary.rows_read`` and ``errors`` are used (unless ``rows_read``/``rejected`` are
    given), so rejected rows are shown and counted. ``gck_cases``: Geschillencommissie cases
    (records with a ``filing``, or bare :class:`~klachtregels.model.GckFiling`); when ``None``,
    filings on the register's own records are used, and when there are none either, GCK figures
    are unknown (``report.gck is None``), not zero. ``children_served`` overrides the
    organisation file. ``lang`` only sets the wording of pseudonyms for hidden locations (lid 6).
    ``policy`` (default: statutory) decides which records are complaints under the regulation
    (for example complaints about the working method, A8); a previous year's register is counted
    under the same policy.
    """
    _check_arguments(year, children_served)
    pseudonym = text("REPORT_PSEUDONYM", lang)
    pol = load_policy(policy)
    all_records, read = _read(records, year, undated_in_year, pol, rows_read, rejected)
    complaints = read.complaints
    display, unchecked = _location_names(
        (r.complaint.location for r in complaints if r.complaint.location is not None),
        organisation,
        pseudonym,
    )
    total = _group(None, complaints)
    by_category = _by(complaints, lambda r: r.complaint.category)
    gck = _gck(gck_cases, all_records, year, undated_in_year)
    quality = _data_quality(read, display, unchecked, gck)
    due = report_due(
        year,
        written_complaints=len(complaints),
        jaarverslag_atw=jaarverslag_atw,
        channel_unknown=quality.channel_unknown,
    )
    if children_served is None and organisation is not None:
        children_served = organisation.children_served
    return AnnualReport(
        year=year,
        organisation=organisation,
        total=total,
        by_organisation=_organisations(complaints),
        by_location=_locations(complaints, display),
        category_verdicts=tuple((cat, _verdicts(by_category[cat])) for cat, _n in total.categories),
        gck=gck.summary,
        children_served=children_served,
        previous=_previous(previous, year, undated_in_year, pol),
        due=due,
        data_quality=quality,
        include_descriptions=include_descriptions,
        entries=_entries(complaints, all_records, display, organisation) if include_descriptions else (),
        citations=REPORT_CITATIONS,
        library_version=__version__,
    )
