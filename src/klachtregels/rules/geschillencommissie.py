"""Access to the Geschillencommissie Kinderopvang (GCK): R20-R26 (A1, A6, A12, A13, A15).

Two routes, two specs:

* A parent's dispute (:data:`GCK_ACCESS`). Highest first: ``redirect`` (R24: not for the GCK),
  ``inadmissible`` (not first filed with the provider, R20), ``undetermined`` (unknown facts, an
  A12 indicator while the internal route is unfinished, the A1 gap, A13 mediation),
  ``needs_human_judgement`` (A6: a handling extension may be a waiver), ``late_if_invoked``
  (after 12 months, R21: never 'inadmissible' for lateness), ``direct_access`` (no timely
  judgement, R20 i), ``premature``, ``admissible`` (the default). Cumulative: a late filing still
  shows that the parent had direct access.
* The oudercommissie's dispute about art. 1.60 (:data:`GCK_OC_ACCESS`, R25): directly, without an
  internal procedure; ``inadmissible`` when the filer is not the competent body or (for that part)
  when no advice was given in time.

The GCK reglement was not retrieved (regulation.md section 11): rules resting on it carry
``Source.GCK`` and the R24 exclusions flag ``VERIFY_REGLEMENT``.
"""

from __future__ import annotations

import datetime as dt

from klachtregels.citations import GCK_REGLEMENT, WET_KINDEROPVANG, cite
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult, Source
from klachtregels.model import Channel, SignalKind
from klachtregels.policy import TwelveMonthStart
from klachtregels.rules._facts import Facts, fd, flag, handled_on
from klachtregels.rules.scope import r1_gate

__all__ = [
    "GCK_ACCESS",
    "GCK_ACCESS_RULES",
    "GCK_OC_ACCESS",
    "GCK_OC_ACCESS_RULES",
    "first_filed",
    "twelve_month_start",
]

_WKO_157C_1A = cite(WET_KINDEROPVANG, "1.57c", 1, "a")
_WKO_157C_1B = cite(WET_KINDEROPVANG, "1.57c", 1, "b")
_WKO_160 = cite(WET_KINDEROPVANG, "1.60")
_WKO_157B_2D = cite(WET_KINDEROPVANG, "1.57b", 2, "d")
_GCK_FIRST = cite(GCK_REGLEMENT, note="internal complaint first (GCK-first, 2024, ref 222631/235358)")
_GCK_DIRECT = cite(GCK_REGLEMENT, note="direct access: no timely judgement, or not reasonably required")
_GCK_12M = cite(GCK_REGLEMENT, note="12-month filing term (GCK rulings 2019, 2024)")
_GCK_EXCL = cite(GCK_REGLEMENT, note="exclusions (provider summaries; verify against the reglement)")
_GCK_OC = cite(GCK_REGLEMENT, note="oudercommissie disputes (GCK rulings 2021-2023)")
_KLOKET = cite(GCK_REGLEMENT, note="Klachtenloket Kinderopvang: optional, not an admissibility condition")


def first_filed(f: Facts) -> bool | None:
    """Whether the complaint was first filed with the provider (R20): given, or derived from the dates."""
    if f.filed_with_provider is not None:
        return f.filed_with_provider
    received = f.received
    if received is None or f.filed_on is None:
        return None
    return received <= f.filed_on


def twelve_month_start(f: Facts) -> tuple[dt.date | None, str]:
    """The day the twelve months of R21 start (A13 ``twelve_month_start``) and the fact path needed."""
    received = f.received
    if f.policy.twelve_month_start is TwelveMonthStart.FIRST_ANY and f.complaint.oral_first_on is not None:
        oral = f.complaint.oral_first_on
        oral_day = oral.date() if isinstance(oral, dt.datetime) else oral
        if received is None or oral_day < received:
            return oral_day, "complaint.oral_first_on"
    if f.complaint.channel is Channel.ORAL and f.policy.twelve_month_start is TwelveMonthStart.FIRST_WRITTEN:
        return None, "complaint.channel"
    return received, "complaint.received_on"


