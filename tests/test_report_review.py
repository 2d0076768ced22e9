"""Re-identification review notes and small-cell suppression (issue 9 item 3; Wko 1.57b lid 4-5)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, GckFiling, Party, RegisterRecord
from klachtregels.report import build_report, render
from klachtregels.report.anonymise import Redactor
from klachtregels.report.model import ReviewKind
from klachtregels.report.review import suppress
from report_helpers import rec

if TYPE_CHECKING:
    from pathlib import Path

    from klachtregels.report import AnnualReport

#: A planted name: a complainant's surname that also turns up in a category and a location.
PLANTED = "Reigerdonk"


def _kinds(report: AnnualReport) -> list[ReviewKind]:
    return [w.kind for w in report.review.reidentification]


def _published(report: AnnualReport) -> list[str]:
    return [render(report, "md", lang) for lang in ("nl", "en")] + [render(report, "html", "nl")]


# --------------------------------------------------------------------------------------------------
# Review notes
# --------------------------------------------------------------------------------------------------


def test_a_name_in_a_category_is_a_review_note_by_row_never_by_text() -> None:
    records = [
        rec(2, name=f"Sanne {PLANTED}", category="Communicatie"),
        rec(3, name="Piet Jansen", category=f"Klacht over {PLANTED}"),
        rec(4, name="Els Vos", category="Communicatie"),
    ]
    report = build_report(records, year=2025)
    notes = report.review.reidentification
    assert [(n.kind, n.found, n.source, n.row, n.rows) for n in notes if n.kind.endswith("category")] == [
        (ReviewKind.PERSONAL_DATA_IN_CATEGORY, ("naam",), "register", 3, 1)
    ]
    for lang in ("nl", "en"):
        message = notes[0].message(lang)
        assert "3" in message
        assert PLANTED not in message  # the note must not spread what it warns about
    review = json.loads(render(report, "json"))["review"]
    assert PLANTED not in json.dumps(review)
    assert review["reidentification"][0]["kind"] == "personal_data_in_category"
    # The published documents carry no review note (issue 14: they go in the provider's notes).
    for doc in _published(report):
        assert notes[0].message("nl") not in doc
        assert notes[0].message("en") not in doc


def test_a_name_in_a_location_is_a_review_note_but_a_street_address_is_lid_6s() -> None:
    records = [
        rec(2, name=f"Daan {PLANTED}", location=f"Gastouder {PLANTED}"),
        rec(3, location="KDV Kerkstraat 12"),
        rec(4, location="KDV Kerkstraat 12"),
        rec(5, location=f"Gastouder {PLANTED}"),
    ]
    notes = build_report(records, year=2025).review.reidentification
    located = [n for n in notes if n.kind is ReviewKind.PERSONAL_DATA_IN_LOCATION]
    assert [(n.found, n.row, n.rows) for n in located] == [(("naam",), 2, 2)]


def test_a_name_after_a_form_of_address_or_a_phone_number_is_found_without_party_names() -> None:
    report = build_report(
        [rec(2, category="Gedrag juf Fatima", location="KDV Zon"), rec(3, category="Bel 06-12345678")],
        year=2025,
    )
    found = {n.row: n.found for n in report.review.reidentification if n.kind.endswith("category")}
    assert found == {2: ("naam",), 3: ("telefoon",)}


def test_pseudonymised_locations_are_not_checked() -> None:
    from klachtregels.organisation import Organisation

    org = Organisation.from_dict({"name": "Zon B.V.", "kind": "gastouderbureau"})
    records = [
        rec(2, name=f"Daan {PLANTED}", location=f"Gastouder {PLANTED}"),
        rec(3, location=f"Gastouder {PLANTED}"),
    ]
    report = build_report(records, year=2025, organisation=org)
    assert ReviewKind.PERSONAL_DATA_IN_LOCATION not in _kinds(report)


def test_the_previous_register_and_the_disputes_file_are_checked_too() -> None:
    previous = [rec(7, received=None, category=f"Klacht {PLANTED}", name=f"Ed {PLANTED}")]
    filing = GckFiling(filed_on="2025-05-01", subject=f"Zaak {PLANTED}")
    cases = [attrs.evolve(rec(9, name=f"Jo {PLANTED}"), filing=filing)]
    report = build_report(
        [rec(2, name=f"Jo {PLANTED}")], year=2025, previous=previous, gck_cases=cases, undated_in_year=True
    )
    by_source = {(n.kind, n.source, n.row) for n in report.review.reidentification}
    assert (ReviewKind.PERSONAL_DATA_IN_CATEGORY, "previous", 7) in by_source
    assert (ReviewKind.PERSONAL_DATA_IN_SUBJECT, "geschillen", 9) in by_source


def test_no_names_no_notes() -> None:
    records = [rec(2, name="Anna Vos", category="Communicatie"), rec(3, name="Bram Vos", category="Voeding")]
    assert build_report(records, year=2025).review.reidentification == ()


def test_a_single_complaint_location_is_a_small_cell_until_suppressed() -> None:
    records = [
        rec(2, location="KDV Een"),
        rec(3, location="KDV Twee"),
        rec(4, location="KDV Twee"),
        rec(5, location=None),
    ]
    report = build_report(records, year=2025)
    singles = [n for n in report.review.reidentification if n.kind is ReviewKind.SINGLE_COMPLAINT_LOCATION]
    assert [(n.row, n.rows) for n in singles] == [(2, 1)]  # 'location not recorded' is no location
    suppressed = build_report(records, year=2025, suppress_below=2)
    assert ReviewKind.SINGLE_COMPLAINT_LOCATION not in _kinds(suppressed)


def test_the_command_line_prints_the_notes_on_stderr_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = tmp_path / "reg.csv"
    reg.write_text(
        "received_on,location,category,verdict,complainant_name\n"
        f"2025-02-03,KDV Zon,Klacht {PLANTED},gegrond,Jan {PLANTED}\n"
        "2025-02-04,KDV Zon,Voeding,gegrond,Els Vos\n",
        encoding="utf-8",
    )
    assert main(["report", str(reg), "--year", "2025", "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "may hold personal data (a name)" in err
    assert "row 2 of the register" in err
    assert PLANTED not in err
    assert "personal data (a name)" not in out


def test_redactor_found_names_kinds_not_text() -> None:
    redactor = Redactor(["Sanne Jansen"])
    assert redactor.found("Klacht van Jansen, bel 06-12345678") == ("naam", "telefoon")
    assert redactor.found("Communicatie") == ()
    assert redactor.found("[naam] al weg") == ()  # a tag already there is not a finding


def test_party_names_live_in_the_complainant_only() -> None:
    # The report reads each record's party names from complaint.complainant (compute._Pass.add,
    # for speed); if the model grows another Party field, that shortcut must learn it.
    def party_fields(cls: type) -> list[str]:
        return [f.name for f in attrs.fields(cls) if "Party" in str(f.type)]

    assert party_fields(Complaint) == ["complainant"]
    assert party_fields(RegisterRecord) == []
    assert Party  # the class the check looks for


# --------------------------------------------------------------------------------------------------
# Suppression
# --------------------------------------------------------------------------------------------------


def _register() -> list[RegisterRecord]:
    big = [rec(i, location="KDV Groot", verdict="ongegrond" if i % 2 else "gegrond") for i in range(2, 8)]
    middle = [rec(i, location="KDV Midden", category="Voeding") for i in range(8, 12)]
    return [*big, *middle, rec(12, location="KDV Klein", category="Privacy", verdict="deels gegrond")]


def test_suppression_hides_the_detail_keeps_the_count_and_every_total() -> None:
    plain = build_report(_register(), year=2025)
    report = build_report(_register(), year=2025, suppress_below=3)
    shown = {g.name: g for g in report.by_location}
    assert shown["KDV Klein"].suppressed
    assert shown["KDV Klein"].total == 1  # lid 4: the number per location always stays
    assert shown["KDV Klein"].categories == ()  # not held, so no renderer can show it
    # Totals over all locations are every complaint's, suppressed or not.
    assert (report.total, report.category_verdicts) == (plain.total, plain.category_verdicts)
    md = render(report, "md")
    assert md.count("minder dan 3 klachten") == 1  # explained once, in plain words
    klein = next(line for line in md.splitlines() if line.startswith("| KDV Klein"))
    # One organisation: no organisation column (the title names the provider).
    assert klein == "| KDV Klein | 1 | onderdrukt | onderdrukt | onderdrukt | onderdrukt | onderdrukt |"
    assert "Privacy (1)" not in md.split("## Per locatie")[1].split("##")[0]
    located = json.loads(render(report, "json"))["by_location"]
    klein_json = next(g for g in located if g["name"] == "KDV Klein")
    assert klein_json == {
        "name": "KDV Klein",
        "total": 1,
        "categories": None,
        "verdicts": None,
        "measures": None,
        "organisations": ["Zon B.V."],
        "pseudonymised": False,
        "suppressed": True,
    }


def test_one_hidden_location_takes_the_smallest_shown_one_with_it() -> None:
    # With only KDV Klein hidden, the totals minus KDV Groot and KDV Midden would give its verdict.
    report = build_report(_register(), year=2025, suppress_below=3)
    assert {g.name for g in report.by_location if g.suppressed} == {"KDV Klein", "KDV Midden"}
    assert not any(g.suppressed for g in report.by_organisation)  # Zon B.V. has two hidden locations


def test_an_organisation_with_one_hidden_location_and_no_other_hides_its_row() -> None:
    records = [*_register(), rec(20, location="BSO Maan", organisation="Maan B.V.")]
    report = build_report(records, year=2025, suppress_below=2)
    # KDV Midden goes with KDV Klein: Zon B.V.'s row would otherwise give Klein's verdict away.
    assert {g.name for g in report.by_location if g.suppressed} == {"KDV Klein", "KDV Midden", "BSO Maan"}
    assert {g.name for g in report.by_organisation if g.suppressed} == {"Maan B.V."}
    row = next(line for line in render(report, "md").splitlines() if line.startswith("| Maan B.V."))
    assert row == "| Maan B.V. | 1 | onderdrukt | onderdrukt | onderdrukt | onderdrukt |"


def test_descriptions_do_not_undo_suppression() -> None:
    report = build_report(_register(), year=2025, suppress_below=3, include_descriptions=True)
    hidden = {e.row: e.location for e in report.entries if e.row in (8, 12)}
    assert hidden == {8: "(locatie onderdrukt)", 12: "(locatie onderdrukt)"}


def test_without_suppression_nothing_changes() -> None:
    plain = build_report(_register(), year=2025)
    assert plain.suppress_below is None
    assert not any(g.suppressed for g in (*plain.by_location, *plain.by_organisation))
    assert "onderdrukt" not in render(plain, "md")


@pytest.mark.parametrize("k", [0, -1, True, 1001])
def test_a_bad_k_is_refused(k: int) -> None:
    with pytest.raises(InvalidInputError, match="suppress_below"):
        build_report(_register(), year=2025, suppress_below=k)


def test_the_command_line_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    reg.write_text(
        "received_on,location,category,verdict\n2025-02-03,KDV Zon,Voeding,gegrond\n"
        "2025-02-04,KDV Maan,Voeding,gegrond\n2025-02-05,KDV Maan,Voeding,gegrond\n",
        encoding="utf-8",
    )
    assert main(["report", str(reg), "--year", "2025", "--format", "json", "--suppress-below", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suppress_below"] == 2
    assert [(g["name"], g["suppressed"]) for g in data["by_location"]] == [
        ("KDV Maan", True),
        ("KDV Zon", True),
    ]
    assert main(["report", str(reg), "--year", "2025", "--suppress-below", "0"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


_LOCATIONS = st.lists(
    st.tuples(st.integers(1, 6), st.sampled_from(["A B.V.", "B B.V.", "C B.V."])), min_size=1, max_size=8
)


@settings(max_examples=150, deadline=None)
@given(locations=_LOCATIONS, k=st.integers(1, 5))
def test_no_total_covers_exactly_one_hidden_location(locations: list[tuple[int, str]], k: int) -> None:
    records = [
        rec(100 * i + j, location=f"L{i}", organisation=org, verdict="gegrond" if j % 2 else "ongegrond")
        for i, (n, org) in enumerate(locations)
        for j in range(n)
    ]
    plain = build_report(records, year=2025)
    report = build_report(records, year=2025, suppress_below=k)
    hidden = {g.name for g in report.by_location if g.suppressed}
    assert {g.name for g in plain.by_location if g.total < k} <= hidden
    assert [g.total for g in report.by_location] == [g.total for g in plain.by_location]
    assert report.total == plain.total
    if len(report.by_location) > 1:
        assert len(hidden) != 1  # the totals over all locations would give it away
    hidden_orgs = {g.name for g in report.by_organisation if g.suppressed}
    for org in {o for _n, o in locations} - hidden_orgs:
        under = {g.name for g in report.by_location if org in g.organisations}
        assert len(under & hidden) != 1, org


def test_suppress_none_is_the_identity() -> None:
    report = build_report(_register(), year=2025)
    assert suppress(report.by_location, report.by_organisation, None) == (
        report.by_location,
        report.by_organisation,
    )
