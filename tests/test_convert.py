"""The one structuring layer (klachtregels.convert): paths, suggestions, no quoted values, hooks."""

from __future__ import annotations

import datetime as dt
import enum
import json
from pathlib import Path
from typing import Annotated, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtregels.testing as kt
from klachtregels import convert
from klachtregels.compliance.findings import CheckResult
from klachtregels.compliance.run import check_register
from klachtregels.decisions import Assessment, assess
from klachtregels.engine import Decision
from klachtregels.errors import InvalidInputError
from klachtregels.model import Channel, Complaint, PartyRole, RegisterRecord
from klachtregels.organisation import load_organisation
from klachtregels.register import read_register
from klachtregels.register.mapping import ColumnMapping
from klachtregels.report import build_report
from klachtregels.report.model import AnnualReport
from klachtregels.terms import Deadline


def _positive(value: int) -> str | None:
    return None if value > 0 else "must be more than 0"


class Colour(enum.StrEnum):
    RED = "red"
    DARK_BLUE = "dark_blue"


@attrs.frozen(kw_only=True)
class Inner:
    amount: Annotated[int, convert.Check(_positive)]
    colour: Colour | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "inner")


@attrs.frozen(kw_only=True)
class Outer:
    name: str
    inners: tuple[Inner, ...] = ()
    day: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        convert.validate(self, "outer")


def test_normalise_word() -> None:
    assert convert.normalise_word("  Deels_Gegrond ") == "deels gegrond"
    assert convert.normalise_word("E-mail") == "e mail"


def test_lookup_word_and_accepted_words() -> None:
    assert convert.lookup_word(Channel, "E-MAIL") is Channel.EMAIL
    assert convert.lookup_word(Channel, "Web form") is Channel.WEB_FORM
    assert convert.lookup_word(PartyRole, "Oma") is PartyRole.GRANDPARENT
    assert convert.lookup_word(Channel, "fax") is None
    words = convert.accepted_words(Channel)
    assert words[: len(Channel)] == [m.value for m in Channel]
    assert "mondeling" in words
    # An enum without registered words still accepts its values in any spelling.
    assert convert.lookup_word(Colour, "Dark Blue") is Colour.DARK_BLUE


def test_did_you_mean_only_names_a_close_known_choice() -> None:
    assert convert.did_you_mean("recieved_on", ["received_on", "channel"]) == " (did you mean 'received_on'?)"
    assert convert.did_you_mean("zzz", ["received_on", "channel"]) == ""


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({}, "an object"),
        ([], "a list"),
        ("x", "text"),
        (True, "true/false"),
        (3, "a whole number"),
        (None, "null"),
    ],
)
def test_kind_of_names_the_kind_never_the_value(value: object, kind: str) -> None:
    assert convert.kind_of(value) == kind


def test_structure_collects_every_problem_with_its_path() -> None:
    data: dict[str, Any] = {
        "inners": [{"amount": 0}, {"amount": "1", "colour": "dark-blu"}, {"colour": "red"}, 5],
        "day": "tomorrow",
        "nmae": "x",
    }
    with pytest.raises(InvalidInputError) as info:
        convert.structure(data, Outer)
    assert info.value.what == "outer"
    assert dict(info.value.problems) == {
        "inners[0].amount": "must be more than 0",
        "inners[1].amount": "expected a whole number, got text",
        "inners[1].colour": "not one of: red, dark_blue (did you mean 'dark blue'?)",
        "inners[2].amount": "required, but missing",
        "inners[3]": "expected an object, got a whole number",
        "day": "not a date in an accepted format; use YYYY-MM-DD, dd-mm-jjjj, d/m/jjjj, 3 maart 2026 or "
        "3 March 2026",
        "name": "required, but missing",
        "nmae": "unknown field (did you mean 'name'?)",
    }


def test_structure_rejects_a_non_object_at_the_top() -> None:
    with pytest.raises(InvalidInputError) as info:
        convert.structure(["x"], Outer, what="thing")
    assert info.value.problems == (("", "expected an object, got a list"),)
    assert str(info.value) == "invalid thing: expected an object, got a list"


