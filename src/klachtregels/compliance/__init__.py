"""Compliance checks over complaint registers and organisations, with findings and renderers.

Per complaint (:mod:`~klachtregels.compliance.checks`): the six-week term, the judgement's form,
a concrete term for measures, house terms, meldplicht and meldcode, Geschillencommissie filings.
Per organisation (:mod:`~klachtregels.compliance.organisation_checks`): the GGD-style items K1-K9
(regulation.md section 7; wording unverified, A21). Every check is described, with its legal
basis, in the catalogue ``compliance/data/checks.toml`` (:func:`load_catalogue`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klachtregels.compliance._sinks import Sink, make_sink
from klachtregels.compliance.checks import ComplaintChecks, check_complaint
from klachtregels.compliance.findings import (
    CHECK_RESULT_SCHEMA,
    CHECK_RESULT_SCHEMA_VERSION,
    Catalogue,
    Check,
    CheckResult,
    CheckSettings,
    CheckSummary,
    FailOn,
    Finding,
    FindingId,
    FindingSpec,
    KItem,
    Passed,
    Severity,
    load_catalogue,
    make_finding,
)
from klachtregels.compliance.organisation_checks import check_organisation
from klachtregels.compliance.render import FORMATS, render
from klachtregels.compliance.run import check_records, check_register, stream_check, today_in_amsterdam

if TYPE_CHECKING:  # pragma: no cover - the static view of the lazy export below
    from klachtregels.rules.organisation import K4Tally

__all__ = [
    "CHECK_RESULT_SCHEMA",
    "CHECK_RESULT_SCHEMA_VERSION",
    "FORMATS",
    "Catalogue",
    "Check",
    "CheckResult",
    "CheckSettings",
    "CheckSummary",
    "ComplaintChecks",
    "FailOn",
    "Finding",
    "FindingId",
    "FindingSpec",
    "K4Tally",
    "KItem",
    "Passed",
    "Severity",
    "Sink",
    "check_complaint",
    "check_organisation",
    "check_records",
    "check_register",
    "load_catalogue",
    "make_finding",
    "make_sink",
    "render",
    "stream_check",
    "today_in_amsterdam",
]


def __getattr__(name: str) -> Any:
    """``K4Tally``, imported when first asked for (PEP 562): a check without an organisation file
    does not load the K1-K9 rules (start-up, issue 8)."""
    if name == "K4Tally":
        from klachtregels.rules.organisation import K4Tally

        globals()[name] = K4Tally  # the next access is a plain global look-up
        return K4Tally
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
