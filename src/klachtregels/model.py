"""Domain objects: who complains, about what, how it was handled.

All classes are frozen, keyword-only attrs classes, validated once on construction. A fact the
caller did not give is ``None`` (unknown), never a default: rules that need it answer
'undetermined' and name the fact (style guide; the OpenFisca trap). Validation collects every
problem and raises one :class:`~klachtregels.errors.InvalidInputError` listing them all.

Each class has ``to_dict()`` and ``from_dict()`` for the JSON form; the JSON Schema of that form
is published as ``klachtregels/schemas/complaint.schema.json`` (:func:`klachtregels.schema.complaint_schema`).

Personal data: :class:`Party` ``name`` and the free-text fields (``description``, measure
descriptions) are personal data. They appear in ``to_dict()`` (the caller's own data) but never in
``repr``, errors, logs or reports (unless a report is asked to include redacted descriptions).
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - read at runtime by typing.get_type_hints (convert)
import enum
import functools
import typing
from collections.abc import Iterable, Mapping  # noqa: TC003 - as above
from typing import Annotated, Any, ClassVar, TypeVar

import attrs

from klachtregels import convert
from klachtregels._time import local_day
from klachtregels.messages import Message

__all__ = [
    "WORDS",
    "About",
    "AdviceSubject",
    "Channel",
    "Complaint",
    "GckFiling",
    "GckOutcome",
    "Judgement",
    "Label",
    "Location",
    "LrkNumber",
    "Measure",
    "OudercommissieDispute",
    "Party",
    "PartyRole",
    "Provider",
    "ProviderKind",
    "RegisterRecord",
    "Signal",
    "SignalKind",
    "Subject",
    "Verdict",
]

T = TypeVar("T")


# --------------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------------


class PartyRole(enum.StrEnum):
    """Who a party is, in relation to the childcare (R3, A7)."""

    #: A parent: a blood relative in the ascending line (Wko art. 1.1 'ouder').
    PARENT = "parent"
    #: A foster parent (pleegouder): an 'ouder' by statute.
    FOSTER_PARENT = "foster_parent"
    #: A step-parent: an affinity relative in the ascending line, so an 'ouder' by statute (A7).
    STEP_PARENT = "step_parent"
    #: A grandparent: a blood relative in the ascending line, so an 'ouder' by statute (A7).
    GRANDPARENT = "grandparent"
    #: A parent who has applied but has no contract yet (A7: not covered by default).
    PROSPECTIVE_CLIENT = "prospective_client"
    #: A parent whose contract has ended (A7: eligible).
    FORMER_CLIENT = "former_client"
    #: A carer (verzorger): named by house regulations ("ouders/verzorgers") and the Klachtenloket,
    #: not by Wko art. 1.1. An 'ouder' only if also a relative in the ascending line or a foster
    #: parent; otherwise the house regulation decides (R3, A7: policy ``include_carers``).
    CARER = "carer"
    #: A guardian or other legal representative (voogd, BW 1:245 ff.): not named by Wko art. 1.1.
    #: An 'ouder' only if also a relative in the ascending line or a foster parent (R3, A7: policy
    #: ``include_guardians``).
    GUARDIAN = "guardian"
    #: The oudercommissie: its own dispute route (R25), not a 1.57b complainant.
    OUDERCOMMISSIE = "oudercommissie"
    #: A person working for the provider (pedagogisch medewerker, intern, volunteer).
    STAFF = "staff"
    #: A gastouder working through the bureau.
    GASTOUDER = "gastouder"
    #: The provider (houder) itself.
    PROVIDER = "provider"
    #: No identifiable sender (E13).
    ANONYMOUS = "anonymous"
    OTHER = "other"

    @property
    def is_statutory_ouder(self) -> bool:
        """True for the relations Wko art. 1.1 calls 'ouder' (R3)."""
        return self in _STATUTORY_OUDER


_STATUTORY_OUDER = frozenset(
    {
        PartyRole.PARENT,
        PartyRole.FOSTER_PARENT,
        PartyRole.STEP_PARENT,
        PartyRole.GRANDPARENT,
        PartyRole.FORMER_CLIENT,
    }
)


class ProviderKind(enum.StrEnum):
    """What a provider runs (R2)."""

    KINDERCENTRUM = "kindercentrum"
    GASTOUDERBUREAU = "gastouderbureau"


class Channel(enum.StrEnum):
    """How a complaint reached the provider (R5, A9)."""

    LETTER = "letter"
    EMAIL = "email"
    WEB_FORM = "web_form"
    APP_MESSAGE = "app_message"
    ORAL = "oral"


class Subject(enum.StrEnum):
    """What a complaint is about (R4, A8)."""

    #: Conduct of the provider or people working for it toward a parent or child (1.57b lid 1 a).
    CONDUCT = "conduct"
    #: The agreement between provider and parent (1.57b lid 1 b).
    AGREEMENT = "agreement"
    #: The provider's working method or general policy ('werkwijze/beleid'): policy scope only (A8).
    WORKING_METHOD = "working_method"
    #: Conduct of another parent: outside the statute.
    OTHER_PARENT = "other_parent"
    #: A third party, such as the Belastingdienst: outside the statute.
    THIRD_PARTY = "third_party"
    #: How the provider applied its duties toward the oudercommissie (Wko 1.60; R25).
    ADVISORY_RIGHT = "advisory_right"


class About(enum.StrEnum):
    """Whom the complaint concerns."""

    STAFF = "staff"
    GASTOUDER = "gastouder"
    #: An adult (18+) housemate of a gastouder (1.56b lid 3; relevant to 1.51b).
    GASTOUDER_HOUSEMATE = "gastouder_housemate"
    MANAGEMENT = "management"
    #: The provider as a natural person (eenmanszaak, owner-director): 1.51c when a suspect.
    PROVIDER_PERSON = "provider_person"
    ORGANISATION = "organisation"
    OTHER_PARENT = "other_parent"
    CHILD = "child"
    THIRD_PARTY = "third_party"


class SignalKind(enum.StrEnum):
    """Abuse signals a complaint carries (R27, R28, R30, A11)."""

    #: A person working there (or a gastouder or housemate) may have committed a sexual offence or
    #: assault against a child: 1.51b meldplicht.
    SUSPECTED_OFFENCE_BY_STAFF = "suspected_offence_by_staff"
    #: The provider (a natural person) is the possible offender: 1.51c.
    SUSPECTED_OFFENCE_BY_PROVIDER = "suspected_offence_by_provider"
    #: Signs of domestic violence or child abuse at home: meldcode route 1.
    ABUSE_AT_HOME = "abuse_at_home"
    #: Sexually transgressive behaviour between children: meldcode route 3 (house route).
    SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN = "sexual_behaviour_between_children"
    #: Something that may or may not be a signal: a human must weigh it (A11).
    AMBIGUOUS = "ambiguous"


class Verdict(enum.StrEnum):
    """The tenor of a judgement."""

    GEGROND = "gegrond"
    DEELS_GEGROND = "deels_gegrond"
    ONGEGROND = "ongegrond"


class GckOutcome(enum.StrEnum):
    """How a Geschillencommissie case ended."""

    GEGROND = "gegrond"
    DEELS_GEGROND = "deels_gegrond"
    ONGEGROND = "ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"
    #: Settled between the parties; no ruling.
    GESCHIKT = "geschikt"
    #: Withdrawn by the complainant.
    INGETROKKEN = "ingetrokken"
    PENDING = "pending"


class AdviceSubject(enum.StrEnum):
    """The subjects of the oudercommissie's advisory right, as Wko art. 1.60 lid 1 lists them (R8, R25).

    The provider must let the oudercommissie advise on every intended decision on these subjects.
    What a decision does decides its subject, not what the provider calls it: a 'technical
    correction' that raises what parents pay is a price change (sub f; GCK rulings 2023).
    """

    #: Sub a: how art. 1.50 lid 1 (1.56 lid 1 for gastouderopvang) is carried out, in particular
    #: the pedagogical policy.
    PEDAGOGICAL_POLICY = "pedagogical_policy"
    #: Sub b: food matters of a general nature and the general policy on upbringing, safety or health.
    GENERAL_POLICY = "general_policy"
    #: Sub c: opening hours.
    OPENING_HOURS = "opening_hours"
    #: Sub d: the policy on offering voorschoolse educatie (pre-school education).
    PRESCHOOL_EDUCATION = "preschool_education"
    #: Sub e: adopting or changing the complaint regulation of art. 1.57b lid 1 (R8).
    COMPLAINT_REGULATION = "complaint_regulation"
    #: Sub f: a change of the price of childcare (also when presented as a 'technical correction').
    PRICE = "price"
    #: A subject art. 1.60 lid 1 does not list.
    OTHER = "other"

    @property
    def sub(self) -> str | None:
        """The letter of art. 1.60 lid 1 that lists this subject (``None`` for ``other``)."""
        return _ADVICE_SUB.get(self)


_ADVICE_SUB = {
    AdviceSubject.PEDAGOGICAL_POLICY: "a",
    AdviceSubject.GENERAL_POLICY: "b",
    AdviceSubject.OPENING_HOURS: "c",
    AdviceSubject.PRESCHOOL_EDUCATION: "d",
    AdviceSubject.COMPLAINT_REGULATION: "e",
    AdviceSubject.PRICE: "f",
}


class OudercommissieDispute(enum.StrEnum):
    """What an oudercommissie's dispute about art. 1.60 is about (R25; GCK practice 2022-2023).

    The Geschillencommissie tests a provider's *decision* only when the oudercommissie gave its
    advice in time; a dispute about the *procedure* (the other three) it hears even without advice.
    """

    #: The decision itself: the provider departed from, or did not weigh, the advice (1.60 lid 2).
    DECISION = "decision"
    #: The provider did not ask for advice at all (1.60 lid 1).
    NOT_ASKED = "not_asked"
    #: The provider asked for advice too late to be of use (1.60 lid 1).
    ASKED_TOO_LATE = "asked_too_late"
    #: The provider did not give the information reasonably needed to advise (1.60 lid 5).
    INSUFFICIENTLY_INFORMED = "insufficiently_informed"

    @property
    def about_procedure(self) -> bool:
        """True for the disputes about how the provider handled the advice (heard without advice)."""
        return self is not OudercommissieDispute.DECISION


# --------------------------------------------------------------------------------------------------
# The one vocabulary table: words accepted for each enum besides its values (CSV, JSON, TOML, CLI)
# --------------------------------------------------------------------------------------------------

#: Dutch (and other) words for the enum values, keyed by enum. Keys are matched after
#: :func:`~klachtregels.convert.normalise_word` (any case; ``_``, ``-`` and spaces alike). Every
#: door (register cells, ``from_dict``, policy and organisation files, the CLI) reads this table
#: through :func:`klachtregels.convert.lookup_word`.
WORDS: Mapping[type[enum.StrEnum], Mapping[str, str]] = {
    PartyRole: {
        "ouder": "parent",
        "ouders": "parent",
        "pleegouder": "foster_parent",
        "stiefouder": "step_parent",
        "grootouder": "grandparent",
        "opa": "grandparent",
        "oma": "grandparent",
        "aspirant klant": "prospective_client",
        "toekomstige klant": "prospective_client",
        "oud klant": "former_client",
        "voormalige klant": "former_client",
        "verzorger": "carer",
        "verzorgster": "carer",
        "caregiver": "carer",
        "voogd": "guardian",
        "wettelijk vertegenwoordiger": "guardian",
        "wettelijke vertegenwoordiger": "guardian",
        "legal guardian": "guardian",
        "legal representative": "guardian",
        "medewerker": "staff",
        "personeel": "staff",
        "houder": "provider",
        "aanbieder": "provider",
        "anoniem": "anonymous",
        "anders": "other",
        "overig": "other",
    },
    Channel: {
        "brief": "letter",
        "post": "letter",
        "e mail": "email",
        "mail": "email",
        "webformulier": "web_form",
        "formulier": "web_form",
        "website": "web_form",
        "app": "app_message",
        "appbericht": "app_message",
        "mondeling": "oral",
        "telefonisch": "oral",
    },
    Subject: {
        "gedraging": "conduct",
        "gedrag": "conduct",
        "bejegening": "conduct",
        "overeenkomst": "agreement",
        "contract": "agreement",
        "werkwijze": "working_method",
        "beleid": "working_method",
        "andere ouder": "other_parent",
        "derde": "third_party",
        "derden": "third_party",
        "adviesrecht": "advisory_right",
    },
    About: {
        "medewerker": "staff",
        "personeel": "staff",
        "huisgenoot gastouder": "gastouder_housemate",
        "leidinggevende": "management",
        "directie": "management",
        "houder": "provider_person",
        "organisatie": "organisation",
        "andere ouder": "other_parent",
        "kind": "child",
        "derde": "third_party",
    },
    SignalKind: {
        "vermoeden misdrijf medewerker": "suspected_offence_by_staff",
        "vermoeden misdrijf houder": "suspected_offence_by_provider",
        "huiselijk geweld": "abuse_at_home",
        "kindermishandeling": "abuse_at_home",
        "seksueel gedrag tussen kinderen": "sexual_behaviour_between_children",
        "twijfel": "ambiguous",
    },
    Verdict: {
        "deels": "deels_gegrond",
        "gedeeltelijk gegrond": "deels_gegrond",
        "niet gegrond": "ongegrond",
    },
    AdviceSubject: {
        "pedagogisch beleid": "pedagogical_policy",
        "voeding": "general_policy",
        "veiligheid": "general_policy",
        "gezondheid": "general_policy",
        "opvoeding": "general_policy",
        "algemeen beleid": "general_policy",
        "openingstijden": "opening_hours",
        "voorschoolse educatie": "preschool_education",
        "vve": "preschool_education",
        "klachtenregeling": "complaint_regulation",
        "prijs": "price",
        "prijswijziging": "price",
        "prijsverhoging": "price",
        "tarief": "price",
        "tariefwijziging": "price",
        "tariefsverhoging": "price",
        # GCK 2023: a 'technical correction' that raises what parents pay is a price change (1.60 lid 1 f).
        "technische correctie": "price",
        "price change": "price",
        "technical correction": "price",
        "anders": "other",
        "overig": "other",
    },
    OudercommissieDispute: {
        "besluit": "decision",
        "niet gevraagd": "not_asked",
        "te laat gevraagd": "asked_too_late",
        "onvoldoende geinformeerd": "insufficiently_informed",
        "onvoldoende geïnformeerd": "insufficiently_informed",
        "onvoldoende informatie": "insufficiently_informed",
    },
    GckOutcome: {
        "deels": "deels_gegrond",
        "gedeeltelijk gegrond": "deels_gegrond",
        "niet gegrond": "ongegrond",
        "schikking": "geschikt",
        "minnelijke schikking": "geschikt",
        "lopend": "pending",
        "in behandeling": "pending",
    },
}

for _vocabulary, _words in WORDS.items():
    convert.register_words(_vocabulary, _words)


def _lrk_problem(value: str) -> str | None:
    # ASCII digits only: str.isdigit() also takes Arabic-Indic, fullwidth and superscript digits,
    # which no register of the LRK holds (the same rule as dates, terms and numbers on the command line).
    if value.isascii() and value.isdigit() and len(value) == 9:
        return None
    return convert.ProblemText("INPUT_LRK_NUMBER")


#: What an LRK number is, as a problem names it (messages/input.toml).
_LRK_KIND = Message("VALUE_LRK_NUMBER")
#: An LRK registration number: nine digits, as text (mypy reads it as ``str``).
LrkNumber = Annotated[str, convert.Check(_lrk_problem)]


#: Text that names or labels something (an id, a location, a category, a case number): refused when
#: it holds an invisible format character (:func:`klachtregels.convert.invisible_problem`), so two
#: values that read the same are the same. mypy reads it as ``str``.
Label = Annotated[str, convert.Check(convert.invisible_problem, quick="isprintable")]


def _structure_lrk(value: Any, _: Any) -> str:
    """An LRK number; a TOML or JSON integer is read as its digits."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        got = convert.kind_message(value)
        raise convert.InputProblem(convert.ProblemText("INPUT_EXPECTED", expected=_LRK_KIND, got=got))
    problem = _lrk_problem(text)
    if problem is not None:
        raise convert.InputProblem(problem)
    return text


