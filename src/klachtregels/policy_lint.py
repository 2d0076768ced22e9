"""``policy lint``: does an organisation policy stay within the law?

A :class:`~klachtregels.policy.Policy` may only fill what the law leaves open (regulation.md section 8).
:func:`lint_policy` compares each setting with the statutory baseline and reports a
:class:`LintFinding` per point, with the rule it touches (R-id, A-id), the article and a message in
Dutch and English:

* **error**: the setting is laxer than the law, so decisions made with it could deny a parent what the
  statute gives (a handling term that can run past six weeks, a narrower circle of complainants, e-mail
  not counting as written). The policy is rejected; ``klachtregels policy lint`` exits 1.
* **warning**: the law is unclear (an A-point) and the setting takes the reading that favours the
  provider, or it has no effect. The library's decisions stay safe (they flag the point), but a person
  should look at it.
* **info**: stricter or wider than the law (a shorter handling term, complaints about the working method,
  prospective clients). Accepted; reported so the reader sees where the house goes beyond the statute.

:func:`is_clean` is true when there is no error and no warning: such a policy never makes an outcome
laxer than the statutory one.

Term lengths are compared by the longest time a term can take, in days: ``1 month`` is at most 31 days
(fine), ``2 months`` up to 62 (laxer), ``30 working days`` more than 42 once a holiday falls inside.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from klachtregels.citations import ATW, BW3, GCK_REGLEMENT, WET_KINDEROPVANG, Citation, cite
from klachtregels.policy import (
    AfterMeldcode,
    AtwMode,
    ComplainantScope,
    HandledWhen,
    Policy,
    ReceiptRule,
    TwelveMonthStart,
    toml_key,
)
from klachtregels.severity import Severity
from klachtregels.terms import Term, TermUnit

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "LINTED_FIELDS",
    "LINT_SCHEMA",
    "LINT_SCHEMA_VERSION",
    "STATUTORY_HANDLING_DAYS",
    "UNLINTED_FIELDS",
    "LintFinding",
    "LintReport",
    "Severity",
    "is_clean",
    "lint_policy",
    "term_length_days",
]

#: ``"schema"`` value of :meth:`LintReport.to_dict`.
LINT_SCHEMA: Final = "klachtregels.policy-lint"
#: Bumped on any incompatible change of :meth:`LintReport.to_dict`.
LINT_SCHEMA_VERSION: Final = 1
#: The statutory handling term in days: six weeks (Wko art. 1.57b lid 2 sub d, R6, R12).
STATUTORY_HANDLING_DAYS: Final = 42


# --- citations ------------------------------------------------------------------------------------

_WKO_1_1: Final = cite(WET_KINDEROPVANG, "1.1", 1, note="begrip 'ouder'")
_WKO_1_57B_1: Final = cite(WET_KINDEROPVANG, "1.57b", 1)
_WKO_1_57B_2A: Final = cite(WET_KINDEROPVANG, "1.57b", 2, "a")
_WKO_1_57B_2D: Final = cite(WET_KINDEROPVANG, "1.57b", 2, "d")
_WKO_1_57B_2E: Final = cite(WET_KINDEROPVANG, "1.57b", 2, "e")
_WKO_1_57B_8: Final = cite(WET_KINDEROPVANG, "1.57b", 8)
_WKO_1_51A: Final = cite(WET_KINDEROPVANG, "1.51a")
_WKO_1_51B: Final = cite(WET_KINDEROPVANG, "1.51b")
_WKO_1_57C_1B: Final = cite(WET_KINDEROPVANG, "1.57c", 1, "b")
_ATW_1: Final = cite(ATW, "1", 1)
_ATW_3_3: Final = cite(ATW, "3", 3)
_ATW_SCOPE: Final = cite(ATW, "1", note="alleen bij wet gestelde termijnen (R17)")
_BW_3_37_3: Final = cite(BW3, "3:37", 3)
_GCK_12M: Final = cite(GCK_REGLEMENT, note="twaalf maanden na indiening bij de houder (GCK-12m)")
_GCK_KLACHTGELD: Final = cite(GCK_REGLEMENT, note="klachtgeld (KLACHTGELD)")
_GCK_DIRECT: Final = cite(GCK_REGLEMENT, note="rechtstreekse toegang na zes weken (R20)")


# --- findings and report --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LintFinding:
    """One point where a policy departs from (or is unclear against) the statutory baseline."""

    #: Stable upper-case code, such as ``HANDLING_TERM_TOO_LONG``.
    code: str
    severity: Severity = attrs.field(converter=Severity)
    #: The setting, as its dotted TOML key (``deadlines.handling_term``).
    setting: str
    #: The setting's value in the policy (JSON-ready: text, bool, number or ``None``).
    value: str | bool | int | None
    #: Rule and ambiguity ids from regulation.md (``("R6",)``, ``("R3", "A7")``).
    rule_ids: tuple[str, ...]
    citations: tuple[Citation, ...]
    message_nl: str
    message_en: str

    def message(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.message_nl if lang == "nl" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """JSON form (stable keys)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "setting": self.setting,
            "value": self.value,
            "rule_ids": list(self.rule_ids),
            "citations": [c.to_dict() for c in self.citations],
            "message": {"nl": self.message_nl, "en": self.message_en},
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
        """Findings that reject the policy (laxer than the law)."""
        return self.of_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[LintFinding, ...]:
        """Findings a person should look at (the law is unclear; the provider-friendly reading is taken)."""
        return self.of_severity(Severity.WARNING)

    @property
    def infos(self) -> tuple[LintFinding, ...]:
        """Stricter or wider than the law: accepted, reported for the reader."""
        return self.of_severity(Severity.INFO)

    @property
    def ok(self) -> bool:
        """No error: the policy is accepted."""
        return not self.errors

    @property
    def clean(self) -> bool:
        """No error and no warning: outcomes with this policy are never laxer than the statutory ones."""
        return not self.errors and not self.warnings

    def codes(self) -> tuple[str, ...]:
        """The finding codes, in report order."""
        return tuple(f.code for f in self.findings)

    def exit_code(self, fail_on: Severity | str = Severity.ERROR) -> int:
        """1 when a finding is at or above ``fail_on`` (default: error), else 0."""
        level = Severity(fail_on).rank
        return 1 if any(f.severity.rank >= level for f in self.findings) else 0

    def render(self, lang: str = "nl") -> str:
        """A plain-text report, one block per finding."""
        nl = lang == "nl"
        counts = [
            _count(len(self.errors), ("fout", "fouten") if nl else ("error", "errors")),
            _count(len(self.warnings), ("waarschuwing", "waarschuwingen") if nl else ("warning", "warnings")),
            _count(len(self.infos), ("opmerking", "opmerkingen") if nl else ("note", "notes")),
        ]
        head = f"{'Beleid' if nl else 'Policy'} '{self.policy}' ({self.title}): {', '.join(counts)}"
        lines = [head]
        for f in self.findings:
            refs = ", ".join((*f.rule_ids, *(c.label(lang) for c in f.citations)))
            lines.append(
                f"{f.severity.label(lang).upper()} {f.code} [{f.setting} = {_show(f.value)}] ({refs})"
            )
            lines.append(f"    {f.message(lang)}")
        if self.errors:
            lines.append(
                "Afgewezen: dit beleid is op minstens één punt ruimer dan de wet."
                if nl
                else "Rejected: this policy is laxer than the law on at least one point."
            )
        elif self.clean:
            lines.append("Schoon: geen fouten of waarschuwingen." if nl else "Clean: no errors or warnings.")
        else:
            lines.append("Geaccepteerd, met waarschuwingen." if nl else "Accepted, with warnings.")
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


