"""Access to the Geschillencommissie Kinderopvang (GCK): R20-R26 (A1, A6, A12, A13, A15).

Two routes, two specs:

* A parent's dispute (:data:`GCK_ACCESS`). Highest first: ``redirect`` (R24: not for the GCK),
  ``inadmissible`` (not first filed with the provider, R20), ``undetermined`` (unknown facts, an
  A12 indicator while the internal route is unfinished, the A1 gap, A13 mediation that started
  within the twelve months), ``needs_human_judgement`` (A6: a handling extension may be a waiver),
  ``late_if_invoked`` (after 12 months while it is unknown whether the provider invokes the term
  and whether the delay is excusable, R21), ``direct_access`` (no timely judgement, R20 i),
  ``premature``, ``admissible`` (the default). R21 follows the commission's practice: the term is
  applied only when the provider invokes it, and not when the parent is not to blame for the delay;
  when both are known, a late filing is definitely ``inadmissible`` or ``admissible``. Cumulative: a
  late filing still shows that the parent had direct access.
* The oudercommissie's dispute about art. 1.60 (:data:`GCK_OC_ACCESS`, R25): directly, without an
  internal procedure; ``inadmissible`` when the filer is not the competent body or (for that part)
  when no advice was given in time. Its rules live in :mod:`klachtregels.rules.oudercommissie` (the
  oudercommissie's own part of the law); the names stay importable from here.

The GCK reglement was not retrieved (regulation.md section 11): rules resting on it carry
``Source.GCK``. The exclusion of personal-injury damages is confirmed in the commission's own
rulings (2022); only the pure non-payment exclusion still flags ``VERIFY_REGLEMENT``. R26 (the
Klachtenloket is optional) rests on the Klachtenloket's own published information.
"""

from __future__ import annotations

import datetime as dt
import functools

from klachtregels.citations import (
    GCK_12M,
    GCK_DIRECT,
    GCK_EXCLUSIONS,
    GCK_FIRST,
    GCK_PERSONAL_INJURY,
    GCK_PROVIDER_DISPUTE,
    KLACHTENLOKET_OPTIONAL,
    WKO_1_57B_2D,
    WKO_1_57C_1A,
)
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult, Source
from klachtregels.messages import Message
from klachtregels.model import Channel, GckFiling, PartyRole, SignalKind
from klachtregels.policy import TwelveMonthStart
from klachtregels.rules._facts import Facts, dated, flag, handled_not_before, handled_on
from klachtregels.rules.handling import (
    atw_dependent,
    direct_access_opens,
    judgement_day_unknown,
    latest_last_day,
    provisional_flag,
)
from klachtregels.rules.oudercommissie import GCK_OC_ACCESS, GCK_OC_ACCESS_RULES
from klachtregels.rules.scope import outside_statute, r1_gate
from klachtregels.terms import Deadline, gck_filing_limit
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

__all__ = [
    "GCK_ACCESS",
    "GCK_ACCESS_RULES",
    "GCK_OC_ACCESS",
    "GCK_OC_ACCESS_RULES",
    "direct_access_opens",  # defined in rules.handling, with the term it follows; kept importable here
    "first_filed",
    "twelve_month_start",
]


def first_filed(f: Facts) -> bool | None:
    """Whether the complaint was first filed with the provider (R20): given, or derived from the dates."""
    if f.filed_with_provider is not None:
        return f.filed_with_provider
    received = f.received
    if received is None or f.filed_on is None:
        return None
    return received <= f.filed_on


def twelve_month_start(f: Facts) -> tuple[dt.date | None, str]:
    """The day the twelve months of R21 start (A13 ``twelve_month_start``) and the fact path needed.

    Under ``first_written`` (the default) a complaint that was not made in writing, as R5 reads it
    under the policy (:func:`~.scope.in_writing`: oral, or an e-mail, web form or app message the
    policy does not count as written, A9), starts no twelve months, as it starts no six weeks (R20).
    A channel not known is taken as written here (the commission hears disputes whose form is not
    recorded; the handling decision names the unknown channel)."""
    received = f.received
    oral_day = f.complaint.oral_first_date
    first_any = f.policy.twelve_month_start is TwelveMonthStart.FIRST_ANY
    if first_any and oral_day is not None and (received is None or oral_day < received):
        return oral_day, "complaint.oral_first_on"
    if f.policy.twelve_month_start is TwelveMonthStart.FIRST_WRITTEN and (
        f.complaint.channel is Channel.ORAL or f.written is False
    ):
        return None, "complaint.channel"
    return received, "complaint.received_on"


_JUDGE_IS_SUBJECT = flag(FlagCode.JUDGE_IS_SUBJECT, ambiguity="A12")
_HOUDER_IS_SUSPECT = flag(FlagCode.HOUDER_IS_SUSPECT, ambiguity="A12")
_NO_REGULATION = flag(FlagCode.NO_REGULATION, ambiguity="A12")
_SAFETY_URGENCY = flag(FlagCode.SAFETY_URGENCY, ambiguity="A12")


def _a12_flags(f: Facts) -> list[Flag]:
    out = []
    if f.complaint.judge_is_subject:
        out.append(_JUDGE_IS_SUBJECT)
    signals = f.complaint.signals or ()
    if any(s.kind is SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER for s in signals):
        out.append(_HOUDER_IS_SUSPECT)
    if f.provider is not None and f.provider.has_regulation is False:
        out.append(_NO_REGULATION)
    if f.filing is not None and f.filing.safety_urgency:
        out.append(_SAFETY_URGENCY)
    return out


def _filed(f: Facts) -> dt.date:
    assert f.filed_on is not None  # decisions.py always resolves it
    return f.filed_on


# --- R24 ------------------------------------------------------------------------------------------


_VERIFY = flag(FlagCode.VERIFY_REGLEMENT, ambiguity="A15")
_R24_GASTOUDER = RuleResult.fire(
    Outcome.REDIRECT, "GCK_R24_GASTOUDER", flags=[flag(FlagCode.REDIRECT_GASTOUDERBUREAU)]
)
# Personal-injury damages: excluded by the reglement, as the commission itself applied it (GCK 2022,
# refs 175806/185000 and 170660/175948), so no VERIFY_REGLEMENT here.
_R24_INJURY = RuleResult.fire(
    Outcome.REDIRECT, "GCK_R24_PERSONAL_INJURY", flags=[flag(FlagCode.REDIRECT_COURT, ambiguity="A15")]
)
_R24_NON_PAYMENT = RuleResult.fire(Outcome.REDIRECT, "GCK_R24_NON_PAYMENT", flags=[_VERIFY])


def _r24(f: Facts) -> RuleResult | None:
    filing = f.filing
    if filing is None:
        return None
    if filing.against_gastouder_personally:
        return _R24_GASTOUDER
    if filing.claims_personal_injury:
        return _R24_INJURY
    if filing.non_payment_only:
        return _R24_NON_PAYMENT
    return None


# --- R11 (a) ----------------------------------------------------------------------------------------


def _r11(f: Facts) -> RuleResult | None:
    """R11 (a): the commission hears a dispute between a parent and the provider about the subjects of
    R4. Who counts as a parent (R3) and which subjects are in (R4) are decided by those rules alone
    (:mod:`klachtregels.rules.scope`); here their answer is read. Only a definite "not eligible" keeps
    the dispute from the commission (a staff member, an anonymous writer, the oudercommissie as a
    complainant, a subject outside the statute such as its advisory right, which has its own route,
    R25); an unknown or open role or subject is left to the access rules below, as before.

    When the eligibility decision is already made (``assess``), its outcome answers first: R3 and R4
    are among its rules, and a definite "not eligible" from either ranks above every outcome but R1's,
    so any other outcome means neither bars the dispute (no need to run them again)."""
    decided = f.eligibility
    if decided is not None and decided not in _MAY_BAR:
        return None
    bar = outside_statute(f)
    return None if bar is None else _r11_outside(bar)


#: The eligibility outcomes under which R3 or R4 may have said "not eligible".
_MAY_BAR = frozenset({Outcome.NOT_ELIGIBLE, Outcome.OUT_OF_TEMPORAL_SCOPE})


