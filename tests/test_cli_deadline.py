"""The ``deadline`` and ``calendar`` sub-commands."""

from __future__ import annotations

import json

import pytest

from klachtregels.cli import main


def test_deadline_default_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-03-24"]) == 0
    out = capsys.readouterr().out
    assert "5 mei 2026 is een algemeen erkende feestdag (Atw art. 3 lid 1) → woensdag 6 mei 2026" in out
    assert "Uiterste dag: woensdag 6 mei 2026" in out


def test_deadline_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-03-24", "--lang", "en"]) == 0
    assert "Last day: Wednesday 6 May 2026" in capsys.readouterr().out


def test_deadline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-03-24", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "klachtregels.deadline"
    assert data["schema_version"] == 1
    assert data["date"] == "2026-05-06"
    assert data["calendar_date"] == "2026-05-05"
    assert data["provisional"] is False


def test_deadline_term_statutory_and_private(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2025-12-31", "--term", "2 maanden", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2026-03-02"
    assert main(["deadline", "2025-12-31", "--term", "2 maanden", "--private", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2026-02-28"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        pytest.param(["deadline", "2026-02-30"], "DATE", id="impossible-date"),
        pytest.param(
            ["deadline", "2026-03-24", "--term", "fortnight"], "cannot read the term", id="unknown-term"
        ),
        pytest.param(["deadline", "2026-03-24", "--private"], "--private", id="private-without-term"),
        pytest.param(["deadline", "2030-03-04", "--strict"], "2030", id="strict-provisional"),
        pytest.param(["calendar", "1900"], "covers 1949 onward", id="year-before-1949"),
        pytest.param(["calendar", "twenty"], "YEAR", id="not-a-year"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("klachtregels: error:")
    assert needle in lines[0]


def test_provisional_without_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2030-03-04"]) == 0
    assert "Voorlopig (A2)" in capsys.readouterr().out


def test_calendar_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026"]) == 0
    out = capsys.readouterr().out
    assert "dinsdag 5 mei 2026" in out
    assert "vrijdag 15 mei 2026" in out
    assert "zaterdag" not in out  # weekdays only
    assert "geverifieerd" in out


def test_calendar_unverified_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2022", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Friday 27 May 2022" in out
    assert "NOT verified" in out


def test_calendar_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "klachtregels.calendar"
    assert data["decree"]["verified"] is True
    dates = [d["date"] for d in data["non_working_weekdays"]]
    assert "2026-05-05" in dates
    assert "2026-12-26" not in dates  # a Saturday


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-02-30"],
        ["deadline", "9999-12-20"],
        ["deadline", "9999-12-20", "--term", "2 months"],
        ["calendar", "123456"],
    ],
)
def test_bad_dates_name_the_argument_not_the_value(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: error:")
    assert ("DATE" in err) or ("YEAR" in err)
    assert argv[1] not in err


@pytest.mark.parametrize(
    "written", ["binnen 10 werkdagen", "uiterlijk tien werkdagen", "within 10 working days"]
)
def test_deadline_term_with_an_at_most_word_is_the_term(
    written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["deadline", "2026-03-24", "--term", "10 werkdagen", "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["deadline", "2026-03-24", "--term", written, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == plain


@pytest.mark.parametrize(
    "written", ["na 10 werkdagen", "at least 10 working days", "binnen 10 werkdagen na ontvangst"]
)
def test_deadline_term_that_changes_or_names_its_start_is_refused(
    written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["deadline", "2026-03-24", "--term", written]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "cannot read the term" in captured.err
    assert written not in captured.err
