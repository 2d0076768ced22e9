"""A complaint's obligations timeline: what is due, from whom, by when, and its state on a day.

:func:`obligations` lists every dated duty and right that follows from one complaint: the house
terms (acknowledgement, first contact, the house handling term), the statutory handling deadline,
the written and reasoned judgement, each measure's term, consulting the vertrouwensinspecteur
(meldplicht) and the meldcode route, the oudercommissie's advice where the complaint concerns a
decision it had to be asked about, the day the parent may go straight to the Geschillencommissie,
the twelve-month limit, and the annual report over the complaint's year.

It decides nothing itself. Each item is a projection of one decision or check:

* dates come from the assessment's deadlines (:func:`klachtregels.decisions.assess`), the
  Geschillencommissie access decision, the measures' own dates, and the annual-report rule
  (:func:`klachtregels.rules.annual_report.report_due` through the organisation duty K5);
* states come from the handling decision, the house terms' states (R17), the per-complaint checks
  (:func:`klachtregels.compliance.check_complaint`; the finding-to-state table is data:
  ``data/obligations.toml``) and K5.

A state is ``done``, ``done_late``, ``not_met``, ``due``, ``due_soon``, ``overdue`` or
``undetermined`` (with the facts that would decide it) for a duty; ``upcoming``, ``open`` or
``closed`` for a right. Nothing in an item repeats a complaint's free text.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels._arguments import instance_argument
from klachtregels._io import one_line
from klachtregels.citations import GCK_DIRECT, WKO_1_57B_8, WKO_1_60_1, Citation
from klachtregels.compliance import CheckSettings, check_complaint, load_catalogue
from klachtregels.decisions import complaint_question_day, record_as_of
from klachtregels.messages import format_date, text
from klachtregels.model import Complaint, GckFiling, Judgement, RegisterRecord
from klachtregels.organisation import Organisation
from klachtregels.policy import applied_policy
from klachtregels.rules.annual_report import report_due
from klachtregels.rules.handling import direct_access_opens
from klachtregels.rules.meldcode import (
    consultation_last_day,
    consultation_unverified_years,
    meldplicht_signal,
)
from klachtregels.rules.organisation import DutyContext, organisation_duties
from klachtregels.vocabulary import CLOCK_MAY_RUN, ELIGIBLE_OUTCOMES, FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from klachtregels.compliance import ComplaintChecks
    from klachtregels.decisions import Assessment, PolicyLike
    from klachtregels.policy import Policy
    from klachtregels.terms import Deadline

__all__ = [
    "OBLIGATIONS_SCHEMA_VERSION",
    "Actor",
    "Obligation",
    "ObligationStatus",
    "Obligations",
    "complaint_key",
    "obligations",
]

#: Version of the JSON shape ``klachtregels.obligations``.
OBLIGATIONS_SCHEMA_VERSION: Final = 1


class Actor(enum.StrEnum):
    """Who must (or may) act."""

    PROVIDER = "provider"
    PARENT = "parent"
    OUDERCOMMISSIE = "oudercommissie"


class ObligationStatus(enum.StrEnum):
    """An item's state on the as-of day."""

    #: Done by its date.
    DONE = "done"
    #: Done after its date.
    DONE_LATE = "done_late"
    #: Done, but not as required (a judgement not in writing, a measure without a term).
    NOT_MET = "not_met"
    #: Not done yet; its date is more than the due-soon window away.
    DUE = "due"
    #: Not done yet; its date is within the due-soon window.
    DUE_SOON = "due_soon"
    #: Not done and its date has passed.
    OVERDUE = "overdue"
    #: The facts do not say (see ``missing``).
    UNDETERMINED = "undetermined"
    #: A right that opens later.
    UPCOMING = "upcoming"
    #: A right that may be used now.
    OPEN = "open"
    #: A right whose term has run out.
    CLOSED = "closed"


