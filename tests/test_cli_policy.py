"""``klachtregels policy lint|show|list``: exit codes, text and JSON, the verdict's direction, --lang."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from klachtregels.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def _policy_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_cli_lint_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _policy_file(tmp_path, '[policy]\nname = "eigen"\n[deadlines]\nhandling_term = "4 weeks"\n')
    assert main(["policy", "lint", str(path)]) == 0
    out = capsys.readouterr().out
    assert "HANDLING_TERM_SHORTER" in out
    assert "Schoon" in out


def test_cli_lint_laxer_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _policy_file(tmp_path, '[deadlines]\nhandling_term = "3 months"\n')
    assert main(["policy", "lint", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "ERROR HANDLING_TERM_TOO_LONG" in out
    assert "Rejected" in out


def test_cli_lint_json(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 10 point 7: the contract-party scope is narrower on paper (a warning), as rule R3 decides.
    assert main(["policy", "lint", "smallsteps", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["policy"] == "smallsteps"
    assert data["counts"]["error"] == 0
    assert data["counts"]["warning"] == 5
    assert data["findings"][0]["code"] == "SCOPE_NARROWER_THAN_OUDER"


def test_cli_lint_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "lint", "statutory"]) == 0
    assert main(["policy", "lint", "statutory", "--fail-on", "warning"]) == 0
    # Les Petits: filing again after the meldcode, the annual report on request (issue 10 point 6).
    assert main(["policy", "lint", "les-petits"]) == 0
    assert main(["policy", "lint", "les-petits", "--fail-on", "warning"]) == 1
    capsys.readouterr()


def test_cli_lint_warning_fails_only_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _policy_file(tmp_path, '[meldcode]\nafter_meldcode = "close"\n')
    assert main(["policy", "lint", str(path)]) == 0
    assert main(["policy", "lint", str(path), "--fail-on", "warning"]) == 1
    assert "MELDCODE_CLOSES_PROCEDURE" in capsys.readouterr().out


@pytest.mark.parametrize(
    "body",
    [
        "[deadlines\n",  # not TOML
        '[deadlines]\nhandling_term = "soon"\n',  # not a term
        "[scope]\nunknown = true\n",  # unknown key
        "[scope]\ninclude_working_method = 'maybe'\n",  # not a yes/no word
    ],
)
def test_cli_lint_invalid_file_exits_2(tmp_path: Path, body: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _policy_file(tmp_path, body)
    assert main(["policy", "lint", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("klachtregels: error:")
    assert "Traceback" not in captured.err


def test_cli_lint_missing_or_unreadable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "lint", str(tmp_path / "missing.toml")]) == 2
    assert main(["policy", "lint", str(tmp_path)]) == 2  # a directory
    err = capsys.readouterr().err
    assert err.count("klachtregels: error:") == 2


def test_cli_show_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "show", "smallsteps"]) == 0
    out = capsys.readouterr().out
    assert '[meldcode]\nafter_meldcode = "close"' in out
    assert 'submission_window = "2 months"' in out
    assert "De klachtenprocedure wordt daarmee afgesloten." in out
    assert main(["policy", "show", "les-petits", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["oudercommissie_internal_route"] is True
    assert main(["policy", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == ["les-petits", "smallsteps", "statutory", "thuishuis"]
    assert main(["policy", "list", "--json"]) == 0
    assert {p["name"] for p in json.loads(capsys.readouterr().out)} >= {"statutory", "smallsteps"}


def test_cli_policy_without_action_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy"]) == 2
    assert "lint" in capsys.readouterr().err


def test_cli_lint_smallsteps_says_narrower_not_wider(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 8: the verdict names the direction; a scope that shuts out statutory ouders is narrower.
    Issue 10 point 7: on paper, because rule R3 keeps the ouder eligible (lint and assess agree)."""
    assert main(["policy", "lint", "smallsteps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(
        next(line for line in lines if line.startswith("WAARSCHUWING SCOPE_NARROWER_THAN_OUDER"))
    )
    assert lines[at + 1] == (
        "    Beperkter dan de wet in de tekst van de regeling; klachtregels houdt de wettelijke uitkomst aan."
        " Controleer de tekst."
    )
    assert lines[-1] == "Geaccepteerd, met waarschuwingen."
    assert not any("ruimer dan de wet" in line.lower() for line in lines[at : at + 3])


def test_cli_lint_wider_scope_is_accepted_as_wider(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _policy_file(tmp_path, "[scope]\ninclude_working_method = true\n")
    assert main(["policy", "lint", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "    Wider than the law: the policy gives more than the statute. Allowed.\n" in out
    assert out.endswith("Clean: no errors or warnings.\n")


def test_cli_lint_json_names_direction_and_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "lint", "smallsteps", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    by_code = {f["code"]: f for f in data["findings"]}
    assert by_code["SCOPE_NARROWER_THAN_OUDER"]["direction"] == "narrower_on_paper"
    assert by_code["PROSPECTIVE_CLIENTS_INCLUDED"]["direction"] == "wider"
    assert by_code["MELDCODE_CLOSES_PROCEDURE"]["direction"] == "narrower_on_paper"
    scope = by_code["SCOPE_NARROWER_THAN_OUDER"]
    assert scope["message"]["en"].startswith(scope["verdict"]["en"])
    assert scope["verdict"]["nl"].startswith("Beperkter dan de wet")


@pytest.mark.parametrize("lang", ["xx", "de", "EN", ""])
def test_cli_lint_unknown_language_is_a_clean_error(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "lint", "smallsteps", "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "klachtregels: error: invalid command-line argument: --lang: unknown language; use one of nl, en\n"
    )
