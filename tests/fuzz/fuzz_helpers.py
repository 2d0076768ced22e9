"""Generators and oracles shared by the fuzz targets (issue 9, item 8).

Generators build registers, complaint JSON and TOML files from near-valid pieces and junk, with a
canary in every free-text field. Oracles check what must hold for any input: no exception but the
typed ones, rows that balance, outputs that are valid (JUnit against its XSD, SARIF against the
SARIF 2.1.0 schema, JSON that parses, Markdown and HTML without user markup) and no canary where
the user did not ask for it.
"""

from __future__ import annotations

import collections
import contextlib
import html.parser
import io
import json
import os
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any, Final

import jsonschema
import xmlschema
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.register import COLUMNS, ColumnKind

ROOT: Final = Path(__file__).resolve().parents[2]
SCHEMAS: Final = ROOT / "tests" / "data" / "schemas"

# --------------------------------------------------------------------------------------------------
# Profiles and the input count
# --------------------------------------------------------------------------------------------------

#: ``fuzz-long`` when ``KLACHTREGELS_FUZZ=long``, else ``fuzz-ci``.
PROFILE: Final = "fuzz-long" if os.environ.get("KLACHTREGELS_FUZZ", "").lower() == "long" else "fuzz-ci"
#: Inputs per target at weight 1 in each profile (the profiles are registered in conftest.py).
#: ``KLACHTREGELS_FUZZ_EXAMPLES=N`` sets the long profile's (for a shorter or longer run by hand).
BASE_EXAMPLES: Final = {"fuzz-ci": 20, "fuzz-long": int(os.environ.get("KLACHTREGELS_FUZZ_EXAMPLES", "1000"))}
#: Health checks that only say a target is slow or its inputs large: both are the point here.
SUPPRESSED: Final = (
    HealthCheck.too_slow,
    HealthCheck.function_scoped_fixture,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
)

#: Inputs each target ran in this session (target name -> count).
COUNTS: Final[collections.Counter[str]] = collections.Counter()


def fuzz(weight: float = 1.0) -> settings:
    """The active profile, with ``weight`` times its inputs (a slow target runs fewer)."""
    profile = settings.get_profile(PROFILE)
    return settings(profile, max_examples=max(1, int(BASE_EXAMPLES[PROFILE] * weight)))


def count(target: str) -> None:
    """Count one input of ``target`` (listed in the terminal summary)."""
    COUNTS[target] += 1


# --------------------------------------------------------------------------------------------------
# Canaries: one per column, letters only (no escaping changes them), found case-insensitively
# --------------------------------------------------------------------------------------------------

CANARY: Final = "qzxcanary"
NAMES: Final = tuple(c.name for c in COLUMNS)
KINDS: Final = {c.name: c.kind for c in COLUMNS}
_CANARY_RE: Final = re.compile(CANARY + r"([a-z]{2})", re.IGNORECASE)


def canary(field: str) -> str:
    """The canary of ``field`` (a column name or any other field name): ``qzxcanary`` + two letters."""
    index = NAMES.index(field) if field in NAMES else len(NAMES) + sum(map(ord, field)) % 200
    return f"{CANARY}{chr(97 + index // 26)}{chr(97 + index % 26)}"


def leaked(text: str) -> set[str]:
    """The fields whose canary appears in ``text`` (any case, any Unicode normal form)."""
    found = _CANARY_RE.findall(unicodedata.normalize("NFKC", text))
    by_suffix = {canary(name)[-2:]: name for name in NAMES}
    return {by_suffix.get(suffix.lower(), "?" + suffix.lower()) for suffix in found}


#: What an output shows by design (docs/guarantees.md, "Personal data").
SHOWN_BY_CHECK: Final = frozenset({"id", "organisation_name"})
SHOWN_BY_REPORT: Final = frozenset(
    {"location", "organisation", "category", "measure_category", "gck_subject", "organisation_name"}
)

# --------------------------------------------------------------------------------------------------
# Cell values: near-valid, junk and canaries
# --------------------------------------------------------------------------------------------------

