"""The compliance officer's page (web/, issue 15) in a real browser: the figures are the CLI's.

Serves ``web/dist`` (built by ``scripts/build_web.py``) from 127.0.0.1 and drives Debian's Chromium
with Playwright. Skips when the site is not built, Playwright is not installed or there is no
Chromium, except under ``KLACHTREGELS_WEB_REQUIRED=1`` (scripts/web_ci.sh), where each of those fails.
``KLACHTREGELS_WEB_METRICS=FILE`` writes the measured cold start, re-check time and transfer size
(gzip) as JSON; ``KLACHTREGELS_WEB_SCREENSHOTS=DIR`` keeps screenshots for the docs. Times are
measured, never asserted.

Besides the example: an ``.xlsx`` register, a register whose headers need the column form (its
suggestion, the mapping it writes), the obligations of one complaint as ``.ics``, printing the report
(its styles allowed by the page's CSP), the organisation form with a location and an earlier annual
report, offline use (the server answers nothing new after the first visit) and the notice a page
opened from a folder (``file://``) shows.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import html
import http.server
import io
import json
import os
import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from web_browser import unavailable

from klachtregels.cli import main
from klachtregels.organisation import load_organisation
from klachtregels.register import ColumnMapping, read_register_all

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("KLACHTREGELS_WEB_DIST", ROOT / "web" / "dist"))
EXAMPLES = ROOT / "examples"
AS_OF, YEAR = "2026-05-07", 2025
#: Generous waits for a 2-core machine shared with other jobs (a failure, not a figure).
LOAD_TIMEOUT_MS = 180_000


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly; every path served is recorded (for the transfer size)."""

    served: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        """Record the path instead of logging to stderr."""
        self.served.append(urlsplit(self.path).path)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    """``web/dist`` on 127.0.0.1 (a free port): the base URL and the list of paths served."""
    if not (DIST / "index.html").is_file():
        unavailable("web/dist is not built (python scripts/build_web.py)")
    served: list[str] = []
    handler = type("Handler", (_Handler,), {"served": served})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(DIST)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", served
    finally:
        httpd.shutdown()
        httpd.server_close()


def _cli_check(register: Path, out: Path, *extra: str) -> dict[str, Any]:
    """The CLI's check JSON for ``register`` with the example organisation and policy (written to ``out``)."""
    argv = ["check", str(register), "--org", str(EXAMPLES / "organisation.toml"), "--policy"]
    argv += [str(EXAMPLES / "policy.toml"), "--as-of", AS_OF, "--fail-on", "never", "--format", "json"]
    assert main([*argv, "-o", str(out), *extra]) == 0
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _cli_report(register: Path, out: Path, notes: str = ".html") -> tuple[str, str]:
    """The CLI's annual report (HTML) over the example year, and its review notes (``notes``: the suffix)."""
    argv = ["report", str(register), "--org", str(EXAMPLES / "organisation.toml"), "--policy"]
    argv += [str(EXAMPLES / "policy.toml"), "--year", str(YEAR), "--format", "html"]
    review = out.with_suffix(".review" + notes)
    with contextlib.redirect_stderr(io.StringIO()):
        assert main([*argv, "-o", str(out), "--review-notes", str(review)]) == 0
    return out.read_text(encoding="utf-8"), review.read_text(encoding="utf-8")


#: Fields of the check JSON that name the input files (the page's are in Pyodide's memory).
_FILE_FIELDS = ("register", "organisation_file")


def _same_check(page: dict[str, Any], cli: dict[str, Any]) -> None:
    """The page's check JSON is the CLI's, but for the names of the input files."""
    for field in _FILE_FIELDS:
        page.pop(field), cli.pop(field)
    assert page == cli


def _download(page: Any, link_id: str) -> str:
    """Click a download link; the file's text."""
    with page.expect_download() as info:
        page.click(f"#{link_id}")
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8")


def _run_check(page: Any, runs: int) -> float:
    """Press Check and wait for the ``runs``-th result; the seconds it took."""
    started = time.perf_counter()
    page.click("#check")
    page.wait_for_selector(f"body[data-runs='{runs}']", timeout=LOAD_TIMEOUT_MS)
    return time.perf_counter() - started


