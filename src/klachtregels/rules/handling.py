"""Handling the complaint: the six-week term and the status on a day (R6, R12; A1, A2, A5, A6, A17).

Outcomes (one status, ranked only to choose between the clock and unknown facts):
``not_applicable`` (not a 1.57b complaint), ``undetermined``, ``not_started`` (not yet in
writing), ``open_overdue``, ``judged_late``, ``open_due_soon``, ``open_on_track``,
``judged_in_time``. House terms (first contact, acknowledgement, a submission window) are the
organisation's own: exceeding one gives ``HOUSE_TERM_EXCEEDED`` and never changes the status or
Geschillencommissie access (A17).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from klachtregels.citations import ATW, WET_KINDEROPVANG, cite
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult, Source
from klachtregels.rules._facts import Facts, fd, flag, handled_on
from klachtregels.vocabulary import Outcome

if TYPE_CHECKING:
    from klachtregels.model import Complaint
    from klachtregels.policy import Policy
    from klachtregels.terms import Deadline

__all__ = ["HANDLING", "HANDLING_RULES", "house_deadlines", "house_term_states"]

_WKO_157B_2A = cite(WET_KINDEROPVANG, "1.57b", 2, "a")
_WKO_157B_2D = cite(WET_KINDEROPVANG, "1.57b", 2, "d")
_WKO_157B_2E = cite(WET_KINDEROPVANG, "1.57b", 2, "e")
_WKO_157B_2F = cite(WET_KINDEROPVANG, "1.57b", 2, "f")
_ATW_1 = cite(ATW, "1", 1)
_ATW_3 = cite(ATW, "3", 3)
_HOUSE = cite(WET_KINDEROPVANG, "1.57b", 3, note="the provider's own regulation (house terms, R7, R17)")

_ELIGIBLE = ("eligible", "eligible_by_policy")


def house_deadlines(complaint: Complaint, policy: Policy) -> dict[str, Deadline]:
    """The policy's house terms: ``house_handling`` (only when shorter than the statute's six weeks),
    ``first_contact``, ``acknowledgement``, ``submission_window``.

    Private terms: the ATW applies only by analogy when ``policy.private_term_atw`` (A17). A house
    handling term binds the provider through its own regulation (art. 1.57b lid 3); the statutory
    six weeks still decide Geschillencommissie access (R20).
    """
    from klachtregels.terms import HANDLING_TERM, Term, deadline

    out: dict[str, Deadline] = {}
    received = complaint.received_on
    statutory, eq = policy.private_term_atw, policy.include_equated_days
    if received is not None:
        if Term.parse(policy.handling_term) != HANDLING_TERM:
            house = deadline(received, policy.handling_term, statutory=statutory, include_equated_days=eq)
            # Only a shorter term adds anything: a longer one is laxer than the law (policy lint, R6).
            if house.date < deadline(received, HANDLING_TERM, statutory=False).date:
                out["house_handling"] = house
        if policy.first_contact_term is not None:
            out["first_contact"] = deadline(
                received, policy.first_contact_term, statutory=statutory, include_equated_days=eq
            )
        if policy.acknowledgement_term is not None:
            out["acknowledgement"] = deadline(
                received, policy.acknowledgement_term, statutory=statutory, include_equated_days=eq
            )
    if complaint.arose_on is not None and policy.submission_window is not None:
        out["submission_window"] = deadline(
            complaint.arose_on, policy.submission_window, statutory=statutory, include_equated_days=eq
        )
    return out


def house_term_states(f: Facts) -> dict[str, tuple[Deadline, Outcome]]:
    """Each house term of the policy with its state on ``f.as_of`` (R7, R17; A17).

    ``met`` (done by the last day), ``not_met`` (done after it), ``pending`` (nothing recorded, the
    term still runs) or ``undetermined`` (nothing recorded and the term has run out: missing is not
    'late'). The one answer for the handling decision's reasons and the compliance checks.
    """
    done_map = {
        "house_handling": handled_on(f)[0],
        "first_contact": _day(f.complaint.first_contact_on),
        "acknowledgement": _day(f.complaint.acknowledged_on),
        "submission_window": f.received,
    }
    out: dict[str, tuple[Deadline, Outcome]] = {}
    for key, d in house_deadlines(f.complaint, f.policy).items():
        done = done_map[key]
        if done is not None:
            out[key] = (d, Outcome.MET if done <= d.date else Outcome.NOT_MET)
        else:
            out[key] = (d, Outcome.PENDING if f.as_of <= d.date else Outcome.UNDETERMINED)
    return out


def _day(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _start(f: Facts) -> RuleResult:
    outcome = f.eligibility
    if outcome in ("out_of_temporal_scope", "not_eligible"):
        return RuleResult.fire(
            "not_applicable",
            "Geen klacht in de zin van art. 1.57b: de termijn van zes weken geldt niet.",
            "Not a complaint under art. 1.57b: the six-week term does not apply.",
        )
    if outcome == "not_yet":
        return RuleResult.fire(
            "not_started",
            "Nog geen schriftelijke klacht: de termijn van zes weken is niet begonnen (R5, R12).",
            "No written complaint yet: the six-week term has not started (R5, R12).",
        )
    if outcome not in _ELIGIBLE:
        return RuleResult.unknown(
            list(f.eligibility_unknown) or ["eligibility"],
            "Of dit een klacht in de zin van art. 1.57b is, staat nog niet vast; daarvan hangt af of de "
            "termijn "
            "loopt.",
            "Whether this is a complaint under art. 1.57b is not settled yet; whether the term runs "
            "depends on it.",
            outcome="undetermined",
        )
    return RuleResult.support(
        "Een schriftelijke klacht van een ouder: de houder handelt haar af binnen zes weken na indiening "
        "(art. 1.57b lid 2 sub d).",
        "A written complaint by an ouder: the provider handles it within six weeks of submission "
        "(art. 1.57b para. 2 under d).",
    )


def _atw_dependent(f: Facts, day: dt.date) -> list[Flag]:
    d = f.handling
    if d is None or not (d.calendar_date < day <= d.atw_date):
        return []
    return [
        flag(
            "ATW_DEPENDENT",
            f"{fd(day, 'nl')} ligt tussen de kalenderdatum ({fd(d.calendar_date, 'nl')}) en de Atw-datum "
            f"({fd(d.atw_date, 'nl')}); het antwoord volgt de gekozen Atw-instelling (A1).",
            f"{fd(day, 'en')} falls between the calendar date ({fd(d.calendar_date, 'en')}) and the ATW date "
            f"({fd(d.atw_date, 'en')}); the answer follows the chosen ATW setting (A1).",
            ambiguity="A1",
        )
    ]


def _status(f: Facts) -> RuleResult | None:
    if f.eligibility not in _ELIGIBLE:
        return None
    d = f.handling
    if d is None:
        return RuleResult.unknown(
            ["complaint.received_on"],
            "Zonder ontvangstdatum is de termijn niet te berekenen (R12).",
            "Without the receipt date the term cannot be computed (R12).",
            outcome="undetermined",
        )
    done, path = handled_on(f)
    if f.judgement is not None and done is None:
        return RuleResult.unknown(
            [path],
            "Er is een oordeel, maar onbekend wanneer het is verzonden of ontvangen (A5).",
            "There is a judgement, but it is not known when it was sent or received (A5).",
            outcome="undetermined",
        )
    last_nl, last_en = fd(d.date, "nl"), fd(d.date, "en")
    if done is not None and done <= f.as_of:
        flags = _atw_dependent(f, done)
        if d.atw_undetermined and d.calendar_date < done <= d.atw_date:
            # A1 left open by the policy: in time only if the regulation applies the ATW.
            return RuleResult.unknown(
                ["policy.regulation_applies_atw"],
                f"Oordeel op {fd(done, 'nl')}: na de kalenderdatum, binnen de Atw-datum; of dat op tijd is, "
                "hangt af van de vraag of de klachtenregeling de Atw toepast (A1).",
                f"Judgement on {fd(done, 'en')}: after the calendar date, within the ATW date; whether "
                "that is in time depends on whether the regulation applies the ATW (A1).",
                outcome="undetermined",
                flags=flags,
            )
        if done <= d.date:
            return RuleResult.fire(
                "judged_in_time",
                f"Oordeel op {fd(done, 'nl')}, binnen de termijn (uiterste dag {last_nl}).",
                f"Judgement on {fd(done, 'en')}, in time (last day {last_en}).",
                flags=flags,
            )
        return RuleResult.fire(
            "judged_late",
            f"Oordeel op {fd(done, 'nl')}, na de uiterste dag {last_nl}: te laat (art. 1.57b lid 2 sub "
            "d). De "
            f"ouder had vanaf {fd(d.date + dt.timedelta(days=1), 'nl')} rechtstreeks toegang tot de "
            "Geschillencommissie (R20).",
            f"Judgement on {fd(done, 'en')}, after the last day {last_en}: late (art. 1.57b para. 2 under "
            "d). The "
            "parent had direct access to the Geschillencommissie from "
            f"{fd(d.date + dt.timedelta(days=1), 'en')} "
            "(R20).",
            flags=flags,
        )
    flags = _atw_dependent(f, f.as_of)
    if f.as_of > d.date:
        return RuleResult.fire(
            "open_overdue",
            f"Op {fd(f.as_of, 'nl')} nog geen oordeel, en de uiterste dag ({last_nl}) is voorbij: de "
            "houder is te "
            "laat en de ouder mag rechtstreeks naar de Geschillencommissie (R12, R20).",
            f"No judgement by {fd(f.as_of, 'en')}, and the last day ({last_en}) has passed: the provider "
            "is late "
            "and the parent may go directly to the Geschillencommissie (R12, R20).",
            flags=flags,
        )
    left = (d.date - f.as_of).days
    if left <= f.due_soon_days:
        return RuleResult.fire(
            "open_due_soon",
            f"Nog {left} dag(en) tot de uiterste dag {last_nl}.",
            f"{left} day(s) left until the last day {last_en}.",
            flags=flags,
        )
    return RuleResult.fire(
        "open_on_track",
        f"Open; uiterste dag {last_nl} (nog {left} dagen).",
        f"Open; last day {last_en} ({left} days left).",
        flags=flags,
    )


def _form(f: Facts) -> RuleResult | None:
    j = f.judgement
    if j is None or f.eligibility not in _ELIGIBLE:
        return None
    flags = []
    if j.written is False:
        flags.append(
            flag(
                "JUDGEMENT_NOT_WRITTEN",
                "Het oordeel is niet schriftelijk gegeven (art. 1.57b lid 2 sub e).",
                "The judgement was not given in writing (art. 1.57b para. 2 under e).",
            )
        )
    if j.reasoned is False:
        flags.append(
            flag(
                "JUDGEMENT_NOT_REASONED",
                "Het oordeel is niet met redenen omkleed (art. 1.57b lid 2 sub e).",
                "The judgement gives no reasons (art. 1.57b para. 2 under e).",
            )
        )
    measures = j.measures or ()
    if any(m.concrete_term is False for m in measures):
        flags.append(
            flag(
                "NON_COMPLIANT_1_57B_2F",
                "Een maatregel staat in het oordeel zonder concrete termijn (art. 1.57b lid 2 sub f). De "
                "klacht "
                "is wel afgehandeld (A5).",
                "A measure in the judgement has no concrete term (art. 1.57b para. 2 under f). The "
                "complaint is "
                "handled nonetheless (A5).",
                ambiguity="A5",
            )
        )
    if j.partial:
        flags.append(
            flag(
                "PARTIAL_JUDGEMENT",
                "Een deeloordeel: voor de rest van de klacht loopt de termijn door (A5).",
                "A partial judgement: the term keeps running for the rest of the complaint (A5).",
                ambiguity="A5",
            )
        )
    unknown = [n for n, v in (("schriftelijk", j.written), ("gemotiveerd", j.reasoned)) if v is None]
    unknown_en = [n for n, v in (("written", j.written), ("reasoned", j.reasoned)) if v is None]
    nl = "Vorm van het oordeel: schriftelijk en met redenen omkleed vereist (art. 1.57b lid 2 sub e-f)."
    en = "Form of the judgement: written and reasoned required (art. 1.57b para. 2 under e-f)."
    if unknown:
        nl += f" Niet opgegeven: {', '.join(unknown)}."
        en += f" Not given: {', '.join(unknown_en)}."
    return RuleResult.support(nl, en, flags=flags)


def _extension(f: Facts) -> RuleResult | None:
    if not f.complaint.extension_agreed:
        return None
    return RuleResult.support(
        "De termijn is met de ouder verlengd; de wet kent geen verlenging, de uiterste dag blijft staan "
        "(A6).",
        "The term was extended with the parent; the statute knows no extension, the last day stands (A6).",
        flags=[
            flag(
                "EXTENSION_NOT_STATUTORY",
                "Verlenging van de termijn van zes weken heeft geen wettelijke grondslag (A6).",
                "Extending the six-week term has no statutory basis (A6).",
                ambiguity="A6",
            )
        ],
    )


def _calendar(f: Facts) -> RuleResult | None:
    d = f.handling
    if d is None or f.eligibility not in _ELIGIBLE:
        return None
    flags = []
    if d.provisional:
        flags.append(
            flag(
                "DEADLINE_PROVISIONAL",
                "De uiterste dag is voorlopig: gelijkgestelde dagen (Atw art. 3 lid 3) voor "
                f"{', '.join(str(y) for y in d.unverified_years)} zijn niet geverifieerd (A2).",
                "The last day is provisional: equated days (ATW art. 3 para. 3) for "
                f"{', '.join(str(y) for y in d.unverified_years)} are not verified (A2).",
                ambiguity="A2",
            )
        )
    if d.atw_undetermined:
        flags.append(
            flag(
                "ATW_UNDETERMINED",
                f"Of de Atw de termijn verlengt, hangt af van de klachtenregeling (A1): zonder Atw "
                f"{fd(d.calendar_date, 'nl')}, met Atw {fd(d.atw_date, 'nl')}.",
                f"Whether the ATW extends the term depends on the regulation (A1): without it "
                f"{fd(d.calendar_date, 'en')}, with it {fd(d.atw_date, 'en')}.",
                ambiguity="A1",
            )
        )
    extended = d.atw_date != d.calendar_date
    nl = f"Termijn van zes weken vanaf {fd(d.start, 'nl')}: kalenderdatum {fd(d.calendar_date, 'nl')}"
    en = f"Six-week term from {fd(d.start, 'en')}: calendar date {fd(d.calendar_date, 'en')}"
    if extended:
        nl += f", Atw-datum {fd(d.atw_date, 'nl')}"
        en += f", ATW date {fd(d.atw_date, 'en')}"
    nl += f"; uiterste dag {fd(d.date, 'nl')}."
    en += f"; last day {fd(d.date, 'en')}."
    return RuleResult.support(nl, en, flags=flags)


_HOUSE_NAMES = {
    "house_handling": ("eigen afhandeltermijn", "house handling term"),
    "first_contact": ("eerste contact", "first contact"),
    "acknowledgement": ("ontvangstbevestiging", "acknowledgement"),
    "submission_window": ("indieningstermijn", "submission window"),
}


_HOUSE_STATES = {
    Outcome.MET: ("gehaald", "met"),
    Outcome.NOT_MET: ("overschreden", "exceeded"),
    Outcome.PENDING: ("open", "open"),
    Outcome.UNDETERMINED: ("onbekend (niets vastgelegd)", "unknown (nothing recorded)"),
}


def _house(f: Facts) -> RuleResult | None:
    states = house_term_states(f)
    if not states:
        return None
    exceeded: list[str] = []
    lines_nl: list[str] = []
    lines_en: list[str] = []
    for key, (d, state) in states.items():
        if state is Outcome.NOT_MET:
            exceeded.append(key)
        nl_name, en_name = _HOUSE_NAMES[key]
        state_nl, state_en = _HOUSE_STATES[state]
        lines_nl.append(f"{nl_name} uiterlijk {fd(d.date, 'nl')}: {state_nl}")
        lines_en.append(f"{en_name} by {fd(d.date, 'en')}: {state_en}")
    flags = []
    if exceeded:
        flags.append(
            flag(
                "HOUSE_TERM_EXCEEDED",
                "Een eigen termijn van de houder is overschreden ("
                + ", ".join(_HOUSE_NAMES[k][0] for k in exceeded)
                + "). Dat is geen wettelijke termijn en beperkt de toegang tot de "
                "Geschillencommissie niet (A17).",
                "A house term of the provider was exceeded ("
                + ", ".join(_HOUSE_NAMES[k][1] for k in exceeded)
                + "). It is not a statutory term and does not limit access to the Geschillencommissie (A17).",
                ambiguity="A17",
            )
        )
    return RuleResult.support(
        "Eigen termijnen van de houder (geen Atw tenzij het beleid dat kiest, R17): "
        + "; ".join(lines_nl)
        + ".",
        "The provider's house terms (no ATW unless the policy chooses it, R17): " + "; ".join(lines_en) + ".",
        flags=flags,
    )


HANDLING_RULES: tuple[Rule[Facts], ...] = (
    Rule(
        id="R12-start",
        title_nl="Begin van de termijn: een schriftelijke klacht van een ouder",
        title_en="Start of the term: a written complaint by an ouder",
        citations=(_WKO_157B_2A, _WKO_157B_2D),
        decision="handling",
        function=_start,
        outcomes=("not_applicable", "not_started", "undetermined"),
        valid_from=dt.date.min,
    ),
    Rule(
        id="R12",
        title_nl="Stand van de afhandeling binnen zes weken",
        title_en="Handling status within six weeks",
        citations=(_WKO_157B_2D, _ATW_1),
        decision="handling",
        function=_status,
        outcomes=(
            "judged_in_time",
            "judged_late",
            "open_on_track",
            "open_due_soon",
            "open_overdue",
            "undetermined",
        ),
        ambiguities=("A1", "A3", "A4", "A5"),
    ),
    Rule(
        id="R13",
        title_nl="Kalender- en Atw-datum van de termijn",
        title_en="Calendar and ATW date of the term",
        citations=(_ATW_1, _ATW_3),
        decision="handling",
        function=_calendar,
        ambiguities=("A1", "A2"),
    ),
    Rule(
        id="R6",
        title_nl="Oordeel: schriftelijk, gemotiveerd, met concrete termijn voor maatregelen",
        title_en="Judgement: written, reasoned, with a concrete term for measures",
        citations=(_WKO_157B_2E, _WKO_157B_2F),
        decision="handling",
        function=_form,
        ambiguities=("A5",),
    ),
    Rule(
        id="R6-extension",
        title_nl="Verlenging van de termijn heeft geen wettelijke grondslag",
        title_en="Extending the term has no statutory basis",
        citations=(_WKO_157B_2D,),
        decision="handling",
        function=_extension,
        ambiguities=("A6",),
    ),
    Rule(
        id="R17",
        title_nl="Eigen termijnen van de houder (beleid)",
        title_en="The provider's house terms (policy)",
        citations=(_HOUSE, cite(ATW, "1", 1, note="not for private terms (R17)")),
        decision="handling",
        function=_house,
        source=Source.POLICY,
        ambiguities=("A17",),
    ),
)

HANDLING: DecisionSpec[Facts] = DecisionSpec(
    name="handling",
    rules=HANDLING_RULES,
    levels=(
        frozenset({"not_applicable"}),
        frozenset({"undetermined"}),
        frozenset({"not_started"}),
        frozenset({"open_overdue"}),
        frozenset({"judged_late"}),
        frozenset({"open_due_soon"}),
        frozenset({"open_on_track"}),
        frozenset({"judged_in_time"}),
    ),
    default="undetermined",
)
