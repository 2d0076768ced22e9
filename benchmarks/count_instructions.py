"""Instructions per call of the calendar's and the terms' hot paths, counted by callgrind.

CPU time on a shared machine moves by a factor of two between hours; instruction counts do not. For
each path this script runs itself under ``valgrind --tool=callgrind`` twice, once calling the path
on every day of 2026 40 times and once 20 times (after the same warm-up), and prints the difference
divided by 20 x 365: the instructions of one call, the benchmark's own loop included.
``assess_record`` runs on 365 records of the seeded generated register (``bench_register.py``)
received by its as-of day, 2026-05-07, statutory baseline.

    python benchmarks/count_instructions.py                 # this checkout's klachtregels
    python benchmarks/count_instructions.py assess_record   # one path
    PYTHONPATH=/tmp/old/src python benchmarks/count_instructions.py   # another tree, to compare

Needs ``valgrind`` on the PATH. ``PYTHONHASHSEED=0`` is set for the runs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

PATHS = (
    "handling_deadline",
    "deadline_2_working_days",
    "add_working_days",
    "is_working_day",
    "assess_record",
)
DAYS = [dt.date(2026, 1, 1) + dt.timedelta(i) for i in range(365)]
#: ``assess_record`` runs on this many records of the seeded generated register (bench_register.py).
RECORDS = 365


def _call(path: str) -> Callable[[dt.date], object]:
    from klachtregels import calendar as cal
    from klachtregels.terms import deadline, handling_deadline

    calls: dict[str, Callable[[dt.date], object]] = {
        "handling_deadline": handling_deadline,
        "deadline_2_working_days": lambda d: deadline(d, "2 working days", statutory=True),
        "add_working_days": lambda d: cal.add_working_days(d, 10),
        "is_working_day": cal.is_working_day,
    }
    return calls[path]


def _records() -> list[object]:
    """The assessable records of the seeded generated register (as ``bench_assess.py`` reads them)."""
    import importlib.util
    import tempfile

    from klachtregels.register import read_register

    spec = importlib.util.spec_from_file_location(
        "bench_register", Path(__file__).parent / "bench_register.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        module.write_register(path, RECORDS * 2)
        records = [r for r in read_register(path) if r.complaint.received_date is not None]
    return [r for r in records if r.complaint.received_date <= AS_OF][:RECORDS]


#: The day ``assess_record`` is asked about (as in ``bench_check.py``).
AS_OF = dt.date(2026, 5, 7)


def _run(path: str, rounds: int) -> None:
    if path == "assess_record":
        from klachtregels.decisions import assess_record

        records = _records()
        assert len(records) == RECORDS
        items: list[object] = records
        call: Callable[[Any], object] = lambda r: assess_record(r, as_of=AS_OF)  # noqa: E731
    else:
        items, call = list(DAYS), _call(path)
    for item in items:  # warm: every answer made and kept
        call(item)
    for _ in range(rounds):
        for item in items:
            call(item)


def _count(path: str, rounds: int) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, __file__, "--run", path, str(rounds)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output for {path}")
    return int(found.group(1))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--run":
        _run(sys.argv[2], int(sys.argv[3]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: this script counts instructions with callgrind")
    import klachtregels

    print(f"klachtregels from {Path(klachtregels.__file__).parent}")
    chosen = [p for p in sys.argv[1:] if p in PATHS] or list(PATHS)  # paths named, else every one
    for path in chosen:
        per_call = (_count(path, 40) - _count(path, 20)) / (
            20 * (RECORDS if path == "assess_record" else len(DAYS))
        )
        print(f"{path:28} {per_call:8,.0f} instructions per call")


if __name__ == "__main__":
    main()
