"""The calendar of the Algemene termijnenwet (ATW): which days are not working days.

ATW art. 1 lid 1 extends statutory terms past Saturdays, Sundays and *algemeen erkende
feestdagen*. Art. 3 says which days those are (R15):

* lid 1: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, both Kerstdagen,
  the day the King's birthday is celebrated (R19), and **5 May every year** (not only in lustrum
  years; the five-yearly day off is a CAO matter, A18);
* lid 2: Goede Vrijdag is treated as a holiday;
* lid 3: the Crown may equate other days by Royal Decree (*gelijkgestelde dagen*). Those are
  shipped as versioned data in ``klachtregels/data/equated_days.toml`` (A2).

From 1982 the holiday list is taken from the ``holidays`` package
(``country_holidays("NL", categories=("public", "optional"))``), which on weekdays matches the ATW
list exactly; the test suite pins that claim for 1982-2100 against an independent computation.
Years 1949-1981 are reconstructed from R19 (no 5 May: it was added by the 1981 amendment) and
marked unverified. Years before 1949 raise :class:`~klachtregels.errors.CalendarDataError`.

``holidays`` and the decree data are loaded on first use, and each year's table is built once
and cached, so importing this module is cheap and :func:`is_working_day` is a set lookup.
"""

from __future__ import annotations

import datetime as _dt
import enum
import threading
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels.citations import ATW, Citation, cite
from klachtregels.errors import CalendarDataError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "FIRST_SUPPORTED_YEAR",
    "FIRST_VERIFIED_HOLIDAY_YEAR",
    "VERIFIED_DECREE_YEARS",
    "DecreeStatus",
    "NonWorkingDay",
    "NonWorkingKind",
    "add_working_days",
    "equated_days_status",
    "format_date",
    "is_working_day",
    "non_working_between",
    "non_working_days",
    "non_working_reason",
    "unverified_years",
]

#: The first year the calendar answers for (R19, A19: Koninginnedag history from 1949).
FIRST_SUPPORTED_YEAR: Final = 1949
#: From this year on the holiday list is the statutory one, pinned by the tests (5 May was added
#: by the 1981 amendment, R19). Earlier years are a reconstruction and marked unverified.
FIRST_VERIFIED_HOLIDAY_YEAR: Final = 1982
#: Years whose equated-day decree (ATW art. 3 lid 3) is verified (R15, A2). Every other year is
#: unknown and a deadline touching it is provisional. Kept in sync with the data file by a test.
VERIFIED_DECREE_YEARS: Final[frozenset[int]] = frozenset(
    {2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028}
)


class NonWorkingKind(enum.StrEnum):
    """Why a day is not an ATW working day."""

    #: An algemeen erkende feestdag (ATW art. 3 lid 1).
    HOLIDAY = "holiday"
    #: Goede Vrijdag, treated as a holiday (ATW art. 3 lid 2).
    GOOD_FRIDAY = "good_friday"
    #: A day equated with a holiday by Royal Decree (ATW art. 3 lid 3).
    EQUATED = "equated"
    #: Saturday or Sunday (ATW art. 1 lid 1).
    WEEKEND = "weekend"


