"""``policy lint``: giving the parent less than the law is rejected; the verdict names the direction."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from fractions import Fraction
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.messages import UnknownLanguageError, text
from klachtregels.policy import (
    AfterMeldcode,
    AnnualReportToParents,
    AtwMode,
    ComplainantScope,
    DirectAccessGround,
    HandledWhen,
    InvalidPolicyError,
    KlachtenloketRole,
    Policy,
    ReceiptRule,
    TwelveMonthStart,
    load_policy,
    policy_from_mapping,
    toml_key,
)
from klachtregels.policy_lint import (
    FINDING_SPECS,
    LINT_SCHEMA,
    LINTED_FIELDS,
    UNLINTED_FIELDS,
    Direction,
    LintCode,
    LintReport,
    Severity,
    is_clean,
    lint_policy,
    term_length_days,
)
from klachtregels.terms import Term, TermUnit, deadline, handling_deadline
from strategies_policy import UNIT_WORDS, clean_policies, policies, terms

#: The statutory baseline as a policy file states it (every point of the regulation stated), renamed.
BASE = attrs.evolve(load_policy("statutory"), name="test")


def _lint(**changes: object) -> LintReport:
    return lint_policy(attrs.evolve(BASE, **changes))


def _only(report: LintReport, code: str) -> None:
    assert report.codes() == (code,), report.codes()


# --- term lengths ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "shortest", "longest"),
    [
        ("6 weeks", 42, 42),
        ("42 days", 42, 42),
        ("1008 hours", 42, 42),
        ("1 month", 28, 31),
        ("2 months", 59, 62),
        ("3 months", 89, 92),
        ("1 year", 365, 366),
        ("2 working days", 2, 7),  # over Christmas/Easter a weekend and holidays fall inside
        ("30 working days", 40, 54),
    ],
)
def test_term_length_days(term: str, shortest: int, longest: int) -> None:
    assert term_length_days(term) == (Fraction(shortest), Fraction(longest))


def test_term_length_hours_is_fractional() -> None:
    assert term_length_days(Term(1009, TermUnit.HOURS)) == (Fraction(1009, 24), Fraction(1009, 24))


# --- handling term (R6) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    ["3 months", "2 months", "45 days", "43 days", "7 weeks", "1009 hours", "1 year", "30 working days"],
)
def test_handling_term_laxer_than_six_weeks_is_rejected(term: str) -> None:
    report = _lint(handling_term=term)
    _only(report, "HANDLING_TERM_TOO_LONG")
    finding = report.errors[0]
    assert finding.rule_ids == ("R6",)
    assert finding.setting == "deadlines.handling_term"
    assert finding.value == term
    assert [c.label() for c in finding.citations] == ["Wko art. 1.57b lid 2 sub d"]
    assert "zes weken" in finding.message("nl")
    assert "six weeks" in finding.message("en")
    assert not report.ok
    assert report.exit_code() == 1


@pytest.mark.parametrize(
    "term", ["4 weeks", "30 days", "1 month", "20 working days", "24 working days", "5 dagen"]
)
def test_shorter_handling_term_is_accepted_with_a_note(term: str) -> None:
    report = _lint(handling_term=term)
    _only(report, "HANDLING_TERM_SHORTER")
    assert report.infos[0].severity is Severity.INFO
    assert report.clean
    assert report.exit_code() == 0


@pytest.mark.parametrize("term", ["6 weeks", "6 weken", "42 days", "42 dagen", "1008 hours"])
def test_six_weeks_in_any_spelling_is_silent(term: str) -> None:
    assert _lint(handling_term=term).findings == ()


def test_backwards_handling_term_is_rejected() -> None:
    _only(_lint(handling_term="6 weeks before"), "HANDLING_TERM_BACKWARDS")


# --- who may complain, what, how (R3-R5) -----------------------------------------------------------


def test_contract_party_only_is_narrower_on_paper() -> None:
    """Issue 10 point 7, R3/A7: one verdict. Rule R3 keeps a statutory ouder who is not a contract party
    eligible (art. 1.57b lid 1 gives every ouder the regulation) and flags the house text; lint says the
    same: narrower on paper (a warning), not a rejection."""
    report = _lint(complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY)
    _only(report, "SCOPE_NARROWER_THAN_OUDER")
    finding = report.warnings[0]
    assert finding.direction is Direction.NARROWER_ON_PAPER
    assert report.ok
    assert finding.rule_ids == ("R3", "A7")
    assert finding.setting == "scope.complainant_scope"
    assert "Wko art. 1.1 lid 1" in [c.label() for c in finding.citations]
    assert "grootouders" in finding.message("nl")
    assert "grandparents" in finding.message("en")


def test_electronic_not_written_is_rejected() -> None:
    report = _lint(electronic_counts_as_written=False)
    _only(report, "ELECTRONIC_NOT_WRITTEN")
    assert report.errors[0].rule_ids == ("R5", "A9")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"include_prospective_clients": True}, "PROSPECTIVE_CLIENTS_INCLUDED"),
        ({"include_working_method": True}, "WORKING_METHOD_IN_SCOPE"),
        ({"app_messages_count_as_written": True}, "APP_MESSAGES_WRITTEN"),
        ({"oudercommissie_internal_route": True}, "OUDERCOMMISSIE_INTERNAL_ROUTE"),
        ({"atw_mode": AtwMode.NEVER}, "ATW_NEVER"),
        ({"atw_mode": AtwMode.FOLLOW_REGULATION_TEXT}, "ATW_REGULATION_TEXT_UNKNOWN"),
        (
            {"atw_mode": AtwMode.FOLLOW_REGULATION_TEXT, "regulation_applies_atw": False},
            "ATW_FOLLOWS_REGULATION_TEXT",
        ),
        ({"include_equated_days": False}, "EQUATED_DAYS_EXCLUDED"),
        ({"exclude_filing_day": False}, "FILING_DAY_COUNTED"),
        ({"handled_when": HandledWhen.RECEIVED}, "HANDLED_WHEN_RECEIVED"),
        ({"first_contact_term": "2 working days"}, "HOUSE_TERM"),
        ({"acknowledgement_term": "1 dag"}, "HOUSE_TERM"),
        ({"private_term_atw": True}, "PRIVATE_TERM_ATW"),
        ({"klachtgeld_cents": None}, "KLACHTGELD_UNKNOWN"),
        ({"klachtgeld_cents": 5000}, "KLACHTGELD_DIFFERS"),
        ({"klachtgeld_seen_on": None}, "KLACHTGELD_UNDATED"),
    ],
)
def test_stricter_or_wider_is_accepted(changes: dict[str, object], code: str) -> None:
    report = _lint(**changes)
    _only(report, code)
    assert report.findings[0].severity is Severity.INFO
    assert report.clean
    assert is_clean(attrs.evolve(BASE, **changes))


@pytest.mark.parametrize(
    ("changes", "code", "rule"),
    [
        ({"after_meldcode": AfterMeldcode.CLOSE}, "MELDCODE_CLOSES_PROCEDURE", "R29"),
        ({"submission_window": "2 months"}, "SUBMISSION_WINDOW_NOT_A_BAR", "A17"),
        ({"receipt_rule": ReceiptRule.NEXT_WORKING_DAY}, "RECEIPT_NEXT_WORKING_DAY", "A4"),
        ({"app_messages_count_as_written": False}, "APP_MESSAGES_NOT_WRITTEN", "A9"),
        ({"jaarverslag_atw": True}, "JAARVERSLAG_ATW", "A16"),
        ({"twelve_month_start": TwelveMonthStart.FIRST_ANY}, "TWELVE_MONTHS_FROM_FIRST_ANY", "A13"),
        ({"regulation_applies_atw": True}, "REGULATION_APPLIES_ATW_UNUSED", "A1"),
        ({"first_contact_term": "2 months"}, "HOUSE_TERM_AFTER_HANDLING_TERM", "A17"),
    ],
)
def test_unclear_points_read_for_the_provider_are_warnings(
    changes: dict[str, object], code: str, rule: str
) -> None:
    report = _lint(**changes)
    _only(report, code)
    finding = report.warnings[0]
    assert rule in finding.rule_ids
    assert report.ok
    assert not report.clean
    assert not is_clean(attrs.evolve(BASE, **changes))
    assert report.exit_code() == 0
    assert report.exit_code("warning") == 1


@pytest.mark.parametrize("field", ["first_contact_term", "acknowledgement_term", "submission_window"])
def test_backwards_house_terms_are_rejected(field: str) -> None:
    _only(_lint(**{field: "2 days before"}), "HOUSE_TERM_BACKWARDS")


def test_meldcode_close_says_the_clock_keeps_running() -> None:
    finding = _lint(after_meldcode=AfterMeldcode.CLOSE).warnings[0]
    assert finding.setting == "meldcode.after_meldcode"
    assert {"Wko art. 1.51b", "Wko art. 1.57b lid 2 sub d"} <= {c.label() for c in finding.citations}
    assert "schort de zes weken niet op" in finding.message("nl")
    assert "suspends nothing" in finding.message("en")


def test_findings_are_ordered_most_severe_first() -> None:
    report = _lint(
        include_working_method=True,
        after_meldcode=AfterMeldcode.CLOSE,
        complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY,
        handling_term="2 months",
    )
    assert report.codes() == (
        "HANDLING_TERM_TOO_LONG",
        "SCOPE_NARROWER_THAN_OUDER",
        "MELDCODE_CLOSES_PROCEDURE",
        "WORKING_METHOD_IN_SCOPE",
    )


def test_report_json_and_text() -> None:
    report = _lint(handling_term="7 weeks", include_working_method=True)
    data = report.to_dict()
    assert data["schema"] == LINT_SCHEMA
    assert data["schema_version"] == 1
    assert data["ok"] is False
    assert data["counts"] == {"error": 1, "warning": 0, "info": 1}
    first = data["findings"][0]
    assert first["code"] == "HANDLING_TERM_TOO_LONG"
    assert first["rule_ids"] == ["R6"]
    assert first["citations"][0]["url"] == "https://wetten.overheid.nl/BWBR0017017#Artikel1.57b"
    assert set(first["message"]) == {"nl", "en"}
    json.dumps(data)  # JSON-ready
    nl = report.render("nl")
    assert 'FOUT HANDLING_TERM_TOO_LONG [deadlines.handling_term = "7 weeks"]' in nl
    assert "Afgewezen" in nl
    assert "ERROR HANDLING_TERM_TOO_LONG" in report.render("en")


def test_every_policy_field_is_linted_or_declared_unlinted() -> None:
    """A new Policy field must get a lint check (or be declared as having no legal content)."""
    fields = {f.name for f in attrs.fields(Policy)}
    assert fields == LINTED_FIELDS | UNLINTED_FIELDS
    assert not LINTED_FIELDS & UNLINTED_FIELDS


def test_every_finding_setting_is_a_toml_key() -> None:
    report = lint_policy(_everything_policy())
    keys = {toml_key(name) for name in LINTED_FIELDS}
    assert {f.setting for f in report.findings} <= keys
    # Every linted setting that departs from the statute here produces a finding.
    assert len({f.setting for f in report.findings}) == len(LINTED_FIELDS) - 1  # klachtgeld_seen_on folds
    for finding in report.findings:
        assert finding.rule_ids
        assert finding.message("nl")
        assert finding.message("en")
        assert finding.message("nl") != finding.message("en")


# --- the direction of a deviation names the verdict (issue 8 item 5) -------------------------------

# The words that state a verdict. A finding's detail text never uses them: the verdict comes only from
# the direction, which is data per code (FINDING_SPECS).
_VERDICT_WORDS = {
    "nl": ("ruimer", "beperkter", "strenger", "laxer", "toegestaan"),
    "en": ("wider", "narrower", "stricter", "laxer", "allowed"),
}


def _everything_policy() -> Policy:
    """A policy that departs from the statute on every linted setting."""
    return attrs.evolve(
        BASE,
        handling_term="2 months",
        atw_mode=AtwMode.NEVER,
        regulation_applies_atw=True,
        include_equated_days=False,
        exclude_filing_day=False,
        receipt_rule=ReceiptRule.NEXT_WORKING_DAY,
        handled_when=HandledWhen.RECEIVED,
        complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY,
        include_prospective_clients=True,
        include_working_method=True,
        electronic_counts_as_written=False,
        app_messages_count_as_written=False,
        after_meldcode=AfterMeldcode.CLOSE,
        twelve_month_start=TwelveMonthStart.FIRST_ANY,
        klachtgeld_cents=None,
        klachtgeld_seen_on=None,
        jaarverslag_atw=True,
        private_term_atw=True,
        first_contact_term="2 working days",
        acknowledgement_term="3 months",
        submission_window="2 months",
        oudercommissie_internal_route=True,
        include_carers=True,
        include_guardians=True,
        written_submission=False,
        careful_investigation=False,
        keeps_parent_informed=False,
        reasoned_judgement=False,
        concrete_term_for_measures=False,
        confidentiality=False,
        registration=False,
        annual_report_to_ggd=False,
        annual_report_to_parents=AnnualReportToParents.ON_REQUEST,
        annual_report_anonymised=False,
        klachtenloket=KlachtenloketRole.REQUIRED_BEFORE_GCK,
        direct_access_grounds=(),
    )


def test_smallsteps_narrow_scope_is_called_narrower_never_wider() -> None:
    """A7: 'onze klanten' is narrower than the statutory ouder, so lint says 'beperkter', never 'ruimer';
    on paper only, because rule R3 keeps the ouder eligible (issue 10 point 7)."""
    report = lint_policy(load_policy("smallsteps"))
    scope = report.warnings[0]
    assert scope.code is LintCode.SCOPE_NARROWER_THAN_OUDER
    assert scope.direction is Direction.NARROWER_ON_PAPER
    assert scope.message("nl").startswith("Beperkter dan de wet in de tekst van de regeling")
    assert scope.message("en").startswith("Narrower than the law in the regulation's text")
    nl, en = report.render("nl"), report.render("en")
    assert nl.splitlines()[-1] == "Geaccepteerd, met waarschuwingen."
    assert en.splitlines()[-1] == "Accepted, with warnings."
    assert "laxer" not in en


def test_contract_party_scope_anywhere_gets_the_narrower_wording() -> None:
    finding = _lint(complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY).warnings[0]
    assert finding.verdict("nl") == text("LINT_DIRECTION_NARROWER_ON_PAPER", "nl")
    assert "Beperkter dan de wet" in finding.message("nl")
    assert "Ruimer" not in finding.message("nl")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"include_working_method": True}, LintCode.WORKING_METHOD_IN_SCOPE),
        ({"include_prospective_clients": True}, LintCode.PROSPECTIVE_CLIENTS_INCLUDED),
        ({"app_messages_count_as_written": True}, LintCode.APP_MESSAGES_WRITTEN),
    ],
)
def test_a_policy_that_widens_scope_gets_the_wider_allowed_wording(
    changes: dict[str, object], code: LintCode
) -> None:
    report = _lint(**changes)
    _only(report, code)
    finding = report.findings[0]
    assert finding.direction is Direction.WIDER
    assert finding.message("nl").startswith(
        "Ruimer dan de wet: het beleid geeft meer dan de wet. Toegestaan."
    )
    assert finding.message("en").startswith(
        "Wider than the law: the policy gives more than the statute. Allowed."
    )
    assert report.render("nl").splitlines()[-1] == "Schoon: geen fouten of waarschuwingen."


def test_a_handling_term_past_six_weeks_is_later_than_the_law() -> None:
    finding = _lint(handling_term="7 weeks").errors[0]
    assert finding.direction is Direction.LATER
    assert finding.message("en").startswith("Later than the law allows: the parent gets less")
    assert "49 dagen" in finding.message("nl")


def test_a_shorter_handling_term_is_stricter() -> None:
    finding = _lint(handling_term="4 weeks").infos[0]
    assert finding.direction is Direction.STRICTER
    assert finding.message("nl").startswith("Strenger dan de wet")


def test_only_unusable_errors_do_not_claim_the_parent_gets_less() -> None:
    report = _lint(handling_term="6 weeks before")
    assert report.errors[0].direction is Direction.UNUSABLE
    assert (
        report.render("en").splitlines()[-1] == "Rejected: at least one setting of this policy is unusable."
    )


@pytest.mark.parametrize("direction", list(Direction))
def test_severity_follows_from_the_direction(direction: Direction) -> None:
    if direction.gives_parent_less or direction is Direction.UNUSABLE:
        assert direction.severity is Severity.ERROR
    elif direction in {Direction.STRICTER, Direction.WIDER, Direction.WITHIN, Direction.NOT_STATED}:
        assert direction.severity is Severity.INFO
    else:
        assert direction.severity is Severity.WARNING
    assert direction.verdict("nl") != direction.verdict("en")


def test_every_code_has_a_spec_and_a_text() -> None:
    assert set(FINDING_SPECS) == set(LintCode)
    for code, spec in FINDING_SPECS.items():
        assert spec.rule_ids, code
        assert text(f"LINT_{code.value}", "nl")


def test_every_finding_verdict_is_its_direction_and_details_state_no_verdict() -> None:
    everything = lint_policy(_everything_policy())
    # Every point stated (and departing): no 'not stated'; a policy that states nothing gives those.
    assert {f.direction for f in everything.findings} == set(Direction) - {
        Direction.UNUSABLE,
        Direction.NOT_STATED,
    }
    silent = lint_policy(Policy(name="silent"))
    assert Direction.NOT_STATED in {f.direction for f in silent.findings}
    for finding in (*everything.findings, *silent.findings):
        for lang, words in _VERDICT_WORDS.items():
            assert finding.verdict(lang) == finding.direction.verdict(lang)
            assert finding.message(lang) == f"{finding.verdict(lang)} {finding.detail(lang)}"
            detail = finding.detail(lang).lower()
            assert not [w for w in words if w in detail], (finding.code, lang, detail)
        data = finding.to_dict()
        assert data["direction"] == finding.direction.value
        assert data["severity"] == finding.direction.severity.value
        assert data["verdict"] == {"nl": finding.verdict("nl"), "en": finding.verdict("en")}


def test_narrow_or_late_directions_are_exactly_the_rejections_of_the_parent() -> None:
    """'Gives the parent less' is data: exactly the codes whose direction is NARROWER or LATER."""
    less = {code for code, spec in FINDING_SPECS.items() if spec.direction.gives_parent_less}
    assert less == {
        LintCode.HANDLING_TERM_TOO_LONG,
        LintCode.SCOPE_EXCLUDES_OUDER,
        LintCode.ELECTRONIC_NOT_WRITTEN,
    }


def test_unknown_language_is_an_error_not_english() -> None:
    report = _lint(handling_term="7 weeks")
    with pytest.raises(UnknownLanguageError):
        report.render("de")
    with pytest.raises(UnknownLanguageError):
        report.findings[0].message("fr")
    with pytest.raises(UnknownLanguageError):
        Severity.ERROR.label("xx")


def test_amounts_and_fractional_days_read_in_each_language() -> None:
    differs = _lint(klachtgeld_cents=5000).findings[0]
    assert "Klachtgeld 50,00 euro wijkt af van de waargenomen 25,00 euro" in differs.message("nl")
    assert "Klachtgeld EUR 50.00 differs from the observed EUR 25.00" in differs.message("en")
    hours = _lint(handling_term="1009 hours").errors[0]
    assert "42,04 dagen" in hours.message("nl")
    assert "42.04 days" in hours.message("en")
    assert "'1009 uur'" in hours.message("nl")


# --- properties -----------------------------------------------------------------------------------


def _known_max_days(term: str) -> Fraction | None:
    """An independent upper bound of a term's length, for units whose length does not need a calendar."""
    amount_text, _, word = term.removesuffix(" before").partition(" ")
    amount = int(amount_text)
    unit = next(u for u, words in UNIT_WORDS.items() if word in words)
    return {
        "hours": Fraction(amount, 24),
        "days": Fraction(amount),
        "weeks": Fraction(7 * amount),
        "years": Fraction(366 * amount),
        "working_days": None,
    }[unit]


