"""Deadlines over a column: the scalar term arithmetic answered from numpy look-up tables.

The law is decided once, in :mod:`klachtregels.terms` and :mod:`klachtregels.calendar`; this module
only executes the *same plan* over many days at once:

* which days are ATW working days comes from :func:`klachtregels.calendar.is_working_day` (the one
  calendar table, ``data/atw_calendar.json``), turned into three numpy arrays: the next working day
  on or after each day (ATW art. 1), a running count of working days, and the working days in
  order (working-day terms);
* how a term is counted (offset, months, working days), whether the ATW is used and whether the
  date depends on the calendar are read from the scalar function's plan (``terms._Plan``); which
  years are unverified from ``terms._unverified`` (A2);
* ATW art. 2 (a term must hold two working days, R14) is *detected*, never applied here: such a
  day, a day outside the table and anything unusual goes to the scalar function itself;
* the twelve-month limit (R18, R21) has no calendar: its table is the scalar function's answer for
  every day of the table's years.

A table covers whole years of the shipped calendar data (1982-2101), grown on demand to the
years a call needs; each plan's answers (date and provisional mark per day 0) are computed once
per table, so a call is one gather. A test checks every day 1982-2100 against the scalar functions.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

from klachtregels import calendar as _cal
from klachtregels import terms as _terms
from klachtregels._arguments import OUT_OF_RANGE, bool_argument, whole_number_argument, wrong_type
from klachtregels._time import DateTextError, local_day, read_day
from klachtregels.bulk._frames import is_frame, polars_conversion_failed
from klachtregels.errors import DateRangeError, InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    import numpy.typing as npt

    Days = npt.NDArray[np.int64]

__all__ = [
    "DeadlineColumns",
    "gck_filing_limits",
    "handling_deadlines",
    "working_day_deadlines",
]

_EPOCH: Final = _dt.date(1970, 1, 1).toordinal()
#: numpy's NaT as an int64 day number.
_NAT: Final = -(2**63)
#: Why a value cannot be a day: Python's dates hold the years 1-9999 only.
_OUTSIDE: Final = "a date outside 0001-9999"
#: Years past the last day 0 a table keeps, so that a term from the last year's end stays inside.
_MARGIN_YEARS: Final = 1


class DeadlineColumns(NamedTuple):
    """The answer of a vectorised deadline function: ``dates, provisional = handling_deadlines(...)``."""

    #: The deadlines, the same kind as the input (``datetime64[D]`` array, or a Series with its
    #: index); NaT where the input was missing.
    date: Any
    #: True where the deadline depends on decree data that is not verified (A2); False where missing.
    provisional: Any


# --- reading a column of days ----------------------------------------------------------------------


class _Column(NamedTuple):
    """A column of days as int64 day numbers (days since 1970-01-01; ``_NAT`` for missing)."""

    days: Days
    #: Rebuilds the input's kind from a ``datetime64[D]`` array and a boolean array.
    wrap: Callable[[Any, Any], DeadlineColumns]


def _is_missing(value: object) -> bool:
    """None, NaN (a numpy float's too), NaT (numpy or pandas) and the empty text are missing values."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    if isinstance(value, str):
        return not value.strip()
    name = type(value).__name__
    if name.startswith("float") and type(value).__module__ == "numpy":  # float16, float32, longdouble
        return bool(value != value)
    return name in ("NaTType", "NAType") or (name == "datetime64" and str(value) == "NaT")


def _day_number(value: object, where: str) -> int:
    """The Europe/Amsterdam day of one value, as a day number (``_NAT`` when missing)."""
    import numpy as np

    if _is_missing(value):
        return _NAT
    try:
        if isinstance(value, np.datetime64):
            return int(value.astype("datetime64[D]").astype(np.int64))
        if isinstance(value, str):
            return read_day(value).toordinal() - _EPOCH
        return local_day(value).toordinal() - _EPOCH  # type: ignore[arg-type]
    except DateTextError as exc:
        # The date reader's own message (naming the accepted forms), as a register cell gets it.
        from klachtregels.convert import ProblemText

        problem = _OUTSIDE if exc.code == "DATE_OUT_OF_RANGE" else ProblemText(exc.code)
        raise InvalidInputError("dates", [(where, problem)]) from None
    except TypeError:  # before ValueError: local_day's ArgumentTypeError is both
        # As a register cell of that kind is refused: the accepted forms, and the kind (never the value).
        from klachtregels.convert import ProblemText
        from klachtregels.register.cells import _kind_of

        raise InvalidInputError(
            "dates", [(where, ProblemText("REGISTER_EXPECTED_DATE", got=_kind_of(value)))]
        ) from None
    except (ValueError, OverflowError, NotImplementedError):  # pandas: a Timestamp past Python's years
        raise InvalidInputError("dates", [(where, _OUTSIDE)]) from None


def _from_objects(values: Any, coerce: bool) -> Days:
    """Day numbers of a sequence of Python objects (dates, datetimes, texts, missing values).

    A value that is not a date raises :class:`InvalidInputError` naming its position, or with
    ``coerce`` is NaT.
    """
    import numpy as np

    out = np.empty(len(values), dtype=np.int64)
    seen: dict[Any, int] = {}
    for i, value in enumerate(values):
        try:
            day = seen.get(value)
            hashable = True
        except TypeError:  # unhashable: read it, it will fail with a typed error (or be NaT)
            day, hashable = None, False
        if day is None:
            try:
                day = _day_number(value, f"values[{i}]")
            except InvalidInputError:
                if not coerce:
                    raise
                day = _NAT
            if hashable and not _is_missing(value):
                seen[value] = day
        out[i] = day
    return out


def _from_datetime64(values: Any) -> Days:
    """Day numbers of a naive ``datetime64`` array (naive = Amsterdam local time, A22)."""
    import numpy as np

    array = np.asarray(values)
    if array.dtype != np.dtype("datetime64[D]"):
        # Casting to days floors (before 1970 too), so a naive moment keeps its own calendar day.
        array = array.astype("datetime64[D]")
    return array.view(np.int64)


def _read_series(values: Any, coerce: bool) -> _Column:
    """A pandas Series: naive datetimes by a cast, aware ones and objects through ``local_day``."""
    index, name = values.index, values.name
    kind = values.dtype.kind
    if kind == "M" and getattr(values.dtype, "tz", None) is None:
        days = _from_datetime64(values.to_numpy())
    else:
        # An aware Series is converted value by value by the one time-zone module (_time).
        days = _from_objects(values.astype(object).where(values.notna(), None).to_numpy(), coerce)

    def wrap(dates: Any, provisional: Any) -> DeadlineColumns:
        import pandas as pd

        return DeadlineColumns(
            pd.Series(dates, index=index, name=name), pd.Series(provisional, index=index, name=name)
        )

    return _Column(days, wrap)


def _read_column(values: Any, coerce: bool) -> _Column:
    """Day numbers of ``values`` and how to give the answer back in the same kind."""
    import numpy as np

    def as_arrays(dates: Any, provisional: Any) -> DeadlineColumns:
        return DeadlineColumns(dates, provisional)

    module = type(values).__module__.partition(".")[0]
    if module == "pandas" and type(values).__name__ == "Series":
        return _read_series(values, coerce)
    if module == "polars" and type(values).__name__ == "Series":
        import polars as pl

        name = values.name
        try:
            cells = values.to_list()
        except BaseException as error:  # a Date or Datetime past Python's years (polars 1.0 panics)
            if not polars_conversion_failed(error):
                raise
            raise InvalidInputError("dates", [("values", _OUTSIDE)]) from None
        days = _from_objects(cells, coerce)

        def as_polars(dates: Any, provisional: Any) -> DeadlineColumns:
            return DeadlineColumns(pl.Series(name, dates), pl.Series(name, provisional))

        return _Column(days, as_polars)
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise InvalidInputError("dates", [("values", "expected a one-dimensional array")])
        if values.dtype.kind == "M":
            return _Column(_from_datetime64(values), as_arrays)
        return _Column(_from_objects(values.tolist(), coerce), as_arrays)
    if isinstance(values, (str, bytes, Mapping)) or is_frame(values) or not hasattr(values, "__len__"):
        # A DataFrame (or a mapping) would be read as its column names (its keys): one column is asked for.
        raise wrong_type("values", "a list, a numpy array or a Series of dates", values)
    return _Column(_from_objects(values, coerce), as_arrays)


# --- the calendar as numpy arrays -------------------------------------------------------------------


class _Table:
    """The ATW calendar over whole years ``[y0, y1]``, as numpy arrays indexed by ``day - first``.

    ``nxt``: the first working day on or after the day (a day number); ``cum`` (one longer): the
    working days strictly before the day; ``work``: the working days in order. ``answers`` keeps
    each plan's date and provisional arrays per day 0 (``last_day0`` is the last day 0 answered:
    the final year is margin for the terms running on).
    """

    __slots__ = ("answers", "cum", "first", "include_eq", "last_day0", "nxt", "work", "y0", "y1")

    def __init__(self, y0: int, y1: int, include_eq: bool) -> None:
        import numpy as np

        self.y0, self.y1, self.include_eq = y0, y1, include_eq
        self.first = _dt.date(y0, 1, 1).toordinal() - _EPOCH
        end = _dt.date(y1, 12, 31).toordinal() - _EPOCH + 1
        self.last_day0 = _dt.date(y1 - _MARGIN_YEARS, 12, 31).toordinal() - _EPOCH
        working = np.fromiter(
            (
                _cal.is_working_day(_dt.date.fromordinal(d + _EPOCH), include_equated_days=include_eq)
                for d in range(self.first, end)
            ),
            dtype=bool,
            count=end - self.first,
        )
        self.work = np.flatnonzero(working).astype(np.int64) + self.first
        self.cum = np.concatenate(([0], np.cumsum(working, dtype=np.int64)))
        # The next working day: the working day numbered by the count before the day (an index past
        # the last working day means "beyond the table": marked -1 and answered by the scalar path).
        position = self.cum[:-1]
        inside = position < len(self.work)
        self.nxt = np.where(inside, self.work[np.minimum(position, len(self.work) - 1)], -1)
        self.answers: dict[tuple[Any, ...], tuple[Days, npt.NDArray[np.bool_]]] = {}

    def covers(self, y0: int, y1: int) -> bool:
        """Whether the table answers every day 0 of the years ``[y0, y1]``."""
        return self.y0 <= y0 and y1 <= self.y1 - _MARGIN_YEARS

    def day0s(self) -> Days:
        """Every day 0 the table answers, as day numbers."""
        import numpy as np

        return np.arange(self.first, self.last_day0 + 1, dtype=np.int64)

    def next_working(self, days: Days) -> Days:
        """ATW art. 1: the first working day on or after each day (-1 past the table)."""
        import numpy as np

        i = days - self.first
        ok = (i >= 0) & (i < len(self.nxt))
        return np.where(ok, self.nxt[np.clip(i, 0, len(self.nxt) - 1)], -1)

    def working_before(self, days: Days) -> Days:
        """How many working days of the table lie strictly before each day (clipped to the table)."""
        import numpy as np

        return self.cum[np.clip(days - self.first, 0, len(self.cum) - 1)]


_TABLES: dict[bool, _Table] = {}
_lock = threading.Lock()


def _year_span(days: Days) -> tuple[int, int] | None:
    """The first and last year among ``days`` (missing values ignored), or None when all are missing."""
    import numpy as np

    if not len(days):
        return None
    lo, hi = days.min(), days.max()  # NaT is the smallest int64: only the minimum can be NaT
    if hi == _NAT:
        return None
    if lo == _NAT:
        lo = np.where(days == _NAT, hi, days).min()
    ends = np.array([lo, hi], dtype=np.int64).view("datetime64[D]")
    first, last = (ends.astype("datetime64[Y]").astype(np.int64) + 1970).tolist()
    return first, last


def _table(include_eq: bool, days: Days) -> _Table | None:
    """A table that answers the years of ``days`` within the shipped data, or None for none of them."""
    span = _year_span(days)
    if span is None:
        return None
    known = _cal.table_years()
    lo, hi = max(span[0], known.start), min(span[1], known.stop - 1 - _MARGIN_YEARS)
    if lo > hi:
        return None
    table = _TABLES.get(include_eq)
    if table is None or not table.covers(lo, hi):
        with _lock:
            table = _TABLES.get(include_eq)
            if table is None or not table.covers(lo, hi):
                if table is not None:  # grow: the union of the years asked so far
                    lo, hi = min(lo, table.y0), max(hi, table.y1 - _MARGIN_YEARS)
                table = _TABLES[include_eq] = _Table(lo, hi + _MARGIN_YEARS, include_eq)
    return table


# --- the plans, executed over a table -----------------------------------------------------------------


def _provisional(plan: Any, day0: Days, date: Days, raw: Days) -> npt.NDArray[np.bool_]:
    """The provisional mark of each answer (A2): an unverified year in ``[day 0, date]`` or the raw end's."""
    import numpy as np

    if not plan.calendar_dependent:
        return np.zeros(len(day0), dtype=bool)
    years = {}
    for name, days in (("day0", day0), ("date", date), ("raw", raw)):
        years[name] = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    y0 = np.minimum(years["day0"], years["date"])
    y1 = np.maximum(np.maximum(years["day0"], years["date"]), years["raw"])
    first, last = int(y0.min()), int(y1.max())
    bad = np.array([bool(_terms._unverified(y, y, plan.include_eq)) for y in range(first, last + 1)])
    seen = np.concatenate(([0], np.cumsum(bad)))
    return seen[y1 - first + 1] - seen[y0 - first] > 0  # type: ignore[no-any-return]


def _start_unverified(plan: Any, received: Days, day0: Days) -> npt.NDArray[np.bool_]:
    """Whether day 0, moved to the next working day (A4), rests on unverified decree data (A2): its
    year, or any year from receipt to day 0 with a reconstructed holiday list (R19)."""
    import numpy as np

    years = {}
    for name, days in (("received", received), ("day0", np.maximum(day0, received))):
        years[name] = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    first, last = int(years["received"].min()), int(years["day0"].max())
    own = np.array([bool(_terms._unverified(y, y, plan.include_eq)) for y in range(first, last + 1)])
    old = np.array([bool(_terms._unverified(y, y, False)) for y in range(first, last + 1)])
    seen = np.concatenate(([0], np.cumsum(old)))
    y0, y1 = years["received"] - first, years["day0"] - first
    return own[y1] | (seen[y1 + 1] - seen[y0] > 0)


def _run_plan(plan: Any, table: _Table, day0: Days) -> tuple[Days, Days]:
    """The raw end and the date of ``plan`` from each day 0 (-1 where the scalar function must answer)."""
    import numpy as np

    offset = plan.offset.days
    if plan.working_days:
        base = day0 + offset
        n = plan.working_days
        k = table.working_before(base + 1) + n if n > 0 else table.working_before(base) + n + 1
        inside = (base >= table.first) & (k >= 1) & (k <= len(table.work))
        raw = np.where(inside, table.work[np.clip(k - 1, 0, len(table.work) - 1)], -1)
        return raw, raw  # ATW art. 1 cannot move a working day (terms._Plan.extend is False)
    if plan.counted:  # months: not on a calendar table (see _scalar_answers)
        raise NotImplementedError
    raw = day0 + offset
    if not plan.extend:
        return raw, raw
    atw = table.next_working(raw)
    if plan.art2:
        # ATW art. 2 (R14) is applied by the scalar function: send it every day where fewer than
        # two working days lie in (day 0, ATW date].
        held = table.working_before(atw + 1) - table.working_before(day0 + 1)
        atw = np.where(held >= 2, atw, -1)
    date = atw if plan.use_atw else np.where(atw >= 0, raw, -1)
    return raw, date


def _answers(
    key: tuple[Any, ...], plan: Any, table: _Table, scalar: Callable[[_dt.date], Any], next_day: bool
) -> Any:
    """``(date, provisional)`` of ``plan`` for every day 0 of ``table``, computed once per table."""
    import numpy as np

    found = table.answers.get(key)
    if found is not None:
        return found
    day0 = table.day0s()
    if plan.counted and not plan.working_days:
        return _scalar_answers(key, table, scalar)
    start = table.next_working(day0) if next_day else day0  # A4: day 0 is the next working day
    raw, date = _run_plan(plan, table, start)
    provisional = _provisional(plan, start, date, raw)
    if next_day:  # day 0 is read on the calendar even where the end is not (terms._moved_start, A2)
        provisional |= _start_unverified(plan, day0, start)
    for i in np.flatnonzero((date < 0) | (start < 0)):  # art. 2 or past the table: the scalar answer
        answer = scalar(_dt.date.fromordinal(int(day0[i]) + _EPOCH))
        date[i] = answer.date.toordinal() - _EPOCH
        provisional[i] = answer.provisional
    found = table.answers[key] = (np.append(date, _NAT), np.append(provisional, False))
    return found


def _scalar_answers(key: tuple[Any, ...], table: _Table, scalar: Callable[[_dt.date], Any]) -> Any:
    """The scalar function's answer for every day 0 of ``table`` (terms without a calendar)."""
    import numpy as np

    day0 = table.day0s()
    date = np.empty(len(day0) + 1, dtype=np.int64)
    provisional = np.zeros(len(day0) + 1, dtype=bool)
    for i, d in enumerate(day0.tolist()):
        answer = scalar(_dt.date.fromordinal(d + _EPOCH))
        date[i] = answer.date.toordinal() - _EPOCH
        provisional[i] = answer.provisional
    date[-1] = _NAT
    found = table.answers[key] = (date, provisional)
    return found


def _evaluate(
    values: Any,
    key: tuple[Any, ...],
    plan: Any,
    scalar: Callable[[_dt.date], Any],
    *,
    errors: str,
    next_day: bool = False,
) -> DeadlineColumns:
    """Answer ``values`` from the table where it can, from ``scalar`` elsewhere; NaT for missing."""
    import numpy as np

    if errors not in ("raise", "coerce"):
        raise InvalidInputError("arguments", [("errors", "expected 'raise' or 'coerce'")])
    column = _read_column(values, errors == "coerce")
    days = column.days
    table = _table(plan.include_eq, days)
    if table is None:
        date = np.full(len(days), _NAT, dtype=np.int64)
        provisional = np.zeros(len(days), dtype=bool)
        outside = days != _NAT
    else:
        dates, marks = _answers(key, plan, table, scalar, next_day)
        size = len(dates) - 1
        # One unsigned minimum sends both ends of the table (and NaT) to the extra last slot,
        # which answers NaT; in place, to keep the passes over memory few.
        index = days - table.first
        unsigned = index.view(np.uint64)
        np.minimum(unsigned, size, out=unsigned)
        date = dates.take(index)
        provisional = marks.take(index)
        outside = index == size
        if outside.any():
            outside &= days != _NAT
    if outside.any():
        _answer_outside(days, outside, date, provisional, scalar)
    return column.wrap(date.view("datetime64[D]"), provisional)


def _answer_outside(
    days: Days, outside: Any, date: Days, provisional: Any, scalar: Callable[[_dt.date], Any]
) -> None:
    """Days outside the table's years: the scalar function, once per distinct day (raising as it does)."""
    import numpy as np

    positions = np.flatnonzero(outside)
    for day in np.unique(days[positions]).tolist():
        try:
            answer = scalar(_dt.date.fromordinal(day + _EPOCH))
        except OverflowError:  # a deadline past 31 December 9999 (DateRangeError from the scalar function)
            raise DateRangeError("dates", [("values", OUT_OF_RANGE)]) from None
        except ValueError:  # a day number past date's range
            raise InvalidInputError("dates", [("values", _OUTSIDE)]) from None
        where = positions[days[positions] == day]
        date[where] = answer.date.toordinal() - _EPOCH
        provisional[where] = answer.provisional


# --- the public functions ----------------------------------------------------------------------------


def handling_deadlines(
    values: Any,
    *,
    atw_mode: _terms.AtwMode | str = _terms.AtwMode.APPLY,
    regulation_applies_atw: bool | None = None,
    exclude_filing_day: bool = True,
    receipt_rule: _terms.ReceiptRule | str = _terms.ReceiptRule.SAME_DAY,
    include_equated_days: bool = True,
    errors: Literal["raise", "coerce"] = "raise",
) -> DeadlineColumns:
    """:func:`~klachtregels.terms.handling_deadline` over a column (R6, R12; the options as there).

    ``values``: a list, a numpy array or a pandas (or polars) Series of receipt days: dates,
    datetimes (naive = Amsterdam time, A22), ``datetime64``, or texts as registers write them;
    ``None``/NaN/NaT/empty are missing. Returns :class:`DeadlineColumns`: the deadline dates in the
    same kind (a ``datetime64[D]`` array for a list or an array, a Series with the same index for a
    Series), NaT where missing, and the provisional mark (A2) as a boolean array or Series.
    A value that is not a date raises :class:`~klachtregels.errors.InvalidInputError` naming its
    position (never its text); ``errors="coerce"`` makes it NaT instead.
    """
    # The settings become a plan where handling_deadline's own become one (A1, A3, A4; switches checked).
    plan, next_day = _terms._handling_setup(
        atw_mode, regulation_applies_atw, exclude_filing_day, receipt_rule, include_equated_days
    )
    options: dict[str, Any] = {
        "atw_mode": atw_mode,
        "regulation_applies_atw": regulation_applies_atw,
        "exclude_filing_day": exclude_filing_day,
        "receipt_rule": receipt_rule,
        "include_equated_days": include_equated_days,
    }

    def scalar(day: _dt.date) -> Any:
        return _terms.handling_deadline(day, **options)

    key = ("handling", plan)  # one plan per setting, kept for the process: its identity is the setting
    return _evaluate(values, key, plan, scalar, errors=errors, next_day=next_day)


def gck_filing_limits(values: Any, *, errors: Literal["raise", "coerce"] = "raise") -> DeadlineColumns:
    """:func:`~klachtregels.terms.gck_filing_limit` over a column: twelve months after filing (R21, R18).

    ``values`` and the answer as for :func:`handling_deadlines`; the limit is never provisional
    (a private term in months, never on the ATW calendar).
    """
    probe = _terms.gck_filing_limit(_dt.date(2026, 1, 1))  # builds the scalar function's plan
    plan = probe.term._plans[_terms._GCK_KEY]
    return _evaluate(values, ("gck",), plan, _terms.gck_filing_limit, errors=errors)


def working_day_deadlines(
    values: Any,
    days: int,
    *,
    statutory: bool = True,
    backwards: bool = False,
    include_equated_days: bool = True,
    exclude_start_day: bool = True,
    errors: Literal["raise", "coerce"] = "raise",
) -> DeadlineColumns:
    """:func:`~klachtregels.terms.deadline` with a term of ``days`` ATW working days, over a column.

    The same as ``deadline(d, Term(days, "working_days", backwards=backwards), statutory=...)`` for
    each value; ``values`` and the answer as for :func:`handling_deadlines`.
    """
    if type(days) is not int:  # a NumPy integer is a count; a bool, a float or text is not
        days = whole_number_argument(days, "days")
    term = _terms.Term(days, _terms.TermUnit.WORKING_DAYS, backwards=backwards)
    setting = (statutory, include_equated_days, exclude_start_day)
    if not all(switch.__class__ is bool for switch in setting):  # checked only when one is no bool
        setting = (
            bool(bool_argument(statutory, "statutory")),
            bool(bool_argument(include_equated_days, "include_equated_days")),
            bool(bool_argument(exclude_start_day, "exclude_start_day")),
        )
        statutory, include_equated_days, exclude_start_day = setting
    plan = term._plans.get(setting)
    if plan is None:
        plan = term._plans[setting] = _terms._deadline_plan(term, *setting)

    def scalar(day: _dt.date) -> Any:
        return _terms.deadline(
            day,
            term,
            statutory=statutory,
            include_equated_days=include_equated_days,
            exclude_start_day=exclude_start_day,
        )

    key = ("working_days", days, backwards, *setting)
    return _evaluate(values, key, plan, scalar, errors=errors)
