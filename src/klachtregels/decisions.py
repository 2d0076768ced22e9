"""The public decisions: eligibility, precedence, Geschillencommissie access, and the full assessment.

Every function takes the complaint and keyword arguments; ``as_of`` (the day the question is
asked) is required, so a result never depends on the clock of the machine. ``policy`` is a
:class:`~klachtregels.policy.Policy`, a shipped policy name or a TOML path; ``None`` is the
statutory baseline. Every result carries the library version and the policy that produced it.

Rules are evaluated as in force on the event date (A20): the day the complaint reached the provider
(R1), or ``as_of`` when that is unknown. The precedence decision is dated by the day the provider
learned of the first signal (R28: the duty arises then; a signal without ``known_on`` counts from the
receipt day), see :func:`klachtregels.rules.meldcode.precedence_event_day`.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from typing import TYPE_CHECKING, Any

import attrs

from klachtregels._arguments import bool_argument, instance_argument, wrong_type
from klachtregels._identity import per_object
from klachtregels._io import one_line
from klachtregels._time import FIRST_DAY, LAST_DAY, DateTextError, local_day
from klachtregels._version import __version__
from klachtregels.convert import ProblemText
from klachtregels.engine import (
    Decision,
    DecisionSpec,
    Flag,
    Weighed,
    conclude,
    decide,
    unknown_facts,
)
from klachtregels.errors import InvalidInputError
from klachtregels.messages import Message, text
from klachtregels.model import (
    Complaint,
    GckFiling,
    Judgement,
    PartyRole,
    Provider,
    RegisterRecord,
    judgement_order,
)
from klachtregels.policy import AfterMeldcode, Policy, applied_policy
from klachtregels.rules._facts import Facts, deadline_summary, handled_not_before, handling_for, new_facts
from klachtregels.rules.geschillencommissie import GCK_ACCESS, GCK_OC_ACCESS, twelve_month_start
from klachtregels.rules.handling import HANDLING
from klachtregels.rules.meldcode import PRECEDENCE, precedence_event_day
from klachtregels.rules.scope import ELIGIBILITY
from klachtregels.terms import Deadline, gck_filing_limit
from klachtregels.vocabulary import CLOCK_MAY_RUN, ELIGIBLE_OUTCOMES, FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "ASSESSMENT_SCHEMA_VERSION",
    "DEADLINE_KEYS",
    "Assessment",
    "PolicyLike",
    "assess",
    "assess_record",
    "complaint_question_day",
    "eligibility",
    "geschillencommissie_access",
    "precedence",
    "question_day",
    "record_as_of",
]

#: Version of the JSON shape of :meth:`Assessment.to_dict`.
ASSESSMENT_SCHEMA_VERSION = 1

#: What ``policy=`` accepts: a Policy, a shipped name, a TOML path, or None (statutory baseline).
PolicyLike = Policy | str | os.PathLike[str] | None

_ELIGIBLE = ELIGIBLE_OUTCOMES
#: Eligibility outcomes under which the six-week clock may be running (deadlines are shown).
_CLOCK_MAY_RUN = CLOCK_MAY_RUN


def question_day(value: Any, name: str = "as_of") -> dt.date:
    """``value`` (a date, or a date-time: its Europe/Amsterdam day) as the day a question is asked on.

    Raises :class:`~klachtregels.errors.InvalidInputError` naming ``name`` (never the value) for
    anything but a date, or a day outside :data:`~klachtregels._time.FIRST_DAY` ..
    :data:`~klachtregels._time.LAST_DAY` (past them a deadline could fall beyond the calendar).
    """
    if not isinstance(value, dt.date):
        raise wrong_type(name, "a date", value)
    try:
        day = local_day(value)  # time is read in one place
    except DateTextError as exc:  # an instant whose Amsterdam day no date holds
        raise InvalidInputError("arguments", [(name, text(exc.code, "en"))]) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInputError("arguments", [(name, text("CLI_DAY_OUT_OF_RANGE", "en"))])
    return day


def complaint_question_day(complaint: Complaint, as_of: Any, name: str = "as_of") -> dt.date:
    """:func:`question_day` for a question about ``complaint``: never a day before its receipt. The one
    check and text (``CLI_AS_OF_BEFORE_RECEIPT``) of the decisions, ``assess`` and ``obligations``."""
    day = question_day(as_of, name)
    received = complaint.received_date
    if received is not None and received > day:
        raise InvalidInputError("arguments", [(name, ProblemText("CLI_AS_OF_BEFORE_RECEIPT"))])
    return day


def _check(complaint: Any, as_of: Any) -> dt.date:
    if not isinstance(complaint, Complaint):
        raise wrong_type("complaint", "a Complaint", complaint)
    return complaint_question_day(complaint, as_of)


def _check_parts(judgement: object, filing: object, provider: object) -> None:
    """Refuse a judgement, filing or provider of another type, naming the argument (never the value)."""
    instance_argument(judgement, Judgement, "judgement")
    instance_argument(filing, GckFiling, "filing")
    instance_argument(provider, Provider, "provider")


def _facts(
    complaint: Complaint,
    policy: Policy,
    as_of: dt.date,
    **more: Any,
) -> Facts:
    return new_facts(
        complaint=complaint, policy=policy, as_of=as_of, handling=handling_for(complaint, policy), **more
    )


def refuse_provisional(facts: Facts) -> None:
    """Under ``strict_calendar`` (A2), raise :class:`~klachtregels.errors.ProvisionalCalendarError`
    when the six-week handling deadline of ``facts`` is provisional (a decree year not in the data,
    R19's reconstructed years). Called by the decisions whose answer reads the six weeks (the handling
    status and deadlines of a complaint the procedure may cover, Geschillencommissie access), so a
    strict policy never gets a provisional day, and never a refusal where no day is given."""
    handling = facts.handling
    if handling is not None and handling.provisional and facts.policy.strict_calendar:
        received = facts.complaint.received_on
        assert received is not None  # a handling deadline is counted from it
        facts.policy.handling_deadline(received)  # the strict count: raises, with its reason


def _summary(facts: Facts) -> dict[str, Any] | None:
    """The handling deadline as details show it (:func:`~klachtregels.rules._facts.deadline_summary`),
    made once per deadline: the terms hand out one :class:`~klachtregels.terms.Deadline` per receipt
    day, so most complaints find theirs made (each decision gets its own copy)."""
    deadline = facts.handling
    made = None if deadline is None else _summary_of(deadline)
    return None if made is None else dict(made)


#: :func:`deadline_summary` once per deadline object (by identity, at most 4,096 kept).
_summary_of = per_object(deadline_summary, keep=4096)


def _eligibility(facts: Facts, weighed: Weighed | None = None) -> Decision:
    """The eligibility decision on ``facts`` (``weighed``: its rules already run, :func:`decide`)."""
    c = facts.complaint
    if weighed is None:
        weighed = decide(ELIGIBILITY, facts, event_date=c.received_date, as_of=facts.as_of)
    received = c.received_date
    started = _CLOCK_STARTED.get(weighed.outcome)
    details = {
        "received_on": None if received is None else received.isoformat(),
        "clock_started": started,
        "handling_deadline": _summary(facts) if started else None,
    }
    return conclude(ELIGIBILITY, weighed, facts.as_of, facts.policy.name, details)


#: Whether the six-week clock started, by eligibility outcome (``None``, not in it: not known).
_CLOCK_STARTED: dict[Outcome, bool] = {
    **dict.fromkeys(_ELIGIBLE, True),
    **dict.fromkeys((Outcome.NOT_YET, Outcome.NOT_ELIGIBLE, Outcome.OUT_OF_TEMPORAL_SCOPE), False),
}


def eligibility(complaint: Complaint, *, as_of: dt.date, policy: PolicyLike = None) -> Decision:
    """Is this a complaint the provider must handle under its regulation (R1-R5)?

    Outcomes: ``eligible``, ``eligible_by_policy``, ``not_yet`` (not in writing yet),
    ``not_eligible``, ``out_of_temporal_scope``, ``undetermined``, ``needs_human_judgement``.
    ``eligible`` only when an ouder complained in writing about conduct or the agreement.
    """
    day = _check(complaint, as_of)
    pol = applied_policy(policy)
    return _eligibility(_facts(complaint, pol, day))


def _precedence_weighed(facts: Facts, *, defer: bool = False) -> Weighed:
    """The precedence rules run and weighed on ``facts`` (``defer``: see :func:`decide`), as in force
    on the day the provider learned of the first signal (A20, R28: :func:`precedence_event_day`).
    The one place the precedence decision is dated: :func:`precedence` and :func:`assess` both call it."""
    day = precedence_event_day(facts.complaint)
    return decide(PRECEDENCE, facts, event_date=day, as_of=facts.as_of, defer=defer)


def _precedence(facts: Facts, eligibility_outcome: str, weighed: Weighed | None = None) -> Decision:
    """The precedence decision on ``facts`` (``weighed``: its rules already run and weighed,
    :func:`_precedence_weighed`)."""
    c = facts.complaint
    if weighed is None:
        weighed = _precedence_weighed(facts)
    signals = c.signals
    assessed = signals is not None
    found = bool(signals)
    duties: list[str] = []  # filled from the decision's flags below
    details = {
        "six_week_clock": {
            "suspended_by_statute": False,
            # An outcome is definite unless open (Outcome.definite, without the enum call).
            "started": None if eligibility_outcome in _OPEN_OUTCOMES else eligibility_outcome in _ELIGIBLE,
            "deadline": _summary(facts),
        },
        "duties": duties,
        "remaining_complaint": _REMAINING[facts.policy.after_meldcode][found if assessed else None].copy(),
        "signals_assessed": assessed,
        "has_signal": found if assessed else None,
    }
    decision = conclude(PRECEDENCE, weighed, facts.as_of, facts.policy.name, details)
    for f in decision.flags:  # a loop: a comprehension is a call of its own (3.11)
        if f.code in _DUTY_CODES:
            duties.append(f.code)
    return decision


#: The outcomes that are not definite (``Outcome.definite`` is False), and the policies that close
#: the rest of a complaint after a meldcode signal: sets, so the hot path needs no enum member access.
_OPEN_OUTCOMES = frozenset(o for o in Outcome if not o.definite)
_CLOSES = frozenset({AfterMeldcode.CLOSE, AfterMeldcode.REFILE})

#: ``details["remaining_complaint"]`` by the policy's setting and whether a signal was found
#: (``None``: signals not assessed): made once, each decision gets its own copy.
_REMAINING: dict[AfterMeldcode, dict[bool | None, dict[str, Any]]] = {
    after: {
        found: {
            "policy": after.value,
            "handling": None if found is None else "needs_human_judgement" if found else "ordinary",
            "conflicts_with_statute": bool(found) and after in _CLOSES,
        }
        for found in (None, False, True)
    }
    for after in AfterMeldcode
}

_DUTY_CODES = frozenset(
    {
        "MELDPLICHT_1_51B",
        "HOUDER_SUSPECT_1_51C",
        "MELDCODE",
        "MELDCODE_ROUTE_3",
        "CONSULT_VERTROUWENSINSPECTEUR",
    }
)


def precedence(complaint: Complaint, *, as_of: dt.date, policy: PolicyLike = None) -> Decision:
    """Do the meldcode or the meldplicht take precedence over the complaint procedure (R27-R30)?

    Outcomes: ``meldplicht``, ``houder_suspect``, ``meldcode_route_1``, ``meldcode_route_3``,
    ``needs_human_judgement`` (an ambiguous signal, A11), ``undetermined`` (signals not assessed),
    ``none``. Always states that the six-week clock keeps running (``details["six_week_clock"]``,
    flag ``CLOCK_NOT_SUSPENDED_BY_STATUTE``) and what the policy does with the rest of the complaint.
    Several signals: every duty stands (cumulative); the headline is the highest-ranked one.
    The rules are those in force on the day the provider learned of the first signal (its
    ``known_on``; the receipt day for a signal without one, A20): art. 1.51b applies to a signal that
    became known from 2013-07-01, whenever the complaint arrived. A signal learned of after ``as_of``
    takes no part (as :func:`assess` reads it).
    """
    day = _check(complaint, as_of)
    if complaint.signals:  # as it stood on as_of, as assess reads it (a signal learned of later: none)
        complaint, _ = _parts_as_of(complaint, None, day)
    pol = applied_policy(policy)
    facts = _facts(complaint, pol, day)
    return _precedence(facts, _eligibility(facts).outcome)


def _filing_day(
    complaint: Complaint,
    day: dt.date,
    *,
    filed_on: dt.date | None,
    filing: GckFiling | None,
    filed_with_provider: bool | None,
) -> tuple[dt.date, bool]:
    """The day the dispute was filed (``as_of`` for a hypothetical filing), and whether it is hypothetical."""
    given = None if filed_on is None else question_day(filed_on, "filed_on")
    from_filing = None if filing is None else filing.filed_date
    if given is not None and from_filing is not None and given != from_filing:
        raise InvalidInputError(
            "arguments", [("filed_on", f"{given} differs from filing.filed_on {from_filing}")]
        )
    filed = given or from_filing
    hypothetical = filed is None
    if filed is None:
        filed = day
    if filed > day:
        raise InvalidInputError("arguments", [("filed_on", "is after as_of")])
    received = complaint.received_date
    if filed_with_provider is True and received is not None and received > filed:
        raise InvalidInputError(
            "arguments",
            [
                (
                    "filed_with_provider",
                    f"is true, but the provider received the complaint ({received}) after {filed}",
                )
            ],
        )
    return filed, hypothetical


@functools.cache
def _without_redirect(spec: DecisionSpec[Facts]) -> DecisionSpec[Facts]:
    """``spec`` without R24: the access decision for the rest of a partly redirected dispute."""
    return attrs.evolve(spec, rules=tuple(r for r in spec.rules if r.id != "R24"))


def _gck_spec(facts: Facts) -> DecisionSpec[Facts]:
    """The access decision's spec: the oudercommissie's route (R25) or the parent's."""
    complaint, filing = facts.complaint, facts.filing
    role = None if complaint.complainant is None else complaint.complainant.role
    by = None if filing is None else filing.filed_by
    oc = by is PartyRole.OUDERCOMMISSIE or (by is None and role is PartyRole.OUDERCOMMISSIE)
    return GCK_OC_ACCESS if oc else GCK_ACCESS


