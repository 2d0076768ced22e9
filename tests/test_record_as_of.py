"""A record as it stood on the day asked (decisions.record_as_of): what is dated later had not happened.

Before, a signal the provider learned of after ``--as-of`` gave a meldplicht warning ("no consultation
recorded") for a day on which nobody knew of it, and a consultation dated after ``--as-of`` counted
as done on it. A filing dated after ``--as-of`` was already left out (and named as such).
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

import klachtregels.testing as kt
from argument_helpers import COMPLAINT
from klachtregels import RegisterRecord, check_records
from klachtregels.decisions import assess, assess_record, record_as_of
from klachtregels.model import Complaint, GckFiling, Signal

D = dt.date.fromisoformat
AS_OF = D("2026-05-07")


def _record(*signals: Signal, filing: GckFiling | None = None) -> RegisterRecord:
    """The argument tests' complaint (received 2026-03-02) with ``signals``, and ``filing``."""
    data = {**COMPLAINT.to_dict(), "about": "staff", "signals": [s.to_dict() for s in signals]}
    return RegisterRecord(complaint=Complaint.from_dict(data), filing=filing, row=2)


STAFF = "suspected_offence_by_staff"


def _ids(record: RegisterRecord, as_of: dt.date) -> set[str]:
    return {f.id for f in check_records([record], as_of=as_of).findings}


def test_a_signal_learned_of_after_the_day_asked_takes_no_part() -> None:
    record = _record(Signal(kind=STAFF, known_on=D("2026-05-20")))
    assert "KR-MELDPLICHT-NOT-CONSULTED" not in _ids(record, AS_OF)
    assert assess_record(record, as_of=AS_OF).precedence.outcome == "none"
    # Once it is known, the duty stands.
    assert "KR-MELDPLICHT-NOT-CONSULTED" in _ids(record, D("2026-05-21"))
    assert assess_record(record, as_of=D("2026-05-21")).precedence.outcome == "meldplicht"


def test_a_consultation_after_the_day_asked_had_not_happened_on_it() -> None:
    record = _record(Signal(kind=STAFF, known_on=D("2026-04-01"), consulted_on=D("2026-05-20")))
    assert "KR-MELDPLICHT-NOT-CONSULTED" in _ids(record, AS_OF)
    later = _ids(record, D("2026-05-21"))
    assert "KR-MELDPLICHT-NOT-CONSULTED" not in later
    assert "KR-MELDPLICHT-CONSULT-LATE" in later


def test_nothing_dated_later_gives_the_record_itself() -> None:
    record = _record(Signal(kind=STAFF, known_on=D("2026-04-01"), consulted_on=D("2026-04-01")))
    assert record_as_of(record, AS_OF) is record


def test_a_filing_after_the_day_asked_is_left_out_and_still_named() -> None:
    record = _record(filing=GckFiling(filed_on=D("2026-06-01"), filed_by="parent"))
    assert record_as_of(record, AS_OF).filing is None
    assert (
        assess_record(record, as_of=AS_OF).gck_access
        == assess_record(RegisterRecord(complaint=record.complaint, row=2), as_of=AS_OF).gck_access
    )
    findings = check_records([record], as_of=AS_OF).findings
    assert any(f.id == "KR-GCK-UNDETERMINED" for f in findings)


