"""After the meldcode (R29, A10, issue 10 point 6): a house that makes the parent file again defers the
clock just as closing does. Decisions keep the original complaint's clock; lint warns."""

from __future__ import annotations

import datetime as dt

import pytest

from klachtregels.decisions import eligibility, precedence
from klachtregels.model import Complaint
from klachtregels.policy import AfterMeldcode, Policy, load_policy
from klachtregels.policy_lint import lint_policy

AS_OF = dt.date(2026, 3, 3)


def _complaint(signals: list[dict[str, str]]) -> Complaint:
    return Complaint.from_dict(
        {
            "received_on": "2026-03-02",
            "complainant": {"role": "parent"},
            "channel": "letter",
            "subjects": ["conduct"],
            "signals": signals,
        }
    )


@pytest.mark.parametrize("name", ["les-petits", "thuishuis"])
def test_refile_after_the_meldcode_conflicts_with_the_statute(name: str) -> None:
    """Seeds 000 and 003: 'alsnog een interne klacht indienen'. Wko 1.57b lid 2 d-e has no suspension."""
    policy = load_policy(name)
    assert policy.after_meldcode is AfterMeldcode.REFILE
    d = precedence(_complaint([{"kind": "suspected_offence_by_staff"}]), as_of=AS_OF, policy=policy)
    assert d.has_flag("CLOSE_CONFLICTS_WITH_STATUTE")
    assert d.has_flag("REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT")
    assert d.details["remaining_complaint"] == {
        "policy": "refile",
        "handling": "needs_human_judgement",
        "conflicts_with_statute": True,
    }
    assert d.details["six_week_clock"]["suspended_by_statute"] is False
    flag = next(f for f in d.flags if f.code == "CLOSE_CONFLICTS_WITH_STATUTE")
    assert "oorspronkelijke klacht" in flag.text.render("nl")
    assert "MELDCODE_REFILE_DEFERS_CLOCK" in lint_policy(policy).codes()


def test_refile_changes_no_outcome_and_no_clock() -> None:
    """Narrower on paper only: eligibility and the handling deadline equal the statutory ones."""
    complaint = _complaint([{"kind": "suspected_offence_by_staff"}])
    refile = Policy(name="refile", after_meldcode=AfterMeldcode.REFILE)
    resume = Policy(name="resume")
    assert eligibility(complaint, as_of=AS_OF, policy=refile).outcome == (
        eligibility(complaint, as_of=AS_OF, policy=resume).outcome
    )
    assert refile.handling_deadline(dt.date(2026, 3, 2)) == resume.handling_deadline(dt.date(2026, 3, 2))
    quiet = precedence(_complaint([]), as_of=AS_OF, policy=refile)
    assert not quiet.has_flag("CLOSE_CONFLICTS_WITH_STATUTE")