@given(policies())
def test_lint_never_crashes_and_is_consistent(policy: Policy) -> None:
    report = lint_policy(policy)
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks, reverse=True)  # most severe first
    assert report.ok == (not report.errors)
    assert report.clean == (report.ok and not report.warnings)
    assert is_clean(policy) == report.clean
    json.dumps(report.to_dict())
    assert report.render("nl")
    assert report.render("en")
    # The wording follows the direction: the closing line says 'less than the law' exactly when an error
    # gives the parent less, and a finding is called 'ruimer'/'wider' only when its direction is WIDER.
    less = any(f.direction.gives_parent_less for f in report.errors)
    assert report.render("nl").endswith("minder dan de wet.") == less
    for finding in report.findings:
        assert finding.severity is finding.direction.severity
        assert finding.message("nl").startswith("Ruimer dan de wet") == (finding.direction is Direction.WIDER)
        assert finding.message("en").startswith("Narrower") == (
            finding.direction in {Direction.NARROWER, Direction.NARROWER_ON_PAPER}
        )


@given(policies(handling_term=terms()))
def test_handling_term_over_six_weeks_is_always_rejected(policy: Policy) -> None:
    _, longest = term_length_days(policy.handling_term)
    codes = {f.code for f in lint_policy(policy).errors}
    assert ("HANDLING_TERM_TOO_LONG" in codes) == (longest > 42)
    # Cross-check the units whose length needs no calendar, and the working-day edges.
    amount, _, word = policy.handling_term.partition(" ")
    if word in UNIT_WORDS["working_days"]:
        if int(amount) >= 30:  # 30 working days take 40 to 54 days (term_length_days)
            assert "HANDLING_TERM_TOO_LONG" in codes
        if int(amount) <= 20:
            assert "HANDLING_TERM_TOO_LONG" not in codes
    elif word in UNIT_WORDS["months"]:
        assert ("HANDLING_TERM_TOO_LONG" in codes) == (int(amount) >= 2)
    else:
        bound = _known_max_days(policy.handling_term)
        assert bound is not None
        assert ("HANDLING_TERM_TOO_LONG" in codes) == (bound > 42)


