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
    AtwMode,
    ComplainantScope,
    HandledWhen,
    Policy,
    ReceiptRule,
    TwelveMonthStart,
)

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


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A Policy with every A-setting drawn from its allowed range (regulation.md section 8)."""
    atw = draw(st.sampled_from(AtwMode))
    return Policy(
        name="generated",
        title="Generated policy",
        atw_mode=atw,
        regulation_applies_atw=draw(_maybe(st.booleans())) if atw is AtwMode.FOLLOW_REGULATION_TEXT else None,
        include_equated_days=draw(st.booleans()),
        exclude_filing_day=draw(st.booleans()),
        receipt_rule=draw(st.sampled_from(ReceiptRule)),
        handled_when=draw(st.sampled_from(HandledWhen)),
        complainant_scope=draw(st.sampled_from(ComplainantScope)),
        include_prospective_clients=draw(st.booleans()),
        include_working_method=draw(st.booleans()),
        electronic_counts_as_written=draw(st.booleans()),
        app_messages_count_as_written=draw(_maybe(st.booleans())),
        after_meldcode=draw(st.sampled_from(AfterMeldcode)),
        twelve_month_start=draw(st.sampled_from(TwelveMonthStart)),
        private_term_atw=draw(st.booleans()),
        first_contact_term=draw(_maybe(st.sampled_from(("2 working days", "1 week")))),
        acknowledgement_term=draw(_maybe(st.sampled_from(("5 working days", "3 days")))),
        submission_window=draw(_maybe(st.sampled_from(("2 months", "3 months")))),
        oudercommissie_internal_route=draw(st.booleans()),
    )


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
