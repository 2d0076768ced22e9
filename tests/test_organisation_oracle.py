"""The organisation-level compliance items K1-K9 (R6-R11, R8/R25, R9, R31, A12, A16, A21) against a small
independent oracle, written from regulation.md sections 3B, 3D, 5, 7 and 8 and examples.md C01/C02 before
the library's organisation rules were read. The oracle works on the organisation file as TOML data (the
format of docs/report.md) and gives, for each K item, every outcome the regulation allows: ``pass``,
``fail`` or ``undetermined`` (a fact the file leaves out is unknown, never false; section 8: never a
silent guess). A file that contradicts itself (a fact given as true that presupposes one given as
false: a regulation written, covering or providing for something, or brought to parents' attention,
when none was adopted; a meldcode promoted when none was adopted) is bad input: the oracle expects it
refused, naming every such fact, and no K item answered (added with the refusal; ``oracle_refusal``).
K2's provisions of lid 2 a-c, e-f can also be stated in the policy's ``[regulation]`` (docs/policies.md):
one fact, two files. The oracle reads both (added with the merged view; ``provision``): the two agreeing or
only one giving it is that value, neither is unknown, the two disagreeing is open and named as such; the
statutory baseline states the statute, not the provider's regulation, and is no source.

The committed run is small; a long local run: ``KLACHTREGELS_ORACLE_EXAMPLES=20000 pytest -p no:randomly
tests/test_organisation_oracle.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance_helpers import judged, record
from klachtregels.compliance import check_organisation, check_records, check_register
from klachtregels.errors import InvalidInputError
from klachtregels.organisation import parse_organisation
from klachtregels.policy import Policy, load_policy, policy_from_mapping
from klachtregels.rules.organisation import K4Tally

if TYPE_CHECKING:
    from klachtregels.compliance.findings import Finding, Passed

D = dt.date
EXAMPLES = int(os.environ.get("KLACHTREGELS_ORACLE_EXAMPLES", "150"))

# --------------------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------------------

PASS, FAIL, UNDET = "pass", "fail", "undetermined"
NOT_EVALUATED = "not_evaluated"
Allowed = frozenset[str]


def _kleene(values: Iterable[bool | None]) -> str:
    """Three-valued 'and' over required facts: one known false fails, all known true passes."""
    seen = list(values)
    if any(value is False for value in seen):
        return FAIL
    if all(value is True for value in seen):
        return PASS
    return UNDET


def _section(org: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    section = org.get(name)
    return section if isinstance(section, Mapping) else {}


_NUMBERS = {
    "een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
    "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8,
}  # fmt: skip
# Per unit: the fewest and the most calendar days one unit can span. A working day spans at least one
# day; 'at most' is left to the count (weekends and the ATW holidays, section 4).
_UNITS = {
    "dag": (1, 1), "dagen": (1, 1), "day": (1, 1), "days": (1, 1),
    "kalenderdag": (1, 1), "kalenderdagen": (1, 1),
    "week": (7, 7), "weken": (7, 7), "weeks": (7, 7),
    "maand": (28, 31), "maanden": (28, 31), "month": (28, 31), "months": (28, 31),
}  # fmt: skip
_WORKING_DAYS = {"werkdag", "werkdagen"}
# Working days: n of them plus the ATW holidays a six-week window can hold (at most 5: Koningsdag, 5 May,
# Ascension and the Friday after it, Whit Monday; or the Christmas and New Year days) take at most that
# many weeks of five working days, plus a weekend before the first. Thirty working days are six weeks
# with no holiday, and more with one (section 4), so in some year they run past six weeks.
_HOLIDAY_ALLOWANCE = 5
_SIX_WEEKS_OF_WORKING_DAYS = 30
SIX_WEEKS = 42  # R6 (d), R12: at the latest six weeks after submission


# R6 (d) says "uiterlijk zes weken na indiening": "at the latest" in front and the filing (R12, A4: the
# receipt) after are the statute's own words around the term; "binnen" (seeds 000, 001) says the same.
_AT_THE_LATEST = ("uiterlijk binnen ", "uiterlijk ", "binnen ", "within ")
_AFTER_FILING = (" na indiening", " na ontvangst", " na het indienen van de klacht", " of receipt")


def handling_term_allowed(text: str | None) -> Allowed:
    """R6 (d): the regulation's handling term must not exceed six weeks (1.57b lid 2 d).

    A term the oracle cannot read as 'N unit', with at most the statute's "uiterlijk ... na indiening"
    around it (or that could fall either side of 42 days), is open."""
    if text is None:
        return frozenset({UNDET})
    text = text.lower()
    text = next((text[len(w) :] for w in _AT_THE_LATEST if text.startswith(w)), text)
    text = next((text[: -len(w)] for w in _AFTER_FILING if text.endswith(w)), text)
    match = re.fullmatch(r"\s*(\d+|[a-zé]+)\s+([a-z]+)\s*", text)
    if match is None:
        return frozenset({UNDET})
    word, unit = match.groups()
    number = int(word) if word.isdigit() else _NUMBERS.get(word)
    if number is None or number < 1:
        return frozenset({UNDET})
    if unit in _WORKING_DAYS:
        if number >= _SIX_WEEKS_OF_WORKING_DAYS:
            return frozenset({UNDET, FAIL})
        low, high = number, -(-(number + _HOLIDAY_ALLOWANCE) // 5) * 7 + 2
        if high > SIX_WEEKS:
            return frozenset({PASS, UNDET, FAIL})  # the oracle does not count these on a calendar
    elif unit in _UNITS:
        low, high = (number * days for days in _UNITS[unit])
    else:
        return frozenset({UNDET})
    if high <= SIX_WEEKS:
        return frozenset({PASS})
    if low > SIX_WEEKS:
        return frozenset({FAIL})
    # Some years past six weeks, some not: the regulation does not promise lid 2 d in every year
    # (fail), or the reader cannot tell (undetermined).
    return frozenset({UNDET, FAIL})


_AS_FACT: dict[str, bool | None] = {PASS: True, FAIL: False, UNDET: None}


def oracle_k1(org: Mapping[str, Any]) -> Allowed:
    """K1, R2/R4 (1.57b lid 1): a regulation is adopted that covers (a) conduct and (b) the agreement."""
    reg = _section(org, "regulation")
    return frozenset({_kleene([reg.get("adopted"), reg.get("covers_conduct"), reg.get("covers_agreement")])})


#: Lid 2 a-c, e-f: the organisation file's key under [regulation.provides] and the policy's under
#: [regulation] (docs/report.md, docs/policies.md): (c) is spelled differently in the two.
POLICY_KEYS = {
    "written_submission": "written_submission",
    "careful_investigation": "careful_investigation",
    "keeping_informed": "keeps_parent_informed",
    "reasoned_judgement": "reasoned_judgement",
    "concrete_term_for_measures": "concrete_term_for_measures",
}


def provision(in_file: bool | None, in_policy: bool | None) -> bool | None:
    """One provision stated in two files: the same in both, or in one only, is what they say; in neither,
    unknown; two answers that differ are no answer (section 8: never a silent guess)."""
    if in_file is None or in_file == in_policy:
        return in_policy
    return in_file if in_policy is None else None


def oracle_k2_disagreements(org: Mapping[str, Any], policy: Mapping[str, Any] | None) -> frozenset[str]:
    """The provisions (by the organisation file's key) the file and a house policy state differently."""
    provides = _section(_section(org, "regulation"), "provides")
    stated = policy or {}
    return frozenset(
        f"regulation.provides.{key}"
        for key, policy_key in POLICY_KEYS.items()
        if provides.get(key) is not None
        and stated.get(policy_key) is not None
        and provides.get(key) != stated.get(policy_key)
    )


def oracle_k2(org: Mapping[str, Any], policy: Mapping[str, Any] | None = None) -> Allowed:
    """K2, R6 (1.57b lid 2 a-f): written, and providing for (a) written submission, (b) careful
    investigation, (c) keeping the parent informed, (d) at most six weeks, (e) a written reasoned
    judgement, (f) a concrete term for measures (C01: no clause on (f) fails). No adopted regulation
    provides nothing, so it fails too. ``policy``: a house policy's [regulation] table (``None``: the
    statutory baseline, which says nothing about this provider's text)."""
    reg = _section(org, "regulation")
    provides = _section(reg, "provides")
    if reg.get("adopted") is False:
        return frozenset({FAIL})
    stated = policy or {}
    clauses = [
        reg.get("written"),
        *(provision(provides.get(key), stated.get(policy_key)) for key, policy_key in POLICY_KEYS.items()),
    ]
    terms = handling_term_allowed(provides.get("handling_term"))
    return frozenset(_kleene([*clauses, _AS_FACT[term]]) for term in terms)


def oracle_k3(org: Mapping[str, Any]) -> Allowed:
    """K3, R7 (1.57b lid 3): the regulation (and every change) is brought to parents' attention.
    No regulation adopted: nothing was brought to their attention."""
    reg = _section(org, "regulation")
    if reg.get("adopted") is False:
        return frozenset({FAIL})
    return frozenset({_kleene([reg.get("published_to_parents")])})


@attrs.frozen
class Practice:
    """What the per-complaint checks found (K4): complaints with an error, with an unknown, checked."""

    failing: int
    undetermined: int
    checked: int


def oracle_k4(practice: Practice | None) -> Allowed:
    """K4, R7 (1.57b lid 3): acting in accordance with the regulation is a question about actual cases
    (C04: a judgement a day late fails). The organisation file states none: without the register the
    item is not decided. One complaint handled against the rules fails it; one with an unknown fact and
    none failing leaves it open."""
    if practice is None:
        return frozenset({NOT_EVALUATED, UNDET})
    if practice.failing:
        return frozenset({FAIL})
    if practice.undetermined:
        return frozenset({UNDET})
    return frozenset({PASS}) if practice.checked else frozenset({PASS, NOT_EVALUATED})


def easter(year: int) -> D:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return D(year, month, day + 1)


# Section 4 (ATW-KB): the Friday after Ascension equated with a holiday in the verified years.
VERIFIED_KB_YEARS = range(2023, 2029)


def atw_last_days(year: int) -> tuple[D, D]:
    """A16 with ATW art. 1 and 3: 'before 1 June' of year + 1 if the ATW applied to this fixed date: the
    first working day from 31 May on. Around it fall Ascension and Whit Monday (section 4). The Friday
    after Ascension is a holiday only where a KB equates it (A2); in a year without verified KB data the
    oracle gives both answers: (without it, with it)."""
    day = D(year + 1, 5, 31)
    e = easter(year + 1)
    holidays = {e + dt.timedelta(days=39), e + dt.timedelta(days=50)}
    friday = e + dt.timedelta(days=40)

    def first_working(extra: set[D]) -> D:
        current = day
        while current.weekday() >= 5 or current in holidays | extra:
            current += dt.timedelta(days=1)
        return current

    if year + 1 in VERIFIED_KB_YEARS:
        return first_working({friday}), first_working({friday})
    return first_working(set()), first_working({friday})


ORDER = {PASS: 0, UNDET: 1, FAIL: 2}


def worst_of(per_year: Iterable[Allowed]) -> Allowed:
    """The item is the worst of its years; each year allows a set, so the item allows every worst one
    choice per year can give."""
    sets = [s for s in per_year if s]
    if not sets:
        return frozenset({PASS, NOT_EVALUATED})
    return frozenset(
        v
        for v in ORDER
        if all(min(ORDER[x] for x in s) <= ORDER[v] for s in sets) and any(v in s for s in sets)
    )


@attrs.frozen
class Register:
    """What the register says for K5 (lid 9): complaints per year received, and the years it covers."""

    counts: Mapping[int, int]
    years: tuple[int, int] | None


def oracle_k5_year(
    year: int, report: Mapping[str, Any] | None, count: int | None, as_of: D, *, atw: bool
) -> Allowed:
    """K5 for one year Y, R9 (1.57b lid 4-9), section 5, A16.

    - lid 9: no complaints in Y, no report needed.
    - lid 8: sent to the GGD before 1 June Y+1 and made known to parents. A16: on or before 31 May
      passes; after 31 May but by the ATW day is open (the ATW question), unless the policy applies the
      ATW (jaarverslag_atw); later fails. While that term runs, a report not yet sent is nothing wrong.
    - Lid 8 gives the GGD a date, not the parents: a sent report not (yet) made known while the term
      runs may be read either way.
    - An absent report, or an absent fact of one, is unknown, not 'not sent' (docs/report.md).
    - No register for Y: the number of complaints is unknown; docs/compliance.md says K5 counts only
      the years the register covers, so a year with no register and no listed report is not examined.
    The content (lid 4-6) is not in the file (A21: the item wording is unverified); the oracle does not
    hold a pass hostage to it."""
    if count == 0:
        return frozenset({PASS})
    allowed: set[str] = set()
    for atw_day in set(atw_last_days(year)):
        allowed |= _k5_year_scenario(year, report, count, as_of, atw_day, atw=atw)
    return frozenset(allowed)


def _k5_year_scenario(
    year: int, report: Mapping[str, Any] | None, count: int | None, as_of: D, atw_day: D, *, atw: bool
) -> set[str]:
    last = D(year + 1, 5, 31)
    limit = atw_day if atw else last
    running = as_of <= limit
    if report is None:
        if count is None:
            return {PASS, UNDET}
        return {PASS} if running else {UNDET}
    sent = report.get("sent_to_ggd_on")
    if sent is not None and running and sent > as_of:
        sent = None  # sent after the day asked: on that day it was still to be sent, and the term runs
    if sent is None:
        return {PASS} if running else {_kleene([None, report.get("made_known_to_parents")])}
    on_time = True if sent <= limit else (None if sent <= atw_day else False)
    known = report.get("made_known_to_parents")
    options = [known, True] if running and known is False else [known]
    return {_kleene([on_time, option]) for option in options}


def oracle_k5(org: Mapping[str, Any], as_of: D, register: Register, *, atw: bool) -> Allowed:
    """K5 over every year that is over (R9: a report on the previous year) from 2016 (R1) on."""
    reports = {report["year"]: report for report in org.get("annual_reports") or []}
    covered = range(register.years[0], register.years[1] + 1) if register.years else range(0)
    years = {y for y in (*reports, *covered) if 2016 <= y < as_of.year}
    return worst_of(
        oracle_k5_year(y, reports.get(y), register.counts.get(y, 0) if y in covered else None, as_of, atw=atw)
        for y in sorted(years)
    )


def oracle_k6(org: Mapping[str, Any]) -> Allowed:
    """K6, R11 (1.57c lid 1, lid 3): affiliated with the Geschillencommissie (C02: not registered fails).
    An LRK number alone does not show the affiliation."""
    return frozenset({_kleene([_section(org, "geschillencommissie").get("affiliated")])})


def oracle_k7(org: Mapping[str, Any]) -> Allowed:
    """K7, R11 (1.57c lid 2): parents are told about the Geschillencommissie route."""
    return frozenset({_kleene([_section(org, "geschillencommissie").get("informs_parents")])})


OC_CLAIMS = ("advised_on_regulation", "informed_about_gck")
OC_EXEMPTION_LIMIT = 50  # section 2 item 6: at most 50 children (or gastouders) may be exempt (1.58)


def oracle_k8(org: Mapping[str, Any]) -> Allowed:
    """K8, R8 (1.60 lid 1 e) and R11 (1.60 lid 7); R31: not GGD-supervised. The oudercommissie was asked
    to advise on the regulation and was told of the Geschillencommissie. A small provider (at most 50
    children) may lawfully have no oudercommissie (section 2, 1.58), so a 'no' there is open."""
    oc = _section(org, "oudercommissie")
    if oc.get("established") is False:
        # No oudercommissie: lawful only with 1.58's exemption (nothing to advise or inform: passes);
        # without it the advice cannot have been asked (fails); the exemption not given: open. The
        # number of children served (provider-wide) cannot settle it: the exemption is per
        # kindercentrum, so a provider with more than 50 children may have an exempt location.
        return frozenset({_kleene([oc.get("exempt")])})
    result = _kleene([oc.get("advised_on_regulation"), oc.get("informed_about_gck")])
    served = org.get("children_served")
    if result == FAIL and oc.get("established") is None and (served is None or served <= OC_EXEMPTION_LIMIT):
        return frozenset({FAIL, UNDET})
    return frozenset({result})


def oracle_k9(org: Mapping[str, Any]) -> Allowed:
    """K9 (1.51a, 1.51b lid 5; R27, R28): a meldcode is adopted and promoted, and staff know the
    meldplicht and overlegplicht."""
    mc = _section(org, "meldcode")
    return frozenset({_kleene([mc.get("adopted"), mc.get("promoted"), mc.get("staff_know_meldplicht")])})


REGULATION_CLAIMS = ("written", "covers_conduct", "covers_agreement", "published_to_parents")
PROVISION_CLAIMS = (
    "written_submission",
    "careful_investigation",
    "keeping_informed",
    "reasoned_judgement",
    "concrete_term_for_measures",
)


def oracle_refusal(org: Mapping[str, Any]) -> frozenset[str]:
    """The keys of a file that contradicts itself, each a fact given as true whose presupposition the
    file gives as false (empty: a file to answer). Section 7: K1 (lid 1 a, b: what the regulation
    covers), K2 (lid 2: that it is written and what it provides for, a-f) and K3 (lid 3: brought to
    parents' attention) all speak of an adopted regulation; K9 promotes an adopted meldcode (1.51a).
    Free text (a description, the handling term as text) says no yes or no; a fact given as false, or
    unknown, agrees with 'none adopted'. The meldplicht is the statute's (1.51b), not the meldcode's."""
    reg = _section(org, "regulation")
    provides = _section(reg, "provides")
    meldcode = _section(org, "meldcode")
    keys: set[str] = set()
    if reg.get("adopted") is False:
        keys |= {f"regulation.{key}" for key in REGULATION_CLAIMS if reg.get(key) is True}
        keys |= {f"regulation.provides.{key}" for key in PROVISION_CLAIMS if provides.get(key) is True}
    if meldcode.get("adopted") is False and meldcode.get("promoted") is True:
        keys.add("meldcode.promoted")
    oc = _section(org, "oudercommissie")
    if oc.get("established") is False:  # K8: what an oudercommissie did, when there is none (1.58)
        keys |= {f"oudercommissie.{key}" for key in OC_CLAIMS if oc.get(key) is True}
    return frozenset(keys)


@attrs.frozen
class Facts:
    """Everything K1-K9 may read: the organisation file (as TOML data), the day of the check, what the
    register shows, the policy's jaarverslag_atw (A16), the per-complaint K4 results and the policy's
    [regulation] table (K2; ``None``: the statutory baseline, shipped, whose table states the statute)."""

    org: Mapping[str, Any]
    as_of: D
    register: Register
    atw: bool = False
    practice: Practice | None = None
    policy: Mapping[str, Any] | None = None


def oracle(facts: Facts) -> dict[str, Allowed]:
    org = facts.org
    return {
        "K1": oracle_k1(org),
        "K2": oracle_k2(org, facts.policy),
        "K2.sources": frozenset({",".join(sorted(oracle_k2_disagreements(org, facts.policy)))}),
        "K3": oracle_k3(org),
        "K4": oracle_k4(facts.practice),
        "K5": oracle_k5(org, facts.as_of, facts.register, atw=facts.atw),
        "K6": oracle_k6(org),
        "K7": oracle_k7(org),
        "K8": oracle_k8(org),
        "K9": oracle_k9(org),
    }


# --------------------------------------------------------------------------------------------------
# The library, projected onto pass / fail / undetermined per K item
# --------------------------------------------------------------------------------------------------

# Findings that do not change an item's outcome: a report whose term is running, a year without
# complaints (lid 9), the advice to send before a weekend 31 May (A16).
NEUTRAL = frozenset({"KR-K5-PENDING", "KR-K5-NOT-REQUIRED", "KR-K5-WEEKEND", "KR-K8-EXEMPT"})
# Not an error, but 'not met': K8 is at most a warning (R31).
FAIL_WARNINGS = frozenset({"KR-K8-OUDERCOMMISSIE", "KR-K8-NO-OUDERCOMMISSIE"})
# Open: the ATW question for a report sent after a weekend 31 May (A16); a provision the organisation
# file and the policy state differently (K2).
OPEN_WARNINGS = frozenset({"KR-K5-SENT-ATW-DAY", "KR-K2-SOURCES-DISAGREE"})


def library(facts: Facts) -> dict[str, str]:
    org = parse_organisation(facts.org)
    register = facts.register
    practice = facts.practice
    k4 = None
    if practice is not None:
        failing = tuple(f"T-{n}" for n in range(practice.failing))
        k4 = K4Tally(
            failing=failing,
            failing_count=practice.failing,
            undetermined=practice.undetermined,
            checked=practice.checked,
        )
    findings, passed = check_organisation(
        org,
        as_of=facts.as_of,
        policy=_policy(facts),
        complaints_per_year=dict(register.counts) if register.years else None,
        register_years=register.years,
        k4=k4,
    )
    return project(findings, passed)


def _policy(facts: Facts) -> Policy:
    """The statutory baseline as shipped (its [regulation] says yes to everything), or a house policy
    with the drawn [regulation] table; either with the drawn jaarverslag_atw."""
    if facts.policy is None:
        return attrs.evolve(load_policy("statutory"), jaarverslag_atw=facts.atw)
    data = {"policy": {"name": "oracle-house"}, "deadlines": {"jaarverslag_atw": facts.atw}}
    return policy_from_mapping({**data, "regulation": dict(facts.policy)})


def project(findings: Sequence[Finding], passed: Sequence[Passed]) -> dict[str, str]:
    """Each K item's findings as one outcome: a failure wins, then an open point; only neutral
    findings, or a pass, pass; nothing at all: the item was not evaluated. ``K2.sources``: the
    provisions K2 names as stated differently by the two files."""
    disputed = [dict(f.facts)["organisation_key"] for f in findings if f.id == "KR-K2-SOURCES-DISAGREE"]
    outcome: dict[str, str] = {"K2.sources": ",".join(sorted(disputed))}
    for item in ORACLE_ITEMS:
        ids = [f for f in findings if f.check == item]
        if any(f.severity == "error" or f.id in FAIL_WARNINGS for f in ids):
            outcome[item] = FAIL
        elif any(f.id.endswith("-UNDETERMINED") or f.id in OPEN_WARNINGS for f in ids):
            outcome[item] = UNDET
        elif any(f.id not in NEUTRAL for f in ids):
            outcome[item] = "unexpected:" + ",".join(sorted(f.id for f in ids))
        elif ids or any(p.check == item for p in passed):
            outcome[item] = PASS
        else:
            outcome[item] = NOT_EVALUATED
    return outcome


ORACLE_ITEMS = ("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9")
COMPARED = (*ORACLE_ITEMS, "K2.sources")


def disagreements(facts: Facts) -> dict[str, tuple[str, list[str]]]:
    refused = oracle_refusal(facts.org)
    try:
        got = library(facts)
    except InvalidInputError as exc:
        keys = sorted(key for key, _ in exc.problems)
        return {} if keys == sorted(refused) else {"file": ("refused: " + ", ".join(keys), sorted(refused))}
    if refused:
        return {"file": ("accepted", sorted(refused))}
    expected = oracle(facts)
    return {k: (got[k], sorted(expected[k])) for k in COMPARED if got[k] not in expected[k]}


# --------------------------------------------------------------------------------------------------
# Generated organisation facts
# --------------------------------------------------------------------------------------------------

TRI = st.sampled_from([True, False, None])
HANDLING_TERMS = [
    "6 weeks", "6 weken", "zes weken", "six weeks", "42 dagen", "42 days", "43 dagen", "4 weken",
    "8 weken", "twee maanden", "2 maanden", "1 maand", "een maand", "zeven weken", "7 weken",
    "30 dagen", "uiterlijk zes weken", "zo snel mogelijk", "6 werkdagen", "6", "0 weken",
    "25 werkdagen", "30 werkdagen", "20 werkdagen", "100 weken", "zes maanden", "42 kalenderdagen",
    "anderhalve maand", "uiterlijk zes weken na indiening", "binnen 6 weken", "uiterlijk binnen 7 weken",
    "within six weeks of receipt", "na zes weken", "binnen binnen 6 weken", "uiterlijk",
    "binnen zes weken na het ontstaan van de klacht", "zo spoedig mogelijk en uiterlijk 6 weken na indiening",
]  # fmt: skip


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        target[key] = value


@st.composite
def sections(draw: st.DrawFn, keys: tuple[str, ...]) -> dict[str, Any]:
    section: dict[str, Any] = {}
    for key in keys:
        _put(section, key, draw(TRI))
    return section


def _report_date(year: int) -> st.SearchStrategy[D]:
    near = st.integers(-5, 5).map(lambda n: D(year + 1, 5, 31) + dt.timedelta(days=n))
    return st.one_of(near, st.dates(D(year + 1, 1, 1), D(year + 2, 3, 31)))


@st.composite
def annual_report(draw: st.DrawFn, year: int) -> dict[str, Any]:
    report: dict[str, Any] = {"year": year}
    _put(report, "sent_to_ggd_on", draw(st.none() | _report_date(year)))
    _put(report, "made_known_to_parents", draw(TRI))
    return report


def _mostly_consistent(draw: st.DrawFn, section: dict[str, Any], claims: Iterable[str]) -> None:
    """Half the time, a section whose premise is false says nothing true that presupposes it: a
    contradictory file is refused, and the K items are asked about the others."""
    if draw(st.booleans()):
        for key in claims:
            if section.get(key) is True:
                section[key] = False


@st.composite
def organisations(draw: st.DrawFn) -> dict[str, Any]:
    org: dict[str, Any] = {"name": "Kinderopvang Oracle B.V."}
    _put(org, "kind", draw(st.sampled_from(["kindercentrum", "gastouderbureau", None])))
    _put(org, "children_served", draw(st.none() | st.integers(0, 120)))
    regulation = draw(
        sections(("adopted", "written", "covers_conduct", "covers_agreement", "published_to_parents"))
    )
    provides = draw(
        sections(
            (
                "written_submission",
                "careful_investigation",
                "keeping_informed",
                "reasoned_judgement",
                "concrete_term_for_measures",
            )
        )
    )
    _put(provides, "handling_term", draw(st.none() | st.sampled_from(HANDLING_TERMS)))
    if regulation.get("adopted") is False:
        _mostly_consistent(draw, regulation, REGULATION_CLAIMS)
        _mostly_consistent(draw, provides, PROVISION_CLAIMS)
    if provides:
        regulation["provides"] = provides
    meldcode = draw(sections(("adopted", "promoted", "staff_know_meldplicht")))
    if meldcode.get("adopted") is False:
        _mostly_consistent(draw, meldcode, ("promoted",))
    oudercommissie = draw(sections(("established", "exempt", *OC_CLAIMS)))
    if oudercommissie.get("established") is False:
        _mostly_consistent(draw, oudercommissie, OC_CLAIMS)
    for name, section in (
        ("regulation", regulation),
        ("geschillencommissie", draw(sections(("affiliated", "informs_parents")))),
        ("oudercommissie", oudercommissie),
        ("meldcode", meldcode),
    ):
        if section or draw(st.booleans()):
            org[name] = section
    years = draw(st.lists(st.integers(2014, 2027), unique=True, max_size=4))
    if years:
        org["annual_reports"] = [draw(annual_report(year)) for year in sorted(years)]
    return org


@st.composite
def registers(draw: st.DrawFn) -> Register:
    if draw(st.booleans()):
        return Register({}, None)
    first = draw(st.integers(2014, 2027))
    last = draw(st.integers(first, 2027))
    counts = {y: n for y in range(first, last + 1) if (n := draw(st.integers(0, 3)))}
    return Register(counts, (first, last))


@st.composite
def practices(draw: st.DrawFn) -> Practice | None:
    if draw(st.booleans()):
        return None
    failing = draw(st.integers(0, 2))
    undetermined = draw(st.integers(0, 2))
    return Practice(failing, undetermined, failing + undetermined + draw(st.integers(0, 3)))


AS_OF = st.one_of(
    st.dates(D(2016, 1, 1), D(2028, 12, 31)),
    st.builds(lambda y, n: D(y, 5, 31) + dt.timedelta(days=n), st.integers(2017, 2028), st.integers(-3, 3)),
)


@st.composite
def policy_regulations(draw: st.DrawFn, org: Mapping[str, Any]) -> dict[str, Any] | None:
    """A third of the time the statutory baseline; else a house policy's [regulation], each provision
    the file's value, either value or left out."""
    if draw(st.integers(0, 2)) == 0:
        return None
    provides = _section(_section(org, "regulation"), "provides")
    table: dict[str, Any] = {}
    for key, policy_key in POLICY_KEYS.items():
        choice = draw(st.sampled_from(["same", True, False, None]))
        _put(table, policy_key, provides.get(key) if choice == "same" else choice)
    return table


@st.composite
def all_facts(draw: st.DrawFn) -> Facts:
    org = draw(organisations())
    return Facts(
        org,
        draw(AS_OF),
        draw(registers()),
        draw(st.booleans()),
        draw(practices()),
        draw(policy_regulations(org)),
    )


FACTS = all_facts()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS)
def test_k_items_agree_with_the_oracle(facts: Facts) -> None:
    assert disagreements(facts) == {}