@given(
    policies(
        complainant_scope=st.just(ComplainantScope.CONTRACT_PARTY_ONLY) | st.sampled_from(ComplainantScope),
        electronic_counts_as_written=st.booleans(),
    )
)
def test_narrower_scope_or_paper_only_is_always_reported(policy: Policy) -> None:
    """Paper-only channels are rejected (R5); a contract-party scope is a warning, as rule R3 keeps the
    ouder eligible (issue 10 point 7), and never an error."""
    report = lint_policy(policy)
    errors = {f.code for f in report.errors}
    warnings = {f.code for f in report.warnings}
    assert ("SCOPE_NARROWER_THAN_OUDER" in warnings) == (
        policy.complainant_scope is ComplainantScope.CONTRACT_PARTY_ONLY
    )
    assert not {"SCOPE_NARROWER_THAN_OUDER", "SCOPE_EXCLUDES_OUDER"} & errors
    assert ("ELECTRONIC_NOT_WRITTEN" in errors) == (not policy.electronic_counts_as_written)


@given(clean_policies())
def test_clean_strategy_gives_clean_policies(policy: Policy) -> None:
    report = lint_policy(policy)
    assert report.clean, report.codes()
    assert all(f.severity is Severity.INFO for f in report.findings)


@given(clean_policies(), st.dates(dt.date(2016, 1, 1), dt.date(2028, 12, 31)))
def test_clean_policy_handling_deadline_is_never_later_than_the_statute(
    policy: Policy, received: dt.date
) -> None:
    """The property the decisions rest on, at the level of the handling term itself."""
    own = deadline(
        received,
        policy.handling_term,
        statutory=policy.atw_mode is not AtwMode.NEVER,
        include_equated_days=policy.include_equated_days,
        exclude_start_day=policy.exclude_filing_day,
    )
    statutory = handling_deadline(received)
    assert own.date <= statutory.date


