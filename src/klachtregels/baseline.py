"""Accepted findings: a finding, or a complaint, that a person judged and accepted, with the reason.

An acceptance names a finding id (``KR-HANDLING-LATE``), a complaint id (the register's own), or
both; it carries a required ``reason`` and an optional ``expires`` day (the last day it applies,
read by the one date convention, :func:`klachtregels._time.read_day`). It lives in the
configuration (``[[tool.klachtregels.accept]]``, :mod:`klachtregels.config`) or in a baseline file
that ``klachtregels check --write-baseline FILE`` writes and ``--baseline FILE`` reads::

    [[accept]]
    finding = "KR-HANDLING-LATE"
    complaint = "K-2024-017"
    reason = "Judged late in 2024; the team was told (minutes 2025-01-14)."
    expires = 2026-12-31

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
from klachtregels._io import atomic_write_text, loads_toml, one_line, toml_value
from klachtregels.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from klachtregels.compliance.findings import Finding

__all__ = [
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
]

#: The keys an acceptance may have.
_KEYS: Final = ("finding", "complaint", "reason", "expires")
#: The longest reason kept (a reason is a sentence or two, not a document).
MAX_REASON_CHARS: Final = 2000


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
    #: The last day it applies (``None``: no end).
    expires: dt.date | None = None
    #: Where it was written (the configuration or baseline file), for people reading the output.
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "finding": self.finding,
            "complaint": self.complaint,
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
    then one of its complaint id alone; among matches, one that still applies wins over an
    expired one.
    """

    def __init__(self, entries: Iterable[Acceptance], *, as_of: dt.date) -> None:
        self._as_of = as_of
        self._index: dict[tuple[str | None, str | None], list[Acceptance]] = {}
        for entry in entries:
            self._index.setdefault((entry.finding, entry.complaint), []).append(entry)

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
                if entry.expires is None or entry.expires >= self._as_of:
                    return AcceptanceStatus(entry, expired=False)
                expired = expired or entry
        return None if expired is None else AcceptanceStatus(expired, expired=True)


def _day(value: object) -> dt.date | None:
    """A TOML date or date-time, or text in the one date convention; ``None`` when neither.

    A date-time counts as its Europe/Amsterdam day (:func:`klachtregels._time.local_day`), the
    same whether it is written as a TOML date-time or as text.
    """
    from klachtregels._time import DateTextError, local_day, read_day

    try:
        if isinstance(value, dt.date):
            return local_day(value)
        if isinstance(value, str):
            return read_day(value)
    except DateTextError:
        return None
    return None


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
    expires = None
    if "expires" in item:
        expires = _day(item["expires"])
        if expires is None:
            problems.append((f"{where}.expires", "must be a day (YYYY-MM-DD)"))
    if len(problems) > before:
        return None
    return Acceptance(
        reason=texts["reason"] or "",
        finding=texts["finding"],
        complaint=texts["complaint"],
        expires=expires,
        origin=origin,
    )


def parse_acceptances(
    value: object, *, key: str, origin: str
) -> tuple[tuple[Acceptance, ...], list[tuple[str, str]]]:
    """Acceptances from a TOML array of tables at ``key``; the problems found, by key.

    ``origin`` (a file name) is recorded in each acceptance. The caller raises its own typed error
    (:class:`BaselineError`, :class:`klachtregels.config.ConfigError`) from the problems.
    """
    problems: list[tuple[str, str]] = []
    if not isinstance(value, list):
        return (), [(key, "must be an array of tables ([[accept]])")]
    entries = [_entry(item, f"{key}[{index}]", origin, problems) for index, item in enumerate(value)]
    return tuple(e for e in entries if e is not None), problems


def load_baseline(path: str | os.PathLike[str]) -> tuple[Acceptance, ...]:
    """The acceptances of a baseline file (TOML: ``[[accept]]`` tables); :class:`BaselineError` if invalid.

    A missing or unreadable file is the :class:`OSError` it raises (the command line names the file).
    """
    path = path_argument(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BaselineError(path, [("", "not UTF-8 text")]) from None
    try:
        data = loads_toml(raw)
    except tomllib.TOMLDecodeError:
        raise BaselineError(path, [("", "not valid TOML")]) from None
    unknown = [k for k in data if k not in ("accept", "schema")]
    if unknown:
        raise BaselineError(path, [(k if k.isidentifier() else "", "unknown key") for k in unknown])
    entries, problems = parse_acceptances(data.get("accept", []), key="accept", origin=os.fspath(path))
    if problems:
        raise BaselineError(path, problems)
    return entries


def baseline_text(entries: Iterable[Acceptance]) -> str:
    """A baseline file holding ``entries`` (sorted by finding and complaint id, so diffs stay small)."""
    lines = [
        "# klachtregels baseline: accepted findings (klachtregels check --baseline FILE).",
        "# Every entry needs a reason; 'expires' (YYYY-MM-DD) is the last day it applies.",
    ]
    checked = each_instance(entries, Acceptance, "entries", expected="an iterable of Acceptance")
    ordered = sorted(checked, key=lambda e: (e.finding or "", e.complaint or "", e.reason))
    for entry in ordered:
        lines += ["", "[[accept]]"]
        if entry.finding is not None:
            lines.append(f"finding = {toml_value(entry.finding)}")
        if entry.complaint is not None:
            lines.append(f"complaint = {toml_value(entry.complaint)}")
        lines.append(f"reason = {toml_value(entry.reason)}")
        if entry.expires is not None:
            lines.append(f"expires = {entry.expires.isoformat()}")
    return "\n".join(lines) + "\n"


def write_baseline(path: str | os.PathLike[str], entries: Iterable[Acceptance]) -> None:
    """Write a baseline file (atomically: a reader never sees half of it)."""
    atomic_write_text(path_argument(path), baseline_text(entries))


class BaselineCollector:
    """``check --write-baseline``: accepts every error and warning that nothing accepts yet.

    A finding about a complaint is accepted by its finding id and complaint id; one about the
    organisation by its finding id. A rejected row (no complaint id) and information are never
    taken into a baseline: a row that cannot be read is a data problem to fix, not to accept.
    """

    def __init__(self, reason: str, *, origin: str = "", keep_from: Iterable[str] = ()) -> None:
        self._reason, self._origin = reason, origin
        self._taken: dict[tuple[str, str | None], Acceptance] = {}
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
        key = (finding.id, finding.complaint_id)
        entry = self._taken.get(key)
        if entry is None:
            entry = self._taken[key] = Acceptance(
                reason=self._reason, finding=finding.id, complaint=finding.complaint_id, origin=self._origin
            )
        return AcceptanceStatus(entry, expired=False)

    @property
    def entries(self) -> tuple[Acceptance, ...]:
        """The acceptances kept and taken so far."""
        return (*self._kept, *self._taken.values())
