"""Benchmark: peak memory and speed of ``klachtregels report`` per output format, beside ``csv.DictReader``.

    .venv/bin/python benchmarks/bench_report_memory.py --rows 10000 100000 --rounds 3
    .venv/bin/python benchmarks/bench_report_memory.py --rows 1000000 --rounds 1   # once: ~6 minutes

For each size, writes a register with the generator of ``benchmarks/bench_register.py`` (row by
row, never held in memory), then runs, each in a fresh process and in interleaved rounds (the order
rotates every round, so a busy machine slows every contestant alike):

* ``csv.DictReader``: the standard library reading the same file into dicts (the floor);
* ``klachtregels report FILE --year 2025 --format F --output OUT`` for F in md, html and json: the
  whole command, from reading the register to the written report.

Each figure is the median over the rounds: the process's maximum resident set size (``wait4``'s
``ru_maxrss``, as ``/usr/bin/time -f %M`` shows it) and rows per second of wall time, interpreter
start-up included. Target (issue 9 item 5): under 200 MB at 1,000,000 rows in every format.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_register import write_register

FORMATS = ("md", "html", "json")
DICTREADER = "csv.DictReader"
_DICTREADER_CODE = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='utf-8', newline='') as fh:\n"
    "    print(sum(1 for _ in csv.DictReader(fh)))\n"
)


def _command(name: str, register: Path, out: Path) -> list[str]:
    if name == DICTREADER:
        return [sys.executable, "-c", _DICTREADER_CODE, str(register)]
    return [
        sys.executable,
        "-m",
        "klachtregels.cli",
        "report",
        str(register),
        "--year",
        "2025",
        "--format",
        name,
        "--output",
        str(out / f"report.{name}"),
    ]


def _run(command: list[str]) -> tuple[float, float]:
    """Run ``command`` in a fresh process: (its maximum RSS in MB, its wall time in seconds)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = child.stderr.read().decode() if child.stderr is not None else ""
    if child.stderr is not None:
        child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command[3:5]} failed ({child.returncode}): {stderr[-400:]}")
    return usage.ru_maxrss / 1024, elapsed


def measure(rows: int, rounds: int) -> dict[str, tuple[float, float]]:
    """Median maximum RSS (MB) and rows/s per contestant on a generated register of ``rows`` rows."""
    names = [DICTREADER, *FORMATS]
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        register = Path(tmp) / "register.csv"
        write_register(register, rows)
        for r in range(rounds):
            for name in itertools.islice(itertools.cycle(names), r % len(names), r % len(names) + len(names)):
                rss, seconds = _run(_command(name, register, Path(tmp)))
                results[name].append((rss, rows / seconds))
    return {
        name: (statistics.median(m for m, _ in runs), statistics.median(s for _, s in runs))
        for name, runs in results.items()
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print one table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}; {args.rounds} interleaved rounds, medians; fresh process each")
    print(f"{'rows':>9}  {'contestant':<36} {'max RSS MB':>10} {'rows/s':>9} {'× DictReader time':>18}")
    for rows in args.rows:
        figures = measure(rows, args.rounds)
        floor = figures[DICTREADER][1]
        for name, (rss, rate) in figures.items():
            label = name if name == DICTREADER else f"klachtregels report --format {name}"
            print(f"{rows:>9,}  {label:<36} {rss:>10.1f} {rate:>9,.0f} {floor / rate:>18.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
