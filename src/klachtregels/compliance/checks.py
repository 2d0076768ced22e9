"""Per-complaint compliance findings: a projection of the decisions, never a second derivation.

A register record is assessed once (:func:`klachtregels.decisions.assess_record`): eligibility,
precedence, the handling status and Geschillencommissie access, with their flags. Each check then
*names* what a decision answered: the mapping from a decision's outcome and flags to a finding id is
data (``compliance/data/projection.toml``), and the facts a finding's message shows (dates, counts,
codes) are read from the decisions. A check that the decision could not answer reports an
'undetermined' (info) finding naming the missing facts: never an error, never silence.

The one thing decided here is the meldplicht's 'onverwijld' (Wko 1.51b lid 1), which has no
statutory measure: the threshold is a check setting (:class:`CheckSettings`), counted in ATW working
days by the calendar.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.calendar import working_days_between
from klachtregels.compliance.findings import (
    CheckSettings,
    Finding,
    FindingId,
    Passed,
    Severity,
    load_catalogue,
    make_finding,
)
from klachtregels.decisions import assess_record, record_as_of
from klachtregels.messages import text
from klachtregels.model import GckFiling, PartyRole, RegisterRecord, SignalKind, Verdict
from klachtregels.policy import HandledWhen, Policy
from klachtregels.rules.annual_report import counts_as_complaint
from klachtregels.rules.handling import direct_access_opens
from klachtregels.rules.meldcode import consultation_last_day, meldplicht_signal
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from klachtregels.decisions import Assessment
    from klachtregels.engine import Decision, Flag
    from klachtregels.model import Complaint, Judgement, Provider
    from klachtregels.terms import Deadline, Term

__all__ = ["ComplaintChecks", "Projection", "check_complaint", "counts_for_annual_report", "load_projection"]

#: The pseudo-outcome of a record received after the as-of date (it cannot be assessed yet).
AFTER_AS_OF: Final = "after_as_of"
_MELDCODE_ROUTES: Final = {
    SignalKind.ABUSE_AT_HOME: "1",
    SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN: "3",
}
#: How the judgement counts as given (A5), as the finding's message says it (messages/compliance.toml).
_HANDLED_WORDS: Final = {
    HandledWhen.SENT: "CHECK_HANDLED_SENT",
    HandledWhen.RECEIVED: "CHECK_HANDLED_RECEIVED",
}


# --- the projection table ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CheckProjection:
    """How one check names a decision's answer (one table of ``projection.toml``)."""

    check: str
    decision: str
    outcome: Mapping[str, str] = attrs.field(factory=dict)
    by_rule: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    flags: Mapping[str, str] = attrs.field(factory=dict)
    flag_on_pass: Mapping[str, str] = attrs.field(factory=dict)

    def name(self, decision: Decision, outcome: str | None = None) -> str | None:
        """The finding id, ``"pass"``, ``"skip"`` or ``None`` (the outcome is not mapped).

        ``outcome`` names another outcome than the decision's own (the rest of a redirected dispute).
        """
        if outcome is None:
            outcome = decision.outcome  # a StrEnum: it looks up the table's strings as itself
        by_rule = self.by_rule.get(outcome)
        if by_rule is not None:
            for rule_id, finding in by_rule.items():
                if decision.gave(rule_id, outcome):
                    return finding
        named = self.outcome.get(outcome)
        if named == "pass" and self.flag_on_pass and decision.flags:
            for code, finding in self.flag_on_pass.items():
                if decision.has_flag(code):
                    return finding
        return named

    def flagged(self, decision: Decision) -> list[str]:
        """The finding ids of the mapped flags ``decision`` carries, in table order."""
        if not decision.flags:
            return []
        codes = {f.code for f in decision.flags}
        return [finding for code, finding in self.flags.items() if code in codes]


