"""The handling status (R6, R12-R18; A1-A6, A10, A17) and the annual report's due date (R9, A16) against
a small oracle of their own, written from regulation.md and examples.md before the library was read.

The oracle builds the ATW calendar itself: the named holidays of ATW art. 3 lid 1-2 are taken by name
from the ``holidays`` package, 5 May is added for every year (A18) and the equated days are copied from
regulation.md section 3C (R15). tests/test_terms.py has its own oracle of the deadline dates; this one
looks at the status on a peildatum, the policy's house terms, the ATW modes and R9.

``KLACHTREGELS_ORACLE_EXAMPLES=50000`` runs many more inputs than the default.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels import (
    Assessment,
    Complaint,
    Judgement,
    Policy,
    RegisterRecord,
    Term,
    assess,
    deadline,
    handling_deadline,
)
from klachtregels.compliance import check_complaint
from klachtregels.errors import ProvisionalCalendarError
from klachtregels.report import report_due
from klachtregels.testing import judgements, policies, written_parent_complaints
from strategies_policy import refused_as_provisional

D = dt.date
DAY = dt.timedelta(days=1)
EXAMPLES = settings(max_examples=int(os.environ.get("KLACHTREGELS_ORACLE_EXAMPLES", "120")))

# ---------------------------------------------------------------------------------------------------
# The oracle
# ---------------------------------------------------------------------------------------------------

# R15 lid 1 and 2, by the English names of the `holidays` package; R19: its King's/Queen's Day is the
# celebration day (Saturday 26 April 2025). Its Liberation Day is left out: it has 5 May only in lustrum
# years, the CAO rule (A18); the ATW has it every year.
ATW_NAMES = frozenset(
    {
        "New Year's Day",
        "Good Friday",
        "Easter Monday",
        "King's Day",
        "Queen's Day",
        "Ascension Day",
        "Pentecost Monday",
        "Christmas Day",
        "Second Day of Christmas",
    }
)
# R15 lid 3: the equated days of the decrees in regulation.md section 3C. Other years are unknown (A2).
EQUATED = {
    2017: {D(2017, 4, 28), D(2017, 5, 26)},
    2018: {D(2018, 5, 11), D(2018, 12, 24), D(2018, 12, 31)},
    2019: {D(2019, 5, 31), D(2019, 12, 27)},
    2023: {D(2023, 4, 28), D(2023, 5, 19)},
    2024: {D(2024, 5, 10), D(2024, 12, 27)},
    2025: {D(2025, 5, 30)},
    2026: {D(2026, 1, 2), D(2026, 5, 15)},
    2027: {D(2027, 5, 7)},
    2028: {D(2028, 4, 28), D(2028, 5, 26)},
}
# 27 May 2022: "reported by one secondary source only" (R15). docs/calendar.md counts it as a non-working
# day while its year stays unverified, so a result that reads it is provisional either way (A2).
REPORTED = {D(2022, 5, 27)}


@functools.cache
def named_days(year: int) -> frozenset[dt.date]:
    """The ATW's named holidays of ``year`` (R15 lid 1-2, R19), from `holidays` by name."""
    named = holidays.country_holidays("NL", years=year, language="en_US")
    return frozenset(day for day, name in named.items() if name in ATW_NAMES)


def non_working(day: dt.date, *, equated: bool = True) -> bool:
    """ATW art. 1 and 3 (R13, R15): Saturday, Sunday, a named holiday, 5 May, an equated day."""
    return (
        day.weekday() >= 5
        or day in named_days(day.year)
        or (day.month, day.day) == (5, 5)
        or (equated and (day in EQUATED.get(day.year, ()) or day in REPORTED))
    )


def uncertain(day: dt.date) -> bool:
    """A2: could a decree we do not have change whether ``day`` is a working day? Only for a weekday
    that is no named holiday, in a year without verified decree data."""
    return not (day.year in EQUATED or day.weekday() >= 5 or (day.month, day.day) == (5, 5)) and (
        day not in named_days(day.year)
    )