HOSTILE: Final = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![](https://t.example/p.gif)",
    "<img src=x onerror=alert(1)>",
    "\n# kop",
    "\x1b[31mrood\x1b[0m",
    "a\x00b\x0bc\x7f\x85",
    "'",
    '"',
    "O'Brien",
    "=SUM(A1)",
    "| a | b |",
    "*x* _y_ `z` \\",
    "&amp; &lt;",
    "\u202eevil",
    "Zoë Çelik",
    "\ufeff",
    "\u2028",
]
_DATES: Final = [
    "2025-03-03",
    "2025-01-01",
    "2024-12-31",
    "2025-06-30T10:00",
    "2025-06-30T23:30+00:00",
    "2025-05-31T23:59:59Z",
    "03-03-2025",
    "3/3/2025",
    "3 maart 2025",
    "2025-02-30",
    "2025-13-45",
    "9999-12-31",
    "0001-01-01",
    "1899-12-31",
    "3000-01-01",
    "20250303",
    "morgen",
    "",
]
_WORDS: Final = {
    ColumnKind.BOOL: ["ja", "nee", "true", "false", "x", "1", "0", "misschien", ""],
    ColumnKind.ENUM: [
        "email",
        "letter",
        "brief",
        "parent",
        "ouder",
        "gegrond",
        "ongegrond",
        "deels",
        "staff",
    ],
    ColumnKind.ENUM_LIST: [
        "conduct",
        "agreement;conduct",
        "geen",
        "gedraging, overeenkomst",
        ";;",
        "conduct;x",
    ],
    ColumnKind.MEASURES: [
        "geen",
        '[{"description": "coaching", "due_on": "2025-05-01"}]',
        '[{"description": "x", "due_on": "2025-13-01", "extra": 1}]',
        "[[[[[[]]]]]]",
        '{"a": 1}',
        "[1, 2",
        "[" * 200 + "]" * 200,
    ],
}


_GOOD_DATES: Final = ["2025-03-03", "2025-03-20", "2025-04-30", "2025-11-20", "2024-12-31", "2026-01-05"]
_GOOD_WORDS: Final = {
    ColumnKind.BOOL: ["ja", "nee", "true", "false"],
    ColumnKind.MEASURES: ["geen", '[{"description": "coaching", "due_on": "2025-05-01"}]'],
}


def _good_words(column: str) -> list[str]:
    """Words a column of ``column``'s kind accepts (its documented values and their aliases)."""
    spec = next(c for c in COLUMNS if c.name == column)
    words = sorted({*spec.aliases, *spec.aliases.values()})
    if spec.kind is ColumnKind.ENUM_LIST:
        words += [f"{a};{b}" for a, b in zip(words, reversed(words), strict=True)][:3]
    return words or [""]


def paths(value: Any, prefix: tuple[Any, ...] = (), *, depth: int = 12) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists (the root included), down to ``depth``
    levels (a planted deep or circular value is not walked): where a mutation of a form may land."""
    found = [prefix]
    if len(prefix) >= depth:
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key), depth=depth)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index), depth=depth)
    return found


@st.composite
def good_cell(draw: st.DrawFn, column: str) -> str:
    """A value ``column`` accepts; free text and text hold the column's canary."""
    kind = KINDS.get(column, ColumnKind.TEXT)
    if kind is ColumnKind.DATE:
        return draw(st.sampled_from(_GOOD_DATES))
    if kind in _GOOD_WORDS:
        return draw(st.sampled_from(_GOOD_WORDS[kind]))
    if kind in (ColumnKind.ENUM, ColumnKind.ENUM_LIST):
        return draw(st.sampled_from(_good_words(column)))
    return draw(st.sampled_from(_BEFORE)) + canary(column)


