"""The rule engine: precedence, overrides, conflicts, validity dates, cumulative specs, lazy reasons,
JSON round trip."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from klachtregels.citations import WET_KINDEROPVANG, WKO_1_57B_2D, cite
from klachtregels.engine import (
    Decision,
    DecisionSpec,
    Flag,
    RenderedText,
    Rule,
    RuleResult,
    citation_from_dict,
    evaluate,
)
from klachtregels.errors import InvalidInputError, RuleConflictError
from klachtregels.messages import Message, UnknownLanguageError, text
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

C = (WKO_1_57B_2D,)
DAY = dt.date(2026, 3, 1)
# A toy decision on real vocabulary: "no" above two alternatives "a"/"b", then unknown, then "yes".
NO, A, B, YES = Outcome.NOT_ELIGIBLE, Outcome.NOT_YET, Outcome.ELIGIBLE_BY_POLICY, Outcome.ELIGIBLE
# Any catalogue entry serves as a reason's text here; these two take a date and nothing.
DATED, PLAIN = "SCOPE_R1_IN_FORCE", "SCOPE_R5_LETTER"


def rule(
    rid: str, result: RuleResult | None, *, outcomes: tuple[Outcome, ...] = (), **kw: object
) -> Rule[dict[str, int]]:
    return Rule(
        id=rid,
        title_code="RULE_R1",
        citations=C,
        decision=DecisionKind.ELIGIBILITY,
        function=lambda _ctx: result,
        outcomes=outcomes,
        **kw,  # type: ignore[arg-type]
    )


def spec(*rules: Rule[dict[str, int]], cumulative: bool = False) -> DecisionSpec[dict[str, int]]:
    return DecisionSpec(
        name=DecisionKind.ELIGIBILITY,
        rules=rules,
        levels=(frozenset({NO}), frozenset({A, B}), frozenset({Outcome.UNDETERMINED}), frozenset({YES})),
        default=YES,
        cumulative=cumulative,
    )


def test_default_when_nothing_fires() -> None:
    d = evaluate(spec(rule("R1", RuleResult.support(PLAIN))), {}, event_date=DAY, as_of=DAY, policy="p")
    assert d.outcome == YES
    assert d.rule_ids == ("R1",)


def test_two_rules_that_disagree_on_one_level_raise() -> None:
    s = spec(
        rule("R1", RuleResult.fire(A, PLAIN), outcomes=(A,)),
        rule("R2", RuleResult.fire(B, PLAIN), outcomes=(B,)),
    )
    with pytest.raises(RuleConflictError, match="R1, R2"):
        evaluate(s, {}, event_date=DAY, as_of=DAY, policy="p")


def test_override_resolves_the_conflict_and_is_shown() -> None:
    s = spec(
        rule("R1", RuleResult.fire(A, PLAIN), outcomes=(A,)),
        rule("R2", RuleResult.fire(B, PLAIN), outcomes=(B,), overrides=("R1",)),
    )
    d = evaluate(s, {}, event_date=DAY, as_of=DAY, policy="p")
    assert d.outcome == B
    assert [r.set_aside for r in d.reasons] == [True, False]


def test_higher_level_wins_over_unknown_lower_does_not() -> None:
    unknown = RuleResult.unknown(["x"], PLAIN, outcome=Outcome.UNDETERMINED)
    high = spec(
        rule("R1", RuleResult.fire(NO, PLAIN), outcomes=(NO,)),
        rule("R2", unknown, outcomes=(Outcome.UNDETERMINED,)),
    )
    assert evaluate(high, {}, event_date=DAY, as_of=DAY, policy="p").outcome == NO
    low = spec(rule("R2", unknown, outcomes=(Outcome.UNDETERMINED,)))
    d = evaluate(low, {}, event_date=DAY, as_of=DAY, policy="p")
    assert (d.outcome, d.unknown_facts) == (Outcome.UNDETERMINED, ("x",))


def test_rules_outside_their_validity_do_not_take_part() -> None:
    s = spec(rule("R1", RuleResult.fire(NO, PLAIN), outcomes=(NO,), valid_from=dt.date(2016, 1, 1)))
    assert evaluate(s, {}, event_date=dt.date(2015, 12, 31), as_of=DAY, policy="p").outcome == YES
    assert evaluate(s, {}, event_date=dt.date(2016, 1, 1), as_of=DAY, policy="p").outcome == NO


def test_validity_segments_select_the_rules_in_force_on_each_day() -> None:
    early = rule("R-early", None, valid_from=dt.date.min, valid_to=dt.date(2013, 6, 30))
    late = rule("R-late", None, valid_from=dt.date(2013, 7, 1))
    always = rule("R-always", None, valid_from=dt.date.min)
    s = spec(early, late, always)
    for day in (dt.date(1, 1, 1), dt.date(2013, 6, 30), dt.date(2013, 7, 1), dt.date(9999, 12, 31)):
        assert s.rules_on(day) == tuple(r for r in (early, late, always) if r.valid_on(day)), day


def test_cumulative_keeps_lower_reasons_and_flags() -> None:
    f = Flag(code=FlagCode.MELDCODE, text=Message("FLAG_MELDCODE"))
    rules = (
        rule("R1", RuleResult.fire(NO, PLAIN), outcomes=(NO,)),
        rule("R2", RuleResult.fire(A, PLAIN, flags=[f]), outcomes=(A,)),
    )
    plain = evaluate(spec(*rules), {}, event_date=DAY, as_of=DAY, policy="p")
    cum = evaluate(spec(*rules, cumulative=True), {}, event_date=DAY, as_of=DAY, policy="p")
    assert plain.outcome == cum.outcome == NO
    assert not plain.has_flag(FlagCode.MELDCODE)
    assert plain.reasons[1].set_aside
    assert cum.has_flag(FlagCode.MELDCODE)
    assert cum.flags[0].rule_id == "R2"
    assert not cum.reasons[1].set_aside


def test_unranked_outcome_is_rejected_when_building_a_spec() -> None:
    with pytest.raises(ValueError, match="not ranked"):
        spec(rule("R1", None, outcomes=(Outcome.REDIRECT,)))


def test_reasons_are_rendered_only_when_read() -> None:
    day = dt.date(2026, 3, 9)
    result = RuleResult.support(DATED, received=day)
    assert result.params == {"received": day}  # kept as data: nothing formatted by the rule
    d = evaluate(spec(rule("R1", result)), {}, event_date=DAY, as_of=DAY, policy="p")
    (reason,) = d.reasons
    assert reason.message("nl") == text(DATED, "nl", received=day)
    assert "maandag 9 maart 2026" in reason.message("nl")
    assert "Monday 9 March 2026" in reason.message_en
    assert d.reasons is d.reasons  # built once
    with pytest.raises(UnknownLanguageError):
        reason.message("de")
    with pytest.raises(UnknownLanguageError):
        d.explain("fr")


def test_rule_titles_come_from_the_catalogue() -> None:
    r = rule("R1", None)
    assert r.title("nl") == r.title_nl == text("RULE_R1", "nl")
    assert r.title("en") == r.title_en == text("RULE_R1", "en")
    assert r.to_dict()["title"] == {"nl": r.title_nl, "en": r.title_en}
    assert Rule(id="R12-start", citations=C, decision="handling", function=lambda _c: None).title_code == (
        "RULE_R12_START"
    )


def test_a_flag_read_from_json_keeps_its_text_and_language_check() -> None:
    f = Flag(code=FlagCode.ORAL_ONLY, text=RenderedText("mondeling", "oral"), rule_id="R20")
    back = Flag.from_dict(f.to_dict())
    assert back == f
    assert (back.message("nl"), back.message("en")) == ("mondeling", "oral")
    with pytest.raises(UnknownLanguageError):
        back.message("xx")
    assert Flag.from_dict(Flag(code="ORAL_ONLY", text=Message("FLAG_ORAL_ONLY")).to_dict()) == Flag(
        code=FlagCode.ORAL_ONLY, text=Message("FLAG_ORAL_ONLY")
    )


def test_decision_json_round_trip_and_bad_shape() -> None:
    d = evaluate(
        spec(rule("R1", RuleResult.fire(NO, DATED, received=DAY), outcomes=(NO,))),
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


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({}, ("law", "required, but missing")),
        (
            {"law": "Wet kinderopvang", "artikel": "Jansen"},
            ("artikel", "unknown field (did you mean 'article'?)"),
        ),
        ("Jansen", ("", "expected an object, got text")),
    ],
)
def test_citation_from_dict_reports_problems_by_key_without_the_value(
    data: Any, problem: tuple[str, str]
) -> None:
    with pytest.raises(InvalidInputError) as info:
        citation_from_dict(data)
    assert problem in info.value.problems
    assert "Jansen" not in str(info.value)


def test_gave_reads_the_rules_that_fired_without_building_reasons() -> None:
    """``Decision.gave`` answers from the rule results (set aside or not), as the reasons would."""

    def rule(rule_id: str, outcome: Outcome, **kw: object) -> Rule[None]:
        return Rule(
            id=rule_id,
            citations=C,
            decision=DecisionKind.ELIGIBILITY,
            function=lambda _ctx: RuleResult.fire(outcome, "SCOPE_R2_GASTOUDER"),
            outcomes=(outcome,),
            **kw,  # type: ignore[arg-type]
        )

    spec: DecisionSpec[None] = DecisionSpec(
        name=DecisionKind.ELIGIBILITY,
        rules=(rule("R-general", NO), rule("R-exception", A, overrides=("R-general",))),
        levels=[[NO], [A, B], [Outcome.UNDETERMINED], [YES]],
        default=YES,
    )
    decision = evaluate(spec, None, event_date=DAY, as_of=DAY, policy="test")
    assert decision.outcome == A
    assert decision.gave("R-exception", A)
    assert not decision.gave("R-general", NO)  # set aside by the exception
    assert decision.gave("R-general", NO, set_aside=True)
    assert not decision.gave("R-exception", NO, set_aside=True)
    # The same answers from the reasons once built, and after a JSON round trip (plain reasons).
    again = Decision.from_dict(json.loads(json.dumps(decision.to_dict())))
    for d in (decision, again):
        assert [r.set_aside for r in d.reasons] == [True, False]
        assert d.gave("R-exception", A)
        assert not d.gave("R-general", NO)
        assert d.gave("R-general", NO, set_aside=True)