@attrs.frozen(kw_only=True)
class Obligation:
    """One dated duty or right that follows from a complaint."""

    #: ``handling``, ``gck_filing_limit``, ``measure``, ... (``data/obligations.toml``).
    key: str
    actor: Actor
    #: ``duty`` (act by ``due``) or ``right`` (may act from or until ``due``).
    kind: str
    #: The day it is due, opens or closes; ``None`` when no day follows from the facts.
    due: dt.date | None
    status: ObligationStatus
    #: The facts that would decide an ``undetermined`` state.
    missing: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    #: The compliance findings the state was read from.
    findings: tuple[str, ...] = ()
    #: The deadline behind ``due`` (calendar and Atw dates, provisional mark), when there is one.
    deadline: Deadline | None = attrs.field(default=None, eq=False, repr=False)
    #: For an item that occurs more than once (measures): its number, from 1.
    number: int | None = None
    #: ``due`` rests on equated days (Atw art. 3 lid 3) that are not verified and may still move (A2):
    #: the deadline's mark, the annual-report rule's (``PROVISIONAL_CALENDAR``), or for the meldplicht's
    #: 'onverwijld' day the years its working days were counted through (R28,
    #: :func:`klachtregels.rules.meldcode.consultation_unverified_years`).
    provisional: bool = False
    #: The years whose equated days are not verified, for a provisional ``due``.
    unverified_years: tuple[int, ...] = ()

    def title(self, lang: str = "nl") -> str:
        """What is due, in words."""
        return text(f"OBLIGATION_{self.key.upper()}", lang, number=self.number or "")

    def status_text(self, lang: str = "nl") -> str:
        """The state, in words."""
        return text(f"OBLIGATION_STATUS_{self.status.value.upper()}", lang)

    def provisional_text(self, lang: str = "nl") -> str:
        """Why ``due`` may still move (A2), or ``""`` when it is not provisional."""
        if not self.provisional:
            return ""
        return text("ATW_EXPLAIN_PROVISIONAL", lang, years=self.unverified_years or "?")

    def to_dict(self) -> dict[str, Any]:
        """JSON form (part of ``klachtregels.obligations``)."""
        return {
            "key": self.key,
            "number": self.number,
            "actor": self.actor.value,
            "kind": self.kind,
            "due": None if self.due is None else self.due.isoformat(),
            "status": self.status.value,
            "missing": list(self.missing),
            "rule_ids": list(self.rule_ids),
            "citations": [c.to_dict() for c in self.citations],
            "findings": list(self.findings),
            "provisional": self.provisional,
            "unverified_years": list(self.unverified_years),
            "title": {"nl": self.title("nl"), "en": self.title("en")},
        }


@attrs.frozen(kw_only=True)
class Obligations:
    """The timeline of one complaint on one day, ordered by date (items without a day last)."""

    complaint_id: str | None
    as_of: dt.date
    policy: str
    items: tuple[Obligation, ...]
    #: What tells a complaint without an id apart from another (:func:`complaint_key`), for the
    #: iCalendar UIDs; ``None`` when it has an id (the id tells it apart) or was not given.
    complaint_key: str | None = attrs.field(default=None, repr=False)

    def __iter__(self) -> Iterator[Obligation]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def by_key(self, key: str) -> tuple[Obligation, ...]:
        """The items with this key (measures may be several)."""
        return tuple(item for item in self.items if item.key == key)

    def explain(self, lang: str = "nl") -> str:
        """The timeline as lines: date, who, what, state."""
        # The id is the user's text: on one line, so it cannot start lines of its own in the output.
        who = one_line(self.complaint_id) if self.complaint_id else "-"
        lines = [text("OBLIGATIONS_HEADING", lang, who=who, as_of=self.as_of)]
        for item in self.items:
            day = format_date(item.due, lang) if item.due is not None else "-"
            actor = text(f"OBLIGATION_ACTOR_{item.actor.value.upper()}", lang)
            line = f"{day:<26} {actor:<15} {item.title(lang)}: {item.status_text(lang)}"
            if item.provisional:
                line += text("OBLIGATION_PROVISIONAL", lang)
            if item.missing:
                line += f" ({text('OBLIGATION_MISSING', lang)}: {', '.join(item.missing)})"
            lines.append(line)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON shape ``klachtregels.obligations``."""
        return {
            "schema": "klachtregels.obligations",
            "schema_version": OBLIGATIONS_SCHEMA_VERSION,
            "complaint_id": self.complaint_id,
            "as_of": self.as_of.isoformat(),
            "policy": self.policy,
            "items": [item.to_dict() for item in self.items],
        }


@functools.cache
def _table() -> Mapping[str, Any]:
    data = resources.files("klachtregels.data").joinpath("obligations.toml").read_text(encoding="utf-8")
    return tomllib.loads(data)


def _spec(key: str) -> tuple[Actor, str, tuple[str, ...], tuple[Citation, ...]]:
    """An item's actor, kind, rule ids and citations (from its check in the catalogue, or its rules)."""
    item = _table()["items"][key]
    check_id = item.get("check")
    if check_id is not None:
        check = load_catalogue().checks[check_id]
        return Actor(item["actor"]), item["kind"], check.rule_ids, check.citations
    return Actor(item["actor"]), item["kind"], tuple(item.get("rules", ())), ()


