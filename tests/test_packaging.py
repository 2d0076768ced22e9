"""Packaging (issue 11 points 1-3): license, one version, what the sdist and wheel hold and leave out.

The archives are built with hatchling's own builders (the build backend, no network), then listed.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import re
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import klachtregels

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SDIST = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]
#: Folders that hold documents written by others (each has a README naming the source).
THIRD_PARTY_DIRS = ("tests/data/partou", "tests/data/seeds")


def test_license_is_apache_2_in_the_metadata_and_the_file() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "Apache-2.0"
    assert project["license-files"] == ["LICENSE"]
    assert not any(c.startswith("License ::") for c in project["classifiers"]), "PEP 639: SPDX only"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text
    assert "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text


def test_one_source_for_the_version() -> None:
    """``_version.py`` is the only place; hatch reads it and the installed metadata agrees."""
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/klachtregels/_version.py"
    assert "version" not in PYPROJECT["project"]
    assert importlib.metadata.version("klachtregels") == klachtregels.__version__


def test_lower_bounds_are_declared_for_every_dependency() -> None:
    """Each runtime dependency has a tested lower bound (.ci/run installs exactly those) and no cap."""
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert ">=" in requirement, requirement
        assert "<" not in requirement.replace(">=", ""), f"{requirement}: an upper bound needs a known break"
    holidays = next(r for r in PYPROJECT["project"]["dependencies"] if r.startswith("holidays"))
    # 0.60-0.99 call Whit Sunday 'Whit Sunday', which the calendar refuses (fail closed).
    assert holidays == "holidays>=0.100"


def _third_party_files() -> list[str]:
    return sorted(
        p.relative_to(ROOT).as_posix()
        for folder in THIRD_PARTY_DIRS
        for p in (ROOT / folder).iterdir()
        if p.name != "README.md"
    )


def test_every_third_party_folder_says_where_its_files_come_from() -> None:
    for folder in THIRD_PARTY_DIRS:
        readme = (ROOT / folder / "README.md").read_text(encoding="utf-8")
        assert "sha256" in readme
        assert "not distributed" in readme, f"{folder}/README.md must say it stays out of the sdist"


def test_sdist_excludes_match_every_third_party_file() -> None:
    files = _third_party_files()
    if not files:
        pytest.skip("third-party data not here (an unpacked sdist)")
    for name in files:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in SDIST["exclude"]), name


def test_conftest_skips_every_test_module_that_reads_third_party_data() -> None:
    """A test that opens tests/data/partou or tests/data/seeds must be in conftest's table, or it would
    fail in the unpacked sdist instead of skipping."""
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    table = ast.literal_eval(
        re.search(r"THIRD_PARTY_DATA: .*? = (\{.*?\n\})", conftest, re.DOTALL)[1]  # type: ignore[index]
        .replace("_PARTOU", "'partou'")
        .replace("_SEEDS", "'seeds'")
    )
    listed = {module for module, _part in table}
    readers = {
        path.relative_to(ROOT / "tests").as_posix()
        for path in (ROOT / "tests").rglob("test_*.py")
        if path.name != "test_packaging.py"
        and re.search(
            r'"data" / "(partou|seeds)"|data/(partou|seeds)/|PARTOU\b', path.read_text(encoding="utf-8")
        )
    }
    assert readers <= listed


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """The member names of the sdist (without its top folder) and of the wheel."""
    sdist_builder = pytest.importorskip("hatchling.builders.sdist")
    wheel_builder = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("dist")
    (sdist,) = sdist_builder.SdistBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    (wheel,) = wheel_builder.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    with tarfile.open(sdist) as tar:
        sdist_names = [name.split("/", 1)[1] for name in tar.getnames() if "/" in name]
    with zipfile.ZipFile(wheel) as whl:
        wheel_names = whl.namelist()
    return sdist_names, wheel_names


def test_sdist_holds_what_the_tests_need(archives: tuple[list[str], list[str]]) -> None:
    sdist, _ = archives
    for needed in (
        "LICENSE",
        "README.md",
        "pyproject.toml",
        ".pre-commit-hooks.yaml",
        "scripts/gen_rules_doc.py",
        "tests/conftest.py",
        "examples/register.csv",
        "docs/rules.md",
        "tests/data/schemas/sarif-schema-2.1.0.json",
        "tests/data/partou/README.md",
        "tests/data/seeds/README.md",
    ):
        assert needed in sdist, needed


def test_no_third_party_document_is_distributed(archives: tuple[list[str], list[str]]) -> None:
    sdist, wheel = archives
    for name in sdist:
        assert not any(fnmatch.fnmatch(name, pattern) for pattern in SDIST["exclude"]), name
    third_party = [n for n in sdist + wheel if n.startswith(THIRD_PARTY_DIRS) and not n.endswith("README.md")]
    assert third_party == []
    assert not any("partou_klachten" in name for name in sdist + wheel)


def test_wheel_carries_the_license_and_the_package_data(archives: tuple[list[str], list[str]]) -> None:
    _, wheel = archives
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in wheel)
    for data in (
        "klachtregels/py.typed",
        "klachtregels/messages/rule_pages.toml",
        "klachtregels/messages/index.json",
        "klachtregels/data/",
    ):
        assert any(name.startswith(data) for name in wheel), data
    assert not any(name.startswith(("tests/", "docs/", "examples/")) for name in wheel)
