"""The public decisions beyond the worked examples: policies, flags for ambiguities, assess, errors."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from klachtregels.decisions import Assessment, assess, eligibility, geschillencommissie_access, precedence
from klachtregels.errors import InvalidInputError, PolicyError, ProvisionalCalendarError
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Provider, RegisterRecord
from klachtregels.policy import Policy
from klachtregels.rules._facts import Facts, handling_for
from klachtregels.rules.handling import house_deadlines, house_term_states
from klachtregels.testing import complaints, policies, records
from klachtregels.vocabulary import CLOCK_MAY_RUN, Outcome

D = dt.date.fromisoformat


def complaint(**kw: Any) -> Complaint:
    data: dict[str, Any] = {
        "received_on": "2026-03-02",
        "complainant": {"role": "parent"},
        "channel": "letter",
        "subjects": ["conduct"],
        "signals": [],
    }
    data.update(kw)
    return Complaint.from_dict(data)


@pytest.mark.parametrize(
    ("role", "policy", "expected"),
    [
        ("grandparent", None, "eligible"),
        ("step_parent", None, "eligible"),
        ("former_client", None, "eligible"),
        ("prospective_client", None, "undetermined"),
        ("prospective_client", Policy(include_prospective_clients=True), "eligible_by_policy"),
        ("gastouder", None, "not_eligible"),
    ],
)
def test_r3_who_may_complain(role: str, policy: Policy | None, expected: str) -> None:
    d = eligibility(complaint(complainant={"role": role}), as_of=D("2026-03-03"), policy=policy)
    assert d.outcome == expected


def test_a7_contract_party_only() -> None:
    """Issue 10 point 7 (R3, A7, Wko 1.1 and 1.57b lid 1): a house scope of contract parties cannot take
    the statutory ouder's complaint away. The ouder stays eligible, flagged; lint calls the same rule and
    says 'narrower on paper' (tests/test_policy_complainants.py)."""
    pol = Policy(complainant_scope="contract_party_only")
    unknown = eligibility(complaint(complainant={"role": "grandparent"}), as_of=D("2026-03-03"), policy=pol)
    assert (unknown.outcome, unknown.unknown_facts) == ("eligible", ())
    no = eligibility(
        complaint(complainant={"role": "grandparent", "contract_party": False}),
        as_of=D("2026-03-03"),
        policy=pol,
    )
    assert no.outcome == "eligible"
    assert no.has_flag("HOUSE_SCOPE_NARROWER_THAN_STATUTE")
    yes = eligibility(
        complaint(complainant={"role": "parent", "contract_party": True}), as_of=D("2026-03-03"), policy=pol
    )
    assert yes.outcome == "eligible"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [(None, "needs_human_judgement"), (True, "eligible_by_policy"), (False, "not_yet")],
)
def test_a9_app_messages(setting: bool | None, expected: str) -> None:
    pol = Policy(app_messages_count_as_written=setting)
    assert (
        eligibility(complaint(channel="app_message"), as_of=D("2026-03-03"), policy=pol).outcome == expected
    )


def test_r4_mixed_subjects_and_outside_subjects() -> None:
    mixed = eligibility(complaint(subjects=["conduct", "other_parent"]), as_of=D("2026-03-03"))
    assert mixed.outcome == "eligible"
    assert mixed.has_flag("SUBJECT_PARTLY_OUTSIDE_STATUTE")
    outside = eligibility(complaint(subjects=["third_party"]), as_of=D("2026-03-03"))
    assert outside.outcome == "not_eligible"


def test_unknown_facts_are_named() -> None:
    d = eligibility(Complaint(received_on=D("2026-03-02")), as_of=D("2026-03-03"))
    assert d.outcome == "undetermined"
    assert set(d.unknown_facts) == {"complainant.role", "complaint.subjects", "complaint.channel"}


def test_precedence_unassessed_signals_and_multiple_signals() -> None:
    d = precedence(complaint(signals=None), as_of=D("2026-03-03"))
    assert d.outcome == "undetermined"
    assert "complaint.signals" in d.unknown_facts
    assert d.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
    both = precedence(
        complaint(
            signals=[{"kind": "abuse_at_home"}, {"kind": "suspected_offence_by_staff"}, {"kind": "ambiguous"}]
        ),
        as_of=D("2026-03-03"),
    )
    assert both.outcome == "meldplicht"
    assert both.details["duties"] == ["MELDPLICHT_1_51B", "MELDCODE", "CONSULT_VERTROUWENSINSPECTEUR"]
    assert not any(r.set_aside for r in both.reasons)


def test_a10_smallsteps_close_is_flagged() -> None:
    c = complaint(signals=[{"kind": "suspected_offence_by_staff"}])
    d = precedence(c, as_of=D("2026-03-03"), policy=Policy(name="close-house", after_meldcode="close"))
    assert d.has_flag("CLOSE_CONFLICTS_WITH_STATUTE")
    assert d.details["remaining_complaint"] == {
        "policy": "close",
        "handling": "needs_human_judgement",
        "conflicts_with_statute": True,
    }


def test_a11_ambiguous_signal() -> None:
    d = precedence(complaint(signals=[{"kind": "ambiguous"}]), as_of=D("2026-03-03"))
    assert d.outcome == "needs_human_judgement"
    assert d.has_flag("CONSULT_VERTROUWENSINSPECTEUR")


def test_houder_suspect_and_meldcode_before_2013() -> None:
    d = precedence(complaint(signals=[{"kind": "suspected_offence_by_provider"}]), as_of=D("2026-03-03"))
    assert d.outcome == "houder_suspect"
    old = precedence(
        complaint(received_on="2013-03-01", signals=[{"kind": "suspected_offence_by_staff"}]),
        as_of=D("2013-03-02"),
    )
    assert old.outcome == "undetermined"
    from_2013 = precedence(
        complaint(received_on="2013-07-01", signals=[{"kind": "suspected_offence_by_staff"}]),
        as_of=D("2013-07-02"),
    )
    assert from_2013.outcome == "meldplicht"


def test_gck_redirects_and_rest() -> None:
    c = complaint(received_on="2025-03-03")
    j = Judgement(sent_on=D("2025-04-01"), written=True, reasoned=True)
    d = geschillencommissie_access(
        c,
        judgement=j,
        filed_on=D("2025-05-01"),
        as_of=D("2025-05-01"),
        filing=GckFiling(claims_personal_injury=True),
    )
    assert d.outcome == "redirect"
    # R24/A15: the personal-injury exclusion is confirmed in GCK rulings (2022): no verify flag.
    assert d.has_flag("REDIRECT_COURT")
    assert not d.has_flag("VERIFY_REGLEMENT")
    assert d.details["rest"] == "admissible"
    pay = geschillencommissie_access(
        c,
        judgement=j,
        filed_on=D("2025-05-01"),
        as_of=D("2025-05-01"),
        filing=GckFiling(non_payment_only=True),
    )
    assert pay.outcome == "redirect"
    assert pay.has_flag("VERIFY_REGLEMENT")  # the non-payment exclusion is still unverified
    g = geschillencommissie_access(
        c,
        judgement=j,
        filed_on=D("2025-05-01"),
        as_of=D("2025-05-01"),
        filing=GckFiling(against_gastouder_personally=True),
    )
    assert g.outcome == "redirect"
    assert g.has_flag("REDIRECT_GASTOUDERBUREAU")


def test_gck_late_is_never_inadmissible_and_mediation_is_undetermined() -> None:
    c = complaint(received_on="2025-03-03")
    j = Judgement(sent_on=D("2025-04-01"))
    late = geschillencommissie_access(c, judgement=j, filed_on=D("2026-06-01"), as_of=D("2026-06-01"))
    assert late.outcome == "late_if_invoked"
    med = GckFiling(filed_on=D("2026-03-10"), mediation_from=D("2025-05-01"), mediation_until=D("2025-06-01"))
    d = geschillencommissie_access(c, judgement=j, filed_on=None, filing=med, as_of=D("2026-03-10"))
    assert d.outcome == "undetermined"
    assert d.has_flag("MEDIATION_SUSPENSION_UNKNOWN")


def test_gck_a12_indicators_and_a6_extension() -> None:
    c = complaint(received_on="2026-01-05")
    no_reg = geschillencommissie_access(
        c, filed_on=D("2026-01-10"), as_of=D("2026-01-10"), provider=Provider(name="X", has_regulation=False)
    )
    assert no_reg.outcome == "undetermined"
    assert no_reg.has_flag("NO_REGULATION")
    urgent = geschillencommissie_access(
        c,
        filed_on=None,
        filing=GckFiling(filed_on=D("2026-01-10"), safety_urgency=True),
        as_of=D("2026-01-10"),
    )
    assert urgent.has_flag("SAFETY_URGENCY")
    assert urgent.outcome == "undetermined"
    ext = geschillencommissie_access(
        complaint(received_on="2026-01-05", extension_agreed=True),
        filed_on=D("2026-03-01"),
        as_of=D("2026-03-01"),
    )
    assert ext.outcome == "needs_human_judgement"
    assert ext.has_flag("EXTENSION_NOT_STATUTORY")


def test_gck_input_errors() -> None:
    c = complaint()
    with pytest.raises(InvalidInputError, match="filed_on"):
        geschillencommissie_access(c, filed_on=D("2026-04-01"), as_of=D("2026-03-05"))
    with pytest.raises(InvalidInputError, match="differs"):
        geschillencommissie_access(
            c, filed_on=D("2026-03-04"), filing=GckFiling(filed_on=D("2026-03-05")), as_of=D("2026-03-05")
        )
    with pytest.raises(InvalidInputError, match="as_of"):
        eligibility(c, as_of=D("2026-03-01"))
    with pytest.raises(PolicyError):
        eligibility(c, as_of=D("2026-03-05"), policy="no-such-policy")


@pytest.mark.parametrize(
    ("as_of", "judgement", "status"),
    [
        ("2026-03-05", None, "open_on_track"),
        ("2026-04-10", None, "open_due_soon"),
        ("2026-04-14", None, "open_overdue"),
        ("2026-04-14", Judgement(sent_on=D("2026-04-13")), "judged_in_time"),
        ("2026-04-20", Judgement(sent_on=D("2026-04-14")), "judged_late"),
        ("2026-03-05", Judgement(received_on=D("2026-03-04")), "undetermined"),
    ],
)
def test_assess_status(as_of: str, judgement: Judgement | None, status: str) -> None:
    a = assess(complaint(), as_of=D(as_of), judgement=judgement)
    assert a.deadlines["handling"].date == D("2026-04-13")
    assert a.status == status


def test_assess_flags_for_judgement_form_extension_and_provisional() -> None:
    j = Judgement(
        sent_on=D("2026-03-20"),
        written=False,
        reasoned=False,
        measures=(Measure(has_concrete_term=False),),
        partial=True,
    )
    a = assess(complaint(extension_agreed=True), judgement=j, as_of=D("2026-03-25"))
    for code in (
        "JUDGEMENT_NOT_WRITTEN",
        "JUDGEMENT_NOT_REASONED",
        "NON_COMPLIANT_1_57B_2F",
        "PARTIAL_JUDGEMENT",
        "EXTENSION_NOT_STATUTORY",
    ):
        assert a.has_flag(code), code
    far = assess(complaint(received_on="2029-11-20"), as_of=D("2029-11-21"))
    assert far.handling.has_flag("DEADLINE_PROVISIONAL")


def test_assess_house_terms_smallsteps_like() -> None:
    pol = Policy(name="house", first_contact_term="2 working days", submission_window="2 months")
    c = complaint(received_on="2026-03-09", arose_on="2025-12-31", first_contact_on="2026-03-13")
    a = assess(c, as_of=D("2026-03-16"), policy=pol)
    assert a.deadlines["submission_window"].date == D("2026-02-28")  # T01: private, no ATW
    assert a.deadlines["first_contact"].date == D("2026-03-11")
    assert a.has_flag("HOUSE_TERM_EXCEEDED")
    assert a.eligibility.outcome == "eligible"  # A17: a house limit never blocks
    by_analogy = assess(
        c,
        as_of=D("2026-03-16"),
        policy=Policy(name="h2", submission_window="2 months", private_term_atw=True),
    )
    assert by_analogy.deadlines["submission_window"].date == D("2026-03-02")


def test_a1_policy_never_and_follow_regulation_text() -> None:
    c = complaint(received_on="2026-03-16")
    assert assess(c, as_of=D("2026-03-17")).deadlines["handling"].date == D("2026-04-28")
    never = assess(c, as_of=D("2026-03-17"), policy=Policy(name="n", atw_mode="never"))
    assert never.deadlines["handling"].date == D("2026-04-27")
    follow = assess(c, as_of=D("2026-03-17"), policy=Policy(name="f", atw_mode="follow_regulation_text"))
    assert follow.handling.has_flag("ATW_UNDETERMINED")


def test_assessment_json_and_explain_in_both_languages() -> None:
    a = assess(complaint(signals=[{"kind": "suspected_offence_by_staff"}]), as_of=D("2026-03-05"))
    assert isinstance(a, Assessment)
    data = a.to_dict()
    assert data["schema"] == "klachtregels.assessment"
    assert data["schema_version"] == 1
    assert json.loads(json.dumps(data)) == data
    assert data["decisions"]["precedence"]["outcome"] == "meldplicht"
    nl, en = a.explain("nl"), a.explain("en")
    assert "vertrouwensinspecteur" in nl
    assert "Wko art. 1.51b lid 1" in nl
    assert "consult the vertrouwensinspecteur" in en
    assert "para. 1" in en
    assert "statutory" in nl
    assert data["library_version"] in nl


def test_house_handling_term_is_flagged_but_the_statute_decides_status_and_access() -> None:
    # Received Mon 2026-03-02; a house term of 4 weeks ends Mon 2026-03-30 (private: no Atw, A17);
    # the statutory six weeks end Mon 2026-04-13. Judged Mon 2026-04-06: late by the house, in time by law.
    policy = Policy(name="vier-weken", handling_term="4 weeks")
    judgement = Judgement(
        sent_on=D("2026-04-06"), written=True, reasoned=True, verdict="gegrond", measures=()
    )
    a = assess(
        complaint(received_on=D("2026-03-02")), as_of=D("2026-04-10"), policy=policy, judgement=judgement
    )
    assert a.handling.outcome == "judged_in_time"
    assert a.handling.has_flag("HOUSE_TERM_EXCEEDED")
    assert "30 maart 2026" in a.handling.explain("nl")
    same = assess(complaint(received_on=D("2026-03-02")), as_of=D("2026-04-10"), judgement=judgement)
    assert not same.handling.has_flag("HOUSE_TERM_EXCEEDED")
    judged_early = Judgement(
        sent_on=D("2026-03-30"), written=True, reasoned=True, verdict="gegrond", measures=()
    )
    early = assess(
        complaint(received_on=D("2026-03-02")), as_of=D("2026-04-10"), policy=policy, judgement=judged_early
    )
    assert not early.handling.has_flag("HOUSE_TERM_EXCEEDED")


def test_a_hypothetical_filing_says_so() -> None:
    # No dispute filed: access is asked for a filing on as_of, and the decision says it is a question.
    a = assess(complaint(received_on=D("2026-03-09")), as_of=D("2026-03-20"))
    assert a.gck_access is not None
    assert a.gck_access.details["hypothetical_filing"] is True
    assert a.gck_access.flags[0].code == "HYPOTHETICAL_FILING"
    assert "20 maart 2026" in a.gck_access.explain("nl")
    filed = geschillencommissie_access(
        complaint(received_on=D("2026-03-09")), filed_on=D("2026-03-20"), as_of=D("2026-03-20")
    )
    assert not filed.has_flag("HYPOTHETICAL_FILING")


# --- derived once per assessment (performance by construction: the answers stay the same) -----------


@given(record=records(complaints=complaints(max_date=dt.date(2026, 5, 7))), policy=policies())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_what_an_assessment_derives_once_equals_the_rules_from_scratch(
    record: RegisterRecord, policy: Policy
) -> None:
    """The house terms, their states and the handled day an assessment derives once (and the
    check projection reads) are what the rules' public functions give on fresh facts."""
    c, j, filing = record.complaint, record.judgement, record.filing
    if filing is not None and filing.filed_date is not None and filing.filed_date > dt.date(2026, 5, 7):
        filing = None  # not yet filed on the day asked
    as_of = dt.date(2026, 5, 7)
    policy = attrs.evolve(policy, strict_calendar=False)  # strict_calendar (A2): not this test's subject
    a = assess(c, as_of=as_of, policy=policy, judgement=j, filing=filing)
    fresh = Facts(
        complaint=c,
        policy=policy,
        as_of=as_of,
        judgement=j,
        handling=handling_for(c, policy),
        eligibility=a.eligibility.outcome,
    )
    assert dict(a.house_term_states) == house_term_states(fresh)
    # The house terms as counted, for a complaint the procedure covers (none for one it does not).
    covered = a.eligibility.outcome in CLOCK_MAY_RUN
    assert {k: d for k, d in a.deadlines.items() if k in _HOUSE_KEYS} == (
        house_deadlines(c, policy) if covered else {}
    )
    assert a.handling.details["handled_on"] == (
        None if fresh.handled[0] is None else fresh.handled[0].isoformat()
    )
    # Reading whether a rule gave an outcome needs no reasons built, and agrees with them.
    for decision in a.decisions:
        for r in decision.reasons:
            if r.outcome is not None:
                assert decision.gave(r.rule_id, r.outcome, set_aside=True)
                assert decision.gave(r.rule_id, r.outcome) is any(
                    x.rule_id == r.rule_id and x.outcome == r.outcome and not x.set_aside
                    for x in decision.reasons
                )