def _a12_flags(f: Facts) -> list[Flag]:
    out = []
    if f.complaint.judge_is_subject:
        out.append(
            flag(
                "JUDGE_IS_SUBJECT",
                "Wie de klacht moet beoordelen, is er zelf onderwerp van: rechtstreekse toegang ligt voor "
                "de hand, "
                "maar de Geschillencommissie beslist (A12).",
                "The person who must judge the complaint is its subject: direct access is likely, but the "
                "Geschillencommissie decides (A12).",
                ambiguity="A12",
            )
        )
    signals = f.complaint.signals or ()
    if any(s.kind is SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER for s in signals):
        out.append(
            flag(
                "HOUDER_IS_SUSPECT",
                "De houder is verdachte (art. 1.51c): van de ouder kan in redelijkheid niet worden "
                "gevergd eerst "
                "bij de houder te klagen, maar de Geschillencommissie beslist (A12).",
                "The provider is the suspect (art. 1.51c): complaining to the provider first may not "
                "reasonably "
                "be required, but the Geschillencommissie decides (A12).",
                ambiguity="A12",
            )
        )
    if f.provider is not None and f.provider.has_regulation is False:
        out.append(
            flag(
                "NO_REGULATION",
                "De houder heeft geen (deugdelijke) klachtenregeling (art. 1.57b lid 1; onbevestigd in het "
                "reglement, A12).",
                "The provider has no (adequate) complaint regulation (art. 1.57b para. 1; unverified in the "
                "reglement, A12).",
                ambiguity="A12",
            )
        )
    if f.filing is not None and f.filing.safety_urgency:
        out.append(
            flag(
                "SAFETY_URGENCY",
                "Er is een veiligheidsurgentie: de interne route afwachten is mogelijk niet te vergen (A12).",
                "There is a safety urgency: waiting for the internal route may not be required (A12).",
                ambiguity="A12",
            )
        )
    return out


def _filed(f: Facts) -> dt.date:
    assert f.filed_on is not None  # decisions.py always resolves it
    return f.filed_on


# --- R24 ------------------------------------------------------------------------------------------


def _r24(f: Facts) -> RuleResult | None:
    filing = f.filing
    if filing is None:
        return None
    verify = flag(
        "VERIFY_REGLEMENT",
        "Deze uitsluiting komt uit samenvattingen van houders; controleer het reglement van de "
        "Geschillencommissie (A15).",
        "This exclusion comes from provider summaries; check the Geschillencommissie's reglement (A15).",
        ambiguity="A15",
    )
    if filing.against_gastouder_personally:
        return RuleResult.fire(
            "redirect",
            "Het geschil is gericht tegen de gastouder persoonlijk; de Geschillencommissie behandelt alleen "
            "geschillen met het gastouderbureau. Richt het geschil tegen het bureau (R24).",
            "The dispute is against the gastouder personally; the Geschillencommissie hears disputes with "
            "the "
            "gastouderbureau only. Direct it at the bureau (R24).",
            flags=[
                flag(
                    "REDIRECT_GASTOUDERBUREAU",
                    "Richt het geschil tegen het gastouderbureau.",
                    "Direct the dispute at the gastouderbureau.",
                )
            ],
        )
    if filing.claims_personal_injury:
        return RuleResult.fire(
            "redirect",
            "Schadevergoeding wegens dood, letsel of ziekte valt buiten de Geschillencommissie: dat deel "
            "gaat naar "
            "de rechter. De klacht over de gedraging zelf kan wel bij de Geschillencommissie (R24, A15).",
            "Damages for death, injury or illness are outside the Geschillencommissie: that part goes to the "
            "court. The complaint about the conduct itself may still go to the Geschillencommissie (R24, "
            "A15).",
            flags=[
                flag(
                    "REDIRECT_COURT",
                    "Verwijs de vordering tot letselschade naar de rechter; zie 'rest' voor de rest van "
                    "het geschil.",
                    "Refer the personal-injury claim to the court; see 'rest' for the rest of the dispute.",
                    ambiguity="A15",
                ),
                verify,
            ],
        )
    if filing.non_payment_only:
        return RuleResult.fire(
            "redirect",
            "Alleen het niet betalen van facturen, zonder inhoudelijke klacht: geen geschil voor de "
            "Geschillencommissie (R24).",
            "Only non-payment of invoices, without a substantive complaint: not a dispute for the "
            "Geschillencommissie (R24).",
            flags=[verify],
        )
    return None


