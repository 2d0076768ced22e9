"""Hypothesis strategies for organisation policies (:class:`klachtregels.policy.Policy`).

* :func:`policies`: any policy within the settings' ranges, lax ones and terms counted backwards included
  (:func:`klachtregels.testing.policies`, the one strategy, with backwards terms added).
* :func:`clean_policies`: only policies that :func:`klachtregels.policy_lint.is_clean` accepts (no error, no
  warning). For the property "a policy that lints clean never produces an outcome laxer than the statutory
  one" (``tests/test_policy_lint.py`` checks the strategy against lint itself); the public strategy with
  the settings that could make a policy laxer pinned.
* :func:`terms`: plain term texts such as ``"6 weeks"``, ``"2 werkdagen"`` (a number in digits and a unit
  word, read back by the tests' own cross-checks; :func:`klachtregels.testing.term_texts` draws every form).
* :func:`refused_as_provisional`: whether a decision under a drawn policy with ``strict_calendar`` must be
  refused (A2), for the property tests that decide under any policy.

Import from tests as ``from strategies_policy import clean_policies`` (pytest puts ``tests/`` on the path).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeGuard

import attrs
from hypothesis import strategies as st

from klachtregels import testing
from klachtregels.decisions import eligibility
from klachtregels.policy import (
    AfterMeldcode,
    AnnualReportToParents,
    AtwMode,
    ComplainantScope,
    DirectAccessGround,
    KlachtenloketRole,
    Policy,
    ReceiptRule,
    TwelveMonthStart,
)
from klachtregels.vocabulary import CLOCK_MAY_RUN

if TYPE_CHECKING:
    from klachtregels.model import Complaint

__all__ = ["clean_handling_terms", "clean_policies", "policies", "refused_as_provisional", "terms"]

#: R1: the six-week handling term runs for complaints received from 2016 on.
_REGIME_START = dt.date(2016, 1, 1)

#: Unit words Term.parse reads, per unit (English and Dutch, singular and plural).
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "hours": ("hour", "hours", "uur"),
    "days": ("day", "days", "dag", "dagen", "kalenderdagen"),
    "working_days": ("working day", "working days", "werkdag", "werkdagen"),
    "weeks": ("week", "weeks", "weken"),
    "months": ("month", "months", "maand", "maanden"),
    "years": ("year", "years", "jaar"),
}
#: Amounts drawn per unit: wide enough to cross the six-week line in every unit.
AMOUNTS: dict[str, tuple[int, int]] = {
    "hours": (1, 3000),
    "days": (1, 400),
    "working_days": (1, 80),
    "weeks": (1, 60),
    "months": (1, 30),
    "years": (1, 5),
}


def terms(
    units: tuple[str, ...] = tuple(UNIT_WORDS),
    *,
    max_amount: dict[str, int] | None = None,
    backwards: bool = False,
) -> st.SearchStrategy[str]:
    """Term texts in ``units``; ``max_amount`` caps the amount per unit; ``backwards`` may add 'before'."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        unit = draw(st.sampled_from(units))
        lo, hi = AMOUNTS[unit]
        if max_amount and unit in max_amount:
            hi = max_amount[unit]
        amount = draw(st.integers(lo, hi))
        word = draw(st.sampled_from(UNIT_WORDS[unit]))
        text = f"{amount} {word}"
        if backwards and draw(st.booleans()):
            text += " before"
        return text

    return build()


def clean_handling_terms() -> st.SearchStrategy[str]:
    """Handling terms that can never run past six weeks (42 days)."""
    # 24 working days take at most 42 days on the 2016-2035 ATW calendar (spring 2028); 1 month at most 31.
    return terms(
        ("hours", "days", "working_days", "weeks", "months"),
        max_amount={"hours": 1008, "days": 42, "working_days": 24, "weeks": 6, "months": 1},
    )


#: What the regulation provides (1.57b lid 2 a-c, e-f; 1.57d; registration): as the law has it or not stated.
_PROVISION_FIELDS = (
    "written_submission",
    "careful_investigation",
    "keeps_parent_informed",
    "reasoned_judgement",
    "concrete_term_for_measures",
    "confidentiality",
    "registration",
)
_STATED_OR_NOT = st.none() | st.just(True)

# A lower bound, in whole days, of how long a clean handling term takes (kept independent of lint).
_LOWER_BOUND_PER_UNIT = {"hours": 1 / 24, "days": 1, "working_days": 1, "weeks": 7, "months": 28}


def _lower_bound_days(term: str) -> int:
    amount, _, word = term.partition(" ")
    unit = next(u for u, words in UNIT_WORDS.items() if word in words)
    return int(int(amount) * _LOWER_BOUND_PER_UNIT[unit])


