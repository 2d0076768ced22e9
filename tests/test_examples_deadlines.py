"""The deadline examples of examples.md (D, T and A series, and the dates in other series)."""

from __future__ import annotations

import datetime as dt

import pytest

from klachtregels.terms import deadline, gck_filing_limit, handling_deadline

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("received", "raw", "expected", "no_eq", "no_atw"),
    [
        pytest.param("2025-03-01", "2025-04-12", "2025-04-14", "2025-04-14", "2025-04-12", id="D01"),
        pytest.param("2026-03-16", "2026-04-27", "2026-04-28", "2026-04-28", "2026-04-27", id="D03"),
        pytest.param("2026-03-24", "2026-05-05", "2026-05-06", "2026-05-06", "2026-05-05", id="D04"),
        pytest.param("2026-11-13", "2026-12-25", "2026-12-28", "2026-12-28", "2026-12-25", id="D06"),
        pytest.param("2026-04-13", "2026-05-25", "2026-05-26", "2026-05-26", "2026-05-25", id="D10"),
        pytest.param("2025-09-03", "2025-10-15", "2025-10-15", "2025-10-15", "2025-10-15", id="D14"),
    ],
)
def test_d_series(received: str, raw: str, expected: str, no_eq: str, no_atw: str) -> None:
    result = handling_deadline(D(received))
    assert result.calendar_date == D(raw)
    assert result.date == result.atw_date == D(expected)
    assert not result.provisional
    assert handling_deadline(D(received), include_equated_days=False).date == D(no_eq)
    assert handling_deadline(D(received), atw_mode="never").date == D(no_atw)
    assert "R12" in result.rule_ids


def test_d04_explanation() -> None:
    text = handling_deadline(D("2026-03-24")).explain("nl")
    assert "5 mei 2026 is een algemeen erkende feestdag (Atw art. 3 lid 1) → woensdag 6 mei 2026" in text


def test_d06_reasons() -> None:
    result = handling_deadline(D("2026-11-13"))
    assert [(d.date, d.name_en) for d in result.extended_by] == [
        (D("2026-12-25"), "Christmas Day"),
        (D("2026-12-26"), "Boxing Day"),
        (D("2026-12-27"), "Sunday"),
    ]


def test_d14_alternative_counts_the_filing_day() -> None:
    # A3: counting the filing day ends one day earlier.
    assert handling_deadline(D("2025-09-03"), exclude_filing_day=False).date == D("2025-10-14")
    assert deadline(D("2025-09-03"), "6 weeks", statutory=True, exclude_start_day=False).date == D(
        "2025-10-14"
    )


@pytest.mark.parametrize(
    ("start", "term", "expected", "analogy"),
    [
        pytest.param("2025-12-31", "2 months", "2026-02-28", "2026-03-02", id="T01"),
        pytest.param("2026-08-31", "2 months", "2026-10-31", "2026-11-02", id="T03"),
    ],
)
def test_t_series_private_month_terms(start: str, term: str, expected: str, analogy: str) -> None:
    result = deadline(D(start), term, statutory=False)
    assert result.date == result.calendar_date == result.atw_date == D(expected)
    assert not result.atw_applied
    assert "R17" in result.rule_ids
    assert "R18" in result.rule_ids
    # T01's by-analogy policy: apply the ATW as if the term were statutory.
    assert deadline(D(start), term, statutory=True).date == D(analogy)


def test_t05_gck_twelve_months() -> None:
    result = gck_filing_limit(D("2025-05-05"))
    assert result.date == D("2026-05-05")
    assert not result.atw_applied
    assert {"R21", "R16", "R17", "R18"} <= set(result.rule_ids)
    assert any(c.instrument.short == "GCK-reglement" for c in result.citations)
    # Even as a statutory term it is excluded by ATW art. 4 (12 months).
    assert deadline(D("2025-05-05"), "12 months", statutory=True).date == D("2026-05-05")


def test_a03_art2_three_day_statutory_term() -> None:
    result = deadline(D("2026-12-23"), "3 days", statutory=True)
    assert result.calendar_date == D("2026-12-26")
    assert result.date == D("2026-12-28")  # Thu 24 and Mon 28 are two working days
    assert not result.art2_extended


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        pytest.param("2025-10-06", "2025-11-17", id="E01"),
        pytest.param("2026-03-09", "2026-04-20", id="M01"),
        pytest.param("2025-09-01", "2025-10-13", id="G01"),
        pytest.param("2025-09-03", "2025-10-15", id="C04"),
    ],
)
def test_handling_deadlines_in_other_series(received: str, expected: str) -> None:
    assert handling_deadline(D(received)).date == D(expected)


def test_g06_gck_limit() -> None:
    assert gck_filing_limit(D("2025-03-03")).date == D("2026-03-03")


def test_art2_bites_after_christmas() -> None:
    # R14: from Thu 2026-12-24, 3 days end Sun 27; art. 1 gives Mon 28, but (24, 28] holds only
    # one working day, so art. 2 extends to Tue 29.
    result = deadline(D("2026-12-24"), "3 days", statutory=True)
    assert result.date == D("2026-12-29")
    assert result.art2_extended
    assert "Atw art. 2" in result.explain("nl")
    assert "R14" in result.rule_ids
