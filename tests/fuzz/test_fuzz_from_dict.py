"""Fuzz: ``from_dict`` of every public class on hostile input (issue 8, docs/guarantees.md).

Two kinds of input per class: arbitrary JSON-like (and some non-JSON Python) values, and a valid
``to_dict()`` output with one to three values anywhere in the tree replaced by hostile ones, keys
deleted or added, or types changed. For any input ``from_dict`` returns an object or raises
:class:`~klachtregels.errors.InvalidInputError` whose ``problems`` are ``(path, message)`` pairs,
never showing a marker planted in every generated text and key. An object it returns writes its
``to_dict()``, reads back equal, and explains itself without a traceback.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import enum
import functools
import types
import zoneinfo
from typing import TYPE_CHECKING, Any, Final

import fuzz_helpers as fz
import pytest
from hypothesis import given
from hypothesis import strategies as st

import klachtregels as kr
from klachtregels import testing
from klachtregels.compliance.findings import CheckResult
from klachtregels.decisions import Assessment
from klachtregels.engine import Decision, Flag, Reason
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, GckFiling, Judgement, RegisterRecord
from klachtregels.organisation import Organisation
from klachtregels.policy import Policy
from klachtregels.register.mapping import ColumnMapping, MappingError
from klachtregels.report.model import AnnualReport
from klachtregels.terms import Deadline

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLES: Final = fz.ROOT / "examples"
REGISTER: Final = EXAMPLES / "register.csv"
AS_OF: Final = dt.date(2026, 1, 15)

#: Planted in every generated text and key: no error may show it. Not an identifier, so no layer
#: may name it even as an unknown field (docs/guarantees.md, "Personal data").
MARKER: Final = "Jansen 0612345678!"
#: An identifier-like key: the layer may name it as an unknown field, never as a value.
IDENT_KEY: Final = "jansen_0612345678"
_MARKER_PARTS: Final = ("Jansen", "0612345678")


class _Other:
    """An object of a class no field expects."""

    def __repr__(self) -> str:
        return f"_Other({MARKER})"


class _Colour(enum.Enum):
    RED = MARKER


class _Text(str):
    """A str subclass (a StrEnum-like text)."""


class _Number(int):
    """An int subclass."""


def _cycle() -> list[Any]:
    loop: list[Any] = [MARKER]
    loop.append(loop)
    return loop


def _deep(depth: int) -> Any:
    value: Any = MARKER
    for i in range(depth):
        value = [value] if i % 2 else {MARKER: value}
    return value


_AMSTERDAM: Final = zoneinfo.ZoneInfo("Europe/Amsterdam")

#: Values no JSON parser gives, but a Python caller may (made fresh for each draw: the mutations
#: change values in place).
_NON_JSON: Final = [
    float("nan"),
    float("inf"),
    float("-inf"),
    -0.0,
    1e308,
    2**64,
    -(2**63) - 1,
    # Not 10**5000 (more digits than Python writes out): the lowest Hypothesis version CI runs prints
    # every drawn value, and printing that one fails. tests/test_from_dict_hostile.py has it.
    10**600,
    MARKER.encode(),
    bytearray(MARKER.encode()),
    {MARKER},
    frozenset({1, 2}),
    (MARKER,),
    (),
    (1, "2025-01-01"),
    dt.date(2025, 3, 3),
    dt.date.min,
    dt.date.max,
    dt.datetime(2025, 3, 3, 10, 0),
    dt.datetime(2025, 3, 3, 23, 30, tzinfo=dt.UTC),
    dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14))),
    dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-14))),
    dt.datetime(9999, 12, 31, 23, 0, tzinfo=_AMSTERDAM),
    dt.time(10, 0),
    dt.timedelta(days=3),
    decimal.Decimal("1.5"),
    decimal.Decimal("NaN"),
    complex(1, 2),
    _Other(),
    _Other,
    object(),
    _Colour.RED,
    kr.Channel.EMAIL,
    _Text(MARKER),
    _Text("2025-03-03"),
    _Number(1),
    types.MappingProxyType({MARKER: MARKER}),
    {1: MARKER},
    {None: MARKER},
    {(1, 2): MARKER},
    {b"x": MARKER},
    len,
    Ellipsis,
    NotImplemented,
]

#: JSON values that look like what a field holds, or nearly.
_NEAR: Final = [
    None,
    True,
    False,
    0,
    1,
    -1,
    6,
    2025,
    0.5,
    "",
    " ",
    MARKER,
    f"{MARKER}\n# kop",
    f"<b>{MARKER}</b>",
    "2025-03-03",
    "2025-02-30",
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59:59-10:00",
    "0001-01-01T00:00:00+14:00",
    "2025-06-01T10:00+02:00",
    "2025-06-01T25:00",
    "weeks",
    "working_days",
    "email",
    "parent",
    "geen",
    "ja",
    "klachtregels.decision",
    "klachtregels.assessment",
    "klachtregels.deadline",
    "klachtregels.check",
    "Wet kinderopvang",
    "BWBR0017017",
    "zaterdag",
    "Saturday",
    "Nieuwjaarsdag",
    [],
    [MARKER],
    [None],
    [{}],
    {},
    {"nl": MARKER, "en": MARKER},
    {"nl": 1, "en": None},
    {MARKER: MARKER},
    {IDENT_KEY: MARKER},
]


def _fresh(value: Any) -> Any:
    """A copy of a container (the same object otherwise: a class, a function, an enum member)."""
    if isinstance(value, dict | list | set | bytearray):
        return copy.deepcopy(value)
    if isinstance(value, types.MappingProxyType):
        return types.MappingProxyType(dict(value))
    return value


_TEXT: Final = st.text(max_size=6).map(lambda s: f"{s}{MARKER}{s}")
_KEY: Final = st.one_of(_TEXT, st.just(IDENT_KEY), st.sampled_from(["nl", "en", "kind", "date", "name"]))

hostile: Final = st.one_of(
    st.sampled_from(_NEAR).map(copy.deepcopy),
    st.sampled_from(_NON_JSON).map(_fresh),
    st.sampled_from([_cycle, lambda: _deep(60), lambda: _deep(400)]).map(lambda make: make()),
    _TEXT,
    st.integers(),
    st.floats(),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | _TEXT | st.sampled_from(_NEAR),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEY, inner, max_size=3),
        max_leaves=8,
    ),
)

# --------------------------------------------------------------------------------------------------
# Valid objects of each class (their to_dict() is mutated)
# --------------------------------------------------------------------------------------------------


@functools.cache
def _records() -> tuple[RegisterRecord, ...]:
    return tuple(kr.read_register(REGISTER))


@functools.cache
def _assessments() -> tuple[Assessment, ...]:
    out = []
    for record in _records():
        try:
            out.append(
                kr.assess(record.complaint, as_of=AS_OF, judgement=record.judgement, filing=record.filing)
            )
        except InvalidInputError:  # a record whose dates the assessment refuses: not a sample
            continue
    return tuple(out)


@functools.cache
def _deadlines() -> tuple[Deadline, ...]:
    found = [d for a in _assessments() for d in a.deadlines.values()]
    found += [kr.handling_deadline(dt.date(2025, m, 20)) for m in (4, 12)]
    found.append(kr.handling_deadline(dt.date(2039, 12, 20)))  # provisional
    return tuple(found)


def _organisations() -> tuple[Organisation, ...]:
    files = [EXAMPLES / "organisation.toml", *sorted((EXAMPLES / "seed-organisations").glob("*.toml"))]
    return tuple(kr.load_organisation(f) for f in files)


def _non_working_days() -> tuple[kr.NonWorkingDay, ...]:
    return (
        *kr.non_working_days(2025),
        *kr.non_working_days(2039),
        *(day for d in _deadlines() for day in d.extended_by),
    )


#: How to make valid objects of each class from the shipped examples.
_MAKERS: Final[dict[type, Callable[[], tuple[Any, ...]]]] = {
    RegisterRecord: _records,
    Complaint: lambda: tuple(r.complaint for r in _records()),
    Judgement: lambda: tuple(r.judgement for r in _records() if r.judgement is not None),
    GckFiling: lambda: tuple(r.filing for r in _records() if r.filing is not None),
    Policy: lambda: (kr.load_policy(EXAMPLES / "policy.toml"), kr.load_policy("statutory")),
    Organisation: _organisations,
    ColumnMapping: lambda: (ColumnMapping.builtin("partou"),),
    Assessment: _assessments,
    Decision: lambda: tuple(d for a in _assessments() for d in a.decisions),
    Flag: lambda: tuple({f.code: f for a in _assessments() for d in a.decisions for f in d.flags}.values()),
    Reason: lambda: tuple(r for a in _assessments()[:6] for d in a.decisions for r in d.reasons),
    Deadline: _deadlines,
    kr.NonWorkingDay: _non_working_days,
    CheckResult: lambda: (kr.check_register(REGISTER, as_of=AS_OF),),
    AnnualReport: lambda: (kr.build_report(kr.read_register(REGISTER), year=2025),),
}


@functools.cache
def _fixed(cls: type) -> tuple[Any, ...]:
    """Valid objects of ``cls`` from the shipped examples."""
    return _MAKERS[cls]()


#: The classes, by name (the test ids).
CLASSES: Final[dict[str, type]] = {
    c.__name__: c
    for c in (
        Complaint,
        Judgement,
        GckFiling,
        RegisterRecord,
        Policy,
        Organisation,
        ColumnMapping,
        Decision,
        Flag,
        Reason,
        Assessment,
        Deadline,
        kr.NonWorkingDay,
        CheckResult,
        AnnualReport,
    )
}


def _generated(cls: type) -> st.SearchStrategy[Any] | None:
    """Valid objects of ``cls`` from klachtregels.testing's strategies (where there are some)."""
    if cls is Complaint:
        return testing.complaints()
    if cls is Judgement:
        return testing.judgements()
    if cls is GckFiling:
        return testing.gck_filings()
    if cls is Policy:
        return testing.policies()
    if cls in (Assessment, Decision):
        assessed = testing.complaints(max_date=AS_OF).map(lambda c: kr.assess(c, as_of=AS_OF))
        return assessed if cls is Assessment else assessed.flatmap(lambda a: st.sampled_from(a.decisions))
    return None


