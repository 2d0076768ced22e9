"""What ``klachtregels check`` imports: a run without an organisation file loads neither the organisation
model nor the K1-K9 rules (start-up, issue 8); with one it loads both, and ``K4Tally`` stays public."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
_RUN = (
    "import contextlib, io, sys\n"
    "from klachtregels.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    code = main(sys.argv[1:])\n"
    "print(code, sorted(m for m in sys.modules if m.startswith('klachtregels')))\n"
)
_ORGANISATION = {"klachtregels.organisation", "klachtregels.rules.organisation"}


def _modules(*args: str) -> tuple[int, set[str]]:
    out = subprocess.run(
        [sys.executable, "-c", _RUN, "check", "examples/register.csv", "--as-of", "2026-05-07", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    code, _, modules = out.partition(" ")
    return int(code), set(ast.literal_eval(modules))


def test_a_check_without_an_organisation_file_does_not_load_the_organisation_duties() -> None:
    code, modules = _modules("--fail-on", "never", "--no-config")
    assert code == 0
    assert "klachtregels.compliance" in modules
    assert not modules & _ORGANISATION


def test_a_check_with_an_organisation_file_loads_them() -> None:
    code, modules = _modules("--fail-on", "never", "--no-config", "--org", "examples/organisation.toml")
    assert code == 0
    assert modules >= _ORGANISATION


def test_k4tally_is_still_exported() -> None:
    from klachtregels.compliance import K4Tally
    from klachtregels.compliance.organisation_checks import K4Tally as again
    from klachtregels.rules.organisation import K4Tally as defined

    assert K4Tally is again is defined
