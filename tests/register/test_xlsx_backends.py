"""The two .xlsx readers give the same register: python-calamine, and openpyxl where it is missing.

Pyodide (the browser page of ``web/``, issue 15) has no python-calamine build; there the sheet is
read by openpyxl (``read_only=True``, values only). Every workbook here is read by both, and the
records, the rejected rows (row, column, code, message) and the summary must be equal. The archive
check (the hostile-workbook guard) runs before either reader loads the sheet.
"""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from register_helpers import DATA, assert_accounting

from klachtregels.errors import RegisterError
from klachtregels.register import ColumnMapping, read_register_all

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("python_calamine")


def _book(path: Path, rows: list[list[Any]], *, errors: tuple[str, ...] = (), at: str = "A1") -> Path:
    """A workbook with ``rows`` from cell ``at`` (None = an empty cell); ``errors``: error cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Klachten"
    origin = sheet[at]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.cell(row=origin.row + r, column=origin.column + c, value=value)
    for ref in errors:
        sheet[ref].data_type = "e"
    book.save(path)
    return path


def _example(path: Path) -> Path:
    import csv

    with (DATA / "example.csv").open(encoding="utf-8", newline="") as fh:
        return _book(path, list(csv.reader(fh)))


def _typed(path: Path) -> Path:
    return _book(
        path,
        [
            ["id", "received_on", "location", "extension_agreed", "judgement_sent_on"],
            [123, dt.date(2025, 3, 1), "KDV De Egel", True, dt.datetime(2025, 4, 2, 23, 30)],
            ["K-2", "03-03-2025", 4.5, False, None],
            ["K-3", dt.datetime(2025, 3, 4), 10**20, 1, dt.datetime(2025, 4, 5)],  # midnight: a date
        ],
    )


def _offset(path: Path) -> Path:
    """Rows 1-2 empty, the table from C3, a blank row, an empty row, trailing styled empty rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"] = "id", "location"
    sheet["C4"], sheet["D4"] = "K1", "KDV"
    sheet["C5"] = "   "
    sheet["C7"], sheet["D7"] = "K2", "BSO"
    sheet["F12"].number_format = "0.00"  # a styled cell without a value: not in the used range
    book.save(path)
    return path


def _errors(path: Path) -> Path:
    return _book(
        path,
        [
            ["id", "received_on", "location", "hulpkolom"],
            ["K1", "#N/A", "KDV", "#DIV/0!"],
            ["K2", dt.date(2025, 3, 1), "#REF!", "x"],
            ["K3", dt.date(2025, 3, 1), "KDV", "#VALUE!"],
        ],
        errors=("B2", "D2", "C3", "D4"),
    )


def _odd(path: Path) -> Path:
    return _book(
        path,
        [
            ["id", "received_on", "channel", "extension_agreed"],
            ["K1", dt.time(10, 30), "email", "ja"],
            ["K2", dt.date(2025, 3, 1), True, "nee"],
            ["K4", 45717, "email", 1],
            ["K5", "45717", "brief", None],
        ],
    )


def _duration(path: Path) -> Path:
    """A duration cell ([h]:mm:ss): openpyxl reads it as one from 3.1.3 on (read-only mode)."""
    return _book(
        path,
        [["id", "received_on", "extension_agreed"], ["K3", dt.date(2025, 3, 1), dt.timedelta(days=2)]],
    )


def _ragged(path: Path) -> Path:
    """A row wider than the header, one shorter, and the table from B2."""
    return _book(
        path,
        [["id", "location"], ["K1", "KDV", "extra"], ["K2"], [None, None], ["K3", "BSO"]],
        at="B2",
    )


def _mapped(path: Path) -> Path:
    return _book(path, [["Kenmerk", "Datum ontvangst", "Oordeel"], ["K1", dt.date(2025, 3, 1), "Terecht"]])


_MAPPING = ColumnMapping(
    columns={"Kenmerk": "id", "Datum ontvangst": "received_on", "Oordeel": "verdict"},
    values={"verdict": {"Terecht": "gegrond"}},
)

WORKBOOKS: dict[str, tuple[Callable[[Path], Path], ColumnMapping | None]] = {
    "example": (_example, None),
    "typed": (_typed, None),
    "offset": (_offset, None),
    "errors": (_errors, None),
    "odd": (_odd, None),
    "duration": (_duration, None),
    "ragged": (_ragged, None),
    "mapped": (_mapped, _MAPPING),
}


