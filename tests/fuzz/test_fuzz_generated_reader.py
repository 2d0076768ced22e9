"""Fuzz: hostile headers, mappings and cells against the reader's generated code (issue 8 follow-up).

The CSV row reader is generated per header and the model objects are built by generated builders
(``register.reader._cells_reader``, ``register.assemble.BUILDERS``). Each input is a register whose
header spells the documented columns in any accepted way, in any order, among hostile names
(keywords, dunders, the generated code's own local names, quotes, braces, NUL, line breaks), with
some columns renamed to hostile names by a mapping (with value tables keyed by hostile words, an
``ignore`` list of hostile names and defaults for columns the file lacks), and
cells that are Python expressions, odd numbers, dates in other digits, words with homoglyphs or
invisible characters, and canaries. For every input:

* nothing of the file is ever code: the generated sources hold no header or cell, and the
  expression planted everywhere never runs;
* the read balances and the generated CSV path reads each row as the per-cell JSON Lines path does
  (the same records, and the same problems on the same columns);
* a second read with another mapping in between reads the same (no cache carries a mapping over);
* no canary in any error; the command line agrees with the API on the accounting.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, Final

import attrs
import fuzz_helpers as fz
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.errors import RegisterError
from klachtregels.register import COLUMNS, Column, ColumnKind, ColumnMapping, read_register_all
from klachtregels.register.mapping import header_index
from klachtregels.register.spec import norm_header
from reader_helpers import no_code_from_the_file

if TYPE_CHECKING:
    import contextlib
    from pathlib import Path

    import pytest

    from klachtregels.register import RegisterResult

PWNED: Final = "KLACHTREGELS_FUZZ_PWNED"
EXPRESSION: Final = f"__import__('builtins').__setattr__('{PWNED}', 1)"
#: Header names no column has: Python's words, the generated code's own names, quoting and braces.
#: (No surrounding space: CSV strips a header cell, JSON keeps its key as written.)
NAMES: Final = (
    "class",
    "def",
    "None",
    "lambda",
    "import",
    "__class__",
    "__init__",
    "__dict__",
    "__builtins__",
    EXPRESSION,
    "cells",
    "values",
    "problems",
    "cell",
    "v",
    "g0",
    "s1",
    "m2",
    "_read",
    "_unseen",
    "_max",
    "kw",
    "get",
    "self",
    "_cls",
    "a'b",
    'a"b',
    "a\\b",
    "{0}",
    "{x!r}",
    "%s%n",
    "a\x00b",
    "a\nb",
    "x" * 300,
    "Opmerking ouder",
)
#: Cells that would do harm if they were code, and values at the edge of each kind.
CELLS: Final = (
    EXPRESSION,
    "1e999",
    "NaN",
    "-0",
    "Infinity",
    "２０２６-０１-０１",
    "٢٠٢٦-٠١-٠١",
    "０１-０３-２０２６",
    "1 maart ２０２６",
    "2026-03-01T１２:00",
    "gegr\u200bond",
    "gеgrond",  # Cyrillic e
    "ｇｅｇｒｏｎｄ",
    "ja\u200d",
    "email\u00ad",
    "{0}",
    "%s%n",
    "\\",
    "__class__",
    "None",
    "True",
    "a\nb",
    "\x00",
    '"',
    "''",
    "9" * 5000,
)
#: Words a mapping's value table may hold (and cells then use).
WORDS: Final = ("{0}", "%s", "__class__", EXPRESSION, "None")


def _spellings(column: Column) -> list[str]:
    """Header names that give ``column``: its name in several cases and separators, its aliases."""
    spaced = column.name.replace("_", " ")
    names = [column.name, column.name.upper(), spaced, spaced.title(), column.name.replace("_", "-")]
    names += [alias.replace("_", " ").capitalize() for alias in (*column.nl, *column.en)]
    return [*names, f" {names[-1]}\t"]


def _target_word(column: Column) -> str:
    """A word ``column``'s value table may translate to (and a default it may state)."""
    if column.kind is ColumnKind.BOOL:
        return "ja"
    if column.kind is ColumnKind.DATE:
        return "2026-03-01"
    if column.kind is ColumnKind.MEASURES:
        return "geen"
    if column.vocabulary is None:
        return "Vertaald"
    return next(iter(column.vocabulary)).value


#: The kinds of column a mapping's value table may translate.
_TRANSLATED: Final = (ColumnKind.ENUM, ColumnKind.ENUM_LIST, ColumnKind.BOOL, ColumnKind.TEXT)


