"""Eligibility for internal handling: R1 (time), R2 (gastouder), R3 (who), R4 (what), R5 (in writing).

How the outcomes rank (highest first): ``out_of_temporal_scope``, ``not_eligible``,
``undetermined``, ``needs_human_judgement``, ``not_yet``, ``eligible_by_policy``, ``eligible``.
``eligible`` is the default: it is given only when every rule's condition holds, that is when an
ouder (R3) complained in writing (R5) about conduct or the agreement (R4) on or after 2016-01-01 (R1).

Several subjects (R4): a complaint is a statutory complaint when at least one subject is conduct or
the agreement; the other subjects are flagged (``SUBJECT_PARTLY_OUTSIDE_STATUTE``). Without a
statutory subject, the best of the others decides: working method (by policy or A8), then the
oudercommissie route (R25), then outside the statute.
"""

from __future__ import annotations

import datetime as dt

from klachtregels.citations import GCK_REGLEMENT, WET_KINDEROPVANG, cite
from klachtregels.engine import DecisionSpec, Flag, Rule, RuleResult
from klachtregels.model import About, Channel, PartyRole, Subject
from klachtregels.policy import ComplainantScope
from klachtregels.rules._facts import REGIME_START, Facts, fd, flag

__all__ = ["ELIGIBILITY", "ELIGIBILITY_RULES", "r1_gate", "route_flag"]

_WKO_157B_1 = cite(WET_KINDEROPVANG, "1.57b", 1)
_WKO_157B_1A = cite(WET_KINDEROPVANG, "1.57b", 1, "a")
_WKO_157B_1B = cite(WET_KINDEROPVANG, "1.57b", 1, "b")
_WKO_157B_2A = cite(WET_KINDEROPVANG, "1.57b", 2, "a")
_WKO_11 = cite(WET_KINDEROPVANG, "1.1", 1, note="definition of 'ouder'")
_WKO_157C_1B = cite(WET_KINDEROPVANG, "1.57c", 1, "b")
_WVPO = cite(WET_KINDEROPVANG, "1.57b", note="in force from 2016-01-01 (Wet versterking positie ouders)")

_STATUTORY_SUBJECTS = frozenset({Subject.CONDUCT, Subject.AGREEMENT})
_OUTSIDE = frozenset({Subject.OTHER_PARENT, Subject.THIRD_PARTY})

_ROLE_NL = {
    PartyRole.PARENT: "ouder",
    PartyRole.FOSTER_PARENT: "pleegouder",
    PartyRole.STEP_PARENT: "stiefouder (aanverwant in opgaande lijn)",
    PartyRole.GRANDPARENT: "grootouder (bloedverwant in opgaande lijn)",
    PartyRole.FORMER_CLIENT: "ouder van wie de overeenkomst is geëindigd",
    PartyRole.STAFF: "medewerker",
    PartyRole.GASTOUDER: "gastouder",
    PartyRole.PROVIDER: "houder",
    PartyRole.OTHER: "derde",
}
_ROLE_EN = {
    PartyRole.PARENT: "parent",
    PartyRole.FOSTER_PARENT: "foster parent",
    PartyRole.STEP_PARENT: "step-parent (affinity relative in the ascending line)",
    PartyRole.GRANDPARENT: "grandparent (blood relative in the ascending line)",
    PartyRole.FORMER_CLIENT: "parent whose contract has ended",
    PartyRole.STAFF: "member of staff",
    PartyRole.GASTOUDER: "gastouder",
    PartyRole.PROVIDER: "provider",
    PartyRole.OTHER: "third party",
}


def route_flag() -> Flag:
    """The R25 routing flag for oudercommissie disputes (E14)."""
    return flag(
        "ROUTE_GCK_1_57C_LID1B",
        "Geen klacht in de zin van art. 1.57b: een geschil over de toepassing van art. 1.60 gaat "
        "rechtstreeks "
        "naar de Geschillencommissie Kinderopvang (art. 1.57c lid 1 sub b, R25). Een interne route is "
        "vrijwillig.",
        "Not a complaint under art. 1.57b: a dispute about how art. 1.60 was applied goes directly to the "
        "Geschillencommissie Kinderopvang (art. 1.57c para. 1 under b, R25). An internal route is voluntary.",
    )


# --- R1 -------------------------------------------------------------------------------------------


