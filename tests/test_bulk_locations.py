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
        # Dutch addresses: another house number, huisletter or toevoeging is another address.
        ("Beukenstraat 11", "Beukenstraat 111"),
        ("Beukenstraat 11a", "Beukenstraat 11b"),
        ("Beukenstraat 11 A", "Beukenstraat 11 B"),
        ("Beukenstraat 11a", "Beukenstraat 11-B"),
        ("Beukenstraat 11a-2", "Beukenstraat 11b-2"),  # a word with a figure is never misspelt
        ("Beukenstraat 11-II", "Beukenstraat 11-III"),
        ("Beukenstraat 11/2", "Beukenstraat 11 3"),
        ("Beukenstraat 11", "Beukenstraat 11a"),
        ("Beukenstraat 11", "Beukenstraat 11-II"),
        ("Beukenstraat 11 A", "Beukenstraat 11-I"),  # a huisletter, a floor
        ("Beukenstraat 11-2", "Beukenstraat 2-11"),  # was 'word order': the suffix stays with its number
        ("Beukenstraat 11 2", "Beukenstraat 112"),
        ("Beukenstr. 11", "Beukenstraat 12"),
        ("Beukenstraat 11", "Beukenlaan 11"),
        ("Kanaalweg 12, 3512 AB Utrecht", "Kanaalweg 12, 3512 AC Utrecht"),
        ("KDV Zon 2", "KDV Zon II"),  # a Roman figure is a toevoeging only after a house number
        # The BAG's huisletter (written against the number) and a floor (a toevoeging set apart, in
        # Roman figures) are two addresses: 11V is the letter V, 11 V and 11-V the fifth floor.
        ("Beukenstraat 11v", "Beukenstraat 11 V"),
        ("Beukenstraat 11V", "Beukenstraat 11-V"),
        ("Beukenstraat 11v", "Beukenstraat 11-5"),
        ("Beukenstraat 11i", "Beukenstraat 11 I"),
        ("Beukenstraat 11x", "Beukenstraat 11/X"),
        ("Beukenstraat 11 V-2", "Beukenstraat 11-5"),  # the letter V with a floor, not the fifth floor
        ("Beukenstraat 11 V-2", "Beukenstraat 11-V"),
        ("Beukenstraat 11 V-2", "Beukenstraat 11w-2"),
    ],
)
def test_different_locations_stay_apart(a: str, b: str) -> None:
    assert similar_locations([a, b]) == ()


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # Spacing around / and -: already one spelling.
        ("Beukenstraat 11 / II", "Beukenstraat 11/II", "accents"),
        ("Beukenstraat 11/II", "Beukenstraat 11-II", "accents"),
        ("BEUKENSTRAAT 11", "beukenstraat 11", "accents"),
        ("Beukenstraat 11-2", "Beukenstraat 11 - 2", "accents"),
        # A toevoeging in Roman figures is its number; a lone I after a house number is a floor.
        ("Beukenstraat 11-2", "Beukenstraat 11 II", "address"),
        ("Beukenstraat 11 / II", "Beukenstraat 11/2", "address"),
        ("Beukenstraat 11-I", "Beukenstraat 11-1", "address"),
        ("Beukenstraat 11 IV", "Beukenstraat 11/4", "address"),
        ("Beukenstraat 11-XII", "Beukenstraat 11-12", "address"),
        # V, I or X set apart is a floor whatever its case or separator; followed by a toevoeging it
        # is the huisletter (one huisletter, then one toevoeging: a floor is last).
        ("Beukenstraat 11 V", "Beukenstraat 11-5", "address"),
        ("Beukenstraat 11 v", "Beukenstraat 11/5", "address"),
        ("Beukenstraat 11 V", "Beukenstraat 11-V", "accents"),
        ("Beukenstraat 11 V-2", "Beukenstraat 11v-2", "address"),
        ("Beukenstraat 11 V II", "Beukenstraat 11V-2", "address"),
        ("Beukenstraat 11-V-2", "Beukenstraat 11 v/II", "address"),
        ("Beukenstraat 11 I-3", "Beukenstraat 11i-3", "address"),
        ("Beukenstraat 11 X 1", "Beukenstraat 11x-I", "address"),
        # A huisletter joins its number, set apart or not; hs and huis are the letter h.
        ("Beukenstraat 11a", "Beukenstraat 11 A", "address"),
        ("Beukenstraat 11a", "Beukenstraat 11-A", "address"),
        ("Beukenstraat 11a-2", "Beukenstraat 11 A II", "address"),
        ("Beukenstraat 11 hs", "Beukenstraat 11-H", "address"),
        ("Beukenstraat 11huis", "Beukenstraat 11 H", "address"),
        ("Kanaalweg 12, 3512 AB Utrecht", "Kanaalweg 12 3512AB Utrecht", "address"),
        # Street words written short.
        ("Beukenstr. 11", "Beukenstraat 11", "address"),
        ("Beukenstr 11a", "Beukenstraat 11 A", "address"),
        ("Nieuwe Str. 4", "Nieuwe Straat 4", "address"),
        ("Lindenln 3", "Lindenlaan 3", "address"),
        ("Kerkpln. 2", "Kerkplein 2", "address"),
        ("Dorpswg 7", "Dorpsweg 7", "address"),
        # Diacritics, as before; a house number with its letter moves as one word.
        ("Ruïnestraat 5", "Ruinestraat 5", "accents"),
        ("Kanaalweg 12 A", "12A Kanaalweg", "word order"),
    ],
)
def test_one_address_written_two_ways_is_grouped(a: str, b: str, reason: str) -> None:
    (group,) = similar_locations([a, b, a])
    assert group.spellings == ((a, 2), (b, 1))
    assert group.reasons == (reason,)


