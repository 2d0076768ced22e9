"""klachtregels: the Dutch childcare complaint regulation as executable, cited rules.

The public API is re-exported here. Submodules load on first use (PEP 562), so
``import klachtregels`` stays cheap for a childcare system that only needs one part of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from klachtregels._version import __version__

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs; runtime uses __getattr__
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
    from klachtregels.engine import Decision, Flag, Reason, Rule
    from klachtregels.errors import (
        CalendarDataError,
        InvalidInputError,
        KlachtregelsError,
        PolicyError,
        ProvisionalCalendarError,
        RegisterError,
        RuleConflictError,
        TermError,
        UnknownFactError,
    )
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
    from klachtregels.policy import Policy, load_policy
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

# name -> defining module. Keep in step with the TYPE_CHECKING block and __all__ (a test checks).
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
    "Citation": "klachtregels.citations",
    **dict.fromkeys(("Decision", "Flag", "Reason", "Rule"), "klachtregels.engine"),
    **dict.fromkeys(
        (
            "CalendarDataError",
            "InvalidInputError",
            "KlachtregelsError",
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
    **dict.fromkeys(("Policy", "load_policy"), "klachtregels.policy"),
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

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'klachtregels' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # cache: the next access is a plain global lookup
    return value


def __dir__() -> list[str]:
    return __all__
