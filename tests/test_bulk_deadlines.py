"""Vectorised deadlines (klachtregels.bulk) equal the scalar functions of klachtregels.terms."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from klachtregels import bulk, terms
from klachtregels.errors import CalendarDataError, InvalidInputError, PolicyError

np = pytest.importorskip("numpy")

FIRST, LAST = dt.date(1982, 1, 1), dt.date(2100, 12, 31)


def every_day() -> Any:
    """Every day 1982-2100 as a datetime64[D] array."""
    return np.arange(np.datetime64(FIRST), np.datetime64(LAST) + 1)


def scalar_columns(days: Any, call: Any) -> tuple[Any, Any]:
    """The scalar function's date and provisional mark for each day, as arrays."""
    answers = [call(d) for d in days.astype(object)]
    return (
        np.array([a.date for a in answers], dtype="datetime64[D]"),
        np.array([a.provisional for a in answers], dtype=bool),
    )


HANDLING_OPTIONS = [
    {},
    {"atw_mode": "never"},
    {"atw_mode": "follow_regulation_text"},
    {"atw_mode": "follow_regulation_text", "regulation_applies_atw": False},
    {"exclude_filing_day": False},
    {"receipt_rule": "next_working_day"},
    {"receipt_rule": "next_working_day", "atw_mode": "never"},
    {"include_equated_days": False},
]


@pytest.mark.parametrize(
    "options", HANDLING_OPTIONS, ids=lambda o: ",".join(map(str, o.values())) or "default"
)
def test_handling_deadlines_equal_the_scalar_function_on_every_day(options: dict[str, Any]) -> None:
    days = every_day()
    dates, provisional = bulk.handling_deadlines(days, **options)
    expected_dates, expected_provisional = scalar_columns(
        days, lambda d: terms.handling_deadline(d, **options)
    )
    assert dates.dtype == np.dtype("datetime64[D]")
    np.testing.assert_array_equal(dates, expected_dates)
    np.testing.assert_array_equal(provisional, expected_provisional)


def test_gck_filing_limits_equal_the_scalar_function_on_every_day() -> None:
    days = every_day()
    dates, provisional = bulk.gck_filing_limits(days)
    expected_dates, expected_provisional = scalar_columns(days, terms.gck_filing_limit)
    np.testing.assert_array_equal(dates, expected_dates)
    np.testing.assert_array_equal(provisional, expected_provisional)
    assert not provisional.any()  # a private term in months never depends on the calendar (R17, R18)


@pytest.mark.parametrize(
    ("amount", "options"),
    [
        (1, {}),
        (2, {}),
        (10, {"include_equated_days": False}),
        (5, {"backwards": True}),
        (3, {"exclude_start_day": False}),
    ],
)
def test_working_day_deadlines_equal_the_scalar_function_on_every_day(
    amount: int, options: dict[str, Any]
) -> None:
    days = every_day()
    dates, provisional = bulk.working_day_deadlines(days, amount, **options)
    term = terms.Term(amount, "working_days", backwards=options.pop("backwards", False))
    expected = scalar_columns(days, lambda d: terms.deadline(d, term, statutory=True, **options))
    np.testing.assert_array_equal(dates, expected[0])
    np.testing.assert_array_equal(provisional, expected[1])


def test_a_list_with_missing_values_texts_and_moments() -> None:
    values = [
        dt.date(2026, 3, 24),
        None,
        float("nan"),
        "",
        np.datetime64("NaT"),
        "24-03-2026",
        dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC),  # 00:30 on 24 March in Amsterdam (A22)
        dt.datetime(2026, 3, 23, 23, 30),  # naive: Amsterdam time, 23 March
    ]
    dates, provisional = bulk.handling_deadlines(values)
    may_6 = np.datetime64("2026-05-06")  # 5 May is an ATW holiday (art. 3 lid 1)
    expected = [
        may_6,
        "NaT",
        "NaT",
        "NaT",
        "NaT",
        may_6,
        may_6,
        terms.handling_deadline(dt.date(2026, 3, 23)).date,
    ]
    np.testing.assert_array_equal(dates, np.array(expected, dtype="datetime64[D]"))
    assert provisional.dtype == bool
    assert not provisional.any()


