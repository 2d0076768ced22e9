"""``klachtregels check``: compliance checks over a complaint register (and an organisation file).

Exit codes: 0 when no finding nobody accepted reaches ``--fail-on``; 1 when one does (with
``--strict``: also when any row was rejected); 2 for unusable input or arguments (one line on
stderr). Several registers (as pre-commit passes them) are checked one after another for ``text``
and ``github``; the exit code is 1 when any of them fails.

Several outputs in one run: ``-o FORMAT:PATH`` (repeatable; ``PATH`` ``-`` is standard output); a
plain ``-o PATH`` writes ``--format``. Every output is fed by one streaming run (a :class:`Tee` of
sinks), so a register is read once whatever the number of outputs. No two outputs (``-o``,
``--write-baseline``) go to one file and none is an input of the run; ``--write-baseline`` may
name the ``--baseline`` file, which is then updated in place. ``REGISTER`` ``-`` reads
standard input (``--input-format``, default CSV). Settings not given as flags come from the
configuration (:mod:`klachtregels.config`); accepted findings from it and from ``--baseline``.

A reader of standard output that goes away (``| head -3``) stops that output only: the run goes
on, every file output (and ``--write-baseline``) is written whole, and the exit code is the run's
verdict, the same as without the pipe. Every format writes once the register has been read, so the
verdict is known by then; nothing is said on stderr.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from klachtregels._cli._config import add_config, config_input
from klachtregels._cli._options import (
    DATE_HELP,
    add_due_soon,
    add_lang,
    add_register_reading,
    applicable_policy,
    argument_error,
    name_or_file,
    named,
    output_file,
    parse_day,
    policy_file,
    refuse_overwrites,
    source_name,
    standard_output,
    whole_number,
)
from klachtregels._io import atomic_writer

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable

    from klachtregels.baseline import BaselineCollector
    from klachtregels.compliance import CheckSettings
    from klachtregels.compliance._sinks import Judge

ORDER = 50

__all__ = ["ORDER", "parse_output", "register"]

_FORMATS: Final = ("text", "json", "junit", "sarif", "github")
_ONE_REGISTER: Final = ("json", "junit", "sarif")
_FAIL_ON: Final = ("error", "warning", "never")
_SEVERITIES: Final = ("error", "warning", "info")
_STDIN: Final = "-"
#: Flags that the configuration can set, by argument name -> configuration key.
_CONFIG_KEYS: Final = {
    "org": "organisation",
    "policy": "policy",
    "mapping": "mapping",
    "lang": "lang",
    "fail_on": "fail_on",
    "encoding": "encoding",
    "delimiter": "delimiter",
    "baseline": "baseline",
}


def _as_of(text: str | None) -> dt.date:
    from klachtregels.compliance.run import today_in_amsterdam  # lazy: keeps --help fast

    if text is None:
        return today_in_amsterdam()
    return parse_day(text, "--as-of")


def _settings(args: argparse.Namespace) -> CheckSettings:
    from klachtregels.compliance import CheckSettings

    if args.due_soon is not None and args.due_soon < 0:
        raise argument_error("--due-soon", "must be 0 or more days")
    if args.consult_within is not None and args.consult_within < 0:
        raise argument_error("--consult-within", "must be 0 or more days")
    defaults = CheckSettings()
    return CheckSettings(
        due_soon_days=defaults.due_soon_days if args.due_soon is None else args.due_soon,
        consult_within_working_days=(
            defaults.consult_within_working_days if args.consult_within is None else args.consult_within
        ),
    )


def parse_output(value: str, default_format: str) -> tuple[str, str | None]:
    """``-o`` as ``(format, path)``: ``FORMAT:PATH`` or a plain ``PATH`` in ``default_format``.

    ``PATH`` ``-`` (``None`` in the result) is standard output. A prefix that is no format (a
    Windows drive, ``C:``) belongs to the path.
    """
    fmt, colon, rest = value.partition(":")
    if colon and fmt in _FORMATS:
        path = rest
    else:
        fmt, path = default_format, value
    if not path:
        raise argument_error("--output", "names no file after FORMAT: (use FORMAT:- for standard output)")
    return fmt, output_file(path)


def _outputs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """Every output of the run; at most one on standard output (files: :func:`_refuse_overwrites`)."""
    outputs = [parse_output(value, args.format) for value in args.output or ()] or [(args.format, None)]
    if sum(path is None for _, path in outputs) > 1:
        raise argument_error("--output", "two outputs go to standard output")
    return outputs


def _refuse_overwrites(args: argparse.Namespace, outputs: list[tuple[str, str | None]]) -> None:
    """No file written twice (``-o``, ``--write-baseline``, and ``$GITHUB_STEP_SUMMARY`` for the
    GitHub format, which appends to it), none of them an input of the run.

    ``--baseline FILE --write-baseline FILE`` stays allowed: the baseline is read whole before the
    run and replaced (atomically) after it, so it is updated in place (docs/cli/check.md).
    """
    inputs = [
        (f"REGISTER {index}", name)  # as _registers names them
        for index, name in enumerate(args.register, start=1)
        if name != _STDIN
    ]
    inputs += [
        ("--org", args.org),
        ("--policy", policy_file(args.policy)),
        ("--mapping", name_or_file(args.mapping)),
        ("--baseline", args.baseline),
        config_input(args),
    ]
    files = [("--output", path) for _, path in outputs] + [("--write-baseline", args.write_baseline)]
    if any(fmt == "github" for fmt, _ in outputs):  # the GitHub format appends its summary there
        files.append(("$GITHUB_STEP_SUMMARY", os.environ.get("GITHUB_STEP_SUMMARY") or None))
    refuse_overwrites(files, inputs, in_place={("--write-baseline", "--baseline")})


def _registers(args: argparse.Namespace, outputs: list[tuple[str, str | None]]) -> list[str]:
    registers: list[str] = args.register
    if len(registers) > 1:
        for fmt, _ in outputs:
            if fmt in _ONE_REGISTER:
                raise argument_error(
                    "REGISTER", f"--format {fmt} takes one register per run; got {len(registers)}"
                )
    if registers.count(_STDIN) > 1:
        raise argument_error("REGISTER", "standard input (-) can be read once")
    for name in registers:
        if name != _STDIN:
            _refuse_unreadable(name)
    return registers


def _refuse_unreadable(name: str) -> None:
    """A register that is not there, or is a folder, refused before any output is opened, worded as
    every file named on the command line is (``FILE: No such file or directory``, ``FILE: Is a
    directory``: an :class:`OSError` naming the file). Anything else is read as ``report`` reads it: a
    file, a named pipe, ``/dev/fd/N`` from ``<(...)``."""
    try:
        mode = os.stat(name).st_mode  # noqa: PTH116 (os: the error names the file as given, not normalised)
    except ValueError:  # a name no file system accepts (a NUL in it): no such file either
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name) from None
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)


def _judges(args: argparse.Namespace, as_of: dt.date) -> tuple[Callable[[], Judge], BaselineCollector | None]:
    """A new judge for each register (one set of acceptances), and the ``--write-baseline`` collector."""
    from klachtregels.baseline import Acceptances, BaselineCollector, load_baseline
    from klachtregels.compliance._sinks import Judge
    from klachtregels.messages import text
    from klachtregels.severity import Severity

    entries = list(args.accept)
    if args.baseline is not None and (args.write_baseline is None or Path(args.baseline).exists()):
        entries += load_baseline(args.baseline)
    acceptances = Acceptances(entries, as_of=as_of)
    collector = None
    if args.write_baseline is not None:
        reason = text("CHECK_BASELINE_REASON", args.lang, day=as_of.isoformat())
        keep = [args.baseline] if args.baseline is not None else []
        collector = BaselineCollector(reason, origin=args.write_baseline, keep_from=keep)
    minimum = Severity(args.min_severity) if args.min_severity is not None else None

    def judge() -> Judge:
        return Judge(acceptances, min_severity=minimum, baseline=collector)

    return judge, collector


def _check(args: argparse.Namespace) -> int:
    """Stream each register through every output's sink: memory stays flat however long it is."""
    if args.fail_on not in _FAIL_ON:
        raise argument_error("--fail-on", f"must be one of {', '.join(_FAIL_ON)}")
    settings = _settings(args)
    outputs = _outputs(args)
    _refuse_overwrites(args, outputs)  # before anything is read or written
    registers = _registers(args, outputs)
    as_of = _as_of(args.as_of)
    judge, collector = _judges(args, as_of)
    with contextlib.ExitStack() as stack:
        streams = [
            (fmt, stack.enter_context(standard_output() if path is None else atomic_writer(path)))
            for fmt, path in outputs
        ]
        failed = _run(args, registers, as_of, settings, streams, judge)
    if collector is not None:
        from klachtregels.baseline import write_baseline

        write_baseline(args.write_baseline, collector.entries)
    return 1 if failed else 0


