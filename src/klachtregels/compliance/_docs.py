"""Generate the check reference in ``docs/compliance.md`` from the catalogue.

Run ``python -m klachtregels.compliance._docs docs/compliance.md`` after changing
``compliance/data/checks.toml``; a test fails when the page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from klachtregels.compliance.findings import load_catalogue

__all__ = ["BEGIN", "END", "catalogue_markdown", "update_page"]

BEGIN = (
    "<!-- BEGIN GENERATED: check catalogue (python -m klachtregels.compliance._docs docs/compliance.md) -->"
)
END = "<!-- END GENERATED -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown() -> str:
    """The check reference as Markdown: K items, then each check with its findings."""
    cat = load_catalogue()
    lines = [
        "### GGD-style items K1-K9",
        "",
        "Rebuilt from the statute; **not verified** against the current GGD GHOR toetsingskader (A21).",
        "",
        "| Item | Question | Legal basis | GGD-supervised | Verified |",
        "|---|---|---|---|---|",
    ]
    for k in cat.k_items.values():
        lines.append(
            f"| {k.id} | {_cell(k.question_en)} | {k.basis} | {'yes' if k.ggd_supervised else 'no (R31)'} "
            f"| {'yes' if k.verified else 'no'} |"
        )
    for check in cat.checks.values():
        lines += ["", f"### `{check.id}`: {check.title_en}", ""]
        lines.append(f"*{check.title_nl}.* {check.description_en}")
        lines.append("")
        basis = "; ".join(
            f"[{c.label('nl')}]({c.url})" if c.url else c.label("nl") + (f" ({c.note})" if c.note else "")
            for c in check.citations
        )
        facts = [
            f"scope: {check.scope}",
            f"rules: {', '.join(check.rule_ids) or '-'}",
            f"ambiguities: {', '.join(check.ambiguities) or '-'}",
            f"K item: {check.k_item or '-'}",
        ]
        lines.append("- " + " · ".join(facts))
        lines.append(f"- legal basis: {basis or '- (data quality, no legal rule)'}")
        lines += ["", "| Finding | Severity | Meaning | Message (en) |", "|---|---|---|---|"]
        for spec in cat.findings_of(check.id):
            lines.append(
                f"| `{spec.id}` | {spec.severity.value} | {_cell(spec.title_en)} | {_cell(spec.message_en)} |"
            )
    return "\n".join(lines) + "\n"


def update_page(path: Path) -> bool:
    """Rewrite the generated section of ``path``; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    new = f"{head}{BEGIN}\n\n{catalogue_markdown()}\n{END}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":  # pragma: no cover
    changed = update_page(Path(sys.argv[1]))
    print("updated" if changed else "up to date")