@attrs.frozen(kw_only=True)
class Projection:
    """The whole table: the decision checks and the house terms (``compliance/data/projection.toml``)."""

    checks: Mapping[str, CheckProjection]
    #: House term key -> (check id, {state: finding id}).
    house_terms: Mapping[str, tuple[str, Mapping[str, str]]]
    #: K item (``K5.sent`` for an aspect) -> {outcome or flag code: finding id}.
    organisation: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    #: K item -> {outcome: {reason (an ambiguity id): finding id}}: an answer given for a reason
    #: rather than a missing fact, named by that reason instead of by its outcome alone.
    organisation_by_reason: Mapping[str, Mapping[str, Mapping[str, str]]] = attrs.field(factory=dict)


@functools.cache
def load_projection() -> Projection:
    """The shipped projection table (cached)."""
    raw = (resources.files("klachtregels.compliance") / "data" / "projection.toml").read_text(
        encoding="utf-8"
    )
    data = tomllib.loads(raw)
    checks = {
        key: CheckProjection(
            check=key,
            decision=item["decision"],
            outcome=_named(item.get("outcome", {})),
            by_rule={outcome: _named(names) for outcome, names in item.get("by_rule", {}).items()},
            flags=_named(item.get("flags", {})),
            flag_on_pass=_named(item.get("flag_on_pass", {})),
        )
        for key, item in data["checks"].items()
    }
    house = {
        key: (item["check"], _named({k: v for k, v in item.items() if k != "check"}))
        for key, item in data["house_terms"].items()
    }
    organisation = {
        key: _named({k: v for k, v in item.items() if k != "by_reason"})
        for key, item in data["organisation"].items()
    }
    by_reason = {
        key: {outcome: _named(names) for outcome, names in item["by_reason"].items()}
        for key, item in data["organisation"].items()
        if "by_reason" in item
    }
    return Projection(
        checks=checks, house_terms=house, organisation=organisation, organisation_by_reason=by_reason
    )


def _named(names: Mapping[str, str]) -> dict[str, str]:
    """A table's names with each finding id as its :class:`FindingId` member (read once, not per row;
    an unknown id fails here)."""
    return {key: value if value in ("pass", "skip") else FindingId(value) for key, value in names.items()}


# --- results ----------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComplaintChecks:
    """What the checks found about one complaint."""

    findings: tuple[Finding, ...]
    passed: tuple[Passed, ...]
    #: The eligibility outcome (or ``after_as_of`` for a record received after the as-of date).
    eligibility: str
    #: Counts as a complaint for the annual report (R9 lid 9; :mod:`klachtregels.rules.annual_report`).
    counts_for_report: bool
    #: The decisions the findings project, ``None`` for a record received after the as-of date.
    assessment: Assessment | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def k4_errors(self) -> bool:
        """Whether a K4 check (term, judgement, measures, house terms) gave an error."""
        errors = _k4_ids()[0]
        return any(f.id in errors for f in self.findings)

    @property
    def k4_undetermined(self) -> bool:
        """Whether a K4 check could not decide for lack of facts."""
        undetermined = _k4_ids()[1]
        return any(f.id in undetermined for f in self.findings)


@functools.cache
def _k4_ids() -> tuple[frozenset[str], frozenset[str]]:
    """The finding ids of the K4 checks that are errors, and those that say the facts were missing
    (from the catalogue, once: every complaint asks)."""
    catalogue = load_catalogue()
    k4 = [spec for spec in catalogue.findings.values() if catalogue.checks[spec.check].k_item == "K4"]
    return (
        frozenset(spec.id for spec in k4 if spec.severity is Severity.ERROR),
        frozenset(spec.id for spec in k4 if spec.id.endswith(("-UNDETERMINED", "-UNKNOWN"))),
    )


class _Out:
    """Collects findings and passes for one record."""

    __slots__ = ("cid", "findings", "passed", "row")

    def __init__(self, record: RegisterRecord) -> None:
        self.row = record.row
        self.cid = record.complaint.id
        self.findings: list[Finding] = []
        self.passed: list[Passed] = []

    def add(self, finding_id: str, facts: Mapping[str, object] | None = None) -> None:
        self.findings.append(make_finding(finding_id, facts, row=self.row, complaint_id=self.cid))

    def ok(self, check: str) -> None:
        self.passed.append(Passed(check=check, row=self.row, complaint_id=self.cid))


