"""The one structuring layer: plain data (JSON, TOML, CSV cells) <-> klachtregels' classes.

Built on cattrs (from the attrs project, made for exactly this). One :class:`cattrs.Converter`
knows every leaf type klachtregels uses, and the same hooks serve two doors:

* :func:`structure` turns plain data (``dict``/``list``/``str``/``int``/``bool``/``None``) into a
  class, collecting **every** problem at once, each with its path (``subjects[1]``,
  ``judgement.measures[0].due_on``);
* :func:`validate` checks the fields of an object built in Python (``Complaint(channel="email")``)
  against their annotations, normalising what the layer accepts (an enum's value or a Dutch or
  English word for it, a list for a tuple) and collecting every problem the same way.

A problem names the *kind* of problem, never the rejected value (it may be personal data). Unknown
fields and unknown vocabulary words get a "did you mean" (:mod:`difflib`). Errors are
:class:`~klachtregels.errors.InvalidInputError` with ``problems`` as ``(path, message)`` pairs; a
message made here or by the model's checks is a :class:`ProblemText`: its English text, which also
knows its catalogue entry (``messages/input.toml``), so an output in Dutch says it in Dutch.

Dates: a ``dt.date`` field accepts a ``date``, a ``datetime`` (kept: its instant matters, A22) or an
ISO string. The *day* of a value is read through :func:`klachtregels._time.local_day` (the
Europe/Amsterdam day), which the model's day accessors (``Complaint.received_date``) use, so no
other module converts.

Text: the text fields of the record classes (:func:`register_text`: ids, names, locations, descriptions)
are read as a register cell reads text, stripped, a blank one unknown; other text is kept as given.

Enum words: :func:`register_words` records, per enum, the words accepted besides its values (the
one Dutch/English vocabulary table lives in :mod:`klachtregels.model`); :func:`lookup_word` reads
it, for the register, the CLI and every other door.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import operator
import re
import sys
import types
import typing
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, TypeVar, Union

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from klachtregels import messages
from klachtregels._time import DateTextError, is_week_date, local_day, read_date
from klachtregels.errors import InvalidInputError

__all__ = [
    "ABSENT",
    "CONVERTER",
    "LIST_SEPARATORS",
    "MAX_DATE_CHARS",
    "REPORTED",
    "Check",
    "Extra",
    "InputProblem",
    "Problem",
    "ProblemText",
    "Shape",
    "accepted_words",
    "closest",
    "date_from_text",
    "did_you_mean",
    "invisible_problem",
    "is_none_word",
    "kind_message",
    "kind_of",
    "list_from_text",
    "listed_twice",
    "lookup_word",
    "normalise_word",
    "number_text",
    "post_init",
    "problem_message",
    "problems_of",
    "read_boolean",
    "register_keys",
    "register_shape",
    "register_text",
    "register_words",
    "shown_key",
    "structure",
    "to_plain",
    "unknown_key",
    "validate",
    "word_or_value",
]

T = TypeVar("T")
Problem = tuple[str, str]
Hook = Callable[[Any, Any], Any]
#: A cross-field check: appends ``(field, message)`` problems to the list it is given.
Extra = Callable[[list[Problem]], None]


class ProblemText(str):
    """A problem's message: its English text (what it compares, hashes and prints as), which also
    keeps its catalogue :class:`~klachtregels.messages.Message`, so :meth:`render` says it in Dutch.

    ``ProblemText("INPUT_REQUIRED")`` is ``"required, but missing"``; the parameters are kinds,
    limits and vocabulary words, never the value the problem is about.
    """

    message: messages.Message

    def __new__(cls, code: str, /, **params: object) -> ProblemText:
        message = messages.Message(code, params)
        obj = super().__new__(cls, message.render("en"))
        obj.message = message
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (_problem_text, (self.message.code, dict(self.message.params)))

    def render(self, lang: str = "nl") -> str:
        """The problem in ``lang`` (``nl`` or ``en``)."""
        return self.message.render(lang)


def _problem_text(code: str, params: dict[str, object]) -> ProblemText:
    return ProblemText(code, **params)


def problem_message(message: str) -> messages.Message | str:
    """What an output shows for a problem's ``message``: its catalogue message (rendered in the
    output's language) when it has one, else the text itself."""
    return message.message if isinstance(message, ProblemText) else message


class InputProblem(ValueError):
    """A leaf hook's verdict on one value: ``message`` says the kind of problem (never the value).

    ``problems`` may hold several ``(relative path, message)`` pairs (a list with bad items).
    """

    def __init__(self, message: str = "", problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = tuple(problems) or (("", message),)


# --------------------------------------------------------------------------------------------------
# Words, kinds and suggestions
# --------------------------------------------------------------------------------------------------


def normalise_word(word: str) -> str:
    """A vocabulary key: case-folded, ``_`` and ``-`` read as spaces, whitespace collapsed.

    An accent counts alike composed or decomposed (Unicode NFC or NFD, as exports from different
    systems write it): ``geïnformeerd`` typed on a Mac is the word of the table, as a header is the
    column (:func:`klachtregels.register.spec.norm_header`) and a term's unit is its word.
    """
    if not word.isascii():
        import unicodedata  # only then: not on the start-up path

        word = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).casefold())
    return " ".join(word.replace("_", " ").replace("-", " ").casefold().split())


def invisible_problem(text: str) -> ProblemText | None:
    """The problem with a name, id or vocabulary word that holds an invisible format character
    (Unicode category Cf): a zero-width space, non-joiner or joiner (U+200B-U+200D), a word joiner
    (U+2060), a byte order mark inside the value (U+FEFF), a soft hyphen, a direction mark
    (U+200E, U+200F, U+061C) or a bidirectional embedding, override or isolate (U+202A-U+202E,
    U+2066-U+2069); ``None`` when it holds none.

    Such a character makes two values that read the same differ (``KDV De Zon`` and
    ``KDV De\u200bZon`` would count as two locations in the annual report, R9) and a bidirectional
    control makes a line read otherwise than it is ("Trojan Source"), so a value that names or
    labels something is refused, never altered. Free text (a description) keeps them; the outputs
    strip the bidirectional controls (:func:`klachtregels._io.printable`).
    """
    if text.isprintable():  # the common case: no format character (they are not printable)
        return None
    import unicodedata  # only then: not on the start-up path

    if any(unicodedata.category(char) == "Cf" for char in text):
        return ProblemText("INPUT_INVISIBLE_CHARACTER")
    return None


_WORDS: dict[type[enum.Enum], dict[str, enum.Enum]] = {}


def register_words(vocabulary: type[enum.Enum], words: Mapping[str, str]) -> None:
    """Accept ``words`` (word -> enum value) for ``vocabulary`` everywhere, besides its values."""
    table = {normalise_word(str(m.value)): m for m in vocabulary}
    table.update({normalise_word(w): vocabulary(v) for w, v in words.items()})
    _WORDS[vocabulary] = table
    _enum_hook.cache_clear()
    _lookup_short_word.cache_clear()


def _word_table(vocabulary: type[enum.Enum]) -> dict[str, enum.Enum]:
    table = _WORDS.get(vocabulary)
    if table is None:
        table = {normalise_word(str(m.value)): m for m in vocabulary}
    return table


def lookup_word(vocabulary: type[enum.Enum], word: str) -> enum.Enum | None:
    """The member of ``vocabulary`` that ``word`` names (a value or a registered word, any case), or None."""
    if len(word) > _CACHED_WORD_CHARS:  # not kept: a long text would stay in memory with the cache
        return _word_table(vocabulary).get(normalise_word(word))
    return _lookup_short_word(vocabulary, word)


#: Words up to this length are looked up once and kept (a register repeats its words).
_CACHED_WORD_CHARS = 128


@functools.lru_cache(maxsize=8192)
def _lookup_short_word(vocabulary: type[enum.Enum], word: str) -> enum.Enum | None:
    return _word_table(vocabulary).get(normalise_word(word))


E = TypeVar("E", bound=enum.Enum)
_D = TypeVar("_D", bound=dt.date)


def word_or_value(vocabulary: type[E], value: object) -> E:
    """The member ``value`` names (a member, its value or a word), else ``value`` unchanged.

    For attrs converters: they must not raise, and what they cannot read (typed as if read) is
    left for the validation, which reports every problem at once.
    """
    if value.__class__ is vocabulary or not isinstance(value, str):
        return typing.cast("E", value)
    member = lookup_word(vocabulary, value)
    return typing.cast("E", value if member is None else member)


