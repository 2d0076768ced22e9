"""An outside-in audit of the input standards ("one input convention everywhere", "bad input"):
the defects it found, each read through every door that takes the value (a CSV and a JSON Lines
register, the complaint JSON of ``klachtregels assess``, policy, organisation and mapping TOML, the
command line). Every refusal names the file or row and the field and never echoes the value: each
hostile value carries :data:`MARKER`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from klachtregels._cli.assess import read_input
from klachtregels._time import DateTextError, read_date
from klachtregels.cli import main
from klachtregels.decisions import assess_record
from klachtregels.errors import InvalidInputError, RegisterError
from klachtregels.model import Complaint, Location, OudercommissieDispute, SignalKind, Subject
from klachtregels.organisation import load_organisation
from klachtregels.policy import load_policy
from klachtregels.register import RegisterResult, read_register_all
from klachtregels.vocabulary import Outcome

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MARKER = "SECRETNAME123"


def _csv(tmp_path: Path, cells: dict[str, str], *, mapping: Path | None = None) -> RegisterResult:
    row = {"id": "K-1", "received_on": "2026-03-02", "channel": "email", **cells}
    path = tmp_path / "register.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    return read_register_all(path, mapping=None if mapping is None else str(mapping))


def _jsonl(tmp_path: Path, cells: dict[str, Any]) -> RegisterResult:
    path = tmp_path / "register.jsonl"
    row = {"id": "K-1", "received_on": "2026-03-02", "channel": "email", **cells}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return read_register_all(path)


def _complaint_json(tmp_path: Path, doc: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "complaint.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return read_input(str(path))


def _one(result: RegisterResult) -> Any:
    assert not result.errors, [e.describe("en") for e in result.errors]
    (record,) = result.records
    return record


def _rejected(result: RegisterResult) -> Any:
    """The row's one error, which names the row and the column, never the value."""
    assert not result.records
    assert result.summary.rows_read == result.summary.rows_rejected == 1
    (error,) = result.errors
    for lang in ("nl", "en"):
        assert MARKER not in error.describe(lang)
    return error


# --------------------------------------------------------------------------------------------------
# 1. A list that names no word is not known, never "checked, none" (R27-R30: signals; R4: subjects)
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", [";", " | ", ";;", "; |"])
def test_a_signals_cell_of_only_separators_is_not_assessed_in_every_format(tmp_path: Path, cell: str) -> None:
    """A cell with only list separators states no signal and no "geen": it is a blank cell, so the
    precedence decision (R27-R30) stays undetermined and names the fact. It read as "checked, none",
    which made the precedence ``none``: no meldcode or meldplicht, from a cell that said nothing."""
    record = _one(_csv(tmp_path, {"signals": cell}))
    assert record.complaint.signals is None
    decision = assess_record(record, as_of=dt.date(2026, 3, 5)).precedence
    assert decision.outcome is Outcome.UNDETERMINED
    assert "complaint.signals" in decision.unknown_facts
    assert _one(_jsonl(tmp_path, {"signals": cell})).complaint.signals is None
    doc = {"complaint": {"received_on": "2026-03-02", "signals": cell}}
    assert _complaint_json(tmp_path, doc)["complaint"].signals is None
    assert Complaint.from_dict({"signals": cell}).signals is None


def test_checked_none_is_still_said_by_a_none_word_or_an_empty_array(tmp_path: Path) -> None:
    for cell in ("geen", "None", "nee"):
        assert _one(_csv(tmp_path, {"signals": cell})).complaint.signals == ()
        assert Complaint.from_dict({"signals": cell}).signals == ()
    assert _one(_jsonl(tmp_path, {"signals": []})).complaint.signals == ()
    assert Complaint.from_dict({"signals": []}).signals == ()
    record = _one(_csv(tmp_path, {"signals": "geen"}))
    assert assess_record(record, as_of=dt.date(2026, 3, 5)).precedence.outcome is Outcome.NONE


def test_a_subjects_text_of_only_separators_is_not_known_as_a_blank_cell(tmp_path: Path) -> None:
    assert _one(_csv(tmp_path, {"subjects": ";"})).complaint.subjects is None
    assert _one(_jsonl(tmp_path, {"subjects": "|"})).complaint.subjects is None
    for text in ("", " ; "):
        assert Complaint.from_dict({"subjects": text}).subjects is None
    assert Complaint.from_dict({"subjects": "conduct;"}).subjects == (Subject.CONDUCT,)
    assert Complaint.from_dict({"subjects": []}).subjects == ()