class _Ctx:
    """What the fact builders read: the record, its assessment, the policy and the settings."""

    __slots__ = ("assessment", "policy", "record", "settings")

    def __init__(
        self, record: RegisterRecord, assessment: Assessment, policy: Policy, settings: CheckSettings
    ) -> None:
        self.record = record
        self.assessment = assessment
        self.policy = policy
        self.settings = settings

    @property
    def complaint(self) -> Complaint:
        return self.record.complaint

    @property
    def handling(self) -> Deadline | None:
        return self.assessment.deadlines.get("handling")

    def handled_on(self) -> dt.date | None:
        value = self.assessment.handling.details.get("handled_on")
        return None if value is None else dt.date.fromisoformat(value)

    def handled_not_before(self) -> dt.date | None:
        """A5: the sending day, when the receipt counts and is unknown (the handling decision's details)."""
        value = self.assessment.handling.details.get("handled_not_before")
        return None if value is None else dt.date.fromisoformat(value)


# --- the entry point --------------------------------------------------------------------------------


_SETTINGS_TYPES: Final = (type(None), CheckSettings)


def _check_arguments(record: object, as_of: object, policy: object, settings: object) -> dt.date:
    """Refuse arguments of :func:`check_complaint` of the wrong type, by their names."""
    from klachtregels._arguments import instance_argument
    from klachtregels.decisions import question_day

    instance_argument(record, RegisterRecord, "record", optional=False)
    instance_argument(policy, Policy, "policy", optional=False)
    instance_argument(settings, CheckSettings, "settings")
    return question_day(as_of, "as_of")


def check_complaint(
    record: RegisterRecord,
    *,
    as_of: dt.date,
    policy: Policy,
    settings: CheckSettings | None = None,
    provider: Provider | None = None,
) -> ComplaintChecks:
    """Every per-complaint check on ``record``: one assessment, projected onto findings.

    ``provider``: the provider's facts the rules read (A12's ``NO_REGULATION``), as
    :func:`~klachtregels.decisions.assess` takes them; a run with an organisation file passes
    :meth:`~klachtregels.organisation.Organisation.as_provider`, built once per run.
    """
    if (
        record.__class__ is not RegisterRecord
        or as_of.__class__ is not dt.date
        or policy.__class__ is not Policy
        or settings.__class__ not in _SETTINGS_TYPES
    ):
        as_of = _check_arguments(record, as_of, policy, settings)
    settings = settings or _DEFAULT_SETTINGS
    out = _Out(record)
    received = record.complaint.received_date
    if received is not None and received > as_of:
        # Judging a complaint before it arrived is meaningless (a later as-of date, or a typo).
        out.add(FindingId.SCOPE_AFTER_AS_OF, {"received": received, "as_of": as_of})
        return ComplaintChecks(
            findings=tuple(out.findings), passed=(), eligibility=AFTER_AS_OF, counts_for_report=False
        )
    # The record as it stood on as_of (what is dated later had not happened): the assessment and
    # the findings read the same facts (decisions.record_as_of, which assess_record applies too).
    filing = record.filing  # as recorded: one filed after as_of is named as such (_project_gck)
    record = record_as_of(record, as_of)
    assessment = assess_record(
        record, as_of=as_of, policy=policy, due_soon_days=settings.due_soon_days, provider=provider
    )
    ctx = _Ctx(record, assessment, policy, settings)
    table = load_projection()
    checks = table.checks
    eligibility = assessment.eligibility
    _project(out, ctx, checks["scope"], eligibility)
    if eligibility.outcome in ELIGIBLE_OUTCOMES:
        _project_handling(out, ctx, table)
    _check_signals(out, ctx)
    if filing is not None:
        _project_gck(out, ctx, checks["gck-filing"], filing)
    return ComplaintChecks(
        findings=tuple(out.findings),
        passed=tuple(out.passed),
        eligibility=str(eligibility.outcome),
        counts_for_report=counts_as_complaint(eligibility),
        assessment=assessment,
    )


