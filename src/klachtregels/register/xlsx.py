"""Excel workbooks (``.xlsx``): one worksheet's rows, read as a CSV file's rows are.

The cells are read by python-calamine (the optional extra ``klachtregels[xlsx]``), imported only
when an ``.xlsx`` register is read: ``import klachtregels`` and every CSV or JSON read never load
it. Where python-calamine cannot be imported (Pyodide, the browser page of ``web/``: it has no
build there), openpyxl reads the sheet instead (``read_only=True``, values only), and its values
are brought to python-calamine's (:func:`_openpyxl_rows`), so both give the same records, errors
and row accounting (``tests/register/test_xlsx_backends.py``).

:class:`XlsxRows` has the interface of :class:`~klachtregels.register.sources.CsvRows`
(``header``, ``blank``, ``lines_read``, rows as :class:`~klachtregels.register.sources.CsvRow`),
so the reader treats both alike: the same header handling, mapping, vocabulary, date convention
and row accounting. A row's number is its row number in the sheet (the header's row included).

Each cell becomes what a CSV export of it would hold, so it goes through the same cell readers:

- text stays text; a number is written without a needless ``.0`` (an id ``123`` is ``"123"``);
- a date or date-time cell is written in ISO form and read by the one date convention
  (:mod:`klachtregels._time`; a date-time without a zone is Amsterdam local time, A22). A number
  in a date column (an Excel serial without a date format) and a serial typed as text are not
  dates and reject their row;
- TRUE and FALSE are the words ``true`` and ``false``;
- an error value (``#N/A``, ``#DIV/0!``), a time of day and a duration are no value of any
  column: in a column that is read, they reject the row (the column and the kind are named).

Before either reader sees the file, the zip archive is checked with the standard library: every
part's size (declared and, for the parts read, actual) is bounded by :data:`MAX_XLSX_PART_BYTES`,
and the chosen sheet's extent (rows x columns, which python-calamine holds in memory at once) by
:data:`MAX_XLSX_CELLS`. A tiny file that claims a cell at XFD1048576 would otherwise make it
allocate half a terabyte and abort the process (openpyxl is made to ignore the sheet's declared
dimension, which the scan does not trust either). The same scan finds the error cells, which
python-calamine hands out as empty cells.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import posixpath
import re
import zipfile
import zlib
from typing import IO, TYPE_CHECKING, Any, ClassVar, Final, NamedTuple

from klachtregels.register.cells import MAX_CELL_CHARS
from klachtregels.register.sources import CsvRow, register_error

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "MAX_XLSX_CELLS",
    "MAX_XLSX_PART_BYTES",
    "SheetScan",
    "XlsxFault",
    "XlsxRows",
    "cell_text",
    "check_workbook",
]

#: The most cells (rows x columns of the sheet's used range) a worksheet may span: python-calamine
#: holds the whole range in memory, about 100 bytes a cell with its text (docs/performance.md), so
#: this is about 400 MB: 100,000 complaints of 41 columns, or 262,144 of 16. A larger register is
#: read row by row, in constant memory, when it is saved as CSV.
MAX_XLSX_CELLS: Final = 4_194_304
#: The largest part of the archive (a worksheet, the shared strings), uncompressed, in bytes.
MAX_XLSX_PART_BYTES: Final = 1 << 30

_READ: Final = 1 << 20
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected workbook


# --------------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------------


class XlsxFault:
    """A cell that holds no value any column takes: an error value, a time of day, a duration.

    Its ``kind`` is the message code of the kind a cell problem names (``expected a date, got a
    time of day``); the value itself is never kept. It is never empty, and longer than any text
    cell, so the reader's text shortcut passes it to the column's cell reader, which rejects it by
    kind.
    """

    __slots__ = ()
    #: The kind a problem names (messages/register.toml, REGISTER_KIND_*).
    kind: ClassVar[str] = "REGISTER_KIND_CELL_ERROR"

    def __bool__(self) -> bool:
        return True

    def __len__(self) -> int:
        return MAX_CELL_CHARS + 1


# Each kind the messages name (cells._kind_of reads ``kind``).
_ERROR: Final[XlsxFault] = type("CellError", (XlsxFault,), {"__slots__": ()})()
_TIME: Final[XlsxFault] = type("TimeOfDay", (XlsxFault,), {"__slots__": (), "kind": "REGISTER_KIND_TIME"})()
_DURATION: Final[XlsxFault] = type(
    "Duration", (XlsxFault,), {"__slots__": (), "kind": "REGISTER_KIND_DURATION"}
)()


def _number(value: float) -> str:
    """A number as a CSV export writes it: ``123`` for 123.0 (ids, counts), else the shortest form."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def cell_text(value: Any) -> str | XlsxFault:
    """One cell value from python-calamine as the reader takes it (see the module docstring)."""
    cls = value.__class__
    if cls is str:
        return str(value)  # the same object: str() of a str returns it
    if cls is float:
        return _number(float(value))
    if cls is bool:
        return "true" if value else "false"
    if cls is int:
        return str(value)
    if isinstance(value, dt.date):  # date and datetime: ISO, read by the one date convention
        return value.isoformat()
    if isinstance(value, dt.time):
        return _TIME
    if isinstance(value, dt.timedelta):
        return _DURATION
    return "" if value is None else _ERROR


