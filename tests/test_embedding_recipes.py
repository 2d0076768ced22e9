"""The Django recipe in docs/embedding.md: enum values as choices, decisions stored as JSON and read back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from klachtregels.decisions import assess
from klachtregels.engine import Decision
from klachtregels.errors import InvalidInputError
from klachtregels.model import Channel, Complaint, Judgement, PartyRole

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DATA = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))


def test_every_choice_value_is_a_word_from_dict_reads() -> None:
    for channel in Channel:
        complaint = Complaint.from_dict(dict(DATA["complaint"], channel=channel.value))
        assert complaint.channel is channel
    for role in PartyRole:
        complaint = Complaint.from_dict(dict(DATA["complaint"], complainant={"role": role.value}))
        assert complaint.complainant is not None
        assert complaint.complainant.role is role


def test_a_stored_decision_reads_back() -> None:
    assessment = assess(
        Complaint.from_dict(DATA["complaint"]),
        as_of=dt.date(2026, 5, 7),
        judgement=Judgement.from_dict(DATA["judgement"]),
    )
    stored = json.loads(json.dumps(assessment.to_dict()))  # as a JSONField keeps it
    for decision in assessment.decisions:
        again = Decision.from_dict(stored["decisions"][decision.kind])
        assert again.outcome == decision.outcome
        assert [f.code for f in again.flags] == [f.code for f in decision.flags]
    assert stored["status"] == assessment.status


def test_a_form_validated_by_from_dict_names_each_field_and_never_the_value() -> None:
    """docs/embedding.md (Django): a form's clean() refuses what every door refuses, by field."""
    row = dict(DATA["complaint"], location="KDV Sanne\u200bJansen", received_on="2026-W10-2", category="  ")
    with pytest.raises(InvalidInputError) as caught:
        Complaint.from_dict(row)
    fields = {field for field, _message in caught.value.problems}
    assert fields == {"location", "received_on"}
    assert all("Sanne" not in message and "W10" not in message for _f, message in caught.value.problems)
    assert "dd-mm-jjjj" in dict(caught.value.problems)["received_on"]
    clean = Complaint.from_dict(dict(row, location=" KDV De Zon ", received_on="16-03-2026"))
    assert clean.location == "KDV De Zon"
    assert clean.category is None
    assert clean.received_on == dt.date(2026, 3, 16)
