"""The register's column specification and cell vocabulary, loaded from data.

``columns.toml`` lists every documented column (name, Dutch and English header names, kind,
vocabulary, target field path, one line of documentation); ``words.toml`` holds the words a cell
may use besides vocabulary words (booleans, 'none', month names). The words for the model's enums
are the one vocabulary table :data:`klachtregels.model.WORDS`, read through
:func:`klachtregels.convert.lookup_word`, the same for the register and every other door. Both
files are read once, checked, and turned into :data:`COLUMNS` and :data:`WORDS`.
"""

from __future__ import annotations

import enum
import tomllib
import unicodedata
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels import convert, model

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "BOOLEAN_WORDS",
    "COLUMNS",
    "GCK_CASE_COLUMNS",
    "WORDS",
    "Column",
    "ColumnKind",
    "Words",
    "by_name",
    "norm",
    "norm_header",
]


class ColumnKind(enum.Enum):
    """How a cell is read."""

    TEXT = "text"  # short text, echoed nowhere
    FREE_TEXT = "free_text"  # personal data: never echoed
    DATE = "date"
    BOOL = "bool"
    ENUM = "enum"
    ENUM_LIST = "enum_list"  # ';' or '|' separated in CSV, an array in JSON
    MEASURES = "measures"  # a JSON array of measure objects


#: Vocabulary key: case-folded, '_' and '-' as spaces, whitespace collapsed. The structuring layer's
#: own function, so a register cell's words and the JSON/TOML words are keyed alike.
norm = convert.normalise_word


def norm_header(name: str) -> str:
    """Header key: case-folded, runs of spaces and '-' as one '_' (``Received On`` -> ``received_on``).

    Accents count alike composed or decomposed (Unicode's canonical caseless match: a header typed
    on one system and a mapping typed on another name the same column, and repeat each other).
    """
    if not name.isascii():
        name = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())
    return "_".join(name.replace("-", " ").casefold().split())


# --------------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Words:
    """The cell words of ``words.toml``, indexed for look-up (keys normalised by :func:`norm`)."""

    #: Boolean words -> value.
    booleans: Mapping[str, bool]
    #: Words meaning "checked, none" in a list column or the measures column.
    none: frozenset[str]
    #: Month names and abbreviations -> month number.
    months: Mapping[str, int]

    @staticmethod
    def member(vocabulary: type[enum.StrEnum], word: str) -> enum.StrEnum | None:
        """The member ``word`` names (its value or a word of :data:`klachtregels.model.WORDS`), or None.

        Looked up normalised, so a cell padded with spaces is its word (the look-up keeps short
        words only: :func:`klachtregels.convert.lookup_word`).
        """
        found = convert.lookup_word(vocabulary, norm(word))
        return found if isinstance(found, vocabulary) else None

    @staticmethod
    def aliases(vocabulary: type[enum.StrEnum]) -> Mapping[str, str]:
        """The other words for ``vocabulary``'s values (normalised word -> value), in table order."""
        return {norm(word): value for word, value in model.WORDS.get(vocabulary, {}).items()}


def _model_enum(name: str) -> type[enum.StrEnum]:
    cls = getattr(model, name, None)
    if not (isinstance(cls, type) and issubclass(cls, enum.StrEnum)):
        raise RuntimeError(f"columns.toml: vocabulary {name} is not an enum of klachtregels.model")
    return cls


def _load_words() -> Words:
    data = tomllib.loads(resources.files(__package__).joinpath("words.toml").read_text(encoding="utf-8"))
    booleans = {norm(w): True for w in data["boolean"]["true"]}
    for word in data["boolean"]["false"]:
        if norm(word) in booleans:
            raise RuntimeError(f"words.toml: {word!r} is both true and false")
        booleans[norm(word)] = False
    return Words(
        booleans=booleans,
        none=frozenset(norm(w) for w in data["none"]["words"]),
        months={norm(w): int(number) for number, words in data["months"].items() for w in words},
    )


#: The one cell vocabulary (``words.toml``).
WORDS: Final = _load_words()


def _interleaved_booleans() -> tuple[str, ...]:
    true = [w for w, v in WORDS.booleans.items() if v]
    false = [w for w, v in WORDS.booleans.items() if not v]
    return tuple(w for pair in zip(true, false, strict=True) for w in pair)


