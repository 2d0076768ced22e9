"""The shipped policies: each loads, cites its seed verbatim, and lints as documented in docs/policies.md."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from klachtregels.policy import (
    AfterMeldcode,
    ComplainantScope,
    HandledWhen,
    Policy,
    load_policy,
    policy_from_mapping,
    shipped_policies,
    toml_key,
)
from klachtregels.policy_lint import Severity, lint_policy

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


def test_les_petits() -> None:
    policy = load_policy("les-petits")
    assert policy.include_working_method is True
    assert policy.oudercommissie_internal_route is True
    assert policy.after_meldcode is AfterMeldcode.RESUME
    assert policy.electronic_counts_as_written is True
    assert policy.handling_term == "6 weeks"
    report = lint_policy(policy)
    assert report.clean
    assert report.codes() == ("WORKING_METHOD_IN_SCOPE", "OUDERCOMMISSIE_INTERNAL_ROUTE")


def test_thuishuis() -> None:
    policy = load_policy("thuishuis")
    assert policy.include_working_method is True
    assert policy.after_meldcode is AfterMeldcode.RESUME
    assert policy.oudercommissie_internal_route is False
    report = lint_policy(policy)
    assert report.clean
    assert report.codes() == ("WORKING_METHOD_IN_SCOPE",)


def test_smallsteps_settings() -> None:
    policy = load_policy("smallsteps")
    assert policy.after_meldcode is AfterMeldcode.CLOSE
    assert policy.first_contact_term == "2 working days"
    assert policy.submission_window == "2 months"
    assert policy.include_prospective_clients is True
    assert policy.oudercommissie_internal_route is True
    assert policy.handled_when is HandledWhen.RECEIVED
    assert policy.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY


def test_smallsteps_is_laxer_than_the_law_on_exactly_one_point() -> None:
    """The seed limits the procedure to 'onze klanten': narrower than the statutory ouder (R3, A7)."""
    report = lint_policy(load_policy("smallsteps"))
    assert [(f.code, f.setting) for f in report.errors] == [
        ("SCOPE_NARROWER_THAN_OUDER", "scope.complainant_scope")
    ]
    assert report.errors[0].rule_ids == ("R3", "A7")
    assert {f.code for f in report.warnings} == {"MELDCODE_CLOSES_PROCEDURE", "SUBMISSION_WINDOW_NOT_A_BAR"}
    assert report.exit_code() == 1


def test_smallsteps_with_the_statutory_circle_is_accepted() -> None:
    """Only the complainant scope makes Smallsteps an error: fixing it leaves warnings, no error."""
    fixed = attrs.evolve(load_policy("smallsteps"), complainant_scope=ComplainantScope.STATUTORY_OUDER)
    report = lint_policy(fixed)
    assert report.ok
    assert not report.clean
    assert report.exit_code() == 0
    assert report.exit_code(Severity.WARNING) == 1


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
