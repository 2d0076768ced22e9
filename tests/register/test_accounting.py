"""Row accounting under hostile input (issue 9 item 2): rows in = records + rows rejected, always.

A stray quote never merges rows into one record; a bad byte or a lone CR costs its row, not the
file (``strict=True`` rejects the file at the first such row).
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from register_helpers import assert_accounting, read_csv

from klachtregels.register import RowRejectedError, read_register, read_register_all

STRAY = (
    "id,received_on,location,complainant_name\n"
    'K1,2025-03-01,"Zonnestraal,\n'
    "K2,2025-03-02,KDV,Jan Reigerdonk\n"
    'K3,2025-03-03,"Zonnestraal,\n'
)


def test_a_stray_quote_is_rejected_with_its_line_range_not_merged() -> None:
    result = read_csv(STRAY)
    s = result.summary
    assert (s.rows_read, s.rows_ok, s.rows_rejected) == (3, 1, 2)
    assert [r.complaint.id for r in result.records] == ["K2"]
    assert result.records[0].row == 3
    assert all("Reigerdonk" not in (r.complaint.location or "") for r in result.records)
    first, last = result.errors
    assert (first.row, first.code, first.problem.params) == (
        2,
        "REGISTER_ROW_STRAY_QUOTE",
        {"first": 2, "last": 4},
    )
    assert "lines 2-4" in first.message
    assert "regels 2-4" in first.text("nl")
    assert (last.row, last.code) == (4, "REGISTER_CELL_COUNT")
    assert s.lines_read == 4
    assert s.balanced
    assert s.accounting("en") == "4 lines: 3 rows = 1 read + 2 rejected; 0 blank lines"
    assert_accounting(result)


def test_error_texts_of_a_stray_quote_hold_no_cell_value() -> None:
    result = read_csv(STRAY)
    for error in result.errors:
        for lang in ("nl", "en"):
            assert "Reigerdonk" not in error.describe(lang)
            assert "Zonnestraal" not in error.describe(lang)


def test_a_stray_quote_past_the_field_limit_still_reads_the_rows_it_swallowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from klachtregels.register import sources

    limit = csv.field_size_limit()
    monkeypatch.setattr(sources, "CSV_FIELD_LIMIT", 2_000)
    csv.field_size_limit(2_000)
    try:
        rows = "".join(f"K{i},2025-03-02,KDV,Jan\n" for i in range(2, 400))  # about 9 KB
        result = read_csv('id,received_on,location,complainant_name\nK1,2025-03-01,"Zon,\n' + rows)
    finally:
        csv.field_size_limit(limit)
    assert [(e.row, e.code) for e in result.errors] == [(2, "REGISTER_ROW_STRAY_QUOTE")]
    assert len(result.records) == 398
    assert result.records[0].row == 3
    assert_accounting(result)


def test_a_quoted_line_break_in_a_description_is_still_one_row() -> None:
    text = 'id,description,verdict\nK1,"ouder belde\nen mailde",gegrond\nK2,kort,ongegrond\n'
    result = read_csv(text)
    assert [r.row for r in result.records] == [2, 4]
    assert result.records[0].complaint.description == "ouder belde\nen mailde"
    assert result.summary.rows_rejected == 0


def test_strict_rejects_the_file_at_the_stray_quote() -> None:
    with pytest.raises(RowRejectedError) as info:
        read_csv(STRAY, strict=True)
    assert info.value.errors[0].row == 2
    assert "Reigerdonk" not in str(info.value)


def test_a_bad_byte_rejects_its_row_only() -> None:
    data = b"id,category\nK1,caf\xc3\xa9\nK2,caf\xe9\nK3,thee\n"
    result = read_register_all(io.BytesIO(data), format="csv")
    assert [r.complaint.id for r in result.records] == ["K1", "K3"]
    (error,) = result.errors
    assert (error.row, error.code) == (3, "REGISTER_ROW_UNDECODABLE")
    assert error.problem.params == {"line": 3, "offset": 27, "encoding": "utf-8"}
    assert_accounting(result)


def test_a_bad_byte_inside_a_quoted_multi_line_cell_rejects_that_row() -> None:
    data = b'id,description\nK1,"een\nt\xffwee"\nK2,kort\n'
    result = read_register_all(io.BytesIO(data), format="csv", encoding="utf-8")
    assert [r.complaint.id for r in result.records] == ["K2"]
    (error,) = result.errors
    assert (error.row, error.problem.params["line"]) == (2, 3)


def test_a_bad_byte_in_json_lines_rejects_its_line() -> None:
    data = b'{"id": "K1"}\n{"id": "K\xff2"}\n{"id": "K3"}\n'
    result = read_register_all(io.BytesIO(data), format="jsonl", encoding="utf-8")
    assert [r.complaint.id for r in result.records] == ["K1", "K3"]
    assert [(e.row, e.code) for e in result.errors] == [(2, "REGISTER_ROW_UNDECODABLE")]
    assert result.summary.lines_read == 3
    assert_accounting(result)


def test_a_bad_byte_in_a_json_array_names_its_line() -> None:
    from klachtregels.errors import RegisterError

    with pytest.raises(RegisterError, match=r"line 2 \(byte offset"):
        read_register_all(io.BytesIO(b'[{"id": "K1"},\n{"id": "K\xff2"}]\n'), format="json", encoding="utf-8")


def test_strict_rejects_the_file_at_the_bad_byte() -> None:
    data = b"id,category\nK1,x\nK2,caf\xe9 \xc3\xa9\n"
    reader = read_register(io.BytesIO(data), format="csv", strict=True)
    with pytest.raises(RowRejectedError, match=r"line 3 \(byte offset 23\)"):
        list(reader)


def test_a_lone_cr_rejects_its_row_only() -> None:
    result = read_csv("id,category\nK1,a\rb\nK2,thee\nK3,\r\n")
    assert [r.complaint.id for r in result.records] == ["K2", "K3"]
    (error,) = result.errors
    assert (error.row, error.code) == (2, "REGISTER_ROW_LONE_CR")
    assert_accounting(result)


def test_a_file_with_only_cr_line_ends_is_read_line_by_line() -> None:
    data = "id;category\rK1;Privé\rK2;thee\r".encode("cp1252")
    result = read_register_all(io.BytesIO(data), format="csv")
    assert [(r.row, r.complaint.category) for r in result.records] == [(2, "Privé"), (3, "thee")]
    assert result.summary.lines_read == 3


def test_a_lone_cr_inside_quotes_is_cell_text() -> None:
    (record,) = read_csv('id,description\nK1,"a\rb"\n').records
    assert record.complaint.description == "a\rb"


@pytest.mark.parametrize("first", ["sep=\n", "sep=\r\n", 'sep="\n'])
def test_a_sep_line_without_a_usable_character_is_not_a_separator(first: str) -> None:
    from klachtregels.errors import RegisterError

    with pytest.raises(RegisterError, match="none of the 1 header cells"):
        read_csv(first + "id,category\nK1,a\n")


def test_lines_read_counts_every_physical_line() -> None:
    text = '\nid,description\n\nK1,"a\nb"\n,\nK2,c\n'
    s = read_csv(text).summary
    assert (s.lines_read, s.rows_read, s.skipped_blank_lines) == (7, 2, 3)


# -- properties: any mixture of good rows, stray quotes, bad bytes and lone CRs ---------------------

_PIECES = st.sampled_from(
    [
        "K{n},2025-03-01,KDV,Jan\n",
        'K{n},2025-03-01,"Zon,\n',
        "K{n},2025-03-01,KDV\n",
        'K{n},2025-03-01,"K\nDV",Jan\n',
        "K{n},2025-03-01,K\rDV,Jan\n",
        "K{n},2025-03-01,\xff\xfe,Jan\n",
        "\n",
        ",,,\n",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=12), strict=st.booleans())
def test_rows_in_equal_records_plus_rejected(pieces: list[str], strict: bool) -> None:
    text = "id,received_on,location,complainant_name\n" + "".join(p.format(n=i) for i, p in enumerate(pieces))
    data = text.encode("utf-8").replace("\xff\xfe".encode(), b"\xff\xfe")
    reader = read_register(io.BytesIO(data), format="csv", encoding="utf-8", strict=strict)
    records = []
    try:
        records.extend(reader)
    except RowRejectedError:
        assert strict
    s = reader.summary
    assert s.rows_read == s.rows_ok + s.rows_rejected == len(records) + s.rows_rejected
    if not strict:
        lines = data.count(b"\n")
        assert s.lines_read == lines
        # every non-blank line after the header starts a row or belongs to one
        assert s.rows_read + s.skipped_blank_lines <= lines - 1
        assert len({e.row for e in reader.errors}) == s.rows_rejected
        starts = {r.row for r in records} | {e.row for e in reader.errors}
        line, good = 2, set()
        for piece in pieces:
            if piece == "K{n},2025-03-01,KDV,Jan\n":
                good.add(line)
            line += piece.count("\n")
        # a well-formed line always starts a row of its own: an open quote that would swallow it
        # is a stray quote (the line looks like a row), so the line is read again on its own
        assert good <= starts


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(st.text(max_size=8), min_size=3, max_size=3), max_size=8))
def test_well_formed_csv_is_read_row_for_row(rows: list[list[str]]) -> None:
    """Properly quoted cells, even with separators and line breaks inside, are never split."""
    out = io.StringIO()
    writer = csv.writer(out)  # "\r\n" line ends: a cell with a lone CR is quoted too
    writer.writerow(["id", "description", "category"])
    for i, row in enumerate(rows):
        writer.writerow([f"K{i}", *row[1:]])
    reader = read_register(io.StringIO(out.getvalue()), format="csv")
    records = list(reader)
    s = reader.summary
    assert s.rows_read == s.rows_ok + s.rows_rejected
    rejected_stray = [e for e in reader.errors if e.code == "REGISTER_ROW_STRAY_QUOTE"]
    if not any("," in c and "\n" in c for row in rows for c in row[1:]):
        assert not rejected_stray
    if not rejected_stray:
        # every written row starts with its id, so none is blank: each is read or rejected
        assert s.rows_read == len(rows)
        assert len(records) + s.rows_rejected == len(rows)
