"""The output formats of ``check`` as sinks: each row's findings are written as they come.

A sink is fed the findings of one register row at a time (:meth:`Sink.rows`), then finished with
the run's head (:meth:`Sink.finish`): a :class:`CheckResult` that holds the organisation's findings
and the whole run's summary. The organisation's findings come first in every format, but they are
only known once the register has been read (K4 and K5 count its rows), so each sink writes the
rows into a spool (:class:`Spool`: memory first, a temporary file past a few MiB) and, at the end,
writes the head, the organisation's part, the spool and the tail to the output. Memory stays
constant whatever the register's length.

The in-memory renderers (:func:`klachtregels.compliance.render.render`) feed a whole result into
the same sinks, so there is one writer per format.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, Any, Final, Protocol
from xml.sax.saxutils import escape, quoteattr

from klachtregels._io import markdown_text, one_line, printable, valid_unicode, xml_text
from klachtregels.compliance.findings import CheckResult, FailOn, Finding, Passed, Severity, load_catalogue
from klachtregels.messages import check_lang, text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["GITHUB_ANNOTATION_LIMIT", "Sink", "Spool", "make_sink"]

#: GitHub shows at most this many annotations of each type (error, warning, notice) per step.
GITHUB_ANNOTATION_LIMIT: Final = 10
_SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI: Final = "https://klachtregels.readthedocs.io/"
_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_TYPE: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: A spool stays in memory up to this many characters, then moves to a temporary file.
_SPOOL_IN_MEMORY: Final = 4 * 1024 * 1024
_COPY_CHUNK: Final = 1 << 16


class Sink(Protocol):
    """Where a run's findings go, a register row at a time."""

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        """One register row's findings and passes (in check order)."""

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        """Write everything: ``head`` holds the organisation's findings and the run's summary."""

    def close(self) -> None:
        """Drop whatever was spooled (after :meth:`finish`, or when the run failed)."""


class Spool:
    """Text written now and copied out later: in memory while small, then a temporary file.

    The file is made at the first write; :meth:`copy_to`, :meth:`lines` and :meth:`close` end it.
    """

    def __init__(self) -> None:
        self._file: IO[str] | None = None

    @property
    def empty(self) -> bool:
        """Whether nothing was written."""
        return self._file is None

    def write(self, chunk: str) -> None:
        """Append ``chunk``."""
        if self._file is None:
            self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by copy_to/lines/close
                max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline=""
            )
        self._file.write(chunk)

    def lines(self) -> Iterator[str]:
        """What was written, line by line (then the spool is closed)."""
        if self._file is None:
            return
        self._file.seek(0)
        try:
            yield from self._file
        finally:
            self.close()

    def copy_to(self, out: IO[str], *, skip: int = 0) -> None:
        """Write what was written to ``out``, less its first ``skip`` characters; close the spool."""
        if self._file is None:
            return
        self._file.seek(0)
        if skip:
            self._file.read(skip)
        shutil.copyfileobj(self._file, out, _COPY_CHUNK)
        self.close()

    def close(self) -> None:
        """Drop what was written (again: nothing happens)."""
        if self._file is not None:
            self._file.close()
            self._file = None


# --- shared labels ----------------------------------------------------------------------------------


def t(lang: str, key: str, **params: object) -> str:
    """The renderer's text ``key`` (``CHECK_<KEY>`` in messages/compliance.toml) in ``lang``."""
    return text(f"CHECK_{key.upper()}", lang, **params)


def basis(f: Finding, lang: str) -> str:
    """A finding's legal basis in one line: its K item, rule ids and first two citations."""
    parts = []
    if f.k_item:
        parts.append(f.k_item)
    if f.rule_ids:
        parts.append(", ".join(f.rule_ids))
    if f.citations:
        parts.append("; ".join(c.label(lang) for c in f.citations[:2]))
    return " · ".join(parts)


def subject_label(f: Finding | Passed, lang: str) -> str:
    """``rij 12 · klacht K-1``, or the organisation."""
    if f.row is None and f.complaint_id is None:
        return t(lang, "organisation")
    parts = []
    if f.row is not None:
        parts.append(f"{t(lang, 'row')} {f.row}")
    if f.complaint_id is not None:
        parts.append(f"{t(lang, 'complaint')} {one_line(f.complaint_id)}")
    return " · ".join(parts)


