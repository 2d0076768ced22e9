"""Audit S22: the organisation check K5, the annual report's due date and check's provider facts each
project the one rule that decides them.

1. A16/K5: a report sent after 31 May but by the ATW day, while the due-date rule leaves the last day
   open (A16), is undetermined (a warning), not late; late only after the ATW day, or after the last
   day the policy settles (``jaarverslag_atw``).
2. R9/R1: a report year before 2016 is out of the due-date rule's temporal scope, and the report and
   K5 say so from that one decision, not "no report required" (lid 9).
3. A12: ``check --org`` assesses each row with the organisation's provider facts, as
   ``assess(..., provider=...)`` does: no regulation adopted gives the ``NO_REGULATION`` indicator.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance_helpers import judged, record
from klachtregels.citations import WKO_1_57B_WVPO
from klachtregels.cli import main
from klachtregels.compliance import check_complaint, check_organisation, check_records, load_catalogue
from klachtregels.compliance.findings import Severity
from klachtregels.decisions import assess
from klachtregels.messages import text
from klachtregels.model import GckFiling, Provider, ProviderKind, RegisterRecord
from klachtregels.organisation import Organisation, parse_organisation
from klachtregels.policy import Policy, load_policy
from klachtregels.report import build_report, render, render_review
from klachtregels.report._text import due_lines
from klachtregels.rules._facts import REGIME_START
from klachtregels.rules.annual_report import FIRST_REPORT_YEAR, DueOutcome, report_due
from klachtregels.rules.organisation import DutyContext, organisation_duties
from klachtregels.timeline import obligations
from klachtregels.vocabulary import Outcome

if TYPE_CHECKING:
    from pathlib import Path

D = dt.date.fromisoformat
CAT = load_catalogue()
ONE_DAY = dt.timedelta(days=1)

HEADER = (
    "id,received_on,channel,complainant_role,complainant_contract_party,subjects,about,signals,"
    "location,category,judgement_sent_on,judgement_written,judgement_reasoned,verdict,measures,"
    "gck_filed_on,gck_filed_by"
)


def _row(rid: str, received: str, judged_on: str, gck: str = ",") -> str:
    """A register row: a parent's e-mail about staff conduct, judged (unfounded) on ``judged_on``."""
    facts = "email,parent,ja,conduct,staff,geen,KDV A,Voeding"
    return f"{rid},{received},{facts},{judged_on},ja,ja,ongegrond,geen,{gck}"


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


# --- 1. K5 "sent" projects the due-date rule's decision (A16) ----------------------------------------


def _k5_sent(year: int, sent: dt.date | None, *, policy: Policy | None = None, count: int = 3) -> Any:
    reports = [] if sent is None else [{"year": year, "sent_to_ggd_on": sent}]
    org = parse_organisation({"name": "Test", "annual_reports": reports})
    ctx = DutyContext(
        organisation=org,
        as_of=dt.date(year + 1, 12, 31),
        policy=policy or load_policy(None),
        complaints_per_year={year: count},
        register_years=(year, year),
    )
    return [d for d in organisation_duties(ctx) if d.item == "K5" and d.aspect == "sent"]


@pytest.mark.parametrize(
    ("year", "sent", "outcome"),
    [
        # over 2025: 31 May 2026 is a Sunday, the ATW day Monday 1 June (J02)
        (2025, "2026-05-29", Outcome.MET),
        (2025, "2026-05-31", Outcome.MET),
        (2025, "2026-06-01", Outcome.UNDETERMINED),
        (2025, "2026-06-02", Outcome.NOT_MET),
        # over 2024: 31 May 2025 is a Saturday, the ATW day Monday 2 June
        (2024, "2025-05-31", Outcome.MET),
        (2024, "2025-06-01", Outcome.UNDETERMINED),
        (2024, "2025-06-02", Outcome.UNDETERMINED),
        (2024, "2025-06-03", Outcome.NOT_MET),
        # over 2026: 31 May 2027 is a Monday, a working day: no window
        (2026, "2027-05-31", Outcome.MET),
        (2026, "2027-06-01", Outcome.NOT_MET),
    ],
)
def test_k5_sent_between_31_may_and_the_atw_day_is_undetermined(
    year: int, sent: str, outcome: Outcome
) -> None:
    (decision,) = _k5_sent(year, D(sent))
    assert decision.outcome is outcome
    due = report_due(year, written_complaints=3)
    assert decision.details["last_day"] == due.last_day.isoformat()  # type: ignore[union-attr]
    if outcome is Outcome.UNDETERMINED:
        assert due.outcome is DueOutcome.UNDETERMINED
        assert decision.reason == due.reason == "A16"
        assert decision.details["atw_last_day"] == due.atw_last_day.isoformat()  # type: ignore[union-attr]
        assert not decision.unknown_facts  # nothing is missing: the law is open
    else:
        assert decision.reason is None