def accepted_words(vocabulary: type[enum.Enum]) -> list[str]:
    """The values of ``vocabulary`` followed by the other words it accepts (for docs and schemas)."""
    values = [str(m.value) for m in vocabulary]
    return values + [w for w in _word_table(vocabulary) if w not in values]


def closest(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The choice closest to ``word`` (difflib's ratio ``cutoff`` or more), or ``None``: the one
    near-miss search of every "did you mean" (words, keys, column names, header suggestions).

    The ratio is at most ``2 * len(choice) / (len(word) + len(choice))``, so a word longer than
    ``(2 / cutoff - 1)`` times the longest choice cannot reach the cutoff: it is not compared (on
    megabytes of text the comparison takes seconds and hundreds of megabytes).
    """
    options = list(choices)
    if not options or len(word) * cutoff > (2 - cutoff) * max(map(len, options)):
        return None
    close = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or ``""``. Only a known choice is ever shown."""
    hint = _hint(word, choices)
    return hint if isinstance(hint, str) else hint.render("en")


def _hint(word: str, choices: Iterable[str]) -> messages.Message | str:
    """:func:`did_you_mean` as a message (a parameter of a :class:`ProblemText`), or ``""``."""
    found = closest(word, choices)
    return "" if found is None else messages.Message("INPUT_DID_YOU_MEAN", {"word": found})


#: A key an error may name: it looks like an identifier. Any other key the user chose (a name typed
#: as a key, a sentence) may itself be personal data and is not shown.
_SHOWABLE_KEY: Final = re.compile(r"[a-z_][a-z0-9_]{0,40}")


def shown_key(key: object) -> str | None:
    """``key`` when an error may name it (it looks like an identifier), else ``None``."""
    return key if isinstance(key, str) and _SHOWABLE_KEY.fullmatch(key) else None


def unknown_key(path: str, key: object, known: Iterable[str], what: str = "field") -> Problem:
    """The problem for ``key`` under ``path`` that is not one of ``known``.

    An identifier-like key is named (``complainant.nmae: unknown field (did you mean 'name'?)``);
    any other key is not shown (``complainant: an unknown key (not shown)``). The hint only ever
    shows a known key.
    """
    name = shown_key(key)
    hint = _hint(str(key), known)
    if name is None:
        return path, ProblemText("INPUT_UNKNOWN_KEY_NOT_SHOWN", hint=hint)
    return _join(path, name), ProblemText(_UNKNOWN[what], hint=hint)


#: The message of an unknown key, by what the key names.
_UNKNOWN: Final = {
    "field": "INPUT_UNKNOWN_FIELD",
    "key": "INPUT_UNKNOWN_KEY",
    "section": "INPUT_UNKNOWN_SECTION",
    "setting": "INPUT_UNKNOWN_SETTING",
}


_KINDS: Final = {
    dict: messages.Message("VALUE_OBJECT"),
    list: messages.Message("VALUE_LIST"),
    tuple: messages.Message("VALUE_LIST"),
    str: messages.Message("VALUE_TEXT"),
    bool: messages.Message("VALUE_BOOLEAN"),
    int: messages.Message("VALUE_WHOLE_NUMBER"),
    float: messages.Message("VALUE_NUMBER"),
    type(None): messages.Message("VALUE_NULL"),
    dt.date: messages.Message("VALUE_DATE"),
    dt.datetime: messages.Message("VALUE_DATE_TIME"),
}


def kind_message(value: object) -> messages.Message:
    """What kind of value this is, as a message (:func:`kind_of` in either language)."""
    kind = _KINDS.get(type(value))
    if kind is not None:
        return kind
    if isinstance(value, Mapping):
        return _KINDS[dict]
    return messages.Message("VALUE_TYPE", {"name": type(value).__name__})


def kind_of(value: object) -> str:
    """What kind of value this is, in words (``text``, ``a list``): said instead of the value itself."""
    return kind_message(value).render("en")


def _expected(expected: str, value: object) -> ProblemText:
    """``expected <kind>, got <kind of value>`` (``expected``: a ``VALUE_*`` code)."""
    return ProblemText("INPUT_EXPECTED", expected=messages.Message(expected), got=kind_message(value))


# --------------------------------------------------------------------------------------------------
# Leaf hooks (each takes the value and the type, returns the typed value or raises InputProblem)
# and the cell vocabulary they share with the register
# --------------------------------------------------------------------------------------------------

# --- the cell vocabulary: one input convention for register cells, JSON, TOML and from_dict ---------
# The words themselves are data (register/words.toml, loaded by klachtregels.register.spec); these
# functions are the one place that reads them, for the register's cells and for every other door.

#: Longest date text read (after stripping): every accepted form is shorter. A longer text is not a
#: date and is refused, never cut short (a name typed after a date must not pass as the date).
MAX_DATE_CHARS: Final = 64
#: What separates the items of a list written as text ("conduct;agreement", "a | b").
LIST_SEPARATORS: Final = re.compile(r"[;|]")


@functools.cache
def _cell_words() -> Any:
    # Read when first needed: the register's vocabulary module imports this one.
    from klachtregels.register.spec import WORDS

    return WORDS


@functools.cache
def _boolean_hint() -> str:
    from klachtregels.register.spec import BOOLEAN_WORDS

    pairs = zip(BOOLEAN_WORDS[::2], BOOLEAN_WORDS[1::2], strict=True)
    return ", ".join(f"{yes}/{no}" for yes, no in pairs)


def read_boolean(value: object) -> bool | None:
    """A yes/no value: ``True``/``False``, the numbers 1 and 0, or a boolean word of the cell
    vocabulary (``ja``/``nee``, ``yes``/``no``, ``waar``/``onwaar``, ``1``/``0``; any case). ``None``
    when ``value`` is none of these (the caller says what is wrong, never the value)."""
    if value.__class__ is bool:
        return bool(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return bool(value) if value in (0, 1) else None
    if isinstance(value, str):
        found: bool | None = _cell_words().booleans.get(normalise_word(value))
        return found
    return None


def is_none_word(text: str) -> bool:
    """Whether ``text`` is a word for "checked, there are none" (``geen``, ``none``; any case)."""
    return normalise_word(text) in _cell_words().none


def list_from_text(text: str, *, none: bool) -> list[str] | None:
    """The items of a list written as text: split at ``;`` or ``|``, stripped, blanks left out.

    With ``none``, a none word (:func:`is_none_word`) means "checked, there are none": ``None``.
    A text with no item at all (blank, or only separators such as ``;``) gives ``[]``: it states
    nothing, and every caller reads it as a blank cell (unknown), never as "checked, none".
    The register's list cells and JSON or TOML text where a list is expected are read alike.
    """
    if none and is_none_word(text):
        return None
    return [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]


def listed_twice(field: str, items: Sequence[Hashable]) -> list[Problem]:
    """A problem for each item of ``items`` that an earlier item already lists: ``field[i]``, "listed
    twice (the same as item j)", by index, never the value (one rule for every list of words that
    must not repeat one: a complaint's subjects, a policy's direct-access grounds)."""
    first: dict[Hashable, int] = {}
    problems: list[Problem] = []
    for index, item in enumerate(items):
        seen = first.setdefault(item, index)
        if seen != index:
            problems.append((f"{field}[{index}]", ProblemText("INPUT_LISTED_TWICE", first=seen)))
    return problems


def date_from_text(text: str) -> dt.date:
    """A date text in the one date convention (:func:`klachtregels._time.read_date`).

    Surrounding spaces do not count; a text longer than :data:`MAX_DATE_CHARS` is no date
    (:class:`~klachtregels._time.DateTextError`), whatever it starts with: it is never cut short.
    """
    stripped = text.strip()
    if len(stripped) > MAX_DATE_CHARS:
        raise DateTextError("DATE_FORMAT")
    return read_date(stripped)


def number_text(value: int) -> str | None:
    """A whole number written where text is expected, as its text (an id ``12`` is ``"12"``, as in a
    register cell); ``None`` when it has more digits than Python writes out."""
    try:
        return str(value)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        return None


# --- leaf hooks ----------------------------------------------------------------------------------


def _structure_date(value: Any, _: Any) -> dt.date:
    """A date, a datetime (its instant kept) or a date text (:func:`date_from_text`)."""
    if isinstance(value, dt.date):
        return _has_a_day(value)
    if isinstance(value, str):
        # The one date convention of every door (register cells, JSON, TOML, the command line).
        try:
            return date_from_text(value)
        except DateTextError as exc:
            raise InputProblem(ProblemText(exc.code)) from None
    raise InputProblem(_expected("VALUE_ISO_DATE", value))


def _has_a_day(value: _D) -> _D:
    """``value``, once its Europe/Amsterdam day is known to exist: an instant such as a TOML
    ``9999-12-31T23:00:00-10:00`` falls on no day a ``date`` holds (a problem of the field, not a
    traceback later)."""
    if isinstance(value, dt.datetime) and (value.tzinfo is not None or type(value) is not dt.datetime):
        try:
            local_day(value)  # an instant past the calendar, or pandas' NaT (no day at all)
        except DateTextError as exc:
            raise InputProblem(ProblemText(exc.code)) from None
    return value


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    """A datetime or an ISO date-time string (a bare date is not an instant)."""
    if isinstance(value, dt.datetime):
        return _has_a_day(value)
    if isinstance(value, str):
        try:
            if is_week_date(value.strip()):  # the one date convention reads no week dates
                raise ValueError
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InputProblem(ProblemText("INPUT_NOT_ISO_DATE_TIME")) from None
        return _has_a_day(parsed)
    raise InputProblem(_expected("VALUE_ISO_DATE_TIME", value))


def _structure_bool(value: Any, _: Any) -> bool:
    """A yes/no value in the cell vocabulary (:func:`read_boolean`), as in a register cell."""
    found = read_boolean(value)
    if found is not None:
        return found
    got = messages.Message("VALUE_OTHER_TEXT") if isinstance(value, str) else kind_message(value)
    raise InputProblem(ProblemText("INPUT_EXPECTED_BOOLEAN", words=_boolean_hint(), got=got))


def _structure_int(value: Any, _: Any) -> int:
    """A whole number that can be written out (a JSON parser refuses longer ones, and every message,
    label or report that shows it would fail)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _SAFE_INT_BITS and _too_long(value):
            raise InputProblem(ProblemText("INPUT_NUMBER_TOO_LONG", digits=sys.get_int_max_str_digits()))
        return value
    raise InputProblem(_expected("VALUE_WHOLE_NUMBER", value))


#: A whole number of at most this many bits has fewer than 640 digits, the smallest limit Python
#: allows for writing one out (``sys.set_int_max_str_digits``; 4300 by default); a longer one is
#: checked against the limit in force.
_SAFE_INT_BITS: Final = 3 * 640


def _too_long(value: int) -> bool:
    return number_text(value) is None


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise InputProblem(_expected("VALUE_NUMBER", value))


def _structure_str(value: Any, _: Any) -> str:
    """Text; a whole number is read as its text (:func:`number_text`), as in a register cell."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        text = number_text(value)
        if text is None:
            raise InputProblem(ProblemText("INPUT_NUMBER_TOO_LONG", digits=sys.get_int_max_str_digits()))
        return text
    raise InputProblem(_expected("VALUE_TEXT", value))


def _structure_text(value: Any, _: Any) -> str:
    """Text of a record (:func:`register_text`): read as :func:`_structure_str`, surrounding
    whitespace stripped, as a register cell reads it."""
    return _structure_str(value, str).strip()


def _structure_optional_text(value: Any, _: Any) -> str | None:
    """Text of a record that may be unknown: :func:`_structure_text`; blank is unknown (``None``),
    as a blank register cell."""
    if value is None:
        return None
    return _structure_str(value, str).strip() or None


def _structure_any(value: Any, _: Any) -> Any:
    return value


@functools.cache
def _enum_hook(vocabulary: type[enum.Enum]) -> Hook:
    """The hook for one enum: its member, its value, or a registered word (any case or spacing)."""
    table = _word_table(vocabulary)
    exact = {m.value: m for m in vocabulary}
    allowed = ", ".join(str(m.value) for m in vocabulary)

    def structure_enum(value: Any, _: Any) -> enum.Enum:
        if value.__class__ is vocabulary:
            member: enum.Enum | None = value
            assert member is not None
            return member
        if isinstance(value, str):
            member = exact.get(value)
            if member is None:
                key = normalise_word(value)
                member = table.get(key)
                if member is None:
                    invisible = invisible_problem(value)
                    if invisible is not None:  # "e\u200bmail": not an unknown word, a hidden character
                        raise InputProblem(invisible)
                    hint = _hint(key, table)
                    raise InputProblem(ProblemText("INPUT_NOT_ONE_OF", allowed=allowed, hint=hint))
            return member
        raise InputProblem(ProblemText("INPUT_EXPECTED_ONE_OF", allowed=allowed, got=kind_message(value)))

    return structure_enum


# --------------------------------------------------------------------------------------------------
# The converter
# --------------------------------------------------------------------------------------------------


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def _resolve(converter: cattrs.Converter, hint: Any) -> Hook:
    """The hook for ``hint``: cattrs' dispatch, except enums (a StrEnum would dispatch as str)."""
    if _is_enum(hint):
        return _enum_hook(hint)
    return converter.get_structure_hook(hint)


@attrs.frozen
class Check:
    """``typing.Annotated`` metadata: a further test of a value once it has its base type.

    ``test`` returns the kind of problem (never quoting the value) or ``None``. For example
    ``Annotated[int, Check(at_least_zero)]``; mypy reads the annotation as plain ``int``.
    """

    test: Callable[[Any], str | None]
    #: The name of a ``str`` method that, when it answers ``True``, means the test passes (``"isprintable"``):
    #: a text value is then checked without a call (the model's hot path).
    quick: str | None = None


def _is_checked(hint: Any) -> bool:
    return typing.get_origin(hint) is typing.Annotated and any(
        isinstance(m, Check) for m in hint.__metadata__
    )


def _checked_factory(hint: Any, converter: cattrs.Converter) -> Hook:
    base = hint.__origin__
    tests = tuple(m.test for m in hint.__metadata__ if isinstance(m, Check))
    hook = _resolve(converter, base)

    def structure_checked(value: Any, _: Any) -> Any:
        return _passes(tests, hook(value, base))

    return structure_checked


def _passes(tests: tuple[Callable[[Any], str | None], ...], value: Any) -> Any:
    """``value``, once every test of a checked type finds no problem with it (else the first problem)."""
    for test in tests:
        problem = test(value)
        if problem is not None:
            raise InputProblem(problem)
    return value


def _is_optional(hint: Any) -> bool:
    if typing.get_origin(hint) not in (Union, types.UnionType):
        return False
    args = typing.get_args(hint)
    return len(args) == 2 and type(None) in args


def _optional_factory(hint: Any, converter: cattrs.Converter) -> Hook:
    (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
    hook = _resolve(converter, inner)
    if _is_object_list(inner):
        # ``None`` is unknown, ``()`` "checked, none": a none word says the latter, as in a register
        # cell (signals, measures: 'geen', 'none').
        def structure_optional_list(value: Any, _: Any) -> Any:
            if value is None:
                return None
            if isinstance(value, str) and is_none_word(value):
                return ()
            return hook(value, inner)

        return structure_optional_list

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure_optional


def _is_homogeneous_tuple(hint: Any) -> bool:
    args = typing.get_args(hint)
    if typing.get_origin(hint) is Sequence and len(args) == 1:
        return True  # a Sequence[X] field is read as a tuple
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_object_list(hint: Any) -> bool:
    """Whether ``hint`` is a homogeneous tuple of attrs objects (signals, measures)."""
    if not _is_homogeneous_tuple(hint):
        return False
    item = typing.get_args(hint)[0]
    return isinstance(item, type) and attrs.has(item)


def _tuple_factory(hint: Any, converter: cattrs.Converter) -> Hook:
    """A list (or tuple) becomes a tuple; each bad item is reported with its index.

    A list of vocabulary words may also be written as text, as in a register cell
    (``"conduct;agreement"``: :func:`list_from_text`).
    """
    item = typing.get_args(hint)[0]
    hook = _resolve(converter, item)
    words = _is_enum(item)
    expected = "VALUE_WORD_LIST" if words else "VALUE_LIST"

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...] | None:
        shorthand = _SHORTHANDS.get(item)
        if words and isinstance(value, str):
            value = list_from_text(value, none=False)
            if not value:  # blank or only separators: not known, as a blank register cell
                return None
        elif shorthand is not None and isinstance(value, str):
            # Objects known by one word (signals by their kind) written as a register cell writes
            # them: "twijfel; abuse_at_home"; a none word ("geen") is checked, none; blank (or only
            # separators, ";"): not known, never "checked, none".
            items = list_from_text(value, none=True)
            if items == []:
                return None
            value = items or []
        if not isinstance(value, list | tuple):
            raise InputProblem(_expected(expected, value))
        out: list[Any] = []
        problems: list[Problem] = []
        for i, element in enumerate(value):
            if shorthand is not None and isinstance(element, str):
                element = {shorthand: element}  # "twijfel" is {"kind": "twijfel"}
            try:
                out.append(hook(element, item))
            except Exception as exc:
                problems.extend(_problems(exc, f"[{i}]"))
        if problems:
            raise InputProblem(problems[0][1], problems)
        if value.__class__ is tuple and all(a is b for a, b in zip(out, value, strict=True)):
            return value  # already normalised: keep the object (no write-back needed)
        return tuple(out)

    return structure_tuple


#: Classes whose objects may be written as one word, the value of this field (``register_shorthand``).
_SHORTHANDS: dict[Any, str] = {}


def register_shorthand(cls: type, field: str) -> None:
    """Let a list of ``cls`` objects be written as words, each the value of ``field`` (a signal as its
    kind: ``"signals": ["twijfel"]`` or ``"signals": "twijfel; abuse_at_home"``), as a register cell
    writes them; ``"geen"`` (a none word) is an empty list."""
    _SHORTHANDS[cls] = field


def _is_tuple(hint: Any) -> bool:
    return hint is tuple or typing.get_origin(hint) is tuple


_JSON_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _tuple_unstructure_factory(hint: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """A tuple becomes a list; the items' hook is found once per item type (not per item)."""
    args = typing.get_args(hint)
    if len(args) == 2 and args[1] is Ellipsis and isinstance(args[0], type):
        item_hook = converter.get_unstructure_hook(args[0])
        return lambda value: [item_hook(x) for x in value]
    hooks: dict[type, Callable[[Any], Any]] = {}

    def unstructure_items(value: Any) -> list[Any]:
        if all(item.__class__ in _JSON_SCALARS for item in value):
            return list(value)  # rule ids, codes, years: nothing to convert
        out = []
        for item in value:
            hook = hooks.get(item.__class__)
            if hook is None:
                hook = hooks[item.__class__] = converter.get_unstructure_hook(item.__class__)
            out.append(hook(item))
        return out

    return unstructure_items


def _is_mapping(hint: Any) -> bool:
    return typing.get_origin(hint) in (Mapping, dict) or hint in (Mapping, dict)


def _mapping_factory(hint: Any, converter: cattrs.Converter) -> Hook:
    """An object whose values are structured by the value type; each bad value is reported by key."""
    args = typing.get_args(hint)
    value_type = args[1] if len(args) == 2 else Any
    hook = _resolve(converter, value_type)

    def structure_mapping(value: Any, _: Any) -> dict[Any, Any]:
        if not isinstance(value, Mapping):
            raise InputProblem(_expected("VALUE_OBJECT", value))
        if value_type is Any:
            return dict(value)
        out: dict[Any, Any] = {}
        problems: list[Problem] = []
        for key, element in value.items():
            try:
                out[key] = hook(element, value_type)
            except Exception as exc:
                problems.extend(_problems(exc, str(key)))
        if problems:
            raise InputProblem(problems[0][1], problems)
        return out

    return structure_mapping


def _attrs_factory(cls: type, converter: cattrs.Converter) -> Hook:
    """A class: an instance passes; a mapping is structured by cattrs' generated function."""
    shape = _SHAPES.get(_qualified(cls))
    if shape is not None:
        return _shaped_structure(cls, converter, shape)
    return _class_hook(cls, converter, {})


def _attrs_unstructure_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    hints(cls)
    plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, converter)
    shape = _SHAPES.get(_qualified(cls))
    return plain if shape is None else shape.writer(plain, converter)


# --------------------------------------------------------------------------------------------------
# Shapes: a class whose JSON form is not simply its fields (a versioned header, nested or derived keys)
# --------------------------------------------------------------------------------------------------


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


#: What a :attr:`Shape.restored` function returns when the field is left to its default.
ABSENT: Final = object()
#: What a :attr:`Shape.restored` function returns when the field is left out because a problem
#: with it was reported (by a check of the form): its absence is not reported again.
REPORTED: Final = object()


@attrs.frozen(kw_only=True)
class Shape:
    """How the JSON form of a class differs from its fields (a published, versioned shape).

    ``order`` lists every key of the JSON form in order: a field name, a key of ``derived`` or a
    key of ``nested``. ``schema`` adds ``"schema"`` and ``"schema_version"`` first, checked on the
    way in. ``derived`` keys are written from the object (``definite``, ``explanation``) and ignored
    on the way in. ``nested`` folds fields into a sub-object (``"message": {"nl": "message_nl"}``).
    ``codecs`` give a field its own plain form: ``(write, read)`` (``facts`` as an object).
    """

    order: tuple[str, ...]
    schema: tuple[str, int | str] | None = None
    derived: Mapping[str, Callable[[Any], Any]] = attrs.field(factory=dict)
    nested: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    codecs: Mapping[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = attrs.field(factory=dict)
    #: Keys left out when ``None`` (for a ``nested`` key: its ``None`` members), as absent, not null.
    omit_none: frozenset[str] = frozenset()
    #: Keys that spell a field differently: key -> field (``"message"`` for the field ``text``).
    renamed: Mapping[str, str] = attrs.field(factory=dict)
    #: Fields the JSON form does not hold but implies, read back from it: field -> (the key its
    #: problems are reported under, a function of the incoming mapping giving the field's plain
    #: value, or :data:`ABSENT` to leave it to its default). A ``KeyError`` is reported at that key
    #: as required, a ``TypeError`` or ``ValueError`` as not in the expected form, and an
    #: :class:`InputProblem` by its own paths.
    restored: Mapping[str, tuple[str, Callable[[Mapping[str, Any]], Any]]] = attrs.field(factory=dict)
    #: Checks of the incoming form across keys (a function of it giving its problems, by path).
    checks: tuple[Callable[[Mapping[str, Any]], list[Problem]], ...] = ()

    def writer(
        self, plain: Callable[[Any], dict[str, Any]], converter: cattrs.Converter
    ) -> Callable[[Any], Any]:
        """The unstructure function: the fields' plain form, rearranged into this shape.

        The steps are worked out once; a derived value's hook is looked up once per type.
        """
        steps = [self._step(key) for key in self.order]
        header = (
            {} if self.schema is None else dict(zip(("schema", "schema_version"), self.schema, strict=True))
        )
        hooks: dict[type, Callable[[Any], Any]] = {}

        def unstructure(value: Any) -> Any:
            hook = hooks.get(value.__class__)
            if hook is None:
                hook = hooks[value.__class__] = converter.get_unstructure_hook(value.__class__)
            return hook(value)

        def write(obj: Any) -> dict[str, Any]:
            fields = plain(obj)
            out: dict[str, Any] = dict(header)
            for key, kind, arg in steps:
                if kind == "field":
                    out[key] = fields[arg]
                elif kind == "optional":
                    if fields[arg] is not None:
                        out[key] = fields[arg]
                elif kind == "derived":
                    out[key] = unstructure(arg(obj))
                elif kind == "codec":
                    out[key] = arg(getattr(obj, key))
                else:  # nested
                    names, skip = arg
                    out[key] = {
                        sub: fields[n] for sub, n in names.items() if not (skip and fields[n] is None)
                    }
            return out

        return write

    def _step(self, key: str) -> tuple[str, str, Any]:
        """How ``write`` fills one key: from a field, derived, a codec, or nested fields."""
        if key in self.derived:
            return key, "derived", self.derived[key]
        if key in self.nested:
            return key, "nested", (self.nested[key], key in self.omit_none)
        if key in self.codecs:
            return key, "codec", self.codecs[key][0]
        return key, "optional" if key in self.omit_none else "field", self.renamed.get(key, key)

    def unfold(
        self, data: Mapping[str, Any], problems: list[Problem], reported: set[str] | None = None
    ) -> dict[str, Any]:
        """The field-keyed form of ``data`` (header checked, derived keys dropped, nested keys
        unfolded, implied fields restored; ``reported`` collects the restored fields whose problem
        is reported here, so that their absence is not reported again)."""
        out = dict(data)
        for check in self.checks:
            problems.extend(check(data))
        self._restore(data, out, problems, reported)
        if self.schema is not None:
            name, version = self.schema
            if out.pop("schema", None) != name:
                problems.append(("schema", ProblemText("INPUT_SCHEMA", name=name)))
            elif out.pop("schema_version", None) != version:
                problems.append(("schema_version", ProblemText("INPUT_SCHEMA_VERSION", version=version)))
        for key in self.derived:
            out.pop(key, None)
        for key, field in self.renamed.items():
            if key in out:
                out[field] = out.pop(key)
        for key, names in self.nested.items():
            self._unfold_nested(out, key, names, problems)
        for key, (_, read) in self.codecs.items():
            if key in out:
                try:
                    out[key] = read(out[key])
                except (TypeError, ValueError, AttributeError):
                    problems.append((key, ProblemText("INPUT_NOT_IN_FORM")))
        return out

    def _restore(
        self,
        data: Mapping[str, Any],
        out: dict[str, Any],
        problems: list[Problem],
        reported: set[str] | None,
    ) -> None:
        """Put back into ``out`` the fields the form implies (``restored``), each from ``data``;
        a field whose problem is reported here goes into ``reported``."""
        for field, (key, restore) in self.restored.items():
            if field in out and field not in self.order:  # not a key of the form: never given
                out.pop(field)
                problems.append(unknown_key("", field, self.order))
            try:
                value = restore(data)
            except InputProblem as exc:  # its own paths (from the top of the form), each once
                problems.extend(p for p in exc.problems if p not in problems)
                value = REPORTED
            except KeyError:
                problems.append((key, ProblemText("INPUT_REQUIRED")))
                value = REPORTED
            except (TypeError, ValueError):
                problems.append((key, ProblemText("INPUT_NOT_IN_FORM")))
                value = REPORTED
            if value is REPORTED:
                if reported is not None:
                    reported.add(field)
            elif value is not ABSENT:
                out[field] = value

    @staticmethod
    def _unfold_nested(
        out: dict[str, Any], key: str, names: Mapping[str, str], problems: list[Problem]
    ) -> None:
        sub = out.pop(key, None)
        if sub is None:
            return
        if not isinstance(sub, Mapping):
            problems.append((key, _expected("VALUE_OBJECT", sub)))
            return
        for sub_key, value in sub.items():
            if sub_key in names:
                out[names[sub_key]] = value
            else:
                problems.append(unknown_key(key, sub_key, names))

    def key_of(self, field: str) -> str:
        """The JSON key (path) a field's problems are reported under."""
        if field in self.restored:
            return self.restored[field][0]
        for key, name in self.renamed.items():
            if name == field:
                return key
        for key, names in self.nested.items():
            for sub, name in names.items():
                if name == field:
                    return f"{key}.{sub}"
        return field


def _shaped_structure(cls: type, converter: cattrs.Converter, shape: Shape) -> Hook:
    fields_hook = _class_hook(cls, converter, {})

    def structure_shaped(value: Any, _: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise InputProblem(_expected("VALUE_OBJECT", value))
        problems: list[Problem] = []
        reported: set[str] = set()
        data = shape.unfold(value, problems, reported)
        if problems and any(path.startswith("schema") for path, _ in problems):
            raise InputProblem(problems[0][1], problems)  # another shape: its fields mean nothing here
        try:
            result = fields_hook(data, cls)
        except Exception as exc:
            for path, message in _problems(exc, ""):
                head, sep, rest = path.partition(".")
                if head not in reported:  # a restored field's problem is reported already
                    problems.append((shape.key_of(head) + sep + rest, message))
        if problems:
            raise InputProblem(problems[0][1], problems)
        return result

    return structure_shaped


#: The published shapes, by class (module.qualname): kept here, with the layer, as data.
_SHAPES: dict[str, Shape] = {}


def register_shape(cls_name: str, shape: Shape) -> None:
    """Give the class ``cls_name`` (``module.QualName``) this JSON shape (before its first use)."""
    _SHAPES[cls_name] = shape


def register_codec(cls_name: str, write: Callable[[Any], Any], read: Callable[[Any], Any]) -> None:
    """Give the class ``cls_name`` its own plain form: ``write(obj)`` and ``read(plain)``.

    For a leaf whose form is not its fields (a citation: the instrument's title and BWB id).
    ``read`` raising ``KeyError``/``TypeError``/``ValueError`` is reported as a problem at its path.
    """
    _CODECS[cls_name] = (write, read)


_CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {}


def _is_codec(hint: Any) -> bool:
    return isinstance(hint, type) and _qualified(hint) in _CODECS


def _codec_structure(cls: type, _converter: cattrs.Converter) -> Hook:
    _, read = _CODECS[_qualified(cls)]

    def structure_codec(value: Any, _: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise InputProblem(_expected("VALUE_OBJECT", value))
        try:
            return read(value)
        except InputProblem:
            raise  # the codec's own problems, by path
        except (KeyError, TypeError, ValueError, AttributeError):
            raise InputProblem(ProblemText("INPUT_NOT_READABLE", what=cls.__name__.lower())) from None

    return structure_codec


def _codec_unstructure(cls: type, _converter: cattrs.Converter) -> Callable[[Any], Any]:
    return _CODECS[_qualified(cls)][0]


# --- the published shapes of the result classes ------------------------------------------------------
# Their JSON forms are public (docs/cli/*.md, docs/compliance.md); these entries reproduce them key
# for key, in order (tests/test_convert.py compares them with the classes' own output).


def _messages(obj: Any) -> dict[str, str]:
    return {"nl": obj.message_nl, "en": obj.message_en}


def _text_to_plain(text: Any) -> dict[str, str]:
    from klachtregels.messages import LANGUAGES

    return {lang: text.render(lang) for lang in LANGUAGES}


def _text_from_plain(data: Mapping[str, Any]) -> Any:
    from klachtregels.engine import RenderedText  # read back: the text as it was rendered

    if not all(isinstance(data[lang], str) for lang in ("nl", "en")):
        raise TypeError
    return RenderedText(data["nl"], data["en"])


def _citation_to_plain(citation: Any) -> Any:
    return citation.to_dict()


#: The keys of a citation's form and whether each is text (else a whole number); all but ``law``
#: may be null. ``url`` and ``label`` are written from the others (read for an unknown instrument).
_CITATION_KEYS: Final = {
    "law": True,
    "bwb_id": True,
    "article": True,
    "lid": False,
    "sub": True,
    "url": True,
    "label": True,
    "note": True,
}


def _citation_from_plain(data: Mapping[str, Any]) -> Any:
    """A citation from its form, each value read as its field's type first (a problem by key): a
    citation holds text and whole numbers only, which its label and link are made from."""
    from klachtregels.engine import _citation_from_form  # the engine imports the model: not at the top

    plain: dict[str, Any] = {}
    problems: list[Problem] = [
        unknown_key("", key, _CITATION_KEYS) for key in data if key not in _CITATION_KEYS
    ]
    for key, is_text in _CITATION_KEYS.items():
        value = data.get(key)
        if value is None:
            if key == "law":
                problems.append((key, ProblemText("INPUT_REQUIRED")))
            plain[key] = None
            continue
        try:
            plain[key] = _structure_str(value, str) if is_text else _structure_int(value, int)
        except InputProblem as exc:
            problems.extend((_join(key, sub), message) for sub, message in exc.problems)
    if problems:
        raise InputProblem(problems[0][1], problems)
    return _citation_from_form(plain)


def _finding_checks(data: Mapping[str, Any]) -> list[Problem]:
    """A finding's id must name a catalogue entry, and its facts fill that entry's messages (a
    finding's check, severity and messages are read from the catalogue, not from the form)."""
    from klachtregels.compliance.findings import _entries

    facts = data.get("facts", {})
    try:
        finding_id = _structure_str(data.get("id"), str)  # as the field reads it (12 is "12")
    except InputProblem:
        return []  # the field reports it
    entry = _entries().get(finding_id)
    if entry is None:
        return [("id", ProblemText("INPUT_NOT_READABLE", what="finding id"))]
    if isinstance(facts, Mapping) and not entry[0].placeholders <= {str(k) for k in facts}:
        return [("facts", ProblemText("INPUT_NOT_IN_FORM"))]
    return []


def _facts_from_plain(facts: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), str(v)) for k, v in facts.items()))


register_codec("klachtregels.citations.Citation", _citation_to_plain, _citation_from_plain)
register_codec("klachtregels.engine.Text", _text_to_plain, _text_from_plain)
register_shape(
    "klachtregels.engine.Flag",
    Shape(order=("code", "ambiguity", "rule_id", "message"), renamed={"message": "text"}),
)
register_shape(
    "klachtregels.engine.Reason",
    Shape(order=("rule_id", "outcome", "set_aside", "citations", "message"), renamed={"message": "text"}),
)
register_shape(
    "klachtregels.engine.Decision",
    Shape(
        schema=("klachtregels.decision", 1),
        order=(
            "library_version",
            "kind",
            "outcome",
            "definite",
            "as_of",
            "policy",
            "reasons",
            "flags",
            "unknown_facts",
            "details",
        ),
        derived={"definite": operator.attrgetter("definite")},
    ),
)
register_shape(
    "klachtregels.compliance.findings.Finding",
    Shape(
        order=(
            "id",
            "check",
            "severity",
            "subject",
            "row",
            "complaint_id",
            "column",
            "rule_ids",
            "ambiguities",
            "k_item",
            "citations",
            "message",
            "facts",
        ),
        derived={
            **{
                name: operator.attrgetter(name)
                for name in ("check", "severity", "subject", "rule_ids", "ambiguities", "k_item", "citations")
            },
            "message": _messages,
        },
        codecs={"facts": (dict, _facts_from_plain)},
        checks=(_finding_checks,),
    ),
)
register_shape(
    "klachtregels.compliance.findings.CheckSummary",
    Shape(
        order=(
            "rows_read",
            "rows_checked",
            "rows_rejected",
            "organisation_checked",
            "errors",
            "warnings",
            "infos",
            "passed",
            "by_id",
        ),
        codecs={"by_id": (lambda counts: dict(sorted(counts.items())), dict)},
    ),
)
register_shape(
    "klachtregels.compliance.findings.CheckResult",
    Shape(
        schema=("klachtregels.check", 1),
        order=(
            "library_version",
            "as_of",
            "policy",
            "settings",
            "register",
            "organisation_file",
            "organisation",
            "summary",
            "findings",
            "passed",
        ),
    ),
)


# Deadline (klachtregels.terms) and its parts: the published form renders the term's text, the days'
# names, the end moment and the explanation; reading back restores what they imply.


def _version(_: Any) -> str:
    from klachtregels._version import __version__

    return __version__


def _explanation(deadline: Any) -> dict[str, str]:
    from klachtregels.messages import LANGUAGES

    return {lang: deadline.explain(lang) for lang in LANGUAGES}


def _day_name_code(data: Mapping[str, Any]) -> str:
    from klachtregels.calendar import NonWorkingDay

    return NonWorkingDay.name_code_for(data["name_nl"], data["name_en"])


def _deadline_atw(data: Mapping[str, Any]) -> tuple[str, Any] | None:
    from klachtregels.terms import _read_back_atw

    return _read_back_atw(data)


def _deadline_state(data: Mapping[str, Any]) -> Any:
    found = _deadline_atw(data)
    return ABSENT if found is None else found[0]


def _deadline_exclusion(data: Mapping[str, Any]) -> Any:
    try:
        found = _deadline_atw(data)
    except InputProblem:
        return ABSENT  # reported once, for the state
    return ABSENT if found is None or found[1] is None else found[1]


def _deadline_end_moment(data: Mapping[str, Any]) -> Any:
    from klachtregels.terms import _read_back_end_moment

    return _read_back_end_moment(data)


register_shape(
    "klachtregels.terms.Term",
    Shape(order=("amount", "unit", "backwards", "text"), derived={"text": str}),
)
register_shape(
    "klachtregels.calendar.NonWorkingDay",
    Shape(
        order=("date", "name_nl", "name_en", "kind", "basis", "verified", "decree"),
        derived={"name_nl": operator.attrgetter("name_nl"), "name_en": operator.attrgetter("name_en")},
        restored={"name_code": ("name_nl", _day_name_code)},
    ),
)
register_shape(
    "klachtregels.terms.Deadline",
    Shape(
        schema=("klachtregels.deadline", 1),
        order=(
            "library_version",
            "received",
            "start",
            "term",
            "statutory",
            "date",
            "ends_at",
            "calendar_date",
            "atw_date",
            "atw_applied",
            "atw_undetermined",
            "atw_not_applied_reason",
            "art2_extended",
            "extended_by",
            "include_equated_days",
            "exclude_start_day",
            "provisional",
            "provisional_reason",
            "unverified_years",
            "citations",
            "rule_ids",
            "explanation",
        ),
        derived={
            "library_version": _version,
            "ends_at": operator.attrgetter("ends_at"),
            "explanation": _explanation,
        },
        restored={
            "_atw_state": ("atw_not_applied_reason", _deadline_state),
            "_exclusion": ("term", _deadline_exclusion),
            "end_moment": ("ends_at", _deadline_end_moment),
        },
    ),
)


# Assessment (klachtregels.decisions): its decisions are one object keyed by their kind; status and
# flags are written from them. The house terms' states are not in the form (read back: none).

#: The key of each decision in the form (its kind), by the Assessment's field.
_ASSESSMENT_DECISIONS: Final = {
    "eligibility": ("eligibility",),
    "precedence": ("precedence",),
    "handling": ("handling",),
    "gck_access": ("gck_access",),
}


def _assessment_decisions(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The form's decisions by field, and the problems of its ``decisions`` object: not an object,
    a key that names no decision, a decision of another kind than its key, two access decisions."""
    raw = data.get("decisions")
    if not isinstance(raw, Mapping):
        problem = ProblemText("INPUT_REQUIRED") if raw is None else _expected("VALUE_OBJECT", raw)
        return {}, [("decisions", problem)]
    problems: list[Problem] = []
    known = [key for keys in _ASSESSMENT_DECISIONS.values() for key in keys]
    out: dict[str, Any] = {}
    for key, value in raw.items():
        field = next((f for f, keys in _ASSESSMENT_DECISIONS.items() if key in keys), None)
        if field is None:
            problems.append(unknown_key("decisions", key, known, what="key"))
            continue
        kind = value.get("kind") if isinstance(value, Mapping) else None
        if field in out or (isinstance(kind, str) and kind != key):
            problems.append((f"decisions.{key}", ProblemText("INPUT_NOT_IN_FORM")))
            out[field] = REPORTED
            continue
        out[field] = value
    return out, problems


def _assessment_decision(field: str, *, required: bool = True) -> Callable[[Mapping[str, Any]], Any]:
    def restore(data: Mapping[str, Any]) -> Any:
        found, _ = _assessment_decisions(data)
        if field in found:
            return found[field]
        if not isinstance(data.get("decisions"), Mapping):
            return REPORTED  # by the check
        if not required:
            return ABSENT
        raise KeyError(field)

    return restore


def _assessment_checks(data: Mapping[str, Any]) -> list[Problem]:
    return _assessment_decisions(data)[1]


def _assessment_deadline_keys(data: Mapping[str, Any]) -> list[Problem]:
    """A problem for each key of the form's deadlines that names no deadline of an assessment."""
    from klachtregels.decisions import DEADLINE_KEYS

    raw = data.get("deadlines")
    if not isinstance(raw, Mapping):
        return []  # the field reports it
    return [
        unknown_key("deadlines", key, DEADLINE_KEYS, what="key") for key in raw if key not in DEADLINE_KEYS
    ]


register_shape(
    "klachtregels.decisions.Assessment",
    Shape(
        schema=("klachtregels.assessment", 1),
        order=(
            "library_version",
            "complaint_id",
            "as_of",
            "policy",
            "status",
            "flags",
            "deadlines",
            "decisions",
        ),
        derived={
            "status": operator.attrgetter("status"),
            "flags": lambda a: [f.code for f in a.flags],
            "decisions": lambda a: {d.kind: d for d in a.decisions},
        },
        restored={
            field: (f"decisions.{field}", _assessment_decision(field, required=field != "gck_access"))
            for field in _ASSESSMENT_DECISIONS
        },
        checks=(_assessment_checks, _assessment_deadline_keys),
    ),
)


@functools.cache
def _fallback_names() -> dict[str, Any]:
    """Names for annotations that a module imports for type checking only (not at run time)."""
    names: dict[str, Any] = {"Mapping": Mapping, "Sequence": Sequence, "Iterable": Iterable, "dt": dt}
    seen: dict[str, list[Any]] = {}
    for module_name, module in list(sys.modules.items()):
        if module_name == "klachtregels" or module_name.startswith("klachtregels."):
            for name, value in vars(module).items():
                if isinstance(value, type) and value.__module__ == module_name:
                    seen.setdefault(name, []).append(value)
    names.update({name: values[0] for name, values in seen.items() if len(values) == 1})
    return names


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of an attrs class (``Annotated`` kept), resolved once.

    A module may import a name for type checking only; such a name is looked up among the
    classes klachtregels has loaded (a name the module itself defines always wins).
    """
    # attrs.resolve_types also stores the resolved annotations on the fields, where cattrs reads them.
    try:
        attrs.resolve_types(cls, include_extras=True)
    except NameError:
        module = sys.modules.get(cls.__module__)
        own = vars(module) if module is not None else {}
        _fallback_names.cache_clear()
        extra = {k: v for k, v in _fallback_names().items() if k not in own}
        attrs.resolve_types(cls, localns=extra, include_extras=True)
    return {field.name: field.type for field in attrs.fields(cls)}


#: Classes whose text fields are read as a register cell reads text (:func:`register_text`).
_TEXT_CLASSES: set[type] = set()


def register_text(*classes: type) -> None:
    """Read every text field (``str`` or ``str | None``) of ``classes`` as a register cell reads text,
    in JSON, TOML and ``from_dict``: surrounding whitespace stripped, and a blank text that may be
    unknown is unknown (``None``). An id, a location or a description with spaces around it is then
    the same record whichever door it came through (docs/register.md, Values). An object built in
    Python keeps the text it was given."""
    _TEXT_CLASSES.update(classes)


def _text_hook(cls: type, hint: Any) -> Hook | None:
    """The text hook of a field of ``cls`` (:func:`register_text`), or None. A checked text
    (``Annotated[str, Check(...)]``, such as ``model.Label``) is stripped first, then checked."""
    if cls not in _TEXT_CLASSES:
        return None
    optional = _is_optional(hint)
    inner = next(a for a in typing.get_args(hint) if a is not type(None)) if optional else hint
    tests: tuple[Callable[[Any], str | None], ...] = ()
    if _is_checked(inner) and inner.__origin__ is str:  # a checked text (model.Label): strip, then test
        tests = tuple(m.test for m in inner.__metadata__ if isinstance(m, Check))
        inner = str
    if inner is not str:
        return None
    read = _structure_optional_text if optional else _structure_text
    if not tests:
        return read

    def structure_checked_text(value: Any, _: Any) -> str | None:
        text = read(value, _)
        return None if text is None else _passes(tests, text)

    return structure_checked_text


def _class_hook(cls: type, converter: cattrs.Converter, keys: Mapping[str, str]) -> Hook:
    """The hook for an attrs class whose field ``f`` is spelled ``keys.get(f, f)`` in the data."""
    hints_ = hints(cls)
    overrides: dict[str, Any] = {}
    for a in attrs.fields(cls):
        hint = hints_[a.name]
        hook = _enum_hook(hint) if _is_enum(hint) else _text_hook(cls, hint)
        if hook is not None or a.name in keys:
            overrides[a.name] = override(struct_hook=hook, rename=keys.get(a.name))
    generated: Hook = make_dict_structure_fn(cls, converter, **overrides)
    names = [keys.get(a.name, a.name) for a in attrs.fields(cls) if a.init]

    def structure_class(value: Any, _: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise InputProblem(_expected("VALUE_OBJECT", value))
        try:
            return generated(value, cls)
        except ClassValidationError as exc:
            raise _NamedError(exc, names, keys) from None

    return structure_class


def register_keys(converter: cattrs.Converter, cls: type, **keys: str) -> None:
    """In ``converter``, read field ``f`` of ``cls`` from the key ``keys[f]`` (a file format's spelling)."""
    converter.register_structure_hook(cls, _class_hook(cls, converter, keys))


class _NamedError(Exception):
    """A class's validation errors, its keys (for 'did you mean') and its field -> key spellings."""

    def __init__(self, error: ClassValidationError, names: Sequence[str], keys: Mapping[str, str]) -> None:
        super().__init__(str(error))
        self.error = error
        self.names = names
        self.keys = keys


def _new_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Class-dispatched (the most specific class wins: bool over int, datetime over date). A
    # StrEnum is also a str: enums are resolved by _resolve before cattrs' dispatch is asked.
    for leaf, hook in (
        (dt.datetime, _structure_datetime),
        (dt.date, _structure_date),
        (bool, _structure_bool),
        (int, _structure_int),
        (float, _structure_float),
        (str, _structure_str),
    ):
        converter.register_structure_hook(leaf, hook)
    converter.register_structure_hook_func(functools.partial(operator.is_, typing.Any), _structure_any)
    converter.register_structure_hook(enum.Enum, lambda value, t: _enum_hook(t)(value, t))
    converter.register_structure_hook_factory(_is_checked, _checked_factory)
    converter.register_structure_hook_factory(_is_optional, _optional_factory)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_factory)
    converter.register_structure_hook_factory(_is_mapping, _mapping_factory)
    converter.register_structure_hook_factory(lambda t: isinstance(t, type) and attrs.has(t), _attrs_factory)
    converter.register_structure_hook_factory(_is_codec, _codec_structure)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, dt.date), lambda d: d.isoformat()
    )
    converter.register_unstructure_hook(enum.Enum, lambda m: m.value)
    converter.register_unstructure_hook(str, str)  # a StrEnum member becomes its plain value
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure_factory)
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and attrs.has(t), _attrs_unstructure_factory
    )
    converter.register_unstructure_hook_factory(_is_codec, _codec_unstructure)
    return converter


