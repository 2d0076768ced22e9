"""A judgement dated before the complaint was received contradicts itself: refused everywhere.

The one check is :func:`klachtregels.model.judgement_order` (Amsterdam days, A22). A register row
with such a judgement is rejected (named by row and column, counted), a ``RegisterRecord`` refuses
it, and the decisions that take the complaint and the judgement apart refuse it as an argument:
before, the handling status read it as ``judged_in_time``, hiding what was most likely a mistyped
date of a late judgement.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

import klachtregels.testing as kt
from argument_helpers import COMPLAINT  # received 2026-03-02
from klachtregels import (
    Complaint,
    Judgement,
    RegisterRecord,
    assess,
    check_records,
    geschillencommissie_access,
    obligations,
)
from klachtregels.errors import InvalidInputError
from klachtregels.register import ColumnMapping, RegisterResult, read_register_all

D = dt.date.fromisoformat
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
UTC = dt.UTC
AS_OF = D("2026-05-07")


def read_csv(text: str, mapping: ColumnMapping | None = None) -> RegisterResult:
    return read_register_all(io.BytesIO(text.encode()), format="csv", mapping=mapping)


@pytest.mark.parametrize(
    ("judgement", "paths"),
    [
        (Judgement(sent_on=D("2026-02-27")), ["judgement.sent_on"]),
        (Judgement(received_on=D("2026-03-01")), ["judgement.received_on"]),
        (
            Judgement(sent_on=D("2026-02-27"), received_on=D("2026-02-28")),
            ["judgement.sent_on", "judgement.received_on"],
        ),
        # 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam: the day of receipt, not before it.
        (Judgement(sent_on=dt.datetime(2026, 3, 1, 23, 30, tzinfo=UTC)), []),
        # 22:30 UTC on 1 March is 23:30 on 1 March in Amsterdam: before it.
        (Judgement(sent_on=dt.datetime(2026, 3, 1, 22, 30, tzinfo=UTC)), ["judgement.sent_on"]),
        (Judgement(sent_on=D("2026-03-02")), []),
    ],
)
def test_every_entry_point_refuses_a_judgement_before_the_complaint(
    judgement: Judgement, paths: list[str]
) -> None:
    calls = [
        lambda: RegisterRecord(complaint=COMPLAINT, judgement=judgement),
        lambda: assess(COMPLAINT, as_of=AS_OF, judgement=judgement),
        lambda: geschillencommissie_access(COMPLAINT, as_of=AS_OF, filed_on=None, judgement=judgement),
        lambda: obligations(COMPLAINT, as_of=AS_OF, judgement=judgement),
    ]
    for call in calls:
        if not paths:
            call()  # the same day is in order
            continue
        with pytest.raises(InvalidInputError) as refused:
            call()
        assert [path for path, _ in refused.value.problems] == paths
        assert "2026-0" not in str(refused.value)  # says what is wrong, never the dates
    if not paths:
        assert assess(COMPLAINT, as_of=AS_OF, judgement=judgement).status == "judged_in_time"


def test_an_unknown_receipt_day_is_no_contradiction() -> None:
    unknown = Complaint.from_dict({"channel": "email", "complainant": {"role": "parent"}})
    judgement = Judgement(sent_on=D("2001-01-01"))
    RegisterRecord(complaint=unknown, judgement=judgement)
    assess(unknown, as_of=AS_OF, judgement=judgement)


def test_a_register_row_with_a_judgement_before_the_complaint_is_rejected_and_counted() -> None:
    text = (
        "id,received_on,judgement_sent_on,judgement_received_on\n"
        "K1,2026-03-09,2026-03-01,\n"
        "K2,2026-03-09,2026-03-20,2026-03-08\n"
        "K3,2026-03-09,2026-03-09,\n"
    )
    result = read_csv(text)
    assert [r.complaint.id for r in result.records] == ["K3"]
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (2, "judgement_sent_on", "REGISTER_MODEL_PROBLEM"),
        (3, "judgement_received_on", "REGISTER_MODEL_PROBLEM"),
    ]
    assert result.errors[0].text("en").endswith("is before the day the complaint was received (received_on)")
    assert (
        result.errors[0].text("nl").endswith("ligt vóór de dag waarop de klacht is ontvangen (received_on)")
    )
    assert result.summary.rows_read == 3
    assert result.summary.rows_rejected == 2


def test_the_rejection_names_the_column_as_the_file_names_it() -> None:
    mapping = ColumnMapping(columns={"ontvangen": "received_on", "afgehandeld": "judgement_sent_on"})
    result = read_csv("ontvangen,afgehandeld\n2026-03-10,2026-03-01\n", mapping=mapping)
    (error,) = result.errors
    assert error.column == "afgehandeld"
    assert "2026-03-01" not in error.describe("en")


@given(kt.records())
def test_the_records_strategy_gives_records_the_library_takes(record: RegisterRecord) -> None:
    received = record.complaint.received_date
    judgement = record.judgement
    if received is not None and judgement is not None:
        assert judgement.sent_date is None or judgement.sent_date >= received
        assert judgement.received_date is None or judgement.received_date >= received
    result = check_records([record], as_of=dt.date(2028, 1, 1))
    assert result.summary.rows_read == 1


def test_the_assess_command_names_the_file(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))
    data["judgement"]["sent_on"] = "2026-03-10"  # the complaint came in on 16 March
    path = tmp_path / "klacht.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "klachtregels", "assess", str(path), "--as-of", "2026-05-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == (
        f"klachtregels: error: invalid input file {path}: judgement.sent_on: "
        "is before the day the complaint was received (received_on)"
    )
