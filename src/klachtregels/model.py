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

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar, Union

import attrs

from klachtregels.errors import InvalidInputError

__all__ = [
    "About",
    "Channel",
    "Complaint",
    "GckFiling",
    "GckOutcome",
    "Judgement",
    "Location",
    "Measure",
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


# --------------------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------------------


class _Problems:
    """Collects (field, message) pairs; raises them all at once."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.items.append((field, message))

    def raise_if_any(self, what: str) -> None:
        if self.items:
            raise InvalidInputError(what, self.items)


def _check_types(instance: Any, problems: _Problems, prefix: str = "") -> None:
    """Check every attrs field of ``instance`` against its annotation (date, enum, str, ...).

    The checks are compiled once per class (:func:`_checkers`): validation runs for every record
    of a register, so it must not re-read annotations each time.
    """
    for name, check in _checkers(type(instance)):
        msg = check(getattr(instance, name))
        if msg is not None:
            problems.add(prefix + name, msg)


_Check = Callable[[Any], "str | None"]
_CHECKERS: dict[type, tuple[tuple[str, _Check], ...]] = {}


def _checkers(cls: type) -> tuple[tuple[str, _Check], ...]:
    found = _CHECKERS.get(cls)
    if found is None:
        hints = _hints(cls)
        found = tuple((f.name, _compile(hints[f.name])) for f in attrs.fields(cls))
        _CHECKERS[cls] = found
    return found


def _compile(hint: Any) -> _Check:
    """A function that returns a problem message for a value not of type ``hint``, else None."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = typing.get_args(hint)
        optional = type(None) in args
        alternatives = [_compile(a) for a in args if a is not type(None)]
        if len(alternatives) == 1:  # X | None, the usual case: no list per value
            (only,) = alternatives

            def check_optional(value: Any) -> str | None:
                return None if value is None and optional else only(value)

            return check_optional

        def check_union(value: Any) -> str | None:
            if value is None and optional:
                return None
            msgs = [alt(value) for alt in alternatives]
            return None if any(m is None for m in msgs) else msgs[0]

        return check_union
    if origin is tuple:
        item_check = _compile(typing.get_args(hint)[0])

        def check_tuple(value: Any) -> str | None:
            if not isinstance(value, tuple):
                return f"expected a tuple, got {type(value).__name__}"
            for i, item in enumerate(value):
                m = item_check(item)
                if m is not None:
                    return f"item {i}: {m}"
            return None

        return check_tuple
    if hint is bool:
        return lambda v: None if isinstance(v, bool) else f"expected true/false, got {type(v).__name__}"
    if hint is int:
        return lambda v: (
            None
            if isinstance(v, int) and not isinstance(v, bool)
            else f"expected a whole number, got {type(v).__name__}"
        )
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        allowed = ", ".join(m.value for m in hint)
        return lambda v: None if isinstance(v, hint) else f"{v!r} is not one of: {allowed}"
    if isinstance(hint, type):
        label = "a date" if hint is dt.date else hint.__name__
        return lambda v: None if isinstance(v, hint) else f"expected {label}, got {type(v).__name__}"
    return lambda v: None  # pragma: no cover - every annotation in this module is covered above


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS[cls] = hints
    return hints


def _to_enum(cls: type[enum.StrEnum], value: Any) -> Any:
    """attrs converter: accept the enum or its string value; leave anything else for validation."""
    if isinstance(value, str) and not isinstance(value, cls):
        try:
            return cls(value)
        except ValueError:
            return value
    return value


def _to_partyrole(value: Any) -> Any:
    return _to_enum(PartyRole, value)


def _to_providerkind(value: Any) -> Any:
    return _to_enum(ProviderKind, value)


def _to_channel(value: Any) -> Any:
    return _to_enum(Channel, value)


def _to_about(value: Any) -> Any:
    return _to_enum(About, value)


def _to_signalkind(value: Any) -> Any:
    return _to_enum(SignalKind, value)


def _to_verdict(value: Any) -> Any:
    return _to_enum(Verdict, value)


def _to_gckoutcome(value: Any) -> Any:
    return _to_enum(GckOutcome, value)


def _tuple_convert(value: Any) -> Any:
    """attrs converter: lists become tuples (so ``subjects=[...]`` works); None stays unknown."""
    if isinstance(value, list):
        return tuple(value)
    return value


def _to_subjects(value: Any) -> Any:
    """attrs converter: a list or tuple of subjects (enums or their string values) becomes a tuple."""
    value = _tuple_convert(value)
    if isinstance(value, tuple):
        return tuple(_to_enum(Subject, v) for v in value)
    return value


def _date_part(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# --------------------------------------------------------------------------------------------------
# JSON form
# --------------------------------------------------------------------------------------------------


def _to_json(value: Any) -> Any:
    if value is None or (isinstance(value, bool | int | str) and not isinstance(value, enum.Enum)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if attrs.has(type(value)):
        return {f.name: _to_json(getattr(value, f.name)) for f in attrs.fields(type(value))}
    raise TypeError(f"cannot serialise {type(value).__name__}")  # pragma: no cover


def _from_json(value: Any, hint: Any, path: str, problems: _Problems) -> Any:
    """Turn a JSON value into ``hint``; on failure record a problem at ``path`` and return None."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        if dt.date in args and isinstance(value, str):
            return _from_json(value, dt.date, path, problems)
        return _from_json(value, args[0], path, problems)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            problems.add(path, f"expected a list, got {type(value).__name__}")
            return None
        (item_hint, *_rest) = typing.get_args(hint)
        return tuple(_from_json(v, item_hint, f"{path}[{i}]", problems) for i, v in enumerate(value))
    if hint is dt.date:
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            problems.add(path, f"expected an ISO date (YYYY-MM-DD), got {type(value).__name__}")
            return None
        try:
            if "T" in value or " " in value.strip():
                return dt.datetime.fromisoformat(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            problems.add(path, f"{value!r} is not a valid ISO date (YYYY-MM-DD) or date-time")
            return None
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, Mapping):
            problems.add(path, f"expected an object, got {type(value).__name__}")
            return None
        return _structure(hint, value, path + ".", problems)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            allowed = ", ".join(m.value for m in hint)
            problems.add(path, f"{value!r} is not one of: {allowed}")
            return None
    return value  # str/bool/int: checked by the class's own validation


def _structure(cls: type[T], data: Mapping[str, Any], prefix: str, problems: _Problems) -> T | None:
    hints = _hints(cls)
    names = {f.name for f in attrs.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - names)
    for key in unknown:
        problems.add(prefix + str(key), "unknown field")
    kwargs = {
        name: _from_json(data[name], hints[name], prefix + name, problems) for name in names if name in data
    }
    if problems.items:
        return None
    try:
        return cls(**kwargs)
    except InvalidInputError as exc:
        for field, msg in exc.problems:
            problems.add(prefix + field, msg)
        return None
    except TypeError as exc:  # a required field is missing
        problems.add(prefix.rstrip(".") or cls.__name__, str(exc))
        return None


class _JsonMixin:
    """``to_dict``/``from_dict`` for the JSON form (ISO dates, enum values, lists)."""

    _what: ClassVar[str]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: a plain dict of JSON types. Unknown facts stay ``None``."""
        result: dict[str, Any] = _to_json(self)
        return result

    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        """Build from the JSON form; raises ``InvalidInputError`` listing every problem at once."""
        problems = _Problems()
        what: str = getattr(cls, "_what", cls.__name__)
        if not isinstance(data, Mapping):
            raise InvalidInputError(what, [("", f"expected an object, got {type(data).__name__}")])
        obj = _structure(cls, data, "", problems)
        problems.raise_if_any(what)
        assert obj is not None
        return obj


def _validate(instance: Any, what: str, extra: Callable[[_Problems], None] | None = None) -> None:
    problems = _Problems()
    _check_types(instance, problems)
    if not problems.items and extra is not None:
        extra(problems)
    problems.raise_if_any(what)


# --------------------------------------------------------------------------------------------------
# Domain objects
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Party(_JsonMixin):
    """A person or body in a complaint: complainant, subject, or filer at the Geschillencommissie."""

    _what: ClassVar[str] = "party"

    #: Relation to the childcare (R3). ``None``: not known.
    role: PartyRole | None = attrs.field(default=None, converter=_to_partyrole)
    #: Whether this party signed the childcare agreement (A7 ``contract_party_only``). ``None``: not known.
    contract_party: bool | None = None
    #: A name: personal data. Never shown in repr, errors or reports.
    name: str | None = attrs.field(default=None, repr=False)
    #: The caller's own identifier (pseudonymous).
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        _validate(self, self._what)


@attrs.frozen(kw_only=True)
class Location(_JsonMixin):
    """One location (kindercentrum or gastouderbureau) in the Landelijk Register Kinderopvang."""

    _what: ClassVar[str] = "location"

    name: str
    kind: ProviderKind | None = attrs.field(default=None, converter=_to_providerkind)
    #: LRK registration number (9 digits).
    lrk_number: str | None = None

    def __attrs_post_init__(self) -> None:
        def extra(p: _Problems) -> None:
            if not self.name.strip():
                p.add("name", "must not be empty")
            if self.lrk_number is not None and not (self.lrk_number.isdigit() and len(self.lrk_number) == 9):
                p.add("lrk_number", f"{self.lrk_number!r} is not a 9-digit LRK number")

        _validate(self, self._what, extra)


@attrs.frozen(kw_only=True)
class Provider(_JsonMixin):
    """The provider (houder) that must have a complaint regulation (R2) and be GCK-affiliated (R11)."""

    _what: ClassVar[str] = "provider"

    name: str
    kind: ProviderKind | None = attrs.field(default=None, converter=_to_providerkind)
    #: Affiliated with the Geschillencommissie Kinderopvang (Wko 1.57c lid 1). ``None``: not known.
    gck_affiliated: bool | None = None
    #: Has a written internal complaint regulation (Wko 1.57b lid 1). ``None``: not known.
    has_regulation: bool | None = None
    #: Whether the provider is a natural person (eenmanszaak): relevant to 1.51c.
    natural_person: bool | None = None
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_tuple_convert)

    def __attrs_post_init__(self) -> None:
        def extra(p: _Problems) -> None:
            if not self.name.strip():
                p.add("name", "must not be empty")

        _validate(self, self._what, extra)


@attrs.frozen(kw_only=True)
class Signal(_JsonMixin):
    """An abuse signal carried by a complaint (R27, R28, R30)."""

    _what: ClassVar[str] = "signal"

    kind: SignalKind = attrs.field(converter=_to_signalkind)
    #: When the provider learned of it (starts 'onverwijld', R28). ``None``: not known.
    known_on: dt.date | None = None
    #: When the vertrouwensinspecteur was consulted (1.51b lid 1). ``None``: not known or not done.
    consulted_on: dt.date | None = None
    #: When a meldcode route was started (1.51a). ``None``: not known or not done.
    meldcode_started_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        _validate(self, self._what)


@attrs.frozen(kw_only=True)
class Complaint(_JsonMixin):
    """A complaint as the provider knows it. Unknown facts are ``None``, never a default."""

    _what: ClassVar[str] = "complaint"

    #: The caller's identifier (pseudonymous; used in findings and reports).
    id: str | None = None
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
    signals: tuple[Signal, ...] | None = attrs.field(default=None, converter=_tuple_convert)
    #: The person who must judge the complaint is its subject (A12 ``JUDGE_IS_SUBJECT``).
    judge_is_subject: bool | None = None
    #: Handling term extended by agreement with the parent (A6: no statutory basis).
    extension_agreed: bool | None = None
    #: When the provider first made contact (house terms such as Smallsteps' two working days).
    first_contact_on: dt.date | None = None
    #: When receipt was acknowledged (house terms).
    acknowledged_on: dt.date | None = None
    #: The location name, as the provider registers it (annual report per location, R9).
    location: str | None = None
    #: The provider's own category (annual report 'nature of complaints').
    category: str | None = None
    #: The provider (legal entity) it was filed with, where one register covers several (Partou's 'label').
    organisation: str | None = None
    #: Free text: personal data, never logged.
    description: str | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        def extra(p: _Problems) -> None:
            if self.subjects is not None and len(set(self.subjects)) != len(self.subjects):
                p.add("subjects", "lists a subject twice")
            received = _date_part(self.received_on) if self.received_on is not None else None
            for name in ("first_contact_on", "acknowledged_on"):
                value = getattr(self, name)
                if value is not None and received is not None and _date_part(value) < received:
                    p.add(name, f"{_date_part(value)} is before received_on {received}")
            if self.arose_on is not None and received is not None and _date_part(self.arose_on) > received:
                p.add("arose_on", f"{_date_part(self.arose_on)} is after received_on {received}")

        _validate(self, self._what, extra)

    @property
    def received_date(self) -> dt.date | None:
        """The calendar day of receipt (the date part of ``received_on``)."""
        return None if self.received_on is None else _date_part(self.received_on)


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

    def __attrs_post_init__(self) -> None:
        def extra(p: _Problems) -> None:
            if self.due_on is not None and self.has_concrete_term is False:
                p.add("has_concrete_term", "is false but due_on gives a term")

        _validate(self, self._what, extra)

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
    measures: tuple[Measure, ...] | None = attrs.field(default=None, converter=_tuple_convert)
    #: A partial judgement on part of the complaint (A5).
    partial: bool | None = None
    #: Free text: what was decided or done. May hold personal data; never logged.
    summary: str | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        def extra(p: _Problems) -> None:
            sent, received = self.sent_on, self.received_on
            if sent is not None and received is not None and _date_part(received) < _date_part(sent):
                p.add("received_on", "is before sent_on")

        _validate(self, self._what, extra)


@attrs.frozen(kw_only=True)
class GckFiling(_JsonMixin):
    """A dispute brought before the Geschillencommissie Kinderopvang (R20-R25)."""

    _what: ClassVar[str] = "Geschillencommissie filing"

    filed_on: dt.date | None = None
    #: Who filed: a parent (R20) or the oudercommissie (R25).
    filed_by: PartyRole | None = attrs.field(default=None, converter=_to_partyrole)
    case_number: str | None = None
    #: Subject as the GCK records it ("Zorgvuldigheid", "Algemene voorwaarden, Kosten").
    subject: str | None = None
    outcome: GckOutcome | None = attrs.field(default=None, converter=_to_gckoutcome)
    #: Claims damages for death, bodily injury or illness (R24, A15: redirect to the court).
    claims_personal_injury: bool | None = None
    #: Only non-payment of invoices, no substantive complaint (R24).
    non_payment_only: bool | None = None
    #: Against a gastouder personally rather than the bureau (R24).
    against_gastouder_personally: bool | None = None
    #: Klachtenloket mediation ran between these dates (A13: suspension of the 12 months unknown).
    mediation_from: dt.date | None = None
    mediation_until: dt.date | None = None
    #: Oudercommissie route (R25): did it give advice within the set term?
    advice_given_in_time: bool | None = None
    #: Oudercommissie route (R25): is the filer the competent body (not a local chair for the central OC)?
    competent_body: bool | None = None
    #: Safety urgency (A12 indicator ``SAFETY_URGENCY``).
    safety_urgency: bool | None = None

    def __attrs_post_init__(self) -> None:
        def extra(p: _Problems) -> None:
            start, end = self.mediation_from, self.mediation_until
            if start is not None and end is not None and end < start:
                p.add("mediation_until", "is before mediation_from")

        _validate(self, self._what, extra)


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

    def __attrs_post_init__(self) -> None:
        _validate(self, self._what)


def statutory_ouder_roles() -> Iterable[PartyRole]:
    """The roles that are 'ouder' under Wko art. 1.1 (R3)."""
    return sorted(_STATUTORY_OUDER)
