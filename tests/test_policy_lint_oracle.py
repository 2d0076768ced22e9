"""An outside-in oracle for ``klachtregels policy lint``, written from regulation.md alone.

For every setting of a :class:`~klachtregels.policy.Policy`, :func:`expected` says what lint must report
about its value, read from regulation.md (R1-R31, the A-table of section 8), not from ``policy_lint.py``:

* a value equal to the law (the statutory policy's) gives **no finding** on that setting;
* a value that gives the parent less than the law, where the law decides (R3, R6, R9, R10, R20, R26, R29),
  gives a warning or an error in a *narrowing* direction (``narrower``, ``later``, ``narrower_on_paper``);
* a value on a point the law leaves open (an A-point) is a **choice within that ambiguity**: the finding
  cites the A-id, and its direction says which way the choice leans: ``provider_reading`` (a warning) when
  it takes the reading that gives the provider more room (A4, A9 app messages, A13, A16), ``stricter`` or
  ``within`` (a note) when it cannot give the parent less (A1 ``never``, A2, A3, A5, A14, A17), ``wider``
  (a note) when it gives more (A7, A8, A9, R25). Never an error: the law does not forbid it;
* a point of the regulation's text the policy does not fill in is ``not_stated`` (a note), never an error.

The oracle then checks lint on the statutory policy, every shipped policy, ``examples/policy.toml`` and
policies drawn by Hypothesis from :func:`klachtregels.testing.policies`, and checks that the verdict words
of every finding (Dutch and English; text and JSON output of the command line) name its direction, and that
term lengths come from :func:`klachtregels.terms.term_length_days` (the one term code).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels import testing
from klachtregels.cli import main
from klachtregels.errors import TermError
from klachtregels.policy import (
    AfterMeldcode,
    AnnualReportToParents,
    AtwMode,
    ComplainantScope,
    DirectAccessGround,
    HandledWhen,
    KlachtenloketRole,
    Policy,
    ReceiptRule,
    TwelveMonthStart,
    load_policy,
    shipped_policies,
    toml_key,
)
from klachtregels.policy_lint import LintFinding, LintReport, lint_policy
from klachtregels.terms import Term, deadline, term_length_days
from strategies_policy import policies as suite_policies

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

EXAMPLE_POLICY: Final = Path(__file__).resolve().parent.parent / "examples" / "policy.toml"

#: Six weeks in days (Wko art. 1.57b lid 2 sub d; R6, R12: day 0 + 42).
SIX_WEEKS: Final = Fraction(42)

# Directions, grouped by what they say about the parent.
LESS: Final = frozenset({"narrower", "later"})  # the law forbids it: an error
ON_PAPER: Final = frozenset({"narrower_on_paper"})  # the text gives less; decisions keep the law
PROVIDER: Final = frozenset({"provider_reading"})  # an A-point read the provider's way
SAFE: Final = frozenset({"stricter", "within"})  # cannot give the parent less
WIDER: Final = frozenset({"wider"})
WITHIN: Final = frozenset({"within"})
UNUSABLE: Final = frozenset({"unusable"})
NOT_STATED: Final = frozenset({"not_stated"})
NO_EFFECT: Final = frozenset({"no_effect"})
PAST_TERM: Final = frozenset({"past_statutory_term"})
#: Directions that say the parent gets less (in outcome or on paper), or that a person must look.
NARROWING: Final = LESS | ON_PAPER | PROVIDER | PAST_TERM


@attrs.frozen
class Expect:
    """What lint must say about one setting: no finding (``directions`` empty) or findings whose
    direction is one of ``directions`` and whose rule ids include every id of ``ids``."""

    directions: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    why: str = ""
    #: No finding is acceptable too (the point is said on a neighbouring setting, or is no house rule).
    optional: bool = False

    @property
    def silent(self) -> bool:
        return not self.directions


QUIET: Final = Expect(why="equal to the law")


def _e(directions: frozenset[str], *ids: str, why: str) -> Expect:
    return Expect(directions, frozenset(ids), why)


def _term(text: str | None) -> Term | None:
    return None if text is None else Term.parse(text)


def _longest(text: str) -> Fraction:
    """The longest time a term can take, by the one term code (R18 months, ATW working days)."""
    return term_length_days(text)[1]


# --- the oracle, per setting ------------------------------------------------------------------------


def _atw_mode(p: Policy) -> Expect:
    # A1: whether the ATW extends the six weeks is open. 'apply' gives the latest date (the default);
    # 'never' can only make the deadline earlier; following the regulation's text is the A1 choice itself.
    if p.atw_mode is AtwMode.APPLY:
        return QUIET
    if p.atw_mode is AtwMode.NEVER:
        return _e(SAFE, "A1", why="A1: no ATW gives an earlier or equal deadline")
    # Said on regulation_applies_atw (what the text says), or here.
    return attrs.evolve(_e(WITHIN, "A1", why="A1: follow the regulation's text"), optional=True)


def _regulation_applies_atw(p: Policy) -> Expect:
    if p.regulation_applies_atw is None:
        # With follow_regulation_text and the text unknown: the gap between the dates is open (A1);
        # lint may say so on this setting or on atw_mode.
        if p.atw_mode is AtwMode.FOLLOW_REGULATION_TEXT:
            return _e(WITHIN | NOT_STATED, "A1", why="A1: the regulation's text is unknown")
        return QUIET
    if p.atw_mode is not AtwMode.FOLLOW_REGULATION_TEXT:
        return _e(NO_EFFECT, "A1", why="A1: only read with follow_regulation_text")
    if p.regulation_applies_atw:
        return _e(WITHIN, "A1", why="A1: the text applies the ATW, as the default")
    return _e(SAFE, "A1", why="A1: the text applies no ATW: earlier or equal deadline")


def _include_equated_days(p: Policy) -> Expect:
    # ATW art. 3 lid 3 (R15), A2: leaving equated days out makes every ATW-extended date earlier.
    return QUIET if p.include_equated_days else _e(SAFE, "A2", why="A2: earlier or equal deadlines")


def _strict_calendar(p: Policy) -> Expect:
    # A2: raising instead of returning a provisional date is a library choice, not a house rule.
    return (
        QUIET
        if not p.strict_calendar
        else Expect(WITHIN | NO_EFFECT, why="A2: a library setting", optional=True)
    )


def _exclude_filing_day(p: Policy) -> Expect:
    # A3, R12: day 0 is not counted (D+42); counting it gives D+41, a day earlier.
    return QUIET if p.exclude_filing_day else _e(SAFE, "A3", why="A3: D+41 is earlier")


def _receipt_rule(p: Policy) -> Expect:
    # A4, R12 (BW 3:37 lid 3): a statement takes effect when it reaches the provider; counting from the
    # next working day is a reading within A4 that gives the provider more time.
    if p.receipt_rule is ReceiptRule.SAME_DAY:
        return QUIET
    return _e(PROVIDER, "A4", why="A4: the later start, the provider's reading")


def _handled_when(p: Policy) -> Expect:
    # A5: the default is 'sent'; 'received' demands more of the provider.
    if p.handled_when is HandledWhen.SENT:
        return QUIET
    return _e(SAFE, "A5", why="A5: received is never before sent")


def _handling_term(p: Policy) -> Expect:
    # R6, R12: at the latest six weeks (1.57b lid 2 sub d); a term that can take longer gives the parent
    # less and the law forbids it. Measured by the one term code.
    term = Term.parse(p.handling_term)
    if term.backwards:
        return _e(UNUSABLE, "R6", why="a handling term counted backwards cannot work")
    lo, hi = term_length_days(term)
    if hi > SIX_WEEKS:
        return _e(LESS, "R6", why="R6: can run past six weeks")
    if lo == hi == SIX_WEEKS:
        return QUIET
    return _e(SAFE, "R6", why="R6: within six weeks")


def _complainant_scope(p: Policy) -> Expect:
    # R3 (art. 1.1, 1.57b lid 1): every ouder, grandparents, step- and foster parents included. A house
    # that limits itself to contract parties gives less than the statute (the decisions of R3 keep the
    # ouder eligible, so it may be 'on paper'); A7 names the restriction.
    if p.complainant_scope is ComplainantScope.STATUTORY_OUDER:
        return QUIET
    return _e(LESS | ON_PAPER, "R3", why="R3: contract parties are fewer than the ouders of art. 1.1")


def _wider(flag: bool, *ids: str, why: str) -> Expect:
    return _e(WIDER, *ids, why=why) if flag else QUIET


def _include_prospective_clients(p: Policy) -> Expect:
    return _wider(p.include_prospective_clients, "A7", why="A7: prospective clients added")


def _include_working_method(p: Policy) -> Expect:
    return _wider(p.include_working_method, "A8", why="A8, R4: working method added")


def _include_carers(p: Policy) -> Expect:
    return _wider(p.include_carers, "A7", why="A7, R3: carers added")


def _include_guardians(p: Policy) -> Expect:
    return _wider(p.include_guardians, "A7", why="A7, R3: guardians added")


def _oudercommissie_internal_route(p: Policy) -> Expect:
    return _wider(p.oudercommissie_internal_route, "R25", why="R25: a voluntary internal route")


def _electronic_counts_as_written(p: Policy) -> Expect:
    # R5, A9: regulation.md lists whether e-mail counts as 'schriftelijk' among the ambiguities (default
    # true). Refusing e-mail gives the parent less: a warning or an error, citing A9. (Which of the two is
    # a project decision; docs/policies.md makes it an error.)
    if p.electronic_counts_as_written:
        return QUIET
    return _e(LESS | PROVIDER, "A9", why="A9: refusing e-mail narrows written submission")


def _app_messages_count_as_written(p: Policy) -> Expect:
    # A9: app messages are open (default: human judgement); accepting them gives more, refusing them is
    # the provider's reading.
    if p.app_messages_count_as_written is None:
        return QUIET
    if p.app_messages_count_as_written:
        return _e(WIDER, "A9", why="A9: app messages accepted")
    return _e(PROVIDER, "A9", why="A9: app messages refused")


def _after_meldcode(p: Policy) -> Expect:
    # R29, A10: the statute does not suspend the six weeks; closing or deferring the procedure is a text
    # that gives less, while decisions keep the clock running.
    if p.after_meldcode is AfterMeldcode.RESUME:
        return QUIET
    return _e(ON_PAPER, "R29", "A10", why="R29: the six weeks are not suspended")


def _twelve_month_start(p: Policy) -> Expect:
    # A13, R21: starting at an oral remark can make a parent late earlier: the provider's reading.
    if p.twelve_month_start is TwelveMonthStart.FIRST_WRITTEN:
        return QUIET
    return _e(PROVIDER, "A13", why="A13: earlier start of the twelve months")


def _klachtgeld_cents(p: Policy) -> Expect:
    # A14, R22: configuration with a source date; never a deviation from the law.
    if p.klachtgeld_cents == 2500:
        return QUIET
    return _e(WITHIN, "A14", why="A14: configuration")


def _klachtgeld_seen_on(p: Policy) -> Expect:
    if p.klachtgeld_seen_on is not None or p.klachtgeld_cents is None:
        return QUIET  # an unknown amount is said once, on the amount
    return _e(WITHIN, "A14", why="A14: the amount is undated")


def _jaarverslag_atw(p: Policy) -> Expect:
    # A16: whether the ATW moves 'before 1 June'; the safe reading is 31 May.
    return _e(PROVIDER, "A16", why="A16: the later date") if p.jaarverslag_atw else QUIET


def _private_term_atw(p: Policy) -> Expect:
    # A17, R17: house terms are private; extending them concerns the house only.
    return _e(WITHIN | NO_EFFECT, "A17", why="A17: house terms only") if p.private_term_atw else QUIET


def _judgement_due(p: Policy) -> Fraction:
    """The latest day the judgement is due: the house handling term, never later than six weeks (R6, R7:
    the provider acts by its own regulation, and the statute's six weeks bind whatever the text says)."""
    return min(_longest(p.handling_term), SIX_WEEKS)


def _promise(p: Policy, text: str | None) -> Expect:
    # A17: a house promise (first contact, acknowledgement) is the house's own term. One that always ends
    # after the judgement is due (the house's handling term, at most six weeks) promises nothing the
    # parent can use: a warning. (Always, not 'can': the shortest time is compared; a design choice the
    # law does not make.)
    term = _term(text)
    if term is None:
        return QUIET
    if term.backwards:
        return _e(UNUSABLE, "A17", why="a house term counted backwards cannot work")
    if term_length_days(term)[0] > _judgement_due(p):
        return _e(PAST_TERM, "A17", why="A17, R6: the promise ends after the judgement is due")
    return _e(WITHIN, "A17", why="A17: a house term")


def _first_contact_term(p: Policy) -> Expect:
    return _promise(p, p.first_contact_term)


def _acknowledgement_term(p: Policy) -> Expect:
    return _promise(p, p.acknowledgement_term)


def _submission_window(p: Policy) -> Expect:
    # A17, R21: the law knows no submission window; a late written complaint is still a complaint.
    term = _term(p.submission_window)
    if term is None:
        return QUIET
    if term.backwards:
        return _e(UNUSABLE, "A17", why="a window counted backwards cannot work")
    return _e(ON_PAPER, "A17", why="A17: a window is no bar")


def _provision(rule_id: str) -> Callable[[bool | None], Expect]:
    # R5, R6, R9, R10: what the text provides on a point the law fixes. False: the text gives less (the
    # duty stays); not set: not stated.
    def expect(value: bool | None) -> Expect:
        if value is None:
            return _e(NOT_STATED, rule_id, why="not stated")
        if value:
            return QUIET
        return _e(ON_PAPER, rule_id, why=f"{rule_id}: the text leaves the provision out")

    return expect


def _to_parents(p: Policy) -> Expect:
    # R9 (1.57b lid 8): the report is brought to parents' attention; on request or not at all is less.
    value = p.annual_report_to_parents
    if value is None:
        return _e(NOT_STATED, "R9", why="not stated")
    if value is AnnualReportToParents.BROUGHT_TO_ATTENTION:
        return QUIET
    return _e(ON_PAPER, "R9", why="R9: less than brought to their attention")


def _to_oudercommissie(p: Policy) -> Expect:
    # Not a statutory duty (R9 names the GGD and the parents): recorded, never a finding.
    return QUIET


def _klachtenloket(p: Policy) -> Expect:
    # R26: using the Klachtenloket is optional, never an admissibility condition.
    if p.klachtenloket is None:
        return _e(NOT_STATED, "R26", why="not stated")
    if p.klachtenloket is KlachtenloketRole.OPTIONAL:
        return QUIET
    return _e(ON_PAPER, "R26", why="R26: presented as required")


def _direct_access_grounds(p: Policy) -> Expect:
    # R20 (i) and (ii); (iii) is unverified and not required.
    grounds = p.direct_access_grounds
    if grounds is None:
        return _e(NOT_STATED, "R20", why="not stated")
    if set(DirectAccessGround) <= set(grounds):
        return QUIET
    return _e(ON_PAPER, "R20", why="R20: a ground left out")


ORACLE: Final[Mapping[str, Callable[[Policy], Expect]]] = {
    "atw_mode": _atw_mode,
    "regulation_applies_atw": _regulation_applies_atw,
    "include_equated_days": _include_equated_days,
    "strict_calendar": _strict_calendar,
    "exclude_filing_day": _exclude_filing_day,
    "receipt_rule": _receipt_rule,
    "handled_when": _handled_when,
    "handling_term": _handling_term,
    "complainant_scope": _complainant_scope,
    "include_prospective_clients": _include_prospective_clients,
    "include_working_method": _include_working_method,
    "electronic_counts_as_written": _electronic_counts_as_written,
    "app_messages_count_as_written": _app_messages_count_as_written,
    "after_meldcode": _after_meldcode,
    "twelve_month_start": _twelve_month_start,
    "klachtgeld_cents": _klachtgeld_cents,
    "klachtgeld_seen_on": _klachtgeld_seen_on,
    "jaarverslag_atw": _jaarverslag_atw,
    "private_term_atw": _private_term_atw,
    "first_contact_term": _first_contact_term,
    "acknowledgement_term": _acknowledgement_term,
    "submission_window": _submission_window,
    "oudercommissie_internal_route": _oudercommissie_internal_route,
    "include_carers": _include_carers,
    "include_guardians": _include_guardians,
    "written_submission": lambda p: _provision("R5")(p.written_submission),
    "careful_investigation": lambda p: _provision("R6")(p.careful_investigation),
    "keeps_parent_informed": lambda p: _provision("R6")(p.keeps_parent_informed),
    "reasoned_judgement": lambda p: _provision("R6")(p.reasoned_judgement),
    "concrete_term_for_measures": lambda p: _provision("R6")(p.concrete_term_for_measures),
    "confidentiality": lambda p: _provision("R10")(p.confidentiality),
    "registration": lambda p: _provision("R9")(p.registration),
    "annual_report_to_ggd": lambda p: _provision("R9")(p.annual_report_to_ggd),
    "annual_report_to_parents": _to_parents,
    "annual_report_anonymised": lambda p: _provision("R9")(p.annual_report_anonymised),
    "annual_report_to_oudercommissie": _to_oudercommissie,
    "klachtenloket": _klachtenloket,
    "direct_access_grounds": _direct_access_grounds,
}
#: Fields that are no house setting: names, titles, sources.
NOT_SETTINGS: Final = frozenset({"name", "title", "sources"})


def expected(policy: Policy) -> dict[str, Expect]:
    """The oracle: per dotted setting, what lint must report about ``policy``."""
    return {toml_key(field): rule(policy) for field, rule in ORACLE.items()}


# --- comparing -----------------------------------------------------------------------------------------


def _by_setting(report: LintReport) -> dict[str, list[LintFinding]]:
    out: dict[str, list[LintFinding]] = {}
    for finding in report.findings:
        out.setdefault(finding.setting, []).append(finding)
    return out


def _mismatches(policy: Policy) -> list[str]:
    """Every setting where lint and the oracle disagree, as readable lines."""
    oracle = expected(policy)
    found = _by_setting(lint_policy(policy))
    problems = []
    for setting in sorted(set(oracle) | set(found)):
        want = oracle.get(setting)
        got = found.get(setting, [])
        seen = [(f.code.value, f.direction.value, f.rule_ids) for f in got]
        if want is None:
            problems.append(f"{setting}: lint reports on a setting the oracle does not know: {seen}")
        elif want.silent and got:
            problems.append(f"{setting}: expected no finding ({want.why}), got {seen}")
        elif not want.silent and not got and not want.optional:
            problems.append(f"{setting}: expected {sorted(want.directions)} ({want.why}), got nothing")
        else:
            for f in got:
                if f.direction.value not in want.directions:
                    problems.append(
                        f"{setting}: {f.code.value} is {f.direction.value},"
                        f" expected {sorted(want.directions)} ({want.why})"
                    )
                if not want.ids <= set(f.rule_ids):
                    problems.append(f"{setting}: {f.code.value} cites {f.rule_ids}, needs {sorted(want.ids)}")
    return problems


def _evolve(**changes: Any) -> Policy:
    return attrs.evolve(load_policy("statutory"), **changes)


# --- the oracle itself is complete and sane ---------------------------------------------------------------


def test_oracle_covers_every_policy_field() -> None:
    fields = {f.name for f in attrs.fields(Policy)} - NOT_SETTINGS
    assert set(ORACLE) == fields


def test_statutory_policy_is_equal_to_the_law_on_every_setting() -> None:
    statutory = load_policy("statutory")
    assert all(e.silent for e in expected(statutory).values())
    assert lint_policy(statutory).findings == ()


def test_term_code_reads_the_law_on_term_lengths() -> None:
    """The one term code measures terms as regulation.md does (R6, R12, R18)."""
    assert term_length_days("6 weeks") == (42, 42)
    assert term_length_days("zes weken") == (42, 42)
    assert term_length_days("1008 hours") == (42, 42)
    assert term_length_days("1 month") == (28, 31)  # R18: same day number, clamped
    assert term_length_days("2 months") == (59, 62)
    assert term_length_days("12 months")[1] >= 365


def test_thirty_working_days_take_40_to_54_days() -> None:
    """docs/policies.md (HANDLING_TERM_TOO_LONG) as the code computes it: 30 working days on the ATW calendar
    take 42 days counted from a weekday with no holiday inside, 41 from a Saturday, 40 from a Sunday, and up
    to 54 from the Thursday before Easter (Good Friday, Easter Monday, Koningsdag, 5 May and Ascension)."""
    assert term_length_days("30 working days") == (40, 54)
    week = [dt.date(2025, 9, 1) + dt.timedelta(days=n) for n in range(7)]  # Monday to Sunday, no holiday
    lengths = [(deadline(d, "30 working days", statutory=False).date - d).days for d in week]
    assert lengths == [42, 42, 42, 42, 42, 41, 40]
    for thursday in (dt.date(2017, 4, 13), dt.date(2023, 4, 6), dt.date(2028, 4, 13)):
        assert (deadline(thursday, "30 working days", statutory=False).date - thursday).days == 54


# --- one setting at a time, from the statutory baseline ----------------------------------------------

SINGLE_CHANGES: Final[tuple[tuple[str, Any], ...]] = (
    ("atw_mode", AtwMode.NEVER),
    ("atw_mode", AtwMode.FOLLOW_REGULATION_TEXT),
    ("regulation_applies_atw", True),
    ("regulation_applies_atw", False),
    ("include_equated_days", False),
    ("strict_calendar", True),
    ("exclude_filing_day", False),
    ("receipt_rule", ReceiptRule.NEXT_WORKING_DAY),
    ("handled_when", HandledWhen.RECEIVED),
    ("handling_term", "42 days"),
    ("handling_term", "zes weken"),
    ("handling_term", "1008 hours"),
    ("handling_term", "1009 hours"),
    ("handling_term", "43 days"),
    ("handling_term", "5 weeks"),
    ("handling_term", "1 month"),
    ("handling_term", "2 months"),
    ("handling_term", "1 year"),
    ("handling_term", "20 working days"),
    ("handling_term", "30 working days"),
    ("handling_term", "6 weeks before"),
    ("complainant_scope", ComplainantScope.CONTRACT_PARTY_ONLY),
    ("include_prospective_clients", True),
    ("include_working_method", True),
    ("electronic_counts_as_written", False),
    ("app_messages_count_as_written", True),
    ("app_messages_count_as_written", False),
    ("after_meldcode", AfterMeldcode.CLOSE),
    ("after_meldcode", AfterMeldcode.REFILE),
    ("twelve_month_start", TwelveMonthStart.FIRST_ANY),
    ("klachtgeld_cents", 3000),
    ("klachtgeld_cents", None),
    ("klachtgeld_seen_on", None),
    ("jaarverslag_atw", True),
    ("private_term_atw", True),
    ("first_contact_term", "2 working days"),
    ("first_contact_term", "7 weeks"),
    ("first_contact_term", "2 months"),
    ("first_contact_term", "2 days before"),
    ("acknowledgement_term", "5 working days"),
    ("acknowledgement_term", "43 days"),
    ("submission_window", "2 months"),
    ("submission_window", "13 months"),
    ("submission_window", "2 months before"),
    ("oudercommissie_internal_route", True),
    ("include_carers", True),
    ("include_guardians", True),
    ("written_submission", False),
    ("written_submission", None),
    ("careful_investigation", False),
    ("keeps_parent_informed", False),
    ("reasoned_judgement", False),
    ("concrete_term_for_measures", False),
    ("confidentiality", False),
    ("confidentiality", None),
    ("registration", False),
    ("annual_report_to_ggd", False),
    ("annual_report_to_ggd", None),
    ("annual_report_to_parents", AnnualReportToParents.ON_REQUEST),
    ("annual_report_to_parents", AnnualReportToParents.NOT_TO_PARENTS),
    ("annual_report_to_parents", None),
    ("annual_report_anonymised", False),
    ("annual_report_to_oudercommissie", False),
    ("annual_report_to_oudercommissie", None),
    ("klachtenloket", KlachtenloketRole.REQUIRED_BEFORE_GCK),
    ("klachtenloket", None),
    ("direct_access_grounds", ()),
    ("direct_access_grounds", (DirectAccessGround.NO_TIMELY_JUDGEMENT,)),
    ("direct_access_grounds", (DirectAccessGround.NOT_REASONABLY_REQUIRED,)),
    ("direct_access_grounds", None),
)


def test_every_field_is_varied_at_least_once() -> None:
    varied = {field for field, _ in SINGLE_CHANGES}
    assert varied == set(ORACLE)


@pytest.mark.parametrize(("field", "value"), SINGLE_CHANGES, ids=lambda v: str(v))
def test_one_setting_changed(field: str, value: Any) -> None:
    assert _mismatches(_evolve(**{field: value})) == []


@pytest.mark.parametrize(
    ("handling", "promise", "past"),
    [
        ("4 weeks", "5 weeks", True),  # after the house's own term, inside the statute's six weeks
        ("6 weeks", "6 weeks", False),
        ("6 weeks", "30 working days", False),  # 42 days without a holiday: not always after
        ("4 weeks", "43 days", True),
        ("1 month", "2 months", True),
        ("2 months", "7 weeks", True),  # the handling term is too long; the statute's six weeks bind
    ],
)
def test_house_promise_after_the_judgement_is_due(handling: str, promise: str, past: bool) -> None:
    """A17, R6: a promise that ends after the judgement is due is a warning, and its words say which
    term it passes: the statutory term only when it passes six weeks."""
    policy = _evolve(handling_term=handling, acknowledgement_term=promise)
    assert _mismatches(policy) == []
    (finding,) = [f for f in lint_policy(policy).findings if f.setting == "house_terms.acknowledgement"]
    assert (finding.direction.value == "past_statutory_term") is past
    if not past:
        return
    beyond_statute = term_length_days(promise)[0] > SIX_WEEKS
    for lang, statutory, six in (("nl", "wettelijke", "zes weken"), ("en", "statutory", "six weeks")):
        text = finding.message(lang)
        if beyond_statute:
            assert f"{statutory} {six}" in text, text
        else:  # names the house's own term, and claims nothing about the statute's
            assert statutory not in text, text
            assert f"('{Term.parse(handling).label(lang)}')" in text, text


# --- the shipped policies, the example, Hypothesis -----------------------------------------------------


@pytest.mark.parametrize("name", shipped_policies())
def test_shipped_policy(name: str) -> None:
    assert _mismatches(load_policy(name)) == []


def test_example_policy() -> None:
    assert _mismatches(load_policy(str(EXAMPLE_POLICY))) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(testing.policies())
def test_generated_policies(policy: Policy) -> None:
    assert _mismatches(policy) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suite_policies())
