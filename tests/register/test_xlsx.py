"""Excel workbooks (.xlsx) through the optional extra klachtregels[xlsx] (issue 9, item 6).

The workbooks are written here with openpyxl (tests extra); python-calamine reads them. The same
row accounting as CSV: rows in = rows read + rows rejected; a row's number is its sheet row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from register_helpers import DATA, assert_accounting

from klachtregels.cli import main
from klachtregels.errors import RegisterError
from klachtregels.model import Verdict
from klachtregels.register import (
    ColumnMapping,
    MappingError,
    RowRejectedError,
    read_register,
    read_register_all,
)
from klachtregels.register import xlsx as xlsx_module
from klachtregels.register.xlsx import cell_text

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("python_calamine")

CANARY = "Sanne Canarie, Kerkstraat 12"


def workbook(
    path: Path, rows: list[list[Any]], *, errors: tuple[str, ...] = (), title: str = "Klachten"
) -> Path:
    """An .xlsx file with ``rows`` from A1 (None = an empty cell); ``errors``: cells holding an
    Excel error value (their text is the error, e.g. ``#N/A``)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for ref in errors:
        sheet[ref].data_type = "e"
    book.save(path)
    return path


def codes(result: Any) -> list[tuple[int, str | None, str]]:
    return [(e.row, e.column, e.code) for e in result.errors]


def assert_lines_balance(result: Any) -> None:
    """Every sheet row read is the header, a blank row or a row of the register."""
    assert_accounting(result)
    s = result.summary
    assert s.lines_read == 1 + s.skipped_blank_lines + s.rows_read


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------


def test_typed_cells_read_like_their_csv_text(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        [
            ["id", "received_on", "location", "extension_agreed", "judgement_sent_on"],
            [123, dt.date(2025, 3, 1), "KDV De Egel", True, dt.datetime(2025, 4, 2, 23, 30)],
            ["K-2", "03-03-2025", 4.5, False, None],
        ],
    )
    result = read_register_all(path)
    first, second = result.records
    assert first.complaint.id == "123"  # not "123.0"
    assert first.complaint.received_on == dt.date(2025, 3, 1)
    assert first.complaint.extension_agreed is True
    assert first.judgement is not None
    assert first.judgement.sent_on == dt.datetime(2025, 4, 2, 23, 30)  # naive = Amsterdam (A22)
    assert second.complaint.received_on == dt.date(2025, 3, 3)
    assert second.complaint.location == "4.5"
    assert second.complaint.extension_agreed is False
    assert [r.row for r in result.records] == [2, 3]
    assert result.summary.format == "xlsx"
    assert result.summary.delimiter is None
    assert_lines_balance(result)


def test_the_shipped_example_reads_the_same_as_its_csv(tmp_path: Path) -> None:
    with (DATA / "example.csv").open(encoding="utf-8", newline="") as fh:
        rows: list[list[Any]] = list(csv.reader(fh))
    path = workbook(tmp_path / "example.xlsx", rows)
    from_csv = read_register_all(DATA / "example.csv")
    from_xlsx = read_register_all(path)
    assert from_xlsx.records == from_csv.records
    assert codes(from_xlsx) == codes(from_csv)
    assert from_xlsx.summary.rows_read == from_csv.summary.rows_read
    assert from_xlsx.summary.columns == from_csv.summary.columns


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (123.0, "123"),
        (-0.0, "0"),
        (1.5, "1.5"),
        (612345678.0, "612345678"),
        (1e20, "1e+20"),
        (7, "7"),
        (True, "true"),
        ("  tekst ", "  tekst "),
        (dt.date(2025, 1, 31), "2025-01-31"),
        (dt.datetime(2025, 1, 31, 8, 5), "2025-01-31T08:05:00"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_blank_rows_above_and_between_rows_and_an_offset_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"] = "id", "location"  # rows 1-2 empty, data from column C
    sheet["C4"], sheet["D4"] = "K1", "KDV"
    sheet["C5"] = "   "  # only white space: a blank row
    sheet["C7"], sheet["D7"] = "K2", "BSO"  # row 6 empty
    book.save(tmp_path / "off.xlsx")
    result = read_register_all(tmp_path / "off.xlsx")
    assert [(r.row, r.complaint.id, r.complaint.location) for r in result.records] == [
        (4, "K1", "KDV"),
        (7, "K2", "BSO"),
    ]
    assert result.summary.skipped_blank_lines == 4
    assert result.summary.lines_read == 7
    assert_lines_balance(result)


def test_mapping_and_vocabulary_apply(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "nl.xlsx",
        [["Kenmerk", "Datum ontvangst", "Oordeel"], ["K1", dt.date(2025, 3, 1), "Terecht"]],
    )
    mapping = ColumnMapping(
        columns={"Kenmerk": "id", "Datum ontvangst": "received_on", "Oordeel": "verdict"},
        values={"verdict": {"Terecht": "gegrond"}},
    )
    result = read_register_all(path, mapping=mapping)
    assert result.records[0].complaint.id == "K1"
    assert result.records[0].judgement is not None
    assert result.records[0].judgement.verdict is Verdict.GEGROND


def test_the_first_visible_worksheet_is_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Keuzelijsten"
    hidden.append(["id"])
    hidden.append(["NIET-DEZE"])
    hidden.sheet_state = "hidden"
    register = book.create_sheet("Klachten")
    register.append(["id"])
    register.append(["K1"])
    book.save(tmp_path / "two.xlsx")
    assert [r.complaint.id for r in read_register(tmp_path / "two.xlsx")] == ["K1"]


def test_the_mapping_names_the_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Toelichting"
    first.append(["id"])
    first.append(["NIET-DEZE"])
    register = book.create_sheet("Klachten 2025")
    register.append(["id"])
    register.append(["K1"])
    chart = book.create_chartsheet("Grafiek")
    del chart
    book.save(tmp_path / "book.xlsx")
    toml = tmp_path / "map.toml"
    toml.write_text('sheet = "klachten 2025"\n', encoding="utf-8")  # exact name, else any case
    assert [r.complaint.id for r in read_register(tmp_path / "book.xlsx", mapping=toml)] == ["K1"]
    mapping = ColumnMapping.load(toml)
    assert mapping.sheet == "klachten 2025"
    assert mapping.to_dict()["sheet"] == "klachten 2025"
    assert ColumnMapping.from_dict(mapping.to_dict()) == mapping
    assert "sheet" not in ColumnMapping().to_dict()
    with pytest.raises(RegisterError) as info:
        read_register_all(tmp_path / "book.xlsx", mapping=ColumnMapping(sheet="Klachten 2024"))
    assert str(info.value) == xlsx_module.register_error("XLSX_NO_SUCH_SHEET", count=3).args[0]
    assert "2024" not in str(info.value)
    with pytest.raises(RegisterError, match="not a worksheet"):
        read_register_all(tmp_path / "book.xlsx", mapping=ColumnMapping(sheet="Grafiek"))


@pytest.mark.parametrize("sheet", ['""', '"  "', "3", '"' + "x" * 32 + '"'])
def test_a_bad_sheet_in_the_mapping_is_a_mapping_error(sheet: str) -> None:
    with pytest.raises(MappingError) as info:
        ColumnMapping.from_toml(f"sheet = {sheet}\n")
    assert [p.code for p in info.value.problems] == ["XLSX_MAPPING_BAD_SHEET"]


def test_a_binary_stream_is_read_and_a_text_stream_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["id"], ["K1"]])
    data = path.read_bytes()
    result = read_register_all(io.BytesIO(data), format="xlsx")
    assert [r.complaint.id for r in result.records] == ["K1"]
    with pytest.raises(RegisterError, match="binary"):
        read_register_all(io.StringIO("id\nK1\n"), format="xlsx")


