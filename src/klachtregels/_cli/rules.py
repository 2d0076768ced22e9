"""``klachtregels rules``: list the rule catalogue (text, Markdown or JSON)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from klachtregels._cli._options import add_lang
from klachtregels._io import atomic_write_text

if TYPE_CHECKING:
    import argparse

ORDER = 30


def register(subparsers: Any) -> None:
    """Add the ``rules`` sub-command."""
    p = subparsers.add_parser(
        "rules",
        help="list every rule with its id, citations, validity and outcomes",
        description="List the rule catalogue ('--format md --lang en -o docs/rules.md' writes the docs).",
    )
    p.add_argument("--format", choices=("text", "md", "json"), default="text")
    add_lang(p, "the text and Markdown catalogue")
    p.add_argument("-o", "--output", default=None, help="write to this file instead of standard output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``rules``."""
    from klachtregels.rules.catalogue import render_rules

    text = render_rules(args.format, args.lang)
    if args.output:
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
