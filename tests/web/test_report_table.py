"""The annual report's per-location table in a real browser (issue 14, item 3): sort, search, first rows.

Opens the rendered report from a file (no server: the page loads nothing) in Debian's Chromium with
Playwright. Skips without Playwright or Chromium, except under ``KLACHTREGELS_WEB_REQUIRED=1``
(``scripts/web_ci.sh``), where that fails. Any console error (a CSP violation is one) fails a test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from klachtregels.report import AnnualReport, build_report, render
from klachtregels.report._layout import FIRST_ROWS
from report_helpers import rec

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: 59 locations named "Locatie N" (1 complaint each) and three with more, whose names need Dutch collation.
BIG = {"Zonnebloem": 12, "Éénhoorn": 9, "Eekhoorn": 100}
LOCATIONS = 59 + len(BIG)


def _report() -> AnnualReport:
    records = [rec(2 + i, location=f"Locatie {i}", verdict="ongegrond") for i in range(1, 60)]
    row = 100
    for name, n in BIG.items():
        for _ in range(n):
            row += 1
            records.append(rec(row, location=name))
    return build_report(records, year=2025)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "verslag.html"
    path.write_text(render(_report(), "html", "nl"), encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, report_file: Path) -> Iterator[Any]:
    """The report opened in a fresh page; fails the test on any console error or page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report_file.as_uri())
    yield page
    context.close()
    assert errors == []


def _shown(page: Any) -> list[str]:
    """The location names of the rows shown, top to bottom."""
    return list(page.locator("#loc tbody tr:visible th").all_inner_texts())


def test_the_first_rows_show_and_the_button_shows_all(page: Any) -> None:
    assert page.locator("#loc-tools").is_visible()
    assert len(_shown(page)) == FIRST_ROWS
    status = page.locator("#loc-tools [role=status]")
    assert status.inner_text() == f"{FIRST_ROWS} van {LOCATIONS} rijen getoond"
    button = page.locator("#loc-tools button")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert len(_shown(page)) == LOCATIONS
    assert button.get_attribute("aria-expanded") == "true"
    assert status.inner_text() == f"{LOCATIONS} van {LOCATIONS} rijen getoond"


def test_numbers_sort_as_numbers_and_the_header_says_how(page: Any) -> None:
    total = page.locator("#loc thead th").nth(2)
    total.locator("button").click()
    assert total.get_attribute("aria-sort") == "descending"
    assert _shown(page)[:3] == ["Eekhoorn", "Zonnebloem", "Éénhoorn"]  # 100, 12, 9: not "9" > "12" > "100"
    total.locator("button").click()
    assert total.get_attribute("aria-sort") == "ascending"
    assert page.locator("#loc thead th[aria-sort]").count() == 1
    page.locator("#loc-tools button").click()
    assert _shown(page)[-3:] == ["Éénhoorn", "Zonnebloem", "Eekhoorn"]


def test_names_sort_in_dutch_collation_by_keyboard(page: Any) -> None:
    name = page.locator("#loc thead th").first
    name.locator("button").focus()
    page.keyboard.press("Enter")
    assert name.get_attribute("aria-sort") == "ascending"
    page.locator("#loc-tools button").click()
    names = _shown(page)
    # Accents fold (Éénhoorn between Eekhoorn and Locatie), numbers in names count (2 before 10).
    assert names[:2] == ["Eekhoorn", "Éénhoorn"]
    assert names.index("Locatie 2") < names.index("Locatie 10")
    assert names[-1] == "Zonnebloem"
    name.locator("button").focus()
    page.keyboard.press("Space")
    assert name.get_attribute("aria-sort") == "descending"
    assert _shown(page)[0] == "Zonnebloem"


def test_search_filters_every_row_and_says_how_many(page: Any) -> None:
    search = page.get_by_label("Zoek in de tabel")
    search.fill("eenhoorn")  # accents and case folded
    assert _shown(page) == ["Éénhoorn"]
    assert page.locator("#loc-tools [role=status]").inner_text() == f"1 van {LOCATIONS} rijen getoond"
    assert page.locator("#loc-tools button").is_hidden()
    search.fill("locatie 5")  # beyond the first rows too
    assert sorted(_shown(page)) == sorted(["Locatie 5", *(f"Locatie {i}" for i in range(50, 60))])
    search.fill("")
    assert len(_shown(page)) == FIRST_ROWS


def test_print_has_every_row_and_no_controls(page: Any) -> None:
    page.get_by_label("Zoek in de tabel").fill("zonnebloem")
    page.emulate_media(media="print")
    assert len(_shown(page)) == LOCATIONS
    assert page.locator("#loc-tools").is_hidden()
    assert page.locator(".sh .top").first.is_hidden()


def test_without_javascript_the_table_is_whole(browser: Any, report_file: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report_file.as_uri())
    assert len(_shown(page)) == LOCATIONS
    assert page.locator("#loc-tools").is_hidden()
    assert page.locator("#loc thead button").count() == 0
    context.close()
