"""``Deadline.from_dict`` and ``Assessment.from_dict`` read the published JSON back (issue 8, item 3).

Every public result class has ``from_dict``/``to_dict`` that round-trip through JSON; these two were
the last without ``from_dict``. Reading back goes through :mod:`klachtregels.convert` like every
other class: every problem by its path, never the value.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtregels.testing as kt
from klachtregels import convert
from klachtregels.calendar import NonWorkingDay
from klachtregels.decisions import DEADLINE_KEYS, Assessment, assess
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, GckFiling, RegisterRecord
from klachtregels.policy import AtwMode, Policy
from klachtregels.terms import Deadline, deadline, gck_filing_limit, handling_deadline


def _json(plain: Any) -> Any:
    return json.loads(json.dumps(plain, ensure_ascii=False))


def _round_trip_deadline(d: Deadline) -> Deadline:
    plain = d.to_dict()
    assert json.dumps(convert.to_plain(d)) == json.dumps(plain)  # the layer writes the published form
    back = Deadline.from_dict(_json(plain))
    assert back == d
    assert back.to_dict() == plain
    assert back.explain("nl") == d.explain("nl")
    assert back.explain("en") == d.explain("en")
    return back


@pytest.mark.parametrize(
    ("start", "term", "statutory"),
    [
        (dt.date(2026, 4, 20), "6 weeks", True),  # ends on a working day
        (dt.date(2025, 12, 20), "2 working days", True),  # Christmas in between
        (dt.date(2026, 3, 23), "2 weeks", True),  # Easter: extended by the ATW
        (dt.date(2026, 3, 23), "2 weeks", False),  # a private term: no ATW
        (dt.date(2026, 5, 1), "3 days before", True),  # backwards: excluded (art. 1 lid 2)
        (dt.date(2026, 5, 1), "1 year", True),  # art. 4: too long
        (dt.datetime(2026, 5, 4, 10, 0), "30 hours", True),  # hours: an end moment
        (dt.date(2103, 3, 1), "6 weeks", True),  # a provisional year (unverified)
    ],
)
def test_a_deadline_reads_back_equal(start: dt.date, term: str, statutory: bool) -> None:
    back = _round_trip_deadline(deadline(start, term, statutory=statutory))
    assert back.atw_not_applied_reason == deadline(start, term, statutory=statutory).atw_not_applied_reason


def test_the_day_names_and_end_moment_are_read_back() -> None:
    d = deadline(dt.date(2026, 3, 23), "2 weeks", statutory=True)
    assert d.extended_by, "the example must pass over a day"
    back = _round_trip_deadline(d)
    assert [day.name_code for day in back.extended_by] == [day.name_code for day in d.extended_by]
    hours = deadline(dt.datetime(2026, 5, 4, 10, 0), "30 hours", statutory=True)
    assert hours.end_moment is not None
    assert Deadline.from_dict(_json(hours.to_dict())).end_moment == hours.end_moment


@pytest.mark.parametrize("mode", [AtwMode.NEVER, AtwMode.FOLLOW_REGULATION_TEXT])
@pytest.mark.parametrize("says", [None, False, True])
def test_every_atw_setting_reads_back(mode: AtwMode, says: bool | None) -> None:
    """A1: never, the regulation's yes/no and 'undetermined' each read back as themselves."""
    policy = Policy(
        atw_mode=mode, regulation_applies_atw=says if mode is AtwMode.FOLLOW_REGULATION_TEXT else None
    )
    for day in (dt.date(2026, 3, 30), dt.date(2026, 11, 20), dt.date(2025, 11, 14)):
        d = policy.handling_deadline(day)
        _round_trip_deadline(d)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from(
        ["6 weeks", "2 working days", "5 days", "1 month", "12 months", "4 days before", "25 hours"]
    ),
    st.booleans(),
    st.booleans(),
)
def test_any_deadline_reads_back(day: dt.date, term: str, statutory: bool, equated: bool) -> None:
    _round_trip_deadline(deadline(day, term, statutory=statutory, include_equated_days=equated))


