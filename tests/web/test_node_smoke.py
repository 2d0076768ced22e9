"""The page's recipe under Node, where no browser is installed (issue 15): the figures are the CLI's.

``web/src/smoke.cjs`` loads the built site's own Pyodide, unpacks its wheels as the Web Worker does
(integrity checked), and runs the page's Python (``bridge.py``) on the example: the check JSON, the
report and the review notes (with the number of items blocking publication) equal the CLI's; an
``.xlsx`` register (read by openpyxl there, by python-calamine here) gives the CLI's findings; the
obligations as ``.ics`` are what ``klachtregels obligations --format ics`` writes; the column and
organisation forms write files the library loads. One Node run for all of it. Skips when ``node``
or the built site is missing (fails for the site under ``KLACHTREGELS_WEB_REQUIRED=1``).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from klachtregels.cli import main
from klachtregels.organisation import load_organisation
from klachtregels.register import ColumnMapping, read_register_all

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("KLACHTREGELS_WEB_DIST", ROOT / "web" / "dist"))
REQUIRED = os.environ.get("KLACHTREGELS_WEB_REQUIRED") == "1"
EXAMPLES = ROOT / "examples"
AS_OF, YEAR = "2026-05-07", 2025
#: The complaint whose obligations are exported (a row of the example register).
ROW = 5
#: The example's headers, renamed as a provider's export might have them.
RENAMED = {"id": "Kenmerk", "received_on": "Datum ontvangen", "location": "Vestiging naam"}


def _host(tmp_path: Path) -> Path:
    """The inputs: the example, an .xlsx of it, and a copy with renamed headers."""
    host = tmp_path / "host"
    host.mkdir()
    for name in ("register.csv", "organisation.toml", "policy.toml"):
        shutil.copy2(EXAMPLES / name, host / name)
    with (EXAMPLES / "register.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(host / "register.xlsx")
    with (host / "renamed.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([[RENAMED.get(h, h) for h in rows[0]], *rows[1:]])
    (host / "mapping.toml").write_text(
        "[columns]\n" + "".join(f'"{new}" = "{old}"\n' for old, new in RENAMED.items()), encoding="utf-8"
    )
    return host


def _options(**extra: Any) -> dict[str, Any]:
    return {
        "as_of": AS_OF,
        "year": YEAR,
        "lang": "nl",
        "org": "/host/organisation.toml",
        "policy": "/host/policy.toml",
        **extra,
    }


def _node(host: Path, request: dict[str, Any]) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    if not (DIST / "manifest.json").is_file():
        if REQUIRED:
            pytest.fail("web/dist is not built (KLACHTREGELS_WEB_REQUIRED=1)")
        pytest.skip("web/dist is not built (python scripts/build_web.py)")
    request_file = host.parent / "request.json"
    request_file.write_text(json.dumps(request), encoding="utf-8")
    done = subprocess.run(
        [node, str(ROOT / "web" / "src" / "smoke.cjs"), str(DIST), str(host), str(request_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout))


def _cli(argv: list[str], tmp_path: Path, name: str, host: Path) -> tuple[str, str]:
    """Run the CLI with its output in ``tmp_path / name``: the output (line ends kept) and standard error."""
    import contextlib
    import io

    out = tmp_path / name
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main([*argv, "-o", str(out)]) == 0
    return out.read_bytes().decode("utf-8"), err.getvalue().replace(str(host), "/host")


def _org_args(host: Path) -> list[str]:
    return ["--org", str(host / "organisation.toml"), "--policy", str(host / "policy.toml")]


def _check(register: Path, tmp_path: Path, host: Path, *extra: str) -> dict[str, Any]:
    argv = [
        "check",
        str(register),
        *_org_args(host),
        "--as-of",
        AS_OF,
        "--fail-on",
        "never",
        "--format",
        "json",
    ]
    text, _ = _cli([*argv, *extra], tmp_path, register.name + ".json", host)
    return dict(json.loads(text))


def _same_check(page: dict[str, Any], cli: dict[str, Any]) -> None:
    for field in ("register", "organisation_file"):
        page.pop(field), cli.pop(field)
    assert page == cli


#: The column form's answers and the organisation form's values the Node run writes files from.
ANSWERS = {"columns": {"Kenmerk": "id", "Datum ontvangen": "received_on"}, "ignore": ["Vestiging naam"]}
ORGANISATION = {
    "name": "Kinderopvang Node B.V.",
    "locations": [{"name": "KDV De Voorbeeldtuin", "lrk": "100000001", "kind": "kindercentrum"}],
    "annual_reports": [
        {"year": 2024, "sent_to_ggd_on": {"$date": "2025-05-27"}, "made_known_to_parents": True}
    ],
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """One Node run of every request (Pyodide loads once): its answers, and the inputs' folder."""
    host = _host(tmp_path_factory.mktemp("node"))
    mapped = _options(mapping="/host/mapping.toml")
    got = _node(
        host,
        {
            "csv": {"kind": "run", "register": "/host/register.csv", "options": _options()},
            "xlsx": {"kind": "run", "register": "/host/register.xlsx", "options": _options()},
            "renamed": {"kind": "run", "register": "/host/renamed.csv", "options": _options()},
            "mapped": {"kind": "run", "register": "/host/renamed.csv", "options": mapped},
            "ics": {
                "kind": "obligations",
                "register": "/host/register.csv",
                "options": _options(),
                "row": ROW,
            },
            "mapping": {"kind": "mapping", "answers": ANSWERS},
            "organisation": {"kind": "organisation", "values": ORGANISATION},
        },
    )
    return got, host


