"""Hostile input against the register reader's generated code (issue 8 follow-up, issue 9).

The reader builds the model objects through builders generated per attrs class and reads a CSV
row through a function generated per header (``register.assemble``, ``register.reader``). These
tests hold it to what any input gets: a typed error (exit 2, one line naming the file) or rows
rejected with the accounting intact; the generated path reads as the per-cell path (JSON Lines)
does; no value shown in an error; nothing of the file ever becomes code. Each regression found by
the hostile-input campaign is pinned here (the campaign itself: ``tests/fuzz/test_fuzz_generated_reader.py``).
"""

from __future__ import annotations

import builtins
import contextlib
import csv
import datetime as dt
import io
import json
import sys
import unicodedata
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest

from klachtregels import convert
from klachtregels.cli import main
from klachtregels.errors import RegisterError
from klachtregels.model import Verdict
from klachtregels.register import COLUMNS, ColumnMapping, RegisterResult, read_register, read_register_all
from klachtregels.register.cells import MAX_MEASURES, REMEMBERED_CHARS
from klachtregels.register.mapping import suggest_columns
from klachtregels.register.reader import UNKNOWN_COLUMNS_LISTED
from reader_helpers import no_code_from_the_file

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: Set on ``builtins`` if any header or cell were ever run as code.
PWNED = "KLACHTREGELS_PWNED"
EXPRESSION = f"__import__('builtins').__setattr__('{PWNED}', 1)"
CANARY = "qzxcanaryhr"
#: Longer than any vocabulary word, header name or mapping name.
MAX_WORD_CHARS = 128
#: Header names that would break (or take over) generated code if a header ever became code:
#: keywords, dunders, the generated functions' own local names, quotes, braces, NUL, a line break.
HOSTILE_HEADERS = [
    "class",
    "def",
    "None",
    "lambda",
    "__class__",
    "__init__",
    "__builtins__",
    EXPRESSION,
    "cells",
    "values",
    "problems",
    "g0",
    "s0",
    "m0",
    "_read",
    "kw",
    "self",
    "a'b",
    'a"b',
    "a\\b",
    "{0}{x!r}",
    "%s%n",
    "a\x00b",
    "a\nb",
    "x" * 5000,
]


def _csv(header: list[str], rows: list[list[str]]) -> io.BytesIO:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return io.BytesIO(out.getvalue().encode("utf-8"))


def _jsonl(*items: dict[str, Any]) -> io.BytesIO:
    return io.BytesIO("".join(json.dumps(item) + "\n" for item in items).encode("utf-8"))


def _errors(result: RegisterResult) -> list[tuple[int, str | None, str]]:
    return [(e.row, e.column, e.code) for e in result.errors]


def _balanced(result: RegisterResult, rows: int) -> None:
    summary = result.summary
    assert summary.balanced
    assert summary.rows_read == rows
    assert summary.rows_ok == len(result.records)
    assert len({e.row for e in result.errors}) == summary.rows_rejected


def _cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def no_code_run() -> Iterator[list[str]]:
    """Every source the reader compiles, checked afterwards: none holds anything of the file."""
    with no_code_from_the_file(CANARY, PWNED) as compiled:
        yield compiled


# --------------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------------


def test_hostile_header_names_are_unknown_columns_and_never_code(no_code_run: list[str]) -> None:
    header = ["id", *HOSTILE_HEADERS, "received_on"]
    rows = [
        ["K1", *[EXPRESSION] * len(HOSTILE_HEADERS), "2026-03-01"],
        ["K2", *[""] * len(HOSTILE_HEADERS), "x"],
    ]
    result = read_register_all(_csv(header, rows), format="csv")
    _balanced(result, 2)
    assert result.summary.unknown_columns == tuple(HOSTILE_HEADERS)
    assert [r.complaint.id for r in result.records] == ["K1"]
    assert _errors(result) == [(4, "received_on", "DATE_FORMAT")]  # the header 'a\nb' takes two lines
    assert any("def read_cells" in source for source in no_code_run)  # the row reader was generated


