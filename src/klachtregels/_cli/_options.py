"""Options shared by several sub-commands, spelled once.

``--lang`` is accepted as any text and checked by :func:`klachtregels.cli.main` against the message
catalogue's languages, so an unknown language gives the library's own
:class:`~klachtregels.messages.UnknownLanguageError` (one line on stderr, exit 2) in every sub-command
that uses :func:`add_lang`, never silent English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klachtregels.errors import InvalidInputError
from klachtregels.messages import LANGUAGES

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["add_lang", "parse_day"]


def add_lang(parser: Any, what: str) -> None:
    """Add ``--lang nl|en`` (default ``nl``); ``what`` names what the language applies to."""
    parser.add_argument(
        "--lang",
        default=LANGUAGES[0],
        metavar="{" + ",".join(LANGUAGES) + "}",
        help=f"language of {what} (default {LANGUAGES[0]})",
    )


def parse_day(text: str, argument: str) -> dt.date:
    """A day given on the command line, in the one date convention (:func:`klachtregels._time.read_date`).

    Errors name the argument and the kind of problem, never the value given.
    """
    from klachtregels._time import DateTextError, read_day
    from klachtregels.messages import text as message

    try:
        return read_day(text)
    except DateTextError as exc:
        raise InvalidInputError("command-line argument", [(argument, message(exc.code, "en"))]) from None