def test_a_list_cell_whose_words_the_mapping_reads_as_unknown_is_unknown(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[values.signals]\nonbekend = ""\n', encoding="utf-8")
    record = _one(_csv(tmp_path, {"signals": "onbekend;onbekend"}, mapping=mapping))
    assert record.complaint.signals is None
    record = _one(_csv(tmp_path, {"signals": "onbekend;twijfel"}, mapping=mapping))
    assert [s.kind for s in record.complaint.signals] == [SignalKind.AMBIGUOUS]


def test_a_mapping_default_of_only_separators_states_nothing(tmp_path: Path) -> None:
    """A ``[defaults]`` value applies to every row: ``signals = ";"`` declared every complaint of the
    export checked for signals with none found. Now refused, as a blank default is."""
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(f'[defaults]\nsignals = ";"\n# {MARKER}\n', encoding="utf-8")
    with pytest.raises(RegisterError) as info:
        _csv(tmp_path, {}, mapping=mapping)
    text = str(info.value)
    assert "[defaults] signals" in text
    assert MARKER not in text


# --------------------------------------------------------------------------------------------------
# 2. Vocabulary words read alike composed or decomposed (NFC/NFD), as header names do
# --------------------------------------------------------------------------------------------------


def test_a_decomposed_accent_in_a_vocabulary_word_reads_as_the_word_in_every_format(tmp_path: Path) -> None:
    word = unicodedata.normalize("NFD", "Onvoldoende geïnformeerd")
    assert word != unicodedata.normalize("NFC", word)
    expected = OudercommissieDispute.INSUFFICIENTLY_INFORMED
    cells = {"gck_filed_on": "2026-05-01", "gck_filed_by": "oudercommissie", "gck_dispute_about": word}
    assert _one(_csv(tmp_path, cells)).filing.dispute_about is expected
    assert _one(_jsonl(tmp_path, cells)).filing.dispute_about is expected
    doc = {
        "complaint": {"received_on": "2026-03-02"},
        "filing": {"filed_on": "2026-05-01", "filed_by": "oudercommissie", "dispute_about": word},
    }
    assert _complaint_json(tmp_path, doc)["filing"].dispute_about is expected


# --------------------------------------------------------------------------------------------------
# 3. An LRK number is nine ASCII digits, as every other number klachtregels reads
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "digits",
    [
        "\u0661\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661",  # Arabic-Indic
        "\uff11\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff11",  # fullwidth
        "10000000\u00b9",  # a superscript one
    ],
)
def test_an_lrk_number_in_look_alike_digits_is_refused_naming_the_field(tmp_path: Path, digits: str) -> None:
    text = (EXAMPLES / "organisation.toml").read_text(encoding="utf-8")
    old = 'lrk_numbers = ["100000001"]'
    assert old in text
    path = tmp_path / "organisation.toml"
    path.write_text(text.replace(old, f'lrk_numbers = ["{digits}"]  # {MARKER}'), encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_organisation(path)
    assert list(info.value.problems) == [("lrk_numbers[0]", "not a 9-digit LRK number")]
    assert digits not in str(info.value)
    with pytest.raises(InvalidInputError):
        Location(name="KDV", lrk_number=digits)
    assert Location(name="KDV", lrk_number="100000001").lrk_number == "100000001"


# --------------------------------------------------------------------------------------------------
# 4. A date's problem says its kind: a day that does not exist, or text in no accepted form
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026-02-30", "DATE_NOT_REAL_ISO"),
        ("2026-02-30T10:00", "DATE_NOT_REAL_ISO"),
        ("2026-03-24T25:00", "DATE_NOT_REAL_ISO"),
        ("2026-03-24T09:05+25:00", "DATE_NOT_REAL_ISO"),
        (f"2026-03-24 {MARKER}", "DATE_FORMAT"),
        ("2026-03-24\x00", "DATE_FORMAT"),
        ("2026-03-24T", "DATE_FORMAT"),
        ("2026-03-24 10:00 uur", "DATE_FORMAT"),
        ("2026-03-24T09:05+01:00[Europe/Amsterdam]", "DATE_FORMAT"),
    ],
)
def test_a_date_problem_names_its_kind_alike_in_every_door(
    tmp_path: Path, text: str, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text that starts like an ISO date but goes on with a word was "not a real ISO date", as if
    its day did not exist; it is a text in no accepted form."""
    with pytest.raises(DateTextError) as info:
        read_date(text)
    assert info.value.code == code
    assert _rejected(_csv(tmp_path, {"received_on": text})).code == code
    assert _rejected(_jsonl(tmp_path, {"received_on": text})).code == code
    with pytest.raises(InvalidInputError) as bad:
        _complaint_json(tmp_path, {"complaint": {"received_on": text}})
    assert bad.value.problems[0][0] == "complaint.received_on"
    assert MARKER not in str(bad.value)
    assert main(["deadline", text]) == 2
    err = capsys.readouterr().err
    assert "DATE:" in err
    assert "Traceback" not in err
    assert MARKER not in err


# --------------------------------------------------------------------------------------------------
# 5. A mapping file is read as every other TOML file: a lone CR ends a line there too
# --------------------------------------------------------------------------------------------------


def test_a_mapping_file_with_old_mac_line_ends_reads_as_a_policy_file_does(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.toml"
    mapping.write_bytes(b'[columns]\rkanaal = "channel"\r[values.channel]\rWeb = "web_form"\r')
    register = tmp_path / "register.csv"
    register.write_text("id,received_on,kanaal\nK-1,2026-03-02,Web\n", encoding="utf-8")
    (record,) = read_register_all(register, mapping=str(mapping)).records
    assert record.complaint.channel == "web_form"
    policy = tmp_path / "policy.toml"
    policy.write_bytes(b'[deadlines]\ratw_mode = "never"\r')
    assert load_policy(policy).atw_mode == "never"
