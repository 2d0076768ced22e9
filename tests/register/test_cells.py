"""klachtregels.register.cells: one cell to one value; problems name the kind, never the value."""

from __future__ import annotations

import datetime as dt

import pytest
from register_helpers import assert_accounting, read_csv

from klachtregels._time import local_day
from klachtregels.messages import Message
from klachtregels.model import Channel, GckOutcome, Subject, Verdict
from klachtregels.register import COLUMNS
from klachtregels.register.cells import CellProblem, cell_reader, parse_bool, parse_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-03-24", dt.date(2026, 3, 24)),
        ("24-03-2026", dt.date(2026, 3, 24)),
        ("24/03/2026", dt.date(2026, 3, 24)),
        ("4-3-2026", dt.date(2026, 3, 4)),
        ("4/3/2026", dt.date(2026, 3, 4)),
        ("24.03.2026", dt.date(2026, 3, 24)),
        ("24 maart 2026", dt.date(2026, 3, 24)),
        ("2026-03-24T17:45:00", dt.datetime(2026, 3, 24, 17, 45)),
        ("2026-03-24 17:45", dt.datetime(2026, 3, 24, 17, 45)),
        ("24-03-2026 9:05", dt.datetime(2026, 3, 24, 9, 5)),
    ],
)
def test_accepted_dates(cell: str, expected: dt.date) -> None:
    (record,) = read_csv(f"received_on\n{cell}\n").records
    assert record.complaint.received_on == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("03/24/2026", "DATE_NOT_REAL"),
        ("31-02-2026", "DATE_NOT_REAL"),
        ("24-03-26", "DATE_FORMAT"),
        ("2026-02-30", "DATE_NOT_REAL_ISO"),
        ("morgen", "DATE_FORMAT"),
        ("45000", "DATE_FORMAT"),
        ("31 februari 2026", "DATE_NOT_REAL"),
    ],
)
def test_rejected_dates_name_the_column_and_the_problem_never_the_value(cell: str, code: str) -> None:
    result = read_csv(f"id,received_on\nK1,{cell}\n")
    assert result.records == ()
    (error,) = result.errors
    assert (error.row, error.column, error.code) == (2, "received_on", code)
    for lang in ("nl", "en"):
        assert cell not in error.describe(lang)
    assert cell not in str(error.to_dict())
    assert_accounting(result)


def test_an_instant_keeps_its_offset_and_its_day_is_amsterdams() -> None:
    """The reader derives no day itself (_time does): 23:30Z on 23 March is 24 March in Amsterdam."""
    (record,) = read_csv("received_on\n2026-03-23T23:30Z\n").records
    received = record.complaint.received_on
    assert isinstance(received, dt.datetime)
    assert received == dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC)
    assert local_day(received) == dt.date(2026, 3, 24)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("24 March 2026", dt.date(2026, 3, 24)),
        ("1 okt. 2026", dt.date(2026, 10, 1)),
        ("5 MEI 2026", dt.date(2026, 5, 5)),
    ],
)
def test_month_names_dutch_and_english(cell: str, expected: dt.date) -> None:
    assert parse_date(cell) == expected


def test_a_date_from_python_or_toml_is_kept_as_given() -> None:
    moment = dt.datetime(2026, 1, 2, 3, 4)
    assert parse_date(moment) is moment
    with pytest.raises(CellProblem) as info:
        parse_date(20260101)
    assert (info.value.code, info.value.params) == (
        "REGISTER_EXPECTED_DATE",
        {"got": Message("REGISTER_KIND_NUMBER")},
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ja", True),
        ("Nee", False),
        ("TRUE", True),
        ("false", False),
        ("yes", True),
        ("No", False),
        ("1", True),
        ("0", False),
    ],
)
def test_booleans(cell: str, expected: bool) -> None:
    (record,) = read_csv(f"extension_agreed\n{cell}\n").records
    assert record.complaint.extension_agreed is expected


@pytest.mark.parametrize(
    ("value", "expected"), [(True, True), (0, False), ("Waar", True), (" onwaar ", False)]
)
def test_booleans_from_json_and_every_word_of_the_table(value: object, expected: bool) -> None:
    assert parse_bool(value) is expected


def test_bad_boolean_rejects_row() -> None:
    result = read_csv("extension_agreed\nmisschien\n")
    assert result.errors[0].column == "extension_agreed"
    assert result.summary.rows_rejected == 1


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("gegrond", Verdict.GEGROND),
        ("Deels gegrond", Verdict.DEELS_GEGROND),
        ("deels", Verdict.DEELS_GEGROND),
        ("deels_gegrond", Verdict.DEELS_GEGROND),
        ("ONGEGROND", Verdict.ONGEGROND),
        ("niet gegrond", Verdict.ONGEGROND),
    ],
)
def test_verdict_aliases(cell: str, expected: Verdict) -> None:
    (record,) = read_csv(f"verdict\n{cell}\n").records
    assert record.judgement is not None
    assert record.judgement.verdict is expected


