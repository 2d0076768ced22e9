"""The ``klachtregels`` command line.

Exit codes: 0 success; 1 a check found something at or above the fail level; 2 unusable input
or arguments (one line on stderr, never a traceback), including an unknown ``--lang``; 130 when
interrupted (Ctrl-C). A closed output pipe ends that output quietly: ``check`` and ``report``
still write their files and keep their exit code; other commands end quietly with 0.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from typing import TYPE_CHECKING, Final, NoReturn, cast

from klachtregels import _cli
from klachtregels._io import one_line
from klachtregels._version import __version__
from klachtregels.errors import KlachtregelsError
from klachtregels.messages import LANGUAGES, UnknownLanguageError, check_lang

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TextIO

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
#: 128 + SIGINT, as shells report a run stopped by Ctrl-C.
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit 2, and never repeat a value."""

    def error(self, message: str) -> NoReturn:
        # one_line: an unknown option is named, and must not bring a terminal's escape sequence along
        self.exit(EXIT_USAGE, f"{self.prog}: error: {one_line(_without_values(message))}\n")


#: argparse repeats the value it could not use (``invalid int value: 'x'``, ``invalid choice: 'x'``);
#: the error says which argument and what kind of problem instead: a value typed by a person may
#: be personal data.
_ECHOES: Final = (
    (re.compile(r"(invalid \S+ value): .*", re.S), r"\1 (not repeated here)"),
    (re.compile(r"invalid choice: .*?(\(choose from .*\))$", re.S), r"invalid choice \1"),
    (re.compile(r"invalid choice: .*", re.S), "invalid choice (not repeated here)"),
)
_UNRECOGNIZED: Final = "unrecognized arguments: "


def _without_values(message: str) -> str:
    """An argparse error ``message`` without the values it repeats: an unknown option is named
    (up to any ``=``), other unrecognised arguments are counted."""
    for pattern, replacement in _ECHOES:
        message = pattern.sub(replacement, message, count=1)
    if message.startswith(_UNRECOGNIZED):
        words = message[len(_UNRECOGNIZED) :].split()
        options = [w.split("=", 1)[0] for w in words if w.startswith("-")]
        others = len(words) - len(options)
        parts = [", ".join(options)] if options else []
        if others:
            parts.append(f"{others} other argument{'s' if others > 1 else ''} (not repeated here)")
        message = _UNRECOGNIZED + " and ".join(parts)
    return message


