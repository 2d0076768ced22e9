"""The previous year's figures from a small TOML file, for the annual report's comparison.

When the previous year's register is not at hand, a provider can give last year's published figures::

    year = 2024                 # optional: the report year minus one
    total = 538                 # complaints that year (or leave it out: the sum of the categories)
    children_served = 72000     # optional: for the share of children
    gck_disputes = 6            # optional: disputes at the Geschillencommissie that year

    [categories]                # optional: complaints per category
    "Communicatie" = 120

    [locations]                 # optional: complaints per location
    "KDV De Zon" = 12

Every count is a whole number of 0 or more. Errors name the file and the key's place
(``categories``: "a count ..."), never a category or location name, which may be personal data.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Final

from klachtregels import convert
from klachtregels._arguments import path_argument
from klachtregels._io import read_toml_file
from klachtregels.errors import InvalidInputError
from klachtregels.report._tally import counts
from klachtregels.report.model import PreviousYear

__all__ = ["load_previous_figures", "parse_previous_figures"]

_KEYS: Final = frozenset({"year", "total", "children_served", "gck_disputes", "categories", "locations"})


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _table(data: dict[str, Any], key: str, problems: list[tuple[str, str]]) -> Counter[str | None] | None:
    table = data.get(key)
    if table is None:
        return None
    if not isinstance(table, dict):
        problems.append((key, "expected a table of name = count"))
        return None
    bad = sum(1 for value in table.values() if not _count(value))
    if bad:
        problems.append((key, f"{bad} count(s) not a whole number of 0 or more (names not shown)"))
        return None
    return Counter({str(name): int(value) for name, value in table.items()})


def parse_previous_figures(
    data: dict[str, Any], *, year: int, what: str = "previous-year figures"
) -> PreviousYear:
    """The figures of ``year - 1`` from parsed TOML (see the module docs)."""
    problems: list[tuple[str, str]] = []
    for key in sorted(set(data) - _KEYS):
        problems.append(convert.unknown_key("", key, _KEYS, "key"))
    expected = year - 1
    given_year = data.get("year", expected)
    if given_year != expected:
        problems.append(("year", f"must be {expected}, the year before the report year"))
    scalars: dict[str, int | None] = {}
    for key in ("total", "children_served", "gck_disputes"):
        value = data.get(key)
        if value is not None and not _count(value):
            problems.append((key, "expected a whole number of 0 or more"))
            value = None
        scalars[key] = value
    categories = _table(data, "categories", problems)
    locations = _table(data, "locations", problems)
    total = scalars["total"]
    if total is None and categories is not None:
        total = categories.total()
    if total is None and not problems:
        problems.append(("total", "give the total, or the categories to add up"))
    if categories is not None and total is not None and categories.total() > total:
        problems.append(("categories", "add up to more than the total"))
    if problems:
        raise InvalidInputError(what, problems)
    assert total is not None
    return PreviousYear(
        year=expected,
        total=total,
        categories=None if categories is None else counts(categories),
        locations=None if locations is None else counts(locations),
        gck_disputes=scalars["gck_disputes"],
        children_served=scalars["children_served"],
    )


def load_previous_figures(path: str | Path, *, year: int) -> PreviousYear:
    """Read a previous-year figures file (TOML) for the report over ``year``.

    Raises :class:`~klachtregels.errors.InvalidInputError` naming the file and the key, and
    :class:`OSError` when the file cannot be read.
    """
    path = path_argument(path)
    what = f"previous-year figures {Path(path)}"
    return parse_previous_figures(read_toml_file(path, what), year=year, what=what)