def summary_line(result: CheckResult, lang: str) -> str:
    """The counts of a run in one sentence."""
    s = result.summary
    return t(
        lang,
        "summary",
        read=s.rows_read,
        checked=s.rows_checked,
        rejected=s.rows_rejected,
        errors=s.errors,
        warnings=s.warnings,
        infos=s.infos,
        passed=s.passed,
    )


def verdict_line(failed: bool, fail_on: FailOn, lang: str) -> str:
    """Whether the run failed at ``fail_on``, in words."""
    verdict = t(lang, "result_fail") if failed else t(lang, "result_ok")
    return verdict.format(level=fail_on.value)


# --- text -------------------------------------------------------------------------------------------


class TextSink:
    """Human-readable text, grouped by the organisation and then by register row."""

    def __init__(self, out: IO[str], *, lang: str, fail_on: FailOn) -> None:
        self._out, self._lang, self._fail_on = out, lang, fail_on
        self._spool = Spool()
        self._current: str | None = None

    def close(self) -> None:
        self._spool.close()

    def _lines(self, findings: Iterable[Finding], current: str | None) -> tuple[list[str], str | None]:
        lines: list[str] = []
        lang = self._lang
        for f in findings:
            label = subject_label(f, lang)
            if label != current:
                if current is not None:
                    lines.append("")
                lines.append(label)
                current = label
            sev = t(lang, "sev_" + f.severity.value)
            found_on = basis(f, lang)
            lines.append(f"  {sev:<13} {f.id}" + (f"  [{found_on}]" if found_on else ""))
            lines.append(f"  {'':<13} {one_line(f.message(lang))}")
        return lines, current

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        if findings:
            lines, self._current = self._lines(findings, self._current)
            self._spool.write(printable("\n".join(lines) + "\n"))

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        lang, out = self._lang, self._out
        organisation = (
            one_line(f"{head.organisation} ({head.organisation_file})")
            if head.organisation is not None
            else t(lang, "org_none")
        )
        lines = [
            t(lang, "title"),
            f"{t(lang, 'register')}: {one_line(head.register or '-')}",
            f"{t(lang, 'as_of')}: {head.as_of.isoformat()} (Europe/Amsterdam)",
            f"{t(lang, 'policy')}: {head.policy} · klachtregels {head.library_version}",
            f"{t(lang, 'organisation')}: {organisation}",
            "",
        ]
        org_lines, _ = self._lines(head.findings, None)
        if not org_lines and self._spool.empty:
            lines.append(t(lang, "nothing"))
        lines += org_lines
        if org_lines and not self._spool.empty:
            lines.append("")  # between the organisation's group and the first row's
        out.write(printable("\n".join(lines) + "\n"))
        self._spool.copy_to(out)
        tail = ["", summary_line(head, lang), verdict_line(failed, self._fail_on, lang)]
        out.write(printable("\n".join(tail) + "\n"))


# --- JSON -------------------------------------------------------------------------------------------


def _json_line(item: dict[str, Any]) -> str:
    return valid_unicode(json.dumps(item, ensure_ascii=False, separators=(", ", ": ")))


def _json_value(value: Any) -> str:
    """``value`` as indented JSON, its later lines indented to sit under a top-level key."""
    return valid_unicode(json.dumps(value, ensure_ascii=False, indent=2)).replace("\n", "\n  ")


class _JsonList:
    """A JSON array written an item per line: the organisation's items first, then the spooled rows'."""

    def __init__(self, indent: int = 4) -> None:
        self.spool = Spool()
        self._item = "\n" + " " * indent
        self._close = "\n" + " " * (indent - 2) + "]"

    def add(self, item: dict[str, Any]) -> None:
        self.spool.write("," + self._item + _json_line(item))

    def write(self, out: IO[str], first: Sequence[dict[str, Any]]) -> None:
        if not first and self.spool.empty:
            out.write("[]")
            self.spool.close()
            return
        out.write("[")
        out.write(",".join(self._item + _json_line(item) for item in first))
        self.spool.copy_to(out, skip=0 if first else 1)  # no comma before the first item
        out.write(self._close)


