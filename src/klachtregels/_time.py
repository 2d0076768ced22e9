"""Time is read once: the one place where a date or datetime becomes a Europe/Amsterdam day.

Every date or datetime that enters klachtregels (a register cell, a JSON field, a Python argument)
is normalised here. A ``datetime`` keeps its instant; its *day* is the calendar day in
Europe/Amsterdam (A22). A naive datetime is read as Amsterdam local time. No other module converts
between time zones.
"""

from __future__ import annotations

import datetime as dt
import functools

__all__ = ["AMSTERDAM", "amsterdam", "local_datetime", "local_day"]

#: The IANA name of the zone every legal day is counted in.
AMSTERDAM = "Europe/Amsterdam"


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

    Raises :class:`TypeError` for anything else.
    """
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date()
        return value.astimezone(amsterdam()).date()
    if isinstance(value, dt.date):  # a date subclass
        return dt.date(value.year, value.month, value.day)
    raise TypeError(f"expected a date or datetime, got {type(value).__name__}")
