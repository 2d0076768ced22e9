"""Geschillencommissie access, as a legal audit against regulation.md found it (session 22).

* R1/A20: with the receipt day unknown, a complaint asked about before 2016 (or first filed with the
  provider before a dispute filed before 2016) was certainly received before 2016: out of temporal
  scope. Before, a dispute of 2015 got ``admissible`` with no reason at all (no rule in force).
* R11 (a): the commission hears disputes between a parent and the provider about R4's subjects. A
  dispute that R3 or R4 puts definitely outside (a staff member, an anonymous writer, a subject such as
  the oudercommissie's advisory right) is inadmissible, for R3's or R4's own reason.
* A6: the waiver question of an agreed extension only matters while no judgement came before the
  filing.
* A13: only mediation days within the twelve months could suspend them.
* A2: an answer resting on a provisional handling deadline is marked provisional.
"""

from __future__ import annotations

import datetime as dt

import pytest

from klachtregels import Complaint, GckFiling, Judgement, assess, eligibility, geschillencommissie_access
from klachtregels.model import Party
from klachtregels.vocabulary import FlagCode, Outcome

D = dt.date


_RECEIVED = D(2025, 3, 3)


def _complaint(received: dt.date | None = _RECEIVED, role: str = "parent", **more: object) -> Complaint:
    return Complaint(
        received_on=received,
        channel="email",
        complainant=Party(role=role),
        subjects=more.pop("subjects", ("conduct",)),  # type: ignore[arg-type]
        signals=(),
        **more,  # type: ignore[arg-type]
    )


def _rules(decision: object) -> list[str]:
    return [r.rule_id for r in decision.reasons]  # type: ignore[attr-defined]


# --- R1 with the receipt day unknown -----------------------------------------------------------------


def test_unknown_receipt_asked_about_before_2016_is_out_of_temporal_scope() -> None:
    decision = eligibility(_complaint(None), as_of=D(2015, 6, 1))
    assert decision.outcome == Outcome.OUT_OF_TEMPORAL_SCOPE
    assert _rules(decision)[0] == "R1"
    assert "1 June 2015" in decision.explain("en")


@pytest.mark.parametrize("as_of", [D(2016, 1, 1), D(2025, 6, 1)])
def test_unknown_receipt_asked_about_from_2016_stays_unknown(as_of: dt.date) -> None:
    decision = eligibility(_complaint(None), as_of=as_of)
    assert decision.outcome == Outcome.UNDETERMINED
    assert "complaint.received_on" in decision.unknown_facts


def test_a_dispute_of_2015_is_out_of_temporal_scope_not_admissible_without_reasons() -> None:
    decision = geschillencommissie_access(
        _complaint(None), filed_on=D(2015, 6, 1), as_of=D(2015, 6, 1), filed_with_provider=True
    )
    assert decision.outcome == Outcome.OUT_OF_TEMPORAL_SCOPE
    assert _rules(decision)[0] == "R1"


def test_first_filed_before_a_2015_dispute_bounds_the_receipt_even_when_asked_later() -> None:
    decision = geschillencommissie_access(
        _complaint(None), filed_on=D(2015, 6, 1), as_of=D(2016, 2, 1), filed_with_provider=True
    )
    assert decision.outcome == Outcome.OUT_OF_TEMPORAL_SCOPE
    # Unknown whether it went to the provider first: the filing day bounds nothing.
    open_order = geschillencommissie_access(_complaint(None), filed_on=D(2015, 6, 1), as_of=D(2016, 2, 1))
    assert open_order.outcome != Outcome.OUT_OF_TEMPORAL_SCOPE


def test_an_oudercommissie_dispute_of_2015_is_out_of_temporal_scope() -> None:
    complaint = Complaint(
        channel="letter", complainant=Party(role="oudercommissie"), subjects=("advisory_right",)
    )
    filing = GckFiling(
        filed_on=D(2015, 6, 1),
        filed_by="oudercommissie",
        competent_body=False,
        advice_given_in_time=False,
        dispute_about="decision",
    )
    decision = geschillencommissie_access(complaint, filed_on=None, as_of=D(2015, 6, 1), filing=filing)
    assert decision.outcome == Outcome.OUT_OF_TEMPORAL_SCOPE
    assert decision.reasons