def _r11_outside(scope: RuleResult) -> RuleResult:
    """The dispute outside R11 (a), for the reason (and with the flags) the scope rule gave."""
    return RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R11_OUTSIDE", flags=scope.flags, why=scope.message)


# --- R23 ------------------------------------------------------------------------------------------

_R23_PROVIDER = RuleResult.fire(
    Outcome.NEEDS_HUMAN_JUDGEMENT, "GCK_R23_PROVIDER_FILED", flags=[flag(FlagCode.PROVIDER_FILED_DISPUTE)]
)


def _r23(f: Facts) -> RuleResult | None:
    """R23: a dispute the provider starts goes to the commission only with the parent's consent (the
    parent has five weeks to answer; after that the provider may go to the ordinary court). Whether
    the parent agreed is not a recorded fact: a person must judge it. The parent's route (R20, R21)
    does not apply to the provider's dispute, so those rules are set aside."""
    filing = f.filing
    if filing is None or filing.filed_by is not PartyRole.PROVIDER:
        return None
    return _R23_PROVIDER


# --- R20 ------------------------------------------------------------------------------------------


_R20_UNKNOWN = RuleResult.unknown(["complaint.received_on"], "GCK_R20_UNKNOWN", outcome=Outcome.UNDETERMINED)
_R20_NOT_FIRST = RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R20_NOT_FIRST")
_R20_ORAL = RuleResult.fire(
    Outcome.UNDETERMINED, "GCK_R20_ORAL_ONLY", flags=[flag(FlagCode.ORAL_ONLY, ambiguity="A13")]
)
_R20_NOT_WRITTEN = RuleResult.fire(
    Outcome.UNDETERMINED,
    "GCK_R20_NOT_WRITTEN",
    flags=[flag(FlagCode.INVITE_WRITTEN_COMPLAINT, "FLAG_INVITE_WRITTEN_COMPLAINT_GCK", ambiguity="A9")],
)
_R20_APP_OPEN = RuleResult.fire(
    Outcome.NEEDS_HUMAN_JUDGEMENT,
    "GCK_R20_APP_OPEN",
    flags=[flag(FlagCode.APP_MESSAGE_WRITTEN, ambiguity="A9")],
)
_R20_FIRST_UNDATED = RuleResult.support("GCK_R20_FIRST", when="")


def _r20(f: Facts) -> RuleResult:
    first = first_filed(f)
    if first is None:
        return _R20_UNKNOWN
    if not first:
        return _R20_NOT_FIRST
    unwritten = _r20_not_written(f)
    if unwritten is not None:
        return unwritten
    received = f.received
    assert received is not None or f.filed_with_provider
    if received is None:
        return _R20_FIRST_UNDATED
    return _r20_first_on(received)


def _r20_not_written(f: Facts) -> RuleResult | None:
    """R20 for a complaint the policy does not (or not yet) count as written (R5, read by
    :func:`~.scope.in_writing`), or ``None``. Its six-week term has not started, so R20 (i) has no term
    to measure, and whether such a complaint counts as 'first with the provider' is not settled (the
    reglement's wording is unverified, regulation.md section 11): orally (R5, A13), or in a form the
    policy does not count as writing (A9). An app message under a policy that leaves A9 open is for a
    person to weigh, as R5 says. A complaint whose channel is not recorded is taken as the written
    complaint it usually is (the commission's rulings hear such disputes, tests/rulings)."""
    channel = f.complaint.channel
    if channel is None:
        return None
    if channel is Channel.ORAL:
        return _R20_ORAL
    written = f.written  # R5's answer (scope.in_writing), derived once per facts
    if written:
        return None
    return _R20_NOT_WRITTEN if written is False else _R20_APP_OPEN


@functools.lru_cache(maxsize=8192)
def _r20_first_on(received: dt.date) -> RuleResult:
    return RuleResult.support("GCK_R20_FIRST", when=dated("GCK_ON_DAY", received))


