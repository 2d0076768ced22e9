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

import functools
import json
import shutil
import tempfile
from json.encoder import encode_basestring as _encode_text
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, Any, Final, Protocol

import attrs

from klachtregels._io import markdown_text, one_line, printable, valid_unicode, xml_text
from klachtregels.compliance.findings import (
    CheckResult,
    FailOn,
    Finding,
    FindingId,
    Passed,
    Severity,
    about_organisation,
    load_catalogue,
    run_fails,
)
from klachtregels.errors import InvalidInputError
from klachtregels.messages import check_lang, text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from klachtregels.baseline import Acceptances, AcceptanceStatus, BaselineCollector

__all__ = ["GITHUB_ANNOTATION_LIMIT", "Judge", "Sink", "Spool", "Tee", "fingerprint", "make_sink"]

#: GitHub shows at most this many annotations of each type (error, warning, notice) per step.
GITHUB_ANNOTATION_LIMIT: Final = 10
_SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI: Final = "https://klachtregels.readthedocs.io/"
_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_TYPE: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: A spool stays in memory up to this many characters, then moves to a temporary file.
_SPOOL_IN_MEMORY: Final = 1024 * 1024  # per spool: JUnit keeps one per check (about 25)
#: A spool collects this many characters of small writes before it writes them on (a write per
#: finding into the temporary file cost about 1 µs each).
_SPOOL_BATCH: Final = 1 << 15
_COPY_CHUNK: Final = 1 << 16
#: The text output's sections, in order (then the accepted findings).
_SEVERITIES: Final = tuple(s.value for s in sorted(Severity, key=lambda s: -s.rank))


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

    Small writes are collected (up to :data:`_SPOOL_BATCH` characters) and written on together. The
    file is made at the first write; :meth:`copy_to`, :meth:`lines` and :meth:`close` end it.
    """

    __slots__ = ("_batch", "_batched", "_file")

    def __init__(self) -> None:
        self._file: IO[str] | None = None
        self._batch: list[str] = []
        self._batched = 0

    @property
    def empty(self) -> bool:
        """Whether nothing was written."""
        return self._file is None and not self._batch

    def write(self, chunk: str) -> None:
        """Append ``chunk``."""
        self._batch.append(chunk)
        self._batched += len(chunk)
        if self._batched >= _SPOOL_BATCH:
            self._flush()

    def _flush(self) -> None:
        """Write the collected chunks on to the file (made at the first)."""
        if not self._batch:
            return
        if self._file is None:
            self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by copy_to/lines/close
                max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline=""
            )
        self._file.write("".join(self._batch))
        self._batch.clear()
        self._batched = 0

    def lines(self) -> Iterator[str]:
        """What was written, line by line (then the spool is closed)."""
        self._flush()
        if self._file is None:
            return
        self._file.seek(0)
        try:
            yield from self._file
        finally:
            self.close()

    def copy_to(self, out: IO[str], *, skip: int = 0) -> None:
        """Write what was written to ``out``, less its first ``skip`` characters; close the spool."""
        self._flush()
        if self._file is None:
            return
        self._file.seek(0)
        if skip:
            self._file.read(skip)
        shutil.copyfileobj(self._file, out, _COPY_CHUNK)
        self.close()

    def close(self) -> None:
        """Drop what was written (again: nothing happens)."""
        self._batch.clear()
        self._batched = 0
        if self._file is not None:
            self._file.close()
            self._file = None


# --- shared labels ----------------------------------------------------------------------------------


def t(lang: str, key: str, **params: object) -> str:
    """The renderer's text ``key`` (``CHECK_<KEY>`` in messages/compliance.toml) in ``lang``."""
    return text(f"CHECK_{key.upper()}", lang, **params)


# Texts without parameters that every finding repeats, rendered once per language: (lang, key) ->
# the word of ``t`` (row, complaint, a severity), and (finding id, lang) -> its basis. A finding's
# basis depends on its id alone (the K item, rule ids and citations of its catalogue entry).
_WORDS: Final[dict[tuple[str, str], str]] = {}
_BASES: Final[dict[tuple[str, str], str]] = {}


def word(lang: str, key: str) -> str:
    """``t(lang, key)`` for a text without parameters, rendered once per language."""
    found = _WORDS.get((lang, key))
    if found is None:
        found = _WORDS[lang, key] = t(lang, key)
    return found


def basis(f: Finding, lang: str) -> str:
    """A finding's legal basis in one line: its K item, rule ids and first two citations."""
    found = _BASES.get((f.id, lang))
    if found is None:
        found = _BASES[f.id, lang] = _basis(f, lang)
    return found


def _basis(f: Finding, lang: str) -> str:
    """:func:`basis`, rendered."""
    parts = []
    if f.k_item:
        parts.append(f.k_item)
    if f.rule_ids:
        parts.append(", ".join(f.rule_ids))
    if f.citations:
        parts.append("; ".join(c.label(lang) for c in f.citations[:2]))
    return " · ".join(parts)


#: What ``register`` holds when the register was read from standard input (``check -``).
STANDARD_INPUT: Final = "-"


