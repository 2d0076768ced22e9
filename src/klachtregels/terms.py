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
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from typing import Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from klachtregels import calendar as _cal
from klachtregels.calendar import NonWorkingDay, NonWorkingKind, format_date
from klachtregels.citations import ATW, GCK_REGLEMENT, WET_KINDEROPVANG, Citation, cite
from klachtregels.errors import PolicyError, ProvisionalCalendarError, TermError

__all__ = [
    "DEADLINE_SCHEMA",
    "DEADLINE_SCHEMA_VERSION",
    "HANDLING_TERM",
    "AtwMode",
    "Deadline",
    "ReceiptRule",
    "Term",
    "TermUnit",
    "deadline",
    "gck_filing_limit",
    "handling_deadline",
]

#: ``"schema"`` value of :meth:`Deadline.to_dict`.
DEADLINE_SCHEMA: Final = "klachtregels.deadline"
#: ``"schema_version"`` of :meth:`Deadline.to_dict`; bumped on any incompatible change.
DEADLINE_SCHEMA_VERSION: Final = 1

_AMSTERDAM_NAME: Final = "Europe/Amsterdam"


@functools.cache
def _amsterdam() -> _dt.tzinfo:
    from zoneinfo import ZoneInfo  # lazy: reads the tz database

    return ZoneInfo(_AMSTERDAM_NAME)


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
_TERM_RE: Final = re.compile(r"^\s*(\d{1,6})\s*([^\d]+?)\s*$")
_ACCEPTED: Final = (
    '"6 weeks"/"6 weken"/"1 week", "2 working days"/"2 werkdagen", "2 months"/"2 maanden"/"1 maand", '
    '"3 days"/"3 dagen"/"1 dag", "1 year"/"1 jaar", "48 hours"/"48 uur"; '
    'add "before"/"voor" for a term counted backwards'
)

_EN_UNITS: Final[dict[TermUnit, tuple[str, str]]] = {
    TermUnit.DAYS: ("day", "days"),
    TermUnit.WORKING_DAYS: ("working day", "working days"),
    TermUnit.WEEKS: ("week", "weeks"),
    TermUnit.MONTHS: ("month", "months"),
    TermUnit.YEARS: ("year", "years"),
    TermUnit.HOURS: ("hour", "hours"),
}
_NL_UNITS: Final[dict[TermUnit, tuple[str, str]]] = {
    TermUnit.DAYS: ("dag", "dagen"),
    TermUnit.WORKING_DAYS: ("werkdag", "werkdagen"),
    TermUnit.WEEKS: ("week", "weken"),
    TermUnit.MONTHS: ("maand", "maanden"),
    TermUnit.YEARS: ("jaar", "jaar"),
    TermUnit.HOURS: ("uur", "uur"),
}


