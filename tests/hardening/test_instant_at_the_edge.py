"""An instant in the first or the last year a date holds, given to a constructor.

``Complaint.from_dict`` refused an instant whose Europe/Amsterdam day falls outside the years 1-9999
(``9999-12-31T23:30Z`` is 1 January 10000 in Amsterdam), but the constructor took the same datetime
object, unchecked (its type passes at once), and ``received_date`` raised a bare ``DateTextError``
later, far from the input. Now the constructor sends an instant of those two years through the
same check as ``from_dict``: one problem, on the field, at the boundary.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Signal, SignalKind

UTC = dt.UTC
OUT_OF_RANGE = "an instant whose day in Amsterdam falls outside the years 1-9999"


@pytest.mark.parametrize(
    ("cls", "field", "extra"),
    [
        (Complaint, "received_on", {}),
        (Complaint, "oral_first_on", {}),
        (Judgement, "sent_on", {}),
        (Judgement, "received_on", {}),
        (GckFiling, "filed_on", {}),
        (Signal, "known_on", {"kind": SignalKind.AMBIGUOUS}),
    ],
)
@pytest.mark.parametrize(
    "instant",
    [
        dt.datetime(9999, 12, 31, 23, 30, tzinfo=UTC),  # 1 January 10000 in Amsterdam
        dt.datetime(1, 1, 1, 0, 10, tzinfo=dt.timezone(dt.timedelta(hours=5))),  # 31 December of year 0
    ],
)
def test_the_constructor_refuses_what_from_dict_refuses(
    cls: type, field: str, extra: dict[str, object], instant: dt.datetime
) -> None:
    with pytest.raises(InvalidInputError) as built:
        cls(**{field: instant}, **extra)
    with pytest.raises(InvalidInputError) as read:
        cls.from_dict({field: instant.isoformat(), **extra})
    assert built.value.problems == ((field, OUT_OF_RANGE),)
    assert read.value.problems == built.value.problems


@given(
    st.datetimes(
        min_value=dt.datetime(9999, 12, 30),
        max_value=dt.datetime(9999, 12, 31, 23, 59, 59),
        timezones=st.sampled_from(
            [UTC, dt.timezone(dt.timedelta(hours=-10)), dt.timezone(dt.timedelta(hours=14))]
        ),
    )
    | st.datetimes(
        min_value=dt.datetime(1, 1, 1),
        max_value=dt.datetime(1, 1, 2, 23, 59, 59),
        timezones=st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=14))]),
    )
)
def test_an_edge_instant_is_taken_or_refused_alike_by_both_doors(instant: dt.datetime) -> None:
    """Built directly or read from its text: accepted with the same day, or refused with the same problem."""
    try:
        built: Complaint | None = Complaint(received_on=instant)
    except InvalidInputError as exc:
        built, built_problems = None, exc.problems
    try:
        read: Complaint | None = Complaint.from_dict({"received_on": instant.isoformat()})
    except InvalidInputError as exc:
        read, read_problems = None, exc.problems
    if built is None or read is None:
        assert built is None
        assert read is None
        assert built_problems == read_problems == (("received_on", OUT_OF_RANGE),)
    else:
        assert built.received_date == read.received_date
        assert dt.date.min <= built.received_date <= dt.date.max


def test_an_ordinary_instant_and_a_naive_edge_one_pass() -> None:
    """Only instants of the two edge years take the longer way; a naive date-time is Amsterdam time
    and always has its day."""
    assert Complaint(received_on=dt.datetime(9999, 12, 31, 23, 30)).received_date == dt.date(9999, 12, 31)
    assert Complaint(received_on=dt.datetime(2026, 3, 23, 23, 30, tzinfo=UTC)).received_date == dt.date(
        2026, 3, 24
    )
    assert Measure(description="x", due_on=dt.date(9999, 12, 31)).due_on == dt.date(9999, 12, 31)
