"""Term arithmetic and the ATW (klachtregels.terms): R12-R18, A1-A4, A17, A22."""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
import json
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.easter import easter
from hypothesis import assume, example, given
from hypothesis import strategies as st

from klachtregels import terms as T
from klachtregels._version import __version__
from klachtregels.calendar import VERIFIED_DECREE_YEARS, add_working_days, format_date, is_working_day
from klachtregels.errors import InvalidInputError, PolicyError, ProvisionalCalendarError, TermError
from klachtregels.terms import (
    MAX_TERM_AMOUNT,
    AtwMode,
    Deadline,
    ReceiptRule,
    Term,
    TermTooLargeError,
    TermUnit,
    deadline,
    handling_deadline,
)

D = dt.date
DAY = dt.timedelta(days=1)
AMS = ZoneInfo("Europe/Amsterdam")

# --- Term.parse -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("6 weeks", 6, TermUnit.WEEKS),
        ("6 weken", 6, TermUnit.WEEKS),
        ("1 week", 1, TermUnit.WEEKS),
        ("2 working days", 2, TermUnit.WORKING_DAYS),
        ("2 werkdagen", 2, TermUnit.WORKING_DAYS),
        ("1 werkdag", 1, TermUnit.WORKING_DAYS),
        ("2 months", 2, TermUnit.MONTHS),
        ("2 maanden", 2, TermUnit.MONTHS),
        ("1 maand", 1, TermUnit.MONTHS),
        ("12 months", 12, TermUnit.MONTHS),
        ("3 days", 3, TermUnit.DAYS),
        ("3 dagen", 3, TermUnit.DAYS),
        ("1 dag", 1, TermUnit.DAYS),
        ("1 year", 1, TermUnit.YEARS),
        ("1 jaar", 1, TermUnit.YEARS),
        ("48 hours", 48, TermUnit.HOURS),
        ("48 uur", 48, TermUnit.HOURS),
        ("  2  Working  Days ", 2, TermUnit.WORKING_DAYS),
    ],
)
def test_parse(text: str, amount: int, unit: TermUnit) -> None:
    term = Term.parse(text)
    assert (term.amount, term.unit, term.backwards) == (amount, unit, False)
    assert Term.parse(str(term)) == term


def test_parse_backwards() -> None:
    term = Term.parse("2 werkdagen voor")
    assert term == Term(2, "working_days", backwards=True)
    assert str(term) == "2 working days before"
    assert term.label("nl") == "2 werkdagen vóór"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("fortnight", "not a whole number followed by a unit"),
        ("some weeks", "not a whole number followed by a unit"),
        ("0 days", "number is below 1"),
        ("-2 days", "not a whole number followed by a unit"),
        ("2 weekdays", "unit is not one of the accepted forms"),
        ("", "not a whole number followed by a unit"),
        ("2", "not a whole number followed by a unit"),
    ],
)
def test_parse_rejects(text: str, problem: str) -> None:
    with pytest.raises(TermError) as info:
        Term.parse(text)
    assert problem in str(info.value)  # what is wrong, never the text (it may hold anything)
    assert repr(text) not in str(info.value)
    assert "werkdagen" in str(info.value)  # lists the accepted forms


# --- terms as regulations write them: one leading "at most" word (R6 (d): "uiterlijk zes weken") ---------

#: The words that only say the term is a maximum (docs/policies.md, "Terms as a regulation writes them"),
#: listed here from the documentation, not imported: a term is already its last day, so they change nothing.
AT_MOST = (
    "binnen", "uiterlijk", "uiterlijk binnen", "maximaal", "ten hoogste", "binnen een termijn van",
    "within", "at most", "at the latest", "at the latest within", "no later than", "not later than",
    "within a period of",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # the wordings of the seeds and regulation.md R6 (d)
        ("uiterlijk zes weken", Term(6, "weeks")),
        ("binnen zes weken", Term(6, "weeks")),
        ("binnen 6 weken", Term(6, "weeks")),
        ("maximaal 6 weken", Term(6, "weeks")),
        ("binnen 10 werkdagen", Term(10, "working_days")),
        ("uiterlijk binnen 4 weken", Term(4, "weeks")),
        ("uiterlijk binnen zes weken", Term(6, "weeks")),
        ("binnen twee werkdagen", Term(2, "working_days")),
        ("binnen een termijn van zes weken", Term(6, "weeks")),
        ("binnen een maand", Term(1, "months")),  # "een" is the number here, not part of the qualifier
        ("ten hoogste 48 uur", Term(48, "hours")),
        ("within six weeks", Term(6, "weeks")),
        ("at most 6 weeks", Term(6, "weeks")),
        ("no later than 6 weeks", Term(6, "weeks")),
        ("not later than 1 year", Term(1, "years")),
        ("at the latest within 2 working days", Term(2, "working_days")),
        ("within a period of 3 months", Term(3, "months")),
        # as typed: any case, runs of spaces, a non-breaking space
        ("Uiterlijk  binnen\u00a0zes weken", Term(6, "weeks")),
        ("MAXIMAAL 6 WEKEN", Term(6, "weeks")),
        ("  Within 2 Working Days ", Term(2, "working_days")),
        ("binnen 6weken", Term(6, "weeks")),  # as "6weken" reads
    ],
)
def test_parse_reads_a_leading_at_most_word_as_the_term_itself(text: str, term: Term) -> None:
    assert Term.parse(text) == term
    assert deadline(D(2026, 3, 24), text, statutory=True) == deadline(D(2026, 3, 24), term, statutory=True)


