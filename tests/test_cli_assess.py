"""``klachtregels assess`` and ``klachtregels rules``."""

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
        ('{"received_on": "2026-03-02"}', ["--policy", "nope"], "nope"),
        ('{"received_on": "2026-03-02"}', ["--as-of", "2026-13-01"], "--as-of"),
        ('{"received_on": "2026-03-02"}', ["--as-of", "2026-03-01"], "as_of"),
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


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_rules_command(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", fmt, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "R20-i" in out
    assert "R28" in out
    if fmt == "json":
        assert json.loads(out)["schema"] == "klachtregels.rules"


def test_rules_output_file(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert main(["rules", "--format", "md", "--lang", "en", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Rule catalogue")


def test_unreadable_input_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\xff\xfe\x00\x81 not json")
    assert main(["assess", str(garbage), "--as-of", "2026-01-01"]) == 2
    err = capsys.readouterr().err
    assert err == f"klachtregels: error: invalid input file {garbage}: not UTF-8 text\n"