def test_docs_name_each_code_with_its_direction() -> None:
    """docs/policies.md lists every code under its direction; it must not drift from FINDING_SPECS."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "policies.md").read_text(encoding="utf-8")
    notes = {
        line.split("`")[1]: line for line in page.replace("\n  ", " ").splitlines() if line.startswith("- `")
    }
    for code, spec in FINDING_SPECS.items():
        direction = spec.direction.value
        in_table = f"| `{code.value}` | `{direction}` |" in page
        in_notes = f"`{code.value}`" in notes.get(direction, "")
        assert in_table or in_notes, (code, direction)
    for direction in Direction:
        assert direction.verdict("en") in page
        assert direction.verdict("nl") in page


def test_message_nl_and_en_still_read() -> None:
    finding = _lint(complainant_scope=ComplainantScope.CONTRACT_PARTY_ONLY).warnings[0]
    assert finding.message_nl == finding.message("nl")
    assert finding.message_en == finding.message("en")


def test_lint_messages_are_exactly_the_ones_lint_uses() -> None:
    """messages/lint.toml holds no stale entry, and every code and direction has its text."""
    entries = set(
        tomllib.loads(resources.files("klachtregels.messages").joinpath("lint.toml").read_text("utf-8"))
    )
    per_code = {f"LINT_{code.value}" for code in LintCode}
    per_direction = {f"LINT_DIRECTION_{d.name}" for d in Direction}
    parts = {
        "LINT_HEAD",
        *(f"LINT_COUNT_{w}" for w in ("ERROR", "ERRORS", "WARNING", "WARNINGS", "NOTE", "NOTES")),
        "LINT_REJECTED_LESS",
        "LINT_REJECTED_UNUSABLE",
        "LINT_CLEAN",
        "LINT_ACCEPTED_WITH_WARNINGS",
        "LINT_WHAT_FIRST_CONTACT",
        "LINT_WHAT_ACKNOWLEDGEMENT",
        *(f"LINT_WHAT_{what}" for what in _WHAT),
        "LINT_GROUND_NO_TIMELY_JUDGEMENT",
        "LINT_GROUND_NOT_REASONABLY_REQUIRED",
        "LINT_GROUNDS_BOTH",
        "LINT_ANNUAL_REPORT_ON_REQUEST",
        "LINT_REGULATION_SAYS_ATW",
        "LINT_REGULATION_SAYS_NO_ATW",
        "LINT_SUBMISSION_WINDOW_BACKWARDS",
        "LINT_HOUSE_TERM_AFTER_SIX_WEEKS",
        "LINT_DECIMAL",
        "LINT_AMOUNT",
    }
    assert entries == per_code | per_direction | parts


# --- the whole regulation (issue 10 point 6) -------------------------------------------------------

#: The LINT_WHAT_* names of the regulation's points (the catalogue entries lint uses).
_WHAT = (
    "WRITTEN_SUBMISSION",
    "CAREFUL_INVESTIGATION",
    "KEEPS_PARENT_INFORMED",
    "REASONED_JUDGEMENT",
    "CONCRETE_TERM",
    "CONFIDENTIALITY",
    "REGISTRATION",
    "ANNUAL_REPORT_TO_GGD",
    "ANNUAL_REPORT_TO_PARENTS",
    "ANNUAL_REPORT_ANONYMISED",
    "KLACHTENLOKET",
    "DIRECT_ACCESS_GROUNDS",
)

#: Each provision of 1.57b lid 2 (a-c, e-f), 1.57d and registration (lid 4), with its rule and article.
_PROVISIONS = [
    ("written_submission", "R5", "Wko art. 1.57b lid 2 sub a"),
    ("careful_investigation", "R6", "Wko art. 1.57b lid 2 sub b"),
    ("keeps_parent_informed", "R6", "Wko art. 1.57b lid 2 sub c"),
    ("reasoned_judgement", "R6", "Wko art. 1.57b lid 2 sub e"),
    ("concrete_term_for_measures", "R6", "Wko art. 1.57b lid 2 sub f"),
    ("confidentiality", "R10", "Wko art. 1.57d"),
    ("registration", "R9", "Wko art. 1.57b lid 4"),
]


@pytest.mark.parametrize(("field", "rule", "article"), _PROVISIONS)
def test_a_provision_the_regulation_lacks_is_narrower_on_paper(field: str, rule: str, article: str) -> None:
    """1.57b lid 2 a-f, 1.57d, lid 4: a text that leaves the provision out says less than the law."""
    report = _lint(**{field: False})
    _only(report, "REGULATION_PROVISION_MISSING")
    finding = report.warnings[0]
    assert finding.direction is Direction.NARROWER_ON_PAPER
    assert finding.rule_ids == (rule,)
    assert [c.label() for c in finding.citations] == [article]
    assert finding.setting == toml_key(field)
    assert report.ok


@pytest.mark.parametrize(("field", "rule", "article"), _PROVISIONS)
def test_a_provision_not_stated_is_an_info_citing_its_article(field: str, rule: str, article: str) -> None:
    """Unknown is not false (style guide): a point the policy leaves out is 'not stated', never an error."""
    report = _lint(**{field: None})
    _only(report, "NOT_STATED")
    finding = report.infos[0]
    assert finding.direction is Direction.NOT_STATED
    assert finding.rule_ids == (rule,)
    assert [c.label() for c in finding.citations] == [article]
    assert finding.message("nl").startswith("Niet vermeld")
    assert finding.message("en").startswith("Not stated")
    assert report.clean


@pytest.mark.parametrize(
    ("changes", "code", "rule", "article"),
    [
        ({"annual_report_to_ggd": False}, "ANNUAL_REPORT_NOT_TO_GGD", "R9", "Wko art. 1.57b lid 8"),
        (
            {"annual_report_to_parents": AnnualReportToParents.ON_REQUEST},
            "ANNUAL_REPORT_NOT_TO_PARENTS",
            "R9",
            "Wko art. 1.57b lid 8",
        ),
        (
            {"annual_report_to_parents": AnnualReportToParents.NOT_TO_PARENTS},
            "ANNUAL_REPORT_NOT_TO_PARENTS",
            "R9",
            "Wko art. 1.57b lid 8",
        ),
        ({"annual_report_anonymised": False}, "ANNUAL_REPORT_NOT_ANONYMISED", "R9", "Wko art. 1.57b lid 5"),
        (
            {"klachtenloket": KlachtenloketRole.REQUIRED_BEFORE_GCK},
            "KLACHTENLOKET_REQUIRED",
            "R26",
            "Klachtenloket Kinderopvang",
        ),
        ({"direct_access_grounds": ()}, "DIRECT_ACCESS_GROUNDS_MISSING", "R20", "Wko art. 1.57c lid 2"),
        (
            {"after_meldcode": AfterMeldcode.REFILE},
            "MELDCODE_REFILE_DEFERS_CLOCK",
            "R29",
            "Wko art. 1.57b lid 2 sub d",
        ),
    ],
)
def test_a_laxer_regulation_is_a_warning_citing_its_rule(
    changes: dict[str, object], code: str, rule: str, article: str
) -> None:
    """Issue 10 point 6: the annual report, the Klachtenloket, the direct-access grounds, filing again."""
    report = _lint(**changes)
    _only(report, code)
    finding = report.warnings[0]
    assert finding.direction is Direction.NARROWER_ON_PAPER
    assert rule in finding.rule_ids
    assert article in [c.label() for c in finding.citations]
    assert report.ok
    assert report.exit_code("warning") == 1


def test_annual_report_only_to_the_oudercommissie_and_on_request_is_laxer() -> None:
    """Les Petits: 'aan de oudercommissies gestuurd en ... voor iedere ouder opvraagbaar' (R9, lid 8)."""
    report = _lint(
        annual_report_to_parents=AnnualReportToParents.ON_REQUEST, annual_report_to_oudercommissie=True
    )
    _only(report, "ANNUAL_REPORT_NOT_TO_PARENTS")
    assert "opvraagbaar" in report.findings[0].message("nl")
    assert "oudercommissie does not replace" in report.findings[0].message("en")
    other = _lint(annual_report_to_parents=AnnualReportToParents.NOT_TO_PARENTS).findings[0]
    assert other.detail("nl") != report.findings[0].detail("nl")


def test_the_klachtenloket_presented_as_optional_is_quiet() -> None:
    assert _lint(klachtenloket=KlachtenloketRole.OPTIONAL).findings == ()


@pytest.mark.parametrize(
    ("grounds", "missing_nl"),
    [
        ((DirectAccessGround.NO_TIMELY_JUDGEMENT,), "in redelijkheid niet worden gevergd"),
        ((DirectAccessGround.NOT_REASONABLY_REQUIRED,), "geen (tijdig) oordeel binnen zes weken"),
        ((), "geen (tijdig) oordeel binnen zes weken, en:"),
    ],
)
def test_a_missing_direct_access_ground_is_named(
    grounds: tuple[DirectAccessGround, ...], missing_nl: str
) -> None:
    """R20: the two grounds for going straight to the Geschillencommissie; lint names the missing one."""
    finding = _lint(direct_access_grounds=grounds).warnings[0]
    assert finding.code is LintCode.DIRECT_ACCESS_GROUNDS_MISSING
    assert missing_nl in finding.message("nl")


def test_both_direct_access_grounds_in_any_order_are_quiet() -> None:
    both = (DirectAccessGround.NOT_REASONABLY_REQUIRED, DirectAccessGround.NO_TIMELY_JUDGEMENT)
    assert _lint(direct_access_grounds=both).findings == ()


def test_stricter_or_equal_regulation_text_is_quiet() -> None:
    """Every point stated as the law has it (the statutory file): no finding at all."""
    assert lint_policy(BASE).findings == ()


def test_refiling_after_the_meldcode_says_the_clock_runs_from_the_original_complaint() -> None:
    finding = _lint(after_meldcode=AfterMeldcode.REFILE).warnings[0]
    assert finding.setting == "meldcode.after_meldcode"
    assert "CLOCK_NOT_SUSPENDED_BY_STATUTE" in finding.message("en")
    assert "schuift de termijn op" in finding.message("nl")


def test_an_old_policy_file_still_loads_and_its_silence_is_not_an_error(tmp_path: Path) -> None:
    """New keys are optional: a file written before issue 10 loads; lint says 'not stated' (info)."""
    path = tmp_path / "old.toml"
    path.write_text('[policy]\nname = "old"\n\n[deadlines]\nhandling_term = "5 weeks"\n', encoding="utf-8")
    report = lint_policy(load_policy(path))
    assert report.ok
    assert report.clean
    not_stated = {f.setting for f in report.findings if f.code is LintCode.NOT_STATED}
    assert len(not_stated) == len(_WHAT)
    assert {"regulation.written_submission", "annual_report.to_ggd", "escalation.klachtenloket"} <= not_stated
    example = Path(__file__).resolve().parent.parent / "examples" / "policy.toml"
    assert lint_policy(load_policy(example)).ok


def test_the_whole_regulation_round_trips_through_toml_keys() -> None:
    """[regulation], [annual_report] and [escalation] as the TOML file spells them."""
    assert toml_key("annual_report_to_parents") == "annual_report.to_parents"
    assert toml_key("direct_access_grounds") == "escalation.direct_access_grounds"
    assert toml_key("keeps_parent_informed") == "regulation.keeps_parent_informed"
    data = {
        "regulation": {"written_submission": True, "registration": False},
        "annual_report": {"to_parents": "on_request", "to_ggd": True},
        "escalation": {
            "klachtenloket": "required_before_gck",
            "direct_access_grounds": ["no_timely_judgement"],
        },
    }
    policy = policy_from_mapping(data)
    assert policy.registration is False
    assert policy.annual_report_to_parents is AnnualReportToParents.ON_REQUEST
    assert policy.direct_access_grounds == (DirectAccessGround.NO_TIMELY_JUDGEMENT,)
    assert Policy.from_dict(policy.to_dict()) == policy


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"annual_report": {"to_parents": "sometimes"}}, "annual_report.to_parents"),
        ({"escalation": {"direct_access_grounds": ["always"]}}, "escalation.direct_access_grounds[0]"),
        ({"escalation": {"klachtenloket": "mandatory"}}, "escalation.klachtenloket"),
        ({"regulation": {"confidential": True}}, "regulation.confidential"),
    ],
)
def test_a_bad_regulation_setting_is_named_by_its_key(data: dict[str, object], key: str) -> None:
    with pytest.raises(InvalidPolicyError) as info:
        policy_from_mapping(data)
    assert [k for k, _ in info.value.problems] == [key]