def _gck_weighed(facts: Facts, *, defer: bool = False) -> tuple[Weighed, Weighed | None]:
    """The access decision's rules run and weighed on prepared facts, and for a redirected dispute
    (R24) the rest's (both raise a rule conflict now, as :func:`evaluate` would; ``defer``: see
    :func:`decide`)."""
    spec = _gck_spec(facts)
    received, day = facts.received, facts.as_of
    weighed = decide(spec, facts, event_date=received, as_of=day, defer=defer)
    if weighed.outcome != Outcome.REDIRECT:
        return weighed, None
    return weighed, decide(_without_redirect(spec), facts, event_date=received, as_of=day, defer=defer)


def _gck(
    facts: Facts, *, hypothetical: bool, weighed: tuple[Weighed, Weighed | None] | None = None
) -> Decision:
    """Geschillencommissie access on prepared facts (``facts.filed_on`` set; ``weighed``: what
    :func:`_gck_weighed` gave for them)."""
    filed = facts.filed_on
    assert filed is not None
    spec = _gck_spec(facts)
    oc = spec is GCK_OC_ACCESS
    main, rest = _gck_weighed(facts) if weighed is None else weighed
    start, _ = twelve_month_start(facts)
    details: dict[str, Any] = {
        "route": "oudercommissie" if oc else "parent",
        "filed_on": filed.isoformat(),
        "hypothetical_filing": hypothetical,
        "handling_deadline": None if oc else _summary(facts),
        "twelve_month_start": None if oc or start is None else start.isoformat(),
        "gck_filing_limit": None if oc or start is None else gck_filing_limit(start).date.isoformat(),
    }
    if rest is not None:
        details["rest"] = rest.outcome
    decision = conclude(spec, main, facts.as_of, facts.policy.name, details)
    if not hypothetical:
        return decision
    # No dispute was filed: the reasons speak of a filing on as_of, as a question (R20). The notice
    # goes first among the flags, set on the decision just made (not shared yet: no second Decision).
    _set_decision_flags(decision, (_hypothetical_filing(filed), *decision.flags))
    return decision


