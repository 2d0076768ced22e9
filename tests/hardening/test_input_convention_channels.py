"""One input convention in every channel: text, ISO week dates and the wrong-type date message.

* Text of a record (ids, names, locations, categories, descriptions) is stripped and a blank text is
  unknown in a register cell (CSV, JSON Lines), the complaint JSON of ``klachtregels assess``,
  ``from_dict`` and the organisation file's locations: the same record through CSV and through
  ``from_dict`` is the same object (docs/register.md, Values).
* An ISO week date (``2026-W10-2``) is no date in any channel: CSV, JSON Lines, complaint JSON,
  ``from_dict``, TOML and the command line refuse it alike (``DATE_FORMAT``).
* A value of another kind where a date is expected (a JSON number, a TOML integer) is refused with a
  message naming the accepted forms, Dutch and English, as every other date message names them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels._cli._options import DATE_HELP
from klachtregels._cli.assess import read_input
from klachtregels.cli import main
from klachtregels.convert import ProblemText
from klachtregels.errors import InvalidInputError
from klachtregels.messages import text
from klachtregels.model import Channel, Complaint, RegisterRecord, Verdict
from klachtregels.organisation import load_organisation, parse_organisation
from klachtregels.register import RegisterResult, read_register_all

ROOT = Path(__file__).resolve().parents[2]
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")  # fmt: skip


def _csv(path: Path, row: dict[str, str]) -> RegisterResult:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    return read_register_all(path)


def _jsonl(path: Path, row: dict[str, Any]) -> RegisterResult:
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return read_register_all(path)


def _one(result: RegisterResult) -> RegisterRecord:
    assert not result.errors, [e.describe() for e in result.errors]
    (record,) = result.records
    return record


def _problem(result: RegisterResult) -> str:
    assert not result.records
    (error,) = result.errors
    return error.describe()


# --------------------------------------------------------------------------------------------------
# 1. Text: the same record through CSV and through from_dict
# --------------------------------------------------------------------------------------------------

_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=1, max_size=8
)
_PAD = st.sampled_from(("", " ", "  ", "   "))


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """A text as a hand-typed cell holds it: words with spaces between and around, or blank."""
    words = draw(st.lists(_WORD, max_size=3))
    return draw(_PAD) + " ".join(words) + draw(_PAD)


@st.composite
def _dates(draw: st.DrawFn, day: dt.date) -> str:
    """``day`` in one of the accepted forms, perhaps padded."""
    form = draw(st.sampled_from(("iso", "dash", "slash", "dot", "month")))
    written = {
        "iso": day.isoformat(),
        "dash": f"{day.day:02d}-{day.month:02d}-{day.year}",
        "slash": f"{day.day}/{day.month}/{day.year}",
        "dot": f"{day.day}.{day.month}.{day.year}",
        "month": f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}",
    }[form]
    return draw(_PAD) + written + draw(_PAD)


@st.composite
def _word_of(draw: st.DrawFn, values: tuple[str, ...]) -> str:
    """A vocabulary value in another case, ``_`` as a space, padded."""
    value = draw(st.sampled_from(values))
    value = draw(st.sampled_from((value, value.upper(), value.replace("_", " ").title())))
    return draw(_PAD) + value + draw(_PAD)


#: Register column -> where from_dict holds it.
_PLACES = {
    "id": ("complaint", "id"),
    "received_on": ("complaint", "received_on"),
    "channel": ("complaint", "channel"),
    "complainant_role": ("complaint", "complainant", "role"),
    "complainant_id": ("complaint", "complainant", "id"),
    "complainant_name": ("complaint", "complainant", "name"),
    "location": ("complaint", "location"),
    "category": ("complaint", "category"),
    "organisation": ("complaint", "organisation"),
    "description": ("complaint", "description"),
    "judgement_sent_on": ("judgement", "sent_on"),
    "verdict": ("judgement", "verdict"),
    "judgement_summary": ("judgement", "summary"),
    "measure_description": ("judgement", "measures", 0, "description"),
    "measure_due_on": ("judgement", "measures", 0, "due_on"),
    "measure_category": ("judgement", "measures", 0, "category"),
    "gck_filed_on": ("filing", "filed_on"),
    "gck_case_number": ("filing", "case_number"),
    "gck_subject": ("filing", "subject"),
}


def _as_dict(row: dict[str, str]) -> dict[str, Any]:
    """The register row as the JSON form ``from_dict`` reads, every value the same text."""
    out: dict[str, Any] = {"complaint": {}, "judgement": {"measures": [{}]}, "filing": {}}
    for column, value in row.items():
        *path, last = _PLACES[column]
        node: Any = out
        for step in path:
            node = node.setdefault(step, {}) if isinstance(node, dict) else node[step]
        node[last] = value
    return out


@st.composite
def _rows(draw: st.DrawFn) -> dict[str, str]:
    received = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    later = received + dt.timedelta(days=draw(st.integers(0, 60)))
    row = {column: draw(_texts()) for column in _PLACES}
    row |= {
        "received_on": draw(_dates(received)),
        "judgement_sent_on": draw(_dates(later)),
        "measure_due_on": draw(_dates(later)),
        "gck_filed_on": draw(_dates(later)),
        "channel": draw(_word_of(tuple(Channel))),
        "verdict": draw(_word_of(tuple(Verdict))),
        "complainant_role": draw(_word_of(("parent", "guardian"))),
    }
    return row


@settings(max_examples=60, deadline=None)
@given(row=_rows())
def test_a_record_through_csv_json_lines_and_from_dict_is_one_object(
    tmp_path_factory: Any, row: dict[str, str]
) -> None:
    folder = tmp_path_factory.mktemp("channels")
    from_csv = attrs_evolve_row(_one(_csv(folder / "register.csv", row)))
    from_jsonl = attrs_evolve_row(_one(_jsonl(folder / "register.jsonl", row)))
    from_dict = RegisterRecord.from_dict(_as_dict(row))
    assert from_csv == from_dict
    assert from_jsonl == from_dict
    # The complaint JSON of `klachtregels assess` is the same structuring layer.
    path = folder / "complaint.json"
    doc = _as_dict(row)
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert read_input(str(path))["complaint"] == from_dict.complaint


def attrs_evolve_row(record: RegisterRecord) -> RegisterRecord:
    """``record`` without its row number (where it came from, not what it says)."""
    import attrs

    return attrs.evolve(record, row=None)


def test_text_with_spaces_around_reads_as_the_register_reads_it() -> None:
    """Each kind of text field: an id, a location, a category, free text, a case number."""
    record = RegisterRecord.from_dict(
        {
            "complaint": {
                "id": " K-1 ",
                "complainant": {"id": "\tP-7 ", "name": " Ouder A "},
                "location": "  De Boomhut ",
                "category": " Eten\n",
                "organisation": " Org ",
                "description": " Zie brief. ",
            },
            "judgement": {
                "summary": " Gegrond. ",
                "measures": [{"description": " Protocol ", "category": " Werkwijze "}],
            },
            "filing": {"case_number": " 123 ", "subject": " Tarief "},
        }
    )
    c = record.complaint
    assert (c.id, c.location, c.category, c.organisation, c.description) == (
        "K-1",
        "De Boomhut",
        "Eten",
        "Org",
        "Zie brief.",
    )
    assert c.complainant is not None
    assert (c.complainant.id, c.complainant.name) == ("P-7", "Ouder A")
    assert record.judgement is not None
    assert record.judgement.summary == "Gegrond."
    assert record.judgement.measures is not None
    (measure,) = record.judgement.measures
    assert (measure.description, measure.category) == ("Protocol", "Werkwijze")
    assert record.filing is not None
    assert (record.filing.case_number, record.filing.subject) == ("123", "Tarief")


def test_blank_text_is_unknown_as_a_blank_cell() -> None:
    complaint = Complaint.from_dict({"id": "  ", "location": "", "description": "\t"})
    assert (complaint.id, complaint.location, complaint.description) == (None, None, None)


def test_a_measures_cell_reads_its_text_as_the_measure_columns(tmp_path: Path) -> None:
    """Within the register too: the JSON ``measures`` cell (read by ``Measure.from_dict``) and the
    ``measure_description`` and ``measure_category`` columns give the same measure."""
    base = {"id": "K-1", "received_on": "2026-03-02", "judgement_sent_on": "2026-03-09"}
    by_columns = _one(
        _csv(
            tmp_path / "a.csv",
            {**base, "measure_description": " Protocol ", "measure_category": " Werkwijze "},
        )
    )
    cell = json.dumps([{"description": " Protocol ", "category": " Werkwijze "}])
    by_cell = _one(_csv(tmp_path / "b.csv", {**base, "measures": cell}))
    assert by_columns.judgement is not None
    assert by_cell.judgement is not None
    assert by_cell.judgement.measures == by_columns.judgement.measures
    assert by_cell.judgement.measures is not None
    assert by_cell.judgement.measures[0].description == "Protocol"


def test_an_organisation_location_matches_the_register_spelling(tmp_path: Path) -> None:
    """A location listed with spaces around it in the organisation file is the register's location
    (the report shows and pseudonymises locations by name, R9 lid 6)."""
    organisation = parse_organisation(
        {"name": "X", "locations": [{"name": " KDV De Boomhut ", "kind": "gastouderbureau"}]}
    )
    assert organisation.location("KDV De Boomhut") is not None
    path = tmp_path / "organisation.toml"
    path.write_text(
        'name = "X"\n[[locations]]\nname = "  KDV De Boomhut "\nlrk = "123456789"\n', encoding="utf-8"
    )
    assert load_organisation(path).locations[0].name == "KDV De Boomhut"


def test_a_required_text_that_is_blank_is_still_refused() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_organisation({"name": "X", "locations": [{"name": "   "}]})
    assert info.value.problems == (("locations[0].name", "must not be empty"),)


def test_a_checked_name_is_stripped_and_then_checked() -> None:
    """An id or a location is a checked text (``model.Label``: no invisible character, R9 lid 5): the
    spaces around it go as in a register cell, and a hidden character inside is still refused, by
    field and never by value. (The check once kept these fields from being stripped at all.)"""
    complaint = Complaint.from_dict({"id": " K-1 ", "location": "\tDe Zon ", "category": "  "})
    assert (complaint.id, complaint.location, complaint.category) == ("K-1", "De Zon", None)
    with pytest.raises(InvalidInputError) as info:
        Complaint.from_dict({"id": " K-\u200b1 ", "location": " De Zon "})
    ((path, problem),) = info.value.problems
    assert path == "id"
    assert "invisible character" in problem
    assert "K-" not in str(info.value)


# --------------------------------------------------------------------------------------------------
# 2. ISO week dates: refused in every channel
# --------------------------------------------------------------------------------------------------

WEEK_DATES = ["2026-W10-2", "2026-W10-2T09:00", "2026-W10T09:00", "2026-W10-2 09:00:00+01:00", "2026-w10-2"]
FORMAT = "not a date in an accepted format"


@pytest.mark.parametrize("week", WEEK_DATES)
def test_a_week_date_is_refused_in_a_register_cell(tmp_path: Path, week: str) -> None:
    row = {"id": "K-1", "received_on": "2026-03-02", "channel": "email", "arose_on": week}
    assert f"column arose_on: {FORMAT}" in _problem(_csv(tmp_path / "r.csv", row))
    assert f"column arose_on: {FORMAT}" in _problem(_jsonl(tmp_path / "r.jsonl", row))


@pytest.mark.parametrize("week", WEEK_DATES)
def test_a_week_date_is_refused_by_from_dict_and_complaint_json(tmp_path: Path, week: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Complaint.from_dict({"received_on": week})
    assert [(p, m.split(";")[0]) for p, m in info.value.problems] == [("received_on", FORMAT)]
    path = tmp_path / "complaint.json"
    path.write_text(json.dumps({"complaint": {"received_on": week}}), encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        read_input(str(path))
    assert "complaint.received_on: " + FORMAT in str(info.value)


@pytest.mark.parametrize("week", WEEK_DATES)
def test_a_week_date_is_refused_in_toml(tmp_path: Path, week: str) -> None:
    path = tmp_path / "organisation.toml"
    path.write_text(
        f'name = "X"\n[[annual_reports]]\nyear = 2025\nsent_to_ggd_on = "{week}"\n', encoding="utf-8"
    )
    with pytest.raises(InvalidInputError) as info:
        load_organisation(path)
    assert f"annual_reports[0].sent_to_ggd_on: {FORMAT}" in str(info.value)


@pytest.mark.parametrize("week", WEEK_DATES)
def test_a_week_date_is_refused_on_the_command_line(capsys: pytest.CaptureFixture[str], week: str) -> None:
    assert main(["deadline", week]) == 2
    err = capsys.readouterr().err
    assert f"DATE: {FORMAT}" in err
    assert "Traceback" not in err
    assert main(["deadline", "2026-03-03"]) == 0  # the calendar date of that week date is read


def test_a_week_date_time_is_refused_where_only_a_date_time_is_read() -> None:
    """``Deadline.from_dict``'s moment, the one field read as a date-time only."""
    from klachtregels import convert

    with pytest.raises(InvalidInputError):
        convert.structure("2026-W10-2T09:00+01:00", dt.datetime)
    assert convert.structure("2026-03-03T09:00+01:00", dt.datetime).day == 3


