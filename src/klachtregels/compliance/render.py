"""Renderers for a :class:`~klachtregels.compliance.findings.CheckResult`.

* ``text``: for people; grouped by organisation, then by register row; a summary line.
* ``json``: the versioned shape ``klachtregels.check`` (:meth:`CheckResult.to_dict`) plus the
  fail level and verdict.
* ``junit``: JUnit XML (Ant/Jenkins/GitLab dialect): one test suite per check, one test case per
  check and subject (a complaint or the organisation); a failure for every finding at the fail level.
* ``sarif``: SARIF 2.1.0, one rule per finding id (helpUri: the article), results located at the
  register file and row (``region.startLine``), or at the organisation file.
* ``github``: GitHub Actions workflow commands. GitHub shows only ten annotations of each type per
  step, so the first ten of each type become annotations and the rest go into a Markdown summary
  (for ``$GITHUB_STEP_SUMMARY``).

Every output is valid whatever the register held: user text (ids, file and organisation names,
messages carrying facts) is put on one line with control characters and ANSI escapes removed
(:mod:`klachtregels._io`), XML keeps only the characters XML 1.0 allows, and lone surrogates
become U+FFFD, so the text can always be written as UTF-8.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Final, TypeAlias
from xml.etree import ElementTree as ET

from klachtregels._io import markdown_text, one_line, printable, valid_unicode, xml_text
from klachtregels.compliance.findings import (
    CheckResult,
    FailOn,
    Finding,
    Passed,
    Severity,
    load_catalogue,
)
from klachtregels.messages import text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "FORMATS",
    "GITHUB_ANNOTATION_LIMIT",
    "render",
    "render_github",
    "render_json",
    "render_junit",
    "render_markdown_summary",
    "render_sarif",
    "render_text",
]

#: The output formats of ``klachtregels check --format``.
FORMATS: Final = ("text", "json", "junit", "sarif", "github")
#: GitHub shows at most this many annotations of each type (error, warning, notice) per step.
GITHUB_ANNOTATION_LIMIT: Final = 10
_SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI: Final = "https://klachtregels.readthedocs.io/"
_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_TYPE: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _t(lang: str, key: str, **params: object) -> str:
    """The renderer's text ``key`` (``CHECK_<KEY>`` in messages/compliance.toml) in ``lang``."""
    return text(f"CHECK_{key.upper()}", lang, **params)


def _basis(f: Finding, lang: str) -> str:
    parts = []
    if f.k_item:
        parts.append(f.k_item)
    if f.rule_ids:
        parts.append(", ".join(f.rule_ids))
    if f.citations:
        parts.append("; ".join(c.label(lang) for c in f.citations[:2]))
    return " · ".join(parts)


def _subject_label(f: Finding | Passed, lang: str) -> str:
    if f.row is None and f.complaint_id is None:
        return _t(lang, "organisation")
    parts = []
    if f.row is not None:
        parts.append(f"{_t(lang, 'row')} {f.row}")
    if f.complaint_id is not None:
        parts.append(f"{_t(lang, 'complaint')} {one_line(f.complaint_id)}")
    return " · ".join(parts)