#: The flags' own setter (Decision is frozen; see engine.new_decision for the same construction).
_set_decision_flags = Decision.__dict__["flags"].__set__


@functools.lru_cache(maxsize=1024)
def _hypothetical_filing(day: dt.date) -> Flag:
    """The R20 notice that no dispute was filed and the question is asked for ``day`` (once per day)."""
    notice = Flag(code=FlagCode.HYPOTHETICAL_FILING, text=Message("GCK_HYPOTHETICAL_FILING", {"day": day}))
    return notice.for_rule("R20")


def _gck_facts(
    complaint: Complaint,
    pol: Policy,
    day: dt.date,
    *,
    judgement: Judgement | None,
    filed_on: dt.date | None,
    filing: GckFiling | None,
    filed_with_provider: bool | None,
    provider: Provider | None,
) -> tuple[Facts, bool]:
    filed, hypothetical = _filing_day(
        complaint, day, filed_on=filed_on, filing=filing, filed_with_provider=filed_with_provider
    )
    facts = _facts(
        complaint,
        pol,
        day,
        judgement=judgement,
        filing=filing,
        filed_on=filed,
        filed_with_provider=filed_with_provider,
        provider=provider,
    )
    return facts, hypothetical


def geschillencommissie_access(
    complaint: Complaint,
    *,
    filed_on: dt.date | None,
    as_of: dt.date,
    judgement: Judgement | None = None,
    policy: PolicyLike = None,
    filing: GckFiling | None = None,
    filed_with_provider: bool | None = None,
    provider: Provider | None = None,
) -> Decision:
    """May the dispute go to the Geschillencommissie Kinderopvang, filed on ``filed_on`` (R20-R26)?

    ``filed_on`` may be ``None`` when ``filing.filed_on`` gives it; when neither does, the question
    is asked for a filing on ``as_of`` (``details["hypothetical_filing"]``). ``filed_with_provider``
    says whether the complaint went to the provider first (R20); ``None`` derives it from the dates
    (unknown when the receipt date is unknown). ``provider`` supplies the A12 indicator
    ``NO_REGULATION``.

    Outcomes: ``direct_access``, ``admissible``, ``premature``, ``inadmissible``, ``late_if_invoked``
    (a late filing is ``inadmissible`` only when the provider invokes the term and the delay is known
    not to be excusable, R21/A13), ``redirect`` (R24; ``details["rest"]`` is the outcome for
    the rest of the dispute), ``undetermined``, ``needs_human_judgement`` (A6), and
    ``out_of_temporal_scope``. An oudercommissie dispute (R25) follows its own route.
    """
    day = _check(complaint, as_of)
    _check_parts(judgement, filing, provider)
    if judgement is not None and (disorder := judgement_order(complaint, judgement)):
        raise InvalidInputError("arguments", disorder)
    if judgement is not None or complaint.signals:  # as it stood on as_of, as assess reads it
        complaint, judgement = _parts_as_of(complaint, judgement, day)
    filed_with_provider = bool_argument(filed_with_provider, "filed_with_provider", optional=True)
    pol = applied_policy(policy)
    facts, hypothetical = _gck_facts(
        complaint,
        pol,
        day,
        judgement=judgement,
        filed_on=filed_on,
        filing=filing,
        filed_with_provider=filed_with_provider,
        provider=provider,
    )
    refuse_provisional(facts)  # A2: R20 (i) reads the six weeks
    return _gck(facts, hypothetical=hypothetical)