# --- R20 ------------------------------------------------------------------------------------------


def _r20(f: Facts) -> RuleResult:
    first = first_filed(f)
    if first is None:
        return RuleResult.unknown(
            ["complaint.received_on"],
            "Onbekend of en wanneer de klacht eerst bij de houder is ingediend (R20).",
            "It is not known whether and when the complaint was first filed with the provider (R20).",
            outcome="undetermined",
        )
    if not first:
        return RuleResult.fire(
            "inadmissible",
            "De klacht is niet eerst bij de houder ingediend: de Geschillencommissie verklaart de ouder "
            "niet-ontvankelijk (R20; GCK 2024).",
            "The complaint was not first filed with the provider: the Geschillencommissie declares the "
            "parent "
            "inadmissible (R20; GCK 2024).",
        )
    if f.complaint.channel is Channel.ORAL:
        return RuleResult.fire(
            "undetermined",
            "De klacht is alleen mondeling bij de houder ingediend; of dat volstaat als 'eerst bij de "
            "houder', "
            "staat niet vast (R5, A13).",
            "The complaint was filed with the provider orally only; whether that counts as 'first with the "
            "provider' is not settled (R5, A13).",
            flags=[
                flag(
                    "ORAL_ONLY",
                    "Alleen mondeling geklaagd; laat de ouder schriftelijk klagen.",
                    "Complained orally only; have the parent complain in writing.",
                    ambiguity="A13",
                )
            ],
        )
    received = f.received
    assert received is not None or f.filed_with_provider
    when_nl = f" op {fd(received, 'nl')}" if received is not None else ""
    when_en = f" on {fd(received, 'en')}" if received is not None else ""
    return RuleResult.support(
        f"De klacht is eerst bij de houder ingediend{when_nl} (R20).",
        f"The complaint was first filed with the provider{when_en} (R20).",
    )