@st.composite
def cell(draw: st.DrawFn, column: str) -> str:
    """A value for ``column``: near-valid for its kind, hostile, or its canary in context."""
    kind = KINDS.get(column, ColumnKind.TEXT)
    choice = draw(st.integers(0, 9))
    if choice <= 3 and column != "id":
        if kind is ColumnKind.DATE:
            return draw(st.sampled_from(_DATES))
        if kind in _WORDS:
            return draw(st.sampled_from(_WORDS[kind]))
    if choice <= 5:
        return draw(st.sampled_from(_BEFORE)) + canary(column)
    if choice == 6:
        return draw(st.sampled_from(HOSTILE))
    if choice == 7:
        return draw(st.text(max_size=12))
    return canary(column) if kind is not ColumnKind.DATE else draw(st.sampled_from(_DATES))


_BEFORE: Final = ["", "Klacht ", "'", "<b>", "juf ", *HOSTILE]

#: Columns every generated register has (so most rows reach the checks).
CORE: Final = ("id", "received_on", "channel", "complainant_role", "subjects")


@st.composite
def records(draw: st.DrawFn) -> tuple[list[str], list[dict[str, str]]]:
    """A header (core columns, some others, maybe an unknown one) and rows of cells for it."""
    extra = draw(st.lists(st.sampled_from([n for n in NAMES if n not in CORE]), unique=True, max_size=10))
    header = [*CORE, *extra]
    if draw(st.booleans()):
        header.append(f"Opmerking {canary('header')}")  # a header that is no column, holding a name
    rows = []
    for index in range(draw(st.integers(0, 6))):
        row = {name: draw(good_cell(name)) for name in header}
        for name in draw(st.lists(st.sampled_from(header), max_size=2)):  # none, one or two bad cells
            row[name] = draw(cell(name))
        row["id"] = draw(st.sampled_from([f"K{index}", f"K{index} {canary('id')}", f"K{index}\x1b[2J"]))
        if draw(st.integers(0, 4)) == 0:
            row["received_on"] = draw(st.sampled_from(_DATES))
        rows.append(row)
    return header, rows


# --------------------------------------------------------------------------------------------------
# Register files
# --------------------------------------------------------------------------------------------------


def _csv_cell(value: str, delimiter: str) -> str:
    """``value`` written as a CSV cell (quoted when it must be)."""
    if any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_registers(draw: st.DrawFn) -> tuple[bytes, str]:
    """A CSV register as bytes, and a note of how it was damaged (for the failure report).

    Separators ``,`` ``;`` tab; UTF-8 (with or without BOM), Windows-1252 or UTF-16; a ``sep=`` line;
    CRLF line ends; and damage: a stray quote, a lone CR, a bad byte, a cut row, a truncated file.
    """
    header, rows = draw(records())
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [delimiter.join(_csv_cell(name, delimiter) for name in header)]
    lines += [delimiter.join(_csv_cell(row[name], delimiter) for name in header) for row in rows]
    if draw(st.booleans()):
        lines.insert(0, f"sep={delimiter}")
    damage = draw(st.sampled_from(["none", "quote", "cr", "byte", "cut", "blank", "truncate", "junk"]))
    at = draw(st.integers(1, max(1, len(lines) - 1)))
    if damage == "quote" and len(lines) > 1:
        lines[at] = lines[at] + delimiter + '"' + canary("location") + ","
    elif damage == "cr" and len(lines) > 1:
        lines[at] = lines[at].replace(delimiter, "\r", 1)
    elif damage == "cut" and len(lines) > 1:
        lines[at] = lines[at].rsplit(delimiter, 1)[0]
    elif damage == "blank":
        lines.insert(at, delimiter * draw(st.integers(0, 3)))
    elif damage == "junk":
        lines.insert(at, draw(st.text(max_size=30)).replace("\n", " ").replace("\r", " "))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    # cp1252 cannot hold every character (a '?' then); a lone surrogate becomes bytes no decoder takes.
    data = text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")
    if damage == "byte" and encoding != "utf-16":
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.sampled_from([b"\xff", b"\x81", b"\xc3", b"\xed\xa0\x80"])) + data[cut:]
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    return data, f"{damage}/{encoding}/{delimiter!r}"


_JSON_VALUES: Final = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=10,
)