def _r20_i(f: Facts) -> RuleResult | None:
    if first_filed(f) is not True or _r20_not_written(f) is not None:
        return None  # R5: no six-week term ran, see _r20_not_written
    deadline = f.handling
    if deadline is None:
        return _R20_I_NO_RECEIPT
    result = _r20_i_against(f, deadline)
    if deadline.provisional and result is not None:
        # A2: the answer rests on a deadline whose equated days are not verified: marked, as the
        # handling decision marks it (a decree could still move the last day).
        return result._replace(flags=(*result.flags, provisional_flag(deadline)))
    return result


def _r20_i_against(f: Facts, deadline: Deadline) -> RuleResult | None:
    """R20 (i) against the handling ``deadline`` (premature, the A1 gap, direct access, or in time)."""
    filed = _filed(f)
    cal, atw = deadline.calendar_date, deadline.atw_date
    done, path = handled_on(f)
    if f.judgement is not None and done is None:
        after = handled_not_before(f)  # A5: the sending day, when the receipt counts and is unknown
        if after is None or after <= filed:
            if after is not None and after > latest_last_day(deadline) and not f.complaint.extension_agreed:
                # Sent late, before the filing: judged late before it or not judged by then, the
                # parent had direct access either way (with an agreed extension the two differ, A6).
                return _direct_late_receipt_unknown(deadline.date, after)
            return judgement_day_unknown(path, "GCK_R20_I_JUDGEMENT_DATE_UNKNOWN")
        # Sent after the filing: not received before it; as without a judgement (below).
    judged_before_filing = done is not None and done <= filed
    if judged_before_filing and done is not None:
        if deadline.atw_undetermined and cal < done <= atw:
            # A1 left open: judged in time only if the regulation applies the ATW. Either way the
            # internal procedure is complete, so the dispute is admissible; the reason says so.
            return RuleResult.support(
                "GCK_R20_I_JUDGED_IN_ATW_GAP",
                flags=atw_dependent(f, done),  # the handling decision's A1 flag for that day
                done=done,
                calendar_date=cal,
                atw_date=atw,
            )
        if done <= deadline.date:
            return RuleResult.support("GCK_R20_I_JUDGED_IN_TIME", done=done, last=deadline.date)
        return _direct(f, deadline.date, late_on=done)
    # No judgement before the filing.
    if filed <= cal:
        return RuleResult.fire(Outcome.PREMATURE, "GCK_R20_I_PREMATURE", filed=filed, last=deadline.date)
    # A1: the gap between calendar and ATW date exists only while the policy relies on the ATW (or
    # leaves it open); under atw_mode 'never' the term ends on the calendar date for access too.
    if filed <= atw and deadline.date != cal:
        return RuleResult.fire(
            Outcome.UNDETERMINED,
            "GCK_R20_I_ATW_GAP",
            flags=[_ATW_GAP],
            filed=filed,
            calendar_date=cal,
            atw_date=atw,
        )
    return _direct(f, deadline.date, late_on=None)


_R20_I_NO_RECEIPT = RuleResult.unknown(
    ["complaint.received_on"], "GCK_R20_I_NO_RECEIPT", outcome=Outcome.UNDETERMINED
)
_ATW_GAP = flag(FlagCode.ATW_GAP, ambiguity="A1")
_EXTENSION = flag(FlagCode.EXTENSION_NOT_STATUTORY, "FLAG_EXTENSION_NOT_STATUTORY_GCK", ambiguity="A6")


def _direct(f: Facts, last: dt.date, *, late_on: dt.date | None) -> RuleResult:
    params: dict[str, object]
    if late_on is None:
        code, params = "GCK_DIRECT_NO_JUDGEMENT", {"last": last}
    else:
        code = "GCK_DIRECT_LATE_JUDGEMENT"
        params = {"done": late_on, "last": last, "direct_from": direct_access_opens(last)}
    # A6: whether an agreed extension waived direct access matters only while no judgement came before
    # the filing; after a (late) judgement the internal procedure is complete either way.
    if f.complaint.extension_agreed and late_on is None:
        return RuleResult.fire(
            Outcome.NEEDS_HUMAN_JUDGEMENT,
            "GCK_DIRECT_EXTENDED",
            flags=[_EXTENSION],
            why=Message(code, params),
        )
    return RuleResult(Outcome.DIRECT_ACCESS, code, params)