def _stdin_copy(stack: contextlib.ExitStack, input_format: str) -> str:
    """Standard input, copied to a temporary file named for its format (read as a file is: streaming)."""
    handle, name = tempfile.mkstemp(suffix=f".{input_format}")
    stack.callback(os.unlink, name)
    with os.fdopen(handle, "wb") as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool, 1 << 16)
    return name


def _run(
    args: argparse.Namespace,
    registers: list[str],
    as_of: dt.date,
    settings: CheckSettings,
    streams: list[tuple[str, IO[str]]],
    judge: Callable[[], Judge],
) -> bool:
    from klachtregels.compliance import FailOn, make_sink, stream_check
    from klachtregels.compliance._sinks import Tee

    policy = applicable_policy(args.policy)
    organisation = None
    if args.org is not None:  # imported only then: a run without --org does not need it
        from klachtregels.organisation import load_organisation

        organisation = load_organisation(args.org)
    fail_on = FailOn(args.fail_on)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY") or None
    failed = False
    for index, name in enumerate(registers):
        with contextlib.ExitStack() as stack:
            source = _stdin_copy(stack, args.input_format or "csv") if name == _STDIN else name
            run_judge = judge()
            sinks = []
            for fmt, out in streams:
                if index:
                    out.write("\n")
                summary_out = None
                if fmt == "github" and step_summary is not None:
                    summary_out = stack.enter_context(Path(step_summary).open("a", encoding="utf-8"))
                sinks.append(
                    make_sink(
                        fmt,
                        out,
                        lang=args.lang,
                        fail_on=fail_on,
                        strict=args.strict,
                        register=name,
                        organisation_file=args.org,
                        summary_out=summary_out,
                        judge=run_judge,
                        quiet=args.quiet,
                    )
                )
            tee = Tee(sinks, run_judge, fail_on=fail_on, strict=args.strict, register=name)
            named(source_name(name), stream_check)(
                source,
                tee,
                as_of=as_of,
                policy=policy,
                organisation=organisation,
                mapping=args.mapping,
                settings=settings,
                organisation_file=args.org,
                format=args.input_format,
                encoding=args.encoding,
                delimiter=args.delimiter,
                fail_on=fail_on,
                strict=args.strict,
            )
        failed = failed or tee.failed
    return failed


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``."""
    p = subparsers.add_parser(
        "check",
        help="check a complaint register (and an organisation) against the regulation",
        description=(
            "Check every complaint in REGISTER (CSV, JSON Lines, JSON or .xlsx; see docs/register.md) "
            "against Wet kinderopvang 1.57b-1.57c and 1.51a-c, and with --org the organisation items K1-K9. "
            "Exit 0: nothing at the --fail-on level (accepted findings do not count); 1: something is; "
            "2: unusable input or arguments. Settings not given come from klachtregels.toml or "
            "[tool.klachtregels] in pyproject.toml (docs/cli/check.md)."
        ),
    )
    p.add_argument(
        "register",
        metavar="REGISTER",
        nargs="+",
        help="the complaint register file (several for text and github output, as pre-commit passes "
        "them; - reads standard input)",
    )
    p.add_argument("--org", metavar="ORG.toml", help="organisation file: also check K1-K9 (docs/report.md)")
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help=f"the date to judge open complaints on (default today in Europe/Amsterdam): {DATE_HELP}",
    )
    p.add_argument("--policy", metavar="NAME|FILE", help="a shipped policy name or a policy TOML file")
    p.add_argument("--mapping", metavar="MAP", help="column mapping (TOML file or built-in name)")
    add_register_reading(p)
    p.add_argument(
        "--input-format",
        choices=("csv", "jsonl", "json"),
        default=None,
        help=(
            "the register's format where its name does not say it: standard input (-), csv unless "
            "given, or a file without a known extension (a given format wins over the extension)"
        ),
    )
    _add_outputs(p)
    add_lang(p, "the findings and the summary")
    p.set_defaults(lang=None)  # from the configuration, else nl (add_config)
    p.add_argument(
        "--strict",
        action="store_true",
        help="any rejected row makes the run fail (exit 1), whatever --fail-on",
    )
    add_due_soon(
        p,
        "due_soon",
        default=None,
        help="an open complaint due within N calendar days is a warning (default 7)",
    )
    p.add_argument(
        "--consult-within",
        type=whole_number,
        metavar="N",
        help="'onverwijld' (Wko 1.51b): consult the vertrouwensinspecteur within N working days (default 1)",
    )
    _add_acceptance(p)
    add_config(p, _CONFIG_KEYS, {"lang": "nl", "fail_on": "error"})
    p.set_defaults(handler=_check)


def _add_outputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=_FORMATS, default="text", help="output format (default text)")
    p.add_argument(
        "--fail-on",
        choices=_FAIL_ON,
        help="exit 1 when a finding nobody accepted reaches this severity; never: only report "
        "(default error)",
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="[FORMAT:]FILE",
        action="append",
        help="write FORMAT (default --format) to FILE; repeat for several outputs in one run "
        "(-o text:- -o sarif:out.sarif); FILE - is standard output",
    )
    p.add_argument(
        "--min-severity",
        choices=_SEVERITIES,
        help="show only findings of this severity or above (all are counted in the summary)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text: only the findings that fail the run, and the verdict",
    )


def _add_acceptance(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--baseline",
        metavar="FILE",
        help="accepted findings ([[accept]] tables with a reason; written by --write-baseline)",
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="accept every error and warning found now that nothing accepts yet, and write them "
        "(with those of --baseline still in use) to FILE",
    )
