"""Short repr and notebook HTML of the result objects (klachtregels.bulk._display)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import klachtregels as kr
from klachtregels.bulk._display import MAX_ROWS
from klachtregels.register import read_register_all

REGISTER = "examples/register.csv"
AS_OF = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def register() -> kr.register.RegisterResult:
    return read_register_all(REGISTER)


def test_deadline_repr_and_html() -> None:
    deadline = kr.handling_deadline(dt.date(2026, 3, 24))
    assert repr(deadline) == (
        "Deadline(date=2026-05-06, term='6 weeks', received=2026-03-24, atw_applied=True, provisional=False)"
    )
    page = deadline._repr_html_()
    assert "2026-05-06" in page
    assert "2026-05-05" in page  # the day ATW art. 1 skipped (5 May, art. 3 lid 1), named
    assert "<table" in page


def test_decision_and_assessment_repr_are_short(register: kr.register.RegisterResult) -> None:
    record = register.records[3]
    assessment = kr.assess(record.complaint, as_of=AS_OF)
    text = repr(assessment)
    assert text.startswith(f"Assessment(complaint_id={record.complaint.id!r}, as_of=2026-06-01, ")
    assert f"status={str(assessment.status)!r}" in text
    assert len(text) < 300
    decision = assessment.eligibility
    assert repr(decision).startswith(f"Decision(kind='eligibility', outcome={str(decision.outcome)!r}, ")
    for decision in assessment.decisions:
        assert str(decision.outcome) in decision._repr_html_()
    page = assessment._repr_html_()
    for key, deadline in assessment.deadlines.items():
        assert key in page
        assert deadline.date.isoformat() in page


def test_html_is_escaped(register: kr.register.RegisterResult) -> None:
    complaint = attrs.evolve(register.records[3].complaint, id="<script>alert(1)</script>")
    assessment = kr.assess(complaint, as_of=AS_OF)
    page = assessment._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_register_result_repr_does_not_flood(register: kr.register.RegisterResult) -> None:
    many = attrs.evolve(register, records=register.records * 200)
    text = repr(many)
    assert text == (
        f"RegisterResult(records={len(many.records)}, rows_read={register.summary.rows_read}, "
        f"rows_rejected={register.summary.rows_rejected}, format='csv', errors={len(register.errors)})"
    )
    page = many._repr_html_()
    assert len(page) < 3000
    for error in register.errors:
        assert error.code in page


def test_check_result_repr_and_html_count_findings() -> None:
    result = kr.check_register(REGISTER, as_of=AS_OF)
    text = repr(result)
    assert f"findings={len(result.findings)}" in text
    assert len(text) < 300
    page = result._repr_html_()
    ids = {str(f.id) for f in result.findings}
    shown = [i for i in ids if i in page]
    assert len(shown) == min(len(ids), MAX_ROWS)
    if len(ids) > MAX_ROWS:
        assert f"… {len(ids) - MAX_ROWS} more" in page
    assert all(f.message_en not in page for f in result.findings)  # counts, not the messages