def _header_text(value: Any) -> str:
    found = cell_text(value)
    return found.strip().lstrip("\ufeff") if isinstance(found, str) else ""


# --------------------------------------------------------------------------------------------------
# The archive, checked before python-calamine reads it
# --------------------------------------------------------------------------------------------------

_TAG_ATTRS: Final = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SHEET_TAG: Final = re.compile(rb"<(?:\w+:)?sheet\s([^>]*)>")
_REL_TAG: Final = re.compile(rb"<(?:\w+:)?Relationship\s([^>]*)>")
# The scan of a worksheet. Fast path: the form every common writer uses (``<c r="AB12" ...>``,
# ``<row r="12" ...>``, no namespace prefix), read with patterns that start with a literal.
#: A cell or row tag in another form, or a prefixed one (each search starts on a literal: fast).
_ODD_TAGS: Final = (
    re.compile(rb'<c(?! r="[A-Z]{1,3}\d)[\s/>]'),
    re.compile(rb'<row(?! r="\d)[\s/>]'),
    re.compile(rb":(?:c|row)[\s/>]"),
)
_LAST_ROW: Final = b'<row r="'
_TWO_LETTERS: Final = re.compile(rb'<c r="([A-Z]{2,3})\d')
_CELL_ROW: Final = re.compile(rb'<c r="[A-Z]{1,3}(\d+)')
_CELL_COLUMN: Final = re.compile(rb'<c r="([A-Z]{1,3})\d')
_ROW_NUMBER: Final = re.compile(rb'<row r="(\d+)')
#: Where an error cell (``t="e"``) may be: the exact pattern runs only on chunks that have one.
_ERROR_MARK: Final = re.compile(rb"""=\s*["']e["']""")
# Any form (either quote, white space, a prefix, the reference after other attributes): slower.
_CELL_REF: Final = re.compile(rb"""<(?:\w+:)?c\s[^>]*?\br\s*=\s*["']([A-Za-z]+)(\d+)["']""")
_ROW_REF: Final = re.compile(rb"""<(?:\w+:)?row\s[^>]*?\br\s*=\s*["'](\d+)["']""")
#: Cells and rows without a reference take the next position: each may add one to the extent.
_CELL_NO_REF: Final = re.compile(rb"""<(?:\w+:)?c(?=[\s/>])(?![^>]*\br\s*=)""")
_ROW_NO_REF: Final = re.compile(rb"""<(?:\w+:)?row(?=[\s/>])(?![^>]*\br\s*=)""")
_ERROR_CELL: Final = re.compile(rb"""<(?:\w+:)?c\s([^>]*\bt\s*=\s*["']e["'][^>]*)>""")
_REF_ATTR: Final = re.compile(rb"""\br\s*=\s*["']([A-Za-z]+)(\d+)["']""")
#: More digits than this in a row number is past any sheet (Excel's last row is 1,048,576).
_MAX_DIGITS: Final = 9