def _r1(f: Facts) -> RuleResult:
    day = f.received
    if day is None:
        return RuleResult.unknown(
            ["complaint.received_on"],
            "Onbekend wanneer de klacht de houder bereikte; daarvan hangt af welk recht geldt (R1).",
            "It is not known when the complaint reached the provider; the applicable law depends on it (R1).",
            outcome="undetermined",
        )
    if day < REGIME_START:
        return RuleResult.fire(
            "out_of_temporal_scope",
            f"De klacht is ontvangen op {fd(day, 'nl')}, vóór 1 januari 2016: het oude regime van de Wet "
            "klachtrecht cliënten zorgsector (klachtencommissie) geldt; dat valt buiten deze bibliotheek.",
            f"The complaint was received on {fd(day, 'en')}, before 1 January 2016: the old regime of the "
            "Wet "
            "klachtrecht cliënten zorgsector (complaints commission) applies; this library does not model "
            "it.",
        )
    return RuleResult.support(
        f"Ontvangen op {fd(day, 'nl')}, op of na 1 januari 2016: art. 1.57b-1.57d Wko gelden.",
        f"Received on {fd(day, 'en')}, on or after 1 January 2016: Wko art. 1.57b-1.57d apply.",
    )


def _r1_gate(f: Facts) -> RuleResult | None:
    day = f.received
    if day is None or day >= REGIME_START:
        return None
    return _r1(f)


def r1_gate(decision: str) -> Rule[Facts]:
    """R1 for another decision: fires only when the complaint predates 2016-01-01."""
    return Rule(
        id="R1",
        title_nl="Tijdsbereik: klachten ontvangen vanaf 1 januari 2016",
        title_en="Temporal scope: complaints received from 1 January 2016",
        citations=(_WVPO,),
        decision=decision,
        function=_r1_gate,
        outcomes=("out_of_temporal_scope",),
        valid_from=dt.date.min,
    )


# --- R2 -------------------------------------------------------------------------------------------


def _r2(f: Facts) -> RuleResult | None:
    if f.complaint.about not in (About.GASTOUDER, About.GASTOUDER_HOUSEMATE):
        return None
    return RuleResult.support(
        "De klacht gaat over een gastouder (of diens huisgenoot): die werkt door tussenkomst van het "
        "gastouderbureau, dus de klachtenregeling van het bureau is van toepassing (R2).",
        "The complaint is about a gastouder (or a housemate): the gastouder works through the bureau, so the "
        "bureau's complaint regulation applies (R2).",
    )


# --- R3 -------------------------------------------------------------------------------------------


