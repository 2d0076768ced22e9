"""Invariants of the decisions, stated as properties (Hypothesis, with klachtregels.testing)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.decisions import assess, eligibility, precedence
from klachtregels.engine import Decision
from klachtregels.errors import ProvisionalCalendarError
from klachtregels.model import Channel, Complaint, Signal, Subject
from klachtregels.testing import complaints, judgements, policies, written_parent_complaints
from klachtregels.vocabulary import CLOCK_MAY_RUN, FlagCode, Outcome
from strategies_policy import refused_as_provisional

if TYPE_CHECKING:
    from klachtregels.policy import Policy

WRITTEN = (Channel.LETTER, Channel.EMAIL, Channel.WEB_FORM)
IN_SCOPE = frozenset({Subject.CONDUCT, Subject.AGREEMENT})


def _as_of(c: Complaint, extra: int) -> dt.date:
    base = c.received_date or dt.date(2026, 1, 1)
    return base + dt.timedelta(days=extra)


@settings(max_examples=150)
@given(complaints(), st.integers(0, 400), st.none() | policies())
def test_every_decision_has_a_cited_reason(c: Complaint, extra: int, pol: Policy | None) -> None:
    if refused_as_provisional(pol, c, as_of=_as_of(c, extra)):  # strict_calendar (A2): never provisional
        with pytest.raises(ProvisionalCalendarError):
            assess(c, as_of=_as_of(c, extra), policy=pol).to_dict()
        pol = attrs.evolve(pol, strict_calendar=False)  # the rest, as the policy decides without it
    a = assess(c, as_of=_as_of(c, extra), policy=pol)
    for d in a.decisions:
        assert any(r.citations for r in d.reasons), d.kind
        assert d.policy == a.policy
        assert d.library_version == a.library_version


@settings(max_examples=200)
@given(complaints(), st.integers(0, 30))
def test_nothing_is_eligible_unless_an_ouder_complained_in_writing_in_scope(c: Complaint, extra: int) -> None:
    d = eligibility(c, as_of=_as_of(c, extra))
    if d.outcome == "eligible":
        assert c.complainant is not None
        assert c.complainant.role is not None
        assert c.complainant.role.is_statutory_ouder
        assert c.channel in WRITTEN
        assert c.subjects
        assert set(c.subjects) & IN_SCOPE
        assert c.received_date is not None
        assert c.received_date >= dt.date(2016, 1, 1)


@settings(max_examples=150)
@given(
    written_parent_complaints(min_date=dt.date(2016, 1, 1), max_date=dt.date(2027, 6, 30)),
    st.integers(0, 60),
    st.none() | policies(),
)
def test_meldplicht_signal_always_gives_meldplicht_and_the_clock_runs(
    c: Complaint, extra: int, pol: Policy | None
) -> None:
    # R28: a signal that names a working person as the suspect (Wko 1.51b lid 1).
    signal = Signal(kind="suspected_offence_by_staff", suspect="staff")
    c = attrs.evolve(c, signals=(*(c.signals or ()), signal))
    # Precedence gives no date: a strict calendar (A2) never refuses it, whatever the year.
    d = precedence(c, as_of=_as_of(c, extra), policy=pol)
    assert d.outcome == "meldplicht"
    assert d.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
    assert d.details["six_week_clock"]["suspended_by_statute"] is False


@settings(max_examples=100)
@given(
    written_parent_complaints(min_date=dt.date(2016, 1, 1), max_date=dt.date(2027, 6, 30)),
    st.sampled_from(("other_parent", "child", "third_party")),
    st.none() | policies(),
)
def test_a_staff_signal_about_a_non_working_person_is_never_a_meldplicht_guess(
    c: Complaint, about: str, pol: Policy | None
) -> None:
    """R28 (Wko 1.51b lid 1, 1.56b lid 3): without a named suspect, a 'by staff' signal in a complaint
    about another parent, a child or a third party stays open; it never becomes a meldplicht."""
    c = attrs.evolve(c, about=about, signals=(Signal(kind="suspected_offence_by_staff"),))
    d = precedence(c, as_of=c.received_date or dt.date(2026, 1, 1), policy=pol)
    assert d.outcome == "undetermined"
    assert not d.has_flag("MELDPLICHT_1_51B")
    assert d.has_flag("SIGNAL_SUSPECT_NOT_WORKING_PERSON")


@settings(max_examples=150)
@given(
    complaints(),
    st.integers(0, 30),
    st.sampled_from(("id", "location", "category", "description", "organisation")),
)
def test_an_unrelated_fact_never_changes_a_definite_outcome(c: Complaint, extra: int, field: str) -> None:
    as_of = _as_of(c, extra)
    before = assess(c, as_of=as_of)
    after = assess(attrs.evolve(c, **{field: "ander gegeven"}), as_of=as_of)
    for b, a in zip(before.decisions, after.decisions, strict=True):
        if b.definite:
            assert a.outcome == b.outcome


@settings(max_examples=150)
@given(complaints(), st.integers(0, 30))
def test_unknown_facts_never_give_a_definite_outcome(c: Complaint, extra: int) -> None:
    for d in assess(c, as_of=_as_of(c, extra)).decisions:
        if d.unknown_facts:
            assert not d.definite, (d.kind, d.outcome, d.unknown_facts)
    # And the facts a rule needs: without a receipt date, nothing is eligible.
    if c.received_on is None:
        assert eligibility(c, as_of=dt.date(2026, 1, 1)).outcome not in (
            "eligible",
            "eligible_by_policy",
            "not_yet",
        )


@settings(max_examples=100)
@given(complaints(min_date=dt.date(2016, 1, 1)), st.integers(0, 120), st.data())
def test_decisions_are_deterministic_and_survive_json(c: Complaint, extra: int, data: st.DataObject) -> None:
    j = data.draw(st.none() | judgements(after=c.received_date))
    as_of = _as_of(c, extra)
    one, two = assess(c, as_of=as_of, judgement=j), assess(c, as_of=as_of, judgement=j)
    assert one.to_dict() == two.to_dict()
    for d in one.decisions:
        back = Decision.from_dict(json.loads(json.dumps(d.to_dict())))
        assert back == d
        assert back.to_dict() == d.to_dict()


@settings(max_examples=150)
@given(complaints(min_date=dt.date(2016, 1, 1)), st.integers(0, 200), policies(), st.data())
def test_no_term_runs_for_a_complaint_the_procedure_does_not_cover(
    c: Complaint, extra: int, pol: Policy, data: st.DataObject
) -> None:
    """R12, R17, A17: a complaint outside the statute and the policy, or not yet made in writing,
    has no statutory and no house term: no deadline, no house term's state, no exceeded flag, and a
    handling status that says so (the decision does not say 'not applicable' and 'late' at once)."""
    pol = attrs.evolve(pol, strict_calendar=False)
    j = data.draw(st.none() | judgements(after=c.received_date))
    a = assess(c, as_of=_as_of(c, extra), policy=pol, judgement=j)
    if a.eligibility.outcome in CLOCK_MAY_RUN:
        return
    assert a.deadlines == {}
    assert a.house_term_states == {}
    assert not a.handling.has_flag(FlagCode.HOUSE_TERM_EXCEEDED)
    assert a.handling.outcome in (Outcome.NOT_APPLICABLE, Outcome.NOT_STARTED)
