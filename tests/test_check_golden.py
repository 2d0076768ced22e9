"""``klachtregels check``'s outputs are byte-identical to golden files written before the check was
made faster (issue 8, performance).

The golden files in ``tests/data/check_golden/`` were written by the check as it was before its
projection and its text and JSON writers were reworked; every later change must give the same bytes
for text (Dutch and English), JSON, SARIF and JUnit, with the statutory policy and with a house
policy and an organisation file, on the example register, and for text and JUnit on 200
generated rows (``benchmarks/bench_register.py``). The SARIF and JUnit files were written before their
writers made what depends on a finding id or check id once (2026-12-02).
The library's version is written as ``{version}``. After a deliberate change of the output, rewrite
them with::

    KLACHTREGELS_WRITE_GOLDEN=1 pytest tests/test_check_golden.py
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from klachtregels._version import __version__
from klachtregels.cli import main

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "data" / "check_golden"
WRITE = os.environ.get("KLACHTREGELS_WRITE_GOLDEN") == "1"
AS_OF = ("--as-of", "2026-05-07", "--fail-on", "never")
HOUSE = ("--policy", "examples/policy.toml", "--org", "examples/organisation.toml")

CASES = {
    "example.nl.txt": ("examples/register.csv", "--format", "text", "--lang", "nl"),
    "example.house.en.txt": ("examples/register.csv", "--format", "text", "--lang", "en", *HOUSE),
    "example.json": ("examples/register.csv", "--format", "json"),
    "example.house.json": ("examples/register.csv", "--format", "json", *HOUSE),
    "generated.nl.txt": ("{generated}", "--format", "text", "--lang", "nl"),
    "example.sarif": ("examples/register.csv", "--format", "sarif"),
    "example.house.en.sarif": ("examples/register.csv", "--format", "sarif", "--lang", "en", *HOUSE),
    "example.junit.xml": ("examples/register.csv", "--format", "junit"),
    "example.house.en.junit.xml": ("examples/register.csv", "--format", "junit", "--lang", "en", *HOUSE),
    "generated.junit.xml": ("{generated}", "--format", "junit", "--strict"),
}


def _generated(path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_register", ROOT / "benchmarks" / "bench_register.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_register(path, 200)


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_output_is_byte_identical_to_its_golden_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)  # the register's path as given is part of the output
    generated = tmp_path / "generated.csv"
    _generated(generated)
    out = tmp_path / "out"
    args = [arg.format(generated="generated.csv") for arg in CASES[name]]
    if args[0] == "generated.csv":
        monkeypatch.chdir(tmp_path)
        args = [arg if not arg.startswith("examples/") else str(ROOT / arg) for arg in args]
    assert main(["check", *args, *AS_OF, "--no-config", "--output", str(out)]) == 0
    capsys.readouterr()
    text = out.read_text(encoding="utf-8").replace(__version__, "{version}").replace(str(ROOT) + os.sep, "")
    golden = GOLDEN / name
    if WRITE:
        golden.write_text(text, encoding="utf-8", newline="")
    assert text == golden.read_text(encoding="utf-8"), f"{name}: differs from its golden file"