convert.CONVERTER.register_structure_hook_func(lambda t: t == LrkNumber, _structure_lrk)


# attrs converters, so Python callers (and mypy) may pass an enum's value or word and a list. They
# never raise: a value they cannot read is left for the validation, which reports every problem.


def _to_party_role(value: PartyRole | str | None) -> PartyRole | None:
    return convert.word_or_value(PartyRole, value)


def _to_provider_kind(value: ProviderKind | str | None) -> ProviderKind | None:
    return convert.word_or_value(ProviderKind, value)


def _to_signal_kind(value: SignalKind | str) -> SignalKind:
    return convert.word_or_value(SignalKind, value)


def _to_channel(value: Channel | str | None) -> Channel | None:
    return convert.word_or_value(Channel, value)


def _to_about(value: About | str | None) -> About | None:
    return convert.word_or_value(About, value)


def _to_advice_subject(value: AdviceSubject | str | None) -> AdviceSubject | None:
    return convert.word_or_value(AdviceSubject, value)


def _to_oc_dispute(value: OudercommissieDispute | str | None) -> OudercommissieDispute | None:
    return convert.word_or_value(OudercommissieDispute, value)


def _to_suspect(value: About | str | None) -> About | None:
    return convert.word_or_value(About, value)


def _to_verdict(value: Verdict | str | None) -> Verdict | None:
    return convert.word_or_value(Verdict, value)


