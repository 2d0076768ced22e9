"""Published rulings of the Geschillencommissie Kinderopvang, run through the engine.

Each case of ``cases.toml`` (beside this file) is one ruling, or one part of a ruling, that turns on
a question the engine decides: the complaint first to the provider (R20), the twelve months (R21),
what the commission does not hear (R24), the regime in time (R1), the oudercommissie's route (R25),
the handling term (R20 sub i) and eligibility (R3-R5). The facts are what the published summary
states; the expected outcome is the commission's decision mapped onto the engine's outcome for those
facts (each case says how). A case where the engine disagrees and regulation.md does not settle the
question is ``xfail(strict=True)`` with the open question as its reason.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from klachtregels.decisions import assess, eligibility, geschillencommissie_access
from klachtregels.model import Complaint, GckFiling, Judgement, Provider
from klachtregels.policy import Policy
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

CASES_FILE = Path(__file__).with_name("cases.toml")
CASES: list[dict[str, Any]] = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"]

#: What a ruling may turn on, and the decision that answers it.
QUESTIONS = {
    "first_filed": DecisionKind.GCK_ACCESS,
    "twelve_months": DecisionKind.GCK_ACCESS,
    "out_of_scope": DecisionKind.GCK_ACCESS,
    "temporal_scope": DecisionKind.GCK_ACCESS,
    "oudercommissie": DecisionKind.GCK_ACCESS,
    "handling_term": DecisionKind.GCK_ACCESS,
    "eligibility": DecisionKind.ELIGIBILITY,
}
#: The commission publishes its rulings on these two sites.
SITES = (
    "https://www.degeschillencommissie.nl/uitspraken/",
    "https://www.klachtenloket-kinderopvang.nl/uitspraken/",
)
#: Fields every case has.
REQUIRED = (
    *("ref", "year", "url", "question", "rules"),
    *("summary", "commission", "mapping", "decision", "as_of"),
)
#: Rule and ambiguity ids as regulation.md writes them (R20-i: sub i of R20).
RULE_ID = re.compile(r"^(R([1-9]|[12][0-9]|3[01])(-[a-z]+)?|A([1-9]|1[0-9]|2[0-2]))$")
#: The statutory complaint and GCK regime begins (R1); the commission published rulings before it.
REGIME_YEAR, FIRST_RULING_YEAR = 2016, 2005
#: A part of a ruling that decided two questions: ``200955/213266-a``.
PART = re.compile(r"-[a-z]$")


def _params() -> list[Any]:
    """One parameter per case, named by its reference code; the open questions as strict xfails."""
    params = []
    for case in CASES:
        marks = []
        if "xfail" in case:  # fails on the engine's answer, not on a broken case
            marks.append(pytest.mark.xfail(strict=True, raises=AssertionError, reason=case["xfail"]))
        params.append(pytest.param(case, id=case["ref"], marks=marks))
    return params


def _optional(case: dict[str, Any], key: str, cls: Any) -> Any:
    """``cls.from_dict`` of the case's table ``key``, or None when the case has no such table."""
    return cls.from_dict(case[key]) if key in case else None


def _decide(case: dict[str, Any], policy: Policy | None = None) -> Any:
    """The engine's decision on the case's facts (``None``: the statutory baseline policy)."""
    complaint = Complaint.from_dict(case["complaint"])
    if case["decision"] == DecisionKind.ELIGIBILITY:
        return eligibility(complaint, as_of=case["as_of"], policy=policy)
    return geschillencommissie_access(
        complaint,
        filed_on=None,
        as_of=case["as_of"],
        policy=policy,
        filing=_optional(case, "filing", GckFiling),
        judgement=_optional(case, "judgement", Judgement),
        provider=_optional(case, "provider", Provider),
        filed_with_provider=case.get("filed_with_provider"),
    )


def _seen(case: dict[str, Any], decision: Any) -> str:
    """What the engine said, for an assertion message."""
    flags = [f.code for f in decision.flags]
    return f"{case['ref']} ({decision.policy}): {decision.outcome} by {decision.rule_ids}, flags {flags}"