def test_the_spellings_of_a_toevoeging_form_one_group_apart_from_the_neighbours() -> None:
    names = [
        *["Beukenstraat 11-II"] * 3,
        "Beukenstraat 11 / II",
        "Beukenstraat 11/II",
        "Beukenstraat 11 II",
        "beukenstr. 11-2",
        "Beukenstraat 11",
        "Beukenstraat 111",
        "Beukenstraat 11a",
        "Beukenstraat 11 B",
        "Beukenstraat 11-III",
    ]
    (group,) = similar_locations(names)
    assert group.canonical == "Beukenstraat 11-II"
    assert {name for name, _ in group.spellings} == {
        "Beukenstraat 11-II",
        "Beukenstraat 11 / II",
        "Beukenstraat 11/II",
        "Beukenstraat 11 II",
        "beukenstr. 11-2",
    }
    assert group.reasons == ("accents", "address")
    assert group.total == 7


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


def test_a_column_of_names_is_read_as_the_register_reads_a_location_cell() -> None:
    """Names from a column are stripped as a register cell is (a blank one is no name), so the
    helper counts the locations the annual report counts: ``  KDV De Zon `` is ``KDV De Zon``, not a
    spelling of its own, and no suggested name ends in a space."""
    pd = pytest.importorskip("pandas")
    from klachtregels.report import build_report

    names = [*["KDV De Zon"] * 3, "  KDV De Zon ", "\u00a0BSO Mozaïek ", "BSO Mozaiek", "   ", None]
    frame = pd.DataFrame(
        {"id": [f"A{i}" for i in range(len(names))], "received_on": "2025-03-03", "location": names}
    )
    records = read_register_all(frame).records
    report = build_report(records, year=2025)
    from_column = similar_locations(frame["location"])
    assert from_column == similar_locations(records)
    assert [g.spellings for g in from_column] == [(("BSO Mozaïek", 1), ("BSO Mozaiek", 1))]
    assert report.data_quality.similar_locations == (("BSO Mozaïek", "BSO Mozaiek"),)
    rows = {g.name: g.total for g in report.by_location}
    assert rows["KDV De Zon"] == 4
    assert suggested_mapping(from_column) == {"BSO Mozaiek": "BSO Mozaïek"}


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u200e", "\u202e", "\ufeff"])
def test_a_name_with_an_invisible_character_is_refused_as_the_register_refuses_it(invisible: str) -> None:
    """The register refuses such a location (the report never shows it); the helper refuses it too,
    naming its position, never the name, instead of grouping it with the name it imitates."""
    from klachtregels.errors import InvalidInputError

    name = f"KDV De{invisible}Zon"
    with pytest.raises(InvalidInputError) as caught:
        similar_locations(["KDV De Zon", "KDV De Zon", name])
    assert str(caught.value).startswith("invalid locations: source[2]: holds an invisible character")
    assert "Zon" not in str(caught.value)
    with pytest.raises(InvalidInputError, match="source: holds an invisible character"):
        similar_locations({"KDV De Zon": 2, name: 1})
