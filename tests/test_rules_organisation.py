"""The organisation duties K1-K9 as rules (rules.organisation): legal basis as data, missing is not false."""

from __future__ import annotations

import datetime as dt

import pytest

from klachtregels.compliance import load_catalogue
from klachtregels.compliance.checks import load_projection
from klachtregels.organisation import Organisation, OudercommissieFacts, RegulationFacts
from klachtregels.policy import load_policy
from klachtregels.rules.organisation import (
    DUTIES,
    DutyContext,
    DutyDecision,
    handling_term_within_statute,
    organisation_duties,
)
from klachtregels.vocabulary import FlagCode, Outcome

CAT = load_catalogue()


@pytest.mark.parametrize("duty", DUTIES, ids=lambda d: d.item)
def test_the_check_catalogue_repeats_each_duty_s_legal_basis_exactly(duty: object) -> None:
    from klachtregels.rules.organisation import Duty

    assert isinstance(duty, Duty)
    check = CAT.checks[duty.item]
    assert check.rule_ids == duty.rule_ids
    assert [c.to_dict() for c in check.citations] == [c.to_dict() for c in duty.citations]
    assert CAT.k_items[duty.item].ggd_supervised is duty.ggd_supervised


def test_every_duty_answer_has_a_finding_and_every_finding_belongs_to_its_item() -> None:
    projection = load_projection()
    for key, names in projection.organisation.items():
        item = key.split(".")[0]
        for outcome_or_flag, finding in names.items():
            assert outcome_or_flag in Outcome.__members__.values() or outcome_or_flag in FlagCode.__members__
            assert CAT.findings[finding].check == item, (key, finding)
    # an answer refined by its reason (an ambiguity id or an article the item's check names): K5.sent,
    # A16; K8, 1.58
    assert projection.organisation_by_reason
    for key, by_outcome in projection.organisation_by_reason.items():
        item = key.split(".")[0]
        for outcome, by_reason in by_outcome.items():
            assert outcome in Outcome.__members__.values()
            for reason, finding in by_reason.items():
                articles = {c.article for c in CAT.checks[item].citations}
                assert reason in CAT.checks[item].ambiguities or reason in articles, (key, reason)
                assert CAT.findings[finding].check == item, (key, finding)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zes weken", True),
        ("6 weeks", True),
        ("42 dagen", True),
        ("43 days", False),
        ("7 weken", False),
        ("1 maand", True),
        ("2 maanden", False),
        ("24 werkdagen", True),  # at most 42 days, holidays included
        ("26 werkdagen", False),  # 47 days around Christmas
        ("28 werkdagen", False),  # past six weeks when holidays fall in it (as policy lint says)
        ("31 werkdagen", False),
        ("0 dagen", None),  # the term parser refuses a number below 1 (a policy cannot have it either)
        ("zo snel mogelijk", None),  # a human must read it
        (None, None),
        # as regulations word it (R6 (d) "uiterlijk zes weken na indiening"; seeds 000, 001, 004)
        ("uiterlijk zes weken na indiening", True),
        ("uiterlijk 6 weken na indiening", True),
        ("uiterlijk binnen zes weken na het indienen van de klacht", True),
        ("binnen een termijn van zes weken", True),
        ("binnen 6 weken", True),
        ("maximaal 4 weken", True),
        ("within six weeks of receipt", True),
        ("no later than 42 days after receipt of the complaint", True),
        ("binnen 7 weken na ontvangst", False),
        ("uiterlijk twee maanden", False),
        ("binnen 1000000 weken", False),  # too large to count: longer than six weeks
        # wording that changes the term, or counts from another day: a human compares it
        ("na zes weken", None),
        ("minimaal 6 weken", None),
        ("binnen binnen 6 weken", None),
        ("uiterlijk", None),
        ("binnen 2 werkdagen voor", None),
        ("binnen zes weken na het ontstaan van de klacht", None),
        ("zo spoedig mogelijk en uiterlijk 6 weken na indiening", None),
    ],
)
def test_the_regulations_term_against_the_six_weeks(text: str | None, expected: bool | None) -> None:
    assert handling_term_within_statute(text) is expected


