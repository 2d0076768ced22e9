"""Findings, the check catalogue, and the result of a compliance run.

The catalogue (``compliance/data/checks.toml``) is the one source for every check: its rule ids
(R1..R31), ambiguity ids (A1..A22), citations, the GGD-style item it mirrors (K1..K9, with
``verified = false`` per A21) and the Dutch and English messages of every finding it can give.
Code, renderers and ``docs/compliance.md`` are built from it, so they cannot drift.

A :class:`Finding` never holds personal data: its facts are dates, counts, vocabulary codes and
the register's own (pseudonymous) complaint id; free text and names are never read into it.
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
import functools
import string
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels import convert
from klachtregels._version import __version__
from klachtregels.citations import (
    ATW,
    GCK_REGLEMENT,
    MELDCODE_BESLUIT,
    WET_KINDEROPVANG,
    Citation,
    Instrument,
)
from klachtregels.messages import check_lang
from klachtregels.severity import Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "CHECK_RESULT_SCHEMA",
    "CHECK_RESULT_SCHEMA_VERSION",
    "Catalogue",
    "Check",
    "CheckResult",
    "CheckSettings",
    "CheckSummary",
    "FailOn",
    "Finding",
    "FindingId",
    "FindingSpec",
    "KItem",
    "Passed",
    "Severity",
    "about_organisation",
    "load_catalogue",
    "make_finding",
    "run_fails",
]

#: ``"schema"`` of :meth:`CheckResult.to_dict`.
CHECK_RESULT_SCHEMA: Final = "klachtregels.check"
#: Bumped on any incompatible change of the JSON shape.
CHECK_RESULT_SCHEMA_VERSION: Final = 1

_INSTRUMENTS: Final[Mapping[str, Instrument]] = {
    "Wko": WET_KINDEROPVANG,
    "Atw": ATW,
    "Besluit meldcode": MELDCODE_BESLUIT,
    "GCK-reglement": GCK_REGLEMENT,
}


class FindingId(enum.StrEnum):
    """Every finding id of the check catalogue (``checks.toml``); a test keeps the two equal."""

    ROW_REJECTED = "KR-ROW-REJECTED"
    SCOPE_NOT_YET = "KR-SCOPE-NOT-YET"
    SCOPE_NOT_OUDER = "KR-SCOPE-NOT-OUDER"
    SCOPE_SUBJECT_OUTSIDE = "KR-SCOPE-SUBJECT-OUTSIDE"
    SCOPE_BEFORE_2016 = "KR-SCOPE-BEFORE-2016"
    SCOPE_AFTER_AS_OF = "KR-SCOPE-AFTER-AS-OF"
    SCOPE_BY_POLICY = "KR-SCOPE-BY-POLICY"
    SCOPE_UNDETERMINED = "KR-SCOPE-UNDETERMINED"
    HANDLING_LATE = "KR-HANDLING-LATE"
    HANDLING_ATW_RELIED = "KR-HANDLING-ATW-RELIED"
    HANDLING_OVERDUE = "KR-HANDLING-OVERDUE"
    HANDLING_DUE_SOON = "KR-HANDLING-DUE-SOON"
    HANDLING_ON_TRACK = "KR-HANDLING-ON-TRACK"
    HANDLING_UNDETERMINED = "KR-HANDLING-UNDETERMINED"
    EXTENSION_NOT_STATUTORY = "KR-EXTENSION-NOT-STATUTORY"
    DEADLINE_PROVISIONAL = "KR-DEADLINE-PROVISIONAL"
    JUDGEMENT_NOT_WRITTEN = "KR-JUDGEMENT-NOT-WRITTEN"
    JUDGEMENT_NOT_REASONED = "KR-JUDGEMENT-NOT-REASONED"
    JUDGEMENT_FORM_UNDETERMINED = "KR-JUDGEMENT-FORM-UNDETERMINED"
    MEASURE_NO_TERM = "KR-MEASURE-NO-TERM"
    MEASURE_TERM_UNDETERMINED = "KR-MEASURE-TERM-UNDETERMINED"
    HOUSE_HANDLING_LATE = "KR-HOUSE-HANDLING-LATE"
    HOUSE_HANDLING_UNKNOWN = "KR-HOUSE-HANDLING-UNKNOWN"
    FIRST_CONTACT_LATE = "KR-FIRST-CONTACT-LATE"
    FIRST_CONTACT_UNKNOWN = "KR-FIRST-CONTACT-UNKNOWN"
    ACKNOWLEDGEMENT_LATE = "KR-ACKNOWLEDGEMENT-LATE"
    ACKNOWLEDGEMENT_UNKNOWN = "KR-ACKNOWLEDGEMENT-UNKNOWN"
    SIGNALS_UNDETERMINED = "KR-SIGNALS-UNDETERMINED"
    SIGNAL_SUSPECT_UNCLEAR = "KR-SIGNAL-SUSPECT-UNCLEAR"
    SIGNAL_AMBIGUOUS = "KR-SIGNAL-AMBIGUOUS"
    MELDPLICHT_NOT_CONSULTED = "KR-MELDPLICHT-NOT-CONSULTED"
    MELDPLICHT_CONSULT_LATE = "KR-MELDPLICHT-CONSULT-LATE"
    MELDPLICHT_UNDETERMINED = "KR-MELDPLICHT-UNDETERMINED"
    MELDPLICHT_PROVIDER_SUSPECT = "KR-MELDPLICHT-PROVIDER-SUSPECT"
    MELDCODE_NOT_STARTED = "KR-MELDCODE-NOT-STARTED"
    GCK_LATE_IF_INVOKED = "KR-GCK-LATE-IF-INVOKED"
    GCK_LATE = "KR-GCK-LATE"
    GCK_BEFORE_COMPLAINT = "KR-GCK-BEFORE-COMPLAINT"
    GCK_UNDETERMINED = "KR-GCK-UNDETERMINED"
    K1_REGULATION = "KR-K1-REGULATION"
    K1_UNDETERMINED = "KR-K1-UNDETERMINED"
    K2_PROVISIONS = "KR-K2-PROVISIONS"
    K2_UNDETERMINED = "KR-K2-UNDETERMINED"
    K2_SOURCES_DISAGREE = "KR-K2-SOURCES-DISAGREE"
    K3_PUBLICITY = "KR-K3-PUBLICITY"
    K3_UNDETERMINED = "KR-K3-UNDETERMINED"
    K4_PRACTICE = "KR-K4-PRACTICE"
    K4_UNDETERMINED = "KR-K4-UNDETERMINED"
    K5_SENT_LATE = "KR-K5-SENT-LATE"
    K5_SENT_ATW_DAY = "KR-K5-SENT-ATW-DAY"
    K5_NOT_MADE_KNOWN = "KR-K5-NOT-MADE-KNOWN"
    K5_PENDING = "KR-K5-PENDING"
    K5_WEEKEND = "KR-K5-WEEKEND"
    K5_NOT_REQUIRED = "KR-K5-NOT-REQUIRED"
    K5_UNDETERMINED = "KR-K5-UNDETERMINED"
    K6_NOT_AFFILIATED = "KR-K6-NOT-AFFILIATED"
    K6_UNDETERMINED = "KR-K6-UNDETERMINED"
    K7_PARENTS_NOT_INFORMED = "KR-K7-PARENTS-NOT-INFORMED"
    K7_UNDETERMINED = "KR-K7-UNDETERMINED"
    K8_OUDERCOMMISSIE = "KR-K8-OUDERCOMMISSIE"
    K8_NO_OUDERCOMMISSIE = "KR-K8-NO-OUDERCOMMISSIE"
    K8_EXEMPT = "KR-K8-EXEMPT"
    K8_UNDETERMINED = "KR-K8-UNDETERMINED"
    K9_MELDCODE = "KR-K9-MELDCODE"
    K9_UNDETERMINED = "KR-K9-UNDETERMINED"


class FailOn(enum.StrEnum):
    """From which severity a run fails (``--fail-on``)."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"

    def reached_by(self, severity: Severity) -> bool:
        """Whether a finding of ``severity`` makes the run fail."""
        if self is FailOn.NEVER:
            return False
        return severity.rank >= Severity(self.value).rank


