"""Term arithmetic and the Algemene termijnenwet (ATW): from an event and a term to a :class:`Deadline`.

How a term is counted (rules R12-R18):

* Day 0 is the event day (the day the written complaint reaches the provider, R12) and is not
  counted. ``6 weeks`` from Tuesday 24 March 2026 ends on Tuesday 5 May 2026 (day 0 + 42).
* Weeks end on the same weekday; months on the same day number, clamped to the end of a short
  month (R18: 31 December + 2 months = 28 February).
* Working days are ATW working days (no Saturday, Sunday, holiday or equated day).
* The ATW applies only to statutory terms (R17), never to terms in hours, terms of more than 90
  days / 12 weeks / 3 months or of one year or more (art. 4, R16), nor to terms counted backwards
  (art. 1 lid 2, R13). Where it applies, art. 1 moves an end on a Saturday, Sunday, holiday or
  equated day to the next working day, and art. 2 extends a term of 3 days or more until it holds
  at least two working days (R14).

Every :class:`Deadline` gives both the raw ``calendar_date`` and the ``atw_date`` (A1), says which
non-working days it ran past and why, and is marked ``provisional`` when its date depends on decree
data (ATW art. 3 lid 3) that is not verified (A2).

Decree data matters only when the date depends on the ATW calendar *and* equated days are
included: a term where the ATW is applied, or a term counted in working days. A private
calendar term does not depend on it and is never provisional. Years before 1982 use a
reconstructed holiday list and are always provisional when the calendar is used.

How it is fast (one implementation): the calendar answers with table look-ups
(:mod:`klachtregels.calendar`); everything about a computation that does not depend on the day
(citations, rule ids, whether the ATW applies and why not) is worked out once per term and
setting (a *plan*); and each plan keeps the deadlines it computed per day 0 (a bounded memo:
a ``Deadline`` is immutable and the calendar data is fixed for the life of the process).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels import calendar as _cal
from klachtregels._arguments import (
    bool_argument,
    out_of_range,
    refuse_arguments,
    whole_number_argument,
    wrong_type,
)
from klachtregels._time import amsterdam, is_week_date, local_datetime, local_day
from klachtregels.calendar import NonWorkingDay, NonWorkingKind
from klachtregels.citations import ATW_1_1, ATW_1_2, ATW_2, ATW_3, ATW_4, GCK_12M, WKO_1_57B_2D, Citation
from klachtregels.errors import (
    ArgumentTypeError,
    InvalidInputError,
    PolicyError,
    ProvisionalCalendarError,
    TermError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "DEADLINE_SCHEMA",
    "DEADLINE_SCHEMA_VERSION",
    "HANDLING_TERM",
    "MAX_TERM_AMOUNT",
    "AtwMode",
    "Deadline",
    "ReceiptRule",
    "Term",
    "TermTooLargeError",
    "TermUnit",
    "deadline",
    "gck_filing_limit",
    "handling_deadline",
    "term_length_days",
    "within_statutory_handling_term",
]

#: ``"schema"`` value of :meth:`Deadline.to_dict`.
DEADLINE_SCHEMA: Final = "klachtregels.deadline"
#: ``"schema_version"`` of :meth:`Deadline.to_dict`; bumped on any incompatible change.
DEADLINE_SCHEMA_VERSION: Final = 1


def _text(code: str, lang: str, /, **params: object) -> str:
    """Render a catalogue entry (the catalogue is imported on first use: deadlines need no text)."""
    from klachtregels import messages

    return messages.text(code, lang, **params)


# --- terms ----------------------------------------------------------------------------------------


class TermUnit(enum.StrEnum):
    """The unit a term is expressed in."""

    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"
    HOURS = "hours"


class AtwMode(enum.StrEnum):
    """Whether the ATW extends the statutory 6-week handling term (A1)."""

    #: Apply ATW art. 1 and 2 (default): the term is set in a formal statute (Wko art. 1.57b).
    APPLY = "apply"
    #: Never apply it: the calendar date is the deadline.
    NEVER = "never"
    #: Follow the provider's own regulation: ``regulation_applies_atw`` says whether it applies.
    FOLLOW_REGULATION_TEXT = "follow_regulation_text"


class ReceiptRule(enum.StrEnum):
    """When a complaint received on a non-working day counts as filed (A4)."""

    #: The day it was received, whatever day that is (default; BW 3:37 lid 3).
    SAME_DAY = "same_day"
    #: The next ATW working day.
    NEXT_WORKING_DAY = "next_working_day"


_UNIT_WORDS: Final[dict[str, TermUnit]] = {
    **dict.fromkeys(("day", "days", "dag", "dagen", "calendar day", "calendar days"), TermUnit.DAYS),
    **dict.fromkeys(("kalenderdag", "kalenderdagen"), TermUnit.DAYS),
    **dict.fromkeys(("working day", "working days", "werkdag", "werkdagen"), TermUnit.WORKING_DAYS),
    **dict.fromkeys(("week", "weeks", "weken"), TermUnit.WEEKS),
    **dict.fromkeys(("month", "months", "maand", "maanden"), TermUnit.MONTHS),
    **dict.fromkeys(("year", "years", "jaar", "jaren"), TermUnit.YEARS),
    **dict.fromkeys(("hour", "hours", "uur", "uren"), TermUnit.HOURS),
}
_BACKWARDS_WORDS: Final = ("before", "voor", "vóór")
#: A number (ASCII digits only, as in dates: no other script's digits, no '_') and the unit words,
#: matched against the stripped text (no pattern that backtracks over a run of spaces).
_TERM_RE: Final = re.compile(r"([0-9]+)\s*([^0-9]+)")
#: Number words, Dutch and English: regulations write "zes weken" as often as "6 weken". The one
#: table: the organisation file's regulation (check K2) is read by this parser too.
_NUMBER_WORDS: Final = {
    "nul": 0,
    "zero": 0,
    "een": 1,
    "one": 1,
    "één": 1,
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "negen": 9,
    "nine": 9,
    "tien": 10,
    "ten": 10,
    "elf": 11,
    "eleven": 11,
    "twaalf": 12,
    "twelve": 12,
}
#: The largest amount a term is read with: a million of any unit (hours included) is far longer than
#: any term this library counts; a larger number is refused as too large (:class:`TermTooLargeError`).
MAX_TERM_AMOUNT: Final = 999_999
#: The most calendar days one of a unit can take, for the units whose amount alone does not keep a
#: term under :data:`MAX_TERM_AMOUNT` days (days, hours and working days do: a million working days
#: is under four thousand years).
_LONGEST_DAYS_PER_UNIT: Final = {TermUnit.WEEKS: 7, TermUnit.MONTHS: 31, TermUnit.YEARS: 366}
#: Leading words that say only that the term is a maximum: "at the latest", "within", "at most" (R6 (d):
#: "uiterlijk zes weken na indiening"; the seeds: "binnen 6 weken", "uiterlijk binnen zes weken", "binnen een
#: termijn van zes weken"). A term here is already a maximum, the last day by which something must happen,
#: so they leave it as it is. Exactly one, as separate words before the number, on a term counted forward:
#: before a term counted backwards "binnen 2 werkdagen voor" is the stretch of days before the event, not a
#: last day. Words that do change the term ("na"/"after", "minimaal"/"at least", "vanaf"/"from", "voor"/
#: "before" in front, "zo spoedig mogelijk en ...") are not here: such a text is refused.
_AT_MOST_WORDS: Final = frozenset(
    {
        "binnen",
        "uiterlijk",
        "uiterlijk binnen",
        "maximaal",
        "ten hoogste",
        "binnen een termijn van",
        "within",
        "at most",
        "at the latest",
        "at the latest within",
        "no later than",
        "not later than",
        "within a period of",
    }
)
_AT_MOST_LONGEST: Final = max(len(words.split()) for words in _AT_MOST_WORDS)
#: The phrases after the unit that name the complaint's receipt, the day 0 of the handling term (R12; "na
#: indiening" in R6 (d) is that day: A4, filing is receipt). Read only where the caller counts the term
#: from that day (``Term.parse(text, from_receipt=True)``: the organisation file's handling term, check K2);
#: anywhere else a term counts from the day it is used with (a policy's submission window from the day
#: the complaint arose, ``deadline`` from its ``start``), so a phrase naming a start is refused there.
_RECEIPT_PHRASES: Final = frozenset(
    {
        *(
            f"na {what}{of}"
            for what in ("ontvangst", "de ontvangst", "indiening", "de indiening", "het indienen")
            for of in ("", " van de klacht")
        ),
        *(
            f"{after} {what}{of}"
            for after in ("after", "of", "from")
            for what in ("receipt", "submission", "filing")
            for of in ("", " of the complaint")
        ),
    }
)
#: Words after the unit that begin a phrase naming the day a term counts from (for the message only:
#: anything after the unit that is not a receipt phrase read under ``from_receipt`` is refused).
_START_WORDS: Final = frozenset(
    ("na", "nadat", "vanaf", "sinds", "voor", "vóór", "after", "of", "from", "since", "following", "before")
)
_ACCEPTED: Final = (
    '"6 weeks"/"6 weken"/"1 week", "2 working days"/"2 werkdagen", "2 months"/"2 maanden"/"1 maand", '
    '"3 days"/"3 dagen"/"1 dag", "1 year"/"1 jaar", "48 hours"/"48 uur"; the number in digits 0-9 or as a '
    'word up to twelve ("zes weken", "een maand"); one "at most" word may come first ("uiterlijk", "binnen", '
    '"uiterlijk binnen", "maximaal", "within", "at most", "no later than"); add "before"/"voor" for a term '
    "counted backwards"
)
#: Why a term text cannot be read (its kind, never its text).
_NOT_A_TERM: Final = "it is not a whole number followed by a unit"
_LEADING_WORDS: Final = (
    "it has words before its number that are not an accepted 'at most' word, such as 'na', 'after', "
    "'minimaal' or 'at least', which change what the term means"
)
_AT_MOST_ALONE: Final = "it has an 'at most' word but no number and unit after it"
_AT_MOST_TWICE: Final = "it has more than one 'at most' word before its number"
_AT_MOST_BACKWARDS: Final = (
    "it has an 'at most' word before a term counted backwards, which makes it the stretch of days before "
    "the event, not a last day"
)
_NAMES_A_START: Final = (
    "it names the day it counts from, which is not read here: give the term alone, it counts from the day "
    "it is used with"
)
_NAMES_ANOTHER_START: Final = "it counts from another day than the complaint's receipt"


def _unreadable(problem: str) -> str:
    """The message of a term that cannot be read: what is wrong with it (its kind, never the text
    typed, which may hold anything) and the accepted forms. ``policy`` shows the problem per setting."""
    return f"cannot read the term ({problem}); accepted forms: {_ACCEPTED}"


class TermTooLargeError(TermError):
    """A term whose number is larger than :data:`MAX_TERM_AMOUNT`, or that is longer than that many
    days (``8000 jaar``, ``999999 weken``): well formed (a number and a unit), but longer than any
    term counted, and too long to count from a day of the calendar without running past the year
    9999. ``backwards``: whether it was written as counted backwards."""

    def __init__(self, message: str, *, backwards: bool) -> None:
        super().__init__(message)
        self.backwards = backwards


class TermTypeError(ArgumentTypeError, TermError):
    """A term given as something that is no term (``deadline(d, 3)``, ``Term.parse(None)``,
    ``Term("6", "weeks")``): an :class:`~klachtregels.errors.ArgumentTypeError` naming the argument,
    and a :class:`~klachtregels.errors.TermError` as every term that cannot be read. Not exported:
    catch either of those."""


def _term_type_error(name: str, expected: str, value: object) -> TermTypeError:
    """The error for argument ``name`` that is not what it takes: its type, never its value."""
    error = wrong_type(name, expected, value)
    return TermTypeError(error.what, error.problems)


#: What the term argument of :func:`deadline` and :func:`term_length_days` takes.
_TERM_EXPECTED: Final = "a Term or a term's text"


def _to_amount(value: object) -> int:
    """``Term.amount``: a whole number (a NumPy integer too; not a bool, a float or text)."""
    if type(value) is int:
        return value
    try:
        return whole_number_argument(value, "amount")
    except ArgumentTypeError as error:
        raise TermTypeError(error.what, error.problems) from None


def _to_backwards(value: object) -> bool:
    """``Term.backwards``: a switch (text such as ``"no"`` is true in Python: refused by name)."""
    if value is True or value is False:
        return value
    return bool(bool_argument(value, "backwards"))


def _check_amount(_inst: Any, _attr: Any, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        got = (
            "a number below 1"
            if isinstance(value, int) and not isinstance(value, bool)
            else "a " + type(value).__name__
        )
        msg = f"a term amount must be a whole number of at least 1, got {got}"
        raise TermError(msg)


def _to_unit(value: TermUnit | str) -> TermUnit:
    try:
        return TermUnit(value)
    except ValueError:
        if not isinstance(value, str):
            raise _term_type_error("unit", "a TermUnit or a unit's name", value) from None
        msg = f"unknown term unit (not repeated here); use one of {', '.join(u.value for u in TermUnit)}"
        raise TermError(msg) from None


@attrs.frozen
class Term:
    """A term: an amount of a unit, counted forward from an event (or ``backwards`` before it).

    ``Term(6, "weeks")``; ``Term.parse("2 werkdagen")``; ``str(term)`` gives back parseable English.
    """

    amount: int = attrs.field(converter=_to_amount, validator=_check_amount)
    unit: TermUnit = attrs.field(converter=_to_unit)
    #: Counted backwards from the event (terugrekening): the ATW never applies (art. 1 lid 2).
    backwards: bool = attrs.field(default=False, kw_only=True, converter=_to_backwards)
    # Derived once (terms are few, deadlines many): why the ATW cannot apply (a catalogue code and
    # the article); whether ATW art. 2 concerns it; the computation plans per setting (see _Plan).
    _exclusion: tuple[str, Citation] | None = attrs.field(init=False, eq=False, repr=False)
    _art2: bool = attrs.field(init=False, eq=False, repr=False)
    _plans: dict[tuple[Any, ...], _Plan] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        per_unit = _LONGEST_DAYS_PER_UNIT.get(self.unit, 1)
        if self.amount * per_unit > MAX_TERM_AMOUNT:  # Term(10**9, "days") as "1000000000 dagen"
            # Refused like a number over MAX_TERM_AMOUNT: no deadline could be counted with it (a few
            # thousand years from a day of the calendar runs past 31 December 9999).
            msg = _unreadable(f"it is longer than {MAX_TERM_AMOUNT} days")
            raise TermTooLargeError(msg, backwards=self.backwards)
        object.__setattr__(self, "_exclusion", self._compute_exclusion())
        # R14: art. 2 is about terms of at least three days; a term in working days is counted in
        # ATW working days already and is left to art. 1.
        nominal = self.nominal_days
        art2 = self.unit is not TermUnit.WORKING_DAYS and (nominal is None or nominal >= 3)
        object.__setattr__(self, "_art2", art2)

    @classmethod
    def parse(cls, text: str, *, from_receipt: bool = False) -> Term:
        """Read ``"6 weeks"``, ``"6 weken"``, ``"2 working days"``, ``"2 werkdagen"``, ``"1 maand"`` ...

        One "at most" word may come first, as regulations write their terms: ``"uiterlijk zes weken"``,
        ``"binnen 10 werkdagen"``, ``"uiterlijk binnen 4 weken"``, ``"maximaal 6 weken"``, ``"within six
        weeks"``, ``"no later than 6 weeks"``. A term is already a maximum (its last day), so the word
        leaves it as it is: ``Term.parse("binnen zes weken") == Term(6, "weeks")``. Words that change a
        term ("na 6 weken", "at least 6 weeks", two "at most" words, one before a term counted backwards)
        are refused.

        A phrase after the unit that names the day the term counts from ("na ontvangst van de klacht",
        "of receipt") is refused: a term counts from the day it is used with. With ``from_receipt=True``
        the caller counts it from the complaint's receipt (R12, as the handling term of Wko art. 1.57b
        lid 2 sub d: "uiterlijk zes weken na indiening"), and a phrase naming that day is read:
        ``Term.parse("binnen zes weken na ontvangst", from_receipt=True) == Term(6, "weeks")``; one naming
        another day ("na het ontstaan van de klacht") is still refused.

        Raises :class:`~klachtregels.errors.TermError` saying what is wrong (never repeating the
        text) and the accepted forms; for anything but text, a :class:`~klachtregels.errors.TermError`
        that is also an :class:`~klachtregels.errors.ArgumentTypeError` naming ``text``.
        """
        if from_receipt is not False and bool_argument(from_receipt, "from_receipt"):
            if not isinstance(text, str):
                raise _term_type_error("text", "a term's text", text)
            # Not kept in the cache of texts read without a start: the same text reads alike there or fails.
            return _PARSED.get(text) or _parse_term(text, from_receipt=True)
        return _as_term(text, "text", "a term's text")

    def label(self, lang: str = "nl") -> str:
        """``6 weken`` / ``6 weeks`` (with ``vóór``/``before`` for a backwards term)."""
        number = "ONE" if self.amount == 1 else "MANY"
        text = _text(f"ATW_UNIT_{self.unit.name}_{number}", lang, amount=self.amount)
        if self.backwards:
            text = _text("ATW_TERM_BACKWARDS", lang, term=text)
        return text

    def __str__(self) -> str:
        return self.label("en")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy the term, not its plans and their memos.
        return (_make_term, (self.amount, self.unit.value, self.backwards))

    @property
    def nominal_days(self) -> int | None:
        """The length in calendar days where the unit fixes it (days, weeks), else ``None``."""
        if self.unit is TermUnit.DAYS:
            return self.amount
        if self.unit is TermUnit.WEEKS:
            return 7 * self.amount
        return None

    def atw_exclusion(self) -> tuple[str, Citation] | None:
        """Why the ATW can never apply to this term (art. 1 lid 2, art. 4), in English, or ``None``."""
        if self._exclusion is None:
            return None
        code, citation = self._exclusion
        return _text(code, "en"), citation

    def _compute_exclusion(self) -> tuple[str, Citation] | None:
        if self.backwards:
            return ("ATW_EXCLUDED_BACKWARDS", ATW_1_2)
        unit, n = self.unit, self.amount
        if unit is TermUnit.HOURS:
            return ("ATW_EXCLUDED_HOURS", ATW_4)
        if (
            (unit is TermUnit.DAYS and n > 90)
            or (unit is TermUnit.WEEKS and n > 12)
            or (unit is TermUnit.MONTHS and n > 3)
            or unit is TermUnit.YEARS
        ):
            return ("ATW_EXCLUDED_LONG", ATW_4)
        return None


def _make_term(amount: int, unit: str, backwards: bool) -> Term:
    """Rebuild a pickled :class:`Term`."""
    return Term(amount, unit, backwards=backwards)


def _number_and_words(text: str) -> tuple[str, str] | None:
    """The number (ASCII digits, or a number word as digits) and the unit words of a term text."""
    stripped = text.strip()
    m = _TERM_RE.fullmatch(stripped)
    if m:
        return m.group(1), m.group(2)
    parts = stripped.split(maxsplit=1)
    number = _NUMBER_WORDS.get(parts[0].casefold()) if len(parts) == 2 else None
    return None if number is None else (str(number), parts[1])


def _without_at_most(text: str) -> tuple[str, bool]:
    """``text`` (stripped) without its leading "at most" word (:data:`_AT_MOST_WORDS`, the longest that
    fits: "uiterlijk binnen" before "uiterlijk"), and whether it had one. The word must stand apart:
    "uiterlijkzes weken" has none (and is no term)."""
    words = text.split(maxsplit=_AT_MOST_LONGEST)
    for n in range(min(_AT_MOST_LONGEST, len(words)), 0, -1):
        if " ".join(words[:n]).casefold() in _AT_MOST_WORDS:
            rest = text.split(maxsplit=n)
            return (rest[n] if len(rest) > n else ""), True
    return text, False


def _has_leading_words(text: str) -> bool:
    """Whether ``text``, no term, is words and then a number: "na 6 weken", "minimaal zes weken"."""
    words = text.split()
    return any((w[:1].isascii() and w[:1].isdigit()) or w.casefold() in _NUMBER_WORDS for w in words[1:])


def _unit_and_start(words: str) -> tuple[TermUnit, str] | None:
    """The unit of unit words followed by a phrase naming the day the term counts from ("weken na
    ontvangst"), and that phrase; ``None`` when ``words`` is not a unit and such a phrase."""
    parts = words.split(" ")
    for n in (1, 2):  # a unit is one or two words ("weken", "working days")
        unit = _UNIT_WORDS.get(" ".join(parts[:n]))
        if unit is not None and len(parts) > n and parts[n] in _START_WORDS:
            return unit, " ".join(parts[n:])
    return None


def _unit_words(words: str, from_receipt: bool) -> tuple[TermUnit | None, bool, str | None]:
    """The unit of a term's words after its number (``weken``, ``werkdagen voor``), whether it is
    counted backwards, and what is wrong with a phrase naming its start (``None``: nothing)."""
    words = words.lower().replace("-", " ")
    if not words.isascii():  # "vóór" typed composed or decomposed reads alike (as a header does)
        import unicodedata  # only then: not on the start-up path

        words = unicodedata.normalize("NFC", words)
    words = " ".join(words.split())
    for suffix in _BACKWARDS_WORDS:
        if words.endswith(" " + suffix):
            return _UNIT_WORDS.get(words[: -len(suffix) - 1]), True, None
    unit = _UNIT_WORDS.get(words)
    if unit is None and (split := _unit_and_start(words)) is not None:
        if not from_receipt:
            return None, False, _NAMES_A_START
        if split[1] not in _RECEIPT_PHRASES:
            return None, False, _NAMES_ANOTHER_START
        return split[0], False, None
    return unit, False, None


def _parse_term(text: str, from_receipt: bool = False) -> Term:
    """The one term parser (the law's terms, policies, the command line, the organisation file's
    regulation): ``6 weeks``, ``zes weken``, ``2 werkdagen voor``, ``uiterlijk binnen zes weken``.
    Digits are ASCII only. ``from_receipt``: the caller counts the term from the complaint's receipt, so
    a phrase naming that day after the unit is read (:data:`_RECEIPT_PHRASES`)."""
    body, at_most = _without_at_most(text.strip())
    found = _number_and_words(body)
    unit, backwards, problem = _unit_words(found[1], from_receipt) if found else (None, False, None)
    digits = (found[0].lstrip("0") or "0") if found else ""
    # What is wrong, never the text itself (a term typed by a person may hold anything).
    if at_most and not body:
        problem = _AT_MOST_ALONE
    elif at_most and _without_at_most(body)[1]:
        problem = _AT_MOST_TWICE
    elif found is None:
        problem = _LEADING_WORDS if not at_most and _has_leading_words(body) else _NOT_A_TERM
    elif problem is None and unit is None:
        # "ten minste zes weken", "een minimum van 6 weken": a number word that begins other words
        leading = not body[:1].isdigit() and _has_leading_words(body)
        problem = _LEADING_WORDS if leading else "its unit is not one of the accepted forms"
    elif problem is None and digits == "0":
        problem = "its number is below 1"
    elif problem is None and at_most and backwards:
        problem = _AT_MOST_BACKWARDS
    if problem is not None or unit is None:
        raise TermError(_unreadable(problem or _NOT_A_TERM))
    if len(digits) > len(str(MAX_TERM_AMOUNT)):  # never int(): the digits may be thousands long
        msg = _unreadable(f"its number is larger than {MAX_TERM_AMOUNT}")
        raise TermTooLargeError(msg, backwards=backwards)
    return Term(int(digits), unit, backwards=backwards)


# --- citations and rule ids -----------------------------------------------------------------------

# Every provision is defined once, in klachtregels.citations.
_WKO_HANDLING: Final = WKO_1_57B_2D
_ATW_APPLIED: Final = (ATW_1_1, ATW_2, ATW_3)
_ATW_APPLIED_NO_ART2: Final = (ATW_1_1, ATW_3)

#: The statutory handling term: six weeks (Wko art. 1.57b lid 2 sub d, R6, R12). The one place
#: where the six weeks (42 days) are defined.
HANDLING_TERM: Final = Term(6, TermUnit.WEEKS)
_GCK_TERM: Final = Term(12, TermUnit.MONTHS)

# --- the Deadline ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class Deadline:
    """The last day an act is in time, with the calendar and ATW dates, reasons and citations.

    ``date`` is the answer; ``calendar_date`` is the raw date before any ATW; ``atw_date`` the
    date with ATW art. 1 and 2 applied (equal to ``calendar_date`` where the ATW cannot apply:
    private terms, art. 4, backwards terms). ``extended_by`` explains the difference between the
    two. Build it with :func:`deadline`, :func:`handling_deadline` or :func:`gck_filing_limit`.
    """

    #: The event as given, as a date in Europe/Amsterdam (A22).
    received: _dt.date
    #: Day 0 of the count (differs from ``received`` only under ``ReceiptRule.NEXT_WORKING_DAY``).
    start: _dt.date
    term: Term
    #: Set in a formal statute or AMvB (R17); only then can the ATW apply.
    statutory: bool
    #: The last day the act is in time.
    date: _dt.date
    #: The raw end of the term, before any ATW (R12, R18).
    calendar_date: _dt.date
    #: The end with ATW art. 1 and 2 applied; equals ``calendar_date`` when the ATW cannot apply.
    atw_date: _dt.date
    #: The ATW was used for ``date``.
    atw_applied: bool
    #: Whether the ATW applies is undetermined (A1, ``follow_regulation_text`` without an answer).
    atw_undetermined: bool = False
    #: Why the ATW was not applied, or ``None`` (English, rendered when first read; ``explain``
    #: gives it in Dutch too).
    atw_not_applied_reason: str | None = None
    #: ATW art. 2 extended the term beyond art. 1 (R14).
    art2_extended: bool = False
    #: Every non-working day between ``calendar_date`` and ``atw_date``, with reason and basis.
    extended_by: tuple[NonWorkingDay, ...] = ()
    include_equated_days: bool = True
    exclude_start_day: bool = True
    #: The date depends on decree data that is not verified (A2).
    provisional: bool = False
    #: Names the unverified years (English, rendered when first read), or ``None``.
    provisional_reason: str | None = None
    unverified_years: tuple[int, ...] = ()
    citations: tuple[Citation, ...] = ()
    rule_ids: tuple[str, ...] = ()
    #: Exact end moment, for terms in hours counted from a datetime; otherwise ``None``.
    end_moment: _dt.datetime | None = None
    #: Internal: why the ATW is not used for ``date`` (for ``explain``).
    _atw_state: str = attrs.field(default="applied", alias="atw_state", repr=False)
    #: Internal: the catalogue code and article of an ATW exclusion (art. 1 lid 2, art. 4).
    _exclusion: tuple[str, Citation] | None = attrs.field(default=None, alias="exclusion", repr=False)

    def __repr__(self) -> str:
        """Short: the date, the term, the receipt day, whether the ATW applied, the provisional mark."""
        from klachtregels.bulk._display import deadline_repr

        return deadline_repr(self)

    def _repr_html_(self) -> str:
        """Notebook display (escaped HTML; :mod:`klachtregels.bulk._display`)."""
        from klachtregels.bulk._display import deadline_html

        return deadline_html(self)

    @property
    def ends_at(self) -> _dt.datetime:
        """End of the last day: ``date`` at 23:59:59.999999 Europe/Amsterdam (A22), timezone-aware."""
        if self.end_moment is not None:
            return self.end_moment
        return _dt.datetime.combine(self.date, _dt.time.max, tzinfo=amsterdam())

    def explain(self, lang: str = "nl") -> str:
        """A readable account: start, term, raw date, each skipped day with reason and basis, result."""
        lines = []
        if self.received != self.start:
            lines.append(_text("ATW_EXPLAIN_RECEIVED", lang, r=self.received, d=self.start))
        start_code = "ATW_EXPLAIN_START" if self.exclude_start_day else "ATW_EXPLAIN_START_INCLUDED"
        lines.append(_text(start_code, lang, d=self.start))
        term_code = "ATW_EXPLAIN_TERM_STATUTORY" if self.statutory else "ATW_EXPLAIN_TERM_PRIVATE"
        lines.append(_text(term_code, lang, t=self.term.label(lang)))
        if self.term.unit is TermUnit.WORKING_DAYS:
            lines.append(_text("ATW_EXPLAIN_CALENDAR_ONLY", lang))
        lines.append(_text("ATW_EXPLAIN_RAW", lang, d=self.calendar_date))
        lines.extend(self._atw_lines(lang))
        lines.append(_text("ATW_EXPLAIN_RESULT", lang, d=self.date))
        if self.provisional:
            lines.append(_text("ATW_EXPLAIN_PROVISIONAL", lang, years=self.unverified_years))
        return "\n".join(lines)

    def _atw_lines(self, lang: str) -> list[str]:
        """The lines of :meth:`explain` that say whether and how the ATW moved the date."""
        state = self._atw_state
        if state == "excluded" and self._exclusion is not None:
            code, citation = self._exclusion
            return [_text("ATW_EXPLAIN_EXCLUDED", lang, why=_text(code, lang), cite=citation.label(lang))]
        if state == "never":
            return [_text("ATW_EXPLAIN_NEVER", lang, d=self.atw_date)]
        if state == "regulation_no":
            return [_text("ATW_EXPLAIN_REGULATION_NO", lang, d=self.atw_date)]
        if state not in ("applied", "undetermined"):
            return []
        lines = []
        if state == "undetermined":
            lines.append(_text("ATW_EXPLAIN_UNDETERMINED", lang, c=self.calendar_date, a=self.atw_date))
        if self.atw_date == self.calendar_date:
            lines.append(_text("ATW_EXPLAIN_NO_SHIFT", lang))
            return lines
        lines.append(_text("ATW_EXPLAIN_APPLIED", lang))
        skipped = [_skipped_line(day, lang) for day in self.extended_by]
        if self.art2_extended:
            lines.extend(f"- {s}" for s in skipped)
            lines.append(_text("ATW_EXPLAIN_ART2", lang, d=self.atw_date))
        else:
            if skipped:
                skipped[-1] = _text("ATW_EXPLAIN_SKIPPED_TO", lang, line=skipped[-1], d=self.atw_date)
            lines.extend(f"- {s}" for s in skipped)
        return lines

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Deadline:
        """Rebuild a deadline from :meth:`to_dict` (deadlines survive a JSON round trip).

        Read through :mod:`klachtregels.convert` (the published shape, key for key): raises
        :class:`~klachtregels.errors.InvalidInputError` listing every problem by path
        (``extended_by[0].date``), or naming ``schema``/``schema_version`` for another shape. The
        keys written from the others (``library_version``, ``explanation``) are not read; what
        the form implies without holding it (why the ATW was not used, the exact end of a term in
        hours) is read back from ``atw_not_applied_reason`` and ``ends_at``.
        """
        from klachtregels import convert

        return convert.structure(data, cls, what="deadline")

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON shape ``klachtregels.deadline`` v1 (see ``docs/cli/deadline.md``)."""
        from klachtregels._version import __version__

        return {
            "schema": DEADLINE_SCHEMA,
            "schema_version": DEADLINE_SCHEMA_VERSION,
            "library_version": __version__,
            "received": self.received.isoformat(),
            "start": self.start.isoformat(),
            "term": {
                "amount": self.term.amount,
                "unit": self.term.unit.value,
                "backwards": self.term.backwards,
                "text": str(self.term),
            },
            "statutory": self.statutory,
            "date": self.date.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "calendar_date": self.calendar_date.isoformat(),
            "atw_date": self.atw_date.isoformat(),
            "atw_applied": self.atw_applied,
            "atw_undetermined": self.atw_undetermined,
            "atw_not_applied_reason": self.atw_not_applied_reason,
            "art2_extended": self.art2_extended,
            "extended_by": [day.to_dict() for day in self.extended_by],
            "include_equated_days": self.include_equated_days,
            "exclude_start_day": self.exclude_start_day,
            "provisional": self.provisional,
            "provisional_reason": self.provisional_reason,
            "unverified_years": list(self.unverified_years),
            "citations": [c.to_dict() for c in self.citations],
            "rule_ids": list(self.rule_ids),
            "explanation": {"nl": self.explain("nl"), "en": self.explain("en")},
        }


class _RenderedOnRead:
    """A ``Deadline`` field whose English text comes from the catalogue when first read.

    A computed deadline leaves ``atw_not_applied_reason`` and ``provisional_reason`` out of its
    ``__dict__``; this class attribute renders the text from the fields it follows from (so
    computing deadlines never loads the catalogue) and keeps it in the instance. A value given to
    ``Deadline(...)`` is stored in the instance and wins, as for any other field.
    """

    def __init__(self, render: Callable[[Deadline], str | None]) -> None:
        self.render = render
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Deadline | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.render(obj)
        return value


def _render_not_applied_reason(d: Deadline) -> str | None:
    """``Deadline.atw_not_applied_reason``: why the ATW is not used for ``date`` (R16, R17, A1)."""
    state = d._atw_state
    if state == "private":
        return _text("ATW_NOT_APPLIED_PRIVATE", "en")
    if state == "excluded" and d._exclusion is not None:
        code, citation = d._exclusion
        return _text("ATW_NOT_APPLIED_EXCLUDED", "en", why=_text(code, "en"), cite=citation.label("en"))
    if state == "never":
        return _text("ATW_NOT_APPLIED_POLICY", "en")
    if state == "regulation_no":
        return _text("ATW_NOT_APPLIED_REGULATION", "en")
    return None


def _render_provisional_reason(d: Deadline) -> str | None:
    """``Deadline.provisional_reason``: which years make it provisional (A2)."""
    return _provisional_reason(d.unverified_years) if d.provisional else None


for _name, _render in (
    ("atw_not_applied_reason", _render_not_applied_reason),
    ("provisional_reason", _render_provisional_reason),
):
    _field = _RenderedOnRead(_render)
    setattr(Deadline, _name, _field)
    _field.__set_name__(Deadline, _name)
del _name, _render, _field


# --- reading a deadline back (klachtregels.convert's shape of Deadline) --------------------------------


def _read_back_atw(data: Mapping[str, Any]) -> tuple[str, tuple[str, Citation] | None] | None:
    """Why the ATW is (not) used for a deadline's date, as :func:`_atw_state` gave it, from the
    deadline's JSON form; ``None`` when the term or the switches are not readable (their own keys
    report that). Raises the layer's problem when the form contradicts itself."""
    from klachtregels.convert import InputProblem, ProblemText, read_boolean, structure

    # Read as the fields are (a yes/no word, 1/0; a key left out is its field's default), so the
    # state agrees with the object the fields make.
    statutory, applied = read_boolean(data.get("statutory")), read_boolean(data.get("atw_applied"))
    undetermined = read_boolean(data.get("atw_undetermined", False))
    if statutory is None or applied is None or undetermined is None:
        return None
    try:
        term = structure(data.get("term"), Term)
    except InvalidInputError:
        return None
    state, exclusion = _atw_state(term, statutory, "applied")
    if state == "applied":
        if undetermined:
            state = "undetermined"
        elif not applied:
            reason = data.get("atw_not_applied_reason")
            texts = {_text(code, "en"): name for name, code in _NOT_APPLIED_BY_POLICY.items()}
            if reason not in texts:
                raise InputProblem("", [("atw_not_applied_reason", ProblemText("INPUT_NOT_IN_FORM"))])
            state = texts[reason]
    if (state in ("applied", "undetermined")) != applied or (state == "undetermined") != undetermined:
        raise InputProblem("", [("atw_applied", ProblemText("INPUT_NOT_IN_FORM"))])
    return state, exclusion