#: Each sub-command -> the module of :mod:`klachtregels._cli` that registers it (a test checks this
#: against what the modules register), so a run imports and builds its own sub-command only.
_COMMANDS: Final = {
    "assess": "assess",
    "calendar": "deadline",
    "check": "check",
    "deadline": "deadline",
    "obligations": "obligations",
    "policy": "policy",
    "report": "report",
    "rules": "rules",
    "schema": "schema",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser, with every sub-command found in :mod:`klachtregels._cli`.

    With ``command`` (a key of :data:`_COMMANDS`), only the module registering that sub-command is
    imported and registered: parsing that sub-command's arguments (its help and errors included)
    is the same as with the full parser, at a fraction of the start-up.
    """
    parser = _Parser(
        prog="klachtregels",
        description="The Dutch childcare complaint regulation as executable, cited rules.",
    )
    parser.add_argument("--version", action="version", version=f"klachtregels {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    if command is None:
        import pkgutil

        names = [info.name for info in pkgutil.iter_modules(_cli.__path__) if not info.name.startswith("_")]
    else:
        names = [_COMMANDS[command]]
    modules = [importlib.import_module(f"{_cli.__name__}.{name}") for name in names]
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__)):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used as the console-script entry point).

    Never a traceback for what a user can cause: Ctrl-C exits 130 (128 + SIGINT) with one line;
    a reader that goes away (``klachtregels check big.csv | head -1``) ends the run quietly.
    """
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _quiet_stdout()
        print("klachtregels: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


class ClosedStreamError(KlachtregelsError, OSError):
    """The command needed standard input or output, and the shell closed it (``<&-``, ``>&-``)."""


class _Closed:
    """Stands for a standard stream the shell closed (``sys.stdin``/``sys.stdout`` is ``None``):
    reading or writing it is a one-line error (exit 2), not an ``AttributeError`` on ``None``. A
    command that never uses it (``-o FILE``) runs as usual; flushing it does nothing."""

    def __init__(self, name: str) -> None:
        self._name = name

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def __getattr__(self, attribute: str) -> NoReturn:
        raise ClosedStreamError(f"{self._name} is closed")


def _main(argv: Sequence[str] | None) -> int:
    stdin, stdout = sys.stdin, sys.stdout
    if stdin is None:
        sys.stdin = cast("TextIO", _Closed("standard input"))
    if stdout is None:
        sys.stdout = cast("TextIO", _Closed("standard output"))
    restore = [_in_utf8(stream) for stream in (sys.stdout, sys.stderr)]
    try:
        return _run(argv)
    finally:  # a host process that runs main() in-process gets its streams back as they were
        for undo in restore:
            if undo is not None:
                undo()
        if stdin is None:
            sys.stdin = stdin
        if stdout is None:
            sys.stdout = stdout


def _in_utf8(stream: object) -> Callable[[], None] | None:
    """Write ``stream`` (standard output or error) in UTF-8 when its encoding is another one, and
    return what puts it back (``None`` when nothing changed).

    Every output holds characters that ASCII or a code page such as Windows-1252 cannot encode
    (``→``, ``≥``, a complainant's name in another script), so writing in the stream's own encoding
    would stop the run with a ``UnicodeEncodeError`` (``klachtregels deadline 2026-03-24 > out.txt`` on
    Windows, or under ``LC_ALL=C``). The JSON, SARIF, XML and HTML outputs are UTF-8 by their formats'
    own rules. So the command line writes UTF-8 wherever it writes, as Python's UTF-8 mode does (the
    default from Python 3.15, PEP 686); a Windows console is already written in Unicode.
    """
    if stream is None or isinstance(stream, _Closed):  # closed by the shell: nothing is written
        return None
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if not isinstance(encoding, str) or reconfigure is None:  # a StringIO
        return None
    import codecs

    try:
        if codecs.lookup(encoding).name.startswith("utf-"):
            return None
    except LookupError:
        pass
    errors = getattr(stream, "errors", None)
    try:  # its own error handler kept (given an encoding alone, reconfigure would make it strict)
        reconfigure(encoding="utf-8", errors=errors)
    except (OSError, ValueError):  # a stream that cannot change (already detached, closed)
        return None
    return lambda: reconfigure(encoding=encoding, errors=errors)


def _run(argv: Sequence[str] | None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The sub-command is the first argument (the top level has only --version and --help): build
    # only its parser. Anything else (help, no or an unknown command) gets the full parser.
    command = arguments[0] if arguments and arguments[0] in _COMMANDS else None
    args = build_parser(command).parse_args(arguments)
    handler = cast("Callable[[argparse.Namespace], int] | None", getattr(args, "handler", None))
    if handler is None:  # no sub-command: the full help, every sub-command listed
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        configure = getattr(args, "configure", None)
        if configure is not None:  # the configuration file fills what the flags left open (_cli._config)
            configure(args)
        if hasattr(args, "lang"):  # one check for every sub-command's --lang (never silent English)
            args.lang = _lang_option(args.lang)
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below, not at exit
        return code
    except BrokenPipeError:  # the reader went away (`klachtregels rules | head`): not an error of ours
        _quiet_stdout()
        return EXIT_OK
    except KlachtregelsError as exc:
        print(f"klachtregels: error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # unreadable/unwritable file named on the command line
        print(f"klachtregels: error: {_os_error(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyError as exc:  # ZoneInfoNotFoundError is one: only when tzdata was removed and the OS has none
        if not _no_time_zone(exc):
            raise
        print(
            "klachtregels: error: no time-zone database for Europe/Amsterdam: install tzdata", file=sys.stderr
        )
        return EXIT_USAGE


def _lang_option(lang: object) -> str:
    """``--lang``, checked by the library's one test (:func:`klachtregels.messages.check_lang`); an
    unknown language is an error about the option, naming the languages accepted, never the value."""
    try:
        return check_lang(lang)
    except UnknownLanguageError:
        from klachtregels._cli._options import argument_error

        problem = f"unknown language; use one of {', '.join(LANGUAGES)}"
        raise argument_error("--lang", problem) from None


def _no_time_zone(exc: KeyError) -> bool:
    """Whether ``exc`` is :class:`zoneinfo.ZoneInfoNotFoundError` (zoneinfo imported only if it was used)."""
    zoneinfo = sys.modules.get("zoneinfo")
    return zoneinfo is not None and isinstance(exc, zoneinfo.ZoneInfoNotFoundError)


def _os_error(exc: OSError) -> str:
    """``FILE: reason`` for an OS error; the file named whenever the error carries one."""
    reason = exc.strerror or type(exc).__name__
    names = [n for n in (exc.filename, exc.filename2) if n not in (None, "")]
    where = " -> ".join(one_line(str(n)) for n in names)
    if not where and _no_working_directory():  # os.getcwd() names no file: say which folder is gone
        where = "the working directory"
    return f"{where}: {reason}" if where else reason


def _no_working_directory() -> bool:
    """Whether the working directory is gone (deleted or moved away while the shell stood in it).

    ``os.getcwd()`` then fails without a file name, and so does everything that resolves a relative
    name (looking for ``klachtregels.toml``, comparing outputs and inputs).
    """
    try:
        os.getcwd()  # noqa: PTH109 (os: pathlib is not imported at start-up, issue 8)
    except OSError:
        return True
    return False


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real standard output (embedded, captured): nothing to protect
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
