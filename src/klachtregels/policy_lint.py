"""``policy lint``: does an organisation policy stay within the law?

A :class:`~klachtregels.policy.Policy` may only fill what the law leaves open (regulation.md section 8).
:func:`lint_policy` compares each setting with the statutory baseline and reports a
:class:`LintFinding` per point, with the rule it touches (R-id, A-id), the article and a message in
Dutch and English.

Every finding has a :class:`Direction`: which way the setting departs from the statute, seen from the
parent. The direction is data per finding code (:data:`FINDING_SPECS`); the severity and the verdict
sentence of the message both follow from it, so the wording always names the direction:

* **error**: the parent gets less than the statute gives (:attr:`Direction.NARROWER`, a narrower circle
  of complainants or channels; :attr:`Direction.LATER`, a handling term that can run past six weeks), or
  a term cannot work at all (:attr:`Direction.UNUSABLE`). The policy is rejected; ``klachtregels policy
  lint`` exits 1.
* **warning**: the regulation's text gives less than the law but klachtregels keeps the statutory
  outcome (:attr:`Direction.NARROWER_ON_PAPER`), the law is unclear (an A-point) and the setting takes
  the reading that favours the provider (:attr:`Direction.PROVIDER_READING`), a house promise falls
  past the statutory term, or a setting has no effect. A person should look at it.
* **info**: stricter than the law (:attr:`Direction.STRICTER`: a shorter handling term), wider than the
  law (:attr:`Direction.WIDER`: complaints about the working method, prospective clients, carers), within
  what the law leaves open (:attr:`Direction.WITHIN`), or a point of the regulation the policy does not
  state (:attr:`Direction.NOT_STATED`: klachtregels assumes the law). Accepted; reported so the reader
  sees where the house goes beyond the statute and what its text leaves unsaid.

The policy holds the whole regulation (issue 10 point 6): what 1.57b lid 2 a-f requires, the annual
report (lid 4-8), confidentiality (1.57d) and registration, and the escalation route (the Klachtenloket,
the grounds for going straight to the Geschillencommissie). Lint is quiet where the text says what the
law says (or more), says 'not stated' where it is silent, and warns where it says less.

Who may complain is decided by rule R3 alone (:func:`klachtregels.rules.scope.complainant_result`):
lint asks that rule for a few complainants under the policy and under the statutory baseline and reports
the difference, so lint and ``assess`` cannot disagree.

:func:`is_clean` is true when there is no error and no warning: such a policy never makes an outcome
laxer than the statutory one.

Term lengths are compared by the longest time a term can take, in days: ``1 month`` is at most 31 days
(fine), ``2 months`` up to 62 (later than the law), ``30 working days`` 40 to 54 (over 42 around
holidays).
"""

from __future__ import annotations

import enum
import functools
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels import messages
from klachtregels._arguments import instance_argument
from klachtregels._io import one_line
from klachtregels.citations import (
    ATW_1_1,
    ATW_1_1_NOT_PRIVATE,
    ATW_3_3,
    BW_3_37_3,
    GCK_12M,
    GCK_DIRECT,
    GCK_KLACHTGELD,
    KLACHTENLOKET_OPTIONAL,
    WKO_1_1_OUDER,
    WKO_1_51A,
    WKO_1_51B,
    WKO_1_57B_1,
    WKO_1_57B_2,
    WKO_1_57B_2A,
    WKO_1_57B_2D,
    WKO_1_57B_2E,
    WKO_1_57B_4,
    WKO_1_57B_5,
    WKO_1_57B_8,
    WKO_1_57C_1B,
    WKO_1_57C_2,
    WKO_1_57D,
    Citation,
)
from klachtregels.model import PartyRole
from klachtregels.policy import (
    AfterMeldcode,
    AnnualReportToParents,
    AtwMode,
    DirectAccessGround,
    HandledWhen,
    KlachtenloketRole,
    Policy,
    ReceiptRule,
    TwelveMonthStart,
    toml_key,
)
from klachtregels.rules import scope
from klachtregels.rules.organisation import LID_2_PROVISIONS
from klachtregels.severity import Severity
from klachtregels.terms import HANDLING_TERM, Term, term_length_days, within_statutory_handling_term
from klachtregels.vocabulary import FlagCode, Outcome

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = [
    "FINDING_SPECS",
    "LINTED_FIELDS",
    "LINT_SCHEMA",
    "LINT_SCHEMA_VERSION",
    "STATUTORY_HANDLING_DAYS",
    "UNLINTED_FIELDS",
    "Direction",
    "FindingSpec",
    "LintCode",
    "LintFinding",
    "LintReport",
    "Severity",
    "is_clean",
    "lint_policy",
    "term_length_days",
]

#: ``"schema"`` value of :meth:`LintReport.to_dict`.
LINT_SCHEMA: Final = "klachtregels.policy-lint"
#: Bumped on any incompatible change of :meth:`LintReport.to_dict` (keys added: no bump).
LINT_SCHEMA_VERSION: Final = 1
#: The statutory handling term in days: six weeks (Wko art. 1.57b lid 2 sub d, R6, R12), measured by the
#: one term code from the one statutory term (:data:`klachtregels.terms.HANDLING_TERM`).
STATUTORY_HANDLING_DAYS: Final = int(term_length_days(HANDLING_TERM)[1])


# --- direction and codes --------------------------------------------------------------------------


