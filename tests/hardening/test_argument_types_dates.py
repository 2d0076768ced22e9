"""Wrong argument types and dates at the ends of the calendar: typed errors naming the argument.

The calendar and term functions refuse an argument of the wrong type with
:class:`~klachtregels.errors.ArgumentTypeError` (also a ``TypeError``) and a count that runs past the
years 1-9999 with :class:`~klachtregels.errors.DateRangeError` (also an ``OverflowError``). Both name
the argument (its parameter name) and the kind of problem, never the value given (it may be personal
data).
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

from klachtregels import calendar as cal
from klachtregels import terms
from klachtregels._time import DateTextError
from klachtregels.errors import (
    ArgumentTypeError,
    DateRangeError,
    InvalidInputError,
    KlachtregelsError,
    TermError,
)

D = dt.date
DAY = D(2026, 3, 24)
#: A value that must never appear in an error: text that could be a name and a phone number.
SECRET = "Jansen-0612345678"


def _check(info: pytest.ExceptionInfo[Any], name: str, *, secret: object = SECRET) -> None:
    error = info.value
    assert isinstance(error, KlachtregelsError)
    assert name in [field for field, _ in error.problems], error.problems
    assert str(secret) not in str(error)
    assert str(secret) not in repr(error.problems)


# --- wrong types: calendar -----------------------------------------------------------------------

NOT_A_DAY: list[object] = [SECRET, 20260324, None, True, [2026, 3, 24], 2026.5]


@pytest.mark.parametrize("bad", NOT_A_DAY)
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda v: cal.is_working_day(v), "d"),
        (lambda v: cal.is_working_day(v, include_equated_days=False), "d"),
        (lambda v: cal.next_working_day(v), "d"),
        (lambda v: cal.add_working_days(v, 3), "d"),
        (lambda v: cal.add_working_days(v, -3), "d"),
        (lambda v: cal.add_working_days(v, 0), "d"),
        (lambda v: cal.working_days_between(v, DAY), "first"),
        (lambda v: cal.working_days_between(DAY, v), "last"),
        (lambda v: cal.non_working_reason(v), "d"),
        (lambda v: cal.non_working_between(v, DAY), "first"),
        (lambda v: cal.non_working_between(DAY, v), "last"),
        (lambda v: cal.atw_extend(v, DAY), "start"),
        (lambda v: cal.atw_extend(DAY, v), "end"),
        (lambda v: cal.format_date(v), "d"),
    ],
)
def test_calendar_refuses_what_is_no_day(call: Any, name: str, bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="expected a date or datetime") as info:
        call(bad)
    _check(info, name)
    assert isinstance(info.value, TypeError)
    assert f"got {type(bad).__name__}" in str(info.value)


@pytest.mark.parametrize("bad", [SECRET, None, True, False, [3], 1.5, 2.0])
def test_add_working_days_takes_a_whole_number(bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="expected a whole number") as info:
        cal.add_working_days(DAY, bad)  # type: ignore[arg-type]
    _check(info, "n")
    # On a year whose table is not built yet, and counting backwards, the same.
    with pytest.raises(ArgumentTypeError, match="expected a whole number"):
        cal.add_working_days(D(2077, 3, 24), bad)  # type: ignore[arg-type]


def test_add_working_days_takes_a_numpy_integer() -> None:
    np = pytest.importorskip("numpy")
    for n in (10, -10, 0, 400):
        assert cal.add_working_days(DAY, np.int64(n)) == cal.add_working_days(DAY, n)
        assert type(cal.add_working_days(DAY, np.int64(n))) is dt.date


@pytest.mark.parametrize("bad", [SECRET, None, True, [2026], 2026.0])
@pytest.mark.parametrize(
    "call",
    [
        lambda v: cal.non_working_days(v),
        lambda v: cal.non_working_days(v, include_equated_days=False),
        lambda v: cal.equated_days_status(v),
    ],
)
def test_a_year_is_a_whole_number(call: Any, bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="expected a whole number") as info:
        call(bad)
    _check(info, "year")


def test_a_numpy_year_is_a_year() -> None:
    np = pytest.importorskip("numpy")
    assert cal.non_working_days(np.int64(2026)) == cal.non_working_days(2026)
    assert cal.equated_days_status(np.int32(2026)) == cal.equated_days_status(2026)
    assert cal.unverified_years([np.int64(2031), 2026]) == (2031,)


@pytest.mark.parametrize("bad", [SECRET, 2026, None, True])
def test_unverified_years_takes_an_iterable_of_years(bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="expected an iterable of years") as info:
        cal.unverified_years(bad)  # type: ignore[arg-type]
    _check(info, "years")


@pytest.mark.parametrize("bad", [SECRET, None, True, [2026], 2031.0])
def test_unverified_years_refuses_what_is_no_year(bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="expected a whole number") as info:
        cal.unverified_years([2031, bad])  # type: ignore[list-item]
    _check(info, "years")


@pytest.mark.parametrize(("first", "last", "name"), [(SECRET, 2020, "first_year"), (2020, None, "last_year")])
def test_calendar_data_from_sources_takes_years(first: object, last: object, name: str) -> None:
    with pytest.raises(ArgumentTypeError) as info:
        cal.calendar_data_from_sources(first, last)  # type: ignore[arg-type]
    _check(info, name)


def test_non_working_between_checks_its_switch() -> None:
    with pytest.raises(InvalidInputError) as info:
        cal.non_working_between(DAY, DAY, include_equated_days="no")  # type: ignore[arg-type]
    _check(info, "include_equated_days", secret="'no'")


def test_format_date_checks_its_switch() -> None:
    with pytest.raises(InvalidInputError) as info:
        cal.format_date(DAY, weekday="no")  # type: ignore[arg-type]
    _check(info, "weekday", secret="'no'")
    assert cal.format_date(DAY, "en", weekday=False) == "24 March 2026"


def test_calendar_says_nat_is_missing() -> None:
    pd = pytest.importorskip("pandas")
    for call in (
        lambda: cal.is_working_day(pd.NaT),
        lambda: cal.next_working_day(pd.NaT),
        lambda: cal.add_working_days(pd.NaT, 3),
        lambda: cal.working_days_between(pd.NaT, DAY),
        lambda: cal.non_working_reason(pd.NaT),
    ):
        with pytest.raises(DateTextError) as info:
            call()
        assert info.value.code == "DATE_MISSING"
    assert cal.is_working_day(pd.Timestamp("2026-03-24 10:00")) is True


# --- wrong types: terms ---------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [SECRET, 20260324, None, [2026, 3, 24], True])
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda v: terms.deadline(v, "6 weeks", statutory=True), "start"),
        (lambda v: terms.deadline(v, terms.HANDLING_TERM, statutory=False), "start"),
        (lambda v: terms.deadline(v, "48 hours", statutory=True), "start"),
        (lambda v: terms.handling_deadline(v), "received"),
        (lambda v: terms.handling_deadline(v, strict=True), "received"),
        (lambda v: terms.handling_deadline(v, receipt_rule="next_working_day"), "received"),
        (lambda v: terms.gck_filing_limit(v), "filed_with_provider"),
    ],
)
def test_terms_refuse_what_is_no_day(call: Any, name: str, bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="expected a date or datetime") as info:
        call(bad)
    _check(info, name)
    assert f"got {type(bad).__name__}" in str(info.value)


@pytest.mark.parametrize("bad", [3, None, True, [6, "weeks"], 6.0])
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda v: terms.deadline(DAY, v, statutory=True), "term"),
        (lambda v: terms.deadline(DAY, v, statutory=False, strict=True), "term"),
        (lambda v: terms.term_length_days(v), "term"),
        (lambda v: terms.Term.parse(v), "text"),
    ],
)
def test_a_term_is_a_term_or_its_text(call: Any, name: str, bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="a term's text") as info:
        call(bad)
    _check(info, name)
    assert isinstance(info.value, TermError)  # callers that catch a term they cannot read still do
    assert isinstance(info.value, TypeError)
    assert f"got {type(bad).__name__}" in str(info.value)


def test_deadline_names_what_the_term_takes() -> None:
    with pytest.raises(ArgumentTypeError) as info:
        terms.deadline(DAY, 3, statutory=True)  # type: ignore[arg-type]
    assert info.value.problems == (("term", "expected a Term or a term's text, got int"),)


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        ((SECRET, "days"), {}, "amount"),
        ((None, "days"), {}, "amount"),
        ((True, "days"), {}, "amount"),
        ((6.0, "weeks"), {}, "amount"),
        (([6], "weeks"), {}, "amount"),
        ((6, 5), {}, "unit"),
        ((6, None), {}, "unit"),
        ((6, ["weeks"]), {}, "unit"),
    ],
)
def test_term_refuses_arguments_of_the_wrong_type(args: tuple[object, ...], kwargs: Any, name: str) -> None:
    with pytest.raises(ArgumentTypeError) as info:
        terms.Term(*args, **kwargs)  # type: ignore[arg-type]
    _check(info, name)
    assert isinstance(info.value, TermError)


@pytest.mark.parametrize("bad", ["no", SECRET, 1, None])
def test_term_backwards_is_a_switch(bad: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        terms.Term(6, "weeks", backwards=bad)  # type: ignore[arg-type]
    _check(info, "backwards", secret=SECRET)


def test_term_takes_a_numpy_amount() -> None:
    np = pytest.importorskip("numpy")
    term = terms.Term(np.int64(6), "weeks", backwards=np.bool_(False))
    assert term == terms.HANDLING_TERM
    assert type(term.amount) is int
    assert type(term.backwards) is bool


def test_term_type_errors_survive_pickle() -> None:
    with pytest.raises(TermError) as info:
        terms.Term.parse(None)  # type: ignore[arg-type]
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is type(info.value)
    assert again.problems == info.value.problems


def test_term_errors_for_values_are_unchanged() -> None:
    with pytest.raises(TermError) as info:
        terms.Term(0, "days")
    assert not isinstance(info.value, ArgumentTypeError)
    with pytest.raises(TermError) as info:
        terms.Term(2, "fortnights")
    assert not isinstance(info.value, ArgumentTypeError)


# --- dates at the ends of the calendar ---------------------------------------------------------------


def _out_of_range(info: pytest.ExceptionInfo[Any], name: str, day: object) -> None:
    error = info.value
    assert isinstance(error, OverflowError)
    assert isinstance(error, ValueError)
    assert error.problems == ((name, "the result would fall outside the dates Python holds (years 1-9999)"),)
    assert str(day) not in str(error)
    assert "9999-" not in str(error)
    assert "0001-" not in str(error)


@pytest.mark.parametrize(
    ("call", "name", "day"),
    [
        (lambda: terms.handling_deadline(D(9999, 12, 1)), "received", D(9999, 12, 1)),
        (lambda: terms.handling_deadline(D(9999, 12, 1), strict=True), "received", D(9999, 12, 1)),
        (lambda: terms.handling_deadline(D(9999, 12, 1), atw_mode="never"), "received", D(9999, 12, 1)),
        (
            lambda: terms.handling_deadline(D(9999, 11, 27), receipt_rule="next_working_day"),
            "received",
            D(9999, 11, 27),
        ),
        (
            lambda: terms.handling_deadline(dt.datetime(9999, 12, 1, 10, 0)),
            "received",
            dt.datetime(9999, 12, 1, 10, 0),
        ),
        (lambda: terms.deadline(D(9999, 12, 1), "2 months", statutory=True), "start", D(9999, 12, 1)),
        (lambda: terms.deadline(D(9999, 12, 1), "6 weeks", statutory=False), "start", D(9999, 12, 1)),
        (lambda: terms.deadline(D(9999, 12, 31), "1 working day", statutory=True), "start", D(9999, 12, 31)),
        (lambda: terms.deadline(D(9999, 12, 31), "1 year", statutory=False), "start", D(9999, 12, 31)),
        (lambda: terms.deadline(D(9999, 12, 29), "3 days", statutory=True), "start", D(9999, 12, 29)),
        (
            lambda: terms.deadline(dt.datetime(9999, 12, 31, 12), "48 hours", statutory=True),
            "start",
            dt.datetime(9999, 12, 31, 12),
        ),
        (lambda: terms.deadline(D(1, 1, 2), "3 days before", statutory=False), "start", D(1, 1, 2)),
        (lambda: terms.deadline(D(1, 6, 1), "1 year before", statutory=False), "start", D(1, 6, 1)),
        (lambda: terms.deadline(D(1, 2, 1), "2 months before", statutory=True), "start", D(1, 2, 1)),
        (
            lambda: terms.deadline(dt.datetime(1, 1, 1, 12), "48 hours before", statutory=True),
            "start",
            dt.datetime(1, 1, 1, 12),
        ),
        (lambda: terms.gck_filing_limit(D(9999, 6, 1)), "filed_with_provider", D(9999, 6, 1)),
        (
            lambda: terms.gck_filing_limit(dt.datetime(9999, 6, 1, 9)),
            "filed_with_provider",
            dt.datetime(9999, 6, 1, 9),
        ),
        (lambda: cal.add_working_days(D(9999, 12, 30), 5), "d", D(9999, 12, 30)),
        (lambda: cal.add_working_days(D(9999, 12, 31), 1), "d", D(9999, 12, 31)),
        (lambda: cal.add_working_days(D(9999, 1, 4), 400), "d", D(9999, 1, 4)),
        (lambda: cal.add_working_days(D(2026, 1, 5), 10**9), "d", D(2026, 1, 5)),
    ],
)
def test_counting_past_the_calendar_is_a_date_range_error(call: Any, name: str, day: object) -> None:
    with pytest.raises(DateRangeError) as info:
        call()
    _out_of_range(info, name, day)


def test_the_last_days_that_can_be_answered_still_are() -> None:
    assert cal.add_working_days(D(9999, 12, 30), 1) == D(9999, 12, 31)
    assert cal.next_working_day(D(9999, 12, 31)) == D(9999, 12, 31)
    assert cal.is_working_day(D(9999, 12, 31)) is True
    assert cal.working_days_between(D(9999, 12, 1), D(9999, 12, 31)) == 22
    assert cal.non_working_between(D(9999, 12, 25), D(9999, 12, 31))[0].date == D(9999, 12, 25)
    assert cal.atw_extend(D(9999, 12, 20), D(9999, 12, 31)) == (D(9999, 12, 31), (), False)
    assert terms.deadline(D(9999, 11, 1), "6 weeks", statutory=True).date == D(9999, 12, 13)
    assert terms.deadline(D(1, 6, 1), "6 weeks before", statutory=False).date == D(1, 4, 20)
    assert terms.deadline(D(1, 1, 4), "3 days before", statutory=False).date == D(1, 1, 1)


def test_a_year_past_the_calendar() -> None:
    with pytest.raises(DateRangeError) as info:
        cal.non_working_days(10_000)
    assert [field for field, _ in info.value.problems] == ["year"]
    assert "10000" not in str(info.value)


def test_calendar_edges_that_are_no_overflow_keep_their_errors() -> None:
    from klachtregels.errors import CalendarDataError

    with pytest.raises(CalendarDataError):
        cal.add_working_days(D(1949, 1, 3), -5)
    with pytest.raises(CalendarDataError):
        terms.deadline(D(1949, 1, 2), "3 working days before", statutory=False)
    with pytest.raises(CalendarDataError):
        cal.is_working_day(D(1, 1, 1))


# --- bulk and ics -------------------------------------------------------------------------------------


def test_bulk_deadline_past_the_calendar() -> None:
    pytest.importorskip("numpy")
    from klachtregels import bulk

    for call in (
        lambda: bulk.handling_deadlines([D(9999, 12, 1)]),
        lambda: bulk.gck_filing_limits([D(9999, 6, 1)]),
        lambda: bulk.working_day_deadlines([D(9999, 12, 31)], 3),
    ):
        with pytest.raises(DateRangeError) as info:
            call()
        assert [field for field, _ in info.value.problems] == ["values"]
        assert "9999-" not in str(info.value)


@pytest.mark.parametrize("bad", [SECRET, None, True, 2.5, [3]])
def test_bulk_working_days_is_a_whole_number(bad: object) -> None:
    pytest.importorskip("numpy")
    from klachtregels import bulk

    with pytest.raises(ArgumentTypeError) as info:
        bulk.working_day_deadlines([DAY], bad)  # type: ignore[arg-type]
    _check(info, "days")


def test_bulk_working_days_takes_a_numpy_integer() -> None:
    np = pytest.importorskip("numpy")
    from klachtregels import bulk

    dates, _ = bulk.working_day_deadlines([DAY], np.int64(3))
    assert dates[0] == np.datetime64(cal.add_working_days(DAY, 3))


@pytest.mark.parametrize("bad", [5, None, True])
def test_bulk_values_of_the_wrong_type(bad: object) -> None:
    pytest.importorskip("numpy")
    from klachtregels import bulk

    with pytest.raises(ArgumentTypeError) as info:
        bulk.handling_deadlines(bad)
    _check(info, "values")
    assert isinstance(info.value, InvalidInputError)


def test_ics_arguments_of_the_wrong_type() -> None:
    pytest.importorskip("icalendar")
    from klachtregels import ics

    for call, name in (
        (lambda: ics.calendar_ics(SECRET), "years"),  # type: ignore[arg-type]
        (lambda: ics.calendar_ics(2026), "years"),  # type: ignore[arg-type]
        (lambda: ics.calendar_ics([2026, SECRET]), "years"),  # type: ignore[list-item]
        (lambda: ics.calendar_ics([True]), "years"),
        (lambda: ics.to_ics(5), "items"),  # type: ignore[arg-type]
        (lambda: ics.to_ics(SECRET), "items"),  # type: ignore[arg-type]
        (lambda: ics.to_ics([SECRET]), "items"),  # type: ignore[list-item]
        (lambda: ics.obligations_ics(SECRET), "timeline"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ArgumentTypeError) as info:
            call()
        _check(info, name)
    assert "BEGIN:VCALENDAR" in ics.calendar_ics((y for y in [2026]), lang="en")
