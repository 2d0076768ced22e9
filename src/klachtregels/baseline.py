"""Accepted findings: a finding, or a complaint, that a person judged and accepted, with the reason.

An acceptance names a finding id (``KR-HANDLING-LATE``), a complaint id (the register's own), or
both; an organisation finding about one year (the annual report over it, K5) is accepted with its
``year``, which such an acceptance must name (:func:`year_missing`: one without it is refused, never
read as every year's). It carries a required ``reason`` and an optional ``expires`` day (the last
day it applies, read by the one date convention, :func:`klachtregels._time.read_day`). It lives in the
configuration (``[[tool.klachtregels.accept]]``, :mod:`klachtregels.config`) or in a baseline file
that ``klachtregels check --write-baseline FILE`` writes and ``--baseline FILE`` reads::

    schema = 1

    [[accept]]
    finding = "KR-HANDLING-LATE"
    complaint = "K-2024-017"
    reason = "Judged late in 2024; the team was told (minutes 2025-01-14)."
    expires = 2026-12-31

An acceptance is of a finding's identity (its id, complaint id and year), never of its row, so it
holds when other rows are added, deleted or reordered; a finding with another identity (next
year's late report, another complaint) is not accepted by it.

An accepted finding is still reported, marked as accepted with its reason, and does not fail the
run; an acceptance whose ``expires`` lies before the run's as-of date no longer applies, and the
finding says so. Acceptance is a decision of the people who run the check, not a legal question:
nothing here changes what a check finds.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels._arguments import each_instance, path_argument
from klachtregels._io import TomlSizeError, atomic_write_text, loads_toml, one_line, toml_value
from klachtregels.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from klachtregels.compliance.findings import Finding

__all__ = [
    "BASELINE_SCHEMA_VERSION",
    "MAX_BASELINE_CHARS",
    "MAX_REASON_CHARS",
    "Acceptance",
    "AcceptanceStatus",
    "Acceptances",
    "BaselineCollector",
    "BaselineError",
    "baseline_text",
    "load_baseline",
    "parse_acceptances",
    "write_baseline",
    "year_missing",
]

#: The keys an acceptance may have.
_KEYS: Final = ("finding", "complaint", "year", "reason", "expires")
#: The longest reason kept (a reason is a sentence or two, not a document).
MAX_REASON_CHARS: Final = 2000
#: The version of the baseline file (its ``schema`` key; a file without one is this version).
BASELINE_SCHEMA_VERSION: Final = 1
#: The longest baseline file read or written: room for some 250,000 acceptances (a register of that
#: many findings), and a bound on what a hostile file costs to read.
MAX_BASELINE_CHARS: Final = 32 * 1_048_576


class BaselineError(InvalidInputError):
    """A baseline file is not valid: names the file and the key, never a value."""

    def __init__(self, path: str | os.PathLike[str], problems: Sequence[tuple[str, str]]) -> None:
        super().__init__(f"baseline {one_line(os.fspath(path))}", problems)


@attrs.frozen(kw_only=True)
class Acceptance:
    """One accepted finding id, complaint id, or finding of one complaint, with its reason."""

    #: Why it is accepted (required; shown in every output).
    reason: str
    #: The finding id it accepts (``None``: every finding of ``complaint``).
    finding: str | None = None
    #: The complaint id it accepts (``None``: ``finding`` wherever it occurs).
    complaint: str | None = None
    #: The year an organisation finding is about (K5: the annual report over that year). Required
    #: for a finding about a year (:func:`year_missing`); ``None`` for any other.
    year: int | None = None
    #: The last day it applies (``None``: no end).
    expires: dt.date | None = None
    #: Where it was written (the configuration or baseline file), for people reading the output.
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "finding": self.finding,
            "complaint": self.complaint,
            "year": self.year,
            "reason": self.reason,
            "expires": None if self.expires is None else self.expires.isoformat(),
            "origin": self.origin,
        }


@attrs.frozen
class AcceptanceStatus:
    """What an acceptance means for one finding in one run."""

    acceptance: Acceptance
    #: The acceptance ran out before the run's as-of date: it no longer applies.
    expired: bool

    @property
    def applies(self) -> bool:
        """Whether the finding counts as accepted (does not fail the run)."""
        return not self.expired


class Acceptances:
    """The acceptances of one run, looked up per finding (a dictionary look-up, not a scan).

    A finding matches an acceptance of its id and complaint id first, then one of its id alone,
    then one of its complaint id alone; an acceptance that names a year matches only a finding
    about that year (:attr:`~klachtregels.compliance.Finding.year`). Among matches, one that still
    applies wins over an expired one.
    """

    def __init__(self, entries: Iterable[Acceptance], *, as_of: dt.date) -> None:
        self._as_of = as_of
        self._index: dict[tuple[str | None, str | None], list[Acceptance]] = {}
        problems: list[tuple[str, str]] = []
        for index, entry in enumerate(entries):
            if entry.year is None and entry.finding is not None and entry.complaint is None:
                problem = year_missing(entry.finding)
                if problem is not None:  # as the files refuse it (parse_acceptances)
                    problems.append((f"entries[{index}].year", problem))
            self._index.setdefault((entry.finding, entry.complaint), []).append(entry)
        if problems:
            raise InvalidInputError("arguments", problems)

    def __bool__(self) -> bool:
        return bool(self._index)

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def status(self, finding: Finding) -> AcceptanceStatus | None:
        """The acceptance that applies to ``finding`` (or the expired one that would have), or ``None``."""
        if not self._index:
            return None
        expired: Acceptance | None = None
        keys: list[tuple[str | None, str | None]] = [(finding.id, None)]
        if finding.complaint_id is not None:
            keys = [(finding.id, finding.complaint_id), *keys, (None, finding.complaint_id)]
        for key in keys:
            for entry in self._index.get(key, ()):
                if entry.year is not None and entry.year != finding.year:
                    continue  # another year's finding (next year's late report is not this one)
                if entry.expires is None or entry.expires >= self._as_of:
                    return AcceptanceStatus(entry, expired=False)
                expired = expired or entry
        return None if expired is None else AcceptanceStatus(expired, expired=True)


def _day(value: object, where: str, problems: list[tuple[str, str]]) -> dt.date | None:
    """A TOML date or date-time, or text in the one date convention; ``None`` (with the problem, in
    the texts every other door gives: :func:`klachtregels.convert.structure`) when neither.

    A date-time counts as its Europe/Amsterdam day (:func:`klachtregels._time.local_day`), the
    same whether it is written as a TOML date-time or as text.
    """
    from klachtregels import convert
    from klachtregels._time import local_day

    try:
        found = convert.structure(value, dt.date, what=where)
    except InvalidInputError as exc:
        problems.extend((where, message) for _, message in exc.problems)
        return None
    return local_day(found)


def _entry(item: object, where: str, origin: str, problems: list[tuple[str, str]]) -> Acceptance | None:
    """One acceptance from its TOML table; problems named by key, never by value."""
    if not isinstance(item, dict):
        problems.append((where, "must be a table"))
        return None
    before = len(problems)
    problems.extend(
        (f"{where}.{key}" if key.isidentifier() else where, "unknown key") for key in item if key not in _KEYS
    )
    texts: dict[str, str | None] = {}
    for key in ("finding", "complaint", "reason"):
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append((f"{where}.{key}", "must be non-empty text"))
            value = None
        texts[key] = None if value is None else value.strip()
    if texts["reason"] is None and "reason" not in item:
        problems.append((f"{where}.reason", "is required: say why the finding is accepted"))
    elif texts["reason"] is not None and len(texts["reason"] or "") > MAX_REASON_CHARS:
        problems.append((f"{where}.reason", f"is longer than {MAX_REASON_CHARS} characters"))
    if "finding" not in item and "complaint" not in item:
        problems.append((where, "needs 'finding', 'complaint' or both"))
    elif texts["finding"] is not None:
        from klachtregels.compliance.findings import load_catalogue

        if texts["finding"] not in load_catalogue().findings:
            problems.append((f"{where}.finding", "is not a finding id of the catalogue"))
    year = item.get("year")
    if "year" in item:
        if type(year) is not int or not 1 <= year <= 9999:
            problems.append((f"{where}.year", "must be a year (a whole number from 1 to 9999)"))
        elif "finding" not in item or "complaint" in item:
            # Only an organisation finding is about a year: with a complaint it would match nothing.
            problems.append((f"{where}.year", "needs 'finding' and no 'complaint' (an organisation finding)"))
    elif texts["finding"] is not None and texts["complaint"] is None:
        problem = year_missing(texts["finding"])
        if problem is not None:
            problems.append((f"{where}.year", problem))
    expires = _day(item["expires"], f"{where}.expires", problems) if "expires" in item else None
    if len(problems) > before:
        return None
    return Acceptance(
        reason=texts["reason"] or "",
        finding=texts["finding"],
        complaint=texts["complaint"],
        year=year,
        expires=expires,
        origin=origin,
    )


def year_missing(finding: str) -> str | None:
    """The problem of an acceptance of ``finding`` (with no complaint) that names no ``year`` when
    each finding of that id is about one year (K5: the annual report over a year, R9); ``None``
    when it needs none.

    Such an acceptance is refused, not read as 'every year': a baseline written before acceptances
    named a year (or a hand-written one) was written for one year's finding, and accepting next
    year's late report by it would accept what nobody judged; nor can the year it was meant for be
    known (a baseline records no day it was written). Refused, the run stops (exit 2) and says which
    acceptance to give its year: nothing is accepted or un-accepted without a word.
    """
    from klachtregels.compliance.findings import load_catalogue

    spec = load_catalogue().findings.get(finding)
    if spec is None or not spec.about_a_year:
        return None
    return (
        f"is required: {finding} is about one year (the annual report over it, K5); "
        "add year = the year this acceptance is for (an acceptance of every year is not taken)"
    )


def parse_acceptances(
    value: object, *, key: str, origin: str
) -> tuple[tuple[Acceptance, ...], list[tuple[str, str]]]:
    """Acceptances from a TOML array of tables at ``key``; the problems found, by key.

    ``origin`` (a file name) is recorded in each acceptance. Two acceptances of the same finding
    id, complaint id and year are a problem (which one's reason and expiry would count?), named by
    the later one's place. The caller raises its own typed error (:class:`BaselineError`,
    :class:`klachtregels.config.ConfigError`) from the problems.
    """
    problems: list[tuple[str, str]] = []
    if not isinstance(value, list):
        return (), [(key, "must be an array of tables ([[accept]])")]
    entries = [_entry(item, f"{key}[{index}]", origin, problems) for index, item in enumerate(value)]
    first: dict[tuple[str | None, str | None, int | None], int] = {}
    for index, entry in enumerate(entries):
        if entry is None:
            continue
        seen = first.setdefault((entry.finding, entry.complaint, entry.year), index)
        if seen != index:
            problems.append(
                (f"{key}[{index}]", f"repeats {key}[{seen}] (the same finding, complaint and year)")
            )
    return tuple(e for e in entries if e is not None), problems


def load_baseline(path: str | os.PathLike[str]) -> tuple[Acceptance, ...]:
    """The acceptances of a baseline file (TOML: ``[[accept]]`` tables); :class:`BaselineError` if invalid.

    A file longer than :data:`MAX_BASELINE_CHARS` is refused without reading the rest; ``schema``,
    when given, must be :data:`BASELINE_SCHEMA_VERSION` (a later version may mean what this one
    cannot read). A missing or unreadable file is the :class:`OSError` it raises (the command line
    names the file).
    """
    path = path_argument(path)
    try:
        with Path(path).open(encoding="utf-8") as file:
            raw = file.read(MAX_BASELINE_CHARS + 1)
    except UnicodeDecodeError:
        raise BaselineError(path, [("", "not UTF-8 text")]) from None
    try:
        data = loads_toml(raw, max_chars=MAX_BASELINE_CHARS)
    except TomlSizeError as exc:
        raise BaselineError(path, [("", str(exc))]) from None  # longer than MAX_BASELINE_CHARS characters
    except tomllib.TOMLDecodeError as exc:
        # The parser's own words (where and what, never a value: klachtregels._io hides keys).
        raise BaselineError(path, [("", f"not valid TOML: {exc}")]) from None
    unknown = [k for k in data if k not in ("accept", "schema")]
    if unknown:
        raise BaselineError(path, [(k if k.isidentifier() else "", "unknown key") for k in unknown])
    version = data.get("schema", BASELINE_SCHEMA_VERSION)
    if type(version) is not int:
        raise BaselineError(path, [("schema", "must be a whole number (the baseline version)")])
    if version != BASELINE_SCHEMA_VERSION:
        raise BaselineError(
            path,
            [("schema", f"is an unknown version: this klachtregels reads version {BASELINE_SCHEMA_VERSION}")],
        )
    entries, problems = parse_acceptances(data.get("accept", []), key="accept", origin=os.fspath(path))
    if problems:
        raise BaselineError(path, problems)
    return entries


def baseline_text(entries: Iterable[Acceptance]) -> str:
    """A baseline file holding ``entries`` (sorted by finding and complaint id, so diffs stay small)."""
    lines = [
        "# klachtregels baseline: accepted findings (klachtregels check --baseline FILE).",
        "# Every entry needs a reason; 'expires' (a date, e.g. 2026-12-31) is the last day it applies.",
        "",
        f"schema = {BASELINE_SCHEMA_VERSION}",
    ]
    checked = each_instance(entries, Acceptance, "entries", expected="an iterable of Acceptance")
    ordered = sorted(checked, key=lambda e: (e.finding or "", e.complaint or "", e.year or 0, e.reason))
    for entry in ordered:
        lines += ["", "[[accept]]"]
        if entry.finding is not None:
            lines.append(f"finding = {toml_value(entry.finding)}")
        if entry.complaint is not None:
            lines.append(f"complaint = {toml_value(entry.complaint)}")
        if entry.year is not None:
            lines.append(f"year = {entry.year}")
        lines.append(f"reason = {toml_value(entry.reason)}")
        if entry.expires is not None:
            lines.append(f"expires = {entry.expires.isoformat()}")
    return "\n".join(lines) + "\n"


def write_baseline(path: str | os.PathLike[str], entries: Iterable[Acceptance]) -> None:
    """Write a baseline file (atomically: a reader never sees half of it).

    One :func:`load_baseline` would refuse (longer than :data:`MAX_BASELINE_CHARS`) is not written:
    :class:`BaselineError`, and the file is left as it was.
    """
    path = path_argument(path)
    text = baseline_text(entries)
    if len(text) > MAX_BASELINE_CHARS:
        raise BaselineError(path, [("", f"would be longer than {MAX_BASELINE_CHARS} characters")])
    atomic_write_text(path, text)


class BaselineCollector:
    """``check --write-baseline``: accepts every error and warning that nothing accepts yet.

    A finding about a complaint is accepted by its finding id and complaint id; one about the
    organisation by its finding id, and by its year when it is about one (K5: next year's late
    report is a new finding). A rejected row (no complaint id) and information are never taken
    into a baseline: a row that cannot be read is a data problem to fix, not to accept.
    """

    def __init__(self, reason: str, *, origin: str = "", keep_from: Iterable[str] = ()) -> None:
        self._reason, self._origin = reason, origin
        self._taken: dict[tuple[str, str | None, int | None], Acceptance] = {}
        self._keep_from = frozenset(keep_from)
        self._kept: dict[Acceptance, None] = {}

    def keep(self, acceptance: Acceptance) -> None:
        """Keep an acceptance that applied and came from a baseline being rewritten (``keep_from``)."""
        if acceptance.origin in self._keep_from:
            self._kept[attrs.evolve(acceptance, origin=self._origin)] = None

    def take(self, finding: Finding) -> AcceptanceStatus | None:
        """The new acceptance of ``finding`` (the same one when asked again), or ``None``."""
        from klachtregels.severity import Severity

        if finding.severity is Severity.INFO or (finding.complaint_id is None and finding.row is not None):
            return None
        year = finding.year
        key = (finding.id, finding.complaint_id, year)
        entry = self._taken.get(key)
        if entry is None:
            entry = self._taken[key] = Acceptance(
                reason=self._reason,
                finding=finding.id,
                complaint=finding.complaint_id,
                year=year,
                origin=self._origin,
            )
        return AcceptanceStatus(entry, expired=False)

    @property
    def entries(self) -> tuple[Acceptance, ...]:
        """The acceptances kept and taken so far."""
        return (*self._kept, *self._taken.values())