#: Boolean words, true and false in pairs (``true``, ``false``, ``ja``, ``nee``, ...), any case.
BOOLEAN_WORDS: Final = _interleaved_booleans()


# --------------------------------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------------------------------

#: Target path prefix -> (the object a value goes to, its label in docs). Longest prefix first.
_GROUPS: Final = (
    ("complaint.complainant.", "complainant"),
    ("complaint.signals[].", "signal"),
    ("judgement.measures[].", "measure"),
    ("complaint.", "complaint"),
    ("judgement.", "judgement"),
    ("filing.", "gck"),
)


def _split_target(target: str) -> tuple[str, str]:
    for prefix, group in _GROUPS:
        if target.startswith(prefix) and "." not in target[len(prefix) :]:
            return group, target[len(prefix) :]
    raise RuntimeError(f"columns.toml: target {target!r} is not a RegisterRecord field path")


@attrs.frozen(kw_only=True)
class Column:
    """One documented register column (an entry of ``columns.toml``)."""

    name: str
    kind: ColumnKind
    #: Where the value goes in a :class:`~klachtregels.model.RegisterRecord`, e.g.
    #: ``complaint.complainant.role``; ``[]`` means every item of that list.
    target: str
    doc: str
    vocabulary: type[enum.StrEnum] | None = None
    #: Other header names accepted for this column, Dutch and English (normalised).
    nl: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    #: List and measures columns: the words meaning 'checked, none' (an empty tuple).
    none_words: frozenset[str] = frozenset()
    #: Which object the value goes to: complaint, complainant, signal, judgement, measure, gck.
    group: str = attrs.field(init=False)
    #: The attribute of that object.
    field: str = attrs.field(init=False)

    @group.default
    def _group(self) -> str:
        return _split_target(self.target)[0]

    @field.default
    def _field(self) -> str:
        return _split_target(self.target)[1]

    @property
    def header_names(self) -> tuple[str, ...]:
        """Every header name that means this column (normalised): its name, then the aliases."""
        return (self.name, *self.nl, *self.en)

    @property
    def aliases(self) -> Mapping[str, str]:
        """Vocabulary columns: the other words for the enum's values (word -> value)."""
        return Words.aliases(self.vocabulary) if self.vocabulary is not None else {}

    def lookup(self, word: str) -> enum.StrEnum | None:
        """The enum member a word names (value or alias, any case and spacing), or None."""
        assert self.vocabulary is not None
        return WORDS.member(self.vocabulary, word)

    def accepted_words(self) -> list[str]:
        """Canonical values, their spaced forms, the aliases, then the none words (docs, JSON Schema)."""
        assert self.vocabulary is not None
        words = [m.value for m in self.vocabulary]
        words += [norm(w) for w in words if norm(w) != w]
        words += [a for a in self.aliases if a not in words]
        words += sorted(w for w in self.none_words if w not in words)
        return words


def _column(entry: Mapping[str, Any]) -> Column:
    vocabulary = entry.get("vocabulary")
    return Column(
        name=entry["name"],
        kind=ColumnKind(entry["kind"]),
        target=entry["target"],
        doc=entry["doc"],
        vocabulary=_model_enum(vocabulary) if vocabulary else None,
        nl=tuple(norm_header(n) for n in entry.get("nl", ())),
        en=tuple(norm_header(n) for n in entry.get("en", ())),
        none_words=WORDS.none if entry.get("none") else frozenset(),
    )


def _load_columns() -> tuple[Column, ...]:
    text = resources.files(__package__).joinpath("columns.toml").read_text(encoding="utf-8")
    columns = tuple(_column(entry) for entry in tomllib.loads(text)["columns"])
    seen: dict[str, str] = {}
    for column in columns:
        for header in column.header_names:
            if seen.setdefault(header, column.name) != column.name:
                raise RuntimeError(f"columns.toml: header name {header!r} means two columns")
    return columns


#: Every documented register column, in documentation order.
COLUMNS: Final = _load_columns()
#: The columns of a Geschillencommissie cases file (:func:`~klachtregels.register.read_gck_cases`).
GCK_CASE_COLUMNS: Final = tuple(c for c in COLUMNS if c.group == "gck" or c.name == "organisation")

_BY_NAME: Final = {c.name: c for c in COLUMNS}


def by_name(name: str) -> Column | None:
    """The documented column called ``name`` (its own name, exactly), or None."""
    return _BY_NAME.get(name)
