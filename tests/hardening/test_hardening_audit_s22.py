"""Found by a hostile-input audit of every command: tracebacks, echoed values, mixed kinds of time.

* An instant whose Europe/Amsterdam day no ``date`` holds (``9999-12-31T23:00-10:00`` is already
  1 January 10000 in Amsterdam) ended in an ``OverflowError`` traceback from a register cell, a
  command-line day and the API. It is now a typed problem, ``DATE_OUT_OF_RANGE``, wherever a date is read.
* A complaint id with a line break ended ``obligations --format ics`` in an ``AssertionError``.
* An organisation file's ``sent_to_ggd_on`` written as a TOML date-time ended ``check --org`` in a
  ``TypeError`` (a date-time compared with a day).
* Errors repeated the year, the encoding name or the day that was typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from klachtregels import Complaint, assess
from klachtregels._time import DateTextError, local_day, read_date
from klachtregels.cli import main
from klachtregels.errors import InvalidInputError, KlachtregelsError
from klachtregels.register import read_register_all

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "register.csv")
ORGANISATION = ROOT / "examples" / "organisation.toml"

#: Instants whose Amsterdam day falls before year 1 or after year 9999.
PAST_THE_CALENDAR = ["9999-12-31T23:00-10:00", "9999-12-31T23:30:00+00:00", "0001-01-01T00:00+05:00"]


@pytest.mark.parametrize("text", PAST_THE_CALENDAR)
def test_an_instant_past_the_calendar_is_a_date_problem(text: str) -> None:
    with pytest.raises(DateTextError) as caught:
        read_date(text)
    assert caught.value.code == "DATE_OUT_OF_RANGE"


def test_the_instants_just_inside_the_calendar_are_read() -> None:
    assert local_day(read_date("9999-12-31T22:00:00+00:00")) == dt.date(9999, 12, 31)
    assert local_day(read_date("0001-01-01T12:00+01:00")) == dt.date(1, 1, 1)


def test_local_day_of_an_instant_past_the_calendar_is_a_value_error() -> None:
    late = dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-10)))
    with pytest.raises(ValueError, match="falls outside the years 1-9999") as caught:
        local_day(late)
    assert caught.value.code == "DATE_OUT_OF_RANGE"
    assert isinstance(caught.value, KlachtregelsError)  # session 24: one of the library's errors


def test_assess_as_of_past_the_calendar_is_invalid_input() -> None:
    late = dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-10)))
    with pytest.raises(InvalidInputError) as caught:
        assess(Complaint(id="K1"), as_of=late)
    assert caught.value.problems[0][0] == "as_of"


@pytest.mark.parametrize("text", PAST_THE_CALENDAR)
def test_a_register_cell_past_the_calendar_rejects_its_row_only(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"id,received_on\nK1,{text}\nK2,2026-03-02\n", encoding="utf-8")
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K2"]
    assert (result.summary.rows_read, result.summary.rows_rejected) == (2, 1)
    error = result.errors[0]
    assert (error.row, error.column, error.problem.code) == (2, "received_on", "DATE_OUT_OF_RANGE")


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "9999-12-31T23:00-10:00"],
        ["check", EXAMPLE, "--as-of", "9999-12-31T23:00-10:00"],
        ["obligations", str(ROOT / "examples" / "complaint.json"), "--as-of", "9999-12-31T23:00-10:00"],
        ["assess", str(ROOT / "examples" / "complaint.json"), "--as-of", "0001-01-01T00:00+05:00"],
    ],
)
def test_cli_day_past_the_calendar_is_exit_2_without_the_value(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "outside the years 1-9999" in err
    assert "9999-12-31T23" not in err
    assert "0001-01-01T00" not in err


def test_cli_check_counts_a_row_past_the_calendar_as_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,received_on\nK1,9999-12-31T23:00-10:00\nK2,2026-03-02\n", encoding="utf-8")
    code = main(["check", str(path), "--as-of", "2026-05-07", "--lang", "en", "--fail-on", "never"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2 rows read = 1 checked + 1 rejected" in out
    assert "9999-12-31T23" not in out


def test_cli_a_term_past_the_calendar_names_both_directions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "1950-01-01", "--term", "2000 jaar voor"]) == 2
    err = capsys.readouterr().err
    assert "runs past the calendar" in err
    assert "too late" not in err  # the term counts backwards: "too late" was wrong
    # Longer than 999,999 days: refused when read (session 24), before any counting.
    assert main(["deadline", "1950-01-01", "--term", "9999 jaar voor"]) == 2
    assert "longer than 999999 days" in capsys.readouterr().err


def test_ics_with_a_line_break_in_the_complaint_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("icalendar")
    path = tmp_path / "c.json"
    path.write_text('{"complaint": {"id": "A\\nB\\u001b[2J", "received_on": "2026-03-16"}}', encoding="utf-8")
    assert main(["obligations", str(path), "--as-of", "2026-05-07", "--format", "ics"]) == 0
    out = capsys.readouterr().out
    assert "X-WR-CALNAME:Klacht A B: verplichtingen" in out
    assert "\x1b" not in out


def test_organisation_sent_to_ggd_on_as_a_toml_datetime_counts_as_its_amsterdam_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ORGANISATION.read_text(encoding="utf-8")
    assert "sent_to_ggd_on = 2025-05-27" in text  # the example sends the 2024 report on 27 May 2025
    # 23:30 UTC on 26 May is 01:30 on 27 May in Amsterdam: the same day as the example's.
    org = tmp_path / "org.toml"
    org.write_text(text.replace("sent_to_ggd_on = 2025-05-27", "sent_to_ggd_on = 2025-05-26T23:30:00Z"))
    argv = ["check", EXAMPLE, "--as-of", "2026-05-07", "--format", "json", "--fail-on", "never"]
    assert main([*argv, "--org", str(org)]) == 0
    with_datetime = capsys.readouterr().out
    assert main([*argv, "--org", str(ORGANISATION)]) == 0
    with_day = capsys.readouterr().out
    assert '"KR-K5-' in with_day
    # Same findings; only the generated-at stamp and the organisation's path may differ.
    assert [line for line in with_datetime.splitlines() if "KR-K5" in line] == [
        line for line in with_day.splitlines() if "KR-K5" in line
    ]


@pytest.mark.parametrize(
    ("argv", "typed"),
    [
        (["report", EXAMPLE, "--year", "1899"], "1899"),
        (["report", EXAMPLE, "--year", "3000"], "3000"),
        (["calendar", "1948"], "1948"),
        (["deadline", "2200-01-01", "--strict"], "2200-01-01"),
        (["check", EXAMPLE, "--as-of", "2026-05-07", "--encoding", "Jan_Jansen"], "Jan_Jansen"),
        (["report", EXAMPLE, "--year", "2025", "--encoding", "Jan_Jansen"], "Jan_Jansen"),
    ],
)
def test_an_error_does_not_repeat_the_typed_value(
    argv: list[str], typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: error:")
    assert typed not in err


@pytest.mark.parametrize("command", ["lint", "show"])
def test_policy_lint_and_show_print_no_terminal_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "esc.toml"
    path.write_text('[policy]\nname = "x\\u001b[2J\\u001b]0;owned\\u0007"\n', encoding="utf-8")
    main(["policy", command, str(path)])
    out = capsys.readouterr().out
    assert "[policy]" in out or "Beleid 'x" in out
    assert "\x1b" not in out
    assert "\x07" not in out
