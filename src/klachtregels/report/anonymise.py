"""Anonymisation for the annual report (Wko 1.57b lid 5-6; R9).

Lid 5: no natural person may be traceable in the report, except the provider. Lid 6: home
addresses of gastouders (and of provider-persons) are left out.

The report holds counts and categories by default; free text (descriptions, judgement summaries,
measures) only when the caller asks for it, and then after :class:`Redactor` has removed:

* names found in the register's party fields (complainants and any other :class:`~klachtregels.model.Party`),
  wherever they appear in any record's text, whole and per name part, in any case, with or without
  their diacritics (``Çelik`` = ``celik``) and in composed or decomposed Unicode;
* a capitalised name after a form of address (``mevrouw Van der Berg``, ``juf Fatima``, ``dhr. Bakker``);
* e-mail addresses, IBANs (any case, spaces or hyphens), Dutch phone numbers (``06-12345678``,
  ``06.13.57.24.68``, ``+31 6 ...``, ``0031``, ``020 ...``);
* street addresses: a street name ending in a Dutch street word or its abbreviation (``Dorpsstr. 5``),
  lower-case compounds (``kerkstraat 12``), a leading street word (``Laan van Meerdervoort 1000``),
  with house-number additions (``17-II``, ``3 hs``, ``123bis``); postcodes (``1234 AB``, ``1234ab``);
* dates: any full date (``12-03-2019``, ``2019-03-12``, ``12 maart 2019``) and day-month dates;
* any other run of 7 or more digits, grouped or not (BSN ``9182-73-645``, account and customer numbers).

The corpus ``tests/data/redaction_corpus.toml`` pins each of these forms.

Automatic redaction cannot find a name that is neither in the party fields nor after a form of
address (a staff member's first name in a description): a report with descriptions must be read by
a person before publication, and says so.

Location names are organisational, not personal. But a gastouder's location is often a home
address (lid 6): :func:`looks_like_address` decides which names to replace by a pseudonym in
:mod:`klachtregels.report.compute`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels.model import Party

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["TAGS", "Redactor", "looks_like_address", "name_parts", "party_names"]

# Lower-case name parts that are not identifying on their own (tussenvoegsels and titles).
_PARTICLES: Final = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ten",
        "ter",
        "te",
        "in",
        "op",
        "aan",
        "von",
        "zu",
        "du",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "mevrouw",
        "meneer",
        "dhr",
        "mevr",
        "mw",
        "hr",
    ]
)

_STREET_WORDS: Final = (
    "straat|straatje|laan|weg|plein|singel|gracht|kade|dijk|pad|dreef|hof|hofje|steeg|park|baan|markt|"
    "veld|plantsoen|boulevard|ring|wal|erf|akker|dam|burg|haven|kant|poort|dal|berg|bos|hoek|oord|werf|"
    "zijde|donk|horst|meer|rade|tuin|wijk|allee|gang|slag|brink|lei|vaart|kanaal|wetering|sloot|kamp|"
    "lust|hout|kwartier|promenade|passage|terras|linie|zoom|hage|heide|veen|wei|weide|kwekerij"
)
#: Street words unambiguous enough to count in lower case inside a compound ('kerkstraat 12').
_LOWER_STREET_WORDS: Final = (
    "straat|straatje|laan|weg|plein|singel|gracht|kade|dijk|dreef|steeg|plantsoen|allee"
)
#: Abbreviated street words ('Dorpsstr. 5', 'Beatrixln 3').
_STREET_ABBREVIATIONS: Final = r"(?:str|ln|pln|pl|gr|sngl)"
#: Street words that start a street name of their own ('Laan van Meerdervoort 1000', 'Plein 5').
_LEADING_STREET_WORDS: Final = (
    "Laan|Weg|Plein|Kade|Dijk|Singel|Gracht|Hof|Dreef|Markt|Park|Ring|Steeg|Burgwal"
)
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_WORD = r"[\wÀ-ÿĀ-ž'’.\-]"
_PARTICLE_WORDS = r"van|de|der|den|het|'t|ter|ten|te|in|op|aan|el|al|la|le|du"
#: A house number with its additions: '12', '12a', '12 A', '17-II', '3 hs', '123bis', '1-3', '4/6'.
_HOUSE_NUMBER = (
    r"\d{1,5}(?:\s?[a-zA-Z](?![\w]))?"
    r"(?:\s?[-/]\s?\d{1,5}[a-zA-Z]?|\s?-\s?I{1,3}V?\b|\s?(?i:hs|bg|bis|huis|boven|zw|rd|sous)\b)?(?!\d)"
)
#: Words before the street name: up to two capitalised words, then a particle or an ordinal
#: ('Prinses Beatrixlaan', 'Burg. de Withstraat', 'Willem de Zwijgerlaan', '1e Helmersstraat').
_PREFIX = rf"(?:\b{_CAP}{_WORD}*\s+){{0,2}}(?:\b(?:\d{{1,2}}e|{_PARTICLE_WORDS})\s+)?"
_ADDRESS_RE: Final = re.compile(
    "|".join(
        [
            # A capitalised street name ending in a street word or its abbreviation.
            rf"{_PREFIX}\b(?={_CAP}){_WORD}*?(?i:{_STREET_WORDS}|{_STREET_ABBREVIATIONS}\.?)\s+{_HOUSE_NUMBER}",
            # A lower-case compound street name: 'kerkstraat 12', 'dorpsstr. 5'.
            rf"\b[a-zà-ÿ]{{2,}}(?:{_LOWER_STREET_WORDS}|str\.?)\s+{_HOUSE_NUMBER}",
            # A street word, then its name: 'Laan van Meerdervoort 1000'.
            rf"\b(?:{_LEADING_STREET_WORDS})\s+(?:(?:{_PARTICLE_WORDS})\s+){{0,3}}{_CAP}{_WORD}*"
            rf"(?:\s+{_CAP}{_WORD}*)?\s+{_HOUSE_NUMBER}",
        ]
    )
)
#: Two-letter Dutch words that follow a number in ordinary text ('in 2025 en'): not postcode letters.
_NOT_POSTCODE_LETTERS: Final = (
    "en|in|op|de|te|of|om|is|er|al|nu|ze|je|we|na|zo|ik|ja|uw|zij|ca|tm|km|cm|mm|kg|pm|am|st|nd|rd|th|"
    "sa|sd|ss|an|at|on|to|by|or|if|it|as|be|me|my|no|so|up|us"
)
_POSTCODE_RE: Final = re.compile(
    rf"\b[1-9]\d{{3}}\s?(?!SA|SD|SS)[A-Z]{{2}}\b|\b[1-9]\d{{3}}\s?(?!(?:{_NOT_POSTCODE_LETTERS})\b)[a-z]{{2}}\b"
)
_EMAIL_RE: Final = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_IBAN_RE: Final = re.compile(
    r"\b(?i:NL)\d{2}[\s\-]?[A-Za-z]{4}(?:[\s\-]?\d){10}\b"  # Dutch, any case and grouping
    r"|\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{4}){3,7}(?:[ \-]?[A-Z0-9]{1,3})?\b"  # any other country
)
_PHONE_RE: Final = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?31[\s.\-]{0,3}(?:\(0\)[\s.\-]{0,3})?|\(?0)(?:\d[\s.)/\-]{0,3}){8}\d(?!\d)"
)
_MONTHS: Final = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DATE_RES: Final = (
    re.compile(rf"\b\d{{4}}[-/.]{_MONTH}[-/.]{_DAY}\b(?![-/.]\d)"),
    # Day, month, year; a longer run of dotted digits ('06.13.57.24.68') is a phone number.
    re.compile(rf"\b{_DAY}[-/.]{_MONTH}[-/.]\d{{2,4}}\b(?![-/.]\d)"),
    re.compile(rf"\b\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTHS})\.?(?:\s+\d{{2,4}})?\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?\b", re.IGNORECASE),
)
#: BSN, account and customer numbers: 7 or more digits, grouped by spaces, dots or hyphens.
_LONG_NUMBER_RE: Final = re.compile(r"(?<!\d)\d(?:[\s.\-]?\d){6,}(?!\d)")
#: Forms of address before a name that is not in the party fields ('mevrouw Van der Berg', 'juf Fatima').
_TITLES: Final = (
    "mevrouw|meneer|mevr|mw|mvr|dhr|hr|heer|juf|juffrouw|meester|mr|dr|drs|ir|ing|prof|ds|zuster|"
    "pedagogisch medewerker|pm'er|pm-er|mentor|moeder|vader|oma|opa|tante|oom"
)
_TITLED_NAME_RE: Final = re.compile(
    rf"(?<![\w])((?i:{_TITLES})\.?\s+)"
    rf"((?:(?i:{_PARTICLE_WORDS})\s+){{0,3}}{_CAP}{_WORD}*(?:[\s\-]+(?:(?i:{_PARTICLE_WORDS})\s+){{0,2}}{_CAP}{_WORD}*){{0,2}})"
)


#: Letters that do not decompose into a base letter and a diacritic.
_UNDECOMPOSED: Final = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})
#: A word of a name or a text: letters and digits.
_TOKEN_RE: Final = re.compile(r"[^\W_]+")
#: What may stand between the words of one name in a text: 'Van der Berg', 'Bruijn-Öztürk', "O'Brien".
_JOINER_RE: Final = re.compile(r"[\s\-'’]+")


def _visible(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf: zero-width spaces and
    joiners, the word joiner, a byte order mark, soft hyphens, direction marks and bidirectional
    embeddings, overrides and isolates). Hidden inside an e-mail address or a name
    (``jan@ex\u200bample.nl``, ``Jan\u200bsen``) they kept it from being found while it reads the
    same; and a bidirectional control makes a report line read otherwise than it is."""
    if text.isprintable():  # the common case: no format character (they are not printable)
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def _fold(word: str) -> str:
    """``word`` compared without case and diacritics: 'Çelik' and 'CELIK' fold alike."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_UNDECOMPOSED)


def _phrase(text: str) -> tuple[str, ...]:
    """The folded words of ``text``."""
    return tuple(_fold(m.group()) for m in _TOKEN_RE.finditer(text))


def looks_like_address(text: str) -> bool:
    """True when ``text`` contains a Dutch street address (street word + house number) or a postcode.

    Used for lid 6: a gastouder's location named after a home address is left out of the report.
    """
    given: object = text  # checked: the annotation is not enforced
    if not isinstance(given, str):
        from klachtregels._arguments import wrong_type

        raise wrong_type("text", "text", given)
    return bool(_ADDRESS_RE.search(text) or _POSTCODE_RE.search(text))


def party_names(obj: Any) -> set[str]:
    """Every :class:`~klachtregels.model.Party` name found anywhere inside ``obj`` (attrs objects, tuples)."""
    found: set[str] = set()
    _collect(obj, found)
    return found


def _collect(obj: Any, found: set[str]) -> None:
    if isinstance(obj, Party):
        if obj.name is not None and obj.name.strip():
            found.add(obj.name.strip())
        return
    if isinstance(obj, tuple | list):
        for item in obj:
            _collect(item, found)
        return
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            if value is not None and not isinstance(value, str | int | float | bool):
                _collect(value, found)


def name_parts(name: str) -> set[str]:
    """The parts of a party name that identify on their own: each word of 3 letters or more that is
    not a particle or title, and each half of a double surname ('Jansen-de Vries': 'Jansen-de',
    'Jansen', 'Vries'). A :class:`Redactor` given these parts finds each of them anywhere."""
    parts: set[str] = set()
    for part in re.split(r"[\s,]+", name):
        part = part.strip(".'’")
        if len(part) >= 3 and part.casefold() not in _PARTICLES:
            parts.add(part)
            # Double surnames: 'Jansen-de Vries' also as 'Jansen' and 'Vries'.
            parts.update(sub for sub in part.split("-") if len(sub) >= 3 and sub.casefold() not in _PARTICLES)
    return parts


def _name_phrases(names: Iterable[str], keep: Iterable[str]) -> set[tuple[str, ...]]:
    """Every name, and every part of one, as folded words (whole names first when matching)."""
    kept = {_phrase(_visible(k)) for k in keep if k.strip()}
    phrases: set[tuple[str, ...]] = set()
    for name in map(_visible, names):
        whole = _phrase(name)
        if not whole or whole in kept:
            continue
        phrases.add(whole)
        phrases.update(p for p in map(_phrase, name_parts(name)) if p not in kept)
    phrases.discard(())
    return phrases


class _NameFinder:
    """Replaces party names in a text, word by word: one dictionary look-up per word of the text
    (a regular expression of thousands of alternatives is slow), the longest name first."""

    def __init__(self, phrases: set[tuple[str, ...]]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def sub(self, text: str, tag: str) -> str:
        """``text`` with every name replaced by ``tag``."""
        words = list(_TOKEN_RE.finditer(text))
        folded = [_fold(m.group()) for m in words]
        out: list[str] = []
        last = i = 0
        while i < len(words):
            length = self._match(text, words, folded, i)
            if length:
                out += [text[last : words[i].start()], tag]
                last = words[i + length - 1].end()
                i += length
            else:
                i += 1
        out.append(text[last:])
        return "".join(out)

    def _match(self, text: str, words: list[re.Match[str]], folded: list[str], i: int) -> int:
        """The number of words of the longest name starting at word ``i`` (0: none)."""
        for phrase in self._by_first.get(folded[i], ()):
            n = len(phrase)
            if tuple(folded[i : i + n]) == phrase and all(
                _JOINER_RE.fullmatch(text[words[j].end() : words[j + 1].start()]) for j in range(i, i + n - 1)
            ):
                return n
        return 0


class Redactor:
    """Removes personal data from free text (lid 5). Build once per report; call :meth:`redact`.

    ``names``: party names to remove wherever they occur (whole and per part). ``keep``: names that
    may stay (the provider's own name and its legal entities, lid 5).
    """

    def __init__(self, names: Iterable[str] = (), *, keep: Iterable[str] = ()) -> None:
        phrases = _name_phrases(names, keep)
        self._names = _NameFinder(phrases) if phrases else None

    def redact(self, text: str) -> str:
        """``text`` with every recognised piece of personal data replaced by a bracketed tag, and
        without invisible format characters (:func:`_visible`), which could hide a piece from it."""
        out = _EMAIL_RE.sub("[e-mail]", unicodedata.normalize("NFC", _visible(text)))
        out = _IBAN_RE.sub("[iban]", out)
        for date_re in _DATE_RES:
            out = date_re.sub("[datum]", out)
        out = _PHONE_RE.sub("[telefoon]", out)
        out = _POSTCODE_RE.sub("[postcode]", out)
        out = _ADDRESS_RE.sub("[adres]", out)
        if self._names is not None:
            out = self._names.sub(out, "[naam]")
        out = _TITLED_NAME_RE.sub(_titled, out)
        return _LONG_NUMBER_RE.sub("[nummer]", out)

    def found(self, text: str) -> tuple[str, ...]:
        """The kinds of personal data :meth:`redact` finds in ``text``, as its tags (``naam``,
        ``telefoon``, ...; :data:`TAGS` order): what it found, never the text found."""
        redacted = self.redact(text)
        if redacted == text:
            return ()
        return tuple(tag for tag in TAGS if redacted.count(f"[{tag}]") > text.count(f"[{tag}]"))


#: The tags :meth:`Redactor.redact` puts in place of what it removes, in the order they are reported.
TAGS: Final = ("naam", "e-mail", "telefoon", "adres", "postcode", "iban", "datum", "nummer")


def _titled(match: re.Match[str]) -> str:
    """A form of address is kept, the name after it replaced: 'mevrouw [naam]'."""
    return f"{match.group(1)}[naam]"
