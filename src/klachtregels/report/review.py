"""Re-identification: what the provider must review, and small-cell suppression (Wko 1.57b lid 5).

Lid 5: no natural person may be traceable in the report. The report holds counts and the
provider's own names for categories and locations; two things can still point at a person:

* a **name-like word in a published cell**: a category, location or Geschillencommissie subject
  that holds a party's name (or a name after a form of address, an e-mail address, a phone number:
  whatever :class:`~klachtregels.report.anonymise.Redactor` finds). Only the review notes say so, by
  the kind of cell and the first row that feeds it, never by its text;
* a **small cell**: a location with a single complaint, shown with its category and verdict, tells
  everyone who knows the location what one parent complained about and how it was judged.

:func:`suppress` hides the category and verdict detail of locations with fewer than *k* complaints
(``suppress_below``); the per-location count stays, as lid 4 asks for it. **Complementary
suppression** (decided here): the report also publishes totals over all locations and per
organisation, so one hidden location among shown ones could be worked out by subtraction. When a
total (all locations, or one organisation's locations) covers exactly one hidden location, the
smallest shown location under it is hidden too; when an organisation has no other location to
hide, its own row's detail is hidden. This repeats until no total covers exactly one hidden
location. Two hidden locations under a total still give away their sum: a provider with one
location, or whose hidden locations all judge alike, should read the notes before publishing.
The totals over all locations are never hidden: lid 4 asks for the number and nature in all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.report.model import (
    GroupStats,
    MeasureSummary,
    ReidentificationWarning,
    ReviewKind,
    VerdictSplit,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from klachtregels.report.anonymise import Redactor

__all__ = ["FirstRows", "name_warnings", "single_complaint_warnings", "suppress"]

#: Per published name: the first row that feeds it, and how many rows do.
FirstRows = dict[str | None, tuple[int | None, int]]

#: Tags that do not make a location name personal: a location's street address is lid 6's question
#: (pseudonyms for gastouders; counted as 'unchecked' when the provider's kind is not known).
_LOCATION_ADDRESS_TAGS: Final = frozenset({"adres", "postcode"})


def name_warnings(
    redactor: Redactor,
    kind: ReviewKind,
    names: Mapping[str | None, tuple[int | None, int]],
    *,
    source: str = "register",
    ignore: frozenset[str] = frozenset(),
) -> list[ReidentificationWarning]:
    """A warning for each published name in which ``redactor`` finds personal data."""
    out = []
    for name, (row, rows) in names.items():
        found = tuple(t for t in redactor.found(name) if t not in ignore) if name else ()
        if found:
            out.append(ReidentificationWarning(kind=kind, found=found, source=source, row=row, rows=rows))
    return out


def location_warnings(
    redactor: Redactor, shown: Mapping[str | None, tuple[int | None, int]]
) -> list[ReidentificationWarning]:
    """Personal data in the location names as shown (pseudonyms are not checked: they are ours)."""
    return name_warnings(redactor, ReviewKind.PERSONAL_DATA_IN_LOCATION, shown, ignore=_LOCATION_ADDRESS_TAGS)


def single_complaint_warnings(
    locations: Iterable[GroupStats], first_rows: Mapping[str | None, int | None]
) -> list[ReidentificationWarning]:
    """A warning for each recorded location with one complaint whose category and verdict are shown."""
    return [
        ReidentificationWarning(kind=ReviewKind.SINGLE_COMPLAINT_LOCATION, row=first_rows.get(g.name), rows=1)
        for g in locations
        if g.name is not None and g.total == 1 and not g.suppressed
    ]


# --------------------------------------------------------------------------------------------------
# Suppression
# --------------------------------------------------------------------------------------------------

#: The key of the total over all locations among the organisations' totals.
_ALL: Final = object()


def _hidden(locations: tuple[GroupStats, ...], below: int) -> tuple[set[int], set[str | None]]:
    """Which locations (by index) and organisations (by name) to hide: below ``below`` complaints,
    and complementary ones until no total covers exactly one hidden location."""
    hidden = {i for i, g in enumerate(locations) if g.total < below}
    margins: dict[object, set[int]] = {_ALL: set(range(len(locations)))}
    for i, g in enumerate(locations):
        for org in g.organisations:
            margins.setdefault(org, set()).add(i)
    hidden_orgs: set[str | None] = set()
    changed = bool(hidden)
    while changed:
        changed = False
        for key, members in margins.items():
            if key in hidden_orgs or len(members & hidden) != 1:
                continue
            shown = sorted(
                members - hidden, key=lambda i: (locations[i].total, locations[i].display_name or "")
            )
            if shown:
                hidden.add(shown[0])
            elif key is not _ALL:  # an organisation's row would show its one hidden location
                assert key is None or isinstance(key, str)
                hidden_orgs.add(key)
            else:  # one location in all: the overall totals are lid 4's and stay
                continue
            changed = True
    return hidden, hidden_orgs


def _without_detail(g: GroupStats) -> GroupStats:
    # MeasureSummary() also empties the nature of the measures (by_nature, unclassified).
    return attrs.evolve(g, categories=(), verdicts=VerdictSplit(), measures=MeasureSummary(), suppressed=True)


def suppress(
    locations: tuple[GroupStats, ...], organisations: tuple[GroupStats, ...], below: int | None
) -> tuple[tuple[GroupStats, ...], tuple[GroupStats, ...]]:
    """``locations`` and ``organisations`` with their detail hidden as the module docstring says;
    ``below`` ``None``: unchanged. Totals are never changed."""
    if below is None:
        return locations, organisations
    hidden, hidden_orgs = _hidden(locations, below)
    return (
        tuple(_without_detail(g) if i in hidden else g for i, g in enumerate(locations)),
        tuple(_without_detail(g) if g.name in hidden_orgs else g for g in organisations),
    )
