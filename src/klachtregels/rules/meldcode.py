"""Precedence of the meldcode and the meldplicht over the complaint procedure: R27-R30 (A10, A11).

The decision is *cumulative*: every signal's duty stands, and the ranking only picks the headline
outcome. Highest first: ``meldplicht`` (1.51b: the provider consults the vertrouwensinspecteur
without delay), ``houder_suspect`` (1.51c), ``meldcode_route_1`` (signals at home, 1.51a),
``meldcode_route_3`` (sexual behaviour between children, a house route), ``needs_human_judgement``
(an ambiguous signal, A11), ``undetermined`` (signals not assessed), ``none``.

Whatever the outcome, R29 says whether the six-week clock keeps running (it does: the statute
suspends nothing) and the policy rule says what the house does with the rest of the complaint.
"""

from __future__ import annotations

import datetime as dt

from klachtregels.citations import MELDCODE_BESLUIT, WET_KINDEROPVANG, cite
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult, Source
from klachtregels.model import SignalKind
from klachtregels.policy import AfterMeldcode
from klachtregels.rules._facts import MELDCODE_START, REGIME_START, Facts, fd, flag

__all__ = ["PRECEDENCE", "PRECEDENCE_RULES"]

_WKO_151A = cite(WET_KINDEROPVANG, "1.51a")
_WKO_151B_1 = cite(WET_KINDEROPVANG, "1.51b", 1)
_WKO_151B_2 = cite(WET_KINDEROPVANG, "1.51b", 2)
_WKO_151C = cite(WET_KINDEROPVANG, "1.51c")
_WKO_157B_2D = cite(WET_KINDEROPVANG, "1.57b", 2, "d")
_BESLUIT_2 = cite(MELDCODE_BESLUIT, "2")
_HOUSE = cite(
    WET_KINDEROPVANG, "1.51a", note="meldcode routes: branch meldcode kinderopvang (house practice, R30)"
)


def _kinds(f: Facts) -> frozenset[SignalKind] | None:
    signals = f.complaint.signals
    return None if signals is None else frozenset(s.kind for s in signals)


def _pre2013(f: Facts) -> RuleResult | None:
    if not f.complaint.signals:
        return None
    return RuleResult.fire(
        "undetermined",
        "De signalen dateren van vóór 1 juli 2013, toen art. 1.51a-1.51c Wko nog niet golden; dat recht valt "
        "buiten deze bibliotheek.",
        "The signals predate 1 July 2013, before Wko art. 1.51a-1.51c took effect; that law is not modelled.",
    )


