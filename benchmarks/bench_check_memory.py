"""Benchmark: peak memory and speed of ``klachtregels check`` in every output format, as users run it.

    .venv/bin/python benchmarks/bench_check_memory.py --rows 10000 100000 1000000

For each size, writes a generated register (the generator of ``bench_register.py``), then runs, as
separate processes on the same file and in interleaved order (a busy machine slows all alike):

* ``csv.DictReader``: the standard library reading the rows into dicts and dropping them (the floor);
* ``check --format F --output FILE`` for F in text, json, junit, sarif and github, with the
  example organisation file (so the organisation's findings, which need the whole register, are in
  the output too).

Each process's peak resident set size comes from the kernel (``os.wait4``), its time from the wall
clock, start-up included. Prints one Markdown table per size: peak RSS, seconds, rows/s and the
output's size. Target (issue 9): under 200 MB peak at 1M rows in every format.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bench_register import write_register  # noqa: E402 - the generator beside this script

FORMATS = ("text", "json", "junit", "sarif", "github")
_DICTREADER = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='utf-8', newline='') as fh:\n"
    "    for _ in csv.DictReader(fh):\n"
    "        pass\n"
)


def _measure(command: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr is not None else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command[:4]} failed ({process.returncode}): {stderr[-400:]}")
    return seconds, usage.ru_maxrss


def _commands(register: Path, out_dir: Path, formats: tuple[str, ...]) -> dict[str, list[str]]:
    commands = {"csv.DictReader": [sys.executable, "-c", _DICTREADER, str(register)]}
    for fmt in formats:
        commands[f"check --format {fmt}"] = [
            sys.executable, "-m", "klachtregels", "check", str(register),
            "--org", str(ROOT / "examples" / "organisation.toml"),
            "--as-of", "2026-05-07", "--fail-on", "never", "--format", fmt,
            "--output", str(out_dir / f"out.{fmt}"),
        ]  # fmt: skip
    return commands


def run(rows: int, rounds: int, formats: tuple[str, ...] = FORMATS) -> None:
    with tempfile.TemporaryDirectory() as folder:
        register = Path(folder) / "register.csv"
        write_register(register, rows)
        commands = _commands(register, Path(folder), formats)
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, int] = dict.fromkeys(commands, 0)
        for _ in range(rounds):
            for name, command in commands.items():
                took, peak = _measure(command)
                seconds[name].append(took)
                peaks[name] = max(peaks[name], peak)
        size = register.stat().st_size / 1e6
        print(f"\n{rows:,} rows ({size:.0f} MB CSV), {rounds} round(s), median time\n")
        print("| | peak RSS (MB) | seconds | rows/s | output (MB) |")
        print("|---|---:|---:|---:|---:|")
        for name in commands:
            took = sorted(seconds[name])[len(seconds[name]) // 2]
            fmt = name.rsplit(" ", 1)[-1]
            out = Path(folder) / f"out.{fmt}"
            size = f"{out.stat().st_size / 1e6:.0f}" if name != "csv.DictReader" and out.exists() else "-"
            print(f"| {name} | {peaks[name] / 1024:.0f} | {took:.1f} | {rows / took:,.0f} | {size} |")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3, help="rounds for sizes under 1M (1M: one round)")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    args = parser.parse_args()
    for rows in args.rows:
        run(rows, args.rounds if rows < 1_000_000 else 1, tuple(args.formats))


if __name__ == "__main__":
    main()