#: The converter. Extend a copy (``CONVERTER.copy()``) for a file format with other key names.
CONVERTER: Final = _new_converter()


# --------------------------------------------------------------------------------------------------
# Errors: cattrs' exception groups -> (path, message) pairs
# --------------------------------------------------------------------------------------------------


def _join(prefix: str, path: str) -> str:
    if not path:
        return prefix
    if not prefix or path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def _problems(
    exc: BaseException, path: str, names: Sequence[str] = (), keys: Mapping[str, str] | None = None
) -> Iterator[Problem]:
    """Every problem in ``exc`` (a leaf error or a cattrs group), with paths under ``path``.

    One branch per error shape that cattrs or a class can raise; the order matters (subclasses first).
    """
    if isinstance(exc, _NamedError):
        yield from _problems(exc.error, path, exc.names, exc.keys)
    elif isinstance(exc, InputProblem | InvalidInputError):
        for sub, message in exc.problems:
            yield _join(path, sub), message
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields, key=str):
            yield unknown_key(path, key, names)
    elif isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for error, note in with_notes:
            key = note.name if keys is None else keys.get(note.name, note.name)
            yield from _problems(error, _join(path, key), names)
        for error in without:
            yield from _problems(error, path, names)
    elif isinstance(exc, IterableValidationError):
        for error in exc.exceptions:
            index = next(
                (n.index for n in getattr(error, "__notes__", ()) if isinstance(n, IterableValidationNote)),
                None,
            )
            yield from _problems(error, path if index is None else f"{path}[{index}]")
    elif isinstance(exc, KeyError):
        yield path, ProblemText("INPUT_REQUIRED")
    else:
        yield path, ProblemText("INPUT_INVALID")


