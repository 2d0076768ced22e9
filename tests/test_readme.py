"""The README's first two commands are the project's contract: .ci/run must run them verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README.read_text(encoding="utf-8"))


@pytest.mark.skipif(not CI.exists(), reason="only in a source checkout")
def test_ci_runs_the_readme_commands_verbatim() -> None:
    main_job, test_suite = _commands()[:2]
    ci = CI.read_text(encoding="utf-8")
    assert test_suite in ci
    assert main_job.replace(".venv", ".venv-main") in ci


def test_readme_main_job_uses_files_that_ship() -> None:
    main_job = _commands()[0]
    for path in re.findall(r"examples/\S+", main_job):
        assert (ROOT / path).is_file(), path