def source_label(register: str | None, lang: str) -> str:
    """The register as a person reads it: its file name, ``standaardinvoer``/``standard input`` for
    standard input (``-``), ``-`` when none was named."""
    if register == STANDARD_INPUT:
        return text("IO_STANDARD_INPUT", lang)
    return register or "-"


def subject_label(f: Finding | Passed, lang: str) -> str:
    """``rij 12 · klacht K-1``, or the organisation."""
    if about_organisation(f):
        return word(lang, "organisation")
    if f.complaint_id is None:
        return f"{word(lang, 'row')} {f.row}"
    complaint = f"{word(lang, 'complaint')} {one_line(f.complaint_id)}"
    return complaint if f.row is None else f"{word(lang, 'row')} {f.row} · {complaint}"


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


def verdict_line(failed: bool, fail_on: FailOn, lang: str, *, live_errors: int = 0) -> str:
    """Whether the run failed at ``fail_on``, in words; a run that passed only because of
    ``--fail-on never`` says so (``live_errors``: errors nobody accepted)."""
    if not failed and live_errors and fail_on is FailOn.NEVER:
        return t(lang, "result_kept", errors=live_errors)
    verdict = t(lang, "result_fail") if failed else t(lang, "result_ok")
    return verdict.format(level=fail_on.value)


# --- what each finding is in this run: shown, accepted, counted --------------------------------------


class Judge:
    """Per finding: whether it is shown (``--min-severity``) and accepted (:mod:`klachtregels.baseline`).

    Every sink of a run asks the same judge, so the outputs agree. :class:`Tee` counts each finding
    once (:meth:`count`) and decides whether the run failed (:meth:`failed`): an accepted finding
    does not fail it; an expired acceptance no longer applies. ``baseline`` (``--write-baseline``)
    accepts every error and warning that nothing accepts yet, and remembers it to be written.
    """

    def __init__(
        self,
        acceptances: Acceptances | None = None,
        *,
        min_severity: Severity | None = None,
        baseline: BaselineCollector | None = None,
    ) -> None:
        self._acceptances = acceptances
        self.min_severity = min_severity
        self._baseline = baseline
        #: Findings counted, by severity: those no acceptance applies to, and the accepted ones.
        self.live: dict[Severity, int] = dict.fromkeys(Severity, 0)
        self.accepted: dict[Severity, int] = dict.fromkeys(Severity, 0)

    @property
    def accepts_nothing(self) -> bool:
        """Whether no finding of this run can be accepted (no acceptances, no ``--write-baseline``):
        then :meth:`status` is ``None`` for every finding."""
        return self._baseline is None and not self._acceptances

    def status(self, f: Finding) -> AcceptanceStatus | None:
        """The acceptance of ``f`` in this run (one that applies, or one that expired), or ``None``."""
        found = self._acceptances.status(f) if self._acceptances else None
        if self._baseline is None:
            return found
        if found is not None and found.applies:
            self._baseline.keep(found.acceptance)
            return found
        return self._baseline.take(f) or found

    def shown(self, f: Finding) -> bool:
        """Whether ``f`` reaches ``--min-severity``."""
        return self.min_severity is None or f.severity.rank >= self.min_severity.rank

    def count(self, findings: Iterable[Finding]) -> None:
        """Count findings once per run (the :class:`Tee` does, before the sinks write them)."""
        if self.accepts_nothing:
            live = self.live
            for f in findings:
                live[f.severity] += 1
            return
        for f in findings:
            status = self.status(f)
            if status is not None and status.applies:
                self.accepted[f.severity] += 1
            else:
                self.live[f.severity] += 1

    def failed(self, head: CheckResult, fail_on: FailOn, *, strict: bool) -> bool:
        """Whether the run fails: a finding nobody accepted at ``fail_on``, or (``strict``) a rejected row."""
        return run_fails(self.live, rows_rejected=head.summary.rows_rejected, fail_on=fail_on, strict=strict)


def acceptance_note(status: AcceptanceStatus, lang: str) -> str:
    """``accepted (FILE): reason`` or ``acceptance expired after DAY ...``, in one line."""
    a = status.acceptance
    origin = PurePath(a.origin).name if a.origin else "-"
    expires = a.expires.isoformat() if a.expires is not None else ""
    if status.expired:
        key = "acceptance_expired"
    else:
        key = "accepted_until" if a.expires is not None else "accepted_because"
    return one_line(t(lang, key, origin=origin, reason=a.reason, expires=expires))


def _acceptance_json(status: AcceptanceStatus) -> dict[str, Any]:
    data = status.acceptance.to_dict()
    data["expired"] = status.expired
    return data


