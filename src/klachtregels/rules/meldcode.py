"""Precedence of the meldcode and the meldplicht over the complaint procedure: R27-R30 (A10, A11).

The decision is *cumulative*: every signal's duty stands, and the ranking only picks the headline
outcome. Highest first: ``meldplicht`` (1.51b: the provider consults the vertrouwensinspecteur
without delay), ``houder_suspect`` (1.51c), ``meldcode_route_1`` (signals at home, 1.51a),
``meldcode_route_3`` (sexual behaviour between children, a house route), ``needs_human_judgement``
(an ambiguous signal, A11), ``undetermined`` (signals not assessed), ``none``.

Whatever the outcome, R29 says whether the six-week clock keeps running (it does: the statute
suspends nothing) and the policy rule says what the house does with the rest of the complaint.

Dating (A20): the duties arise when the provider learns of a signal (R28, R29), not when a complaint
arrives, so the decision is evaluated with the rules in force on :func:`precedence_event_day`: the day
the provider learned of its first signal (a signal without ``known_on`` counts from the receipt day).
R29 and its policy rule, which speak of the complaint's six-week term, also need the complaint to be
under it (received from 2016-01-01, R1).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from klachtregels.calendar import add_working_days, unverified_years
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
from klachtregels.rules._facts import MELDCODE_START, Facts, dated, flag
from klachtregels.rules.scope import r1_in_scope
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

if TYPE_CHECKING:
    from klachtregels.model import Complaint, Signal

__all__ = ["PRECEDENCE", "PRECEDENCE_RULES"]


def _kinds(f: Facts) -> frozenset[SignalKind] | None:
    return f.signal_kinds


def _signal_day(signal: Signal, fallback: dt.date | None) -> dt.date | None:
    """The day the provider learned of ``signal``: its ``known_on``, else ``fallback``."""
    known = signal.known_date
    return fallback if known is None else known


def precedence_event_day(complaint: Complaint) -> dt.date | None:
    """A20, R28/R29: the day whose rules the precedence decision applies (its event date).

    The duties of 1.51a-1.51c arise when the provider learns of a signal, "in any way", inside a
    complaint or not: so the day is the one the provider learned of the **first** of the complaint's
    signals (the earliest ``known_on``). A signal without ``known_on`` counts from the day the
    complaint was received (it came with the complaint, as far as is known). Without signals, or
    without any of these days, it is the receipt day, and ``None`` when that is unknown too (the
    engine then takes ``as_of``).

    One day for the whole decision, as for every decision: the rules in force when the first signal
    became known. Signals on both sides of 2013-07-01 are therefore weighed under the rules before it
    (``undetermined``, reason ``MELDCODE_PRE_2013_LATER``: a person weighs the later signals): the
    decision never claims a duty under a law not yet in force when a signal became known, and never
    answers ``none`` for a signal that may have started one. (R29 and its policy rule speak of the
    complaint's six-week term: they also read the complaint's own day, see :func:`_complaint_regime`.)
    """
    received = complaint.received_date
    signals = complaint.signals
    if not signals:
        return received
    first: dt.date | None = None
    for signal in signals:
        day = _signal_day(signal, received)
        if day is not None and (first is None or day < first):
            first = day
    return first


_PRE_2013 = RuleResult.fire(Outcome.UNDETERMINED, "MELDCODE_PRE_2013")
_PRE_2013_LATER = RuleResult.fire(Outcome.UNDETERMINED, "MELDCODE_PRE_2013_LATER")


def _pre2013(f: Facts) -> RuleResult | None:
    """Before 1.51a-1.51c: not modelled. When a later signal became known once they were in force
    (the signals straddle :data:`MELDCODE_START`), the reason says so: that signal may have started a
    duty, and a person weighs it."""
    signals = f.complaint.signals
    if not signals:
        return None
    received = f.received
    if any((day := _signal_day(s, received)) is not None and day >= MELDCODE_START for s in signals):
        return _PRE_2013_LATER
    return _PRE_2013


def meldplicht_signal(signals: tuple[Signal, ...] | None) -> Signal | None:
    """The signal whose ``known_on`` starts the 1.51b consultation term ('onverwijld'): the first
    signal of a possible offence by a working person (the one the compliance check reads)."""
    return next((s for s in signals or () if s.kind is SignalKind.SUSPECTED_OFFENCE_BY_STAFF), None)


def consultation_last_day(known: dt.date, within_working_days: int) -> dt.date:
    """R28 (Wko 1.51b lid 1): the last day a consultation of the vertrouwensinspecteur counts as
    'onverwijld' after the provider learned of the signal on ``known``: the day before the next working
    day past ``within_working_days`` working days after it (so a weekend after the last allowed working
    day still counts). The law gives no number of days for 'onverwijld': ``within_working_days`` is the
    caller's setting (``CheckSettings.consult_within_working_days``), never a fact of the law. The
    compliance check and the obligations timeline both read it here.

    A last day past 31 December 9999 (a signal dated at the calendar's end, or a setting of millions
    of days) is given as that day: every day a date holds is within the term."""
    try:
        return add_working_days(known, within_working_days + 1) - dt.timedelta(days=1)
    except OverflowError:
        return dt.date.max


def consultation_unverified_years(known: dt.date, within_working_days: int) -> tuple[int, ...]:
    """The years whose ATW calendar is not verified (A2: equated days by decree not in the data, or a
    reconstructed holiday list) that :func:`consultation_last_day` counted through: from the signal's
    day to the working day after the last day. Empty: the last day is certain. Otherwise it is
    provisional: a decree not yet in the data can only add a non-working day, so the last day can only
    move later, never earlier."""
    last = consultation_last_day(known, within_working_days)
    end = last.year if last == dt.date.max else (last + dt.timedelta(days=1)).year
    return unverified_years(range(known.year, end + 1))


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


def _complaint_regime(f: Facts) -> bool:
    """Whether the complaint falls under the six-week term of 1.57b: R1's own answer (received from
    2016-01-01, or not certainly before it when the receipt day is unknown). R29 and its policy rule
    speak of that term: they are dated by the complaint, while the decision is dated by the signal
    (:func:`precedence_event_day`), so they ask R1 here."""
    return r1_in_scope(f)


def _r29(f: Facts) -> RuleResult | None:
    if not _complaint_regime(f):
        return None
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
    if not f.complaint.signals or not _complaint_regime(f):
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
        # Dated by the complaint, not by the decision's event day (the first signal's, which may lie
        # before 2013-07-01): _complaint_regime (R1) is its only gate.
        valid_from=dt.date.min,
        facts=("complaint.signals", "complaint.received_on"),
        ambiguities=("A10",),
    ),
    Rule(
        id="R29-policy",
        citations=(WKO_1_57B_2D, WKO_1_57B_2E),
        decision=DecisionKind.PRECEDENCE,
        function=_after_meldcode,
        valid_from=dt.date.min,  # as R29: dated by the complaint (_complaint_regime)
        facts=("complaint.signals", "complaint.received_on"),
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
