"""Citations: where in the law (or a source document) a rule or a result rests.

A :class:`Citation` is data: the instrument, its BWB id, article, lid and sub, and a URL to the
consolidated text on wetten.overheid.nl. Rules, deadlines and findings carry tuples of them, so
docs, traces and messages are built from one source and cannot drift.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "ATW",
    "BW3",
    "GCK_REGLEMENT",
    "MELDCODE_BESLUIT",
    "WET_KINDEROPVANG",
    "Citation",
    "Instrument",
    "cite",
]


@attrs.frozen(kw_only=True)
class Instrument:
    """A legal instrument (statute, decree, reglement) or a source document."""

    #: Short name, as lawyers write it ("Wko", "Atw").
    short: str
    #: Full Dutch title.
    title: str
    #: The BWB identifier on wetten.overheid.nl, or ``None`` for private documents.
    bwb_id: str | None = None
    #: Where its consolidated text lives; ``None`` when there is no public consolidated text.
    url: str | None = None


WET_KINDEROPVANG = Instrument(
    short="Wko",
    title="Wet kinderopvang",
    bwb_id="BWBR0017017",
    url="https://wetten.overheid.nl/BWBR0017017",
)
ATW = Instrument(
    short="Atw",
    title="Algemene termijnenwet",
    bwb_id="BWBR0002448",
    url="https://wetten.overheid.nl/BWBR0002448",
)
MELDCODE_BESLUIT = Instrument(
    short="Besluit meldcode",
    title="Besluit verplichte meldcode huiselijk geweld en kindermishandeling",
    bwb_id="BWBR0033723",
    url="https://wetten.overheid.nl/BWBR0033723",
)
BW3 = Instrument(
    short="BW",
    title="Burgerlijk Wetboek Boek 3",
    bwb_id="BWBR0005291",
    url="https://wetten.overheid.nl/BWBR0005291",
)
GCK_REGLEMENT = Instrument(
    short="GCK-reglement",
    title="Reglement Geschillencommissie Kinderopvang",
    bwb_id=None,
    url="https://www.degeschillencommissie.nl/over-ons/commissies/kinderopvang/",
)


@attrs.frozen(kw_only=True)
class Citation:
    """One place in an instrument: article, and optionally lid and sub-paragraph."""

    instrument: Instrument
    #: Article number as printed ("1.57b", "3").
    article: str | None = None
    lid: int | None = None
    #: Sub-paragraph letter or number ("d", "b").
    sub: str | None = None
    #: Free note, such as the source id in regulation.md ("GCK-first") or "secondary source".
    note: str | None = None

    @property
    def url(self) -> str | None:
        """A deep link to the article on wetten.overheid.nl, where the instrument has one."""
        base = self.instrument.url
        if base is None or self.instrument.bwb_id is None or self.article is None:
            return base
        if ":" in self.article:  # book:article (BW): the site anchors these per title; link the book
            return base
        return f"{base}#Artikel{self.article}"

    def label(self, lang: str = "nl") -> str:
        """Render as a lawyer would: ``Wko art. 1.57b lid 2 sub d`` (``para.``/``under`` in English)."""
        parts = [self.instrument.short]
        if self.article is not None:
            parts.append(f"art. {self.article}")
        if self.lid is not None:
            parts.append(f"lid {self.lid}" if lang == "nl" else f"para. {self.lid}")
        if self.sub is not None:
            parts.append(f"sub {self.sub}" if lang == "nl" else f"under {self.sub}")
        return " ".join(parts)

    def __str__(self) -> str:
        return self.label("nl")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (stable keys: law, bwb_id, article, lid, sub, url, label, note)."""
        return {
            "law": self.instrument.title,
            "bwb_id": self.instrument.bwb_id,
            "article": self.article,
            "lid": self.lid,
            "sub": self.sub,
            "url": self.url,
            "label": self.label("nl"),
            "note": self.note,
        }


def cite(
    instrument: Instrument,
    article: str | None = None,
    lid: int | None = None,
    sub: str | None = None,
    *,
    note: str | None = None,
) -> Citation:
    """Shorthand: ``cite(WET_KINDEROPVANG, "1.57b", 2, "d")``."""
    return Citation(instrument=instrument, article=article, lid=lid, sub=sub, note=note)
