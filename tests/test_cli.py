"""The ``klachtregels`` command line as a whole: sub-commands, exit 2 on bad arguments, ``--lang``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klachtregels._version import __version__
from klachtregels.cli import build_parser, main

if TYPE_CHECKING:
    import argparse

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMMANDS = ["deadline", "calendar", "assess", "obligations", "rules", "policy", "schema", "check", "report"]


def _exit(argv: list[str]) -> int:
    """The exit code of ``klachtregels argv``, whether argparse or a handler ends the run."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return parser._subparsers._group_actions[0].choices  # type: ignore[union-attr,return-value]


def test_help_lists_every_command_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(_commands(build_parser())) == COMMANDS
    assert _exit(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert f"    {name} " in out or f"    {name}\n" in out  # a long name's help starts on the next line


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit(["--version"]) == 0
    assert capsys.readouterr().out == f"klachtregels {__version__}\n"


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit(["lint"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err


# Every sub-command that speaks a language, with arguments that are otherwise valid.
LANG_COMMANDS = [
    ["rules"],
    ["policy", "lint", "statutory"],
    ["policy", "show", "statutory"],
    ["assess", str(EXAMPLES / "complaint.json"), "--as-of", "2026-05-07"],
    ["obligations", str(EXAMPLES / "complaint.json"), "--as-of", "2026-05-07"],
    ["deadline", "2026-03-02"],
    ["calendar", "2026"],
    ["check", str(EXAMPLES / "register.csv")],
    ["report", str(EXAMPLES / "register.csv"), "--year", "2025"],
]


@pytest.mark.parametrize("argv", LANG_COMMANDS, ids=lambda argv: argv[0])
def test_unknown_language_exits_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """One error in every command: it names the option and the languages accepted, not the value."""
    assert _exit([*argv, "--lang", "klingon"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "klachtregels: error: invalid command-line argument: --lang: unknown language; use one of nl, en\n"
    )


@pytest.mark.parametrize("argv", LANG_COMMANDS, ids=lambda argv: argv[0])
def test_every_lang_option_is_spelled_the_same(argv: list[str]) -> None:
    """One spelling per option: ``--lang {nl,en}``, default ``nl``."""
    sub = _commands(build_parser())[argv[0]]
    if argv[0] == "policy":
        sub = _commands(sub)[argv[1]]
    lang = next(a for a in sub._actions if "--lang" in a.option_strings)
    if argv[0] in (
        "check",
        "report",
    ):  # a configuration file may set it; nl when neither a flag nor a file does
        args = build_parser().parse_args([*argv, "--no-config"])
        args.configure(args)
        assert args.lang == "nl"
    else:
        assert lang.default == "nl"
    assert lang.metavar == "{nl,en}" or tuple(lang.choices or ()) == ("nl", "en")