#: The settings of a call that gives none (frozen: one instance serves every call).
_DEFAULT_SETTINGS: Final = CheckSettings()


def _project(
    out: _Out, ctx: _Ctx, spec: CheckProjection, decision: Decision, *, outcome: str | None = None
) -> None:
    """Name ``decision``'s answer for ``spec``'s check (``outcome`` overrides the decision's, for
    redirects)."""
    named = spec.name(decision, outcome)
    if named is None:
        raise KeyError(f"projection.toml: {spec.check} does not map outcome {outcome or decision.outcome}")
    if named == "pass":
        out.ok(spec.check)
    elif named != "skip":
        out.add(named, _FACTS[named](ctx, decision))


def _project_flags(out: _Out, ctx: _Ctx, spec: CheckProjection, decision: Decision) -> bool:
    """Add a finding per mapped flag; whether any was added."""
    found = spec.flagged(decision)
    for finding in found:
        out.add(finding, _FACTS[finding](ctx, decision))
    return bool(found)


def _project_handling(out: _Out, ctx: _Ctx, table: Projection) -> None:
    checks = table.checks
    handling = ctx.assessment.handling
    _project(out, ctx, checks["handling-term"], handling)
    if ctx.handling is not None and not _project_flags(out, ctx, checks["provisional-deadline"], handling):
        out.ok("provisional-deadline")
    if (
        not _project_flags(out, ctx, checks["extension"], handling)
        and ctx.complaint.extension_agreed is False
    ):
        out.ok("extension")
    judgement = ctx.record.judgement
    if judgement is not None and judgement.given_on(ctx.assessment.as_of):  # form and measures: once given
        _judgement_form(out, ctx, handling, judgement, checks["judgement-form"])
        _measure_term(out, ctx, handling, judgement, checks["measure-term"])
    # The states R17 read (rules.handling.house_term_states), kept with the assessment.
    for key, (term, state) in ctx.assessment.house_term_states.items():
        if key not in table.house_terms:
            continue  # the submission window is about admissibility, not a duty of the provider
        check, names = table.house_terms[key]
        named = names.get(state)
        if named is not None:
            if key == "house_handling":  # late by its sending day when the receipt is unknown (A5)
                done = ctx.handled_on() or ctx.handled_not_before()
            else:
                done = _house_done(ctx.complaint, key)
            out.add(named, _house_facts(term, done))
        elif state is Outcome.MET:
            out.ok(check)


def _judgement_form(
    out: _Out, ctx: _Ctx, handling: Decision, judgement: Judgement, spec: CheckProjection
) -> None:
    """Art. 1.57b lid 2 sub e: the decision flags what is not met; unknown form facts are named."""
    failed = _project_flags(out, ctx, spec, handling)
    form = (("judgement_written", judgement.written), ("judgement_reasoned", judgement.reasoned))
    unknown = [name for name, value in form if value is None]
    if unknown and not failed:
        out.add(FindingId.JUDGEMENT_FORM_UNDETERMINED, {"unknown": unknown})
    elif not failed and not unknown:
        out.ok("judgement-form")


def _measure_term(
    out: _Out, ctx: _Ctx, handling: Decision, judgement: Judgement, spec: CheckProjection
) -> None:
    """Art. 1.57b lid 2 sub f: the decision flags a measure without a term; unknown terms are named."""
    if _project_flags(out, ctx, spec, handling):
        return
    measures = judgement.measures
    if measures is None:
        # Nothing upheld means no measures to give a term for; otherwise the measures are unknown.
        if judgement.verdict is Verdict.ONGEGROND:
            out.ok("measure-term")
        else:
            out.add(FindingId.MEASURE_TERM_UNDETERMINED, {"unknown": "measures"})
        return
    unknown = [f"measures[{i}].has_concrete_term" for i, m in enumerate(measures) if m.concrete_term is None]
    if unknown:
        out.add(FindingId.MEASURE_TERM_UNDETERMINED, {"unknown": unknown})
    else:
        out.ok("measure-term")