def _read(path: Path, mapping: ColumnMapping | None, backend: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The register read by ``backend`` ("calamine" or "openpyxl"), as comparable values."""
    with monkeypatch.context() as patch:
        if backend == "openpyxl":
            patch.setitem(sys.modules, "python_calamine", None)  # import fails: the fallback reads
        else:
            patch.setitem(sys.modules, "openpyxl", None)  # python-calamine must not need it
        result = read_register_all(path, mapping=mapping)
    assert_accounting(result)
    errors = [(e.row, e.column, e.code, e.describe("en")) for e in result.errors]
    return result.records, errors, result.summary


def _openpyxl_at_least(*version: int) -> bool:
    return tuple(int(part) for part in openpyxl.__version__.split(".")[:3]) >= version


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.skipif(
                name == "duration" and not _openpyxl_at_least(3, 1, 3),
                reason="openpyxl before 3.1.3 reads a duration cell as a number in read-only mode",
            ),
        )
        for name in WORKBOOKS
    ],
)
def test_both_readers_give_the_same_register(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, mapping = WORKBOOKS[name]
    path = make(tmp_path / f"{name}.xlsx")
    calamine = _read(path, mapping, "calamine", monkeypatch)
    fallback = _read(path, mapping, "openpyxl", monkeypatch)
    assert fallback == calamine
    assert calamine[0] or calamine[1]  # each workbook gives records or rejected rows


def test_the_fallback_reads_the_typed_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only equal: the openpyxl reading is the right one (ids without .0, dates, booleans)."""
    records, errors, summary = _read(_typed(tmp_path / "t.xlsx"), None, "openpyxl", monkeypatch)
    assert [r.complaint.id for r in records] == ["123", "K-2", "K-3"]
    assert records[0].complaint.received_on == dt.date(2025, 3, 1)
    assert records[0].judgement.sent_on == dt.datetime(2025, 4, 2, 23, 30)
    assert records[2].judgement.sent_on == dt.date(2025, 4, 5)
    assert records[2].complaint.location == "1e+20"
    assert (records[0].complaint.extension_agreed, records[1].complaint.extension_agreed) == (True, False)
    assert errors == []
    assert summary.format == "xlsx"


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", "K1", "KDV", "email", "brief", "ja", "2025-02-30"]),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
    st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2100, 12, 31)),
)
_HEADERS = st.lists(st.sampled_from(["id", "received_on", "location", "channel", "extension_agreed", "x"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=_HEADERS,
    rows=st.lists(st.lists(_CELLS, max_size=6), max_size=8),
    at=st.sampled_from(["A1", "B1", "A3", "C2"]),
)
def test_any_sheet_reads_the_same_with_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: list[str], rows: list[list[Any]], at: str
) -> None:
    cells = [v for row in [header, *rows] for v in row if v is not None]
    assume(cells)  # an empty sheet: test_an_empty_sheet_has_no_header (python-calamine 0.3 panics there)
    path = _book(tmp_path / "any.xlsx", [list(header), *rows], at=at)
    assert _outcome(path, "openpyxl", monkeypatch) == _outcome(path, "calamine", monkeypatch)


def _outcome(path: Path, backend: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The register read by ``backend``, or the text of the error it raised (a sheet without a header)."""
    try:
        return _read(path, None, backend, monkeypatch)
    except RegisterError as error:
        return str(error)


def test_an_empty_sheet_has_no_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl: the error a CSV file without a header gives (python-calamine 0.3 calls it damaged)."""
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    assert _outcome(tmp_path / "empty.xlsx", "openpyxl", monkeypatch) == _outcome_csv(tmp_path)


def _outcome_csv(tmp_path: Path) -> str:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(RegisterError) as info:
        read_register_all(tmp_path / "empty.csv")
    return str(info.value)


def _bomb(path: Path) -> Path:
    """Two cells, A1 and XFD1048576: refused by the archive check before a reader loads the sheet."""
    _book(path.with_name("good.xlsx"), [["id"], ["K1"]])
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    return _replace_sheet(path.with_name("good.xlsx"), path, body)


def _replace_sheet(source: Path, target: Path, body: str, dimension: str = "") -> Path:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dimension}<sheetData>{body}</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = xml if info.filename == "xl/worksheets/sheet1.xml" else old.read(info)
            new.writestr(info.filename, data)
    return target


def test_the_archive_check_runs_before_openpyxl_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[object] = []
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: loads.append(a))
    with pytest.raises(RegisterError) as info:
        read_register_all(_bomb(tmp_path / "bomb.xlsx"))
    assert "1048576 rows x 16384 columns" in str(info.value)
    assert loads == []


def test_a_declared_dimension_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet that declares A1:XFD1048576 but holds two rows: openpyxl reads the two rows only."""
    _book(tmp_path / "good.xlsx", [["id"], ["K1"]])
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c></row>'
    )
    path = _replace_sheet(
        tmp_path / "good.xlsx", tmp_path / "wide.xlsx", body, '<dimension ref="A1:XFD1048576"/>'
    )
    records, errors, summary = _read(path, None, "openpyxl", monkeypatch)
    assert [r.complaint.id for r in records] == ["K1"]
    assert (errors, summary.lines_read) == ([], 2)
    assert _read(path, None, "calamine", monkeypatch) == (records, errors, summary)


def test_without_either_reader_the_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "r.xlsx", [["id"], ["K1"]])
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(RegisterError, match=r"klachtregels\[xlsx\]"):
        read_register_all(path)


def test_a_damaged_sheet_is_a_register_error_with_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _book(tmp_path / "good.xlsx", [["id"], ["K1"]])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(tmp_path / "good.xlsx") as old, zipfile.ZipFile(bad, "w") as new:
        for info in old.infolist():
            data = (
                b"<worksheet><sheetData><row"
                if info.filename.startswith("xl/worksheets/")
                else old.read(info)
            )
            new.writestr(info.filename, data)
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(RegisterError, match="damaged"):
        read_register_all(bad)
