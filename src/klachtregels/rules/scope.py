"""Eligibility for internal handling: R1 (time), R2 (gastouder), R3 (who), R4 (what), R5 (in writing).

How the outcomes rank (highest first): ``out_of_temporal_scope``, ``not_eligible``,
``undetermined``, ``needs_human_judgement``, ``not_yet``, ``eligible_by_policy``, ``eligible``.
``eligible`` is the default: it is given only when every rule's condition holds, that is when an
ouder (R3) complained in writing (R5) about conduct of the provider or of people working for it or
through its intermediation, or about the agreement (R4), on or after 2016-01-01 (R1).

Several subjects (R4): a complaint is a statutory complaint when at least one subject is conduct or
the agreement; the other subjects are flagged (``SUBJECT_PARTLY_OUTSIDE_STATUTE``). Without a
statutory subject, the best of the others decides: working method (by policy or A8), then the
oudercommissie route (R25), then outside the statute. Conduct of someone who is not on the
provider's side (another parent, a child, a third party, a gastouder's housemate) is no statutory
subject by itself: see :func:`_r4_conduct_not_by_provider` (A8).
"""

from __future__ import annotations

import datetime as dt
import functools

from klachtregels.citations import (
    GCK_NO_GASTOUDER,
    WKO_1_1_OUDER,
    WKO_1_57B_1,
    WKO_1_57B_1A,
    WKO_1_57B_1B,
    WKO_1_57B_2A,
    WKO_1_57B_WVPO,
    WKO_1_57C_1B,
    WKO_1_60_1,
    WKO_1_60_1_SUB,
    Citation,
)
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult
from klachtregels.messages import Message
from klachtregels.model import About, AdviceSubject, Channel, PartyRole, Subject
from klachtregels.policy import ComplainantScope, Policy
from klachtregels.rules._facts import REGIME_START, Facts, flag, memo_flag
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

__all__ = [
    "ELIGIBILITY",
    "ELIGIBILITY_RULES",
    "PROVIDER_SIDE",
    "complainant_result",
    "in_writing",
    "outside_statute",
    "r1_gate",
    "r1_in_scope",
    "route_flag",
]

_STATUTORY_SUBJECTS = frozenset({Subject.CONDUCT, Subject.AGREEMENT})
_OUTSIDE = frozenset({Subject.OTHER_PARENT, Subject.THIRD_PARTY})
#: Whose conduct art. 1.57b lid 1 sub a names (R4): the provider itself (the organisation, its
#: management, the provider as a natural person) and the people working for it or, for a
#: gastouderbureau, through its intermediation (staff, the gastouder). Every other ``about`` (another
#: parent, a child, a third party, a gastouder's adult housemate, and any value added later) is not,
#: so a conduct complaint about them is never plainly eligible (A8). Not the 1.51b question: the
#: meldplicht also covers the housemate (1.56b lid 3; ``rules.meldcode``).
PROVIDER_SIDE = frozenset(
    {About.ORGANISATION, About.MANAGEMENT, About.PROVIDER_PERSON, About.STAFF, About.GASTOUDER}
)

#: How a message names each complainant role (SCOPE_ROLE_<ROLE>), built once.
_ROLE: dict[PartyRole, Message] = {
    role: Message(f"SCOPE_ROLE_{role.name}")
    for role in (
        PartyRole.PARENT,
        PartyRole.FOSTER_PARENT,
        PartyRole.STEP_PARENT,
        PartyRole.GRANDPARENT,
        PartyRole.FORMER_CLIENT,
        PartyRole.CARER,
        PartyRole.GUARDIAN,
        PartyRole.STAFF,
        PartyRole.GASTOUDER,
        PartyRole.PROVIDER,
        PartyRole.OTHER,
    )
}

_ROUTE_FLAG = flag(FlagCode.ROUTE_GCK_1_57C_LID1B)


def route_flag() -> Flag:
    """The R25 routing flag for oudercommissie disputes (E14)."""
    return _ROUTE_FLAG


