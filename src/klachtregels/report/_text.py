"""Wording shared by the report renderers, in Dutch and English, built from the report's data only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.calendar import format_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from klachtregels.organisation import Organisation
    from klachtregels.report.model import (
        AnnualReport,
        Counts,
        GckSummary,
        ReportDue,
        ReportEntry,
        VerdictSplit,
    )

__all__ = [
    "LANGS",
    "Table",
    "categories_inline",
    "category_change_table",
    "category_name",
    "category_table",
    "category_verdict_table",
    "cite_range",
    "due_lines",
    "entry_detail",
    "flag_text",
    "fmt_int",
    "fmt_pct",
    "fmt_signed",
    "fmt_signed_pct",
    "gck_organisation_table",
    "gck_subject_table",
    "label",
    "location_count",
    "location_name",
    "location_table",
    "measures_recorded",
    "measures_table",
    "organisation_name",
    "organisation_table",
    "quality_lines",
    "rows_list",
    "source_list",
    "term_text",
    "title",
    "verdict_counts",
    "verdict_label",
    "verdict_table",
]

LANGS: Final = ("nl", "en")

_LABELS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Klachtenverslag {year}", "Annual complaint report {year}"),
    "subtitle": (
        "Verslag over de klachten van ouders in {year} (Wet kinderopvang art. 1.57b lid 4–9)",
        "Report on parents' complaints in {year} (Childcare Act, art. 1.57b para. 4–9)",
    ),
    "headline": ("Kerncijfers", "Key figures"),
    "complaints": ("klachten", "complaints"),
    "total_complaints": ("Klachten in {year}", "Complaints in {year}"),
    "locations_with": ("over {n} locaties", "across {n} locations"),
    "per_organisation": ("Per organisatie", "Per organisation"),
    "share_children": ("Aandeel kinderen", "Share of children"),
    "of_children": ("van {n} opgevangen kinderen", "of {n} children served"),
    "vs_previous": ("Ten opzichte van {year}", "Compared with {year}"),
    "verdicts": ("Oordelen", "Judgements"),
    "founded_share": ("Gegrond of deels gegrond", "Well-founded or partly"),
    "gck_cases": ("Geschillencommissie", "Disputes committee"),
    "gck_cases_n": ("geschillen", "disputes"),
    "gck_unknown": ("geen gegevens", "no data"),
    "due": ("Verzenden aan GGD", "Send to the GGD"),
    "unknown": ("onbekend", "unknown"),
    "not_given": ("niet opgegeven", "not given"),
    "gegrond": ("gegrond", "well-founded"),
    "deels_gegrond": ("deels gegrond", "partly well-founded"),
    "ongegrond": ("ongegrond", "unfounded"),
    "niet_ontvankelijk": ("niet-ontvankelijk", "inadmissible"),
    "geschikt": ("geschikt (geen uitspraak)", "settled (no ruling)"),
    "ingetrokken": ("ingetrokken", "withdrawn"),
    "pending": ("lopend", "pending"),
    "no_location": ("(locatie niet geregistreerd)", "(location not recorded)"),
    "no_category": ("(geen categorie)", "(no category)"),
    "no_organisation": ("(organisatie niet geregistreerd)", "(organisation not recorded)"),
    "no_subject": ("(onderwerp onbekend)", "(subject unknown)"),
    "regulation": ("De klachtenregeling", "The complaint regulation"),
    "regulation_description": ("Korte beschrijving", "Short description"),
    "how_informed": ("Hoe ouders zijn geïnformeerd", "How parents were informed"),
    "handling_term": ("Afhandeltermijn in de regeling", "Handling term in the regulation"),
    "gck_affiliated": ("Aangesloten bij de Geschillencommissie Kinderopvang", "Affiliated with the GCK"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "nature": ("Aard van de klachten", "Nature of the complaints"),
    "category": ("Categorie", "Category"),
    "count": ("Aantal", "Number"),
    "share": ("Aandeel", "Share"),
    "total": ("Totaal", "Total"),
    "judgements_measures": ("Strekking van de oordelen en maatregelen", "Tenor of judgements and measures"),
    "verdict": ("Oordeel", "Judgement"),
    "verdict_per_category": ("Oordeel per categorie", "Judgement per category"),
    "measures": ("Maatregelen", "Measures"),
    "m_with_summary": (
        "Klachten met een schriftelijke weergave van de afhandeling of oplossing",
        "Complaints with a written account of the handling or solution",
    ),
    "m_with": (
        "Klachten met één of meer geregistreerde maatregelen",
        "Complaints with one or more recorded measures",
    ),
    "m_without": ("Klachten zonder maatregel (vastgelegd)", "Complaints without a measure (recorded)"),
    "m_unknown": (
        "Klachten waarvan niet is vastgelegd of er maatregelen zijn",
        "Complaints with no record of measures",
    ),
    "m_total": ("Geregistreerde maatregelen", "Recorded measures"),
    "m_term": ("waarvan met een concrete termijn", "of which with a concrete term"),
    "m_no_term": ("waarvan zonder concrete termijn", "of which without a concrete term"),
    "m_note": (
        "Het register legt maatregelen niet apart vast: de aard van de maatregelen staat alleen in de "
        "beschrijving van de oplossing en wordt hier niet ingedeeld of geraden.",
        "The register does not record measures separately: their nature is only in the description of "
        "the solution and is not classified or guessed here.",
    ),
    "organisations": ("Per organisatie (rechtspersoon)", "Per organisation (legal entity)"),
    "organisation": ("Organisatie", "Organisation"),
    "gck": (
        "Geschillen bij de Geschillencommissie Kinderopvang",
        "Disputes before the Geschillencommissie Kinderopvang",
    ),
    "gck_none_given": (
        "Er zijn geen gegevens over geschillen opgegeven; het aantal is daarom onbekend (niet nul).",
        "No data on disputes was given, so their number is unknown (not zero).",
    ),
    "subject": ("Onderwerp", "Subject"),
    "outcome": ("Uitkomst", "Outcome"),
    "per_location": ("Per locatie", "Per location"),
    "location": ("Locatie", "Location"),
    "per_location_note": (
        "{n} locaties met klachten. Locaties zonder klachten in {year} staan niet in deze tabel.",
        "{n} locations with complaints. Locations without complaints in {year} are not in this table.",
    ),
    "categories_col": ("Aard (categorieën)", "Nature (categories)"),
    "gegrond_short": ("Geg.", "W-f"),
    "deels_short": ("Deels", "Partly"),
    "ongegrond_short": ("Ong.", "Unf."),
    "unknown_short": ("Onb.", "Unk."),
    "data_quality": ("Datakwaliteit en verantwoording", "Data quality and accounting"),
    "dq_rows_read": ("Regels gelezen uit het register", "Rows read from the register"),
    "dq_rejected": ("Regels afgekeurd door de inlezer", "Rows rejected by the reader"),
    "dq_included": ("Klachten in dit verslag", "Complaints in this report"),
    "dq_outside": (
        "Klachten met een ontvangstdatum buiten {year} (niet meegeteld)",
        "Complaints received outside {year} (not counted)",
    ),
    "dq_undated_in": (
        "Klachten zonder ontvangstdatum, meegeteld omdat het register als register over {year} is opgegeven",
        "Complaints without a receipt date, counted because the register was declared the {year} register",
    ),
    "dq_undated_out": (
        "Klachten zonder ontvangstdatum, niet meegeteld (register niet als register over {year} opgegeven)",
        "Complaints without a receipt date, not counted (register not declared the {year} register)",
    ),
    "dq_no_location": (
        "Klachten zonder locatie (meegeteld onder 'locatie niet geregistreerd')",
        "Complaints without a location (counted under 'location not recorded')",
    ),
    "dq_no_verdict": (
        "Klachten zonder oordeel (meegeteld als 'onbekend')",
        "Complaints without a judgement (counted as 'unknown')",
    ),
    "dq_no_category": ("Klachten zonder categorie", "Complaints without a category"),
    "dq_no_organisation": ("Klachten zonder organisatie", "Complaints without an organisation"),
    "dq_duplicates": (
        "Mogelijke dubbele registraties (zelfde locatie, categorie, "
        "omschrijving en oplossing; beide meegeteld)",
        "Possible duplicate registrations (same location, category, description and solution; both counted)",
    ),
    "dq_not_eligible": (
        "Geregistreerd, maar geen klacht van een ouder in de zin van art. 1.57b (niet meegeteld)",
        "Registered, but not a complaint by an ouder under art. 1.57b (not counted)",
    ),
    "dq_not_yet": (
        "Mondeling, (nog) geen schriftelijke klacht (R5; niet meegeteld)",
        "Oral, not (yet) a written complaint (R5; not counted)",
    ),
    "dq_out_of_temporal_scope": (
        "Ontvangen vóór 2016, buiten de regeling (R1; niet meegeteld)",
        "Received before 2016, outside the regulation (R1; not counted)",
    ),
    "dq_channel_unknown": (
        "Klachten waarvan niet is vastgelegd of ze schriftelijk waren (voor lid 9 als schriftelijk geteld)",
        "Complaints not recorded as written or oral (counted as written for para. 9)",
    ),
    "dq_pseudonymised": (
        "Locatienamen vervangen door een pseudoniem (huisadres gastouder, lid 6)",
        "Location names replaced by a pseudonym (gastouder home address, para. 6)",
    ),
    "dq_unchecked": (
        "Locatienamen die op een straatadres lijken, bij onbekend soort opvang (controleer lid 6)",
        "Location names that look like a street address, kind of provider unknown (check para. 6)",
    ),
    "dq_gck_rows": ("Regels gelezen uit het geschillenbestand", "Rows read from the disputes file"),
    "dq_gck_rejected": ("Regels afgekeurd in het geschillenbestand", "Rows rejected in the disputes file"),
    "dq_gck_outside": ("Geschillen buiten {year} (niet meegeteld)", "Disputes outside {year} (not counted)"),
    "dq_gck_undated_in": ("Geschillen zonder datum, meegeteld", "Disputes without a date, counted"),
    "dq_gck_undated_out": ("Geschillen zonder datum, niet meegeteld", "Disputes without a date, not counted"),
    "dq_accounted": (
        "Sluitend: {included} in dit verslag + {outside} buiten het "
        "jaar + {undated} zonder datum niet meegeteld + "
        "{not_complaints} geen klacht in de zin van art. 1.57b + "
        "{rejected} afgekeurd = {rows} gelezen regels.",
        "Balanced: {included} in this report + {outside} outside the year + {undated} undated not counted + "
        "{not_complaints} not a complaint under art. 1.57b + {rejected} rejected = {rows} rows read.",
    ),
    "dq_not_accounted": (
        "LET OP: niet sluitend: {included} + {outside} + {undated} + {not_complaints} + {rejected} ≠ {rows} "
        "gelezen regels.",
        "WARNING: does not balance: {included} + {outside} + {undated} + {not_complaints} + "
        "{rejected} ≠ {rows} rows read.",
    ),
    "rows": ("regels", "rows"),
    "row_numbers": (
        "Regelnummers verwijzen naar het registerbestand (de kopregel is regel 1).",
        "Row numbers point into the register file (the header is row 1).",
    ),
    "none": ("geen", "none"),
    "entries": ("Klachten met (geanonimiseerde) omschrijving", "Complaints with (anonymised) description"),
    "entries_note": (
        "Omschrijvingen zijn automatisch ontdaan van namen uit het "
        "register, e-mailadressen, telefoonnummers, "
        "adressen, postcodes en data. Namen die niet in het register "
        "staan, worden niet herkend: lees dit deel "
        "na vóór publicatie (lid 5).",
        "Descriptions were automatically stripped of names in the register, e-mail addresses, phone numbers, "
        "addresses, postcodes and dates. Names not in the register are not recognised: review this part "
        "before publication (para. 5).",
    ),
    "description": ("Klacht", "Complaint"),
    "solution": ("Afhandeling", "Handling"),
    "row": ("regel", "row"),
    "anonymity": (
        "Dit verslag bevat aantallen en categorieën, geen namen of vrije tekst van ouders (lid 5). "
        "Huisadressen van gastouders: zie datakwaliteit (lid 6).",
        "This report holds counts and categories, no names or free text of parents (para. 5). "
        "Home addresses of gastouders: see data quality (para. 6).",
    ),
    "legal_basis": ("Wettelijke grondslag", "Legal basis"),
    "generated": ("Gemaakt met klachtregels {version}.", "Made with klachtregels {version}."),
    "sources": ("Bronnen van de organisatiegegevens", "Sources of the organisation facts"),
    "flag": ("Aandachtspunten", "Points of attention"),
    "chart_categories": ("Klachten per categorie", "Complaints per category"),
    "chart_verdicts": ("Klachten per oordeel", "Complaints per judgement"),
    "chart_note": ("De tabel hieronder bevat dezelfde cijfers.", "The table below holds the same figures."),
}

_FLAGS: Final[dict[str, tuple[str, str]]] = {
    "VERIFY_LID7": (
        "Het eerste verslagjaar wordt geregeld bij ministeriële regeling (lid 7); die is niet geverifieerd. "
        "De praktijk sinds 2016 behandelt de plicht als geldend.",
        "The first report year is set by ministerial regulation (para. 7), which was not verified. Practice "
        "since 2016 treats the duty as live.",
    ),
    "KLACHTENLOKET_FAQ_GCK": (
        "De FAQ van het Klachtenloket Kinderopvang noemt als voorwaarde ook dat er geen geschillen bij de "
        "Geschillencommissie waren; de wet (lid 9) zegt dat niet.",
        "The Klachtenloket Kinderopvang FAQ also requires that there were no disputes before the "
        "Geschillencommissie; the statute (para. 9) does not say so.",
    ),
    "CHANNEL_UNKNOWN": (
        "Niet bij elke klacht is vastgelegd of ze schriftelijk was; voor lid 9 zijn die klachten als "
        "schriftelijk geteld (de voorzichtige kant).",
        "Not every complaint records whether it was written; for para. 9 those were counted as written "
        "(the conservative side).",
    ),
    "ATW_ON_FIXED_DATE": (
        "Instelling jaarverslag_atw: de Algemene termijnenwet (art. 1) is toegepast op de vaste datum (A16).",
        "Setting jaarverslag_atw: the Algemene termijnenwet (art. 1) was applied to the fixed date (A16).",
    ),
    "PROVISIONAL_CALENDAR": (
        "De gelijkgestelde dagen (ATW art. 3 lid 3) voor dat jaar zijn "
        "niet geverifieerd: de datum is voorlopig (A2).",
        "The equated days (ATW art. 3 para. 3) for that year are not verified: the date is provisional (A2).",
    ),
}


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    nl, en = _LABELS[key]
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text


def flag_text(code: str, lang: str = "nl") -> str:
    """The explanation of a due-date flag."""
    pair = _FLAGS.get(code)
    if pair is None:
        return code
    return pair[0] if lang == "nl" else pair[1]


def verdict_label(value: str | None, lang: str = "nl") -> str:
    """``gegrond`` -> 'gegrond' / 'well-founded'; ``None`` -> 'onbekend'."""
    if value is None:
        return label("unknown", lang)
    return label(value, lang) if value in _LABELS else value


def fmt_int(n: int, lang: str = "nl") -> str:
    """``72684`` -> ``72.684`` (nl) / ``72,684`` (en)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def fmt_signed(n: int, lang: str = "nl") -> str:
    """``25`` -> ``+25``, ``-25`` -> ``−25`` (a real minus sign), ``0`` -> ``0``."""
    if n > 0:
        return "+" + fmt_int(n, lang)
    if n < 0:
        return "\u2212" + fmt_int(-n, lang)
    return "0"


