"""Reading one cell: text, dates, booleans, vocabulary words, lists and measures.

Every parser takes the raw value (a string from CSV, any JSON value from JSON Lines or JSON, a TOML
value from a mapping's defaults) and returns the Python value, or raises :class:`CellProblem`. A
problem names the kind of problem only: never the value (it may be personal data).

The words a cell may use come from the one vocabulary table (:data:`~klachtregels.register.spec.WORDS`),
the same for every format. Dates and date-times are returned as written: a date stays a date, a
date-time keeps its instant (naive means Europe/Amsterdam local time, A22). Deriving the day is left
to :mod:`klachtregels._time`, the one place that converts time zones.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels import convert, messages
from klachtregels._io import MAX_NESTING, JsonNestingError, loads_json
from klachtregels._time import DateTextError
from klachtregels.errors import InvalidInputError
from klachtregels.model import Measure
from klachtregels.register.spec import Column, ColumnKind, norm

if TYPE_CHECKING:
    import enum

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_MEASURES",
    "REMEMBERED_CHARS",
    "CellProblem",
    "CellReader",
    "cell_reader",
    "is_empty",
    "model_problem",
    "parse_bool",
    "parse_date",
    "read_text",
    "remembers",
    "safe_model_message",
]

#: Cells longer than this many characters reject their row (a register cell is never this long).
MAX_CELL_CHARS: Final = 1_048_576
#: A measures cell lists at most this many measures (a complaint's measures are a handful; a JSON
#: Lines array of 200,000 took 7.5 s and 97 MB to build).
MAX_MEASURES: Final = 1000
#: At most this many distinct words or dates per column are remembered (registers repeat them).
CACHE_ENTRIES: Final = 4096
#: Only cells of at most this many characters are remembered (a word, a date or a list of words is
#: shorter; a cell padded with spaces is read each time, so the memory never holds the file).
REMEMBERED_CHARS: Final = 256

#: A cell reader: raw value -> Python value, ``None`` for an empty cell; raises :class:`CellProblem`.
CellReader = Callable[[Any], Any]


class CellProblem(Exception):
    """A cell could not be read: a message code of ``messages/register.toml`` and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_empty(value: Any) -> bool:
    """Whether a raw value states nothing: ``None`` or a blank string."""
    return value is None or (isinstance(value, str) and not value.strip())


def _kind_of(value: Any) -> messages.Message:
    """The JSON kind of a value (or a spreadsheet cell's odd kind), for messages (never the value)."""
    if isinstance(value, bool):
        return _KINDS["boolean"]
    if isinstance(value, int | float):
        return _KINDS["number"]
    if isinstance(value, list | tuple):
        return _KINDS["array"]
    if isinstance(value, Mapping):
        return _KINDS["object"]
    if isinstance(value, str):
        return _KINDS["string"]
    kind = getattr(type(value), "kind", None)  # a spreadsheet cell's error, time or duration
    if isinstance(kind, str) and kind in _ODD_KINDS:
        return messages.Message(kind)
    return messages.Message("VALUE_TYPE", {"name": type(value).__name__})


#: The kinds a spreadsheet's odd cells name (register.xlsx.XlsxFault.kind) and a DataFrame's day
#: outside the years 1-9999 (bulk._frames); any other object its type.
_ODD_KINDS: Final = frozenset(
    {
        "REGISTER_KIND_CELL_ERROR",
        "REGISTER_KIND_TIME",
        "REGISTER_KIND_DURATION",
        "REGISTER_KIND_DAY_OUT_OF_RANGE",
    }
)
_KINDS: Final = {
    "boolean": messages.Message("REGISTER_KIND_BOOLEAN"),
    "number": messages.Message("REGISTER_KIND_NUMBER"),
    "array": messages.Message("REGISTER_KIND_ARRAY"),
    "object": messages.Message("REGISTER_KIND_OBJECT"),
    "string": messages.Message("REGISTER_KIND_STRING"),
}


# --------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------


def _date_text(text: str) -> dt.date:
    """The one date convention (:func:`klachtregels.convert.date_from_text`: a text too long to be a
    date is refused, never cut short), its problems as cell problems."""
    try:
        return convert.date_from_text(text)
    except DateTextError as exc:
        raise CellProblem(exc.code) from None