def _check_amount(_inst: Any, _attr: Any, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"a term amount must be a whole number of at least 1, got {value!r}"
        raise TermError(msg)


def _to_unit(value: TermUnit | str) -> TermUnit:
    try:
        return TermUnit(value)
    except ValueError:
        msg = f"unknown term unit {value!r}; use one of {', '.join(u.value for u in TermUnit)}"
        raise TermError(msg) from None


@attrs.frozen
class Term:
    """A term: an amount of a unit, counted forward from an event (or ``backwards`` before it).

    ``Term(6, "weeks")``; ``Term.parse("2 werkdagen")``; ``str(term)`` gives back parseable English.
    """

    amount: int = attrs.field(validator=_check_amount)
    unit: TermUnit = attrs.field(converter=_to_unit)
    #: Counted backwards from the event (terugrekening): the ATW never applies (art. 1 lid 2).
    backwards: bool = attrs.field(default=False, kw_only=True)
    # Derived once (terms are few, deadlines many): the fixed calendar offset, if any; why the ATW
    # cannot apply; whether ATW art. 2 concerns it.
    _delta: _dt.timedelta | None = attrs.field(init=False, eq=False, repr=False)
    _exclusion: tuple[str, Citation] | None = attrs.field(init=False, eq=False, repr=False)
    _art2: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        sign = -1 if self.backwards else 1
        nominal = self.nominal_days
        delta = _dt.timedelta(days=sign * nominal) if nominal is not None else None
        object.__setattr__(self, "_delta", delta)
        object.__setattr__(self, "_exclusion", self._compute_exclusion())
        # R14: art. 2 is about terms of at least three days; a term in working days is counted in
        # ATW working days already and is left to art. 1.
        art2 = self.unit is not TermUnit.WORKING_DAYS and (nominal is None or nominal >= 3)
        object.__setattr__(self, "_art2", art2)

    @classmethod
    def parse(cls, text: str) -> Term:
        """Read ``"6 weeks"``, ``"6 weken"``, ``"2 working days"``, ``"2 werkdagen"``, ``"1 maand"`` ...

        Raises :class:`~klachtregels.errors.TermError` naming the text and the accepted forms.
        """
        return _parse_term(text)

    def label(self, lang: str = "nl") -> str:
        """``6 weken`` / ``6 weeks`` (with ``vóór``/``before`` for a backwards term)."""
        singular, plural = (_NL_UNITS if lang == "nl" else _EN_UNITS)[self.unit]
        text = f"{self.amount} {singular if self.amount == 1 else plural}"
        if self.backwards:
            text += " vóór" if lang == "nl" else " before"
        return text

    def __str__(self) -> str:
        return self.label("en")

    @property
    def nominal_days(self) -> int | None:
        """The length in calendar days where the unit fixes it (days, weeks), else ``None``."""
        if self.unit is TermUnit.DAYS:
            return self.amount
        if self.unit is TermUnit.WEEKS:
            return 7 * self.amount
        return None

    def atw_exclusion(self) -> tuple[str, Citation] | None:
        """Why the ATW can never apply to this term (art. 1 lid 2, art. 4), or ``None``."""
        return self._exclusion

    def _compute_exclusion(self) -> tuple[str, Citation] | None:
        if self.backwards:
            return ("counted backwards", _ATW_1_2)
        unit, n = self.unit, self.amount
        if unit is TermUnit.HOURS:
            return ("expressed in hours", _ATW_4)
        if (
            (unit is TermUnit.DAYS and n > 90)
            or (unit is TermUnit.WEEKS and n > 12)
            or (unit is TermUnit.MONTHS and n > 3)
            or unit is TermUnit.YEARS
        ):
            return ("longer than 90 days, 12 weeks or 3 months, or one year or more", _ATW_4)
        return None


@functools.lru_cache(maxsize=256)
def _parse_term(text: str) -> Term:
    m = _TERM_RE.match(text)
    backwards = False
    unit = None
    if m:
        words = " ".join(m.group(2).lower().replace("-", " ").split())
        for suffix in _BACKWARDS_WORDS:
            if words.endswith(" " + suffix):
                words = words[: -len(suffix) - 1]
                backwards = True
                break
        unit = _UNIT_WORDS.get(words)
    if m is None or unit is None or int(m.group(1)) < 1:
        msg = f"cannot read the term {text!r}; accepted forms: {_ACCEPTED}"
        raise TermError(msg)
    return Term(int(m.group(1)), unit, backwards=backwards)


def _as_term(term: Term | str) -> Term:
    if isinstance(term, Term):
        return term
    return _parse_term(term)


#: The statutory handling term: six weeks (Wko art. 1.57b lid 2 sub d, R6, R12).
HANDLING_TERM: Final = Term(6, TermUnit.WEEKS)

# --- citations and rule ids -----------------------------------------------------------------------

_WKO_HANDLING: Final = cite(WET_KINDEROPVANG, "1.57b", 2, "d")
_ATW_1_1: Final = cite(ATW, "1", 1)
_ATW_1_2: Final = cite(ATW, "1", 2)
_ATW_2: Final = cite(ATW, "2")
_ATW_3: Final = cite(ATW, "3")
_ATW_4: Final = cite(ATW, "4")
_ATW_APPLIED: Final = (_ATW_1_1, _ATW_2, _ATW_3)
_ATW_APPLIED_NO_ART2: Final = (_ATW_1_1, _ATW_3)
_GCK_12M: Final = cite(GCK_REGLEMENT, note="12-month filing term (R21; GCK rulings 2019, 2024)")

# --- the Deadline ---------------------------------------------------------------------------------

_TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "start": "Dag 0: {d} (telt niet mee, R12).",
        "start_incl": "Dag 0: {d} (telt mee als eerste dag, beleid A3).",
        "received": "Ontvangen op {r}; geldt als ingediend op de eerstvolgende werkdag {d} (beleid A4).",
        "term_stat": "Termijn: {t}, wettelijke termijn.",
        "term_priv": "Termijn: {t}, geen wettelijke termijn: de Algemene termijnenwet geldt niet (R17).",
        "raw": "Kalenderdatum: {d}.",
        "excluded": "De Algemene termijnenwet geldt niet voor deze termijn: {why} ({cite}, R16).",
        "never": "De Algemene termijnenwet wordt volgens het gekozen beleid niet toegepast (A1); "
        "met de Atw zou de termijn eindigen op {d}.",
        "regulation_no": "De klachtenregeling past de Algemene termijnenwet niet toe (A1); "
        "met de Atw zou de termijn eindigen op {d}.",
        "undetermined": "Onbepaald (A1): of de Algemene termijnenwet geldt, hangt af van de tekst van de "
        "klachtenregeling. Zonder Atw: {c}; met Atw: {a}. Hieronder de Atw-datum.",
        "no_shift": "Algemene termijnenwet: de kalenderdatum is een werkdag, geen verlenging.",
        "applied": "Algemene termijnenwet toegepast (art. 1 en 2):",
        "art2": "- minder dan twee werkdagen in de termijn (Atw art. 2, R14) → {d}",
        "result": "Uiterste dag: {d}, tot en met 23:59 (Europe/Amsterdam).",
        "holiday": "{name}: {d} is een algemeen erkende feestdag ({basis})",
        "good_friday": "{name}: {d} is met een algemeen erkende feestdag gelijkgesteld ({basis})",
        "equated": "{d} is bij Koninklijk Besluit met een algemeen erkende feestdag gelijkgesteld "
        "({basis}; {decree})",
        "weekend": "{d} is een {name} ({basis})",
        "provisional": "Voorlopig (A2): geen geverifieerde gegevens over gelijkgestelde dagen "
        "(Atw art. 3 lid 3) voor {years}; de uiterste dag kan nog verschuiven.",
        "calendar_only": "Werkdagen volgens de kalender van de Algemene termijnenwet (art. 3).",
    },
    "en": {
        "start": "Day 0: {d} (not counted, R12).",
        "start_incl": "Day 0: {d} (counted as the first day, policy A3).",
        "received": "Received on {r}; counts as filed on the next working day, {d} (policy A4).",
        "term_stat": "Term: {t}, statutory.",
        "term_priv": "Term: {t}, not statutory: the Algemene termijnenwet does not apply (R17).",
        "raw": "Calendar date: {d}.",
        "excluded": "The Algemene termijnenwet does not apply to this term: {why} ({cite}, R16).",
        "never": "The Algemene termijnenwet is not applied under the chosen policy (A1); "
        "with the Atw the term would end on {d}.",
        "regulation_no": "The complaint regulation does not apply the Algemene termijnenwet (A1); "
        "with the Atw the term would end on {d}.",
        "undetermined": "Undetermined (A1): whether the Algemene termijnenwet applies depends on the text of "
        "the complaint regulation. Without the Atw: {c}; with the Atw: {a}. The Atw date is shown below.",
        "no_shift": "Algemene termijnenwet: the calendar date is a working day, no extension.",
        "applied": "Algemene termijnenwet applied (art. 1 and 2):",
        "art2": "- fewer than two working days in the term (Atw art. 2, R14) → {d}",
        "result": "Last day: {d}, until 23:59 (Europe/Amsterdam).",
        "holiday": "{name}: {d} is a generally recognised public holiday ({basis})",
        "good_friday": "{name}: {d} is treated as a public holiday ({basis})",
        "equated": "{d} is equated with a public holiday by Royal Decree ({basis}; {decree})",
        "weekend": "{d} is a {name} ({basis})",
        "provisional": "Provisional (A2): no verified data on equated days (Atw art. 3 lid 3) for {years}; "
        "the last day may still move.",
        "calendar_only": "Working days per the calendar of the Algemene termijnenwet (art. 3).",
    },
}


