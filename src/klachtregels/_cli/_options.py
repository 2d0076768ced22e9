"""Options shared by several sub-commands, spelled once.

``--lang`` is accepted as any text and checked by :func:`klachtregels.cli.main` against the message
catalogue's languages, so an unknown language gives the library's own
:class:`~klachtregels.messages.UnknownLanguageError` (one line on stderr, exit 2) in every sub-command
that uses :func:`add_lang`, never silent English.
"""

from __future__ import annotations

from typing import Any

from klachtregels.messages import LANGUAGES

__all__ = ["add_lang"]


def add_lang(parser: Any, what: str) -> None:
    """Add ``--lang nl|en`` (default ``nl``); ``what`` names what the language applies to."""
    parser.add_argument(
        "--lang",
        default=LANGUAGES[0],
        metavar="{" + ",".join(LANGUAGES) + "}",
        help=f"language of {what} (default {LANGUAGES[0]})",
    )
