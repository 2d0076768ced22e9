"""The reader's fast paths build what the ordinary paths build.

* :data:`klachtregels.register.assemble.BUILDERS` set the slots of a model object directly and run
  the class's own validation: for any arguments they give the object ``cls(**kwargs)`` gives (equal,
  field for field of the same class), or the same InvalidInputError problems.
* A whole register read through them equals the read through the ordinary constructors, records
  and row errors alike.
* The CSV row reader generated per header (``reader._cells_reader``) reads each cell as the generic
  per-cell path does (the one JSON Lines uses): the same rows as CSV and as JSON Lines give the same
  records and the same problems.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import io
import json
import typing
from typing import TYPE_CHECKING, Any
from unittest import mock
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from register_helpers import csv_bytes

from klachtregels import convert, model
from klachtregels.errors import InvalidInputError
from klachtregels.model import Measure, Signal, SignalKind, Subject
from klachtregels.register import (
    COLUMNS,
    MAX_CELL_CHARS,
    Column,
    ColumnKind,
    RegisterResult,
    assemble,
    read_register_all,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_ENUMS = [v for v in vars(model).values() if isinstance(v, type) and issubclass(v, enum.StrEnum)]
_MEMBERS = [m for e in _ENUMS for m in e]
_DATES = [
    dt.date(2026, 3, 10),
    dt.date(2026, 2, 1),
    dt.datetime(2026, 3, 9, 23, 30),
    dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
]
#: Values of every kind a caller could pass: valid for some field, wrong for the others.
_ANY = st.one_of(
    st.none(),
    st.sampled_from(_MEMBERS),
    st.sampled_from(_DATES),
    st.booleans(),
    st.integers(-2, 2),
    st.sampled_from(["", " ", "x", "ouder", "gegrond", "email", "conduct", "ambiguous", "123456789"]),
    st.sampled_from([1.5, b"x", {"a": 1}]),
    st.lists(st.sampled_from([*_MEMBERS[:12], "conduct", "gedrag", 3]), max_size=3),
    st.lists(st.sampled_from(list(Subject)), max_size=3).map(tuple),
    st.sampled_from(
        [
            (),
            (Signal(kind=SignalKind.AMBIGUOUS),),
            (Measure(description="m"), Measure(due_on=dt.date(2026, 1, 1))),
            [Measure(has_concrete_term=False)],
            ("conduct",),
        ]
    ),
)


def _valid(hint: Any) -> st.SearchStrategy[Any]:
    """Values of ``hint``'s type (so that most drawn objects are valid)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    inner = args[0]
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return st.sampled_from(list(inner))
    if inner is dt.date:
        return st.sampled_from(_DATES)
    if inner is bool:
        return st.booleans()
    if typing.get_origin(inner) is tuple:
        item = typing.get_args(inner)[0]
        return st.lists(_valid(item), max_size=2).map(tuple)
    if inner is Measure:
        return st.builds(
            Measure, description=st.sampled_from([None, "m"]), due_on=st.sampled_from([None, *_DATES])
        )
    if inner is Signal:
        return st.sampled_from([Signal(kind=k) for k in SignalKind])
    if isinstance(inner, type) and attrs.has(inner):
        return st.just(None)
    return st.sampled_from(["x", " y ", "123456789"])


def _arguments(cls: type) -> st.SearchStrategy[dict[str, Any]]:
    hints = convert.hints(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    optional = {f.alias: st.one_of(_valid(hints[f.name]), _ANY) for f in fields}
    return st.fixed_dictionaries({}, optional=optional)


def _outcome(make: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "object", make()
    except InvalidInputError as exc:
        return "invalid", exc.problems
    except TypeError:
        return "type error", None


def _same_object(a: Any, b: Any) -> None:
    assert type(a) is type(b)
    assert a == b
    for field in attrs.fields(type(a)):
        x, y = getattr(a, field.name), getattr(b, field.name)
        assert x.__class__ is y.__class__, field.name
        assert x == y, field.name
    assert a.__dict__ == b.__dict__


@pytest.mark.parametrize("cls", list(assemble.BUILDERS), ids=lambda c: c.__name__)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_builder_gives_what_the_constructor_gives(cls: type, data: st.DataObject) -> None:
    if cls is model.RegisterRecord:
        kwargs = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "complaint": st.sampled_from([model.Complaint(id="k"), None, "x"]),
                    "judgement": st.sampled_from([model.Judgement(verdict="gegrond"), None, 1]),
                    "filing": st.sampled_from([model.GckFiling(), None]),
                    "row": st.sampled_from([None, 2, "3", True]),
                },
            )
        )
    else:
        kwargs = data.draw(_arguments(cls))
    built = _outcome(lambda: assemble.BUILDERS[cls](dict(kwargs)))
    expected = _outcome(lambda: cls(**kwargs))
    assert built[0] == expected[0]
    if built[0] == "object":
        _same_object(built[1], expected[1])
        if cls is model.Complaint:  # the lazily kept days read alike
            assert built[1].received_date == expected[1].received_date
    else:
        assert built[1] == expected[1]


def test_the_converters_a_builder_skips_would_change_nothing() -> None:
    """The builders skip a converter for ``None``, a member of the field's enum and a tuple."""
    checked = 0
    for cls in assemble.BUILDERS:
        for field in attrs.fields(cls):
            if field.converter is None:
                continue
            unchanged = assemble._unchanged_by_converter(cls, field)
            assert unchanged, f"{cls.__name__}.{field.name}: a converter the builder always calls"
            samples: list[Any] = [None]
            for kind in unchanged - {type(None)}:
                if kind is tuple:
                    samples += [(), (Subject.CONDUCT,), ("gedrag", 3), (Measure(),)]
                else:
                    samples += list(typing.cast("type[enum.Enum]", kind))
            for value in samples:
                assert field.converter(value) is value, (cls.__name__, field.name, value)
                checked += 1
    assert checked > 50


