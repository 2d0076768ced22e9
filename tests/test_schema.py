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
from hypothesis import strategies as st

import klachtregels.testing as kt
from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
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


# --------------------------------------------------------------------------------------------------
# The schemas and the structuring layer agree as far as a schema can say it (one input convention)
# --------------------------------------------------------------------------------------------------

_LABEL_FIELDS = ("id", "location", "category", "organisation")
_FORMAT_CHARS = "\u00ad\u200b\u200d\u200e\u202e\u2066\u2060\ufeff"


def _from_dict_accepts(data: dict) -> bool:  # type: ignore[type-arg]
    try:
        Complaint.from_dict(data)
    except InvalidInputError:
        return False
    return True


def test_the_format_character_class_is_every_bmp_format_character() -> None:
    """The pattern's class is Unicode category Cf up to U+FFFF (what invisible_problem refuses there)."""
    import re
    import unicodedata

    from klachtregels.schema import FORMAT_CHARACTERS, SPACE_CHARACTERS

    listed = re.compile(f"[{FORMAT_CHARACTERS}]")
    for code in range(0x10000):
        char = chr(code)
        assert bool(listed.fullmatch(char)) == (unicodedata.category(char) == "Cf"), hex(code)
    spaces = re.compile(f"[{SPACE_CHARACTERS}]")
    for code in range(0x10000):
        assert bool(spaces.fullmatch(chr(code))) == chr(code).isspace(), hex(code)


@pytest.mark.parametrize("field", _LABEL_FIELDS)
@pytest.mark.parametrize("char", _FORMAT_CHARS)
def test_a_name_with_an_invisible_character_is_refused_by_schema_and_from_dict(field: str, char: str) -> None:
    data = {field: f"KDV De{char}Zon"}
    assert not _from_dict_accepts(data)
    assert not _validator(complaint_schema()).is_valid(data)
    column = {"id": "id"}.get(field, field)
    assert not _validator(register_schema()).is_valid({column: f"KDV De{char}Zon"})
    assert _validator(complaint_schema()).is_valid({field: " KDV De Zon "})


@pytest.mark.parametrize("column", [c for c in COLUMNS if c.kind.value in ("text", "free_text")], ids=str)
def test_register_schema_and_reader_agree_on_invisible_characters(column, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A name or id column is refused by both; free text (a description, a person's name) by neither."""
    from klachtregels.register import read_register_all

    validator = _validator(register_schema())
    for text, plain in (("A\u200bB", "A B"), ("\u202eAB", "AB"), ("AB\u00ad", " AB ")):
        path = tmp_path / "r.jsonl"
        path.write_text(json.dumps({"received_on": "2026-03-03", column.name: text}) + "\n", encoding="utf-8")
        read = read_register_all(path)
        assert validator.is_valid({column.name: text}) == (not read.errors), column.name
        assert validator.is_valid({column.name: plain})
    labels = {"id", "complainant_id", "location", "category", "organisation", "measure_category",
              "gck_case_number", "gck_subject"}  # fmt: skip
    assert validator.is_valid({column.name: "A\u200bB"}) == (column.name not in labels)


@pytest.mark.parametrize(
    "day",
    ["2026-W10-2", "2026-W10", "2026W102", "\u0662\u0660\u0662\u0666-\u0660\u0663-\u0660\u0663",
     "\uff12\uff10\uff12\uff16-\uff10\uff13-\uff10\uff13", "2026-063", "20260303"],
)  # fmt: skip
def test_week_dates_and_non_ascii_digits_are_refused_by_schema_and_from_dict(day: str) -> None:
    # Python's \d is any Unicode digit: the patterns say [0-9], as ECMA-262 reads \d.
    assert not _from_dict_accepts({"received_on": day})
    assert not _validator(complaint_schema()).is_valid({"received_on": day})
    assert not _validator(register_schema()).is_valid({"received_on": day})


def test_a_format_asserting_validator_accepts_what_to_dict_writes() -> None:
    """format: date is on the day form only: a date-time (to_dict writes it without offset) is a pattern."""
    complaint = Complaint(id="K1", received_on=dt.datetime(2026, 3, 24, 17, 45), arose_on=dt.date(2026, 3, 2))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    validator = jsonschema.Draft202012Validator(complaint_schema(), format_checker=checker)
    assert validator.is_valid(complaint.to_dict())
    assert not validator.is_valid({"received_on": "2026-02-30"})
    assert not _from_dict_accepts({"received_on": "2026-02-30"})


def test_the_date_description_names_the_dutch_forms_and_refuses_week_dates() -> None:
    (day, *_rest) = complaint_schema()["properties"]["received_on"]["anyOf"]
    assert "dd-mm-jjjj" in day["description"]
    assert "3 maart 2026" in day["description"]
    assert "2026-W10-2" in day["description"]


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(["a", "0", " ", "-", "\t", "\u00a0", *_FORMAT_CHARS, "\u0600", "\ufffa"]),
        max_size=6,
    ),
    st.sampled_from(_LABEL_FIELDS),
)
def test_schema_and_from_dict_agree_on_label_text(text: str, field: str) -> None:
    """For text of BMP characters, a Label field is valid under the schema iff from_dict accepts it."""
    data = {field: text}
    assert _validator(complaint_schema()).is_valid(data) == _from_dict_accepts(data)
