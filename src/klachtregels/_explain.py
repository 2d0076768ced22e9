"""Readable notes for decisions (``Decision.explain``) and assessments, in Dutch and English.

Built only from the decision's data (reasons, citations, flags, unknown facts), so the text cannot
drift from the rules. The outcome labels here are the register's words for each outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klachtregels.engine import Decision

__all__ = ["KIND_LABELS", "OUTCOME_LABELS", "explain_decision", "label"]

#: Human labels for decision kinds: ``{key: (nl, en)}``.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "eligibility": ("Ontvankelijkheid voor interne behandeling", "Eligibility for internal handling"),
    "precedence": ("Meldcode en meldplicht", "Meldcode and meldplicht"),
    "gck_access": (
        "Toegang tot de Geschillencommissie Kinderopvang",
        "Access to the Geschillencommissie Kinderopvang",
    ),
    "handling": ("Afhandeling binnen zes weken", "Handling within six weeks"),
}

#: Human labels for outcomes: ``{outcome: (nl, en)}``.
OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "undetermined": ("onbepaald", "undetermined"),
    "needs_human_judgement": ("menselijk oordeel nodig", "needs human judgement"),
    # eligibility
    "eligible": ("klacht in behandeling te nemen (art. 1.57b)", "eligible (art. 1.57b)"),
    "eligible_by_policy": (
        "in behandeling op grond van de eigen regeling",
        "eligible by the house regulation",
    ),
    "not_yet": ("nog geen schriftelijke klacht", "not yet (not in writing)"),
    "not_eligible": ("geen klacht in de zin van art. 1.57b", "not a complaint under art. 1.57b"),
    "out_of_temporal_scope": ("buiten het tijdsbereik (vóór 2016)", "out of temporal scope (before 2016)"),
    # precedence
    "none": ("geen signalen; gewone klachtprocedure", "no signals; ordinary complaint procedure"),
    "meldplicht": (
        "meldplicht art. 1.51b: onverwijld overleg met de vertrouwensinspecteur",
        "meldplicht art. 1.51b: consult the vertrouwensinspecteur without delay",
    ),
    "houder_suspect": ("de houder is verdachte (art. 1.51c)", "the provider is the suspect (art. 1.51c)"),
    "meldcode_route_1": ("meldcode route 1 (signalen thuis)", "meldcode route 1 (signals at home)"),
    "meldcode_route_3": (
        "meldcode route 3 (seksueel gedrag tussen kinderen)",
        "meldcode route 3 (sexual behaviour between children)",
    ),
    # Geschillencommissie
    "direct_access": ("rechtstreekse toegang", "direct access"),
    "admissible": ("ontvankelijk", "admissible"),
    "premature": ("te vroeg", "premature"),
    "inadmissible": ("niet-ontvankelijk", "inadmissible"),
    "late_if_invoked": (
        "te laat als de houder zich erop beroept",
        "late if the provider invokes it",
    ),
    "redirect": (
        "niet bij de Geschillencommissie; elders indienen",
        "not for the Geschillencommissie; redirect",
    ),
    # handling
    "not_applicable": ("niet van toepassing", "not applicable"),
    "not_started": ("termijn nog niet begonnen", "term not started"),
    "open_on_track": ("open, binnen de termijn", "open, on track"),
    "open_due_soon": ("open, termijn verloopt binnenkort", "open, due soon"),
    "open_overdue": ("open, termijn verstreken", "open, overdue"),
    "judged_in_time": ("tijdig afgehandeld", "judged in time"),
    "judged_late": ("te laat afgehandeld", "judged late"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The label for ``key`` in ``lang``, or the key itself."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "nl" else pair[1]


def explain_decision(decision: Decision, lang: str = "nl") -> str:
    """Render ``decision`` as a complaints officer's note citing the articles."""
    nl = lang == "nl"
    kind = label(KIND_LABELS, decision.kind, lang)
    outcome = label(OUTCOME_LABELS, decision.outcome, lang)
    lines = [
        f"{kind}: {outcome} [{decision.outcome}]",
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
            (
                "Onbekende feiten die een definitief antwoord blokkeren: "
                if nl
                else "Unknown facts blocking a definite answer: "
            )
            + ", ".join(decision.unknown_facts),
        ]
    return "\n".join(lines)