@st.composite
def _cell(draw: st.DrawFn, column: Column, words: tuple[str, ...]) -> str:
    choice = draw(st.integers(0, 9))
    if choice <= 2:
        return draw(fz.good_cell(column.name))
    if choice <= 5:
        return draw(st.sampled_from(CELLS))
    if choice <= 7:
        return draw(st.sampled_from(["", "Klacht ", "juf ", "'"])) + fz.canary(column.name)
    return draw(st.sampled_from(words)) if words else ""


@attrs.frozen
class Register:
    """One drawn register: its header, rows (equal width) and mapping (or None)."""

    header: list[str]
    rows: list[list[str]]
    mapping: ColumnMapping | None


@st.composite
def registers(draw: st.DrawFn) -> Register:
    """A header of documented columns (``id`` first in the draw, any position in the file), renamed
    ones and hostile unknown ones; a mapping (renames, value tables, ignored names, defaults) or
    none; rows with an id each (so none is blank)."""
    others = draw(st.lists(st.sampled_from(COLUMNS[1:]), max_size=8, unique_by=lambda c: c.name))
    known = [COLUMNS[0], *others]
    names = [draw(st.sampled_from(_spellings(c))) for c in known]
    renamed: dict[str, str] = {}
    for index in draw(st.lists(st.integers(0, len(known) - 1), unique=True, max_size=3)):
        name = draw(st.sampled_from(NAMES))
        renamed[name] = known[index].name
        names[index] = name
    unknown = draw(st.lists(st.sampled_from(NAMES), max_size=4))
    values: dict[str, dict[str, str]] = {}
    for column in known:
        if column.kind in _TRANSLATED and draw(st.booleans()):
            values[column.name] = {
                word: _target_word(column) for word in draw(st.sets(st.sampled_from(WORDS)))
            }
    ignore = tuple(draw(st.lists(st.sampled_from(unknown), unique=True))) if unknown else ()
    absent = [c for c in COLUMNS if c not in known]
    defaults = {c.name: _target_word(c) for c in draw(st.lists(st.sampled_from(absent), max_size=2))}
    mapping = (
        ColumnMapping(columns=renamed, values=values, ignore=ignore, defaults=defaults)
        if renamed or values or ignore or defaults
        else None
    )
    # One cell per distinct header key (a repeated key is a header error, tested on its own).
    cells: dict[str, tuple[str, Column | None]] = {}
    for name, column in [*zip(names, known, strict=True), *((n, None) for n in unknown)]:
        cells.setdefault(norm_header(name), (name, column))
    order = draw(st.permutations(list(cells.values())))
    header = [name for name, _ in order]
    rows = []
    for n in range(draw(st.integers(1, 5))):
        row = []
        for name, column in order:
            if column is COLUMNS[0]:
                row.append(draw(st.sampled_from([f"K{n}", f"K{n} {fz.canary('id')}", EXPRESSION, "a\nb"])))
            elif column is None:
                row.append(draw(st.sampled_from(["", *CELLS[:3], fz.canary(name[:3])])))
            else:
                row.append(draw(_cell(column, tuple(values.get(column.name, ())))))
        rows.append(row)
    return Register(header, rows, mapping)


