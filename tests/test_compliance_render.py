"""Renderers: JUnit validates against an XSD, SARIF against the OASIS 2.1.0 schema; GitHub limits."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import xmlschema

from compliance_helpers import D, judged, record
from klachtregels.compliance import CheckResult, check_records, check_register, render
from klachtregels.compliance.render import GITHUB_ANNOTATION_LIMIT, render_github
from klachtregels.messages import Message
from klachtregels.organisation import load_organisation
from klachtregels.register import RowError

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "data" / "schemas"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def example() -> CheckResult:
    return check_register(
        EXAMPLES / "register.csv",
        as_of=dt.date(2026, 5, 7),
        policy=EXAMPLES / "policy.toml",
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
        organisation_file="examples/organisation.toml",
    )


@pytest.fixture(scope="module")
def junit_schema() -> object:
    return xmlschema.XMLSchema(SCHEMAS / "junit.xsd")


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


# --- JUnit ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_junit_validates_and_counts_match(example: CheckResult, junit_schema: object, fail_on: str) -> None:
    xml, _ = render(example, "junit", fail_on=fail_on, lang="en")
    junit_schema.validate(xml)  # type: ignore[attr-defined]
    root = ET.fromstring(xml)
    suites = root.findall("testsuite")
    cases = root.findall("testsuite/testcase")
    failing = [c for c in cases if c.find("failure") is not None]
    assert int(root.get("tests", "-1")) == len(cases)
    assert int(root.get("failures", "-1")) == len(failing)
    for suite in suites:
        assert int(suite.get("tests", "-1")) == len(suite.findall("testcase"))
    expected = {"error": example.summary.errors > 0, "warning": True, "never": False}[fail_on]
    assert bool(failing) == expected
    # One case per check and subject: C04's handling-term case fails with its finding id.
    names = {(c.get("classname"), c.get("name")) for c in cases}
    assert ("klachtregels.handling-term", "row 7 · complaint VT-2025-001") in names
    if fail_on != "never":
        types = {f.get("type") for f in root.iter("failure")}
        assert "KR-HANDLING-LATE" in types


def test_junit_passing_cases_exist(example: CheckResult) -> None:
    xml, _ = render(example, "junit")
    root = ET.fromstring(xml)
    passing = [c for c in root.iter("testcase") if c.find("failure") is None]
    assert len(passing) >= example.summary.passed // 2


def test_junit_strict_fails_rejected_rows_even_on_never(example: CheckResult, junit_schema: object) -> None:
    xml, _ = render(example, "junit", fail_on="never", strict=True)
    junit_schema.validate(xml)  # type: ignore[attr-defined]
    types = {f.get("type") for f in ET.fromstring(xml).iter("failure")}
    assert types == {"KR-ROW-REJECTED"}


def test_junit_schema_rejects_a_broken_document(junit_schema: object) -> None:
    """The XSD is not a rubber stamp: a case without a classname, a negative count, fail."""
    bad = (
        '<testsuites><testsuite name="x" tests="-1" failures="0" errors="0">'
        '<testcase name="a"/></testsuite></testsuites>'
    )
    assert not junit_schema.is_valid(bad)  # type: ignore[attr-defined]


# --- SARIF ----------------------------------------------------------------------------------------


def test_sarif_validates_against_the_oasis_schema(
    example: CheckResult, sarif_validator: jsonschema.Draft4Validator
) -> None:
    text, _ = render(example, "sarif", lang="en")
    log = json.loads(text)
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert errors == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert len(run["results"]) == len(example.findings)
    late = next(r for r in run["results"] if r["ruleId"] == "KR-HANDLING-LATE")
    location = late["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == late["properties"]["row"]
    assert location["artifactLocation"]["uri"].endswith("examples/register.csv")
    rule = rules[late["ruleIndex"]]
    assert rule["id"] == "KR-HANDLING-LATE"
    assert rule["helpUri"] == "https://wetten.overheid.nl/BWBR0017017#Artikel1.57b"
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}
    org = next(r for r in run["results"] if r["ruleId"] == "KR-K5-WEEKEND")
    assert org["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "examples/organisation.toml"


def test_sarif_schema_rejects_a_broken_log(sarif_validator: jsonschema.Draft4Validator) -> None:
    bad = {
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal", "message": {"text": "m"}}]}
        ],
    }
    assert list(sarif_validator.iter_errors(bad))


# --- GitHub ---------------------------------------------------------------------------------------


def _many_late(n: int) -> CheckResult:
    records = [
        record(id=f"L-{i}", row=i + 2, received_on=D("2025-09-03"), judgement=judged("2025-10-16"))
        for i in range(n)
    ]
    return check_records(records, as_of=dt.date(2026, 5, 7), register="reg.csv")


def test_github_at_most_ten_annotations_per_type_the_rest_in_the_summary() -> None:
    result = _many_late(13)
    commands, summary = render_github(result, lang="en")
    lines = commands.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == GITHUB_ANNOTATION_LIMIT
    assert errors[0].startswith("::error file=reg.csv,line=2,title=KR-HANDLING-LATE L-0::row 2")
    assert summary.count("| ERROR | KR-HANDLING-LATE |") == 3
    assert "| ERROR | 13 |" in summary


def test_github_escapes_workflow_command_data() -> None:
    result = check_records(
        [record(id="a,b:c%", received_on=D("2025-09-03"), judgement=judged("2025-10-16"))],
        as_of=dt.date(2026, 5, 7),
        register="dir,with:odd/reg.csv",
    )
    commands, _ = render_github(result)
    line = commands.splitlines()[0]
    assert "file=dir%2Cwith%3Aodd/reg.csv" in line
    assert "a,b:c%25" in line  # message data: only %, CR and LF are escaped
    assert "\n" not in line


def test_github_without_step_summary_appends_markdown(example: CheckResult) -> None:
    out, summary = render(example, "github", step_summary=False)
    assert summary is None
    assert "## klachtregels check" in out
    out, summary = render(example, "github", step_summary=True)
    assert summary is not None
    assert "## klachtregels check" in summary
    assert "## klachtregels check" not in out


# --- text and JSON --------------------------------------------------------------------------------


def test_text_groups_by_row_and_states_the_as_of_date(example: CheckResult) -> None:
    text, _ = render(example, "text", lang="en")
    assert "As of: 2026-05-07 (Europe/Amsterdam)" in text
    assert "row 7 · complaint VT-2025-001" in text
    s = example.summary
    assert f"{s.rows_read} rows read = {s.rows_checked} checked + {s.rows_rejected} rejected" in text
    assert text.rstrip().endswith("Result: FAIL (--fail-on error)")
    nl, _ = render(example, "text", lang="nl")
    assert "Peildatum: 2026-05-07" in nl


def test_json_shape_is_versioned(example: CheckResult) -> None:
    text, _ = render(example, "json", fail_on="warning")
    data = json.loads(text)
    assert data["schema"] == "klachtregels.check"
    assert data["schema_version"] == 1
    assert data["as_of"] == "2026-05-07"
    assert data["policy"] == "voorbeeldtuin"
    assert data["failed"] is True
    assert data["fail_on"] == "warning"
    assert data["summary"]["rows_read"] == data["summary"]["rows_checked"] + data["summary"]["rows_rejected"]
    assert len(data["findings"]) == len(example.findings)
    assert sum(data["summary"]["by_id"].values()) == len(data["findings"])


def test_rejected_rows_name_row_and_column() -> None:
    error = RowError(row=5, column="received_on", problem=Message("DATE_NOT_REAL_ISO"))
    result = check_records([], as_of=dt.date(2026, 5, 7), row_errors=[error], rows_rejected=1)
    (finding,) = result.findings
    assert (finding.id, finding.row, finding.column) == ("KR-ROW-REJECTED", 5, "received_on")
    assert result.summary.rows_read == 1
    assert result.summary.rows_checked == 0
    assert result.failed("error")
    assert not result.failed("never")
    assert result.failed("never", strict=True)


def test_unknown_format_is_refused(example: CheckResult) -> None:
    with pytest.raises(ValueError, match="format: is not one of") as info:
        render(example, "Jansen-yaml")
    assert "Jansen" not in str(info.value)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_an_unknown_language_is_an_error_not_silent_english(example: CheckResult, fmt: str) -> None:
    from klachtregels.messages import UnknownLanguageError

    with pytest.raises(UnknownLanguageError):
        render(example, fmt, lang="de")
    assert "Peildatum" in render(example, "text", lang="nl")[0]
    assert "As of" in render(example, "text", lang="en")[0]
