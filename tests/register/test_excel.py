"""Dutch Excel registers (issue 9 item 6): Windows-1252, ``;``, a ``sep=;`` first line, and the
``--encoding`` / ``--delimiter`` options of ``check`` and ``report`` (also in the mapping file)."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import pytest
from register_helpers import assert_accounting

from klachtregels.cli import main
from klachtregels.errors import RegisterError
from klachtregels.register import ColumnMapping, MappingError, read_register_all
from klachtregels.register.sources import guess_encoding

if TYPE_CHECKING:
    from pathlib import Path

#: What Excel writes for "CSV (puntkomma gescheiden)" on a Dutch Windows: cp1252, ';', CRLF.
EXCEL_TEXT = (
    "id;received_on;location;category;verdict\r\n"
    "K1;03-03-2025;KDV Zonnestraal;Privé;gegrond\r\n"
    "K2;04-03-2025;BSO Café;Communicatie;ongegrond\r\n"
    "K3;05-03-2025;KDV Zonnestraal;Hygiëne € 5;deels gegrond\r\n"
)
EXCEL = EXCEL_TEXT.encode("cp1252")


def _json_summary(capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    summary: dict[str, int] = json.loads(capsys.readouterr().out)["summary"]
    return summary


def test_excel_dutch_csv_is_recognised_without_options() -> None:
    result = read_register_all(io.BytesIO(EXCEL), format="csv")
    assert result.summary.encoding == "cp1252"
    assert result.summary.delimiter == ";"
    assert [r.complaint.category for r in result.records] == ["Privé", "Communicatie", "Hygiëne € 5"]
    assert result.records[1].complaint.location == "BSO Café"
    assert_accounting(result)


def test_sep_line_sets_the_delimiter_and_is_not_a_row() -> None:
    data = ("sep=;\r\n" + EXCEL_TEXT.replace("Café", "Café, West")).encode("cp1252")
    result = read_register_all(io.BytesIO(data), format="csv")
    assert result.summary.delimiter == ";"
    assert [r.row for r in result.records] == [3, 4, 5]
    assert result.records[1].complaint.location == "BSO Café, West"
    assert result.summary.rows_read == 3
    assert result.summary.lines_read == 5


def test_sep_line_with_a_comma_wins_over_sniffing() -> None:
    data = b"SEP=,\nid,category,a;b;c;d\nK1,x;y,1;2;3;4\n"  # sniffing alone would pick ';'
    result = read_register_all(io.BytesIO(data), format="csv")
    assert result.summary.delimiter == ","
    assert result.records[0].complaint.category == "x;y"
    assert result.summary.unknown_columns == ("a;b;c;d",)


def test_explicit_delimiter_and_encoding_win() -> None:
    data = "id|category\nK1|Privé\n".encode("latin-1")
    result = read_register_all(io.BytesIO(data), format="csv", delimiter="|", encoding="latin-1")
    assert result.records[0].complaint.category == "Privé"
    tab = read_register_all(io.BytesIO(b"id\tcategory\nK1\ta,b\n"), format="csv", delimiter="tab")
    assert tab.records[0].complaint.category == "a,b"


@pytest.mark.parametrize("delimiter", ["", ";;", '"', "\n"])
def test_a_bad_delimiter_is_a_register_error(delimiter: str) -> None:
    with pytest.raises(RegisterError, match="delimiter"):
        read_register_all(io.BytesIO(b"id\nK1\n"), format="csv", delimiter=delimiter)


def test_utf8_with_one_bad_byte_is_not_taken_for_cp1252() -> None:
    assert guess_encoding("id,category\nK1,Privé\nK2,caf".encode() + b"\xe9\n") == "utf-8"
    assert guess_encoding("id,category\nK1,Privé\n".encode("cp1252")) == "cp1252"
    assert guess_encoding(b"id\nK1\n") == "utf-8"
    assert guess_encoding("é".encode()[:1]) == "utf-8"  # a sequence cut at the block's end
    assert guess_encoding(b"id\n\x81\n") == "utf-8"  # not Windows-1252 either


def test_mapping_file_sets_encoding_and_delimiter(tmp_path: Path) -> None:
    toml = tmp_path / "excel.toml"
    toml.write_text(
        'encoding = "cp1252"\ndelimiter = "|"\n[columns]\ncategorie = "category"\n', encoding="utf-8"
    )
    data = "id|categorie\nK1|Privé; ja\n".encode("cp1252")
    result = read_register_all(io.BytesIO(data), format="csv", mapping=toml)
    assert result.records[0].complaint.category == "Privé; ja"
    assert result.summary.encoding == "cp1252"
    mapping = ColumnMapping.load(toml)
    assert mapping.to_dict()["encoding"] == "cp1252"
    assert ColumnMapping.from_dict(mapping.to_dict()) == mapping
    assert "encoding" not in ColumnMapping().to_dict()
    # an explicit argument wins over the mapping
    utf8 = read_register_all(
        io.BytesIO("id|categorie\nK1|Privé\n".encode()), format="csv", mapping=toml, encoding="utf-8"
    )
    assert utf8.records[0].complaint.category == "Privé"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('encoding = "klingon-8"', "REGISTER_MAPPING_BAD_ENCODING"),
        ("encoding = 1252", "REGISTER_MAPPING_BAD_ENCODING"),
        ('delimiter = ";;"', "REGISTER_MAPPING_BAD_DELIMITER"),
        ("delimiter = 3", "REGISTER_MAPPING_BAD_DELIMITER"),
    ],
)
def test_mapping_file_rejects_a_bad_encoding_or_delimiter(line: str, code: str) -> None:
    with pytest.raises(MappingError) as info:
        ColumnMapping.from_toml(line + "\n")
    assert code in [p.code for p in info.value.problems]
    assert "klingon" not in str(info.value)


# -- the command line ------------------------------------------------------------------------------


def test_check_reads_an_excel_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(b"sep=;\r\n" + EXCEL)
    main(["check", str(path), "--as-of", "2026-05-07", "--format", "json"])
    summary = _json_summary(capsys)
    assert (summary["rows_read"], summary["rows_checked"], summary["rows_rejected"]) == (3, 3, 0)


def test_check_encoding_option_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(EXCEL)
    main(["check", str(path), "--as-of", "2026-05-07", "--format", "json", "--encoding", "utf-8"])
    summary = _json_summary(capsys)
    # read as UTF-8 on purpose: the rows with é, ë or € are rejected, the others read; none lost
    assert (summary["rows_read"], summary["rows_checked"], summary["rows_rejected"]) == (3, 0, 3)
    main(
        [
            "check",
            str(path),
            "--as-of",
            "2026-05-07",
            "--format",
            "json",
            "--encoding",
            "cp1252",
            "--delimiter",
            ";",
        ]
    )
    assert _json_summary(capsys)["rows_checked"] == 3


@pytest.mark.parametrize("options", [["--encoding", "klingon-8"], ["--delimiter", ";;"], ["--delimiter", ""]])
def test_check_bad_reading_options_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(EXCEL)
    assert main(["check", str(path), "--as-of", "2026-05-07", *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: error:")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_check_stray_quote_counts_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "id,received_on,location,complainant_name\n"
        'K1,2025-03-01,"Zonnestraal,\n'
        "K2,2025-03-02,KDV,Jan Reigerdonk\n"
        'K3,2025-03-03,"Zonnestraal,\n',
        encoding="utf-8",
    )
    main(["check", str(path), "--as-of", "2026-05-07", "--format", "json"])
    out = capsys.readouterr().out
    summary = json.loads(out)["summary"]
    assert (summary["rows_read"], summary["rows_checked"], summary["rows_rejected"]) == (3, 1, 2)
    assert "Reigerdonk" not in out


def test_report_reads_an_excel_export_with_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(EXCEL)
    assert (
        main(
            [
                "report",
                str(path),
                "--year",
                "2025",
                "--format",
                "json",
                "--encoding",
                "cp1252",
                "--delimiter",
                ";",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["total"] == 3


def test_report_previous_register_accounting_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(EXCEL)
    previous = tmp_path / "previous.csv"
    previous.write_bytes(
        b"id;received_on;location\r\nP1;01-02-2024;KDV\r\nP2;31-02-2024;KDV\r\nP3;x\xe9;KDV\r\n"
    )
    assert (
        main(
            [
                "report",
                str(path),
                "--year",
                "2025",
                "--format",
                "json",
                "--previous",
                str(previous),
                "--encoding",
                "cp1252",
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    assert "--previous: 4 lines: 3 rows = 1 read + 2 rejected; 0 blank lines" not in captured.err
    assert "--previous: 4 regels: 3 rijen = 1 gelezen + 2 afgewezen; 0 lege regels" in captured.err
    assert json.loads(captured.out)["previous"]["total"] == 1
