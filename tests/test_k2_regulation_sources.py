"""K2 (R6, Wko 1.57b lid 2, regulation.md section 7) reads lid 2 a-c, e-f from two files: the organisation
file (``regulation.provides``) and the policy (``[regulation]``). One fact, two input places: the merged
view ``regulation_provisions`` is the one place they meet, and K2 its one reader.

The expectations here are written from the rule as stated (agreeing or only one giving it: that value;
neither: unknown; both, disagreeing: unknown for K2 and a warning naming both keys), for every
combination of the organisation file's value, the policy's value and absence, for each of the five
facts.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from klachtregels.cli import main
from klachtregels.compliance import check_organisation
from klachtregels.organisation import Organisation, RegulationProvisions, parse_organisation
from klachtregels.policy import Policy, load_policy, policy_from_mapping
from klachtregels.policy_lint import lint_policy
from klachtregels.rules.organisation import (
    DutyContext,
    ProvisionSource,
    organisation_duties,
    regulation_provisions,
)
from klachtregels.vocabulary import Outcome

if TYPE_CHECKING:
    from klachtregels.compliance.findings import Finding

AS_OF = dt.date(2026, 5, 7)
ROOT = Path(__file__).resolve().parent.parent

#: (organisation file key under regulation.provides, policy key under [regulation], lid 2 sub)
FACTS = [
    ("written_submission", "written_submission", "a"),
    ("careful_investigation", "careful_investigation", "b"),
    ("keeping_informed", "keeps_parent_informed", "c"),
    ("reasoned_judgement", "reasoned_judgement", "e"),
    ("concrete_term_for_measures", "concrete_term_for_measures", "f"),
]
VALUES = [True, False, None]  # None: the file leaves the key out


def _org(provides: dict[str, bool], *, adopted: bool = True) -> Organisation:
    """A file that gives every other fact of K2 as met (written, six weeks), and ``provides``."""
    regulation: dict[str, Any] = {"adopted": adopted, "provides": {"handling_term": "zes weken", **provides}}
    if adopted:
        regulation["written"] = True
    return parse_organisation({"name": "Test B.V.", "regulation": regulation})


def _policy(regulation: dict[str, bool]) -> Policy:
    """A house policy (not the statutory baseline) stating ``regulation``."""
    return policy_from_mapping({"policy": {"name": "huis"}, "regulation": regulation})


def _k2(org: Organisation, policy: Policy) -> tuple[list[Finding], bool]:
    findings, passed = check_organisation(org, as_of=AS_OF, policy=policy)
    return [f for f in findings if f.check == "K2"], any(p.check == "K2" for p in passed)


def _expected(org_value: bool | None, policy_value: bool | None) -> tuple[bool | None, ProvisionSource]:
    if org_value is None and policy_value is None:
        return None, ProvisionSource.NEITHER
    if policy_value is None:
        return org_value, ProvisionSource.ORGANISATION
    if org_value is None:
        return policy_value, ProvisionSource.POLICY
    if org_value == policy_value:
        return org_value, ProvisionSource.BOTH
    return None, ProvisionSource.DISAGREE


COMBINATIONS = [
    (fact, org_value, policy_value)
    for fact in FACTS
    for org_value, policy_value in itertools.product(VALUES, VALUES)
]


@pytest.mark.parametrize(
    ("fact", "org_value", "policy_value"),
    COMBINATIONS,
    ids=[f"{f[0]}-org_{o}-policy_{p}" for f, o, p in COMBINATIONS],
)
def test_every_combination_of_the_two_files_for_each_fact(
    fact: tuple[str, str, str], org_value: bool | None, policy_value: bool | None
) -> None:
    org_name, policy_name, sub = fact
    others = {name: True for name, _, _ in FACTS if name != org_name}
    provides = others | ({} if org_value is None else {org_name: org_value})
    org = _org(provides)
    policy = _policy({} if policy_value is None else {policy_name: policy_value})
    value, source = _expected(org_value, policy_value)

    merged = {f.organisation_key: f for f in regulation_provisions(org, policy)}
    got = merged[f"regulation.provides.{org_name}"]
    assert (got.value, got.source) == (value, source)
    assert got.policy_key == f"regulation.{policy_name}"
    assert got.citation.sub == sub
    for other in others:  # the organisation file alone gives the others; the policy does not state them
        alone = merged[f"regulation.provides.{other}"]
        assert (alone.value, alone.source) == (True, ProvisionSource.ORGANISATION)

    findings, passed = _k2(org, policy)
    ids = [f.id for f in findings]
    if value is True:
        assert (ids, passed) == ([], True)
    elif value is False:
        policy_only = source is ProvisionSource.POLICY
        named = f"policy:regulation.{policy_name}" if policy_only else got.organisation_key
        assert (ids, passed) == (["KR-K2-PROVISIONS"], False)
        assert dict(findings[0].facts)["failed"] == named
    elif source is ProvisionSource.NEITHER:
        assert (ids, passed) == (["KR-K2-UNDETERMINED"], False)
        assert dict(findings[0].facts)["unknown"] == got.organisation_key
    else:  # both files, disagreeing: undetermined through the disagreement alone
        assert (ids, passed) == (["KR-K2-SOURCES-DISAGREE"], False)
        assert findings[0].severity == "warning"
        assert dict(findings[0].facts) == {
            "organisation_key": f"regulation.provides.{org_name}",
            "policy_key": f"regulation.{policy_name}",
            "sub": sub,
        }
        (decision,) = [d for d in organisation_duties(_ctx(org, policy)) if d.item == "K2"]
        assert (decision.aspect, decision.outcome) == ("sources", Outcome.UNDETERMINED)


def _ctx(org: Organisation, policy: Policy) -> DutyContext:
    return DutyContext(organisation=org, as_of=AS_OF, policy=policy)


def test_the_disagreement_text_names_both_keys_and_the_article_never_a_value() -> None:
    org = _org({name: True for name, _, _ in FACTS})
    (finding,), _ = _k2(org, _policy({"keeps_parent_informed": False}))
    assert finding.message_nl == (
        "K2 onbepaald: het organisatiebestand (regulation.provides.keeping_informed) en het beleid "
        "(regulation.keeps_parent_informed) zeggen iets anders over wat de klachtenregeling regelt "
        "(Wko art. 1.57b lid 2 sub c). Beschrijven ze dezelfde regeling, maak ze dan gelijk."
    )
    assert finding.message_en == (
        "K2 undetermined: the organisation file (regulation.provides.keeping_informed) and the policy "
        "(regulation.keeps_parent_informed) say different things about what the complaint regulation "
        "provides for (Wko art. 1.57b para. 2 under c). If they describe the same regulation, make them "
        "agree."
    )
    for text in (finding.message_nl, finding.message_en, *dict(finding.facts).values()):
        words = set(text.lower().replace(".", " ").split())
        assert not {"true", "false", "waar", "onwaar", "ja", "nee"} & words


def test_each_disagreement_is_its_own_warning_beside_the_answer_over_the_other_facts() -> None:
    """A false fact still fails K2 and an unknown one still leaves it open; the disagreements are named
    beside that answer, one per provision, in lid order."""
    org = _org({"written_submission": True, "careful_investigation": False, "reasoned_judgement": False})
    policy = _policy(
        {"written_submission": False, "careful_investigation": True, "reasoned_judgement": False}
    )
    findings, passed = _k2(org, policy)
    assert not passed
    assert [f.id for f in findings] == [
        "KR-K2-PROVISIONS",
        "KR-K2-SOURCES-DISAGREE",
        "KR-K2-SOURCES-DISAGREE",
    ]
    # reasoned_judgement: false in both; keeping_informed and concrete_term_for_measures: in neither
    assert dict(findings[0].facts)["failed"] == "regulation.provides.reasoned_judgement"
    assert [dict(f.facts)["sub"] for f in findings[1:]] == ["a", "b"]

    open_org = _org({"careful_investigation": True})
    findings, _ = _k2(open_org, _policy({"careful_investigation": False}))
    assert [f.id for f in findings] == ["KR-K2-UNDETERMINED", "KR-K2-SOURCES-DISAGREE"]
    unknown = dict(findings[0].facts)["unknown"].split(", ")
    assert "regulation.provides.careful_investigation" not in unknown  # given twice, not unknown
    assert unknown == [
        "regulation.provides.written_submission",
        "regulation.provides.keeping_informed",
        "regulation.provides.reasoned_judgement",
        "regulation.provides.concrete_term_for_measures",
    ]


def test_no_regulation_adopted_fails_k2_and_a_disagreement_is_still_named() -> None:
    """R6 with K1's regulation.adopted = false: K2 fails whatever the provisions say; a policy that says
    the regulation provides for lid 2 b against the file's 'no' is still two files disagreeing."""
    org = _org({"careful_investigation": False}, adopted=False)
    findings, _ = _k2(org, _policy({"careful_investigation": True}))
    assert [f.id for f in findings] == ["KR-K2-PROVISIONS", "KR-K2-SOURCES-DISAGREE"]
    assert dict(findings[0].facts)["failed"] == "regulation.adopted"


