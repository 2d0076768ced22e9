"""klachtregels.register.sources: encodings, separators, line ends, blank lines, formats."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import pytest
from register_helpers import assert_accounting, csv_bytes, read_csv

from klachtregels.errors import RegisterError
from klachtregels.model import Verdict
from klachtregels.register import read_register, read_register_all

if TYPE_CHECKING:
    from pathlib import Path


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


def test_cp1252_is_recognised_or_rejects_rows_naming_line_and_offset() -> None:
    text = "id,category\nK1,Privé\nK2,Café\n"
    # Read as UTF-8 on purpose: each bad line rejects its row (strict: the file), naming line and offset.
    with pytest.raises(RegisterError, match=r"line 2 \(byte offset 19\)"):
        read_register_all(csv_bytes(text, encoding="cp1252"), format="csv", encoding="utf-8", strict=True)
    lenient = read_register_all(csv_bytes(text, encoding="cp1252"), format="csv", encoding="utf-8")
    assert [(e.row, e.code) for e in lenient.errors] == [
        (2, "REGISTER_ROW_UNDECODABLE"),
        (3, "REGISTER_ROW_UNDECODABLE"),
    ]
    assert "--encoding cp1252" in lenient.errors[0].message
    recognised = read_register_all(csv_bytes(text, encoding="cp1252"), format="csv")
    assert recognised.summary.encoding == "cp1252"
    assert [r.complaint.category for r in recognised.records] == ["Privé", "Café"]
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


def test_unclosed_quote_swallowing_the_file_is_a_register_error() -> None:
    with pytest.raises(RegisterError):
        read_csv('id,description\nK1,"' + "y\n" * 9_000_000)


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_missing_header(text: str) -> None:
    with pytest.raises(RegisterError, match="no header"):
        read_csv(text)


def test_format_by_extension_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="format"):
        read_register(tmp_path / "r.xls")  # .xlsx is read (register.xlsx); .xls is not
    with pytest.raises(RegisterError, match="format"):
        read_register(io.BytesIO(b"id\n1\n"))


def test_json_not_an_array(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"id": "a"}')
    with pytest.raises(RegisterError, match="array"):
        read_register_all(path)


def test_an_undecodable_byte_deep_in_a_big_file_names_its_line_and_offset() -> None:
    """Lines are decoded in blocks; the error still names the exact line and byte, and every row
    before it has been handed out. The bad line rejects its row; strict rejects the file there."""
    good = "".join(f"K{i},Categorie é {i}\n" for i in range(5000))  # about 100 KB: several blocks
    data = ("id,category\n" + good).encode() + b"K-bad,caf\xe9\nK-after,x\n"
    reader = read_register(io.BytesIO(data), format="csv", strict=True)
    seen: list[str | None] = []
    with pytest.raises(RegisterError) as info:
        seen.extend(record.complaint.id for record in reader)
    offset = len(("id,category\n" + good).encode()) + len(b"K-bad,caf")
    assert f"line 5002 (byte offset {offset})" in str(info.value)
    assert len(seen) == 5000
    assert reader.summary.rows_read == 5001
    lenient = read_register(io.BytesIO(data), format="csv")
    ids = [record.complaint.id for record in lenient]
    assert len(ids) == 5001
    assert ids[-1] == "K-after"
    (error,) = lenient.errors
    assert (error.row, error.code) == (5002, "REGISTER_ROW_UNDECODABLE")
    assert f"line 5002 (byte offset {offset})" in error.message
    assert lenient.summary.rows_rejected == 1


def test_a_line_longer_than_a_block_is_one_line() -> None:
    long_text = "ë" * 200_000
    data = f'id,description\nK1,"{long_text}\nsecond line"\nK2,kort\n'.encode()
    result = read_register_all(io.BytesIO(data), format="csv")
    assert [r.complaint.id for r in result.records] == ["K1", "K2"]
    assert [r.row for r in result.records] == [2, 4]
    assert result.records[0].complaint.description == f"{long_text}\nsecond line"
