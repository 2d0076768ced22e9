"""Where rows come from: bytes to lines, lines to CSV rows, JSON Lines objects or a JSON array.

Nothing here knows the columns. :class:`DecodedLines` turns bytes into numbered lines (a bad byte
costs its line, listed, not the file); :class:`CsvRows` turns lines into :class:`CsvRow` objects,
one for every row that starts, readable or not (a stray quote, a lone CR, a bad byte), each with
the line where it starts (the header is line 1), and counts the blank lines it skips. A file that
cannot be read at all raises :class:`~klachtregels.errors.RegisterError`.
"""

from __future__ import annotations

import codecs
import collections
import csv
import io
import itertools
import os
import pathlib
import re
from typing import IO, TYPE_CHECKING, Any, Final, Literal, NamedTuple, TypeAlias

from klachtregels._io import loads_json
from klachtregels.errors import RegisterError
from klachtregels.messages import Message, text

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "CSV_FIELD_LIMIT",
    "JSON_LINE_LIMIT",
    "JSON_REGISTER_LIMIT",
    "REPEATED_KEY_ROW",
    "CsvRow",
    "CsvRows",
    "DecodedLines",
    "DuplicateKeyError",
    "Format",
    "Source",
    "guess_encoding",
    "guess_format",
    "json_array",
    "no_duplicates",
    "register_error",
    "sniff_delimiter",
    "text_codec",
]

Format: TypeAlias = Literal["csv", "jsonl", "json", "xlsx"]
Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"

#: The csv module's own limit is raised to this; a longer field (an unclosed quote swallowing the
#: rest of the file) makes the file unreadable (RegisterError).
CSV_FIELD_LIMIT: Final = 16 * 1_048_576
#: Longest JSON Lines line (one row), in characters: the CSV field limit. A longer line rejects its
#: row; the other rows are read.
JSON_LINE_LIMIT: Final = CSV_FIELD_LIMIT
#: Largest JSON register (an array read whole), in characters. JSON Lines streams: use it for more.
JSON_REGISTER_LIMIT: Final = 64 * 1_048_576

_EXTENSIONS: Final[dict[str, Format]] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xlsx": "xlsx",  # read through the optional extra klachtregels[xlsx] (register.xlsx)
}


def register_error(code: str, /, **params: object) -> RegisterError:
    """A :class:`RegisterError` with the catalogue's English text for ``code``."""
    return RegisterError(text(code, "en", **params))


def guess_format(source: Source) -> Format:
    """The format by the file name's extension; a stream without a name needs ``format=``."""
    name: Any = source if isinstance(source, str | os.PathLike) else getattr(source, "name", None)
    if not isinstance(name, str | os.PathLike):
        raise register_error("REGISTER_FORMAT_OF_STREAM")
    ext = pathlib.PurePath(os.fspath(name)).suffix.lower()
    found = _EXTENSIONS.get(ext)
    if found is None:
        raise register_error("REGISTER_FORMAT_FROM_EXTENSION", extension=ext or "(none)")
    return found


# --------------------------------------------------------------------------------------------------
# Bytes to lines
# --------------------------------------------------------------------------------------------------


