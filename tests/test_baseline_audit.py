"""An outside-in audit of accepted findings (klachtregels.baseline; check --baseline, --write-baseline).

An acceptance is of a finding's identity, never of its row: it holds when unrelated rows are added,
deleted or reordered, and stops holding when the facts give another finding (another complaint's,
another kind, next year's late annual report: R9, K5). It applies up to and including its
``expires`` day, a Europe/Amsterdam day (A22). A hostile baseline file (wrong types, an unknown
version, repeated entries, a file of any size) is refused with a :class:`BaselineError` naming the
file and the field, never a value; one the writer wrote is always read back.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtregels.baseline as baseline
from klachtregels.baseline import (
    Acceptance,
    Acceptances,
    BaselineCollector,
    BaselineError,
    baseline_text,
    load_baseline,
    write_baseline,
)
from klachtregels.cli import main
from klachtregels.compliance import Finding, check_records
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, Judgement, Party, RegisterRecord

if TYPE_CHECKING:
    from pathlib import Path

D = dt.date.fromisoformat
AS_OF = D("2026-05-07")
SECRET = "Geheim-Pietje-Puk"


def _record(
    cid: str, sent: str | None, *, received: str = "2025-09-03", written: bool = True
) -> RegisterRecord:
    complaint = Complaint(
        id=cid,
        received_on=D(received),
        channel="email",
        complainant=Party(role="parent"),
        subjects=("conduct",),
        about="staff",
        signals=(),
    )
    judgement = None
    if sent is not None:
        judgement = Judgement(
            sent_on=D(sent), written=written, reasoned=True, verdict="ongegrond", measures=()
        )
    return RegisterRecord(complaint=complaint, judgement=judgement)


#: Findings that fail a default run: late (A-2), overdue (A-3), not written (A-4).
BASE = (
    _record("A-1", "2025-10-15"),
    _record("A-2", "2025-10-16"),
    _record("A-3", None),
    _record("A-4", "2025-10-01", written=False),
)
#: Unrelated rows: other complaints, one of them late as well.
OTHERS = (
    _record("B-1", "2025-10-01"),
    _record("B-2", "2025-10-20"),
    _record("B-3", None, received="2026-04-20"),
)


def _failing(records: list[RegisterRecord]) -> list[Finding]:
    from klachtregels.severity import Severity

    found = check_records(records, as_of=AS_OF).findings
    return [f for f in found if f.severity in (Severity.ERROR, Severity.WARNING)]


def _taken() -> tuple[Acceptance, ...]:
    collector = BaselineCollector("accepted in the audit", origin="b.toml")
    for finding in _failing(list(BASE)):
        collector.take(finding)
    return collector.entries


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations(range(len(BASE) + len(OTHERS))),
    keep_others=st.lists(st.booleans(), min_size=len(OTHERS), max_size=len(OTHERS)),
)
def test_an_acceptance_holds_when_unrelated_rows_are_added_or_reordered(
    order: list[int], keep_others: list[bool]
) -> None:
    """The baseline of BASE, read back from its text, accepts exactly BASE's findings in any register
    that holds BASE's rows among others, in any order and at any row number."""
    entries = _taken()
    acceptances = Acceptances(entries, as_of=AS_OF)
    rows = [*BASE, *(r for r, keep in zip(OTHERS, keep_others, strict=True) if keep)]
    register = [
        RegisterRecord(complaint=rows[i].complaint, judgement=rows[i].judgement, row=n + 2)
        for n, i in enumerate(j for j in order if j < len(rows))
    ]
    base_ids = {r.complaint.id for r in BASE}
    for finding in _failing(register):
        status = acceptances.status(finding)
        assert (status is not None and status.applies) is (finding.complaint_id in base_ids), finding


def test_an_acceptance_stops_when_the_facts_give_another_finding() -> None:
    """A-2 judged late is accepted; A-2 edited so the judgement was not written is another finding,
    and a late judgement of another complaint that reuses nothing is not accepted either."""
    acceptances = Acceptances(_taken(), as_of=AS_OF)
    changed = [_record("A-2", "2025-10-10", written=False)]
    (finding,) = [f for f in _failing(changed) if f.complaint_id == "A-2"]
    assert finding.id == "KR-JUDGEMENT-NOT-WRITTEN"
    assert acceptances.status(finding) is None
    late_elsewhere = [f for f in _failing([_record("C-9", "2025-10-16")]) if f.id == "KR-HANDLING-LATE"]
    assert late_elsewhere
    assert acceptances.status(late_elsewhere[0]) is None


_ORG = """
name = "Test B.V."
kind = "kindercentrum"
lrk_numbers = ["100000001"]

[[annual_reports]]
year = 2024
sent_to_ggd_on = 2025-06-20
made_known_to_parents = true
"""
_HEADER = (
    "id,received_on,channel,complainant_role,subjects,about,"
    "judgement_sent_on,judgement_written,judgement_reasoned,verdict,measures\n"
)
_ROWS = (
    "K-1,2024-03-04,email,parent,agreement,organisation,2024-03-20,ja,ja,ongegrond,geen\n"
    "K-2,2025-03-03,email,parent,agreement,organisation,2025-03-20,ja,ja,ongegrond,geen\n"
)


