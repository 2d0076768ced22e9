"""The hot paths build Decision and Facts without their generated ``__init__`` (issue 8, performance):
what they build must be exactly what the ordinary constructor builds, field for field."""

from __future__ import annotations

import datetime as dt

import attrs

from klachtregels.citations import WKO_1_57B_2D
from klachtregels.decisions import Assessment, assess
from klachtregels.engine import Decision, DecisionSpec, Rule, RuleResult, evaluate
from klachtregels.model import Complaint
from klachtregels.policy import load_policy
from klachtregels.rules._facts import Facts, new_facts
from klachtregels.terms import handling_deadline
from klachtregels.vocabulary import DecisionKind, Outcome

DAY = dt.date(2026, 3, 1)


def _spec() -> DecisionSpec[object]:
    rule: Rule[object] = Rule(
        id="R1",
        citations=(WKO_1_57B_2D,),
        decision=DecisionKind.ELIGIBILITY,
        function=lambda _ctx: RuleResult.fire(Outcome.NOT_YET, "SCOPE_R1_IN_FORCE", received=DAY),
        outcomes=(Outcome.NOT_YET,),
    )
    return DecisionSpec(
        name=DecisionKind.ELIGIBILITY,
        rules=(rule,),
        levels=(
            frozenset({Outcome.NOT_YET}),
            frozenset({Outcome.UNDETERMINED}),
            frozenset({Outcome.ELIGIBLE}),
        ),
        default=Outcome.ELIGIBLE,
    )


def test_evaluate_builds_the_decision_the_constructor_builds() -> None:
    made = evaluate(_spec(), object(), event_date=DAY, as_of=DAY, policy="p", details={"x": 1})
    ordinary = Decision(
        kind=made.kind,
        outcome=made.outcome,
        reasons=tuple(made.reasons),
        flags=made.flags,
        unknown_facts=made.unknown_facts,
        as_of=made.as_of,
        policy=made.policy,
        details={"x": 1},
    )
    assert type(made) is Decision
    for field in attrs.fields(Decision):  # every field is set, to the same value
        assert getattr(made, field.name) == getattr(ordinary, field.name), field.name
    assert made == ordinary
    assert made.to_dict() == ordinary.to_dict()
    assert Decision.from_dict(made.to_dict()) == made


def test_new_facts_builds_the_facts_the_constructor_builds() -> None:
    complaint = Complaint.from_dict({"id": "K1", "received_on": "2026-02-02"})
    policy = load_policy(None)
    values = {"complaint": complaint, "policy": policy, "as_of": DAY, "handling": handling_deadline(DAY)}
    made = new_facts(**values)
    ordinary = Facts(**values)  # type: ignore[arg-type]
    assert type(made) is Facts
    assert made == ordinary
    for field in attrs.fields(Facts):  # defaults included
        assert getattr(made, field.name) == getattr(ordinary, field.name), field.name
    assert made.handled == ordinary.handled  # derived values work alike
    more = new_facts(**values, eligibility=Outcome.ELIGIBLE, due_soon_days=3, filed_on=DAY)
    assert more == Facts(**values, eligibility=Outcome.ELIGIBLE, due_soon_days=3, filed_on=DAY)  # type: ignore[arg-type]


def test_assess_builds_the_assessment_the_constructor_builds() -> None:
    complaint = Complaint.from_dict(
        {
            "id": "K2",
            "received_on": "2026-02-02",
            "channel": "letter",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
            "signals": [],
        }
    )
    made = assess(complaint, as_of=DAY)
    assert made.gck_access is not None  # eligible: a hypothetical filing, built by new_decision
    ordinary = Assessment(**{f.name: getattr(made, f.name) for f in attrs.fields(Assessment)})
    assert type(made) is Assessment
    assert made == ordinary
    assert made.to_dict() == ordinary.to_dict()
    gck = made.gck_access
    rebuilt = Decision(
        kind=gck.kind,
        outcome=gck.outcome,
        reasons=tuple(gck.reasons),
        flags=gck.flags,
        unknown_facts=gck.unknown_facts,
        as_of=gck.as_of,
        policy=gck.policy,
        details=gck.details,
    )
    for field in attrs.fields(Decision):
        assert getattr(gck, field.name) == getattr(rebuilt, field.name), field.name