class JsonSink:
    """The versioned ``klachtregels.check`` shape, with ``fail_on``, ``strict`` and ``failed``.

    Top-level keys are indented; each finding and pass is one line.
    """

    def __init__(self, out: IO[str], *, fail_on: FailOn, strict: bool) -> None:
        self._out, self._fail_on, self._strict = out, fail_on, strict
        self._findings = _JsonList()
        self._passed = _JsonList()

    def close(self) -> None:
        self._findings.spool.close()
        self._passed.spool.close()

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        for f in findings:
            self._findings.add(f.to_dict())
        for p in passed:
            self._passed.add(p.to_dict())

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        out = self._out
        data = head.to_dict()
        data["fail_on"] = self._fail_on.value
        data["strict"] = self._strict
        data["failed"] = failed
        out.write("{")
        separator = "\n"
        for key, value in data.items():
            out.write(f"{separator}  {json.dumps(key)}: ")
            separator = ",\n"
            if key == "findings":
                self._findings.write(out, value)
            elif key == "passed":
                self._passed.write(out, value)
            else:
                out.write(_json_value(value))
        out.write("\n}\n")


# --- JUnit ------------------------------------------------------------------------------------------


def _attr(value: str) -> str:
    return quoteattr(xml_text(printable(value)))


def _xml(value: str) -> str:
    return escape(xml_text(printable(value)))


class _Suite:
    """One check's test cases so far."""

    def __init__(self) -> None:
        self.spool = Spool()
        self.tests = 0
        self.failures = 0


class JunitSink:
    """JUnit XML (Ant/Jenkins/GitLab dialect): a suite per check, a case per check and subject.

    A failure for every finding at the fail level (under ``strict`` also for a rejected row);
    findings below it go to the case's ``system-out``.
    """

    def __init__(self, out: IO[str], *, lang: str, fail_on: FailOn, strict: bool) -> None:
        self._out, self._lang, self._fail_on, self._strict = out, lang, fail_on, strict
        self._suites: dict[str, _Suite] = {}

    def close(self) -> None:
        for suite in self._suites.values():
            suite.spool.close()

    def _fails(self, f: Finding) -> bool:
        return self._fail_on.reached_by(f.severity) or (self._strict and f.id == "KR-ROW-REJECTED")

    def _cases(
        self, findings: Sequence[Finding], passed: Sequence[Passed], suites: dict[str, _Suite]
    ) -> None:
        """Add one subject's cases: per check, its findings (or none, for a pass)."""
        by_check: dict[str, tuple[Finding | Passed, list[Finding]]] = {}
        items: list[Finding | Passed] = [*passed, *findings]
        for item in items:
            _, found = by_check.setdefault(item.check, (item, []))
            if isinstance(item, Finding):
                found.append(item)
        for check_id, (first, found) in by_check.items():
            suite = suites.get(check_id)
            if suite is None:
                suite = suites[check_id] = _Suite()
            suite.tests += 1
            suite.spool.write(self._case(check_id, first, found, suite))

    def _case(self, check_id: str, first: Finding | Passed, found: list[Finding], suite: _Suite) -> str:
        lang = self._lang
        name = _attr(subject_label(first, lang))
        opening = f'    <testcase name={name} classname={_attr(f"klachtregels.{check_id}")} time="0"'
        failing = [f for f in found if self._fails(f)]
        rest = [f for f in found if not self._fails(f)]
        if not failing and not rest:
            return opening + " />\n"
        suite.failures += bool(failing)
        parts = [opening + ">\n"]
        for f in failing:
            body = f"{f.severity.value} {f.id} [{basis(f, lang)}]\n{f.message(lang)}"
            parts.append(
                f"      <failure message={_attr(f.message(lang))} type={_attr(f.id)}>{_xml(body)}</failure>\n"
            )
        if rest:
            body = "\n".join(f"{f.severity.value} {f.id}: {f.message(lang)}" for f in rest)
            parts.append(f"      <system-out>{_xml(body)}</system-out>\n")
        parts.append("    </testcase>\n")
        return "".join(parts)

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        self._cases(findings, passed, self._suites)

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        org: dict[str, _Suite] = {}
        if head.findings or head.passed:
            self._cases(head.findings, head.passed, org)
        checks = [c for c in load_catalogue().checks if c in org or c in self._suites]
        empty = _Suite()
        tests = sum(org.get(c, empty).tests + self._suites.get(c, empty).tests for c in checks)
        failures = sum(org.get(c, empty).failures + self._suites.get(c, empty).failures for c in checks)
        out = self._out
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<testsuites name="klachtregels check" {_counts(tests, failures)}>\n')
        for check_id in checks:
            self._suite(out, head, check_id, org.get(check_id, empty), self._suites.get(check_id, empty))
        out.write("</testsuites>\n")

    def _suite(self, out: IO[str], head: CheckResult, check_id: str, org: _Suite, rows: _Suite) -> None:
        lang = self._lang
        check = load_catalogue().checks[check_id]
        name = _attr(f"{check_id}: {check.title(lang)}")
        out.write(
            f"  <testsuite name={name} {_counts(org.tests + rows.tests, org.failures + rows.failures)}>\n"
        )
        out.write("    <properties>\n")
        for key, value in (
            ("as_of", head.as_of.isoformat()),
            ("policy", head.policy),
            ("rule_ids", ", ".join(check.rule_ids)),
            ("k_item", check.k_item or ""),
            ("citations", "; ".join(c.label(lang) for c in check.citations)),
            ("library_version", head.library_version),
        ):
            out.write(f"      <property name={_attr(key)} value={_attr(value)} />\n")
        out.write("    </properties>\n")
        org.spool.copy_to(out)
        rows.spool.copy_to(out)
        out.write("  </testsuite>\n")


