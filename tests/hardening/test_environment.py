"""The environment a run finds itself in never turns into a traceback or a broken output.

* A file name as long as the file system allows (255 bytes) can be written by every output option:
  the temporary file that makes the write atomic has a name of bounded length.
* ``report`` says which files it wrote on one line each, whatever the file's name holds.
* A working directory that was deleted is named as such (exit 2, one line), not as a bare
  "No such file or directory".
* A file name in ``klachtregels.toml`` that holds a NUL character is a configuration error naming the
  key; one with letters outside ASCII is found where the file system's encoding is ASCII
  (``LC_ALL=C`` with UTF-8 mode off).
* ``python -O`` and ``python -X dev -W error`` run the README's command and the report as plain
  Python does; ``python -OO`` (docstrings dropped) prints the same JSON Schemas as are published.
* ``check`` without ``--as-of`` judges on today's Europe/Amsterdam day, whatever the machine's zone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import klachtregels
from klachtregels.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
REGISTER = str(EXAMPLES / "register.csv")
AS_OF = "2026-05-07"
_MAIN = "import sys; from klachtregels.cli import main; sys.exit(main(sys.argv[1:]))"
#: The folder the klachtregels under test is imported from.
_IMPORTED_FROM = str(Path(klachtregels.__file__).resolve().parents[1])


def _longest_name(folder: Path, suffix: str) -> str:
    """A file name of 255 bytes ending in ``suffix``; the test is skipped where the file system
    cannot hold one (a shorter limit, or a path too long as a whole on Windows)."""
    name = "n" * (255 - len(suffix)) + suffix
    try:
        (folder / name).touch()
        (folder / name).unlink()
    except OSError:  # pragma: no cover - a file system with a shorter limit
        pytest.skip("this file system does not hold a name of 255 bytes")
    return name


# --- a file name as long as the file system allows --------------------------------------------------


@pytest.mark.parametrize(
    ("args", "suffix"),
    [
        (["check", REGISTER, "--as-of", AS_OF, "--no-config", "-o", "sarif:{}"], ".sarif"),
        (["check", REGISTER, "--as-of", AS_OF, "--no-config", "-o", "{}"], ".txt"),
        (["check", REGISTER, "--as-of", AS_OF, "--no-config", "--write-baseline", "{}"], ".toml"),
        (["report", REGISTER, "--year", "2025", "--no-config", "--format", "json", "-o", "{}"], ".json"),
        (["report", REGISTER, "--year", "2025", "--no-config", "--review-notes", "{}"], ".json"),
        (["rules", "--format", "json", "-o", "{}"], ".json"),
        (
            [
                "obligations",
                str(EXAMPLES / "complaint.json"),
                "--as-of",
                AS_OF,
                "--format",
                "ics",
                "-o",
                "{}",
            ],
            ".ics",
        ),
    ],
    ids=["check-o-sarif", "check-o", "write-baseline", "report-output", "review-notes", "rules-o", "ics"],
)
def test_an_output_may_have_the_longest_name(
    args: list[str], suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the temporary file was named ``.NAME.XXXXXXXX.tmp``: 14 bytes longer than NAME, so
    a name of 242 bytes or more failed with "File name too long" though the OS takes it."""
    monkeypatch.chdir(tmp_path)
    name = _longest_name(tmp_path, suffix)
    code = main([a.replace("{}", name) for a in args])
    assert code in (0, 1)
    written = (tmp_path / name).read_bytes()
    assert written
    if suffix in (".json", ".sarif"):
        json.loads(written)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


# --- report's status lines -----------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold a line break")
def test_report_names_what_it_wrote_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    output, notes = "report\nforged.md", "notes\x1b[31m\nforged.json"
    code = main(["report", REGISTER, "--year", "2025", "--no-config", "-o", output, "--review-notes", notes])
    assert code == 0
    assert (tmp_path / output).is_file()
    assert json.loads((tmp_path / notes).read_text(encoding="utf-8"))
    lines = capsys.readouterr().err.splitlines()
    assert not [line for line in lines if line.startswith("forged")]  # no line starts inside a name
    assert not [line for line in lines if "\x1b" in line]
    wrote = [line for line in lines if "report forged.md" in line or "naar notes forged.json" in line]
    assert len(wrote) == 2, lines


