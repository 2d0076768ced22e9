"""The sections and their order of the two documents made from one report: defined here once.

The **published report** (for the GGD and parents; :func:`sections`) holds what Wko art. 1.57b
lid 4-9 asks for and nothing else: headline figures, lid 4 a-b (the regulation), lid 4 c (nature,
judgements and measures, per organisation), lid 4 d (Geschillencommissie), lid 4 c per location,
the redacted descriptions when asked for, and the legal basis as articles.

The **review notes** (for the provider only; :func:`review_sections`) hold everything else: what
blocks publication, when and how to send it, cells that could identify a person, open legal points
and verification flags, the accounting for every row read, and the sources.

Markdown and HTML walk these lists and look up how to draw each section; neither has an order of
its own.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

from klachtregels.messages import text

if TYPE_CHECKING:
    from klachtregels.report.model import AnnualReport

__all__ = [
    "REVIEW_ORDER",
    "SECTION_ORDER",
    "ReviewSection",
    "Section",
    "sections",
    "several_organisations",
]


class Section(enum.StrEnum):
    """One section of the annual report; its value is its id in the rendered output."""

    HEADLINE = "headline"
    REGULATION = "regulation"
    NATURE = "nature"
    JUDGEMENTS = "judgements"
    ORGANISATIONS = "organisations"
    GCK = "gck"
    LOCATIONS = "locations"
    ENTRIES = "entries"
    LEGAL_BASIS = "legal-basis"

    def heading(self, lang: str = "nl") -> str:
        """The section's heading in ``lang``."""
        return text(_HEADINGS[self], lang)


_HEADINGS: Final = {
    Section.HEADLINE: "REPORT_HEADLINE",
    Section.REGULATION: "REPORT_REGULATION",
    Section.NATURE: "REPORT_NATURE",
    Section.JUDGEMENTS: "REPORT_JUDGEMENTS_MEASURES",
    Section.ORGANISATIONS: "REPORT_ORGANISATIONS",
    Section.GCK: "REPORT_GCK",
    Section.LOCATIONS: "REPORT_PER_LOCATION",
    Section.ENTRIES: "REPORT_ENTRIES",
    Section.LEGAL_BASIS: "REPORT_LEGAL_BASIS",
}

#: The one order of the published report's sections (lid 4 a-d, then the legal basis).
SECTION_ORDER: Final[tuple[Section, ...]] = (
    Section.HEADLINE,
    Section.REGULATION,
    Section.NATURE,
    Section.JUDGEMENTS,
    Section.ORGANISATIONS,
    Section.GCK,
    Section.LOCATIONS,
    Section.ENTRIES,
    Section.LEGAL_BASIS,
)


def several_organisations(report: AnnualReport) -> bool:
    """Whether the report covers more than one organisation (legal entity) in its register.

    With one (or none recorded) the split per organisation says nothing the total does not, so the
    published report leaves it out (its title names the provider).
    """
    return len(report.by_organisation) > 1


def _present(section: Section, report: AnnualReport) -> bool:
    """Per organisation only with more than one organisation; entries only when asked for."""
    if section is Section.ORGANISATIONS:
        return several_organisations(report)
    if section is Section.ENTRIES:
        return report.include_descriptions
    return True


def sections(report: AnnualReport) -> tuple[Section, ...]:
    """The sections ``report`` has, in :data:`SECTION_ORDER`."""
    from klachtregels._arguments import report_argument

    report_argument(report)
    return tuple(s for s in SECTION_ORDER if _present(s, report))


class ReviewSection(enum.StrEnum):
    """One section of the review notes (never published); its value is its id in the output."""

    BLOCKING = "blocking"
    SEND = "send"
    CHECK = "check"
    LEGAL_POINTS = "legal-points"
    DATA_QUALITY = "data-quality"
    SOURCES = "sources"

    def heading(self, lang: str = "nl") -> str:
        """The section's heading in ``lang``."""
        return text(f"REVIEW_SECTION_{self.name}", lang)


#: The one order of the review notes: first what stops publication, then what to do and check.
#: Every report has every section (one that is empty says so).
REVIEW_ORDER: Final[tuple[ReviewSection, ...]] = tuple(ReviewSection)