class _Prefixed(io.RawIOBase):
    """A raw stream that first returns ``prefix`` then the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)


def _utf16_lines(first: bytes, binary: IO[bytes]) -> Iterator[str]:
    wrapper = io.TextIOWrapper(io.BufferedReader(_Prefixed(first, binary)), encoding="utf-16", newline="")
    try:
        yield from wrapper
    except UnicodeDecodeError as exc:
        raise register_error("REGISTER_NOT_UTF16", reason=exc.reason) from None


#: Bytes read at a time; each block is cut after its last newline and decoded in one call.
_BLOCK: Final = 1 << 16


def _blocks(first: bytes, binary: IO[bytes]) -> Iterator[bytes]:
    """The file as blocks of whole lines (the last block may lack its final newline)."""
    pending = [first] if first else []
    while block := binary.read(_BLOCK):
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            pending.append(block)  # a very long line: keep collecting (joined once, not re-copied)
            continue
        pending.append(block[:cut])
        yield b"".join(pending)
        pending = [block[cut:]] if cut < len(block) else []
    if pending:
        yield b"".join(pending)


#: A valid UTF-8 sequence of two or more bytes: its presence marks a file as UTF-8 with a bad byte,
#: its absence (with bytes that are not UTF-8) as a Windows-1252 file (Excel's Dutch CSV export).
_UTF8_MULTIBYTE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def text_codec(name: object) -> codecs.CodecInfo | None:
    """The codec ``name`` names when a register can be read in it, else ``None``.

    Not a register encoding: an unknown name, a codec that is no text encoding (``rot13``,
    ``base64``, ``zip``), ``undefined``, and a codec that cannot replace a bad byte (``idna``,
    ``punycode``), since a bad byte must cost its line, not the run.
    """
    if not isinstance(name, str):
        return None
    try:
        codec = codecs.lookup(name)
        "".encode(name)
        b"a,\xff\n".decode(name, "replace")
    except (LookupError, ValueError):  # UnicodeError is a ValueError
        return None
    return codec


def guess_encoding(block: bytes) -> str:
    """``"utf-8"``, or ``"cp1252"`` when ``block`` is not UTF-8, holds no UTF-8 sequence at all
    and decodes as Windows-1252 (Excel's "CSV (puntkomma gescheiden)" on a Dutch Windows)."""
    try:
        block.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(block) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"  # a sequence cut at the end of the block
        if _UTF8_MULTIBYTE.search(block) is None:
            try:
                block.decode("cp1252")
            except UnicodeDecodeError:
                return "utf-8"
            return "cp1252"
    return "utf-8"


class DecodedLines:
    """A binary file as lines of text (split at ``\n`` only), one bad byte costing one line.

    UTF-8 by default (a BOM is skipped); UTF-16 with a BOM is recognised; with ``encoding=None`` a
    file whose first block is Windows-1252 (not UTF-8, no UTF-8 sequence in it) is read as
    ``cp1252``. A line that does not decode is yielded with U+FFFD in place of the bad bytes and
    listed in :attr:`undecodable` (line -> byte offset), so the row holding it is rejected, not the
    file. No fallback is decided half-way: records already handed out never change.

    Blocks of lines are decoded in one call each (the per-line path runs only around a bad byte).
    """

    def __init__(self, binary: IO[bytes], encoding: str | None) -> None:
        #: Line number (1-based, physical) -> byte offset of the first undecodable byte on it.
        self.undecodable: dict[int, int] = {}
        self._binary = binary
        self._first = binary.readline()
        self._utf16 = self._first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        self._blocks: Iterator[bytes] = iter(())
        if self._utf16:
            self.encoding = "utf-16"
            return
        self._blocks = _blocks(self._first, binary)
        head = next(self._blocks, b"")
        self._blocks = itertools.chain((head,), self._blocks) if head else self._blocks
        enc = encoding or guess_encoding(head)
        codec = text_codec(enc)
        if codec is None:
            raise register_error("REGISTER_UNKNOWN_ENCODING")  # the name is not shown (a typed value)
        self._codec = codec
        #: The encoding used (as given, or as recognised).
        self.encoding = enc
        if b"\n" not in head and b"\r" in head and "\r\n".encode(enc) == b"\r\n":
            # Old Mac line ends (CR only; Excel's "CSV (Macintosh)"): no LF at all, so ``head`` is
            # the whole file. Each CR ends a line, as a text editor shows it.
            self._blocks = iter((head.replace(b"\r", b"\n"),))

    def __iter__(self) -> Iterator[str]:
        if self._utf16:
            yield from _utf16_lines(self._first, self._binary)
            return
        decode = self._codec.decode
        offset = line_no = 0
        first = True
        for block in self._blocks:
            if first and block.startswith(codecs.BOM_UTF8) and self._codec.name == "utf-8":
                block, offset = block[3:], 3
            first = False
            try:
                text = decode(block)[0]
            except UnicodeDecodeError:
                yield from self._by_line(block, line_no, offset)
            else:
                yield from io.StringIO(text, newline="\n")
            line_no += block.count(b"\n")
            offset += len(block)

    def _by_line(self, block: bytes, line_no: int, offset: int) -> Iterator[str]:
        """``block`` line by line; a bad line is replaced and listed in :attr:`undecodable`."""
        decode = self._codec.decode
        for line in io.BytesIO(block):
            line_no += 1
            try:
                yield decode(line)[0]
            except UnicodeDecodeError as exc:
                self.undecodable[line_no] = offset + exc.start
                yield decode(line, "replace")[0]
            offset += len(line)


# --------------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------------

#: Excel's hint line ``sep=;`` before the header (written by some exports and templates).
_SEP_LINE: Final = re.compile(r"\s*sep=([^\r\n\"])\s*", re.IGNORECASE)


def sniff_delimiter(header_line: str) -> str:
    """``,``, ``;`` or tab: whichever splits the header line into most cells (``,`` on a tie)."""
    best, best_n = ",", 1
    for delim in (",", ";", "\t"):
        try:
            n = len(next(csv.reader([header_line], delimiter=delim), []))
        except csv.Error:
            continue
        if n > best_n:
            best, best_n = delim, n
    return best


class CsvRow(NamedTuple):
    """One row of a CSV file: its first and last physical line, its cells, or why it is rejected."""

    start: int
    end: int
    cells: list[str]
    #: Why the row cannot be read (its cells are then empty), or None.
    problem: Message | None


class _Tracked:
    """:func:`csv.reader` over numbered lines, with the lines of the row just read at hand, so a
    stray quote's swallowed lines can be read again.

    The lines go through :func:`itertools.tee` (C), not a Python call per line: the lagging copy
    gives the row's lines back afterwards (one ``next`` for a one-line row).
    """

    def __init__(self, lines: Iterator[str], base: int, delimiter: str) -> None:
        self._delimiter = delimiter
        self._start(lines, base)

    def _start(self, lines: Iterator[str], base: int) -> None:
        self._rest = lines
        main, self.lag = itertools.tee(lines)
        self.reader = csv.reader(main, delimiter=self._delimiter)
        #: The line number before the first of ``lines``.
        self.base = base

    @property
    def line(self) -> int:
        """The physical number of the last line the reader took."""
        return self.base + self.reader.line_num

    def skip(self, count: int) -> None:
        """Forget the ``count`` lines of the row just read."""
        collections.deque(itertools.islice(self.lag, count), maxlen=0)

    def take(self, count: int) -> list[str]:
        """The ``count`` lines of the row just read."""
        return list(itertools.islice(self.lag, count))

    def read_again(self, lines: list[str], base: int) -> None:
        """Read ``lines`` (line ``base + 1`` on) again, then the rest."""
        self._start(itertools.chain(lines, self._rest), base)


class CsvRows:
    """The header and then the rows of a CSV text, as :class:`CsvRow`; blank rows skipped.

    ``header`` is read when the object is made (a file without one raises RegisterError). A first
    line ``sep=;`` (Excel) sets the delimiter. Every row that starts is yielded, readable or not,
    so rows in = records + rows rejected always holds:

    - a quoted field that runs over following lines which look like rows (at least as many
      separators as the header) is a stray quote: its row is rejected with the line range, and
      the following lines are read again as rows of their own (never merged into one record);
    - a row the csv module cannot read (a lone CR outside quotes) is rejected; the read goes on;
    - a row holding an undecodable line (``undecodable``: line -> byte offset) is rejected.
    """

    def __init__(
        self,
        lines: Iterator[str],
        delimiter: str | None,
        *,
        undecodable: dict[int, int] | None = None,
        encoding: str | None = None,
    ) -> None:
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        #: Lines without any cell content (blank, or only separators): not rows.
        self.blank = 0
        self._undecodable = undecodable if undecodable is not None else {}
        self._encoding = encoding
        self._before = 0  # lines before the header
        header_line = self._first_line(lines)
        sep = _SEP_LINE.fullmatch(header_line)
        if sep is not None:
            self._before += 1
            header_line = self._first_line(lines)
        self.delimiter = delimiter or (sep.group(1) if sep else None) or sniff_delimiter(header_line)
        self._lines = _Tracked(itertools.chain((header_line,), lines), self._before, self.delimiter)
        try:
            header = next(self._lines.reader)
        except csv.Error as exc:
            raise register_error("REGISTER_HEADER_NOT_CSV", detail=str(exc)) from None
        self._lines.skip(self._lines.line - self._before)
        if self._bad_line(self._before + 1, self._lines.line) is not None:
            raise register_error("REGISTER_HEADER_UNDECODABLE", encoding=encoding or "utf-8")
        self.header = [h.strip().lstrip("\ufeff") for h in header]

    @property
    def lines_read(self) -> int:
        """Physical lines read so far (lines before the header included)."""
        return self._lines.line

    def _first_line(self, lines: Iterator[str]) -> str:
        for line in lines:
            if line.strip():
                return line.lstrip("\ufeff")
            self._before += 1
            self.blank += 1
        raise register_error("REGISTER_NO_HEADER")

    def _bad_line(self, start: int, end: int) -> int | None:
        """The first undecodable line in ``start..end``, or None."""
        if not self._undecodable:
            return None
        found = [n for n in range(start, end + 1) if n in self._undecodable]
        return found[0] if found else None

    def _swallowed(self, lines: list[str]) -> bool:
        """Whether the lines after a row's first look like rows of their own (a stray quote).

        A line looks like a row when it has at least as many separators as the header and its
        first cell is text without a quote (an id): the rest of a quoted cell that goes on over a
        line break starts with text and ends with its closing quote, so a description needs a
        separator in its own text on a later line to be taken for a row (docs/register.md).
        """
        need, delimiter = len(self.header) - 1, self.delimiter
        if need < 1:
            return False
        for line in itertools.islice(lines, 1, None):
            if line.count(delimiter) >= need:
                first = line.split(delimiter, 1)[0].strip()
                if first and '"' not in first:
                    return True
        return False

    def __iter__(self) -> Iterator[CsvRow]:
        # The hot loop: the tracked reader's parts held in locals (renewed after a stray quote).
        tracked = self._lines
        reader, lag, base = tracked.reader, tracked.lag, tracked.base
        end = base + reader.line_num
        make = tuple.__new__  # CsvRow without its Python-level __new__
        while True:
            start = end + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield self._unreadable(start, str(exc))
                reader, lag, base = tracked.reader, tracked.lag, tracked.base
                end = base + reader.line_num
                continue
            end = base + reader.line_num
            if end == start:
                next(lag)
            else:
                taken = tracked.take(end - start + 1)
                if self._swallowed(taken):
                    yield self._stray(start, end, taken)
                    reader, lag, base = tracked.reader, tracked.lag, tracked.base
                    end = base + reader.line_num
                    continue
            if self._undecodable:
                bad = self._bad_line(start, end)
                if bad is not None:
                    yield CsvRow(start, end, [], self._undecodable_problem(bad))
                    continue
            if cells and cells[0].startswith("\ufeff"):
                # A byte-order mark inside the file (two exports joined into one) is no part of the
                # row's first cell: an id "\ufeffK1" would not match "K1" in a baseline.
                cells[0] = cells[0][1:]
            if not (cells and cells[0].strip()) and not any(c.strip() for c in cells):
                self.blank += 1 + (end - start)
                continue
            yield make(CsvRow, (start, end, cells, None))

    def _stray(self, start: int, end: int, taken: list[str]) -> CsvRow:
        """Reject the row at ``start`` and read the lines it swallowed again, as rows."""
        self._lines.read_again(taken[1:], start)
        self._undecodable.pop(start, None)
        return CsvRow(start, start, [], Message("REGISTER_ROW_STRAY_QUOTE", {"first": start, "last": end}))

    def _unreadable(self, start: int, detail: str) -> CsvRow:
        """A row the csv module refused. A field over the limit is a stray quote when the lines
        it swallowed look like rows (they are read again); otherwise the file is unreadable."""
        end = self._lines.line
        taken = self._lines.take(end - start + 1)
        if "field larger than field limit" in detail:
            if not self._swallowed(taken):
                raise register_error("REGISTER_NOT_CSV", line=start, detail=detail)
            return self._stray(start, end, taken)
        for n in range(start, end + 1):
            self._undecodable.pop(n, None)
        code = "REGISTER_ROW_LONE_CR" if "new-line character" in detail else "REGISTER_ROW_NOT_CSV"
        return CsvRow(start, end, [], Message(code, {"first": start, "last": end}))

    def _undecodable_problem(self, line: int) -> Message:
        offset = self._undecodable.pop(line)
        for n in [n for n in self._undecodable if n < line]:
            del self._undecodable[n]
        encoding = self._encoding or "utf-8"
        return Message("REGISTER_ROW_UNDECODABLE", {"line": line, "offset": offset, "encoding": encoding})


# --------------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------------


class DuplicateKeyError(ValueError):
    """A JSON object repeats a key."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :func:`json.loads` that rejects a repeated key."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKeyError(key)
        out[key] = value
    return out


def _whole(lines: Iterator[str]) -> str:
    """The lines joined, or :class:`RegisterError` once they pass :data:`JSON_REGISTER_LIMIT`."""
    parts: list[str] = []
    size = 0
    for line in lines:
        size += len(line)
        if size > JSON_REGISTER_LIMIT:
            raise register_error("REGISTER_JSON_TOO_LARGE", limit=JSON_REGISTER_LIMIT)
        parts.append(line)
    return "".join(parts)


class _RepeatsKey(dict[str, Any]):
    """A JSON object of a JSON array register that repeats a key: marked, not refused, so that its
    row is rejected and the other rows are read (as in JSON Lines)."""

    __slots__ = ()


#: A row of a JSON array register that holds an object repeating a key (itself or nested in it):
#: the reader rejects that row (``REGISTER_ROW_DUPLICATE_KEY``) and reads the others.
REPEATED_KEY_ROW: Final = object()


def _holds_repeat(value: Any) -> bool:
    """Whether ``value`` is or holds an object that repeats a key (nesting is bound by MAX_NESTING)."""
    if isinstance(value, _RepeatsKey):
        return True
    if isinstance(value, dict):
        return any(_holds_repeat(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_repeat(v) for v in value)
    return False


def json_array(lines: Iterator[str]) -> list[Any]:
    """A whole JSON file that must be an array (loaded at once: JSON Lines streams, JSON cannot).

    A row (an item of the array) holding an object that repeats a key is :data:`REPEATED_KEY_ROW`
    (the last value would silently win): that row is rejected, the file is read, as a line of JSON
    Lines is. Larger than :data:`JSON_REGISTER_LIMIT` characters: :class:`RegisterError`, read no further.
    """
    whole = _whole(lines)
    repeats = False

    def marking(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeats
        out = dict(pairs)
        if len(out) == len(pairs):
            return out
        repeats = True
        return _RepeatsKey(out)

    try:
        data = loads_json(whole, object_pairs_hook=marking)
    except ValueError as exc:
        raise register_error("REGISTER_JSON_INVALID", detail=str(exc)) from None
    if not isinstance(data, list):
        raise register_error("REGISTER_JSON_NOT_ARRAY")
    if repeats:  # only then is any row looked through again
        data = [REPEATED_KEY_ROW if _holds_repeat(item) else item for item in data]
    return data
