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
fact) and raises one :class:`~klachtregels.errors.InvalidInputError` naming each key. A file that
contradicts itself (a fact given as true that presupposes one the file gives as false, such as a
regulation brought to parents' attention when none was adopted) is refused the same way, every
contradictory pair at once and with the file's other problems: the pairs are data, :data:`CONTRADICTIONS`.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - read at runtime by typing.get_type_hints (convert)
import functools
import operator
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final

import attrs

from klachtregels import convert
from klachtregels._arguments import path_argument
from klachtregels._io import read_toml_file
from klachtregels._time import local_day
from klachtregels.errors import InvalidInputError
from klachtregels.model import Location, LrkNumber, Provider, ProviderKind

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "CONTRADICTIONS",
    "AnnualReportRecord",
    "Contradiction",
    "GeschillencommissieFacts",
    "MeldcodeFacts",
    "Organisation",
    "OudercommissieFacts",
    "RegulationFacts",
    "RegulationProvisions",
    "load_organisation",
    "parse_organisation",
]


def _not_blank(value: str) -> str | None:
    return "must not be empty" if not value.strip() else None


def _at_least_zero(value: int) -> str | None:
    return "must be 0 or more" if value < 0 else None


def _plausible_year(value: int) -> str | None:
    return None if 1900 <= value <= 2999 else "not a year such as 2025"


#: Organisational text (descriptions, sources): a non-empty string.
Text = Annotated[str, convert.Check(_not_blank)]
#: The provider's name: non-empty, no invisible character (:func:`klachtregels.convert.invisible_problem`).
Name = Annotated[str, convert.Check(_not_blank), convert.Check(convert.invisible_problem)]


@attrs.frozen(kw_only=True)
class Contradiction:
    """A fact of the organisation file that presupposes another: given as true while the fact it
    presupposes is given as false, the file contradicts itself and is refused (bad input), never read
    as a failed K item. Both facts are dotted keys of the file, in the same section."""

    #: The fact that presupposes ``premise`` (``regulation.published_to_parents``): the key a refusal names.
    fact: str
    #: The fact it presupposes (``regulation.adopted``).
    premise: str
    #: The item of regulation.md section 7 both facts belong to (``K3``).
    item: str
    #: The problem's code in ``messages/input.toml``: the kind of contradiction, never a value.
    problem: str


_REGULATION_ADOPTED = "regulation.adopted"
_PROVISIONS = (
    "written_submission",
    "careful_investigation",
    "keeping_informed",
    "reasoned_judgement",
    "concrete_term_for_measures",
)

