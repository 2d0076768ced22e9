"""Running the checks over a whole register (streaming) and an optional organisation file."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

import attrs

from klachtregels._time import amsterdam
from klachtregels.compliance.checks import check_complaint, counts_for_annual_report
from klachtregels.compliance.findings import (
    CheckResult,
    CheckSettings,
    Finding,
    Passed,
    make_finding,
    summarise,
)
from klachtregels.compliance.organisation_checks import K4Tally, check_organisation
from klachtregels.policy import Policy, load_policy
from klachtregels.register import RowError, read_register
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from klachtregels.model import RegisterRecord
    from klachtregels.organisation import Organisation

__all__ = ["check_records", "check_register", "today_in_amsterdam"]


def today_in_amsterdam() -> dt.date:
    """Today's date in Europe/Amsterdam (the default as-of date, A22)."""
    return dt.datetime.now(amsterdam()).date()


def _row_key(f: Finding | Passed) -> tuple[int, int, str]:
    row = f.row
    return (0 if row is None else 1, row or 0, f.check)


def check_records(
    records: Iterable[RegisterRecord],
    *,
    as_of: dt.date,
    policy: Policy | None = None,
    organisation: Organisation | None = None,
    settings: CheckSettings | None = None,
    row_errors: Iterable[RowError] = (),
    rows_read: int | None = None,
    rows_rejected: int = 0,
    register: str | None = None,
    organisation_file: str | None = None,
) -> CheckResult:
    """Check register records (any iterable; consumed once) and, if given, the organisation.

    ``row_errors`` (read *after* ``records`` is consumed, so a streaming reader's errors can be
    passed lazily as any iterable) become ``KR-ROW-REJECTED`` findings. ``rows_read`` defaults to
    the records seen plus ``rows_rejected``.
    """
    policy = policy or load_policy(None)
    settings = settings or CheckSettings()
    findings: list[Finding] = []
    passed: list[Passed] = []
    per_year: dict[int, int] = {}
    failing: list[str] = []
    undetermined = 0
    checked = 0
    seen = 0
    for record in records:
        seen += 1
        result = check_complaint(record, as_of=as_of, policy=policy, settings=settings)
        findings.extend(result.findings)
        passed.extend(result.passed)
        year = counts_for_annual_report(record, result)
        if year is not None:
            per_year[year] = per_year.get(year, 0) + 1
        if result.eligibility in ELIGIBLE_OUTCOMES:
            checked += 1
            if result.k4_errors:
                failing.append(record.complaint.id or f"row {record.row}")
            elif result.k4_undetermined:
                undetermined += 1
    rejected_rows: set[int] = set()
    for error in row_errors:
        rejected_rows.add(error.row)
        findings.append(
            make_finding(
                "KR-ROW-REJECTED",
                {"problem": error.message},
                row=error.row,
                column=error.column,
            )
        )
    rejected = max(rows_rejected, len(rejected_rows))
    total = rows_read if rows_read is not None else seen + rejected
    org_findings: tuple[Finding, ...] = ()
    org_passed: tuple[Passed, ...] = ()
    if organisation is not None:
        org_findings, org_passed = check_organisation(
            organisation,
            as_of=as_of,
            policy=policy,
            complaints_per_year=per_year,
            register_years=(min(per_year), max(per_year)) if per_year else None,
            k4=K4Tally(failing=tuple(failing), undetermined=undetermined, checked=checked),
        )
    all_findings = tuple(org_findings) + tuple(sorted(findings, key=_row_key))
    all_passed = tuple(org_passed) + tuple(sorted(passed, key=_row_key))
    return CheckResult(
        findings=all_findings,
        passed=all_passed,
        summary=summarise(
            all_findings,
            all_passed,
            rows_read=total,
            rows_rejected=rejected,
            organisation_checked=organisation is not None,
        ),
        as_of=as_of,
        policy=policy.name,
        settings=settings,
        register=register,
        organisation_file=organisation_file,
        organisation=organisation.name if organisation is not None else None,
    )


def check_register(
    source: str | os.PathLike[str],
    *,
    as_of: dt.date | None = None,
    policy: Policy | str | os.PathLike[str] | None = None,
    organisation: Organisation | None = None,
    mapping: Any = None,
    format: Any = None,
    settings: CheckSettings | None = None,
    organisation_file: str | None = None,
) -> CheckResult:
    """Read a register file (streaming) and check it; see :func:`check_records`.

    ``as_of`` defaults to today in Europe/Amsterdam. Raises
    :class:`~klachtregels.errors.RegisterError` when the file cannot be read at all; a bad row is
    a ``KR-ROW-REJECTED`` finding, never an exception.
    """
    reader = read_register(source, format=format, mapping=mapping)
    result = check_records(
        reader,
        as_of=as_of or today_in_amsterdam(),
        policy=load_policy(policy),
        organisation=organisation,
        settings=settings,
        row_errors=_Lazy(reader),
        register=os.fspath(source),
        organisation_file=organisation_file,
    )
    # The reader's own counters are the truth for rows (blank lines are not rows).
    read = reader.summary
    summary = attrs.evolve(
        result.summary,
        rows_read=read.rows_read,
        rows_checked=read.rows_ok,
        rows_rejected=read.rows_rejected,
    )
    return attrs.evolve(result, summary=summary)


class _Lazy:
    """The reader's errors, read only when iterated (after the records)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader

    def __iter__(self) -> Any:
        return iter(self._reader.errors)
