"""Near-duplicate location names: groups, reasons and a suggested mapping to review (issue 12 item 4).

A register typed by hand spells one location several ways (``BSO Mozaiek`` / ``BSO Mozaïek``,
``De Nieuwe Nachtegaal`` / ``De Nieuwe Nachttegaal``, ``Kaanaalweg 12`` / ``Kanaalweg 12``,
``Kanaalweg 12`` / ``12 Kanaalweg``), and every spelling counts as a location of its own. This is a
data-quality aid, not a rule: it groups names that are probably one location and suggests a
mapping; the user reviews it and applies it (``df["location"].replace(mapping)`` or
:func:`rename_locations`). Nothing is merged silently.

Two names are grouped when, after folding case, accents, punctuation and spacing:

* they are equal (``accents``: only case, accents, punctuation or spacing differ);
* they are equal once written as one Dutch address (``address``): a house number with its suffix
  is one word whatever the spacing, a toevoeging in Roman figures is the number (``11 / II``,
  ``11/II``, ``11-II``, ``11 II``, ``11-2`` and ``11/2`` are all ``11-2``), a huisletter joins its
  number (``11a``, ``11 A``, ``11-a``), ``hs`` and ``huis`` after a number are the letter ``h``, a
  postcode's letters join its digits (``3512 AB``), and a street word ending in the abbreviation
  ``str``, ``ln``, ``pln`` or ``wg`` is written out (``Beukenstr.`` is ``Beukenstraat``,
  ``Nieuwe Str.`` is ``Nieuwe Straat``). A single ``I``, ``V`` or ``X`` set apart from a house
  number is a Roman floor (``11-I`` is ``11-1``, ``11 V`` and ``11/V`` are ``11-5``), joined to it a
  letter (``11i``, ``11V``), and set apart with a toevoeging after it the letter too (``11 V-2`` and
  ``11 V II`` are ``11v-2``). A name of more than 200 characters is not read as an address;
* they hold the same words in another order (``word order``: ``12 Kanaalweg``);
* or one word is misspelt (``spelling``: exactly one word differs, both spellings have 5 to 32
  letters and are at most one edit apart per 6 letters, at most 3; an edit is an insertion,
  deletion, substitution or swap of two neighbouring characters), or a space is missing or doubled
  in a name of at least 10 characters. A name of more than 200 characters (folded) is never a
  misspelling: the work per name stays small whatever is pasted into a location cell.

Never when their numbers differ: ``Kanaalweg 12`` and ``Kanaalweg 14`` are two locations, and so
are ``Locatie 1`` and ``Locatie 2``, ``Beukenstraat 11`` and ``Beukenstraat 111``, ``11`` and
``11-II``; nor when their house letters differ (``11a``, ``11b``), nor when two words differ
(``De Speelmolen``, ``De Speeltoren``). A word with a figure in it (a house number with its suffix, a
postcode) is never a misspelling of another, and a house number keeps its suffix when words move
(``11-2`` and ``2-11`` are two addresses).

Why a joined ``V`` is a letter and a ``V`` set apart a floor: the BAG gives an address a *huisletter*
(one letter) and a *huisnummertoevoeging* (up to four letters or figures) apart, and the Dutch way of
writing an address (NEN 5825) puts the huisletter against the number and the toevoeging after a
``-`` or a space. ``11V`` is therefore the huisletter V and ``11-V`` the toevoeging V, which in
Roman figures is the fifth floor, as ``11-II`` is the second (``11-5``): two addresses, never
grouped. A letter other than ``I``, ``V`` or ``X`` set apart (``11 A``, ``11-a``) is read as the
huisletter typed apart, as registers write it (a one-letter toevoeging that is no floor is rare);
an ``I``, ``V`` or ``X`` followed by a toevoeging cannot be the floor (the toevoeging is last, and
there is one), so it is the huisletter. The reading looks at the writing, never at the case:
``11 v`` is the floor as ``11 V`` is.

Candidates are found by shared forms (the words sorted; one word with up to its allowed edits
deleted; a space removed), so the work grows with the number of distinct names, not its square.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator

    from klachtregels.model import RegisterRecord

__all__ = [
    "LocationGroup",
    "rename_locations",
    "similar_locations",
    "suggested_mapping",
]

_NOT_WORD: Final = re.compile(r"[^\w]+")
_DIGITS: Final = re.compile(r"\d+")
#: The pieces of a name read as an address: figures, letters, and the separators ``-`` and ``/``.
_PIECE: Final = re.compile(r"(?P<number>\d+)|(?P<letters>[^\W\d_]+)|(?P<separator>[-/])")
#: Joins a house number to its toevoeging inside a folded name (a word character: never split again).
_JOIN: Final = "_"
#: A toevoeging written in Roman figures (I to XXXIX): the figure it stands for.
_ROMAN: Final = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES: Final = {"i": 1, "v": 5, "x": 10}
#: Street words are abbreviated by their ending (``Beukenstr.``, ``Nieuwe Str.``): written out.
_ABBREVIATED: Final = (("pln", "plein"), ("str", "straat"), ("ln", "laan"), ("wg", "weg"))
#: ``hs`` and ``huis`` after a house number: the toevoeging ``H`` (the ground floor).
_HOUSE_LETTER_WORDS: Final = {"hs": "h", "huis": "h"}
#: A name this long may have a space too many or too few.
_SHORT: Final = 10
#: A word shorter than this is never a misspelling of another (KDV Zon and KDV Zen are two names).
_MIN_WORD: Final = 5
#: Nor a word longer than this, nor a name (folded) longer than ``_MAX_NAME``: the forms a misspelling
#: is found by grow with the length to the power of the edits (a pasted text must not take hours).
_MAX_WORD: Final = 32
_MAX_NAME: Final = 200
#: The most edits a misspelt word may have (one per 6 letters up to this).
_MAX_EDITS: Final = 3


@attrs.frozen(kw_only=True)
class LocationGroup:
    """Spellings that are probably one location, with how often each occurs and why they are grouped."""

    #: The suggested name: the most frequent spelling (then the one with accents, fewer words, longer).
    canonical: str
    #: Every spelling and its count, the canonical one first, then by count.
    spellings: tuple[tuple[str, int], ...]
    #: Why: ``accents``, ``address``, ``word order``, ``spelling`` (each reason found between two of its
    #: spellings).
    reasons: tuple[str, ...]

    @property
    def total(self) -> int:
        """Complaints (or names) over all spellings."""
        return sum(n for _, n in self.spellings)


def _plain(name: str) -> str:
    """Case and accents folded: ``BSO Mozaïek!`` -> ``bso mozaiek!``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold_spelling(name: str) -> str:
    """Case, accents, punctuation and spacing folded: ``BSO Mozaïek!`` -> ``bso mozaiek``."""
    return " ".join(_NOT_WORD.sub(" ", _plain(name).replace(_JOIN, " ")).split())


