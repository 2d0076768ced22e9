"""Reading and writing at the edges: bounded JSON and TOML, whole files, printable text.

* :func:`loads_json` and :func:`loads_toml` parse like :func:`json.loads` and :func:`tomllib.loads`
  but refuse nesting deeper than :data:`MAX_NESTING`, a repeated key (JSON; TOML refuses it
  itself) and a whole number longer than Python reads (``sys.get_int_max_str_digits()``) with the
  parser's own error type (a :class:`json.JSONDecodeError` or :class:`tomllib.TOMLDecodeError`
  subclass, so every caller's existing handler names the file, row or field), never a
  :class:`RecursionError` or a bare :class:`ValueError`. A leading byte order mark is skipped
  (a file saved by Windows Notepad or Excel starts with one; registers accept it too).
* :func:`atomic_write_text` writes a file whole or not at all: a temporary file in the same folder,
  flushed, then :func:`os.replace`; on any failure the old file is left as it was (a link is
  followed; a named pipe or a device is written directly, never replaced).
* :func:`printable` and :func:`one_line` make user-supplied text safe for a terminal or a log: no
  ANSI escape sequences, no control characters, no lone surrogates (which no UTF-8 file can hold).
* :func:`xml_text` keeps only the characters XML 1.0 allows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
import tomllib
from typing import IO, TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = [
    "MAX_JSON_DOCUMENT_BYTES",
    "MAX_NESTING",
    "MAX_TOML_CHARS",
    "JsonDuplicateKeyError",
    "JsonNestingError",
    "JsonNumberError",
    "TomlKeyError",
    "TomlNestingError",
    "TomlNumberError",
    "TomlSizeError",
    "atomic_write_text",
    "loads_json",
    "loads_toml",
    "markdown_text",
    "one_line",
    "printable",
    "toml_value",
    "valid_unicode",
    "xml_text",
]

#: Longest TOML text read (policy, organisation, mapping): the shipped ones are under 20,000.
MAX_TOML_CHARS: Final = 1_048_576
#: Largest JSON document read whole (a complaint for ``klachtregels assess``), in bytes.
MAX_JSON_DOCUMENT_BYTES: Final = 16 * 1_048_576

#: Deepest nesting of arrays and objects (JSON) or arrays and inline tables (TOML) accepted. No
#: register, complaint, policy, organisation or mapping needs more than four levels.
MAX_NESTING: Final = 64

_NESTING_MESSAGE: Final = f"nested deeper than {MAX_NESTING} levels"


class _Regex:
    """A regular expression compiled on first use, not at import (CLI start-up, issue 8)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        """The compiled expression (compiled by the first call)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled


# A JSON string, possessive so it never backtracks (a long or unclosed string costs one pass).
_JSON_STRING: Final = _Regex(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_JSON_TOKEN: Final = _Regex(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"|[\[\]{}]', re.DOTALL)
_NOT_BRACKET: Final = _Regex(r"[^\[\]{}]+")
_INNERMOST: Final = _Regex(r"\[\]|\{\}")


class JsonNestingError(json.JSONDecodeError):
    """JSON nested deeper than :data:`MAX_NESTING` levels (``pos``: where the limit is passed)."""

    def __init__(self, doc: str, pos: int) -> None:
        super().__init__(_NESTING_MESSAGE, doc, pos)


class JsonDuplicateKeyError(json.JSONDecodeError):
    """A JSON object repeats a key (``pos``: where that object starts).

    The key is named only when it looks like an identifier (another key may be personal data).
    """

    def __init__(self, key: str, doc: str, pos: int) -> None:
        shown = key if _IDENTIFIER().fullmatch(key) else None
        message = (
            "an object repeats a key (not shown)" if shown is None else f"an object repeats the key {shown!r}"
        )
        super().__init__(message, doc, pos)
        self.key = key


def _number_message(kind: str) -> str:
    return f"{kind} longer than {sys.get_int_max_str_digits()} digits"


class JsonNumberError(json.JSONDecodeError):
    """A JSON number with more digits than Python reads (``sys.get_int_max_str_digits()``)."""

    def __init__(self, doc: str, pos: int) -> None:
        super().__init__(_number_message("a number"), doc, pos)


class TomlNumberError(tomllib.TOMLDecodeError):
    """A TOML whole number with more digits than Python reads (``sys.get_int_max_str_digits()``)."""

    def __init__(self, line: int | None) -> None:
        where = "" if line is None else f" (at line {line})"
        super().__init__(_number_message("a whole number") + where)


class TomlNestingError(tomllib.TOMLDecodeError):
    """TOML nested deeper than :data:`MAX_NESTING` levels."""

    def __init__(self) -> None:
        super().__init__(_NESTING_MESSAGE)


class TomlKeyError(tomllib.TOMLDecodeError):
    """tomllib's error about a key (a repeated table, a redefined key), without the key.

    A key the user chose may itself be personal data (a name typed as a key); it is shown only
    when it looks like an identifier (``[a-z_][a-z0-9_]*`` parts).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)


