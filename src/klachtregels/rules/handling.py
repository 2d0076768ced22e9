"""Handling the complaint: the six-week term and the status on a day (R6, R12; A1, A2, A5, A6, A17).

Outcomes (one status, ranked only to choose between the clock and unknown facts):
``not_applicable`` (not a 1.57b complaint), ``undetermined``, ``not_started`` (not yet in
writing), ``open_overdue``, ``judged_late``, ``open_due_soon``, ``open_on_track``,
``judged_in_time``. House terms (first contact, acknowledgement, a submission window) are the
organisation's own: exceeding one gives ``HOUSE_TERM_EXCEEDED`` and never changes the status or
Geschillencommissie access (A17).
"""

from __future__ import annotations

import datetime as dt
import functools
from types import MappingProxyType
from typing import TYPE_CHECKING

from klachtregels._identity import per_object
from klachtregels.citations import (
    ATW_1_1,
    ATW_1_1_NOT_PRIVATE,
    ATW_3_3,
    WKO_1_57B_2A,
    WKO_1_57B_2D,
    WKO_1_57B_2E,
    WKO_1_57B_2F,
    WKO_1_57B_3_HOUSE_TERMS,
)
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult, Source
from klachtregels.messages import Message
from klachtregels.policy import require_applicable
from klachtregels.rules._facts import Facts, dated, flag, handled_not_before, handled_on, memo_flag
from klachtregels.terms import HANDLING_TERM, Term, deadline
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, DecisionKind, FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from klachtregels.model import Complaint
    from klachtregels.policy import Policy
    from klachtregels.terms import Deadline

__all__ = [
    "HANDLING",
    "HANDLING_RULES",
    "atw_dependent",
    "direct_access_opens",
    "house_deadlines",
    "house_term_states",
    "judgement_day_unknown",
    "latest_last_day",
    "provisional_flag",
]

_ELIGIBLE = ELIGIBLE_OUTCOMES


def house_deadlines(complaint: Complaint, policy: Policy) -> dict[str, Deadline]:
    """The policy's house terms: ``house_handling`` (only when shorter than the statute's six weeks),
    ``first_contact``, ``acknowledgement``, ``submission_window``.

    Private terms: the ATW applies only by analogy when ``policy.private_term_atw`` (A17). A house
    handling term binds the provider through its own regulation (art. 1.57b lid 3); the statutory
    six weeks still decide Geschillencommissie access (R20).
    """
    return dict(_house_plan(policy).deadlines(complaint.received_on, complaint.arose_on))


class _HousePlan:
    """A policy's house terms, looked at once per policy; their deadlines made once per pair of start
    days (a register repeats its days, and a policy is immutable: the answer cannot change)."""

    __slots__ = ("memo", "none", "policy")

    def __init__(self, policy: Policy) -> None:
        require_applicable(policy)  # once per policy: its terms are about to be counted
        self.policy = policy
        # The usual case: no house terms at all (answered without looking at the complaint).
        self.none = (
            policy.first_contact_term is None
            and policy.acknowledgement_term is None
            and policy.submission_window is None
            and _statutory_handling_term(policy.handling_term)
        )
        self.memo: dict[tuple[object, object], Mapping[str, Deadline]] = {}

    def deadlines(
        self, received: dt.date | dt.datetime | None, arose: dt.date | dt.datetime | None
    ) -> Mapping[str, Deadline]:
        """The house terms counted from ``received`` (and the submission window from ``arose``)."""
        if self.none:
            return _NO_HOUSE_TERMS
        key = (received, arose)
        out = self.memo.get(key)
        if out is None:
            out = _house_terms(self.policy, received, arose)
            if len(self.memo) < _MEMO_MAX:
                self.memo[key] = out
        return out


_NO_HOUSE_TERMS: Mapping[str, Deadline] = MappingProxyType({})
#: At most this many pairs of start days per policy are remembered (a register spans a few thousand
#: days; beyond the bound the terms are computed each time, so memory stays bounded).
_MEMO_MAX = 8192
#: The plan of a policy, made once per policy object (by identity, at most 64 policies kept).
_house_plan: Callable[[Policy], _HousePlan] = per_object(_HousePlan, keep=64)


