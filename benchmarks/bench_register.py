"""Benchmark: stream a generated register of N rows through ``read_register``.

    .venv/bin/python benchmarks/bench_register.py --rows 1000000

Writes the register to a temporary file row by row (never held in memory), reads it back,
and prints rows per second and peak memory: tracemalloc's peak of Python allocations during the
read, and the process's maximum resident set size (``resource.getrusage``). Targets (issue 4):
>= 20,000 rows/s on one core; peak memory < 200 MB whatever the size.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from klachtregels.register import read_register

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


def write_register(path: Path, rows: int, seed: int = 4) -> None:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-tracemalloc", action="store_true", help="time without tracemalloc overhead")
    parser.add_argument(
        "--check",
        action="store_true",
        help="time the whole compliance run (klachtregels.compliance.check_register) instead of reading only",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        t0 = time.perf_counter()
        write_register(path, args.rows)
        size_mb = path.stat().st_size / 1e6
        print(f"generated {args.rows:,} rows ({size_mb:,.1f} MB) in {time.perf_counter() - t0:.1f} s")
        if not args.no_tracemalloc:
            tracemalloc.start()
        if args.check:
            return _check(path, args.rows, t_trace=not args.no_tracemalloc)
        reader = read_register(path)
        t0 = time.perf_counter()
        n = 0
        for _record in reader:
            n += 1
        elapsed = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] if not args.no_tracemalloc else None
        tracemalloc.stop()
        s = reader.summary
        assert s.rows_read == args.rows == s.rows_ok + s.rows_rejected, s
        assert s.rows_rejected == 0, reader.errors[:3]
        maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"read {n:,} records in {elapsed:.1f} s: {n / elapsed:,.0f} rows/s")
        if peak is not None:
            print(f"tracemalloc peak during read: {peak / 1e6:.1f} MB (timing includes tracemalloc overhead)")
        print(f"max RSS of the process: {maxrss_kb / 1024:.1f} MB")
        print(f"python {sys.version.split()[0]}")
    return 0


def _check(path: Path, rows: int, *, t_trace: bool) -> int:
    from klachtregels.compliance import check_register

    t0 = time.perf_counter()
    result = check_register(path, as_of=dt.date(2026, 5, 7))
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] if t_trace else None
    tracemalloc.stop()
    s = result.summary
    assert s.rows_read == rows == s.rows_checked + s.rows_rejected, s
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"checked {s.rows_checked:,} rows in {elapsed:.1f} s: {rows / elapsed:,.0f} rows/s")
    print(f"findings: {s.errors:,} errors, {s.warnings:,} warnings, {s.infos:,} info")
    if peak is not None:
        print(f"tracemalloc peak during the check: {peak / 1e6:.1f} MB (timing includes its overhead)")
    print(f"max RSS of the process: {maxrss_kb / 1024:.1f} MB")
    print(f"python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
