"""From one row's cell values to domain objects: a RegisterRecord, or a Geschillencommissie case.

The reader hands over the row's values already grouped by the object they belong to (see
:data:`GROUPS`); this module builds the objects through the model's constructors, which validate
them, and turns the model's problems into ``(column, message)`` pairs that point back at the
register's columns.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar, cast

import attrs

from klachtregels import convert
from klachtregels.errors import InvalidInputError
from klachtregels.messages import Message
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, RegisterRecord, Signal
from klachtregels.register.cells import model_problem
from klachtregels.register.spec import COLUMNS

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "GROUPS",
    "SHARED_OBJECTS",
    "GckCase",
    "Problem",
    "Shared",
    "Values",
    "gck_case",
    "register_record",
]

_T = TypeVar("_T")

#: The objects a row's values go to, in the order of :data:`Values`.
GROUPS: Final = ("complaint", "complainant", "signal", "judgement", "measure", "gck")
COMPLAINT, COMPLAINANT, SIGNAL, JUDGEMENT, MEASURE, GCK = range(len(GROUPS))

#: One row's values: a dict of field -> value per group of :data:`GROUPS`.
Values: TypeAlias = list[dict[str, Any]]
#: A problem of a row: the documented column it concerns (None: the whole row) and its message.
Problem: TypeAlias = tuple["str | None", Message]

_COLUMN_OF: Final = {(c.group, c.field): c.name for c in COLUMNS}
_FIELD_HEAD: Final = re.compile(r"[.\[]")


@attrs.frozen(kw_only=True)
class GckCase:
    """One row of a Geschillencommissie cases file: the filing and the legal entity it concerns."""

    filing: GckFiling
    organisation: str | None = None
    row: int | None = None


def _builder(cls: type[_T]) -> Callable[[dict[str, Any]], _T]:
    """``cls(**kwargs)`` without the frozen ``__init__``: the same object, built for the reader.

    attrs' frozen ``__init__`` sets each field through ``object.__setattr__`` (twice the cost of the
    slot's own setter) and calls each field's converter. The generated function sets the slots
    directly and calls a converter only for a value it could change (the model's converters return a
    member of their enum, a tuple and ``None`` unchanged: ``tests/register/test_build.py``); then it
    runs the class's own ``__attrs_post_init__``, the model's validation, unchanged: an object the
    constructor would reject is rejected here with the same problems. A missing required field
    takes the constructor (its TypeError); the keys a row can give are checked once, at import
    (:func:`_check_targets`).
    """
    fields = [f for f in attrs.fields(cast("type[attrs.AttrsInstance]", cls)) if f.init]
    if hasattr(cls, "__attrs_pre_init__") or any(
        f.validator is not None or isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        for f in fields
    ):
        raise TypeError(f"{cls.__name__}: attrs validators, pre-init and factories are not supported")
    namespace: dict[str, Any] = {"_cls": cls, "_new": object.__new__}
    lines = ["def build(kw):", "    get = kw.get"]
    required = [f.alias for f in fields if f.default is attrs.NOTHING]
    if required:
        lines.append(f"    if {' or '.join(f'{name!r} not in kw' for name in required)}: return _cls(**kw)")
    lines.append("    self = _new(_cls)")
    for i, field in enumerate(fields):
        namespace[f"S{i}"] = cls.__dict__[field.name].__set__
        if field.default is None or field.default is attrs.NOTHING:
            lines.append(f"    v = get({field.alias!r})")
        else:
            namespace[f"D{i}"] = field.default
            lines.append(f"    v = get({field.alias!r}, D{i})")
        if field.converter is not None:
            namespace[f"C{i}"], namespace[f"K{i}"] = field.converter, _unchanged_by_converter(cls, field)
            lines.append(f"    if v.__class__ not in K{i}: v = C{i}(v)")
        lines.append(f"    S{i}(self, v)")
    lines += ["    self.__attrs_post_init__()", "    return self"]
    exec(compile("\n".join(lines), f"<klachtregels register builder {cls.__name__}>", "exec"), namespace)
    built: Callable[[dict[str, Any]], _T] = namespace["build"]
    return built


def _unchanged_by_converter(cls: type, field: attrs.Attribute[Any]) -> frozenset[type]:
    """The classes of the values ``field``'s converter returns unchanged: ``None``, and a member of
    the field's enum or any tuple (the model's converters; ``tests/register/test_build.py``)."""
    hint = convert.hints(cls)[field.name]
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    (inner,) = args
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return frozenset({type(None), inner})
    if typing.get_origin(inner) is tuple:
        return frozenset({type(None), tuple})
    return frozenset()


#: The model classes a register row builds, by the builder of :func:`_builder`.
BUILDERS: Final[dict[type, Callable[[dict[str, Any]], Any]]] = {
    cls: _builder(cls) for cls in (Party, Signal, Measure, Complaint, Judgement, GckFiling, RegisterRecord)
}
#: The model class of each group of :data:`GROUPS`.
CLASSES: Final[dict[str, type]] = {
    "complaint": Complaint,
    "complainant": Party,
    "signal": Signal,
    "judgement": Judgement,
    "measure": Measure,
    "gck": GckFiling,
}


def _check_targets() -> None:
    """Every key a row's values can give is an argument of its class's constructor (a builder
    ignores an unknown key where the constructor would raise): the columns' fields, and the keys
    this module adds."""
    added = {"complaint": {"complainant"}, "signal": {"kind"}, "measure": {"has_concrete_term"}}
    for group, cls in CLASSES.items():
        known = {f.alias for f in attrs.fields(cls) if f.init}
        given = {c.field for c in COLUMNS if c.group == group} | added.get(group, set())
        if not given <= known:
            raise RuntimeError(f"columns.toml: {sorted(given - known)} are no fields of {cls.__name__}")


_check_targets()
_BUILD_COMPLAINT: Final = BUILDERS[Complaint]
_BUILD_JUDGEMENT: Final = BUILDERS[Judgement]
_BUILD_FILING: Final = BUILDERS[GckFiling]
_BUILD_RECORD: Final = BUILDERS[RegisterRecord]


def _construct(
    build: Callable[[dict[str, Any]], Any],
    group: str,
    kwargs: dict[str, Any],
    problems: list[Problem],
    fallback: str,
) -> Any:
    """``build(kwargs)`` (a model object); its InvalidInputError becomes problems on the register's
    columns (``fallback`` for a field that is no column)."""
    try:
        return build(kwargs)
    except InvalidInputError as exc:
        _add_model_problems(exc, problems, lambda field: (group, field), fallback)
        return None


def _add_model_problems(
    exc: InvalidInputError, problems: list[Problem], where: Callable[[str], tuple[str, str]], fallback: str
) -> None:
    """``exc``'s problems on the register's columns: ``where`` gives a problem's (group, field path),
    whose column is looked up (``fallback`` for a field that is no column)."""
    for path, msg in exc.problems:
        group, field = where(path)
        column = _COLUMN_OF.get((group, _FIELD_HEAD.split(field, maxsplit=1)[0]), fallback)
        problems.append((column, Message("REGISTER_MODEL_PROBLEM", {"problem": model_problem(msg)})))


class Shared:
    """Value objects a reader shares between rows instead of building (and validating) each again.

    A complainant known only by role and contract party, and a signal (a kind and dates), repeat
    on many rows of a register; they are immutable, so one object can serve every row. Objects
    with free text or an identifier are never shared. At most :data:`SHARED_OBJECTS` are kept.
    """

    def __init__(self) -> None:
        self._objects: dict[tuple[Any, ...], Any] = {}

    def build(
        self, cls: type[_T], group: str, kwargs: dict[str, Any], problems: list[Problem], fallback: str
    ) -> _T | None:
        """Like :func:`_construct`, but an equal object built before is returned instead.

        Equal means written alike too: two date-times of the same instant with different offsets
        are equal in Python, but each row keeps the offset it wrote (the key adds each date-time's
        time zone; the other values a reader gives are equal only when written alike).
        """
        key: tuple[Any, ...] = (cls, *kwargs.items())
        if cls in _DATED:
            for value in kwargs.values():
                if isinstance(value, dt.datetime):  # rare: only then do the offsets join the key
                    key += tuple(v.tzinfo for v in kwargs.values() if isinstance(v, dt.datetime))
                    break
        found: _T | None = self._objects.get(key)
        if found is None:
            found = _construct(BUILDERS[cls], group, kwargs, problems, fallback)
            if found is not None and len(self._objects) < SHARED_OBJECTS:
                self._objects[key] = found
        return found


#: At most this many shared value objects per reader.
SHARED_OBJECTS: Final = 4096
#: The built classes with a date field (a date-time's offset is then part of a shared object's key).
_DATED: Final = frozenset(
    cls
    for cls in BUILDERS
    if any(hint is dt.date or dt.date in typing.get_args(hint) for hint in convert.hints(cls).values())
)
_SHAREABLE_PARTY: Final = frozenset({"role", "contract_party"})


def _complainant(values: Values, problems: list[Problem], shared: Shared) -> Party | None:
    kwargs = values[COMPLAINANT]
    if not kwargs:
        return None
    if kwargs.keys() <= _SHAREABLE_PARTY:
        return shared.build(Party, "complainant", kwargs, problems, "complainant_role")
    party: Party | None = _construct(BUILDERS[Party], "complainant", kwargs, problems, "complainant_role")
    return party


def _signals(values: Values, problems: list[Problem], shared: Shared) -> None:
    """``signals`` kinds and the signal date columns become Signal objects (dates apply to each)."""
    complaint, dates = values[COMPLAINT], values[SIGNAL]
    kinds = complaint.get("signals")
    if kinds:
        complaint["signals"] = tuple(
            shared.build(Signal, "signal", {"kind": kind, **dates}, problems, "signals") for kind in kinds
        )
    elif dates:
        problems.extend(
            (_COLUMN_OF["signal", f], Message("REGISTER_SIGNAL_DATE_WITHOUT_SIGNAL")) for f in dates
        )


def _with_concrete_term(
    listed: tuple[Measure, ...], concrete: bool, problems: list[Problem]
) -> tuple[Measure, ...]:
    """``measures_have_concrete_term`` applied to every listed measure that does not state it."""
    if not listed:
        problems.append(("measures_have_concrete_term", Message("REGISTER_CONCRETE_TERM_NO_MEASURES")))
        return listed
    if any(m.has_concrete_term is not None and m.has_concrete_term != concrete for m in listed):
        problems.append(("measures_have_concrete_term", Message("REGISTER_CONCRETE_TERM_CONTRADICTS")))
        return listed

    def evolve(kwargs: dict[str, Any]) -> Measure:
        measure: Measure = kwargs["measure"]
        return attrs.evolve(measure, has_concrete_term=concrete)

    return tuple(
        _construct(evolve, "measure", {"measure": m}, problems, "measures_have_concrete_term") for m in listed
    )


def _measures(values: Values, problems: list[Problem]) -> None:
    """The one spreadsheet-style measure, or ``measures_have_concrete_term`` on the listed ones."""
    judgement, single = values[JUDGEMENT], values[MEASURE]
    concrete = single.pop("has_concrete_term", None)
    listed = judgement.get("measures")
    if single:
        if listed is not None:
            problems.append(("measures", Message("REGISTER_MEASURES_BOTH_WAYS")))
        else:
            kwargs = {**single, "has_concrete_term": concrete}
            judgement["measures"] = (
                _construct(BUILDERS[Measure], "measure", kwargs, problems, "measure_description"),
            )
    elif concrete is not None:
        if listed is None:
            problems.append(("measures_have_concrete_term", Message("REGISTER_CONCRETE_TERM_ALONE")))
        else:
            judgement["measures"] = _with_concrete_term(listed, concrete, problems)


def register_record(
    values: Values, row: int, problems: list[Problem], shared: Shared | None = None
) -> RegisterRecord | None:
    """The row's RegisterRecord, or None with the reasons appended to ``problems``.

    A group without any value is an unknown object (``None``), never an empty one. ``shared``:
    the reader's :class:`Shared` objects (a fresh one when not given).
    """
    shared = shared if shared is not None else Shared()
    complaint_values, judgement_values, filing_values = values[COMPLAINT], values[JUDGEMENT], values[GCK]
    # Each step only where the row has its values (most rows have no signal dates or measure).
    complaint_values["complainant"] = _complainant(values, problems, shared) if values[COMPLAINANT] else None
    if values[SIGNAL] or complaint_values.get("signals"):
        _signals(values, problems, shared)
    if values[MEASURE]:
        _measures(values, problems)
    if problems:
        return None
    complaint = _construct(_BUILD_COMPLAINT, "complaint", complaint_values, problems, "id")
    judgement = (
        _construct(_BUILD_JUDGEMENT, "judgement", judgement_values, problems, "verdict")
        if judgement_values
        else None
    )
    filing = (
        _construct(_BUILD_FILING, "gck", filing_values, problems, "gck_case_number")
        if filing_values
        else None
    )
    if problems or complaint is None:
        return None
    try:
        record: RegisterRecord = _BUILD_RECORD(
            {"complaint": complaint, "judgement": judgement, "filing": filing, "row": row}
        )
    except InvalidInputError as exc:  # the parts contradict each other (RegisterRecord._check)
        _add_model_problems(exc, problems, lambda path: path.partition(".")[::2], "id")
        return None
    return record


def gck_case(values: Values, row: int, problems: list[Problem]) -> GckCase | None:
    """The row's GckCase, or None with the reasons appended to ``problems``."""
    filing = _construct(_BUILD_FILING, "gck", values[GCK], problems, "gck_case_number")
    if filing is None or problems:
        return None
    return GckCase(filing=filing, organisation=values[COMPLAINT].get("organisation"), row=row)
