"""An organisation file that contradicts itself is refused (organisation.CONTRADICTIONS).

A fact given as true that presupposes one the file gives as false (regulation.md section 7: K1-K3 speak
of an adopted regulation, K9 of an adopted meldcode) is bad input, refused the way the model refuses a
judgement before the complaint (``model.judgement_order``): one ``InvalidInputError`` naming every
contradictory key with the kind of problem, never a value. A fact left out, or given as false,
contradicts nothing, and neither do facts that presuppose nothing the file denies.
"""

from __future__ import annotations

import itertools
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from klachtregels import messages
from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.organisation import (
    CONTRADICTIONS,
    MeldcodeFacts,
    Organisation,
    RegulationFacts,
    load_organisation,
    parse_organisation,
)
from klachtregels.rules.organisation import DUTIES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ORG = ROOT / "examples" / "organisation.toml"
REGISTER = str(ROOT / "examples" / "register.csv")


def _with(data: dict[str, Any], key: str, value: bool | None) -> None:
    """Set (or, for ``None``, leave out) the dotted ``key`` of the file's data."""
    *path, last = key.split(".")
    for name in path:
        data = data.setdefault(name, {})
    if value is None:
        data.pop(last, None)
    else:
        data[last] = value


def _file(facts: dict[str, Any] | None = None) -> dict[str, Any]:
    """A file with only a name and ``facts`` (dotted keys)."""
    data: dict[str, Any] = {"name": "Kinderopvang Test B.V."}
    for key, value in (facts or {}).items():
        _with(data, key, value)
    return data


def _get(plain: dict[str, Any], key: str) -> Any:
    """The dotted ``key`` of an organisation's JSON form."""
    value: Any = plain
    for name in key.split("."):
        value = value[name]
    return value


