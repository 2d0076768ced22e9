"""The annual complaint report as data (Wko 1.57b lid 4; R9).

Everything here is computed by :func:`klachtregels.report.build_report` and is already anonymised
(lid 5-6): counts, the provider's own categories, location names (pseudonymised where lid 6
requires it) and, only when asked for, redacted free text. Renderers read these objects and
nothing else, so no renderer can leak what the model does not hold.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs

from klachtregels import convert

# Imported at run time, not only for type checking: to_dict/from_dict resolve the annotations,
# and a fresh interpreter need not have loaded these modules yet.
from klachtregels.citations import Citation  # noqa: TC001
from klachtregels.messages import check_lang, text
from klachtregels.organisation import Organisation  # noqa: TC001
from klachtregels.rules.annual_report import ReportDue
from klachtregels.vocabulary import Outcome  # noqa: TC001

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "AnnualReport",
    "DataQuality",
    "GckSummary",
    "GroupStats",
    "MeasureCategory",
    "MeasureSource",
    "MeasureSummary",
    "PreviousYear",
    "ReidentificationWarning",
    "RejectedRow",
    "ReportDue",
    "ReportEntry",
    "ReviewKind",
    "ReviewNotes",
    "VerdictSplit",
]

#: ``((name, count), ...)``: most frequent first, then by name. ``None`` is "not recorded".
Counts = tuple[tuple[str | None, int], ...]


@attrs.frozen(kw_only=True)
class VerdictSplit:
    """The tenor of the judgements (lid 4 c): how many complaints were judged (partly) well-founded."""

    gegrond: int = 0
    deels_gegrond: int = 0
    ongegrond: int = 0
    #: No verdict recorded: unknown, never guessed from the text.
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.gegrond + self.deels_gegrond + self.ongegrond + self.unknown


class MeasureSource(enum.StrEnum):
    """Where the nature of the measures comes from (:attr:`AnnualReport.measure_source`; decided in
    :mod:`klachtregels.report.measures`)."""

    #: The register's ``measure_category`` column: the provider's own labels.
    COLUMN = "column"
    #: The keyword classification of the measure texts.
    KEYWORDS = "keywords"


@attrs.frozen(kw_only=True)
class MeasureCategory:
    """A category of the measure classification (:mod:`klachtregels.report.measures`): its key and labels."""

    #: The key counted in :attr:`MeasureSummary.by_nature` when the report's measure source is
    #: ``"keywords"``.
    key: str
    nl: str
    en: str

    def label(self, lang: str) -> str:
        """The label in ``lang`` (``nl`` or ``en``; any other is an UnknownLanguageError)."""
        return self.nl if check_lang(lang) == "nl" else self.en


@attrs.frozen(kw_only=True)
class MeasureSummary:
    """The nature of the measures (lid 4 c): what the register records, and their nature by category.

    The nature (:attr:`by_nature`) comes from the register's own measure categories where it has
    them, else from the keyword classification (:mod:`klachtregels.report.measures`); which one is
    :attr:`AnnualReport.measure_source`. A text that matches no keyword is counted as
    :attr:`unclassified`, never guessed.
    """

    #: Complaints whose judgement lists at least one measure.
    with_measures: int = 0
    #: Complaints whose judgement is known to list no measures.
    without_measures: int = 0
    #: Complaints for which the register does not say whether measures were taken.
    measures_unknown: int = 0
    #: Measures listed, in all.
    measures: int = 0
    #: Of those, measures with a concrete term (lid 2 f) / known to lack one / not known.
    with_concrete_term: int = 0
    without_concrete_term: int = 0
    term_unknown: int = 0
    #: Complaints with a written account of what was decided or done (the judgement summary).
    with_summary: int = 0
    #: Category -> complaints with a measure of that nature, most frequent first (a complaint with
    #: measures of two natures counts in both). The provider's labels (source ``"column"``) or the
    #: classification's keys (``"keywords"``, labels in :attr:`AnnualReport.measure_categories`).
    by_nature: Counts = ()
    #: Complaints with something to classify that got no category: measures listed without a
    #: category (``"column"``), or a measure or summary text that matched no keyword
    #: (``"keywords"``). For the review notes, not for publication.
    unclassified: int = 0


@attrs.frozen(kw_only=True)
class GroupStats:
    """The figures for one group of complaints: all of them, one organisation or one location."""

    #: The group's name as given in the register; ``None``: not recorded. Empty for the total.
    name: str | None
    #: The name to show: ``name``, or a pseudonym where lid 6 requires it (gastouder home addresses).
    display_name: str | None
    total: int
    #: Complaints per category (the provider's own categories): 'number and nature' (lid 4 c).
    categories: Counts
    verdicts: VerdictSplit
    measures: MeasureSummary
    #: For locations: the organisations (legal entities) its complaints were filed with.
    organisations: tuple[str | None, ...] = ()
    #: The display name was replaced by a pseudonym (lid 6).
    pseudonymised: bool = False
    #: The detail (categories, verdicts, measures) is suppressed (``suppress_below``): it is not held
    #: here (zero and empty), and shown as suppressed; ``total`` is always the true count.
    suppressed: bool = False


@attrs.frozen(kw_only=True)
class GckSummary:
    """Disputes before the Geschillencommissie Kinderopvang in the year (lid 4 d): number and nature."""

    total: int
    by_subject: Counts
    by_outcome: Counts
    by_organisation: Counts
    #: ``(subject, outcome, count)`` for the subject-by-outcome table.
    by_subject_outcome: tuple[tuple[str | None, str | None, int], ...]
    #: Where the cases came from: ``"geschillen"`` (a separate file) or ``"register"`` (filings on records).
    source: str


@attrs.frozen(kw_only=True)
class RejectedRow:
    """A row the register reader could not use. Only its number and the columns named, never its text."""

    row: int | None
    fields: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class DataQuality:
    """Everything that was read, and what was odd about it. Nothing is dropped or guessed."""

    #: Rows the reader read (from its summary; else records given + rows rejected).
    rows_read: int
    rejected: tuple[RejectedRow, ...]
    #: Records given to the report (rows read minus rows rejected).
    records: int
    #: Records counted in the report.
    included: int
    #: Rows of records whose receipt date lies outside the report year (not counted).
    outside_year: tuple[int | None, ...]
    #: Rows of records without a receipt date, counted because the register was declared this year's.
    undated_included: tuple[int | None, ...]
    #: Rows of records without a receipt date, not counted (the register was not declared this year's).
    undated_excluded: tuple[int | None, ...]
    no_location: tuple[int | None, ...]
    no_verdict: tuple[int | None, ...]
    no_category: tuple[int | None, ...]
    no_organisation: tuple[int | None, ...]
    #: Groups of rows with the same location, category, description and judgement summary.
    possible_duplicates: tuple[tuple[int | None, ...], ...]
    #: Records in the year that are definitely not complaints under art. 1.57b, by row, with the
    #: eligibility outcome that says why (``not_eligible``: not an ouder, or a subject outside the
    #: regulation; ``not_yet``: oral, not in writing (R5); ``out_of_temporal_scope``: R1). Not counted.
    not_complaints: tuple[tuple[int | None, Outcome], ...]
    #: Complaints whose channel is not recorded: taken as written for lid 9 (the conservative side).
    channel_unknown: int
    #: Location names replaced by a pseudonym (lid 6).
    pseudonymised_locations: int
    #: Location names that look like a street address while the provider's kind is unknown (check lid 6).
    address_like_locations_unchecked: int
    #: Shown location names that are probably one location (accents, one address spelt two ways, word
    #: order, one misspelt word; :func:`klachtregels.bulk.similar_locations`), each group in order of
    #: frequency. Pseudonymised names never take part. The count of locations may be too high by these:
    #: they are only named, never merged.
    similar_locations: tuple[tuple[str, ...], ...] = ()
    #: Geschillencommissie rows: read, rejected, outside the year, undated and counted / not counted.
    gck_rows_read: int | None = None
    gck_rejected: tuple[RejectedRow, ...] = ()
    gck_outside_year: tuple[int | None, ...] = ()
    gck_undated_included: tuple[int | None, ...] = ()
    gck_undated_excluded: tuple[int | None, ...] = ()

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    @property
    def accounted(self) -> bool:
        """Every row read is counted, outside the year, undated and excluded, not a complaint, or rejected."""
        return (
            self.included
            + len(self.outside_year)
            + len(self.undated_excluded)
            + len(self.not_complaints)
            + self.rows_rejected
            == self.rows_read
        )


@attrs.frozen(kw_only=True)
class PreviousYear:
    """The previous year's figures, for comparison."""

    year: int
    total: int
    #: Per category, when a register or a figures file gave them; ``None`` otherwise.
    categories: Counts | None = None
    #: Per location (the names as that year's register or figures file wrote them); ``None``: not given.
    locations: Counts | None = None
    #: Disputes at the Geschillencommissie that year; ``None``: not given.
    gck_disputes: int | None = None
    #: Children served that year; ``None``: not given.
    children_served: int | None = None

    @property
    def share_of_children(self) -> float | None:
        """That year's complaints per child served, as a fraction; ``None`` when not known."""
        if not self.children_served:
            return None
        return self.total / self.children_served

    def category_count(self, category: str | None) -> int | None:
        """That year's complaints in ``category``; ``None`` when not known (see :meth:`_given`)."""
        return self._given(self.categories, category)

    def location_count(self, location: str | None) -> int | None:
        """That year's complaints at ``location``; ``None`` when not known (see :meth:`_given`)."""
        return self._given(self.locations, location)

    def _given(self, given: Counts | None, name: str | None) -> int | None:
        """A name's count as given; a name not given is 0 only when the given counts add up to the
        total (a register, or a figures file that splits the whole total). A figures file that gives
        some categories or locations (``total = 538`` with one category) says nothing about the
        others: ``None``, shown as 'not given', never a guessed 0.
        """
        if given is None:
            return None
        counts = dict(given)
        if name in counts:
            return counts[name]
        return 0 if sum(counts.values()) == self.total else None


