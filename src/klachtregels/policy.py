"""Organisation policies: the open points the law leaves, as data.

A :class:`Policy` fills only what ``regulation.md`` leaves open (the A-settings of its section 8),
house terms (first contact, acknowledgement, a submission window), scope beyond the statute (such
as complaints about the working method) and what happens to a complaint after the meldcode. It
never changes what the statute fixes: ``klachtregels policy lint`` rejects a policy that is laxer
than the law (:func:`klachtregels.policy_lint.lint_policy`).

Policies are TOML files. The package ships ``statutory`` (the baseline, the default everywhere)
and one per seed organisation; :func:`load_policy` takes a shipped name or a path.
"""

from __future__ import annotations

import enum
import functools
import os
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import attrs

from klachtregels import convert
from klachtregels._arguments import wrong_type
from klachtregels._identity import per_object
from klachtregels._io import loads_toml
from klachtregels.errors import InvalidInputError, PolicyError, TermError
from klachtregels.terms import AtwMode, Deadline, ReceiptRule, Term, _handling_on, _handling_setup

if TYPE_CHECKING:
    import datetime as dt

    from klachtregels.terms import _Plan

__all__ = [
    "AfterMeldcode",
    "AnnualReportToParents",
    "AtwMode",
    "ComplainantScope",
    "DirectAccessGround",
    "HandledWhen",
    "InvalidPolicyError",
    "KlachtenloketRole",
    "Policy",
    "PolicySource",
    "ReceiptRule",
    "TwelveMonthStart",
    "applied_policy",
    "backwards_terms",
    "load_policy",
    "policy_from_mapping",
    "require_applicable",
    "shipped_policies",
    "toml_key",
]


class HandledWhen(enum.StrEnum):
    """A5: a complaint is handled when the judgement is sent (default) or received."""

    SENT = "sent"
    RECEIVED = "received"


class ComplainantScope(enum.StrEnum):
    """A7: who may complain."""

    STATUTORY_OUDER = "statutory_ouder"
    CONTRACT_PARTY_ONLY = "contract_party_only"


class AfterMeldcode(enum.StrEnum):
    """A10: what the house does with the rest of a complaint once the meldcode/meldplicht takes over."""

    #: Handle the remaining complaint afterwards (Les Petits, the model regulation 2022).
    RESUME = "resume"
    #: 'Close' the complaint procedure (Smallsteps). The statute suspends nothing (R29).
    CLOSE = "close"
    #: The parent may 'alsnog' file a (new) internal complaint once the meldcode steps are done
    #: (Les Petits, Thuishuis): the six weeks would run from the new filing, which defers the clock
    #: just as closing does. The statute suspends nothing (R29).
    REFILE = "refile"


class AnnualReportToParents(enum.StrEnum):
    """R9 (Wko 1.57b lid 8): how the regulation says the annual complaint report reaches parents."""

    #: Brought to parents' attention (the statute's words: 'brengt het ... onder de aandacht').
    BROUGHT_TO_ATTENTION = "brought_to_attention"
    #: Parents may ask for it ('opvraagbaar'): laxer than lid 8.
    ON_REQUEST = "on_request"
    #: Not to parents at all (only to the oudercommissie, say): laxer than lid 8.
    NOT_TO_PARENTS = "not_to_parents"


class KlachtenloketRole(enum.StrEnum):
    """R26: how the regulation presents the Klachtenloket Kinderopvang."""

    #: Optional information, advice and mediation, beside the Geschillencommissie (as the law has it).
    OPTIONAL = "optional"
    #: A step before the Geschillencommissie ('lukt dat niet, dan ...'): laxer than R26.
    REQUIRED_BEFORE_GCK = "required_before_gck"


class DirectAccessGround(enum.StrEnum):
    """R20: the two grounds for going to the Geschillencommissie without the internal procedure."""

    #: (i) no (timely) judgement within six weeks.
    NO_TIMELY_JUDGEMENT = "no_timely_judgement"
    #: (ii) complaining to the provider first cannot reasonably be required.
    NOT_REASONABLY_REQUIRED = "not_reasonably_required"


class TwelveMonthStart(enum.StrEnum):
    """A13: which filing with the provider starts the Geschillencommissie's twelve months."""

    FIRST_WRITTEN = "first_written"
    FIRST_ANY = "first_any"