class Direction(enum.StrEnum):
    """Which way a setting departs from the statutory baseline, seen from the parent.

    The direction decides the finding's severity (:attr:`severity`) and its verdict sentence
    (``LINT_DIRECTION_*`` in ``messages/lint.toml``).
    """

    #: The parent gets less than the statute gives: fewer complainants or channels (R3, R5).
    NARROWER = "narrower"
    #: A term can end later than the statute allows (R6): the parent gets less.
    LATER = "later"
    #: The setting cannot work as written (a term counted backwards from a moment that starts it).
    UNUSABLE = "unusable"
    #: The regulation's text gives less than the law, but klachtregels keeps the statutory outcome.
    NARROWER_ON_PAPER = "narrower_on_paper"
    #: The law leaves the point open (an A-point) and the setting takes the provider-friendly reading.
    PROVIDER_READING = "provider_reading"
    #: A house promise that ends after the judgement is due: after the house's handling term, which is
    #: never later than the statutory six weeks (the value's name is kept for the JSON output).
    PAST_STATUTORY_TERM = "past_statutory_term"
    #: The setting changes no outcome (it depends on another setting that is not chosen).
    NO_EFFECT = "no_effect"
    #: Stricter for the provider than the law: the parent gets at least what the statute gives.
    STRICTER = "stricter"
    #: More people, subjects or routes than the statute: the policy gives more.
    WIDER = "wider"
    #: Neither more nor less: the policy fills what the law leaves open, or concerns the house only.
    WITHIN = "within"
    #: The policy does not say what the regulation provides on a point the law fixes: the law applies.
    NOT_STATED = "not_stated"

    @property
    def severity(self) -> Severity:
        """Error when the parent gets less (or the term cannot work), warning when a person should look."""
        return _DIRECTION_SEVERITY[self]

    @property
    def gives_parent_less(self) -> bool:
        """True for :attr:`NARROWER` and :attr:`LATER`: decisions with this setting would deny a parent."""
        return self in _LESS_FOR_PARENT

    def verdict(self, lang: str = "nl") -> str:
        """The verdict sentence, for example ``Beperkter dan de wet: ... Niet toegestaan.``."""
        return messages.text(f"LINT_DIRECTION_{self.name}", lang)


_DIRECTION_SEVERITY: Final = {
    Direction.NARROWER: Severity.ERROR,
    Direction.LATER: Severity.ERROR,
    Direction.UNUSABLE: Severity.ERROR,
    Direction.NARROWER_ON_PAPER: Severity.WARNING,
    Direction.PROVIDER_READING: Severity.WARNING,
    Direction.PAST_STATUTORY_TERM: Severity.WARNING,
    Direction.NO_EFFECT: Severity.WARNING,
    Direction.STRICTER: Severity.INFO,
    Direction.WIDER: Severity.INFO,
    Direction.WITHIN: Severity.INFO,
    Direction.NOT_STATED: Severity.INFO,
}
_LESS_FOR_PARENT: Final = frozenset({Direction.NARROWER, Direction.LATER})


class LintCode(enum.StrEnum):
    """Every finding code :func:`lint_policy` can give (stable; used in JSON and CI)."""

    ANNUAL_REPORT_NOT_ANONYMISED = "ANNUAL_REPORT_NOT_ANONYMISED"
    ANNUAL_REPORT_NOT_TO_GGD = "ANNUAL_REPORT_NOT_TO_GGD"
    ANNUAL_REPORT_NOT_TO_PARENTS = "ANNUAL_REPORT_NOT_TO_PARENTS"
    APP_MESSAGES_NOT_WRITTEN = "APP_MESSAGES_NOT_WRITTEN"
    APP_MESSAGES_WRITTEN = "APP_MESSAGES_WRITTEN"
    ATW_FOLLOWS_REGULATION_TEXT = "ATW_FOLLOWS_REGULATION_TEXT"
    ATW_NEVER = "ATW_NEVER"
    ATW_REGULATION_TEXT_UNKNOWN = "ATW_REGULATION_TEXT_UNKNOWN"
    CARERS_INCLUDED = "CARERS_INCLUDED"
    DIRECT_ACCESS_GROUNDS_MISSING = "DIRECT_ACCESS_GROUNDS_MISSING"
    ELECTRONIC_NOT_WRITTEN = "ELECTRONIC_NOT_WRITTEN"
    EQUATED_DAYS_EXCLUDED = "EQUATED_DAYS_EXCLUDED"
    FILING_DAY_COUNTED = "FILING_DAY_COUNTED"
    GUARDIANS_INCLUDED = "GUARDIANS_INCLUDED"
    HANDLED_WHEN_RECEIVED = "HANDLED_WHEN_RECEIVED"
    HANDLING_TERM_BACKWARDS = "HANDLING_TERM_BACKWARDS"
    HANDLING_TERM_SHORTER = "HANDLING_TERM_SHORTER"
    HANDLING_TERM_TOO_LONG = "HANDLING_TERM_TOO_LONG"
    HOUSE_TERM = "HOUSE_TERM"
    HOUSE_TERM_AFTER_HANDLING_TERM = "HOUSE_TERM_AFTER_HANDLING_TERM"
    HOUSE_TERM_BACKWARDS = "HOUSE_TERM_BACKWARDS"
    JAARVERSLAG_ATW = "JAARVERSLAG_ATW"
    KLACHTENLOKET_REQUIRED = "KLACHTENLOKET_REQUIRED"
    KLACHTGELD_DIFFERS = "KLACHTGELD_DIFFERS"
    KLACHTGELD_UNDATED = "KLACHTGELD_UNDATED"
    KLACHTGELD_UNKNOWN = "KLACHTGELD_UNKNOWN"
    MELDCODE_CLOSES_PROCEDURE = "MELDCODE_CLOSES_PROCEDURE"
    MELDCODE_REFILE_DEFERS_CLOCK = "MELDCODE_REFILE_DEFERS_CLOCK"
    NOT_STATED = "NOT_STATED"
    OUDERCOMMISSIE_INTERNAL_ROUTE = "OUDERCOMMISSIE_INTERNAL_ROUTE"
    PRIVATE_TERM_ATW = "PRIVATE_TERM_ATW"
    PROSPECTIVE_CLIENTS_INCLUDED = "PROSPECTIVE_CLIENTS_INCLUDED"
    RECEIPT_NEXT_WORKING_DAY = "RECEIPT_NEXT_WORKING_DAY"
    REGULATION_APPLIES_ATW_UNUSED = "REGULATION_APPLIES_ATW_UNUSED"
    REGULATION_PROVISION_MISSING = "REGULATION_PROVISION_MISSING"
    SCOPE_EXCLUDES_OUDER = "SCOPE_EXCLUDES_OUDER"
    SCOPE_NARROWER_THAN_OUDER = "SCOPE_NARROWER_THAN_OUDER"
    SUBMISSION_WINDOW_NOT_A_BAR = "SUBMISSION_WINDOW_NOT_A_BAR"
    TWELVE_MONTHS_FROM_FIRST_ANY = "TWELVE_MONTHS_FROM_FIRST_ANY"
    WORKING_METHOD_IN_SCOPE = "WORKING_METHOD_IN_SCOPE"


