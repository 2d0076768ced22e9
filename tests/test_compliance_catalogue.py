"""The check catalogue: complete, cited, bilingual, and the docs page generated from it is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klachtregels.compliance import Severity, load_catalogue, make_finding
from klachtregels.compliance._docs import BEGIN, END, catalogue_markdown

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "klachtregels" / "compliance"
CAT = load_catalogue()


def test_every_finding_belongs_to_a_known_check_and_every_check_has_findings() -> None:
    for spec in CAT.findings.values():
        assert spec.check in CAT.checks, spec.id
    for check_id in CAT.checks:
        assert CAT.findings_of(check_id), check_id


@pytest.mark.parametrize("check_id", [c for c in CAT.checks if c != "register-row"])
def test_every_legal_check_cites_a_rule_and_an_article(check_id: str) -> None:
    check = CAT.checks[check_id]
    assert check.rule_ids
    assert all(re.fullmatch(r"R\d{1,2}", r) for r in check.rule_ids)
    assert all(re.fullmatch(r"A\d{1,2}", a) for a in check.ambiguities)
    assert check.citations
    assert check.help_uri is not None
    assert check.help_uri.startswith("https://")
    if check.k_item is not None:
        assert check.k_item in CAT.k_items


@pytest.mark.parametrize("finding_id", list(CAT.findings))
def test_messages_are_bilingual_with_the_same_placeholders(finding_id: str) -> None:
    spec = CAT.findings[finding_id]
    assert re.fullmatch(r"KR-[A-Z0-9]+(-[A-Z0-9]+)*", spec.id)
    assert spec.message_nl != spec.message_en
    en = make_finding(finding_id, {}).message_en if not spec.placeholders else None
    assert en is None or "{" not in en
    from klachtregels.compliance.findings import _placeholders

    # Language pairs ({x_nl} in Dutch, {x_en} in English) count as the same placeholder.
    nl = {re.sub(r"_nl$", "_LANG", n) for n in _placeholders(spec.message_nl)}
    en = {re.sub(r"_en$", "_LANG", n) for n in _placeholders(spec.message_en)}
    assert nl == en


@pytest.mark.parametrize("finding_id", list(CAT.findings))
def test_every_finding_is_emitted_by_the_code(finding_id: str) -> None:
    """A finding id that no code can give is a dead entry (and a check that cannot fail)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES.glob("*.py"))
    # The projection of the decisions names its findings as data (projection.toml).
    code += (SOURCES / "data" / "projection.toml").read_text(encoding="utf-8")
    tail = finding_id.removeprefix("KR-")
    # Ids are written literally, or as f"KR-{key}-LATE"/f"KR-{check}-UNDETERMINED" in two helpers.
    member = "FindingId." + finding_id.removeprefix("KR-").replace("-", "_")
    literal = f'"{finding_id}"' in code or member in code
    composed = tail.endswith(("-LATE", "-UNKNOWN")) and 'f"KR-{key}-' in code
    composed = composed or (tail.endswith("-UNDETERMINED") and 'f"KR-{check}-UNDETERMINED"' in code)
    assert literal or composed


def test_undetermined_findings_are_never_errors() -> None:
    for spec in CAT.findings.values():
        if spec.id.endswith(("-UNDETERMINED", "-UNKNOWN")):
            assert spec.severity is Severity.INFO, spec.id


def test_make_finding_fills_templates_and_rejects_missing_facts() -> None:
    f = make_finding("KR-K5-SENT-LATE", {"year": 2024, "sent_on": "2025-06-02", "last_day": "2025-05-31"})
    assert f.message_en == "Annual report on 2024 sent to the GGD on 2025-06-02; the last day was 2025-05-31."
    assert f.subject == "organisation"
    with pytest.raises(KeyError):
        make_finding("KR-K5-SENT-LATE", {"year": 2024})
    with pytest.raises(KeyError):
        make_finding("KR-NO-SUCH-FINDING")


def test_docs_page_is_generated_from_the_catalogue() -> None:
    """Stale check: run ``python -m klachtregels.compliance._docs docs/compliance.md`` to fix."""
    page = (ROOT / "docs" / "compliance.md").read_text(encoding="utf-8")
    assert BEGIN in page
    assert END in page
    generated = page.split(BEGIN, 1)[1].split(END, 1)[0]
    assert generated.strip() == catalogue_markdown().strip()
    for finding_id in CAT.findings:
        assert f"`{finding_id}`" in page


def test_finding_ids_are_a_typed_vocabulary_equal_to_the_catalogue() -> None:
    from klachtregels.compliance import FindingId

    assert [m.value for m in FindingId] == list(CAT.findings)


def test_the_projection_table_names_only_catalogue_findings_and_known_outcomes() -> None:
    from klachtregels.compliance.checks import load_projection
    from klachtregels.vocabulary import FlagCode, Outcome

    table = load_projection()
    for check_id, spec in table.checks.items():
        assert check_id in CAT.checks
        for outcome, named in spec.outcome.items():
            Outcome(outcome)
            assert named in ("pass", "skip") or CAT.findings[named].check == check_id, (check_id, named)
        for outcome, by_rule in spec.by_rule.items():
            Outcome(outcome)
            assert all(CAT.findings[f].check == check_id for f in by_rule.values())
        for code, finding in (*spec.flags.items(), *spec.flag_on_pass.items()):
            FlagCode(code)
            assert CAT.findings[finding].check == check_id
    for check_id, names in table.house_terms.values():
        assert all(CAT.findings[f].check == check_id for f in names.values())