@attrs.frozen(kw_only=True)
class KItem:
    """A GGD-style inspection item (regulation.md section 7). The wording is rebuilt, not copied (A21)."""

    id: str
    question_nl: str
    question_en: str
    basis: str
    #: False until checked against the current GGD GHOR toetsingskader (A21).
    verified: bool
    #: False for K8: Wko art. 1.60 is outside GGD supervision (R31).
    ggd_supervised: bool

    def question(self, lang: str = "nl") -> str:
        """The compliance question in Dutch or English."""
        return self.question_nl if check_lang(lang) == "nl" else self.question_en


@attrs.frozen(kw_only=True)
class Check:
    """One check: what it tests, on what legal basis, and which K item it mirrors."""

    id: str
    #: ``register`` (a row), ``complaint`` or ``organisation``.
    scope: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    rule_ids: tuple[str, ...]
    ambiguities: tuple[str, ...]
    citations: tuple[Citation, ...]
    k_item: str | None = None

    def title(self, lang: str = "nl") -> str:
        """The title in Dutch or English."""
        return self.title_nl if check_lang(lang) == "nl" else self.title_en

    def description(self, lang: str = "nl") -> str:
        """The description in Dutch or English."""
        return self.description_nl if check_lang(lang) == "nl" else self.description_en

    @property
    def help_uri(self) -> str | None:
        """The URL of the first citation (the article on wetten.overheid.nl), if any."""
        for citation in self.citations:
            if citation.url is not None:
                return citation.url
        return None


