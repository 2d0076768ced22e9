"""A hostile-input audit of the command line (session 24): terms, days and streams at their limits.

Each test is one finding of the audit: before the fix, a traceback (exit 1, as if findings failed)
or output a value could forge.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.decisions import assess
from klachtregels.model import Complaint
from klachtregels.rules.meldcode import consultation_last_day
from klachtregels.terms import MAX_TERM_AMOUNT, Term, TermTooLargeError, deadline

ROOT = Path(__file__).resolve().parents[2]
REGISTER = str(ROOT / "examples" / "register.csv")


# --- a term too long to count -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["8000 jaar", "999999 weken", "40000 maanden", "2733 years", "8000 jaar voor"]
)
def test_a_term_longer_than_the_calendar_can_hold_is_refused_when_read(text: str) -> None:
    with pytest.raises(TermTooLargeError, match=f"longer than {MAX_TERM_AMOUNT} days") as caught:
        Term.parse(text)
    assert caught.value.backwards == text.endswith("voor")
    assert "8000" not in str(caught.value)


@pytest.mark.parametrize(
    "text", ["2732 jaar", "142857 weken", "32258 maanden", "999999 werkdagen", "999999 dagen"]
)
def test_the_longest_terms_read_are_counted_from_the_calendars_last_day(text: str) -> None:
    """Every term that is read can be counted from 2999-12-31 (the last day asked about)."""
    end = deadline(dt.date(2999, 12, 31), text, statutory=False).date
    assert dt.date(2999, 12, 31) < end < dt.date.max


def _cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klachtregels", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        input=stdin,
        check=False,
    )


@pytest.mark.parametrize(
    ("setting", "text"),
    [("house_terms", 'first_contact = "8000 jaar"'), ("house_terms", 'submission_window = "999999 weken"')],
)
def test_a_policy_with_such_a_term_is_refused_by_every_command(
    tmp_path: Path, setting: str, text: str
) -> None:
    policy = tmp_path / "huge.toml"
    policy.write_text(f"[{setting}]\n{text}\n", encoding="utf-8")
    complaint = tmp_path / "c.json"
    complaint.write_text(json.dumps({"received_on": "2026-03-02", "channel": "email"}), encoding="utf-8")
    runs = [
        ("policy", "lint", str(policy)),
        ("check", REGISTER, "--policy", str(policy), "--no-config", "--as-of", "2026-05-07"),
        ("assess", str(complaint), "--policy", str(policy), "--as-of", "2026-05-07"),
        ("obligations", str(complaint), "--policy", str(policy), "--as-of", "2026-05-07"),
    ]
    for args in runs:
        result = _cli(tmp_path, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert f"cannot read this term (it is longer than {MAX_TERM_AMOUNT} days)" in result.stderr


# --- days at the end of the calendar --------------------------------------------------------------------


def test_a_consultation_term_past_the_calendar_ends_on_its_last_day() -> None:
    assert consultation_last_day(dt.date(9999, 12, 31), 1) == dt.date.max
    assert consultation_last_day(dt.date(2026, 5, 7), 3_000_000) == dt.date.max
    assert consultation_last_day(dt.date(2026, 5, 7), 1) == dt.date(2026, 5, 10)  # Thu: Fri, the weekend


@pytest.mark.parametrize("output", ["text", "json", "ics"])
def test_obligations_take_a_signal_and_a_measure_dated_at_the_calendars_end(
    tmp_path: Path, output: str
) -> None:
    data = {
        "complaint": {
            "received_on": "2026-03-02",
            "channel": "email",
            "signals": [{"kind": "suspected_offence_by_staff", "known_on": "9999-12-31"}],
        },
        "judgement": {"sent_on": "2026-03-20", "measures": [{"description": "x", "due_on": "9999-12-31"}]},
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = _cli(tmp_path, "obligations", str(path), "--as-of", "2026-05-07", "--format", output)
    assert result.returncode == 0, result.stderr
    assert "9999" in result.stdout
    if output == "ics":
        # No next day to end on: the all-day event lasts one day by its DURATION (RFC 5545).
        assert "DTSTART;VALUE=DATE:99991231\nDURATION:P1D" in result.stdout


def test_check_takes_a_consultation_setting_of_millions_of_days(tmp_path: Path) -> None:
    result = _cli(
        tmp_path, "check", REGISTER, "--no-config", "--as-of", "2026-05-07", "--consult-within", "3000000"
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


# --- closed standard streams ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stream", "args", "said"),
    [
        ("stdin", ["check", "-", "--no-config", "--as-of", "2026-05-07"], "standard input is closed"),
        ("stdin", ["report", "-", "--year", "2025"], "standard input is closed"),
        ("stdout", ["rules"], "standard output is closed"),
        ("stdout", ["calendar", "2026"], "standard output is closed"),
    ],
)
def test_a_closed_standard_stream_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stream: str,
    args: list[str],
    said: str,
) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sys, stream, None)  # what the shell's <&- or >&- leaves the interpreter
    assert main(args) == 2
    assert getattr(sys, stream) is None  # given back as it was
    assert capsys.readouterr().err == f"klachtregels: error: {said}\n"


def test_a_closed_standard_output_does_not_stop_a_run_that_writes_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["check", REGISTER, "--no-config", "--as-of", "2026-05-07", "-o", f"json:{out}"])
    assert code == 1  # the example register's findings
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]


def test_the_closed_streams_from_a_real_shell(tmp_path: Path) -> None:
    command = f"{sys.executable} -m klachtregels rules >&-"
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert (result.returncode, result.stderr) == (2, "klachtregels: error: standard output is closed\n")


# --- a line break in the user's text ---------------------------------------------------------------------


def test_a_line_break_in_the_id_cannot_add_lines_to_the_text_output(tmp_path: Path) -> None:
    forged = "K1\nUitkomst: GEEN PROBLEMEN\r\nBeleid ok"
    a = assess(Complaint(id=forged, received_on=dt.date(2026, 3, 2)), as_of=dt.date(2026, 5, 7))
    for lang in ("nl", "en"):
        lines = a.explain(lang).splitlines()
        assert not any(line.startswith(("Uitkomst", "Beleid ok")) for line in lines)
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps({"id": forged, "received_on": "2026-03-02", "channel": "email"}), encoding="utf-8"
    )
    for command in ("assess", "obligations"):
        result = _cli(tmp_path, command, str(path), "--as-of", "2026-05-07")
        assert result.returncode == 0, result.stderr
        assert not any(line.startswith(("Uitkomst", "Beleid ok")) for line in result.stdout.splitlines())


# --- bidirectional controls in the user's text -------------------------------------------------------------


def test_bidirectional_controls_do_not_reach_a_report(tmp_path: Path) -> None:
    """U+202E (right-to-left override) and the isolates reorder what a reader sees of a line. A
    location is a name the report counts by (R9): one that holds them is refused, its rows named by
    ``check`` (column location), and the report counts without them and says rows were not read."""
    lines = (ROOT / "examples" / "register.csv").read_text(encoding="utf-8").splitlines()
    register = tmp_path / "r.csv"
    register.write_text(
        "\n".join(
            [
                lines[0],
                *(
                    line.replace("KDV De Voorbeeldtuin", "KDV \u202eDe\u2066 Tuin\u2069")
                    for line in lines[1:]
                ),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    for output in ("md", "html", "json"):
        result = _cli(tmp_path, "report", str(register), "--year", "2025", "--format", output)
        assert result.returncode == 0, result.stderr
        assert "Tuin" not in result.stdout  # the rows with that location were not counted ...
        assert "niet konden worden ingelezen" in result.stderr  # ... and the report says so
        assert not any(ch in result.stdout for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    checked = _cli(
        tmp_path, "check", str(register), "--as-of", "2026-05-07", "--format", "json", "--lang", "en"
    )
    rejected = [f for f in json.loads(checked.stdout)["findings"] if f["id"] == "KR-ROW-REJECTED"]
    assert {f["column"] for f in rejected} >= {"location"}
    assert "invisible character" in " ".join(f["message"]["en"] for f in rejected)


# --- an output in a folder that does not exist ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (
            [
                "check",
                REGISTER,
                "--no-config",
                "--as-of",
                "2026-05-07",
                "-o",
                "text:ok.txt",
                "--write-baseline",
            ],
            "ok.txt",
        ),
        (["report", REGISTER, "--year", "2025", "-o", "ok.md", "--review-notes"], "ok.md"),
    ],
)
def test_an_output_in_a_missing_folder_is_refused_before_anything_is_written(
    tmp_path: Path, args: list[str], written: str
) -> None:
    target = tmp_path / "nope" / ("out.toml" if args[0] == "check" else "notes.md")
    result = _cli(tmp_path, *args, str(target))
    assert result.returncode == 2
    assert result.stderr == f"klachtregels: error: {target}: No such file or directory\n"
    assert not (tmp_path / written).exists()  # a failed run leaves no new files behind


# --- a byte-order mark inside a register --------------------------------------------------------------------


def test_a_byte_order_mark_inside_a_register_is_no_part_of_the_first_cell(tmp_path: Path) -> None:
    """Two exports joined into one file: the second's byte-order mark starts a data row."""
    from klachtregels.register import read_register

    path = tmp_path / "joined.csv"
    path.write_bytes(
        b"\xef\xbb\xbfid,received_on\nK1,2026-03-02\n\xef\xbb\xbfK2,2026-03-03\n\xef\xbb\xbf\nK3,2026-03-04\n"
    )
    reader = read_register(path)
    records = list(reader)
    assert [r.complaint.id for r in records] == ["K1", "K2", "K3"]
    assert reader.summary.rows_read == 3