def _r3(f: Facts) -> RuleResult:
    role = f.role
    if role is None:
        return RuleResult.unknown(
            ["complainant.role"],
            "Onbekend wie klaagt; alleen een ouder (art. 1.1 Wko) kan een klacht onder art. 1.57b indienen.",
            "It is not known who complains; only an ouder (Wko art. 1.1) can file a complaint under art. "
            "1.57b.",
            outcome="undetermined",
        )
    if role is PartyRole.ANONYMOUS:
        return RuleResult.fire(
            "not_eligible",
            "Anoniem: er is geen aanwijsbare ouder aan wie een oordeel kan worden gezonden. Geen formele "
            "klacht.",
            "Anonymous: there is no identifiable ouder to send a judgement to. Not a formal complaint.",
            flags=[
                flag(
                    "REGISTER_AS_SIGNAL",
                    "Registreer het bericht als signaal en beoordeel het op de meldplicht van art. 1.51b "
                    "(R28).",
                    "Register the message as a signal and triage it for the meldplicht of art. 1.51b (R28).",
                )
            ],
        )
    if role is PartyRole.OUDERCOMMISSIE:
        flags = [route_flag()]
        if f.policy.oudercommissie_internal_route:
            flags.append(
                flag(
                    "OUDERCOMMISSIE_INTERNAL_ROUTE",
                    "Het beleid biedt de oudercommissie vrijwillig een interne klachtroute; die is geen "
                    "voorwaarde voor de Geschillencommissie (R25).",
                    "The policy offers the oudercommissie a voluntary internal route; it is not a "
                    "condition for "
                    "the Geschillencommissie (R25).",
                )
            )
        return RuleResult.fire(
            "not_eligible",
            "De oudercommissie is geen klager onder art. 1.57b; zij heeft een eigen geschillenroute (R25).",
            "The oudercommissie is not a complainant under art. 1.57b; it has its own dispute route (R25).",
            flags=flags,
        )
    if role is PartyRole.PROSPECTIVE_CLIENT:
        if f.policy.include_prospective_clients:
            return RuleResult.fire(
                "eligible_by_policy",
                "Aspirant-klant: de klachtenregeling van de houder staat ook voor hen open (beleid, A7).",
                "Prospective client: the provider's regulation is open to them too (policy, A7).",
            )
        return RuleResult.fire(
            "undetermined",
            "Aspirant-klant zonder overeenkomst: of dit een 'ouder' is voor wie de opvang plaatsvindt, "
            "laat de "
            "wet open en het beleid regelt het niet (A7).",
            "Prospective client without a contract: whether this is an 'ouder' of a child in care is left "
            "open "
            "by the law, and the policy does not cover it (A7).",
            flags=[
                flag(
                    "PROSPECTIVE_CLIENT",
                    "Aspirant-klant: niet gedekt door het beleid (A7).",
                    "Prospective client: not covered by the policy (A7).",
                    ambiguity="A7",
                )
            ],
        )
    if not role.is_statutory_ouder:
        return RuleResult.fire(
            "not_eligible",
            f"De klager is {_ROLE_NL.get(role, role.value)}, geen ouder in de zin van art. 1.1 Wko.",
            f"The complainant is a {_ROLE_EN.get(role, role.value)}, not an ouder under Wko art. 1.1.",
        )
    relation_nl, relation_en = _ROLE_NL[role], _ROLE_EN[role]
    if f.policy.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY:
        party = f.complaint.complainant
        contract = None if party is None else party.contract_party
        if contract is None:
            return RuleResult.unknown(
                ["complainant.contract_party"],
                "Het beleid laat alleen contractpartijen klagen; onbekend of de klager contractpartij is "
                "(A7).",
                "The policy admits contract parties only; it is not known whether the complainant is one "
                "(A7).",
                outcome="undetermined",
            )
        if not contract:
            return RuleResult.fire(
                "undetermined",
                f"De klager is {relation_nl} en dus ouder volgens art. 1.1 Wko, maar geen contractpartij; "
                "het "
                "beleid beperkt de regeling tot contractpartijen. Of dat mag, laat de wet open (A7).",
                f"The complainant is a {relation_en} and so an ouder under Wko art. 1.1, but not a contract "
                "party; the policy restricts the regulation to contract parties. The law leaves open "
                "whether it "
                "may (A7).",
                flags=[
                    flag(
                        "HOUSE_SCOPE_NARROWER_THAN_STATUTE",
                        "Het beleid is smaller dan het wettelijke begrip 'ouder' (A7).",
                        "The policy is narrower than the statutory 'ouder' (A7).",
                        ambiguity="A7",
                    )
                ],
            )
    return RuleResult.support(
        f"De klager is {relation_nl}: een ouder in de zin van art. 1.1 Wko.",
        f"The complainant is a {relation_en}: an ouder under Wko art. 1.1.",
    )


# --- R4 -------------------------------------------------------------------------------------------

_SUBJECT_NL = {
    Subject.CONDUCT: "een gedraging",
    Subject.AGREEMENT: "de overeenkomst",
    Subject.WORKING_METHOD: "de werkwijze of het beleid",
    Subject.OTHER_PARENT: "het gedrag van een andere ouder",
    Subject.THIRD_PARTY: "een derde",
    Subject.ADVISORY_RIGHT: "het adviesrecht van de oudercommissie",
}
_SUBJECT_EN = {
    Subject.CONDUCT: "conduct",
    Subject.AGREEMENT: "the agreement",
    Subject.WORKING_METHOD: "the working method or policy",
    Subject.OTHER_PARENT: "another parent's conduct",
    Subject.THIRD_PARTY: "a third party",
    Subject.ADVISORY_RIGHT: "the oudercommissie's advisory right",
}


def _names(subjects: frozenset[Subject], table: dict[Subject, str], lang: str) -> str:
    items = [table[s] for s in sorted(subjects)]
    joiner = " en " if lang == "nl" else " and "
    return joiner.join(items)


