"""The structuring layer's and the model's problems in both languages (messages/input.toml).

``InvalidInputError.problems`` keeps English text (code written against it keeps working); each
message made by the layer or the model is a ``ProblemText`` that also knows its catalogue entry, so a
rejected register row says the problem in the output's language, and never with the value.
"""

from __future__ import annotations

import copy
import json
import pickle
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from klachtregels import convert, messages
from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Signal
from klachtregels.organisation import MeldcodeFacts, RegulationFacts, RegulationProvisions
from klachtregels.register import read_register

SRC = Path(convert.__file__).resolve().parent
INPUT_TOML = SRC / "messages" / "input.toml"


def _problems(build: Any, **kwargs: Any) -> tuple[tuple[str, str], ...]:
    with pytest.raises(InvalidInputError) as info:
        build(**kwargs)
    return info.value.problems


# Each case: how to provoke it, and the problem's code.
CASES: list[tuple[str, Any, dict[str, Any], str]] = [
    ("bad word", Complaint, {"channel": "brif"}, "INPUT_NOT_ONE_OF"),
    ("word of the wrong kind", Complaint, {"channel": 3}, "INPUT_EXPECTED_ONE_OF"),
    ("no date", Complaint, {"received_on": "morgen"}, "DATE_FORMAT"),
    ("date of the wrong kind", Complaint, {"received_on": 3.5}, "INPUT_EXPECTED"),
    ("boolean", Complaint, {"judge_is_subject": "misschien"}, "INPUT_EXPECTED_BOOLEAN"),
    ("text", Complaint, {"description": ["a"]}, "INPUT_EXPECTED"),
    ("list", Complaint, {"subjects": 3}, "INPUT_EXPECTED"),
    ("subject twice", Complaint, {"subjects": ["conduct", "conduct"]}, "INPUT_LISTED_TWICE"),
    (
        "before receipt",
        Complaint,
        {"received_on": "2026-03-02", "first_contact_on": "2026-03-01"},
        "INPUT_BEFORE_RECEIVED",
    ),
    (
        "after receipt",
        Complaint,
        {"received_on": "2026-03-02", "arose_on": "2026-03-05"},
        "INPUT_AFTER_RECEIVED",
    ),
    (
        "judgement received before sent",
        Judgement,
        {"sent_on": "2026-03-05", "received_on": "2026-03-02"},
        "INPUT_BEFORE_SENT",
    ),
    (
        "suspect",
        Signal,
        {"kind": "sexual_behaviour_between_children", "suspect": "staff"},
        "INPUT_SUSPECT_CHILDREN",
    ),
    (
        "advice after filing",
        GckFiling,
        {"filed_on": "2026-03-02", "advice_requested": True, "advice_requested_on": "2026-03-09"},
        "INPUT_AFTER_FILED",
    ),
    # The organisation file contradicting itself (organisation.CONTRADICTIONS; K1-K3, K9).
    (
        "written, none adopted",
        RegulationFacts,
        {"adopted": False, "written": True},
        "INPUT_WRITTEN_WITHOUT_REGULATION",
    ),
    (
        "covers conduct, none adopted",
        RegulationFacts,
        {"adopted": False, "covers_conduct": True},
        "INPUT_COVERS_CONDUCT_WITHOUT_REGULATION",
    ),
    (
        "covers the agreement, none adopted",
        RegulationFacts,
        {"adopted": False, "covers_agreement": True},
        "INPUT_COVERS_AGREEMENT_WITHOUT_REGULATION",
    ),
    (
        "provides, none adopted",
        RegulationFacts,
        {"adopted": False, "provides": RegulationProvisions(reasoned_judgement=True)},
        "INPUT_PROVIDES_WITHOUT_REGULATION",
    ),
    (
        "published, none adopted",
        RegulationFacts,
        {"adopted": False, "published_to_parents": True},
        "INPUT_PUBLISHED_WITHOUT_REGULATION",
    ),
    (
        "promoted, none adopted",
        MeldcodeFacts,
        {"adopted": False, "promoted": True},
        "INPUT_PROMOTED_WITHOUT_MELDCODE",
    ),
]


@pytest.mark.parametrize(("label", "build", "kwargs", "code"), CASES, ids=[c[0] for c in CASES])
def test_each_problem_has_its_catalogue_entry_in_both_languages(
    label: str, build: Any, kwargs: dict[str, Any], code: str
) -> None:
    found = [m for _, m in _problems(build, **kwargs) if m.message.code == code]  # type: ignore[attr-defined]
    assert found, f"{label}: no {code}"
    problem = found[0]
    assert isinstance(problem, convert.ProblemText)
    assert str(problem) == problem.render("en") == messages.text(code, "en", **problem.message.params)
    dutch = problem.render("nl")
    assert dutch != problem.render("en") or code == "VALUE_NULL"
    # No English left in the Dutch text (every code's Dutch is Dutch: checked word by word below).
    assert not re.search(r"\b(expected|got|not one of|did you mean|before|after|is false)\b", dutch), dutch


def test_problem_texts_compare_pickle_and_copy_as_their_english_text() -> None:
    problem = convert.ProblemText("INPUT_NOT_ONE_OF", allowed="a, b", hint="")
    assert problem == "not one of: a, b"
    assert hash(problem) == hash("not one of: a, b")
    for twin in (pickle.loads(pickle.dumps(problem)), copy.deepcopy(problem), copy.copy(problem)):
        assert twin == problem
        assert twin.render("nl") == "niet een van: a, b"


def test_the_did_you_mean_is_said_in_the_language() -> None:
    (problem,) = (m for p, m in _problems(Complaint, channel="brif") if p == "channel")
    assert str(problem).endswith("(did you mean 'brief'?)")
    assert problem.render("nl").endswith("(bedoelt u 'brief'?)")  # type: ignore[attr-defined]


