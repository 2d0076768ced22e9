"""Regenerate docs/rules.md from the rule engine (the page is never edited by hand).

    python scripts/gen_rules_doc.py

tests/test_examples_rules.py fails when the committed page differs from this output.
"""

from __future__ import annotations

from pathlib import Path

from klachtregels.rules.catalogue import render_rules

PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

if __name__ == "__main__":
    PAGE.write_text(render_rules("md", "en"), encoding="utf-8")
    print(f"wrote {PAGE}")