#: The policy's two ways of not applying the ATW to a statutory term (A1), by their reasons.
_NOT_APPLIED_BY_POLICY: Final = {
    "never": "ATW_NOT_APPLIED_POLICY",
    "regulation_no": "ATW_NOT_APPLIED_REGULATION",
}


def _read_back_end_moment(data: Mapping[str, Any]) -> Any:
    """``Deadline.end_moment`` from the form's ``ends_at``: ``None`` when it is the end of ``date``
    in Europe/Amsterdam, else the moment (a term in hours). ``ValueError`` for a moment that is not
    an ISO date-time with its offset."""
    from klachtregels import convert

    ends = data["ends_at"]
    if not isinstance(ends, str):
        raise TypeError
    if is_week_date(ends):  # no week dates, as in every date of the one convention
        raise ValueError
    moment = _dt.datetime.fromisoformat(ends)
    if moment.tzinfo is None:
        raise ValueError
    try:  # the date as the field reads it (any form of the one date convention)
        day = convert.structure(data["date"], _dt.date)
    except (KeyError, InvalidInputError):
        return convert.ABSENT  # the date reports its own problem
    return None if moment == _dt.datetime.combine(day, _dt.time.max, tzinfo=amsterdam()) else ends


_SKIPPED_CODES: Final = {
    NonWorkingKind.WEEKEND: "ATW_EXPLAIN_SKIPPED_WEEKEND",
    NonWorkingKind.EQUATED: "ATW_EXPLAIN_SKIPPED_EQUATED",
    NonWorkingKind.GOOD_FRIDAY: "ATW_EXPLAIN_SKIPPED_GOOD_FRIDAY",
    NonWorkingKind.HOLIDAY: "ATW_EXPLAIN_SKIPPED_HOLIDAY",
}


