"""``klachtregels check``: compliance checks over a complaint register (and an organisation file).

Exit codes: 0 when no finding reaches ``--fail-on``; 1 when one does (with ``--strict``: also
when any row was rejected); 2 for unusable input or arguments (one line on stderr). Several
registers (as pre-commit passes them) are checked one after another for ``text`` and ``github``;
the exit code is 1 when any of them fails.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from klachtregels._cli._options import add_lang, add_register_reading, named, parse_day
from klachtregels._io import atomic_writer
from klachtregels.errors import InvalidInputError

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from klachtregels.compliance import CheckSettings

ORDER = 50

__all__ = ["ORDER", "register"]

_FORMATS = ("text", "json", "junit", "sarif", "github")
_FAIL_ON = ("error", "warning", "never")


def _as_of(text: str | None) -> dt.date:
    from klachtregels.compliance.run import today_in_amsterdam  # lazy: keeps --help fast

    if text is None:
        return today_in_amsterdam()
    return parse_day(text, "--as-of")


def _settings(args: argparse.Namespace) -> CheckSettings:
    from klachtregels.compliance import CheckSettings

    if args.due_soon is not None and args.due_soon < 0:
        raise InvalidInputError("command-line argument", [("--due-soon", "must be 0 or more days")])
    if args.consult_within is not None and args.consult_within < 0:
        raise InvalidInputError("command-line argument", [("--consult-within", "must be 0 or more days")])
    defaults = CheckSettings()
    return CheckSettings(
        due_soon_days=defaults.due_soon_days if args.due_soon is None else args.due_soon,
        consult_within_working_days=(
            defaults.consult_within_working_days if args.consult_within is None else args.consult_within
        ),
    )


def _registers(args: argparse.Namespace) -> list[str]:
    registers: list[str] = args.register
    if len(registers) > 1 and args.format in ("json", "junit", "sarif"):
        raise InvalidInputError(
            "command-line argument",
            [("REGISTER", f"--format {args.format} takes one register per run; got {len(registers)}")],
        )
    for index, name in enumerate(registers, start=1):
        if not Path(name).is_file():
            raise InvalidInputError("command-line argument", [(f"REGISTER {index}", "no such file")])
    return registers


def _check(args: argparse.Namespace) -> int:
    """Stream each register through the chosen format's sink: memory stays flat however long it is."""
    settings = _settings(args)
    registers = _registers(args)
    as_of = _as_of(args.as_of)
    if args.output is not None:
        with atomic_writer(args.output) as out:
            return _run(args, registers, as_of, settings, out)
    return _run(args, registers, as_of, settings, sys.stdout)


def _run(
    args: argparse.Namespace, registers: list[str], as_of: dt.date, settings: CheckSettings, out: IO[str]
) -> int:
    from klachtregels.compliance import FailOn, make_sink, stream_check
    from klachtregels.organisation import load_organisation
    from klachtregels.policy import load_policy

    policy = load_policy(args.policy)
    organisation = load_organisation(args.org) if args.org is not None else None
    fail_on = FailOn(args.fail_on)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY") or None
    failed = False
    for index, name in enumerate(registers):
        if index:
            out.write("\n")
        with contextlib.ExitStack() as stack:
            summary_out = None
            if args.format == "github" and step_summary is not None:
                summary_out = stack.enter_context(Path(step_summary).open("a", encoding="utf-8"))
            sink = make_sink(
                args.format,
                out,
                lang=args.lang,
                fail_on=fail_on,
                strict=args.strict,
                register=name,
                organisation_file=args.org,
                summary_out=summary_out,
            )
            summary = named(name, stream_check)(
                name,
                sink,
                as_of=as_of,
                policy=policy,
                organisation=organisation,
                mapping=args.mapping,
                settings=settings,
                organisation_file=args.org,
                encoding=args.encoding,
                delimiter=args.delimiter,
                fail_on=fail_on,
                strict=args.strict,
            )
        failed = failed or summary.failed(fail_on, strict=args.strict)
    return 1 if failed else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``."""
    p = subparsers.add_parser(
        "check",
        help="check a complaint register (and an organisation) against the regulation",
        description=(
            "Check every complaint in REGISTER (CSV, JSON Lines, JSON or .xlsx; see docs/register.md) "
            "against Wet kinderopvang 1.57b-1.57c and 1.51a-c, and with --org the organisation items K1-K9. "
            "Exit 0: nothing at the --fail-on level; 1: something is; 2: unusable input or arguments."
        ),
    )
    p.add_argument(
        "register",
        metavar="REGISTER",
        nargs="+",
        help="the complaint register file (several for text and github output, as pre-commit passes them)",
    )
    p.add_argument("--org", metavar="ORG.toml", help="organisation file: also check K1-K9 (docs/report.md)")
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help="the date to judge open complaints on (YYYY-MM-DD; default today in Europe/Amsterdam)",
    )
    p.add_argument("--policy", metavar="NAME|FILE", help="a shipped policy name or a policy TOML file")
    p.add_argument("--mapping", metavar="MAP", help="column mapping (TOML file or built-in name)")
    add_register_reading(p)
    p.add_argument("--format", choices=_FORMATS, default="text", help="output format (default text)")
    p.add_argument(
        "--fail-on",
        choices=_FAIL_ON,
        default="error",
        help="exit 1 when a finding reaches this severity (default error)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    add_lang(p, "the findings and the summary")
    p.add_argument(
        "--strict",
        action="store_true",
        help="any rejected row makes the run fail (exit 1), whatever --fail-on",
    )
    p.add_argument(
        "--due-soon",
        type=int,
        metavar="N",
        help="an open complaint due within N calendar days is a warning (default 7)",
    )
    p.add_argument(
        "--consult-within",
        type=int,
        metavar="N",
        help="'onverwijld' (Wko 1.51b): consult the vertrouwensinspecteur within N working days (default 1)",
    )
    p.set_defaults(handler=_check)
