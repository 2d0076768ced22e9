"""The shipped policies: each loads, cites its seed verbatim, and lints as documented in docs/policies.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from klachtregels.organisation import load_organisation
from klachtregels.policy import (
    AfterMeldcode,
    AnnualReportToParents,
    ComplainantScope,
    DirectAccessGround,
    HandledWhen,
    KlachtenloketRole,
    Policy,
    load_policy,
    policy_from_mapping,
    shipped_policies,
    toml_key,
)
from klachtregels.policy_lint import Severity, lint_policy
from klachtregels.rules.organisation import (
    DutyContext,
    ProvisionSource,
    organisation_duties,
    regulation_provisions,
)

SEEDS = Path(__file__).parent / "data" / "seeds"
#: Shipped policy -> the copy of the seed text it encodes (see tests/data/seeds/README.md).
SEED_OF = {
    "les-petits": "000-les-petits.txt",
    "smallsteps": "001-smallsteps.txt",
    "thuishuis": "003-thuishuis.txt",
}
STATUTORY = Policy()


def _seed_text(name: str) -> str:
    return (SEEDS / SEED_OF[name]).read_text(encoding="utf-8")


def test_one_policy_per_seed_organisation() -> None:
    assert set(shipped_policies()) == {"statutory", *SEED_OF}


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_quote_is_verbatim_in_the_seed(name: str) -> None:
    policy = load_policy(name)
    text = _seed_text(name)
    assert policy.sources, "a seed policy must cite its seed"
    for source in policy.sources:
        assert source.quote, source.setting
        assert source.quote in text, f"{name}: quote for {source.setting} not found verbatim in the seed"
        assert source.clause, source.setting
        assert source.document, source.setting


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_departure_from_the_statute_is_sourced(name: str) -> None:
    policy = load_policy(name)
    cited = {s.setting for s in policy.sources}
    departures = {
        toml_key(field)
        for field, value in policy.to_dict().items()
        if field not in {"name", "title", "sources"} and value != STATUTORY.to_dict()[field]
    }
    assert departures <= cited, f"{name}: settings that differ from the statute without a source"


def _source(policy: Policy, setting: str) -> str:
    quote = next(s.quote for s in policy.sources if s.setting == setting)
    assert quote is not None
    return quote


def test_les_petits() -> None:
    """Seed 000, clause by clause (issue 10 point 7)."""
    policy = load_policy("les-petits")
    assert policy.include_working_method is True
    assert policy.oudercommissie_internal_route is True
    assert policy.electronic_counts_as_written is True
    assert policy.handling_term == "6 weeks"
    # A5: "Als u niet tijdig (binnen 6 weken) een beoordeling van uw klacht heeft ontvangen."
    assert policy.handled_when is HandledWhen.RECEIVED
    assert "binnen 6 weken" in _source(policy, "deadlines.handled_when")
    assert "ontvangen" in _source(policy, "deadlines.handled_when")
    # R29, A10: "alsnog een interne klacht indienen" is a new filing, not a resumed one.
    assert policy.after_meldcode is AfterMeldcode.REFILE
    # R3, A7: "De ouders/verzorgers worden ... op de hoogte gehouden".
    assert policy.include_carers is True
    assert policy.include_guardians is False
    # 1.57b lid 2 a-c, e-f all stated; lid 8: reports "voor iedere ouder opvraagbaar".
    assert (policy.written_submission, policy.careful_investigation, policy.keeps_parent_informed) == (
        True,
        True,
        True,
    )
    assert (policy.reasoned_judgement, policy.concrete_term_for_measures) == (True, True)
    assert policy.annual_report_to_parents is AnnualReportToParents.ON_REQUEST
    assert policy.annual_report_to_ggd is None  # the page does not mention the GGD
    assert policy.klachtenloket is KlachtenloketRole.OPTIONAL
    assert set(policy.direct_access_grounds or ()) == set(DirectAccessGround)
    report = lint_policy(policy)
    assert report.ok
    assert report.codes() == (
        "MELDCODE_REFILE_DEFERS_CLOCK",
        "ANNUAL_REPORT_NOT_TO_PARENTS",
        "HANDLED_WHEN_RECEIVED",
        "WORKING_METHOD_IN_SCOPE",
        "OUDERCOMMISSIE_INTERNAL_ROUTE",
        "CARERS_INCLUDED",
        "NOT_STATED",
        "NOT_STATED",
        "NOT_STATED",
    )
    not_stated = {f.setting for f in report.findings if f.code == "NOT_STATED"}
    assert not_stated == {"regulation.confidentiality", "annual_report.to_ggd", "annual_report.anonymised"}


def test_thuishuis() -> None:
    """Seed 003, clause by clause (issue 10 point 7)."""
    policy = load_policy("thuishuis")
    assert policy.include_working_method is True
    assert policy.oudercommissie_internal_route is False
    # The six weeks are cited to the clause that names them (the direct-access ground), not to the
    # general sentence that the regulation meets art. 1.57b and 1.57c.
    assert "binnen 6 weken" in _source(policy, "deadlines.handling_term")
    assert "1.57b" not in _source(policy, "deadlines.handling_term")
    assert policy.handled_when is HandledWhen.RECEIVED
    assert "ontvangen" in _source(policy, "deadlines.handled_when")
    assert policy.after_meldcode is AfterMeldcode.REFILE
    # R9, lid 5 and 8: anonymised, to the GGD, brought to parents' attention.
    assert policy.annual_report_to_ggd is True
    assert policy.annual_report_to_parents is AnnualReportToParents.BROUGHT_TO_ATTENTION
    assert policy.annual_report_anonymised is True
    # R26: "gratis informatie, advies en bemiddeling": optional.
    assert policy.klachtenloket is KlachtenloketRole.OPTIONAL
    assert "informatie, advies en bemiddeling" in _source(policy, "escalation.klachtenloket")
    # "een schriftelijke reactie" names no reasons: not stated, not assumed.
    assert policy.reasoned_judgement is None
    report = lint_policy(policy)
    assert report.ok
    assert [f.code for f in report.warnings] == ["MELDCODE_REFILE_DEFERS_CLOCK"]
    assert {f.setting for f in report.findings if f.code == "NOT_STATED"} == {
        "regulation.written_submission",
        "regulation.keeps_parent_informed",
        "regulation.reasoned_judgement",
        "regulation.concrete_term_for_measures",
        "regulation.confidentiality",
    }


def test_smallsteps_settings() -> None:
    policy = load_policy("smallsteps")
    assert policy.after_meldcode is AfterMeldcode.CLOSE
    assert policy.first_contact_term == "2 working days"
    assert policy.submission_window == "2 months"
    assert policy.include_prospective_clients is True
    assert policy.oudercommissie_internal_route is True
    assert policy.handled_when is HandledWhen.RECEIVED
    assert policy.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY
    assert policy.klachtenloket is KlachtenloketRole.REQUIRED_BEFORE_GCK
    assert "Lukt dat niet, dan" in _source(policy, "escalation.klachtenloket")
    assert policy.direct_access_grounds == ()


def test_smallsteps_is_laxer_than_the_law_on_paper_only() -> None:
    """'Onze klanten' is narrower than the statutory ouder (R3, A7), but rule R3 keeps a statutory ouder
    eligible, so lint agrees with assess: narrower on paper, a warning (issue 10 point 7)."""
    report = lint_policy(load_policy("smallsteps"))
    assert report.errors == ()
    scope = next(f for f in report.warnings if f.code == "SCOPE_NARROWER_THAN_OUDER")
    assert scope.setting == "scope.complainant_scope"
    assert scope.rule_ids == ("R3", "A7")
    assert {f.code for f in report.warnings} == {
        "SCOPE_NARROWER_THAN_OUDER",
        "MELDCODE_CLOSES_PROCEDURE",
        "SUBMISSION_WINDOW_NOT_A_BAR",
        "KLACHTENLOKET_REQUIRED",
        "DIRECT_ACCESS_GROUNDS_MISSING",
    }
    assert report.exit_code() == 0
    assert report.exit_code(Severity.WARNING) == 1


def test_smallsteps_with_the_statutory_circle_loses_only_the_scope_warning() -> None:
    fixed = attrs.evolve(load_policy("smallsteps"), complainant_scope=ComplainantScope.STATUTORY_OUDER)
    report = lint_policy(fixed)
    assert "SCOPE_NARROWER_THAN_OUDER" not in report.codes()
    assert len(report.warnings) == len(lint_policy(load_policy("smallsteps")).warnings) - 1


def test_statutory_policy_has_no_findings() -> None:
    assert lint_policy(load_policy("statutory")).findings == ()


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_seed_policies_are_reproducible_from_their_mapping(name: str) -> None:
    policy = load_policy(name)
    data = policy.to_dict()
    mapping: dict[str, dict[str, object]] = {}
    for field, value in data.items():
        if field != "sources" and value is not None:
            section, _, key = toml_key(field).partition(".")
            mapping.setdefault(section, {})[key] = value
    assert policy_from_mapping({**mapping, "sources": data["sources"]}) == policy


def test_seed_copies_match_the_shared_seeds_when_present() -> None:
    """The copies in tests/data/seeds are the project's seeds (Thuishuis: personal data redacted)."""
    # In a checkout the project's shared folder sits beside the repository (as in CI).
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    originals = {
        "000-les-petits.txt": "000_9995c1b21545ab4f.txt",
        "001-smallsteps.txt": "001_8b9460999a652f97.txt",
    }
    if not shared.is_dir():
        pytest.skip("the shared seed folder is not available here")
    for copy, original in originals.items():
        assert (SEEDS / copy).read_bytes() == (shared / original).read_bytes()