@functools.cache
def _longer_row(digits: int) -> re.Pattern[bytes]:
    """A cell or row numbered with more than ``digits`` digits (fast-path form)."""
    return re.compile(rb'<(?:c r="[A-Z]{1,3}|row r=")\d{%d}' % (digits + 1))


class _Extent:
    """An upper bound of a worksheet's used range (rows x columns), built chunk by chunk.

    Fast path: the row numbers' digit count (a sheet whose rows have at most five digits has at
    most 99,999 rows) and the widest column of two or three letters (else at most 26). When this
    bound passes the cell limit, the sheet is read again with ``exact=True``: every reference's
    row and column. Chunks in any other form are read exactly at once (every cell's and row's
    reference; unreferenced cells and rows add one each).
    """

    def __init__(self) -> None:
        self.digits = 0
        self.rows = 0
        self.columns = 0
        self.loose = 0  # unreferenced cells and rows

    def add(self, chunk: bytes, *, exact: bool = False) -> None:
        """Take one chunk of the sheet's XML into the bound."""
        if any(odd.search(chunk) is not None for odd in _ODD_TAGS):
            self._any_form(chunk)
            return
        if exact:
            found = _CELL_ROW.findall(chunk) + _ROW_NUMBER.findall(chunk)
            self.rows = max(self.rows, max(map(int, set(found)), default=0))
            letters = set(_CELL_COLUMN.findall(chunk))
            self.columns = max(self.columns, *(_column_number(c) for c in letters), 0)
            return
        at = chunk.rfind(_LAST_ROW)
        if at >= 0:
            end = at + len(_LAST_ROW)
            while end < len(chunk) and chunk[end] in b"0123456789":
                end += 1
            self.digits = max(self.digits, end - at - len(_LAST_ROW))
        while self.digits <= _MAX_DIGITS and _longer_row(self.digits).search(chunk) is not None:
            self.digits += 1
        wide = set(_TWO_LETTERS.findall(chunk))
        self.columns = max(self.columns, 26, *(_column_number(c) for c in wide))

    def _any_form(self, chunk: bytes) -> None:
        refs = _CELL_REF.findall(chunk)
        if refs:
            self.columns = max(self.columns, *(_column_number(c) for c in {c for c, _ in refs}))
            self.rows = max(self.rows, *(int(r) for r in {r for _, r in refs}))
        self.rows = max(self.rows, max(map(int, _ROW_REF.findall(chunk)), default=0))
        self.loose += len(_CELL_NO_REF.findall(chunk)) + len(_ROW_NO_REF.findall(chunk))

    @property
    def cells(self) -> tuple[int, int]:
        """The bound: (rows, columns); each unreferenced cell or row may add one to both."""
        rows = max(self.rows, 10**self.digits - 1 if self.digits else 0)
        return rows + self.loose, self.columns + self.loose


def _errors(chunk: bytes, errors: dict[int, set[int]]) -> None:
    """Add the chunk's error cells (``t="e"``) to ``errors`` (row -> columns)."""
    if _ERROR_MARK.search(chunk) is None:
        return
    for attrs_text in _ERROR_CELL.findall(chunk):
        ref = _REF_ATTR.search(attrs_text)
        if ref is not None:
            errors.setdefault(int(ref.group(2)), set()).add(_column_number(ref.group(1)))


