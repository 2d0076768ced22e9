"""No personal data in outputs (issue 9, item 3).

A register cell may hold personal data, whatever its column. A canary planted in any cell or
field never reaches an error, a finding or a report, in any format, unless the user asked for it:

* ``check`` names a complaint by its ``id`` (the provider's pseudonymous identifier);
* the report publishes location, organisation, category, measure category and Geschillencommissie
  subject names by design (art. 1.57b lid 4; the review notes check them for names), and
  descriptions only with ``--include-descriptions``, redacted.

The opt-in description redactor is tested against a synthetic corpus of Dutch names, street
forms, postcodes, phone, BSN and IBAN forms (``tests/data/redaction_corpus.toml``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.errors import KlachtregelsError
from klachtregels.register import COLUMNS, GCK_CASE_COLUMNS, ColumnKind, read_register_all
from klachtregels.report import Redactor

ROOT = Path(__file__).resolve().parents[2]
CORPUS = tomllib.loads((ROOT / "tests" / "data" / "redaction_corpus.toml").read_text(encoding="utf-8"))[
    "case"
]

#: The token every canary carries; searched case-insensitively in every output.
TOKEN = "Qzxcanary"
NAMES = [c.name for c in COLUMNS]
#: Columns an output shows by design (see the module docstring).
SHOWN_BY_CHECK = frozenset({"id"})
SHOWN_BY_REPORT = frozenset({"location", "organisation", "category", "measure_category", "gck_subject"})
FREE_TEXT = frozenset(c.name for c in COLUMNS if c.kind is ColumnKind.FREE_TEXT)
CHECK_FORMATS = ("text", "json", "junit", "sarif", "github")
REPORT_FORMATS = ("md", "html", "json")
#: A valid row for the canary's neighbours.
BASE = {
    "id": "K0",
    "received_on": "2025-03-03",
    "channel": "email",
    "complainant_role": "parent",
    "subjects": "conduct",
    "location": "KDV Zon",
    "category": "opvang",
}

# Pieces around the token: quotes and apostrophes (they once escaped the redaction), separators,
# markup, diacritics, line breaks, a JSON-looking cell.
_AFFIX = st.sampled_from(
    [
        "",
        "'",
        '"',
        "O'",
        "'s ",
        ", ",
        "; ",
        "|",
        "\n",
        "Zoë ",
        "Kerkstraat 12 ",
        "{",
        "[",
        "<b>",
        "2025-13-45 ",
        "ja ",
    ]
)


@st.composite
def canaries(draw: st.DrawFn) -> str:
    """A canary: the token between hostile pieces (never splittable by a list separator)."""
    return f"{draw(_AFFIX)}{TOKEN}{draw(st.integers(0, 999))}{draw(_AFFIX)}"


def _row(complaint_id: str, column: str, value: Any) -> dict[str, Any]:
    """A valid row with ``value`` in ``column`` (the id column too)."""
    return {**BASE, "id": complaint_id, column: value}


def _run(args: list[str]) -> tuple[int, str]:
    """Run the CLI in-process; its exit code and everything it wrote (stdout and stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text
    return code, text


def _write(path: Path, rows: list[dict[str, Any]], fmt: str) -> Path:
    """Write ``rows`` as a CSV, JSON Lines or JSON register."""
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=NAMES)
            writer.writeheader()
            writer.writerows(rows)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def _leaks(text: str) -> bool:
    return TOKEN.casefold() in unicodedata.normalize("NFC", text).casefold()


def _read_register_messages(path: Path) -> str:
    """Every message :func:`read_register_all` gives, in both languages (or its error)."""
    try:
        result = read_register_all(path)
    except KlachtregelsError as exc:
        return str(exc)
    texts = [e.describe(lang) for e in result.errors for lang in ("nl", "en")]
    return "\n".join([*texts, result.summary.accounting("nl"), result.summary.accounting("en")])


def _assert_no_canary(path: Path, column: str) -> None:
    """No output of read_register, check or report shows the canary, except by design."""
    assert not _leaks(_read_register_messages(path)), column
    for fmt in CHECK_FORMATS:
        code, out = _run(["check", str(path), "--as-of", "2025-12-01", "--format", fmt, "--lang", "en"])
        assert code in (0, 1, 2)
        assert column in SHOWN_BY_CHECK or not _leaks(out), (column, fmt, out)
    for fmt in REPORT_FORMATS:
        code, out = _run(["report", str(path), "--year", "2025", "--format", fmt])
        assert code in (0, 1, 2)
        assert column in SHOWN_BY_REPORT or not _leaks(out), (column, fmt, out)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(NAMES), canary=canaries(), fmt=st.sampled_from(["csv", "jsonl", "json"]))
