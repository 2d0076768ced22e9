"""DataFrames in and out: a DataFrame as a register, results as flat pandas tables, many assessments.

Every table here is a projection of objects the library already made (records, findings,
assessments, the annual report): no rule is decided here. pandas is imported inside the functions
that build a table; a polars DataFrame is read through its own rows (``iter_rows``).

Rows of a DataFrame register are numbered by *position*, 1-based: row ``n`` is ``df.iloc[n - 1]``
(the index labels are not used: they need be neither numbers nor unique). A row whose cells are all
missing is a blank line, as in a CSV file: not a row, counted in ``skipped_blank_lines``.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple, Protocol

from klachtregels.errors import KlachtregelsError

if TYPE_CHECKING:
    from klachtregels.compliance import CheckResult
    from klachtregels.decisions import Assessment, PolicyLike
    from klachtregels.model import RegisterRecord
    from klachtregels.register.mapping import MappingSource
    from klachtregels.register.reader import RegisterResult, RowError
    from klachtregels.report import AnnualReport

__all__ = [
    "DataFrameLike",
    "assess_many",
    "check_result_frame",
    "frame_rows",
    "is_frame",
    "register_result_frame",
    "report_tables",
]


class DataFrameLike(Protocol):
    """A pandas or polars DataFrame, as far as the register reader uses it."""

    @property
    def columns(self) -> Any:
        """The column names."""

    @property
    def shape(self) -> tuple[int, int]:
        """Rows and columns."""


def is_frame(value: object) -> bool:
    """Whether ``value`` is a pandas or polars DataFrame (without importing either)."""
    kind = type(value)
    return kind.__name__ == "DataFrame" and kind.__module__.partition(".")[0] in ("pandas", "polars")


# --- a DataFrame as a register ------------------------------------------------------------------------


class _DayOutOfRange:
    """A cell holding a day outside the years 1-9999 (a ``datetime64`` may; a Python date may not).

    Its ``kind`` names it in the cell problem (``expected a date, got a day outside the years
    1-9999``); the value itself is not kept.
    """

    __slots__ = ()
    kind = "REGISTER_KIND_DAY_OUT_OF_RANGE"


_OUT_OF_RANGE_CELL: Final = _DayOutOfRange()


def _moment(moment: _dt.datetime) -> _dt.datetime | _dt.date:
    """A naive moment at midnight is a date (a date column read by pandas); any other stays a datetime."""
    if moment.tzinfo is None and moment.time() == _dt.time():
        return moment.date()
    return moment


def _plain(value: Any) -> Any:
    """One cell as the register's cell readers take it (JSON-like values, dates as dates).

    Missing (None, NaN, NaT, pandas NA) is None; numpy scalars become Python ones; a whole float
    is an integer (an id column with a gap is float in pandas: ``123.0`` is ``123``); a pandas
    Timestamp or a numpy ``datetime64`` is a datetime, and a naive one at midnight a date (a date
    column read by pandas). A day outside the years 1-9999 is a cell no column takes.
    """
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        return int(value) if value.is_integer() else value
    name = type(value).__name__
    if name in ("NaTType", "NAType"):
        return None
    if name == "Timestamp":
        try:
            return _moment(value.to_pydatetime())
        except (ValueError, OverflowError, NotImplementedError):  # a year outside 1-9999
            return _OUT_OF_RANGE_CELL
    if name == "datetime64" and type(value).__module__ == "numpy":  # naive, as a datetime64 column's
        if value != value:  # NaT
            return None
        moment = value.astype("datetime64[us]").item()  # an int where Python holds no such day
        if not isinstance(moment, _dt.datetime) or value.astype("datetime64[D]") != moment.date():
            return _OUT_OF_RANGE_CELL
        return _moment(moment)
    if hasattr(value, "item") and type(value).__module__ == "numpy":  # a numpy scalar
        return _plain(value.item())
    return value


#: Rows of a polars DataFrame converted at once (as ``DataFrame.iter_rows`` does).
_POLARS_BUFFER: Final = 512


def polars_conversion_failed(error: BaseException) -> bool:
    """Whether ``error`` is polars failing to make a Python value of a day outside the years 1-9999:
    a ``ValueError`` or ``OverflowError``, or (polars 1.0) a Rust panic, which is a ``BaseException``
    named ``PanicException`` (anything else, such as ``KeyboardInterrupt``, is not)."""
    return isinstance(error, ValueError | OverflowError) or type(error).__name__ == "PanicException"


def _polars_rows(frame: Any) -> Iterator[Iterable[Any]]:
    """The rows of a polars DataFrame; a buffer polars cannot convert (a day outside the years 1-9999)
    cell by cell, the cells it cannot convert as such a day."""
    for start in range(0, frame.height, _POLARS_BUFFER):
        part = frame.slice(start, _POLARS_BUFFER)
        try:
            rows = part.rows()
        except BaseException as error:  # polars 1.0 panics (see polars_conversion_failed)
            if not polars_conversion_failed(error):
                raise
            rows = [[_polars_cell(part, row, col) for col in range(part.width)] for row in range(part.height)]
        yield from rows


def _polars_cell(part: Any, row: int, column: int) -> Any:
    try:
        return part.item(row, column)
    except BaseException as error:
        if not polars_conversion_failed(error):
            raise
        return _OUT_OF_RANGE_CELL


def frame_rows(frame: DataFrameLike) -> tuple[list[str], Iterator[list[Any]]]:
    """The column names (as text) and the rows of ``frame`` as lists of plain cells."""
    names = [str(name) for name in frame.columns]
    module = type(frame).__module__.partition(".")[0]
    reader: Any = frame  # pandas and polars name their row iterators differently
    rows: Iterable[Iterable[Any]] = (
        _polars_rows(reader) if module == "polars" else reader.itertuples(index=False, name=None)
    )
    return names, ([_plain(cell) for cell in row] for row in rows)


# --- flat tables ------------------------------------------------------------------------------------


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested JSON mapping as one level of dotted keys; lists of words joined with ``; ``.

    A list of objects (measures) stays JSON text; the separator is the register's own list
    separator, so a list reads back as it was written.
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{name}."))
        elif isinstance(value, list | tuple):
            if all(isinstance(item, str | int | float | bool) for item in value):
                out[name] = "; ".join(str(item) for item in value)
            else:
                out[name] = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        else:
            out[name] = value
    return out


def _frame(rows: list[dict[str, Any]], columns: list[str] | None = None) -> Any:
    """A pandas DataFrame of ``rows`` (the first columns in ``columns``' order)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=None if not rows else _order(rows, columns))
    if not rows and columns:
        frame = pd.DataFrame(columns=columns)
    return frame


def _order(rows: list[dict[str, Any]], first: list[str] | None) -> list[str]:
    """Every key of ``rows``, ``first`` first, then in order of appearance."""
    seen: dict[str, None] = dict.fromkeys(first or ())
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _as_dates(frame: Any, names: Iterable[str]) -> Any:
    """Columns of ISO dates or date-times as ``datetime64`` days (their Europe/Amsterdam day, A22)."""
    import numpy as np

    from klachtregels._time import read_day

    for name in names:
        if name in frame.columns:
            days = [None if v is None or v != v else read_day(v) for v in frame[name].tolist()]
            frame[name] = np.array(days, dtype="datetime64[D]")
    return frame


def register_result_frame(result: RegisterResult) -> Any:
    """``RegisterResult.to_pandas()``: one row per record, flat columns (``complaint.received_on``).

    Columns follow :meth:`RegisterRecord.to_dict` with nested keys dotted; dates (``..._on``) are
    ``datetime64`` days; lists of words are joined with ``; ``; ``row`` comes first.
    """
    from klachtregels._arguments import instance_argument
    from klachtregels.register.reader import RegisterResult

    instance_argument(result, RegisterResult, "result", optional=False)
    rows = [_flatten(record.to_dict()) for record in result.records]
    frame = _frame(rows, ["row"])
    return _as_dates(frame, [c for c in frame.columns if c.endswith("_on")])


def check_result_frame(result: CheckResult) -> Any:
    """``CheckResult.to_pandas()``: one row per finding, flat columns.

    ``id``, ``check``, ``severity``, ``subject``, ``row``, ``complaint_id``, ``column``,
    ``rule_ids`` (joined with ``; ``), ``k_item``, ``message_nl``, ``message_en`` and one
    ``facts.<name>`` column per fact that any finding states.
    """
    from klachtregels._arguments import instance_argument
    from klachtregels.compliance import CheckResult

    instance_argument(result, CheckResult, "result", optional=False)
    columns = [
        "id",
        "check",
        "severity",
        "subject",
        "row",
        "complaint_id",
        "column",
        "rule_ids",
        "k_item",
        "message_nl",
        "message_en",
    ]
    rows = []
    for finding in result.findings:
        row: dict[str, Any] = {
            "id": str(finding.id),
            "check": finding.check,
            "severity": str(finding.severity),
            "subject": finding.subject,
            "row": finding.row,
            "complaint_id": finding.complaint_id,
            "column": finding.column,
            "rule_ids": "; ".join(finding.rule_ids),
            "k_item": finding.k_item,
            "message_nl": finding.message_nl,
            "message_en": finding.message_en,
        }
        row.update({f"facts.{key}": value for key, value in finding.facts})
        rows.append(row)
    return _frame(rows, columns)


# --- many assessments ---------------------------------------------------------------------------------

#: The deadlines an assessment can give (``Assessment.deadlines`` keys), as columns in this order.
_DEADLINE_KEYS = (
    "handling",
    "house_handling",
    "gck_filing_limit",
    "first_contact",
    "acknowledgement",
    "submission_window",
)
_ASSESSMENT_COLUMNS = [
    "row",
    "complaint_id",
    "eligibility",
    "precedence",
    "status",
    "gck_access",
    *(f"{key}_deadline" for key in _DEADLINE_KEYS),
    *(f"{key}_provisional" for key in _DEADLINE_KEYS),
    "flag_codes",
    "error",
]


def _assessment_row(row: int | None, assessment: Assessment) -> dict[str, Any]:
    """One complaint's row: the decisions' outcomes, the deadlines and the flags."""
    out: dict[str, Any] = {
        "row": row,
        "complaint_id": assessment.complaint_id,
        "eligibility": str(assessment.eligibility.outcome),
        "precedence": str(assessment.precedence.outcome),
        "status": str(assessment.status),
        "gck_access": None if assessment.gck_access is None else str(assessment.gck_access.outcome),
        # Not "flags": DataFrame.flags is an attribute of every DataFrame.
        "flag_codes": "; ".join(str(flag.code) for flag in assessment.flags),
        "error": None,
    }
    for key in _DEADLINE_KEYS:
        found = assessment.deadlines.get(key)
        out[f"{key}_deadline"] = None if found is None else found.date
        out[f"{key}_provisional"] = None if found is None else found.provisional
    return out


def _error_row(row: int | None, complaint_id: str | None, error: str) -> dict[str, Any]:
    """The row of a complaint that could not be assessed: where, and why (never a cell's value)."""
    return {"row": row, "complaint_id": complaint_id, "error": error}


def _error_text(exc: Exception) -> str:
    """The error's own message for klachtregels' errors (they never echo values), else its kind."""
    if isinstance(exc, KlachtregelsError):
        return str(exc)
    return f"{type(exc).__name__} while assessing the complaint"


class _Rejected(NamedTuple):
    """A rejected register row's problems (never an item of the caller's, which may be a list)."""

    errors: list[RowError]


def _items(records: Any, mapping: MappingSource) -> Iterator[tuple[int | None, Any]]:
    """``(row, record or _Rejected)`` for a DataFrame, or ``(position, item)``."""
    if is_frame(records):
        from klachtregels.register.reader import RowError, read_register

        pending: list[RowError] = []
        for event in read_register(records, mapping=mapping).events():
            if isinstance(event, RowError):
                if pending and pending[0].row != event.row:
                    yield pending[0].row, _Rejected(pending)
                    pending = []
                pending.append(event)
                continue
            if pending:
                yield pending[0].row, _Rejected(pending)
                pending = []
            yield event.row, event
        if pending:
            yield pending[0].row, _Rejected(pending)
        return
    for position, item in enumerate(records, start=1):
        yield getattr(item, "row", None) or position, item


def _assess_one(item: Any, as_of: _dt.date, policy: PolicyLike) -> Assessment:
    """Assess one record, complaint or mapping (a register record's or a complaint's JSON form)."""
    from klachtregels._arguments import wrong_type
    from klachtregels.decisions import assess, assess_record
    from klachtregels.model import Complaint, RegisterRecord

    if isinstance(item, Mapping):
        item = RegisterRecord.from_dict(item) if "complaint" in item else Complaint.from_dict(item)
    # lazy=False: a row of the frame reads every decision, deadline and flag of the assessment.
    if isinstance(item, RegisterRecord):
        return assess_record(item, as_of=as_of, policy=policy, lazy=False)
    if isinstance(item, Complaint):
        return assess(item, as_of=as_of, policy=policy, lazy=False)
    raise wrong_type("records", "a RegisterRecord, a Complaint or a mapping", item)


def assess_many(
    records: Iterable[RegisterRecord | Any] | DataFrameLike,
    *,
    as_of: _dt.date,
    policy: PolicyLike = None,
    mapping: MappingSource = None,
) -> Any:
    """Assess many complaints on ``as_of``: a pandas DataFrame with one row per complaint.

    ``records``: a DataFrame register (read with ``mapping``, as :func:`read_register` reads one),
    or an iterable of :class:`~klachtregels.model.RegisterRecord`, :class:`~klachtregels.model.Complaint`
    or their JSON mappings. Columns: ``row`` (the register row, else the 1-based position),
    ``complaint_id``, ``eligibility``, ``precedence``, ``status`` (the handling outcome),
    ``gck_access``, ``<deadline>_deadline`` and ``<deadline>_provisional`` for ``handling``,
    ``house_handling``, ``gck_filing_limit``, ``first_contact``, ``acknowledgement`` and
    ``submission_window``, ``flag_codes`` (joined with ``; ``) and ``error``. A row that could not
    be read or assessed (a rejected register row, a peildatum before its receipt) has its ``error``
    and no outcomes: one bad row never stops the others.
    """
    from klachtregels._arguments import wrong_type
    from klachtregels.decisions import question_day
    from klachtregels.policy import applied_policy

    # The caller's arguments are checked once, before any row: a wrong as_of is no row's error.
    as_of = question_day(as_of, "as_of")
    if not is_frame(records) and (
        isinstance(records, str | bytes | bytearray | Mapping) or not isinstance(records, Iterable)
    ):
        raise wrong_type("records", "a DataFrame or an iterable of records, complaints or mappings", records)
    pol = applied_policy(policy)  # a bad policy is the caller's error, raised once
    rows: list[dict[str, Any]] = []
    for row, item in _items(records, mapping):
        if isinstance(item, _Rejected):  # a rejected register row: its problems
            rows.append(_error_row(row, None, "; ".join(error.describe("en") for error in item.errors)))
            continue
        try:
            rows.append(_assessment_row(row, _assess_one(item, as_of, pol)))
        except (KlachtregelsError, ValueError, TypeError, OverflowError) as exc:
            complaint = getattr(item, "complaint", item)
            rows.append(_error_row(row, getattr(complaint, "id", None), _error_text(exc)))
    frame = _frame(rows, _ASSESSMENT_COLUMNS)
    return _typed_assessments(frame)


def _typed_assessments(frame: Any) -> Any:
    """Deadline columns as ``datetime64`` days, provisional columns as nullable booleans."""
    import numpy as np

    for key in _DEADLINE_KEYS:
        dates = frame[f"{key}_deadline"].tolist()
        frame[f"{key}_deadline"] = np.array([d if d == d else None for d in dates], dtype="datetime64[D]")
        frame[f"{key}_provisional"] = frame[f"{key}_provisional"].astype("boolean")
    return frame


# --- the annual report's tables -------------------------------------------------------------------


def _group_row(group: Any) -> dict[str, Any]:
    """One location's or organisation's figures: totals, verdicts and measures."""
    verdicts, measures = group.verdicts, group.measures
    return {
        "name": group.display_name if group.display_name is not None else group.name,
        "total": group.total,
        "gegrond": verdicts.gegrond,
        "deels_gegrond": verdicts.deels_gegrond,
        "ongegrond": verdicts.ongegrond,
        "verdict_unknown": verdicts.unknown,
        "with_measures": measures.with_measures,
        "without_measures": measures.without_measures,
        "measures": measures.measures,
        "pseudonymised": group.pseudonymised,
        "suppressed": group.suppressed,
    }


def report_tables(report: AnnualReport) -> dict[str, Any]:
    """The annual report's tables as pandas DataFrames, by name (read from the report, nothing recomputed).

    ``summary`` (one row: year, total, children served, share, the previous year's total),
    ``locations`` and ``organisations`` (one row per group: total, verdicts, measures),
    ``categories`` (one row per category: total and verdicts), ``location_categories`` (long
    form: location, category, count), ``gck_subjects`` and ``gck_outcomes`` (when the report has
    Geschillencommissie data), ``entries`` (one row per complaint entry) and ``rejected_rows``.
    Names are as the report shows them (pseudonyms where it pseudonymises).
    """
    from klachtregels._arguments import instance_argument
    from klachtregels.report import AnnualReport

    instance_argument(report, AnnualReport, "report", optional=False)
    previous = report.previous
    tables: dict[str, Any] = {
        "summary": _frame(
            [
                {
                    "year": report.year,
                    "total": report.total.total,
                    "children_served": report.children_served,
                    "share_of_children": report.share_of_children,
                    "previous_year": None if previous is None else previous.year,
                    "previous_total": None if previous is None else previous.total,
                }
            ]
        ),
        "locations": _frame([_group_row(g) for g in report.by_location], ["name"]),
        "organisations": _frame([_group_row(g) for g in report.by_organisation], ["name"]),
        "categories": _frame(_category_rows(report), ["category", "total"]),
        "location_categories": _frame(
            [
                {"location": _group_row(g)["name"], "category": category, "count": count}
                for g in report.by_location
                for category, count in g.categories
            ],
            ["location", "category", "count"],
        ),
        "entries": _frame([_flatten(_entry(e)) for e in report.entries], ["row"]),
        "rejected_rows": _frame(
            [{"row": r.row, "fields": "; ".join(r.fields)} for r in report.data_quality.rejected],
            ["row", "fields"],
        ),
    }
    if report.gck is not None:
        tables["gck_subjects"] = _frame(
            [{"subject": s, "count": n} for s, n in report.gck.by_subject], ["subject", "count"]
        )
        tables["gck_outcomes"] = _frame(
            [{"outcome": s, "count": n} for s, n in report.gck.by_outcome], ["outcome", "count"]
        )
    return tables


def _category_rows(report: AnnualReport) -> list[dict[str, Any]]:
    """One row per category: the count and the verdicts over all locations."""
    verdicts = dict(report.category_verdicts)
    rows = []
    for category, count in report.total.categories:
        split = verdicts.get(category)
        row: dict[str, Any] = {"category": category, "total": count}
        if split is not None:
            row.update(
                gegrond=split.gegrond,
                deels_gegrond=split.deels_gegrond,
                ongegrond=split.ongegrond,
                verdict_unknown=split.unknown,
            )
        rows.append(row)
    return rows


def _entry(entry: Any) -> dict[str, Any]:
    """One complaint entry of the report as a mapping (measures joined)."""
    return {
        "row": entry.row,
        "location": entry.location,
        "organisation": entry.organisation,
        "category": entry.category,
        "verdict": entry.verdict,
        "description": entry.description,
        "summary": entry.summary,
        "measures": list(entry.measures),
    }
