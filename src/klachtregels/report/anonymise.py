"""Anonymisation for the annual report (Wko 1.57b lid 5-6; R9).

Lid 5: no natural person may be traceable in the report, except the provider. Lid 6: home
addresses of gastouders (and of provider-persons) are left out.

The report holds counts and categories by default; free text (descriptions, judgement summaries,
measures) only when the caller asks for it, and then after :class:`Redactor` has removed:

* names found in the register's party fields (complainants and any other :class:`~klachtregels.model.Party`),
  wherever they appear in any record's text, whole and per name part;
* e-mail addresses, IBANs, Dutch phone numbers (``06-12345678``, ``+31 6 ...``, ``0031``, ``020 ...``);
* street addresses (a street name ending in a Dutch street word followed by a house number) and
  postcodes (``1234 AB``);
* dates: any full date (``12-03-2019``, ``2019-03-12``, ``12 maart 2019``) and day-month dates;
* any other run of 7 or more digits (BSN, account and customer numbers).

Automatic redaction cannot find a name that is not in the party fields (a staff member's first
name in a description): a report with descriptions must be read by a person before publication,
and says so.

Location names are organisational, not personal. But a gastouder's location is often a home
address (lid 6): :func:`looks_like_address` decides which names to replace by a pseudonym in
:mod:`klachtregels.report.compute`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels.model import Party

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Redactor", "looks_like_address", "party_names"]

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
_CAP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = r"[\wÀ-ÿ'’.\-]"
_HOUSE_NUMBER = r"\d{1,5}(?:\s?[a-zA-Z](?![\w]))?(?:\s?[-/]\s?\d{1,5}[a-zA-Z]?)?(?!\d)"
#: A street name ending in a street word (capitalised), optionally with prefix words, then a number.
_ADDRESS_RE: Final = re.compile(
    rf"(?:\b(?:{_CAP}{_WORD}*|van|de|der|den|het|'t|ter|ten|te)\s+){{0,2}}"
    rf"\b(?={_CAP}){_WORD}*?(?i:{_STREET_WORDS})\s+{_HOUSE_NUMBER}"
)
_POSTCODE_RE: Final = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b|\b[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}\b")
_EMAIL_RE: Final = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_IBAN_RE: Final = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b")
_PHONE_RE: Final = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?31[\s.\-]{0,3}(?:\(0\)[\s.\-]{0,3})?|\(?0)(?:\d[\s.)/\-]{0,3}){8}\d(?!\d)"
)
_MONTHS: Final = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
_DATE_RES: Final = (
    re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"),
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"),
    re.compile(rf"\b\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTHS})\.?(?:\s+\d{{2,4}})?\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?\b", re.IGNORECASE),
)
_LONG_NUMBER_RE: Final = re.compile(r"(?<!\d)\d(?:[\s.]?\d){6,}(?!\d)")


def looks_like_address(text: str) -> bool:
    """True when ``text`` contains a Dutch street address (street word + house number) or a postcode.

    Used for lid 6: a gastouder's location named after a home address is left out of the report.
    """
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


def _name_pattern(names: Iterable[str], keep: Iterable[str]) -> re.Pattern[str] | None:
    kept = {k.strip().casefold() for k in keep if k.strip()}
    parts: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if not name or name.casefold() in kept:
            continue
        parts.add(name)
        for part in re.split(r"[\s,]+", name):
            part = part.strip(".'’")
            if len(part) >= 3 and part.casefold() not in _PARTICLES and part.casefold() not in kept:
                parts.add(part)
                # Double surnames: 'Jansen-de Vries' also as 'Jansen' and 'Vries'.
                for sub in part.split("-"):
                    if len(sub) >= 3 and sub.casefold() not in _PARTICLES:
                        parts.add(sub)
    if not parts:
        return None
    # Longest first, so a full name is replaced as one piece.
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


class Redactor:
    """Removes personal data from free text (lid 5). Build once per report; call :meth:`redact`.

    ``names``: party names to remove wherever they occur (whole and per part). ``keep``: names that
    may stay (the provider's own name and its legal entities, lid 5).
    """

    def __init__(self, names: Iterable[str] = (), *, keep: Iterable[str] = ()) -> None:
        self._names = _name_pattern(names, keep)

    def redact(self, text: str) -> str:
        """``text`` with every recognised piece of personal data replaced by a bracketed tag."""
        out = _EMAIL_RE.sub("[e-mail]", text)
        out = _IBAN_RE.sub("[iban]", out)
        for date_re in _DATE_RES:
            out = date_re.sub("[datum]", out)
        out = _PHONE_RE.sub("[telefoon]", out)
        out = _POSTCODE_RE.sub("[postcode]", out)
        out = _ADDRESS_RE.sub("[adres]", out)
        if self._names is not None:
            out = self._names.sub("[naam]", out)
        return _LONG_NUMBER_RE.sub("[nummer]", out)
