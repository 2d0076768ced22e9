"""Benchmark: deadlines over a column (``klachtregels.bulk``) beside the scalar call and peers, in one run.

Run from the repository root (needs the ``bench`` and ``pandas`` extras: numpy, pandas)::

    python benchmarks/bench_bulk.py

On 1,000,000 receipt days drawn at random from 2020-2026 it prints nanoseconds per date for:

1. ``klachtregels.bulk.handling_deadlines`` over a ``datetime64[D]`` array (date and provisional
   mark), over a pandas Series, and ``gck_filing_limits`` and ``working_day_deadlines(.., 2)``;
2. the scalar ``handling_deadline(d).date`` per date (warm: every day seen before);
3. ``numpy.busday_offset`` (ATW art. 1 only, with the ATW holidays as its holiday list), vectorised;
4. pandas ``CustomBusinessDay`` (the same holidays), ``Series + 6 weeks`` then rolled forward.

The days are cut into CHUNKS chunks; chunk by chunk every tool runs on its part of the chunk, in
an order that rotates, over ROUNDS rounds; each figure is the median over all samples (a sample is
short enough to run between two preemptions on a busy machine). The slow tools run on a slice of
each chunk (the scalar call on a tenth, pandas' offset on a five-hundredth) and are reported per date.
A last line gives the first call in this process (the tables built for 2020-2027).
Results are recorded in ``docs/performance.md``.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from klachtregels import bulk
from klachtregels.bulk import _deadlines
from klachtregels.calendar import non_working_days
from klachtregels.terms import handling_deadline

if TYPE_CHECKING:
    from collections.abc import Callable

SIZE = 1_000_000
SCALAR_SIZE = 100_000
PANDAS_SIZE = 2_000
ROUNDS = 9
FIRST, LAST = np.datetime64("2020-01-01"), np.datetime64("2027-01-01")

# A tool: (label, run on chunk i, how many dates one run answers).
Tool = tuple[str, "Callable[[int], Any]", int]
CHUNKS = 16


def receipt_days() -> Any:
    """SIZE receipt days, uniformly drawn from 2020-2026 (a fixed seed)."""
    days = np.arange(FIRST, LAST)
    return np.random.default_rng(12).choice(days, SIZE)


def split(values: Any, size: int) -> list[Any]:
    """The first ``size`` values in CHUNKS equal parts."""
    step = size // CHUNKS
    return [values[i * step : (i + 1) * step] for i in range(CHUNKS)]


def tools(days: Any) -> list[Tool]:
    """klachtregels over the column, the scalar call, numpy and pandas on the same days."""
    arrays = split(days, SIZE)
    series = [pd.Series(a) for a in arrays]
    scalar_days = [a.astype(object).tolist() for a in split(days, SCALAR_SIZE)]
    holidays = np.array(
        [d.date for y in range(2020, 2029) for d in non_working_days(y) if d.date.weekday() < 5],
        dtype="datetime64[D]",
    )
    bus = np.busdaycalendar(holidays=holidays)
    raw = [a + np.timedelta64(42, "D") for a in arrays]
    cbd = pd.offsets.CustomBusinessDay(holidays=holidays.tolist())
    pandas_raw = [pd.Series(a) + pd.Timedelta(weeks=6) for a in split(days, PANDAS_SIZE)]
    step = SIZE // CHUNKS
    return [
        (
            "klachtregels `bulk.handling_deadlines(datetime64[D] array)`",
            lambda i: bulk.handling_deadlines(arrays[i]),
            step,
        ),
        (
            "klachtregels `bulk.handling_deadlines(pandas Series)`",
            lambda i: bulk.handling_deadlines(series[i]),
            step,
        ),
        ("klachtregels `bulk.gck_filing_limits(array)`", lambda i: bulk.gck_filing_limits(arrays[i]), step),
        (
            "klachtregels `bulk.working_day_deadlines(array, 2)`",
            lambda i: bulk.working_day_deadlines(arrays[i], 2),
            step,
        ),
        (
            "klachtregels `handling_deadline(d).date` per date, warm",
            lambda i: [handling_deadline(d).date for d in scalar_days[i]],
            SCALAR_SIZE // CHUNKS,
        ),
        (
            "numpy `busday_offset(raw, 0, roll='forward')`, vectorised (ATW art. 1 only, no mark)",
            lambda i: np.busday_offset(raw[i], 0, roll="forward", busdaycal=bus),
            step,
        ),
        (
            "pandas `CustomBusinessDay.rollforward` per date (ATW art. 1 only)",
            lambda i: pandas_raw[i].map(cbd.rollforward),
            PANDAS_SIZE // CHUNKS,
        ),
    ]


def medians(runs: list[Tool]) -> dict[str, float]:
    """ns per date for each tool: the median over every chunk of ROUNDS interleaved rounds."""
    samples: dict[str, list[float]] = {label: [] for label, _, _ in runs}
    for _, run, _ in runs:  # warm-up: tables, memos, caches
        for i in range(CHUNKS):
            run(i)
    n = len(runs)
    for r in range(ROUNDS):
        for i in range(CHUNKS):
            for label, run, size in runs[(r + i) % n :] + runs[: (r + i) % n]:
                t0 = time.perf_counter_ns()
                run(i)
                samples[label].append((time.perf_counter_ns() - t0) / size)
    return {label: statistics.median(values) for label, values in samples.items()}


def first_call(days: Any) -> float:
    """ms for the first call in this process: the tables (2020-2027) and the plan's answers built."""
    _deadlines._TABLES.clear()
    t0 = time.perf_counter()
    bulk.handling_deadlines(days)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    days = receipt_days()
    first = first_call(days)
    result = medians(tools(days))
    versions = f"numpy {np.__version__}, pandas {pd.__version__}"
    print(f"Python {sys.version.split()[0]}, {platform.machine()}, {versions}")
    print(f"{SIZE:,} receipt days 2020-2026 in {CHUNKS} chunks, medians over {ROUNDS} interleaved rounds\n")
    print("| Tool | ns per date |\n|---|---:|")
    for label, ns in result.items():
        print(f"| {label} | {ns:,.1f} |")
    print(
        f"\nFirst call in the process (tables for 2020-2027 built, then 1M dates answered): {first:,.0f} ms"
    )
    check = bulk.handling_deadlines(days[:1000]).date.astype(object).tolist()
    assert check == [handling_deadline(d).date for d in days[:1000].astype(object)]


if __name__ == "__main__":
    main()