class _Pipe(io.RawIOBase):
    """A binary stream that cannot seek (a pipe)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_stream_that_cannot_seek_is_read(tmp_path: Path) -> None:
    data = workbook(tmp_path / "r.xlsx", [["id"], ["K1"], ["K2"]]).read_bytes()
    result = read_register_all(io.BufferedReader(_Pipe(data)), format="xlsx")
    assert [r.complaint.id for r in result.records] == ["K1", "K2"]


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", "K1", "KDV", "email", "brief", "ja", "gisteren", "2025-02-30"]),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
    st.sampled_from(["#N/A", "#DIV/0!"]),  # error values (cells in column C only)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_CELLS, min_size=0, max_size=5), max_size=12))
def test_any_sheet_balances_and_never_echoes(tmp_path: Path, rows: list[list[Any]]) -> None:
    """Every sheet row is the header, a blank row, a record or a rejected row; no cell is echoed."""
    header: list[Any] = ["id", "received_on", "location", "extension_agreed", "channel"]
    errors = tuple(
        f"C{n}" for n, row in enumerate(rows, start=2) if len(row) > 2 and row[2] in ("#N/A", "#DIV/0!")
    )
    cleaned = [[c if i == 2 or c not in ("#N/A", "#DIV/0!") else None for i, c in enumerate(r)] for r in rows]
    path = workbook(tmp_path / "p.xlsx", [header, *cleaned], errors=errors)
    result = read_register_all(path)
    assert_lines_balance(result)
    assert result.summary.lines_read == 1 + len(rows) - sum(  # trailing empty rows are not in the sheet
        1 for _ in itertools.takewhile(lambda r: all(c in (None, "") for c in r), reversed(cleaned))
    )
    shown = " ".join(e.describe(lang) for e in result.errors for lang in ("nl", "en"))
    assert "gisteren" not in shown
    assert "#N/A" not in shown.replace("(#N/A, #DIV/0!, …)", "")


# --------------------------------------------------------------------------------------------------
# Cells that are no value of their column
# --------------------------------------------------------------------------------------------------


def test_excel_serial_numbers_are_not_dates(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "serial.xlsx",
        [["id", "received_on"], ["K1", 45717], ["K2", "45717"], ["K3", dt.date(2025, 3, 1)]],
    )
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K3"]
    assert codes(result) == [(2, "received_on", "DATE_FORMAT"), (3, "received_on", "DATE_FORMAT")]
    assert_lines_balance(result)


def test_error_cells_reject_their_row_only_in_a_column_that_is_read(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "errors.xlsx",
        [
            ["id", "received_on", "location", "hulpkolom"],
            ["K1", "#N/A", "KDV", "#DIV/0!"],
            ["K2", dt.date(2025, 3, 1), "#REF!", CANARY],
            ["K3", dt.date(2025, 3, 1), "KDV", "#VALUE!"],
        ],
        errors=("B2", "D2", "C3", "D4"),
    )
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K3"]  # D4: a column nobody reads
    assert codes(result) == [
        (2, "received_on", "REGISTER_EXPECTED_DATE"),
        (3, "location", "REGISTER_EXPECTED_TEXT"),
    ]
    assert "cell error" in result.errors[0].message
    assert all(CANARY not in e.describe(lang) for e in result.errors for lang in ("nl", "en"))
    assert_lines_balance(result)


def test_times_durations_and_booleans_where_they_do_not_belong(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "odd.xlsx",
        [
            ["id", "received_on", "channel", "extension_agreed"],
            ["K1", dt.time(10, 30), "email", "ja"],
            ["K2", dt.date(2025, 3, 1), True, "nee"],
            ["K3", dt.date(2025, 3, 1), "email", dt.timedelta(days=2)],
            ["K4", dt.date(2025, 3, 1), "email", 1],
        ],
    )
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K4"]
    assert result.records[0].complaint.extension_agreed is True
    assert codes(result) == [
        (2, "received_on", "REGISTER_EXPECTED_DATE"),
        (3, "channel", "REGISTER_UNKNOWN_WORD"),
        (4, "extension_agreed", "REGISTER_EXPECTED_BOOLEAN"),
    ]
    assert "time of day" in result.errors[0].message
    assert "duration" in result.errors[2].message


def test_a_cell_over_the_cell_limit_rejects_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import klachtregels.register.reader as reader_module

    monkeypatch.setattr(reader_module, "MAX_CELL_CHARS", 10)
    monkeypatch.setattr("klachtregels.register.cells.MAX_CELL_CHARS", 10)
    path = workbook(tmp_path / "long.xlsx", [["id", "description"], ["K1", CANARY], ["K2", "kort"]])
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K2"]
    assert codes(result) == [(2, "description", "REGISTER_CELL_TOO_LONG")]
    assert CANARY not in result.errors[0].describe()


def test_strict_stops_at_the_first_rejected_row(tmp_path: Path) -> None:
    path = workbook(tmp_path / "s.xlsx", [["id", "received_on"], ["K1", "gisteren"], ["K2", None]])
    with pytest.raises(RowRejectedError) as info:
        read_register_all(path, strict=True)
    assert info.value.errors[0].row == 2


# --------------------------------------------------------------------------------------------------
# Files that are no workbook, or too big for one
# --------------------------------------------------------------------------------------------------


def _rewrite(source: Path, target: Path, part: str, data: bytes) -> Path:
    """``source`` with ``part`` replaced by ``data``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, data if item.filename == part else old.read(item.filename))
    return target