# --- what each finding is: its direction, rules and citations, as data -----------------------------


@attrs.frozen
class FindingSpec:
    """The fixed part of a finding code: its direction, rule ids and citations."""

    direction: Direction
    #: Rule and ambiguity ids from regulation.md (``("R6",)``, ``("R3", "A7")``).
    rule_ids: tuple[str, ...]
    citations: tuple[Citation, ...] = ()

    @property
    def severity(self) -> Severity:
        """The severity, from the direction."""
        return self.direction.severity


_D = Direction
#: Every finding code with its direction, rule ids and citations. The direction decides severity and
#: verdict; ``tests/test_policy_lint.py`` checks each entry against regulation.md's reading.
FINDING_SPECS: Final[Mapping[LintCode, FindingSpec]] = {
    # R6, R12: the handling term
    LintCode.HANDLING_TERM_BACKWARDS: FindingSpec(_D.UNUSABLE, ("R6",), (WKO_1_57B_2D,)),
    LintCode.HANDLING_TERM_TOO_LONG: FindingSpec(_D.LATER, ("R6",), (WKO_1_57B_2D,)),
    LintCode.HANDLING_TERM_SHORTER: FindingSpec(_D.STRICTER, ("R6",), (WKO_1_57B_2D,)),
    # A1-A5: the ATW and counting. 'apply' already gives the latest date, so no ATW setting is LATER.
    LintCode.ATW_NEVER: FindingSpec(_D.STRICTER, ("A1", "R13"), (ATW_1_1, WKO_1_57B_2D)),
    LintCode.ATW_REGULATION_TEXT_UNKNOWN: FindingSpec(_D.WITHIN, ("A1",), (ATW_1_1,)),
    LintCode.ATW_FOLLOWS_REGULATION_TEXT: FindingSpec(_D.WITHIN, ("A1",), (ATW_1_1,)),
    LintCode.REGULATION_APPLIES_ATW_UNUSED: FindingSpec(_D.NO_EFFECT, ("A1",), (ATW_1_1,)),
    LintCode.EQUATED_DAYS_EXCLUDED: FindingSpec(_D.STRICTER, ("A2", "R15"), (ATW_3_3,)),
    LintCode.FILING_DAY_COUNTED: FindingSpec(_D.STRICTER, ("A3", "R12"), (WKO_1_57B_2D,)),
    LintCode.RECEIPT_NEXT_WORKING_DAY: FindingSpec(
        _D.PROVIDER_READING, ("A4", "R12"), (BW_3_37_3, WKO_1_57B_2D)
    ),
    LintCode.HANDLED_WHEN_RECEIVED: FindingSpec(_D.STRICTER, ("A5", "R6"), (WKO_1_57B_2E,)),
    # R3-R5, A7-A9, R25: who may complain, about what, how. The R3 findings follow from rule R3 itself
    # (_check_complainants): narrower on paper when the rule keeps the statutory ouder eligible but flags
    # the house text, narrower (an error) if the rule ever let a policy deny a statutory ouder.
    LintCode.SCOPE_NARROWER_THAN_OUDER: FindingSpec(
        _D.NARROWER_ON_PAPER, ("R3", "A7"), (WKO_1_1_OUDER, WKO_1_57B_1)
    ),
    LintCode.SCOPE_EXCLUDES_OUDER: FindingSpec(_D.NARROWER, ("R3", "A7"), (WKO_1_1_OUDER, WKO_1_57B_1)),
    LintCode.PROSPECTIVE_CLIENTS_INCLUDED: FindingSpec(_D.WIDER, ("A7",), (WKO_1_57B_1,)),
    LintCode.CARERS_INCLUDED: FindingSpec(_D.WIDER, ("R3", "A7"), (WKO_1_1_OUDER, WKO_1_57B_1)),
    LintCode.GUARDIANS_INCLUDED: FindingSpec(_D.WIDER, ("R3", "A7"), (WKO_1_1_OUDER, WKO_1_57B_1)),
    LintCode.WORKING_METHOD_IN_SCOPE: FindingSpec(_D.WIDER, ("A8", "R4"), (WKO_1_57B_1,)),
    # Error, not warning: all seeds and the model regulation accept e-mail and web forms; a house that
    # refuses them keeps the six-week clock from starting for a complaint the Geschillencommissie counts.
    LintCode.ELECTRONIC_NOT_WRITTEN: FindingSpec(_D.NARROWER, ("R5", "A9"), (WKO_1_57B_2A,)),
    LintCode.APP_MESSAGES_WRITTEN: FindingSpec(_D.WIDER, ("A9", "R5"), (WKO_1_57B_2A,)),
    LintCode.APP_MESSAGES_NOT_WRITTEN: FindingSpec(_D.PROVIDER_READING, ("A9", "R5"), (WKO_1_57B_2A,)),
    LintCode.OUDERCOMMISSIE_INTERNAL_ROUTE: FindingSpec(_D.WIDER, ("R25",), (WKO_1_57C_1B,)),
    # R29, A10. Narrower on paper, not in outcomes: the meldcode/meldplicht duties do come first and the
    # statute does not say how they meet the complaint procedure; decisions never let this setting stop
    # the six-week clock. Closing without a judgement still breaks 1.57b lid 2 d-e.
    LintCode.MELDCODE_CLOSES_PROCEDURE: FindingSpec(
        _D.NARROWER_ON_PAPER, ("R29", "A10"), (WKO_1_51A, WKO_1_51B, WKO_1_57B_2D, WKO_1_57B_2E)
    ),
    # 'Alsnog een interne klacht indienen' (seeds 000, 003): the six weeks would run from a new filing,
    # deferring the clock just as closing does (issue 10 point 6). Decisions keep the original clock.
    LintCode.MELDCODE_REFILE_DEFERS_CLOCK: FindingSpec(
        _D.NARROWER_ON_PAPER, ("R29", "A10"), (WKO_1_51A, WKO_1_57B_2D, WKO_1_57B_2E)
    ),
    # The whole regulation (issue 10 point 6): what the text provides. A provision the text leaves out
    # or denies is narrower on paper (the law still binds the provider; compliance check K2 asks for it);
    # a point it does not address is 'not stated'. Both take rule ids and citations per setting
    # (_PROVISIONS); the spec here holds the generic ones.
    LintCode.REGULATION_PROVISION_MISSING: FindingSpec(_D.NARROWER_ON_PAPER, ("R6",), (WKO_1_57B_2,)),
    LintCode.NOT_STATED: FindingSpec(_D.NOT_STATED, ("R6",), (WKO_1_57B_2,)),
    LintCode.ANNUAL_REPORT_NOT_TO_GGD: FindingSpec(_D.NARROWER_ON_PAPER, ("R9",), (WKO_1_57B_8,)),
    LintCode.ANNUAL_REPORT_NOT_TO_PARENTS: FindingSpec(_D.NARROWER_ON_PAPER, ("R9",), (WKO_1_57B_8,)),
    LintCode.ANNUAL_REPORT_NOT_ANONYMISED: FindingSpec(_D.NARROWER_ON_PAPER, ("R9",), (WKO_1_57B_5,)),
    LintCode.KLACHTENLOKET_REQUIRED: FindingSpec(_D.NARROWER_ON_PAPER, ("R26",), (KLACHTENLOKET_OPTIONAL,)),
    LintCode.DIRECT_ACCESS_GROUNDS_MISSING: FindingSpec(
        _D.NARROWER_ON_PAPER, ("R20",), (GCK_DIRECT, WKO_1_57C_2)
    ),
    # A17: house terms
    LintCode.HOUSE_TERM_BACKWARDS: FindingSpec(_D.UNUSABLE, ("A17",)),
    LintCode.HOUSE_TERM_AFTER_HANDLING_TERM: FindingSpec(
        _D.PAST_STATUTORY_TERM, ("A17", "R6"), (WKO_1_57B_2D,)
    ),
    LintCode.HOUSE_TERM: FindingSpec(_D.WITHIN, ("A17", "R17"), (ATW_1_1_NOT_PRIVATE,)),
    # Narrower on paper: lawful as a request, and decisions never let it bar a statutory complaint
    # (they flag HOUSE_TERM_EXCEEDED). The text may still deter parents.
    LintCode.SUBMISSION_WINDOW_NOT_A_BAR: FindingSpec(
        _D.NARROWER_ON_PAPER, ("A17", "R21"), (WKO_1_57B_1, GCK_12M)
    ),
    LintCode.PRIVATE_TERM_ATW: FindingSpec(_D.WITHIN, ("A17", "R17"), (ATW_1_1_NOT_PRIVATE,)),
    # A13, A16: the dates of the annual report and of the Geschillencommissie
    LintCode.JAARVERSLAG_ATW: FindingSpec(_D.PROVIDER_READING, ("A16", "R9"), (WKO_1_57B_8, ATW_1_1)),
    LintCode.TWELVE_MONTHS_FROM_FIRST_ANY: FindingSpec(_D.PROVIDER_READING, ("A13", "R21"), (GCK_12M,)),
    # A14, R22: klachtgeld (set by the Geschillencommissie, not by the house)
    LintCode.KLACHTGELD_UNKNOWN: FindingSpec(_D.WITHIN, ("A14", "R22"), (GCK_KLACHTGELD,)),
    LintCode.KLACHTGELD_DIFFERS: FindingSpec(_D.WITHIN, ("A14", "R22"), (GCK_KLACHTGELD,)),
    LintCode.KLACHTGELD_UNDATED: FindingSpec(_D.WITHIN, ("A14",), (GCK_KLACHTGELD,)),
}
del _D