def atw(end: dt.date, *, equated: bool = True) -> tuple[dt.date, set[int]]:
    """ATW art. 1 (R13): on to the next working day. Art. 2 (R14) never bites on six weeks (42 days
    always hold two working days), so it is left out. Also gives the unverified years of the days looked
    at whose status a missing decree could change (A2)."""
    years = set()
    while True:
        if uncertain(end):
            years.add(end.year)
        if not non_working(end, equated=equated):
            return end, years
        end += DAY


def six_weeks(
    received: dt.date,
    *,
    exclude_filing_day: bool = True,
    next_working_day: bool = False,
    equated: bool = True,
) -> tuple[dt.date, dt.date, set[int], set[int]]:
    """R12: day 0 not counted (A3: D+41 otherwise), A4: a receipt on a non-working day may count from
    the next working day. Gives the calendar date, the ATW date and the unverified years (A2) the start
    and the end were read in."""
    day0, start_years = atw(received, equated=equated) if next_working_day else (received, set())
    calendar = day0 + (42 if exclude_filing_day else 41) * DAY
    end, end_years = atw(calendar, equated=equated)
    if not equated:
        return calendar, end, set(), set()
    return calendar, end, start_years, end_years


def status(as_of: dt.date, received: dt.date, handled: dt.date | None, last_days: set[dt.date]) -> set[str]:
    """R6 d, R12: the status on the peildatum ``as_of``. ``handled`` is the day that ends the handling
    (A5: sent, by default). With two candidate last days (A1 follow_regulation_text, unknown) a day
    between them is open: 'undetermined'. R29/A10: nothing suspends the clock."""
    if as_of < received:
        return {"not_applicable", "not_started", "undetermined"}  # no complaint yet on the peildatum
    if handled is not None and handled <= as_of:
        day, early, late = handled, "judged_in_time", "judged_late"
    else:
        day, early, late = as_of, "open", "open_overdue"
    if day <= min(last_days):
        return {early}
    if day > max(last_days):
        return {late}
    return {"undetermined"}


