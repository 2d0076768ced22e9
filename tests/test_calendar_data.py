"""The shipped ATW calendar (data/atw_calendar.json) and the per-year tables built from it.

`holidays` stays the source and the oracle: the shipped file must equal what `holidays` and the
decree data give today, and every day the tables answer is checked against a day-by-day
computation over `holidays` itself.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import holidays
import pytest

from klachtregels import calendar as cal
from klachtregels.calendar import (
    DATA_FILE,
    NonWorkingKind,
    add_working_days,
    atw_extend,
    calendar_data_from_sources,
    is_working_day,
    next_working_day,
    non_working_reason,
    table_years,
    working_days_between,
)
from klachtregels.errors import CalendarDataError

D = dt.date
DAY = dt.timedelta(days=1)
DATA = Path(cal.__file__).parent / "data"


def shipped() -> dict[str, object]:
    return json.loads((DATA / DATA_FILE).read_text("utf-8"))  # type: ignore[no-any-return]


def test_shipped_data_equals_holidays_and_the_decree_data() -> None:
    # Every year of the table, afresh from `holidays` and equated_days.toml. If this fails after a
    # `holidays` upgrade or a decree edit: run scripts/gen_atw_calendar.py and review the diff.
    data = shipped()
    years = table_years()
    assert (data["first_year"], data["last_year"]) == (years.start, years.stop - 1)
    assert years.start == 1982
    assert years.stop - 1 >= 2100
    fresh = calendar_data_from_sources(years.start, years.stop - 1)
    assert data["holidays"] == fresh["holidays"]
    assert data["decree"] == fresh["decree"]
    assert data["schema_version"] == fresh["schema_version"] == cal.DATA_SCHEMA_VERSION


def test_shipped_decrees_are_the_toml_decrees() -> None:
    toml = tomllib.loads((DATA / "equated_days.toml").read_text("utf-8"))
    days = {D.fromisoformat(d) for decree in shipped()["decree"] for d in decree["days"]}  # type: ignore[attr-defined]
    assert days == {d for decree in toml["decree"] for d in decree["days"]}


def _oracle(first_year: int, last_year: int, include_eq: bool) -> set[dt.date]:
    """Non-working weekdays per `holidays` (NL, public + optional) and, optionally, the decrees."""
    pkg = holidays.country_holidays(
        "NL", categories=("public", "optional"), years=range(first_year, last_year + 1)
    )
    closed = {d for d in pkg if d.weekday() < 5}
    # After 2100 the package has no Dutch holidays: the statute's list stands in (it equals the
    # package's for 2014-2100, test below), else every holiday of those years would be a working day.
    for year in range(max(first_year, 2101), last_year + 1):
        if not any(d.year == year for d in pkg):
            closed |= {d for d, _ in cal._statutory_holidays(year) if d.weekday() < 5}
    if include_eq:
        toml = tomllib.loads((DATA / "equated_days.toml").read_text("utf-8"))
        closed |= {d for decree in toml["decree"] for d in decree["days"]}
    return closed


@pytest.mark.parametrize("include_eq", [True, False])
def test_tables_equal_the_holidays_computation_every_day(include_eq: bool) -> None:
    # One bounded test over the whole table (1982-2101, and into 2102 through the fallback): the
    # table look-ups against a walk over `holidays`, day by day.
    first, last = D(1982, 1, 1), D(2101, 12, 31)
    closed = _oracle(1982, 2102, include_eq)
    days = [first + i * DAY for i in range((last - first).days + 60)]
    working = [d.weekday() < 5 and d not in closed for d in days]
    count = [0]  # count[i]: working days strictly before days[i]
    for w in working:
        count.append(count[-1] + w)
    following: list[dt.date] = [days[-1]] * len(days)
    nxt = None
    for i in range(len(days) - 1, -1, -1):
        if working[i]:
            nxt = days[i]
        following[i] = nxt  # type: ignore[assignment]
    workdays = [d for d, w in zip(days, working, strict=True) if w]
    eq = {"include_equated_days": include_eq}
    for i, d in enumerate(days[: (last - first).days + 1]):
        assert is_working_day(d, **eq) is working[i], d
        assert next_working_day(d, **eq) == following[i], d
        k = count[i + 1]  # working days up to and including d
        assert add_working_days(d, 10, **eq) == workdays[k + 9], d
        if k - working[i] >= 10:
            assert add_working_days(d, -10, **eq) == workdays[k - working[i] - 10], d
        assert working_days_between(d, d + 42 * DAY, **eq) == count[i + 43] - count[i + 1], d
        assert (non_working_reason(d, **eq) is None) is working[i], d


def test_years_after_the_table_come_from_holidays_or_the_statute() -> None:
    closed = _oracle(2102, 2103, include_eq=True)
    d = D(2102, 1, 1)
    while d <= D(2103, 12, 31):
        assert is_working_day(d) is (d.weekday() < 5 and d not in closed), d
        d += DAY


def test_atw_art2_extends_a_short_term_over_christmas() -> None:
    # R14: 3 days from Thursday 24 December 2026 end on Sunday 27 December; art. 1 gives Monday 28,
    # but (24, 28] holds one working day only, so art. 2 extends to Tuesday 29 December.
    end, skipped, art2 = atw_extend(D(2026, 12, 24), D(2026, 12, 27))
    assert (end, art2) == (D(2026, 12, 29), True)
    assert [day.date for day in skipped] == [D(2026, 12, 27)]
    assert skipped[0].kind is NonWorkingKind.WEEKEND
    assert atw_extend(D(2026, 12, 24), D(2026, 12, 27), art2=False) == (D(2026, 12, 28), skipped, False)
    assert atw_extend(D(2026, 3, 24), D(2026, 3, 26)) == (D(2026, 3, 26), (), False)


def test_working_days_between_is_signed() -> None:
    assert working_days_between(D(2026, 5, 13), D(2026, 5, 18)) == 1  # Ascension, equated day, weekend
    assert working_days_between(D(2026, 5, 18), D(2026, 5, 13)) == -1
    assert working_days_between(D(2020, 1, 1), D(2030, 1, 1)) == sum(
        is_working_day(D(2020, 1, 1) + i * DAY) for i in range(1, (D(2030, 1, 1) - D(2020, 1, 1)).days + 1)
    )


def test_end_of_the_calendar() -> None:
    with pytest.raises(OverflowError):
        add_working_days(D(9999, 12, 31), 1)
    with pytest.raises(CalendarDataError):
        add_working_days(D(1949, 1, 3), -5)


def test_unknown_schema_version_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / DATA_FILE).write_text(json.dumps({"schema_version": 99}), "utf-8")
    monkeypatch.setattr(cal, "_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(cal, "_data", None)
    with pytest.raises(CalendarDataError, match="schema_version"):
        cal.table_years()


# --- years the holidays package has no Dutch holidays for (session 24) ----------------------------------


def test_the_statutory_reconstruction_is_what_the_package_gives_for_2014_to_2100() -> None:
    """The fallback for later years is checked where the package (the oracle) has data."""
    from klachtregels.calendar import _holidays_from_package, _statutory_holidays

    for year in range(2014, 2101):
        assert _statutory_holidays(year) == _holidays_from_package(year), year


@pytest.mark.parametrize("year", [2101, 2102, 2500, 2999])
def test_a_year_after_2100_keeps_its_holidays(year: int) -> None:
    """Before: the shipped table's 2101 was empty and `holidays` gives nothing after 2100, so every
    holiday was a working day, silently."""
    import klachtregels as kr

    days = kr.non_working_days(year)
    names = {d.name_code for d in days if d.kind.value != "equated"}
    assert {"ATW_DAY_NEW_YEAR", "ATW_DAY_CHRISTMAS", "ATW_DAY_BOXING_DAY", "ATW_DAY_MAY_5"} <= names
    assert not any(d.verified for d in days)  # reconstructed from the statute, not checked
    assert not kr.is_working_day(dt.date(year, 12, 25)) or dt.date(year, 12, 25).weekday() >= 5


def test_second_christmas_day_2101_moves_a_deadline() -> None:
    import klachtregels as kr

    assert not kr.is_working_day(dt.date(2101, 12, 26))  # a Monday
    assert kr.handling_deadline(dt.date(2101, 11, 14)).date == dt.date(2101, 12, 27)