def problems_of(exc: BaseException, path: str = "") -> list[Problem]:
    """The ``(path, message)`` pairs of an error raised while structuring (for a caller's own error)."""
    return list(_problems(exc, path))


# --------------------------------------------------------------------------------------------------
# The two doors
# --------------------------------------------------------------------------------------------------


def structure(
    data: Any,
    cls: type[T],
    *,
    what: str | None = None,
    converter: cattrs.Converter = CONVERTER,
) -> T:
    """Build ``cls`` from plain data; raise :class:`InvalidInputError` listing every problem.

    ``what`` names the input in the message (default: the class name, lower case).
    """
    hook = _resolve(converter, cls)
    try:
        return typing.cast("T", hook(data, cls))
    except Exception as exc:
        label = what or str(getattr(cls, "_what", cls.__name__.lower()))
        raise InvalidInputError(label, problems_of(exc)) from None


def to_plain(obj: Any, *, converter: cattrs.Converter = CONVERTER) -> Any:
    """The plain (JSON) form of ``obj``: dicts, lists, ISO dates, enum values. Unknown facts stay None."""
    return converter.unstructure(obj)


def _quick_test(hint: Any) -> str | None:
    """For text whose checks all name a :attr:`Check.quick` method (``| None`` too): that method."""
    if _is_optional(hint):
        (hint,) = (a for a in typing.get_args(hint) if a is not type(None))
    if not _is_checked(hint) or hint.__origin__ is not str:
        return None
    quick = {m.quick for m in hint.__metadata__ if isinstance(m, Check)}
    return quick.pop() if len(quick) == 1 and None not in quick else None