@attrs.frozen(kw_only=True)
class NonWorkingDay:
    """A day that is not an ATW working day, with its name and its legal basis."""

    date: _dt.date
    name_nl: str
    name_en: str
    kind: NonWorkingKind
    #: The articles that make this day a non-working day.
    basis: tuple[Citation, ...]
    #: False for decree data that is not verified (A2) and for reconstructed years before 1982.
    verified: bool = True
    #: For equated days: the decree (title and Stcrt. reference) that equated it.
    decree: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (keys: date, name_nl, name_en, kind, basis, verified, decree)."""
        return {
            "date": self.date.isoformat(),
            "name_nl": self.name_nl,
            "name_en": self.name_en,
            "kind": self.kind.value,
            "basis": [c.to_dict() for c in self.basis],
            "verified": self.verified,
            "decree": self.decree,
        }


@attrs.frozen(kw_only=True)
class DecreeStatus:
    """What is known about the equated-day decree (ATW art. 3 lid 3) covering one year."""

    year: int
    #: True only for years covered by a verified decree (:data:`VERIFIED_DECREE_YEARS`).
    verified: bool
    #: Title and Stcrt. reference of the decree, or ``None`` when no decree is known.
    decree: str | None
    #: Where the data comes from, or ``None``.
    source: str | None
    #: Human-readable explanation (English).
    note: str


# --- citations -----------------------------------------------------------------------------------

_ART1: Final = cite(ATW, "1", 1)
_ART3_1: Final = cite(ATW, "3", 1)
_ART3_2: Final = cite(ATW, "3", 2)

# --- Dutch and English names, from our own tables (never via locale) ------------------------------

_WEEKDAYS_NL: Final = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_WEEKDAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_NL: Final = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS_EN: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(d: _dt.date, lang: str = "nl", *, weekday: bool = True) -> str:
    """``dinsdag 5 mei 2026`` / ``Tuesday 5 May 2026`` (locale-independent)."""
    if lang == "nl":
        text = f"{d.day} {_MONTHS_NL[d.month - 1]} {d.year}"
        return f"{_WEEKDAYS_NL[d.weekday()]} {text}" if weekday else text
    text = f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{_WEEKDAYS_EN[d.weekday()]} {text}" if weekday else text


# The ATW holidays, in the order of art. 3: key -> (Dutch name, English name, kind).
_NEW_YEAR: Final = "new_year"
_GOOD_FRIDAY: Final = "good_friday"
_EASTER_MONDAY: Final = "easter_monday"
_KINGS_DAY: Final = "kings_day"
_MAY_5: Final = "may_5"
_ASCENSION: Final = "ascension"
_WHIT_MONDAY: Final = "whit_monday"
_CHRISTMAS: Final = "christmas"
_BOXING_DAY: Final = "boxing_day"

_NAMES: Final[dict[str, tuple[str, str]]] = {
    _NEW_YEAR: ("Nieuwjaarsdag", "New Year's Day"),
    _GOOD_FRIDAY: ("Goede Vrijdag", "Good Friday"),
    _EASTER_MONDAY: ("Tweede Paasdag", "Easter Monday"),
    _MAY_5: ("5 mei (Bevrijdingsdag)", "5 May (Liberation Day)"),
    _ASCENSION: ("Hemelvaartsdag", "Ascension Day"),
    _WHIT_MONDAY: ("Tweede Pinksterdag", "Whit Monday"),
    _CHRISTMAS: ("Eerste Kerstdag", "Christmas Day"),
    _BOXING_DAY: ("Tweede Kerstdag", "Boxing Day"),
}

# How the `holidays` package (language en_US) names the ATW days; Easter Sunday and Whit Sunday
# are not in the ATW list (they are Sundays anyway) and are dropped.
_HOLIDAYS_PKG_NAMES: Final[dict[str, str | None]] = {
    "New Year's Day": _NEW_YEAR,
    "Good Friday": _GOOD_FRIDAY,
    "Easter Sunday": None,
    "Easter Monday": _EASTER_MONDAY,
    "King's Day": _KINGS_DAY,
    "Queen's Day": _KINGS_DAY,
    "Liberation Day": _MAY_5,
    "Ascension Day": _ASCENSION,
    "Pentecost": None,
    "Pentecost Monday": _WHIT_MONDAY,
    "Christmas Day": _CHRISTMAS,
    "Second Day of Christmas": _BOXING_DAY,
}
_ORDER: Final = {k: i for i, k in enumerate(_HOLIDAYS_PKG_NAMES.values()) if k is not None}


def _kings_day_names(year: int) -> tuple[str, str]:
    # R19: Koninginnedag until 2013, Koningsdag from 2014.
    if year <= 2013:
        return ("Koninginnedag", "Queen's Day")
    return ("Koningsdag", "King's Day")


def _make_holiday(key: str, d: _dt.date, *, verified: bool) -> NonWorkingDay:
    if key == _KINGS_DAY:
        nl, en = _kings_day_names(d.year)
    else:
        nl, en = _NAMES[key]
    if key == _GOOD_FRIDAY:
        return NonWorkingDay(
            date=d,
            name_nl=nl,
            name_en=en,
            kind=NonWorkingKind.GOOD_FRIDAY,
            basis=(_ART3_2,),
            verified=verified,
        )
    return NonWorkingDay(
        date=d, name_nl=nl, name_en=en, kind=NonWorkingKind.HOLIDAY, basis=(_ART3_1,), verified=verified
    )


def _holidays_from_package(year: int) -> list[NonWorkingDay]:
    import holidays  # lazy: keeps `import klachtregels` cheap

    table = holidays.country_holidays("NL", categories=("public", "optional"), years=year, language="en_US")
    days: list[tuple[int, NonWorkingDay]] = []
    for d, names in table.items():
        for name in str(names).split("; "):
            if name not in _HOLIDAYS_PKG_NAMES:
                # Fail closed: a new name in `holidays` needs a human to map it to ATW art. 3.
                msg = (
                    f"the holidays package reports an unknown Dutch holiday {name!r} on {d.isoformat()}; "
                    "klachtregels does not know whether it is an ATW day (art. 3). Please report this."
                )
                raise CalendarDataError(msg)
            key = _HOLIDAYS_PKG_NAMES[name]
            if key is not None:
                days.append((_ORDER[key], _make_holiday(key, d, verified=True)))
    return [day for _, day in sorted(days, key=lambda t: (t[1].date, t[0]))]


def _historical_holidays(year: int) -> list[NonWorkingDay]:
    """Years 1949-1981, reconstructed from R19 (unverified; no 5 May before the 1981 amendment)."""
    from dateutil.easter import easter

    e = easter(year)
    queens = _dt.date(year, 4, 30)
    if queens.weekday() == 6:  # Sunday: R19 - Monday 1 May until 1979, Saturday 29 April from 1980.
        queens = _dt.date(year, 5, 1) if year <= 1979 else _dt.date(year, 4, 29)
    day = _dt.timedelta(days=1)
    pairs = [
        (_NEW_YEAR, _dt.date(year, 1, 1)),
        (_GOOD_FRIDAY, e - 2 * day),
        (_EASTER_MONDAY, e + day),
        (_KINGS_DAY, queens),
        (_ASCENSION, e + 39 * day),
        (_WHIT_MONDAY, e + 50 * day),
        (_CHRISTMAS, _dt.date(year, 12, 25)),
        (_BOXING_DAY, _dt.date(year, 12, 26)),
    ]
    pairs.sort(key=lambda p: (p[1], _ORDER[p[0]]))
    return [_make_holiday(k, d, verified=False) for k, d in pairs]


# --- equated days (data/equated_days.toml) --------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Decree:
    id: str
    title: str
    reference: str | None
    years: frozenset[int]
    verified: bool
    source: str
    note: str | None
    days: tuple[_dt.date, ...]

    @property
    def label(self) -> str:
        return f"{self.title}, {self.reference}" if self.reference else self.title


_decrees: list[_Decree] | None = None
_lock = threading.Lock()


def _load_decrees() -> list[_Decree]:
    global _decrees  # lazy module-level cache
    if _decrees is None:
        import tomllib
        from importlib.resources import files

        raw = tomllib.loads(files("klachtregels.data").joinpath("equated_days.toml").read_text("utf-8"))
        if raw.get("schema_version") != 1:
            msg = f"equated_days.toml: unsupported schema_version {raw.get('schema_version')!r} (expected 1)"
            raise CalendarDataError(msg)
        decrees = []
        for entry in raw["decree"]:
            days = tuple(entry["days"])
            years = frozenset(entry["years"])
            if not all(isinstance(d, _dt.date) and d.year in years for d in days):
                msg = (
                    f"equated_days.toml: decree {entry['id']!r} lists a day outside its years {sorted(years)}"
                )
                raise CalendarDataError(msg)
            decrees.append(
                _Decree(
                    id=entry["id"],
                    title=entry["title"],
                    reference=entry.get("reference"),
                    years=years,
                    verified=bool(entry["verified"]),
                    source=entry["source"],
                    note=entry.get("note"),
                    days=days,
                )
            )
        _decrees = decrees
    return _decrees


def _decree_for(year: int) -> _Decree | None:
    for decree in _load_decrees():
        if year in decree.years:
            return decree
    return None


def _equated_days(year: int) -> list[NonWorkingDay]:
    decree = _decree_for(year)
    if decree is None:
        return []
    verified = decree.verified and year in VERIFIED_DECREE_YEARS
    return [
        NonWorkingDay(
            date=d,
            name_nl="bij Koninklijk Besluit gelijkgestelde dag",
            name_en="day equated with a public holiday by Royal Decree",
            kind=NonWorkingKind.EQUATED,
            basis=(cite(ATW, "3", 3, note=decree.label),),
            verified=verified,
            decree=decree.label,
        )
        for d in decree.days
        if d.year == year
    ]


def equated_days_status(year: int) -> DecreeStatus:
    """Whether the equated days of ``year`` are known (A2). Only verified years count as known."""
    decree = _decree_for(year)
    verified = year in VERIFIED_DECREE_YEARS and decree is not None and decree.verified
    if decree is None:
        note = (
            f"No decree equating days with public holidays (Atw art. 3 lid 3) is known for {year}; "
            "equated days of that year are unknown."
        )
        return DecreeStatus(year=year, verified=False, decree=None, source=None, note=note)
    if verified:
        note = f"{year} is covered by a verified decree: {decree.label}."
        if decree.note:
            note = f"{note} {decree.note}"
    else:
        note = f"The decree data for {year} is not verified ({decree.source})."
        if decree.note:
            note = f"{note} {decree.note}"
    return DecreeStatus(year=year, verified=verified, decree=decree.label, source=decree.source, note=note)


# --- per-year tables ------------------------------------------------------------------------------


@attrs.frozen
class _YearTable:
    #: All ATW days of the year (holidays + equated when included), sorted, including weekend ones.
    days: tuple[NonWorkingDay, ...]
    #: Ordinals of the non-working *weekdays* (weekends are checked arithmetically).
    weekday_ordinals: frozenset[int]
    #: The reason for every non-working day of the year, weekends included (holiday first).
    reasons: dict[int, NonWorkingDay]


# Keyed by (year, include_equated_days). Reads are lock-free; builds take the lock.
_tables: dict[tuple[int, bool], _YearTable] = {}
# Fast paths, one dict per include_equated_days value: year -> non-working weekday ordinals.
_ORDS_EQ: dict[int, frozenset[int]] = {}
_ORDS_NO_EQ: dict[int, frozenset[int]] = {}


def _check_year(year: int) -> None:
    if year < FIRST_SUPPORTED_YEAR:
        msg = (
            f"no ATW calendar for {year}: klachtregels covers {FIRST_SUPPORTED_YEAR} onward "
            "(R19, A19); the complaint regime itself starts in 2016 (R1)"
        )
        raise CalendarDataError(msg)


def _table(year: int, include_equated_days: bool) -> _YearTable:
    key = (year, include_equated_days)
    table = _tables.get(key)
    if table is not None:
        return table
    _check_year(year)
    with _lock:
        table = _tables.get(key)
        if table is None:
            if year >= FIRST_VERIFIED_HOLIDAY_YEAR:
                days = _holidays_from_package(year)
            else:
                days = _historical_holidays(year)
            if include_equated_days:
                days = sorted([*days, *_equated_days(year)], key=lambda d: d.date)
            reasons: dict[int, NonWorkingDay] = {}
            for day in days:
                reasons.setdefault(day.date.toordinal(), day)
            weekday_ordinals = frozenset(o for o, day in reasons.items() if day.date.weekday() < 5)
            first = _dt.date(year, 1, 1).toordinal()
            for ordinal in range(first, _dt.date(year, 12, 31).toordinal() + 1):
                if ordinal % 7 in (0, 6) and ordinal not in reasons:
                    reasons[ordinal] = _weekend_day(_dt.date.fromordinal(ordinal))
            table = _YearTable(tuple(days), weekday_ordinals, reasons)
            _tables[key] = table
            (_ORDS_EQ if include_equated_days else _ORDS_NO_EQ)[year] = weekday_ordinals
    return table


def _weekday_ordinals(year: int, include_equated_days: bool) -> frozenset[int]:
    ords = (_ORDS_EQ if include_equated_days else _ORDS_NO_EQ).get(year)
    if ords is None:
        ords = _table(year, include_equated_days).weekday_ordinals
    return ords


# --- public API -----------------------------------------------------------------------------------


def is_working_day(d: _dt.date, *, include_equated_days: bool = True) -> bool:
    """True when ``d`` is an ATW working day: no Saturday, Sunday, holiday or (by default) equated day.

    A ``datetime`` is taken at its own calendar date; convert to Europe/Amsterdam first (A22).
    """
    ordinal = d.toordinal()
    if ordinal % 7 in (0, 6):  # date.toordinal() % 7: 6 = Saturday, 0 = Sunday
        return False
    ords = (_ORDS_EQ if include_equated_days else _ORDS_NO_EQ).get(d.year)
    if ords is None:
        ords = _table(d.year, include_equated_days).weekday_ordinals
    return ordinal not in ords


def non_working_days(year: int, *, include_equated_days: bool = True) -> tuple[NonWorkingDay, ...]:
    """The ATW holidays (art. 3 lid 1-2) and, by default, equated days (lid 3) of ``year``, by date.

    Days that fall on a weekend are included; ordinary Saturdays and Sundays are not. Easter
    Sunday and Whit Sunday are not ATW days (always Sundays) and are not listed. Raises
    :class:`~klachtregels.errors.CalendarDataError` for years before 1949.
    """
    return _table(year, include_equated_days).days


def non_working_reason(d: _dt.date, *, include_equated_days: bool = True) -> NonWorkingDay | None:
    """Why ``d`` is not an ATW working day, or ``None`` when it is one.

    A holiday on a weekend is reported as the holiday (the more informative reason).
    """
    return _table(d.year, include_equated_days).reasons.get(d.toordinal())


def _weekend_day(d: _dt.date) -> NonWorkingDay:
    saturday = d.weekday() == 5
    return NonWorkingDay(
        date=d,
        name_nl="zaterdag" if saturday else "zondag",
        name_en="Saturday" if saturday else "Sunday",
        kind=NonWorkingKind.WEEKEND,
        basis=(_ART1,),
    )


def add_working_days(d: _dt.date, n: int, *, include_equated_days: bool = True) -> _dt.date:
    """The date ``n`` ATW working days after ``d`` (``n < 0``: before). Day ``d`` itself is not counted.

    ``add_working_days(d, 0)`` is ``d``.
    """
    step = 1 if n > 0 else -1
    remaining = abs(n)
    ordinal = d.toordinal()
    year = d.year
    ords = _weekday_ordinals(year, include_equated_days)
    while remaining:
        ordinal += step
        if ordinal % 7 in (0, 6):
            continue
        day = _dt.date.fromordinal(ordinal)
        if day.year != year:
            year = day.year
            ords = _weekday_ordinals(year, include_equated_days)
        if ordinal not in ords:
            remaining -= 1
    return _dt.date.fromordinal(ordinal)


def non_working_between(
    first: _dt.date, last: _dt.date, *, include_equated_days: bool = True
) -> tuple[NonWorkingDay, ...]:
    """Every non-working day in ``[first, last]`` (weekends included), with its reason."""
    out: list[NonWorkingDay] = []
    year = first.year
    reasons = _table(year, include_equated_days).reasons
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        reason = reasons.get(ordinal)
        if reason is None:
            if _dt.date.fromordinal(ordinal).year == year:
                continue
            year += 1
            reasons = _table(year, include_equated_days).reasons
            reason = reasons.get(ordinal)
        if reason is not None:
            out.append(reason)
    return tuple(out)


def unverified_years(years: Iterable[int]) -> tuple[int, ...]:
    """The years among ``years`` whose decree data (or, before 1982, holiday list) is not verified."""
    return tuple(sorted({y for y in years if y not in VERIFIED_DECREE_YEARS}))
