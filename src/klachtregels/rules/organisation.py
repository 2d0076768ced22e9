"""The provider's own duties, K1-K9: the regulation, its publicity, the annual report, affiliation.

regulation.md section 7 lists the items a GGD inspector checks (rebuilt from the statute, not copied
from the GGD GHOR toetsingskader: A21). Each item is a rule here: its legal basis (rule ids and
articles) is data, and a pure function over the organisation file's facts decides it. A fact the file
does not give is unknown, so the duty is ``undetermined`` and the missing fact is named; a fact given
as false makes it ``not_met``. The compliance checks (:mod:`klachtregels.compliance`) only name these
answers.

* K1-K3 (Wko 1.57b lid 1-3): a written regulation covering conduct and the agreement, with the
  provisions of lid 2 a-f, brought to parents' attention. No regulation adopted fails all three. Lid 2
  a-c, e-f can be stated in two files, the organisation file and the policy; K2 reads them through one
  merged view, :func:`regulation_provisions`.
* K4 (1.57b lid 3): the regulation followed in actual cases: a summary of the per-complaint decisions.
* K5 (1.57b lid 4-9): the annual report, per year; when it is due is :mod:`.annual_report`'s answer.
* K6, K7 (1.57c lid 1-2): affiliated with the Geschillencommissie, parents informed of it.
* K8 (1.60 lid 1 e, lid 7): the oudercommissie's advice on the regulation; not GGD-supervised (R31).
  A provider without an oudercommissie under 1.58's exemption (at most 50 children) has no K8 duty.
* K9 (1.51a, 1.51b lid 5): a meldcode adopted and promoted; staff know the meldplicht.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels.citations import (
    WKO_1_51A,
    WKO_1_51B_5,
    WKO_1_57B_1,
    WKO_1_57B_2,
    WKO_1_57B_2A,
    WKO_1_57B_2B,
    WKO_1_57B_2C,
    WKO_1_57B_2E,
    WKO_1_57B_2F,
    WKO_1_57B_3,
    WKO_1_57B_8,
    WKO_1_57B_9,
    WKO_1_57C_1,
    WKO_1_57C_2,
    WKO_1_58,
    WKO_1_60_1E,
    WKO_1_60_7,
    Citation,
)
from klachtregels.errors import TermError
from klachtregels.policy import Policy, load_policy, toml_key
from klachtregels.rules.annual_report import DueOutcome, ReportDue, report_due
from klachtregels.terms import Term, TermTooLargeError, within_statutory_handling_term
from klachtregels.vocabulary import FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from klachtregels.organisation import AnnualReportRecord, Organisation

__all__ = [
    "DUTIES",
    "LID_2_PROVISIONS",
    "POLICY_KEY_PREFIX",
    "Duty",
    "DutyContext",
    "DutyDecision",
    "K4Tally",
    "ProvisionFact",
    "ProvisionSource",
    "handling_term_within_statute",
    "organisation_duties",
    "regulation_provisions",
]


@attrs.frozen(kw_only=True)
class K4Tally:
    """What the per-complaint checks of the regulation's practice (K4) found."""

    #: Complaint ids (or ``row N``) with an error in a K4 check (a long run keeps only the first few).
    failing: tuple[str, ...] = ()
    #: How many complaints have an error in a K4 check (at least ``len(failing)``).
    failing_count: int = 0
    #: Number of complaints with undetermined K4 checks (and no error).
    undetermined: int = 0
    #: Number of complaints the K4 checks ran on.
    checked: int = 0


@attrs.frozen(kw_only=True)
class DutyContext:
    """What the duties look at: the organisation file, the day, the policy and the register's counts."""

    organisation: Organisation
    as_of: dt.date
    policy: Policy
    #: Complaints that count for the annual report, by year received (R9 lid 9), from the register.
    complaints_per_year: Mapping[int, int] = attrs.field(factory=dict)
    #: The first and last year the register covers; a year outside it has an unknown count.
    register_years: tuple[int, int] | None = None
    k4: K4Tally | None = None