def _item(key: str, due: dt.date | None, status: ObligationStatus, **kw: Any) -> Obligation:
    actor, kind, rule_ids, citations = _spec(key)
    extra = kw.pop("citations", ())
    deadline = kw.get("deadline")
    if deadline is not None and deadline.provisional:  # A2: the deadline's own mark, never dropped
        kw.setdefault("provisional", True)
        kw.setdefault("unverified_years", deadline.unverified_years)
    return Obligation(
        key=key, actor=actor, kind=kind, due=due, status=status, rule_ids=rule_ids,
        citations=citations + tuple(extra), **kw,
    )  # fmt: skip


class _Ctx:
    """What the items are projected from: the checks (with their assessment) and the settings."""

    def __init__(
        self, checks: ComplaintChecks, assessment: Assessment, as_of: dt.date, due_soon: int
    ) -> None:
        self.checks = checks
        self.assessment = assessment
        self.as_of = as_of
        self.due_soon = due_soon
        self.found: dict[str, list[str]] = {}
        for f in checks.findings:
            self.found.setdefault(f.check, []).append(f.id)
        self.passed = {p.check for p in checks.passed}

    def open_state(self, due: dt.date) -> ObligationStatus:
        """A duty not done yet, by how near its day is (the due-soon window of the assessment)."""
        if self.as_of > due:
            return ObligationStatus.OVERDUE
        return ObligationStatus.DUE_SOON if (due - self.as_of).days <= self.due_soon else ObligationStatus.DUE

    def from_check(self, check: str) -> tuple[ObligationStatus | None, tuple[str, ...]]:
        """The state the check's findings give (the worst), ``done`` when it passed, else ``None``."""
        found = self.found.get(check, [])
        table = _table()["findings"]
        states = [ObligationStatus(table[fid]) for fid in found if fid in table]
        if states:
            return max(states, key=_SEVERITY.__getitem__), tuple(found)
        if check in self.passed:
            return ObligationStatus.DONE, ()
        return None, tuple(found)


#: Which state wins when a check gives several (higher is worse).
_SEVERITY: Final = {
    ObligationStatus.DONE: 0,
    ObligationStatus.UNDETERMINED: 1,
    ObligationStatus.DONE_LATE: 2,
    ObligationStatus.NOT_MET: 3,
}

_HANDLING_STATE: Final = {
    Outcome.JUDGED_IN_TIME: ObligationStatus.DONE,
    Outcome.JUDGED_LATE: ObligationStatus.DONE_LATE,
    Outcome.OPEN_OVERDUE: ObligationStatus.OVERDUE,
    Outcome.OPEN_DUE_SOON: ObligationStatus.DUE_SOON,
    Outcome.OPEN_ON_TRACK: ObligationStatus.DUE,
    Outcome.UNDETERMINED: ObligationStatus.UNDETERMINED,
    Outcome.NEEDS_HUMAN_JUDGEMENT: ObligationStatus.UNDETERMINED,
}

_HOUSE_TERMS: Final = ("acknowledgement", "first_contact", "house_handling")


def _house_terms(ctx: _Ctx) -> list[Obligation]:
    out = []
    for key in _HOUSE_TERMS:
        state = ctx.assessment.house_term_states.get(key)
        if state is None:
            continue
        deadline, outcome = state
        check = _table()["items"][key]["check"]
        found = tuple(ctx.found.get(check, ()))
        if outcome is Outcome.MET:
            status = ObligationStatus.DONE
        elif outcome is Outcome.NOT_MET:
            status = ObligationStatus.DONE_LATE
        elif outcome is Outcome.PENDING:
            status = ctx.open_state(deadline.date)
        else:
            status = ObligationStatus.UNDETERMINED
        missing = (f"complaint.{_DONE_FACT[key]}",) if status is ObligationStatus.UNDETERMINED else ()
        out.append(_item(key, deadline.date, status, deadline=deadline, findings=found, missing=missing))
    return out