@pytest.mark.parametrize(("year", "sent"), [(2025, "2026-06-01"), (2024, "2025-06-02")])
def test_jaarverslag_atw_settles_the_atw_day(year: int, sent: str) -> None:
    policy = Policy(jaarverslag_atw=True)
    (on_atw_day,) = _k5_sent(year, D(sent), policy=policy)
    assert on_atw_day.outcome is Outcome.MET
    (day_after,) = _k5_sent(year, D(sent) + ONE_DAY, policy=policy)
    assert day_after.outcome is Outcome.NOT_MET


@given(
    year=st.integers(FIRST_REPORT_YEAR, 2034),
    offset=st.integers(-3, 5),
    atw=st.booleans(),
)
def test_k5_sent_agrees_with_report_due_on_every_day_around_1_june(year: int, offset: int, atw: bool) -> None:
    """The K5 outcome of a recorded sending is read off the rule's decision, never a date of its own."""
    due = report_due(year, written_complaints=2, jaarverslag_atw=atw)
    assert due.last_day is not None
    assert due.atw_last_day is not None
    sent = due.last_day + dt.timedelta(days=offset)
    (decision,) = _k5_sent(year, sent, policy=Policy(jaarverslag_atw=atw), count=2)
    if sent <= due.last_day:
        expected = Outcome.MET
    elif due.outcome is DueOutcome.UNDETERMINED and sent <= due.atw_last_day:
        expected = Outcome.UNDETERMINED
    else:
        expected = Outcome.NOT_MET
    assert decision.outcome is expected


def _org_with_report(sent: str) -> Organisation:
    return parse_organisation(
        {
            "name": "Test BV",
            "kind": "kindercentrum",
            "annual_reports": [{"year": 2025, "sent_to_ggd_on": D(sent), "made_known_to_parents": True}],
        }
    )


def test_the_atw_day_finding_is_a_warning_naming_a16_not_an_error() -> None:
    findings, passed = check_organisation(
        _org_with_report("2026-06-01"),
        as_of=D("2026-07-01"),
        policy=load_policy(None),
        complaints_per_year={2025: 1},
        register_years=(2025, 2025),
    )
    k5 = [f for f in findings if f.check == "K5"]
    assert [f.id for f in k5] == ["KR-K5-SENT-ATW-DAY"]
    (finding,) = k5
    assert finding.severity is Severity.WARNING
    assert "A16" in CAT.checks["K5"].ambiguities
    for lang in ("nl", "en"):
        message = finding.message(lang)
        assert "2026-06-01" in message
        assert "2026-05-31" in message
        assert "A16" in message
    assert "K5" not in {p.check for p in passed}