def test_a_canary_in_any_cell_reaches_no_output(tmp_path: Path, column: str, canary: str, fmt: str) -> None:
    rows = [dict(BASE, id=f"K{i}") for i in range(3)]
    rows[1][column] = canary
    _assert_no_canary(_write(tmp_path / f"canary.{fmt}", rows, fmt), column)


@pytest.mark.parametrize("column", NAMES)
def test_every_column_with_an_apostrophe_value(tmp_path: Path, column: str) -> None:
    """The value 'brief van Sanne O'Brien-Jansen, Kerkstraat 12' in each column, as CSV."""
    rows = [dict(BASE, id="K1"), _row("K2", column, f"brief van {TOKEN} O'Brien-Jansen, 'x'")]
    _assert_no_canary(_write(tmp_path / "apostrophe.csv", rows, "csv"), column)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(NAMES), key=canaries(), value=canaries())
def test_objects_and_arrays_in_json_cells(tmp_path: Path, column: str, key: str, value: str) -> None:
    """A JSON value where a cell should be: an object with a canary key and value, or an array."""
    rows = [dict(BASE, id="K1"), _row("K2", column, {key: value, "description": [value]})]
    _assert_no_canary(_write(tmp_path / "objects.jsonl", rows, "jsonl"), column)


@pytest.mark.parametrize(
    "measures",
    [
        [{"description": "x", f"{TOKEN}'key": 1}],  # an unknown key inside the cell
        [{"description": "x", "due_on": f"{TOKEN} O'Brien"}],  # a bad date
        [{"description": "x", "has_concrete_term": f"{TOKEN}'"}],  # a bad boolean
        [{"dueon": f"{TOKEN}", "descripton": f"'{TOKEN}'"}],  # near-miss keys
        [f"{TOKEN}"],  # not an object
    ],
)
def test_measures_cell_problems_name_no_key_or_value(tmp_path: Path, measures: list[Any]) -> None:
    rows = [dict(BASE, id="K1"), _row("K2", "measures", json.dumps(measures))]
    path = _write(tmp_path / "measures.csv", rows, "csv")
    messages = _read_register_messages(path)
    assert "measure" in messages  # the row is rejected, and says where
    _assert_no_canary(path, "measures")


def test_register_without_header_echoes_no_first_row(tmp_path: Path) -> None:
    """Its first row is read as the header: a repeated 'column name' is named by position only."""
    path = tmp_path / "headless.csv"
    path.write_text(
        f"K1,2025-03-01,{TOKEN} Jansen,{TOKEN} Jansen,{TOKEN}'s\nK2,2025-03-02,KDV,x,y\n", encoding="utf-8"
    )
    messages = _read_register_messages(path)
    assert "4" in messages  # the position of the repeated header cell
    _assert_no_canary(path, "header")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("channel", f"brief van {TOKEN}, Kerkstraat 12"),  # an unknown word
        ("channel", f"emial {TOKEN}"),
        ("complainant_role", f"'{TOKEN}'"),
        ("subjects", f"conduct; {TOKEN} O'Brien; conduct"),  # an unknown word in a list, and a repeat
        ("received_on", f"{TOKEN} 12-03-2025"),  # a bad date
        ("received_on", "2025-13-45"),
        ("judgement_written", f"jawel {TOKEN}"),  # a bad yes/no
        ("verdict", f"gegrond door {TOKEN}"),
    ],
)
def test_unknown_words_and_bad_dates_are_named_not_shown(tmp_path: Path, column: str, value: str) -> None:
    rows = [dict(BASE, id="K1"), _row("K2", column, value)]
    path = _write(tmp_path / "words.csv", rows, "csv")
    messages = _read_register_messages(path)
    assert column in messages  # the column is named
    _assert_no_canary(path, column)


@pytest.mark.parametrize("column", sorted(FREE_TEXT))
def test_free_text_only_when_asked_and_then_redacted(tmp_path: Path, column: str) -> None:
    """A free-text cell is left out of the report, and with --include-descriptions redacted."""
    rows = [dict(BASE, id="K1", complainant_name="Sanne Çelik"), dict(BASE, id="K2")]
    rows[1][column] = f"Brief van sanne celik, kerkstraat 12, BSN 9182-73-645, 06.13.57.24.68 {TOKEN}"
    path = _write(tmp_path / "free.csv", rows, "csv")
    _assert_no_canary(path, column)
    for fmt in REPORT_FORMATS:
        _, out = _run(["report", str(path), "--year", "2025", "--format", fmt, "--include-descriptions"])
        for secret in ("sanne", "celik", "Çelik", "kerkstraat", "9182", "13.57"):
            assert secret.casefold() not in out.casefold(), (column, fmt, secret)


# --------------------------------------------------------------------------------------------------
# The redactor against the corpus
# --------------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


