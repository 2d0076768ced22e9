"""Per-complaint compliance checks: one register record in, findings and passed checks out.

Each check is a small function over one :class:`~klachtregels.model.RegisterRecord`, the as-of
date, the policy and the :class:`~klachtregels.compliance.findings.CheckSettings`. The legal
logic that decides *whether* something is a statutory complaint lives in
:func:`klachtregels.decisions.eligibility`; deadlines come from :mod:`klachtregels.terms`. A check
that needs a fact the register does not give reports an 'undetermined' (info) finding naming the
fact: never an error, never silence.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.calendar import add_working_days
from klachtregels.compliance.findings import CheckSettings, Finding, Passed, Severity, make_finding
from klachtregels.decisions import eligibility, precedence
from klachtregels.model import (
    Complaint,
    GckFiling,
    Judgement,
    PartyRole,
    RegisterRecord,
    SignalKind,
    Subject,
    Verdict,
)
from klachtregels.policy import HandledWhen, Policy, TwelveMonthStart
from klachtregels.rules.handling import house_deadlines
from klachtregels.terms import Deadline, gck_filing_limit

if TYPE_CHECKING:
    from collections.abc import Iterable

    from klachtregels.engine import Flag

__all__ = ["ComplaintChecks", "check_complaint", "counts_for_annual_report"]

#: Eligibility outcomes under which the term checks run (R1-R5; A8 policy scope).
_IN_SCOPE: Final = frozenset({"eligible", "eligible_by_policy"})
#: Eligibility outcomes that mean: not a complaint for the annual report (R9, lid 9).
_NOT_A_COMPLAINT: Final = frozenset({"not_eligible", "not_yet", "out_of_temporal_scope", "after_as_of"})
_STATUTORY_SUBJECTS: Final = frozenset({Subject.CONDUCT, Subject.AGREEMENT})
_MELDCODE_ROUTES: Final = {
    SignalKind.ABUSE_AT_HOME: "1",
    SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN: "3",
}


@attrs.frozen(kw_only=True)
class ComplaintChecks:
    """What the checks found about one complaint."""

    findings: tuple[Finding, ...]
    passed: tuple[Passed, ...]
    #: The eligibility outcome (:func:`klachtregels.decisions.eligibility`).
    eligibility: str
    #: Counts as a complaint for the annual report (R9 lid 9): in scope, or undetermined.
    counts_for_report: bool

    @property
    def k4_errors(self) -> bool:
        """Whether a K4 check (term, judgement, measures, house terms) gave an error."""
        return any(f.k_item == "K4" and f.severity is Severity.ERROR for f in self.findings)

    @property
    def k4_undetermined(self) -> bool:
        """Whether a K4 check could not decide for lack of facts."""
        return any(f.k_item == "K4" and f.id.endswith(("-UNDETERMINED", "-UNKNOWN")) for f in self.findings)


class _Out:
    """Collects findings and passes for one record."""

    def __init__(self, record: RegisterRecord) -> None:
        self.row = record.row
        self.cid = record.complaint.id
        self.findings: list[Finding] = []
        self.passed: list[Passed] = []

    def add(self, finding_id: str, **facts: object) -> None:
        self.findings.append(make_finding(finding_id, facts, row=self.row, complaint_id=self.cid))

    def ok(self, check: str) -> None:
        self.passed.append(Passed(check=check, row=self.row, complaint_id=self.cid))


def _day(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def check_complaint(
    record: RegisterRecord,
    *,
    as_of: dt.date,
    policy: Policy,
    settings: CheckSettings | None = None,
) -> ComplaintChecks:
    """Run every per-complaint check on ``record``."""
    settings = settings or CheckSettings()
    out = _Out(record)
    complaint = record.complaint
    outcome = _check_scope(out, complaint, as_of=as_of, policy=policy)
    if outcome in _IN_SCOPE:
        handling = _handling(complaint, policy)
        _check_handling(out, record, handling, as_of=as_of, policy=policy, settings=settings)
        _check_extension(out, complaint, handling)
        _check_judgement_form(out, record.judgement)
        _check_measure_term(out, record.judgement)
        # House terms (A17): the same deadlines the decisions use (rules.handling.house_deadlines).
        houses = house_deadlines(complaint, policy)
        handled = _handled_on(record.judgement, policy)[0] if record.judgement is not None else None
        for key, check, finding, done in (
            ("handling", "house-handling", "HOUSE-HANDLING", handled),
            ("first_contact", "first-contact", "FIRST-CONTACT", _day(complaint.first_contact_on)),
            ("acknowledgement", "acknowledgement", "ACKNOWLEDGEMENT", _day(complaint.acknowledged_on)),
        ):
            if key in houses:
                _check_house_term(out, check, finding, houses[key], done, as_of=as_of)
    if outcome != "after_as_of":
        _check_signals(out, complaint, as_of=as_of, policy=policy, settings=settings)
    if record.filing is not None and outcome != "after_as_of":
        _check_gck(out, complaint, record.filing, policy=policy)
    return ComplaintChecks(
        findings=tuple(out.findings),
        passed=tuple(out.passed),
        eligibility=outcome,
        counts_for_report=outcome not in _NOT_A_COMPLAINT,
    )


# --- scope (R1, R3, R4, R5) -----------------------------------------------------------------------


def _check_scope(out: _Out, complaint: Complaint, *, as_of: dt.date, policy: Policy) -> str:
    received = complaint.received_date
    if received is not None and received > as_of:
        # Judging a complaint before it arrived is meaningless (a later as-of date, or a typo).
        out.add("KR-SCOPE-AFTER-AS-OF", received=received, as_of=as_of)
        return "after_as_of"
    decision = eligibility(complaint, as_of=as_of, policy=policy)
    outcome = decision.outcome
    if outcome == "eligible":
        out.ok("scope")
    elif outcome == "not_yet":
        channel = complaint.channel.value if complaint.channel is not None else "oral"
        out.add("KR-SCOPE-NOT-YET", channel=channel)
    elif outcome == "out_of_temporal_scope":
        out.add("KR-SCOPE-BEFORE-2016", received=complaint.received_date or "?")
    elif outcome == "not_eligible":
        role = complaint.complainant.role if complaint.complainant is not None else None
        if role is not None and not role.is_statutory_ouder and role is not PartyRole.PROSPECTIVE_CLIENT:
            out.add("KR-SCOPE-NOT-OUDER", role=role)
        else:
            subjects = complaint.subjects or ()
            out.add("KR-SCOPE-SUBJECT-OUTSIDE", subjects=sorted(s.value for s in subjects) or "?")
    elif outcome == "eligible_by_policy":
        out.add("KR-SCOPE-BY-POLICY", reason=_policy_reason(complaint))
    else:  # undetermined, needs_human_judgement
        out.add("KR-SCOPE-UNDETERMINED", reason=_scope_reason(decision.flags, decision.unknown_facts))
    return outcome


def _policy_reason(complaint: Complaint) -> str:
    """Why a complaint is in scope by policy only: the house widens who (A7) or what (A8)."""
    parts = []
    role = complaint.complainant.role if complaint.complainant is not None else None
    if role is PartyRole.PROSPECTIVE_CLIENT:
        parts.append("A7 prospective_client")
    subjects = complaint.subjects or ()
    if not set(subjects) & _STATUTORY_SUBJECTS:
        parts += [f"A8 {s.value}" for s in subjects]
    return "; ".join(parts) or "policy"


def _scope_reason(flags: Iterable[Flag], unknown: Iterable[str]) -> str:
    """Unknown facts and flags (with their ambiguity ids) of the eligibility decision, as codes."""
    parts = [*unknown]
    parts += [f"{f.ambiguity} {f.code}" if f.ambiguity else f.code for f in flags]
    return "; ".join(dict.fromkeys(parts)) or "needs human judgement"


# --- handling term (R6 d, R12, R13; A1-A5) --------------------------------------------------------


def _handling(complaint: Complaint, policy: Policy) -> Deadline | None:
    if complaint.received_on is None:
        return None
    # A provisional date is reported as a finding, never raised in a compliance run (A2).
    return policy.handling_deadline(complaint.received_on, strict=False)


_HANDLED_WORDS = {HandledWhen.SENT: ("verzonden", "sent"), HandledWhen.RECEIVED: ("ontvangen", "received")}


def _handled_on(judgement: Judgement | None, policy: Policy) -> tuple[dt.date | None, str]:
    assert judgement is not None
    if policy.handled_when is HandledWhen.RECEIVED:
        return _day(judgement.received_on), "judgement_received_on"
    return _day(judgement.sent_on), "judgement_sent_on"


def _check_handling(
    out: _Out,
    record: RegisterRecord,
    handling: Deadline | None,
    *,
    as_of: dt.date,
    policy: Policy,
    settings: CheckSettings,
) -> None:
    if handling is None:
        out.add("KR-HANDLING-UNDETERMINED", unknown="received_on")
        return
    if handling.provisional:
        out.add("KR-DEADLINE-PROVISIONAL", deadline=handling.date, years=handling.unverified_years)
    else:
        out.ok("provisional-deadline")
    last = handling.date
    judgement = record.judgement
    if judgement is None:
        days_left = (last - as_of).days
        if days_left < 0:
            out.add("KR-HANDLING-OVERDUE", as_of=as_of, deadline=last, days_over=-days_left)
        elif days_left <= settings.due_soon_days:
            out.add("KR-HANDLING-DUE-SOON", as_of=as_of, deadline=last, days_left=days_left)
        else:
            out.add("KR-HANDLING-ON-TRACK", as_of=as_of, deadline=last, days_left=days_left)
        return
    handled, column = _handled_on(judgement, policy)
    if handled is None:
        out.add("KR-HANDLING-UNDETERMINED", unknown=column)
        return
    # A5: the judgement counts when sent (default) or when received, as the policy says.
    when = _HANDLED_WORDS[policy.handled_when]
    if handled > last:
        out.add(
            "KR-HANDLING-LATE",
            handled_when_nl=when[0],
            handled_when_en=when[1],
            handled_on=handled,
            days_late=(handled - last).days,
            deadline=last,
            received=handling.received,
            direct_access=last + dt.timedelta(days=1),
        )
    elif handling.atw_undetermined and handled > handling.calendar_date:
        out.add("KR-HANDLING-UNDETERMINED", unknown="A1 regulation_applies_atw (policy)")
    elif handling.atw_applied and handled > handling.calendar_date:
        out.add(
            "KR-HANDLING-ATW-RELIED",
            handled_when_nl=when[0],
            handled_when_en=when[1],
            handled_on=handled,
            calendar_date=handling.calendar_date,
            deadline=last,
        )
    else:
        out.ok("handling-term")


def _check_extension(out: _Out, complaint: Complaint, handling: Deadline | None) -> None:
    if complaint.extension_agreed is True:
        out.add("KR-EXTENSION-NOT-STATUTORY", deadline=handling.date if handling is not None else "?")
    elif complaint.extension_agreed is False:
        out.ok("extension")
    # None: no extension recorded; nothing to report (an extension is the exception, A6).


# --- judgement (R6 e, f; A5) ----------------------------------------------------------------------


def _check_judgement_form(out: _Out, judgement: Judgement | None) -> None:
    if judgement is None:
        return  # open: the handling-term check reports the status
    if judgement.written is False:
        out.add("KR-JUDGEMENT-NOT-WRITTEN")
    if judgement.reasoned is False:
        out.add("KR-JUDGEMENT-NOT-REASONED")
    form = (("judgement_written", judgement.written), ("judgement_reasoned", judgement.reasoned))
    unknown = [name for name, value in form if value is None]
    if unknown and judgement.written is not False and judgement.reasoned is not False:
        out.add("KR-JUDGEMENT-FORM-UNDETERMINED", unknown=unknown)
    elif judgement.written is True and judgement.reasoned is True:
        out.ok("judgement-form")


def _check_measure_term(out: _Out, judgement: Judgement | None) -> None:
    if judgement is None:
        return
    measures = judgement.measures
    if measures is None:
        if judgement.verdict is Verdict.ONGEGROND:
            out.ok("measure-term")  # nothing upheld: no measures to give a term for
        else:
            out.add("KR-MEASURE-TERM-UNDETERMINED", unknown="measures")
        return
    missing = [m for m in measures if m.concrete_term is False]
    unknown = [i for i, m in enumerate(measures) if m.concrete_term is None]
    if missing:
        out.add("KR-MEASURE-NO-TERM", count=len(missing))
    elif unknown:
        out.add("KR-MEASURE-TERM-UNDETERMINED", unknown=[f"measures[{i}].has_concrete_term" for i in unknown])
    else:
        out.ok("measure-term")


# --- house terms (policy; R7 via 1.57b lid 3; A17) ------------------------------------------------


def _check_house_term(
    out: _Out, check: str, key: str, term: Deadline, done_on: dt.date | None, *, as_of: dt.date
) -> None:
    """A private (house) term: the ATW applies only by analogy, if the policy says so (R17, A17)."""
    last = term.date
    if done_on is not None:
        if done_on > last:
            out.add(
                f"KR-{key}-LATE",
                done_on=done_on,
                term_nl=term.term.label("nl"),
                term_en=term.term.label("en"),
                deadline=last,
            )
        else:
            out.ok(check)
    elif as_of > last:
        out.add(
            f"KR-{key}-UNKNOWN", term_nl=term.term.label("nl"), term_en=term.term.label("en"), deadline=last
        )
    # else: the house term is still running and nothing is recorded yet: nothing to say.


# --- signals, meldplicht, meldcode (R27-R30; A10, A11) --------------------------------------------


def _working_days_after(start: dt.date, end: dt.date) -> int:
    """ATW working days in (start, end]."""
    count = 0
    day = start
    while True:
        day = add_working_days(day, 1)
        if day > end:
            return count
        count += 1


def _check_signals(
    out: _Out, complaint: Complaint, *, as_of: dt.date, policy: Policy, settings: CheckSettings
) -> None:
    if complaint.signals is None:
        out.add("KR-SIGNALS-UNDETERMINED")
        return
    out.ok("signals")
    # Which duties the signals trigger is decided in one place (R28-R30, A10, A11):
    duties = set(precedence(complaint, as_of=as_of, policy=policy).details.get("duties", ()))
    by_kind = {s.kind: s for s in reversed(complaint.signals)}  # the first signal of each kind
    if "CONSULT_VERTROUWENSINSPECTEUR" in duties:
        out.add("KR-SIGNAL-AMBIGUOUS")
    if "HOUDER_SUSPECT_1_51C" in duties:
        out.add("KR-MELDPLICHT-PROVIDER-SUSPECT")
    staff = by_kind.get(SignalKind.SUSPECTED_OFFENCE_BY_STAFF)
    if "MELDPLICHT_1_51B" in duties and staff is not None:
        _check_consultation(out, _day(staff.known_on), _day(staff.consulted_on), settings=settings)
    for duty, kind in (
        ("MELDCODE", SignalKind.ABUSE_AT_HOME),
        ("MELDCODE_ROUTE_3", SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN),
    ):
        found = by_kind.get(kind)
        if duty not in duties or found is None:
            continue
        if found.meldcode_started_on is None:
            known = _day(found.known_on)
            out.add("KR-MELDCODE-NOT-STARTED", route=_MELDCODE_ROUTES[kind], known_on=known or "?")
        else:
            out.ok("meldcode")


def _check_consultation(
    out: _Out, known: dt.date | None, consulted: dt.date | None, *, settings: CheckSettings
) -> None:
    """Wko 1.51b lid 1: consult the vertrouwensinspecteur 'onverwijld' (threshold: a setting)."""
    if consulted is None:
        out.add("KR-MELDPLICHT-NOT-CONSULTED", known_on=known or "?")
        return
    if known is None:
        out.add("KR-MELDPLICHT-UNDETERMINED", consulted_on=consulted)
        return
    days = _working_days_after(known, consulted) if consulted > known else 0
    threshold = settings.consult_within_working_days
    if days > threshold:
        out.add(
            "KR-MELDPLICHT-CONSULT-LATE",
            known_on=known,
            consulted_on=consulted,
            working_days=days,
            threshold=threshold,
        )
    else:
        out.ok("meldplicht")


# --- Geschillencommissie (R20, R21; A13) ----------------------------------------------------------


def _check_gck(out: _Out, complaint: Complaint, filing: GckFiling, *, policy: Policy) -> None:
    if filing.filed_by is PartyRole.OUDERCOMMISSIE:
        return  # the oudercommissie's own route (R25): no twelve months after a complaint
    start = complaint.received_date
    oral = _day(complaint.oral_first_on)
    if policy.twelve_month_start is TwelveMonthStart.FIRST_ANY and oral is not None:
        start = oral if start is None else min(start, oral)
    filed = _day(filing.filed_on)
    unknown = [name for name, value in (("received_on", start), ("gck_filed_on", filed)) if value is None]
    if unknown or start is None or filed is None:
        out.add("KR-GCK-UNDETERMINED", unknown=unknown)
        return
    if filed < start:
        out.add("KR-GCK-BEFORE-COMPLAINT", filed_on=filed, received=start)
        return
    limit = gck_filing_limit(start).date
    if filed > limit:
        out.add("KR-GCK-LATE-IF-INVOKED", filed_on=filed, limit=limit, received=start)
    else:
        out.ok("gck-filing")


# --- annual report counting (R9 lid 9) -------------------------------------------------------------


def counts_for_annual_report(record: RegisterRecord, checks: ComplaintChecks) -> int | None:
    """The year a complaint counts in for the annual report, or ``None`` when it does not count.

    A complaint counts in the year it was received when it is a complaint at all (in scope or
    undetermined; not oral-only, not out of scope). Unknown receipt: it cannot be placed in a year.
    """
    received = record.complaint.received_date
    if received is None or not checks.counts_for_report:
        return None
    return received.year