class Tee:
    """One run written to several sinks (``-o text:- -o sarif:out.sarif``), judged once.

    Counts each finding once in the :class:`Judge` and finishes every sink with the judge's
    verdict (accepted findings do not fail the run), which :attr:`failed` keeps for the exit code.
    ``register`` names the register in the outputs when the file read is not the one to show
    (standard input, spooled to a temporary file).
    """

    def __init__(
        self,
        sinks: Sequence[Sink],
        judge: Judge,
        *,
        fail_on: FailOn | str = FailOn.ERROR,
        strict: bool = False,
        register: str | None = None,
    ) -> None:
        self._sinks, self.judge, self._fail_on, self._strict = tuple(sinks), judge, FailOn(fail_on), strict
        self._register = register
        self.failed = False

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        self.judge.count(findings)
        for sink in self._sinks:
            sink.rows(findings, passed)

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        self.judge.count(head.findings)
        self.failed = self.judge.failed(head, self._fail_on, strict=self._strict)
        if self._register is not None:
            head = attrs.evolve(head, register=self._register)
        for sink in self._sinks:
            sink.finish(head, failed=self.failed)

    def close(self) -> None:
        for sink in self._sinks:
            sink.close()


# --- text -------------------------------------------------------------------------------------------

#: The indent of a finding's second and later lines in the text output (under its id).
_INDENT: Final = f"  {'':<13} "


class _Section:
    """One severity's (or the accepted) findings of a text output, grouped by subject."""

    def __init__(self) -> None:
        self.spool = Spool()
        self.count = 0
        self.current: str | None = None


class TextSink:
    """Human-readable text: the summary first, then errors, warnings, information and what was
    accepted, each grouped by the organisation and then by register row; the verdict last.

    Each section is spooled while the register is read. ``quiet`` writes only the findings that
    fail the run and the verdict.
    """

    def __init__(
        self, out: IO[str], *, lang: str, fail_on: FailOn, judge: Judge | None = None, quiet: bool = False
    ) -> None:
        self._out, self._lang, self._fail_on, self._quiet = out, lang, fail_on, quiet
        self._judge = judge or Judge()
        self._sections: dict[str, _Section] = {key: _Section() for key in (*_SEVERITIES, "accepted")}
        self._live_errors = self._accepted = self._expired = self._hidden = 0
        #: Per finding id: its severity, its first line and its message template in this language.
        self._by_id: dict[str, tuple[Severity, str, str]] = {}
        #: The last subject's (row, complaint id) and its label: a row's findings come together.
        self._subject: tuple[int | None, str | None] | None = None
        self._label = ""

    def close(self) -> None:
        for section in self._sections.values():
            section.spool.close()

    def _lines(
        self, f: Finding, section: _Section, head: str, template: str, status: AcceptanceStatus | None
    ) -> list[str]:
        """A finding's lines in ``section``: its subject's label when the subject changes, its first line
        (``head``), its message (``template``, filled with its facts) and its acceptance."""
        subject = (f.row, f.complaint_id)
        if subject != self._subject:
            self._subject, self._label = subject, subject_label(f, self._lang)
        label = self._label
        if label == section.current:
            lines = [head]
        else:
            lines = [label, head] if section.current is None else ["", label, head]
            section.current = label
        lines.append(_INDENT + one_line(template.format_map(dict(f.facts))))
        if status is not None:
            lines.append(_INDENT + acceptance_note(status, self._lang))
        return lines

    def _entry(self, f: Finding) -> tuple[Severity, str, str]:
        """A finding id's severity, first line (severity, id, basis: its id's alone) and message
        template, made once."""
        lang = self._lang
        severity = f.severity
        sev = word(lang, "sev_" + severity.value)
        found_on = basis(f, lang)
        entry = self._by_id[f.id] = (
            severity,
            f"  {sev:<13} {f.id}" + (f"  [{found_on}]" if found_on else ""),
            f.spec.template(lang),
        )
        return entry

    def _add(self, findings: Iterable[Finding], sections: dict[str, _Section]) -> None:
        judge = self._judge
        accepts_nothing = judge.accepts_nothing
        minimum = judge.min_severity
        by_id = self._by_id
        for f in findings:
            severity, head, template = by_id.get(f.id) or self._entry(f)
            status = None if accepts_nothing else judge.status(f)
            if status is None:
                accepted = False
                self._live_errors += severity is Severity.ERROR
            else:
                accepted = status.applies
                self._live_errors += not accepted and severity is Severity.ERROR
                self._accepted += accepted
                self._expired += status.expired
            if minimum is not None and not judge.shown(f):
                self._hidden += 1
                continue
            section = sections["accepted" if accepted else severity.value]
            section.count += 1
            lines = self._lines(f, section, head, template, status)
            block = "\n".join(lines) + "\n"
            # Each line is printable already (values pass one_line): then `printable` keeps the block.
            section.spool.write(block if "".join(lines).isprintable() else printable(block))

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        self._add(findings, self._sections)

    def _head(self, head: CheckResult) -> list[str]:
        lang = self._lang
        organisation = (
            one_line(f"{head.organisation} ({head.organisation_file})")
            if head.organisation is not None
            else t(lang, "org_none")
        )
        return [
            t(lang, "title"),
            f"{t(lang, 'register')}: {one_line(source_label(head.register, lang))}",
            f"{t(lang, 'as_of')}: {head.as_of.isoformat()} (Europe/Amsterdam)",
            f"{t(lang, 'policy')}: {one_line(head.policy)} · klachtregels {head.library_version}",
            f"{t(lang, 'organisation')}: {organisation}",
            "",
            summary_line(head, lang),
        ]

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        lang, out = self._lang, self._out
        org = {key: _Section() for key in self._sections}
        self._add(head.findings, org)
        lines = [] if self._quiet else self._head(head)
        if not self._quiet and (self._accepted or self._expired):
            lines.append(t(lang, "accepted_counts", accepted=self._accepted, expired=self._expired))
        if not self._quiet and self._hidden and self._judge.min_severity is not None:
            lines.append(t(lang, "hidden", count=self._hidden, level=self._judge.min_severity.value))
        out.write(printable("\n".join(lines) + "\n") if lines else "")
        shown = 0
        for key, rows in self._sections.items():
            first = org[key]
            if self._quiet and (key == "accepted" or not self._fail_on.reached_by(Severity(key))):
                first.spool.close()
                rows.spool.close()
                continue
            count = first.count + rows.count
            shown += count
            if count:
                out.write(printable(f"\n== {t(lang, 'section_' + key, count=count)} ==\n"))
                first.spool.copy_to(out)
                if first.count and rows.count:
                    out.write("\n")  # between the organisation's group and the first row's
                rows.spool.copy_to(out)
        if not shown and not self._quiet:
            out.write("\n" + t(lang, "nothing") + "\n")
        out.write(printable("\n" + self.verdict(failed) + "\n"))

    def verdict(self, failed: bool) -> str:
        """The last line: never 'all is well' when errors nobody accepted were found."""
        return verdict_line(failed, self._fail_on, self._lang, live_errors=self._live_errors)


