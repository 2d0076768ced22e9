"""The annual report's sections and their order: defined here once, for every renderer.

Markdown and HTML walk :func:`sections` and look up how to draw each :class:`Section`; neither
has an order of its own. The order follows the law: headline figures and the due date first, then
lid 4 a-b (the regulation), lid 4 c (nature, judgements and measures, per organisation), lid 4 d
(Geschillencommissie), lid 4 c per location, and the accounting for every row read.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

from klachtregels.messages import text

if TYPE_CHECKING:
    from klachtregels.report.model import AnnualReport

__all__ = ["SECTION_ORDER", "Section", "sections"]


class Section(enum.StrEnum):
    """One section of the annual report; its value is its id in the rendered output."""

    HEADLINE = "headline"
    REGULATION = "regulation"
    NATURE = "nature"
    JUDGEMENTS = "judgements"
    ORGANISATIONS = "organisations"
    GCK = "gck"
    LOCATIONS = "locations"
    DATA_QUALITY = "data-quality"
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
    Section.DATA_QUALITY: "REPORT_DATA_QUALITY",
    Section.ENTRIES: "REPORT_ENTRIES",
    Section.LEGAL_BASIS: "REPORT_LEGAL_BASIS",
}

#: The one order of the annual report's sections (lid 4 a-d, then the accounting and the legal basis).
SECTION_ORDER: Final[tuple[Section, ...]] = (
    Section.HEADLINE,
    Section.REGULATION,
    Section.NATURE,
    Section.JUDGEMENTS,
    Section.ORGANISATIONS,
    Section.GCK,
    Section.LOCATIONS,
    Section.DATA_QUALITY,
    Section.ENTRIES,
    Section.LEGAL_BASIS,
)


def _present(section: Section, report: AnnualReport) -> bool:
    """Per organisation only when the register names organisations; entries only when asked for."""
    if section is Section.ORGANISATIONS:
        return bool(report.by_organisation)
    if section is Section.ENTRIES:
        return report.include_descriptions
    return True


def sections(report: AnnualReport) -> tuple[Section, ...]:
    """The sections ``report`` has, in :data:`SECTION_ORDER`."""
    return tuple(s for s in SECTION_ORDER if _present(s, report))