def test_hostile_header_names_mapped_to_columns_read_as_those_columns(no_code_run: list[str]) -> None:
    """A mapping from hostile names: the names label the errors, the fields come from columns.toml."""
    mapping = ColumnMapping(
        columns={"class": "received_on", "__class__": "verdict", EXPRESSION: "location", "a\nb": "category"},
        values={"verdict": {"{0}": "gegrond", "%s": ""}},
    )
    header = ["id", "class", "__class__", EXPRESSION, "a\nb"]
    rows = [
        ["K1", "2026-03-01", "{0}", CANARY, "c"],
        ["K2", CANARY, "%s", "l", "c"],
        ["K3", "2026-03-02", CANARY, "l", "c"],
    ]
    for data, fmt, shift in [
        (_csv(header, rows), "csv", 2),  # the header takes two lines ('a\nb')
        (_jsonl(*(dict(zip(header, row, strict=True)) for row in rows)), "jsonl", 0),
    ]:
        result = read_register_all(data, format=fmt, mapping=mapping)
        _balanced(result, 3)
        record = result.records[0]
        assert (record.complaint.location, record.complaint.category) == (CANARY, "c")
        assert record.judgement is not None
        assert record.judgement.verdict is Verdict.GEGROND
        assert _errors(result) == [
            (2 + shift, "class", "DATE_FORMAT"),
            (3 + shift, "__class__", "REGISTER_UNKNOWN_WORD"),
        ]
        assert CANARY not in " ".join(e.describe(lang) for e in result.errors for lang in ("nl", "en"))


_REPEATS = "header column 3 repeats the name of column 2"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (["id", "location", "location"], _REPEATS),
        (["id", "Location", "LOCATION "], _REPEATS),
        (["id", "received on", "received-on"], _REPEATS),
        (["id", "Opmerking", "opmerking"], _REPEATS),
        (
            ["id", "received_on", "Ontvangen op"],
            "header columns received_on and Ontvangen op both give received_on",
        ),
        (
            ["id", "Ontvangen\x1cop", "received_on"],
            "header columns Ontvangen\x1cop and received_on both give",
        ),
    ],
)
def test_headers_that_repeat_or_give_one_column_twice_are_one_line_errors(
    header: list[str], message: str, tmp_path: Path
) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(_csv(header, [["K1", "a", "b"]]).getvalue())
    with pytest.raises(RegisterError) as caught:
        read_register_all(path)
    assert message in str(caught.value)
    exit_code, out, err = _cli(["check", str(path)])
    assert (exit_code, out) == (2, "")
    assert err.count("\n") == 1
    assert path.name in err


def test_a_header_composed_or_decomposed_names_one_column() -> None:
    """Regression: a mapping typed with composed accents (NFC) missed the header of an export that
    writes them decomposed (NFD): the column was silently unknown; two such headers were two columns."""
    mapping = ColumnMapping(columns={"Locatie (é)": "location"})
    decomposed = unicodedata.normalize("NFD", "Locatie (é)")
    result = read_register_all(_csv(["id", decomposed], [["K1", "Zon"]]), format="csv", mapping=mapping)
    assert result.summary.unknown_columns == ()
    assert result.records[0].complaint.location == "Zon"
    with pytest.raises(RegisterError, match="repeats the name of column 2"):
        read_register_all(
            _csv(["id", "Opmerking é", unicodedata.normalize("NFD", "OPMERKING É")], []), format="csv"
        )


def test_blank_and_hyphen_only_headers_are_skipped_in_every_format() -> None:
    """Regression: two header cells of only hyphens were 'repeated names' (the file refused), and a
    blank JSON key was listed as an unknown column (a blank CSV header cell is not)."""
    result = read_register_all(
        _csv(["id", "-", "--", " ", "location"], [["K1", "a", "b", "c", "Zon"]]), format="csv"
    )
    assert result.summary.unknown_columns == ()
    assert result.records[0].complaint.location == "Zon"
    jsonl = read_register_all(_jsonl({"id": "K1", "": 1, " ": 2, "-": 3, "location": "Zon"}), format="jsonl")
    assert jsonl.summary.unknown_columns == ()
    assert jsonl.records == tuple(r.__class__(**{**_fields(r), "row": 1}) for r in result.records)


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in ("complaint", "judgement", "filing", "row")}


