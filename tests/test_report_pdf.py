"""The annual report as a PDF (issue 14, item 3): the pdf extra (WeasyPrint), A4, the published text only.

The PDF's tests skip when WeasyPrint is not installed; without it, render_pdf names the extra.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.errors import MissingExtraError
from klachtregels.report import AnnualReport, build_report
from klachtregels.report._text import fmt_int
from klachtregels.report.render_pdf import render_pdf
from klachtregels.vocabulary import FlagCode
from report_helpers import example_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: A4 in PDF points (1/72 inch): 210 x 297 mm.
A4 = (595.28, 841.89)


_example = example_report


@pytest.fixture(scope="module")
def example_pdf() -> tuple[AnnualReport, bytes, list[str]]:
    """The example register's report as a PDF, and the text of each page."""
    pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    report = _example()
    data = render_pdf(report, "nl")
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    return report, data, pages


def test_pdf_is_an_a4_document(example_pdf: tuple[AnnualReport, bytes, list[str]]) -> None:
    _report, data, pages = example_pdf
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert 2 <= len(pages) <= 8
    pypdf = pytest.importorskip("pypdf")
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    # Page numbers in the margin: "1 / N" on the first page, "N / N" on the last.
    n = len(pages)
    assert f"1 / {n}" in pages[0]
    assert f"{n} / {n}" in pages[-1]


def test_pdf_holds_the_headline_figures_and_the_contents(
    example_pdf: tuple[AnnualReport, bytes, list[str]],
) -> None:
    report, _data, pages = example_pdf
    text = re.sub(r"\s+", " ", " ".join(pages))
    assert "Klachtenverslag 2025" in text
    assert f"Klachten in 2025 {fmt_int(report.total.total, 'nl')}" in text
    assert "Inhoud" in text
    # The link to the statute is written out for the reader of paper.
    assert "wetten.overheid.nl" in text


def test_pdf_has_no_rule_ids_or_flags(example_pdf: tuple[AnnualReport, bytes, list[str]]) -> None:
    _report, _data, pages = example_pdf
    text = " ".join(pages)
    assert not re.search(r"\bR\d{1,2}\b", text), "a rule id in the published PDF"
    assert not re.search(r"\bA\d{1,2}\b", text), "an ambiguity id in the published PDF"
    for flag in FlagCode:
        assert flag.value not in text, flag


def test_pdf_in_english(example_pdf: tuple[AnnualReport, bytes, list[str]]) -> None:
    report, _data, _pages = example_pdf
    pypdf = pytest.importorskip("pypdf")
    pages = pypdf.PdfReader(io.BytesIO(render_pdf(report, "en"))).pages
    assert "Contents" in pages[0].extract_text()


def test_the_command_line_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "verslag.pdf"
    argv = ["report", str(EXAMPLES / "register.csv"), "--year", "2025", "--org"]
    argv += [str(EXAMPLES / "organisation.toml"), "--format", "pdf", "-o", str(out)]
    assert main(argv) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "%PDF" not in capsys.readouterr().out  # nothing binary on the terminal


def test_without_weasyprint_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint -> ImportError
    with pytest.raises(MissingExtraError, match=r"klachtregels\[pdf\]") as info:
        render_pdf(build_report([], year=2025), "nl")
    assert info.value.extra == "pdf"
    assert isinstance(info.value, ImportError)


def test_the_pdf_module_does_not_load_weasyprint() -> None:
    code = (
        "import sys, klachtregels.report.render_pdf, klachtregels.report; "
        "assert 'weasyprint' not in sys.modules, sorted(m for m in sys.modules if 'weasy' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