@given(
    st.sampled_from(AT_MOST),
    st.integers(1, 500),
    st.sampled_from(list(TermUnit)),
    st.sampled_from(["nl", "en"]),
)
def test_every_at_most_word_leaves_every_forward_term_as_it_is(
    word: str, amount: int, unit: TermUnit, lang: str
) -> None:
    assume(unit is not TermUnit.YEARS or amount * 366 <= MAX_TERM_AMOUNT)
    term = Term(amount, unit)
    assert Term.parse(f"{word} {term.label(lang)}") == term
    assert Term.parse(f"{word.upper()}  {term.label(lang)}") == term


#: What each refusal says (its kind, never the text).
_LEADING = "words before its number that are not an accepted 'at most' word"
_TWICE = "more than one 'at most' word"
_ALONE = "an 'at most' word but no number and unit"
_BACKWARDS = "before a term counted backwards"
_START = "names the day it counts from"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # words that change the term: after, at least, from, before (in front)
        ("na 6 weken", _LEADING),
        ("na zes weken", _LEADING),
        ("after 6 weeks", _LEADING),
        ("minimaal 6 weken", _LEADING),
        ("ten minste zes weken", _LEADING),
        ("tenminste 6 weken", _LEADING),
        ("een minimum van 6 weken", _LEADING),  # "een" reads as a number: the words after it do not
        ("at least 6 weeks", _LEADING),
        ("vanaf 6 weken", _LEADING),
        ("from 6 weeks", _LEADING),
        ("voor 6 weken", _LEADING),
        ("before 6 weeks", _LEADING),
        ("zo spoedig mogelijk en uiterlijk 6 weken", _LEADING),  # write the term; the rest is the description
        # hostile forms of the accepted words
        ("uiterlijkzes weken", "not a whole number followed by a unit"),  # glued: no word, no number
        ("binnen6 weken", "not a whole number followed by a unit"),
        ("binnen-6-weken", "not a whole number followed by a unit"),
        ("binnen binnen 6 weken", _TWICE),
        ("uiterlijk uiterlijk zes weken", _TWICE),
        ("within within 6 weeks", _TWICE),
        ("binnen uiterlijk 6 weken", _TWICE),
        ("at most within 6 weeks", _TWICE),
        ("maximaal binnen 6 weken", _TWICE),
        ("uiterlijk uiterlijk", _TWICE),
        ("uiterlijk", _ALONE),
        ("binnen ", _ALONE),
        ("within", _ALONE),
        ("no later than", _ALONE),
        ("binnen zes", "not a whole number followed by a unit"),
        ("6 weken uiterlijk", "unit is not one of the accepted forms"),  # only in front
        ("binnen 0 weken", "number is below 1"),
        # before a term counted backwards: "binnen 2 werkdagen voor" is the stretch before the event
        ("binnen 2 werkdagen voor", _BACKWARDS),
        ("uiterlijk 2 werkdagen vóór", _BACKWARDS),
        ("within 2 working days before", _BACKWARDS),
        ("at most 3 days before", _BACKWARDS),
        # the day it counts from is the caller's (see test_parse_reads_the_receipt_only_when_counted_from_it)
        ("binnen zes weken na ontvangst van de klacht", _START),
        ("uiterlijk 6 weken na indiening", _START),
        ("within 6 weeks of receipt", _START),
        ("6 weeks after receipt", _START),
        ("2 werkdagen voor de zitting", _START),
    ],
)
def test_parse_refuses_words_that_change_a_term(text: str, problem: str) -> None:
    with pytest.raises(TermError) as info:
        Term.parse(text)
    assert type(info.value) is TermError  # not "too large": the words are the problem
    message = str(info.value)
    assert problem in message
    assert repr(text) not in message  # what is wrong, never the text
    assert "accepted forms" in message
    with pytest.raises(TermError):  # every channel reads through the one parser
        deadline(D(2026, 3, 24), text, statutory=True)


def test_a_run_of_at_most_words_is_refused_as_doubled() -> None:
    with pytest.raises(TermError, match=_TWICE):
        Term.parse("binnen " * 10_000 + "6 weken")


def test_a_too_large_number_after_an_at_most_word_is_too_large() -> None:
    with pytest.raises(TermTooLargeError) as info:
        Term.parse("binnen 1000000 weken")
    assert info.value.backwards is False


