"""One explanation page per rule id (R1-R31) and open point (A1-A22) of ``regulation.md``.

The same text is printed by ``klachtregels rules R12`` and published as ``docs/rules/R12.md`` (the docs
hook ``docs/_hooks/rule_pages.py`` writes the pages from :func:`page`), so the command line and the
site cannot differ. A page has the explanation (``messages/rule_pages.toml``), the engine rules that
carry the id (from the rule catalogue, with their citations and outcomes) and the compliance checks and
findings that cite it (from the check catalogue).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from klachtregels import messages
from klachtregels.errors import InvalidInputError

if TYPE_CHECKING:
    from klachtregels.engine import Rule
    from klachtregels.rules._facts import Facts

__all__ = [
    "AMBIGUITY_IDS",
    "DOCS_URL",
    "PAGE_IDS",
    "RULE_IDS",
    "normalise_id",
    "page",
    "page_path",
    "page_url",
    "title",
]

#: Where the documentation site is published (``[project.urls] Documentation``).
DOCS_URL: Final = "https://klachtregels.readthedocs.io/en/latest/"

#: The rules of ``regulation.md``, in order.
RULE_IDS: Final = tuple(f"R{n}" for n in range(1, 32))
#: The open points (ambiguities) of ``regulation.md``, in order.
AMBIGUITY_IDS: Final = tuple(f"A{n}" for n in range(1, 23))
#: Every id that has a page.
PAGE_IDS: Final = RULE_IDS + AMBIGUITY_IDS

#: A rule id as the engine writes it: ``R25`` or a variant such as ``R25-advice-duty``.
_ENGINE_ID: Final = re.compile(r"^(R\d+)(?:-|$)")


def normalise_id(value: str) -> str:
    """``r12`` / ``R12`` -> ``R12``; an id without a page raises :class:`InvalidInputError`.

    The error names the argument, not the value (which is what a user typed).
    """
    key = value.strip().upper()
    if key not in PAGE_IDS:
        raise InvalidInputError("arguments", [("id", "unknown rule or open point; use R1-R31 or A1-A22")])
    return key


def page_path(rule_id: str) -> str:
    """The page of ``rule_id`` relative to the docs root: ``rules/R12.md``."""
    return f"rules/{normalise_id(rule_id)}.md"


def page_url(rule_id: str) -> str:
    """The published page of ``rule_id``: ``https://klachtregels.readthedocs.io/en/latest/rules/R12/``."""
    return f"{DOCS_URL}rules/{normalise_id(rule_id)}/"


def title(rule_id: str, lang: str = "nl") -> str:
    """The short title of a rule or open point."""
    return messages.text(f"RULE_PAGE_{normalise_id(rule_id)}_TITLE", lang)


def _engine_rules(rule_id: str) -> list[Rule[Facts]]:
    """The engine rules that carry ``rule_id`` (an R id) or name it as an ambiguity (an A id)."""
    from klachtregels.rules.catalogue import all_rules

    out: list[Rule[Facts]] = []
    for rule in all_rules():
        match = _ENGINE_ID.match(rule.id)
        if (match is not None and match.group(1) == rule_id) or rule_id in rule.ambiguities:
            out.append(rule)
    return out


def _rule_lines(rule_id: str, lang: str) -> list[str]:
    """One bullet per engine rule: id, title, citations and outcomes."""
    rules = _engine_rules(rule_id)
    if not rules:
        return [messages.text("RULE_PAGE_NO_ENGINE_RULE", lang)]
    lines = []
    for rule in rules:
        cites = ", ".join(f"[{c.label(lang)}]({c.url})" if c.url else c.label(lang) for c in rule.citations)
        outcomes = ", ".join(f"`{o}`" for o in rule.outcomes)
        tail = f" · {outcomes}" if outcomes else ""
        lines.append(f"- `{rule.id}` ({rule.decision}): {rule.title(lang).rstrip('.')}. {cites}{tail}")
    return lines


def _check_lines(rule_id: str, lang: str) -> list[str]:
    """One bullet per compliance check citing ``rule_id``, with the finding ids it can give."""
    from klachtregels.compliance.findings import load_catalogue

    catalogue = load_catalogue()
    lines = []
    for check in catalogue.checks.values():
        if rule_id not in check.rule_ids and rule_id not in check.ambiguities:
            continue
        ids = sorted(spec.id for spec in catalogue.findings.values() if spec.check == check.id)
        line = f"- `{check.id}`: {check.title(lang)}"
        if ids:
            findings = messages.text("RULE_PAGE_FINDINGS", lang, items=", ".join(f"`{i}`" for i in ids))
            line += f" ({findings})"
        lines.append(line)
    return lines


def _related(rule_id: str, text: str) -> list[str]:
    """The other rule and open-point ids the explanation mentions, in page order."""
    named = set(re.findall(r"\b[RA]\d{1,2}\b", text)) - {rule_id}
    return [i for i in PAGE_IDS if i in named]


def page(rule_id: str, lang: str = "nl", *, links: bool = False) -> str:
    """The page of a rule or open point as Markdown (also readable as plain text).

    ``links=True`` turns the ids under "see also" into links to their sibling pages (for the docs site).
    """
    key = normalise_id(rule_id)
    lang = messages.check_lang(lang)
    explanation = messages.text(f"RULE_PAGE_{key}_TEXT", lang)
    out = [f"# {key}: {title(key, lang)}", "", explanation, ""]
    out += [f"## {messages.text('RULE_PAGE_HEADING_CODE', lang)}", "", *_rule_lines(key, lang), ""]
    checks = _check_lines(key, lang)
    if checks:
        out += [f"## {messages.text('RULE_PAGE_HEADING_CHECKS', lang)}", "", *checks, ""]
    related = _related(key, explanation)
    if related:
        items = [f"[{i}]({i}.md): {title(i, lang)}" if links else f"{i}: {title(i, lang)}" for i in related]
        out += [f"## {messages.text('RULE_PAGE_HEADING_RELATED', lang)}", "", *(f"- {i}" for i in items), ""]
    out.append(f"*{messages.text('RULE_PAGE_SOURCE', lang)}*")
    return "\n".join(out) + "\n"