class InvalidPolicyError(PolicyError, InvalidInputError):
    """A policy is invalid: ``problems`` lists every ``(key, message)``, keys as in the TOML file."""

    def __init__(self, what: str, problems: Sequence[tuple[str, str]]) -> None:
        self.what = what
        self.problems = tuple(problems)
        lines = "; ".join(f"{key}: {msg}" if key else msg for key, msg in self.problems)
        Exception.__init__(self, f"{what}: {lines}")


def _readable_term(value: str) -> str | None:
    """A term setting must be one klachtregels can count (``Term.parse``); the value is not quoted."""
    try:
        Term.parse(value)
    except (TermError, ValueError) as exc:
        # The parser's own words say what is wrong (its kind, never the text: "its unit is not one
        # of the accepted forms", "it is longer than 999999 days") and what is accepted.
        said, _, accepted = str(exc).partition("; ")
        _, found, why = said.partition("cannot read the term ")
        return "cannot read this term" + (f" {why}" if found else "") + (f"; {accepted}" if accepted else "")
    return None


def _not_blank(value: str) -> str | None:
    return "must not be empty (it names the policy in every decision)" if not value.strip() else None


def _at_least_zero(value: int) -> str | None:
    return "must be 0 or more" if value < 0 else None


def _known_setting(value: str) -> str | None:
    known = _known_settings()
    if value in known:
        return None
    return f"is not a policy setting (write section.key){convert.did_you_mean(value, known)}"


# attrs converters: a setting may be given as its value (text), as in the TOML file. They never
# raise; the validation reports every value it cannot read.


def _to_atw_mode(value: AtwMode | str) -> AtwMode:
    return convert.word_or_value(AtwMode, value)


def _to_receipt_rule(value: ReceiptRule | str) -> ReceiptRule:
    return convert.word_or_value(ReceiptRule, value)


def _to_handled_when(value: HandledWhen | str) -> HandledWhen:
    return convert.word_or_value(HandledWhen, value)


def _to_complainant_scope(value: ComplainantScope | str) -> ComplainantScope:
    return convert.word_or_value(ComplainantScope, value)


def _to_after_meldcode(value: AfterMeldcode | str) -> AfterMeldcode:
    return convert.word_or_value(AfterMeldcode, value)


def _to_twelve_month_start(value: TwelveMonthStart | str) -> TwelveMonthStart:
    return convert.word_or_value(TwelveMonthStart, value)


def _to_to_parents(value: AnnualReportToParents | str | None) -> AnnualReportToParents | None:
    return None if value is None else convert.word_or_value(AnnualReportToParents, value)


def _to_klachtenloket(value: KlachtenloketRole | str | None) -> KlachtenloketRole | None:
    return None if value is None else convert.word_or_value(KlachtenloketRole, value)


#: A term as text ("6 weeks", "2 werkdagen"), checked to be readable.
TermText = Annotated[str, convert.Check(_readable_term)]


@attrs.frozen(kw_only=True)
class PolicySource:
    """The clause of the organisation's own document that a setting encodes."""

    #: The setting, as a dotted TOML key (``house_terms.first_contact``).
    setting: Annotated[str, convert.Check(_known_setting)]
    document: str
    clause: str | None = None
    #: The clause's words, verbatim (Dutch).
    quote: str | None = None


