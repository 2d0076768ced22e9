"""The rendered reports are byte-identical to golden files written before the report streamed (issue 9).

The golden files in ``tests/data/report_golden/`` were rendered by the report as it was when it kept
every record in memory; the streaming computation must give the same bytes for every format and
language, with and without descriptions, with a previous year's register, a Geschillencommissie file,
an organisation file and a synthetic register of 2,000 rows from ``benchmarks/bench_register.py``.
After a deliberate change of the report's output, rewrite them with::

    KLACHTREGELS_WRITE_GOLDEN=1 pytest tests/test_report_golden.py
"""

from __future__ import annotations

import importlib.util
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klachtregels.organisation import load_organisation
from klachtregels.register import read_gck_cases, read_register
from klachtregels.report import build_report, render, write_report

if TYPE_CHECKING:
    from collections.abc import Callable

    from klachtregels.report import AnnualReport

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "data" / "report_golden"
PARTOU = Path(__file__).parent / "data" / "partou"
WRITE = os.environ.get("KLACHTREGELS_WRITE_GOLDEN") == "1"


def _bench_register(path: Path, rows: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_register", ROOT / "benchmarks" / "bench_register.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_register(path, rows)


def _golden(tmp: Path) -> AnnualReport:
    return build_report(
        read_register(GOLDEN / "register.csv"),
        year=2025,
        organisation=load_organisation(GOLDEN / "organisation.toml"),
        previous=read_register(GOLDEN / "previous.csv"),
        include_descriptions=True,
    )


def _golden_plain(tmp: Path) -> AnnualReport:
    return build_report(read_register(GOLDEN / "register.csv"), year=2025, undated_in_year=True, previous=2)


def _partou(tmp: Path) -> AnnualReport:
    return build_report(
        read_register(PARTOU / "partou_klachten_2025.csv", mapping="partou"),
        year=2025,
        organisation=load_organisation(ROOT / "examples" / "partou-2025" / "organisation.toml"),
        gck_cases=read_gck_cases(PARTOU / "partou_geschillen_2025.csv", mapping="partou_geschillen"),
        undated_in_year=True,
        include_descriptions=True,
        previous=538,
    )


def _generated(tmp: Path) -> AnnualReport:
    path = tmp / "generated.csv"
    _bench_register(path, 2000)
    return build_report(
        read_register(path), year=2025, previous=read_register(path), include_descriptions=False
    )


BUILDS: dict[str, Callable[[Path], AnnualReport]] = {
    "golden": _golden,
    "golden-plain": _golden_plain,
    "partou": _partou,
    "generated": _generated,
}
ALL = [("md", "nl"), ("md", "en"), ("html", "nl"), ("json", "nl"), ("json", "en")]
#: Every format and language for the small registers; the large ones once per format (smaller files).
OUTPUTS = {
    "golden": ALL,
    "golden-plain": ALL,
    "partou": [("md", "nl"), ("json", "nl")],
    "generated": [("md", "nl"), ("html", "en"), ("json", "nl")],
}
CASES = [
    pytest.param(name, fmt, lang, id=f"{name}.{lang}.{fmt}")
    for name, outputs in OUTPUTS.items()
    for fmt, lang in outputs
]


def _without_version(text: str) -> str:
    # The library version changes with every release; everything else must be the same bytes.
    from klachtregels._version import __version__

    return text.replace(__version__, "VERSION")


@pytest.mark.parametrize(("name", "fmt", "lang"), CASES)
def test_report_matches_golden(name: str, fmt: str, lang: str, tmp_path: Path) -> None:
    rendered = _without_version(render(BUILDS[name](tmp_path), fmt, lang))
    golden = GOLDEN / f"{name}.{lang}.{fmt}"
    if WRITE:
        golden.write_bytes(rendered.encode("utf-8"))
    assert rendered == golden.read_bytes().decode("utf-8"), f"{golden.name} differs"


@pytest.mark.parametrize(("name", "fmt", "lang"), CASES)
def test_written_report_is_the_rendered_one(name: str, fmt: str, lang: str, tmp_path: Path) -> None:
    # write_report (what the command line uses) streams JSON in pieces: the same text as render.
    report = BUILDS[name](tmp_path)
    stream = io.StringIO()
    write_report(report, stream, fmt, lang)
    assert stream.getvalue() == render(report, fmt, lang)