def test_next_years_late_report_is_not_accepted_by_this_years_acceptance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R9 (Wko 1.57b lid 8), K5: the report over 2024 sent late is accepted with its year; the report
    over 2025 sent late is a new fact, so a new finding that fails the run (it was accepted too)."""
    register = tmp_path / "register.csv"
    register.write_text(_HEADER + _ROWS, encoding="utf-8")
    org = tmp_path / "org.toml"
    org.write_text(_ORG, encoding="utf-8")
    target = tmp_path / "baseline.toml"
    argv = ["check", str(register), "--org", str(org), "--no-config"]
    main([*argv, "--as-of", "2025-12-01", "--write-baseline", str(target)])
    capsys.readouterr()
    (entry,) = [e for e in load_baseline(target) if e.finding == "KR-K5-SENT-LATE"]
    assert (entry.complaint, entry.year) == (None, 2024)
    org.write_text(
        _ORG + "\n[[annual_reports]]\nyear = 2025\nsent_to_ggd_on = 2026-07-01\n", encoding="utf-8"
    )
    code = main([*argv, "--as-of", "2026-08-01", "--baseline", str(target), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    k5 = {f["facts"]["year"]: f for f in data["findings"] if f["id"] == "KR-K5-SENT-LATE"}
    assert k5["2024"]["accepted"]["year"] == 2024
    assert "accepted" not in k5["2025"]
    assert code == 1
    # An acceptance of a K5 finding without a year is refused, not read as every year's.
    with pytest.raises(InvalidInputError, match=r"entries\[0\]\.year: is required: KR-K5-SENT-LATE"):
        Acceptances([Acceptance(reason="r", finding="KR-K5-SENT-LATE")], as_of=AS_OF)


def test_an_old_baseline_without_years_is_refused_naming_the_acceptance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R9, K5: a baseline written before acceptances named a year accepts 'KR-K5-SENT-LATE' alone. Read
    as every year's, it would accept the report over 2025 sent late, which nobody judged; read as
    none, the 2024 acceptance would vanish. It is refused: exit 2, naming the file and the
    acceptance and saying to add its year; nothing is written. Acceptances of other findings
    without a year, and the configuration's, are read as before; the configuration's is refused
    alike."""
    register = tmp_path / "register.csv"
    register.write_text(_HEADER + _ROWS, encoding="utf-8")
    org = tmp_path / "org.toml"
    org.write_text(
        _ORG + "\n[[annual_reports]]\nyear = 2025\nsent_to_ggd_on = 2026-07-01\n", encoding="utf-8"
    )
    old = tmp_path / "baseline.toml"
    old.write_text(
        'schema = 1\n\n[[accept]]\nfinding = "KR-K1-UNDETERMINED"\nreason = "r"\n'
        '\n[[accept]]\nfinding = "KR-K5-SENT-LATE"\nreason = "Judged late in 2025."\n',
        encoding="utf-8",
    )
    argv = ["check", str(register), "--org", str(org), "--as-of", "2026-08-01"]
    assert main([*argv, "--no-config", "--baseline", str(old)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        f"klachtregels: error: invalid baseline {old}: accept[1].year: is required: "
    )
    assert "KR-K5-SENT-LATE" in captured.err
    assert "add year = " in captured.err
    with pytest.raises(BaselineError, match=r"accept\[1\]\.year"):
        load_baseline(old)
    old.write_text(old.read_text(encoding="utf-8") + "year = 2024\n", encoding="utf-8")
    assert [e.year for e in load_baseline(old)] == [None, 2024]
    assert main([*argv, "--no-config", "--baseline", str(old), "--format", "json"]) == 1
    k5 = {
        f["facts"]["year"]: f
        for f in json.loads(capsys.readouterr().out)["findings"]
        if f["id"] == "KR-K5-SENT-LATE"
    }
    assert k5["2024"]["accepted"]["year"] == 2024
    assert "accepted" not in k5["2025"]
    config = tmp_path / "klachtregels.toml"
    config.write_text('[[accept]]\nfinding = "KR-K5-SENT-LATE"\nreason = "r"\n', encoding="utf-8")
    assert main([*argv, "--config", str(config)]) == 2
    assert "accept[0].year: is required: KR-K5-SENT-LATE" in capsys.readouterr().err


def test_expiry_is_an_amsterdam_day(tmp_path: Path) -> None:
    """A22: 'expires = 2026-05-06T23:30:00Z' is 7 May in Europe/Amsterdam; it applies on 7 May (its
    last day, up to and including) and no longer on 8 May, however it is written."""
    finding = Finding(id="KR-HANDLING-LATE", row=2, complaint_id="A-2")
    for written in ("2026-05-06T23:30:00Z", '"2026-05-06T23:30:00Z"', "2026-05-07", '"7-5-2026"'):
        path = tmp_path / "b.toml"
        path.write_text(
            f'[[accept]]\ncomplaint = "A-2"\nreason = "r"\nexpires = {written}\n', encoding="utf-8"
        )
        (entry,) = load_baseline(path)
        assert entry.expires == D("2026-05-07"), written
        on_day = Acceptances([entry], as_of=D("2026-05-07")).status(finding)
        after = Acceptances([entry], as_of=D("2026-05-08")).status(finding)
        assert on_day is not None
        assert on_day.applies
        assert after is not None
        assert after.expired


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (f'schema = 99\n[[accept]]\ncomplaint = "{SECRET}"\nreason = "r"\n', "schema"),
        (f'schema = "{SECRET}"\n', "schema"),
        ("schema = true\n", "schema"),
        ("schema = 1.0\n", "schema"),
        (
            f'[[accept]]\ncomplaint = "{SECRET}"\nreason = "a"\n'
            f'[[accept]]\ncomplaint = "{SECRET}"\nreason = "b"\n',
            "accept[1]",
        ),
        (f'[[accept]]\nfinding = "KR-K5-SENT-LATE"\nyear = "{SECRET}"\nreason = "r"\n', "accept[0].year"),
        ('[[accept]]\nfinding = "KR-K5-SENT-LATE"\nyear = true\nreason = "r"\n', "accept[0].year"),
        ('[[accept]]\nfinding = "KR-K5-SENT-LATE"\nyear = 0\nreason = "r"\n', "accept[0].year"),
        (
            f'[[accept]]\nfinding = "KR-HANDLING-LATE"\ncomplaint = "{SECRET}"\nyear = 2024\nreason = "r"\n',
            "accept[0].year",
        ),
        (f'[[accept]]\ncomplaint = ["{SECRET}"]\nreason = "r"\n', "accept[0].complaint"),
        (f'[[accept]]\ncomplaint = "A"\nreason = "r"\nexpires = "{SECRET}"\n', "accept[0].expires"),
        (f'[[accept]]\nfinding = "{SECRET}"\nreason = "r"\n', "accept[0].finding"),
        (f'accept = "{SECRET}"\n', "accept"),
    ],
)
def test_a_hostile_baseline_is_refused_by_field_never_by_value(tmp_path: Path, body: str, field: str) -> None:
    path = tmp_path / "baseline.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    assert field in [where for where, _ in caught.value.problems]
    assert SECRET not in str(caught.value)
    assert "baseline.toml" in str(caught.value)