def _years_text(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years)


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
    #: Why the ATW was not applied, or ``None`` (English; ``explain`` renders it in Dutch too).
    atw_not_applied_reason: str | None = None
    #: ATW art. 2 extended the term beyond art. 1 (R14).
    art2_extended: bool = False
    #: Every non-working day between ``calendar_date`` and ``atw_date``, with reason and basis.
    extended_by: tuple[NonWorkingDay, ...] = ()
    include_equated_days: bool = True
    exclude_start_day: bool = True
    #: The date depends on decree data that is not verified (A2).
    provisional: bool = False
    #: Names the unverified years (English), or ``None``.
    provisional_reason: str | None = None
    unverified_years: tuple[int, ...] = ()
    citations: tuple[Citation, ...] = ()
    rule_ids: tuple[str, ...] = ()
    #: Exact end moment, for terms in hours counted from a datetime; otherwise ``None``.
    end_moment: _dt.datetime | None = None
    #: Internal: why the ATW is not used for ``date`` (for ``explain``).
    _atw_state: str = attrs.field(default="applied", alias="atw_state", repr=False)
    _exclusion: tuple[str, Citation] | None = attrs.field(default=None, alias="exclusion", repr=False)

    @property
    def ends_at(self) -> _dt.datetime:
        """End of the last day: ``date`` at 23:59:59.999999 Europe/Amsterdam (A22), timezone-aware."""
        if self.end_moment is not None:
            return self.end_moment
        return _dt.datetime.combine(self.date, _dt.time.max, tzinfo=_amsterdam())

    def explain(self, lang: str = "nl") -> str:
        """A readable account: start, term, raw date, each skipped day with reason and basis, result."""
        t = _TEXTS["nl" if lang == "nl" else "en"]
        lang = "nl" if lang == "nl" else "en"

        def fd(d: _dt.date) -> str:
            return format_date(d, lang)

        lines = []
        if self.received != self.start:
            lines.append(t["received"].format(r=fd(self.received), d=fd(self.start)))
        lines.append((t["start"] if self.exclude_start_day else t["start_incl"]).format(d=fd(self.start)))
        lines.append((t["term_stat"] if self.statutory else t["term_priv"]).format(t=self.term.label(lang)))
        if self.term.unit is TermUnit.WORKING_DAYS:
            lines.append(t["calendar_only"])
        lines.append(t["raw"].format(d=fd(self.calendar_date)))
        state = self._atw_state
        if state == "excluded" and self._exclusion is not None:
            why, citation = self._exclusion
            why = _EXCLUSION_NL.get(why, why) if lang == "nl" else why
            lines.append(t["excluded"].format(why=why, cite=citation.label(lang)))
        elif state == "never":
            lines.append(t["never"].format(d=fd(self.atw_date)))
        elif state == "regulation_no":
            lines.append(t["regulation_no"].format(d=fd(self.atw_date)))
        elif state in ("applied", "undetermined"):
            if state == "undetermined":
                lines.append(t["undetermined"].format(c=fd(self.calendar_date), a=fd(self.atw_date)))
            if self.atw_date == self.calendar_date:
                lines.append(t["no_shift"])
            else:
                lines.append(t["applied"])
                skipped = [self._skipped_line(day, t, lang) for day in self.extended_by]
                if self.art2_extended:
                    lines.extend(f"- {s}" for s in skipped)
                    lines.append(t["art2"].format(d=fd(self.atw_date)))
                else:
                    if skipped:
                        skipped[-1] += f" → {fd(self.atw_date)}"
                    lines.extend(f"- {s}" for s in skipped)
        lines.append(t["result"].format(d=fd(self.date)))
        if self.provisional:
            lines.append(t["provisional"].format(years=_years_text(self.unverified_years)))
        return "\n".join(lines)

    @staticmethod
    def _skipped_line(day: NonWorkingDay, t: dict[str, str], lang: str) -> str:
        basis = "; ".join(c.label(lang) for c in day.basis)
        d = format_date(day.date, lang, weekday=False)
        name = day.name_nl if lang == "nl" else day.name_en
        if day.kind is NonWorkingKind.WEEKEND:
            return t["weekend"].format(d=d, name=name, basis=basis)
        if day.kind is NonWorkingKind.EQUATED:
            return t["equated"].format(d=d, basis=basis, decree=day.decree or "")
        if day.kind is NonWorkingKind.GOOD_FRIDAY:
            return t["good_friday"].format(d=d, name=name, basis=basis)
        return t["holiday"].format(d=d, name=name, basis=basis)

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


