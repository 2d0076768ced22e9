"""Benchmark: ``assess`` per complaint, beside a plain-Python decision table and GoRules ZEN.

    .venv/bin/python benchmarks/bench_assess.py --rows 20000 --rounds 7 [--per-rule]

Reads a generated register of N rows (the seeded generator of ``bench_register.py``) and the example
register (``examples/register.csv``), then times, in interleaved rounds over the same complaints (a
busy machine slows every contestant alike), and prints the median of each, per complaint (by wall
clock, and by the process's CPU time, the steadier figure on a shared machine):

* ``assess_record``: the full assessment (eligibility, precedence, handling status and deadlines,
  Geschillencommissie access): every rule run and every outcome decided, the ``Decision`` objects,
  deadlines and reasons built only when read; under the statutory baseline and under
  ``examples/policy.toml`` (house terms);
* ``assess_record + every decision built``: the same, then every field of the assessment read (its
  decisions, deadlines and house terms' states built, the reasons not): what ``check`` reads;
* ``assess_record(lazy=False), every field``: every rule run and every field built at once (what
  ``check`` and ``assess_many`` use, since they read every field);
* ``assess_record + every reason built``: the same, then every decision's reasons read (objects
  built, no text rendered): what reading the reasons costs on top;
* ``eligibility()``: the eligibility decision alone (R1-R5 through the engine, reasons lazy);
* two floors: each complaint's facts made, then the rules of eligibility, precedence and handling
  that can give an outcome called on them, alone and through the engine's ``decide`` (no
  ``Decision``, no access to the Geschillencommissie, no ``Assessment``): a lower bound for any
  assessment built from these rules;
* ``plain dict table``: eligibility as a Python dict look-up on the facts R1-R5 read (the floor: no
  engine, no reasons). The table is filled from the engine's own answers, so it agrees by construction;
* ``ZEN table, batch``: GoRules ZEN (``pip install zen-engine``) evaluating an equivalent eligibility
  decision table (first hit, ranked like the engine's levels) over the same complaints in one
  ``evaluate_batch`` call on prepared inputs (favourable to ZEN: building the inputs is not timed),
  and ``ZEN table, one call each`` (``ZenDecision.evaluate`` per complaint).

Before timing, the ZEN table's answer is compared with the engine's for every complaint and the number
of disagreements printed (it must be 0: the peers decide the same question). Target (issue 8):
``assess`` at least 100,000 complaints/s per core with reasons available on demand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klachtregels.decisions import _facts, assess_record, eligibility
from klachtregels.engine import decide
from klachtregels.model import About, PartyRole, Subject
from klachtregels.policy import load_policy
from klachtregels.register import read_register
from klachtregels.rules._facts import REGIME_START
from klachtregels.rules.handling import HANDLING
from klachtregels.rules.meldcode import PRECEDENCE
from klachtregels.rules.scope import ELIGIBILITY

if TYPE_CHECKING:
    from collections.abc import Callable

    from klachtregels.model import Complaint, RegisterRecord
    from klachtregels.policy import Policy

AS_OF = dt.date(2026, 5, 7)
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_STATUTORY = frozenset({Subject.CONDUCT, Subject.AGREEMENT})
#: Whose conduct R4 names (the provider's side; A8: conduct of anyone else is never plainly eligible).
_PROVIDER_SIDE = frozenset(
    {About.ORGANISATION, About.MANAGEMENT, About.PROVIDER_PERSON, About.STAFF, About.GASTOUDER}
)


def _generated(rows: int, tmp: Path) -> list[RegisterRecord]:
    spec = importlib.util.spec_from_file_location("bench_register", HERE / "bench_register.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp / "register.csv"
    module.write_register(path, rows)
    return list(read_register(path))


def _complaints(records: list[RegisterRecord]) -> list[RegisterRecord]:
    """The records that can be assessed on AS_OF (received on or before it)."""
    return [r for r in records if r.complaint.received_date is None or r.complaint.received_date <= AS_OF]


# --- the eligibility facts, as a decision table reads them ------------------------------------------


def _subjects_class(c: Complaint) -> str:
    subjects = frozenset(c.subjects or ())
    if not subjects:
        return "unknown"
    if Subject.AGREEMENT in subjects:
        return "statutory"
    if Subject.CONDUCT in subjects and c.about is not None and c.about not in _PROVIDER_SIDE:
        # R4/A8: conduct of someone outside the provider's side, and not the agreement.
        return "conduct_not_by_provider"
    if subjects & _STATUTORY:
        return "statutory"
    if Subject.WORKING_METHOD in subjects:
        return "working_method"
    if Subject.ADVISORY_RIGHT in subjects:
        return "advisory_right"
    return "outside"


def _features(c: Complaint) -> tuple[str, str, str, str]:
    """What R1-R5 read under the statutory policy: era, role, subjects (as a class, with whose
    conduct a conduct complaint is about) and channel."""
    day = c.received_date
    era = "unknown" if day is None else ("before_2016" if day < REGIME_START else "in_force")
    role = c.complainant.role.value if c.complainant is not None and c.complainant.role else "unknown"
    channel = c.channel.value if c.channel is not None else "unknown"
    return era, role, _subjects_class(c), channel


def _plain_table(records: list[RegisterRecord]) -> dict[tuple[str, str, str, str], str]:
    """Feature tuple -> eligibility outcome, filled from the engine (and checked to be a function)."""
    table: dict[tuple[str, str, str, str], str] = {}
    for r in records:
        key = _features(r.complaint)
        outcome = str(eligibility(r.complaint, as_of=AS_OF).outcome)
        if table.setdefault(key, outcome) != outcome:
            raise SystemExit(f"the table's facts do not determine eligibility: {key}")
    return table


# --- GoRules ZEN: the same decision as a JDM decision table ------------------------------------------

_NOT_OUDER = [
    r.value for r in PartyRole if not r.is_statutory_ouder and r is not PartyRole.PROSPECTIVE_CLIENT
]

#: (era, role, subjects, channel, outcome), first hit wins: the engine's levels, highest first.
_ZEN_ROWS: list[tuple[str, str, str, str, str]] = [
    ('"before_2016"', "", "", "", "out_of_temporal_scope"),
    ("", " ".join(["[", ", ".join(f'"{r}"' for r in _NOT_OUDER), "]"]), "", "", "not_eligible"),
    ("", "", '["advisory_right", "outside"]', "", "not_eligible"),
    ('"unknown"', "", "", "", "undetermined"),
    ("", '["unknown", "prospective_client"]', "", "", "undetermined"),
    ("", "", '["unknown", "working_method", "conduct_not_by_provider"]', "", "undetermined"),
    ("", "", "", '"unknown"', "undetermined"),
    ("", "", "", '"app_message"', "needs_human_judgement"),
    ("", "", "", '"oral"', "not_yet"),
    ("", "", "", "", "eligible"),
]


def _zen_content() -> str:
    inputs = [{"id": name, "field": name, "name": name} for name in ("era", "role", "subjects", "channel")]
    rules = [
        {
            "_id": f"r{i}",
            **{f["id"]: cell for f, cell in zip(inputs, row[:4], strict=True)},
            "outcome": f'"{row[4]}"',
        }
        for i, row in enumerate(_ZEN_ROWS)
    ]
    table = {
        "id": "eligibility",
        "type": "decisionTableNode",
        "name": "eligibility",
        "position": {"x": 200, "y": 0},
        "content": {
            "hitPolicy": "first",
            "inputs": inputs,
            "outputs": [{"id": "outcome", "field": "outcome", "name": "outcome"}],
            "rules": rules,
        },
    }
    nodes = [
        {"id": "in", "type": "inputNode", "name": "in", "position": {"x": 0, "y": 0}},
        table,
        {"id": "out", "type": "outputNode", "name": "out", "position": {"x": 400, "y": 0}},
    ]
    edges = [
        {"id": "e1", "sourceId": "in", "targetId": "eligibility", "type": "edge"},
        {"id": "e2", "sourceId": "eligibility", "targetId": "out", "type": "edge"},
    ]
    return json.dumps({"nodes": nodes, "edges": edges})


def _zen(records: list[RegisterRecord]) -> dict[str, Callable[[], object]]:
    """The ZEN contestants, after checking that ZEN agrees with the engine on every complaint."""
    try:
        import zen  # an optional peer: the benchmark runs without it
    except ImportError:
        print("GoRules ZEN not installed (pip install zen-engine): its rows are left out")
        return {}
    content = _zen_content()
    # A static loader: ZEN parses the table once (a Python loader callback is asked on every request).
    engine = zen.ZenEngine({"loader": {"type": "static", "content": {"eligibility": json.loads(content)}}})
    decision = engine.get_decision("eligibility")
    contexts = [
        dict(zip(("era", "role", "subjects", "channel"), _features(r.complaint), strict=True))
        for r in records
    ]
    requests: list[Any] = [{"key": "eligibility", "context": ctx} for ctx in contexts]
    answers = engine.evaluate_batch(requests)
    disagree = sum(
        1
        for r, answer in zip(records, answers, strict=True)
        if answer["data"]["result"]["outcome"] != eligibility(r.complaint, as_of=AS_OF).outcome
    )
    print(f"ZEN table vs the engine: {disagree} disagreements in {len(records):,} complaints")
    return {
        "ZEN table, batch (eligibility)": lambda: engine.evaluate_batch(requests),
        "ZEN table, one call each": lambda: _zen_each(decision, contexts),
    }


def _zen_each(decision: Any, contexts: list[dict[str, str]]) -> None:
    for ctx in contexts:
        decision.evaluate(ctx)


# --- the contestants ----------------------------------------------------------------------------------


def _assess_each(records: list[RegisterRecord], policy: Policy | None = None) -> None:
    # Each result is dropped before the next, as a streaming run does (holding them all in a list
    # would time the garbage collector walking a growing heap, not the assessment).
    for r in records:
        assess_record(r, as_of=AS_OF, policy=policy)


def _read_every_decision(records: list[RegisterRecord]) -> None:
    for r in records:
        a = assess_record(r, as_of=AS_OF)
        a.decisions  # noqa: B018 - read to build them
        a.deadlines  # noqa: B018
        a.house_term_states  # noqa: B018


def _build_every_decision(records: list[RegisterRecord]) -> None:
    for r in records:
        a = assess_record(r, as_of=AS_OF, lazy=False)
        a.decisions  # noqa: B018 - built already: read as _read_every_decision reads them
        a.deadlines  # noqa: B018
        a.house_term_states  # noqa: B018


def _read_every_reason(records: list[RegisterRecord]) -> None:
    for r in records:
        for decision in assess_record(r, as_of=AS_OF).decisions:
            tuple(decision.reasons)


def _eligibility_each(complaints: list[Complaint]) -> None:
    for c in complaints:
        eligibility(c, as_of=AS_OF)


def _floors(records: list[RegisterRecord]) -> dict[str, Callable[[], object]]:
    """Two floors under ``assess_record``: each complaint's facts made (as ``assess`` makes them: they
    keep what a rule works out, so they are made anew for every complaint), then the rules of
    eligibility, precedence and handling that can give an outcome (``Rule.outcomes``) called on them,
    first alone (no engine, nothing weighed: what the rules' own Python costs) and then through
    :func:`~klachtregels.engine.decide` (the rules run and weighed, no ``Decision`` built). Access to the
    Geschillencommissie, the checks of the arguments and the ``Assessment`` are left out of both: a
    lower bound for any assessment built from these rules."""
    policy = load_policy(None)
    complaints = [r.complaint for r in records]
    specs = (ELIGIBILITY, PRECEDENCE, HANDLING)
    functions = [[rule.function for rule in spec.rules_on(AS_OF) if rule.outcomes] for spec in specs]

    def rules_alone() -> None:
        for c in complaints:
            f = _facts(c, policy, AS_OF)
            for group in functions:
                for function in group:
                    function(f)

    def decided() -> None:
        for c in complaints:
            f = _facts(c, policy, AS_OF)
            for spec in specs:
                decide(spec, f, event_date=AS_OF, as_of=AS_OF, defer=True)

    return {
        "floor: deciding rules alone (3 decisions)": rules_alone,
        "floor: decide() on 3 decisions": decided,
    }


def _table_each(complaints: list[Complaint], table: dict[tuple[str, str, str, str], str]) -> None:
    for c in complaints:
        table[_features(c)]


def _contestants(records: list[RegisterRecord]) -> dict[str, Callable[[], object]]:
    house = load_policy(ROOT / "examples" / "policy.toml")
    table = _plain_table(records)
    complaints = [r.complaint for r in records]
    out: dict[str, Callable[[], object]] = {
        "assess_record (statutory)": lambda: _assess_each(records),
        "assess_record (examples/policy.toml)": lambda: _assess_each(records, house),
        "assess_record + every decision built": lambda: _read_every_decision(records),
        "assess_record(lazy=False), every field": lambda: _build_every_decision(records),
        "assess_record + every reason built": lambda: _read_every_reason(records),
        "eligibility() (engine, reasons lazy)": lambda: _eligibility_each(complaints),
        "plain dict table (eligibility)": lambda: _table_each(complaints, table),
    }
    out.update(_floors(records))
    out.update(_zen(records))
    return out


def _run(label: str, records: list[RegisterRecord], rounds: int) -> None:
    contestants = _contestants(records)
    wall: dict[str, list[float]] = {name: [] for name in contestants}
    cpu: dict[str, list[float]] = {name: [] for name in contestants}
    for run in contestants.values():
        run()  # warm: the calendar's tables, the rules' per-day results
    for _ in range(rounds):
        for name, run in contestants.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    n = len(records)
    print(f"\n{label}: {n:,} complaints, {rounds} interleaved rounds, median (wall clock; CPU time)")
    print(f"{'contestant':40} {'us/complaint':>13} {'complaints/s':>13} {'CPU us':>8}")
    for name, values in wall.items():
        median = statistics.median(values)
        median_cpu = statistics.median(cpu[name])
        print(f"{name:40} {median / n * 1e6:13.2f} {n / median:13,.0f} {median_cpu / n * 1e6:8.2f}")


def _per_rule(records: list[RegisterRecord], rounds: int) -> None:
    """Each deciding rule of eligibility, precedence and handling timed alone: ``Rule.function``
    called on facts made beforehand (made anew each round: facts keep what a rule works out)."""
    policy = load_policy(None)
    print(f"\nper rule: {len(records):,} complaints, {rounds} rounds, median CPU us per call")
    for spec in (ELIGIBILITY, PRECEDENCE, HANDLING):
        for rule in spec.rules_on(AS_OF):
            if not rule.outcomes:
                continue
            times = []
            for _ in range(rounds):
                facts = [_facts(r.complaint, policy, AS_OF) for r in records]
                function = rule.function
                start = time.process_time()
                for f in facts:
                    function(f)
                times.append(time.process_time() - start)
            print(f"  {spec.name:12} {rule.id:12} {statistics.median(times) / len(records) * 1e6:6.2f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table of medians per data set."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--per-rule", action="store_true", help="also time each deciding rule alone (generated register)"
    )
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, as of {AS_OF}")
    with tempfile.TemporaryDirectory() as tmp:
        generated = _complaints(_generated(args.rows, Path(tmp)))
    _run("generated register", generated, args.rounds)
    if args.per_rule:
        _per_rule(generated, args.rounds)
    example = _complaints(list(read_register(ROOT / "examples" / "register.csv")))
    # The example register is small: repeated to a few thousand complaints so a round is measurable.
    _run("examples/register.csv (x100)", example * 100, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
