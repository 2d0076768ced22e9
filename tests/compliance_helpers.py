"""Builders for the compliance tests: a register record with ordinary facts, changed where a test says."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from klachtregels.compliance import check_complaint
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, RegisterRecord, Signal
from klachtregels.policy import Policy, load_policy

if TYPE_CHECKING:
    from klachtregels.compliance.checks import ComplaintChecks

D = dt.date.fromisoformat
AS_OF = D("2026-05-07")


def record(
    *,
    judgement: Judgement | str | None = "default",
    filing: GckFiling | None = None,
    row: int = 2,
    **complaint: Any,
) -> RegisterRecord:
    """A statutory complaint (a parent e-mails about conduct), judged in time, unless told otherwise."""
    facts: dict[str, Any] = {
        "id": "T-1",
        "received_on": D("2025-09-01"),
        "channel": "email",
        "complainant": Party(role="parent", contract_party=True),
        "subjects": ("conduct",),
        "about": "staff",
        "signals": (),
    }
    facts.update(complaint)
    if judgement == "default":
        judgement = Judgement(
            sent_on=D("2025-10-01"), written=True, reasoned=True, verdict="ongegrond", measures=()
        )
    assert not isinstance(judgement, str)
    return RegisterRecord(complaint=Complaint(**facts), judgement=judgement, filing=filing, row=row)


def judged(sent: str | None = "2025-10-01", **kw: Any) -> Judgement:
    """A judgement sent on ``sent`` (written, reasoned, ongegrond, no measures) unless told otherwise."""
    facts: dict[str, Any] = {
        "sent_on": D(sent) if sent else None,
        "written": True,
        "reasoned": True,
        "verdict": "ongegrond",
        "measures": (),
    }
    facts.update(kw)
    return Judgement(**facts)


def measure(**kw: Any) -> Measure:
    return Measure(**kw)


def signal(kind: str, **kw: Any) -> Signal:
    return Signal(kind=kind, **{k: D(v) if isinstance(v, str) else v for k, v in kw.items()})


def run(
    rec: RegisterRecord, *, policy: Policy | str | None = None, as_of: dt.date = AS_OF, **kw: Any
) -> ComplaintChecks:
    return check_complaint(rec, as_of=as_of, policy=load_policy(policy), **kw)


def ids(result: ComplaintChecks) -> set[str]:
    return {f.id for f in result.findings}


def passed(result: ComplaintChecks) -> set[str]:
    return {p.check for p in result.passed}