def _project_gck(out: _Out, ctx: _Ctx, spec: CheckProjection, filing: GckFiling) -> None:
    if filing.filed_by is PartyRole.OUDERCOMMISSIE:
        return  # the oudercommissie's own route (R25): no twelve months after a complaint
    gck = ctx.assessment.gck_access
    if gck is None:  # filed after the as-of date: not a fact on that day (assess_record)
        out.add(FindingId.GCK_UNDETERMINED, {"unknown": ["gck_filed_on (after the as-of date)"]})
        return
    if gck.details.get("route") == "oudercommissie":
        return
    if gck.has_flag(FlagCode.HYPOTHETICAL_FILING):
        out.add(FindingId.GCK_UNDETERMINED, {"unknown": ["gck_filed_on"]})
        return
    rest = gck.details.get("rest") if gck.outcome == Outcome.REDIRECT else None
    _project(out, ctx, spec, gck, outcome=rest)


def _house_done(complaint: Complaint, key: str) -> dt.date | None:
    return complaint.first_contact_date if key == "first_contact" else complaint.acknowledged_date


def _house_facts(term: Deadline, done: dt.date | None) -> dict[str, object]:
    nl, en = _term_labels(term.term)
    facts: dict[str, object] = {"term_nl": nl, "term_en": en, "deadline": term.date}
    if done is not None:
        facts["done_on"] = done
    return facts


@functools.lru_cache(maxsize=256)
def _term_labels(term: Term) -> tuple[str, str]:
    """A house term's label in Dutch and English (a policy has a handful of terms: made once each)."""
    return term.label("nl"), term.label("en")


# --- the facts each finding's message shows (read from the decisions) -------------------------------


def _scope_reason(flags: Iterable[Flag], unknown: Iterable[str]) -> str:
    """Unknown facts and flags (with their ambiguity ids) of the eligibility decision, as codes."""
    parts = [*unknown]
    parts += [f"{f.ambiguity} {f.code}" if f.ambiguity else str(f.code) for f in flags]
    return "; ".join(dict.fromkeys(parts)) or "needs human judgement"


def _policy_reason(ctx: _Ctx, decision: Decision) -> dict[str, object]:
    """Why a complaint is in scope by policy only: the rules of the eligibility decision that gave
    ``eligible_by_policy`` (its own reasons: nothing is decided here again), each named by the open
    point the house settles and the fact it widened: who (R3, A7), what (R4, A8), how (R5, A9)."""
    complaint = ctx.complaint
    parts: list[str] = []
    for reason in decision.reasons:
        if reason.outcome != Outcome.ELIGIBLE_BY_POLICY or reason.set_aside:
            continue
        if reason.rule_id == "R3" and complaint.complainant is not None and complaint.complainant.role:
            parts.append(f"A7 {complaint.complainant.role.value}")
        elif reason.rule_id == "R4":
            parts += [f"A8 {s.value}" for s in complaint.subjects or ()]
        elif reason.rule_id == "R5" and complaint.channel is not None:
            parts.append(f"A9 {complaint.channel.value}")
        else:
            parts.append(reason.rule_id)
    return {"reason": "; ".join(parts) or "policy"}


def _handling_open(ctx: _Ctx, decision: Decision) -> dict[str, object]:
    deadline = ctx.handling
    assert deadline is not None
    as_of = ctx.assessment.as_of
    left = (deadline.date - as_of).days
    if decision.outcome == Outcome.OPEN_OVERDUE:
        return {"as_of": as_of, "deadline": deadline.date, "days_over": -left}
    return {"as_of": as_of, "deadline": deadline.date, "days_left": left}


