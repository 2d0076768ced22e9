"""The streaming run (`stream_check`, the CLI's path) against the in-memory one (`check_register` + `render`).

Both must give the same text in every format, for registers with good rows, rejected rows (bad
dates, bad bytes, stray quotes, short rows) and with or without an organisation file; the
streaming run keeps no finding between rows (its reader hands errors over, its tally keeps
counters), which `benchmarks/bench_check_memory.py` measures.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.compliance import (
    FORMATS,
    CheckSettings,
    FailOn,
    K4Tally,
    check_register,
    make_sink,
    render,
    stream_check,
)
from klachtregels.compliance.render import render_github
from klachtregels.errors import InvalidInputError, KlachtregelsError
from klachtregels.organisation import load_organisation
from klachtregels.policy import load_policy
from klachtregels.register import RowError, read_register
from klachtregels.rules.organisation import DutyContext, organisation_duties

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AS_OF = dt.date(2026, 5, 7)
HEADER = (
    "id,received_on,channel,location,category,judgement_sent_on,judgement_written,verdict,"
    "measure_description,measure_due_on\n"
)

_GOOD = [
    "K{n},2025-03-0{d},schriftelijk,KDV Zon,Communicatie,2025-04-01,ja,gegrond,Gesprek,2025-05-01",
    "K{n},0{d}-02-2025,mondeling,BSO Maan,Veiligheid,,,,,",
    "K{n},2026-04-2{d},email,KDV Zon,Hygiëne,,,,,",
    "K{n},2025-01-1{d},brief,,,2025-03-30,nee,ongegrond,,",
]
_BAD = [
    "K{n},2025-13-4{d},schriftelijk,KDV Zon,,,,,,",  # impossible date
    "K{n},2025-03-0{d}",  # too few cells
    'K{n},2025-03-0{d},"schriftelijk,KDV Zon,,,,,,,',  # a stray quote
    "K{n},2025-03-0{d},per duif,KDV Zon,,,,,,",  # unknown channel
]


def _register(path: Path, lines: list[str]) -> Path:
    path.write_bytes((HEADER + "\n".join(lines) + "\n").encode("utf-8"))
    return path


def _lines(choices: list[tuple[bool, int, int]]) -> list[str]:
    out = []
    for n, (bad, which, day) in enumerate(choices):
        pool = _BAD if bad else _GOOD
        out.append(pool[which % len(pool)].format(n=n, d=day % 9 + 1))
    return out


def _streamed(
    path: Path, fmt: str, *, organisation: bool, fail_on: str = "error", strict: bool = False
) -> str:
    out = io.StringIO()
    org = load_organisation(EXAMPLES / "organisation.toml") if organisation else None
    sink = make_sink(fmt, out, fail_on=fail_on, strict=strict, register=str(path),
                     organisation_file="org.toml" if organisation else None)  # fmt: skip
    stream_check(
        path,
        sink,
        as_of=AS_OF,
        organisation=org,
        organisation_file="org.toml" if organisation else None,
        fail_on=fail_on,
        strict=strict,
    )
    return out.getvalue()


def _in_memory(
    path: Path, fmt: str, *, organisation: bool, fail_on: str = "error", strict: bool = False
) -> str:
    org = load_organisation(EXAMPLES / "organisation.toml") if organisation else None
    result = check_register(
        path, as_of=AS_OF, organisation=org, organisation_file="org.toml" if organisation else None
    )
    return render(result, fmt, fail_on=fail_on, strict=strict)[0]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    choices=st.lists(st.tuples(st.booleans(), st.integers(0, 7), st.integers(0, 8)), max_size=25),
    fmt=st.sampled_from(FORMATS),
    organisation=st.booleans(),
    fail_on=st.sampled_from(["error", "warning", "never"]),
    strict=st.booleans(),
)
def test_streaming_writes_what_the_in_memory_renderer_writes(
    tmp_path: Path,
    choices: list[tuple[bool, int, int]],
    fmt: str,
    organisation: bool,
    fail_on: str,
    strict: bool,
) -> None:
    path = _register(tmp_path / "r.csv", _lines(choices))
    streamed = _streamed(path, fmt, organisation=organisation, fail_on=fail_on, strict=strict)
    assert streamed == _in_memory(path, fmt, organisation=organisation, fail_on=fail_on, strict=strict)


def test_the_json_output_is_the_in_memory_result(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = _register(tmp_path / "r.csv", _lines([(rng.random() < 0.3, rng.randrange(8), rng.randrange(9))
                                                 for _ in range(60)]))  # fmt: skip
    data = json.loads(_streamed(path, "json", organisation=True))
    expected = check_register(
        path,
        as_of=AS_OF,
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
        organisation_file="org.toml",
    ).to_dict()
    for key, value in expected.items():
        assert data[key] == value, key
    assert data["summary"]["rows_read"] == 60
    assert data["summary"]["rows_rejected"] > 0
    assert {f["row"] for f in data["findings"] if f["id"] == "KR-ROW-REJECTED"}


def test_rows_balance_and_rejected_rows_come_in_file_order(tmp_path: Path) -> None:
    lines = _lines([(i % 3 == 0, i, i) for i in range(30)])
    path = _register(tmp_path / "r.csv", lines)
    text = _streamed(path, "json", organisation=False)
    data = json.loads(text)
    summary = data["summary"]
    assert summary["rows_read"] == summary["rows_checked"] + summary["rows_rejected"] == 30
    rows = [f["row"] for f in data["findings"]]
    assert rows == sorted(rows)


def test_reader_events_give_rows_in_file_order_and_keep_no_errors(tmp_path: Path) -> None:
    path = _register(tmp_path / "r.csv", _lines([(i % 2 == 1, i, i) for i in range(10)]))
    reader = read_register(path)
    events = list(reader.events())
    rows = [e.row for e in events]
    assert rows == sorted(rows)
    assert {type(e).__name__ for e in events} == {"RegisterRecord", "RowError"}
    assert reader.errors == ()  # handed over, not kept
    assert reader.summary.rows_read == 10
    rejected = {e.row for e in events if isinstance(e, RowError)}
    assert reader.summary.rows_rejected == len(rejected) >= 5
    assert reader.summary.rows_ok == len(events) - sum(isinstance(e, RowError) for e in events)
    # Iterated again the usual way, the reader keeps its errors again.
    assert len(list(reader)) == reader.summary.rows_ok
    assert {e.row for e in reader.errors} == rejected


def test_the_cli_streams_to_a_file_and_stdout_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _register(tmp_path / "r.csv", _lines([(i % 4 == 0, i, i) for i in range(20)]))
    for fmt in FORMATS:
        args = ["check", str(path), "--as-of", "2026-05-07", "--format", fmt, "--fail-on", "never"]
        assert main(args) == 0
        shown = capsys.readouterr().out
        target = tmp_path / f"out.{fmt}"
        assert main([*args, "--output", str(target)]) == 0
        assert target.read_text(encoding="utf-8") == shown
        assert shown == _in_memory(path, fmt, organisation=False, fail_on="never")


def test_a_failing_run_leaves_the_old_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _register(tmp_path / "r.csv", _lines([(False, i, i) for i in range(3)]))
    bad = tmp_path / "bad.json"
    bad.write_text("[" * 5000, encoding="utf-8")
    target = tmp_path / "out.txt"
    target.write_text("previous", encoding="utf-8")
    assert main(["check", str(good), str(bad), "--as-of", "2026-05-07", "--output", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "previous"
    assert "bad.json" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_summary_failed_follows_the_counts() -> None:
    result = check_register(EXAMPLES / "register.csv", as_of=AS_OF)
    for level in FailOn:
        for strict in (False, True):
            assert result.summary.failed(level, strict=strict) == result.failed(level, strict=strict)


def test_k4_counts_every_failing_complaint_though_it_keeps_only_a_few_ids() -> None:
    org = load_organisation(EXAMPLES / "organisation.toml")
    tally = K4Tally(failing=("K1", "K2"), failing_count=5000, checked=6000)
    ctx = DutyContext(organisation=org, as_of=AS_OF, policy=load_policy(None), k4=tally)
    k4 = [d for d in organisation_duties(ctx) if d.item == "K4"]
    assert k4
    assert k4[0].details["count"] == 5000


def test_a_far_as_of_date_is_a_typed_error_not_an_overflow(tmp_path: Path) -> None:
    path = _register(tmp_path / "r.csv", _lines([(False, 0, 0)]))
    with pytest.raises(InvalidInputError, match="as_of"):
        stream_check(path, make_sink("text", io.StringIO()), as_of=dt.date(9999, 12, 31))
    with pytest.raises(KlachtregelsError):
        check_register(path, as_of=dt.date(9999, 12, 31))


def test_an_unknown_language_fails_before_a_row_is_read() -> None:
    from klachtregels.messages import UnknownLanguageError

    with pytest.raises(UnknownLanguageError):
        make_sink("json", io.StringIO(), lang="de")
    result = check_register(EXAMPLES / "register.csv", as_of=AS_OF, settings=CheckSettings())
    with pytest.raises(UnknownLanguageError):
        render_github(result, lang="de")