def test_validate_normalises_and_checks_python_values() -> None:
    outer = Outer(name="o", inners=[Inner(amount=1, colour="Dark Blue")])  # type: ignore[arg-type]
    assert outer.inners == (Inner(amount=1, colour=Colour.DARK_BLUE),)
    with pytest.raises(InvalidInputError) as info:
        Outer(name=True, inners=[Inner(amount=2), "x"], day="2026-01-01")  # type: ignore[arg-type]
    assert dict(info.value.problems) == {
        "name": "expected text, got true/false",
        "inners[1]": "expected an object, got text",
    }
    # A whole number where text is expected is its text, as in a register cell.
    assert Outer(name=3).name == "3"  # type: ignore[arg-type]
    # A typed value is kept as it is (no copy); an ISO text is read as a date.
    day = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    assert Outer(name="o", day=day).day is day
    assert Outer(name="o", day="2026-01-01").day == dt.date(2026, 1, 1)  # type: ignore[arg-type]


def test_register_keys_reads_a_format_s_own_spelling() -> None:
    converter = convert.CONVERTER.copy()
    convert.register_keys(converter, Inner, amount="aantal")
    inner = convert.structure({"aantal": 2}, Inner, converter=converter)
    assert inner == Inner(amount=2)
    with pytest.raises(InvalidInputError) as info:
        convert.structure({"aantal": -1, "aantl": 2}, Inner, converter=converter)
    assert dict(info.value.problems) == {
        "aantal": "must be more than 0",
        "aantl": "unknown field (did you mean 'aantal'?)",
    }


def test_to_plain_writes_json_types() -> None:
    outer = Outer(name="o", inners=(Inner(amount=1, colour=Colour.RED),), day=dt.date(2026, 1, 2))
    plain = convert.to_plain(outer)
    assert plain == {"name": "o", "inners": [{"amount": 1, "colour": "red"}], "day": "2026-01-02"}
    assert type(plain["inners"][0]["colour"]) is str
    assert convert.structure(plain, Outer) == outer