def _handling_judged(ctx: _Ctx, decision: Decision) -> dict[str, object]:
    deadline = ctx.handling
    done = ctx.handled_on()
    assert deadline is not None
    when = _HANDLED_WORDS[ctx.policy.handled_when]
    if done is None:
        # A5: the receipt counts and is unknown; the rule judged it late from the day it was sent
        # (the decision's details), which the message names: the days late are at least these.
        done = ctx.handled_not_before()
        assert done is not None
        when = _HANDLED_WORDS[HandledWhen.SENT]
    facts: dict[str, object] = {
        "handled_when_nl": text(when, "nl"),
        "handled_when_en": text(when, "en"),
        "handled_on": done,
        "deadline": deadline.date,
    }
    if decision.outcome == Outcome.JUDGED_LATE:
        facts.update(
            days_late=(done - deadline.date).days,
            received=deadline.received,
            direct_access=direct_access_opens(deadline.date),  # R20 (i), decided by the rule
        )
    else:  # in time, by the grace of the ATW (A1)
        facts["calendar_date"] = deadline.calendar_date
    return facts


def _unknown(_ctx: _Ctx, decision: Decision) -> dict[str, object]:
    """The facts the decision missed, and the open points (ambiguity ids) it flagged."""
    return {"unknown": _scope_reason((f for f in decision.flags if f.ambiguity), decision.unknown_facts)}


def _provisional(ctx: _Ctx, _d: Decision) -> dict[str, object]:
    deadline = ctx.handling
    assert deadline is not None
    return {"deadline": deadline.date, "years": deadline.unverified_years}


def _gck_dates(ctx: _Ctx, decision: Decision) -> dict[str, object]:
    details = decision.details
    facts: dict[str, object] = {"filed_on": details["filed_on"]}
    start = details.get("twelve_month_start") or ctx.complaint.received_date
    facts["received"] = start if start is not None else "?"
    facts["limit"] = details.get("gck_filing_limit") or "?"
    return facts


def _none(_ctx: _Ctx, _d: Decision) -> dict[str, object]:
    return {}


_FACTS: Final[Mapping[str, Callable[[_Ctx, Decision], Mapping[str, object]]]] = {
    FindingId.SCOPE_BY_POLICY: _policy_reason,
    FindingId.SCOPE_NOT_YET: lambda ctx, _d: {
        "channel": ctx.complaint.channel.value if ctx.complaint.channel is not None else "oral"
    },
    FindingId.SCOPE_BEFORE_2016: lambda ctx, _d: {"received": ctx.complaint.received_date or "?"},
    FindingId.SCOPE_NOT_OUDER: lambda ctx, _d: {
        "role": ctx.complaint.complainant.role if ctx.complaint.complainant is not None else "?"
    },
    FindingId.SCOPE_SUBJECT_OUTSIDE: lambda ctx, _d: {
        "subjects": sorted(s.value for s in ctx.complaint.subjects or ()) or "?"
    },
    FindingId.SCOPE_UNDETERMINED: lambda _ctx, d: {"reason": _scope_reason(d.flags, d.unknown_facts)},
    FindingId.HANDLING_OVERDUE: _handling_open,
    FindingId.HANDLING_DUE_SOON: _handling_open,
    FindingId.HANDLING_ON_TRACK: _handling_open,
    FindingId.HANDLING_LATE: _handling_judged,
    FindingId.HANDLING_ATW_RELIED: _handling_judged,
    FindingId.HANDLING_UNDETERMINED: _unknown,
    FindingId.DEADLINE_PROVISIONAL: _provisional,
    FindingId.EXTENSION_NOT_STATUTORY: lambda ctx, _d: {
        "deadline": ctx.handling.date if ctx.handling else "?"
    },
    FindingId.JUDGEMENT_NOT_WRITTEN: _none,
    FindingId.JUDGEMENT_NOT_REASONED: _none,
    FindingId.MEASURE_NO_TERM: lambda ctx, _d: {
        "count": sum(1 for m in (ctx.record.judgement.measures or ()) if m.concrete_term is False)
        if ctx.record.judgement is not None
        else 0
    },
    FindingId.GCK_LATE_IF_INVOKED: _gck_dates,
    FindingId.GCK_LATE: _gck_dates,
    FindingId.GCK_BEFORE_COMPLAINT: _gck_dates,
    FindingId.GCK_UNDETERMINED: _unknown,
}