_DONE_FACT: Final = {
    "acknowledgement": "acknowledged_on",
    "first_contact": "first_contact_on",
    "house_handling": "judgement.sent_on",
}


def _handling(ctx: _Ctx) -> list[Obligation]:
    deadline = ctx.assessment.deadlines.get("handling")
    decision = ctx.assessment.handling
    status = _HANDLING_STATE.get(decision.outcome)
    if status is None:  # not started / not applicable: the statutory term does not run
        return []
    found = tuple(ctx.found.get("handling-term", ()))
    due = deadline.date if deadline is not None else None
    handling = _item(
        "handling", due, status, deadline=deadline, findings=found, missing=decision.unknown_facts
    )
    form_state, form_found = ctx.from_check("judgement-form")
    if form_state is None:  # no judgement yet: due with the handling term
        form_state = status if status not in (ObligationStatus.DONE, ObligationStatus.DONE_LATE) else None
    out = [handling]
    if form_state is not None:
        missing = (
            ("judgement.written", "judgement.reasoned") if form_state is ObligationStatus.UNDETERMINED else ()
        )
        out.append(
            _item("judgement_form", due, form_state, deadline=deadline, findings=form_found, missing=missing)
        )
    return out


def _measures(ctx: _Ctx, judgement: Judgement | None) -> list[Obligation]:
    if judgement is None or not judgement.measures or not judgement.given_on(ctx.as_of):
        return []  # measures are set by a judgement given (on as_of)
    term_state, found = ctx.from_check("measure-term")
    out = []
    for number, measure in enumerate(judgement.measures, start=1):
        # Their Europe/Amsterdam days (A22), as every other date is read; a measure carried out after
        # as_of is not done on it (decisions.record_as_of gives the judgement as it stood then).
        due, done = measure.due_date, measure.done_date
        missing: tuple[str, ...] = ()
        if due is None:
            # No day to carry it out by. No term stated: lid 2 f is not met (the check's finding). A
            # term stated but its day not recorded (or not known): whether it was carried out in time
            # is open; the check passing lid 2 f never makes the measure itself done.
            no_term = measure.concrete_term is False and term_state is ObligationStatus.NOT_MET
            status = ObligationStatus.NOT_MET if no_term else ObligationStatus.UNDETERMINED
            missing = ("measure.due_on",)
        elif done is not None:
            status = ObligationStatus.DONE if done <= due else ObligationStatus.DONE_LATE
        else:
            status = ctx.open_state(due)
        out.append(_item("measure", due, status, number=number, findings=found, missing=missing))
    return out


def _signals(ctx: _Ctx, complaint: Complaint, settings: CheckSettings) -> list[Obligation]:
    duties = set(ctx.assessment.precedence.details.get("duties", ()))
    out = []
    if FlagCode.MELDPLICHT_1_51B in duties:
        state, found = ctx.from_check("meldplicht")
        # The signal whose known_on starts 'onverwijld': the one the meldplicht check reads.
        staff = meldplicht_signal(complaint.signals)
        known = None if staff is None else staff.known_date
        due = (
            consultation_last_day(known, settings.consult_within_working_days) if known is not None else None
        )
        not_recorded = "KR-MELDPLICHT-NOT-CONSULTED" in found
        if state is None or (not_recorded and due is not None and ctx.as_of <= due):
            # Nothing recorded while the term still runs: due, not undetermined.
            state = ctx.open_state(due) if due is not None else ObligationStatus.UNDETERMINED
        missing = ("signal.consulted_on",) if state is ObligationStatus.UNDETERMINED else ()
        # A2: the day counted through a year whose equated days are not known may still move later.
        years = (
            consultation_unverified_years(known, settings.consult_within_working_days)
            if known is not None
            else ()
        )
        mark = {"provisional": True, "unverified_years": years} if years else {}
        out.append(_item("meldplicht", due, state, findings=found, missing=missing, **mark))
    if duties & {FlagCode.MELDCODE, FlagCode.MELDCODE_ROUTE_3}:
        state, found = ctx.from_check("meldcode")
        state = state or ObligationStatus.UNDETERMINED
        missing = ("signal.meldcode_started_on",) if state is ObligationStatus.UNDETERMINED else ()
        out.append(_item("meldcode", None, state, findings=found, missing=missing))
    return out