def parse_date(value: Any) -> dt.date:
    """A date or date-time cell (see :func:`_date_text` for the accepted forms)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise CellProblem("REGISTER_EXPECTED_DATE", got=_kind_of(value))
    return _date_text(value)


# --------------------------------------------------------------------------------------------------
# Booleans, words, lists
# --------------------------------------------------------------------------------------------------


def parse_bool(value: Any) -> bool:
    """A yes/no cell: a JSON boolean, 0/1, or a boolean word of the vocabulary (any case); the
    one reading of :func:`klachtregels.convert.read_boolean`, shared with JSON and TOML."""
    found = convert.read_boolean(value)
    if found is not None:
        return found
    if isinstance(value, str):
        raise CellProblem("REGISTER_NOT_BOOLEAN")
    raise CellProblem("REGISTER_EXPECTED_BOOLEAN", got=_kind_of(value))


def _unknown_word(column: Column, word: str) -> CellProblem:
    assert column.vocabulary is not None
    if convert.invisible_problem(word) is not None:  # "e\u200bmail" reads as a word it is not
        return CellProblem("INPUT_INVISIBLE_CHARACTER")
    allowed = ", ".join(m.value for m in column.vocabulary)
    close = convert.closest(norm(word), column.accepted_words(), cutoff=0.75)
    if close is not None:
        return CellProblem("REGISTER_UNKNOWN_WORD_CLOSE", column=column.name, allowed=allowed, close=close)
    return CellProblem("REGISTER_UNKNOWN_WORD", column=column.name, allowed=allowed)


def _word(column: Column, value: Any) -> enum.StrEnum:
    if not isinstance(value, str):
        raise CellProblem("REGISTER_EXPECTED_WORD", got=_kind_of(value))
    member = column.lookup(value)
    if member is None:
        raise _unknown_word(column, value)
    return member


def _list_items(column: Column, value: Any) -> list[Any] | None:
    """The items of a list cell, or None for 'checked, none' (:func:`klachtregels.convert.list_from_text`,
    shared with JSON and TOML)."""
    if isinstance(value, list):
        return value
    if not isinstance(value, str):
        raise CellProblem("REGISTER_EXPECTED_LIST", got=_kind_of(value))
    return convert.list_from_text(value, none=bool(column.none_words))


def _words(column: Column, value: Any, translate: Callable[[str], Any]) -> tuple[enum.StrEnum, ...] | None:
    """The words of a list cell: ``()`` for a none word (``geen``: checked, none) or an empty JSON
    array; ``None`` (unknown, as a blank cell) when the cell names no word at all: only separators
    (``;``), or only words the mapping reads as unknown. Such a cell is never "checked, none".

    In text, separators only mark where words end: an empty word between two (``conduct;;agreement``)
    is no word. An array lists each item explicitly: a blank item rejects the row, as the complaint
    JSON of ``klachtregels assess`` refuses it (it may be a word lost on export)."""
    items = _list_items(column, value)
    if items is None or (isinstance(value, list) and not value):
        return ()
    out: list[enum.StrEnum] = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise CellProblem("REGISTER_LIST_ITEM_NOT_WORD", index=index, got=_kind_of(item))
        if not item.strip():  # only in an array: a text list has no blank word (list_from_text)
            raise CellProblem("REGISTER_LIST_ITEM_BLANK", index=index)
        word = translate(item)
        if is_empty(word):
            continue
        member = _word(column, word)
        if member in out:
            raise CellProblem("REGISTER_LISTED_TWICE", word=member.value)
        out.append(member)
    return tuple(out) if out else None


# --------------------------------------------------------------------------------------------------
# Text and measures
# --------------------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            raise CellProblem("REGISTER_CELL_TOO_LONG", limit=MAX_CELL_CHARS)
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        text = convert.number_text(value)  # the one rule: a whole number is read as its text
        if text is None:  # more digits than Python writes out (sys.get_int_max_str_digits())
            raise CellProblem("REGISTER_CELL_TOO_LONG", limit=sys.get_int_max_str_digits())
        return text
    raise CellProblem("REGISTER_EXPECTED_TEXT", got=_kind_of(value))


#: From the first quote to the last of its kind: a quoted value may itself hold a quote (O'Brien).
_QUOTED: Final = re.compile(r"'.*'|\".*\"|‘.*’|“.*”", re.DOTALL)
_DATE_LIKE: Final = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]*)?")


def safe_model_message(message: str) -> str:
    """A model validation message without the values it may quote (dates, words, text)."""
    return _DATE_LIKE.sub("…", _QUOTED.sub("…", message))


def _measure(index: int, item: Any) -> Measure:
    if not isinstance(item, Mapping):
        raise CellProblem("REGISTER_MEASURE_NOT_OBJECT", index=index)
    try:
        return Measure.from_dict(item)
    except InvalidInputError as exc:
        problems = messages.Joined(tuple(_measure_problem(field, msg) for field, msg in exc.problems))
        raise CellProblem("REGISTER_MEASURE_INVALID", index=index, problems=problems) from None


def _measure_problem(path: str, message: str) -> messages.Message | str:
    """One problem of a measure as shown: under a documented field's name; a key that is no field is
    not named (a key inside a cell is register content, and may be personal data)."""
    known = {field.name for field in attrs.fields(Measure)}
    if path.split(".", 1)[0].split("[", 1)[0] in known:
        return messages.Message("INPUT_AT", {"path": path, "problem": model_problem(message)})
    if isinstance(message, convert.ProblemText) and message.message.code.startswith("INPUT_UNKNOWN_"):
        # An unknown key: not named, its "did you mean" (a known field) kept.
        hint = message.message.params.get("hint", "")
        return messages.Message("INPUT_UNKNOWN_KEY_NOT_SHOWN", {"hint": hint})
    return messages.Message("INPUT_AT", {"path": "?", "problem": model_problem(message)})


def model_problem(message: str) -> messages.Message | str:
    """What a rejected row shows for a model's problem: its catalogue message (in the output's
    language; its parameters are kinds and vocabulary, never the value), else the text without the
    values it may quote (:func:`safe_model_message`)."""
    found = convert.problem_message(message)
    return found if isinstance(found, messages.Message) else safe_model_message(found)


def _measures(column: Column, value: Any) -> tuple[Measure, ...]:
    if isinstance(value, str):
        if column.none_words and convert.is_none_word(value):
            return ()
        if len(value) > MAX_CELL_CHARS:
            raise CellProblem("REGISTER_CELL_TOO_LONG", limit=MAX_CELL_CHARS)
        try:
            value = loads_json(value)
        except JsonNestingError:
            raise CellProblem("IO_NESTED_TOO_DEEP", limit=MAX_NESTING) from None
        except ValueError:
            raise CellProblem("REGISTER_MEASURES_NOT_JSON") from None
    if not isinstance(value, list):
        raise CellProblem("REGISTER_MEASURES_NOT_ARRAY")
    if len(value) > MAX_MEASURES:  # before building any: a JSON Lines array is bound by no cell limit
        raise CellProblem("REGISTER_TOO_MANY_MEASURES", limit=MAX_MEASURES)
    return tuple(_measure(i, item) for i, item in enumerate(value))


# --------------------------------------------------------------------------------------------------
# One reader per column
# --------------------------------------------------------------------------------------------------


def _keep(word: str) -> Any:
    return word


def _parser(column: Column, translate: Callable[[str], Any]) -> CellReader:
    """The parser of one column's non-empty cells (after the mapping's word translation)."""
    kind = column.kind
    if kind is ColumnKind.ENUM_LIST:
        return lambda value: _words(column, value, translate)
    if kind is ColumnKind.MEASURES:
        return lambda value: _measures(column, value)
    if kind is ColumnKind.DATE:
        return parse_date
    if kind is ColumnKind.BOOL:
        return parse_bool
    if kind is ColumnKind.ENUM:
        return lambda value: _word(column, value)
    return _text


def cell_reader(column: Column, words: Mapping[str, Any] | None = None) -> CellReader:
    """A function reading ``column``'s cells: raw value -> value, ``None`` when the cell is empty.

    ``words`` is the mapping's value table for this column (its own word -> a documented word;
    ``""`` = unknown), or None.
    """
    if column.kind in (ColumnKind.TEXT, ColumnKind.FREE_TEXT) and not words:
        return read_text  # the most common cell: one type test, one length test, one strip
    translate = _translator(words) if words else _keep
    parse = _parser(column, translate)

    def read(raw: Any) -> Any:
        if is_empty(raw):
            return None
        if isinstance(raw, str) and column.kind is not ColumnKind.MEASURES:
            raw = translate(raw)
            if is_empty(raw):
                return None
        return parse(raw)

    return read


def remembers(column: Column) -> bool:
    """Whether a column's cells are worth remembering: words, booleans and dates repeat on every
    row of a register (text does not, and may be personal data)."""
    return column.kind in (ColumnKind.DATE, ColumnKind.BOOL, ColumnKind.ENUM, ColumnKind.ENUM_LIST)


def read_text(raw: Any) -> Any:
    """A text cell without a value table: stripped; blank is unknown."""
    if raw.__class__ is str:
        if len(raw) > MAX_CELL_CHARS:
            raise CellProblem("REGISTER_CELL_TOO_LONG", limit=MAX_CELL_CHARS)
        return raw.strip() or None
    return None if raw is None else _text(raw)


def _translator(words: Mapping[str, Any]) -> Callable[[str], Any]:
    """The mapping's value table as a function: exact match, then case- and space-insensitive."""
    folded = {source.strip().casefold(): to for source, to in words.items()}

    def translate(word: str) -> Any:
        if word in words:
            return words[word]
        return folded.get(word.strip().casefold(), word)

    return translate