def _skipped_line(day: NonWorkingDay, lang: str) -> str:
    """One skipped day of :meth:`Deadline.explain`: its date (no weekday), name, basis and decree."""
    from klachtregels import messages

    return messages.text(
        _SKIPPED_CODES[day.kind],
        lang,
        d=messages.format_date(day.date, lang, weekday=False),
        name=day.name(lang),
        basis="; ".join(c.label(lang) for c in day.basis),
        decree=day.decree or "",
    )


# --- computation ----------------------------------------------------------------------------------

_ONE_DAY: Final = _dt.timedelta(days=1)
_DAYS_IN_MONTH: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: A plan keeps at most this many deadlines per day 0 (16,384 days is 45 years).
_MEMO_MAX: Final = 16_384
#: A plan keeps a table of deadlines for at most this many years (about 0.3 MB a year).
_YEAR_TABLES_MAX: Final = 64
#: Terms of at most this many working days (about 40 weeks) stay within a year: year tables.
_TABLE_MAX_WORKING_DAYS: Final = 200


def _add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus ``months`` calendar months, clamped to the end of a short month (R18)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    last = _DAYS_IN_MONTH[month0]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    if not 1 <= year <= _dt.MAXYEAR:  # as adding a timedelta past the calendar does
        raise OverflowError("date value out of range")
    return _dt.date(year, month, min(day.day, last))