def _r20_i(f: Facts) -> RuleResult | None:
    if first_filed(f) is not True or f.complaint.channel is Channel.ORAL:
        return None
    deadline = f.handling
    if deadline is None:
        return RuleResult.unknown(
            ["complaint.received_on"],
            "Zonder ontvangstdatum is de termijn van zes weken niet te berekenen (R12).",
            "Without the receipt date the six-week term cannot be computed (R12).",
            outcome="undetermined",
        )
    filed = _filed(f)
    cal, atw = deadline.calendar_date, deadline.atw_date
    done, path = handled_on(f)
    if f.judgement is not None and done is None:
        return RuleResult.unknown(
            [path],
            "Er is een oordeel, maar onbekend wanneer het is verzonden of ontvangen (A5).",
            "There is a judgement, but it is not known when it was sent or received (A5).",
            outcome="undetermined",
        )
    judged_before_filing = done is not None and done <= filed
    if judged_before_filing and done is not None:
        if done <= deadline.date:
            return RuleResult.support(
                f"Oordeel gegeven op {fd(done, 'nl')}, binnen de termijn (uiterste dag "
                f"{fd(deadline.date, 'nl')}): "
                "de interne procedure is doorlopen (R20).",
                f"Judgement given on {fd(done, 'en')}, in time (last day {fd(deadline.date, 'en')}): the "
                "internal "
                "procedure is complete (R20).",
            )
        return _direct(f, deadline.date, late_on=done)
    # No judgement before the filing.
    if filed <= cal:
        return RuleResult.fire(
            "premature",
            f"Ingediend bij de Geschillencommissie op {fd(filed, 'nl')}, vóór het einde van de termijn "
            f"({fd(deadline.date, 'nl')}) en zonder oordeel: te vroeg; de houder heeft nog tijd (R20, R12).",
            f"Filed with the Geschillencommissie on {fd(filed, 'en')}, before the term ended "
            f"({fd(deadline.date, 'en')}) and without a judgement: premature; the provider still has time "
            "(R20, R12).",
        )
    # A1: the gap between calendar and ATW date exists only while the policy relies on the ATW (or
    # leaves it open); under atw_mode 'never' the term ends on the calendar date for access too.
    if filed <= atw and deadline.date != cal:
        return RuleResult.fire(
            "undetermined",
            f"Ingediend op {fd(filed, 'nl')}: na de kalenderdatum ({fd(cal, 'nl')}) maar binnen de Atw-datum "
            f"({fd(atw, 'nl')}) van de termijn. Of de Algemene termijnenwet de voorwaarde van rechtstreekse "
            "toegang verlengt, staat niet vast (A1).",
            f"Filed on {fd(filed, 'en')}: after the calendar date ({fd(cal, 'en')}) but within the ATW date "
            f"({fd(atw, 'en')}) of the term. Whether the Algemene termijnenwet extends the direct-access "
            "condition is not settled (A1).",
            flags=[
                flag(
                    "ATW_GAP",
                    "De indiening valt tussen de kalenderdatum en de Atw-datum van de termijn (A1).",
                    "The filing falls between the calendar date and the ATW date of the term (A1).",
                    ambiguity="A1",
                )
            ],
        )
    return _direct(f, deadline.date, late_on=None)


def _direct(f: Facts, last: dt.date, *, late_on: dt.date | None) -> RuleResult:
    if late_on is None:
        nl = f"Geen oordeel binnen de termijn (uiterste dag {fd(last, 'nl')}): "
        nl += "de ouder mag rechtstreeks naar de "
        en = f"No judgement within the term (last day {fd(last, 'en')}): the parent may go directly to the "
    else:
        nl = (
            f"Het oordeel kwam te laat ({fd(late_on, 'nl')}; uiterste dag {fd(last, 'nl')}): de ouder had "
            "vanaf "
            f"{fd(last + dt.timedelta(days=1), 'nl')} rechtstreeks toegang tot de "
        )
        en = (
            f"The judgement came late ({fd(late_on, 'en')}; last day {fd(last, 'en')}): the parent had "
            "direct "
            f"access from {fd(last + dt.timedelta(days=1), 'en')} to the "
        )
    nl += "Geschillencommissie (R20 sub i)."
    en += "Geschillencommissie (R20 under i)."
    if f.complaint.extension_agreed:
        return RuleResult.fire(
            "needs_human_judgement",
            nl
            + " Maar de termijn is met de ouder verlengd; of de ouder daarmee afstand deed van rechtstreekse "
            "toegang, vraagt een menselijk oordeel (A6).",
            en
            + " But the term was extended with the parent; whether the parent thereby waived direct access "
            "needs human judgement (A6).",
            flags=[_extension_flag()],
        )
    return RuleResult.fire("direct_access", nl, en)


def _extension_flag() -> Flag:
    return flag(
        "EXTENSION_NOT_STATUTORY",
        "Verlenging van de termijn van zes weken heeft geen wettelijke grondslag (art. 1.57b lid 2 sub d; "
        "A6).",
        "Extending the six-week term has no statutory basis (art. 1.57b para. 2 under d; A6).",
        ambiguity="A6",
    )