_EXCLUSION_NL: Final = {
    "counted backwards": "de termijn wordt teruggerekend",
    "expressed in hours": "de termijn is in uren uitgedrukt",
    "longer than 90 days, 12 weeks or 3 months, or one year or more": (
        "langer dan 90 dagen, 12 weken of 3 maanden, of een jaar of langer"
    ),
}

_new = object.__new__
_set = object.__setattr__
_FIELD_NAMES: Final = frozenset(a.name for a in attrs.fields(Deadline))


def _make(**values: Any) -> Deadline:
    """Build a Deadline without the per-field cost of the frozen ``__init__`` (the 2 µs target).

    Every field must be given (private names without their underscore are not used here); a
    test checks that this equals ``Deadline(...)`` built the ordinary way.
    """
    obj = _new(Deadline)
    _set(obj, "__dict__", values)
    return obj


# --- computation ----------------------------------------------------------------------------------

_ONE_DAY: Final = _dt.timedelta(days=1)


def _to_local_date(value: object, what: str) -> _dt.date:
    """A date as given; a datetime as its date in Europe/Amsterdam (naive = Amsterdam local, A22)."""
    if type(value) is _dt.date:
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            return value.date()
        return value.astimezone(_amsterdam()).date()
    if isinstance(value, _dt.date):  # a date subclass
        return _dt.date(value.year, value.month, value.day)
    msg = f"{what} must be a date or datetime, got {type(value).__name__}"
    raise TypeError(msg)


