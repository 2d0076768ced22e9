"""Issue 10 points 1, 2, 3, 5, 8: the Geschillencommissie's practice as rules.

R21 (the twelve months: invoked by the provider, excusable delay, mediation after the term), R25
and Wko art. 1.60 (the oudercommissie's advice subjects and disputes), A1 (``atw_mode = never`` for
direct access, R20 sub i), R28 (an offence signal about someone who is not a working person, Wko
1.51b, 1.56b lid 3) and the citations of R24 and R26.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from compliance_helpers import judged, record
from klachtregels.citations import GCK_REGLEMENT, KLACHTENLOKET
from klachtregels.compliance import check_complaint
from klachtregels.decisions import assess, assess_record, eligibility, geschillencommissie_access, precedence
from klachtregels.errors import InvalidInputError
from klachtregels.model import (
    About,
    AdviceSubject,
    Complaint,
    GckFiling,
    Judgement,
    OudercommissieDispute,
    Party,
    Signal,
    SignalKind,
)
from klachtregels.policy import Policy, load_policy
from klachtregels.rules.catalogue import all_rules, catalogue_dict
from klachtregels.vocabulary import Outcome

sys.path.insert(0, str(Path(__file__).parent / "register"))
from register_helpers import read_csv

if TYPE_CHECKING:
    from klachtregels.engine import Decision, Rule

D = dt.date.fromisoformat
STATUTORY = load_policy(None)


def parent_complaint(**kw: Any) -> Complaint:
    """A parent's written complaint about conduct, received Mon 2025-03-03 (G06)."""
    facts: dict[str, Any] = {
        "received_on": D("2025-03-03"),
        "channel": "email",
        "complainant": Party(role="parent"),
        "subjects": ("conduct",),
        "about": "staff",
        "signals": (),
    }
    facts.update(kw)
    return Complaint(**facts)


IN_TIME = Judgement(sent_on=D("2025-04-01"), written=True, reasoned=True)
LATE_DAY = D("2026-03-04")  # the day after the twelve months (limit 2026-03-03, G06)


def late(**filing: Any) -> Decision:
    """GCK access for G06's complaint, filed one day after the twelve months."""
    return geschillencommissie_access(
        parent_complaint(),
        judgement=IN_TIME,
        filed_on=None,
        filing=GckFiling(filed_on=LATE_DAY, **filing),
        as_of=LATE_DAY,
    )


# --- R21: the twelve months as the commission applies them -----------------------------------------


def test_r21_not_invoked_by_the_provider_is_admissible() -> None:
    d = late(term_invoked=False)
    assert d.outcome == Outcome.ADMISSIBLE
    assert any(r.rule_id == "R21" and r.text.code == "GCK_R21_NOT_INVOKED" for r in d.reasons)
    assert not d.has_flag("LATE_IF_INVOKED")


def test_r21_excusable_delay_is_admissible_even_when_invoked() -> None:
    d = late(term_invoked=True, delay_excusable=True)
    assert d.outcome == Outcome.ADMISSIBLE
    assert any(r.text.code == "GCK_R21_EXCUSED" for r in d.reasons)


def test_r21_invoked_and_not_excusable_is_inadmissible() -> None:
    d = late(term_invoked=True, delay_excusable=False)
    assert d.outcome == Outcome.INADMISSIBLE
    assert d.gave("R21", Outcome.INADMISSIBLE)
    assert d.unknown_facts == ()


@pytest.mark.parametrize(
    ("facts", "unknown"),
    [
        ({}, ("filing.term_invoked", "filing.delay_excusable")),
        ({"term_invoked": True}, ("filing.delay_excusable",)),
        ({"delay_excusable": False}, ("filing.term_invoked",)),
    ],
)
def test_r21_late_if_invoked_only_while_a_deciding_fact_is_unknown(
    facts: dict[str, Any], unknown: tuple[str, ...]
) -> None:
    d = late(**facts)
    assert d.outcome == Outcome.LATE_IF_INVOKED
    assert d.unknown_facts == unknown
    assert d.has_flag("LATE_IF_INVOKED")