def _house_terms(
    policy: Policy, received: dt.date | dt.datetime | None, arose: dt.date | dt.datetime | None
) -> Mapping[str, Deadline]:
    """The house terms of ``policy`` from these start days (read-only: the plan shares it)."""
    out: dict[str, Deadline] = {}
    statutory, eq = policy.private_term_atw, policy.include_equated_days
    if received is not None:
        if not _statutory_handling_term(policy.handling_term):
            house = deadline(received, policy.handling_term, statutory=statutory, include_equated_days=eq)
            # Only a shorter term adds anything: a longer one is laxer than the law (policy lint, R6).
            if house.date < deadline(received, HANDLING_TERM, statutory=False).date:
                out["house_handling"] = house
        if policy.first_contact_term is not None:
            out["first_contact"] = deadline(
                received, policy.first_contact_term, statutory=statutory, include_equated_days=eq
            )
        if policy.acknowledgement_term is not None:
            out["acknowledgement"] = deadline(
                received, policy.acknowledgement_term, statutory=statutory, include_equated_days=eq
            )
    if arose is not None and policy.submission_window is not None:
        out["submission_window"] = deadline(
            arose, policy.submission_window, statutory=statutory, include_equated_days=eq
        )
    return MappingProxyType(out)


def house_term_states(f: Facts) -> Mapping[str, tuple[Deadline, Outcome]]:
    """Each house term of the policy with its state on ``f.as_of`` (R7, R17; A17).

    ``met`` (done by the last day), ``not_met`` (done after it), ``pending`` (nothing recorded, the
    term still runs) or ``undetermined`` (nothing recorded and the term has run out: missing is not
    'late'). The one answer for the handling decision's reasons and the compliance checks (read it
    as ``f.house_states``: derived once per set of facts).
    """
    terms = f.house_terms
    if not terms:
        return {}
    done_map = {
        "house_handling": f.handled[0],
        "first_contact": f.complaint.first_contact_date,
        "acknowledgement": f.complaint.acknowledged_date,
        "submission_window": f.received,
    }
    out: dict[str, tuple[Deadline, Outcome]] = {}
    for key, d in terms.items():
        done = done_map[key]
        if done is not None and done > f.as_of:
            # Done after the peildatum, as R12 reads a judgement sent after it: not yet done on
            # ``as_of``, so still running, or not met once the last day has passed by then.
            out[key] = (d, Outcome.PENDING if f.as_of <= d.date else Outcome.NOT_MET)
        elif done is not None:
            out[key] = (d, Outcome.MET if done <= d.date else Outcome.NOT_MET)
        elif f.as_of <= d.date:
            out[key] = (d, Outcome.PENDING)
        else:
            # A5: a judgement whose receipt counts, sent after the house term's last day, is late
            # whatever its receipt day; with nothing recorded, missing is not 'late'.
            after = handled_not_before(f) if key == "house_handling" else None
            out[key] = (d, Outcome.NOT_MET if after is not None and after > d.date else Outcome.UNDETERMINED)
    return out


@functools.cache
def _statutory_handling_term(text: str) -> bool:
    """Whether a policy's handling term is the statute's six weeks (parsed once per spelling)."""
    return Term.parse(text) == HANDLING_TERM


_NOT_APPLICABLE = RuleResult.fire(Outcome.NOT_APPLICABLE, "HANDLING_NOT_APPLICABLE")
_NOT_STARTED = RuleResult.fire(Outcome.NOT_STARTED, "HANDLING_NOT_STARTED")
_STARTED = RuleResult.support("HANDLING_STARTED")


def _start(f: Facts) -> RuleResult:
    outcome = f.eligibility
    if outcome in (Outcome.OUT_OF_TEMPORAL_SCOPE, Outcome.NOT_ELIGIBLE):
        return _NOT_APPLICABLE
    if outcome == Outcome.NOT_YET:
        return _NOT_STARTED
    if outcome not in _ELIGIBLE:
        return _eligibility_open(f.eligibility_unknown)
    return _STARTED


@functools.lru_cache(maxsize=256)
def _eligibility_open(unknown: tuple[str, ...]) -> RuleResult:
    """R12-start while eligibility is open on ``unknown`` facts (made once per set of facts)."""
    return RuleResult.unknown(
        list(unknown) or ["eligibility"], "HANDLING_ELIGIBILITY_OPEN", outcome=Outcome.UNDETERMINED
    )


