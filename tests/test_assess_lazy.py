"""``assess`` decides every outcome at once and builds its decisions when they are read: the lazily
built :class:`Assessment` is the full engine's, for any complaint, policy and peildatum.

The reference is :func:`klachtregels.engine.evaluate` (each spec's rules run, weighed and made into
a ``Decision`` in one go) on facts built with the ordinary ``Facts`` constructor, and the public
single decisions (``eligibility``, ``precedence``, ``geschillencommissie_access``), which go through
``evaluate`` as before.
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.citations import WKO_1_57B_2D
from klachtregels.decisions import (
    Assessment,
    _gck_spec,
    _without_redirect,
    assess,
    eligibility,
    geschillencommissie_access,
    precedence,
)
from klachtregels.engine import (
    Decision,
    DecisionSpec,
    Rule,
    RuleResult,
    conclude,
    decide,
    evaluate,
    unknown_facts,
)
from klachtregels.errors import ProvisionalCalendarError, RuleConflictError
from klachtregels.model import Complaint, GckFiling, Judgement, RegisterRecord
from klachtregels.policy import Policy, load_policy
from klachtregels.rules._facts import Facts, flag, handling_for
from klachtregels.rules.geschillencommissie import GCK_ACCESS, GCK_OC_ACCESS
from klachtregels.rules.handling import HANDLING
from klachtregels.rules.meldcode import PRECEDENCE
from klachtregels.rules.scope import ELIGIBILITY
from klachtregels.testing import policies, records
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, DecisionKind, FlagCode, Outcome
from strategies_policy import refused_as_provisional

if TYPE_CHECKING:
    import random

_LAZY = ("eligibility", "precedence", "handling", "gck_access", "deadlines", "house_term_states")


def _as_of(c: Complaint, extra: int) -> dt.date:
    return (c.received_date or dt.date(2026, 1, 1)) + dt.timedelta(days=extra)


def _filing_on(filing: GckFiling | None, day: dt.date) -> GckFiling | None:
    # As assess_record: a filing dated after the peildatum has not happened on it.
    if filing is not None and filing.filed_date is not None and filing.filed_date > day:
        return None
    return filing


def _content(d: Decision) -> dict[str, Any]:
    """What the rules decided (everything of the JSON shape but the details the decisions add)."""
    out = d.to_dict()
    del out["details"]
    return out


def _reference_handling(
    c: Complaint,
    pol: Policy,
    day: dt.date,
    judgement: Judgement | None,
    filing: GckFiling | None,
    elig: Decision,
) -> tuple[Facts, Decision]:
    """The handling status through evaluate, on facts built the ordinary way."""
    facts = Facts(
        complaint=c,
        policy=pol,
        as_of=day,
        judgement=judgement,
        filing=filing,
        handling=handling_for(c, pol),
        eligibility=elig.outcome,
        eligibility_unknown=elig.unknown_facts,
    )
    return facts, evaluate(HANDLING, facts, event_date=c.received_date, as_of=day, policy=pol.name)


def _check_against_engine(
    a: Assessment,
    c: Complaint,
    day: dt.date,
    pol: Policy,
    judgement: Judgement | None,
    filing: GckFiling | None,
) -> None:
    """Every decision of ``a`` (read in the order given) is what the full engine gives."""
    elig = eligibility(c, as_of=day, policy=pol)
    assert a.eligibility.to_dict() == elig.to_dict()
    assert a.eligibility == elig
    assert a.precedence.to_dict() == precedence(c, as_of=day, policy=pol).to_dict()
    facts, handling = _reference_handling(c, pol, day, judgement, filing, elig)
    assert _content(a.handling) == _content(handling)
    assert a.status == handling.outcome
    if filing is None and elig.outcome not in ELIGIBLE_OUTCOMES:
        assert a.gck_access is None
        return
    gck = geschillencommissie_access(
        c, filed_on=None, as_of=day, judgement=judgement, policy=pol, filing=filing
    )
    assert a.gck_access is not None
    assert a.gck_access.to_dict() == gck.to_dict()
    if gck.outcome == Outcome.REDIRECT:  # the rest of a redirected dispute, through evaluate too
        gck_facts = attrs.evolve(facts, filed_on=filing.filed_date if filing and filing.filed_date else day)
        rest = evaluate(
            _without_redirect(_gck_spec(gck_facts)),
            gck_facts,
            event_date=c.received_date,
            as_of=day,
            policy=pol.name,
        )
        assert a.gck_access.details["rest"] == rest.outcome


@settings(max_examples=300, deadline=None)
@given(records(), st.integers(0, 400), st.none() | policies(), st.randoms(use_true_random=False))
def test_the_lazy_assessment_is_the_full_engines(
    record: RegisterRecord, extra: int, policy: Policy | None, rnd: random.Random
) -> None:
    c, judgement, filing = record.complaint, record.judgement, record.filing
    day = _as_of(c, extra)
    filing = _filing_on(filing, day)
    pol = load_policy(policy)
    if refused_as_provisional(pol, c, as_of=day, filing=filing):  # strict_calendar (A2): refused
        with pytest.raises(ProvisionalCalendarError):
            assess(c, as_of=day, policy=pol, judgement=judgement, filing=filing, lazy=False)
        pol = attrs.evolve(pol, strict_calendar=False)  # the rest, as the policy decides without it
    a = assess(c, as_of=day, policy=pol, judgement=judgement, filing=filing)
    # The outcome is decided before anything is built; reading the fields in any order builds the same.
    status = a.status
    order = list(_LAZY)
    rnd.shuffle(order)
    for name in order:
        getattr(a, name)
    assert a.status == status
    _check_against_engine(a, c, day, pol, judgement, filing)
    b = assess(c, as_of=day, policy=pol, judgement=judgement, filing=filing)
    assert b.to_dict() == a.to_dict()  # b is built by to_dict itself, in its own order
    assert b == a
    assert b.deadlines == a.deadlines
    assert b.house_term_states == a.house_term_states
    # lazy=False: every rule run and every field built at once, by the same functions: the same assessment.
    eager = assess(c, as_of=day, policy=pol, judgement=judgement, filing=filing, lazy=False)
    assert eager.to_dict() == a.to_dict()
    assert eager == a
    assert eager.deadlines == a.deadlines
    assert eager.house_term_states == a.house_term_states
    assert [tuple(d.reasons) for d in eager.decisions] == [tuple(d.reasons) for d in a.decisions]
    _check_against_engine(eager, c, day, pol, judgement, filing)


def test_lazy_false_builds_every_field_now() -> None:
    """With ``lazy=False`` no field waits for its first read: each slot holds its built value."""
    c = Complaint.from_dict(
        {
            "received_on": "2026-01-05",
            "channel": "letter",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
            "signals": [],
        }
    )
    a = assess(c, as_of=dt.date(2026, 3, 1), lazy=False)
    built = {name: Assessment.__dict__[name].slot.__get__(a, Assessment) for name in _LAZY}
    decisions = ("eligibility", "precedence", "handling", "gck_access")
    assert all(isinstance(built[k], Decision) for k in decisions)
    assert built["deadlines"]["handling"] is a.deadlines["handling"]
    assert a.handling.outcome == Outcome.OPEN_OVERDUE
    assert a.deadlines["handling"].date == dt.date(2026, 2, 16)


def test_fields_are_built_when_first_read_and_then_kept() -> None:
    c = Complaint.from_dict(
        {
            "id": "K-1",
            "received_on": "2026-02-02",
            "channel": "letter",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
            "signals": [],
        }
    )
    a = assess(c, as_of=dt.date(2026, 3, 1))
    slot = attrs.fields(Assessment).eligibility.name
    raw = Assessment.__dict__[slot].slot.__get__(a, Assessment)  # the slot under the lazy field
    assert not isinstance(raw, Decision)  # nothing built yet
    assert a.status == "open_on_track"  # the outcome, read without building the decision
    first = a.eligibility
    assert first is a.eligibility  # built once
    assert first.outcome == "eligible"
    ordinary = Assessment(**{f.name: getattr(a, f.name) for f in attrs.fields(Assessment)})
    assert a == ordinary
    assert pickle.loads(pickle.dumps(a)).to_dict() == a.to_dict()  # a pickle holds built values


# --- deferring the rules that cannot change an outcome ----------------------------------------------

_SPECS = (ELIGIBILITY, PRECEDENCE, HANDLING, GCK_ACCESS, GCK_OC_ACCESS)


@settings(max_examples=300, deadline=None)
@given(records(), st.integers(0, 400), st.none() | policies(), st.sampled_from(Outcome))
def test_rules_that_declare_no_outcome_give_none(
    record: RegisterRecord, extra: int, policy: Policy | None, eligibility_outcome: Outcome
) -> None:
    c, judgement, filing = record.complaint, record.judgement, record.filing
    # What decide(..., defer=True) relies on: a rule without declared outcomes only supports or flags.
    day = _as_of(c, extra)
    pol = load_policy(policy)
    if refused_as_provisional(pol, c):  # strict_calendar (A2) refuses the deadline; not this test's subject
        pol = attrs.evolve(pol, strict_calendar=False)
    facts = Facts(
        complaint=c,
        policy=pol,
        as_of=day,
        judgement=judgement,
        filing=filing,
        filed_on=day,
        handling=handling_for(c, pol),
        eligibility=eligibility_outcome,
    )
    for decision in _SPECS:
        for r in decision.rules:
            res = r.function(facts)
            if res is None:
                continue
            if not r.outcomes:
                assert res.outcome is None, r.id
                assert not res.unknown_facts, r.id


def _toy(*rules: Rule[None]) -> DecisionSpec[None]:
    return DecisionSpec(
        name=DecisionKind.ELIGIBILITY,
        rules=rules,
        levels=(
            frozenset({Outcome.NOT_ELIGIBLE}),
            frozenset({Outcome.UNDETERMINED}),
            frozenset({Outcome.ELIGIBLE}),
        ),
        default=Outcome.ELIGIBLE,
    )


def _rule(rid: str, result: RuleResult | None, outcomes: tuple[Outcome, ...] = ()) -> Rule[None]:
    return Rule(
        id=rid,
        title_code="RULE_R1",
        citations=(WKO_1_57B_2D,),
        decision=DecisionKind.ELIGIBILITY,
        function=lambda _ctx: result,
        outcomes=outcomes,
    )


def test_deferred_rules_keep_their_place_among_the_reasons() -> None:
    day = dt.date(2026, 3, 1)
    flagged = RuleResult.support("SCOPE_R5_LETTER", flags=[flag(FlagCode.INVITE_WRITTEN_COMPLAINT)])
    unknown = RuleResult.unknown(["complaint.channel"], "SCOPE_R5_UNKNOWN", outcome=Outcome.UNDETERMINED)
    spec = _toy(
        _rule("R1", flagged),
        _rule("R2", unknown, (Outcome.UNDETERMINED,)),
        _rule("R3", None),
        _rule("R4", RuleResult.support("SCOPE_R5_LETTER")),
        _rule(
            "R5", RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R4_ADVISORY_RIGHT"), (Outcome.NOT_ELIGIBLE,)
        ),
    )
    weighed = decide(spec, None, event_date=day, as_of=day, defer=True)
    assert [rule.id for rule, _ in weighed.fired] == ["R2", "R5"]  # only the rules with outcomes ran
    assert weighed.outcome == Outcome.NOT_ELIGIBLE
    assert unknown_facts(spec, weighed) == ()  # set aside by the higher level, as the decision says
    made = conclude(spec, weighed, day, "p")
    full = evaluate(spec, None, event_date=day, as_of=day, policy="p")
    assert made.rule_ids == ("R1", "R2", "R4", "R5")
    assert made.to_dict() == full.to_dict()


def test_a_deferred_rule_that_gives_an_outcome_is_an_error() -> None:
    day = dt.date(2026, 3, 1)
    spec = _toy(_rule("R1", RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R4_ADVISORY_RIGHT")))  # undeclared
    weighed = decide(spec, None, event_date=day, as_of=day, defer=True)
    with pytest.raises(RuleConflictError, match="R1"):
        conclude(spec, weighed, day, "p")
    with pytest.raises(ValueError, match="extra_rules"):
        decide(spec, None, event_date=day, as_of=day, defer=True, extra_rules=spec.rules)
