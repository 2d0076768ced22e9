"""iCalendar (RFC 5545) export: a complaint's obligations and the Atw calendar as all-day events.

Needs the optional extra ``ics`` (the maintained ``icalendar`` package writes and folds the lines
and escapes the text; ``pip install "klachtregels[ics]"``). Without it, the functions raise
:class:`~klachtregels.errors.MissingExtraError`.

Every event has a stable ``UID`` made from what it is about, not from when it was exported (a hash
of the complaint id, the item's key and number; for a complaint without an id, of what else tells it
apart, :func:`klachtregels.timeline.complaint_key`, itself a hash; for the Atw calendar, the date and
the day's name), and ``DTSTAMP`` is the as-of day, so exporting again gives the same file and a calendar
that imports it updates its events instead of adding copies. The description holds the item's
state on the as-of day and its legal basis. No complaint text is written; the complaint id is
written in the calendar's name (on one line: a line break or control character in it becomes a
space, so an id cannot end the property or start another) and inside the hashed UID.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from klachtregels._arguments import whole_number_argument, wrong_type
from klachtregels._io import one_line
from klachtregels.errors import MissingExtraError
from klachtregels.messages import text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from klachtregels.calendar import NonWorkingDay
    from klachtregels.timeline import Obligation, Obligations

__all__ = ["calendar_ics", "obligations_ics", "to_ics"]

_PRODID = "-//klachtregels//klachtregels//NL"


def _icalendar() -> Any:
    try:
        import icalendar
    except ImportError:
        raise MissingExtraError("icalendar", "ics") from None
    return icalendar


def _uid(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@klachtregels"


def _calendar(name: str) -> Any:
    icalendar = _icalendar()
    cal = icalendar.Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # TEXT, escaped as such (icalendar writes an unknown X- property as it is): the name holds the
    # complaint id, whose ';', ',' and backslashes calendar programs would read as separators and escapes.
    cal.add("x-wr-calname", icalendar.vText(name))
    return cal


def _event(uid: str, day: dt.date, stamp: dt.date, summary: str, description: str) -> Any:
    event = _icalendar().Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC))
    event.add("dtstart", day)
    if day < dt.date.max:
        event.add("dtend", day + dt.timedelta(days=1))
    else:  # no next day to end on: a one-day DURATION says the same (RFC 5545 3.6.1)
        event.add("duration", dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _basis(item: Obligation, lang: str) -> str:
    parts = [c.label(lang) for c in item.citations]
    if item.rule_ids:
        parts.append(", ".join(item.rule_ids))
    return "; ".join(parts)


def obligations_ics(timeline: Obligations, *, lang: str = "nl") -> str:
    """The dated items of ``timeline`` as an iCalendar file (text, CRLF line ends)."""
    from klachtregels.timeline import Obligations

    if not isinstance(timeline, Obligations):
        raise wrong_type("timeline", "Obligations", timeline)
    who = one_line(timeline.complaint_id or "") or "-"
    # The complaint: its id, or without one what else tells it apart (Obligations.complaint_key).
    key = timeline.complaint_key if timeline.complaint_id is None else None
    who_uid: tuple[str, ...] = (timeline.complaint_id or "",) if key is None else ("", "key", key)
    cal = _calendar(text("ICS_OBLIGATIONS_NAME", lang, who=who))
    for item in timeline.items:
        if item.due is None:
            continue
        summary = f"{item.title(lang)} ({item.status_text(lang)})"
        description = text(
            "ICS_OBLIGATION_DESCRIPTION",
            lang,
            actor=text(f"OBLIGATION_ACTOR_{item.actor.value.upper()}", lang),
            status=item.status_text(lang),
            as_of=timeline.as_of,
            basis=_basis(item, lang) or "-",
        )
        if item.provisional:  # A2: the day may still move; say so where the calendar shows it
            summary += text("OBLIGATION_PROVISIONAL", lang)
            description += " " + item.provisional_text(lang)
        uid = _uid(*who_uid, item.key, item.number or 0)
        cal.add_component(_event(uid, item.due, timeline.as_of, summary, description))
    return str(cal.to_ical().decode("utf-8"))


def calendar_ics(years: Iterable[int], *, lang: str = "nl", include_equated_days: bool = True) -> str:
    """The Atw non-working days (holidays and, by default, equated days) of ``years`` as all-day events.

    Ordinary weekends are left out. A day resting on unverified decree data says so (A2).
    """
    from klachtregels.calendar import non_working_days

    if isinstance(years, (str, bytes)) or not hasattr(years, "__iter__"):  # text: characters, no years
        raise wrong_type("years", "an iterable of years (whole numbers)", years)
    chosen = sorted({y if type(y) is int else whole_number_argument(y, "years") for y in years})
    days = [d for year in chosen for d in non_working_days(year, include_equated_days=include_equated_days)]
    return _days_ics(days, lang=lang)


def _days_ics(days: Sequence[NonWorkingDay], *, lang: str) -> str:
    cal = _calendar(text("ICS_CALENDAR_NAME", lang))
    stamp = dt.date(min(d.date for d in days).year, 1, 1) if days else dt.date(2000, 1, 1)
    for day in days:
        basis = "; ".join(c.label(lang) for c in day.basis)
        note = "" if day.verified else " " + text("ICS_UNVERIFIED", lang)
        description = f"{basis}{note}" + (f" ({day.decree})" if day.decree else "")
        uid = _uid("atw", day.date.isoformat(), day.name_code)
        cal.add_component(_event(uid, day.date, stamp, day.name(lang), description))
    return str(cal.to_ical().decode("utf-8"))


def to_ics(items: Obligations | Iterable[NonWorkingDay], *, lang: str = "nl") -> str:
    """An iCalendar file of a complaint's obligations, or of Atw non-working days (as
    :func:`klachtregels.calendar.non_working_days` gives them)."""
    from klachtregels.calendar import NonWorkingDay
    from klachtregels.timeline import Obligations

    if isinstance(items, Obligations):
        return obligations_ics(items, lang=lang)
    given: object = items  # untyped callers: text is iterable, but of characters
    if isinstance(given, (str, bytes)) or not hasattr(given, "__iter__"):
        raise wrong_type("items", "Obligations or an iterable of NonWorkingDay", given)
    days = list(items)
    for day in days:
        if not isinstance(day, NonWorkingDay):
            raise wrong_type("items", "NonWorkingDay items", day)
    return _days_ics(days, lang=lang)
