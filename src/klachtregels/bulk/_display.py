"""Short ``repr`` and notebook HTML (``_repr_html_``) for the result objects (issue 12 item 3).

Each object's ``__repr__``/``_repr_html_`` calls one function here, so the display stays short and
the same everywhere: a few headline fields, counts instead of lists, at most :data:`MAX_ROWS` rows
of a table. Labels are the objects' own field names (no prose to translate); every value is
escaped; nothing is shown that the object does not hold (no cell text of a rejected row, no
complaint description).
"""

from __future__ import annotations

import datetime as _dt
import enum
import html
from collections import Counter
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from klachtregels.compliance import CheckResult
    from klachtregels.decisions import Assessment
    from klachtregels.engine import Decision
    from klachtregels.register.reader import RegisterResult
    from klachtregels.report.model import AnnualReport
    from klachtregels.terms import Deadline

__all__ = [
    "MAX_ROWS",
    "assessment_html",
    "assessment_repr",
    "check_result_html",
    "check_result_repr",
    "deadline_html",
    "deadline_repr",
    "decision_html",
    "decision_repr",
    "register_result_html",
    "register_result_repr",
    "report_html",
    "report_repr",
]

#: At most this many rows of any table (the rest are counted in a last line).
MAX_ROWS: Final = 10


def _plain(value: object) -> str:
    """A value as short text: dates in ISO form, enums by value, sequences joined, None as a dash."""
    if value is None:
        return "—"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value) or "—"
    return str(value)


def _table(rows: Iterable[Sequence[object]], head: Sequence[str] | None = None) -> str:
    """An escaped HTML table; at most MAX_ROWS body rows, then one line counting the rest."""
    body = list(rows)
    shown = body[:MAX_ROWS]
    parts = ['<table style="border-collapse:collapse;text-align:left">']
    if head:
        parts.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>")
    for row in shown:
        cells = "".join(f"<td>{html.escape(_plain(cell))}</td>" for cell in row)
        parts.append(f"<tr>{cells}</tr>")
    if len(body) > len(shown):
        width = len(head) if head else len(shown[0])
        parts.append(f'<tr><td colspan="{width}">… {len(body) - len(shown)} more</td></tr>')
    parts.append("</table>")
    return "".join(parts)


def _block(title: str, *tables: str) -> str:
    """A titled block of tables."""
    return f"<div><strong>{html.escape(title)}</strong>{''.join(tables)}</div>"


def _short(value: object) -> str:
    """A value in a ``repr``: text quoted, a list in brackets, the rest as :func:`_plain`."""
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    return _plain(value)


def _repr(name: str, fields: Iterable[tuple[str, object]]) -> str:
    """``Name(field=value, ...)`` with short values."""
    return f"{name}({', '.join(f'{key}={_short(value)}' for key, value in fields)})"


# --- Deadline -------------------------------------------------------------------------------------


def deadline_repr(d: Deadline) -> str:
    """``Deadline(date=2026-05-06, term='6 weeks', received=2026-03-24, atw_applied=True, ...)``."""
    return _repr(
        "Deadline",
        [
            ("date", d.date),
            ("term", str(d.term)),
            ("received", d.received),
            ("atw_applied", d.atw_applied),
            ("provisional", d.provisional),
        ],
    )


def deadline_html(d: Deadline) -> str:
    """The deadline's dates, term, the days the ATW skipped and the provisional mark."""
    rows: list[tuple[str, object]] = [
        ("date", d.date),
        ("received", d.received),
        ("start", d.start),
        ("term", str(d.term)),
        ("statutory", d.statutory),
        ("calendar_date", d.calendar_date),
        ("atw_date", d.atw_date),
        ("atw_applied", d.atw_applied),
        ("extended_by", [f"{day.date.isoformat()} {day.name('en')}" for day in d.extended_by]),
        ("provisional", d.provisional),
        ("unverified_years", d.unverified_years),
        ("rule_ids", d.rule_ids),
    ]
    return _block(f"Deadline {d.date.isoformat()}", _table(rows))


# --- Decision -------------------------------------------------------------------------------------


def decision_repr(d: Decision) -> str:
    """``Decision(kind='eligibility', outcome='eligible', rules=3, flags=..., unknown_facts=...)``."""
    return _repr(
        "Decision",
        [
            ("kind", str(d.kind)),
            ("outcome", str(d.outcome)),
            ("rules", len(d.rule_ids)),
            ("flags", [f.code for f in d.flags]),
            ("unknown_facts", d.unknown_facts),
        ],
    )


def decision_html(d: Decision) -> str:
    """The outcome, the rules that gave a reason, the flags and the unknown facts."""
    rows: list[tuple[str, object]] = [
        ("outcome", d.outcome),
        ("definite", d.definite),
        ("as_of", d.as_of),
        ("policy", d.policy),
        ("rule_ids", d.rule_ids),
        ("flags", [f.code for f in d.flags]),
        ("unknown_facts", d.unknown_facts),
    ]
    return _block(f"Decision: {d.kind}", _table(rows))


