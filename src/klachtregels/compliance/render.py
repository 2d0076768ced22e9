"""Renderers for a :class:`~klachtregels.compliance.findings.CheckResult`.

* ``text``: for people; grouped by organisation, then by register row; a summary line.
* ``json``: the versioned shape ``klachtregels.check`` (:meth:`CheckResult.to_dict`) plus the
  fail level and verdict; each finding and pass on one line.
* ``junit``: JUnit XML (Ant/Jenkins/GitLab dialect): one test suite per check, one test case per
  check and subject (a complaint or the organisation); a failure for every finding at the fail level.
* ``sarif``: SARIF 2.1.0, one rule per catalogue finding id (helpUri: the article), results located
  at the register file and row (``region.startLine``), or at the organisation file.
* ``github``: GitHub Actions workflow commands. GitHub shows only ten annotations of each type per
  step, so the first ten of each type become annotations and the rest go into a Markdown summary
  (for ``$GITHUB_STEP_SUMMARY``).

Accepted findings (:mod:`klachtregels.baseline`) are shown as accepted in every format and do
not fail the run: text lists them in a section of their own, JSON marks them ``accepted``, JUnit
writes them to ``system-out``, SARIF gives them ``suppressions``, GitHub lists them in the summary
instead of annotating them.

Each format is written by one sink (:mod:`klachtregels.compliance._sinks`), which the streaming
run (:func:`klachtregels.compliance.stream_check`) feeds row by row and these functions feed a
whole result, so both give the same text.

Every output is valid whatever the register held: user text (ids, file and organisation names,
messages carrying facts) is put on one line with control characters and ANSI escapes removed
(:mod:`klachtregels._io`), XML keeps only the characters XML 1.0 allows, and lone surrogates
become U+FFFD, so the text can always be written as UTF-8.
"""

from __future__ import annotations

import contextlib
import io
from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.compliance._sinks import GITHUB_ANNOTATION_LIMIT, GithubSink, Judge, Sink, Tee, make_sink
from klachtregels.compliance.findings import (
    CheckResult,
    FailOn,
    Finding,
    Passed,
    Severity,
    about_organisation,
)
from klachtregels.errors import InvalidInputError
from klachtregels.messages import check_lang

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from klachtregels.baseline import Acceptance

__all__ = [
    "FORMATS",
    "GITHUB_ANNOTATION_LIMIT",
    "feed",
    "render",
    "render_github",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
]

#: The output formats of ``klachtregels check --format``.
FORMATS: Final = ("text", "json", "junit", "sarif", "github")


def _subject(item: Finding | Passed) -> tuple[int | None, str | None]:
    return (item.row, item.complaint_id)


def _by_subject(result: CheckResult) -> Iterator[tuple[list[Finding], list[Passed]]]:
    """The result's row findings and passes, a subject at a time, in the result's order."""
    findings = [f for f in result.findings if not about_organisation(f)]
    passed = [p for p in result.passed if not about_organisation(p)]
    order: dict[tuple[int | None, str | None], tuple[list[Finding], list[Passed]]] = {}
    for f in findings:
        order.setdefault(_subject(f), ([], []))[0].append(f)
    for p in passed:
        order.setdefault(_subject(p), ([], []))[1].append(p)
    keys = sorted(order, key=lambda k: (k[0] is not None, k[0] or 0))  # stable: first-seen order per row
    for key in keys:
        yield order[key]


def feed(
    result: CheckResult,
    sink: Sink,
    *,
    fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
    judge: Judge | None = None,
) -> None:
    """Write a whole result through ``sink``: its rows' findings, then the organisation's.

    With a ``judge`` (the one ``sink`` was made with), the run is judged as the command line
    judges it: accepted findings do not fail it.
    """
    if judge is not None:
        sink = Tee([sink], judge, fail_on=fail_on, strict=strict)
    with contextlib.closing(sink):
        for findings, passed in _by_subject(result):
            sink.rows(findings, passed)
        head = attrs.evolve(
            result,
            findings=tuple(f for f in result.findings if about_organisation(f)),
            passed=tuple(p for p in result.passed if about_organisation(p)),
        )
        sink.finish(head, failed=result.failed(fail_on, strict=strict))


