"""The organisation file: what a provider says about itself, as TOML.

One file per provider (houder). It holds the facts the annual complaint report needs (R9: a short
description of the regulation, how parents were told about it, the locations) and the facts the
compliance checks K1-K9 need (regulation.md section 7). Every fact is optional: a key that is
absent is **unknown** (``None``), never ``False`` (style guide; the OpenFisca trap). A section
that is absent is a section whose facts are all unknown.

The format is documented in ``docs/report.md`` ("The organisation file"). A short example::

    name = "Kinderopvang De Voorbeeldtuin B.V."
    kind = "kindercentrum"
    lrk_numbers = ["123456789"]
    children_served = 240

    [[locations]]
    name = "KDV De Voorbeeldtuin"
    lrk = "123456789"
    kind = "kindercentrum"

    [regulation]
    adopted = true
    handling_term = "6 weeks"
    description = "Ouders dienen een klacht schriftelijk in bij ..."

    [[annual_reports]]
    year = 2024
    sent_to_ggd_on = 2025-05-28

Validation collects every problem (unknown keys included, so a typo is not silently an unknown
fact) and raises one :class:`~klachtregels.errors.InvalidInputError` naming each key.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from klachtregels.errors import InvalidInputError
from klachtregels.model import Location, ProviderKind

__all__ = [
    "AnnualReportRecord",
    "GeschillencommissieFacts",
    "MeldcodeFacts",
    "Organisation",
    "OudercommissieFacts",
    "RegulationFacts",
    "RegulationProvisions",
    "load_organisation",
    "parse_organisation",
]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class RegulationProvisions:
    """What the written regulation provides for (Wko 1.57b lid 2 a-f; check K2). ``None``: not known."""

    #: Complaints are submitted in writing (lid 2 a).
    written_submission: bool | None = None
    #: The complaint is investigated carefully (lid 2 b).
    careful_investigation: bool | None = None
    #: The parent is kept informed of the handling (lid 2 c).
    keeping_informed: bool | None = None
    #: The handling term as the regulation words it, kept as text ("6 weeks", "zes weken") (lid 2 d).
    handling_term: str | None = None
    #: A written, reasoned judgement (lid 2 e).
    reasoned_judgement: bool | None = None
    #: A concrete term for measures announced in the judgement (lid 2 f).
    concrete_term_for_measures: bool | None = None


@attrs.frozen(kw_only=True)
class RegulationFacts:
    """The internal complaint regulation (Wko 1.57b lid 1-3; checks K1-K3; report R9)."""

    #: A regulation for parents is adopted (lid 1).
    adopted: bool | None = None
    #: It is written down (lid 2).
    written: bool | None = None
    #: It covers conduct of the provider or its staff toward parent or child (lid 1 a).
    covers_conduct: bool | None = None
    #: It covers the agreement (lid 1 b).
    covers_agreement: bool | None = None
    provides: RegulationProvisions = attrs.field(factory=RegulationProvisions)
    #: A short description of the regulation, for the annual report (lid 4 a). Organisational text.
    description: str | None = None
    #: The regulation (and changes to it) is brought to parents' attention (lid 3; check K3).
    published_to_parents: bool | None = None
    #: How parents were told about it, for the report (lid 4 b) and check K3.
    how_parents_informed: str | None = None
    #: Where these facts come from (a document, seed lines); shown in the report's sources.
    source: str | None = None


@attrs.frozen(kw_only=True)
class GeschillencommissieFacts:
    """Geschillencommissie Kinderopvang (Wko 1.57c; checks K6, K7)."""

    affiliated: bool | None = None
    informs_parents: bool | None = None
    source: str | None = None


@attrs.frozen(kw_only=True)
class OudercommissieFacts:
    """The oudercommissie's advice and information (Wko 1.60 lid 1 e, lid 7; check K8)."""

    advised_on_regulation: bool | None = None
    informed_about_gck: bool | None = None
    source: str | None = None


@attrs.frozen(kw_only=True)
class MeldcodeFacts:
    """Meldcode and meldplicht (Wko 1.51a, 1.51b lid 5; check K9)."""

    adopted: bool | None = None
    promoted: bool | None = None
    staff_know_meldplicht: bool | None = None
    source: str | None = None


@attrs.frozen(kw_only=True)
class AnnualReportRecord:
    """An annual complaint report the provider made (Wko 1.57b lid 4-8; check K5)."""

    #: The year the report is about (not the year it was sent).
    year: int
    sent_to_ggd_on: dt.date | None = None
    made_known_to_parents: bool | None = None
    source: str | None = None