def _raw_end(day0: _dt.date, term: Term, exclude_start_day: bool, include_eq: bool) -> _dt.date:
    delta = term._delta
    sign = -1 if term.backwards else 1
    if delta is not None:
        end = day0 + delta
        return end if exclude_start_day else end - sign * _ONE_DAY
    unit, n = term.unit, term.amount
    if unit is TermUnit.WORKING_DAYS:
        base = day0 if exclude_start_day else day0 - sign * _ONE_DAY
        return _cal.add_working_days(base, sign * n, include_equated_days=include_eq)
    if unit is TermUnit.MONTHS:
        end = day0 + relativedelta(months=sign * n)
    elif unit is TermUnit.YEARS:
        end = day0 + relativedelta(years=sign * n)
    else:  # hours from a date: counted from the end of day 0 (R12), in wall-clock hours
        days, rest = divmod(n, 24)
        end = day0 + _dt.timedelta(days=sign * (days + (1 if rest else 0)))
    if not exclude_start_day:
        end -= sign * _ONE_DAY
    return end


def _atw_end(
    day0: _dt.date, raw: _dt.date, include_eq: bool, art2: bool
) -> tuple[_dt.date, tuple[NonWorkingDay, ...], bool]:
    """Apply ATW art. 1 (and art. 2 when ``art2``) to a forward term ending on ``raw``."""
    is_working = _cal.is_working_day
    end = raw
    while not is_working(end, include_equated_days=include_eq):
        end += _ONE_DAY
    art2_extended = False
    if art2:
        # R14: at least two working days in (day 0, end]. `end` is one; look for another before it.
        count = 1
        d = end - _ONE_DAY
        while d > day0 and count < 2:
            if is_working(d, include_equated_days=include_eq):
                count += 1
            d -= _ONE_DAY
        while count < 2:
            end += _ONE_DAY
            if is_working(end, include_equated_days=include_eq):
                count += 1
                art2_extended = True
    if end == raw:
        return end, (), False
    skipped = _cal.non_working_between(raw, end - _ONE_DAY, include_equated_days=include_eq)
    return end, skipped, art2_extended


_NOT_PROVISIONAL: Final[tuple[bool, str | None, tuple[int, ...]]] = (False, None, ())


def _provisional(
    first: _dt.date, last: _dt.date, include_eq: bool
) -> tuple[bool, str | None, tuple[int, ...]]:
    """Whether a date computed over ``[first, last]`` on the ATW calendar is provisional (A2)."""
    return _provisional_years(first.year, last.year, include_eq)


@functools.lru_cache(maxsize=4096)
def _provisional_years(y0: int, y1: int, include_eq: bool) -> tuple[bool, str | None, tuple[int, ...]]:
    verified = _cal.VERIFIED_DECREE_YEARS
    bad = tuple(
        y
        for y in range(y0, y1 + 1)
        if (include_eq and y not in verified) or y < _cal.FIRST_VERIFIED_HOLIDAY_YEAR
    )
    if not bad:
        return _NOT_PROVISIONAL
    return True, _provisional_reason(bad), bad


@functools.lru_cache(maxsize=512)
def _provisional_reason(years: tuple[int, ...]) -> str:
    text = (
        f"the equated days (Atw art. 3 lid 3) of {_years_text(years)} are not verified: "
        "no verified decree is known for that period, so the last day may still move (A2)"
    )
    old = [y for y in years if y < _cal.FIRST_VERIFIED_HOLIDAY_YEAR]
    if old:
        text += f"; the holiday list of {_years_text(tuple(old))} is a reconstruction (R19)"
    return text


