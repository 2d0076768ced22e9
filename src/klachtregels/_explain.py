"""Readable notes for decisions (``Decision.explain``), in Dutch and English.

Built only from the decision's data (reasons, citations, flags, unknown facts), so the text cannot
drift from the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klachtregels.engine import Decision

__all__ = ["KIND_LABELS", "OUTCOME_LABELS", "explain_decision"]

#: Human labels for decision kinds and outcomes: ``{key: (nl, en)}``. Decision modules add theirs.
KIND_LABELS: dict[str, tuple[str, str]] = {}
OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "undetermined": ("onbepaald", "undetermined"),
    "needs_human_judgement": ("menselijk oordeel nodig", "needs human judgement"),
}


def _label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "nl" else pair[1]


def explain_decision(decision: Decision, lang: str = "nl") -> str:
    """Render ``decision`` as a short note citing the articles."""
    nl = lang == "nl"
    kind = _label(KIND_LABELS, decision.kind, lang)
    outcome = _label(OUTCOME_LABELS, decision.outcome, lang)
    lines = [
        f"{kind}: {outcome}" if kind != decision.kind else f"{decision.kind}: {outcome}",
        (
            f"Peildatum {decision.as_of.isoformat()}; beleid '{decision.policy}'; "
            f"klachtregels {decision.library_version}."
            if nl
            else f"As of {decision.as_of.isoformat()}; policy '{decision.policy}'; "
            f"klachtregels {decision.library_version}."
        ),
        "",
        "Overwegingen:" if nl else "Reasons:",
    ]
    for i, reason in enumerate(decision.reasons, start=1):
        cites = "; ".join(c.label(lang) for c in reason.citations)
        aside = (" (terzijde gesteld)" if nl else " (set aside)") if reason.set_aside else ""
        lines.append(f"{i}. [{reason.rule_id}; {cites}] {reason.message(lang)}{aside}")
    if decision.flags:
        lines += ["", "Aandachtspunten:" if nl else "Points of attention:"]
        for flag in decision.flags:
            amb = f", {flag.ambiguity}" if flag.ambiguity else ""
            lines.append(f"- {flag.code}{amb}: {flag.message(lang)}")
    if decision.unknown_facts:
        lines += [
            "",
            ("Onbekende feiten die een definitief antwoord blokkeren: " if nl else "Unknown facts blocking a definite answer: ")
            + ", ".join(decision.unknown_facts),
        ]
    return "\n".join(lines)
