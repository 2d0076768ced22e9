"""Benchmark: the whole ``klachtregels check`` run as users run it, beside reading the same file.

    .venv/bin/python benchmarks/bench_check.py --rows 100000 --rounds 5

Writes a generated register of N rows (the generator of ``bench_register.py``), then times, in
interleaved rounds on the same file (a busy machine slows every contestant alike), and reports the
median of each:

* ``csv.DictReader``: the standard library reading the rows into dicts (the floor for any tool);
* ``read_register``: klachtregels reading them into validated records;
* ``check_register``: the compliance run in-process (one assessment per row, findings projected);
* ``CLI check --format text``: ``klachtregels check FILE --as-of ... --fail-on never`` as a
  subprocess, its text output written to a file: the path users actually run, start-up included;
* ``CLI check --format json``: the same with JSON output.

Target (issue 8): ``check`` at least 20,000 rows/s end to end (CLI, text output).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from klachtregels.compliance import check_register
from klachtregels.register import read_register

if TYPE_CHECKING:
    from collections.abc import Callable

AS_OF = dt.date(2026, 5, 7)
HERE = Path(__file__).resolve().parent


def _write_register(path: Path, rows: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_register", HERE / "bench_register.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_register(path, rows)


def _dictreader(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        for _ in csv.DictReader(fh):
            pass


def _read(path: Path) -> None:
    reader = read_register(path)
    for _ in reader:
        pass


def _check(path: Path) -> None:
    check_register(path, as_of=AS_OF)


def _cli(fmt: str) -> Callable[[Path], None]:
    exe = Path(sys.executable).with_name("klachtregels")

    def run(path: Path) -> None:
        out = path.with_suffix(f".{fmt}.out")
        with out.open("wb") as fh:
            subprocess.run(
                [
                    str(exe),
                    "check",
                    str(path),
                    "--as-of",
                    AS_OF.isoformat(),
                    "--fail-on",
                    "never",
                    "--format",
                    fmt,
                ],
                stdout=fh,
                check=True,
            )

    return run


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table of medians."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    contestants: dict[str, Callable[[Path], None]] = {
        "csv.DictReader": _dictreader,
        "read_register": _read,
        "check_register (in-process)": _check,
        "CLI check --format text": _cli("text"),
        "CLI check --format json": _cli("json"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        _write_register(path, args.rows)
        times: dict[str, list[float]] = {name: [] for name in contestants}
        for _ in range(args.rounds):
            for name, run in contestants.items():
                start = time.perf_counter()
                run(path)
                times[name].append(time.perf_counter() - start)
    print(f"{args.rows:,} rows, {args.rounds} interleaved rounds, median; Python {sys.version.split()[0]}")
    print(f"{'contestant':32} {'seconds':>9} {'rows/s':>10}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:32} {median:9.3f} {args.rows / median:10,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
