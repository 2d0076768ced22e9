"""The nature of the measures per location (Wko 1.57b lid 4 sub c; R9): decided here, counted in the tally.

Lid 4 asks for "de aard van de maatregelen" per location. Where the register records it (the
``measure_category`` column, :attr:`klachtregels.model.Measure.category`: a free label chosen by
the provider), the report uses the provider's labels. Otherwise the measure texts are classified
by keywords kept as data (``report/data/measure_categories.toml``, whose header gives the
matching rule), transparently and reviewably: a text that matches no keyword is *unclassified*,
never guessed, and a text can match several categories.

Which source a report uses is decided once, for the whole register: the column as soon as one
counted complaint has a measure with a category (the provider's own labels win), else the
keywords. Both are tallied while the register streams by (counters only); once a category has
been seen, the keyword classification stops, since it can no longer be used.

What is classified, per complaint: the descriptions of its measures when measures with a
description are listed, else the judgement summary (the "oplossing"). Something to classify,
per source: measures listed (``column``); a measure description or a summary (``keywords``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels import convert
from klachtregels._arguments import path_argument
from klachtregels._io import loads_toml, read_toml_file
from klachtregels.errors import InvalidInputError
from klachtregels.report.model import MeasureCategory, MeasureSource

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping

    from klachtregels.model import RegisterRecord

__all__ = [
    "KeywordCategory",
    "MeasureKeywords",
    "MeasureSource",
    "Nature",
    "NatureClassifier",
    "fold",
    "load_measure_keywords",
    "parse_measure_keywords",
]

#: The shipped keyword file.
DEFAULT_FILE: Final = "measure_categories.toml"


#: Combining marks (accents) left by NFKD decomposition: removed when folding.
_COMBINING: Final = re.compile(r"[\u0300-\u036f]")
#: Runs of anything but letters and digits (the word separators) in a text that is not ASCII.
_SEPARATORS: Final = re.compile(r"[\W_]+")
#: Bytes -> bytes: every ASCII byte but a letter or digit becomes a space (UTF-8 bytes stay).
_SPACES: Final = bytes(b if b >= 0x80 or chr(b).isalnum() else 0x20 for b in range(256))
#: A keyword as written in the file: words with separators, lower case, '*' only at its end.
_KEYWORD: Final = re.compile(r"[^\W_]+(?:[\W_]+[^\W_]+)*\*?")


def fold(text: str) -> str:
    """``text`` in lower case without accents (``Geïnformeerd`` -> ``geinformeerd``): the matching form."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def words(text: str) -> list[bytes]:
    """The folded words of ``text`` (runs of letters and digits), as UTF-8: the unit of matching."""
    folded = fold(text)
    if not folded.isascii():  # rare after folding (a quote mark, a euro sign): the slower, general way
        folded = _SEPARATORS.sub(" ", folded)
    return folded.encode("utf-8").translate(_SPACES).split()


@attrs.frozen(kw_only=True)
class KeywordCategory:
    """One category of the classification: its key, labels and keywords (lower case, Dutch)."""

    key: str
    nl: str
    en: str
    keywords: tuple[str, ...]