def _attrs(tag: bytes) -> dict[str, str]:
    """A tag's attributes by local name (``r:id`` -> ``id``), values unescaped."""
    out: dict[str, str] = {}
    for name, double, single in _TAG_ATTRS.findall(tag):
        local = name.decode("ascii", "replace").rsplit(":", 1)[-1]
        out[local] = html.unescape((double or single).decode("utf-8", "replace"))
    return out


def _column_number(letters: bytes) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27 (at most 16,384 in Excel; more is refused by size)."""
    n = 0
    for ch in letters.upper()[:8]:
        n = n * 26 + ch - 64
    return n


class _Sheet(NamedTuple):
    name: str
    part: str
    visible: bool
    worksheet: bool


class SheetScan(NamedTuple):
    """What the scan of one worksheet's XML found (positions are 1-based)."""

    rows: int
    columns: int
    #: Error cells: row -> its columns.
    errors: dict[int, set[int]]


def _not_workbook(code: str = "XLSX_NOT_WORKBOOK") -> Exception:
    return register_error(code)


class _Archive:
    """The zip archive of a workbook, checked part by part with the standard library."""

    def __init__(self, binary: IO[bytes]) -> None:
        head = binary.read(8)
        binary.seek(0)
        if head == _OLE_MAGIC:
            raise _not_workbook("XLSX_OLE")
        try:
            self.zip = zipfile.ZipFile(binary)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise _not_workbook() from None  # NotImplementedError: a damaged "version needed" field
        self._infos = {info.filename: info for info in self.zip.infolist()}
        for info in self._infos.values():
            if info.file_size > MAX_XLSX_PART_BYTES:
                raise register_error("XLSX_TOO_LARGE", limit=MAX_XLSX_PART_BYTES)
        if "xl/workbook.xml" not in self._infos:
            raise _not_workbook()

    def read(self, name: str) -> bytes:
        """A whole part (its size already bounded), or b"" when the archive has no such part."""
        if name not in self._infos:
            return b""
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        """A part's bytes in pieces cut after a ``>`` (no tag is split); a damaged part is an error.

        The standard library stops at the declared size and checks the CRC, so a part that holds
        more than it declares (a zip bomb that lies) is refused, not unpacked.
        """
        tail = b""
        try:
            with self.zip.open(self._infos[name]) as part:
                while block := part.read(_READ):
                    data = tail + block
                    cut = data.rfind(b">") + 1
                    yield data[:cut]
                    tail = data[cut:]
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ):
            raise _not_workbook("XLSX_DAMAGED") from None
        if tail:
            yield tail

    def check_parts(self) -> None:
        """Unpack every XML part python-calamine reads before the sheet (to prove its size)."""
        for name in self._infos:
            if name.endswith((".xml", ".rels")) and not name.startswith("xl/worksheets/"):
                for _ in self.chunks(name):
                    pass

    def sheets(self) -> list[_Sheet]:
        """The workbook's sheets in workbook order, with their parts."""
        targets: dict[str, tuple[str, bool]] = {}
        for tag in _REL_TAG.findall(self.read("xl/_rels/workbook.xml.rels")):
            rel = _attrs(tag)
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            targets[rel.get("Id", "")] = (
                posixpath.normpath(path),
                rel.get("Type", "").endswith("/worksheet"),
            )
        out = []
        for tag in _SHEET_TAG.findall(self.read("xl/workbook.xml")):
            sheet = _attrs(tag)
            part, worksheet = targets.get(sheet.get("id", ""), ("", False))
            visible = sheet.get("state", "visible") == "visible"
            out.append(_Sheet(sheet.get("name", ""), part, visible, worksheet and part in self._infos))
        return out

    def scan(self, part: str) -> SheetScan:
        """The extent (an upper bound) and the error cells of a worksheet, from its XML."""
        extent = _Extent()
        errors: dict[int, set[int]] = {}
        for chunk in self.chunks(part):
            extent.add(chunk)
            _errors(chunk, errors)
        rows, columns = extent.cells
        if rows * columns > MAX_XLSX_CELLS and extent.digits:  # the quick bound: count exactly
            extent = _Extent()
            for chunk in self.chunks(part):
                extent.add(chunk, exact=True)
            rows, columns = extent.cells
        return SheetScan(rows, columns, errors)