@functools.cache
def _subjects(subjects: frozenset[Subject]) -> Message:
    """The subjects as one phrase, ``een gedraging en de overeenkomst`` (built once per set)."""
    names = [Message(f"SCOPE_SUBJECT_{s.name}") for s in sorted(subjects)]
    phrase = names[0]
    for name in names[1:]:
        phrase = Message("SCOPE_AND", {"left": phrase, "right": name})
    return phrase


# --- R1 -------------------------------------------------------------------------------------------

_R1_UNKNOWN = RuleResult.unknown(["complaint.received_on"], "SCOPE_R1_UNKNOWN", outcome=Outcome.UNDETERMINED)


def _r1(f: Facts) -> RuleResult:
    day = f.received
    if day is None:
        bound = _received_by(f)
        return _R1_UNKNOWN if bound is None else _r1_received_by(bound)
    return _r1_on(day)


def r1_in_scope(f: Facts) -> bool:
    """Whether R1 leaves the complaint under the 2016 regime (not out of temporal scope): for the rules
    of other decisions that speak of the complaint's own term (R29), not of their event day."""
    return _r1(f).outcome is not Outcome.OUT_OF_TEMPORAL_SCOPE


def _received_by(f: Facts) -> dt.date | None:
    """When the receipt day is unknown: a day before 2016 by which the complaint had certainly been
    received, or ``None``. A complaint asked about is received on or before the day asked (``as_of``;
    the decisions refuse a later receipt), and one known to be first filed with the provider
    (``filed_with_provider``) before its dispute reached the commission (R20). Either bound before
    2016-01-01 puts the receipt before it (R1, A20)."""
    bound = f.as_of
    filed = f.filed_on
    if filed is not None and f.filed_with_provider is True and filed < bound:
        bound = filed
    return bound if bound < REGIME_START else None


@functools.lru_cache(maxsize=1024)
def _r1_received_by(bound: dt.date) -> RuleResult:
    """R1 for an unknown receipt day that lies on or before ``bound``, a day before 2016."""
    return RuleResult.fire(Outcome.OUT_OF_TEMPORAL_SCOPE, "SCOPE_R1_RECEIVED_BY_BEFORE_2016", bound=bound)


@functools.lru_cache(maxsize=8192)
def _r1_on(day: dt.date) -> RuleResult:
    """R1 for a known receipt day (made once per day: a register repeats its days)."""
    if day < REGIME_START:
        return RuleResult.fire(Outcome.OUT_OF_TEMPORAL_SCOPE, "SCOPE_R1_BEFORE_2016", received=day)
    return RuleResult.support("SCOPE_R1_IN_FORCE", received=day)


def _r1_gate(f: Facts) -> RuleResult | None:
    day = f.received
    if day is None:
        # Unknown receipt: out of scope only when it certainly lies before 2016 (the dispute, filed
        # after the complaint, then too: no transition question, as for a known day below).
        bound = _received_by(f)
        return None if bound is None else _r1_received_by(bound)
    if day >= REGIME_START:
        return None
    filed = f.filed_on
    if filed is not None and filed >= REGIME_START:
        return _r1_transition(day, filed)
    return _r1(f)


_TRANSITION = flag(FlagCode.TRANSITION_2016, ambiguity="A20")


@functools.lru_cache(maxsize=8192)
def _r1_transition(received: dt.date, filed: dt.date) -> RuleResult:
    """A complaint from before 2016 whose dispute reaches the commission from 2016 on: open (A20).

    The old complaints commissions took no new complaints after mid-December 2015; later ones went
    to the Geschillencommissie, which heard a dispute over a complaint made to the provider in
    December 2015 (2017-106932/108480, ``tests/rulings``). Whether the statutory access rules decide
    such a dispute is not settled: undetermined and flagged, not out of scope. (The access rules in
    force from 2016 do not run for it: rules are evaluated at the complaint's receipt day, A20.)
    """
    return RuleResult.fire(
        Outcome.UNDETERMINED, "SCOPE_R1_TRANSITION", flags=[_TRANSITION], received=received, filed=filed
    )


def r1_gate(decision: DecisionKind) -> Rule[Facts]:
    """R1 for Geschillencommissie access: fires only when the complaint predates 2016-01-01 (out
    of scope; undetermined, A20, when the dispute reaches the commission from 2016-01-01 on)."""
    return Rule(
        id="R1",
        citations=(WKO_1_57B_WVPO,),
        decision=decision,
        function=_r1_gate,
        outcomes=(Outcome.OUT_OF_TEMPORAL_SCOPE, Outcome.UNDETERMINED),
        valid_from=dt.date.min,
        ambiguities=("A20",),
    )


