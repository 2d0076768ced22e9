"""The streaming reader: header to plan, each row's cells to values, values to records; counting.

:func:`read_register` returns a :class:`RegisterReader` that yields
:class:`~klachtregels.model.RegisterRecord` objects one at a time and keeps only counters and row
errors in memory (a JSON *array* is the one exception: it is loaded whole). A bad row is rejected
with one :class:`RowError` per problem and the read goes on (unless ``strict=True``).
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    ClassVar,
    Final,
    Generic,
    Literal,
    NamedTuple,
    TypeAlias,
    TypeVar,
    cast,
)

import attrs

from klachtregels._arguments import bool_argument, wrong_type
from klachtregels._io import MAX_NESTING, JsonNestingError, loads_json
from klachtregels.errors import RegisterError
from klachtregels.messages import Message, text
from klachtregels.model import RegisterRecord
from klachtregels.register import assemble, sources
from klachtregels.register.assemble import GROUPS, GckCase, Problem, Values
from klachtregels.register.cells import (
    CACHE_ENTRIES,
    MAX_CELL_CHARS,
    REMEMBERED_CHARS,
    CellProblem,
    CellReader,
    cell_reader,
    read_text,
    remembers,
)
from klachtregels.register.mapping import (
    MappingError,
    MappingSource,
    delimiter_char,
    header_index,
    load_mapping,
)
from klachtregels.register.sources import (
    REPEATED_KEY_ROW,
    CsvRows,
    DecodedLines,
    DuplicateKeyError,
    Format,
    Source,
    guess_format,
    json_array,
    no_duplicates,
    register_error,
)
from klachtregels.register.spec import COLUMNS, GCK_CASE_COLUMNS, Column, norm_header

if TYPE_CHECKING:
    from klachtregels.bulk._frames import DataFrameLike
    from klachtregels.register.xlsx import XlsxRows

__all__ = [
    "GckCaseReader",
    "RegisterReader",
    "RegisterResult",
    "RegisterSummary",
    "RowError",
    "RowRejectedError",
    "read_gck_cases",
    "read_register",
    "read_register_all",
    "register_columns",
]

T = TypeVar("T")


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RowError:
    """Why a row was rejected: where (row, column) and the kind of problem, never the cell's value."""

    #: The row: the line where the record starts (CSV, header = line 1; JSON Lines), or the record's
    #: 1-based index (JSON array).
    row: int
    #: The column as the register names it (before the mapping), or None for the whole row.
    column: str | None
    #: The problem: a code of ``messages/register.toml`` and its parameters.
    problem: Message

    @property
    def code(self) -> str:
        """The problem's message code (``DATE_FORMAT``)."""
        return self.problem.code

    @property
    def message(self) -> str:
        """The problem in English (:meth:`text` renders it in Dutch)."""
        return self.problem.render("en")

    def text(self, lang: str = "nl") -> str:
        """The problem in ``lang`` (``nl`` or ``en``)."""
        return self.problem.render(lang)

    def describe(self, lang: str = "en") -> str:
        """One line: where and what."""
        if self.column is None:
            return text("REGISTER_AT_ROW", lang, row=self.row, problem=self.problem)
        return text("REGISTER_AT_CELL", lang, row=self.row, column=self.column, problem=self.problem)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: row, column, code and the message in both languages."""
        return {"row": self.row, "column": self.column, "code": self.code, "message": self.problem.both()}


class RowRejectedError(RegisterError):
    """``strict=True``: a row was rejected. ``errors`` lists that row's problems."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        listed = "; ".join(f"{e.column}: {e.text('en')}" if e.column else e.text("en") for e in self.errors)
        super().__init__(text("REGISTER_ROW_REJECTED", "en", row=self.errors[0].row, problems=listed))


