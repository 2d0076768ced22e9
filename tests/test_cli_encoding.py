"""Standard output and error that cannot hold every character (ASCII under ``LC_ALL=C`` or
``PYTHONIOENCODING=ascii``; Windows-1252, Python's encoding for a redirected output on a Dutch Windows)
never stop a command with a ``UnicodeEncodeError``: the command line writes UTF-8, the same bytes as
where the encoding is UTF-8, with the same exit code. A host that runs ``main()`` in-process gets its
streams back in their own encoding.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from klachtregels.cli import _in_utf8, main

ROOT = Path(__file__).resolve().parents[1]
_MAIN = "import sys; from klachtregels.cli import main; sys.exit(main(sys.argv[1:]))"
REGISTER = str(ROOT / "examples" / "register.csv")

COMMANDS = {
    "deadline": ["deadline", "2026-03-24"],  # "→" in the explanation
    "rules": ["rules"],  # "→" and "≥"
    "rules-en": ["rules", "R12", "--lang", "en"],
    "calendar": ["calendar", "2026"],
    "assess": ["assess", str(ROOT / "examples" / "complaint.json"), "--as-of", "2026-05-07"],
    "check-text": ["check", REGISTER, "--as-of", "2026-05-07", "--fail-on", "never"],  # "·"
    "check-json": ["check", REGISTER, "--as-of", "2026-05-07", "--format", "json"],  # exit 1: errors
    "check-junit": ["check", REGISTER, "--as-of", "2026-05-07", "--format", "junit", "--fail-on", "never"],
    "report": ["report", REGISTER, "--year", "2025"],  # "geïnformeerd" on standard error
    "policy-lint": ["policy", "lint", "smallsteps"],
    "bad-date": ["deadline", "2026-02-30"],  # an error: one line on standard error, exit 2
}

ENVIRONMENTS = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "C-locale": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


def _run(
    args: list[str], extra: dict[str, str], stdin: bytes | None = None, cwd: Path = ROOT
) -> tuple[int, bytes, bytes]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"GITHUB_STEP_SUMMARY", "PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG"}
    }
    env.update(extra)
    done = subprocess.run(
        [sys.executable, "-c", _MAIN, *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def in_utf8() -> dict[str, tuple[int, bytes, bytes]]:
    """Every command run with UTF-8 standard streams: what the other encodings must give."""
    return {name: _run(args, {"PYTHONIOENCODING": "utf-8"}) for name, args in COMMANDS.items()}


def test_the_commands_write_characters_outside_ascii_and_windows_1252(
    in_utf8: dict[str, tuple[int, bytes, bytes]],
) -> None:
    """The premise: without the UTF-8 output these commands would fail in ASCII (all) and in
    Windows-1252 (those with an arrow or a sign)."""
    written = {name: out + err for name, (_, out, err) in in_utf8.items()}
    ascii_only = {name for name, text in written.items() if text.isascii()}
    assert ascii_only == {"calendar", "assess", "bad-date"}
    for name in ("deadline", "rules"):
        with pytest.raises(UnicodeEncodeError):
            written[name].decode("utf-8").encode("cp1252")
    assert [code for code, _, _ in in_utf8.values()] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
@pytest.mark.parametrize("command", COMMANDS)
def test_any_output_encoding_gives_the_utf_8_output(
    command: str, environment: str, in_utf8: dict[str, tuple[int, bytes, bytes]]
) -> None:
    code, out, err = _run(COMMANDS[command], ENVIRONMENTS[environment])
    assert b"Traceback" not in err
    assert b"UnicodeEncodeError" not in err
    assert (code, out, err) == in_utf8[command]


#: Commands that read the register from standard input (``-``): bytes, whatever the streams' encoding.
FROM_STDIN = {
    "check-stdin": ["check", "-", "--as-of", "2026-05-07", "--fail-on", "never"],
    "report-stdin": ["report", "-", "--year", "2025", "--format", "json"],
}


@pytest.mark.parametrize("environment", ENVIRONMENTS)
@pytest.mark.parametrize("command", FROM_STDIN)
def test_a_register_from_standard_input_reads_the_same_in_any_encoding(
    command: str, environment: str
) -> None:
    # UTF-8 with letters outside ASCII and Windows-1252, which the outputs show (a location, a category)
    register = Path(REGISTER).read_bytes().replace(b"KDV De Voorbeeldtuin", "KDV Zoë → Ωmega".encode())
    register = register.replace(b"Planning en plaatsing", "Planning · plaatsing".encode())
    expected = _run(FROM_STDIN[command], {"PYTHONIOENCODING": "utf-8"}, register)
    assert expected[0] == 0
    assert not expected[1].isascii()
    if command == "report-stdin":  # the report shows the location (check shows ids and findings)
        assert "Zoë → Ωmega".encode() in expected[1]
    assert _run(FROM_STDIN[command], ENVIRONMENTS[environment], register) == expected


#: Commands that name a file whose name holds an "é" (in the output, in an error, in a written file's name).
NAMED_E = {
    "check-text": ["check", "registeré.csv", "--as-of", "2026-05-07", "--fail-on", "never"],
    "check-github": ["check", "registeré.csv", "--as-of", "2026-05-07", "--format", "github"],
    "check-json": ["check", "registeré.csv", "--as-of", "2026-05-07", "--format", "json"],
    "check-missing": ["check", "geën.csv"],
    "report-output": ["report", "registeré.csv", "--year", "2025", "--output", "verslagé.md"],
    "assess-missing": ["assess", "klachté.json", "--as-of", "2026-05-07"],
}


@pytest.mark.skipif(sys.platform != "linux", reason="a file name as UTF-8 bytes needs a byte file system")
@pytest.mark.parametrize("command", NAMED_E)
def test_a_file_name_with_an_e_acute_is_shown_as_it_is_under_the_c_locale(
    command: str, tmp_path: Path
) -> None:
    # Under LC_ALL=C with UTF-8 mode off Python reads the name's bytes C3 A9 as two undecodable
    # bytes (surrogateescape). Before, each was shown as U+FFFD ("registerXX.csv"); now the name
    # reads as where the locale is UTF-8.
    (tmp_path / "registeré.csv").write_bytes(Path(REGISTER).read_bytes())
    expected = _run(NAMED_E[command], {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}, cwd=tmp_path)
    shown = expected[1] + expected[2]
    assert any(arg.encode() in shown for arg in NAMED_E[command] if not arg.isascii())  # the premise
    got = _run(NAMED_E[command], ENVIRONMENTS["C-locale"], cwd=tmp_path)
    assert b"Traceback" not in got[2]
    assert "\ufffd".encode() not in got[1] + got[2]
    assert got == expected


class _Host(io.TextIOWrapper):
    """A host's ASCII standard stream, its bytes kept."""

    def __init__(self, errors: str = "strict") -> None:
        self.raw_bytes = io.BytesIO()
        super().__init__(self.raw_bytes, encoding="ascii", errors=errors, write_through=True)


