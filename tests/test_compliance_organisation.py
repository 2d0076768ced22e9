"""Organisation checks K1-K9: each item passes on a complete organisation and fails on a bad fact."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from klachtregels.compliance import (
    K4Tally,
    Severity,
    check_organisation,
    load_catalogue,
)
from klachtregels.organisation import parse_organisation
from klachtregels.policy import Policy
from klachtregels.report.compute import report_due

D = dt.date.fromisoformat
AS_OF = D("2026-05-07")

GOOD: dict[str, Any] = {
    "name": "Test B.V.",
    "regulation": {
        "adopted": True,
        "written": True,
        "covers_conduct": True,
        "covers_agreement": True,
        "published_to_parents": True,
        "provides": {
            "written_submission": True,
            "careful_investigation": True,
            "keeping_informed": True,
            "handling_term": "6 weeks",
            "reasoned_judgement": True,
            "concrete_term_for_measures": True,
        },
    },
    "geschillencommissie": {"affiliated": True, "informs_parents": True},
    "oudercommissie": {"advised_on_regulation": True, "informed_about_gck": True},
    "meldcode": {"adopted": True, "promoted": True, "staff_know_meldplicht": True},
    "annual_reports": [{"year": 2024, "sent_to_ggd_on": D("2025-05-27"), "made_known_to_parents": True}],
}


#: The facts of GOOD that say something about an adopted regulation or meldcode (K1-K3, K9).
PRESUPPOSING: dict[str, tuple[str, ...]] = {
    "regulation.adopted": (
        "regulation.written",
        "regulation.covers_conduct",
        "regulation.covers_agreement",
        "regulation.published_to_parents",
        "regulation.provides.written_submission",
        "regulation.provides.careful_investigation",
        "regulation.provides.keeping_informed",
        "regulation.provides.reasoned_judgement",
        "regulation.provides.concrete_term_for_measures",
    ),
    "meldcode.adopted": ("meldcode.promoted",),
}


def _org(changes: dict[str, Any] | None = None, drop: tuple[str, ...] = ()) -> Any:
    data = copy.deepcopy(GOOD)
    for path, value in (changes or {}).items():
        *parents, key = path.split(".")
        target = data
        for p in parents:
            target = target[p]
        target[key] = value
    for path in drop:
        *parents, key = path.split(".")
        target = data
        for p in parents:
            target = target[p]
        del target[key]
    return parse_organisation(data)


def _run(
    org: Any,
    *,
    per_year: dict[int, int] | None = None,
    years: tuple[int, int] | None = (2024, 2024),
    as_of: dt.date = AS_OF,
    policy: Policy | None = None,
    k4: K4Tally | None = None,
) -> tuple[set[str], set[str]]:
    findings, passed = check_organisation(
        org,
        as_of=as_of,
        policy=policy or Policy(),
        complaints_per_year=per_year if per_year is not None else {2024: 3},
        register_years=years,
        k4=k4,
    )
    return {f.id for f in findings}, {p.check for p in passed}


def test_a_complete_organisation_passes_every_item() -> None:
    found, passed = _run(_org(), k4=K4Tally(checked=5))
    assert found == set()
    assert passed == {f"K{i}" for i in range(1, 10)}


@pytest.mark.parametrize(
    ("path", "fail_id"),
    [
        ("regulation.adopted", "KR-K1-REGULATION"),
        ("regulation.covers_conduct", "KR-K1-REGULATION"),
        ("regulation.covers_agreement", "KR-K1-REGULATION"),
        ("regulation.written", "KR-K2-PROVISIONS"),
        ("regulation.provides.written_submission", "KR-K2-PROVISIONS"),
        ("regulation.provides.careful_investigation", "KR-K2-PROVISIONS"),
        ("regulation.provides.keeping_informed", "KR-K2-PROVISIONS"),
        ("regulation.provides.reasoned_judgement", "KR-K2-PROVISIONS"),
        ("regulation.provides.concrete_term_for_measures", "KR-K2-PROVISIONS"),  # C01
        ("regulation.published_to_parents", "KR-K3-PUBLICITY"),
        ("geschillencommissie.affiliated", "KR-K6-NOT-AFFILIATED"),  # C02
        ("geschillencommissie.informs_parents", "KR-K7-PARENTS-NOT-INFORMED"),
        ("oudercommissie.advised_on_regulation", "KR-K8-OUDERCOMMISSIE"),
        ("oudercommissie.informed_about_gck", "KR-K8-OUDERCOMMISSIE"),
        ("meldcode.adopted", "KR-K9-MELDCODE"),
        ("meldcode.promoted", "KR-K9-MELDCODE"),
        ("meldcode.staff_know_meldplicht", "KR-K9-MELDCODE"),
    ],
)
def test_a_false_fact_fails_its_item_and_an_absent_one_is_undetermined(path: str, fail_id: str) -> None:
    k_item = fail_id.split("-")[1]
    # What presupposes a false fact is false too: a file saying it is true contradicts itself and
    # is refused (tests/test_organisation_contradictions.py).
    found, passed = _run(_org(dict.fromkeys((path, *PRESUPPOSING.get(path, ())), False)))
    assert fail_id in found
    assert k_item not in passed
    found, passed = _run(_org(drop=(path,)))
    assert f"KR-{k_item}-UNDETERMINED" in found
    assert k_item not in passed


def test_severities_k8_is_only_a_warning_r31() -> None:
    catalogue = load_catalogue()
    assert catalogue.findings["KR-K8-OUDERCOMMISSIE"].severity is Severity.WARNING
    assert catalogue.k_items["K8"].ggd_supervised is False
    for k in ("KR-K1-REGULATION", "KR-K2-PROVISIONS", "KR-K6-NOT-AFFILIATED", "KR-K9-MELDCODE"):
        assert catalogue.findings[k].severity is Severity.ERROR
    assert all(item.verified is False for item in catalogue.k_items.values())  # A21


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("6 weeks", None),
        ("zes weken", None),
        ("4 weken", None),
        ("42 dagen", None),
        ("1 maand", None),
        ("7 weken", "KR-K2-PROVISIONS"),
        ("2 maanden", "KR-K2-PROVISIONS"),
        ("31 werkdagen", "KR-K2-PROVISIONS"),
        ("20 werkdagen", None),
        ("28 werkdagen", "KR-K2-PROVISIONS"),  # up to 49 days when holidays fall in it (as lint says)
        ("zo snel mogelijk", "KR-K2-UNDETERMINED"),
        ("uiterlijk zes weken na indiening", None),  # R6 (d) in the statute's words
        ("binnen 10 werkdagen", None),
        ("within 6 weeks of receipt", None),
        ("uiterlijk binnen 7 weken", "KR-K2-PROVISIONS"),
        ("na zes weken", "KR-K2-UNDETERMINED"),  # after, not within: refused, never read as six weeks
        ("binnen zes weken na het ontstaan van de klacht", "KR-K2-UNDETERMINED"),  # another start
    ],
)
def test_k2_handling_term_at_most_six_weeks(term: str, expected: str | None) -> None:
    found, passed = _run(_org({"regulation.provides.handling_term": term}))
    k2 = {f for f in found if f.startswith("KR-K2")}
    assert k2 == ({expected} if expected else set())
    assert ("K2" in passed) == (expected is None)


def test_k4_summarises_the_complaints() -> None:
    found, _ = _run(_org(), k4=K4Tally(failing=("A", "B"), checked=4))
    assert "KR-K4-PRACTICE" in found
    found, _ = _run(_org(), k4=K4Tally(undetermined=1, checked=4))
    assert "KR-K4-UNDETERMINED" in found
    found, passed = _run(_org(), k4=None)
    assert "K4" not in passed
    assert not {f for f in found if f.startswith("KR-K4")}


# --- K5: the annual report (R9, A16; examples J01, J02) -------------------------------------------


def test_j02_report_due_before_1_june_2026_weekend() -> None:
    """J02: four complaints in 2025; conservative last day Sun 2026-05-31; recommend Fri 05-29."""
    found, passed = _run(_org(), per_year={2025: 4}, years=(2025, 2025))
    assert found == {"KR-K5-PENDING", "KR-K5-WEEKEND"}
    assert "K5" not in passed
    assert report_due(2025, written_complaints=4).last_day == D("2026-05-31")
    assert report_due(2025, written_complaints=4, jaarverslag_atw=True).last_day == D("2026-06-01")
    found, _ = _run(_org(), per_year={2025: 4}, years=(2025, 2025), policy=Policy(jaarverslag_atw=True))
    assert found == {"KR-K5-PENDING"}  # Monday 1 June is a working day


def test_j01_no_complaints_no_report() -> None:
    found, _ = _run(_org(drop=("annual_reports",)), per_year={2024: 2}, years=(2024, 2025))
    assert "KR-K5-NOT-REQUIRED" in found  # 2025: none in the register


def test_k5_sent_late_and_not_made_known() -> None:
    # 31 May 2025 is a Saturday: the ATW day is Monday 2 June (A16); 3 June is late under either reading.
    late = {
        "annual_reports": [{"year": 2024, "sent_to_ggd_on": D("2025-06-03"), "made_known_to_parents": False}]
    }
    found, passed = _run(_org(late))
    assert {"KR-K5-SENT-LATE", "KR-K5-NOT-MADE-KNOWN"} <= found
    assert "K5" not in passed


def test_k5_unknown_sending_after_the_deadline_is_undetermined() -> None:
    found, _ = _run(_org(drop=("annual_reports",)), per_year={2024: 3}, years=(2024, 2024))
    assert found == {"KR-K5-UNDETERMINED"}
    unknown_parents = {"annual_reports": [{"year": 2024, "sent_to_ggd_on": D("2025-05-20")}]}
    found, _ = _run(_org(unknown_parents))
    assert found == {"KR-K5-UNDETERMINED"}


def test_k5_year_not_over_is_not_checked() -> None:
    found, passed = _run(_org(drop=("annual_reports",)), per_year={2026: 3}, years=(2026, 2026))
    assert "K5" in passed
    assert not {f for f in found if f.startswith("KR-K5")}


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"established": False, "exempt": True}, {"KR-K8-EXEMPT"}),
        ({"established": False, "exempt": False}, {"KR-K8-NO-OUDERCOMMISSIE"}),
        ({"established": False}, {"KR-K8-UNDETERMINED"}),
        ({"established": True, "advised_on_regulation": True, "informed_about_gck": True}, set()),
    ],
)
def test_k8_names_the_small_provider_exemption(facts: dict[str, bool], expected: set[str]) -> None:
    """Wko 1.58 (regulation.md section 2 item 6): a provider with at most 50 children may lawfully
    have no oudercommissie; K8 then does not apply (information), and without the exemption it warns
    that no oudercommissie could advise. The check stays at most a warning (R31)."""
    found, passed = _run(_org({"oudercommissie": facts}))
    assert {f for f in found if f.startswith("KR-K8")} == expected
    assert ("K8" in passed) is (not expected)
    findings = load_catalogue().findings
    assert findings["KR-K8-EXEMPT"].severity is Severity.INFO
    assert findings["KR-K8-NO-OUDERCOMMISSIE"].severity is Severity.WARNING