@pytest.mark.parametrize(
    "text",
    [
        "uiterlijk zes weken na indiening",  # R6 (d), the statute's words; seed 000
        "uiterlijk 6 weken na indiening",
        "uiterlijk binnen zes weken na het indienen van de klacht",  # seed 001
        "binnen zes weken na ontvangst van de klacht",
        "binnen 6 weken na de ontvangst van de klacht",
        "binnen zes weken na ontvangst",
        "zes weken na indiening van de klacht",
        "within 6 weeks of receipt",
        "within six weeks after receipt of the complaint",
        "no later than 6 weeks from submission",
        "at most 6 weeks after filing of the complaint",
        "6 weken",  # no phrase: as without from_receipt
        "binnen zes weken",
    ],
)
def test_parse_reads_the_receipt_only_when_counted_from_it(text: str) -> None:
    """R12, A4: the handling term counts from the complaint's receipt ("na indiening" in R6 (d)), so a
    phrase naming that day names the start already counted from; the caller says so."""
    assert Term.parse(text, from_receipt=True) == Term(6, "weeks")
    if " na " in text or " of " in text or " after " in text or " from " in text:
        with pytest.raises(TermError, match=_START):  # not kept for the callers that count from another day
            Term.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "twee maanden na het ontstaan van de klacht",  # seed 001's submission window: another start
        "binnen 6 weken na het eerste gesprek",
        "binnen 6 weken na dagtekening",
        "within 6 weeks of the incident",
        "6 weeks after receipt of the judgement",
        "binnen 6 weken vanaf ontvangst",  # not one of the phrases read
        "binnen 6 weken na",
    ],
)
def test_parse_refuses_another_start_even_when_counted_from_receipt(text: str) -> None:
    with pytest.raises(TermError, match="counts from another day than the complaint's receipt") as info:
        Term.parse(text, from_receipt=True)
    assert repr(text) not in str(info.value)


def test_from_receipt_is_a_switch_and_the_text_must_be_text() -> None:
    with pytest.raises(InvalidInputError, match="from_receipt"):
        Term.parse("6 weken", from_receipt="yes")  # type: ignore[arg-type]
    with pytest.raises(TermError, match="text"):
        Term.parse(6, from_receipt=True)  # type: ignore[arg-type]
    assert Term.parse("6 weken", from_receipt=False) == Term(6, "weeks")


def test_term_validation() -> None:
    with pytest.raises(TermError):
        Term(0, "days")
    with pytest.raises(TermError):
        Term(2, "fortnights")
    with pytest.raises(TermError):
        Term(True, "days")  # type: ignore[arg-type]


@given(st.integers(1, 10_000), st.sampled_from(list(TermUnit)), st.booleans())
def test_str_round_trips(amount: int, unit: TermUnit, backwards: bool) -> None:
    if unit is TermUnit.YEARS and amount * 366 > MAX_TERM_AMOUNT:  # too long to count: refused
        with pytest.raises(TermTooLargeError):
            Term(amount, unit, backwards=backwards)
        return
    term = Term(amount, unit, backwards=backwards)
    assert Term.parse(str(term)) == term
    assert Term.parse(term.label("nl")) == term


# --- ATW scope (R16, R17) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "excluded"),
    [
        ("90 days", False),
        ("91 days", True),
        ("12 weeks", False),
        ("13 weeks", True),
        ("3 months", False),
        ("4 months", True),
        ("1 year", True),
        ("48 hours", True),
        ("2 days before", True),
    ],
)
def test_art4_exclusions(term: str, excluded: bool) -> None:
    assert (Term.parse(term).atw_exclusion() is not None) == excluded


def test_91_days_ending_on_a_sunday_is_not_extended() -> None:
    start = D(2026, 1, 1)
    result = deadline(start, "91 days", statutory=True)
    assert result.calendar_date == start + 91 * DAY
    assert result.date == result.calendar_date
    assert not result.atw_applied
    assert "R16" in result.rule_ids


def test_backwards_term_is_never_extended() -> None:
    # Art. 1 lid 2: counted back from Wed 2026-05-06, 1 day before is Tue 5 May (a holiday): no move.
    result = deadline(D(2026, 5, 6), "1 day before", statutory=True)
    assert result.date == D(2026, 5, 5)
    assert not result.atw_applied
    back = deadline(D(2026, 5, 18), "2 werkdagen voor", statutory=True)
    assert back.date == D(2026, 5, 12)


def test_hours_from_a_datetime_and_a_date() -> None:
    moment = dt.datetime(2026, 3, 27, 15, 0, tzinfo=AMS)  # Friday
    result = deadline(moment, "48 hours", statutory=True)
    # 48 elapsed hours; the clocks go forward on 29 March, so it is 16:00 on the wall clock.
    assert result.ends_at == dt.datetime(2026, 3, 29, 16, 0, tzinfo=AMS)
    assert result.date == D(2026, 3, 29)  # a Sunday, and not extended (art. 4)
    assert deadline(D(2026, 3, 27), "48 uur", statutory=True).date == D(2026, 3, 29)
    assert deadline(D(2026, 3, 27), "30 uur", statutory=True).date == D(2026, 3, 29)


def test_working_days_term() -> None:
    result = deadline(D(2026, 5, 13), "2 working days", statutory=False)
    assert result.date == D(2026, 5, 19)  # Ascension, equated 15 May, weekend
    assert deadline(D(2026, 5, 13), "2 working days", statutory=False, include_equated_days=False).date == D(
        2026, 5, 18
    )


def test_private_term_ignores_the_calendar() -> None:
    result = deadline(D(2026, 3, 24), "6 weeks", statutory=False)
    assert result.date == D(2026, 5, 5)
    assert result.atw_date == result.calendar_date
    assert result.atw_not_applied_reason is not None
    assert not result.provisional
    assert not deadline(D(2035, 3, 24), "6 weeks", statutory=False).provisional


# --- A1: the ATW mode -----------------------------------------------------------------------------