def _to_gck_outcome(value: GckOutcome | str | None) -> GckOutcome | None:
    return convert.word_or_value(GckOutcome, value)


def _to_subjects(value: Iterable[Subject | str] | None) -> tuple[Subject, ...] | None:
    # A tuple is kept as given: its items are checked (and read as words) by the validation.
    if value is None or isinstance(value, tuple):
        return typing.cast("tuple[Subject, ...] | None", value)
    if isinstance(value, list):
        return tuple(convert.word_or_value(Subject, v) for v in value)
    return typing.cast("tuple[Subject, ...]", value)


def _to_signals(value: Iterable[Signal] | None) -> tuple[Signal, ...] | None:
    return tuple(value) if isinstance(value, list) else typing.cast("tuple[Signal, ...] | None", value)


def _to_measures(value: Iterable[Measure] | None) -> tuple[Measure, ...] | None:
    return tuple(value) if isinstance(value, list) else typing.cast("tuple[Measure, ...] | None", value)


def _to_locations(value: Iterable[Location]) -> tuple[Location, ...]:
    return tuple(value) if isinstance(value, list) else typing.cast("tuple[Location, ...]", value)


def _day(value: dt.date | None) -> dt.date | None:
    """The Europe/Amsterdam day of a date field (A22), or None."""
    return None if value is None else local_day(value)


