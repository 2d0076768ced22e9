"""Hostile input never raises a traceback (issue 9): nesting, mixed time kinds, days past the calendar.

Every input path that parses JSON or TOML refuses nesting past ``klachtregels._io.MAX_NESTING``
with its own typed error naming the file (and the row or column where there is one).
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels._io import (
    MAX_JSON_DOCUMENT_BYTES,
    MAX_NESTING,
    MAX_TOML_CHARS,
    JsonNestingError,
    TomlNestingError,
    TomlSizeError,
    loads_json,
    loads_toml,
)
from klachtregels.cli import main
from klachtregels.errors import RegisterError
from klachtregels.model import GckFiling
from klachtregels.register import read_register_all

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "register.csv")
HOSTILE_DEPTH = 100_000  # far past the interpreter's recursion limit


def _arrays(depth: int) -> str:
    return "[" * depth + "]" * depth


def _objects(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


# --------------------------------------------------------------------------------------------------
# loads_json / loads_toml
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", [_arrays(HOSTILE_DEPTH), _objects(HOSTILE_DEPTH), _arrays(MAX_NESTING + 1)])
def test_deep_json_is_a_decode_error_with_a_position(doc: str) -> None:
    with pytest.raises(JsonNestingError) as caught:
        loads_json(doc)
    assert isinstance(caught.value, json.JSONDecodeError)  # every existing handler catches it
    assert caught.value.pos == (MAX_NESTING if doc.startswith("[") else 5 * MAX_NESTING)
    assert f"nested deeper than {MAX_NESTING} levels" in str(caught.value)


def test_json_at_the_limit_and_brackets_inside_strings_are_read() -> None:
    assert _depth(loads_json(_arrays(MAX_NESTING))) == MAX_NESTING
    inside = json.dumps(["[" * 1000, {"k": "{" * 1000}])
    assert loads_json(inside) == ["[" * 1000, {"k": "{" * 1000}]


def test_unbalanced_hostile_json_is_a_plain_decode_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        loads_json("]" * 1000 + "[" * 10)
    with pytest.raises(json.JSONDecodeError):
        loads_json('"' + "[" * 1000)  # an unclosed string full of brackets


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab,:'),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet="[]{}ab"), inner, max_size=3)
    ),
    max_leaves=200,
)


@given(value=_json_values, wrap=st.integers(min_value=0, max_value=2 * MAX_NESTING))
def test_loads_json_is_json_loads_up_to_the_limit(value: object, wrap: int) -> None:
    """Same result as json.loads when not too deep; JsonNestingError exactly when too deep."""
    doc = "[" * wrap + json.dumps(value) + "]" * wrap
    if _depth(value) + wrap > MAX_NESTING:
        with pytest.raises(JsonNestingError):
            loads_json(doc)
    else:
        assert loads_json(doc) == json.loads(doc)


@pytest.mark.parametrize(
    "doc",
    [
        "a = " + _arrays(HOSTILE_DEPTH),
        "a = " + "{b = " * 5000 + "1" + "}" * 5000,
        "[" + ".".join(["t"] * (MAX_NESTING + 1)) + "]\nx = 1",
        "a = " + _arrays(MAX_NESTING + 1),
    ],
    ids=["arrays", "inline-tables", "table-header", "just-past"],
)
def test_deep_toml_is_a_toml_decode_error(doc: str) -> None:
    with pytest.raises(TomlNestingError) as caught:
        loads_toml(doc)
    assert isinstance(caught.value, tomllib.TOMLDecodeError)


def test_toml_at_the_limit_is_read() -> None:
    assert _depth(loads_toml("a = " + _arrays(MAX_NESTING - 1))) == MAX_NESTING


def test_toml_longer_than_the_limit_is_refused_before_parsing() -> None:
    comment = "# " + "x" * MAX_TOML_CHARS + "\n"
    with pytest.raises(TomlSizeError) as caught:
        loads_toml(comment + "a = 1\n")
    assert isinstance(caught.value, tomllib.TOMLDecodeError)
    assert loads_toml(comment[: MAX_TOML_CHARS - 7] + "\na = 1\n") == {"a": 1}  # at the limit: read


@pytest.mark.parametrize("option", ["--policy", "--org", "--mapping"])
def test_cli_oversized_toml_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    path = tmp_path / "huge.toml"
    path.write_text("a = 1\n" + "# padding\n" * (MAX_TOML_CHARS // 10 + 1), encoding="utf-8")
    assert main(["check", EXAMPLE, "--as-of", "2025-06-01", option, str(path)]) == 2
    err = capsys.readouterr().err
    assert "huge.toml" in err
    assert f"longer than {MAX_TOML_CHARS} characters" in err


def test_cli_oversized_complaint_json_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "complaint.json"
    with path.open("wb") as handle:  # a sparse file: large, but nothing to write
        handle.truncate(MAX_JSON_DOCUMENT_BYTES + 1)
    assert main(["assess", str(path), "--as-of", "2025-06-01"]) == 2
    err = capsys.readouterr().err
    assert "complaint.json" in err
    assert f"larger than {MAX_JSON_DOCUMENT_BYTES} bytes" in err


# --------------------------------------------------------------------------------------------------
# Registers through the API: the file or the row is refused, never a RecursionError
# --------------------------------------------------------------------------------------------------


def test_deep_json_register_is_a_register_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(_arrays(HOSTILE_DEPTH), encoding="utf-8")
    with pytest.raises(RegisterError, match="nested deeper"):
        read_register_all(path)


def test_deep_json_lines_row_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    good = '{"id": "K2", "received_on": "2025-03-02"}'
    path.write_text(f'{{"id": "K1", "measures": {_arrays(HOSTILE_DEPTH)}}}\n{good}\n', encoding="utf-8")
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K2"]
    assert result.summary.rows_read == 2
    assert result.summary.rows_rejected == 1
    assert result.errors[0].row == 1
    assert result.errors[0].problem.code == "IO_NESTED_TOO_DEEP"


def test_deep_measures_cell_rejects_its_row(tmp_path: Path) -> None:
    path = tmp_path / "deep.csv"
    cell = '"' + _arrays(5000) + '"'
    path.write_text(f"id,received_on,measures\nK1,2025-03-01,{cell}\nK2,2025-03-02,\n", encoding="utf-8")
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["K2"]
    assert (result.errors[0].row, result.errors[0].column) == (2, "measures")
    assert result.errors[0].problem.code == "IO_NESTED_TOO_DEEP"


# --------------------------------------------------------------------------------------------------
# The same through the CLI: exit 2 (file) or a rejected row (row); one line; the file named
# --------------------------------------------------------------------------------------------------


def _write(path: Path, content: str) -> str:
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_cli_deep_json_register_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = _write(tmp_path / "deep.json", _objects(HOSTILE_DEPTH))
    assert main(["check", register, "--as-of", "2025-06-01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"klachtregels: error: {register}: ")
    assert "nested deeper" in err


def test_cli_deep_complaint_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = '{"id": "K1", "received_on": "2025-01-01", "subjects": ' + _arrays(HOSTILE_DEPTH) + "}"
    path = _write(tmp_path / "complaint.json", doc)
    assert main(["assess", path, "--as-of", "2025-06-01"]) == 2
    err = capsys.readouterr().err
    assert "complaint.json" in err
    assert "nested deeper" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("option", ["--policy", "--org", "--mapping"])
@pytest.mark.parametrize(
    "doc",
    ["a = " + _arrays(HOSTILE_DEPTH), "a = " + "{b = " * 3000 + "1" + "}" * 3000],
    ids=["arrays", "tables"],
)
def test_cli_deep_toml_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, doc: str
) -> None:
    path = _write(tmp_path / "deep.toml", doc)
    assert main(["check", EXAMPLE, "--as-of", "2025-06-01", option, path]) == 2
    err = capsys.readouterr().err
    assert "deep.toml" in err
    assert "nested deeper" in err
    assert err.count("\n") == 1


# --------------------------------------------------------------------------------------------------
# Mixed kinds of time, and days past the calendar
# --------------------------------------------------------------------------------------------------

_AMS = dt.timezone(dt.timedelta(hours=2))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.datetime(2025, 6, 1, 10), dt.date(2025, 6, 5)),
        (dt.date(2025, 6, 1), dt.datetime(2025, 6, 5, 10)),
        (dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC), dt.datetime(2025, 6, 5)),
        (dt.datetime(2025, 6, 5, 23, 30, tzinfo=dt.UTC), dt.date(2025, 6, 6)),  # 01:30 on 6 June locally
    ],
)
def test_mediation_dates_of_mixed_kinds_compare_as_amsterdam_days(start: dt.date, end: dt.date) -> None:
    filing = GckFiling(filed_on=dt.date(2025, 7, 1), mediation_from=start, mediation_until=end)
    assert filing.mediation_from_date is not None
    assert filing.mediation_until_date is not None
    assert filing.mediation_from_date <= filing.mediation_until_date


def test_mediation_mixing_kinds_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = _write(
        tmp_path / "med.csv",
        "id,received_on,gck_filed_on,gck_filed_by,gck_mediation_from,gck_mediation_until\n"
        "K1,2025-03-01,2025-07-01,parent,2025-06-01T10:00,2025-06-05\n"
        "K2,2025-03-01,2025-07-01,parent,2025-06-01T10:00+02:00,2025-06-05T10:00\n",
    )
    for fmt in ("text", "json"):
        assert main(["check", register, "--as-of", "2025-07-01", "--format", fmt]) in (0, 1)
        captured = capsys.readouterr()
        assert captured.err == ""
    assert json.loads(captured.out)["summary"]["rows_rejected"] == 0


@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"])
@pytest.mark.parametrize("command", ["check", "assess"])
def test_as_of_outside_the_plausible_days_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_of: str, command: str
) -> None:
    target = EXAMPLE if command == "check" else str(ROOT / "examples" / "complaint.json")
    assert main([command, target, "--as-of", as_of]) == 2
    err = capsys.readouterr().err
    assert "--as-of: not a day between 1900-01-01 and 2999-12-31" in err
    assert as_of not in err


def test_a_receipt_in_9999_is_not_checked_and_does_not_overflow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The decision documented in docs/guarantees.md: after --as-of, so 'not checked', never a crash."""
    register = _write(
        tmp_path / "far.csv",
        "id,received_on,judgement_sent_on,gck_filed_on,gck_filed_by\n"
        "K1,9999-12-01,9999-12-30,9999-12-31,parent\nK2,0001-01-01,0001-01-02,0001-01-03,parent\n",
    )
    assert main(["check", register, "--as-of", "2999-12-31", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "KR-SCOPE-AFTER-AS-OF" in {f["id"] for f in data["findings"]}
    assert main(["report", register, "--year", "2025"]) == 0
    assert "Traceback" not in capsys.readouterr().err


_DATE_FORMS = st.sampled_from(
    [
        "",
        "2025-06-01",
        "2025-06-01T10:00",
        "2025-06-01T23:30+00:00",
        "2025-06-02T00:30+02:00",
        "2025-05-31T23:59:59Z",
    ]
)


@given(data=st.data())
def test_every_date_column_may_mix_kinds_of_time(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Dates, naive and aware date-times in any date column: check and report run, never a TypeError."""
    from klachtregels.register.spec import COLUMNS

    columns = [
        c.name for c in COLUMNS if c.name.endswith(("_on", "_from", "_until")) and c.name != "received_on"
    ]
    header = [
        "id",
        "received_on",
        "channel",
        "complainant_role",
        "subjects",
        "verdict",
        "gck_filed_by",
        *columns,
    ]
    rows = []
    for i in range(5):
        fixed = [f"K{i}", data.draw(_DATE_FORMS.filter(bool)), "email", "parent", "conduct"]
        fixed += [
            data.draw(st.sampled_from(["gegrond", "ongegrond", ""])),
            data.draw(st.sampled_from(["parent", ""])),
        ]
        rows.append(",".join(fixed + [data.draw(_DATE_FORMS) for _ in columns]))
    path = tmp_path_factory.mktemp("mixed") / "mixed.csv"
    path.write_text(",".join(header) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    for as_of in ("2025-06-01", "2025-06-02", "2026-01-01"):
        assert main(
            ["check", str(path), "--as-of", as_of, "--format", "json", "-o", str(path) + ".json"]
        ) in (0, 1)
    assert main(["report", str(path), "--year", "2025", "-o", str(path) + ".md"]) == 0