def test_r21_in_time_ignores_the_invocation() -> None:
    d = geschillencommissie_access(
        parent_complaint(),
        judgement=IN_TIME,
        filed_on=None,
        filing=GckFiling(filed_on=D("2026-03-03"), term_invoked=True, delay_excusable=False),
        as_of=D("2026-03-03"),
    )
    assert d.outcome == Outcome.ADMISSIBLE  # G06: the last day itself is in time


def test_r21_mediation_starting_after_the_twelve_months_cannot_suspend_them() -> None:
    """A13: mediation from 2026-03-10, after the limit 2026-03-03, suspends nothing: decided, not open."""
    after = {"mediation_from": D("2026-03-10"), "mediation_until": D("2026-04-10")}
    filed = D("2026-04-20")
    base = {"filed_on": filed, **after}

    def access(**facts: Any) -> Decision:
        return geschillencommissie_access(
            parent_complaint(),
            judgement=IN_TIME,
            filed_on=None,
            filing=GckFiling(**base, **facts),
            as_of=filed,
        )

    open_ = access()
    assert open_.outcome == Outcome.LATE_IF_INVOKED
    assert not open_.has_flag("MEDIATION_SUSPENSION_UNKNOWN")
    assert access(term_invoked=True, delay_excusable=False).outcome == Outcome.INADMISSIBLE
    # Mediation that started within the term still leaves A13 open, unless the provider does not invoke it.
    within = {
        "filed_on": D("2026-03-10"),
        "mediation_from": D("2025-05-01"),
        "mediation_until": D("2025-06-01"),
    }
    d = geschillencommissie_access(
        parent_complaint(),
        judgement=IN_TIME,
        filed_on=None,
        filing=GckFiling(**within),
        as_of=D("2026-03-10"),
    )
    assert d.outcome == Outcome.UNDETERMINED
    assert d.has_flag("MEDIATION_SUSPENSION_UNKNOWN")
    waived = geschillencommissie_access(
        parent_complaint(),
        judgement=IN_TIME,
        filed_on=None,
        filing=GckFiling(**within, term_invoked=False),
        as_of=D("2026-03-10"),
    )
    assert waived.outcome == Outcome.ADMISSIBLE


def test_r21_check_projects_the_definite_outcomes() -> None:
    """``check`` names R21's answers: inadmissible is KR-GCK-LATE; not invoked passes."""
    filing = GckFiling(filed_on=LATE_DAY, term_invoked=True, delay_excusable=False)
    rec = record(received_on=D("2025-03-03"), judgement=judged("2025-04-01"), filing=filing)
    ids = {f.id for f in check_complaint(rec, as_of=LATE_DAY, policy=STATUTORY).findings}
    assert "KR-GCK-LATE" in ids
    assert "KR-GCK-LATE-IF-INVOKED" not in ids
    waived = record(
        received_on=D("2025-03-03"),
        judgement=judged("2025-04-01"),
        filing=GckFiling(filed_on=LATE_DAY, term_invoked=False),
    )
    result = check_complaint(waived, as_of=LATE_DAY, policy=STATUTORY)
    assert not {f.id for f in result.findings if f.check == "gck-filing"}
    assert any(p.check == "gck-filing" for p in result.passed)


def test_r21_facts_read_from_a_register() -> None:
    result = read_csv(
        "received_on;gck_filed_on;gck_termijn_ingeroepen;gck_overschrijding_verschoonbaar\n"
        "2025-03-03;2026-03-04;ja;nee\n"
    )
    (rec,) = result.records
    assert rec.filing is not None
    assert (rec.filing.term_invoked, rec.filing.delay_excusable) == (True, False)


# --- R25, Wko art. 1.60: the oudercommissie ---------------------------------------------------------


def test_advice_subjects_follow_art_1_60_lid_1() -> None:
    subs = {s: s.sub for s in AdviceSubject}
    assert subs == {
        AdviceSubject.PEDAGOGICAL_POLICY: "a",
        AdviceSubject.GENERAL_POLICY: "b",
        AdviceSubject.OPENING_HOURS: "c",
        AdviceSubject.PRESCHOOL_EDUCATION: "d",
        AdviceSubject.COMPLAINT_REGULATION: "e",
        AdviceSubject.PRICE: "f",
        AdviceSubject.OTHER: None,
    }


