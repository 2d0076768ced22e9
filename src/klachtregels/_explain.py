"""Readable notes for decisions (``Decision.explain``), in Dutch and English.

Built only from the decision's data (reasons, citations, flags, unknown facts), so the text cannot
drift from the rules. The labels of decision kinds and outcomes are catalogue entries
(``messages/engine.toml``: ``KIND_<kind>``, ``OUTCOME_<outcome>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klachtregels._io import one_line
from klachtregels.messages import check_lang, has_text, text

if TYPE_CHECKING:
    from klachtregels.engine import Decision

__all__ = ["explain_decision", "kind_label", "outcome_label"]


def kind_label(kind: str, lang: str = "nl") -> str:
    """The label of a decision kind (``eligibility``) in ``lang``, or the kind itself."""
    code = f"KIND_{kind.upper()}"
    lang = check_lang(lang)
    return text(code, lang) if has_text(code) else kind


def outcome_label(outcome: str, lang: str = "nl") -> str:
    """The label of an outcome (``judged_late``) in ``lang``, or the outcome itself."""
    code = f"OUTCOME_{outcome.upper()}"
    lang = check_lang(lang)
    return text(code, lang) if has_text(code) else outcome


def explain_decision(decision: Decision, lang: str = "nl") -> str:
    """Render ``decision`` as a complaints officer's note citing the articles."""
    lang = check_lang(lang)
    lines = [
        text(
            "EXPLAIN_HEADING",
            lang,
            kind=kind_label(decision.kind, lang),
            outcome=outcome_label(decision.outcome, lang),
            code=decision.outcome,
        ),
        text(
            "EXPLAIN_STAMP",
            lang,
            as_of=decision.as_of.isoformat(),
            policy=one_line(decision.policy),  # the user's name for it: on this line
            version=decision.library_version,
        ),
        "",
        text("EXPLAIN_REASONS", lang),
    ]
    aside = text("EXPLAIN_SET_ASIDE", lang)
    for i, reason in enumerate(decision.reasons, start=1):
        cites = "; ".join(c.label(lang) for c in reason.citations)
        lines.append(
            f"{i}. [{reason.rule_id}; {cites}] {reason.message(lang)}{aside if reason.set_aside else ''}"
        )
    if decision.flags:
        lines += ["", text("EXPLAIN_FLAGS", lang)]
        for flag in decision.flags:
            amb = f", {flag.ambiguity}" if flag.ambiguity else ""
            lines.append(f"- {flag.code}{amb}: {flag.message(lang)}")
    if decision.unknown_facts:
        lines += ["", text("EXPLAIN_UNKNOWN_FACTS", lang, facts=", ".join(decision.unknown_facts))]
    return "\n".join(lines)
