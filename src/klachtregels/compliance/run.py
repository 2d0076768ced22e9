"""Running the checks over a whole register (streaming) and an optional organisation file."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

import attrs

from klachtregels._time import amsterdam
from klachtregels.compliance.checks import ComplaintChecks, check_complaint, counts_for_annual_report
from klachtregels.compliance.findings import (
    CheckResult,
    CheckSettings,
    Finding,
    FindingId,
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


class _Tally:
    """What the rows add up to: their findings and passes, the complaints per year (R9) and K4."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.passed: list[Passed] = []
        self.per_year: dict[int, int] = {}
        self.failing: list[str] = []
        self.undetermined = 0
        self.checked = 0
        self.seen = 0

    def add(self, record: RegisterRecord, result: ComplaintChecks) -> None:
        self.seen += 1
        self.findings.extend(result.findings)
        self.passed.extend(result.passed)
        year = counts_for_annual_report(record, result)
        if year is not None:
            self.per_year[year] = self.per_year.get(year, 0) + 1
        if result.eligibility in ELIGIBLE_OUTCOMES:
            self.checked += 1
            if result.k4_errors:
                self.failing.append(record.complaint.id or f"row {record.row}")
            elif result.k4_undetermined:
                self.undetermined += 1

    def reject(self, errors: Iterable[RowError]) -> int:
        """Add a ``KR-ROW-REJECTED`` finding per row error; the number of rows rejected."""
        rows: set[int] = set()
        for error in errors:
            rows.add(error.row)
            facts = {"problem_nl": error.text("nl"), "problem_en": error.text("en")}
            finding = make_finding(FindingId.ROW_REJECTED, facts, row=error.row, column=error.column)
            self.findings.append(finding)
        return len(rows)

    def k4(self) -> K4Tally:
        return K4Tally(failing=tuple(self.failing), undetermined=self.undetermined, checked=self.checked)

    @property
    def register_years(self) -> tuple[int, int] | None:
        return (min(self.per_year), max(self.per_year)) if self.per_year else None


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
    tally = _Tally()
    for record in records:
        tally.add(record, check_complaint(record, as_of=as_of, policy=policy, settings=settings))
    rejected = max(rows_rejected, tally.reject(row_errors))
    org_findings: tuple[Finding, ...] = ()
    org_passed: tuple[Passed, ...] = ()
    if organisation is not None:
        org_findings, org_passed = check_organisation(
            organisation,
            as_of=as_of,
            policy=policy,
            complaints_per_year=tally.per_year,
            register_years=tally.register_years,
            k4=tally.k4(),
        )
    findings = org_findings + tuple(sorted(tally.findings, key=_row_key))
    passed = org_passed + tuple(sorted(tally.passed, key=_row_key))
    summary = summarise(
        findings,
        passed,
        rows_read=rows_read if rows_read is not None else tally.seen + rejected,
        rows_rejected=rejected,
        organisation_checked=organisation is not None,
    )
    return CheckResult(
        findings=findings,
        passed=passed,
        summary=summary,
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
    encoding: str | None = None,
    delimiter: str | None = None,
) -> CheckResult:
    """Read a register file (streaming) and check it; see :func:`check_records`.

    ``encoding`` and ``delimiter`` are :func:`~klachtregels.register.read_register`'s.

    ``as_of`` defaults to today in Europe/Amsterdam. Raises
    :class:`~klachtregels.errors.RegisterError` when the file cannot be read at all; a bad row is
    a ``KR-ROW-REJECTED`` finding, never an exception.
    """
    reader = read_register(source, format=format, mapping=mapping, encoding=encoding, delimiter=delimiter)
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