def fmt_signed_pct(fraction: float, lang: str = "nl", digits: int = 1) -> str:
    """``-0.046`` -> ``−4,6%``; ``+`` for an increase."""
    text = fmt_pct(abs(fraction), lang, digits)
    if round(fraction * 100, digits) == 0:
        return text
    return ("+" if fraction > 0 else "\u2212") + text


def fmt_pct(fraction: float, lang: str = "nl", digits: int = 2) -> str:
    """``0.0070585`` -> ``0,71%`` (nl) / ``0.71%`` (en)."""
    text = f"{fraction * 100:.{digits}f}%"
    return text.replace(".", ",") if lang == "nl" else text


def cite_range(lang: str = "nl") -> str:
    """The report's legal basis as one label: ``Wko art. 1.57b lid 4–9``."""
    return "Wko art. 1.57b lid 4–9" if lang == "nl" else "Wko art. 1.57b para. 4–9"


def due_lines(due: ReportDue, lang: str = "nl") -> list[str]:
    """When the report is due, as sentences (R9, A16; examples J01, J02)."""
    nl = lang == "nl"
    y, y1 = due.year, due.year + 1
    if due.outcome == "NOT_REQUIRED":
        return [
            (
                f"In {y} zijn geen schriftelijke klachten ingediend: een "
                f"klachtenverslag over {y} is niet verplicht "
                "(Wko art. 1.57b lid 9; R9)."
                if nl
                else f"No written complaints were filed in {y}: no complaint report over {y} is required "
                "(Wko art. 1.57b para. 9; R9)."
            )
        ]
    assert due.calendar_last_day is not None
    assert due.atw_last_day is not None
    assert due.recommended_by is not None
    may31 = format_date(due.calendar_last_day, lang)
    lines = [
        (
            f"Het verslag over {y} gaat vóór 1 juni {y1} naar de GGD en wordt onder de aandacht van ouders "
            f"gebracht (Wko art. 1.57b lid 8; R9). De laatste dag is {may31}."
            if nl
            else f"The report over {y} goes to the GGD before 1 June {y1} "
            f"and is brought to parents' attention "
            f"(Wko art. 1.57b para. 8; R9). The last day is {may31}."
        )
    ]
    if due.outcome == "UNDETERMINED":
        atw = format_date(due.atw_last_day, lang)
        rec = format_date(due.recommended_by, lang)
        lines.append(
            f"Dat is geen werkdag. Of de Algemene termijnenwet (art. 1) "
            f"deze vaste datum verschuift naar {atw} "
            f"is niet vastgesteld: ONBEPAALD (A16). Verstuur het verslag uiterlijk {rec}."
            if nl
            else f"That is not a working day. Whether the Algemene "
            f"termijnenwet (art. 1) moves this fixed date "
            f"to {atw} is not settled: UNDETERMINED (A16). Send the report by {rec}."
        )
    elif due.last_day != due.calendar_last_day:
        assert due.last_day is not None
        last = format_date(due.last_day, lang)
        rec = format_date(due.recommended_by, lang)
        lines.append(
            f"Met de Algemene termijnenwet toegepast op deze vaste datum (instelling jaarverslag_atw) is de "
            f"laatste dag {last}. Zonder die keuze: {may31}; veilig is {rec} (A16)."
            if nl
            else f"With the Algemene termijnenwet applied to this fixed "
            f"date (setting jaarverslag_atw) the last "
            f"day is {last}. Without that choice: {may31}; safe is {rec} (A16)."
        )
    return lines