@attrs.frozen(kw_only=True)
class FindingSpec:
    """A finding a check can give: id, fixed severity and message templates."""

    id: str
    check: str
    severity: Severity
    title_nl: str
    title_en: str
    message_nl: str
    message_en: str

    def title(self, lang: str = "nl") -> str:
        """Short title in Dutch or English."""
        return self.title_nl if check_lang(lang) == "nl" else self.title_en

    def template(self, lang: str = "nl") -> str:
        """The message template in Dutch or English (:meth:`Finding.message` fills it with the facts)."""
        return self.message_nl if check_lang(lang) == "nl" else self.message_en

    @functools.cached_property
    def placeholders(self) -> frozenset[str]:
        """The ``{names}`` the two templates use. They use the same ones (a test checks), except
        language pairs: a word that differs by language is ``{x_nl}`` in Dutch and ``{x_en}`` in English.
        (Parsed once per entry: every finding of a run asks.)"""
        return _placeholders(self.message_nl) | _placeholders(self.message_en)

    @property
    def about_a_year(self) -> bool:
        """Whether each finding of this id is about one calendar year (K5: the annual report over a
        year, R9), which its message names (``{year}``): ``Finding.year`` tells them apart, and an
        acceptance of one names its year (:mod:`klachtregels.baseline`)."""
        return "year" in self.placeholders


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@attrs.frozen(kw_only=True)
class Catalogue:
    """Every check, finding and K item, as loaded from ``checks.toml``."""

    schema_version: int
    checks: Mapping[str, Check]
    findings: Mapping[str, FindingSpec]
    k_items: Mapping[str, KItem]

    def check_of(self, finding_id: str) -> Check:
        """The check a finding belongs to."""
        return self.checks[self.findings[finding_id].check]

    def findings_of(self, check_id: str) -> tuple[FindingSpec, ...]:
        """The findings a check can give, in catalogue order."""
        return tuple(f for f in self.findings.values() if f.check == check_id)


def _citation(data: Mapping[str, Any]) -> Citation:
    return Citation(
        instrument=_INSTRUMENTS[data["law"]],
        article=data.get("article"),
        lid=data.get("lid"),
        sub=data.get("sub"),
        note=data.get("note"),
    )


@functools.cache
def load_catalogue() -> Catalogue:
    """The shipped check catalogue (cached)."""
    text = (resources.files("klachtregels.compliance") / "data" / "checks.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    k_items = {
        key: KItem(
            id=key,
            question_nl=item["question_nl"],
            question_en=item["question_en"],
            basis=item["basis"],
            verified=item["verified"],
            ggd_supervised=item["ggd_supervised"],
        )
        for key, item in data["k_items"].items()
    }
    checks = {
        key: Check(
            id=key,
            scope=item["scope"],
            title_nl=item["title_nl"],
            title_en=item["title_en"],
            description_nl=item["description_nl"],
            description_en=item["description_en"],
            rule_ids=tuple(item["rules"]),
            ambiguities=tuple(item["ambiguities"]),
            citations=tuple(_citation(c) for c in item["citations"]),
            k_item=item.get("k_item"),
        )
        for key, item in data["checks"].items()
    }
    findings = {
        item["id"]: FindingSpec(
            id=item["id"],
            check=item["check"],
            severity=Severity(item["severity"]),
            title_nl=item["title_nl"],
            title_en=item["title_en"],
            message_nl=item["message_nl"],
            message_en=item["message_en"],
        )
        for item in data["findings"]
    }
    return Catalogue(schema_version=data["schema_version"], checks=checks, findings=findings, k_items=k_items)


