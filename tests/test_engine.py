"""The rule engine: precedence, overrides, conflicts, validity dates, cumulative specs, JSON round trip."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from klachtregels.citations import WET_KINDEROPVANG, cite
from klachtregels.engine import Decision, DecisionSpec, Rule, RuleResult, citation_from_dict, evaluate
from klachtregels.errors import InvalidInputError, RuleConflictError

C = (cite(WET_KINDEROPVANG, "1.57b", 2, "d"),)
DAY = dt.date(2026, 3, 1)


def rule(
    rid: str, result: RuleResult | None, *, outcomes: tuple[str, ...] = (), **kw: object
) -> Rule[dict[str, int]]:
    return Rule(
        id=rid,
        title_nl=rid,
        title_en=rid,
        citations=C,
        decision="t",
        function=lambda _ctx: result,
        outcomes=outcomes,
        **kw,  # type: ignore[arg-type]
    )


def spec(*rules: Rule[dict[str, int]], cumulative: bool = False) -> DecisionSpec[dict[str, int]]:
    return DecisionSpec(
        name="t",
        rules=rules,
        levels=(frozenset({"no"}), frozenset({"a", "b"}), frozenset({"undetermined"}), frozenset({"yes"})),
        default="yes",
        cumulative=cumulative,
    )


def test_default_when_nothing_fires() -> None:
    d = evaluate(spec(rule("R1", RuleResult.support("ok", "ok"))), {}, event_date=DAY, as_of=DAY, policy="p")
    assert d.outcome == "yes"
    assert d.rule_ids == ("R1",)


def test_two_rules_that_disagree_on_one_level_raise() -> None:
    s = spec(
        rule("R1", RuleResult.fire("a", "a", "a"), outcomes=("a",)),
        rule("R2", RuleResult.fire("b", "b", "b"), outcomes=("b",)),
    )
    with pytest.raises(RuleConflictError, match="R1, R2"):
        evaluate(s, {}, event_date=DAY, as_of=DAY, policy="p")


def test_override_resolves_the_conflict_and_is_shown() -> None:
    s = spec(
        rule("R1", RuleResult.fire("a", "a", "a"), outcomes=("a",)),
        rule("R2", RuleResult.fire("b", "b", "b"), outcomes=("b",), overrides=("R1",)),
    )
    d = evaluate(s, {}, event_date=DAY, as_of=DAY, policy="p")
    assert d.outcome == "b"
    assert [r.set_aside for r in d.reasons] == [True, False]


def test_higher_level_wins_over_unknown_lower_does_not() -> None:
    unknown = RuleResult.unknown(["x"], "?", "?", outcome="undetermined")
    high = spec(
        rule("R1", RuleResult.fire("no", "n", "n"), outcomes=("no",)),
        rule("R2", unknown, outcomes=("undetermined",)),
    )
    assert evaluate(high, {}, event_date=DAY, as_of=DAY, policy="p").outcome == "no"
    low = spec(rule("R2", unknown, outcomes=("undetermined",)))
    d = evaluate(low, {}, event_date=DAY, as_of=DAY, policy="p")
    assert (d.outcome, d.unknown_facts) == ("undetermined", ("x",))


def test_rules_outside_their_validity_do_not_take_part() -> None:
    s = spec(rule("R1", RuleResult.fire("no", "n", "n"), outcomes=("no",), valid_from=dt.date(2016, 1, 1)))
    assert evaluate(s, {}, event_date=dt.date(2015, 12, 31), as_of=DAY, policy="p").outcome == "yes"
    assert evaluate(s, {}, event_date=dt.date(2016, 1, 1), as_of=DAY, policy="p").outcome == "no"


def test_cumulative_keeps_lower_reasons_and_flags() -> None:
    from klachtregels.engine import Flag

    f = Flag(code="LOW", message_nl="l", message_en="l")
    rules = (
        rule("R1", RuleResult.fire("no", "n", "n"), outcomes=("no",)),
        rule("R2", RuleResult.fire("a", "a", "a", flags=[f]), outcomes=("a",)),
    )
    plain = evaluate(spec(*rules), {}, event_date=DAY, as_of=DAY, policy="p")
    cum = evaluate(spec(*rules, cumulative=True), {}, event_date=DAY, as_of=DAY, policy="p")
    assert plain.outcome == cum.outcome == "no"
    assert not plain.has_flag("LOW")
    assert plain.reasons[1].set_aside
    assert cum.has_flag("LOW")
    assert not cum.reasons[1].set_aside


def test_unranked_outcome_is_rejected_when_building_a_spec() -> None:
    with pytest.raises(ValueError, match="not ranked"):
        spec(rule("R1", None, outcomes=("zzz",)))


def test_decision_json_round_trip_and_bad_shape() -> None:
    d = evaluate(
        spec(rule("R1", RuleResult.fire("no", "nee", "no"), outcomes=("no",))),
        {},
        event_date=DAY,
        as_of=DAY,
        policy="p",
        details={"k": [1, "x"]},
    )
    back = Decision.from_dict(json.loads(json.dumps(d.to_dict())))
    assert back == d
    assert back.to_dict() == d.to_dict()
    with pytest.raises(InvalidInputError):
        Decision.from_dict({"schema": "something else"})


def test_citation_round_trip_for_known_and_unknown_instruments() -> None:
    c = cite(WET_KINDEROPVANG, "1.57b", 2, "d", note="n")
    assert citation_from_dict(c.to_dict()) == c
    other = citation_from_dict(
        {
            "law": "Burgerlijk Wetboek Boek 3",
            "bwb_id": None,
            "article": "3:37",
            "label": "BW art. 3:37",
            "url": None,
        }
    )
    assert other.label() == "BW art. 3:37"