# --- JSON -------------------------------------------------------------------------------------------


#: The encoder of a JSON line (one, not one per ``json.dumps`` call).
_ENCODE: Final = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
#: The keys of :meth:`Finding.to_dict`, in order: those before ``subject`` and those from ``rule_ids``
#: to ``citations`` depend on the finding's id alone.
_FINDING_HEAD: Final = ("id", "check", "severity")
_FINDING_MIDDLE: Final = ("rule_ids", "ambiguities", "k_item", "citations")
_FINDING_KEYS: Final = (
    *_FINDING_HEAD,
    "subject",
    "row",
    "complaint_id",
    "column",
    *_FINDING_MIDDLE,
    "message",
    "facts",
)
_PASSED_KEYS: Final = ("check", "row", "complaint_id")


def _json_line(item: dict[str, Any]) -> str:
    line = _ENCODE(item)
    return line if line.isprintable() else valid_unicode(line)


def _json(value: object) -> str:
    """``value`` in JSON, as :func:`_json_line` writes it (a text, a whole number and null quickly)."""
    if value is None:
        return "null"
    if type(value) is str:
        return _encode_text(value)
    if type(value) is int:
        return int.__repr__(value)
    return _ENCODE(value)


def _json_texts(data: dict[str, Any]) -> str:
    """``data`` in JSON as :func:`_json_line` writes it: a dict of texts without a new encoder per call
    (``JSONEncoder.encode`` makes one for every dict)."""
    items = []
    for key, value in data.items():
        if type(key) is not str or type(value) is not str:
            return _ENCODE(data)
        items.append(f"{_encode_text(key)}: {_encode_text(value)}")
    return "{" + ", ".join(items) + "}"


