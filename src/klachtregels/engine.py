"""The rule engine: rules as data plus small pure functions, evaluated with explicit precedence.

A :class:`Rule` has an id from ``regulation.md`` (``R5``), its citations, its validity dates and
a pure function that looks at the facts and either does not fire (returns ``None``), fires with an
outcome, or reports that it could not decide because facts were unknown.

A :class:`DecisionSpec` says which rules take part in one decision (eligibility, precedence, ...)
and how their outcomes rank. Combining is explicit, in the manner of Catala:

- a rule may declare ``overrides`` (the ids of rules it is an exception to); when it fires, the
  rules it overrides are set aside, and the reason says so;
- otherwise the outcomes rank by the spec's ``levels``; the highest level that fired wins;
- two rules that fire with *different* outcomes on the same level, with no override between them,
  raise :class:`~klachtregels.errors.RuleConflictError`: never a silent pick.

A rule that needs a fact the caller did not give returns :meth:`RuleResult.unknown`; the decision
is then ``undetermined`` (naming the facts) unless a higher-ranked rule fired definitely.
Decisions are taken as of a date: only rules valid on the event date (``valid_from`` <= date <=
``valid_to``) take part (R1, A20).

Reasons are data, rendered on demand: a rule that fires returns a message code of the text
catalogue (:mod:`klachtregels.messages`) and its parameters, nothing is formatted while deciding,
and a decision builds its :class:`Reason` objects only when somebody reads them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar, overload, runtime_checkable

import attrs

from klachtregels import convert
from klachtregels._version import __version__
from klachtregels.citations import (
    ATW,
    GCK_REGLEMENT,
    MELDCODE_BESLUIT,
    WET_KINDEROPVANG,
    Citation,
    Instrument,
)
from klachtregels.errors import RuleConflictError
from klachtregels.messages import LANGUAGES, Message, check_lang, text
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

__all__ = [
    "DECISION_SCHEMA_VERSION",
    "Decision",
    "DecisionSpec",
    "Flag",
    "Reason",
    "RenderedText",
    "Rule",
    "RuleResult",
    "Source",
    "Text",
    "citation_from_dict",
    "evaluate",
]

#: Version of the JSON shape of :meth:`Decision.to_dict`; bumped on any incompatible change.
DECISION_SCHEMA_VERSION = 1

Ctx = TypeVar("Ctx")

_NO_PARAMS: Mapping[str, object] = {}  # shared, never mutated


class Source(enum.StrEnum):
    """Where a rule comes from: how much weight it carries."""

    #: A formal statute or AMvB (Wet kinderopvang, Algemene termijnenwet, Besluit meldcode).
    STATUTE = "statute"
    #: The Geschillencommissie's reglement and rulings (private, but decisive for admissibility).
    GCK = "gck"
    #: Sector practice (meldcode routes, model regulation).
    PRACTICE = "practice"
    #: The organisation's policy: fills only what the law leaves open.
    POLICY = "policy"


@runtime_checkable
class Text(Protocol):
    """Something that renders itself in Dutch or English: a :class:`~klachtregels.messages.Message`,
    or the already rendered text of a decision read back from JSON (:class:`RenderedText`)."""

    def render(self, lang: str = "nl") -> str:
        """The text in ``lang`` (``nl`` or ``en``); :class:`~klachtregels.messages.UnknownLanguageError`
        for any other language."""
        ...  # pragma: no cover - protocol


@attrs.frozen
class RenderedText:
    """Text that was rendered before (read back from a decision's JSON): both languages, as given."""

    nl: str
    en: str

    def render(self, lang: str = "nl") -> str:
        """The text in ``lang``."""
        return self.nl if check_lang(lang) == "nl" else self.en


def _text_key(value: Text) -> tuple[str, ...]:
    # Two texts are equal when they read the same in every language (a Message and the text it
    # rendered to, after a JSON round trip, compare equal).
    return tuple(value.render(lang) for lang in LANGUAGES)


@attrs.frozen(kw_only=True)
class Flag:
    """A marker on a decision: an ambiguity exposed, a non-compliance noted, an indicator for a human."""

    #: Stable code (:class:`~klachtregels.vocabulary.FlagCode`), upper snake case.
    code: FlagCode = attrs.field(converter=FlagCode)
    #: What the flag says, rendered on demand (:meth:`message`).
    text: Text = attrs.field(eq=_text_key, repr=False)
    #: The ambiguity id from regulation.md section 8 (``A10``), when the flag exposes one.
    ambiguity: str | None = None
    rule_id: str | None = None
    # for_rule's results: a rule module's flag constants are attributed once, not per decision.
    _attributed: dict[str, Flag] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def for_rule(self, rule_id: str) -> Flag:
        """This flag, attributed to ``rule_id`` (made once per rule: flags are immutable)."""
        cache = self._attributed
        if cache is None:
            cache = {}
            object.__setattr__(self, "_attributed", cache)
        out = cache.get(rule_id)
        if out is None:
            out = Flag(code=self.code, text=self.text, ambiguity=self.ambiguity, rule_id=rule_id)
            cache[rule_id] = out
        return out

    def message(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.text.render(lang)

    @property
    def message_nl(self) -> str:
        """The message in Dutch (read-only; same as ``message("nl")``)."""
        return self.text.render("nl")

    @property
    def message_en(self) -> str:
        """The message in English (read-only; same as ``message("en")``)."""
        return self.text.render("en")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Flag:
        """Inverse of :meth:`to_dict` (through :mod:`klachtregels.convert`: every problem, by path)."""
        return convert.structure(data, cls, what="flag")

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "code": self.code,
            "ambiguity": self.ambiguity,
            "rule_id": self.rule_id,
            "message": _both(self.text),
        }


def _both(value: Text) -> dict[str, str]:
    return {lang: value.render(lang) for lang in LANGUAGES}


@attrs.frozen(kw_only=True)
class Reason:
    """One step of a decision's reasoning: which rule, on what basis, and what it found."""

    rule_id: str
    citations: tuple[Citation, ...]
    #: What the rule found, rendered on demand (:meth:`message`).
    text: Text = attrs.field(eq=_text_key, repr=False)
    #: The outcome this rule gave, or ``None`` for a reason that supports without deciding.
    outcome: Outcome | None = None
    #: True when the rule fired but was set aside by an exception (``overrides``) or a higher level.
    set_aside: bool = False

    def message(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.text.render(lang)

    @property
    def message_nl(self) -> str:
        """The message in Dutch (read-only)."""
        return self.text.render("nl")

    @property
    def message_en(self) -> str:
        """The message in English (read-only)."""
        return self.text.render("en")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        """Inverse of :meth:`to_dict` (through :mod:`klachtregels.convert`: every problem, by path)."""
        return convert.structure(data, cls, what="reason")

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "rule_id": self.rule_id,
            "outcome": self.outcome,
            "set_aside": self.set_aside,
            "citations": [c.to_dict() for c in self.citations],
            "message": _both(self.text),
        }


class RuleResult(NamedTuple):
    """What a rule found. Build with :meth:`fire`, :meth:`support` or :meth:`unknown`.

    The reason is kept as a catalogue code and its parameters (a
    :class:`~klachtregels.messages.Message` to be), formatted only when a reason is read. A result
    without parameters is best built once, as a module constant. (A named tuple, not an attrs
    class: a rule builds one per call, and this is the cheapest immutable record in Python.)
    """

    #: The outcome the rule gives, or ``None`` when it only supports (a condition that holds).
    outcome: Outcome | None
    #: The catalogue code of the reason (``messages/*.toml``).
    code: str
    #: The parameters of the reason's text.
    params: Mapping[str, object] = _NO_PARAMS
    flags: tuple[Flag, ...] = ()
    #: Facts (dotted field paths such as ``complainant.role``) the rule needed but did not get.
    unknown_facts: tuple[str, ...] = ()

    @property
    def message(self) -> Message:
        """The reason as a :class:`~klachtregels.messages.Message`."""
        return Message(self.code, self.params)

    @classmethod
    def fire(cls, outcome: Outcome, code: str, *, flags: Sequence[Flag] = (), **params: object) -> RuleResult:
        """The rule applies and gives ``outcome``; ``code`` (with ``params``) says why."""
        return _new_tuple(cls, (outcome, code, params or _NO_PARAMS, tuple(flags), ()))

    @classmethod
    def support(cls, code: str, *, flags: Sequence[Flag] = (), **params: object) -> RuleResult:
        """The rule's condition holds; it gives no outcome of its own but is part of the reasoning."""
        return _new_tuple(cls, (None, code, params or _NO_PARAMS, tuple(flags), ()))

    @classmethod
    def unknown(
        cls,
        facts: Sequence[str],
        code: str,
        *,
        outcome: Outcome,
        flags: Sequence[Flag] = (),
        **params: object,
    ) -> RuleResult:
        """The rule cannot decide: ``facts`` are unknown. ``outcome`` is the undetermined outcome to give."""
        return _new_tuple(cls, (outcome, code, params or _NO_PARAMS, tuple(flags), tuple(facts)))


_new_tuple = tuple.__new__  # RuleResult's constructors fill every field: no need for the generated __new__


def _outcomes(values: Iterable[Outcome | str]) -> tuple[Outcome, ...]:
    return tuple(Outcome(v) for v in values)


def _levels(levels: Iterable[Iterable[Outcome | str]]) -> tuple[frozenset[Outcome], ...]:
    return tuple(frozenset(Outcome(v) for v in level) for level in levels)


def _title_code(rule_id: str) -> str:
    return "RULE_" + rule_id.upper().replace("-", "_").replace(".", "_")


@attrs.frozen(kw_only=True)
class Rule(Generic[Ctx]):
    """A rule: data (id, citations, validity) plus a small pure function over a context."""

    #: The rule id from regulation.md (``R5``), or a policy/derived id (``R4-policy``).
    id: str
    citations: tuple[Citation, ...]
    #: Which decision it takes part in.
    decision: DecisionKind = attrs.field(converter=DecisionKind)
    #: The pure function. ``None``: does not fire.
    function: Callable[[Ctx], RuleResult | None] = attrs.field(repr=False, eq=False)
    #: The outcomes this rule can give (for the catalogue and for checking specs). A rule that declares
    #: none only supports or flags (never an outcome or unknown facts): ``assess`` runs it when its
    #: decision is first read (:func:`decide` with ``defer``), and it is an error if it then decides.
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=_outcomes)
    valid_from: dt.date = dt.date(2016, 1, 1)
    valid_to: dt.date | None = None
    #: Ids of rules this one is an exception to: when it fires, they are set aside.
    overrides: tuple[str, ...] = ()
    source: Source = Source.STATUTE
    #: Ambiguity ids (A1..A22) this rule exposes.
    ambiguities: tuple[str, ...] = ()
    #: The input facts (paths as in ``unknown_facts``, e.g. ``filing.term_invoked``) the rule reads,
    #: for the catalogue; ``()`` where not listed.
    facts: tuple[str, ...] = ()
    #: The catalogue code of the rule's title: ``RULE_`` and the id (``R12-start`` -> ``RULE_R12_START``).
    title_code: str = attrs.field(default=attrs.Factory(lambda self: _title_code(self.id), takes_self=True))
    #: The citations of one result, where the provision depends on what the rule found (R25-advice-duty:
    #: the letter of art. 1.60 lid 1 the complaint's subject falls under). ``None``: every result cites
    #: :attr:`citations`, which stay the rule's legal basis in the catalogue.
    cited_for: Callable[[RuleResult], tuple[Citation, ...]] | None = attrs.field(
        default=None, repr=False, eq=False
    )

    def citations_of(self, result: RuleResult) -> tuple[Citation, ...]:
        """What the reason for ``result`` cites: :attr:`cited_for`'s answer, else :attr:`citations`."""
        return self.citations if self.cited_for is None else self.cited_for(result)

    def title(self, lang: str = "nl") -> str:
        """The rule's title in ``lang``."""
        return text(self.title_code, lang)

    @property
    def title_nl(self) -> str:
        """The Dutch title (read-only)."""
        return text(self.title_code, "nl")

    @property
    def title_en(self) -> str:
        """The English title (read-only)."""
        return text(self.title_code, "en")

    def valid_on(self, day: dt.date) -> bool:
        """Whether this rule is in force on ``day`` (A20: evaluate at the event date)."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def to_dict(self) -> dict[str, Any]:
        """The rule as catalogue data."""
        return {
            "id": self.id,
            "decision": self.decision,
            "title": {lang: self.title(lang) for lang in LANGUAGES},
            "citations": [c.to_dict() for c in self.citations],
            "outcomes": list(self.outcomes),
            "valid_from": self.valid_from.isoformat(),
            "valid_to": None if self.valid_to is None else self.valid_to.isoformat(),
            "overrides": list(self.overrides),
            "source": self.source.value,
            "ambiguities": list(self.ambiguities),
            "facts": list(self.facts),
        }


@attrs.frozen(kw_only=True)
class DecisionSpec(Generic[Ctx]):
    """How one decision is taken: its rules, its outcome ranking, and its default."""

    name: DecisionKind = attrs.field(converter=DecisionKind)
    rules: tuple[Rule[Ctx], ...]
    #: Outcome ranks, highest first; outcomes on one level are alternatives that must not collide.
    levels: tuple[frozenset[Outcome], ...] = attrs.field(converter=_levels)
    #: The outcome when no rule fires (for example ``eligible`` when every condition holds).
    default: Outcome = attrs.field(converter=Outcome)
    #: The outcome to give when facts are unknown and nothing higher fired.
    undetermined: Outcome = attrs.field(default=Outcome.UNDETERMINED, converter=Outcome)
    #: Cumulative decisions (precedence): the levels pick the headline outcome only. Every rule
    #: that fired keeps its reason and flags (a meldplicht does not set aside a meldcode route;
    #: both duties stand). Rules set aside by ``overrides`` are still set aside.
    cumulative: bool = False
    # Derived once, for evaluate: outcome -> rank, and the rules in force per validity segment.
    _ranks: dict[Outcome, int] = attrs.field(init=False, repr=False, eq=False)
    _bounds: tuple[dt.date, ...] = attrs.field(init=False, repr=False, eq=False)
    _segments: tuple[tuple[Rule[Ctx], ...], ...] = attrs.field(init=False, repr=False, eq=False)
    #: Per segment, each rule with its function (what evaluate calls, looked up once).
    _calls: tuple[tuple[tuple[Rule[Ctx], Callable[[Ctx], RuleResult | None]], ...], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    _has_overrides: bool = attrs.field(init=False, repr=False, eq=False)
    #: Per segment, the calls of the rules that declare outcomes (what decides the outcome) and of
    #: the others (they only support or flag: decide(..., defer=True) leaves them to conclude, see
    #: _complete: each with its place in the segment, or -1 when it comes after every deciding
    #: rule), and each rule's place in the segment (by identity).
    _deciding: tuple[tuple[tuple[Rule[Ctx], Callable[[Ctx], RuleResult | None]], ...], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    _deferred: tuple[tuple[tuple[Rule[Ctx], Callable[[Ctx], RuleResult | None], int], ...], ...] = (
        attrs.field(init=False, repr=False, eq=False)
    )
    _places: tuple[dict[int, int], ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        ranks = {outcome: i for i, level in enumerate(self.levels) for outcome in level}
        for rule in self.rules:
            missing = set(rule.outcomes) - set(ranks)
            if missing:
                raise ValueError(f"rule {rule.id}: outcomes {sorted(missing)} are not ranked in {self.name}")
        if self.default not in ranks or self.undetermined not in ranks:
            raise ValueError(f"{self.name}: default and undetermined outcomes must be ranked")
        bounds = _validity_bounds(self.rules)
        segments = tuple(
            tuple(r for r in self.rules if r.valid_on(day)) for day in (_before(bounds[0]), *bounds)
        )
        object.__setattr__(self, "_ranks", ranks)
        object.__setattr__(self, "_bounds", bounds)
        object.__setattr__(self, "_segments", segments)
        object.__setattr__(self, "_calls", tuple(tuple((r, r.function) for r in seg) for seg in segments))
        object.__setattr__(self, "_has_overrides", any(r.overrides for r in self.rules))
        object.__setattr__(
            self, "_deciding", tuple(tuple((r, r.function) for r in seg if r.outcomes) for seg in segments)
        )
        object.__setattr__(self, "_deferred", tuple(_deferred_calls(seg) for seg in segments))
        object.__setattr__(self, "_places", tuple({id(r): i for i, r in enumerate(seg)} for seg in segments))

    def rank(self, outcome: Outcome) -> int:
        """0 for the highest level."""
        return self._ranks[outcome]

    def rules_on(self, day: dt.date) -> tuple[Rule[Ctx], ...]:
        """The rules in force on ``day``, in spec order."""
        return self._segments[bisect.bisect_right(self._bounds, day)]


def _deferred_calls(
    segment: tuple[Rule[Ctx], ...],
) -> tuple[tuple[Rule[Ctx], Callable[[Ctx], RuleResult | None], int], ...]:
    """The calls of a segment's rules that declare no outcomes, each with its place in the segment,
    or ``-1`` when no rule that declares outcomes comes after it (its result is appended)."""
    last = max((i for i, r in enumerate(segment) if r.outcomes), default=-1)
    return tuple((r, r.function, i if i < last else -1) for i, r in enumerate(segment) if not r.outcomes)


def _validity_bounds(rules: Iterable[Rule[Any]]) -> tuple[dt.date, ...]:
    """The days on which some rule comes into or goes out of force, sorted (never empty)."""
    days = {dt.date.min}
    for rule in rules:
        days.add(rule.valid_from)
        if rule.valid_to is not None and rule.valid_to < dt.date.max:
            days.add(rule.valid_to + dt.timedelta(days=1))
    return tuple(sorted(days))


def _before(day: dt.date) -> dt.date:
    # A representative day of the segment before the first bound (empty when that is date.min).
    return day if day == dt.date.min else day - dt.timedelta(days=1)


class _Trace(Sequence["Reason"]):
    """A decision's reasons, built on first access from the rules that fired and what they were
    weighed against (a sequence like the tuple it becomes; equal to that tuple)."""

    __slots__ = ("_built", "fired", "outcome", "overridden", "spec")

    def __init__(
        self,
        spec: DecisionSpec[Any],
        fired: Sequence[tuple[Rule[Any], RuleResult]],
        overridden: frozenset[str],
        outcome: Outcome,
    ) -> None:
        self.spec = spec
        self.fired = fired
        self.overridden = overridden
        self.outcome = outcome
        self._built: tuple[Reason, ...] | None = None

    def reasons(self) -> tuple[Reason, ...]:
        """The reasons as a tuple (built once)."""
        if self._built is None:
            self._built = self._build()
        return self._built

    @overload
    def __getitem__(self, index: int) -> Reason: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Reason]: ...
    def __getitem__(self, index: int | slice) -> Reason | Sequence[Reason]:
        return self.reasons()[index]

    def __len__(self) -> int:
        return len(self.fired)

    def __iter__(self) -> Iterator[Reason]:
        return iter(self.reasons())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self.reasons() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like a list: equal to a tuple, so not hashable

    def __repr__(self) -> str:
        return repr(self.reasons())

    def gave(self, rule_id: str, outcome: Outcome | str, *, set_aside: bool = False) -> bool:
        """Whether rule ``rule_id`` gave ``outcome`` and (unless ``set_aside``) was not set aside, as
        the reasons would say."""
        win_rank = self.spec.rank(self.outcome)
        return any(
            rule.id == rule_id
            and res.outcome == outcome
            and (set_aside or not _set_aside(self.spec, rule, res, self.overridden, win_rank))
            for rule, res in self.fired
        )

    def _build(self) -> tuple[Reason, ...]:
        win_rank = self.spec.rank(self.outcome)
        return tuple(
            Reason(
                rule_id=rule.id,
                citations=rule.citations_of(res),
                text=Message(res.code, res.params),
                outcome=res.outcome,
                set_aside=_set_aside(self.spec, rule, res, self.overridden, win_rank),
            )
            for rule, res in self.fired
        )


def _set_aside(
    spec: DecisionSpec[Any], rule: Rule[Any], res: RuleResult, overridden: frozenset[str], win_rank: int
) -> bool:
    """Whether a rule that fired is set aside: by an exception, or (not cumulative) by a higher level."""
    return rule.id in overridden or (
        not spec.cumulative
        and res.outcome is not None
        and not res.unknown_facts
        and spec.rank(res.outcome) > win_rank
    )


def _reasons_key(value: Sequence[Reason]) -> tuple[Reason, ...]:
    return value.reasons() if isinstance(value, _Trace) else tuple(value)


@attrs.frozen(kw_only=True)
class Decision:
    """The answer to one question about a complaint, with its reasons, flags and unknown facts.

    A decision made by :func:`evaluate` builds its :class:`Reason` objects when they are first
    read: deciding costs no text.
    """

    #: Which decision (``eligibility``, ``precedence``, ``gck_access``, ...).
    kind: DecisionKind
    outcome: Outcome
    #: The reasons, in the order the rules fired (a tuple, or a sequence that builds one when read).
    reasons: Sequence[Reason] = attrs.field(eq=_reasons_key)
    flags: tuple[Flag, ...] = ()
    #: Facts whose absence blocked a definite answer.
    unknown_facts: tuple[str, ...] = ()
    as_of: dt.date
    #: The name of the policy used (``statutory``, ``smallsteps``, ...).
    policy: str
    library_version: str = __version__
    #: Extra structured facts of the decision (the clock, deadlines, actions), JSON-ready.
    details: Mapping[str, Any] = attrs.field(factory=dict, eq=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Rebuild a decision from :meth:`to_dict` (decisions survive a JSON round trip).

        Read through :mod:`klachtregels.convert` (the shape is registered there, key for key):
        raises :class:`~klachtregels.errors.InvalidInputError` listing every problem by path
        (``reasons[2].outcome``), or naming ``schema``/``schema_version`` for another shape.
        """
        return convert.structure(data, cls, what="decision")

    def __repr__(self) -> str:
        """Short: kind, outcome, how many rules gave a reason, flags, unknown facts."""
        from klachtregels.bulk._display import decision_repr

        return decision_repr(self)

    def _repr_html_(self) -> str:
        """Notebook display (escaped HTML; :mod:`klachtregels.bulk._display`)."""
        from klachtregels.bulk._display import decision_html

        return decision_html(self)

    @property
    def definite(self) -> bool:
        """False when the outcome is undetermined or needs human judgement."""
        return Outcome(self.outcome).definite

    def gave(self, rule_id: str, outcome: Outcome | str, *, set_aside: bool = False) -> bool:
        """Whether rule ``rule_id`` gave ``outcome`` here and was not set aside (with ``set_aside``:
        whether it gave it at all), read without building the reasons."""
        value = self.reasons
        if isinstance(value, _Trace):
            return value.gave(rule_id, outcome, set_aside=set_aside)
        return any(
            r.rule_id == rule_id and r.outcome == outcome and (set_aside or not r.set_aside) for r in value
        )

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules that gave a reason, in order."""
        value = self.reasons
        if isinstance(value, _Trace):
            return tuple(rule.id for rule, _ in value.fired)
        return tuple(r.rule_id for r in value)

    def has_flag(self, code: str) -> bool:
        """Whether a flag with this code is set."""
        return any(f.code == code for f in self.flags)

    def explain(self, lang: str = "nl") -> str:
        """A note in the manner of a careful complaints officer, citing the articles."""
        from klachtregels._explain import explain_decision

        return explain_decision(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """A versioned JSON shape with the same content as :meth:`explain`."""
        return {
            "schema": "klachtregels.decision",
            "schema_version": DECISION_SCHEMA_VERSION,
            "library_version": self.library_version,
            "kind": self.kind,
            "outcome": self.outcome,
            "definite": self.definite,
            "as_of": self.as_of.isoformat(),
            "policy": self.policy,
            "reasons": [r.to_dict() for r in self.reasons],
            "flags": [f.to_dict() for f in self.flags],
            "unknown_facts": list(self.unknown_facts),
            "details": dict(self.details),
        }


_KNOWN_INSTRUMENTS: tuple[Instrument, ...] = (WET_KINDEROPVANG, ATW, MELDCODE_BESLUIT, GCK_REGLEMENT)


def citation_from_dict(data: Mapping[str, Any]) -> Citation:
    """Inverse of :meth:`Citation.to_dict` for the instruments klachtregels cites.

    An instrument it does not know is rebuilt from the dict (short name taken from the label).
    Every problem (a missing ``law``, a value of another type, an unknown key) is reported at once
    by :mod:`klachtregels.convert` as an :class:`~klachtregels.errors.InvalidInputError`, by key and
    never with the value.
    """
    return convert.structure(data, Citation, what="citation")


def _citation_from_form(data: Mapping[str, Any]) -> Citation:
    """A citation from a form :mod:`klachtregels.convert` has checked (every key, of its type)."""
    title = data["law"]
    instrument = next((i for i in _KNOWN_INSTRUMENTS if i.title == title), None)
    article, lid, sub = data.get("article"), data.get("lid"), data.get("sub")
    if instrument is None:
        label = str(data.get("label") or title)
        # The label is the short name followed by the place (" art. 3 lid 2 sub d", as label()
        # writes it); a place without an article (" lid 2") is cut off too.
        place = Citation(instrument=_NO_NAME, article=article, lid=lid, sub=sub).label("nl")
        if place and label.endswith(place) and len(label) > len(place):
            short = label[: -len(place)]
        else:
            short = label.split(" art. ")[0] if " art. " in label else label
        url = data.get("url")
        if url and "#" in url:
            url = url.split("#", 1)[0]
        instrument = Instrument(short=short, title=str(title), bwb_id=data.get("bwb_id"), url=url)
    return Citation(instrument=instrument, article=article, lid=lid, sub=sub, note=data.get("note"))


#: An instrument without a short name: its citations' labels are their places alone.
_NO_NAME = Instrument(short="", title="", bwb_id=None, url=None)


_NOTHING_OVERRIDDEN: frozenset[str] = frozenset()


def evaluate(
    spec: DecisionSpec[Ctx],
    ctx: Ctx,
    *,
    event_date: dt.date | None,
    as_of: dt.date,
    policy: str,
    extra_rules: Iterable[Rule[Ctx]] = (),
    details: Mapping[str, Any] | None = None,
) -> Decision:
    """Evaluate ``spec`` (plus ``extra_rules``, such as policy rules) on ``ctx``.

    ``event_date`` selects the rules in force (A20); ``None`` (unknown) evaluates the rules valid on
    ``as_of``. Raises :class:`RuleConflictError` when two rules collide without declared precedence.
    Nothing is formatted here: the decision's reasons are built when read.

    The same as :func:`decide` followed by :func:`conclude` (the two halves, for callers that want
    the outcome now and the :class:`Decision` later).
    """
    weighed = decide(spec, ctx, event_date=event_date, as_of=as_of, extra_rules=extra_rules)
    return conclude(spec, weighed, as_of, policy, None if details is None else dict(details))


class Weighed(NamedTuple):
    """The first half of :func:`evaluate`: the rules that fired (each with its result), the ids set
    aside by an exception, and the outcome. Enough to build the :class:`Decision` later
    (:func:`conclude`), with exactly the reasons, flags and unknown facts it would have had."""

    fired: list[tuple[Rule[Any], RuleResult]]
    overridden: frozenset[str]
    outcome: Outcome
    #: With ``decide(..., defer=True)``: the validity segment of the rules in force and the context,
    #: so that :func:`conclude` runs the rules left to it (``-1`` and ``None`` when every rule has run).
    segment: int = -1
    ctx: Any = None


def decide(
    spec: DecisionSpec[Ctx],
    ctx: Ctx,
    *,
    event_date: dt.date | None,
    as_of: dt.date,
    extra_rules: Iterable[Rule[Ctx]] = (),
    defer: bool = False,
) -> Weighed:
    """Run the rules of ``spec`` in force (see :func:`evaluate`) on ``ctx`` and weigh their results:
    the outcome, without the :class:`Decision` (raises :class:`RuleConflictError` as evaluate does).

    ``defer``: run only the rules that declare outcomes (``Rule.outcomes``) now. The others cannot
    change the outcome (a result without an outcome or unknown facts is not weighed): they give
    reasons and flags, and :func:`conclude` runs them, in their place, when it makes the decision
    (``ctx`` is immutable, so they answer the same then). Not with ``extra_rules``.
    """
    day = as_of if event_date is None else event_date
    segment = bisect.bisect_right(spec._bounds, day)  # the rules in force (rules_on)
    calls = spec._deciding[segment] if defer else spec._calls[segment]
    fired: list[tuple[Rule[Any], RuleResult]] = []  # a loop: a comprehension is a call of its own (3.11)
    for rule, function in calls:
        res = function(ctx)
        if res is not None:
            fired.append((rule, res))
    if defer:
        if extra_rules:
            raise ValueError("decide: defer=True does not take extra_rules")
        # Only a rule with an outcome overrides (no call where no rule of the spec can).
        overridden = _overridden_by(spec, fired, ()) if spec._has_overrides else _NOTHING_OVERRIDDEN
        outcome = _choose(spec, fired, overridden)
        return _new_tuple(Weighed, (fired, overridden, outcome, segment, ctx))
    extra = tuple(extra_rules) if extra_rules else ()
    if extra:
        fired += [(r, res) for r in extra if r.valid_on(day) and (res := r.function(ctx)) is not None]
    overridden = _overridden_by(spec, fired, extra)
    return _new_tuple(Weighed, (fired, overridden, _choose(spec, fired, overridden), -1, None))


def _overridden_by(
    spec: DecisionSpec[Any], fired: list[tuple[Rule[Any], RuleResult]], extra: tuple[Rule[Any], ...]
) -> frozenset[str]:
    """:func:`_overridden`, answered without a set when no exception fired (most complaints)."""
    if extra or spec._has_overrides:
        for rule, res in fired:
            if rule.overrides and res.outcome is not None and not res.unknown_facts:
                return _overridden(fired)
    return _NOTHING_OVERRIDDEN


def _complete(spec: DecisionSpec[Any], weighed: Weighed) -> list[tuple[Rule[Any], RuleResult]]:
    """The rules that fired, with those :func:`decide` deferred run now, each in its place.

    A deferred rule gives no outcome and no unknown facts (it declares no outcomes), so the outcome
    and the rules set aside stay what they were; one that breaks its declaration raises
    :class:`RuleConflictError` rather than leave a decision whose outcome ignored it.

    No sort: ``weighed.fired`` is in segment order, and so are the deferred rules; one that comes
    after every rule that declares outcomes (place ``-1``, most of them) is appended, another is
    inserted after the results of the rules before it.
    """
    ctx = weighed.ctx
    fired = weighed.fired
    out: list[tuple[Rule[Any], RuleResult]] | None = None  # a copy of fired, once a deferred rule fires
    for rule, function, place in spec._deferred[weighed.segment]:
        res = function(ctx)
        if res is None:
            continue
        if res.outcome is not None or res.unknown_facts:
            raise RuleConflictError(f"rule {rule.id} gave an outcome or unknown facts it does not declare")
        if out is None:
            out = fired.copy()
        if place < 0:
            out.append((rule, res))
        else:
            places = spec._places[weighed.segment]
            at = len(out)
            while at and places[id(out[at - 1][0])] > place:
                at -= 1
            out.insert(at, (rule, res))
    return fired if out is None else out


def conclude(
    spec: DecisionSpec[Any],
    weighed: Weighed,
    as_of: dt.date,
    policy: str,
    details: Mapping[str, Any] | None = None,
) -> Decision:
    """The :class:`Decision` of ``weighed`` (from :func:`decide` on ``spec``; the rules it deferred run
    now): its flags and unknown facts collected from the rules not set aside, its lazy reasons, and
    ``details`` (the dict itself, not a copy: it becomes the decision's)."""
    fired, overridden, outcome, segment, _ = weighed
    if segment >= 0:
        fired = _complete(spec, weighed)
    flags, unknown_facts = _collect(spec, fired, overridden, outcome)
    obj = _new_object(Decision)  # what Decision(...) builds, field by field (see _SET_*)
    _set_kind(obj, spec.name)
    _set_outcome(obj, outcome)
    _set_reasons(obj, _Trace(spec, fired, overridden, outcome))
    _set_flags(obj, flags)
    _set_unknown_facts(obj, unknown_facts)
    _set_as_of(obj, as_of)
    _set_policy(obj, policy)
    _set_library_version(obj, __version__)
    _set_details(obj, {} if details is None else details)
    return obj


def unknown_facts(spec: DecisionSpec[Any], weighed: Weighed) -> tuple[str, ...]:
    """The unknown facts the :class:`Decision` of ``weighed`` will carry, before it is made (only the
    rules that declare outcomes give unknown facts: the deferred ones need not run)."""
    for _, res in weighed.fired:
        if res.unknown_facts:
            return _collect(spec, weighed.fired, weighed.overridden, weighed.outcome)[1]
    return ()


def new_decision(
    kind: DecisionKind,
    outcome: Outcome,
    reasons: Sequence[Reason],
    flags: tuple[Flag, ...],
    unknown_facts: tuple[str, ...],
    as_of: dt.date,
    policy: str,
    details: Mapping[str, Any],
) -> Decision:
    """``Decision(...)`` with these fields (and this library's version), built as :func:`evaluate` builds
    its decisions: through the slots' setters (internal, for the decisions' hot paths)."""
    obj = _new_object(Decision)
    _set_kind(obj, kind)
    _set_outcome(obj, outcome)
    _set_reasons(obj, reasons)
    _set_flags(obj, flags)
    _set_unknown_facts(obj, unknown_facts)
    _set_as_of(obj, as_of)
    _set_policy(obj, policy)
    _set_library_version(obj, __version__)
    _set_details(obj, details)
    return obj


# evaluate builds its Decision through the slots' own setters: the frozen class's generated
# __init__ goes through object.__setattr__ once per field, which costs about twice as much (a
# Decision per evaluation, three to five per assessment). Decision has no converters or
# validators to skip; tests/test_engine_construction.py checks the result equals Decision(...).
_new_object = object.__new__
_set_kind = Decision.__dict__["kind"].__set__
_set_outcome = Decision.__dict__["outcome"].__set__
_set_reasons = Decision.__dict__["reasons"].__set__
_set_flags = Decision.__dict__["flags"].__set__
_set_unknown_facts = Decision.__dict__["unknown_facts"].__set__
_set_as_of = Decision.__dict__["as_of"].__set__
_set_policy = Decision.__dict__["policy"].__set__
_set_library_version = Decision.__dict__["library_version"].__set__
_set_details = Decision.__dict__["details"].__set__


def _overridden(fired: Iterable[tuple[Rule[Any], RuleResult]]) -> frozenset[str]:
    """The ids of rules set aside by an exception that fired definitely (``overrides``)."""
    return frozenset(
        target
        for rule, res in fired
        if res.outcome is not None and not res.unknown_facts
        for target in rule.overrides
    )


def _choose(
    spec: DecisionSpec[Ctx], fired: Sequence[tuple[Rule[Ctx], RuleResult]], overridden: frozenset[str]
) -> Outcome:
    """The decision's outcome: the highest definite level, unless unknown facts rank above it."""
    ranks = spec._ranks
    best: Outcome | None = None
    best_rank = len(spec.levels)
    conflict = False
    unknown: list[Outcome] = []
    has_unknown = False
    for rule, res in fired:
        if overridden and rule.id in overridden:
            continue
        if res.unknown_facts:
            has_unknown = True
            if res.outcome is not None:
                unknown.append(res.outcome)
        elif res.outcome is not None:
            rank = ranks[res.outcome]
            if rank < best_rank:
                best, best_rank, conflict = res.outcome, rank, False
            elif rank == best_rank and res.outcome != best:
                conflict = True
    if best is not None and (not has_unknown or best_rank < ranks[spec.undetermined]):
        if conflict:
            _raise_conflict(spec, fired, overridden, best_rank)
        return best
    if has_unknown:
        if len(unknown) == 1:  # the usual case: one rule lacked a fact
            return unknown[0]
        # sorted first: the order of rules must not pick between two outcomes of one level.
        return min(sorted(set(unknown)), key=ranks.__getitem__) if unknown else spec.undetermined
    return spec.default


def _raise_conflict(
    spec: DecisionSpec[Ctx],
    fired: Sequence[tuple[Rule[Ctx], RuleResult]],
    overridden: frozenset[str],
    rank: int,
) -> None:
    clash = [
        (rule.id, res.outcome)
        for rule, res in fired
        if rule.id not in overridden
        and not res.unknown_facts
        and res.outcome is not None
        and spec.rank(res.outcome) == rank
    ]
    ids = sorted(rule_id for rule_id, _ in clash)
    outcomes = sorted({str(outcome) for _, outcome in clash})
    raise RuleConflictError(
        f"{spec.name}: rules {', '.join(ids)} apply and disagree ({', '.join(outcomes)}); "
        "declare which is an exception to which (overrides)"
    )


def _collect(
    spec: DecisionSpec[Ctx],
    fired: Sequence[tuple[Rule[Ctx], RuleResult]],
    overridden: frozenset[str],
    outcome: Outcome,
) -> tuple[tuple[Flag, ...], tuple[str, ...]]:
    """The flags (once per code) and unknown facts of the rules not set aside (:func:`_set_aside`;
    only a rule with flags or unknown facts is looked at, most are not)."""
    win_rank = -1  # looked up only when a rule with flags or unknown facts fired
    flags: dict[FlagCode, Flag] = {}
    unknown: dict[str, None] | None = None
    for rule, res in fired:
        rule_flags, facts = res.flags, res.unknown_facts
        if not (rule_flags or facts):
            continue
        if win_rank < 0:
            win_rank = spec._ranks[outcome]
        if _set_aside(spec, rule, res, overridden, win_rank):
            continue
        for flag in rule_flags:
            if flag.code not in flags:  # a rule module's constant is attributed once (Flag.for_rule)
                flags[flag.code] = flag if flag.rule_id else flag.for_rule(rule.id)
        if facts and (res.outcome == outcome or outcome == spec.undetermined or outcome in _OPEN_OUTCOMES):
            if unknown is None:
                unknown = dict.fromkeys(facts)
            else:
                unknown.update(dict.fromkeys(facts))
    return (tuple(flags.values()) if flags else ()), (() if unknown is None else tuple(unknown))


#: The outcomes that are not definite (Outcome.definite), as a set for the evaluation loop.
_OPEN_OUTCOMES = frozenset(o for o in Outcome if not o.definite)