def _r28(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.SUSPECTED_OFFENCE_BY_STAFF not in kinds:
        return None
    return RuleResult.fire(
        "meldplicht",
        "Mogelijk een zedendelict of mishandeling door een werkzame persoon (of gastouder of huisgenoot): de "
        "houder overlegt onverwijld met de vertrouwensinspecteur; bij een redelijk vermoeden doet hij "
        "onverwijld aangifte en informeert hij de vertrouwensinspecteur (art. 1.51b).",
        "A possible sexual offence or assault by a person working there (or a gastouder or housemate): the "
        "provider consults the vertrouwensinspecteur without delay; on a reasonable suspicion it reports to "
        "the police without delay and informs the vertrouwensinspecteur (art. 1.51b).",
        flags=[
            flag(
                "MELDPLICHT_1_51B",
                "Overleg onverwijld met de vertrouwensinspecteur (Inspectie van het Onderwijs); de klacht "
                "kan "
                "een melding niet tegenhouden of uitstellen.",
                "Consult the vertrouwensinspecteur (Inspectie van het Onderwijs) without delay; the "
                "complaint "
                "cannot stop or defer a report.",
            )
        ],
    )


def _r28c(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.SUSPECTED_OFFENCE_BY_PROVIDER not in kinds:
        return None
    return RuleResult.fire(
        "houder_suspect",
        "De houder (een natuurlijk persoon) is mogelijk zelf de dader: een werknemer of gastouder kan "
        "overleggen "
        "met de vertrouwensinspecteur en doet bij een redelijk vermoeden aangifte (art. 1.51c).",
        "The provider (a natural person) may be the offender: an employee or gastouder may consult the "
        "vertrouwensinspecteur and reports to the police on a reasonable suspicion (art. 1.51c).",
        flags=[
            flag(
                "HOUDER_SUSPECT_1_51C",
                "De houder is verdachte: de klacht kan niet door of namens de houder worden beoordeeld.",
                "The provider is the suspect: the complaint cannot be judged by or for the provider.",
            )
        ],
    )


def _route1(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.ABUSE_AT_HOME not in kinds:
        return None
    return RuleResult.fire(
        "meldcode_route_1",
        "Signalen van huiselijk geweld of kindermishandeling thuis: de meldcode (route 1) volgt haar "
        "stappen; "
        "een klacht kan een melding niet tegenhouden (art. 1.51a; Besluit meldcode art. 2).",
        "Signs of domestic violence or child abuse at home: the meldcode (route 1) runs its steps; a "
        "complaint "
        "cannot stop a report (art. 1.51a; Besluit meldcode art. 2).",
        flags=[
            flag(
                "MELDCODE",
                "Volg de meldcode huiselijk geweld en kindermishandeling; de klacht over de manier van "
                "handelen "
                "kan daarnaast worden behandeld.",
                "Follow the meldcode for domestic violence and child abuse; a complaint about how it was "
                "handled "
                "can be dealt with alongside it.",
            )
        ],
    )


def _route3(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.SEXUAL_BEHAVIOUR_BETWEEN_CHILDREN not in kinds:
        return None
    return RuleResult.fire(
        "meldcode_route_3",
        "Seksueel grensoverschrijdend gedrag tussen kinderen: route 3 van de branchemeldcode (huisroute, "
        "geen "
        "meldplicht van art. 1.51b).",
        "Sexually transgressive behaviour between children: route 3 of the sector meldcode (a house "
        "route, not "
        "the meldplicht of art. 1.51b).",
        flags=[
            flag(
                "MELDCODE_ROUTE_3",
                "Volg route 3 van de meldcode; een klacht over het toezicht is een gewone klacht over een "
                "gedraging.",
                "Follow meldcode route 3; a complaint about supervision is an ordinary complaint about "
                "conduct.",
            )
        ],
    )


def _a11(f: Facts) -> RuleResult | None:
    kinds = _kinds(f)
    if kinds is None or SignalKind.AMBIGUOUS not in kinds:
        return None
    return RuleResult.fire(
        "needs_human_judgement",
        "Een signaal dat mogelijk een vermoeden is: de drempel van 'mogelijk' (art. 1.51b) is laag en "
        "feitelijk. "
        "Overleg met de vertrouwensinspecteur en laat een mens wegen (A11).",
        "A signal that may be a suspicion: the 'may' threshold of art. 1.51b is low and factual. Consult the "
        "vertrouwensinspecteur and let a person weigh it (A11).",
        flags=[
            flag(
                "CONSULT_VERTROUWENSINSPECTEUR",
                "Twijfel over het signaal: overleg met de vertrouwensinspecteur; niet wegstrepen op "
                "trefwoorden.",
                "Doubt about the signal: consult the vertrouwensinspecteur; do not dismiss it on keywords.",
                ambiguity="A11",
            )
        ],
    )


def _triage(f: Facts) -> RuleResult:
    signals = f.complaint.signals
    if signals is not None:
        return RuleResult.support(
            f"Signalen beoordeeld: {len(signals)} gevonden (R28)."
            if signals
            else "Signalen beoordeeld: geen (R28).",
            f"Signals assessed: {len(signals)} found (R28)." if signals else "Signals assessed: none (R28).",
        )
    return RuleResult.unknown(
        ["complaint.signals"],
        "Niet vastgesteld of de klacht signalen van geweld of misbruik bevat; beoordeel dat eerst (R28).",
        "Not assessed whether the complaint carries signs of violence or abuse; assess that first (R28).",
        outcome="undetermined",
    )


def _r29(f: Facts) -> RuleResult:
    signals = f.complaint.signals
    deadline = f.handling
    when_nl = f" (uiterste dag {fd(deadline.date, 'nl')})" if deadline is not None else ""
    when_en = f" (last day {fd(deadline.date, 'en')})" if deadline is not None else ""
    if signals is None:
        return RuleResult.support(
            f"Of er signalen zijn, is onbekend; de termijn van zes weken loopt hoe dan ook door{when_nl}: "
            "de wet "
            "schort niets op (R29).",
            f"Whether there are signals is unknown; the six-week term runs regardless{when_en}: the statute "
            "suspends nothing (R29).",
            flags=[_clock_flag()],
        )
    if not signals:
        return RuleResult.support(
            f"Geen signalen: de gewone klachtprocedure loopt; de termijn van zes weken loopt{when_nl}.",
            f"No signals: the ordinary complaint procedure applies; the six-week term runs{when_en}.",
        )
    return RuleResult.support(
        "De plichten van art. 1.51a-1.51c gaan voor, maar de wet schort de termijn van zes weken van "
        f"art. 1.57b lid 2 sub d niet op: die loopt door{when_nl} (R29).",
        "The duties of art. 1.51a-1.51c come first, but the statute does not suspend the six-week term of "
        f"art. 1.57b para. 2 under d: it keeps running{when_en} (R29).",
        flags=[_clock_flag()],
    )


def _clock_flag() -> Flag:
    return flag(
        "CLOCK_NOT_SUSPENDED_BY_STATUTE",
        "De termijn van zes weken loopt door; de wet kent geen opschorting (A10).",
        "The six-week term keeps running; the statute has no suspension (A10).",
        ambiguity="A10",
    )


def _after_meldcode(f: Facts) -> RuleResult | None:
    if not f.complaint.signals:
        return None
    remaining = flag(
        "REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT",
        "Hoe de rest van de klacht (gedraging, werkwijze, overeenkomst) naast de meldcode wordt "
        "behandeld, vraagt "
        "een menselijk oordeel (A10).",
        "How the rest of the complaint (conduct, working method, agreement) is handled alongside the "
        "meldcode "
        "needs human judgement (A10).",
        ambiguity="A10",
    )
    if f.policy.after_meldcode is AfterMeldcode.CLOSE:
        return RuleResult.support(
            "Het beleid 'sluit' de klachtprocedure zodra de meldcode of meldplicht in werking treedt. Dat "
            "botst "
            "met de wettelijke plicht van art. 1.57b lid 2 sub d-e, tenzij de ouder binnen zes weken toch "
            "een "
            "schriftelijk en gemotiveerd oordeel krijgt (A10).",
            "The policy 'closes' the complaint procedure once the meldcode or meldplicht takes over. That "
            "conflicts with the statutory duty of art. 1.57b para. 2 under d-e, unless the parent still "
            "gets a "
            "written, reasoned judgement within six weeks (A10).",
            flags=[
                remaining,
                flag(
                    "CLOSE_CONFLICTS_WITH_STATUTE",
                    "'Afsluiten' ontslaat niet van het oordeel binnen zes weken (art. 1.57b lid 2 sub d-e).",
                    "'Closing' does not release the provider from the judgement within six weeks "
                    "(art. 1.57b para. 2 under d-e).",
                    ambiguity="A10",
                ),
            ],
        )
    return RuleResult.support(
        "Het beleid hervat de behandeling van de resterende klacht nadat de stappen van de meldcode zijn "
        "doorlopen; het oordeel blijft binnen zes weken verschuldigd (A10).",
        "The policy resumes handling the rest of the complaint once the meldcode steps are done; the "
        "judgement "
        "is still due within six weeks (A10).",
        flags=[remaining],
    )


PRECEDENCE_RULES: tuple[Rule[Facts], ...] = (
    Rule(
        id="R28-triage",
        title_nl="Signalen beoordeeld?",
        title_en="Signals assessed?",
        citations=(_WKO_151B_1,),
        decision="precedence",
        function=_triage,
        outcomes=("undetermined",),
        valid_from=dt.date.min,
    ),
    Rule(
        id="R28-pre",
        title_nl="Vóór 1 juli 2013: art. 1.51a-1.51c nog niet in werking",
        title_en="Before 1 July 2013: art. 1.51a-1.51c not yet in force",
        citations=(_WKO_151A, _WKO_151B_1),
        decision="precedence",
        function=_pre2013,
        outcomes=("undetermined",),
        valid_from=dt.date.min,
        valid_to=MELDCODE_START - dt.timedelta(days=1),
        ambiguities=("A20",),
    ),
    Rule(
        id="R28",
        title_nl="Meldplicht: overleg met de vertrouwensinspecteur (art. 1.51b)",
        title_en="Meldplicht: consult the vertrouwensinspecteur (art. 1.51b)",
        citations=(_WKO_151B_1, _WKO_151B_2),
        decision="precedence",
        function=_r28,
        outcomes=("meldplicht",),
        valid_from=MELDCODE_START,
    ),
    Rule(
        id="R28-1.51c",
        title_nl="De houder is verdachte (art. 1.51c)",
        title_en="The provider is the suspect (art. 1.51c)",
        citations=(_WKO_151C,),
        decision="precedence",
        function=_r28c,
        outcomes=("houder_suspect",),
        valid_from=MELDCODE_START,
    ),
    Rule(
        id="R27",
        title_nl="Meldcode route 1: signalen thuis (art. 1.51a)",
        title_en="Meldcode route 1: signals at home (art. 1.51a)",
        citations=(_WKO_151A, _BESLUIT_2),
        decision="precedence",
        function=_route1,
        outcomes=("meldcode_route_1",),
        valid_from=MELDCODE_START,
    ),
    Rule(
        id="R30",
        title_nl="Meldcode route 3: seksueel gedrag tussen kinderen (huisroute)",
        title_en="Meldcode route 3: sexual behaviour between children (house route)",
        citations=(_HOUSE,),
        decision="precedence",
        function=_route3,
        outcomes=("meldcode_route_3",),
        valid_from=MELDCODE_START,
        source=Source.PRACTICE,
    ),
    Rule(
        id="R28-A11",
        title_nl="Twijfelachtig signaal: mens weegt, na overleg (A11)",
        title_en="Ambiguous signal: a person weighs it, after consultation (A11)",
        citations=(_WKO_151B_1,),
        decision="precedence",
        function=_a11,
        outcomes=("needs_human_judgement",),
        valid_from=MELDCODE_START,
        ambiguities=("A11",),
    ),
    Rule(
        id="R29",
        title_nl="Voorrang zonder opschorting: de termijn van zes weken loopt door",
        title_en="Precedence without suspension: the six-week term keeps running",
        citations=(_WKO_151B_1, _WKO_157B_2D),
        decision="precedence",
        function=_r29,
        valid_from=REGIME_START,
        ambiguities=("A10",),
    ),
    Rule(
        id="R29-policy",
        title_nl="Wat het beleid doet met de rest van de klacht",
        title_en="What the policy does with the rest of the complaint",
        citations=(_WKO_157B_2D, cite(WET_KINDEROPVANG, "1.57b", 2, "e")),
        decision="precedence",
        function=_after_meldcode,
        valid_from=REGIME_START,
        source=Source.POLICY,
        ambiguities=("A10",),
    ),
)

PRECEDENCE: DecisionSpec[Facts] = DecisionSpec(
    name="precedence",
    rules=PRECEDENCE_RULES,
    levels=(
        frozenset({"meldplicht"}),
        frozenset({"houder_suspect"}),
        frozenset({"meldcode_route_1"}),
        frozenset({"meldcode_route_3"}),
        frozenset({"needs_human_judgement"}),
        frozenset({"undetermined"}),
        frozenset({"none"}),
    ),
    default="none",
    cumulative=True,
)
