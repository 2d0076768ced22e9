"""Read the fenced blocks of the documentation, and compare a documented output with a real one."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from klachtregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

_FENCE = re.compile(r"^(\s*)```(\w*)\s*$")
_CLOSE = re.compile(r"^\s*```\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced block of a Markdown page: where it starts, its language tag and its text."""

    page: str
    line: int
    lang: str
    text: str


def blocks(page: str, lang: str | None = None) -> list[Block]:
    """The fenced blocks of ``page`` (a path relative to the repository), in order; only ``lang`` if given."""
    lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, tag = opening.groups()
        end = i + 1
        while not _CLOSE.match(lines[end]):
            end += 1
        text = "\n".join(line[len(indent) :] for line in lines[i + 1 : end])
        if lang is None or tag == lang:
            found.append(Block(page, i + 2, tag, text))
        i = end + 1
    return found


def block_after(page: str, text: str, lang: str) -> Block:
    """The first ``lang`` block of ``page`` after the line holding ``text`` (a heading or a sentence)."""
    start = next(
        n for n, line in enumerate((ROOT / page).read_text(encoding="utf-8").splitlines(), 1) if text in line
    )
    return next(b for b in blocks(page, lang) if b.line > start)


@dataclass(frozen=True)
class Command:
    """A ``$ command`` line of a console block and the output lines the page shows under it."""

    page: str
    line: int
    argv: tuple[str, ...]
    expected: tuple[str, ...]

    @property
    def id(self) -> str:
        """A readable test id: page, line and the command."""
        return f"{self.page}:{self.line}:{' '.join(self.argv)}"


def console_commands(page: str) -> list[Command]:
    """Every ``$ klachtregels ...`` command of the page's console blocks that shows its output."""
    commands: list[Command] = []
    for block in blocks(page, "console"):
        lines = block.text.splitlines()
        for n, line in enumerate(lines):
            if not line.startswith("$ klachtregels "):
                continue
            command = line[2:]
            while command.endswith("\\"):
                n += 1
                command = command[:-1] + " " + lines[n].strip()
            expected = []
            for following in lines[n + 1 :]:
                if following.startswith("$ "):
                    break
                expected.append(following)
            while expected and not expected[-1].strip():
                expected.pop()
            if expected and "[" not in command:  # a synopsis (``[--org ORG.toml]``) is not a command to run
                argv = tuple(shlex.split(command))[1:]
                commands.append(Command(page, block.line + n, argv, tuple(expected)))
    return commands


def run_cli(argv: tuple[str, ...] | list[str]) -> tuple[int, list[str]]:
    """Run the command line in this process: its exit code and its standard output and error, as lines."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, (out.getvalue() + err.getvalue()).splitlines()


def _line_pattern(line: str) -> re.Pattern[str]:
    """A shown line as a pattern: ``...`` inside it stands for any text (the page shortened it there)."""
    return re.compile(".*?".join(re.escape(part) for part in line.split("...")) + r"\Z", re.DOTALL)


def shown_as(expected: tuple[str, ...] | list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is what the page shows: a line ``...`` stands for any lines (none included),
    and ``...`` within a line for any text."""
    patterns = [None if line.strip() == "..." else _line_pattern(line.rstrip()) for line in expected]
    actual = [line.rstrip() for line in actual]

    def match(i: int, j: int) -> bool:
        if i == len(patterns):
            return j == len(actual)
        pattern = patterns[i]
        if pattern is None:
            return any(match(i + 1, k) for k in range(j, len(actual) + 1))
        return j < len(actual) and pattern.match(actual[j]) is not None and match(i + 1, j + 1)

    return match(0, 0)
