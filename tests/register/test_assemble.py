"""klachtregels.register.assemble: values to model objects; model problems point at register columns."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from register_helpers import read_csv

from klachtregels.model import SignalKind
from klachtregels.register import ColumnMapping


def test_model_errors_map_back_to_register_columns() -> None:
    mapping = ColumnMapping(columns={"ontvangen": "received_on", "eerste contact": "first_contact_on"})
    result = read_csv("ontvangen,eerste contact\n2026-03-10,2026-03-01\n", mapping=mapping)
    (error,) = result.errors
    assert error.column == "eerste contact"
    assert "before received_on" in error.message


def test_signal_dates_without_a_signal_are_rejected() -> None:
    result = read_csv("signals,consulted_on\n,2026-01-01\ngeen,2026-01-01\n")
    assert [e.column for e in result.errors] == ["consulted_on", "consulted_on"]


def test_signal_dates_apply_to_every_signal_of_the_row() -> None:
    (record,) = read_csv(
        'signals,consulted_on,meldcode_started_on\n"suspected_offence_by_staff;ambiguous",2026-01-02,2026-01-03\n'
    ).records
    signals = record.complaint.signals or ()
    assert [s.kind for s in signals] == [SignalKind.SUSPECTED_OFFENCE_BY_STAFF, SignalKind.AMBIGUOUS]
    assert {s.consulted_on for s in signals} == {dt.date(2026, 1, 2)}


def test_measures_json_cell_and_concrete_term_column() -> None:
    cell = json.dumps([{"description": "a"}, {"description": "b", "has_concrete_term": True}])
    text = "measures,measures_have_concrete_term\n" + '"' + cell.replace('"', '""') + '",ja\n'
    (record,) = read_csv(text).records
    assert record.judgement is not None
    assert [m.has_concrete_term for m in record.judgement.measures or ()] == [True, True]


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("measures_have_concrete_term\nnee\n", "measures_have_concrete_term"),
        ("measure_due_on,measures_have_concrete_term\n2026-05-01,nee\n", "measures_have_concrete_term"),
        ('measures,measure_description\n"[]",iets\n', "measures"),
        ("measures\n[{]\n", "measures"),
        ('measures\n"[{""due_on"": ""gisteren""}]"\n', "measures"),
        ("measures,measures_have_concrete_term\ngeen,ja\n", "measures_have_concrete_term"),
    ],
)
def test_measure_problems(text: str, column: str) -> None:
    result = read_csv(text)
    assert result.records == ()
    assert result.errors[0].column == column


def test_single_measure_columns() -> None:
    (record,) = read_csv("measure_description,measure_due_on\nProtocol,1-6-2026\n").records
    assert record.judgement is not None
    (m,) = record.judgement.measures or ()
    assert (m.description, m.due_on, m.concrete_term) == ("Protocol", dt.date(2026, 6, 1), True)


def test_equal_value_objects_are_shared_between_rows_but_never_with_a_name() -> None:
    text = (
        "complainant_role,complainant_name,signals,signal_known_on\n"
        "ouder,,twijfel,2026-01-02\nParent,,ambiguous,02-01-2026\nouder,Jan,,\nouder,Jan,,\n"
    )
    a, b, c, d = read_csv(text).records
    assert a.complaint.complainant is b.complaint.complainant  # immutable: one object serves both
    assert a.complaint.signals is not None
    assert b.complaint.signals is not None
    assert a.complaint.signals[0] is b.complaint.signals[0]
    assert c.complaint.complainant == d.complaint.complainant
    assert c.complaint.complainant is not d.complaint.complainant  # a name is never kept for sharing
