"""The obligations timeline: each item a projection of a decision or a check (issue 13, part 1)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance_helpers import judged, measure, record, signal
from klachtregels.cli import main
from klachtregels.compliance import check_complaint
from klachtregels.decisions import assess
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, Judgement
from klachtregels.organisation import load_organisation
from klachtregels.policy import load_policy
from klachtregels.testing import complaints, judgements
from klachtregels.timeline import Actor, ObligationStatus, obligations

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
D = dt.date.fromisoformat


def _example(name: str = "complaint.json") -> tuple[Complaint, Judgement | None]:
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    judgement = Judgement.from_dict(data["judgement"]) if "judgement" in data else None
    return Complaint.from_dict(data["complaint"]), judgement


def _one(timeline: object, key: str) -> object:
    items = timeline.by_key(key)  # type: ignore[attr-defined]
    assert len(items) == 1, key
    return items[0]


def test_an_open_complaint_runs_the_six_weeks_and_opens_direct_access_after_them() -> None:
    """R6/R12: due six weeks after receipt; R20(i): the parent may go straight to the GCK the day after."""
    complaint, _ = _example()
    timeline = obligations(complaint, as_of=D("2026-03-20"))
    handling = _one(timeline, "handling")
    assert handling.due == D("2026-04-28")
    assert handling.status is ObligationStatus.DUE
    assert handling.actor is Actor.PROVIDER
    assert "R6" in handling.rule_ids
    assert any(c.article == "1.57b" for c in handling.citations)
    form = _one(timeline, "judgement_form")
    assert form.due == handling.due
    direct = _one(timeline, "gck_direct_access")
    assert direct.due == D("2026-04-29")
    assert direct.status is ObligationStatus.UPCOMING
    assert direct.actor is Actor.PARENT
    # Later, with still no judgement: overdue, and the right is open.
    later = obligations(complaint, as_of=D("2026-05-07"))
    assert _one(later, "handling").status is ObligationStatus.OVERDUE
    assert _one(later, "gck_direct_access").status is ObligationStatus.OPEN


def test_the_handling_item_is_the_handling_decision() -> None:
    complaint, judgement = _example()
    for day in ("2026-03-20", "2026-04-25", "2026-05-07"):
        timeline = obligations(complaint, as_of=D(day), judgement=judgement)
        decision = assess(complaint, as_of=D(day), judgement=judgement).handling
        item = _one(timeline, "handling")
        expected = {
            "judged_in_time": "done",
            "open_on_track": "due",
            "open_due_soon": "due_soon",
            "open_overdue": "overdue",
            "judged_late": "done_late",
        }[decision.outcome]
        assert item.status == expected, day


def test_a_judged_complaint_has_its_measures_with_their_own_terms() -> None:
    """Lid 2 f: each measure with its concrete term; done, due, overdue by its own dates."""
    complaint, judgement = _example()
    assert judgement is not None
    timeline = obligations(complaint, as_of=D("2026-05-07"), judgement=judgement)
    assert _one(timeline, "handling").status is ObligationStatus.DONE
    assert _one(timeline, "judgement_form").status is ObligationStatus.DONE
    assert _one(timeline, "measure").status is ObligationStatus.DUE
    assert "gck_direct_access" not in {i.key for i in timeline}  # judged in time: no direct access
    late = obligations(complaint, as_of=D("2026-06-01"), judgement=judgement)
    assert _one(late, "measure").status is ObligationStatus.OVERDUE


def test_measures_without_a_term_and_done_measures() -> None:
    rec = record(
        judgement=judged(
            sent="2025-10-01",
            measures=(
                measure(due_on=D("2025-10-20"), done_on=D("2025-10-25")),
                measure(has_concrete_term=False),
            ),
        )
    )
    timeline = obligations(rec.complaint, as_of=D("2025-12-01"), judgement=rec.judgement)
    first, second = timeline.by_key("measure")
    assert (first.number, first.status) == (1, ObligationStatus.DONE_LATE)
    assert second.due is None
    assert second.status is ObligationStatus.NOT_MET  # KR-MEASURE-NO-TERM
    assert "KR-MEASURE-NO-TERM" in second.findings


def test_a_judgement_not_in_writing_does_not_meet_lid_2_e() -> None:
    rec = record(judgement=judged(written=False))
    timeline = obligations(rec.complaint, as_of=D("2025-12-01"), judgement=rec.judgement)
    form = _one(timeline, "judgement_form")
    assert form.status is ObligationStatus.NOT_MET
    assert "KR-JUDGEMENT-NOT-WRITTEN" in form.findings


def test_meldplicht_consultation_is_due_without_delay_then_undetermined_when_unrecorded() -> None:
    """R28 (Wko 1.51b lid 1): consult the vertrouwensinspecteur 'onverwijld' (1 working day by default)."""
    complaint, _ = _example("complaint-meldplicht.json")
    early = obligations(complaint, as_of=D("2026-03-09"))
    item = _one(early, "meldplicht")
    assert item.due == D("2026-03-10")
    assert item.status is ObligationStatus.DUE_SOON
    late = obligations(complaint, as_of=D("2026-05-07"))
    item = _one(late, "meldplicht")
    assert item.status is ObligationStatus.UNDETERMINED
    assert item.missing == ("signal.consulted_on",)
    # R29: the meldplicht does not stop the six-week clock.
    assert _one(late, "handling").status is ObligationStatus.OVERDUE


def test_a_late_consultation_is_done_late() -> None:
    rec = record(
        signals=(signal("suspected_offence_by_staff", known_on="2025-09-01", consulted_on="2025-09-10"),)
    )
    timeline = obligations(rec.complaint, as_of=D("2025-12-01"), judgement=rec.judgement)
    item = _one(timeline, "meldplicht")
    assert item.status is ObligationStatus.DONE_LATE
    assert "KR-MELDPLICHT-CONSULT-LATE" in item.findings


def test_the_twelve_months_are_the_parents_and_close() -> None:
    """R21: twelve months from the complaint to the provider; a right of the parent."""
    complaint, judgement = _example()
    item = _one(obligations(complaint, as_of=D("2026-05-07"), judgement=judgement), "gck_filing_limit")
    assert item.due == D("2027-03-16")
    assert (item.actor, item.kind, item.status) == (Actor.PARENT, "right", ObligationStatus.OPEN)
    closed = _one(obligations(complaint, as_of=D("2027-04-01"), judgement=judgement), "gck_filing_limit")
    assert closed.status is ObligationStatus.CLOSED


def test_the_annual_report_follows_r9_and_k5() -> None:
    """R9 (lid 8): before 1 June of the next year; with an organisation file, K5 reads whether it was sent."""
    complaint, judgement = _example()
    item = _one(obligations(complaint, as_of=D("2026-05-07"), judgement=judgement), "annual_report")
    assert item.due == D("2027-05-31")
    assert item.status is ObligationStatus.DUE
    after = _one(obligations(complaint, as_of=D("2027-07-01"), judgement=judgement), "annual_report")
    assert after.status is ObligationStatus.UNDETERMINED
    assert after.missing == ("annual_reports[2026].sent_to_ggd_on",)
    org = load_organisation(EXAMPLES / "organisation.toml")
    years = {r.year: r.sent_to_ggd_on for r in org.annual_reports}
    year = next((y for y, sent in years.items() if sent is not None), None)
    if year is not None:
        old = record(received_on=D(f"{year}-03-02"))
        with_org = obligations(old.complaint, as_of=D(f"{year + 1}-12-01"), organisation=org)
        expected = (
            ObligationStatus.DONE if years[year] <= D(f"{year + 1}-05-31") else ObligationStatus.DONE_LATE
        )
        assert _one(with_org, "annual_report").status is expected


def test_a_price_change_complaint_carries_the_oudercommissie_advice() -> None:
    """Wko 1.60 lid 1 sub f: a complaint about a price change says the oudercommissie had to be asked."""
    rec = record(advice_subject="price_change")
    timeline = obligations(rec.complaint, as_of=D("2025-12-01"), judgement=rec.judgement)
    item = _one(timeline, "oudercommissie_advice")
    assert item.status is ObligationStatus.UNDETERMINED
    assert any(c.article == "1.60" for c in item.citations)


def test_not_a_statutory_complaint_has_no_handling_term() -> None:
    rec = record(channel="oral", judgement=None)
    keys = {i.key for i in obligations(rec.complaint, as_of=D("2025-12-01"))}
    assert "handling" not in keys
    assert "gck_filing_limit" not in keys


def test_as_of_before_receipt_is_refused() -> None:
    complaint, _ = _example()
    with pytest.raises(InvalidInputError, match="as_of"):
        obligations(complaint, as_of=D("2026-01-01"))


@settings(max_examples=60, deadline=None)
@given(complaint=complaints(), judgement=st.none() | judgements(), days=st.integers(0, 500))
def test_every_item_projects_a_check_or_decision(
    complaint: Complaint, judgement: Judgement | None, days: int
) -> None:
    """The states never contradict the checks: an error finding is never shown as done or due."""
    received = complaint.received_date
    as_of = (received or D("2025-01-01")) + dt.timedelta(days=days)
    sent = judgement.sent_date if judgement is not None else None
    if sent is not None and received is not None and sent < received:
        return
    timeline = obligations(complaint, as_of=as_of, judgement=judgement)
    checks = check_complaint(record_of(complaint, judgement), as_of=as_of, policy=load_policy(None))
    errors = {f.check for f in checks.findings if f.severity.value == "error"}
    ok_states = {ObligationStatus.DONE, ObligationStatus.DUE, ObligationStatus.DUE_SOON}
    for item in timeline:
        if item.key == "handling" and "handling-term" in errors:
            assert item.status not in ok_states
        if item.key == "judgement_form" and "judgement-form" in errors:
            assert item.status is ObligationStatus.NOT_MET
        assert item.to_dict()["status"] == item.status.value
    dated = [i.due for i in timeline if i.due is not None]
    assert dated == sorted(dated)


def record_of(complaint: Complaint, judgement: Judgement | None) -> object:
    from klachtregels.model import RegisterRecord

    return RegisterRecord(complaint=complaint, judgement=judgement)


def test_the_cli_prints_the_timeline_json_and_ics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "complaint.json")
    assert main(["obligations", path, "--as-of", "2026-05-07", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Handle the complaint within six weeks" in text
    assert "Synthetisch" not in text  # no complaint text
    assert main(["obligations", path, "--as-of", "2026-05-07", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "klachtregels.obligations"
    assert [i["key"] for i in data["items"]][:2] == ["handling", "judgement_form"]
    assert main(["obligations", path, "--as-of", "2026-01-01"]) == 2
    assert "invalid command-line argument: --as-of: is before" in capsys.readouterr().err


@settings(max_examples=200, deadline=None)
@given(
    known=st.dates(dt.date(2016, 1, 1), dt.date(2030, 12, 31)),
    after=st.integers(0, 20),
    within=st.integers(0, 5),
)
def test_the_timelines_consultation_day_is_the_checks_limit(known: dt.date, after: int, within: int) -> None:
    """R28 (1.51b lid 1): a consultation on or before the timeline's day is never reported late."""
    from klachtregels.calendar import working_days_between
    from klachtregels.rules.meldcode import consultation_last_day

    consulted = known + dt.timedelta(days=after)
    last = consultation_last_day(known, within)
    working_days = working_days_between(known, consulted) if consulted > known else 0
    assert (consulted > last) == (working_days > within)