_HOUSE_KEYS = ("house_handling", "first_contact", "acknowledgement", "submission_window")


def test_house_deadlines_are_a_fresh_dict_each_call() -> None:
    """The house terms are made once per policy and day, but a caller's copy is its own."""
    policy = Policy(first_contact_term="2 working days", acknowledgement_term="5 working days")
    c = complaint()
    first = house_deadlines(c, policy)
    first.clear()
    again = house_deadlines(c, policy)
    assert set(again) == {"first_contact", "acknowledgement"}
    assert again["first_contact"].date == D("2026-03-04")


def test_house_terms_follow_the_policy_object_they_were_made_for() -> None:
    """Two policies that differ only in a house term never share the made terms."""
    c = complaint()
    short = Policy(first_contact_term="1 working day")
    long = Policy(first_contact_term="3 working days")
    assert house_deadlines(c, short)["first_contact"].date == D("2026-03-03")
    assert house_deadlines(c, long)["first_contact"].date == D("2026-03-05")
    assert house_deadlines(c, Policy()) == {}


def test_the_oudercommissie_route_lives_in_its_own_module_and_is_still_importable() -> None:
    from klachtregels.rules import GCK_OC_ACCESS as from_package
    from klachtregels.rules import geschillencommissie, oudercommissie

    assert geschillencommissie.GCK_OC_ACCESS is oudercommissie.GCK_OC_ACCESS is from_package
    assert geschillencommissie.GCK_OC_ACCESS_RULES is oudercommissie.GCK_OC_ACCESS_RULES
    assert [r.id for r in oudercommissie.GCK_OC_ACCESS_RULES] == [
        "R1",
        "R25",
        "R25-competent",
        "R25-scope",
        "R25-subject",
        "R25-advice",
    ]
    filing = GckFiling(filed_on=D("2026-03-10"), filed_by="oudercommissie", competent_body=False)
    decision = geschillencommissie_access(complaint(), filed_on=None, as_of=D("2026-03-10"), filing=filing)
    assert decision.details["route"] == "oudercommissie"
    assert decision.outcome == "inadmissible"
    assert decision.gave("R25-competent", "inadmissible")


