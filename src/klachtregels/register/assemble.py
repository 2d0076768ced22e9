"""From one row's cell values to domain objects: a RegisterRecord, or a Geschillencommissie case.

The reader hands over the row's values already grouped by the object they belong to (see
:data:`GROUPS`); this module builds the objects through the model's constructors, which validate
them, and turns the model's problems into ``(column, message)`` pairs that point back at the
register's columns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

import attrs

from klachtregels.errors import InvalidInputError
from klachtregels.messages import Message
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, RegisterRecord, Signal
from klachtregels.register.cells import safe_model_message
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


def _construct(
    cls: Callable[..., Any], group: str, kwargs: dict[str, Any], problems: list[Problem], fallback: str
) -> Any:
    """Build a model object; its InvalidInputError becomes problems on the register's columns."""
    try:
        return cls(**kwargs)
    except InvalidInputError as exc:
        for field, msg in exc.problems:
            head = _FIELD_HEAD.split(field, maxsplit=1)[0]
            column = _COLUMN_OF.get((group, head), fallback)
            problems.append((column, Message("REGISTER_MODEL_PROBLEM", {"problem": safe_model_message(msg)})))
        return None


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
        """Like :func:`_construct`, but an equal object built before is returned instead."""
        key = (cls, *kwargs.items())
        found: _T | None = self._objects.get(key)
        if found is None:
            found = _construct(cls, group, kwargs, problems, fallback)
            if found is not None and len(self._objects) < SHARED_OBJECTS:
                self._objects[key] = found
        return found


#: At most this many shared value objects per reader.
SHARED_OBJECTS: Final = 4096
_SHAREABLE_PARTY: Final = frozenset({"role", "contract_party"})


def _complainant(values: Values, problems: list[Problem], shared: Shared) -> Party | None:
    kwargs = values[COMPLAINANT]
    if not kwargs:
        return None
    if kwargs.keys() <= _SHAREABLE_PARTY:
        return shared.build(Party, "complainant", kwargs, problems, "complainant_role")
    party: Party | None = _construct(Party, "complainant", kwargs, problems, "complainant_role")
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

    def evolve(measure: Measure) -> Measure:
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
            judgement["measures"] = (_construct(Measure, "measure", kwargs, problems, "measure_description"),)
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
    complainant = _complainant(values, problems, shared)
    _signals(values, problems, shared)
    _measures(values, problems)
    if problems:
        return None
    values[COMPLAINT]["complainant"] = complainant
    complaint = _construct(Complaint, "complaint", values[COMPLAINT], problems, "id")
    judgement = (
        _construct(Judgement, "judgement", values[JUDGEMENT], problems, "verdict")
        if values[JUDGEMENT]
        else None
    )
    filing = _construct(GckFiling, "gck", values[GCK], problems, "gck_case_number") if values[GCK] else None
    if problems or complaint is None:
        return None
    return RegisterRecord(complaint=complaint, judgement=judgement, filing=filing, row=row)


def gck_case(values: Values, row: int, problems: list[Problem]) -> GckCase | None:
    """The row's GckCase, or None with the reasons appended to ``problems``."""
    filing = _construct(GckFiling, "gck", values[GCK], problems, "gck_case_number")
    if filing is None or problems:
        return None
    return GckCase(filing=filing, organisation=values[COMPLAINT].get("organisation"), row=row)