class _JsonLines:
    """Findings and passes as the JSON lines :func:`_json_line` makes of their ``to_dict()``, the
    catalogue's part of a finding (id, check, severity, rule ids, ambiguities, K item, citations)
    encoded once per finding id instead of once per finding.

    The parts are cut from the first finding's own ``to_dict()`` of each id, so the shape stays
    :meth:`Finding.to_dict`'s; a test compares the lines with :func:`_json_line`'s.
    """

    def __init__(self) -> None:
        self._parts: dict[str, tuple[str, str, str, str]] = {}
        self._passed_shape: bool | None = None  # whether Passed.to_dict has the keys written here

    def _cut(self, f: Finding) -> tuple[str, str, str, str] | None:
        data = f.to_dict()
        if tuple(data) != _FINDING_KEYS:  # a shape this writer does not know: the whole dict
            return None
        head = _ENCODE({key: data[key] for key in _FINDING_HEAD})
        middle = _ENCODE({key: data[key] for key in _FINDING_MIDDLE})
        if valid_unicode(head + middle) != head + middle:  # the catalogue's text: never, but then the whole
            return None
        spec = f.spec  # the templates of Finding.message_nl and message_en
        parts = self._parts[f.id] = (
            head[:-1] + ', "subject": ',
            ", " + middle[1:-1] + ', "message": {"nl": ',
            spec.message_nl,
            spec.message_en,
        )
        return parts

    def finding(self, f: Finding, extra: tuple[str, dict[str, Any]] | None = None) -> str:
        """``f``'s line; ``extra``: one more key and its value (an acceptance)."""
        parts = self._parts.get(f.id) or self._cut(f)
        if parts is None:
            data = f.to_dict()
            if extra is not None:
                data[extra[0]] = extra[1]
            return _json_line(data)
        head, middle, nl, en = parts
        facts = dict(f.facts)
        # What differs between findings of one id: lone surrogates (valid_unicode) can only be here.
        varying = (
            f'{_json(f.subject)}, "row": {_json(f.row)}, "complaint_id": {_json(f.complaint_id)}, '
            f'"column": {_json(f.column)}',
            f'{_encode_text(nl.format_map(facts))}, "en": {_encode_text(en.format_map(facts))}}}, '
            f'"facts": {_json_texts(facts)}'
            + ("" if extra is None else f", {_encode_text(extra[0])}: {_ENCODE(extra[1])}")
            + "}",
        )
        line = head + varying[0] + middle + varying[1]
        return line if "".join(varying).isprintable() else valid_unicode(line)

    def passed(self, p: Passed) -> str:
        """``p``'s line."""
        if self._passed_shape is None:
            self._passed_shape = tuple(p.to_dict()) == _PASSED_KEYS
        if not self._passed_shape:
            return _json_line(p.to_dict())
        line = (
            f'{{"check": {_json(p.check)}, "row": {_json(p.row)}, "complaint_id": {_json(p.complaint_id)}}}'
        )
        return line if line.isprintable() else valid_unicode(line)


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
        self.add_line(_json_line(item))

    def add_line(self, line: str) -> None:
        """Add an item already written as its JSON line."""
        self.spool.write("," + self._item + line)

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

    Top-level keys are indented; each finding and pass is one line. An accepted finding carries
    ``accepted`` (its reason, expiry and file); one whose acceptance expired ``acceptance_expired``;
    ``acceptances`` counts both. Findings below ``--min-severity`` are left out (``min_severity``, and
    still counted in ``summary``).
    """

    def __init__(self, out: IO[str], *, fail_on: FailOn, strict: bool, judge: Judge | None = None) -> None:
        self._out, self._fail_on, self._strict = out, fail_on, strict
        self._judge = judge or Judge()
        self._findings = _JsonList()
        self._passed = _JsonList()
        self._lines = _JsonLines()
        self._accepted = self._expired = 0

    def close(self) -> None:
        self._findings.spool.close()
        self._passed.spool.close()

    def _judged(self, f: Finding) -> tuple[bool, tuple[str, dict[str, Any]] | None]:
        """Count ``f``'s acceptance; whether it is shown, and (when shown) its acceptance as the key
        and value its item carries."""
        judge = self._judge
        status = None if judge.accepts_nothing else judge.status(f)
        if status is not None:
            self._accepted += status.applies
            self._expired += status.expired
        if status is None or not judge.shown(f):
            return judge.shown(f), None
        return True, ("acceptance_expired" if status.expired else "accepted", _acceptance_json(status))

    def _finding(self, f: Finding) -> dict[str, Any] | None:
        """``f``'s item (``None``: not shown)."""
        shown, acceptance = self._judged(f)
        if not shown:
            return None
        data = f.to_dict()
        if acceptance is not None:
            data[acceptance[0]] = acceptance[1]
        return data

    def _finding_line(self, f: Finding) -> str | None:
        """:meth:`_finding`'s item as its JSON line (``None``: not shown)."""
        shown, acceptance = self._judged(f)
        return self._lines.finding(f, acceptance) if shown else None

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        add_finding, add_passed, lines = self._findings.add_line, self._passed.add_line, self._lines
        for f in findings:
            line = self._finding_line(f)
            if line is not None:
                add_finding(line)
        for p in passed:
            add_passed(lines.passed(p))

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        out = self._out
        data = head.to_dict()
        data["findings"] = [item for item in map(self._finding, head.findings) if item is not None]
        data["fail_on"] = self._fail_on.value
        data["strict"] = self._strict
        data["failed"] = failed
        data["acceptances"] = {"accepted": self._accepted, "expired": self._expired}
        minimum = self._judge.min_severity
        data["min_severity"] = None if minimum is None else minimum.value
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


@functools.cache
def _saxutils() -> tuple[Callable[[str], str], Callable[[str], str]]:
    """``escape`` and ``quoteattr`` of ``xml.sax.saxutils``, imported on first use: it imports
    ``urllib.request`` (about 30 ms of every run's start-up), and only JUnit needs it."""
    from xml.sax.saxutils import escape, quoteattr

    return escape, quoteattr


def _attr(value: str) -> str:
    return _saxutils()[1](xml_text(printable(value)))