def _counts(tests: int, failures: int) -> str:
    return f'tests="{tests}" failures="{failures}" errors="0" skipped="0" time="0"'


# --- SARIF ------------------------------------------------------------------------------------------


def _artifact_uri(path: str) -> str:
    p = PurePath(path)
    if p.is_absolute():
        from pathlib import Path

        return Path(path).as_uri()
    return p.as_posix()


def _sarif_rule(fid: str, lang: str) -> dict[str, Any]:
    """The SARIF rule of one finding id, from its catalogue entry."""
    catalogue = load_catalogue()
    spec = catalogue.findings[fid]
    check = catalogue.checks[spec.check]
    help_text = "; ".join([c.label(lang) for c in check.citations] + [", ".join(check.rule_ids)]).strip("; ")
    rule: dict[str, Any] = {
        "id": fid,
        "name": "".join(part.capitalize() for part in fid.split("-")),
        "shortDescription": {"text": spec.title(lang)},
        "fullDescription": {"text": check.description(lang)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[spec.severity]},
        "help": {"text": help_text or check.title(lang)},
        "properties": {
            "check": check.id,
            "rule_ids": list(check.rule_ids),
            "ambiguities": list(check.ambiguities),
            "k_item": check.k_item,
            "tags": ["klachtregels", "compliance", *([check.k_item] if check.k_item else [])],
        },
    }
    if check.help_uri is not None:
        rule["helpUri"] = check.help_uri
    return rule