def _fold(name: str) -> str:
    """:func:`_fold_spelling`, with the name written as one Dutch address (see the module docs):
    ``Beukenstr. 11 / II`` -> ``beukenstraat 11_2``, ``Kerkplein 3 A`` -> ``kerkplein 3a``. A name of
    more than 200 characters is no address: only folded (the work per name stays small)."""
    plain = _plain(name).replace(_JOIN, " ")
    if len(plain) > _MAX_NAME:
        return " ".join(_NOT_WORD.sub(" ", plain).split())
    words = _address_words(plain)
    return " ".join(_written_out(word) for word in words)


def _roman(word: str) -> int | None:
    """The value of a Roman figure (``ii`` -> 2, ``xiv`` -> 14), or None."""
    if not word or _ROMAN.fullmatch(word) is None:
        return None
    values = [_ROMAN_VALUES[c] for c in word]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


@attrs.frozen
class _Piece:
    """A piece of a name: its ``kind`` (a group of :data:`_PIECE`), text and where it starts and ends."""

    kind: str
    text: str
    start: int
    end: int


def _address_words(plain: str) -> list[str]:
    """The words of a folded name, each house number one word with its huisletter and toevoeging.

    A number's huisletter is a letter written against it (``11a``, ``11bis``), or one letter set
    apart by a space, ``-`` or ``/`` that is no Roman ``i``, ``v`` or ``x`` (``11 A``, ``11-a``), or
    ``hs``/``huis`` (``h``); four figures and two letters set apart by a space are a postcode
    (``3512 AB``). Its toevoeging, set apart by a space, ``-`` or ``/``: a Roman figure, or a number
    of one or two figures (three after ``-`` or ``/``). A separator elsewhere is spacing.
    """
    pieces = [_Piece(str(m.lastgroup), m.group(), m.start(), m.end()) for m in _PIECE.finditer(plain)]
    words: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        i += 1
        if piece.kind != "number":
            if piece.kind == "letters":
                words.append(piece.text)
            continue
        word, end = piece.text, piece.end
        after, separated = _past_separators(pieces, i)
        if after < len(pieces) and pieces[after].kind == "letters":  # the huisletter
            letters = pieces[after]
            joined = letters.start == end
            postcode = not separated and len(word) == 4 and len(letters.text) == 2
            single = len(letters.text) == 1 and (
                letters.text not in _ROMAN_VALUES or _toevoeging(pieces, after + 1, letters.end) is not None
            )
            if joined or postcode or single or letters.text in _HOUSE_LETTER_WORDS:
                word += _HOUSE_LETTER_WORDS.get(letters.text, letters.text)
                end, i = letters.end, after + 1
        found = _toevoeging(pieces, i, end)
        if found is not None:
            value, i = found
            word += f"{_JOIN}{value}"
        words.append(word)
    return words