def test_a_strict_calendar_refuses_only_answers_that_read_the_six_weeks() -> None:
    """A2: strict mode raises instead of giving a provisional day, and only where a day is given.

    2030 has no verified equated-day decree, so the six weeks from a 2030 receipt are provisional."""
    strict = Policy(strict_calendar=True)
    as_of = dt.date(2030, 3, 10)

    def made(subject: str, role: str) -> Complaint:
        return Complaint.from_dict(
            {
                "received_on": "2030-03-04",
                "channel": "email",
                "complainant": {"role": role},
                "subjects": [subject],
            }
        )

    outside = made("other_parent", "parent")  # R3: outside the statute and the policy
    council = made("advisory_right", "oudercommissie")  # R25: the oudercommissie's own route
    for c in (outside, council):
        a = assess(c, as_of=as_of, policy=strict)
        assert a.eligibility.outcome == Outcome.NOT_ELIGIBLE
        assert a.deadlines == {}
        assert eligibility(c, as_of=as_of, policy=strict).outcome == Outcome.NOT_ELIGIBLE
    covered = made("conduct", "parent")
    assert eligibility(covered, as_of=as_of, policy=strict).outcome == Outcome.ELIGIBLE
    assert precedence(covered, as_of=as_of, policy=strict).outcome == Outcome.UNDETERMINED
    with pytest.raises(ProvisionalCalendarError, match="2030"):
        assess(covered, as_of=as_of, policy=strict)
    with pytest.raises(ProvisionalCalendarError, match="2030"):
        geschillencommissie_access(covered, filed_on=as_of, as_of=as_of, policy=strict)
    # Without the strict mode the same day is given, marked provisional.
    lenient = assess(covered, as_of=as_of, policy=Policy())
    assert lenient.deadlines["handling"].provisional


def test_the_receipt_rule_moves_day_0_of_the_six_weeks_only() -> None:
    """A4 ``next_working_day`` moves day 0 of the statutory six weeks (R12) from Saturday 1 March 2025 to
    Monday 3 March; the twelve months (R21) and a house term count from the day of receipt
    (docs/policies.md)."""
    policy = Policy(receipt_rule="next_working_day", first_contact_term="2 working days")
    c = Complaint.from_dict(
        {
            "received_on": "2025-03-01",
            "channel": "email",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
        }
    )
    a = assess(c, as_of=dt.date(2025, 3, 1), policy=policy)
    handling = a.deadlines["handling"]
    assert (handling.received, handling.start, handling.date) == (
        D("2025-03-01"),
        D("2025-03-03"),
        D("2025-04-14"),
    )
    assert a.deadlines["gck_filing_limit"].date == D("2026-03-01")
    first = a.deadlines["first_contact"]
    assert (first.start, first.date) == (D("2025-03-01"), D("2025-03-04"))  # Mon 3 and Tue 4 March
