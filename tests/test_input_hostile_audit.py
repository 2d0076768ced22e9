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


# --------------------------------------------------------------------------------------------------
# 6. A blank item in a JSON array is bad input in every door; an empty word in a text list is no word
# --------------------------------------------------------------------------------------------------


def _json_array(tmp_path: Path, rows: list[dict[str, Any]] | str) -> RegisterResult:
    path = tmp_path / "register.json"
    path.write_text(rows if isinstance(rows, str) else json.dumps(rows), encoding="utf-8")
    return read_register_all(path)


@pytest.mark.parametrize(("column", "items"), [("subjects", ["conduct", ""]), ("signals", ["twijfel", "  "])])
def test_a_blank_item_in_a_json_array_rejects_the_row_in_every_door(
    tmp_path: Path, column: str, items: list[str]
) -> None:
    """A JSON Lines (or JSON array) row dropped the blank item and read ``["conduct"]``, while the
    complaint JSON of ``assess`` refused it: an item written explicitly and left blank may be a word
    lost on export (R4 subjects; R27-R30 signals), so the row is rejected, naming the column."""
    row = {"id": "K-1", "received_on": "2026-03-02", column: items, "description": MARKER}
    for result in (_jsonl(tmp_path, {column: items, "description": MARKER}), _json_array(tmp_path, [row])):
        error = _rejected(result)
        assert (error.column, error.code) == (column, "REGISTER_LIST_ITEM_BLANK")
        assert error.describe("en") == f"row 1, column {column}: list item 1 is blank, expected a word"
        assert "leeg" in error.describe("nl")
    with pytest.raises(InvalidInputError) as info:
        _complaint_json(tmp_path, {"complaint": {"received_on": "2026-03-02", column: items}})
    assert info.value.problems[0][0].startswith(f"complaint.{column}[1]")
    with pytest.raises(InvalidInputError):
        Complaint.from_dict({column: items})


