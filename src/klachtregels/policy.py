"""Organisation policies: the open points the law leaves, as data.

A :class:`Policy` fills only what ``regulation.md`` leaves open (the A-settings of its section 8),
house terms (first contact, acknowledgement, a submission window), scope beyond the statute (such
as complaints about the working method) and what happens to a complaint after the meldcode. It
never changes what the statute fixes: ``klachtregels policy lint`` rejects a policy that is laxer
than the law (:func:`klachtregels.policy_lint.lint_policy`).

Policies are TOML files. The package ships ``statutory`` (the baseline, the default everywhere)
and one per seed organisation; :func:`load_policy` takes a shipped name or a path.
"""

from __future__ import annotations

import enum
import functools
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from klachtregels.errors import PolicyError
from klachtregels.terms import AtwMode, Deadline, ReceiptRule, Term, handling_deadline

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "AfterMeldcode",
    "AtwMode",
    "ComplainantScope",
    "HandledWhen",
    "Policy",
    "PolicySource",
    "ReceiptRule",
    "TwelveMonthStart",
    "load_policy",
    "shipped_policies",
    "toml_key",
]


class HandledWhen(enum.StrEnum):
    """A5: a complaint is handled when the judgement is sent (default) or received."""

    SENT = "sent"
    RECEIVED = "received"


class ComplainantScope(enum.StrEnum):
    """A7: who may complain."""

    STATUTORY_OUDER = "statutory_ouder"
    CONTRACT_PARTY_ONLY = "contract_party_only"


class AfterMeldcode(enum.StrEnum):
    """A10: what the house does with the rest of a complaint once the meldcode/meldplicht takes over."""

    #: Handle the remaining complaint afterwards (Les Petits, the model regulation 2022).
    RESUME = "resume"
    #: 'Close' the complaint procedure (Smallsteps). The statute suspends nothing (R29).
    CLOSE = "close"


class TwelveMonthStart(enum.StrEnum):
    """A13: which filing with the provider starts the Geschillencommissie's twelve months."""

    FIRST_WRITTEN = "first_written"
    FIRST_ANY = "first_any"


@attrs.frozen(kw_only=True)
class PolicySource:
    """The clause of the organisation's own document that a setting encodes."""

    #: The setting, as a dotted TOML key (``house_terms.first_contact``).
    setting: str
    document: str
    clause: str | None = None
    #: The clause's words, verbatim (Dutch).
    quote: str | None = None


_TERM_FIELDS = ("handling_term", "first_contact_term", "acknowledgement_term", "submission_window")


