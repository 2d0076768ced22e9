"""Faults around a run (issue 9): Ctrl-C, a closed pipe, OS errors, failing writes, no time-zone database."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from klachtregels._io import atomic_write_text
from klachtregels.cli import EXIT_INTERRUPTED, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "register.csv")


def _python(
    code: str, *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.Popen[bytes]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=full_env, **kwargs)  # type: ignore[call-overload, no-any-return]


# --------------------------------------------------------------------------------------------------
# Ctrl-C
# --------------------------------------------------------------------------------------------------

_INTERRUPTED_RUN = """
import os, signal, sys, time
import klachtregels._cli.check as check

def interrupted(args):
    # Python's own Ctrl-C handler, also where the run was started with SIGINT ignored (a job put in
    # the background by a shell without job control inherits that, and Python then keeps it).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.kill(os.getpid(), signal.SIGINT)  # as a terminal's Ctrl-C: KeyboardInterrupt mid-run
    time.sleep(30)
    return 0

check._check = interrupted
from klachtregels.cli import main
sys.exit(main(["check", sys.argv[1], "--as-of", "2026-05-07"]))
"""


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    run = _python(_INTERRUPTED_RUN, EXAMPLE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _out, err = run.communicate(timeout=60)
    assert run.returncode == EXIT_INTERRUPTED == 130
    assert b"Traceback" not in err
    assert err.decode().strip() == "klachtregels: interrupted"


def test_ctrl_c_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import klachtregels.cli as cli

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    real = cli.build_parser

    def parser(command: str | None = None) -> object:
        """The real parser (for ``command``, as main builds it), every sub-command's handler interrupted."""
        p = real(command)
        for action in p._subparsers._group_actions:  # type: ignore[union-attr]
            for sub in action.choices.values():  # type: ignore[union-attr]
                sub.set_defaults(handler=interrupted)
        return p

    monkeypatch.setattr(cli, "build_parser", parser)
    assert main(["rules"]) == 130
    assert capsys.readouterr().err == "klachtregels: interrupted\n"


# --------------------------------------------------------------------------------------------------
# A closed pipe: `klachtregels check big.csv | head -1`
# --------------------------------------------------------------------------------------------------


_PIPED_RUNS = [
    *(
        ["check", EXAMPLE, "--as-of", "2026-05-07", "--format", fmt]
        for fmt in ("text", "json", "junit", "sarif")
    ),
    ["check", EXAMPLE, "--as-of", "2026-05-07", "--format", "github"],
    ["report", EXAMPLE, "--year", "2025"],
    ["rules"],
]


@pytest.mark.parametrize("args", _PIPED_RUNS, ids=lambda a: "-".join(a[:1] + a[-1:]))
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    """The reader is gone before the first write (as `| head -1` once head has its line).

    The run goes on without that output (its files are still written: tests/test_cli_pipes.py):
    the same exit code and standard error as a run whose output nobody closed.
    """
    code = "import sys; from klachtregels.cli import main; sys.exit(main(sys.argv[1:]))"
    unpiped = _python(code, *args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _out, expected_err = unpiped.communicate(timeout=120)
    assert b"Traceback" not in expected_err
    run = _python(code, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None
    run.stdout.close()  # before the run has written anything: its first write meets a closed pipe
    _out, err = run.communicate(timeout=120)
    assert err == expected_err  # no 'error: : Broken pipe', no traceback, no 'Exception ignored'
    assert run.returncode == unpiped.returncode  # check: its verdict (1 here), never a quiet 0
    assert (args[0] == "check") == (run.returncode == 1)


# --------------------------------------------------------------------------------------------------
# OS errors name the file; outputs are written whole or not at all
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "report", "rules"])
def test_unwritable_output_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    target = tmp_path / "no-such-folder" / "out.txt"
    args = {
        "check": ["check", EXAMPLE, "--as-of", "2026-05-07"],
        "report": ["report", EXAMPLE, "--year", "2025"],
        "rules": ["rules"],
    }[command]
    assert main([*args, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"klachtregels: error: {target}: No such file or directory\n"


def test_output_that_is_a_folder_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert main(["check", EXAMPLE, "--as-of", "2026-05-07", "-o", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"klachtregels: error: {folder}: ")
    assert [p.name for p in tmp_path.iterdir()] == ["a folder"]  # no temporary file left behind


def test_unreadable_inputs_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.toml"
    for option in ("--org", "--mapping"):
        assert main(["check", EXAMPLE, "--as-of", "2026-05-07", option, str(missing)]) == 2
        err = capsys.readouterr().err
        assert "missing.toml" in err
        assert "error: :" not in err


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("the good report of last week\n", encoding="utf-8")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)  # the data cannot be made durable: as a full disk
    with pytest.raises(OSError, match="No space left") as caught:
        atomic_write_text(target, "a new report\n" * 1000)
    monkeypatch.undo()
    assert caught.value.filename == str(target)
    assert target.read_text(encoding="utf-8") == "the good report of last week\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_unencodable_text_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "lone surrogate \ud800")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_keeps_permissions_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_cli_output_replaced_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous\n", encoding="utf-8")
    assert main(["check", EXAMPLE, "--as-of", "2026-05-07", "--format", "json", "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# --------------------------------------------------------------------------------------------------
# No time-zone database on the machine
# --------------------------------------------------------------------------------------------------


def test_tzdata_is_required_on_every_platform() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tzdata = [d for d in project["dependencies"] if d.startswith("tzdata")]
    assert tzdata == ["tzdata>=2024.1"]  # no platform marker


_NO_SYSTEM_ZONES = """
import sys, zoneinfo
zoneinfo.reset_tzpath(to=[sys.argv[1]])  # as PYTHONTZPATH: a machine without /usr/share/zoneinfo
assert zoneinfo.TZPATH == (sys.argv[1],)
from klachtregels.cli import main
sys.exit(main(["check", sys.argv[2]]))
"""


@pytest.mark.parametrize("how", ["reset_tzpath", "PYTHONTZPATH"])
def test_check_without_as_of_needs_no_system_time_zone_database(tmp_path: Path, how: str) -> None:
    empty = tmp_path / "zoneinfo"
    empty.mkdir()
    if how == "reset_tzpath":
        run = _python(_NO_SYSTEM_ZONES, str(empty), EXAMPLE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    else:
        code = "import sys; from klachtregels.cli import main; sys.exit(main(sys.argv[1:]))"
        env = {"PYTHONTZPATH": str(empty)}
        run = _python(code, "check", EXAMPLE, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = run.communicate(timeout=120)
    assert b"Traceback" not in err
    assert err == b""
    assert run.returncode == 1  # the example register has findings: it was checked, as of today
    assert b"(Europe/Amsterdam)" in out


def test_without_tzdata_and_without_system_zones_one_line(tmp_path: Path) -> None:
    """tzdata removed by hand and no system database: one line naming the cure, exit 2."""
    code = (
        "import sys, zoneinfo; sys.modules['tzdata'] = None; zoneinfo.reset_tzpath(to=[sys.argv[1]]);"
        "from klachtregels.cli import main; sys.exit(main(['check', sys.argv[2]]))"
    )
    empty = tmp_path / "zoneinfo"
    empty.mkdir()
    run = _python(code, str(empty), EXAMPLE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _out, err = run.communicate(timeout=120)
    assert run.returncode == 2
    assert err == b"klachtregels: error: no time-zone database for Europe/Amsterdam: install tzdata\n"