def title(report: AnnualReport, lang: str = "nl") -> str:
    """'Klachtenverslag 2025: Partou kinderopvang'."""
    base = label("title", lang, year=report.year)
    if report.organisation is not None:
        return f"{base}: {report.organisation.name}"
    return base


def rows_list(rows: Sequence[int | None], lang: str, limit: int = 40) -> str:
    """Row numbers, the first ``limit`` of them."""
    if not rows:
        return label("none", lang)
    shown = [str(r) if r is not None else "?" for r in rows[:limit]]
    more = f" … (+{len(rows) - limit})" if len(rows) > limit else ""
    return ", ".join(shown) + more


def quality_lines(r: AnnualReport, lang: str) -> list[str]:
    """The data-quality section as sentences: every row read is accounted for."""
    dq = r.data_quality
    y = r.year
    lines = [
        f"{label('dq_rows_read', lang)}: {fmt_int(dq.rows_read, lang)}",
        f"{label('dq_rejected', lang)}: {fmt_int(dq.rows_rejected, lang)}"
        + (
            f" ({label('rows', lang)} "
            + ", ".join(
                (str(x.row) if x.row is not None else "?") + (f" [{', '.join(x.fields)}]" if x.fields else "")
                for x in dq.rejected
            )
            + ")"
            if dq.rejected
            else ""
        ),
        f"{label('dq_included', lang)}: {fmt_int(dq.included, lang)}",
        f"{label('dq_outside', lang, year=y)}: {len(dq.outside_year)}"
        + (f" ({label('rows', lang)} {rows_list(dq.outside_year, lang)})" if dq.outside_year else ""),
    ]
    if dq.undated_included:
        lines.append(f"{label('dq_undated_in', lang, year=y)}: {fmt_int(len(dq.undated_included), lang)}")
    if dq.undated_excluded:
        lines.append(
            f"{label('dq_undated_out', lang, year=y)}: {fmt_int(len(dq.undated_excluded), lang)} "
            f"({label('rows', lang)} {rows_list(dq.undated_excluded, lang)})"
        )
    for key, rows in (
        ("dq_no_location", dq.no_location),
        ("dq_no_verdict", dq.no_verdict),
        ("dq_no_category", dq.no_category),
        ("dq_no_organisation", dq.no_organisation),
        *(
            (f"dq_{reason}", tuple(row for row, r in dq.not_complaints if r == reason))
            for reason in ("not_eligible", "not_yet", "out_of_temporal_scope")
        ),
    ):
        if rows or key in ("dq_no_location", "dq_no_verdict"):
            detail = f" ({label('rows', lang)} {rows_list(rows, lang)})" if rows else ""
            lines.append(f"{label(key, lang)}: {len(rows)}{detail}")
    dups = "; ".join(" & ".join(str(x) if x is not None else "?" for x in g) for g in dq.possible_duplicates)
    lines.append(
        f"{label('dq_duplicates', lang)}: {len(dq.possible_duplicates)}"
        + (f" ({label('rows', lang)} {dups})" if dups else "")
    )
    if dq.channel_unknown:
        lines.append(f"{label('dq_channel_unknown', lang)}: {fmt_int(dq.channel_unknown, lang)}")
    if dq.pseudonymised_locations:
        lines.append(f"{label('dq_pseudonymised', lang)}: {dq.pseudonymised_locations}")
    if dq.address_like_locations_unchecked:
        lines.append(f"{label('dq_unchecked', lang)}: {dq.address_like_locations_unchecked}")
    if dq.gck_rows_read is not None:
        lines.append(f"{label('dq_gck_rows', lang)}: {dq.gck_rows_read}")
        if dq.gck_rejected:
            lines.append(
                f"{label('dq_gck_rejected', lang)}: {len(dq.gck_rejected)} ({label('rows', lang)} "
                + ", ".join(str(x.row) if x.row is not None else "?" for x in dq.gck_rejected)
                + ")"
            )
    if dq.gck_outside_year:
        lines.append(f"{label('dq_gck_outside', lang, year=y)}: {len(dq.gck_outside_year)}")
    if dq.gck_undated_included:
        lines.append(f"{label('dq_gck_undated_in', lang)}: {len(dq.gck_undated_included)}")
    if dq.gck_undated_excluded:
        lines.append(f"{label('dq_gck_undated_out', lang)}: {len(dq.gck_undated_excluded)}")
    lines.append(label("row_numbers", lang))
    key = "dq_accounted" if dq.accounted else "dq_not_accounted"
    lines.append(
        label(
            key,
            lang,
            included=fmt_int(dq.included, lang),
            outside=fmt_int(len(dq.outside_year), lang),
            undated=fmt_int(len(dq.undated_excluded), lang),
            not_complaints=fmt_int(len(dq.not_complaints), lang),
            rejected=fmt_int(dq.rows_rejected, lang),
            rows=fmt_int(dq.rows_read, lang),
        )
    )
    return lines