def _ctx(org: Organisation, **kw: object) -> DutyContext:
    return DutyContext(organisation=org, as_of=dt.date(2026, 5, 7), policy=load_policy(None), **kw)  # type: ignore[arg-type]


def test_an_empty_organisation_file_leaves_every_item_undetermined_never_not_met() -> None:
    decisions = organisation_duties(_ctx(Organisation(name="Test")))
    by_item = {d.item: d for d in decisions}
    for item in ("K1", "K2", "K3", "K6", "K7", "K8", "K9"):
        assert by_item[item].outcome is Outcome.UNDETERMINED
        assert by_item[item].unknown_facts
        assert not by_item[item].failed


def test_a_fact_given_as_false_is_not_met_and_named() -> None:
    """K1 (R4): the fact given as false is named; the true and the unknown ones are not."""
    org = Organisation(name="Test", regulation=RegulationFacts(adopted=True, covers_conduct=False))
    (k1,) = [d for d in organisation_duties(_ctx(org)) if d.item == "K1"]
    assert k1.outcome is Outcome.NOT_MET
    assert k1.failed == ("regulation.covers_conduct",)


@pytest.mark.parametrize("stated", [False, None], ids=["facts-false", "facts-absent"])
def test_no_regulation_adopted_fails_k2_and_k3_too(stated: bool | None) -> None:
    """R6, R7: K2 and K3 ask about the regulation of lid 1. With none adopted they were undetermined
    when the file left its other facts out; both fail now, naming regulation.adopted, the fact K1
    reads (and only that one when the file also says nothing was written, provided for or
    published). The same file saying those facts are true contradicts itself: it is refused
    (``tests/test_organisation_contradictions.py``)."""
    from klachtregels.organisation import RegulationProvisions

    provides = RegulationProvisions(
        written_submission=stated,
        careful_investigation=stated,
        keeping_informed=stated,
        handling_term="6 weken" if stated is False else None,
        reasoned_judgement=stated,
        concrete_term_for_measures=stated,
    )
    reg = RegulationFacts(adopted=False, written=stated, published_to_parents=stated, provides=provides)
    by_item = {d.item: d for d in organisation_duties(_ctx(Organisation(name="Test", regulation=reg)))}
    for item in ("K1", "K2", "K3"):
        assert by_item[item].outcome is Outcome.NOT_MET
        assert by_item[item].failed == ("regulation.adopted",)
        assert not by_item[item].unknown_facts


def _k5(org: Organisation, as_of: dt.date, year: int) -> list[DutyDecision]:
    """K5's answers for ``org`` on ``as_of``, with a register of four complaints in ``year``."""
    ctx = DutyContext(
        organisation=org,
        as_of=as_of,
        policy=load_policy(None),
        complaints_per_year={year: 4},
        register_years=(year, year),
    )
    return [d for d in organisation_duties(ctx) if d.item == "K5"]


def test_k5_uses_the_annual_report_rule_for_its_last_day() -> None:
    """31 May 2026 is a Sunday: the last day is open (A16) and K5 flags it while the report is pending."""
    (k5,) = _k5(Organisation(name="Test"), dt.date(2026, 5, 20), 2025)
    assert k5.outcome is Outcome.PENDING
    assert FlagCode.REPORT_DUE_DATE_OPEN in k5.flags
    assert k5.details["send_by"] == "2026-05-29"


