"""``klachtregels obligations FILE --as-of DATE``: one complaint's timeline of duties and rights.

FILE is the JSON that ``assess`` reads: a bare complaint, or ``{"complaint": ..., "judgement": ...,
"filing": ...}``. Prints the timeline (date, who, what, state), or with ``--format json`` the
versioned shape ``klachtregels.obligations``, or with ``--format ics`` an iCalendar file of the
dated items. See docs/embedding.md.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from klachtregels._cli._options import (
    DATE_HELP,
    add_lang,
    applicable_policy,
    as_command_line,
    output_file,
    parse_day,
    policy_file,
    refuse_overwrites,
)
from klachtregels._io import atomic_write_text, printable, valid_unicode

if TYPE_CHECKING:
    import argparse

ORDER = 25


def register(subparsers: Any) -> None:
    """Add the ``obligations`` sub-command."""
    p = subparsers.add_parser(
        "obligations",
        help="one complaint's timeline: what is due, from whom, by when, and its state",
        description=(
            "List every dated duty and right that follows from one complaint (JSON file as for assess) "
            "with its state on --as-of."
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="JSON file: a complaint, or {complaint, judgement?, filing?}; - reads standard input",
    )
    p.add_argument(
        "--as-of", metavar="DATE", required=True, help=f"the day to judge the states on: {DATE_HELP}"
    )
    p.add_argument("--policy", default=None, help="a shipped policy name or a policy TOML file")
    p.add_argument("--org", metavar="ORG.toml", help="organisation file: its recorded annual reports")
    p.add_argument("--format", choices=("text", "json", "ics"), default="text", help="output format")
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of standard output (-: standard output)",
    )
    add_lang(p, "the timeline")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``obligations``."""
    from klachtregels._cli.assess import STDIN, read_input
    from klachtregels.organisation import load_organisation
    from klachtregels.timeline import obligations

    file = None if args.file == STDIN else args.file  # standard input is no file an output could overwrite
    inputs = [("FILE", file), ("--policy", policy_file(args.policy)), ("--org", args.org)]
    output = output_file(args.output)  # -o -: standard output, as no --output
    refuse_overwrites([("--output", output)], inputs)  # before anything is read or written
    given = read_input(args.file)
    organisation = load_organisation(args.org) if args.org is not None else None
    with as_command_line({"as_of": "--as-of"}):  # an as-of before the receipt: said as the option
        timeline = obligations(
            given["complaint"],
            as_of=parse_day(args.as_of, "--as-of"),
            policy=applicable_policy(args.policy),
            judgement=given.get("judgement"),
            filing=given.get("filing"),
            organisation=organisation,
        )
    if args.format == "json":
        out = valid_unicode(json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2)) + "\n"
    elif args.format == "ics":
        from klachtregels.ics import obligations_ics

        out = obligations_ics(timeline, lang=args.lang)
    else:
        out = printable(timeline.explain(args.lang)) + "\n"
    if output is not None:
        atomic_write_text(output, out)
    else:
        sys.stdout.write(out)
    return 0