@pytest.mark.parametrize("case", CORPUS, ids=[c["text"][:40] for c in CORPUS])
def test_redaction_corpus(case: dict[str, Any]) -> None:
    out = Redactor(case["names"]).redact(case["text"])
    for secret in case["gone"]:
        assert _fold(secret) not in _fold(out), (secret, out)
    for word in case["kept"]:
        assert word in out, (word, out)


def test_corpus_covers_every_kind() -> None:
    """The corpus plants each kind of personal data the issue names."""
    texts = " ".join(c["text"] for c in CORPUS)
    for form in (
        "Laan van Meerdervoort 1000",
        "kerkstraat 12",
        "Dorpsstr. 5",
        "06.13.57.24.68",
        "+31 6 ",
        "9182-73-645",
    ):
        assert form in texts
    assert any("NL91" in c["text"] for c in CORPUS)
    assert any(any(not n.isascii() for n in c["names"]) for c in CORPUS)


_FIRST = ["Anouk", "Zoë", "José", "Emre", "Fatma", "Chloé", "Noël", "Søren", "Ayşe", "Renée"]
_LAST = [
    "Çelik",
    "Öztürk",
    "Müller",
    "Yılmaz",
    "de Bruijn",
    "van der Heijden",
    "Ødegård",
    "Jansen-Kılıç",
    "El Idrissi",
]