@attrs.frozen(kw_only=True)
class DutyDecision:
    """One K item's answer (for K5: one aspect of one year's report)."""

    #: ``K1`` .. ``K9``.
    item: str
    #: ``met``, ``not_met``, ``undetermined``, ``pending`` or ``not_required``.
    outcome: Outcome
    #: Facts (dotted keys of the organisation file) that are false. K2 names a fact only the policy
    #: gives by the policy's key with :data:`POLICY_KEY_PREFIX` (``policy:regulation.careful_investigation``).
    failed: tuple[str, ...] = ()
    #: Facts the file does not give (K2: nor the policy).
    unknown_facts: tuple[str, ...] = ()
    #: What the answer turns on when a missing or false fact does not say it all: an ambiguity id (K5:
    #: ``A16``, a report sent after 31 May but by the day the ATW would give) or an article (K8:
    #: ``1.58``, no oudercommissie, with or without the exemption for small providers). ``None``
    #: otherwise.
    reason: str | None = None
    #: K5: the report year and the aspect (``sent`` or ``made_known``). K2: ``sources`` for a provision
    #: of lid 2 that the organisation file and the policy state differently (undetermined; ``details``
    #: names both keys and the sub-paragraph).
    year: int | None = None
    aspect: str | None = None
    flags: tuple[FlagCode, ...] = ()
    #: Figures for the message (counts, dates), JSON-ready values only.
    details: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Duty:
    """A K item as a rule: its legal basis as data and the function that decides it."""

    item: str
    rule_ids: tuple[str, ...]
    citations: tuple[Citation, ...]
    #: False for K8: Wko art. 1.60 is outside GGD supervision (R31).
    ggd_supervised: bool
    function: Callable[[DutyContext], Sequence[DutyDecision]] = attrs.field(repr=False, eq=False)


def _facts(item: str, facts: Sequence[tuple[str, bool | None]]) -> DutyDecision:
    """Met when every fact is true; not met when one is false; else undetermined (missing is not false)."""
    failed = tuple(name for name, value in facts if value is False)
    unknown = tuple(name for name, value in facts if value is None)
    if failed:
        return DutyDecision(item=item, outcome=Outcome.NOT_MET, failed=failed)
    if unknown:
        return DutyDecision(item=item, outcome=Outcome.UNDETERMINED, unknown_facts=unknown)
    return DutyDecision(item=item, outcome=Outcome.MET)


def handling_term_within_statute(text: str | None) -> bool | None:
    """Whether a regulation's handling term always ends within the statute's six weeks (R6); ``None``:
    not given, or wording the library cannot read (a human must compare it).

    Regulations write "zes weken" as often as "6 weeks", and in the statute's own words: "uiterlijk zes
    weken na indiening", "binnen 6 weken", "uiterlijk binnen zes weken na het indienen van de klacht".
    The term is read by the one term parser (:meth:`klachtregels.terms.Term.parse`: number words and a
    leading "at most" word, as policies and the command line read theirs), counted from the complaint's
    receipt (``from_receipt=True``): the statute's six weeks run from that day (R6 (d) "na indiening",
    R12, A4), so a phrase naming it ("na ontvangst van de klacht", "of receipt") leaves the term
    comparable, and one naming another day ("na het ontstaan van de klacht") leaves it to a human, as
    does any wording the parser refuses ("zo spoedig mogelijk en uiterlijk ..."). It is compared with
    the six weeks by the comparison policy lint makes
    (:func:`klachtregels.terms.within_statutory_handling_term`: its longest length, months per R18,
    working days on the ATW calendar), so a term that can run past six weeks in some year is not
    within them (the parser refuses a term of no days, as it does in a policy). A term whose number is
    too large to count (more than :data:`~klachtregels.terms.MAX_TERM_AMOUNT` of any unit, hours
    included) is longer than six weeks: not within them, never unknown.
    """
    if text is None:
        return None
    try:
        term = Term.parse(text, from_receipt=True)
    except TermTooLargeError as exc:
        return None if exc.backwards else False
    except TermError:
        return None
    if getattr(term, "backwards", False):
        return None
    return within_statutory_handling_term(term)


#: How K2 names a policy setting among the organisation file's keys
#: (``policy:regulation.reasoned_judgement``).
POLICY_KEY_PREFIX: Final = "policy:"

#: The name of the statutory baseline: :class:`~klachtregels.policy.Policy`'s default, the shipped
#: ``statutory`` policy's, the policy every entry point uses when none is given.
_BASELINE_NAME: Final = str(attrs.fields(Policy).name.default)


