"""Policy files: loading, validation (every problem at once, by key), JSON form."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import klachtregels.testing as kt
from klachtregels.errors import InvalidInputError, KlachtregelsError, PolicyError
from klachtregels.policy import (
    AfterMeldcode,
    AtwMode,
    ComplainantScope,
    Policy,
    load_policy,
    policy_from_mapping,
    shipped_policies,
    toml_key,
)

STATUTORY_TOML = Path(__file__).parents[1] / "src" / "klachtregels" / "policies" / "statutory.toml"


def _write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_policy_is_statutory_baseline() -> None:
    policy = load_policy()
    assert policy == load_policy("statutory")
    # The shipped file and the class defaults agree on every setting the law leaves open: the file only
    # documents the baseline. The points of the regulation's text (issue 10 point 6) default to 'not
    # stated' in the class; the statutory file states them as the law has them.
    stated = dict.fromkeys(REGULATION_TEXT_FIELDS)
    assert attrs.evolve(policy, title=Policy().title, sources=(), **stated) == Policy()
    assert all(getattr(Policy(), name) is None for name in REGULATION_TEXT_FIELDS)
    assert all(getattr(policy, name) not in (None, False) for name in REGULATION_TEXT_FIELDS)


#: The points of the regulation's text (1.57b lid 2, 1.57d, lid 4-8, R20, R26): 'not stated' by default.
REGULATION_TEXT_FIELDS = (
    "written_submission",
    "careful_investigation",
    "keeps_parent_informed",
    "reasoned_judgement",
    "concrete_term_for_measures",
    "confidentiality",
    "registration",
    "annual_report_to_ggd",
    "annual_report_to_parents",
    "annual_report_anonymised",
    "klachtenloket",
    "direct_access_grounds",
)


def test_load_policy_passes_a_policy_through() -> None:
    policy = Policy(name="x", handling_term="4 weeks")
    assert load_policy(policy) is policy


def test_shipped_policies_are_named_by_file() -> None:
    assert set(shipped_policies()) >= {"statutory", "les-petits", "smallsteps", "thuishuis"}
    for name in shipped_policies():
        assert load_policy(name).name == name


def test_load_from_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[policy]
name = "eigen"
[deadlines]
handling_term = "4 weken"
[scope]
include_working_method = true
[meldcode]
after_meldcode = "close"
[house_terms]
first_contact = "2 werkdagen"
[[sources]]
setting = "deadlines.handling_term"
document = "Eigen regeling"
clause = "art. 5"
quote = "binnen vier weken"
""",
    )
    policy = load_policy(path)
    assert policy.name == "eigen"
    assert policy.handling_term == "4 weken"
    assert policy.include_working_method is True
    assert policy.after_meldcode is AfterMeldcode.CLOSE
    assert policy.first_contact_term == "2 werkdagen"
    assert policy.sources[0].clause == "art. 5"
    # Unset settings keep the statutory default.
    assert policy.complainant_scope is ComplainantScope.STATUTORY_OUDER
    assert load_policy(str(path)) == policy