def _xml(value: str) -> str:
    return _saxutils()[0](xml_text(printable(value)))


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

    def __init__(
        self, out: IO[str], *, lang: str, fail_on: FailOn, strict: bool, judge: Judge | None = None
    ) -> None:
        self._out, self._lang, self._fail_on, self._strict = out, lang, fail_on, strict
        self._judge = judge or Judge()
        self._suites: dict[str, _Suite] = {}
        #: Attributes that depend on a check id or a finding id alone, made once each.
        self._classnames: dict[str, str] = {}
        self._types: dict[str, str] = {}

    def close(self) -> None:
        for suite in self._suites.values():
            suite.spool.close()

    def _fails(self, f: Finding) -> bool:
        if self._strict and f.id == FindingId.ROW_REJECTED:
            return True
        status = self._judge.status(f)
        return self._fail_on.reached_by(f.severity) and (status is None or status.expired)

    def _note(self, f: Finding) -> str:
        status = self._judge.status(f)
        return "" if status is None else "\n" + acceptance_note(status, self._lang)

    def _cases(
        self, findings: Sequence[Finding], passed: Sequence[Passed], suites: dict[str, _Suite]
    ) -> None:
        """Add one subject's cases: per check, its findings (or none, for a pass)."""
        by_check: dict[str, tuple[Finding | Passed, list[Finding]]] = {}
        items: list[Finding | Passed] = [*passed, *findings]
        for item in items:
            _, found = by_check.setdefault(item.check, (item, []))
            if isinstance(item, Finding) and self._judge.shown(item):
                found.append(item)
        names: dict[tuple[int | None, str | None], str] = {}  # a subject's items share its label
        for check_id, (first, found) in by_check.items():
            suite = suites.get(check_id)
            if suite is None:
                suite = suites[check_id] = _Suite()
            suite.tests += 1
            where = (first.row, first.complaint_id)
            name = names.get(where)
            if name is None:
                name = names[where] = _attr(subject_label(first, self._lang))
            suite.spool.write(self._case(check_id, name, found, suite))

    def _case(self, check_id: str, name: str, found: list[Finding], suite: _Suite) -> str:
        """One test case (``name``: the subject's label as an XML attribute)."""
        lang = self._lang
        classname = self._classnames.get(check_id)
        if classname is None:
            classname = self._classnames[check_id] = _attr(f"klachtregels.{check_id}")
        opening = f'    <testcase name={name} classname={classname} time="0"'
        if not found:
            return opening + " />\n"
        failing: list[Finding] = []
        rest: list[Finding] = []
        for f in found:
            (failing if self._fails(f) else rest).append(f)
        suite.failures += bool(failing)
        parts = [opening + ">\n"]
        for f in failing:
            message = f.message(lang)
            body = f"{f.severity.value} {f.id} [{basis(f, lang)}]\n{message}{self._note(f)}"
            parts.append(
                f"      <failure message={_attr(message)} type={self._type(f.id)}>{_xml(body)}</failure>\n"
            )
        if rest:
            body = "\n".join(f"{f.severity.value} {f.id}: {f.message(lang)}{self._note(f)}" for f in rest)
            parts.append(f"      <system-out>{_xml(body)}</system-out>\n")
        parts.append("    </testcase>\n")
        return "".join(parts)

    def _type(self, fid: str) -> str:
        """A finding id as the ``type`` attribute (made once per id)."""
        found = self._types.get(fid)
        if found is None:
            found = self._types[fid] = _attr(fid)
        return found

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


#: The facts that tell two organisation findings of one id apart, in this order: the year a K5
#: finding is about (R9: an annual report over each year, ``Finding.year``) and the organisation
#: file's key a K2 finding on disagreeing sources is about (one per provision of Wko 1.57b lid 2).
#: Codes and numbers, never wording: the same in every language.
_ORGANISATION_IDENTITY: Final = ("year", "organisation_key")


def fingerprint(f: Finding) -> str:
    """A finding's identity across runs: its id and complaint id, not its row (rows move when old
    ones are deleted). A finding without a complaint id about a row (a rejected row) has only its
    row and column to go by. One about the organisation has its id, and what tells it apart from
    another of that id (:data:`_ORGANISATION_IDENTITY`): ``KR-K5-SENT-LATE::year 2024`` and
    ``KR-K5-SENT-LATE::year 2025`` are two alerts; an organisation finding with neither keeps the
    id alone (``KR-K1-REGULATION:``)."""
    if f.complaint_id is not None:
        return f"{f.id}:{f.complaint_id}"
    if f.row is None:
        facts = dict(f.facts)
        if f.year is not None:
            facts["year"] = str(f.year)
        else:
            facts.pop("year", None)  # not a year (``Finding.year`` reads none): no part of the identity
        parts = "".join(f":{key} {one_line(facts[key])}" for key in _ORGANISATION_IDENTITY if key in facts)
        return f"{f.id}:{parts}"
    return f"{f.id}:row {f.row}:{f.column or ''}"