def _compute(
    *,
    received: _dt.date,
    day0: _dt.date,
    term: Term,
    statutory: bool,
    atw_policy: str,
    include_eq: bool,
    exclude_start_day: bool,
    strict: bool,
    citations: tuple[Citation, ...],
    rule_ids: tuple[str, ...],
    end_moment: _dt.datetime | None = None,
) -> Deadline:
    """``atw_policy``: "applied" | "never" | "regulation_no" | "undetermined" (only for statutory)."""
    raw = _raw_end(day0, term, exclude_start_day, include_eq)
    exclusion = None
    state = "applied"
    reason: str | None = None
    skipped: tuple[NonWorkingDay, ...]
    if not statutory:
        state, reason = "private", "not a statutory term (R17)"
        atw, skipped, art2_ext = raw, (), False
    else:
        exclusion = term.atw_exclusion()
        if exclusion is not None:
            state = "excluded"
            reason = f"{exclusion[0]} ({exclusion[1].label('en')}, R16)"
            atw, skipped, art2_ext = raw, (), False
        else:
            atw, skipped, art2_ext = _atw_end(day0, raw, include_eq, term._art2)
            state = atw_policy
            if state == "never":
                reason = "not applied under the chosen policy (A1)"
            elif state == "regulation_no":
                reason = "the complaint regulation does not apply it (A1)"
    use_atw = state in ("applied", "undetermined")
    date = atw if use_atw else raw
    ids = rule_ids
    cites = citations
    if use_atw:
        cites = cites + (_ATW_APPLIED if term._art2 else _ATW_APPLIED_NO_ART2)
        ids = (*ids, "R13", "R14", "R15")
        if state == "undetermined":
            ids = (*ids, "A1")
    elif state == "excluded" and exclusion is not None:
        cites = (*cites, exclusion[1])
        ids = (*ids, "R16")
    elif state == "private":
        ids = (*ids, "R17")
    else:
        ids = (*ids, "A1")
    # Decree data matters only where `date` depends on the ATW calendar (A2).
    if use_atw or term.unit is TermUnit.WORKING_DAYS:
        lo, hi = (date, day0) if date < day0 else (day0, date)
        if raw > hi:
            hi = raw
        provisional, prov_reason, bad = _provisional(lo, hi, include_eq)
    else:
        provisional, prov_reason, bad = False, None, ()
    if provisional:
        if strict:
            raise ProvisionalCalendarError(
                f"deadline from {day0.isoformat()} ({term}) is provisional: {prov_reason}", bad
            )
        ids = (*ids, "A2")
    return _make(
        received=received,
        start=day0,
        term=term,
        statutory=statutory,
        date=date,
        calendar_date=raw,
        atw_date=atw,
        atw_applied=use_atw,
        atw_undetermined=state == "undetermined",
        atw_not_applied_reason=reason,
        art2_extended=art2_ext,
        extended_by=skipped,
        include_equated_days=include_eq,
        exclude_start_day=exclude_start_day,
        provisional=provisional,
        provisional_reason=prov_reason,
        unverified_years=bad,
        citations=cites,
        rule_ids=ids,
        end_moment=end_moment,
        _atw_state=state,
        _exclusion=exclusion,
    )


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
    t = _as_term(term)
    received = _to_local_date(start, "start")
    end_moment = None
    if t.unit is TermUnit.HOURS and isinstance(start, _dt.datetime):
        ams = _amsterdam()
        aware = start.replace(tzinfo=ams) if start.tzinfo is None else start
        sign = -1 if t.backwards else 1
        utc = aware.astimezone(_dt.UTC) + _dt.timedelta(hours=sign * t.amount)
        end_moment = utc.astimezone(ams)
    rules: tuple[str, ...] = ("R12",) if exclude_start_day else ("R12", "A3")
    if t.unit in (TermUnit.MONTHS, TermUnit.YEARS):
        rules = (*rules, "R18")
    result = _compute(
        received=received,
        day0=received,
        term=t,
        statutory=bool(statutory),
        atw_policy="applied",
        include_eq=include_equated_days,
        exclude_start_day=exclude_start_day,
        strict=strict,
        citations=(),
        rule_ids=rules,
        end_moment=None,
    )
    if end_moment is not None:
        # A term in hours from a moment ends at that exact moment (it is never extended, art. 4).
        end = end_moment.date()
        result = attrs.evolve(result, date=end, calendar_date=end, atw_date=end, end_moment=end_moment)
    return result