def _summary_line(result: CheckResult, lang: str) -> str:
    s = result.summary
    return _t(
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


def render_text(result: CheckResult, *, lang: str = "nl", fail_on: FailOn | str = FailOn.ERROR,
                strict: bool = False) -> str:  # fmt: skip
    """Human-readable text, grouped by the organisation and then by register row."""
    lines = [
        _t(lang, "title"),
        f"{_t(lang, 'register')}: {one_line(result.register or '-')}",
        f"{_t(lang, 'as_of')}: {result.as_of.isoformat()} (Europe/Amsterdam)",
        f"{_t(lang, 'policy')}: {result.policy} · klachtregels {result.library_version}",
        f"{_t(lang, 'organisation')}: "
        + (
            one_line(f"{result.organisation} ({result.organisation_file})")
            if result.organisation is not None
            else _t(lang, "org_none")
        ),
        "",
    ]
    current: str | None = None
    if not result.findings:
        lines.append(_t(lang, "nothing"))
    for f in result.findings:
        label = _subject_label(f, lang)
        if label != current:
            if current is not None:
                lines.append("")
            lines.append(label)
            current = label
        sev = _t(lang, "sev_" + f.severity.value)
        basis = _basis(f, lang)
        lines.append(f"  {sev:<13} {f.id}" + (f"  [{basis}]" if basis else ""))
        lines.append(f"  {'':<13} {one_line(f.message(lang))}")
    lines.append("")
    lines.append(_summary_line(result, lang))
    level = FailOn(fail_on)
    verdict = _t(lang, "result_fail") if result.failed(level, strict=strict) else _t(lang, "result_ok")
    lines.append(verdict.format(level=level.value))
    return printable("\n".join(lines) + "\n")


def render_json(result: CheckResult, *, fail_on: FailOn | str = FailOn.ERROR, strict: bool = False) -> str:
    """The versioned JSON shape, with ``fail_on``, ``strict`` and ``failed`` added."""
    data = result.to_dict()
    level = FailOn(fail_on)
    data["fail_on"] = level.value
    data["strict"] = strict
    data["failed"] = result.failed(level, strict=strict)
    return valid_unicode(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --- JUnit ----------------------------------------------------------------------------------------


def _case_key(f: Finding | Passed) -> tuple[int, int, str]:
    return (0 if f.row is None else 1, f.row or 0, f.complaint_id or "")


#: A check's JUnit cases: per subject key, its label and its findings.
_Cases: TypeAlias = "dict[tuple[int, int, str], tuple[str, list[Finding]]]"


def _junit_cases(result: CheckResult, lang: str) -> dict[str, _Cases]:
    """Per check, per subject: the case's label and its findings (empty for a passed check)."""
    cases: dict[str, _Cases] = {}
    items: tuple[Finding | Passed, ...] = (*result.passed, *result.findings)
    for item in items:
        key = _case_key(item)
        _, found = cases.setdefault(item.check, {}).setdefault(key, (_subject_label(item, lang), []))
        if isinstance(item, Finding):
            found.append(item)
    return cases


def _set_counts(element: ET.Element, tests: int, failures: int) -> None:
    for name, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0), ("time", 0)):
        element.set(name, str(value))


def _junit_suite(
    root: ET.Element,
    result: CheckResult,
    check_id: str,
    cases: _Cases,
    *,
    lang: str,
    fails: Callable[[Finding], bool],
) -> int:
    """One check's test suite; the number of its failing cases."""
    check = load_catalogue().checks[check_id]
    suite = ET.SubElement(root, "testsuite", name=f"{check_id}: {check.title(lang)}")
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("as_of", result.as_of.isoformat()),
        ("policy", result.policy),
        ("rule_ids", ", ".join(check.rule_ids)),
        ("k_item", check.k_item or ""),
        ("citations", "; ".join(c.label(lang) for c in check.citations)),
        ("library_version", result.library_version),
    ):
        ET.SubElement(props, "property", name=name, value=value)
    failures = 0
    for key in sorted(cases):
        label, findings = cases[key]
        case = ET.SubElement(suite, "testcase", name=label, classname=f"klachtregels.{check_id}", time="0")
        failing = [f for f in findings if fails(f)]
        for f in failing:
            failure = ET.SubElement(case, "failure", message=f.message(lang), type=f.id)
            failure.text = f"{f.severity.value} {f.id} [{_basis(f, lang)}]\n{f.message(lang)}"
        failures += bool(failing)
        rest = [f for f in findings if f not in failing]
        if rest:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"{f.severity.value} {f.id}: {f.message(lang)}" for f in rest)
    _set_counts(suite, len(cases), failures)
    return failures