def test_1000_plus_columns_and_a_very_long_header() -> None:
    unknown = [f"kolom {i}" for i in range(1500)]
    header = [*unknown, "id", "x" * 100_000, "received_on"]
    rows = [[*[""] * 1500, f"K{n}", "", "2026-03-01"] for n in range(3)]
    result = read_register_all(_csv(header, rows), format="csv")
    _balanced(result, 3)
    assert result.summary.columns == ("id", "received_on")
    assert len(result.summary.unknown_columns) == 1501
    assert [r.complaint.received_on for r in result.records] == [dt.date(2026, 3, 1)] * 3


def test_rows_longer_or_shorter_than_the_header_and_a_header_only_file() -> None:
    result = read_register_all(io.BytesIO(b"id,location\nK1,a,b\nK2\nK3,c\n,\n"), format="csv")
    _balanced(result, 3)
    assert _errors(result) == [(2, None, "REGISTER_CELL_COUNT"), (3, None, "REGISTER_CELL_COUNT")]
    assert result.summary.skipped_blank_lines == 1
    for data in (b"id,location\n", b"id,location", b"\xef\xbb\xbfid;location\r\n"):
        empty = read_register_all(io.BytesIO(data), format="csv")
        _balanced(empty, 0)
        assert empty.summary.columns == ("id", "location")


# --------------------------------------------------------------------------------------------------
# JSON Lines: keys that change from line to line
# --------------------------------------------------------------------------------------------------


def test_a_json_lines_row_error_names_the_key_that_line_used() -> None:
    """Regression: a later line using another header name for a column (``Ontvangen op`` after
    ``received_on``) had its error labelled with the first line's key."""
    result = read_register_all(
        _jsonl(
            {"id": "K1", "received_on": CANARY},
            {"Klachtnummer": "K2", "Ontvangen op": CANARY},
            {"id": "K3", "datum ontvangst": "2026-03-01", "ontvangen_op": "2026-03-01"},
            {"id": "K4", "received_on": "2026-03-01"},
        ),
        format="jsonl",
    )
    _balanced(result, 4)
    assert _errors(result) == [
        (1, "received_on", "DATE_FORMAT"),
        (2, "Ontvangen op", "DATE_FORMAT"),
        (3, None, "REGISTER_ROW_TWO_KEYS"),
    ]
    assert result.summary.columns == ("id", "received_on")


def test_new_keys_on_every_line_do_not_grow_the_reader() -> None:
    """Regression: every distinct JSON key was remembered and listed (36 MB of lines with new keys
    kept 107 MB); now at most UNKNOWN_COLUMNS_LISTED names are listed and as many steps kept."""
    lines = (
        {"id": f"K{n}", "received_on": "2026-03-01", **{f"k{n}_{j}": 1 for j in range(1000)}}
        for n in range(10)
    )
    reader = read_register(_jsonl(*lines), format="jsonl")
    assert len(list(reader)) == 10
    assert len(reader.summary.unknown_columns) == UNKNOWN_COLUMNS_LISTED
    assert reader.summary.unknown_columns[:2] == ("k0_0", "k0_1")
    assert len(reader._object_steps) <= UNKNOWN_COLUMNS_LISTED  # the per-key steps are bounded too


# --------------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------------


