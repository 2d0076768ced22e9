"""The annual report as an A4 PDF: the HTML page laid out by WeasyPrint with its print CSS.

Needs the optional extra ``pdf`` (``pip install "klachtregels[pdf]"``, WeasyPrint, which needs
Pango on the system); without it, :func:`render_pdf` raises
:class:`~klachtregels.errors.MissingExtraError`. WeasyPrint is imported when a PDF is asked for,
never by ``import klachtregels``.

The PDF is :func:`~klachtregels.report.render_html.render_html`'s page, the same words and figures,
laid out with the page's ``@media print`` rules: A4, page numbers, the table of contents with page
numbers, no search box or buttons, link targets written out; tagged (PDF/UA-1), so a screen reader
can follow it. Nothing is fetched while it is made:
every URL the page might load is refused (the page is self-contained; its links stay links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from klachtregels.errors import MissingExtraError
from klachtregels.report.render_html import render_html

if TYPE_CHECKING:
    from klachtregels.report.model import AnnualReport

__all__ = ["render_pdf"]


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError:
        raise MissingExtraError("weasyprint", "pdf") from None
    return weasyprint


def _no_fetch(url: str, *args: object, **kwargs: object) -> NoReturn:
    """WeasyPrint's URL fetcher: the report loads nothing (no network, no local files)."""
    raise ValueError("the annual report loads no resources")


def render_pdf(report: AnnualReport, lang: str = "nl") -> bytes:
    """Render ``report`` as an A4 PDF (bytes). ``lang``: ``"nl"`` (default) or ``"en"``.

    Raises :class:`~klachtregels.errors.MissingExtraError` when WeasyPrint is not installed.
    """
    from klachtregels._arguments import report_argument

    report_argument(report)
    weasyprint = _weasyprint()
    html = render_html(report, lang)
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetch, media_type="print")
    # PDF/UA-1: a tagged PDF (headings, tables, reading order) with the page's title and language,
    # which a screen reader can follow; about 1.7 times the bytes of an untagged one.
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf
