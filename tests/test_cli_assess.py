"""``klachtregels assess``: the note, the JSON shape, one-line errors that never echo an input value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klachtregels.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_assess_example_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(EXAMPLES / "complaint.json"), "--as-of", "2026-05-07"]) == 0
    out = capsys.readouterr().out
    assert "Wko art. 1.57b" in out
    assert "[judged_in_time]" in out


def test_assess_meldplicht_example_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "assess",
            str(EXAMPLES / "complaint-meldplicht.json"),
            "--as-of",
            "2026-03-10",
            "--json",
            "--lang",
            "en",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decisions"]["precedence"]["outcome"] == "meldplicht"
    assert data["deadlines"]["handling"]["date"] == "2026-04-20"


def test_assess_bare_complaint_and_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "c.json"
    f.write_text(
        json.dumps(
            {
                "received_on": "2026-03-02",
                "channel": "app_message",
                "complainant": {"role": "parent"},
                "subjects": ["conduct"],
                "signals": [],
            }
        )
    )
    assert main(["assess", str(f), "--as-of", "2026-03-03", "--lang", "en"]) == 0
    assert "needs human judgement" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "args", "needle"),
    [
        ("{not json", [], "line 1"),
        ('{"complaint": {"channel": "fax"}}', [], "channel"),
        ('{"complaint": {}, "extra": 1}', [], "extra"),
        ('{"received_on": "2026-03-02"}', ["--policy", "nope"], "not a shipped policy"),  # not "nope"
        ('{"received_on": "2026-03-02"}', ["--as-of", "2026-13-01"], "--as-of"),
        (
            '{"received_on": "2026-03-02"}',
            ["--as-of", "2026-03-01"],
            "command-line argument: --as-of: is before",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, args: list[str], needle: str
) -> None:
    f = tmp_path / "c.json"
    f.write_text(content)
    argv = ["assess", str(f), *args]
    if "--as-of" not in args:
        argv += ["--as-of", "2026-03-05"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert needle in err


def test_missing_file_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "/nonexistent/c.json", "--as-of", "2026-03-05"]) == 2
    assert "nonexistent" in capsys.readouterr().err


def test_unreadable_input_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x81\xfe\x00\xff not json")
    assert main(["assess", str(garbage), "--as-of", "2026-01-01"]) == 2
    err = capsys.readouterr().err
    said = "not UTF-8 text (nor UTF-16 with a byte-order mark)"
    assert err == f"klachtregels: error: invalid input file {garbage}: {said}\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_a_complaint_in_utf16_with_its_mark_reads_as_a_register_row_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    """One input convention: a register is read in UTF-16 with a byte-order mark, and so is a complaint."""
    text = '{"id": "K\u00e9", "received_on": "2026-03-02", "channel": "e-mail"}'
    path = tmp_path / "c.json"
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(mark + text.encode(encoding))
    assert main(["assess", str(path), "--as-of", "2026-03-05", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["complaint_id"] == "K\u00e9"


@pytest.mark.parametrize(
    ("content", "args", "needle", "secret"),
    [
        ('{"received_on": "2026-03-02"}', ["--as-of", "Jansen-2026"], "--as-of: not a date", "Jansen"),
        (
            '{"complaint": {"received_on": "2026-03-02"}, "filed_with_provider": "Jansen"}',
            [],
            "filed_with_provider: expected true or false, got a string",
            "Jansen",
        ),
        ('["Jansen"]', [], "expected a JSON object, got a list", "Jansen"),
    ],
)
def test_errors_name_the_field_not_the_value(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    args: list[str],
    needle: str,
    secret: str,
) -> None:
    f = tmp_path / "c.json"
    f.write_text(content)
    argv = ["assess", str(f), *args]
    if "--as-of" not in args:
        argv += ["--as-of", "2026-03-05"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err
    assert secret not in err


def test_assess_unknown_language_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["assess", str(EXAMPLES / "complaint.json"), "--as-of", "2026-05-07", "--lang", "xx"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "klachtregels: error: invalid command-line argument: --lang: unknown language; use one of nl, en\n"
    )
