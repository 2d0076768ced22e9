"""Every error klachtregels raises crosses a process boundary whole.

An analyst who assesses a register in a process pool (multiprocessing, joblib, concurrent.futures)
gets the worker's error in the parent by pickling. An error whose ``__init__`` takes other arguments
than its message could not be rebuilt: the parent saw ``TypeError: __init__() missing 1 required
positional argument: 'problems'`` instead of the problems.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import importlib
import inspect
import pickle
import pkgutil

import pytest

import klachtregels
from klachtregels import errors
from klachtregels._time import DateTextError
from klachtregels.baseline import BaselineError
from klachtregels.cli import ClosedStreamError
from klachtregels.config import ConfigError
from klachtregels.convert import ProblemText
from klachtregels.messages import Message, UnknownLanguageError
from klachtregels.model import Complaint
from klachtregels.policy import InvalidPolicyError
from klachtregels.register.mapping import MappingError
from klachtregels.register.reader import RowRejectedError
from klachtregels.terms import TermTooLargeError, TermTypeError

PROBLEMS = [("channel", ProblemText("INPUT_NOT_ONE_OF", allowed="letter, email", hint=""))]

#: One instance of every error class with its own ``__init__``, and of each plain one.
INSTANCES: list[BaseException] = [
    errors.KlachtregelsError("plain"),
    errors.InvalidInputError("complaint", PROBLEMS),
    errors.ArgumentTypeError("arguments", [("policy", "expected a Policy, got int")]),
    errors.DateRangeError("arguments", [("start", "the deadline falls after 9999-12-31")]),
    errors.MissingExtraError("icalendar", "ics"),
    errors.PolicyError("bad policy"),
    errors.TermError("bad term"),
    errors.CalendarDataError("no data"),
    errors.ProvisionalCalendarError("provisional", [2027, 2028]),
    errors.RegisterError("bad register"),
    errors.RuleConflictError("conflict"),
    ClosedStreamError("standard output is closed"),
    errors.UnknownFactError("unknown"),
    UnknownLanguageError(),
    InvalidPolicyError("policy.toml", PROBLEMS),
    BaselineError("baseline.toml", PROBLEMS),
    ConfigError("klachtregels.toml", PROBLEMS),
    MappingError([Message("REGISTER_MAPPING_UNKNOWN_TABLES_NOT_SHOWN")], name="house"),
    TermTooLargeError("too large", backwards=True),
    TermTypeError("arguments", [("term", "expected a Term or a term's text, got int")]),
    DateTextError("DATE_FORMAT"),
]


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert a.args == b.args
    assert vars(a) == vars(b)


@pytest.mark.parametrize("error", INSTANCES, ids=lambda e: type(e).__name__)
def test_each_error_pickles_whole(error: BaseException) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _same(error, pickle.loads(pickle.dumps(error, protocol)))


def _error_classes() -> set[type[errors.KlachtregelsError]]:
    """Every KlachtregelsError class defined in the package (the optional extras' modules included
    when their packages are installed; the ``__main__`` modules, which run the CLI, left out)."""
    found: set[type[errors.KlachtregelsError]] = set()
    for info in pkgutil.walk_packages(klachtregels.__path__, "klachtregels."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except errors.MissingExtraError:
            continue
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and issubclass(cls, errors.KlachtregelsError)
                and cls.__module__ == info.name
            ):
                found.add(cls)
    return found


def test_every_error_class_is_covered() -> None:
    covered = {type(e) for e in INSTANCES} | {RowRejectedError}  # built from a register, below
    assert _error_classes() - covered == set()


def test_a_row_rejected_error_keeps_its_rows(tmp_path: object) -> None:
    from pathlib import Path

    from klachtregels.register import read_register

    path = Path(str(tmp_path)) / "register.csv"
    path.write_text("id,received_on,channel\nA1,morgen,brief\n", encoding="utf-8")
    with pytest.raises(RowRejectedError) as info:
        list(read_register(path, strict=True))
    twin = pickle.loads(pickle.dumps(info.value))
    _same(info.value, twin)
    assert twin.errors[0].row == 2


def _invalid_complaint(channel: str) -> Complaint:
    return Complaint(received_on=dt.date(2026, 3, 2), channel=channel)


def test_an_error_raised_in_a_worker_process_reaches_the_caller() -> None:
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_invalid_complaint, "brif")
        with pytest.raises(errors.InvalidInputError) as info:
            future.result()
    assert info.value.problems[0][0] == "channel"
    assert info.value.problems[0][1].render("nl").startswith("niet een van")  # type: ignore[attr-defined]