# --- R2 -------------------------------------------------------------------------------------------

_R2_GASTOUDER = RuleResult.support("SCOPE_R2_GASTOUDER")


def _r2(f: Facts) -> RuleResult | None:
    if f.complaint.about not in (About.GASTOUDER, About.GASTOUDER_HOUSEMATE):
        return None
    return _R2_GASTOUDER


# --- R3 -------------------------------------------------------------------------------------------

_R3_UNKNOWN = RuleResult.unknown(["complainant.role"], "SCOPE_R3_UNKNOWN", outcome=Outcome.UNDETERMINED)
_R3_ANONYMOUS = RuleResult.fire(
    Outcome.NOT_ELIGIBLE, "SCOPE_R3_ANONYMOUS", flags=[flag(FlagCode.REGISTER_AS_SIGNAL)]
)
_R3_OUDERCOMMISSIE = RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R3_OUDERCOMMISSIE", flags=[_ROUTE_FLAG])
_R3_OUDERCOMMISSIE_ROUTE = RuleResult.fire(
    Outcome.NOT_ELIGIBLE,
    "SCOPE_R3_OUDERCOMMISSIE",
    flags=[
        _ROUTE_FLAG,
        flag(FlagCode.OUDERCOMMISSIE_INTERNAL_ROUTE, "FLAG_OUDERCOMMISSIE_INTERNAL_ROUTE_SCOPE"),
    ],
)
_R3_PROSPECTIVE_BY_POLICY = RuleResult.fire(Outcome.ELIGIBLE_BY_POLICY, "SCOPE_R3_PROSPECTIVE_BY_POLICY")
_R3_PROSPECTIVE_OPEN = RuleResult.fire(
    Outcome.UNDETERMINED,
    "SCOPE_R3_PROSPECTIVE_OPEN",
    flags=[flag(FlagCode.PROSPECTIVE_CLIENT, ambiguity="A7")],
)
_NARROWER = flag(FlagCode.HOUSE_SCOPE_NARROWER_THAN_STATUTE, ambiguity="A7")
#: Roles Wko art. 1.1 does not name but house regulations and the Klachtenloket do (issue 10 point 4).
_NAMED_BY_HOUSES = frozenset({PartyRole.CARER, PartyRole.GUARDIAN})


def _r3(f: Facts) -> RuleResult:
    party = f.complaint.complainant
    return complainant_result(f.role, f.policy, None if party is None else party.contract_party)


def outside_statute(f: Facts) -> RuleResult | None:
    """The result of R3 or R4 that puts the complaint definitely outside the statute (who complains,
    or about what: ``not_eligible`` without unknown facts), or ``None``. For the Geschillencommissie's
    R11 (a), which hears disputes between a parent and the provider about the subjects of R4."""
    for rule in (_r3, _r4):
        res = rule(f)
        if res.outcome is Outcome.NOT_ELIGIBLE and not res.unknown_facts:
            return res
    return None


def complainant_result(
    role: PartyRole | None, policy: Policy, contract_party: bool | None = None
) -> RuleResult:
    """R3 for a complainant's role under ``policy``: the one place that decides who may complain.

    ``policy lint`` asks this function too (it never re-derives R3). A policy widens the circle
    (prospective clients, carers, guardians: ``eligible_by_policy``); it cannot narrow the statutory
    ouder of Wko art. 1.1: under ``contract_party_only`` an ouder who is not a contract party stays
    ``eligible``, flagged ``HOUSE_SCOPE_NARROWER_THAN_STATUTE`` (A7), because art. 1.57b lid 1 gives
    every ouder the regulation.
    """
    if role is None:
        return _R3_UNKNOWN
    if role is PartyRole.ANONYMOUS:
        return _R3_ANONYMOUS
    if role is PartyRole.OUDERCOMMISSIE:
        return _R3_OUDERCOMMISSIE_ROUTE if policy.oudercommissie_internal_route else _R3_OUDERCOMMISSIE
    if role is PartyRole.PROSPECTIVE_CLIENT:
        return _R3_PROSPECTIVE_BY_POLICY if policy.include_prospective_clients else _R3_PROSPECTIVE_OPEN
    if role in _NAMED_BY_HOUSES:
        return _r3_named_by_houses(role, policy, contract_party)
    if not role.is_statutory_ouder:
        return _R3_NOT_OUDER[role]
    if policy.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY and contract_party is False:
        return _R3_NOT_CONTRACT_PARTY[role]
    return _R3_OUDER[role]