def _toevoeging(pieces: list[_Piece], i: int, end: int) -> tuple[int, int] | None:
    """The toevoeging from piece ``i`` on, set apart from what ends at ``end`` by a space, ``-`` or
    ``/``: its value (a Roman figure, or a number of one or two figures, three after ``-`` or ``/``)
    and the index of the piece after it; None when there is none."""
    after, separated = _past_separators(pieces, i)
    if after >= len(pieces) or pieces[after].start <= end:
        return None
    following = pieces[after]
    value = _roman(following.text) if following.kind == "letters" else None
    if following.kind == "number" and len(following.text) <= (3 if separated else 2):
        value = int(following.text)
    return None if value is None else (value, after + 1)


def _past_separators(pieces: list[_Piece], i: int) -> tuple[int, bool]:
    """The index of the first piece from ``i`` on that is no ``-`` or ``/``, and whether one was passed."""
    j = i
    while j < len(pieces) and pieces[j].kind == "separator":
        j += 1
    return j, j > i


def _written_out(word: str) -> str:
    """A street word with its abbreviated ending written out (``beukenstr`` -> ``beukenstraat``)."""
    for short, full in _ABBREVIATED:
        if word.endswith(short) and word.isalpha():
            return word[: -len(short)] + full
    return word


def _deletions(key: str, depth: int) -> set[str]:
    """``key`` and every form with up to ``depth`` characters deleted."""
    forms = {key}
    frontier = {key}
    for _ in range(depth):
        frontier = {f[:i] + f[i + 1 :] for f in frontier for i in range(len(f))}
        forms |= frontier
    return forms


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or ``limit + 1`` once it is larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def _spelling(a: str, b: str) -> bool:
    """Whether two folded names with the same numbers differ by a typing slip.

    With as many words: exactly one word differs, has no figure in it, both spellings have 5 to 32
    letters, and they are at most one edit apart per 6 letters (at least one, at most 3). With one
    word more or less: a space too many or too few in a name of at least 10 characters. Never in a
    name of more than 200 characters.
    """
    if max(len(a), len(b)) > _MAX_NAME:
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) == len(words_b):
        differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
        if len(differ) != 1:
            return False  # two words differ: two names (Speelmolen / Speeltoren in another street)
        x, y = differ[0]
        if _DIGITS.search(x + y):
            return False  # a house number with its suffix, a postcode: 11a_2 and 11b_2 are two addresses
        shorter = min(len(x), len(y))
        limit = _edits(shorter)
        return shorter >= _MIN_WORD and max(len(x), len(y)) <= _MAX_WORD and _distance(x, y, limit) <= limit
    return abs(len(words_a) - len(words_b)) == 1 and min(len(a), len(b)) >= _SHORT and _distance(a, b, 1) <= 1