def test_unknown_keys_by_what_they_name() -> None:
    for what in ("field", "key", "section", "setting"):
        code = f"INPUT_UNKNOWN_{what.upper()}"
        path, problem = convert.unknown_key("a", "colr", ["colour"], what)
        assert path == "a.colr"
        assert problem == f"unknown {what} (did you mean 'colour'?)"
        assert problem.message.code == code  # type: ignore[attr-defined]
    path, problem = convert.unknown_key("a", "Jan de Vries", ["colour"])
    assert path == "a"
    assert problem == "an unknown key (not shown)"
    assert problem.render("nl") == "een onbekende sleutel (niet getoond)"  # type: ignore[attr-defined]


def test_every_entry_of_the_catalogue_file_is_made_somewhere() -> None:
    """No dead entry: each code of input.toml is named in the layer, the model, the organisation file or
    the pydantic adapters (which name the shipped policies a service accepts)."""
    codes = set(tomllib.loads(INPUT_TOML.read_text(encoding="utf-8")))
    source = "".join(
        (SRC / name).read_text(encoding="utf-8")
        for name in (
            "convert.py",
            "model.py",
            "policy.py",
            "register/cells.py",
            "organisation.py",
            "pydantic.py",
        )
    )
    # _UNKNOWN maps the words to codes, _SUSPECT_PROBLEM the signal kinds, _KINDS the kinds.
    assert {code for code in codes if f'"{code}"' not in source} == set()


def _register(tmp_path: Path) -> Path:
    path = tmp_path / "register.csv"
    path.write_text(
        "id,received_on,channel,first_contact_on,measures\n"
        'A1,2026-01-05,brief,,"[{""nmae"": 1, ""due_on"": ""2026-02-31""}]"\n'
        "A2,2026-01-05,brief,2026-01-01,\n",
        encoding="utf-8",
    )
    return path


def test_a_rejected_row_says_the_models_problem_in_the_outputs_language(tmp_path: Path) -> None:
    path = _register(tmp_path)
    read = read_register(path)
    records = list(read)
    assert records == []
    errors = {e.row: e for e in read.errors}
    assert set(errors) == {2, 3}
    assert errors[3].text("en") == "is before received_on"
    assert errors[3].text("nl") == "ligt vóór received_on"
    assert errors[2].text("en") == (
        "measure 0 is invalid: due_on: not a real ISO date; use YYYY-MM-DD, dd-mm-jjjj, d/m/jjjj, "
        "3 maart 2026 or 3 March 2026; an unknown key (not shown)"
    )
    assert errors[2].text("nl") == (
        "maatregel 0 is ongeldig: due_on: geen bestaande ISO-datum; gebruik JJJJ-MM-DD, dd-mm-jjjj, "
        "d/m/jjjj, 3 maart 2026 of 3 March 2026; een onbekende sleutel (niet getoond)"
    )
    assert errors[2].to_dict()["message"]["nl"] == errors[2].text("nl")


def test_the_dutch_check_output_has_no_english_problem_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _register(tmp_path)
    assert main(["check", str(path), "--lang", "nl", "--as-of", "2026-06-01"]) == 1
    out = capsys.readouterr().out
    assert "ligt vóór received_on" in out
    assert "geen bestaande ISO-datum" in out
    for english in ("is before", "unknown", "not a real", "invalid", "ongeldig gegeven"):
        assert english not in out
    assert "2026-02-31" not in out  # the value is never echoed
    assert main(["check", str(path), "--lang", "nl", "--format", "json", "--as-of", "2026-06-01"]) == 1
    rejected = json.loads(capsys.readouterr().out)
    assert "ligt vóór received_on" in json.dumps(rejected, ensure_ascii=False)


def test_measure_problems_keep_the_values_out(tmp_path: Path) -> None:
    secret = "Jan de Vries"
    with pytest.raises(InvalidInputError) as info:
        Measure.from_dict({secret: 1, "due_on": secret})
    assert secret not in str(info.value)
    assert all(secret not in m.render("nl") for _, m in info.value.problems)  # type: ignore[attr-defined]


def test_a_cells_kind_is_named_in_the_outputs_language(tmp_path: Path) -> None:
    """A JSON register's value of the wrong kind: the kind in Dutch and English, never the value."""
    path = tmp_path / "register.jsonl"
    path.write_text(
        '{"id": "A1", "received_on": 20260101, "channel": true, "subjects": {"a": 1}}\n', encoding="utf-8"
    )
    read = read_register(path)
    assert list(read) == []
    texts = {e.column: (e.text("nl"), e.text("en")) for e in read.errors}
    assert texts["received_on"] == (
        "verwacht een datum (JJJJ-MM-DD, dd-mm-jjjj, d/m/jjjj, 3 maart 2026 of 3 March 2026), niet een getal",
        "expected a date (YYYY-MM-DD, dd-mm-jjjj, d/m/jjjj, 3 maart 2026 or 3 March 2026), got a number",
    )
    assert texts["channel"] == (
        "verwacht een woord, niet een ja/nee-waarde",
        "expected a word, got a boolean",
    )
    assert texts["subjects"] == ("verwacht een lijst, niet een JSON-object", "expected a list, got an object")


def test_a_users_object_with_a_kind_attribute_is_named_by_its_type() -> None:
    """Only the spreadsheet's own odd cells name their kind by code; any other object its type."""
    from klachtregels.register.cells import CellProblem, parse_date

    class Tag:
        kind = "note"

    with pytest.raises(CellProblem) as info:
        parse_date(Tag())
    got = info.value.params["got"]
    assert messages.text(info.value.code, "en", got=got).endswith("), got Tag")
