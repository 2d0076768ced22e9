"""Precedence of the meldcode and the meldplicht over the complaint procedure: R27-R30 (A10, A11).

The decision is *cumulative*: every signal's duty stands, and the ranking only picks the headline
outcome. Highest first: ``meldplicht`` (1.51b: the provider consults the vertrouwensinspecteur
without delay), ``houder_suspect`` (1.51c), ``meldcode_route_1`` (signals at home, 1.51a),
``meldcode_route_3`` (sexual behaviour between children, a house route), ``needs_human_judgement``
(an ambiguous signal, A11), ``undetermined`` (signals not assessed), ``none``.

Whatever the outcome, R29 says whether the six-week clock keeps running (it does: the statute
suspends nothing) and the policy rule says what the house does with the rest of the complaint.
"""

from __future__ import annotations

import datetime as dt
import functools

from klachtregels.calendar import add_working_days
from klachtregels.citations import (
    MELDCODE_BESLUIT_2,
    WKO_1_51A,
    WKO_1_51A_HOUSE_ROUTES,
    WKO_1_51B_1,
    WKO_1_51B_2,
    WKO_1_51C,
    WKO_1_57B_2D,
    WKO_1_57B_2E,
)
from klachtregels.engine import DecisionSpec, Rule, RuleResult, Source
from klachtregels.model import About, SignalKind
from klachtregels.policy import AfterMeldcode
from klachtregels.rules._facts import MELDCODE_START, REGIME_START, Facts, dated, flag
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

__all__ = ["PRECEDENCE", "PRECEDENCE_RULES"]


def _kinds(f: Facts) -> frozenset[SignalKind] | None:
    return f.signal_kinds


_PRE_2013 = RuleResult.fire(Outcome.UNDETERMINED, "MELDCODE_PRE_2013")


def _pre2013(f: Facts) -> RuleResult | None:
    if not f.complaint.signals:
        return None
    return _PRE_2013


def consultation_last_day(known: dt.date, within_working_days: int) -> dt.date:
    """R28 (Wko 1.51b lid 1): the last day a consultation of the vertrouwensinspecteur counts as
    'onverwijld' after the provider learned of the signal on ``known``: the day before the next working
    day past ``within_working_days`` working days after it (so a weekend after the last allowed working
    day still counts). The law gives no number of days for 'onverwijld': ``within_working_days`` is the
    caller's setting (``CheckSettings.consult_within_working_days``), never a fact of the law. The
    compliance check and the obligations timeline both read it here."""
    return add_working_days(known, within_working_days + 1) - dt.timedelta(days=1)


_R28 = RuleResult.fire(Outcome.MELDPLICHT, "MELDCODE_R28", flags=[flag(FlagCode.MELDPLICHT_1_51B)])


#: People the complaint may concern who are not working persons under 1.51b lid 1 (nor a gastouder's
#: adult housemate, 1.56b lid 3): an offence signal 'by staff' in such a complaint names nobody 1.51b covers.
_NOT_WORKING = frozenset({About.OTHER_PARENT, About.CHILD, About.THIRD_PARTY})
_R28_SUSPECT_UNCLEAR = RuleResult.unknown(
    ["complaint.signals[].suspect"],
    "MELDCODE_R28_SUSPECT_UNCLEAR",
    outcome=Outcome.UNDETERMINED,
    flags=[flag(FlagCode.SIGNAL_SUSPECT_NOT_WORKING_PERSON)],
)


def _r28(f: Facts) -> RuleResult | None:
    """1.51b: a suspected offence by a person working there. A signal that names its suspect was
    checked against its kind when it was made (:class:`~klachtregels.model.Signal`); one that does
    not, in a complaint about someone who is not a working person, is not turned into a meldplicht."""
    kinds = _kinds(f)
    if kinds is None or SignalKind.SUSPECTED_OFFENCE_BY_STAFF not in kinds:
        return None
    if f.complaint.about not in _NOT_WORKING:
        return _R28
    signals = f.complaint.signals or ()
    staff = [s for s in signals if s.kind is SignalKind.SUSPECTED_OFFENCE_BY_STAFF]
    if any(s.suspect is not None for s in staff):
        return _R28
    return _R28_SUSPECT_UNCLEAR