@attrs.frozen(kw_only=True)
class ReportEntry:
    """One complaint in the optional list (``include_descriptions=True``): redacted text only."""

    row: int | None
    location: str | None
    organisation: str | None
    category: str | None
    verdict: str | None
    #: Redacted (lid 5). ``None``: no text in the register.
    description: str | None
    summary: str | None
    measures: tuple[str, ...] = ()


class ReviewKind(enum.StrEnum):
    """Why a published cell could identify a person (lid 5): one review note each."""

    #: A category name holds what the redactor takes for personal data (a party's name, a name after
    #: a form of address, an e-mail address, a phone number, ...).
    PERSONAL_DATA_IN_CATEGORY = "personal_data_in_category"
    #: A location name shown in the report holds it (street addresses are lid 6's, counted apart).
    PERSONAL_DATA_IN_LOCATION = "personal_data_in_location"
    #: A Geschillencommissie subject holds it.
    PERSONAL_DATA_IN_SUBJECT = "personal_data_in_subject"
    #: A location with a single complaint, shown with its category and verdict (a small cell).
    SINGLE_COMPLAINT_LOCATION = "single_complaint_location"


@attrs.frozen(kw_only=True)
class ReidentificationWarning:
    """A published cell that could identify a person: for the provider to review before publishing.

    Says which kind of cell and which row feeds it, never the cell's text (the warning itself must
    not spread what it warns about).
    """

    kind: ReviewKind
    #: The redactor's tags for what was found (``naam``, ``telefoon``, ...); empty for a small cell.
    found: tuple[str, ...] = ()
    #: The file whose rows feed the cell: ``register``, ``previous`` or ``geschillen``.
    source: str = "register"
    #: The first row that feeds the cell (the file's line number), and how many rows feed it.
    row: int | None
    rows: int

    def message(self, lang: str = "nl") -> str:
        """The note in ``lang`` (``messages/report.toml``, ``REPORT_REVIEW_...``)."""
        found = ", ".join(
            text(f"REPORT_REVIEW_FOUND_{tag.upper().replace('-', '_')}", lang) for tag in self.found
        )
        return text(
            f"REPORT_REVIEW_{self.kind.upper()}",
            lang,
            found=found,
            source=text(f"REPORT_REVIEW_SOURCE_{self.source.upper()}", lang),
            row=self.row if self.row is not None else "?",
            rows=self.rows,
        )


