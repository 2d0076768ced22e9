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


def _uid_of(
    complaint: dict[str, object], as_of: str = "2026-05-07", judgement: Judgement | None = None
) -> dict[tuple[str, int], str]:
    """Each dated item's (key, number) -> its event's UID (events come in the items' order)."""
    timeline = obligations(
        Complaint.from_dict(complaint), as_of=dt.date.fromisoformat(as_of), judgement=judgement
    )
    dated = [(i.key, i.number or 0) for i in timeline if i.due is not None]
    events = _events(obligations_ics(timeline))
    return {item: str(e.get("uid")) for item, e in zip(dated, events, strict=True)}


def _uids(complaint: dict[str, object]) -> list[str]:
    return list(_uid_of(complaint).values())


def test_complaints_without_an_id_have_uids_of_their_own() -> None:
    """R6/R12: each complaint has its own six weeks. Two complaints without an id, exported to one
    calendar, are two sets of events: told apart by their receipt moment, channel, location,
    provider or complainant's id; the same complaint exported again (a later day, a judgement since)
    has the same UIDs, so the calendar updates its events; no part of it is written in clear."""
    base = {
        "received_on": "2026-03-16T09:12:00",
        "channel": "email",
        "complainant": {"role": "parent", "id": "OUDER-001", "name": "Jan Jansen"},
        "location": "KDV De Voorbeeldtuin",
        "description": "Synthetisch voorbeeld",
    }
    first = _uids(base)
    assert len(set(first)) == len(first)
    others = [
        {**base, "received_on": "2026-03-16T14:00:00"},
        {**base, "channel": "letter"},
        {**base, "location": "KDV Het Tweede Huis"},
        {**base, "organisation": "Tweede B.V."},
        {**base, "complainant": {"role": "parent", "id": "OUDER-002"}},
    ]
    for other in others:
        assert not set(_uids(other)) & set(first), other
    judgement = Judgement.from_dict({"sent_on": "2026-04-24", "written": True, "reasoned": True})
    before = _uid_of(base)
    again = _uid_of({**base, "first_contact_on": "2026-03-17"}, "2026-06-01", judgement)
    both = set(before) & set(again)
    assert ("handling", 0) in both
    assert {item: again[item] for item in both} == {item: before[item] for item in both}
    # A name or description is no part of it: another one is the same complaint.
    assert _uids({**base, "complainant": {"role": "parent", "id": "OUDER-001"}, "description": "x"}) == first
    text = obligations_ics(obligations(Complaint.from_dict(base), as_of=dt.date(2026, 5, 7)))
    assert not any(word in text for word in ("Voorbeeldtuin", "OUDER-001", "Jansen", "2026-03-16"))


def test_a_complaint_s_id_still_gives_the_uids_it_gave() -> None:
    """A complaint with an id keeps its UIDs (a calendar that imported them earlier updates them)."""
    uids = [str(e.get("uid")) for e in _events(obligations_ics(_timeline("2026-05-07")))]
    assert uids[:2] == [
        "cf66f34e61e5710b6e1cb6ef4f453919@klachtregels",
        "e37dbeb0cb8bccc6f4072c52451174f2@klachtregels",
    ]


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
