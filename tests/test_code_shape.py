"""Issue 8's limit on function length: no function in ``src/klachtregels`` longer than about 60
lines without a comment saying why.

A function's length here is its body without its docstring (the signature and the docstring
document, they are not what makes a function hard to follow). A longer function must be marked by a
comment directly above it (or above its decorators) that starts with ``# Over 60 lines`` and says
why; a marked function must really be longer than 60 lines, signature and docstring included, so a
mark cannot outlive the reason for it. Complexity (15) and statements (60) are ruff's C901 and
PLR0915 (``pyproject.toml``).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Final

import pytest

SRC: Final = Path(__file__).resolve().parents[1] / "src" / "klachtregels"
LIMIT: Final = 60
MARK: Final = "# Over 60 lines"

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _functions(tree: ast.AST) -> list[Function]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def _body_lines(node: Function) -> int:
    """Lines of the body, without the docstring."""
    body = node.body
    first = body[0]
    if (
        len(body) > 1
        and isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        first = body[1]
    assert node.end_lineno is not None
    return node.end_lineno - first.lineno + 1


def _marked(lines: list[str], node: Function) -> bool:
    """Whether the comment block directly above the function (or its first decorator) starts with
    the mark."""
    index = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 2
    block = []
    while index >= 0 and lines[index].strip().startswith("#"):
        block.append(lines[index].strip())
        index -= 1
    return bool(block) and block[-1].startswith(MARK)


def _shape(path: Path, root: Path = SRC.parent) -> tuple[list[str], list[str]]:
    """(functions too long and unmarked, marks on functions that are not long), named by their
    path relative to ``root``, line and name."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    unmarked, stale = [], []
    for node in _functions(ast.parse(text)):
        where = f"{path.relative_to(root)}:{node.lineno} {node.name}"
        marked = _marked(lines, node)
        assert node.end_lineno is not None
        if _body_lines(node) > LIMIT and not marked:
            unmarked.append(f"{where} ({_body_lines(node)} lines)")
        if marked and node.end_lineno - node.lineno + 1 <= LIMIT:
            stale.append(where)
    return unmarked, stale


MODULES: Final = sorted(SRC.rglob("*.py"))


def test_the_source_tree_is_found() -> None:
    assert len(MODULES) > 50
    assert SRC / "decisions.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_unexplained_long_function(path: Path) -> None:
    unmarked, stale = _shape(path)
    assert unmarked == [], f"over {LIMIT} lines without a '{MARK} ...' comment saying why"
    assert stale == [], f"'{MARK}' on a function of {LIMIT} lines or fewer"


def test_the_measure_counts_the_body_and_honours_the_mark(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT + 1))
    long = f'def f():\n    """Doc."""\n{body}\n'
    short = 'def g():\n    """Doc."""\n    return 1\n'
    functions = _functions(ast.parse(long + short))
    assert [_body_lines(f) for f in functions] == [LIMIT + 1, 1]
    module = tmp_path / "m.py"
    for text, expected in [
        (long, ([f"m.py:1 f ({LIMIT + 1} lines)"], [])),
        (f"{MARK}: a flat table.\n{long}", ([], [])),
        (f"{MARK}: stale.\n{short}", ([], ["m.py:2 g"])),
        (f"{MARK}: decorated.\n@decorator\n{long}", ([], [])),
        (f"{MARK}, the reason\n# on two lines.\n{long}", ([], [])),
        (f"# A comment first.\n{MARK}, then the mark.\n{long}", ([f"m.py:3 f ({LIMIT + 1} lines)"], [])),
    ]:
        module.write_text(text, encoding="utf-8")
        unmarked, stale = _shape(module, tmp_path)
        assert (unmarked, stale) == expected