def _oudercommissie(ctx: _Ctx) -> list[Obligation]:
    if not ctx.assessment.eligibility.has_flag(FlagCode.OUDERCOMMISSIE_ADVICE_REQUIRED):
        return []
    return [
        _item(
            "oudercommissie_advice",
            None,
            ObligationStatus.UNDETERMINED,
            missing=("oudercommissie.advice_requested",),
            citations=(WKO_1_60_1,),
        )
    ]


def _gck(ctx: _Ctx) -> list[Obligation]:
    out = []
    handling = ctx.assessment.deadlines.get("handling")
    decision = ctx.assessment.handling
    judged = decision.outcome in (Outcome.JUDGED_IN_TIME,)
    if handling is not None and not judged and ctx.assessment.eligibility.outcome in ELIGIBLE_OUTCOMES:
        opens = direct_access_opens(handling.date)
        missing: tuple[str, ...] = ()
        if ctx.as_of < opens:
            status = ObligationStatus.UPCOMING
        elif decision.outcome in (Outcome.UNDETERMINED, Outcome.NEEDS_HUMAN_JUDGEMENT):
            # Whether the judgement came in time is open (R12), so is direct access (R20 i): as
            # the access decision says, never 'open' on a guess.
            status, missing = ObligationStatus.UNDETERMINED, decision.unknown_facts
        else:
            status = ObligationStatus.OPEN
        out.append(
            _item(
                "gck_direct_access",
                opens,
                status,
                deadline=handling,
                citations=(GCK_DIRECT,),
                missing=missing,
            )
        )
    limit = ctx.assessment.deadlines.get("gck_filing_limit")
    if limit is not None:
        state, found = ctx.from_check("gck-filing")
        if state is None:
            if "gck-filing" in ctx.passed:
                state = ObligationStatus.DONE
            else:
                state = ObligationStatus.OPEN if ctx.as_of <= limit.date else ObligationStatus.CLOSED
        out.append(_item("gck_filing_limit", limit.date, state, deadline=limit, findings=found))
    return out


_K5_STATE: Final = {
    Outcome.MET: ObligationStatus.DONE,
    Outcome.NOT_MET: ObligationStatus.DONE_LATE,
    Outcome.UNDETERMINED: ObligationStatus.UNDETERMINED,
}


def _annual_report(
    ctx: _Ctx, policy: Policy, organisation: Organisation | None, year: int | None
) -> list[Obligation]:
    """The annual report over the complaint's year (R9), as the organisation duty K5 reads it."""
    if not ctx.checks.counts_for_report or year is None:
        return []
    # When it is due is the rule's answer (R9, A16), the one K5 reads; so is its provisional mark (A2).
    due = report_due(year, written_complaints=1, jaarverslag_atw=policy.jaarverslag_atw)
    if due.last_day is None:
        return []
    mark: dict[str, Any] = {}
    if FlagCode.PROVISIONAL_CALENDAR in due.flags:
        mark = {"provisional": True, "unverified_years": (due.last_day.year,)}
    org = organisation or Organisation(name="-")
    duty_ctx = DutyContext(
        organisation=org,
        as_of=ctx.as_of,
        policy=policy,
        complaints_per_year={year: 1},
        register_years=(year, year),
    )
    sent = [
        d for d in organisation_duties(duty_ctx) if d.item == "K5" and d.aspect == "sent" and d.year == year
    ]
    if not sent:  # the year is not over: the report is still to come, by the day R9 gives
        last = due.last_day
        return [_item("annual_report", last, ctx.open_state(last), citations=(WKO_1_57B_8,), **mark)]
    decision = sent[0]
    last = dt.date.fromisoformat(decision.details["last_day"])
    if decision.outcome is Outcome.PENDING:
        status = ctx.open_state(last)
    else:
        status = _K5_STATE.get(decision.outcome, ObligationStatus.UNDETERMINED)
    missing = (
        decision.unknown_facts if organisation is not None else (f"annual_reports[{year}].sent_to_ggd_on",)
    )
    return [
        _item(
            "annual_report",
            last,
            status,
            missing=missing if status is ObligationStatus.UNDETERMINED else (),
            citations=(WKO_1_57B_8,),
            **mark,
        )
    ]


