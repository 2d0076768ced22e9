"""Time is read once: the one place where a date or datetime becomes a Europe/Amsterdam day.

Every date or datetime that enters klachtregels (a register cell, a JSON field, a Python argument)
is normalised here. A ``datetime`` keeps its instant; its *day* is the calendar day in
Europe/Amsterdam (A22). A naive datetime is read as Amsterdam local time. No other module converts
between time zones.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Final

from klachtregels.errors import ArgumentTypeError, KlachtregelsError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "AMSTERDAM",
    "FIRST_DAY",
    "LAST_DAY",
    "DateTextError",
    "amsterdam",
    "is_week_date",
    "local_datetime",
    "local_day",
    "read_date",
    "read_day",
]

#: The IANA name of the zone every legal day is counted in.
AMSTERDAM = "Europe/Amsterdam"

#: The days a question may be asked on (``as_of`` in the API, a date on the command line): the
#: plausible years of a register, a report or an organisation file (1900-2999). Past them a term's
#: last day could fall beyond the calendar (9999-12-31); such a day is refused with a typed error.
FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2999, 12, 31)


@functools.cache
def amsterdam() -> dt.tzinfo:
    """The Europe/Amsterdam zone (loaded on first use: importing klachtregels reads no tz data)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(AMSTERDAM)


def local_datetime(value: dt.datetime) -> dt.datetime:
    """``value`` as an aware datetime in Europe/Amsterdam (naive is taken as Amsterdam local time)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=amsterdam())
    return value.astimezone(amsterdam())


def local_day(value: dt.date | dt.datetime) -> dt.date:
    """The Europe/Amsterdam calendar day of a date or datetime (a plain ``date`` is returned as is).

    Raises :class:`~klachtregels.errors.ArgumentTypeError` (a :class:`TypeError`) for anything else,
    and :class:`DateTextError` (``DATE_OUT_OF_RANGE``, a :class:`ValueError`) for an instant whose
    Amsterdam day lies outside the years 1-9999 (such as ``9999-12-31T23:00-10:00``, already 1
    January 10000 in Amsterdam).
    """
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        if type(value) is not dt.datetime and value != value:
            raise DateTextError("DATE_MISSING")  # pandas' NaT: a datetime that is no day at all
        try:
            if value.tzinfo is None:
                return value.date()
            return value.astimezone(amsterdam()).date()
        except (OverflowError, ValueError, NotImplementedError):
            # A Python datetime overflows; a pandas Timestamp may hold a day no date holds, and
            # raises one of the other two when asked for it (year 0, year 12000).
            raise DateTextError("DATE_OUT_OF_RANGE") from None
    if isinstance(value, dt.date):  # a date subclass
        return dt.date(value.year, value.month, value.day)
    raise ArgumentTypeError("arguments", [("", f"expected a date or datetime, got {type(value).__name__}")])


# --- reading dates from text: one convention for CSV, JSON, TOML and the command line ---------------

_NL_DATE: Final = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_MONTH_DATE: Final = re.compile(r"^(\d{1,2}) ([a-z]+)\.? (\d{4})$")
#: The shape of an ISO date or date-time (digits where ISO has them): a text of this shape that is
#: no date names a day or a time that does not exist (``2026-02-30``, ``T25:00``); any other text
#: (a date followed by a word, a NUL, an ISO week date) is not written in an accepted form at all.
_ISO_SHAPE: Final = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d[\d:.,+\-Z]*)?")


class DateTextError(KlachtregelsError, ValueError):
    """A text or value is not a date klachtregels reads; ``code`` is its message in the catalogue
    (``messages/dates.toml``). A :class:`~klachtregels.errors.KlachtregelsError`: it reaches callers of
    the date functions (``handling_deadline(pd.NaT)``) as one of the library's errors."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        from klachtregels.messages import text  # lazy: reading dates needs no catalogue

        return text(self.code, "en")


@functools.cache
def _month_words() -> Mapping[str, int]:
    # The month names are vocabulary data (register/words.toml), read once, when first needed.
    from klachtregels.register.spec import WORDS

    return WORDS.months


def is_week_date(text: str) -> bool:
    """Whether ``text`` (stripped) is written as an ISO week date (``2026-W10-2``, ``2026-W10T09:00``).

    No door reads one: the one date convention is calendar dates (docs/register.md, Values), and
    Python's ISO reader would read a week without its day as that week's Monday, a day nobody wrote.
    """
    return text[4:6] in ("-W", "-w") and text[:4].isdigit()


def _iso(text: str) -> dt.date:
    if is_week_date(text):
        raise DateTextError("DATE_FORMAT")
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        # The kind of problem: a day or time that does not exist, or a text in no accepted form.
        code = "DATE_NOT_REAL_ISO" if _ISO_SHAPE.fullmatch(text) else "DATE_FORMAT"
        raise DateTextError(code) from None


def _day_first(match: re.Match[str]) -> dt.date:
    day, _sep, month, year, hh, mm, ss = match.groups()
    try:
        if hh is None:
            return dt.date(int(year), int(month), int(day))
        return dt.datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss or 0))
    except ValueError:
        raise DateTextError("DATE_NOT_REAL") from None


def _in_range(value: dt.date) -> dt.date:
    """``value``, once its Europe/Amsterdam day is known to exist (an instant with a zone offset near
    the ends of the calendar can fall on a day no ``date`` holds: refused here, as text, not later)."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        local_day(value)
    return value


def read_date(text: str) -> dt.date:
    """A date (or a date-time, which keeps its instant) written as people write them in the Netherlands.

    ISO (``2026-03-24``, ``2026-03-24T09:05+01:00``), day first (``24-03-2026``, ``4/3/2026 9:05``,
    ``24.03.2026``) or with a month name (``24 maart 2026``, ``24 March 2026``); never month first,
    and never an ISO week date (``2026-W13-2``: :func:`is_week_date`).
    The same forms are accepted in register cells, JSON, TOML and command-line arguments. Raises
    :class:`DateTextError` naming the kind of problem (never the text: it may be personal data).
    """
    s = text.strip()
    if not s.isascii():
        # Digits are ASCII in every accepted form (and so are the month names): fullwidth or
        # Arabic-Indic digits are not read as a date on one path and refused on another.
        raise DateTextError("DATE_FORMAT")
    if len(s) >= 10 and s[4:5] == "-" and s[:4].isdigit():
        return _in_range(_iso(s))
    match = _NL_DATE.match(s)
    if match:
        return _day_first(match)
    named = _MONTH_DATE.match(s.casefold())
    month = _month_words().get(named.group(2)) if named else None
    if named and month is not None:
        try:
            return dt.date(int(named.group(3)), month, int(named.group(1)))
        except ValueError:
            raise DateTextError("DATE_NOT_REAL") from None
    raise DateTextError("DATE_FORMAT")


def read_day(text: str) -> dt.date:
    """:func:`read_date`, then its Europe/Amsterdam day (for arguments that are days, such as ``--as-of``)."""
    return local_day(read_date(text))
