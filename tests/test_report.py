"""The annual report: figures, due date (J01, J02), data quality, anonymisation, renderers, CLI."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.model import (
    Channel,
    Complaint,
    GckFiling,
    Judgement,
    Measure,
    Party,
    RegisterRecord,
)
from klachtregels.organisation import parse_organisation
from klachtregels.report import (
    Redactor,
    build_report,
    looks_like_address,
    render,
    report_due,
    report_to_dict,
)

if TYPE_CHECKING:
    from pathlib import Path


def rec(
    row: int,
    *,
    location: str | None = "KDV Zon",
    category: str | None = "Communicatie",
    verdict: str | None = "gegrond",
    received: dt.date | None = dt.date(2025, 3, 3),
    description: str | None = None,
    summary: str | None = None,
    name: str | None = None,
    organisation: str | None = "Zon B.V.",
    channel: Channel | None = None,
    measures: tuple[Measure, ...] | None = None,
    complainant: Party | None = None,
    subjects: tuple[str, ...] | None = None,
) -> RegisterRecord:
    return RegisterRecord(
        complaint=Complaint(
            received_on=received,
            location=location,
            category=category,
            organisation=organisation,
            description=description,
            channel=channel,
            complainant=complainant or (Party(name=name, role="parent") if name else None),
            subjects=subjects,
        ),
        judgement=Judgement(verdict=verdict, summary=summary, measures=measures),
        row=row,
    )


# --- due date: J01, J02, A16 -----------------------------------------------------------------------


def test_j01_no_written_complaints_no_report() -> None:
    due = report_due(2025, written_complaints=0)
    assert due.outcome == "NOT_REQUIRED"
    assert "KLACHTENLOKET_FAQ_GCK" in due.flags
    assert due.last_day is None


def test_j01_only_oral_complaints_is_not_required() -> None:
    report = build_report([rec(2, channel=Channel.ORAL)], year=2025)
    assert report.due.outcome == "NOT_REQUIRED"
    # Shown by row and reason, not counted and not dropped (R5, lid 9).
    assert report.data_quality.not_complaints == ((2, "not_yet"),)
    assert report.total.total == 0
    assert report.data_quality.accounted


def test_records_that_are_not_complaints_are_shown_not_counted() -> None:
    # A staff member's complaint and an anonymous letter are registered, but are not complaints by an
    # ouder (R3): lid 4 counts complaints under the regulation. Undetermined records are counted.
    records = [
        rec(2, complainant=Party(role="staff")),
        rec(3, complainant=Party(role="anonymous")),
        rec(4, complainant=Party(role="grandparent"), channel=Channel.EMAIL, subjects=("conduct",)),
        rec(5),
    ]
    report = build_report(records, year=2025)
    dq = report.data_quality
    assert dq.not_complaints == ((2, "not_eligible"), (3, "not_eligible"))
    assert report.total.total == 2
    assert dq.accounted
    md = render(report, "md").splitlines()
    shown = "- Geregistreerd, maar geen klacht van een ouder in de zin van art. 1.57b (niet meegeteld): 2"
    assert f"{shown} (regels 2, 3)" in md
    assert any(line.startswith("- Sluitend: 2 in dit verslag") and "+ 2 geen klacht" in line for line in md)


def test_j02_weekend_31_may_is_undetermined() -> None:
    due = report_due(2025, written_complaints=4)
    assert due.outcome == "UNDETERMINED"
    assert due.reason == "A16"
    assert due.calendar_last_day == dt.date(2026, 5, 31)
    assert due.atw_last_day == dt.date(2026, 6, 1)
    assert due.last_day == dt.date(2026, 5, 31)
    assert due.recommended_by == dt.date(2026, 5, 29)
    assert "VERIFY_LID7" in due.flags
    assert {c.label() for c in due.citations} >= {"Wko art. 1.57b lid 8"}


def test_a16_atw_setting_moves_the_last_day() -> None:
    due = report_due(2025, written_complaints=4, jaarverslag_atw=True)
    assert (due.outcome, due.last_day) == ("REQUIRED", dt.date(2026, 6, 1))
    assert "ATW_ON_FIXED_DATE" in due.flags
    # Over 2024: 31 May 2025 is a Saturday -> Mon 2 June (A16). Recommended: Wed 28 May, since
    # Thu 29 May is Ascension and Fri 30 May an equated day.
    due24 = report_due(2024, written_complaints=1, jaarverslag_atw=True)
    assert due24.last_day == dt.date(2025, 6, 2)
    assert due24.recommended_by == dt.date(2025, 5, 28)


def test_working_day_31_may_is_plainly_required() -> None:
    due = report_due(2026, written_complaints=1)  # Mon 31 May 2027
    assert (due.outcome, due.last_day, due.reason) == ("REQUIRED", dt.date(2027, 5, 31), None)


# --- figures and data quality ----------------------------------------------------------------------


def test_counts_per_location_organisation_and_verdict() -> None:
    records = [
        rec(2),
        rec(3, verdict="ongegrond", category="Voeding"),
        rec(4, location="BSO Maan", verdict=None, organisation="Maan B.V."),
        rec(5, location=None),
    ]
    report = build_report(records, year=2025)
    assert report.total.total == 4
    assert dict(report.total.categories) == {"Communicatie": 3, "Voeding": 1}
    v = report.total.verdicts
    assert (v.gegrond, v.deels_gegrond, v.ongegrond, v.unknown) == (2, 0, 1, 1)
    assert {g.name: g.total for g in report.by_organisation} == {"Zon B.V.": 3, "Maan B.V.": 1}
    assert {g.name: g.total for g in report.by_location} == {"KDV Zon": 2, "BSO Maan": 1, None: 1}
    assert report.data_quality.no_location == (5,)
    assert report.data_quality.no_verdict == (4,)
    assert report.data_quality.accounted


def test_year_filter_and_undated_records() -> None:
    records = [rec(2), rec(3, received=dt.date(2024, 12, 31)), rec(4, received=None)]
    mixed = build_report(records, year=2025)
    assert mixed.total.total == 1
    assert mixed.data_quality.outside_year == (3,)
    assert mixed.data_quality.undated_excluded == (4,)
    assert mixed.data_quality.accounted
    declared = build_report(records, year=2025, undated_in_year=True)
    assert declared.total.total == 2
    assert declared.data_quality.undated_included == (4,)
    assert declared.data_quality.accounted


def test_rejected_rows_are_accounted_for() -> None:
    class Err:
        row = 7
        column = "gegrond"
        message = "'Misschien' is not one of: Ja, Deels, Nee"

    report = build_report([rec(2)], year=2025, rejected=[Err()])
    dq = report.data_quality
    assert dq.rows_read == 2
    assert [(r.row, r.fields) for r in dq.rejected] == [(7, ("gegrond",))]
    assert dq.accounted
    assert "Misschien" not in render(report, "json")  # reader messages are not copied


def test_duplicates_shown_by_row_number() -> None:
    records = [
        rec(2, description="Kind  viel", summary="Gesprek"),
        rec(3, description="kind viel", summary="gesprek", verdict=None),
        rec(4, description="Kind viel", summary="Anders"),
    ]
    report = build_report(records, year=2025)
    assert report.data_quality.possible_duplicates == ((2, 3),)
    assert report.total.total == 3  # kept, not dropped


def test_measures_never_invented() -> None:
    unknown = build_report([rec(2, summary="Gesprek gevoerd")], year=2025)
    m = unknown.total.measures
    assert (m.measures_unknown, m.with_measures, m.with_summary) == (1, 0, 1)
    known = build_report(
        [
            rec(2, measures=(Measure(description="x", due_on=dt.date(2025, 4, 1)), Measure(description="y"))),
            rec(3, measures=()),
        ],
        year=2025,
    )
    m = known.total.measures
    assert (m.with_measures, m.without_measures, m.measures, m.with_concrete_term, m.term_unknown) == (
        1,
        1,
        2,
        1,
        1,
    )


def test_gck_cases_by_subject_outcome_and_year() -> None:
    cases = [
        GckFiling(subject="Kosten", outcome="ongegrond", filed_on=dt.date(2025, 2, 1)),
        GckFiling(subject="Kosten", outcome="ongegrond", filed_on=dt.date(2025, 3, 1)),
        GckFiling(subject="Zorgvuldigheid", outcome="geschikt", filed_on=dt.date(2024, 3, 1)),
    ]
    report = build_report([rec(2)], year=2025, gck_cases=cases)
    assert report.gck is not None
    assert report.gck.total == 2
    assert report.gck.by_subject_outcome == (("Kosten", "ongegrond", 2),)
    assert len(report.data_quality.gck_outside_year) == 1
    assert build_report([rec(2)], year=2025).gck is None  # unknown, not zero


def test_previous_year_and_share() -> None:
    prev = [rec(2, received=dt.date(2024, 5, 1)), rec(3, received=dt.date(2024, 6, 1), category="Voeding")]
    report = build_report([rec(2)], year=2025, previous=prev, children_served=200)
    assert report.previous is not None
    assert (report.previous.year, report.previous.total) == (2024, 2)
    assert report.share_of_children == pytest.approx(0.005)
    assert build_report([rec(2)], year=2025, previous=5).previous.total == 5  # type: ignore[union-attr]
    with pytest.raises(InvalidInputError):
        build_report([rec(2)], year=2025, children_served=-1)


# --- anonymisation (lid 5-6) -----------------------------------------------------------------------

CANARIES = {
    "name": "Wilhelmina Zwanenburg",
    "email": "w.zwanenburg@example.org",
    "phone": "06-41234567",
    "phone_intl": "+31 6 4123 4568",
    "address": "Tulpenstraat 42b",
    "postcode": "9876 ZX",
    "birth": "14-02-2021",
    "birth_words": "3 maart 2020",
    "bsn": "123456782",
}


def canary_records() -> list[RegisterRecord]:
    c = CANARIES
    text = (
        f"Moeder {c['name']} (mail {c['email']}, tel {c['phone']} of {c['phone_intl']}) woont op "
        f"{c['address']}, {c['postcode']}. Kind geboren {c['birth']}; broer geboren {c['birth_words']}. "
        f"BSN {c['bsn']}. Zwanenburg vraagt om een gesprek."
    )
    return [
        rec(2, description=text, summary=f"Gebeld met Wilhelmina op {c['phone']}.", name=c["name"]),
        rec(
            3,
            description="Andere ouder, zelfde klacht over Zwanenburg.",
            summary="Afgehandeld.",
            measures=(Measure(description=f"Brief naar {c['address']}"),),
        ),
    ]


@pytest.mark.parametrize("include", [False, True])
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_canary_reaches_any_output(include: bool, fmt: str, lang: str) -> None:
    report = build_report(canary_records(), year=2025, include_descriptions=include)
    out = render(report, fmt, lang)
    for kind, value in CANARIES.items():
        assert value not in out, kind
    for part in ("Wilhelmina", "Zwanenburg", "41234567", "4123 4568", "Tulpenstraat", "9876"):
        assert part not in out
    if include:
        assert "[naam]" in out
        assert "[adres]" in out
        assert "Kind geboren [datum]" in out


def test_default_report_has_no_free_text() -> None:
    out = render(build_report(canary_records(), year=2025), "json")
    assert "Moeder" not in out
    assert "Afgehandeld" not in out
    assert json.loads(out)["entries"] == []


def test_redactor_patterns() -> None:
    r = Redactor(["Jan de Vries"], keep=["Zon B.V."])
    assert r.redact("Jan en De Vries") == "[naam] en De [naam]"
    assert r.redact("bel 020 - 123 45 67 of 0031 6 12345678") == "bel [telefoon] of [telefoon]"
    assert r.redact("op 2019-03-12 en 12 mrt.") == "op [datum] en [datum]."
    assert r.redact("3 keer in 2025, 12 kinderen") == "3 keer in 2025, 12 kinderen"
    assert r.redact("Zon B.V. belde") == "Zon B.V. belde"


def test_gastouder_addresses_are_pseudonymised() -> None:
    assert looks_like_address("Gastouder Dorpsstraat 5")
    assert not looks_like_address("KDV De Zonnebloem")
    org = parse_organisation(
        {"name": "GOB Samen", "kind": "gastouderbureau", "locations": [{"name": "Bureau Samen"}]}
    )
    records = [
        rec(2, location="Dorpsstraat 5"),
        rec(3, location="Bureau Samen"),
        rec(4, location="Oma Truus"),
    ]
    report = build_report(records, year=2025, organisation=org)
    shown = {g.display_name for g in report.by_location}
    assert shown == {"Bureau Samen", "Gastouderlocatie 1", "Gastouderlocatie 2"}
    assert report.data_quality.pseudonymised_locations == 2
    for fmt in ("md", "html", "json"):
        out = render(report, fmt)
        assert "Dorpsstraat" not in out
        assert "Truus" not in out


def test_kind_unknown_address_like_names_are_flagged() -> None:
    report = build_report([rec(2, location="Kerkstraat 1")], year=2025)
    assert report.data_quality.address_like_locations_unchecked == 1


# --- renderers -------------------------------------------------------------------------------------


def test_json_shape_is_versioned() -> None:
    data = report_to_dict(build_report([rec(2)], year=2025), "en")
    assert data["schema"] == "klachtregels.annual-report"
    assert data["schema_version"] == "1.0"
    assert data["library_version"]
    assert data["due"]["outcome"] == "UNDETERMINED"
    assert any(c["label"] == "Wko art. 1.57b lid 4" for c in data["citations"])


def test_html_is_self_contained_and_accessible() -> None:
    html = render(build_report([rec(2), rec(3, verdict="ongegrond")], year=2025), "html", "en")
    assert '<html lang="en">' in html
    assert "<script" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert html.count("<svg") == 2
    assert "<h1>" in html
    assert "<table" in html
    assert 'role="img"' in html


def test_markdown_cites_the_law_in_both_languages() -> None:
    report = build_report([rec(2)], year=2025)
    assert "Wko art. 1.57b lid 4–9" in render(report, "md", "nl")
    en = render(report, "md", "en")
    assert "Annual complaint report 2025" in en
    assert "UNDETERMINED (A16)" in en


def test_render_rejects_unknown_format() -> None:
    with pytest.raises(InvalidInputError):
        render(build_report([rec(2)], year=2025), "pdf")


# --- command line ----------------------------------------------------------------------------------


def write_register(path: Path) -> None:
    path.write_text(
        "location,category,verdict,received_on\nKDV Zon,Voeding,gegrond,2025-02-03\n"
        "KDV Zon,Voeding,ongegrond,2024-12-01\n",
        encoding="utf-8",
    )


def test_cli_writes_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    out = tmp_path / "r.json"
    code = main(
        ["report", str(reg), "--year", "2025", "--format", "json", "--output", str(out), "--previous", "3"]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"]["total"] == 1
    assert data["data_quality"]["outside_year"] == [3]
    assert data["previous"]["total"] == 3
    capsys.readouterr()


def test_cli_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = tmp_path / "reg.csv"
    write_register(reg)
    bad_org = tmp_path / "org.toml"
    bad_org.write_text('name = "X"\nkind = "creche"\n', encoding="utf-8")
    assert main(["report", str(reg), "--year", "2025", "--org", str(bad_org)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "kind" in err
    assert main(["report", str(reg), "--year", "2025", "--previous", "lots"]) == 2
    assert main(["report", str(tmp_path / "missing.csv"), "--year", "2025"]) == 2


# --- invariants ------------------------------------------------------------------------------------

_record_args = st.fixed_dictionaries(
    {
        "location": st.sampled_from(["KDV Zon", "BSO Maan", None]),
        "category": st.sampled_from(["Voeding", "Privacy", None]),
        "verdict": st.sampled_from(["gegrond", "deels_gegrond", "ongegrond", None]),
        "received": st.sampled_from(
            [dt.date(2024, 12, 31), dt.date(2025, 1, 1), dt.date(2025, 12, 31), None]
        ),
        "organisation": st.sampled_from(["Zon B.V.", None]),
        "channel": st.sampled_from([Channel.EMAIL, Channel.ORAL, None]),
    }
)


class _Rejected:
    def __init__(self, row: int) -> None:
        self.row = row
        self.column = None


@given(st.lists(_record_args, max_size=30), st.integers(0, 5), st.booleans())
def test_every_row_is_accounted_for_and_groups_add_up(
    args: list[dict[str, object]], n_rejected: int, undated: bool
) -> None:
    records = [rec(i + 2, **a) for i, a in enumerate(args)]  # type: ignore[arg-type]
    rejected = [_Rejected(1000 + i) for i in range(n_rejected)]
    report = build_report(records, year=2025, rejected=rejected, undated_in_year=undated)
    dq = report.data_quality
    assert dq.accounted
    assert dq.rows_read == len(records) + n_rejected
    total = report.total.total
    assert total == dq.included
    assert sum(g.total for g in report.by_location) == total
    assert sum(g.total for g in report.by_organisation) == total
    assert sum(n for _c, n in report.total.categories) == total
    assert report.total.verdicts.total == total
    assert sum(v.total for _c, v in report.category_verdicts) == total
    assert (report.due.outcome == "NOT_REQUIRED") == (total == 0)