def _r3_named_by_houses(role: PartyRole, policy: Policy, contract_party: bool | None) -> RuleResult:
    """A carer or guardian: in by the house's setting (and, under ``contract_party_only``, as a contract
    party); otherwise the open statutory question (A7)."""
    included = policy.include_carers if role is PartyRole.CARER else policy.include_guardians
    if not included:
        return _R3_ROLE_OPEN[role]
    if policy.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY:
        if contract_party is None:
            return _R3_ROLE_CONTRACT_UNKNOWN[role]
        if not contract_party:
            return _R3_ROLE_OPEN[role]
    return _R3_BY_POLICY[role]


# Per role, built once: the roles R3 names in its reasons.
_R3_NOT_OUDER = {
    role: RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R3_NOT_OUDER", role=_ROLE.get(role, role))
    for role in PartyRole
    if not role.is_statutory_ouder
}
_R3_NOT_CONTRACT_PARTY = {
    role: RuleResult.support("SCOPE_R3_NOT_CONTRACT_PARTY", flags=[_NARROWER], role=_ROLE.get(role, role))
    for role in PartyRole
    if role.is_statutory_ouder
}
_R3_OUDER = {
    role: RuleResult.support("SCOPE_R3_OUDER", role=_ROLE.get(role, role))
    for role in PartyRole
    if role.is_statutory_ouder
}
_R3_BY_POLICY = {
    role: RuleResult.fire(Outcome.ELIGIBLE_BY_POLICY, "SCOPE_R3_ROLE_BY_POLICY", role=_ROLE[role])
    for role in _NAMED_BY_HOUSES
}
_R3_ROLE_CONTRACT_UNKNOWN = {
    role: RuleResult.unknown(
        ["complainant.contract_party"],
        "SCOPE_R3_ROLE_CONTRACT_UNKNOWN",
        outcome=Outcome.UNDETERMINED,
        role=_ROLE[role],
    )
    for role in _NAMED_BY_HOUSES
}
_R3_ROLE_OPEN = {
    role: RuleResult.fire(
        Outcome.UNDETERMINED,
        "SCOPE_R3_ROLE_OPEN",
        flags=[flag(FlagCode.ROLE_NOT_NAMED_IN_WKO_1_1, ambiguity="A7", role=_ROLE[role])],
        role=_ROLE[role],
    )
    for role in _NAMED_BY_HOUSES
}


# --- R4 -------------------------------------------------------------------------------------------

_R4_UNKNOWN = RuleResult.unknown(["complaint.subjects"], "SCOPE_R4_UNKNOWN", outcome=Outcome.UNDETERMINED)
_R4_WORKING_METHOD_BY_POLICY = RuleResult.fire(
    Outcome.ELIGIBLE_BY_POLICY, "SCOPE_R4_WORKING_METHOD_BY_POLICY"
)
_R4_WORKING_METHOD_OPEN = RuleResult.fire(
    Outcome.UNDETERMINED,
    "SCOPE_R4_WORKING_METHOD_OPEN",
    flags=[flag(FlagCode.WORKING_METHOD_SCOPE, ambiguity="A8")],
)
_R4_ADVISORY_RIGHT = RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R4_ADVISORY_RIGHT", flags=[_ROUTE_FLAG])


def _r4(f: Facts) -> RuleResult:
    subjects = f.complaint.subjects
    if not subjects:
        return _R4_UNKNOWN
    about = f.complaint.about
    who = None if about is None or about in PROVIDER_SIDE else about
    return _r4_about(frozenset(subjects), f.policy.include_working_method, who)