@attrs.frozen(kw_only=True)
class RegisterSummary:
    """Counters of a read. ``rows_read == rows_ok + rows_rejected`` always holds."""

    rows_read: int
    rows_ok: int
    rows_rejected: int
    #: Lines without any cell content (blank, or only separators): not rows.
    skipped_blank_lines: int
    #: Header names that are no documented column (after the mapping): ignored, not fatal. At most
    #: :data:`UNKNOWN_COLUMNS_LISTED`, the first ones met (a JSON Lines register may use new keys
    #: on every line: the list, like the rest of a read, stays within a constant size).
    unknown_columns: tuple[str, ...]
    #: The documented columns the file supplies (after the mapping).
    columns: tuple[str, ...]
    #: Columns filled from the mapping's ``[defaults]`` (the provider's explicit statement).
    defaults_applied: tuple[str, ...]
    format: str
    encoding: str | None
    delimiter: str | None
    #: False while iteration has not reached the end.
    complete: bool
    #: Physical lines read (CSV and JSON Lines; header, blank lines and every line of every row),
    #: None for a JSON array. A row spans one line or more (quoted line breaks).
    lines_read: int | None = None

    @property
    def balanced(self) -> bool:
        """``rows_read == rows_ok + rows_rejected``: every row that started is read or rejected."""
        return self.rows_read == self.rows_ok + self.rows_rejected

    def accounting(self, lang: str = "en") -> str:
        """The accounting in one line: lines, rows = read + rejected, blank lines."""
        return text(
            "REGISTER_ACCOUNTING",
            lang,
            lines=self.lines_read if self.lines_read is not None else "-",
            rows=self.rows_read,
            ok=self.rows_ok,
            rejected=self.rows_rejected,
            blank=self.skipped_blank_lines,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class RegisterResult:
    """Everything :func:`read_register_all` read."""

    records: tuple[RegisterRecord, ...]
    summary: RegisterSummary
    errors: tuple[RowError, ...]

    def __repr__(self) -> str:
        """Short: counts and format (never the records: a register's repr would flood a notebook)."""
        from klachtregels.bulk._display import register_result_repr

        return register_result_repr(self)

    def _repr_html_(self) -> str:
        """Notebook display (escaped HTML; :mod:`klachtregels.bulk._display`)."""
        from klachtregels.bulk._display import register_result_html

        return register_result_html(self)

    def to_pandas(self) -> Any:
        """One row per record, flat columns (pandas; :func:`klachtregels.bulk.register_result_frame`)."""
        from klachtregels.bulk import register_result_frame

        return register_result_frame(self)


# --------------------------------------------------------------------------------------------------
# The plan: which cell goes where
# --------------------------------------------------------------------------------------------------


class _Step(NamedTuple):
    """One recognised column: where its cell is, how it is read and where its value goes."""

    position: int  # the cell's position (CSV); unused for JSON
    group: int  # position in GROUPS
    field: str
    read: CellReader
    column: str  # the documented column
    #: Cell text -> value for the columns whose cells repeat (at most CACHE_ENTRIES), else None.
    memory: dict[str, Any] | None


_GROUP_INDEX = {g: i for i, g in enumerate(GROUPS)}
_UNSEEN = object()
#: At most this many unknown header names (or JSON keys) are listed in the summary.
UNKNOWN_COLUMNS_LISTED: Final = 4096
#: At most this many JSON keys have their step remembered (keys beyond are looked up each time).
_OBJECT_STEPS: Final = 4096


def _value(step: _Step, raw: Any) -> Any:
    """One cell's value through its step (remembered when the column's cells repeat)."""
    memory = step.memory
    if memory is None or raw.__class__ is not str:
        return step.read(raw)
    value = memory.get(raw, _UNSEEN)
    if value is _UNSEEN:
        value = step.read(raw)
        _remember(memory, raw, value)
    return value


def _remember(memory: dict[str, Any], cell: str, value: Any) -> None:
    """Keep a cell's value for the column's next equal cell: at most :data:`CACHE_ENTRIES` per
    column, and only cells of at most :data:`REMEMBERED_CHARS` (the memory never holds the file)."""
    if len(memory) < CACHE_ENTRIES and len(cell) <= REMEMBERED_CHARS:
        memory[cell] = value


def _read_step(step: _Step, cell: str, problems: list[Problem]) -> Any:
    """One cell through its step's reader (remembered when the column's cells repeat); a problem is
    appended to ``problems`` and gives None."""
    try:
        value = step.read(cell)
    except CellProblem as exc:
        problems.append((step.column, Message(exc.code, exc.params)))
        return None
    if step.memory is not None:
        _remember(step.memory, cell, value)
    return value


#: Reads one CSV row's cells: ``(cells, values, problems)``, each recognised cell's value into
#: ``values`` (or a problem into ``problems``).
_CellsReader: TypeAlias = "Callable[[Sequence[str], Values, list[Problem]], None]"


def _cells_reader(plan: Sequence[_Step]) -> _CellsReader:
    """The CSV hot loop for one header: a function generated for the plan, one block per step.

    Straight-line code, as :mod:`klachtregels.convert` generates the model's validation: no loop over
    the steps and no call for the common cells (a text cell is stripped in place; a word, boolean or
    date read before is one look-up in its column's memory). Anything else goes through
    :func:`_read_step` (a cell not seen before, a text cell with a value table or over
    :data:`MAX_CELL_CHARS`, a problem). The code names only positions and the fields of
    ``columns.toml``; nothing of the file (a header, a cell) becomes code.
    """
    namespace: dict[str, Any] = {"_read": _read_step, "_unseen": _UNSEEN, "_max": MAX_CELL_CHARS}
    groups = sorted({step.group for step in plan})
    lines = ["def read_cells(cells, values, problems):"]
    lines += [f"    g{g} = values[{g}]" for g in groups]
    for k, step in enumerate(plan):
        namespace[f"s{k}"], namespace[f"m{k}"] = step, step.memory
        lines += [f"    cell = cells[{step.position}]", "    if cell:"]
        if step.read is read_text:  # read_text, written out
            lines += [f"        v = cell.strip() if len(cell) <= _max else _read(s{k}, cell, problems)"]
            lines += [f"        if v: g{step.group}[{step.field!r}] = v"]
            continue
        if step.memory is not None:
            lines += [f"        v = m{k}.get(cell, _unseen)"]
            lines += [f"        if v is _unseen: v = _read(s{k}, cell, problems)"]
        else:
            lines += [f"        v = _read(s{k}, cell, problems)"]
        lines += [f"        if v is not None: g{step.group}[{step.field!r}] = v"]
    if not plan:
        lines.append("    pass")
    exec(compile("\n".join(lines), "<klachtregels register cells>", "exec"), namespace)
    read: _CellsReader = namespace["read_cells"]
    return read


class _Reader(Generic[T]):
    """Shared engine: header resolution, cell conversion, counting, errors."""

    _columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def __init__(
        self,
        source: Source | DataFrameLike,
        *,
        format: Format | None = None,
        mapping: MappingSource = None,
        strict: bool = False,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        self._source = source
        self._mapping = load_mapping(mapping)
        self._strict = strict if strict.__class__ is bool else bool(bool_argument(strict, "strict"))
        # An explicit argument wins over the mapping's; None: recognised from the file.
        given = self._mapping
        if encoding is None and given is not None:
            encoding = given.encoding
        if delimiter is None and given is not None:
            delimiter = given.delimiter
        self._encoding = encoding
        wanted = delimiter
        self._delimiter = None if wanted is None else delimiter_char(wanted)
        if wanted is not None and self._delimiter is None:
            raise register_error("REGISTER_BAD_DELIMITER")
        self._frame = _is_frame(source)  # a pandas or polars DataFrame (klachtregels.bulk)
        if not self._frame and not isinstance(source, str | os.PathLike) and not hasattr(source, "read"):
            raise wrong_type("source", "a path, a file object or a DataFrame", source)
        self._format: Format | Literal["dataframe"] = (
            "dataframe" if self._frame else format or guess_format(cast("Source", source))
        )
        if self._format not in ("csv", "jsonl", "json", "xlsx", "dataframe"):
            raise register_error("REGISTER_UNKNOWN_FORMAT")  # the value given is not repeated
        self._by_name = {c.name: c for c in self._columns}
        self._index = header_index(self._columns, self._mapping)
        self._readers = {c.name: cell_reader(c, self._words(c)) for c in self._columns}
        self._memories: dict[str, dict[str, Any]] = {}
        self._shared = assemble.Shared()
        self._consumed = False
        self._keep_errors = True
        self._errors: list[RowError] = []
        self._reset()

    def _words(self, column: Column) -> Mapping[str, Any] | None:
        return self._mapping.values.get(column.name) if self._mapping is not None else None

    def _reset(self) -> None:
        if self._keep_errors:
            self._errors = []
        else:  # events(): the list is the one events() drains
            self._errors.clear()
        self._rows_read = 0
        self._rows_ok = 0
        self._blank = 0
        self._lines: int | None = None  # JSON Lines: lines read
        self._unknown: dict[str, None] = {}
        self._present: dict[str, None] = {}
        self._source_names: dict[str, str] = {}
        self._defaults: Values = [{} for _ in GROUPS]
        self._defaults_applied: tuple[str, ...] = ()
        self._complete = False
        self._used_delimiter: str | None = None
        self._used_encoding: str | None = None
        self._csv_rows: CsvRows | XlsxRows | None = None

    # -- public ------------------------------------------------------------------------------------

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Row errors so far (one per problem; a rejected row may have several)."""
        return tuple(self._errors)

    @property
    def summary(self) -> RegisterSummary:
        """Counters so far; ``complete`` is True once iteration reached the end."""
        return RegisterSummary(
            rows_read=self._rows_read,
            rows_ok=self._rows_ok,
            rows_rejected=self._rows_read - self._rows_ok,
            skipped_blank_lines=self._blank + (self._csv_rows.blank if self._csv_rows is not None else 0),
            unknown_columns=tuple(self._unknown),
            columns=tuple(c.name for c in self._columns if c.name in self._present),
            defaults_applied=self._defaults_applied,
            format=self._format,
            encoding=self._used_encoding,
            delimiter=self._used_delimiter,
            complete=self._complete,
            lines_read=self._csv_rows.lines_read if self._csv_rows is not None else self._lines,
        )

    def events(self) -> Iterator[T | RowError]:
        """The rows in file order: each good row's object, and each rejected row's errors.

        For constant memory: the errors are handed over here and not kept, so :attr:`errors` stays
        empty; :attr:`summary` counts as usual.
        """
        self._keep_errors = False
        pending: list[RowError] = []
        self._errors = pending
        try:
            for item in self:
                if pending:
                    yield from pending
                    pending.clear()
                yield item
            if pending:
                yield from pending
                pending.clear()
        finally:
            self._keep_errors = True

    def __iter__(self) -> Iterator[T]:
        if self._consumed and not isinstance(self._source, str | os.PathLike) and not self._frame:
            raise register_error("REGISTER_ALREADY_READ")
        self._consumed = True
        self._reset()
        if self._frame:
            yield from self._read_frame(self._source)
        elif isinstance(self._source, str | os.PathLike):
            with pathlib.Path(self._source).open("rb") as fh:
                yield from self._read_stream(fh)
        else:
            yield from self._read_stream(cast("IO[Any]", self._source))
        self._complete = True

    # -- formats -----------------------------------------------------------------------------------

    def _read_stream(self, stream: IO[Any]) -> Iterator[T]:
        if self._format == "xlsx":  # python-calamine is imported only here (the extra klachtregels[xlsx])
            from klachtregels.register.xlsx import XlsxRows

            sheet = self._mapping.sheet if self._mapping is not None else None
            yield from self._read_csv(iter(()), {}, XlsxRows(stream, sheet))
            return
        lines: Iterator[str]
        undecodable: dict[int, int] = {}  # filled while the lines are read
        if isinstance(stream.read(0), bytes):
            decoded = DecodedLines(stream, self._encoding)
            lines, undecodable = iter(decoded), decoded.undecodable
            self._used_encoding = decoded.encoding
        else:
            lines = iter(stream)
        if self._format == "csv":
            yield from self._read_csv(lines, undecodable)
        elif self._format == "jsonl":
            yield from self._read_jsonl(lines, undecodable)
        else:
            yield from self._read_json(lines, undecodable)

    def _read_csv(
        self, lines: Iterator[str], undecodable: dict[int, int], sheet: XlsxRows | None = None
    ) -> Iterator[T]:
        rows: CsvRows | XlsxRows
        if sheet is None:
            rows = CsvRows(lines, self._delimiter, undecodable=undecodable, encoding=self._used_encoding)
        else:
            rows = sheet
        self._csv_rows = rows
        self._used_delimiter = rows.delimiter
        plan = self._csv_plan(rows.header)
        width = len(rows.header)
        fresh = self._fresh_values
        read_cells = _cells_reader(plan)
        for start, _end, cells, unreadable in rows:
            self._rows_read += 1
            if unreadable is not None:
                self._reject([RowError(row=start, column=None, problem=unreadable)])
                continue
            if len(cells) != width:
                problem = Message("REGISTER_CELL_COUNT", {"cells": len(cells), "width": width})
                self._reject([RowError(row=start, column=None, problem=problem)])
                continue
            values = fresh()
            problems: list[Problem] = []
            read_cells(cells, values, problems)
            built = self._finish(values, start, problems)
            if built is not None:
                yield built

    def _read_frame(self, frame: Any) -> Iterator[T]:
        """A DataFrame: its column names as the header, row ``n`` its ``n``-th row (1-based position).

        Cells keep their types (a date stays a date, :func:`klachtregels.bulk._frames.frame_rows`);
        a row whose cells are all missing is a blank line, as in a CSV file.
        """
        from klachtregels.bulk._frames import frame_rows

        names, rows = frame_rows(frame)
        plan = self._csv_plan(names)
        for position, cells in enumerate(rows, start=1):
            if all(cell is None or (cell.__class__ is str and not cell.strip()) for cell in cells):
                self._blank += 1
                continue
            self._rows_read += 1
            values = self._fresh_values()
            problems: list[Problem] = []
            for step in plan:
                raw = cells[step.position]
                if raw is None:
                    continue
                try:
                    value = _value(step, raw)
                except CellProblem as exc:
                    problems.append((step.column, Message(exc.code, exc.params)))
                    continue
                if value is not None:
                    values[step.group][step.field] = value
            built = self._finish(values, position, problems)
            if built is not None:
                yield built

    def _read_jsonl(self, lines: Iterator[str], undecodable: dict[int, int]) -> Iterator[T]:
        self._start_objects()
        self._lines = 0
        for line_no, line in enumerate(lines, start=1):
            self._lines = line_no
            if not line.strip():
                self._blank += 1
                continue
            self._rows_read += 1
            if undecodable and line_no in undecodable:
                offset = undecodable.pop(line_no)
                encoding = self._used_encoding or "utf-8"
                self._reject_row(
                    line_no, "REGISTER_ROW_UNDECODABLE", line=line_no, offset=offset, encoding=encoding
                )
                continue
            # One row: rejected, the others are read. The line end does not count.
            if len(line) > sources.JSON_LINE_LIMIT and len(line.rstrip("\r\n")) > sources.JSON_LINE_LIMIT:
                self._reject_row(line_no, "REGISTER_ROW_TOO_LONG", limit=sources.JSON_LINE_LIMIT)
                continue
            try:
                item = loads_json(line, object_pairs_hook=no_duplicates)
            except DuplicateKeyError:
                self._reject_row(line_no, "REGISTER_ROW_DUPLICATE_KEY")
                continue
            except JsonNestingError:
                self._reject_row(line_no, "IO_NESTED_TOO_DEEP", limit=MAX_NESTING)
                continue
            except ValueError:
                self._reject_row(line_no, "REGISTER_ROW_NOT_JSON")
                continue
            built = self._object(item, line_no)
            if built is not None:
                yield built

    def _read_json(self, lines: Iterator[str], undecodable: dict[int, int]) -> Iterator[T]:
        self._start_objects()
        try:
            items = json_array(lines)
        finally:
            if undecodable:  # a JSON array is one value: a bad byte anywhere makes it unreadable
                line, offset = next(iter(undecodable.items()))
                encoding = self._used_encoding or "utf-8"
                raise register_error("REGISTER_UNDECODABLE_LINE", line=line, offset=offset, encoding=encoding)
        for index, item in enumerate(items, start=1):
            self._rows_read += 1
            if item is REPEATED_KEY_ROW:  # as a JSON Lines line that repeats a key: the row, not the file
                self._reject_row(index, "REGISTER_ROW_DUPLICATE_KEY")
                continue
            built = self._object(item, index)
            if built is not None:
                yield built

    # -- header and objects ------------------------------------------------------------------------

    def _csv_plan(self, names: Sequence[str]) -> list[_Step]:
        """One step per recognised header cell; the rest are listed as unknown or skipped."""
        seen: dict[str, int] = {}
        plan: list[_Step] = []
        for i, name in enumerate(names):
            key = norm_header(name)
            if not key and key not in self._index:  # blank (or only hyphens), and mapped by no mapping
                continue
            if key in seen:
                raise register_error("REGISTER_DUPLICATE_HEADER", position=i + 1, first=seen[key] + 1)
            seen[key] = i
            target = self._target(name, key)
            if target is None:
                continue
            if target in self._present:
                raise register_error(
                    "REGISTER_TWO_HEADERS", first=self._source_names[target], second=name, target=target
                )
            self._source_names[target] = name
            self._present[target] = None
            plan.append(self._step(target, i))
        if not plan and names:
            self._unknown.clear()  # a headerless file's first row may hold personal data
            raise register_error("REGISTER_NO_KNOWN_COLUMN", count=len(names))
        self._apply_defaults()
        return plan

    def _target(self, name: str, key: str) -> str | None:
        """The documented column a header name gives; None (and listed if unknown) otherwise."""
        if key not in self._index:
            if len(self._unknown) < UNKNOWN_COLUMNS_LISTED:
                self._unknown[name] = None
            return None
        return self._index[key]

    def _step(self, target: str, index: int = -1) -> _Step:
        column = self._by_name[target]
        memory = self._memories.setdefault(target, {}) if remembers(column) else None
        return _Step(index, _GROUP_INDEX[column.group], column.field, self._readers[target], target, memory)

    def _apply_defaults(self) -> None:
        """The mapping's defaults for the columns the file does not have, read once."""
        if self._mapping is None:
            return
        applied = []
        for target, raw in self._mapping.defaults.items():
            if target in self._present:
                continue  # the file's own column wins (an empty cell stays unknown)
            step = self._step(target)
            try:
                value = step.read(raw)
            except CellProblem as exc:
                problem = Message(
                    "REGISTER_MAPPING_BAD_DEFAULT",
                    {"target": target, "problem": Message(exc.code, exc.params)},
                )
                raise MappingError([problem], self._mapping.origin) from None
            self._defaults[step.group][step.field] = value
            applied.append(target)
        self._defaults_applied = tuple(applied)

    def _fresh_values(self) -> Values:
        if not self._defaults_applied:
            return [{}, {}, {}, {}, {}, {}]  # one per GROUPS
        return [dict(d) for d in self._defaults]

    def _start_objects(self) -> None:
        self._object_steps: dict[str, _Step | None] = {}
        self._apply_defaults()

    def _object_step(self, name: str) -> _Step | None:
        """The step for a JSON key (remembered for the first :data:`_OBJECT_STEPS` keys: a file
        with new keys on every line must not grow the reader)."""
        try:
            return self._object_steps[name]
        except KeyError:
            key = norm_header(name)
            # A blank key is no column (unless a mapping names it), as a blank header cell is not:
            # skipped, not listed.
            target = self._target(name, key) if key or key in self._index else None
            step = None if target is None else self._step(target)
            if len(self._object_steps) < _OBJECT_STEPS:
                self._object_steps[name] = step
            return step

    def _object(self, item: Any, row: int) -> T | None:
        if not isinstance(item, Mapping):
            self._reject_row(row, "REGISTER_ROW_NOT_OBJECT")
            return None
        values = self._fresh_values()
        problems: list[Problem] = []
        given: dict[str, str] = {}  # column -> this object's key for it (keys may differ by line)
        for name, raw in item.items():
            step = self._object_step(name)
            if step is None:
                continue
            if step.column in given:
                self._reject_row(row, "REGISTER_ROW_TWO_KEYS", target=step.column)
                return None
            given[step.column] = name
            self._present[step.column] = None
            try:
                value = _value(step, raw)
            except CellProblem as exc:
                problems.append((step.column, Message(exc.code, exc.params)))
                continue
            if value is not None:
                values[step.group][step.field] = value
        return self._finish(values, row, problems, given)

    # -- rows --------------------------------------------------------------------------------------

    def _finish(
        self, values: Values, row: int, problems: list[Problem], names: Mapping[str, str] | None = None
    ) -> T | None:
        """The row's object, or None after rejecting the row with its problems.

        A problem names its column as the row's source does: ``names`` (column -> the JSON key of
        this row), else the header's cell; a column the source lacks by its documented name.
        """
        if not problems:
            built = self._make(values, row, problems)
            if built is not None and not problems:
                self._rows_ok += 1
                return built
        source = self._source_names if names is None else names
        self._reject(
            [
                RowError(row=row, column=source.get(col, col) if col else None, problem=msg)
                for col, msg in problems
            ]
        )
        return None

    def _reject_row(self, row: int, code: str, /, **params: object) -> None:
        self._reject([RowError(row=row, column=None, problem=Message(code, params))])

    def _reject(self, errors: list[RowError]) -> None:
        self._errors.extend(errors)
        if self._strict:
            raise RowRejectedError(errors)

    def _make(self, values: Values, row: int, problems: list[Problem]) -> T | None:
        raise NotImplementedError


class RegisterReader(_Reader[RegisterRecord]):
    """Streams :class:`~klachtregels.model.RegisterRecord` objects from a register.

    Iterate it; afterwards read :attr:`summary` and :attr:`errors`. A path can be iterated again
    (the counters start over); a stream only once.
    """

    def _make(self, values: Values, row: int, problems: list[Problem]) -> RegisterRecord | None:
        return assemble.register_record(values, row, problems, self._shared)


class GckCaseReader(_Reader[GckCase]):
    """Streams :class:`GckCase` objects from a Geschillencommissie cases file (columns:
    :data:`GCK_CASE_COLUMNS`; see the built-in mapping ``partou_geschillen``)."""

    _columns = GCK_CASE_COLUMNS

    def _make(self, values: Values, row: int, problems: list[Problem]) -> GckCase | None:
        return assemble.gck_case(values, row, problems)


def _is_frame(source: object) -> bool:
    """Whether ``source`` is a pandas or polars DataFrame (neither is imported to find out)."""
    kind = type(source)
    return kind.__name__ == "DataFrame" and kind.__module__.partition(".")[0] in ("pandas", "polars")


def read_register(
    source: Source | DataFrameLike,
    *,
    format: Format | None = None,
    mapping: MappingSource = None,
    strict: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> RegisterReader:
    """Open a complaint register for streaming.

    ``source``: a path, an open text or binary file, or a pandas (or polars) DataFrame: its column
    names are the header (through the mapping as for a file), its cells keep their types, and row
    ``n`` is its ``n``-th row, 1-based, whatever its index (:mod:`klachtregels.bulk`; the summary's
    format is ``"dataframe"``). ``format``: ``"csv"``, ``"jsonl"``,
    ``"json"`` or ``"xlsx"``; ``None`` decides by the file extension (.csv/.tsv/.txt,
    .jsonl/.ndjson, .json, .xlsx). An ``.xlsx`` workbook (a path or a binary file) needs the extra
    ``klachtregels[xlsx]``; its first visible worksheet is read (the mapping's ``sheet`` names
    another), row by row as a CSV file is (:mod:`klachtregels.register.xlsx`).
    ``mapping``: a :class:`ColumnMapping`, a TOML path, or a built-in name (``"partou"``).
    ``encoding``: ``None`` takes the mapping's, else reads UTF-8 (a BOM is skipped; UTF-16 with a
    BOM is recognised; a file whose first 64 KiB are Windows-1252 and hold no UTF-8 sequence is
    read as ``"cp1252"``). A line that does not decode rejects its row (the row error names the
    line and byte offset), not the file. ``delimiter``: ``None`` takes the mapping's, else a first
    line ``sep=;`` (Excel), else sniffs ``,``, ``;`` or tab from the header line; ``"tab"`` names
    a tab. ``strict``: raise :class:`RowRejectedError` at the first rejected row (so a bad byte
    or a stray quote then rejects the file).

    Every row that starts is counted: ``summary.rows_read == rows_ok + rows_rejected``; a quoted
    field that runs over lines that look like rows rejects its row with the line range, and those
    lines are read as rows of their own (never merged into one record).

    Header problems surface when iteration starts.
    """
    return RegisterReader(
        source, format=format, mapping=mapping, strict=strict, encoding=encoding, delimiter=delimiter
    )


def read_register_all(
    source: Source | DataFrameLike,
    *,
    format: Format | None = None,
    mapping: MappingSource = None,
    strict: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> RegisterResult:
    """Read a whole register into memory: the records, the summary and the row errors."""
    reader = read_register(
        source, format=format, mapping=mapping, strict=strict, encoding=encoding, delimiter=delimiter
    )
    records = tuple(reader)
    return RegisterResult(records=records, summary=reader.summary, errors=reader.errors)


def read_gck_cases(
    source: Source,
    *,
    format: Format | None = None,
    mapping: MappingSource = None,
    strict: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> GckCaseReader:
    """Open a Geschillencommissie cases file (one case per row) for streaming :class:`GckCase` objects.

    Same options as :func:`read_register`. For Partou's file use ``mapping="partou_geschillen"``.
    """
    return GckCaseReader(
        source, format=format, mapping=mapping, strict=strict, encoding=encoding, delimiter=delimiter
    )


def register_columns() -> Iterable[Column]:
    """The documented columns (for docs and the JSON Schema)."""
    return COLUMNS
