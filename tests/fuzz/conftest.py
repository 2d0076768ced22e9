"""Fuzz profiles and the input count (issue 9, item 8).

Two Hypothesis profiles, chosen by the environment variable ``KLACHTREGELS_FUZZ``:

* ``fuzz-ci`` (default): a few dozen inputs per target, so the whole ``tests/fuzz`` directory
  adds well under a minute to ``pytest`` on two cores;
* ``fuzz-long`` (``KLACHTREGELS_FUZZ=long``): thousands of inputs per target, to run by hand
  (docs/testing.md, "Fuzzing").

Every target counts the inputs it ran (:func:`fuzz_helpers.count`); the terminal summary lists
them, one line per target, and ``KLACHTREGELS_FUZZ_COUNTS=FILE`` also writes them to ``FILE`` as
JSON (the figures a note quotes: "N inputs, 0 tracebacks").
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import fuzz_helpers
from hypothesis import settings

if TYPE_CHECKING:
    import pytest

for _name, _examples in fuzz_helpers.BASE_EXAMPLES.items():
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,
        suppress_health_check=fuzz_helpers.SUPPRESSED,
        derandomize=_name == "fuzz-ci",  # CI: the same inputs on every run, no failure by luck
        database=None if _name == "fuzz-ci" else settings.default.database,
        print_blob=True,
    )


def pytest_report_header() -> str:
    """Say which profile runs (it changes how many inputs each target gets)."""
    return f"klachtregels fuzz profile: {fuzz_helpers.PROFILE} (KLACHTREGELS_FUZZ=long for the long one)"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per fuzz target: how many inputs it ran, and how many raised (always 0 on a pass)."""
    counts = fuzz_helpers.COUNTS
    if not counts:
        return
    terminalreporter.section(f"fuzz inputs ({fuzz_helpers.PROFILE})")
    for target in sorted(counts):
        terminalreporter.write_line(f"{target}: {counts[target]} inputs")
    terminalreporter.write_line(f"total: {sum(counts.values())} inputs")
    destination = os.environ.get("KLACHTREGELS_FUZZ_COUNTS")
    if destination:
        data = {"profile": fuzz_helpers.PROFILE, "targets": dict(sorted(counts.items()))}
        Path(destination).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
