"""Near-duplicate location names (klachtregels.bulk.similar_locations)."""

from __future__ import annotations

import pytest

from klachtregels.bulk import LocationGroup, rename_locations, similar_locations, suggested_mapping
from klachtregels.register import read_register_all


def groups_of(names: list[str]) -> dict[str, LocationGroup]:
    return {g.canonical: g for g in similar_locations(names)}


def test_accents_spelling_and_word_order_are_grouped() -> None:
    names = [
        *["BSO Mozaïek"] * 5,
        *["BSO Mozaiek"] * 3,
        *["De Nieuwe Nachtegaal"] * 4,
        "De Nieuwe Nachttegaal",
        *["Kanaalweg 12"] * 2,
        "Kaanaalweg 12",
        "12 Kanaalweg",
    ]
    groups = groups_of(names)
    assert set(groups) == {"BSO Mozaïek", "De Nieuwe Nachtegaal", "Kanaalweg 12"}
    assert groups["BSO Mozaïek"].spellings == (("BSO Mozaïek", 5), ("BSO Mozaiek", 3))
    assert groups["BSO Mozaïek"].reasons == ("accents",)
    assert groups["De Nieuwe Nachtegaal"].reasons == ("spelling",)
    assert groups["Kanaalweg 12"].reasons == ("word order", "spelling")
    assert groups["Kanaalweg 12"].total == 4
    assert suggested_mapping(groups.values()) == {
        "BSO Mozaiek": "BSO Mozaïek",
        "De Nieuwe Nachttegaal": "De Nieuwe Nachtegaal",
        "Kaanaalweg 12": "Kanaalweg 12",
        "12 Kanaalweg": "Kanaalweg 12",
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kanaalweg 12", "Kanaalweg 14"),  # another house number
        ("Locatie 1", "Locatie 2"),
        ("KDV Zon", "KDV Zen"),  # short words are names, not slips
        ("Kinderopvang De Speelmolen", "Kinderopvang De Speeltoren"),  # two edits in a 10-letter word
        ("BSO De Uitkijk", "KDV De Voorbeeldtuin"),
    ],
)
def test_different_locations_stay_apart(a: str, b: str) -> None:
    assert similar_locations([a, b]) == ()


def test_a_missing_space_and_the_canonical_tie_break() -> None:
    (group,) = similar_locations(["De Speel molen", "De Speelmolen"])
    assert group.canonical == "De Speelmolen"  # same count: fewer words first
    assert group.reasons == ("spelling",)


def test_records_of_the_partou_register_and_renaming() -> None:
    result = read_register_all("tests/data/partou/partou_klachten_2025.csv", mapping="partou")
    groups = similar_locations(result.records)
    canonical = {g.canonical for g in groups}
    assert "De Nieuwe Nachtegaal" in canonical
    assert any(g.reasons == ("accents",) and "BSO Mozaïek" in dict(g.spellings) for g in groups)
    mapping = suggested_mapping(groups)
    renamed = list(rename_locations(result.records, mapping))
    before = {r.complaint.location for r in result.records}
    after = {r.complaint.location for r in renamed}
    assert len(after) == len(before) - len(mapping)
    assert similar_locations(renamed) == ()
    assert [r.row for r in renamed] == [r.row for r in result.records]