# --------------------------------------------------------------------------------------------------
# Whole reads
# --------------------------------------------------------------------------------------------------


_WORDS = [
    "ja",
    " nee ",
    "Gegrond",
    "deels",
    "onbekend",
    "geen",
    "conduct;agreement",
    "ouder",
    "x",
    "email",
    " ",
]
_DATE_TEXT = st.one_of(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(str),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(lambda d: d.strftime("%d-%m-%Y")),
    st.sampled_from(["2026-03-09T23:30:00Z", "31-02-2026", "gisteren", "2026-13-01", " 1-3-2026 "]),
)
_TEXT = st.one_of(
    st.sampled_from([" ", "  a b ", "O'Brien", "\t", "1"]),
    st.text(alphabet=st.sampled_from(list("ab é;|'\"-,1")), max_size=8),
)


def _cell(column: Column) -> st.SearchStrategy[str]:
    kind = column.kind
    if kind is ColumnKind.DATE:
        return st.one_of(st.just(""), _DATE_TEXT)
    if kind is ColumnKind.MEASURES:
        arrays = st.sampled_from(
            ['[{"description": "a"}]', '[{"due_on": "2026-05-01"}]', "[]", "geen", "[{]", '[{"due_on": 1}]']
        )
        return st.one_of(st.just(""), arrays)
    if kind in (ColumnKind.TEXT, ColumnKind.FREE_TEXT):
        return st.one_of(st.just(""), _TEXT)
    words = st.sampled_from(_WORDS)
    if column.vocabulary is not None:
        values = [m.value for m in column.vocabulary]
        words = st.one_of(words, st.sampled_from(values), st.sampled_from(values).map(str.upper))
    return st.one_of(st.just(""), words)


@st.composite
def _register(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header (``id`` first) and rows: every row has an id, so none is blank."""
    others = draw(st.lists(st.sampled_from(COLUMNS[1:]), min_size=1, max_size=12, unique=True))
    columns = [COLUMNS[0], *others]
    rows = []
    for i in range(draw(st.integers(1, 6))):
        rows.append([f"K{i}", *(draw(_cell(c)) for c in others)])
    return [c.name for c in columns], rows


def _csv(header: list[str], rows: list[list[str]]) -> io.BytesIO:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return csv_bytes(out.getvalue())


def _jsonl(header: list[str], rows: list[list[str]]) -> io.BytesIO:
    text = "".join(json.dumps(dict(zip(header, row, strict=True))) + "\n" for row in rows)
    return csv_bytes(text)


@contextlib.contextmanager
def _ordinary_constructors() -> Iterator[None]:
    """The reader with ``cls(**kwargs)`` in place of every builder."""
    plain = {cls: (lambda kw, cls=cls: cls(**kw)) for cls in assemble.BUILDERS}
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.dict(assemble.BUILDERS, plain))
        for name, cls in [
            ("_BUILD_COMPLAINT", model.Complaint),
            ("_BUILD_JUDGEMENT", model.Judgement),
            ("_BUILD_FILING", model.GckFiling),
            ("_BUILD_RECORD", model.RegisterRecord),
        ]:
            stack.enter_context(mock.patch.object(assemble, name, plain[cls]))
        yield


def _errors(result: RegisterResult, row_shift: int = 0) -> list[tuple[int, str | None, str, Any]]:
    return [(e.row + row_shift, e.column, e.code, e.problem.params) for e in result.errors]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(register=_register())
def test_a_read_through_the_builders_equals_one_through_the_constructors(
    register: tuple[list[str], list[list[str]]],
) -> None:
    header, rows = register
    fast = read_register_all(_csv(header, rows), format="csv")
    with _ordinary_constructors():
        plain = read_register_all(_csv(header, rows), format="csv")
    assert fast.summary == plain.summary
    assert _errors(fast) == _errors(plain)
    assert len(fast.records) == len(plain.records)
    for a, b in zip(fast.records, plain.records, strict=True):
        _same_object(a, b)
        _same_object(a.complaint, b.complaint)
        assert a.judgement == b.judgement
        assert a.filing == b.filing


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(register=_register())
def test_the_generated_csv_row_reader_reads_cells_as_the_per_cell_path(
    register: tuple[list[str], list[list[str]]],
) -> None:
    header, rows = register
    from_csv = read_register_all(_csv(header, rows), format="csv")
    from_jsonl = read_register_all(_jsonl(header, rows), format="jsonl")
    # CSV counts the header as line 1: its row n is JSON Lines' line n - 1.
    assert _errors(from_csv, -1) == _errors(from_jsonl)
    assert [attrs.evolve(r, row=r.row - 1) for r in from_csv.records if r.row] == list(from_jsonl.records)
    assert from_csv.summary.rows_read == from_jsonl.summary.rows_read == len(rows)


def test_a_cell_over_the_limit_is_a_problem_in_the_generated_reader() -> None:
    long = "x" * (MAX_CELL_CHARS + 1)
    result = read_register_all(csv_bytes(f"id,location\nK1,{long}\nK2,ok\n"), format="csv")
    assert [(e.row, e.column, e.code) for e in result.errors] == [(2, "location", "REGISTER_CELL_TOO_LONG")]
    assert [r.complaint.location for r in result.records] == ["ok"]
