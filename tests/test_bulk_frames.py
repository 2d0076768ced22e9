"""DataFrames in and out (klachtregels.bulk): a DataFrame as a register, flat tables, many assessments."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import subprocess
import sys

import attrs
import pytest

import klachtregels as kr
from klachtregels import bulk
from klachtregels.decisions import assess_record
from klachtregels.register import read_register, read_register_all

pd = pytest.importorskip("pandas")

REGISTER = "examples/register.csv"
AS_OF = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def from_file() -> kr.register.RegisterResult:
    return read_register_all(REGISTER)


def text_frame() -> object:
    """The example register as pandas reads it with every cell as text."""
    return pd.read_csv(REGISTER, dtype=str, keep_default_na=False)


def without_row(record: kr.RegisterRecord) -> kr.RegisterRecord:
    return attrs.evolve(record, row=0)


def test_a_dataframe_reads_as_the_file_does(from_file: kr.register.RegisterResult) -> None:
    result = read_register_all(text_frame())
    assert [without_row(r) for r in result.records] == [without_row(r) for r in from_file.records]
    assert result.summary.format == "dataframe"
    assert result.summary.columns == from_file.summary.columns
    assert result.summary.rows_read == from_file.summary.rows_read
    assert result.summary.balanced
    # Rows are 1-based positions; the file's rows are lines with the header as line 1.
    assert [r.row for r in result.records] == [r.row - 1 for r in from_file.records]
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (e.row - 1, e.column, e.code) for e in from_file.errors
    ]


def test_typed_cells_blank_rows_and_a_non_numeric_index() -> None:
    frame = pd.DataFrame(
        {
            "id": [101.0, None, float("nan"), 103.0],
            "received_on": [pd.Timestamp("2026-03-24"), pd.NaT, pd.NaT, pd.Timestamp("2026-03-23T23:30Z")],
            "channel": ["email", None, None, "letter"],
        },
        index=["a", "b", "c", "d"],
    )
    result = read_register_all(frame)
    assert result.summary.skipped_blank_lines == 2  # rows b and c hold nothing: blank lines
    assert result.summary.rows_read == 2
    assert [r.row for r in result.records] == [1, 4]
    first, last = result.records
    assert first.complaint.id == "101"  # a whole float in an id column with gaps is the id
    assert first.complaint.received_date == dt.date(2026, 3, 24)
    assert last.complaint.received_date == dt.date(2026, 3, 24)  # 00:30 in Amsterdam (A22)


def test_a_bad_cell_rejects_its_row_by_position_without_the_value() -> None:
    frame = pd.DataFrame({"id": ["A", "B"], "received_on": ["2026-02-31", "geheim 2026"]})
    result = read_register_all(frame)
    assert result.summary.rows_rejected == 2
    assert [(e.row, e.column) for e in result.errors] == [(1, "received_on"), (2, "received_on")]
    assert all("geheim" not in e.describe("en") for e in result.errors)


def test_a_dataframe_is_read_with_a_mapping_and_can_be_read_again() -> None:
    frame = pd.DataFrame({"Klachtnummer": ["K1"], "Datum ontvangst": ["24-03-2026"]})
    mapping = kr.ColumnMapping.from_dict(
        {"columns": {"Klachtnummer": "id", "Datum ontvangst": "received_on"}}
    )
    reader = read_register(frame, mapping=mapping)
    assert [r.complaint.id for r in reader] == ["K1"]
    assert [r.complaint.id for r in reader] == ["K1"]


def test_a_polars_dataframe_reads_as_the_file_does(from_file: kr.register.RegisterResult) -> None:
    pl = pytest.importorskip("polars")
    result = read_register_all(pl.read_csv(REGISTER, infer_schema_length=0))
    assert [without_row(r) for r in result.records] == [without_row(r) for r in from_file.records]


def test_register_result_to_pandas(from_file: kr.register.RegisterResult) -> None:
    frame = from_file.to_pandas()
    assert len(frame) == len(from_file.records)
    assert frame.columns[0] == "row"
    assert frame["row"].tolist() == [r.row for r in from_file.records]
    assert frame["complaint.id"].tolist() == [r.complaint.id for r in from_file.records]
    assert frame["complaint.received_on"].dtype.kind == "M"
    first = from_file.records[0]
    assert frame["complaint.received_on"].iloc[0] == pd.Timestamp(first.complaint.received_date)
    assert frame["complaint.subjects"].iloc[0] == "; ".join(first.complaint.to_dict()["subjects"])


def test_check_result_to_pandas() -> None:
    result = kr.check_register(REGISTER, as_of=AS_OF)
    frame = result.to_pandas()
    assert len(frame) == len(result.findings)
    assert frame["id"].tolist() == [str(f.id) for f in result.findings]
    assert frame["severity"].tolist() == [str(f.severity) for f in result.findings]
    assert frame["message_en"].tolist() == [f.message_en for f in result.findings]
    for position, finding in enumerate(result.findings):
        for key, value in finding.facts:
            assert frame[f"facts.{key}"].iloc[position] == value


def test_assess_many_equals_assess_record_and_reports_bad_rows(from_file: kr.register.RegisterResult) -> None:
    frame = bulk.assess_many(text_frame(), as_of=AS_OF)
    assert len(frame) == from_file.summary.rows_read  # one row per complaint, rejected ones too
    bad = frame[frame["error"].notna()]
    assert bad["row"].tolist() == [e.row - 1 for e in from_file.errors]
    assert bad["eligibility"].isna().all()
    good = frame[frame["error"].isna()]
    for record, (_, row) in zip(from_file.records, good.iterrows(), strict=True):
        expected = assess_record(record, as_of=AS_OF)
        assert row["complaint_id"] == expected.complaint_id
        assert row["eligibility"] == expected.eligibility.outcome
        assert row["status"] == expected.status
        assert row["flag_codes"] == "; ".join(f.code for f in expected.flags)
        handling = expected.deadlines.get("handling")
        if handling is None:
            assert pd.isna(row["handling_deadline"])
        else:
            assert row["handling_deadline"] == pd.Timestamp(handling.date)
            assert row["handling_provisional"] == handling.provisional


def test_assess_many_never_stops_at_one_bad_row(from_file: kr.register.RegisterResult) -> None:
    records = from_file.records
    as_of = records[5].complaint.received_date  # some complaints were received after this day
    frame = bulk.assess_many([*records, "not a complaint"], as_of=as_of)
    assert len(frame) == len(records) + 1
    late = [r.row for r in records if r.complaint.received_date and r.complaint.received_date > as_of]
    assert late
    errors = frame[frame["error"].notna()]
    assert errors["row"].tolist() == [*late, len(records) + 1]
    assert "as_of" in errors["error"].iloc[0]
    assert "not a complaint" not in errors["error"].iloc[-1]
    assert frame["error"].isna().sum() == len(records) - len(late)


def test_assess_many_takes_complaints_and_their_json() -> None:
    data = json.loads(pathlib.Path("examples/complaint.json").read_text(encoding="utf-8"))
    complaint = kr.Complaint.from_dict(data["complaint"])
    frame = bulk.assess_many([complaint, data["complaint"], data], as_of=AS_OF)
    alone = kr.assess(complaint, as_of=AS_OF)
    judged = assess_record(kr.RegisterRecord.from_dict(data), as_of=AS_OF)
    assert frame["error"].isna().all()
    assert frame["status"].tolist() == [alone.status, alone.status, judged.status]
    assert frame["row"].tolist() == [1, 2, 3]


def test_report_tables(from_file: kr.register.RegisterResult) -> None:
    report = kr.build_report(from_file.records, year=2025)
    tables = bulk.report_tables(report)
    assert tables["summary"]["total"].iloc[0] == report.total.total
    locations = tables["locations"]
    assert locations["total"].tolist() == [g.total for g in report.by_location]
    assert locations["total"].sum() == report.total.total
    categories = tables["categories"]
    assert list(zip(categories["category"], categories["total"], strict=True)) == list(
        report.total.categories
    )
    long = tables["location_categories"]
    assert long["count"].sum() == sum(n for g in report.by_location for _, n in g.categories)
    assert len(tables["entries"]) == len(report.entries)


def test_import_klachtregels_imports_neither_pandas_nor_numpy() -> None:
    code = (
        "import sys, datetime, klachtregels as kr\n"
        "d = kr.handling_deadline(datetime.date(2026, 3, 24)); kr.Complaint; kr.read_register\n"
        "repr(d); d._repr_html_(); kr.handling_deadlines; kr.assess_many\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'numpy', 'polars')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def strict_rows() -> object:
    """An eligible and an ineligible complaint in 2026 and in 2030 (its equated days not verified, A2)."""
    header = [
        "id",
        "received_on",
        "channel",
        "complainant_role",
        "complainant_contract_party",
        "subjects",
        "about",
    ]
    eligible = ["email", "parent", "ja", "agreement", "organisation"]
    ineligible = ["email", "other", "nee", "agreement", "organisation"]
    rows = [
        ["E26", "2026-03-02", *eligible],
        ["E30", "2030-03-04", *eligible],
        ["N30", "2030-03-04", *ineligible],
        ["N26", "2026-03-02", *ineligible],
    ]
    return pd.DataFrame(rows, columns=header)


@pytest.mark.parametrize("strict", [False, True])
def test_assess_many_has_house_deadlines_only_where_the_procedure_may_cover_the_complaint(
    strict: bool,
) -> None:
    """House terms run only within CLOCK_MAY_RUN (R7, R12, R17): an ineligible row has no house
    deadline, as assess_record gives none. Under strict_calendar (A2) an ineligible 2030 row is not
    refused; the eligible 2030 row has its ``error`` naming the kind of problem and the year, and
    the others keep their outcomes."""
    policy = attrs.evolve(kr.load_policy("examples/policy.toml"), strict_calendar=strict)
    as_of = dt.date(2030, 6, 1)
    frame = bulk.assess_many(strict_rows(), as_of=as_of, policy=policy)
    by_id = {row["complaint_id"]: row for _, row in frame.iterrows()}
    for complaint_id in ("N26", "N30"):
        row = by_id[complaint_id]
        assert row["eligibility"] == "not_eligible"
        assert pd.isna(row["error"])
        for key in ("house_handling", "first_contact", "acknowledgement", "handling"):
            assert pd.isna(row[f"{key}_deadline"])
            assert pd.isna(row[f"{key}_provisional"])
    assert by_id["E26"]["house_handling_deadline"] == pd.Timestamp(2026, 4, 6)
    assert pd.isna(by_id["E26"]["error"])
    e30 = by_id["E30"]
    if strict:
        assert pd.isna(e30["eligibility"])
        assert pd.isna(e30["handling_deadline"])
        assert "is provisional" in e30["error"]
        assert "2030" in e30["error"]
        assert "(A2)" in e30["error"]
        assert e30["row"] == 2
    else:
        assert pd.isna(e30["error"])
        assert e30["handling_provisional"]
        expected = assess_record(read_register_all(strict_rows()).records[1], as_of=as_of, policy=policy)
        assert e30["handling_deadline"] == pd.Timestamp(expected.deadlines["handling"].date)
