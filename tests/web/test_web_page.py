"""The compliance officer's page (web/, issue 15) in a real browser: the figures are the CLI's.

Serves ``web/dist`` (built by ``scripts/build_web.py``) from 127.0.0.1 and drives Debian's Chromium
with Playwright. Skips when the site is not built, Playwright is not installed or there is no
Chromium, except under ``KLACHTREGELS_WEB_REQUIRED=1`` (scripts/web_ci.sh), where each of those fails.
``KLACHTREGELS_WEB_METRICS=FILE`` writes the measured cold start, re-check time and transfer size
(gzip) as JSON; ``KLACHTREGELS_WEB_SCREENSHOTS=DIR`` keeps screenshots for the docs. Times are
measured, never asserted.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import http.server
import io
import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from klachtregels.cli import main
from klachtregels.organisation import load_organisation

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("KLACHTREGELS_WEB_DIST", ROOT / "web" / "dist"))
CHROMIUM = Path(os.environ.get("KLACHTREGELS_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("KLACHTREGELS_WEB_REQUIRED") == "1"
EXAMPLES = ROOT / "examples"
AS_OF, YEAR = "2026-05-07", 2025
#: Generous waits for a 2-core machine shared with other jobs (a failure, not a figure).
LOAD_TIMEOUT_MS = 180_000


def _unavailable(why: str) -> None:
    if REQUIRED:
        pytest.fail(f"{why} (KLACHTREGELS_WEB_REQUIRED=1)")
    pytest.skip(why)


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
        _unavailable("web/dist is not built (python scripts/build_web.py)")
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not CHROMIUM.is_file():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def _cli_check(register: Path, out: Path, *extra: str) -> dict[str, Any]:
    """The CLI's check JSON for ``register`` with the example organisation and policy (written to ``out``)."""
    argv = ["check", str(register), "--org", str(EXAMPLES / "organisation.toml"), "--policy"]
    argv += [str(EXAMPLES / "policy.toml"), "--as-of", AS_OF, "--fail-on", "never", "--format", "json"]
    assert main([*argv, "-o", str(out), *extra]) == 0
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _cli_report(register: Path, out: Path) -> tuple[str, str]:
    """The CLI's annual report (HTML) over the example year, and its standard error (the review notes)."""
    argv = ["report", str(register), "--org", str(EXAMPLES / "organisation.toml"), "--policy"]
    argv += [str(EXAMPLES / "policy.toml"), "--year", str(YEAR), "--format", "html"]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main([*argv, "-o", str(out)]) == 0
    # The page writes its report to this path in Pyodide's memory; the status line names it.
    return out.read_text(encoding="utf-8"), err.getvalue().replace(str(out), "/work/out/report.html")


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
    """What the served files weigh gzipped (level 6, as a static host compresses), each file once."""
    return sum(
        len(gzip.compress((DIST / path.lstrip("/")).read_bytes(), 6))
        for path in dict.fromkeys("/index.html" if p == "/" else p for p in served)
        if (DIST / path.lstrip("/")).is_file()
    )


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
    page.click("#org-make")
    page.wait_for_selector("#org-download:not([hidden])")
    _screenshot(page, "web-organisation.png", "#org-form")
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
    chosen = page.evaluate("document.getElementById('organisation').files[0].name")
    assert chosen == "organisation.toml"


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
    started = time.perf_counter()
    page.goto(url)
    _screenshot(page, "web-start.png", "header")
    page.click("#example")
    page.wait_for_selector("#chosen:not(:empty)", timeout=LOAD_TIMEOUT_MS)
    _run_check(page, 1)
    cold = time.perf_counter() - started
    _screenshot(page, "web-results.png", "#results")
    page_check = _same_as_cli(page, tmp_path)
    recheck = _run_check(page, 2)
    excel_check = _excel_export_as_cli(page, tmp_path)
    assert excel_check["summary"] == page_check["summary"]
    _organisation_form(page, tmp_path)

    page.select_option("#lang", "en")
    assert page.locator("h1").inner_text() == "Check the complaint register"
    _screenshot(page, "web-results-en.png", "#results")
    hosts = {urlsplit(r).hostname for r in requests if not r.startswith("blob:")}
    assert hosts == {"127.0.0.1"}
    assert "/pyodide/pyodide.asm.wasm" in served
    _write_metrics(
        {
            "cold_start_to_result_s": round(cold, 2),
            "worker_ready_s": round(page.evaluate("window.klachtregelsReadyMs") / 1000, 2),
            "recheck_s": round(recheck, 2),
            "transfer_gzip_mb": round(_gzip_size(served) / 1e6, 2),
        }
    )
    context.close()
