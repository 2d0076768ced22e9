"""The one TOML value writer (baselines, `policy show`, the web page's mapping and organisation files)."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from klachtregels._io import toml_value, valid_unicode


@given(st.text())
def test_any_string_reads_back(text: str) -> None:
    assert tomllib.loads(f"x = {toml_value(text)}")["x"] == valid_unicode(text)


def test_del_and_a_lone_surrogate_make_valid_toml() -> None:
    written = toml_value("a\x7fb\ud800")
    assert tomllib.loads(f"x = {written}")["x"] == "a\x7fb\ufffd"


@given(
    st.lists(
        st.one_of(st.booleans(), st.integers(-(2**63), 2**63 - 1), st.dates(), st.text(max_size=8)),
        max_size=5,
    )
)
def test_scalars_and_arrays_read_back(values: list[object]) -> None:
    data = tomllib.loads(f"x = {toml_value(values)}")  # type: ignore[arg-type]
    assert data["x"] == [valid_unicode(v) if isinstance(v, str) else v for v in values]


def test_a_date_is_a_toml_date() -> None:
    assert tomllib.loads(f"x = {toml_value(dt.date(2026, 5, 31))}")["x"] == dt.date(2026, 5, 31)
