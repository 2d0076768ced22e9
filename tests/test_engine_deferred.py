"""The rules :func:`~klachtregels.engine.decide` defers are put back in their place when the decision is
made (:func:`~klachtregels.engine.conclude`, without a sort): for any order of rules that decide and
rules that only support or flag, and any of them firing or not, the decision made in two halves is
the one :func:`~klachtregels.engine.evaluate` makes in one go, reasons, flags and unknown facts alike.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from klachtregels.citations import WKO_1_57B_2D
from klachtregels.engine import DecisionSpec, Rule, RuleResult, conclude, decide, evaluate
from klachtregels.rules._facts import flag
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Callable

_DAY = dt.date(2026, 3, 1)
_FLAGGED = flag(FlagCode.INVITE_WRITTEN_COMPLAINT)
_OTHER = flag(FlagCode.CLOCK_NOT_SUSPENDED_BY_STATUTE, ambiguity="A10")

#: What a rule that declares outcomes may give, and what a rule that declares none may give.
_DECIDING = (
    None,
    RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R4_ADVISORY_RIGHT", flags=[_OTHER]),
    RuleResult.unknown(["complaint.channel"], "SCOPE_R5_UNKNOWN", outcome=Outcome.UNDETERMINED),
    RuleResult.fire(Outcome.ELIGIBLE, "SCOPE_R5_LETTER"),
)
_SUPPORTING = (
    None,
    RuleResult.support("SCOPE_R5_LETTER"),
    RuleResult.support("SCOPE_R5_LETTER", flags=[_FLAGGED]),
    RuleResult.support("SCOPE_R5_LETTER", flags=[_OTHER, _FLAGGED]),
)


def _returns(result: RuleResult | None) -> Callable[[None], RuleResult | None]:
    return lambda _ctx: result


def _spec(kinds: list[tuple[bool, int]], *, cumulative: bool) -> DecisionSpec[None]:
    rules = []
    for i, (decides, pick) in enumerate(kinds):
        result = (_DECIDING if decides else _SUPPORTING)[pick]
        outcomes = (Outcome.NOT_ELIGIBLE, Outcome.UNDETERMINED, Outcome.ELIGIBLE) if decides else ()
        rules.append(
            Rule(
                id=f"R{i + 1}",
                title_code="RULE_R1",
                citations=(WKO_1_57B_2D,),
                decision=DecisionKind.ELIGIBILITY,
                function=_returns(result),
                outcomes=outcomes,
            )
        )
    return DecisionSpec(
        name=DecisionKind.ELIGIBILITY,
        rules=tuple(rules),
        levels=(
            frozenset({Outcome.NOT_ELIGIBLE}),
            frozenset({Outcome.UNDETERMINED}),
            frozenset({Outcome.ELIGIBLE}),
        ),
        default=Outcome.ELIGIBLE,
        cumulative=cumulative,
    )


@given(
    kinds=st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=1, max_size=8),
    cumulative=st.booleans(),
)
def test_deferred_rules_come_back_in_their_place(kinds: list[tuple[bool, int]], cumulative: bool) -> None:
    spec = _spec(kinds, cumulative=cumulative)
    weighed = decide(spec, None, event_date=_DAY, as_of=_DAY, defer=True)
    made = conclude(spec, weighed, _DAY, "p")
    full = evaluate(spec, None, event_date=_DAY, as_of=_DAY, policy="p")
    fired = [f"R{i + 1}" for i, (decides, pick) in enumerate(kinds) if pick]
    assert made.rule_ids == tuple(fired)  # every rule that fired, in the spec's order
    assert made.to_dict() == full.to_dict()
    assert made.flags == full.flags
    assert made.unknown_facts == full.unknown_facts
    # Made twice from the same weighing: the same decision (nothing is appended to the weighing).
    assert conclude(spec, weighed, _DAY, "p").to_dict() == made.to_dict()


def test_a_deferred_rule_after_every_deciding_rule_is_appended() -> None:
    spec = _spec([(True, 3), (False, 2), (True, 0), (False, 1)], cumulative=False)
    assert [place for _, _, place in spec._deferred[-1]] == [1, -1]  # inner, then trailing
    weighed = decide(spec, None, event_date=_DAY, as_of=_DAY, defer=True)
    assert conclude(spec, weighed, _DAY, "p").rule_ids == ("R1", "R2", "R4")
