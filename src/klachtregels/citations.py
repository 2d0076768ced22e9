"""Citations: where in the law (or a source document) a rule or a result rests.

A :class:`Citation` is data: the instrument, its BWB id, article, lid and sub, and a URL to the
consolidated text on wetten.overheid.nl. Rules, deadlines and findings carry tuples of them, so
docs, traces and messages are built from one source and cannot drift.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ATW",
    "ATW_1_1",
    "ATW_1_1_NOT_PRIVATE",
    "ATW_1_2",
    "ATW_2",
    "ATW_3",
    "ATW_3_1",
    "ATW_3_2",
    "ATW_3_3",
    "ATW_4",
    "BW3",
    "BW_3_37_3",
    "GCK_12M",
    "GCK_DIRECT",
    "GCK_EXCLUSIONS",
    "GCK_FIRST",
    "GCK_KLACHTENLOKET",
    "GCK_KLACHTGELD",
    "GCK_NO_GASTOUDER",
    "GCK_OC_DECISION",
    "GCK_OC_PROCEDURE",
    "GCK_OUDERCOMMISSIE",
    "GCK_PERSONAL_INJURY",
    "GCK_REGLEMENT",
    "KLACHTENLOKET",
    "KLACHTENLOKET_OPTIONAL",
    "MELDCODE_BESLUIT",
    "MELDCODE_BESLUIT_2",
    "WET_KINDEROPVANG",
    "WKO_1_1_OUDER",
    "WKO_1_51A",
    "WKO_1_51A_HOUSE_ROUTES",
    "WKO_1_51B",
    "WKO_1_51B_1",
    "WKO_1_51B_2",
    "WKO_1_51B_5",
    "WKO_1_51C",
    "WKO_1_57B_1",
    "WKO_1_57B_1A",
    "WKO_1_57B_1B",
    "WKO_1_57B_2",
    "WKO_1_57B_2A",
    "WKO_1_57B_2B",
    "WKO_1_57B_2C",
    "WKO_1_57B_2D",
    "WKO_1_57B_2E",
    "WKO_1_57B_2F",
    "WKO_1_57B_3",
    "WKO_1_57B_3_HOUSE_TERMS",
    "WKO_1_57B_4",
    "WKO_1_57B_5",
    "WKO_1_57B_8",
    "WKO_1_57B_9",
    "WKO_1_57B_WVPO",
    "WKO_1_57C_1",
    "WKO_1_57C_1A",
    "WKO_1_57C_1B",
    "WKO_1_57C_2",
    "WKO_1_57D",
    "WKO_1_58",
    "WKO_1_60",
    "WKO_1_60_1",
    "WKO_1_60_1E",
    "WKO_1_60_1F",
    "WKO_1_60_1_SUB",
    "WKO_1_60_2",
    "WKO_1_60_5",
    "WKO_1_60_7",
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
#: The Klachtenloket Kinderopvang's own published information about its role (R26; seed 002).
KLACHTENLOKET = Instrument(
    short="Klachtenloket Kinderopvang",
    title="Klachtenloket Kinderopvang: over het Klachtenloket (werkwijze)",
    bwb_id=None,
    url="https://www.klachtenloket-kinderopvang.nl/over-ons/",
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
        from klachtregels import messages  # text is loaded when a label is read, not when cited

        parts = [self.instrument.short]
        if self.article is not None:
            parts.append(f"art. {self.article}")
        if self.lid is not None:
            parts.append(messages.text("CITATION_LID", lang, lid=self.lid))
        if self.sub is not None:
            parts.append(messages.text("CITATION_SUB", lang, sub=self.sub))
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


# --- Every provision klachtregels cites, defined once ---------------------------------------------
# Import these instead of calling :func:`cite` in a rule, a check or a report: one provision, one
# object, so a correction (a renumbered lid, a note) is made in one place.

#: Wko art. 1.1 lid 1: the definition of 'ouder' (R3).
WKO_1_1_OUDER = cite(WET_KINDEROPVANG, "1.1", 1, note="definition of 'ouder'")
#: Wko art. 1.51a: the meldcode (R27).
WKO_1_51A = cite(WET_KINDEROPVANG, "1.51a")
#: Wko art. 1.51a as the basis of the branch meldcode's house routes (R30).
WKO_1_51A_HOUSE_ROUTES = cite(
    WET_KINDEROPVANG, "1.51a", note="meldcode routes: branch meldcode kinderopvang (house practice, R30)"
)
#: Wko art. 1.51b: the meldplicht (R28), as a whole.
WKO_1_51B = cite(WET_KINDEROPVANG, "1.51b")
#: Wko art. 1.51b lid 1: consult the vertrouwensinspecteur (R28).
WKO_1_51B_1 = cite(WET_KINDEROPVANG, "1.51b", 1)
#: Wko art. 1.51b lid 2: report to the police on a reasonable suspicion (R28).
WKO_1_51B_2 = cite(WET_KINDEROPVANG, "1.51b", 2)
#: Wko art. 1.51c: the provider is the suspect (R28).
WKO_1_51C = cite(WET_KINDEROPVANG, "1.51c")
#: Wko art. 1.57b as in force from 2016-01-01 (R1, Wet versterking positie ouders).
WKO_1_57B_WVPO = cite(
    WET_KINDEROPVANG, "1.57b", note="in force from 2016-01-01 (Wet versterking positie ouders)"
)
#: Wko art. 1.57b lid 1: the complaint regulation and what a complaint is about (R2, R3).
WKO_1_57B_1 = cite(WET_KINDEROPVANG, "1.57b", 1)
#: Wko art. 1.57b lid 1 sub a: conduct (R4).
WKO_1_57B_1A = cite(WET_KINDEROPVANG, "1.57b", 1, "a")
#: Wko art. 1.57b lid 1 sub b: the agreement (R4).
WKO_1_57B_1B = cite(WET_KINDEROPVANG, "1.57b", 1, "b")
#: Wko art. 1.57b lid 2 sub a: the complaint is submitted in writing (R5).
WKO_1_57B_2A = cite(WET_KINDEROPVANG, "1.57b", 2, "a")
#: Wko art. 1.57b lid 2 sub b: careful investigation (R6).
WKO_1_57B_2B = cite(WET_KINDEROPVANG, "1.57b", 2, "b")
#: Wko art. 1.57b lid 2 sub c: the parent kept informed (R6).
WKO_1_57B_2C = cite(WET_KINDEROPVANG, "1.57b", 2, "c")
#: Wko art. 1.57b lid 2 sub d: handled within six weeks (R12).
WKO_1_57B_2D = cite(WET_KINDEROPVANG, "1.57b", 2, "d")
#: Wko art. 1.57b lid 2 sub e: a written, reasoned judgement (R6).
WKO_1_57B_2E = cite(WET_KINDEROPVANG, "1.57b", 2, "e")
#: Wko art. 1.57b lid 2 sub f: a concrete term for measures (R6).
WKO_1_57B_2F = cite(WET_KINDEROPVANG, "1.57b", 2, "f")
#: Wko art. 1.57b lid 3 as the basis of the provider's own regulation and its house terms (R7, R17).
WKO_1_57B_3_HOUSE_TERMS = cite(
    WET_KINDEROPVANG, "1.57b", 3, note="the provider's own regulation (house terms, R7, R17)"
)
#: Wko art. 1.57b lid 4: the annual report's contents, complaints per location (R9; registration).
WKO_1_57B_4 = cite(WET_KINDEROPVANG, "1.57b", 4)
#: Wko art. 1.57b lid 5: no natural person traceable in the annual report (R9).
WKO_1_57B_5 = cite(WET_KINDEROPVANG, "1.57b", 5)
#: Wko art. 1.57d: confidentiality for everyone carrying out 1.57b and 1.57c (R10).
WKO_1_57D = cite(WET_KINDEROPVANG, "1.57d")
#: Wko art. 1.57b lid 8: the annual complaint report (R9).
WKO_1_57B_8 = cite(WET_KINDEROPVANG, "1.57b", 8)
#: Wko art. 1.57c lid 1 sub a: the parent's dispute with the Geschillencommissie (R20).
WKO_1_57C_1A = cite(WET_KINDEROPVANG, "1.57c", 1, "a")
#: Wko art. 1.57c lid 1 sub b: the oudercommissie's dispute (R25).
WKO_1_57C_1B = cite(WET_KINDEROPVANG, "1.57c", 1, "b")
#: Wko art. 1.51b lid 5: staff know the meldplicht procedure (R28; K9).
WKO_1_51B_5 = cite(WET_KINDEROPVANG, "1.51b", 5)
#: Wko art. 1.57b lid 2: what the regulation must provide, a-f (R6; K2).
WKO_1_57B_2 = cite(WET_KINDEROPVANG, "1.57b", 2)
#: Wko art. 1.57b lid 3: the regulation brought to parents' attention and followed (R7; K3, K4).
WKO_1_57B_3 = cite(WET_KINDEROPVANG, "1.57b", 3)
#: Wko art. 1.57b lid 9: no report over a year without complaints (R9).
WKO_1_57B_9 = cite(WET_KINDEROPVANG, "1.57b", 9)
#: Wko art. 1.57c lid 1: affiliated with the Geschillencommissie (R11; K6).
WKO_1_57C_1 = cite(WET_KINDEROPVANG, "1.57c", 1)
#: Wko art. 1.57c lid 2: parents informed of the Geschillencommissie (R11; K7).
WKO_1_57C_2 = cite(WET_KINDEROPVANG, "1.57c", 2)
#: Wko art. 1.58: the oudercommissie set up; a provider with at most 50 children (or gastouders) may be
#: exempt (regulation.md section 2 item 6; K8).
WKO_1_58 = cite(WET_KINDEROPVANG, "1.58")
#: Wko art. 1.60 lid 1 sub e: the oudercommissie advises on the complaint regulation (R8; K8).
WKO_1_60_1E = cite(WET_KINDEROPVANG, "1.60", 1, "e")
#: Wko art. 1.60 lid 1: the subjects of the oudercommissie's advisory right, a-f (R8, R25).
WKO_1_60_1 = cite(WET_KINDEROPVANG, "1.60", 1)
#: Wko art. 1.60 lid 1 sub f: the oudercommissie advises on a change of the price (R25).
WKO_1_60_1F = cite(WET_KINDEROPVANG, "1.60", 1, "f")
#: Wko art. 1.60 lid 1 by letter, a-f: the subject of the oudercommissie's advice (R8, R25; the letters
#: of :class:`klachtregels.model.AdviceSubject`).
WKO_1_60_1_SUB: Mapping[str, Citation] = MappingProxyType(
    {
        "a": cite(WET_KINDEROPVANG, "1.60", 1, "a"),
        "b": cite(WET_KINDEROPVANG, "1.60", 1, "b"),
        "c": cite(WET_KINDEROPVANG, "1.60", 1, "c"),
        "d": cite(WET_KINDEROPVANG, "1.60", 1, "d"),
        "e": WKO_1_60_1E,
        "f": WKO_1_60_1F,
    }
)
#: Wko art. 1.60 lid 5: the information the oudercommissie reasonably needs, in time (R25).
WKO_1_60_5 = cite(WET_KINDEROPVANG, "1.60", 5)
#: Wko art. 1.60 lid 7: the oudercommissie informed (R8; K8).
WKO_1_60_7 = cite(WET_KINDEROPVANG, "1.60", 7)
#: Wko art. 1.60: the oudercommissie's advisory right (R25).
WKO_1_60 = cite(WET_KINDEROPVANG, "1.60")
#: Wko art. 1.60 lid 2: advice within the set term (R25).
WKO_1_60_2 = cite(WET_KINDEROPVANG, "1.60", 2)

#: Atw art. 1 lid 1: a statutory term ending on a non-working day is extended (R13).
ATW_1_1 = cite(ATW, "1", 1)
#: Atw art. 1 lid 1, noted as not applying to private (house) terms (R17).
ATW_1_1_NOT_PRIVATE = cite(ATW, "1", 1, note="not for private terms (R17)")
#: Atw art. 1 lid 2.
ATW_1_2 = cite(ATW, "1", 2)
#: Atw art. 2: at least two working days.
ATW_2 = cite(ATW, "2")
#: Atw art. 3: the general holidays.
ATW_3 = cite(ATW, "3")
#: Atw art. 3 lid 1.
ATW_3_1 = cite(ATW, "3", 1)
#: Atw art. 3 lid 2.
ATW_3_2 = cite(ATW, "3", 2)
#: Atw art. 3 lid 3: days equated by Royal Decree (A2).
ATW_3_3 = cite(ATW, "3", 3)
#: Atw art. 4.
ATW_4 = cite(ATW, "4")

#: Besluit verplichte meldcode art. 2 (R27).
MELDCODE_BESLUIT_2 = cite(MELDCODE_BESLUIT, "2")

#: GCK: the internal complaint first (R20).
GCK_FIRST = cite(GCK_REGLEMENT, note="internal complaint first (GCK-first, 2024, ref 222631/235358)")
#: GCK: direct access without a timely judgement, or when not reasonably required (R20 i/ii).
GCK_DIRECT = cite(GCK_REGLEMENT, note="direct access: no timely judgement, or not reasonably required")
#: GCK: the twelve-month filing term (R21), applied at the provider's request unless excusable.
GCK_12M = cite(
    GCK_REGLEMENT,
    note=(
        "12-month filing term, applied at the provider's request, not when the delay is excusable "
        "(GCK rulings 2019 ref 2018-115525; 2024 refs 223112/236924, 239319/250228)"
    ),
)
#: GCK: the klachtgeld a parent pays, set by the commission (R22, A14).
GCK_KLACHTGELD = cite(GCK_REGLEMENT, note="klachtgeld (KLACHTGELD)")
#: GCK: a dispute the provider starts needs the parent's consent (R23).
GCK_PROVIDER_DISPUTE = cite(
    GCK_REGLEMENT, note="a dispute the provider starts: the parent's consent, five weeks to answer (R23)"
)
#: GCK: exclusions (R24).
GCK_EXCLUSIONS = cite(GCK_REGLEMENT, note="exclusions (provider summaries; verify against the reglement)")
#: GCK: no damages for death, injury or illness, as the commission applied its reglement (R24, A15).
GCK_PERSONAL_INJURY = cite(
    GCK_REGLEMENT,
    note=(
        "personal-injury damages excluded, confirmed in GCK rulings 2022 (refs 175806/185000, 170660/175948)"
    ),
)
#: GCK: no disputes against a gastouder personally (R2).
GCK_NO_GASTOUDER = cite(GCK_REGLEMENT, note="GCK-site: no disputes against a gastouder personally")
#: GCK: the oudercommissie's disputes (R25).
GCK_OUDERCOMMISSIE = cite(GCK_REGLEMENT, note="oudercommissie disputes (GCK rulings 2021-2023)")
#: GCK: a decision is tested only against advice given in time (R25).
GCK_OC_DECISION = cite(
    GCK_REGLEMENT, note="decision tested only against timely advice (GCK 2023, ref 200955/213266)"
)
#: GCK: a dispute about the advice procedure is heard without advice (R25).
GCK_OC_PROCEDURE = cite(
    GCK_REGLEMENT,
    note=(
        "advice procedure disputes heard without advice; a 'technical correction' raising the price "
        "is a price change (GCK 2023, refs 200955/213266, 202374/205334, 198021/202468)"
    ),
)
#: The Klachtenloket Kinderopvang is optional (R26): its own published information (seed 002).
KLACHTENLOKET_OPTIONAL = cite(
    KLACHTENLOKET, note="optional, free, independent of the Geschillencommissie (KLOKET)"
)
#: Kept for callers of the earlier name: the same citation as :data:`KLACHTENLOKET_OPTIONAL`.
GCK_KLACHTENLOKET = KLACHTENLOKET_OPTIONAL

#: BW art. 3:37 lid 3: a statement takes effect when it reaches its addressee (filing = receipt, R12, A4).
BW_3_37_3 = cite(BW3, "3:37", 3)
