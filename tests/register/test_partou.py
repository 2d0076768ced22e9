"""The real Partou register (Klachtenjaarverslag 2025) through the shipped mappings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from klachtregels.model import GckOutcome, Verdict
from klachtregels.register import read_gck_cases, read_register, read_register_all

DATA = Path(__file__).parents[1] / "data" / "partou"


def test_partou_register_counts() -> None:
    result = read_register_all(DATA / "partou_klachten_2025.csv", mapping="partou")
    records = result.records
    assert result.errors == ()
    s = result.summary
    assert (s.rows_read, s.rows_ok, s.rows_rejected, s.skipped_blank_lines) == (513, 513, 0, 0)
    assert s.unknown_columns == ()
    assert Counter(r.complaint.organisation for r in records) == {"Smallsteps B.V.": 315, "Partou B.V.": 198}
    verdicts = Counter(r.judgement.verdict if r.judgement else None for r in records)
    assert verdicts == {Verdict.GEGROND: 236, Verdict.DEELS_GEGROND: 177, Verdict.ONGEGROND: 88, None: 12}
    assert sum(r.complaint.location is None for r in records) == 3
    categories = Counter(r.complaint.category for r in records)
    assert len(categories) == 24
    assert sum(categories.values()) == 513
    assert categories["Communicatie vanuit locatie"] == 99
    assert categories["Personele bezetting"] == 67
    assert categories["Planning en plaatsing"] == 38
    assert categories["Facturen en betalingen"] == 14
    assert categories["Seksueel GOG"] == 1
    assert categories["Overig"] == 1


def test_partou_unknown_facts_stay_unknown() -> None:
    for record in read_register(DATA / "partou_klachten_2025.csv", mapping="partou"):
        c = record.complaint
        assert c.id is None
        assert c.received_on is None
        assert c.channel is None
        assert c.signals is None
        assert record.filing is None
        assert record.judgement is not None  # every row has an oplossing
        assert record.judgement.sent_on is None


def test_partou_per_label_verdicts() -> None:
    records = list(read_register(DATA / "partou_klachten_2025.csv", mapping="partou"))
    partou = Counter(
        r.judgement.verdict for r in records if r.judgement and r.complaint.organisation == "Partou B.V."
    )
    assert partou == {Verdict.GEGROND: 92, Verdict.DEELS_GEGROND: 61, Verdict.ONGEGROND: 38, None: 7}


def test_partou_geschillen() -> None:
    reader = read_gck_cases(DATA / "partou_geschillen_2025.csv", mapping="partou_geschillen")
    cases = list(reader)
    assert reader.errors == ()
    assert reader.summary.unknown_columns == ()  # bijlage and note are ignored on purpose
    assert len(cases) == 6
    outcomes = Counter(c.filing.outcome for c in cases)
    assert outcomes == {GckOutcome.GEGROND: 1, GckOutcome.ONGEGROND: 4, GckOutcome.GESCHIKT: 1}
    assert Counter(c.organisation for c in cases) == {"Partou B.V.": 4, "Smallsteps B.V.": 2}
    gegrond = next(c for c in cases if c.filing.outcome is GckOutcome.GEGROND)
    assert (gegrond.filing.case_number, gegrond.filing.subject, gegrond.row) == (
        "1209858",
        "Zorgvuldigheid",
        5,
    )
    assert all(c.filing.filed_on is None for c in cases)
