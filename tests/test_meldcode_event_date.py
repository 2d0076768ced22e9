"""The precedence decision is dated by the day the provider learned of a signal (A20, R28, R29).

Wko 1.51a-1.51c are in force from 2013-07-01. The duty of 1.51b arises when the provider learns of a
signal "in any way" (R28), not when a complaint arrives: the rules applied are those in force on the
day the provider learned of the first signal (``Signal.known_on``), a signal without one counting
from the receipt day, then ``as_of``. R29 (the six-week term of 1.57b) stays dated by the complaint.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance_helpers import ids, record, run, signal
from klachtregels.decisions import assess, precedence
from klachtregels.model import Complaint, Party, Signal
from klachtregels.policy import Policy
from klachtregels.rules._facts import MELDCODE_START, REGIME_START
from klachtregels.rules.meldcode import consultation_last_day, precedence_event_day
from klachtregels.timeline import obligations

D = dt.date.fromisoformat
STAFF = "suspected_offence_by_staff"


def staff(known_on: str | None = None) -> Signal:
    return Signal(kind=STAFF, suspect="staff", known_on=None if known_on is None else D(known_on))


def kr_policy(after_meldcode: str) -> Policy:
    return Policy(name=f"after-{after_meldcode}", after_meldcode=after_meldcode)


def complaint(received_on: str | None, *signals: Signal) -> Complaint:
    return Complaint(
        id="M-1",
        received_on=None if received_on is None else D(received_on),
        channel="email",
        complainant=Party(role="parent", contract_party=True),
        subjects=("conduct",),
        about="staff",
        signals=signals,
    )


def _all_ways(c: Complaint, as_of: dt.date) -> list[str]:
    """The precedence outcome from precedence(), assess() (lazy) and assess(lazy=False): one answer."""
    single = precedence(c, as_of=as_of)
    lazy = assess(c, as_of=as_of).precedence
    eager = assess(c, as_of=as_of, lazy=False).precedence
    assert single.to_dict() == lazy.to_dict() == eager.to_dict()
    return [single.outcome, lazy.outcome, eager.outcome]


def test_the_boundary_is_the_day_1_51b_took_effect() -> None:
    assert D("2013-07-01") == MELDCODE_START


# --- the audit's two cases ---------------------------------------------------------------------


def test_a_signal_learned_after_1_51b_took_effect_is_a_meldplicht_even_in_an_older_complaint() -> None:
    """Case 1: received 2013-06-20, signal known 2013-07-05: 1.51b was in force on the day the provider
    learned of it (R28), so the duty arose; the receipt day does not date it."""
    c = complaint("2013-06-20", staff("2013-07-05"))
    assert precedence_event_day(c) == D("2013-07-05")
    assert _all_ways(c, D("2013-08-01")) == ["meldplicht"] * 3
    d = precedence(c, as_of=D("2013-08-01"))
    assert d.has_flag("MELDPLICHT_1_51B")
    assert "R28" in d.rule_ids
    assert "R28-pre" not in d.rule_ids


def test_a_signal_learned_before_1_51b_took_effect_is_no_meldplicht_whenever_asked() -> None:
    """Case 2: no receipt day, signal known 2012-01-01, asked in 2025: 1.51b was not in force when the
    provider learned of it; the day asked (as_of) does not date it either."""
    c = complaint(None, staff("2012-01-01"))
    assert precedence_event_day(c) == D("2012-01-01")
    assert _all_ways(c, D("2025-02-01")) == ["undetermined"] * 3
    d = precedence(c, as_of=D("2025-02-01"))
    assert not d.has_flag("MELDPLICHT_1_51B")
    assert d.gave("R28-pre", "undetermined")
    assert "R28" not in d.rule_ids


# --- known_on against received_on at the boundary -----------------------------------------------


@pytest.mark.parametrize(
    ("received", "known", "expected"),
    [
        # known_on decides, on either side of the receipt day
        ("2013-06-30", "2013-07-01", "meldplicht"),
        ("2013-07-01", "2013-06-30", "undetermined"),
        ("2013-06-01", "2013-06-30", "undetermined"),
        ("2013-06-30", "2013-06-30", "undetermined"),
        ("2013-07-01", "2013-07-01", "meldplicht"),
        # learned before the complaint arrived, in force by then: still dated by the signal
        ("2013-07-02", "2013-06-28", "undetermined"),
    ],
)
def test_known_on_not_received_on_dates_the_decision(received: str, known: str, expected: str) -> None:
    c = complaint(received, staff(known))
    assert precedence_event_day(c) == D(known)
    assert _all_ways(c, D("2013-09-02")) == [expected] * 3


@pytest.mark.parametrize(
    ("received", "expected"), [("2013-06-30", "undetermined"), ("2013-07-01", "meldplicht")]
)
def test_an_undated_signal_counts_from_the_receipt_day(received: str, expected: str) -> None:
    c = complaint(received, staff())
    assert precedence_event_day(c) == D(received)
    assert _all_ways(c, D("2013-09-02")) == [expected] * 3


@pytest.mark.parametrize(
    ("as_of", "expected"), [("2013-06-30", "undetermined"), ("2013-07-01", "meldplicht")]
)
def test_without_any_day_the_question_day_dates_it(as_of: str, expected: str) -> None:
    c = complaint(None, staff())
    assert precedence_event_day(c) is None  # the engine takes as_of
    assert _all_ways(c, D(as_of)) == [expected] * 3


@pytest.mark.parametrize("signals", [None, ()])
def test_without_signals_the_receipt_day_dates_it(signals: tuple[Signal, ...] | None) -> None:
    c = Complaint(received_on=D("2025-03-03"), signals=signals)
    assert precedence_event_day(c) == D("2025-03-03")
    assert precedence_event_day(Complaint(signals=signals)) is None


def test_a_datetime_known_on_is_its_amsterdam_day() -> None:
    """A22: 2013-06-30 23:30 UTC is 2013-07-01 in Amsterdam, when 1.51b was in force."""
    known = dt.datetime(2013, 6, 30, 23, 30, tzinfo=dt.UTC)
    c = complaint("2013-06-20", Signal(kind=STAFF, suspect="staff", known_on=known))
    assert precedence_event_day(c) == D("2013-07-01")
    assert _all_ways(c, D("2013-08-01")) == ["meldplicht"] * 3


_DAYS = st.dates(dt.date(2011, 1, 1), dt.date(2017, 12, 31))


@settings(max_examples=150, deadline=None)
@given(st.none() | _DAYS, st.none() | _DAYS, st.integers(0, 400))
def test_one_staff_signal_is_a_meldplicht_exactly_when_1_51b_was_in_force_on_its_day(
    received: dt.date | None, known: dt.date | None, extra: int
) -> None:
    """R28, A20: the signal's day (known_on, else the receipt day, else as_of) decides, and every way
    of asking gives the same decision."""
    as_of = (received or known or dt.date(2013, 7, 1)) + dt.timedelta(days=extra)
    c = Complaint(received_on=received, signals=(Signal(kind=STAFF, suspect="staff", known_on=known),))
    day = known or received or as_of
    expected = "meldplicht" if day >= MELDCODE_START else "undetermined"
    if day > as_of:  # learned of after the day asked: not known on it, so no part in it
        expected = "none"
    assert _all_ways(c, as_of) == [expected] * 3


# --- several signals ---------------------------------------------------------------------------


def test_the_first_signal_dates_the_decision_in_any_order() -> None:
    signals = (
        staff("2014-03-10"),
        Signal(kind="abuse_at_home", known_on=D("2014-02-03")),
        staff("2014-05-01"),
    )
    c = complaint("2014-06-02", *signals)
    assert precedence_event_day(c) == D("2014-02-03")
    assert precedence_event_day(complaint("2014-06-02", *reversed(signals))) == D("2014-02-03")
    assert _all_ways(c, D("2014-07-01")) == ["meldplicht"] * 3


@pytest.mark.parametrize("order", [1, -1])
def test_signals_straddling_the_boundary_are_weighed_by_a_person(order: int) -> None:
    """The first signal became known before 1.51b, a later one after: the rules before 2013-07-01
    apply (undetermined, never a duty claimed under a law not yet in force, never 'none'), and the
    reason says a later signal may have started a duty."""
    c = complaint("2013-06-20", *(staff("2013-06-25"), staff("2013-07-05"))[::order])
    assert precedence_event_day(c) == D("2013-06-25")
    assert _all_ways(c, D("2013-08-01")) == ["undetermined"] * 3
    d = precedence(c, as_of=D("2013-08-01"))
    assert not d.has_flag("MELDPLICHT_1_51B")
    pre = [r for r in d.reasons if r.rule_id == "R28-pre"]
    assert len(pre) == 1
    assert "later signal" in pre[0].message("en")
    # One signal before the boundary: the plain reason, no later signal spoken of.
    alone = precedence(complaint("2013-06-20", staff("2013-06-25")), as_of=D("2013-08-01"))
    assert [r.message("en") for r in alone.reasons if r.rule_id == "R28-pre"] != [pre[0].message("en")]
    assert not any("later signal" in r.message("en") for r in alone.reasons)


def test_an_undated_signal_beside_a_dated_one_counts_from_the_receipt_day() -> None:
    """Received 2013-06-20 with one undated signal and one known 2013-07-05: the undated one counts
    from the receipt day, so the signals straddle the boundary."""
    c = complaint("2013-06-20", staff(), staff("2013-07-05"))
    assert precedence_event_day(c) == D("2013-06-20")
    assert _all_ways(c, D("2013-08-01")) == ["undetermined"] * 3
    d = precedence(c, as_of=D("2013-08-01"))
    assert any(r.rule_id == "R28-pre" and "later signal" in r.message("en") for r in d.reasons)


# --- R29 stays dated by the complaint ------------------------------------------------------------


def test_the_six_week_clock_rule_follows_the_complaint_not_the_signal() -> None:
    """A signal learned in 2015, a complaint received in 2016: the meldplicht (in force since 2013) and
    R29 (the six-week term of 1.57b, for complaints received from 2016) both apply."""
    c = complaint("2016-03-01", staff("2015-12-20"))
    assert _all_ways(c, D("2016-03-10")) == ["meldplicht"] * 3
    d = precedence(c, as_of=D("2016-03-10"))
    assert d.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
    assert {"R28", "R29", "R29-policy"} <= set(d.rule_ids)


@pytest.mark.parametrize(
    ("received", "signals"),
    [
        ("2026-01-20", ("2013-06-01",)),  # the only signal learned before 1.51b
        ("2026-01-20", ("2013-06-01", "2014-02-03")),  # signals straddling 2013-07-01
        (None, ("2012-01-01",)),  # no receipt day, asked in 2027: under the 2016 regime
    ],
)
@pytest.mark.parametrize("after", ["resume", "close", "refile"])
def test_a_signal_learned_before_2013_leaves_the_clock_of_a_2016_complaint_running(
    received: str | None, signals: tuple[str, ...], after: str
) -> None:
    """R29 and R29-policy speak of the complaint's six weeks (1.57b, from 2016), so the first signal's
    day, which dates the duties, does not switch them off (it did before: the clock flag and the
    remaining complaint's flags went missing while details said the same as with a later signal)."""
    c = complaint(received, *(staff(day) for day in signals))
    policy = kr_policy(after)
    d = precedence(c, as_of=D("2027-01-04"), policy=policy)
    assert d.outcome == "undetermined"  # R28-pre: the duties themselves are for a person to weigh
    assert {"R29", "R29-policy"} <= set(d.rule_ids)
    assert d.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
    assert d.has_flag("REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT")
    assert (
        d.has_flag("CLOSE_CONFLICTS_WITH_STATUTE")
        is d.details["remaining_complaint"]["conflicts_with_statute"]
    )
    assert d.has_flag("CLOSE_CONFLICTS_WITH_STATUTE") is (after != "resume")
    lazy = assess(c, as_of=D("2027-01-04"), policy=policy).precedence
    eager = assess(c, as_of=D("2027-01-04"), policy=policy, lazy=False).precedence
    assert d.to_dict() == lazy.to_dict() == eager.to_dict()


def test_no_six_week_clock_for_a_complaint_before_2016() -> None:
    c = complaint("2015-06-01", staff("2015-06-01"))
    assert D("2016-01-01") == REGIME_START
    assert _all_ways(c, D("2015-07-01")) == ["meldplicht"] * 3
    d = precedence(c, as_of=D("2015-07-01"))
    assert not d.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
    assert not {"R29", "R29-policy"} & set(d.rule_ids)


def test_without_a_receipt_day_the_clock_rule_is_dated_by_the_question_day() -> None:
    d = precedence(complaint(None, staff("2014-01-06")), as_of=D("2025-02-03"))
    assert d.outcome == "meldplicht"
    assert d.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")


# --- the compliance check and the obligations timeline follow the decision ------------------------


def test_the_compliance_check_projects_the_signal_dated_decision() -> None:
    """Case 1 in a register: the consultation is checked (1.51b applied on the signal's day)."""
    rec = record(received_on=D("2013-06-20"), judgement=None, signals=(signal(STAFF, known_on="2013-07-05"),))
    result = run(rec, as_of=D("2013-08-01"))
    assert result.assessment is not None
    assert result.assessment.precedence.outcome == "meldplicht"
    assert "KR-MELDPLICHT-NOT-CONSULTED" in ids(result)
    # Case 2's signal: learned before 1.51b, no consultation check, whatever the day asked.
    old = record(received_on=None, judgement=None, signals=(signal(STAFF, known_on="2012-01-01"),))
    result = run(old, as_of=D("2025-02-01"))
    assert not [f for f in result.findings if f.check == "meldplicht"]


def test_the_timeline_dates_the_consultation_by_the_signal() -> None:
    c = complaint("2013-06-20", staff("2013-07-05"))
    timeline = obligations(c, as_of=D("2013-07-05"))
    (item,) = timeline.by_key("meldplicht")
    assert item.due == consultation_last_day(D("2013-07-05"), 1)
    assert not obligations(complaint(None, staff("2012-01-01")), as_of=D("2025-02-01")).by_key("meldplicht")


def test_the_timeline_counts_the_consultation_from_the_staff_signal() -> None:
    """The 'onverwijld' term starts when the offence signal became known, not an earlier signal of
    another kind: the timeline reads the same signal as the meldplicht check."""
    signals = (
        signal("abuse_at_home", known_on="2025-08-01", meldcode_started_on="2025-08-01"),
        signal(STAFF, known_on="2025-09-01"),
    )
    rec = record(signals=signals)
    timeline = obligations(rec.complaint, as_of=D("2025-09-01"), judgement=rec.judgement)
    (item,) = timeline.by_key("meldplicht")
    assert item.due == consultation_last_day(D("2025-09-01"), 1)
    found = [f for f in run(rec, as_of=D("2025-09-01")).findings if f.check == "meldplicht"]
    assert [dict(f.facts).get("known_on") for f in found] == ["2025-09-01"]
