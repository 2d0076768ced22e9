"""The typed vocabulary of klachtregels: decision kinds, outcomes and flag codes.

Every outcome, status and flag code that a rule can give is a member of one of these enums, so a
typo is a mypy error instead of a silent mismatch. They are :class:`enum.StrEnum`: a member equals
its string value, so the JSON shapes (``"outcome": "eligible"``) do not change and code that
compares with the plain string keeps working.

Finding ids of the compliance checks live with their catalogue
(:class:`klachtregels.compliance.findings.FindingId`), because the catalogue is their source.
"""

from __future__ import annotations

import enum

__all__ = ["CLOCK_MAY_RUN", "ELIGIBLE_OUTCOMES", "DecisionKind", "FlagCode", "Outcome"]


class DecisionKind(enum.StrEnum):
    """Which question a :class:`~klachtregels.engine.Decision` answers."""

    ELIGIBILITY = "eligibility"
    PRECEDENCE = "precedence"
    HANDLING = "handling"
    GCK_ACCESS = "gck_access"
    GCK_OC_ACCESS = "gck_oc_access"
    ANNUAL_REPORT = "annual_report"
    ORGANISATION = "organisation"


class Outcome(enum.StrEnum):
    """Every outcome a decision can have. Which outcomes a decision uses is listed in its spec."""

    # shared by every decision
    UNDETERMINED = "undetermined"
    NEEDS_HUMAN_JUDGEMENT = "needs_human_judgement"
    OUT_OF_TEMPORAL_SCOPE = "out_of_temporal_scope"

    # eligibility (R1-R5)
    ELIGIBLE = "eligible"
    ELIGIBLE_BY_POLICY = "eligible_by_policy"
    NOT_YET = "not_yet"
    NOT_ELIGIBLE = "not_eligible"

    # precedence (R27-R30)
    MELDPLICHT = "meldplicht"
    HOUDER_SUSPECT = "houder_suspect"
    MELDCODE_ROUTE_1 = "meldcode_route_1"
    MELDCODE_ROUTE_3 = "meldcode_route_3"
    NONE = "none"

    # handling status (R6, R12)
    NOT_APPLICABLE = "not_applicable"
    NOT_STARTED = "not_started"
    OPEN_OVERDUE = "open_overdue"
    JUDGED_LATE = "judged_late"
    OPEN_DUE_SOON = "open_due_soon"
    OPEN_ON_TRACK = "open_on_track"
    JUDGED_IN_TIME = "judged_in_time"

    # Geschillencommissie access (R20-R26)
    DIRECT_ACCESS = "direct_access"
    ADMISSIBLE = "admissible"
    PREMATURE = "premature"
    INADMISSIBLE = "inadmissible"
    LATE_IF_INVOKED = "late_if_invoked"
    REDIRECT = "redirect"

    # organisation duties and the annual report (R8-R11, K1-K9)
    MET = "met"
    NOT_MET = "not_met"
    PENDING = "pending"
    NOT_REQUIRED = "not_required"

    @property
    def definite(self) -> bool:
        """False for ``undetermined`` and ``needs_human_judgement``."""
        return self not in _OPEN


_OPEN = frozenset({Outcome.UNDETERMINED, Outcome.NEEDS_HUMAN_JUDGEMENT})

#: Eligibility outcomes under which the complaint procedure runs (R1-R5, A7, A8).
ELIGIBLE_OUTCOMES = frozenset({Outcome.ELIGIBLE, Outcome.ELIGIBLE_BY_POLICY})

#: Eligibility outcomes under which the procedure's terms may run: eligible, or not yet decided (the
#: terms are shown, their consequences wait for the answer). Under the others (``not_eligible``,
#: ``not_yet``, ``out_of_temporal_scope``) neither the statutory terms (R12, R21) nor the house
#: regulation's terms (R7, R17) apply to the complaint.
CLOCK_MAY_RUN = frozenset({*ELIGIBLE_OUTCOMES, Outcome.UNDETERMINED, Outcome.NEEDS_HUMAN_JUDGEMENT})