def test_every_problem_is_reported_at_once_by_key(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[deadlines]
handling_term = "na vijf weken"
atw_mode = "sometimes"
exclude_filing_day = "maybe"
[scope]
include_working_method = 2
colour = "blue"
[house_terms]
first_contact = true
[geschillencommissie]
klachtgeld_cents = -5
[extra]
x = 1
[[sources]]
setting = "scope.nonsense"
document = "d"
page = 3
[[sources]]
quote = 5.5
""",
    )
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    message = str(info.value)
    for expected in (
        "deadlines.handling_term: cannot read this term",
        "deadlines.atw_mode: not one of: apply, never, follow_regulation_text",
        "deadlines.exclude_filing_day: expected true or false",
        "scope.include_working_method: expected true or false",
        "scope.colour: unknown setting",
        "house_terms.first_contact: expected text",
        "geschillencommissie.klachtgeld_cents: must be 0 or more",
        "extra: unknown section",
        "sources[0].setting: is not a policy setting",
        "sources[0].page: unknown field",
        "sources[1].setting: required, but missing",
        "sources[1].document: required, but missing",
        "sources[1].quote: expected text",
    ):
        assert expected in message, expected
    assert message.startswith(str(path))
    # The rejected values are never quoted (the kind of problem is named instead).
    assert isinstance(info.value, InvalidInputError)
    said = " ".join(text for _, text in info.value.problems)
    for value in ("na vijf weken", "sometimes", "maybe", "nonsense", "blue", "-5"):
        assert value not in said, value
    assert ("deadlines.atw_mode", "not one of: apply, never, follow_regulation_text") in info.value.problems


def test_unknown_settings_and_words_get_a_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path, '[deadline]\natw_mode = "apply"\n[scope]\ninclude_workingmethod = true\n')
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    message = str(info.value)
    assert "deadline: unknown section (did you mean 'deadlines'?)" in message
    assert "scope.include_workingmethod: unknown setting (did you mean 'include_working_method'?)" in message
    with pytest.raises(PolicyError, match=r"deadlines\.atw_mode: not one of: .*\(did you mean 'never'\?\)"):
        policy_from_mapping({"deadlines": {"atw_mode": "nevr"}})


def test_policy_error_is_typed() -> None:
    with pytest.raises(PolicyError) as info:
        policy_from_mapping({"deadlines": {"handling_term": "soon"}})
    assert isinstance(info.value, KlachtregelsError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[deadlines\nhandling_term = 1", "not valid TOML"),
        ("deadlines = 3", "deadlines: must be a table [deadlines]"),
        ("sources = 'none'", "sources: expected a list"),
        ("sources = [1]", "sources[0]: expected an object"),
        ("[policy]\nname = ''", "policy.name"),
    ],
)
def test_invalid_files(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(_write(tmp_path, text))
    assert fragment in str(info.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[policy]\ntitle = "caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(PolicyError, match="not UTF-8"):
        load_policy(path)


def test_unknown_name_or_missing_file() -> None:
    with pytest.raises(PolicyError, match="not a shipped policy") as info:
        load_policy("no-such-policy")
    assert "smallsteps" in str(info.value)


def test_python_construction_validates_terms() -> None:
    with pytest.raises(PolicyError, match="handling_term"):
        Policy(handling_term="binnenkort")
    with pytest.raises(ValueError, match="atw_mode: not one of"):
        Policy(atw_mode="sometimes")
    # An enum setting accepts its value as text, like the TOML file does.
    assert Policy(atw_mode="never").atw_mode is AtwMode.NEVER


def test_json_form_round_trips() -> None:
    for name in shipped_policies():
        policy = load_policy(name)
        assert Policy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy
    with pytest.raises(InvalidInputError) as info:
        Policy.from_dict({"handled_when": "sent", "colour": "red", "sources": [{"setting": "x"}]})
    assert {path for path, _ in info.value.problems} == {
        "colour",
        "sources[0].setting",
        "sources[0].document",
    }


def test_to_dict_round_trips_through_toml_layout() -> None:
    policy = load_policy("smallsteps")
    data = policy.to_dict()
    assert data["after_meldcode"] == "close"
    assert data["submission_window"] == "2 months"
    assert data["sources"][0]["setting"] == "deadlines.handling_term"
    # Rebuild the TOML structure from the JSON form and load it again.
    mapping: dict[str, dict[str, object]] = {}
    for field, value in data.items():
        if field == "sources" or value is None:
            continue
        section, _, key = toml_key(field).partition(".")
        mapping.setdefault(section, {})[key] = value
    rebuilt = policy_from_mapping({**mapping, "sources": data["sources"]})
    assert rebuilt == policy


def test_every_field_has_a_toml_key() -> None:
    for field in attrs.fields(Policy):
        if field.name == "sources":
            continue
        assert "." in toml_key(field.name), field.name


def test_statutory_file_sets_every_setting_but_unknowns() -> None:
    data = tomllib.loads(STATUTORY_TOML.read_text(encoding="utf-8"))
    given = {f"{section}.{key}" for section, table in data.items() for key in table}
    unset = {toml_key(f.name) for f in attrs.fields(Policy) if f.name != "sources"} - given
    # Settings whose statutory value is "unknown" cannot be written in TOML (no null), and the
    # house-only settings do not exist in the statute.
    assert unset == {
        "deadlines.regulation_applies_atw",
        "scope.app_messages_count_as_written",
        "house_terms.first_contact",
        "house_terms.acknowledgement",
        "house_terms.submission_window",
        "annual_report.to_oudercommissie",  # not a statutory duty: the statute says nothing
    }


@pytest.mark.parametrize("regulation_applies_atw", [True, False, None])
def test_policy_handling_deadline_ignores_regulation_text_unless_following_it(
    regulation_applies_atw: bool | None,
) -> None:
    # A1: regulation_applies_atw only counts with atw_mode follow_regulation_text; a policy that
    # records it under 'apply' must still give the statutory ATW deadline (D04), not an error.
    policy = attrs.evolve(load_policy(), regulation_applies_atw=regulation_applies_atw)
    assert policy.handling_deadline(dt.date(2026, 3, 24)).date == dt.date(2026, 5, 6)
    following = attrs.evolve(policy, atw_mode="follow_regulation_text")
    result = following.handling_deadline(dt.date(2026, 3, 24))
    if regulation_applies_atw is False:
        assert result.date == dt.date(2026, 5, 5)
    else:
        assert result.date == dt.date(2026, 5, 6)
        assert result.atw_undetermined is (regulation_applies_atw is None)


@settings(max_examples=50)
@given(kt.policies())
def test_generated_policies_round_trip_through_json(policy: Policy) -> None:
    assert Policy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy


@pytest.mark.parametrize(
    ("written", "term"), [("binnen vijf weken", "5 weeks"), ("uiterlijk 2 werkdagen", "2 werkdagen")]
)
def test_a_term_with_an_at_most_word_reads_as_the_term_in_toml_and_json(
    tmp_path: Path, written: str, term: str
) -> None:
    """R6 (d) "uiterlijk zes weken": a leading "at most" word is the term itself, in every channel; the
    setting keeps the words as written (the record is never altered)."""
    from klachtregels.policy_lint import lint_policy

    path = _write(
        tmp_path, f'[deadlines]\nhandling_term = "{written}"\n[house_terms]\nfirst_contact = "{written}"\n'
    )
    policy = load_policy(path)
    assert (policy.handling_term, policy.first_contact_term) == (written, written)
    assert Policy.from_dict(policy.to_dict()) == policy  # the JSON form
    plain = Policy(name=policy.name, handling_term=term, first_contact_term=term)
    from klachtregels.model import Complaint
    from klachtregels.rules.handling import house_deadlines

    c = Complaint(received_on=dt.date(2026, 3, 24))
    assert house_deadlines(c, policy) == house_deadlines(c, plain)
    assert [f.code for f in lint_policy(policy).findings] == [f.code for f in lint_policy(plain).findings]


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("na vijf weken", "words before its number"),
        ("binnen vijf weken na ontvangst", "names the day it counts from"),  # each setting says its start
        ("binnen binnen vijf weken", "more than one 'at most' word"),
    ],
)
def test_a_policy_term_that_changes_or_names_its_start_is_refused_by_key(
    tmp_path: Path, written: str, problem: str
) -> None:
    for text in (
        f'[deadlines]\nhandling_term = "{written}"\n',
        f'[house_terms]\nsubmission_window = "{written}"\n',
    ):
        with pytest.raises(InvalidInputError) as info:
            load_policy(_write(tmp_path, text))
        ((key, said),) = info.value.problems
        assert key in ("deadlines.handling_term", "house_terms.submission_window")
        assert problem in said
        assert written not in said
    with pytest.raises(InvalidInputError, match="handling_term"):
        Policy.from_dict({"handling_term": written})
