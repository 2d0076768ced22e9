"""The public face: every name in ``klachtregels.__all__`` resolves, and the static and lazy views agree."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import klachtregels

INIT = Path(klachtregels.__file__)


def _type_checking_names() -> set[str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                names.update(alias.asname or alias.name for alias in stmt.names)
    return names


def test_all_is_sorted_and_matches_the_static_imports() -> None:
    assert klachtregels.__all__ == sorted([*klachtregels._EXPORTS, "__version__"])
    assert set(klachtregels.__all__) - {"__version__"} == _type_checking_names()


@pytest.mark.parametrize("name", [n for n in klachtregels.__all__ if n != "__version__"])
def test_every_public_name_resolves_to_its_module_object(name: str) -> None:
    value = getattr(klachtregels, name)
    module, _, attribute = klachtregels._EXPORTS[name].partition(":")
    assert value is getattr(importlib.import_module(module), attribute or name)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        _ = klachtregels.no_such_thing  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("module", "prefixes", "loaded"),
    [
        # `import klachtregels` must not pull in the calendar, the rules, the holidays package or an
        # optional extra's package (weasyprint: the pdf extra).
        ("klachtregels", ("klachtregels.", "holidays", "weasyprint"), ["klachtregels._version"]),
        # The strategies read the eligibility rule's set (R4) when one is built, not at import.
        ("klachtregels.testing", ("klachtregels.rules", "klachtregels.engine"), []),
    ],
)
def test_import_is_lazy(module: str, prefixes: tuple[str, ...], loaded: list[str]) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == repr(loaded)


def test_py_typed_marker_ships() -> None:
    assert (INIT.parent / "py.typed").is_file()