def _r4(f: Facts) -> RuleResult:
    subjects = f.complaint.subjects
    if not subjects:
        return RuleResult.unknown(
            ["complaint.subjects"],
            "Onbekend waarover de klacht gaat (art. 1.57b lid 1: gedraging of overeenkomst).",
            "It is not known what the complaint is about (art. 1.57b para. 1: conduct or the agreement).",
            outcome="undetermined",
        )
    given = frozenset(subjects)
    statutory = given & _STATUTORY_SUBJECTS
    rest = given - statutory
    if statutory:
        flags = []
        if rest:
            flags.append(
                flag(
                    "SUBJECT_PARTLY_OUTSIDE_STATUTE",
                    f"Een deel van de klacht ({_names(rest, _SUBJECT_NL, 'nl')}) valt niet onder art. "
                    "1.57b lid 1; "
                    "behandel het als beleid of verwijs door (A8).",
                    f"Part of the complaint ({_names(rest, _SUBJECT_EN, 'en')}) is not under art. 1.57b "
                    "para. 1; "
                    "handle it by policy or refer it elsewhere (A8).",
                    ambiguity="A8",
                )
            )
        if Subject.ADVISORY_RIGHT in rest:
            flags.append(route_flag())
        return RuleResult.support(
            f"De klacht gaat over {_names(statutory, _SUBJECT_NL, 'nl')}: een wettelijk onderwerp "
            "(art. 1.57b lid 1 sub a-b).",
            f"The complaint is about {_names(statutory, _SUBJECT_EN, 'en')}: a statutory subject "
            "(art. 1.57b para. 1 under a-b).",
            flags=flags,
        )
    if Subject.WORKING_METHOD in given:
        if f.policy.include_working_method:
            return RuleResult.fire(
                "eligible_by_policy",
                "De klacht gaat over de werkwijze of het beleid: niet genoemd in art. 1.57b lid 1, maar de "
                "klachtenregeling van de houder dekt het (A8).",
                "The complaint is about the working method or policy: not named in art. 1.57b para. 1, "
                "but the "
                "provider's regulation covers it (A8).",
            )
        return RuleResult.fire(
            "undetermined",
            "De klacht gaat over de werkwijze of het beleid: niet genoemd in art. 1.57b lid 1, en het beleid "
            "zegt niet of de regeling het dekt (A8).",
            "The complaint is about the working method or policy: not named in art. 1.57b para. 1, and the "
            "policy does not say whether the regulation covers it (A8).",
            flags=[
                flag(
                    "WORKING_METHOD_SCOPE",
                    "Werkwijze/beleid: alleen in behandeling als de klachtenregeling het dekt (A8).",
                    "Working method/policy: handled only if the regulation covers it (A8).",
                    ambiguity="A8",
                )
            ],
        )
    if Subject.ADVISORY_RIGHT in given:
        return RuleResult.fire(
            "not_eligible",
            "De klacht gaat over het adviesrecht van de oudercommissie (art. 1.60): geen onderwerp van "
            "art. 1.57b.",
            "The complaint is about the oudercommissie's advisory right (art. 1.60): not a subject of "
            "art. 1.57b.",
            flags=[route_flag()],
        )
    return RuleResult.fire(
        "not_eligible",
        f"De klacht gaat over {_names(given & _OUTSIDE, _SUBJECT_NL, 'nl')}: buiten art. 1.57b lid 1 (R4).",
        f"The complaint is about {_names(given & _OUTSIDE, _SUBJECT_EN, 'en')}: outside art. 1.57b para. "
        "1 (R4).",
    )


# --- R5 -------------------------------------------------------------------------------------------


def _oral_flag(f: Facts) -> list[Flag]:
    oral, received = f.complaint.oral_first_on, f.received
    if oral is None or received is None:
        return []
    oral_day = oral.date() if isinstance(oral, dt.datetime) else oral
    if oral_day == received:
        return []
    return [
        flag(
            "ORAL_BEFORE_WRITTEN",
            f"Eerder mondeling geklaagd op {fd(oral_day, 'nl')}; de schriftelijke klacht kwam op "
            f"{fd(received, 'nl')}. De termijn van zes weken loopt vanaf de schriftelijke klacht (A4, A13).",
            f"An oral complaint came first, on {fd(oral_day, 'en')}; the written one on "
            f"{fd(received, 'en')}. "
            "The six-week term runs from the written complaint (A4, A13).",
            ambiguity="A4",
        )
    ]