def _csv(register: Register) -> tuple[bytes, list[int]]:
    """The register as CSV, and the line each row starts on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(register.header)
    starts = []
    for row in register.rows:
        starts.append(out.getvalue().count("\n") + 1)
        writer.writerow(row)
    return out.getvalue().encode("utf-8"), starts


def _jsonl(register: Register) -> bytes:
    lines = (json.dumps(dict(zip(register.header, row, strict=True))) + "\n" for row in register.rows)
    return "".join(lines).encode("utf-8")


def _label(column: str | None) -> str | None:
    """A column as the CSV reader shows it (a header cell is stripped; a JSON key is not)."""
    return column.strip().lstrip("\ufeff") if column else column


def _problems(result: RegisterResult, index: dict[int, int]) -> list[tuple[int, str | None, str, Any]]:
    return [(index[e.row], _label(e.column), e.code, e.problem.params) for e in result.errors]


def _records(result: RegisterResult, index: dict[int, int]) -> list[Any]:
    return [attrs.evolve(r, row=index[r.row or 0]) for r in result.records]


def _no_code_from_the_file() -> contextlib.AbstractContextManager[list[str]]:
    """The sources the reader compiles hold nothing of the file; the planted expression never runs."""
    return no_code_from_the_file(fz.CANARY, PWNED)


def _without_mapping(data: bytes, register: Register) -> list[RegisterResult]:
    """The CSV read without the mapping in between; none when then no header cell is known."""
    try:
        return [read_register_all(io.BytesIO(data), format="csv", delimiter=",")]
    except RegisterError:
        known = header_index(COLUMNS, None)
        assert not any(norm_header(name) in known for name in register.header)
        return []


def _shown(result: RegisterResult) -> str:
    texts = [e.describe(lang) for e in result.errors for lang in ("nl", "en")]
    return "\n".join([*texts, result.summary.accounting("nl")])


@fz.fuzz(2.0)
@given(register=registers())
def test_generated_reader_against_hostile_headers_and_cells(register: Register) -> None:
    """API: balanced, CSV (generated) = JSON Lines (per cell), no code, no canary, no carried mapping."""
    fz.count("generated reader: hostile header/mapping/cells, CSV = JSON Lines (API)")
    data, starts = _csv(register)
    with _no_code_from_the_file():
        from_csv = read_register_all(io.BytesIO(data), format="csv", delimiter=",", mapping=register.mapping)
        from_jsonl = read_register_all(io.BytesIO(_jsonl(register)), format="jsonl", mapping=register.mapping)
        plain = _without_mapping(data, register)
        again = read_register_all(io.BytesIO(data), format="csv", delimiter=",", mapping=register.mapping)
    count = len(register.rows)
    for result in (from_csv, from_jsonl, *plain):
        summary = result.summary
        assert summary.balanced
        assert summary.rows_read == count
        assert len({e.row for e in result.errors}) == summary.rows_rejected
        assert fz.CANARY not in _shown(result).lower()
    by_csv = {line: n for n, line in enumerate(starts, start=1)}
    by_jsonl = {n: n for n in range(1, count + 1)}
    assert _problems(from_csv, by_csv) == _problems(from_jsonl, by_jsonl)
    assert _records(from_csv, by_csv) == _records(from_jsonl, by_jsonl)
    assert from_csv.summary.columns == from_jsonl.summary.columns
    assert from_csv.summary.unknown_columns == from_jsonl.summary.unknown_columns
    assert _problems(again, by_csv) == _problems(from_csv, by_csv)
    assert again.records == from_csv.records


def _toml_mapping(mapping: ColumnMapping, path: Path) -> Path:
    """``mapping`` as a TOML file (a JSON string of BMP text without DEL is a TOML basic string)."""
    lines = [f"ignore = {json.dumps(list(mapping.ignore), ensure_ascii=False)}", "[columns]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v)}" for k, v in mapping.columns.items()]
    for target, table in mapping.values.items():
        lines.append(f"[values.{target}]")
        lines += [f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v)}" for k, v in table.items()]
    lines.append("[defaults]")
    lines += [f"{k} = {json.dumps(v)}" for k, v in mapping.defaults.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ColumnMapping.load(path) == attrs.evolve(mapping, name=str(path))
    return path


@fz.fuzz(0.5)
@given(register=registers())
def test_generated_reader_through_the_command_line(
    register: Register, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``check`` with the mapping as a TOML file: exit 0/1, the API's accounting, no canary but ids."""
    fz.count("generated reader: klachtregels check --mapping, CSV and JSON Lines (CLI)")
    directory = tmp_path_factory.mktemp("generated")
    data, _starts = _csv(register)
    mapping = (
        ["--mapping", str(_toml_mapping(register.mapping, directory / "m.toml"))] if register.mapping else []
    )
    for name, content, reading in [("r.csv", data, ["--delimiter", ","]), ("r.jsonl", _jsonl(register), [])]:
        path = directory / name
        path.write_bytes(content)
        api = read_register_all(path, mapping=register.mapping, delimiter=reading[1] if reading else None)
        with _no_code_from_the_file():
            code, out, err = fz.run_cli(
                ["check", str(path), "--format", "json", "--as-of", "2026-03-01", *reading, *mapping]
            )
        assert code in (0, 1), err
        summary = json.loads(out)["summary"]
        assert (summary["rows_read"], summary["rows_rejected"]) == (
            api.summary.rows_read,
            api.summary.rows_rejected,
        )
        assert fz.leaked(out + err) <= fz.SHOWN_BY_CHECK, fz.leaked(out + err)
