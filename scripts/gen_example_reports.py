"""Regenerate the example annual reports in docs/example-report/ (tests/test_report_examples.py checks them).

    python scripts/gen_example_reports.py

The screenshots and PDFs next to them are made by ``scripts/screenshot_reports.py`` (headless
Chromium at desktop, phone and print width); they are for the docs and are not checked by tests.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from klachtregels.organisation import load_organisation
from klachtregels.register import read_gck_cases, read_register
from klachtregels.report import AnnualReport, build_report, render, render_review

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "example-report"
PARTOU = ROOT / "tests" / "data" / "partou"
EXAMPLES = ROOT / "examples"


def partou_2025() -> AnnualReport:
    """Partou's Klachtenjaarverslag 2025 from its own published tables (seed 004)."""
    return build_report(
        read_register(PARTOU / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        organisation=load_organisation(EXAMPLES / "partou-2025" / "organisation.toml"),
        gck_cases=read_gck_cases(PARTOU / "partou_geschillen_2025.csv", mapping="partou_geschillen"),
        undated_in_year=True,
        previous=538,
    )


def voorbeeld_2025() -> AnnualReport:
    """The synthetic example organisation's report over 2025, from examples/register.csv."""
    return build_report(
        read_register(EXAMPLES / "register.csv"),
        year=2025,
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
        policy=EXAMPLES / "policy.toml",
    )


#: name -> (builder, [(file suffix, format, language)]); a suffix starting ``.review`` is the review notes.
REPORTS = {
    name: (
        build,
        [
            (".md", "md", "nl"),
            (".html", "html", "nl"),
            (".en.html", "html", "en"),
            (".json", "json", "nl"),
            (".review.md", "md", "nl"),
            (".review.html", "html", "nl"),
        ],
    )
    for name, build in (("partou-2025", partou_2025), ("voorbeeld-2025", voorbeeld_2025))
}


def render_document(report: AnnualReport, suffix: str, fmt: str, lang: str) -> str:
    """The published report, or the review notes for a ``.review`` suffix."""
    if suffix.startswith(".review"):
        return render_review(report, fmt, lang)
    return render(report, fmt, lang)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    for name, (build, outputs) in REPORTS.items():
        report = build()
        for suffix, fmt, lang in outputs:
            (OUT / f"{name}{suffix}").write_text(render_document(report, suffix, fmt, lang), encoding="utf-8")
        print(f"wrote docs/example-report/{name}.*")


if __name__ == "__main__":
    main()