@pytest.mark.parametrize(
    ("known", "as_of", "years"),
    [
        # 2026: the decree for 2026-2028 is in the data, so the day is certain.
        ("2026-05-07", "2026-05-07", ()),
        # 2029: no decree in the data yet; a decree can only add a non-working day (A2).
        ("2029-05-10", "2029-05-10", (2029,)),
        # Friday 29 December 2028: the count runs past New Year into 2029 (Tue 2 Jan is the last day).
        ("2028-12-29", "2028-12-29", (2029,)),
    ],
)
def test_the_onverwijld_day_is_provisional_where_it_counts_through_an_unverified_year(
    known: str, as_of: str, years: tuple[int, ...]
) -> None:
    """R28 with A2: the meldplicht's last day is counted in working days, so it rests on the equated
    days (ATW art. 3 lid 3) of every year the count passes; where the data lacks the decree, the
    timeline marks the day provisional and names the years, as it does for the six weeks."""
    from klachtregels.rules.meldcode import consultation_last_day, consultation_unverified_years

    rec = record(
        received_on=D(known), judgement=None, signals=(signal("suspected_offence_by_staff", known_on=known),)
    )
    (item,) = obligations(rec.complaint, as_of=D(as_of)).by_key("meldplicht")
    assert item.due == consultation_last_day(D(known), 1)
    assert consultation_unverified_years(D(known), 1) == years
    assert item.provisional is bool(years)
    assert item.unverified_years == years
    if years:
        assert str(years[0]) in item.provisional_text("en")
    if known == "2028-12-29":
        assert item.due == D("2029-01-02")
