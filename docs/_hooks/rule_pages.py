"""MkDocs hook: one page per rule and open point, and every id in the site linked to its page.

* ``on_files`` adds ``rules/index.md`` (a table of every id) and ``rules/R1.md`` .. ``rules/A22.md``,
  written by :func:`klachtregels.rules.pages.page`, the text ``klachtregels rules R12`` prints. The pages
  are generated at build time, so they cannot go stale; ``rules/index.md`` is in the nav, the pages are
  reached from it (and from every id, below).
* ``on_page_content`` turns each id a page shows in running text (``R12``, ``A7``; in a finding's
  ``[K4 · R6, R12]``) into a link to its page. Code blocks, links and headings are left alone.

Configured in ``mkdocs.yml`` (``hooks:``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from klachtregels.rules.pages import AMBIGUITY_IDS, PAGE_IDS, RULE_IDS, page, title

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

LANG = "en"
ID = re.compile(r"\b[RA]\d{1,2}\b")
#: Split HTML into tags and text; the text between tags is where ids are linked.
TAG = re.compile(r"(<[^>]+>)")
SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "title"}


def index_page() -> str:
    """The overview page: every rule and open point with its title."""
    lines = [
        "# Rules and open points",
        "",
        "One page per rule (R1-R31) and per open point (A1-A22) of the regulation as klachtregels reads",
        "it. Every finding, decision and catalogue entry cites these ids; `klachtregels rules R12` prints",
        "the same page on the command line. The rules catalogue lists the engine rules that carry them:",
        "[Rules catalogue](../rules.md).",
        "",
    ]
    for heading, ids in (("Rules", RULE_IDS), ("Open points", AMBIGUITY_IDS)):
        lines += [f"## {heading}", "", "| id | title |", "|---|---|"]
        lines += [f"| [{i}]({i}.md) | {title(i, LANG)} |" for i in ids]
        lines.append("")
    return "\n".join(lines)


def on_files(files: Files, *, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add the generated pages to the build."""
    files.append(File.generated(config, "rules/index.md", content=index_page()))
    for rule_id in PAGE_IDS:
        content = page(rule_id, LANG, links=True)
        files.append(
            File.generated(
                config, f"rules/{rule_id}.md", content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
        )
    return files


def link_ids(html: str, page_url: str) -> str:
    """``html`` with each id in running text linked to its page (relative to ``page_url``)."""
    out: list[str] = []
    skipping: list[str] = []
    for part in TAG.split(html):
        if part.startswith("<"):
            name = part.strip("</>").split(None, 1)[0].lower() if part.strip("</>") else ""
            if name in SKIP and not part.endswith("/>"):
                if part.startswith("</"):
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                else:
                    skipping.append(name)
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            out.append(ID.sub(lambda m: _link(m[0], page_url), part))
    return "".join(out)


def _link(rule_id: str, page_url: str) -> str:
    """A link to the page of ``rule_id``; the text unchanged when there is no such page (``R32``)."""
    if rule_id not in PAGE_IDS:
        return rule_id
    return f'<a href="{get_relative_url(f"rules/{rule_id}/", page_url)}">{rule_id}</a>'


def on_page_content(html: str, *, page: Page, **kwargs: Any) -> str:
    """Link the ids of every page except the API reference (whose names are code)."""
    if page.file.src_uri.startswith("api/"):
        return html
    return link_ids(html, page.url)