def test_ja_is_no_verdict_without_a_mapping() -> None:
    result = read_csv("verdict\nJa\n")
    assert result.errors[0].column == "verdict"


def test_subjects_list_with_pipe_and_duplicates() -> None:
    result = read_csv('subjects\n"gedrag|overeenkomst"\nconduct;conduct\n')
    assert result.records[0].complaint.subjects == (Subject.CONDUCT, Subject.AGREEMENT)
    assert result.errors[0].column == "subjects"


def test_huge_cell_rejects_the_row_without_echo() -> None:
    big = "x" * 1_100_000
    result = read_csv(f"id,description\nK1,{big}\nK2,kort\n")
    assert [r.complaint.id for r in result.records] == ["K2"]
    (error,) = result.errors
    assert (error.column, error.code) == ("description", "REGISTER_CELL_TOO_LONG")
    assert "xxxx" not in error.message


def test_free_text_is_never_echoed() -> None:
    result = read_csv("description,judgement_summary,received_on\ngeheim verhaal,geheim besluit,gisteren\n")
    for error in result.errors:
        assert "geheim" not in error.describe()


def test_measures_none_word_is_an_empty_tuple() -> None:
    (record,) = read_csv("measures\ngeen\n").records
    assert record.judgement is not None
    assert record.judgement.measures == ()


@pytest.mark.parametrize(
    ("column", "cell", "expected"),
    [
        ("verdict", "Gedeeltelijk gegrond", Verdict.DEELS_GEGROND),
        ("gck_outcome", "minnelijke schikking", GckOutcome.GESCHIKT),
        ("gck_outcome", "in behandeling", GckOutcome.PENDING),
        ("channel", "E-mail", Channel.EMAIL),
    ],
)
def test_words_from_the_one_vocabulary_table(column: str, cell: str, expected: object) -> None:
    (reader,) = [cell_reader(c) for c in COLUMNS if c.name == column]
    assert reader(cell) is expected


def test_the_same_words_in_csv_json_lines_and_json() -> None:
    """One vocabulary for every format: the same words give the same values."""
    import io
    import json

    from klachtregels.register import read_register_all

    rows = [{"subjects": ["gedrag", "Working-Method"], "verdict": "deels", "judgement_written": "Ja"}]
    csv_text = 'subjects,verdict,judgement_written\n"gedrag;Working-Method",deels,Ja\n'
    results = [
        read_register_all(io.StringIO(csv_text), format="csv"),
        read_register_all(io.StringIO(json.dumps(rows[0]) + "\n"), format="jsonl"),
        read_register_all(io.StringIO(json.dumps(rows)), format="json"),
    ]
    seen = {(r.records[0].complaint.subjects, r.records[0].judgement) for r in results}
    assert len(seen) == 1
    ((subjects, judgement),) = seen
    assert subjects == (Subject.CONDUCT, Subject.WORKING_METHOD)
    assert judgement is not None
    assert (judgement.verdict, judgement.written) == (Verdict.DEELS_GEGROND, True)


def test_unknown_word_suggests_a_word_of_the_vocabulary_not_the_input() -> None:
    result = read_csv("verdict\ngegrnd\n")
    (error,) = result.errors
    assert error.code == "REGISTER_UNKNOWN_WORD_CLOSE"
    assert "did you mean gegrond?" in error.message
    assert "bedoelt u gegrond?" in error.text("nl")
    assert "gegrnd" not in error.describe("en")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (5, "REGISTER_EXPECTED_WORD"),
        ([1], "REGISTER_LIST_ITEM_NOT_WORD"),
        ({"a": 1}, "REGISTER_EXPECTED_LIST"),
    ],
)
def test_json_values_of_the_wrong_kind_name_their_kind(value: object, code: str) -> None:
    column = "verdict" if code == "REGISTER_EXPECTED_WORD" else "subjects"
    (reader,) = [cell_reader(c) for c in COLUMNS if c.name == column]
    with pytest.raises(CellProblem) as info:
        reader(value)
    assert info.value.code == code


def test_repeated_cells_are_read_once_and_give_the_same_value() -> None:
    result = read_csv("received_on,verdict\n24-03-2026,deels\n24-03-2026,deels\nmorgen,x\nmorgen,deels\n")
    first, second = result.records
    assert first.complaint.received_on is second.complaint.received_on
    assert first.complaint.received_on == dt.date(2026, 3, 24)
    # a bad cell is rejected again each time, never remembered as a value
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (4, "received_on", "DATE_FORMAT"),
        (4, "verdict", "REGISTER_UNKNOWN_WORD"),
        (5, "received_on", "DATE_FORMAT"),
    ]
    assert_accounting(result)


def test_blank_and_text_cells() -> None:
    (column,) = [c for c in COLUMNS if c.name == "location"]
    reader = cell_reader(column)
    assert reader("  KDV A ") == "KDV A"
    assert reader("   ") is None
    assert reader(None) is None
    assert reader(42) == "42"
    with pytest.raises(CellProblem) as info:
        reader(["x"])
    assert info.value.params == {"got": Message("REGISTER_KIND_ARRAY")}
