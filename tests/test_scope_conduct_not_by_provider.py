"""R4/A8: a conduct complaint that concerns someone who is not the provider's side.

Art. 1.57b lid 1 sub a covers conduct of the provider and of the people working for it or through its
intermediation (regulation.md R4). The conduct of another parent, a child, a third party or a
gastouder's housemate is outside the statute; A8: outside the statute never plain ``eligible``. The
register cannot tell such a complaint from one about the staff's supervision (examples.md M04), so
R4 answers ``undetermined`` with ``CONDUCT_NOT_BY_PROVIDER``; with the agreement it stays statutory.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance_helpers import ids, judged, record, run
from klachtregels import Complaint, eligibility
from klachtregels.decisions import assess
from klachtregels.messages import text
from klachtregels.model import About, Party, Subject
from klachtregels.policy import Policy, load_policy, shipped_policies
from klachtregels.rules.catalogue import render_rules
from klachtregels.rules.scope import ELIGIBILITY_RULES
from klachtregels.testing import complaints
from klachtregels.vocabulary import FlagCode, Outcome

if TYPE_CHECKING:
    from klachtregels.engine import Decision

D = dt.date.fromisoformat
RECEIVED = D("2025-10-06")
AS_OF = D("2025-10-07")

#: Whose conduct art. 1.57b lid 1 sub a names: the provider and those working for it or through it.
PROVIDER_SIDE = (About.STAFF, About.GASTOUDER, About.MANAGEMENT, About.PROVIDER_PERSON, About.ORGANISATION)
NOT_BY_PROVIDER = (About.OTHER_PARENT, About.CHILD, About.THIRD_PARTY, About.GASTOUDER_HOUSEMATE)
POLICIES = shipped_policies()
FLAG = FlagCode.CONDUCT_NOT_BY_PROVIDER


def test_every_about_value_is_decided() -> None:
    assert set(PROVIDER_SIDE) | set(NOT_BY_PROVIDER) == set(About)
    assert not set(PROVIDER_SIDE) & set(NOT_BY_PROVIDER)


def _complaint(subjects: tuple[str, ...], about: About | str | None) -> Complaint:
    return Complaint(
        received_on=RECEIVED,
        channel="email",
        complainant=Party(role="parent"),
        subjects=subjects,
        about=about,
        signals=(),
    )


def _decide(
    subjects: tuple[str, ...], about: About | str | None, policy: str | Policy | None = None
) -> Decision:
    return eligibility(_complaint(subjects, about), as_of=AS_OF, policy=load_policy(policy))


def test_the_audited_case_is_no_longer_plain_eligible() -> None:
    d = _decide(("conduct",), "other_parent")
    assert d.outcome == Outcome.UNDETERMINED
    assert d.has_flag(FLAG)
    (doubt,) = [f for f in d.flags if f.code == FLAG]
    assert doubt.ambiguity == "A8"
    r4 = next(r for r in d.reasons if r.rule_id == "R4")
    assert r4.outcome == Outcome.UNDETERMINED


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("about", NOT_BY_PROVIDER)
def test_conduct_only_about_someone_else_is_undetermined_under_every_shipped_policy(
    about: About, policy: str
) -> None:
    d = _decide(("conduct",), about, policy)
    assert d.outcome == Outcome.UNDETERMINED
    assert d.has_flag(FLAG)
    assert not d.definite


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("about", [*PROVIDER_SIDE, None])
def test_conduct_of_the_provider_side_or_of_nobody_named_stays_eligible(
    about: About | None, policy: str
) -> None:
    # ``about`` unknown: the subject ``conduct`` means what it says (conduct of the provider or staff).
    d = _decide(("conduct",), about, policy)
    assert d.outcome == Outcome.ELIGIBLE
    assert not d.has_flag(FLAG)


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("about", NOT_BY_PROVIDER)
def test_with_the_agreement_it_is_statutory_and_flagged(about: About, policy: str) -> None:
    d = _decide(("conduct", "agreement"), about, policy)
    assert d.outcome == Outcome.ELIGIBLE
    assert d.has_flag(FLAG)


@pytest.mark.parametrize("about", NOT_BY_PROVIDER)
def test_with_the_working_method_the_policy_decides(about: About) -> None:
    open_ = _decide(("conduct", "working_method"), about, Policy(include_working_method=False))
    assert open_.outcome == Outcome.UNDETERMINED
    assert open_.has_flag(FLAG)
    assert open_.has_flag(FlagCode.WORKING_METHOD_SCOPE)
    # In scope by policy whatever the conduct turns out to be; the doubt stays visible.
    by_policy = _decide(("conduct", "working_method"), about, Policy(include_working_method=True))
    assert by_policy.outcome == Outcome.ELIGIBLE_BY_POLICY
    assert by_policy.has_flag(FLAG)


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("about", NOT_BY_PROVIDER)
@pytest.mark.parametrize("other", ["other_parent", "third_party", "advisory_right"])
def test_with_only_subjects_outside_the_statute_it_stays_undetermined(
    about: About, other: str, policy: str
) -> None:
    # Conduct of the staff would make it statutory; conduct of someone else leaves it outside: open.
    d = _decide(("conduct", other), about, policy)
    assert d.outcome == Outcome.UNDETERMINED
    assert d.has_flag(FLAG)
    assert d.has_flag(FlagCode.SUBJECT_PARTLY_OUTSIDE_STATUTE)
    assert d.has_flag(FlagCode.ROUTE_GCK_1_57C_LID1B) == (other == "advisory_right")


_SUBJECT_SETS = [
    subjects
    for n in (1, 2, 3)
    for subjects in itertools.combinations([s.value for s in Subject], n)
    if "conduct" in subjects
]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("about", list(About))
@pytest.mark.parametrize("subjects", _SUBJECT_SETS, ids="+".join)
def test_every_about_with_every_conduct_subject_set(
    about: About, subjects: tuple[str, ...], policy: str
) -> None:
    """The table: conduct of someone else is never plainly statutory; only the agreement makes it so."""
    d = _decide(subjects, about, policy)
    if about in PROVIDER_SIDE:
        assert d.outcome == Outcome.ELIGIBLE
        assert not d.has_flag(FLAG)
        return
    assert d.has_flag(FLAG)
    if "agreement" in subjects:
        assert d.outcome == Outcome.ELIGIBLE
    else:
        assert d.outcome in (Outcome.UNDETERMINED, Outcome.ELIGIBLE_BY_POLICY)


@settings(max_examples=200)
@given(
    complaints(),
    st.sampled_from(NOT_BY_PROVIDER),
    st.lists(st.sampled_from([s for s in Subject if s is not Subject.AGREEMENT]), unique=True, max_size=3),
    st.sampled_from(POLICIES),
)
def test_property_conduct_about_someone_else_is_never_plainly_eligible(
    c: Complaint, about: About, others: list[Subject], policy: str
) -> None:
    """A8: for any complaint whose only statutory subject is conduct of someone who is not the
    provider's side, eligibility is never plain ``eligible``, whatever the other facts."""
    subjects = tuple(dict.fromkeys([Subject.CONDUCT, *others]))
    c = attrs.evolve(c, subjects=subjects, about=about)
    as_of = (c.received_date or dt.date(2026, 1, 1)) + dt.timedelta(days=1)
    d = eligibility(c, as_of=as_of, policy=load_policy(policy))
    assert d.outcome != Outcome.ELIGIBLE


