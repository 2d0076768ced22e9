"""The organisation file: TOML, validated, unknown facts stay None."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from klachtregels.errors import InvalidInputError
from klachtregels.model import ProviderKind
from klachtregels.organisation import Organisation, load_organisation, parse_organisation

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_the_example_organisation_and_policy_state_one_handling_term() -> None:
    """examples/organisation.toml (check K2's source) and examples/policy.toml (the house term counted,
    quoting the same regulation's art. 6) describe one regulation: its handling term is one fact (R6)."""
    from klachtregels.policy import load_policy
    from klachtregels.rules.organisation import handling_term_within_statute
    from klachtregels.terms import Term

    org = load_organisation(EXAMPLES / "organisation.toml")
    policy = load_policy(EXAMPLES / "policy.toml")
    written = org.regulation.provides.handling_term
    assert written is not None
    assert Term.parse(written, from_receipt=True) == Term.parse(policy.handling_term) == Term(5, "weeks")
    assert handling_term_within_statute(written) is True


def test_synthetic_example_loads_every_section() -> None:
    org = load_organisation(EXAMPLES / "organisation.toml")
    assert org.kind is ProviderKind.KINDERCENTRUM
    assert [loc.name for loc in org.locations] == ["KDV De Voorbeeldtuin", "BSO De Uitkijk"]
    assert org.locations[0].lrk_number == "100000001"
    assert org.regulation.provides.handling_term == "binnen vijf weken na ontvangst"  # kept as written
    assert org.regulation.provides.concrete_term_for_measures is True
    assert org.meldcode.staff_know_meldplicht is True
    report = org.annual_report(2024)
    assert report is not None
    assert report.sent_to_ggd_on == dt.date(2025, 5, 27)
    assert org.annual_report(2023) is None


def test_partou_example_keeps_unstated_facts_unknown() -> None:
    org = load_organisation(EXAMPLES / "partou-2025" / "organisation.toml")
    assert org.name == "Partou kinderopvang"
    assert org.children_served == 72684
    assert org.geschillencommissie.affiliated is True
    # The seed says nothing about these: unknown, never False.
    assert org.regulation.provides.reasoned_judgement is None
    assert org.oudercommissie.advised_on_regulation is None
    assert org.meldcode.adopted is None
    assert org.locations == ()


def test_absent_sections_are_unknown() -> None:
    org = parse_organisation({"name": "X"})
    assert org.kind is None
    assert org.regulation.adopted is None
    assert org.regulation.provides.handling_term is None
    assert org.geschillencommissie.informs_parents is None
    assert org.annual_reports == ()


def test_every_problem_is_named_by_key() -> None:
    data = {
        "name": "X",
        "kind": "creche",
        "lrk_numbers": ["123"],
        "locations": [{"name": "A", "lrk": "12"}],
        "regulation": {"adopted": "maybe", "provides": {"handling_term": True, "typo": True}},
        "annual_reports": [{"year": 2024, "sent_to_ggd_on": "2024-05-01"}],
        "colour": "red",
    }
    with pytest.raises(InvalidInputError) as exc:
        parse_organisation(data)
    keys = {k for k, _m in exc.value.problems}
    assert keys == {
        "kind",
        "lrk_numbers[0]",
        "locations[0].lrk",
        "regulation.adopted",
        "regulation.provides.handling_term",
        "regulation.provides.typo",
        "annual_reports[0].sent_to_ggd_on",
        "colour",
    }


def test_name_required_and_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="name"):
        parse_organisation({"kind": "kindercentrum"})
    bad = tmp_path / "org.toml"
    bad.write_text("name = \n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="not valid TOML"):
        load_organisation(bad)


def test_duplicate_annual_report_year() -> None:
    with pytest.raises(InvalidInputError, match=r"annual_reports\[1\]\.year"):
        parse_organisation({"name": "X", "annual_reports": [{"year": 2024}, {"year": 2024}]})


def test_problems_suggest_the_key_and_never_quote_the_value() -> None:
    canary = "Wilhelmina Zwanenburg"
    data = {
        "name": "X",
        "kind": "kindercentrun",
        "regulaton": {"adopted": True},
        "locations": [{"name": "A", "lrk": canary, "knd": "gastouderbureau"}],
        "regulation": {"description": " ", "provides": {"handling_trm": canary}},
        "children_served": -3,
        "annual_reports": [{"year": 25}],
    }
    with pytest.raises(InvalidInputError) as exc:
        parse_organisation(data)
    problems = dict(exc.value.problems)
    assert problems["regulaton"] == "unknown field (did you mean 'regulation'?)"
    assert problems["locations[0].knd"] == "unknown field (did you mean 'kind'?)"
    assert problems["regulation.provides.handling_trm"] == "unknown field (did you mean 'handling_term'?)"
    assert problems["kind"].endswith("(did you mean 'kindercentrum'?)")
    assert problems["locations[0].lrk"] == "not a 9-digit LRK number"
    assert problems["regulation.description"] == "must not be empty"
    assert problems["children_served"] == "must be 0 or more"
    assert problems["annual_reports[0].year"] == "not a year such as 2025"
    assert canary not in str(exc.value)


def test_lrk_numbers_may_be_toml_integers_and_reports_are_in_year_order() -> None:
    org = parse_organisation(
        {
            "name": "X",
            "lrk_numbers": [123456789, "987654321"],
            "locations": [{"name": "A", "lrk": 100000001}],
            "annual_reports": [{"year": 2025}, {"year": 2023, "sent_to_ggd_on": dt.date(2024, 5, 31)}],
        }
    )
    assert org.lrk_numbers == ("123456789", "987654321")
    assert org.locations[0].lrk_number == "100000001"
    assert [r.year for r in org.annual_reports] == [2023, 2025]
    assert org.annual_reports[0].sent_to_ggd_date == dt.date(2024, 5, 31)


def test_json_form_round_trips() -> None:
    for path in (EXAMPLES / "organisation.toml", EXAMPLES / "partou-2025" / "organisation.toml"):
        org = load_organisation(path)
        assert Organisation.from_dict(json.loads(json.dumps(org.to_dict()))) == org