@given(kt.records(), st.dates(D("2016-01-01"), D("2027-12-31")))
def test_nothing_of_the_record_as_of_a_day_lies_after_it(record: RegisterRecord, day: dt.date) -> None:
    seen = record_as_of(record, day)
    filing = seen.filing
    assert filing is None or filing.filed_date is None or filing.filed_date <= day
    for signal in seen.complaint.signals or ():
        for value in (signal.known_date, signal.consulted_date, signal.meldcode_started_date):
            assert value is None or value <= day
    # Only what lies after the day goes: the rest of the record is the same.
    assert seen.complaint.id == record.complaint.id
    judgement = record.judgement
    if judgement is not None:
        # A judgement sent later stays for its sending day (R12, R17); it is not given yet (R6 e, f).
        assert seen.judgement is not None
        assert seen.judgement.given_on(day) is (judgement.sent_date is None or judgement.sent_date <= day)
        assert attrs.evolve(seen.judgement, measures=None) == attrs.evolve(judgement, measures=None)
        for now, then in zip(seen.judgement.measures or (), judgement.measures or (), strict=True):
            assert now.done_on == (
                None if then.done_date is not None and then.done_date > day else then.done_on
            )
    else:
        assert seen.judgement is None
    kept = [s.kind for s in seen.complaint.signals or ()]
    expected = [s.kind for s in record.complaint.signals or () if s.known_date is None or s.known_date <= day]
    assert kept == expected
    assert record_as_of(seen, day) is seen


def test_the_timeline_reads_the_same_record() -> None:
    from klachtregels import obligations

    record = _record(Signal(kind=STAFF, known_on=D("2026-05-20")))
    items = obligations(record.complaint, as_of=AS_OF).items
    assert "meldplicht" not in [item.key for item in items]
    later = obligations(record.complaint, as_of=D("2026-05-21")).items
    assert "meldplicht" in [item.key for item in later]


def test_assess_reads_its_arguments_as_of_its_day_as_assess_record_does() -> None:
    """A judgement sent after ``as_of`` had not been given on it: ``assess`` flagged its form (not
    written) for a complaint it called open and on track, where ``assess_record`` (and ``check``) read
    it as not sent; a signal learned of later started a meldplicht on a day nobody knew of it."""
    from klachtregels.model import Judgement

    record = _record(Signal(kind=STAFF, known_on=D("2026-05-20")))
    judgement = Judgement(sent_on=D("2026-05-10"), written=False)
    direct = assess(record.complaint, judgement=judgement, as_of=AS_OF)
    assert direct.handling.outcome == "open_overdue"  # received 2026-03-02: six weeks passed
    assert "JUDGEMENT_NOT_WRITTEN" not in {f.code for f in direct.handling.flags}
    assert direct.precedence.outcome == "none"
    # On the day the judgement is sent, its form counts.
    sent = assess(record.complaint, judgement=judgement, as_of=D("2026-05-10"))
    assert "JUDGEMENT_NOT_WRITTEN" in {f.code for f in sent.handling.flags}


@given(kt.records(), st.dates(D("2016-01-01"), D("2027-12-31")))
def test_assess_and_assess_record_give_one_answer_on_any_day(record: RegisterRecord, day: dt.date) -> None:
    received = record.complaint.received_date
    if received is not None and day < received:
        return  # refused by both (as_of before receipt)
    seen = record_as_of(record, day)
    direct = assess(record.complaint, judgement=record.judgement, filing=seen.filing, as_of=day)
    assert direct.to_dict() == assess_record(record, as_of=day).to_dict()


def test_a_judgement_sent_after_the_day_keeps_its_sending_day_for_the_house_term() -> None:
    """R17 (A17): a house term of one week ended before the day asked, and the judgement was sent
    after it: on that day it is known the term was not met. Dropping the later judgement (as a
    first form of this reading did) made the house term 'undetermined' (missing is not late)."""
    from klachtregels.model import Judgement
    from klachtregels.policy import Policy

    complaint = _record().complaint  # received 2026-03-02
    judgement = Judgement(sent_on=D("2026-03-20"), written=False)
    day = D("2026-03-12")
    house = Policy(handling_term="1 week")
    for got in (
        assess(complaint, judgement=judgement, as_of=day, policy=house),
        assess_record(RegisterRecord(complaint=complaint, judgement=judgement), as_of=day, policy=house),
    ):
        assert got.house_term_states["house_handling"][1] == "not_met"
        assert got.handling.outcome == "open_on_track"  # the statutory six weeks still run
        assert "JUDGEMENT_NOT_WRITTEN" not in {f.code for f in got.handling.flags}  # not given yet