def test_recording_whom_it_concerns_decides_it() -> None:
    """examples.md M04: a child-child incident whose complaint is about the staff's supervision."""
    signals = [{"kind": "sexual_behaviour_between_children"}]
    base = {"received_on": "2025-06-02", "channel": "email", "complainant": {"role": "parent"}}
    child = Complaint.from_dict({**base, "subjects": ["conduct"], "about": "child", "signals": signals})
    staff = Complaint.from_dict({**base, "subjects": ["conduct"], "about": "staff", "signals": signals})
    outside = Complaint.from_dict(
        {**base, "subjects": ["other_parent"], "about": "other_parent", "signals": []}
    )
    as_of = D("2025-06-04")
    assert assess(child, as_of=as_of).eligibility.outcome == Outcome.UNDETERMINED
    # The meldcode route does not depend on the scope question.
    assert assess(child, as_of=as_of).precedence.outcome == "meldcode_route_3"
    assert assess(staff, as_of=as_of).eligibility.outcome == Outcome.ELIGIBLE
    assert assess(outside, as_of=as_of).eligibility.outcome == Outcome.NOT_ELIGIBLE


@pytest.mark.parametrize("about", NOT_BY_PROVIDER)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_flag_and_reason_name_whom_it_concerns(about: About, lang: str) -> None:
    d = _decide(("conduct",), about)
    who = text(f"SCOPE_ABOUT_{about.name}", lang)
    (doubt,) = [f for f in d.flags if f.code == FLAG]
    assert who in doubt.message(lang)
    r4 = next(r for r in d.reasons if r.rule_id == "R4")
    assert who in r4.message(lang)


def test_the_compliance_check_reports_it_as_undetermined_scope() -> None:
    """The projection maps the outcome, as for the working method (checks.toml/projection.toml)."""
    result = run(record(subjects=("conduct",), about="other_parent", judgement=judged("2026-01-30")))
    scope = [f for f in result.findings if f.check == "scope"]
    assert [f.id for f in scope] == ["KR-SCOPE-UNDETERMINED"]
    assert "A8 CONDUCT_NOT_BY_PROVIDER" in str(scope[0].facts)
    assert "KR-HANDLING-LATE" not in ids(result)  # the term checks wait until the scope is settled
    # Whom it concerns recorded as the staff: a statutory complaint, judged late.
    assert "KR-HANDLING-LATE" in ids(
        run(record(subjects=("conduct",), about="staff", judgement=judged("2026-01-30")))
    )


def test_the_rule_catalogue_says_r4_reads_about() -> None:
    (r4,) = [r for r in ELIGIBILITY_RULES if r.id == "R4"]
    assert "complaint.about" in r4.facts
    assert "A8" in r4.ambiguities
    assert "`complaint.about`" in render_rules("md", "en")