def _variants(name: str) -> st.SearchStrategy[str]:
    """The name as written: as given, lower or upper case, without accents, decomposed (NFD)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return st.sampled_from([name, name.lower(), name.upper(), plain, unicodedata.normalize("NFD", name)])


@settings(max_examples=200)
@given(
    first=st.sampled_from(_FIRST),
    last=st.sampled_from(_LAST),
    data=st.data(),
    before=st.sampled_from(["", "Brief van ", "gesprek met mevrouw ", "(", "klager: "]),
    after=st.sampled_from(["", " belde.", ", moeder van groep 2", "'s dochter", ")"]),
)
def test_a_party_name_is_redacted_in_any_spelling(
    first: str, last: str, data: st.DataObject, before: str, after: str
) -> None:
    name = f"{first} {last}"
    written = data.draw(_variants(name))
    out = Redactor([name]).redact(f"{before}{written}{after}")
    for part in [first, *last.replace("-", " ").split()]:
        if len(part) >= 3 and part.casefold() not in ("van", "der", "de"):
            plain = "".join(c for c in unicodedata.normalize("NFD", part) if not unicodedata.combining(c))
            assert _fold(part) not in _fold(out), (written, out)
            assert plain.casefold() not in _fold(out), (written, out)
    assert "[naam]" in out


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz ,.'"), max_size=60))
def test_ordinary_lower_case_words_are_kept(text: str) -> None:
    """Text of lower-case words without digits holds nothing the redactor removes (no party names)."""
    assert Redactor().redact(text) == text


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_unknown_column_names_are_not_shown(tmp_path: Path, fmt: str) -> None:
    """A header cell or key that is no column (it may be a name typed in the wrong row)."""
    extra = f"{TOKEN} O'Brien"
    path = tmp_path / f"extra.{fmt}"
    if fmt == "csv":
        header = ",".join([*BASE, f'"{extra}"'])
        path.write_text(f"{header}\n{','.join(BASE.values())},x\n", encoding="utf-8")
    else:
        path.write_text(json.dumps({**BASE, extra: "x"}) + "\n", encoding="utf-8")
    _assert_no_canary(path, "extra column")


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_complaint_json_unknown_keys_and_values_are_not_shown(tmp_path: Path, json_flag: list[str]) -> None:
    """``assess``: bad values are named by their path only; an unknown key is named only when it looks
    like an identifier (a key the user chose may itself be a name)."""
    complaint = json.loads((ROOT / "examples" / "complaint.json").read_text(encoding="utf-8"))
    inner = complaint.get("complaint", complaint)
    inner["channel"] = f"brief van {TOKEN}"
    inner["received_on"] = f"{TOKEN}'s dag"
    inner["nmae"] = 1  # a key-like typo is still named
    inner[f"{TOKEN} O'Brien"] = 1  # a name typed as a key is not
    inner.setdefault("complainant", {})[f"Zoë {TOKEN}"] = 1
    path = tmp_path / "complaint.json"
    path.write_text(json.dumps(complaint), encoding="utf-8")
    code, out = _run(["assess", str(path), "--as-of", "2025-12-01", *json_flag])
    assert code == 2
    assert not _leaks(out), out
    assert "nmae" in out
    assert "channel" in out
    assert "an unknown key (not shown)" in out
    path.write_text(json.dumps({**complaint, f"{TOKEN}'s": 1, "judgment": 1}), encoding="utf-8")
    code, out = _run(["assess", str(path), "--as-of", "2025-12-01", *json_flag])  # the envelope's keys
    assert code == 2
    assert not _leaks(out), out
    assert "judgment" in out
    assert "an unknown key (not shown)" in out


@pytest.mark.parametrize(
    ("option", "doc"),
    [
        ("--policy", f'[scope]\n"{TOKEN} Jansen" = 1\nnmae = 2\n["{TOKEN}\'s"]\nx = 1\n'),
        ("--org", f'name = "Zon"\n"{TOKEN} Jansen" = 1\n[regulation]\n"Zoë {TOKEN}" = 2\nnmae = 3\n'),
    ],
)
def test_toml_unknown_keys_are_named_only_when_identifier_like(tmp_path: Path, option: str, doc: str) -> None:
    """Policy and organisation TOML: ``nmae`` is named, a key holding a name is not shown."""
    path = tmp_path / "file.toml"
    path.write_text(doc, encoding="utf-8")
    code, out = _run(
        ["check", str(ROOT / "examples" / "register.csv"), "--as-of", "2025-06-01", option, str(path)]
    )
    assert code == 2
    assert not _leaks(out), out
    assert "nmae" in out
    assert "an unknown key (not shown)" in out


GCK_NAMES = [c.name for c in GCK_CASE_COLUMNS]
GCK_BASE = {"organisation": "Zon B.V.", "gck_filed_on": "2025-04-01", "gck_outcome": "gegrond"}


@pytest.mark.parametrize("column", GCK_NAMES)
def test_geschillen_and_previous_registers_show_no_canary(tmp_path: Path, column: str) -> None:
    """The --geschillen cases file and the --previous register: a canary in any cell stays out of
    every report format (organisation and subject names are published by design)."""
    cases = tmp_path / "gck.csv"
    with cases.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=GCK_NAMES)
        writer.writeheader()
        writer.writerows([GCK_BASE, {**GCK_BASE, column: f"{TOKEN} O'Brien, 'x'"}])
    this_year = _write(tmp_path / "this.csv", [dict(BASE, id="K1")], "csv")
    previous = _write(
        tmp_path / "previous.csv", [dict(BASE, id="K1"), _row("K2", "channel", f"'{TOKEN}'")], "csv"
    )
    for fmt in REPORT_FORMATS:
        args = ["report", str(this_year), "--year", "2025", "--format", fmt, "--previous", str(previous)]
        code, out = _run([*args, "--geschillen", str(cases)])
        assert code in (0, 1, 2)
        assert column in SHOWN_BY_REPORT or not _leaks(out), (column, fmt, out)


# --- command-line arguments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["check", "examples/register.csv", "--due-soon", f"Jan {TOKEN}"], "--due-soon"),
        (["check", "examples/register.csv", "--format", f"{TOKEN}"], "--format"),
        (["check", "examples/register.csv", f"--{TOKEN}=Piet"], f"--{TOKEN}"),
        (["check", "examples/register.csv", "--no-config", "--fail-on", "never", f"--x={TOKEN}"], "--x"),
        ([f"{TOKEN}"], "COMMAND"),
        (["report", "examples/register.csv", "--year", f"{TOKEN}"], "--year"),
        (["deadline", "2026-03-24", "--term", f"mijn naam is {TOKEN}"], "the term"),
        (["deadline", "2026-03-24", "--term", f"6 {TOKEN}"], "unit"),
        (["check", "examples/register.csv", "--as-of", f"{TOKEN}"], "--as-of"),
    ],
)
def test_a_bad_argument_is_named_never_repeated(
    args: list[str], named: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own errors exit through the parser
        code = exc.code  # type: ignore[assignment]
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line
    assert named.lower() in err.lower()
    # An option's own name may be unknown (it is shown up to any '='); its value never is.
    shown = err.lower().replace(named.lower(), "")
    assert TOKEN.lower() not in shown, err


@pytest.mark.parametrize(
    "text",
    [
        f"{TOKEN}",
        f"6 {TOKEN}",
        "0 weken",
        f"{TOKEN} 6 weeks",
        f"binnen {TOKEN} weken",
        f"uiterlijk binnen {TOKEN}",
        f"binnen binnen 6 {TOKEN}",
        f"{TOKEN} uiterlijk 6 weken",
        f"binnen 6 weken na {TOKEN}",
        f"within 6 weeks of {TOKEN}",
        f"uiterlijk{TOKEN} 6 weken",
    ],
)
@pytest.mark.parametrize("from_receipt", [False, True])
def test_term_errors_say_what_is_wrong_not_the_text(text: str, from_receipt: bool) -> None:
    from klachtregels.errors import TermError
    from klachtregels.terms import Term

    with pytest.raises(TermError) as info:
        Term.parse(text, from_receipt=from_receipt)
    assert TOKEN.lower() not in str(info.value).lower()
    assert "accepted forms" in str(info.value)
