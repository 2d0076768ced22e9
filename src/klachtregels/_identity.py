"""A cache of a pure function of immutable objects, keyed by the object's identity."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["per_object"]

K = TypeVar("K")
T = TypeVar("T")


def per_object(make: Callable[[K], T], *, keep: int) -> Callable[[K], T]:
    """``make(obj)``, made once per object and kept, by identity (at most ``keep`` objects, then the
    store starts again).

    For what an immutable object resolves to and many calls ask again (a policy's plans, a deadline's
    summary), where hashing the object would cost more than the answer. An entry holds the object
    itself, so its ``id`` stays its own while it is kept. Two threads may both make an answer; either
    is kept (``make`` is pure).
    """
    store: dict[int, tuple[K, T]] = {}

    def get(obj: K) -> T:
        entry = store.get(id(obj))
        if entry is None or entry[0] is not obj:
            if len(store) >= keep:
                store.clear()
            entry = store[id(obj)] = (obj, make(obj))
        return entry[1]

    functools.update_wrapper(get, make)
    return get