def _r20_ii(f: Facts) -> RuleResult | None:
    flags = _a12_flags(f)
    if not flags:
        return None
    first = first_filed(f)
    deadline = f.handling
    done, _path = handled_on(f)
    filed = _filed(f)
    completed = (
        first is True
        and deadline is not None
        and ((done is not None and done <= filed) or filed > deadline.date)
    )
    if completed:
        return RuleResult.support(
            "Er zijn aanwijzingen dat eerst intern klagen niet te vergen was, maar de interne route is al "
            "doorlopen of verlopen; zij bepalen de toegang niet (A12).",
            "There are indications that complaining internally first could not be required, but the internal "
            "route is already complete or has run out; they do not decide access (A12).",
            flags=flags,
        )
    return RuleResult.fire(
        "undetermined",
        "De interne route is niet doorlopen, maar er zijn aanwijzingen dat dat in redelijkheid niet van "
        "de ouder "
        "kan worden gevergd. Dat beslist de Geschillencommissie per geval; nooit 'ontvankelijk' op grond "
        "hiervan (R20 sub ii, A12).",
        "The internal route is not complete, but there are indications that it cannot reasonably be required "
        "of the parent. The Geschillencommissie decides case by case; never 'admissible' on this ground "
        "(R20 under ii, A12).",
        flags=flags,
    )


# --- R21 ------------------------------------------------------------------------------------------


def _r21(f: Facts) -> RuleResult | None:
    from klachtregels.terms import gck_filing_limit

    if first_filed(f) is not True:
        return None
    start, path = twelve_month_start(f)
    if start is None:
        return RuleResult.unknown(
            [path],
            "Onbekend op welke dag de twaalf maanden beginnen (R21, A13).",
            "It is not known on which day the twelve months start (R21, A13).",
            outcome="undetermined",
        )
    limit = gck_filing_limit(start).date
    filed = _filed(f)
    if filed <= limit:
        return RuleResult.support(
            f"Binnen twaalf maanden na indiening bij de houder ingediend (uiterste dag {fd(limit, 'nl')}; "
            "geen "
            "verlenging door de Algemene termijnenwet, R16-R18, R21).",
            f"Filed within twelve months of filing with the provider (last day {fd(limit, 'en')}; no "
            "extension by "
            "the Algemene termijnenwet, R16-R18, R21).",
        )
    filing = f.filing
    if filing is not None and filing.mediation_from is not None:
        until = filing.mediation_until
        if until is None or filed <= limit + (until - filing.mediation_from) + dt.timedelta(days=1):
            return RuleResult.fire(
                "undetermined",
                f"Na de twaalf maanden ingediend (uiterste dag {fd(limit, 'nl')}), maar er was "
                "bemiddeling door "
                "het Klachtenloket; of die de termijn schorst, staat niet vast en is hier beslissend (A13).",
                f"Filed after the twelve months (last day {fd(limit, 'en')}), but the Klachtenloket "
                "mediated; "
                "whether that suspends the term is not settled and is decisive here (A13).",
                flags=[
                    flag(
                        "MEDIATION_SUSPENSION_UNKNOWN",
                        "Of bemiddeling de twaalf maanden schorst, is onbekend (A13).",
                        "Whether mediation suspends the twelve months is unknown (A13).",
                        ambiguity="A13",
                    )
                ],
            )
    return RuleResult.fire(
        "late_if_invoked",
        f"Ingediend na de twaalf maanden (uiterste dag {fd(limit, 'nl')}). De Geschillencommissie "
        "verklaart de "
        "ouder alleen op verzoek van de houder niet-ontvankelijk, en kan verschoonbare omstandigheden "
        "aannemen (R21, A13).",
        f"Filed after the twelve months (last day {fd(limit, 'en')}). The Geschillencommissie declares "
        "the parent "
        "inadmissible only at the provider's request, and may accept excusable circumstances (R21, A13).",
        flags=[
            flag(
                "LATE_IF_INVOKED",
                "Te laat als de houder zich erop beroept; niet vanzelf niet-ontvankelijk (A13).",
                "Late if the provider invokes it; not inadmissible by itself (A13).",
                ambiguity="A13",
            )
        ],
    )


