"""klachtregels.register.mapping: column mappings (TOML), their checks and their use by the reader."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from register_helpers import read_csv

from klachtregels.model import Channel
from klachtregels.register import COLUMNS, ColumnMapping, MappingError

if TYPE_CHECKING:
    from pathlib import Path


def test_mapping_defaults_fill_absent_columns_only() -> None:
    mapping = ColumnMapping(defaults={"channel": "web_form", "organisation": "X B.V."})
    result = read_csv("id,organisation\nK1,\nK2,Y B.V.\n", mapping=mapping)
    a, b = result.records
    assert a.complaint.channel is Channel.WEB_FORM
    assert a.complaint.organisation is None  # the file has the column: its empty cell stays unknown
    assert b.complaint.organisation == "Y B.V."
    assert result.summary.defaults_applied == ("channel",)


def test_mapping_value_to_empty_means_unknown() -> None:
    mapping = ColumnMapping(values={"gck_outcome": {"onbekend": ""}})
    (record,) = read_csv("gck_case_number,gck_outcome\n12,Onbekend\n", mapping=mapping).records
    assert record.filing is not None
    assert record.filing.outcome is None


def test_mapping_ignore_suppresses_unknown_column_warning() -> None:
    mapping = ColumnMapping(ignore=("kleur",))
    result = read_csv("id,kleur\nK1,rood\n", mapping=mapping)
    assert result.summary.unknown_columns == ()


@pytest.mark.parametrize(
    "toml",
    [
        '[columns]\nlocatie = "plaats"\n',
        '[columns]\na = "verdict"\nb = "verdict"\n',
        '[values.verdict]\nJa = "gegrondd"\n',
        '[values.received_on]\nmorgen = "2026-01-01"\n',
        '[values.kleur]\nrood = "red"\n',
        '[values.extension_agreed]\nmisschien = "soms"\n',
        '[defaults]\nchannel = "fax"\n',
        '[defaults]\nkleur = "rood"\n',
        "[extra]\na = 1\n",
        "[columns\n",
        'ignore = "bijlage"\n',
    ],
)
def test_invalid_mappings(toml: str) -> None:
    with pytest.raises(MappingError):
        ColumnMapping.from_toml(toml, name="test")


def test_mapping_file_and_builtin(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text('[columns]\nnummer = "id"\n', encoding="utf-8")
    (record,) = read_csv("nummer\n7\n", mapping=path).records
    assert record.complaint.id == "7"
    assert ColumnMapping.builtin("partou").columns["gegrond"] == "verdict"
    with pytest.raises(MappingError, match="built-in"):
        ColumnMapping.builtin("nobody")


def test_register_mapping_targets_must_fit_the_gck_reader() -> None:
    from klachtregels.register import read_gck_cases

    with pytest.raises(MappingError, match="not a column"):
        read_gck_cases(io.BytesIO(b"x\n"), format="csv", mapping=ColumnMapping(columns={"x": "verdict"}))


def test_to_dict_round_trips_the_shipped_mappings() -> None:
    for name in ("partou", "partou_geschillen"):
        mapping = ColumnMapping.builtin(name)
        assert ColumnMapping.from_dict(mapping.to_dict()) == mapping
        assert mapping.description is not None


def test_every_problem_at_once_in_both_languages_with_a_suggestion() -> None:
    with pytest.raises(MappingError) as info:
        ColumnMapping.from_toml(
            '[columns]\nplaats = "locaton"\n[values.verdict]\nJa = "gegrondd"\n', name="m"
        )
    error = info.value
    assert [p.code for p in error.problems] == ["REGISTER_MAPPING_UNKNOWN_TARGET", "REGISTER_MAPPING_VALUE"]
    assert "unknown target column locaton (location?)" in str(error)
    assert str(error).startswith("invalid column mapping m: ")
    assert error.render("nl").startswith("ongeldige kolomkoppeling m: [columns] plaats: onbekende doelkolom")


def test_a_bad_shape_is_reported_with_the_entries_problems_and_a_suggestion_for_the_table() -> None:
    # An unknown table (a typo of [values]) and a bad `ignore` are reported together with the
    # problems of the [columns] and [defaults] entries, not one run at a time.
    with pytest.raises(MappingError) as info:
        ColumnMapping.from_toml(
            'ignore = "bijlage"\n[columns]\nplaats = "locaton"\n[valuez.verdict]\nJa = "gegrond"\n'
            '[defaults]\nchanel = "email"\n',
            name="m",
        )
    error = info.value
    assert [p.code for p in error.problems] == [
        "REGISTER_MAPPING_UNKNOWN_TABLES",
        "REGISTER_MAPPING_IGNORE_NOT_LIST",
        "REGISTER_MAPPING_UNKNOWN_TARGET",
        "REGISTER_MAPPING_UNKNOWN_DEFAULT",
    ]
    assert "unknown table(s) valuez (values?)" in str(error)
    assert "unknown target column locaton (location?)" in str(error)
    assert "[defaults] unknown column chanel (channel?)" in str(error)
    assert "onbekende tabel(len) valuez (values?)" in error.render("nl")
    # A table of the wrong shape is reported once, its entries not read.
    with pytest.raises(MappingError) as info:
        ColumnMapping.from_dict({"columns": ["plaats"], "defaults": {"chanel": "email"}})
    assert [p.code for p in info.value.problems] == [
        "REGISTER_MAPPING_COLUMNS_NOT_TABLE",
        "REGISTER_MAPPING_UNKNOWN_DEFAULT",
    ]


_NAMES = st.sampled_from([c.name for c in COLUMNS] + ["kleur", "plaats"])
_WORDS = st.sampled_from(["ja", "nee", "gegrond", "", "email", "x", "2026-01-01", "true"])


@settings(max_examples=150)
@given(
    columns=st.dictionaries(st.text(min_size=1, max_size=8), _NAMES, max_size=4),
    values=st.dictionaries(_NAMES, st.dictionaries(st.text(max_size=6), _WORDS, max_size=3), max_size=3),
    defaults=st.dictionaries(_NAMES, _WORDS, max_size=3),
    ignore=st.lists(st.text(max_size=6), max_size=3),
)
def test_any_mapping_is_rejected_with_problems_or_round_trips(
    columns: dict[str, str],
    values: dict[str, dict[str, str]],
    defaults: dict[str, str],
    ignore: list[str],
) -> None:
    data = {"columns": columns, "values": values, "defaults": defaults, "ignore": ignore}
    problems: tuple[object, ...] = ()
    try:
        mapping = ColumnMapping.from_dict(data)
    except MappingError as exc:
        problems = exc.problems
        rendered = [exc.render(lang) for lang in ("nl", "en")]
    else:
        assert ColumnMapping.from_dict(mapping.to_dict()) == mapping
        return
    assert problems
    assert all(rendered)