class FlagCode(enum.StrEnum):
    """Every flag code a decision can carry (an ambiguity exposed, a non-compliance, an indicator)."""

    ADVICE_SUBJECT_NOT_LISTED = "ADVICE_SUBJECT_NOT_LISTED"
    APP_MESSAGE_WRITTEN = "APP_MESSAGE_WRITTEN"
    ATW_DEPENDENT = "ATW_DEPENDENT"
    ATW_GAP = "ATW_GAP"
    ATW_ON_FIXED_DATE = "ATW_ON_FIXED_DATE"
    ATW_UNDETERMINED = "ATW_UNDETERMINED"
    CHANNEL_UNKNOWN = "CHANNEL_UNKNOWN"
    CLOCK_NOT_SUSPENDED_BY_STATUTE = "CLOCK_NOT_SUSPENDED_BY_STATUTE"
    CLOSE_CONFLICTS_WITH_STATUTE = "CLOSE_CONFLICTS_WITH_STATUTE"
    CONDUCT_NOT_BY_PROVIDER = "CONDUCT_NOT_BY_PROVIDER"
    CONSULT_VERTROUWENSINSPECTEUR = "CONSULT_VERTROUWENSINSPECTEUR"
    DEADLINE_PROVISIONAL = "DEADLINE_PROVISIONAL"
    EXTENSION_NOT_STATUTORY = "EXTENSION_NOT_STATUTORY"
    HOUDER_IS_SUSPECT = "HOUDER_IS_SUSPECT"
    HOUDER_SUSPECT_1_51C = "HOUDER_SUSPECT_1_51C"
    HOUSE_SCOPE_NARROWER_THAN_STATUTE = "HOUSE_SCOPE_NARROWER_THAN_STATUTE"
    HOUSE_TERM_EXCEEDED = "HOUSE_TERM_EXCEEDED"
    HYPOTHETICAL_FILING = "HYPOTHETICAL_FILING"
    INVITE_WRITTEN_COMPLAINT = "INVITE_WRITTEN_COMPLAINT"
    JUDGEMENT_NOT_REASONED = "JUDGEMENT_NOT_REASONED"
    JUDGEMENT_NOT_WRITTEN = "JUDGEMENT_NOT_WRITTEN"
    JUDGE_IS_SUBJECT = "JUDGE_IS_SUBJECT"
    KLACHTENLOKET_FAQ_GCK = "KLACHTENLOKET_FAQ_GCK"
    LATE_IF_INVOKED = "LATE_IF_INVOKED"
    MEDIATION_SUSPENSION_UNKNOWN = "MEDIATION_SUSPENSION_UNKNOWN"
    MELDCODE = "MELDCODE"
    MELDCODE_ROUTE_3 = "MELDCODE_ROUTE_3"
    MELDPLICHT_1_51B = "MELDPLICHT_1_51B"
    NON_COMPLIANT_1_57B_2F = "NON_COMPLIANT_1_57B_2F"
    NO_REGULATION = "NO_REGULATION"
    ORAL_BEFORE_WRITTEN = "ORAL_BEFORE_WRITTEN"
    ORAL_ONLY = "ORAL_ONLY"
    OUDERCOMMISSIE_ADVICE_REQUIRED = "OUDERCOMMISSIE_ADVICE_REQUIRED"
    OUDERCOMMISSIE_INTERNAL_ROUTE = "OUDERCOMMISSIE_INTERNAL_ROUTE"
    PARTIAL_JUDGEMENT = "PARTIAL_JUDGEMENT"
    PROSPECTIVE_CLIENT = "PROSPECTIVE_CLIENT"
    PROVIDER_FILED_DISPUTE = "PROVIDER_FILED_DISPUTE"
    PROVISIONAL_CALENDAR = "PROVISIONAL_CALENDAR"
    REDIRECT_COURT = "REDIRECT_COURT"
    REDIRECT_GASTOUDERBUREAU = "REDIRECT_GASTOUDERBUREAU"
    REGISTER_AS_SIGNAL = "REGISTER_AS_SIGNAL"
    REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT = "REMAINING_COMPLAINT_NEEDS_HUMAN_JUDGEMENT"
    REPORT_DUE_DATE_OPEN = "REPORT_DUE_DATE_OPEN"
    ROLE_NOT_NAMED_IN_WKO_1_1 = "ROLE_NOT_NAMED_IN_WKO_1_1"
    ROUTE_GCK_1_57C_LID1B = "ROUTE_GCK_1_57C_LID1B"
    SAFETY_URGENCY = "SAFETY_URGENCY"
    SIGNAL_SUSPECT_NOT_WORKING_PERSON = "SIGNAL_SUSPECT_NOT_WORKING_PERSON"
    SUBJECT_PARTLY_OUTSIDE_STATUTE = "SUBJECT_PARTLY_OUTSIDE_STATUTE"
    TRANSITION_2016 = "TRANSITION_2016"
    VERIFY_LID7 = "VERIFY_LID7"
    VERIFY_REGLEMENT = "VERIFY_REGLEMENT"
    WORKING_METHOD_SCOPE = "WORKING_METHOD_SCOPE"