def _r26(f: Facts) -> RuleResult:
    return RuleResult.support(
        "Het Klachtenloket Kinderopvang is facultatief: wie het overslaat, blijft ontvankelijk (R26).",
        "The Klachtenloket Kinderopvang is optional: skipping it does not affect admissibility (R26).",
    )


# --- R25 ------------------------------------------------------------------------------------------


def _r25(f: Facts) -> RuleResult:
    flags = []
    if f.policy.oudercommissie_internal_route:
        flags.append(
            flag(
                "OUDERCOMMISSIE_INTERNAL_ROUTE",
                "Het beleid biedt een vrijwillige interne route; die is geen voorwaarde (R25).",
                "The policy offers a voluntary internal route; it is not a condition (R25).",
            )
        )
    return RuleResult.support(
        "Een geschil van de oudercommissie over de toepassing van art. 1.60 gaat rechtstreeks naar de "
        "Geschillencommissie, zonder interne procedure; zij toetst marginaal (art. 1.57c lid 1 sub b, R25).",
        "An oudercommissie dispute about how art. 1.60 was applied goes directly to the Geschillencommissie, "
        "without an internal procedure; it tests marginally (art. 1.57c para. 1 under b, R25).",
        flags=flags,
    )


def _r25_competent(f: Facts) -> RuleResult:
    competent = None if f.filing is None else f.filing.competent_body
    if competent is None:
        return RuleResult.unknown(
            ["filing.competent_body"],
            "Onbekend of het bevoegde orgaan het geschil indiende (bijv. niet een lokale voorzitter "
            "namens de "
            "centrale oudercommissie, R25).",
            "It is not known whether the competent body filed the dispute (not, for example, a local "
            "chair for "
            "the central oudercommissie, R25).",
            outcome="undetermined",
        )
    if not competent:
        return RuleResult.fire(
            "inadmissible",
            "Het geschil is niet ingediend door het bevoegde orgaan: niet-ontvankelijk (R25; GCK 2021).",
            "The dispute was not filed by the competent body: inadmissible (R25; GCK 2021).",
        )
    return RuleResult.support(
        "Ingediend door het bevoegde orgaan (R25).", "Filed by the competent body (R25)."
    )


def _r25_advice(f: Facts) -> RuleResult:
    given = None if f.filing is None else f.filing.advice_given_in_time
    if given is None:
        return RuleResult.unknown(
            ["filing.advice_given_in_time"],
            "Onbekend of de oudercommissie binnen de gestelde termijn advies uitbracht (R25).",
            "It is not known whether the oudercommissie gave its advice within the set term (R25).",
            outcome="undetermined",
        )
    if not given:
        return RuleResult.fire(
            "inadmissible",
            "De oudercommissie bracht geen advies uit binnen de gestelde termijn: er is geen besluit om "
            "te toetsen; "
            "voor dat deel niet-ontvankelijk (R25; GCK 2023).",
            "The oudercommissie gave no advice within the set term: there is no decision to test; "
            "inadmissible "
            "for that part (R25; GCK 2023).",
        )
    return RuleResult.support(
        "De oudercommissie bracht tijdig advies uit (art. 1.60 lid 2).",
        "The oudercommissie gave its advice in time (art. 1.60 para. 2).",
    )