_R28C = RuleResult.fire(
    Outcome.HOUDER_SUSPECT, "MELDCODE_R28_1_51C", flags=[flag(FlagCode.HOUDER_SUSPECT_1_51C)]
)


def _r28c(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER not in kinds:
        return None
    return _R28C


_ROUTE_1 = RuleResult.fire(Outcome.MELDCODE_ROUTE_1, "MELDCODE_R27_ROUTE_1", flags=[flag(FlagCode.MELDCODE)])


def _route1(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.ABUSE_AT_HOME not in kinds:
        return None
    return _ROUTE_1


_ROUTE_3 = RuleResult.fire(
    Outcome.MELDCODE_ROUTE_3, "MELDCODE_R30_ROUTE_3", flags=[flag(FlagCode.MELDCODE_ROUTE_3)]
)


def _route3(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN not in kinds:
        return None
    return _ROUTE_3


_A11 = RuleResult.fire(
    Outcome.NEEDS_HUMAN_JUDGEMENT,
    "MELDCODE_A11",
    flags=[flag(FlagCode.CONSULT_VERTROUWENSINSPECTEUR, ambiguity="A11")],
)


def _a11(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.AMBIGUOUS not in kinds:
        return None
    return _A11


_TRIAGE_NONE = RuleResult.support("MELDCODE_TRIAGE_NONE")
_TRIAGE_UNKNOWN = RuleResult.unknown(
    ["complaint.signals"], "MELDCODE_TRIAGE_UNKNOWN", outcome=Outcome.UNDETERMINED
)


def _triage(f: Facts) -> RuleResult:
    signals = f.complaint.signals
    if signals is None:
        return _TRIAGE_UNKNOWN
    if not signals:
        return _TRIAGE_NONE
    return RuleResult.support("MELDCODE_TRIAGE_FOUND", count=len(signals))


_CLOCK = flag(FlagCode.CLOCK_NOT_SUSPENDED_BY_STATUTE, ambiguity="A10")


def _r29(f: Facts) -> RuleResult:
    signals = f.complaint.signals
    last = None if f.handling is None else f.handling.date
    if signals is None:
        return _r29_says("MELDCODE_R29_UNKNOWN", last, clock_flag=True)
    if not signals:
        return _r29_says("MELDCODE_R29_NONE", last, clock_flag=False)
    return _r29_says("MELDCODE_R29_SIGNALS", last, clock_flag=True)


@functools.lru_cache(maxsize=8192)
def _r29_says(code: str, last: dt.date | None, *, clock_flag: bool) -> RuleResult:
    """R29's reason for a last day (made once per day)."""
    when = dated("MELDCODE_LAST_DAY", last) if last is not None else ""
    return RuleResult.support(code, flags=[_CLOCK] if clock_flag else [], when=when)


_REMAINING = flag(FlagCode.REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT, ambiguity="A10")
_AFTER_CLOSE = RuleResult.support(
    "MELDCODE_R29_POLICY_CLOSE",
    flags=[_REMAINING, flag(FlagCode.CLOSE_CONFLICTS_WITH_STATUTE, ambiguity="A10")],
)
_AFTER_RESUME = RuleResult.support("MELDCODE_R29_POLICY_RESUME", flags=[_REMAINING])
_AFTER_REFILE = RuleResult.support(
    "MELDCODE_R29_POLICY_REFILE",
    flags=[
        _REMAINING,
        flag(FlagCode.CLOSE_CONFLICTS_WITH_STATUTE, "FLAG_REFILE_CONFLICTS_WITH_STATUTE", ambiguity="A10"),
    ],
)
_AFTER = {AfterMeldcode.CLOSE: _AFTER_CLOSE, AfterMeldcode.REFILE: _AFTER_REFILE}


def _after_meldcode(f: Facts) -> RuleResult | None:
    if not f.complaint.signals:
        return None
    return _AFTER.get(f.policy.after_meldcode, _AFTER_RESUME)


PRECEDENCE_RULES: tuple[Rule[Facts], ...] = (
    Rule(
        id="R28-triage",
        citations=(WKO_1_51B_1,),
        decision=DecisionKind.PRECEDENCE,
        function=_triage,
        outcomes=(Outcome.UNDETERMINED,),
        valid_from=dt.date.min,
    ),
    Rule(
        id="R28-pre",
        citations=(WKO_1_51A, WKO_1_51B_1),
        decision=DecisionKind.PRECEDENCE,
        function=_pre2013,
        outcomes=(Outcome.UNDETERMINED,),
        valid_from=dt.date.min,
        valid_to=MELDCODE_START - dt.timedelta(days=1),
        ambiguities=("A20",),
    ),
    Rule(
        id="R28",
        citations=(WKO_1_51B_1, WKO_1_51B_2),
        decision=DecisionKind.PRECEDENCE,
        function=_r28,
        outcomes=(Outcome.MELDPLICHT, Outcome.UNDETERMINED),
        valid_from=MELDCODE_START,
        facts=("complaint.signals", "complaint.signals[].suspect", "complaint.about"),
    ),
    Rule(
        id="R28-1.51c",
        citations=(WKO_1_51C,),
        decision=DecisionKind.PRECEDENCE,
        function=_r28c,
        outcomes=(Outcome.HOUDER_SUSPECT,),
        valid_from=MELDCODE_START,
    ),
    Rule(
        id="R27",
        citations=(WKO_1_51A, MELDCODE_BESLUIT_2),
        decision=DecisionKind.PRECEDENCE,
        function=_route1,
        outcomes=(Outcome.MELDCODE_ROUTE_1,),
        valid_from=MELDCODE_START,
    ),
    Rule(
        id="R30",
        citations=(WKO_1_51A_HOUSE_ROUTES,),
        decision=DecisionKind.PRECEDENCE,
        function=_route3,
        outcomes=(Outcome.MELDCODE_ROUTE_3,),
        valid_from=MELDCODE_START,
        source=Source.PRACTICE,
    ),
    Rule(
        id="R28-A11",
        citations=(WKO_1_51B_1,),
        decision=DecisionKind.PRECEDENCE,
        function=_a11,
        outcomes=(Outcome.NEEDS_HUMAN_JUDGEMENT,),
        valid_from=MELDCODE_START,
        ambiguities=("A11",),
    ),
    Rule(
        id="R29",
        citations=(WKO_1_51B_1, WKO_1_57B_2D),
        decision=DecisionKind.PRECEDENCE,
        function=_r29,
        valid_from=REGIME_START,
        ambiguities=("A10",),
    ),
    Rule(
        id="R29-policy",
        citations=(WKO_1_57B_2D, WKO_1_57B_2E),
        decision=DecisionKind.PRECEDENCE,
        function=_after_meldcode,
        valid_from=REGIME_START,
        source=Source.POLICY,
        ambiguities=("A10",),
    ),
)

PRECEDENCE: DecisionSpec[Facts] = DecisionSpec(
    name=DecisionKind.PRECEDENCE,
    rules=PRECEDENCE_RULES,
    levels=(
        frozenset({Outcome.MELDPLICHT}),
        frozenset({Outcome.HOUDER_SUSPECT}),
        frozenset({Outcome.MELDCODE_ROUTE_1}),
        frozenset({Outcome.MELDCODE_ROUTE_3}),
        frozenset({Outcome.NEEDS_HUMAN_JUDGEMENT}),
        frozenset({Outcome.UNDETERMINED}),
        frozenset({Outcome.NONE}),
    ),
    default=Outcome.NONE,
    cumulative=True,
)