@attrs.frozen(kw_only=True)
class Assessment:
    """Everything klachtregels can say about one complaint on one day: decisions and deadlines."""

    complaint_id: str | None
    as_of: dt.date
    policy: str
    library_version: str = __version__
    eligibility: Decision
    precedence: Decision
    #: The handling status (``open_on_track``, ``judged_late``, ``not_started``, ...).
    handling: Decision
    #: ``None`` when there is no filing and the complaint is not (yet) eligible.
    gck_access: Decision | None = None
    #: ``handling`` (the six-week term), ``gck_filing_limit`` and the policy's house terms; none for a
    #: complaint outside :data:`~klachtregels.vocabulary.CLOCK_MAY_RUN` (not eligible, not yet written).
    deadlines: Mapping[str, Deadline] = attrs.field(factory=dict, eq=False)
    #: Each house term of the policy with its state on ``as_of`` (``met``, ``not_met``, ``pending``,
    #: ``undetermined``; :func:`klachtregels.rules.handling.house_term_states`), as R17 read them;
    #: empty outside :data:`~klachtregels.vocabulary.CLOCK_MAY_RUN`, as :attr:`deadlines`.
    house_term_states: Mapping[str, tuple[Deadline, Outcome]] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def __repr__(self) -> str:
        """Short: complaint id, as-of day, status, eligibility, deadlines, how many flags."""
        from klachtregels.bulk._display import assessment_repr

        return assessment_repr(self)

    def _repr_html_(self) -> str:
        """Notebook display (escaped HTML; :mod:`klachtregels.bulk._display`)."""
        from klachtregels.bulk._display import assessment_html

        return assessment_html(self)

    @property
    def status(self) -> str:
        """The handling status on ``as_of`` (read without building the handling decision)."""
        value = _get_handling_slot(self)
        return value.handling.outcome if type(value) is _Pending else value.outcome

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """The decisions, in reading order."""
        out = [self.eligibility, self.precedence, self.handling]
        if self.gck_access is not None:
            out.append(self.gck_access)
        return tuple(out)

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Every flag of every decision, once per code."""
        seen: set[str] = set()
        out: list[Flag] = []
        for decision in self.decisions:
            for f in decision.flags:
                if f.code not in seen:
                    seen.add(f.code)
                    out.append(f)
        return tuple(out)

    def has_flag(self, code: str) -> bool:
        """Whether any decision carries this flag."""
        return any(d.has_flag(code) for d in self.decisions)

    def explain(self, lang: str = "nl") -> str:
        """The complaints officer's note: the deadlines, then each decision with its reasons."""
        # The id and the policy's name are the user's text: each on one line, so neither can start
        # lines of its own in the output (a forged "Uitkomst: ..." under the heading).
        who = f" {one_line(self.complaint_id)}" if self.complaint_id else ""
        lines = [
            text("ASSESSMENT_HEADING", lang, who=who, as_of=self.as_of.isoformat()),
            text("ASSESSMENT_POLICY", lang, policy=one_line(self.policy), version=self.library_version),
        ]
        if self.deadlines:
            lines += ["", text("ASSESSMENT_DEADLINES", lang)]
            for key, d in self.deadlines.items():
                extra = ""
                if d.atw_date != d.calendar_date:
                    extra = text(
                        "ASSESSMENT_CALENDAR_AND_ATW",
                        lang,
                        calendar=d.calendar_date.isoformat(),
                        atw=d.atw_date.isoformat(),
                    )
                prov = text("ASSESSMENT_PROVISIONAL", lang) if d.provisional else ""
                lines.append(f"- {text(_DEADLINE_LABELS[key], lang)}: {d.date.isoformat()}{extra}{prov}")
        for decision in self.decisions:
            lines += ["", "-" * 60, decision.explain(lang)]
        return "\n".join(lines)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assessment:
        """Rebuild an assessment from :meth:`to_dict` (assessments survive a JSON round trip).

        Read through :mod:`klachtregels.convert` (the published shape, key for key): raises
        :class:`~klachtregels.errors.InvalidInputError` listing every problem by path
        (``decisions.handling.reasons[0].outcome``), or naming ``schema``/``schema_version`` for
        another shape. ``status`` and ``flags`` are written from the decisions and not read.
        ``house_term_states`` is not in the form: an assessment read back has none (assess the
        complaint again for them).
        """
        from klachtregels import convert

        return convert.structure(data, cls, what="assessment")

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON shape ``klachtregels.assessment`` (see docs/cli/assess.md)."""
        return {
            "schema": "klachtregels.assessment",
            "schema_version": ASSESSMENT_SCHEMA_VERSION,
            "library_version": self.library_version,
            "complaint_id": self.complaint_id,
            "as_of": self.as_of.isoformat(),
            "policy": self.policy,
            "status": self.status,
            "flags": [f.code for f in self.flags],
            "deadlines": {key: d.to_dict() for key, d in self.deadlines.items()},
            "decisions": {d.kind: d.to_dict() for d in self.decisions},
        }


#: Each deadline of an assessment and the catalogue entry of its label. ``handling`` is always the
#: statutory six weeks (art. 1.57b lid 2 sub d); a shorter house term is ``house_handling``.
_DEADLINE_LABELS: dict[str, str] = {
    "handling": "DEADLINE_HANDLING",
    "house_handling": "DEADLINE_HOUSE_HANDLING",
    "gck_filing_limit": "DEADLINE_GCK_FILING_LIMIT",
    "first_contact": "DEADLINE_FIRST_CONTACT",
    "acknowledgement": "DEADLINE_ACKNOWLEDGEMENT",
    "submission_window": "DEADLINE_SUBMISSION_WINDOW",
}
#: The keys of :attr:`Assessment.deadlines`: every deadline an assessment can give.
DEADLINE_KEYS: tuple[str, ...] = tuple(_DEADLINE_LABELS)


def _handling(facts: Facts, *, eligible: bool, weighed: Weighed | None = None) -> Decision:
    """The handling status (R6, R12), with the deadline and the day the complaint counts as handled
    (``weighed``: its rules already run, :func:`decide`)."""
    if weighed is None:
        weighed = decide(HANDLING, facts, event_date=facts.received, as_of=facts.as_of)
    done, done_path = facts.handled
    details = {
        "deadline": _summary(facts) if eligible else None,
        "due_soon_days": facts.due_soon_days,
        # The day the complaint counts as handled under the policy (A5) and where it comes from.
        "handled_on": None if done is None else done.isoformat(),
        "handled_on_fact": done_path,
    }
    if done is None:
        # A5: the receipt counts and is unknown: the day it was sent, which the rules read (a
        # judgement sent after a last day is late whatever its receipt day).
        after = handled_not_before(facts)
        if after is not None:
            details["handled_not_before"] = after.isoformat()
    return conclude(HANDLING, weighed, facts.as_of, facts.policy.name, details)


def _deadlines(facts: Facts) -> dict[str, Deadline]:
    """The statutory deadlines while the clock may run, then the policy's house terms (labelled as such)."""
    deadlines: dict[str, Deadline] = {}
    if facts.eligibility in _CLOCK_MAY_RUN:
        if facts.handling is not None:
            deadlines["handling"] = facts.handling
        start, _ = twelve_month_start(facts)
        if start is not None:
            deadlines["gck_filing_limit"] = gck_filing_limit(start)
    deadlines.update(facts.house_terms)
    return deadlines