class SarifSink:
    """SARIF 2.1.0: every catalogue finding id as a rule (so a result's ``ruleIndex`` is known
    before the run ends and stable between runs), results at the register row or the organisation
    file, one per line."""

    def __init__(
        self, out: IO[str], *, lang: str, register: str | None, organisation_file: str | None
    ) -> None:
        self._out, self._lang = out, lang
        self._register = None if register is None else _artifact_uri(register)
        self._organisation = None if organisation_file is None else _artifact_uri(organisation_file)
        self._index = {fid: i for i, fid in enumerate(load_catalogue().findings)}
        self._results = _JsonList(indent=8)

    def close(self) -> None:
        self._results.spool.close()

    def _locations(self, f: Finding) -> list[dict[str, Any]]:
        if f.subject == "organisation":
            if self._organisation is None:
                return []
            return [{"physicalLocation": {"artifactLocation": {"uri": self._organisation}}}]
        if self._register is None:
            return []
        physical: dict[str, Any] = {"artifactLocation": {"uri": self._register}}
        if f.row is not None and f.row >= 1:
            physical["region"] = {"startLine": f.row}
        return [{"physicalLocation": physical}]

    def _result(self, f: Finding) -> dict[str, Any]:
        return {
            "ruleId": f.id,
            "ruleIndex": self._index[f.id],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message(self._lang)},
            "locations": self._locations(f),
            "partialFingerprints": {"klachtregels/v1": f"{f.id}:{f.complaint_id or ''}:{f.row or ''}"},
            "properties": {
                "complaint_id": f.complaint_id,
                "row": f.row,
                "column": f.column,
                "rule_ids": list(f.rule_ids),
                "facts": dict(f.facts),
            },
        }

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        for f in findings:
            self._results.add(self._result(f))

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        driver = {
            "name": "klachtregels",
            "version": head.library_version,
            "informationUri": _INFORMATION_URI,
            "rules": [_sarif_rule(fid, self._lang) for fid in self._index],
        }
        invocation = {
            "executionSuccessful": True,
            "properties": {
                "as_of": head.as_of.isoformat(),
                "policy": head.policy,
                "settings": head.settings.to_dict(),
            },
        }
        out = self._out
        out.write(
            '{\n  "$schema": ' + json.dumps(_SARIF_SCHEMA) + ',\n  "version": "2.1.0",\n  "runs": [\n    {\n'
        )
        out.write('      "tool": ' + _json_value({"driver": driver}).replace("\n", "\n      ") + ",\n")
        out.write('      "invocations": ' + _json_value([invocation]).replace("\n", "\n      ") + ",\n")
        out.write('      "results": ')
        self._results.write(out, [self._result(f) for f in head.findings])
        out.write(",\n")
        summary = _json_value({"summary": head.summary.to_dict()}).replace("\n", "\n      ")
        out.write('      "properties": ' + summary + "\n    }\n  ]\n}\n")


# --- GitHub -----------------------------------------------------------------------------------------


