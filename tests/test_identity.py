"""klachtregels._identity.per_object: a pure function of immutable objects, made once per object."""

from __future__ import annotations

from klachtregels._identity import per_object


class _Thing:
    def __init__(self, n: int) -> None:
        self.n = n


def test_made_once_per_object_and_kept_by_identity() -> None:
    calls: list[int] = []

    def make(thing: _Thing) -> int:
        calls.append(thing.n)
        return thing.n * 10

    cached = per_object(make, keep=3)
    a, b = _Thing(1), _Thing(1)  # equal contents, two objects: two answers made
    assert [cached(a), cached(a), cached(b)] == [10, 10, 10]
    assert calls == [1, 1]
    assert cached.__name__ == "make"


def test_the_store_starts_again_when_full_and_never_confuses_objects() -> None:
    cached = per_object(lambda thing: thing.n, keep=2)
    things = [_Thing(n) for n in range(10)]
    assert [cached(t) for t in things] == list(range(10))
    assert [cached(t) for t in reversed(things)] == list(reversed(range(10)))
    for n in range(100):  # an object freed and its id reused is never answered from the store
        assert cached(_Thing(n)) == n
