"""The annual report as JSON: a versioned shape (``schema``, ``schema_version``, ``library_version``).

Version 1 of ``klachtregels.annual-report``. Additive changes keep the major version; a renamed or
removed key raises it. Counts are lists of ``{"name", "count"}`` (``name`` ``null``: not recorded),
most frequent first. Dates are ISO strings. Only anonymised data is in the report model, so only
anonymised data is in the JSON.

The JSON is the data form of **both** documents made from one report: the published figures, and
the provider's notes under ``due``, ``data_quality`` and ``review`` (:mod:`klachtregels.report.notes`).
It is for software, not for publication: publish the Markdown, HTML or PDF report.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final, SupportsIndex

from klachtregels._io import valid_unicode
from klachtregels.messages import check_lang, text
from klachtregels.report._text import due_lines, flag_text, location_change_rows, measure_nature_note

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from klachtregels.report.model import (
        AnnualReport,
        Counts,
        DataQuality,
        GroupStats,
        MeasureSummary,
        PreviousYear,
        RejectedRow,
        ReportDue,
        ReportEntry,
        VerdictSplit,
    )

__all__ = ["SCHEMA", "SCHEMA_VERSION", "due_dict", "iter_json", "render_json", "report_to_dict"]

SCHEMA: Final = "klachtregels.annual-report"
#: The shape's version, a whole number like every klachtregels JSON shape (was the string "1.0").
SCHEMA_VERSION: Final = 1


def _counts(counts: Counts) -> list[dict[str, Any]]:
    return [{"name": name, "count": n} for name, n in counts]


def _verdicts(v: VerdictSplit) -> dict[str, int]:
    return {
        "gegrond": v.gegrond,
        "deels_gegrond": v.deels_gegrond,
        "ongegrond": v.ongegrond,
        "unknown": v.unknown,
    }


def _measures(m: MeasureSummary) -> dict[str, Any]:
    """What the register records about measures, and their nature (``by_nature``: the classification's
    keys or the register's labels, see ``measure_nature``). The unclassified are review notes."""
    return {
        "with_measures": m.with_measures,
        "without_measures": m.without_measures,
        "measures_unknown": m.measures_unknown,
        "measures": m.measures,
        "with_concrete_term": m.with_concrete_term,
        "without_concrete_term": m.without_concrete_term,
        "term_unknown": m.term_unknown,
        "with_summary": m.with_summary,
        "by_nature": _counts(m.by_nature),
    }


def _measure_nature(report: AnnualReport, lang: str) -> dict[str, Any]:
    """How the nature of the measures was decided (``source``: ``column``, ``keywords`` or ``null``),
    the labels of the classification's categories in ``lang``, and the published explanation."""
    return {
        "source": report.measure_source,
        "categories": [{"key": c.key, "label": c.label(lang)} for c in report.measure_categories],
        "note": measure_nature_note(report, lang),
    }


def _group(g: GroupStats, *, location: bool = False, part: bool = False) -> dict[str, Any]:
    """A group's figures; ``part``: a location or organisation, whose detail may be suppressed (``null``)."""
    hide = g.suppressed
    out: dict[str, Any] = {
        "name": g.display_name,
        "total": g.total,
        "categories": None if hide else _counts(g.categories),
        "verdicts": None if hide else _verdicts(g.verdicts),
        "measures": None if hide else _measures(g.measures),
    }
    if location:
        out["organisations"] = list(g.organisations)
        out["pseudonymised"] = g.pseudonymised
    if part:
        out["suppressed"] = hide
    return out


def _review(report: AnnualReport, lang: str) -> dict[str, Any]:
    """The provider's review notes: kept apart from the report's figures, never to be published.

    ``publishable``, ``blocking`` and ``items`` are the review notes document's
    (:func:`klachtregels.report.notes.review_summary`), without any ``--accept``.
    """
    from klachtregels.report.notes import review_summary

    return {
        "note": text("REPORT_REVIEW_NOTE", lang),
        **review_summary(report, lang),
        "reidentification": [
            {
                "kind": w.kind,
                "found": list(w.found),
                "source": w.source,
                "row": w.row,
                "rows": w.rows,
                "message": w.message(lang),
            }
            for w in report.review.reidentification
        ],
    }


def _rejected(rows: tuple[RejectedRow, ...]) -> list[dict[str, Any]]:
    return [{"row": r.row, "fields": list(r.fields)} for r in rows]


def _organisation(report: AnnualReport) -> dict[str, Any] | None:
    org = report.organisation
    if org is None:
        return None
    return {
        "name": org.name,
        "kind": org.kind.value if org.kind is not None else None,
        "lrk_numbers": list(org.lrk_numbers),
        "regulation_description": org.regulation.description,
        "how_parents_informed": org.regulation.how_parents_informed,
        "handling_term": org.regulation.provides.handling_term,
        "gck_affiliated": org.geschillencommissie.affiliated,
    }


def _gck(report: AnnualReport) -> dict[str, Any] | None:
    gck = report.gck
    if gck is None:
        return None
    return {
        "total": gck.total,
        "source": gck.source,
        "by_subject": _counts(gck.by_subject),
        "by_outcome": _counts(gck.by_outcome),
        "by_organisation": _counts(gck.by_organisation),
        "by_subject_outcome": [
            {"subject": s, "outcome": o, "count": n} for s, o, n in gck.by_subject_outcome
        ],
    }


def _previous(report: AnnualReport) -> dict[str, Any] | None:
    prev = report.previous
    if prev is None:
        return None
    return {
        "year": prev.year,
        "total": prev.total,
        "categories": None if prev.categories is None else _counts(prev.categories),
        "locations": None if prev.locations is None else _location_counts(report, prev),
        "gck_disputes": prev.gck_disputes,
        "children_served": prev.children_served,
    }


def _location_counts(report: AnnualReport, prev: PreviousYear) -> list[dict[str, Any]]:
    """Last year's count per location shown this year (by its shown name), and the rest as one row.

    A location only in last year's figures is not named: it may be a gastouder's address (lid 6).
    ``count`` is ``null`` where last year's figures do not give it (they split only part of the total).
    """
    rows = location_change_rows(report, prev)
    return [
        {"location": name, "count": n, "other_locations": name is None and now == 0} for name, n, now in rows
    ]


def due_dict(due: ReportDue, lang: str) -> dict[str, Any]:
    """When the report is due, as JSON types (also the review notes' ``due``)."""
    return {
        "outcome": due.outcome,
        "reason": due.reason,
        "written_complaints": due.written_complaints,
        "calendar_last_day": _iso(due.calendar_last_day),
        "atw_last_day": _iso(due.atw_last_day),
        "last_day": _iso(due.last_day),
        "recommended_by": _iso(due.recommended_by),
        "jaarverslag_atw": due.jaarverslag_atw,
        "flags": [{"code": f, "message": flag_text(f, lang)} for f in due.flags],
        "rule_ids": list(due.rule_ids),
        "citations": [c.to_dict() for c in due.citations],
        "explanation": " ".join(due_lines(due, lang)),
    }


class _Lazy(list):  # type: ignore[type-arg]
    """A list to :class:`json.JSONEncoder` whose items are made one at a time as they are written
    (:func:`iter_json`): a dict per row not a complaint would cost some 200 bytes a row."""

    def __init__(self, length: int, items: Callable[[], Iterable[Any]]) -> None:
        super().__init__()
        self._length, self._items = length, items

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items())

    def __reduce_ex__(self, protocol: SupportsIndex) -> Any:  # a copy is a plain list of the items
        return (list, (list(self._items()),))


