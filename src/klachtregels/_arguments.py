"""Checks of the arguments of the public functions: switches (``True``/``False``), types, days.

A switch given as text (``include_descriptions="no"``) is true in Python; read as truth, it would
silently do the opposite of what was meant (publish descriptions, count equated days). The public
functions check their switches here and refuse anything but a boolean, naming the argument (never
the value). Arguments of other types are checked only once the function has failed on them
(:func:`refuse_arguments`), so that the fast paths pay nothing. Light on purpose: the calendar
imports it.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Final, TypeVar

from klachtregels.errors import ArgumentTypeError, DateRangeError, InvalidInputError

__all__ = [
    "DATE_EXPECTED",
    "OUT_OF_RANGE",
    "SLIPS",
    "bool_argument",
    "day_argument",
    "each_instance",
    "enum_argument",
    "instance_argument",
    "out_of_range",
    "path_argument",
    "refuse_arguments",
    "report_argument",
    "stream_argument",
    "whole_number_argument",
    "wrong_type",
]

if TYPE_CHECKING:
    from collections.abc import Iterator

#: What a public function raises from where an argument is of the wrong type (a day given as text:
#: ``AttributeError``, ``TypeError``; pandas' NaT: ``ValueError``, ``TypeError``) or a count runs past
#: the calendar (``OverflowError``). The functions catch these around their body (a ``try`` costs
#: nothing when nothing is raised, Python 3.11) and hand them to :func:`refuse_arguments`.
SLIPS: Final = (AttributeError, TypeError, ValueError, OverflowError)
#: What a day argument takes.
DATE_EXPECTED: Final = "a date or datetime"
#: Why a count from a day cannot be answered: the day it ends on does not exist in Python.
OUT_OF_RANGE: Final = "the result would fall outside the dates Python holds (years 1-9999)"

T = TypeVar("T")


def bool_argument(value: object, name: str, *, optional: bool = False) -> bool | None:
    """``value`` as a switch: ``True`` or ``False`` (a NumPy boolean too), or ``None`` when ``optional``.

    Raises :class:`~klachtregels.errors.InvalidInputError` naming ``name`` for anything else.
    """
    if value is True or value is False:
        return value
    if value is None and optional:
        return None
    dtype = getattr(value, "dtype", None)  # numpy.bool_ (a pandas or NumPy column's cell)
    if dtype is not None and getattr(dtype, "kind", None) == "b" and getattr(value, "shape", None) == ():
        return bool(value)
    expected = "expected True, False or None" if optional else "expected True or False"
    raise InvalidInputError("arguments", [(name, expected)])


def wrong_type(name: str, expected: str, value: object) -> ArgumentTypeError:
    """The error for argument ``name`` that is not what it takes (``expected``, such as ``"a Policy,
    a policy's name or a path"``): names the type given, never the value."""
    return ArgumentTypeError("arguments", [(name, f"expected {expected}, got {type(value).__name__}")])


def instance_argument(value: object, cls: type[T], name: str, *, optional: bool = True) -> T | None:
    """``value`` when it is a ``cls`` (or ``None`` when ``optional``); else :class:`ArgumentTypeError`."""
    if isinstance(value, cls):
        return value
    if value is None and optional:
        return None
    article = "an" if cls.__name__[:1].upper() in "AEIOU" else "a"
    raise wrong_type(name, f"{article} {cls.__name__}" + (" or None" if optional else ""), value)


def whole_number_argument(value: object, name: str, *, minimum: int | None = None) -> int:
    """``value`` as a whole number (not a bool) of at least ``minimum``; else a typed error naming
    ``name``."""
    if isinstance(value, bool) or not isinstance(value, int):
        index = getattr(value, "__index__", None)  # a NumPy integer
        if isinstance(value, bool) or index is None or getattr(value, "dtype", None) is None:
            raise wrong_type(name, "a whole number", value)
        value = int(index())
    if minimum is not None and value < minimum:
        raise InvalidInputError("arguments", [(name, f"expected a whole number of at least {minimum}")])
    return value


def each_instance(items: object, cls: type[T], name: str, *, expected: str) -> Iterator[T]:
    """``items`` one at a time, each a ``cls``; anything else is refused by the argument's name
    (``records``, or ``records[3]`` for an item), never by its value. ``expected`` says what the
    argument takes, for an ``items`` that cannot be iterated."""
    try:
        iterator = iter(items)  # type: ignore[call-overload]
    except TypeError:
        raise wrong_type(name, expected, items) from None
    for index, item in enumerate(iterator):
        if type(item) is not cls and not isinstance(item, cls):
            article = "an" if cls.__name__[:1].upper() in "AEIOU" else "a"
            raise wrong_type(f"{name}[{index}]", f"{article} {cls.__name__}", item)
        yield item


def path_argument(value: object, name: str = "path") -> str:
    """``value`` (text or an :class:`os.PathLike` of text) as a path; else :class:`ArgumentTypeError`.

    A path in bytes is refused too: the library's files are named in text, and their errors name them.
    """
    import os  # the standard library's, imported when a path is given

    text = os.fspath(value) if isinstance(value, str | os.PathLike) else None
    if not isinstance(text, str):
        raise wrong_type(name, "a path (text or a path object)", value)
    return text


def out_of_range(name: str) -> DateRangeError:
    """The error for a count from argument ``name`` that runs past 31 December 9999 (or before 1
    January of the year 1): names the argument, never its value."""
    return DateRangeError("arguments", [(name, OUT_OF_RANGE)])


def day_argument(value: object, name: str) -> None:
    """Refuse ``value`` for the day argument ``name``: :class:`ArgumentTypeError` when it is no date
    or datetime, ``DATE_MISSING`` for pandas' NaT (as :func:`klachtregels._time.local_day` says it);
    nothing for a day."""
    if not isinstance(value, _dt.date):
        raise wrong_type(name, DATE_EXPECTED, value)
    if value != value:  # pandas' NaT: a datetime that is no day at all
        from klachtregels._time import DateTextError

        raise DateTextError("DATE_MISSING")


def refuse_arguments(
    error: BaseException,
    days: tuple[tuple[str, object], ...],
    numbers: tuple[tuple[str, object], ...] = (),
    *,
    counted_from: str | None = None,
) -> None:
    """Raise the typed error for ``error`` (one of :data:`SLIPS`, raised by a public function whose
    arguments ``days`` and ``numbers`` are ``(name, value)`` pairs): :class:`ArgumentTypeError` naming
    the first day that is no date or number that is no whole number, else, for an overflow,
    :class:`~klachtregels.errors.DateRangeError` naming ``counted_from`` (by default the first day).
    Returns for anything else: the caller re-raises ``error`` as it was."""
    for name, value in days:
        day_argument(value, name)
    for name, value in numbers:
        whole_number_argument(value, name)
    if isinstance(error, OverflowError):
        raise out_of_range(counted_from or days[0][0]) from None


def report_argument(value: object, name: str = "report") -> None:
    """Refuse ``value`` unless it is an :class:`~klachtregels.report.AnnualReport` (the renderers'
    and review functions' first argument): :class:`ArgumentTypeError` naming ``name``."""
    from klachtregels.report.model import AnnualReport

    if value.__class__ is not AnnualReport:
        instance_argument(value, AnnualReport, name, optional=False)


def stream_argument(value: object, name: str = "stream") -> None:
    """Refuse ``value`` unless it can be written to (has a ``write`` method): a text stream."""
    if not callable(getattr(value, "write", None)):
        raise wrong_type(name, "a stream to write to (with a write method)", value)


E = TypeVar("E")


def enum_argument(value: object, cls: type[E], name: str) -> E:
    """``value`` as a member of the enumeration ``cls`` (a member, or its value as text); anything
    else is :class:`~klachtregels.errors.InvalidInputError` naming ``name`` and listing the choices,
    never the value (the enumeration's own ``ValueError`` repeats it)."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value)  # type: ignore[call-arg]
        except ValueError:
            pass
    choices = ", ".join(str(member.value) for member in cls)  # type: ignore[attr-defined]
    raise InvalidInputError("arguments", [(name, f"is not one of: {choices}")])
