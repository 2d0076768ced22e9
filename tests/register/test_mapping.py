"""klachtregels.register.mapping: column mappings (TOML), their checks and their use by the reader."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from register_helpers import read_csv

from klachtregels.model import Channel
from klachtregels.register import ColumnMapping, MappingError

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