@pytest.mark.parametrize("word", ["technische correctie", "Technische_Correctie", "prijsverhoging", "tarief"])
def test_a_technical_correction_is_a_price_change_1_60_lid_1_f(word: str) -> None:
    """GCK 2023: a 'technical correction' that raises the price is a price change (art. 1.60 lid 1 f)."""
    assert GckFiling.from_dict({"advice_subject": word}).advice_subject is AdviceSubject.PRICE
    assert Complaint(advice_subject=word).advice_subject is AdviceSubject.PRICE


def oc_access(**filing: Any) -> Decision:
    """An oudercommissie dispute (R25) filed on 2026-02-01 by the competent body."""
    facts: dict[str, Any] = {
        "filed_on": D("2026-02-01"),
        "filed_by": "oudercommissie",
        "competent_body": True,
    }
    facts.update(filing)
    c = Complaint(received_on=D("2026-01-20"), complainant=Party(role="oudercommissie"))
    return geschillencommissie_access(c, filed_on=None, filing=GckFiling(**facts), as_of=D("2026-02-01"))


def test_r25_a_decision_dispute_needs_advice_given_in_time() -> None:
    """GCK 2023 (ref 200955/213266): no advice in time, no decision to test: inadmissible."""
    no = oc_access(dispute_about="decision", advice_given_in_time=False)
    assert no.outcome == Outcome.INADMISSIBLE
    assert no.gave("R25-advice", Outcome.INADMISSIBLE)
    assert oc_access(dispute_about="decision", advice_given_in_time=True).outcome == Outcome.ADMISSIBLE
    unknown = oc_access(dispute_about="decision")
    assert (unknown.outcome, unknown.unknown_facts) == (
        Outcome.UNDETERMINED,
        ("filing.advice_given_in_time",),
    )


@pytest.mark.parametrize("about", [d for d in OudercommissieDispute if d.about_procedure])
def test_r25_a_procedure_dispute_is_heard_without_advice(about: OudercommissieDispute) -> None:
    """GCK 2022-2023: not asked, asked too late, not informed enough (art. 1.60 lid 1, lid 5)."""
    requested = None if about is OudercommissieDispute.NOT_ASKED else True
    d = oc_access(dispute_about=about, advice_given_in_time=False, advice_requested=requested)
    assert d.outcome == Outcome.ADMISSIBLE
    assert any(r.text.code == "GCK_R25_PROCEDURE" for r in d.reasons)


def test_r25_without_timely_advice_an_unknown_kind_of_dispute_stays_open() -> None:
    d = oc_access(advice_given_in_time=False)
    assert (d.outcome, d.unknown_facts) == (Outcome.UNDETERMINED, ("filing.dispute_about",))
    both = oc_access()
    assert both.outcome == Outcome.UNDETERMINED
    assert set(both.unknown_facts) == {"filing.dispute_about", "filing.advice_given_in_time"}
    # Never asked: whatever the oudercommissie disputes, the commission hears that (1.60 lid 1).
    assert oc_access(advice_requested=False).outcome == Outcome.ADMISSIBLE


def oc_dispute(subjects: tuple[str, ...] | None, **filing: Any) -> Decision:
    """:func:`oc_access` for a committee dispute with these ``subjects``."""
    facts: dict[str, Any] = {
        "filed_on": D("2026-02-01"),
        "filed_by": "oudercommissie",
        "competent_body": True,
    }
    facts.update(filing)
    c = Complaint(received_on=D("2026-01-20"), complainant=Party(role="oudercommissie"), subjects=subjects)
    return geschillencommissie_access(c, filed_on=None, filing=GckFiling(**facts), as_of=D("2026-02-01"))


@pytest.mark.parametrize(
    "subjects", [("agreement",), ("conduct",), ("agreement", "conduct"), ("working_method",)]
)
def test_r25_a_committee_dispute_not_about_art_1_60_is_inadmissible(subjects: tuple[str, ...]) -> None:
    """R11 under b, R25, R3 (GCK 2023, ref 182944/187411): a committee's claim for the parents (their
    agreement) is not a dispute about its advisory right: not the committee's to bring."""
    d = oc_dispute(subjects)
    assert d.outcome == Outcome.INADMISSIBLE
    assert d.gave("R25-scope", Outcome.INADMISSIBLE)
    assert d.unknown_facts == ()
    for lang in ("nl", "en"):
        assert "1.60" in d.explain(lang)
        assert "1.57b" in d.explain(lang)


