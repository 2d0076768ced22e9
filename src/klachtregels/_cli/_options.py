"""Options shared by several sub-commands, spelled once.

``--lang`` is accepted as any text and checked by :func:`klachtregels.cli.main` against the message
catalogue's languages (the library's :func:`~klachtregels.messages.check_lang`), so an unknown language
is one error in every sub-command that uses :func:`add_lang` (all that take ``--lang``), never silent
English: ``invalid command-line argument: --lang: unknown language; use one of nl, en`` (one line on
stderr, exit 2), naming the option and the languages, never the value.

:func:`standard_output` is standard output for a run that also writes files: a reader that goes
away (``klachtregels check REGISTER -o text:- -o sarif:out.sarif | head -3``) stops that output
only, so the run goes on, writes every file and exits with its own code.

:func:`refuse_overwrites` is the one check, made before anything is read or written, that no two
outputs go to one file and that no output is one of the run's inputs (by any name: a link,
``./a.txt``, a hard link).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from typing import IO, TYPE_CHECKING, Any, Final, TypeVar, cast

from klachtregels._io import one_line
from klachtregels._time import FIRST_DAY, LAST_DAY
from klachtregels.errors import InvalidInputError, RegisterError
from klachtregels.messages import LANGUAGES

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

    from klachtregels.policy import Policy

__all__ = [
    "COMMAND_LINE",
    "DATE_HELP",
    "FIRST_DAY",
    "LAST_DAY",
    "STDIN",
    "STDOUT",
    "NamedSource",
    "add_due_soon",
    "add_format",
    "add_lang",
    "add_register_reading",
    "applicable_policy",
    "argument_error",
    "as_command_line",
    "name_or_file",
    "named",
    "output_file",
    "parse_day",
    "policy_file",
    "refuse_overwrites",
    "same_file",
    "source_name",
    "standard_output",
]

_T = TypeVar("_T")

#: What every error about a command-line argument is about, in every sub-command:
#: ``invalid command-line argument: --as-of: ...``.
COMMAND_LINE: Final = "command-line argument"
#: The help of every argument that takes a date (``--as-of``, ``deadline DATE``): every form of the
#: one date convention is accepted (:func:`parse_day`), documented in docs/register.md under Values.
DATE_HELP: Final = "a date, e.g. 2026-05-07 or 7-5-2026; every form: docs/register.md#values"


def argument_error(argument: str, problem: str) -> InvalidInputError:
    """The error about one command-line argument (``--due-soon``, ``DATE``): named, never its value."""
    return InvalidInputError(COMMAND_LINE, [(argument, problem)])


@contextlib.contextmanager
def as_command_line(options: Mapping[str, str]) -> Iterator[None]:
    """The library's errors about its arguments (``invalid arguments: as_of: ...``) said as errors
    about the command-line options that gave them (``invalid command-line argument: --as-of: ...``).

    ``options``: library argument -> option. An error about anything else passes unchanged.
    """
    try:
        yield
    except InvalidInputError as exc:
        if exc.what != "arguments" or not all(field in options for field, _ in exc.problems):
            raise
        raise InvalidInputError(COMMAND_LINE, [(options[f], m) for f, m in exc.problems]) from None


def add_lang(parser: Any, what: str) -> None:
    """Add ``--lang nl|en`` (default ``nl``); ``what`` names what the language applies to."""
    parser.add_argument(
        "--lang",
        default=LANGUAGES[0],
        metavar="{" + ",".join(LANGUAGES) + "}",
        help=f"language of {what} (default {LANGUAGES[0]})",
    )


def add_format(parser: Any, what: str) -> None:
    """Add ``--format text|json`` and the deprecated ``--json`` (the same as ``--format json``).

    One spelling for every sub-command; ``args.format`` holds the choice.
    """
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=f"print {what} as text or JSON (default text)",
    )
    parser.add_argument(
        "--json", dest="format", action="store_const", const="json", help="deprecated: use --format json"
    )


#: The most digits a whole number on the command line may have (a year, a count, a number of days).
_MAX_DIGITS = 18


def read_whole_number(text: str) -> int | None:
    """A whole number given on the command line, or ``None`` when ``text`` is not one.

    ASCII digits only, with an optional ``-`` in front and spaces around (as :func:`parse_day` reads
    dates): digits of another script (``٢٠٢٦``), ``_`` between digits and a ``+`` are not a number,
    so no text means a number on one path and nothing on another. At most 18 digits.
    """
    stripped = text.strip()
    digits = stripped.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > _MAX_DIGITS:
        return None
    return int(stripped)


def whole_number(text: str) -> int:
    """The ``type`` of every whole-number option (:func:`read_whole_number`); its error never repeats
    the value."""
    number = read_whole_number(text)
    if number is None:
        raise argparse.ArgumentTypeError(f"not a whole number (digits 0-9, at most {_MAX_DIGITS})")
    return number


def add_due_soon(parser: Any, dest: str, *, default: int | None, help: str) -> None:
    """Add ``--due-soon N`` (also spelled ``--due-soon-days``: one option, two spellings)."""
    parser.add_argument(
        "--due-soon", "--due-soon-days", dest=dest, type=whole_number, metavar="N", default=default, help=help
    )


def add_register_reading(parser: Any) -> None:
    """Add ``--encoding`` and ``--delimiter`` (how a CSV register is read; docs/register.md)."""
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="the register's text encoding, e.g. cp1252 for Excel on Windows "
        "(default: the mapping's, else UTF-8, UTF-16 with a BOM or Windows-1252 recognised)",
    )
    parser.add_argument(
        "--delimiter",
        metavar="CHAR",
        help="the CSV separator, e.g. ';' or tab (default: the mapping's, else a 'sep=' first line, "
        "else sniffed from the header)",
    )


def parse_day(text: str, argument: str) -> dt.date:
    """A day given on the command line, in the one date convention (:func:`klachtregels._time.read_date`).

    Errors name the argument and the kind of problem, never the value given.
    """
    from klachtregels._time import DateTextError, read_day
    from klachtregels.messages import text as message

    try:
        day = read_day(text)
    except DateTextError as exc:
        raise argument_error(argument, message(exc.code, "en")) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argument_error(argument, message("CLI_DAY_OUT_OF_RANGE", "en"))
    return day


#: What a file argument holds to read standard input (``check -``, ``report -``).
STDIN: Final = "-"


#: What ``--output`` holds to write standard output (every command's ``-o -``; ``check -o FORMAT:-``).
STDOUT: Final = "-"


def output_file(value: str | None) -> str | None:
    """``--output``'s file, or ``None`` for standard output: the option not given, or ``-``."""
    return None if value is None or value == STDOUT else value