# --- findings and report --------------------------------------------------------------------------


@attrs.frozen
class _Euro:
    """An amount of money, written as a reader of each language expects (``50,00 euro``/``EUR 50.00``)."""

    cents: int

    def label(self, lang: str) -> str:
        euros, cents = divmod(self.cents, 100)
        return messages.text("LINT_AMOUNT", lang, euros=euros, cents=f"{cents:02d}")


def _localise(value: object, lang: str) -> object:
    """A parameter in ``lang``: terms and amounts by their own label, fractional days to two decimals."""
    if isinstance(value, Term | _Euro):
        return value.label(lang)
    if isinstance(value, Fraction) and value.denominator != 1:
        whole, hundredths = divmod(round(value * 100), 100)
        return messages.text("LINT_DECIMAL", lang, whole=whole, hundredths=f"{hundredths:02d}")
    return value


@attrs.frozen(kw_only=True)
class LintFinding:
    """One point where a policy departs from (or is unclear against) the statutory baseline.

    Its text is rendered on demand from the catalogue (``messages/lint.toml``): the verdict from its
    :attr:`direction`, the detail from its code and parameters.
    """

    #: Stable upper-case code, such as ``HANDLING_TERM_TOO_LONG``.
    code: LintCode = attrs.field(converter=LintCode)
    #: The setting, as its dotted TOML key (``deadlines.handling_term``).
    setting: str
    #: The setting's value in the policy (JSON-ready: text, bool, number or ``None``).
    value: str | bool | int | None
    #: The catalogue entry of the detail text (``LINT_<CODE>`` unless a code has variants).
    text_code: str
    #: Parameters of the detail text (terms, numbers, flag codes; never personal data).
    params: Mapping[str, object] = attrs.field(factory=dict, eq=False, repr=False)
    #: Rule ids and citations of the clause the finding is about, when they depend on the setting
    #: (``NOT_STATED``, ``REGULATION_PROVISION_MISSING``); ``None``: the code's own (:attr:`spec`).
    basis: tuple[tuple[str, ...], tuple[Citation, ...]] | None = attrs.field(default=None, repr=False)

    @property
    def spec(self) -> FindingSpec:
        """The code's fixed data: direction, rule ids, citations."""
        return FINDING_SPECS[self.code]

    @property
    def direction(self) -> Direction:
        """Which way the setting departs from the statute (decides severity and verdict)."""
        return self.spec.direction

    @property
    def severity(self) -> Severity:
        """Error, warning or info: from the direction."""
        return self.spec.direction.severity

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Rule and ambiguity ids from regulation.md (``("R6",)``, ``("R3", "A7")``)."""
        return self.spec.rule_ids if self.basis is None else self.basis[0]

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Where in the law (or the GCK reglement) the point rests."""
        return self.spec.citations if self.basis is None else self.basis[1]

    def verdict(self, lang: str = "nl") -> str:
        """The verdict: which way the setting departs, and whether that is allowed."""
        return self.direction.verdict(lang)

    def detail(self, lang: str = "nl") -> str:
        """What the setting does and why it matters (no verdict)."""
        lang = messages.check_lang(lang)
        return messages.text(self.text_code, lang, **{k: _localise(v, lang) for k, v in self.params.items()})

    def message(self, lang: str = "nl") -> str:
        """Verdict and detail in Dutch (``nl``) or English (``en``); other languages raise."""
        return f"{self.verdict(lang)} {self.detail(lang)}"

    @property
    def message_nl(self) -> str:
        """``message("nl")`` (read-only, kept for readers of the earlier field)."""
        return self.message("nl")

    @property
    def message_en(self) -> str:
        """``message("en")`` (read-only, kept for readers of the earlier field)."""
        return self.message("en")

    def to_dict(self) -> dict[str, Any]:
        """JSON form (stable keys; ``direction`` and ``verdict`` added without a schema bump)."""
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "direction": self.direction.value,
            "setting": self.setting,
            "value": self.value,
            "rule_ids": list(self.rule_ids),
            "citations": [c.to_dict() for c in self.citations],
            "verdict": {lang: self.verdict(lang) for lang in messages.LANGUAGES},
            "message": {lang: self.message(lang) for lang in messages.LANGUAGES},
        }


