"""Benchmark: the same generated register as .xlsx and as CSV through ``read_register``, beside peers.

    .venv/bin/python benchmarks/bench_xlsx.py --rows 10000 --rounds 9

Writes the register of ``bench_register.py`` as CSV, and the same rows as an Excel workbook (openpyxl,
write-only; dates as date cells, the rest as text, as Excel keeps a typed register), then times, in
interleaved rounds on the same files (the order rotates every round), and reports the median of each,
by wall clock and by the process's CPU time (the steadier figure on a shared machine):

* ``read_register`` on the CSV file (the reference);
* ``read_register`` on the workbook: the archive check (part sizes, the sheet's extent, error cells),
  python-calamine, each cell as its CSV text, then the same reader as CSV;
* the archive check alone (:func:`~klachtregels.register.xlsx.check_workbook`, before
  python-calamine sees the file);
* python-calamine raw: ``CalamineWorkbook.from_path(...).get_sheet_by_index(0).iter_rows()``, lists of
  cell values (the floor for any reader built on it);
* openpyxl read-only: ``load_workbook(read_only=True, data_only=True)``, ``iter_rows(values_only=True)``
  (the streaming reader a fallback would use).

Then, untimed, each in a fresh process: the maximum resident set size (``VmHWM``) of a read, and the
memory python-calamine holds per cell of the loaded sheet.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import python_calamine
from bench_register import write_register

from klachtregels.register import read_register
from klachtregels.register.xlsx import check_workbook

if TYPE_CHECKING:
    from collections.abc import Callable

_DATE_COLUMNS = {"received_on", "judgement_sent_on", "measure_due_on"}


def _date_cell(text: str) -> dt.date | str:
    """A date cell for the date texts of the generated register (ISO or dd-mm-jjjj)."""
    if not text:
        return text
    if text[4] == "-":
        return dt.date.fromisoformat(text)
    day, month, year = text.split("-")
    return dt.date(int(year), int(month), int(day))


def write_workbook(csv_path: Path, path: Path) -> None:
    """The CSV register as a workbook: date columns as date cells, the rest as text."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Klachten")
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows)
        sheet.append(header)
        dates = [i for i, name in enumerate(header) if name in _DATE_COLUMNS]
        for row in rows:
            cells: list[object] = list(row)
            for i in dates:
                cells[i] = _date_cell(row[i])
            sheet.append([c if c != "" else None for c in cells])
    book.save(path)


def _ours(path: Path) -> int:
    reader = read_register(path)
    n = sum(1 for _ in reader)
    s = reader.summary
    assert s.rows_read == n, s
    assert s.rows_rejected == 0, reader.errors[:3]
    return n


def _archive_check(path: Path) -> int:
    with path.open("rb") as fh:
        check_workbook(fh)
    return 0


def _calamine_raw(path: Path) -> int:
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return sum(1 for _ in sheet.iter_rows()) - 1


def _openpyxl_read_only(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True)) - 1
    finally:
        book.close()


def _rounds(
    contestants: dict[str, tuple[Callable[[Path], int], Path]], rounds: int, rows: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Seconds per read of each contestant per round, by wall clock and by CPU time of this process."""
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in contestants}
    names = list(contestants)
    for r in range(rounds):
        for name in itertools.islice(itertools.cycle(names), r % len(names), r % len(names) + len(names)):
            run, path = contestants[name]
            wall, cpu = time.perf_counter(), time.process_time()
            n = run(path)
            times[name][0].append(time.perf_counter() - wall)
            times[name][1].append(time.process_time() - cpu)
            assert n in (rows, 0), (name, n)
    return times


_RSS = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024"


def _fresh(code: str, path: Path) -> str:
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def _memory(csv_path: Path, xlsx_path: Path) -> None:
    """Max RSS of a read in a fresh process; python-calamine's memory per cell of a loaded sheet."""
    read = (
        "import sys\nfrom klachtregels.register import read_register\n"
        f"sum(1 for _ in read_register(sys.argv[1]))\nprint({_RSS})\n"
    )
    for label, path in (("CSV", csv_path), (".xlsx", xlsx_path)):
        print(
            f"read_register {label} in a fresh process (untimed): max RSS {float(_fresh(read, path)):.1f} MB"
        )
    held = (
        "import sys, python_calamine\n"
        f"base = {_RSS}\n"
        "sheet = python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)\n"
        f"print(({_RSS} - base) * 1024 * 1024 / (sheet.height * sheet.width), sheet.height * sheet.width)\n"
    )
    per_cell, cells = _fresh(held, xlsx_path).split()
    print(
        f"python-calamine holds the loaded sheet: {float(per_cell):.0f} bytes a cell ({int(cells):,} cells)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print one table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, xlsx_path = Path(tmp) / "register.csv", Path(tmp) / "register.xlsx"
        write_register(csv_path, args.rows)
        write_workbook(csv_path, xlsx_path)
        print(
            f"register: {args.rows:,} rows; CSV {csv_path.stat().st_size / 1e6:.1f} MB, .xlsx "
            f"{xlsx_path.stat().st_size / 1e6:.1f} MB; {args.rounds} interleaved rounds, medians"
        )
        contestants: dict[str, tuple[Callable[[Path], int], Path]] = {
            "read_register CSV": (_ours, csv_path),
            "read_register .xlsx": (_ours, xlsx_path),
            "  of which the archive check": (_archive_check, xlsx_path),
            "python-calamine raw iter_rows": (_calamine_raw, xlsx_path),
            "openpyxl read-only iter_rows": (_openpyxl_read_only, xlsx_path),
        }
        times = _rounds(contestants, args.rounds, args.rows)
        reference = statistics.median(times["read_register CSV"][1])
        print(f"{'contestant':<32} {'ms wall':>8} {'ms CPU':>7} {'rows/s CPU':>11} {'× CSV CPU':>10}")
        for name, (wall, cpu) in times.items():
            median = statistics.median(cpu)
            print(
                f"{name:<32} {statistics.median(wall) * 1e3:>8.1f} {median * 1e3:>7.1f}"
                f" {args.rows / median:>11,.0f} {median / reference:>10.2f}"
            )
        _memory(csv_path, xlsx_path)
        print(
            f"python {sys.version.split()[0]}, python-calamine {_version('python-calamine')}, "
            f"openpyxl {openpyxl.__version__}"
        )
    return 0


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    raise SystemExit(main())
