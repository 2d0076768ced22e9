"""Fuzz: any day through the API (issue 9: ``OverflowError`` for days past the calendar).

``as_of`` (and ``filed_on``) outside 1900-01-01 .. 2999-12-31 is an
:class:`~klachtregels.errors.InvalidInputError` naming the argument, never the value; inside it,
any receipt day (0001 .. 9999) gives an answer or a typed error, never an ``OverflowError``.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import fuzz_helpers as fz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels import Complaint, assess, check_records, check_register, geschillencommissie_access
from klachtregels._time import FIRST_DAY, LAST_DAY, local_day
from klachtregels.errors import InvalidInputError, KlachtregelsError
from klachtregels.model import GckFiling, Judgement, RegisterRecord

EXAMPLE = fz.ROOT / "examples" / "register.csv"


def _record(received: dt.date, sent: dt.date | None, filed: dt.date | None) -> RegisterRecord:
    complaint = Complaint.from_dict(
        {
            "id": "K1",
            "received_on": received.isoformat(),
            "channel": "email",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
        }
    )
    judgement = Judgement(sent_on=sent, written=True, reasoned=True) if sent is not None else None
    filing = GckFiling(filed_on=filed, filed_by="parent") if filed is not None else None
    return RegisterRecord(complaint=complaint, judgement=judgement, filing=filing, row=2)


@pytest.mark.parametrize("as_of", [dt.date(9999, 12, 31), dt.date(3000, 1, 1), dt.date(1, 1, 1)])
def test_as_of_past_the_calendar_is_a_typed_error_naming_the_argument(as_of: dt.date) -> None:
    """Each public entry point that takes ``as_of``, when a complaint is to be checked on it."""
    record = _record(dt.date(1, 1, 1) if as_of.year == 1 else dt.date(2025, 3, 3), None, None)
    calls = [
        lambda: check_records([record], as_of=as_of),
        lambda: assess(record.complaint, as_of=as_of),
        lambda: geschillencommissie_access(record.complaint, as_of=as_of, filed_on=None),
    ]
    if as_of.year > LAST_DAY.year:
        calls.append(lambda: check_register(EXAMPLE, as_of=as_of))
    for call in calls:
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.problems[0][0] == "as_of"
        assert as_of.isoformat() not in str(caught.value)


def test_a_receipt_late_in_9999_with_the_last_as_of_is_an_answer() -> None:
    """The case that overflowed: received 9999-12-01, asked on 9999-12-31 (now refused) or 2999-12-31."""
    record = _record(dt.date(9999, 12, 1), None, None)
    with pytest.raises(InvalidInputError, match="as_of"):
        assess(record.complaint, as_of=dt.date(9999, 12, 31))
    result = check_records([record], as_of=LAST_DAY)
    assert "KR-SCOPE-AFTER-AS-OF" in {f.id for f in result.findings}


_ANY_DAY = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
_PLAUSIBLE = st.dates(FIRST_DAY, LAST_DAY)


@fz.fuzz(10.0)
@given(
    received=_ANY_DAY,
    sent=st.none() | _ANY_DAY,
    filed=st.none() | _ANY_DAY,
    as_of=st.one_of(_ANY_DAY, _PLAUSIBLE, st.datetimes(timezones=st.just(dt.UTC))),
)
def test_any_days_give_an_answer_or_a_typed_error(
    received: dt.date, sent: dt.date | None, filed: dt.date | None, as_of: dt.date
) -> None:
    """``check_records``, ``assess`` and Geschillencommissie access over any days: never an OverflowError."""
    fz.count("days: check_records, assess, geschillencommissie_access (API)")
    if sent is not None and sent < received:  # a judgement before the complaint contradicts itself
        with pytest.raises(InvalidInputError) as refused:
            _record(received, sent, filed)
        assert [path for path, _ in refused.value.problems] == ["judgement.sent_on"]
        sent = None
    record = _record(received, sent, filed)
    day = local_day(as_of)
    if not FIRST_DAY <= day <= LAST_DAY:
        with pytest.raises(InvalidInputError) as caught:
            assess(record.complaint, as_of=as_of)
        assert caught.value.problems[0][0] == "as_of"
        return
    result = check_records([record], as_of=as_of)
    assert result.summary.rows_read == result.summary.rows_checked + result.summary.rows_rejected == 1
    for call in (
        lambda: assess(record.complaint, as_of=as_of, judgement=record.judgement, filing=record.filing),
        lambda: geschillencommissie_access(record.complaint, as_of=as_of, filed_on=filed),
    ):
        with contextlib.suppress(KlachtregelsError):  # as_of before the receipt, a filing after as_of
            call()