def test_numbers_where_text_or_dates_belong_are_typed_problems() -> None:
    result = read_register_all(
        io.BytesIO(
            b'{"id": 1e999}\n{"id": NaN}\n{"id": -0}\n{"id": -Infinity}\n{"id": 1'
            + b"0" * 5000
            + b'}\n{"id": "K6", "received_on": 1e999}\n{"id": "K7", "complainant_contract_party": -0}\n'
        ),
        format="jsonl",
    )
    _balanced(result, 7)
    assert [r.complaint.id for r in result.records] == ["0", "K7"]  # -0 is the integer 0: id "0", false
    assert _errors(result)[:4] == [
        (1, "id", "REGISTER_EXPECTED_TEXT"),
        (2, "id", "REGISTER_EXPECTED_TEXT"),
        (4, "id", "REGISTER_EXPECTED_TEXT"),
        (5, None, "REGISTER_ROW_NOT_JSON"),
    ]
    assert _errors(result)[4:] == [(6, "received_on", "REGISTER_EXPECTED_DATE")]
    assert result.records[1].complaint.complainant is not None
    assert result.records[1].complaint.complainant.contract_party is False


def test_an_integer_past_pythons_digit_limit_is_a_cell_problem() -> None:
    """Regression: a DataFrame cell holding an int of more than 4,300 digits raised ValueError
    (str() refuses it) out of read_register; now the row is rejected as a too long cell."""
    from klachtregels.register.cells import CellProblem, read_text

    with pytest.raises(CellProblem) as caught:
        read_text(10**5000)
    assert caught.value.code == "REGISTER_CELL_TOO_LONG"
    assert caught.value.params == {"limit": sys.get_int_max_str_digits()}
    assert read_text(-(10**20)) == str(-(10**20))


def test_a_dataframe_cell_past_the_digit_limit_rejects_its_row() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": [10**5000, "K2"]}, dtype=object)
    result = read_register_all(frame)
    _balanced(result, 2)
    assert _errors(result) == [(1, "id", "REGISTER_CELL_TOO_LONG")]


@pytest.mark.parametrize(
    "text",
    [
        "２０２６-０１-０１",
        "٢٠٢٦-٠١-٠١",
        "2026-01-01T１２:00",
        "²０２６-01-01",
        "1e999",
        "NaN",
        "-0",
        EXPRESSION,
    ],
)
def test_odd_date_text_is_read_alike_in_csv_and_json_lines_and_never_shown(text: str) -> None:
    cell = f"{text} {CANARY}"
    from_csv = read_register_all(_csv(["id", "received_on"], [["K1", text], ["K2", cell]]), format="csv")
    from_jsonl = read_register_all(
        _jsonl({"id": "K1", "received_on": text}, {"id": "K2", "received_on": cell}), format="jsonl"
    )
    assert [(row - 1, col, code) for row, col, code in _errors(from_csv)] == _errors(from_jsonl)
    assert [r.complaint.received_on for r in from_csv.records] == [
        r.complaint.received_on for r in from_jsonl.records
    ]
    shown = " ".join(
        e.describe(lang) for r in (from_csv, from_jsonl) for e in r.errors for lang in ("nl", "en")
    )
    assert CANARY not in shown
    assert text not in shown


@pytest.mark.parametrize(
    "word", ["gegr\u200bond", "gеgrond", "ｇｅｇｒｏｎｄ", "gegrond\u00ad", "gegrond\u202e", "{0}"]
)
def test_enum_words_with_homoglyphs_or_invisible_characters_are_rejected_unshown(word: str) -> None:
    result = read_register_all(
        _csv(["id", "verdict"], [["K1", word + CANARY], ["K2", "gegrond"]]), format="csv"
    )
    _balanced(result, 2)
    if any(ch in word for ch in "\u200b\u00ad\u202e"):  # an invisible character: named as such
        assert [e.code for e in result.errors] == ["INPUT_INVISIBLE_CHARACTER"]
    else:
        assert [e.code for e in result.errors] in (["REGISTER_UNKNOWN_WORD"], ["REGISTER_UNKNOWN_WORD_CLOSE"])
    shown = " ".join(e.describe(lang) for e in result.errors for lang in ("nl", "en"))
    assert CANARY not in shown
    assert word not in shown


# --------------------------------------------------------------------------------------------------
# Caches: nothing of one file, mapping or row carried into another
# --------------------------------------------------------------------------------------------------