def test_atw_modes() -> None:
    received = D(2026, 3, 24)
    never = handling_deadline(received, atw_mode="never")
    assert never.date == never.calendar_date == D(2026, 5, 5)
    assert never.atw_date == D(2026, 5, 6)  # A1: both dates are always given
    assert not never.atw_applied
    assert "A1" in never.rule_ids
    follow_yes = handling_deadline(
        received, atw_mode=AtwMode.FOLLOW_REGULATION_TEXT, regulation_applies_atw=True
    )
    assert follow_yes.date == D(2026, 5, 6)
    assert not follow_yes.atw_undetermined
    follow_no = handling_deadline(received, atw_mode="follow_regulation_text", regulation_applies_atw=False)
    assert follow_no.date == D(2026, 5, 5)
    undetermined = handling_deadline(received, atw_mode="follow_regulation_text")
    assert undetermined.date == undetermined.atw_date == D(2026, 5, 6)
    assert undetermined.calendar_date == D(2026, 5, 5)
    assert undetermined.atw_undetermined
    assert "Onbepaald (A1)" in undetermined.explain("nl")
    assert "Undetermined (A1)" in undetermined.explain("en")


def test_bad_policy_values() -> None:
    with pytest.raises(PolicyError, match="atw_mode"):
        handling_deadline(D(2026, 3, 24), atw_mode="sometimes")
    with pytest.raises(PolicyError, match="receipt_rule"):
        handling_deadline(D(2026, 3, 24), receipt_rule="whenever")
    with pytest.raises(PolicyError, match="regulation_applies_atw"):
        handling_deadline(D(2026, 3, 24), regulation_applies_atw=True)


# --- A4 and A22: receipt and time zone ------------------------------------------------------------


def test_receipt_on_a_saturday() -> None:
    same = handling_deadline(D(2025, 3, 1))
    assert same.date == D(2025, 4, 14)
    nxt = handling_deadline(D(2025, 3, 1), receipt_rule=ReceiptRule.NEXT_WORKING_DAY)
    assert nxt.received == D(2025, 3, 1)
    assert nxt.start == D(2025, 3, 3)
    assert nxt.date == D(2025, 4, 14)
    assert "A4" in nxt.rule_ids
    assert "zaterdag 1 maart 2025" in nxt.explain()


def test_datetime_is_taken_in_amsterdam() -> None:
    late_utc = dt.datetime(2026, 3, 23, 23, 30, tzinfo=dt.UTC)  # 00:30 on the 24th in Amsterdam
    assert handling_deadline(late_utc).start == D(2026, 3, 24)
    naive = dt.datetime(2026, 3, 24, 23, 59)
    assert handling_deadline(naive).start == D(2026, 3, 24)


def test_ends_at_is_end_of_day_amsterdam() -> None:
    result = handling_deadline(D(2026, 3, 24))
    assert result.ends_at == dt.datetime(2026, 5, 6, 23, 59, 59, 999999, tzinfo=AMS)
    assert result.ends_at.utcoffset() == dt.timedelta(hours=2)
    winter = handling_deadline(D(2025, 10, 6))
    assert winter.ends_at.utcoffset() == dt.timedelta(hours=1)


# --- A2: provisional ------------------------------------------------------------------------------


def test_provisional_names_the_year() -> None:
    result = handling_deadline(D(2029, 3, 1))
    assert result.provisional
    assert result.unverified_years == (2029,)
    assert result.provisional_reason is not None
    assert "2029" in result.provisional_reason
    assert "A2" in result.rule_ids
    with pytest.raises(ProvisionalCalendarError) as info:
        handling_deadline(D(2029, 3, 1), strict=True)
    assert info.value.years == (2029,)


def test_crossing_into_an_unverified_year() -> None:
    result = handling_deadline(D(2028, 12, 1))
    assert result.provisional
    assert result.unverified_years == (2029,)


def test_without_equated_days_nothing_depends_on_a_decree() -> None:
    assert not handling_deadline(D(2029, 3, 1), include_equated_days=False).provisional
    assert handling_deadline(D(1975, 3, 3), include_equated_days=False).provisional  # pre-1982 list


def test_working_day_term_depends_on_the_decree_even_when_private() -> None:
    assert deadline(D(2030, 1, 7), "2 working days", statutory=False).provisional


# --- the Deadline object --------------------------------------------------------------------------


def test_to_dict_shape() -> None:
    data = handling_deadline(D(2026, 3, 24)).to_dict()
    assert data["schema"] == "klachtregels.deadline"
    assert data["schema_version"] == 1
    assert data["library_version"] == __version__
    assert data["date"] == "2026-05-06"
    assert data["calendar_date"] == "2026-05-05"
    assert data["atw_date"] == "2026-05-06"
    assert data["ends_at"] == "2026-05-06T23:59:59.999999+02:00"
    assert data["term"] == {"amount": 6, "unit": "weeks", "backwards": False, "text": "6 weeks"}
    assert data["extended_by"][0]["kind"] == "holiday"
    assert data["extended_by"][0]["basis"][0]["label"] == "Atw art. 3 lid 1"
    assert data["citations"][0]["label"] == "Wko art. 1.57b lid 2 sub d"
    assert data["rule_ids"] == ["R6", "R12", "R13", "R14", "R15"]
    assert set(data["explanation"]) == {"nl", "en"}
    json.dumps(data)