def obligations(
    complaint: Complaint,
    *,
    as_of: dt.date,
    policy: PolicyLike = None,
    judgement: Judgement | None = None,
    filing: GckFiling | None = None,
    organisation: Organisation | None = None,
    settings: CheckSettings | None = None,
) -> Obligations:
    """Every dated duty and right that follows from ``complaint`` on ``as_of``, ordered by date.

    ``judgement`` and ``filing`` are what happened so far; ``organisation`` (its recorded annual
    reports) lets the annual report's state be read; ``settings`` holds the due-soon window and the
    working days that count as 'onverwijld' (the compliance settings). Raises
    :class:`~klachtregels.errors.InvalidInputError` when ``as_of`` precedes the receipt day.

    The house terms, the six weeks and the measures are listed only for a complaint the procedure may
    cover (eligibility in :data:`~klachtregels.vocabulary.CLOCK_MAY_RUN`; R7, R12, R17), as
    :func:`~klachtregels.decisions.assess` gives their deadlines.
    """
    instance_argument(complaint, Complaint, "complaint", optional=False)
    key = complaint_key(complaint)
    day = complaint_question_day(complaint, as_of)
    received = complaint.received_date
    instance_argument(judgement, Judgement, "judgement")
    instance_argument(filing, GckFiling, "filing")
    if organisation is not None:
        from klachtregels.organisation import Organisation as _Organisation  # only when given

        instance_argument(organisation, _Organisation, "organisation")
    settings = instance_argument(settings, CheckSettings, "settings") or CheckSettings()
    pol = applied_policy(policy)
    # As it stood on as_of (what is dated later had not happened), as the checks read it.
    record = record_as_of(RegisterRecord(complaint=complaint, judgement=judgement, filing=filing), day)
    complaint, judgement = record.complaint, record.judgement
    provider = organisation.as_provider() if organisation is not None else None
    checks = check_complaint(record, as_of=day, policy=pol, settings=settings, provider=provider)
    assessment = checks.assessment
    assert assessment is not None  # only a complaint received after as_of has none, refused above
    ctx = _Ctx(checks, assessment, day, settings.due_soon_days)
    items: list[Obligation] = []
    if assessment.eligibility.outcome in CLOCK_MAY_RUN:
        items += _house_terms(ctx) + _handling(ctx) + _measures(ctx, judgement)
    items += _signals(ctx, complaint, settings) + _oudercommissie(ctx) + _gck(ctx)
    items += _annual_report(ctx, pol, organisation, received.year if received is not None else None)
    return Obligations(
        complaint_id=complaint.id, as_of=day, policy=pol.name, items=_ordered(items), complaint_key=key
    )


def complaint_key(complaint: Complaint) -> str | None:
    """What tells a complaint without an id apart from another in an export, as a SHA-256 digest:
    what is known of it when it is received (its receipt moment as given, channel, location, provider,
    and the complainant's own id). Not its name or text (personal data, and free text changes), nor
    anything its handling adds later (a judgement, a first contact, signals), so the key is the same
    in every export of the complaint. ``None`` for a complaint with an id. Two complaints alike in
    all of these are not told apart: give each an id."""
    if complaint.id is not None:
        return None
    received = complaint.received_on
    parts = (
        "" if received is None else received.isoformat(),
        "" if complaint.channel is None else str(complaint.channel.value),
        complaint.location or "",
        complaint.organisation or "",
        (complaint.complainant.id or "") if complaint.complainant is not None else "",
    )
    # Each part with its length in front: no two different sets of parts give the same text.
    joined = "".join(f"{len(part)}:{part}" for part in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def _ordered(items: Sequence[Obligation]) -> tuple[Obligation, ...]:
    keys = list(_table()["items"])
    return tuple(
        sorted(items, key=lambda o: (o.due is None, o.due or dt.date.min, keys.index(o.key), o.number or 0))
    )