def test_generated_policies_every_setting(policy: Policy) -> None:
    """The suite's strategy draws every setting, terms in every unit and backwards ones included."""
    assert _mismatches(policy) == []


_TERMS: Final = st.builds(
    lambda n, unit, back: f"{n} {unit}{' before' if back else ''}",
    st.integers(0, 70),
    st.sampled_from(("days", "weeks", "months", "working days", "hours", "years")),
    st.booleans(),
)


def _readable(text: str) -> bool:
    try:
        Term.parse(text)
    except TermError:
        return False
    return True


@settings(max_examples=100, deadline=None)
@given(
    base=testing.policies(),
    handling=_TERMS.filter(_readable),
    promise=st.none() | _TERMS.filter(_readable),
    window=st.none() | _TERMS.filter(_readable),
    carers=st.booleans(),
    provisions=st.fixed_dictionaries(
        {
            "written_submission": st.none() | st.booleans(),
            "confidentiality": st.none() | st.booleans(),
            "annual_report_to_parents": st.none() | st.sampled_from(AnnualReportToParents),
            "klachtenloket": st.none() | st.sampled_from(KlachtenloketRole),
            "direct_access_grounds": st.none()
            | st.lists(st.sampled_from(DirectAccessGround), max_size=2, unique=True).map(tuple),
        }
    ),
)
def test_generated_policies_with_terms_and_text(
    base: Policy,
    handling: str,
    promise: str | None,
    window: str | None,
    carers: bool,
    provisions: dict[str, Any],
) -> None:
    """The settings ``testing.policies`` leaves at the default: handling term, house terms, the text."""
    policy = attrs.evolve(
        base,
        handling_term=handling,
        acknowledgement_term=promise,
        submission_window=window,
        include_carers=carers,
        **provisions,
    )
    assert _mismatches(policy) == []