def _sheet_xml(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"id,received_on\nK1,2025-03-01\n", "XLSX_NOT_WORKBOOK"),
        (b"", "XLSX_NOT_WORKBOOK"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "XLSX_OLE"),
    ],
)
def test_a_file_that_is_no_workbook_is_a_register_error(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(content)
    with pytest.raises(RegisterError) as info:
        read_register_all(path)
    assert str(info.value) == xlsx_module.register_error(code).args[0]


def test_a_zip_without_a_workbook_and_a_truncated_workbook(tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(RegisterError, match="not an Excel workbook"):
        read_register_all(other)
    good = workbook(tmp_path / "good.xlsx", [["id"], ["K1"]]).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(RegisterError, match="workbook"):
        read_register_all(cut)


@pytest.mark.parametrize("seed", range(40))
def test_a_corrupted_workbook_is_read_or_refused_never_a_traceback(tmp_path: Path, seed: int) -> None:
    """Bytes flipped anywhere (zip headers, compressed data, XML): records or a RegisterError."""
    import random

    good = workbook(
        tmp_path / "good.xlsx",
        [["id", "received_on", "location"], *[[f"K{i}", dt.date(2025, 3, 1), CANARY] for i in range(20)]],
    ).read_bytes()
    rng = random.Random(seed)
    data = bytearray(good)
    for _ in range(1 + seed % 4):
        data[rng.randrange(len(data))] = rng.randrange(256)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    refused: RegisterError | None = None
    try:
        result = read_register_all(bad)
    except RegisterError as exc:
        refused = exc
    if refused is not None:
        assert CANARY not in str(refused)
    else:
        assert_lines_balance(result)
        assert all(CANARY not in e.describe() for e in result.errors)


def test_a_zip_needing_a_newer_version_is_no_workbook(tmp_path: Path) -> None:
    """The central directory asks for zip version 9.9: the standard library refuses the archive."""
    data = bytearray(workbook(tmp_path / "good.xlsx", [["id"], ["K1"]]).read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 6 : at + 8] = (99).to_bytes(2, "little")  # "version needed to extract"
    (tmp_path / "new.xlsx").write_bytes(bytes(data))
    with pytest.raises(RegisterError, match="not an Excel workbook"):
        read_register_all(tmp_path / "new.xlsx")


def test_a_damaged_sheet_is_a_register_error(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [["id"], ["K1"]])
    bad = _rewrite(good, tmp_path / "bad.xlsx", "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row")
    with pytest.raises(RegisterError, match="damaged"):
        read_register_all(bad)


def test_a_sheet_spanning_too_many_cells_is_refused_before_it_is_loaded(tmp_path: Path) -> None:
    """Two cells, A1 and XFD1048576: python-calamine would allocate the whole range (and abort)."""
    good = workbook(tmp_path / "good.xlsx", [["id"], ["K1"]])
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        "<row r='1048576'><c s='0' r = 'XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>"
    )
    bomb = _rewrite(good, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", _sheet_xml(body))
    assert bomb.stat().st_size < 10_000
    with pytest.raises(RegisterError) as info:
        read_register_all(bomb)
    assert "1048576 rows x 16384 columns" in str(info.value)


def test_a_cell_numbered_past_its_row_counts_towards_the_extent(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [["id"], ["K1"]])
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        '<row r="2"><c r="E999999" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    bomb = _rewrite(good, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", _sheet_xml(body))
    with pytest.raises(RegisterError, match="999999 rows x 5 columns"):
        read_register_all(bomb)


def test_the_quick_bound_is_counted_again_before_a_sheet_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eleven rows: the quick bound says 99 rows x 26 columns; counted exactly, 11 x 2 fit."""
    monkeypatch.setattr(xlsx_module, "MAX_XLSX_CELLS", 1_000)
    path = workbook(tmp_path / "r.xlsx", [["id", "location"], *[[f"K{i}", "KDV"] for i in range(10)]])
    assert len(read_register_all(path).records) == 10
    monkeypatch.setattr(xlsx_module, "MAX_XLSX_CELLS", 20)
    with pytest.raises(RegisterError, match="11 rows x 2 columns"):
        read_register_all(path)


def test_cells_without_a_reference_count_towards_the_extent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_module, "MAX_XLSX_CELLS", 100)
    good = workbook(tmp_path / "good.xlsx", [["id"], ["K1"]])
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row>'
        + "<c><v>1</v></c>" * 200
        + "</row>"
    )
    wide = _rewrite(good, tmp_path / "wide.xlsx", "xl/worksheets/sheet1.xml", _sheet_xml(body))
    with pytest.raises(RegisterError, match="more than 100 cells"):
        read_register_all(wide)


def test_a_part_larger_than_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "r.xlsx", [["id", "description"], *[["K", "x" * 200] for _ in range(50)]])
    monkeypatch.setattr(xlsx_module, "MAX_XLSX_PART_BYTES", 5_000)
    with pytest.raises(RegisterError, match="larger than 5000 bytes"):
        read_register_all(path)


def _declare_size(archive: bytes, part: str, size: int) -> bytes:
    """``archive`` with the uncompressed size of ``part`` in its central directory set to ``size``."""
    data = bytearray(archive)
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"])
def test_a_part_that_holds_more_than_it_declares_is_refused(tmp_path: Path, part: str) -> None:
    """A zip bomb that lies about its size: the standard library stops at the declared size."""
    good = workbook(tmp_path / "good.xlsx", [["id", "location"], *[["K1", "KDV"] for _ in range(20)]])
    with zipfile.ZipFile(good) as archive:
        size = archive.getinfo(part).file_size
    lying = tmp_path / "lying.xlsx"
    lying.write_bytes(_declare_size(good.read_bytes(), part, size // 2))
    with pytest.raises(RegisterError, match="damaged"):
        read_register_all(lying)


# --------------------------------------------------------------------------------------------------
# Without the extra; the command line
# --------------------------------------------------------------------------------------------------


def test_import_and_csv_never_load_python_calamine() -> None:
    code = (
        "import sys, klachtregels\n"
        "from klachtregels.register import read_register_all\n"
        f"read_register_all({str(DATA / 'example.csv')!r})\n"
        "assert 'python_calamine' not in sys.modules, 'calamine imported'\n"
        "assert 'klachtregels.register.xlsx' not in sys.modules, 'xlsx module imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_without_the_extra_an_xlsx_register_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "r.xlsx", [["id"], ["K1"]])
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # and the fallback's (test_xlsx_backends.py)
    with pytest.raises(RegisterError, match=r"klachtregels\[xlsx\]"):
        read_register_all(path)


def test_cli_without_the_extra_exits_2_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "r.xlsx", [["id"], ["K1"]])
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["check", str(path), "--as-of", "2026-01-01"]) == 2
    err = capsys.readouterr().err
    assert "klachtregels[xlsx]" in err
    assert "r.xlsx" in err
    assert "Traceback" not in err


def test_cli_check_and_report_read_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (DATA / "example.csv").open(encoding="utf-8", newline="") as fh:
        path = workbook(tmp_path / "example.xlsx", list(csv.reader(fh)))
    csv_path = str(DATA / "example.csv")
    outputs = []
    for register in (csv_path, str(path)):
        assert (
            main(["check", register, "--as-of", "2026-06-01", "--fail-on", "never", "--format", "json"]) == 0
        )
        check = json.loads(capsys.readouterr().out)
        assert main(["report", register, "--year", "2026", "--format", "json"]) == 0
        report = json.loads(capsys.readouterr().out)
        outputs.append((check["findings"], check["summary"]["rows_read"], report["total"], report["entries"]))
    assert outputs[0] == outputs[1]  # the workbook gives what its CSV gives


def test_cli_names_a_damaged_workbook_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert main(["check", str(path), "--as-of", "2026-01-01"]) == 2
    err = capsys.readouterr().err
    assert "kapot.xlsx" in err
    assert "Traceback" not in err