def _choose(sheets: list[_Sheet], name: str | None) -> _Sheet:
    """The sheet named ``name``, else the first visible worksheet."""
    if name is not None:
        found = [s for s in sheets if s.name == name] or [
            s for s in sheets if s.name.casefold() == name.casefold()
        ]
        if not found:
            raise register_error("XLSX_NO_SUCH_SHEET", count=len(sheets))
        if not found[0].worksheet:
            raise register_error("XLSX_NOT_A_WORKSHEET")
        return found[0]
    for sheet in sheets:
        if sheet.worksheet and sheet.visible:
            return sheet
    raise register_error("XLSX_NO_WORKSHEET")


def check_workbook(binary: IO[bytes], sheet: str | None = None) -> tuple[_Sheet, SheetScan]:
    """The sheet to read and its scan, after every check python-calamine must not meet unguarded.

    ``binary`` is seekable; it is left at its start. Raises
    :class:`~klachtregels.errors.RegisterError` for a file that is no workbook, a damaged or
    oversized part, no such sheet, or a sheet spanning more than :data:`MAX_XLSX_CELLS` cells.
    """
    archive = _Archive(binary)
    try:
        archive.check_parts()
        chosen = _choose(archive.sheets(), sheet)
        scan = archive.scan(chosen.part)
    finally:
        archive.zip.close()
        binary.seek(0)
    if scan.rows * scan.columns > MAX_XLSX_CELLS:
        raise register_error(
            "XLSX_TOO_MANY_CELLS", rows=scan.rows, columns=scan.columns, limit=MAX_XLSX_CELLS
        )
    return chosen, scan


def _reader() -> Callable[[IO[bytes], _Sheet], Iterator[list[Any]]]:
    """The sheet reader: python-calamine, else openpyxl (Pyodide), else the extra is named."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        pass
    else:
        return _calamine_rows
    try:
        import openpyxl  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise register_error("XLSX_NEEDS_EXTRA") from None
    return _openpyxl_rows


def _seekable(stream: IO[Any]) -> IO[bytes]:
    """A seekable binary stream (a pipe is read whole, up to the part limit)."""
    if not isinstance(stream.read(0), bytes):
        raise register_error("XLSX_TEXT_STREAM")
    if stream.seekable():
        stream.seek(0)
        return stream
    data = stream.read(MAX_XLSX_PART_BYTES + 1)
    if len(data) > MAX_XLSX_PART_BYTES:
        raise register_error("XLSX_TOO_LARGE", limit=MAX_XLSX_PART_BYTES)
    return io.BytesIO(data)


def _calamine_rows(binary: IO[bytes], sheet: _Sheet) -> Iterator[list[Any]]:
    """The sheet's rows from python-calamine (its errors, and a Rust panic, as RegisterError)."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(binary)
        loaded = workbook.get_sheet_by_name(sheet.name)
        rows = loaded.iter_rows()
        start = loaded.start
    except Exception:  # python-calamine raises its own errors, ValueError, OSError, ...
        raise _not_workbook("XLSX_DAMAGED") from None
    except BaseException as exc:  # a Rust panic is pyo3's PanicException, a BaseException
        if type(exc).__name__ != "PanicException":
            raise
        raise _not_workbook("XLSX_DAMAGED") from None
    # The column where the rows start (0-based), then the rows. python-calamine's iter_rows starts at
    # the sheet's first row (empty rows above the data come as empty lists of the same width) but
    # at the first used column (tests/register/test_xlsx.py pins both).
    yield [start[1] if start is not None else 0]
    yield from rows


