"""Who may complain (issue 10 points 4 and 7): carers and guardians beside the statutory ouder, and one
verdict for a contract-parties-only scope, decided by rule R3 and read by ``policy lint``.

Wko art. 1.1 lid 1 defines 'ouder' as a blood or affinity relative in the ascending line or a foster
parent of the child (R3). It names neither a carer (verzorger) nor a guardian or legal representative
(voogd); house regulations ("ouders/verzorgers", seed 000) and the Klachtenloket do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from klachtregels import convert, testing
from klachtregels.decisions import eligibility
from klachtregels.engine import RuleResult
from klachtregels.model import Complaint, PartyRole
from klachtregels.policy import ComplainantScope, Policy, load_policy, shipped_policies
from klachtregels.policy_lint import Direction, LintCode, lint_policy
from klachtregels.rules import scope
from klachtregels.vocabulary import FlagCode, Outcome

AS_OF = dt.date(2026, 3, 3)


def _complaint(**complainant: Any) -> Complaint:
    return Complaint.from_dict(
        {
            "received_on": "2026-03-02",
            "complainant": complainant,
            "channel": "letter",
            "subjects": ["conduct"],
            "signals": [],
        }
    )


def _decide(policy: Policy | None = None, **complainant: Any) -> Any:
    return eligibility(_complaint(**complainant), as_of=AS_OF, policy=policy)


# --- point 4: carers and guardians -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("verzorger", PartyRole.CARER),
        ("Verzorgster", PartyRole.CARER),
        ("carer", PartyRole.CARER),
        ("caregiver", PartyRole.CARER),
        ("voogd", PartyRole.GUARDIAN),
        ("wettelijk vertegenwoordiger", PartyRole.GUARDIAN),
        ("guardian", PartyRole.GUARDIAN),
        ("legal representative", PartyRole.GUARDIAN),
    ],
)
def test_role_words_in_dutch_and_english(word: str, role: PartyRole) -> None:
    """The one vocabulary table (model.WORDS) reads both languages for every door."""
    assert convert.lookup_word(PartyRole, word) is role
    assert _complaint(role=word).complainant is not None


@pytest.mark.parametrize("role", ["carer", "guardian"])
def test_r3_statutory_policy_leaves_carers_and_guardians_undetermined(role: str) -> None:
    """R3, A7, Wko art. 1.1: not named in the definition of 'ouder'. Whether the person is also a relative
    in the ascending line or a foster parent is not known, so the outcome stays open, flagged."""
    assert not PartyRole(role).is_statutory_ouder
    d = _decide(role=role)
    assert d.outcome == Outcome.UNDETERMINED
    assert "R3" in d.rule_ids
    flag = next(f for f in d.flags if f.code is FlagCode.ROLE_NOT_NAMED_IN_WKO_1_1)
    assert flag.ambiguity == "A7"
    assert "art. 1.1" in flag.text.render("nl")
    assert "include_" in flag.text.render("en")
    r3 = next(r for r in d.reasons if r.rule_id == "R3")
    assert "Wko art. 1.1 lid 1" in [c.label() for c in r3.citations]


@pytest.mark.parametrize(
    ("role", "setting"), [("carer", "include_carers"), ("guardian", "include_guardians")]
)
def test_r3_a_policy_setting_includes_them_by_policy(role: str, setting: str) -> None:
    """The house regulation widens the circle: eligible by policy, never plain 'eligible' (A8 style)."""
    d = _decide(Policy(**{setting: True}), role=role)
    assert d.outcome == Outcome.ELIGIBLE_BY_POLICY
    assert not d.has_flag("ROLE_NOT_NAMED_IN_WKO_1_1")
    other = "guardian" if role == "carer" else "carer"
    assert _decide(Policy(**{setting: True}), role=other).outcome == Outcome.UNDETERMINED


def test_r3_a_recorded_statutory_relation_decides() -> None:
    """A carer who is a step-parent, a guardian who is a grandparent: record that role (Wko art. 1.1)."""
    assert _decide(role="step_parent").outcome == Outcome.ELIGIBLE
    assert _decide(role="grandparent").outcome == Outcome.ELIGIBLE


def test_r3_contract_scope_and_carers() -> None:
    """A house that includes carers but only contract parties: a carer who signed is in, one who did not
    is back to the open statutory question (the house does not cover them)."""
    pol = Policy(include_carers=True, complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY)
    assert _decide(pol, role="carer", contract_party=True).outcome == Outcome.ELIGIBLE_BY_POLICY
    assert _decide(pol, role="carer", contract_party=False).outcome == Outcome.UNDETERMINED
    unknown = _decide(pol, role="carer")
    assert (unknown.outcome, unknown.unknown_facts) == (Outcome.UNDETERMINED, ("complainant.contract_party",))


@pytest.mark.parametrize(
    ("setting", "code"),
    [("include_carers", LintCode.CARERS_INCLUDED), ("include_guardians", LintCode.GUARDIANS_INCLUDED)],
)
def test_lint_reports_included_carers_and_guardians_as_wider(setting: str, code: LintCode) -> None:
    base = attrs.evolve(load_policy("statutory"), name="test")
    report = lint_policy(attrs.evolve(base, **{setting: True}))
    assert report.codes() == (code,)
    finding = report.findings[0]
    assert finding.direction is Direction.WIDER
    assert finding.rule_ids == ("R3", "A7")
    assert report.clean


# --- point 7: one verdict for a contract-parties-only scope --------------------------------------------


@pytest.mark.parametrize("role", ["grandparent", "step_parent", "foster_parent", "parent"])
def test_contract_party_scope_cannot_take_the_statutory_right_away(role: str) -> None:
    """R3, A7, Wko art. 1.57b lid 1: the regulation is for every ouder. Eligible, with the house flagged."""
    pol = Policy(complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY)
    d = _decide(pol, role=role, contract_party=False)
    assert d.outcome == Outcome.ELIGIBLE
    assert d.has_flag("HOUSE_SCOPE_NARROWER_THAN_STATUTE")
    assert _decide(pol, role=role, contract_party=True).outcome == Outcome.ELIGIBLE
    assert not _decide(pol, role=role, contract_party=True).has_flag("HOUSE_SCOPE_NARROWER_THAN_STATUTE")


#: Every policy that can be applied: the public strategy draws no term counted backwards (those are
#: refused, not assessed).
_APPLICABLE = testing.policies()


@given(_APPLICABLE)
def test_lint_and_assess_agree_on_the_complainant_scope(policy: Policy) -> None:
    """The one verdict: lint warns 'narrower on paper' exactly when the decision flags the house scope,
    and neither ever denies a statutory ouder."""
    d = _decide(policy, role="grandparent", contract_party=False)
    codes = lint_policy(policy).codes()
    assert d.outcome in {Outcome.ELIGIBLE, Outcome.NOT_YET, Outcome.NEEDS_HUMAN_JUDGEMENT}
    assert ("SCOPE_NARROWER_THAN_OUDER" in codes) == d.has_flag("HOUSE_SCOPE_NARROWER_THAN_STATUTE")
    assert "SCOPE_EXCLUDES_OUDER" not in codes


@pytest.mark.parametrize("name", shipped_policies())
def test_shipped_policies_lint_as_their_decisions_read(name: str) -> None:
    policy = load_policy(name)
    d = _decide(policy, role="grandparent", contract_party=False)
    codes = lint_policy(policy).codes()
    assert ("SCOPE_NARROWER_THAN_OUDER" in codes) == d.has_flag("HOUSE_SCOPE_NARROWER_THAN_STATUTE")
    assert ("SCOPE_NARROWER_THAN_OUDER" in codes) == (name == "smallsteps")


def test_lint_calls_rule_r3_rather_than_re_deriving_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """If rule R3 ever denied a statutory ouder under a policy, lint would report an error, because lint
    asks the rule (scope.complainant_result) and compares it with the statutory baseline."""
    original = scope.complainant_result
    denied = RuleResult.fire(Outcome.NOT_ELIGIBLE, "SCOPE_R3_NOT_OUDER", role="test")

    def strict(role: PartyRole | None, policy: Policy, contract_party: bool | None = None) -> RuleResult:
        if policy.name == "strict" and role is PartyRole.GRANDPARENT:
            return denied
        return original(role, policy, contract_party)

    monkeypatch.setattr(scope, "complainant_result", strict)
    report = lint_policy(attrs.evolve(load_policy("statutory"), name="strict"))
    assert report.codes() == (LintCode.SCOPE_EXCLUDES_OUDER,)
    assert report.errors[0].direction is Direction.NARROWER
    assert not report.ok
