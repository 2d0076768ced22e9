"""Regressions from fuzzing ``from_dict`` with hostile input (tests/fuzz/test_fuzz_from_dict.py).

Each case is one input the fuzzer found that raised something other than
:class:`~klachtregels.errors.InvalidInputError`, or that was read into an object whose
``to_dict()`` did not read back equal. Every error names the place and the kind of problem, never
the value.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, Final

import pytest

import klachtregels as kr
from klachtregels.compliance.findings import CheckResult
from klachtregels.engine import Reason
from klachtregels.errors import InvalidInputError
from klachtregels.register.mapping import ColumnMapping, MappingError
from klachtregels.terms import Deadline

MARKER: Final = "Jansen 0612345678!"
AS_OF: Final = dt.date(2026, 1, 15)


def _problems(cls: Any, data: Any) -> dict[str, str]:
    with pytest.raises(InvalidInputError) as info:
        cls.from_dict(data)
    assert "Jansen" not in str(info.value)
    return dict(info.value.problems)


def _round_trips(cls: Any, data: Any) -> None:
    obj = cls.from_dict(data)
    assert cls.from_dict(obj.to_dict()) == obj


# --- citations (in a reason, a decision, a deadline, a non-working day) ------------------------------


def _reason() -> dict[str, Any]:
    return {
        "rule_id": "R1",
        "outcome": None,
        "set_aside": False,
        "citations": [kr.handling_deadline(dt.date(2025, 3, 3)).citations[0].to_dict()],
        "message": {"nl": "tekst", "en": "text"},
    }


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("article", True),  # was TypeError in Citation.url: argument of type 'bool' is not iterable
        ("article", float("nan")),
        ("lid", [MARKER]),
        ("sub", {"nl": MARKER}),
        ("note", float("nan")),  # was read: the reason never equalled itself read back
        ("url", 5.5),  # was TypeError: argument of type 'float' is not iterable
        ("law", [MARKER]),
        ("label", b"x"),
    ],
)
def test_a_citation_value_of_another_type_is_a_problem_at_its_key(key: str, value: Any) -> None:
    data = _reason()
    data["citations"][0][key] = value
    assert set(_problems(Reason, data)) == {f"citations[0].{key}"}


def test_a_citation_in_a_loop_is_a_problem_not_a_recursion_error() -> None:
    loop: list[Any] = [MARKER]
    loop.append(loop)
    data = _reason()
    data["citations"][0]["lid"] = loop  # was RecursionError when the label was rendered
    assert set(_problems(Reason, data)) == {"citations[0].lid"}


def test_a_citation_without_its_law_is_required() -> None:
    data = _reason()
    del data["citations"][0]["law"]
    assert _problems(Reason, data) == {"citations[0].law": "required, but missing"}


def test_an_unknown_citation_key_is_a_problem_with_a_hint_and_never_its_value() -> None:
    data = _reason()
    data["citations"][0]["artcle"] = MARKER  # was ignored: a typo in a key was silently dropped
    data["citations"][0][MARKER] = 1  # a key that is not an identifier is not shown
    problems = _problems(Reason, data)
    assert problems["citations[0].artcle"] == "unknown field (did you mean 'article'?)"
    assert "citations[0]" in problems


def test_a_citation_number_written_as_text_reads_back_equal() -> None:
    data = _reason()
    data["citations"][0]["article"] = 3  # a whole number where text is expected: its text
    _round_trips(Reason, data)


def test_a_non_working_day_with_a_bad_basis_is_a_problem() -> None:
    data = kr.non_working_days(2025)[0].to_dict()
    data["basis"][0]["article"] = False
    assert set(_problems(kr.NonWorkingDay, data)) == {"basis[0].article"}


# --- findings of a check result ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def check_form() -> dict[str, Any]:
    return kr.check_register("examples/register.csv", as_of=AS_OF).to_dict()


def test_a_finding_with_an_unknown_id_is_a_problem(check_form: dict[str, Any]) -> None:
    data = copy.deepcopy(check_form)
    data["findings"][0]["id"] = MARKER  # was KeyError when the finding was written or rendered
    assert _problems(CheckResult, data) == {"findings[0].id": "not a finding id this library can read"}


def test_a_finding_id_written_as_a_number_is_an_unknown_id(check_form: dict[str, Any]) -> None:
    data = copy.deepcopy(check_form)
    data["findings"][0]["id"] = 12  # read as the text "12" by the field: no catalogue entry
    assert _problems(CheckResult, data) == {"findings[0].id": "not a finding id this library can read"}


def test_a_finding_without_the_facts_its_message_needs_is_a_problem(check_form: dict[str, Any]) -> None:
    data = copy.deepcopy(check_form)
    index = next(i for i, f in enumerate(data["findings"]) if f["facts"])
    data["findings"][index]["facts"] = {}  # was KeyError in Finding.message_nl (format_map)
    assert _problems(CheckResult, data) == {f"findings[{index}].facts": "not in the expected form"}


# --- deadlines: the ATW state read back as the fields are read ----------------------------------------


def _gck_limit() -> dict[str, Any]:
    return kr.gck_filing_limit(dt.date(2025, 11, 10)).to_dict()


def test_a_deadline_without_atw_undetermined_reads_back_equal() -> None:
    data = _gck_limit()
    del data["atw_undetermined"]  # its default; the private term's state was lost (read as applied)
    back = Deadline.from_dict(data)
    assert back == kr.gck_filing_limit(dt.date(2025, 11, 10))
    _round_trips(Deadline, data)


@pytest.mark.parametrize("word", [0, "nee", "false"])
def test_a_deadline_with_atw_applied_as_a_word_reads_back_equal(word: Any) -> None:
    data = _gck_limit()
    data["atw_applied"] = word  # read as False by the field, so the state must be read so too
    assert Deadline.from_dict(data) == kr.gck_filing_limit(dt.date(2025, 11, 10))


def test_a_deadline_whose_atw_applied_contradicts_its_term_is_a_problem() -> None:
    data = _gck_limit()
    data["atw_applied"] = 1  # was accepted, and its to_dict() could not be read back
    assert set(_problems(Deadline, data)) == {"atw_applied"}


# --- column mappings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [None, "", [], 5, MARKER, ["columns"]])
def test_a_mapping_that_is_no_table_is_a_mapping_error(data: Any) -> None:
    with pytest.raises(MappingError) as info:  # was AttributeError / TypeError
        ColumnMapping.from_dict(data)
    assert "must be a table" in str(info.value)
    assert "Jansen" not in str(info.value)


@pytest.mark.parametrize("table", ["defaults", "values"])
def test_a_mapping_key_that_is_no_text_is_a_mapping_error(table: str) -> None:
    data = ColumnMapping.builtin("partou").to_dict()
    data[table] = {1: "x"}  # was TypeError in the did-you-mean (len of an int)
    with pytest.raises(MappingError):
        ColumnMapping.from_dict(data)


def test_unknown_mapping_tables_of_mixed_key_types_are_a_mapping_error() -> None:
    data = {**ColumnMapping.builtin("partou").to_dict(), 1: "x", None: "y", "zzz": "z"}
    with pytest.raises(MappingError) as info:  # was TypeError sorting the unknown keys
        ColumnMapping.from_dict(data)
    assert "zzz" in str(info.value)


# --- whole numbers too long to write out ------------------------------------------------------------


def test_a_whole_number_too_long_to_write_is_a_problem() -> None:
    data = kr.handling_deadline(dt.date(2039, 12, 20)).to_dict()
    data["unverified_years"] = [10**5000]  # was read; explain() raised ValueError (int to str limit)
    assert _problems(Deadline, data) == {"unverified_years[0]": "a whole number longer than 4300 digits"}


def test_a_citation_paragraph_too_long_to_write_is_a_problem() -> None:
    data = _reason()
    data["citations"][0]["lid"] = -(10**5000)  # was ValueError when the label was rendered
    assert set(_problems(Reason, data)) == {"citations[0].lid"}


def test_a_long_whole_number_that_can_be_written_is_read() -> None:
    data = kr.handling_deadline(dt.date(2039, 12, 20)).to_dict()
    data["unverified_years"] = [10**600]  # odd, but written out fine: the field's type holds it
    assert Deadline.from_dict(data).unverified_years == (10**600,)


@pytest.mark.parametrize(("lid", "sub"), [(-1, None), (2, None), (None, "d"), (2, "d")])
def test_a_citation_of_another_instrument_with_a_paragraph_but_no_article_reads_back_equal(
    lid: int | None, sub: str | None
) -> None:
    data = _reason()
    data["citations"][0] = {
        "law": "Klachtenloket Kinderopvang: over het Klachtenloket (werkwijze)",
        "bwb_id": None,
        "article": None,
        "lid": lid,
        "sub": sub,
        "url": "https://www.klachtenloket-kinderopvang.nl/over-ons/",
        "label": "Klachtenloket Kinderopvang",
        "note": None,
    }
    # was read back with the short name "Klachtenloket Kinderopvang lid 2": never equal
    _round_trips(Reason, data)
    assert Reason.from_dict(data).citations[0].instrument.short == "Klachtenloket Kinderopvang"