@attrs.frozen(kw_only=True)
class ReviewNotes:
    """What the provider must review before publishing; never part of the published document.

    The Markdown and HTML reports do not show these; the JSON keeps them under ``review``, and the
    command line prints them on standard error.
    """

    reidentification: tuple[ReidentificationWarning, ...] = ()


@attrs.frozen(kw_only=True)
class AnnualReport:
    """The klachtenverslag over one year. Build it with :func:`klachtregels.report.build_report`."""

    year: int
    #: The organisation file, when given (name, description of the regulation, how parents were told).
    organisation: Organisation | None
    total: GroupStats
    by_organisation: tuple[GroupStats, ...]
    by_location: tuple[GroupStats, ...]
    #: ``(category, verdicts)`` over all locations, in the order of ``total.categories``.
    category_verdicts: tuple[tuple[str | None, VerdictSplit], ...]
    #: ``None``: no Geschillencommissie data was given (unknown, not zero).
    gck: GckSummary | None
    children_served: int | None
    previous: PreviousYear | None
    due: ReportDue
    data_quality: DataQuality
    include_descriptions: bool
    entries: tuple[ReportEntry, ...]
    citations: tuple[Citation, ...]
    library_version: str
    #: ``suppress_below``: category and verdict detail of a location with fewer complaints is
    #: suppressed (see :func:`klachtregels.report.build_report`); ``None``: nothing suppressed.
    suppress_below: int | None = None
    #: For the provider, not for publication.
    review: ReviewNotes = ReviewNotes()
    #: Where the nature of the measures comes from: ``"column"`` (the register's measure
    #: categories), ``"keywords"`` (the classification of the texts) or ``None`` (nothing to classify).
    measure_source: MeasureSource | None = None
    #: The classification's categories (key and labels) when ``measure_source`` is ``"keywords"``.
    measure_categories: tuple[MeasureCategory, ...] = ()

    def __repr__(self) -> str:
        """Short: year, complaints, locations, rows rejected, the last day, suppression."""
        from klachtregels.bulk._display import report_repr

        return report_repr(self)

    def _repr_html_(self) -> str:
        """Notebook display: the publishable HTML report with its charts, in a sandboxed frame."""
        from klachtregels.bulk._display import report_html

        return report_html(self)

    @property
    def share_of_children(self) -> float | None:
        """Complaints per child served, as a fraction (0.0071 is 0.71%). ``None`` when not known."""
        if self.children_served is None or self.children_served == 0:
            return None
        return self.total.total / self.children_served

    def to_dict(self) -> dict[str, Any]:
        """The data form: every field as plain JSON types, read back by :meth:`from_dict`.

        Not the published report (``klachtregels.annual-report``, :func:`klachtregels.report.render_json`),
        which also holds texts rendered in one language.
        """
        out: dict[str, Any] = convert.to_plain(self)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnnualReport:
        """Inverse of :meth:`to_dict` (:mod:`klachtregels.convert`: every problem, by path)."""
        return convert.structure(data, cls, what="annual report")