@attrs.frozen(kw_only=True)
class Policy:
    """An organisation's choices on the points the law leaves open. Defaults are the statutory baseline.

    Setting names follow regulation.md section 8; the ambiguity each fills is in its comment.
    """

    #: The policy's name (``smallsteps``): shown in every output, so no invisible character in it
    #: (:func:`klachtregels.convert.invisible_problem`).
    name: Annotated[str, convert.Check(_not_blank), convert.Check(convert.invisible_problem)] = "statutory"
    title: str = "Wettelijke basis (Wet kinderopvang art. 1.57b-1.57c)"
    #: A1.
    atw_mode: AtwMode = attrs.field(default=AtwMode.APPLY, converter=_to_atw_mode)
    #: A1, with ``follow_regulation_text``: does the house regulation's text apply the ATW? None: unknown.
    regulation_applies_atw: bool | None = None
    #: A2.
    include_equated_days: bool = True
    #: A2: raise :class:`~klachtregels.errors.ProvisionalCalendarError` instead of giving an answer that
    #: reads a provisional six weeks (the handling of a complaint the procedure may cover,
    #: Geschillencommissie access); an answer without that deadline is never refused.
    strict_calendar: bool = False
    #: A3.
    exclude_filing_day: bool = True
    #: A4.
    receipt_rule: ReceiptRule = attrs.field(default=ReceiptRule.SAME_DAY, converter=_to_receipt_rule)
    #: A5.
    handled_when: HandledWhen = attrs.field(default=HandledWhen.SENT, converter=_to_handled_when)
    #: R6 (1.57b lid 2 d): the house handling term. The statute's six weeks is the maximum.
    handling_term: TermText = "6 weeks"
    #: A7. ``contract_party_only`` describes the house text; it cannot shut out a statutory ouder
    #: (rule R3 keeps them eligible and flags it; lint: narrower on paper).
    complainant_scope: ComplainantScope = attrs.field(
        default=ComplainantScope.STATUTORY_OUDER, converter=_to_complainant_scope
    )
    #: A7: prospective clients may complain under the house regulation.
    include_prospective_clients: bool = False
    #: A8: complaints about working method or policy are in scope by the house regulation.
    include_working_method: bool = False
    #: A9.
    electronic_counts_as_written: bool = True
    #: A9: app messages count as written. ``None``: the house says nothing (needs human judgement).
    app_messages_count_as_written: bool | None = None
    #: A10.
    after_meldcode: AfterMeldcode = attrs.field(default=AfterMeldcode.RESUME, converter=_to_after_meldcode)
    #: A13.
    twelve_month_start: TwelveMonthStart = attrs.field(
        default=TwelveMonthStart.FIRST_WRITTEN, converter=_to_twelve_month_start
    )
    #: A14: the Geschillencommissie's klachtgeld for parents, in euro cents, and the date it was seen.
    klachtgeld_cents: Annotated[int, convert.Check(_at_least_zero)] | None = 2500
    klachtgeld_seen_on: str | None = "2025"
    #: A16: apply the ATW to the fixed 'before 1 June' of the annual report.
    jaarverslag_atw: bool = False
    #: A17: apply the ATW by analogy to private (house) terms.
    private_term_atw: bool = False
    #: House term: first personal contact after receipt (Smallsteps: "2 working days").
    first_contact_term: TermText | None = None
    #: House term: acknowledgement of receipt.
    acknowledgement_term: TermText | None = None
    #: House window for submitting a complaint after it arose (Smallsteps: "2 months"; A17).
    submission_window: TermText | None = None
    #: R25: the house offers a voluntary internal route for the oudercommissie (Les Petits).
    oudercommissie_internal_route: bool = False
    #: R3, A7: carers (verzorgers), not named in Wko art. 1.1, may complain under the house regulation.
    include_carers: bool = False
    #: R3, A7: guardians and legal representatives (voogd), not named in art. 1.1, may complain.
    include_guardians: bool = False
    # --- What the regulation's text provides (issue 10 point 6). ``None``: the text does not say
    # (lint: 'not stated'); ``False``: it says less than the law (lint: a warning). Decisions keep
    # the statutory outcome either way. Check K2 reads lid 2 a-c, e-f from here and from the
    # organisation file together (rules.organisation.regulation_provisions); not from the statutory
    # baseline, which states the statute.
    #: R5 (1.57b lid 2 a): the complaint is submitted in writing.
    written_submission: bool | None = None
    #: R6 (1.57b lid 2 b): careful investigation.
    careful_investigation: bool | None = None
    #: R6 (1.57b lid 2 c): the parent is kept informed of progress.
    keeps_parent_informed: bool | None = None
    #: R6 (1.57b lid 2 e): a written, reasoned judgement.
    reasoned_judgement: bool | None = None
    #: R6 (1.57b lid 2 f): the judgement names a concrete term for measures.
    concrete_term_for_measures: bool | None = None
    #: R10 (1.57d): confidentiality of what the handling reveals.
    confidentiality: bool | None = None
    #: R9 (1.57b lid 4): complaints are registered (the report counts them per location).
    registration: bool | None = None
    #: R9 (1.57b lid 8): the annual report is sent to the GGD.
    annual_report_to_ggd: bool | None = None
    #: R9 (1.57b lid 8): how the annual report reaches parents.
    annual_report_to_parents: AnnualReportToParents | None = attrs.field(
        default=None, converter=_to_to_parents
    )
    #: R9 (1.57b lid 5): no natural person is traceable in the report (the provider excepted).
    annual_report_anonymised: bool | None = None
    #: The report goes to (or is discussed with) the oudercommissie: not a statutory duty, recorded only.
    annual_report_to_oudercommissie: bool | None = None
    #: R26: how the regulation presents the Klachtenloket.
    klachtenloket: KlachtenloketRole | None = attrs.field(default=None, converter=_to_klachtenloket)
    #: R20: the grounds for direct access to the Geschillencommissie the regulation names.
    #: ``()``: it names direct access without its grounds; ``None``: it does not say.
    direct_access_grounds: tuple[DirectAccessGround, ...] | None = None
    #: Where each setting comes from.
    sources: tuple[PolicySource, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Every field is checked against its annotation by the one structuring layer; an enum
        # setting also accepts its value as text. Problems are reported all at once.
        what = f"policy {self.name!r}" if isinstance(self.name, str) else "policy"
        convert.validate(self, what, self._check, error=InvalidPolicyError)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        """Cross-field problems: a direct-access ground listed twice (R20), as a subject is refused."""
        grounds = self.direct_access_grounds
        if grounds is not None and len(grounds) > 1:
            problems.extend(convert.listed_twice("direct_access_grounds", grounds))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """Inverse of :meth:`to_dict` (the flat JSON form; the TOML layout: :func:`policy_from_mapping`)."""
        try:
            return convert.structure(data, cls, what="policy")
        except InvalidInputError as exc:
            raise InvalidPolicyError("policy", exc.problems) from None

    def handling_deadline(self, received: dt.date, *, strict: bool | None = None) -> Deadline:
        """The six-week handling deadline (R6, R12) under this policy's A1-A4 settings.

        The same as :func:`klachtregels.terms.handling_deadline` with the policy's settings as its
        arguments (``regulation_applies_atw`` only counts with ``follow_regulation_text``, A1).
        ``strict`` overrides ``strict_calendar`` (A2), for callers that report provisional dates.
        """
        plan, next_day = _handling_setup_of(self)  # the settings resolved once per policy
        return _handling_on(plan, next_day, received, self.strict_calendar if strict is None else strict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: one key per field (enum values as text), sources included."""
        out: dict[str, Any] = convert.to_plain(self)
        return out


# TOML layout: section -> {toml key: Policy field}.
_LAYOUT: Mapping[str, Mapping[str, str]] = {
    "policy": {"name": "name", "title": "title"},
    "deadlines": {
        "atw_mode": "atw_mode",
        "regulation_applies_atw": "regulation_applies_atw",
        "include_equated_days": "include_equated_days",
        "strict_calendar": "strict_calendar",
        "exclude_filing_day": "exclude_filing_day",
        "receipt_rule": "receipt_rule",
        "handled_when": "handled_when",
        "handling_term": "handling_term",
        "twelve_month_start": "twelve_month_start",
        "jaarverslag_atw": "jaarverslag_atw",
        "private_term_atw": "private_term_atw",
    },
    "scope": {
        "complainant_scope": "complainant_scope",
        "include_prospective_clients": "include_prospective_clients",
        "include_working_method": "include_working_method",
        "electronic_counts_as_written": "electronic_counts_as_written",
        "app_messages_count_as_written": "app_messages_count_as_written",
        "oudercommissie_internal_route": "oudercommissie_internal_route",
        "include_carers": "include_carers",
        "include_guardians": "include_guardians",
    },
    "regulation": {
        "written_submission": "written_submission",
        "careful_investigation": "careful_investigation",
        "keeps_parent_informed": "keeps_parent_informed",
        "reasoned_judgement": "reasoned_judgement",
        "concrete_term_for_measures": "concrete_term_for_measures",
        "confidentiality": "confidentiality",
        "registration": "registration",
    },
    "annual_report": {
        "to_ggd": "annual_report_to_ggd",
        "to_parents": "annual_report_to_parents",
        "anonymised": "annual_report_anonymised",
        "to_oudercommissie": "annual_report_to_oudercommissie",
    },
    "escalation": {
        "klachtenloket": "klachtenloket",
        "direct_access_grounds": "direct_access_grounds",
    },
    "meldcode": {"after_meldcode": "after_meldcode"},
    "house_terms": {
        "first_contact": "first_contact_term",
        "acknowledgement": "acknowledgement_term",
        "submission_window": "submission_window",
    },
    "geschillencommissie": {
        "klachtgeld_cents": "klachtgeld_cents",
        "klachtgeld_seen_on": "klachtgeld_seen_on",
    },
}


def policy_from_mapping(
    data: Mapping[str, Any], *, origin: str = "<policy>", default_name: str | None = None
) -> Policy:
    """Build a policy from the TOML structure; every problem is reported at once, by TOML key.

    ``default_name``: the name (and title) of a policy whose ``[policy]`` table gives none (a file's
    stem, from :func:`load_policy`), so that a house policy is never shown as the statutory baseline;
    without it, such a policy keeps the class defaults (``statutory``).

    Raises :class:`InvalidPolicyError` (a :class:`~klachtregels.errors.PolicyError` and an
    :class:`~klachtregels.errors.InvalidInputError`).
    """
    problems: list[tuple[str, str]] = []
    flat: dict[str, Any] = {}
    for section, value in data.items():
        if section == "sources":
            flat["sources"] = value
            continue
        keys = _LAYOUT.get(section)
        if keys is None:
            known = ", ".join(sorted(_LAYOUT))
            path, message = convert.unknown_key("", section, [*_LAYOUT, "sources"], "section")
            problems.append((path, f"{message} (known: {known}, sources)"))
            continue
        if not isinstance(value, Mapping):
            problems.append((section, f"must be a table [{section}], got {convert.kind_of(value)}"))
            continue
        for key, item in value.items():
            field = keys.get(key)
            if field is None:
                path, message = convert.unknown_key(section, key, keys, "setting")
                problems.append((path, f"{message} (known: {', '.join(sorted(keys))})"))
                continue
            flat[field] = item
    if default_name is not None and default_name.strip():
        flat.setdefault("title", flat.get("name") if isinstance(flat.get("name"), str) else default_name)
        flat.setdefault("name", default_name)
    policy: Policy | None = None
    try:
        policy = convert.structure(flat, Policy)
    except InvalidInputError as exc:
        problems.extend((_toml_path(path), message) for path, message in exc.problems)
    if problems or policy is None:
        raise InvalidPolicyError(origin, problems)
    return policy


def _toml_path(path: str) -> str:
    """A Policy field path (``atw_mode``, ``sources[0].page``) as the TOML file spells it."""
    head, sep, rest = path.partition(".")
    name, bracket, index = head.partition("[")
    if not name:
        return path
    return toml_key(name) + bracket + index + sep + rest


@functools.cache
def _known_settings() -> tuple[str, ...]:
    return tuple(f"{section}.{key}" for section, keys in _LAYOUT.items() for key in keys)


def toml_key(field_name: str) -> str:
    """The dotted TOML key (``deadlines.handling_term``) of a :class:`Policy` field name."""
    for section, keys in _LAYOUT.items():
        for key, field in keys.items():
            if field == field_name:
                return f"{section}.{key}"
    return field_name


#: A policy's settings that are terms counted forward from an event (R6, A17): the handling term from
#: receipt, the house terms from receipt, the submission window from the event complained about.
_TERM_SETTINGS = ("handling_term", "first_contact_term", "acknowledgement_term", "submission_window")


def backwards_terms(policy: Policy) -> tuple[str, ...]:
    """The term settings of ``policy`` written as counted backwards (``"6 weeks before"``), by field.

    None of them can be applied: each runs forward from its event (a handling term that ends before
    the complaint arrived means nothing). ``policy lint`` calls them ``*_BACKWARDS`` (unusable)."""
    return tuple(
        name
        for name in _TERM_SETTINGS
        if (text := getattr(policy, name)) is not None and Term.parse(text).backwards
    )


def require_applicable(policy: Policy, *, what: str | os.PathLike[str] | None = None) -> None:
    """Raise :class:`InvalidPolicyError` when a term of ``policy`` is counted backwards
    (:func:`backwards_terms`), naming each such setting by its TOML key.

    A policy is built whatever its terms say, so that ``policy lint`` can report on it. Applying it
    refuses it: every entry point loads its policy with :func:`applied_policy`, and the two places that
    count its terms (its handling plan, its house-term plan) ask again for callers that go to them
    directly (``Policy.handling_deadline``, ``house_deadlines``). ``what``: the file; default: the
    policy's name."""
    found = backwards_terms(policy)
    if found:
        problems = [(toml_key(name), convert.ProblemText("INPUT_TERM_BACKWARDS")) for name in found]
        raise InvalidPolicyError(f"policy {policy.name!r}" if what is None else os.fspath(what), problems)


def applied_policy(
    name_or_path: str | os.PathLike[str] | Policy | None = None, *, what: str | None = None
) -> Policy:
    """:func:`load_policy`, for measuring complaints against the policy: refused with
    :class:`InvalidPolicyError` when it cannot be applied (:func:`require_applicable`; ``what`` names
    the policy in the error, the command line's ``--policy``), before any complaint is looked at
    (checked once per policy object). What ``assess``, ``check``, the report, the timeline,
    ``assess_many`` and the command line call; ``policy lint`` and ``policy show`` load with
    :func:`load_policy`, so that they can report on such a policy."""
    policy = load_policy(name_or_path)
    if _APPLICABLE.get(id(policy)) is not policy:  # inline, not per_object: called once per assessment
        require_applicable(policy, what=what)
        if len(_APPLICABLE) >= 64:
            _APPLICABLE.clear()
        _APPLICABLE[id(policy)] = policy  # kept with the object, so its id stays its own
    return policy


#: The policies :func:`require_applicable` accepted, by identity (a policy that raises is asked again).
_APPLICABLE: dict[int, Policy] = {}


def _resolve_handling(policy: Policy) -> tuple[_Plan, bool]:
    """The one place where a policy's A1-A4 settings become the handling deadline's plan, and
    whether day 0 moves to the next working day (``regulation_applies_atw`` only counts with
    ``follow_regulation_text``, A1). Refuses a policy that cannot be applied (:func:`require_applicable`)."""
    require_applicable(policy)
    follow = policy.atw_mode is AtwMode.FOLLOW_REGULATION_TEXT
    return _handling_setup(
        policy.atw_mode,
        policy.regulation_applies_atw if follow else None,
        policy.exclude_filing_day,
        policy.receipt_rule,
        policy.include_equated_days,
    )


#: :func:`_resolve_handling` once per policy object (by identity, at most 64 policies kept).
_handling_setup_of = per_object(_resolve_handling, keep=64)


def load_policy(name_or_path: str | os.PathLike[str] | Policy | None = None) -> Policy:
    """A shipped policy by name (``statutory``, ``les-petits``, ``smallsteps``, ``thuishuis``) or a TOML file.

    ``None`` gives the statutory baseline.
    """
    if isinstance(name_or_path, Policy):
        return name_or_path
    if name_or_path is None:
        return _shipped("statutory")
    text = os.fspath(name_or_path) if isinstance(name_or_path, str | os.PathLike) else None
    if not isinstance(text, str):  # another type, or a path in bytes
        raise wrong_type("policy", "a Policy, a shipped policy's name, a path or None", name_or_path)
    if text in shipped_policies():
        return _shipped(text)
    path = Path(text)
    if not path.exists():
        # The name given is not repeated (it may be anything typed, a person's name included).
        shipped = ", ".join(shipped_policies())
        raise PolicyError(convert.ProblemText("INPUT_POLICY_NOT_FOUND", shipped=shipped))
    try:
        data = loads_toml(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    except OSError as exc:  # a folder, or a file that cannot be read
        raise PolicyError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    return policy_from_mapping(data, origin=str(path), default_name=path.stem)


def _policies_folder() -> Path:
    # The package's own folder (importlib.resources costs more to import than the files cost to read).
    return Path(__file__).parent / "policies"


@functools.cache
def shipped_policies() -> tuple[str, ...]:
    """Names of the policies shipped with the package."""
    return tuple(
        sorted(p.name.removesuffix(".toml") for p in _policies_folder().iterdir() if p.name.endswith(".toml"))
    )


@functools.cache
def _shipped(name: str) -> Policy:
    data = tomllib.loads((_policies_folder() / f"{name}.toml").read_text(encoding="utf-8"))
    return policy_from_mapping(data, origin=f"policy {name!r}")
