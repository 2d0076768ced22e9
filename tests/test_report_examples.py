"""The rendered example reports in docs/example-report/ are what the code renders today.

They are written by ``scripts/gen_example_reports.py``; regenerate with that script after a change.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "example-report"

_spec = importlib.util.spec_from_file_location(
    "gen_example_reports", ROOT / "scripts" / "gen_example_reports.py"
)
assert _spec is not None
assert _spec.loader is not None
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

CASES = [
    pytest.param(name, suffix, fmt, lang, id=f"{name}{suffix}")
    for name, (_build, outputs) in gen.REPORTS.items()
    for suffix, fmt, lang in outputs
]


def _without_version(text: str, fmt: str) -> object:
    # The library version changes with every release; everything else must match.
    if fmt == "json":
        data = json.loads(text)
        data.pop("library_version", None)
        return data
    return [
        line
        for line in text.splitlines()
        if "met klachtregels" not in line and "with klachtregels" not in line
    ]


@pytest.mark.parametrize(("name", "suffix", "fmt", "lang"), CASES)
def test_example_report_is_current(name: str, suffix: str, fmt: str, lang: str) -> None:
    build, _outputs = gen.REPORTS[name]
    expected = (EXAMPLES / f"{name}{suffix}").read_text(encoding="utf-8")
    rendered = gen.render_document(build(), suffix, fmt, lang)
    assert _without_version(rendered, fmt) == _without_version(expected, fmt), (
        f"docs/example-report/{name}{suffix} is stale: run python scripts/gen_example_reports.py"
    )


def test_example_register_report_counts_only_complaints() -> None:
    # The example register holds staff, anonymous and oral records on purpose (issue: lid 4 counts
    # complaints under the regulation): they are shown by row, and every row is accounted for.
    report = gen.voorbeeld_2025()
    dq = report.data_quality
    assert {reason for _row, reason in dq.not_complaints} == {"not_eligible", "not_yet"}
    assert dq.accounted
    assert report.total.total == dq.included


def test_report_cli_takes_the_policy(capsys: pytest.CaptureFixture[str]) -> None:
    from klachtregels.cli import main

    # The example register spans several years: --mixed-register leaves undated records out.
    args = [
        "report",
        str(ROOT / "examples" / "register.csv"),
        "--year",
        "2025",
        "--mixed-register",
        "--format",
        "json",
    ]
    assert main([*args, "--policy", str(ROOT / "examples" / "policy.toml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["data_quality"]["included"] == gen.voorbeeld_2025().total.total
    assert main([*args, "--policy", "no-such-policy"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not a shipped policy" in err
    assert "no-such-policy" not in err  # the name typed is not repeated