@attrs.frozen(kw_only=True, slots=True)
class Finding:
    """One thing a check reports about a row, a complaint or the organisation.

    A finding stores what is particular to it: its id, where it points, and the facts its message is
    built from. Everything else (check, severity, rule ids, citations, K item, the messages) comes
    from the catalogue entry of its id, so a long run holds no copies of catalogue text.
    """

    #: Stable id from the catalogue (``KR-HANDLING-LATE``).
    id: str
    #: The register row (CSV: its line, the header being line 1), or ``None`` for the organisation.
    row: int | None = None
    #: The register's own (pseudonymous) complaint id, or ``None``.
    complaint_id: str | None = None
    #: The register column, for rejected rows.
    column: str | None = None
    #: The facts the message is built from (dates, counts, codes: never personal data).
    facts: tuple[tuple[str, str], ...] = ()

    @property
    def spec(self) -> FindingSpec:
        """This finding's catalogue entry."""
        return _entries()[self.id][0]

    @property
    def check(self) -> str:
        """The check that gave it (``handling-term``, ``K5``)."""
        return _entries()[self.id][0].check

    @property
    def severity(self) -> Severity:
        return _entries()[self.id][0].severity

    @property
    def _check(self) -> Check:
        return _entries()[self.id][1]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return self._check.rule_ids

    @property
    def ambiguities(self) -> tuple[str, ...]:
        return self._check.ambiguities

    @property
    def citations(self) -> tuple[Citation, ...]:
        return self._check.citations

    @property
    def k_item(self) -> str | None:
        """The K item the check mirrors (``K4``), if any."""
        return self._check.k_item

    @property
    def message_nl(self) -> str:
        return self.spec.message_nl.format_map(dict(self.facts))

    @property
    def message_en(self) -> str:
        return self.spec.message_en.format_map(dict(self.facts))

    @property
    def year(self) -> int | None:
        """The calendar year an organisation finding is about (K5: the annual report over that year),
        from its facts; ``None`` for any other finding. Part of what an acceptance names
        (:mod:`klachtregels.baseline`): next year's late report is another finding."""
        if self.row is not None or self.complaint_id is not None:
            return None
        for key, value in self.facts:
            if key == "year":
                return int(value) if value.isascii() and value.isdigit() else None
        return None

    @property
    def subject(self) -> str:
        """``organisation`` when the finding is about the provider, else ``complaint``/``row``."""
        if about_organisation(self):
            return "organisation"
        return "row" if self.check == "register-row" else "complaint"

    def message(self, lang: str = "nl") -> str:
        """The message in Dutch (``nl``) or English (``en``)."""
        return self.spec.template(lang).format_map(dict(self.facts))

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the catalogue's part made once per check, copied into each finding's dict)."""
        spec, check = _entries()[self.id]
        citations = _citations_json(spec.check)
        return {
            "id": self.id,
            "check": spec.check,
            "severity": spec.severity.value,
            "subject": self.subject,
            "row": self.row,
            "complaint_id": self.complaint_id,
            "column": self.column,
            "rule_ids": list(check.rule_ids),
            "ambiguities": list(check.ambiguities),
            "k_item": check.k_item,
            "citations": [dict(c) for c in citations],
            "message": {"nl": self.message_nl, "en": self.message_en},
            "facts": dict(self.facts),
        }


@functools.cache
def _citations_json(check_id: str) -> tuple[dict[str, Any], ...]:
    """A check's citations in JSON form (made once per check; callers copy)."""
    return tuple(c.to_dict() for c in load_catalogue().checks[check_id].citations)