# --- R11 (a) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "subjects", "flag"),
    [
        ("staff", ("conduct",), None),
        ("anonymous", ("conduct",), FlagCode.REGISTER_AS_SIGNAL),
        ("other", ("conduct",), None),
        ("parent", ("advisory_right",), FlagCode.ROUTE_GCK_1_57C_LID1B),
        ("parent", ("third_party",), None),
    ],
)
def test_a_dispute_outside_r3_or_r4_is_inadmissible_for_their_reason(
    role: str, subjects: tuple[str, ...], flag: FlagCode | None
) -> None:
    complaint = _complaint(role=role, subjects=subjects)
    decision = geschillencommissie_access(
        complaint, filed_on=D(2025, 5, 20), as_of=D(2025, 5, 20), judgement=Judgement(sent_on=D(2025, 4, 1))
    )
    assert decision.outcome == Outcome.INADMISSIBLE
    assert "R11" in _rules(decision)
    assert eligibility(complaint, as_of=D(2025, 5, 20)).outcome == Outcome.NOT_ELIGIBLE
    if flag is not None:
        assert decision.has_flag(flag)
    # The same in assess (one rule decides both).
    filing = GckFiling(filed_on=D(2025, 5, 20))
    assert assess(complaint, as_of=D(2025, 5, 20), filing=filing).gck_access.outcome == Outcome.INADMISSIBLE  # type: ignore[union-attr]


@pytest.mark.parametrize("role", ["parent", "grandparent", "former_client"])
def test_a_parent_dispute_about_conduct_is_not_stopped_by_r11(role: str) -> None:
    decision = geschillencommissie_access(
        _complaint(role=role),
        filed_on=D(2025, 5, 20),
        as_of=D(2025, 5, 20),
        judgement=Judgement(sent_on=D(2025, 4, 1)),
    )
    assert decision.outcome == Outcome.ADMISSIBLE
    assert "R11" not in _rules(decision)


def test_an_unknown_role_is_left_to_the_access_rules() -> None:
    complaint = Complaint(received_on=D(2025, 3, 3), channel="email", subjects=("conduct",))
    decision = geschillencommissie_access(complaint, filed_on=D(2025, 5, 20), as_of=D(2025, 5, 20))
    assert "R11" not in _rules(decision)
    assert decision.outcome == Outcome.DIRECT_ACCESS


# --- A6 ----------------------------------------------------------------------------------------------


def test_an_agreed_extension_raises_no_waiver_question_after_a_judgement() -> None:
    complaint = _complaint(D(2025, 9, 1), extension_agreed=True)
    judged = geschillencommissie_access(
        complaint,
        filed_on=D(2025, 11, 10),
        as_of=D(2025, 11, 10),
        judgement=Judgement(sent_on=D(2025, 10, 27)),
    )
    assert judged.outcome == Outcome.DIRECT_ACCESS
    not_judged = geschillencommissie_access(complaint, filed_on=D(2025, 11, 10), as_of=D(2025, 11, 10))
    assert not_judged.outcome == Outcome.NEEDS_HUMAN_JUDGEMENT
    assert not_judged.has_flag(FlagCode.EXTENSION_NOT_STATUTORY)


# --- A13: mediation ----------------------------------------------------------------------------------

# Received 2024-02-29: the twelve months run 2024-02-29 .. 2025-02-28; filed 2025-03-10, ten days late.


@pytest.mark.parametrize(
    ("start", "until", "outcome"),
    [
        (D(2024, 1, 1), D(2024, 2, 28), Outcome.LATE_IF_INVOKED),  # ended before the term began
        (D(2024, 1, 1), D(2024, 3, 8), Outcome.LATE_IF_INVOKED),  # 9 days within the term: not enough
        (D(2024, 1, 1), D(2024, 3, 9), Outcome.UNDETERMINED),  # 10 days within: enough if it suspends
        (D(2025, 2, 20), D(2025, 4, 1), Outcome.UNDETERMINED),  # filed while a suspended term stood still
        (D(2025, 2, 28), D(2025, 2, 28), Outcome.LATE_IF_INVOKED),  # one day: the limit moves to 1 March
        (D(2024, 6, 1), None, Outcome.UNDETERMINED),  # still running or end unknown
        (D(2025, 3, 1), D(2025, 3, 5), Outcome.LATE_IF_INVOKED),  # started after the term ran out
    ],
)
def test_only_mediation_days_within_the_twelve_months_may_suspend_them(
    start: dt.date, until: dt.date | None, outcome: Outcome
) -> None:
    filing = GckFiling(filed_on=D(2025, 3, 10), mediation_from=start, mediation_until=until)
    decision = geschillencommissie_access(
        _complaint(D(2024, 2, 29)), filed_on=None, filing=filing, as_of=D(2025, 3, 10)
    )
    assert decision.outcome == outcome
    assert decision.has_flag(FlagCode.MEDIATION_SUSPENSION_UNKNOWN) is (outcome == Outcome.UNDETERMINED)