def test_padded_and_junk_cells_never_enter_a_memory() -> None:
    """Regression: a date or word cell padded with spaces was read (rightly) and remembered under its
    whole text, by the reader (4,096 per column) and by the process-wide word look-up (8,192): a
    120 MB file of padded cells kept 128 MB after the read. Now a reader remembers cells of at most
    REMEMBERED_CHARS, and words are looked up normalised and only up to MAX_WORD_CHARS."""
    rows = [f"K{n},2026-03-01{' ' * (300 + n)},gegrond{' ' * (300 + n)},{'x' * (200 + n)}" for n in range(40)]
    data = ("id,received_on,verdict,channel\n" + "\n".join(rows) + "\n").encode()
    before = convert._lookup_short_word.cache_info()
    reader = read_register(io.BytesIO(data), format="csv")
    records = list(reader)
    after = convert._lookup_short_word.cache_info()
    assert records == []  # every channel is an unknown word
    assert {e.code for e in reader.errors} == {"REGISTER_UNKNOWN_WORD"}
    assert reader.summary.rows_rejected == 40
    assert after.misses - before.misses <= 1  # 'gegrond', once; the long junk words are not looked up
    remembered = [cell for memory in reader._memories.values() for cell in memory]
    assert all(len(cell) <= REMEMBERED_CHARS for cell in remembered)
    padded = read_register_all(
        io.BytesIO(b"id,received_on,verdict\nK1,2026-03-01" + b" " * 5000 + b",gegrond\n"), format="csv"
    )
    assert padded.records[0].complaint.received_on == dt.date(2026, 3, 1)


def test_a_word_past_the_longest_vocabulary_word_is_unknown() -> None:
    column = next(c for c in COLUMNS if c.name == "verdict")
    assert column.lookup("  Gegrond  ") is Verdict.GEGROND
    assert column.lookup("gegrond" + " " * 10_000) is Verdict.GEGROND
    assert column.lookup("x" * (MAX_WORD_CHARS + 1)) is None
    assert column.lookup("gegrond" + "x" * MAX_WORD_CHARS) is None


