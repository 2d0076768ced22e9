"""The API reference (docs/api) documents every public name of ``klachtregels.__all__``."""

from __future__ import annotations

import importlib
import re

from docs_helpers import DOCS

import klachtregels

_DIRECTIVE = re.compile(r"^::: ([\w.]+)\s*$", re.MULTILINE)


def _documented_modules() -> list[str]:
    return [
        m for page in sorted((DOCS / "api").glob("*.md")) for m in _DIRECTIVE.findall(page.read_text("utf-8"))
    ]


def test_every_public_name_is_on_an_api_page() -> None:
    documented: set[int] = set()
    for name in _documented_modules():
        module = importlib.import_module(name)
        public = getattr(module, "__all__", [n for n in vars(module) if not n.startswith("_")])
        documented |= {id(getattr(module, member)) for member in public}
    missing = [
        n
        for n in klachtregels.__all__
        if n != "__version__" and id(getattr(klachtregels, n)) not in documented
    ]
    assert missing == [], "not in any module that docs/api renders (add the module to a page)"


def test_every_api_page_is_in_the_navigation() -> None:
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((DOCS / "api").glob("*.md")):
        assert f"api/{page.name}" in nav, page.name