# --- Assessment -----------------------------------------------------------------------------------


def assessment_repr(a: Assessment) -> str:
    """``Assessment(complaint_id='K-1', as_of=..., status='open_on_track', eligibility=..., flags=2)``."""
    return _repr(
        "Assessment",
        [
            ("complaint_id", a.complaint_id),
            ("as_of", a.as_of),
            ("status", str(a.status)),
            ("eligibility", str(a.eligibility.outcome)),
            ("deadlines", [f"{key}={d.date.isoformat()}" for key, d in a.deadlines.items()]),
            ("flags", len(a.flags)),
        ],
    )


def assessment_html(a: Assessment) -> str:
    """The decisions' outcomes, the deadlines and the flags."""
    decisions = _table(
        [(d.kind, d.outcome, d.rule_ids) for d in a.decisions], ("decision", "outcome", "rules")
    )
    deadlines = _table(
        [(key, d.date, d.provisional) for key, d in a.deadlines.items()], ("deadline", "date", "provisional")
    )
    flags = _table([(f.code,) for f in a.flags], ("flag",)) if a.flags else ""
    title = f"Assessment {a.complaint_id or ''} on {a.as_of.isoformat()}: {a.status}"
    return _block(title, decisions, deadlines if a.deadlines else "", flags)


# --- CheckResult ----------------------------------------------------------------------------------


def check_result_repr(r: CheckResult) -> str:
    """``CheckResult(as_of=..., policy='statutory', findings=39, errors=1, warnings=3, ...)``."""
    s = r.summary
    return _repr(
        "CheckResult",
        [
            ("as_of", r.as_of),
            ("policy", r.policy),
            ("findings", len(r.findings)),
            ("errors", s.errors),
            ("warnings", s.warnings),
            ("infos", s.infos),
            ("rows_read", s.rows_read),
            ("rows_rejected", s.rows_rejected),
        ],
    )


def check_result_html(r: CheckResult) -> str:
    """The run's counters and the findings counted per id (most frequent first)."""
    s = r.summary
    counters = _table(
        [
            ("as_of", r.as_of),
            ("policy", r.policy),
            ("rows_read", s.rows_read),
            ("rows_checked", s.rows_checked),
            ("rows_rejected", s.rows_rejected),
            ("errors", s.errors),
            ("warnings", s.warnings),
            ("infos", s.infos),
        ]
    )
    severity = {str(f.id): f.severity for f in r.findings}
    by_id = Counter(str(f.id) for f in r.findings).most_common()
    findings = _table([(key, severity[key], n) for key, n in by_id], ("finding", "severity", "count"))
    return _block(f"Check of {len(r.findings)} findings", counters, findings)


# --- RegisterResult -------------------------------------------------------------------------------


def register_result_repr(r: RegisterResult) -> str:
    """``RegisterResult(records=54, rows_read=55, rows_rejected=1, format='csv', errors=1)``."""
    s = r.summary
    return _repr(
        "RegisterResult",
        [
            ("records", len(r.records)),
            ("rows_read", s.rows_read),
            ("rows_rejected", s.rows_rejected),
            ("format", s.format),
            ("errors", len(r.errors)),
        ],
    )


def register_result_html(r: RegisterResult) -> str:
    """The read's accounting, the columns found and the first row errors (where and what kind)."""
    s = r.summary
    counters = _table(
        [
            ("format", s.format),
            ("rows_read", s.rows_read),
            ("rows_ok", s.rows_ok),
            ("rows_rejected", s.rows_rejected),
            ("skipped_blank_lines", s.skipped_blank_lines),
            ("columns", len(s.columns)),
            ("unknown_columns", len(s.unknown_columns)),
        ]
    )
    errors = _table([(e.row, e.column, e.code) for e in r.errors], ("row", "column", "problem"))
    return _block(f"Register: {len(r.records)} records", counters, errors if r.errors else "")


def report_repr(r: AnnualReport) -> str:
    """``AnnualReport(year=2025, complaints=513, locations=311, rows_rejected=0, due=...)`` in one line."""
    return _repr(
        "AnnualReport",
        [
            ("year", r.year),
            ("complaints", r.total.total),
            ("locations", len(r.by_location)),
            ("rows_rejected", len(r.data_quality.rejected)),
            ("due", r.due.last_day),
            ("suppress_below", r.suppress_below),
        ],
    )


#: Height of the inline report frame in a notebook (it scrolls).
_REPORT_FRAME_HEIGHT: Final = 640


def report_html(r: AnnualReport, lang: str = "nl") -> str:
    """The publishable HTML report with its charts, in a frame (its styles stay inside it).

    The report's own HTML escapes every value; here it is escaped once more as the frame's ``srcdoc``.
    """
    from klachtregels.report import render

    document = render(r, "html", lang)
    return (
        f'<iframe title="{html.escape(report_repr(r))}" srcdoc="{html.escape(document, quote=True)}" '
        f'style="width:100%;height:{_REPORT_FRAME_HEIGHT}px;border:1px solid #ccc" '
        'sandbox=""></iframe>'
    )
