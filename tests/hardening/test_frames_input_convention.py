"""A DataFrame register reads as the same register written to CSV, hostile values included.

The one input convention (docs/register.md, Values) holds in the notebook door too: a pandas or
polars DataFrame with text stripped or blank, names holding an invisible character, ISO week dates,
Dutch date forms, date-times with an offset, missing values (None, NaN, NaT) and typed moments (pandas
Timestamps with and without a zone, numpy ``datetime64``, dates) gives the same records, the same
rejections (naming the row and field, never the value) and, through ``assess_many``, the same
outcomes and deadlines as ``read_register`` of the CSV file and ``assess_record`` of its records.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels.bulk import assess_many
from klachtregels.decisions import assess_record
from klachtregels.errors import KlachtregelsError
from klachtregels.register import RegisterResult, read_register_all

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

AS_OF = dt.date(2031, 6, 1)
#: ``received_on`` first: a CSV line that starts with U+FEFF is read as a byte-order mark left by joining two
#: exports (register.sources drops it), an artefact of the file a DataFrame cannot have. A date cell never
#: starts with one here, so the first column compares the cells themselves.
HEADER = ["received_on", "id", "channel", "complainant_role", "complainant_contract_party", "subjects",
          "about", "location", "category", "judgement_sent_on", "verdict"]  # fmt: skip
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")  # fmt: skip
#: Unicode format characters (category Cf) a pasted name may hold.
INVISIBLE = (
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\ufeff",
)
#: Surrounding whitespace a cell may hold (a no-break space too: str.strip takes it, as the register does).
PAD = st.sampled_from(("", " ", "  ", "\t", "\u00a0"))


@st.composite
def names(draw: st.DrawFn, words: tuple[str, ...]) -> str:
    """A name or id as typed: words, spaces around, perhaps blank, perhaps an invisible character in it."""
    name = " ".join(draw(st.lists(st.sampled_from(words), max_size=3)))
    if name and draw(st.booleans()):
        at = draw(st.integers(0, len(name)))
        name = name[:at] + draw(st.sampled_from(INVISIBLE)) + name[at:]
    return draw(PAD) + name + draw(PAD)


@st.composite
def day_cells(draw: st.DrawFn) -> tuple[str, Any]:
    """A date cell as CSV text and as a DataFrame holds it (the same text, or a typed value)."""
    day = draw(st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)))
    hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from((0, 30)))
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    form = draw(
        st.sampled_from(
            ("iso", "dutch", "slash", "month", "offset", "week", "invisible", "blank",
             "timestamp", "timestamp_tz", "datetime64", "date", "none", "nan", "nat")
        )
    )  # fmt: skip
    pad = draw(PAD)
    if form == "iso":
        return (text := pad + day.isoformat() + pad), text
    if form == "dutch":
        return (text := day.strftime("%d-%m-%Y")), text
    if form == "slash":
        return (text := f"{day.day}/{day.month}/{day.year}"), text
    if form == "month":
        return (text := f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"), text
    if form == "offset":
        offset = draw(st.sampled_from(("Z", "+01:00", "-02:00", "+14:00")))
        return (text := moment.strftime("%Y-%m-%dT%H:%M") + offset), text
    if form == "week":
        year, week, weekday = day.isocalendar()
        return (text := f"{year}-W{week:02d}-{weekday}"), text
    if form == "invisible":
        return (text := day.isoformat() + draw(st.sampled_from(INVISIBLE))), text
    if form == "blank":
        return (text := pad), text
    # A naive moment is Amsterdam time (A22); at midnight it is a date, as pandas holds a date column.
    text = day.isoformat() if moment.time() == dt.time() else moment.isoformat()
    if form == "timestamp":
        return text, pd.Timestamp(moment)
    if form == "timestamp_tz":
        zone = draw(st.sampled_from(("UTC", "Europe/Amsterdam", "America/New_York")))
        stamp = pd.Timestamp(moment).tz_localize(zone)
        return stamp.isoformat(), stamp
    if form == "datetime64":
        return text, np.datetime64(moment, "m")
    if form == "date":
        return day.isoformat(), day
    return "", {"none": None, "nan": float("nan"), "nat": pd.NaT}[form]


@st.composite
def registers(draw: st.DrawFn) -> tuple[list[list[str]], list[list[Any]]]:
    """Rows of a register: the CSV texts and the DataFrame cells."""
    texts, cells = [], []
    for _ in range(draw(st.integers(1, 4))):
        received = draw(day_cells())
        sent = draw(st.one_of(st.just(("", None)), day_cells()))
        fixed = {
            "id": draw(names(("A-1", "K2", "2026-07"))),
            "channel": draw(st.sampled_from(("email", " e-mail ", "brief", ""))),
            "complainant_role": draw(st.sampled_from(("parent", " ouder", "other", ""))),
            "complainant_contract_party": draw(st.sampled_from(("ja", "nee ", ""))),
            "subjects": "agreement",
            "about": "organisation",
            "location": draw(names(("KDV", "De", "Zon", "Beukenstraat", "11-II"))),
            "category": draw(names(("Planning", "Facturen"))),
            "verdict": draw(st.sampled_from(("", " ongegrond ", "gegrond", "onge\u200bgrond"))),
        }
        row_texts = [
            {"received_on": received[0], "judgement_sent_on": sent[0]}.get(h, fixed.get(h, ""))
            for h in HEADER
        ]
        row_cells = [
            {"received_on": received[1], "judgement_sent_on": sent[1]}.get(h, fixed.get(h, ""))
            for h in HEADER
        ]
        texts.append(row_texts)
        cells.append(row_cells)
    return texts, cells


def read_csv(texts: list[list[str]]) -> RegisterResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(texts)
        return read_register_all(path)


def same_rows(from_csv: RegisterResult, from_frame: RegisterResult) -> None:
    """The same records and the same rejections; a frame's row n is the file's line n + 1."""
    assert [r.to_dict() | {"row": r.row + 1} for r in from_frame.records] == [
        r.to_dict() for r in from_csv.records
    ]
    assert [
        (e.row + 1, e.describe().replace(f"row {e.row},", f"row {e.row + 1},")) for e in from_frame.errors
    ] == [(e.row, e.describe()) for e in from_csv.errors]
    assert from_frame.summary.rows_read == from_csv.summary.rows_read


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register=registers())
def test_a_dataframe_register_is_the_csv_register(register: tuple[list[list[str]], list[list[Any]]]) -> None:
    texts, cells = register
    from_csv = read_csv(texts)
    frame = pd.DataFrame(cells, columns=HEADER, dtype=object)
    from_frame = read_register_all(frame)
    same_rows(from_csv, from_frame)
    same_rows(from_csv, read_register_all(pd.DataFrame(texts, columns=HEADER, dtype=str)))
    for error in from_frame.errors:  # the field and the kind of problem, never the value
        assert error.column in HEADER
        for cell in (c for row in texts for c in row if c.strip()):
            assert cell.strip() not in error.describe()

    table = assess_many(frame, as_of=AS_OF)
    assert len(table) == from_csv.summary.rows_read
    rows = {row["row"]: row for _, row in table.iterrows()}
    for line in {e.row for e in from_csv.errors}:  # a rejected row: its problems, no outcomes
        assert rows[line - 1]["error"] == "; ".join(
            e.describe().replace(f"row {line},", f"row {line - 1},") for e in from_csv.errors if e.row == line
        )
        assert pd.isna(rows[line - 1]["eligibility"])
    for record in from_csv.records:
        row = rows[record.row - 1]
        try:
            expected = assess_record(record, as_of=AS_OF, lazy=False)
        except KlachtregelsError as exc:  # such as a judgement sent before the complaint's receipt
            refused = str(exc)
        else:
            refused = None
        if refused is not None:
            assert row["error"] == refused
            continue
        assert pd.isna(row["error"])
        assert (None if pd.isna(row["complaint_id"]) else row["complaint_id"]) == expected.complaint_id
        assert row["eligibility"] == expected.eligibility.outcome
        assert row["status"] == expected.status
        for key in ("handling", "house_handling", "gck_filing_limit", "first_contact", "acknowledgement"):
            found = expected.deadlines.get(key)
            if found is None:
                assert pd.isna(row[f"{key}_deadline"])
            else:
                assert row[f"{key}_deadline"] == pd.Timestamp(found.date)
                assert row[f"{key}_provisional"] == found.provisional


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register=registers())
def test_a_polars_register_is_the_csv_register(register: tuple[list[list[str]], list[list[Any]]]) -> None:
    pl = pytest.importorskip("polars")
    texts, _ = register
    frame = pl.DataFrame(texts, schema=HEADER, orient="row")
    same_rows(read_csv(texts), read_register_all(frame))