def _not_complaints(dq: DataQuality, lazy: bool) -> list[dict[str, Any]]:
    def items() -> Iterator[dict[str, Any]]:
        return ({"row": row, "reason": reason} for row, reason in dq.not_complaints)

    return _Lazy(len(dq.not_complaints), items) if lazy else list(items())


def _data_quality(dq: DataQuality, lazy: bool = False) -> dict[str, Any]:
    return {
        "rows_read": dq.rows_read,
        "rows_rejected": dq.rows_rejected,
        "rejected": _rejected(dq.rejected),
        "records": dq.records,
        "included": dq.included,
        "outside_year": list(dq.outside_year),
        "undated_included": list(dq.undated_included),
        "undated_excluded": list(dq.undated_excluded),
        "no_location": list(dq.no_location),
        "no_verdict": list(dq.no_verdict),
        "no_category": list(dq.no_category),
        "no_organisation": list(dq.no_organisation),
        "possible_duplicates": [list(g) for g in dq.possible_duplicates],
        "not_complaints": _not_complaints(dq, lazy),
        "channel_unknown": dq.channel_unknown,
        "pseudonymised_locations": dq.pseudonymised_locations,
        "similar_locations": [list(group) for group in dq.similar_locations],
        "address_like_locations_unchecked": dq.address_like_locations_unchecked,
        "accounted": dq.accounted,
        "gck_rows_read": dq.gck_rows_read,
        "gck_rejected": _rejected(dq.gck_rejected),
        "gck_outside_year": list(dq.gck_outside_year),
        "gck_undated_included": list(dq.gck_undated_included),
        "gck_undated_excluded": list(dq.gck_undated_excluded),
    }


