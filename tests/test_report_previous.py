"""The previous year from a figures file or a register (issue 12, item 4): categories, locations,
Geschillencommissie disputes and the share of children, compared in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.register import read_register
from klachtregels.report import build_report, render
from klachtregels.report.previous import load_previous_figures, parse_previous_figures

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIGURES = """
year = 2024
total = 40
children_served = 5000
gck_disputes = 2
[categories]
"Communicatie vanuit locatie" = 20
"Voeding" = 10
[locations]
"KDV De Voorbeeldtuin" = 25
"Gastouder Jan Reigerdonk, Kerkstraat 5" = 15
"""


def _figures(tmp_path: Path, text: str = FIGURES) -> Path:
    path = tmp_path / "vorig-jaar.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _report(previous: object) -> object:
    return build_report(read_register(EXAMPLES / "register.csv"), year=2025, previous=previous)


def test_a_figures_file_gives_every_comparison(tmp_path: Path) -> None:
    prev = load_previous_figures(_figures(tmp_path), year=2025)
    assert (prev.year, prev.total, prev.gck_disputes, prev.children_served) == (2024, 40, 2, 5000)
    assert prev.share_of_children == pytest.approx(0.008)
    report = _report(prev)
    md = render(report, "md", "nl")  # type: ignore[arg-type]
    assert "Aandeel kinderen in 2024: 0,80% van 5.000 opgevangen kinderen" in md
    assert "Geschillencommissie in 2024: 2 geschillen" in md
    assert "| KDV De Voorbeeldtuin | 25 | 27 |" in md
    assert "| Locaties zonder klachten dit jaar | 15 | 0 |" in md
    assert "| Communicatie vanuit locatie | 20 | 5 |" in md
    html = render(report, "html", "en")  # type: ignore[arg-type]
    assert "Complaints per location compared with 2024" in html
    assert "Share of children in 2024" in html
    data = json.loads(render(report, "json", "nl"))  # type: ignore[arg-type]
    previous = data["previous"]
    assert previous["gck_disputes"] == 2
    assert previous["children_served"] == 5000
    assert {"location": "KDV De Voorbeeldtuin", "count": 25, "other_locations": False} in previous[
        "locations"
    ]
    assert {"location": None, "count": 15, "other_locations": True} in previous["locations"]


def test_a_location_only_in_last_years_figures_is_never_named(tmp_path: Path) -> None:
    """Lid 6: it may be a gastouder's home address; it is counted under 'without complaints this year'."""
    report = _report(load_previous_figures(_figures(tmp_path), year=2025))
    for fmt in ("md", "html", "json"):
        out = render(report, fmt, "nl")  # type: ignore[arg-type]
        assert "Reigerdonk" not in out
        assert "Kerkstraat" not in out


def test_the_previous_register_gives_its_locations_too() -> None:
    report = build_report(
        read_register(EXAMPLES / "register.csv"),
        year=2025,
        previous=read_register(EXAMPLES / "register.csv"),
    )
    prev = report.previous  # type: ignore[attr-defined]
    assert prev is not None
    assert prev.locations is not None
    assert sum(n for _, n in prev.locations) == prev.total


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("total = -1", "total"),
        ("year = 2020\ntotal = 3", "year"),
        ("total = 3\n[categories]\n'Klacht over juf Sanne' = -2", "categories"),
        ("total = 3\n[categories]\na = 2\nb = 2", "categories"),
        ("[locations]\n'Jan Jansen' = 'veel'\ntotal = 1", "locations"),
        ("totaal = 3", "totaal"),
        ("", "total"),
    ],
)
def test_bad_figures_name_the_key_and_never_a_name(text: str, key: str) -> None:
    import tomllib

    with pytest.raises(InvalidInputError) as caught:
        parse_previous_figures(tomllib.loads(text), year=2025)
    assert key in {field for field, _ in caught.value.problems} or key in str(caught.value)
    assert "Sanne" not in str(caught.value)
    assert "Jansen" not in str(caught.value)


def test_the_cli_reads_a_figures_file_and_refuses_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _figures(tmp_path)
    args = ["report", str(EXAMPLES / "register.csv"), "--year", "2025", "--format", "md"]
    assert main([*args, "--previous", str(good)]) == 0
    assert "Geschillencommissie in 2024: 2 geschillen" in capsys.readouterr().out
    bad = _figures(tmp_path, "total = 'veertig'\n[categories]\n'Jan Jansen' = 1\n")
    assert main([*args, "--previous", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "vorig-jaar.toml" in err
    assert "Jansen" not in err
    assert "veertig" not in err