def test_check_cli_on_the_auditors_repro(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = _write(
        tmp_path / "reg.csv",
        [
            HEADER,
            _row("X1", "2025-03-03", "2025-04-01"),
        ],
    )
    found: dict[str, set[str]] = {}
    for sent in ("2026-05-31", "2026-06-01", "2026-06-02"):
        org = tmp_path / f"org-{sent}.toml"
        org.write_text(
            f'name = "Test BV"\nkind = "kindercentrum"\n[[annual_reports]]\nyear = 2025\n'
            f"sent_to_ggd_on = {sent}\nmade_known_to_parents = true\n",
            encoding="utf-8",
        )
        args = ["check", reg, "--org", str(org), "--as-of", "2026-07-01", "--format", "json", "--no-config"]
        main([*args, "--fail-on", "never"])
        data = json.loads(capsys.readouterr().out)
        found[sent] = {f["id"] for f in data["findings"] if f["check"] == "K5"}
        if sent == "2026-06-01":
            (k5,) = [f for f in data["findings"] if f["check"] == "K5"]
            assert k5["severity"] == "warning"
    assert found == {
        "2026-05-31": set(),
        "2026-06-01": {"KR-K5-SENT-ATW-DAY"},
        "2026-06-02": {"KR-K5-SENT-LATE"},
    }


@pytest.mark.parametrize(
    ("sent", "status"),
    [("2026-05-31", "done"), ("2026-06-01", "undetermined"), ("2026-06-02", "done_late")],
)
def test_the_obligations_timeline_reads_the_same_k5_answer(sent: str, status: str) -> None:
    rec = record(received_on=D("2025-03-03"), judgement=judged("2025-04-01"))
    timeline = obligations(
        rec.complaint, as_of=D("2026-07-01"), judgement=rec.judgement, organisation=_org_with_report(sent)
    )
    (item,) = [i for i in timeline.items if i.key == "annual_report"]
    assert item.status == status


# --- 2. A report year before 2016 is out of temporal scope (R1, R9, A20) ------------------------------


@pytest.mark.parametrize("year", [2010, 2014, 2015])
@pytest.mark.parametrize("written", [0, 3])
def test_report_due_before_2016_is_out_of_temporal_scope(year: int, written: int) -> None:
    due = report_due(year, written_complaints=written)
    assert due.outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE
    assert due.reason == "R1"
    assert "R1" in due.rule_ids
    assert "R9" in due.rule_ids
    assert due.citations == (WKO_1_57B_WVPO,)
    assert due.last_day is due.calendar_last_day is due.atw_last_day is due.recommended_by is None
    assert due.written_complaints == written


def test_the_first_report_year_is_the_regime_start() -> None:
    assert REGIME_START.year == FIRST_REPORT_YEAR
    assert report_due(FIRST_REPORT_YEAR, written_complaints=0).outcome is DueOutcome.NOT_REQUIRED
    first = report_due(FIRST_REPORT_YEAR, written_complaints=1)
    assert first.outcome is not DueOutcome.OUT_OF_TEMPORAL_SCOPE
    assert first.calendar_last_day == dt.date(FIRST_REPORT_YEAR + 1, 5, 31)


@pytest.mark.parametrize("year", [2013, 2014, 2015, 2016, 2017])
def test_k5_checks_a_year_exactly_when_the_rule_gives_it_a_duty(year: int) -> None:
    ctx = DutyContext(
        organisation=Organisation(name="Test"),
        as_of=D("2026-07-01"),
        policy=load_policy(None),
        complaints_per_year={year: 2},
        register_years=(year, year),
    )
    k5_years = {d.year for d in organisation_duties(ctx) if d.item == "K5"}
    in_scope = report_due(year, written_complaints=2).outcome is not DueOutcome.OUT_OF_TEMPORAL_SCOPE
    assert (year in k5_years) == in_scope


def _rec_2015(row: int, received: str) -> RegisterRecord:
    return record(row=row, id=f"Y{row}", received_on=D(received), judgement=judged("2015-07-01"))


def test_build_report_over_2015_says_out_of_scope_not_not_required() -> None:
    report = build_report([_rec_2015(2, "2015-03-03"), _rec_2015(3, "2015-06-03")], year=2015)
    assert report.due.outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE
    assert report.total.total == 0  # received before 2016: not complaints under art. 1.57b (R1)
    for lang in ("nl", "en"):
        statement = text("REPORT_DUE_OUT_OF_TEMPORAL_SCOPE", lang, year=2015)
        not_required = text("REPORT_DUE_NOT_REQUIRED", lang, year=2015)
        assert due_lines(report.due, lang) == [statement]
        for fmt in ("md", "html", "json"):
            notes = render_review(report, fmt, lang)
            assert not_required not in notes
        assert statement in render_review(report, "md", lang)
        # the published document says it is no report under art. 1.57b, without catalogue ids
        public = text("REPORT_OUT_OF_TEMPORAL_SCOPE_NOTE", lang, year=2015)
        for fmt in ("md", "html"):
            document = render(report, fmt, lang)
            assert public.split(":")[0] in document
            assert statement not in document
        data = json.loads(render(report, "json", lang))
        assert data["due"]["outcome"] == "OUT_OF_TEMPORAL_SCOPE"
        assert data["due"]["explanation"] == statement


def test_a_2016_report_has_no_out_of_scope_statement() -> None:
    report = build_report(
        [record(row=2, received_on=D("2016-03-03"), judgement=judged("2016-04-01"))], year=2016
    )
    assert report.due.outcome is not DueOutcome.OUT_OF_TEMPORAL_SCOPE
    for lang in ("nl", "en"):
        public = text("REPORT_OUT_OF_TEMPORAL_SCOPE_NOTE", lang, year=2016)
        assert public.split(":")[0] not in render(report, "md", lang)


def test_report_cli_over_2015_renders_with_the_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = _write(
        tmp_path / "reg.csv",
        [
            HEADER,
            _row("Y1", "2015-03-03", "2015-04-01"),
            _row("Y2", "2015-06-03", "2015-07-01"),
        ],
    )
    out, notes = tmp_path / "r.md", tmp_path / "notes.md"
    args = [
        "report",
        reg,
        "--year",
        "2015",
        "--lang",
        "en",
        "--output",
        str(out),
        "--review-notes",
        str(notes),
    ]
    assert main([*args, "--no-config"]) == 0
    err = capsys.readouterr().err
    statement = text("REPORT_DUE_OUT_OF_TEMPORAL_SCOPE", "en", year=2015)
    assert statement in err
    assert text("REPORT_DUE_OUTCOME_OUT_OF_TEMPORAL_SCOPE", "en") in err
    assert text("REPORT_DUE_NOT_REQUIRED", "en", year=2015) not in notes.read_text(encoding="utf-8")
    assert statement in notes.read_text(encoding="utf-8")
    assert text("REPORT_OUT_OF_TEMPORAL_SCOPE_NOTE", "en", year=2015) in out.read_text(encoding="utf-8")


# --- 3. check --org assesses each row with the organisation's provider facts (A12) -------------------


def _before_complaint() -> RegisterRecord:
    """The auditor's row: the dispute filed (22 April) before the complaint reached the provider."""
    return record(
        id="N1",
        received_on=D("2025-05-06"),
        judgement=judged("2025-06-03"),
        filing=GckFiling(filed_on=D("2025-04-22"), filed_by="parent"),
    )


def _org_regulation(adopted: bool | None) -> Organisation:
    data: dict[str, Any] = {"name": "NoReg BV", "kind": "kindercentrum"}
    if adopted is not None:
        data["regulation"] = {"adopted": adopted}
    return parse_organisation(data)


def test_as_provider_carries_the_facts_the_rules_read() -> None:
    org = parse_organisation(
        {
            "name": "Houder BV",
            "kind": "gastouderbureau",
            "regulation": {"adopted": False},
            "geschillencommissie": {"affiliated": True},
        }
    )
    provider = org.as_provider()
    assert provider == Provider(
        name="Houder BV", kind=ProviderKind.GASTOUDERBUREAU, gck_affiliated=True, has_regulation=False
    )
    assert Organisation(name="Onbekend").as_provider().has_regulation is None  # missing is not false


@pytest.mark.parametrize("adopted", [False, True, None])
def test_check_with_an_organisation_projects_assess_with_its_provider(adopted: bool | None) -> None:
    rec = _before_complaint()
    org = _org_regulation(adopted)
    as_of = D("2025-07-01")
    result = check_records([rec], as_of=as_of, organisation=org)
    gck = {f.id for f in result.findings if f.check == "gck-filing"}
    decision = assess(
        rec.complaint,
        as_of=as_of,
        judgement=rec.judgement,
        filing=rec.filing,
        provider=Provider(name="x", has_regulation=adopted),
    ).gck_access
    assert decision is not None
    if adopted is False:
        assert decision.outcome == Outcome.UNDETERMINED
        assert decision.has_flag("NO_REGULATION")
        assert gck == {"KR-GCK-UNDETERMINED"}
        (finding,) = [f for f in result.findings if f.check == "gck-filing"]
        assert "A12 NO_REGULATION" in finding.message("en")
        assert finding.severity is not Severity.ERROR
    else:
        assert decision.outcome == Outcome.INADMISSIBLE
        assert gck == {"KR-GCK-BEFORE-COMPLAINT"}
    # the same as the per-row check given the provider by hand
    direct = check_complaint(rec, as_of=as_of, policy=load_policy(None), provider=org.as_provider())
    assert {f.id for f in direct.findings} <= {f.id for f in result.findings}


def test_without_an_organisation_nothing_about_the_provider_is_assumed() -> None:
    result = check_records([_before_complaint()], as_of=D("2025-07-01"))
    assert {f.id for f in result.findings if f.check == "gck-filing"} == {"KR-GCK-BEFORE-COMPLAINT"}


def test_the_provider_is_built_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = Organisation.as_provider

    def counted(self: Organisation) -> Provider:
        calls.append(1)
        return original(self)

    monkeypatch.setattr(Organisation, "as_provider", counted)
    records = [attrs.evolve(_before_complaint(), row=row) for row in range(2, 8)]
    check_records(records, as_of=D("2025-07-01"), organisation=_org_regulation(False))
    assert len(calls) == 1


def test_check_cli_on_the_auditors_no_regulation_repro(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = _write(
        tmp_path / "reg.csv",
        [
            HEADER,
            _row("N1", "2025-05-06", "2025-06-03", gck="2025-04-22,parent"),
        ],
    )
    org = tmp_path / "org.toml"
    org.write_text(
        'name = "NoReg BV"\nkind = "kindercentrum"\n[regulation]\nadopted = false\n', encoding="utf-8"
    )
    args = ["check", reg, "--org", str(org), "--as-of", "2025-07-01", "--format", "json", "--no-config"]
    main([*args, "--fail-on", "never"])
    data = json.loads(capsys.readouterr().out)
    (gck,) = [f for f in data["findings"] if f["check"] == "gck-filing"]
    assert gck["id"] == "KR-GCK-UNDETERMINED"
    assert "NO_REGULATION" in gck["message"]["en"]