class _JsonMixin:
    """``to_dict``/``from_dict`` for the JSON form, through :mod:`klachtregels.convert`."""

    _what: ClassVar[str]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: plain JSON types (ISO dates, enum values, lists). Unknown facts stay ``None``."""
        result: dict[str, Any] = convert.to_plain(self)
        return result

    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        """Build from the JSON form; raises ``InvalidInputError`` listing every problem at once, by path.

        Values are read as a register reads its cells (docs/register.md, Values): the Dutch and
        English vocabulary, the one date convention (an ISO week date such as ``2026-W10-2`` is
        refused), and text stripped of surrounding whitespace, a blank text being unknown
        (:func:`klachtregels.convert.register_text`). A name or id holding an invisible character is
        refused (:func:`klachtregels.convert.invisible_problem`)."""
        return convert.structure(data, cls)


# --------------------------------------------------------------------------------------------------
# Domain objects
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Party(_JsonMixin):
    """A person or body in a complaint: complainant, subject, or filer at the Geschillencommissie."""

    _what: ClassVar[str] = "party"

    #: Relation to the childcare (R3). ``None``: not known.
    role: PartyRole | None = attrs.field(default=None, converter=_to_party_role)
    #: Whether this party signed the childcare agreement (A7 ``contract_party_only``). ``None``: not known.
    contract_party: bool | None = None
    #: A name: personal data. Never shown in repr, errors or reports.
    name: str | None = attrs.field(default=None, repr=False)
    #: The caller's own identifier (pseudonymous).
    id: Label | None = None

    #: Validation (generated on first use by the structuring layer): every field against its annotation.
    __attrs_post_init__ = convert.post_init("party")


@attrs.frozen(kw_only=True)
class Location(_JsonMixin):
    """One location (kindercentrum or gastouderbureau) in the Landelijk Register Kinderopvang."""

    _what: ClassVar[str] = "location"

    name: Label
    kind: ProviderKind | None = attrs.field(default=None, converter=_to_provider_kind)
    #: LRK registration number (9 digits).
    lrk_number: LrkNumber | None = None

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("location", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        if not self.name.strip():
            problems.append(("name", convert.ProblemText("INPUT_EMPTY_NAME")))


@attrs.frozen(kw_only=True)
class Provider(_JsonMixin):
    """The provider (houder) that must have a complaint regulation (R2) and be GCK-affiliated (R11)."""

    _what: ClassVar[str] = "provider"

    name: Label
    kind: ProviderKind | None = attrs.field(default=None, converter=_to_provider_kind)
    #: Affiliated with the Geschillencommissie Kinderopvang (Wko 1.57c lid 1). ``None``: not known.
    gck_affiliated: bool | None = None
    #: Has a written internal complaint regulation (Wko 1.57b lid 1). ``None``: not known.
    has_regulation: bool | None = None
    #: Whether the provider is a natural person (eenmanszaak): relevant to 1.51c.
    natural_person: bool | None = None
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_to_locations)

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("provider", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        if not self.name.strip():
            problems.append(("name", convert.ProblemText("INPUT_EMPTY_NAME")))


@attrs.frozen(kw_only=True)
class Signal(_JsonMixin):
    """An abuse signal carried by a complaint (R27, R28, R30)."""

    _what: ClassVar[str] = "signal"

    kind: SignalKind = attrs.field(converter=_to_signal_kind)
    #: When the provider learned of it (starts 'onverwijld', R28). ``None``: not known.
    known_on: dt.date | None = None
    #: When the vertrouwensinspecteur was consulted (1.51b lid 1). ``None``: not known or not done.
    consulted_on: dt.date | None = None
    #: When a meldcode route was started (1.51a). ``None``: not known or not done.
    meldcode_started_on: dt.date | None = None
    #: Whom the signal points at (the possible offender). ``None``: not known. An offence signal must
    #: agree with its kind: 1.51b covers a person working there, a gastouder and a gastouder's adult
    #: housemate (1.56b lid 3); 1.51c the provider as a natural person. (In an
    #: ouderparticipatiecrèche a participating parent is a working person, art. 1.60c: record as staff.)
    suspect: About | None = attrs.field(default=None, converter=_to_suspect)

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("signal", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        """R28: an offence signal whose suspect contradicts its kind is rejected, never guessed at."""
        suspect = self.suspect
        if suspect is None or not isinstance(suspect, About):
            return
        allowed = _SUSPECTS.get(self.kind) if isinstance(self.kind, SignalKind) else None
        if allowed is not None and suspect not in allowed:
            problems.append(("suspect", convert.ProblemText(_SUSPECT_PROBLEM[self.kind])))

    @functools.cached_property
    def known_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``known_on``."""
        return _day(self.known_on)

    @functools.cached_property
    def consulted_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``consulted_on``."""
        return _day(self.consulted_on)

    @functools.cached_property
    def meldcode_started_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``meldcode_started_on``."""
        return _day(self.meldcode_started_on)


