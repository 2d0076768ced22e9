"""``klachtregels rules``: the catalogue in text, Markdown and JSON; --lang checked against the catalogue."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from klachtregels.cli import main
from klachtregels.rules.catalogue import render_rules

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_rules_command(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", fmt, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "R20-i" in out
    assert "R28" in out
    assert out == render_rules(fmt, "en")
    if fmt == "json":
        assert json.loads(out)["schema"] == "klachtregels.rules"


def test_rules_default_is_dutch_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert capsys.readouterr().out == render_rules("text", "nl")


def test_rules_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "rules.md"
    assert main(["rules", "--format", "md", "--lang", "en", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Rule catalogue")
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_rules_unknown_language_exits_2(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", fmt, "--lang", "fr"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("klachtregels: error:")
    assert "unknown language" in captured.err
    assert captured.err.count("\n") == 1
