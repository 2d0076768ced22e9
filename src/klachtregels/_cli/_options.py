"""Options shared by several sub-commands, spelled once.

``--lang`` is accepted as any text and checked by :func:`klachtregels.cli.main` against the message
catalogue's languages, so an unknown language gives the library's own
:class:`~klachtregels.messages.UnknownLanguageError` (one line on stderr, exit 2) in every sub-command
that uses :func:`add_lang`, never silent English.

:func:`standard_output` is standard output for a run that also writes files: a reader that goes
away (``klachtregels check REGISTER -o text:- -o sarif:out.sarif | head -3``) stops that output
only, so the run goes on, writes every file and exits with its own code.
"""

from __future__ import annotations

import contextlib
import sys
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

from klachtregels._io import one_line
from klachtregels._time import FIRST_DAY, LAST_DAY
from klachtregels.errors import InvalidInputError, RegisterError
from klachtregels.messages import LANGUAGES

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "NamedSource",
    "add_due_soon",
    "add_format",
    "add_lang",
    "add_register_reading",
    "named",
    "parse_day",
    "standard_output",
]

_T = TypeVar("_T")


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


def add_due_soon(parser: Any, dest: str, *, default: int | None, help: str) -> None:
    """Add ``--due-soon N`` (also spelled ``--due-soon-days``: one option, two spellings)."""
    parser.add_argument(
        "--due-soon", "--due-soon-days", dest=dest, type=int, metavar="N", default=default, help=help
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
        raise InvalidInputError("command-line argument", [(argument, message(exc.code, "en"))]) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInputError("command-line argument", [(argument, message("CLI_DAY_OUT_OF_RANGE", "en"))])
    return day


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
