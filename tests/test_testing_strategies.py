"""klachtregels.testing: the strategies give valid objects (or invalid dicts that are rejected)."""

from __future__ import annotations

import enum
import typing

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import klachtregels.testing as kt
from klachtregels.decisions import eligibility
from klachtregels.errors import InvalidInputError
from klachtregels.model import About, Complaint, GckFiling, Judgement, Party
from klachtregels.policy import Policy, policy_from_mapping, require_applicable, toml_key
from klachtregels.terms import Term, TermUnit


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
def test_policies_can_be_applied_and_round_trip(p: Policy) -> None:
    """Every drawn policy is one a user's file can hold (TOML layout and JSON read it back) and one
    that can be applied: no term counted backwards (require_applicable, R6, A17)."""
    assert isinstance(p, Policy)
    require_applicable(p)
    assert Policy.from_dict(p.to_dict()) == p
    layout: dict[str, dict[str, object]] = {}
    for name, value in p.to_dict().items():
        if name != "sources":
            section, _, key = toml_key(name).partition(".")
            layout.setdefault(section, {})[key] = value
    assert policy_from_mapping({**layout, "sources": p.to_dict()["sources"]}) == p


#: The statutory baseline as the strategy names it: what every drawn setting shrinks to.
_GENERATED = Policy(name="generated", title="Generated policy")
#: The Policy fields and their types (a field of a few values must take each of them).
_POLICY_TYPES = typing.get_type_hints(Policy)


def _finite_range(kind: object) -> set[object] | None:
    """Every value of a bool, an enum or an optional one; None for a type of many values."""
    args = set(typing.get_args(kind))
    if kind is bool or (args and args <= {bool, type(None)}):
        return {True, False} | ({None} if type(None) in args else set())
    enums = [a for a in ({kind} | args) if isinstance(a, type) and issubclass(a, enum.Enum)]
    if len(enums) == 1 and args <= {enums[0], type(None)}:
        return set(enums[0]) | ({None} if type(None) in args else set())
    return None


def test_policies_vary_every_field() -> None:
    """No Policy field is left at its default: each takes its default and other values, and a field of
    a few values (a switch, an A-setting's choices, a [regulation] 'not stated') takes each of them. A
    field added to Policy and forgotten by the strategy fails here (issue: include_carers, strict_calendar,
    the klachtgeld and the [regulation], [annual_report] and [escalation] tables were once never drawn)."""
    seen: dict[str, set[object]] = {f.name: set() for f in attrs.fields(Policy)}

    @settings(max_examples=300, derandomize=True, database=None)
    @given(kt.policies())
    def collect(p: Policy) -> None:
        for name, values in seen.items():
            values.add(getattr(p, name))

    collect()
    default = _GENERATED
    for name, values in seen.items():
        assert getattr(default, name) in values, name
        assert len(values) > 1, f"policies() never varies {name}"
        expected = _finite_range(_POLICY_TYPES[name])
        if expected is not None:
            assert values == expected, name
    # The terms in every unit, forward only, and the direct-access grounds in several combinations.
    units = {Term.parse(t).unit for t in seen["handling_term"] | seen["first_contact_term"] - {None}}
    assert units == set(TermUnit)
    assert len(seen["direct_access_grounds"]) > 3


def test_policies_shrink_to_the_statutory_baseline() -> None:
    """Defaults first: the smallest policy is the statutory one (named 'generated': only the baseline is
    called 'statutory'), and a failing example keeps only the settings that matter changed."""
    assert find(kt.policies(), lambda p: True) == _GENERATED
    assert find(kt.policies(), lambda p: p.include_guardians) == attrs.evolve(
        _GENERATED, include_guardians=True
    )
    assert find(kt.policies(), lambda p: p.handling_term != "6 weeks") == attrs.evolve(
        _GENERATED, handling_term="1 week"
    )


@settings(max_examples=30)
@given(kt.policies(), st.data())
def test_every_policy_field_can_be_pinned(p: Policy, data: st.DataObject) -> None:
    """A keyword per field, as the other strategies take one per part; ``None`` keeps the default."""
    pinned = kt.policies(**{f.name: st.just(getattr(p, f.name)) for f in attrs.fields(Policy)})
    assert data.draw(pinned) == p
    assert data.draw(kt.policies(include_carers=st.just(True), handling_term=None)).include_carers is True


def test_policies_refuse_a_keyword_that_is_no_field() -> None:
    with pytest.raises(TypeError, match="include_carer"):
        kt.policies(include_carer=st.just(True))


@given(kt.term_texts(backwards=True), kt.term_texts(units=("working_days",)))
def test_term_texts_are_read_by_the_parser(text: str, working: str) -> None:
    """Every drawn text is a term ``Term.parse`` reads; backwards only when asked for."""
    assert Term.parse(text).amount >= 1
    parsed = Term.parse(working)
    assert (parsed.unit, parsed.backwards) == (TermUnit.WORKING_DAYS, False)


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
