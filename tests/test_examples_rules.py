"""The worked examples of examples.md (E, M, G, C series) as tests, plus the docs/rules.md stale check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from klachtregels.decisions import assess, eligibility, geschillencommissie_access, precedence
from klachtregels.model import Complaint, GckFiling, Judgement
from klachtregels.policy import Policy
from klachtregels.rules.catalogue import render_rules

D = dt.date.fromisoformat


def complaint(**kw: Any) -> Complaint:
    data: dict[str, Any] = {"complainant": {"role": "parent"}, "channel": "email", "signals": []}
    data.update(kw)
    return Complaint.from_dict(data)


# --- 10.1 eligibility ---------------------------------------------------------------------------

ELIGIBILITY_CASES = [
    pytest.param(
        complaint(received_on="2025-10-06", subjects=["conduct"], about="staff"),
        None,
        "eligible",
        None,
        id="E01",
    ),
    pytest.param(
        complaint(received_on="2025-10-06", channel="oral", subjects=["agreement"]),
        None,
        "not_yet",
        "INVITE_WRITTEN_COMPLAINT",
        id="E02",
    ),
    pytest.param(
        complaint(
            received_on="2025-11-03",
            channel="letter",
            complainant={"role": "foster_parent"},
            subjects=["agreement"],
        ),
        None,
        "eligible",
        None,
        id="E04",
    ),
    pytest.param(
        complaint(received_on="2026-01-12", subjects=["agreement"]), None, "eligible", None, id="E05"
    ),
    pytest.param(
        complaint(received_on="2026-03-02", channel="letter", subjects=["working_method"]),
        None,
        "undetermined",
        "WORKING_METHOD_SCOPE",
        id="E06-statutory",
    ),
    pytest.param(
        complaint(received_on="2026-03-02", channel="letter", subjects=["working_method"]),
        Policy(name="model-2022", include_working_method=True),
        "eligible_by_policy",
        None,
        id="E06-model-2022",
    ),
    pytest.param(
        complaint(
            received_on="2025-09-15", channel="letter", complainant={"role": "staff"}, subjects=["agreement"]
        ),
        None,
        "not_eligible",
        None,
        id="E08",
    ),
    pytest.param(
        complaint(received_on="2015-11-10", channel="letter", subjects=["conduct"]),
        None,
        "out_of_temporal_scope",
        None,
        id="E12",
    ),
    pytest.param(
        complaint(
            received_on="2025-05-12",
            channel="letter",
            complainant={"role": "anonymous"},
            subjects=["conduct"],
        ),
        None,
        "not_eligible",
        "REGISTER_AS_SIGNAL",
        id="E13",
    ),
    pytest.param(
        complaint(
            received_on="2026-01-20",
            channel="letter",
            complainant={"role": "oudercommissie"},
            subjects=["advisory_right"],
        ),
        None,
        "not_eligible",
        "ROUTE_GCK_1_57C_LID1B",
        id="E14",
    ),
]


@pytest.mark.parametrize(("c", "policy", "expected", "flag"), ELIGIBILITY_CASES)
def test_eligibility_examples(c: Complaint, policy: Policy | None, expected: str, flag: str | None) -> None:
    assert c.received_date is not None
    decision = eligibility(c, as_of=c.received_date + dt.timedelta(days=1), policy=policy)
    assert decision.outcome == expected
    if flag is not None:
        assert decision.has_flag(flag)
    assert all(r.citations for r in decision.reasons)


def test_e01_deadline_and_e02_clock() -> None:
    e01 = assess(complaint(received_on="2025-10-06", subjects=["conduct"]), as_of=D("2025-10-07"))
    assert e01.deadlines["handling"].date == D("2025-11-17")
    e02 = assess(
        complaint(received_on="2025-10-06", channel="oral", subjects=["agreement"]), as_of=D("2025-12-01")
    )
    assert e02.status == "not_started"
    assert "handling" not in e02.deadlines
    assert e02.eligibility.details["clock_started"] is False


def test_e06_undetermined_names_a8() -> None:
    d = eligibility(
        complaint(received_on="2026-03-02", channel="letter", subjects=["working_method"]),
        as_of=D("2026-03-03"),
    )
    assert any(f.ambiguity == "A8" for f in d.flags)


# --- 10.2 precedence ----------------------------------------------------------------------------

PRECEDENCE_CASES = [
    pytest.param(
        complaint(
            received_on="2026-03-09",
            channel="letter",
            subjects=["conduct"],
            about="staff",
            signals=[{"kind": "suspected_offence_by_staff"}],
        ),
        "meldplicht",
        "eligible",
        id="M01",
    ),
    pytest.param(
        complaint(received_on="2025-06-02", subjects=["conduct"], signals=[{"kind": "abuse_at_home"}]),
        "meldcode_route_1",
        "eligible",
        id="M03",
    ),
    pytest.param(
        complaint(
            received_on="2025-06-02",
            subjects=["conduct"],
            signals=[{"kind": "sexual_behaviour_between_children"}],
        ),
        "meldcode_route_3",
        "eligible",
        id="M04",
    ),
    pytest.param(
        complaint(received_on="2025-06-02", subjects=["conduct"], signals=[]), "none", "eligible", id="M08"
    ),
]


@pytest.mark.parametrize(("c", "expected", "elig"), PRECEDENCE_CASES)
def test_precedence_examples(c: Complaint, expected: str, elig: str) -> None:
    assert c.received_date is not None
    a = assess(c, as_of=c.received_date + dt.timedelta(days=2))
    assert a.precedence.outcome == expected
    assert a.eligibility.outcome == elig
    assert a.precedence.details["six_week_clock"]["suspended_by_statute"] is False
    if expected != "none":
        assert a.precedence.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
        assert a.precedence.details["remaining_complaint"]["handling"] == "needs_human_judgement"


def test_m01_clock_keeps_running_to_2026_04_20() -> None:
    c = PRECEDENCE_CASES[0].values[0]
    d = precedence(c, as_of=D("2026-03-10"))
    assert d.details["six_week_clock"]["deadline"]["date"] == "2026-04-20"
    assert d.has_flag("MELDPLICHT_1_51B")
    assert d.has_flag("REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT")
    # The clock runs on: on 2026-04-21 without a judgement the complaint is overdue.
    assert assess(c, as_of=D("2026-04-21")).status == "open_overdue"


# --- 10.3 Geschillencommissie -------------------------------------------------------------------

G_PARENT = complaint(received_on="2025-09-01", channel="letter", subjects=["conduct"])

GCK_CASES = [
    pytest.param(G_PARENT, None, D("2025-10-14"), {}, "direct_access", None, id="G01"),
    pytest.param(
        complaint(received_on=None, subjects=["conduct"]),
        None,
        D("2024-03-10"),
        {"filed_with_provider": False},
        "inadmissible",
        None,
        id="G03",
    ),
    pytest.param(
        complaint(received_on=None, subjects=["conduct"], judge_is_subject=True),
        None,
        D("2025-06-10"),
        {"filed_with_provider": False},
        "undetermined",
        "JUDGE_IS_SUBJECT",
        id="G04",
    ),
    pytest.param(
        complaint(received_on="2025-03-03", channel="letter", subjects=["conduct"]),
        Judgement(sent_on=D("2025-04-01"), written=True, reasoned=True),
        D("2026-02-20"),
        {},
        "admissible",
        None,
        id="G06",
    ),
    pytest.param(
        complaint(received_on="2025-03-03", channel="letter", subjects=["conduct"]),
        Judgement(sent_on=D("2025-04-01"), written=True, reasoned=True),
        D("2025-05-01"),
        {},
        "admissible",
        None,
        id="G16",
    ),
    pytest.param(
        complaint(received_on="2025-09-03", channel="letter", subjects=["conduct"]),
        Judgement(sent_on=D("2025-10-16"), written=True, reasoned=True),
        D("2025-10-16"),
        {},
        "direct_access",
        None,
        id="C04",
    ),
    pytest.param(
        complaint(received_on="2026-03-16", channel="letter", subjects=["conduct"]),
        None,
        D("2026-04-28"),
        {},
        "undetermined",
        "ATW_GAP",
        id="G02",
    ),
]


@pytest.mark.parametrize(("c", "judgement", "filed", "extra", "expected", "flag"), GCK_CASES)
def test_gck_examples(
    c: Complaint,
    judgement: Judgement | None,
    filed: dt.date,
    extra: dict[str, Any],
    expected: str,
    flag: str | None,
) -> None:
    d = geschillencommissie_access(c, judgement=judgement, filed_on=filed, as_of=filed, **extra)
    assert d.outcome == expected
    if flag is not None:
        assert d.has_flag(flag)
    assert all(r.citations for r in d.reasons)


def test_g01_deadline_and_g06_limit() -> None:
    g01 = geschillencommissie_access(G_PARENT, filed_on=D("2025-10-13"), as_of=D("2025-10-13"))
    assert g01.outcome == "premature"
    assert g01.details["handling_deadline"]["date"] == "2025-10-13"
    g06 = GCK_CASES[3].values
    d = geschillencommissie_access(g06[0], judgement=g06[1], filed_on=g06[2], as_of=g06[2])
    assert d.details["gck_filing_limit"] == "2026-03-03"
    late = geschillencommissie_access(
        g06[0], judgement=g06[1], filed_on=D("2026-03-04"), as_of=D("2026-03-04")
    )
    assert late.outcome == "late_if_invoked"


def test_g04_indicator_never_admissible() -> None:
    c = complaint(received_on="2026-03-02", channel="letter", subjects=["conduct"], judge_is_subject=True)
    d = geschillencommissie_access(c, filed_on=D("2026-03-05"), as_of=D("2026-03-05"))
    assert d.outcome == "undetermined"
    assert d.has_flag("JUDGE_IS_SUBJECT")


def test_c04_handling_judged_late() -> None:
    c, j = GCK_CASES[5].values[0], GCK_CASES[5].values[1]
    a = assess(c, judgement=j, as_of=D("2025-10-20"))
    assert a.status == "judged_late"
    assert a.deadlines["handling"].date == D("2025-10-15")


def test_e14_oudercommissie_dispute_goes_direct() -> None:
    c = ELIGIBILITY_CASES[-1].values[0]
    filing = GckFiling(
        filed_on=D("2026-02-01"), filed_by="oudercommissie", competent_body=True, advice_given_in_time=True
    )
    d = geschillencommissie_access(c, filed_on=None, filing=filing, as_of=D("2026-02-01"))
    assert (d.outcome, d.details["route"]) == ("admissible", "oudercommissie")
    bad = geschillencommissie_access(
        c,
        filed_on=None,
        filing=GckFiling(
            filed_on=D("2026-02-01"),
            filed_by="oudercommissie",
            competent_body=False,
            advice_given_in_time=True,
        ),
        as_of=D("2026-02-01"),
    )
    assert bad.outcome == "inadmissible"


# --- docs/rules.md is generated -----------------------------------------------------------------


def test_docs_rules_md_is_not_stale() -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == render_rules("md", "en"), (
        "docs/rules.md is stale: run python scripts/gen_rules_doc.py"
    )
