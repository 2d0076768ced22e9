"""Output options never destroy a file they were not meant to write.

* ``atomic_writer`` follows a symbolic link (the file it points to is replaced, the link stays) and
  writes an existing file that is not a regular one (a named pipe, a device) directly, never
  replacing it with a regular file.
* No command writes an output onto one of its inputs (registers, ``--org``, ``--policy``,
  ``--mapping``, ``--baseline``, ``--previous``, the configuration, a complaint file...), nor two
  outputs to one file, by whatever name (``./a.txt``, a symbolic or a hard link): exit 2, one line,
  before anything is read or written. ``--baseline FILE --write-baseline FILE`` (a baseline updated
  in place, tests/test_baseline.py) stays allowed.

Everything is written under ``tmp_path``; no test writes to a device.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest

from klachtregels._io import atomic_write_text, atomic_writer
from klachtregels.baseline import load_baseline
from klachtregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-05-07"
#: Longer than a pipe holds (64 KiB on Linux): a reader that goes away is met for certain.
_LONG = "x" * (1 << 20)


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


class _Reader:
    """A thread reading a named pipe to its end (as ``cat fifo``), or ``limit`` bytes then closing it."""

    def __init__(self, fifo: Path, limit: int | None = None) -> None:
        self.data = b""
        self._fifo = fifo
        self._limit = limit
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        with self._fifo.open("rb") as pipe:  # blocks until a writer opens the pipe
            self.data = pipe.read() if self._limit is None else pipe.read(self._limit)

    def result(self) -> bytes:
        self._thread.join(timeout=30)
        assert not self._thread.is_alive(), "the reader never saw the end of the output"
        return self.data


def _fifo(folder: Path, name: str = "out.pipe") -> Path:
    if not hasattr(os, "mkfifo"):  # pragma: no cover - Windows has no named pipes in the file system
        pytest.skip("no named pipes on this platform")
    path = folder / name
    os.mkfifo(path)
    return path


def _no_temporary_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if a temporary file (the atomic route) is made at all."""

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a temporary file was made for a file that is not a regular one")

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def _inputs(tmp_path: Path) -> dict[str, Path]:
    """Copies of the example inputs (and small stand-ins) in ``tmp_path``."""
    files = {
        "register": tmp_path / "register.csv",
        "org": tmp_path / "organisation.toml",
        "policy": tmp_path / "policy.toml",
        "complaint": tmp_path / "complaint.json",
    }
    shutil.copy(EXAMPLES / "register.csv", files["register"])
    shutil.copy(EXAMPLES / "organisation.toml", files["org"])
    shutil.copy(EXAMPLES / "policy.toml", files["policy"])
    shutil.copy(EXAMPLES / "complaint.json", files["complaint"])
    for name, text in {
        "mapping": "[columns]\n",
        "baseline": "",
        "previous": "total = 10\n",
        "keywords": "# keywords\n",
        "geschillen": "id\n",
        "config": "lang = 'en'\n",
    }.items():
        files[name] = tmp_path / f"{name}.toml"
        files[name].write_text(text, encoding="utf-8")
    return files


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of ``folder``: a file's bytes, a link's target."""
    return {
        p.name: str(p.readlink()) if p.is_symlink() else p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_symlink() or p.is_file()  # never a pipe: reading one would wait for a writer
    }


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The one-line error of a refused run (exit 2, nothing on standard output)."""
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert captured.out == ""
    assert captured.err.startswith("klachtregels: error: invalid command-line argument: ")
    assert captured.err.count("\n") == 1
    return captured.err


def _check(register: Path | str, *more: str) -> list[str]:
    return ["check", str(register), "--as-of", AS_OF, "--no-config", *more]


def _report(register: Path | str, *more: str) -> list[str]:
    return ["report", str(register), "--year", "2025", "--no-config", *more]


# --------------------------------------------------------------------------------------------------
# atomic_writer: links are followed, files that are not regular ones are written directly
# --------------------------------------------------------------------------------------------------


