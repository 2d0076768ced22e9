"""The oudercommissie's own route to the Geschillencommissie Kinderopvang: R25 (Wko 1.57c lid 1 sub b, 1.60).

An oudercommissie's dispute about its advisory right (art. 1.60) goes to the Geschillencommissie
directly, without an internal complaint procedure and without the parent's twelve months. Ranked
highest first: ``out_of_temporal_scope`` (R1), ``inadmissible`` (the filer is not the competent
body, a dispute that by its subjects is not about art. 1.60 at all, or a dispute about the decision
itself without advice given in time), ``undetermined`` (a
deciding fact unknown, or a subject art. 1.60 lid 1 does not list), ``admissible`` (the default).
Cumulative: every rule keeps its reason.

The commission's practice (GCK 2022-2023, regulation.md R25, GCK-OC): it tests a provider's
*decision* only against advice the oudercommissie gave in time (no advice, no decision to test);
a dispute about the *procedure* (not asked, asked too late, not informed enough, art. 1.60 lid 1
and lid 5) it hears even when no advice was given. What a decision does decides its subject: a
'technical correction' that raises the price is a price change (art. 1.60 lid 1 sub f).

The GCK reglement was not retrieved (regulation.md section 11): the rules resting on it carry
``Source.GCK``. :mod:`klachtregels.rules.geschillencommissie` re-exports :data:`GCK_OC_ACCESS` and
:data:`GCK_OC_ACCESS_RULES`, where they were defined before.
"""

from __future__ import annotations

from klachtregels.citations import (
    GCK_OC_DECISION,
    GCK_OC_PROCEDURE,
    GCK_OUDERCOMMISSIE,
    WKO_1_57C_1B,
    WKO_1_60,
    WKO_1_60_1,
    WKO_1_60_2,
    WKO_1_60_5,
)
from klachtregels.engine import DecisionSpec, Rule, RuleResult, Source
from klachtregels.messages import Message
from klachtregels.model import AdviceSubject, GckFiling, OudercommissieDispute, Subject
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


_R25_NOT_ABOUT_1_60 = RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R25_NOT_ABOUT_1_60")


def _r25_scope(f: Facts) -> RuleResult | None:
    """R11 under b, R25: the oudercommissie's route carries only a dispute about how art. 1.60 was
    applied. Its subjects known and none of them the advisory right (``Subject.ADVISORY_RIGHT``),
    and nothing on the filing about the advice (its subject, or what the dispute is about): the
    dispute is something else, a claim under the parents' agreements for example, which is not the
    committee's to bring (R3). The filing's advice facts say otherwise: the other rules decide."""
    subjects = f.complaint.subjects
    if subjects is None or Subject.ADVISORY_RIGHT in subjects:
        return None
    filing = f.filing
    if filing is not None and (filing.advice_subject is not None or filing.dispute_about is not None):
        return None
    return _R25_NOT_ABOUT_1_60


_R25_SUBJECT_NOT_LISTED = RuleResult.fire(
    Outcome.UNDETERMINED, "GCK_R25_SUBJECT_NOT_LISTED", flags=[flag(FlagCode.ADVICE_SUBJECT_NOT_LISTED)]
)
#: One reason per listed subject (art. 1.60 lid 1 a-f), made once.
_R25_SUBJECT = {
    subject: RuleResult.support("GCK_R25_SUBJECT", sub=subject.sub)
    for subject in AdviceSubject
    if subject.sub is not None
}


def _r25_subject(f: Facts) -> RuleResult | None:
    """Art. 1.60 lid 1: the commission hears disputes about the advisory right on the listed subjects."""
    subject = None if f.filing is None else f.filing.advice_subject
    if subject is None:
        return None
    if subject is AdviceSubject.OTHER:
        return _R25_SUBJECT_NOT_LISTED
    return _R25_SUBJECT[subject]