def _artifact_uri(path: str) -> str:
    """``path`` as a URI reference: a relative path percent-encoded as ``file:`` URIs are (a file name's
    space, ``#``, ``?`` or ``%`` would otherwise end the path or be read as an escape)."""
    p = PurePath(path)
    if p.is_absolute():
        from pathlib import Path

        return Path(path).as_uri()
    import os
    from urllib.parse import quote

    # As as_uri does: the name's bytes, so a byte the file system's encoding could not decode (a
    # lone surrogate here) is percent-encoded as itself.
    return quote(os.fsencode(p.as_posix()))


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
        self,
        out: IO[str],
        *,
        lang: str,
        register: str | None,
        organisation_file: str | None,
        judge: Judge | None = None,
    ) -> None:
        self._out, self._lang = out, lang
        self._judge = judge or Judge()
        self._register = None if register in (None, STANDARD_INPUT) else _artifact_uri(register)
        self._organisation = None if organisation_file is None else _artifact_uri(organisation_file)
        self._index = {fid: i for i, fid in enumerate(load_catalogue().findings)}
        self._results = _JsonList(indent=8)
        #: Per finding id, the parts of its result line that depend on the id alone (see _line).
        self._parts: dict[str, tuple[str, str, str]] = {}
        self._where = (self._locations_json(None), self._locations_json(1), self._locations_json(0))

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
        result: dict[str, Any] = {
            "ruleId": f.id,
            "ruleIndex": self._index[f.id],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message(self._lang)},
            "locations": self._locations(f),
            "partialFingerprints": {"klachtregels/v2": fingerprint(f)},
            "properties": {
                "complaint_id": f.complaint_id,
                "row": f.row,
                "column": f.column,
                "rule_ids": list(f.rule_ids),
                "facts": dict(f.facts),
            },
        }
        status = self._judge.status(f)
        if status is not None and status.applies:
            result["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": status.acceptance.reason}
            ]
        elif status is not None:
            result["properties"]["acceptance_expired"] = _acceptance_json(status)
        return result

    def _locations_json(self, row: int | None) -> str:
        """The JSON of ``locations`` for the organisation (``row`` None) or a register row (``row``
        1: with its region, which :meth:`_line` fills; 0: a row below 1, without one), as
        :meth:`_locations` gives them: the start of the text when a region follows."""
        if row is None:
            return _ENCODE(self._locations(Finding(id=FindingId.ROW_REJECTED)))
        located = self._locations(Finding(id=FindingId.ROW_REJECTED, row=row, complaint_id=""))
        text = _ENCODE(located)
        if not row or self._register is None:
            return text
        return text[: text.index('"startLine": ') + len('"startLine": ')]

    def _cut(self, fid: str) -> tuple[str, str, str]:
        """The parts of a result line that depend on the finding id alone: up to the message's text,
        the rule ids (JSON) and the message template."""
        spec = load_catalogue().findings[fid]
        head = _ENCODE({"ruleId": fid, "ruleIndex": self._index[fid], "level": _SARIF_LEVEL[spec.severity]})
        rule_ids = _ENCODE(list(load_catalogue().checks[spec.check].rule_ids))
        parts = self._parts[fid] = (head[:-1] + ', "message": {"text": ', rule_ids, spec.template(self._lang))
        return parts

    def _line(self, f: Finding) -> str:
        """``f``'s result line: the JSON line of :meth:`_result`, its id's parts made once
        (:meth:`_cut`). In a run that can accept findings, :meth:`_result` itself (it asks the judge,
        once). A test compares the two for any finding."""
        if not self._judge.accepts_nothing:
            return _json_line(self._result(f))
        parts = self._parts.get(f.id) or self._cut(f.id)
        head, rule_ids, template = parts
        facts = dict(f.facts)
        if about_organisation(f):
            where = self._where[0]
        elif self._register is None:
            where = "[]"
        elif f.row is not None and f.row >= 1:
            where = f"{self._where[1]}{f.row}}}}}}}]"
        else:
            where = self._where[2]
        line = (
            f"{head}{_encode_text(template.format_map(facts))}}}, "
            f'"locations": {where}, '
            f'"partialFingerprints": {{"klachtregels/v2": {_encode_text(fingerprint(f))}}}, '
            f'"properties": {{"complaint_id": {_json(f.complaint_id)}, "row": {_json(f.row)}, '
            f'"column": {_json(f.column)}, "rule_ids": {rule_ids}, "facts": {_json_texts(facts)}}}}}'
        )
        return line if line.isprintable() else valid_unicode(line)

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        for f in findings:
            if self._judge.shown(f):
                self._results.add_line(self._line(f))

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
        self._results.write(out, [self._result(f) for f in head.findings if self._judge.shown(f)])
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
    the rows' first ten of each type wait (at most thirty findings) until that is known. An
    accepted finding is no annotation: the summary lists it with its reason. An annotation's
    title is the finding id and complaint id, the same whatever row the complaint moves to.
    """

    def __init__(
        self,
        out: IO[str],
        *,
        lang: str,
        fail_on: FailOn,
        summary_out: IO[str] | None = None,
        judge: Judge | None = None,
    ) -> None:
        self._out, self._lang, self._fail_on, self._summary_out = out, lang, fail_on, summary_out
        self._judge = judge or Judge()
        self._early: list[tuple[int, Finding]] = []
        self._taken: dict[Severity, int] = dict.fromkeys(Severity, 0)
        self._rest = Spool()  # "sequence<TAB>table row" lines, in order
        self._accepted = Spool()  # table rows of accepted findings
        self._seq = 0
        self._live_errors = 0

    def close(self) -> None:
        self._rest.close()
        self._accepted.close()

    def _accept(self, f: Finding) -> bool:
        """Count ``f``; list it as accepted (and return True) when an acceptance applies."""
        status = self._judge.status(f)
        if status is None or status.expired:
            self._live_errors += f.severity is Severity.ERROR
            return False
        if self._judge.shown(f):
            reason = markdown_text(acceptance_note(status, self._lang))
            self._accepted.write(self._table_row(f).removesuffix(" |") + f" | {reason} |\n")
        return True

    def rows(self, findings: Sequence[Finding], passed: Sequence[Passed]) -> None:
        for f in findings:
            if self._accept(f) or not self._judge.shown(f):
                continue
            self._seq += 1
            if self._taken[f.severity] < GITHUB_ANNOTATION_LIMIT:
                self._taken[f.severity] += 1
                self._early.append((self._seq, f))
            else:
                self._rest.write(f"{self._seq}\t{self._table_row(f)}\n")

    def _message(self, f: Finding) -> str:
        status = self._judge.status(f)
        note = "" if status is None else f" ({acceptance_note(status, self._lang)})"
        return f.message(self._lang) + note

    def _table_row(self, f: Finding) -> str:
        lang = self._lang
        sev = word(lang, "sev_" + f.severity.value)
        where = markdown_text(subject_label(f, lang))
        return f"| {sev} | {f.id} | {where} | {markdown_text(self._message(f))} |"

    def _annotation(self, f: Finding, head: CheckResult) -> str:
        props = []
        if f.subject == "organisation":
            if head.organisation_file is not None:
                props.append(f"file={_escape_property(PurePath(head.organisation_file).as_posix())}")
        elif head.register not in (None, STANDARD_INPUT):  # standard input: no file to point at
            props.append(f"file={_escape_property(PurePath(head.register).as_posix())}")
            if f.row is not None:
                props.append(f"line={f.row}")
        title = f.id if f.complaint_id is None else f"{f.id} {one_line(f.complaint_id)}"
        props.append(f"title={_escape_property(title)}")
        message = _escape_data(f"{subject_label(f, self._lang)}: {self._message(f)}")
        return f"::{_GITHUB_TYPE[f.severity]} {','.join(props)}::{message}"

    def finish(self, head: CheckResult, *, failed: bool) -> None:
        shown: dict[Severity, int] = dict.fromkeys(Severity, 0)
        commands: list[str] = []
        rest_first: list[str] = []
        overflow: list[tuple[int, str]] = []
        for f in head.findings:
            if self._accept(f) or not self._judge.shown(f):
                continue
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
        if not self._accepted.empty:
            lang = self._lang
            summary_out.write(
                f"\n### {t(lang, 'md_accepted')}\n\n"
                f"| {t(lang, 'md_sev')} | id | {t(lang, 'md_where')} | {t(lang, 'md_msg')} | "
                f"{t(lang, 'md_reason')} |\n|---|---|---|---|---|\n"
            )
            for line in self._accepted.lines():
                summary_out.write(printable(line))

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
            f"{t(lang, 'register')}: {markdown_text(source_label(head.register, lang))} · "
            f"{t(lang, 'as_of')}: {head.as_of.isoformat()} · "
            f"{t(lang, 'policy')}: {markdown_text(head.policy)} · klachtregels {head.library_version}",
            "",
            f"**{verdict_line(failed, self._fail_on, lang, live_errors=self._live_errors)}**",
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
    judge: Judge | None = None,
    quiet: bool = False,
) -> Sink:
    """The sink writing ``format`` to ``out`` (``summary_out``: GitHub's step summary, if apart).

    ``judge`` says which findings are accepted and shown (one judge for every sink of a run, and a
    :class:`Tee` to count and decide); ``quiet``: text shows only what fails the run.
    """
    from klachtregels._arguments import bool_argument, enum_argument, stream_argument

    level = enum_argument(fail_on, FailOn, "fail_on")
    strict = bool(bool_argument(strict, "strict"))
    quiet = bool(bool_argument(quiet, "quiet"))
    stream_argument(out, "out")
    if summary_out is not None:
        stream_argument(summary_out, "summary_out")
    check_lang(lang)  # an unknown language fails here, before a row is read
    if format == "text":
        return TextSink(out, lang=lang, fail_on=level, judge=judge, quiet=quiet)
    if format == "json":
        return JsonSink(out, fail_on=level, strict=strict, judge=judge)
    if format == "junit":
        return JunitSink(out, lang=lang, fail_on=level, strict=strict, judge=judge)
    if format == "sarif":
        return SarifSink(out, lang=lang, register=register, organisation_file=organisation_file, judge=judge)
    if format == "github":
        return GithubSink(out, lang=lang, fail_on=level, summary_out=summary_out, judge=judge)
    # The value given is not repeated (it may be anything passed on).
    raise InvalidInputError("rendering", [("format", "is not one of: text, json, junit, sarif, github")])