def test_a_named_pipe_is_written_directly_and_stays_a_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = _fifo(tmp_path)
    _no_temporary_files(monkeypatch)
    reader = _Reader(fifo)
    atomic_write_text(fifo, "heel de uitvoer\n")
    assert reader.result() == b"heel de uitvoer\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.pipe"]


def test_a_named_pipe_in_binary_mode(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path)
    reader = _Reader(fifo)
    with atomic_writer(fifo, binary=True) as stream:
        stream.write(b"%PDF-1.7\n")
    assert reader.result() == b"%PDF-1.7\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_pipe_whose_reader_goes_away_is_an_error_naming_it(tmp_path: Path) -> None:
    """Not a BrokenPipeError: the command line takes that for standard output closed (exit 0)."""
    fifo = _fifo(tmp_path)
    reader = _Reader(fifo, limit=1)
    with pytest.raises(OSError, match="Broken pipe") as caught:
        atomic_write_text(fifo, _LONG)
    reader.result()
    assert not isinstance(caught.value, BrokenPipeError)
    assert caught.value.filename == str(fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_is_opened_directly_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A character device (as the null device), told by its mode: opened in place, no temporary file,
    no rename. A regular file in ``tmp_path`` stands in for it; the device is never touched."""
    device = tmp_path / "device"
    device.write_bytes(b"")
    inode = device.stat().st_ino
    real_stat, real_fstat = os.stat, os.fstat

    def as_device(result: os.stat_result) -> os.stat_result:
        if result.st_ino != inode:
            return result
        fields = list(result)
        fields[stat.ST_MODE] = stat.S_IFCHR | 0o666
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", lambda *a, **k: as_device(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: as_device(real_fstat(fd)))
    monkeypatch.setattr(os, "replace", lambda *a, **k: pytest.fail("a device was replaced"))
    _no_temporary_files(monkeypatch)
    atomic_write_text(device, "weggeschreven\n")
    monkeypatch.undo()
    assert device.stat().st_ino == inode  # the same file, written in place
    assert device.read_text(encoding="utf-8") == "weggeschreven\n"
    assert [p.name for p in tmp_path.iterdir()] == ["device"]


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "report.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "report-link.md"
    link.symlink_to(target)
    atomic_write_text(link, "new\n")
    assert link.is_symlink()
    assert link.readlink() == target
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640  # the target's permissions kept
    # The temporary file was made next to the target (one file system) and is gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "report-link.md"]
    assert [p.name for p in elsewhere.iterdir()] == ["report.md"]


def test_a_relative_link_and_a_link_to_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old\n", encoding="utf-8")
    relative = tmp_path / "relative.txt"
    relative.symlink_to("real.txt")
    atomic_write_text(relative, "via the link\n")
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "via the link\n"
    assert str(relative.readlink()) == "real.txt"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to("new.txt")
    atomic_write_text(dangling, "made\n")  # as open(dangling, "w") would: the target is made
    assert dangling.is_symlink()
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == "made\n"


def test_a_failed_write_through_a_link_leaves_the_target_and_names_the_link(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("the good one\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(link, "lone surrogate \ud800")

    def half_then_fail() -> None:
        with atomic_writer(link) as stream:
            stream.write("half")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        half_then_fail()
    assert target.read_text(encoding="utf-8") == "the good one\n"
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "out.json"]


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("folder", "Is a directory"),
        ("loop", "Too many levels of symbolic links"),
        ("missing folder", "No such file or directory"),
    ],
)
def test_os_errors_name_the_path_asked_for(kind: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "out"
    if kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path)
    else:
        path = tmp_path / "missing" / "out"
    with pytest.raises(OSError, match=reason) as caught:
        atomic_write_text(path, "text\n")
    assert caught.value.filename == str(path)
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_regular_file_is_still_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    inode = target.stat().st_ino
    atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_ino != inode  # replaced in one step, not rewritten in place
    assert target.stat().st_mode & 0o777 == 0o600


# --------------------------------------------------------------------------------------------------
# The command line: file outputs that are pipes or links
# --------------------------------------------------------------------------------------------------


def test_check_writes_into_a_named_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    files = _inputs(tmp_path)
    fifo = _fifo(tmp_path)
    reader = _Reader(fifo)
    assert main(_check(files["register"], "-o", f"json:{fifo}")) == 1
    assert json.loads(reader.result())["summary"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert capsys.readouterr().err == ""


def test_check_output_to_a_pipe_whose_reader_goes_away_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the quiet exit 0 of standard output closed: a file output was not written whole."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    files = _inputs(tmp_path)
    big = tmp_path / "big.csv"
    lines = files["register"].read_text(encoding="utf-8").splitlines(keepends=True)
    big.write_text(lines[0] + "".join(line for _ in range(20) for line in lines[1:]), encoding="utf-8")
    fifo = _fifo(tmp_path)
    reader = _Reader(fifo, limit=1)
    assert main(_check(big, "-o", f"text:{fifo}")) == 2
    reader.result()
    err = capsys.readouterr().err
    assert err == f"klachtregels: error: {fifo}: Broken pipe\n"


def test_report_output_through_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _inputs(tmp_path)
    published = tmp_path / "published"
    published.mkdir()
    (published / "verslag.md").write_text("last year's\n", encoding="utf-8")
    link = tmp_path / "verslag.md"
    link.symlink_to(published / "verslag.md")
    assert main(_report(files["register"], "-o", str(link))) == 0
    capsys.readouterr()
    assert link.is_symlink()
    assert (published / "verslag.md").read_text(encoding="utf-8").startswith("# ")


# --------------------------------------------------------------------------------------------------
# The command line: an output onto an input is refused
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "output"),
    [
        ("check", ["-o", "{register}"]),
        ("check", ["-o", "json:{register}"]),
        ("check", ["--format", "sarif", "-o", "./{register_name}"]),
        ("check", ["--write-baseline", "{register}"]),
        ("report", ["-o", "{register}"]),
        ("report", ["--review-notes", "{register_md}"]),
    ],
)
def test_an_output_onto_the_register_is_refused(
    command: str,
    output: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _inputs(tmp_path)
    register = files["register"]
    if "{register_md}" in output:  # --review-notes needs a suffix it can write
        register = register.rename(tmp_path / "register.md")
    values = {"register": str(register), "register_name": register.name, "register_md": str(register)}
    argv = [a.format(**values) for a in output]
    before = _snapshot(tmp_path)
    runner = _check if command == "check" else _report
    err = _refused(runner(register, *argv), capsys)
    assert "REGISTER" in err
    assert "refusing to overwrite an input" in err
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("reads", "writes"),
    [
        (["--org", "{org}"], ["--write-baseline", "{org}"]),
        (["--org", "{org}"], ["-o", "{org}"]),
        (["--policy", "{policy}"], ["-o", "junit:{policy}"]),
        (["--mapping", "{mapping}"], ["--write-baseline", "{mapping}"]),
        (["--baseline", "{baseline}"], ["-o", "{baseline}"]),
        (["--config", "{config}"], ["--write-baseline", "{config}"]),
    ],
)
def test_check_refuses_an_output_onto_any_input(
    reads: list[str],
    writes: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = _inputs(tmp_path)
    values = {name: str(path) for name, path in files.items()}
    reads = [a.format(**values) for a in reads]
    writes = [a.format(**values) for a in writes]
    argv = ["check", str(files["register"]), "--as-of", AS_OF, *reads, *writes]
    if "--config" not in reads:
        argv.append("--no-config")
    # Nothing is read (not even the policy) before the refusal.
    monkeypatch.setattr("klachtregels.policy.load_policy", lambda *a: pytest.fail("an input was read"))
    before = _snapshot(tmp_path)
    err = _refused(argv, capsys)
    option = "--output" if writes[0] == "-o" else writes[0]
    assert f"{option}: " in err  # the output option, then the input option it collides with
    assert f"is read as {reads[0]}" in err
    assert _snapshot(tmp_path) == before


def test_check_refuses_overwriting_the_configuration_it_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _inputs(tmp_path)
    (tmp_path / "klachtregels.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    argv = ["check", str(files["register"]), "--as-of", AS_OF, "--write-baseline", "klachtregels.toml"]
    err = _refused(argv, capsys)
    assert "--write-baseline: klachtregels.toml is read as the configuration" in err
    assert _snapshot(tmp_path) == before


def test_an_input_set_by_the_configuration_is_an_input_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _inputs(tmp_path)
    config = tmp_path / "conf" / "klachtregels.toml"
    config.parent.mkdir()
    config.write_text('organisation = "../organisation.toml"\n', encoding="utf-8")
    before = _snapshot(tmp_path)
    argv = _check(files["register"], "--write-baseline", str(files["org"]))
    argv.remove("--no-config")
    err = _refused([*argv, "--config", str(config)], capsys)
    assert "is read as --org" in err
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("reads", "option"),
    [
        (["--org", "{org}"], "--output"),
        (["--policy", "{policy}"], "--output"),
        (["--mapping", "{mapping}"], "--output"),
        (["--previous", "{register}"], "--output"),
        (["--previous", "{previous}"], "--output"),
        (["--measure-keywords", "{keywords}"], "--output"),
        (["--geschillen", "{geschillen}"], "--output"),
        (["--geschillen", "{geschillen}", "--geschillen-mapping", "{mapping}"], "--output"),
        (["--config", "{config}"], "--output"),
    ],
)
def test_report_refuses_an_output_onto_any_input(
    reads: list[str],
    option: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = _inputs(tmp_path)
    values = {name: str(path) for name, path in files.items()}
    reads = [a.format(**values) for a in reads]
    argv = ["report", str(tmp_path / "other.csv"), "--year", "2025", *reads, option, reads[-1]]
    if "--config" not in reads:
        argv.append("--no-config")
    monkeypatch.setattr("klachtregels.register.read_register", lambda *a, **k: pytest.fail("read"))
    before = _snapshot(tmp_path)
    err = _refused(argv, capsys)
    assert f"{option}: " in err
    assert f"is read as {reads[-2]}" in err
    assert _snapshot(tmp_path) == before


def test_report_review_notes_onto_an_input_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _inputs(tmp_path)
    notes = files["keywords"].rename(tmp_path / "keywords.json")
    before = _snapshot(tmp_path)
    err = _refused(
        _report(files["register"], "--measure-keywords", str(notes), "--review-notes", str(notes)), capsys
    )
    assert "--review-notes: " in err
    assert "is read as --measure-keywords" in err
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("reads", [[], ["--policy", "{policy}"], ["--org", "{org}"]])
def test_obligations_refuses_an_output_onto_an_input(
    reads: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _inputs(tmp_path)
    values = {name: str(path) for name, path in files.items()}
    reads = [a.format(**values) for a in reads]
    target = reads[-1] if reads else str(files["complaint"])
    before = _snapshot(tmp_path)
    argv = ["obligations", str(files["complaint"]), "--as-of", AS_OF, *reads, "-o", target]
    err = _refused(argv, capsys)
    assert "--output: " in err
    assert f"is read as {reads[0] if reads else 'FILE'}" in err
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("how", ["symbolic link", "hard link", "dot slash"])
def test_the_same_input_by_another_name_is_refused(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _inputs(tmp_path)
    other = tmp_path / "other-name.csv"
    if how == "symbolic link":
        other.symlink_to(files["register"].name)
    elif how == "hard link":
        os.link(files["register"], other)
    else:
        other = Path(f"./sub/../{files['register'].name}")
        (tmp_path / "sub").mkdir()
    before = _snapshot(tmp_path)
    _refused(_check("register.csv", "-o", str(other)), capsys)
    _refused(_report("register.csv", "-o", str(other)), capsys)
    assert _snapshot(tmp_path) == before


# --------------------------------------------------------------------------------------------------
# The command line: two outputs to one file are refused
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "outputs",
    [
        ["-o", "a.txt", "--write-baseline", "a.txt"],
        ["-o", "text:a.txt", "--write-baseline", "./a.txt"],
        ["-o", "json:a.txt", "-o", "sarif:./a.txt"],
        ["-o", "a.txt", "-o", "json:link.txt"],
        ["-o", "sarif:out/../a.txt", "--write-baseline", "link.txt"],
    ],
)
def test_check_refuses_two_outputs_to_one_file(
    outputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "link.txt").symlink_to("a.txt")  # a link to a file not there yet
    before = _snapshot(tmp_path)
    err = _refused(_check(files["register"], *outputs), capsys)
    second = "--write-baseline" if "--write-baseline" in outputs else "--output"
    assert f"{second}: " in err
    assert "same file" in err
    assert _snapshot(tmp_path) == before


def test_check_refuses_two_outputs_to_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _inputs(tmp_path)
    kept = tmp_path / "a.txt"
    kept.write_text("keep me\n", encoding="utf-8")
    os.link(kept, tmp_path / "hard.txt")
    before = _snapshot(tmp_path)
    err = _refused(
        _check(files["register"], "-o", str(kept), "--write-baseline", str(tmp_path / "hard.txt")), capsys
    )
    assert "--write-baseline: goes to the same file as --output" in err
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("notes", ["same.md", "./same.md", "link.md"])
def test_report_refuses_the_review_notes_and_the_report_in_one_file(
    notes: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.md").symlink_to("same.md")
    before = _snapshot(tmp_path)
    err = _refused(_report(files["register"], "--review-notes", notes, "-o", "same.md"), capsys)
    assert "--review-notes: goes to the same file as --output" in err
    assert _snapshot(tmp_path) == before


def test_errors_name_the_options_and_the_file_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The message names the colliding options and the output's file name, nothing the files hold."""
    files = _inputs(tmp_path)
    err = _refused(
        _check(files["register"], "--org", str(files["org"]), "--write-baseline", str(files["org"])), capsys
    )
    assert err == (
        "klachtregels: error: invalid command-line argument: "
        f"--write-baseline: {files['org']} is read as --org: refusing to overwrite an input\n"
    )
    err = _refused(_report(files["register"], "--review-notes", "x.md", "-o", "x.md"), capsys)
    assert err == (
        "klachtregels: error: invalid command-line argument: "
        "--review-notes: goes to the same file as --output (x.md): one output would be lost\n"
    )


# --------------------------------------------------------------------------------------------------
# What stays allowed
# --------------------------------------------------------------------------------------------------


def test_a_baseline_is_updated_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--baseline FILE --write-baseline FILE``: the tested way to update a baseline (test_baseline.py)."""
    files = _inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    baseline = tmp_path / "klachtregels-baseline.toml"
    argv = _check(files["register"], "--baseline", str(baseline), "--write-baseline", f"./{baseline.name}")
    assert main(argv) == 1  # a new baseline: the rejected row still fails the run
    written = load_baseline(baseline)
    assert written
    assert main(argv) == 1
    assert len(load_baseline(baseline)) == len(written)
    capsys.readouterr()


def test_a_baseline_from_the_configuration_is_updated_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _inputs(tmp_path)
    (tmp_path / "klachtregels.toml").write_text('baseline = "kept.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = ["check", str(files["register"]), "--as-of", AS_OF, "--write-baseline", "kept.toml"]
    assert main(argv) == 1
    assert load_baseline(tmp_path / "kept.toml")
    capsys.readouterr()


def test_a_shipped_policy_name_is_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--policy smallsteps`` reads the shipped policy, never a file of that name: writing one is fine."""
    files = _inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(_check(files["register"], "--policy", "smallsteps", "-o", "smallsteps")) == 1
    assert (tmp_path / "smallsteps").read_text(encoding="utf-8").startswith("klachtregels check")
    capsys.readouterr()


def test_outputs_to_different_files_and_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    files = _inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    argv = _check(files["register"], "-o", "text:-", "-o", "json:a.json", "--write-baseline", "b.toml")
    assert main(argv) == 1
    assert capsys.readouterr().out.startswith("klachtregels check")
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["summary"]
    assert load_baseline(tmp_path / "b.toml")