def term_text(text: str, lang: str) -> str:
    """A term from the organisation file in the report's language ("6 weeks" -> "6 weken");
    text that is not a term the library reads is shown as the organisation wrote it."""
    from klachtregels.errors import TermError
    from klachtregels.terms import Term

    try:
        return Term.parse(text).label(lang)
    except TermError:
        return text


def category_name(name: str | None, lang: str) -> str:
    """A category as shown; ``None`` -> '(geen categorie)'."""
    return name if name is not None else label("no_category", lang)


def organisation_name(name: str | None, lang: str) -> str:
    """An organisation as shown; ``None`` -> '(organisatie niet geregistreerd)'."""
    return name if name is not None else label("no_organisation", lang)


def location_name(name: str | None, lang: str) -> str:
    """A location as shown (pass the display name); ``None`` -> '(locatie niet geregistreerd)'."""
    return name if name is not None else label("no_location", lang)


def categories_inline(counts: Counts, lang: str) -> str:
    """``Hygiëne (3); Communicatie (1)``."""
    return "; ".join(f"{category_name(c, lang)} ({fmt_int(n, lang)})" for c, n in counts)


def verdict_counts(v: VerdictSplit) -> tuple[tuple[str | None, int], ...]:
    """The verdicts in report order, ``None`` for unknown: pass the key to :func:`verdict_label`."""
    return (
        ("gegrond", v.gegrond),
        ("deels_gegrond", v.deels_gegrond),
        ("ongegrond", v.ongegrond),
        (None, v.unknown),
    )


