"""A policy that lints clean never produces an outcome laxer than the statutory baseline.

'Laxer' per decision: eligibility never dismisses (not_eligible, not_yet, out of scope) a complaint the
statute does not dismiss; precedence is never changed (the meldcode and meldplicht are statute, R28-R29);
the handling deadline is never later, so a complaint the statute finds late or overdue is never in time;
and direct access to the Geschillencommissie is never taken away (R20).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.decisions import assess
from klachtregels.errors import ProvisionalCalendarError
from klachtregels.model import Channel
from klachtregels.policy import Policy, load_policy
from klachtregels.testing import complaints, judgements
from strategies_policy import clean_policies

if TYPE_CHECKING:
    from klachtregels.model import Complaint, Judgement

STATUTORY = load_policy()
DISMISSIVE = frozenset({"not_eligible", "not_yet", "out_of_temporal_scope"})
LATE = frozenset({"judged_late", "open_overdue"})


@st.composite
def cases(draw: st.DrawFn) -> tuple[Complaint, Judgement | None, dt.date]:
    complaint = draw(complaints())
    received = complaint.received_date or dt.date(2026, 1, 1)
    judgement = draw(st.none() | judgements(after=received))
    as_of = received + dt.timedelta(days=draw(st.integers(0, 120)))
    if judgement is not None and judgement.sent_on is not None:
        as_of = max(
            as_of, judgement.sent_on if type(judgement.sent_on) is dt.date else judgement.sent_on.date()
        )
    return complaint, judgement, as_of


@settings(max_examples=300)
@given(cases(), clean_policies())
def test_a_clean_policy_is_never_laxer_than_the_statute(
    case: tuple[Complaint, Judgement | None, dt.date], policy: Policy
) -> None:
    complaint, judgement, as_of = case
    law = assess(complaint, as_of=as_of, judgement=judgement)
    try:
        house = assess(complaint, as_of=as_of, policy=policy, judgement=judgement)
    except ProvisionalCalendarError:
        # Strict mode (A2) refuses a deadline on unverified decree data: stricter, never laxer.
        assert policy.strict_calendar
        assert complaint.received_on is not None
        assert policy.handling_deadline(complaint.received_on, strict=False).provisional
        return

    if law.eligibility.outcome not in DISMISSIVE:
        outcome = house.eligibility.outcome
        if outcome == "not_yet":
            # 'Not in writing yet' is a fact, not a policy choice (R5): the policy may only say it where the
            # complaint is oral, e.g. where the statute's answer was undetermined for another reason (A8).
            assert complaint.channel is Channel.ORAL, (law.eligibility.outcome, complaint.channel)
        else:
            assert outcome not in DISMISSIVE, (law.eligibility.outcome, outcome)

    assert house.precedence.outcome == law.precedence.outcome
    assert house.precedence.has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE") == law.precedence.has_flag(
        "CLOCK_NOT_SUSPENDED_BY_STATUTE"
    )

    if complaint.received_on is not None:
        assert (
            policy.handling_deadline(complaint.received_on, strict=False).date
            <= STATUTORY.handling_deadline(complaint.received_on, strict=False).date
        )
    if law.handling.outcome in LATE and house.eligibility.outcome == law.eligibility.outcome:
        assert house.handling.outcome in LATE | {"undetermined"}, house.handling.outcome

    if law.gck_access is not None and law.gck_access.outcome == "direct_access":
        assert house.gck_access is not None
        assert house.gck_access.outcome in {"direct_access", "undetermined", "needs_human_judgement"}