def _calamine_value(value: Any) -> Any:
    """An openpyxl value as python-calamine gives it: numbers as floats, a midnight date-time a date.

    python-calamine decides by the value, not the number format: a date-time at midnight is a date
    (whatever the format), a serial below 1 a time of day (openpyxl does the same).
    """
    cls = value.__class__
    if cls is int:
        return float(value)
    if cls is dt.datetime and value.time() == dt.time():
        return value.date()
    return value


def _openpyxl_rows(binary: IO[bytes], sheet: _Sheet) -> Iterator[list[Any]]:
    """The sheet's rows from openpyxl, shaped as python-calamine shapes them (see :func:`_calamine_rows`).

    Read-only and values only; the sheet's declared dimension is ignored (it is not checked, the
    cells are). openpyxl reads a duration cell as a duration in read-only mode from 3.1.3 on (before,
    as its number). The rows are held (the scan bounded their cells) to find the used range: from the
    first used column to the last, rows from the sheet's first to its last used one.
    """
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions (data validation, ...)
            book = openpyxl.load_workbook(binary, read_only=True, data_only=True, keep_links=False)
            try:
                loaded = book[sheet.name]
                loaded.reset_dimensions()
                rows = [list(values) for values in loaded.iter_rows(values_only=True)]
            finally:
                book.close()
    except Exception:  # openpyxl raises KeyError, ValueError, TypeError, its own errors, ...
        raise _not_workbook("XLSX_DAMAGED") from None
    used = [[i for i, value in enumerate(values) if value is not None] for values in rows]
    while rows and not used[-1]:
        rows.pop()
        used.pop()
    first = min((u[0] for u in used if u), default=0)
    width = max((u[-1] + 1 for u in used if u), default=0) - first
    yield [first]
    for values in rows:
        cells = [_calamine_value(v) for v in values[first : first + width]]
        yield cells + [""] * (width - len(cells))


# --------------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------------


class XlsxRows:
    """The header and then the rows of one worksheet, as :class:`CsvRow`; blank rows skipped.

    ``sheet``: the sheet's name (exact, else without regard to case); None: the first visible
    worksheet. A workbook that cannot be read raises :class:`~klachtregels.errors.RegisterError`
    (when the object is made, like a CSV file without a header).
    """

    #: A workbook has no separator (the summary's ``delimiter`` is None).
    delimiter: str | None = None

    def __init__(self, stream: IO[Any], sheet: str | None = None) -> None:
        reader = _reader()  # without the extra, say so before anything else
        binary = _seekable(stream)
        chosen, scan = check_workbook(binary, sheet)
        self._errors = scan.errors
        rows = reader(binary, chosen)
        (self._first_column,) = next(rows)
        self._rows = rows
        #: Rows without any cell content: not records (the empty rows above the header included).
        self.blank = 0
        self._line = 0
        self.header = self._header()

    @property
    def lines_read(self) -> int:
        """Sheet rows read so far (the header's row, and empty rows above it, included)."""
        return self._line

    def _header(self) -> list[str]:
        for values in self._rows:
            self._line += 1
            if any(_header_text(v) for v in values):
                return [_header_text(v) for v in values]
            self.blank += 1
        raise register_error("REGISTER_NO_HEADER")

    def _cells(self, values: list[Any]) -> list[Any]:
        cells: list[Any] = [v if v.__class__ is str else cell_text(v) for v in values]
        faults = self._errors.get(self._line)
        if faults:
            first = self._first_column + 1
            for column in faults:
                if 0 <= column - first < len(cells):
                    cells[column - first] = _ERROR
        return cells

    def __iter__(self) -> Iterator[CsvRow]:
        make = tuple.__new__  # CsvRow without its Python-level __new__, as CsvRows does
        for values in self._rows:
            self._line += 1
            cells = self._cells(values)
            if not any(c.strip() if c.__class__ is str else True for c in cells):
                self.blank += 1
                continue
            yield make(CsvRow, (self._line, self._line, cells, None))
