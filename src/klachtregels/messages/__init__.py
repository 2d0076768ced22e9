"""One catalogue of user-facing text, Dutch and English, kept as data keyed by code.

Every sentence klachtregels shows a person (a rule's reason, a flag, a label, a status line) lives in
a TOML file in this package, one file per part of the library (``scope.toml``, ``report.toml``,
...). Each entry is a table keyed by its code with one template per language::

    [HANDLING_LATE]
    nl = "Het oordeel kwam op {handled} en dus te laat."
    en = "The judgement came on {handled}, which is late."

Text is rendered on demand with :func:`text`; nothing is formatted until somebody reads it.
Parameters are formatted by :func:`format_value`, so a date reads ``maandag 9 maart 2026`` in Dutch
and ``Monday 9 March 2026`` in English wherever it appears. An unknown language is an error
(:class:`UnknownLanguageError`), never silent English.

A :class:`Message` is a code with its parameters: a value object that renders itself in either
language, for results that are built now and read (perhaps) later.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import os
import string
import tomllib
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels._time import local_day
from klachtregels.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "LANGUAGES",
    "Joined",
    "Message",
    "UnknownLanguageError",
    "check_lang",
    "codes",
    "format_date",
    "format_value",
    "has_text",
    "placeholders",
    "text",
]

#: The languages every entry has, Dutch first.
LANGUAGES: Final = ("nl", "en")


class UnknownLanguageError(InvalidInputError):
    """A language other than ``nl`` or ``en`` was asked for."""

    def __init__(self) -> None:
        super().__init__("arguments", [("lang", "unknown language; use 'nl' or 'en'")])


def check_lang(lang: object) -> str:
    """``lang`` when it is ``nl`` or ``en``; else :class:`UnknownLanguageError`."""
    if lang == "nl" or lang == "en":
        return lang
    raise UnknownLanguageError


#: The generated index of every code -> the stem of the TOML file that holds it, with each file's size
#: when it was written (``python -m klachtregels.messages`` writes it; a test checks it against the
#: files), so a code's file is read without parsing the others.
_INDEX_FILE: Final = "index.json"


# The package directory itself, by os.path: importlib.resources and pathlib cost more to import than
# the files cost to read (as klachtregels.calendar reads its data).
_FOLDER: Final = os.path.dirname(__file__)  # noqa: PTH120


def _path(name: str) -> str:
    return os.path.join(_FOLDER, name)  # noqa: PTH118


def _stems() -> list[str]:
    """The stems of the TOML files in this package, in name order."""
    names = os.listdir(_FOLDER)  # noqa: PTH208
    return sorted(name.removesuffix(".toml") for name in names if name.endswith(".toml"))


def _sizes() -> dict[str, int]:
    """Each TOML file's size in bytes, by stem."""
    return {stem: os.stat(_path(f"{stem}.toml")).st_size for stem in _stems()}  # noqa: PTH116


@functools.cache
def _index() -> Mapping[str, str]:
    """Code -> the stem of its TOML file.

    The shipped index, unless a file was added, removed or changed size since it was written (a code
    added while working, before ``python -m klachtregels.messages``): then every file is read, as
    :func:`build_index` does, so a stale index costs time, never a missing text.
    """
    import json  # not at import: a run that shows no text never needs it

    with open(_path(_INDEX_FILE), encoding="utf-8") as fh:  # noqa: PTH123
        shipped = json.load(fh)
    if shipped["sizes"] != _sizes():
        return build_index()
    codes: dict[str, str] = shipped["codes"]
    return codes


@functools.cache
def _file(stem: str) -> Mapping[str, Mapping[str, str]]:
    """The entries of one TOML file (``stem.toml``), each checked: exactly nl and en."""
    name = f"{stem}.toml"
    with open(_path(name), "rb") as fh:  # noqa: PTH123
        data = tomllib.load(fh)
    for code, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGUAGES):
            raise RuntimeError(f"message {code} in {name} must have exactly nl and en")
    return data


def _entry(code: str) -> Mapping[str, str]:
    """The entry ``code`` (:class:`KeyError` when the catalogue has none), its file read on first use."""
    return _file(_index()[code])[code]


