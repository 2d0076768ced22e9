"""CI outputs of ``klachtregels check``: several outputs from one run, --min-severity, -q, the text
order (summary and errors first), the last line under --fail-on never, standard input; and one
spelling per option across sub-commands (--format with --json deprecated, --fail-on never,
--lang, --due-soon)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from klachtregels.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "register.csv")
MAIN_JOB = [
    EXAMPLE,
    "--org",
    str(ROOT / "examples" / "organisation.toml"),
    "--policy",
    str(ROOT / "examples" / "policy.toml"),
    "--as-of",
    "2026-05-07",
    "--no-config",
]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_several_outputs_in_one_run_equal_one_run_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    single = {}
    for fmt in ("text", "json", "junit", "sarif", "github"):
        code, single[fmt] = _run(["check", *MAIN_JOB, "--format", fmt], capsys)
        assert code == 1
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in ("json", "junit", "sarif", "github")}
    argv = ["check", *MAIN_JOB, "-o", "text:-", *(x for f, p in paths.items() for x in ("-o", f"{f}:{p}"))]
    code, text = _run(argv, capsys)
    assert code == 1
    assert text == single["text"]
    for fmt, path in paths.items():
        assert path.read_text(encoding="utf-8") == single[fmt], fmt
    # A plain -o PATH keeps meaning --format to PATH; with -o nothing else goes to standard output.
    plain = tmp_path / "plain.json"
    code, shown = _run(["check", *MAIN_JOB, "--format", "json", "-o", str(plain)], capsys)
    assert (code, shown) == (1, "")
    assert plain.read_text(encoding="utf-8") == single["json"]


@pytest.mark.parametrize(
    "outputs",
    [["-o", "json:-", "-o", "sarif:-"], ["-o", "json:same", "-o", "sarif:same"], ["-o", "json:"]],
)
def test_conflicting_outputs_are_refused(
    outputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", EXAMPLE, "--no-config", *outputs]) == 2
    assert "--output" in capsys.readouterr().err
    assert not (tmp_path / "same").exists()


def test_text_leads_with_the_summary_then_errors_warnings_information(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, text = _run(["check", *MAIN_JOB, "--lang", "en"], capsys)
    assert code == 1
    summary = text.index("Summary: ")
    errors, warnings, infos = (text.index(f"== {s} (") for s in ("Errors", "Warnings", "Information"))
    assert summary < errors < warnings < infos
    assert "KR-HANDLING-LATE" in text[errors:warnings]
    assert "KR-SCOPE-AFTER-AS-OF" in text[infos:]
    assert text.rstrip().splitlines()[-1] == "Result: FAIL (--fail-on error)"


def test_the_last_line_never_says_all_is_well_after_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(["check", *MAIN_JOB, "--fail-on", "never", "--lang", "en"], capsys)
    assert code == 0
    last = text.rstrip().splitlines()[-1]
    assert "PASS" not in last
    assert "exit code kept at 0 by --fail-on never" in last
    code, text = _run(["check", *MAIN_JOB, "--fail-on", "never"], capsys)
    assert "GOED (" not in text.rstrip().splitlines()[-1]
    code, github = _run(["check", *MAIN_JOB, "--fail-on", "never", "--format", "github"], capsys)
    assert "exitcode 0 alleen door --fail-on never" in github


def test_min_severity_hides_but_counts(capsys: pytest.CaptureFixture[str]) -> None:
    _, everything = _run(["check", *MAIN_JOB, "--format", "json"], capsys)
    _, errors_only = _run(["check", *MAIN_JOB, "--format", "json", "--min-severity", "error"], capsys)
    full, cut = json.loads(everything), json.loads(errors_only)
    assert full["summary"] == cut["summary"]
    assert {f["severity"] for f in cut["findings"]} == {"error"}
    assert len(cut["findings"]) == full["summary"]["errors"]
    assert cut["min_severity"] == "error"
    code, text = _run(["check", *MAIN_JOB, "--min-severity", "warning", "--lang", "en"], capsys)
    assert code == 1
    assert "== Information" not in text
    assert f"{full['summary']['infos']} finding(s) below --min-severity warning not shown" in text


def test_quiet_shows_only_what_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(["check", *MAIN_JOB, "-q", "--lang", "en"], capsys)
    assert code == 1
    assert "== Errors" in text
    assert "== Warnings" not in text
    assert "Summary:" not in text
    assert text.rstrip().endswith("Result: FAIL (--fail-on error)")
    code, text = _run(["check", *MAIN_JOB, "-q", "--fail-on", "warning", "--lang", "en"], capsys)
    assert "== Warnings" in text
    assert "== Information" not in text


def test_standard_input_is_a_register(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, from_file = _run(["check", *MAIN_JOB, "--format", "json"], capsys)
    data = Path(EXAMPLE).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, from_stdin = _run(["check", "-", *MAIN_JOB[1:], "--format", "json"], capsys)
    assert code == 1
    one, other = json.loads(from_file), json.loads(from_stdin)
    assert other["register"] == "-"
    assert one["findings"] == other["findings"]
    assert main(["check", "-", "-", "--no-config"]) == 2


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_standard_input_is_named_as_a_person_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check -`` and ``report -``: the text and GitHub outputs say standaardinvoer/standard input
    (never a bare ``-``), errors say standard input; JSON keeps ``-`` (the command line's word, in
    no language) and SARIF and annotations point at no file."""
    data = Path(EXAMPLE).read_bytes()
    for lang, word in (("nl", "standaardinvoer"), ("en", "standard input")):
        _stdin(monkeypatch, data)
        _, text = _run(["check", "-", *MAIN_JOB[1:], "--lang", lang], capsys)
        assert f"Register: {word}\n" in text
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _stdin(monkeypatch, data)
    _, commands = _run(["check", "-", *MAIN_JOB[1:], "--format", "github", "--lang", "en"], capsys)
    assert "Register: standard input · " in summary.read_text(encoding="utf-8")
    row_annotations = [line for line in commands.splitlines() if "KR-HANDLING-LATE" in line]
    assert row_annotations
    assert all("file=" not in line and "line=" not in line for line in row_annotations)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    _stdin(monkeypatch, data)
    _, sarif = _run(["check", "-", *MAIN_JOB[1:], "--format", "sarif"], capsys)
    rows = [r for r in json.loads(sarif)["runs"][0]["results"] if r["properties"]["row"] is not None]
    assert rows
    assert all(r["locations"] == [] for r in rows)
    for command in (["check", "-", "--no-config"], ["report", "-", "--year", "2025", "--no-config"]):
        _stdin(monkeypatch, b"nothing,known\n1,2\n")
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.startswith("klachtregels: error: standard input: "), err
        assert "-:" not in err


