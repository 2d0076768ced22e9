"""Size limits and keys in errors (issue 9, item 1 and item 3), pinned, with a fuzz target.

* A JSON Lines line longer than ``JSON_LINE_LIMIT`` rejects its row (the others are read, the
  accounting holds); a JSON register larger than ``JSON_REGISTER_LIMIT`` is a ``RegisterError``
  (exit 2, naming the file), read no further.
* A key in an error is shown only when it looks like an identifier: a repeated key in a JSON
  register, a repeated table in TOML, an unknown table in a mapping.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import fuzz_helpers as fz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels._io import TomlKeyError, loads_toml
from klachtregels.errors import RegisterError
from klachtregels.register import read_register_all, sources

if TYPE_CHECKING:
    from pathlib import Path

GOOD = '{"id": "K2", "received_on": "2025-03-03", "channel": "email"}'


def test_a_json_lines_line_past_the_limit_rejects_its_row_only() -> None:
    """At the real limit (16 MiB characters): the long row is rejected, named by line, not shown."""
    long_line = json.dumps(
        {"id": "K1", "description": fz.canary("description") * (sources.JSON_LINE_LIMIT // 11)}
    )
    assert len(long_line) > sources.JSON_LINE_LIMIT
    data = f"{long_line}\n{GOOD}\n".encode()
    result = read_register_all(io.BytesIO(data), format="jsonl")
    assert [r.complaint.id for r in result.records] == ["K2"]
    summary = result.summary
    assert (summary.rows_read, summary.rows_ok, summary.rows_rejected) == (2, 1, 1)
    assert summary.balanced
    (error,) = result.errors
    assert (error.row, error.problem.code) == (1, "REGISTER_ROW_TOO_LONG")
    assert str(sources.JSON_LINE_LIMIT) in error.describe("en")
    assert not fz.leaked(error.describe("nl") + error.describe("en"))


@fz.fuzz(2.0)
@given(lengths=st.lists(st.integers(0, 120), max_size=8))
def test_line_limit_accounting(lengths: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """With a small limit: exactly the lines past it are rejected as too long; rows balance."""
    fz.count("limits: JSON Lines line length")
    monkeypatch.setattr(sources, "JSON_LINE_LIMIT", 80)
    lines = [json.dumps({"id": f"K{i}", "category": "x" * n}) for i, n in enumerate(lengths)]
    result = read_register_all(io.BytesIO(("\n".join(lines) + "\n").encode()), format="jsonl")
    too_long = {i for i, line in enumerate(lines, start=1) if len(line) > 80}
    assert {e.row for e in result.errors if e.problem.code == "REGISTER_ROW_TOO_LONG"} == too_long
    assert result.summary.balanced
    assert result.summary.rows_read == len(lines)
    assert result.summary.rows_rejected == len(too_long)


def test_a_json_register_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """API: RegisterError with the limit and what to do; CLI: exit 2, one line naming the file."""
    monkeypatch.setattr(sources, "JSON_REGISTER_LIMIT", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([json.loads(GOOD)] * 40), encoding="utf-8")
    with pytest.raises(RegisterError, match="larger than 1000 characters; use JSON Lines"):
        read_register_all(path)
    code, _out, err = fz.run_cli(["check", str(path), "--as-of", "2025-12-01"])
    assert code == 2
    fz.assert_names_file(err, path)
    assert "larger than 1000 characters" in err
    path.write_text(json.dumps([json.loads(GOOD)] * 5), encoding="utf-8")  # under the limit: read
    assert read_register_all(path).summary.rows_ok == 5


@pytest.mark.parametrize("key", ["location", f"{fz.CANARY}zx Jansen", "Zoë"])
def test_a_repeated_key_in_a_json_register_rejects_its_row_and_never_names_the_key(key: str) -> None:
    """A JSON array register with a repeated key rejects that row, as JSON Lines does (it refused the
    whole file before); a key may be personal data, so the problem names its kind, never the key."""
    data = f'[{{"id": "K1", "{key}": 1, "{key}": 2}}, {json.dumps(json.loads(GOOD))}]'.encode()
    result = read_register_all(io.BytesIO(data), format="json")
    summary = result.summary
    assert (summary.rows_read, summary.rows_ok, summary.rows_rejected) == (2, 1, 1)
    (error,) = result.errors
    assert (error.row, error.problem.code) == (1, "REGISTER_ROW_DUPLICATE_KEY")
    for lang in ("nl", "en"):
        message = error.problem.render(lang)
        assert key not in message
        assert not fz.leaked(message)


@pytest.mark.parametrize(
    ("doc", "shown"),
    [
        ('["Jan Jansen"]\na = 1\n["Jan Jansen"]\n', None),
        ("[scope]\na = 1\n[scope]\n", "'scope'"),
        ('a = {"Piet Puk" = 1, "Piet Puk" = 2}\n', None),
        ('[["Zoë de Vries"]]\n["Zoë de Vries"]\n', None),
    ],
)
def test_toml_errors_quote_only_identifier_like_keys(doc: str, shown: str | None) -> None:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the type is asserted below
        loads_toml(doc)
    message = str(caught.value)
    for name in ("Jan", "Piet", "Zoë"):
        assert name not in message
    if shown is None:
        assert isinstance(caught.value, TomlKeyError)
        assert "(not shown)" in message
    else:
        assert shown in message


def test_a_mapping_names_an_unknown_table_only_when_identifier_like(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('[colums]\na = "location"\n["Jan Jansen"]\nb = 1\n', encoding="utf-8")
    code, _out, err = fz.run_cli(
        ["check", str(fz.ROOT / "examples" / "register.csv"), "--mapping", str(path)]
    )
    assert code == 2
    assert "colums" in err
    assert "Jan" not in err
    assert "1 unknown table(s) (name not shown)" in err