CONTRADICTIONS: Final[tuple[Contradiction, ...]] = (
    Contradiction(
        fact="regulation.covers_conduct",
        premise=_REGULATION_ADOPTED,
        item="K1",
        problem="INPUT_COVERS_CONDUCT_WITHOUT_REGULATION",
    ),
    Contradiction(
        fact="regulation.covers_agreement",
        premise=_REGULATION_ADOPTED,
        item="K1",
        problem="INPUT_COVERS_AGREEMENT_WITHOUT_REGULATION",
    ),
    Contradiction(
        fact="regulation.written",
        premise=_REGULATION_ADOPTED,
        item="K2",
        problem="INPUT_WRITTEN_WITHOUT_REGULATION",
    ),
    *(
        Contradiction(
            fact=f"regulation.provides.{name}",
            premise=_REGULATION_ADOPTED,
            item="K2",
            problem="INPUT_PROVIDES_WITHOUT_REGULATION",
        )
        for name in _PROVISIONS
    ),
    Contradiction(
        fact="regulation.published_to_parents",
        premise=_REGULATION_ADOPTED,
        item="K3",
        problem="INPUT_PUBLISHED_WITHOUT_REGULATION",
    ),
    *(
        Contradiction(
            fact=f"oudercommissie.{name}",
            premise="oudercommissie.established",
            item="K8",
            problem="INPUT_OUDERCOMMISSIE_FACT_WITHOUT_OUDERCOMMISSIE",
        )
        for name in ("advised_on_regulation", "informed_about_gck")
    ),
    Contradiction(
        fact="meldcode.promoted",
        premise="meldcode.adopted",
        item="K9",
        problem="INPUT_PROMOTED_WITHOUT_MELDCODE",
    ),
)
"""Every contradiction the organisation file can hold, in one place; each pair with the item of
regulation.md section 7 it belongs to:

* K1 (Wko 1.57b lid 1; R2, R4): ``regulation.covers_conduct`` and ``regulation.covers_agreement`` say
  what the regulation covers (lid 1 a, b): they presuppose a regulation, and ``regulation.adopted``
  says none was adopted.
* K2 (1.57b lid 2; R6): ``regulation.written`` says the regulation is written down, and each
  ``regulation.provides.*`` flag (lid 2 a, b, c, e, f) says what it provides for: each presupposes a
  regulation, which ``regulation.adopted`` denies.
* K3 (1.57b lid 3; R7): ``regulation.published_to_parents`` says the regulation was brought to
  parents' attention; none was adopted to bring.
* K8 (1.60 lid 1 e, lid 7; 1.58; R8): ``oudercommissie.advised_on_regulation`` and
  ``oudercommissie.informed_about_gck`` say what an oudercommissie did or was told;
  ``oudercommissie.established`` says there is none.
* K9 (1.51a; R27): ``meldcode.promoted`` says the meldcode is promoted; ``meldcode.adopted`` says
  there is none.

Only a fact given as true against one given as false: an unknown fact (absent) contradicts nothing,
and a fact given as false agrees with an absent regulation or meldcode (nothing is written, provided
for or brought to parents' attention). Not contradictions, so accepted:

* free text (``regulation.description``, ``regulation.how_parents_informed``,
  ``regulation.provides.handling_term``, every ``source``): the library does not read a text as a
  yes or no, and a text may itself say there is none (the annual report needs a description and
  how parents were told, R9 lid 4 a, b, also from a provider without a regulation);
* the regulation's provisions or publicity against ``regulation.written`` = false: lid 2 asks for
  both a written regulation and its provisions (K2), and one does not presuppose the other;
* ``meldcode.staff_know_meldplicht`` against ``meldcode.adopted`` = false: the meldplicht is the
  statute's (1.51b, R28), not the meldcode's (K9);
* ``geschillencommissie.informs_parents`` against ``affiliated`` = false (K6, K7; R11) and the
  oudercommissie's facts against either (K8; R8): being told of the Geschillencommissie route, or
  asked to advise on adopting a regulation, does not presuppose the affiliation or an adopted
  regulation;
* ``oudercommissie.exempt`` against ``established`` = true (K8; 1.58): a provider that may do without
  an oudercommissie may still have one, and K8 then reads the oudercommissie's facts;
* the annual report records (K5; R9): a report's year, its sending day and whether parents were told
  of it presuppose nothing else the file says (that the report was sent after its year is already
  checked, as is a year listed twice);
* the provider's own facts (name, kind, LRK numbers, locations, children served): they are no yes or
  no about a regulation or meldcode, and none presupposes another (a provider may hold locations of
  both kinds; ``lrk_numbers`` need not repeat every location's number).
"""


def _given(data: object, key: str) -> bool | None:
    """The yes or no the raw file ``data`` gives at the dotted ``key`` (read as the structuring layer
    reads it, :func:`klachtregels.convert.read_boolean`), or None: absent, not a yes or no, or under
    a section that is no table."""
    for part in key.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return convert.read_boolean(data) if data is not None else None