@functools.lru_cache(maxsize=1024)
def _r4_about(
    given: frozenset[Subject], include_working_method: bool, not_by_provider: About | None = None
) -> RuleResult:
    """R4 for a set of subjects (made once per set, policy setting and ``not_by_provider``).

    ``not_by_provider``: whom the complaint concerns when that is not the provider's side
    (``PROVIDER_SIDE``); ``None`` when it is, or when it is not known (a subject ``conduct`` then
    means what it says: conduct of the provider or its staff, 1.57b lid 1 sub a)."""
    if not_by_provider is not None and Subject.CONDUCT in given:
        return _r4_conduct_not_by_provider(given, include_working_method, not_by_provider)
    statutory = given & _STATUTORY_SUBJECTS
    rest = given - statutory
    if statutory:
        flags: list[Flag] = []
        if rest:
            flags.append(_partly_outside(rest))
        if Subject.ADVISORY_RIGHT in rest:
            flags.append(_ROUTE_FLAG)
        return RuleResult.support("SCOPE_R4_STATUTORY", flags=flags, subjects=_subjects(statutory))
    if Subject.WORKING_METHOD in given:
        if include_working_method:
            return _R4_WORKING_METHOD_BY_POLICY
        return _R4_WORKING_METHOD_OPEN
    if Subject.ADVISORY_RIGHT in given:
        return _R4_ADVISORY_RIGHT
    return RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R4_OUTSIDE", subjects=_subjects(given & _OUTSIDE))


def _partly_outside(rest: frozenset[Subject]) -> Flag:
    return flag(FlagCode.SUBJECT_PARTLY_OUTSIDE_STATUTE, ambiguity="A8", subjects=_subjects(rest))


#: How a message names each ``about`` outside the provider's side (SCOPE_ABOUT_<ABOUT>), built once.
_WHO: dict[About, Message] = {
    about: Message(f"SCOPE_ABOUT_{about.name}") for about in About if about not in PROVIDER_SIDE
}
_CONDUCT_NOT_BY_PROVIDER = {
    about: flag(FlagCode.CONDUCT_NOT_BY_PROVIDER, ambiguity="A8", who=who) for about, who in _WHO.items()
}


def _r4_conduct_not_by_provider(
    given: frozenset[Subject], include_working_method: bool, who: About
) -> RuleResult:
    """A conduct complaint about someone who is not the provider nor works for it or through it (A8).

    Art. 1.57b lid 1 sub a covers conduct of the provider and of the people working for it (or,
    for a gastouderbureau, through its intermediation) toward a parent or child; the conduct of
    another parent, of a child, of a third party or of a gastouder's housemate is outside the statute
    (regulation.md R4). But such a complaint is often really about the provider's own conduct: a
    child-child incident or another parent's behaviour on the group is, for the complaining parent,
    a complaint about the staff's supervision or how they dealt with it (examples.md M04: conduct of
    staff, eligible). The record (subject ``conduct``, ``about`` someone else) cannot tell the two
    apart, so the cautious answer is ``undetermined`` with ``CONDUCT_NOT_BY_PROVIDER`` (A8), never
    plain ``eligible`` (A8: outside the statute, never plain eligible) and never ``not_eligible``
    (that would drop the statutory six-week duty of a complaint about supervision). Recording whom it
    concerns as ``staff`` (supervision) or the subject as ``other_parent``/``third_party`` decides it.

    The other subjects still count: with the agreement the complaint is statutory (``eligible``);
    with the working method under ``include_working_method`` it is in scope by policy
    (``eligible_by_policy``), whatever the conduct turns out to be; both keep the flag. Otherwise the
    answer stays ``undetermined``, with the flags the other subjects carry.

    No policy setting widens this: no seed regulation admits complaints about other parents',
    children's or third parties' conduct (000 and 003 name conduct of the provider and its staff,
    the working method and the agreement), the doubt is a fact of the case (whose conduct), which a
    house setting cannot answer, and ``include_working_method`` is another question.
    """
    doubt = _CONDUCT_NOT_BY_PROVIDER[who]
    rest = given - {Subject.CONDUCT}
    extra: tuple[Flag, ...] = ()
    if rest:
        without = _r4_about(rest, include_working_method)
        if without.outcome is None or without.outcome is Outcome.ELIGIBLE_BY_POLICY:
            return without._replace(flags=(doubt, *without.flags))
        extra = without.flags
        if without.outcome is Outcome.NOT_ELIGIBLE:
            extra = (_partly_outside(rest), *extra)
    return RuleResult.fire(
        Outcome.UNDETERMINED, "SCOPE_R4_CONDUCT_NOT_BY_PROVIDER", flags=[doubt, *extra], who=_WHO[who]
    )