@pytest.mark.parametrize(
    ("subjects", "filing"),
    [
        (None, {}),  # subjects unknown: the advice facts decide
        (("advisory_right",), {}),
        (("advisory_right", "agreement"), {}),  # a tariff dispute: the advisory right and the agreement
        (("agreement",), {"advice_subject": "price"}),  # the filing says it is about the advice
        (("agreement",), {"dispute_about": "not_asked"}),
    ],
)
def test_r25_scope_leaves_a_dispute_about_the_advice_to_the_other_rules(
    subjects: tuple[str, ...] | None, filing: dict[str, Any]
) -> None:
    d = oc_dispute(subjects, **filing)
    assert not d.gave("R25-scope", Outcome.INADMISSIBLE)
    assert d.outcome == oc_dispute(("advisory_right",), **filing).outcome


def test_r25_technical_correction_not_put_to_the_oudercommissie() -> None:
    """GCK 2023 (ref 202374/205334): the correction is a price change; not asked: heard (sub f)."""
    filing = read_csv(
        "received_on;gck_filed_on;gck_filed_by;gck_bevoegd_orgaan;gck_adviesonderwerp;"
        "gck_advies_gevraagd;gck_geschil_over\n"
        "2026-01-20;2026-02-01;oudercommissie;ja;technische correctie;nee;niet gevraagd\n"
    ).records[0]
    d = assess_record(filing, as_of=D("2026-02-01"))
    gck = d.gck_access
    assert gck is not None
    assert gck.outcome == Outcome.ADMISSIBLE
    assert any(r.rule_id == "R25-subject" and r.text.params.get("sub") == "f" for r in gck.reasons)