# tomllib's messages that quote a key: a tuple of parts ("('a', 'b')") or one part ("'a'").
_TOML_KEY_MESSAGE: Final = _Regex(
    r"^(?P<head>Cannot declare|Cannot mutate immutable namespace|Cannot redefine namespace"
    r"|Duplicate inline table key) (?P<key>.*?)(?P<tail> twice)?(?P<where> \(at line \d+, column \d+\))?$",
    re.DOTALL,
)
_TOML_KEY_PART: Final = _Regex(r"'([^']*)'")
_IDENTIFIER: Final = _Regex(r"[a-z_][a-z0-9_]{0,40}")


def _hide_toml_keys(message: str) -> str | None:
    """``message`` with its key replaced by "a key (not shown)", or ``None`` if nothing is hidden."""
    match = _TOML_KEY_MESSAGE().match(message)
    if match is None:
        return None
    parts = _TOML_KEY_PART().findall(match["key"])
    if parts and all(_IDENTIFIER().fullmatch(part) for part in parts):
        return None
    key = "(not shown)" if match["head"].endswith("key") else "a key (not shown)"
    return f"{match['head']} {key}{match['tail'] or ''}{match['where'] or ''}"


class TomlSizeError(tomllib.TOMLDecodeError):
    """A TOML text longer than its limit: :data:`MAX_TOML_CHARS` (no policy, organisation or mapping
    is), or the reader's own (a baseline file, :data:`klachtregels.baseline.MAX_BASELINE_CHARS`)."""

    def __init__(self, limit: int = MAX_TOML_CHARS) -> None:
        super().__init__(f"longer than {limit} characters")


def _too_deep_at(text: str) -> int | None:
    """Where ``text`` (JSON) first passes :data:`MAX_NESTING` levels, or ``None``.

    Cheap unless the text holds many brackets: strings are removed by one regular-expression pass
    and innermost bracket pairs peeled off level by level (at most ``MAX_NESTING + 1`` passes). Only
    when the text is too deep is it walked token by token, to name the position.
    """
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return None
    skeleton = _NOT_BRACKET().sub("", _JSON_STRING().sub("", text))
    for _ in range(MAX_NESTING):
        shorter = _INNERMOST().sub("", skeleton)  # one level per pass, both kinds at once
        if shorter == skeleton or not shorter:
            return None
        skeleton = shorter
    depth = 0
    for match in _JSON_TOKEN().finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None  # unbalanced brackets only: the parser names the syntax error


_BOM: Final = "\ufeff"


def _without_bom(text: str) -> str:
    """``text`` without a leading byte order mark (read as text, it is U+FEFF)."""
    return text[1:] if text.startswith(_BOM) else text


