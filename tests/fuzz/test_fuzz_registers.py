"""Fuzz: registers of any shape through the API and the command line (issue 9, items 1-4 and 8).

CSV (``,`` ``;`` tab; UTF-8, BOM, Windows-1252, UTF-16; ``sep=``; stray quotes, lone CRs, bad
bytes, cut rows, junk lines, truncated files), JSON Lines and JSON arrays, built from near-valid
rows, junk values and a canary in every cell. For every input:

* no exception but :class:`~klachtregels.errors.KlachtregelsError` from the API, and from the
  command line no traceback, exit 0/1/2, and exit 2 is one line naming the file;
* rows balance: ``rows_read == rows_ok + rows_rejected`` in the reader, ``rows_read ==
  rows_checked + rows_rejected`` in ``check``, records + rejected rows in the report, and every
  physical line is a header, blank or row line (``lines_read``);
* every output is valid for its format, and no canary appears where the output does not show
  that column by design.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import TYPE_CHECKING

import fuzz_helpers as fz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klachtregels.compliance import check_register
from klachtregels.errors import KlachtregelsError, RegisterError
from klachtregels.register import read_register, read_register_all
from klachtregels.report import build_report, render

if TYPE_CHECKING:
    from pathlib import Path

    from klachtregels.register import RegisterResult

_EXTENSION = {"csv": ".csv", "jsonl": ".jsonl", "json": ".json"}
_REGISTERS = {"csv": fz.csv_registers(), "jsonl": fz.jsonl_registers(), "json": fz.json_registers()}
_ANY_REGISTER = st.sampled_from(sorted(_REGISTERS)).flatmap(
    lambda fmt: _REGISTERS[fmt].map(lambda made: (fmt, *made))
)
#: Shown by the report with --include-descriptions (redacted; a canary is no name the redactor knows).
_DESCRIPTIONS = frozenset({"description", "judgement_summary", "measure_description"})


def _write(directory: Path, fmt: str, data: bytes) -> Path:
    path = directory / f"register{_EXTENSION[fmt]}"
    path.write_bytes(data)
    return path


def _assert_read_balances(result: RegisterResult, fmt: str, data: bytes) -> None:
    """The reader's accounting: rows, distinct rejected rows and physical lines."""
    summary = result.summary
    assert summary.balanced
    assert summary.rows_read == summary.rows_ok + summary.rows_rejected
    assert len(result.records) == summary.rows_ok
    assert len({error.row for error in result.errors}) == summary.rows_rejected
    assert summary.complete
    if fmt != "json" and summary.encoding in (None, "utf-8", "utf-8-sig", "cp1252"):
        lines = fz.physical_lines(data, summary.encoding)
        if lines is not None and b"\r" not in data.replace(b"\r\n", b""):
            assert summary.lines_read == lines, (summary.lines_read, lines)
        if summary.lines_read is not None:
            assert summary.rows_read + summary.skipped_blank_lines <= summary.lines_read


def _messages(result: RegisterResult) -> str:
    texts = [error.describe(lang) for error in result.errors for lang in ("nl", "en")]
    return "\n".join([*texts, result.summary.accounting("nl"), result.summary.accounting("en")])


@fz.fuzz(2.0)
@given(register=_ANY_REGISTER)
def test_read_register_any_bytes(register: tuple[str, bytes, str]) -> None:
    """The reader: a typed error for an unreadable file, else rows that balance and no value shown."""
    fz.count("register: read_register (API)")
    fmt, data, _damage = register
    try:
        result = read_register_all(io.BytesIO(data), format=fmt)
    except RegisterError as exc:
        error = str(exc)
    else:
        _assert_read_balances(result, fmt, data)
        error = _messages(result)
    assert not fz.leaked(error), error