def atw_dependent(f: Facts, day: dt.date) -> list[Flag]:
    """A1: ``ATW_DEPENDENT`` when ``day`` falls between the handling deadline's calendar and ATW dates
    (the answer then follows the ATW setting); no flag otherwise."""
    d = f.handling
    if d is None or not (d.calendar_date < day <= d.atw_date):
        return []
    return [
        memo_flag(
            FlagCode.ATW_DEPENDENT,
            "A1",
            ("day", day),
            ("calendar_date", d.calendar_date),
            ("atw_date", d.atw_date),
        )
    ]


_NO_RECEIPT = RuleResult.unknown(
    ["complaint.received_on"], "HANDLING_NO_RECEIPT", outcome=Outcome.UNDETERMINED
)


def direct_access_opens(last: dt.date) -> dt.date:
    """R20 (i): the first day the parent may go straight to the Geschillencommissie when no judgement
    came by ``last``, the handling term's last day: the day after it. Here, with the term it follows,
    so that R12's reasons and the access rules (:mod:`.geschillencommissie`) name the same day."""
    return last + dt.timedelta(days=1)


@functools.cache
def judgement_day_unknown(path: str, code: str) -> RuleResult:
    """``undetermined`` for want of the day the judgement counts from (A5: ``path``, its sending or its
    receipt day under the policy), the reason ``code`` naming which (made once per pair)."""
    which = Message("HANDLING_COUNTS_RECEIVED" if path.endswith("received_on") else "HANDLING_COUNTS_SENT")
    return RuleResult.unknown([path], code, outcome=Outcome.UNDETERMINED, which=which)


def latest_last_day(d: Deadline) -> dt.date:
    """The handling term's last day under every reading the policy leaves open: while A1 is open
    (``atw_undetermined``) the later of the calendar and ATW dates, else the policy's own last day
    (the ATW date when it applies the ATW, the calendar date under ``atw_mode = "never"``). A day
    after it is after the last day whatever A1 turns out to be."""
    return max(d.date, d.atw_date) if d.atw_undetermined else d.date


def _late_whatever_the_receipt(f: Facts, d: Deadline, path: str) -> RuleResult | None:
    """R12 for a judgement whose counting day (``path``) is unknown: ``undetermined``, unless A5's
    bound (:func:`~._facts.handled_not_before`, the sending day when the receipt counts) settles it.

    Sent after the last day under every reading the policy leaves open (:func:`latest_last_day`) and by
    ``as_of``: judged late, whatever the receipt day. Sent after ``as_of``: not handled on ``as_of``
    (``None``: the caller gives the open status). Otherwise the receipt day decides: ``undetermined``."""
    after = handled_not_before(f)
    if after is None or (after <= f.as_of and after <= latest_last_day(d)):
        return judgement_day_unknown(path, "HANDLING_JUDGEMENT_DATE_UNKNOWN")
    if after > f.as_of:
        return None
    return RuleResult.fire(
        Outcome.JUDGED_LATE,
        "HANDLING_JUDGED_LATE_RECEIPT_UNKNOWN",
        sent=after,
        last=d.date,
        direct_from=direct_access_opens(d.date),
    )


def _status(f: Facts) -> RuleResult | None:
    if f.eligibility not in _ELIGIBLE:
        return None
    d = f.handling
    if d is None:
        return _NO_RECEIPT
    done, path = handled_on(f)
    last = d.date
    if f.judgement is not None and done is None:
        late = _late_whatever_the_receipt(f, d, path)
        if late is not None:
            return late
        # Sent after as_of (A5): not received by then either; the open statuses below.
    if done is not None and done <= f.as_of:
        flags = atw_dependent(f, done)
        if d.atw_undetermined and d.calendar_date < done <= d.atw_date:
            # A1 left open by the policy: in time only if the regulation applies the ATW.
            return RuleResult.unknown(
                ["policy.regulation_applies_atw"],
                "HANDLING_JUDGED_IN_ATW_GAP",
                outcome=Outcome.UNDETERMINED,
                flags=flags,
                done=done,
            )
        if done <= last:
            return RuleResult.fire(
                Outcome.JUDGED_IN_TIME, "HANDLING_JUDGED_IN_TIME", flags=flags, done=done, last=last
            )
        return RuleResult.fire(
            Outcome.JUDGED_LATE,
            "HANDLING_JUDGED_LATE",
            flags=flags,
            done=done,
            last=last,
            direct_from=direct_access_opens(last),
        )
    return _open(f, d)