def test_main_in_process_writes_utf_8_and_gives_the_host_its_streams_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, err = _Host(), _Host()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["deadline", "2026-03-24"]) == 0
    assert main(["deadline", "2026-02-30"]) == 2
    assert (out.encoding, out.errors, err.encoding, err.errors) == ("ascii", "strict", "ascii", "strict")
    written = out.raw_bytes.getvalue().decode("utf-8")
    assert "→" in written
    assert "woensdag 6 mei 2026" in written
    assert err.raw_bytes.getvalue().decode("utf-8").startswith("klachtregels")


def test_a_stream_without_an_encoding_is_left_as_it_is(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text)
    assert main(["deadline", "2026-03-24"]) == 0
    assert "→" in text.getvalue()
    assert sys.stdout is text


def test_the_stream_keeps_its_error_handler() -> None:
    """Standard error's ``backslashreplace`` (Python's default there) stays: a lone surrogate (a file
    name the file system's encoding could not decode) is shown escaped, never an error."""
    stream = _Host(errors="backslashreplace")
    undo = _in_utf8(stream)
    assert undo is not None
    assert (stream.encoding, stream.errors) == ("utf-8", "backslashreplace")
    stream.write("verslag\udceb.md → ok")
    assert stream.raw_bytes.getvalue() == "verslag\\udceb.md → ok".encode()
    undo()
    assert (stream.encoding, stream.errors) == ("ascii", "backslashreplace")
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="UTF8")
    assert _in_utf8(utf8) is None  # any spelling of UTF-8 is left alone
    assert utf8.encoding == "UTF8"