def _gzip_size(served: list[str]) -> int:
    """What the served files weigh gzipped (level 6, as a static host compresses), each request."""
    sizes: dict[str, int] = {}
    total = 0
    for path in ("/index.html" if p == "/" else p for p in served):
        file = DIST / path.lstrip("/")
        if file.is_file():
            total += sizes.setdefault(path, len(gzip.compress(file.read_bytes(), 6)))
    return total


def _screenshot(page: Any, name: str, selector: str) -> None:
    """With ``KLACHTREGELS_WEB_SCREENSHOTS=DIR``: a screenshot for the docs, ``selector`` at the top."""
    folder = os.environ.get("KLACHTREGELS_WEB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.evaluate(f"document.querySelector({json.dumps(selector)}).scrollIntoView()")
        page.screenshot(path=str(Path(folder) / name), full_page=False)


def _excel_export(tmp_path: Path) -> Path:
    """The example register as Dutch Excel saves it: Windows-1252 text, ``;`` between cells."""
    with (EXAMPLES / "register.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path = tmp_path / "excel-export.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


def _same_as_cli(page: Any, tmp_path: Path) -> dict[str, Any]:
    """The example's findings, CSV, report and review notes are the CLI's; the page's check JSON."""
    page_check = json.loads(_download(page, "download-json"))
    _same_check(page_check, _cli_check(EXAMPLES / "register.csv", tmp_path / "cli.json"))
    assert page.locator("#groups tbody tr").count() == len(page_check["findings"]) > 0
    for severity in ("error", "warning", "info"):
        shown = page.locator(f"#groups h3.{severity}").inner_text()
        assert shown.endswith(f"({page_check['summary'][severity + 's']})")
    findings_csv = list(csv.DictReader(io.StringIO(_download(page, "download-csv")), delimiter=";"))
    assert [row["id"] for row in findings_csv] == [f["id"] for f in page_check["findings"]]
    report, review = _cli_report(EXAMPLES / "register.csv", tmp_path / "cli.html")
    assert _download(page, "download-report") == report
    assert _download(page, "download-review") == review
    _, review_json = _cli_report(EXAMPLES / "register.csv", tmp_path / "cli-json.html", ".json")
    blocking = json.loads(review_json)["blocking"]
    assert blocking > 0  # the example has a rejected row: it blocks publication
    assert f" {blocking} " in page.locator("#blocking").inner_text()
    return dict(page_check)


def _excel_export_as_cli(page: Any, tmp_path: Path) -> dict[str, Any]:
    """A Windows-1252 ``;`` register with the encoding and separator chosen: the CLI's findings."""
    excel = _excel_export(tmp_path)
    page.set_input_files("#register", str(excel))
    page.select_option("#encoding", "cp1252")
    page.select_option("#delimiter", ";")
    _run_check(page, 3)
    excel_check = json.loads(_download(page, "download-json"))
    cli = _cli_check(excel, tmp_path / "excel.json", "--encoding", "cp1252", "--delimiter", ";")
    _same_check(excel_check, cli)
    return dict(excel_check)


def _organisation_form(page: Any, tmp_path: Path) -> None:
    """The form writes an organisation file the library loads; a bad LRK number is named, not echoed."""
    page.click("#org-form summary")
    page.fill("#org-name", "Kinderopvang Formulier B.V.")
    page.fill("#org-lrk_numbers", "12")
    page.click("#org-make")
    # Locator waits, not wait_for_function: a string predicate is eval'd, which the page's CSP forbids.
    page.wait_for_selector("#org-status:has-text('lrk_numbers[0]')", timeout=LOAD_TIMEOUT_MS)
    assert "12" not in page.locator("#org-status").inner_text().replace("lrk_numbers[0]", "")
    page.fill("#org-lrk_numbers", "100000001, 100000002")
    page.select_option("#org-regulation-adopted", "true")
    page.select_option("#org-meldcode-promoted", "false")
    page.fill("#org-regulation-provides-handling_term", "6 weken")
    page.fill("#org-children_served", "40")
    page.click("#org-locations-add")
    page.fill("#org-locations-0-name", "KDV Formulier")
    page.fill("#org-locations-0-lrk", "100000003")
    page.select_option("#org-locations-0-kind", "kindercentrum")
    page.click("#org-annual_reports-add")
    page.fill("#org-annual_reports-0-year", "2024")
    page.fill("#org-annual_reports-0-sent_to_ggd_on", "2025-05-27")
    page.select_option("#org-annual_reports-0-made_known_to_parents", "true")
    page.click("#org-make")
    page.wait_for_selector("#org-download:not([hidden])")
    _screenshot(page, "organisation.png", "#org-form")
    path = tmp_path / "form-organisation.toml"
    path.write_text(_download(page, "org-download"), encoding="utf-8")
    made = load_organisation(path)
    assert (made.name, made.lrk_numbers, made.children_served) == (
        "Kinderopvang Formulier B.V.",
        ("100000001", "100000002"),
        40,
    )
    assert (made.regulation.adopted, made.regulation.written, made.meldcode.promoted) == (True, None, False)
    assert made.regulation.provides.handling_term == "6 weken"
    assert [(loc.name, loc.lrk_number, loc.kind) for loc in made.locations] == [
        ("KDV Formulier", "100000003", "kindercentrum")
    ]
    report = made.annual_reports[0]
    assert (report.year, report.sent_to_ggd_on.isoformat(), report.made_known_to_parents) == (
        2024,
        "2025-05-27",
        True,
    )
    chosen = page.evaluate("document.getElementById('organisation').files[0].name")
    assert chosen == "organisation.toml"


def _xlsx_as_cli(page: Any, tmp_path: Path) -> None:
    """The example as an Excel workbook: openpyxl reads it in the page; the CLI's findings."""
    openpyxl = pytest.importorskip("openpyxl")
    with (EXAMPLES / "register.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "register.xlsx"
    book.save(path)
    page.set_input_files("#register", str(path))
    page.select_option("#encoding", "")
    page.select_option("#delimiter", "")
    _run_check(page, 4)
    _same_check(json.loads(_download(page, "download-json")), _cli_check(path, tmp_path / "xlsx.json"))


def _obligations_as_cli(page: Any, tmp_path: Path) -> None:
    """One complaint's obligations as .ics: what ``klachtregels obligations --format ics`` writes."""
    row = 5
    page.select_option("#ics-complaint", str(row))
    page.click("#ics-make")
    page.wait_for_selector("#ics-download:not([hidden])", timeout=LOAD_TIMEOUT_MS)
    with page.expect_download() as info:
        page.click("#ics-download")
    ics = Path(info.value.path()).read_bytes().decode("utf-8")
    record = next(r for r in read_register_all(EXAMPLES / "register.csv").records if r.row == row)
    envelope = {k: v for k, v in record.to_dict().items() if k != "row" and v is not None}
    (tmp_path / "complaint.json").write_text(json.dumps(envelope), encoding="utf-8")
    argv = ["obligations", str(tmp_path / "complaint.json"), "--as-of", AS_OF, "--format", "ics"]
    argv += ["--policy", str(EXAMPLES / "policy.toml"), "--org", str(EXAMPLES / "organisation.toml")]
    assert main([*argv, "-o", str(tmp_path / "cli.ics")]) == 0
    assert ics == (tmp_path / "cli.ics").read_bytes().decode("utf-8")
    assert "BEGIN:VEVENT" in ics


def _print_report(page: Any, tmp_path: Path) -> None:
    """Print: the report's own HTML in a frame, printed from there (its styles allowed by the CSP)."""
    report, _ = _cli_report(EXAMPLES / "register.csv", tmp_path / "print.html")
    found = re.search(r"<h1[^>]*>(.*?)</h1>", report, re.DOTALL)
    assert found is not None
    page.click("#print-report")
    shown = page.frame_locator("#print-frame").locator("h1").inner_text(timeout=LOAD_TIMEOUT_MS)
    assert shown == html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def _column_form(page: Any, tmp_path: Path) -> None:
    """Renamed headers: the column form suggests, writes mapping.toml, and checks as the CLI does."""
    renamed = {"id": "Kenmerk", "received_on": "Datum ontvangen", "location": "Vestiging naam"}
    with (EXAMPLES / "register.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    path = tmp_path / "renamed.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([[renamed.get(h, h) for h in rows[0]], *rows[1:]])
    page.set_input_files("#register", str(path))
    _run_check(page, 5)
    page.wait_for_selector("#mapping-form:not([hidden])")
    headers = [page.get_attribute(f"#mapping-{i}", "data-header") for i in range(3)]
    assert headers == list(renamed.values())
    assert page.input_value("#mapping-1") == "received_on"  # the suggestion, chosen
    page.select_option("#mapping-0", "id")
    page.select_option("#mapping-2", "location")
    _screenshot(page, "mapping.png", "#mapping-form")
    page.click("#mapping-apply")
    page.wait_for_selector("body[data-runs='6']", timeout=LOAD_TIMEOUT_MS)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(_download(page, "mapping-download"), encoding="utf-8")
    assert dict(ColumnMapping.load(mapping).columns) == {v: k for k, v in renamed.items()}
    page_check = json.loads(_download(page, "download-json"))
    _same_check(page_check, _cli_check(path, tmp_path / "mapped.json", "--mapping", str(mapping)))
    assert page_check["summary"]["rows_read"] == len(rows) - 1


def _offline(page: Any, served: list[str]) -> None:
    """Offline after the first visit: the page reloads and checks with nothing of the site served."""
    before = len(served)
    page.context.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector("#example:not(:empty)", timeout=LOAD_TIMEOUT_MS)
        page.click("#example")
        page.wait_for_selector("#chosen:not(:empty)", timeout=LOAD_TIMEOUT_MS)
        _run_check(page, 1)
        assert page.locator("#groups tbody tr").count() > 0
    finally:
        page.context.set_offline(False)
    # Only the browser's own check for a new service worker may reach the server (offline, it fails).
    assert set(served[before:]) <= {"/sw.js"}


def _write_metrics(metrics: dict[str, float]) -> None:
    """``KLACHTREGELS_WEB_METRICS=FILE``: the measured figures as JSON (for scripts/web_ci.sh)."""
    target = os.environ.get("KLACHTREGELS_WEB_METRICS")
    if target:
        Path(target).write_text(json.dumps(metrics, indent=1), encoding="utf-8")


def test_the_page_checks_and_reports_as_the_cli_does(
    server: tuple[str, list[str]], browser: Any, tmp_path: Path
) -> None:
    """The example register in the page: the CLI's findings, report and downloads; nothing left 127.0.0.1."""
    url, served = server
    context = browser.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    refused: list[str] = []  # the browser logs what the page's CSP refused
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    started = time.perf_counter()
    page.goto(url)
    _screenshot(page, "start.png", "header")
    page.wait_for_selector("#example:not(:empty)")  # texts applied: the page is wired
    page.click("#example")
    page.wait_for_selector("#chosen:not(:empty)", timeout=LOAD_TIMEOUT_MS)
    _run_check(page, 1)
    cold = time.perf_counter() - started
    page.wait_for_selector("body[data-offline='ready']", timeout=LOAD_TIMEOUT_MS)
    first_visit = list(served)
    _screenshot(page, "results.png", "#results")
    page_check = _same_as_cli(page, tmp_path)
    recheck = _run_check(page, 2)
    excel_check = _excel_export_as_cli(page, tmp_path)
    assert excel_check["summary"] == page_check["summary"]
    _xlsx_as_cli(page, tmp_path)
    _obligations_as_cli(page, tmp_path)
    _print_report(page, tmp_path)
    _column_form(page, tmp_path)
    _organisation_form(page, tmp_path)

    page.select_option("#lang", "en")
    assert page.locator("h1").inner_text() == "Check the complaint register"
    _screenshot(page, "results-en.png", "#results")
    _offline(page, served)
    hosts = {urlsplit(r).hostname for r in requests if not r.startswith("blob:")}
    assert hosts == {"127.0.0.1"}
    assert "/pyodide/pyodide.asm.wasm" in first_visit
    assert refused == []
    _write_metrics(
        {
            "cold_start_to_result_s": round(cold, 2),
            "worker_ready_s": round(page.evaluate("window.klachtregelsReadyMs") / 1000, 2),
            "recheck_s": round(recheck, 2),
            "transfer_gzip_mb": round(_gzip_size(first_visit) / 1e6, 2),
        }
    )
    context.close()


def test_opened_from_a_folder_the_page_says_so(browser: Any) -> None:
    """file://: browsers start no Web Worker there; the page says so instead of waiting forever."""
    if not (DIST / "index.html").is_file():
        unavailable("web/dist is not built (python scripts/build_web.py)")
    page = browser.new_page()
    page.goto((DIST / "index.html").as_uri())
    page.wait_for_selector("body[data-file-url='1']", timeout=LOAD_TIMEOUT_MS)
    notice = page.locator("#error").inner_text()
    assert "file://" in notice
    assert "http" in notice
    assert page.locator("#check").is_disabled()
    page.close()
