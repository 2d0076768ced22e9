"""The GitHub composite action (``action.yml``) and the pre-commit hooks (``.pre-commit-hooks.yaml``).

The action's command line is run in-process: action.yml is parsed, its check step's environment
filled from the inputs as GitHub would (``${{ inputs.x }}``), and its ``run`` command executed
through the same entry point.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from klachtregels._cli import _action
from klachtregels.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_INPUT = re.compile(r"^\$\{\{ inputs\.([a-z-]+) \}\}$")


def _action_yml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def _check_step() -> dict[str, Any]:
    (step,) = [s for s in _action_yml()["runs"]["steps"] if s.get("name") == "klachtregels check"]
    return step


def _environment(inputs: dict[str, str]) -> dict[str, str]:
    """The check step's environment for ``inputs`` (defaults from action.yml), as GitHub fills it."""
    declared = _action_yml()["inputs"]
    values = {name: spec.get("default", "") for name, spec in declared.items()} | inputs
    env = {}
    for variable, expression in _check_step()["env"].items():
        match = _INPUT.match(expression)
        assert match, variable
        env[variable] = values[match.group(1)]
    return env


def test_the_action_is_composite_and_every_input_reaches_the_command() -> None:
    action = _action_yml()
    assert action["runs"]["using"] == "composite"
    assert action["inputs"]["registers"]["required"] is True
    step = _check_step()
    used = {_INPUT.match(v).group(1) for v in step["env"].values()}  # type: ignore[union-attr]
    setup = {"package", "python-version"}
    assert used | setup == set(action["inputs"])
    assert step["run"] == "python -m klachtregels._cli._action"
    # Every KR_ variable the step sets is read by the command line.
    read = {*_action.INPUTS, "KR_REGISTERS", "KR_SARIF", "KR_STRICT", "KR_ARGS"}
    assert set(step["env"]) == read
    install = next(s for s in action["runs"]["steps"] if s.get("name") == "Install klachtregels")
    assert "$GITHUB_ACTION_PATH" in install["run"]  # installs its own source until a release exists


def test_the_action_command_runs_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(tmp_path)
    sarif = tmp_path / "klachtregels.sarif"
    env = _environment(
        {
            "registers": str(EXAMPLES / "register.csv"),
            "organisation": str(EXAMPLES / "organisation.toml"),
            "policy": str(EXAMPLES / "policy.toml"),
            "as-of": "2026-05-07",
            "sarif": str(sarif),
            "lang": "en",
        }
    )
    module = _check_step()["run"].split()[-1]
    assert module == _action.__name__
    assert _action.main(env) == 1  # the example register has errors: the step fails
    out = capsys.readouterr().out
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert annotations
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)
    assert "## klachtregels check" in summary.read_text(encoding="utf-8")
    assert "## klachtregels check" not in out
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert results
    # The same arguments by hand give the same exit code and annotations.
    assert main(_action.arguments(env)) == 1
    assert capsys.readouterr().out == out
    assert _action.main(_environment({"registers": str(EXAMPLES / "register.csv"), "fail-on": "never"})) == 0


def test_action_arguments_quote_and_strict() -> None:
    env = _environment({"registers": "'my register.csv' other.csv", "strict": "true", "args": "--due-soon 3"})
    args = _action.arguments(env)
    assert args[:3] == ["check", "my register.csv", "other.csv"]
    assert "--strict" in args
    assert args[-2:] == ["--due-soon", "3"]
    assert _action.main(_environment({"registers": "'unclosed"})) == 2


def _hooks() -> dict[str, dict[str, Any]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in hooks}


@pytest.mark.parametrize(
    ("name", "runs"),
    [
        ("registers/klachten-2025.csv", True),
        ("registers/klachten.jsonl", True),
        ("complaints.json", True),
        ("register.ndjson", True),
        ("organisation.toml", True),
        ("config/policy.toml", True),
        ("mapping.toml", True),
        ("klachtregels.toml", True),
        ("pyproject.toml", True),
        ("README.md", False),
        ("src/app.py", False),
        ("docs/klachten.md", False),
    ],
)
def test_the_register_hook_runs_on_registers_and_what_judges_them(name: str, runs: bool) -> None:
    hook = _hooks()["klachtregels-check"]
    assert bool(re.search(hook["files"], name)) is runs
    assert hook["pass_filenames"] is False  # a changed policy re-checks the whole register


def test_the_policy_hook_lints_each_file_it_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = _hooks()["klachtregels-policy-lint"]
    assert re.search(hook["files"], "policies/policy-2026.toml")
    assert not re.search(hook["files"], "organisation.toml")
    assert hook["pass_filenames"] is True
    good = tmp_path / "policy.toml"
    good.write_text('[deadlines]\nhandling_term = "4 weeks"\n', encoding="utf-8")
    bad = tmp_path / "beleid.toml"
    bad.write_text('[deadlines]\nhandling_term = "3 months"\n', encoding="utf-8")
    entry = shlex.split(hook["entry"])
    assert entry[0] == "klachtregels"
    assert main([*entry[1:], str(good)]) == 0
    assert main([*entry[1:], str(good), str(bad)]) == 1
    capsys.readouterr()


def test_the_register_hook_entry_runs(capsys: pytest.CaptureFixture[str]) -> None:
    entry = shlex.split(_hooks()["klachtregels-check"]["entry"])
    argv = [*entry[1:], str(EXAMPLES / "register.csv"), "--as-of", "2026-05-07", "--no-config"]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "KR-ROW-REJECTED" in out
    assert "Samenvatting" not in out  # -q: only what fails
