"""klachtregels.testing: the strategies give valid objects (or invalid dicts that are rejected)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtregels.testing as kt
from klachtregels.decisions import eligibility
from klachtregels.errors import InvalidInputError
from klachtregels.model import About, Complaint, GckFiling, Judgement, Party
from klachtregels.policy import Policy


def test_all_is_sorted_and_complete() -> None:
    assert kt.__all__ == sorted(kt.__all__)
    assert all(callable(getattr(kt, name)) for name in kt.__all__)


@given(kt.complaints())
def test_complaints_round_trip(c: Complaint) -> None:
    assert Complaint.from_dict(c.to_dict()) == c


@given(kt.parties())
def test_parties_round_trip(p: Party) -> None:
    assert Party.from_dict(p.to_dict()) == p


@given(kt.judgements())
def test_judgements_round_trip(j: Judgement) -> None:
    assert Judgement.from_dict(j.to_dict()) == j


@given(kt.gck_filings())
def test_gck_filings_round_trip(f: GckFiling) -> None:
    assert GckFiling.from_dict(f.to_dict()) == f


@settings(max_examples=50)
@given(kt.policies())
def test_policies_are_policies(p: Policy) -> None:
    assert isinstance(p, Policy)
    assert p.name == "generated"


@given(kt.invalid_complaint_dicts())
def test_invalid_dicts_are_rejected(data: dict[str, object]) -> None:
    with pytest.raises(InvalidInputError):
        Complaint.from_dict(data)


@given(kt.written_parent_complaints())
def test_written_parent_complaints_are_written_by_an_ouder(c: Complaint) -> None:
    assert c.complainant is not None
    assert c.complainant.role is not None
    assert c.complainant.role.is_statutory_ouder


@given(kt.written_parent_complaints())
def test_written_parent_complaints_are_statutory_eligible(c: Complaint) -> None:
    """The strategy's promise, read against regulation.md: an ouder (R3) wrote (R5) about the agreement or
    about conduct of the provider or of someone working for it or through it (R4 a, R2); conduct of another
    parent, a child, a third party or a gastouder's housemate is not plainly eligible (R4, A8)."""
    assert c.about in {None, "staff", "gastouder", "management", "provider_person", "organisation"}
    assert c.received_date is not None
    assert eligibility(c, as_of=c.received_date).outcome == "eligible"


@given(kt.complaints(about=st.just(About.CHILD)))
def test_complaints_take_an_about_strategy(c: Complaint) -> None:
    assert c.about == About.CHILD