def _refused(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(InvalidInputError) as info:
        parse_organisation(data)
    return dict(info.value.problems)


def test_each_pair_names_two_yes_no_facts_of_one_section_and_a_k_item() -> None:
    """The table is data a reader can trust: both keys are true/false facts of the file, in the same
    section; the item is one of K1-K9; the problem is in the catalogue in Dutch and English."""
    items = {duty.item for duty in DUTIES}
    assert len({pair.fact for pair in CONTRADICTIONS}) == len(CONTRADICTIONS)
    for pair in CONTRADICTIONS:
        assert pair.item in items
        assert pair.fact.split(".")[0] == pair.premise.split(".")[0]
        for key in (pair.fact, pair.premise):
            data = _file()
            _with(data, key, "misschien")  # type: ignore[arg-type]
            assert _refused(data)[key].startswith("expected true or false"), key
        assert messages.text(pair.problem, "en") != messages.text(pair.problem, "nl")
        assert pair.premise in messages.text(pair.problem, "en")


@pytest.mark.parametrize("pair", CONTRADICTIONS, ids=lambda p: p.fact)
@pytest.mark.parametrize(("fact", "premise"), list(itertools.product([True, False, None], repeat=2)))
def test_a_fact_is_refused_only_when_true_against_a_false_premise(
    pair: Any, fact: bool | None, premise: bool | None
) -> None:
    data = _file()
    _with(data, pair.fact, fact)
    _with(data, pair.premise, premise)
    if fact is True and premise is False:
        problems = _refused(data)
        assert list(problems) == [pair.fact]
        assert problems[pair.fact] == messages.text(pair.problem, "en")
    else:
        plain = parse_organisation(data).to_dict()  # accepted, and both facts kept as given
        assert (_get(plain, pair.fact), _get(plain, pair.premise)) == (fact, premise)


def test_every_contradictory_pair_is_named_at_once_with_its_kind_never_a_value() -> None:
    """The shipped example with regulation.adopted, meldcode.adopted and oudercommissie.established
    turned false: twelve facts presuppose what is now denied; one error names all twelve, in the
    catalogue's words."""
    data = tomllib.loads(EXAMPLE_ORG.read_text(encoding="utf-8"))
    data["regulation"]["adopted"] = False
    data["meldcode"]["adopted"] = False
    data["oudercommissie"]["established"] = False
    with pytest.raises(InvalidInputError) as info:
        parse_organisation(data)
    problems = dict(info.value.problems)
    assert set(problems) == {pair.fact for pair in CONTRADICTIONS}
    assert problems["regulation.published_to_parents"] == (
        "says the regulation was brought to parents' attention, but also that none was adopted "
        "(regulation.adopted)"
    )
    assert problems["meldcode.promoted"].render("nl") == (  # type: ignore[attr-defined]
        "zegt dat de meldcode wordt bevorderd, maar ook dat er geen is vastgesteld (meldcode.adopted)"
    )
    # The texts of the file (description, handling term, how parents were told) are not refused
    # and never repeated.
    for text in (
        data["regulation"]["description"],
        data["regulation"]["how_parents_informed"],
        data["regulation"]["provides"]["handling_term"],
    ):
        assert text not in str(info.value)
    assert "true" not in str(info.value).lower().replace("(regulation.adopted)", "")


def test_the_toml_file_the_json_form_and_python_all_refuse_it(tmp_path: Path) -> None:
    path = tmp_path / "organisation.toml"
    path.write_text(
        'name = "X"\n[regulation]\nadopted = false\npublished_to_parents = true\n'
        "[meldcode]\nadopted = false\npromoted = true\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as from_file:
        load_organisation(path)
    assert [key for key, _ in from_file.value.problems] == [
        "regulation.published_to_parents",
        "meldcode.promoted",
    ]
    assert str(path) in str(from_file.value)
    with pytest.raises(InvalidInputError) as from_json:
        Organisation.from_dict(json.loads(json.dumps(tomllib.loads(path.read_text(encoding="utf-8")))))
    assert from_json.value.problems == from_file.value.problems
    # Built in Python, a section refuses itself: its key is relative to it.
    with pytest.raises(InvalidInputError) as section:
        RegulationFacts(adopted=False, published_to_parents=True)
    assert [key for key, _ in section.value.problems] == ["published_to_parents"]
    with pytest.raises(InvalidInputError):
        MeldcodeFacts(adopted=False, promoted=True)


def test_check_refuses_a_contradictory_organisation_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``klachtregels check --org``: bad input, exit 2, no K item answered, no traceback."""
    org = tmp_path / "org.toml"
    org.write_text(
        'name = "X"\n[regulation]\nadopted = false\nwritten = true\n'
        "[regulation.provides]\nkeeping_informed = true\n",
        encoding="utf-8",
    )
    assert main(["check", REGISTER, "--org", str(org), "--as-of", "2026-05-07"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("klachtregels: error:")
    assert "regulation.written: says the regulation is written down" in captured.err
    assert "regulation.provides.keeping_informed: says the regulation provides for this" in captured.err
    assert "Traceback" not in captured.err
    assert "K1" not in captured.out


@pytest.mark.parametrize(
    "facts",
    [
        # A text says no yes or no (it may say there is none); the report needs it even then (R9 lid 4).
        {
            "regulation.adopted": False,
            "regulation.description": "Er is nog geen klachtenregeling vastgesteld.",
            "regulation.how_parents_informed": "Niet.",
            "regulation.provides.handling_term": "6 weken",
        },
        # Given as false, or left out, agrees with 'none adopted'.
        {"regulation.adopted": False, "regulation.written": False, "regulation.published_to_parents": False},
        {"meldcode.adopted": False, "meldcode.promoted": False},
        # Unknown adoption: nothing is denied (K1 stays undetermined).
        {"regulation.adopted": None, "regulation.published_to_parents": True, "meldcode.promoted": True},
        # K2 asks for a written regulation and its provisions; neither presupposes the other.
        {
            "regulation.adopted": True,
            "regulation.written": False,
            "regulation.provides.keeping_informed": True,
        },
        {"regulation.adopted": True, "regulation.written": False, "regulation.published_to_parents": True},
        # The meldplicht is the statute's (1.51b), not the meldcode's (K9).
        {"meldcode.adopted": False, "meldcode.staff_know_meldplicht": True},
        # K6, K7, K8: telling of the route, or asking advice on adopting one, presupposes neither.
        {"geschillencommissie.affiliated": False, "geschillencommissie.informs_parents": True},
        {
            "regulation.adopted": False,
            "oudercommissie.advised_on_regulation": True,
            "oudercommissie.informed_about_gck": True,
            "geschillencommissie.affiliated": False,
        },
    ],
    ids=[
        "texts",
        "denied",
        "meldcode-denied",
        "unknown",
        "unwritten",
        "unwritten-published",
        "meldplicht",
        "gck",
        "oudercommissie",
    ],
)
def test_facts_that_presuppose_nothing_the_file_denies_are_accepted(facts: dict[str, Any]) -> None:
    plain = parse_organisation(_file(facts)).to_dict()
    for key, value in facts.items():
        assert _get(plain, key) == value, key


def test_annual_report_records_contradict_nothing_else_in_the_file() -> None:
    """K5 (R9): a report on a year, sent and made known, with no regulation or meldcode adopted, is
    accepted (a report's own days are checked apart: sent after its year)."""
    org = parse_organisation(
        _file({"regulation.adopted": False, "meldcode.adopted": False})
        | {"annual_reports": [{"year": 2024, "sent_to_ggd_on": "2025-05-20", "made_known_to_parents": True}]}
    )
    assert org.annual_reports[0].made_known_to_parents is True


@pytest.mark.parametrize(
    ("other", "problem"),
    [
        # A problem in the contradiction's own section (which is then never built) ...
        ({"regulation.description": ""}, ("regulation.description", "must not be empty")),
        (
            {"regulation.provides.handling_term": " "},
            ("regulation.provides.handling_term", "must not be empty"),
        ),
        ({"regulation.publishd": True}, ("regulation.publishd", "unknown field")),
        ({"regulation.written": "misschien"}, ("regulation.written", None)),
        # ... or elsewhere, as before.
        ({"children_served": -1}, ("children_served", "must be 0 or more")),
        ({"name": ""}, ("name", "must not be empty")),
    ],
)
def test_a_contradiction_is_reported_with_the_other_problems(
    tmp_path: Path, other: dict[str, Any], problem: tuple[str, str | None]
) -> None:
    """All problems at once: a contradiction between two valid facts (regulation.published_to_parents
    true, regulation.adopted false: K3) does not wait until the file's other problems are fixed, in
    the TOML file and the JSON form alike."""
    data = _file({"regulation.adopted": False, "regulation.published_to_parents": True, **other})
    with pytest.raises(InvalidInputError) as info:
        parse_organisation(data)
    found = dict(info.value.problems)
    key, message = problem
    assert key in found
    if message is not None:
        assert found[key] == message
    assert found["regulation.published_to_parents"] == (
        "says the regulation was brought to parents' attention, but also that none was adopted "
        "(regulation.adopted)"
    )
    assert len(info.value.problems) == 2  # each problem once
    with pytest.raises(InvalidInputError) as from_json:
        Organisation.from_dict(data)
    assert dict(from_json.value.problems).keys() == found.keys()


def test_every_pair_is_reported_beside_a_problem_in_its_section() -> None:
    """Each pair of CONTRADICTIONS, with an unknown key in its fact's section: both named at once."""
    for pair in CONTRADICTIONS:
        section = pair.fact.split(".")[0]
        data = _file({pair.fact: True, pair.premise: False, f"{section}.unknown_fact": True})
        with pytest.raises(InvalidInputError) as info:
            parse_organisation(data)
        assert [key for key, _ in info.value.problems] == [f"{section}.unknown_fact", pair.fact], pair


@pytest.mark.parametrize(
    "facts",
    [
        # A premise or a fact that is itself wrong is reported as wrong, and no contradiction is read
        # into it (the file does not say false, or true).
        {"regulation.adopted": "misschien", "regulation.published_to_parents": True},
        {"regulation.adopted": False, "regulation.published_to_parents": "misschien"},
        {"regulation.adopted": False, "regulation.published_to_parents": [True]},
        {"regulation": "geen tabel"},
    ],
)
def test_a_fact_that_is_itself_invalid_makes_no_contradiction(facts: dict[str, Any]) -> None:
    data = _file()
    data.update({k: v for k, v in facts.items() if "." not in k})
    for key, value in facts.items():
        if "." in key:
            _with(data, key, value)
    with pytest.raises(InvalidInputError) as info:
        parse_organisation(data)
    assert len(info.value.problems) == 1
    assert "none was adopted" not in str(info.value)


def test_the_words_of_the_file_count_as_its_booleans() -> None:
    """``"nee"`` and ``"ja"`` are read as the structuring layer reads them (false, true)."""
    data = _file(
        {"regulation.adopted": "nee", "regulation.published_to_parents": "ja", "regulation.description": ""}
    )
    with pytest.raises(InvalidInputError) as info:
        parse_organisation(data)
    assert [key for key, _ in info.value.problems] == [
        "regulation.description",
        "regulation.published_to_parents",
    ]
