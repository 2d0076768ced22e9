"""Fuzz: complaint JSON, policy, organisation and mapping TOML, and command-line arguments.

Each file starts from a shipped example and is damaged: a value replaced by junk of another type
or by a canary, keys added (identifier-like, or a name typed as a key), lines removed, bytes
broken, nesting deepened, the text cut short. Through the API the only exceptions are
:class:`~klachtregels.errors.KlachtregelsError` (and the documented ``OSError`` for files); through
the command line no traceback, exit 0/1/2, and exit 2 is one line that names the file. No error
ever shows a canary.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Final

import fuzz_helpers as fz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels import Complaint, assess, load_organisation, load_policy, read_register_all
from klachtregels.errors import KlachtregelsError

if TYPE_CHECKING:
    from pathlib import Path

EXAMPLES: Final = fz.ROOT / "examples"
REGISTER: Final = EXAMPLES / "register.csv"
VALUE: Final = fz.CANARY + "zy"  # planted in values
KEY: Final = fz.CANARY + "zx"  # planted in keys

# --------------------------------------------------------------------------------------------------
# Complaint JSON
# --------------------------------------------------------------------------------------------------

_JUNK_JSON: Final = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            0,
            -1,
            10**40,
            1.5,
            float("inf"),
            "",
            VALUE,
            f"brief van {VALUE}, Kerkstraat 12",
            f"{VALUE}'s",
            "2025-02-30",
            "9999-12-31",
            "0001-01-01",
            "2025-06-01T10:00+14:00",
            [],
            [VALUE],
            {},
            {f"{VALUE} x": VALUE},  # a key that is no identifier (one that is, is named)
        ]
    ),
    st.text(max_size=10),
    st.recursive(
        st.integers() | st.text(max_size=4), lambda inner: st.lists(inner, max_size=2), max_leaves=5
    ),
)


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


@st.composite
def complaint_documents(draw: st.DrawFn) -> str:
    """The example complaint (with its judgement), damaged one to three times, as JSON text."""
    document: Any = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        paths = fz.paths(document)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["value", "value", "key", "delete", "unwrap"]))
        target = document
        for step in path:
            target = target[step]
        if action == "value":
            document = _set(document, path, copy.deepcopy(draw(_JUNK_JSON)))  # never the shared constant
        elif action == "key" and isinstance(target, dict):
            target[draw(st.sampled_from(["nmae", f"{KEY} Jansen", f"Zoë {KEY}", "x" * 50, "__class__"]))] = (
                VALUE
            )
        elif action == "delete" and path:
            parent = document
            for step in path[:-1]:
                parent = parent[step]
            del parent[path[-1]]
        elif action == "unwrap" and isinstance(document, dict) and "complaint" in document:
            document = document["complaint"]
    text = json.dumps(document)
    cut = draw(st.sampled_from(["none", "none", "none", "truncate", "deep", "bytes"]))
    if cut == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif cut == "deep":
        text = text.replace("[]", "[" * 500 + "]" * 500, 1)
    elif cut == "bytes":
        text = text.replace('"', '"\udcff', 1)
    return text


def _write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    return path


@fz.fuzz(3.0)
@given(text=complaint_documents(), as_of=st.sampled_from([dt.date(2026, 5, 1), dt.date(2030, 1, 1)]))
def test_complaint_json_api(text: str, as_of: dt.date) -> None:
    """``Complaint.from_dict`` and ``assess``: a result or a typed error that shows no value."""
    fz.count("complaint JSON: Complaint.from_dict + assess (API)")
    try:
        data = json.loads(text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace"))
    except ValueError:
        return  # not JSON at all: the command-line target below covers it
    inner = data.get("complaint", data) if isinstance(data, dict) else data
    message = ""
    try:
        complaint = Complaint.from_dict(inner)
        json.dumps(assess(complaint, as_of=as_of).to_dict())
    except KlachtregelsError as exc:
        message = str(exc)
    assert not fz.leaked(message), message


@fz.fuzz(2.0)
@given(text=complaint_documents(), as_of=st.sampled_from(["2026-05-01", "2030-01-01", "2026-03-01"]))
def test_complaint_json_cli(text: str, as_of: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """``klachtregels assess FILE``: exit 0/2, an error names the file and shows no value."""
    fz.count("complaint JSON: klachtregels assess (CLI)")
    path = _write_text(tmp_path_factory.mktemp("assess") / "complaint.json", text)
    for extra in ([], ["--json"]):
        code, out, err = fz.run_cli(["assess", str(path), "--as-of", as_of, *extra])
        if code == 2:
            if "invalid command-line argument: --as-of" not in err:  # as_of before the receipt
                fz.assert_names_file(err, path)
            assert not fz.leaked(err), err
            assert "2026-03-16" not in err  # the receipt day in the file (a value) is not shown
        elif extra:
            json.loads(out)


# --------------------------------------------------------------------------------------------------
# Policy, organisation and mapping TOML
# --------------------------------------------------------------------------------------------------

_JUNK_TOML: Final = [
    '""',
    f'"Zoë {VALUE}"',
    f"'{VALUE} O''Brien'",
    "-1",
    "1e400",
    "nan",
    "99999999999999999999999",
    "true",
    "2025-02-30",
    "9999-12-31",
    "1979-05-27T07:32:00Z",
    "[]",
    f'["{VALUE}", 1]',
    "{}",
    f'{{ "{VALUE} x" = 1 }}',
    "[" * 200 + "]" * 200,
    '"6 weeks"',
    '"2 maanden"',
    '"0 working days"',
    '"-3 days"',
    '"1000000 weeks"',
    '"weeks"',
    '"\\u0000"',
    '"\\ud800"',
]
_SHIPPED: Final = {
    "policy": (EXAMPLES / "policy.toml").read_text(encoding="utf-8"),
    "organisation": (EXAMPLES / "organisation.toml").read_text(encoding="utf-8"),
    "mapping": (fz.ROOT / "src" / "klachtregels" / "mappings" / "partou.toml").read_text(encoding="utf-8"),
}


@st.composite
def toml_documents(draw: st.DrawFn, kind: str) -> str:
    """A shipped TOML file of ``kind`` with one to three lines damaged."""
    lines = _SHIPPED[kind].splitlines()
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "value", "key", "delete", "junk", "table"]))
        if action == "value" and "=" in lines[at] and not lines[at].lstrip().startswith("#"):
            lines[at] = lines[at].split("=", 1)[0] + "= " + draw(st.sampled_from(_JUNK_TOML))
        elif action == "key":
            key = draw(st.sampled_from(["nmae", f'"{KEY} Jansen"', f'"Zoë {KEY}"', "a.b.c", '"\\n"']))
            lines.insert(at, f"{key} = {draw(st.sampled_from(_JUNK_TOML))}")
        elif action == "delete":
            del lines[at]
        elif action == "junk":
            lines.insert(at, draw(st.text(max_size=20)))
        else:
            lines.insert(
                at,
                draw(st.sampled_from([f'["{KEY} Jansen"]', "[[locations]]", "[regulation]", "[values.x]"])),
            )
    return "\n".join(lines) + "\n"


_TOML_OPTIONS: Final = {"policy": "--policy", "organisation": "--org", "mapping": "--mapping"}


def _load(kind: str, path: Path) -> None:
    if kind == "policy":
        load_policy(path)
    elif kind == "organisation":
        load_organisation(path)
    else:
        read_register_all(REGISTER, mapping=str(path))


@fz.fuzz(3.0)
@given(kind=st.sampled_from(sorted(_SHIPPED)), data=st.data())
def test_toml_files_api_and_cli(
    kind: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Policy, organisation and mapping files: a typed error naming the file, never a value."""
    fz.count(f"TOML: {kind} file (API + CLI)")
    text = data.draw(toml_documents(kind))
    path = _write_text(tmp_path_factory.mktemp("toml") / f"{kind}.toml", text)
    # A mapping's [columns] and [values] keys are the provider's column headers and words: shown.
    allowed = {"?" + KEY[-2:]} if kind == "mapping" else set()
    try:
        _load(kind, path)
    except KlachtregelsError as exc:
        error = str(exc)
    else:
        error = ""
    assert fz.leaked(error) <= allowed, error
    command = "report" if data.draw(st.booleans()) else "check"
    when = ["--year", "2025"] if command == "report" else ["--as-of", "2025-12-01"]
    code, _out, err = fz.run_cli([command, str(REGISTER), *when, _TOML_OPTIONS[kind], str(path)])
    if code == 2:
        fz.assert_names_file(err, path)
        assert fz.leaked(err) <= allowed, err


