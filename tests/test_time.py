"""Time is read once (klachtregels._time): one date convention at every door, one Amsterdam day."""

from __future__ import annotations

import datetime as dt
import io
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import klachtregels as kr
from klachtregels._time import DateTextError, local_day, read_date, read_day
from klachtregels.cli import main
from klachtregels.organisation import parse_organisation
from klachtregels.register import read_register_all

_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")  # fmt: skip


def _forms(day: dt.date) -> list[str]:
    return [
        day.isoformat(),
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}",
        f"{day.day} {day.strftime('%B')} {day.year}",
    ]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
def test_every_accepted_form_reads_as_the_same_day(day: dt.date) -> None:
    for text in _forms(day):
        assert read_date(text) == day, text


@given(st.dates(dt.date(2016, 1, 1), dt.date(2040, 12, 31)), st.data())
def test_register_json_toml_and_cli_read_the_same_dates(day: dt.date, data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(_forms(day)))
    # a register cell (CSV)
    (record,) = read_register_all(io.StringIO(f"id,received_on\nK1,{text}\n"), format="csv").records
    assert record.complaint.received_on == day
    # JSON (from_dict)
    assert kr.Complaint.from_dict({"received_on": text}).received_on == day
    # TOML (an organisation file's date given as text)
    org = parse_organisation(
        tomllib.loads(f'name = "X"\n[[annual_reports]]\nyear = {day.year - 1}\nsent_to_ggd_on = "{text}"\n')
    )
    assert org.annual_reports[0].sent_to_ggd_on == day


@pytest.mark.parametrize("text", ["2026-05-07", "07-05-2026", "7/5/2026", "7 mei 2026", "7 May 2026"])
def test_the_command_line_reads_the_same_forms(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert read_day(text) == dt.date(2026, 5, 7)
    main(["deadline", text, "--json"])
    assert '"received": "2026-05-07"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("05/24/2026", "DATE_NOT_REAL"),  # month first is never read
        ("31-02-2026", "DATE_NOT_REAL"),
        ("2026-02-30", "DATE_NOT_REAL_ISO"),
        ("24-03-26", "DATE_FORMAT"),
        ("gisteren", "DATE_FORMAT"),
    ],
)
def test_what_is_not_a_date_is_named_never_echoed(text: str, code: str) -> None:
    with pytest.raises(DateTextError) as info:
        read_date(text)
    assert info.value.code == code
    with pytest.raises(kr.InvalidInputError) as bad:
        kr.Complaint.from_dict({"received_on": text})
    assert text not in str(bad.value)


def test_one_instant_is_one_day_everywhere() -> None:
    """23:30 UTC on 23 March is 00:30 on 24 March in Amsterdam: the receipt day and the deadline agree."""
    instant = dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC)
    complaint = kr.Complaint.from_dict({"received_on": "2026-03-23T23:30Z"})
    assert complaint.received_on == instant  # the instant is kept
    assert complaint.received_date == local_day(instant) == dt.date(2026, 3, 24)
    assert kr.handling_deadline(complaint.received_on).received == complaint.received_date


def test_an_as_of_instant_is_its_amsterdam_day_and_texts_show_that_day() -> None:
    from klachtregels.messages import format_value

    late_evening = dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC)
    complaint = kr.Complaint(received_on=dt.date(2026, 3, 23), channel="email")
    assert kr.eligibility(complaint, as_of=late_evening).as_of == dt.date(2026, 3, 24)
    assert format_value(late_evening, "nl") == "dinsdag 24 maart 2026"


@pytest.mark.parametrize(
    "text",
    [
        "２０２６-０３-０１",
        "٢٠٢٦-٠٣-٠١",
        "01-03-２０２６",
        "0١-03-2026",
        "1 maart ２０２６",
        "2026-03-01T１２:00",
    ],
)
def test_digits_other_than_ascii_are_refused_on_every_path(text: str) -> None:
    # Fullwidth digits were read on the day-first path and refused on the ISO path.
    with pytest.raises(DateTextError) as info:
        read_date(text)
    assert info.value.code == "DATE_FORMAT"
