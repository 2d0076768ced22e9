"""CLI start-up (issue 8, performance): a run builds and imports its own sub-command only, regular
expressions compile on first use, shipped policies load without cattrs' structuring, and none of it
changes what a run does (the parsers, the policies and the errors are the same as before)."""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

import pytest

from klachtregels import _cli, _io, cli
from klachtregels.policy import _shipped, load_policy, policy_from_mapping, shipped_policies

ROOT = Path(__file__).parent.parent
_RUN = (
    "import contextlib, io, sys\n"
    "before = set(sys.modules)\n"
    "from klachtregels.cli import main\n"
    "try:\n"
    "    with contextlib.redirect_stdout(io.StringIO()):\n"
    "        code = main(sys.argv[1:])\n"
    "except SystemExit as stop:  # --help\n"
    "    code = stop.code or 0\n"
    "print(code, sorted(set(sys.modules) - before))\n"
)


def _modules(*args: str) -> tuple[int, set[str]]:
    """The exit code of ``klachtregels args`` in a fresh interpreter and the modules the run imported."""
    out = subprocess.run(
        [sys.executable, "-c", _RUN, *args], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    code, _, modules = out.partition(" ")
    return int(code), set(ast.literal_eval(modules))


def _subcommand_modules(modules: set[str]) -> set[str]:
    return {
        m for m in modules if m.startswith("klachtregels._cli.") and not m.rpartition(".")[2].startswith("_")
    }


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return parser._subparsers._group_actions[0].choices  # type: ignore[union-attr,return-value]


def test_a_check_imports_and_builds_the_check_sub_command_only() -> None:
    code, modules = _modules("check", "examples/register.csv", "--as-of", "2026-05-07", "--fail-on", "never")
    assert code == 0
    assert _subcommand_modules(modules) == {"klachtregels._cli.check"}


def test_a_deadline_needs_neither_the_structuring_layer_nor_file_writing() -> None:
    code, modules = _modules("deadline", "2026-03-24")
    assert code == 0
    assert _subcommand_modules(modules) == {"klachtregels._cli.deadline"}
    assert not modules & {"cattrs", "klachtregels.convert", "klachtregels.policy", "tempfile", "pathlib"}


def test_help_still_imports_every_sub_command() -> None:
    code, modules = _modules("--help")
    assert code == 0
    names = {info.name for info in pkgutil.iter_modules(_cli.__path__) if not info.name.startswith("_")}
    assert _subcommand_modules(modules) == {f"klachtregels._cli.{name}" for name in names}


def test_the_command_table_names_the_module_of_every_sub_command() -> None:
    """``cli._COMMANDS`` is what the modules register: every command, by the module that adds it."""
    registered: dict[str, str] = {}
    for info in pkgutil.iter_modules(_cli.__path__):
        if info.name.startswith("_"):
            continue
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"{_cli.__name__}.{info.name}").register(sub)
        registered.update(dict.fromkeys(sub.choices, info.name))
    assert registered == cli._COMMANDS
    assert set(_choices(cli.build_parser())) == set(registered)


@pytest.mark.parametrize("command", sorted(cli._COMMANDS))
def test_a_sub_command_built_alone_is_the_one_of_the_full_parser(command: str) -> None:
    alone, full = _choices(cli.build_parser(command)), _choices(cli.build_parser())
    assert set(alone) <= set(full)
    assert alone[command].format_help() == full[command].format_help()
    assert alone[command].format_usage() == full[command].format_usage()


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "examples/register.csv", "--as-of", "2026-05-07", "-o", "json:-", "--lang", "en"],
        ["deadline", "2026-03-24", "--format", "json"],
        ["calendar", "2026"],
        ["policy", "lint", "smallsteps"],
        ["report", "examples/register.csv", "--year", "2025"],
        ["rules", "R12"],
    ],
    ids=lambda argv: argv[0],
)
def test_arguments_parse_the_same_with_the_sub_command_alone(argv: list[str]) -> None:
    def plain(args: argparse.Namespace) -> dict[str, object]:
        # functools.partial (configure) compares by identity: compare what it binds
        return {k: getattr(v, "keywords", v) for k, v in vars(args).items()}

    assert plain(cli.build_parser(argv[0]).parse_args(argv)) == plain(cli.build_parser().parse_args(argv))


def test_no_sub_command_prints_the_full_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert all(f"    {name}" in err for name in cli._COMMANDS)


def _failing(monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    """Make ``klachtregels deadline`` raise ``exc`` from its handler."""
    from klachtregels._cli import deadline

    def handler(_args: argparse.Namespace) -> int:
        raise exc

    monkeypatch.setattr(deadline, "_deadline", handler)


def test_a_missing_time_zone_is_one_line_and_any_other_key_error_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing(monkeypatch, ZoneInfoNotFoundError("No time zone found with key Europe/Amsterdam"))
    assert cli.main(["deadline", "2026-03-24"]) == 2
    assert capsys.readouterr().err == (
        "klachtregels: error: no time-zone database for Europe/Amsterdam: install tzdata\n"
    )
    _failing(monkeypatch, KeyError("a programming error"))
    with pytest.raises(KeyError, match="a programming error"):
        cli.main(["deadline", "2026-03-24"])


def test_regular_expressions_compile_on_first_use() -> None:
    code = (
        "import klachtregels._io as io\n"
        "lazy = [v for v in vars(io).values() if isinstance(v, io._Regex)]\n"
        "before = sum(v._compiled is not None for v in lazy)\n"
        "assert io.one_line('a\\x1b[31mb\\nc') == 'ab c'\n"
        "print(len(lazy), before, sum(v._compiled is not None for v in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    count, before, after = map(int, out.split())
    assert count == 14
    assert before == 0
    assert after == 5  # _ESCAPED_BYTES, _ANSI, _CONTROL, _SURROGATE, _NEWLINES: what one_line used


def test_a_compiled_expression_is_compiled_once() -> None:
    pattern = _io._Regex(r"a+", 0)
    assert pattern() is pattern()
    assert pattern().sub("b", "caat") == "cbt"


@pytest.mark.parametrize("name", shipped_policies())
def test_a_shipped_policy_equals_the_one_structured_from_its_toml(name: str) -> None:
    data = tomllib.loads(
        (ROOT / "src" / "klachtregels" / "policies" / f"{name}.toml").read_text(encoding="utf-8")
    )
    structured = policy_from_mapping(data, origin=f"policy {name!r}")
    shipped = _shipped(name)
    assert shipped == structured
    assert shipped.to_dict() == structured.to_dict()
    assert load_policy(name) is shipped
    assert (load_policy() is shipped) == (name == "statutory")


def test_every_shipped_policy_is_listed() -> None:
    folder = ROOT / "src" / "klachtregels" / "policies"
    assert shipped_policies() == tuple(sorted(p.stem for p in folder.glob("*.toml")))
    assert "statutory" in shipped_policies()