@pytest.mark.parametrize(
    "baseline",
    [
        load_policy(None),
        load_policy("statutory"),
        Policy(),
        attrs.evolve(load_policy(None), jaarverslag_atw=True),
    ],
    ids=["default", "by-name", "class-default", "evolved"],
)
def test_the_statutory_baseline_is_no_source(baseline: Policy) -> None:
    """The shipped statutory policy says every provision is there: it states the statute's minimum, not
    the provider's regulation. It is what every check without --policy uses, so it must not make K2 met
    for a file that says nothing, nor contradict a file that says 'no'."""
    silent = _org({})
    merged = regulation_provisions(silent, baseline)
    assert {f.source for f in merged} == {ProvisionSource.NEITHER}
    findings, _ = _k2(silent, baseline)
    assert [f.id for f in findings] == ["KR-K2-UNDETERMINED"]
    denied = _org({"careful_investigation": False})
    findings, _ = _k2(denied, baseline)
    assert [f.id for f in findings] == ["KR-K2-PROVISIONS"]


def test_the_pairs_are_those_policy_lint_reads_as_lid_2() -> None:
    """The table K2 merges by names each bool fact of regulation.provides once and the policy settings
    policy lint judges under 1.57b lid 2 (keeping_informed / keeps_parent_informed), with the same
    sub-paragraph; lint's own behaviour is not changed (it reads the policy alone)."""
    from klachtregels.policy_lint import _PROVISIONS

    merged = regulation_provisions(Organisation(name="X"), _policy({}))
    provides = {f.name for f in attrs.fields(RegulationProvisions) if f.name != "handling_term"}
    assert {f.organisation_key.removeprefix("regulation.provides.") for f in merged} == provides
    lint = {
        f"regulation.{setting}": citations[0].to_dict()
        for setting, _, citations, _ in _PROVISIONS
        if citations[0].article == "1.57b" and citations[0].lid == 2
    }
    assert {f.policy_key: f.citation.to_dict() for f in merged} == lint
    missing = {f.setting for f in lint_policy(_policy({"careful_investigation": False})).findings}
    assert "regulation.careful_investigation" in missing


