"""The ATW calendar (klachtregels.calendar): art. 3 holidays, R19 history, decree data (R15, A2)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from importlib.resources import files

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.calendar import (
    VERIFIED_DECREE_YEARS,
    NonWorkingKind,
    add_working_days,
    equated_days_status,
    format_date,
    is_working_day,
    non_working_days,
    non_working_reason,
)
from klachtregels.citations import ATW, cite
from klachtregels.errors import CalendarDataError

D = dt.date
DAY = dt.timedelta(days=1)

# The equated days of R15, typed in again here (independent of data/equated_days.toml).
EQUATED = {
    D(2017, 4, 28), D(2017, 5, 26), D(2018, 5, 11), D(2018, 12, 24), D(2018, 12, 31), D(2019, 5, 31),
    D(2019, 12, 27), D(2022, 5, 27), D(2023, 4, 28), D(2023, 5, 19), D(2024, 5, 10), D(2024, 12, 27),
    D(2025, 5, 30), D(2026, 1, 2), D(2026, 5, 15), D(2027, 5, 7), D(2028, 4, 28), D(2028, 5, 26),
}  # fmt: skip


def kings_day(year: int) -> dt.date:
    """R19: the day the monarch's birthday is celebrated."""
    if year <= 2013:
        day = D(year, 4, 30)
        if day.weekday() == 6:
            return D(year, 5, 1) if year <= 1979 else D(year, 4, 29)
        return day
    day = D(year, 4, 27)
    return D(year, 4, 26) if day.weekday() == 6 else day


def atw_holidays(year: int) -> set[dt.date]:
    """ATW art. 3 lid 1 and 2, computed from dateutil.easter and the statutory list (the oracle)."""
    e = easter(year)
    days = {
        D(year, 1, 1), e - 2 * DAY, e + DAY, kings_day(year), e + 39 * DAY, e + 50 * DAY,
        D(year, 12, 25), D(year, 12, 26),
    }  # fmt: skip
    if year >= 1982:  # 5 May added by the 1981 amendment (R19)
        days.add(D(year, 5, 5))
    return days


def weekdays(days: set[dt.date]) -> set[dt.date]:
    return {d for d in days if d.weekday() < 5}


# --- the holidays-package claim (pinned) -----------------------------------------------------------


@pytest.mark.parametrize("year", range(1982, 2101))
def test_holidays_package_public_optional_is_the_atw_list_on_weekdays(year: int) -> None:
    pkg = holidays.country_holidays("NL", categories=("public", "optional"), years=year)
    assert weekdays(set(pkg)) == weekdays(atw_holidays(year))


def test_holidays_package_default_is_not_the_atw_calendar() -> None:
    # A18: the default (public) category keeps 5 May only in lustrum years.
    default = holidays.country_holidays("NL", years=2026)
    assert D(2026, 5, 5) not in default
    assert D(2025, 5, 5) in holidays.country_holidays("NL", years=2025)


@pytest.mark.parametrize("year", range(1949, 2101))
def test_non_working_days_match_the_oracle(year: int) -> None:
    got = {d.date for d in non_working_days(year, include_equated_days=False)}
    assert weekdays(got) == weekdays(atw_holidays(year))
    # Easter Sunday and Whit Sunday are not ATW days.
    assert easter(year) not in got
    with_eq = {d.date for d in non_working_days(year)}
    assert with_eq == got | {d for d in EQUATED if d.year == year}


# --- section 4 of regulation.md and R19 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        pytest.param(
            2024,
            [
                "01-01",
                "03-29",
                "04-01",
                "04-27",
                "05-05",
                "05-09",
                "05-10",
                "05-20",
                "12-25",
                "12-26",
                "12-27",
            ],
            id="2024",
        ),
        pytest.param(
            2025,
            ["01-01", "04-18", "04-21", "04-26", "05-05", "05-29", "05-30", "06-09", "12-25", "12-26"],
            id="2025",
        ),
        pytest.param(
            2026,
            [
                "01-01",
                "01-02",
                "04-03",
                "04-06",
                "04-27",
                "05-05",
                "05-14",
                "05-15",
                "05-25",
                "12-25",
                "12-26",
            ],
            id="2026",
        ),
        pytest.param(
            2027,
            ["01-01", "03-26", "03-29", "04-27", "05-05", "05-06", "05-07", "05-17", "12-25", "12-26"],
            id="2027",
        ),
    ],
)
def test_section_4_calendar_reference(year: int, expected: list[str]) -> None:
    assert [d.date for d in non_working_days(year)] == [D.fromisoformat(f"{year}-{md}") for md in expected]