def _r5(f: Facts) -> RuleResult:
    channel = f.complaint.channel
    if channel is None:
        return RuleResult.unknown(
            ["complaint.channel"],
            "Onbekend hoe de klacht binnenkwam; de procedure begint pas met een schriftelijke klacht (R5).",
            "It is not known how the complaint came in; the procedure starts only with a written "
            "complaint (R5).",
            outcome="undetermined",
        )
    invite = flag(
        "INVITE_WRITTEN_COMPLAINT",
        "Nodig de ouder uit de klacht schriftelijk in te dienen; de termijn van zes weken loopt nog niet.",
        "Invite the parent to put the complaint in writing; the six-week term has not started.",
    )
    if channel is Channel.ORAL:
        return RuleResult.fire(
            "not_yet",
            "Alleen mondeling geklaagd: nog geen klacht in de zin van art. 1.57b lid 2 sub a (schriftelijk).",
            "Complained orally only: not yet a complaint under art. 1.57b para. 2 under a (in writing).",
            flags=[invite],
        )
    oral = _oral_flag(f)
    if channel is Channel.LETTER:
        return RuleResult.support(
            "Schriftelijk ingediend (brief).",
            "Submitted in writing (letter).",
            flags=oral,
        )
    if channel in (Channel.EMAIL, Channel.WEB_FORM):
        how_nl = "e-mail" if channel is Channel.EMAIL else "webformulier"
        how_en = "e-mail" if channel is Channel.EMAIL else "web form"
        if f.policy.electronic_counts_as_written:
            return RuleResult.support(
                f"Ingediend per {how_nl}: geldt als schriftelijk (A9).",
                f"Submitted by {how_en}: counts as written (A9).",
                flags=oral,
            )
        return RuleResult.fire(
            "not_yet",
            f"Ingediend per {how_nl}; volgens het beleid geldt dat niet als schriftelijk (A9).",
            f"Submitted by {how_en}; under the policy that does not count as written (A9).",
            flags=[invite],
        )
    # App message (A9).
    setting = f.policy.app_messages_count_as_written
    if setting is None:
        return RuleResult.fire(
            "needs_human_judgement",
            "Ingediend via een app-bericht; of dat schriftelijk is, laten wet en beleid open (A9).",
            "Submitted as an app message; whether that is 'in writing' is left open by law and policy (A9).",
            flags=[
                flag(
                    "APP_MESSAGE_WRITTEN",
                    "Beoordeel of het app-bericht als schriftelijke klacht geldt, of vraag om een "
                    "schriftelijke "
                    "klacht (A9).",
                    "Decide whether the app message counts as a written complaint, or ask for one in "
                    "writing (A9).",
                    ambiguity="A9",
                )
            ],
        )
    if setting:
        return RuleResult.fire(
            "eligible_by_policy",
            "Ingediend via een app-bericht; het beleid laat dat als schriftelijk gelden (A9).",
            "Submitted as an app message; the policy counts that as written (A9).",
            flags=oral,
        )
    return RuleResult.fire(
        "not_yet",
        "Ingediend via een app-bericht; volgens het beleid geldt dat niet als schriftelijk (A9).",
        "Submitted as an app message; under the policy that does not count as written (A9).",
        flags=[invite],
    )


ELIGIBILITY_RULES: tuple[Rule[Facts], ...] = (
    Rule(
        id="R1",
        title_nl="Tijdsbereik: klachten ontvangen vanaf 1 januari 2016",
        title_en="Temporal scope: complaints received from 1 January 2016",
        citations=(_WVPO,),
        decision="eligibility",
        function=_r1,
        outcomes=("out_of_temporal_scope", "undetermined"),
        valid_from=dt.date.min,
    ),
    Rule(
        id="R2",
        title_nl="Gastouder: klacht via de regeling van het gastouderbureau",
        title_en="Gastouder: complaint under the bureau's regulation",
        citations=(
            _WKO_157B_1,
            cite(GCK_REGLEMENT, note="GCK-site: no disputes against a gastouder personally"),
        ),
        decision="eligibility",
        function=_r2,
    ),
    Rule(
        id="R3",
        title_nl="Wie mag klagen: de ouder (art. 1.1 Wko)",
        title_en="Who may complain: the ouder (Wko art. 1.1)",
        citations=(_WKO_11, _WKO_157B_1),
        decision="eligibility",
        function=_r3,
        outcomes=("not_eligible", "eligible_by_policy", "undetermined"),
        ambiguities=("A7",),
    ),
    Rule(
        id="R4",
        title_nl="Onderwerp: gedraging of overeenkomst",
        title_en="Subject: conduct or the agreement",
        citations=(_WKO_157B_1A, _WKO_157B_1B, _WKO_157C_1B),
        decision="eligibility",
        function=_r4,
        outcomes=("not_eligible", "eligible_by_policy", "undetermined"),
        ambiguities=("A8",),
    ),
    Rule(
        id="R5",
        title_nl="Schriftelijk ingediend",
        title_en="Submitted in writing",
        citations=(_WKO_157B_2A,),
        decision="eligibility",
        function=_r5,
        outcomes=("not_yet", "eligible_by_policy", "needs_human_judgement", "undetermined"),
        ambiguities=("A4", "A9"),
    ),
)

ELIGIBILITY: DecisionSpec[Facts] = DecisionSpec(
    name="eligibility",
    rules=ELIGIBILITY_RULES,
    levels=(
        frozenset({"out_of_temporal_scope"}),
        frozenset({"not_eligible"}),
        frozenset({"undetermined"}),
        frozenset({"needs_human_judgement"}),
        frozenset({"not_yet"}),
        frozenset({"eligible_by_policy"}),
        frozenset({"eligible"}),
    ),
    default="eligible",
)
