"""Near-duplicate location names in the annual report's data quality (issue 12, item 4)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from klachtregels.register import read_register
from klachtregels.report import build_report, render, render_review

if TYPE_CHECKING:
    from pathlib import Path

HEADER = "id,received_on,channel,complainant_role,location,category,verdict\n"


def _register(tmp_path: Path, locations: list[str]) -> Path:
    rows = [
        f"K{i},2025-03-{i % 27 + 1:02d},email,parent,{loc},Communicatie,gegrond"
        for i, loc in enumerate(locations)
    ]
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_spellings_of_one_location_are_reported_in_every_format(tmp_path: Path) -> None:
    names = ["BSO Mozaïek", "BSO Mozaïek", "BSO Mozaiek", "KDV De Zon"]
    names += ["De Nieuwe Nachtegaal", "De Nieuwe Nachttegaal", "KDV Zon 2"]
    path = _register(tmp_path, names)
    report = build_report(read_register(path), year=2025)
    groups = report.data_quality.similar_locations
    assert ("BSO Mozaïek", "BSO Mozaiek") in groups
    assert any(set(g) == {"De Nieuwe Nachtegaal", "De Nieuwe Nachttegaal"} for g in groups)
    assert not any("KDV Zon 2" in g for g in groups)  # a different number is a different location
    assert "Mogelijk dezelfde locatie onder verschillende namen (2 groepen" in render_review(
        report, "md", "nl"
    )
    assert "Possibly one location under different names" in render_review(report, "html", "en")
    assert "Mozaiek" not in render(report, "md", "nl").split("## Per locatie")[0]
    data = json.loads(render(report, "json", "nl"))
    assert ["BSO Mozaïek", "BSO Mozaiek"] in data["data_quality"]["similar_locations"]


def test_a_pseudonymised_location_never_takes_part(tmp_path: Path) -> None:
    """Lid 6: a gastouder's address is shown as a pseudonym; its spelling must not appear anywhere."""
    org = tmp_path / "org.toml"
    org.write_text('name = "Bureau"\nkind = "gastouderbureau"\n', encoding="utf-8")
    from klachtregels.organisation import load_organisation

    path = _register(tmp_path, ["Kerkstraat 12 Utrecht", "Kerkstraat 12, Utrecht", "Kerkstr. 12 Utrecht"])
    report = build_report(read_register(path), year=2025, organisation=load_organisation(org))
    assert report.data_quality.similar_locations == ()
    for fmt in ("md", "html", "json"):
        assert "Kerkstr" not in render(report, fmt, "nl")


def test_an_address_written_several_ways_is_warned_about_never_merged(tmp_path: Path) -> None:
    """The report only names the spellings (data quality, review notes); every spelling keeps its own
    row and figures, and a neighbouring house number or huisletter is not among them."""
    names = ["Beukenstraat 11 / II", "Beukenstraat 11/II", "Beukenstraat 11-2", "Beukenstr. 11-II"]
    names += ["Beukenstraat 111", "Beukenstraat 11a", "Beukenstraat 11 B"]
    path = _register(tmp_path, names)
    report = build_report(read_register(path), year=2025)
    (group,) = report.data_quality.similar_locations
    assert set(group) == set(names[:4])
    rows = {g.name: g.total for g in report.by_location}
    assert all(rows[name] == 1 for name in names)  # seven locations, as the register has them
    assert "Mogelijk dezelfde locatie onder verschillende namen (1 groep" in render_review(report, "md", "nl")


def test_a_huisletter_v_and_the_fifth_floor_are_two_locations(tmp_path: Path) -> None:
    """The BAG keeps a huisletter and a huisnummertoevoeging apart: ``11v`` (the letter, written against
    the number) is one address, ``11 V``, ``11-V`` and ``11-5`` (the fifth floor) another; ``11 V-2``
    writes the letter with a toevoeging and is ``11v-2`` (docs/notebooks.md)."""
    names = ["Beukenstraat 11v", "Beukenstraat 11 V", "Beukenstraat 11-V", "Beukenstraat 11-5"]
    names += ["Beukenstraat 11 V-2", "Beukenstraat 11v-2"]
    report = build_report(read_register(_register(tmp_path, names)), year=2025)
    groups = {frozenset(group) for group in report.data_quality.similar_locations}
    assert groups == {
        frozenset({"Beukenstraat 11 V", "Beukenstraat 11-V", "Beukenstraat 11-5"}),
        frozenset({"Beukenstraat 11 V-2", "Beukenstraat 11v-2"}),
    }