def test_template_constructor_matches_attrs_init() -> None:
    # Deadlines are built from a plan's template (one __dict__ assignment), not attrs' __init__.
    for result in (
        handling_deadline(D(2026, 3, 24)),
        handling_deadline(D(2026, 11, 13), atw_mode="never"),
        deadline(D(2031, 12, 20), "2 working days", statutory=True),
        deadline(D(2026, 3, 24), "2 months", statutory=False, exclude_start_day=False),
    ):
        names = {a.name for a in attrs.fields(Deadline)}
        # The English reasons are left to be rendered when read (no catalogue on the hot path).
        assert names - set(vars(result)) <= {"atw_not_applied_reason", "provisional_reason"}
        values = {a.alias: getattr(result, a.name) for a in attrs.fields(Deadline)}
        assert Deadline(**values) == result
        assert set(vars(result)) == names
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.date = D(2026, 1, 1)  # type: ignore[misc]


def test_memo_equals_a_fresh_computation_every_day() -> None:
    # The memo is a cache on top of the one implementation: emptied, it gives equal answers.
    days = [D(1982, 1, 1) + i * DAY for i in range((D(2100, 12, 31) - D(1982, 1, 1)).days + 1)]
    remembered = [handling_deadline(d) for d in days]
    T._DEFAULT_MEMO.clear()
    assert [handling_deadline(d) for d in days] == remembered
    assert len(T._DEFAULT_MEMO) == T._MEMO_MAX  # bounded: later days are computed, not kept


def _handling_plan(policy: str, next_day: bool, exclude: bool, include_eq: bool) -> T._Plan:
    """A fresh plan of the handling term (``_handling_plan`` keeps one per setting)."""
    rules = ("R6", "R12", *(("A4",) if next_day else ()), *(() if exclude else ("A3",)))
    return T._Plan(
        T.HANDLING_TERM,
        statutory=True,
        atw_policy=policy,
        include_eq=include_eq,
        exclude_start_day=exclude,
        citations=(T._WKO_HANDLING,),
        rule_ids=rules,
        counts_from_receipt=not next_day,
    )


_PLANS = {
    "handling": lambda: _handling_plan("applied", False, True, True),
    "handling, never, A3": lambda: _handling_plan("never", False, False, True),
    "handling, undetermined, no equated days": lambda: _handling_plan("undetermined", False, True, False),
    "2 working days": lambda: T._deadline_plan(Term.parse("2 working days"), True, True, True),
    "10 working days before": lambda: T._deadline_plan(Term.parse("10 werkdagen voor"), True, True, True),
    "3 days": lambda: T._deadline_plan(Term.parse("3 days"), True, True, True),
    "1 month, A3": lambda: T._deadline_plan(Term.parse("1 month"), True, True, False),
    "2 months, private": lambda: T._deadline_plan(Term.parse("2 maanden"), False, True, True),
    "12 months": lambda: T._deadline_plan(Term.parse("12 months"), False, True, True),
    "48 hours": lambda: T._deadline_plan(Term.parse("48 uur"), True, True, True),
}


def _ordinary(result: Deadline) -> Deadline:
    """``result`` built the ordinary way: attrs' ``__init__`` with every field (by its alias)."""
    return Deadline(**{a.alias: getattr(result, a.name) for a in attrs.fields(Deadline)})


@pytest.mark.parametrize("name", list(_PLANS))
def test_year_tables_equal_the_general_path_every_day(name: str) -> None:
    # A plan's year tables are rows of the one computation (_parts), made ahead for a whole year:
    # every day 2000-2040 gives the same deadline as the general path (a plan without tables),
    # and that deadline is the one attrs' __init__ builds from the same fields: equal, with the
    # same fields and values, pickled and read back, and (every 11th day) the same JSON
    # shape and explanation in both languages.
    import pickle

    tabled, general = _PLANS[name](), _PLANS[name]()
    general.reach = False  # never makes a table: _parts answers each day
    days = [D(2000, 1, 1) + i * DAY for i in range((D(2040, 12, 31) - D(2000, 1, 1)).days + 1)]
    for i, d in enumerate(days):
        fast, slow = T._compute(d, d, tabled, False), T._compute(d, d, general, False)
        ordinary = _ordinary(slow)
        assert fast == slow == ordinary, d
        assert vars(fast) == vars(ordinary), d  # after ==, which read (so rendered) every field
        assert pickle.loads(pickle.dumps(fast)) == ordinary, d
        if i % 11 == 0:
            assert fast.to_dict() == ordinary.to_dict(), d
            for lang in ("nl", "en"):
                assert fast.explain(lang) == ordinary.explain(lang), (d, lang)
    assert tabled.tables == 41
    assert general.tables == 0
    assert all(rows for _, rows in tabled.years.values())


def test_year_tables_only_where_the_shipped_calendar_answers() -> None:
    # No table near the edges of the shipped calendar (a term there may need `holidays`), none for
    # a term longer than a year, and at most _YEAR_TABLES_MAX per plan; those days are still answered.
    plan = _PLANS["handling"]()
    first, last = T._cal.table_years()[0], T._cal.table_years()[-1]
    for year in (first, first + 1, last - 1, last):
        assert plan.year_table(year) == (0, [])
    assert plan.year_table(first + 2)[1]
    long_plan = T._deadline_plan(Term.parse("13 months"), False, True, True)
    assert long_plan.year_table(2026) == (0, [])
    assert T._compute(D(2026, 1, 31), D(2026, 1, 31), long_plan, False).date == D(2027, 2, 28)
    many = _PLANS["2 working days"]()
    for year in range(2000, 2000 + T._YEAR_TABLES_MAX + 3):
        many.year_table(year)
    assert many.tables == T._YEAR_TABLES_MAX
    late = D(2000 + T._YEAR_TABLES_MAX + 1, 3, 6)
    assert T._compute(late, late, many, False) == T._compute(late, late, _PLANS["2 working days"](), False)


