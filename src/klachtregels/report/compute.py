"""Computing the annual complaint report from register records (Wko 1.57b lid 4-9; R9, A16).

Year filter: a record counts in the report year when its complaint's ``received_on`` falls in
that year. A record **without** a receipt date counts only when the caller declares that the
register is that year's register (``undated_in_year=True``; the CLI's ``--year`` does this).
Otherwise it is left out and listed. Either way it is shown in the data-quality section, and
every row read is accounted for: counted + outside the year + undated and left out + rejected
= rows read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from klachtregels._version import __version__
from klachtregels.calendar import is_working_day, unverified_years
from klachtregels.citations import ATW, WET_KINDEROPVANG, Citation, cite
from klachtregels.decisions import eligibility
from klachtregels.errors import InvalidInputError
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
    ReportDue,
    ReportEntry,
    VerdictSplit,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from klachtregels.organisation import Organisation

__all__ = ["REPORT_CITATIONS", "build_report", "report_due"]

#: Wko art. 1.57b lid 4-9: the annual report (R9).
REPORT_CITATIONS: tuple[Citation, ...] = tuple(
    cite(WET_KINDEROPVANG, "1.57b", lid, note="R9") for lid in range(4, 10)
)
_ATW_ART1 = cite(ATW, "1", 1, note="A16: whether it applies to a fixed date is not settled")


# --------------------------------------------------------------------------------------------------
# When is it due (lid 8, 9; A16; J01, J02)
# --------------------------------------------------------------------------------------------------


def report_due(
    year: int, *, written_complaints: int, jaarverslag_atw: bool = False, channel_unknown: int = 0
) -> ReportDue:
    """Whether a report over ``year`` is required and by when.

    * Lid 9: no written complaints that year, no report (``NOT_REQUIRED``, flag
      ``KLACHTENLOKET_FAQ_GCK``: the Klachtenloket FAQ also mentions GCK disputes; J01).
    * Lid 8: 'before 1 June' of the next year, so the last day is 31 May. When 31 May is not an
      ATW working day, whether ATW art. 1 moves it is not settled (A16): with the default
      ``jaarverslag_atw=False`` the outcome is ``UNDETERMINED`` (reason ``A16``), the last day stays
      31 May and the advice is to send by the last working day before it (J02). With
      ``jaarverslag_atw=True`` the last day is the next working day and the outcome ``REQUIRED``.
    """
    rule_ids = ("R9", "A16")
    flags = ["VERIFY_LID7"]
    if written_complaints < 0:
        raise InvalidInputError("report due date", [("written_complaints", "must be 0 or more")])
    if written_complaints == 0:
        flags.append("KLACHTENLOKET_FAQ_GCK")
        return ReportDue(
            year=year,
            outcome="NOT_REQUIRED",
            reason=None,
            written_complaints=0,
            calendar_last_day=None,
            atw_last_day=None,
            last_day=None,
            recommended_by=None,
            jaarverslag_atw=jaarverslag_atw,
            flags=tuple(flags),
            rule_ids=("R9",),
            citations=(cite(WET_KINDEROPVANG, "1.57b", 9, note="R9"),),
        )
    if channel_unknown:
        flags.append("CHANNEL_UNKNOWN")
    may31 = dt.date(year + 1, 5, 31)
    atw_day = may31
    while not is_working_day(atw_day):
        atw_day += dt.timedelta(days=1)
    recommended = may31
    while not is_working_day(recommended):
        recommended -= dt.timedelta(days=1)
    if unverified_years([year + 1]):
        flags.append("PROVISIONAL_CALENDAR")
    citations = (cite(WET_KINDEROPVANG, "1.57b", 8, note="R9"), _ATW_ART1)
    if atw_day == may31:
        outcome, reason, last = "REQUIRED", None, may31
    elif jaarverslag_atw:
        flags.append("ATW_ON_FIXED_DATE")
        outcome, reason, last = "REQUIRED", None, atw_day
    else:
        outcome, reason, last = "UNDETERMINED", "A16", may31
    return ReportDue(
        year=year,
        outcome=outcome,
        reason=reason,
        written_complaints=written_complaints,
        calendar_last_day=may31,
        atw_last_day=atw_day,
        last_day=last,
        recommended_by=recommended,
        jaarverslag_atw=jaarverslag_atw,
        flags=tuple(flags),
        rule_ids=rule_ids,
        citations=citations,
    )


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
    with_m = without_m = unknown_m = n = term_yes = term_no = term_unknown = with_summary = 0
    for rec in records:
        j = rec.judgement
        if j is not None and j.summary is not None and j.summary.strip():
            with_summary += 1
        if j is None or j.measures is None:
            unknown_m += 1
            continue
        if not j.measures:
            without_m += 1
            continue
        with_m += 1
        for m in j.measures:
            n += 1
            term = m.concrete_term
            if term is True:
                term_yes += 1
            elif term is False:
                term_no += 1
            else:
                term_unknown += 1
    return MeasureSummary(
        with_measures=with_m,
        without_measures=without_m,
        measures_unknown=unknown_m,
        measures=n,
        with_concrete_term=term_yes,
        without_concrete_term=term_no,
        term_unknown=term_unknown,
        with_summary=with_summary,
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


def _norm(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split()).casefold()


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


def _rejected(errors: Iterable[Any]) -> tuple[RejectedRow, ...]:
    """Row numbers and column names of reader errors; their messages may quote personal data, so not kept."""
    out: list[RejectedRow] = []
    for err in errors:
        row = getattr(err, "row", None)
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
        out.append(
            RejectedRow(row=row if isinstance(row, int) else None, fields=tuple(dict.fromkeys(fields)))
        )
    return tuple(out)


def _in_year(day: dt.date | None, year: int) -> bool | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        day = day.date()
    return day.year == year


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


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------


def _gck_records(cases: Iterable[Any]) -> list[tuple[GckFiling, str | None, int | None]]:
    """Accepts :class:`~klachtregels.register.GckCase`, records with a ``filing``, or bare filings."""
    out: list[tuple[GckFiling, str | None, int | None]] = []
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


def _previous(
    previous: int | PreviousYear | Iterable[RegisterRecord] | None, year: int, undated_in_year: bool
) -> PreviousYear | None:
    if previous is None or isinstance(previous, PreviousYear):
        return previous
    if isinstance(previous, int) and not isinstance(previous, bool):
        if previous < 0:
            raise InvalidInputError("previous year", [("previous", "must be 0 or more")])
        return PreviousYear(year=year - 1, total=previous)
    if isinstance(previous, bool):
        raise InvalidInputError("previous year", [("previous", "expected a number or a register")])
    counted = [
        r
        for r in previous
        if (
            _in_year(r.complaint.received_on, year - 1)
            or (r.complaint.received_on is None and undated_in_year)
        )
    ]
    return PreviousYear(
        year=year - 1,
        total=len(counted),
        categories=_counts(Counter(r.complaint.category for r in counted)),
    )


_NOT_COMPLAINTS = frozenset({"not_eligible", "not_yet", "out_of_temporal_scope"})


def _not_a_complaint(rec: RegisterRecord, year: int, policy: Policy) -> str | None:
    """The eligibility outcome when it rules the record out as a 1.57b complaint; else ``None``.

    An oral record is not a written complaint (R5, lid 9) even where other facts are unknown and
    the decision as a whole is undetermined: R5's finding is read from the decision's reasons.
    """
    received = rec.complaint.received_date
    as_of = received if received is not None else dt.date(year, 12, 31)
    decision = eligibility(rec.complaint, as_of=as_of, policy=policy)
    if decision.outcome in _NOT_COMPLAINTS:
        return decision.outcome
    if any(r.rule_id == "R5" and r.outcome == "not_yet" for r in decision.reasons):
        return "not_yet"
    return None


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
    (for example complaints about the working method, A8).
    """
    if not 1900 <= year <= 2999:
        raise InvalidInputError("annual report", [("year", f"{year} is not a plausible report year")])
    if children_served is not None and (isinstance(children_served, bool) or children_served < 0):
        raise InvalidInputError("annual report", [("children_served", "must be a whole number >= 0")])
    policy = load_policy(policy)
    all_records = list(records)
    if rejected is None:
        rejected = getattr(records, "errors", ()) or ()
    rejected_rows = _rejected(rejected)
    if rows_read is None:
        summary = getattr(records, "summary", None)
        summary_rows = getattr(summary, "rows_read", None)
        rows_read = summary_rows if isinstance(summary_rows, int) else len(all_records) + len(rejected_rows)

    included: list[RegisterRecord] = []
    outside: list[int | None] = []
    undated_in: list[int | None] = []
    undated_out: list[int | None] = []
    for rec in all_records:
        in_year = _in_year(rec.complaint.received_on, year)
        if in_year is None:
            if undated_in_year:
                undated_in.append(rec.row)
                included.append(rec)
            else:
                undated_out.append(rec.row)
        elif in_year:
            included.append(rec)
        else:
            outside.append(rec.row)

    # Lid 4 reports complaints under the regulation: a record the eligibility decision rules out
    # (R1, R3-R5) is shown by row and reason in the data-quality section, not counted. Undetermined
    # records (as in an export without channel or complainant) are counted: the register says they
    # are complaints, and nothing says otherwise.
    not_complaints: list[tuple[int | None, str]] = []
    complaints: list[RegisterRecord] = []
    for rec in included:
        outcome = _not_a_complaint(rec, year, policy)
        if outcome is None:
            complaints.append(rec)
        else:
            not_complaints.append((rec.row, outcome))
    included = complaints

    pseudonym = "Gastouderlocatie" if lang == "nl" else "Home-based location"
    display, unchecked = _location_names(
        (r.complaint.location for r in included if r.complaint.location is not None), organisation, pseudonym
    )

    by_loc: dict[str | None, list[RegisterRecord]] = defaultdict(list)
    by_org: dict[str | None, list[RegisterRecord]] = defaultdict(list)
    by_cat: dict[str | None, list[RegisterRecord]] = defaultdict(list)
    for rec in included:
        by_loc[rec.complaint.location].append(rec)
        by_org[rec.complaint.organisation].append(rec)
        by_cat[rec.complaint.category].append(rec)

    total = _group(None, included)
    locations = tuple(
        sorted(
            (
                _group(
                    name,
                    recs,
                    display_name=display.get(name) if name is not None else None,
                    pseudonymised=name is not None and display.get(name) != name,
                    with_organisations=True,
                )
                for name, recs in by_loc.items()
            ),
            key=lambda g: (g.name is None, (g.display_name or "").casefold()),
        )
    )
    organisations = tuple(
        sorted(
            (_group(name, recs) for name, recs in by_org.items()),
            key=lambda g: (g.name is None, -g.total, g.name or ""),
        )
    )
    category_verdicts = tuple((cat, _verdicts(by_cat[cat])) for cat, _n in total.categories)

    # Geschillencommissie cases (lid 4 d).
    gck_source = "geschillen"
    if gck_cases is None:
        own = [r for r in all_records if r.filing is not None]
        gck_list = _gck_records(own) if own else None
        gck_source = "register"
        gck_rows_read = None
        gck_rejected: tuple[RejectedRow, ...] = ()
    else:
        gck_list = _gck_records(gck_cases)
        gck_rejected = _rejected(getattr(gck_cases, "errors", ()) or ())
        gck_summary_rows = getattr(getattr(gck_cases, "summary", None), "rows_read", None)
        gck_rows_read = (
            gck_summary_rows if isinstance(gck_summary_rows, int) else len(gck_list) + len(gck_rejected)
        )
    gck: GckSummary | None = None
    gck_outside: list[int | None] = []
    gck_undated_in: list[int | None] = []
    gck_undated_out: list[int | None] = []
    if gck_list is not None:
        counted: list[tuple[GckFiling, str | None]] = []
        for filing, org, row in gck_list:
            in_year = _in_year(filing.filed_on, year)
            if in_year is None:
                (gck_undated_in if undated_in_year else gck_undated_out).append(row)
                if undated_in_year:
                    counted.append((filing, org))
            elif in_year:
                counted.append((filing, org))
            else:
                gck_outside.append(row)
        pairs: Counter[tuple[str | None, str | None]] = Counter(
            (f.subject, f.outcome.value if f.outcome is not None else None) for f, _o in counted
        )
        gck = GckSummary(
            total=len(counted),
            by_subject=_counts(Counter(f.subject for f, _o in counted)),
            by_outcome=_counts(
                Counter(f.outcome.value if f.outcome is not None else None for f, _o in counted)
            ),
            by_organisation=_counts(Counter(o for _f, o in counted)),
            by_subject_outcome=tuple(
                (s, o, n)
                for (s, o), n in sorted(
                    pairs.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or "")
                )
            ),
            source=gck_source,
        )

    channel_unknown = sum(1 for r in included if r.complaint.channel is None)
    due = report_due(
        year,
        written_complaints=len(included),
        jaarverslag_atw=jaarverslag_atw,
        channel_unknown=channel_unknown,
    )

    quality = DataQuality(
        rows_read=rows_read,
        rejected=rejected_rows,
        records=len(all_records),
        included=len(included),
        outside_year=tuple(outside),
        undated_included=tuple(undated_in),
        undated_excluded=tuple(undated_out),
        no_location=tuple(r.row for r in included if r.complaint.location is None),
        no_verdict=tuple(r.row for r in included if r.judgement is None or r.judgement.verdict is None),
        no_category=tuple(r.row for r in included if r.complaint.category is None),
        no_organisation=tuple(r.row for r in included if r.complaint.organisation is None),
        possible_duplicates=_duplicates(included),
        not_complaints=tuple(not_complaints),
        channel_unknown=channel_unknown,
        pseudonymised_locations=sum(1 for k, v in display.items() if k != v),
        address_like_locations_unchecked=unchecked,
        gck_rows_read=gck_rows_read,
        gck_rejected=gck_rejected,
        gck_outside_year=tuple(gck_outside),
        gck_undated_included=tuple(gck_undated_in),
        gck_undated_excluded=tuple(gck_undated_out),
    )

    entries: tuple[ReportEntry, ...] = ()
    if include_descriptions:
        keep = [organisation.name] if organisation is not None else []
        keep += [o for o in by_org if o is not None]
        redactor = Redactor(party_names(all_records), keep=keep)

        def red(text: str | None) -> str | None:
            return None if text is None or not text.strip() else redactor.redact(text)

        entries = tuple(
            ReportEntry(
                row=r.row,
                location=display.get(r.complaint.location) if r.complaint.location is not None else None,
                organisation=r.complaint.organisation,
                category=r.complaint.category,
                verdict=(
                    r.judgement.verdict.value
                    if r.judgement is not None and r.judgement.verdict is not None
                    else None
                ),
                description=red(r.complaint.description),
                summary=red(r.judgement.summary if r.judgement is not None else None),
                measures=tuple(
                    t
                    for m in ((r.judgement.measures or ()) if r.judgement is not None else ())
                    if (t := red(m.description)) is not None
                ),
            )
            for r in included
        )

    children = children_served
    if children is None and organisation is not None:
        children = organisation.children_served

    return AnnualReport(
        year=year,
        organisation=organisation,
        total=total,
        by_organisation=organisations,
        by_location=locations,
        category_verdicts=category_verdicts,
        gck=gck,
        children_served=children,
        previous=_previous(previous, year, undated_in_year),
        due=due,
        data_quality=quality,
        include_descriptions=include_descriptions,
        entries=entries,
        citations=REPORT_CITATIONS,
        library_version=__version__,
    )
