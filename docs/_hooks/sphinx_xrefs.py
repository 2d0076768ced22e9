"""Griffe extension for the API reference: Sphinx-style roles in docstrings become cross-references.

The docstrings are written for an API reference with Sphinx roles (``:func:`~klachtregels.x.y```,
``:class:`Party```). mkdocstrings renders Markdown, so this extension rewrites each role, once the
package is loaded, into an *optional* mkdocs-autorefs reference: a link when the target is documented
on one of the API pages, plain code when it is not (a private helper, the standard library), never a
warning. Relative targets (``Party``, ``_check``) are resolved against the object, its parents and its
module, as Sphinx does. Configured in ``mkdocs.yml`` (``plugins.mkdocstrings...extensions``).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

#: ``:role:`target``` with an optional ``~`` (show the last component only) and ``()``.
ROLE = re.compile(
    r":(?:py:)?(?:func|class|meth|attr|mod|data|exc|obj|const):`(?P<tilde>~?)(?P<target>[^`]+)`"
)


def _resolve(obj: griffe.Object, target: str) -> str:
    """The full dotted path of ``target`` as seen from ``obj`` (itself when it cannot be resolved)."""
    head = target.split(".", 1)[0]
    scope: griffe.Object | None = obj
    while scope is not None:
        if head in scope.members:
            return f"{scope.path}.{target}"
        if scope.path == target or target.startswith(scope.path + "."):
            return target
        scope = scope.parent
    return target


def convert(obj: griffe.Object, text: str) -> str:
    """``text`` with every Sphinx role replaced by an optional autorefs cross-reference."""

    def repl(match: re.Match[str]) -> str:
        target = match["target"].strip().removesuffix("()")
        full = _resolve(obj, target)
        shown = target.rsplit(".", 1)[-1] if match["tilde"] else target
        return (
            f'<autoref identifier="{html.escape(full)}" optional><code>{html.escape(shown)}</code></autoref>'
        )

    return ROLE.sub(repl, text)


class SphinxCrossReferences(griffe.Extension):
    """Rewrite the roles of every docstring in a loaded package."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Walk the package once it is loaded (every member is known, so relative names resolve)."""
        self._walk(pkg, seen=set())

    def _walk(self, obj: griffe.Object, seen: set[str]) -> None:
        if obj.path in seen:
            return
        seen.add(obj.path)
        if obj.docstring is not None:
            obj.docstring.value = convert(obj, obj.docstring.value)
        for member in obj.members.values():
            if not member.is_alias:
                self._walk(member, seen)  # type: ignore[arg-type]