def _count(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def _show(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


# --- term lengths ---------------------------------------------------------------------------------

# The ATW calendar years scanned for the longest stretch of N working days (holidays and equated days
# included: the longest stretches are around Christmas and Easter).
_SPAN_YEARS: Final = (2016, 2035)


@functools.cache
def _working_day_ordinals() -> tuple[int, ...]:
    from klachtregels.calendar import is_working_day  # lazy: loads the holiday data

    first = _dt.date(_SPAN_YEARS[0], 1, 1).toordinal()
    last = _dt.date(_SPAN_YEARS[1], 12, 31).toordinal()
    return tuple(o for o in range(first, last + 1) if is_working_day(_dt.date.fromordinal(o)))


@functools.cache
def _working_days_span(n: int) -> tuple[int, int]:
    # With w the working days in order, n working days after any day d end on the n-th working day after
    # d; over d in [w[i-1], w[i]) the longest span starts on w[i-1]: w[i-1+n] - w[i-1].
    w = _working_day_ordinals()
    if n >= len(w):  # beyond the scanned years: bounds (5 working days per 7 at best, 1 per 7 at worst)
        return (n + 2 * (n // 5), 7 * n)
    spans = [w[i + n] - w[i] for i in range(len(w) - n)]
    # The shortest span starts on the day before a working day: w[i+n-1] - (w[i] - 1).
    shortest = min(w[i + n - 1] - w[i] + 1 for i in range(len(w) - n + 1))
    return (shortest, max(spans))


@functools.cache
def _months_span(n: int) -> tuple[int, int]:
    if n > 1200:  # a century or more: far beyond any term this library compares
        return (28 * n, 31 * n + 1)
    # Month lengths repeat within a four-year cycle with one leap year (R18: same day number, clamped).
    start = _dt.date(2000, 1, 1)
    lengths = [
        ((d := start + _dt.timedelta(days=i)) + relativedelta(months=n) - d).days for i in range(4 * 366)
    ]
    return (min(lengths), max(lengths))


def term_length_days(term: Term | str) -> tuple[Fraction, Fraction]:
    """The shortest and the longest time ``term`` can take, in days (hours as fractions of a day).

    Months follow R18 (same day number, clamped to the month's end): ``1 month`` is 28 to 31 days,
    ``2 months`` 59 to 62. Working days are measured on the ATW calendar (weekends, holidays and equated
    days) of 2016-2035: ``30 working days`` is 42 days without a holiday and more with one.
    """
    t = term if isinstance(term, Term) else Term.parse(term)
    n = t.amount
    if t.unit is TermUnit.HOURS:
        return (Fraction(n, 24), Fraction(n, 24))
    if t.unit is TermUnit.DAYS:
        return (Fraction(n), Fraction(n))
    if t.unit is TermUnit.WEEKS:
        return (Fraction(7 * n), Fraction(7 * n))
    if t.unit is TermUnit.MONTHS:
        lo, hi = _months_span(n)
        return (Fraction(lo), Fraction(hi))
    if t.unit is TermUnit.YEARS:
        return (Fraction(365 * n), Fraction(366 * n))
    lo, hi = _working_days_span(n)
    return (Fraction(lo), Fraction(hi))


def _days_text(days: Fraction) -> str:
    return str(days.numerator) if days.denominator == 1 else f"{float(days):.2f}"


# --- the checks -----------------------------------------------------------------------------------


def _finding(
    code: str,
    severity: Severity,
    field: str,
    value: object,
    rule_ids: tuple[str, ...],
    citations: tuple[Citation, ...],
    nl: str,
    en: str,
) -> LintFinding:
    shown = value.value if isinstance(value, enum.Enum) else value
    if not (shown is None or isinstance(shown, str | bool | int)):
        shown = str(shown)
    return LintFinding(
        code=code,
        severity=severity,
        setting=toml_key(field),
        value=shown,
        rule_ids=rule_ids,
        citations=citations,
        message_nl=nl,
        message_en=en,
    )


def _check_handling_term(p: Policy) -> Iterator[LintFinding]:
    term = Term.parse(p.handling_term)
    field = "handling_term"
    if term.backwards:
        yield _finding(
            "HANDLING_TERM_BACKWARDS",
            Severity.ERROR,
            field,
            p.handling_term,
            ("R6",),
            (_WKO_1_57B_2D,),
            "De behandeltermijn loopt vanaf de indiening (uiterlijk zes weken ná indiening); een termijn "
            "'vóór' een moment is hier zinloos.",
            "The handling term runs from submission (at the latest six weeks after it); a term counted "
            "backwards makes no sense here.",
        )
        return
    shortest, longest = term_length_days(term)
    limit = STATUTORY_HANDLING_DAYS
    if longest > limit:
        yield _finding(
            "HANDLING_TERM_TOO_LONG",
            Severity.ERROR,
            field,
            p.handling_term,
            ("R6",),
            (_WKO_1_57B_2D,),
            f"Behandeltermijn '{term.label('nl')}' kan tot {_days_text(longest)} dagen duren; de wet staat "
            f"ten hoogste zes weken ({limit} dagen) na indiening toe. Een ouder mag na zes weken zonder "
            "oordeel direct naar de Geschillencommissie (R20).",
            f"Handling term '{term.label('en')}' can take up to {_days_text(longest)} days; the law "
            f"allows at most six weeks ({limit} days) after submission. After six weeks without a "
            "judgement a parent may go straight to the Geschillencommissie (R20).",
        )
    elif shortest < limit:
        yield _finding(
            "HANDLING_TERM_SHORTER",
            Severity.INFO,
            field,
            p.handling_term,
            ("R6",),
            (_WKO_1_57B_2D,),
            f"Behandeltermijn '{term.label('nl')}' (ten hoogste {_days_text(longest)} dagen) is korter dan "
            "de wettelijke zes weken: strenger dan de wet, toegestaan. De wettelijke termijn blijft gelden "
            "voor de rechtstreekse toegang tot de Geschillencommissie (R20).",
            f"Handling term '{term.label('en')}' (at most {_days_text(longest)} days) is shorter than the "
            "statutory six weeks: stricter than the law, allowed. The statutory term still governs direct "
            "access to the Geschillencommissie (R20).",
        )


def _check_atw(p: Policy) -> Iterator[LintFinding]:
    if p.atw_mode is AtwMode.NEVER:
        yield _finding(
            "ATW_NEVER",
            Severity.INFO,
            "atw_mode",
            p.atw_mode,
            ("A1", "R13"),
            (_ATW_1, _WKO_1_57B_2D),
            "De Algemene termijnenwet wordt niet toegepast op de zes weken: de termijn eindigt nooit later "
            "dan de kalenderdatum. Strenger dan de standaard, toegestaan.",
            "The Algemene termijnenwet is not applied to the six weeks: the term never ends later than its "
            "calendar date. Stricter than the default, allowed.",
        )
    elif p.atw_mode is AtwMode.FOLLOW_REGULATION_TEXT:
        if p.regulation_applies_atw is None:
            yield _finding(
                "ATW_REGULATION_TEXT_UNKNOWN",
                Severity.INFO,
                "regulation_applies_atw",
                None,
                ("A1",),
                (_ATW_1,),
                "Het beleid volgt de tekst van de eigen regeling voor de Atw, maar zegt niet wat die tekst "
                "bepaalt. Termijnen die in het gat tussen kalender- en Atw-datum vallen, blijven onbepaald.",
                "The policy follows its own regulation's text on the ATW but does not say what that text "
                "says. Dates in the gap between the calendar and the ATW date stay undetermined.",
            )
        else:
            yield _finding(
                "ATW_FOLLOWS_REGULATION_TEXT",
                Severity.INFO,
                "regulation_applies_atw",
                p.regulation_applies_atw,
                ("A1",),
                (_ATW_1,),
                "De eigen regeling bepaalt of de Atw de zes weken verlengt "
                f"({'wel' if p.regulation_applies_atw else 'niet'}); dat is niet later dan de standaard.",
                "The house regulation decides whether the ATW extends the six weeks "
                f"({'it does' if p.regulation_applies_atw else 'it does not'}); "
                "never later than the default.",
            )
    if p.atw_mode is not AtwMode.FOLLOW_REGULATION_TEXT and p.regulation_applies_atw is not None:
        yield _finding(
            "REGULATION_APPLIES_ATW_UNUSED",
            Severity.WARNING,
            "regulation_applies_atw",
            p.regulation_applies_atw,
            ("A1",),
            (_ATW_1,),
            "Deze instelling werkt alleen met atw_mode = 'follow_regulation_text' "
            f"(nu '{p.atw_mode.value}'); ze heeft geen effect. Verwijder haar of pas atw_mode aan.",
            "This setting only works with atw_mode = 'follow_regulation_text' "
            f"(now '{p.atw_mode.value}'); it has no effect. Remove it or change atw_mode.",
        )
    if not p.include_equated_days:
        yield _finding(
            "EQUATED_DAYS_EXCLUDED",
            Severity.INFO,
            "include_equated_days",
            False,
            ("A2", "R15"),
            (_ATW_3_3,),
            "Bij Koninklijk Besluit gelijkgestelde dagen tellen niet als feestdag: Atw-verlengingen worden "
            "korter of vallen weg. Nooit later dan de wet; strenger, toegestaan.",
            "Days equated with holidays by Royal Decree do not count as holidays: ATW extensions get shorter "
            "or disappear. Never later than the law; stricter, allowed.",
        )
    if not p.exclude_filing_day:
        yield _finding(
            "FILING_DAY_COUNTED",
            Severity.INFO,
            "exclude_filing_day",
            False,
            ("A3", "R12"),
            (_WKO_1_57B_2D,),
            "De dag van indiening telt mee: de termijn eindigt een dag eerder (dag 41). "
            "Strenger, toegestaan.",
            "The day of submission is counted: the term ends one day earlier (day 41). Stricter, allowed.",
        )
    if p.receipt_rule is ReceiptRule.NEXT_WORKING_DAY:
        yield _finding(
            "RECEIPT_NEXT_WORKING_DAY",
            Severity.WARNING,
            "receipt_rule",
            p.receipt_rule,
            ("A4", "R12"),
            (_BW_3_37_3, _WKO_1_57B_2D),
            "Een klacht die in het weekend of op een feestdag binnenkomt, telt pas vanaf de volgende "
            "werkdag: de termijn eindigt dan tot twee of drie dagen later dan bij ontvangst (BW 3:37 lid 3). "
            "De wet regelt dit niet uitdrukkelijk (A4), maar de Geschillencommissie rekent waarschijnlijk "
            "vanaf ontvangst.",
            "A complaint received on a weekend or holiday counts only from the next working day: the term "
            "then ends up to two or three days later than when counted from receipt (BW 3:37 para. 3). The "
            "law does not say so expressly (A4), but the Geschillencommissie will likely count from receipt.",
        )
    if p.handled_when is HandledWhen.RECEIVED:
        yield _finding(
            "HANDLED_WHEN_RECEIVED",
            Severity.INFO,
            "handled_when",
            p.handled_when,
            ("A5", "R6"),
            (_WKO_1_57B_2E,),
            "Afgehandeld is pas als de ouder het oordeel heeft ontvangen, niet al bij verzending. "
            "Strenger dan de standaard, toegestaan.",
            "A complaint is handled only when the parent has received the judgement, not when it is sent. "
            "Stricter than the default, allowed.",
        )


def _check_scope(p: Policy) -> Iterator[LintFinding]:
    if p.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY:
        yield _finding(
            "SCOPE_NARROWER_THAN_OUDER",
            Severity.ERROR,
            "complainant_scope",
            p.complainant_scope,
            ("R3", "A7"),
            (_WKO_1_1, _WKO_1_57B_1),
            "Alleen contractpartijen mogen klagen. De wet geeft het klachtrecht aan elke 'ouder' (art. 1.1): "
            "ook grootouders, stiefouders (aanverwanten in opgaande lijn) en pleegouders die geen "
            "contractpartij zijn. Kies 'statutory_ouder'.",
            "Only contract parties may complain. The law gives every 'ouder' (art. 1.1) the right: "
            "grandparents, step-parents (relatives by marriage in the ascending line) and foster parents "
            "who are not a contract party included. Use 'statutory_ouder'.",
        )
    if p.include_prospective_clients:
        yield _finding(
            "PROSPECTIVE_CLIENTS_INCLUDED",
            Severity.INFO,
            "include_prospective_clients",
            True,
            ("A7",),
            (_WKO_1_57B_1,),
            "Ook toekomstige klanten mogen klagen: ruimer dan de wet (op grond van het beleid), toegestaan.",
            "Prospective clients may complain too: wider than the law (by policy), allowed.",
        )
    if p.include_working_method:
        yield _finding(
            "WORKING_METHOD_IN_SCOPE",
            Severity.INFO,
            "include_working_method",
            True,
            ("A8", "R4"),
            (_WKO_1_57B_1,),
            "Ook klachten over werkwijze of beleid worden behandeld: ruimer dan de wet (gedraging en "
            "overeenkomst), toegestaan. Zulke klachten zijn ontvankelijk op grond van het beleid, "
            "niet van de wet.",
            "Complaints about working method or policy are handled too: wider than the law (conduct and the "
            "agreement), allowed. Such complaints are eligible by policy, not by statute.",
        )
    if not p.electronic_counts_as_written:
        # Error, not warning: all three seeds and the model regulation accept e-mail and web forms; the
        # library reads 'schriftelijk' as including them (A9 default). A house that refuses them would
        # keep the six-week clock from starting for a complaint the Geschillencommissie counts.
        yield _finding(
            "ELECTRONIC_NOT_WRITTEN",
            Severity.ERROR,
            "electronic_counts_as_written",
            False,
            ("R5", "A9"),
            (_WKO_1_57B_2A,),
            "E-mail en webformulieren tellen niet als schriftelijk. De wet eist schriftelijke indiening "
            "(art. 1.57b lid 2 sub a) zonder papier te eisen; een klacht per e-mail start de zes weken. "
            "Dit beleid zou die termijn voor e-mailklachten niet laten lopen.",
            "E-mail and web forms do not count as written. The law requires written submission (art. 1.57b "
            "para. 2 under a) without requiring paper; a complaint by e-mail starts the six weeks. This "
            "policy would not start that clock for e-mailed complaints.",
        )
    if p.app_messages_count_as_written is True:
        yield _finding(
            "APP_MESSAGES_WRITTEN",
            Severity.INFO,
            "app_messages_count_as_written",
            True,
            ("A9", "R5"),
            (_WKO_1_57B_2A,),
            "Berichten via een app tellen als schriftelijke klacht: ruimer dan de standaard, toegestaan.",
            "App messages count as a written complaint: wider than the default, allowed.",
        )
    elif p.app_messages_count_as_written is False:
        yield _finding(
            "APP_MESSAGES_NOT_WRITTEN",
            Severity.WARNING,
            "app_messages_count_as_written",
            False,
            ("A9", "R5"),
            (_WKO_1_57B_2A,),
            "Berichten via een app tellen nooit als schriftelijk. De wet beslist dit niet (A9); een "
            "duidelijk klachtbericht in de ouder-app kan wel als schriftelijke klacht gelden. Laat de "
            "instelling weg (dan: menselijk oordeel nodig) of sta app-berichten toe.",
            "App messages never count as written. The law does not decide this (A9); a clear complaint in "
            "the parent app may well count as written. Leave the setting out (then: needs human judgement) "
            "or accept app messages.",
        )
    if p.oudercommissie_internal_route:
        yield _finding(
            "OUDERCOMMISSIE_INTERNAL_ROUTE",
            Severity.INFO,
            "oudercommissie_internal_route",
            True,
            ("R25",),
            (_WKO_1_57C_1B,),
            "Het beleid biedt de oudercommissie een eigen interne klachtroute: vrijwillig, toegestaan. De "
            "oudercommissie behoudt de rechtstreekse weg naar de Geschillencommissie "
            "(art. 1.57c lid 1 sub b).",
            "The policy offers the oudercommissie an internal complaint route: voluntary, allowed. The "
            "oudercommissie keeps its direct route to the Geschillencommissie (art. 1.57c para. 1 under b).",
        )


def _check_meldcode(p: Policy) -> Iterator[LintFinding]:
    if p.after_meldcode is AfterMeldcode.CLOSE:
        # Warning, not error: the meldcode/meldplicht duties do come first (1.51a-b, R29), and the statute
        # does not say how they and the complaint procedure meet (A10). The library never lets this setting
        # stop the six-week clock: decisions keep it running and ask for human judgement, so no outcome
        # becomes laxer. The text is still a risk: closing without a judgement breaks 1.57b lid 2 d-e.
        yield _finding(
            "MELDCODE_CLOSES_PROCEDURE",
            Severity.WARNING,
            "after_meldcode",
            p.after_meldcode,
            ("R29", "A10"),
            (_WKO_1_51A, _WKO_1_51B, _WKO_1_57B_2D, _WKO_1_57B_2E),
            "Het beleid sluit de klachtenprocedure af zodra de meldcode of meldplicht in werking treedt. De "
            "wet schort de zes weken niet op: de ouder heeft nog steeds recht op een schriftelijk, "
            "met redenen omkleed oordeel over de rest van de klacht, en kan na zes weken naar de "
            "Geschillencommissie. klachtregels laat de termijn doorlopen en vraagt om een menselijk oordeel.",
            "The policy closes the complaint procedure once the meldcode or meldplicht applies. The statute "
            "suspends nothing: the parent is still owed a written, reasoned judgement on the rest of the "
            "complaint, and may go to the Geschillencommissie after six weeks. klachtregels keeps the clock "
            "running and asks for human judgement.",
        )


def _check_house_terms(p: Policy) -> Iterator[LintFinding]:
    _, handling_max = term_length_days(Term.parse(p.handling_term))
    for field, nl_name, en_name in (
        ("first_contact_term", "eerste contact", "first contact"),
        ("acknowledgement_term", "ontvangstbevestiging", "acknowledgement"),
    ):
        text = getattr(p, field)
        if text is None:
            continue
        term = Term.parse(text)
        if term.backwards:
            yield _finding(
                "HOUSE_TERM_BACKWARDS",
                Severity.ERROR,
                field,
                text,
                ("A17",),
                (),
                f"De huistermijn voor {nl_name} loopt vanaf de ontvangst van de klacht; een termijn 'vóór' "
                "een moment is hier zinloos.",
                f"The house term for {en_name} runs from receipt of the complaint; a term counted backwards "
                "makes no sense here.",
            )
            continue
        shortest, _ = term_length_days(term)
        if shortest > handling_max:
            yield _finding(
                "HOUSE_TERM_AFTER_HANDLING_TERM",
                Severity.WARNING,
                field,
                text,
                ("A17", "R6"),
                (_WKO_1_57B_2D,),
                f"De huistermijn voor {nl_name} ('{term.label('nl')}') eindigt na de behandeltermijn: dan "
                "moet het oordeel er al zijn. Zo'n belofte kan niet binnen de wettelijke termijn worden "
                "nagekomen.",
                f"The house term for {en_name} ('{term.label('en')}') ends after the handling term, when the "
                "judgement is already due. Such a promise cannot be kept within the statutory term.",
            )
        else:
            yield _finding(
                "HOUSE_TERM",
                Severity.INFO,
                field,
                text,
                ("A17", "R17"),
                (_ATW_SCOPE,),
                f"Huistermijn voor {nl_name}: '{term.label('nl')}'. Een eigen belofte van de houder, geen "
                "wettelijke termijn: de Atw verlengt haar alleen als private_term_atw aan staat. "
                "Overschrijding geeft een signaal, geen wettelijke tekortkoming.",
                f"House term for {en_name}: '{term.label('en')}'. The provider's own promise, not a "
                "statutory term: the ATW extends it only when private_term_atw is on. Missing it gives a "
                "flag, not a statutory breach.",
            )
    if p.submission_window is not None:
        term = Term.parse(p.submission_window)
        if term.backwards:
            yield _finding(
                "HOUSE_TERM_BACKWARDS",
                Severity.ERROR,
                "submission_window",
                p.submission_window,
                ("A17",),
                (),
                "De indieningstermijn loopt vanaf het ontstaan van de klacht; een termijn 'vóór' een moment "
                "is hier zinloos.",
                "The submission window runs from when the complaint arose; a term counted backwards makes no "
                "sense here.",
            )
        else:
            # Warning, not error: the window is lawful as a request, and decisions never let it bar a
            # statutory complaint (they flag HOUSE_TERM_EXCEEDED). The text may still deter parents.
            yield _finding(
                "SUBMISSION_WINDOW_NOT_A_BAR",
                Severity.WARNING,
                "submission_window",
                p.submission_window,
                ("A17", "R21"),
                (_WKO_1_57B_1, _GCK_12M),
                f"Het beleid vraagt klachten binnen '{term.label('nl')}' na het ontstaan in te dienen. "
                "De wet kent geen indieningstermijn: een latere schriftelijke klacht van een ouder moet toch "
                "binnen zes weken worden behandeld, en de toegang tot de Geschillencommissie volgt alleen "
                "haar eigen twaalf maanden. klachtregels meldt een overschrijding (HOUSE_TERM_EXCEEDED) "
                "maar wijst de klacht nooit af.",
                f"The policy asks for complaints within '{term.label('en')}' after they arose. The law "
                "has no submission window: a later written complaint from a parent must still be handled "
                "within six weeks, and access to the Geschillencommissie follows only its own twelve months. "
                "klachtregels flags a late complaint (HOUSE_TERM_EXCEEDED) but never rejects it.",
            )
    if p.private_term_atw:
        yield _finding(
            "PRIVATE_TERM_ATW",
            Severity.INFO,
            "private_term_atw",
            True,
            ("A17", "R17"),
            (_ATW_SCOPE,),
            "De Atw wordt naar analogie op de huistermijnen toegepast. De Atw geldt alleen voor wettelijke "
            "termijnen; toepassing op eigen termijnen is een keuze van de houder en raakt geen wettelijke "
            "termijn.",
            "The ATW is applied by analogy to the house terms. The ATW covers statutory terms only; applying "
            "it to house terms is the provider's choice and touches no statutory term.",
        )


def _check_dates(p: Policy) -> Iterator[LintFinding]:
    if p.jaarverslag_atw:
        yield _finding(
            "JAARVERSLAG_ATW",
            Severity.WARNING,
            "jaarverslag_atw",
            True,
            ("A16", "R9"),
            (_WKO_1_57B_8, _ATW_1),
            "Het klachtenverslag mag met de Atw na een weekend worden ingediend (bijvoorbeeld 2 juni 2025 in "
            "plaats van vóór 1 juni). Of de Atw een vaste datum ('vóór 1 juni') verlengt, is onzeker (A16); "
            "de veilige lezing is uiterlijk 31 mei.",
            "The annual complaint report may be sent after a weekend under the ATW (for example 2 June 2025 "
            "instead of before 1 June). Whether the ATW extends a fixed date ('before 1 June') is uncertain "
            "(A16); the safe reading is 31 May at the latest.",
        )
    if p.twelve_month_start is TwelveMonthStart.FIRST_ANY:
        yield _finding(
            "TWELVE_MONTHS_FROM_FIRST_ANY",
            Severity.WARNING,
            "twelve_month_start",
            p.twelve_month_start,
            ("A13", "R21"),
            (_GCK_12M,),
            "De twaalf maanden voor de Geschillencommissie lopen vanaf de eerste (ook mondelinge) klacht. De "
            "commissie rekent vanaf de indiening bij de houder; een mondelinge opmerking is nog geen klacht "
            "(R5). Deze lezing kan een ouder te vroeg 'te laat' noemen.",
            "The Geschillencommissie's twelve months run from the first complaint, oral ones included. The "
            "commission counts from filing with the provider; an oral remark is not yet a complaint (R5). "
            "This reading can call a parent 'late' too early.",
        )


def _check_klachtgeld(p: Policy) -> Iterator[LintFinding]:
    if p.klachtgeld_cents is None:
        yield _finding(
            "KLACHTGELD_UNKNOWN",
            Severity.INFO,
            "klachtgeld_cents",
            None,
            ("A14", "R22"),
            (_GCK_KLACHTGELD,),
            "Het klachtgeld van de Geschillencommissie is niet ingevuld: uitkomsten noemen dan geen bedrag.",
            "The Geschillencommissie's klachtgeld is not set: outcomes then name no amount.",
        )
        return
    if p.klachtgeld_cents != _OBSERVED_KLACHTGELD_CENTS:
        yield _finding(
            "KLACHTGELD_DIFFERS",
            Severity.INFO,
            "klachtgeld_cents",
            p.klachtgeld_cents,
            ("A14", "R22"),
            (_GCK_KLACHTGELD,),
            f"Klachtgeld {p.klachtgeld_cents / 100:.2f} euro wijkt af van de waargenomen 25,00 euro "
            "(2016-2025). "
            "Het bedrag stelt de Geschillencommissie vast; controleer het.",
            f"Klachtgeld EUR {p.klachtgeld_cents / 100:.2f} differs from the observed EUR 25.00 "
            "(2016-2025). "
            "The Geschillencommissie sets it; verify.",
        )
    if p.klachtgeld_seen_on is None:
        yield _finding(
            "KLACHTGELD_UNDATED",
            Severity.INFO,
            "klachtgeld_seen_on",
            None,
            ("A14",),
            (_GCK_KLACHTGELD,),
            "Het klachtgeld heeft geen datum waarop het bedrag is gezien; het bedrag kan veranderen (A14).",
            "The klachtgeld has no date on which the amount was seen; the amount may change (A14).",
        )


_OBSERVED_KLACHTGELD_CENTS: Final = 2500

_CHECKS: Final = (
    _check_handling_term,
    _check_atw,
    _check_scope,
    _check_meldcode,
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
#: Policy fields with no legal content to lint: names, the calendar's strict mode, the sources.
UNLINTED_FIELDS: Final = frozenset({"name", "title", "strict_calendar", "sources"})


def lint_policy(policy: Policy) -> LintReport:
    """Check ``policy`` against the law; every finding at once, most severe first.

    Never raises for a valid :class:`~klachtregels.policy.Policy` (its terms were parsed when it was built).
    """
    findings = [f for check in _CHECKS for f in check(policy)]
    order = {name: i for i, name in enumerate(f.name for f in attrs.fields(Policy))}
    by_key = {toml_key(name): i for name, i in order.items()}
    findings.sort(key=lambda f: (-f.severity.rank, by_key.get(f.setting, len(order)), f.code))
    return LintReport(policy=policy.name, title=policy.title, findings=tuple(findings))


def is_clean(policy: Policy) -> bool:
    """True when :func:`lint_policy` finds no error and no warning.

    The contract for decisions: a clean policy never produces an outcome laxer than the statutory one.
    """
    return lint_policy(policy).clean
