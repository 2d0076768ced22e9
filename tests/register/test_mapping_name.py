"""A column mapping's ``name`` is the ``name`` its TOML gives (docs/register.md), not the file's path;
the path is its ``origin``, and errors name the origin, never the name written in the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.register import ColumnMapping, MappingError, load_mapping, read_gck_cases, read_register_all

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "register.csv")
#: A name that must never reach an error or an output: a mapping's name is the provider's text.
CANARY = "Klachten van Jan Jansen"


def _mapping_file(tmp_path: Path, body: str, *, name: str | None = CANARY) -> Path:
    path = tmp_path / "eigen.toml"
    head = "" if name is None else f'name = "{name}"\n'
    path.write_text(head + body, encoding="utf-8")
    return path


def test_the_name_is_the_tomls_and_the_origin_the_file(tmp_path: Path) -> None:
    path = _mapping_file(tmp_path, '[columns]\nnummer = "id"\n', name="eigen export")
    mapping = load_mapping(path)
    assert mapping is not None
    assert mapping.name == "eigen export"
    assert mapping.origin == str(path)
    assert ColumnMapping.load(path).name == "eigen export"
    assert load_mapping(str(path)) == mapping


def test_a_file_without_a_name_is_named_by_its_path_as_before(tmp_path: Path) -> None:
    path = _mapping_file(tmp_path, '[columns]\nnummer = "id"\n', name=None)
    mapping = ColumnMapping.load(path)
    assert mapping.name == mapping.origin == str(path)


def test_built_in_mappings_carry_their_own_names() -> None:
    for name in ("partou", "partou_geschillen"):
        mapping = load_mapping(name)
        assert mapping is not None
        assert (mapping.name, mapping.origin) == (name, name)


def test_to_dict_gives_the_files_name_back_and_round_trips(tmp_path: Path) -> None:
    path = _mapping_file(tmp_path, '[columns]\nnummer = "id"\n', name="eigen export")
    mapping = ColumnMapping.load(path)
    plain = mapping.to_dict()
    assert plain["name"] == "eigen export"
    assert "origin" not in plain  # where it was read from is no part of the TOML form
    again = ColumnMapping.from_dict(plain)
    assert again == mapping  # the origin is not compared
    assert again.origin is None


def test_a_name_given_to_from_toml_is_the_origin_and_the_fallback_name() -> None:
    named = ColumnMapping.from_toml('name = "eigen"\n', name="upload")
    assert (named.name, named.origin) == ("eigen", "upload")
    nameless = ColumnMapping.from_toml("ignore = []\n", name="upload")
    assert (nameless.name, nameless.origin) == ("upload", "upload")


@pytest.mark.parametrize(
    "body",
    [
        '[columns]\nplaats = "locaton"\n',  # a problem found when the mapping is built
        "[extra]\na = 1\n",  # a problem with the file's shape
    ],
)
def test_errors_name_the_file_never_the_name_in_it(tmp_path: Path, body: str) -> None:
    path = _mapping_file(tmp_path, body)
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert info.value.name == str(path)
    for lang in ("en", "nl"):
        shown = info.value.render(lang)
        assert str(path) in shown
        assert CANARY not in shown


def test_a_mapping_used_for_the_wrong_file_is_named_by_its_file(tmp_path: Path) -> None:
    path = _mapping_file(tmp_path, '[columns]\nx = "verdict"\n')  # a register column, no gck column
    with pytest.raises(MappingError, match="not a column") as info:
        read_gck_cases(io.BytesIO(b"x\n"), format="csv", mapping=path)
    assert info.value.name == str(path)
    assert CANARY not in str(info.value)


def test_a_mapping_built_in_code_is_not_named_by_its_name_in_errors() -> None:
    with pytest.raises(MappingError) as info:
        ColumnMapping(name=CANARY, columns={"plaats": "locaton"})
    assert info.value.name is None
    assert CANARY not in str(info.value)
    with pytest.raises(MappingError) as info:
        ColumnMapping(origin="upload", columns={"plaats": "locaton"})
    assert str(info.value).startswith("invalid column mapping upload: ")


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_no_output_of_check_shows_the_mapping_name(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    path = _mapping_file(tmp_path, "ignore = []\n")
    argv = ["check", EXAMPLE, "--mapping", str(path), "--as-of", "2026-05-07", "--no-config"]
    assert main([*argv, "--format", fmt]) == 1
    out, err = capsys.readouterr()
    assert "KR-" in out  # findings were written
    assert CANARY not in out + err


def test_the_report_and_its_review_notes_do_not_show_the_mapping_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _mapping_file(tmp_path, "ignore = []\n")
    notes = tmp_path / "notes.json"
    argv = ["report", EXAMPLE, "--year", "2025", "--mapping", str(path), "--no-config"]
    assert main([*argv, "--review-notes", str(notes)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("#")  # the report was written
    assert CANARY not in out + err + notes.read_text(encoding="utf-8")


def test_a_mapping_names_its_file_when_the_cli_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _mapping_file(tmp_path, '[columns]\nplaats = "locaton"\n')
    assert main(["check", EXAMPLE, "--mapping", str(path), "--no-config"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert CANARY not in err


def test_reading_with_a_named_mapping_file(tmp_path: Path) -> None:
    path = _mapping_file(tmp_path, '[columns]\nnummer = "id"\n')
    result = read_register_all(io.BytesIO(b"nummer\n7\n"), format="csv", mapping=path)
    assert [r.complaint.id for r in result.records] == ["7"]
