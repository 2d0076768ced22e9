"""The catalogue of every rule: listed and rendered (``klachtregels rules``, ``docs/rules.md``).

Built from the rule data only, so the documentation cannot drift from the engine: a test
regenerates ``docs/rules.md`` and fails when it is stale.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from klachtregels import messages
from klachtregels.errors import InvalidInputError
from klachtregels.rules.geschillencommissie import GCK_ACCESS, GCK_OC_ACCESS
from klachtregels.rules.handling import HANDLING
from klachtregels.rules.meldcode import PRECEDENCE
from klachtregels.rules.scope import ELIGIBILITY
from klachtregels.vocabulary import DecisionKind

if TYPE_CHECKING:
    from klachtregels.engine import DecisionSpec, Rule
    from klachtregels.rules._facts import Facts

__all__ = ["CATALOGUE_SCHEMA_VERSION", "FORMATS", "SPECS", "all_rules", "catalogue_dict", "render_rules"]

#: Version of the JSON shape of :func:`catalogue_dict`.
CATALOGUE_SCHEMA_VERSION = 1
FORMATS = ("text", "md", "json")

#: Every decision spec, in the order the catalogue lists them. The oudercommissie route is a
#: second spec of the ``gck_access`` decision.
SPECS: tuple[tuple[str, DecisionSpec[Facts]], ...] = (
    ("eligibility", ELIGIBILITY),
    ("precedence", PRECEDENCE),
    ("gck_access", GCK_ACCESS),
    ("gck_access_oudercommissie", GCK_OC_ACCESS),
    ("handling", HANDLING),
)


def _section(key: str, lang: str) -> str:
    """The section title of the spec ``key`` (``CATALOGUE_SECTION_<KEY>`` in the catalogue)."""
    return messages.text(f"CATALOGUE_SECTION_{key.upper()}", lang)


def all_rules(decision: DecisionKind | str | None = None) -> tuple[Rule[Facts], ...]:
    """Every rule, in catalogue order (optionally of one decision); a rule shared by two specs once.

    ``decision`` is a :class:`~klachtregels.vocabulary.DecisionKind` (or its value); an unknown one
    raises :class:`~klachtregels.errors.InvalidInputError` (a :class:`ValueError`).
    """
    wanted = None if decision is None else _decision_kind(decision)
    seen: set[tuple[str, str, dt.date]] = set()
    out: list[Rule[Facts]] = []
    for _key, spec in SPECS:
        for rule in spec.rules:
            key = (rule.decision, rule.id, rule.valid_from)
            if key in seen or (wanted is not None and rule.decision != wanted):
                continue
            seen.add(key)
            out.append(rule)
    return tuple(out)


def _decision_kind(decision: DecisionKind | str) -> DecisionKind:
    try:
        return DecisionKind(decision)
    except ValueError:
        known = ", ".join(kind.value for kind in DecisionKind)
        raise InvalidInputError(
            "arguments", [("decision", f"unknown decision kind; use one of {known}")]
        ) from None


def _valid(rule: Rule[Facts], lang: str) -> str:
    start = "—" if rule.valid_from == dt.date.min else rule.valid_from.isoformat()
    end = rule.valid_to.isoformat() if rule.valid_to else messages.text("CATALOGUE_PRESENT", lang)
    return f"{start} – {end}"


def catalogue_dict() -> dict[str, Any]:
    """The catalogue as versioned JSON data."""
    return {
        "schema": "klachtregels.rules",
        "schema_version": CATALOGUE_SCHEMA_VERSION,
        "decisions": [
            {
                "key": key,
                "decision": spec.name,
                "levels": [sorted(level) for level in spec.levels],
                "default": spec.default,
                "cumulative": spec.cumulative,
                "rules": [_rule_dict(r) for r in spec.rules],
            }
            for key, spec in SPECS
        ],
    }


def _rule_dict(rule: Rule[Facts]) -> dict[str, Any]:
    data = rule.to_dict()
    if rule.valid_from == dt.date.min:
        data["valid_from"] = None
    return data


def render_rules(fmt: str = "text", lang: str = "nl") -> str:
    """Render the catalogue: ``text``, ``md`` (the page ``docs/rules.md``) or ``json``.

    Raises :class:`~klachtregels.messages.UnknownLanguageError` for a language other than ``nl``/``en``
    (also for ``json``, which holds both) and :class:`~klachtregels.errors.InvalidInputError` (a
    :class:`ValueError`) for an unknown format, naming ``fmt`` and not repeating it.
    """
    lang = messages.check_lang(lang)
    if fmt == "json":
        return json.dumps(catalogue_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown(lang)
    if fmt == "text":
        return _text(lang)
    # The value given is not repeated (it may be anything passed on).
    raise InvalidInputError("rules rendering", [("fmt", f"is not one of: {', '.join(FORMATS)}")])


def _text(lang: str) -> str:
    lines: list[str] = []
    for key, spec in SPECS:
        head = _section(key, lang)
        lines += [f"{head} [{spec.name}]", "=" * (len(head) + len(spec.name) + 3)]
        ranked = " > ".join("|".join(sorted(level)) for level in spec.levels)
        lines.append(messages.text("CATALOGUE_TEXT_OUTCOMES", lang, ranked=ranked))
        for rule in spec.rules:
            cites = "; ".join(c.label(lang) for c in rule.citations)
            lines.append(f"  {rule.id:<14} {rule.title(lang)}")
            lines.append(f"  {'':<14} {cites} | {_valid(rule, lang)} | {rule.source.value}")
            if rule.facts:
                items = ", ".join(rule.facts)
                lines.append(f"  {'':<14} {messages.text('CATALOGUE_TEXT_FACTS', lang, items=items)}")
        lines.append("")
    return "\n".join(lines)


_GENERATED = (
    "<!-- Generated by `klachtregels rules --format md` (scripts/gen_rules_doc.py). Do not edit by hand:"
    " tests/test_examples_rules.py fails when this page is stale. -->"
)


def _markdown(lang: str) -> str:
    out = [
        messages.text("CATALOGUE_MD_TITLE", lang),
        "",
        _GENERATED,
        "",
        messages.text("CATALOGUE_MD_INTRO", lang),
        "",
    ]
    for key, spec in SPECS:
        out += [f"## {_section(key, lang)} (`{spec.name}`)", ""]
        ranked = " > ".join(" / ".join(f"`{o}`" for o in sorted(level)) for level in spec.levels)
        default = "CATALOGUE_MD_DEFAULT_CUMULATIVE" if spec.cumulative else "CATALOGUE_MD_DEFAULT"
        out += [
            messages.text("CATALOGUE_MD_OUTCOMES", lang, ranked=ranked),
            "",
            messages.text(default, lang, default=spec.default),
            "",
        ]
        for rule in spec.rules:
            out += [f"### {rule.id}: {rule.title(lang)}", "", *_rule_lines(rule, lang), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _rule_lines(rule: Rule[Facts], lang: str) -> list[str]:
    """The bullet list of one rule: sources, notes, validity, kind, outcomes, overrides, ambiguities,
    facts."""
    cites = ", ".join(f"[{c.label(lang)}]({c.url})" if c.url else c.label(lang) for c in rule.citations)
    notes = [c.note for c in rule.citations if c.note]
    lines = [messages.text("CATALOGUE_MD_SOURCES", lang, items=cites)]
    if notes:
        lines.append(messages.text("CATALOGUE_MD_SOURCE_NOTES", lang, items="; ".join(notes)))
    lines.append(messages.text("CATALOGUE_MD_VALID", lang, valid=_valid(rule, lang)))
    lines.append(messages.text("CATALOGUE_MD_KIND", lang, kind=rule.source.value))
    optional = (
        ("CATALOGUE_MD_RULE_OUTCOMES", ", ".join(f"`{o}`" for o in rule.outcomes)),
        ("CATALOGUE_MD_OVERRIDES", ", ".join(rule.overrides)),
        ("CATALOGUE_MD_AMBIGUITIES", ", ".join(rule.ambiguities)),
        ("CATALOGUE_MD_FACTS", ", ".join(f"`{fact}`" for fact in rule.facts)),
    )
    lines += [messages.text(code, lang, items=items) for code, items in optional if items]
    return lines