# --------------------------------------------------------------------------------------------------
# examples.md C01, C02, C04 and the shipped organisation files
# --------------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ORG = ROOT / "examples" / "organisation.toml"
SHIPPED_ORGS = [
    EXAMPLE_ORG,
    ROOT / "examples" / "partou-2025" / "organisation.toml",
    *sorted((ROOT / "examples" / "seed-organisations").glob("*.toml")),
]
AS_OF_EXAMPLES = D(2026, 5, 7)  # the day docs/compliance.md runs the example on
NO_REGISTER = Register({}, None)
POLICIES = ROOT / "src" / "klachtregels" / "policies"


def _policy_regulation(path: Path) -> dict[str, Any]:
    """A policy file's [regulation] table, as TOML data."""
    return dict(tomllib.loads(path.read_text(encoding="utf-8")).get("regulation", {}))


EXAMPLE_POLICY = _policy_regulation(ROOT / "examples" / "policy.toml")


def _example(**changes: bool) -> dict[str, Any]:
    """examples/organisation.toml with dotted keys set (``geschillencommissie.affiliated``)."""
    org = tomllib.loads(EXAMPLE_ORG.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        *path, key = dotted.split(".")
        section = org
        for name in path:
            section = section[name]
        section[key] = value
    return org


@pytest.mark.parametrize("path", SHIPPED_ORGS, ids=lambda p: p.parent.name + "/" + p.name)
def test_shipped_organisation_files_agree_with_the_oracle(path: Path) -> None:
    """Each file with the statutory baseline, and with the policy written for the same regulation
    (examples/policy.toml; a seed's shipped policy): the two never disagree on lid 2."""
    org = tomllib.loads(path.read_text(encoding="utf-8"))
    assert disagreements(Facts(org, AS_OF_EXAMPLES, NO_REGISTER)) == {}
    own = POLICIES / path.name if path.parent.name == "seed-organisations" else None
    policy = _policy_regulation(own) if own is not None else EXAMPLE_POLICY if path == EXAMPLE_ORG else None
    if policy is not None:
        facts = Facts(org, AS_OF_EXAMPLES, NO_REGISTER, policy=policy)
        assert disagreements(facts) == {}
        assert oracle(facts)["K2.sources"] == {""}


def test_the_example_organisation_passes_everything_the_file_can_show() -> None:
    for policy in (None, EXAMPLE_POLICY):
        facts = Facts(_example(), AS_OF_EXAMPLES, NO_REGISTER, policy=policy)
        expected = {item: frozenset({PASS}) for item in ORACLE_ITEMS} | {
            "K4": frozenset({NOT_EVALUATED, UNDET}),
            "K2.sources": frozenset({""}),
        }
        assert oracle(facts) | {"K5": frozenset({PASS})} == expected
        got = library(facts)
        assert got == dict.fromkeys(ORACLE_ITEMS, PASS) | {"K4": NOT_EVALUATED, "K2.sources": ""}


@pytest.mark.parametrize(
    ("provides", "policy", "k2", "disputed"),
    [
        # the defect: the file leaves lid 2 b out, the policy says the regulation provides for it
        ({"careful_investigation": None}, {"careful_investigation": True}, PASS, ""),
        # the file says it provides for it, the policy (and lint) that it lacks it
        ({}, {"careful_investigation": False}, UNDET, "regulation.provides.careful_investigation"),
        # the file leaves it out, the policy says it lacks it
        ({"careful_investigation": None}, {"careful_investigation": False}, FAIL, ""),
        # (c) under its two names
        (
            {"keeping_informed": False},
            {"keeps_parent_informed": True},
            UNDET,
            "regulation.provides.keeping_informed",
        ),
        ({"keeping_informed": None}, {"keeps_parent_informed": False}, FAIL, ""),
    ],
)
def test_the_example_with_a_policy_that_says_otherwise(
    provides: dict[str, bool | None], policy: dict[str, bool], k2: str, disputed: str
) -> None:
    """R6 (1.57b lid 2 b, c): examples/organisation.toml against a house policy's [regulation]."""
    org = _example()
    for key, value in provides.items():
        if value is None:
            del org["regulation"]["provides"][key]
        else:
            org["regulation"]["provides"][key] = value
    facts = Facts(org, AS_OF_EXAMPLES, NO_REGISTER, policy=policy)
    assert oracle(facts)["K2"] == {k2}
    assert oracle(facts)["K2.sources"] == {disputed}
    assert disagreements(facts) == {}


@pytest.mark.parametrize(
    ("change", "item"),
    [
        ("regulation.provides.concrete_term_for_measures", "K2"),  # C01: R6, 1.57b lid 2 f
        ("geschillencommissie.affiliated", "K6"),  # C02: R11, 1.57c lid 1
    ],
)
def test_examples_c01_c02(change: str, item: str) -> None:
    facts = Facts(_example(**{change: False}), AS_OF_EXAMPLES, NO_REGISTER)
    assert oracle(facts)[item] == {FAIL}
    assert library(facts)[item] == FAIL
    assert disagreements(facts) == {}


def test_example_c04_fails_k4_through_the_register() -> None:
    """C04: received Wed 2025-09-03, judgement sent Thu 2025-10-16, a day after the 2025-10-15 deadline:
    the per-complaint term check errs, and K4 (R7, 1.57b lid 3) summarises it."""
    rec = record(id="C04", received_on=D(2025, 9, 3), judgement=judged("2025-10-16"))
    result = check_records(
        [rec], as_of=AS_OF_EXAMPLES, policy=Policy(), organisation=parse_organisation(_example())
    )
    (k4,) = [f for f in result.findings if f.check == "K4"]
    assert k4.id == "KR-K4-PRACTICE"
    assert dict(k4.facts)["ids"] == "C04"
    assert oracle_k4(Practice(failing=1, undetermined=0, checked=1)) == {FAIL}


def _register_counts(path: Path) -> Register:
    """Lid 9 counts from a register CSV, read here: written complaints (not oral) by year received."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    years: list[int] = []
    for row in rows:
        try:
            received = D.fromisoformat(row["received_on"])
        except ValueError:
            continue  # an unreadable date is rejected by the reader, and not counted
        if row["channel"] != "oral":
            years.append(received.year)
    counts = {year: years.count(year) for year in set(years)}
    return Register(counts, (min(years), max(years)))


def test_the_example_register_and_organisation_agree_with_the_oracle() -> None:
    """``klachtregels check examples/register.csv --org examples/organisation.toml --as-of 2026-05-07``:
    K4 fails (C04 is row VT-2025-001); K5 is open for 2021, a year with a complaint and no listed
    report; everything else the file states passes."""
    result = check_register(
        ROOT / "examples" / "register.csv",
        as_of=AS_OF_EXAMPLES,
        policy=ROOT / "examples" / "policy.toml",
        organisation=parse_organisation(_example()),
    )
    practice = Practice(failing=1, undetermined=0, checked=1)  # at least C04 fails
    facts = Facts(_example(), AS_OF_EXAMPLES, _register_counts(ROOT / "examples" / "register.csv"))
    facts = attrs.evolve(facts, practice=practice, policy=EXAMPLE_POLICY)
    expected = oracle(facts)
    got = project(result.findings, result.passed)
    assert {k: v for k, v in got.items() if v not in expected[k]} == {}
    assert got["K4"] == FAIL
    assert got["K5"] == UNDET


# --------------------------------------------------------------------------------------------------
# The disagreement found and fixed: no regulation adopted (K1 fails) passed K2 and K3
# --------------------------------------------------------------------------------------------------


def test_no_regulation_adopted_fails_k2_and_k3_whatever_else_the_file_says() -> None:
    """R6, R7: K2 and K3 ask about the regulation of lid 1. A provider that adopted none passed them
    when the file also said 'written', 'provides a-f' and 'published': a regulation that does not exist
    provided everything and was brought to parents' attention. Such a file contradicts itself and is
    now refused, naming each of those facts; the same file saying none of it is so fails K1, K2 and K3,
    naming regulation.adopted (the fact K1 reads); unknown facts about the absent regulation are not
    asked for."""
    contradictory = Facts(_example(**{"regulation.adopted": False}), AS_OF_EXAMPLES, NO_REGISTER)
    with pytest.raises(InvalidInputError) as refused:
        library(contradictory)
    assert (
        {key for key, _ in refused.value.problems}
        == oracle_refusal(contradictory.org)
        == {
            "regulation.written",
            "regulation.covers_conduct",
            "regulation.covers_agreement",
            "regulation.published_to_parents",
            *(f"regulation.provides.{key}" for key in PROVISION_CLAIMS),
        }
    )
    assert disagreements(contradictory) == {}
    denied = {f"regulation.{key}": False for key in REGULATION_CLAIMS}
    denied |= {f"regulation.provides.{key}": False for key in PROVISION_CLAIMS}
    org = parse_organisation(_example(**{"regulation.adopted": False}, **denied))
    findings, passed = check_organisation(org, as_of=AS_OF_EXAMPLES, policy=Policy())
    by_item = {f.check: f for f in findings}
    for item, finding_id in (
        ("K1", "KR-K1-REGULATION"),
        ("K2", "KR-K2-PROVISIONS"),
        ("K3", "KR-K3-PUBLICITY"),
    ):
        assert by_item[item].id == finding_id
        assert item not in {p.check for p in passed}
    assert dict(by_item["K2"].facts)["failed"] == "regulation.adopted"
    bare = parse_organisation({"name": "X", "regulation": {"adopted": False}})
    findings, _ = check_organisation(bare, as_of=AS_OF_EXAMPLES, policy=Policy())
    assert {f.id for f in findings if f.check in {"K2", "K3"}} == {"KR-K2-PROVISIONS", "KR-K3-PUBLICITY"}
