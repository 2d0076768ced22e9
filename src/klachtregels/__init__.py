"""klachtregels: the Dutch childcare complaint regulation as executable, cited rules.

The public API is re-exported here. Submodules load on first use (PEP 562), so
``import klachtregels`` stays cheap for a childcare system that needs one part of it; type
checkers and IDEs see ordinary imports (the ``TYPE_CHECKING`` block).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from klachtregels._version import __version__

if TYPE_CHECKING:  # pragma: no cover - static view of the lazy exports below
    from klachtregels.bulk import assess_many, gck_filing_limits, handling_deadlines, working_day_deadlines
    from klachtregels.calendar import (
        DecreeStatus,
        NonWorkingDay,
        NonWorkingKind,
        add_working_days,
        equated_days_status,
        is_working_day,
        non_working_days,
        non_working_reason,
    )
    from klachtregels.citations import Citation
    from klachtregels.compliance import CheckResult, CheckSettings, Finding, check_records, check_register
    from klachtregels.decisions import Assessment, assess, eligibility, geschillencommissie_access, precedence
    from klachtregels.engine import Decision, Flag, Reason, Rule
    from klachtregels.errors import (
        CalendarDataError,
        InvalidInputError,
        KlachtregelsError,
        MissingExtraError,
        PolicyError,
        ProvisionalCalendarError,
        RegisterError,
        RuleConflictError,
        TermError,
        UnknownFactError,
    )
    from klachtregels.ics import to_ics
    from klachtregels.model import (
        About,
        Channel,
        Complaint,
        GckFiling,
        GckOutcome,
        Judgement,
        Location,
        Measure,
        Party,
        PartyRole,
        Provider,
        ProviderKind,
        RegisterRecord,
        Signal,
        SignalKind,
        Subject,
        Verdict,
    )
    from klachtregels.organisation import Organisation, load_organisation
    from klachtregels.policy import Policy, load_policy
    from klachtregels.policy_lint import LintFinding, LintReport, is_clean, lint_policy
    from klachtregels.register import (
        ColumnMapping,
        GckCase,
        RegisterReader,
        RegisterSummary,
        RowError,
        read_gck_cases,
        read_register,
        read_register_all,
    )
    from klachtregels.report import AnnualReport, build_report
    from klachtregels.report import render as render_report
    from klachtregels.rules.catalogue import all_rules, render_rules
    from klachtregels.schema import complaint_schema, register_schema
    from klachtregels.terms import (
        AtwMode,
        Deadline,
        ReceiptRule,
        Term,
        TermUnit,
        deadline,
        gck_filing_limit,
        handling_deadline,
    )
    from klachtregels.timeline import Obligation, Obligations, ObligationStatus, obligations

# public name -> "module" or "module:attribute". Keep in step with the block above (a test checks).
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(
        (
            "DecreeStatus",
            "NonWorkingDay",
            "NonWorkingKind",
            "add_working_days",
            "equated_days_status",
            "is_working_day",
            "non_working_days",
            "non_working_reason",
        ),
        "klachtregels.calendar",
    ),
    **dict.fromkeys(
        ("assess_many", "gck_filing_limits", "handling_deadlines", "working_day_deadlines"),
        "klachtregels.bulk",
    ),
    "Citation": "klachtregels.citations",
    **dict.fromkeys(
        ("CheckResult", "CheckSettings", "Finding", "check_records", "check_register"),
        "klachtregels.compliance",
    ),
    **dict.fromkeys(
        ("Assessment", "assess", "eligibility", "geschillencommissie_access", "precedence"),
        "klachtregels.decisions",
    ),
    **dict.fromkeys(("Decision", "Flag", "Reason", "Rule"), "klachtregels.engine"),
    **dict.fromkeys(
        (
            "CalendarDataError",
            "InvalidInputError",
            "KlachtregelsError",
            "MissingExtraError",
            "PolicyError",
            "ProvisionalCalendarError",
            "RegisterError",
            "RuleConflictError",
            "TermError",
            "UnknownFactError",
        ),
        "klachtregels.errors",
    ),
    **dict.fromkeys(
        (
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
        ),
        "klachtregels.model",
    ),
    **dict.fromkeys(
        ("Obligation", "ObligationStatus", "Obligations", "obligations"), "klachtregels.timeline"
    ),
    "to_ics": "klachtregels.ics",
    **dict.fromkeys(("Organisation", "load_organisation"), "klachtregels.organisation"),
    **dict.fromkeys(("Policy", "load_policy"), "klachtregels.policy"),
    **dict.fromkeys(("LintFinding", "LintReport", "is_clean", "lint_policy"), "klachtregels.policy_lint"),
    **dict.fromkeys(
        (
            "ColumnMapping",
            "GckCase",
            "RegisterReader",
            "RegisterSummary",
            "RowError",
            "read_gck_cases",
            "read_register",
            "read_register_all",
        ),
        "klachtregels.register",
    ),
    "AnnualReport": "klachtregels.report",
    "build_report": "klachtregels.report",
    "render_report": "klachtregels.report:render",
    **dict.fromkeys(("all_rules", "render_rules"), "klachtregels.rules.catalogue"),
    **dict.fromkeys(("complaint_schema", "register_schema"), "klachtregels.schema"),
    **dict.fromkeys(
        (
            "AtwMode",
            "Deadline",
            "ReceiptRule",
            "Term",
            "TermUnit",
            "deadline",
            "gck_filing_limit",
            "handling_deadline",
        ),
        "klachtregels.terms",
    ),
}

__all__ = [
    "About",
    "AnnualReport",
    "Assessment",
    "AtwMode",
    "CalendarDataError",
    "Channel",
    "CheckResult",
    "CheckSettings",
    "Citation",
    "ColumnMapping",
    "Complaint",
    "Deadline",
    "Decision",
    "DecreeStatus",
    "Finding",
    "Flag",
    "GckCase",
    "GckFiling",
    "GckOutcome",
    "InvalidInputError",
    "Judgement",
    "KlachtregelsError",
    "LintFinding",
    "LintReport",
    "Location",
    "Measure",
    "MissingExtraError",
    "NonWorkingDay",
    "NonWorkingKind",
    "Obligation",
    "ObligationStatus",
    "Obligations",
    "Organisation",
    "Party",
    "PartyRole",
    "Policy",
    "PolicyError",
    "Provider",
    "ProviderKind",
    "ProvisionalCalendarError",
    "Reason",
    "ReceiptRule",
    "RegisterError",
    "RegisterReader",
    "RegisterRecord",
    "RegisterSummary",
    "RowError",
    "Rule",
    "RuleConflictError",
    "Signal",
    "SignalKind",
    "Subject",
    "Term",
    "TermError",
    "TermUnit",
    "UnknownFactError",
    "Verdict",
    "__version__",
    "add_working_days",
    "all_rules",
    "assess",
    "assess_many",
    "build_report",
    "check_records",
    "check_register",
    "complaint_schema",
    "deadline",
    "eligibility",
    "equated_days_status",
    "gck_filing_limit",
    "gck_filing_limits",
    "geschillencommissie_access",
    "handling_deadline",
    "handling_deadlines",
    "is_clean",
    "is_working_day",
    "lint_policy",
    "load_organisation",
    "load_policy",
    "non_working_days",
    "non_working_reason",
    "obligations",
    "precedence",
    "read_gck_cases",
    "read_register",
    "read_register_all",
    "register_schema",
    "render_report",
    "render_rules",
    "to_ics",
    "working_day_deadlines",
]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'klachtregels' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value  # cache: the next access is a plain global lookup
    return value


def __dir__() -> list[str]:
    return __all__
