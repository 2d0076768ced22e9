"""Streaming tallies for the annual report: one pass over the register, memory independent of its length.

The report is computed in one pass (:mod:`klachtregels.report.compute`); what it keeps per row is
at most a row number in a compact array (8 bytes a row, :class:`RowList`) and, for the
possible-duplicates check, a 64-bit hash of the row's key with its position (16 bytes a row,
:class:`DuplicateFinder`). Figures are counters per group (:class:`GroupTally`), whose size follows the
number of locations, organisations and categories, not the number of rows. Nothing here decides a
legal question: it counts what :mod:`klachtregels.report.compute` tells it to.
"""

from __future__ import annotations

from array import array
from collections import Counter
from typing import TYPE_CHECKING, Final

from klachtregels.model import Verdict
from klachtregels.report.model import GroupStats, MeasureSource, MeasureSummary, VerdictSplit

if TYPE_CHECKING:
    from klachtregels.model import RegisterRecord
    from klachtregels.report.measures import Nature
    from klachtregels.report.model import Counts
    from klachtregels.vocabulary import Outcome

__all__ = ["DuplicateFinder", "GroupTally", "RowList", "RowReasons", "counts", "verdict_split"]

#: Stands for a record without a row number (``None``) in a :class:`RowList`.
_NO_ROW: Final = -(2**63)


def counts(counter: Counter[str | None]) -> Counts:
    """Most frequent first, then by name; 'not recorded' (``None``) after the names of equal count."""
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or "")))


def verdict_split(c: Counter[Verdict | None]) -> VerdictSplit:
    """The verdicts counted in ``c``; ``None`` is 'no verdict recorded'."""
    return VerdictSplit(
        gegrond=c[Verdict.GEGROND],
        deels_gegrond=c[Verdict.DEELS_GEGROND],
        ongegrond=c[Verdict.ONGEGROND],
        unknown=c[None],
    )


class RowList:
    """Row numbers in the order met, 8 bytes each (a Python list only if a number does not fit 64 bits)."""

    __slots__ = ("_rows",)

    def __init__(self) -> None:
        self._rows: array[int] | list[int] = array("q")

    def append(self, row: int | None) -> None:
        """Keep ``row`` (``None``: the record has no row number)."""
        value = _NO_ROW if row is None else row
        try:
            self._rows.append(value)
        except OverflowError:  # a row number from the API beyond 64 bits: keep it, less compactly
            self._rows = [*self._rows, value]

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> int | None:
        value = self._rows[index]
        return None if value == _NO_ROW else value

    def rows(self) -> tuple[int | None, ...]:
        """The row numbers as a tuple (``None`` where a record had none)."""
        return tuple(None if r == _NO_ROW else r for r in self._rows)


class RowReasons:
    """Rows with a reason each (records that are not complaints), compactly: a row list and a byte a row."""

    __slots__ = ("_codes", "_reasons", "_rows")

    def __init__(self) -> None:
        self._rows = RowList()
        self._codes = bytearray()
        self._reasons: dict[Outcome, int] = {}

    def append(self, row: int | None, reason: Outcome) -> None:
        """Keep ``row`` with its ``reason``."""
        self._rows.append(row)
        self._codes.append(self._reasons.setdefault(reason, len(self._reasons)))

    def __len__(self) -> int:
        return len(self._rows)

    def pairs(self) -> tuple[tuple[int | None, Outcome], ...]:
        """``(row, reason)`` in the order met."""
        reasons = list(self._reasons)
        return tuple((self._rows[i], reasons[code]) for i, code in enumerate(self._codes))


