"""Property tests: whatever bytes a register holds, reading ends in records, row errors or a typed error."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels.errors import KlachtregelsError
from klachtregels.register import COLUMNS, ColumnKind, read_register

NAMES = [c.name for c in COLUMNS]


def _read(data: bytes, fmt: str, **kw: object) -> None:
    reader = read_register(io.BytesIO(data), format=fmt, **kw)  # type: ignore[arg-type]
    try:
        records = list(reader)
    except KlachtregelsError:
        s = reader.summary
        assert s.rows_read == s.rows_ok + s.rows_rejected
        return
    s = reader.summary
    assert s.complete
    assert s.rows_read == s.rows_ok + s.rows_rejected
    assert s.rows_ok == len(records)
    assert all(e.row >= 1 for e in reader.errors)
    assert len({e.row for e in reader.errors}) == s.rows_rejected


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), fmt=st.sampled_from(["csv", "jsonl", "json"]))
def test_garbage_bytes(data: bytes, fmt: str) -> None:
    _read(data, fmt)


@settings(max_examples=200)
@given(
    header=st.lists(st.sampled_from([*NAMES, "kleur", ""]), min_size=1, max_size=6),
    body=st.text(alphabet=st.sampled_from(list('ab,;\t"\n\r|-/0123456789éß')), max_size=300),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"]),
    read_as=st.sampled_from([None, "cp1252", "latin-1"]),
)
def test_wrong_encodings_and_csv_noise(
    header: list[str], body: str, encoding: str, read_as: str | None
) -> None:
    text = ",".join(header) + "\n" + body
    _read(text.encode(encoding, errors="replace"), "csv", encoding=read_as)


def _cell(column_kind: ColumnKind) -> st.SearchStrategy[str]:
    words = st.sampled_from(["ja", "nee", "gegrond", "deels", "onbekend", "geen", "conduct;agreement", "x"])
    dates = st.builds(
        lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}",
        st.integers(0, 40),
        st.integers(0, 14),
        st.integers(1, 9999),
        st.sampled_from(["-", "/", "."]),
    )
    if column_kind == ColumnKind.DATE:
        return st.one_of(dates, st.dates().map(str), st.text(max_size=12))
    return st.one_of(words, st.text(max_size=20))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_rows_impossible_dates_unknown_values_dropped_cells(data: st.DataObject) -> None:
    columns = data.draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8, unique=True))
    rows = []
    for _ in range(data.draw(st.integers(0, 6))):
        cells = [data.draw(_cell(c.kind)) for c in columns]
        if cells and data.draw(st.booleans()):
            del cells[data.draw(st.integers(0, len(cells) - 1))]  # a dropped cell
        rows.append(cells)
    out = io.StringIO()
    import csv

    writer = csv.writer(out)
    writer.writerow([c.name for c in columns])
    writer.writerows(rows)
    _read(out.getvalue().encode(), "csv")
    jsonl = "\n".join(json.dumps(dict(zip([c.name for c in columns], r, strict=False))) for r in rows)
    _read(jsonl.encode(), "jsonl")


@settings(max_examples=50)
@given(size=st.integers(0, 3), field=st.sampled_from(["description", "received_on", "verdict"]))
def test_huge_fields(size: int, field: str) -> None:
    cell = "z" * (10 ** (size + 3) * 2)
    _read(f"id,{field}\nK1,{cell}\n".encode(), "csv")