# --- the words of every verdict name its direction ------------------------------------------------------

#: Words a verdict (and its message) must not use, per direction group: no 'ruimer'/'wider' for a narrower
#: policy, no 'allowed' next to an error, no 'may still be met' next to an error.
_ALLOWED_WORDS: Final = re.compile(r"\b(toegestaan|allowed)\b", re.IGNORECASE)
_NOT_ALLOWED: Final = re.compile(r"\bniet toegestaan\b|\bnot allowed\b", re.IGNORECASE)
_WIDER_WORDS: Final = re.compile(r"\b(ruimer|wider|more generous|gunstiger)\b", re.IGNORECASE)
_STRICTER_WORDS: Final = re.compile(r"\b(strenger|stricter)\b", re.IGNORECASE)
_NARROWER_WORDS: Final = re.compile(r"\b(beperkter|narrower|later|minder|less)\b", re.IGNORECASE)
_STILL_MET: Final = re.compile(r"may still be met|kan nog (worden )?(gehaald|nagekomen)", re.IGNORECASE)


def _verdict_problems(direction: str, verdict: str, message: str) -> list[str]:
    problems = []
    if not message.startswith(verdict):
        problems.append("message does not start with the verdict")
    if direction in LESS | UNUSABLE:
        if _ALLOWED_WORDS.search(verdict) and not _NOT_ALLOWED.search(verdict):
            problems.append("an error called allowed")
        if _STILL_MET.search(message):
            problems.append("an error next to 'may still be met'")
    if direction in NARROWING | LESS:
        if _WIDER_WORDS.search(verdict) or _STRICTER_WORDS.search(verdict):
            problems.append("a narrowing verdict calls the policy wider or stricter")
        if direction not in PROVIDER | PAST_TERM and not _NARROWER_WORDS.search(verdict):
            problems.append("a narrowing verdict does not say narrower/later/less")
    if direction in WIDER and not re.search(r"\b(ruimer|wider)\b", verdict, re.IGNORECASE):
        problems.append("a wider verdict does not say so")
    if direction == "stricter" and not _STRICTER_WORDS.search(verdict):
        problems.append("a stricter verdict does not say so")
    if direction in SAFE | WIDER | NOT_STATED and _NARROWER_WORDS.search(verdict):
        problems.append("an accepted verdict says narrower/later/less")
    return problems