class GroupTally:
    """The counters behind one :class:`~klachtregels.report.model.GroupStats`: all complaints, an
    organisation or a location. Its size follows the number of categories, not of complaints."""

    __slots__ = (
        "categories",
        "first_row",
        "measures",
        "natures",
        "organisations",
        "terms",
        "total",
        "unclassified",
        "verdicts",
    )

    def __init__(self, *, organisations: bool = False) -> None:
        self.total = 0
        #: The row of the first complaint counted (the review notes point at it, never at its text).
        self.first_row: int | None = None
        self.categories: Counter[str | None] = Counter()
        self.verdicts: Counter[Verdict | None] = Counter()
        self.measures: Counter[str] = Counter()
        self.terms: Counter[bool | None] = Counter()
        #: Per source of the nature of measures: category -> complaints.
        self.natures: dict[MeasureSource, Counter[str]] = {}
        #: Per source: complaints with something to classify that got no category.
        self.unclassified: Counter[MeasureSource] = Counter()
        self.organisations: set[str | None] | None = set() if organisations else None

    def add(self, rec: RegisterRecord, nature: Nature | None = None) -> None:
        """Count one complaint: its category, verdict, what the register records about measures and
        their ``nature`` by each source (:class:`~klachtregels.report.measures.NatureClassifier`)."""
        if not self.total:
            self.first_row = rec.row
        self.total += 1
        complaint, j = rec.complaint, rec.judgement
        self.categories[complaint.category] += 1
        self.verdicts[j.verdict if j is not None else None] += 1
        if self.organisations is not None:
            self.organisations.add(complaint.organisation)
        # What the register records about measures; never inferred from text (lid 4 c).
        if j is not None and j.summary is not None and j.summary.strip():
            self.measures["summary"] += 1
        if j is None or j.measures is None:
            self.measures["unknown"] += 1
        elif not j.measures:
            self.measures["without"] += 1
        else:
            self.measures["with"] += 1
            self.terms.update(m.concrete_term for m in j.measures)
        if nature is not None:
            self._add_nature(MeasureSource.COLUMN, nature.column)
            self._add_nature(MeasureSource.KEYWORDS, nature.keywords)

    def _add_nature(self, source: MeasureSource, found: tuple[str, ...] | None) -> None:
        if found is None:  # nothing to classify
            return
        if found:
            self.natures.setdefault(source, Counter()).update(found)
        else:
            self.unclassified[source] += 1

    def measure_summary(self, source: MeasureSource | None = None) -> MeasureSummary:
        """What the register records about measures, in all; their nature by ``source`` (``None``: none)."""
        per_complaint, terms = self.measures, self.terms
        natures = self.natures.get(source, Counter()) if source is not None else Counter()
        return MeasureSummary(
            with_measures=per_complaint["with"],
            without_measures=per_complaint["without"],
            measures_unknown=per_complaint["unknown"],
            measures=terms.total(),
            with_concrete_term=terms[True],
            without_concrete_term=terms[False],
            term_unknown=terms[None],
            with_summary=per_complaint["summary"],
            by_nature=counts(Counter[str | None](natures)),
            unclassified=self.unclassified[source] if source is not None else 0,
        )

    def stats(
        self,
        name: str | None,
        *,
        display_name: str | None = None,
        pseudonymised: bool = False,
        measure_source: MeasureSource | None = None,
    ) -> GroupStats:
        """The group's figures; ``display_name`` defaults to ``name``; the nature of measures by
        ``measure_source``."""
        orgs: tuple[str | None, ...] = ()
        if self.organisations is not None:
            orgs = tuple(sorted(self.organisations, key=lambda o: (o is None, o or "")))
        return GroupStats(
            name=name,
            display_name=name if display_name is None else display_name,
            total=self.total,
            categories=counts(self.categories),
            verdicts=verdict_split(self.verdicts),
            measures=self.measure_summary(measure_source),
            organisations=orgs,
            pseudonymised=pseudonymised,
        )


class DuplicateFinder:
    """Groups of rows whose key is the same, found through a 64-bit hash of the key (16 bytes a row).

    Keys are hashed with Python's own ``hash`` (fixed within one process) and kept in 256 buckets by
    the hash's low byte, with each row's position; the groups are formed bucket by bucket at the end,
    so no table of every key is ever held. Two different keys share a 64-bit hash with a chance of
    about 1 in 36 million at a million rows (the birthday bound); such a pair would be listed as a
    possible duplicate, which a person checks anyway.
    """

    __slots__ = ("_hashes", "_positions", "_rows")

    _BUCKETS: Final = 256

    def __init__(self) -> None:
        self._hashes: list[array[int]] = [array("q") for _ in range(self._BUCKETS)]
        self._positions: list[array[int]] = [array("q") for _ in range(self._BUCKETS)]
        self._rows = RowList()

    def add(self, key: tuple[str | None, ...], row: int | None) -> None:
        """Remember that ``row`` has ``key``."""
        h = hash(key)
        bucket = h & (self._BUCKETS - 1)
        self._hashes[bucket].append(h)
        self._positions[bucket].append(len(self._rows))
        self._rows.append(row)

    def groups(self) -> tuple[tuple[int | None, ...], ...]:
        """The groups of two or more rows, rows in the order met; sorted by their row numbers."""
        found: list[tuple[int, tuple[int | None, ...]]] = []
        for hashes, positions in zip(self._hashes, self._positions, strict=True):
            by_hash: dict[int, list[int]] = {}
            for h, position in zip(hashes, positions, strict=True):
                by_hash.setdefault(h, []).append(position)
            found += [(p[0], tuple(self._rows[i] for i in p)) for p in by_hash.values() if len(p) > 1]
        found.sort(key=lambda group: group[0])  # first met first, as before the sort by rows below
        groups = [rows for _first, rows in found]
        return tuple(sorted(groups, key=lambda rows: [r if r is not None else -1 for r in rows]))