# A signal may be written as its kind alone, as the register's signals column writes it ("twijfel").
convert.register_shorthand(Signal, "kind")


#: Who may be the suspect of each offence signal (R28): Wko 1.51b lid 1 (working persons, gastouders
#: and, by 1.56b lid 3, a gastouder's adult housemates) and 1.51c (the provider as a natural person).
#: Sexual behaviour between children (R30 route 3) is, by its kind, about a child.
_WORKING_PERSONS = frozenset({About.STAFF, About.GASTOUDER, About.GASTOUDER_HOUSEMATE, About.MANAGEMENT})
_SUSPECTS: dict[SignalKind, frozenset[About]] = {
    SignalKind.SUSPECTED_OFFENCE_BY_STAFF: _WORKING_PERSONS,
    SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER: frozenset({About.PROVIDER_PERSON}),
    SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN: frozenset({About.CHILD}),
}
#: The problem's message code (messages/input.toml) per signal kind.
_SUSPECT_PROBLEM: dict[SignalKind, str] = {
    SignalKind.SUSPECTED_OFFENCE_BY_STAFF: "INPUT_SUSPECT_STAFF",
    SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER: "INPUT_SUSPECT_PROVIDER",
    SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN: "INPUT_SUSPECT_CHILDREN",
}