def _every_finding() -> Iterable[tuple[str, LintFinding]]:
    policies = [load_policy(n) for n in shipped_policies()] + [load_policy(str(EXAMPLE_POLICY))]
    policies += [_evolve(**{field: value}) for field, value in SINGLE_CHANGES]
    for policy in policies:
        for finding in lint_policy(policy).findings:
            yield policy.name, finding


def test_every_verdict_names_its_direction_in_both_languages() -> None:
    problems = []
    seen_directions = set()
    for name, f in _every_finding():
        seen_directions.add(f.direction.value)
        for lang in ("nl", "en"):
            for p in _verdict_problems(f.direction.value, f.verdict(lang), f.message(lang)):
                problems.append(f"{name} {f.code.value} [{lang}]: {p}: {f.message(lang)!r}")
    assert problems == []
    assert (
        seen_directions
        >= LESS | ON_PAPER | PROVIDER | SAFE | WIDER | UNUSABLE | NOT_STATED | NO_EFFECT | PAST_TERM
    )


def _policy_file(tmp_path: Path, body: str) -> str:
    path = tmp_path / "house.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


_MIXED: Final = """\
[deadlines]
handling_term = "2 maanden"
receipt_rule = "next_working_day"
atw_mode = "never"

[scope]
include_working_method = true
complainant_scope = "contract_party_only"

[house_terms]
acknowledgement = "7 weeks"
"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cli_json_and_text_name_the_direction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = _policy_file(tmp_path, _MIXED)
    assert main(["policy", "lint", path, "--format", "json", "--lang", lang]) == 1
    doc = json.loads(capsys.readouterr().out)
    problems = []
    for f in doc["findings"]:
        for verdict_lang in ("nl", "en"):
            verdict, message = f["verdict"][verdict_lang], f["message"][verdict_lang]
            problems += [
                f"{f['code']} [{verdict_lang}]: {p}"
                for p in _verdict_problems(f["direction"], verdict, message)
            ]
    assert problems == []
    directions = {f["code"]: f["direction"] for f in doc["findings"]}
    assert directions["HANDLING_TERM_TOO_LONG"] == "later"
    assert directions["WORKING_METHOD_IN_SCOPE"] == "wider"
    assert directions["RECEIPT_NEXT_WORKING_DAY"] == "provider_reading"

    assert main(["policy", "lint", path, "--lang", lang]) == 1
    text = capsys.readouterr().out
    by_code = {f["code"]: f for f in doc["findings"]}
    for line_code, finding in by_code.items():
        # The text output prints the same verdict under the finding's header line.
        block = text.split(f" {line_code} ", 1)[1]
        assert finding["verdict"][lang] in block.split("\n", 2)[1], line_code
    closing = text.rstrip().splitlines()[-1]
    assert re.search(r"afgewezen|rejected", closing, re.IGNORECASE)
    assert not _WIDER_WORDS.search(closing)