GCK_ACCESS_RULES: tuple[Rule[Facts], ...] = (
    r1_gate("gck_access"),
    Rule(
        id="R24",
        title_nl="Buiten de Geschillencommissie: gastouder persoonlijk, letselschade, alleen wanbetaling",
        title_en="Outside the Geschillencommissie: gastouder personally, personal injury, non-payment only",
        citations=(_WKO_157C_1A, _GCK_EXCL),
        decision="gck_access",
        function=_r24,
        outcomes=("redirect",),
        source=Source.GCK,
        ambiguities=("A15",),
    ),
    Rule(
        id="R20",
        title_nl="Eerst intern klagen bij de houder",
        title_en="Complain to the provider first",
        citations=(_WKO_157C_1A, _GCK_FIRST),
        decision="gck_access",
        function=_r20,
        outcomes=("inadmissible", "undetermined"),
        source=Source.GCK,
    ),
    Rule(
        id="R20-i",
        title_nl="Rechtstreekse toegang: geen tijdig oordeel binnen zes weken",
        title_en="Direct access: no timely judgement within six weeks",
        citations=(_WKO_157B_2D, _GCK_DIRECT),
        decision="gck_access",
        function=_r20_i,
        outcomes=("direct_access", "premature", "undetermined", "needs_human_judgement"),
        source=Source.GCK,
        ambiguities=("A1", "A5", "A6"),
    ),
    Rule(
        id="R20-ii",
        title_nl="Rechtstreekse toegang: eerst intern klagen niet te vergen",
        title_en="Direct access: complaining internally first cannot reasonably be required",
        citations=(_GCK_DIRECT,),
        decision="gck_access",
        function=_r20_ii,
        outcomes=("undetermined",),
        overrides=("R20", "R20-i"),
        source=Source.GCK,
        ambiguities=("A12",),
    ),
    Rule(
        id="R21",
        title_nl="Twaalf maanden na indiening bij de houder",
        title_en="Twelve months after filing with the provider",
        citations=(_GCK_12M,),
        decision="gck_access",
        function=_r21,
        outcomes=("late_if_invoked", "undetermined"),
        source=Source.GCK,
        ambiguities=("A13",),
    ),
    Rule(
        id="R26",
        title_nl="Klachtenloket Kinderopvang is facultatief",
        title_en="The Klachtenloket Kinderopvang is optional",
        citations=(_KLOKET,),
        decision="gck_access",
        function=_r26,
        source=Source.GCK,
    ),
)

GCK_ACCESS: DecisionSpec[Facts] = DecisionSpec(
    name="gck_access",
    rules=GCK_ACCESS_RULES,
    levels=(
        frozenset({"out_of_temporal_scope"}),
        frozenset({"redirect"}),
        frozenset({"inadmissible"}),
        frozenset({"undetermined"}),
        frozenset({"needs_human_judgement"}),
        frozenset({"late_if_invoked"}),
        frozenset({"direct_access"}),
        frozenset({"premature"}),
        frozenset({"admissible"}),
    ),
    default="admissible",
    cumulative=True,
)

GCK_OC_ACCESS_RULES: tuple[Rule[Facts], ...] = (
    r1_gate("gck_access"),
    Rule(
        id="R25",
        title_nl="Oudercommissie: rechtstreeks naar de Geschillencommissie",
        title_en="Oudercommissie: directly to the Geschillencommissie",
        citations=(_WKO_157C_1B, _WKO_160),
        decision="gck_access",
        function=_r25,
    ),
    Rule(
        id="R25-competent",
        title_nl="Oudercommissie: het bevoegde orgaan dient in",
        title_en="Oudercommissie: the competent body files",
        citations=(_WKO_157C_1B, _GCK_OC),
        decision="gck_access",
        function=_r25_competent,
        outcomes=("inadmissible", "undetermined"),
        source=Source.GCK,
    ),
    Rule(
        id="R25-advice",
        title_nl="Oudercommissie: advies binnen de gestelde termijn",
        title_en="Oudercommissie: advice within the set term",
        citations=(cite(WET_KINDEROPVANG, "1.60", 2), _GCK_OC),
        decision="gck_access",
        function=_r25_advice,
        outcomes=("inadmissible", "undetermined"),
        source=Source.GCK,
    ),
)

GCK_OC_ACCESS: DecisionSpec[Facts] = DecisionSpec(
    name="gck_access",
    rules=GCK_OC_ACCESS_RULES,
    levels=(
        frozenset({"out_of_temporal_scope"}),
        frozenset({"inadmissible"}),
        frozenset({"undetermined"}),
        frozenset({"admissible"}),
    ),
    default="admissible",
    cumulative=True,
)
