"""Write and execute ``docs/notebooks/partou-2025.ipynb``, the tutorial notebook (issue 12 item 5).

Run from the repository root after changing a cell (needs the ``pandas`` extra, nbclient, ipykernel
and matplotlib)::

    python scripts/build_tutorial_notebook.py

The cells are kept here, as code, so a review sees them as text; the notebook is written with its
outputs (the docs show them) and ``tests/test_notebook.py`` executes it again.
"""

from __future__ import annotations

import pathlib

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "partou-2025.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        "# Tutorial: the Partou 2025 register in a notebook\n\n"
        "From loading Partou's 2025 complaint register to per-location counts, categories, the annual "
        "report and a plot. Partou published the register with its 2025 klachtenverslag; it is in the "
        "repository under `tests/data/partou/`. Run from the repository root with "
        '`pip install -e ".[pandas]" matplotlib`. '
        "See [Notebooks and many complaints](../notebooks.md) for everything used here.",
    ),
    (
        "code",
        "import pandas as pd\n\n"
        "import klachtregels as kr\n"
        "from klachtregels import bulk\n\n"
        'DATA = "tests/data/partou"',
    ),
    (
        "markdown",
        "## Loading the register\n\n"
        "The built-in mapping `partou` names Partou's columns. The result shows briefly:",
    ),
    (
        "code",
        'register = kr.read_register_all(f"{DATA}/partou_klachten_2025.csv", mapping="partou")\nregister',
    ),
    ("markdown", "One row per complaint, flat columns:"),
    (
        "code",
        "frame = register.to_pandas()\n"
        'frame[["row", "complaint.location", "complaint.organisation", "complaint.category", '
        '"judgement.verdict"]].head()',
    ),
    ("markdown", "## Complaints per location"),
    (
        "code",
        'per_location = frame.groupby("complaint.location").size().sort_values(ascending=False)\n'
        'print(len(per_location), "location names")\n'
        "per_location.head(10)",
    ),
    (
        "markdown",
        "Some of those names are one location spelt twice. `similar_locations` groups them and says why; "
        "the mapping it suggests is for review, not applied silently:",
    ),
    (
        "code",
        "groups = bulk.similar_locations(register.records)\n"
        "pd.DataFrame(\n"
        '    [(g.canonical, " / ".join(f"{name} ({n})" for name, n in g.spellings), ", ".join(g.reasons)) '
        "for g in groups],\n"
        '    columns=["suggested", "spellings", "why"],\n'
        ")",
    ),
    (
        "code",
        "mapping = bulk.suggested_mapping(groups)  # reviewed: every pair is one location\n"
        "records = list(bulk.rename_locations(register.records, mapping))\n"
        "def names(rs):\n"
        "    return {r.complaint.location for r in rs if r.complaint.location}\n\n\n"
        'print(len(names(register.records)), "names before,", len(names(records)), "after")',
    ),
    ("markdown", "## Categories"),
    ("code", 'frame["complaint.category"].value_counts()'),
    (
        "markdown",
        "## The annual report\n\n"
        "Built from the renamed records, with Partou's organisation file and its Geschillencommissie cases. "
        "Its tables come out as DataFrames:",
    ),
    (
        "code",
        "report = kr.build_report(\n"
        "    records,\n"
        "    year=2025,\n"
        '    organisation=kr.load_organisation("examples/partou-2025/organisation.toml"),\n'
        "    gck_cases=kr.read_gck_cases(\n"
        '        f"{DATA}/partou_geschillen_2025.csv", mapping="partou_geschillen"\n'
        "    ),\n"
        "    undated_in_year=True,\n"
        "    rows_read=register.summary.rows_read,\n"
        "    rejected=register.errors,\n"
        ")\n"
        "tables = bulk.report_tables(report)\n"
        'tables["summary"]',
    ),
    ("code", 'tables["categories"]'),
    ("code", 'tables["locations"].sort_values("total", ascending=False).head(10)'),
    ("code", 'tables["gck_outcomes"]'),
    ("markdown", "## A plot\n\nComplaints per category, split by verdict:"),
    (
        "code",
        'categories = tables["categories"].set_index("category").sort_values("total")\n'
        'axes = categories[["gegrond", "deels_gegrond", "ongegrond", "verdict_unknown"]].plot.barh(\n'
        '    stacked=True, figsize=(8, 6), title="Partou 2025: complaints per category"\n'
        ")\n"
        'axes.set_xlabel("complaints");',
    ),
    (
        "markdown",
        'The same report renders as Markdown, HTML or JSON with `kr.render_report(report, "html", "nl")` '
        "(see [Annual report](../report.md)).",
    ),
]


def build() -> nbformat.NotebookNode:
    """The notebook, unexecuted."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    make = {"markdown": nbformat.v4.new_markdown_cell, "code": nbformat.v4.new_code_cell}
    notebook.cells = [make[kind](source) for kind, source in CELLS]
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: a rebuild changes only what changed
    return notebook


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell from the repository root (raises on the first cell that fails)."""
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    return notebook


def main() -> None:
    """Build, execute and write the notebook."""
    notebook = execute(build())
    NOTEBOOK.parent.mkdir(exist_ok=True)
    nbformat.write(notebook, NOTEBOOK)
    print(f"wrote {NOTEBOOK.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