def test_handling_and_gck_deadlines_read_back() -> None:
    _round_trip_deadline(handling_deadline(dt.date(2026, 12, 20)))
    _round_trip_deadline(gck_filing_limit(dt.date(2025, 2, 28)))


def test_a_non_working_day_reads_back() -> None:
    for day in deadline(dt.date(2025, 12, 20), "2 working days", statutory=True).extended_by or (
        deadline(dt.date(2026, 3, 23), "2 weeks", statutory=True).extended_by
    ):
        assert NonWorkingDay.from_dict(_json(day.to_dict())) == day


# --- assessments ------------------------------------------------------------------------------


def _round_trip_assessment(a: Assessment) -> Assessment:
    plain = a.to_dict()
    assert json.dumps(convert.to_plain(a)) == json.dumps(plain)
    back = Assessment.from_dict(_json(plain))
    assert back == a
    assert back.deadlines == a.deadlines
    assert back.to_dict() == plain
    assert back.status == a.status
    assert [f.code for f in back.flags] == [f.code for f in a.flags]
    assert back.explain("en") == a.explain("en")
    return back


@settings(max_examples=60, deadline=None)
@given(
    kt.records(complaints=kt.complaints(min_date=dt.date(2016, 1, 1))),
    kt.policies(),
    st.integers(0, 400),
)
def test_any_assessment_reads_back(record: RegisterRecord, policy: Policy, days: int) -> None:
    complaint, judgement, filing = record.complaint, record.judgement, record.filing
    start = complaint.received_date or dt.date(2020, 1, 1)
    for later in (judgement and judgement.sent_date, filing and filing.filed_date):
        if later is not None:
            start = max(start, later)
    policy = attrs.evolve(policy, strict_calendar=False)  # strict_calendar (A2): not this test's subject
    a = assess(
        complaint, judgement=judgement, filing=filing, policy=policy, as_of=start + dt.timedelta(days=days)
    )
    _round_trip_assessment(a)


def _example() -> Assessment:
    complaint = Complaint.from_dict(
        {
            "id": "K-1",
            "received_on": "2026-04-20",
            "channel": "letter",
            "complainant": {"role": "ouder"},
            "subjects": ["conduct"],
            "signals": [],
        }
    )
    return assess(complaint, as_of=dt.date(2026, 7, 1), policy="smallsteps")


def test_an_oudercommissie_dispute_reads_back_with_its_route() -> None:
    complaint = Complaint.from_dict(
        {
            "id": "OC-1",
            "received_on": "2025-03-03",
            "channel": "letter",
            "complainant": {"role": "oudercommissie"},
            "subjects": ["advisory_right"],
            "signals": [],
        }
    )
    filing = GckFiling.from_dict({"filed_on": "2025-09-01", "filed_by": "oudercommissie"})
    a = assess(complaint, as_of=dt.date(2025, 10, 1), filing=filing)
    assert a.gck_access is not None
    assert a.gck_access.details["route"] == "oudercommissie"
    assert _round_trip_assessment(a).gck_access == a.gck_access


def test_an_assessment_without_access_reads_back_without_it() -> None:
    complaint = Complaint.from_dict({"id": "K-2", "received_on": "2026-04-20", "channel": "oral"})
    a = assess(complaint, as_of=dt.date(2026, 5, 1))
    assert a.gck_access is None
    assert _round_trip_assessment(a).gck_access is None


def test_every_deadline_an_assessment_gives_is_read_back() -> None:
    """Under a policy with every house term, the deadlines' keys are the ones the form accepts."""
    policy = Policy(
        handling_term="4 weeks",
        first_contact_term="2 working days",
        acknowledgement_term="5 working days",
        submission_window="2 months",
    )
    complaint = Complaint.from_dict(
        {
            "id": "K-3",
            "received_on": "2026-04-20",
            "arose_on": "2026-04-01",
            "channel": "letter",
            "complainant": {"role": "ouder"},
            "subjects": ["conduct"],
            "signals": [],
        }
    )
    a = assess(complaint, as_of=dt.date(2026, 5, 1), policy=policy)
    assert set(a.deadlines) == set(DEADLINE_KEYS)
    _round_trip_assessment(a)


