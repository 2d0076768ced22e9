"""Compliance checks over complaint registers and organisations, with findings and renderers.

Per complaint (:mod:`~klachtregels.compliance.checks`): the six-week term, the judgement's form,
a concrete term for measures, house terms, meldplicht and meldcode, Geschillencommissie filings.
Per organisation (:mod:`~klachtregels.compliance.organisation_checks`): the GGD-style items K1-K9
(regulation.md section 7; wording unverified, A21). Every check is described, with its legal
basis, in the catalogue ``compliance/data/checks.toml`` (:func:`load_catalogue`).
"""

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
from klachtregels.compliance.organisation_checks import K4Tally, check_organisation
from klachtregels.compliance.render import FORMATS, render
from klachtregels.compliance.run import check_records, check_register, stream_check, today_in_amsterdam

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