def render_junit(result: CheckResult, *, lang: str = "nl", fail_on: FailOn | str = FailOn.ERROR,
                 strict: bool = False) -> str:  # fmt: skip
    """JUnit XML: a suite per check, a case per check and subject, failures at the fail level.

    Findings below the fail level are written to the case's ``system-out``. Under ``strict`` a
    rejected row is a failure whatever the fail level.
    """
    level = FailOn(fail_on)

    def fails(f: Finding) -> bool:
        return level.reached_by(f.severity) or (strict and f.id == "KR-ROW-REJECTED")

    cases = _junit_cases(result, lang)
    root = ET.Element("testsuites", name="klachtregels check")
    tests = failures = 0
    for check_id in load_catalogue().checks:
        if check_id in cases:
            failures += _junit_suite(root, result, check_id, cases[check_id], lang=lang, fails=fails)
            tests += len(cases[check_id])
    _set_counts(root, tests, failures)
    ET.indent(root)
    # Control characters pass through ElementTree unescaped (XML 1.0 cannot hold most): removed,
    # with ANSI escapes, as in the text output.
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    return xml_text(printable(xml))


# --- SARIF ----------------------------------------------------------------------------------------


def _artifact_uri(path: str) -> str:
    p = PurePath(path)
    if p.is_absolute():
        from pathlib import Path

        return Path(path).as_uri()
    return p.as_posix()


def _locations(f: Finding, result: CheckResult) -> list[dict[str, Any]]:
    if f.subject == "organisation":
        if result.organisation_file is None:
            return []
        return [{"physicalLocation": {"artifactLocation": {"uri": _artifact_uri(result.organisation_file)}}}]
    if result.register is None:
        return []
    physical: dict[str, Any] = {"artifactLocation": {"uri": _artifact_uri(result.register)}}
    if f.row is not None and f.row >= 1:
        physical["region"] = {"startLine": f.row}
    return [{"physicalLocation": physical}]


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


def _sarif_result(f: Finding, index: int, result: CheckResult, lang: str) -> dict[str, Any]:
    return {
        "ruleId": f.id,
        "ruleIndex": index,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message(lang)},
        "locations": _locations(f, result),
        "partialFingerprints": {"klachtregels/v1": f"{f.id}:{f.complaint_id or ''}:{f.row or ''}"},
        "properties": {
            "complaint_id": f.complaint_id,
            "row": f.row,
            "column": f.column,
            "rule_ids": list(f.rule_ids),
            "facts": dict(f.facts),
        },
    }


