"""Switches (``True``/``False`` keyword arguments) given as anything else are refused, by name.

An API audit (session 24) found that ``include_descriptions="no"`` published the descriptions
(personal data) in the annual report, and ``filed_with_provider="no"``, ``statutory="no"`` or
``include_equated_days="false"`` silently counted the other way: text is true in Python.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import klachtregels as kr
from klachtregels.errors import InvalidInputError
from klachtregels.register import read_register

ROOT = Path(__file__).resolve().parents[2]
D = dt.date
COMPLAINT = kr.Complaint.from_dict(
    {
        "received_on": "2026-03-02",
        "channel": "email",
        "complainant": {"role": "parent"},
        "subjects": ["conduct"],
    }
)


def _calls() -> dict[str, Any]:
    records = list(read_register(ROOT / "examples" / "register.csv"))
    return {
        "handling_deadline.include_equated_days": lambda v: kr.handling_deadline(
            D(2017, 3, 17), include_equated_days=v
        ),
        "handling_deadline.exclude_filing_day": lambda v: kr.handling_deadline(
            D(2017, 3, 17), exclude_filing_day=v
        ),
        "handling_deadline.strict": lambda v: kr.handling_deadline(D(2017, 3, 17), strict=v),
        "deadline.statutory": lambda v: kr.deadline(D(2026, 3, 21), "2 weeks", statutory=v),
        "deadline.include_equated_days": lambda v: kr.deadline(
            D(2026, 3, 21), "2 weeks", statutory=True, include_equated_days=v
        ),
        "deadline.exclude_start_day": lambda v: kr.deadline(
            D(2026, 3, 21), "2 weeks", statutory=True, exclude_start_day=v
        ),
        "deadline.strict": lambda v: kr.deadline(D(2026, 3, 21), "2 weeks", statutory=True, strict=v),
        "is_working_day.include_equated_days": lambda v: kr.is_working_day(
            D(2026, 1, 2), include_equated_days=v
        ),
        "add_working_days.include_equated_days": lambda v: kr.add_working_days(
            D(2026, 1, 1), 2, include_equated_days=v
        ),
        "non_working_days.include_equated_days": lambda v: kr.non_working_days(2026, include_equated_days=v),
        "geschillencommissie_access.filed_with_provider": lambda v: kr.geschillencommissie_access(
            COMPLAINT, filed_on=D(2026, 4, 1), as_of=D(2026, 5, 7), filed_with_provider=v
        ),
        "assess.filed_with_provider": lambda v: kr.assess(
            COMPLAINT, as_of=D(2026, 5, 7), filed_with_provider=v
        ),
        "assess.lazy": lambda v: kr.assess(COMPLAINT, as_of=D(2026, 5, 7), lazy=v),
        "build_report.include_descriptions": lambda v: kr.build_report(
            records, year=2025, include_descriptions=v
        ),
        "build_report.undated_in_year": lambda v: kr.build_report(records, year=2025, undated_in_year=v),
        "build_report.jaarverslag_atw": lambda v: kr.build_report(records, year=2025, jaarverslag_atw=v),
    }


CALLS = _calls()


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("value", ["no", "false", "SECRETXYZ", 0, 1, 1.0, [], "True"])
def test_a_switch_that_is_not_a_boolean_is_refused_by_name(name: str, value: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        CALLS[name](value)
    argument = name.split(".", 1)[1]
    assert [path for path, _ in caught.value.problems] == [argument]
    assert "SECRETXYZ" not in str(caught.value)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_true_and_false_still_answer(name: str) -> None:
    for value in (True, False):
        CALLS[name](value)


def test_the_answers_follow_the_switch() -> None:
    assert kr.handling_deadline(D(2017, 3, 17), include_equated_days=False).date == D(2017, 4, 28)
    assert kr.deadline(D(2026, 3, 21), "2 weeks", statutory=False).date == D(2026, 4, 4)
    assert kr.geschillencommissie_access(
        COMPLAINT, filed_on=None, as_of=D(2026, 5, 7), filed_with_provider=None
    )


def test_a_numpy_boolean_is_a_boolean() -> None:
    np = pytest.importorskip("numpy")
    assert kr.is_working_day(D(2026, 1, 5), include_equated_days=np.True_) is True
    assert kr.deadline(D(2026, 3, 21), "2 weeks", statutory=np.False_).date == D(2026, 4, 4)


# --- pandas' NaT: a datetime that is no day ---------------------------------------------------------------


def test_nat_is_a_missing_value_wherever_a_date_is_given() -> None:
    """Before: accepted by the constructors (written back as 'NaT') and a pandas TypeError later,
    in assess, check_records and the date functions (session 24 API audit)."""
    pd = pytest.importorskip("pandas")
    said = "a missing value (such as NaT), not a date"
    with pytest.raises(InvalidInputError) as built:
        kr.Complaint(received_on=pd.NaT)
    assert built.value.problems == (("received_on", said),)
    with pytest.raises(InvalidInputError) as asked:
        kr.assess(COMPLAINT, as_of=pd.NaT)
    assert asked.value.problems == (("as_of", said),)
    for call in (lambda: kr.handling_deadline(pd.NaT), lambda: kr.gck_filing_limit(pd.NaT)):
        with pytest.raises(kr.KlachtregelsError, match="missing value"):
            call()
    # A real Timestamp is a datetime like any other: its Amsterdam day.
    assert kr.Complaint(received_on=pd.Timestamp("2026-03-23 23:30", tz="UTC")).received_date == D(
        2026, 3, 24
    )


def test_an_unknown_format_is_not_repeated() -> None:
    import io

    records = list(read_register(ROOT / "examples" / "register.csv"))
    report = kr.build_report(records, year=2025)
    with pytest.raises(InvalidInputError) as rendered:
        kr.render_report(report, "SECRETXYZ")
    assert "SECRETXYZ" not in str(rendered.value)
    with pytest.raises(kr.KlachtregelsError) as read:
        list(read_register(io.BytesIO(b"id\nK1\n"), format="SECRETXYZ"))
    assert "SECRETXYZ" not in str(read.value)


def test_a_term_built_directly_has_the_parsers_cap() -> None:
    from klachtregels.terms import TermTooLargeError

    with pytest.raises(TermTooLargeError):
        kr.Term(1_000_000_000, "days")
    assert kr.Term(999_999, "days").amount == 999_999