def _direct_late_receipt_unknown(last: dt.date, sent: dt.date) -> RuleResult:
    """R20 (i) for a judgement sent after the last day whose receipt day (which counts, A5) is unknown."""
    params = {"sent": sent, "last": last, "direct_from": direct_access_opens(last)}
    return RuleResult(Outcome.DIRECT_ACCESS, "GCK_DIRECT_LATE_JUDGEMENT_RECEIPT_UNKNOWN", params)


def _r20_ii(f: Facts) -> RuleResult | None:
    flags = _a12_flags(f)
    if not flags:
        return None
    first = first_filed(f)
    deadline = f.handling
    done, _path = handled_on(f)
    filed = _filed(f)
    completed = (
        first is True
        and deadline is not None
        and ((done is not None and done <= filed) or filed > deadline.date)
    )
    if completed:
        return RuleResult.support("GCK_R20_II_COMPLETED", flags=flags)
    return RuleResult.fire(Outcome.UNDETERMINED, "GCK_R20_II_OPEN", flags=flags)


# --- R21 ------------------------------------------------------------------------------------------


def _r21(f: Facts) -> RuleResult | None:
    if first_filed(f) is not True:
        return None
    start, path = twelve_month_start(f)
    if start is None:
        return RuleResult.unknown([path], "GCK_R21_START_UNKNOWN", outcome=Outcome.UNDETERMINED)
    limit = gck_filing_limit(start).date
    filed = _filed(f)
    if filed <= limit:
        return _r21_in_time(limit)
    filing = f.filing
    invoked = None if filing is None else filing.term_invoked
    excusable = None if filing is None else filing.delay_excusable
    # GCK practice (rulings 2019, 2024): the term bars the dispute only at the provider's request,
    # and not when the parent is not to blame for the delay.
    if invoked is False:
        return RuleResult.support("GCK_R21_NOT_INVOKED", last=limit)
    if excusable is True:
        return RuleResult.support("GCK_R21_EXCUSED", last=limit)
    if filing is not None and _mediation_may_suspend(filing, start, limit, filed):
        return RuleResult.fire(Outcome.UNDETERMINED, "GCK_R21_MEDIATION", flags=[_MEDIATION], last=limit)
    if invoked is True and excusable is False:
        return RuleResult.fire(Outcome.INADMISSIBLE, "GCK_R21_INADMISSIBLE", last=limit)
    unknown = [
        name
        for name, value in (("filing.term_invoked", invoked), ("filing.delay_excusable", excusable))
        if value is None
    ]
    return RuleResult.unknown(
        unknown, "GCK_R21_LATE", outcome=Outcome.LATE_IF_INVOKED, flags=[_LATE], last=limit
    )


def _mediation_may_suspend(filing: GckFiling, start: dt.date, limit: dt.date, filed: dt.date) -> bool:
    """A13: whether Klachtenloket mediation could, if it suspends the term, make the filing timely.

    Only mediation while the twelve months run could suspend them: mediation that starts after the
    last day cannot suspend a term that has already run out, and mediation that ended before the term
    began (``start``) suspends nothing; of mediation that began earlier, only the days from ``start``
    count. Otherwise the filing is timely if the mediation days are added (counted in Amsterdam days,
    both ends included: a suspended term resumes when mediation ends), and whether they are is not
    established.
    """
    from_day = filing.mediation_from_date
    if from_day is None or from_day > limit:
        return False
    until = filing.mediation_until_date
    if until is None:
        return True  # still running, or its end unknown: it may cover any part of the term
    if until < start:
        return False
    days = (until - max(from_day, start)).days + 1
    return filed <= limit + dt.timedelta(days=days)


@functools.lru_cache(maxsize=8192)
def _r21_in_time(limit: dt.date) -> RuleResult:
    return RuleResult.support("GCK_R21_IN_TIME", last=limit)


_MEDIATION = flag(FlagCode.MEDIATION_SUSPENSION_UNKNOWN, ambiguity="A13")
_LATE = flag(FlagCode.LATE_IF_INVOKED, ambiguity="A13")
_R26 = RuleResult.support("GCK_R26")


