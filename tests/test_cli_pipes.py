"""A reader of standard output that goes away (``klachtregels check ... -o sarif:out.sarif | head -3``)
stops that output only: every file output is still written whole, equal to a run without the pipe,
and the exit code is the run's verdict; nothing is said on standard error.

The runs are real processes writing into a real pipe: the test reads three lines and closes it
(as ``head -3``), or closes it before the run writes anything.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from klachtregels._cli._options import standard_output

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "register.csv"
_MAIN = "import sys; from klachtregels.cli import main; sys.exit(main(sys.argv[1:]))"
#: Linux's default pipe holds 64 KiB: standard output well past it meets the closed pipe for certain.
_PIPE_BUFFER = 1 << 16
#: The example register repeated this often (each copy with its own complaint ids): about 1,300
#: rows, a few hundred KiB of output in every format.
_COPIES = 24


@pytest.fixture(scope="module")
def big_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example register, repeated with new complaint ids."""
    with EXAMPLE.open(encoding="utf-8", newline="") as source:
        header, *rows = list(csv.reader(source))
    path = tmp_path_factory.mktemp("register") / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        writer.writerow(header)
        for copy in range(_COPIES):
            writer.writerows([[f"{row[0]}-{copy}", *row[1:]] for row in rows])
    return path


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    return subprocess.Popen(
        [sys.executable, "-c", _MAIN, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _unpiped(args: list[str], cwd: Path) -> tuple[int, bytes, bytes]:
    """The run read to its end: exit code, standard output, standard error."""
    cwd.mkdir()
    run = _start(args, cwd)
    out, err = run.communicate(timeout=300)
    return run.returncode, out, err


def _head(args: list[str], cwd: Path, lines: int) -> tuple[int, bytes, bytes]:
    """The run read for ``lines`` lines, then the pipe closed (``| head -N``; 0: before any write)."""
    cwd.mkdir()
    run = _start(args, cwd)
    assert run.stdout is not None
    read = b"".join(run.stdout.readline() for _ in range(lines))
    run.stdout.close()
    _, err = run.communicate(timeout=300)
    return run.returncode, read, err


def _named_files(args: list[str]) -> set[str]:
    """The files ``args`` names: ``-o FORMAT:FILE`` (not ``-``) and ``--write-baseline FILE``."""
    values = (value for option, value in itertools.pairwise(args) if option in {"-o", "--write-baseline"})
    return {value.partition(":")[2] or value for value in values} - {"-"}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


_CHECK = ["--no-config", "--as-of", "2026-05-07", "--lang", "en"]
_CASES = {
    "text": ["-o", "text:-", "-o", "sarif:out.sarif", "-o", "junit:out.xml", "-o", "json:out.json"],
    "json": ["-o", "json:-", "-o", "sarif:out.sarif", "-o", "junit:out.xml"],
    "github": ["-o", "github:-", "-o", "sarif:out.sarif", "-o", "json:out.json"],
    "baseline": ["-o", "text:-", "-o", "junit:out.xml", "--write-baseline", "baseline.toml"],
}


@pytest.mark.parametrize("case", list(_CASES))
def test_check_writes_every_file_when_standard_output_closes_after_three_lines(
    case: str, big_register: Path, tmp_path: Path
) -> None:
    args = ["check", str(big_register), *_CHECK, *_CASES[case]]
    code, full, err = _unpiped(args, tmp_path / "unpiped")
    assert err == b""
    assert code == 1  # the example register has errors
    assert len(full) > 2 * _PIPE_BUFFER  # the run cannot finish into the pipe before it closes
    piped_code, head, piped_err = _head(args, tmp_path / "piped", 3)
    assert piped_err == b""  # no traceback, no 'Exception ignored', no 'Broken pipe'
    assert piped_code == code  # the verdict, not a quiet 0
    assert head.count(b"\n") == 3
    assert full.startswith(head)
    expected = _files(tmp_path / "unpiped")
    assert set(expected) == _named_files(_CASES[case])
    assert _files(tmp_path / "piped") == expected  # whole, and only the outputs (no temporary file)


def test_check_with_several_registers_checks_them_all_after_the_pipe_closed(
    big_register: Path, tmp_path: Path
) -> None:
    """The pipe closes during the first register's output; the second one still decides the code."""
    clean = tmp_path / "clean.csv"
    with EXAMPLE.open(encoding="utf-8") as source:
        clean.write_text(source.readline(), encoding="utf-8")  # the header alone: nothing to find
    args = ["check", str(clean), str(big_register), *_CHECK, "--format", "github"]
    code, _, _ = _unpiped(args, tmp_path / "unpiped")
    assert code == 1
    assert (_head(args, tmp_path / "piped", 0)[::2]) == (1, b"")


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_report_writes_its_review_notes_when_standard_output_is_closed(
    fmt: str, big_register: Path, tmp_path: Path
) -> None:
    args = ["report", str(big_register), "--year", "2025", "--no-config", "--format", fmt]
    args += ["--review-notes", "notes.json"]
    code, _, err = _unpiped(args, tmp_path / "unpiped")
    assert code == 0
    piped_code, _, piped_err = _head(args, tmp_path / "piped", 0)  # gone before the first write
    assert piped_code == code
    assert piped_err == err  # the same status lines, nothing about the pipe
    assert _files(tmp_path / "piped") == _files(tmp_path / "unpiped") != {}


class _ClosedPipe(io.StringIO):
    """A standard output whose reader went away after ``room`` characters."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, chunk: str) -> int:
        if self.tell() + len(chunk) > self.room:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(chunk)

    def flush(self) -> None:
        if self.tell() >= self.room:
            raise BrokenPipeError(32, "Broken pipe")


def test_standard_output_drops_what_follows_a_closed_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = _ClosedPipe(room=10)
    monkeypatch.setattr(sys, "stdout", stdout)
    with standard_output() as out:
        assert out.write("first\n") == 6
        assert out.write("second line\n") == 12  # meets the closed pipe: dropped, no error
        assert out.write("x") == 1  # after it, nothing reaches the stream
        stdout.room = 100  # even were there room again
        out.write("third\n")
    assert stdout.getvalue() == "first\n"


def test_standard_output_passes_other_errors_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk that standard output was redirected to is the run's error, not a closed pipe."""

    class _Full(io.StringIO):
        def write(self, chunk: str) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", _Full())
    with pytest.raises(OSError, match="No space"), standard_output() as out:
        out.write("x")
