"""The nature of the measures per location (Wko 1.57b lid 4 sub c; R9; issue 14 item 2).

From the register's ``measure_category`` column where it has one, else from the keyword
classification kept as data (``report/data/measure_categories.toml``): unmatched texts are
unclassified, never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.errors import InvalidInputError
from klachtregels.messages import UnknownLanguageError, text
from klachtregels.model import Judgement, Measure, RegisterRecord
from klachtregels.register import read_register, read_register_all
from klachtregels.report import AnnualReport, build_report, render
from klachtregels.report.measures import (
    KeywordCategory,
    MeasureKeywords,
    MeasureSource,
    fold,
    load_measure_keywords,
    parse_measure_keywords,
)
from klachtregels.report.model import MeasureCategory
from report_helpers import rec

ROOT = Path(__file__).parent.parent
PARTOU = Path(__file__).parent / "data" / "partou" / "partou_klachten_2025.csv"
SHIPPED = ROOT / "src" / "klachtregels" / "report" / "data" / "measure_categories.toml"


def _keywords(**categories: list[str]) -> MeasureKeywords:
    return MeasureKeywords(
        categories=tuple(
            KeywordCategory(key=key, nl=key.upper(), en=key.title(), keywords=tuple(words))
            for key, words in categories.items()
        )
    )


KW = _keywords(
    apology=["excuses", "spijt"],
    explanation=["uitleg", "geinformeerd over"],
    coaching=["coach*", "gesprek met de medewerker"],
    compensation=["financiele compensatie", "extra dag*"],
)


def _with_measures(
    row: int, *measures: Measure, location: str = "KDV Zon", summary: str | None = None
) -> RegisterRecord:
    return rec(row, location=location, measures=measures, summary=summary)


def _nature(report: AnnualReport) -> dict[str | None, int]:
    return dict(report.total.measures.by_nature)


# -- the keyword matching rule ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De locatiemanager heeft EXCUSES aangeboden.", ("apology",)),
        ("Ouder is Geïnformeerd over de afhandeling.", ("explanation",)),  # accent folded
        ("Er is een FINANCIËLE compensatie afgesproken.", ("compensation",)),
        ("Financiele\ncompensatie", ("compensation",)),  # any separator between a phrase's words
        ("De medewerker wordt gecoacht door de coaching-specialist.", ("coaching",)),  # coach* at word start
        ("De medewerker krijgt een coach.", ("coaching",)),
        ("Het team gaat uitleggen hoe het werkt.", ()),  # whole words: 'uitleg' is not 'uitleggen'
        ("Geen excuusbrief.", ()),
        ("Een extra dagdeel is aangeboden.", ("compensation",)),  # 'extra dag*'
        ("Een extra-dag", ("compensation",)),
        ("Het gesprek met de medewerkers", ()),  # 'medewerker' is a whole word
        ("", ()),
        ("Spijt; uitleg gegeven en excuses.", ("apology", "explanation")),  # in the file's order
    ],
)
def test_keywords_match_whole_folded_words(text: str, expected: tuple[str, ...]) -> None:
    assert KW.classify(text) == expected


def test_fold_removes_accents_and_case() -> None:
    assert fold("Geïnformeerd FINANCIËLE Café") == "geinformeerd financiele cafe"


def test_the_shipped_file_loads_and_every_category_has_labels_and_keywords() -> None:
    shipped = load_measure_keywords()
    assert shipped == load_measure_keywords(SHIPPED)
    assert len(shipped.categories) >= 10
    for cat in shipped.categories:
        assert cat.nl.strip()
        assert cat.en.strip()
        assert cat.keywords
        # Every keyword finds itself (written as a text), and only in its own category or more.
        for keyword in cat.keywords:
            assert cat.key in shipped.classify(keyword.rstrip("*")), keyword
    assert [c.key for c in shipped.categories] == [c.key for c in shipped.labels]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Er zijn excuses aangeboden.", "apology"),
        ("De locatiemanager heeft persoonlijk contact gehad met de ouder.", "conversation"),
        ("Er is een financiële compensatie toegekend.", "compensation"),
        ("Er wordt een extra medewerker ingezet.", "staffing"),
        ("De medewerker krijgt coaching.", "staff_coaching"),
        ("De klacht is ongegrond verklaard.", "no_measure"),
        ("De airco is gerepareerd.", "premises"),
        ("Ouders worden voortaan tijdig geïnformeerd via de nieuwsbrief.", "communication"),
        ("De werkwijze is aangepast.", "working_method"),
    ],
)
def test_the_shipped_classification_knows_the_common_measures(text: str, key: str) -> None:
    assert key in load_measure_keywords().classify(text)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"categories": []}, "categories"),
        ({"version": 2, "categories": [{"key": "a", "nl": "A", "en": "A", "keywords": ["x"]}]}, "version"),
        ({"categories": [{"key": "a", "nl": "A", "en": "A", "keywords": ["Excuses"]}]}, "keywords[0]"),
        ({"categories": [{"key": "a", "nl": "A", "en": "A", "keywords": ["a*b"]}]}, "keywords[0]"),
        ({"categories": [{"key": "a", "nl": "A", "en": "A", "keywords": []}]}, "keywords"),
        ({"categories": [{"key": "a", "nl": " ", "en": "A", "keywords": ["x"]}]}, "categories[0].nl"),
        (
            {
                "categories": [
                    {"key": "a", "nl": "A", "en": "A", "keywords": ["x y"]},
                    {"key": "a", "nl": "B", "en": "B", "keywords": ["x-y"]},
                ]
            },
            "categories[1].key",
        ),
        (
            {
                "categories": [
                    {"key": "a", "nl": "A", "en": "A", "keywords": ["x y"]},
                    {"key": "b", "nl": "B", "en": "B", "keywords": ["x-y"]},  # the same keyword
                ]
            },
            "categories[1].keywords[0]",
        ),
        ({"categories": [{"key": "a", "nl": "A", "en": "A", "keywords": ["x"], "keywrds": []}]}, "keywrds"),
    ],
)
def test_a_bad_keyword_file_names_the_problem_by_path(data: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInputError) as exc:
        parse_measure_keywords(data)
    assert any(path in field for field, _msg in exc.value.problems), exc.value.problems
    secret = "Excuses"  # a keyword's text is not echoed
    assert all(secret not in msg for _f, msg in exc.value.problems)


# -- which text, which source -----------------------------------------------------------------------


def test_the_measure_descriptions_are_classified_before_the_summary() -> None:
    report = build_report(
        [
            _with_measures(2, Measure(description="Excuses aangeboden"), summary="Uitleg gegeven"),
            rec(3, summary="Uitleg gegeven"),  # no measures listed: the summary
            _with_measures(4, Measure(due_on=dt.date(2025, 5, 1)), summary="Uitleg gegeven"),  # no text
        ],
        year=2025,
        measure_keywords=KW,
    )
    assert report.measure_source == MeasureSource.KEYWORDS
    assert _nature(report) == {"apology": 1, "explanation": 2}
    assert report.measure_categories == KW.labels


def test_a_text_matching_two_categories_counts_in_both_and_a_complaint_once_per_category() -> None:
    report = build_report(
        [
            rec(2, summary="Excuses aangeboden en uitleg gegeven."),
            _with_measures(3, Measure(description="Excuses"), Measure(description="Nogmaals spijt")),
        ],
        year=2025,
        measure_keywords=KW,
    )
    assert _nature(report) == {"apology": 2, "explanation": 1}
    assert report.total.measures.unclassified == 0


def test_an_unmatched_text_is_unclassified_never_a_category() -> None:
    report = build_report(
        [rec(2, summary="Het is opgelost."), rec(3, summary="Excuses."), rec(4, summary="   "), rec(5)],
        year=2025,
        measure_keywords=KW,
    )
    m = report.total.measures
    assert m.unclassified == 1
    assert _nature(report) == {"apology": 1}
    assert sum(n for _c, n in m.by_nature) + m.unclassified == 2  # rows 4 and 5: nothing to classify


def test_nothing_to_classify_has_no_source() -> None:
    report = build_report([rec(2), rec(3, summary=None)], year=2025)
    assert report.measure_source is None
    assert report.total.measures.by_nature == ()
    assert report.total.measures.unclassified == 0
    assert report.measure_categories == ()


def test_the_column_wins_over_the_keywords_for_the_whole_register() -> None:
    report = build_report(
        [
            rec(2, summary="Excuses aangeboden"),  # before the first category: still not keywords
            _with_measures(3, Measure(description="Excuses", category="Excuses")),
            _with_measures(4, Measure(description="Uitleg", category="Gesprek"), Measure(category="Excuses")),
            _with_measures(5, Measure(description="Excuses aangeboden")),  # listed, no category
            rec(6, summary="Uitleg gegeven"),  # no measures listed: nothing to classify by the column
        ],
        year=2025,
        measure_keywords=KW,
    )
    assert report.measure_source == MeasureSource.COLUMN
    assert _nature(report) == {"Excuses": 2, "Gesprek": 1}
    assert report.total.measures.unclassified == 1
    assert report.measure_categories == ()


def test_the_source_is_the_keywords_when_no_category_is_given() -> None:
    report = build_report([_with_measures(2, Measure(description="Excuses", category="  "))], year=2025)
    assert report.measure_source == MeasureSource.KEYWORDS
    assert _nature(report) == {"apology": 1}


# -- per location, per organisation, in total -------------------------------------------------------

_TEXTS = ("Excuses.", "Uitleg gegeven.", "Excuses en uitleg.", "Opgelost.", "Coaching.", None)


@st.composite
def _records(draw: st.DrawFn) -> list[RegisterRecord]:
    out: list[RegisterRecord] = []
    for row in range(2, 2 + draw(st.integers(0, 30))):
        location = draw(st.sampled_from(["KDV Zon", "BSO Maan", "KDV Ster", None]))
        organisation = draw(st.sampled_from(["Zon B.V.", "Maan B.V.", None]))
        category = draw(st.sampled_from([None, "Excuses", "Gesprek"]))
        text = draw(st.sampled_from(_TEXTS))
        listed = draw(st.booleans())
        measures = (Measure(description=text, category=category),) if listed else None
        summary = None if listed else text
        r = rec(row, location=location, organisation=organisation, summary=summary)
        out.append(
            RegisterRecord(
                complaint=r.complaint, judgement=Judgement(summary=summary, measures=measures), row=row
            )
        )
    return out


@settings(max_examples=60, deadline=None)
@given(records=_records(), column=st.booleans())
def test_the_figures_per_location_and_organisation_add_up_to_the_total(
    records: list[RegisterRecord], column: bool
) -> None:
    if not column:  # a register without the column: the keywords decide
        records = [
            RegisterRecord(
                complaint=r.complaint,
                judgement=Judgement(
                    summary=r.judgement.summary if r.judgement else None,
                    measures=tuple(Measure(description=m.description) for m in (r.judgement.measures or ()))
                    if r.judgement and r.judgement.measures is not None
                    else None,
                ),
                row=r.row,
            )
            for r in records
        ]
    report = build_report(records, year=2025, measure_keywords=KW)
    total = report.total.measures
    for groups in (report.by_location, report.by_organisation):
        summed: Counter[str | None] = Counter()
        for g in groups:
            summed.update(dict(g.measures.by_nature))
        assert summed == Counter(dict(total.by_nature))
        assert sum(g.measures.unclassified for g in groups) == total.unclassified
    if report.measure_source == MeasureSource.KEYWORDS:
        assert {c for c, _n in total.by_nature} <= {c.key for c in KW.categories}
    # most frequent first
    assert [n for _c, n in total.by_nature] == sorted((n for _c, n in total.by_nature), reverse=True)


def test_suppression_hides_the_nature_of_measures_too() -> None:
    records = [
        *(rec(i, location="KDV Groot", summary="Excuses.") for i in range(2, 8)),
        *(rec(i, location="KDV Midden", summary="Uitleg.") for i in range(8, 12)),
        rec(12, location="KDV Klein", summary="Opgelost."),
    ]
    report = build_report(records, year=2025, measure_keywords=KW, suppress_below=3)
    by_name = {g.name: g for g in report.by_location}
    assert by_name["KDV Klein"].suppressed
    assert by_name["KDV Midden"].suppressed  # its complement
    for name in ("KDV Klein", "KDV Midden"):
        assert by_name[name].measures.by_nature == ()
        assert by_name[name].measures.unclassified == 0
    assert dict(by_name["KDV Groot"].measures.by_nature) == {"apology": 6}
    assert _nature(report) == {"apology": 6, "explanation": 4}  # the totals stay
    assert report.total.measures.unclassified == 1


# -- the model and the register column ---------------------------------------------------------------


def test_the_report_round_trips_with_its_measure_nature() -> None:
    import klachtregels.organisation  # noqa: F401  # resolves the report's annotations

    report = build_report(
        [rec(2, summary="Excuses."), rec(3, summary="Niets.")], year=2025, measure_keywords=KW
    )
    data = json.loads(json.dumps(report.to_dict()))
    assert data["measure_source"] == "keywords"
    assert data["total"]["measures"]["by_nature"] == [["apology", 1]]
    assert data["total"]["measures"]["unclassified"] == 1
    assert AnnualReport.from_dict(data) == report


def test_a_category_label_is_given_in_either_language_only() -> None:
    cat = MeasureCategory(key="apology", nl="Excuses", en="Apologies")
    assert (cat.label("nl"), cat.label("en")) == ("Excuses", "Apologies")
    with pytest.raises(UnknownLanguageError):
        cat.label("de")


def test_measure_category_round_trips_through_to_dict() -> None:
    m = Measure(description="Protocol", category="Aanpassing werkwijze", due_on=dt.date(2026, 6, 1))
    assert m.to_dict()["category"] == "Aanpassing werkwijze"
    assert Measure.from_dict(m.to_dict()) == m


def _categories(path: Path, **kwargs: object) -> list[tuple[str | None, ...]]:
    result = read_register_all(path, **kwargs)  # type: ignore[arg-type]
    assert not result.errors, result.errors
    return [
        tuple(m.category for m in (r.judgement.measures or ())) if r.judgement else () for r in result.records
    ]


@pytest.mark.parametrize("header", ["measure_category", "Soort maatregel", "type-maatregel", "Measure type"])
def test_the_register_column_reads_from_csv_under_its_names(tmp_path: Path, header: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        f"received_on,maatregel,{header}\n2025-03-01,Excuses aangeboden,Excuses\n2025-03-02,,Training\n",
        encoding="utf-8",
    )
    assert _categories(path) == [("Excuses",), ("Training",)]


def test_the_register_column_reads_from_jsonl_and_json(tmp_path: Path) -> None:
    rows = [
        {
            "received_on": "2025-03-01",
            "measures": [{"description": "a", "category": "Excuses"}, {"category": "X"}],
        },
        {"received_on": "2025-03-01", "measure_category": "Excuses", "measure_description": "b"},
    ]
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    js = tmp_path / "r.json"
    js.write_text(json.dumps(rows), encoding="utf-8")
    expected = [("Excuses", "X"), ("Excuses",)]
    assert _categories(jsonl) == expected
    assert _categories(js) == expected


def test_the_register_column_through_a_mapping_file(tmp_path: Path) -> None:
    mapping = tmp_path / "map.toml"
    mapping.write_text('[columns]\nDatum = "received_on"\nSoort = "measure_category"\n', encoding="utf-8")
    path = tmp_path / "r.csv"
    path.write_text("Datum,Soort\n2025-03-01,Excuses\n", encoding="utf-8")
    assert _categories(path, mapping=mapping) == [("Excuses",)]


def test_the_register_column_reads_from_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["received_on", "maatregel", "maatregel categorie"])
    sheet.append([dt.date(2025, 3, 1), "Excuses aangeboden", "Excuses"])
    book.save(tmp_path / "r.xlsx")
    assert _categories(tmp_path / "r.xlsx") == [("Excuses",)]


def test_the_column_source_from_a_csv_register(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "received_on,location,oplossing,maatregel,soort maatregel\n"
        "2025-03-01,KDV Zon,Excuses aangeboden,,\n"
        "2025-03-02,KDV Zon,,Nieuw protocol,Aanpassing werkwijze\n",
        encoding="utf-8",
    )
    report = build_report(read_register(path), year=2025)
    assert report.measure_source == MeasureSource.COLUMN
    assert _nature(report) == {"Aanpassing werkwijze": 1}


# -- a provider's own keyword file -------------------------------------------------------------------


def test_a_keyword_file_by_path_and_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kw = tmp_path / "eigen.toml"
    kw.write_text(
        'version = 1\n[[categories]]\nkey = "sorry"\nnl = "Sorry gezegd"\nen = "Said sorry"\n'
        'keywords = ["sorry"]\n',
        encoding="utf-8",
    )
    report = build_report(
        [rec(2, summary="Sorry!"), rec(3, summary="Excuses.")], year=2025, measure_keywords=kw
    )
    assert _nature(report) == {"sorry": 1}
    assert report.total.measures.unclassified == 1
    register = tmp_path / "r.csv"
    register.write_text("received_on,location,oplossing\n2025-03-01,KDV Zon,Sorry gezegd\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code = main(
        [
            "report",
            str(register),
            "--year",
            "2025",
            "--format",
            "json",
            "--measure-keywords",
            str(kw),
            "-o",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert "sorry" in out.read_text(encoding="utf-8").casefold()
    code = main(
        ["report", str(register), "--year", "2025", "--measure-keywords", str(tmp_path / "none.toml")]
    )
    assert code != 0


# -- Partou's 2025 register ---------------------------------------------------------------------------


def test_partou_solutions_are_mostly_classified() -> None:
    """The unclassified share of Partou's 513 solutions (stated in the issue 14 report): under 5%."""
    report = build_report(read_register(PARTOU, mapping="partou"), year=2025, undated_in_year=True)
    m = report.total.measures
    assert report.measure_source == MeasureSource.KEYWORDS
    assert m.with_summary == 513
    assert m.unclassified / m.with_summary < 0.05
    shipped = {c.key for c in load_measure_keywords().categories}
    assert {c for c, _n in m.by_nature} == shipped  # every category is met in a real register
    # The classification is the file's, text by text (no second path in the report).
    with PARTOU.open(encoding="utf-8", newline="") as fh:
        texts = [row["oplossing"] for row in csv.DictReader(fh)]
    counted: Counter[str] = Counter()
    for t in texts:
        counted.update(load_measure_keywords().classify(t))
    assert Counter(dict(m.by_nature)) == counted
    assert sum(1 for t in texts if not load_measure_keywords().classify(t)) == m.unclassified


