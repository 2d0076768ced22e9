"""Hypothesis' entry point (issue 13, part 4): users' `st.from_type` draws klachtregels types."""

from __future__ import annotations

from importlib import metadata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, Signal
from klachtregels.policy import Policy


def test_the_entry_point_is_installed() -> None:
    points = [p for p in metadata.entry_points(group="hypothesis") if p.value.startswith("klachtregels.")]
    assert [p.value for p in points] == ["klachtregels._hypothesis:_hypothesis_setup_hook"]


@pytest.mark.parametrize("kind", [Complaint, Judgement, GckFiling, Measure, Party, Signal, Policy])
def test_from_type_draws_valid_objects(kind: type) -> None:
    @settings(max_examples=15, deadline=None)
    @given(st.from_type(kind))
    def check(value: object) -> None:
        assert isinstance(value, kind)
        if hasattr(value, "to_dict") and hasattr(kind, "from_dict") and kind is not Policy:
            assert kind.from_dict(value.to_dict()) == value  # type: ignore[attr-defined]

    check()


def test_builds_fills_annotated_arguments() -> None:
    def age_in_days(complaint: Complaint) -> int | None:
        day = complaint.received_date
        return None if day is None else day.toordinal()

    @settings(max_examples=10, deadline=None)
    @given(st.builds(age_in_days))
    def check(value: int | None) -> None:
        assert value is None or value > 0

    check()


def test_the_strategies_import_first_in_a_fresh_process() -> None:
    # Importing klachtregels.testing imports Hypothesis, which runs the entry point while
    # klachtregels.testing is still half-imported: the hook must not read it then.
    import subprocess
    import sys

    code = (
        "import klachtregels.testing as t\n"
        "from hypothesis import given, settings, strategies as st\n"
        "from klachtregels.model import Complaint\n"
        "seen = []\n"
        "@settings(max_examples=3, database=None)\n"
        "@given(t.complaints(), st.from_type(Complaint))\n"
        "def f(a, b):\n"
        "    seen.append((type(a).__name__, type(b).__name__))\n"
        "f()\n"
        "print(sorted(set(seen)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[('Complaint', 'Complaint')]"