def test_the_same_file_read_with_different_mappings_in_one_process(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(b"id,plaats,uitkomst\nK1,Zon,ok\nK2,Zon,ok\n")
    first = ColumnMapping(
        columns={"plaats": "location", "uitkomst": "verdict"}, values={"verdict": {"ok": "gegrond"}}
    )
    second = ColumnMapping(
        columns={"plaats": "category", "uitkomst": "verdict"}, values={"verdict": {"ok": "ongegrond"}}
    )

    def read(mapping: ColumnMapping | None) -> list[tuple[Any, ...]]:
        result = read_register_all(path, mapping=mapping)
        return [
            (r.complaint.location, r.complaint.category, r.judgement and r.judgement.verdict)
            for r in result.records
        ]

    expected_first = [("Zon", None, Verdict.GEGROND)] * 2
    expected_second = [(None, "Zon", Verdict.ONGEGROND)] * 2
    assert read(first) == expected_first
    assert read(second) == expected_second
    assert read(None) == [(None, None, None)] * 2
    assert read(first) == expected_first
    reader = read_register(path, mapping=second)
    assert [r.judgement.verdict for r in reader if r.judgement] == [Verdict.ONGEGROND] * 2
    assert [r.judgement.verdict for r in reader if r.judgement] == [Verdict.ONGEGROND] * 2  # read again
    exit_code, out, _err = _cli(["check", str(path), "--format", "json", "--as-of", "2026-03-01"])
    assert exit_code in (0, 1)
    assert json.loads(out)["summary"]["rows_read"] == 2


def test_two_readers_of_one_header_interleaved_keep_their_own_mapping() -> None:
    """Each read generates its own row reader and keeps its own word memory: two readers of the same
    header, iterated in turn, each read through their own mapping."""
    data = b"id,uitkomst,ontvangen\n" + b"".join(b"K%d,ok,%d-03-2026\n" % (n, n % 28 + 1) for n in range(50))
    first = read_register(
        io.BytesIO(data),
        format="csv",
        mapping=ColumnMapping(columns={"uitkomst": "verdict"}, values={"verdict": {"ok": "gegrond"}}),
    )
    second = read_register(
        io.BytesIO(data),
        format="csv",
        mapping=ColumnMapping(
            columns={"uitkomst": "verdict", "ontvangen": "received_on"},
            values={"verdict": {"ok": "ongegrond"}},
        ),
    )
    pairs = list(zip(first, second, strict=True))
    assert len(pairs) == 50
    assert {(a.judgement.verdict, b.judgement.verdict) for a, b in pairs if a.judgement and b.judgement} == {
        (Verdict.GEGROND, Verdict.ONGEGROND)
    }
    assert all(a.complaint.received_on is None for a, _ in pairs)
    assert [b.complaint.received_on for _, b in pairs][:2] == [dt.date(2026, 3, 1), dt.date(2026, 3, 2)]


def test_a_shared_signal_keeps_each_rows_own_offset() -> None:
    """Regression: two rows whose signal date-times were the same instant in different offsets got
    one shared Signal: the second row's record carried the first row's offset."""
    data = (
        "id,signals,signal_known_on\n"
        "K1,ambiguous,2026-03-09T23:30+00:00\n"
        "K2,ambiguous,2026-03-10T00:30+01:00\n"
        "K3,ambiguous,2026-03-09T23:30+00:00\n"
    )
    records = read_register_all(io.BytesIO(data.encode()), format="csv").records
    known = [r.complaint.signals[0].known_on for r in records if r.complaint.signals]
    assert [k.utcoffset() for k in known] == [dt.timedelta(0), dt.timedelta(hours=1), dt.timedelta(0)]
    assert known[0] == known[1] == known[2]
    assert records[0].complaint.signals[0] is records[2].complaint.signals[0]  # still shared when alike


# --------------------------------------------------------------------------------------------------
# The command line: a hostile mapping file
# --------------------------------------------------------------------------------------------------


def test_a_mapping_file_with_hostile_names_through_the_command_line(tmp_path: Path) -> None:
    names = ["class", "__init__", EXPRESSION, "{0}", "%s", "a\nb", "x\x00y", 'a"b\\c']
    targets = [
        "received_on",
        "location",
        "category",
        "channel",
        "verdict",
        "complainant_role",
        "organisation",
        "subjects",
    ]
    mapping = tmp_path / "mapping.toml"
    lines = [
        "[columns]",
        *(
            f"{json.dumps(n, ensure_ascii=False)} = {json.dumps(t)}"
            for n, t in zip(names, targets, strict=True)
        ),
    ]
    mapping.write_text("\n".join(lines) + "\n", encoding="utf-8")
    register = tmp_path / "register.csv"
    register.write_bytes(
        _csv(["id", *names], [["K1", CANARY, *["x"] * 7], ["K2", "2026-03-01", *[""] * 7]]).getvalue()
    )
    for fmt in ("text", "json", "sarif"):
        exit_code, out, err = _cli(
            ["check", str(register), "--mapping", str(mapping), "--as-of", "2026-03-02", "--format", fmt]
        )
        assert exit_code in (0, 1), err
        assert CANARY not in out + err
    summary = json.loads(_cli(["check", str(register), "--mapping", str(mapping), "--format", "json"])[1])[
        "summary"
    ]
    assert (summary["rows_read"], summary["rows_rejected"]) == (2, 1)
    # Two names for one column: exit 2, one line naming the file.
    mapping.write_text('[columns]\n"a\\nb" = "location"\n"{0}" = "location"\n', encoding="utf-8")
    exit_code, out, err = _cli(["check", str(register), "--mapping", str(mapping)])
    assert (exit_code, out) == (2, "")
    assert err.count("\n") == 1
    assert mapping.name in err
    assert "both map to location" in err
    assert not hasattr(builtins, PWNED)


def test_a_workbook_with_hostile_headers_reads_as_its_csv() -> None:
    """An .xlsx sheet goes through the same generated row reader: the same records and problems."""
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    names = [n for n in HOSTILE_HEADERS if "\x00" not in n and "\n" not in n]
    mapping = ColumnMapping(columns={"lambda": "received_on", "{0}{x!r}": "verdict"})
    header = ["id", *names]
    rows = [[f"K{n}", *[EXPRESSION if n % 2 else "2026-03-01"] * len(names)] for n in range(4)]
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    from_xlsx = read_register_all(data, format="xlsx", mapping=mapping)
    from_csv = read_register_all(_csv(header, rows), format="csv", mapping=mapping)
    _balanced(from_xlsx, 4)
    assert _errors(from_xlsx) == _errors(from_csv)
    assert {e.column for e in from_xlsx.errors} == {"lambda", "{0}{x!r}"}
    assert from_xlsx.records == from_csv.records
    assert not hasattr(builtins, PWNED)


def test_a_mapping_may_still_name_a_hyphen_only_header() -> None:
    mapping = ColumnMapping(columns={"-": "location"})
    result = read_register_all(_csv(["id", "-", "x"], [["K1", "Zon", "x"]]), format="csv", mapping=mapping)
    assert result.records[0].complaint.location == "Zon"
    with pytest.raises(RegisterError, match="repeats the name of column 2"):  # '--' is '-' normalised
        read_register_all(_csv(["id", "-", "--"], []), format="csv", mapping=mapping)
    jsonl = read_register_all(_jsonl({"id": "K1", "-": "Zon"}), format="jsonl", mapping=mapping)
    assert jsonl.records[0].complaint.location == "Zon"


def test_a_long_junk_word_is_not_compared_with_the_vocabulary() -> None:
    """Regression: an unknown word was compared with every accepted word by difflib whatever its
    length: one 4 MB junk cell in a word column took 7.9 s and 202 MB. A word longer than
    MAX_WORD_CHARS can never be close to one (difflib's ratio): it is not compared."""
    import difflib

    junk = "qzx" * (MAX_WORD_CHARS // 3 + 1)
    data = f"id,verdict,channel\nK1,{junk},email\nK2,gegrnd,{junk.upper()}\n".encode()
    with mock.patch.object(difflib, "get_close_matches", wraps=difflib.get_close_matches) as compared:
        result = read_register_all(io.BytesIO(data), format="csv")
    assert _errors(result) == [
        (2, "verdict", "REGISTER_UNKNOWN_WORD"),
        (3, "verdict", "REGISTER_UNKNOWN_WORD_CLOSE"),
        (3, "channel", "REGISTER_UNKNOWN_WORD"),
    ]
    assert [call.args[0] for call in compared.call_args_list] == ["gegrnd"]
    with mock.patch.object(difflib, "get_close_matches", wraps=difflib.get_close_matches) as compared:
        assert suggest_columns([junk, "ontvangen"]) == {"ontvangen": "received_on"}
    assert [call.args[0] for call in compared.call_args_list] == ["ontvangen"]


def test_a_measures_cell_lists_at_most_max_measures() -> None:
    """Regression: a JSON Lines measures array is bound by no cell limit: 200,000 measures in one
    line took 7.5 s and 97 MB to build. More than MAX_MEASURES reject the row before any is built."""
    over = [{"description": "x"}] * (MAX_MEASURES + 1)
    at = [{"description": "x"}] * MAX_MEASURES
    jsonl = read_register_all(
        _jsonl(
            {"id": "K1", "measures": over},
            {"id": "K2", "measures": at},
            {"id": "K3", "measures": json.dumps(over)},
        ),
        format="jsonl",
    )
    _balanced(jsonl, 3)
    assert _errors(jsonl) == [
        (1, "measures", "REGISTER_TOO_MANY_MEASURES"),
        (3, "measures", "REGISTER_TOO_MANY_MEASURES"),
    ]
    assert jsonl.records[0].judgement is not None
    assert len(jsonl.records[0].judgement.measures or ()) == MAX_MEASURES
    assert str(MAX_MEASURES) in jsonl.errors[0].describe("nl")
    from_csv = read_register_all(_csv(["id", "measures"], [["K1", json.dumps(over)]]), format="csv")
    assert _errors(from_csv) == [(2, "measures", "REGISTER_TOO_MANY_MEASURES")]
