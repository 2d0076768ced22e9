"""Benchmark: six-week deadlines under the Algemene termijnenwet, klachtregels versus the usual tools.

Run from the repository root (needs the ``bench`` extra: workalendar, numpy)::

    python benchmarks/bench_deadlines.py

On the same dates (every day 2000-2040) it prints, in one run:

1. nanoseconds per deadline and the ratio to the fastest, for klachtregels' ``handling_deadline``
   and ``deadline(..., "2 working days")``, a naive loop over ``holidays`` (NL, public+optional),
   workalendar's Netherlands calendar, and ``numpy.busday_offset`` with an explicit holiday array;
2. how many six-week deadlines each tool's *default* Dutch calendar gets wrong, against klachtregels;
3. the cost of ``import klachtregels`` (and of its calendar/terms modules) versus ``import holidays``,
   in fresh interpreters, best of several runs.

Results are recorded in ``docs/performance.md``.
"""

from __future__ import annotations

import datetime as dt
import platform
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import holidays
import numpy as np
from workalendar.europe import Netherlands

from klachtregels import terms
from klachtregels.calendar import non_working_days
from klachtregels.terms import deadline, handling_deadline

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

FIRST = dt.date(2000, 1, 1)
LAST = dt.date(2040, 12, 31)
SIX_WEEKS = dt.timedelta(weeks=6)
ONE_DAY = dt.timedelta(days=1)
REPEAT = 5


def all_dates() -> list[dt.date]:
    out = []
    d = FIRST
    while d <= LAST:
        out.append(d)
        d += ONE_DAY
    return out


def best_ns_per_call(fn: Callable[[Sequence[dt.date]], Any], dates: Sequence[dt.date]) -> float:
    fn(dates)  # warm-up: builds every cache the tool has
    best = float("inf")
    for _ in range(REPEAT):
        t0 = time.perf_counter_ns()
        fn(dates)
        best = min(best, time.perf_counter_ns() - t0)
    return best / len(dates)