@attrs.frozen(kw_only=True)
class Organisation:
    """A provider (houder) as its organisation file describes it. Unknown facts are ``None``."""

    name: str
    kind: ProviderKind | None = None
    #: LRK numbers of the provider's registrations (9 digits each). ``()``: none given.
    lrk_numbers: tuple[str, ...] = ()
    #: Locations (name, LRK number, kind). ``()``: none listed (a report then takes them from the register).
    locations: tuple[Location, ...] = ()
    #: Children served in the report year, for 'complaints as a share of children'.
    children_served: int | None = None
    regulation: RegulationFacts = attrs.field(factory=RegulationFacts)
    geschillencommissie: GeschillencommissieFacts = attrs.field(factory=GeschillencommissieFacts)
    oudercommissie: OudercommissieFacts = attrs.field(factory=OudercommissieFacts)
    meldcode: MeldcodeFacts = attrs.field(factory=MeldcodeFacts)
    annual_reports: tuple[AnnualReportRecord, ...] = ()
    #: Where the top-level facts come from.
    source: str | None = None

    def location(self, name: str) -> Location | None:
        """The listed location with exactly this name, or ``None``."""
        for loc in self.locations:
            if loc.name == name:
                return loc
        return None

    def annual_report(self, year: int) -> AnnualReportRecord | None:
        """The recorded annual report about ``year``, or ``None``."""
        for rep in self.annual_reports:
            if rep.year == year:
                return rep
        return None


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------


