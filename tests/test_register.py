"""Unit tests of klachtregels.register: the format quirks, one by one."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

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
    COLUMNS,
    ColumnMapping,
    MappingError,
    RowRejectedError,
    read_register,
    read_register_all,
)

DATA = Path(__file__).parent / "data" / "register"


def csv_bytes(text: str, *, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO(text.encode(encoding))


def read_csv(text: str, **kw: object):  # type: ignore[no-untyped-def]
    return read_register_all(csv_bytes(text), format="csv", **kw)  # type: ignore[arg-type]


def assert_accounting(result) -> None:  # type: ignore[no-untyped-def]
    s = result.summary
    assert s.rows_read == s.rows_ok + s.rows_rejected
    assert s.rows_ok == len(result.records)


# -- the example register ------------------------------------------------------------------------


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
    assert result.errors[0].value == "fax"


def test_json_not_an_array(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"id": "a"}')
    with pytest.raises(RegisterError, match="array"):
        read_register_all(path)


# -- CSV quirks ------------------------------------------------------------------------------------


def test_bom_semicolon_and_crlf() -> None:
    text = "\ufeffid;received_on;verdict\r\nK1;24-03-2026;Gegrond\r\nK2;1-4-2026;ongegrond\r\n"
    result = read_csv(text)
    assert result.summary.delimiter == ";"
    assert [r.complaint.id for r in result.records] == ["K1", "K2"]
    assert result.records[1].complaint.received_on == dt.date(2026, 4, 1)
    assert result.records[0].judgement is not None
    assert result.records[0].judgement.verdict is Verdict.GEGROND


def test_tab_separated() -> None:
    result = read_csv("id\tcategory\nK1\tVoeding\n")
    assert result.summary.delimiter == "\t"
    assert result.records[0].complaint.category == "Voeding"


def test_quoted_newlines_keep_row_numbers_at_the_start_line() -> None:
    text = 'id,description,verdict\nK1,"line one\nline two\r\nline three",gegrond\nK2,kort,ongegrond\n'
    result = read_csv(text)
    assert [r.row for r in result.records] == [2, 5]
    assert result.records[0].complaint.description == "line one\nline two\r\nline three"


def test_blank_lines_are_not_rows() -> None:
    text = "\n\nid,verdict\n\nK1,gegrond\n   \n,\nK2,ongegrond\n\n"
    result = read_csv(text)
    assert result.summary.rows_read == 2
    assert result.summary.skipped_blank_lines == 6
    assert [r.row for r in result.records] == [5, 8]
    assert_accounting(result)


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


@pytest.mark.parametrize("cell", ["03/24/2026", "31-02-2026", "24-03-26", "2026-02-30", "morgen", "45000"])
def test_rejected_dates_name_the_column_and_echo_a_short_value(cell: str) -> None:
    result = read_csv(f"id,received_on\nK1,{cell}\n")
    assert result.records == ()
    (error,) = result.errors
    assert (error.row, error.column, error.value) == (2, "received_on", cell)
    assert_accounting(result)


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


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_missing_header(text: str) -> None:
    with pytest.raises(RegisterError, match="no header"):
        read_csv(text)


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


def test_cp1252_needs_an_explicit_encoding() -> None:
    text = "id,category\nK1,Privé\nK2,Café\n"
    with pytest.raises(RegisterError, match=r"line 2 \(byte offset 19\)"):
        read_register_all(csv_bytes(text, encoding="cp1252"), format="csv")
    result = read_register_all(csv_bytes(text, encoding="cp1252"), format="csv", encoding="cp1252")
    assert [r.complaint.category for r in result.records] == ["Privé", "Café"]
    assert result.summary.encoding == "cp1252"


def test_utf16_with_bom() -> None:
    data = "id,category\r\nK1,Privé\r\n".encode("utf-16")
    (record,) = read_register_all(io.BytesIO(data), format="csv").records
    assert record.complaint.category == "Privé"


def test_text_stream_source() -> None:
    (record,) = read_register_all(io.StringIO("id\nK1\n"), format="csv").records
    assert record.complaint.id == "K1"


def test_huge_cell_rejects_the_row_without_echo() -> None:
    big = "x" * 1_100_000
    result = read_csv(f"id,description\nK1,{big}\nK2,kort\n")
    assert [r.complaint.id for r in result.records] == ["K2"]
    (error,) = result.errors
    assert error.column == "description"
    assert error.value is None
    assert "xxxx" not in error.message


def test_unclosed_quote_swallowing_the_file_is_a_register_error() -> None:
    with pytest.raises(RegisterError):
        read_csv('id,description\nK1,"' + "y\n" * 9_000_000)


def test_free_text_is_never_echoed() -> None:
    result = read_csv("description,judgement_summary,received_on\ngeheim verhaal,geheim besluit,gisteren\n")
    for error in result.errors:
        assert "geheim" not in error.describe()


def test_model_errors_map_back_to_register_columns() -> None:
    mapping = ColumnMapping(columns={"ontvangen": "received_on", "eerste contact": "first_contact_on"})
    result = read_csv("ontvangen,eerste contact\n2026-03-10,2026-03-01\n", mapping=mapping)
    (error,) = result.errors
    assert error.column == "eerste contact"
    assert "before received_on" in error.message


def test_signal_dates_without_a_signal_are_rejected() -> None:
    result = read_csv("signals,consulted_on\n,2026-01-01\ngeen,2026-01-01\n")
    assert [e.column for e in result.errors] == ["consulted_on", "consulted_on"]


def test_signal_dates_apply_to_every_signal_of_the_row() -> None:
    (record,) = read_csv(
        'signals,consulted_on,meldcode_started_on\n"suspected_offence_by_staff;ambiguous",2026-01-02,2026-01-03\n'
    ).records
    signals = record.complaint.signals or ()
    assert [s.kind for s in signals] == [SignalKind.SUSPECTED_OFFENCE_BY_STAFF, SignalKind.AMBIGUOUS]
    assert {s.consulted_on for s in signals} == {dt.date(2026, 1, 2)}


# -- measures --------------------------------------------------------------------------------------


def test_measures_json_cell_and_concrete_term_column() -> None:
    cell = json.dumps([{"description": "a"}, {"description": "b", "has_concrete_term": True}])
    text = "measures,measures_have_concrete_term\n" + '"' + cell.replace('"', '""') + '",ja\n'
    (record,) = read_csv(text).records
    assert record.judgement is not None
    assert [m.has_concrete_term for m in record.judgement.measures or ()] == [True, True]


def test_measures_none_word_is_an_empty_tuple() -> None:
    (record,) = read_csv("measures\ngeen\n").records
    assert record.judgement is not None
    assert record.judgement.measures == ()


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("measures_have_concrete_term\nnee\n", "measures_have_concrete_term"),
        ("measure_due_on,measures_have_concrete_term\n2026-05-01,nee\n", "measures_have_concrete_term"),
        ('measures,measure_description\n"[]",iets\n', "measures"),
        ("measures\n[{]\n", "measures"),
        ('measures\n"[{""due_on"": ""gisteren""}]"\n', "measures"),
        ("measures,measures_have_concrete_term\ngeen,ja\n", "measures_have_concrete_term"),
    ],
)
def test_measure_problems(text: str, column: str) -> None:
    result = read_csv(text)
    assert result.records == ()
    assert result.errors[0].column == column


def test_single_measure_columns() -> None:
    (record,) = read_csv("measure_description,measure_due_on\nProtocol,1-6-2026\n").records
    assert record.judgement is not None
    (m,) = record.judgement.measures or ()
    assert (m.description, m.due_on, m.concrete_term) == ("Protocol", dt.date(2026, 6, 1), True)


# -- strict, formats, mapping ---------------------------------------------------------------------


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


def test_format_by_extension_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="format"):
        read_register(tmp_path / "r.xlsx")
    with pytest.raises(RegisterError, match="format"):
        read_register(io.BytesIO(b"id\n1\n"))


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


def test_every_column_is_unique_and_documented() -> None:
    names = [c.name for c in COLUMNS]
    assert len(names) == len(set(names))
    doc = (Path(__file__).parents[1] / "docs" / "register.md").read_text(encoding="utf-8")
    missing = [n for n in names if f"`{n}`" not in doc]
    assert missing == []
