"""Running the checks over a whole register and an optional organisation file.

Two ways, one tally (:class:`_Tally`): :func:`check_records` / :func:`check_register` return the
whole :class:`CheckResult` in memory; :func:`stream_check` hands each row's findings to a sink as
the row is read and keeps only counters, so its memory does not grow with the register.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from klachtregels._arguments import each_instance, instance_argument, whole_number_argument
from klachtregels._time import amsterdam
from klachtregels.compliance.checks import ComplaintChecks, check_complaint, counts_for_annual_report
from klachtregels.compliance.findings import (
    CheckResult,
    CheckSettings,
    CheckSummary,
    FailOn,
    Finding,
    FindingId,
    Passed,
    Severity,
    make_finding,
)
from klachtregels.compliance.organisation_checks import K4_IDS_SHOWN, check_organisation
from klachtregels.decisions import question_day
from klachtregels.errors import InvalidInputError, ProvisionalCalendarError
from klachtregels.model import RegisterRecord
from klachtregels.policy import Policy, applied_policy
from klachtregels.register import RowError, read_register
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from klachtregels.bulk import DataFrameLike
    from klachtregels.compliance._sinks import Sink
    from klachtregels.model import Provider
    from klachtregels.organisation import Organisation
    from klachtregels.register.reader import RegisterReader
    from klachtregels.rules.organisation import K4Tally

__all__ = ["check_records", "check_register", "stream_check", "today_in_amsterdam"]


def today_in_amsterdam() -> dt.date:
    """Today's date in Europe/Amsterdam (the default as-of date, A22)."""
    return dt.datetime.now(amsterdam()).date()


def _as_of_in_range(as_of: dt.date) -> dt.date:
    """The as-of day, checked as every question's day is (:func:`klachtregels.decisions.question_day`)."""

    return question_day(as_of)


def _check_order(f: Finding | Passed) -> str:
    return f.check


_Item = TypeVar("_Item", Finding, Passed)


def _in_check_order(items: Sequence[_Item]) -> list[_Item]:
    """``items`` sorted by check (stable); one item needs no sorting."""
    return list(items) if len(items) < 2 else sorted(items, key=_check_order)


class _Tally:
    """What the rows add up to: counts per severity and id, passes, complaints per year (R9), K4.

    Keeps counters only (and at most :data:`K4_IDS_SHOWN` + 1 complaint ids for K4), never the
    findings themselves.
    """

    def __init__(self) -> None:
        self.counts: dict[Severity, int] = dict.fromkeys(Severity, 0)
        self.by_id: dict[str, int] = {}
        self.passed = 0
        self.per_year: dict[int, int] = {}
        self.failing: list[str] = []
        self.failing_count = 0
        self.undetermined = 0
        self.checked = 0
        self.seen = 0
        self.rejected_rows = 0

    def _count(self, findings: Iterable[Finding], passed: int) -> None:
        counts, by_id = self.counts, self.by_id
        for f in findings:
            counts[f.severity] += 1
            by_id[f.id] = by_id.get(f.id, 0) + 1
        self.passed += passed

    def complaint(
        self, record: RegisterRecord, result: ComplaintChecks
    ) -> tuple[list[Finding], list[Passed]]:
        """Count one checked record; its findings and passes in check order."""
        self.seen += 1
        findings = _in_check_order(result.findings)
        passed = _in_check_order(result.passed)
        self._count(findings, len(passed))
        year = counts_for_annual_report(record, result)
        if year is not None:
            self.per_year[year] = self.per_year.get(year, 0) + 1
        if result.eligibility in ELIGIBLE_OUTCOMES:
            self.checked += 1
            if result.k4_errors:
                self.failing_count += 1
                if len(self.failing) <= K4_IDS_SHOWN:
                    self.failing.append(record.complaint.id or f"row {record.row}")
            elif result.k4_undetermined:
                self.undetermined += 1
        return findings, passed

    def rejected(self, errors: Sequence[RowError]) -> list[Finding]:
        """A ``KR-ROW-REJECTED`` finding per error of one rejected row."""
        self.rejected_rows += 1
        findings = [
            make_finding(
                FindingId.ROW_REJECTED,
                {"problem_nl": error.text("nl"), "problem_en": error.text("en")},
                row=error.row,
                column=error.column,
            )
            for error in errors
        ]
        self._count(findings, 0)
        return findings

    def k4(self) -> K4Tally:
        from klachtregels.rules.organisation import K4Tally  # only with an organisation file

        return K4Tally(
            failing=tuple(self.failing),
            failing_count=self.failing_count,
            undetermined=self.undetermined,
            checked=self.checked,
        )

    @property
    def register_years(self) -> tuple[int, int] | None:
        return (min(self.per_year), max(self.per_year)) if self.per_year else None

    def organisation(
        self, organisation: Organisation | None, *, as_of: dt.date, policy: Policy
    ) -> tuple[tuple[Finding, ...], tuple[Passed, ...]]:
        """The organisation's findings and passes (K1-K9), counted; none without an organisation."""
        if organisation is None:
            return (), ()
        findings, passed = check_organisation(
            organisation,
            as_of=as_of,
            policy=policy,
            complaints_per_year=self.per_year,
            register_years=self.register_years,
            k4=self.k4(),
        )
        self._count(findings, len(passed))
        return findings, passed

    def summary(self, *, rows_read: int, rows_rejected: int, organisation_checked: bool) -> CheckSummary:
        return CheckSummary(
            rows_read=rows_read,
            rows_checked=rows_read - rows_rejected,
            rows_rejected=rows_rejected,
            organisation_checked=organisation_checked,
            errors=self.counts[Severity.ERROR],
            warnings=self.counts[Severity.WARNING],
            infos=self.counts[Severity.INFO],
            passed=self.passed,
            by_id=dict(self.by_id),
        )