def _contradictions_beside(data: object, problems: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The contradictions (:data:`CONTRADICTIONS`) that a file refused for other problems also holds,
    and that those problems do not already name: each pair whose two facts are themselves valid yes or
    no values. A fact's own section is only built when all its fields are valid, so its contradictions
    would otherwise wait until every other problem in the section is fixed ("all problems at once")."""
    named = {path for path, _ in problems}
    found: list[tuple[str, str]] = []
    for pair in CONTRADICTIONS:
        if pair.fact in named or pair.premise in named:
            continue  # a fact that is itself wrong (or this contradiction, already reported)
        if _given(data, pair.fact) is True and _given(data, pair.premise) is False:
            found.append((pair.fact, convert.ProblemText(pair.problem)))
    return found


def _structure(data: Mapping[str, Any], *, what: str | None, converter: Any) -> Organisation:
    """:func:`klachtregels.convert.structure` of an organisation: every problem at once, the
    contradictions among the valid facts (:func:`_contradictions_beside`) with the other problems."""
    try:
        return convert.structure(data, Organisation, what=what, converter=converter)
    except InvalidInputError as exc:
        beside = _contradictions_beside(data, exc.problems)
        if not beside:
            raise
        raise InvalidInputError(exc.what, [*exc.problems, *beside]) from None


def _contradictions(instance: object, section: str, problems: list[tuple[str, str]]) -> None:
    """Add a problem for every pair of :data:`CONTRADICTIONS` in ``section`` that ``instance`` (that
    section's facts) holds, under its fact's key relative to the section (the structuring layer puts
    the section in front)."""
    prefix = f"{section}."
    for pair in CONTRADICTIONS:
        if not pair.fact.startswith(prefix):
            continue
        fact, premise = pair.fact.removeprefix(prefix), pair.premise.removeprefix(prefix)
        if operator.attrgetter(fact)(instance) is True and operator.attrgetter(premise)(instance) is False:
            problems.append((fact, convert.ProblemText(pair.problem)))


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
    handling_term: Text | None = None
    #: A written, reasoned judgement (lid 2 e).
    reasoned_judgement: bool | None = None
    #: A concrete term for measures announced in the judgement (lid 2 f).
    concrete_term_for_measures: bool | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "RegulationProvisions")


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
    description: Text | None = None
    #: The regulation (and changes to it) is brought to parents' attention (lid 3; check K3).
    published_to_parents: bool | None = None
    #: How parents were told about it, for the report (lid 4 b) and check K3.
    how_parents_informed: Text | None = None
    #: Where these facts come from (a document, seed lines); shown in the report's sources.
    source: Text | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "RegulationFacts", self._check)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _contradictions(self, "regulation", problems)


@attrs.frozen(kw_only=True)
class GeschillencommissieFacts:
    """Geschillencommissie Kinderopvang (Wko 1.57c; checks K6, K7)."""

    affiliated: bool | None = None
    informs_parents: bool | None = None
    source: Text | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "GeschillencommissieFacts")


@attrs.frozen(kw_only=True)
class OudercommissieFacts:
    """The oudercommissie's advice and information (Wko 1.60 lid 1 e, lid 7; check K8).

    A provider with at most 50 children in a kindercentrum (a gastouderbureau: at most 50 gastouders)
    may lawfully have no oudercommissie, when it made demonstrable efforts to set one up and involves
    parents in its policy in another way (Wko 1.58; regulation.md section 2 item 6). ``established``
    says whether there is an oudercommissie; ``exempt`` whether all three conditions of that exemption
    hold. K8's advice and information have no one to go to without an oudercommissie.
    """

    #: An oudercommissie has been set up (Wko 1.58). ``None``: not given (K8 then reads the advice
    #: and information facts as it always did).
    established: bool | None = None
    #: Without an oudercommissie: at most 50 children (or 50 gastouders), demonstrable efforts to set
    #: one up, and parents involved in another way (Wko 1.58). Read only when ``established`` is false.
    exempt: bool | None = None
    advised_on_regulation: bool | None = None
    informed_about_gck: bool | None = None
    source: Text | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "OudercommissieFacts", self._check)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _contradictions(self, "oudercommissie", problems)


@attrs.frozen(kw_only=True)
class MeldcodeFacts:
    """Meldcode and meldplicht (Wko 1.51a, 1.51b lid 5; check K9)."""

    adopted: bool | None = None
    promoted: bool | None = None
    staff_know_meldplicht: bool | None = None
    source: Text | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "MeldcodeFacts", self._check)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _contradictions(self, "meldcode", problems)


@attrs.frozen(kw_only=True)
class AnnualReportRecord:
    """An annual complaint report the provider made (Wko 1.57b lid 4-8; check K5)."""

    #: The year the report is about (not the year it was sent).
    year: Annotated[int, convert.Check(_plausible_year)]
    sent_to_ggd_on: dt.date | None = None
    made_known_to_parents: bool | None = None
    source: Text | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "annual report record", self._check)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        sent = self.sent_to_ggd_date
        if sent is not None and sent.year <= self.year:
            problems.append(("sent_to_ggd_on", "is not after the report year"))

    @functools.cached_property
    def sent_to_ggd_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``sent_to_ggd_on``."""
        return None if self.sent_to_ggd_on is None else local_day(self.sent_to_ggd_on)


@attrs.frozen(kw_only=True)
class Organisation:
    """A provider (houder) as its organisation file describes it. Unknown facts are ``None``."""

    name: Name
    kind: ProviderKind | None = None
    #: LRK numbers of the provider's registrations (9 digits each). ``()``: none given.
    lrk_numbers: tuple[LrkNumber, ...] = ()
    #: Locations (name, LRK number, kind). ``()``: none listed (a report then takes them from the register).
    locations: tuple[Location, ...] = ()
    #: Children served in the report year, for 'complaints as a share of children'.
    children_served: Annotated[int, convert.Check(_at_least_zero)] | None = None
    regulation: RegulationFacts = attrs.field(factory=RegulationFacts)
    geschillencommissie: GeschillencommissieFacts = attrs.field(factory=GeschillencommissieFacts)
    oudercommissie: OudercommissieFacts = attrs.field(factory=OudercommissieFacts)
    meldcode: MeldcodeFacts = attrs.field(factory=MeldcodeFacts)
    annual_reports: tuple[AnnualReportRecord, ...] = ()
    #: Where the top-level facts come from.
    source: Text | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "organisation", self._check)
        # Annual reports in year order (the report and check K5 read them so).
        ordered = tuple(sorted(self.annual_reports, key=lambda r: r.year))
        if ordered != self.annual_reports:
            object.__setattr__(self, "annual_reports", ordered)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        seen: set[int] = set()
        for i, record in enumerate(self.annual_reports):
            if record.year in seen:
                problems.append((f"annual_reports[{i}].year", "is listed twice"))
            seen.add(record.year)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Organisation:
        """Inverse of :meth:`to_dict` (the JSON form). For the TOML file use :func:`parse_organisation`."""
        return _structure(data, what=None, converter=convert.CONVERTER)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: plain JSON types; unknown facts stay ``None``."""
        out: dict[str, Any] = convert.to_plain(self)
        return out

    def location(self, name: str) -> Location | None:
        """The listed location with exactly this name, or ``None``."""
        for loc in self.locations:
            if loc.name == name:
                return loc
        return None

    def as_provider(self) -> Provider:
        """The facts of this file that the per-complaint rules read, as the
        :class:`~klachtregels.model.Provider` that :func:`klachtregels.decisions.assess` takes:
        ``has_regulation`` from ``[regulation] adopted`` (A12: ``NO_REGULATION``),
        ``gck_affiliated`` from ``[geschillencommissie] affiliated``, the kind and the locations.
        Whether the provider is a natural person is not in the file: unknown (``None``).
        ``klachtregels check --org`` builds it once per run, so each row's findings project the
        decision ``assess`` gives with the same provider.
        """
        return Provider(
            name=self.name,
            kind=self.kind,
            gck_affiliated=self.geschillencommissie.affiliated,
            has_regulation=self.regulation.adopted,
            locations=self.locations,
        )

    def annual_report(self, year: int) -> AnnualReportRecord | None:
        """The recorded annual report about ``year``, or ``None``."""
        for rep in self.annual_reports:
            if rep.year == year:
                return rep
        return None


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------


@functools.cache
def _file_converter() -> Any:
    """The structuring layer, with the organisation file's spelling (``lrk`` for a location's number)."""
    converter = convert.CONVERTER.copy()
    convert.register_keys(converter, Location, lrk_number="lrk")
    return converter


def parse_organisation(data: Mapping[str, Any], *, what: str = "organisation file") -> Organisation:
    """Build an :class:`Organisation` from parsed TOML (or any mapping of the same shape).

    Raises :class:`~klachtregels.errors.InvalidInputError` listing every problem, each with its key
    (``regulation.provides.handling_term``, ``locations[3].lrk``); unknown keys get a "did you mean".
    """
    return _structure(data, what=what, converter=_file_converter())


def load_organisation(path: str | Path) -> Organisation:
    """Read and validate an organisation file (TOML). See :func:`parse_organisation`.

    Raises :class:`~klachtregels.errors.InvalidInputError` for invalid TOML or facts (naming the
    key) and :class:`OSError` when the file cannot be read.
    """
    path = path_argument(path)
    what = f"organisation file {Path(path)}"
    return parse_organisation(read_toml_file(path, what), what=what)