def _open(f: Facts, d: Deadline) -> RuleResult:
    """R12 for a complaint not handled on ``as_of``: overdue, due soon or on track; ``undetermined``
    on a day between the calendar and the ATW date while the policy leaves A1 open (overdue unless
    the regulation applies the ATW), as for a judgement sent on such a day."""
    flags = atw_dependent(f, f.as_of)
    last = d.date
    if d.atw_undetermined and d.calendar_date < f.as_of <= d.atw_date:
        return RuleResult.unknown(
            ["policy.regulation_applies_atw"],
            "HANDLING_OPEN_IN_ATW_GAP",
            outcome=Outcome.UNDETERMINED,
            flags=flags,
            as_of=f.as_of,
            calendar_date=d.calendar_date,
            last=last,
        )
    if f.as_of > last:
        return RuleResult.fire(
            Outcome.OPEN_OVERDUE, "HANDLING_OPEN_OVERDUE", flags=flags, as_of=f.as_of, last=last
        )
    left = (last - f.as_of).days
    if left <= f.due_soon_days:
        return RuleResult.fire(
            Outcome.OPEN_DUE_SOON, "HANDLING_OPEN_DUE_SOON", flags=flags, left=left, last=last
        )
    return RuleResult.fire(Outcome.OPEN_ON_TRACK, "HANDLING_OPEN_ON_TRACK", flags=flags, left=left, last=last)


def _form(f: Facts) -> RuleResult | None:
    j = f.judgement
    if j is None or f.eligibility not in _ELIGIBLE or not j.given_on(f.as_of):
        return None  # no judgement given (yet, on as_of): no form and no measures to judge
    flags = []
    if j.written is False:
        flags.append(_NOT_WRITTEN)
    if j.reasoned is False:
        flags.append(_NOT_REASONED)
    measures = j.measures or ()
    if any(m.concrete_term is False for m in measures):
        flags.append(_NO_CONCRETE_TERM)
    if j.partial:
        flags.append(_PARTIAL)
    missing = [_FORM_FIELDS[n] for n, v in (("written", j.written), ("reasoned", j.reasoned)) if v is None]
    if not missing and not flags:
        return _FORM_COMPLETE
    not_given = Message("HANDLING_FORM_NOT_GIVEN", {"fields": missing}) if missing else ""
    return RuleResult.support("HANDLING_FORM", flags=flags, not_given=not_given)


_NOT_WRITTEN = flag(FlagCode.JUDGEMENT_NOT_WRITTEN)
_NOT_REASONED = flag(FlagCode.JUDGEMENT_NOT_REASONED)
_NO_CONCRETE_TERM = flag(FlagCode.NON_COMPLIANT_1_57B_2F, ambiguity="A5")
_PARTIAL = flag(FlagCode.PARTIAL_JUDGEMENT, ambiguity="A5")
_FORM_FIELDS = {"written": Message("HANDLING_FORM_WRITTEN"), "reasoned": Message("HANDLING_FORM_REASONED")}
_FORM_COMPLETE = RuleResult.support("HANDLING_FORM", not_given="")

_EXTENSION = RuleResult.support(
    "HANDLING_EXTENSION", flags=[flag(FlagCode.EXTENSION_NOT_STATUTORY, ambiguity="A6")]
)


def _extension(f: Facts) -> RuleResult | None:
    if not f.complaint.extension_agreed:
        return None
    return _EXTENSION


def provisional_flag(d: Deadline) -> Flag:
    """A2: ``DEADLINE_PROVISIONAL`` for a deadline resting on unverified equated days (its years named):
    the one flag the handling decision and the access decisions that rest on the deadline carry."""
    return memo_flag(FlagCode.DEADLINE_PROVISIONAL, "A2", ("years", d.unverified_years))


def _calendar(f: Facts) -> RuleResult | None:
    d = f.handling
    if d is None or f.eligibility not in _ELIGIBLE:
        return None
    flags = []
    if d.provisional:
        flags.append(provisional_flag(d))
    if d.atw_undetermined:
        flags.append(
            memo_flag(
                FlagCode.ATW_UNDETERMINED,
                "A1",
                ("calendar_date", d.calendar_date),
                ("atw_date", d.atw_date),
            )
        )
    extended = d.atw_date != d.calendar_date
    atw = dated("HANDLING_TERM_ATW_DATE", d.atw_date) if extended else ""
    return RuleResult.support(
        "HANDLING_TERM", flags=flags, start=d.start, calendar_date=d.calendar_date, atw=atw, last=d.date
    )