@functools.cache
def _entries() -> Mapping[str, tuple[FindingSpec, Check]]:
    """Each finding id's catalogue entry and its check (looked up once, read by every finding)."""
    catalogue = load_catalogue()
    return {key: (spec, catalogue.checks[spec.check]) for key, spec in catalogue.findings.items()}


def _fact_text(value: object) -> str:
    if type(value) is str:  # the common kinds first, by their exact type
        return value
    if type(value) is dt.date:
        return value.isoformat()
    if type(value) is int:
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_fact_text(v) for v in value)
    return str(value)


@functools.cache
def _templates() -> Mapping[str, tuple[str, frozenset[str], bool, bool]]:
    """Per finding id what :func:`make_finding` needs of its entry: the id as the catalogue spells
    it, the placeholders of its messages, and whether they name the row and the column (made once)."""
    return {
        key: (spec.id, spec.placeholders, "row" in spec.placeholders, "column" in spec.placeholders)
        for key, spec in load_catalogue().findings.items()
    }


def make_finding(
    finding_id: FindingId | str,
    facts: Mapping[str, object] | None = None,
    *,
    row: int | None = None,
    complaint_id: str | None = None,
    column: str | None = None,
) -> Finding:
    """Build a finding from the catalogue, filling its message templates with ``facts``.

    Raises ``KeyError`` for an unknown id or a missing fact (a programming error, caught by tests).
    """
    spec_id, wanted, wants_row, wants_column = _templates()[finding_id]
    texts = {k: _fact_text(v) for k, v in facts.items()} if facts else {}
    if wants_row:
        texts.setdefault("row", "?" if row is None else str(row))
    if wants_column:
        texts.setdefault("column", "-" if column is None else column)
    if not wanted <= texts.keys():
        raise KeyError(f"{finding_id}: facts missing for {sorted(wanted - texts.keys())}")
    return Finding(
        id=spec_id,
        row=row,
        complaint_id=complaint_id,
        column=column,
        facts=tuple(sorted(texts.items())) if len(texts) > 1 else tuple(texts.items()),
    )


def about_organisation(item: Finding | Passed) -> bool:
    """Whether a finding or pass is about the organisation (no register row, no complaint): the one
    test of what :attr:`Finding.subject` calls ``organisation``, which every writer asks."""
    return item.row is None and item.complaint_id is None


@attrs.frozen(kw_only=True, slots=True)
class Passed:
    """A check that ran on a subject and found nothing to report."""

    check: str
    row: int | None = None
    complaint_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"check": self.check, "row": self.row, "complaint_id": self.complaint_id}


def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{attribute.name} must be a whole number >= 0, got {type(value).__name__}")


@attrs.frozen(kw_only=True)
class CheckSettings:
    """Settings of the checks themselves (not of the law, not of the organisation's policy)."""

    #: An open complaint whose deadline is at most this many calendar days after the as-of date is
    #: 'due soon' (a warning). Default 7: one calendar week, as in :func:`klachtregels.decisions.assess`.
    due_soon_days: int = attrs.field(default=7, validator=_positive)
    #: 'Onverwijld' (Wko 1.51b lid 1) has no statutory measure. Consulting the vertrouwensinspecteur
    #: more than this many ATW working days after the signal became known is reported as late.
    #: Default 1 (the same or the next working day): a judgement call, documented as such.
    consult_within_working_days: int = attrs.field(default=1, validator=_positive)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "due_soon_days": self.due_soon_days,
            "consult_within_working_days": self.consult_within_working_days,
        }


def run_fails(
    counts: Mapping[Severity, int], *, rows_rejected: int, fail_on: FailOn | str, strict: bool
) -> bool:
    """The one rule for a run's verdict (the exit code): a finding that counts, at ``fail_on`` or
    above, fails it; under ``strict`` so does a rejected row. ``counts``: findings that count, by
    severity (accepted findings left out by the caller that knows the acceptances)."""
    from klachtregels._arguments import enum_argument

    level = enum_argument(fail_on, FailOn, "fail_on")
    if strict and rows_rejected:
        return True
    return any(n > 0 and level.reached_by(severity) for severity, n in counts.items())