def _escape_data(value: str) -> str:
    value = printable(value)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubSink:
    """GitHub Actions workflow commands for the first ten findings of each type (GitHub shows no
    more per step) and a Markdown summary holding the counts and every other finding.

    The summary goes to ``summary_out`` (``$GITHUB_STEP_SUMMARY``) when given, else after the
    commands. The organisation's findings take the first annotations, as in the findings' order;
    the rows' first ten of each type wait (at most thirty findings) until that is known.
    """

    def __init__(
        self, out: IO[str], *, lang: str, fail_on: FailOn, summary_out: IO[str] | None = None
    ) -> None:
        self._out, self._lang, self._fail_on, self._summary_out = out, lang, fail_on, summary_out
        self._early: list[tuple[int, Finding]] = []
        self._taken: dict[Severity, int] = dict.fromkeys(Severity, 0)
        self._rest = Spool()  # "sequence<TAB>table row" lines, in order
        self._seq = 0

    def close(self) -> None:
        self._rest.close()

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        for f in findings:
            self._seq += 1
            if self._taken[f.severity] < GITHUB_ANNOTATION_LIMIT:
                self._taken[f.severity] += 1
                self._early.append((self._seq, f))
            else:
                self._rest.write(f"{self._seq}\t{self._table_row(f)}\n")

    def _table_row(self, f: Finding) -> str:
        lang = self._lang
        sev = t(lang, "sev_" + f.severity.value)
        return (
            f"| {sev} | {f.id} | {markdown_text(subject_label(f, lang))} | {markdown_text(f.message(lang))} |"
        )

    def _annotation(self, f: Finding, head: CheckResult) -> str:
        props = []
        if f.subject == "organisation":
            if head.organisation_file is not None:
                props.append(f"file={_escape_property(PurePath(head.organisation_file).as_posix())}")
        elif head.register is not None:
            props.append(f"file={_escape_property(PurePath(head.register).as_posix())}")
            if f.row is not None:
                props.append(f"line={f.row}")
        props.append(f"title={_escape_property(f.id)}")
        message = _escape_data(f"{subject_label(f, self._lang)}: {f.message(self._lang)}")
        return f"::{_GITHUB_TYPE[f.severity]} {','.join(props)}::{message}"

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        shown: dict[Severity, int] = dict.fromkeys(Severity, 0)
        commands: list[str] = []
        rest_first: list[str] = []
        overflow: list[tuple[int, str]] = []
        for f in head.findings:
            if shown[f.severity] < GITHUB_ANNOTATION_LIMIT:
                shown[f.severity] += 1
                commands.append(self._annotation(f, head))
            else:
                rest_first.append(self._table_row(f))
        for seq, f in self._early:
            if shown[f.severity] < GITHUB_ANNOTATION_LIMIT:
                shown[f.severity] += 1
                commands.append(self._annotation(f, head))
            else:
                overflow.append((seq, self._table_row(f)))
        self._out.write("\n".join(commands) + ("\n" if commands else ""))
        summary_out = self._summary_out
        if summary_out is None:
            self._out.write("\n")
            summary_out = self._out
        has_rest = bool(rest_first or overflow) or not self._rest.empty
        summary_out.write(self._summary_head(head, failed=failed, has_rest=has_rest))
        for row in rest_first:
            summary_out.write(printable(row) + "\n")
        self._merge_rest(summary_out, overflow)

    def _merge_rest(self, out: IO[str], overflow: list[tuple[int, str]]) -> None:
        """The spooled table rows, with the waiting findings that found no annotation put in order."""
        waiting = iter(overflow)
        next_waiting = next(waiting, None)
        for line in self._rest.lines():
            seq_text, row = line.split("\t", 1)
            while next_waiting is not None and next_waiting[0] < int(seq_text):
                out.write(printable(next_waiting[1]) + "\n")
                next_waiting = next(waiting, None)
            out.write(printable(row))
        while next_waiting is not None:
            out.write(printable(next_waiting[1]) + "\n")
            next_waiting = next(waiting, None)

    def _summary_head(self, head: CheckResult, *, failed: bool, has_rest: bool) -> str:
        lang = self._lang
        lines = [
            f"## {t(lang, 'title')}",
            "",
            f"{t(lang, 'register')}: {markdown_text(head.register or '-')} · "
            f"{t(lang, 'as_of')}: {head.as_of.isoformat()} · "
            f"{t(lang, 'policy')}: {head.policy} · klachtregels {head.library_version}",
            "",
            f"**{verdict_line(failed, self._fail_on, lang)}**",
            "",
            summary_line(head, lang),
            "",
            f"| {t(lang, 'md_sev')} | {t(lang, 'md_count')} |",
            "|---|---:|",
            f"| {t(lang, 'sev_error')} | {head.summary.errors} |",
            f"| {t(lang, 'sev_warning')} | {head.summary.warnings} |",
            f"| {t(lang, 'sev_info')} | {head.summary.infos} |",
        ]
        if has_rest:
            lines += [
                "",
                f"### {t(lang, 'md_more')}",
                "",
                f"| {t(lang, 'md_sev')} | id | {t(lang, 'md_where')} | {t(lang, 'md_msg')} |",
                "|---|---|---|---|",
            ]
        return printable("\n".join(lines) + "\n")


def make_sink(
    format: str,
    out: IO[str],
    *,
    lang: str = "nl",
    fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
    register: str | None = None,
    organisation_file: str | None = None,
    summary_out: IO[str] | None = None,
) -> Sink:
    """The sink writing ``format`` to ``out`` (``summary_out``: GitHub's step summary, if apart)."""
    level = FailOn(fail_on)
    check_lang(lang)  # an unknown language fails here, before a row is read
    if format == "text":
        return TextSink(out, lang=lang, fail_on=level)
    if format == "json":
        return JsonSink(out, fail_on=level, strict=strict)
    if format == "junit":
        return JunitSink(out, lang=lang, fail_on=level, strict=strict)
    if format == "sarif":
        return SarifSink(out, lang=lang, register=register, organisation_file=organisation_file)
    if format == "github":
        return GithubSink(out, lang=lang, fail_on=level, summary_out=summary_out)
    raise ValueError(f"unknown format {format!r}: use one of text, json, junit, sarif, github")