def _provider(organisation: Organisation | None) -> Provider | None:
    """The organisation's facts the per-complaint rules read (A12: ``NO_REGULATION``), built once per
    run: each row is assessed as :func:`~klachtregels.decisions.assess` would with this provider."""
    if organisation is None:
        return None
    from klachtregels.organisation import Organisation as _Organisation  # only when given

    return instance_argument(organisation, _Organisation, "organisation").as_provider()  # type: ignore[union-attr]


def _row_key(f: Finding | Passed) -> tuple[int, int, str]:
    row = f.row
    return (0 if row is None else 1, row or 0, f.check)


def _rows_of(errors: Iterable[RowError]) -> Iterable[list[RowError]]:
    """Row errors grouped by row (a rejected row's errors come together)."""
    batch: list[RowError] = []
    for error in errors:
        if batch and error.row != batch[0].row:
            yield batch
            batch = []
        batch.append(error)
    if batch:
        yield batch


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

    With an ``organisation``, each record is assessed with its provider facts
    (:meth:`~klachtregels.organisation.Organisation.as_provider`, built once), as
    :func:`~klachtregels.decisions.assess` with that provider would (A12: ``NO_REGULATION``).

    ``row_errors`` (read *after* ``records`` is consumed, so a streaming reader's errors can be
    passed lazily as any iterable) become ``KR-ROW-REJECTED`` findings. ``rows_read`` defaults to
    the records seen plus ``rows_rejected``; given, it must be that number (every row read is
    checked or rejected), else an :class:`~klachtregels.errors.InvalidInputError` naming it. An
    ``as_of`` outside the calendar's range is an :class:`~klachtregels.errors.InvalidInputError`
    naming ``as_of``.
    """
    if rows_read is not None:
        whole_number_argument(rows_read, "rows_read", minimum=0)
    whole_number_argument(rows_rejected, "rows_rejected", minimum=0)
    as_of = _as_of_in_range(as_of)
    policy = applied_policy(policy)
    settings = instance_argument(settings, CheckSettings, "settings") or CheckSettings()
    provider = _provider(organisation)
    tally = _Tally()
    findings: list[Finding] = []
    passed: list[Passed] = []
    for record in each_instance(records, RegisterRecord, "records", expected="an iterable of RegisterRecord"):
        found, ok = tally.complaint(
            record,
            _check_row(record, as_of=as_of, policy=policy, settings=settings, provider=provider),
        )
        findings += found
        passed += ok
    for batch in _rows_of(sorted(row_errors, key=lambda e: e.row)):
        findings += tally.rejected(batch)
    rejected = max(rows_rejected, tally.rejected_rows)
    if rows_read is not None and rows_read != tally.seen + rejected:
        problem = "is not the records checked plus the rows rejected (every row read is one or the other)"
        raise InvalidInputError("arguments", [("rows_read", problem)])
    org_findings, org_passed = tally.organisation(organisation, as_of=as_of, policy=policy)
    return CheckResult(
        findings=org_findings + tuple(sorted(findings, key=_row_key)),
        passed=org_passed + tuple(sorted(passed, key=_row_key)),
        summary=tally.summary(
            rows_read=rows_read if rows_read is not None else tally.seen + rejected,
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


def _check_row(record: RegisterRecord, **arguments: Any) -> ComplaintChecks:
    """:func:`check_complaint` on one register row; a strict calendar's refusal (A2) names the row."""
    try:
        return check_complaint(record, **arguments)
    except ProvisionalCalendarError as error:
        raise error.in_row(record.row) from None