def months_later(start: dt.date, months: int) -> dt.date:
    """R18: the same day number, or the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    for day in range(start.day, 0, -1):
        try:
            return D(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def due(year: int, written: int, *, jaarverslag_atw: bool = False) -> dict[str, object]:
    """R9 lid 8-9, A16 (J01, J02): 'before 1 June' of the next year, so 31 May is the last day."""
    if year < 2016:
        return {"outcome": "OUT_OF_TEMPORAL_SCOPE"}  # R1: 1.57b is in force from 2016
    if written == 0:
        return {"outcome": "NOT_REQUIRED"}  # lid 9
    last = D(year + 1, 5, 31)
    moved, years = atw(last)
    advice = last
    while non_working(advice):
        advice -= DAY
    open_ = moved != last and not jaarverslag_atw  # A16: a fixed date on a non-working day
    return {
        "outcome": "UNDETERMINED" if open_ else "REQUIRED",
        "calendar_last_day": last,
        "atw_last_day": moved,
        "last_day": moved if jaarverslag_atw else last,
        "recommended_by": advice,
        "provisional": bool(years) or any(uncertain(day) for day in (advice, last)),
    }


# ---------------------------------------------------------------------------------------------------
# The worked examples (examples.md 10.4 D, T, A, J and C04), first against the oracle itself
# ---------------------------------------------------------------------------------------------------

D_SERIES = [  # (received, calendar D+42, deadline); D14 also counts the filing day (A3)
    (D(2025, 3, 1), D(2025, 4, 12), D(2025, 4, 14)),  # D01: Saturday
    (D(2026, 3, 16), D(2026, 4, 27), D(2026, 4, 28)),  # D03: Koningsdag
    (D(2026, 3, 24), D(2026, 5, 5), D(2026, 5, 6)),  # D04: 5 May every year
    (D(2026, 11, 13), D(2026, 12, 25), D(2026, 12, 28)),  # D06: Christmas, Boxing Day on Saturday
    (D(2026, 4, 13), D(2026, 5, 25), D(2026, 5, 26)),  # D10: Whit Monday
    (D(2025, 9, 3), D(2025, 10, 15), D(2025, 10, 15)),  # D14, C04
    (D(2025, 10, 6), D(2025, 11, 17), D(2025, 11, 17)),  # E01
    (D(2026, 3, 9), D(2026, 4, 20), D(2026, 4, 20)),  # M01
    (D(2025, 9, 1), D(2025, 10, 13), D(2025, 10, 13)),  # G01
]


def test_the_oracle_gives_the_worked_examples() -> None:
    for received, calendar, last in D_SERIES:
        assert six_weeks(received)[:2] == (calendar, last)
    assert six_weeks(D(2025, 9, 3), exclude_filing_day=False)[1] == D(2025, 10, 14)  # D14 (A3)
    assert months_later(D(2025, 12, 31), 2) == D(2026, 2, 28)  # T01
    assert atw(D(2026, 2, 28))[0] == D(2026, 3, 2)  # T01 by analogy
    assert months_later(D(2026, 8, 31), 2) == D(2026, 10, 31)  # T03
    assert months_later(D(2025, 5, 5), 12) == D(2026, 5, 5)  # T05
    assert atw(D(2026, 12, 26))[0] == D(2026, 12, 28)  # A03 (art. 2 is met: Thu 24 and Mon 28)
    assert due(2025, 0) == {"outcome": "NOT_REQUIRED"}  # J01
    j02 = due(2025, 4)  # J02
    assert (j02["outcome"], j02["last_day"], j02["atw_last_day"], j02["recommended_by"]) == (
        "UNDETERMINED",
        D(2026, 5, 31),
        D(2026, 6, 1),
        D(2026, 5, 29),
    )
    assert status(D(2025, 10, 20), D(2025, 9, 3), D(2025, 10, 16), {D(2025, 10, 15)}) == {
        "judged_late"
    }  # C04


def test_the_library_gives_the_worked_examples() -> None:
    for received, calendar, last in D_SERIES:
        got = handling_deadline(received)
        assert (got.calendar_date, got.date) == (calendar, last)
    assert handling_deadline(D(2025, 9, 3), exclude_filing_day=False).date == D(2025, 10, 14)  # D14 (A3)
    assert handling_deadline(D(2026, 3, 24), atw_mode="never").date == D(2026, 5, 5)  # D04 no-ATW
    # A22: an instant counts on its Amsterdam day (23:30 UTC on 23 March is 24 March there): D04.
    assert handling_deadline(dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC)).date == D(2026, 5, 6)
    assert deadline(D(2025, 12, 31), "2 months", statutory=False).date == D(2026, 2, 28)  # T01
    assert deadline(D(2025, 12, 31), "2 months", statutory=True).date == D(2026, 3, 2)  # T01 by analogy
    assert deadline(D(2026, 8, 31), "2 months", statutory=False).date == D(2026, 10, 31)  # T03
    assert deadline(D(2026, 12, 23), "3 days", statutory=True).date == D(2026, 12, 28)  # A03
    assert report_due(2025, written_complaints=0).outcome.value == "NOT_REQUIRED"  # J01
    j02 = report_due(2025, written_complaints=4)
    assert (j02.outcome.value, j02.last_day, j02.atw_last_day, j02.recommended_by) == (
        "UNDETERMINED",
        D(2026, 5, 31),
        D(2026, 6, 1),
        D(2026, 5, 29),
    )
    c04 = {"received": D(2025, 9, 3), "signal": None, "extension_agreed": None}
    record = RegisterRecord(
        complaint=complaint_of(c04), judgement=Judgement(sent_on=D(2025, 10, 16), written=True)
    )
    late = [
        f
        for f in check_complaint(record, as_of=D(2025, 10, 20), policy=Policy()).findings
        if f.k_item == "K4"
    ]
    assert [(str(f.id), str(f.severity)) for f in late if str(f.id).startswith("KR-HANDLING")] == [
        ("KR-HANDLING-LATE", "error")
    ]


# ---------------------------------------------------------------------------------------------------
# The library against the oracle
# ---------------------------------------------------------------------------------------------------

ATW_MODES = st.sampled_from(
    [("apply", None), ("never", None), ("follow_regulation_text", None)]
    + [("follow_regulation_text", answer) for answer in (True, False)]
)


def last_days(calendar: dt.date, atw_date: dt.date, mode: str, applies: bool | None) -> set[dt.date]:
    """A1: which last day governs. `follow_regulation_text` with no answer leaves both open."""
    if mode == "apply" or (mode == "follow_regulation_text" and applies):
        return {atw_date}
    if mode == "never" or applies is False:
        return {calendar}
    return {calendar, atw_date}


@EXAMPLES
@given(
    st.dates(D(2016, 1, 1), D(2031, 12, 31)),
    ATW_MODES,
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_handling_deadline_matches_the_oracle(
    received: dt.date, mode: tuple[str, bool | None], exclude: bool, next_day: bool, equated: bool
) -> None:
    result = handling_deadline(
        received,
        atw_mode=mode[0],
        regulation_applies_atw=mode[1],
        exclude_filing_day=exclude,
        receipt_rule="next_working_day" if next_day else "same_day",
        include_equated_days=equated,
    )
    calendar, end, start_unknown, end_unknown = six_weeks(
        received, exclude_filing_day=exclude, next_working_day=next_day, equated=equated
    )
    assert (result.calendar_date, result.atw_date) == (calendar, end)
    governing = last_days(calendar, end, *mode)
    assert result.date == max(governing)  # an open A1 answer is dated at the ATW date (docs/calendar.md)
    assert result.atw_undetermined == (len(governing) == 2 or (mode == ("follow_regulation_text", None)))
    # A2: "a deadline whose term touches a year without verified decree data" is provisional: the start
    # under A4 next_working_day; the term from receipt to end only when the ATW governs the end (with
    # `never` no calendar is read there). Art. 2 never bites on six weeks, so reading the years inside
    # the term is the literal, conservative reading of A2, not a necessity of the computation.
    atw_governs = mode[0] == "apply" or (mode[0] == "follow_regulation_text" and mode[1] is not False)
    day0 = calendar - (42 if exclude else 41) * DAY
    touched = set(range(day0.year, end.year + 1)) - EQUATED.keys() if equated else set()
    assert result.provisional == bool(start_unknown or (atw_governs and (end_unknown or touched)))


SIGNALS = st.sampled_from([None, "suspected_offence_by_staff", "ambiguous", "abuse_at_home"])


@st.composite
def handling_cases(draw: st.DrawFn) -> dict[str, object]:
    """A parent's written complaint, a policy on the A-points of the handling term, maybe a judgement."""
    received = draw(st.dates(D(2016, 1, 1), D(2029, 12, 31)))
    mode, applies = draw(ATW_MODES)
    days = st.integers(0, 80) | st.integers(38, 47)  # often near the six weeks' calendar and ATW dates
    sent = draw(st.none() | days.map(lambda n: received + n * DAY))
    return {
        "received": received,
        "as_of": received + draw(days) * DAY,
        "policy": Policy(
            atw_mode=mode,
            regulation_applies_atw=applies,
            exclude_filing_day=draw(st.booleans()),
            receipt_rule=draw(st.sampled_from(["same_day", "next_working_day"])),
            include_equated_days=draw(st.booleans()),
            handled_when=draw(st.sampled_from(["sent", "received"])),
            handling_term=f"{draw(st.integers(1, 6))} weeks",
            private_term_atw=draw(st.booleans()),
            after_meldcode=draw(st.sampled_from(["resume", "close", "refile"])),
        ),
        "sent": sent,
        "delivered": None
        if sent is None
        else draw(st.none() | st.integers(0, 9).map(lambda d: sent + d * DAY)),
        "signal": draw(SIGNALS),
        "extension_agreed": draw(st.sampled_from([None, True, False])),
    }