def test_the_example_is_checked_and_reported_as_the_cli_does(
    run: tuple[dict[str, Any], Path], tmp_path: Path
) -> None:
    got, host = run
    page = got["csv"]
    _same_check(page["check"], _check(host / "register.csv", tmp_path, host))
    notes = tmp_path / "review.html"
    report_argv = ["report", str(host / "register.csv"), *_org_args(host), "--year", str(YEAR)]
    report_argv += ["--format", "html"]
    report, _ = _cli([*report_argv, "--review-notes", str(notes)], tmp_path, "report.html", host)
    assert page["report_html"] == report
    assert page["review_html"] == notes.read_text(encoding="utf-8")
    _cli([*report_argv, "--review-notes", str(tmp_path / "review.json")], tmp_path, "scratch.html", host)
    review = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    assert (page["blocking"], page["publishable"]) == (review["blocking"], review["publishable"])
    rows = [r.row for r in read_register_all(host / "register.csv").records]
    assert [c["row"] for c in page["complaints"]] == rows


def test_an_xlsx_register_gives_the_clis_findings(run: tuple[dict[str, Any], Path], tmp_path: Path) -> None:
    """openpyxl reads it in Pyodide; python-calamine here (when installed; else openpyxl here too)."""
    got, host = run
    _same_check(got["xlsx"]["check"], _check(host / "register.xlsx", tmp_path, host))
    assert got["xlsx"]["check"]["summary"] == got["csv"]["check"]["summary"]


def test_renamed_headers_get_suggestions_and_a_mapping(
    run: tuple[dict[str, Any], Path], tmp_path: Path
) -> None:
    got, host = run
    columns = got["renamed"]["columns"]
    assert columns["unknown"] == list(RENAMED.values())
    assert columns["suggested"]["Datum ontvangen"] == "received_on"
    mapped = _check(host / "renamed.csv", tmp_path, host, "--mapping", str(host / "mapping.toml"))
    _same_check(got["mapped"]["check"], mapped)
    assert got["mapped"]["check"]["summary"] == got["csv"]["check"]["summary"]
    written = ColumnMapping.from_toml(got["mapping"]["toml"])
    assert (dict(written.columns), written.ignore) == (ANSWERS["columns"], ("Vestiging naam",))


def test_one_complaints_obligations_are_the_clis_ics(
    run: tuple[dict[str, Any], Path], tmp_path: Path
) -> None:
    got, host = run
    record = next(r for r in read_register_all(host / "register.csv").records if r.row == ROW)
    envelope = {k: v for k, v in record.to_dict().items() if k != "row" and v is not None}
    (tmp_path / "complaint.json").write_text(json.dumps(envelope), encoding="utf-8")
    argv = ["obligations", str(tmp_path / "complaint.json"), "--as-of", AS_OF, "--format", "ics"]
    ics, _ = _cli([*argv, *_org_args(host)], tmp_path, "obligations.ics", host)
    assert got["ics"]["ics"] == ics
    assert ics.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in ics


def test_the_organisation_form_writes_locations_and_annual_reports(
    run: tuple[dict[str, Any], Path], tmp_path: Path
) -> None:
    got, _ = run
    (tmp_path / "form.toml").write_text(got["organisation"]["toml"], encoding="utf-8")
    made = load_organisation(tmp_path / "form.toml")
    assert [(loc.name, loc.lrk_number) for loc in made.locations] == [("KDV De Voorbeeldtuin", "100000001")]
    assert made.annual_reports[0].sent_to_ggd_on is not None
    assert made.annual_reports[0].sent_to_ggd_on.isoformat() == "2025-05-27"
