"""Benchmark: deadlines under the Algemene termijnenwet, klachtregels beside its peers in one run.

Run from the repository root (needs the ``bench`` extra: workalendar, numpy)::

    python benchmarks/bench_deadlines.py

On the same dates (every day 2000-2040) it prints:

1. nanoseconds per call for klachtregels (``handling_deadline`` warm and for days not seen
   before, ``deadline(d, "2 working days")``, ``add_working_days(d, 10)``) side by side with a
   plain-Python dict look-up, a naive loop over ``holidays``, workalendar and numpy. The tools
   take turns on chunks of 256 dates (the order rotates), and each figure is the median over
   all chunks of all rounds. "Not seen before": the year tables of the chunk's days are made
   afresh before the run (untimed, as by the first day of a year asked for; that cost is printed
   too) and nothing else of those years is kept. "Not in the memo": the day is removed from the
   memo only (as when the memo is full), so its year's table answers it.
   Floors beside them: a new ``Deadline`` filled from a template with nothing computed, the bare
   object, and the builds of two other representations (``build_variants``);
2. how many six-week deadlines each tool's *default* Dutch calendar gets wrong, against klachtregels;
3. the first call in a fresh process (``import klachtregels`` plus the first ``handling_deadline``)
   against ``import holidays`` alone: subprocesses, interleaved, medians.

Results are recorded in ``docs/performance.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any

import holidays
import numpy as np
from workalendar.europe import Netherlands

from klachtregels import terms
from klachtregels.calendar import add_working_days, is_working_day, non_working_days
from klachtregels.terms import Term, deadline, handling_deadline

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

FIRST = dt.date(2000, 1, 1)
LAST = dt.date(2040, 12, 31)
SIX_WEEKS = dt.timedelta(weeks=6)
ONE_DAY = dt.timedelta(days=1)
ROUNDS = 5
CHUNK = 256
PROCESS_ROUNDS = 21


def all_dates() -> list[dt.date]:
    """Every day from FIRST to LAST."""
    return [FIRST + i * ONE_DAY for i in range((LAST - FIRST).days + 1)]


# A tool: (label, prepare, run). `prepare(chunk)` runs untimed right before each timed `run(chunk)`
# (after an untimed run on the same chunk): the "not seen before" tools forget the chunk's days.
Tool = tuple[str, "Callable[[Sequence[dt.date]], None]", "Callable[[Sequence[dt.date]], Any]"]


def _nothing(_chunk: Sequence[dt.date]) -> None:
    return None


def medians(tools: Sequence[Tool], dates: Sequence[dt.date], rounds: int) -> dict[str, float]:
    """ns per date for each tool: the median over interleaved samples.

    Chunk by chunk (``CHUNK`` dates), every tool runs on the same chunk, in an order that rotates.
    Each timed run follows an untimed run on the same chunk (so no tool pays for the caches another
    one left cold) and the tool's ``prepare``. A sample is one tool on one chunk: short enough to
    run between two preemptions on a busy machine, and next to its peers in time.
    """
    samples: dict[str, list[float]] = {name: [] for name, _, _ in tools}
    for _, prepare, run in tools:  # warm-up: builds every cache a tool has
        prepare(dates)
        run(dates)
    chunks = [dates[i : i + CHUNK] for i in range(0, len(dates), CHUNK)]
    n = len(tools)
    for r in range(rounds):
        for c, chunk in enumerate(chunks):
            for name, prepare, run in tools[(r + c) % n :] + tools[: (r + c) % n]:
                run(chunk)  # untimed: the chunk's data in the CPU caches, as for a tool run alone
                prepare(chunk)
                t0 = time.perf_counter_ns()
                run(chunk)
                samples[name].append((time.perf_counter_ns() - t0) / len(chunk))
    return {name: statistics.median(values) for name, values in samples.items()}


def per_call_tools(dates: Sequence[dt.date]) -> list[Tool]:
    """klachtregels and its peers, each as one pass over a chunk of dates."""
    return [*lookup_tools(dates), *klachtregels_tools(), *build_variants(), *peer_tools()]


def lookup_tools(dates: Sequence[dt.date]) -> list[Tool]:
    """The floor: the answers looked up in a plain dict, inline and behind a function call."""
    table = {d: handling_deadline(d).date for d in dates}

    def lookup(d: dt.date) -> dt.date:
        return table[d]

    return [
        (INLINE, _nothing, lambda ds: [table[d] for d in ds]),
        (FUNCTION, _nothing, lambda ds: [lookup(d) for d in ds]),
    ]


def klachtregels_tools() -> list[Tool]:
    """klachtregels: warm (the day's deadline was computed before) and for days not seen before."""
    working_days = Term.parse("2 working days")

    def wd_plans() -> list[Any]:
        return list(working_days._plans.values())

    def forget_memo(plans: Sequence[Any], chunk: Sequence[dt.date]) -> None:
        for plan in plans:
            for d in chunk:  # the days of the next run are not in the memo: their year's table answers
                plan.memo.pop(d, None)

    def fresh_tables(plans: Sequence[Any], chunk: Sequence[dt.date]) -> None:
        # The days of the next run were never asked for: their years' tables are made afresh
        # (untimed), as by the first day of a year asked for, and nothing else of those years is kept.
        years = {d.year for d in chunk}
        for plan in plans:
            for day in [d for d in plan.memo if d.year in years]:
                del plan.memo[day]
            for year in years:
                if plan.years.pop(year, (0, []))[1]:
                    plan.tables -= 1
                plan.year_table(year)

    def handling(ds: Sequence[dt.date]) -> list[Any]:
        return [handling_deadline(d) for d in ds]

    def two_working_days(ds: Sequence[dt.date]) -> list[Any]:
        return [deadline(d, "2 working days", statutory=True) for d in ds]

    template = terms._DEFAULT_PLAN.template

    def build_only(ds: Sequence[dt.date]) -> list[Any]:
        # The floor of any day not seen before: a new Deadline filled from a plan's template
        # (what terms._compute does after its look-ups), with no call, look-up or computation.
        out = []
        for d in ds:
            obj = object.__new__(terms.Deadline)
            values = obj.__dict__
            values.update(template)
            values["received"] = values["start"] = values["calendar_date"] = d
            values["atw_date"] = values["date"] = d
            out.append(obj)
        return out

    handling_plans = [terms._DEFAULT_PLAN]
    return [
        (BUILD, _nothing, build_only),
        (WARM, _nothing, handling),
        (NEW, lambda c: fresh_tables(handling_plans, c), handling),
        (MISS, lambda c: forget_memo(handling_plans, c), handling),
        (WD_WARM, _nothing, two_working_days),
        (WD_NEW, lambda c: fresh_tables(wd_plans(), c), two_working_days),
        (WD_MISS, lambda c: forget_memo(wd_plans(), c), two_working_days),
        (ADD, _nothing, lambda ds: [add_working_days(d, 10) for d in ds]),
        ("klachtregels is_working_day(d)", _nothing, lambda ds: [is_working_day(d) for d in ds]),
    ]


def build_variants() -> list[Tool]:
    """Other ways a new day's ``Deadline`` could be built, each as a floor (nothing computed).

    The object and its empty ``__dict__`` alone (what any new ``Deadline`` costs); one ``update``
    from a dict of all its fields kept per day (rows of about 1.2 kB instead of about 90 B); and a
    lazy ``Deadline`` that holds only ``received``, ``start`` and its row, its other fields read
    through the class on first access (the cost moves to every reader). See docs/performance.md.
    """
    template = terms._DEFAULT_PLAN.template
    new = object.__new__
    deadline_class = terms.Deadline

    def bare(ds: Sequence[dt.date]) -> list[Any]:
        out = []
        for _d in ds:
            obj = new(deadline_class)
            obj.__dict__  # noqa: B018 - made on first access, as every build here does
            out.append(obj)
        return out

    full = {
        d: {**template, "received": d, "start": d, "calendar_date": d, "atw_date": d, "date": d}
        for d in all_dates()
    }

    def one_update(ds: Sequence[dt.date]) -> list[Any]:
        out = []
        for d in ds:
            obj = new(deadline_class)
            obj.__dict__.update(full[d])
            out.append(obj)
        return out

    row = (FIRST, FIRST, FIRST, (), False, template)

    def lazy(ds: Sequence[dt.date]) -> list[Any]:
        out = []
        for d in ds:
            obj = new(deadline_class)
            values = obj.__dict__
            values["received"] = d
            values["start"] = d
            values["_row"] = row
            out.append(obj)
        return out

    return [(BARE, _nothing, bare), (FULL, _nothing, one_update), (LAZY, _nothing, lazy)]


def peer_tools() -> list[Tool]:
    """The usual tools: a naive loop over `holidays`, workalendar, numpy (date only, no reasons)."""
    years = range(FIRST.year, LAST.year + 2)
    nl_atwish = holidays.country_holidays("NL", categories=("public", "optional"), years=years)

    def naive_holidays(ds: Sequence[dt.date]) -> list[dt.date]:
        out = []
        for d in ds:
            end = d + SIX_WEEKS
            while end.weekday() >= 5 or end in nl_atwish:
                end += ONE_DAY
            out.append(end)
        return out

    def naive_two_working_days(ds: Sequence[dt.date]) -> list[dt.date]:
        out = []
        for d in ds:
            end, left = d, 2
            while left:
                end += ONE_DAY
                if end.weekday() < 5 and end not in nl_atwish:
                    left -= 1
            out.append(end)
        return out

    wk = Netherlands()
    atw_days = np.array(
        [day.date for y in years for day in non_working_days(y) if day.date.weekday() < 5],
        dtype="datetime64[D]",
    )
    bus = np.busdaycalendar(holidays=atw_days)
    np_chunk: list[Any] = [None]

    def to_numpy(chunk: Sequence[dt.date]) -> None:
        np_chunk[0] = np.array(chunk, dtype="datetime64[D]") + np.timedelta64(42, "D")

    def numpy_scalar(ds: Sequence[dt.date]) -> list[Any]:
        return [np.busday_offset(np.datetime64(d + SIX_WEEKS), 0, roll="forward", busdaycal=bus) for d in ds]

    return [
        ("naive loop over holidays NL, 6 weeks (date only)", _nothing, naive_holidays),
        ("naive loop over holidays NL, 2 working days", _nothing, naive_two_working_days),
        (WORKALENDAR, _nothing, lambda ds: [wk.add_working_days(d + SIX_WEEKS - ONE_DAY, 1) for d in ds]),
        ("numpy.busday_offset, scalar, explicit ATW holidays", _nothing, numpy_scalar),
        (
            "numpy.busday_offset, vectorised, explicit ATW holidays",
            to_numpy,
            lambda _ds: np.busday_offset(np_chunk[0], 0, roll="forward", busdaycal=bus),
        ),
    ]


INLINE = "plain dict look-up, inline (table[d])"
FUNCTION = "plain dict look-up in a function (lookup(d))"
BUILD = "floor: a new Deadline from a template, nothing computed"
BARE = "  other builds: the object and its empty __dict__, no field"
FULL = "  other builds: one update from a per-day dict of all fields"
LAZY = "  other builds: lazy, received + start + a row reference"
WARM = "klachtregels handling_deadline(d), warm"
NEW = "klachtregels handling_deadline(d), day not seen before"
MISS = "  ... handling, a day not in the memo (its year's table answers)"
WD_WARM = 'klachtregels deadline(d, "2 working days"), warm'
WD_NEW = 'klachtregels deadline(d, "2 working days"), not seen before'
WD_MISS = '  ... "2 working days", a day not in the memo (year table answers)'
ADD = "klachtregels add_working_days(d, 10)"
WORKALENDAR = "workalendar Netherlands, 6 weeks (date only)"


def print_per_call(dates: Sequence[dt.date]) -> None:
    """Section 1: ns per call, side by side, and the targets."""
    figures = medians(per_call_tools(dates), dates, ROUNDS)
    print(f"{'tool':<62} {'ns/call':>9}")
    for name, ns in figures.items():
        print(f"{name:<62} {ns:>9.0f}")
    inline, function, warm, new = figures[INLINE], figures[FUNCTION], figures[WARM], figures[NEW]
    wd_warm, wd_new, awd, workalendar = figures[WD_WARM], figures[WD_NEW], figures[ADD], figures[WORKALENDAR]
    print("\nTargets:")
    print(f"  warm handling_deadline / dict look-up in a function: {warm / function:.2f}x (<= 2)")
    print(f"  warm handling_deadline / inline dict look-up:        {warm / inline:.2f}x")
    print(f"  workalendar / warm handling_deadline:                {workalendar / warm:.1f}x (>= 8)")
    print(f"  handling_deadline, day not seen before:              {new:.0f} ns (<= 1000)")
    print(f'  deadline(d, "2 working days"), warm / not seen:      {wd_warm:.0f} / {wd_new:.0f} ns (<= 500)')
    miss, wd_miss = figures[MISS], figures[WD_MISS]
    print(f"  ... a day not in the memo: handling / 2 working days: {miss:.0f} / {wd_miss:.0f} ns")
    print(f"  add_working_days(d, 10):                             {awd:.0f} ns (<= 500)")
    print(f"  floor, a new Deadline from a template, no call:      {figures[BUILD]:.0f} ns")
    print(f"  ... of which the object and its empty __dict__:      {figures[BARE]:.0f} ns")
    print(
        f"  other builds: one update / lazy (3 keys):            {figures[FULL]:.0f} / {figures[LAZY]:.0f} ns"
    )
    print(f"  a plan's table of one year (made once, first day of a year): {year_table_us():.0f} us")


def year_table_us() -> float:
    """Microseconds to make one year's table of the handling plan (median over 2000-2040).

    ``nan`` for a tree without year tables (an older one, run for a before/after comparison).
    """
    if not hasattr(terms._Plan, "year_table"):
        return float("nan")
    times = []
    for year in range(FIRST.year, LAST.year + 1):
        plan = terms._Plan(
            terms.HANDLING_TERM,
            statutory=True,
            atw_policy="applied",
            include_eq=True,
            exclude_start_day=True,
            citations=(),
            rule_ids=(),
        )
        t0 = time.perf_counter_ns()
        plan.year_table(year)
        times.append((time.perf_counter_ns() - t0) / 1000)
    return statistics.median(times)


def print_wrong_defaults(dates: Sequence[dt.date]) -> None:
    """Section 2: wrong six-week deadlines of each tool's default Dutch calendar."""
    years = range(FIRST.year, LAST.year + 2)
    reference = [handling_deadline(d).date for d in dates]

    def loop(calendar: Any) -> Callable[[Sequence[dt.date]], list[dt.date]]:
        def run(ds: Sequence[dt.date]) -> list[dt.date]:
            out = []
            for d in ds:
                end = d + SIX_WEEKS
                while end.weekday() >= 5 or end in calendar:
                    end += ONE_DAY
                out.append(end)
            return out

        return run

    wk = Netherlands()

    def numpy_default(ds: Sequence[dt.date]) -> list[dt.date]:
        raw = np.array([d + SIX_WEEKS for d in ds], dtype="datetime64[D]")
        return [x.astype(dt.date) for x in np.busday_offset(raw, 0, roll="forward")]

    defaults: list[tuple[str, Callable[[Sequence[dt.date]], list[dt.date]]]] = [
        ("holidays NL default (public only)", loop(holidays.country_holidays("NL", years=years))),
        (
            "holidays NL public+optional (no decree days)",
            loop(holidays.country_holidays("NL", categories=("public", "optional"), years=years)),
        ),
        ("workalendar Netherlands", lambda ds: [wk.add_working_days(d + SIX_WEEKS - ONE_DAY, 1) for d in ds]),
        ("numpy.busday_offset, no holidays (weekends only)", numpy_default),
        ("calendar date, no ATW at all", lambda ds: [d + SIX_WEEKS for d in ds]),
        (
            "klachtregels without equated days",
            lambda ds: [handling_deadline(d, include_equated_days=False).date for d in ds],
        ),
    ]
    print(f"\nWrong six-week deadlines {FIRST.year}-{LAST.year} (default behaviour vs klachtregels):")
    for name, fn in defaults:
        wrong = sum(1 for a, b in zip(fn(dates), reference, strict=True) if a != b)
        print(f"  {name:<56} {wrong:>5}")
    provisional = sum(1 for d in dates if handling_deadline(d).provisional)
    print(f"  (klachtregels marks {provisional} of {len(dates)} as provisional: unverified decree years, A2)")


FIRST_CALL: dict[str, str] = {
    "interpreter start-up (python -c pass)": "pass",
    "import holidays": "import holidays",
    "import klachtregels": "import klachtregels",
    "import klachtregels + first handling_deadline (2026)": (
        "import datetime, klachtregels; klachtregels.handling_deadline(datetime.date(2026, 3, 24))"
    ),
    "... first handling_deadline, provisional day (2031)": (
        "import datetime, klachtregels; klachtregels.handling_deadline(datetime.date(2031, 3, 24))"
    ),
    "... first handling_deadline + explain() (text catalogue)": (
        "import datetime, klachtregels; klachtregels.handling_deadline(datetime.date(2026, 3, 24)).explain()"
    ),
}


def print_first_call() -> None:
    """Section 3: wall time of fresh interpreters, interleaved, medians.

    Every interpreter finds its modules' bytecode cached, as in an installed package (pip compiles
    what it installs; ``holidays`` is installed): without it, under ``PYTHONDONTWRITEBYTECODE``,
    a checkout of klachtregels would be compiled on every start while ``holidays`` would not.
    """
    samples: dict[str, list[float]] = {name: [] for name in FIRST_CALL}
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = tmp  # the cache goes here, not into the tree
        for stmt in FIRST_CALL.values():  # untimed: writes the bytecode cache
            subprocess.run([sys.executable, "-c", stmt], check=True, env=env)
        for _ in range(PROCESS_ROUNDS):
            for name, stmt in FIRST_CALL.items():
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-c", stmt], check=True, env=env)
                samples[name].append((time.perf_counter() - t0) * 1000)
    figures = {name: statistics.median(values) for name, values in samples.items()}
    hol = figures["import holidays"]
    print(f"\nFresh process, wall time with interpreter start-up (median of {PROCESS_ROUNDS}, interleaved):")
    for name, ms in figures.items():
        print(f"  {name:<58} {ms:6.1f} ms  ({ms / hol:.2f}x import holidays)")


def main() -> None:
    """Run the three sections."""
    dates = all_dates()
    print(f"Python {platform.python_version()} on {platform.machine()}; {len(dates)} dates {FIRST}..{LAST}")
    versions = f"holidays {holidays.__version__}, numpy {np.__version__}"
    print(f"{versions}; {ROUNDS} rounds, chunks of {CHUNK}, medians\n")
    print_per_call(dates)
    print_wrong_defaults(dates)
    print_first_call()


if __name__ == "__main__":
    main()