@pytest.mark.parametrize(
    ("as_of", "outcome"),
    [
        (dt.date(2026, 5, 20), Outcome.PENDING),  # on 20 May it had not been sent yet: still to send
        (dt.date(2026, 5, 28), Outcome.MET),  # sent on 28 May, in time
        (dt.date(2026, 6, 10), Outcome.MET),
    ],
)
def test_k5_reads_a_report_sent_after_the_day_asked_as_not_sent_on_it(
    as_of: dt.date, outcome: Outcome
) -> None:
    """What had happened on the day asked (as decisions.record_as_of reads a complaint): a report
    sent on 28 May 2026 was not sent on 20 May, so K5 is pending then, not met."""
    from klachtregels.organisation import AnnualReportRecord

    org = Organisation(
        name="Test",
        annual_reports=(
            AnnualReportRecord(year=2025, sent_to_ggd_on=dt.date(2026, 5, 28), made_known_to_parents=True),
        ),
    )
    sent = [d for d in _k5(org, as_of, 2025) if d.aspect == "sent"]
    assert [d.outcome for d in sent] == [outcome]


def test_k5_a_report_sent_late_is_late_on_any_day_after_the_last_day() -> None:
    from klachtregels.organisation import AnnualReportRecord

    org = Organisation(
        name="Test", annual_reports=(AnnualReportRecord(year=2024, sent_to_ggd_on=dt.date(2025, 7, 1)),)
    )
    sent = [d for d in _k5(org, dt.date(2025, 6, 15), 2024) if d.aspect == "sent"]
    assert [d.outcome for d in sent] == [Outcome.NOT_MET]


@pytest.mark.parametrize(
    ("oudercommissie", "outcome", "failed", "unknown"),
    [
        # Wko 1.58: no oudercommissie, exempt (at most 50 children or gastouders): nothing to advise
        (OudercommissieFacts(established=False, exempt=True), Outcome.NOT_REQUIRED, (), ()),
        # no oudercommissie and no exemption: the advice of 1.60 lid 1 e cannot have been asked
        (
            OudercommissieFacts(established=False, exempt=False),
            Outcome.NOT_MET,
            ("oudercommissie.established",),
            (),
        ),
        (OudercommissieFacts(established=False), Outcome.UNDETERMINED, (), ("oudercommissie.exempt",)),
        # with an oudercommissie (or its existence not given) the exemption is not read
        (
            OudercommissieFacts(established=True, exempt=True, advised_on_regulation=False),
            Outcome.NOT_MET,
            ("oudercommissie.advised_on_regulation",),
            ("oudercommissie.informed_about_gck",),
        ),
        (
            OudercommissieFacts(exempt=True, advised_on_regulation=True, informed_about_gck=True),
            Outcome.MET,
            (),
            (),
        ),
    ],
)
def test_k8_without_an_oudercommissie_reads_the_small_provider_exemption(
    oudercommissie: OudercommissieFacts, outcome: Outcome, failed: tuple[str, ...], unknown: tuple[str, ...]
) -> None:
    org = Organisation(name="Test", oudercommissie=oudercommissie)
    (k8,) = [d for d in organisation_duties(_ctx(org)) if d.item == "K8"]
    assert k8.outcome is outcome
    assert k8.failed == failed
    if outcome is not Outcome.NOT_MET:  # not met names only what is false; the rest may be unknown
        assert k8.unknown_facts == unknown
    decided_by_1_58 = oudercommissie.established is False and oudercommissie.exempt is not None
    assert (k8.reason == "1.58") is decided_by_1_58


@pytest.mark.parametrize(
    "text",
    [
        *("1 day", "6 weeks", "42 dagen", "43 days", "1 maand", "2 maanden", "1008 uur", "1009 hours"),
        *("24 werkdagen", "25 working days", "26 werkdagen", "30 working days", "1 year"),
        "uiterlijk zes weken",
    ],
)
def test_k2_and_policy_lint_give_one_answer_on_the_six_weeks(text: str) -> None:
    """R6 (d): "does this handling term end within six weeks?" is one question. K2 asks it of the
    organisation file's term, policy lint of the policy's; both call
    ``terms.within_statutory_handling_term``, so the same term gets the same answer (each compared on
    its own before)."""
    from klachtregels.policy import Policy
    from klachtregels.policy_lint import LintCode, lint_policy

    too_long = LintCode.HANDLING_TERM_TOO_LONG in lint_policy(Policy(handling_term=text)).codes()
    assert handling_term_within_statute(text) is (not too_long)