def assess(
    complaint: Complaint,
    *,
    as_of: dt.date,
    policy: PolicyLike = None,
    judgement: Judgement | None = None,
    filing: GckFiling | None = None,
    due_soon_days: int = 7,
    filed_with_provider: bool | None = None,
    provider: Provider | None = None,
    lazy: bool = True,
) -> Assessment:
    """Assess one complaint on ``as_of``: eligibility, precedence, handling status, deadlines and,
    with a ``filing`` (or for an eligible complaint, hypothetically on ``as_of``), Geschillencommissie access.

    Every outcome is decided now, by every rule that can give one (a rule conflict or an invalid
    argument raises here). With ``lazy`` (the default), each :class:`~klachtregels.engine.Decision`,
    the deadlines and the house terms' states are built when first read (see :class:`Assessment`),
    and the rules that only give reasons and flags run then. ``lazy=False`` runs every rule and
    builds them all now: the same assessment, cheaper when every field will be read (``to_dict()``,
    a table of every field such as ``assess_many``). Reasons are built when read either way.

    The arguments are read as they stood on ``as_of`` (as :func:`record_as_of` reads a record): a
    judgement sent after it had not been given (its sending day counts, its form and measures do
    not), a measure carried out after it had not been done, a signal learned of after it takes no
    part, and a consultation or meldcode route started after it had not started. A ``filing`` dated
    after ``as_of`` is refused (:func:`assess_record` leaves it out of a record instead).

    The deadlines and the house terms' states are given only for a complaint the procedure may cover
    (eligibility in :data:`~klachtregels.vocabulary.CLOCK_MAY_RUN`, R12, R17): a ``not_eligible``,
    ``not_yet`` or ``out_of_temporal_scope`` complaint has none. Under a policy with
    ``strict_calendar`` (A2) a provisional six weeks raises
    :class:`~klachtregels.errors.ProvisionalCalendarError` when the answer reads them: for such a
    complaint, or with a ``filing`` (Geschillencommissie access, R20 i).
    """
    return _assess(
        complaint, as_of, policy, judgement, filing, due_soon_days, filed_with_provider, provider, lazy, True
    )


