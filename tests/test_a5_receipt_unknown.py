"""A5: under a policy that counts the judgement's receipt, a receipt day that is not known.

A judgement is never received before it is sent (the model refuses that). So a judgement sent after
the last day came late whatever its receipt day, and one sent after ``as_of`` was not received by
then: the handling status, the house handling term and direct access (R20 i) say so instead of
``undetermined``. A judgement sent by the last day may still have arrived after it: that stays
``undetermined``, asking for ``judgement.received_on``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.compliance import check_complaint
from klachtregels.decisions import assess_record
from klachtregels.model import Complaint, GckFiling, Judgement, Party, RegisterRecord
from klachtregels.policy import AtwMode, HandledWhen, Policy
from klachtregels.vocabulary import Outcome

RECEIVED = dt.date(2026, 3, 2)  # a Monday: the six weeks end on Monday 13 April 2026
LAST = dt.date(2026, 4, 13)
AS_OF = dt.date(2026, 5, 1)
POLICY = Policy(name="receipt-counts", handled_when=HandledWhen.RECEIVED)

LATE_LIKE = {Outcome.JUDGED_LATE, Outcome.OPEN_OVERDUE}


def _complaint(*, extension: bool | None = None) -> Complaint:
    return Complaint(
        received_on=RECEIVED,
        channel="letter",
        complainant=Party(role="parent"),
        subjects=["conduct"],
        signals=(),
        extension_agreed=extension,
    )


def _record(
    sent: dt.date, received: dt.date | None = None, *, filed: dt.date | None = None, **kw: object
) -> RegisterRecord:
    filing = None if filed is None else GckFiling(filed_on=filed, filed_by="parent")
    return RegisterRecord(
        complaint=_complaint(**kw),  # type: ignore[arg-type]
        judgement=Judgement(sent_on=sent, received_on=received),
        filing=filing,
    )


def _handling(
    record: RegisterRecord, as_of: dt.date = AS_OF, policy: Policy = POLICY
) -> tuple[Outcome, tuple[str, ...]]:
    d = assess_record(record, as_of=as_of, policy=policy).handling
    return d.outcome, d.unknown_facts


def test_sent_after_the_last_day_is_late_whatever_the_receipt() -> None:
    a = assess_record(_record(dt.date(2026, 4, 20)), as_of=AS_OF, policy=POLICY)
    assert a.handling.outcome is Outcome.JUDGED_LATE
    assert a.handling.unknown_facts == ()
    assert a.handling.details["handled_on"] is None
    assert a.handling.details["handled_not_before"] == "2026-04-20"
    (reason,) = (r for r in a.handling.reasons if r.rule_id == "R12")
    assert "not before the sending" in reason.message("en")
    assert "valt niet vóór de verzending" in reason.message("nl")
    assert "14 April 2026" in reason.message("en")  # direct access from the day after the last day


def test_sent_by_the_last_day_stays_open_on_the_receipt() -> None:
    for sent in (dt.date(2026, 4, 10), LAST):
        assert _handling(_record(sent)) == (Outcome.UNDETERMINED, ("judgement.received_on",))


def test_sent_after_as_of_was_not_received_by_then() -> None:
    assert _handling(_record(dt.date(2026, 5, 10))) == (Outcome.OPEN_OVERDUE, ())
    assert _handling(_record(dt.date(2026, 4, 10)), as_of=dt.date(2026, 4, 8)) == (Outcome.OPEN_DUE_SOON, ())


def test_the_sending_day_counts_as_itself_under_the_default_policy() -> None:
    assert _handling(_record(dt.date(2026, 4, 20)), policy=Policy(name="sent")) == (Outcome.JUDGED_LATE, ())
    assert _handling(_record(dt.date(2026, 4, 10)), policy=Policy(name="sent")) == (
        Outcome.JUDGED_IN_TIME,
        (),
    )


def test_a_sending_day_in_the_atw_gap_decides_nothing_while_a1_is_open() -> None:
    # Received Friday 1 May 2026: six weeks end on Friday 12 June; no gap there. Take a term ending on
    # a Saturday: received Saturday 28 March, six weeks to Saturday 9 May, the ATW to Monday 11 May.
    policy = Policy(
        name="open-a1", handled_when=HandledWhen.RECEIVED, atw_mode=AtwMode.FOLLOW_REGULATION_TEXT
    )
    complaint = _complaint()
    for sent, expected in (
        (dt.date(2026, 5, 10), Outcome.UNDETERMINED),
        (dt.date(2026, 5, 12), Outcome.JUDGED_LATE),
    ):
        record = RegisterRecord(
            complaint=Complaint.from_dict({**complaint.to_dict(), "received_on": "2026-03-28"}),
            judgement=Judgement(sent_on=sent),
        )
        assert _handling(record, as_of=dt.date(2026, 6, 1), policy=policy)[0] is expected


def test_the_house_handling_term_follows_the_same_bound() -> None:
    policy = Policy(name="house", handled_when=HandledWhen.RECEIVED, handling_term="4 weeks")
    states = assess_record(_record(dt.date(2026, 4, 20)), as_of=AS_OF, policy=policy).house_term_states
    assert states["house_handling"][1] is Outcome.NOT_MET
    states = assess_record(_record(dt.date(2026, 3, 27)), as_of=AS_OF, policy=policy).house_term_states
    assert states["house_handling"][1] is Outcome.UNDETERMINED  # sent by the house day: receipt decides


@pytest.mark.parametrize(
    ("sent", "filed", "extension", "expected"),
    [
        (dt.date(2026, 4, 20), dt.date(2026, 5, 1), None, Outcome.DIRECT_ACCESS),  # late, before filing
        (dt.date(2026, 4, 20), dt.date(2026, 5, 1), True, Outcome.UNDETERMINED),  # A6 tells the two apart
        (dt.date(2026, 4, 10), dt.date(2026, 5, 1), None, Outcome.UNDETERMINED),  # receipt decides
        (dt.date(2026, 5, 10), dt.date(2026, 5, 1), None, Outcome.DIRECT_ACCESS),  # not received by filing
        (dt.date(2026, 3, 20), dt.date(2026, 3, 10), None, Outcome.PREMATURE),  # filed before any receipt
    ],
)
def test_direct_access_when_the_receipt_day_is_unknown(
    sent: dt.date, filed: dt.date, extension: bool | None, expected: Outcome
) -> None:
    record = _record(sent, filed=filed, extension=extension)
    assert assess_record(record, as_of=dt.date(2026, 6, 1), policy=POLICY).gck_access.outcome is expected  # type: ignore[union-attr]


def test_check_reports_the_late_judgement_by_its_sending_day() -> None:
    result = check_complaint(_record(dt.date(2026, 4, 20)), as_of=AS_OF, policy=POLICY)
    (late,) = (f for f in result.findings if f.id == "KR-HANDLING-LATE")
    assert late.message("nl") == (
        "Oordeel verzonden op 2026-04-20, 7 dag(en) na de termijn van 2026-04-13 (ontvangen 2026-03-02). "
        "De ouder kon vanaf 2026-04-14 direct naar de Geschillencommissie."
    )


@given(
    sent=st.dates(dt.date(2026, 3, 2), dt.date(2026, 6, 30)),
    delay=st.integers(0, 60),
    as_of=st.dates(dt.date(2026, 3, 2), dt.date(2026, 7, 31)),
)
def test_an_answer_without_the_receipt_day_holds_for_every_receipt_day(
    sent: dt.date, delay: int, as_of: dt.date
) -> None:
    """Whatever the bound decides is what the receipt day, once known, would have given (late stays
    late: judged late if it arrived by ``as_of``, overdue if not; an open status stays the same)."""
    unknown, facts = _handling(_record(sent), as_of=as_of)
    received = sent + dt.timedelta(days=delay)
    known, _ = _handling(_record(sent, received), as_of=as_of)
    if unknown is Outcome.UNDETERMINED:
        assert facts == ("judgement.received_on",)
    elif unknown is Outcome.JUDGED_LATE:
        assert known in LATE_LIKE
    else:
        assert known is unknown


def test_the_house_handling_term_late_by_its_sending_day_in_check_and_obligations() -> None:
    """Handled late against the house term only (the statutory six weeks may still be met): check
    names the sending day; obligations shows it late; no crash for the missing receipt day."""
    from klachtregels.timeline import ObligationStatus, obligations

    policy = Policy(name="house", handled_when=HandledWhen.RECEIVED, handling_term="5 weeks")
    record = _record(dt.date(2026, 4, 10))  # after the house day (6 April), by the last day (13 April)
    result = check_complaint(record, as_of=AS_OF, policy=policy)
    (late,) = (f for f in result.findings if f.id == "KR-HOUSE-HANDLING-LATE")
    assert late.message("en").startswith("Judgement on 2026-04-10, after the house handling term of 5 weeks")
    assert any(f.id == "KR-HANDLING-UNDETERMINED" for f in result.findings)
    timeline = obligations(record.complaint, as_of=AS_OF, policy=policy, judgement=record.judgement)
    (house,) = (item for item in timeline.items if item.key == "house_handling")
    assert house.status is ObligationStatus.DONE_LATE


def test_without_the_atw_the_calendar_day_is_the_last_day() -> None:
    """atw_mode = never: the ATW date is not a reading of the policy, so a judgement sent after the
    calendar last day is late whatever its receipt (received Saturday 14 March 2026: last day
    Saturday 25 April; the ATW would give Tuesday 28 April)."""
    policy = Policy(name="never", handled_when=HandledWhen.RECEIVED, atw_mode=AtwMode.NEVER)
    complaint = Complaint.from_dict({**_complaint().to_dict(), "received_on": "2026-03-14"})
    record = RegisterRecord(
        complaint=complaint,
        judgement=Judgement(sent_on=dt.date(2026, 4, 27)),
        filing=GckFiling(filed_on=dt.date(2026, 4, 28), filed_by="parent"),
    )
    a = assess_record(record, as_of=AS_OF, policy=policy)
    assert a.handling.outcome is Outcome.JUDGED_LATE
    assert a.gck_access is not None
    assert a.gck_access.outcome is Outcome.DIRECT_ACCESS


def test_obligations_leave_direct_access_open_when_the_handling_status_is() -> None:
    """The timeline's direct-access item follows the handling decision: undetermined there, not
    'open' (the access decision says undetermined too)."""
    from klachtregels.timeline import ObligationStatus, obligations

    record = _record(dt.date(2026, 4, 10))  # sent by the last day, receipt unknown: undetermined
    a = assess_record(record, as_of=AS_OF, policy=POLICY)
    assert a.handling.outcome is Outcome.UNDETERMINED
    timeline = obligations(record.complaint, as_of=AS_OF, policy=POLICY, judgement=record.judgement)
    (direct,) = (item for item in timeline.items if item.key == "gck_direct_access")
    assert direct.status is ObligationStatus.UNDETERMINED
    assert direct.missing == ("judgement.received_on",)
    late = _record(dt.date(2026, 4, 20))
    timeline = obligations(late.complaint, as_of=AS_OF, policy=POLICY, judgement=late.judgement)
    (direct,) = (item for item in timeline.items if item.key == "gck_direct_access")
    assert direct.status is ObligationStatus.OPEN


def test_an_open_answer_names_the_day_that_counts() -> None:
    """Undetermined for want of the judgement's day: the reason says which day counts (A5)."""
    open_receipt = assess_record(_record(dt.date(2026, 4, 10)), as_of=AS_OF, policy=POLICY)
    open_sending = assess_record(
        RegisterRecord(complaint=_complaint(), judgement=Judgement(written=True)), as_of=AS_OF
    )
    for a, nl, en in (
        (open_receipt, "de dag van ontvangst is onbekend", "the day of its receipt is not known"),
        (open_sending, "de dag van verzending is onbekend", "the day of its sending is not known"),
    ):
        (reason,) = (r for r in a.handling.reasons if r.rule_id == "R12")
        assert nl in reason.message("nl")
        assert en in reason.message("en")
    gck = assess_record(_record(dt.date(2026, 4, 10), filed=dt.date(2026, 5, 1)), as_of=AS_OF, policy=POLICY)
    assert gck.gck_access is not None
    assert any("the day of its receipt" in r.message("en") for r in gck.gck_access.reasons)