def test_no_rule_of_thumb_bridge_days() -> None:
    # R15: the decrees do not equate 'the Monday before a Tuesday holiday'.
    assert is_working_day(D(2026, 5, 4))
    assert is_working_day(D(2027, 4, 26))


@pytest.mark.parametrize(
    ("year", "day", "name_nl", "name_en"),
    [
        (1972, D(1972, 5, 1), "Koninginnedag", "Queen's Day"),
        (1978, D(1978, 5, 1), "Koninginnedag", "Queen's Day"),
        (1989, D(1989, 4, 29), "Koninginnedag", "Queen's Day"),
        (2013, D(2013, 4, 30), "Koninginnedag", "Queen's Day"),
        (2014, D(2014, 4, 26), "Koningsdag", "King's Day"),
        (2025, D(2025, 4, 26), "Koningsdag", "King's Day"),
        (2026, D(2026, 4, 27), "Koningsdag", "King's Day"),
    ],
)
def test_kings_day_history_r19(year: int, day: dt.date, name_nl: str, name_en: str) -> None:
    matches = [d for d in non_working_days(year) if d.name_nl == name_nl]
    assert [d.date for d in matches] == [day]
    assert matches[0].name_en == name_en
    assert matches[0].basis == (cite(ATW, "3", 1),)


def test_before_1982_no_fifth_of_may_and_unverified() -> None:
    assert is_working_day(D(1981, 5, 5))  # a Tuesday, not yet in the ATW
    assert is_working_day(D(1980, 5, 5))  # lustrum year: the holidays package has it, the ATW did not
    assert all(not d.verified for d in non_working_days(1970))
    assert all(d.verified for d in non_working_days(1982, include_equated_days=False))


def test_years_before_1949_raise() -> None:
    with pytest.raises(CalendarDataError, match="covers 1949 onward") as caught:
        non_working_days(1948)
    assert "1948" not in str(caught.value)  # the year asked for is not repeated
    with pytest.raises(CalendarDataError):
        is_working_day(D(1948, 12, 31))


def test_good_friday_and_holiday_basis() -> None:
    gf = non_working_reason(D(2026, 4, 3))
    assert gf is not None
    assert gf.kind is NonWorkingKind.GOOD_FRIDAY
    assert gf.basis == (cite(ATW, "3", 2),)
    may5 = non_working_reason(D(2026, 5, 5))
    assert may5 is not None
    assert may5.kind is NonWorkingKind.HOLIDAY
    assert may5.name_en.startswith("5 May")


def test_ascension_on_fifth_of_may_lists_both() -> None:
    names = [d.name_nl for d in non_working_days(2016) if d.date == D(2016, 5, 5)]
    assert names == ["5 mei (Bevrijdingsdag)", "Hemelvaartsdag"]


def test_weekend_reason() -> None:
    sat = non_working_reason(D(2026, 3, 28))
    assert sat is not None
    assert (sat.kind, sat.name_nl, sat.name_en) == (NonWorkingKind.WEEKEND, "zaterdag", "Saturday")
    assert sat.basis == (cite(ATW, "1", 1),)
    sun = non_working_reason(D(2026, 3, 29))
    assert sun is not None
    assert sun.name_nl == "zondag"
    # A holiday on a weekend is reported as the holiday.
    boxing = non_working_reason(D(2026, 12, 26))
    assert boxing is not None
    assert boxing.name_nl == "Tweede Kerstdag"
    assert non_working_reason(D(2026, 3, 24)) is None


# --- equated days (A2) ----------------------------------------------------------------------------


def test_verified_years_match_the_data_file() -> None:
    raw = tomllib.loads(files("klachtregels.data").joinpath("equated_days.toml").read_text("utf-8"))
    verified = {y for decree in raw["decree"] if decree["verified"] for y in decree["years"]}
    assert verified == VERIFIED_DECREE_YEARS == {2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028}
    days = {d for decree in raw["decree"] for d in decree["days"]}
    assert days == EQUATED


def test_equated_day_carries_its_decree() -> None:
    day = non_working_reason(D(2026, 5, 15))
    assert day is not None
    assert day.kind is NonWorkingKind.EQUATED
    assert day.verified
    assert day.basis[0].article == "3"
    assert day.basis[0].lid == 3
    assert day.decree is not None
    assert "2026-2028" in day.decree
    kb2016 = non_working_reason(D(2018, 12, 24))
    assert kb2016 is not None
    assert kb2016.decree is not None
    assert "Stcrt. 2016, 58653" in kb2016.decree
    assert "24 oktober 2016" in kb2016.decree


