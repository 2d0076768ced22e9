"""One page per rule and open point (issue 11 point 8): ``klachtregels rules R12`` and docs/rules/R12."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klachtregels import messages
from klachtregels.cli import main
from klachtregels.compliance.findings import load_catalogue
from klachtregels.errors import InvalidInputError
from klachtregels.rules.catalogue import all_rules
from klachtregels.rules.pages import AMBIGUITY_IDS, PAGE_IDS, RULE_IDS, normalise_id, page, page_url, title

ROOT = Path(__file__).resolve().parent.parent
if TYPE_CHECKING:
    from types import ModuleType

HOOKS = ROOT / "docs" / "_hooks"


def test_the_ids_are_those_of_regulation_md() -> None:
    assert RULE_IDS[0] == "R1"
    assert RULE_IDS[-1] == "R31"
    assert len(RULE_IDS) == 31
    assert AMBIGUITY_IDS[0] == "A1"
    assert AMBIGUITY_IDS[-1] == "A22"
    assert len(AMBIGUITY_IDS) == 22


@pytest.mark.parametrize("rule_id", PAGE_IDS)
def test_every_id_has_a_title_and_an_explanation_in_both_languages(rule_id: str) -> None:
    nl = messages.text(f"RULE_PAGE_{rule_id}_TEXT", "nl")
    en = messages.text(f"RULE_PAGE_{rule_id}_TEXT", "en")
    assert len(nl.split()) >= 15
    assert len(en.split()) >= 15
    assert nl != en
    assert title(rule_id, "nl")
    assert title(rule_id, "en")
    # The "see also" ids an explanation names are ids with a page.
    assert set(re.findall(r"\b[RA]\d+\b", nl + en)) <= set(PAGE_IDS)


def test_every_id_a_rule_or_finding_cites_has_a_page() -> None:
    """Whatever id a decision or a finding prints, its explanation exists."""
    cited: set[str] = set()
    for rule in all_rules():
        cited.add(re.match(r"R\d+", rule.id)[0])  # type: ignore[index]
        cited.update(rule.ambiguities)
    for check in load_catalogue().checks.values():
        cited.update(check.rule_ids)
        cited.update(check.ambiguities)
    assert cited
    assert cited <= set(PAGE_IDS)


def test_a_page_lists_the_engine_rules_and_the_findings_that_cite_the_id() -> None:
    text = page("R12", "en")
    assert text.startswith("# R12: Counting the six-week handling term\n")
    engine = [rule.id for rule in all_rules() if rule.id == "R12" or rule.id.startswith("R12-")]
    assert engine
    for rule_id in engine:
        assert f"`{rule_id}`" in text
    catalogue = load_catalogue()
    findings = [f.id for f in catalogue.findings.values() if "R12" in catalogue.checks[f.check].rule_ids]
    assert findings
    for finding in findings:
        assert f"`{finding}`" in text
    assert "- R13: " in text  # the explanation mentions R13: it is under "See also"
    assert "](R13.md)" in page("R12", "en", links=True)


def test_an_open_point_lists_the_rules_that_name_it() -> None:
    text = page("A7", "nl")
    assert "`R3`" in text
    assert "## Controles die dit noemen" in text


def test_ids_are_normalised_and_unknown_ones_are_refused_without_echo() -> None:
    assert normalise_id(" r12 ") == "R12"
    assert page_url("a3") == "https://klachtregels.readthedocs.io/en/latest/rules/A3/"
    with pytest.raises(InvalidInputError) as info:
        normalise_id("R99-secret")
    assert "R99-secret" not in str(info.value)


def test_cli_prints_the_page_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "R12", "--lang", "en"]) == 0
    assert capsys.readouterr().out == page("R12", "en")
    assert main(["rules", "a7"]) == 0
    assert capsys.readouterr().out == page("A7", "nl")


def test_cli_json_holds_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "A1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "A1"
    assert data["url"] == page_url("A1")
    assert data["page"] == {"nl": page("A1", "nl"), "en": page("A1", "en")}


def test_cli_unknown_id_is_a_usage_error_that_does_not_echo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "Z9-private"]) == 2
    captured = capsys.readouterr()
    assert "Z9-private" not in captured.out + captured.err
    assert "R1-R31" in captured.err


def _hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_docs_hook_{name}", HOOKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_hook_links_ids_in_text_only() -> None:
    pytest.importorskip("mkdocs")
    hook = _hook("rule_pages")
    html = '<h2 id="r6">R6 heading</h2><p>[K4 · R6, R12] and A7</p><code>R6</code><a href="x">R1</a>'
    out = hook.link_ids(html, "compliance/")
    assert '<p>[K4 · <a href="../rules/R6/">R6</a>, <a href="../rules/R12/">R12</a>]' in out
    assert '<a href="../rules/A7/">A7</a>' in out
    assert '<h2 id="r6">R6 heading</h2>' in out
    assert "<code>R6</code>" in out
    assert '<a href="x">R1</a>' in out
    assert "R32" in hook.link_ids("<p>R32 A23</p>", "")
    assert "href" not in hook.link_ids("<p>R32 A23</p>", "")


def test_docs_hook_index_lists_every_page() -> None:
    pytest.importorskip("mkdocs")
    index = _hook("rule_pages").index_page()
    for rule_id in PAGE_IDS:
        assert f"| [{rule_id}]({rule_id}.md) | {title(rule_id, 'en')} |" in index


def test_sphinx_roles_become_optional_cross_references() -> None:
    griffe = pytest.importorskip("griffe")
    hook = _hook("sphinx_xrefs")
    module = griffe.Module("klachtregels")
    sub = griffe.Module("terms", parent=module)
    module.set_member("terms", sub)
    func = griffe.Function("deadline", parent=sub)
    sub.set_member("deadline", func)
    text = (
        "See :func:`~klachtregels.terms.handling_deadline`, :func:`deadline` and"
        " :class:`json.JSONDecodeError`."
    )
    out = hook.convert(func, text)
    assert ":func:" not in out
    assert ":class:" not in out
    assert (
        '<autoref identifier="klachtregels.terms.handling_deadline" optional><code>handling_deadline</code>'
        in out
    )
    assert '<autoref identifier="klachtregels.terms.deadline" optional><code>deadline</code>' in out
    assert '<autoref identifier="json.JSONDecodeError" optional><code>json.JSONDecodeError</code>' in out
