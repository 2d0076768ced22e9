"""The domain objects: validated once, every problem at once, dates read as Europe/Amsterdam days."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import klachtregels.testing as kt
from klachtregels import convert
from klachtregels.decisions import assess
from klachtregels.errors import InvalidInputError
from klachtregels.model import (
    WORDS,
    About,
    AdviceSubject,
    Channel,
    Complaint,
    GckFiling,
    GckOutcome,
    Judgement,
    Location,
    Measure,
    OudercommissieDispute,
    Party,
    PartyRole,
    Provider,
    ProviderKind,
    RegisterRecord,
    Signal,
    SignalKind,
    Subject,
    Verdict,
)
from klachtregels.policy import load_policy

UTC = dt.UTC
#: 23:30 UTC on 23 March 2026 is 00:30 on 24 March in Amsterdam (CET, UTC+1).
LATE_UTC = "2026-03-23T23:30Z"
D = dt.date.fromisoformat

# A value that must never appear in an error message (it stands for personal data).
CANARY = "Wilhelmina Zwanenburg"


# --- time is read once (A22) ------------------------------------------------------------------------


def test_received_date_is_the_amsterdam_day_the_handling_term_counts_from() -> None:
    # Issue 8: one instant was two days (received_date 23 March, deadline counted from 24 March).
    complaint = Complaint.from_dict({"received_on": LATE_UTC, "complainant": {"role": "parent"}})
    assert complaint.received_on == dt.datetime(2026, 3, 23, 23, 30, tzinfo=UTC)  # the instant is kept
    assert complaint.received_date == D("2026-03-24")
    assert complaint.received_on is not None
    deadline = load_policy().handling_deadline(complaint.received_on)
    assert deadline.received == complaint.received_date


def test_assess_reports_the_same_day_of_receipt() -> None:
    complaint = Complaint.from_dict(
        {
            "received_on": LATE_UTC,
            "channel": "email",
            "complainant": {"role": "parent"},
            "subjects": ["conduct"],
        }
    )
    assessment = assess(complaint, as_of=D("2026-03-30"))
    assert assessment.deadlines["handling"].received == D("2026-03-24")
    assert assessment.eligibility.details["received_on"] == "2026-03-24"


_DAY_ACCESSORS: list[tuple[type, str, str, dict[str, Any]]] = [
    (Complaint, "received_on", "received_date", {}),
    (Complaint, "oral_first_on", "oral_first_date", {}),
    (Complaint, "arose_on", "arose_date", {}),
    (Complaint, "first_contact_on", "first_contact_date", {}),
    (Complaint, "acknowledged_on", "acknowledged_date", {}),
    (Judgement, "sent_on", "sent_date", {}),
    (Judgement, "received_on", "received_date", {}),
    (GckFiling, "filed_on", "filed_date", {}),
    (GckFiling, "mediation_from", "mediation_from_date", {}),
    (GckFiling, "mediation_until", "mediation_until_date", {}),
    (Signal, "known_on", "known_date", {"kind": "ambiguous"}),
    (Signal, "consulted_on", "consulted_date", {"kind": "ambiguous"}),
    (Signal, "meldcode_started_on", "meldcode_started_date", {"kind": "ambiguous"}),
    (Measure, "due_on", "due_date", {}),
    (Measure, "done_on", "done_date", {}),
]


@pytest.mark.parametrize(("cls", "field", "accessor", "required"), _DAY_ACCESSORS)
@pytest.mark.parametrize(
    ("value", "day"),
    [
        (dt.datetime(2026, 3, 23, 23, 30, tzinfo=UTC), D("2026-03-24")),  # aware: the Amsterdam day
        (dt.datetime(2026, 7, 1, 22, 15, tzinfo=UTC), D("2026-07-02")),  # summer time, UTC+2
        (dt.datetime(2026, 3, 23, 23, 30), D("2026-03-23")),  # naive: Amsterdam local time
        (D("2026-03-23"), D("2026-03-23")),
        (None, None),
    ],
)
def test_every_date_field_has_an_amsterdam_day_accessor(
    cls: type, field: str, accessor: str, required: dict[str, Any], value: Any, day: Any
) -> None:
    obj = cls(**required, **{field: value})
    assert getattr(obj, accessor) == day
    assert getattr(obj, field) == value  # the value itself (the instant) is kept


def test_cross_field_checks_compare_amsterdam_days() -> None:
    # Received 00:30 on 24 March in Amsterdam; the matter arose on 24 March: not 'after receipt'.
    complaint = Complaint.from_dict({"received_on": LATE_UTC, "arose_on": "2026-03-24"})
    assert complaint.arose_date == complaint.received_date
    # First contact at 00:10 Amsterdam time on 24 March is on the day of receipt, not before it.
    Complaint.from_dict({"received_on": LATE_UTC, "first_contact_on": "2026-03-24T00:10+01:00"})
    with pytest.raises(InvalidInputError) as info:
        Complaint.from_dict({"received_on": LATE_UTC, "acknowledged_on": "2026-03-23T22:00Z"})
    assert info.value.problems == (("acknowledged_on", "is before received_on"),)
    with pytest.raises(InvalidInputError, match="received_on: is before sent_on"):
        Judgement(sent_on=dt.datetime(2026, 4, 1, 22, 30, tzinfo=UTC), received_on=D("2026-04-01"))


# --- one vocabulary -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vocabulary", "word", "value"),
    [(vocabulary, word, value) for vocabulary, words in WORDS.items() for word, value in words.items()],
)
def test_every_word_of_the_table_is_accepted_by_every_door(vocabulary: type, word: str, value: str) -> None:
    member = vocabulary(value)
    assert convert.lookup_word(vocabulary, word) is member
    assert convert.lookup_word(vocabulary, word.upper().replace(" ", "_")) is member
    fields: dict[type, tuple[Any, str]] = {
        PartyRole: (Party, "role"),
        Channel: (Complaint, "channel"),
        About: (Complaint, "about"),
        SignalKind: (Signal, "kind"),
        Verdict: (Judgement, "verdict"),
        GckOutcome: (GckFiling, "outcome"),
        AdviceSubject: (GckFiling, "advice_subject"),
        OudercommissieDispute: (GckFiling, "dispute_about"),
    }
    if vocabulary is Subject:
        assert Complaint.from_dict({"subjects": [word]}).subjects == (member,)
        assert Complaint(subjects=[word]).subjects == (member,)
    else:
        cls, name = fields[vocabulary]
        assert getattr(cls.from_dict({name: word}), name) is member  # JSON
        assert getattr(cls(**{name: word}), name) is member  # Python


def test_words_in_lists_and_nested_objects() -> None:
    complaint = Complaint.from_dict(
        {
            "channel": "Mondeling",
            "subjects": ["gedrag", "Overeenkomst"],
            "complainant": {"role": "Pleegouder"},
        }
    )
    assert complaint.channel is Channel.ORAL
    assert complaint.subjects == (Subject.CONDUCT, Subject.AGREEMENT)
    assert complaint.complainant == Party(role=PartyRole.FOSTER_PARENT)
    # The JSON form writes the canonical values, as plain strings.
    data = complaint.to_dict()
    assert data["channel"] == "oral"
    assert type(data["channel"]) is str
    assert data["subjects"] == ["conduct", "agreement"]


# --- every problem at once, by path, never the value ---------------------------------------------------


def test_from_dict_reports_every_problem_with_its_path() -> None:
    data = {
        "complaint": {
            "received_on": CANARY,
            "channel": CANARY,
            "subjects": ["conduct", "gedrg", 3],
            "complainant": {"role": "oudr", "nmae": CANARY},
            "signals": [{"known_on": "2026-01-01"}],
            "colour": CANARY,
        },
        "judgement": {
            "measures": [{"due_on": "2026-13-01"}, {"due_on": "2026-05-01", "has_concrete_term": False}]
        },
        "filing": "yes",
        "row": "2",
    }
    with pytest.raises(InvalidInputError) as info:
        RegisterRecord.from_dict(data)
    problems = dict(info.value.problems)
    assert set(problems) == {
        "complaint.received_on",
        "complaint.channel",
        "complaint.subjects[1]",
        "complaint.subjects[2]",
        "complaint.complainant.role",
        "complaint.complainant.nmae",
        "complaint.signals[0].kind",
        "complaint.colour",
        "judgement.measures[0].due_on",
        "judgement.measures[1].has_concrete_term",
        "filing",
        "row",
    }
    assert problems["complaint.complainant.nmae"] == "unknown field (did you mean 'name'?)"
    assert problems["complaint.subjects[1]"].endswith("(did you mean 'gedrag'?)")
    assert problems["complaint.complainant.role"].startswith("not one of: parent, foster_parent")
    assert problems["complaint.signals[0].kind"] == "required, but missing"
    assert problems["complaint.subjects[2]"].endswith("got a whole number")
    assert problems["judgement.measures[1].has_concrete_term"] == "is false but due_on gives a term"
    assert problems["filing"] == "expected an object, got text"
    assert CANARY not in str(info.value)
    assert info.value.what == "register record"


def test_python_construction_reports_every_problem_without_the_value() -> None:
    with pytest.raises(InvalidInputError) as info:
        Complaint(
            received_on=CANARY,  # type: ignore[arg-type]
            channel=CANARY,
            complainant=CANARY,  # type: ignore[arg-type]
            subjects=[CANARY],
            judge_is_subject="maybe",  # type: ignore[arg-type]
        )
    assert {path for path, _ in info.value.problems} == {
        "received_on",
        "channel",
        "complainant",
        "subjects[0]",
        "judge_is_subject",
    }
    assert CANARY not in str(info.value)


@pytest.mark.parametrize(
    ("build", "path", "message"),
    [
        (
            lambda: Complaint(subjects=("conduct", "gedrag")),
            "subjects[1]",
            "listed twice (the same as item 0)",
        ),
        (lambda: Location(name=" "), "name", "must not be empty"),
        (lambda: Location(name="L", lrk_number="12"), "lrk_number", "not a 9-digit LRK number"),
        (lambda: Provider(name=""), "name", "must not be empty"),
        (
            lambda: GckFiling(mediation_from=D("2026-02-01"), mediation_until=D("2026-01-01")),
            "mediation_until",
            "is before mediation_from",
        ),
        (lambda: RegisterRecord(complaint=None), "complaint", "expected an object, got null"),  # type: ignore[arg-type]
        (
            lambda: Party(contract_party=2),  # type: ignore[arg-type]
            "contract_party",
            "expected true or false (true/false, ja/nee, yes/no, 1/0, waar/onwaar; any case), "
            "got a whole number",
        ),
        (
            lambda: RegisterRecord(complaint=Complaint(), row=True),
            "row",
            "expected a whole number, got true/false",
        ),
    ],
)
def test_field_checks(build: Any, path: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        build()
    assert (path, message) in info.value.problems


def test_lists_become_tuples_and_typed_values_are_kept() -> None:
    signal = Signal(kind=SignalKind.AMBIGUOUS)
    complaint = Complaint(subjects=[Subject.CONDUCT], signals=[signal])
    assert complaint.subjects == (Subject.CONDUCT,)
    assert complaint.signals is not None
    assert complaint.signals[0] is signal
    subjects = (Subject.CONDUCT,)
    assert Complaint(subjects=subjects).subjects is subjects


def test_lrk_numbers_read_as_text_or_number() -> None:
    assert Location.from_dict({"name": "L", "lrk_number": 123456789}).lrk_number == "123456789"
    assert Provider.from_dict({"name": "P", "kind": "Kindercentrum", "locations": [{"name": "L"}]}).kind is (
        ProviderKind.KINDERCENTRUM
    )


# --- round trips ---------------------------------------------------------------------------------------


def _json(obj: Any) -> Any:
    return json.loads(json.dumps(obj.to_dict()))


@given(kt.complaints())
def test_complaint_round_trip(c: Complaint) -> None:
    assert Complaint.from_dict(_json(c)) == c


@given(kt.judgements())
def test_judgement_round_trip(j: Judgement) -> None:
    assert Judgement.from_dict(_json(j)) == j


@given(kt.gck_filings())
def test_filing_round_trip(f: GckFiling) -> None:
    assert GckFiling.from_dict(_json(f)) == f


@given(kt.signals(), kt.measures(), kt.parties())
def test_parts_round_trip(s: Signal, m: Measure, p: Party) -> None:
    assert Signal.from_dict(_json(s)) == s
    assert Measure.from_dict(_json(m)) == m
    assert Party.from_dict(_json(p)) == p


@given(kt.records(), st.none() | st.integers(1, 10**6))
def test_register_record_round_trip(drawn: RegisterRecord, row: int | None) -> None:
    record = attrs.evolve(drawn, row=row)
    assert RegisterRecord.from_dict(_json(record)) == record


@given(
    st.datetimes(
        min_value=dt.datetime(2014, 1, 1),
        max_value=dt.datetime(2027, 12, 31),
        timezones=st.none() | st.timezones(),  # type: ignore[arg-type]
        allow_imaginary=False,  # a wall time skipped by a DST change names no instant
    )
)
def test_datetimes_keep_their_instant_through_json(moment: dt.datetime) -> None:
    complaint = Complaint(received_on=moment)
    back = Complaint.from_dict(_json(complaint))
    assert isinstance(back.received_on, dt.datetime)
    if moment.tzinfo is None:
        assert back.received_on == moment
    else:  # the same instant (an ambiguous wall time never equals across zones, PEP 495)
        assert back.received_on.astimezone(UTC) == moment.astimezone(UTC)
    assert back.received_date == complaint.received_date


def test_provider_round_trip() -> None:
    provider = Provider(
        name="P",
        kind=ProviderKind.GASTOUDERBUREAU,
        gck_affiliated=True,
        locations=(Location(name="L", lrk_number="123456789"),),
    )
    assert Provider.from_dict(_json(provider)) == provider
    assert attrs.evolve(provider, name="Q").name == "Q"