class _Plan:
    """Everything about a computation that does not depend on day 0, worked out once.

    One plan per term and setting: whether the ATW applies (and why not), the citations and rule
    ids, how the raw end is found, and a ``template`` with every :class:`Deadline` field that is
    the same for each day 0. ``memo`` holds the deadlines computed so far, by day 0 (plain dates
    only; a datetime can carry an end moment).
    """

    __slots__ = (
        "art2",
        "by_years",
        "calendar_dependent",
        "counted",
        "extend",
        "include_eq",
        "memo",
        "months",
        "offset",
        "prefill",
        "reach",
        "rule_ids",
        "tables",
        "template",
        "term",
        "use_atw",
        "working_days",
        "years",
    )

    def __init__(
        self,
        term: Term,
        *,
        statutory: bool,
        atw_policy: str,
        include_eq: bool,
        exclude_start_day: bool,
        citations: tuple[Citation, ...],
        rule_ids: tuple[str, ...],
        counts_from_receipt: bool = True,
    ) -> None:
        """``atw_policy``: "applied" | "never" | "regulation_no" | "undetermined" (statutory only).

        ``counts_from_receipt``: day 0 is the day of receipt, the key of ``memo``; False where day
        0 can move to the next working day (A4), so the memo cannot be filled from a year table.
        """
        self.term = term
        self.include_eq = include_eq
        self.memo: dict[_dt.date, Deadline] = {}
        self.prefill = counts_from_receipt
        self.by_years: dict[int | tuple[int, int], dict[str, Any]] = {}
        #: year -> (ordinal of 1 January, the deadline of each day 0 of the year); an empty list
        #: for a year without a table. ``tables`` counts the tables (at most ``_YEAR_TABLES_MAX``).
        self.years: dict[int, tuple[int, list[Deadline]]] = {}
        self.tables = 0
        self._how_to_count(term, exclude_start_day)
        state, exclusion = _atw_state(term, statutory, atw_policy)
        # ATW art. 1 cannot move the end of a term in working days: it is a working day already.
        self.extend = state not in ("private", "excluded") and term.unit is not TermUnit.WORKING_DAYS
        self.art2 = term._art2
        self.use_atw = use_atw = state in ("applied", "undetermined")
        ids, cites = _ids_and_citations(state, term, exclusion, rule_ids, citations)
        self.rule_ids = ids
        # Decree data matters only where the date depends on the ATW calendar (A2).
        self.calendar_dependent = use_atw or term.unit is TermUnit.WORKING_DAYS
        self.template: dict[str, Any] = {
            "received": None,
            "start": None,
            "term": term,
            "statutory": statutory,
            "date": None,
            "calendar_date": None,
            "atw_date": None,
            "atw_applied": use_atw,
            "atw_undetermined": state == "undetermined",
            "art2_extended": False,
            "extended_by": (),
            "include_equated_days": include_eq,
            "exclude_start_day": exclude_start_day,
            "provisional": False,
            "unverified_years": (),
            "citations": cites,
            "rule_ids": ids,
            "end_moment": None,
            "_atw_state": state,
            "_exclusion": exclusion,
        }

    def _how_to_count(self, term: Term, exclude_start_day: bool) -> None:
        """Set ``offset`` (a fixed number of days), or ``working_days`` / ``months`` (R12, R18)."""
        sign = -1 if term.backwards else 1
        unit, n = term.unit, term.amount
        self.offset = _dt.timedelta(0)
        self.working_days = self.months = 0
        start_shift = 0 if exclude_start_day else -sign  # A3: day 0 counts as the first day
        if unit is TermUnit.WORKING_DAYS:
            self.working_days = sign * n
            self.offset = _dt.timedelta(days=start_shift)  # moves the base, then counts
        elif unit in (TermUnit.MONTHS, TermUnit.YEARS):
            self.months = sign * n * (12 if unit is TermUnit.YEARS else 1)
            self.offset = _dt.timedelta(days=start_shift)  # applied after the months
        else:
            nominal = term.nominal_days
            if nominal is None:  # hours from a date: counted from the end of day 0 (R12)
                days, rest = divmod(n, 24)
                nominal = days + (1 if rest else 0)
            self.offset = _dt.timedelta(days=sign * nominal + start_shift)
        #: The end needs the calendar or month arithmetic; else it is day 0 + ``offset``.
        self.counted = bool(self.working_days or self.months)
        #: The term stays within a year of day 0 (its ATW extension within the next): year tables.
        self.reach = (
            abs(self.working_days) <= _TABLE_MAX_WORKING_DAYS
            and abs(self.months) <= 12  # one year (R18)
            and abs(self.offset.days) <= 366  # one (leap) year
        )

    def template_for(self, y0: int, y1: int) -> dict[str, Any]:
        """The template of a deadline whose date depends on the calendar of ``y0``-``y1`` (A2).

        ``template`` itself when those years are verified, else one marked provisional, naming
        them; kept in ``by_years`` (by year, or by pair of years).
        """
        bad = _unverified(y0, y1, self.include_eq)
        template = self.template
        if bad:
            template = {
                **self.template,
                "provisional": True,
                "unverified_years": bad,
                "rule_ids": (*self.rule_ids, "A2"),
            }
        self.by_years[y0 if y0 == y1 else (y0, y1)] = template
        return template

    def year_table(self, year: int) -> tuple[int, list[Deadline]]:
        """The deadline of every day 0 of ``year``, built ahead on first use, or none.

        A table is made only where every day of it is answered by the shipped calendar (the year
        and the two on either side lie in its years, so a table never imports ``holidays`` or
        meets the calendar's edges) and the term reaches at most a year (``reach``); each plan
        keeps at most ``_YEAR_TABLES_MAX`` tables. Each entry is :func:`_build` of the row
        :func:`_parts` gives for its day. Where day 0 is the day of receipt and the memo has room,
        the year's deadlines are put in the memo too, so that any day of the year is then answered
        by one look-up. Elsewhere :func:`_parts` answers day by day.
        """
        table: tuple[int, list[Deadline]] = (0, [])
        if self.reach and self.tables < _YEAR_TABLES_MAX:
            years = _cal.table_years()
            if years.start + 2 <= year < years.stop - 2:
                first = _dt.date(year, 1, 1).toordinal()
                days = map(_dt.date.fromordinal, range(first, _dt.date(year, 12, 31).toordinal() + 1))
                built = [_build(day, day, _parts(day, self)) for day in days]
                table = (first, built)
                self.tables += 1
                memo = self.memo
                if self.prefill and len(memo) + len(built) <= _MEMO_MAX:
                    for result in built:  # a day of this year is a memo hit from now on
                        memo.setdefault(result.start, result)
        self.years[year] = table
        return table

    def raw_end(self, day0: _dt.date) -> _dt.date:
        """The end of the term before any ATW (R12, R18)."""
        if self.working_days:
            base = day0 + self.offset
            return _cal.add_working_days(base, self.working_days, include_equated_days=self.include_eq)
        if self.months:
            return _add_months(day0, self.months) + self.offset
        return day0 + self.offset