def expected_status(case: dict[str, object]) -> set[str]:
    """The oracle's status for one case (R6, R12, A1, A3, A4, A5)."""
    policy, received, as_of = case["policy"], case["received"], case["as_of"]
    assert isinstance(policy, Policy)
    assert isinstance(received, dt.date)
    assert isinstance(as_of, dt.date)
    calendar, end, _, _ = six_weeks(
        received,
        exclude_filing_day=policy.exclude_filing_day,
        next_working_day=policy.receipt_rule.value == "next_working_day",
        equated=policy.include_equated_days,
    )
    last = last_days(calendar, end, policy.atw_mode.value, policy.regulation_applies_atw)
    sent, delivered = case["sent"], case["delivered"]
    assert sent is None or isinstance(sent, dt.date)
    if policy.handled_when.value == "sent" or sent is None:
        return status(as_of, received, sent, last)
    if isinstance(delivered, dt.date):
        return status(as_of, received, delivered, last)
    # A5 received-mode without a receipt day (docs/policies.md): sent after the peildatum is not yet
    # handled; sent after the last day is late; otherwise it stays open.
    if sent > as_of:
        return status(as_of, received, None, last)
    return {"judged_late"} if sent > max(last) else {"undetermined"}


def complaint_of(case: dict[str, object]) -> Complaint:
    data: dict[str, object] = {
        "received_on": str(case["received"]),
        "channel": "email",
        "complainant": {"role": "parent"},
        "subjects": ["conduct"],
        "about": "staff",
        "extension_agreed": case["extension_agreed"],
    }
    if case["signal"] is not None:
        data["signals"] = [{"kind": case["signal"], "known_on": str(case["received"])}]
    return Complaint.from_dict(data)