class ProvisionSource(enum.StrEnum):
    """Where K2's value of one provision of Wko 1.57b lid 2 comes from (:func:`regulation_provisions`)."""

    #: Only the organisation file gives it (``regulation.provides.*``).
    ORGANISATION = "organisation"
    #: Only the policy gives it (``[regulation]``).
    POLICY = "policy"
    #: Both give it, and they agree.
    BOTH = "both"
    #: Neither gives it: unknown.
    NEITHER = "neither"
    #: Both give it, and they disagree: unknown for K2, and named as such (``KR-K2-SOURCES-DISAGREE``).
    DISAGREE = "disagree"


@attrs.frozen(kw_only=True)
class ProvisionFact:
    """One provision of Wko 1.57b lid 2 as K2 reads it: its value and where the value comes from."""

    #: The organisation file's key (``regulation.provides.keeping_informed``).
    organisation_key: str
    #: The policy's TOML key (``regulation.keeps_parent_informed``).
    policy_key: str
    #: Its sub-paragraph of lid 2 (``WKO_1_57B_2C``).
    citation: Citation
    #: ``True``: the regulation provides for it; ``False``: it does not; ``None``: unknown (neither
    #: file gives it, or the two disagree).
    value: bool | None
    source: ProvisionSource

    @property
    def key(self) -> str:
        """The key K2 names for this fact: the policy's (with :data:`POLICY_KEY_PREFIX`) when only the
        policy gives it, else the organisation file's."""
        if self.source is ProvisionSource.POLICY:
            return POLICY_KEY_PREFIX + self.policy_key
        return self.organisation_key


#: Lid 2 a-c, e-f: the organisation file's name (``regulation.provides.*``), the policy's field
#: (``[regulation]``) and the sub-paragraph; policy lint cites the same sub-paragraphs from here. Lid
#: 2 d, the handling term, is not here: the policy's ``deadlines.handling_term`` has a default (the
#: statute's six weeks), so it cannot say "not stated"; K2 reads the organisation file's
#: ``regulation.provides.handling_term`` alone.
LID_2_PROVISIONS: Final = (
    ("written_submission", "written_submission", WKO_1_57B_2A),
    ("careful_investigation", "careful_investigation", WKO_1_57B_2B),
    ("keeping_informed", "keeps_parent_informed", WKO_1_57B_2C),
    ("reasoned_judgement", "reasoned_judgement", WKO_1_57B_2E),
    ("concrete_term_for_measures", "concrete_term_for_measures", WKO_1_57B_2F),
)


def _merged(organisation: bool | None, policy: bool | None) -> tuple[bool | None, ProvisionSource]:
    if organisation is None and policy is None:
        return None, ProvisionSource.NEITHER
    if policy is None:
        return organisation, ProvisionSource.ORGANISATION
    if organisation is None:
        return policy, ProvisionSource.POLICY
    if organisation == policy:
        return organisation, ProvisionSource.BOTH
    return None, ProvisionSource.DISAGREE


def _states_the_baseline(policy: Policy) -> bool:
    """Whether ``policy`` states lid 2 a-c, e-f as the shipped statutory baseline does (or not at all)."""
    baseline = load_policy(None)
    return all(getattr(policy, field) in (None, getattr(baseline, field)) for _, field, _ in LID_2_PROVISIONS)


def regulation_provisions(organisation: Organisation, policy: Policy) -> tuple[ProvisionFact, ...]:
    """What the provider's regulation provides for under Wko 1.57b lid 2 a-c, e-f (R5, R6; check K2),
    from both files that can say it: the organisation file (``regulation.provides``) and the policy
    (``[regulation]``, which policy lint reads). One fact, two input places: this is the one place they
    are merged, in lid order.

    Per provision: the two agreeing, or only one giving it, gives that value; neither gives it is
    unknown; both giving it and disagreeing is unknown too (:attr:`ProvisionSource.DISAGREE`): K2 does
    not pick one, it is undetermined and names both keys. The statutory baseline (the shipped policy
    named ``statutory``, what every entry point uses when no policy is given) states what the statute
    asks, not what a provider's regulation says: it is no source, and the organisation file alone
    speaks. A policy is taken as the baseline by what it states, not by its name alone: one named
    ``statutory`` (as :class:`~klachtregels.policy.Policy` is by default, built in Python) that states
    lid 2 otherwise than the baseline does is a source. Policy lint does not read this view: it judges
    the policy alone.
    """
    baseline = policy.name == _BASELINE_NAME and _states_the_baseline(policy)
    provides = organisation.regulation.provides
    out = []
    for name, field, citation in LID_2_PROVISIONS:
        stated = None if baseline else getattr(policy, field)
        value, source = _merged(getattr(provides, name), stated)
        out.append(
            ProvisionFact(
                organisation_key=f"regulation.provides.{name}",
                policy_key=toml_key(field),
                citation=citation,
                value=value,
                source=source,
            )
        )
    return tuple(out)