def check_register(
    source: str | os.PathLike[str] | DataFrameLike,
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
    """Read a register file or a pandas or polars DataFrame (streaming) and check it; see
    :func:`check_records`. The result's ``register`` is the file's path (None for a DataFrame).

    ``encoding`` and ``delimiter`` are :func:`~klachtregels.register.read_register`'s.

    ``as_of`` defaults to today in Europe/Amsterdam. Raises
    :class:`~klachtregels.errors.RegisterError` when the file cannot be read at all; a bad row is
    a ``KR-ROW-REJECTED`` finding, never an exception. The result holds every finding: for a
    register of any length use :func:`stream_check`.
    """
    collected = _Collect()
    stream_check(
        source,
        collected,
        as_of=as_of,
        policy=policy,
        organisation=organisation,
        mapping=mapping,
        format=format,
        settings=settings,
        organisation_file=organisation_file,
        encoding=encoding,
        delimiter=delimiter,
    )
    return collected.result()


class _Collect:
    """A sink that keeps everything: the in-memory result, in the streaming run's order."""

    def __init__(self) -> None:
        self._findings: list[Finding] = []
        self._passed: list[Passed] = []
        self._head: CheckResult | None = None

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        self._findings += findings
        self._passed += passed

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        self._head = head

    def close(self) -> None:
        """Nothing to drop."""

    def result(self) -> CheckResult:
        assert self._head is not None  # stream_check finishes its sink or raises
        head = self._head
        return attrs.evolve(
            head, findings=head.findings + tuple(self._findings), passed=head.passed + tuple(self._passed)
        )


def stream_check(
    source: str | os.PathLike[str] | DataFrameLike,
    sink: Sink,
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
    fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
) -> CheckSummary:
    """Check a register row by row, each row's findings going to ``sink`` as it is read.

    The same checks and findings as :func:`check_register` (arguments alike), in constant memory:
    nothing but counters is kept between rows. ``sink`` is one of the output formats
    (:func:`klachtregels.compliance.render.make_sink`); it is finished with the organisation's
    findings (K1-K9, which need the whole register's counts) and the run's summary, returned here.
    Whether the run failed is :meth:`CheckSummary.failed` with the same ``fail_on`` and ``strict``.
    """
    as_of = _as_of_in_range(today_in_amsterdam() if as_of is None else as_of)
    loaded = applied_policy(policy)
    settings = instance_argument(settings, CheckSettings, "settings") or CheckSettings()
    provider = _provider(organisation)
    reader = read_register(source, format=format, mapping=mapping, encoding=encoding, delimiter=delimiter)
    with contextlib.closing(sink):
        tally = _Tally()
        _stream_rows(
            reader,
            sink,
            tally,
            lambda record: _check_row(
                record, as_of=as_of, policy=loaded, settings=settings, provider=provider
            ),
        )
        org_findings, org_passed = tally.organisation(organisation, as_of=as_of, policy=loaded)
        read = reader.summary
        summary = attrs.evolve(
            tally.summary(
                rows_read=read.rows_read,
                rows_rejected=read.rows_rejected,
                organisation_checked=organisation is not None,
            ),
            rows_checked=read.rows_ok,
        )
        head = CheckResult(
            findings=org_findings,
            passed=org_passed,
            summary=summary,
            as_of=as_of,
            policy=loaded.name,
            settings=settings,
            register=os.fspath(source) if isinstance(source, str | os.PathLike) else None,
            organisation_file=organisation_file,
            organisation=organisation.name if organisation is not None else None,
        )
        sink.finish(head, failed=summary.failed(fail_on, strict=strict))
    return summary


def _stream_rows(
    reader: RegisterReader, sink: Sink, tally: _Tally, check: Callable[[RegisterRecord], ComplaintChecks]
) -> None:
    """Each row's findings to ``sink`` in file order: a rejected row's, or its record's checks'."""
    batch: list[RowError] = []
    for item in reader.events():
        if isinstance(item, RowError):
            if batch and item.row != batch[0].row:
                sink.rows(tally.rejected(batch), ())
                batch = []
            batch.append(item)
            continue
        if batch:
            sink.rows(tally.rejected(batch), ())
            batch = []
        sink.rows(*tally.complaint(item, check(item)))
    if batch:
        sink.rows(tally.rejected(batch), ())