# --- A2 ----------------------------------------------------------------------------------------------


def test_access_resting_on_a_provisional_deadline_is_marked_provisional() -> None:
    provisional = geschillencommissie_access(
        _complaint(D(2028, 11, 20)), filed_on=D(2029, 1, 3), as_of=D(2029, 1, 3)
    )
    assert provisional.details["handling_deadline"]["provisional"] is True
    assert provisional.has_flag(FlagCode.DEADLINE_PROVISIONAL)
    verified = geschillencommissie_access(
        _complaint(D(2025, 3, 3)), filed_on=D(2025, 5, 20), as_of=D(2025, 5, 20)
    )
    assert verified.details["handling_deadline"]["provisional"] is False
    assert not verified.has_flag(FlagCode.DEADLINE_PROVISIONAL)


# --- R23 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("filed", [D(2025, 5, 20), D(2025, 1, 20), D(2026, 6, 1)])
def test_a_dispute_the_provider_brings_asks_for_the_parents_consent(filed: dt.date) -> None:
    """R23: the parent's route (R20 first to the provider, R21 twelve months) does not decide it."""
    filing = GckFiling(filed_on=filed, filed_by="provider")
    decision = geschillencommissie_access(
        _complaint(), filed_on=None, filing=filing, as_of=max(filed, _RECEIVED)
    )
    assert decision.outcome == Outcome.NEEDS_HUMAN_JUDGEMENT
    assert decision.has_flag(FlagCode.PROVIDER_FILED_DISPUTE)
    assert next(r.rule_id for r in decision.reasons if not r.set_aside) == "R23"


def test_a_parents_dispute_is_not_asked_about_consent() -> None:
    filing = GckFiling(filed_on=D(2025, 5, 20), filed_by="parent")
    decision = geschillencommissie_access(_complaint(), filed_on=None, filing=filing, as_of=D(2025, 5, 20))
    assert decision.outcome == Outcome.DIRECT_ACCESS
    assert not decision.has_flag(FlagCode.PROVIDER_FILED_DISPUTE)


# --- A1: a judgement in the gap while the policy leaves A1 open ---------------------------------------


def test_a_judgement_in_the_atw_gap_is_not_called_in_time_when_a1_is_open() -> None:
    """Received Sat 1 March 2025: calendar date Sat 12 April, ATW date Mon 14 April; judged on the 14th."""
    from klachtregels.policy import Policy

    judgement = Judgement(sent_on=D(2025, 4, 14), written=True, reasoned=True)
    filing = GckFiling(filed_on=D(2025, 4, 20))
    args = {"as_of": D(2025, 4, 20), "judgement": judgement, "filing": filing}
    open_a1 = assess(_complaint(D(2025, 3, 1)), policy=Policy(atw_mode="follow_regulation_text"), **args)  # type: ignore[arg-type]
    assert open_a1.handling.outcome == Outcome.UNDETERMINED
    access = open_a1.gck_access
    assert access is not None
    assert access.outcome == Outcome.ADMISSIBLE  # the internal procedure is complete either way
    assert access.has_flag(FlagCode.ATW_DEPENDENT)
    [reason] = [r for r in access.reasons if r.rule_id == "R20-i"]
    assert "in time only if" in reason.message("en")
    settled = assess(_complaint(D(2025, 3, 1)), **args)  # type: ignore[arg-type]
    assert settled.handling.outcome == Outcome.JUDGED_IN_TIME
    assert settled.gck_access is not None
    assert not settled.gck_access.has_flag(FlagCode.ATW_DEPENDENT)