def _k1(ctx: DutyContext) -> Sequence[DutyDecision]:
    reg = ctx.organisation.regulation
    return (
        _facts(
            "K1",
            [
                ("regulation.adopted", reg.adopted),
                ("regulation.covers_conduct", reg.covers_conduct),
                ("regulation.covers_agreement", reg.covers_agreement),
            ],
        ),
    )


def _without_regulation(item: str, ctx: DutyContext) -> DutyDecision | None:
    """K2 and K3 ask about the regulation of lid 1; whether there is one is K1's fact
    ``regulation.adopted``. A provider that adopted none does not meet them: no regulation provides for
    lid 2 a-f, none is brought to parents' attention (lid 3), whatever else the file says."""
    if ctx.organisation.regulation.adopted is False:
        return DutyDecision(item=item, outcome=Outcome.NOT_MET, failed=("regulation.adopted",))
    return None


def _sources_disagree(fact: ProvisionFact) -> DutyDecision:
    """K2 on one provision the organisation file and the policy state differently: undetermined, naming
    both keys and the sub-paragraph, never either value."""
    return DutyDecision(
        item="K2",
        aspect="sources",
        outcome=Outcome.UNDETERMINED,
        details={
            "organisation_key": fact.organisation_key,
            "policy_key": fact.policy_key,
            "sub": fact.citation.sub,
        },
    )


def _k2(ctx: DutyContext) -> Sequence[DutyDecision]:
    """K2 (R6, 1.57b lid 2): written, lid 2 a-c, e-f from :func:`regulation_provisions`, lid 2 d from
    the organisation file's handling term. A provision the two files disagree on is open: one
    ``sources`` answer each, beside the answer over the other facts (which it replaces when that
    answer would otherwise be met)."""
    provisions = regulation_provisions(ctx.organisation, ctx.policy)
    disagree = tuple(
        _sources_disagree(fact) for fact in provisions if fact.source is ProvisionSource.DISAGREE
    )
    if (none := _without_regulation("K2", ctx)) is not None:
        return (none, *disagree)
    reg = ctx.organisation.regulation
    answer = _facts(
        "K2",
        [
            ("regulation.written", reg.written),
            *((fact.key, fact.value) for fact in provisions if fact.source is not ProvisionSource.DISAGREE),
            ("regulation.provides.handling_term", handling_term_within_statute(reg.provides.handling_term)),
        ],
    )
    if disagree and answer.outcome is Outcome.MET:
        return disagree  # only the disagreement is open: K2 is undetermined through it alone
    return (answer, *disagree)


def _k3(ctx: DutyContext) -> Sequence[DutyDecision]:
    if (none := _without_regulation("K3", ctx)) is not None:
        return (none,)
    return (
        _facts("K3", [("regulation.published_to_parents", ctx.organisation.regulation.published_to_parents)]),
    )


def _k4(ctx: DutyContext) -> Sequence[DutyDecision]:
    k4 = ctx.k4
    if k4 is None or not k4.checked:
        return ()  # no complaints to judge the practice by
    if k4.failing or k4.failing_count:
        return (
            DutyDecision(
                item="K4",
                outcome=Outcome.NOT_MET,
                details={"count": max(k4.failing_count, len(k4.failing)), "ids": list(k4.failing)},
            ),
        )
    if k4.undetermined:
        return (DutyDecision(item="K4", outcome=Outcome.UNDETERMINED, details={"count": k4.undetermined}),)
    return (DutyDecision(item="K4", outcome=Outcome.MET),)