def source_name(name: str) -> str:
    """A file argument as an error names it: ``standard input`` for ``-`` (the message catalogue's
    ``IO_STANDARD_INPUT``; errors are in English), else the name as given."""
    if name == STDIN:
        from klachtregels.messages import text

        return text("IO_STANDARD_INPUT", "en")
    return name


def _with_name(name: str, exc: RegisterError) -> RegisterError:
    return RegisterError(f"{one_line(name)}: {exc}")


def named(name: str, read: Callable[..., _T]) -> Callable[..., _T]:
    """``read`` whose :class:`~klachtregels.errors.RegisterError` names the file ``name``.

    The result is wrapped in :class:`NamedSource` when it is iterable, so errors met while the
    rows are read (a streaming reader fails late) name the file too.
    """

    def call(*args: Any, **kwargs: Any) -> _T:
        try:
            result = read(*args, **kwargs)
        except RegisterError as exc:
            raise _with_name(name, exc) from None
        if hasattr(result, "__iter__") and not isinstance(result, list | tuple | dict | str):
            return NamedSource(name, result)  # type: ignore[return-value]  # a transparent proxy
        return result

    return call


class NamedSource:
    """A register reader whose errors, met while iterating, name its file; everything else delegates."""

    def __init__(self, name: str, reader: Any) -> None:
        self._name = name
        self._reader = reader

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._reader
        except RegisterError as exc:
            raise _with_name(self._name, exc) from None

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._reader, attribute)