def location_count(report: AnnualReport) -> int:
    """The number of recorded locations with complaints."""
    return sum(1 for g in report.by_location if g.name is not None)


def measures_recorded(report: AnnualReport) -> bool:
    """Whether the register records measures for any complaint (if not, the table has one row)."""
    return report.total.measures.measures_unknown != report.total.total


def entry_detail(e: ReportEntry, lang: str) -> str:
    """What follows the location in an entry's heading: 'category · verdict (regel 12)'."""
    row = e.row if e.row is not None else "?"
    return (
        f"{category_name(e.category, lang)} · {verdict_label(e.verdict, lang)} ({label('row', lang)} {row})"
    )


def source_list(org: Organisation) -> list[str]:
    """The sources of the organisation facts that were given."""
    return [s for s in (org.source, org.regulation.source, org.geschillencommissie.source) if s]


@attrs.frozen
class Table:
    """A report table as plain cell text; each renderer supplies the markup (and escaping)."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Right-aligned (numeric) columns.
    numeric: tuple[int, ...] = ()
    #: A closing total row, shown emphasised.
    total: tuple[str, ...] | None = None


_VERDICT_KEYS: Final = ("gegrond", "deels_gegrond", "ongegrond", "unknown")
_VERDICT_SHORT_KEYS: Final = ("gegrond_short", "deels_short", "ongegrond_short", "unknown_short")


def _verdict_head(lang: str, *, short: bool = False) -> tuple[str, ...]:
    return tuple(label(k, lang) for k in (_VERDICT_SHORT_KEYS if short else _VERDICT_KEYS))


def _verdict_cells(v: VerdictSplit, lang: str) -> tuple[str, ...]:
    return tuple(fmt_int(n, lang) for _k, n in verdict_counts(v))


def _share(n: int, total: int, lang: str) -> str:
    return fmt_pct(n / total, lang, 1) if total else "–"


def category_table(report: AnnualReport, lang: str) -> Table:
    """Complaints per category, with their share and a total (lid 4 c)."""
    t = report.total
    return Table(
        head=(label("category", lang), label("count", lang), label("share", lang)),
        rows=tuple(
            (category_name(c, lang), fmt_int(n, lang), _share(n, t.total, lang)) for c, n in t.categories
        ),
        numeric=(1, 2),
        total=(label("total", lang), fmt_int(t.total, lang), ""),
    )


def category_change_table(report: AnnualReport, lang: str) -> Table | None:
    """Complaints per category this year against the previous one; ``None`` without previous categories."""
    if report.previous is None or report.previous.categories is None:
        return None
    prev = dict(report.previous.categories)
    now = dict(report.total.categories)
    cats = [c for c, _ in report.total.categories] + [c for c in prev if c not in now]
    return Table(
        head=(label("category", lang), str(report.previous.year), str(report.year)),
        rows=tuple(
            (category_name(c, lang), fmt_int(prev.get(c, 0), lang), fmt_int(now.get(c, 0), lang))
            for c in cats
        ),
        numeric=(1, 2),
    )


def verdict_table(report: AnnualReport, lang: str) -> Table:
    """Complaints per verdict, with their share (lid 4 c)."""
    v = report.total.verdicts
    return Table(
        head=(label("verdict", lang), label("count", lang), label("share", lang)),
        rows=tuple(
            (verdict_label(k, lang), fmt_int(n, lang), _share(n, v.total, lang)) for k, n in verdict_counts(v)
        ),
        numeric=(1, 2),
    )


def category_verdict_table(report: AnnualReport, lang: str) -> Table:
    """The verdicts per category."""
    return Table(
        head=(label("category", lang), *_verdict_head(lang)),
        rows=tuple((category_name(c, lang), *_verdict_cells(s, lang)) for c, s in report.category_verdicts),
        numeric=(1, 2, 3, 4),
    )


def measures_table(report: AnnualReport, lang: str) -> Table:
    """What the register records about measures (lid 4 c); never inferred from text."""
    m = report.total.measures
    rows = [(label("m_with_summary", lang), fmt_int(m.with_summary, lang))]
    if measures_recorded(report):
        rows += [
            (label("m_with", lang), fmt_int(m.with_measures, lang)),
            (label("m_without", lang), fmt_int(m.without_measures, lang)),
            (label("m_unknown", lang), fmt_int(m.measures_unknown, lang)),
            (label("m_total", lang), fmt_int(m.measures, lang)),
            (label("m_term", lang), fmt_int(m.with_concrete_term, lang)),
            (label("m_no_term", lang), fmt_int(m.without_concrete_term, lang)),
        ]
    return Table(head=(label("measures", lang), label("count", lang)), rows=tuple(rows), numeric=(1,))


def organisation_table(report: AnnualReport, lang: str) -> Table:
    """Complaints and verdicts per organisation (legal entity)."""
    return Table(
        head=(label("organisation", lang), label("total", lang), *_verdict_head(lang)),
        rows=tuple(
            (organisation_name(g.name, lang), fmt_int(g.total, lang), *_verdict_cells(g.verdicts, lang))
            for g in report.by_organisation
        ),
        numeric=(1, 2, 3, 4, 5),
    )


def gck_subject_table(gck: GckSummary, lang: str) -> Table:
    """Disputes before the Geschillencommissie per subject and outcome (lid 4 d)."""
    return Table(
        head=(label("subject", lang), label("outcome", lang), label("count", lang)),
        rows=tuple(
            (s if s is not None else label("no_subject", lang), verdict_label(o, lang), fmt_int(n, lang))
            for s, o, n in gck.by_subject_outcome
        ),
        numeric=(2,),
    )


def gck_organisation_table(gck: GckSummary, lang: str) -> Table:
    """Disputes before the Geschillencommissie per organisation."""
    return Table(
        head=(label("organisation", lang), label("count", lang)),
        rows=tuple((organisation_name(o, lang), fmt_int(n, lang)) for o, n in gck.by_organisation),
        numeric=(1,),
    )


def location_table(report: AnnualReport, lang: str) -> Table:
    """One compact row per location with complaints (lid 4 c)."""
    return Table(
        head=(
            label("location", lang),
            label("organisation", lang),
            label("total", lang),
            *_verdict_head(lang, short=True),
            label("categories_col", lang),
        ),
        rows=tuple(
            (
                location_name(g.display_name, lang),
                ", ".join(organisation_name(o, lang) for o in g.organisations),
                fmt_int(g.total, lang),
                *_verdict_cells(g.verdicts, lang),
                categories_inline(g.categories, lang),
            )
            for g in report.by_location
        ),
        numeric=(2, 3, 4, 5, 6),
    )