@attrs.frozen(kw_only=True)
class MeasureKeywords:
    """A keyword classification of measure texts (the shipped one: :func:`load_measure_keywords`)."""

    version: int = 1
    categories: tuple[KeywordCategory, ...]
    #: Keywords by their key word (a one-word keyword's word, a phrase's longest whole word): per
    #: category, ``None`` for 'the word is the keyword', else the phrases as looked for in the
    #: text's words joined by single spaces and padded with one. One-word prefixes ('coach*') apart.
    _index: dict[bytes, tuple[tuple[str, tuple[bytes, ...] | None], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _prefixes: tuple[tuple[str, bytes], ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise InvalidInputError("measure keywords", problems)
        single: dict[bytes, set[str]] = {}
        phrases: dict[bytes, dict[str, list[bytes]]] = {}
        prefixes: list[tuple[str, bytes]] = []
        for cat in self.categories:
            for keyword in cat.keywords:
                found, prefix = words(keyword), keyword.endswith("*")
                # ' a b ' is the phrase 'a b' in ' x a b y '; ' a b' (a '*' keyword) also finds 'a bc'.
                needle = b" " + b" ".join(found) + (b"" if prefix else b" ")
                whole = found[:-1] if prefix else found
                if not whole:
                    prefixes.append((cat.key, needle))
                elif len(found) == 1:
                    single.setdefault(found[0], set()).add(cat.key)
                else:  # the longest word is the rarest, roughly: fewer phrases to look for
                    word = max(whole, key=len)
                    phrases.setdefault(word, {}).setdefault(cat.key, []).append(needle)
        index: dict[bytes, list[tuple[str, tuple[bytes, ...] | None]]] = {}
        for word, keys in single.items():
            index.setdefault(word, []).extend((key, None) for key in keys)
        for word, by_key in phrases.items():
            index.setdefault(word, []).extend(
                (k, tuple(n)) for k, n in by_key.items() if k not in single.get(word, ())
            )
        object.__setattr__(self, "_index", {w: tuple(entries) for w, entries in index.items()})
        object.__setattr__(self, "_prefixes", tuple(prefixes))

    @property
    def labels(self) -> tuple[MeasureCategory, ...]:
        """The categories' keys and labels, in the file's order."""
        return tuple(MeasureCategory(key=c.key, nl=c.nl, en=c.en) for c in self.categories)

    def classify(self, text: str) -> tuple[str, ...]:
        """The keys of the categories with a keyword in ``text``, in the file's order; ``()``: none.

        The text's words are joined by single spaces; a phrase is looked for (as a substring of that
        line) only when its longest word is among them (a set intersection), so the cost follows
        the text's length and the keywords it may hold, not the length of the keyword list.
        """
        found_words = words(text)
        line = b" " + b" ".join(found_words) + b" "
        found: set[str] = set()
        index = self._index
        for word in index.keys() & found_words:
            for key, needles in index[word]:
                if key not in found and (needles is None or any(n in line for n in needles)):
                    found.add(key)
        found.update(key for key, needle in self._prefixes if key not in found and needle in line)
        return tuple(c.key for c in self.categories if c.key in found)


def _problems(keywords: MeasureKeywords) -> list[tuple[str, str]]:
    """What is wrong with a classification: empty, duplicate or malformed keys, labels and keywords."""
    problems: list[tuple[str, str]] = []
    if keywords.version != 1:
        problems.append(("version", "unsupported version; use 1"))
    if not keywords.categories:
        problems.append(("categories", "no categories"))
    keys: set[str] = set()
    seen: dict[str, str] = {}
    for i, cat in enumerate(keywords.categories):
        path = f"categories[{i}]"
        if not cat.key.strip() or cat.key in keys:
            problems.append((f"{path}.key", "empty or used twice"))
        keys.add(cat.key)
        for label in ("nl", "en"):
            if not getattr(cat, label).strip():
                problems.append((f"{path}.{label}", "empty"))
        if not cat.keywords:
            problems.append((f"{path}.keywords", "no keywords"))
        for j, keyword in enumerate(cat.keywords):
            where = f"{path}.keywords[{j}]"
            if not _KEYWORD.fullmatch(keyword.strip()) or keyword != keyword.lower() or "*" in keyword[:-1]:
                problems.append((where, "not a lower-case word or phrase ('*' only at its end)"))
            elif (
                norm := b" ".join(words(keyword)).decode() + ("*" if keyword.endswith("*") else "")
            ) in seen:
                problems.append((where, "the same keyword is listed before"))
            else:
                seen[norm] = cat.key
    return problems


def parse_measure_keywords(data: Mapping[str, Any], *, what: str = "measure keywords") -> MeasureKeywords:
    """A keyword classification from its plain (TOML) form; every problem by path, no value echoed."""
    return convert.structure(data, MeasureKeywords, what=what)


@functools.cache
def _shipped() -> MeasureKeywords:
    text = resources.files("klachtregels.report").joinpath("data", DEFAULT_FILE).read_text(encoding="utf-8")
    return parse_measure_keywords(loads_toml(text), what=f"measure keywords {DEFAULT_FILE}")


def load_measure_keywords(path: str | os.PathLike[str] | None = None) -> MeasureKeywords:
    """The keyword classification in the TOML file at ``path``; ``None``: the shipped one.

    The file's shape and matching rule are those of the shipped
    ``klachtregels/report/data/measure_categories.toml``. Raises
    :class:`~klachtregels.errors.InvalidInputError` naming every problem, :class:`OSError` when the
    file cannot be read.
    """
    if path is None:
        return _shipped()
    path = path_argument(path)
    what = f"measure keywords {Path(path).name}"
    return parse_measure_keywords(read_toml_file(path, what), what=what)


@attrs.frozen
class Nature:
    """What one complaint's measures are, by each source; ``None``: nothing for that source to classify.

    An empty tuple is 'something to classify, but no category' (unclassified).
    """

    column: tuple[str, ...] | None
    keywords: tuple[str, ...] | None


class NatureClassifier:
    """Classifies complaints one at a time while the register streams by, and decides the source."""

    __slots__ = ("_keywords", "column_rows", "column_seen", "keywords_seen")

    def __init__(self, keywords: MeasureKeywords) -> None:
        self._keywords = keywords
        #: Per measure category of the register: its first row and its complaints (the review notes
        #: check the published labels for personal data, lid 5).
        self.column_rows: dict[str | None, tuple[int | None, int]] = {}
        #: A counted complaint had a measure with a category: the column is the source.
        self.column_seen = False
        #: A counted complaint had a text to classify.
        self.keywords_seen = False

    @property
    def source(self) -> MeasureSource | None:
        """The source of the report: the column when any category was given, else the keywords."""
        if self.column_seen:
            return MeasureSource.COLUMN
        return MeasureSource.KEYWORDS if self.keywords_seen else None

    @property
    def categories(self) -> tuple[MeasureCategory, ...]:
        """The classification's categories, when the keywords are the source."""
        return self._keywords.labels if self.source is MeasureSource.KEYWORDS else ()

    def nature(self, rec: RegisterRecord) -> Nature:
        """The nature of ``rec``'s measures by each source (the keywords only until a category is seen)."""
        j = rec.judgement
        if j is None:
            return Nature(None, None)
        measures = j.measures or ()
        column: tuple[str, ...] | None = None
        if measures:
            column = tuple(dict.fromkeys(c for m in measures if m.category and (c := m.category.strip())))
            if column:
                self.column_seen = True
                for label in column:
                    first, n = self.column_rows.get(label, (rec.row, 0))
                    self.column_rows[label] = (first, n + 1)
        if self.column_seen:
            return Nature(column, None)
        texts = [m.description for m in measures if m.description and m.description.strip()]
        if not texts and j.summary and j.summary.strip():
            texts = [j.summary]
        if not texts:
            return Nature(column, None)
        self.keywords_seen = True
        found = dict.fromkeys(key for t in texts for key in self._keywords.classify(t))
        return Nature(column, tuple(found))