# --- R5 -------------------------------------------------------------------------------------------


def _oral_flag(f: Facts) -> list[Flag]:
    oral_day, received = f.complaint.oral_first_date, f.received
    if oral_day is None or received is None:
        return []
    if oral_day == received:
        return []
    return [memo_flag(FlagCode.ORAL_BEFORE_WRITTEN, "A4", ("oral", oral_day), ("received", received))]


_R5_UNKNOWN = RuleResult.unknown(["complaint.channel"], "SCOPE_R5_UNKNOWN", outcome=Outcome.UNDETERMINED)
_INVITE = flag(FlagCode.INVITE_WRITTEN_COMPLAINT)
_R5_ORAL = RuleResult.fire(Outcome.NOT_YET, "SCOPE_R5_ORAL", flags=[_INVITE])
_R5_LETTER = RuleResult.support("SCOPE_R5_LETTER")
_HOW = {Channel.EMAIL: Message("SCOPE_CHANNEL_EMAIL"), Channel.WEB_FORM: Message("SCOPE_CHANNEL_WEB_FORM")}
_R5_ELECTRONIC_NOT_WRITTEN = {
    channel: RuleResult.fire(Outcome.NOT_YET, "SCOPE_R5_ELECTRONIC_NOT_WRITTEN", flags=[_INVITE], how=how)
    for channel, how in _HOW.items()
}
_R5_APP_OPEN = RuleResult.fire(
    Outcome.NEEDS_HUMAN_JUDGEMENT,
    "SCOPE_R5_APP_OPEN",
    flags=[flag(FlagCode.APP_MESSAGE_WRITTEN, ambiguity="A9")],
)
_R5_APP_NOT_WRITTEN = RuleResult.fire(Outcome.NOT_YET, "SCOPE_R5_APP_NOT_WRITTEN", flags=[_INVITE])


def _r5(f: Facts) -> RuleResult:
    channel = f.complaint.channel
    if channel is None:
        return _R5_UNKNOWN
    if channel is Channel.ORAL:
        return _R5_ORAL
    if channel is Channel.LETTER:
        oral = _oral_flag(f)
        return RuleResult.support("SCOPE_R5_LETTER", flags=oral) if oral else _R5_LETTER
    if channel in _HOW:
        if f.policy.electronic_counts_as_written:
            return RuleResult.support("SCOPE_R5_ELECTRONIC_WRITTEN", flags=_oral_flag(f), how=_HOW[channel])
        return _R5_ELECTRONIC_NOT_WRITTEN[channel]
    # App message (A9).
    setting = f.policy.app_messages_count_as_written
    if setting is None:
        return _R5_APP_OPEN
    if setting:
        return RuleResult.fire(Outcome.ELIGIBLE_BY_POLICY, "SCOPE_R5_APP_BY_POLICY", flags=_oral_flag(f))
    return _R5_APP_NOT_WRITTEN


def in_writing(f: Facts) -> bool | None:
    """Whether the complaint was made in writing, as R5 reads it under the policy (A9): ``True`` for a
    letter, an e-mail or web form the policy counts as written, an app message the policy counts;
    ``False`` for an oral complaint and for an e-mail, web form or app message the policy does not
    count (the six-week term has not started, R5); ``None`` when the channel is unknown or the policy
    leaves app messages open (A9). The one answer the other decisions read (the access rules, R20)."""
    res = _r5(f)
    if res.unknown_facts or res.outcome is Outcome.NEEDS_HUMAN_JUDGEMENT:
        return None
    return res.outcome is not Outcome.NOT_YET