def _passing_types(hint: Any) -> frozenset[type]:
    """Types whose values are already what ``hint`` asks for (no hook call needed)."""
    if _is_optional(hint):
        (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        return frozenset({type(None)}) | _passing_types(inner)
    if _quick_test(hint) is not None:
        return frozenset({str})  # when its quick method passes it (_field_checks)
    if hint is dt.date:
        return frozenset({dt.date, dt.datetime})
    if hint in (str, int, bool, dt.datetime) or _is_enum(hint):
        return frozenset({hint})
    if isinstance(hint, type) and attrs.has(hint):
        return frozenset({hint})
    return frozenset()


#: The years in which an instant's Europe/Amsterdam day may fall outside what a date holds.
_EDGE_YEARS: Final = frozenset({dt.MINYEAR, dt.MAXYEAR})


def _passing_items(hint: Any) -> frozenset[type]:
    """For ``tuple[X, ...]`` (or ``| None``): the item types that need no hook call."""
    if _is_optional(hint):
        (hint,) = (a for a in typing.get_args(hint) if a is not type(None))
    if _is_homogeneous_tuple(hint):
        return _passing_types(typing.get_args(hint)[0])
    return frozenset()


def _slow(
    instance: Any, name: str, value: Any, hook: Hook, hint: Any, problems: list[Problem] | None
) -> list[Problem] | None:
    """A value not already of its type: the hook normalises it (stored back) or reports the problem."""
    try:
        normalised = hook(value, hint)
    except Exception as exc:
        found = list(_problems(exc, name))
        return found if problems is None else [*problems, *found]
    if normalised is not value:
        object.__setattr__(instance, name, normalised)
    return problems


_Validator = Callable[[Any], "list[Problem] | None"]
_VALIDATORS: dict[tuple[type, int], _Validator] = {}
_DEFAULT_VALIDATORS: dict[type, _Validator] = {}


def _generate(
    name: str, constants: list[str], lines: list[str], namespace: dict[str, Any], label: str
) -> Any:
    """Compile ``def name(self): <lines>`` with ``constants`` as closure cells (fast look-ups).

    Closure cells, not keyword defaults: CPython fills each missing keyword-only default from a
    dict on every call, which would cost more than the checks themselves.
    """
    inner = "\n".join("        " + line for line in lines)
    source = f"def _make({', '.join(constants)}):\n    def {name}(self):\n{inner}\n    return {name}\n"
    exec(compile(source, f"<klachtregels {label}>", "exec"), namespace)
    return namespace["_make"](*(namespace[c] for c in constants))


def _field_checks(
    cls: type, converter: cattrs.Converter, namespace: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """The generated lines checking each field of ``cls``, and the names of the constants they use."""
    hints_ = hints(cls)
    body: list[str] = []
    constants = ["_slow"]
    namespace["_slow"] = _slow
    for i, field in enumerate(f for f in attrs.fields(cls) if f.init):
        hint = hints_[field.name]
        namespace.update(
            {f"P{i}": _passing_types(hint), f"I{i}": _passing_items(hint), f"H{i}": _resolve(converter, hint)}
        )
        namespace[f"T{i}"] = hint
        constants += [f"P{i}", f"H{i}", f"T{i}"]
        condition = f"v.__class__ not in P{i}"
        quick = _quick_test(hint)
        if quick is not None:  # a text passes when its quick method says so: no call otherwise
            condition = f"({condition} or v is not None and not v.{quick}())"
        if dt.datetime in namespace[f"P{i}"]:
            # An instant passes as it is, unless it is in the first or the last year a date holds:
            # there its Amsterdam day may fall outside them, which the hook says (_has_a_day).
            if "_DATETIME" not in namespace:
                constants += ["_DATETIME", "_EDGE_YEARS"]
                namespace.update(_DATETIME=dt.datetime, _EDGE_YEARS=_EDGE_YEARS)
            condition = f"({condition} or v.__class__ is _DATETIME and v.year in _EDGE_YEARS)"
        if namespace[f"I{i}"]:
            constants.append(f"I{i}")
            # one item (the usual case) without a generator; an empty tuple passes at once
            condition += (
                f" and not (v.__class__ is tuple and (not v or (len(v) == 1 and v[0].__class__ in I{i})"
                f" or all(x.__class__ in I{i} for x in v)))"
            )
        body += [
            f"v = self.{field.name}",
            f"if {condition}:",
            f"    problems = _slow(self, {field.name!r}, v, H{i}, T{i}, problems)",
        ]
    return body, constants


def post_init(
    what: str,
    *,
    check: str | None = None,
    error: Callable[[str, list[Problem]], Exception] = InvalidInputError,
) -> Callable[[Any], None]:
    """An ``__attrs_post_init__`` that validates like :func:`validate`, generated for the class.

    ``check`` names a method ``(problems) -> None`` adding cross-field problems. On its first call
    the function generates the class's own ``__attrs_post_init__`` (field checks inline, then the
    check) and puts it on the class: one function call per object, for the model's hot path.
    """

    def first(self: Any) -> None:
        cls = type(self)
        namespace: dict[str, Any] = {"_error": error, "_what": what}
        body, constants = _field_checks(cls, CONVERTER, namespace)
        tail = ["if problems is None:"]
        if check is None:
            tail.append("    return")
        else:
            tail += ["    problems = []", f"    self.{check}(problems)"]
            tail += ["    if not problems:", "        return"]
        lines = ["problems = None", *body, *tail, "raise _error(_what, problems)"]
        label = f"post_init {cls.__qualname__}"
        names = ["_error", "_what", *constants]
        cls.__attrs_post_init__ = _generate("__attrs_post_init__", names, lines, namespace, label)
        cls.__attrs_post_init__(self)

    return first


def _compile_validator(cls: type, converter: cattrs.Converter) -> _Validator:
    """Generate straight-line code checking each field of ``cls`` (as cattrs generates its hooks).

    A value already of its type costs one set look-up; a tuple of such items one pass over it. The
    function returns the problems, or ``None`` (no list is made for a valid object).
    """
    namespace: dict[str, Any] = {}
    body, constants = _field_checks(cls, converter, namespace)
    lines = ["problems = None", *body, "return problems"]
    generated = _generate("validate", constants, lines, namespace, f"validator {cls.__qualname__}")
    return typing.cast("_Validator", generated)


def validate(
    instance: Any,
    what: str,
    extra: Extra | None = None,
    *,
    error: Callable[[str, list[Problem]], Exception] = InvalidInputError,
    converter: cattrs.Converter = CONVERTER,
) -> None:
    """Check (and normalise) every field of a frozen attrs ``instance``; raise ``error`` listing all problems.

    Call it from ``__attrs_post_init__``. Values already of the annotated type cost one set
    look-up (register reading builds thousands of objects a second); others go through the
    converter's hook, and a normalised value (an enum from its word, a tuple from a list) is
    stored. ``extra`` adds cross-field problems; it runs only when every field has a valid type.
    """
    cls = instance.__class__
    if converter is CONVERTER:
        check = _DEFAULT_VALIDATORS.get(cls)
        if check is None:
            check = _DEFAULT_VALIDATORS[cls] = _compile_validator(cls, converter)
    else:
        check = _VALIDATORS.get((cls, id(converter)))
        if check is None:
            check = _VALIDATORS[cls, id(converter)] = _compile_validator(cls, converter)
    problems = check(instance)
    if problems is None:
        if extra is None:
            return
        problems = []
        extra(problems)
        if not problems:
            return
    raise error(what, problems)


# ColumnMapping (register): name, description, encoding, delimiter and sheet are left out when not given.
register_shape(
    "klachtregels.register.mapping.ColumnMapping",
    Shape(
        order=(
            "name",
            "description",
            "encoding",
            "delimiter",
            "sheet",
            "columns",
            "values",
            "defaults",
            "ignore",
        ),
        omit_none=frozenset({"name", "description", "encoding", "delimiter", "sheet"}),
    ),
)