# --- a working directory that is gone ---------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot delete the working directory")
@pytest.mark.parametrize(
    "args",
    [
        ["check", REGISTER, "--as-of", AS_OF],  # looks for klachtregels.toml from there upwards
        ["check", REGISTER, "--as-of", AS_OF, "--no-config", "-o", "out.txt"],  # resolves out.txt
        ["report", REGISTER, "--year", "2025"],
    ],
    ids=["check", "check-output", "report"],
)
def test_a_deleted_working_directory_is_named(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert main(args) == 2
    assert (
        capsys.readouterr().err == "klachtregels: error: the working directory: No such file or directory\n"
    )


def test_a_deleted_working_directory_does_not_stop_a_run_that_needs_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.name == "nt":  # pragma: no cover
        pytest.skip("Windows cannot delete the working directory")
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert main(["deadline", "2026-03-24"]) == 0
    assert main(["check", REGISTER, "--as-of", AS_OF, "--no-config", "--fail-on", "never", "-q"]) == 0
    assert capsys.readouterr().err == ""


# --- file names in the configuration --------------------------------------------------------------


@pytest.mark.parametrize("key", ["organisation", "policy", "mapping", "baseline"])
def test_a_configured_file_name_with_a_nul_is_a_configuration_error(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, ``open()`` raised ``ValueError: embedded null byte`` out of the run (a traceback)."""
    (tmp_path / "klachtregels.toml").write_text(f'{key} = "secret\\u0000name.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", REGISTER, "--as-of", AS_OF]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"klachtregels.toml: {key}: must be a file name or a name: it holds a NUL character" in err
    assert "secret" not in err


_ASCII_FILE_SYSTEM = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def _ascii_file_system() -> bool:
    """Whether a Python started with :data:`_ASCII_FILE_SYSTEM` names files in ASCII (Linux; macOS
    and Windows always use UTF-8)."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONIOENCODING", "LANG"}}
    env.update(_ASCII_FILE_SYSTEM)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() == "ascii"


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux names files in ASCII under LC_ALL=C")
def test_a_configured_file_name_outside_ascii_is_found_on_an_ascii_file_system(tmp_path: Path) -> None:
    """Before, ``organisation = "organisatie-é.toml"`` stopped the run with a ``UnicodeEncodeError``
    traceback under ``LC_ALL=C`` (a policy so named was "not found"): the name is the UTF-8 bytes a
    UTF-8 system wrote."""
    if not _ascii_file_system():  # pragma: no cover - a Python that forces UTF-8 mode
        pytest.skip("this Python does not name files in ASCII under LC_ALL=C")
    (tmp_path / "organisatie-é.toml").write_bytes((EXAMPLES / "organisation.toml").read_bytes())
    (tmp_path / "beleid-é.toml").write_bytes((EXAMPLES / "policy.toml").read_bytes())
    config = 'organisation = "organisatie-é.toml"\npolicy = "beleid-é.toml"\nlang = "en"\n'
    (tmp_path / "klachtregels.toml").write_text(config, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONIOENCODING", "GITHUB_STEP_SUMMARY"}}
    env.update(_ASCII_FILE_SYSTEM)
    # The klachtregels under test, from any working directory (a relative PYTHONPATH would not be).
    env["PYTHONPATH"] = os.pathsep.join([_IMPORTED_FROM, *filter(None, [os.environ.get("PYTHONPATH")])])
    done = subprocess.run(
        [sys.executable, "-c", _MAIN, "check", REGISTER, "--as-of", AS_OF, "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # the example register has errors
    assert done.stderr == b""
    result = json.loads(done.stdout)
    assert result["policy"] == "voorbeeldtuin"  # the configured policy, not the statutory one
    assert result["organisation_file"].startswith(str(tmp_path))
    assert any(f["subject"] == "organisation" for f in result["findings"])


# --- python -O, -OO, -X dev -W error -----------------------------------------------------------------

#: The README's main command, and the annual report with its review notes.
_README = ["check", "examples/register.csv", "--org", "examples/organisation.toml"]
_README += ["--policy", "examples/policy.toml", "--as-of", AS_OF, "--fail-on", "never"]
_REPORT = ["report", "examples/register.csv", "--year", "2025", "--org", "examples/organisation.toml"]


def _run_with(flags: list[str], args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_STEP_SUMMARY", "PYTHONWARNINGS"}}
    env["PYTHONPATH"] = os.pathsep.join([_IMPORTED_FROM, *filter(None, [os.environ.get("PYTHONPATH")])])
    return subprocess.run(
        [sys.executable, *flags, "-c", _MAIN, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
        timeout=300,
    )


@pytest.mark.parametrize("flags", [["-O"], ["-X", "dev", "-W", "error"]], ids=["O", "dev-W-error"])
@pytest.mark.parametrize("command", ["readme", "report"])
def test_python_flags_change_nothing(flags: list[str], command: str, tmp_path: Path) -> None:
    """Asserts removed, or every warning an error and the development mode's checks (an unclosed
    file is a ResourceWarning, reported on standard error): the same output, nothing more said."""
    args = _README if command == "readme" else [*_REPORT, "--format", "html", "--review-notes", "{}"]
    plain_notes, flagged_notes = tmp_path / "plain.json", tmp_path / "flagged.json"
    plain = _run_with([], [a.replace("{}", str(plain_notes)) for a in args], ROOT)
    flagged = _run_with(flags, [a.replace("{}", str(flagged_notes)) for a in args], ROOT)
    assert plain.returncode == 0, plain.stderr
    assert flagged.returncode == 0, flagged.stderr
    assert flagged.stdout == plain.stdout
    assert flagged.stderr == plain.stderr.replace(b"plain.json", b"flagged.json")
    if command == "report":
        assert flagged_notes.read_bytes() == plain_notes.read_bytes()


# --- python -OO: the schemas ----------------------------------------------------------------------


@pytest.mark.parametrize("which", ["register", "complaint"])
def test_the_schemas_are_the_published_ones_without_docstrings(which: str) -> None:
    """Under ``python -OO`` a class's description came from ``__doc__`` (then ``None``), so the printed
    schema lost descriptions and differed from ``klachtregels/schemas/``."""
    done = _run_with(["-OO"], ["schema", which], ROOT)
    assert done.returncode == 0, done.stderr
    published = Path(klachtregels.__file__).parent / "schemas" / f"{which}.schema.json"
    assert done.stdout.decode("utf-8") == published.read_text(encoding="utf-8")


# --- today, in Amsterdam -------------------------------------------------------------------------


class _Clock(dt.datetime):
    """``datetime`` whose ``now`` is :attr:`instant` (an aware date-time), in the zone asked for."""

    instant = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
        return cls.instant.astimezone(tz) if tz is not None else cls.instant.astimezone().replace(tzinfo=None)


@pytest.fixture(params=["Pacific/Kiritimati", "America/Adak", "UTC"])
def machine_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """The machine's own time zone (``TZ``), where Python can change it; put back afterwards."""
    import time

    if not hasattr(time, "tzset"):  # pragma: no cover - Windows: the zone cannot be changed in-process
        yield request.param
        return
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield request.param
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        ("2026-03-28T22:59:59+00:00", "2026-03-28"),  # 23:59:59 CET
        ("2026-03-28T23:00:00+00:00", "2026-03-29"),  # midnight CET; summer time starts that night
        ("2026-10-24T21:59:59+00:00", "2026-10-24"),  # 23:59:59 CEST
        ("2026-10-24T22:00:00+00:00", "2026-10-25"),  # midnight CEST; summer time ends that night
        ("2026-12-31T23:30:00+00:00", "2027-01-01"),  # still 2026 in UTC, already 2027 in Amsterdam
    ],
)
def test_check_without_as_of_judges_on_the_amsterdam_day(
    instant: str,
    day: str,
    machine_zone: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """docs/cli/check.md: ``--as-of`` defaults to today in Europe/Amsterdam, whatever the machine's
    zone (Kiritimati is UTC+14, Adak UTC-10/-9: on another day than Amsterdam around its midnight)."""
    from klachtregels.compliance import run

    clock = type("Clock", (_Clock,), {"instant": dt.datetime.fromisoformat(instant)})
    monkeypatch.setattr(run, "dt", types.SimpleNamespace(datetime=clock, date=dt.date))
    monkeypatch.chdir(tmp_path)
    assert run.today_in_amsterdam() == dt.date.fromisoformat(day)
    assert main(["check", REGISTER, "--format", "json", "--fail-on", "never", "--no-config"]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == day
