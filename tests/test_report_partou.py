"""Partou's Klachtenjaarverslag 2025 reproduced from its own tables (shared/data/README.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.messages import text
from klachtregels.organisation import load_organisation
from klachtregels.register import read_gck_cases, read_register
from klachtregels.report import AnnualReport, build_report, render, render_review
from klachtregels.report.previous import load_previous_figures

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "partou"
ORG = ROOT / "examples" / "partou-2025" / "organisation.toml"

# README: 24 categories with their counts.
CATEGORIES = {
    "Communicatie vanuit locatie": 99,
    "Personele bezetting": 67,
    "Planning en plaatsing": 38,
    "Fysieke veiligheid": 36,
    "Ruil- en inhaaluren": 33,
    "Sluiting groep / locatie": 30,
    "Binnenruimte": 29,
    "Omgang/interactie met kind": 29,
    "Verzorging kind": 25,
    "Overig OVK & Voorwaarden": 22,
    "Overig veiligheid en ongewenst gedrag": 20,
    "Voeding": 15,
    "Facturen en betalingen": 14,
    "Sociale veiligheid": 10,
    "Activiteiten": 8,
    "Spelmateriaal": 8,
    "Privacy": 6,
    "Schoonmaak": 6,
    "Buitenruimte": 5,
    "Communicatie vanuit servicekantoor": 5,
    "Discriminatie": 4,
    "Tarieven": 2,
    "Overig": 1,
    "Seksueel GOG": 1,
}


@pytest.fixture(scope="module")
def report() -> AnnualReport:
    return build_report(
        read_register(DATA / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        organisation=load_organisation(ORG),
        gck_cases=read_gck_cases(DATA / "partou_geschillen_2025.csv", mapping="partou_geschillen"),
        undated_in_year=True,  # the register is Partou's 2025 register (it has no dates)
        previous=538,
    )


def test_total_and_categories(report: AnnualReport) -> None:
    assert report.total.total == 513
    assert dict(report.total.categories) == CATEGORIES
    assert len(report.total.categories) == 24


def test_verdicts(report: AnnualReport) -> None:
    v = report.total.verdicts
    assert (v.gegrond, v.deels_gegrond, v.ongegrond, v.unknown) == (236, 177, 88, 12)
    per_org = {g.name: g.verdicts for g in report.by_organisation}
    p = per_org["Partou B.V."]
    s = per_org["Smallsteps B.V."]
    assert (p.gegrond, p.deels_gegrond, p.ongegrond, p.unknown) == (92, 61, 38, 7)
    assert (s.gegrond, s.deels_gegrond, s.ongegrond, s.unknown) == (144, 116, 50, 5)


def test_per_organisation(report: AnnualReport) -> None:
    assert {g.name: g.total for g in report.by_organisation} == {"Smallsteps B.V.": 315, "Partou B.V.": 198}


def test_geschillencommissie(report: AnnualReport) -> None:
    assert report.gck is not None
    assert report.gck.total == 6
    assert dict(report.gck.by_outcome) == {"gegrond": 1, "ongegrond": 4, "geschikt": 1}
    assert dict(report.gck.by_organisation) == {"Partou B.V.": 4, "Smallsteps B.V.": 2}


def test_share_and_previous_year(report: AnnualReport) -> None:
    assert report.share_of_children is not None
    assert round(report.share_of_children * 100, 2) == 0.71
    assert report.previous is not None
    assert (report.previous.year, report.previous.total) == (2024, 538)


def test_data_quality_keeps_everything_visible(report: AnnualReport) -> None:
    dq = report.data_quality
    assert dq.rows_read == 513
    assert dq.accounted
    # Three rows without a location (seed lines 672, 767, 1098), counted, not guessed.
    assert len(dq.no_location) == 3
    assert sum(g.total for g in report.by_location if g.name is None) == 3
    assert len(dq.no_verdict) == 12
    # The duplicate (seed lines 1141/1156; Eva Besnyostraat 491, Verzorging kind): CSV rows 403 and 411.
    assert dq.possible_duplicates == ((403, 411),)
    assert len(dq.undated_included) == 513
    assert report.due.outcome == "UNDETERMINED"
    notes = render_review(report, "md")  # the accounting is the review notes', not the public's
    assert "403 & 411" in notes
    assert "206, 241, 381" in notes
    assert "206, 241, 381" not in render(report, "md")


def test_location_table_is_compact(report: AnnualReport) -> None:
    assert sum(1 for g in report.by_location if g.name is not None) == 311
    html = render(report, "html")
    assert html.count('class="chart"') == 2  # one chart per figure, not one per location
    assert 'class="loc"' in html


def test_descriptions_are_redacted_when_included() -> None:
    rep = build_report(
        read_register(DATA / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        undated_in_year=True,
        include_descriptions=True,
    )
    assert len(rep.entries) == 513
    out = render(rep, "json")
    assert "klachten@partou.nl" not in out


def test_cli_on_partou(tmp_path: Path) -> None:
    out = tmp_path / "partou.json"
    code = main(
        [
            "report",
            str(DATA / "partou_klachten_2025.csv"),
            "--year",
            "2025",
            "--mapping",
            "partou",
            "--geschillen",
            str(DATA / "partou_geschillen_2025.csv"),
            "--geschillen-mapping",
            "partou_geschillen",
            "--org",
            str(ORG),
            "--previous",
            "538",
            "--format",
            "json",
            "--output",
            str(out),
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"]["total"] == 513
    assert data["gck"]["total"] == 6
    assert data["children_served"] == 72684
    assert data["data_quality"]["possible_duplicates"] == [[403, 411]]


def test_undated_rows_ruled_out_are_not_also_listed_as_counted() -> None:
    # Partou's undated register declared the 2015 register: every row is received before 2016 (R1)
    # and none is counted. Before, the 513 rows were also listed as "without a receipt date, counted"
    # beside "in this report: 0"; each row read is now in exactly one list of the accounting.
    rep = build_report(
        read_register(DATA / "partou_klachten_2025.csv", mapping="partou"), year=2015, undated_in_year=True
    )
    dq = rep.data_quality
    assert rep.total.total == dq.included == 0
    assert len(dq.not_complaints) == 513
    assert {why for _row, why in dq.not_complaints} == {"out_of_temporal_scope"}
    assert dq.undated_included == ()
    assert dq.accounted
    notes = render_review(rep, "md")
    assert "Klachten zonder ontvangstdatum" not in notes
    assert "513 geen klacht in de zin van art. 1.57b" in notes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_states_every_headline_figure_of_the_html(report: AnnualReport, lang: str) -> None:
    # The HTML headline showed "Gegrond of deels gegrond: 81%" ((236 + 177) / 513, computed in the HTML
    # renderer) and the Markdown report did not. Both now take it from _text.founded_share.
    html = render(report, "html", lang)
    md = render(report, "md", lang)
    headline = md.split("\n## ", 2)[1]
    cards = re.findall(r'<div class="card"><p class="k">(.*?)</p><p class="v">(.*?)</p>', html)
    assert cards
    per_org = text("REPORT_PER_ORGANISATION", lang)
    for key, value in cards:
        if key == per_org:  # the number of organisations: the Markdown names each of them
            continue
        figure = value.replace("−", "-")
        assert figure in headline.replace("−", "-"), (key, value)
    founded = text("REPORT_FOUNDED_SHARE", lang)
    assert (founded, "81%") in cards
    assert f"- {founded}: **81%**" in headline


def test_last_years_categories_not_given_are_not_shown_as_zero(tmp_path: Path) -> None:
    # The published report gives 538 complaints in 2024 and one category figure: "planning en plaatsing"
    # 81 (seed § 3.2.2). A figures file with just that said 0 for 2024 in every other category, a guess;
    # they are "niet opgegeven" now, in Markdown, HTML and the JSON's location rows alike.
    figures = tmp_path / "partou-2024.toml"
    figures.write_text(
        'year = 2024\ntotal = 538\n[categories]\n"Planning en plaatsing" = 81\n'
        '[locations]\n"Partou KDV Otje" = 3\n',
        encoding="utf-8",
    )
    rep = build_report(
        read_register(DATA / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        undated_in_year=True,
        previous=load_previous_figures(figures, year=2025),
    )
    assert rep.previous is not None
    assert rep.previous.category_count("Planning en plaatsing") == 81
    assert rep.previous.category_count("Communicatie vanuit locatie") is None
    assert rep.previous.location_count("Partou KDV Otje") == 3
    assert rep.previous.location_count("Noorderhof") is None
    md = render(rep, "md")
    assert "| Planning en plaatsing | 81 | 38 |" in md
    assert "| Communicatie vanuit locatie | niet opgegeven | 99 |" in md
    assert "| Partou KDV Otje | 3 | 21 |" in md
    assert "| Noorderhof | niet opgegeven | 7 |" in md
    assert "| 0 | 99 |" not in md
    html = render(rep, "html", "en")
    assert '<th scope="row">Communicatie vanuit locatie</th><td class=n>not given</td>' in html
    rows = json.loads(render(rep, "json"))["previous"]["locations"]
    assert {"location": "Noorderhof", "count": None, "other_locations": False} in rows
    # Figures that split the whole total leave no doubt: a category they do not name had none.
    whole = tmp_path / "whole.toml"
    whole.write_text('year = 2024\n[categories]\n"Planning en plaatsing" = 81\n', encoding="utf-8")
    rep = build_report(
        read_register(DATA / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        undated_in_year=True,
        previous=load_previous_figures(whole, year=2025),
    )
    assert "| Communicatie vanuit locatie | 0 | 99 |" in render(rep, "md")