@attrs.frozen(kw_only=True)
class CheckSummary:
    """Counters of a run. ``rows_read == rows_checked + rows_rejected`` always holds."""

    rows_read: int
    rows_checked: int
    rows_rejected: int
    #: Whether an organisation file was checked (K1-K9).
    organisation_checked: bool
    errors: int
    warnings: int
    infos: int
    #: Check runs (check x subject) that found nothing.
    passed: int
    #: Findings per id.
    by_id: Mapping[str, int] = attrs.field(factory=dict)

    def failed(self, fail_on: FailOn | str = FailOn.ERROR, *, strict: bool = False) -> bool:
        """Whether a finding reaches ``fail_on`` (by the counts); under ``strict`` a rejected row does.

        Acceptances are not known here: a run with accepted findings is judged by the output's
        :class:`~klachtregels.compliance._sinks.Judge` (the same rule, :func:`run_fails`).
        """
        counts = {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}
        return run_fails(counts, rows_rejected=self.rows_rejected, fail_on=fail_on, strict=strict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "rows_read": self.rows_read,
            "rows_checked": self.rows_checked,
            "rows_rejected": self.rows_rejected,
            "organisation_checked": self.organisation_checked,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "passed": self.passed,
            "by_id": dict(sorted(self.by_id.items())),
        }


def summarise(
    findings: Iterable[Finding],
    passed: Iterable[Passed],
    *,
    rows_read: int,
    rows_rejected: int,
    organisation_checked: bool,
) -> CheckSummary:
    """Count findings by severity and id."""
    counts = dict.fromkeys(Severity, 0)
    by_id: dict[str, int] = {}
    for f in findings:
        counts[f.severity] += 1
        by_id[f.id] = by_id.get(f.id, 0) + 1
    return CheckSummary(
        rows_read=rows_read,
        rows_checked=rows_read - rows_rejected,
        rows_rejected=rows_rejected,
        organisation_checked=organisation_checked,
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        passed=sum(1 for _ in passed),
        by_id=by_id,
    )


@attrs.frozen(kw_only=True)
class CheckResult:
    """Everything one compliance run found, with what produced it (as-of date, policy, versions)."""

    findings: tuple[Finding, ...]
    passed: tuple[Passed, ...]
    summary: CheckSummary
    as_of: dt.date
    #: The policy's name (``statutory``, or the name in a policy file).
    policy: str
    settings: CheckSettings = attrs.field(factory=CheckSettings)
    #: The register as named by the caller (a path), for locations in reports.
    register: str | None = None
    #: The organisation file as named by the caller, and the provider's name from it.
    organisation_file: str | None = None
    organisation: str | None = None
    library_version: str = __version__

    def __repr__(self) -> str:
        """Short: as-of day, policy, counts (never the findings themselves)."""
        from klachtregels.bulk._display import check_result_repr

        return check_result_repr(self)

    def _repr_html_(self) -> str:
        """Notebook display (escaped HTML; :mod:`klachtregels.bulk._display`)."""
        from klachtregels.bulk._display import check_result_html

        return check_result_html(self)

    def to_pandas(self) -> Any:
        """One row per finding, flat columns (needs pandas: :func:`klachtregels.bulk.check_result_frame`)."""
        from klachtregels.bulk import check_result_frame

        return check_result_frame(self)

    def failed(self, fail_on: FailOn | str = FailOn.ERROR, *, strict: bool = False) -> bool:
        """Whether any finding reaches ``fail_on``; with ``strict``, any rejected row fails too."""
        counts = collections.Counter(f.severity for f in self.findings)
        return run_fails(counts, rows_rejected=self.summary.rows_rejected, fail_on=fail_on, strict=strict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckResult:
        """Inverse of :meth:`to_dict`, through :mod:`klachtregels.convert` (where the shape is registered).

        Raises :class:`~klachtregels.errors.InvalidInputError` listing every problem by path.
        """
        return convert.structure(data, cls, what="check result")

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON shape ``klachtregels.check`` (see docs/compliance.md)."""
        return {
            "schema": CHECK_RESULT_SCHEMA,
            "schema_version": CHECK_RESULT_SCHEMA_VERSION,
            "library_version": self.library_version,
            "as_of": self.as_of.isoformat(),
            "policy": self.policy,
            "settings": self.settings.to_dict(),
            "register": self.register,
            "organisation_file": self.organisation_file,
            "organisation": self.organisation,
            "summary": self.summary.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "passed": [p.to_dict() for p in self.passed],
        }