def test_a_repeated_entry_of_another_year_or_complaint_is_not_a_repeat(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(
        '[[accept]]\nfinding = "KR-K5-SENT-LATE"\nyear = 2024\nreason = "a"\n'
        '[[accept]]\nfinding = "KR-K5-SENT-LATE"\nyear = 2025\nreason = "b"\n'
        '[[accept]]\nfinding = "KR-HANDLING-LATE"\ncomplaint = "A-1"\nreason = "c"\n'
        '[[accept]]\nfinding = "KR-HANDLING-LATE"\ncomplaint = "A-2"\nreason = "d"\n',
        encoding="utf-8",
    )
    assert [e.reason for e in load_baseline(path)] == ["a", "b", "c", "d"]


def test_what_the_writer_writes_is_read_back_however_many(tmp_path: Path) -> None:
    """A register of 12,000 late complaints gave a 1.5 MB baseline that --baseline refused as 'not
    valid TOML' (the 1 MiB limit of policy files); the writer's output is always read back."""
    entries = [
        Acceptance(
            reason="taken into the baseline of 2026-05-07",
            finding="KR-HANDLING-LATE",
            complaint=f"KLACHT-{n:06d}",
        )
        for n in range(12_000)
    ]
    path = tmp_path / "big.toml"
    write_baseline(path, entries)
    assert path.stat().st_size > 1_048_576
    back = load_baseline(path)
    assert len(back) == 12_000
    assert {e.complaint for e in back} == {e.complaint for e in entries}
    assert baseline_text(back).splitlines()[3] == "schema = 1"


def test_a_file_over_the_limit_is_refused_by_its_size_and_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(baseline, "MAX_BASELINE_CHARS", 2000)
    entries = [Acceptance(reason="r", finding="KR-HANDLING-LATE", complaint=f"A-{n}") for n in range(100)]
    path = tmp_path / "b.toml"
    path.write_text("keep\n", encoding="utf-8")
    with pytest.raises(BaselineError, match="would be longer than 2000 characters"):
        write_baseline(path, entries)
    assert path.read_text(encoding="utf-8") == "keep\n"  # left as it was
    path.write_text(f"# {SECRET}\n" + "#" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(BaselineError, match="longer than 2000 characters") as caught:
        load_baseline(path)
    assert "not valid TOML" not in str(caught.value)  # its size is the problem, said as such
    assert SECRET not in str(caught.value)