@attrs.frozen(kw_only=True)
class LintReport:
    """All findings for one policy, most severe first."""

    #: The policy's name (``smallsteps``).
    policy: str
    title: str
    findings: tuple[LintFinding, ...]

    def of_severity(self, severity: Severity | str) -> tuple[LintFinding, ...]:
        """The findings of one severity."""
        wanted = Severity(severity)
        return tuple(f for f in self.findings if f.severity is wanted)

    @property
    def errors(self) -> tuple[LintFinding, ...]:
        """Findings that reject the policy (the parent gets less than the law, or a term cannot work)."""
        return self.of_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[LintFinding, ...]:
        """Findings a person should look at (narrower on paper, the provider-friendly reading, no effect)."""
        return self.of_severity(Severity.WARNING)

    @property
    def infos(self) -> tuple[LintFinding, ...]:
        """Stricter or wider than the law, or within what it leaves open: accepted, reported."""
        return self.of_severity(Severity.INFO)

    @property
    def ok(self) -> bool:
        """No error: the policy is accepted."""
        return not self.errors

    @property
    def clean(self) -> bool:
        """No error and no warning: outcomes with this policy are never laxer than the statutory ones."""
        return not self.errors and not self.warnings

    def codes(self) -> tuple[LintCode, ...]:
        """The finding codes, in report order."""
        return tuple(f.code for f in self.findings)

    def exit_code(self, fail_on: Severity | str = Severity.ERROR) -> int:
        """1 when a finding is at or above ``fail_on`` (default: error), else 0."""
        level = Severity(fail_on).rank
        return 1 if any(f.severity.rank >= level for f in self.findings) else 0

    def conclusion_code(self) -> str:
        """The catalogue code of the closing line, from the findings' directions."""
        if any(f.direction.gives_parent_less for f in self.errors):
            return "LINT_REJECTED_LESS"
        if self.errors:
            return "LINT_REJECTED_UNUSABLE"
        return "LINT_CLEAN" if self.clean else "LINT_ACCEPTED_WITH_WARNINGS"

    def render(self, lang: str = "nl") -> str:
        """A plain-text report, one block per finding: the head line, the verdict, the detail."""
        lang = messages.check_lang(lang)
        counts = ", ".join(
            _count(n, f"LINT_COUNT_{word}", lang)
            for n, word in (
                (len(self.errors), "ERROR"),
                (len(self.warnings), "WARNING"),
                (len(self.infos), "NOTE"),
            )
        )
        # The policy's name and title are the user's text (a file's stem): each on one line.
        head = messages.text(
            "LINT_HEAD", lang, policy=one_line(self.policy), title=one_line(self.title), counts=counts
        )
        lines = [head]
        for f in self.findings:
            refs = ", ".join((*f.rule_ids, *(c.label(lang) for c in f.citations)))
            lines.append(
                f"{f.severity.label(lang).upper()} {f.code} [{f.setting} = {_show(f.value)}] ({refs})"
            )
            lines.append(f"    {f.verdict(lang)}")
            lines.append(f"    {f.detail(lang)}")
        lines.append(messages.text(self.conclusion_code(), lang))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON form, with ``schema``/``schema_version``."""
        return {
            "schema": LINT_SCHEMA,
            "schema_version": LINT_SCHEMA_VERSION,
            "policy": self.policy,
            "title": self.title,
            "ok": self.ok,
            "clean": self.clean,
            "counts": {
                "error": len(self.errors),
                "warning": len(self.warnings),
                "info": len(self.infos),
            },
            "findings": [f.to_dict() for f in self.findings],
        }


def _count(n: int, code: str, lang: str) -> str:
    """``1 fout``, ``2 fouten``: the singular entry is ``code``, the plural ``code + "S"``."""
    return messages.text(code if n == 1 else f"{code}S", lang, n=n)


def _show(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


# --- the checks -----------------------------------------------------------------------------------


def _finding(
    code: LintCode,
    field: str,
    value: object,
    *,
    text_code: str | None = None,
    basis: tuple[tuple[str, ...], tuple[Citation, ...]] | None = None,
    **params: object,
) -> LintFinding:
    """A finding on ``field``; its direction, rules and citations come from :data:`FINDING_SPECS`
    (rules and citations from ``basis`` when they depend on the setting)."""
    shown = value.value if isinstance(value, enum.Enum) else value
    if isinstance(shown, tuple):
        shown = "[" + ", ".join(str(getattr(v, "value", v)) for v in shown) + "]"
    if not (shown is None or isinstance(shown, str | bool | int)):
        shown = str(shown)
    return LintFinding(
        code=code,
        setting=_toml_key(field),
        value=shown,
        text_code=text_code or f"LINT_{code.value}",
        params=params,
        basis=basis,
    )


def _check_handling_term(p: Policy) -> Iterator[LintFinding]:
    term = Term.parse(p.handling_term)
    field = "handling_term"
    if term.backwards:
        yield _finding(LintCode.HANDLING_TERM_BACKWARDS, field, p.handling_term)
        return
    shortest, longest = term_length_days(term)
    limit = STATUTORY_HANDLING_DAYS
    if not within_statutory_handling_term(term):
        yield _finding(
            LintCode.HANDLING_TERM_TOO_LONG, field, p.handling_term, term=term, days=longest, limit=limit
        )
    elif shortest < limit:
        yield _finding(LintCode.HANDLING_TERM_SHORTER, field, p.handling_term, term=term, days=longest)


def _check_atw(p: Policy) -> Iterator[LintFinding]:
    if p.atw_mode is AtwMode.NEVER:
        yield _finding(LintCode.ATW_NEVER, "atw_mode", p.atw_mode)
    elif p.atw_mode is AtwMode.FOLLOW_REGULATION_TEXT:
        if p.regulation_applies_atw is None:
            yield _finding(LintCode.ATW_REGULATION_TEXT_UNKNOWN, "regulation_applies_atw", None)
        else:
            says = "LINT_REGULATION_SAYS_ATW" if p.regulation_applies_atw else "LINT_REGULATION_SAYS_NO_ATW"
            yield _finding(
                LintCode.ATW_FOLLOWS_REGULATION_TEXT,
                "regulation_applies_atw",
                p.regulation_applies_atw,
                says=messages.Message(says),
            )
    if p.atw_mode is not AtwMode.FOLLOW_REGULATION_TEXT and p.regulation_applies_atw is not None:
        yield _finding(
            LintCode.REGULATION_APPLIES_ATW_UNUSED,
            "regulation_applies_atw",
            p.regulation_applies_atw,
            mode=p.atw_mode,
        )
    if not p.include_equated_days:
        yield _finding(LintCode.EQUATED_DAYS_EXCLUDED, "include_equated_days", False)
    if not p.exclude_filing_day:
        yield _finding(LintCode.FILING_DAY_COUNTED, "exclude_filing_day", False)
    if p.receipt_rule is ReceiptRule.NEXT_WORKING_DAY:
        yield _finding(LintCode.RECEIPT_NEXT_WORKING_DAY, "receipt_rule", p.receipt_rule)
    if p.handled_when is HandledWhen.RECEIVED:
        yield _finding(LintCode.HANDLED_WHEN_RECEIVED, "handled_when", p.handled_when)


#: The complainants lint asks rule R3 about: (role, whether a contract party, the setting that decides,
#: the code when the policy gives the role more than the baseline).
_WIDER_ROLES: Final = (
    (PartyRole.PROSPECTIVE_CLIENT, "include_prospective_clients", LintCode.PROSPECTIVE_CLIENTS_INCLUDED),
    (PartyRole.CARER, "include_carers", LintCode.CARERS_INCLUDED),
    (PartyRole.GUARDIAN, "include_guardians", LintCode.GUARDIANS_INCLUDED),
)
#: Statutory ouders (Wko art. 1.1) who may not be a contract party: a grandparent, a step-parent.
_OUDER_PROBES: Final = (PartyRole.GRANDPARENT, PartyRole.STEP_PARENT, PartyRole.FOSTER_PARENT)


@functools.cache
def _eligibility_rank() -> Mapping[Outcome, int]:
    """Each eligibility outcome's rank (0 = worst), from the decision's own levels (R1-R5)."""
    levels = scope.ELIGIBILITY.levels
    return {outcome: i for i, level in enumerate(levels) for outcome in level}


def _r3_outcome(role: PartyRole, policy: Policy, contract_party: bool | None) -> tuple[int, bool]:
    """Rule R3's answer for a complainant: the outcome's rank and whether the house text is flagged."""
    result = scope.complainant_result(role, policy, contract_party)
    outcome = result.outcome or scope.ELIGIBILITY.default
    narrower = any(f.code is FlagCode.HOUSE_SCOPE_NARROWER_THAN_STATUTE for f in result.flags)
    return _eligibility_rank()[outcome], narrower


def _check_complainants(p: Policy) -> Iterator[LintFinding]:
    """Who may complain (R3, A7), as rule R3 answers it under ``p`` and under the statutory baseline."""
    for role in _OUDER_PROBES:
        rank, flagged = _r3_outcome(role, p, False)
        baseline, _ = _r3_outcome(role, _BASELINE, False)
        if rank < baseline:
            yield _finding(LintCode.SCOPE_EXCLUDES_OUDER, "complainant_scope", p.complainant_scope)
            break
        if flagged:
            yield _finding(LintCode.SCOPE_NARROWER_THAN_OUDER, "complainant_scope", p.complainant_scope)
            break
    for role, field, code in _WIDER_ROLES:
        rank, _ = _r3_outcome(role, p, True)
        baseline, _ = _r3_outcome(role, _BASELINE, True)
        if rank > baseline:
            yield _finding(code, field, True)


def _check_scope(p: Policy) -> Iterator[LintFinding]:
    yield from _check_complainants(p)
    if p.include_working_method:
        yield _finding(LintCode.WORKING_METHOD_IN_SCOPE, "include_working_method", True)
    if not p.electronic_counts_as_written:
        yield _finding(LintCode.ELECTRONIC_NOT_WRITTEN, "electronic_counts_as_written", False)
    if p.app_messages_count_as_written is True:
        yield _finding(LintCode.APP_MESSAGES_WRITTEN, "app_messages_count_as_written", True)
    elif p.app_messages_count_as_written is False:
        yield _finding(LintCode.APP_MESSAGES_NOT_WRITTEN, "app_messages_count_as_written", False)
    if p.oudercommissie_internal_route:
        yield _finding(LintCode.OUDERCOMMISSIE_INTERNAL_ROUTE, "oudercommissie_internal_route", True)


def _check_meldcode(p: Policy) -> Iterator[LintFinding]:
    if p.after_meldcode is AfterMeldcode.CLOSE:
        yield _finding(
            LintCode.MELDCODE_CLOSES_PROCEDURE,
            "after_meldcode",
            p.after_meldcode,
            flag=FlagCode.CLOCK_NOT_SUSPENDED_BY_STATUTE,
        )
    elif p.after_meldcode is AfterMeldcode.REFILE:
        yield _finding(
            LintCode.MELDCODE_REFILE_DEFERS_CLOCK,
            "after_meldcode",
            p.after_meldcode,
            flag=FlagCode.CLOCK_NOT_SUSPENDED_BY_STATUTE,
        )


#: The sub-paragraph of 1.57b lid 2 per policy setting, as check K2 reads the same settings (one table).
_LID_2: Final = {field: citation for _, field, citation in LID_2_PROVISIONS}

#: What the regulation must provide, per setting: the rule ids, the citations and the catalogue entry
#: naming the provision (1.57b lid 2 a-c, e-f; 1.57d; registration for lid 4). ``False`` gives
#: REGULATION_PROVISION_MISSING, ``None`` NOT_STATED; ``True`` is what the law asks: quiet.
_PROVISIONS: Final = (
    ("written_submission", ("R5",), (_LID_2["written_submission"],), "LINT_WHAT_WRITTEN_SUBMISSION"),
    ("careful_investigation", ("R6",), (_LID_2["careful_investigation"],), "LINT_WHAT_CAREFUL_INVESTIGATION"),
    ("keeps_parent_informed", ("R6",), (_LID_2["keeps_parent_informed"],), "LINT_WHAT_KEEPS_PARENT_INFORMED"),
    ("reasoned_judgement", ("R6",), (_LID_2["reasoned_judgement"],), "LINT_WHAT_REASONED_JUDGEMENT"),
    (
        "concrete_term_for_measures",
        ("R6",),
        (_LID_2["concrete_term_for_measures"],),
        "LINT_WHAT_CONCRETE_TERM",
    ),
    ("confidentiality", ("R10",), (WKO_1_57D,), "LINT_WHAT_CONFIDENTIALITY"),
    ("registration", ("R9",), (WKO_1_57B_4,), "LINT_WHAT_REGISTRATION"),
)

#: The other points of the whole regulation, with their basis and name, for 'not stated'.
_STATED: Final = (
    ("annual_report_to_ggd", ("R9",), (WKO_1_57B_8,), "LINT_WHAT_ANNUAL_REPORT_TO_GGD"),
    ("annual_report_to_parents", ("R9",), (WKO_1_57B_8,), "LINT_WHAT_ANNUAL_REPORT_TO_PARENTS"),
    ("annual_report_anonymised", ("R9",), (WKO_1_57B_5,), "LINT_WHAT_ANNUAL_REPORT_ANONYMISED"),
    ("klachtenloket", ("R26",), (KLACHTENLOKET_OPTIONAL,), "LINT_WHAT_KLACHTENLOKET"),
    ("direct_access_grounds", ("R20",), (GCK_DIRECT, WKO_1_57C_2), "LINT_WHAT_DIRECT_ACCESS_GROUNDS"),
)


def _check_provisions(p: Policy) -> Iterator[LintFinding]:
    """1.57b lid 2 a-c, e-f, 1.57d and registration: quiet when provided, else missing or not stated."""
    for field, rule_ids, citations, name in _PROVISIONS:
        value = getattr(p, field)
        if value is True:
            continue
        code = LintCode.NOT_STATED if value is None else LintCode.REGULATION_PROVISION_MISSING
        yield _finding(code, field, value, basis=(rule_ids, citations), what=messages.Message(name))


def _check_report_and_escalation(p: Policy) -> Iterator[LintFinding]:
    """The annual report (1.57b lid 5, 8) and the escalation route (R20, R26), as the text states them."""
    for field, rule_ids, citations, name in _STATED:
        if getattr(p, field) is None:
            yield _finding(
                LintCode.NOT_STATED, field, None, basis=(rule_ids, citations), what=messages.Message(name)
            )
    if p.annual_report_to_ggd is False:
        yield _finding(LintCode.ANNUAL_REPORT_NOT_TO_GGD, "annual_report_to_ggd", False)
    parents = p.annual_report_to_parents
    if parents is not None and parents is not AnnualReportToParents.BROUGHT_TO_ATTENTION:
        yield _finding(
            LintCode.ANNUAL_REPORT_NOT_TO_PARENTS,
            "annual_report_to_parents",
            parents,
            text_code=f"LINT_ANNUAL_REPORT_{parents.name}",
        )
    if p.annual_report_anonymised is False:
        yield _finding(LintCode.ANNUAL_REPORT_NOT_ANONYMISED, "annual_report_anonymised", False)
    if p.klachtenloket is KlachtenloketRole.REQUIRED_BEFORE_GCK:
        yield _finding(LintCode.KLACHTENLOKET_REQUIRED, "klachtenloket", p.klachtenloket)
    grounds = p.direct_access_grounds
    if grounds is not None:
        missing = [g for g in DirectAccessGround if g not in grounds]
        if missing:
            names = [messages.Message(f"LINT_GROUND_{g.name}") for g in missing]
            listed = names[0] if len(names) == 1 else messages.Message("LINT_GROUNDS_BOTH")
            yield _finding(
                LintCode.DIRECT_ACCESS_GROUNDS_MISSING, "direct_access_grounds", grounds, missing=listed
            )


#: The house terms that run from receipt, with the catalogue entry of their name.
_RECEIPT_TERMS: Final = (
    ("first_contact_term", "LINT_WHAT_FIRST_CONTACT"),
    ("acknowledgement_term", "LINT_WHAT_ACKNOWLEDGEMENT"),
)


def _check_house_terms(p: Policy) -> Iterator[LintFinding]:
    # The judgement is due by the house's own handling term (1.57b lid 3: the provider acts by its
    # regulation), and never later than the statute's six weeks, whatever term the policy names (R6).
    handling = Term.parse(p.handling_term)
    due = min(term_length_days(handling)[1], Fraction(STATUTORY_HANDLING_DAYS))
    for field, name in _RECEIPT_TERMS:
        text = getattr(p, field)
        if text is None:
            continue
        term = Term.parse(text)
        what = messages.Message(name)
        if term.backwards:
            yield _finding(LintCode.HOUSE_TERM_BACKWARDS, field, text, what=what)
            continue
        shortest, _ = term_length_days(term)
        if shortest > due:
            # The text names the term the promise passes: the statute's six weeks only when it does.
            past_statute = shortest > STATUTORY_HANDLING_DAYS
            yield _finding(
                LintCode.HOUSE_TERM_AFTER_HANDLING_TERM,
                field,
                text,
                text_code="LINT_HOUSE_TERM_AFTER_SIX_WEEKS" if past_statute else None,
                what=what,
                term=term,
                handling=handling,
            )
        else:
            yield _finding(
                LintCode.HOUSE_TERM, field, text, what=what, term=term, flag=FlagCode.HOUSE_TERM_EXCEEDED
            )
    if p.submission_window is not None:
        term = Term.parse(p.submission_window)
        if term.backwards:
            yield _finding(
                LintCode.HOUSE_TERM_BACKWARDS,
                "submission_window",
                p.submission_window,
                text_code="LINT_SUBMISSION_WINDOW_BACKWARDS",
            )
        else:
            yield _finding(
                LintCode.SUBMISSION_WINDOW_NOT_A_BAR,
                "submission_window",
                p.submission_window,
                term=term,
                flag=FlagCode.HOUSE_TERM_EXCEEDED,
            )
    if p.private_term_atw:
        yield _finding(LintCode.PRIVATE_TERM_ATW, "private_term_atw", True)


def _check_dates(p: Policy) -> Iterator[LintFinding]:
    if p.jaarverslag_atw:
        yield _finding(LintCode.JAARVERSLAG_ATW, "jaarverslag_atw", True)
    if p.twelve_month_start is TwelveMonthStart.FIRST_ANY:
        yield _finding(LintCode.TWELVE_MONTHS_FROM_FIRST_ANY, "twelve_month_start", p.twelve_month_start)


def _check_klachtgeld(p: Policy) -> Iterator[LintFinding]:
    if p.klachtgeld_cents is None:
        yield _finding(LintCode.KLACHTGELD_UNKNOWN, "klachtgeld_cents", None)
        return
    if p.klachtgeld_cents != _OBSERVED_KLACHTGELD_CENTS:
        yield _finding(
            LintCode.KLACHTGELD_DIFFERS,
            "klachtgeld_cents",
            p.klachtgeld_cents,
            amount=_Euro(p.klachtgeld_cents),
            observed=_Euro(_OBSERVED_KLACHTGELD_CENTS),
        )
    if p.klachtgeld_seen_on is None:
        yield _finding(LintCode.KLACHTGELD_UNDATED, "klachtgeld_seen_on", None)


_OBSERVED_KLACHTGELD_CENTS: Final = 2500
#: The statutory baseline R3 is compared against (the Policy defaults: statutory.toml's scope).
_BASELINE: Final = Policy()

_CHECKS: Final = (
    _check_handling_term,
    _check_atw,
    _check_scope,
    _check_meldcode,
    _check_provisions,
    _check_report_and_escalation,
    _check_house_terms,
    _check_dates,
    _check_klachtgeld,
)

#: Policy fields lint looks at (kept in step with :class:`~klachtregels.policy.Policy` by a test).
LINTED_FIELDS: Final = frozenset(
    {
        "handling_term",
        "atw_mode",
        "regulation_applies_atw",
        "include_equated_days",
        "exclude_filing_day",
        "receipt_rule",
        "handled_when",
        "complainant_scope",
        "include_prospective_clients",
        "include_working_method",
        "electronic_counts_as_written",
        "app_messages_count_as_written",
        "oudercommissie_internal_route",
        "include_carers",
        "include_guardians",
        "written_submission",
        "careful_investigation",
        "keeps_parent_informed",
        "reasoned_judgement",
        "concrete_term_for_measures",
        "confidentiality",
        "registration",
        "annual_report_to_ggd",
        "annual_report_to_parents",
        "annual_report_anonymised",
        "klachtenloket",
        "direct_access_grounds",
        "after_meldcode",
        "first_contact_term",
        "acknowledgement_term",
        "submission_window",
        "private_term_atw",
        "jaarverslag_atw",
        "twelve_month_start",
        "klachtgeld_cents",
        "klachtgeld_seen_on",
    }
)
#: Policy fields with no legal content to lint: names, the calendar's strict mode, the sources, and
#: whether the annual report goes to the oudercommissie (the statute does not ask it: recorded only).
UNLINTED_FIELDS: Final = frozenset(
    {"name", "title", "strict_calendar", "sources", "annual_report_to_oudercommissie"}
)


def lint_policy(policy: Policy) -> LintReport:
    """Check ``policy`` against the law; every finding at once, most severe first.

    Never raises for a valid :class:`~klachtregels.policy.Policy` (its terms were parsed when it was
    built); anything else is an :class:`~klachtregels.errors.ArgumentTypeError`.
    """
    instance_argument(policy, Policy, "policy", optional=False)
    findings = [f for check in _CHECKS for f in check(policy)]
    order = _setting_order()
    findings.sort(key=lambda f: (-f.severity.rank, order.get(f.setting, len(order)), f.code))
    return LintReport(policy=policy.name, title=policy.title, findings=tuple(findings))


@functools.cache
def _setting_order() -> Mapping[str, int]:
    """Each setting's TOML key and its place among the Policy fields (the order within a severity)."""
    return {toml_key(name): i for i, name in enumerate(f.name for f in attrs.fields(Policy))}


@functools.cache
def _toml_key(field: str) -> str:
    return toml_key(field)


def is_clean(policy: Policy) -> bool:
    """True when :func:`lint_policy` finds no error and no warning.

    The contract for decisions: a clean policy never produces an outcome laxer than the statutory one.
    """
    return lint_policy(policy).clean
