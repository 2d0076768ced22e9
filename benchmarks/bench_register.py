"""Benchmark: stream a generated register of N rows through ``read_register``, beside its peers.

    .venv/bin/python benchmarks/bench_register.py --rows 100000 --rounds 7

Writes the register to a temporary file row by row (never held in memory), then times, in
interleaved rounds on the same file (so a busy machine slows every contestant alike), and reports
the median of each:

* ``csv.DictReader``: the standard library reading the same rows into dicts (the floor);
* ``read_register``: klachtregels reading them into validated ``RegisterRecord`` objects;
* ``model constructors``: building the same ``Party``/``Signal``/``Measure``/``Complaint``/
  ``Judgement``/``RegisterRecord`` objects from already-read values (a sample of 20,000 rows), to
  show how much of ``read_register`` is the model's own construction and validation;
* ``the reader's builders only``: the same objects through the builders ``read_register`` uses
  (``klachtregels.register.assemble.BUILDERS``: the slots set directly, the same validation).

Then, in a fresh process and untimed: the maximum resident set size after one read, and the peak of
Python allocations (tracemalloc) during a second read. Target (issue 8): >= 60,000 rows/s.
``--check`` times the whole compliance run (``klachtregels.compliance.check_register``) instead.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from klachtregels.model import Complaint, Judgement, Measure, Party, RegisterRecord, Signal
from klachtregels.register import read_register

if TYPE_CHECKING:
    from collections.abc import Callable

HEADER = [
    "id",
    "received_on",
    "channel",
    "complainant_role",
    "subjects",
    "signals",
    "location",
    "category",
    "organisation",
    "description",
    "judgement_sent_on",
    "judgement_written",
    "verdict",
    "judgement_summary",
    "measure_description",
    "measure_due_on",
]
VERDICTS = ["Gegrond", "deels gegrond", "ongegrond", ""]
CHANNELS = ["email", "web_form", "brief", "mondeling", ""]
SAMPLE = 20_000


def write_register(path: Path, rows: int, seed: int = 4) -> None:
    """A register of ``rows`` rows: half the dates Dutch, a mix of aliases, about 253 bytes a row."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(rows):
            received = start + dt.timedelta(days=rng.randrange(365))
            sent = received + dt.timedelta(days=rng.randrange(60))
            dutch = rng.random() < 0.5
            writer.writerow(
                [
                    f"K-{i:07d}",
                    received.strftime("%d-%m-%Y") if dutch else received.isoformat(),
                    rng.choice(CHANNELS),
                    rng.choice(["ouder", "parent", "grootouder", ""]),
                    rng.choice(["conduct", "conduct;agreement", "werkwijze", ""]),
                    rng.choice(["geen", "", "ambiguous"]),
                    f"KDV Locatie {rng.randrange(300)}",
                    f"Categorie {rng.randrange(24)}",
                    rng.choice(["Smallsteps B.V.", "Partou B.V."]),
                    "Ouder is ontevreden over de communicatie, wil graag een gesprek.",
                    sent.isoformat(),
                    rng.choice(["ja", "nee", ""]),
                    rng.choice(VERDICTS),
                    "Locatiemanager heeft contact opgenomen en afspraken gemaakt.",
                    rng.choice(["Nieuw protocol", ""]),
                    (sent + dt.timedelta(days=30)).isoformat() if rng.random() < 0.3 else "",
                ]
            )


