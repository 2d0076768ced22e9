"""Reading complaint registers (CSV, JSON Lines, JSON) into domain objects, with row-level errors.

A register holds one complaint per row. The flow, one module each:

* :mod:`~klachtregels.register.spec`: the columns (``columns.toml``) and the cell vocabulary
  (``words.toml``), as data;
* :mod:`~klachtregels.register.mapping`: a provider's own column names and words
  (:class:`ColumnMapping`, a small TOML file);
* :mod:`~klachtregels.register.sources`: bytes to lines to CSV rows or JSON objects;
* :mod:`~klachtregels.register.cells`: one cell to one value (dates, booleans, words, lists);
* :mod:`~klachtregels.register.assemble`: one row's values to a ``RegisterRecord`` or ``GckCase``;
* :mod:`~klachtregels.register.reader`: the streaming reader, its counters and :class:`RowError`.

Rules of the format (style guide: missing is unknown, never a default):

* A column the register does not have, and an empty cell, is an unknown fact (``None``).
* A bad cell rejects its row with one :class:`RowError` per problem; it never stops the read
  (unless ``strict=True``). Errors name the row, the column and the kind of problem, never the
  cell's value.
* ``summary.rows_read == summary.rows_ok + summary.rows_rejected``, always. Blank lines are not
  rows; they are counted in ``summary.skipped_blank_lines``.
* A file that cannot be read at all (no header, undecodable bytes, duplicate header names) raises
  :class:`~klachtregels.errors.RegisterError`.
"""

from __future__ import annotations

from klachtregels.register.assemble import GckCase
from klachtregels.register.cells import MAX_CELL_CHARS
from klachtregels.register.mapping import ColumnMapping, MappingError, MappingSource, load_mapping
from klachtregels.register.reader import (
    GckCaseReader,
    RegisterReader,
    RegisterResult,
    RegisterSummary,
    RowError,
    RowRejectedError,
    read_gck_cases,
    read_register,
    read_register_all,
    register_columns,
)
from klachtregels.register.sources import CSV_FIELD_LIMIT, Format, Source
from klachtregels.register.spec import (
    BOOLEAN_WORDS,
    COLUMNS,
    GCK_CASE_COLUMNS,
    WORDS,
    Column,
    ColumnKind,
    Words,
)

__all__ = [
    "BOOLEAN_WORDS",
    "COLUMNS",
    "CSV_FIELD_LIMIT",
    "GCK_CASE_COLUMNS",
    "MAX_CELL_CHARS",
    "WORDS",
    "Column",
    "ColumnKind",
    "ColumnMapping",
    "Format",
    "GckCase",
    "GckCaseReader",
    "MappingError",
    "MappingSource",
    "RegisterReader",
    "RegisterResult",
    "RegisterSummary",
    "RowError",
    "RowRejectedError",
    "Source",
    "Words",
    "load_mapping",
    "read_gck_cases",
    "read_register",
    "read_register_all",
    "register_columns",
]
