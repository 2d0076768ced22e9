"""More public functions refuse arguments of the wrong type with a typed error naming the argument.

Before 2026-12-03 ``bulk.report_tables("x")``, ``report.render_markdown(3)``, ``write_report(r, None)``,
``compliance.render(result, "text", fail_on=...)`` and ``read_register(3, format="csv")`` raised
``AttributeError``, ``TypeError`` or a ``ValueError`` that repeated the value given; a switch given as
text (``strict="no"``, ``step_summary="no"``) was taken as true, and ``assess_many`` with a wrong
``as_of`` answered with one error row per complaint. Now each is a
:class:`~klachtregels.errors.KlachtregelsError` (an :class:`~klachtregels.errors.ArgumentTypeError`
for a wrong type) that names the argument and never holds the value.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import pytest

import klachtregels as kr
from argument_helpers import DAY, EXAMPLES, RECORD, SECRET
from klachtregels import bulk, compliance, report
from klachtregels.errors import ArgumentTypeError, InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable

REPORT = kr.build_report([RECORD], year=2026)
RESULT = kr.check_records([RECORD], as_of=DAY)
POLICY = kr.load_policy()
#: Values of the wrong type for an argument that takes an object of the library.
WRONG: list[object] = [SECRET, 42, float("nan"), True, None, [SECRET], b"x", POLICY]


def _named(error: BaseException, argument: str) -> None:
    assert isinstance(error, kr.KlachtregelsError)
    assert argument in [path for path, _ in error.problems], error.problems  # type: ignore[attr-defined]
    assert SECRET not in str(error)


CASES: dict[str, tuple[Callable[[Any], Any], str]] = {
    "check_result_frame": (bulk.check_result_frame, "result"),
    "register_result_frame": (bulk.register_result_frame, "result"),
    "report_tables": (bulk.report_tables, "report"),
    "render_markdown": (report.render_markdown, "report"),
    "render_html": (report.render_html, "report"),
    "render_json": (report.render_json, "report"),
    "report_to_dict": (report.report_to_dict, "report"),
    "sections": (report.sections, "report"),
    "review_items": (report.review_items, "report"),
    "open_blockers": (report.open_blockers, "report"),
    "review_to_dict": (report.review_to_dict, "report"),
    "render_review": (report.render_review, "report"),
    "write_review report": (lambda v: report.write_review(v, io.StringIO()), "report"),
    "write_review stream": (lambda v: report.write_review(REPORT, v), "stream"),
    "write_report report json": (lambda v: report.write_report(v, io.StringIO(), "json"), "report"),
    "write_report stream": (lambda v: report.write_report(REPORT, v), "stream"),
    "write_report stream json": (lambda v: report.write_report(REPORT, v, "json"), "stream"),
    "compliance.render result": (lambda v: compliance.render(v, "text"), "result"),
    "check_complaint record": (lambda v: compliance.check_complaint(v, as_of=DAY, policy=POLICY), "record"),
    "check_complaint as_of": (lambda v: compliance.check_complaint(RECORD, as_of=v, policy=POLICY), "as_of"),
    "check_complaint policy": (lambda v: compliance.check_complaint(RECORD, as_of=DAY, policy=v), "policy"),
    "make_sink out": (lambda v: compliance.make_sink("text", v), "out"),
    "assess_many as_of": (lambda v: bulk.assess_many([RECORD], as_of=v), "as_of"),
    "read_register source": (lambda v: kr.read_register(v, format="csv"), "source"),
    "read_gck_cases source": (lambda v: kr.read_gck_cases(v, format="csv"), "source"),
}


@pytest.mark.parametrize("value", WRONG, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_wrong_type_is_refused_by_the_argument_name(case: str, value: object) -> None:
    call, argument = CASES[case]
    if value is POLICY and argument == "policy":
        pytest.skip("a Policy is what it takes")
    if isinstance(value, str) and case.startswith("read_"):
        value = 42  # text is a path
    with pytest.raises(InvalidInputError) as info:
        call(value)
    _named(info.value, argument)


@pytest.mark.parametrize("value", ["no", 1, None, [True]])
@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda v: kr.read_register_all(EXAMPLES / "register.csv", strict=v), "strict"),
        (lambda v: kr.read_register(EXAMPLES / "register.csv", strict=v), "strict"),
        (lambda v: compliance.render(RESULT, "text", strict=v), "strict"),
        (lambda v: compliance.render(RESULT, "github", step_summary=v), "step_summary"),
        (lambda v: compliance.make_sink("text", io.StringIO(), strict=v), "strict"),
        (lambda v: report.report_due(2025, written_complaints=1, jaarverslag_atw=v), "jaarverslag_atw"),
        (lambda v: bulk.working_day_deadlines([DAY], 5, statutory=v), "statutory"),
        (lambda v: bulk.working_day_deadlines([DAY], 5, include_equated_days=v), "include_equated_days"),
    ],
)
def test_a_switch_is_true_or_false(call: Callable[[Any], Any], argument: str, value: object) -> None:
    """Text such as "no" is true in Python: taken as a switch, it did the opposite of what was meant."""
    with pytest.raises(InvalidInputError) as info:
        call(value)
    _named(info.value, argument)


@pytest.mark.parametrize("value", [SECRET, "no", None, 3, [SECRET]])
def test_fail_on_and_min_severity_never_repeat_the_value(value: object) -> None:
    for call, argument in (
        (lambda: compliance.render(RESULT, "text", fail_on=value), "fail_on"),
        (lambda: compliance.make_sink("text", io.StringIO(), fail_on=value), "fail_on"),
        (lambda: compliance.render(RESULT, "text", min_severity=value), "min_severity"),
    ):
        if value is None and argument == "min_severity":
            continue  # None: every finding
        with pytest.raises(InvalidInputError) as info:
            call()  # type: ignore[no-untyped-call]
        _named(info.value, argument)
    assert compliance.render(RESULT, "text", fail_on="warning")[0]
    assert compliance.render(RESULT, "text", fail_on=compliance.FailOn.NEVER)[0]


@pytest.mark.parametrize("value", [SECRET, 42, None, [RECORD], 1.5])
def test_accept_is_an_iterable_of_its_kind(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        compliance.render(RESULT, "text", accept=value)  # type: ignore[arg-type]
    _named(info.value, "accept" if not isinstance(value, list) else "accept[0]")
    with pytest.raises(InvalidInputError) as info:
        report.render_review(REPORT, "md", "nl", value)  # type: ignore[arg-type]
    _named(info.value, "accept")
    with pytest.raises(InvalidInputError) as info:
        report.review_items(REPORT, value)  # type: ignore[arg-type]
    _named(info.value, "accept")


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"year": SECRET}, "year"),
        ({"year": 2025.0}, "year"),
        ({"year": True}, "year"),
        ({"year": 9999}, "year"),
        ({"year": 10**30}, "year"),
        ({"written_complaints": SECRET}, "written_complaints"),
        ({"written_complaints": float("nan")}, "written_complaints"),
        ({"written_complaints": -1}, "written_complaints"),
        ({"channel_unknown": "3"}, "channel_unknown"),
        ({"channel_unknown": -1}, "channel_unknown"),
    ],
)
def test_report_due_checks_its_numbers(kwargs: dict[str, Any], argument: str) -> None:
    arguments: dict[str, Any] = {"year": 2025, "written_complaints": 3} | kwargs
    with pytest.raises(InvalidInputError) as info:
        report.report_due(**arguments)
    _named(info.value, argument)
    assert report.report_due(2025, written_complaints=3).year == 2025


def test_assess_many_refuses_a_wrong_as_of_once_and_records_that_are_not_a_collection() -> None:
    with pytest.raises(ArgumentTypeError) as info:
        bulk.assess_many([RECORD], as_of=SECRET)  # type: ignore[arg-type]
    _named(info.value, "as_of")
    for records in (SECRET, b"x", 3, None, {"id": "K1"}):
        with pytest.raises(ArgumentTypeError) as info:
            bulk.assess_many(records, as_of=DAY)  # type: ignore[arg-type]
        _named(info.value, "records")
    # one bad row still never stops the others
    frame = bulk.assess_many([RECORD, SECRET], as_of=DAY)
    assert list(frame["error"].isna()) == [True, False]


def test_location_helpers_refuse_what_is_no_location() -> None:
    for source in (SECRET, 3, None):
        with pytest.raises(ArgumentTypeError) as info:
            bulk.similar_locations(source)  # type: ignore[arg-type]
        _named(info.value, "source")
    with pytest.raises(ArgumentTypeError) as info:
        bulk.similar_locations([RECORD, 3])  # type: ignore[list-item]
    _named(info.value, "source[1]")
    with pytest.raises(ArgumentTypeError):
        bulk.similar_locations({"KDV De Tuin": SECRET})  # type: ignore[dict-item]
    # a DataFrame column's missing cells are no names
    assert bulk.similar_locations(["KDV De Tuin", float("nan"), "KDV de Tuin"])
    with pytest.raises(ArgumentTypeError) as info:
        bulk.suggested_mapping([SECRET])  # type: ignore[list-item]
    _named(info.value, "groups[0]")
    with pytest.raises(ArgumentTypeError) as info:
        bulk.rename_locations([RECORD], SECRET)  # type: ignore[arg-type]
    _named(info.value, "mapping")
    with pytest.raises(ArgumentTypeError) as info:
        list(bulk.rename_locations([SECRET], {}))  # type: ignore[list-item]
    _named(info.value, "records[0]")


def test_looks_like_address_takes_text() -> None:
    for value in (3, None, b"Dorpsstraat 1"):
        with pytest.raises(ArgumentTypeError) as info:
            report.looks_like_address(value)  # type: ignore[arg-type]
        _named(info.value, "text")
    assert report.looks_like_address("Dorpsstraat 12")


def test_the_right_types_still_pass() -> None:
    assert report.render_review(REPORT, "md", "nl", ["rows_rejected"][:0])
    assert compliance.render(RESULT, "github", step_summary=True)[1] is not None
    assert compliance.check_complaint(RECORD, as_of=DAY, policy=POLICY).findings is not None
    assert kr.read_register_all(EXAMPLES / "register.csv", strict=False).summary.rows_read > 0
