"""``klachtregels schema register|complaint``: print a JSON Schema (2020-12)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

ORDER = 40


def register(subparsers: Any) -> None:
    """Add the ``schema`` sub-command."""
    parser = subparsers.add_parser(
        "schema",
        help="print a JSON Schema: one register record, or the complaint JSON form",
        description="Print the JSON Schema (2020-12) of one JSON Lines register record ('register') "
        "or of the Complaint JSON form ('complaint').",
    )
    parser.add_argument("which", choices=["register", "complaint"], help="which schema to print")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from klachtregels.schema import complaint_schema, dumps, register_schema

    schema = register_schema() if args.which == "register" else complaint_schema()
    sys.stdout.write(dumps(schema))
    return 0
