"""The annual report in a notebook (issue 12, item 3): a short repr, and the report with its charts inline."""

from __future__ import annotations

import html
from pathlib import Path

from klachtregels.register import read_register
from klachtregels.report import build_report, render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _report() -> object:
    return build_report(read_register(EXAMPLES / "register.csv"), year=2025)


def test_the_repr_is_one_short_line() -> None:
    text = repr(_report())
    assert text.startswith("AnnualReport(year=2025, complaints=")
    assert "\n" not in text
    assert len(text) < 200


def test_the_notebook_shows_the_published_report_with_its_charts_in_a_sandboxed_frame() -> None:
    report = _report()
    shown = report._repr_html_()  # type: ignore[attr-defined]
    assert shown.startswith("<iframe ")
    assert 'sandbox=""' in shown  # no script of the report runs in the notebook
    source = shown.split('srcdoc="', 1)[1].split('" style=', 1)[0]
    assert html.unescape(source) == render(report, "html", "nl")  # type: ignore[arg-type]
    assert '<div class="chart"' in html.unescape(source)  # the charts are inline, no network
    # escaped once more: nothing of the report is live markup in the notebook
    assert '<div class="chart"' not in shown