def _ids_and_citations(
    state: str,
    term: Term,
    exclusion: tuple[str, Citation] | None,
    rule_ids: tuple[str, ...],
    citations: tuple[Citation, ...],
) -> tuple[tuple[str, ...], tuple[Citation, ...]]:
    """The rule ids and citations of a deadline, given whether and why the ATW is used."""
    if state in ("applied", "undetermined"):
        cites = citations + (_ATW_APPLIED if term._art2 else _ATW_APPLIED_NO_ART2)
        ids = (*rule_ids, "R13", "R14", "R15")
        return ((*ids, "A1") if state == "undetermined" else ids), cites
    if state == "excluded" and exclusion is not None:
        return (*rule_ids, "R16"), (*citations, exclusion[1])
    if state == "private":
        return (*rule_ids, "R17"), citations
    # A handling plan under `never` (or a regulation without the ATW) names A1 already.
    return (rule_ids if "A1" in rule_ids else (*rule_ids, "A1")), citations


def _atw_state(term: Term, statutory: bool, atw_policy: str) -> tuple[str, tuple[str, Citation] | None]:
    """Whether the ATW is used for the date (R13, R16, R17, A1), and the exclusion if any."""
    if not statutory:
        return "private", None
    if term._exclusion is not None:
        return "excluded", term._exclusion
    return atw_policy, None