def test_r25_a_subject_art_1_60_does_not_list_stays_open_with_the_deciding_question() -> None:
    d = oc_access(advice_subject="other", dispute_about="not_asked")
    assert d.outcome == Outcome.UNDETERMINED
    assert d.has_flag("ADVICE_SUBJECT_NOT_LISTED")
    for lang in ("nl", "en"):
        assert "1.60" in d.explain(lang)


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        ({"advice_requested": True, "dispute_about": "not_asked"}, "dispute_about"),
        ({"advice_requested": False, "dispute_about": "asked_too_late"}, "dispute_about"),
        ({"advice_requested": False, "advice_requested_on": D("2026-01-05")}, "advice_requested_on"),
        ({"filed_on": D("2026-01-01"), "advice_requested_on": D("2026-01-05")}, "advice_requested_on"),
    ],
)
def test_r25_contradictory_advice_facts_are_rejected(facts: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        GckFiling(**facts)
    assert field in {path for path, _ in info.value.problems}


def test_e05_a_parents_price_complaint_flags_the_oudercommissie_advice_1_60_lid_1_f() -> None:
    c = parent_complaint(received_on=D("2026-01-12"), subjects=("agreement",), advice_subject="price")
    d = eligibility(c, as_of=D("2026-01-12"))
    assert d.outcome == Outcome.ELIGIBLE  # E05: the complaint itself is an ordinary one
    assert d.has_flag("OUDERCOMMISSIE_ADVICE_REQUIRED")
    (f,) = [f for f in d.flags if f.code == "OUDERCOMMISSIE_ADVICE_REQUIRED"]
    assert "1.60 lid 1 sub f" in f.message("nl")
    assert "1.60 para. 1 under f" in f.message("en")
    plain = eligibility(parent_complaint(subjects=("agreement",)), as_of=D("2025-03-03"))
    assert not plain.has_flag("OUDERCOMMISSIE_ADVICE_REQUIRED")
    other = eligibility(parent_complaint(advice_subject="other"), as_of=D("2025-03-03"))
    assert not other.has_flag("OUDERCOMMISSIE_ADVICE_REQUIRED")


# --- A1 / R20 sub i: atw_mode = never governs direct access too --------------------------------------


def test_atw_mode_never_gives_direct_access_after_a_judgement_in_the_a1_gap() -> None:
    """D04: calendar date Tue 2026-05-05, ATW date Wed 2026-05-06. A judgement sent on 6 May is late
    under ``never``: the parent had direct access (R20 sub i) from 6 May; under ``apply`` it was in time."""
    c = parent_complaint(received_on=D("2026-03-24"))
    j = Judgement(sent_on=D("2026-05-06"), written=True, reasoned=True)
    never = Policy(atw_mode="never")
    d = geschillencommissie_access(
        c, judgement=j, filed_on=D("2026-05-07"), as_of=D("2026-05-07"), policy=never
    )
    assert d.outcome == Outcome.DIRECT_ACCESS
    assert d.gave("R20-i", Outcome.DIRECT_ACCESS)
    assert not d.has_flag("ATW_GAP")
    a = assess(c, judgement=j, as_of=D("2026-05-07"), policy=never)
    assert a.status == "judged_late"
    default = geschillencommissie_access(c, judgement=j, filed_on=D("2026-05-07"), as_of=D("2026-05-07"))
    assert default.outcome == Outcome.ADMISSIBLE  # 'apply': judged on the ATW date, in time


# --- R28: an offence signal about someone who is not a working person --------------------------------


@pytest.mark.parametrize(
    "suspect", [About.OTHER_PARENT, About.CHILD, About.THIRD_PARTY, About.PROVIDER_PERSON]
)
def test_r28_offence_by_staff_about_a_non_working_person_is_rejected(suspect: About) -> None:
    with pytest.raises(InvalidInputError) as info:
        Signal(kind="suspected_offence_by_staff", suspect=suspect)
    ((path, problem),) = info.value.problems
    assert path == "suspect"
    assert "1.51b" in problem
    # One fixed text whatever the suspect: the value is never echoed.
    assert problem == _staff_signal_problem(About.THIRD_PARTY)


def _staff_signal_problem(suspect: About) -> str:
    with pytest.raises(InvalidInputError) as info:
        Signal(kind="suspected_offence_by_staff", suspect=suspect)
    return info.value.problems[0][1]


def test_r28_1_51c_and_route_3_suspects_must_agree_with_their_kind() -> None:
    with pytest.raises(InvalidInputError):
        Signal(kind="suspected_offence_by_provider", suspect="staff")
    with pytest.raises(InvalidInputError):
        Signal(kind="sexual_behaviour_between_children", suspect="staff")
    assert (
        Signal(kind="suspected_offence_by_provider", suspect="provider_person").suspect
        is About.PROVIDER_PERSON
    )


@pytest.mark.parametrize(
    "suspect", [About.STAFF, About.GASTOUDER, About.GASTOUDER_HOUSEMATE, About.MANAGEMENT]
)
def test_r28_meldplicht_for_working_persons_and_a_gastouders_adult_housemate(suspect: About) -> None:
    """Wko 1.51b lid 1 with 1.56b lid 3: the adult housemate of a gastouder is covered."""
    c = parent_complaint(about=suspect, signals=(Signal(kind="suspected_offence_by_staff", suspect=suspect),))
    d = precedence(c, as_of=D("2025-03-03"))
    assert d.outcome == Outcome.MELDPLICHT
    assert d.has_flag("MELDPLICHT_1_51B")


def test_r28_staff_signal_in_a_complaint_about_another_parent_is_not_a_meldplicht_guess() -> None:
    signal = Signal(kind=SignalKind.SUSPECTED_OFFENCE_BY_STAFF)
    c = parent_complaint(about="other_parent", subjects=("other_parent",), signals=(signal,))
    d = precedence(c, as_of=D("2025-03-03"))
    assert d.outcome == Outcome.UNDETERMINED
    assert not d.has_flag("MELDPLICHT_1_51B")
    assert d.has_flag("SIGNAL_SUSPECT_NOT_WORKING_PERSON")
    assert d.unknown_facts == ("complaint.signals[].suspect",)
    assert d.details["duties"] == []
    # Naming the suspect decides it: a staff member is a meldplicht.
    named = parent_complaint(
        about="other_parent", signals=(Signal(kind="suspected_offence_by_staff", suspect="staff"),)
    )
    assert precedence(named, as_of=D("2025-03-03")).outcome == Outcome.MELDPLICHT


def test_r28_the_contradiction_is_a_finding_and_a_rejected_register_row() -> None:
    rec = record(about="other_parent", signals=(Signal(kind="suspected_offence_by_staff"),))
    ids = {f.id for f in check_complaint(rec, as_of=D("2025-10-02"), policy=STATUTORY).findings}
    assert "KR-SIGNAL-SUSPECT-UNCLEAR" in ids
    assert not ids & {"KR-MELDPLICHT-NOT-CONSULTED", "KR-MELDPLICHT-CONSULT-LATE"}
    result = read_csv(
        "received_on;signals;signal_suspect\n"
        "2025-03-03;vermoeden misdrijf medewerker;andere ouder\n"
        "2025-03-04;vermoeden misdrijf medewerker;huisgenoot gastouder\n"
    )
    assert [e.row for e in result.errors] == [2]
    assert result.errors[0].column == "signal_suspect"
    (ok,) = result.records
    assert ok.complaint.signals is not None
    assert ok.complaint.signals[0].suspect is About.GASTOUDER_HOUSEMATE


# --- R24, R26: citations ------------------------------------------------------------------------------


def _rule(decision: str, rule_id: str) -> Rule[Any]:
    (rule,) = [r for r in all_rules(decision) if r.id == rule_id]
    return rule


def test_r26_cites_the_klachtenlokets_own_information_not_the_gck_reglement() -> None:
    rule = _rule("gck_access", "R26")
    assert [c.instrument for c in rule.citations] == [KLACHTENLOKET]
    assert all(c.instrument is not GCK_REGLEMENT for c in rule.citations)
    assert rule.citations[0].url is not None
    assert "klachtenloket-kinderopvang.nl" in rule.citations[0].url


def test_r24_personal_injury_rests_on_the_commissions_rulings() -> None:
    notes = " ".join(c.note or "" for c in _rule("gck_access", "R24").citations)
    assert "175806/185000" in notes


def test_the_catalogue_lists_the_new_facts() -> None:
    facts = {
        fact
        for decision in catalogue_dict()["decisions"]
        for rule in decision["rules"]
        for fact in rule["facts"]
    }
    assert {
        "filing.term_invoked",
        "filing.delay_excusable",
        "filing.dispute_about",
        "filing.advice_subject",
        "filing.advice_requested",
        "complaint.advice_subject",
        "complaint.signals[].suspect",
    } <= facts
    page = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "`filing.term_invoked`" in page


# --- R1 and the transition to the Geschillencommissie (A20) ------------------------------------------


@pytest.mark.parametrize(
    ("filed", "expected"),
    [
        (dt.date(2015, 12, 20), Outcome.OUT_OF_TEMPORAL_SCOPE),  # under the old regime: not modelled
        (dt.date(2016, 1, 1), Outcome.UNDETERMINED),  # the GCK's regime: the transition is open
        (dt.date(2016, 10, 6), Outcome.UNDETERMINED),  # as in ruling 2017-106932/108480
    ],
)
def test_r1_a_dispute_filed_from_2016_over_an_earlier_complaint_is_open_a20(
    filed: dt.date, expected: Outcome
) -> None:
    complaint = Complaint.from_dict(
        {
            "received_on": "2015-12-15",
            "channel": "letter",
            "complainant": {"role": "parent"},
            "subjects": ["agreement"],
        }
    )
    access = geschillencommissie_access(complaint, filed_on=filed, as_of=filed)
    assert access.outcome == expected
    assert access.gave("R1", expected)
    assert access.has_flag("TRANSITION_2016") is (expected == Outcome.UNDETERMINED)
    # The internal complaint regime (R1 for eligibility) stays keyed on the receipt day.
    assert eligibility(complaint, as_of=filed).outcome == Outcome.OUT_OF_TEMPORAL_SCOPE
    # check projects the open answer onto its finding, not onto a skip.
    filing = GckFiling(filed_on=filed, filed_by="parent")
    row = record(judgement=None, filing=filing, received_on=dt.date(2015, 12, 15), channel="letter")
    found = {f.id for f in check_complaint(row, as_of=filed, policy=Policy()).findings}
    assert ("KR-GCK-UNDETERMINED" in found) is (expected == Outcome.UNDETERMINED)