@attrs.frozen(kw_only=True)
class Complaint(_JsonMixin):
    """A complaint as the provider knows it. Unknown facts are ``None``, never a default."""

    _what: ClassVar[str] = "complaint"

    #: The caller's identifier (pseudonymous; used in findings and reports).
    id: Label | None = None
    #: When the complaint reached the provider (R12, A4: receipt, not sending). A datetime is best
    #: (A22: store timestamps); naive datetimes are Europe/Amsterdam local time.
    received_on: dt.date | None = None
    #: How it reached the provider (R5, A9).
    channel: Channel | None = attrs.field(default=None, converter=_to_channel)
    #: An earlier oral complaint about the same matter (A4, A13): flagged when dates differ.
    oral_first_on: dt.date | None = None
    complainant: Party | None = None
    #: What it is about; several may apply. ``None``: not known.
    subjects: tuple[Subject, ...] | None = attrs.field(default=None, converter=_to_subjects)
    #: Whom it concerns.
    about: About | None = attrs.field(default=None, converter=_to_about)
    #: When the matter arose (house submission windows, A17).
    arose_on: dt.date | None = None
    #: Abuse signals. ``()``: checked, none. ``None``: not assessed.
    signals: tuple[Signal, ...] | None = attrs.field(default=None, converter=_to_signals)
    #: The person who must judge the complaint is its subject (A12 ``JUDGE_IS_SUBJECT``).
    judge_is_subject: bool | None = None
    #: Handling term extended by agreement with the parent (A6: no statutory basis).
    extension_agreed: bool | None = None
    #: When the provider first made contact (house terms such as Smallsteps' two working days).
    first_contact_on: dt.date | None = None
    #: When receipt was acknowledged (house terms).
    acknowledged_on: dt.date | None = None
    #: The location name, as the provider registers it (annual report per location, R9).
    location: Label | None = None
    #: The provider's own category (annual report 'nature of complaints').
    category: Label | None = None
    #: The provider (legal entity) it was filed with, where one register covers several (Partou's 'label').
    organisation: Label | None = None
    #: The complaint concerns a provider's decision on a subject of the oudercommissie's advisory
    #: right (Wko 1.60 lid 1; a price change is sub f). ``None``: not known or none.
    advice_subject: AdviceSubject | None = attrs.field(default=None, converter=_to_advice_subject)
    #: Free text: personal data, never logged.
    description: str | None = attrs.field(default=None, repr=False)

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("complaint", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        """Cross-field problems; dates compare as Europe/Amsterdam days (A22)."""
        subjects = self.subjects
        if subjects is not None and len(subjects) > 1 and len(set(subjects)) != len(subjects):
            problems.extend(convert.listed_twice("subjects", subjects))
        if self.received_on is None or (
            self.first_contact_on is None and self.acknowledged_on is None and self.arose_on is None
        ):
            return
        received = local_day(self.received_on)  # not the cached accessors: their first read costs more
        for name in ("first_contact_on", "acknowledged_on"):
            day = _day(getattr(self, name))
            if day is not None and day < received:
                problems.append((name, convert.ProblemText("INPUT_BEFORE_RECEIVED")))
        arose = _day(self.arose_on)
        if arose is not None and arose > received:
            problems.append(("arose_on", convert.ProblemText("INPUT_AFTER_RECEIVED")))

    @functools.cached_property
    def received_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``received_on`` (A22): the day the handling term counts from."""
        return _day(self.received_on)

    @functools.cached_property
    def oral_first_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``oral_first_on``."""
        return _day(self.oral_first_on)

    @functools.cached_property
    def arose_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``arose_on``."""
        return _day(self.arose_on)

    @functools.cached_property
    def first_contact_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``first_contact_on``."""
        return _day(self.first_contact_on)

    @functools.cached_property
    def acknowledged_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``acknowledged_on``."""
        return _day(self.acknowledged_on)


@attrs.frozen(kw_only=True)
class Measure(_JsonMixin):
    """A measure announced in a judgement (1.57b lid 2 sub f: with a concrete term)."""

    _what: ClassVar[str] = "measure"

    #: Free text: may hold personal data.
    description: str | None = attrs.field(default=None, repr=False)
    #: The concrete date by which it will be carried out. ``None``: no concrete term given or not known.
    due_on: dt.date | None = None
    #: Whether the judgement stated a concrete term. ``None``: not known (``due_on`` implies True).
    has_concrete_term: bool | None = None
    done_on: dt.date | None = None
    #: The nature of the measure as the provider labels it (a free label, like a complaint's
    #: category), for the annual report (1.57b lid 4; R9). ``None``: not labelled.
    category: Label | None = None

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("measure", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        if self.due_on is not None and self.has_concrete_term is False:
            problems.append(("has_concrete_term", convert.ProblemText("INPUT_NO_TERM_BUT_DUE")))

    @functools.cached_property
    def due_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``due_on``."""
        return _day(self.due_on)

    @functools.cached_property
    def done_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``done_on``."""
        return _day(self.done_on)

    @property
    def concrete_term(self) -> bool | None:
        """Whether a concrete term is known to be stated (True), known to be missing (False), or unknown."""
        if self.due_on is not None:
            return True
        return self.has_concrete_term


@attrs.frozen(kw_only=True)
class Judgement(_JsonMixin):
    """The provider's judgement on a complaint (1.57b lid 2 sub e, f; A5)."""

    _what: ClassVar[str] = "judgement"

    #: When it was sent (A5 default: 'afgehandeld' = sent).
    sent_on: dt.date | None = None
    #: When the parent received it (A5 alternative mode).
    received_on: dt.date | None = None
    written: bool | None = None
    reasoned: bool | None = None
    verdict: Verdict | None = attrs.field(default=None, converter=_to_verdict)
    #: ``()``: no measures. ``None``: not known.
    measures: tuple[Measure, ...] | None = attrs.field(default=None, converter=_to_measures)
    #: A partial judgement on part of the complaint (A5).
    partial: bool | None = None
    #: Free text: what was decided or done. May hold personal data; never logged.
    summary: str | None = attrs.field(default=None, repr=False)

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("judgement", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        sent, received = _day(self.sent_on), _day(self.received_on)
        if sent is not None and received is not None and received < sent:
            problems.append(("received_on", convert.ProblemText("INPUT_BEFORE_SENT")))

    @functools.cached_property
    def sent_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``sent_on`` (A5: 'afgehandeld' = sent, by default)."""
        return _day(self.sent_on)

    @functools.cached_property
    def received_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``received_on`` (the parent's receipt; A5 alternative)."""
        return _day(self.received_on)

    def given_on(self, day: dt.date) -> bool:
        """Whether the judgement had been given on ``day``: sent on or before it (A5: 'afgehandeld' =
        sent). Its form (art. 1.57b lid 2 sub e) and its measures (sub f) are facts only from then
        on; before, it is a judgement still to come, whose sending day the handling rules read (R12,
        R17). A judgement without a sending day is taken as given: it is recorded, and when is unknown."""
        sent = self.sent_date
        return sent is None or sent <= day


@attrs.frozen(kw_only=True)
class GckFiling(_JsonMixin):
    """A dispute brought before the Geschillencommissie Kinderopvang (R20-R25)."""

    _what: ClassVar[str] = "Geschillencommissie filing"

    filed_on: dt.date | None = None
    #: Who filed: a parent (R20) or the oudercommissie (R25).
    filed_by: PartyRole | None = attrs.field(default=None, converter=_to_party_role)
    case_number: Label | None = None
    #: Subject as the GCK records it ("Zorgvuldigheid", "Algemene voorwaarden, Kosten").
    subject: Label | None = None
    outcome: GckOutcome | None = attrs.field(default=None, converter=_to_gck_outcome)
    #: Claims damages for death, bodily injury or illness (R24, A15: redirect to the court).
    claims_personal_injury: bool | None = None
    #: Only non-payment of invoices, no substantive complaint (R24).
    non_payment_only: bool | None = None
    #: Against a gastouder personally rather than the bureau (R24).
    against_gastouder_personally: bool | None = None
    #: Klachtenloket mediation ran between these dates (A13: suspension of the 12 months unknown
    #: while it started within them; mediation that starts after they ran out suspends nothing).
    mediation_from: dt.date | None = None
    mediation_until: dt.date | None = None
    #: R21: the provider invoked the twelve-month term (the commission applies it only then).
    term_invoked: bool | None = None
    #: R21: the parent is not to blame for the late filing (verontschuldigende omstandigheden).
    delay_excusable: bool | None = None
    #: Oudercommissie route (R25): did it give advice within the set term?
    advice_given_in_time: bool | None = None
    #: Oudercommissie route (R25): is the filer the competent body (not a local chair for the central OC)?
    competent_body: bool | None = None
    #: Oudercommissie route (R25): the subject of the provider's decision (Wko 1.60 lid 1).
    advice_subject: AdviceSubject | None = attrs.field(default=None, converter=_to_advice_subject)
    #: Oudercommissie route (R25): whether the provider asked the oudercommissie for advice.
    advice_requested: bool | None = None
    #: Oudercommissie route (R25): when the provider asked for advice.
    advice_requested_on: dt.date | None = None
    #: Oudercommissie route (R25): the dispute is about the decision or about the procedure.
    dispute_about: OudercommissieDispute | None = attrs.field(default=None, converter=_to_oc_dispute)
    #: Safety urgency (A12 indicator ``SAFETY_URGENCY``).
    safety_urgency: bool | None = None

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("Geschillencommissie filing", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        start, end = _day(self.mediation_from), _day(self.mediation_until)
        if start is not None and end is not None and end < start:
            problems.append(("mediation_until", convert.ProblemText("INPUT_BEFORE_MEDIATION_FROM")))
        self._check_advice(problems)

    def _check_advice(self, problems: list[tuple[str, str]]) -> None:
        """R25: the advice facts must agree with each other (a contradiction is rejected, not guessed at)."""
        requested, about = self.advice_requested, self.dispute_about
        if requested is False and self.advice_requested_on is not None:
            problems.append(("advice_requested_on", convert.ProblemText("INPUT_ADVICE_DAY_NOT_ASKED")))
        if requested is True and about is OudercommissieDispute.NOT_ASKED:
            problems.append(("dispute_about", convert.ProblemText("INPUT_NOT_ASKED_BUT_ASKED")))
        if requested is False and about in (
            OudercommissieDispute.ASKED_TOO_LATE,
            OudercommissieDispute.INSUFFICIENTLY_INFORMED,
        ):
            problems.append(("dispute_about", convert.ProblemText("INPUT_ASKED_BUT_NOT_ASKED")))
        asked, filed = _day(self.advice_requested_on), _day(self.filed_on)
        if asked is not None and filed is not None and asked > filed:
            problems.append(("advice_requested_on", convert.ProblemText("INPUT_AFTER_FILED")))

    @functools.cached_property
    def filed_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``filed_on`` (the twelve months run to it, R21)."""
        return _day(self.filed_on)

    @functools.cached_property
    def mediation_from_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``mediation_from``."""
        return _day(self.mediation_from)

    @functools.cached_property
    def mediation_until_date(self) -> dt.date | None:
        """The Europe/Amsterdam day of ``mediation_until``."""
        return _day(self.mediation_until)


@attrs.frozen(kw_only=True)
class RegisterRecord(_JsonMixin):
    """One complaint as a register holds it: the complaint and what happened to it.

    ``row`` is where it came from (the 1-based line or record number in the register file, counting
    the header as row 1 for CSV), so findings and data-quality notes can point back to it.
    """

    _what: ClassVar[str] = "register record"

    complaint: Complaint
    judgement: Judgement | None = None
    filing: GckFiling | None = None
    row: int | None = None

    #: Validation (generated on first use by the structuring layer): every field against its
    #: annotation, then :meth:`_check`; all problems in one InvalidInputError.
    __attrs_post_init__ = convert.post_init("register record", check="_check")

    def _check(self, problems: list[tuple[str, str]]) -> None:
        if self.judgement is not None:
            problems += judgement_order(self.complaint, self.judgement)


# Text (ids, names, locations, categories, descriptions) is read in JSON, TOML and from_dict as a
# register cell reads it: stripped, blank is unknown (one input convention, docs/register.md Values).
convert.register_text(Party, Location, Provider, Complaint, Measure, Judgement, GckFiling)


def judgement_order(complaint: Complaint, judgement: Judgement) -> tuple[tuple[str, str], ...]:
    """The problems of ``judgement`` against ``complaint``: each of its days (sent, received by the
    parent) before the day the complaint was received. A judgement answers a complaint the provider
    has, so such a record contradicts itself (most often a mistyped date): it is refused, never read
    as 'judged in time'. Days compare as Europe/Amsterdam days (A22); an unknown day is no
    contradiction. The one check for :class:`RegisterRecord` and for the decisions that take the
    two apart; empty (the usual case) when the days are in order."""
    received = complaint.received_date
    if received is None:
        return ()
    problems: tuple[tuple[str, str], ...] = ()
    # The raw field first: its Amsterdam day is made (and kept) only for a day that is given.
    if judgement.sent_on is not None and (sent := judgement.sent_date) is not None and sent < received:
        problems = (("judgement.sent_on", convert.ProblemText("INPUT_BEFORE_COMPLAINT")),)
    if judgement.received_on is not None and (got := judgement.received_date) is not None and got < received:
        problems += (("judgement.received_on", convert.ProblemText("INPUT_BEFORE_COMPLAINT")),)
    return problems


def statutory_ouder_roles() -> Iterable[PartyRole]:
    """The roles that are 'ouder' under Wko art. 1.1 (R3)."""
    return sorted(_STATUTORY_OUDER)
