"""Column suggestions for headers the reader does not know (the web page's column form)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from klachtregels.register.mapping import suggest_columns
from klachtregels.register.spec import COLUMNS


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