def test_strict_raises_on_the_table_path_too() -> None:
    plan = _PLANS["handling"]()
    plan.year_table(2031)
    with pytest.raises(ProvisionalCalendarError):
        T._compute(D(2031, 3, 24), D(2031, 3, 24), plan, True)
    assert not T._compute(D(2026, 3, 24), D(2026, 3, 24), plan, True).provisional


def test_year_tables_answer_a_receipt_moved_to_the_next_working_day() -> None:
    # Under A4 a complaint received on a non-working day counts from the next working day: the
    # table holds the deadline of that day 0, and the answer names the day it was received, as
    # the general path does. The table's own entry is not changed by it, and the memo (keyed by
    # the day of receipt) is not filled from the table.
    tabled, general = _handling_plan("applied", True, True, True), _handling_plan("applied", True, True, True)
    general.reach = False
    moved = 0
    for d in (D(2025, 1, 1) + i * DAY for i in range(3 * 366)):
        assert d not in tabled.memo
        fast = T._handling_on(tabled, True, d, False)
        slow = T._handling_on(general, True, d, False)
        assert fast == slow == _ordinary(slow), d
        assert fast.received == d
        assert tabled.memo[d] is fast
        if fast.start != d:
            moved += 1
            first, built = tabled.years[fast.start.year]
            entry = built[fast.start.toordinal() - first]
            assert entry.received == entry.start == fast.start
            assert entry is not fast
    assert moved > 300  # weekends and holidays of three years


def test_a_year_table_fills_the_memo_where_day_0_is_the_day_of_receipt() -> None:
    # Once a year's table is made, every day of that year is one memo look-up, answering exactly
    # what the table holds; the memo stays within its bound.
    plan = _PLANS["2 working days"]()
    T._compute(D(2026, 7, 1), D(2026, 7, 1), plan, False)
    _, built = plan.years[2026]
    assert len(plan.memo) == len(built) == 365
    assert all(plan.memo[entry.start] is entry for entry in built)
    assert [e.start for e in built] == [D(2026, 1, 1) + i * DAY for i in range(365)]
    plan.memo.update({D(1900, 1, 1) + i * DAY: built[0] for i in range(T._MEMO_MAX - 365 - 100)})
    plan.year_table(2027)  # no room left for a year: the table is made, the memo is not filled
    assert len(plan.memo) == T._MEMO_MAX - 100
    assert D(2027, 3, 3) not in plan.memo
    assert T._compute(D(2027, 3, 3), D(2027, 3, 3), plan, False).date == D(2027, 3, 5)


@pytest.mark.parametrize("year", [1990, 2016, 2026, 2031, 2099])
def test_november_days_that_used_to_fall_through(year: int) -> None:
    # 8-28 November (and the turn of the year) went to a second, slower path before; now every day
    # takes the same table look-ups. Checked against a day-by-day walk over is_working_day.
    d = D(year, 11, 8)
    while d <= D(year + 1, 1, 10):
        result = handling_deadline(d)
        end = d + 42 * DAY
        while not is_working_day(end):
            end += DAY
        assert result.date == result.atw_date == end, d
        assert [x.date for x in result.extended_by] == [
            d + 42 * DAY + i * DAY for i in range((end - d - 42 * DAY).days)
        ]
        assert result == handling_deadline(datetime_noon(d))
        d += DAY


def datetime_noon(d: dt.date) -> dt.datetime:
    """Noon in Amsterdam on ``d`` (a datetime never uses the per-day memo)."""
    return dt.datetime(d.year, d.month, d.day, 12, tzinfo=AMS)


# --- an independent oracle, every start date 1982-2100 -------------------------------------------

_EQUATED = {
    D(2017, 4, 28), D(2017, 5, 26), D(2018, 5, 11), D(2018, 12, 24), D(2018, 12, 31), D(2019, 5, 31),
    D(2019, 12, 27), D(2022, 5, 27), D(2023, 4, 28), D(2023, 5, 19), D(2024, 5, 10), D(2024, 12, 27),
    D(2025, 5, 30), D(2026, 1, 2), D(2026, 5, 15), D(2027, 5, 7), D(2028, 4, 28), D(2028, 5, 26),
}  # fmt: skip


def _oracle_holidays(year: int) -> set[dt.date]:
    e = easter(year)
    kings = D(year, 4, 30) if year <= 2013 else D(year, 4, 27)
    if kings.weekday() == 6:
        kings -= DAY  # R19: Saturday from 1980 (and 1982 is where we start)
    return {
        D(year, 1, 1), e - 2 * DAY, e + DAY, kings, D(year, 5, 5), e + 39 * DAY, e + 50 * DAY,
        D(year, 12, 25), D(year, 12, 26),
    }  # fmt: skip


