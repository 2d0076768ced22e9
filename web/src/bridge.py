"""The page's bridge to klachtregels, run by the Web Worker inside Pyodide.

The page runs the library's own command line (``klachtregels check`` and ``klachtregels report``) on
files in Pyodide's in-memory file system, so the browser's figures are the CLI's by construction: no
rule, count or text is decided here. Two projections are added: the findings as CSV (one row per
finding, the JSON's fields), which the CLI has no format for, and the organisation form's answers
as the organisation file (TOML), which the library itself then reads back to validate.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tomllib
from pathlib import Path
from typing import Any

from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.organisation import parse_organisation

WORK = Path("/work")
OUT = WORK / "out"
#: The findings CSV's columns: JSON fields of a finding (lists joined by spaces).
CSV_FIELDS = (
    "severity",
    "id",
    "check",
    "row",
    "complaint_id",
    "column",
    "rule_ids",
    "ambiguities",
    "message",
)


def _cli(argv: list[str]) -> tuple[int, str]:
    """Run the CLI; its exit code and standard error (the CLI's messages never echo a cell)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
    return code, err.getvalue()


def _common(options: dict[str, Any]) -> list[str]:
    """The reading and organisation options both commands share."""
    argv: list[str] = []
    for flag, key in (
        ("--org", "org"),
        ("--policy", "policy"),
        ("--encoding", "encoding"),
        ("--delimiter", "delimiter"),
    ):
        if options.get(key):
            argv += [flag, str(options[key])]
    return [*argv, "--lang", str(options.get("lang") or "nl")]


def findings_csv(check: dict[str, Any], lang: str) -> str:
    """The findings of a ``klachtregels.check`` JSON document as CSV (``;``-separated, for Dutch Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for finding in check["findings"]:
        row = {**finding, "message": finding["message"][lang]}
        writer.writerow(
            " ".join(value) if isinstance(value, list) else ("" if value is None else value)
            for value in (row[field] for field in CSV_FIELDS)
        )
    return out.getvalue()


def run(register: str, options: dict[str, Any]) -> dict[str, Any]:
    """Check ``register`` (a path in Pyodide's file system) and draft the annual report.

    ``options``: ``as_of`` (YYYY-MM-DD), ``year``, ``lang`` and optionally ``org``, ``policy``
    (a shipped name or a path), ``encoding``, ``delimiter``. Returns the check JSON, its CSV, the
    report HTML and the review notes, with each command's exit code and error text.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    lang = str(options.get("lang") or "nl")
    common = _common(options)
    check_path, report_path = OUT / "findings.json", OUT / "report.html"
    for path in (check_path, report_path):
        path.unlink(missing_ok=True)
    check_argv = [
        "check",
        register,
        "--as-of",
        str(options["as_of"]),
        "--fail-on",
        "never",
        "--format",
        "json",
    ]
    check_code, check_err = _cli([*check_argv, "-o", str(check_path), *common])
    result: dict[str, Any] = {"check_code": check_code, "check_error": check_err}
    if check_path.exists():
        check = json.loads(check_path.read_text(encoding="utf-8"))
        result |= {"check": check, "check_json": check_path.read_text(encoding="utf-8")}
        result["findings_csv"] = findings_csv(check, lang)
    report_argv = [
        "report",
        register,
        "--year",
        str(options["year"]),
        "--format",
        "html",
        "-o",
        str(report_path),
    ]
    report_code, review = _cli([*report_argv, *common])
    result |= {"report_code": report_code, "review": review}
    if report_path.exists():
        result["report_html"] = report_path.read_text(encoding="utf-8")
    return result


def run_json(register: str, options_json: str) -> str:
    """:func:`run` with JSON in and out (what the worker passes across the Pyodide boundary)."""
    return json.dumps(run(register, json.loads(options_json)))


def _toml_value(value: object) -> str:
    """A TOML value: booleans, integers, strings (JSON escapes are TOML's) and lists of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _toml_table(values: dict[str, Any], name: str, lines: list[str]) -> None:
    """``values`` as a TOML table (its scalars, then its sub-tables), appended to ``lines``."""
    scalars = {k: v for k, v in values.items() if not isinstance(v, dict)}
    if name and scalars:
        lines += ["", f"[{name}]"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in scalars.items()]
    for key, value in values.items():
        if isinstance(value, dict):
            _toml_table(value, f"{name}.{key}" if name else key, lines)


def organisation_toml(values_json: str) -> str:
    """The form's answers (nested by TOML path; unknown facts absent) as the organisation file.

    Returns JSON: ``{"toml": ...}``, or ``{"error": ...}`` with the library's own message (it names
    the keys and the kind of problem, never a value) when the file would not load.
    """
    lines = ["# Written by the klachtregels web page; the organisation file is described in docs/report.md."]
    _toml_table(json.loads(values_json), "", lines)
    text = "\n".join(lines) + "\n"
    try:
        parse_organisation(tomllib.loads(text))
    except InvalidInputError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"toml": text})