def judgement_of(case: dict[str, object]) -> Judgement | None:
    sent, delivered = case["sent"], case["delivered"]
    if not isinstance(sent, dt.date):
        return None
    received = delivered if isinstance(delivered, dt.date) else None
    return Judgement(sent_on=sent, received_on=received, written=True, reasoned=True)


def library_status(case: dict[str, object]) -> tuple[str, set[str], Assessment]:
    as_of, policy = case["as_of"], case["policy"]
    assert isinstance(as_of, dt.date)
    assert isinstance(policy, Policy)
    assessment = assess(complaint_of(case), as_of=as_of, policy=policy, judgement=judgement_of(case))
    outcome = assessment.handling.outcome.value
    flags = {flag.code.value for flag in assessment.handling.flags}
    return ("open" if outcome in {"open_on_track", "open_due_soon"} else outcome), flags, assessment


def house_state(case: dict[str, object]) -> set[str]:
    """R7, R17, A17: a shorter house handling term, counted from the receipt day (day 0 not counted)
    without the ATW unless the policy applies it by analogy. Exceeding it never changes the status."""
    policy, received, as_of = case["policy"], case["received"], case["as_of"]
    assert isinstance(policy, Policy)
    assert isinstance(received, dt.date)
    assert isinstance(as_of, dt.date)
    end = received + 7 * int(policy.handling_term.split()[0]) * DAY
    if policy.private_term_atw:
        end = atw(end, equated=policy.include_equated_days)[0]
    sent, delivered = case["sent"], case["delivered"]
    done = sent if policy.handled_when.value == "sent" else delivered
    if isinstance(done, dt.date):  # done after the peildatum is not done on it (as R12 reads it)
        if done <= as_of:
            return {"met"} if done <= end else {"not_met"}
        return {"pending"} if as_of <= end else {"not_met"}
    if isinstance(sent, dt.date) and sent <= as_of:  # received-mode, receipt day unknown (A5)
        if sent > end:
            return {"not_met"}
        return {"pending", "undetermined"} if as_of <= end else {"undetermined"}  # the term may still run
    if as_of <= end:
        return {"pending"}
    # Nothing recorded after the house term's end: "missing is not late" for a house term (CHANGELOG),
    # even where R12 reads the same missing judgement as 'open_overdue'. Left as the library has it.
    return {"not_met", "undetermined"}


@st.composite
def strategy_cases(draw: st.DrawFn) -> tuple[Complaint, Judgement | None, Policy, dt.date]:
    """The library's own strategies (klachtregels.testing): any complaint an ouder wrote, any judgement
    (its days may be unknown), any policy."""
    complaint = draw(written_parent_complaints(max_date=D(2029, 12, 31)))
    received = complaint.received_on
    assert isinstance(received, dt.date)
    judgement = draw(st.none() | judgements(after=received, max_date=received + 90 * DAY))
    as_of = received + draw(st.integers(0, 80) | st.integers(38, 47)) * DAY
    return complaint, judgement, draw(policies()), as_of


