"""The example register shows every per-complaint finding; the run is stable and reproducible."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from klachtregels.compliance import CheckResult, check_register, load_catalogue
from klachtregels.organisation import load_organisation

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 5, 7)


@pytest.fixture(scope="module")
def example() -> CheckResult:
    return check_register(
        EXAMPLES / "register.csv",
        as_of=AS_OF,
        policy=EXAMPLES / "policy.toml",
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
        organisation_file="examples/organisation.toml",
    )


def test_every_complaint_and_row_finding_appears(example: CheckResult) -> None:
    catalogue = load_catalogue()
    wanted = {
        spec.id
        for spec in catalogue.findings.values()
        if catalogue.checks[spec.check].scope in ("complaint", "register")
    }
    found = {f.id for f in example.findings}
    assert wanted - found == set()


def test_every_status_of_an_open_complaint_appears(example: CheckResult) -> None:
    found = {f.id for f in example.findings}
    assert {"KR-HANDLING-OVERDUE", "KR-HANDLING-DUE-SOON", "KR-HANDLING-ON-TRACK"} <= found


def test_c04_is_in_the_example(example: CheckResult) -> None:
    # The statutory six weeks (C04). The example policy's shorter house term is broken too.
    (c04,) = [f for f in example.findings if f.complaint_id == "VT-2025-001" and f.id == "KR-HANDLING-LATE"]
    others = {f.id for f in example.findings if f.complaint_id == "VT-2025-001"} - {"KR-HANDLING-LATE"}
    assert others == {"KR-HOUSE-HANDLING-LATE"}
    assert dict(c04.facts)["deadline"] == "2025-10-15"
    assert c04.row == 7  # the header is line 1


def test_rows_read_is_checked_plus_rejected(example: CheckResult) -> None:
    s = example.summary
    assert s.rows_read == s.rows_checked + s.rows_rejected
    assert s.rows_rejected == 1
    assert s.rows_read == len((EXAMPLES / "register.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert s.errors + s.warnings + s.infos == len(example.findings)


def test_organisation_items_from_the_example(example: CheckResult) -> None:
    found = {f.id for f in example.findings if f.subject == "organisation"}
    assert {"KR-K4-PRACTICE", "KR-K5-PENDING", "KR-K5-WEEKEND"} <= found
    assert {p.check for p in example.passed if p.row is None} >= {"K1", "K2", "K3", "K6", "K7", "K8", "K9"}


def test_the_example_is_synthetic() -> None:
    """No names and no free-text description columns in the example register."""
    header = (EXAMPLES / "register.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "complainant_name" not in header
    assert "description" not in header
    assert "judgement_summary" not in header


def test_same_input_same_output(example: CheckResult) -> None:
    again = check_register(
        EXAMPLES / "register.csv",
        as_of=AS_OF,
        policy=EXAMPLES / "policy.toml",
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
        organisation_file="examples/organisation.toml",
    )
    assert again.to_dict() == example.to_dict()