class _RepeatedKey(Exception):
    """A repeated key (:func:`_no_repeated_keys`); loads_json raises :class:`JsonDuplicateKeyError`."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: the object, unless it repeats a key (the last one would silently win)."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return out


def _repeated_key_at(text: str) -> int:
    """Where the first object repeating a key starts (its ``{``); read again, on the error path only,
    by the Python scanner, whose object parser can say where each object starts."""
    import json.decoder
    import json.scanner

    # The pure-Python parts of the json package (typeshed does not describe them).
    decoding: Any = json.decoder
    scanning: Any = json.scanner

    def parse_object(s_and_end: tuple[str, int], strict: bool, scan_once: Any, *rest: Any) -> tuple[Any, int]:
        start = s_and_end[1] - 1
        memo = rest[2] if len(rest) > 2 else None
        pairs, end = decoding.JSONObject(s_and_end, strict, scan_once, None, list, memo)
        if len({key for key, _ in pairs}) != len(pairs):
            raise _RepeatedKeyAt(start)
        return pairs, end

    decoder: Any = json.JSONDecoder()
    decoder.parse_object = parse_object
    decoder.scan_once = scanning.py_make_scanner(decoder)
    try:
        decoder.decode(text)
    except _RepeatedKeyAt as found:
        return found.pos
    except (ValueError, RecursionError):
        pass
    return 0


class _RepeatedKeyAt(Exception):
    def __init__(self, pos: int) -> None:
        super().__init__()
        self.pos = pos


def _long_number_at(text: str) -> int | None:
    """Where ``text`` (JSON) holds a number with more digits than Python reads, or ``None``."""
    limit = sys.get_int_max_str_digits()
    if not limit:
        return None
    blanked = _JSON_STRING().sub(lambda m: " " * len(m.group()), text)  # digits in strings are text
    found = re.search(rf"[0-9]{{{limit + 1},}}", blanked)
    return None if found is None else found.start()


def loads_json(text: str, **kwargs: Any) -> Any:
    """:func:`json.loads` that refuses nesting deeper than :data:`MAX_NESTING` (:class:`JsonNestingError`),
    a repeated key (:class:`JsonDuplicateKeyError`, unless the caller gives its own ``object_hook`` or
    ``object_pairs_hook``) and a number longer than Python reads (:class:`JsonNumberError`).

    A leading byte order mark is skipped.
    """
    text = _without_bom(text)
    where = _too_deep_at(text)
    if where is not None:
        raise JsonNestingError(text, where)
    if "object_pairs_hook" not in kwargs and "object_hook" not in kwargs:
        kwargs["object_pairs_hook"] = _no_repeated_keys
    try:
        return json.loads(text, **kwargs)
    except RecursionError:  # pragma: no cover - the scan above refuses such text first
        raise JsonNestingError(text, 0) from None
    except _RepeatedKey as exc:
        raise JsonDuplicateKeyError(exc.key, text, _repeated_key_at(text)) from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:
        # int() refusing more digits than sys.get_int_max_str_digits(): a plain ValueError.
        long_at = _long_number_at(text) if type(exc) is ValueError else None
        if long_at is None:
            raise
        raise JsonNumberError(text, long_at) from None


def _depth(value: object) -> int:
    """How deeply ``value`` nests lists and dicts (iteratively: never recursion)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            level += 1
            deepest = max(deepest, level)
            if level <= MAX_NESTING:
                stack.extend((child, level) for child in item)
    return deepest


def _long_number_line(text: str) -> int | None:
    """The line of the one run of more digits than Python reads in ``text`` (TOML), or ``None``
    when there is not exactly one (then no line is named rather than perhaps the wrong one)."""
    limit = sys.get_int_max_str_digits()
    runs = [
        m.start()
        for m in re.finditer(r"[0-9](?:_?[0-9])*", text)
        if m.end() - m.start() > limit and len(m.group().replace("_", "")) > limit
    ]
    return text.count("\n", 0, runs[0]) + 1 if len(runs) == 1 else None


def loads_toml(text: str, *, max_chars: int = MAX_TOML_CHARS) -> dict[str, Any]:
    """:func:`tomllib.loads` that refuses nesting deeper than :data:`MAX_NESTING` (:class:`TomlNestingError`).

    Table headers (``[a.b.c]``) count as levels too. A text longer than ``max_chars`` (by default
    :data:`MAX_TOML_CHARS`) is refused (:class:`TomlSizeError`) before it is parsed; a whole number
    longer than Python reads is :class:`TomlNumberError`. A leading byte order mark is skipped.
    """
    text = _without_bom(text)
    if len(text) > max_chars:
        raise TomlSizeError(max_chars)
    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per inline array or table
        raise TomlNestingError from None
    except tomllib.TOMLDecodeError as exc:
        hidden = _hide_toml_keys(str(exc))
        if hidden is None:
            raise
        raise TomlKeyError(hidden) from None
    except ValueError as exc:
        # int() refusing more digits than sys.get_int_max_str_digits(): a plain ValueError.
        if type(exc) is not ValueError or not sys.get_int_max_str_digits():
            raise
        raise TomlNumberError(_long_number_line(text)) from None
    if (text.count("[") + text.count("{") + text.count(".") > MAX_NESTING) and _depth(data) > MAX_NESTING:
        raise TomlNestingError
    return data


# --------------------------------------------------------------------------------------------------
# Text safe for terminals, logs and XML
# --------------------------------------------------------------------------------------------------

# ANSI/VT escape sequences (CSI ... final byte, OSC ... BEL/ST, and two-character escapes).
_ANSI: Final = _Regex(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# C0 and C1 controls and DEL, except tab and newline (kept by printable, replaced by one_line).
#: Control characters (but tab and newline), and the bidirectional embedding, override and isolate
#: controls (U+202A-U+202E, U+2066-U+2069) and direction marks (U+200E, U+200F, U+061C): invisible,
#: they reorder what a reader sees of the text around them ("Trojan Source"), so a register's cell
#: could make a report line read otherwise.
_CONTROL: Final = _Regex(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE: Final = _Regex(r"[\ud800-\udfff]")
#: Bytes a file name or argument could not be decoded as (Python's ``surrogateescape``: byte ``b`` is
#: ``U+DC00 + b``), as under ``LC_ALL=C`` with UTF-8 mode off, where ``é`` arrives as two of them.
_ESCAPED_BYTES: Final = _Regex(r"[\udc80-\udcff]+")
_NEWLINES: Final = _Regex(r"[\n\t\u2028\u2029\x85]+")
#: Markup characters, and what GitHub's renderer (cmark-gfm's autolink extension) would make a link
#: of: ``www.``, a scheme's ``://``, the ``@`` of an e-mail address, and an entity (``&#64;``).
_MARKDOWN: Final = _Regex(r"[\\`*_<>|]|\](?=[(\[:])|(?i:www)\.|:(?=//)|(?<=.)@|&(?=#?\w+;)")
_MARKDOWN_ENTITY: Final = {
    "<": "&lt;",
    ">": "&gt;",
    ":": "&#58;",  # "http&#58;//": no ':' for the renderer to start a link at; shown as ':'
    "&": "&amp;",  # a character reference the text holds is shown as written, not as its character
    # The renderer finds e-mail addresses in the text after entities and escapes are read, so only
    # something that is no text keeps one from being linked: an empty comment, which shows nothing.
    # Before every '@', whatever precedes or follows it ("mailto:@www.x" and "a.@.b" are links
    # too), but never first in the text: a line that starts with "<!--" is an HTML block, hidden whole.
    "@": "<!-- -->@",
}
# Characters XML 1.0 does not allow (even escaped).
_NOT_XML: Final = _Regex(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_toml_file(path: str | os.PathLike[str], what: str) -> dict[str, Any]:
    """A TOML file's data (:func:`loads_toml`'s limits); an unreadable one is an
    :class:`~klachtregels.errors.InvalidInputError` about ``what`` (the file's kind and name).

    :class:`OSError` (no such file, no permission) passes through for the caller to name the file.
    """
    from pathlib import Path

    from klachtregels.errors import InvalidInputError

    try:
        return loads_toml(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInputError(what, [("", f"not valid TOML: {exc}")]) from None
    except UnicodeDecodeError:
        raise InvalidInputError(what, [("", "not UTF-8 text")]) from None


def printable(text: str) -> str:
    """``text`` without ANSI escape sequences, control characters (but tab and newline), bidirectional
    embedding, override and isolate controls and direction marks, or lone surrogates."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return _SURROGATE().sub("\ufffd", _CONTROL().sub("", _ANSI().sub("", _utf8_bytes(text))))


def one_line(text: str) -> str:
    """:func:`printable`, with line breaks and tabs as single spaces (a value cannot start a new line)."""
    if text.isprintable():
        return text
    return _NEWLINES().sub(" ", printable(text))


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (which no UTF-8 file can hold) replaced by U+FFFD.

    Undecodable bytes that are UTF-8 together (a file name ``regé.csv`` read where the file system's
    encoding is ASCII: ``LC_ALL=C``, UTF-8 mode off) are read as UTF-8 first, so ``é`` is shown as
    ``é``, as where the locale is UTF-8; only bytes that are no UTF-8 (Latin-1 ``\\xeb``) become U+FFFD.
    """
    return _SURROGATE().sub("\ufffd", _utf8_bytes(text))


def _utf8_bytes(text: str) -> str:
    """``text`` with each run of escaped bytes (``surrogateescape``) read as UTF-8 (U+FFFD where not)."""
    return _ESCAPED_BYTES().sub(_decode_bytes, text)


def _decode_bytes(match: re.Match[str]) -> str:
    return bytes(ord(char) - 0xDC00 for char in match.group()).decode("utf-8", "replace")


def toml_value(value: str | bool | int | float | dt.date | list[Any] | tuple[Any, ...]) -> str:
    """``value`` as a TOML value, for the files klachtregels writes (baselines, policies, the web page's
    mapping and organisation files). Strings are basic strings: JSON's escapes are TOML's, less DEL
    (escaped) and lone surrogates (U+FFFD); a date is a TOML local date; a list is an inline array."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(valid_unicode(str(value)), ensure_ascii=False).replace("\x7f", "\\u007F")


def markdown_text(text: str) -> str:
    """User text as literal Markdown: one line, and every character that could start markup escaped.

    ``\\ ` * _ |`` are always backslash-escaped and ``< >`` written as entities (no raw HTML,
    autolink, emphasis, code or table cell break), and ``]`` wherever a link or image could follow
    it (before ``(``, ``[`` or ``:``), so ``[x](javascript:...)`` and ``![](tracker.gif)`` stay text
    while a redaction mark such as ``[naam]`` reads as itself. :func:`one_line` keeps a value from
    starting a heading or a list item. Callers never put ``(``, ``[`` or ``:`` straight after a value.

    Nothing in the text becomes a link where GitHub renders it (GFM's autolinks): the dot of ``www.``
    and the colon of ``://`` are written as character references (``www&#46;``, ``https&#58;//``),
    which read as ``.`` and ``:``; an ``&`` that starts a reference is ``&amp;``; and every ``@``
    but the text's first character has an empty HTML comment before it (``jan<!-- -->@example.nl``;
    ``mailto:@www.example.nl`` and ``a.@.b`` are links too), the one piece of HTML written, which every
    renderer shows as nothing (never first: a line that starts with a comment is hidden whole). So
    ``www.[naam].nl`` left of an address by the report's anonymiser, or a location named after its
    website, stays text.
    """
    return _MARKDOWN().sub(_markdown_escape, one_line(text))


def _markdown_escape(match: re.Match[str]) -> str:
    char = match.group()
    if len(char) == 4:  # "www.": its dot as an entity, so the renderer sees no "www." to link
        return char[:3] + "&#46;"
    # Angle brackets as entities: CommonMark and Python-Markdown (MkDocs) both show them as text.
    return _MARKDOWN_ENTITY.get(char) or "\\" + char


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids removed (lone surrogates become U+FFFD)."""
    return _NOT_XML().sub("", valid_unicode(text))


# --------------------------------------------------------------------------------------------------
# Whole files
# --------------------------------------------------------------------------------------------------


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` whole or not at all (see :func:`atomic_writer`)."""
    data = text.encode(encoding)  # an unencodable text fails here, before anything is touched
    with atomic_writer(path, binary=True) as stream:
        stream.write(data)


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", binary: bool = False
) -> Iterator[IO[Any]]:
    """A file to write ``path`` through, whole or not at all.

    What is written goes to a temporary file in the same folder (so the rename stays on one file
    system); when the block ends normally it is flushed to disk and replaces ``path`` in one step.
    If anything fails (encoding, a full disk, an interrupt) the temporary file is removed and the
    old ``path``, if any, is untouched. An existing file's permission bits are kept. OS errors
    name ``path``, never the temporary file.

    A symbolic link is followed: the file it points to is replaced, the link stays. An existing
    ``path`` that is no regular file (a named pipe, a device such as the null device) is opened and
    written directly, never replaced by a regular file; being no file on disk, it cannot be
    written whole or not at all.
    """
    import tempfile  # here, not at import: most commands write no file (start-up, issue 8)
    from pathlib import Path

    target = Path(os.path.realpath(path))  # a link's target: replacing the link would cut it
    special = _open_special(target, path)
    if special is not None:
        with _direct_stream(special, path, encoding=encoding, binary=binary) as direct:
            yield direct
        return
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=_temporary_prefix(target.name), suffix=".tmp"
        )
    except OSError as exc:  # name the file asked for, not the temporary one
        raise _named(exc, path) from None
    temporary = Path(name)
    try:
        with _fdopen(handle, encoding=encoding, binary=binary) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            temporary.chmod(target.stat().st_mode & 0o7777)
        except FileNotFoundError:  # a new file: the permissions a plain open() would give
            temporary.chmod(0o666 & ~_umask())
        temporary.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError) and exc.filename in (None, name):  # the write failed
            raise _named(exc, path) from None
        raise


#: The most characters of the file's name that its temporary file's name repeats.
_TEMPORARY_NAME_CHARS: Final = 32


def _temporary_prefix(name: str) -> str:
    """The start of the temporary file's name for the file ``name``: ``.NAME.``, with ``NAME`` cut to
    :data:`_TEMPORARY_NAME_CHARS` characters. A file's name may be as long as the file system allows
    (255 bytes): the whole name, with the random part and ``.tmp`` added, would be longer, and
    such a file could never be written. 32 characters are at most 128 bytes in UTF-8."""
    return f".{name[:_TEMPORARY_NAME_CHARS]}."


def _fdopen(handle: int, *, encoding: str, binary: bool) -> IO[Any]:
    """A write stream over ``handle``: bytes, or text with ``encoding`` and no newline translation."""
    if binary:
        return os.fdopen(handle, "wb")
    return os.fdopen(handle, "w", encoding=encoding, newline="")


class _OutputClosedError(OSError):
    """The reader of a named pipe written to went away (``EPIPE``).

    Not a :class:`BrokenPipeError`: that is how standard output's reader going away is told, which
    ends a run quietly; a file output that could not be written whole is an error of the run.
    """


def _named(exc: OSError, path: str | os.PathLike[str]) -> OSError:
    """``exc`` about ``path`` (the file asked for), not about a temporary or resolved name."""
    kind = _OutputClosedError if isinstance(exc, BrokenPipeError) else OSError
    return kind(exc.errno, exc.strerror, os.fspath(path))


def _open_special(target: Path, path: str | os.PathLike[str]) -> int | None:
    """A descriptor open for writing on ``target`` when it exists and is no regular file, else ``None``.

    A named pipe blocks here until a reader opens it, as a shell's ``>`` does. ``path`` (the name
    asked for) is what errors name.
    """
    import stat

    try:
        mode = target.stat().st_mode
    except FileNotFoundError:  # a new file (or a link to one): written atomically
        return None
    except OSError as exc:  # a loop of links, a folder that cannot be searched
        raise _named(exc, path) from None
    if stat.S_ISREG(mode):
        return None
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(target, flags)  # no O_CREAT, no O_TRUNC: a folder fails here, as it should
    except OSError as exc:
        raise _named(exc, path) from None
    if stat.S_ISREG(os.fstat(handle).st_mode):  # replaced by a regular file in between: atomically
        os.close(handle)
        return None
    return handle


@contextlib.contextmanager
def _direct_stream(
    handle: int, path: str | os.PathLike[str], *, encoding: str, binary: bool
) -> Iterator[IO[Any]]:
    """A stream over ``handle`` (a pipe or a device, see :func:`atomic_writer`); OS errors name ``path``."""
    try:
        # flushed when the block ends; a pipe or a device has nothing to fsync
        with _fdopen(handle, encoding=encoding, binary=binary) as stream:
            yield stream
    except OSError as exc:
        if exc.filename is None:  # a write or the flush failed (the reader went away, the device is full)
            raise _named(exc, path) from None
        raise


def _umask() -> int:
    """The process's umask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