@fz.fuzz(1.0)
@given(register=_ANY_REGISTER, as_of=st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)))
def test_check_and_report_api(
    register: tuple[str, bytes, str], as_of: dt.date, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``check_register`` and ``build_report``: typed errors only; rows balance in both."""
    fz.count("register: check_register + build_report (API)")
    fmt, data, _damage = register
    path = _write(tmp_path_factory.mktemp("api"), fmt, data)
    try:
        result = check_register(path, as_of=as_of)
    except KlachtregelsError:
        with pytest.raises(KlachtregelsError):
            read_register_all(path)  # only an unreadable file fails the whole check
        return
    summary = result.summary
    assert summary.rows_read == summary.rows_checked + summary.rows_rejected
    reader = read_register(path)
    report = build_report(reader, year=as_of.year)
    quality = report.data_quality
    assert quality.rows_read == reader.summary.rows_read == summary.rows_read
    assert quality.records + len({r.row for r in quality.rejected}) == quality.rows_read
    for fmt_out in ("md", "html", "json"):
        fz.report_output_valid(fmt_out, render(report, fmt_out, lang="en"))


_CHECK_AS_OF = st.sampled_from(["2025-06-01", "2025-12-31", "2026-03-01", "2999-12-31", "1900-01-01"])
_READING = st.sampled_from(
    [[], [], ["--encoding", "cp1252"], ["--delimiter", ";"], ["--encoding", "utf-16"], ["--delimiter", "\t"]]
)


def _org(directory: Path, name: str) -> Path:
    """An organisation file named ``name`` (shown by check and report by design)."""
    source = (fz.ROOT / "examples" / "organisation.toml").read_text(encoding="utf-8")
    path = directory / "org.toml"
    quoted = json.dumps(name)  # a JSON string of BMP text is a TOML basic string
    path.write_text(source.replace('"Kinderopvang De Voorbeeldtuin B.V."', quoted, 1), encoding="utf-8")
    return path


@fz.fuzz(1.0)
@given(register=_ANY_REGISTER, as_of=_CHECK_AS_OF, reading=_READING, with_org=st.booleans())
def test_check_cli_every_format(
    register: tuple[str, bytes, str],
    as_of: str,
    reading: list[str],
    with_org: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """``klachtregels check`` in every format: valid output, balanced summary, no canary but the id."""
    fz.count("register: klachtregels check, 5 formats (CLI)")
    fmt, data, _damage = register
    directory = tmp_path_factory.mktemp("check")
    path = _write(directory, fmt, data)
    org = ["--org", str(_org(directory, f"Zon <b>{fz.CANARY}zz</b>"))] if with_org else []
    for out_fmt in ("text", "json", "junit", "sarif", "github"):
        code, out, err = fz.run_cli(
            ["check", str(path), "--as-of", as_of, "--format", out_fmt, *reading, *org]
        )
        assert fz.leaked(out + err) <= fz.SHOWN_BY_CHECK | {"?zz"}, (out_fmt, fz.leaked(out + err))
        if code == 2:
            fz.assert_names_file(err, path)
            continue
        assert err == ""
        fz.check_output_valid(out_fmt, out)


@fz.fuzz(1.0)
@given(
    register=_ANY_REGISTER,
    year=st.sampled_from(["2025", "2024", "2026"]),
    descriptions=st.booleans(),
    lang=st.sampled_from(["nl", "en"]),
)
def test_report_cli_every_format(
    register: tuple[str, bytes, str],
    year: str,
    descriptions: bool,
    lang: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """``klachtregels report`` in every format: valid, inert, no canary but the published names."""
    fz.count("register: klachtregels report, 3 formats (CLI)")
    fmt, data, _damage = register
    directory = tmp_path_factory.mktemp("report")
    path = _write(directory, fmt, data)
    org = str(_org(directory, f"Zon\n# kop <img src=x onerror=alert(1)> {fz.CANARY}zz"))
    extra = ["--include-descriptions"] if descriptions else []
    allowed = fz.SHOWN_BY_REPORT | {"?zz"} | (_DESCRIPTIONS if descriptions else frozenset())
    for out_fmt in ("md", "html", "json"):
        args = ["report", str(path), "--year", year, "--format", out_fmt, "--lang", lang, "--org", org]
        code, out, err = fz.run_cli([*args, *extra])
        assert fz.leaked(out + err) <= allowed, (out_fmt, fz.leaked(out + err))
        if code == 2:
            fz.assert_names_file(err, path)
            continue
        fz.report_output_valid(out_fmt, out)


@fz.fuzz(0.5)
@given(this=_ANY_REGISTER, previous=_ANY_REGISTER)
def test_report_previous_register_is_accounted(
    this: tuple[str, bytes, str], previous: tuple[str, bytes, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``report --previous``: the previous register's rows are accounted too, and show no canary."""
    fz.count("register: klachtregels report --previous (CLI)")
    directory = tmp_path_factory.mktemp("previous")
    current = _write(directory, this[0], this[1])
    (directory / "old").mkdir()
    old = _write(directory / "old", previous[0], previous[1])
    code, out, err = fz.run_cli(["report", str(current), "--year", "2025", "--previous", str(old)])
    assert fz.leaked(out + err) <= fz.SHOWN_BY_REPORT, fz.leaked(out + err)
    if code != 2:
        fz.report_output_valid("md", out)
        try:
            summary = read_register_all(old).summary
        except RegisterError:
            return
        assert summary.balanced