def test_days_outside_the_table_are_answered_by_the_scalar_function() -> None:
    days = [dt.date(1960, 3, 24), dt.date(2101, 12, 20), dt.date(2150, 1, 1)]
    dates, provisional = bulk.handling_deadlines(days)
    expected = [terms.handling_deadline(d) for d in days]
    assert dates.astype(object).tolist() == [d.date for d in expected]
    assert provisional.tolist() == [d.provisional for d in expected]


def test_a_day_before_the_calendar_raises_as_the_scalar_function_does() -> None:
    with pytest.raises(CalendarDataError):
        bulk.handling_deadlines([dt.date(1900, 1, 1)])


def test_a_bad_value_names_its_position_not_its_text() -> None:
    with pytest.raises(InvalidInputError) as caught:
        bulk.handling_deadlines([dt.date(2026, 1, 1), "31-02-2026 geheim"])
    assert "values[1]" in str(caught.value)
    assert "geheim" not in str(caught.value)
    with pytest.raises(InvalidInputError, match=r"values\[0\]"):
        bulk.handling_deadlines([3.5])
    dates, provisional = bulk.handling_deadlines([dt.date(2026, 3, 24), "31-02-2026", 3.5], errors="coerce")
    assert dates.astype(object).tolist() == [dt.date(2026, 5, 6), None, None]
    assert provisional.tolist() == [False, False, False]
    with pytest.raises(InvalidInputError, match="errors"):
        bulk.gck_filing_limits([], errors="ignore")  # type: ignore[arg-type]


def test_options_are_checked_as_in_the_scalar_function() -> None:
    with pytest.raises(PolicyError):
        bulk.handling_deadlines([dt.date(2026, 1, 1)], atw_mode="sometimes")
    with pytest.raises(PolicyError):
        bulk.handling_deadlines([dt.date(2026, 1, 1)], receipt_rule="whenever")


def test_a_series_keeps_its_index_and_name() -> None:
    pd = pytest.importorskip("pandas")
    received = pd.Series(
        [pd.Timestamp("2026-03-24 10:00"), pd.NaT, pd.Timestamp("2019-12-31")],
        index=[10, 20, 30],
        name="ontvangen",
    )
    dates, provisional = bulk.handling_deadlines(received)
    assert isinstance(dates, pd.Series)
    assert list(dates.index) == [10, 20, 30]
    assert dates.name == "ontvangen"
    assert dates.iloc[0] == pd.Timestamp("2026-05-06")
    assert pd.isna(dates.iloc[1])
    assert dates.iloc[2] == pd.Timestamp(terms.handling_deadline(dt.date(2019, 12, 31)).date)
    # 2020 has no verified decree data (A2): the scalar function marks that deadline provisional too.
    assert provisional.tolist() == [False, False, terms.handling_deadline(dt.date(2019, 12, 31)).provisional]
    assert provisional.iloc[2]


def test_an_aware_series_is_read_at_its_amsterdam_day() -> None:
    pd = pytest.importorskip("pandas")
    received = pd.Series(pd.to_datetime(["2026-03-23T23:30Z", None], utc=True))
    dates, _ = bulk.handling_deadlines(received)
    assert dates.iloc[0] == pd.Timestamp(terms.handling_deadline(dt.date(2026, 3, 24)).date)
    assert pd.isna(dates.iloc[1])


def test_an_empty_column_and_an_all_missing_column() -> None:
    dates, provisional = bulk.handling_deadlines([])
    assert len(dates) == 0
    assert len(provisional) == 0
    dates, provisional = bulk.gck_filing_limits([None, None])
    assert np.isnat(dates).all()
    assert not provisional.any()


def test_a_polars_series_gives_polars_series() -> None:
    pl = pytest.importorskip("polars")
    received = pl.Series("ontvangen", [dt.date(2026, 3, 24), None])
    dates, provisional = bulk.handling_deadlines(received)
    assert isinstance(dates, pl.Series)
    assert dates.name == "ontvangen"
    assert dates.to_list() == [dt.date(2026, 5, 6), None]
    assert provisional.to_list() == [False, False]


