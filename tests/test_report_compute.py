"""Computing the annual report: which records count, the figures, the due date (J01, J02), accounting."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels import testing
from klachtregels.decisions import assess_record
from klachtregels.errors import InvalidInputError, ProvisionalCalendarError
from klachtregels.model import Channel, GckFiling, Measure, Party, RegisterRecord
from klachtregels.report import build_report, render, render_review, report_due
from klachtregels.rules.annual_report import not_a_complaint
from report_helpers import rec
from strategies_policy import refused_as_provisional

if TYPE_CHECKING:
    from pathlib import Path

    from klachtregels.policy import Policy

# --- due date: J01, J02, A16 (the rule lives in klachtregels.rules.annual_report) --------------------


def test_j01_no_written_complaints_no_report() -> None:
    due = report_due(2025, written_complaints=0)
    assert due.outcome == "NOT_REQUIRED"
    assert "KLACHTENLOKET_FAQ_GCK" in due.flags
    assert due.last_day is None


def test_j01_only_oral_complaints_is_not_required() -> None:
    report = build_report([rec(2, channel=Channel.ORAL)], year=2025)
    assert report.due.outcome == "NOT_REQUIRED"
    # Shown by row and reason, not counted and not dropped (R5, lid 9).
    assert report.data_quality.not_complaints == ((2, "not_yet"),)
    assert report.total.total == 0
    assert report.data_quality.accounted


def test_records_that_are_not_complaints_are_shown_not_counted() -> None:
    # A staff member's complaint and an anonymous letter are registered, but are not complaints by an
    # ouder (R3): lid 4 counts complaints under the regulation. Undetermined records are counted.
    records = [
        rec(2, complainant=Party(role="staff")),
        rec(3, complainant=Party(role="anonymous")),
        rec(4, complainant=Party(role="grandparent"), channel=Channel.EMAIL, subjects=("conduct",)),
        rec(5),
    ]
    report = build_report(records, year=2025)
    dq = report.data_quality
    assert dq.not_complaints == ((2, "not_eligible"), (3, "not_eligible"))
    assert report.total.total == 2
    assert dq.accounted
    md = render_review(report, "md").splitlines()  # the accounting is the review notes'
    shown = "- Geregistreerd, maar geen klacht van een ouder in de zin van art. 1.57b (niet meegeteld): 2"
    assert f"{shown} (regels 2, 3)" in md
    assert any(line.startswith("- Sluitend: 2 in dit verslag") and "+ 2 geen klacht" in line for line in md)


def test_j02_weekend_31_may_is_undetermined() -> None:
    due = report_due(2025, written_complaints=4)
    assert due.outcome == "UNDETERMINED"
    assert due.reason == "A16"
    assert due.calendar_last_day == dt.date(2026, 5, 31)
    assert due.atw_last_day == dt.date(2026, 6, 1)
    assert due.last_day == dt.date(2026, 5, 31)
    assert due.recommended_by == dt.date(2026, 5, 29)
    assert "VERIFY_LID7" in due.flags
    assert {c.label() for c in due.citations} >= {"Wko art. 1.57b lid 8"}


def test_a16_atw_setting_moves_the_last_day() -> None:
    due = report_due(2025, written_complaints=4, jaarverslag_atw=True)
    assert (due.outcome, due.last_day) == ("REQUIRED", dt.date(2026, 6, 1))
    assert "ATW_ON_FIXED_DATE" in due.flags
    # Over 2024: 31 May 2025 is a Saturday -> Mon 2 June (A16). Recommended: Wed 28 May, since
    # Thu 29 May is Ascension and Fri 30 May an equated day.
    due24 = report_due(2024, written_complaints=1, jaarverslag_atw=True)
    assert due24.last_day == dt.date(2025, 6, 2)
    assert due24.recommended_by == dt.date(2025, 5, 28)


def test_working_day_31_may_is_plainly_required() -> None:
    due = report_due(2026, written_complaints=1)  # Mon 31 May 2027
    assert (due.outcome, due.last_day, due.reason) == ("REQUIRED", dt.date(2027, 5, 31), None)


# --- figures and data quality ----------------------------------------------------------------------


def test_counts_per_location_organisation_and_verdict() -> None:
    records = [
        rec(2),
        rec(3, verdict="ongegrond", category="Voeding"),
        rec(4, location="BSO Maan", verdict=None, organisation="Maan B.V."),
        rec(5, location=None),
    ]
    report = build_report(records, year=2025)
    assert report.total.total == 4
    assert dict(report.total.categories) == {"Communicatie": 3, "Voeding": 1}
    v = report.total.verdicts
    assert (v.gegrond, v.deels_gegrond, v.ongegrond, v.unknown) == (2, 0, 1, 1)
    assert {g.name: g.total for g in report.by_organisation} == {"Zon B.V.": 3, "Maan B.V.": 1}
    assert {g.name: g.total for g in report.by_location} == {"KDV Zon": 2, "BSO Maan": 1, None: 1}
    assert report.data_quality.no_location == (5,)
    assert report.data_quality.no_verdict == (4,)
    assert report.data_quality.accounted


def test_year_filter_and_undated_records() -> None:
    records = [rec(2), rec(3, received=dt.date(2024, 12, 31)), rec(4, received=None)]
    mixed = build_report(records, year=2025)
    assert mixed.total.total == 1
    assert mixed.data_quality.outside_year == (3,)
    assert mixed.data_quality.undated_excluded == (4,)
    assert mixed.data_quality.accounted
    declared = build_report(records, year=2025, undated_in_year=True)
    assert declared.total.total == 2
    assert declared.data_quality.undated_included == (4,)
    assert declared.data_quality.accounted


def test_rejected_rows_are_accounted_for() -> None:
    class Err:
        row = 7
        column = "gegrond"
        message = "'Misschien' is not one of: Ja, Deels, Nee"

    report = build_report([rec(2)], year=2025, rejected=[Err()])
    dq = report.data_quality
    assert dq.rows_read == 2
    assert [(r.row, r.fields) for r in dq.rejected] == [(7, ("gegrond",))]
    assert dq.accounted
    assert "Misschien" not in render(report, "json")  # reader messages are not copied


def test_a_row_with_two_problems_is_one_row_rejected() -> None:
    """issue 9: the report counted problems, not rows, and published 'niet sluitend' for a sound register."""

    class Err:
        def __init__(self, row: int | None, column: str) -> None:
            self.row, self.column = row, column

    errors = [Err(7, "received_on"), Err(7, "verdict"), Err(9, "verdict"), Err(7, "verdict"), Err(None, "x")]
    report = build_report([rec(2)], year=2025, rejected=errors, rows_read=4)
    rows = [(r.row, r.fields) for r in report.data_quality.rejected]
    assert rows == [(7, ("received_on", "verdict")), (9, ("verdict",)), (None, ("x",))]
    assert report.data_quality.accounted  # 4 rows = 1 record + 3 rejected entries


def test_a_real_register_with_a_row_of_two_problems_balances(tmp_path: Path) -> None:
    from klachtregels.register import read_register_all

    path = tmp_path / "r.csv"
    path.write_text(
        "id,received_on,channel,verdict\nK1,2025-03-01,email,gegrond\nK2,2025-13-03,email,welwel\n"
    )
    result = read_register_all(path)
    report = build_report(
        result.records, year=2025, rejected=result.errors, rows_read=result.summary.rows_read
    )
    assert [r.row for r in report.data_quality.rejected] == [3]
    assert report.data_quality.accounted


def test_duplicates_shown_by_row_number() -> None:
    records = [
        rec(2, description="Kind  viel", summary="Gesprek"),
        rec(3, description="kind viel", summary="gesprek", verdict=None),
        rec(4, description="Kind viel", summary="Anders"),
    ]
    report = build_report(records, year=2025)
    assert report.data_quality.possible_duplicates == ((2, 3),)
    assert report.total.total == 3  # kept, not dropped


def test_measures_never_invented() -> None:
    unknown = build_report([rec(2, summary="Gesprek gevoerd")], year=2025)
    m = unknown.total.measures
    assert (m.measures_unknown, m.with_measures, m.with_summary) == (1, 0, 1)
    known = build_report(
        [
            rec(2, measures=(Measure(description="x", due_on=dt.date(2025, 4, 1)), Measure(description="y"))),
            rec(3, measures=()),
        ],
        year=2025,
    )
    m = known.total.measures
    assert (m.with_measures, m.without_measures, m.measures, m.with_concrete_term, m.term_unknown) == (
        1,
        1,
        2,
        1,
        1,
    )


def test_gck_cases_by_subject_outcome_and_year() -> None:
    cases = [
        GckFiling(subject="Kosten", outcome="ongegrond", filed_on=dt.date(2025, 2, 1)),
        GckFiling(subject="Kosten", outcome="ongegrond", filed_on=dt.date(2025, 3, 1)),
        GckFiling(subject="Zorgvuldigheid", outcome="geschikt", filed_on=dt.date(2024, 3, 1)),
    ]
    report = build_report([rec(2)], year=2025, gck_cases=cases)
    assert report.gck is not None
    assert report.gck.total == 2
    assert report.gck.by_subject_outcome == (("Kosten", "ongegrond", 2),)
    assert len(report.data_quality.gck_outside_year) == 1
    assert build_report([rec(2)], year=2025).gck is None  # unknown, not zero


def test_previous_year_and_share() -> None:
    prev = [rec(2, received=dt.date(2024, 5, 1)), rec(3, received=dt.date(2024, 6, 1), category="Voeding")]
    report = build_report([rec(2)], year=2025, previous=prev, children_served=200)
    assert report.previous is not None
    assert (report.previous.year, report.previous.total) == (2024, 2)
    assert report.share_of_children == pytest.approx(0.005)
    assert build_report([rec(2)], year=2025, previous=5).previous.total == 5  # type: ignore[union-attr]
    with pytest.raises(InvalidInputError):
        build_report([rec(2)], year=2025, children_served=-1)


# --- invariants ------------------------------------------------------------------------------------

_record_args = st.fixed_dictionaries(
    {
        "location": st.sampled_from(["KDV Zon", "BSO Maan", None]),
        "category": st.sampled_from(["Voeding", "Privacy", None]),
        "verdict": st.sampled_from(["gegrond", "deels_gegrond", "ongegrond", None]),
        "received": st.sampled_from(
            [dt.date(2024, 12, 31), dt.date(2025, 1, 1), dt.date(2025, 12, 31), None]
        ),
        "organisation": st.sampled_from(["Zon B.V.", None]),
        "channel": st.sampled_from([Channel.EMAIL, Channel.ORAL, None]),
    }
)


class _Rejected:
    def __init__(self, row: int) -> None:
        self.row = row
        self.column = None


@given(st.lists(_record_args, max_size=30), st.integers(0, 5), st.booleans())
def test_every_row_is_accounted_for_and_groups_add_up(
    args: list[dict[str, object]], n_rejected: int, undated: bool
) -> None:
    records = [rec(i + 2, **a) for i, a in enumerate(args)]  # type: ignore[arg-type]
    rejected = [_Rejected(1000 + i) for i in range(n_rejected)]
    report = build_report(records, year=2025, rejected=rejected, undated_in_year=undated)
    dq = report.data_quality
    assert dq.accounted
    assert dq.rows_read == len(records) + n_rejected
    total = report.total.total
    assert total == dq.included
    assert sum(g.total for g in report.by_location) == total
    assert sum(g.total for g in report.by_organisation) == total
    assert sum(n for _c, n in report.total.categories) == total
    assert report.total.verdicts.total == total
    assert sum(v.total for _c, v in report.category_verdicts) == total
    assert (report.due.outcome == "NOT_REQUIRED") == (total == 0)


# --- figures are projections of the decisions ------------------------------------------------------


@given(st.lists(_record_args, max_size=20), st.booleans())
def test_counts_agree_with_the_assessment_of_each_record(
    args: list[dict[str, object]], undated: bool
) -> None:
    # Invariant (issue 8): a record is counted exactly when its eligibility decision, as `assess_record`
    # gives it, does not rule it out (rules.annual_report.not_a_complaint); otherwise it is listed
    # with that decision's reason.
    records = [rec(i + 2, **a) for i, a in enumerate(args)]  # type: ignore[arg-type]
    report = build_report(records, year=2025, undated_in_year=undated)
    expected_out: list[tuple[int | None, str]] = []
    counted = 0
    for r in records:
        day = r.complaint.received_date
        if (day is None and not undated) or (day is not None and day.year != 2025):
            continue
        decision = assess_record(r, as_of=day or dt.date(2025, 12, 31)).eligibility
        reason = not_a_complaint(decision)
        if reason is None:
            counted += 1
        else:
            expected_out.append((r.row, reason))
    assert report.data_quality.not_complaints == tuple(expected_out)
    assert report.total.total == counted


def test_previous_register_is_counted_like_this_years() -> None:
    # A staff member's complaint in last year's register is no more a complaint than in this year's.
    last_year = dt.date(2024, 5, 1)
    prev = [
        rec(2, received=last_year),
        rec(3, received=last_year, complainant=Party(role="staff")),
        rec(4, received=last_year, channel=Channel.ORAL),
    ]
    report = build_report([rec(2)], year=2025, previous=prev)
    assert report.previous is not None
    assert report.previous.total == 1
    assert report.previous.categories == (("Communicatie", 1),)


def test_a_dispute_filed_after_receipt_is_assessed_without_error() -> None:
    record = attrs.evolve(
        rec(2), filing=GckFiling(subject="Kosten", outcome="ongegrond", filed_on=dt.date(2026, 2, 1))
    )
    report = build_report([record], year=2025)
    assert report.total.total == 1
    assert report.gck is not None
    assert report.gck.source == "register"
    assert report.data_quality.gck_outside_year == (2,)


def test_the_year_is_the_amsterdam_day_of_receipt_and_filing() -> None:
    # 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam: a complaint of the next year.
    late = dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC)
    records = [rec(2, received=late)]  # type: ignore[arg-type]
    assert build_report(records, year=2025).data_quality.outside_year == (2,)
    assert build_report(records, year=2026).total.total == 1
    # The same for a dispute: filed on the Amsterdam day 1 January 2026.
    filing = GckFiling(subject="Kosten", filed_on=late)
    report = build_report([rec(3)], year=2025, gck_cases=[filing])
    assert report.gck is not None
    assert report.gck.total == 0
    assert len(report.data_quality.gck_outside_year) == 1


#: Built once: Hypothesis strategies are costly to construct, cheap to draw from.
_COMPLAINTS = testing.complaints(min_date=dt.date(2015, 1, 1), max_date=dt.date(2026, 12, 31))
_RECORDS = st.lists(testing.records(complaints=_COMPLAINTS, max_date=dt.date(2027, 6, 30)), max_size=8).map(
    lambda drawn: [attrs.evolve(r, row=i + 2) for i, r in enumerate(drawn)]
)


@given(_RECORDS, testing.policies(), st.sampled_from([2015, 2016, 2025]), st.booleans())
def test_every_count_agrees_with_assess_record(
    records: list[RegisterRecord], policy: Policy, year: int, undated: bool
) -> None:
    # Issue 8, done means: every count in the report agrees with the decisions of assess_record.
    in_year = [
        r
        for r in records
        if (r.complaint.received_date is None and undated)
        or (r.complaint.received_date is not None and r.complaint.received_date.year == year)
    ]

    def refused(r: RegisterRecord) -> bool:
        """What the report asks of a record (report.compute: assess_record on its receipt day, a filing
        dated later left out) refused under a strict calendar (A2)."""
        day = r.complaint.received_date or dt.date(year, 12, 31)
        filing = r.filing if r.filing is not None and not (r.filing.filed_date or day) > day else None
        return refused_as_provisional(policy, r.complaint, as_of=day, filing=filing)

    if any(refused(r) for r in in_year):
        with pytest.raises(ProvisionalCalendarError):  # strict_calendar (A2): no provisional count
            build_report(records, year=year, undated_in_year=undated, policy=policy)
        policy = attrs.evolve(policy, strict_calendar=False)  # the rest, as the policy decides without it
    report = build_report(records, year=year, undated_in_year=undated, policy=policy)
    reasons = {
        r.row: not_a_complaint(
            assess_record(
                r, as_of=r.complaint.received_date or dt.date(year, 12, 31), policy=policy
            ).eligibility
        )
        for r in in_year
    }
    counted = [r for r in in_year if reasons[r.row] is None]
    dq = report.data_quality
    assert dq.not_complaints == tuple((row, why) for row, why in reasons.items() if why is not None)
    assert report.total.total == dq.included == len(counted)
    # "Undated, counted" lists only undated records that are counted: one the decision rules out is
    # listed under its reason alone (before, under both, and the notes called it counted).
    assert dq.undated_included == tuple(r.row for r in counted if r.complaint.received_date is None)
    assert not set(dq.undated_included) & {row for row, _why in dq.not_complaints}
    assert dq.channel_unknown == sum(1 for r in counted if r.complaint.channel is None)
    assert report.due.written_complaints == len(counted)
    if year < 2016:  # R1: no report duty over a year before the 2016 regime, counted or not
        assert report.due.outcome == "OUT_OF_TEMPORAL_SCOPE"
    else:
        assert (report.due.outcome == "NOT_REQUIRED") == (not counted)
    assert dq.accounted