_HOUSE_NAMES = {
    key: Message(f"HANDLING_HOUSE_{key.upper()}")
    for key in ("house_handling", "first_contact", "acknowledgement", "submission_window")
}
_HOUSE_STATES = {
    state: Message(f"HANDLING_HOUSE_STATE_{state.name}")
    for state in (Outcome.MET, Outcome.NOT_MET, Outcome.PENDING, Outcome.UNDETERMINED)
}


def _joined(parts: list[Message]) -> Message:
    """``a; b; c`` as one message."""
    phrase = parts[0]
    for part in parts[1:]:
        phrase = Message("HANDLING_HOUSE_JOIN", {"left": phrase, "right": part})
    return phrase


def _house(f: Facts) -> RuleResult | None:
    states = f.house_states
    if not states:
        return None
    return _house_says(tuple((key, d.date, state) for key, (d, state) in states.items()))


@functools.lru_cache(maxsize=8192)
def _house_says(states: tuple[tuple[str, dt.date, Outcome], ...]) -> RuleResult:
    """R17's reason for the house terms' last days and states (made once per combination)."""
    exceeded: list[str] = []
    lines: list[Message] = []
    for key, last, state in states:
        if state is Outcome.NOT_MET:
            exceeded.append(key)
        lines.append(
            Message(
                "HANDLING_HOUSE_LINE",
                {"term": _HOUSE_NAMES[key], "day": last, "state": _HOUSE_STATES[state]},
            )
        )
    flags = []
    if exceeded:
        flags.append(
            flag(
                FlagCode.HOUSE_TERM_EXCEEDED,
                ambiguity="A17",
                terms=[_HOUSE_NAMES[k] for k in exceeded],
            )
        )
    return RuleResult.support("HANDLING_HOUSE_TERMS", flags=flags, terms=_joined(lines))


HANDLING_RULES: tuple[Rule[Facts], ...] = (
    Rule(
        id="R12-start",
        citations=(WKO_1_57B_2A, WKO_1_57B_2D),
        decision=DecisionKind.HANDLING,
        function=_start,
        outcomes=(Outcome.NOT_APPLICABLE, Outcome.NOT_STARTED, Outcome.UNDETERMINED),
        valid_from=dt.date.min,
    ),
    Rule(
        id="R12",
        citations=(WKO_1_57B_2D, ATW_1_1),
        decision=DecisionKind.HANDLING,
        function=_status,
        outcomes=(
            Outcome.JUDGED_IN_TIME,
            Outcome.JUDGED_LATE,
            Outcome.OPEN_ON_TRACK,
            Outcome.OPEN_DUE_SOON,
            Outcome.OPEN_OVERDUE,
            Outcome.UNDETERMINED,
        ),
        ambiguities=("A1", "A3", "A4", "A5"),
    ),
    Rule(
        id="R13",
        citations=(ATW_1_1, ATW_3_3),
        decision=DecisionKind.HANDLING,
        function=_calendar,
        ambiguities=("A1", "A2"),
    ),
    Rule(
        id="R6",
        citations=(WKO_1_57B_2E, WKO_1_57B_2F),
        decision=DecisionKind.HANDLING,
        function=_form,
        ambiguities=("A5",),
    ),
    Rule(
        id="R6-extension",
        citations=(WKO_1_57B_2D,),
        decision=DecisionKind.HANDLING,
        function=_extension,
        ambiguities=("A6",),
    ),
    Rule(
        id="R17",
        citations=(WKO_1_57B_3_HOUSE_TERMS, ATW_1_1_NOT_PRIVATE),
        decision=DecisionKind.HANDLING,
        function=_house,
        source=Source.POLICY,
        ambiguities=("A17",),
    ),
)

HANDLING: DecisionSpec[Facts] = DecisionSpec(
    name=DecisionKind.HANDLING,
    rules=HANDLING_RULES,
    levels=(
        frozenset({Outcome.NOT_APPLICABLE}),
        frozenset({Outcome.UNDETERMINED}),
        frozenset({Outcome.NOT_STARTED}),
        frozenset({Outcome.OPEN_OVERDUE}),
        frozenset({Outcome.JUDGED_LATE}),
        frozenset({Outcome.OPEN_DUE_SOON}),
        frozenset({Outcome.OPEN_ON_TRACK}),
        frozenset({Outcome.JUDGED_IN_TIME}),
    ),
    default=Outcome.UNDETERMINED,
)
