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
* ``CLI check --format json``: the same with JSON output;
* ``CLI start-up (1 row, text)``: the CLI on the register's first row, for the fixed cost of a run.

Then the parts of a row's check, on the records already read (so reading is left out):

* ``assess_record + decisions read``: the assessment and the decisions the check reads (eligibility,
  handling, precedence, Geschillencommissie access, deadlines, house terms): the engine's part;
* ``check_complaint``: the same plus the projection onto findings, so the difference is the
  projection's cost (``compliance/checks.py``);
* ``text sink`` / ``JSON sink``: writing the findings already made (``compliance/_sinks.py``).

The CLI runs with its bytecode cached (as an installed package has it; see ``_cli_env``). Each
figure is given by wall clock and by CPU time (of this process and of the subprocesses): on a
shared machine the CPU time is the steadier one.

Target (issue 8): ``check`` at least 20,000 rows/s end to end (CLI, text output).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from klachtregels.compliance import CheckSettings, FailOn, check_register, make_sink
from klachtregels.compliance._sinks import Judge
from klachtregels.compliance.checks import check_complaint
from klachtregels.compliance.run import _Tally
from klachtregels.decisions import assess_record
from klachtregels.policy import load_policy
from klachtregels.register import read_register

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from klachtregels.compliance import Finding, Passed

AS_OF = dt.date(2026, 5, 7)
_OPTIONS = ("--as-of", AS_OF.isoformat(), "--fail-on", "never")
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


def _parts(path: Path) -> dict[str, Callable[[Path], None]]:
    """The parts of a row's check on records read once before timing (see the module docstring)."""
    records = list(read_register(path))
    policy, settings = load_policy(None), CheckSettings()
    assessed = [r for r in records if r.complaint.received_date is None or r.complaint.received_date <= AS_OF]

    def assess_and_read(_path: Path) -> None:
        for record in assessed:
            a = assess_record(record, as_of=AS_OF, policy=policy, due_soon_days=settings.due_soon_days)
            _ = (a.eligibility, a.handling, a.precedence, a.gck_access, a.deadlines, a.house_term_states)

    def checks(_path: Path) -> None:
        for record in records:
            check_complaint(record, as_of=AS_OF, policy=policy, settings=settings)

    tally = _Tally()
    rows = [
        tally.complaint(r, check_complaint(r, as_of=AS_OF, policy=policy, settings=settings)) for r in records
    ]
    return {
        "assess_record + decisions read": assess_and_read,
        "check_complaint": checks,
        "text sink": _sink("text", rows),
        "JSON sink": _sink("json", rows),
    }


def _sink(fmt: str, rows: Sequence[tuple[Sequence[Finding], Sequence[Passed]]]) -> Callable[[Path], None]:
    def run(_path: Path) -> None:
        with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
            sink = make_sink(fmt, out, lang="nl", fail_on=FailOn.NEVER, judge=Judge())
            for findings, passed in rows:
                sink.rows(findings, passed)
            sink.close()

    return run


def _cli(fmt: str, env: dict[str, str], register: Path | None = None) -> Callable[[Path], None]:
    """``klachtregels check`` as a subprocess (on ``register`` instead of the file given, if set)."""
    exe = Path(sys.executable).with_name("klachtregels")

    def run(path: Path) -> None:
        source = register or path
        out = path.with_suffix(f".{fmt}.out")
        with out.open("wb") as fh:
            subprocess.run(
                [str(exe), "check", str(source), *_OPTIONS, "--format", fmt],
                stdout=fh,
                check=True,
                env=env,
            )

    return run


def _cli_env(tmp: str) -> dict[str, str]:
    """The environment of the CLI runs: bytecode cached, as in an installed package.

    pip compiles a package's modules when it installs them; a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` (as some CI and sandboxes set) compiles every module on every
    start instead, about 0.1 s. The cache goes to a temporary directory, not into the tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
    return env


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table of medians (wall clock and CPU time)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        _write_register(path, args.rows)
        one_row = Path(tmp) / "one-row.csv"
        one_row.write_text("".join(path.open(encoding="utf-8").readlines()[:2]), encoding="utf-8")
        env = _cli_env(tmp)
        contestants: dict[str, Callable[[Path], None]] = {
            "csv.DictReader": _dictreader,
            "read_register": _read,
            "check_register (in-process)": _check,
            "CLI check --format text": _cli("text", env),
            "CLI check --format json": _cli("json", env),
            "CLI start-up (1 row, text)": _cli("text", env, one_row),
            **_parts(path),
        }
        _cli("text", env, one_row)(path)  # writes the bytecode cache
        wall: dict[str, list[float]] = {name: [] for name in contestants}
        cpu: dict[str, list[float]] = {name: [] for name in contestants}
        names = list(contestants)
        for r in range(args.rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:  # the order rotates
                start, start_cpu = time.perf_counter(), _cpu()
                contestants[name](path)
                wall[name].append(time.perf_counter() - start)
                cpu[name].append(_cpu() - start_cpu)
    print(f"{args.rows:,} rows, {args.rounds} interleaved rounds, median; Python {sys.version.split()[0]}")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")
    print(f"{'contestant':32} {'s (wall)':>9} {'rows/s':>10} {'s (CPU)':>9} {'rows/s CPU':>11}")
    for name in names:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        if name.startswith("CLI start-up"):  # one row: the fixed cost, not a rate
            print(f"{name:32} {w:9.3f} {'-':>10} {c:9.3f} {'-':>11}")
        else:
            print(f"{name:32} {w:9.3f} {args.rows / w:10,.0f} {c:9.3f} {args.rows / c:11,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