def test_the_date_help_points_to_the_forms_that_are_read() -> None:
    """DATE_HELP names two forms and the documented list; that list names no week date, and both
    examples are read."""
    from klachtregels._time import read_date

    assert "docs/register.md#values" in DATE_HELP
    for example in ("2026-05-07", "7-5-2026"):
        assert example in DATE_HELP
        assert read_date(example) == dt.date(2026, 5, 7)
    values = (ROOT / "docs" / "register.md").read_text(encoding="utf-8").split("## Values", 1)[1]
    dates = values.split("**Booleans**", 1)[0]
    assert "ISO week dates (`2026-W10-2`" in dates  # named among the refused forms


# --------------------------------------------------------------------------------------------------
# 3. A value of another kind where a date is expected: the message names the accepted forms
# --------------------------------------------------------------------------------------------------

FORMS = {
    "en": "YYYY-MM-DD, dd-mm-jjjj, d/m/jjjj, 3 maart 2026 or 3 March 2026",
    "nl": "JJJJ-MM-DD, dd-mm-jjjj, d/m/jjjj, 3 maart 2026 of 3 March 2026",
}


@pytest.mark.parametrize("value", [20260303, 3.5, True, ["2026-03-03"]])
def test_from_dict_names_the_accepted_forms_for_a_wrong_type(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        Complaint.from_dict({"received_on": value})
    ((path, message),) = info.value.problems
    assert path == "received_on"
    assert isinstance(message, ProblemText)
    for lang, forms in FORMS.items():
        assert forms in message.render(lang)
    assert "20260303" not in message


def test_a_toml_integer_date_names_the_accepted_forms(tmp_path: Path) -> None:
    path = tmp_path / "organisation.toml"
    path.write_text(
        'name = "X"\n[[annual_reports]]\nyear = 2025\nsent_to_ggd_on = 20260303\n', encoding="utf-8"
    )
    with pytest.raises(InvalidInputError) as info:
        load_organisation(path)
    assert f"annual_reports[0].sent_to_ggd_on: expected a date ({FORMS['en']})" in str(info.value)
    assert "20260303" not in str(info.value)


def test_a_json_lines_number_date_names_the_accepted_forms(tmp_path: Path) -> None:
    result = _jsonl(tmp_path / "r.jsonl", {"id": "K-1", "received_on": 20260303})
    assert not result.records
    (error,) = result.errors
    assert FORMS["en"] in error.describe()
    assert FORMS["nl"] in error.text("nl")
    assert "20260303" not in error.describe()


def test_every_date_message_names_the_same_forms() -> None:
    for code in ("DATE_FORMAT", "DATE_NOT_REAL_ISO", "VALUE_ISO_DATE"):
        for lang, forms in FORMS.items():
            assert forms in text(code, lang), (code, lang)
    for lang, forms in FORMS.items():
        assert forms in text("REGISTER_EXPECTED_DATE", lang, got="x"), lang
