"""Column suggestions for headers the reader does not know (the web page's column form)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from klachtregels.register import read_register
from klachtregels.register.mapping import suggest_columns
from klachtregels.register.spec import COLUMNS

if TYPE_CHECKING:
    from pathlib import Path


def test_a_misspelt_header_gets_its_column() -> None:
    assert suggest_columns(["Locatei", "ontvangen op"]) == {
        "Locatei": "location",
        "ontvangen op": "received_on",
    }


def test_a_header_like_nothing_gets_no_suggestion() -> None:
    assert suggest_columns(["xyz123", "Q"]) == {}


def test_a_column_the_file_has_is_not_suggested_again() -> None:
    assert "location" not in suggest_columns(["Locatei"], present=["location"]).values()


def test_each_column_is_suggested_once() -> None:
    suggested = suggest_columns(["Locatei", "Lokatie"])
    assert list(suggested.values()).count("location") == 1


@given(st.lists(st.text(max_size=30), max_size=12, unique=True))
def test_suggestions_are_documented_columns_each_at_most_once(headers: list[str]) -> None:
    suggested = suggest_columns(headers)
    documented = {c.name for c in COLUMNS}
    assert set(suggested) <= set(headers)
    assert set(suggested.values()) <= documented
    assert len(set(suggested.values())) == len(suggested)


def test_oordeel_is_the_verdict_column(tmp_path: Path) -> None:
    """A register's "Oordeel" column (gegrond / ongegrond) is read as the verdict, not suggested as
    the partial judgement ("deeloordeel") it resembles."""
    path = tmp_path / "register.csv"
    path.write_text("klachtnummer,ontvangen_op,Oordeel\nK1,2026-01-05,deels gegrond\n", encoding="utf-8")
    (record,) = read_register(path)
    assert record.judgement is not None
    assert record.judgement.verdict == "deels_gegrond"
    assert suggest_columns(["Oordel"]) == {"Oordel": "verdict"}