# Over 60 lines because it is on every row's path: the arguments are checked inline (a call only for
# a value that is not what it should be) and the assessment is filled field by field, not through calls.
# ``read``: read the complaint and judgement as of the day (False only for a record read so already, by
# assess_record through record_as_of: one reading, not two).
def _assess(
    complaint: Complaint,
    as_of: dt.date,
    policy: PolicyLike,
    judgement: Judgement | None,
    filing: GckFiling | None,
    due_soon_days: int,
    filed_with_provider: bool | None,
    provider: Provider | None,
    lazy: bool,
    read: bool,
) -> Assessment:
    day = _check(complaint, as_of)
    # Parts and switches checked only when they are not what they should be (assess is on every
    # row's path: an exact type costs one comparison).
    if (
        (judgement is not None and type(judgement) is not Judgement)
        or (filing is not None and type(filing) is not GckFiling)
        or (provider is not None and type(provider) is not Provider)
    ):
        _check_parts(judgement, filing, provider)
    # A judgement before the complaint contradicts itself (one check: model.judgement_order).
    if judgement is not None and (disorder := judgement_order(complaint, judgement)):
        raise InvalidInputError("arguments", disorder)
    # What is dated after the day had not happened on it (a judgement sent later, a signal learned
    # of later): read as assess_record reads a record (one helper; usually nothing changes).
    if read and (judgement is not None or complaint.signals):
        complaint, judgement = _parts_as_of(complaint, judgement, day)
    if (
        filed_with_provider is not None
        and filed_with_provider is not True
        and filed_with_provider is not False
    ):
        filed_with_provider = bool_argument(filed_with_provider, "filed_with_provider", optional=True)  # type: ignore[unreachable]  # untyped callers
    if lazy is not True and lazy is not False:
        lazy = bool(bool_argument(lazy, "lazy"))  # type: ignore[unreachable]  # untyped callers
    if isinstance(due_soon_days, bool) or not isinstance(due_soon_days, int) or due_soon_days < 0:
        raise InvalidInputError(
            "arguments", [("due_soon_days", "expected a whole number of days, 0 or more")]
        )
    pol = applied_policy(policy)
    base = _facts(complaint, pol, day)
    received = complaint.received_date
    # Lazy: only the rules that can change an outcome run now (defer=True); the others, which give
    # reasons and flags, run when the decision is first read.
    defer = bool(lazy)
    elig = decide(ELIGIBILITY, base, event_date=received, as_of=day, defer=defer)
    outcome = elig.outcome
    prec = _precedence_weighed(base, defer=defer)
    eligible = outcome in _ELIGIBLE
    ask_gck = filing is not None or eligible
    if outcome in _CLOCK_MAY_RUN or ask_gck:
        refuse_provisional(base)  # A2: the six weeks are part of this answer
    filed, hypothetical = (
        _filing_day(complaint, day, filed_on=None, filing=filing, filed_with_provider=filed_with_provider)
        if ask_gck
        else (None, False)
    )
    # One set of facts for the handling status and access: the eligibility outcome is known now.
    facts = new_facts(
        complaint=complaint,
        policy=pol,
        as_of=day,
        judgement=judgement,
        filing=filing,
        filed_on=filed,
        filed_with_provider=filed_with_provider,
        provider=provider,
        handling=base.handling,
        eligibility=outcome,
        eligibility_unknown=unknown_facts(ELIGIBILITY, elig),
        due_soon_days=due_soon_days,
    )
    handling = decide(HANDLING, facts, event_date=received, as_of=day, defer=defer)
    gck = _gck_weighed(facts, defer=defer) if ask_gck else None
    # Assessment(...), through the slots' setters (the frozen __init__ sets each field through
    # object.__setattr__, which costs twice as much; tests/test_engine_construction.py checks the
    # result equals Assessment(...)). The lazy fields hold the one _Pending until first read.
    pending = _new_object(_Pending)
    pending.base, pending.facts, pending.eligible, pending.hypothetical = base, facts, eligible, hypothetical
    pending.elig, pending.prec, pending.handling, pending.gck = elig, prec, handling, gck
    result = _new_object(Assessment)
    _set_complaint_id(result, complaint.id)
    _set_as_of(result, day)
    _set_policy(result, pol.name)
    _set_library_version(result, __version__)
    if defer:
        for setter in _LAZY_SETTERS:
            setter(result, pending)
    else:  # every field built now, by the same functions as on first read
        for setter, make in _EAGER_SETTERS:
            setter(result, make(pending))
    return result


