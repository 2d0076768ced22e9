"""Geschillencommissie access for a parent's written complaint, against a small oracle read from
regulation.md: R20 (provider first; direct access without a timely judgement), R21 with R18 (twelve
months, clamped to the month's end, never extended) and A1 (a filing between the calendar date and the
ATW date of the six-week term is ``undetermined`` with ``ATW_GAP``). The six-week dates themselves are
checked against their own oracle in tests/test_terms.py; here they are read from the deadline."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from klachtregels import Complaint, Judgement, geschillencommissie_access, handling_deadline

D = dt.date
DAY = dt.timedelta(days=1)


def twelve_months_after(d: dt.date) -> dt.date:
    """R18: the same day number twelve months later, or the last day of that month."""
    return D(d.year + 1, d.month, min(d.day, calendar.monthrange(d.year + 1, d.month)[1]))


def expected(received: dt.date, filed: dt.date, sent: dt.date | None) -> str:
    six_weeks = handling_deadline(received)
    if filed > twelve_months_after(received):
        return "late_if_invoked"  # R21, A13: only on the provider's request
    if sent is not None and sent <= filed:
        if sent <= six_weeks.calendar_date:
            return "admissible"  # R20: the internal procedure ran, in time on any reading
        if sent > six_weeks.atw_date:
            return "direct_access"  # R20 (i): no timely judgement
        return "either"  # judged inside the A1 gap: not decided here
    if filed <= six_weeks.calendar_date:
        return "premature"  # R20: the provider still has time
    if filed <= six_weeks.atw_date:
        return "undetermined"  # A1
    return "direct_access"  # R20 (i)


@settings(max_examples=300)
@given(
    st.dates(D(2016, 1, 1), D(2040, 6, 30)),
    st.integers(0, 400),
    st.none() | st.integers(0, 120),
    st.integers(0, 20),
)
def test_parent_access_follows_r20_r21_and_a1(
    received: dt.date, after: int, judged: int | None, extra: int
) -> None:
    assume(not handling_deadline(received).provisional)  # A2: unverified decree years are their own question
    filed = received + after * DAY
    sent = None if judged is None else received + judged * DAY
    complaint = Complaint.from_dict(
        {
            "received_on": received.isoformat(),
            "channel": "email",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
            "about": "staff",
            "judge_is_subject": False,
        }
    )
    judgement = None if sent is None else Judgement(sent_on=sent, written=True, reasoned=True)
    as_of = max(filed, sent or filed) + extra * DAY
    decision = geschillencommissie_access(complaint, filed_on=filed, as_of=as_of, judgement=judgement)
    want = expected(received, filed, sent)
    if want == "either":
        assert decision.outcome in {"admissible", "direct_access", "undetermined"}
    else:
        assert decision.outcome == want
    if want == "undetermined":
        assert decision.has_flag("ATW_GAP")


def test_the_gap_example_of_a1() -> None:
    """D04's term: raw end Tue 5 May 2026 (Liberation Day), ATW date Wed 6 May 2026 (R15, A1)."""
    complaint = Complaint.from_dict(
        {"received_on": "2026-03-24", "channel": "letter", "complainant": {"role": "parent"},
         "subjects": ["agreement"], "about": "organisation", "judge_is_subject": False}
    )  # fmt: skip
    on = {
        d: geschillencommissie_access(complaint, filed_on=d, as_of=d).outcome
        for d in (D(2026, 5, 5), D(2026, 5, 6), D(2026, 5, 7))
    }
    assert on == {D(2026, 5, 5): "premature", D(2026, 5, 6): "undetermined", D(2026, 5, 7): "direct_access"}
