"""Accepted findings (``klachtregels.baseline``): by finding id, by complaint id, with a reason and an
optional expiry; shown as accepted in every output, never dropped; they do not fail the run; an
expired acceptance no longer applies and says so; baselines written and read back; identities
(SARIF fingerprints, GitHub annotation titles) stable when rows move."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

from klachtregels.baseline import (
    Acceptance,
    Acceptances,
    BaselineError,
    baseline_text,
    load_baseline,
    parse_acceptances,
)
from klachtregels.cli import main
from klachtregels.compliance import Finding

HEADER = (
    "id,received_on,channel,complainant_role,subjects,signals,"
    "judgement_sent_on,judgement_written,judgement_reasoned,verdict,measures\n"
)
IN_TIME = "A-1,2025-09-03,email,ouder,conduct,geen,2025-10-15,ja,ja,ongegrond,geen\n"
LATE = "A-2,2025-09-03,email,ouder,conduct,geen,2025-10-16,ja,ja,ongegrond,geen\n"
AS_OF = "2026-05-07"
REASON = "Judged late in 2025; discussed with the team."


def _register(tmp_path: Path, *rows: str, name: str = "register.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return str(path)


def _baseline(tmp_path: Path, body: str) -> str:
    path = tmp_path / "baseline.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_lookup_by_finding_and_complaint_prefers_what_applies() -> None:
    late = Finding(id="KR-HANDLING-LATE", row=3, complaint_id="A-2")
    other = Finding(id="KR-HANDLING-LATE", row=4, complaint_id="A-3")
    org = Finding(id="KR-K4-PRACTICE")
    day = dt.date(2026, 5, 7)
    by_both = Acceptance(reason="r", finding="KR-HANDLING-LATE", complaint="A-2")
    by_id = Acceptance(reason="r", finding="KR-K4-PRACTICE")
    by_complaint_expired = Acceptance(reason="old", complaint="A-3", expires=dt.date(2026, 5, 6))
    acceptances = Acceptances([by_both, by_id, by_complaint_expired], as_of=day)
    found = acceptances.status(late)
    assert found is not None
    assert found.applies
    assert found.acceptance == by_both
    found = acceptances.status(org)
    assert found is not None
    assert found.applies
    found = acceptances.status(other)
    assert found is not None
    assert found.expired
    assert not found.applies
    # The last day still applies; a live acceptance wins over an expired one.
    last_day = Acceptances([attrs.evolve(by_complaint_expired, expires=day)], as_of=day).status(other)
    assert last_day is not None
    assert last_day.applies
    both = Acceptances([by_complaint_expired, Acceptance(reason="new", complaint="A-3")], as_of=day)
    found = both.status(other)
    assert found is not None
    assert found.acceptance.reason == "new"
    assert Acceptances([], as_of=day).status(late) is None


def test_parse_collects_every_problem_and_reads_both_date_forms() -> None:
    items = [
        {
            "finding": "KR-HANDLING-LATE",
            "complaint": "A-1",
            "reason": REASON,
            "expires": dt.date(2026, 12, 31),
        },
        {"complaint": "A-2", "reason": REASON, "expires": "31-12-2026"},
        {"finding": "KR-HANDLING-LATE"},
        {"reason": "x", "colour": "red"},
        "not a table",
    ]
    entries, problems = parse_acceptances(items, key="accept", origin="f.toml")
    assert [e.expires for e in entries] == [dt.date(2026, 12, 31)] * 2
    keys = [key for key, _ in problems]
    assert keys == ["accept[2].reason", "accept[3].colour", "accept[3]", "accept[4]"]


def test_a_baseline_file_round_trips_and_hostile_text_stays_toml(tmp_path: Path) -> None:
    entries = [
        Acceptance(
            reason='quote " and \\ and \x7f and \n a new line', finding="KR-HANDLING-LATE", complaint="K\t1"
        ),
        Acceptance(reason="é 漢字 \U0001f600", complaint="A-9", expires=dt.date(2027, 1, 1)),
    ]
    path = tmp_path / "b.toml"
    path.write_text(baseline_text(entries), encoding="utf-8")
    back = load_baseline(path)
    assert {(e.finding, e.complaint, e.reason, e.expires) for e in back} == {
        (e.finding, e.complaint, e.reason, e.expires) for e in entries
    }


def test_an_invalid_baseline_names_file_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _baseline(tmp_path, '[[accept]]\ncomplaint = "SECRET-7"\n')
    with pytest.raises(BaselineError, match=r"baseline\.toml.*accept\[0\]\.reason"):
        load_baseline(path)
    register = _register(tmp_path, LATE)
    assert main(["check", register, "--as-of", AS_OF, "--baseline", path]) == 2
    err = capsys.readouterr().err
    assert "SECRET-7" not in err
    assert "accept[0].reason" in err


def test_an_accepted_finding_does_not_fail_the_run_and_is_shown_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = _register(tmp_path, IN_TIME, LATE)
    assert main(["check", register, "--as-of", AS_OF, "--no-config"]) == 1
    capsys.readouterr()
    baseline = _baseline(
        tmp_path, f'[[accept]]\nfinding = "KR-HANDLING-LATE"\ncomplaint = "A-2"\nreason = "{REASON}"\n'
    )
    out = {fmt: tmp_path / f"out.{fmt}" for fmt in ("json", "junit", "sarif", "github")}
    argv = ["check", register, "--as-of", AS_OF, "--baseline", baseline, "--lang", "en", "--no-config"]
    assert main([*argv, *(x for fmt, p in out.items() for x in ("-o", f"{fmt}:{p}")), "-o", "text:-"]) == 0
    text = capsys.readouterr().out
    assert "== Accepted (1)" in text
    assert f"accepted (baseline.toml): {REASON}" in text
    assert "Errors (" not in text
    assert text.rstrip().endswith("Result: PASS (--fail-on error)")

    data = json.loads(out["json"].read_text(encoding="utf-8"))
    (late,) = [f for f in data["findings"] if f["id"] == "KR-HANDLING-LATE"]
    assert late["accepted"]["reason"] == REASON
    assert data["acceptances"] == {"accepted": 1, "expired": 0}
    assert data["failed"] is False
    assert data["summary"]["errors"] == 1  # counted, never dropped

    suites = ET.fromstring(out["junit"].read_text(encoding="utf-8"))
    assert suites.get("failures") == "0"
    assert any(REASON in (e.text or "") for e in suites.iter("system-out"))

    sarif = json.loads(out["sarif"].read_text(encoding="utf-8"))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "KR-HANDLING-LATE"]
    assert result["suppressions"] == [{"kind": "external", "status": "accepted", "justification": REASON}]

    github = out["github"].read_text(encoding="utf-8")
    assert "::error" not in github
    assert "Accepted findings" in github
    assert REASON in github


def test_an_expired_acceptance_no_longer_applies_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = _register(tmp_path, LATE)
    baseline = _baseline(
        tmp_path, f'[[accept]]\ncomplaint = "A-2"\nreason = "{REASON}"\nexpires = 2026-05-06\n'
    )
    argv = ["check", register, "--as-of", AS_OF, "--baseline", baseline, "--lang", "en", "--no-config"]
    assert main(argv) == 1
    text = capsys.readouterr().out
    assert "acceptance expired after 2026-05-06" in text
    assert "== Errors (1)" in text
    assert main([*argv, "--format", "sarif"]) == 1
    (result,) = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert "suppressions" not in result
    assert result["properties"]["acceptance_expired"]["expires"] == "2026-05-06"
    assert main([*argv, "--as-of", "2026-05-06"]) == 0  # on its last day it still applies


def test_write_baseline_then_read_it_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = _register(tmp_path, IN_TIME, LATE, "A-3,2025-02-30,email,ouder,conduct,geen,,,,,\n")
    target = tmp_path / "baseline.toml"
    argv = ["check", register, "--as-of", AS_OF, "--no-config"]
    # A rejected row is never baselined: the run still fails on it.
    assert main([*argv, "--write-baseline", str(target)]) == 1
    entries = load_baseline(target)
    assert {(e.finding, e.complaint) for e in entries} == {("KR-HANDLING-LATE", "A-2")}
    assert all(e.reason for e in entries)
    capsys.readouterr()
    assert main([*argv, "--baseline", str(target), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["acceptances"]["accepted"] == 1
    # Rewriting the baseline keeps the entries still in use, with their own reasons.
    text = re.sub(r'reason = ".*"', 'reason = "Kept: a team decision"', target.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8")
    assert main([*argv, "--baseline", str(target), "--write-baseline", str(target)]) == 1
    assert [e.reason for e in load_baseline(target)] == ["Kept: a team decision"]


def test_fingerprints_and_annotation_titles_stay_when_rows_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _register(tmp_path, IN_TIME, LATE, name="one.csv")
    moved = _register(tmp_path, LATE, name="two.csv")  # the old row deleted: A-2 moves up a row

    def identities(register: str) -> tuple[set[str], set[str]]:
        main(["check", register, "--as-of", AS_OF, "--format", "sarif", "--no-config"])
        results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
        main(["check", register, "--as-of", AS_OF, "--format", "github", "--no-config"])
        titles = {
            part.split("=", 1)[1]
            for line in capsys.readouterr().out.splitlines()
            if line.startswith("::")
            for part in line.split("::")[1].split(" ", 1)[1].split(",")
            if part.startswith("title=")
        }
        return {r["partialFingerprints"]["klachtregels/v2"] for r in results}, titles

    assert identities(first) == identities(moved)
    fingerprints, titles = identities(moved)
    assert "KR-HANDLING-LATE:A-2" in fingerprints
    assert "KR-HANDLING-LATE A-2" in titles


SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_the_in_memory_renderer_accepts_as_the_streaming_run_does(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from klachtregels.compliance import check_register, render

    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    register = _register(tmp_path, IN_TIME, LATE, "A-3,2025-09-03,email,ouder,conduct,geen,,,,,\n")
    body = (
        f'[[accept]]\ncomplaint = "A-2"\nreason = "{REASON}"\n'
        f'[[accept]]\ncomplaint = "A-3"\nreason = "old"\nexpires = 2026-01-01\n'
    )
    baseline = _baseline(tmp_path, body)
    argv = ["check", register, "--as-of", AS_OF, "--baseline", baseline, "--format", fmt, "--no-config"]
    code = main([*argv, "--min-severity", "warning"])
    streamed = capsys.readouterr().out
    result = check_register(register, as_of=dt.date(2026, 5, 7))
    rendered, _ = render(result, fmt, accept=load_baseline(baseline), min_severity="warning")
    assert streamed == rendered
    assert code == 1  # A-3 is overdue and its acceptance expired


def test_accepted_findings_keep_sarif_and_junit_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema
    import xmlschema

    register = _register(tmp_path, IN_TIME, LATE, "A-3,2025-09-03,email,ouder,conduct,geen,,,,,\n")
    body = (
        f'[[accept]]\ncomplaint = "A-2"\nreason = "{REASON}"\n'
        f'[[accept]]\ncomplaint = "A-3"\nreason = "old"\nexpires = 2026-01-01\n'
    )
    baseline = _baseline(tmp_path, body)
    argv = ["check", register, "--as-of", AS_OF, "--baseline", baseline, "--no-config"]
    main([*argv, "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str) == []
    assert sum("suppressions" in r for r in log["runs"][0]["results"]) == 1
    main([*argv, "--format", "junit"])
    xmlschema.XMLSchema(SCHEMAS / "junit.xsd").validate(capsys.readouterr().out)
