"""The rendered example reports in docs/example-report/ are what the code renders today."""

from __future__ import annotations

from pathlib import Path

import pytest

from klachtregels.organisation import load_organisation
from klachtregels.register import read_gck_cases, read_register
from klachtregels.report import build_report, render

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "partou"
EXAMPLES = ROOT / "docs" / "example-report"


def _without_version(text: str) -> list[str]:
    # The library version line changes with every release; everything else must match.
    return [line for line in text.splitlines() if "Gemaakt met klachtregels" not in line]


@pytest.mark.parametrize(
    ("name", "fmt", "lang"), [("partou-2025.md", "md", "nl"), ("partou-2025.html", "html", "nl")]
)
def test_partou_example_is_current(name: str, fmt: str, lang: str) -> None:
    report = build_report(
        read_register(DATA / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        organisation=load_organisation(ROOT / "examples" / "partou-2025" / "organisation.toml"),
        gck_cases=read_gck_cases(DATA / "partou_geschillen_2025.csv", mapping="partou_geschillen"),
        undated_in_year=True,
        previous=538,
    )
    expected = (EXAMPLES / name).read_text(encoding="utf-8")
    assert _without_version(render(report, fmt, lang)) == _without_version(expected), (
        f"docs/example-report/{name} is stale: regenerate it (see docs/report.md)"
    )