# --------------------------------------------------------------------------------------------------
# Command-line arguments
# --------------------------------------------------------------------------------------------------

_DATES: Final = [
    "2025-06-01",
    "2025-02-29",
    "2024-02-29",
    "2025-1-1",
    "01-06-2025",
    "1 juni 2025",
    "２０２５-０６-０１",
    "+2025-06-01",
    "2025-06-01T25:00",
    "9999-12-31",
    "0000-01-01",
    "-1",
    "",
    " ",
    "\x00",
    "\ud800",
    "2025-06-01\n--format",
    VALUE,
]
_NUMBERS: Final = ["0", "7", "-1", "1e3", "10" * 20, "٣", "0x10", "", "nan", "1_000", " 7 ", VALUE]
_WORDS: Final = [
    "nl",
    "en",
    "de",
    "",
    "NL",
    "text",
    "md",
    "json",
    "\u202e",
    "cp1252",
    "utf-7",
    "rot13",
    "base64",
]


@st.composite
def arguments(draw: st.DrawFn) -> list[str]:
    """A command line: a sub-command with plausible and odd values for its options."""
    date, number, word = st.sampled_from(_DATES), st.sampled_from(_NUMBERS), st.sampled_from(_WORDS)
    register = str(REGISTER)
    choices = {
        "check": [
            ["--as-of", draw(date)],
            ["--due-soon", draw(number)],
            ["--consult-within", draw(number)],
            ["--lang", draw(word)],
            ["--format", draw(word)],
            ["--encoding", draw(word)],
            ["--delimiter", draw(st.sampled_from([";", ",,", "", "\t", '"', "\n", "é"]))],
            ["--fail-on", draw(word)],
        ],
        "report": [
            ["--year", draw(number)],
            ["--children", draw(number)],
            ["--previous", draw(number)],
            ["--lang", draw(word)],
            ["--encoding", draw(word)],
        ],
        "assess": [["--as-of", draw(date)], ["--due-soon-days", draw(number)], ["--lang", draw(word)]],
        "deadline": [
            ["--term", draw(st.sampled_from(["2 weken", "0 dagen", "-1 weeks", VALUE, "", "1e9 days"]))]
        ],
        "rules": [["--format", draw(word)], ["--lang", draw(word)]],
    }
    command = draw(st.sampled_from(sorted(choices)))
    options = [
        item for option in draw(st.lists(st.sampled_from(choices[command]), max_size=3)) for item in option
    ]
    positional = {
        "check": [register],
        "report": [register, "--year", "2025"],
        "assess": [str(EXAMPLES / "complaint.json"), "--as-of", "2026-06-01"],
        "deadline": [draw(date)],
        "rules": [],
    }[command]
    return [command, *positional, *options]