def test_handling_deadlines_resolve_their_settings_as_handling_deadline_does() -> None:
    """The column's settings go through the one resolution of handling_deadline's (its switches checked)."""
    day = dt.date(2026, 1, 1)
    for name in ("exclude_filing_day", "include_equated_days"):
        with pytest.raises(InvalidInputError) as info:
            bulk.handling_deadlines([day], **{name: "no"})
        assert [path for path, _ in info.value.problems] == [name]
    with pytest.raises(PolicyError):
        bulk.handling_deadlines([day], receipt_rule="Jansen")
    with pytest.raises(PolicyError):
        bulk.handling_deadlines([day], atw_mode="never", regulation_applies_atw=True)
    settings: list[dict[str, Any]] = [
        {"include_equated_days": False},
        {"receipt_rule": "next_working_day"},
        {"atw_mode": "never"},
    ]
    for options in settings:
        column = bulk.handling_deadlines([day], **options)
        assert str(column.date[0]) == terms.handling_deadline(day, **options).date.isoformat()


#: The accepted forms every date message names (docs/register.md, Values), in English.
FORMS = "YYYY-MM-DD, dd-mm-jjjj, d/m/jjjj, 3 maart 2026 or 3 March 2026"


@pytest.mark.parametrize(
    "text",
    [
        "2026-W10-2",
        "2026-w10-2",
        "2026-W10",
        "2026-W10T09:00",
        "2026-03-02\u200b",
        "\u200b2026-03-02",
        "\u200b",
    ],
)
@pytest.mark.parametrize("kind", ["list", "pandas", "polars"])
def test_a_week_date_or_an_invisible_character_is_refused_as_a_register_cell_is(text: str, kind: str) -> None:
    """A week date or a date holding an invisible character is no date in any door: the column
    functions refuse it with the date reader's message (the accepted forms, never the text), and
    ``errors="coerce"`` makes it missing; the other values keep their deadlines."""
    values: Any = ["2026-03-02", text]
    if kind == "pandas":
        values = pytest.importorskip("pandas").Series(values)
    elif kind == "polars":
        values = pytest.importorskip("polars").Series(values)
    for call in (
        bulk.handling_deadlines,
        bulk.gck_filing_limits,
        lambda v, **k: bulk.working_day_deadlines(v, 5, **k),
    ):
        with pytest.raises(InvalidInputError) as caught:
            call(values)
        message = str(caught.value)
        assert message == f"invalid dates: values[1]: not a date in an accepted format; use {FORMS}"
        assert "JJJJ-MM-DD, dd-mm-jjjj" in caught.value.problems[0][1].render("nl")  # type: ignore[attr-defined]
        dates, provisional = call(values, errors="coerce")
        got = list(dates)
        assert got[1] is None or got[1] != got[1]  # NaT (numpy, pandas) or None (polars)
        assert not list(provisional)[1]
        assert got[0] == got[0]
        assert got[0] is not None


def test_a_value_of_another_kind_is_named_by_its_kind_not_as_a_day_outside_the_years() -> None:
    """A number or a boolean in a date column is a value of the wrong kind (as in a register cell,
    the accepted forms named), not 'a date outside 0001-9999', which it was."""
    for value, kind in ((3.5, "a number"), (5, "a number"), (True, "a boolean"), ([1], "an array")):
        with pytest.raises(InvalidInputError) as caught:
            bulk.handling_deadlines([dt.date(2026, 3, 2), value])
        assert str(caught.value) == f"invalid dates: values[1]: expected a date ({FORMS}), got {kind}"
    with pytest.raises(InvalidInputError, match="outside 0001-9999"):  # the one that is
        bulk.handling_deadlines([dt.date(2026, 3, 2), np.datetime64("12000-01-01")])


def test_a_provisional_day_in_a_text_column_is_marked_as_the_scalar_marks_it() -> None:
    """Texts as registers write them (Dutch forms, offsets, spaces around) read as the day the scalar
    function is given, with its provisional mark (A2): 2030's equated days are not verified."""
    texts = [" 4 maart 2030 ", "04-03-2030", "4/3/2030", "2030-03-04T23:30-02:00", "2026-03-02"]
    days = [dt.date(2030, 3, 4)] * 3 + [dt.date(2030, 3, 5), dt.date(2026, 3, 2)]
    dates, provisional = bulk.handling_deadlines(texts)
    scalar = [terms.handling_deadline(d) for d in days]
    assert dates.astype(object).tolist() == [s.date for s in scalar]
    assert provisional.tolist() == [s.provisional for s in scalar] == [True, True, True, True, False]