def valid_dicts(cls: type) -> st.SearchStrategy[Any]:
    """The ``to_dict()`` of a valid object of ``cls``."""
    fixed = _fixed(cls)
    options = [st.sampled_from(fixed)] if fixed else []
    generated = _generated(cls)
    if generated is not None:
        options.append(generated)
    return st.one_of(options).map(lambda obj: obj.to_dict())


# --------------------------------------------------------------------------------------------------
# Mutations of a valid form
# --------------------------------------------------------------------------------------------------


def _at(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        root = root[step]
    return root


_RETYPE: Final = (
    lambda v: [v],
    lambda v: {"value": v},
    lambda v: str(v) if not isinstance(v, int) or abs(v) < 10**100 else v,
    lambda v: tuple(v) if isinstance(v, list) else (v,),
    lambda v: list(v.items()) if isinstance(v, dict) else v,
    lambda v: list(v) if isinstance(v, dict) else v,
    lambda v: types.MappingProxyType(v) if isinstance(v, dict) else v,
    lambda v: v + MARKER if isinstance(v, str) else v,
    lambda v: MARKER + " " + v if isinstance(v, str) else v,
    lambda v: v.upper() if isinstance(v, str) else v,
    lambda v: v * 3 if isinstance(v, list) else v,
    lambda v: v[:-1] if isinstance(v, list) else v,
    lambda v: -v if isinstance(v, int | float) else v,
    lambda v: v + 10**6 if isinstance(v, int) and not isinstance(v, bool) else v,
    lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool) else v,
    lambda v: dt.date.fromisoformat(v) if isinstance(v, str) and _is_date(v) else v,
    lambda v: dt.datetime.fromisoformat(v) if isinstance(v, str) and _is_date(v) else v,
)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _copy(value: Any) -> Any:
    """A deep copy, or the value itself where it has none (a planted mapping proxy)."""
    try:
        return copy.deepcopy(value)
    except TypeError:
        return value