class _Pending:
    """What an :class:`Assessment` builds its lazy fields from: the facts, and each decision's rules
    run and weighed (:func:`~klachtregels.engine.decide`). Shared by the lazy fields of one assessment."""

    __slots__ = ("base", "elig", "eligible", "facts", "gck", "handling", "hypothetical", "prec")

    base: Facts
    facts: Facts
    elig: Weighed
    prec: Weighed
    handling: Weighed
    gck: tuple[Weighed, Weighed | None] | None
    eligible: bool
    hypothetical: bool


def _gck_of(p: _Pending) -> Decision | None:
    return None if p.gck is None else _gck(p.facts, hypothetical=p.hypothetical, weighed=p.gck)


#: How each lazy field of an Assessment is built from its _Pending: the same functions as the
#: single decisions (eligibility(), precedence(), ...), on the rules' results already weighed.
_MATERIALISE: dict[str, Callable[[_Pending], Any]] = {
    "eligibility": lambda p: _eligibility(p.base, p.elig),
    "precedence": lambda p: _precedence(p.base, p.elig.outcome, p.prec),
    "handling": lambda p: _handling(p.facts, eligible=p.eligible, weighed=p.handling),
    "gck_access": _gck_of,
    "deadlines": lambda p: _deadlines(p.facts),
    "house_term_states": lambda p: p.facts.house_states,
}


