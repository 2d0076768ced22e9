"""The register's texts: every code it uses is in messages/register.toml, and no text echoes a cell."""

from __future__ import annotations

import io
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels import messages
from klachtregels.register import COLUMNS, read_register_all
from klachtregels.register.cells import CellProblem, cell_reader

PACKAGE = Path(messages.__file__).parents[1] / "register"
CATALOGUE = Path(messages.__file__).parent / "register.toml"


def test_every_code_the_register_uses_is_in_the_catalogue_and_only_there() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))
    used = set(re.findall(r'"(REGISTER_[A-Z0-9_]+)"', source))
    listed = set(re.findall(r"^\[(REGISTER_[A-Z0-9_]+)\]$", CATALOGUE.read_text(encoding="utf-8"), re.M))
    assert used, "no codes found"
    assert used <= listed, sorted(used - listed)
    unused = listed - used - {"REGISTER_AT_ROW", "REGISTER_AT_CELL"}  # used through RowError.describe
    assert unused == set()
    for code in listed:
        assert messages.text(code, "nl") != messages.text(code, "en") or "{" in messages.text(code, "en")


def test_no_text_pairs_or_language_branches_in_the_register_package() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))
    assert " / geen" not in source
    assert "if nl else" not in source
    assert "lang ==" not in source


_MARK = "ZQXJ"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(column=st.sampled_from(COLUMNS), text=st.text(max_size=30))
def test_a_bad_cell_is_named_never_repeated(column: object, text: str) -> None:
    cell = _MARK + text
    try:
        cell_reader(column)(cell)  # type: ignore[arg-type]
    except CellProblem as problem:
        for lang in messages.LANGUAGES:
            rendered = messages.text(problem.code, lang, **problem.params)
            assert _MARK not in rendered


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(st.text(alphabet=st.characters(blacklist_characters=',"\r\n'), max_size=12), min_size=4)
)
def test_row_errors_never_repeat_a_cell(cells: list[str]) -> None:
    names = ["received_on", "verdict", "judgement_written", "subjects"]
    row = ",".join(_MARK + c for c in cells[:4])
    result = read_register_all(io.StringIO(",".join(names) + "\n" + row + "\n"), format="csv")
    assert result.errors
    for error in result.errors:
        assert _MARK not in str(error.to_dict())
        assert _MARK not in error.describe("nl")