def _judge(
    result: CheckResult, accept: Iterable[Acceptance], min_severity: Severity | str | None
) -> Judge | None:
    """The judge of ``accept`` and ``min_severity`` on the result's as-of date (``None``: neither set)."""
    from klachtregels._arguments import each_instance, enum_argument, wrong_type
    from klachtregels.baseline import Acceptance, Acceptances

    given: object = accept  # text is iterable, but no acceptance
    if isinstance(given, str | bytes):
        raise wrong_type("accept", "an iterable of Acceptance", given)
    entries = tuple(each_instance(accept, Acceptance, "accept", expected="an iterable of Acceptance"))
    if not entries and min_severity is None:
        return None
    minimum = None if min_severity is None else enum_argument(min_severity, Severity, "min_severity")
    return Judge(Acceptances(entries, as_of=result.as_of), min_severity=minimum)


def _render(
    result: CheckResult,
    format: str,
    *,
    lang: str,
    fail_on: FailOn | str,
    strict: bool,
    judge: Judge | None = None,
) -> str:
    out = io.StringIO()
    sink = make_sink(
        format,
        out,
        lang=lang,
        fail_on=fail_on,
        strict=strict,
        register=result.register,
        organisation_file=result.organisation_file,
        judge=judge,
    )
    feed(result, sink, fail_on=fail_on, strict=strict, judge=judge)
    return out.getvalue()


def render_text(result: CheckResult, *, lang: str = "nl", fail_on: FailOn | str = FailOn.ERROR,
                strict: bool = False) -> str:  # fmt: skip
    """Human-readable text, grouped by the organisation and then by register row."""
    return _render(result, "text", lang=lang, fail_on=fail_on, strict=strict)


def render_json(result: CheckResult, *, fail_on: FailOn | str = FailOn.ERROR, strict: bool = False) -> str:
    """The versioned JSON shape, with ``fail_on``, ``strict`` and ``failed`` added."""
    return _render(result, "json", lang="nl", fail_on=fail_on, strict=strict)


def render_junit(result: CheckResult, *, lang: str = "nl", fail_on: FailOn | str = FailOn.ERROR,
                 strict: bool = False) -> str:  # fmt: skip
    """JUnit XML: a suite per check, a case per check and subject, failures at the fail level.

    Findings below the fail level are written to the case's ``system-out``. Under ``strict`` a
    rejected row is a failure whatever the fail level.
    """
    return _render(result, "junit", lang=lang, fail_on=fail_on, strict=strict)


def render_sarif(result: CheckResult, *, lang: str = "nl") -> str:
    """SARIF 2.1.0: a rule per catalogue finding id, results at the register row or the organisation file."""
    return _render(result, "sarif", lang=lang, fail_on=FailOn.ERROR, strict=False)


def render_github(
    result: CheckResult,
    *,
    lang: str = "nl",
    fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
    judge: Judge | None = None,
) -> tuple[str, str]:
    """``(commands, summary)``: workflow commands for the first ten findings of each type, and a
    Markdown summary holding the counts and every finding that did not become an annotation."""
    check_lang(lang)
    commands, summary = io.StringIO(), io.StringIO()
    sink = GithubSink(commands, lang=lang, fail_on=FailOn(fail_on), summary_out=summary, judge=judge)
    feed(result, sink, fail_on=fail_on, strict=strict, judge=judge)
    return commands.getvalue(), summary.getvalue()


def render(
    result: CheckResult,
    format: str,
    *,
    lang: str = "nl",
    fail_on: FailOn | str = FailOn.ERROR,
    strict: bool = False,
    step_summary: bool = False,
    accept: Iterable[Acceptance] = (),
    min_severity: Severity | str | None = None,
) -> tuple[str, str | None]:
    """Render in ``format``; returns ``(output, step_summary_markdown)``.

    For ``github``, the Markdown summary is returned separately when ``step_summary`` is True (the
    caller appends it to ``$GITHUB_STEP_SUMMARY``), and appended to the output otherwise.
    ``accept``: accepted findings (:mod:`klachtregels.baseline`), judged on the result's as-of
    date: shown as accepted, they do not fail the run. ``min_severity``: leave out findings below
    it (they stay counted in the summary). Both as ``klachtregels check`` does.
    """
    from klachtregels._arguments import bool_argument, enum_argument, instance_argument

    if not isinstance(format, str) or format not in FORMATS:  # the value given is not repeated
        raise InvalidInputError("rendering", [("format", f"is not one of: {', '.join(FORMATS)}")])
    instance_argument(result, CheckResult, "result", optional=False)
    fail_on = enum_argument(fail_on, FailOn, "fail_on")
    strict = bool(bool_argument(strict, "strict"))
    step_summary = bool(bool_argument(step_summary, "step_summary"))
    judge = _judge(result, accept, min_severity)
    if format == "github" and step_summary:
        return render_github(result, lang=lang, fail_on=fail_on, strict=strict, judge=judge)
    return _render(result, format, lang=lang, fail_on=fail_on, strict=strict, judge=judge), None
