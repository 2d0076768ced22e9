"""Column mappings: a provider's own column names and words, translated to the documented columns.

A mapping is a small TOML file (``docs/register.md``); the shipped ones live in
:mod:`klachtregels.mappings`. :class:`ColumnMapping` is a plain attrs class with ``from_dict`` and
``to_dict`` that round-trip; it checks itself when built and reports every problem at once.
"""

from __future__ import annotations

import importlib.resources
import os
import pathlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, TypeAlias

import attrs

from klachtregels import convert
from klachtregels._arguments import path_argument, wrong_type
from klachtregels._io import loads_toml
from klachtregels.errors import RegisterError
from klachtregels.messages import Message, text
from klachtregels.register.cells import CellProblem, cell_reader, parse_bool
from klachtregels.register.sources import text_codec
from klachtregels.register.spec import COLUMNS, Column, ColumnKind, by_name, norm, norm_header

__all__ = [
    "ColumnMapping",
    "MappingError",
    "MappingSource",
    "delimiter_char",
    "header_index",
    "known_encoding",
    "load_mapping",
    "suggest_columns",
]

MappingSource: TypeAlias = "ColumnMapping | str | os.PathLike[str] | None"

_BUILTIN_NAME = re.compile(r"[a-z0-9_]+")


class MappingError(RegisterError):
    """A column mapping (TOML) is invalid: unknown target field, unknown value target, bad table.

    ``problems`` holds every problem as a :class:`~klachtregels.messages.Message` (render it in
    ``nl`` or ``en``); the exception's own text is English. ``name`` says where the mapping came
    from (:attr:`ColumnMapping.origin`: its file or a built-in's name), never the ``name`` written
    in the mapping itself.
    """

    def __init__(self, problems: Sequence[Message], name: str | None = None) -> None:
        self.problems: tuple[Message, ...] = tuple(problems)
        self.name = name
        super().__init__(self.render("en"))

    def render(self, lang: str = "nl") -> str:
        """All problems in one line, in ``lang``."""
        listed = "; ".join(p.render(lang) for p in self.problems)
        return text(
            "REGISTER_MAPPING_INVALID", lang, where=f" {self.name}" if self.name else "", problems=listed
        )


def _problem(code: str, **params: object) -> Message:
    return Message(code, params)