class _Lazy:
    """A field of :class:`Assessment` built on first read: the slot holds the assessment's
    :class:`_Pending` until then, and the built value after (a cache of a pure function of immutable
    inputs: two threads reading at once build equal values, and one is kept)."""

    __slots__ = ("_get", "_set", "make", "slot")

    def __init__(self, slot: Any, make: Callable[[_Pending], Any]) -> None:
        self.slot = slot
        self.make = make
        # The slot's own accessors, looked up once (a read is on every row's hot path).
        self._get = slot.__get__
        self._set = slot.__set__

    def __get__(self, obj: object, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        value = self._get(obj, objtype)
        if type(value) is _Pending:
            value = self.make(value)
            self._set(obj, value)
        return value

    def __set__(self, obj: object, value: Any) -> None:
        self._set(obj, value)

    def __delete__(self, obj: object) -> None:
        self.slot.__delete__(obj)


_new_object = object.__new__
_set_complaint_id = Assessment.__dict__["complaint_id"].__set__
_set_as_of = Assessment.__dict__["as_of"].__set__
_set_policy = Assessment.__dict__["policy"].__set__
_set_library_version = Assessment.__dict__["library_version"].__set__
_get_handling_slot = Assessment.__dict__["handling"].__get__
_LAZY_SETTERS = tuple(Assessment.__dict__[name].__set__ for name in _MATERIALISE)
_EAGER_SETTERS = tuple((Assessment.__dict__[name].__set__, make) for name, make in _MATERIALISE.items())
for _name, _make in _MATERIALISE.items():
    setattr(Assessment, _name, _Lazy(Assessment.__dict__[_name], _make))


def record_as_of(record: RegisterRecord, day: dt.date) -> RegisterRecord:
    """``record`` as it stood on ``day``: what is dated after it had not happened then, so it takes no
    part in a question asked on that day. A Geschillencommissie filing dated after ``day`` is left
    out, and so is a signal the provider learned of after it (its ``known_on``; a signal without one
    counts from the receipt day, A20); of the signals kept, a consultation or a meldcode route started
    after ``day`` had not happened either. A judgement sent after ``day`` had not been given: it stays,
    for its sending day (not sent by ``day``: R12, R17), while its form (art. 1.57b lid 2 sub e) and
    measures (sub f) are read only once it is given (:meth:`~klachtregels.model.Judgement.given_on`,
    the one test the rules, the checks and the timeline make); a measure carried out after ``day`` had
    not been carried out. The record itself is returned when nothing is dated after ``day`` (the
    usual case). The one place :func:`assess_record`, the compliance checks and the
    obligations timeline read a record as of their day (:func:`assess` reads its complaint and
    judgement through the same helper)."""
    filing = record.filing
    late_filing = filing is not None and (filed := filing.filed_date) is not None and filed > day
    complaint, judgement = _parts_as_of(record.complaint, record.judgement, day)
    if complaint is record.complaint and judgement is record.judgement and not late_filing:
        return record
    return attrs.evolve(
        record, complaint=complaint, judgement=judgement, filing=None if late_filing else filing
    )


def _parts_as_of(
    complaint: Complaint, judgement: Judgement | None, day: dt.date
) -> tuple[Complaint, Judgement | None]:
    """The complaint's signals and the judgement as they stood on ``day`` (:func:`record_as_of`); the
    objects themselves when nothing of them is dated after ``day``. :func:`assess` reads its arguments
    through it too, so a question asked directly and one asked of a record read the same facts."""
    if judgement is not None:
        judgement = _judgement_as_of(judgement, day)
    signals = complaint.signals
    if signals and any(
        _after(s.known_date, day) or _after(s.consulted_date, day) or _after(s.meldcode_started_date, day)
        for s in signals
    ):
        kept = tuple(
            attrs.evolve(
                s,
                consulted_on=None if _after(s.consulted_date, day) else s.consulted_on,
                meldcode_started_on=None if _after(s.meldcode_started_date, day) else s.meldcode_started_on,
            )
            for s in signals
            if not _after(s.known_date, day)
        )
        complaint = attrs.evolve(complaint, signals=kept)
    return complaint, judgement


def _judgement_as_of(judgement: Judgement, day: dt.date) -> Judgement:
    """``judgement`` as it stood on ``day`` (:func:`record_as_of`): a measure carried out after ``day``
    not yet done. A judgement sent after ``day`` is kept: its sending day tells the handling rules it
    had not been sent by then (R12, and a house term that ended before it, R17), and its form and
    measures count only once it is given (:meth:`~klachtregels.model.Judgement.given_on`)."""
    measures = judgement.measures
    if measures and any(_after(m.done_date, day) for m in measures):
        undone = tuple(attrs.evolve(m, done_on=None) if _after(m.done_date, day) else m for m in measures)
        return attrs.evolve(judgement, measures=undone)
    return judgement


def _after(value: dt.date | None, day: dt.date) -> bool:
    """Whether a fact's Amsterdam day (the model reads it) lies after ``day``; unknown does not."""
    return value is not None and value > day


def assess_record(
    record: RegisterRecord,
    *,
    as_of: dt.date,
    policy: PolicyLike = None,
    due_soon_days: int = 7,
    lazy: bool = True,
    provider: Provider | None = None,
) -> Assessment:
    """:func:`assess` one register record: its complaint with its judgement and filing (``lazy``
    and ``provider``: see :func:`assess`; the compliance checks pass the organisation file's
    :meth:`~klachtregels.organisation.Organisation.as_provider`).

    The one evaluation per row that the compliance checks and the annual report both project from.
    A filing dated after ``as_of`` has not happened on ``as_of``: it takes no part (the question is
    asked as of that day). Raises :class:`~klachtregels.errors.InvalidInputError` when ``as_of``
    precedes the receipt day.
    """
    if not isinstance(record, RegisterRecord):
        raise wrong_type("record", "a RegisterRecord", record)
    if type(as_of) is not dt.date:  # a date-time: its Amsterdam day, as assess reads it
        as_of = question_day(as_of)
    record = record_as_of(record, as_of)
    return _assess(
        record.complaint,
        as_of,
        policy,
        record.judgement,
        record.filing,
        due_soon_days,
        None,
        provider,
        lazy,
        False,  # read as of the day just now (record_as_of)
    )