_new = object.__new__


_atw_extend: Final = _cal.atw_extend


#: What :func:`_parts` finds for a day 0: raw end, ATW date, the answer, the days passed over,
#: whether ATW art. 2 extended the term, and the template of the deadline's years (A2).
_Row = tuple[_dt.date, _dt.date, _dt.date, tuple[NonWorkingDay, ...], bool, dict[str, Any]]


def _parts(day0: _dt.date, plan: _Plan) -> _Row:
    """The one computation of a deadline from ``day0``: raw end, ATW art. 1 and 2, its years (A2).

    Everything a :class:`Deadline` holds that depends on ``day0``, and the template of the rest.
    A plan's year tables (:meth:`_Plan.year_table`) hold the deadlines built from it, one per day.
    """
    raw = plan.raw_end(day0) if plan.counted else day0 + plan.offset
    if plan.extend:
        atw, skipped, art2_extended = _atw_extend(day0, raw, plan.art2, plan.include_eq)
        date = atw if plan.use_atw else raw
    else:
        atw = date = raw
        skipped, art2_extended = (), False
    template = plan.template
    if plan.calendar_dependent:
        y0, y1 = day0.year, date.year  # the years the date depends on (A2): [day 0, date], raw end
        if y1 < y0:
            y0, y1 = y1, y0
        if raw.year > y1:
            y1 = raw.year
        by_years = plan.by_years.get(y0 if y0 == y1 else (y0, y1))
        template = plan.template_for(y0, y1) if by_years is None else by_years
    return raw, atw, date, skipped, art2_extended, template


def _compute(received: _dt.date, day0: _dt.date, plan: _Plan, strict: bool) -> Deadline:
    """The deadline of ``plan`` from ``day0``: raw end, ATW art. 1 and 2, provisional (A2).

    From the plan's table of ``day0``'s year (the deadline of every day of that year, built on
    the first day of that year asked for: :meth:`_Plan.year_table`) or, outside the tables, built
    from :func:`_parts` itself. Tests check that the tables equal the general path for every day
    2000-2040, and that both equal ``Deadline(...)`` built the ordinary way.
    """
    table = plan.years.get(day0.year)
    if table is None:
        table = plan.year_table(day0.year)
    first, built = table
    if built:
        result = built[day0.toordinal() - first]
        if received is not day0 and received != day0:  # moved to the next working day (A4)
            result = _received_on(result, received)
    else:
        result = _build(received, day0, _parts(day0, plan))
    if strict:
        _refuse_provisional(result, plan)
    return result


def _refuse_provisional(result: Deadline, plan: _Plan) -> None:
    """``strict``: raise :class:`ProvisionalCalendarError` when ``result`` is provisional (A2)."""
    if result.provisional:
        bad = result.unverified_years
        msg = f"a deadline counted from that day ({plan.term}) is provisional: {_provisional_reason(bad)}"
        raise ProvisionalCalendarError(msg, bad)


def _build(received: _dt.date, day0: _dt.date, row: _Row) -> Deadline:
    """The ``Deadline`` of ``row`` (from :func:`_parts`), received on ``received``, counted from ``day0``.

    Built by filling its ``__dict__`` from the plan's template (one ``update``) instead of the
    frozen class's per-field ``__init__``; attrs has no validators or converters on it to skip.
    """
    raw, atw, date, skipped, art2_extended, template = row
    obj = _new(Deadline)
    values = obj.__dict__
    values.update(template)
    values["received"] = received
    values["start"] = day0
    values["calendar_date"] = raw
    values["atw_date"] = atw
    values["date"] = date
    if skipped:
        values["extended_by"] = skipped
    if art2_extended:
        values["art2_extended"] = True
    return obj


def _received_on(built: Deadline, received: _dt.date) -> Deadline:
    """``built`` (a deadline from a year table), received on ``received`` instead of its day 0 (A4)."""
    obj = _new(Deadline)
    values = obj.__dict__
    values.update(built.__dict__)
    values["received"] = received
    return obj


def _unverified(y0: int, y1: int, include_eq: bool) -> tuple[int, ...]:
    """The years in ``[y0, y1]`` that make a date on the ATW calendar provisional (A2, R19)."""
    verified = _cal.VERIFIED_DECREE_YEARS
    return tuple(
        y
        for y in range(y0, y1 + 1)
        if (include_eq and y not in verified) or y < _cal.FIRST_VERIFIED_HOLIDAY_YEAR
    )


def _provisional_reason(years: tuple[int, ...]) -> str:
    """``Deadline.provisional_reason``: which years are unverified, and which are reconstructed (R19)."""
    text = _text("ATW_PROVISIONAL_REASON", "en", years=years)
    old = tuple(y for y in years if y < _cal.FIRST_VERIFIED_HOLIDAY_YEAR)
    if old:
        text = _text("ATW_PROVISIONAL_RECONSTRUCTED", "en", reason=text, years=old)
    return text


def _remember(plan: _Plan, day: _dt.date, result: Deadline) -> Deadline:
    """``result``, kept in the plan's memo under the day asked for while it has room (``_MEMO_MAX``)."""
    if len(plan.memo) < _MEMO_MAX:
        plan.memo[day] = result
    return result


# --- the public functions -------------------------------------------------------------------------


#: Terms read from text, by text (at most 256 kept): the one cache of :func:`_parse_term`, a plain
#: dict so that :func:`deadline` answers a known text with one look-up.
_PARSED: Final[dict[str, Term]] = {}


def _as_term(term: Term | str, name: str = "term", expected: str = _TERM_EXPECTED) -> Term:
    """``term`` read (once per text: :data:`_PARSED`); ``name`` and ``expected`` say, for anything
    but a term or its text, which argument it was and what it takes."""
    if isinstance(term, Term):
        return term
    parsed = _PARSED.get(term) if isinstance(term, str) else None
    if parsed is None:
        if not isinstance(term, str):
            raise _term_type_error(name, expected, term)
        parsed = _parse_term(term)
        if len(_PARSED) < 256:
            _PARSED[term] = parsed
    return parsed


