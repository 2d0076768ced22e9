"""iCalendar export of obligations and of the Atw calendar (issue 13, part 2): RFC 5545, stable UIDs."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

icalendar = pytest.importorskip("icalendar")

from klachtregels.errors import MissingExtraError  # noqa: E402
from klachtregels.ics import calendar_ics, obligations_ics  # noqa: E402
from klachtregels.model import Complaint, Judgement  # noqa: E402
from klachtregels.timeline import obligations  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _timeline(as_of: str) -> object:
    data = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))
    return obligations(
        Complaint.from_dict(data["complaint"]),
        as_of=dt.date.fromisoformat(as_of),
        judgement=Judgement.from_dict(data["judgement"]),
    )


def _events(text: str) -> list[object]:
    cal = icalendar.Calendar.from_ical(text)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_every_dated_item_is_an_all_day_event_with_its_basis() -> None:
    timeline = _timeline("2026-05-07")
    text = obligations_ics(timeline, lang="en")  # type: ignore[arg-type]
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    events = _events(text)
    dated = [i for i in timeline if i.due is not None]  # type: ignore[attr-defined]
    assert len(events) == len(dated)
    for event, item in zip(events, dated, strict=True):
        start = event.decoded("dtstart")
        assert start == item.due
        assert not isinstance(start, dt.datetime)  # an all-day event (VALUE=DATE)
        assert event.decoded("dtend") == item.due + dt.timedelta(days=1)
        assert item.title("en") in str(event.get("summary"))
    assert "Wko art. 1.57b para. 2 under d" in str(events[0].get("description"))
    assert "Synthetisch" not in text  # no complaint text


def test_uids_are_stable_so_a_reexport_updates_events() -> None:
    first = {
        str(e.get("uid")): str(e.get("summary")) for e in _events(obligations_ics(_timeline("2026-05-07")))
    }
    again = {
        str(e.get("uid")): str(e.get("summary")) for e in _events(obligations_ics(_timeline("2026-06-01")))
    }
    assert set(first) == set(again)  # same events, their state updated
    assert first != again  # the measure is now overdue
    assert obligations_ics(_timeline("2026-05-07")) == obligations_ics(_timeline("2026-05-07"))
    assert all("VOORBEELD" not in uid for uid in first)  # the id only hashed


def test_the_atw_calendar_lists_the_holidays_with_their_basis() -> None:
    events = _events(calendar_ics([2026], lang="nl"))
    days = {e.decoded("dtstart"): str(e.get("summary")) for e in events}
    assert days[dt.date(2026, 4, 27)] == "Koningsdag"
    assert dt.date(2026, 5, 5) in days  # 5 May every year (Atw art. 3)
    assert all("Atw art. 3" in str(e.get("description")) for e in events)
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingExtraError, match=r"klachtregels\[ics\]"):
        calendar_ics([2026])