def test_oracle_agrees_on_every_start_date() -> None:
    non_working: set[dt.date] = set(_EQUATED)
    for year in range(1982, 2102):
        non_working |= _oracle_holidays(year)
    d = D(1982, 1, 1)
    mismatches = []
    while d <= D(2100, 12, 31):
        end = d + 42 * DAY
        while end.weekday() >= 5 or end in non_working:
            end += DAY
        if handling_deadline(d).date != end:
            mismatches.append(d)
        d += DAY
    assert mismatches == []


# --- properties -----------------------------------------------------------------------------------

starts = st.dates(D(1982, 1, 1), D(2100, 10, 31))
atw_terms = st.one_of(
    st.builds(Term, st.integers(1, 90), st.just(TermUnit.DAYS)),
    st.builds(Term, st.integers(1, 12), st.just(TermUnit.WEEKS)),
    st.builds(Term, st.integers(1, 3), st.just(TermUnit.MONTHS)),
)
any_terms = st.one_of(
    atw_terms,
    st.builds(Term, st.integers(1, 40), st.just(TermUnit.WORKING_DAYS)),
    st.builds(Term, st.integers(4, 24), st.just(TermUnit.MONTHS)),
    st.builds(Term, st.integers(1, 3), st.just(TermUnit.YEARS)),
)


@given(starts, any_terms, st.booleans(), st.booleans())
def test_deadline_never_before_calendar_date(start: dt.date, term: Term, statutory: bool, eq: bool) -> None:
    result = deadline(start, term, statutory=statutory, include_equated_days=eq)
    assert result.date >= result.calendar_date
    assert result.atw_date >= result.calendar_date
    assert result.date in (result.calendar_date, result.atw_date)


@given(starts, atw_terms, st.booleans())
def test_atw_result_is_the_first_working_day(start: dt.date, term: Term, eq: bool) -> None:
    result = deadline(start, term, statutory=True, include_equated_days=eq)
    assert result.atw_applied
    assert is_working_day(result.date, include_equated_days=eq)
    if not result.art2_extended:
        d = result.calendar_date
        while d < result.date:
            assert not is_working_day(d, include_equated_days=eq)
            d += DAY
        assert [x.date for x in result.extended_by] == [
            result.calendar_date + i * DAY for i in range((result.date - result.calendar_date).days)
        ]


@given(starts, atw_terms)
def test_art2_two_working_days(start: dt.date, term: Term) -> None:
    assume(term.unit is not TermUnit.DAYS or term.amount >= 3)
    result = deadline(start, term, statutory=True)
    working = sum(is_working_day(start + i * DAY) for i in range(1, (result.date - start).days + 1))
    assert working >= 2


@given(starts, st.integers(0, 400), any_terms, st.booleans())
def test_monotone(start: dt.date, later_by: int, term: Term, statutory: bool) -> None:
    later = start + later_by * DAY
    assume(later <= D(2100, 10, 31))
    assert deadline(later, term, statutory=statutory).date >= deadline(start, term, statutory=statutory).date


@given(starts, st.integers(1, 24))
def test_month_clamping(start: dt.date, months: int) -> None:
    result = deadline(start, Term(months, TermUnit.MONTHS), statutory=False)
    end = result.calendar_date
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == min(start.day, stdcal.monthrange(end.year, end.month)[1])


@given(starts, atw_terms)
def test_explanation_names_every_skipped_day(start: dt.date, term: Term) -> None:
    result = deadline(start, term, statutory=True)
    nl, en = result.explain("nl"), result.explain("en")
    for day in result.extended_by:
        assert format_date(day.date, "nl", weekday=False) in nl
        assert format_date(day.date, "en", weekday=False) in en
    assert format_date(result.date, "nl") in nl


@given(starts, any_terms, st.booleans(), st.booleans())
def test_provisional_iff_an_unverified_year_is_touched(
    start: dt.date, term: Term, statutory: bool, eq: bool
) -> None:
    result = deadline(start, term, statutory=statutory, include_equated_days=eq)
    uses_calendar = result.atw_applied or term.unit is TermUnit.WORKING_DAYS
    lo = min(start, result.date)
    hi = max(start, result.date, result.calendar_date)
    touched = range(lo.year, hi.year + 1)
    expected = uses_calendar and eq and any(y not in VERIFIED_DECREE_YEARS for y in touched)
    assert result.provisional == expected
    if expected:
        assert result.provisional_reason is not None
        assert all(str(y) in result.provisional_reason for y in result.unverified_years)


@given(starts)
def test_exclude_start_day_is_one_day_earlier(start: dt.date) -> None:
    a = deadline(start, "6 weeks", statutory=False)
    b = deadline(start, "6 weeks", statutory=False, exclude_start_day=False)
    assert b.date == a.date - DAY
    assert "A3" in b.rule_ids


