"""Hostile pandas and polars input to the notebook API (klachtregels.bulk, a DataFrame as a register).

Every hostile value holds a marker that must never appear in an error, a warning or an error cell;
bad input is a typed error (or a rejected row) naming where and what kind, never a traceback from
inside, and every row read is accounted for.
"""

from __future__ import annotations

import datetime as dt
import time
import warnings
from typing import TYPE_CHECKING, Any

import pytest

import klachtregels as kr
from klachtregels import bulk
from klachtregels.errors import KlachtregelsError
from klachtregels.register import read_register_all

if TYPE_CHECKING:
    from collections.abc import Callable

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

MARKER = "Jansen7qx"
AS_OF = dt.date(2026, 6, 1)


def raises_typed(call: Callable[[], Any]) -> KlachtregelsError:
    """The typed error ``call`` raises, checked for the marker (and warnings too)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(KlachtregelsError) as info:
            call()
    assert MARKER not in str(info.value)
    assert all(MARKER not in str(w.message) for w in caught)
    return info.value


def far_seconds(text: str) -> Any:
    """A ``datetime64[s]`` column holding a day outside the years 1-9999 (pandas keeps it)."""
    return np.array([text, "2026-03-24"], dtype="datetime64[s]")


# --- a DataFrame as a register: days outside 1-9999 ---------------------------------------------------


@pytest.mark.parametrize("text", ["12000-01-01", "-0050-01-01"])
@pytest.mark.parametrize("column", ["received_on", "location"])
@pytest.mark.parametrize("aware", [False, True])
def test_a_pandas_day_outside_the_years_rejects_its_row(text: str, column: str, aware: bool) -> None:
    cells = pd.Series(far_seconds(text))
    if aware:
        cells = cells.dt.tz_localize("UTC")
    frame = pd.DataFrame({"id": [f"{MARKER}1", "B"], column: cells})
    result = read_register_all(frame)  # before: ValueError from Timestamp.to_pydatetime
    assert result.summary.rows_read == 2 == len(result.records) + result.summary.rows_rejected
    # (a date in the text column location is refused too: "expected text, got date")
    expected = [(1, column)] if column == "received_on" else [(1, column), (2, column)]
    assert [(e.row, e.column) for e in result.errors] == expected
    assert "a day outside the years 1-9999" in result.errors[0].describe("en")
    assert all(MARKER not in e.describe(lang) for e in result.errors for lang in ("en", "nl"))


def test_a_polars_day_outside_the_years_rejects_its_row() -> None:
    pl = pytest.importorskip("polars")
    days = pl.Series("received_on", [-1_000_000, 20_536], dtype=pl.Int32).cast(pl.Date)
    moments = pl.Series("arose_on", [dt.datetime(2026, 3, 24), dt.datetime(9999, 12, 31, 23)])
    frame = pl.DataFrame(
        {"id": [MARKER, "B"], "received_on": days, "arose_on": moments.dt.replace_time_zone("Asia/Tokyo")}
    )
    result = read_register_all(frame)  # before: ValueError or OverflowError from polars' rows
    assert result.summary.rows_read == 2
    assert result.summary.rows_rejected == 2
    assert [(e.row, e.column) for e in result.errors] == [(1, "received_on"), (2, "arose_on")]


def test_assess_many_and_check_register_take_a_day_outside_the_years() -> None:
    frame = pd.DataFrame({"id": ["A", "B"], "received_on": far_seconds("12000-01-01")})
    table = bulk.assess_many(frame, as_of=AS_OF)
    assert table["row"].tolist() == [1, 2]
    assert table["error"].notna().tolist() == [True, False]


# --- a DataFrame as a register: numpy datetime64 in an object column -----------------------------


@pytest.mark.parametrize("unit", ["ns", "us", "s", "D"])
def test_a_numpy_datetime64_cell_is_a_date_time_not_a_number(unit: str) -> None:
    cells = pd.Series([np.datetime64("2026-03-24", unit), np.datetime64("NaT", unit)], dtype=object)
    late = np.datetime64("2026-03-23T23:30", "s").astype(f"datetime64[{unit}]")
    frame = pd.DataFrame(
        {"id": ["A", "B"], "received_on": cells, "location": pd.Series([late, "x"], dtype=object)}
    )
    result = read_register_all(frame)
    # before: the day as an integer of nanoseconds ("expected a date, got a number"; the digits as text)
    assert [r.complaint.received_date for r in result.records] == [None]
    assert [(e.row, e.column) for e in result.errors] == [(1, "location")]
    result = read_register_all(frame[["id", "received_on"]])
    assert [r.complaint.received_date for r in result.records] == [dt.date(2026, 3, 24), None]


# --- check_register with a DataFrame -------------------------------------------------------------------


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_check_register_takes_a_dataframe(library: str) -> None:
    data = {"id": ["A1", "A2"], "received_on": ["2026-03-24", MARKER]}
    frame = pd.DataFrame(data) if library == "pandas" else pytest.importorskip("polars").DataFrame(data)
    result = kr.check_register(frame, as_of=AS_OF)  # before: TypeError from os.fspath after the whole read
    assert result.summary.rows_read == 2
    assert result.register is None
    assert MARKER not in repr(result)
    assert MARKER not in result.to_pandas().to_string()


# --- assess_many: items that are not complaints --------------------------------------------------------


@pytest.mark.parametrize("item", [[MARKER], [], (MARKER,), np.array([MARKER]), MARKER.encode(), 7, None])
def test_assess_many_gives_an_error_row_for_an_item_of_another_kind(item: object) -> None:
    table = bulk.assess_many([item, {"id": "A", "received_on": "2026-03-24"}], as_of=AS_OF)
    # before: a list item was taken for a rejected row's errors (AttributeError)
    assert table["row"].tolist() == [1, 2]
    assert table["error"].notna().tolist() == [True, False]
    assert "RegisterRecord" in table["error"].iloc[0]
    assert MARKER not in table["error"].iloc[0]


# --- deadlines over a column ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [{"a": MARKER}, [MARKER], {MARKER}, bytearray(b"x")])
def test_coerce_makes_an_unhashable_value_nat(bad: object) -> None:
    dates, provisional = bulk.handling_deadlines([bad, dt.date(2026, 3, 24), bad], errors="coerce")
    # before: TypeError (unhashable type) from the cache of days read
    assert np.isnat(dates).tolist() == [True, False, True]
    assert provisional.tolist() == [False, False, False]


# pandas 2.2 (the lowest allowed) reports an error of its own localising code as unraisable, then raises.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_aware_pandas_series_outside_the_years_is_a_typed_error() -> None:
    series = pd.Series(far_seconds("12000-01-01")).dt.tz_localize("UTC")
    error = raises_typed(lambda: bulk.handling_deadlines(series))  # before: NotImplementedError
    assert "0001-9999" in str(error)


@pytest.mark.parametrize("dtype", ["date", "datetime", "datetime_tz"])
def test_a_polars_series_outside_the_years_is_a_typed_error(dtype: str) -> None:
    pl = pytest.importorskip("polars")
    if dtype == "date":
        series = pl.Series("x", [-1_000_000], dtype=pl.Int32).cast(pl.Date)
    elif dtype == "datetime":  # the year 33658
        series = pl.Series("x", [10**18], dtype=pl.Int64).cast(pl.Datetime("us"))
    else:  # 9999-12-31 23:00 UTC is 10000-01-01 in Tokyo
        series = pl.Series("x", [dt.datetime(9999, 12, 31, 23)]).dt.replace_time_zone("UTC")
        series = series.dt.convert_time_zone("Asia/Tokyo")
    error = raises_typed(lambda: bulk.handling_deadlines(series))  # before: ValueError or OverflowError
    assert "0001-9999" in str(error)


@pytest.mark.parametrize("library", ["pandas", "polars"])
@pytest.mark.parametrize(
    "call",
    [
        lambda v: bulk.handling_deadlines(v, errors="coerce"),
        lambda v: bulk.gck_filing_limits(v),
        lambda v: bulk.working_day_deadlines(v, 3),
        lambda v: bulk.similar_locations(v),
    ],
)
def test_a_dataframe_is_not_a_column(library: str, call: Callable[[Any], Any]) -> None:
    data = {"2026-03-24": ["BSO Mozaiek"], "BSO Mozaïek": ["x"]}
    frame = pd.DataFrame(data) if library == "pandas" else pytest.importorskip("polars").DataFrame(data)
    # before: its column names were read as the values (NaT, deadlines or groups of column names)
    error = raises_typed(lambda: call(frame))
    assert "DataFrame" in str(error)


@pytest.mark.parametrize("missing", [np.float32("nan"), np.float16("nan"), pd.NaT, pd.NA, None, float("nan")])
def test_every_missing_value_is_missing_in_the_column_functions(missing: object) -> None:
    dates, _ = bulk.handling_deadlines([missing, dt.date(2026, 3, 24)])  # before: float32 NaN raised
    assert np.isnat(dates).tolist() == [True, False]
    groups = bulk.similar_locations(["BSO Mozaiek", missing, "BSO Mozaïek"])  # before: NaT raised
    assert [g.total for g in groups] == [2]


# --- near-duplicate names: very long names ------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ["Locatie " + "abcdefghij" * 6, "Locatie " + "abcdefghij" * 6 + "x"],
        ["Kanaalweg " + "a" * 100_000, "Kanaalweg " + "a" * 99_999 + "b"],
        [("ab " * 20_000) + MARKER, ("ab " * 19_999) + "ab" + MARKER],
    ],
)
def test_similar_locations_on_very_long_names_is_quick(names: list[str]) -> None:
    start = time.perf_counter()
    bulk.similar_locations(names)  # before: minutes to hours (every deletion of a long word)
    assert time.perf_counter() - start < 2


def test_similar_locations_still_groups_long_compound_words() -> None:
    groups = bulk.similar_locations(["Buitenschoolseopvang Zonnebloem", "Buitenschoolseopvnag Zonnebloem"])
    assert [g.reasons for g in groups] == [("spelling",)]
