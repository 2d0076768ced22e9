"""Where rows come from: bytes to lines, lines to CSV rows, JSON Lines objects or a JSON array.

Nothing here knows the columns. Each source yields ``(row, item)`` pairs, ``row`` being the line
where the record starts (CSV, the header is line 1; JSON Lines) or the record's 1-based index (JSON
array), and counts the blank lines it skips. A file that cannot be read at all raises
:class:`~klachtregels.errors.RegisterError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import pathlib
from typing import IO, TYPE_CHECKING, Any, Final, Literal, TypeAlias

from klachtregels._io import loads_json
from klachtregels.errors import RegisterError
from klachtregels.messages import text

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "CSV_FIELD_LIMIT",
    "CsvRows",
    "DuplicateKeyError",
    "Format",
    "Source",
    "decoded_lines",
    "guess_format",
    "json_array",
    "no_duplicates",
    "register_error",
    "sniff_delimiter",
]

Format: TypeAlias = Literal["csv", "jsonl", "json"]
Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"

#: The csv module's own limit is raised to this; a longer field (an unclosed quote swallowing the
#: rest of the file) makes the file unreadable (RegisterError).
CSV_FIELD_LIMIT: Final = 16 * 1_048_576

_EXTENSIONS: Final[dict[str, Format]] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
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


def _locate(block: bytes, decode: Any, line_no: int, offset: int, encoding: str) -> Iterator[str]:
    """Decode ``block`` line by line, yielding lines up to the first bad byte, then raise there."""
    for line in io.BytesIO(block):
        line_no += 1
        try:
            yield decode(line)[0]
        except UnicodeDecodeError as exc:
            raise register_error(
                "REGISTER_UNDECODABLE_LINE", line=line_no, offset=offset + exc.start, encoding=encoding
            ) from None
        offset += len(line)


def decoded_lines(binary: IO[bytes], encoding: str | None) -> Iterator[str]:
    """Decode a binary file into lines (split at ``\\n`` only), naming line and byte offset on a
    decode error; the lines before the bad one are all yielded first.

    UTF-8 by default (a BOM is skipped); UTF-16 with a BOM is recognised. No fallback is guessed:
    a fallback decided half-way would change records already handed out. Blocks of lines are
    decoded in one call each (the per-line path runs only to locate an error).
    """
    first = binary.readline()
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from _utf16_lines(first, binary)
        return
    enc = encoding or "utf-8"
    try:
        codec = codecs.lookup(enc)
    except LookupError:
        raise register_error("REGISTER_UNKNOWN_ENCODING", encoding=enc) from None
    offset = 0
    if first.startswith(codecs.BOM_UTF8) and codec.name == "utf-8":
        first, offset = first[3:], 3
    decode = codec.decode
    line_no = 0
    for block in _blocks(first, binary):
        try:
            text = decode(block)[0]
        except UnicodeDecodeError:
            yield from _locate(block, decode, line_no, offset, enc)
            raise  # pragma: no cover - _locate raises at the bad line
        yield from io.StringIO(text, newline="\n")
        line_no += block.count(b"\n")
        offset += len(block)


# --------------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------------


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


class CsvRows:
    """The header and then the rows of a CSV text, as ``(start line, cells)``; blank rows skipped.

    ``header`` is read when the object is made (a file without one raises RegisterError).
    """

    def __init__(self, lines: Iterator[str], delimiter: str | None) -> None:
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        #: Lines without any cell content (blank, or only separators): not rows.
        self.blank = 0
        self._before = 0  # lines before the header
        header_line = self._first_line(lines)
        self.delimiter = delimiter or sniff_delimiter(header_line)
        self._reader = csv.reader(itertools.chain((header_line,), lines), delimiter=self.delimiter)
        try:
            header = next(self._reader)
        except csv.Error as exc:
            raise register_error("REGISTER_HEADER_NOT_CSV", detail=str(exc)) from None
        self.header = [h.strip().lstrip("\ufeff") for h in header]

    def _first_line(self, lines: Iterator[str]) -> str:
        for line in lines:
            if line.strip():
                return line.lstrip("\ufeff")
            self._before += 1
            self.blank += 1
        raise register_error("REGISTER_NO_HEADER")

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader, base = self._reader, self._before
        last = base + reader.line_num
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise register_error(
                    "REGISTER_NOT_CSV", line=base + reader.line_num, detail=str(exc)
                ) from None
            start, last = last + 1, base + reader.line_num
            if not (cells and cells[0].strip()) and not any(c.strip() for c in cells):
                self.blank += 1 + (last - start)
                continue
            yield start, cells


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


def json_array(lines: Iterator[str]) -> list[Any]:
    """A whole JSON file that must be an array (loaded at once: JSON Lines streams, JSON cannot)."""
    try:
        data = loads_json("".join(lines), object_pairs_hook=no_duplicates)
    except DuplicateKeyError as exc:
        raise register_error("REGISTER_JSON_DUPLICATE_KEY", key=exc.key) from None
    except ValueError as exc:
        raise register_error("REGISTER_JSON_INVALID", detail=str(exc)) from None
    if not isinstance(data, list):
        raise register_error("REGISTER_JSON_NOT_ARRAY")
    return data