def test_json_is_a_deprecated_spelling_of_format_json(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["policy", "lint", "smallsteps"],
        ["policy", "show", "les-petits"],
        ["deadline", "2026-03-24"],
    ):
        assert main([*argv, "--json"]) == main([*argv, "--format", "json"])
        old, new = capsys.readouterr().out.split("\n{", 1) if argv[1] != "list" else ("", "")
        assert json.loads(old) == json.loads("{" + new)


def test_policy_lint_fail_on_never_and_several_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "policy.toml"
    bad.write_text('[deadlines]\nhandling_term = "3 months"\n', encoding="utf-8")  # less than the law
    assert main(["policy", "lint", str(bad)]) == 1
    assert main(["policy", "lint", str(bad), "--fail-on", "never"]) == 0
    assert main(["policy", "lint", "statutory", str(bad)]) == 1  # several files: any error fails
    capsys.readouterr()
    assert main(["policy", "lint", "statutory", "smallsteps", "--format", "json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [r["policy"] for r in reports] == ["statutory", "smallsteps"]


def test_policy_show_speaks_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    main(["policy", "show", "statutory", "--lang", "en"])
    english = capsys.readouterr().out
    main(["policy", "show", "statutory", "--lang", "nl"])
    dutch = capsys.readouterr().out
    if "not set (unknown)" in english:
        assert "niet ingesteld (onbekend)" in dutch
    assert main(["policy", "show", "statutory", "--lang", "xx"]) == 2


def test_due_soon_has_one_meaning_in_both_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    for option in ("--due-soon", "--due-soon-days"):
        _, data = _run(["check", *MAIN_JOB, "--format", "json", option, "30"], capsys)
        assert json.loads(data)["settings"]["due_soon_days"] == 30
    complaint = str(ROOT / "examples" / "complaint.json")
    _, one = _run(["assess", complaint, "--as-of", "2026-05-07", "--due-soon", "3"], capsys)
    _, other = _run(["assess", complaint, "--as-of", "2026-05-07", "--due-soon-days", "3"], capsys)
    assert one == other


def test_report_reads_standard_input_and_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["report", EXAMPLE, "--year", "2025", "--format", "json", "--no-config"]
    assert main(argv) == 0
    from_file = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(Path(EXAMPLE).read_bytes())))
    assert main(["report", "-", *argv[2:]]) == 0
    assert json.loads(capsys.readouterr().out) == from_file
    (tmp_path / "klachtregels.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["report", EXAMPLE, "--year", "2025"]) == 0
    english = capsys.readouterr().out
    assert main(["report", EXAMPLE, "--year", "2025", "--lang", "nl"]) == 0
    assert capsys.readouterr().out != english


def _parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    """Every (sub-)sub-command's parser, by its path of names."""
    from klachtregels.cli import build_parser

    found: list[tuple[str, argparse.ArgumentParser]] = []
    todo = [("klachtregels", build_parser())]
    while todo:
        name, parser = todo.pop()
        found.append((name, parser))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo += [(f"{name} {sub}", child) for sub, child in action.choices.items()]
    return found


def test_one_spelling_per_option_across_subcommands() -> None:
    seen: set[str] = set()
    for name, parser in _parsers():
        options = {o: a for a in parser._actions for o in a.option_strings}
        seen |= options.keys()
        if "--json" in options:
            assert options["--json"].dest == "format", name  # only the deprecated spelling of --format json
            assert options["--json"].const == "json", name
        if "--fail-on" in options:
            assert "never" in options["--fail-on"].choices, name
        if "--due-soon-days" in options:
            assert options["--due-soon-days"] is options.get("--due-soon"), name
    assert {"--json", "--fail-on", "--due-soon-days", "--format", "--lang"} <= seen


def test_output_dash_is_standard_output_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o -`` is standard output, as ``check -o text:-`` has it: the same output as without ``-o``,
    and no file named ``-``."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    complaint = str(ROOT / "examples" / "complaint.json")
    for argv in (
        ["obligations", complaint, "--as-of", "2026-05-10"],
        ["obligations", complaint, "--as-of", "2026-05-10", "--format", "ics"],
        ["report", EXAMPLE, "--year", "2025", "--no-config"],
        ["rules", "--format", "md"],
        ["check", *MAIN_JOB],
    ):
        plain = _run(argv, capsys)
        assert plain[1]
        assert _run([*argv, "-o", "-"], capsys) == plain, argv
        assert not (tmp_path / "-").exists(), argv
    assert main(["report", EXAMPLE, "--year", "2025", "--no-config", "--format", "pdf", "-o", "-"]) == 2
    assert "pdf needs --output FILE" in capsys.readouterr().err
    assert not (tmp_path / "-").exists()