def test_a_blank_item_in_a_mapping_default_list_is_refused_naming_the_default(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(f'[defaults]\nsubjects = ["conduct", ""]\n# {MARKER}\n', encoding="utf-8")
    with pytest.raises(RegisterError) as info:
        _csv(tmp_path, {}, mapping=mapping)
    assert "[defaults] subjects" in str(info.value)
    assert "list item 1 is blank" in str(info.value)


def test_an_empty_word_between_separators_in_a_text_list_is_no_word_alike_in_every_door(
    tmp_path: Path,
) -> None:
    """Text lists are different, as docs/register.md says: the separators mark where words end, so
    ``conduct;;agreement`` is ``conduct;agreement`` in a CSV cell, JSON text and from_dict alike."""
    both = (Subject.CONDUCT, Subject.AGREEMENT)
    for text in ("conduct;;agreement", "conduct; |agreement;", "|conduct|agreement"):
        assert _one(_csv(tmp_path, {"subjects": text})).complaint.subjects == both
        assert _one(_jsonl(tmp_path, {"subjects": text})).complaint.subjects == both
        assert Complaint.from_dict({"subjects": text}).subjects == both
        doc = {"complaint": {"received_on": "2026-03-02", "subjects": text}}
        assert _complaint_json(tmp_path, doc)["complaint"].subjects == both
    assert _one(_jsonl(tmp_path, {"subjects": ["conduct", "agreement"]})).complaint.subjects == both


def test_a_mapping_word_read_as_unknown_in_an_array_is_still_left_out(tmp_path: Path) -> None:
    """Not a blank item: a word the provider's mapping states to be unknown (``onbekend = ""``) is
    left out of an array as of a text list (docs/register.md, "Unknown is not false")."""
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[values.signals]\nonbekend = ""\n', encoding="utf-8")
    path = tmp_path / "register.jsonl"
    row = {"id": "K-1", "received_on": "2026-03-02", "signals": ["onbekend", "twijfel"]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (record,) = read_register_all(path, mapping=str(mapping)).records
    assert [s.kind for s in record.complaint.signals] == [SignalKind.AMBIGUOUS]


# --------------------------------------------------------------------------------------------------
# 7. A repeated key in a JSON array register rejects its row, as in JSON Lines, not the file
# --------------------------------------------------------------------------------------------------


def test_a_repeated_key_in_a_json_array_rejects_that_row_and_every_row_is_accounted_for(
    tmp_path: Path,
) -> None:
    """docs/register.md promised that "a JSON object that repeats a key rejects its row"; a JSON array
    refused the whole file instead (RegisterError), so one bad row cost every other row."""
    rows = [
        '{"id": "K-1", "received_on": "2026-03-02"}',
        f'{{"id": "K-2", "{MARKER}": 1, "{MARKER}": 2}}',
        '{"id": "K-3", "measures": [{"description": "a", "description": "b"}]}',  # nested in a measure
        '{"id": "K-4", "received_on": "2026-03-04", "received_on": "2026-03-05"}',
        '{"id": "K-5", "received_on": "2026-03-06"}',
    ]
    result = _json_array(tmp_path, "[" + ",\n".join(rows) + "]")
    assert [r.complaint.id for r in result.records] == ["K-1", "K-5"]
    summary = result.summary
    assert (summary.rows_read, summary.rows_ok, summary.rows_rejected) == (5, 2, 3)
    assert summary.balanced
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (row, None, "REGISTER_ROW_DUPLICATE_KEY") for row in (2, 3, 4)
    ]
    for error in result.errors:
        assert MARKER not in error.describe("en") + error.describe("nl")
    # The same rows in JSON Lines: the same rows rejected, with the same code.
    lines = tmp_path / "register.jsonl"
    lines.write_text("\n".join(rows) + "\n", encoding="utf-8")
    jsonl = read_register_all(lines)
    assert [(e.row, e.code) for e in jsonl.errors] == [(e.row, e.code) for e in result.errors]
    assert [r.complaint.id for r in jsonl.records] == ["K-1", "K-5"]


def test_a_repeated_key_in_a_json_array_is_fatal_only_with_strict(tmp_path: Path) -> None:
    from klachtregels.register import RowRejectedError

    path = tmp_path / "register.json"
    path.write_text('[{"id": "K-1", "id": "K-2"}]', encoding="utf-8")
    with pytest.raises(RowRejectedError):
        read_register_all(path, strict=True)
    path.write_text('{"id": "K-1", "id": "K-2"}', encoding="utf-8")  # no array at all: the file
    with pytest.raises(RegisterError, match="array"):
        read_register_all(path)


# --------------------------------------------------------------------------------------------------
# 8. A list of words that must not repeat one refuses a repeat by field and index, never the value
# --------------------------------------------------------------------------------------------------


def test_a_direct_access_ground_listed_twice_is_refused_as_a_subject_is(tmp_path: Path) -> None:
    """R20: a policy's ``direct_access_grounds`` took a ground twice while a complaint's subjects (R4)
    refused a repeat; both now name the field and the index of the repeat, never the value."""
    policy = tmp_path / "policy.toml"
    policy.write_text(
        '[escalation]\ndirect_access_grounds = ["no_timely_judgement", "not_reasonably_required", '
        '"no_timely_judgement"]\n',
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as info:
        load_policy(policy)
    assert list(info.value.problems) == [
        ("escalation.direct_access_grounds[2]", "listed twice (the same as item 0)")
    ]
    assert "no_timely_judgement" not in str(info.value)
    with pytest.raises(InvalidInputError) as subjects:
        Complaint.from_dict({"subjects": ["conduct", "agreement", "gedrag"]})
    assert list(subjects.value.problems) == [("subjects[2]", "listed twice (the same as item 0)")]
    assert subjects.value.problems[0][1].render("nl") == "staat er twee keer in (hetzelfde als item 0)"  # type: ignore[attr-defined]
    policy.write_text(
        '[escalation]\ndirect_access_grounds = ["no_timely_judgement", "not_reasonably_required"]\n',
        encoding="utf-8",
    )
    assert len(load_policy(policy).direct_access_grounds or ()) == 2


# --------------------------------------------------------------------------------------------------
# 9. A baseline's expires that is no date: the date problem texts of every other door
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ['"2026-02-30"', f'"2026-03-24 {MARKER}"', '"31-02-2026"', "2026", "true", "10:00:00"]
)
def test_a_baseline_expires_that_is_no_date_says_the_kind_of_problem_as_every_door(
    tmp_path: Path, written: str
) -> None:
    """It said "must be a day (YYYY-MM-DD)" whatever the problem, though every date form is read: now
    the problem of the organisation file, the policy file and the complaint JSON."""
    from klachtregels.baseline import BaselineError, load_baseline
    from klachtregels.organisation import load_organisation

    (tmp_path / "baseline.toml").write_text(
        f'[[accept]]\ncomplaint = "A-1"\nreason = "r"\nexpires = {written}\n', encoding="utf-8"
    )
    with pytest.raises(BaselineError) as info:
        load_baseline(tmp_path / "baseline.toml")
    ((path, problem),) = info.value.problems
    assert path == "accept[0].expires"
    assert problem != "must be a day (YYYY-MM-DD)"
    assert MARKER not in str(info.value)
    if written.startswith('"'):  # a text: the kind read_date names (a day that does not exist, or no form)
        with pytest.raises(DateTextError) as kind:
            read_date(written.strip('"'))
        assert problem.message.code == kind.value.code  # type: ignore[attr-defined]
    (tmp_path / "org.toml").write_text(
        f"[regulation]\nadopted = true\n[[annual_reports]]\nyear = 2024\nsent_to_ggd_on = {written}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as org:
        load_organisation(tmp_path / "org.toml")
    assert [m for p, m in org.value.problems if p.endswith("sent_to_ggd_on")] == [problem]


# --------------------------------------------------------------------------------------------------
# 10. Every date argument's help says what is accepted: a date in any documented form
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "argument"),
    [
        ("assess", "--as-of DATE"),
        ("obligations", "--as-of DATE"),
        ("check", "--as-of DATE"),
        ("deadline", "DATE"),
    ],
)
def test_the_help_of_every_date_argument_points_to_the_date_forms(
    command: str, argument: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The help said ``YYYY-MM-DD`` while ``7-5-2026`` and ``7 mei 2026`` are read too: it now says
    "a date, e.g. ...", and where every form is documented (docs/register.md, Values)."""
    from klachtregels._cli._options import DATE_HELP

    monkeypatch.setenv("COLUMNS", "1000")  # one line per argument
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "YYYY" not in out
    (line,) = (line for line in out.splitlines() if line.strip().startswith(argument + " "))
    assert line.endswith(DATE_HELP)
    anchor = DATE_HELP.rsplit("#", 1)[1]
    assert f"## {anchor.capitalize()}" in (ROOT / "docs" / "register.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# 11. One wording per error: "invalid command-line argument", the option's own name, one as-of text
# --------------------------------------------------------------------------------------------------


def test_a_report_year_out_of_range_is_named_as_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``report --year 10000`` said ``invalid annual report: year: ...`` (the library's argument);
    other report options said ``invalid command line``, deadline and check ``invalid command-line
    argument``. Now one label and the option's name, with the library's own text."""
    from klachtregels.report import build_report

    register = EXAMPLES / "register.csv"
    for year in ("10000", "1899"):
        assert main(["report", str(register), "--year", year]) == 2
        err = capsys.readouterr().err
        said = "invalid command-line argument: --year: not a plausible report year (1900-2999)"
        assert err == f"klachtregels: error: {said}\n"
    assert main(["report", str(register), "--year", "2025", "--review-notes", str(tmp_path / "x.txt")]) == 2
    assert "invalid command-line argument: --review-notes" in capsys.readouterr().err
    with pytest.raises(InvalidInputError) as info:
        build_report([], year=10000)
    assert list(info.value.problems) == [("year", "not a plausible report year (1900-2999)")]


def test_assess_and_obligations_say_an_as_of_before_the_receipt_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``assess`` said "is before the day the complaint was received (received_on)", ``obligations``
    "precedes the day the complaint was received", both under the library's ``as_of``."""
    from klachtregels.decisions import assess
    from klachtregels.timeline import obligations

    path = tmp_path / "complaint.json"
    path.write_text(json.dumps({"complaint": {"received_on": "2026-03-10"}}), encoding="utf-8")
    said = (
        "invalid command-line argument: --as-of: is before the day the complaint was received (received_on)"
    )
    for command in ("assess", "obligations"):
        assert main([command, str(path), "--as-of", "2026-03-09"]) == 2
        assert capsys.readouterr().err == f"klachtregels: error: {said}\n"
    complaint = Complaint(received_on=dt.date(2026, 3, 10))
    problems = []
    for call in (assess, obligations):
        with pytest.raises(InvalidInputError) as info:
            call(complaint, as_of=dt.date(2026, 3, 9))
        problems.append(info.value.problems)
    assert (
        problems[0]
        == problems[1]
        == (("as_of", "is before the day the complaint was received (received_on)"),)
    )


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["report", str(EXAMPLES / "register.csv"), "--year", "2025", "--children", "-1"], "--children"),
        (["report", str(EXAMPLES / "register.csv"), "--year", "2025", "--previous", "no such"], "--previous"),
        (["report", str(EXAMPLES / "register.csv"), "--year", "2025", "--format", "pdf"], "--format"),
        (["report", str(EXAMPLES / "register.csv"), "--year", "2025", "--accept", "x"], "--accept"),
        (["deadline", "2026-02-30"], "DATE"),
        (["calendar", "0"], "YEAR"),
        (["check", str(EXAMPLES / "register.csv"), "--as-of", "1-1-1800"], "--as-of"),
        (
            ["assess", str(EXAMPLES / "complaint.json"), "--as-of", "7-5-2026", "--due-soon", "-1"],
            "--due-soon",
        ),
    ],
)
def test_every_command_line_error_is_said_alike(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``report`` said "invalid command line", ``assess --due-soon`` "invalid arguments", the others
    "invalid command-line argument": one label now, with the option's name."""
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith(
        f"klachtregels: error: invalid command-line argument: {option}: "
    )


# --------------------------------------------------------------------------------------------------
# 12. assess - and obligations - read the complaint JSON from standard input, as check - does
# --------------------------------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))


@pytest.mark.parametrize("command", ["assess", "obligations"])
def test_assess_and_obligations_read_standard_input(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (EXAMPLES / "complaint.json").read_bytes()
    assert main([command, str(EXAMPLES / "complaint.json"), "--as-of", "2026-05-07", "--format", "json"]) == 0
    from_file = capsys.readouterr().out
    for given in (data, data.decode("utf-8").encode("utf-16")):  # UTF-16 with its mark, as a file may be
        _stdin(monkeypatch, given)
        assert main([command, "-", "--as-of", "2026-05-07", "--format", "json"]) == 0
        assert capsys.readouterr().out == from_file


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (
            json.dumps({"complaint": {"received_on": f"2026-02-30 {MARKER}"}}).encode(),
            "complaint.received_on",
        ),
        (
            json.dumps({"complaint": {"subjects": ["conduct", ""], "description": MARKER}}).encode(),
            "subjects[1]",
        ),
        (b"{not json " + MARKER.encode(), "line 1 column 2"),
        (b"", "line 1 column 1"),
        (b"\xff{}", "not UTF-8 text"),
    ],
)
def test_bad_input_on_standard_input_names_standard_input_never_the_value(
    data: bytes, field: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, data)
    assert main(["assess", "-", "--as-of", "2026-05-07"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: error: invalid input from standard input: ")
    assert field in err
    assert MARKER not in err
    assert err.count("\n") == 1


def test_obligations_names_standard_input_as_assess_and_check_do(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One name for standard input in every command's errors: ``check -`` says ``standard input``, and so
    do ``assess -`` and ``obligations -`` (they said ``<stdin>``)."""
    _stdin(monkeypatch, b'{"complaint": {"received_on": "2026-02-30"}}')
    assert main(["obligations", "-", "--as-of", "2026-05-07"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("klachtregels: error: invalid input from standard input: complaint.received_on: ")
    assert "<stdin>" not in err


def test_standard_input_larger_than_a_complaint_is_refused_without_reading_it_whole(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from klachtregels._io import MAX_JSON_DOCUMENT_BYTES

    _stdin(monkeypatch, b" " * (MAX_JSON_DOCUMENT_BYTES + 1))
    assert main(["assess", "-", "--as-of", "2026-05-07"]) == 2
    assert capsys.readouterr().err == (
        "klachtregels: error: invalid input from standard input: "
        f"larger than {MAX_JSON_DOCUMENT_BYTES} bytes\n"
    )