def _close(word: object, options: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for a near miss among ``options``, else ``""`` (not translated: a name)."""
    found = convert.closest(str(word), options, cutoff=0.7)  # a key may be any JSON-like value
    return "" if found is None else f" ({found}?)"


def _shown(name: object) -> str | Message:
    """A target (a column name or a value word) as an error shows it: itself when it looks like an
    identifier, else ``(not shown)`` (whatever else was typed there may be personal data)."""
    shown = convert.shown_key(name)
    return _problem("REGISTER_MAPPING_NOT_SHOWN") if shown is None else shown


def _entry(name: object, index: int) -> str | Message:
    """A key of a mapping table (a source column, a source word) as an error shows it: itself when
    it looks like an identifier, else by its place in the table, ``entry 2 (name not shown)``
    (a provider's own column or word may be anything, a person's name included)."""
    shown = convert.shown_key(name)
    return _problem("REGISTER_MAPPING_ENTRY_NOT_SHOWN", index=index) if shown is None else shown


def _value_target_problem(column: Column, to: Any) -> Message | None:
    """Why ``to`` cannot be a value-table target of ``column``, or None."""
    kind = column.kind
    if kind in (ColumnKind.DATE, ColumnKind.MEASURES):
        return _problem("REGISTER_MAPPING_NO_VALUE_TABLE", column=column.name, kind=kind.value)
    if isinstance(to, str) and not to.strip():
        return None  # "" = unknown, stated explicitly
    if kind is ColumnKind.BOOL:
        try:
            parse_bool(to)
        except CellProblem:
            return _problem("REGISTER_MAPPING_BAD_BOOLEAN_TARGET", target=_shown(to))
        return None
    if not isinstance(to, str):
        return _problem("REGISTER_MAPPING_TARGET_NOT_TEXT", target=_shown(to))
    vocabulary = column.vocabulary
    if vocabulary is not None and column.lookup(to) is None and norm(to) not in column.none_words:
        allowed = ", ".join(m.value for m in vocabulary)
        return _problem("REGISTER_MAPPING_BAD_WORD_TARGET", target=_shown(to), allowed=allowed)
    return None


@attrs.frozen(kw_only=True)
class ColumnMapping:
    """A provider's own column names and value words, translated to the documented columns.

    ``columns``: source column name -> documented column. ``values``: documented column ->
    {source word -> documented value word; ``""`` means 'unknown'}. ``defaults``: documented column
    -> a constant fact the export does not carry, stated explicitly by the provider (applied only
    when the file has no such column). ``ignore``: source columns to skip without a warning.

    ``name`` is the mapping's own name, the ``name`` key of its TOML; a file without one is named
    by where it was read from (:attr:`origin`), as before. ``origin`` is where it was read from (the
    path given to :meth:`load`, a built-in's name); an error names the origin, never the ``name``
    written in the file.
    """

    columns: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    values: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, hash=False)
    defaults: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    ignore: tuple[str, ...] = ()
    name: str | None = None
    description: str | None = None
    #: The export's encoding (``"cp1252"`` for Excel on a Dutch Windows); None: recognised.
    encoding: str | None = None
    #: The export's separator (``";"``; ``"tab"`` for a tab); None: ``sep=`` line or sniffed.
    delimiter: str | None = None
    #: The worksheet of an ``.xlsx`` register, by name; None: the first visible worksheet.
    sheet: str | None = None
    #: Where the mapping was read from (a file path, a built-in's name), for errors to name; None
    #: when built in code. Not part of the TOML form and not compared.
    origin: str | None = attrs.field(default=None, eq=False)

    _TOP_LEVEL: ClassVar[frozenset[str]] = frozenset(
        {"columns", "values", "defaults", "ignore", "name", "description", "encoding", "delimiter", "sheet"}
    )

    def __attrs_post_init__(self) -> None:
        problems = [
            *_column_problems(self.columns),
            *_value_problems(self.values),
            *_default_problems(self.defaults),
            *self._file_problems(),
        ]
        if problems:
            raise MappingError(problems, self.origin)

    def _file_problems(self) -> Iterable[Message]:
        if self.encoding is not None and not known_encoding(self.encoding):
            yield _problem("REGISTER_MAPPING_BAD_ENCODING")
        if self.delimiter is not None and delimiter_char(self.delimiter) is None:
            yield _problem("REGISTER_MAPPING_BAD_DELIMITER")
        if self.sheet is not None and not _sheet_name(self.sheet):
            yield _problem("XLSX_MAPPING_BAD_SHEET")

    # -- the structured form -----------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, name: str | None = None) -> ColumnMapping:
        """Build from the parsed TOML (tables ``columns``, ``values``, ``defaults``, list ``ignore``).

        ``name``: where ``data`` was read from (a file, a built-in's name). Errors name it, and it
        is the mapping's :attr:`name` when ``data`` has no ``name`` of its own.
        """
        if not isinstance(data, Mapping):  # a list, a text, None: no table to read
            raise MappingError([_problem("REGISTER_MAPPING_NOT_TABLE")], name)
        problems = _shape_problems(data, cls._TOP_LEVEL)
        if problems:
            raise MappingError(problems, name)
        given_name = data.get("name")
        description = data.get("description")
        encoding, delimiter, sheet = data.get("encoding"), data.get("delimiter"), data.get("sheet")
        return cls(
            columns=dict(data.get("columns", {})),
            values={k: dict(v) if isinstance(v, Mapping) else v for k, v in data.get("values", {}).items()},
            defaults=dict(data.get("defaults", {})),
            ignore=tuple(data.get("ignore", ())),
            name=given_name if isinstance(given_name, str) else name,
            description=description if isinstance(description, str) else None,
            encoding=encoding,
            delimiter=delimiter,
            sheet=sheet,
            origin=name,
        )

    def to_dict(self) -> dict[str, Any]:
        """The TOML/JSON form; ``ColumnMapping.from_dict(m.to_dict()) == m``.

        Written by :mod:`klachtregels.convert` (the shape is registered there: ``name`` and
        ``description`` left out when not given).
        """
        out: dict[str, Any] = convert.to_plain(self)
        return out

    @classmethod
    def from_toml(cls, source: str, *, name: str | None = None) -> ColumnMapping:
        """Parse TOML text; ``name`` as in :meth:`from_dict`."""
        try:
            data = loads_toml(source)
        except tomllib.TOMLDecodeError as exc:
            raise MappingError([_problem("REGISTER_MAPPING_NOT_TOML", detail=str(exc))], name) from None
        return cls.from_dict(data, name=name)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ColumnMapping:
        """Read a mapping TOML file (its :attr:`origin` is ``path``)."""
        file = pathlib.Path(path_argument(path))
        try:
            # Read as every other TOML file (policy, organisation, configuration, baseline): UTF-8,
            # a byte order mark skipped (loads_toml), and \r\n or a lone \r read as a line end.
            source = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise MappingError([_problem("REGISTER_MAPPING_NOT_UTF8")], os.fspath(path)) from None
        return cls.from_toml(source, name=os.fspath(path))

    @classmethod
    def builtin(cls, name: str) -> ColumnMapping:
        """A mapping shipped in ``klachtregels/mappings/`` (``"partou"``, ``"partou_geschillen"``)."""
        res = importlib.resources.files("klachtregels.mappings").joinpath(f"{name}.toml")
        if not _BUILTIN_NAME.fullmatch(name) or not res.is_file():
            raise MappingError([_problem("REGISTER_MAPPING_NO_BUILTIN", name=name)])
        return cls.from_toml(res.read_text(encoding="utf-8"), name=name)

    def value_for(self, target: str, word: str) -> Any:
        """The translated value word, or ``word`` itself when the mapping has none for it."""
        table = self.values.get(target)
        if not table:
            return word
        if word in table:
            return table[word]
        key = word.strip().casefold()
        return next((to for source, to in table.items() if source.strip().casefold() == key), word)


def known_encoding(name: object) -> bool:
    """Whether ``name`` names a text encoding Python knows (``"cp1252"``, ``"utf-8"``, ...)."""
    return text_codec(name) is not None


def delimiter_char(given: object) -> str | None:
    """The separator ``given`` names (one character; ``"tab"`` or ``"\\t"`` for a tab), or None
    when it cannot be one (empty, longer, a quote or a line break)."""
    if not isinstance(given, str):
        return None
    char = "\t" if given.strip().casefold() in ("tab", "\\t") else given
    if len(char) != 1 or char in '"\r\n':
        return None
    return char


def _sheet_name(given: object) -> bool:
    """Whether ``given`` can name a worksheet (Excel: 1-31 characters, not blank)."""
    return isinstance(given, str) and bool(given.strip()) and len(given) <= 31


def _column_problems(columns: Mapping[str, str]) -> Iterable[Message]:
    """Problems with the ``[columns]`` entries: unknown targets, two sources for one target."""
    names = [c.name for c in COLUMNS]
    targets: dict[str, str | Message] = {}
    for index, (source, target) in enumerate(columns.items(), start=1):
        if not isinstance(target, str) or by_name(target) is None:
            yield _problem(
                "REGISTER_MAPPING_UNKNOWN_TARGET",
                source=_entry(source, index),
                target=_shown(target),
                close=_close(str(target), names),
            )
        elif target in targets:
            yield _problem(
                "REGISTER_MAPPING_TWO_SOURCES",
                first=targets[target],
                second=_entry(source, index),
                target=target,
            )
        else:
            targets[target] = _entry(source, index)


def _unknown_column(code: str, target: object) -> Message:
    """A table or entry named after a column that does not exist, with a suggestion."""
    return _problem(code, target=_shown(target), close=_close(target, [c.name for c in COLUMNS]))


def _value_problems(values: Mapping[str, Mapping[str, Any]]) -> Iterable[Message]:
    """Problems with the ``[values.*]`` tables: unknown columns, words mapped to no value."""
    for target, table in values.items():
        column = by_name(target)
        if column is None:
            yield _unknown_column("REGISTER_MAPPING_UNKNOWN_VALUES_TABLE", target)
            continue
        given: object = table  # the type says Mapping; a caller may still pass anything
        if not isinstance(given, Mapping):
            yield _problem("REGISTER_MAPPING_VALUES_NOT_TABLE", target=target)
            continue
        for index, (word, to) in enumerate(given.items(), start=1):
            problem = _value_target_problem(column, to)
            if problem is not None:
                yield _problem(
                    "REGISTER_MAPPING_VALUE", target=target, word=_entry(word, index), problem=problem
                )


def _default_problems(defaults: Mapping[str, Any]) -> Iterable[Message]:
    """Problems with the ``[defaults]`` entries: unknown columns, values the column does not read."""
    for target, raw in defaults.items():
        column = by_name(target)
        if column is None:
            yield _unknown_column("REGISTER_MAPPING_UNKNOWN_DEFAULT", target)
            continue
        try:
            value = cell_reader(column)(raw)
        except CellProblem as exc:
            yield _problem(
                "REGISTER_MAPPING_BAD_DEFAULT", target=target, problem=Message(exc.code, exc.params)
            )
            continue
        if value is None:
            yield _problem("REGISTER_MAPPING_EMPTY_DEFAULT", target=target)


def _shape_problems(data: Mapping[str, Any], allowed: frozenset[str]) -> list[Message]:
    """Problems with the shape of the parsed TOML (before the entries are checked)."""
    problems: list[Message] = []
    if "encoding" in data and not known_encoding(data["encoding"]):
        problems.append(_problem("REGISTER_MAPPING_BAD_ENCODING"))
    if "delimiter" in data and delimiter_char(data["delimiter"]) is None:
        problems.append(_problem("REGISTER_MAPPING_BAD_DELIMITER"))
    if "sheet" in data and not _sheet_name(data["sheet"]):
        problems.append(_problem("XLSX_MAPPING_BAD_SHEET"))
    unknown = sorted(set(data) - allowed, key=str)  # keys of any type (a caller's dict)
    shown = [name for name in unknown if convert.shown_key(name) is not None]
    if shown:
        tables = ", ".join(f"{name}{_close(name, sorted(allowed))}" for name in shown)
        problems.append(_problem("REGISTER_MAPPING_UNKNOWN_TABLES", tables=tables))
    if len(shown) < len(unknown):  # a name that is no identifier may be personal data: counted only
        hidden = len(unknown) - len(shown)
        problems.append(_problem("REGISTER_MAPPING_UNKNOWN_TABLES_NOT_SHOWN", count=hidden))
    columns = data.get("columns", {})
    if not isinstance(columns, Mapping) or not all(isinstance(k, str) for k in columns):
        problems.append(_problem("REGISTER_MAPPING_COLUMNS_NOT_TABLE"))
    if not isinstance(data.get("values", {}), Mapping) or not isinstance(data.get("defaults", {}), Mapping):
        problems.append(_problem("REGISTER_MAPPING_VALUES_DEFAULTS_NOT_TABLES"))
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        problems.append(_problem("REGISTER_MAPPING_IGNORE_NOT_LIST"))
    if problems:  # reported at once with the problems of the entries of every table that is one
        problems.extend(_entry_problems(data))
    return problems


def _entry_problems(data: Mapping[str, Any]) -> Iterable[Message]:
    """The entries' problems of the tables of ``data`` that are tables (the others are reported by
    :func:`_shape_problems`)."""
    columns, values, defaults = data.get("columns", {}), data.get("values", {}), data.get("defaults", {})
    if isinstance(columns, Mapping) and all(isinstance(k, str) for k in columns):
        yield from _column_problems(columns)
    if isinstance(values, Mapping):
        yield from _value_problems(values)
    if isinstance(defaults, Mapping):
        yield from _default_problems(defaults)


def load_mapping(mapping: MappingSource) -> ColumnMapping | None:
    """A :class:`ColumnMapping` from itself, a TOML path, or a built-in name such as ``"partou"``."""
    if mapping is None or isinstance(mapping, ColumnMapping):
        return mapping
    if not isinstance(mapping, str | os.PathLike):
        raise wrong_type("mapping", "a ColumnMapping, a built-in mapping's name, a path or None", mapping)
    path = path_argument(mapping, "mapping")
    if isinstance(mapping, str) and _BUILTIN_NAME.fullmatch(path) and not pathlib.Path(path).exists():
        return ColumnMapping.builtin(path)
    return ColumnMapping.load(path)


def header_index(columns: Sequence[Column], mapping: ColumnMapping | None) -> dict[str, str | None]:
    """Normalised header name -> the documented column it gives, or None for a column to skip.

    Precedence: the mapping's ``[columns]``, then its ``ignore`` list, then the columns' own names
    and their Dutch and English aliases. A name not in the index is an unknown column.
    """
    allowed = {c.name for c in columns}
    index: dict[str, str | None] = {}
    for column in columns:
        for header in column.header_names:
            index[header] = column.name
    if mapping is None:
        return index
    problems = [
        _problem("REGISTER_MAPPING_WRONG_FILE_TYPE", target=target)
        for target in (*mapping.columns.values(), *mapping.defaults)
        if target not in allowed
    ]
    if problems:
        raise MappingError(problems, mapping.origin)
    for source in mapping.ignore:
        index[norm_header(source)] = None
    for source, target in mapping.columns.items():
        index[norm_header(source)] = target
    return index


def suggest_columns(unknown: Sequence[str], present: Sequence[str] = ()) -> dict[str, str]:
    """For headers the reader does not know, the documented column each most likely means.

    ``unknown``: the headers as the file has them (``RegisterSummary.unknown_columns``);
    ``present``: the documented columns the file already has (``RegisterSummary.columns``), which
    are not suggested again. Each header is compared, normalised as the reader normalises headers,
    with every accepted Dutch and English name of the other columns (difflib, ratio 0.6 or more);
    each column is suggested once, and a header with no name close enough gets none. A suggestion
    is for a person to confirm (the web page's column form, a mapping file): never applied silently.
    """
    names = {name: column for name, column in header_index(COLUMNS, None).items() if column not in present}
    out: dict[str, str] = {}
    for header in unknown:
        free = [name for name, column in names.items() if column is not None and column not in out.values()]
        close = convert.closest(norm_header(header), free)
        if close is not None:
            out[header] = str(names[close])
    return out
