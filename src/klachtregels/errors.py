"""The exceptions klachtregels raises.

Every error derives from :class:`KlachtregelsError`, and each also subclasses the built-in
error it resembles (``ValueError``, ``LookupError``), so callers can catch either.
Messages name the field, row or column that was wrong and say what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "ArgumentTypeError",
    "CalendarDataError",
    "DateRangeError",
    "InvalidInputError",
    "KlachtregelsError",
    "MissingExtraError",
    "PolicyError",
    "ProvisionalCalendarError",
    "RegisterError",
    "RuleConflictError",
    "TermError",
    "UnknownFactError",
]


class KlachtregelsError(Exception):
    """Base class of every error klachtregels raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its message and attributes, without calling ``__init__`` again (its arguments
        # differ per class): an error raised in a worker process (multiprocessing, joblib,
        # concurrent.futures) reaches the caller whole, with its problems, instead of a TypeError.
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(cls: type[KlachtregelsError], args: tuple[Any, ...], state: dict[str, Any]) -> KlachtregelsError:
    """The error ``KlachtregelsError.__reduce__`` describes (for :mod:`pickle`)."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class InvalidInputError(KlachtregelsError, ValueError):
    """Input failed validation. ``problems`` lists every problem found, not just the first.

    Each problem is a ``(field, message)`` pair; ``field`` is a dotted path such as
    ``complainant.role`` or ``judgement.measures[0].term``.
    """

    def __init__(self, what: str, problems: Sequence[tuple[str, str]]) -> None:
        self.what = what
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        lines = "; ".join(f"{field}: {msg}" if field else msg for field, msg in self.problems)
        super().__init__(f"invalid {what}: {lines}")


class ArgumentTypeError(InvalidInputError, TypeError):
    """An argument of a public function is not of a type it takes (``policy=42``, ``judgement="x"``).

    Names the argument and what it takes, never the value. Also a :class:`TypeError`, which is what
    Python raises for a wrong type, so code that catches that keeps working.
    """


class DateRangeError(InvalidInputError, OverflowError):
    """A date counted from the input would fall outside the years 1-9999 that a Python date holds
    (a deadline from a day in December 9999). Also an :class:`OverflowError`, what ``datetime`` raises."""


class MissingExtraError(KlachtregelsError, ImportError):
    """A feature needs an optional extra that is not installed (``pip install "klachtregels[ics]"``)."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this needs the optional extra klachtregels[{extra}]: {package} is not installed "
            f"(pip install 'klachtregels[{extra}]')"
        )


class TermError(KlachtregelsError, ValueError):
    """A term (``"6 weeks"``, ``"2 working days"``) could not be understood or is not allowed."""


class CalendarDataError(KlachtregelsError, LookupError):
    """The legal calendar has no data for what was asked (for example a year before 1949)."""


class ProvisionalCalendarError(CalendarDataError):
    """Strict mode: a term touches a year whose equated-day decree (ATW art. 3 lid 3) is not verified (A2)."""

    def __init__(self, message: str, years: Sequence[int]) -> None:
        self.years: tuple[int, ...] = tuple(years)
        super().__init__(message)

    def in_row(self, row: int | None) -> ProvisionalCalendarError:
        """This refusal, naming the register row whose complaint it is about (``None``: as it is). A
        register check or report stops at the first such row; the row tells the user which one."""
        if row is None:
            return self
        return ProvisionalCalendarError(f"register row {row}: {self}", self.years)


class PolicyError(KlachtregelsError, ValueError):
    """A policy file or value is invalid, or breaks the law (``klachtregels policy lint``)."""


class RuleConflictError(KlachtregelsError):
    """Two applicable rules disagree and no precedence between them is declared (never a silent pick)."""


class UnknownFactError(KlachtregelsError, LookupError):
    """A fact needed for a definite answer was not given (raised only where a caller asks for strictness)."""


class RegisterError(KlachtregelsError, ValueError):
    """A complaint register cannot be read at all (no header, unreadable encoding, unknown format)."""
