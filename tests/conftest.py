"""Shared pytest configuration. Keep it minimal: fixtures that only one module needs live there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Building a year's ATW table the first time takes milliseconds; Hypothesis' per-example deadline
# would turn that one-off cost into flaky failures.
settings.register_profile("klachtregels", deadline=None)
settings.load_profile("klachtregels")

# Many tests run the command line in a child process whose working directory is a temporary folder:
# a relative PYTHONPATH (``PYTHONPATH=src pytest``) would then import an installed klachtregels
# instead of the one under test. Made absolute once, here, for every child.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(Path(part).resolve()) for part in os.environ["PYTHONPATH"].split(os.pathsep) if part
    )


# --- third-party test data (issue 11 point 1) -------------------------------------------------------
# The sdist leaves out documents written by others (see pyproject.toml, [tool.hatch.build.targets.sdist],
# and the README in each folder). The tests that read them skip when the folder holds no data, as in the
# unpacked sdist; in the repository every one of them runs. Keys: (module path, part of the test name or
# "" for the whole module); values: the data folder they need.
_TESTS = Path(__file__).resolve().parent
_PARTOU = _TESTS / "data" / "partou" / "partou_klachten_2025.csv"
_SEEDS = _TESTS / "data" / "seeds" / "000-les-petits.txt"
THIRD_PARTY_DATA: dict[tuple[str, str], Path] = {
    ("register/test_partou.py", ""): _PARTOU,
    ("test_report_partou.py", ""): _PARTOU,
    ("test_report_golden.py", "partou"): _PARTOU,
    ("test_report_examples.py", "partou"): _PARTOU,
    ("test_bulk_locations.py", "partou"): _PARTOU,
    ("test_report_measures.py", "partou"): _PARTOU,
    ("test_report_publish.py", "partou"): _PARTOU,
    ("test_bulk_notebook.py", ""): _PARTOU,
    ("docs/test_docs_python.py", "partou"): _PARTOU,
    ("test_policies_shipped.py", "test_every_quote_is_verbatim_in_the_seed"): _SEEDS,
    ("test_policies_shipped.py", "test_seed_copies_match_the_shared_seeds"): _SEEDS,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that read third-party data (``-m third_party_data`` selects them: CI runs them
    from the checkout with the lowest dependency versions, the rest from the sdist), and skip them
    where the data is not here (the sdist), naming the missing file."""
    for item in items:
        location = item.path.resolve()
        module = location.relative_to(_TESTS).as_posix() if location.is_relative_to(_TESTS) else ""
        for (path, part), needed in THIRD_PARTY_DATA.items():
            if module == path and part in item.name:
                item.add_marker(pytest.mark.third_party_data)
                if not needed.exists():
                    reason = f"third-party data not distributed: {needed.relative_to(_TESTS).as_posix()}"
                    item.add_marker(pytest.mark.skip(reason=reason))