@settings(max_examples=max(1, EXAMPLES.max_examples // 5))  # the library's strategies draw far more
@given(strategy_cases())
def test_the_library_strategies_agree_with_the_oracle(
    case: tuple[Complaint, Judgement | None, Policy, dt.date],
) -> None:
    complaint, judgement, policy, as_of = case
    try:
        handling = assess(complaint, as_of=as_of, policy=policy, judgement=judgement).handling
    except ProvisionalCalendarError:  # strict_calendar (A2) on an unverified year: refused, not guessed
        assert refused_as_provisional(policy, complaint, as_of=as_of)
        return
    if handling.outcome.value in {"not_applicable", "not_started"}:
        return  # not (yet) a statutory complaint under this policy (R5, A9): eligibility's question
    sent = judgement.sent_on if judgement else None
    delivered = judgement.received_on if judgement else None
    case_ = {"received": complaint.received_on, "as_of": as_of, "policy": policy, "sent": sent}
    if judgement is not None and sent is None and delivered is None:
        expected = {"undetermined"}  # a judgement whose day is unknown (A5)
    elif sent is None and delivered is not None:
        expected = {"undetermined", "judged_in_time", "judged_late", "open", "open_overdue"}  # not compared
    else:
        expected = expected_status({**case_, "delivered": delivered})
    got = handling.outcome.value
    assert ("open" if got in {"open_on_track", "open_due_soon"} else got) in expected


def test_report_due_matches_the_oracle_for_every_year() -> None:
    for year, written, jaarverslag_atw in itertools.product(range(2010, 2041), (0, 1, 4), (False, True)):
        check_report_due(year, written, jaarverslag_atw=jaarverslag_atw)


def check_report_due(year: int, written: int, *, jaarverslag_atw: bool) -> None:
    got = report_due(year, written_complaints=written, jaarverslag_atw=jaarverslag_atw)
    want = due(year, written, jaarverslag_atw=jaarverslag_atw)
    assert got.outcome.value == want["outcome"]
    flags = {flag.value for flag in got.flags}
    if want["outcome"] == "OUT_OF_TEMPORAL_SCOPE":
        assert got.last_day is None
        return
    assert "VERIFY_LID7" in flags  # R9 lid 7, A16
    if want["outcome"] == "NOT_REQUIRED":
        assert "KLACHTENLOKET_FAQ_GCK" in flags
        assert got.last_day is None
        return
    assert (got.calendar_last_day, got.atw_last_day, got.last_day, got.recommended_by) == (
        want["calendar_last_day"],
        want["atw_last_day"],
        want["last_day"],
        want["recommended_by"],
    )
    assert ("ATW_ON_FIXED_DATE" in flags) == (
        jaarverslag_atw and want["atw_last_day"] != want["calendar_last_day"]
    )
    assert ("PROVISIONAL_CALENDAR" in flags) == want["provisional"]  # A2


PRIVATE_TERMS = st.sampled_from(
    ["1 month", "2 months", "3 months", "4 months", "12 months", "5 weeks", "10 days"]
)


@EXAMPLES
@given(st.dates(D(2016, 1, 1), D(2028, 6, 30)), PRIVATE_TERMS, st.booleans())
def test_house_terms_in_calendar_units_match_the_oracle(start: dt.date, text: str, by_analogy: bool) -> None:
    """R17, R18, A17: a house term is counted by R18/R12 and never extended; `statutory=True` applies
    the ATW by analogy (T01 alternative), except for terms art. 4 excludes (R16: more than 3 months)."""
    amount, unit = int(text.split()[0]), text.split()[1]
    if unit.startswith("month"):
        raw = months_later(start, amount)
    else:
        raw = start + amount * (7 if unit == "weeks" else 1) * DAY
    got = deadline(start, Term.parse(text), statutory=by_analogy)
    assert got.calendar_date == raw
    excluded = unit.startswith("month") and amount > 3
    assert got.date == (atw(raw)[0] if by_analogy and not excluded else raw)


HANDLING_FINDINGS = {
    "KR-HANDLING-LATE": "judged_late",
    "KR-HANDLING-OVERDUE": "open_overdue",
    "KR-HANDLING-DUE-SOON": "open",
    "KR-HANDLING-ON-TRACK": "open",
    "KR-HANDLING-UNDETERMINED": "undetermined",
}


def check_house_term(case: dict[str, object], flags: set[str], assessment: Assessment) -> None:
    """A shorter house handling term has its own state; exceeding it is a flag (R17, A17)."""
    policy = case["policy"]
    assert isinstance(policy, Policy)
    states = assessment.house_term_states
    if policy.handling_term == "6 weeks":
        assert "house_handling" not in states
        return
    _, state = states["house_handling"]
    assert state.value in house_state(case)
    assert ("HOUSE_TERM_EXCEEDED" in flags) == (state.value == "not_met")


def check_k4(case: dict[str, object]) -> None:
    """K4 (1.57b lid 3) projects R12: an error exactly when the oracle says late or overdue (C04)."""
    record = RegisterRecord(complaint=complaint_of(case), judgement=judgement_of(case))
    policy, as_of = case["policy"], case["as_of"]
    assert isinstance(policy, Policy)
    assert isinstance(as_of, dt.date)
    result = check_complaint(record, as_of=as_of, policy=policy)
    found = {HANDLING_FINDINGS[str(f.id)] for f in result.findings if str(f.id) in HANDLING_FINDINGS}
    expected = expected_status(case)
    assert found <= expected | {"judged_in_time"}
    assert found or expected <= {"judged_in_time", "open"}
    errors = {str(f.id) for f in result.findings if str(f.severity) == "error" and f.k_item == "K4"}
    late = expected & {"judged_late", "open_overdue"}
    assert bool(errors & {"KR-HANDLING-LATE", "KR-HANDLING-OVERDUE"}) == bool(late)


@EXAMPLES
@given(handling_cases())
def test_handling_status_house_term_and_k4_match_the_oracle(case: dict[str, object]) -> None:
    got, flags, assessment = library_status(case)
    assert got in expected_status(case)
    # R6-extension, A6: an agreed extension is flagged and moves nothing.
    assert ("EXTENSION_NOT_STATUTORY" in flags) == (case["extension_agreed"] is True)
    # R29, A10: a signal never stops the clock (the status above ignores it), and says so.
    precedence = {flag.code.value for flag in assessment.precedence.flags}
    if case["signal"] is not None:
        assert {"CLOCK_NOT_SUSPENDED_BY_STATUTE", "REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT"} <= precedence
    check_house_term(case, flags, assessment)
    check_k4(case)


# ---------------------------------------------------------------------------------------------------
# Regressions: disagreements with the oracle that were library defects
# ---------------------------------------------------------------------------------------------------


def test_a_start_moved_on_an_unverified_calendar_is_provisional_without_the_atw() -> None:
    """A2, A4: under `next_working_day` day 0 is read on the ATW calendar even when the ATW does not
    extend the end. Received on Ascension Day 2029, day 0 is Friday 11 May 2029, the kind of day a
    decree for 2029 (not yet in the data) may equate with a holiday: provisional, and strict raises."""
    options: dict[str, object] = {"atw_mode": "never", "receipt_rule": "next_working_day"}
    moved = handling_deadline(D(2029, 5, 10), **options)  # type: ignore[arg-type]
    assert (moved.start, moved.date, moved.provisional, moved.unverified_years) == (
        D(2029, 5, 11),
        D(2029, 6, 22),
        True,
        (2029,),
    )
    assert "A2" in moved.rule_ids
    assert moved.provisional_reason is not None
    with pytest.raises(ProvisionalCalendarError):
        handling_deadline(D(2029, 5, 10), strict=True, **options)  # type: ignore[arg-type]
    regulation_no = Policy(
        atw_mode="follow_regulation_text", regulation_applies_atw=False, receipt_rule="next_working_day"
    )
    assert regulation_no.handling_deadline(D(2016, 1, 1)).provisional  # day 0 Monday 4 January 2016
    # A verified year stays firm: Ascension Day 2026, then the equated Friday 15 May, day 0 Monday 18 May.
    firm = handling_deadline(D(2026, 5, 14), **options)  # type: ignore[arg-type]
    assert (firm.start, firm.provisional) == (D(2026, 5, 18), False)
    # A1 is cited once, not once by the handling plan and again for the ATW not being applied.
    assert moved.rule_ids.count("A1") == 1
    # The ATW's own end was already provisional for an unverified year (unchanged).
    assert handling_deadline(D(2029, 5, 10), receipt_rule="next_working_day").provisional


def _staff_complaint(received_on: str, **more: str) -> Complaint:
    """A parent's e-mailed complaint about a staff member's conduct, received on ``received_on``."""
    return Complaint.from_dict(
        {
            "received_on": received_on,
            "channel": "email",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
            "about": "staff",
            **more,
        }
    )


def _d04_on(as_of: dt.date, policy: Policy) -> str:
    complaint = _staff_complaint("2026-03-24")
    return assess(complaint, as_of=as_of, policy=policy).handling.outcome.value


def test_an_open_complaint_between_the_calendar_and_atw_date_is_undetermined_while_a1_is_open() -> None:
    """A1, R12 (D04): calendar date Tue 5 May 2026, ATW date Wed 6 May. With no judgement on 6 May the
    provider is late unless its regulation applies the ATW: `undetermined`, as for a judgement sent that
    day and for a Geschillencommissie filing that day (ATW_GAP), no longer `open_due_soon`."""
    open_ = Policy(atw_mode="follow_regulation_text")
    assert _d04_on(D(2026, 5, 5), open_) == "open_due_soon"
    assert _d04_on(D(2026, 5, 6), open_) == "undetermined"
    assert _d04_on(D(2026, 5, 7), open_) == "open_overdue"
    assert _d04_on(D(2026, 5, 6), Policy(atw_mode="follow_regulation_text", regulation_applies_atw=True)) == (
        "open_due_soon"
    )
    assert _d04_on(
        D(2026, 5, 6), Policy(atw_mode="follow_regulation_text", regulation_applies_atw=False)
    ) == ("open_overdue")
    record = RegisterRecord(complaint=complaint_of(_case_d04()), judgement=None)
    found = {str(f.id) for f in check_complaint(record, as_of=D(2026, 5, 6), policy=open_).findings}
    assert "KR-HANDLING-UNDETERMINED" in found
    assert "KR-HANDLING-DUE-SOON" not in found


def _case_d04() -> dict[str, object]:
    return {"received": D(2026, 3, 24), "signal": None, "extension_agreed": None}


def test_a_house_term_done_after_the_peildatum_is_not_done_on_it() -> None:
    """R17, A17 with R12's reading of the peildatum: a judgement (or first contact) recorded after
    ``as_of`` was not yet given on ``as_of``. Five house weeks from Wed 3 Sep 2025 end Wed 8 Oct."""
    policy = Policy(handling_term="5 weeks", first_contact_term="2 working days")
    complaint = _staff_complaint("2025-09-03", first_contact_on="2025-09-05")
    judgement = Judgement(sent_on=D(2025, 10, 1), written=True, reasoned=True)

    def states(as_of: dt.date) -> dict[str, str]:
        found = assess(complaint, as_of=as_of, policy=policy, judgement=judgement).house_term_states
        return {key: state.value for key, (_, state) in found.items()}

    assert states(D(2025, 9, 4)) == {"house_handling": "pending", "first_contact": "pending"}  # were 'met'
    assert states(D(2025, 9, 20)) == {"house_handling": "pending", "first_contact": "met"}
    assert states(D(2025, 10, 2)) == {"house_handling": "met", "first_contact": "met"}
    late = assess(
        complaint,
        as_of=D(2025, 10, 9),
        policy=policy,
        judgement=Judgement(sent_on=D(2025, 10, 12), written=True, reasoned=True),
    )
    assert late.house_term_states["house_handling"][1].value == "not_met"  # the term ran out by as_of