def _edits(letters: int) -> int:
    """The edits a misspelt word of ``letters`` letters may have: one per 6 letters, 1 to 3."""
    return min(max(1, letters // 6), _MAX_EDITS)


def _reason(a: str, b: str) -> str | None:
    """Why two folded names are probably one location, or None."""
    if a == b:
        return "accents"
    numbers_a, numbers_b = _DIGITS.findall(a), _DIGITS.findall(b)
    if sorted(numbers_a) != sorted(numbers_b):
        return None  # another number is another location (a house number, "Locatie 2")
    if sorted(a.split()) == sorted(b.split()):
        return "word order"
    if numbers_a != numbers_b:
        return None
    return "spelling" if _spelling(a, b) else None


def _forms(key: str) -> set[str]:
    """The forms a folded name shares with each name it may be grouped with (see :func:`_reason`).

    Its words sorted (word order); each word of 5 letters or more (and no figure) with up to its
    allowed edits deleted, the other words in place (spelling); the name with one space removed (a
    space too many).
    """
    words = key.split()
    forms = {"o" + " ".join(sorted(words))}
    if len(key) > _MAX_NAME:
        return forms  # too long to be a misspelling (_spelling)
    forms.add("s" + key)
    forms.update("s" + key[:i] + key[i + 1 :] for i, c in enumerate(key) if c == " ")
    for i, word in enumerate(words):
        if _MIN_WORD <= len(word) <= _MAX_WORD and not _DIGITS.search(word):
            before, after = " ".join(words[:i]), " ".join(words[i + 1 :])
            forms.update(f"w{before}|{form}|{after}" for form in _deletions(word, _edits(len(word))))
    return forms


def _candidates(keys: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Pairs of folded names that share a form: the only pairs :func:`_reason` can group."""
    by_form: dict[str, set[str]] = {}
    for key in keys:
        for form in _forms(key):
            by_form.setdefault(form, set()).add(key)
    seen: set[tuple[str, str]] = set()
    for group in by_form.values():
        for pair in combinations(sorted(group), 2):
            if pair not in seen:
                seen.add(pair)
                yield pair


def _names(source: Iterable[Any]) -> Counter[str]:
    """Location names with their counts, from names, register records, or a mapping name -> count.

    A name given as text (a column's cell) is read as the register reads a location cell: stripped
    of surrounding whitespace, blank is no name, and one holding an invisible character (Unicode
    category Cf) is refused, naming its position (``source[3]``), never the name. A record's location
    and a tally's name are taken as they are (the annual report counts them so); a tally's name with
    an invisible character is refused too.
    """
    from klachtregels._arguments import wrong_type
    from klachtregels.convert import invisible_problem
    from klachtregels.errors import InvalidInputError
    from klachtregels.model import RegisterRecord

    problems: list[tuple[str, str]] = []
    if isinstance(source, Mapping):
        for name, n in source.items():
            if not isinstance(name, str) and name is not None:
                raise wrong_type("source", "a mapping of location name to count (text keys)", name)
            if isinstance(n, bool) or not isinstance(n, int):
                raise wrong_type("source", "a mapping of location name to count (whole-number counts)", n)
            problem = None if name is None else invisible_problem(name)
            if problem is not None:
                problems.append(("source", problem))
        if problems:
            raise InvalidInputError("locations", problems)
        return Counter({name: n for name, n in source.items() if name and name.strip() and n > 0})
    from klachtregels.bulk._frames import is_frame

    expected = "register records, location names or a mapping of name to count"
    # A DataFrame would be read as its column names: one column (df["location"]) is asked for.
    if isinstance(source, str | bytes | bytearray) or is_frame(source) or not isinstance(source, Iterable):
        raise wrong_type("source", expected, source)
    counts: Counter[str] = Counter()
    for index, item in enumerate(source):
        if isinstance(item, str):
            name = item.strip()  # as a register cell: the report counts the stripped name
            problem = invisible_problem(item)
            if problem is not None:
                problems.append((f"source[{index}]", problem))
                continue
        elif item is None or _missing(item):  # a DataFrame column's missing cell (NaN, NaT, pandas' NA)
            continue
        elif isinstance(item, RegisterRecord):
            name = item.complaint.location
        else:
            raise wrong_type(f"source[{index}]", "a RegisterRecord, a location name or None", item)
        if name and name.strip():
            counts[name] += 1
    if problems:
        raise InvalidInputError("locations", problems)
    return counts


def _missing(item: object) -> bool:
    """A missing cell of a column: NaN (a numpy float's too), NaT or pandas' NA."""
    kind = type(item)
    if kind.__name__ in ("NAType", "NaTType"):
        return True
    numpy_float = kind.__module__ == "numpy" and kind.__name__.startswith("float")
    return (isinstance(item, float) or numpy_float) and bool(item != item)


def similar_locations(
    source: Iterable[RegisterRecord | str | None] | Mapping[str, int],
) -> tuple[LocationGroup, ...]:
    """Groups of location names that are probably one location (see the module docs), largest first.

    ``source``: register records (their complaints' ``location``), the names themselves (a
    DataFrame column: ``similar_locations(df["location"])``), or a mapping of name to count (a
    tally). Names that stand alone are not listed.
    """
    counts = _names(source)
    by_key: dict[str, list[str]] = {}
    for name in counts:
        by_key.setdefault(_fold(name), []).append(name)
    parent = {key: key for key in by_key}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    reasons = {key: _same_key_reasons(names) for key, names in by_key.items()}
    for a, b in _candidates(by_key):
        why = _reason(a, b)
        if why is not None:
            ra, rb = root(a), root(b)
            parent[rb] = ra
            reasons[ra] |= reasons[rb] | {why}
    members: dict[str, list[str]] = {}
    for key in by_key:
        members.setdefault(root(key), []).extend(by_key[key])
    # Each union merged the reasons into the surviving root, so a root holds its whole group's.
    groups = [_group(names, counts, reasons[key]) for key, names in members.items() if len(names) > 1]
    return tuple(sorted(groups, key=lambda g: (-g.total, g.canonical)))


def _same_key_reasons(names: list[str]) -> set[str]:
    """Why names that fold alike are grouped: ``accents`` when two differ only in case, accents,
    punctuation or spacing; ``address`` when two differ in how they write the address."""
    if len(names) < 2:
        return set()
    spellings = Counter(_fold_spelling(name) for name in names)
    reasons = {"accents"} if any(n > 1 for n in spellings.values()) else set()
    return reasons | ({"address"} if len(spellings) > 1 else set())


def _group(names: list[str], counts: Counter[str], reasons: set[str]) -> LocationGroup:
    """One group: the canonical spelling first (most frequent, then accents, fewer words, longer)."""
    order = sorted(names, key=lambda n: (-counts[n], -(n != _ascii(n)), len(n.split()), -len(n), n))
    return LocationGroup(
        canonical=order[0],
        spellings=tuple((n, counts[n]) for n in order),
        reasons=tuple(r for r in ("accents", "address", "word order", "spelling") if r in reasons),
    )


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def suggested_mapping(groups: Iterable[LocationGroup]) -> dict[str, str]:
    """``{spelling: canonical}`` for every other spelling of every group: review it, then apply it."""
    from klachtregels._arguments import each_instance

    checked = each_instance(groups, LocationGroup, "groups", expected="an iterable of LocationGroup")
    return {name: g.canonical for g in checked for name, _ in g.spellings if name != g.canonical}


def rename_locations(records: Iterable[RegisterRecord], mapping: dict[str, str]) -> Iterator[RegisterRecord]:
    """The records with their complaints' ``location`` renamed by ``mapping`` (the others unchanged)."""
    from klachtregels._arguments import each_instance, wrong_type
    from klachtregels.model import RegisterRecord

    # Checked when called (not when first iterated): a wrong mapping is the caller's error at once.
    if not isinstance(mapping, Mapping):
        raise wrong_type("mapping", "a mapping of location name to new name", mapping)
    checked = each_instance(records, RegisterRecord, "records", expected="an iterable of RegisterRecord")
    return _renamed(checked, mapping)


def _renamed(records: Iterator[RegisterRecord], mapping: Mapping[str, str]) -> Iterator[RegisterRecord]:
    for record in records:
        name = record.complaint.location
        if name is not None and name in mapping:
            complaint = attrs.evolve(record.complaint, location=mapping[name])
            record = attrs.evolve(record, complaint=complaint)
        yield record