@pytest.mark.parametrize("case", _params())
def test_the_engine_agrees_with_the_ruling(case: dict[str, Any]) -> None:
    expect = case["expect"]
    decision = _decide(case)
    seen = _seen(case, decision)
    assert decision.kind == case["decision"], seen
    if "outcome" in expect:
        assert decision.outcome == expect["outcome"], seen
    else:
        assert decision.outcome in expect["outcome_in"], seen
    for code in expect.get("flags", []):
        assert decision.has_flag(code), f"{seen}: missing flag {code}"
    for code in expect.get("absent_flags", []):
        assert not decision.has_flag(code), f"{seen}: unexpected flag {code}"
    if "unknown_facts" in expect:
        assert set(decision.unknown_facts) == set(expect["unknown_facts"]), seen
    for rule_id, outcome in expect.get("gave", []):
        assert decision.gave(rule_id, outcome), f"{seen}: {rule_id} did not give {outcome}"
    for rule_id, outcome in expect.get("not_gave", []):
        assert not decision.gave(rule_id, outcome), f"{seen}: {rule_id} gave {outcome}"
    if "rest" in expect:
        assert decision.details["rest"] == expect["rest"], seen
    if "limit" in expect:
        assert decision.details["gck_filing_limit"] == expect["limit"].isoformat(), seen
    for table in case.get("also_under", []):
        other = _decide(case, Policy.from_dict(table))
        assert other.outcome == decision.outcome, _seen(case, other)


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c["ref"]) for c in CASES if c["decision"] == DecisionKind.GCK_ACCESS]
)
def test_assess_gives_the_same_access_as_the_single_decision(case: dict[str, Any]) -> None:
    """One law, one place (issue 8): the full assessment of the same facts answers access the same way."""
    single = _decide(case)
    full = assess(
        Complaint.from_dict(case["complaint"]),
        as_of=case["as_of"],
        filing=_optional(case, "filing", GckFiling),
        judgement=_optional(case, "judgement", Judgement),
        provider=_optional(case, "provider", Provider),
        filed_with_provider=case.get("filed_with_provider"),
    ).gck_access
    assert full is not None
    assert (full.outcome, full.unknown_facts) == (single.outcome, single.unknown_facts)
    assert full.details.get("rest") == single.details.get("rest")


def test_every_case_is_complete_and_cites_a_published_ruling() -> None:
    refs = Counter(case["ref"] for case in CASES)
    assert not [ref for ref, n in refs.items() if n > 1], "reference codes are test ids: unique"
    for case in CASES:
        ref = case["ref"]
        assert all(field in case for field in REQUIRED), ref
        assert case["url"].startswith(SITES), ref
        assert QUESTIONS[case["question"]] == case["decision"], ref
        assert all(RULE_ID.match(rule) for rule in case["rules"]), ref
        # The question is asked no later than the ruling's year (the filing precedes the ruling), and
        # not before the statutory regime of 2016 (R1) unless the case is about that boundary: a
        # ruling of the commission from before 2016 is a temporal_scope case.
        assert isinstance(case["as_of"], dt.date), ref
        first = FIRST_RULING_YEAR if case["question"] == "temporal_scope" else REGIME_YEAR
        assert first <= case["as_of"].year <= case["year"], ref
        # One line, our own words: no multi-line quotes from the ruling.
        assert "\n" not in case["summary"], ref
        expect = case["expect"]
        assert ("outcome" in expect) != ("outcome_in" in expect), ref
        outcomes = [expect["outcome"]] if "outcome" in expect else expect["outcome_in"]
        assert set(outcomes) <= {o.value for o in Outcome}, ref
        codes = [*expect.get("flags", []), *expect.get("absent_flags", [])]
        assert set(codes) <= {f.value for f in FlagCode}, ref


def test_the_casebook_covers_the_questions_with_15_to_120_rulings() -> None:
    rulings = {PART.sub("", case["ref"]) for case in CASES}
    assert 15 <= len(rulings) <= 120
    assert {case["question"] for case in CASES} == set(QUESTIONS)