@st.composite
def mutated(draw: st.DrawFn, cls: type) -> Any:
    """A valid form of ``cls`` with one to three values, keys or types changed anywhere in it."""
    data = copy.deepcopy(draw(valid_dicts(cls)))
    for _ in range(draw(st.integers(1, 3))):
        paths = fz.paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add", "retype", "swap"]))
        if action == "replace" and path:
            _at(data, path[:-1])[path[-1]] = draw(hostile)
        elif action == "replace":
            data = draw(hostile)
        elif action == "delete" and path:
            parent = _at(data, path[:-1])
            del parent[path[-1]]
        elif action == "add":
            target = _at(data, path)
            if isinstance(target, dict):
                target[draw(st.one_of(_KEY, st.sampled_from([1, None, ("a",)])))] = draw(hostile)
            elif isinstance(target, list):
                target.insert(draw(st.integers(0, len(target))), draw(hostile))
        elif action == "retype":
            value = _at(data, path)
            new = draw(st.sampled_from(_RETYPE))(value)
            if path:
                _at(data, path[:-1])[path[-1]] = new
            else:
                data = new
        elif action == "swap" and len(path) >= 1:
            # a value from elsewhere in the same form (a valid value in the wrong place)
            other = _at(data, draw(st.sampled_from(paths)))
            _at(data, path[:-1])[path[-1]] = _copy(other) if other is not data else {}
        if not isinstance(data, dict | list):
            break
    return data