def test_check_with_policy_and_org_no_longer_contradicts_the_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The defect: ``check --policy P --org O`` said K2 was undetermined ('unknown:
    regulation.provides.careful_investigation') while P said the regulation provides for it, and passed
    K2 while P (and lint) said it lacks it."""
    org = tmp_path / "org.toml"
    org.write_text(
        """name = "Test B.V."
[regulation]
adopted = true
written = true
[regulation.provides]
written_submission = true
keeping_informed = true
handling_term = "zes weken"
reasoned_judgement = true
concrete_term_for_measures = true
""",
        encoding="utf-8",
    )
    header = (ROOT / "examples" / "register.csv").read_text(encoding="utf-8").splitlines()[0]
    register = tmp_path / "register.csv"
    register.write_text(header + "\n", encoding="utf-8")
    says = tmp_path / "says.toml"
    says.write_text("[regulation]\ncareful_investigation = true\n", encoding="utf-8")
    lacks = tmp_path / "lacks.toml"
    lacks.write_text("[regulation]\ncareful_investigation = false\n", encoding="utf-8")

    def k2(policy: Path) -> tuple[list[dict[str, Any]], bool]:
        args = ["check", str(register), "--org", str(org), "--policy", str(policy), "--as-of", "2026-05-07"]
        assert main([*args, "--format", "json", "--fail-on", "never", "--no-config"]) == 0
        result = json.loads(capsys.readouterr().out)
        findings = [f for f in result["findings"] if f["check"] == "K2"]
        return findings, any(p["check"] == "K2" for p in result["passed"])

    assert k2(says) == ([], True)  # the policy gives lid 2 b, the file leaves it out: met
    (lacking,), passed = k2(lacks)  # the policy says the regulation lacks it: not met
    assert (lacking["id"], lacking["facts"], passed) == (
        "KR-K2-PROVISIONS",
        {"failed": "policy:regulation.careful_investigation"},
        False,
    )
    org.write_text(org.read_text(encoding="utf-8") + "careful_investigation = true\n", encoding="utf-8")
    (disagree,), passed = k2(lacks)  # the file says it provides for it, the policy says it does not
    assert (disagree["id"], disagree["severity"], passed) == ("KR-K2-SOURCES-DISAGREE", "warning", False)
    assert disagree["facts"] == {
        "organisation_key": "regulation.provides.careful_investigation",
        "policy_key": "regulation.careful_investigation",
        "sub": "b",
    }
    assert k2(says) == ([], True)


@pytest.mark.parametrize("named", [None, "statutory"])
def test_a_policy_named_statutory_that_states_less_is_a_source(named: str | None) -> None:
    """A Policy built in Python is named ``statutory`` by default: one that states a provision otherwise
    than the baseline (here: no written, reasoned judgement, lid 2 e) is what the provider's regulation
    says, and K2 reads it beside the organisation file, instead of taking it for the baseline by name."""
    policy = (
        Policy(reasoned_judgement=False) if named is None else Policy(name=named, reasoned_judgement=False)
    )
    assert policy.name == "statutory"
    merged = {f.policy_key: f for f in regulation_provisions(_org({}), policy)}
    assert merged["regulation.reasoned_judgement"].source is ProvisionSource.POLICY
    assert merged["regulation.reasoned_judgement"].value is False
    findings, _ = _k2(_org({"reasoned_judgement": True}), policy)
    assert "KR-K2-SOURCES-DISAGREE" in [f.id for f in findings]