def render_sarif(result: CheckResult, *, lang: str = "nl") -> str:
    """SARIF 2.1.0: a rule per finding id, results at the register row or the organisation file."""
    used = {f.id for f in result.findings}
    ids = [fid for fid in load_catalogue().findings if fid in used]
    index = {fid: i for i, fid in enumerate(ids)}
    driver = {
        "name": "klachtregels",
        "version": result.library_version,
        "informationUri": _INFORMATION_URI,
        "rules": [_sarif_rule(fid, lang) for fid in ids],
    }
    invocation = {
        "executionSuccessful": True,
        "properties": {
            "as_of": result.as_of.isoformat(),
            "policy": result.policy,
            "settings": result.settings.to_dict(),
        },
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "results": [_sarif_result(f, index[f.id], result, lang) for f in result.findings],
        "properties": {"summary": result.summary.to_dict()},
    }
    log = {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return valid_unicode(json.dumps(log, ensure_ascii=False, indent=2) + "\n")


# --- GitHub ---------------------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    text = printable(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding, result: CheckResult, lang: str) -> str:
    props = []
    if f.subject == "organisation":
        if result.organisation_file is not None:
            props.append(f"file={_escape_property(PurePath(result.organisation_file).as_posix())}")
    elif result.register is not None:
        props.append(f"file={_escape_property(PurePath(result.register).as_posix())}")
        if f.row is not None:
            props.append(f"line={f.row}")
    props.append(f"title={_escape_property(f.id)}")
    where = _subject_label(f, lang)
    return f"::{_GITHUB_TYPE[f.severity]} {','.join(props)}::{_escape_data(f'{where}: {f.message(lang)}')}"


def _md(text: str) -> str:
    return markdown_text(text)


def render_markdown_summary(
    result: CheckResult, rest: Sequence[Finding], *, lang: str = "nl", fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
) -> str:  # fmt: skip
    """A Markdown summary: the verdict, counts per severity, and a table of ``rest``."""
    level = FailOn(fail_on)
    verdict = _t(lang, "result_fail") if result.failed(level, strict=strict) else _t(lang, "result_ok")
    lines = [
        f"## {_t(lang, 'title')}",
        "",
        f"{_t(lang, 'register')}: {_md(result.register or '-')} · "
        f"{_t(lang, 'as_of')}: {result.as_of.isoformat()} · "
        f"{_t(lang, 'policy')}: {result.policy} · klachtregels {result.library_version}",
        "",
        f"**{verdict.format(level=level.value)}**",
        "",
        _summary_line(result, lang),
        "",
        f"| {_t(lang, 'md_sev')} | {_t(lang, 'md_count')} |",
        "|---|---:|",
        f"| {_t(lang, 'sev_error')} | {result.summary.errors} |",
        f"| {_t(lang, 'sev_warning')} | {result.summary.warnings} |",
        f"| {_t(lang, 'sev_info')} | {result.summary.infos} |",
    ]
    if rest:
        lines += [
            "",
            f"### {_t(lang, 'md_more')}",
            "",
            f"| {_t(lang, 'md_sev')} | id | {_t(lang, 'md_where')} | {_t(lang, 'md_msg')} |",
            "|---|---|---|---|",
        ]
        for f in rest:
            where = _subject_label(f, lang)
            sev = _t(lang, "sev_" + f.severity.value)
            lines.append(f"| {sev} | {f.id} | {_md(where)} | {_md(f.message(lang))} |")
    return printable("\n".join(lines) + "\n")


def render_github(
    result: CheckResult, *, lang: str = "nl", fail_on: FailOn | str = FailOn.ERROR, strict: bool = False
) -> tuple[str, str]:
    """``(commands, summary)``: workflow commands for the first ten findings of each type, and a
    Markdown summary holding the counts and every finding that did not become an annotation."""
    shown: dict[Severity, int] = dict.fromkeys(Severity, 0)
    commands: list[str] = []
    rest: list[Finding] = []
    for f in result.findings:
        if shown[f.severity] < GITHUB_ANNOTATION_LIMIT:
            shown[f.severity] += 1
            commands.append(_annotation(f, result, lang))
        else:
            rest.append(f)
    summary = render_markdown_summary(result, rest, lang=lang, fail_on=fail_on, strict=strict)
    return "\n".join(commands) + ("\n" if commands else ""), summary


def render(
    result: CheckResult,
    format: str,
    *,
    lang: str = "nl",
    fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
    step_summary: bool = False,
) -> tuple[str, str | None]:
    """Render in ``format``; returns ``(output, step_summary_markdown)``.

    For ``github``, the Markdown summary is returned separately when ``step_summary`` is True (the
    caller appends it to ``$GITHUB_STEP_SUMMARY``), and appended to the output otherwise.
    """
    if format == "text":
        return render_text(result, lang=lang, fail_on=fail_on, strict=strict), None
    if format == "json":
        return render_json(result, fail_on=fail_on, strict=strict), None
    if format == "junit":
        return render_junit(result, lang=lang, fail_on=fail_on, strict=strict), None
    if format == "sarif":
        return render_sarif(result, lang=lang), None
    if format == "github":
        commands, summary = render_github(result, lang=lang, fail_on=fail_on, strict=strict)
        if step_summary:
            return commands, summary
        return commands + "\n" + summary, None
    raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