def _report_years(ctx: DutyContext) -> list[int]:
    """The years over which a report may be due: recorded reports and the register's years, if over."""
    years: set[int] = {r.year for r in ctx.organisation.annual_reports}
    if ctx.register_years is not None:
        first, last = ctx.register_years
        years.update(range(first, last + 1))
    # Only years that are over (the report is about a whole calendar year); whether the duty
    # existed in a year is the annual-report rule's answer (R1: not before 2016), read per year.
    return sorted(y for y in years if dt.date(y + 1, 1, 1) <= ctx.as_of)


def _k5_year(ctx: DutyContext, year: int) -> list[DutyDecision]:
    covered = ctx.register_years is not None and ctx.register_years[0] <= year <= ctx.register_years[1]
    count = ctx.complaints_per_year.get(year, 0) if covered else None
    # Whether and when it is due is the annual-report rule's answer (R1, R9, A16): one definition for
    # report and check. A year the register does not cover may have had complaints: it counts as one.
    due = report_due(
        year, written_complaints=1 if count is None else count, jaarverslag_atw=ctx.policy.jaarverslag_atw
    )
    if due.outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE:
        return []  # before 2016 (R1): there was no report duty to check
    report = ctx.organisation.annual_report(year)
    if due.outcome is DueOutcome.NOT_REQUIRED:
        if report is not None:
            return []  # a report nobody had to make
        return [DutyDecision(item="K5", aspect="sent", year=year, outcome=Outcome.NOT_REQUIRED)]
    last_day = due.last_day
    assert last_day is not None
    details: dict[str, Any] = {"count": count, "last_day": last_day.isoformat()}
    sent = report.sent_to_ggd_date if report is not None else None  # its Amsterdam day (A22)
    if sent is not None and ctx.as_of < sent and ctx.as_of <= last_day:
        sent = None  # sent after the day asked: on that day it was still to be sent (pending)
    out: list[DutyDecision | None] = []
    if sent is not None:
        out.append(_k5_sent(year, due, sent, details))
    elif ctx.as_of <= last_day:
        # A16: 31 May is no working day and the ATW is not applied to it: the last day is open.
        weekend = (FlagCode.REPORT_DUE_DATE_OPEN,) if due.outcome is DueOutcome.UNDETERMINED else ()
        recommended = due.recommended_by.isoformat() if due.recommended_by is not None else None
        return [
            DutyDecision(
                item="K5",
                aspect="sent",
                year=year,
                outcome=Outcome.PENDING,
                flags=weekend,
                details={**details, "send_by": recommended},
            )
        ]
    else:
        out.append(
            DutyDecision(
                item="K5",
                aspect="sent",
                year=year,
                outcome=Outcome.UNDETERMINED,
                unknown_facts=(f"annual_reports[{year}].sent_to_ggd_on",),
                details=details,
            )
        )
    out.append(_k5_made_known(year, report, details))
    return [d for d in out if d is not None]


def _k5_sent(year: int, due: ReportDue, sent: dt.date, details: Mapping[str, Any]) -> DutyDecision:
    """Lid 8: the report sent to the GGD on ``sent``, in time or not (the annual-report rule
    answers, R9, A16)."""
    outcome, reason = due.sent_in_time(sent)
    sent_details = {**details, "sent_on": sent.isoformat()}
    if reason is not None and due.atw_last_day is not None:
        sent_details["atw_last_day"] = due.atw_last_day.isoformat()
    return DutyDecision(
        item="K5", aspect="sent", year=year, outcome=outcome, reason=reason, details=sent_details
    )


def _k5_made_known(
    year: int, report: AnnualReportRecord | None, details: Mapping[str, Any]
) -> DutyDecision | None:
    """Lid 8: the report brought to parents' attention (asked only once it was sent)."""
    made_known = report.made_known_to_parents if report is not None else None
    if made_known is False:
        return DutyDecision(item="K5", aspect="made_known", year=year, outcome=Outcome.NOT_MET)
    if made_known is None and report is not None and report.sent_to_ggd_on is not None:
        return DutyDecision(
            item="K5",
            aspect="made_known",
            year=year,
            outcome=Outcome.UNDETERMINED,
            unknown_facts=(f"annual_reports[{year}].made_known_to_parents",),
            details=details,
        )
    return None


