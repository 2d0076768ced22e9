"""The calendar's functions read a date-time as its Europe/Amsterdam day (issue 8, item 4; A22).

Before 2026-12-03 they read a date-time's own date: ``add_working_days`` of 23 March 2026 at 23:30
UTC (00:30 on 24 March in Amsterdam) counted from 23 March, while ``handling_deadline`` of the same
instant counted from 24 March. Every function now takes the day :func:`klachtregels._time.local_day`
gives, the one place time is read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels import calendar as cal
from klachtregels import handling_deadline
from klachtregels._time import DateTextError, local_day

ZONES = st.sampled_from(
    [dt.UTC, ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo"), ZoneInfo("Europe/Amsterdam")]
)
INSTANTS = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2090, 12, 31), timezones=ZONES)


def test_an_instant_late_in_the_utc_day_is_the_next_amsterdam_day() -> None:
    instant = dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC)  # 00:30 on Tuesday 24 March in Amsterdam
    assert cal.add_working_days(instant, 1) == dt.date(2026, 3, 25)
    assert cal.next_working_day(instant) == dt.date(2026, 3, 24)
    assert cal.working_days_between(instant, dt.date(2026, 3, 30)) == 4
    easter_monday = dt.datetime(2026, 4, 5, 22, 30, tzinfo=dt.UTC)  # 00:30 on 6 April in Amsterdam
    assert not cal.is_working_day(easter_monday)
    reason = cal.non_working_reason(easter_monday)
    assert reason is not None
    assert reason.name_code == "ATW_DAY_EASTER_MONDAY"


@settings(max_examples=300, deadline=None)
@given(INSTANTS, INSTANTS, st.integers(-30, 30), st.booleans())
def test_every_function_reads_an_instant_as_its_amsterdam_day(
    first: dt.datetime, second: dt.datetime, n: int, equated: bool
) -> None:
    a, b = local_day(first), local_day(second)
    eq = {"include_equated_days": equated}
    assert cal.is_working_day(first, **eq) == cal.is_working_day(a, **eq)
    assert cal.next_working_day(first, **eq) == cal.next_working_day(a, **eq)
    assert cal.add_working_days(first, n, **eq) == cal.add_working_days(a, n, **eq)
    assert cal.working_days_between(first, second, **eq) == cal.working_days_between(a, b, **eq)
    assert cal.non_working_reason(first, **eq) == cal.non_working_reason(a, **eq)
    lo, hi = sorted((first, second))
    assert cal.non_working_between(lo, hi, **eq) == cal.non_working_between(
        local_day(lo), local_day(hi), **eq
    )


def test_a_naive_date_time_is_amsterdam_local_time() -> None:
    late = dt.datetime(2026, 3, 23, 23, 30)  # naive: already Amsterdam time
    assert cal.add_working_days(late, 1) == dt.date(2026, 3, 24)


# pandas 2.2 (the lowest allowed) reports an error of its own localising code as unraisable.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("function", [local_day, cal.is_working_day, handling_deadline])
@pytest.mark.parametrize("which", ["year 0 in UTC", "naive year 12000"])
def test_a_pandas_timestamp_whose_day_no_date_holds_is_a_typed_error(function: Any, which: str) -> None:
    """A pandas Timestamp (a datetime) may hold year 0 or 12000: asked for its day it raised pandas'
    ``NotImplementedError``; it is now the out-of-range input error every door gives."""
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    value = (
        pd.Timestamp(np.datetime64("0001-01-01T00:30", "s")).tz_localize(dt.timezone(dt.timedelta(hours=9)))
        if which == "year 0 in UTC"
        else pd.Timestamp(np.datetime64("12000-01-01", "s"))
    )
    with pytest.raises(DateTextError, match="outside the years 1-9999"):
        function(value)
    assert local_day(pd.Timestamp("2026-03-23T23:30Z")) == dt.date(2026, 3, 24)