class _Reader:
    """Reads typed values out of a TOML table, recording every problem with its dotted key."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def table(self, data: Mapping[str, Any], key: str, prefix: str) -> Mapping[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problems.append((prefix + key, f"expected a table [{prefix + key}], got {_kind(value)}"))
            return {}
        return value

    def unknown(self, data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
        for key in sorted(set(data) - allowed):
            self.problems.append((prefix + str(key), "unknown key (a typo? see docs/report.md)"))

    def get(
        self, data: Mapping[str, Any], key: str, prefix: str, conv: Callable[[Any], T], expected: str
    ) -> T | None:
        if key not in data:
            return None
        value = data[key]
        try:
            return conv(value)
        except (TypeError, ValueError):
            self.problems.append((prefix + key, f"expected {expected}, got {_kind(value)} {value!r}"))
            return None


def _kind(value: Any) -> str:
    return {dict: "a table", list: "an array", str: "a string", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    if not value.strip():
        raise ValueError
    return value.strip()


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError
    return value


def _year(value: Any) -> int:
    year = _int(value)
    if not 1900 <= year <= 2999:
        raise ValueError
    return year


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError


def _lrk(value: Any) -> str:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not (text.isdigit() and len(text) == 9):
        raise ValueError
    return text


def _kind_of(value: Any) -> ProviderKind:
    if not isinstance(value, str):
        raise TypeError
    return ProviderKind(value)


_KINDS = "one of: " + ", ".join(k.value for k in ProviderKind)
_BOOL = "true or false"
_TEXT = "a non-empty string"


def _facts(r: _Reader, data: Mapping[str, Any], prefix: str, bools: tuple[str, ...]) -> dict[str, Any]:
    r.unknown(data, {*bools, "source"}, prefix)
    out: dict[str, Any] = {name: r.get(data, name, prefix, _bool, _BOOL) for name in bools}
    out["source"] = r.get(data, "source", prefix, _text, _TEXT)
    return out


def parse_organisation(data: Mapping[str, Any], *, what: str = "organisation file") -> Organisation:
    """Build an :class:`Organisation` from parsed TOML (or any mapping of the same shape).

    Raises :class:`~klachtregels.errors.InvalidInputError` listing every problem, each with its key
    (``regulation.provides.handling_term``, ``locations[3].lrk``).
    """
    r = _Reader()
    top = {
        "name",
        "kind",
        "lrk_numbers",
        "children_served",
        "locations",
        "regulation",
        "geschillencommissie",
        "oudercommissie",
        "meldcode",
        "annual_reports",
        "source",
    }
    r.unknown(data, top, "")
    name = r.get(data, "name", "", _text, _TEXT)
    if "name" not in data:
        r.problems.append(("name", "is required (the provider's name)"))
    kind = r.get(data, "kind", "", _kind_of, _KINDS)

    lrk_numbers: list[str] = []
    raw_lrk = data.get("lrk_numbers", [])
    if not isinstance(raw_lrk, list):
        r.problems.append(("lrk_numbers", f"expected an array of 9-digit strings, got {_kind(raw_lrk)}"))
    else:
        for i, item in enumerate(raw_lrk):
            key = f"lrk_numbers[{i}]"
            value = r.get({key: item}, key, "", _lrk, "a 9-digit LRK number")
            if value is not None:
                lrk_numbers.append(value)

    locations: list[Location] = []
    raw_locs = data.get("locations", [])
    if not isinstance(raw_locs, list):
        r.problems.append(("locations", f"expected an array of tables [[locations]], got {_kind(raw_locs)}"))
    else:
        for i, item in enumerate(raw_locs):
            p = f"locations[{i}]."
            if not isinstance(item, Mapping):
                r.problems.append((p.rstrip("."), f"expected a table, got {_kind(item)}"))
                continue
            r.unknown(item, {"name", "lrk", "kind"}, p)
            loc_name = r.get(item, "name", p, _text, _TEXT)
            if "name" not in item:
                r.problems.append((p + "name", "is required"))
            lrk = r.get(item, "lrk", p, _lrk, "a 9-digit LRK number")
            loc_kind = r.get(item, "kind", p, _kind_of, _KINDS)
            if loc_name is not None:
                locations.append(Location(name=loc_name, lrk_number=lrk, kind=loc_kind))
    children = r.get(data, "children_served", "", _int, "a whole number >= 0")

    reg = r.table(data, "regulation", "")
    p = "regulation."
    r.unknown(
        reg,
        {
            "adopted",
            "written",
            "covers_conduct",
            "covers_agreement",
            "provides",
            "description",
            "published_to_parents",
            "how_parents_informed",
            "source",
        },
        p,
    )
    prov = r.table(reg, "provides", p)
    pp = "regulation.provides."
    prov_bools = (
        "written_submission",
        "careful_investigation",
        "keeping_informed",
        "reasoned_judgement",
        "concrete_term_for_measures",
    )
    r.unknown(prov, {*prov_bools, "handling_term"}, pp)
    provides = RegulationProvisions(
        handling_term=r.get(prov, "handling_term", pp, _text, _TEXT),
        **{k: r.get(prov, k, pp, _bool, _BOOL) for k in prov_bools},
    )
    regulation = RegulationFacts(
        adopted=r.get(reg, "adopted", p, _bool, _BOOL),
        written=r.get(reg, "written", p, _bool, _BOOL),
        covers_conduct=r.get(reg, "covers_conduct", p, _bool, _BOOL),
        covers_agreement=r.get(reg, "covers_agreement", p, _bool, _BOOL),
        provides=provides,
        description=r.get(reg, "description", p, _text, _TEXT),
        published_to_parents=r.get(reg, "published_to_parents", p, _bool, _BOOL),
        how_parents_informed=r.get(reg, "how_parents_informed", p, _text, _TEXT),
        source=r.get(reg, "source", p, _text, _TEXT),
    )
    gck = GeschillencommissieFacts(
        **_facts(
            r,
            r.table(data, "geschillencommissie", ""),
            "geschillencommissie.",
            ("affiliated", "informs_parents"),
        )
    )
    oc = OudercommissieFacts(
        **_facts(
            r,
            r.table(data, "oudercommissie", ""),
            "oudercommissie.",
            ("advised_on_regulation", "informed_about_gck"),
        )
    )
    meldcode = MeldcodeFacts(
        **_facts(
            r, r.table(data, "meldcode", ""), "meldcode.", ("adopted", "promoted", "staff_know_meldplicht")
        )
    )

    reports: list[AnnualReportRecord] = []
    raw_reports = data.get("annual_reports", [])
    if not isinstance(raw_reports, list):
        r.problems.append(
            ("annual_reports", f"expected an array of tables [[annual_reports]], got {_kind(raw_reports)}")
        )
    else:
        seen: set[int] = set()
        for i, item in enumerate(raw_reports):
            p = f"annual_reports[{i}]."
            if not isinstance(item, Mapping):
                r.problems.append((p.rstrip("."), f"expected a table, got {_kind(item)}"))
                continue
            r.unknown(item, {"year", "sent_to_ggd_on", "made_known_to_parents", "source"}, p)
            year = r.get(item, "year", p, _year, "a year such as 2025")
            if "year" not in item:
                r.problems.append((p + "year", "is required (the year the report is about)"))
            elif year is not None and year in seen:
                r.problems.append((p + "year", f"{year} is listed twice"))
            sent = r.get(item, "sent_to_ggd_on", p, _date, "a date (2026-05-29)")
            if year is not None and sent is not None and sent.year <= year:
                r.problems.append((p + "sent_to_ggd_on", f"{sent} is not after the report year {year}"))
            made_known = r.get(item, "made_known_to_parents", p, _bool, _BOOL)
            src = r.get(item, "source", p, _text, _TEXT)
            if year is not None:
                seen.add(year)
                reports.append(
                    AnnualReportRecord(
                        year=year, sent_to_ggd_on=sent, made_known_to_parents=made_known, source=src
                    )
                )
    source = r.get(data, "source", "", _text, _TEXT)

    if r.problems or name is None:
        raise InvalidInputError(what, r.problems)
    return Organisation(
        name=name,
        kind=kind,
        lrk_numbers=tuple(lrk_numbers),
        locations=tuple(locations),
        children_served=children,
        regulation=regulation,
        geschillencommissie=gck,
        oudercommissie=oc,
        meldcode=meldcode,
        annual_reports=tuple(sorted(reports, key=lambda x: x.year)),
        source=source,
    )


def load_organisation(path: str | Path) -> Organisation:
    """Read and validate an organisation file (TOML). See :func:`parse_organisation`.

    Raises :class:`~klachtregels.errors.InvalidInputError` for invalid TOML or facts (naming the
    key) and :class:`OSError` when the file cannot be read.
    """
    p = Path(path)
    what = f"organisation file {p.name}"
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInputError(what, [("", f"not valid TOML: {exc}")]) from None
    except UnicodeDecodeError:
        raise InvalidInputError(what, [("", "not UTF-8 text")]) from None
    return parse_organisation(data, what=what)
