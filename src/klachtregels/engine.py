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
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from klachtregels._version import __version__
from klachtregels.citations import (
    ATW,
    GCK_REGLEMENT,
    MELDCODE_BESLUIT,
    WET_KINDEROPVANG,
    Citation,
    Instrument,
)
from klachtregels.errors import InvalidInputError, RuleConflictError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = [
    "DECISION_SCHEMA_VERSION",
    "Decision",
    "DecisionSpec",
    "Flag",
    "Reason",
    "Rule",
    "RuleResult",
    "Source",
    "citation_from_dict",
    "evaluate",
]

#: Version of the JSON shape of :meth:`Decision.to_dict`; bumped on any incompatible change.
DECISION_SCHEMA_VERSION = 1

Ctx = TypeVar("Ctx")


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


@attrs.frozen(kw_only=True)
class Flag:
    """A marker on a decision: an ambiguity exposed, a non-compliance noted, an indicator for a human."""

    #: Stable code, upper snake case (``CLOCK_NOT_SUSPENDED_BY_STATUTE``).
    code: str
    message_nl: str
    message_en: str
    #: The ambiguity id from regulation.md section 8 (``A10``), when the flag exposes one.
    ambiguity: str | None = None
    rule_id: str | None = None

    def message(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.message_nl if lang == "nl" else self.message_en

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Flag:
        """Inverse of :meth:`to_dict`."""
        return cls(
            code=str(data["code"]),
            message_nl=str(data["message"]["nl"]),
            message_en=str(data["message"]["en"]),
            ambiguity=data.get("ambiguity"),
            rule_id=data.get("rule_id"),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "code": self.code,
            "ambiguity": self.ambiguity,
            "rule_id": self.rule_id,
            "message": {"nl": self.message_nl, "en": self.message_en},
        }


@attrs.frozen(kw_only=True)
class Reason:
    """One step of a decision's reasoning: which rule, on what basis, and what it found."""

    rule_id: str
    citations: tuple[Citation, ...]
    message_nl: str
    message_en: str
    #: The outcome this rule gave, or ``None`` for a reason that supports without deciding.
    outcome: str | None = None
    #: True when the rule fired but was set aside by an exception (``overrides``) or a higher level.
    set_aside: bool = False

    def message(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.message_nl if lang == "nl" else self.message_en

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        """Inverse of :meth:`to_dict`."""
        return cls(
            rule_id=str(data["rule_id"]),
            citations=tuple(citation_from_dict(c) for c in data["citations"]),
            message_nl=str(data["message"]["nl"]),
            message_en=str(data["message"]["en"]),
            outcome=data.get("outcome"),
            set_aside=bool(data.get("set_aside", False)),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "rule_id": self.rule_id,
            "outcome": self.outcome,
            "set_aside": self.set_aside,
            "citations": [c.to_dict() for c in self.citations],
            "message": {"nl": self.message_nl, "en": self.message_en},
        }


@attrs.frozen(kw_only=True)
class RuleResult:
    """What a rule found. Build with :meth:`fire`, :meth:`support` or :meth:`unknown`."""

    #: The outcome the rule gives, or ``None`` when it only supports (a condition that holds).
    outcome: str | None
    message_nl: str
    message_en: str
    flags: tuple[Flag, ...] = ()
    #: Facts (dotted field paths such as ``complainant.role``) the rule needed but did not get.
    unknown_facts: tuple[str, ...] = ()

    @classmethod
    def fire(cls, outcome: str, nl: str, en: str, *, flags: Sequence[Flag] = ()) -> RuleResult:
        """The rule applies and gives ``outcome``."""
        return cls(outcome=str(outcome), message_nl=nl, message_en=en, flags=tuple(flags))

    @classmethod
    def support(cls, nl: str, en: str, *, flags: Sequence[Flag] = ()) -> RuleResult:
        """The rule's condition holds; it gives no outcome of its own but is part of the reasoning."""
        return cls(outcome=None, message_nl=nl, message_en=en, flags=tuple(flags))

    @classmethod
    def unknown(
        cls, facts: Sequence[str], nl: str, en: str, *, outcome: str, flags: Sequence[Flag] = ()
    ) -> RuleResult:
        """The rule cannot decide: ``facts`` are unknown. ``outcome`` is the undetermined outcome to give."""
        return cls(
            outcome=str(outcome), message_nl=nl, message_en=en, flags=tuple(flags), unknown_facts=tuple(facts)
        )


@attrs.frozen(kw_only=True)
class Rule(Generic[Ctx]):
    """A rule: data (id, citations, validity) plus a small pure function over a context."""

    #: The rule id from regulation.md (``R5``), or a policy/derived id (``R4-policy``).
    id: str
    title_nl: str
    title_en: str
    citations: tuple[Citation, ...]
    #: Which decision it takes part in (``eligibility``, ``precedence``, ``gck_access``, ...).
    decision: str
    #: The pure function. ``None``: does not fire.
    function: Callable[[Ctx], RuleResult | None] = attrs.field(repr=False, eq=False)
    #: The outcomes this rule can give (for the catalogue and for checking specs).
    outcomes: tuple[str, ...] = ()
    valid_from: dt.date = dt.date(2016, 1, 1)
    valid_to: dt.date | None = None
    #: Ids of rules this one is an exception to: when it fires, they are set aside.
    overrides: tuple[str, ...] = ()
    source: Source = Source.STATUTE
    #: Ambiguity ids (A1..A22) this rule exposes.
    ambiguities: tuple[str, ...] = ()

    def valid_on(self, day: dt.date) -> bool:
        """Whether this rule is in force on ``day`` (A20: evaluate at the event date)."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def to_dict(self) -> dict[str, Any]:
        """The rule as catalogue data."""
        return {
            "id": self.id,
            "decision": self.decision,
            "title": {"nl": self.title_nl, "en": self.title_en},
            "citations": [c.to_dict() for c in self.citations],
            "outcomes": list(self.outcomes),
            "valid_from": self.valid_from.isoformat(),
            "valid_to": None if self.valid_to is None else self.valid_to.isoformat(),
            "overrides": list(self.overrides),
            "source": self.source.value,
            "ambiguities": list(self.ambiguities),
        }


@attrs.frozen(kw_only=True)
class DecisionSpec(Generic[Ctx]):
    """How one decision is taken: its rules, its outcome ranking, and its default."""

    name: str
    rules: tuple[Rule[Ctx], ...]
    #: Outcome ranks, highest first; outcomes on one level are alternatives that must not collide.
    levels: tuple[frozenset[str], ...]
    #: The outcome when no rule fires (for example ``eligible`` when every condition holds).
    default: str
    #: The outcome to give when facts are unknown and nothing higher fired.
    undetermined: str = "undetermined"
    #: Cumulative decisions (precedence): the levels pick the headline outcome only. Every rule
    #: that fired keeps its reason and flags (a meldplicht does not set aside a meldcode route;
    #: both duties stand). Rules set aside by ``overrides`` are still set aside.
    cumulative: bool = False

    def __attrs_post_init__(self) -> None:
        ranked = set().union(*self.levels)
        for rule in self.rules:
            missing = set(rule.outcomes) - ranked
            if missing:
                raise ValueError(f"rule {rule.id}: outcomes {sorted(missing)} are not ranked in {self.name}")
        if self.default not in ranked or self.undetermined not in ranked:
            raise ValueError(f"{self.name}: default and undetermined outcomes must be ranked")

    def rank(self, outcome: str) -> int:
        """0 for the highest level."""
        for i, level in enumerate(self.levels):
            if outcome in level:
                return i
        raise KeyError(outcome)  # pragma: no cover - checked in __attrs_post_init__


@attrs.frozen(kw_only=True)
class Decision:
    """The answer to one question about a complaint, with its reasons, flags and unknown facts."""

    #: Which decision (``eligibility``, ``precedence``, ``gck_access``, ``assessment``).
    kind: str
    outcome: str
    reasons: tuple[Reason, ...]
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

        Raises :class:`~klachtregels.errors.InvalidInputError` on a shape this version cannot read.
        """
        try:
            if data.get("schema") != "klachtregels.decision":
                raise ValueError("not a klachtregels.decision")
            if data.get("schema_version") != DECISION_SCHEMA_VERSION:
                raise ValueError(
                    f"schema_version {data.get('schema_version')!r} is not {DECISION_SCHEMA_VERSION}"
                )
            return cls(
                kind=str(data["kind"]),
                outcome=str(data["outcome"]),
                reasons=tuple(Reason.from_dict(r) for r in data["reasons"]),
                flags=tuple(Flag.from_dict(f) for f in data["flags"]),
                unknown_facts=tuple(str(f) for f in data["unknown_facts"]),
                as_of=dt.date.fromisoformat(data["as_of"]),
                policy=str(data["policy"]),
                library_version=str(data["library_version"]),
                details=dict(data["details"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InvalidInputError("decision", [("", f"cannot read this decision: {exc}")]) from None

    @property
    def definite(self) -> bool:
        """False when the outcome is undetermined or needs human judgement."""
        return self.outcome not in ("undetermined", "needs_human_judgement")

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules that gave a reason, in order."""
        return tuple(r.rule_id for r in self.reasons)

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
    """
    title = data["law"]
    instrument = next((i for i in _KNOWN_INSTRUMENTS if i.title == title), None)
    if instrument is None:
        label = str(data.get("label") or title)
        short = label.split(" art. ")[0] if " art. " in label else label
        url = data.get("url")
        if url and "#" in url:
            url = url.split("#", 1)[0]
        instrument = Instrument(short=short, title=str(title), bwb_id=data.get("bwb_id"), url=url)
    return Citation(
        instrument=instrument,
        article=data.get("article"),
        lid=data.get("lid"),
        sub=data.get("sub"),
        note=data.get("note"),
    )


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
    """
    day = event_date if event_date is not None else as_of
    rules = [r for r in (*spec.rules, *extra_rules) if r.valid_on(day)]
    fired: list[tuple[Rule[Ctx], RuleResult]] = []
    for rule in rules:
        result = rule.function(ctx)
        if result is not None:
            fired.append((rule, result))

    overridden = {
        target
        for rule, res in fired
        if res.outcome is not None and not res.unknown_facts
        for target in rule.overrides
    }
    live = [(r, res) for r, res in fired if r.id not in overridden]
    definite = [(r, res) for r, res in live if res.outcome is not None and not res.unknown_facts]
    unknowns = [(r, res) for r, res in live if res.unknown_facts]

    best_rank = min((spec.rank(res.outcome) for _, res in definite if res.outcome), default=None)
    unknown_rank = spec.rank(spec.undetermined)
    outcome: str
    if best_rank is not None and (not unknowns or best_rank < unknown_rank):
        winners = {res.outcome for _, res in definite if res.outcome and spec.rank(res.outcome) == best_rank}
        if len(winners) > 1:
            ids = sorted(r.id for r, res in definite if res.outcome in winners)
            raise RuleConflictError(
                f"{spec.name}: rules {', '.join(ids)} apply and disagree ({', '.join(sorted(winners))}); "
                "declare which is an exception to which (overrides)"
            )
        (outcome,) = winners
    elif unknowns:
        outcomes = {res.outcome for _, res in unknowns if res.outcome}
        # sorted first: a set's order varies between runs, decisions must not (determinism).
        outcome = min(sorted(outcomes), key=spec.rank) if outcomes else spec.undetermined
    else:
        outcome = spec.default

    reasons: list[Reason] = []
    flags: list[Flag] = []
    unknown_facts: list[str] = []
    win_rank = spec.rank(outcome)
    for rule, res in fired:
        set_aside = rule.id in overridden or (
            not spec.cumulative
            and res.outcome is not None
            and not res.unknown_facts
            and spec.rank(res.outcome) > win_rank
        )
        reasons.append(
            Reason(
                rule_id=rule.id,
                citations=rule.citations,
                message_nl=res.message_nl,
                message_en=res.message_en,
                outcome=res.outcome,
                set_aside=set_aside,
            )
        )
        if not set_aside:
            for flag in res.flags:
                flags.append(flag if flag.rule_id else attrs.evolve(flag, rule_id=rule.id))
            if res.unknown_facts and (outcome in (res.outcome, spec.undetermined) or not _definite(outcome)):
                unknown_facts.extend(f for f in res.unknown_facts if f not in unknown_facts)
    return Decision(
        kind=spec.name,
        outcome=outcome,
        reasons=tuple(reasons),
        flags=_dedupe_flags(flags),
        unknown_facts=tuple(unknown_facts),
        as_of=as_of,
        policy=policy,
        details=dict(details or {}),
    )


def _definite(outcome: str) -> bool:
    return outcome not in ("undetermined", "needs_human_judgement")


def _dedupe_flags(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    seen: set[str] = set()
    out: list[Flag] = []
    for flag in flags:
        if flag.code not in seen:
            seen.add(flag.code)
            out.append(flag)
    return tuple(out)
