"""Benchmark: what the keyword classification of the measures' nature costs ``build_report``.

    .venv/bin/python benchmarks/bench_report_measures.py --copies 8 --rounds 7

Partou's 2025 register (``tests/data/partou``: 513 complaints whose solutions average 485
characters, about the longest free text a register holds) is read once and repeated ``--copies``
times, then ``build_report`` runs over it in interleaved rounds (the order alternates each round,
so a busy machine slows both alike) with two classifications:

* ``shipped``: the shipped keyword file (``report/data/measure_categories.toml``);
* ``trivial``: one category with one keyword found nowhere: the text is still folded and split
  into words, so the difference is the matching itself.

It also times :meth:`~klachtregels.report.measures.MeasureKeywords.classify` alone, per text.
Each figure is the median over the rounds, in microseconds per record.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from klachtregels.register import read_register
from klachtregels.report import build_report
from klachtregels.report.measures import MeasureKeywords, load_measure_keywords, parse_measure_keywords

PARTOU = Path(__file__).parent.parent / "tests" / "data" / "partou" / "partou_klachten_2025.csv"


def _build(records: list, keywords: MeasureKeywords) -> float:  # type: ignore[type-arg]
    start = time.perf_counter()
    build_report(records, year=2025, undated_in_year=True, measure_keywords=keywords)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="times Partou's register is repeated")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if not PARTOU.exists():
        print(f"no data: {PARTOU}", file=sys.stderr)
        return 1
    records = list(read_register(PARTOU, mapping="partou")) * args.copies
    contestants = {
        "shipped": load_measure_keywords(),
        "trivial": parse_measure_keywords(
            {"categories": [{"key": "none", "nl": "Geen", "en": "None", "keywords": ["zzqqzzqq"]}]}
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in contestants}
    for r in range(args.rounds):
        order = list(contestants) if r % 2 == 0 else list(reversed(contestants))
        for name in order:
            times[name].append(_build(records, contestants[name]))
    texts = [r.judgement.summary for r in records if r.judgement is not None and r.judgement.summary]
    shipped = contestants["shipped"]
    per_text: list[float] = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for t in texts:
            shipped.classify(t)
        per_text.append((time.perf_counter() - start) / len(texts))
    print(f"{len(records):,} records, {args.rounds} rounds (medians)")
    for name, values in times.items():
        print(f"build_report, {name:8} {statistics.median(values) / len(records) * 1e6:8.1f} µs/record")
    print(f"classify alone           {statistics.median(per_text) * 1e6:8.1f} µs/text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
