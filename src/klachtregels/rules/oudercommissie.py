"""The oudercommissie's own route to the Geschillencommissie Kinderopvang: R25 (Wko 1.57c lid 1 sub b, 1.60).

An oudercommissie's dispute about its advisory right (art. 1.60) goes to the Geschillencommissie
directly, without an internal complaint procedure and without the parent's twelve months. Ranked
highest first: ``out_of_temporal_scope`` (R1), ``inadmissible`` (the filer is not the competent
body, or, for that part, no advice was given in time), ``undetermined`` (either fact unknown),
``admissible`` (the default). Cumulative: every rule keeps its reason.

The GCK reglement was not retrieved (regulation.md section 11): the rules resting on it carry
``Source.GCK``. :mod:`klachtregels.rules.geschillencommissie` re-exports :data:`GCK_OC_ACCESS` and
:data:`GCK_OC_ACCESS_RULES`, where they were defined before.
"""

from __future__ import annotations

from klachtregels.citations import GCK_OUDERCOMMISSIE, WKO_1_57C_1B, WKO_1_60, WKO_1_60_2
from klachtregels.engine import DecisionSpec, Rule, RuleResult, Source
from klachtregels.rules._facts import Facts, flag
from klachtregels.rules.scope import r1_gate
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

__all__ = ["GCK_OC_ACCESS", "GCK_OC_ACCESS_RULES"]


# --- R25 ------------------------------------------------------------------------------------------


_R25 = RuleResult.support("GCK_R25")
_R25_ROUTE = RuleResult.support(
    "GCK_R25",
    flags=[flag(FlagCode.OUDERCOMMISSIE_INTERNAL_ROUTE, "FLAG_OUDERCOMMISSIE_INTERNAL_ROUTE_GCK")],
)


def _r25(f: Facts) -> RuleResult:
    return _R25_ROUTE if f.policy.oudercommissie_internal_route else _R25


_R25_COMPETENT_UNKNOWN = RuleResult.unknown(
    ["filing.competent_body"], "GCK_R25_COMPETENT_UNKNOWN", outcome=Outcome.UNDETERMINED
)
_R25_NOT_COMPETENT = RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R25_NOT_COMPETENT")
_R25_COMPETENT = RuleResult.support("GCK_R25_COMPETENT")


def _r25_competent(f: Facts) -> RuleResult:
    competent = None if f.filing is None else f.filing.competent_body
    if competent is None:
        return _R25_COMPETENT_UNKNOWN
    return _R25_COMPETENT if competent else _R25_NOT_COMPETENT


_R25_ADVICE_UNKNOWN = RuleResult.unknown(
    ["filing.advice_given_in_time"], "GCK_R25_ADVICE_UNKNOWN", outcome=Outcome.UNDETERMINED
)
_R25_NO_ADVICE = RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R25_NO_ADVICE")
_R25_ADVICE = RuleResult.support("GCK_R25_ADVICE")


def _r25_advice(f: Facts) -> RuleResult:
    given = None if f.filing is None else f.filing.advice_given_in_time
    if given is None:
        return _R25_ADVICE_UNKNOWN
    return _R25_ADVICE if given else _R25_NO_ADVICE


GCK_OC_ACCESS_RULES: tuple[Rule[Facts], ...] = (
    r1_gate(DecisionKind.GCK_ACCESS),
    Rule(
        id="R25",
        citations=(WKO_1_57C_1B, WKO_1_60),
        decision=DecisionKind.GCK_ACCESS,
        function=_r25,
    ),
    Rule(
        id="R25-competent",
        citations=(WKO_1_57C_1B, GCK_OUDERCOMMISSIE),
        decision=DecisionKind.GCK_ACCESS,
        function=_r25_competent,
        outcomes=(Outcome.INADMISSIBLE, Outcome.UNDETERMINED),
        source=Source.GCK,
    ),
    Rule(
        id="R25-advice",
        citations=(WKO_1_60_2, GCK_OUDERCOMMISSIE),
        decision=DecisionKind.GCK_ACCESS,
        function=_r25_advice,
        outcomes=(Outcome.INADMISSIBLE, Outcome.UNDETERMINED),
        source=Source.GCK,
    ),
)

GCK_OC_ACCESS: DecisionSpec[Facts] = DecisionSpec(
    name=DecisionKind.GCK_ACCESS,
    rules=GCK_OC_ACCESS_RULES,
    levels=(
        frozenset({Outcome.OUT_OF_TEMPORAL_SCOPE}),
        frozenset({Outcome.INADMISSIBLE}),
        frozenset({Outcome.UNDETERMINED}),
        frozenset({Outcome.ADMISSIBLE}),
    ),
    default=Outcome.ADMISSIBLE,
    cumulative=True,
)
