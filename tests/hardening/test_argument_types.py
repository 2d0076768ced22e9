"""Arguments of the wrong type get a typed error naming the argument, never a traceback from inside.

Before 2026-12-03, ``assess(c, as_of=d, judgement="...")`` raised ``AttributeError`` from deep in the
rules, ``policy=42`` a ``TypeError`` from ``os.fspath``, ``build_report(3, ...)`` "'int' object is
not iterable". Now each is an :class:`~klachtregels.errors.ArgumentTypeError` (an
``InvalidInputError`` and a ``TypeError``) whose problem names the argument and the type given, and
never holds the value (it may be personal data).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import klachtregels as kr
from argument_helpers import COMPLAINT, DAY, EXAMPLES, RECORD, SECRET
from klachtregels.decisions import assess_record, eligibility, geschillencommissie_access, precedence
from klachtregels.errors import ArgumentTypeError, PolicyError
from klachtregels.policy import load_policy

if TYPE_CHECKING:
    from collections.abc import Callable


CASES: dict[str, tuple[Callable[[], Any], str]] = {
    "assess policy": (lambda: kr.assess(COMPLAINT, as_of=DAY, policy=42), "policy"),  # type: ignore[arg-type]
    "assess policy bytes": (lambda: kr.assess(COMPLAINT, as_of=DAY, policy=b"statutory"), "policy"),  # type: ignore[arg-type]
    "assess policy list": (lambda: kr.assess(COMPLAINT, as_of=DAY, policy=[SECRET]), "policy"),  # type: ignore[arg-type]
    "assess judgement": (lambda: kr.assess(COMPLAINT, as_of=DAY, judgement=SECRET), "judgement"),  # type: ignore[arg-type]
    "assess filing": (lambda: kr.assess(COMPLAINT, as_of=DAY, filing=3), "filing"),  # type: ignore[arg-type]
    "assess provider": (lambda: kr.assess(COMPLAINT, as_of=DAY, provider=SECRET), "provider"),  # type: ignore[arg-type]
    "assess complaint": (lambda: kr.assess(SECRET, as_of=DAY), "complaint"),  # type: ignore[arg-type]
    "assess as_of": (lambda: kr.assess(COMPLAINT, as_of=SECRET), "as_of"),  # type: ignore[arg-type]
    "eligibility policy": (lambda: eligibility(COMPLAINT, as_of=DAY, policy=1.5), "policy"),  # type: ignore[arg-type]
    "precedence complaint": (lambda: precedence(RECORD, as_of=DAY), "complaint"),  # type: ignore[arg-type]
    "access filing": (
        lambda: geschillencommissie_access(COMPLAINT, as_of=DAY, filed_on=None, filing=SECRET),  # type: ignore[arg-type]
        "filing",
    ),
    "access judgement": (
        lambda: geschillencommissie_access(COMPLAINT, as_of=DAY, filed_on=None, judgement=[]),  # type: ignore[arg-type]
        "judgement",
    ),
    "assess_record record": (lambda: assess_record(COMPLAINT, as_of=DAY), "record"),  # type: ignore[arg-type]
    "assess_record as_of": (lambda: assess_record(RECORD, as_of=SECRET), "as_of"),  # type: ignore[arg-type]
    "report records": (lambda: kr.build_report(3, year=2025), "records"),  # type: ignore[arg-type]
    "report a record": (lambda: kr.build_report([RECORD, SECRET], year=2025), "records[1]"),  # type: ignore[list-item]
    "report year": (lambda: kr.build_report([], year=SECRET), "year"),  # type: ignore[arg-type]
    "report year bool": (lambda: kr.build_report([], year=True), "year"),
    "report organisation": (lambda: kr.build_report([], year=2025, organisation=SECRET), "organisation"),  # type: ignore[arg-type]
    "report previous": (lambda: kr.build_report([], year=2025, previous=1.5), "previous"),  # type: ignore[arg-type]
    "report previous item": (lambda: kr.build_report([], year=2025, previous=[SECRET]), "previous[0]"),  # type: ignore[list-item]
    "report gck_cases": (lambda: kr.build_report([], year=2025, gck_cases=3), "gck_cases"),  # type: ignore[arg-type]
    "report children_served": (
        lambda: kr.build_report([], year=2025, children_served=SECRET),  # type: ignore[arg-type]
        "children_served",
    ),
    "report rows_read": (lambda: kr.build_report([], year=2025, rows_read="12"), "rows_read"),  # type: ignore[arg-type]
    "check organisation": (
        lambda: kr.check_register(EXAMPLES / "register.csv", as_of=DAY, organisation=SECRET),  # type: ignore[arg-type]
        "organisation",
    ),
    "check as_of empty": (lambda: kr.check_register(EXAMPLES / "register.csv", as_of=""), "as_of"),  # type: ignore[arg-type]
    "check policy": (lambda: kr.check_register(EXAMPLES / "register.csv", as_of=DAY, policy=3), "policy"),  # type: ignore[arg-type]
    "check_records records": (lambda: kr.check_records(3, as_of=DAY), "records"),  # type: ignore[arg-type]
    "check_records a record": (lambda: kr.check_records([RECORD, SECRET], as_of=DAY), "records[1]"),  # type: ignore[list-item]
    "check_records settings": (lambda: kr.check_records([], as_of=DAY, settings=SECRET), "settings"),  # type: ignore[arg-type]
    "obligations policy": (lambda: kr.obligations(COMPLAINT, as_of=DAY, policy=42), "policy"),  # type: ignore[arg-type]
    "obligations complaint": (lambda: kr.obligations(SECRET, as_of=DAY), "complaint"),  # type: ignore[arg-type]
    "obligations judgement": (lambda: kr.obligations(COMPLAINT, as_of=DAY, judgement=SECRET), "judgement"),  # type: ignore[arg-type]
    "obligations organisation": (
        lambda: kr.obligations(COMPLAINT, as_of=DAY, organisation=SECRET),  # type: ignore[arg-type]
        "organisation",
    ),
    "obligations settings": (lambda: kr.obligations(COMPLAINT, as_of=DAY, settings=3), "settings"),  # type: ignore[arg-type]
    "render_report report": (lambda: kr.render_report(SECRET), "report"),  # type: ignore[arg-type]
    "lint_policy policy": (lambda: kr.lint_policy(SECRET), "policy"),  # type: ignore[arg-type]
    "is_clean policy": (lambda: kr.is_clean(3), "policy"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_wrong_type_is_a_typed_error_naming_the_argument(case: str) -> None:
    call, argument = CASES[case]
    with pytest.raises(ArgumentTypeError) as info:
        call()
    error = info.value
    assert isinstance(error, TypeError)  # what Python raises for a wrong type: callers' excepts still work
    assert isinstance(error, kr.KlachtregelsError)
    assert [path for path, _ in error.problems] == [argument]
    assert SECRET not in str(error)
    assert "got " in error.problems[0][1]


def test_the_right_types_still_pass() -> None:
    """Subclasses and the documented alternatives are accepted as before."""
    assert kr.assess(COMPLAINT, as_of=DAY, policy="smallsteps").policy == "smallsteps"
    assert kr.assess(COMPLAINT, as_of=DAY, policy=Path(EXAMPLES / "policy.toml")).status
    assert assess_record(RECORD, as_of=dt.datetime(2026, 5, 1, 23, 30, tzinfo=dt.UTC)).as_of == dt.date(
        2026, 5, 2
    )
    report = kr.build_report(iter([RECORD]), year=2026)
    assert report.total.total == 1
    assert kr.check_records(iter([RECORD]), as_of=DAY).summary.rows_checked == 1


def test_a_policy_path_that_is_a_folder_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(tmp_path)


def test_check_records_accounts_for_every_row_read() -> None:
    """rows_read, when given, is the records checked plus the rows rejected: no row unaccounted."""
    assert kr.check_records([RECORD], as_of=DAY, rows_read=3, rows_rejected=2).summary.rows_checked == 1
    for rows_read in (0, 2, 4):
        with pytest.raises(kr.InvalidInputError) as info:
            kr.check_records([RECORD], as_of=DAY, rows_read=rows_read, rows_rejected=2)
        assert [path for path, _ in info.value.problems] == ["rows_read"]
    for name, value in (
        ("rows_read", -1),
        ("rows_rejected", -1),
        ("rows_read", "3"),
        ("rows_rejected", True),
    ):
        with pytest.raises(kr.InvalidInputError) as info:
            kr.check_records([RECORD], as_of=DAY, **{name: value})
        assert [path for path, _ in info.value.problems] == [name]


def _loaders() -> dict[str, tuple[Callable[[Any], Any], str]]:
    from klachtregels.baseline import load_baseline
    from klachtregels.config import load_config
    from klachtregels.register import load_mapping
    from klachtregels.register.mapping import ColumnMapping
    from klachtregels.report.measures import load_measure_keywords
    from klachtregels.report.previous import load_previous_figures

    return {
        "load_organisation": (kr.load_organisation, "path"),
        "load_policy": (load_policy, "policy"),
        "load_mapping": (load_mapping, "mapping"),
        "ColumnMapping.load": (ColumnMapping.load, "path"),
        "load_measure_keywords": (load_measure_keywords, "path"),
        "load_baseline": (load_baseline, "path"),
        "load_config": (load_config, "path"),
        "load_previous_figures": (lambda path: load_previous_figures(path, year=2025), "path"),
    }


@pytest.mark.parametrize("loader", sorted(_loaders()))
@pytest.mark.parametrize("value", [42, b"organisation.toml", [SECRET], 1.5])
def test_a_file_argument_that_is_not_a_path(loader: str, value: object) -> None:
    load, argument = _loaders()[loader]
    with pytest.raises(ArgumentTypeError) as info:
        load(value)
    assert [path for path, _ in info.value.problems] == [argument]
    assert SECRET not in str(info.value)


def test_the_last_helpers_check_their_arguments(tmp_path: Path) -> None:
    """messages.format_date, the baseline writer and find_config: typed errors by name."""
    from klachtregels import messages
    from klachtregels.baseline import baseline_text, write_baseline
    from klachtregels.config import find_config

    cases: list[tuple[Callable[[], Any], str]] = [
        (lambda: messages.format_date(SECRET), "day"),  # type: ignore[arg-type]
        (lambda: baseline_text([SECRET]), "entries[0]"),  # type: ignore[list-item]
        (lambda: baseline_text(3), "entries"),  # type: ignore[arg-type]
        (lambda: write_baseline(3, []), "path"),  # type: ignore[arg-type]
        (lambda: find_config(3), "start"),  # type: ignore[arg-type]
    ]
    for call, argument in cases:
        with pytest.raises(ArgumentTypeError) as info:
            call()
        assert [path for path, _ in info.value.problems] == [argument]
        assert SECRET not in str(info.value)
    with pytest.raises(kr.InvalidInputError):
        messages.format_date(DAY, weekday="no")  # type: ignore[arg-type]
    # A date-time is its Amsterdam day here too: 22:30 UTC on 5 April 2026 is Easter Monday.
    assert messages.format_date(dt.datetime(2026, 4, 5, 22, 30, tzinfo=dt.UTC)) == "maandag 6 april 2026"
