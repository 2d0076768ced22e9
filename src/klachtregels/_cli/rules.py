"""``klachtregels rules``: the rule catalogue (text, Markdown, JSON), or one id explained (``rules R12``)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from klachtregels._cli._options import add_lang, output_file
from klachtregels._io import atomic_write_text

if TYPE_CHECKING:
    import argparse

ORDER = 30


def register(subparsers: Any) -> None:
    """Add the ``rules`` sub-command."""
    p = subparsers.add_parser(
        "rules",
        help="list every rule with its id, citations, validity and outcomes, or explain one (rules R12)",
        description=(
            "List the rule catalogue ('--format md --lang en -o docs/rules.md' writes the docs), or, with"
            " an id (R1-R31, A1-A22), print the explanation of that rule or open point: the same text as"
            " its page in the documentation (rules/R12)."
        ),
    )
    p.add_argument(
        "id",
        nargs="?",
        default=None,
        help="a rule (R1-R31) or open point (A1-A22) of regulation.md to explain",
    )
    p.add_argument("--format", choices=("text", "md", "json"), default="text")
    add_lang(p, "the text and Markdown catalogue")
    p.add_argument(
        "-o",
        "--output",
        default=None,
        help="write to this file instead of standard output (-: standard output)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``rules``."""
    from klachtregels.rules.catalogue import render_rules

    text = (
        render_rules(args.format, args.lang) if args.id is None else _explain(args.id, args.format, args.lang)
    )
    output = output_file(args.output)
    if output is not None:
        atomic_write_text(output, text)
    else:
        sys.stdout.write(text)
    return 0


def _explain(rule_id: str, fmt: str, lang: str) -> str:
    """The page of one rule or open point: Markdown for ``text`` and ``md``; both languages in ``json``."""
    from klachtregels.messages import LANGUAGES, check_lang
    from klachtregels.rules.pages import normalise_id, page, page_url, title

    check_lang(lang)
    key = normalise_id(rule_id)
    if fmt != "json":
        return page(key, lang)
    data = {
        "id": key,
        "url": page_url(key),
        "title": {code: title(key, code) for code in LANGUAGES},
        "page": {code: page(key, code) for code in LANGUAGES},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