_R25_ADVICE_UNKNOWN = RuleResult.unknown(
    ["filing.advice_given_in_time"], "GCK_R25_ADVICE_UNKNOWN", outcome=Outcome.UNDETERMINED
)
_R25_NO_ADVICE = RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R25_NO_ADVICE")
_R25_ADVICE = RuleResult.support("GCK_R25_ADVICE")
_R25_DISPUTE_UNKNOWN = RuleResult.unknown(
    ["filing.dispute_about"], "GCK_R25_DISPUTE_UNKNOWN", outcome=Outcome.UNDETERMINED
)
_R25_BOTH_UNKNOWN = RuleResult.unknown(
    ["filing.dispute_about", "filing.advice_given_in_time"],
    "GCK_R25_ADVICE_UNKNOWN",
    outcome=Outcome.UNDETERMINED,
)
_R25_NOT_ASKED = RuleResult.support("GCK_R25_NOT_ASKED")
#: How a reason names each procedure dispute (art. 1.60 lid 1 and lid 5).
_ABOUT = {
    OudercommissieDispute.NOT_ASKED: Message("GCK_R25_ABOUT_NOT_ASKED"),
    OudercommissieDispute.ASKED_TOO_LATE: Message("GCK_R25_ABOUT_ASKED_TOO_LATE"),
    OudercommissieDispute.INSUFFICIENTLY_INFORMED: Message("GCK_R25_ABOUT_INSUFFICIENTLY_INFORMED"),
}
#: One reason per procedure dispute, made once.
_R25_PROCEDURE = {
    about: RuleResult.support("GCK_R25_PROCEDURE", about=text) for about, text in _ABOUT.items()
}


def _r25_advice(f: Facts) -> RuleResult:
    """R25 as the commission applies it: a decision needs timely advice; the procedure does not."""
    filing = f.filing
    about = None if filing is None else filing.dispute_about
    given = None if filing is None else filing.advice_given_in_time
    if about is not None and about.about_procedure:
        return _R25_PROCEDURE[about]
    if about is OudercommissieDispute.DECISION:
        if given is None:
            return _R25_ADVICE_UNKNOWN
        return _R25_ADVICE if given else _R25_NO_ADVICE
    return _r25_advice_kind_unknown(filing, given)


def _r25_advice_kind_unknown(filing: GckFiling | None, given: bool | None) -> RuleResult:
    """Whether the dispute is about the decision or the procedure is not known."""
    if given is True:
        return _R25_ADVICE  # advice in time: the decision can be tested, the procedure heard
    if filing is not None and filing.advice_requested is False:
        return _R25_NOT_ASKED  # never asked: whatever the OC disputes, the commission hears that
    if given is False:
        return _R25_DISPUTE_UNKNOWN  # inadmissible for the decision, heard for the procedure
    return _R25_BOTH_UNKNOWN


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
        facts=("filing.competent_body",),
    ),
    Rule(
        id="R25-scope",
        citations=(WKO_1_57C_1B, WKO_1_60),
        decision=DecisionKind.GCK_ACCESS,
        function=_r25_scope,
        outcomes=(Outcome.INADMISSIBLE,),
        facts=("complaint.subjects", "filing.advice_subject", "filing.dispute_about"),
    ),
    Rule(
        id="R25-subject",
        citations=(WKO_1_60_1, GCK_OC_PROCEDURE),
        decision=DecisionKind.GCK_ACCESS,
        function=_r25_subject,
        outcomes=(Outcome.UNDETERMINED,),
        source=Source.GCK,
        facts=("filing.advice_subject",),
    ),
    Rule(
        id="R25-advice",
        citations=(WKO_1_60_2, WKO_1_60_5, GCK_OC_DECISION, GCK_OC_PROCEDURE),
        decision=DecisionKind.GCK_ACCESS,
        function=_r25_advice,
        outcomes=(Outcome.INADMISSIBLE, Outcome.UNDETERMINED),
        source=Source.GCK,
        facts=("filing.dispute_about", "filing.advice_given_in_time", "filing.advice_requested"),
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
