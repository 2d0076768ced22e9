"""Look at the example annual reports in a real browser: PNGs (and PDFs) in docs/example-report/.

    python scripts/screenshot_reports.py [--only NAME] [--no-pdf]

Renders the Dutch HTML report of each example in ``scripts/gen_example_reports.py`` (Partou 2025
and the example register, the same inputs) and opens it in Debian's Chromium (``/usr/bin/chromium``,
or ``KLACHTREGELS_CHROMIUM``) through Playwright, as ``tests/web`` does: no browser download. Writes
per report, into ``docs/example-report/``:

- ``NAME.desktop.png``: 1280 px wide, the top of the page (capped at 2,400 px: the whole Partou
  page is over 10,000 px and a PNG of it says nothing more);
- ``NAME.locations.png``: 1280 px wide, the per-location table with its search box (when the
  report has more than a screenful of locations, the table's first rows after the toggle);
- ``NAME.phone.png``: 390 px wide (an iPhone 12-15 viewport), the top of the page (capped);
- ``NAME.print.png``: print media at A4 width (210 mm = 794 CSS px), the top of the document;
- ``NAME.pdf``: WeasyPrint's PDF (``klachtregels.report.render_pdf``), when the ``pdf`` extra is
  installed and ``--no-pdf`` is not given.

The screenshots are for the docs (docs/report.md) and for a person to look at; no test compares them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_example_reports import OUT, REPORTS

from klachtregels.report import render

CHROMIUM = Path(os.environ.get("KLACHTREGELS_CHROMIUM", "/usr/bin/chromium"))
#: The tallest screenshot written (CSS px at scale 1); more is a very large PNG nobody reads.
MAX_HEIGHT = 2400
#: A4 width in CSS px (210 mm at 96 px per inch).
A4_WIDTH = 794
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _top(page: Any, path: Path, width: int) -> None:
    """The top of the page, at most :data:`MAX_HEIGHT` px."""
    height = min(int(page.evaluate("document.documentElement.scrollHeight")), MAX_HEIGHT)
    page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})


def _locations(page: Any, path: Path) -> bool:
    """The per-location section from its heading, at most 1,400 px of it; False when there is none."""
    section = page.locator("#locations")
    box = section.bounding_box() if section.count() else None
    if box is None:
        return False
    height = min(box["height"], 1400)
    clip = {"x": 0, "y": box["y"], "width": DESKTOP["width"], "height": height}
    page.screenshot(path=str(path), full_page=True, clip=clip)
    return True


def _shoot(browser: Any, html: Path, name: str) -> list[Path]:
    """Every screenshot of one report; the paths written."""
    written: list[Path] = []
    for kind, viewport in (
        ("desktop", DESKTOP),
        ("phone", PHONE),
        ("print", {"width": A4_WIDTH, "height": 1123}),
    ):
        page = browser.new_page(viewport=viewport)
        errors: list[str] = []
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        if kind == "print":
            page.emulate_media(media="print")
        page.goto(html.as_uri())
        out = OUT / f"{name}.{kind}.png"
        _top(page, out, viewport["width"])
        written.append(out)
        if kind == "desktop":
            out = OUT / f"{name}.locations.png"
            if _locations(page, out):
                written.append(out)
        page.close()
        if errors:  # a CSP violation or a script error is a defect, not a screenshot
            raise SystemExit(f"{name} ({kind}): the browser reported: {errors}")
    return written


def _pdf(name: str, report: Any) -> Path | None:
    """WeasyPrint's PDF of the Dutch report, or None without the pdf extra."""
    from klachtregels.errors import MissingExtraError
    from klachtregels.report.render_pdf import render_pdf

    try:
        data = render_pdf(report, "nl")
    except MissingExtraError:
        print("no PDF: the pdf extra is not installed (pip install 'klachtregels[pdf]')")
        return None
    out = OUT / f"{name}.pdf"
    out.write_bytes(data)
    return out


def main() -> None:
    """Render, open and photograph each example report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", choices=sorted(REPORTS), help="one report instead of all")
    parser.add_argument("--no-pdf", action="store_true", help="write the PNGs only")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit(
            "needs Playwright (pip install playwright; the browser is Debian's chromium)"
        ) from None
    if not CHROMIUM.is_file():
        raise SystemExit(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    names = [args.only] if args.only else sorted(REPORTS)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            for name in names:
                report = REPORTS[name][0]()
                html = Path(tmp) / f"{name}.html"
                html.write_text(render(report, "html", "nl"), encoding="utf-8")
                written = _shoot(browser, html, name)
                if not args.no_pdf and (pdf := _pdf(name, report)) is not None:
                    written.append(pdf)
                for path in written:
                    print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size:,} bytes)")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
