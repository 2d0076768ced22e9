"""Every output stays valid and inert whatever the register holds (issue 9, 'Safe, whole outputs').

Hostile registers carry control characters, ANSI escapes, line breaks, lone surrogates, HTML,
``javascript:`` links and tracking images in ids, locations, categories and the organisation name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels._io import markdown_text, one_line, printable, xml_text
from klachtregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "data" / "schemas"
ORG = (ROOT / "examples" / "organisation.toml").read_text(encoding="utf-8")

HOSTILE = [
    "<script>alert(1)</script>",
    "[klik](javascript:alert(1))",
    "![](https://tracker.example/p.gif)",
    "<img src=https://tracker.example/p.gif>",
    "Zon\n# Ingevoegde kop",
    "\x1b[31mrood\x1b[0m\x1b]0;titel\x07",
    "a\x00b\x01c\x0bd\x7fe\x85f",
    "regel\r\nnieuwe regel\u2028x",
    "| kolom | breuk |",
    "*vet* _schuin_ `code` \\",
    "\ud800\udfff los",
]
_ANSI_OR_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _jsonl_register(tmp_path: Path, values: list[str]) -> Path:
    """A JSON Lines register (JSON escapes carry any character, lone surrogates too)."""
    rows = [
        {
            "id": f"K{i}{value}",
            "received_on": "2025-03-03",
            "location": value,
            "category": value,
            "channel": "email",
            "complainant_role": "parent",
            "subjects": ["conduct"],
        }
        for i, value in enumerate(values)
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _org(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "org.toml"
    escaped = json.dumps(name).replace("\\ud800", "").replace("\\udfff", "")  # TOML has no surrogates
    path.write_text(ORG.replace('"Kinderopvang De Voorbeeldtuin B.V."', escaped, 1), encoding="utf-8")
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(args)
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    assert "Traceback" not in captured.err
    return captured.out


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "junit.xsd")


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_check_outputs_are_valid_for_hostile_values(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    junit_schema: xmlschema.XMLSchema,
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    register = str(_jsonl_register(tmp_path, HOSTILE))
    base = ["check", register, "--as-of", "2025-12-01", "--org", str(_org(tmp_path, HOSTILE[4]))]
    outputs = {
        fmt: _run([*base, "--format", fmt], capsys) for fmt in ("text", "json", "junit", "sarif", "github")
    }

    junit_schema.validate(outputs["junit"])  # well-formed and valid against the XSD
    sarif_validator.validate(json.loads(outputs["sarif"]))
    data = json.loads(outputs["json"])
    assert data["summary"]["rows_read"] == len(HOSTILE)
    for fmt, out in outputs.items():
        out.encode("utf-8")  # no lone surrogate: always writable
        assert not _SURROGATE.search(out), fmt
        if fmt in ("text", "github", "junit"):
            assert "\x1b" not in out, fmt
            assert not _ANSI_OR_CONTROL.search(out), fmt
    # A value never starts a line of its own in text output.
    assert not any(line.startswith("# Ingevoegde") for line in outputs["text"].splitlines())
    assert "nieuwe regel" in outputs["text"]  # the text is kept, on one line


def test_check_output_file_is_written_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = str(_jsonl_register(tmp_path, HOSTILE))
    out = tmp_path / "out.xml"
    assert main(["check", register, "--as-of", "2025-12-01", "--format", "junit", "-o", str(out)]) in (0, 1)
    xmlschema.XMLSchema(SCHEMAS / "junit.xsd").validate(str(out))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def _report(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, *extra: str) -> str:
    register = str(_jsonl_register(tmp_path, HOSTILE))
    org = str(_org(tmp_path, "Zon\n# Ingevoegde kop <img src=https://tracker.example/p.gif>"))
    return _run(["report", register, "--year", "2025", "--org", org, "--format", fmt, *extra], capsys)


_MD_LINK = re.compile(r"(?<!\\)\]\(")  # a link or image: ']' straight before '(' (unescaped)
_RAW_TAG = re.compile(r"<(?!!-- -->@)[a-zA-Z/!?]")  # markdown_text's one comment: before an e-mail's @


@pytest.mark.parametrize("descriptions", [False, True])
def test_markdown_report_has_no_user_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], descriptions: bool
) -> None:
    out = _report(tmp_path, capsys, "md", *(["--include-descriptions"] if descriptions else []))
    assert not _MD_LINK.search(out)
    assert not _RAW_TAG.search(out)
    assert "javascript:" not in out or "[klik\\](javascript:" in out  # only as escaped text
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert not any("Ingevoegde" in h and not h.startswith("# ") for h in headings)
    assert not any(h.startswith("# Ingevoegde") for h in headings)  # the newline did not make a heading
    assert not _ANSI_OR_CONTROL.search(out)


def test_markdown_report_renders_without_user_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through Python-Markdown (as MkDocs renders): no tag, link or heading comes from user text."""
    markdown = pytest.importorskip("markdown")
    html = markdown.markdown(_report(tmp_path, capsys, "md", "--include-descriptions"), extensions=["tables"])
    assert "<img" not in html
    assert "<script" not in html
    assert "<a " not in html
    assert html.count("<h1>") == 1
    assert "\\&lt;" not in html  # angle brackets shown as themselves, without a stray backslash
    assert "&lt;script&gt;" in html  # the user's text is shown, as text


def test_html_and_json_reports_stay_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = _report(tmp_path, capsys, "html")
    # The one script is the page's own (its table script, allowed by its hash); the user's is text.
    assert html.count("<script") == 1
    assert "alert(1)</script>" not in html
    assert "<img" not in html
    assert not _ANSI_OR_CONTROL.search(html)
    json.loads(_report(tmp_path, capsys, "json")).keys()


# --------------------------------------------------------------------------------------------------
# The helpers, over any text
# --------------------------------------------------------------------------------------------------


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_markdown_text_over_any_text(value: str) -> None:
    out = markdown_text(value)
    assert "\n" not in out
    assert not _MD_LINK.search(out)
    assert not _RAW_TAG.search(out)
    assert not re.search(r"(?<!\\)[`*_|]", out.replace("\\\\", ""))
    out.encode("utf-8")


@given(st.text())
def test_one_line_and_printable_over_any_text(value: str) -> None:
    line = one_line(value)
    assert "\n" not in line
    assert "\x1b" not in line
    assert not _ANSI_OR_CONTROL.search(printable(value))
    line.encode("utf-8")
    if value.isprintable():
        assert line == value  # printable text is left alone


@given(st.text())
def test_xml_text_is_always_well_formed(value: str) -> None:
    from xml.etree import ElementTree as ET

    element = ET.Element("x", attribute=xml_text(value))
    element.text = xml_text(value)
    parsed: Any = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.tag == "x"
