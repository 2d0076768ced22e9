"""The tutorial notebook (docs/notebooks/partou-2025.ipynb) runs, and is the one the script writes."""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "partou-2025.ipynb"
DATA = ROOT / "tests" / "data" / "partou" / "partou_klachten_2025.csv"

for _module in ("nbformat", "nbclient", "ipykernel", "pandas", "matplotlib"):
    pytest.importorskip(_module)
if not DATA.exists():  # third-party data is not in the sdist
    pytest.skip("the Partou register is not here", allow_module_level=True)

import nbformat  # noqa: E402


def load_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_tutorial_notebook", ROOT / "scripts" / "build_tutorial_notebook.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_stored_notebook_is_the_one_the_script_writes() -> None:
    script = load_script()
    stored = nbformat.read(NOTEBOOK, as_version=4)
    built = script.build()  # type: ignore[attr-defined]
    assert [(c.cell_type, c.source) for c in stored.cells] == [(c.cell_type, c.source) for c in built.cells]
    code = [c for c in stored.cells if c.cell_type == "code"]
    assert all(c.outputs or c.source.startswith("import") for c in code)  # stored executed


def test_the_notebook_runs() -> None:
    script = load_script()
    notebook = script.execute(nbformat.read(NOTEBOOK, as_version=4))  # type: ignore[attr-defined]
    errors = [
        o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    texts = [o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert any(t.startswith("311 location names") for t in texts)
    assert any("names before," in t for t in texts)
    images = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 1  # the plot