# --- signals, meldplicht, meldcode (R27-R30; A10, A11) ----------------------------------------------


def _check_signals(out: _Out, ctx: _Ctx) -> None:
    complaint = ctx.complaint
    if complaint.signals is None:
        out.add(FindingId.SIGNALS_UNDETERMINED)
        return
    out.ok("signals")
    # Which duties the signals trigger is decided in one place: the precedence decision (R28-R30).
    duties = set(ctx.assessment.precedence.details.get("duties", ()))
    by_kind = {s.kind: s for s in reversed(complaint.signals)}  # the first signal of each kind
    if FlagCode.CONSULT_VERTROUWENSINSPECTEUR in duties:
        out.add(FindingId.SIGNAL_AMBIGUOUS)
    if ctx.assessment.precedence.has_flag(FlagCode.SIGNAL_SUSPECT_NOT_WORKING_PERSON):
        out.add(FindingId.SIGNAL_SUSPECT_UNCLEAR)  # R28: no meldplicht guessed for a non-working person
    if FlagCode.HOUDER_SUSPECT_1_51C in duties:
        out.add(FindingId.MELDPLICHT_PROVIDER_SUSPECT)
    staff = meldplicht_signal(complaint.signals)  # the signal that starts 'onverwijld' (one place)
    if FlagCode.MELDPLICHT_1_51B in duties and staff is not None:
        _check_consultation(out, staff.known_date, staff.consulted_date, settings=ctx.settings)
    for duty, kind in (
        (FlagCode.MELDCODE, SignalKind.ABUSE_AT_HOME),
        (FlagCode.MELDCODE_ROUTE_3, SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN),
    ):
        found = by_kind.get(kind)
        if duty not in duties or found is None:
            continue
        if found.meldcode_started_on is None:
            known = found.known_date
            out.add(
                FindingId.MELDCODE_NOT_STARTED, {"route": _MELDCODE_ROUTES[kind], "known_on": known or "?"}
            )
        else:
            out.ok("meldcode")


def _check_consultation(
    out: _Out, known: dt.date | None, consulted: dt.date | None, *, settings: CheckSettings
) -> None:
    """Wko 1.51b lid 1: consult the vertrouwensinspecteur 'onverwijld' (threshold: a setting)."""
    if consulted is None:
        out.add(FindingId.MELDPLICHT_NOT_CONSULTED, {"known_on": known or "?"})
        return
    if known is None:
        out.add(FindingId.MELDPLICHT_UNDETERMINED, {"consulted_on": consulted})
        return
    if consulted <= consultation_last_day(known, settings.consult_within_working_days):
        out.ok("meldplicht")
        return
    facts = {
        "known_on": known,
        "consulted_on": consulted,
        "working_days": working_days_between(known, consulted),  # later than known: late
        "threshold": settings.consult_within_working_days,
    }
    out.add(FindingId.MELDPLICHT_CONSULT_LATE, facts)


# --- annual report counting (R9 lid 9) --------------------------------------------------------------


def counts_for_annual_report(record: RegisterRecord, checks: ComplaintChecks) -> int | None:
    """The year a complaint counts in for the annual report, or ``None`` when it does not count.

    Whether it counts is :func:`klachtregels.rules.annual_report.counts_as_complaint`; an unknown
    receipt day cannot be placed in a year.
    """
    received = record.complaint.received_date
    if received is None or not checks.counts_for_report:
        return None
    return received.year