def _entry(e: ReportEntry) -> dict[str, Any]:
    return {
        "row": e.row,
        "location": e.location,
        "organisation": e.organisation,
        "category": e.category,
        "verdict": e.verdict,
        "description": e.description,
        "summary": e.summary,
        "measures": list(e.measures),
    }


def report_to_dict(report: AnnualReport, lang: str = "nl") -> dict[str, Any]:
    """The JSON form of ``report``. ``lang`` sets the wording of the explanatory texts only.

    The keys are the schema's, in its order; the sections of the Markdown and HTML report
    (:mod:`klachtregels.report.sections`) are a reading order, which a JSON object does not have.
    """
    from klachtregels._arguments import report_argument

    report_argument(report)
    return _to_dict(report, lang, lazy=False)


def _to_dict(report: AnnualReport, lang: str, *, lazy: bool) -> dict[str, Any]:
    """:func:`report_to_dict`; ``lazy``: long per-row lists made as they are written (:func:`iter_json`)."""
    lang = check_lang(lang)
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "library_version": report.library_version,
        "lang": lang,
        "year": report.year,
        "organisation": _organisation(report),
        "total": _group(report.total),
        "by_organisation": [_group(g, part=True) for g in report.by_organisation],
        "by_location": [_group(g, location=True, part=True) for g in report.by_location],
        "suppress_below": report.suppress_below,
        "category_verdicts": [
            {"category": cat, "verdicts": _verdicts(v)} for cat, v in report.category_verdicts
        ],
        "measure_nature": _measure_nature(report, lang),
        "gck": _gck(report),
        "children_served": report.children_served,
        "share_of_children": report.share_of_children,
        "previous": _previous(report),
        "due": due_dict(report.due, lang),
        "data_quality": _data_quality(report.data_quality, lazy),
        "include_descriptions": report.include_descriptions,
        "entries": [_entry(e) for e in report.entries],
        "citations": [c.to_dict() for c in report.citations],
        "rule_ids": ["R9"],
        "review": _review(report, lang),
    }


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def render_json(report: AnnualReport, lang: str = "nl") -> str:
    """``report`` as indented JSON text (UTF-8, non-ASCII kept)."""
    return valid_unicode(json.dumps(report_to_dict(report, lang), ensure_ascii=False, indent=2) + "\n")


def iter_json(report: AnnualReport, lang: str = "nl") -> Iterator[str]:
    """:func:`render_json` in pieces, to write as they come: the same text, without ever holding it
    whole (at a million rows the whole text and the encoder's pieces take hundreds of megabytes)."""
    from klachtregels._arguments import report_argument

    report_argument(report)
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    for chunk in encoder.iterencode(_to_dict(report, lang, lazy=True)):
        yield valid_unicode(chunk)
    yield "\n"
