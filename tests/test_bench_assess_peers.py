"""The peers in ``benchmarks/bench_assess.py`` decide the same question as the engine.

The benchmark compares ``assess`` with a plain dict table and a GoRules ZEN decision table on the
facts R1-R5 read. A rule that starts reading another fact (R4/A8 began reading ``about``) makes the
peers answer a different question, and the benchmark stopped on the example register. These tests
run without ZEN: the table's rows are evaluated here with the first-hit policy ZEN applies.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klachtregels.decisions import eligibility
from klachtregels.model import About, Channel, Complaint, Party, PartyRole, Subject
from klachtregels.register import read_register

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("bench_assess")


def _matches(cell: str, value: str) -> bool:
    """A ZEN cell: empty matches anything, a JSON string itself, a JSON list any of its members."""
    if not cell:
        return True
    wanted = json.loads(cell)
    return value in wanted if isinstance(wanted, list) else value == wanted


def _first_hit(rows: list[tuple[str, str, str, str, str]], features: tuple[str, str, str, str]) -> str:
    """ZEN's first-hit evaluation of the benchmark's rows."""
    for *cells, outcome in rows:
        if all(_matches(cell, value) for cell, value in zip(cells, features, strict=True)):
            return outcome
    raise AssertionError("no row matched")


def _records(bench: ModuleType, tmp_path: Path) -> list[object]:
    example = list(read_register(ROOT / "examples" / "register.csv"))
    generated = bench._generated(400, tmp_path)
    return list(bench._complaints(example + generated))


def test_the_dict_table_is_a_function_of_its_facts(bench: ModuleType, tmp_path: Path) -> None:
    records = _records(bench, tmp_path)
    table = bench._plain_table(records)  # raises SystemExit when two complaints share facts, not outcomes
    assert len(table) > 10
    for r in records:
        c = r.complaint  # type: ignore[attr-defined]
        assert table[bench._features(c)] == eligibility(c, as_of=bench.AS_OF).outcome


def test_the_zen_rows_agree_with_the_engine(bench: ModuleType, tmp_path: Path) -> None:
    for r in _records(bench, tmp_path):
        c = r.complaint  # type: ignore[attr-defined]
        expected = eligibility(c, as_of=bench.AS_OF).outcome
        assert _first_hit(bench._ZEN_ROWS, bench._features(c)) == expected


@pytest.mark.parametrize("about", list(About))
@pytest.mark.parametrize(
    "subjects",
    [
        (Subject.CONDUCT,),
        (Subject.CONDUCT, Subject.AGREEMENT),
        (Subject.CONDUCT, Subject.WORKING_METHOD),
        (Subject.CONDUCT, Subject.ADVISORY_RIGHT),
        (Subject.CONDUCT, Subject.THIRD_PARTY),
    ],
)
def test_the_peers_follow_whose_conduct(
    bench: ModuleType, about: About, subjects: tuple[Subject, ...]
) -> None:
    """R4/A8: every ``about`` with a conduct complaint, through both peers."""
    c = Complaint(
        received_on=dt.date(2026, 3, 2),
        complainant=Party(role=PartyRole.PARENT),
        subjects=subjects,
        about=about,
        channel=Channel.LETTER,
    )
    expected = eligibility(c, as_of=bench.AS_OF).outcome
    assert _first_hit(bench._ZEN_ROWS, bench._features(c)) == expected


def test_the_floors_run_the_deciding_rules(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The two floors under ``assess_record`` call every deciding rule of eligibility, precedence and
    handling (a spec whose rules stop declaring outcomes would leave a floor timing nothing), and the
    per-rule table names each of them once."""
    records = _records(bench, tmp_path)[:50]
    deciding = [
        rule.id
        for spec in (bench.ELIGIBILITY, bench.PRECEDENCE, bench.HANDLING)
        for rule in spec.rules_on(bench.AS_OF)
        if rule.outcomes
    ]
    assert {"R1", "R3", "R4", "R5", "R28", "R27", "R12"} <= set(deciding)
    floors = bench._floors(records)
    assert sorted(floors) == ["floor: decide() on 3 decisions", "floor: deciding rules alone (3 decisions)"]
    for run in floors.values():
        run()
    bench._per_rule(records, 1)
    lines = capsys.readouterr().out.splitlines()
    timed = [line.split()[1] for line in lines if line.startswith("  ")]
    assert timed == deciding