def deadline(
    start: _dt.date | _dt.datetime,
    term: Term | str,
    *,
    statutory: bool,
    include_equated_days: bool = True,
    exclude_start_day: bool = True,
    strict: bool = False,
) -> Deadline:
    """The last day of ``term`` counted from ``start`` (day 0, not counted; R12).

    ``statutory`` says whether the term is set in a formal statute or AMvB (R17); only then can
    the ATW apply (and not for terms excluded by art. 4 or counted backwards). Passing
    ``statutory=True`` for a private term applies the ATW by analogy (T01 alternative).
    ``exclude_start_day=False`` counts day 0 as the first day, ending one day earlier (A3).
    A datetime ``start`` is taken at its date in Europe/Amsterdam; naive means Amsterdam time (A22).
    With ``strict=True`` a provisional result raises
    :class:`~klachtregels.errors.ProvisionalCalendarError` (A2).
    """
    try:
        t = term if type(term) is Term else (_PARSED.get(term) or _as_term(term))  # type: ignore[arg-type]
    except TypeError:  # unhashable (a list): no term's text
        raise _term_type_error("term", _TERM_EXPECTED, term) from None
    if strict is not False and strict is not True:
        strict = bool(bool_argument(strict, "strict"))  # type: ignore[unreachable]  # untyped callers
    key = (statutory, include_equated_days, exclude_start_day)
    try:
        plan = t._plans.get(key)
    except TypeError:  # an unhashable switch (a list): refused by name when the plan is made
        plan = _deadline_plan(t, *key)
    if plan is None:
        plan = t._plans[key] = _deadline_plan(t, *key)
    try:
        if type(start) is _dt.date:
            hit = plan.memo.get(start)
            if hit is not None and not (strict and hit.provisional):
                return hit
            return _remember(plan, start, _compute(start, start, plan, strict))
        day = local_day(start)
        result = _compute(day, day, plan, strict)
        if t.unit is TermUnit.HOURS and isinstance(start, _dt.datetime):
            # A term in hours from a moment ends at that exact moment (it is never extended, art. 4).
            hours = _dt.timedelta(hours=-t.amount if t.backwards else t.amount)
            end_moment = (local_datetime(start).astimezone(_dt.UTC) + hours).astimezone(amsterdam())
            end = end_moment.date()
            result = attrs.evolve(result, date=end, calendar_date=end, atw_date=end, end_moment=end_moment)
    except (TypeError, OverflowError) as error:  # no day (local_day), or a count past the calendar
        refuse_arguments(error, (("start", start),))
        raise
    return result


def _deadline_plan(term: Term, statutory: bool, include_eq: bool, exclude_start_day: bool) -> _Plan:
    # Checked here, when a plan is made (once per term and settings), not on every call: a switch
    # given as text ("no") is true in Python and would silently count the other way.
    statutory = bool(bool_argument(statutory, "statutory"))
    include_eq = bool(bool_argument(include_eq, "include_equated_days"))
    exclude_start_day = bool(bool_argument(exclude_start_day, "exclude_start_day"))
    rules: tuple[str, ...] = ("R12",) if exclude_start_day else ("R12", "A3")
    if term.unit in (TermUnit.MONTHS, TermUnit.YEARS):
        rules = (*rules, "R18")
    return _Plan(
        term,
        statutory=bool(statutory),
        atw_policy="applied",
        include_eq=include_eq,
        exclude_start_day=exclude_start_day,
        citations=(),
        rule_ids=rules,
    )


_ATW_MODES: Final[dict[str, AtwMode]] = {m.value: m for m in AtwMode}
_RECEIPT_RULES: Final[dict[str, ReceiptRule]] = {r.value: r for r in ReceiptRule}
# Enum attribute access is slow on Python 3.11; the hot path compares against these.
_APPLY: Final = AtwMode.APPLY
_NEVER: Final = AtwMode.NEVER
_SAME_DAY: Final = ReceiptRule.SAME_DAY
_REGULATION_ONLY_WITH_FOLLOW: Final = (
    "regulation_applies_atw is only used with atw_mode='follow_regulation_text'; "
    "pass that mode or leave regulation_applies_atw as None"
)
# (ATW policy, mode is apply, next-working-day receipt, exclude filing day, equated days) -> plan.
_HANDLING_PLANS: Final[dict[tuple[str, bool, bool, bool, bool], _Plan]] = {}


def _handling_plan(policy: str, mode_apply: bool, next_day: bool, exclude: bool, include_eq: bool) -> _Plan:
    key = (policy, mode_apply, next_day, exclude, include_eq)
    plan = _HANDLING_PLANS.get(key)
    if plan is None:
        rules: tuple[str, ...] = ("R6", "R12")
        if next_day:
            rules = (*rules, "A4")
        if not exclude:
            rules = (*rules, "A3")
        if not mode_apply and policy != "undetermined":
            rules = (*rules, "A1")
        plan = _HANDLING_PLANS[key] = _Plan(
            HANDLING_TERM,
            statutory=True,
            atw_policy=policy,
            include_eq=include_eq,
            exclude_start_day=exclude,
            citations=(_WKO_HANDLING,),
            rule_ids=rules,
            counts_from_receipt=not next_day,
        )
    return plan


def _atw_policy(atw_mode: AtwMode | str, regulation_applies_atw: bool | None) -> tuple[str, bool]:
    """The ATW policy of a handling deadline (A1) and whether the mode is ``apply``."""
    mode = atw_mode if atw_mode is _APPLY else _ATW_MODES.get(atw_mode)
    if mode is None:
        msg = f"atw_mode must be one of {', '.join(_ATW_MODES)} (the value given is not repeated)"
        raise PolicyError(msg)
    if mode is _APPLY or mode is _NEVER:
        if regulation_applies_atw is not None:
            raise PolicyError(_REGULATION_ONLY_WITH_FOLLOW)
        return ("applied" if mode is _APPLY else "never"), mode is _APPLY
    if regulation_applies_atw is None:
        return "undetermined", False
    return ("applied" if regulation_applies_atw else "regulation_no"), False


def _handling_deadline(
    received: _dt.date | _dt.datetime,
    *,
    atw_mode: AtwMode | str = AtwMode.APPLY,
    regulation_applies_atw: bool | None = None,
    exclude_filing_day: bool = True,
    receipt_rule: ReceiptRule | str = ReceiptRule.SAME_DAY,
    include_equated_days: bool = True,
    strict: bool = False,
) -> Deadline:
    """The six-week handling deadline of Wko art. 1.57b lid 2 sub d (R6, R12), a statutory term.

    ``received`` is the day the written complaint reached the provider (R12, A4). ``atw_mode``
    (A1): ``apply`` (default), ``never``, or ``follow_regulation_text`` - then
    ``regulation_applies_atw`` says whether the provider's regulation applies the ATW; ``None``
    leaves it undetermined: ``date`` is the ATW date and ``atw_undetermined`` is True.
    ``exclude_filing_day=False`` counts the filing day (A3, D+41). ``receipt_rule`` (A4):
    ``next_working_day`` moves a complaint received on a non-working day to the next working day.
    ``strict=True`` raises :class:`~klachtregels.errors.ProvisionalCalendarError` instead of a
    provisional answer (A2).
    """
    plan, next_day = _handling_setup(
        atw_mode, regulation_applies_atw, exclude_filing_day, receipt_rule, include_equated_days
    )
    return _handling_on(plan, next_day, received, bool(bool_argument(strict, "strict")))


def _handling_setup(
    atw_mode: AtwMode | str,
    regulation_applies_atw: bool | None,
    exclude_filing_day: bool,
    receipt_rule: ReceiptRule | str,
    include_equated_days: bool,
) -> tuple[_Plan, bool]:
    """The plan of a handling deadline under these settings (A1, A3, A4), and whether day 0 moves to
    the next working day (A4); raises :class:`~klachtregels.errors.PolicyError` for a bad setting.

    What :func:`handling_deadline` resolves on every call; a policy resolves it once
    (:meth:`klachtregels.policy.Policy.handling_deadline`) and then asks :func:`_handling_on`.
    """
    regulation_applies_atw = bool_argument(regulation_applies_atw, "regulation_applies_atw", optional=True)
    exclude_filing_day = bool(bool_argument(exclude_filing_day, "exclude_filing_day"))
    include_equated_days = bool(bool_argument(include_equated_days, "include_equated_days"))
    policy, mode_apply = _atw_policy(atw_mode, regulation_applies_atw)
    rule = receipt_rule if receipt_rule is _SAME_DAY else _RECEIPT_RULES.get(receipt_rule)
    if rule is None:
        msg = f"receipt_rule must be one of {', '.join(_RECEIPT_RULES)} (the value given is not repeated)"
        raise PolicyError(msg)
    next_day = rule is ReceiptRule.NEXT_WORKING_DAY
    return _handling_plan(policy, mode_apply, next_day, exclude_filing_day, include_equated_days), next_day


