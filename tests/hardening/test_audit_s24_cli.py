"""Found by a hostile-input audit of the command line: echoed names and a wrong message.

* A mapping file's ``[columns]`` source names and ``[values.<column>]`` words were repeated in its
  error (``[columns] Jan de Vries: unknown target column nope``); a name that is no identifier is now
  said by its place in its table (``entry 1 (name not shown)``), as a target already was.
* ``check`` refused a named pipe (and ``<(...)``) given as REGISTER with ``no such file``, and said
  the same of a folder without naming it; a pipe is now read as ``report`` reads it, a folder and a
  missing file are named as every other file on the command line is (``FILE: reason``).
* ``--policy "Jan de Vries"`` repeated the name typed (``no policy named 'Jan de Vries'``).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.errors import PolicyError
from klachtregels.policy import load_policy, shipped_policies
from klachtregels.register.mapping import ColumnMapping, MappingError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "register.csv")
COMPLAINT = str(ROOT / "examples" / "complaint.json")
SECRET = "SECRETXYZ"
CHECK = ["check", "--no-config", "--as-of", "2026-05-07"]


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("klachtregels: error: ")
    assert "Traceback" not in err
    return lines[0]


# -- 1. mapping names -----------------------------------------------------------------------------


def test_mapping_source_names_and_words_are_not_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        'name = "x"\n'
        "[columns]\n"
        f'"Jan {SECRET} de Vries" = "nope"\n'
        f'"{SECRET}@example.nl" = "location"\n'
        f'"Piet {SECRET}" = "location"\n'
        "[values.channel]\n"
        f'"Anna {SECRET}@example.nl" = "nope2"\n',
        encoding="utf-8",
    )
    assert main([*CHECK, EXAMPLE, "--mapping", str(mapping)]) == 2
    line = _one_error_line(capsys)
    assert SECRET not in line
    assert str(mapping) in line  # the file is named
    assert "[columns] entry 1 (name not shown): unknown target column nope" in line
    assert "[columns] entry 2 (name not shown) and entry 3 (name not shown) both map to location" in line
    assert "[values.channel] entry 1 (name not shown): unknown value target nope2" in line


def test_mapping_target_that_is_no_identifier_is_not_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        f'[columns]\nlocatie = "Jan {SECRET}"\n[values.channel]\nbrief = "Anna {SECRET}"\n', encoding="utf-8"
    )
    assert main([*CHECK, EXAMPLE, "--mapping", str(mapping)]) == 2
    line = _one_error_line(capsys)
    assert SECRET not in line
    assert "[columns] locatie: unknown target column (not shown)" in line  # an identifier key is named
    assert "[values.channel] brief: unknown value target (not shown)" in line


def test_mapping_error_in_dutch_hides_the_names_too() -> None:
    with pytest.raises(MappingError) as caught:
        ColumnMapping.from_dict({"columns": {f"Jan {SECRET}": f"x {SECRET}"}}, name="map.toml")
    dutch = caught.value.render("nl")
    assert SECRET not in dutch
    assert SECRET not in str(caught.value)
    assert "item 1 (naam niet getoond): onbekende doelkolom (niet getoond)" in dutch


# -- 2. REGISTER that is a pipe, a folder, or missing ---------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_check_reads_a_named_pipe_as_report_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = main([*CHECK, EXAMPLE])
    from_file = capsys.readouterr().out
    fifo = tmp_path / "register.csv"
    os.mkfifo(fifo)
    data = Path(EXAMPLE).read_bytes()

    def feed() -> None:
        with fifo.open("wb") as writer:
            writer.write(data)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    code = main([*CHECK, str(fifo)])
    feeder.join(timeout=10)
    captured = capsys.readouterr()
    assert "no such file" not in captured.err
    assert code == expected
    assert captured.out == from_file.replace(EXAMPLE, str(fifo))


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd (process substitution)")
def test_check_takes_dev_fd_as_report_does(capsys: pytest.CaptureFixture[str]) -> None:
    lines = []
    for command in (["report", "--year", "2025"], CHECK):
        read, write = os.pipe()
        os.write(write, Path(EXAMPLE).read_bytes()[:1000])
        os.close(write)
        try:
            assert main([*command, f"/dev/fd/{read}"]) == 2
        finally:
            os.close(read)
        lines.append(_one_error_line(capsys))
    assert "no such file" not in lines[1]
    assert lines[0] == lines[1]  # the same words as report: what the name tells of the format


def test_check_a_folder_as_register_is_named_as_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert main([*CHECK, str(folder)]) == 2
    line = _one_error_line(capsys)
    assert main([*CHECK, EXAMPLE, "--org", str(folder)]) == 2  # as the CLI says it of any folder
    assert line == _one_error_line(capsys)
    assert line.startswith(f"klachtregels: error: {folder}: ")
    assert "no such file" not in line.casefold()


@pytest.mark.skipif(sys.platform == "win32", reason="the OS's own words")
def test_check_a_missing_register_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.csv"
    out = tmp_path / "out.json"
    assert main([*CHECK, EXAMPLE, str(missing), "-o", str(out)]) == 2
    assert _one_error_line(capsys) == f"klachtregels: error: {missing}: No such file or directory"
    assert not out.exists()  # refused before any output is opened


# -- 3. --policy ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [*CHECK, EXAMPLE, "--policy", f"Jan {SECRET} de Vries"],
        ["assess", COMPLAINT, "--as-of", "2026-05-07", "--policy", f"Jan {SECRET} de Vries"],
        ["policy", "show", f"Jan {SECRET} de Vries"],
    ],
)
def test_an_unknown_policy_is_not_echoed(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    line = _one_error_line(capsys)
    assert SECRET not in line
    assert "not a shipped policy" in line
    assert "no such file" in line
    assert all(name in line for name in shipped_policies())  # ours: listed


def test_load_policy_unknown_name_in_both_languages() -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(f"Jan {SECRET}")
    assert SECRET not in str(caught.value)
    dutch = caught.value.args[0].render("nl")
    assert SECRET not in dutch
    assert "geen meegeleverd beleid" in dutch
