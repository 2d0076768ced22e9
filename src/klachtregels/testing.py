"""Hypothesis strategies for testing systems that use klachtregels (``pip install klachtregels[testing]``).

Use them to feed your own code realistic complaints, judgements, Geschillencommissie filings and
policies, including unknown (``None``) facts, and deliberately invalid input::

    from hypothesis import given
    from klachtregels.testing import complaints

    @given(complaints())
    def test_my_register_accepts_every_complaint(complaint):
        my_register.store(complaint.to_dict())

Every strategy yields valid objects (they pass the model's validation) unless its name says
``invalid``. Dates fall between 2014 and 2027 unless you pass bounds. See docs/testing.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from klachtregels.model import (
    About,
    AdviceSubject,
    Channel,
    Complaint,
    GckFiling,
    Judgement,
    Measure,
    OudercommissieDispute,
    Party,
    PartyRole,
    RegisterRecord,
    Signal,
    SignalKind,
    Subject,
    Verdict,
)
from klachtregels.policy import (
    AfterMeldcode,
    AnnualReportToParents,
    AtwMode,
    ComplainantScope,
    DirectAccessGround,
    HandledWhen,
    KlachtenloketRole,
    Policy,
    PolicySource,
    ReceiptRule,
    TwelveMonthStart,
)
from klachtregels.terms import _AT_MOST_WORDS as _TERM_AT_MOST_WORDS
from klachtregels.terms import _BACKWARDS_WORDS as _TERM_BACKWARDS_WORDS
from klachtregels.terms import _NUMBER_WORDS as _TERM_NUMBER_WORDS
from klachtregels.terms import _UNIT_WORDS as _TERM_UNIT_WORDS
from klachtregels.terms import TermUnit

__all__ = [
    "complaints",
    "gck_filings",
    "invalid_complaint_dicts",
    "judgements",
    "measures",
    "parties",
    "policies",
    "records",
    "signals",
    "term_texts",
    "written_parent_complaints",
]

_MIN = dt.date(2014, 1, 1)
_MAX = dt.date(2027, 12, 31)
_STATUTORY_ROLES = (
    PartyRole.PARENT,
    PartyRole.FOSTER_PARENT,
    PartyRole.STEP_PARENT,
    PartyRole.GRANDPARENT,
    PartyRole.FORMER_CLIENT,
)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def parties(*, roles: st.SearchStrategy[PartyRole | None] | None = None) -> st.SearchStrategy[Party]:
    """A complainant or filer; ``role`` and ``contract_party`` may be unknown. Names are synthetic."""
    return st.builds(
        Party,
        role=roles if roles is not None else _maybe(st.sampled_from(PartyRole)),
        contract_party=_maybe(st.booleans()),
        name=_maybe(st.sampled_from(("Ouder A", "Ouder B", "Pleegouder C"))),
        id=_maybe(st.from_regex(r"P[0-9]{3}", fullmatch=True)),
    )


#: The suspects an offence signal may name without contradicting its kind (R28; Signal's check).
_SIGNAL_SUSPECTS: dict[SignalKind, tuple[About, ...]] = {
    SignalKind.SUSPECTED_OFFENCE_BY_STAFF: (
        About.STAFF,
        About.GASTOUDER,
        About.GASTOUDER_HOUSEMATE,
        About.MANAGEMENT,
    ),
    SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER: (About.PROVIDER_PERSON,),
    SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN: (About.CHILD,),
}


@st.composite
def signals(draw: st.DrawFn) -> Signal:
    """An abuse signal (R27, R28, R30); its suspect, when named, agrees with its kind."""
    kind = draw(st.sampled_from(SignalKind))
    suspects = _SIGNAL_SUSPECTS.get(kind, tuple(About))
    return Signal(kind=kind, suspect=draw(_maybe(st.sampled_from(suspects))))


@st.composite
def complaints(
    draw: st.DrawFn,
    *,
    min_date: dt.date = _MIN,
    max_date: dt.date = _MAX,
    complainant: st.SearchStrategy[Party | None] | None = None,
    channel: st.SearchStrategy[Channel | None] | None = None,
    subjects: st.SearchStrategy[tuple[Subject, ...] | None] | None = None,
    about: st.SearchStrategy[About | None] | None = None,
) -> Complaint:
    """A valid complaint; any fact may be unknown. Override parts with the keyword strategies."""
    received = draw(_maybe(st.dates(min_date, max_date)))
    lo = received if received is not None else min_date
    hi = received if received is not None else max_date
    first_contact = draw(_maybe(st.dates(lo, max_date)))
    acknowledged = draw(_maybe(st.dates(lo, max_date)))
    arose = draw(_maybe(st.dates(min_date, hi)))
    oral_first = draw(_maybe(st.dates(min_date, hi)))
    return Complaint(
        id=draw(_maybe(st.from_regex(r"K-[0-9]{4}", fullmatch=True))),
        received_on=received,
        channel=draw(channel if channel is not None else _maybe(st.sampled_from(Channel))),
        oral_first_on=oral_first,
        complainant=draw(complainant if complainant is not None else _maybe(parties())),
        subjects=draw(
            subjects
            if subjects is not None
            else _maybe(st.lists(st.sampled_from(Subject), min_size=1, max_size=3, unique=True).map(tuple))
        ),
        about=draw(about if about is not None else _maybe(st.sampled_from(About))),
        arose_on=arose,
        signals=draw(_maybe(st.lists(signals(), max_size=3).map(tuple))),
        judge_is_subject=draw(_maybe(st.booleans())),
        extension_agreed=draw(_maybe(st.booleans())),
        first_contact_on=first_contact,
        acknowledged_on=acknowledged,
        location=draw(_maybe(st.sampled_from(("Locatie Noord", "Locatie Zuid")))),
        category=draw(_maybe(st.sampled_from(("Zorgvuldigheid", "Kosten")))),
        advice_subject=draw(_maybe(st.sampled_from(AdviceSubject))),
    )


_complaints = complaints


def written_parent_complaints(
    *, min_date: dt.date = dt.date(2016, 1, 1), max_date: dt.date = _MAX
) -> st.SearchStrategy[Complaint]:
    """Complaints an ouder made in writing about conduct and/or the agreement (statutory-eligible).

    Whom the complaint concerns is the provider, someone working for it or through it, or unknown:
    conduct of another parent, a child, a third party or a gastouder's housemate is outside art. 1.57b
    lid 1 sub a (R4, A8), so such a complaint is not statutory-eligible.
    """
    # The eligibility rule's own set (R4), read here: importing this module loads no rule.
    from klachtregels.rules.scope import PROVIDER_SIDE

    provider_side = tuple(a for a in About if a in PROVIDER_SIDE)
    return complaints(
        min_date=min_date,
        max_date=max_date,
        complainant=parties(roles=st.sampled_from(_STATUTORY_ROLES)),
        channel=st.sampled_from((Channel.LETTER, Channel.EMAIL, Channel.WEB_FORM)),
        subjects=st.lists(
            st.sampled_from((Subject.CONDUCT, Subject.AGREEMENT)), min_size=1, max_size=2, unique=True
        ).map(tuple),
        about=_maybe(st.sampled_from(provider_side)),
    ).filter(lambda c: c.received_on is not None)


def measures() -> st.SearchStrategy[Measure]:
    """A measure with or without a concrete term (1.57b lid 2 sub f)."""
    return st.one_of(
        st.builds(Measure, due_on=st.dates(_MIN, _MAX)),
        st.builds(Measure, has_concrete_term=_maybe(st.booleans())),
    )


@st.composite
def judgements(draw: st.DrawFn, *, after: dt.date | None = None, max_date: dt.date = _MAX) -> Judgement:
    """A judgement sent on or after ``after`` (the receipt date, when you have one)."""
    lo = after or _MIN
    sent = draw(_maybe(st.dates(lo, max_date)))
    received = draw(_maybe(st.dates(sent, max_date))) if sent is not None else None
    return Judgement(
        sent_on=sent,
        received_on=received,
        written=draw(_maybe(st.booleans())),
        reasoned=draw(_maybe(st.booleans())),
        verdict=draw(_maybe(st.sampled_from(Verdict))),
        measures=draw(_maybe(st.lists(measures(), max_size=2).map(tuple))),
        partial=draw(_maybe(st.booleans())),
    )


@st.composite
def records(
    draw: st.DrawFn,
    *,
    complaints: st.SearchStrategy[Complaint] | None = None,
    max_date: dt.date = _MAX,
) -> RegisterRecord:
    """A register record: a complaint (drawn from ``complaints``, by default :func:`complaints`) with
    or without a judgement and a Geschillencommissie filing, dated up to ``max_date``.

    The judgement is sent (and received) on or after the complaint's receipt day: a record whose
    judgement comes before the complaint contradicts itself and is refused. The filing may fall on
    any day, before the complaint too: a dispute filed first with the commission is a question the
    rules answer (R20). Draw the parts this way rather than each on its own when they go to one
    :func:`~klachtregels.assess` or :class:`~klachtregels.model.RegisterRecord`.
    """
    complaint = draw(complaints if complaints is not None else _complaints())
    received = complaint.received_date
    judgement = None
    if received is None or received <= max_date:
        judgement = draw(_maybe(judgements(after=received, max_date=max_date)))
    filing = draw(_maybe(gck_filings(max_date=max_date)))
    return RegisterRecord(complaint=complaint, judgement=judgement, filing=filing)


@st.composite
def gck_filings(draw: st.DrawFn, *, after: dt.date | None = None, max_date: dt.date = _MAX) -> GckFiling:
    """A Geschillencommissie filing (R20-R25) on or after ``after``."""
    lo = after or _MIN
    med_from = draw(_maybe(st.dates(lo, max_date)))
    med_until = draw(_maybe(st.dates(med_from, max_date))) if med_from is not None else None
    filed_on = draw(_maybe(st.dates(lo, max_date)))
    # R25: the advice facts agree with each other (GckFiling rejects a contradiction).
    requested = draw(_maybe(st.booleans()))
    disputes = [d for d in OudercommissieDispute if not _contradicts(requested, d)]
    asked_on = draw(_maybe(st.dates(lo, filed_on or max_date))) if requested is not False else None
    return GckFiling(
        filed_on=filed_on,
        filed_by=draw(_maybe(st.sampled_from((PartyRole.PARENT, PartyRole.OUDERCOMMISSIE)))),
        claims_personal_injury=draw(_maybe(st.booleans())),
        non_payment_only=draw(_maybe(st.booleans())),
        against_gastouder_personally=draw(_maybe(st.booleans())),
        mediation_from=med_from,
        mediation_until=med_until,
        term_invoked=draw(_maybe(st.booleans())),
        delay_excusable=draw(_maybe(st.booleans())),
        advice_given_in_time=draw(_maybe(st.booleans())),
        competent_body=draw(_maybe(st.booleans())),
        advice_subject=draw(_maybe(st.sampled_from(AdviceSubject))),
        advice_requested=requested,
        advice_requested_on=asked_on,
        dispute_about=draw(_maybe(st.sampled_from(disputes))),
        safety_urgency=draw(_maybe(st.booleans())),
    )


def _contradicts(requested: bool | None, about: OudercommissieDispute) -> bool:
    """Whether 'advice requested' and the kind of dispute contradict each other (R25)."""
    if requested is True:
        return about is OudercommissieDispute.NOT_ASKED
    if requested is False:
        return about in (OudercommissieDispute.ASKED_TOO_LATE, OudercommissieDispute.INSUFFICIENTLY_INFORMED)
    return False


#: Amounts drawn per unit: wide enough to cross the six weeks (42 days) in every unit, short enough to
#: count quickly.
_TERM_AMOUNTS: dict[TermUnit, int] = {
    TermUnit.WEEKS: 60,
    TermUnit.DAYS: 400,
    TermUnit.WORKING_DAYS: 80,
    TermUnit.MONTHS: 30,
    TermUnit.HOURS: 3000,
    TermUnit.YEARS: 5,
}


@st.composite
def term_texts(
    draw: st.DrawFn, *, units: tuple[TermUnit | str, ...] | None = None, backwards: bool = False
) -> str:
    """A term as a policy file writes it and ``Term.parse`` reads it: ``"6 weeks"``, ``"zes weken"``,
    ``"binnen 10 werkdagen"``, ``"uiterlijk 1 maand"``, ``"48 uur"``.

    The words are the parser's own (units in English and Dutch, numbers up to twelve as words, one
    leading "at most" word), so every form it reads can be drawn. ``units`` limits the units (default:
    all); ``backwards=True`` may add ``"before"``/``"voor"`` (a term counted backwards, which a policy
    holds but cannot apply: :func:`klachtregels.policy.require_applicable`). Shrinks towards ``"1 week"``.
    """
    chosen = tuple(TermUnit(u) for u in units) if units is not None else tuple(_TERM_AMOUNTS)
    unit = draw(st.sampled_from(chosen))
    amount = draw(st.integers(1, _TERM_AMOUNTS[unit]))
    unit_word = draw(st.sampled_from([w for w, u in _TERM_UNIT_WORDS.items() if u is unit]))
    # The same draws whatever the amount, so that a failing example shrinks its amount freely.
    number_word = draw(st.none() | st.sampled_from(range(len(_TERM_NUMBER_WORDS))))
    at_most = draw(st.none() | st.sampled_from(sorted(_TERM_AT_MOST_WORDS)))
    before = draw(st.none() | st.sampled_from(_TERM_BACKWARDS_WORDS)) if backwards else None
    spelled = [w for w, n in _TERM_NUMBER_WORDS.items() if n == amount]
    number = spelled[number_word % len(spelled)] if spelled and number_word is not None else str(amount)
    if before is not None:  # an 'at most' word before a term counted backwards is refused by the parser
        return f"{number} {unit_word} {before}"
    return f"{number} {unit_word}" if at_most is None else f"{at_most} {number} {unit_word}"


#: A drawn policy is named 'generated' first: only the statutory baseline is called 'statutory' (a file
#: that gives no name is named after itself), so a changed policy never passes for it.
_FIRST_NAME = {"name": "generated", "title": "Generated policy"}
_NAMES = ("huisregeling", "Kinderopvang De Boom", "klachtenregeling-2024")
_TITLES = ("Klachtenregeling Kinderopvang De Boom 2024", "Interne klachtenregeling")
_DOCUMENTS = ("Klachtenregeling 2024", "Klachtenreglement oudercommissie", "Pedagogisch beleidsplan")


def _policy_sources() -> st.SearchStrategy[PolicySource]:
    from klachtregels.policy import _known_settings  # the TOML keys a source may name

    return st.builds(
        PolicySource,
        setting=st.sampled_from(_known_settings()),
        document=st.sampled_from(_DOCUMENTS),
        clause=_maybe(st.sampled_from(("art. 6", "art. 3 lid 2", "bijlage 1"))),
        quote=_maybe(
            st.sampled_from(("binnen zes weken na ontvangst", "schriftelijk en met redenen omkleed"))
        ),
    )


def _policy_values() -> dict[str, st.SearchStrategy[Any]]:
    """Every value a policy file may give each :class:`Policy` field (its default aside): lawful
    settings and the unlawful ones a policy holds and ``policy lint`` judges (regulation.md section 8)."""
    optional_bool = _maybe(st.booleans())
    house_term = _maybe(term_texts())
    return {
        "name": st.sampled_from(_NAMES),
        "title": st.sampled_from(_TITLES),
        "atw_mode": st.sampled_from(AtwMode),
        # Held (and linted) whatever the mode; it counts only with follow_regulation_text (A1).
        "regulation_applies_atw": optional_bool,
        "include_equated_days": st.booleans(),
        "strict_calendar": st.booleans(),
        "exclude_filing_day": st.booleans(),
        "receipt_rule": st.sampled_from(ReceiptRule),
        "handled_when": st.sampled_from(HandledWhen),
        "handling_term": term_texts(),
        "complainant_scope": st.sampled_from(ComplainantScope),
        "include_prospective_clients": st.booleans(),
        "include_working_method": st.booleans(),
        "electronic_counts_as_written": st.booleans(),
        "app_messages_count_as_written": optional_bool,
        "after_meldcode": st.sampled_from(AfterMeldcode),
        "twelve_month_start": st.sampled_from(TwelveMonthStart),
        "klachtgeld_cents": _maybe(st.integers(0, 100_000)),
        "klachtgeld_seen_on": _maybe(st.sampled_from(("2016", "2024", "2026-01-01"))),
        "jaarverslag_atw": st.booleans(),
        "private_term_atw": st.booleans(),
        "first_contact_term": house_term,
        "acknowledgement_term": house_term,
        "submission_window": house_term,
        "oudercommissie_internal_route": st.booleans(),
        "include_carers": st.booleans(),
        "include_guardians": st.booleans(),
        "written_submission": optional_bool,
        "careful_investigation": optional_bool,
        "keeps_parent_informed": optional_bool,
        "reasoned_judgement": optional_bool,
        "concrete_term_for_measures": optional_bool,
        "confidentiality": optional_bool,
        "registration": optional_bool,
        "annual_report_to_ggd": optional_bool,
        "annual_report_to_parents": _maybe(st.sampled_from(AnnualReportToParents)),
        "annual_report_anonymised": optional_bool,
        "annual_report_to_oudercommissie": optional_bool,
        "klachtenloket": _maybe(st.sampled_from(KlachtenloketRole)),
        "direct_access_grounds": _maybe(
            st.lists(st.sampled_from(DirectAccessGround), unique=True).map(tuple)
        ),
        "sources": st.lists(_policy_sources(), max_size=3).map(tuple),
    }


def policies(**settings: st.SearchStrategy[Any] | None) -> st.SearchStrategy[Policy]:
    """A :class:`Policy` with every setting a policy file can give drawn from its range (regulation.md
    section 8): the A-settings, the handling term and the house terms (any text ``Term.parse`` reads, in
    every unit: :func:`term_texts`), who may complain, the klachtgeld, what the regulation's text provides
    (``[regulation]``), the annual report and the escalation, name, title and sources. Lawful settings and
    the unlawful ones a policy holds and ``policy lint`` judges alike; every policy can be applied (no term
    counted backwards: pass ``handling_term=term_texts(backwards=True)`` for those).

    Pin or narrow a setting with a keyword named after the field: ``policies(handling_term=st.just("7
    weeks"), include_carers=st.just(True))``; ``None`` keeps the default strategy. Each setting is its
    default (the statutory baseline, :class:`Policy`) or another value, default first, so a failing
    example shrinks towards the statutory policy, named ``generated``, with only the settings that matter
    changed.
    """
    values = _policy_values()
    unknown = sorted(set(settings) - set(values))
    if unknown:
        msg = f"policies() takes a keyword per Policy field; not one: {', '.join(unknown)}"
        raise TypeError(msg)
    defaults = Policy()
    strategies = {
        name: pinned
        if (pinned := settings.get(name)) is not None
        else st.just(_FIRST_NAME.get(name, getattr(defaults, name))) | values[name]
        for name in values
    }
    return st.builds(Policy, **strategies)


@st.composite
def invalid_complaint_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A complaint dict that ``Complaint.from_dict`` must reject, with one deliberate defect."""
    base: dict[str, Any] = {
        "received_on": "2025-10-06",
        "channel": "email",
        "complainant": {"role": "parent"},
        "subjects": ["conduct"],
    }
    defect = draw(
        st.sampled_from(
            (
                "unknown_field",
                "bad_date",
                "bad_enum",
                "bad_role",
                "twice",
                "arose_after",
                "contact_before",
                "not_list",
            )
        )
    )
    if defect == "unknown_field":
        base[draw(st.sampled_from(("recieved_on", "klager", "status")))] = "x"
    elif defect == "bad_date":
        base["received_on"] = draw(st.sampled_from(("2025-13-01", "31-02-2025", "10/06/25", "yesterday", "")))
    elif defect == "bad_enum":
        base["channel"] = draw(
            st.sampled_from(("fax", "telefoon", "e-post"))
        )  # ("EMAIL " is a word for email)
    elif defect == "bad_role":
        base["complainant"] = {"role": draw(st.sampled_from(("mother", "buurman")))}
    elif defect == "twice":
        base["subjects"] = ["conduct", "conduct"]
    elif defect == "arose_after":
        base["arose_on"] = "2025-10-07"
    elif defect == "contact_before":
        base["first_contact_on"] = "2025-10-05"
    else:  # not a list (text is read as the register reads a list cell: "conduct;agreement")
        base["subjects"] = draw(st.sampled_from((5, True, {"conduct": True})))
    return base