class _ClosablePipe:
    """Standard output that a closed pipe ends quietly: what comes after is dropped.

    The first write or flush that meets a reader gone away (:class:`BrokenPipeError`) points
    standard output at the null device (so nothing the stream still buffers can fail again, at
    exit either) and drops every write after it. Only the closed pipe is caught: any other error
    of standard output (a full disk it was redirected to) is the run's error, as before.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        #: Whether the reader went away (then nothing more is written).
        self.closed_by_reader = False

    def write(self, chunk: str) -> int:
        """Write ``chunk``, unless the reader went away; as if written either way."""
        if not self.closed_by_reader:
            try:
                self._stream.write(chunk)
            except BrokenPipeError:
                self._reader_gone()
        return len(chunk)

    def flush(self) -> None:
        """Flush standard output, unless the reader went away."""
        if not self.closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_gone()

    def _reader_gone(self) -> None:
        from klachtregels.cli import _quiet_stdout  # the one way to point standard output away

        self.closed_by_reader = True
        _quiet_stdout()


@contextlib.contextmanager
def standard_output() -> Iterator[IO[str]]:
    """Standard output for the block, flushed at its end; a closed pipe ends only this output.

    Writes and the final flush that meet a reader gone away (``| head``) raise nothing: the
    block goes on (its file outputs are written whole) and the command keeps its exit code.
    Only ``write`` and ``flush`` are offered: what the output formats use.
    """
    guard = _ClosablePipe(sys.stdout)
    yield cast("IO[str]", guard)  # a write-only stream: the formats call write and flush alone
    guard.flush()


# --------------------------------------------------------------------------------------------------
# Outputs that would destroy an input or another output
# --------------------------------------------------------------------------------------------------


def _where(path: str) -> str:
    """Where ``path`` leads: links followed, ``.`` and ``..`` gone (also for a file not there yet)."""
    from pathlib import Path  # here, not at import: deadline imports this module (start-up, issue 8)

    try:
        return os.path.realpath(path)  # not Path.resolve: Python 3.11's raises on a loop of links
    except (OSError, ValueError):  # a name no file system accepts: compare the name itself
        return str(Path(path).absolute())


def same_file(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` name one file: the same file when both exist (links and
    hard links included), else the same place once links, ``.`` and ``..`` are resolved."""
    from pathlib import Path

    try:
        return Path(first).samefile(second)
    except (OSError, ValueError):  # one of them is not there (yet)
        return _where(first) == _where(second)


def policy_file(value: str | None) -> str | None:
    """``--policy`` as a file the run reads, or ``None`` for a shipped policy's name (or none given)."""
    if value is None:
        return None
    from klachtregels.policy import shipped_policies

    return None if value in shipped_policies() else value


def applicable_policy(value: str | None) -> Policy:
    """``--policy`` loaded, and refused at once (naming the file) when it cannot be applied: a term
    counted backwards (:func:`klachtregels.policy.applied_policy`), before any output."""
    from klachtregels.policy import applied_policy

    return applied_policy(value, what=value)


def name_or_file(value: str | None) -> str | None:
    """A ``NAME|FILE`` option (``--mapping``) as a file the run reads: only when that file exists
    (a built-in name is no file; a missing file is an error of its own)."""
    from pathlib import Path

    return value if value is not None and Path(value).exists() else None


def refuse_overwrites(
    outputs: Sequence[tuple[str, str | None]],
    inputs: Sequence[tuple[str, str | None]],
    *,
    in_place: Collection[tuple[str, str]] = (),
) -> None:
    """Refuse (exit 2) two outputs to one file, and an output that is one of the run's inputs.

    ``outputs`` and ``inputs`` are ``(option, path)`` pairs; a ``None`` path is an option not given
    (or standard input or output). ``in_place`` lists the ``(output option, input option)`` pairs
    that may name one file: the input is read whole before the output replaces it
    (``--baseline FILE --write-baseline FILE``). The error names the options and the file name as
    given, nothing else. An output whose folder does not exist is refused too (the OS error the
    write would have given: the file named). Call it before anything is read or written.
    """
    from pathlib import Path  # here, not at import (start-up, issue 8)

    given = [(option, path) for option, path in outputs if path is not None]
    for _, path in given:
        # A file in a folder that does not exist cannot be written: said now, before the run writes
        # its other outputs (a failed run leaves no new files behind), as the OS would say it.
        if not Path(path).parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
    for index, (option, path) in enumerate(given):
        for other, earlier in given[:index]:
            if same_file(path, earlier):
                problem = (
                    f"two outputs go to the same file ({path})"
                    if other == option
                    else f"goes to the same file as {other} ({path}): one output would be lost"
                )
                raise argument_error(option, problem)
        for what, source in inputs:
            if source is not None and (option, what) not in in_place and same_file(path, source):
                problem = f"{path} is read as {what}: refusing to overwrite an input"
                raise argument_error(option, problem)
