"""The page's bridge to klachtregels, run by the Web Worker inside Pyodide.

The page runs the library's own command line (``klachtregels check`` and ``klachtregels report``) on
files in Pyodide's in-memory file system, so the browser's figures are the CLI's by construction: no
rule, count or text is decided here. The only projection added is the findings as CSV (one row per
finding, the JSON's fields), which the CLI has no format for.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path
from typing import Any

from klachtregels.cli import main

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