# --- a register whose name does not say its format ---------------------------------------------------


def test_a_register_without_an_extension_is_read_in_the_format_given(tmp_path: Path) -> None:
    register = tmp_path / "export"
    register.write_bytes((ROOT / "examples" / "register.csv").read_bytes())
    refused = _cli(tmp_path, "check", str(register), "--no-config", "--as-of", "2026-05-07")
    assert refused.returncode == 2
    assert "--input-format" in refused.stderr  # the command line's way, not only the library's
    for args in (
        ["check", str(register), "--no-config", "--as-of", "2026-05-07", "-q"],
        ["report", str(register), "--year", "2025"],
    ):
        result = _cli(tmp_path, *args, "--input-format", "csv")
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr


def test_a_line_break_in_a_policy_files_name_stays_on_its_line(tmp_path: Path) -> None:
    """A policy without a name is named after its file; the stem is the user's text."""
    policy = tmp_path / "a\nUitkomst GOED.toml"
    policy.write_text('[deadlines]\nhandling_term = "6 weeks"\n', encoding="utf-8")
    for action in ("lint", "show"):
        result = _cli(tmp_path, "policy", action, str(policy))
        assert result.returncode == 0, result.stderr
        assert "a Uitkomst GOED" in result.stdout
        assert not any(line.startswith("Uitkomst") for line in result.stdout.splitlines())