def test_a_measure_category_holding_a_name_is_a_review_note_not_echoed() -> None:
    report = build_report(
        [
            rec(2, name="Jan Pietersen", measures=(Measure(category="Gesprek met Pietersen"),)),
            rec(3, measures=(Measure(category="Excuses"),)),
        ],
        year=2025,
    )
    (warning,) = report.review.reidentification
    assert warning.kind == "personal_data_in_category"
    assert (warning.row, warning.rows) == (2, 1)
    assert "Pietersen" not in warning.message("nl")


# -- the published report ------------------------------------------------------------------------------


def _published(report: AnnualReport, fmt: str, lang: str) -> str:
    return render(report, fmt, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_published_report_shows_the_nature_per_location_never_the_unclassified(lang: str) -> None:
    records = [
        rec(2, location="KDV Zon", summary="Excuses aangeboden."),
        rec(3, location="KDV Zon", summary="Uitleg gegeven en excuses."),
        rec(4, location="BSO Maan", summary="Opgelost zonder meer."),  # unclassified
    ]
    report = build_report(records, year=2025, measure_keywords=KW)
    apology, explanation = ("APOLOGY", "EXPLANATION") if lang == "nl" else ("Apology", "Explanation")
    md = _published(report, "md", lang)
    assert f"| {apology} | 2 | " in md
    assert f"{apology} (2); {explanation} (1)" in md  # the location table's column, most frequent first
    assert text("REPORT_MEASURE_SOURCE_KEYWORDS", lang) in md
    assert text("REPORT_M_NOTE", lang) not in md  # a classification exists
    html = _published(report, "html", lang)
    assert f"{apology} (2); {explanation} (1)" in html
    assert text("REPORT_MEASURE_NATURE", lang) in html
    data = json.loads(_published(report, "json", lang))
    assert data["measure_nature"]["source"] == "keywords"
    assert {c["key"]: c["label"] for c in data["measure_nature"]["categories"]}["apology"] == apology
    zon = next(g for g in data["by_location"] if g["name"] == "KDV Zon")
    assert zon["measures"]["by_nature"] == [
        {"name": "apology", "count": 2},
        {"name": "explanation", "count": 1},
    ]
    published = json.dumps({k: v for k, v in data.items() if k != "review"})
    assert "unclassified" not in published
    for doc in (md, html):
        assert "unclassified" not in doc.casefold()
        assert "ingedeeld" not in doc


def test_the_register_labels_are_published_as_written_in_either_language() -> None:
    report = build_report(
        [
            _with_measures(2, Measure(category="Nieuw protocol <b>")),
            _with_measures(3, Measure(category="Excuses")),
        ],
        year=2025,
    )
    for lang in ("nl", "en"):
        md = _published(report, "md", lang)
        assert "Nieuw protocol" in md
        assert text("REPORT_MEASURE_SOURCE_COLUMN", lang) in md
        assert "Nieuw protocol &lt;b&gt;" in _published(report, "html", lang)  # escaped


def test_without_anything_to_classify_the_report_says_the_nature_is_not_known() -> None:
    report = build_report([rec(2), rec(3)], year=2025)
    md = _published(report, "md", "nl")
    assert text("REPORT_M_NOTE", "nl") in md
    assert text("REPORT_MEASURE_NATURE", "nl") not in md
    assert text("REPORT_MEASURE_NATURE_COL", "nl") not in md


def test_a_suppressed_location_shows_no_nature() -> None:
    records = [
        *(rec(i, location="KDV Groot", summary="Excuses.") for i in range(2, 8)),
        rec(9, location="KDV Klein"),
    ]
    report = build_report(records, year=2025, measure_keywords=KW, suppress_below=3)
    data = json.loads(_published(report, "json", "nl"))
    assert all(g["measures"] is None for g in data["by_location"] if g["suppressed"])
