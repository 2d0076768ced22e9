"""A policy whose term is counted backwards is linted, never applied (R6, A17).

``policy lint`` calls ``"6 weeks before"`` unusable (HANDLING_TERM_BACKWARDS, HOUSE_TERM_BACKWARDS).
Applying such a policy used to give a house deadline before the complaint arrived, and findings such
as "first contact after the house term of 2 working days before". Now every command and function
that measures complaints against a policy refuses it, naming the setting.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.decisions import assess_record
from klachtregels.model import Channel, Complaint, RegisterRecord
from klachtregels.policy import (
    InvalidPolicyError,
    Policy,
    backwards_terms,
    load_policy,
    require_applicable,
    shipped_policies,
)
from klachtregels.policy_lint import lint_policy
from klachtregels.rules.handling import house_deadlines

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = {
    "handling_term": ("deadlines", "handling_term", "6 weeks before", "HANDLING_TERM_BACKWARDS"),
    "first_contact_term": ("house_terms", "first_contact", "2 working days before", "HOUSE_TERM_BACKWARDS"),
    "acknowledgement_term": ("house_terms", "acknowledgement", "5 dagen voor", "HOUSE_TERM_BACKWARDS"),
    "submission_window": ("house_terms", "submission_window", "1 jaar voor", "HOUSE_TERM_BACKWARDS"),
}


def _toml(tmp_path: Path, field: str) -> Path:
    section, key, text, _ = SETTINGS[field]
    path = tmp_path / "policy.toml"
    path.write_text(f'[policy]\nname = "house"\n\n[{section}]\n{key} = "{text}"\n', encoding="utf-8")
    return path


def _complaint() -> Complaint:
    return Complaint(received_on=dt.date(2026, 3, 2), arose_on=dt.date(2026, 2, 20), channel=Channel.LETTER)


@pytest.mark.parametrize("field", sorted(SETTINGS))
def test_the_policy_is_built_and_linted_but_not_applied(field: str, tmp_path: Path) -> None:
    policy = load_policy(_toml(tmp_path, field))
    section, key, _, code = SETTINGS[field]
    assert backwards_terms(policy) == (field,)
    assert code in {str(f.code) for f in lint_policy(policy).findings}
    with pytest.raises(InvalidPolicyError) as info:
        require_applicable(policy, what="policy.toml")
    assert info.value.problems == ((f"{section}.{key}", info.value.problems[0][1]),)
    assert str(info.value).startswith(f"policy.toml: {section}.{key}: a term counted backwards")
    # The library refuses it too, on the first complaint measured against it.
    with pytest.raises(InvalidPolicyError, match=f"policy 'house': {section}.{key}"):
        assess_record(RegisterRecord(complaint=_complaint()), as_of=dt.date(2026, 6, 1), policy=policy)
    with pytest.raises(InvalidPolicyError):
        house_deadlines(_complaint(), policy)


def test_two_backwards_terms_are_named_together() -> None:
    policy = Policy(handling_term="6 weeks before", first_contact_term="2 days before")
    with pytest.raises(InvalidPolicyError) as info:
        require_applicable(policy)
    assert [key for key, _ in info.value.problems] == ["deadlines.handling_term", "house_terms.first_contact"]
    assert info.value.problems[0][1].render("nl").startswith("een termijn die terugtelt")  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", shipped_policies())
def test_the_shipped_policies_and_the_example_apply(name: str) -> None:
    for policy in (load_policy(name), load_policy(ROOT / "examples" / "policy.toml")):
        assert backwards_terms(policy) == ()
        require_applicable(policy)


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(ROOT / "examples" / "register.csv"), "--as-of", "2026-06-01"],
        ["report", str(ROOT / "examples" / "register.csv"), "--year", "2025"],
        ["assess", str(ROOT / "examples" / "complaint.json"), "--as-of", "2026-06-01"],
        ["obligations", str(ROOT / "examples" / "complaint.json"), "--as-of", "2026-06-01"],
    ],
    ids=lambda argv: argv[0],
)
@pytest.mark.parametrize("field", ["handling_term", "first_contact_term"])
def test_every_command_that_applies_a_policy_refuses_it_before_any_output(
    argv: list[str], field: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _toml(tmp_path, field)
    section, key, text, _ = SETTINGS[field]
    assert main([*argv, "--policy", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{path}: {section}.{key}: a term counted backwards" in captured.err
    assert text not in captured.err  # the setting is named, its value is not repeated
    assert "Traceback" not in captured.err


def test_policy_lint_still_reports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "lint", str(_toml(tmp_path, "handling_term"))]) == 1
    assert "HANDLING_TERM_BACKWARDS" in capsys.readouterr().out


def test_a_policy_file_without_a_name_is_named_after_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Never shown as the statutory baseline: a house policy without ``[policy] name``."""
    path = tmp_path / "house.toml"
    path.write_text('[house_terms]\nfirst_contact = "2 working days"\n', encoding="utf-8")
    policy = load_policy(path)
    assert (policy.name, policy.title) == ("house", "house")
    named = tmp_path / "named.toml"
    named.write_text('[policy]\nname = "kdv-noord"\n', encoding="utf-8")
    assert (load_policy(named).name, load_policy(named).title) == ("kdv-noord", "kdv-noord")
    assert main(["check", str(ROOT / "examples" / "register.csv"), "--policy", str(path)]) in (0, 1)
    out = capsys.readouterr().out
    assert "Beleid: house" in out
    assert "statutory" not in out.split("\n\n", 1)[0]


def test_every_library_entry_point_refuses_it_before_any_complaint() -> None:
    """Also with nothing to measure: an empty register, a complaint without a receipt day."""
    from klachtregels.bulk import assess_many
    from klachtregels.compliance import check_records
    from klachtregels.decisions import eligibility
    from klachtregels.report import build_report
    from klachtregels.timeline import obligations

    policy = Policy(name="back", first_contact_term="2 days before")
    bare = Complaint(channel=Channel.LETTER)
    day = dt.date(2026, 6, 1)
    calls = [
        lambda: assess_many([], as_of=day, policy=policy),
        lambda: assess_many([RegisterRecord(complaint=_complaint())], as_of=day, policy=policy),
        lambda: check_records([], as_of=day, policy=policy),
        lambda: build_report([], year=2025, policy=policy),
        lambda: eligibility(bare, as_of=day, policy=policy),
        lambda: obligations(bare, as_of=day, policy=policy),
    ]
    for call in calls:
        with pytest.raises(InvalidPolicyError, match=r"house_terms\.first_contact"):
            call()


def test_a_backwards_word_reads_alike_composed_or_decomposed() -> None:
    import unicodedata

    from klachtregels.terms import Term

    for form in ("NFC", "NFD"):
        assert Term.parse(unicodedata.normalize(form, "zes weken vóór")).backwards
    assert backwards_terms(Policy(handling_term=unicodedata.normalize("NFD", "6 weken vóór"))) == (
        "handling_term",
    )