def _house_term_within(days: int) -> st.SearchStrategy[str | None]:
    """A house term (first contact, acknowledgement) that takes at most ``days`` days, or None."""
    if days < 1:  # a handling term of hours: no house term fits inside it
        return st.none()
    return st.none() | st.integers(1, days).map(lambda n: f"{n} dagen") | st.just(f"{days * 24} hours")


#: The term settings with terms counted backwards too: a policy holds them, lint reports them, assess
#: refuses them (the public strategy leaves them out: every policy it draws can be applied).
_BACKWARDS_TOO: dict[str, st.SearchStrategy[Any]] = {
    "handling_term": st.just("6 weeks") | testing.term_texts(backwards=True),
    "first_contact_term": st.none() | testing.term_texts(backwards=True),
    "acknowledgement_term": st.none() | testing.term_texts(backwards=True),
    "submission_window": st.none() | testing.term_texts(backwards=True),
}


def policies(**overrides: st.SearchStrategy[Any]) -> st.SearchStrategy[Policy]:
    """:func:`klachtregels.testing.policies` (every setting a policy file can give, lax ones included),
    with terms counted backwards too (``"2 weken voor"``, which lint calls unusable).

    Keyword arguments replace the strategy for one setting: ``policies(handling_term=st.just("7 weeks"))``.
    """
    return testing.policies(**{**_BACKWARDS_TOO, **overrides})


@st.composite
def _clean(draw: st.DrawFn) -> Policy:
    atw_mode = draw(st.sampled_from(AtwMode))
    handling_term = draw(clean_handling_terms())
    house_terms = _house_term_within(_lower_bound_days(handling_term))
    return draw(
        testing.policies(
            handling_term=st.just(handling_term),
            atw_mode=st.just(atw_mode),
            # Only meaningful (and only clean) with follow_regulation_text.
            regulation_applies_atw=(
                st.none() | st.booleans() if atw_mode is AtwMode.FOLLOW_REGULATION_TEXT else st.none()
            ),
            receipt_rule=st.just(ReceiptRule.SAME_DAY),
            complainant_scope=st.just(ComplainantScope.STATUTORY_OUDER),
            electronic_counts_as_written=st.just(True),
            app_messages_count_as_written=st.none() | st.just(True),
            after_meldcode=st.just(AfterMeldcode.RESUME),
            twelve_month_start=st.just(TwelveMonthStart.FIRST_WRITTEN),
            jaarverslag_atw=st.just(False),
            first_contact_term=house_terms,
            acknowledgement_term=house_terms,
            submission_window=st.none(),
            # The whole regulation: each point as the law has it, or not stated (never less).
            **dict.fromkeys(_PROVISION_FIELDS, _STATED_OR_NOT),
            annual_report_to_ggd=_STATED_OR_NOT,
            annual_report_to_parents=st.none() | st.just(AnnualReportToParents.BROUGHT_TO_ATTENTION),
            annual_report_anonymised=_STATED_OR_NOT,
            klachtenloket=st.none() | st.just(KlachtenloketRole.OPTIONAL),
            direct_access_grounds=st.none() | st.permutations(list(DirectAccessGround)).map(tuple),
        )
    )


def refused_as_provisional(
    policy: Policy | None,
    complaint: Complaint,
    *,
    as_of: dt.date | None = None,
    filing: object = None,
    access: bool = False,
) -> TypeGuard[Policy]:
    """Whether deciding on ``complaint`` under ``policy`` must raise ``ProvisionalCalendarError``: the policy
    asks for a strict calendar (``strict_calendar``, A2), the six-week handling deadline, the one a policy
    counts strictly, would be provisional (an unverified decree year, A2, R19), and the answer reads it.
    That deadline exists for a complaint whose receipt is known, from the 2016 regime on (R1).
    :func:`policies` draws such policies.

    Which answers read it: Geschillencommissie access always (``access=True``, R20 i); ``assess`` when
    the procedure may cover the complaint (eligibility in ``CLOCK_MAY_RUN``: its handling status and
    deadlines) or a ``filing`` is asked about. ``eligibility()`` and ``precedence()`` never read it, nor
    does ``assess`` for a complaint outside the procedure: those are never refused. A test asserts the
    refusal, then goes on with ``attrs.evolve(policy, strict_calendar=False)``."""
    received = complaint.received_on
    day = complaint.received_date
    if policy is None or not policy.strict_calendar or received is None or day is None:
        return False
    if day < _REGIME_START or not policy.handling_deadline(received, strict=False).provisional:
        return False
    if access or filing is not None:
        return True
    lenient = attrs.evolve(policy, strict_calendar=False)
    asked = day if as_of is None or as_of < day else as_of  # a day before receipt: refused as such, not here
    return eligibility(complaint, as_of=asked, policy=lenient).outcome in CLOCK_MAY_RUN


def clean_policies() -> st.SearchStrategy[Policy]:
    """Policies with no lint error and no warning: stricter or wider than the law, never laxer."""
    return _clean()