@attrs.frozen(kw_only=True)
class Policy:
    """An organisation's choices on the points the law leaves open. Defaults are the statutory baseline.

    Setting names follow regulation.md section 8; the ambiguity each fills is in its comment.
    """

    name: str = "statutory"
    title: str = "Wettelijke basis (Wet kinderopvang art. 1.57b-1.57c)"
    #: A1.
    atw_mode: AtwMode = attrs.field(default=AtwMode.APPLY, converter=AtwMode)
    #: A1, with ``follow_regulation_text``: does the house regulation's text apply the ATW? None: unknown.
    regulation_applies_atw: bool | None = None
    #: A2.
    include_equated_days: bool = True
    #: A2: raise instead of returning a provisional deadline.
    strict_calendar: bool = False
    #: A3.
    exclude_filing_day: bool = True
    #: A4.
    receipt_rule: ReceiptRule = attrs.field(default=ReceiptRule.SAME_DAY, converter=ReceiptRule)
    #: A5.
    handled_when: HandledWhen = attrs.field(default=HandledWhen.SENT, converter=HandledWhen)
    #: R6 (1.57b lid 2 d): the house handling term. The statute's six weeks is the maximum.
    handling_term: str = "6 weeks"
    #: A7.
    complainant_scope: ComplainantScope = attrs.field(
        default=ComplainantScope.STATUTORY_OUDER, converter=ComplainantScope
    )
    #: A7: prospective clients may complain under the house regulation.
    include_prospective_clients: bool = False
    #: A8: complaints about working method or policy are in scope by the house regulation.
    include_working_method: bool = False
    #: A9.
    electronic_counts_as_written: bool = True
    #: A9: app messages count as written. ``None``: the house says nothing (needs human judgement).
    app_messages_count_as_written: bool | None = None
    #: A10.
    after_meldcode: AfterMeldcode = attrs.field(default=AfterMeldcode.RESUME, converter=AfterMeldcode)
    #: A13.
    twelve_month_start: TwelveMonthStart = attrs.field(
        default=TwelveMonthStart.FIRST_WRITTEN, converter=TwelveMonthStart
    )
    #: A14: the Geschillencommissie's klachtgeld for parents, in euro cents, and the date it was seen.
    klachtgeld_cents: int | None = 2500
    klachtgeld_seen_on: str | None = "2025"
    #: A16: apply the ATW to the fixed 'before 1 June' of the annual report.
    jaarverslag_atw: bool = False
    #: A17: apply the ATW by analogy to private (house) terms.
    private_term_atw: bool = False
    #: House term: first personal contact after receipt (Smallsteps: "2 working days").
    first_contact_term: str | None = None
    #: House term: acknowledgement of receipt.
    acknowledgement_term: str | None = None
    #: House window for submitting a complaint after it arose (Smallsteps: "2 months"; A17).
    submission_window: str | None = None
    #: R25: the house offers a voluntary internal route for the oudercommissie (Les Petits).
    oudercommissie_internal_route: bool = False
    #: Where each setting comes from.
    sources: tuple[PolicySource, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = []
        for name in _TERM_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            try:
                _parse_term(value)
            except ValueError as exc:
                problems.append(f"{name}: {exc}")
        if problems:
            raise PolicyError(f"policy {self.name!r}: " + "; ".join(problems))

    def handling_deadline(self, received: dt.date, *, strict: bool | None = None) -> Deadline:
        """The six-week handling deadline (R6, R12) under this policy's A1-A4 settings.

        The one place where a policy becomes :func:`klachtregels.terms.handling_deadline`'s
        arguments; ``regulation_applies_atw`` only counts with ``follow_regulation_text`` (A1).
        ``strict`` overrides ``strict_calendar`` (A2), for callers that report provisional dates.
        """
        follow = self.atw_mode is AtwMode.FOLLOW_REGULATION_TEXT
        return handling_deadline(
            received,
            atw_mode=self.atw_mode,
            regulation_applies_atw=self.regulation_applies_atw if follow else None,
            exclude_filing_day=self.exclude_filing_day,
            receipt_rule=self.receipt_rule,
            include_equated_days=self.include_equated_days,
            strict=self.strict_calendar if strict is None else strict,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form (sources included)."""
        out: dict[str, Any] = {}
        for field in attrs.fields(Policy):
            value = getattr(self, field.name)
            if field.name == "sources":
                out["sources"] = [attrs.asdict(s) for s in value]
            else:
                out[field.name] = value.value if isinstance(value, enum.Enum) else value
        return out


def _parse_term(text: str) -> Term:
    return Term.parse(text)


# TOML layout: section -> {toml key: Policy field}.
_LAYOUT: Mapping[str, Mapping[str, str]] = {
    "policy": {"name": "name", "title": "title"},
    "deadlines": {
        "atw_mode": "atw_mode",
        "regulation_applies_atw": "regulation_applies_atw",
        "include_equated_days": "include_equated_days",
        "strict_calendar": "strict_calendar",
        "exclude_filing_day": "exclude_filing_day",
        "receipt_rule": "receipt_rule",
        "handled_when": "handled_when",
        "handling_term": "handling_term",
        "twelve_month_start": "twelve_month_start",
        "jaarverslag_atw": "jaarverslag_atw",
        "private_term_atw": "private_term_atw",
    },
    "scope": {
        "complainant_scope": "complainant_scope",
        "include_prospective_clients": "include_prospective_clients",
        "include_working_method": "include_working_method",
        "electronic_counts_as_written": "electronic_counts_as_written",
        "app_messages_count_as_written": "app_messages_count_as_written",
        "oudercommissie_internal_route": "oudercommissie_internal_route",
    },
    "meldcode": {"after_meldcode": "after_meldcode"},
    "house_terms": {
        "first_contact": "first_contact_term",
        "acknowledgement": "acknowledgement_term",
        "submission_window": "submission_window",
    },
    "geschillencommissie": {
        "klachtgeld_cents": "klachtgeld_cents",
        "klachtgeld_seen_on": "klachtgeld_seen_on",
    },
}


def policy_from_mapping(data: Mapping[str, Any], *, origin: str = "<policy>") -> Policy:
    """Build a policy from the TOML structure; every problem is reported at once, by key."""
    problems: list[str] = []
    kwargs: dict[str, Any] = {}
    for section, value in data.items():
        if section == "sources":
            continue
        keys = _LAYOUT.get(section)
        if keys is None:
            problems.append(f"[{section}]: unknown section (known: {', '.join(sorted(_LAYOUT))}, sources)")
            continue
        if not isinstance(value, Mapping):
            problems.append(f"[{section}]: must be a table")
            continue
        for key, item in value.items():
            field = keys.get(key)
            if field is None:
                problems.append(f"{section}.{key}: unknown setting (known: {', '.join(sorted(keys))})")
                continue
            kwargs[field] = item
    kwargs["sources"] = tuple(_read_sources(data.get("sources", []), problems))
    for attribute in attrs.fields(Policy):
        if attribute.name in kwargs and attribute.name != "sources":
            problem = _check_value(attribute, kwargs[attribute.name])
            if problem:
                problems.append(f"{toml_key(attribute.name)}: {problem}")
    if problems:
        raise PolicyError(f"{origin}: " + "; ".join(problems))
    try:
        return Policy(**kwargs)
    except ValueError as exc:
        raise PolicyError(f"{origin}: {exc}") from None


_SOURCE_KEYS = ("setting", "document", "clause", "quote")


def _read_sources(raw: object, problems: list[str]) -> list[PolicySource]:
    """The ``[[sources]]`` entries; each problem (by index and key) is appended to ``problems``."""
    if not isinstance(raw, list):
        problems.append("sources: must be an array of tables ([[sources]])")
        return []
    known_settings = {f"{section}.{key}" for section, keys in _LAYOUT.items() for key in keys}
    sources: list[PolicySource] = []
    for i, src in enumerate(raw):
        if not isinstance(src, Mapping):
            problems.append(f"sources[{i}]: must be a table")
            continue
        found = len(problems)
        problems.extend(
            f"sources[{i}].{key}: missing (every source needs 'setting' and 'document')"
            for key in ("setting", "document")
            if key not in src
        )
        problems.extend(
            f"sources[{i}].{key}: unknown key (known: {', '.join(_SOURCE_KEYS)})"
            for key in sorted(set(src) - set(_SOURCE_KEYS))
        )
        problems.extend(
            f"sources[{i}].{key}: expected text, got {src[key]!r}"
            for key in _SOURCE_KEYS
            if key in src and not isinstance(src[key], str)
        )
        setting = src.get("setting")
        if isinstance(setting, str) and setting not in known_settings:
            problems.append(f"sources[{i}].setting: {setting!r} is not a policy setting (write section.key)")
        if len(problems) == found:
            sources.append(PolicySource(**{k: src[k] for k in _SOURCE_KEYS if k in src}))
    return sources


def toml_key(field_name: str) -> str:
    """The dotted TOML key (``deadlines.handling_term``) of a :class:`Policy` field name."""
    for section, keys in _LAYOUT.items():
        for key, field in keys.items():
            if field == field_name:
                return f"{section}.{key}"
    return field_name


def _check_value(field: attrs.Attribute[Any], value: Any) -> str | None:
    default = field.default
    if isinstance(default, enum.Enum):
        allowed = [m.value for m in type(default)]
        return None if value in allowed else f"{value!r} is not one of: {', '.join(allowed)}"
    annotation = str(field.type)
    if annotation.startswith("bool"):
        if value is None or isinstance(value, bool):
            return None
        return f"expected true or false, got {value!r}"
    if annotation.startswith("int"):
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and value < 0:
            return f"must be 0 or more, got {value!r}"
        return None if ok else f"expected a whole number, got {value!r}"
    if annotation.startswith("str"):
        if not isinstance(value, str):
            return f"expected text, got {value!r}"
        if field.name == "name" and not value.strip():
            return "must not be empty (it names the policy in every decision)"
        if field.name in _TERM_FIELDS:
            try:
                _parse_term(value)
            except ValueError as exc:
                return str(exc)
        return None
    return None  # pragma: no cover


def load_policy(name_or_path: str | os.PathLike[str] | Policy | None = None) -> Policy:
    """A shipped policy by name (``statutory``, ``les-petits``, ``smallsteps``, ``thuishuis``) or a TOML file.

    ``None`` gives the statutory baseline.
    """
    if isinstance(name_or_path, Policy):
        return name_or_path
    if name_or_path is None:
        return _shipped("statutory")
    text = os.fspath(name_or_path)
    if text in shipped_policies():
        return _shipped(text)
    path = Path(text)
    if not path.exists():
        shipped = ", ".join(shipped_policies())
        raise PolicyError(f"no policy named {text!r}: not a shipped policy ({shipped}) and no such file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    return policy_from_mapping(data, origin=str(path))


@functools.cache
def shipped_policies() -> tuple[str, ...]:
    """Names of the policies shipped with the package."""
    folder = resources.files("klachtregels") / "policies"
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")))


@functools.cache
def _shipped(name: str) -> Policy:
    text = (resources.files("klachtregels") / "policies" / f"{name}.toml").read_text(encoding="utf-8")
    return policy_from_mapping(tomllib.loads(text), origin=f"policy {name!r}")
