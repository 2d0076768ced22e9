"""The published JSON Schemas equal the generated ones, and they accept and reject what they should."""

from __future__ import annotations

import csv
import datetime as dt
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import klachtregels.testing as kt
from klachtregels.cli import main
from klachtregels.model import Complaint, Party, Signal
from klachtregels.register import COLUMNS
from klachtregels.schema import complaint_schema, dumps, register_schema

DATA = Path(__file__).parent / "data" / "register"
SCHEMAS = resources.files("klachtregels.schemas")


@pytest.mark.parametrize(
    ("name", "build"),
    [("register.schema.json", register_schema), ("complaint.schema.json", complaint_schema)],
)
def test_published_schema_is_the_generated_one(name: str, build) -> None:  # type: ignore[no-untyped-def]
    published = SCHEMAS.joinpath(name).read_text(encoding="utf-8")
    assert published == dumps(build()), f"regenerate {name} with `klachtregels schema`"
    jsonschema.Draft202012Validator.check_schema(json.loads(published))


def test_every_documented_column_is_in_the_register_schema() -> None:
    assert set(register_schema()["properties"]) == {c.name for c in COLUMNS}


def _validator(schema: dict) -> jsonschema.Draft202012Validator:  # type: ignore[type-arg]
    return jsonschema.Draft202012Validator(schema)


def test_example_rows_validate() -> None:
    validator = _validator(register_schema())
    lines = (DATA / "example.jsonl").read_text(encoding="utf-8").splitlines()
    for line in filter(None, lines):
        validator.validate(json.loads(line))
    with (DATA / "example.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            record = {k: (v or None) for k, v in row.items()}
            if record.get("subjects"):
                record["subjects"] = record["subjects"].split(";")
            validator.validate(record)


@pytest.mark.parametrize(
    "record",
    [
        {"received_on": "03/24/2026x"},
        {"verdict": "misschien"},
        {"judgement_written": "soms"},
        {"subjects": ["conduct", "conduct"]},
        {"measures": [{"due_on": "2026-01-01", "colour": "red"}]},
    ],
)
def test_register_schema_rejects_bad_records(record: dict) -> None:  # type: ignore[type-arg]
    assert not _validator(register_schema()).is_valid(record)


def test_complaint_schema_accepts_to_dict_and_rejects_unknown_fields() -> None:
    complaint = Complaint(
        id="K1",
        received_on=dt.datetime(2026, 3, 24, 17, 45),
        channel="email",
        complainant=Party(role="parent", contract_party=True),
        subjects=["conduct"],
        signals=[Signal(kind="ambiguous", known_on=dt.date(2026, 3, 24))],
        location="KDV",
    )
    validator = _validator(complaint_schema())
    validator.validate(complaint.to_dict())
    validator.validate(Complaint().to_dict())
    assert not validator.is_valid({**complaint.to_dict(), "colour": "red"})
    assert not validator.is_valid({"channel": "fax"})
    assert not validator.is_valid({"signals": [{"known_on": "2026-01-01"}]})  # kind is required
    assert Complaint.from_dict(complaint.to_dict()) == complaint


@pytest.mark.parametrize(("which", "build"), [("register", register_schema), ("complaint", complaint_schema)])
def test_cli_prints_the_schema(which: str, build, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["schema", which]) == 0
    assert json.loads(capsys.readouterr().out) == build()


@settings(max_examples=100)
@given(kt.complaints())
def test_every_complaint_s_json_form_is_valid_under_the_schema(complaint: Complaint) -> None:
    # The schema is derived from the same attrs fields and types the structuring layer reads.
    _validator(complaint_schema()).validate(complaint.to_dict())