def _handling_on(plan: _Plan, next_day: bool, received: _dt.date | _dt.datetime, strict: bool) -> Deadline:
    """The handling deadline of ``plan`` (from :func:`_handling_setup`) for ``received``."""
    plain = type(received) is _dt.date
    try:
        day = received if plain else local_day(received)
        if plain:
            hit = plan.memo.get(day)
            if hit is not None and not (strict and hit.provisional):
                return hit
        day0 = _cal.next_working_day(day, include_equated_days=plan.include_eq) if next_day else day
        result = _compute(day, day0, plan, strict and not next_day)
        if next_day:
            result = _moved_start(result, day, day0, plan, strict)
    except (TypeError, OverflowError) as error:  # no day (local_day), or a count past the calendar
        refuse_arguments(error, (("received", received),))
        raise
    return _remember(plan, day, result) if plain else result


def _moved_start(result: Deadline, day: _dt.date, day0: _dt.date, plan: _Plan, strict: bool) -> Deadline:
    """``result``, provisional also when day 0 itself rests on unverified decree data (A2, A4).

    Under ``next_working_day`` day 0 is read on the ATW calendar even where the end is not (``never``,
    a regulation without the ATW): a decree not in the data may make day 0 a non-working day and move
    it. The days passed over before it are non-working whatever a decree adds, so only day 0's year
    counts, and any year of a reconstructed holiday list (R19)."""
    years = sorted(
        {*_unverified(day0.year, day0.year, plan.include_eq), *_unverified(day.year, day0.year, False)}
        | set(result.unverified_years)
    )
    if tuple(years) != result.unverified_years:
        obj = _new(Deadline)
        values = obj.__dict__
        values.update(result.__dict__)
        values.pop("provisional_reason", None)  # rendered from the years when read
        values["provisional"] = True
        values["unverified_years"] = tuple(years)
        if "A2" not in result.rule_ids:
            values["rule_ids"] = (*result.rule_ids, "A2")
        result = obj
    if strict:
        _refuse_provisional(result, plan)
    return result


#: The plan of the statutory defaults, whose memo :func:`handling_deadline` reads first.
_DEFAULT_PLAN: Final = _handling_plan("applied", True, False, True, True)
_DEFAULT_MEMO: Final = _DEFAULT_PLAN.memo
_MISSING: Final[Any] = object()

if TYPE_CHECKING:
    handling_deadline = _handling_deadline
else:

    def handling_deadline(received=_MISSING, /, **options):
        # The entry point, in front of `_handling_deadline` (whose signature and docstring it
        # carries, see below). A call with a date and no options, the common one, is a look-up
        # in the memo of the statutory defaults (binding six keyword-only defaults would cost more
        # than the look-up itself), or else the one computation with the defaults' plan. Every
        # other call goes to `_handling_deadline`, which resolves the options to a plan.
        if not options:
            # The memo's keys are plain dates, and only a date (or a subclass, whose answer is the
            # same) equals one: a day kept is answered by the look-up alone (a try costs nothing
            # when it answers, 3.11), without checking the argument's type first. A day not kept
            # pays for the KeyError instead (about 2,000 instructions): rare, since a year's table
            # fills the memo, except once the memo is full (16,384 days).
            try:
                return _DEFAULT_MEMO[received]
            except (KeyError, TypeError):  # a day not kept, or no date at all (unhashable)
                pass
            if type(received) is _dt.date:
                try:
                    result = _compute(received, received, _DEFAULT_PLAN, False)
                except OverflowError:  # six weeks past 31 December 9999
                    raise out_of_range("received") from None
                return _remember(_DEFAULT_PLAN, received, result)
            if received is not _MISSING:
                return _handling_deadline(received)
        if received is _MISSING:
            return _handling_deadline(**options)
        return _handling_deadline(received, **options)

    functools.update_wrapper(handling_deadline, _handling_deadline)
    handling_deadline.__name__ = handling_deadline.__qualname__ = "handling_deadline"
    # Argument errors raised by the implementation name the public function.
    _handling_deadline.__code__ = _handling_deadline.__code__.replace(
        co_name="handling_deadline", co_qualname="handling_deadline"
    )


def gck_filing_limit(filed_with_provider: _dt.date | _dt.datetime) -> Deadline:
    """Last day to bring a dispute to the Geschillencommissie: 12 months after filing with the provider.

    The term is in the GCK reglement (R21), so private (R17) and, at 12 months, excluded by ATW
    art. 4 anyway (R16): it is never extended. Month counting follows R18 (clamped to month end).
    The GCK declares a late parent inadmissible only at the provider's request (A13).
    """
    plan = _GCK_TERM._plans.get(_GCK_KEY)
    if plan is None:
        plan = _GCK_TERM._plans[_GCK_KEY] = _Plan(
            _GCK_TERM,
            statutory=False,
            atw_policy="applied",
            include_eq=True,
            exclude_start_day=True,
            citations=(GCK_12M, ATW_4),
            rule_ids=("R21", "R12", "R18", "R16"),
        )
    plain = type(filed_with_provider) is _dt.date
    try:
        day = filed_with_provider if plain else local_day(filed_with_provider)
        hit = plan.memo.get(day)
        if hit is not None:
            return hit
        result = _compute(day, day, plan, False)
    except (TypeError, OverflowError) as error:  # no day (local_day), or twelve months past 9999
        refuse_arguments(error, (("filed_with_provider", filed_with_provider),))
        raise
    return _remember(plan, day, result)


_GCK_KEY: Final = ("gck",)

# --- how long a term can take (policy lint, check K2) ---------------------------------------------

# The ATW calendar years scanned for the longest stretch of N working days (holidays and equated days
# included: the longest stretches are around Christmas and Easter).
_SPAN_YEARS: Final = (2016, 2035)


@functools.cache
def _working_day_ordinals() -> tuple[int, ...]:
    first = _dt.date(_SPAN_YEARS[0], 1, 1).toordinal()
    last = _dt.date(_SPAN_YEARS[1], 12, 31).toordinal()
    return tuple(o for o in range(first, last + 1) if _cal.is_working_day(_dt.date.fromordinal(o)))


@functools.cache
def _working_days_span(n: int) -> tuple[int, int]:
    # With w the working days in order, n working days after any day d end on the n-th working day after
    # d; over d in [w[i-1], w[i]) the longest span starts on w[i-1]: w[i-1+n] - w[i-1].
    w = _working_day_ordinals()
    if n >= len(w):  # beyond the scanned years: bounds (5 working days per 7 at best, 1 per 7 at worst)
        return (n + 2 * (n // 5), 7 * n)
    spans = [w[i + n] - w[i] for i in range(len(w) - n)]
    # The shortest span starts on the day before a working day: w[i+n-1] - (w[i] - 1).
    shortest = min(w[i + n - 1] - w[i] + 1 for i in range(len(w) - n + 1))
    return (shortest, max(spans))


@functools.cache
def _months_span(n: int) -> tuple[int, int]:
    if n > 1200:  # a century or more: far beyond any term this library compares
        return (28 * n, 31 * n + 1)
    # Month lengths repeat within a four-year cycle with one leap year (R18: same day number, clamped).
    start = _dt.date(2000, 1, 1)
    lengths = [(_add_months(d := start + _dt.timedelta(days=i), n) - d).days for i in range(4 * 366)]
    return (min(lengths), max(lengths))


def term_length_days(term: Term | str) -> tuple[Fraction, Fraction]:
    """The shortest and the longest time ``term`` can take, in days (hours as fractions of a day).

    Months follow R18 (same day number, clamped to the month's end): ``1 month`` is 28 to 31 days,
    ``2 months`` 59 to 62. Working days are measured on the ATW calendar (weekends, holidays and equated
    days) of 2016-2035: ``30 working days`` is 40 to 54 days (without a holiday inside 42 from a
    weekday, 41 from a Saturday, 40 from a Sunday; 54 from the Thursday before Easter 2017, 2023, 2028).
    """
    t = _as_term(term)
    n = t.amount
    if t.unit is TermUnit.HOURS:
        return (Fraction(n, 24), Fraction(n, 24))
    if t.unit is TermUnit.DAYS:
        return (Fraction(n), Fraction(n))
    if t.unit is TermUnit.WEEKS:
        return (Fraction(7 * n), Fraction(7 * n))
    if t.unit is TermUnit.MONTHS:
        lo, hi = _months_span(n)
        return (Fraction(lo), Fraction(hi))
    if t.unit is TermUnit.YEARS:
        return (Fraction(365 * n), Fraction(366 * n))
    lo, hi = _working_days_span(n)
    return (Fraction(lo), Fraction(hi))


def within_statutory_handling_term(term: Term | str) -> bool:
    """Whether ``term`` always ends within the statute's six weeks (R6 (d)): its longest possible
    length (:func:`term_length_days`) is at most that of :data:`HANDLING_TERM`. The one comparison
    behind policy lint's ``HANDLING_TERM_TOO_LONG`` and check K2 (the organisation file's term):
    ``2 months`` (up to 62 days) and ``26 working days`` (47 days around Christmas) are not within,
    ``1 month`` and ``42 days`` are."""
    return term_length_days(term)[1] <= term_length_days(HANDLING_TERM)[1]