def test_handling_deadline_arguments_as_python_checks_them() -> None:
    # The entry point takes `received, /, **options` at run time; errors read as for the signature.
    assert handling_deadline(received=D(2026, 3, 24)).date == D(2026, 5, 6)
    with pytest.raises(TypeError, match=r"handling_deadline\(\) missing 1 required positional argument"):
        handling_deadline()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"handling_deadline\(\) got an unexpected keyword argument 'bogus'"):
        handling_deadline(D(2026, 3, 24), bogus=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'received'"):
        handling_deadline(D(2026, 3, 24), received=D(2026, 3, 24))  # type: ignore[misc]
    with pytest.raises(TypeError, match="expected a date or datetime, got list"):
        handling_deadline([2026, 3, 24])  # type: ignore[arg-type]


def test_pickle_and_copy_leave_the_memos_behind() -> None:
    import copy
    import pickle

    term = Term.parse("2 working days")
    deadline(D(2026, 3, 24), term, statutory=True)  # fills a plan and its memo
    for clone in (pickle.loads(pickle.dumps(term)), copy.deepcopy(term), copy.copy(term)):
        assert clone == term
        assert clone._plans == {}
    result = handling_deadline(D(2026, 3, 24))
    assert pickle.loads(pickle.dumps(result)) == result


def test_memo_never_serves_a_datetime_the_result_of_a_date() -> None:
    # 23:30 UTC on 24 March 2026 is 00:30 on 25 March in Amsterdam (A22): another day 0.
    from klachtregels.terms import handling_deadline as hd

    by_date = hd(dt.date(2026, 3, 24))
    assert hd(dt.date(2026, 3, 24)) is by_date  # memoised: the same immutable object
    late_evening = dt.datetime(2026, 3, 24, 23, 30, tzinfo=dt.UTC)
    assert hd(late_evening).start == dt.date(2026, 3, 25)
    # Non-default settings never share the default memo.
    assert hd(dt.date(2026, 3, 24), atw_mode="never").date == dt.date(2026, 5, 5)
    assert hd(dt.date(2026, 3, 24)).date == dt.date(2026, 5, 6)


def test_terms_uses_the_calendar_through_its_public_functions_only() -> None:
    # Item 6 of issue 8: one implementation of the ATW arithmetic, in the calendar; terms asks it.
    import ast
    import inspect

    from klachtregels import calendar

    tree = ast.parse(inspect.getsource(T))
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "_cal"
    }
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "klachtregels.calendar"
        for alias in node.names
    }
    assert used
    assert used | imported <= set(calendar.__all__)


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(1, 40),
    st.booleans(),
)
def test_a_working_day_term_ends_where_add_working_days_lands(
    start: dt.date, n: int, statutory: bool
) -> None:
    """A term in working days counts only working days, so the ATW never extends it: its last day is
    ``add_working_days`` (the cheap way to the date alone, docs/performance.md)."""
    d = deadline(start, f"{n} working days", statutory=statutory)
    assert d.date == d.calendar_date == add_working_days(start, n)
    assert not d.extended_by


_ANY_ORDER_PLANS = {**_PLANS, "handling, A4": lambda: _handling_plan("applied", True, True, True)}


# A working day makes the year's table; a Sunday of that year must still count from the Monday (A4).
@example(calls=[(D(2026, 1, 5), "handling, A4"), (D(2026, 1, 4), "handling, A4")])
@given(
    st.lists(
        st.tuples(
            # mostly a few weeks around a new year (so days of one year and plan meet), or any day
            st.dates(D(2025, 12, 1), D(2026, 2, 15)) | st.dates(D(1982, 1, 1), D(2101, 12, 31)),
            st.sampled_from(sorted(_ANY_ORDER_PLANS)),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_tables_and_memo_answer_days_in_any_order_as_the_general_path(
    calls: list[tuple[dt.date, str]],
) -> None:
    # Days of any years (inside the tables, near and past the calendar's edges) asked in any order,
    # some more than once, through fresh plans with tables and a memo (filled from the tables where
    # day 0 is the day of receipt) give what a plan without tables computes day by day, and the
    # memo then holds that same answer under the day asked for.
    tabled = {name: make() for name, make in _ANY_ORDER_PLANS.items()}
    general = {name: make() for name, make in _ANY_ORDER_PLANS.items()}
    for plan in general.values():
        plan.reach = False
    for day, name in calls:
        plan, next_day = tabled[name], name.endswith("A4")
        try:
            answer = T._handling_on(plan, next_day, day, False)
        except OverflowError:  # a term that runs past the last date Python has
            continue
        assert answer == T._handling_on(general[name], next_day, day, False), (day, name)
        assert answer.received == day
        assert plan.memo[day] is answer


def test_the_default_memo_answers_a_date_and_only_a_date() -> None:
    # handling_deadline(d) answers a kept day by the memo's look-up alone: a date subclass gets
    # the answer a date gets (before and after the day is kept), a date-time its Amsterdam day, and
    # anything else the same TypeError as before the look-up.
    class Day(dt.date):
        pass

    day = D(2027, 3, 6)
    T._DEFAULT_MEMO.clear()  # a cache: emptied (other tests may have filled it), answers stay equal
    first = handling_deadline(Day(2027, 3, 6))
    kept = handling_deadline(day)
    assert T._DEFAULT_MEMO[day] is kept
    assert handling_deadline(Day(2027, 3, 6)) is kept == first
    assert type(first.received) is dt.date
    late = dt.datetime(2027, 3, 5, 23, 30, tzinfo=dt.UTC)  # 00:30 on 6 March in Amsterdam
    assert handling_deadline(late) == kept
    for bad in ([1], "2027-03-06", None, 5):
        with pytest.raises(TypeError, match="expected a date or datetime"):
            handling_deadline(bad)  # type: ignore[arg-type]
