"""The rule catalogue (``klachtregels rules``): text from the message catalogue, each rule once."""

from __future__ import annotations

import json
import tomllib
from importlib import resources

import pytest

from klachtregels.messages import UnknownLanguageError, has_text, text
from klachtregels.rules.catalogue import FORMATS, SPECS, all_rules, catalogue_dict, render_rules
from klachtregels.vocabulary import DecisionKind


def test_every_section_has_a_title_in_both_languages() -> None:
    for key, _spec in SPECS:
        code = f"CATALOGUE_SECTION_{key.upper()}"
        assert has_text(code), key
        assert text(code, "nl") != text(code, "en")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["de", "", "NL", "english"])
def test_unknown_language_is_an_error_in_every_format(fmt: str, lang: str) -> None:
    with pytest.raises(UnknownLanguageError):
        render_rules(fmt, lang)


def test_unknown_format_is_a_value_error_that_does_not_repeat_it() -> None:
    with pytest.raises(ValueError, match="fmt: is not one of") as info:
        render_rules("Jansen-pdf", "nl")
    assert "Jansen" not in str(info.value)


def test_text_is_in_the_language_asked_for() -> None:
    nl, en = render_rules("text", "nl"), render_rules("text", "en")
    assert nl.startswith(text("CATALOGUE_SECTION_ELIGIBILITY", "nl") + " [eligibility]")
    assert en.startswith(text("CATALOGUE_SECTION_ELIGIBILITY", "en") + " [eligibility]")
    assert "Uitkomsten (hoog → laag): " in nl
    assert "Outcomes (high → low): " in en
    assert "– heden |" in nl
    assert "– present |" in en
    assert "heden" not in en


def test_markdown_marks_cumulative_decisions() -> None:
    md = render_rules("md", "nl")
    assert md.startswith("# Regelcatalogus\n")
    cumulative = [spec for _key, spec in SPECS if spec.cumulative]
    assert cumulative
    for spec in cumulative:
        assert f"Standaard: `{spec.default}`; cumulatief." in md
    assert "- Bronnen: [Wko art. 1.57b" in md
    assert "- Sources: [Wko art. 1.57b" in render_rules("md", "en")


def test_rule_titles_follow_the_language() -> None:
    rule = all_rules()[0]
    titles = rule.to_dict()["title"]
    assert f"### {rule.id}: {titles['nl']}" in render_rules("md", "nl")
    assert f"### {rule.id}: {titles['en']}" in render_rules("md", "en")


def test_json_holds_both_languages_and_every_spec() -> None:
    data = json.loads(render_rules("json", "en"))
    assert data == json.loads(render_rules("json", "nl"))
    assert data == json.loads(json.dumps(catalogue_dict()))
    assert [d["key"] for d in data["decisions"]] == [key for key, _spec in SPECS]
    first = data["decisions"][0]["rules"][0]
    assert set(first["title"]) == {"nl", "en"}


def test_all_rules_lists_each_rule_once() -> None:
    rules = all_rules()
    keys = [(r.decision, r.id, r.valid_from) for r in rules]
    assert len(keys) == len(set(keys))
    every = {(r.decision, r.id, r.valid_from) for _key, spec in SPECS for r in spec.rules}
    assert set(keys) == every


@pytest.mark.parametrize(
    "kind",
    [DecisionKind.ELIGIBILITY, DecisionKind.PRECEDENCE, DecisionKind.HANDLING, DecisionKind.GCK_ACCESS],
)
def test_all_rules_filters_by_decision_kind(kind: DecisionKind) -> None:
    rules = all_rules(kind)
    assert rules
    assert all(r.decision == kind for r in rules)
    assert rules == all_rules(kind.value)  # the plain string still works


def test_all_rules_rejects_an_unknown_decision() -> None:
    with pytest.raises(ValueError, match="decision"):
        all_rules("eligibilty")


def test_catalogue_messages_have_no_stale_section() -> None:
    entries = tomllib.loads(
        resources.files("klachtregels.messages").joinpath("catalogue.toml").read_text("utf-8")
    )
    sections = {code for code in entries if code.startswith("CATALOGUE_SECTION_")}
    assert sections == {f"CATALOGUE_SECTION_{key.upper()}" for key, _spec in SPECS}