def test_house_term_states_are_not_in_the_form() -> None:
    a = _example()
    assert a.house_term_states, "smallsteps has house terms"
    assert Assessment.from_dict(_json(a.to_dict())).house_term_states == {}


# --- hostile input: every problem by its path, never the value ------------------------------------

SECRET = "Jansen-0612345678"


def _problems(cls: type[Deadline] | type[Assessment], data: Any) -> dict[str, str]:
    with pytest.raises(InvalidInputError) as info:
        cls.from_dict(data)
    assert SECRET not in str(info.value)
    assert SECRET not in repr(info.value.problems)
    return dict(info.value.problems)


def test_a_deadline_with_bad_fields_names_each() -> None:
    plain = deadline(dt.date(2026, 3, 23), "2 weeks", statutory=True).to_dict()
    bad = copy.deepcopy(plain)
    bad["date"] = SECRET
    bad["term"]["unit"] = SECRET
    bad["extended_by"][0]["name_nl"] = SECRET
    bad["ends_at"] = SECRET
    bad["nmae"] = 1
    problems = _problems(Deadline, bad)
    assert {"date", "term.unit", "extended_by[0].name_nl", "ends_at", "nmae"} <= set(problems)
    assert "unknown" in problems["nmae"]


def test_a_deadline_that_contradicts_itself_is_refused() -> None:
    plain = deadline(dt.date(2026, 3, 23), "2 weeks", statutory=False).to_dict()
    plain["atw_applied"] = True  # a private term never has the ATW
    assert set(_problems(Deadline, plain)) == {"atw_applied"}
    never = Policy(atw_mode=AtwMode.NEVER).handling_deadline(dt.date(2026, 3, 27)).to_dict()
    never["atw_not_applied_reason"] = SECRET
    assert set(_problems(Deadline, never)) == {"atw_not_applied_reason"}


def test_the_internal_fields_cannot_be_given() -> None:
    plain = handling_deadline(dt.date(2026, 3, 27)).to_dict()
    plain["_atw_state"] = "never"
    assert "_atw_state" in _problems(Deadline, plain)


@pytest.mark.parametrize("data", [None, 3, "x", [], {"schema": "klachtregels.decision"}])
def test_not_a_deadline_or_assessment(data: Any) -> None:
    for cls in (Deadline, Assessment):
        with pytest.raises(InvalidInputError):
            cls.from_dict(data)


def test_an_assessment_with_bad_parts_names_each() -> None:
    plain = _example().to_dict()
    bad = copy.deepcopy(plain)
    bad["decisions"]["eligibility"]["outcome"] = SECRET
    bad["decisions"]["precedence"]["kind"] = "handling"  # not the kind its key names
    del bad["decisions"]["handling"]
    bad["decisions"][SECRET] = {}
    bad["deadlines"]["handling"]["date"] = SECRET
    bad["deadlines"]["nope"] = bad["deadlines"]["handling"]
    problems = _problems(Assessment, bad)
    assert {
        "decisions.eligibility.outcome",
        "decisions.precedence",
        "decisions.handling",
        "deadlines.nope",
        "deadlines.handling.date",
    } <= set(problems)
    assert any(path == "decisions" for path in problems)  # the key that is not shown


def test_an_assessment_without_decisions() -> None:
    plain = _example().to_dict()
    del plain["decisions"]
    assert set(_problems(Assessment, plain)) == {"decisions"}
    plain["decisions"] = SECRET
    assert set(_problems(Assessment, plain)) == {"decisions"}


def test_the_end_moment_survives_any_form_of_the_date() -> None:
    """``ends_at`` is compared with ``date`` read as the field reads it (the one date convention)."""
    hours = deadline(dt.datetime(2026, 5, 4, 10, 0), "30 hours", statutory=True)
    plain = hours.to_dict()
    for form in ("5-5-2026", "5 mei 2026", "2026-05-05"):
        assert Deadline.from_dict(dict(plain, date=form)) == hours