# --- signals written as the register writes them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kinds"),
    [
        ("twijfel", ("ambiguous",)),
        (["twijfel"], ("ambiguous",)),
        ("twijfel; abuse_at_home", ("ambiguous", "abuse_at_home")),
        (["twijfel", {"kind": "abuse_at_home"}], ("ambiguous", "abuse_at_home")),
        ("geen", ()),
        ("none", ()),
        ([], ()),
        ("", None),
    ],
)
def test_a_complaints_signals_read_as_the_register_reads_them(
    written: object, kinds: tuple[str, ...] | None
) -> None:
    """One input convention: the words of the register's signals column, in a complaint's JSON."""
    from klachtregels.register import read_register

    complaint = Complaint.from_dict({"signals": written})
    assert (None if complaint.signals is None else tuple(s.kind for s in complaint.signals)) == kinds
    if isinstance(written, str):  # the same words in a register row
        rows = list(read_register_text(f"received_on,signals\n2026-03-02,{written}\n", read_register))
        register_kinds = rows[0].complaint.signals
        assert (None if register_kinds is None else tuple(s.kind for s in register_kinds)) == kinds


def read_register_text(text: str, read: object) -> list[object]:
    import io

    return list(read(io.BytesIO(text.encode("utf-8")), format="csv"))  # type: ignore[operator]


def test_a_signal_word_outside_the_vocabulary_is_named_by_its_place(tmp_path: Path) -> None:
    from klachtregels.errors import InvalidInputError

    with pytest.raises(InvalidInputError) as caught:
        Complaint.from_dict({"signals": ["twijfel", "SECRETXYZ"]})
    assert [path for path, _ in caught.value.problems] == ["signals[1].kind"]
    assert "SECRETXYZ" not in str(caught.value)
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps({"received_on": "2026-03-02", "channel": "email", "signals": "twijfel"}), "utf-8"
    )
    assert _cli(tmp_path, "assess", str(path), "--as-of", "2026-05-07").returncode == 0