@st.composite
def json_objects(draw: st.DrawFn) -> list[Any]:
    """Register rows as JSON values: objects of cells, objects with junk values, or no object at all."""
    _header, rows = draw(records())
    items: list[Any] = []
    for row in rows:
        shape = draw(st.integers(0, 5))
        if shape <= 2:
            items.append(row)
        elif shape == 3:  # a JSON value where a cell should be
            column = draw(st.sampled_from(sorted(row)))
            items.append({**row, column: draw(_JSON_VALUES)})
        elif shape == 4:
            items.append({**row, f"{canary('header')} Jansen": canary("header")})
        else:
            items.append(draw(_JSON_VALUES))
    return items


@st.composite
def jsonl_registers(draw: st.DrawFn) -> tuple[bytes, str]:
    """A JSON Lines register: rows as JSON, with blank, broken, too deep and repeated-key lines."""
    lines = [json.dumps(item) for item in draw(json_objects())]
    damage = draw(st.sampled_from(["none", "broken", "deep", "duplicate", "blank", "byte", "bom"]))
    at = draw(st.integers(0, len(lines)))
    if damage == "broken":
        lines.insert(at, '{"id": "K9", "location": "' + canary("location"))
    elif damage == "deep":
        lines.insert(at, '{"id": "K9", "measures": ' + "[" * 5000 + "]" * 5000 + "}")
    elif damage == "duplicate":
        lines.insert(at, f'{{"id": "K9", "{canary("header")}": 1, "{canary("header")}": 2}}')
    elif damage == "blank":
        lines.insert(at, "   ")
    data = ("\n".join(lines) + draw(st.sampled_from(["", "\n"]))).encode("utf-8", errors="surrogatepass")
    if damage == "byte":
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + b"\xff" + data[cut:]
    if damage == "bom":
        data = b"\xef\xbb\xbf" + data
    return data, damage


@st.composite
def json_registers(draw: st.DrawFn) -> tuple[bytes, str]:
    """A JSON register: an array of rows, or something that is not an array, or broken JSON."""
    items = draw(json_objects())
    damage = draw(st.sampled_from(["none", "none", "object", "broken", "deep", "scalar"]))
    if damage == "object":
        text = json.dumps({"rows": items})
    elif damage == "broken":
        text = json.dumps(items)[:-1]
    elif damage == "deep":
        text = json.dumps([*items, "[" * 3000 + "]" * 3000]).replace('"' + "[" * 3000, "[" * 3000, 1)
        text = text.replace("]" * 3000 + '"', "]" * 3000, 1)
    elif damage == "scalar":
        text = json.dumps(draw(_JSON_VALUES))
    else:
        text = json.dumps(items)
    return text.encode("utf-8", errors="surrogatepass"), damage


def physical_lines(data: bytes, encoding: str | None) -> int | None:
    """How many lines a text editor shows (LF ends a line; without any LF, CR does); None if unsure."""
    try:
        text = data.decode(encoding or "utf-8")
    except (UnicodeDecodeError, LookupError):
        return None
    text = text.removeprefix("\ufeff")
    if not text:
        return 0
    ends = "\n" if "\n" in text else "\r"
    return text.count(ends) + (0 if text.endswith(ends) else 1)


# --------------------------------------------------------------------------------------------------
# The CLI, in-process
# --------------------------------------------------------------------------------------------------