def _k5(ctx: DutyContext) -> Sequence[DutyDecision]:
    out = [d for year in _report_years(ctx) for d in _k5_year(ctx, year)]
    return out or [DutyDecision(item="K5", outcome=Outcome.MET)]


def _k6(ctx: DutyContext) -> Sequence[DutyDecision]:
    return (
        _facts("K6", [("geschillencommissie.affiliated", ctx.organisation.geschillencommissie.affiliated)]),
    )


def _k7(ctx: DutyContext) -> Sequence[DutyDecision]:
    gck = ctx.organisation.geschillencommissie
    return (_facts("K7", [("geschillencommissie.informs_parents", gck.informs_parents)]),)


def _k8(ctx: DutyContext) -> Sequence[DutyDecision]:
    oc = ctx.organisation.oudercommissie
    if oc.established is False:
        # No oudercommissie: lawful only under Wko 1.58's exemption for at most 50 children (or
        # gastouders); then there is no one to advise or inform (not required). Without the exemption
        # the duty cannot have been met; with the exemption unknown, neither can be said.
        if oc.exempt is True:
            return (DutyDecision(item="K8", outcome=Outcome.NOT_REQUIRED, reason="1.58"),)
        if oc.exempt is False:
            return (
                DutyDecision(
                    item="K8",
                    outcome=Outcome.NOT_MET,
                    failed=("oudercommissie.established",),
                    reason="1.58",
                ),
            )
        return (
            DutyDecision(item="K8", outcome=Outcome.UNDETERMINED, unknown_facts=("oudercommissie.exempt",)),
        )
    return (
        _facts(
            "K8",
            [
                ("oudercommissie.advised_on_regulation", oc.advised_on_regulation),
                ("oudercommissie.informed_about_gck", oc.informed_about_gck),
            ],
        ),
    )


def _k9(ctx: DutyContext) -> Sequence[DutyDecision]:
    mc = ctx.organisation.meldcode
    return (
        _facts(
            "K9",
            [
                ("meldcode.adopted", mc.adopted),
                ("meldcode.promoted", mc.promoted),
                ("meldcode.staff_know_meldplicht", mc.staff_know_meldplicht),
            ],
        ),
    )


#: K1-K9 in order. Their rule ids and citations are the legal basis the check catalogue repeats for
#: its reader (a test keeps ``compliance/data/checks.toml`` equal to these).
DUTIES: Final[tuple[Duty, ...]] = (
    Duty(item="K1", rule_ids=("R2", "R4"), citations=(WKO_1_57B_1,), ggd_supervised=True, function=_k1),
    Duty(item="K2", rule_ids=("R6",), citations=(WKO_1_57B_2,), ggd_supervised=True, function=_k2),
    Duty(item="K3", rule_ids=("R7",), citations=(WKO_1_57B_3,), ggd_supervised=True, function=_k3),
    Duty(item="K4", rule_ids=("R7", "R6"), citations=(WKO_1_57B_3,), ggd_supervised=True, function=_k4),
    Duty(
        item="K5",
        rule_ids=("R9",),
        citations=(WKO_1_57B_8, WKO_1_57B_9),
        ggd_supervised=True,
        function=_k5,
    ),
    Duty(item="K6", rule_ids=("R11",), citations=(WKO_1_57C_1,), ggd_supervised=True, function=_k6),
    Duty(item="K7", rule_ids=("R11",), citations=(WKO_1_57C_2,), ggd_supervised=True, function=_k7),
    Duty(
        item="K8",
        rule_ids=("R8", "R11", "R31"),
        citations=(WKO_1_60_1E, WKO_1_60_7, WKO_1_58),
        ggd_supervised=False,
        function=_k8,
    ),
    Duty(
        item="K9",
        rule_ids=("R27", "R28"),
        citations=(WKO_1_51A, WKO_1_51B_5),
        ggd_supervised=True,
        function=_k9,
    ),
)


def organisation_duties(ctx: DutyContext) -> tuple[DutyDecision, ...]:
    """Every K item's answer for one provider, in the order K1-K9."""
    return tuple(decision for duty in DUTIES for decision in duty.function(ctx))
