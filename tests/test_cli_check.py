"""``klachtregels check``: exit codes 0/1/2, formats, --strict, --output, GitHub step summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from klachtregels.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "register.csv")
ORG = str(ROOT / "examples" / "organisation.toml")
POLICY = str(ROOT / "examples" / "policy.toml")
MAIN_JOB = [EXAMPLE, "--org", ORG, "--policy", POLICY, "--as-of", "2026-05-07"]

HEADER = (
    "id,received_on,channel,complainant_role,subjects,signals,"
    "judgement_sent_on,judgement_written,judgement_reasoned,verdict,measures\n"
)
IN_TIME = "A-1,2025-09-03,email,ouder,conduct,geen,2025-10-15,ja,ja,ongegrond,geen\n"
LATE = "A-2,2025-09-03,email,ouder,conduct,geen,2025-10-16,ja,ja,ongegrond,geen\n"
EXTENDED = "A-3,2025-09-03,email,ouder,conduct,geen,2025-10-10,ja,ja,ongegrond,geen\n"
BAD_DATE = "A-4,2025-02-30,email,ouder,conduct,geen,,,,,\n"


def _register(tmp_path: Path, *rows: str, header: str = HEADER) -> str:
    path = tmp_path / "register.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return str(path)


def test_main_job_exits_1_and_prints_the_as_of_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *MAIN_JOB, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "As of: 2026-05-07 (Europe/Amsterdam)" in out
    assert "KR-HANDLING-LATE" in out
    assert "Result: FAIL (--fail-on error)" in out


def test_fail_on_never_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *MAIN_JOB, "--fail-on", "never"]) == 0
    assert "GOED" in capsys.readouterr().out


def test_a_clean_register_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", _register(tmp_path, IN_TIME), "--as-of", "2026-05-07"]) == 0
    out = capsys.readouterr().out
    assert "1 rijen gelezen = 1 getoetst + 0 afgewezen" in out


def test_a_late_complaint_exits_1(tmp_path: Path) -> None:
    assert main(["check", _register(tmp_path, IN_TIME, LATE), "--as-of", "2026-05-07"]) == 1


def test_fail_on_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = HEADER.rstrip("\n") + ",extension_agreed\n"
    path = _register(tmp_path, EXTENDED.rstrip("\n") + ",ja\n", header=header)
    assert main(["check", path, "--as-of", "2026-05-07"]) == 0
    assert main(["check", path, "--as-of", "2026-05-07", "--fail-on", "warning"]) == 1
    assert "KR-EXTENSION-NOT-STATUTORY" in capsys.readouterr().out


def test_rejected_row_is_a_finding_and_strict_fails_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _register(tmp_path, IN_TIME, BAD_DATE)
    assert main(["check", path, "--as-of", "2026-05-07", "--fail-on", "never", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "KR-ROW-REJECTED" in out
    assert "row 3" in out
    assert "2 rows read = 1 checked + 1 rejected" in out
    assert main(["check", path, "--as-of", "2026-05-07", "--fail-on", "never", "--strict"]) == 1
    assert main(["check", path, "--as-of", "2026-05-07"]) == 1  # an error finding by default


def test_due_soon_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_row = "B-1,2026-03-30,email,ouder,conduct,geen,,,,,\n"  # deadline 2026-05-11
    path = _register(tmp_path, open_row)
    assert main(["check", path, "--as-of", "2026-05-07", "--format", "json", "--fail-on", "warning"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["id"] == "KR-HANDLING-DUE-SOON"
    assert main(["check", path, "--as-of", "2026-05-07", "--due-soon", "3", "--fail-on", "warning"]) == 0


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.sarif"
    assert main(["check", *MAIN_JOB, "--format", "sarif", "--output", str(target)]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_github_step_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", *MAIN_JOB, "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::")
    assert "## klachtregels check" not in out
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## klachtregels check")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert main(["check", *MAIN_JOB, "--format", "github"]) == 1
    assert "## klachtregels check" in capsys.readouterr().out


def test_the_step_summary_is_never_an_input_nor_another_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GitHub format appends its summary to $GITHUB_STEP_SUMMARY: refused (exit 2, nothing
    written) when that names the register, the organisation file or another output."""
    register = tmp_path / "register.csv"
    register.write_bytes((ROOT / "examples" / "register.csv").read_bytes())
    before = register.read_bytes()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(register))
    assert main(["check", str(register), "--format", "github", "--as-of", "2026-05-07"]) == 2
    err = capsys.readouterr().err
    assert "$GITHUB_STEP_SUMMARY" in err
    assert "refusing to overwrite an input" in err
    assert register.read_bytes() == before
    other = tmp_path / "out.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(other))
    assert main(["check", str(register), "-o", f"github:{other}", "--as-of", "2026-05-07"]) == 2
    assert "the same file" in capsys.readouterr().err
    assert not other.exists()
    # Another format does not write the summary: the variable naming the register is no concern.
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(register))
    assert main(["check", str(register), "--format", "json", "--as-of", "2026-05-07"]) == 1
    assert register.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["check", "does-not-exist.csv"],
        ["check", EXAMPLE, "--as-of", "7-5-2026x"],
        ["check", EXAMPLE, "--policy", "no-such-policy"],
        ["check", EXAMPLE, "--org", "no-such-org.toml"],
        ["check", EXAMPLE, "--format", "yaml"],
        ["check", EXAMPLE, "--fail-on", "info"],
        ["check", EXAMPLE, "--due-soon", "-1"],
        ["check", EXAMPLE, "--mapping", "no-such-mapping.toml"],
    ],
)
def test_unusable_input_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse refuses bad choices itself, with exit status 2
        code = int(exc.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_unreadable_register_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A header that is not the encoding asked for (a bad byte in a row only rejects that row).
    path = tmp_path / "register.csv"
    path.write_bytes(b"id,received\xff_on\n\xff\xfe\xfa,2025-01-01\n")
    assert main(["check", str(path), "--as-of", "2026-05-07", "--encoding", "utf-8"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: error:")
    assert "Traceback" not in err


def test_invalid_organisation_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    org = tmp_path / "org.toml"
    org.write_text('name = "X"\n[regulation]\nadopted = "maybe"\n', encoding="utf-8")
    assert main(["check", EXAMPLE, "--org", str(org), "--as-of", "2026-05-07"]) == 2
    assert "regulation.adopted" in capsys.readouterr().err


def test_several_registers_as_pre_commit_passes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a"
    good.mkdir()
    bad = tmp_path / "b"
    bad.mkdir()
    one = _register(good, IN_TIME)
    two = _register(bad, LATE)
    assert main(["check", one, "--as-of", "2026-05-07"]) == 0
    assert main(["check", one, two, "--as-of", "2026-05-07"]) == 1
    out = capsys.readouterr().out
    assert out.count("klachtregels check\n") == 3
    assert main(["check", one, two, "--format", "sarif"]) == 2


def test_pre_commit_hook_definition() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: klachtregels-check" in text
    assert "entry: klachtregels check" in text
    assert "language: python" in text


def test_ci_yaml_files_parse() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "klachtregels-check"
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    (action,) = [s for s in steps if s.get("uses", "").endswith("/klachtregels@<tag or commit>")]
    assert action["with"]["registers"]
    assert action["with"]["sarif"] == "klachtregels.sarif"
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload["with"]["sarif_file"] == "klachtregels.sarif"
    assert upload["continue-on-error"] is True  # a private repository without Code Security refuses it


@pytest.mark.parametrize(
    ("lang", "expected", "foreign"),
    [
        ("nl", "geen bestaande ISO-datum", "not a real ISO date"),
        ("en", "not a real ISO date", "geen bestaande"),
    ],
)
def test_a_rejected_row_is_explained_in_the_output_language(
    lang: str, expected: str, foreign: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", EXAMPLE, "--as-of", "2026-05-07", "--fail-on", "never", "--lang", lang])
    out = capsys.readouterr().out
    (line,) = [
        line for line in out.splitlines() if "KR-ROW-REJECTED" not in line and "40" in line and "ISO" in line
    ]
    assert expected in line
    assert foreign not in out


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_strict_calendar_refusal_names_the_register_row(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A2 with ``strict_calendar``: a register row whose six weeks would be provisional (2030: no verified
    decree) stops the run with exit 2 and one line naming the row, never the complaint's values."""
    policy = tmp_path / "strikt.toml"
    policy.write_text('[policy]\nname = "strikt"\n[deadlines]\nstrict_calendar = true\n', encoding="utf-8")
    register = tmp_path / "register.csv"
    register.write_text(
        "id,received_on,channel,complainant_role,subjects,location\n"
        "K-17,2026-03-02,email,parent,conduct,KDV Zon\n"
        "K-29,2030-03-04,email,parent,conduct,KDV Maan\n",
        encoding="utf-8",
    )
    when = ["--as-of", "2030-04-01"] if command == "check" else ["--year", "2030"]
    assert main([command, str(register), "--policy", str(policy), *when]) == 2
    err = capsys.readouterr().err
    assert "register row 3: " in err
    assert "2030" in err
    assert "(A2)" in err
    assert "K-29" not in err
    assert "KDV Maan" not in err
    assert err.count("\n") == 1
