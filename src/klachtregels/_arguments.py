"""Checks of keyword arguments that are switches (``True``/``False``), for the public functions.

A switch given as text (``include_descriptions="no"``) is true in Python; read as truth, it would
silently do the opposite of what was meant (publish descriptions, count equated days). The public
functions check their switches here and refuse anything but a boolean, naming the argument (never
the value). Light on purpose: the calendar imports it.
"""

from __future__ import annotations

from klachtregels.errors import InvalidInputError

__all__ = ["bool_argument"]


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