_ATW_MODES: Final[dict[str, AtwMode]] = {m.value: m for m in AtwMode}
#: receipt day -> its handling deadline under the statutory defaults (the common call). Bounded:
#: 16,384 days is 45 years; past that, calls still work through the fast path's own memo.
_DEFAULT_MEMO: Final[dict[_dt.date, Deadline]] = {}
_MEMO_MAX: Final = 16_384
# Enum attribute access is slow on Python 3.11; the hot path compares against these.
_APPLY: Final = AtwMode.APPLY
_NEVER: Final = AtwMode.NEVER
_SAME_DAY: Final = ReceiptRule.SAME_DAY
_RECEIPT_RULES: Final[dict[str, ReceiptRule]] = {r.value: r for r in ReceiptRule}
_HANDLING_CITES: Final = (_WKO_HANDLING,)
_HANDLING_RULES: Final = ("R6", "R12")


def handling_deadline(
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
    """
    if (
        atw_mode is _APPLY
        and receipt_rule is _SAME_DAY
        and regulation_applies_atw is None
        and exclude_filing_day is True
        and strict is False
    ):  # the default policy: the fast path (2 µs target), unless it defers to the general one
        if include_equated_days is True:
            # A plain date under the statutory defaults: one dict look-up for a day seen before. A
            # datetime never matches a date key (they compare unequal), so it takes the path below.
            hit = _DEFAULT_MEMO.get(received)
            if hit is not None:
                return hit
        if type(received) is _dt.date:
            fast = _fast_handling(received, include_equated_days, _HANDLING_RULES_ATW)
            if fast is not None:
                if include_equated_days is True and len(_DEFAULT_MEMO) < _MEMO_MAX:
                    _DEFAULT_MEMO[received] = fast
                return fast
    mode = atw_mode if atw_mode is _APPLY else _ATW_MODES.get(atw_mode)
    if mode is None:
        msg = f"atw_mode must be one of {', '.join(_ATW_MODES)}, got {atw_mode!r}"
        raise PolicyError(msg)
    rule = receipt_rule if receipt_rule is _SAME_DAY else _RECEIPT_RULES.get(receipt_rule)
    if rule is None:
        msg = f"receipt_rule must be one of {', '.join(_RECEIPT_RULES)}, got {receipt_rule!r}"
        raise PolicyError(msg)
    if mode is _APPLY:
        if regulation_applies_atw is not None:
            raise PolicyError(_REGULATION_ONLY_WITH_FOLLOW)
        policy = "applied"
    elif mode is _NEVER:
        if regulation_applies_atw is not None:
            raise PolicyError(_REGULATION_ONLY_WITH_FOLLOW)
        policy = "never"
    elif regulation_applies_atw is None:
        policy = "undetermined"
    else:
        policy = "applied" if regulation_applies_atw else "regulation_no"
    day = received if type(received) is _dt.date else _to_local_date(received, "received")
    if policy == "applied" and rule is _SAME_DAY and exclude_filing_day and not strict:
        rules_fast = _HANDLING_RULES_ATW if mode is _APPLY else _HANDLING_RULES_FOLLOW
        fast = _fast_handling(day, include_equated_days, rules_fast)
        if fast is not None:
            return fast
    day0 = day
    rules: tuple[str, ...] = _HANDLING_RULES
    if rule is ReceiptRule.NEXT_WORKING_DAY:
        rules = (*rules, "A4")
        if not _cal.is_working_day(day, include_equated_days=include_equated_days):
            day0 = _cal.add_working_days(day, 1, include_equated_days=include_equated_days)
    if not exclude_filing_day:
        rules = (*rules, "A3")
    if mode is not AtwMode.APPLY and policy != "undetermined":
        rules = (*rules, "A1")
    return _compute(
        received=day,
        day0=day0,
        term=HANDLING_TERM,
        statutory=True,
        atw_policy=policy,
        include_eq=include_equated_days,
        exclude_start_day=exclude_filing_day,
        strict=strict,
        citations=_HANDLING_CITES,
        rule_ids=rules,
    )


_SIX_WEEKS: Final = _dt.timedelta(weeks=6)
_HANDLING_RULES_ATW: Final = ("R6", "R12", "R13", "R14", "R15")
_HANDLING_RULES_FOLLOW: Final = ("R6", "R12", "A1", "R13", "R14", "R15")
_HANDLING_CITES_ATW: Final = (_WKO_HANDLING, *_ATW_APPLIED)


def _fast_handling(day0: _dt.date, include_eq: bool, rules: tuple[str, ...]) -> Deadline | None:
    """The common case of :func:`handling_deadline`, for the 2 µs target (R12-R15).

    Same result as the general path (a test compares both for every day 1982-2100); returns
    ``None`` to defer to it near the turn of the year or where ATW art. 2 needs a closer look.
    :func:`handling_deadline` memoises its results for the statutory defaults (``_DEFAULT_MEMO``):
    a register has many complaints per receipt day, a ``Deadline`` is immutable so sharing one is
    safe, and the decree data is package data, fixed for the life of the process.
    """
    raw = day0 + _SIX_WEEKS
    year = raw.year
    ordinal = raw.toordinal()
    lo, hi = _YEAR_BOUNDS[year]
    if not lo <= ordinal < hi:
        return None  # a search could cross into another year: the general path handles it
    ords = (_cal._ORDS_EQ if include_eq else _cal._ORDS_NO_EQ).get(year)
    if ords is None:
        ords = _cal._weekday_ordinals(year, include_eq)
    end = ordinal
    while end % 7 in (0, 6) or end in ords:  # ATW art. 1: move to the next working day
        end += 1
    # ATW art. 2 (R14): `end` is one working day; a second must lie in (day 0, raw end).
    before = ordinal - 1
    while before % 7 in (0, 6) or before in ords:
        before -= 1
    if before <= ordinal - 42:
        return None  # cannot happen for six weeks; left to the general path all the same
    values = _FAST_TEMPLATE.copy()
    if end == ordinal:
        values["date"] = values["atw_date"] = raw
    else:
        values["date"] = values["atw_date"] = _dt.date.fromordinal(end)
        reasons = _cal._table(year, include_eq).reasons
        if end - ordinal == 1:
            values["extended_by"] = (reasons[ordinal],)
        else:
            values["extended_by"] = tuple(map(reasons.__getitem__, range(ordinal, end)))
    prov = _provisional_years(day0.year, year, include_eq)
    if prov[0]:
        values["provisional"] = True
        values["provisional_reason"] = prov[1]
        values["unverified_years"] = prov[2]
        rules = (*rules, "A2")
    values["received"] = values["start"] = day0
    values["calendar_date"] = raw
    values["include_equated_days"] = include_eq
    values["rule_ids"] = rules
    obj = _new(Deadline)
    _set(obj, "__dict__", values)
    return obj


class _YearBounds(dict[int, tuple[int, int]]):
    """year -> ordinals of 10 January and 20 December: between them every search of the fast path
    (at most a week forward for art. 1, a week back for art. 2) stays inside the year."""

    def __missing__(self, year: int) -> tuple[int, int]:
        value = self[year] = (_dt.date(year, 1, 10).toordinal(), _dt.date(year, 12, 20).toordinal())
        return value


_YEAR_BOUNDS: Final = _YearBounds()
_FAST_TEMPLATE: Final[dict[str, Any]] = {
    "received": None,
    "start": None,
    "term": HANDLING_TERM,
    "statutory": True,
    "date": None,
    "calendar_date": None,
    "atw_date": None,
    "atw_applied": True,
    "atw_undetermined": False,
    "atw_not_applied_reason": None,
    "art2_extended": False,
    "extended_by": (),
    "include_equated_days": True,
    "exclude_start_day": True,
    "provisional": False,
    "provisional_reason": None,
    "unverified_years": (),
    "citations": _HANDLING_CITES_ATW,
    "rule_ids": (),
    "end_moment": None,
    "_atw_state": "applied",
    "_exclusion": None,
}


_REGULATION_ONLY_WITH_FOLLOW: Final = (
    "regulation_applies_atw is only used with atw_mode='follow_regulation_text'; "
    "pass that mode or leave regulation_applies_atw as None"
)
_GCK_TERM: Final = Term(12, TermUnit.MONTHS)


def gck_filing_limit(filed_with_provider: _dt.date | _dt.datetime) -> Deadline:
    """Last day to bring a dispute to the Geschillencommissie: 12 months after filing with the provider.

    The term is in the GCK reglement (R21), so private (R17) and, at 12 months, excluded by ATW
    art. 4 anyway (R16): it is never extended. Month counting follows R18 (clamped to month end).
    The GCK declares a late parent inadmissible only at the provider's request (A13).
    """
    day = _to_local_date(filed_with_provider, "filed_with_provider")
    return _compute(
        received=day,
        day0=day,
        term=_GCK_TERM,
        statutory=False,
        atw_policy="applied",
        include_eq=True,
        exclude_start_day=True,
        strict=False,
        citations=(_GCK_12M, _ATW_4),
        rule_ids=("R21", "R12", "R18", "R16"),
    )