#: The flag per listed subject of art. 1.60 lid 1 (made once): the oudercommissie had to be asked.
_ADVICE_DUTY = {
    subject: RuleResult.support(
        "SCOPE_ADVICE_DUTY",
        flags=[flag(FlagCode.OUDERCOMMISSIE_ADVICE_REQUIRED, sub=subject.sub)],
        sub=subject.sub,
    )
    for subject in AdviceSubject
    if subject.sub is not None
}


#: What a reason of R25-advice-duty cites: art. 1.60 lid 1 and the letter of its subject (made once).
_ADVICE_DUTY_CITATIONS = {sub: (WKO_1_60_1, letter) for sub, letter in WKO_1_60_1_SUB.items()}


def _advice_duty_citations(result: RuleResult) -> tuple[Citation, ...]:
    sub = result.params.get("sub")
    return _ADVICE_DUTY_CITATIONS.get(sub, (WKO_1_60_1,)) if isinstance(sub, str) else (WKO_1_60_1,)


def _advice_duty(f: Facts) -> RuleResult | None:
    """Wko 1.60 lid 1 (E05): a complaint about a decision on a listed subject (a price change: sub f)
    says that the provider had to ask the oudercommissie for advice. It does not change eligibility."""
    subject = f.complaint.advice_subject
    if subject is None:
        return None
    return _ADVICE_DUTY.get(subject)


ELIGIBILITY_RULES: tuple[Rule[Facts], ...] = (
    Rule(
        id="R1",
        citations=(WKO_1_57B_WVPO,),
        decision=DecisionKind.ELIGIBILITY,
        function=_r1,
        outcomes=(Outcome.OUT_OF_TEMPORAL_SCOPE, Outcome.UNDETERMINED),
        valid_from=dt.date.min,
    ),
    Rule(
        id="R2",
        citations=(WKO_1_57B_1, GCK_NO_GASTOUDER),
        decision=DecisionKind.ELIGIBILITY,
        function=_r2,
    ),
    Rule(
        id="R3",
        citations=(WKO_1_1_OUDER, WKO_1_57B_1),
        decision=DecisionKind.ELIGIBILITY,
        function=_r3,
        outcomes=(Outcome.NOT_ELIGIBLE, Outcome.ELIGIBLE_BY_POLICY, Outcome.UNDETERMINED),
        ambiguities=("A7",),
        facts=("complainant.role", "complainant.contract_party"),
    ),
    Rule(
        id="R4",
        citations=(WKO_1_57B_1A, WKO_1_57B_1B, WKO_1_57C_1B),
        decision=DecisionKind.ELIGIBILITY,
        function=_r4,
        outcomes=(Outcome.NOT_ELIGIBLE, Outcome.ELIGIBLE_BY_POLICY, Outcome.UNDETERMINED),
        ambiguities=("A8",),
        facts=("complaint.subjects", "complaint.about"),
    ),
    Rule(
        id="R5",
        citations=(WKO_1_57B_2A,),
        decision=DecisionKind.ELIGIBILITY,
        function=_r5,
        outcomes=(
            Outcome.NOT_YET,
            Outcome.ELIGIBLE_BY_POLICY,
            Outcome.NEEDS_HUMAN_JUDGEMENT,
            Outcome.UNDETERMINED,
        ),
        ambiguities=("A4", "A9"),
    ),
    Rule(
        id="R25-advice-duty",
        citations=(WKO_1_60_1,),
        cited_for=_advice_duty_citations,
        decision=DecisionKind.ELIGIBILITY,
        function=_advice_duty,
        facts=("complaint.advice_subject",),
    ),
)

ELIGIBILITY: DecisionSpec[Facts] = DecisionSpec(
    name=DecisionKind.ELIGIBILITY,
    rules=ELIGIBILITY_RULES,
    levels=(
        frozenset({Outcome.OUT_OF_TEMPORAL_SCOPE}),
        frozenset({Outcome.NOT_ELIGIBLE}),
        frozenset({Outcome.UNDETERMINED}),
        frozenset({Outcome.NEEDS_HUMAN_JUDGEMENT}),
        frozenset({Outcome.NOT_YET}),
        frozenset({Outcome.ELIGIBLE_BY_POLICY}),
        frozenset({Outcome.ELIGIBLE}),
    ),
    default=Outcome.ELIGIBLE,
)