EXIT_CODES: Final = (0, 1, 2)


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """``klachtregels ARGS`` in this process: exit code, standard output, standard error.

    Holds for every run: no traceback, an exit code of 0, 1 or 2, and exit 2 comes with exactly
    one line on standard error (``klachtregels: error: ...`` or argparse's ``usage``).
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse: --help, --version, or a usage error
            code = exc.code if isinstance(exc.code, int) else 2
    stdout, stderr = out.getvalue(), err.getvalue()
    assert "Traceback" not in stdout + stderr, stderr
    assert code in EXIT_CODES, (code, stderr)
    if code == 2 and args and args[0] != "--help":
        assert stderr.count("\n") <= 3, stderr  # argparse: usage line(s) and one error line
        assert stderr.rstrip("\n").splitlines()[-1].startswith("klachtregels"), stderr
    return code, stdout, stderr


def assert_names_file(stderr: str, path: Path) -> None:
    """A one-line error about ``path`` names it."""
    assert path.name in stderr, stderr
    assert stderr.count("\n") == 1, stderr


# --------------------------------------------------------------------------------------------------
# Output validators
# --------------------------------------------------------------------------------------------------


@cache
def junit_schema() -> xmlschema.XMLSchema:
    """The JUnit XSD the tests validate against (tests/data/schemas/junit.xsd)."""
    return xmlschema.XMLSchema(SCHEMAS / "junit.xsd")


@cache
def sarif_validator() -> jsonschema.Draft4Validator:
    """The OASIS SARIF 2.1.0 schema (vendored in tests/data/schemas)."""
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def check_output_valid(fmt: str, out: str) -> None:
    """``out`` (a ``check`` output in ``fmt``) is valid for its format and writable as UTF-8."""
    out.encode("utf-8")
    assert not _SURROGATE.search(out), fmt
    if fmt == "junit":
        junit_schema().validate(out)
    elif fmt == "sarif":
        sarif_validator().validate(json.loads(out))
    elif fmt == "json":
        data = json.loads(out)
        summary = data["summary"]
        assert summary["rows_read"] == summary["rows_checked"] + summary["rows_rejected"], summary
    if fmt in ("text", "github", "junit"):
        assert not _CONTROL.search(out.replace("\r\n", "\n")), fmt


class _Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and whether any tag or attribute holds a canary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


#: Elements no report has by design: one of them in a report came from user text.
_FORBIDDEN_TAGS: Final = frozenset(
    {"script", "img", "iframe", "object", "embed", "math", "input", "form", "link", "base", "code"}
)
_RAW_USER_TAG: Final = re.compile(r"<b>\s*" + CANARY, re.IGNORECASE)


def parsed_tags(document: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The elements of an HTML document (start tags and their attributes)."""
    parser = _Elements()
    parser.feed(document)
    parser.close()
    return parser.tags


def assert_html_inert(document: str) -> None:
    """No element or attribute of ``document`` came from user text.

    User text holds ``<script>``, ``<img onerror=...>``, ``<b>`` before a canary and ``javascript:``
    links: none becomes an element or an attribute; no attribute holds a canary.
    """
    assert not _RAW_USER_TAG.search(document)
    # The annual report page's own script and its table's search box are the page's, not user text.
    from klachtregels.report._layout import script

    document = document.replace(f"<script>{script()}</script>", "", 1)
    for tag, attrs in parsed_tags(document):
        if not (tag == "input" and ("type", "search") in attrs):
            assert tag not in _FORBIDDEN_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert not leaked(name), (tag, name)
            assert value is None or not leaked(value), (tag, name)
            assert value is None or "javascript:" not in value.lower(), (tag, name)


def assert_markdown_inert(document: str) -> None:
    """The Markdown report, rendered as MkDocs does, has no element that came from user text."""
    import markdown

    rendered = markdown.markdown(document, extensions=["tables"])
    tags = parsed_tags(rendered)
    assert not {tag for tag, _ in tags} & (_FORBIDDEN_TAGS | {"a", "b"}), {tag for tag, _ in tags}
    assert sum(1 for tag, _ in tags if tag == "h1") <= 1
    for tag, attrs in tags:
        for name, value in attrs:
            assert value is None or not leaked(value), (tag, name)
    # A line break in user text ("Zon\n# kop") never starts a heading of its own.
    starts = [line.lstrip("#").strip() for line in document.splitlines() if line.startswith("#")]
    assert not any(start.startswith("kop") or start.lower().startswith(CANARY) for start in starts), starts


def report_output_valid(fmt: str, out: str) -> None:
    """``out`` (a report in ``fmt``) is valid and inert."""
    out.encode("utf-8")
    assert not _SURROGATE.search(out), fmt
    if fmt == "json":  # JSON escapes what it must (C0); DEL and C1 are valid JSON text
        json.loads(out)
        return
    assert not _CONTROL.search(out.replace("\r\n", "\n")), fmt
    if fmt == "html":
        assert_html_inert(out)
    else:
        assert_markdown_inert(out)