def test_2022_is_one_unverified_secondary_source() -> None:
    day = non_working_reason(D(2022, 5, 27))
    assert day is not None
    assert not day.verified
    status = equated_days_status(2022)
    assert not status.verified
    assert "secondary source" in status.note


@pytest.mark.parametrize("year", [2016, 2020, 2021, 2022, 2029, 2040])
def test_unverified_years(year: int) -> None:
    assert not equated_days_status(year).verified


@pytest.mark.parametrize("year", sorted(VERIFIED_DECREE_YEARS))
def test_verified_years(year: int) -> None:
    status = equated_days_status(year)
    assert status.verified
    assert status.decree


def test_without_equated_days() -> None:
    assert not is_working_day(D(2026, 5, 15))
    assert is_working_day(D(2026, 5, 15), include_equated_days=False)
    assert all(
        d.kind is not NonWorkingKind.EQUATED for d in non_working_days(2026, include_equated_days=False)
    )


# --- add_working_days -----------------------------------------------------------------------------


def test_add_working_days_examples() -> None:
    assert add_working_days(D(2026, 3, 24), 2) == D(2026, 3, 26)
    assert add_working_days(D(2026, 5, 13), 1) == D(2026, 5, 18)  # Ascension + equated day + weekend
    assert add_working_days(D(2026, 5, 18), -1) == D(2026, 5, 13)
    assert add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 28)
    assert add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)  # 1 and 2 Jan, then the weekend
    assert add_working_days(D(2026, 3, 24), 0) == D(2026, 3, 24)


@given(st.dates(D(1982, 1, 1), D(2100, 12, 31)), st.integers(-30, 30))
def test_add_working_days_properties(start: dt.date, n: int) -> None:
    end = add_working_days(start, n)
    if n == 0:
        assert end == start
        return
    assert is_working_day(end)
    lo, hi = (start, end) if n > 0 else (end, start)
    count = sum(is_working_day(lo + i * DAY) for i in range(1, (hi - lo).days + 1))
    if n < 0:  # (end, start] counts start instead of end
        count += is_working_day(end) - is_working_day(start)
    assert count == abs(n)


@given(st.dates(D(1949, 1, 1), D(2100, 12, 31)))
def test_is_working_day_agrees_with_reason(d: dt.date) -> None:
    assert is_working_day(d) == (non_working_reason(d) is None)
    assert is_working_day(d) == (d.weekday() < 5 and d not in atw_holidays(d.year) and d not in EQUATED)


# --- formatting and import cost --------------------------------------------------------------------


def test_format_date_without_locale() -> None:
    assert format_date(D(2026, 5, 6)) == "woensdag 6 mei 2026"
    assert format_date(D(2026, 5, 6), "en") == "Wednesday 6 May 2026"
    assert format_date(D(2026, 3, 1), weekday=False) == "1 maart 2026"


def test_format_date_is_the_catalogue_format() -> None:
    from klachtregels import messages

    for d in (D(2026, 5, 6), D(2027, 1, 1)):
        for lang in ("nl", "en"):
            assert format_date(d, lang) == messages.format_date(d, lang)
    with pytest.raises(messages.UnknownLanguageError):
        format_date(D(2026, 5, 6), "de")


def test_table_years_do_not_import_holidays() -> None:
    # The shipped table answers 1982-2101; `holidays` is only the fallback for later years. And
    # computing deadlines renders no text: the catalogue is loaded when a text is read.
    code = (
        "import sys, datetime, klachtregels, klachtregels.calendar; "
        "assert 'holidays' not in sys.modules, 'holidays imported eagerly'; "
        "klachtregels.calendar.is_working_day(datetime.date(2026, 1, 5)); "
        "klachtregels.handling_deadline(datetime.date(2026, 3, 24)); "
        "klachtregels.deadline(datetime.date(2100, 12, 20), '2 working days', statutory=True); "
        "klachtregels.handling_deadline(datetime.date(2031, 3, 24)); "
        "klachtregels.gck_filing_limit(datetime.date(2031, 3, 24)); "
        "assert 'holidays' not in sys.modules, 'holidays imported for a year in the table'; "
        "assert 'klachtregels.messages' not in sys.modules, 'text rendered that nobody read'; "
        "klachtregels.calendar.is_working_day(datetime.date(2150, 1, 5)); "
        "assert 'holidays' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_tables_are_cached() -> None:
    assert non_working_days(2026) is non_working_days(2026)
