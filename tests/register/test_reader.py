"""klachtregels.register.reader: the example registers, headers, row errors, counting, streaming."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import TYPE_CHECKING

import pytest
from register_helpers import DATA, assert_accounting, csv_bytes, read_csv

from klachtregels.errors import KlachtregelsError, RegisterError
from klachtregels.model import (
    About,
    Channel,
    GckOutcome,
    PartyRole,
    RegisterRecord,
    SignalKind,
    Subject,
    Verdict,
)
from klachtregels.register import (
    ColumnMapping,
    RowError,
    RowRejectedError,
    read_register,
    read_register_all,
)

if TYPE_CHECKING:
    from pathlib import Path


def test_example_csv_reads_every_documented_kind_of_cell() -> None:
    result = read_register_all(DATA / "example.csv")
    assert result.errors == ()
    assert [r.row for r in result.records] == [2, 3, 4]
    first, second, third = result.records
    c = first.complaint
    assert c.id == "K-001"
    assert c.received_on == dt.date(2026, 3, 24)
    assert c.channel is Channel.EMAIL
    assert c.complainant is not None
    assert c.complainant.role is PartyRole.PARENT
    assert c.subjects == (Subject.CONDUCT, Subject.AGREEMENT)
    assert c.about is About.STAFF
    assert c.signals == ()  # 'geen': checked, none
    assert first.judgement is not None
    assert first.judgement.verdict is Verdict.DEELS_GEGROND
    assert first.judgement.written is True
    (measure,) = first.judgement.measures or ()
    assert measure.due_on == dt.date(2026, 6, 1)
    assert measure.has_concrete_term is True
    assert first.filing is None
    # K-002: a Dutch date-time, no judgement columns filled -> judgement None; signals empty -> None.
    assert second.complaint.received_on == dt.datetime(2026, 3, 24, 14, 30)
    assert second.judgement is None
    assert second.complaint.signals is None
    # K-003: d/m/jjjj is Dutch, never US: 2 January.
    assert third.complaint.received_on == dt.date(2026, 1, 2)
    assert third.complaint.channel is Channel.LETTER
    assert third.complaint.complainant is not None
    assert third.complaint.complainant.role is PartyRole.GRANDPARENT
    (signal,) = third.complaint.signals or ()
    assert signal.kind is SignalKind.ABUSE_AT_HOME
    assert signal.known_on == dt.date(2026, 1, 5)
    assert third.judgement is not None
    assert third.judgement.reasoned is False
    assert third.filing is not None
    assert third.filing.outcome is GckOutcome.GESCHIKT
    assert third.filing.filed_on == dt.date(2026, 3, 1)
    assert result.summary.unknown_columns == ()
    assert "measure_due_on" in result.summary.columns
    assert_accounting(result)


def test_example_jsonl_with_blank_line() -> None:
    result = read_register_all(DATA / "example.jsonl")
    assert result.errors == ()
    assert result.summary.skipped_blank_lines == 1
    assert [r.row for r in result.records] == [1, 2, 4]
    a, b, c = result.records
    assert a.complaint.subjects == (Subject.CONDUCT, Subject.AGREEMENT)
    assert a.judgement is not None
    assert a.judgement.measures is not None
    assert a.judgement.measures[0].due_on == dt.date(2026, 6, 1)
    assert b.complaint.received_on == dt.date(2026, 3, 24)
    assert b.judgement is None  # null is unknown
    assert c.complaint.id == "3"
    assert c.complaint.received_on == dt.datetime(2026, 1, 2, 9, 15)
    assert _contract_party(c) is False
    assert c.judgement is not None
    assert c.judgement.measures == ()
    assert c.filing is not None
    assert c.filing.outcome is GckOutcome.GESCHIKT


def _contract_party(record: RegisterRecord) -> bool | None:
    assert record.complaint.complainant is not None
    return record.complaint.complainant.contract_party


def test_json_array(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps([{"id": "a", "verdict": "gegrond"}, {"id": "b", "channel": "fax"}, 5]))
    result = read_register_all(path)
    assert [r.complaint.id for r in result.records] == ["a"]
    assert result.summary.rows_read == 3
    assert result.summary.rows_rejected == 2
    assert {e.row for e in result.errors} == {2, 3}
    assert result.errors[0].column == "channel"
    assert result.errors[0].code == "REGISTER_UNKNOWN_WORD"
    assert "fax" not in result.errors[0].describe()


def test_partial_columns_are_unknown_facts() -> None:
    result = read_csv("location,verdict\nKDV A,\n,ongegrond\n")
    a, b = result.records
    assert a.complaint.location == "KDV A"
    assert a.complaint.received_on is None
    assert a.complaint.channel is None
    assert a.complaint.signals is None
    assert a.judgement is None  # no judgement column has a value
    assert b.complaint.location is None
    assert b.judgement is not None
    assert b.judgement.written is None


def test_too_many_and_too_few_cells_reject_the_row() -> None:
    result = read_csv("id,verdict\nK1,gegrond,extra\nK2\nK3,ongegrond\n")
    assert [r.complaint.id for r in result.records] == ["K3"]
    assert [(e.row, e.column) for e in result.errors] == [(2, None), (3, None)]
    assert_accounting(result)


def test_duplicate_header_is_an_error() -> None:
    with pytest.raises(RegisterError, match="repeats"):
        read_csv("id,verdict,ID\n1,gegrond,2\n")


def test_two_headers_for_one_field_is_an_error() -> None:
    mapping = ColumnMapping(columns={"gegrond": "verdict"})
    with pytest.raises(RegisterError, match="both give verdict"):
        read_csv("verdict,gegrond\ngegrond,Ja\n", mapping=mapping)


def test_headerless_file_is_an_error_without_echoing_data() -> None:
    with pytest.raises(RegisterError, match="header") as info:
        read_csv("Jan Jansen,boos over de opvang\nPiet,ook boos\n")
    assert "Jansen" not in str(info.value)


def test_unknown_columns_are_listed_not_fatal() -> None:
    result = read_csv("id,kleur,verdict,\nK1,rood,gegrond,\n")
    assert result.summary.unknown_columns == ("kleur",)
    assert result.records[0].complaint.id == "K1"


def test_header_names_are_case_and_space_insensitive() -> None:
    (record,) = read_csv("ID,Received On,VERDICT\nK1,2026-01-05,gegrond\n").records
    assert record.complaint.received_on == dt.date(2026, 1, 5)


def test_strict_raises_at_the_first_rejected_row() -> None:
    reader = read_register(csv_bytes("id,verdict\nK1,gegrond\nK2,nee\nK3,x\n"), format="csv", strict=True)
    seen: list[str | None] = []

    def consume() -> None:
        for record in reader:
            seen.append(record.complaint.id)

    with pytest.raises(RowRejectedError, match="row 3") as info:
        consume()
    assert seen == ["K1"]
    assert info.value.errors[0].column == "verdict"
    assert isinstance(info.value, KlachtregelsError)


def test_path_can_be_read_twice_stream_only_once(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id\nK1\n", encoding="utf-8")
    reader = read_register(path)
    assert len(list(reader)) == len(list(reader)) == 1
    assert reader.summary.rows_read == 1
    stream_reader = read_register(io.BytesIO(b"id\nK1\n"), format="csv")
    list(stream_reader)
    with pytest.raises(RegisterError, match="already read"):
        list(stream_reader)


def test_summary_is_incomplete_during_iteration() -> None:
    reader = read_register(csv_bytes("id\nK1\nK2\n"), format="csv")
    it = iter(reader)
    next(it)
    assert reader.summary.complete is False
    assert reader.summary.rows_read == 1
    list(it)
    assert reader.summary.complete is True


def test_jsonl_bad_lines() -> None:
    text = '{"id": "a"}\nnot json\n[1]\n{"id": "b", "id": "c"}\n{"verdict": 5}\n'
    result = read_register_all(io.StringIO(text), format="jsonl")
    assert [r.complaint.id for r in result.records] == ["a"]
    assert [(e.row, e.column) for e in result.errors] == [(2, None), (3, None), (4, None), (5, "verdict")]
    assert_accounting(result)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Ontvangen op", "received_on"),
        ("kanaal", "channel"),
        ("Date-Received", "received_on"),
        ("omschrijving", "description"),
    ],
)
def test_dutch_and_english_header_names(header: str, column: str) -> None:
    result = read_csv(f"{header}\n2026-01-05\n" if column == "received_on" else f"{header}\nemail\n")
    assert result.summary.columns == (column,)
    assert result.summary.unknown_columns == ()


def test_a_mapping_ignore_wins_over_a_header_alias() -> None:
    result = read_csv("id,locatie\nK1,KDV A\n", mapping=ColumnMapping(ignore=("Locatie",)))
    assert result.records[0].complaint.location is None
    assert result.summary.unknown_columns == ()


def test_row_errors_render_in_dutch_and_english_and_to_json() -> None:
    result = read_csv("id,verdict\nK1,gegrond,extra\n")
    (error,) = result.errors
    assert isinstance(error, RowError)
    assert error.describe("en") == "row 2: the row has 3 cells, the header 2"
    assert error.describe("nl") == "rij 2: de rij heeft 3 cellen, de kopregel 2"
    assert error.to_dict() == {
        "row": 2,
        "column": None,
        "code": "REGISTER_CELL_COUNT",
        "message": {"nl": "de rij heeft 3 cellen, de kopregel 2", "en": "the row has 3 cells, the header 2"},
    }


def test_json_lines_with_two_keys_for_one_column_reject_the_row() -> None:
    text = '{"id": "a", "ID": "b"}\n{"id": "c", "ontvangen op": "2026-01-05"}\n'
    result = read_register_all(io.StringIO(text), format="jsonl")
    assert [r.complaint.id for r in result.records] == ["c"]
    assert [(e.row, e.column, e.code) for e in result.errors] == [(1, None, "REGISTER_ROW_TWO_KEYS")]
    assert result.summary.columns == ("id", "received_on")