def _r26(f: Facts) -> RuleResult:
    return _R26


GCK_ACCESS_RULES: tuple[Rule[Facts], ...] = (
    r1_gate(DecisionKind.GCK_ACCESS),
    Rule(
        id="R11",
        citations=(WKO_1_57C_1A,),
        decision=DecisionKind.GCK_ACCESS,
        function=_r11,
        outcomes=(Outcome.INADMISSIBLE,),
        facts=("complainant.role", "complainant.contract_party", "complaint.subjects"),
    ),
    Rule(
        id="R23",
        citations=(GCK_PROVIDER_DISPUTE,),
        decision=DecisionKind.GCK_ACCESS,
        function=_r23,
        outcomes=(Outcome.NEEDS_HUMAN_JUDGEMENT,),
        overrides=("R20", "R20-i", "R20-ii", "R21"),
        source=Source.GCK,
        facts=("filing.filed_by",),
    ),
    Rule(
        id="R24",
        citations=(WKO_1_57C_1A, GCK_EXCLUSIONS, GCK_PERSONAL_INJURY),
        decision=DecisionKind.GCK_ACCESS,
        function=_r24,
        outcomes=(Outcome.REDIRECT,),
        source=Source.GCK,
        ambiguities=("A15",),
    ),
    Rule(
        id="R20",
        citations=(WKO_1_57C_1A, GCK_FIRST),
        decision=DecisionKind.GCK_ACCESS,
        function=_r20,
        outcomes=(Outcome.INADMISSIBLE, Outcome.UNDETERMINED, Outcome.NEEDS_HUMAN_JUDGEMENT),
        source=Source.GCK,
        ambiguities=("A9", "A13"),
    ),
    Rule(
        id="R20-i",
        citations=(WKO_1_57B_2D, GCK_DIRECT),
        decision=DecisionKind.GCK_ACCESS,
        function=_r20_i,
        outcomes=(
            Outcome.DIRECT_ACCESS,
            Outcome.PREMATURE,
            Outcome.UNDETERMINED,
            Outcome.NEEDS_HUMAN_JUDGEMENT,
        ),
        source=Source.GCK,
        ambiguities=("A1", "A5", "A6"),
    ),
    Rule(
        id="R20-ii",
        citations=(GCK_DIRECT,),
        decision=DecisionKind.GCK_ACCESS,
        function=_r20_ii,
        outcomes=(Outcome.UNDETERMINED,),
        overrides=("R20", "R20-i"),
        source=Source.GCK,
        ambiguities=("A12",),
    ),
    Rule(
        id="R21",
        citations=(GCK_12M,),
        decision=DecisionKind.GCK_ACCESS,
        function=_r21,
        outcomes=(Outcome.INADMISSIBLE, Outcome.LATE_IF_INVOKED, Outcome.UNDETERMINED),
        source=Source.GCK,
        ambiguities=("A13",),
        facts=(
            "complaint.received_on",
            "filing.filed_on",
            "filing.term_invoked",
            "filing.delay_excusable",
            "filing.mediation_from",
            "filing.mediation_until",
        ),
    ),
    Rule(
        id="R26",
        citations=(KLACHTENLOKET_OPTIONAL,),
        decision=DecisionKind.GCK_ACCESS,
        function=_r26,
        source=Source.GCK,
    ),
)

GCK_ACCESS: DecisionSpec[Facts] = DecisionSpec(
    name=DecisionKind.GCK_ACCESS,
    rules=GCK_ACCESS_RULES,
    levels=(
        frozenset({Outcome.OUT_OF_TEMPORAL_SCOPE}),
        frozenset({Outcome.REDIRECT}),
        frozenset({Outcome.INADMISSIBLE}),
        frozenset({Outcome.UNDETERMINED}),
        frozenset({Outcome.NEEDS_HUMAN_JUDGEMENT}),
        frozenset({Outcome.LATE_IF_INVOKED}),
        frozenset({Outcome.DIRECT_ACCESS}),
        frozenset({Outcome.PREMATURE}),
        frozenset({Outcome.ADMISSIBLE}),
    ),
    default=Outcome.ADMISSIBLE,
    cumulative=True,
)
