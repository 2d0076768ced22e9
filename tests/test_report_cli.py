"""``klachtregels report``: writes the report, bad input is one line, the status line follows --lang."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from klachtregels.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def write_register(path: Path) -> None:
    path.write_text(
        "location,category,verdict,received_on\nKDV Zon,Voeding,gegrond,2025-02-03\n"
        "KDV Zon,Voeding,ongegrond,2024-12-01\n",
        encoding="utf-8",
    )


def test_cli_writes_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    out = tmp_path / "r.json"
    code = main(
        ["report", str(reg), "--year", "2025", "--format", "json", "--output", str(out), "--previous", "3"]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"]["total"] == 1
    assert data["data_quality"]["outside_year"] == [3]
    assert data["previous"]["total"] == 3
    capsys.readouterr()


def test_cli_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    bad_org = tmp_path / "org.toml"
    bad_org.write_text('name = "X"\nkind = "creche"\n', encoding="utf-8")
    assert main(["report", str(reg), "--year", "2025", "--org", str(bad_org)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "kind" in err
    assert main(["report", str(reg), "--year", "2025", "--previous", "lots"]) == 2
    assert main(["report", str(tmp_path / "missing.csv"), "--year", "2025"]) == 2


def test_cli_status_line_follows_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    out = tmp_path / "r.md"
    assert main(["report", str(reg), "--year", "2025", "--output", str(out)]) == 0
    nl = capsys.readouterr().err
    # What blocks publication comes first (no organisation file: lid 4 a-b), then the counts, the
    # hint to write the review notes, and the status line.
    assert nl.startswith("klachtregels: Eerst oplossen: dit houdt publicatie tegen:")
    assert "klachtregels: controlepunten: 3 houden publicatie tegen, 3 om na te lopen\n" in nl
    assert nl.endswith(
        f"klachtregels: {out} geschreven: 1 klachten over 2025; 0 regels afgekeurd; verzenden: ONBEPAALD\n"
    )
    assert main(["report", str(reg), "--year", "2025", "--output", str(out), "--lang", "en"]) == 0
    en = capsys.readouterr().err
    assert en.startswith("klachtregels: Resolve first: this blocks publication:")
    assert "klachtregels: review notes: 3 block publication, 3 to check\n" in en
    assert en.endswith(
        f"klachtregels: wrote {out}: 1 complaints over 2025; 0 rows rejected; due: UNDETERMINED\n"
    )
    assert out.read_text(encoding="utf-8").startswith("# Annual complaint report 2025")


def test_cli_does_not_echo_a_bad_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    assert main(["report", str(reg), "--year", "2025", "--previous", "Jansen-2024.csv"]) == 2
    err = capsys.readouterr().err
    assert "--previous" in err
    assert "Jansen" not in err


def test_cli_unknown_language_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    assert main(["report", str(reg), "--year", "2025", "--lang", "de"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "lang" in captured.err