def main() -> None:
    dates = all_dates()
    years = range(FIRST.year, LAST.year + 2)

    # --- the tools, each as "list of dates -> list of six-week deadlines" -------------------------
    def ours(ds: Sequence[dt.date]) -> list[dt.date]:
        return [handling_deadline(d).date for d in ds]

    def ours_cold(ds: Sequence[dt.date]) -> list[dt.date]:
        # The same, with the per-day memo emptied first: every date is computed afresh.
        terms._DEFAULT_MEMO.clear()
        return [handling_deadline(d).date for d in ds]

    def ours_working_days(ds: Sequence[dt.date]) -> list[dt.date]:
        return [deadline(d, "2 working days", statutory=True).date for d in ds]

    nl_atwish = holidays.country_holidays("NL", categories=("public", "optional"), years=years)

    def naive_holidays(ds: Sequence[dt.date]) -> list[dt.date]:
        out = []
        for d in ds:
            end = d + SIX_WEEKS
            while end.weekday() >= 5 or end in nl_atwish:
                end += ONE_DAY
            out.append(end)
        return out

    wk = Netherlands()

    def workalendar(ds: Sequence[dt.date]) -> list[dt.date]:
        # add_working_days(end - 1 day, 1): the first working day on or after the raw end.
        return [wk.add_working_days(d + SIX_WEEKS - ONE_DAY, 1) for d in ds]

    # numpy: an explicit holiday array with the full ATW calendar (holidays + decree days).
    atw_days = np.array(
        [day.date for y in years for day in non_working_days(y) if day.date.weekday() < 5],
        dtype="datetime64[D]",
    )
    bus = np.busdaycalendar(holidays=atw_days)

    def numpy_scalar(ds: Sequence[dt.date]) -> list[Any]:
        return [np.busday_offset(np.datetime64(d + SIX_WEEKS), 0, roll="forward", busdaycal=bus) for d in ds]

    np_dates = np.array(dates, dtype="datetime64[D]") + np.timedelta64(42, "D")

    def numpy_vector(_ds: Sequence[dt.date]) -> Any:
        return np.busday_offset(np_dates, 0, roll="forward", busdaycal=bus)

    tools: list[tuple[str, Callable[[Sequence[dt.date]], Any]]] = [
        ("klachtregels handling_deadline (6 weeks, ATW)", ours),
        ("klachtregels handling_deadline, memo cleared (cold)", ours_cold),
        ('klachtregels deadline(..., "2 working days")', ours_working_days),
        ("naive loop over holidays NL (public+optional)", naive_holidays),
        ("workalendar Netherlands add_working_days", workalendar),
        ("numpy.busday_offset, scalar, explicit ATW holidays", numpy_scalar),
        ("numpy.busday_offset, vectorised, explicit ATW holidays", numpy_vector),
    ]
    print(f"Python {platform.python_version()} on {platform.machine()}; {len(dates)} dates {FIRST}..{LAST}")
    print(f"holidays {holidays.__version__}, numpy {np.__version__}; best of {REPEAT} runs\n")
    timings = [(name, best_ns_per_call(fn, dates)) for name, fn in tools]
    fastest = min(ns for _, ns in timings)
    print(f"{'tool':<58} {'ns/deadline':>12} {'x fastest':>10}")
    for name, ns in timings:
        print(f"{name:<58} {ns:>12.0f} {ns / fastest:>10.1f}")
    ours_ns = timings[0][1]
    cold_ns = timings[1][1]
    wk_ns = timings[4][1]
    print(
        f"\nhandling_deadline is {wk_ns / ours_ns:.1f}x faster than workalendar ({wk_ns / cold_ns:.1f}x cold)"
    )

    # --- correctness of each tool's default Dutch calendar -----------------------------------------
    reference = ours(dates)
    nl_default = holidays.country_holidays("NL", years=years)

    def holidays_default(ds: Sequence[dt.date]) -> list[dt.date]:
        out = []
        for d in ds:
            end = d + SIX_WEEKS
            while end.weekday() >= 5 or end in nl_default:
                end += ONE_DAY
            out.append(end)
        return out

    def numpy_default(ds: Sequence[dt.date]) -> list[dt.date]:
        raw = np.array([d + SIX_WEEKS for d in ds], dtype="datetime64[D]")
        return [x.astype(dt.date) for x in np.busday_offset(raw, 0, roll="forward")]

    def ours_no_eq(ds: Sequence[dt.date]) -> list[dt.date]:
        return [handling_deadline(d, include_equated_days=False).date for d in ds]

    defaults = [
        ("holidays NL default (public only)", holidays_default),
        ("holidays NL public+optional (no decree days)", naive_holidays),
        ("workalendar Netherlands", workalendar),
        ("numpy.busday_offset, no holidays (weekends only)", numpy_default),
        ("calendar date, no ATW at all", lambda ds: [d + SIX_WEEKS for d in ds]),
        ("klachtregels without equated days", ours_no_eq),
    ]
    print(f"\nWrong six-week deadlines {FIRST.year}-{LAST.year} (default behaviour vs klachtregels):")
    for name, fn in defaults:
        wrong = sum(1 for a, b in zip(fn(dates), reference, strict=True) if a != b)
        print(f"  {name:<56} {wrong:>5}")
    provisional = sum(1 for d in dates if handling_deadline(d).provisional)
    print(f"  (klachtregels marks {provisional} of {len(dates)} as provisional: unverified decree years, A2)")

    # --- import cost ---------------------------------------------------------------------------------
    def import_ms(stmt: str, runs: int = 15) -> float:
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", stmt], check=True)
            best = min(best, time.perf_counter() - t0)
        return best * 1000

    base = import_ms("pass")
    hol = import_ms("import holidays") - base
    pkg = import_ms("import klachtregels") - base
    mods = import_ms("import klachtregels.calendar, klachtregels.terms") - base
    print(f"\nImport cost (fresh interpreter, best of 15, minus {base:.1f} ms interpreter start-up):")
    print(f"  import holidays                                      {hol:6.1f} ms")
    print(
        f"  import klachtregels                                  {pkg:6.1f} ms  ({pkg / hol:.2f}x holidays)"
    )
    print(
        f"  import klachtregels.calendar, klachtregels.terms     {mods:6.1f} ms  ({mods / hol:.2f}x holidays)"
    )


if __name__ == "__main__":
    main()
