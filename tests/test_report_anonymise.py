"""Anonymisation of the annual report (Wko 1.57b lid 5-6): no canary reaches any output."""

from __future__ import annotations

import json

import pytest

from klachtregels.model import Measure, RegisterRecord
from klachtregels.organisation import parse_organisation
from klachtregels.report import Redactor, build_report, looks_like_address, render
from report_helpers import rec

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


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066"])
def test_an_invisible_character_hides_nothing_from_the_redactor(hidden: str) -> None:
    """A zero-width or direction character inside an address or a name (copied from a web page, or
    put there to slip past) kept it from being found, while a reader saw it whole (lid 5)."""
    r = Redactor([f"Wilhelmina Zwanen{hidden}burg"])
    assert r.redact(f"mail w.zwanenburg@exam{hidden}ple.org of w.zwanen{hidden}burg@example.org") == (
        "mail [e-mail] of [e-mail]"
    )
    assert (
        r.redact(f"Moeder Zwanen{hidden}burg belde; mevrouw Zwanenburg ook")
        == "Moeder [naam] belde; mevrouw [naam] ook"
    )
    assert r.redact(f"tel 06-412{hidden}34567") == "tel [telefoon]"
    assert hidden not in r.redact(f"Afgehandeld{hidden}, met {hidden}excuses")  # and none is left in the text


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
