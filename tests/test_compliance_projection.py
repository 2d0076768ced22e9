"""One law, one place: every per-complaint finding of ``check`` and every count of the report agrees
with ``assess``'s decisions, and the contradictions found between them stay fixed (issue 8).

The expected correspondence is written out here, independently of ``compliance/data/projection.toml``,
so a wrong table fails these tests.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtregels as kr
from compliance_helpers import AS_OF, D, judged, record
from klachtregels.compliance import Severity, check_complaint
from klachtregels.decisions import Assessment, assess_record
from klachtregels.errors import ProvisionalCalendarError
from klachtregels.model import Channel, GckFiling, PartyRole, Provider, RegisterRecord
from klachtregels.organisation import GeschillencommissieFacts, Organisation, RegulationFacts
from klachtregels.policy import Policy, load_policy
from klachtregels.report import build_report
from klachtregels.rules.annual_report import counts_as_complaint
from klachtregels.testing import complaints, gck_filings, judgements, policies
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, Outcome
from strategies_policy import refused_as_provisional

if TYPE_CHECKING:
    from klachtregels.compliance.checks import ComplaintChecks

SCOPE = {
    Outcome.ELIGIBLE: None,  # passes
    Outcome.ELIGIBLE_BY_POLICY: {"KR-SCOPE-BY-POLICY"},
    Outcome.NOT_YET: {"KR-SCOPE-NOT-YET"},
    Outcome.NOT_ELIGIBLE: {"KR-SCOPE-NOT-OUDER", "KR-SCOPE-SUBJECT-OUTSIDE"},
    Outcome.OUT_OF_TEMPORAL_SCOPE: {"KR-SCOPE-BEFORE-2016"},
    Outcome.UNDETERMINED: {"KR-SCOPE-UNDETERMINED"},
    Outcome.NEEDS_HUMAN_JUDGEMENT: {"KR-SCOPE-UNDETERMINED"},
}
HANDLING = {
    Outcome.OPEN_OVERDUE: {"KR-HANDLING-OVERDUE"},
    Outcome.OPEN_DUE_SOON: {"KR-HANDLING-DUE-SOON"},
    Outcome.OPEN_ON_TRACK: {"KR-HANDLING-ON-TRACK"},
    Outcome.JUDGED_LATE: {"KR-HANDLING-LATE"},
    Outcome.JUDGED_IN_TIME: {None, "KR-HANDLING-ATW-RELIED"},
    Outcome.UNDETERMINED: {"KR-HANDLING-UNDETERMINED"},
    Outcome.NEEDS_HUMAN_JUDGEMENT: {"KR-HANDLING-UNDETERMINED"},
}


def _of(result: ComplaintChecks, check: str) -> set[str | None]:
    found: set[str | None] = {f.id for f in result.findings if f.check == check}
    if any(p.check == check for p in result.passed):
        found.add(None)
    return found


def _gck_expected(a: Assessment, filing: GckFiling, as_of: dt.date) -> set[str | None]:
    gck = a.gck_access
    if filing.filed_by is PartyRole.OUDERCOMMISSIE or (gck is not None and gck.details["route"] != "parent"):
        return set()  # the oudercommissie's own route (R25)
    if (
        filing.filed_on is None
        or filing.filed_on > as_of
        or gck is None
        or gck.has_flag("HYPOTHETICAL_FILING")
    ):
        return {"KR-GCK-UNDETERMINED"}
    outcome = gck.details["rest"] if gck.outcome == Outcome.REDIRECT else gck.outcome
    if outcome == Outcome.LATE_IF_INVOKED:
        return {"KR-GCK-LATE-IF-INVOKED"}
    if outcome in (Outcome.UNDETERMINED, Outcome.NEEDS_HUMAN_JUDGEMENT):
        return {"KR-GCK-UNDETERMINED"}
    if outcome == Outcome.OUT_OF_TEMPORAL_SCOPE:
        return set()
    if outcome == Outcome.INADMISSIBLE and any(
        r.rule_id == "R20" and r.outcome == Outcome.INADMISSIBLE for r in gck.reasons
    ):
        return {"KR-GCK-BEFORE-COMPLAINT"}
    if outcome == Outcome.INADMISSIBLE and any(
        r.rule_id == "R21" and r.outcome == Outcome.INADMISSIBLE for r in gck.reasons
    ):
        return {"KR-GCK-LATE"}
    return {None}


@st.composite
def records(draw: st.DrawFn) -> RegisterRecord:
    complaint = draw(complaints())
    after = complaint.received_date
    judgement = draw(st.none() | judgements(after=after))
    filing = draw(st.none() | gck_filings(after=after))
    return RegisterRecord(complaint=complaint, judgement=judgement, filing=filing, row=2)


SHIPPED = [load_policy(name) for name in ("statutory", "les-petits", "smallsteps", "thuishuis")]

#: What an organisation file tells the per-complaint rules (Organisation.as_provider), or nothing.
PROVIDERS = st.none() | st.builds(
    Organisation,
    name=st.just("Houder"),
    regulation=st.builds(RegulationFacts, adopted=st.sampled_from([None, True, False])),
    geschillencommissie=st.builds(GeschillencommissieFacts, affiliated=st.sampled_from([None, True, False])),
).map(Organisation.as_provider)


def _filed_by(filing: GckFiling | None, as_of: dt.date) -> GckFiling | None:
    """The filing as the record reads on ``as_of`` (decisions.record_as_of: one dated later is left out)."""
    if filing is None or (filing.filed_date is not None and filing.filed_date > as_of):
        return None
    return filing


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    rec=records(),
    policy=st.sampled_from(SHIPPED) | policies(),
    as_of=st.dates(dt.date(2016, 1, 1), dt.date(2028, 12, 31)),
    provider=PROVIDERS,
)
def test_every_per_complaint_finding_agrees_with_the_decisions(
    rec: RegisterRecord, policy: Policy, as_of: dt.date, provider: Provider | None
) -> None:
    received = rec.complaint.received_date
    if refused_as_provisional(policy, rec.complaint, as_of=as_of, filing=_filed_by(rec.filing, as_of)):
        if received is not None and received <= as_of:  # strict_calendar (A2): both refuse alike
            with pytest.raises(ProvisionalCalendarError):
                check_complaint(rec, as_of=as_of, policy=policy, provider=provider)
            with pytest.raises(ProvisionalCalendarError):
                assess_record(rec, as_of=as_of, policy=policy, provider=provider)
        policy = attrs.evolve(policy, strict_calendar=False)  # the rest, as the policy decides without it
    result = check_complaint(rec, as_of=as_of, policy=policy, provider=provider)
    if received is not None and received > as_of:
        assert {f.id for f in result.findings} == {"KR-SCOPE-AFTER-AS-OF"}
        assert not result.counts_for_report
        return
    a = assess_record(rec, as_of=as_of, policy=policy, provider=provider)
    # check projects the very decision assess gives with the same provider facts (A12: NO_REGULATION)
    assert result.assessment is not None
    mine, theirs = result.assessment.gck_access, a.gck_access
    assert (mine is None) == (theirs is None)
    if mine is not None and theirs is not None:
        assert (mine.outcome, mine.flags) == (theirs.outcome, theirs.flags)
    elig = Outcome(a.eligibility.outcome)
    # scope: one finding (or a pass) that names the eligibility outcome
    expected = SCOPE[elig]
    scope = _of(result, "scope")
    assert len(scope) == 1
    assert (scope == {None}) if expected is None else (scope <= expected)
    # handling: the status the handling decision gives, only for complaints in scope
    handling = _of(result, "handling-term")
    if elig in ELIGIBLE_OUTCOMES:
        assert len(handling) == 1
        assert handling <= HANDLING[Outcome(a.handling.outcome)]
    else:
        assert not handling
    # Geschillencommissie: the twelve months as the access decision answers them
    if rec.filing is not None:
        assert _of(result, "gck-filing") == _gck_expected(a, rec.filing, as_of)
    # undetermined decisions never produce an error finding for that question
    for check, decision in (("scope", a.eligibility), ("handling-term", a.handling)):
        if not Outcome(decision.outcome).definite:
            assert all(f.severity is not Severity.ERROR for f in result.findings if f.check == check)
    # the annual report counts the record exactly when the annual-report rule says so
    assert result.counts_for_report == counts_as_complaint(a.eligibility)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(rec=records(), policy=st.sampled_from(SHIPPED))
def test_the_annual_report_counts_what_the_decisions_count(rec: RegisterRecord, policy: Policy) -> None:
    received = rec.complaint.received_date
    if received is None:
        return
    report = build_report([rec], year=received.year, policy=policy)
    a = assess_record(rec, as_of=received, policy=policy)
    assert report.total.total == (1 if counts_as_complaint(a.eligibility) else 0)


# --- the contradictions of issue 8, one test each ---------------------------------------------------


def test_unknown_channel_and_late_dispute_is_undetermined_in_check_and_in_access() -> None:
    """gck access said 'undetermined' while check said KR-GCK-LATE-IF-INVOKED for the same facts."""
    rec = record(
        channel="oral",
        received_on=D("2024-01-10"),
        judgement=judged("2024-02-01"),
        filing=GckFiling(filed_on=D("2025-03-01"), filed_by="parent"),
    )
    a = assess_record(rec, as_of=AS_OF, policy=load_policy(None))
    assert a.gck_access is not None
    assert a.gck_access.outcome == "undetermined"
    result = check_complaint(rec, as_of=AS_OF, policy=load_policy(None))
    assert {f.id for f in result.findings if f.check == "gck-filing"} == {"KR-GCK-UNDETERMINED"}


def test_a_house_handling_term_is_labelled_as_a_house_term_and_the_statutory_one_stays() -> None:
    """assess put the house date under the statutory label (art. 1.57b lid 2 sub d)."""
    policy = kr.load_policy("examples/policy.toml")
    complaint = kr.Complaint.from_dict(
        {
            "received_on": "2026-03-09",
            "channel": "email",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
            "signals": [],
        }
    )
    a = kr.assess(complaint, as_of=dt.date(2026, 3, 10), policy=policy)
    statutory = kr.handling_deadline(dt.date(2026, 3, 9))
    assert a.deadlines["handling"].date == statutory.date
    assert a.deadlines["house_handling"].date < statutory.date
    assert a.handling.details["deadline"]["date"] == statutory.date.isoformat()
    for lang in ("nl", "en"):
        text = a.explain(lang)
        (house_line,) = [
            line for line in text.splitlines() if a.deadlines["house_handling"].date.isoformat() in line
        ]
        assert "1.57b" not in house_line
        (statutory_line,) = [line for line in text.splitlines() if statutory.date.isoformat() in line]
        assert "1.57b" in statutory_line


def test_atw_mode_never_governs_direct_access_too() -> None:
    """Handling said open_overdue on the day after the calendar deadline, access said ATW_GAP."""
    policy = Policy(atw_mode="never")
    received = dt.date(2026, 3, 24)  # calendar date 5 May (a Tuesday, Bevrijdingsdag), ATW date 6 May
    deadline = kr.handling_deadline(received, atw_mode="never")
    assert deadline.calendar_date == deadline.date != deadline.atw_date
    day_after = deadline.date + dt.timedelta(days=1)
    complaint = kr.Complaint(
        received_on=received,
        channel=Channel.EMAIL,
        complainant=kr.Party(role="parent"),
        subjects=("conduct",),
        signals=(),
    )
    a = kr.assess(complaint, as_of=day_after, policy=policy)
    assert a.status == "open_overdue"
    access = kr.geschillencommissie_access(complaint, filed_on=day_after, as_of=day_after, policy=policy)
    assert access.outcome == "direct_access"
    assert not access.has_flag("ATW_GAP")
    # the default ('apply') keeps the A1 gap open for access, as before
    default = kr.geschillencommissie_access(complaint, filed_on=day_after, as_of=day_after)
    assert default.outcome in ("premature", "undetermined")


def test_a_late_house_term_never_says_the_statutory_term_may_still_have_been_met() -> None:
    """FOUT KR-HANDLING-LATE stood above 'de wettelijke termijn kan nog gehaald zijn'."""
    policy = kr.load_policy("examples/policy.toml")
    rec = record(received_on=D("2025-09-01"), judgement=judged("2025-11-03"))
    result = check_complaint(rec, as_of=AS_OF, policy=policy)
    ids = {f.id for f in result.findings}
    assert {"KR-HANDLING-LATE", "KR-HOUSE-HANDLING-LATE"} <= ids
    for f in result.findings:
        for lang in ("nl", "en"):
            assert "kan nog gehaald" not in f.message(lang)
            assert "may still have been met" not in f.message(lang)


def test_a_judgement_in_the_open_a1_gap_is_undetermined_in_assess_and_in_check() -> None:
    policy = Policy(atw_mode="follow_regulation_text")
    rec = record(received_on=D("2025-03-01"), judgement=judged("2025-04-14"))  # D01: in the gap
    a = assess_record(rec, as_of=AS_OF, policy=policy)
    assert a.handling.outcome == "undetermined"
    assert "policy.regulation_applies_atw" in a.handling.unknown_facts
    result = check_complaint(rec, as_of=AS_OF, policy=policy)
    assert {f.id for f in result.findings if f.check == "handling-term"} == {"KR-HANDLING-UNDETERMINED"}


def test_house_terms_with_nothing_recorded_are_unknown_in_the_decision_and_in_check() -> None:
    """Missing is not late: a house term that ran out with nothing recorded is not 'exceeded'."""
    policy = kr.load_policy("smallsteps")
    rec = record(received_on=D("2025-09-01"), first_contact_on=None)
    a = assess_record(rec, as_of=AS_OF, policy=policy)
    assert not a.handling.has_flag("HOUSE_TERM_EXCEEDED")
    result = check_complaint(rec, as_of=AS_OF, policy=policy)
    assert "KR-FIRST-CONTACT-UNKNOWN" in {f.id for f in result.findings}


def test_each_record_is_assessed_once() -> None:
    """check evaluated eligibility twice per row; now one assessment per row is kept on the result."""
    rec = record()
    result = check_complaint(rec, as_of=AS_OF, policy=load_policy(None))
    assert result.assessment is not None
    assert result.assessment.eligibility.outcome == result.eligibility