# --------------------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------------------


def _texts(obj: Any) -> list[str]:
    """The texts of a problem message, in both languages where it has a catalogue entry."""
    out = [str(obj)]
    render = getattr(obj, "render", None)
    if callable(render):
        out += [render("nl"), render("en")]
    return out


def _no_marker(text: str, where: str) -> None:
    text = text.replace(IDENT_KEY, "")  # an identifier-like key may be named (convert.unknown_key)
    for part in _MARKER_PARTS:
        assert part not in text, f"{where} shows the input: {text!r}"


def _explain(obj: Any) -> None:
    """Every explanation the object gives, in both languages (must not raise)."""
    for lang in ("nl", "en"):
        if isinstance(obj, Decision | Assessment | Deadline):
            assert isinstance(obj.explain(lang), str)
        if isinstance(obj, Flag | Reason):
            assert isinstance(obj.message(lang), str)
        if isinstance(obj, kr.NonWorkingDay):
            assert isinstance(obj.name(lang), str)
    repr(obj)


def _read(cls: type, data: Any) -> Any:
    """``cls.from_dict(data)``, or the error it raised (any error: the oracle judges it)."""
    try:
        return cls.from_dict(data)
    except Exception as exc:
        return exc


def _check_error(cls: type, exc: Exception) -> None:
    """An InvalidInputError with (path, message) problems, none showing the marker."""
    if isinstance(exc, MappingError):  # ColumnMapping's own error (a RegisterError: see the report)
        assert cls is ColumnMapping, type(exc)
        for text in (str(exc), exc.render("nl"), exc.render("en")):
            _no_marker(text, "the mapping error")
        return
    if not isinstance(exc, InvalidInputError):
        raise exc
    assert exc.problems, "an error without problems"
    _no_marker(str(exc), "the error")
    for problem in exc.problems:
        assert isinstance(problem, tuple), problem
        assert len(problem) == 2, problem
        path, message = problem
        assert isinstance(path, str), problem
        assert isinstance(message, str), problem
        for text in _texts(message):
            _no_marker(text, "a problem")


def check(cls: type, data: Any) -> None:
    """``cls.from_dict(data)``: an object that round-trips, or InvalidInputError without the marker."""
    obj = _read(cls, data)
    if isinstance(obj, Exception):
        _check_error(cls, obj)
        return
    assert isinstance(obj, cls)
    out = obj.to_dict()
    again = cls.from_dict(out)
    assert again == obj, "from_dict(to_dict()) differs"
    assert again.to_dict() == out, "to_dict() differs once read back"
    _explain(obj)
    _explain(again)


# --------------------------------------------------------------------------------------------------
# The targets
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CLASSES))
@fz.fuzz(weight=3)
@given(data=hostile)
def test_from_dict_any_value(name: str, data: Any) -> None:
    """Arbitrary JSON-like and Python values: an object or InvalidInputError, never the marker."""
    fz.count(f"from_dict any value: {name}")
    check(CLASSES[name], data)


@pytest.mark.parametrize("name", sorted(CLASSES))
@fz.fuzz(weight=5)
@given(st.data())
def test_from_dict_mutated_form(name: str, data: st.DataObject) -> None:
    """A valid to_dict() form with values, keys or types changed anywhere: the same contract."""
    fz.count(f"from_dict mutated form: {name}")
    cls = CLASSES[name]
    check(cls, data.draw(mutated(cls), label="form"))
