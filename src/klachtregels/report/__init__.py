"""The annual complaint report (klachtenverslag; Wko art. 1.57b lid 4-9, R9).

``build_report`` computes it from register records, Geschillencommissie cases and the
organisation file: its figures are a projection of each record's decisions
(:func:`klachtregels.decisions.assess_record`, once per row) and of the annual-report rules
(:mod:`klachtregels.rules.annual_report`: which records count, when it is due). ``render_markdown``,
``render_html`` and ``render_json`` write it out, in Dutch (default) or English, with the words of
``messages/report.toml`` and the one section order of :mod:`klachtregels.report.sections`. The
report model holds only anonymised data (lid 5-6).

Two documents come from one report: the **published report** (:func:`render`: only what lid 4-9
asks for, articles as the only references) and the provider's **review notes**
(:func:`render_review`, :mod:`klachtregels.report.notes`: what blocks publication, the send-by
advice, open legal points, data quality). :func:`open_blockers` is empty when it may be published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klachtregels.messages import check_lang
from klachtregels.report.anonymise import Redactor, looks_like_address
from klachtregels.report.compute import REPORT_CITATIONS, build_report
from klachtregels.report.measures import MeasureKeywords, load_measure_keywords
from klachtregels.report.model import (
    AnnualReport,
    DataQuality,
    GckSummary,
    GroupStats,
    MeasureCategory,
    MeasureSummary,
    PreviousYear,
    RejectedRow,
    ReportDue,
    ReportEntry,
    VerdictSplit,
)
from klachtregels.report.notes import (
    ReviewItem,
    ReviewItemKind,
    open_blockers,
    render_review,
    review_items,
    review_to_dict,
    write_review,
)
from klachtregels.report.render_html import render_html
from klachtregels.report.render_json import SCHEMA, SCHEMA_VERSION, iter_json, render_json, report_to_dict
from klachtregels.report.render_md import render_markdown
from klachtregels.report.render_pdf import render_pdf
from klachtregels.report.sections import SECTION_ORDER, Section, sections
from klachtregels.rules.annual_report import report_due

if TYPE_CHECKING:
    from typing import IO

__all__ = [
    "REPORT_CITATIONS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SECTION_ORDER",
    "AnnualReport",
    "DataQuality",
    "GckSummary",
    "GroupStats",
    "MeasureCategory",
    "MeasureKeywords",
    "MeasureSummary",
    "PreviousYear",
    "Redactor",
    "RejectedRow",
    "ReportDue",
    "ReportEntry",
    "ReviewItem",
    "ReviewItemKind",
    "Section",
    "VerdictSplit",
    "build_report",
    "load_measure_keywords",
    "looks_like_address",
    "open_blockers",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "render_review",
    "report_due",
    "report_to_dict",
    "review_items",
    "review_to_dict",
    "sections",
    "write_report",
    "write_review",
]


def render(report: AnnualReport, fmt: str = "md", lang: str = "nl") -> str:
    """Render ``report`` as ``"md"``, ``"html"`` or ``"json"`` in ``lang`` (``"nl"`` or ``"en"``).

    An unknown language is :class:`~klachtregels.messages.UnknownLanguageError`, an unknown format
    :class:`~klachtregels.errors.InvalidInputError`.
    """
    from klachtregels._arguments import instance_argument
    from klachtregels.errors import InvalidInputError

    instance_argument(report, AnnualReport, "report", optional=False)
    lang = check_lang(lang)
    if fmt == "md":
        return render_markdown(report, lang)
    if fmt == "html":
        return render_html(report, lang)
    if fmt == "json":
        return render_json(report, lang)
    # The value given is not repeated (it may be anything a caller passed on).
    raise InvalidInputError("report rendering", [("format", "is not one of: md, html, json")])


def write_report(report: AnnualReport, stream: IO[str], fmt: str = "md", lang: str = "nl") -> None:
    """Write ``report`` to ``stream``: the text of :func:`render`, JSON in pieces as it is encoded
    (:func:`~klachtregels.report.render_json.iter_json`), so the whole text is never held at once."""
    from klachtregels._arguments import report_argument, stream_argument

    report_argument(report)
    stream_argument(stream)
    lang = check_lang(lang)
    if fmt == "json":
        for chunk in iter_json(report, lang):
            stream.write(chunk)
    else:
        stream.write(render(report, fmt, lang))
