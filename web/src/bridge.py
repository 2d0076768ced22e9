"""The page's bridge to klachtregels, run by the Web Worker inside Pyodide.

The page runs the library's own command line (``klachtregels check`` and ``klachtregels report``) on
files in Pyodide's in-memory file system, so the browser's figures are the CLI's by construction: no
rule, count or text is decided here. Projections are added: the findings as CSV (one row per
finding, the JSON's fields), which the CLI has no format for; the organisation form's answers as the
organisation file and the column form's answers as the column mapping (TOML), which the library
itself then reads back to validate; and one complaint's obligations as iCalendar (what
``klachtregels obligations --format ics`` writes, from the register's row).

Column suggestions come from the library (:func:`klachtregels.register.mapping.suggest_columns`):
a header it does not know is paired with the documented column whose accepted header names are
closest in spelling, for the officer to confirm in the column form.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from klachtregels._io import toml_value
from klachtregels.cli import main
from klachtregels.errors import InvalidInputError, RegisterError
from klachtregels.ics import obligations_ics
from klachtregels.organisation import load_organisation, parse_organisation
from klachtregels.register import ColumnMapping, RegisterResult, read_register_all
from klachtregels.register.mapping import suggest_columns
from klachtregels.timeline import obligations

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
#: What a spreadsheet reads as a formula at the start of a cell (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
        ("--mapping", "mapping"),
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
        complaint_id = row["complaint_id"]  # the one cell the user typed: never a formula in Excel
        if isinstance(complaint_id, str) and complaint_id.startswith(FORMULA_START):
            row["complaint_id"] = "'" + complaint_id
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
    check_path, report_path, notes_path = OUT / "findings.json", OUT / "report.html", OUT / "review.html"
    for path in (check_path, report_path, notes_path):
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
    report_code, review = _cli([*report_argv, "--review-notes", str(notes_path), *common])
    result |= {"report_code": report_code, "review": review}
    if report_path.exists():
        result["report_html"] = report_path.read_text(encoding="utf-8")
    if notes_path.exists():
        result |= {"review_html": notes_path.read_text(encoding="utf-8")} | _blocking(report_argv, common)
    return result | _register_facts(register, options)


def _blocking(report_argv: list[str], common: list[str]) -> dict[str, Any]:
    """How many review items block publication: the review notes as JSON (``publishable``, ``blocking``).

    A second run of ``klachtregels report`` that writes the review notes as JSON (the CLI writes
    them in one format per run); the report it writes beside them is not used.
    """
    notes, scratch = OUT / "review.json", OUT / "scratch.html"
    notes.unlink(missing_ok=True)
    argv = [*report_argv[:-1], str(scratch), "--review-notes", str(notes), *common]
    _cli(argv)
    if not notes.exists():
        return {}
    review = json.loads(notes.read_text(encoding="utf-8"))
    return {"blocking": review["blocking"], "publishable": review["publishable"]}


def _read(register: str, options: dict[str, Any]) -> RegisterResult:
    """The register as the CLI reads it with these options."""
    delimiter = options.get("delimiter")
    return read_register_all(
        register,
        mapping=options.get("mapping") or None,
        encoding=options.get("encoding") or None,
        delimiter="\t" if delimiter == "tab" else delimiter or None,
    )


def _register_facts(register: str, options: dict[str, Any]) -> dict[str, Any]:
    """The complaints (row and id, for the obligations download) and the column form's facts."""
    try:
        read = _read(register, options)
    except (RegisterError, InvalidInputError, OSError):
        return {}  # the check's own error says why
    summary = read.summary
    return {
        "complaints": [{"row": r.row, "id": r.complaint.id} for r in read.records],
        "columns": {
            "unknown": list(summary.unknown_columns),
            "present": list(summary.columns),
            "suggested": suggest_columns(summary.unknown_columns, summary.columns),
        },
    }


def mapping_toml(answers_json: str) -> str:
    """The column form's answers (``columns``: header -> column, ``ignore``: headers) as a mapping file.

    Returns JSON: ``{"toml": ...}``, or ``{"error": ...}`` with the library's own message when the
    mapping would not load (it names the problem, never a header).
    """
    answers = json.loads(answers_json)
    lines = ["# Written by the klachtregels web page; the column mapping is described in docs/register.md."]
    if answers.get("ignore"):
        lines.append(f"ignore = {_toml_value(list(answers['ignore']))}")
    lines += ["", "[columns]"]
    lines += [f"{_toml_key(header)} = {_toml_value(column)}" for header, column in answers["columns"].items()]
    text = "\n".join(lines) + "\n"
    try:
        ColumnMapping.from_toml(text)
    except RegisterError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"toml": text})


def obligations_json(register: str, options_json: str, row: int) -> str:
    """The obligations of the complaint in ``row`` of the register as iCalendar text (JSON ``{"ics"}``).

    What ``klachtregels obligations FILE --as-of ... --format ics`` writes for that complaint, with
    the page's policy, organisation and language; ``{"error": ...}`` when it cannot be made.
    """
    options = json.loads(options_json)
    try:
        record = next(r for r in _read(register, options).records if r.row == row)
        timeline = obligations(
            record.complaint,
            as_of=dt.date.fromisoformat(str(options["as_of"])),
            policy=options.get("policy") or None,
            judgement=record.judgement,
            filing=record.filing,
            organisation=load_organisation(options["org"]) if options.get("org") else None,
        )
        return json.dumps({"ics": obligations_ics(timeline, lang=str(options.get("lang") or "nl"))})
    except (RegisterError, InvalidInputError, StopIteration) as error:
        return json.dumps({"error": str(error) or type(error).__name__})


def run_json(register: str, options_json: str) -> str:
    """:func:`run` with JSON in and out (what the worker passes across the Pyodide boundary)."""
    return json.dumps(run(register, json.loads(options_json)))


#: A key TOML takes without quotes.
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    """A TOML key: bare when it can be, else quoted (a header such as ``Datum ontvangen``)."""
    return key if _BARE_KEY.fullmatch(key) else toml_value(key)


def _is_date(value: object) -> bool:
    """A date from the form: ``{"$date": "YYYY-MM-DD"}`` (a text field never becomes a date)."""
    return isinstance(value, dict) and list(value) == ["$date"]


def _toml_value(value: object) -> str:
    """A form value as TOML (:func:`klachtregels._io.toml_value`); a form date (``{"$date": ...}``)
    as a TOML date, or as a string when it is not one (the library then names the key)."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if _is_date(value):
        assert isinstance(value, dict)
        day = str(value["$date"])
        try:
            return toml_value(dt.date.fromisoformat(day))
        except ValueError:
            return toml_value(day)
    if isinstance(value, bool | int):
        return toml_value(value)
    return toml_value(str(value))


def _is_table(value: object) -> bool:
    return isinstance(value, dict) and not _is_date(value)


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_table(item) for item in value)


def _toml_table(values: dict[str, Any], name: str, lines: list[str], *, array: bool = False) -> None:
    """``values`` as a TOML table (its scalars, then its sub-tables and arrays of tables), into ``lines``."""
    scalars = {k: v for k, v in values.items() if not _is_table(v) and not _is_table_list(v)}
    if array:
        lines += ["", f"[[{name}]]"]
    elif name and scalars:
        lines += ["", f"[{name}]"]
    lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in scalars.items()]
    for key, value in values.items():
        where = f"{name}.{_toml_key(key)}" if name else _toml_key(key)
        if _is_table(value):
            _toml_table(value, where, lines)
        elif _is_table_list(value):
            for item in value:
                _toml_table(item, where, lines, array=True)


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