def _dictreader(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def _ours(path: Path) -> int:
    reader = read_register(path)
    n = sum(1 for _ in reader)
    s = reader.summary
    assert s.rows_read == n, s
    assert s.rows_rejected == 0, reader.errors[:3]
    return n


def _fields(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}


_Kwargs = tuple[dict[str, object], dict[str, object] | None, tuple, dict[str, object] | None, tuple, object]


def _kwargs(record: RegisterRecord) -> _Kwargs:
    """The constructor arguments of ``record``'s objects, prepared before timing."""
    c = _fields(record.complaint)
    party = c.pop("complainant")
    signals = c.pop("signals")
    j = _fields(record.judgement) if record.judgement is not None else None
    measures = j.pop("measures") if j is not None else None
    return (
        c,
        _fields(party) if party is not None else None,
        tuple(_fields(s) for s in signals) if signals is not None else None,
        j,
        tuple(_fields(m) for m in measures) if measures is not None else None,
        record.row,
    )


def _construct_one(kw: _Kwargs) -> RegisterRecord:
    """Build one record through the model's constructors, as the reader does (same objects)."""
    c, party, signals, j, measures, row = kw
    judgement = None
    if j is not None:
        listed = None if measures is None else tuple(Measure(**m) for m in measures)
        judgement = Judgement(**j, measures=listed)
    complaint = Complaint(
        **c,
        complainant=Party(**party) if party is not None else None,
        signals=None if signals is None else tuple(Signal(**s) for s in signals),
    )
    return RegisterRecord(complaint=complaint, judgement=judgement, filing=None, row=row)


def _reader_builders(records: list[RegisterRecord]) -> Callable[[Path], int]:
    """The same records through the reader's builders (``assemble.BUILDERS``: the same objects).

    Imported here, not at the top: ``bench_check.py`` loads this module for its register writer,
    also against trees that have no builders.
    """
    from klachtregels.register.assemble import BUILDERS as build

    def one(kw: _Kwargs) -> RegisterRecord:
        c, party, signals, j, measures, row = kw
        judgement = None
        if j is not None:
            listed = None if measures is None else tuple(build[Measure](m) for m in measures)
            judgement = build[Judgement]({**j, "measures": listed})
        complainant = build[Party](party) if party is not None else None
        kinds = None if signals is None else tuple(build[Signal](s) for s in signals)
        complaint = build[Complaint]({**c, "complainant": complainant, "signals": kinds})
        record: RegisterRecord = build[RegisterRecord](
            {"complaint": complaint, "judgement": judgement, "filing": None, "row": row}
        )
        return record

    return _model_constructors(records, one)


def _model_constructors(
    records: list[RegisterRecord], build: Callable[[_Kwargs], RegisterRecord] = _construct_one
) -> Callable[[Path], int]:
    prepared = [_kwargs(r) for r in records]
    assert all(build(k) == r for k, r in zip(prepared, records, strict=True))

    def run(_path: Path) -> int:
        for kw in prepared:
            build(kw)
        return len(prepared)

    return run


def _rounds(
    path: Path, contestants: dict[str, Callable[[Path], int]], rounds: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Rows per second of each contestant per round, by wall clock and by CPU time of this process
    (the CPU figure is steadier on a shared machine); the order rotates every round."""
    rates: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in contestants}
    names = list(contestants)
    for r in range(rounds):
        for name in itertools.islice(itertools.cycle(names), r % len(names), r % len(names) + len(names)):
            wall, cpu = time.perf_counter(), time.process_time()
            n = contestants[name](path)
            rates[name][0].append(n / (time.perf_counter() - wall))
            rates[name][1].append(n / (time.process_time() - cpu))
    return rates


def _peak_memory(path: Path) -> tuple[float, float]:
    """Untimed reads in a fresh process: its max RSS after one read, then the tracemalloc peak of a
    second read (tracemalloc's own tables would inflate the RSS, so it starts after), in MB."""
    code = (
        "import sys, tracemalloc\n"
        "from klachtregels.register import read_register\n"
        "sum(1 for _ in read_register(sys.argv[1]))\n"
        # VmHWM, not ru_maxrss: a forked child inherits its parent's ru_maxrss
        "rss = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024\n"
        "tracemalloc.start()\n"
        "sum(1 for _ in read_register(sys.argv[1]))\n"
        "print(tracemalloc.get_traced_memory()[1] / 1e6, rss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    peak, rss = out.stdout.split()
    return float(peak), float(rss)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print one table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--check",
        action="store_true",
        help="time the whole compliance run (klachtregels.compliance.check_register) instead of reading only",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        write_register(path, args.rows)
        size_mb = path.stat().st_size / 1e6
        print(f"register: {args.rows:,} rows, {size_mb:,.1f} MB; {args.rounds} interleaved rounds, medians")
        if args.check:
            return _check(path, args.rows)
        sample = list(itertools.islice(read_register(path), SAMPLE))
        contestants = {
            "csv.DictReader (dicts of strings)": _dictreader,
            "klachtregels read_register (records)": _ours,
            f"model constructors only ({len(sample):,} rows)": _model_constructors(sample),
            f"the reader's builders only ({len(sample):,} rows)": _reader_builders(sample),
        }
        rates = _rounds(path, contestants, args.rounds)
        floor = statistics.median(rates["csv.DictReader (dicts of strings)"][0])
        print(f"{'contestant':<42} {'rows/s':>9} {'µs/row':>7} {'× DictReader':>13} {'rows/s CPU':>11}")
        for name, (wall, cpu) in rates.items():
            median = statistics.median(wall)
            print(
                f"{name:<42} {median:>9,.0f} {1e6 / median:>7.1f} {floor / median:>13.1f}"
                f" {statistics.median(cpu):>11,.0f}"
            )
        peak, rss = _peak_memory(path)
        print(f"reading in a fresh process (untimed): max RSS {rss:.1f} MB, tracemalloc peak {peak:.1f} MB")
        print(f"python {sys.version.split()[0]}")
    return 0


def _check(path: Path, rows: int) -> int:
    from klachtregels.compliance import check_register

    t0 = time.perf_counter()
    result = check_register(path, as_of=dt.date(2026, 5, 7))
    elapsed = time.perf_counter() - t0
    s = result.summary
    assert s.rows_read == rows == s.rows_checked + s.rows_rejected, s
    print(f"checked {s.rows_checked:,} rows in {elapsed:.1f} s: {rows / elapsed:,.0f} rows/s")
    print(f"findings: {s.errors:,} errors, {s.warnings:,} warnings, {s.infos:,} info")
    print(f"max RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")
    print(f"python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