@fz.fuzz(4.0)
@given(argv=arguments())
def test_command_line_arguments(argv: list[str]) -> None:
    """Any arguments: no traceback, exit 0/1/2, one line on error, and a date is never echoed."""
    fz.count("CLI arguments")
    code, _out, err = fz.run_cli(argv)
    if code == 2 and "--as-of" in err:  # a date is named, never shown (argparse shows other values)
        assert VALUE not in err, err


@pytest.mark.parametrize("encoding", ["rot13", "base64", "zip", "undefined", "idna", "punycode", "nonsense"])
@pytest.mark.parametrize("command", ["check", "report"])
def test_an_encoding_that_cannot_read_a_register_is_exit_2(encoding: str, command: str) -> None:
    """Found by this suite: ``--encoding rot13`` ended in a TypeError traceback (codecs that are no
    text encodings, or cannot replace a bad byte, are now refused like an unknown name). The name is not
    repeated in the error (an error never shows a typed value)."""
    when = ["--year", "2025"] if command == "report" else ["--as-of", "2025-12-01"]
    code, _out, err = fz.run_cli([command, str(REGISTER), *when, "--encoding", encoding])
    assert code == 2
    assert "unknown encoding" in err
    assert f"encoding {encoding}" not in err  # the typed name is not shown
    fz.assert_names_file(err, REGISTER)


def test_a_mapping_target_is_shown_only_when_identifier_like(tmp_path: Path) -> None:
    """A target column or value word that is no identifier may be anything typed there: not shown."""
    path = tmp_path / "map.toml"
    path.write_text(
        f'[columns]\nlocatie = "locaton"\nnaam = "{VALUE} Jansen"\n[values.verdict]\nJa = "Zoë {VALUE}"\n',
        encoding="utf-8",
    )
    code, _out, err = fz.run_cli(["check", str(REGISTER), "--mapping", str(path), "--as-of", "2025-12-01"])
    assert code == 2
    assert "locaton" in err  # a typo is named, with a hint
    assert "locaton (location?)" in err
    assert not fz.leaked(err), err
    assert err.count("(not shown)") == 2