# --- organisation files for the seed providers (issue 10 point 7) ------------------------------------

ORGS = Path(__file__).resolve().parent.parent / "examples" / "seed-organisations"


def _duties(name: str) -> dict[str, str]:
    org = load_organisation(ORGS / f"{name}.toml")
    ctx = DutyContext(organisation=org, as_of=dt.date(2026, 3, 3), policy=load_policy(name))
    return {d.item: d.outcome.value for d in organisation_duties(ctx) if d.year is None}


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_seed_organisation_files_say_only_what_their_seed_says(name: str) -> None:
    """Unknown stays unknown: no seed states its own affiliation with the Geschillencommissie (K6), its
    LRK numbers or the oudercommissie's advice (K8); each tells parents about the Geschillencommissie (K7)."""
    org = load_organisation(ORGS / f"{name}.toml")
    assert org.lrk_numbers == ()
    assert org.kind is None
    assert org.geschillencommissie.affiliated is None
    assert org.geschillencommissie.informs_parents is True
    assert org.oudercommissie.advised_on_regulation is None
    assert org.annual_reports == ()
    duties = _duties(name)
    assert duties["K6"] == "undetermined"
    assert duties["K7"] == "met"


def test_seed_organisation_files_k1_k2_follow_the_seeds() -> None:
    """K1 (1.57b lid 1) and K2 (lid 2 a-f): Les Petits states every point; Smallsteps names no subjects and
    no careful investigation; Thuishuis states conduct and agreement but not all of lid 2."""
    assert (_duties("les-petits")["K1"], _duties("les-petits")["K2"]) == ("met", "met")
    assert (_duties("smallsteps")["K1"], _duties("smallsteps")["K2"]) == ("undetermined", "undetermined")
    assert (_duties("thuishuis")["K1"], _duties("thuishuis")["K2"]) == ("met", "undetermined")


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_seed_policy_and_organisation_file_agree_on_lid_2(name: str) -> None:
    """The policy ([regulation]) and the organisation file (regulation.provides) describe the same text:
    for 1.57b lid 2 a-c, e-f they say the same (both read from one seed), so K2's merged view
    (regulation_provisions) has each point from both files or from neither, never one file alone or
    two that disagree (KR-K2-SOURCES-DISAGREE)."""
    policy = load_policy(name)
    provides = load_organisation(ORGS / f"{name}.toml").regulation.provides
    assert policy.written_submission == provides.written_submission
    assert policy.careful_investigation == provides.careful_investigation
    assert policy.keeps_parent_informed == provides.keeping_informed
    assert policy.reasoned_judgement == provides.reasoned_judgement
    assert policy.concrete_term_for_measures == provides.concrete_term_for_measures
    merged = regulation_provisions(load_organisation(ORGS / f"{name}.toml"), policy)
    assert {fact.source for fact in merged} <= {ProvisionSource.BOTH, ProvisionSource.NEITHER}


def test_example_policy_and_organisation_agree_on_lid_2() -> None:
    """examples/policy.toml and examples/organisation.toml describe one regulation: every point of lid 2
    a-c, e-f is stated in both, alike (the check golden files use them together)."""
    examples = ORGS.parent
    policy = load_policy(examples / "policy.toml")
    merged = regulation_provisions(load_organisation(examples / "organisation.toml"), policy)
    assert [(fact.value, fact.source) for fact in merged] == [(True, ProvisionSource.BOTH)] * 5
    assert lint_policy(policy).ok