@given(st.from_regex(r"QX[0-9a-z ]{0,12}", fullmatch=True))
def test_a_rejected_word_is_never_quoted(word: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Complaint.from_dict({"channel": word, "complainant": {"role": word}, word: 1})
    message = str(info.value)
    # The two values are never quoted; nor is the unknown key, which is no identifier (it could be a
    # name typed as a key): an identifier-like key such as ``nmae`` is named (issue 9).
    assert word not in message
    assert {path for path, _ in info.value.problems} == {"channel", "complainant.role", ""}
    assert "an unknown key (not shown)" in message
    with pytest.raises(InvalidInputError) as typo:
        Complaint.from_dict({"channel": word, "nmae": 1})
    assert {path for path, _ in typo.value.problems} == {"channel", "nmae"}


# --- the result classes: published shapes, key for key, and round trips ---------------------------------

EXAMPLES = Path(__file__).parent.parent / "examples"


def _text(plain: Any) -> str:
    return json.dumps(plain, ensure_ascii=False)  # key order included


@pytest.fixture(scope="module")
def check_result() -> CheckResult:
    return check_register(
        EXAMPLES / "register.csv",
        as_of=dt.date(2026, 6, 1),
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
    )


def test_check_result_shape_and_round_trip(check_result: CheckResult) -> None:
    assert _text(convert.to_plain(check_result)) == _text(check_result.to_dict())
    assert list(check_result.to_dict())[:3] == ["schema", "schema_version", "library_version"]
    back = convert.structure(json.loads(_text(check_result.to_dict())), CheckResult)
    assert back == check_result
    assert CheckResult.from_dict(json.loads(_text(check_result.to_dict()))) == check_result
    assert [f.message("en") for f in back.findings] == [f.message("en") for f in check_result.findings]


@settings(max_examples=60, deadline=None)
@given(kt.records(complaints=kt.complaints(min_date=dt.date(2016, 1, 1))), st.integers(0, 400))
def test_decision_shape_and_round_trip(record: RegisterRecord, days: int) -> None:
    complaint, judgement = record.complaint, record.judgement
    start = complaint.received_date or dt.date(2020, 1, 1)
    if judgement is not None and judgement.sent_date is not None:
        start = max(start, judgement.sent_date)
    assessment = assess(complaint, judgement=judgement, as_of=start + dt.timedelta(days=days))
    for decision in assessment.decisions:
        assert _text(convert.to_plain(decision)) == _text(decision.to_dict())
        assert Decision.from_dict(json.loads(_text(decision.to_dict()))) == decision
    # Deadline and Assessment: the layer writes their published JSON and reads it back (names,
    # explanations and the ATW's state restored from what the form implies).
    for deadline in assessment.deadlines.values():
        assert convert.structure(json.loads(_text(convert.to_plain(deadline))), Deadline) == deadline
    back = convert.structure(json.loads(_text(convert.to_plain(assessment))), Assessment)
    assert back == assessment
    assert back.deadlines == assessment.deadlines


def test_annual_report_round_trip() -> None:
    records = list(read_register(EXAMPLES / "register.csv"))
    organisation = load_organisation(EXAMPLES / "organisation.toml")
    report = build_report(records, year=2025, organisation=organisation)
    assert convert.structure(json.loads(_text(convert.to_plain(report))), AnnualReport) == report
    assert AnnualReport.from_dict(json.loads(_text(report.to_dict()))) == report


def test_a_decision_of_another_shape_is_refused_by_path() -> None:
    with pytest.raises(InvalidInputError) as info:
        convert.structure({"schema": "klachtregels.check", "kind": "x"}, Decision)
    assert info.value.problems == (("schema", "not klachtregels.decision"),)
    with pytest.raises(InvalidInputError) as info:
        convert.structure({"schema": "klachtregels.decision", "schema_version": 99}, Decision)
    assert info.value.problems == (("schema_version", "not 1, the version this library reads"),)


@pytest.mark.parametrize("name", ["partou", "partou_geschillen"])
def test_column_mapping_shape_and_round_trip(name: str) -> None:
    mapping = ColumnMapping.builtin(name)
    order = ["name", "description", "columns", "values", "defaults", "ignore"]
    assert list(mapping.to_dict()) == [key for key in order if key in mapping.to_dict()]
    assert ColumnMapping().to_dict() == {"columns": {}, "values": {}, "defaults": {}, "ignore": []}
    assert convert.structure(json.loads(_text(mapping.to_dict())), ColumnMapping) == mapping
    with pytest.raises(InvalidInputError) as info:
        convert.structure({"colums": {}, "ignore": "x"}, ColumnMapping)
    assert dict(info.value.problems) == {
        "colums": "unknown field (did you mean 'columns'?)",
        "ignore": "expected a list, got text",
    }


def test_long_words_are_looked_up_but_never_kept() -> None:
    """A long text given as a word is read (padding and case as for any word) and not remembered:
    the word cache would otherwise keep every such text for the life of the process."""
    from klachtregels.model import Channel

    padded = "email" + " " * 1_000_000
    before = convert._lookup_short_word.cache_info()
    for _ in range(3):
        assert convert.lookup_word(Channel, padded) is Channel.EMAIL
    after = convert._lookup_short_word.cache_info()
    assert after.currsize == before.currsize


def test_did_you_mean_skips_a_text_too_long_to_be_close() -> None:
    assert convert.did_you_mean("emial", ["email", "letter"]) == " (did you mean 'email'?)"
    # Ratio 14/23 > 0.6 at more than twice the length: still compared, still suggested.
    assert convert.did_you_mean("e" * 16, ["e" * 7]) == f" (did you mean {'e' * 7!r}?)"
    assert convert.did_you_mean("x" * 4_000_000, ["email", "letter"]) == ""
    assert convert.did_you_mean("anything", []) == ""
