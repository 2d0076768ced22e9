"""The rules read days the model normalised (Europe/Amsterdam, A22), never an instant's UTC date."""

from __future__ import annotations

import datetime as dt

from klachtregels.decisions import assess
from klachtregels.model import Complaint, Judgement
from klachtregels.vocabulary import Outcome

UTC = dt.UTC


def _complaint(**kw: object) -> Complaint:
    data: dict[str, object] = {
        "received_on": "2026-02-09",
        "channel": "letter",
        "complainant": {"role": "parent"},
        "subjects": ["conduct"],
        "signals": [],
    }
    data.update(kw)
    return Complaint.from_dict(data)


def test_a_judgement_sent_late_in_the_evening_counts_on_its_amsterdam_day() -> None:
    c = _complaint()
    # 23:30 UTC on the last day (Monday 23 March 2026) is 00:30 on 24 March in Amsterdam: late.
    late = Judgement(sent_on=dt.datetime(2026, 3, 23, 23, 30, tzinfo=UTC), written=True, reasoned=True)
    in_time = Judgement(sent_on=dt.datetime(2026, 3, 23, 22, 30, tzinfo=UTC), written=True, reasoned=True)
    as_of = dt.date(2026, 4, 1)
    assert assess(c, as_of=as_of).deadlines["handling"].date == dt.date(2026, 3, 23)
    assert assess(c, as_of=as_of, judgement=late).handling.outcome == Outcome.JUDGED_LATE
    assert assess(c, as_of=as_of, judgement=in_time).handling.outcome == Outcome.JUDGED_IN_TIME


def test_an_oral_complaint_the_evening_before_is_the_day_before_in_amsterdam() -> None:
    # Oral at 23:30 UTC on 8 February is 00:30 on 9 February in Amsterdam: the same day as the
    # written complaint, so no ORAL_BEFORE_WRITTEN flag (A4).
    same_day = _complaint(oral_first_on="2026-02-08T23:30:00+00:00")
    earlier = _complaint(oral_first_on="2026-02-08T22:30:00+00:00")
    as_of = dt.date(2026, 2, 10)
    assert not assess(same_day, as_of=as_of).eligibility.has_flag("ORAL_BEFORE_WRITTEN")
    assert assess(earlier, as_of=as_of).eligibility.has_flag("ORAL_BEFORE_WRITTEN")