def build_index() -> dict[str, str]:
    """The index the TOML files call for: every code -> its file's stem, in code order.

    Reads every file, each code once (else :class:`RuntimeError`): for :func:`write_index`, the test
    that keeps the shipped index true, and a stale index (:func:`_index`).
    """
    index: dict[str, str] = {}
    for stem in _stems():
        for code in _file(stem):
            if code in index:
                raise RuntimeError(f"message code {code} is defined twice ({stem}.toml)")
            index[code] = stem
    return dict(sorted(index.items()))


def write_index() -> None:
    """Write the index (``messages/index.json``) from the TOML files: run after adding or moving a code."""
    import json

    text = json.dumps({"codes": build_index(), "sizes": _sizes()}, indent=0, sort_keys=True) + "\n"
    with open(_path(_INDEX_FILE), "w", encoding="utf-8", newline="\n") as fh:  # noqa: PTH123
        fh.write(text)


def codes(prefix: str = "") -> tuple[str, ...]:
    """The catalogue's codes that start with ``prefix``, in code order."""
    return tuple(code for code in _index() if code.startswith(prefix))


def has_text(code: str) -> bool:
    """Whether the catalogue has an entry ``code``."""
    return code in _index()


def placeholders(code: str) -> frozenset[str]:
    """The ``{name}`` placeholders the entry ``code`` uses, in either language."""
    entry = _entry(code)
    return frozenset(
        name for lang in LANGUAGES for _, name, _, _ in string.Formatter().parse(entry[lang]) if name
    )


_MONTHS: Final = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
_WEEKDAYS: Final = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def format_date(day: dt.date, lang: str = "nl", *, weekday: bool = True) -> str:
    """``dinsdag 5 mei 2026`` / ``Tuesday 5 May 2026`` (locale-independent; the one date format)."""
    lang = check_lang(lang)
    if day.__class__ is not dt.date:  # a date-time (its Amsterdam day, as everywhere), or a mistake
        day = _day_argument(day)
    if weekday is not True and weekday is not False:  # untyped callers
        weekday = _switch_argument(weekday)  # type: ignore[unreachable]  # untyped callers
    plain = f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[lang][day.weekday()]} {plain}" if weekday else plain


def _day_argument(value: object) -> dt.date:
    """``format_date``'s day that is not a plain date: a date-time's Amsterdam day; else refused."""
    from klachtregels._arguments import wrong_type  # only off the common path

    if not isinstance(value, dt.date):
        raise wrong_type("day", "a date", value)
    return local_day(value)


def _switch_argument(value: object) -> bool:
    from klachtregels._arguments import bool_argument

    return bool(bool_argument(value, "weekday"))


def format_value(value: object, lang: str) -> str:
    """A parameter as a person reads it: dates with weekday, enums by value, lists joined."""
    if isinstance(value, dt.date):  # a date-time shows its Europe/Amsterdam day
        return format_date(local_day(value), lang)
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, Joined):
        return value.sep.join(format_value(v, lang) for v in value.items)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list | tuple | frozenset | set):
        return ", ".join(format_value(v, lang) for v in value)
    return str(value)


def text(code: str, lang: str = "nl", /, **params: object) -> str:
    """The entry ``code`` in ``lang`` with ``params`` filled in.

    Raises :class:`UnknownLanguageError` for a language other than ``nl``/``en`` and
    :class:`KeyError` for a code the catalogue does not have (a programming error).
    """
    template = _entry(code)[check_lang(lang)]
    if not params:
        return template
    return template.format_map({k: format_value(v, lang) for k, v in params.items()})


@attrs.frozen(slots=True)
class Joined:
    """A parameter that lists ``items`` (messages or values) joined by ``sep``, each in the message's
    language: several problems in one message (``"; "``, since a problem may hold commas)."""

    items: tuple[Any, ...]
    sep: str = "; "


@attrs.frozen(slots=True)
class Message:
    """A catalogue code and its parameters, rendered when read."""

    code: str
    params: Mapping[str, Any] = attrs.field(factory=dict, eq=False)

    def render(self, lang: str = "nl") -> str:
        """The message in ``lang`` (``nl`` or ``en``)."""
        return text(self.code, lang, **self.params)

    def both(self) -> dict[str, str]:
        """``{"nl": ..., "en": ...}`` (the JSON form of a message)."""
        return {lang: self.render(lang) for lang in LANGUAGES}
