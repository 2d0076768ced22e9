"""Every ``$ klachtregels ...`` command the documentation shows with its output gives that output, and the
command pages name the options ``--help`` has (and no other)."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

import pytest
from docs_helpers import ROOT, Command, block_after, blocks, console_commands, run_cli, shown_as

if TYPE_CHECKING:
    from pathlib import Path

#: The pages whose console blocks show a command's output.
PAGES = (
    "docs/quickstart.md",
    "docs/cli/deadline.md",
    "docs/cli/assess.md",
    "docs/cli/check.md",
    "docs/embedding.md",
    "docs/policies.md",
    "docs/report.md",
    "docs/ci.md",
    "docs/tutorial.md",
)
COMMANDS = [command for page in PAGES for command in console_commands(page)]


def _policy_files(folder: Path) -> None:
    """The policy files the policies page lints: ``bad.toml`` as shown, and ``voorbeeld.toml``, the page's
    example with the handling term the page names."""
    page = "docs/policies.md"
    (folder / "bad.toml").write_text(block_after(page, "With this `bad.toml`", "toml").text, encoding="utf-8")
    example = block_after(page, "### An example", "toml").text
    longer = re.sub(r"(?m)^handling_term = .*$", 'handling_term = "2 maanden"', example)
    assert longer != example
    (folder / "voorbeeld.toml").write_text(longer, encoding="utf-8")


def test_the_pages_show_commands_with_their_output() -> None:
    assert len(COMMANDS) >= 10
    assert {c.page for c in COMMANDS} >= {
        "docs/quickstart.md",
        "docs/policies.md",
        "docs/embedding.md",
        "docs/cli/check.md",
    }


def _baseline_files(folder: Path) -> None:
    """The baseline the check page refuses: ``old-baseline.toml`` as shown (K5 acceptance, no year)."""
    page = "docs/cli/check.md"
    text = block_after(page, "With this `old-baseline.toml`", "toml").text
    (folder / "old-baseline.toml").write_text(text, encoding="utf-8")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder as the pages assume it: the repository's ``examples/``, the policies and check
    pages' files."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    _policy_files(tmp_path)
    _baseline_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.id)
@pytest.mark.usefixtures("workdir")
def test_a_shown_command_gives_the_output_shown(command: Command) -> None:
    code, output = run_cli(command.argv)
    assert shown_as(command.expected, output), "\n".join(output)
    # An error shown is one line on standard error and exit 2; anything else is a run (0, or 1 for findings).
    assert (code == 2) == command.expected[0].startswith("klachtregels: error:"), code


# --- options: the command pages against --help --------------------------------------------------------

#: Each command page and the sub-commands it documents.
OPTION_PAGES = {
    "docs/cli/assess.md": (("assess",), ("rules",)),
    "docs/cli/check.md": (("check",),),
    "docs/cli/deadline.md": (("deadline",), ("calendar",)),
}
_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*[a-z]")


def _options_in_help(command: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> set[str]:
    from klachtregels.cli import main

    with pytest.raises(SystemExit):
        main([*command, "--help"])
    return set(_OPTION.findall(capsys.readouterr().out)) - {"--help"}


@pytest.mark.parametrize("page", sorted(OPTION_PAGES))
def test_a_command_page_names_every_option_and_only_real_ones(
    page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    on_page = set(_OPTION.findall(text))
    in_help: set[str] = set()
    for command in OPTION_PAGES[page]:
        in_help |= _options_in_help(command, capsys)
    assert in_help - on_page == set(), f"{page} does not mention these options"
    assert on_page - in_help == set(), f"{page} names options the commands do not have"


#: Pages that document a command among other things: they name every option (and may name others').
OPTIONS_NAMED = {
    "docs/report.md": (("report",),),
    "docs/policies.md": (("policy", "lint"), ("policy", "show"), ("policy", "list")),
    "docs/embedding.md": (("obligations",),),
}


@pytest.mark.parametrize("page", sorted(OPTIONS_NAMED))
def test_a_page_names_every_option_of_its_command(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    on_page = set(_OPTION.findall((ROOT / page).read_text(encoding="utf-8")))
    for command in OPTIONS_NAMED[page]:
        assert _options_in_help(command, capsys) - on_page == set(), command


def test_the_check_synopsis_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    synopsis = blocks("docs/cli/check.md", "console")[0].text
    assert synopsis.startswith("$ klachtregels check")
    shown = set(_OPTION.findall(synopsis))
    assert _options_in_help(("check",), capsys) - shown <= {"--output", "--quiet", "--due-soon-days"}


# --- every other command the pages show runs ---------------------------------------------------------

_INLINE = re.compile(r"`(klachtregels [^`]+)`")
#: Options whose value is a file the command writes (so it need not exist beforehand).
_WRITES = {"-o", "--output", "--review-notes", "--write-baseline"}


def _shown_commands() -> list[tuple[str, tuple[str, ...]]]:
    """Every command line the pages show (in console and sh blocks, and inline), as (where, argv)."""
    found: dict[tuple[str, ...], str] = {}
    pages = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*.md"))]
    for page in pages:
        if "example-report" in page or page.endswith(("changelog.md", "performance.md")):
            continue
        for block in blocks(page):
            if block.lang not in ("console", "sh", "bash"):
                continue
            text = block.text.replace("\\\n", " ")
            for line in text.splitlines():
                line = line.removeprefix("$ ").split("  #")[0].strip()
                if line.startswith("klachtregels ") and "[" not in line:
                    found.setdefault(tuple(shlex.split(line))[1:], f"{page}:{block.line}")
        for match in _INLINE.finditer((ROOT / page).read_text(encoding="utf-8")):
            argv = tuple(shlex.split(match.group(1).replace("\\|", "|")))[1:]
            # Inline, `klachtregels check --format json` names an option: a command has its argument first.
            first = argv[2:3] if argv[:1] == ("policy",) else argv[1:2]
            if argv in (("rules",), ("policy", "list")) or (first and not first[0].startswith("-")):
                found.setdefault(argv, page)
    return [(where, argv) for argv, where in found.items()]


def _runnable(argv: tuple[str, ...], folder: Path) -> bool:
    """A complete command (no placeholder such as ``FILE`` or ``F``) whose input files are all here."""
    if not argv or any(
        (a.isupper() and not re.fullmatch(r"[RA]\d+", a)) or "|" in a or "..." in a for a in argv
    ):
        return False
    for before, arg in zip(("", *argv), argv, strict=False):
        if before in _WRITES or re.match(r"^[a-z]+:", arg):
            continue
        if ("/" in arg or re.search(r"\.(csv|json|jsonl|toml|xlsx)$", arg)) and not (folder / arg).exists():
            return False
    return True


SHOWN = _shown_commands()


def test_every_runnable_command_the_pages_show_runs(workdir: Path) -> None:
    # README's table writes REGISTER for "your register": the example register is one.
    shown = [
        (where, tuple("examples/register.csv" if a == "REGISTER" else a for a in argv))
        for where, argv in SHOWN
    ]
    runnable = [(where, argv) for where, argv in shown if _runnable(argv, workdir)]
    assert len(runnable) >= 20
    errors = {c.argv for c in COMMANDS if c.expected[0].startswith("klachtregels: error:")}
    for where, argv in runnable:
        code, output = run_cli(argv)
        if argv in errors:
            assert code == 2, (where, argv)
        else:
            assert code in (0, 1), (where, argv, output[-1:])


# --- JSON schema versions -------------------------------------------------------------------------------

_CLAIM = re.compile(
    r"klachtregels\.([a-z][a-z-]*[a-z])\b[^0-9\n]{0,60}?(?:\n[^0-9\n]{0,60}?)?"
    r"(?:schema[ _]version|version)[`\"':,\s(]{0,8}(\d+)"
)


def _stated_versions() -> dict[str, set[int]]:
    """``klachtregels.NAME ... schema_version N`` as the pages state it: NAME -> the versions stated."""
    stated: dict[str, set[int]] = {}
    for page in ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*.md"))]:
        if "example-report" in page or page.endswith(("changelog.md", "performance.md")):
            continue
        for match in _CLAIM.finditer((ROOT / page).read_text(encoding="utf-8")):
            stated.setdefault(match.group(1), set()).add(int(match.group(2)))
    return stated


def _written_versions(folder: Path) -> dict[str, int]:
    """The schema and version of every JSON document the command line writes."""
    import json

    documents = []
    for argv in (
        ["deadline", "2026-03-24", "--format", "json"],
        ["calendar", "2026", "--format", "json"],
        ["assess", "examples/complaint.json", "--as-of", "2026-05-07", "--format", "json"],
        ["obligations", "examples/complaint.json", "--as-of", "2026-05-07", "--format", "json"],
        ["check", "examples/register.csv", "--as-of", "2026-05-07", "--format", "json"],
        ["policy", "lint", "les-petits", "--format", "json"],
        ["rules", "--format", "json"],
        ["report", "examples/register.csv", "--year", "2025", "--format", "json", "--review-notes", "n.json"],
    ):
        code, output = run_cli(argv)
        assert code in (0, 1), argv
        start = output.index("{")
        end = len(output) - output[::-1].index("}")
        documents.append(json.loads("\n".join(output[start:end])))
    documents.append(json.loads((folder / "n.json").read_text(encoding="utf-8")))
    documents += list(documents[2]["decisions"].values())
    return {d["schema"].removeprefix("klachtregels."): d["schema_version"] for d in documents}


def test_the_schema_versions_stated_are_the_ones_written(workdir: Path) -> None:
    stated, written = _stated_versions(), _written_versions(workdir)
    assert {"assessment", "decision", "deadline", "calendar", "check", "policy-lint", "annual-report"} <= set(
        stated
    )
    for schema, versions in stated.items():
        assert versions == {written[schema]}, schema
