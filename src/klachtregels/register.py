"""Reading complaint registers (CSV, JSON Lines, JSON) into domain objects, with row-level errors.

A register holds one complaint per row. Its columns are documented in ``docs/register.md`` and
listed in :data:`COLUMNS`; a provider's own column names and value words are translated by a
:class:`ColumnMapping` (a small TOML file). Reading streams: :func:`read_register` returns a
:class:`RegisterReader` that yields :class:`~klachtregels.model.RegisterRecord` objects one at a time
and keeps only counters and row errors in memory (a JSON *array* is the one exception: it is
loaded whole).

Rules of the format (style guide: missing is unknown, never a default):

* A column the register does not have, and an empty cell, is an unknown fact (``None``).
* A bad cell rejects its row with one :class:`RowError` per problem; it never stops the read
  (unless ``strict=True``). Errors never echo free text; for date, boolean and vocabulary cells
  they echo at most a short preview of the value.
* ``summary.rows_read == summary.rows_ok + summary.rows_rejected``, always. Blank lines are not
  rows; they are counted in ``summary.skipped_blank_lines``.
* A file that cannot be read at all (no header, undecodable bytes, duplicate header names) raises
  :class:`~klachtregels.errors.RegisterError`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import enum
import functools
import importlib.resources
import io
import itertools
import json
import os
import pathlib
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, ClassVar, Literal, TypeAlias

import attrs

from klachtregels.errors import InvalidInputError, RegisterError
from klachtregels.model import (
    About,
    Channel,
    Complaint,
    GckFiling,
    GckOutcome,
    Judgement,
    Measure,
    Party,
    PartyRole,
    RegisterRecord,
    Signal,
    SignalKind,
    Subject,
    Verdict,
)

__all__ = [
    "COLUMNS",
    "GCK_CASE_COLUMNS",
    "Column",
    "ColumnKind",
    "ColumnMapping",
    "GckCase",
    "GckCaseReader",
    "MappingError",
    "RegisterReader",
    "RegisterResult",
    "RegisterSummary",
    "RowError",
    "RowRejectedError",
    "load_mapping",
    "read_gck_cases",
    "read_register",
    "read_register_all",
]

Format: TypeAlias = Literal["csv", "jsonl", "json"]
Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"
MappingSource: TypeAlias = "ColumnMapping | str | os.PathLike[str] | None"

#: Cells longer than this many characters reject their row (a register cell is never this long).
MAX_CELL_CHARS = 1_048_576
#: The csv module's own limit is raised to this; a longer field (an unclosed quote swallowing the
#: rest of the file) makes the file unreadable (RegisterError).
CSV_FIELD_LIMIT = 16 * 1_048_576
#: At most this many characters of a date/boolean/vocabulary cell are echoed in a RowError.
PREVIEW_CHARS = 24


class MappingError(RegisterError):
    """A column mapping (TOML) is invalid: unknown target field, unknown value target, bad table."""


class RowRejectedError(RegisterError):
    """``strict=True``: a row was rejected. ``errors`` lists that row's problems."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        first = self.errors[0]
        super().__init__(
            f"row {first.row} rejected / rij {first.row} afgewezen: "
            + "; ".join(e.describe() for e in self.errors)
        )


# --------------------------------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------------------------------


class ColumnKind(enum.Enum):
    """How a cell is read."""

    TEXT = "text"  # short text, echoed nowhere
    FREE_TEXT = "free_text"  # personal data: never echoed
    DATE = "date"
    BOOL = "bool"
    ENUM = "enum"
    ENUM_LIST = "enum_list"  # ';' or '|' separated in CSV, an array in JSON
    MEASURES = "measures"  # a JSON array of measure objects


def _norm(value: str) -> str:
    """Vocabulary key: case-folded, '_' and '-' as spaces, whitespace collapsed."""
    return " ".join(value.replace("_", " ").replace("-", " ").casefold().split())


@attrs.frozen(kw_only=True)
class Column:
    """One documented register column."""

    name: str
    kind: ColumnKind
    #: Which object the value goes to: complaint, complainant, signal, judgement, measure, gck.
    group: str
    #: The attribute of that object.
    field: str
    doc: str
    vocabulary: type[enum.StrEnum] | None = None
    #: Dutch (and other) words accepted besides the enum values, already normalised.
    aliases: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    #: List columns: the word meaning 'checked, none' (an empty tuple).
    none_words: frozenset[str] = frozenset()

    def lookup(self, word: str) -> enum.StrEnum | None:
        """The enum member a word names (value or alias, case-insensitive), or None."""
        return _lookup(self, word)

    def _lookup_uncached(self, word: str) -> enum.StrEnum | None:
        assert self.vocabulary is not None
        key = _norm(word)
        for member in self.vocabulary:
            if _norm(member.value) == key:
                return member
        alias = self.aliases.get(key)
        return None if alias is None else self.vocabulary(alias)

    def accepted_words(self) -> list[str]:
        """Canonical values followed by aliases (for docs and the JSON Schema)."""
        assert self.vocabulary is not None
        words = [m.value for m in self.vocabulary]
        words += [_norm(w) for w in words if _norm(w) != w]
        words += [a for a in self.aliases if a not in words]
        words += sorted(w for w in self.none_words if w not in words)
        return words


@functools.lru_cache(maxsize=4096)
def _lookup(column: Column, word: str) -> enum.StrEnum | None:
    return column._lookup_uncached(word)


_NONE_WORDS = frozenset({"none", "geen", "nee", "no"})

_ROLE_ALIASES = {
    "ouder": "parent",
    "ouders": "parent",
    "pleegouder": "foster_parent",
    "stiefouder": "step_parent",
    "grootouder": "grandparent",
    "opa": "grandparent",
    "oma": "grandparent",
    "aspirant klant": "prospective_client",
    "toekomstige klant": "prospective_client",
    "oud klant": "former_client",
    "voormalige klant": "former_client",
    "medewerker": "staff",
    "personeel": "staff",
    "houder": "provider",
    "aanbieder": "provider",
    "anoniem": "anonymous",
    "anders": "other",
    "overig": "other",
}
_CHANNEL_ALIASES = {
    "brief": "letter",
    "post": "letter",
    "e mail": "email",
    "mail": "email",
    "webformulier": "web_form",
    "formulier": "web_form",
    "website": "web_form",
    "app": "app_message",
    "appbericht": "app_message",
    "mondeling": "oral",
    "telefonisch": "oral",
}
_SUBJECT_ALIASES = {
    "gedraging": "conduct",
    "gedrag": "conduct",
    "bejegening": "conduct",
    "overeenkomst": "agreement",
    "contract": "agreement",
    "werkwijze": "working_method",
    "beleid": "working_method",
    "andere ouder": "other_parent",
    "derde": "third_party",
    "derden": "third_party",
    "adviesrecht": "advisory_right",
}
_ABOUT_ALIASES = {
    "medewerker": "staff",
    "personeel": "staff",
    "huisgenoot gastouder": "gastouder_housemate",
    "leidinggevende": "management",
    "directie": "management",
    "houder": "provider_person",
    "organisatie": "organisation",
    "andere ouder": "other_parent",
    "kind": "child",
    "derde": "third_party",
}
_SIGNAL_ALIASES = {
    "vermoeden misdrijf medewerker": "suspected_offence_by_staff",
    "vermoeden misdrijf houder": "suspected_offence_by_provider",
    "huiselijk geweld": "abuse_at_home",
    "kindermishandeling": "abuse_at_home",
    "seksueel gedrag tussen kinderen": "sexual_behaviour_between_children",
    "twijfel": "ambiguous",
}
_VERDICT_ALIASES = {
    "deels": "deels_gegrond",
    "gedeeltelijk gegrond": "deels_gegrond",
    "niet gegrond": "ongegrond",
}
_OUTCOME_ALIASES = {
    "deels": "deels_gegrond",
    "gedeeltelijk gegrond": "deels_gegrond",
    "niet gegrond": "ongegrond",
    "schikking": "geschikt",
    "minnelijke schikking": "geschikt",
    "lopend": "pending",
    "in behandeling": "pending",
}


def _col(name: str, kind: ColumnKind, group: str, field: str, doc: str, **kw: Any) -> Column:
    if "aliases" in kw:
        kw["aliases"] = {_norm(k): v for k, v in kw["aliases"].items()}
    return Column(name=name, kind=kind, group=group, field=field, doc=doc, **kw)


_K = ColumnKind
#: Every documented register column, in documentation order.
COLUMNS: tuple[Column, ...] = (
    # complaint facts
    _col("id", _K.TEXT, "complaint", "id", "The provider's own (pseudonymous) complaint identifier."),
    _col(
        "received_on",
        _K.DATE,
        "complaint",
        "received_on",
        "When the complaint reached the provider (R12, A4); a date-time is best (A22).",
    ),
    _col(
        "channel",
        _K.ENUM,
        "complaint",
        "channel",
        "How it reached the provider (R5, A9).",
        vocabulary=Channel,
        aliases=_CHANNEL_ALIASES,
    ),
    _col(
        "oral_first_on",
        _K.DATE,
        "complaint",
        "oral_first_on",
        "An earlier oral complaint about the same matter (A4, A13).",
    ),
    _col(
        "complainant_role",
        _K.ENUM,
        "complainant",
        "role",
        "The complainant's relation to the childcare (R3, A7).",
        vocabulary=PartyRole,
        aliases=_ROLE_ALIASES,
    ),
    _col(
        "complainant_contract_party",
        _K.BOOL,
        "complainant",
        "contract_party",
        "Whether the complainant signed the childcare agreement (A7).",
    ),
    _col(
        "complainant_id",
        _K.TEXT,
        "complainant",
        "id",
        "The provider's pseudonymous identifier of the complainant.",
    ),
    _col(
        "complainant_name",
        _K.FREE_TEXT,
        "complainant",
        "name",
        "The complainant's name: personal data, never echoed.",
    ),
    _col(
        "subjects",
        _K.ENUM_LIST,
        "complaint",
        "subjects",
        "What it is about (R4, A8); several separated by ';' or '|'.",
        vocabulary=Subject,
        aliases=_SUBJECT_ALIASES,
    ),
    _col(
        "about",
        _K.ENUM,
        "complaint",
        "about",
        "Whom the complaint concerns.",
        vocabulary=About,
        aliases=_ABOUT_ALIASES,
    ),
    _col("arose_on", _K.DATE, "complaint", "arose_on", "When the matter arose (A17)."),
    _col(
        "signals",
        _K.ENUM_LIST,
        "complaint",
        "signals",
        "Abuse signal kinds (R27, R28, R30); 'geen'/'none' = checked, none; empty = not assessed.",
        vocabulary=SignalKind,
        aliases=_SIGNAL_ALIASES,
        none_words=_NONE_WORDS,
    ),
    _col(
        "signal_known_on",
        _K.DATE,
        "signal",
        "known_on",
        "When the provider learned of the signal(s) (R28); applies to every signal of the row.",
    ),
    _col(
        "consulted_on",
        _K.DATE,
        "signal",
        "consulted_on",
        "When the vertrouwensinspecteur was consulted (1.51b lid 1); applies to every signal of the row.",
    ),
    _col(
        "meldcode_started_on",
        _K.DATE,
        "signal",
        "meldcode_started_on",
        "When a meldcode route was started (1.51a); applies to every signal of the row.",
    ),
    _col(
        "judge_is_subject",
        _K.BOOL,
        "complaint",
        "judge_is_subject",
        "The person who must judge the complaint is its subject (A12).",
    ),
    _col(
        "extension_agreed",
        _K.BOOL,
        "complaint",
        "extension_agreed",
        "Handling term extended by agreement with the parent (A6).",
    ),
    _col(
        "first_contact_on",
        _K.DATE,
        "complaint",
        "first_contact_on",
        "When the provider first made contact (house terms).",
    ),
    _col(
        "acknowledged_on",
        _K.DATE,
        "complaint",
        "acknowledged_on",
        "When receipt was acknowledged (house terms).",
    ),
    _col(
        "location", _K.TEXT, "complaint", "location", "The location name as the provider registers it (R9)."
    ),
    _col("category", _K.TEXT, "complaint", "category", "The provider's own category."),
    _col(
        "organisation",
        _K.TEXT,
        "complaint",
        "organisation",
        "The legal entity it was filed with (Partou's 'label').",
    ),
    _col(
        "description",
        _K.FREE_TEXT,
        "complaint",
        "description",
        "The complaint, free text: personal data, never echoed.",
    ),
    # judgement
    _col(
        "judgement_sent_on",
        _K.DATE,
        "judgement",
        "sent_on",
        "When the judgement was sent (A5 default 'afgehandeld').",
    ),
    _col(
        "judgement_received_on",
        _K.DATE,
        "judgement",
        "received_on",
        "When the parent received the judgement (A5 alternative).",
    ),
    _col(
        "judgement_written",
        _K.BOOL,
        "judgement",
        "written",
        "The judgement was in writing (1.57b lid 2 sub e).",
    ),
    _col(
        "judgement_reasoned",
        _K.BOOL,
        "judgement",
        "reasoned",
        "The judgement was reasoned (1.57b lid 2 sub e).",
    ),
    _col(
        "judgement_partial",
        _K.BOOL,
        "judgement",
        "partial",
        "A partial judgement on part of the complaint (A5).",
    ),
    _col(
        "verdict",
        _K.ENUM,
        "judgement",
        "verdict",
        "The tenor: gegrond, deels gegrond, ongegrond.",
        vocabulary=Verdict,
        aliases=_VERDICT_ALIASES,
    ),
    _col(
        "judgement_summary",
        _K.FREE_TEXT,
        "judgement",
        "summary",
        "What was decided or done, free text: never echoed.",
    ),
    _col(
        "measures",
        _K.MEASURES,
        "judgement",
        "measures",
        "All measures as a JSON array of objects (description, due_on, has_concrete_term, done_on); "
        "'geen'/'none'/[] = no measures.",
    ),
    _col(
        "measure_description",
        _K.FREE_TEXT,
        "measure",
        "description",
        "One measure, spreadsheet style: its description (free text).",
    ),
    _col(
        "measure_due_on",
        _K.DATE,
        "measure",
        "due_on",
        "One measure: the concrete date by which it will be carried out (1.57b lid 2 sub f).",
    ),
    _col("measure_done_on", _K.DATE, "measure", "done_on", "One measure: when it was carried out."),
    _col(
        "measures_have_concrete_term",
        _K.BOOL,
        "measure",
        "has_concrete_term",
        "Whether the judgement stated a concrete term for the measure(s) (1.57b lid 2 sub f).",
    ),
    # Geschillencommissie filing
    _col(
        "gck_filed_on",
        _K.DATE,
        "gck",
        "filed_on",
        "When the dispute was filed with the Geschillencommissie (R20).",
    ),
    _col(
        "gck_filed_by",
        _K.ENUM,
        "gck",
        "filed_by",
        "Who filed: a parent (R20) or the oudercommissie (R25).",
        vocabulary=PartyRole,
        aliases=_ROLE_ALIASES,
    ),
    _col(
        "gck_case_number", _K.TEXT, "gck", "case_number", "The Geschillencommissie case number (zaaknummer)."
    ),
    _col("gck_subject", _K.TEXT, "gck", "subject", "Subject as the Geschillencommissie records it."),
    _col(
        "gck_outcome",
        _K.ENUM,
        "gck",
        "outcome",
        "How the case ended.",
        vocabulary=GckOutcome,
        aliases=_OUTCOME_ALIASES,
    ),
    _col(
        "gck_claims_personal_injury",
        _K.BOOL,
        "gck",
        "claims_personal_injury",
        "Claims damages for death, injury or illness (R24, A15).",
    ),
    _col("gck_non_payment_only", _K.BOOL, "gck", "non_payment_only", "Only non-payment of invoices (R24)."),
    _col(
        "gck_against_gastouder_personally",
        _K.BOOL,
        "gck",
        "against_gastouder_personally",
        "Against a gastouder personally (R24).",
    ),
    _col("gck_mediation_from", _K.DATE, "gck", "mediation_from", "Klachtenloket mediation start (A13)."),
    _col("gck_mediation_until", _K.DATE, "gck", "mediation_until", "Klachtenloket mediation end (A13)."),
    _col(
        "gck_advice_given_in_time",
        _K.BOOL,
        "gck",
        "advice_given_in_time",
        "Oudercommissie route: advice given within the set term (R25).",
    ),
    _col(
        "gck_competent_body",
        _K.BOOL,
        "gck",
        "competent_body",
        "Oudercommissie route: the filer is the competent body (R25).",
    ),
    _col("gck_safety_urgency", _K.BOOL, "gck", "safety_urgency", "Safety urgency (A12)."),
)
del _K

_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
#: The columns of a Geschillencommissie cases file (:func:`read_gck_cases`).
GCK_CASE_COLUMNS: tuple[Column, ...] = tuple(
    c for c in COLUMNS if c.group == "gck" or c.name == "organisation"
)


# --------------------------------------------------------------------------------------------------
# Cell values
# --------------------------------------------------------------------------------------------------

_TRUE = frozenset({"true", "ja", "yes", "1", "waar"})
_FALSE = frozenset({"false", "nee", "no", "0", "onwaar"})
#: Boolean words, as documented (case-insensitive).
BOOLEAN_WORDS: tuple[str, ...] = ("true", "false", "ja", "nee", "yes", "no", "1", "0")

_NL_DATE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_NL_MONTH_DATE = re.compile(r"^(\d{1,2}) ([a-z]+)\.? (\d{4})$")
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DATE_HELP = "use YYYY-MM-DD, dd-mm-jjjj or d/m/jjjj / gebruik JJJJ-MM-DD, dd-mm-jjjj of d/m/jjjj"


class _CellProblem(Exception):
    """A cell could not be read; ``echo`` says whether a short preview of it may be shown."""

    def __init__(self, message: str, preview: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.preview = preview


def _preview(value: str) -> str:
    value = value.strip()
    return value if len(value) <= PREVIEW_CHARS else value[: PREVIEW_CHARS - 1] + "…"


@functools.lru_cache(maxsize=8192)
def _parse_date(text: str) -> dt.date | str:
    """A date or date-time, or an error message. Cached: registers repeat dates a lot."""
    s = text.strip()
    if len(s) >= 10 and s[4:5] == "-" and s[:4].isdigit():
        try:
            if len(s) == 10:
                return dt.date.fromisoformat(s)
            return dt.datetime.fromisoformat(s)
        except ValueError:
            return f"not a real ISO date / geen geldige ISO-datum; {_DATE_HELP}"
    m = _NL_DATE.match(s)
    if m:
        day, _sep, month, year, hh, mm, ss = m.groups()
        try:
            if hh is None:
                return dt.date(int(year), int(month), int(day))
            return dt.datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss or 0))
        except ValueError:
            return "not a real date (day-month-year) / geen bestaande datum (dag-maand-jaar)"
    m = _NL_MONTH_DATE.match(s.casefold())
    if m and m.group(2) in _MONTHS:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
        except ValueError:
            return "not a real date / geen bestaande datum"
    return f"not a date in an accepted format / geen datum in een toegestane vorm; {_DATE_HELP}"


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = value.strip().casefold()
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
        raise _CellProblem(
            "not a yes/no value (use ja/nee, true/false, yes/no, 1/0) / geen ja/nee-waarde", _preview(value)
        )
    raise _CellProblem(f"expected a yes/no value, got {type(value).__name__} / verwacht ja/nee")


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;|]", value) if part.strip()]


def _enum_problem(column: Column, word: str) -> _CellProblem:
    assert column.vocabulary is not None
    allowed = ", ".join(m.value for m in column.vocabulary)
    return _CellProblem(
        f"unknown value for {column.name} (allowed: {allowed}, or a Dutch alias, see docs/register.md) / "
        "onbekende waarde",
        _preview(word),
    )


# --------------------------------------------------------------------------------------------------
# Mapping
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ColumnMapping:
    """A provider's own column names and value words, translated to the documented columns.

    ``columns``: source column name -> documented column. ``values``: documented column ->
    {source word -> documented value word; ``""`` means 'unknown'}. ``defaults``: documented column
    -> a constant fact the export does not carry, stated explicitly by the provider (applied only
    when the file has no such column). ``ignore``: source columns to skip without a warning.
    """

    columns: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    values: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    defaults: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    ignore: tuple[str, ...] = ()
    name: str | None = None

    _TOP_LEVEL: ClassVar[frozenset[str]] = frozenset(
        {"columns", "values", "defaults", "ignore", "name", "description"}
    )

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        targets: dict[str, str] = {}
        for source, target in self.columns.items():
            if not isinstance(target, str) or target not in _BY_NAME:
                problems.append(f"[columns] {source!r}: unknown target column {target!r}")
            elif target in targets:
                problems.append(f"[columns] {source!r} and {targets[target]!r} both map to {target!r}")
            else:
                targets[target] = source
        for target, table in self.values.items():
            column = _BY_NAME.get(target)
            if column is None:
                problems.append(f"[values.{target}]: unknown column {target!r}")
                continue
            if not isinstance(table, Mapping):
                problems.append(f"[values.{target}] must be a table of word = value")
                continue
            for word, to in table.items():
                msg = _check_value_target(column, to)
                if msg is not None:
                    problems.append(f"[values.{target}] {word!r}: {msg}")
        for target, raw in self.defaults.items():
            column = _BY_NAME.get(target)
            if column is None:
                problems.append(f"[defaults] unknown column {target!r}")
                continue
            try:
                value = _convert(column, raw, None)
            except _CellProblem as exc:
                problems.append(f"[defaults] {target}: {exc.message}")
                continue
            if value is None:
                problems.append(f"[defaults] {target}: an empty default states nothing; remove it")
        if problems:
            where = f" {self.name}" if self.name else ""
            raise MappingError(
                f"invalid column mapping{where} / ongeldige kolomkoppeling: " + "; ".join(problems)
            )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, name: str | None = None) -> ColumnMapping:
        """Build from the parsed TOML (tables ``columns``, ``values``, ``defaults``, ``ignore``)."""
        unknown = sorted(set(data) - cls._TOP_LEVEL)
        if unknown:
            raise MappingError(f"column mapping {name or ''}: unknown table(s) {', '.join(unknown)}")
        columns = data.get("columns", {})
        values = data.get("values", {})
        defaults = data.get("defaults", {})
        ignore = data.get("ignore", [])
        if not isinstance(columns, Mapping) or not all(isinstance(k, str) for k in columns):
            raise MappingError(f"column mapping {name or ''}: [columns] must be a table of name = column")
        if not isinstance(values, Mapping) or not isinstance(defaults, Mapping):
            raise MappingError(f"column mapping {name or ''}: [values] and [defaults] must be tables")
        if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
            raise MappingError(f"column mapping {name or ''}: ignore must be a list of column names")
        return cls(
            columns=dict(columns),
            values={k: dict(v) if isinstance(v, Mapping) else v for k, v in values.items()},
            defaults=dict(defaults),
            ignore=tuple(ignore),
            name=name or (data.get("name") if isinstance(data.get("name"), str) else None),
        )

    @classmethod
    def from_toml(cls, text: str, *, name: str | None = None) -> ColumnMapping:
        """Parse TOML text."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise MappingError(f"column mapping {name or ''} is not valid TOML: {exc}") from None
        return cls.from_dict(data, name=name)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ColumnMapping:
        """Read a mapping TOML file."""
        raw = pathlib.Path(path).read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise MappingError(f"column mapping {os.fspath(path)} is not UTF-8") from None
        return cls.from_toml(text, name=os.fspath(path))

    @classmethod
    def builtin(cls, name: str) -> ColumnMapping:
        """A mapping shipped in ``klachtregels/mappings/`` (``"partou"``, ``"partou_geschillen"``)."""
        res = importlib.resources.files("klachtregels.mappings").joinpath(f"{name}.toml")
        if not re.fullmatch(r"[a-z0-9_]+", name) or not res.is_file():
            raise MappingError(f"no built-in column mapping named {name!r}")
        return cls.from_toml(res.read_text(encoding="utf-8"), name=name)

    def value_for(self, target: str, word: str) -> Any:
        """The translated value word, or ``word`` itself when the mapping has none for it."""
        table = self.values.get(target)
        if not table:
            return word
        if word in table:
            return table[word]
        key = word.strip().casefold()
        for source, to in table.items():
            if source.strip().casefold() == key:
                return to
        return word


def _check_value_target(column: Column, to: Any) -> str | None:
    if column.kind in (ColumnKind.DATE, ColumnKind.MEASURES):
        return f"{column.name} is a {column.kind.value} column; value tables are for words"
    if isinstance(to, str) and not to.strip():
        return None  # "" = unknown, stated explicitly
    if column.kind == ColumnKind.BOOL:
        try:
            _parse_bool(to)
        except _CellProblem:
            return f"unknown value target {to!r} (use true/false)"
        return None
    if column.kind in (ColumnKind.ENUM, ColumnKind.ENUM_LIST):
        if not isinstance(to, str):
            return f"value target {to!r} must be a string"
        if column.lookup(to) is None and not (column.none_words and _norm(to) in column.none_words):
            assert column.vocabulary is not None
            allowed = ", ".join(m.value for m in column.vocabulary)
            return f"unknown value target {to!r} (allowed: {allowed})"
        return None
    return None if isinstance(to, str) else f"value target {to!r} must be a string"


def load_mapping(mapping: MappingSource) -> ColumnMapping | None:
    """A :class:`ColumnMapping` from itself, a TOML path, or a built-in name such as ``"partou"``."""
    if mapping is None or isinstance(mapping, ColumnMapping):
        return mapping
    text = os.fspath(mapping)
    if isinstance(mapping, str) and re.fullmatch(r"[a-z0-9_]+", text) and not pathlib.Path(text).exists():
        return ColumnMapping.builtin(text)
    return ColumnMapping.load(text)


# --------------------------------------------------------------------------------------------------
# Converting one cell
# --------------------------------------------------------------------------------------------------


def _convert(column: Column, raw: Any, mapping: ColumnMapping | None) -> Any:
    """One cell's value (str from CSV, any JSON value from JSON) -> Python value; None = unknown."""
    if _is_empty(raw):
        return None
    kind = column.kind
    if kind == ColumnKind.ENUM_LIST:
        items: list[Any]
        if isinstance(raw, str):
            mapped = mapping.value_for(column.name, raw) if mapping else raw
            if _is_empty(mapped):
                return None
            if isinstance(mapped, str) and column.none_words and _norm(mapped) in column.none_words:
                return ()
            items = _split_list(mapped) if isinstance(mapped, str) else [mapped]
        elif isinstance(raw, list):
            items = raw
        else:
            raise _CellProblem(f"expected a list, got {type(raw).__name__} / verwacht een lijst")
        out: list[Any] = []
        for item in items:
            if not isinstance(item, str):
                raise _CellProblem(
                    f"list item is a {type(item).__name__}, expected a word / verwacht een woord"
                )
            word = mapping.value_for(column.name, item) if mapping else item
            if _is_empty(word):
                continue
            member = column.lookup(word)
            if member is None:
                raise _enum_problem(column, item)
            if member in out:
                raise _CellProblem(f"{member.value} is listed twice / staat er twee keer in", _preview(item))
            out.append(member)
        return tuple(out)
    if mapping is not None and isinstance(raw, str) and kind != ColumnKind.MEASURES:
        raw = mapping.value_for(column.name, raw)
        if _is_empty(raw):
            return None
    if kind in (ColumnKind.TEXT, ColumnKind.FREE_TEXT):
        if isinstance(raw, str):
            if len(raw) > MAX_CELL_CHARS:
                raise _CellProblem(f"cell longer than {MAX_CELL_CHARS} characters / cel te lang")
            return raw.strip()
        if isinstance(raw, int) and not isinstance(raw, bool):
            return str(raw)
        raise _CellProblem(f"expected text, got {type(raw).__name__} / verwacht tekst")
    if kind == ColumnKind.DATE:
        if isinstance(raw, dt.date):
            return raw
        if not isinstance(raw, str):
            raise _CellProblem(f"expected a date, got {type(raw).__name__} / verwacht een datum")
        parsed = _parse_date(raw[:64])
        if isinstance(parsed, str):
            raise _CellProblem(parsed, _preview(raw))
        return parsed
    if kind == ColumnKind.BOOL:
        return _parse_bool(raw)
    if kind == ColumnKind.ENUM:
        if not isinstance(raw, str):
            raise _CellProblem(f"expected a word, got {type(raw).__name__} / verwacht een woord")
        member = column.lookup(raw)
        if member is None:
            raise _enum_problem(column, raw)
        return member
    assert kind == ColumnKind.MEASURES
    if isinstance(raw, str):
        if _norm(raw) in _NONE_WORDS:
            return ()
        if len(raw) > MAX_CELL_CHARS:
            raise _CellProblem(f"cell longer than {MAX_CELL_CHARS} characters / cel te lang")
        try:
            raw = json.loads(raw)
        except ValueError:
            raise _CellProblem("not a JSON array of measures / geen JSON-lijst van maatregelen") from None
    if not isinstance(raw, list):
        raise _CellProblem("expected a JSON array of measures / verwacht een JSON-lijst van maatregelen")
    measures: list[Measure] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise _CellProblem(f"measure {i} is not an object / maatregel {i} is geen object")
        try:
            measures.append(Measure.from_dict(item))
        except InvalidInputError as exc:
            raise _CellProblem(
                "; ".join(f"measures[{i}].{field}: {_safe_model_message(msg)}" for field, msg in exc.problems)
            ) from None
    return tuple(measures)


def _safe_model_message(message: str) -> str:
    """Model messages may quote a value (repr); keep only short quoted values, never free text."""
    return re.sub(rf"'[^']{{{PREVIEW_CHARS + 1},}}'", "'…'", message)


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RowError:
    """Why a row was rejected. Never holds free text: ``value`` is at most a short preview of a
    date, boolean or vocabulary cell."""

    #: The row: the line where the record starts (CSV, header = line 1; JSON Lines), or the record's
    #: 1-based index (JSON array).
    row: int
    #: The column as the register names it (after no mapping), or None for the whole row.
    column: str | None
    message: str
    value: str | None = None

    def describe(self) -> str:
        """One line: where and what."""
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        shown = f" (value {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{shown}"

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class RegisterSummary:
    """Counters of a read. ``rows_read == rows_ok + rows_rejected`` always holds."""

    rows_read: int
    rows_ok: int
    rows_rejected: int
    #: Lines without any cell content (blank, or only separators): not rows.
    skipped_blank_lines: int
    #: Header names that are no documented column (after the mapping): ignored, not fatal.
    unknown_columns: tuple[str, ...]
    #: The documented columns the file supplies (after the mapping).
    columns: tuple[str, ...]
    #: Columns filled from the mapping's ``[defaults]`` (the provider's explicit statement).
    defaults_applied: tuple[str, ...]
    format: str
    encoding: str | None
    delimiter: str | None
    #: False while iteration has not reached the end.
    complete: bool

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class RegisterResult:
    """Everything :func:`read_register_all` read."""

    records: tuple[RegisterRecord, ...]
    summary: RegisterSummary
    errors: tuple[RowError, ...]


@attrs.frozen(kw_only=True)
class GckCase:
    """One row of a Geschillencommissie cases file: the filing and the legal entity it concerns."""

    filing: GckFiling
    organisation: str | None = None
    row: int | None = None


# --------------------------------------------------------------------------------------------------
# Low-level row sources
# --------------------------------------------------------------------------------------------------

_EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


def _decoded_lines(binary: IO[bytes], encoding: str | None) -> Iterator[str]:
    """Decode a binary file line by line, naming line and byte offset on a decode error."""
    first = binary.readline()
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        wrapper = io.TextIOWrapper(io.BufferedReader(_Prefixed(first, binary)), encoding="utf-16", newline="")
        try:
            yield from wrapper
        except UnicodeDecodeError as exc:
            raise RegisterError(f"the file is not valid UTF-16 / geen geldige UTF-16: {exc.reason}") from None
        return
    enc = encoding or "utf-8"
    try:
        codecs.lookup(enc)
    except LookupError:
        raise RegisterError(f"unknown encoding {enc!r} / onbekende tekencodering") from None
    offset = 0
    if first.startswith(codecs.BOM_UTF8) and codecs.lookup(enc).name == "utf-8":
        first = first[3:]
        offset = 3
    line_no = 0
    for chunk in itertools.chain((first,), binary):
        if not chunk:
            continue
        line_no += 1
        try:
            text = chunk.decode(enc)
        except UnicodeDecodeError as exc:
            raise RegisterError(
                f"cannot decode line {line_no} (byte offset {offset + exc.start}) as {enc} / "
                f"regel {line_no} is geen geldige {enc}: pass encoding='cp1252' (or the file's encoding)"
            ) from None
        offset += len(chunk)
        yield text


class _Prefixed(io.RawIOBase):
    """A raw stream that first returns ``prefix`` then the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)


def _sniff_delimiter(header_line: str) -> str:
    best, best_n = ",", 1
    for delim in (",", ";", "\t"):
        try:
            n = len(next(csv.reader([header_line], delimiter=delim), []))
        except csv.Error:
            continue
        if n > best_n:
            best, best_n = delim, n
    return best


# --------------------------------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------------------------------


class _Reader:
    """Shared engine: header resolution, cell conversion, counting, errors."""

    _columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def __init__(
        self,
        source: Source,
        *,
        format: Format | None = None,
        mapping: MappingSource = None,
        strict: bool = False,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        self._source = source
        self._mapping = load_mapping(mapping)
        self._strict = strict
        self._encoding = encoding
        self._delimiter = delimiter
        self._format: Format = format or self._guess_format(source)
        if self._format not in ("csv", "jsonl", "json"):
            raise RegisterError(f"unknown register format {self._format!r}: use csv, jsonl or json")
        self._by_name = {c.name: c for c in self._columns}
        if self._mapping is not None:
            for target in (*self._mapping.columns.values(), *self._mapping.defaults):
                if target not in self._by_name:
                    raise MappingError(
                        f"column mapping {self._mapping.name or ''}: {target!r} "
                        "is not a column of this file type"
                    )
        self._consumed = False
        self._reset()

    @staticmethod
    def _guess_format(source: Source) -> Format:
        name: Any = source if isinstance(source, str | os.PathLike) else getattr(source, "name", None)
        if isinstance(name, str | os.PathLike):
            ext = pathlib.PurePath(os.fspath(name)).suffix.lower()
            fmt = _EXTENSIONS.get(ext)
            if fmt is not None:
                return fmt
            raise RegisterError(
                f"cannot tell the register format from the extension {ext or '(none)'!r}: "
                "pass format='csv', 'jsonl' or 'json'"
            )
        raise RegisterError(
            "cannot tell the register format of a stream: pass format='csv', 'jsonl' or 'json'"
        )

    def _reset(self) -> None:
        self._errors: list[RowError] = []
        self._rows_read = 0
        self._rows_ok = 0
        self._blank = 0
        self._unknown: dict[str, None] = {}
        self._present: dict[str, None] = {}
        self._defaults_applied: tuple[str, ...] = ()
        self._complete = False
        self._used_delimiter: str | None = None
        self._used_encoding: str | None = None

    # -- public ------------------------------------------------------------------------------------

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Row errors so far (one per problem; a rejected row may have several)."""
        return tuple(self._errors)

    @property
    def summary(self) -> RegisterSummary:
        """Counters so far; ``complete`` is True once iteration reached the end."""
        return RegisterSummary(
            rows_read=self._rows_read,
            rows_ok=self._rows_ok,
            rows_rejected=self._rows_read - self._rows_ok,
            skipped_blank_lines=self._blank,
            unknown_columns=tuple(self._unknown),
            columns=tuple(c.name for c in self._columns if c.name in self._present),
            defaults_applied=self._defaults_applied,
            format=self._format,
            encoding=self._used_encoding,
            delimiter=self._used_delimiter,
            complete=self._complete,
        )

    # -- iteration ---------------------------------------------------------------------------------

    def _iter_objects(self) -> Iterator[Any]:
        if self._consumed and not isinstance(self._source, str | os.PathLike):
            raise RegisterError("this register stream was already read; open it again to re-read")
        self._consumed = True
        self._reset()
        if isinstance(self._source, str | os.PathLike):
            with pathlib.Path(self._source).open("rb") as fh:
                yield from self._iter_stream(fh)
        else:
            yield from self._iter_stream(self._source)
        self._complete = True

    def _iter_stream(self, stream: IO[Any]) -> Iterator[Any]:
        probe = stream.read(0)
        lines: Iterator[str]
        if isinstance(probe, bytes):
            lines = _decoded_lines(stream, self._encoding)
            self._used_encoding = self._encoding or "utf-8"
        else:
            lines = iter(stream)
        if self._format == "csv":
            yield from self._iter_csv(lines)
        elif self._format == "jsonl":
            yield from self._iter_jsonl(lines)
        else:
            yield from self._iter_json(lines)

    # CSV

    def _iter_csv(self, lines: Iterator[str]) -> Iterator[Any]:
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        line_no = 0
        header_line = None
        for line in lines:
            line_no += 1
            if line.strip():
                header_line = line.lstrip("\ufeff")
                break
            self._blank += 1
        if header_line is None:
            raise RegisterError(
                "the register has no header line (the file is empty) / het register heeft geen kopregel"
            )
        delimiter = self._delimiter or _sniff_delimiter(header_line)
        self._used_delimiter = delimiter

        def chained() -> Iterator[str]:
            yield header_line
            yield from lines

        reader = csv.reader(chained(), delimiter=delimiter)
        try:
            header = next(reader)
        except csv.Error as exc:
            raise RegisterError(f"the header line cannot be read as CSV: {exc}") from None
        base = line_no - 1  # lines before the header
        header_end = base + reader.line_num
        targets = self._resolve_header([h.strip().lstrip("\ufeff") for h in header])
        width = len(header)
        last = header_end
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise RegisterError(
                    f"line {base + reader.line_num}: the file cannot be read as CSV ({exc}); "
                    "an unclosed quote? / het bestand is geen leesbare CSV"
                ) from None
            start = last + 1
            last = base + reader.line_num
            if not any(c.strip() for c in cells):
                self._blank += 1 + (last - start)
                continue
            self._rows_read += 1
            if len(cells) != width:
                self._reject(
                    [
                        RowError(
                            row=start,
                            column=None,
                            message=f"the row has {len(cells)} cells, the header {width} / "
                            f"de rij heeft {len(cells)} cellen, de kopregel {width}",
                        )
                    ]
                )
                continue
            raw = {t: cells[i] for i, t in targets if cells[i]}
            built = self._build_row(raw, start)
            if built is not None:
                yield built

    def _resolve_header(self, names: Sequence[str]) -> list[tuple[int, str]]:
        """(cell index, documented column) for each recognised header cell; errors for the rest."""
        seen: dict[str, int] = {}
        mapping = self._mapping
        source_map = {k.strip().casefold(): v for k, v in mapping.columns.items()} if mapping else {}
        ignore = {i.strip().casefold() for i in mapping.ignore} if mapping else set()
        resolved: list[tuple[int, str]] = []
        by_target: dict[str, str] = {}
        self._source_names: dict[str, str] = {}
        for i, name in enumerate(names):
            if not name:
                continue
            key = name.casefold()
            if key in seen:
                raise RegisterError(
                    f"header column {i + 1} repeats the name of column {seen[key] + 1} / "
                    f"kolomnaam dubbel: {name!r}"
                )
            seen[key] = i
            target = source_map.get(key)
            if target is None:
                canonical = re.sub(r"[\s\-]+", "_", key)
                target = canonical if canonical in self._by_name else None
            if target is None:
                if key not in ignore:
                    self._unknown[name] = None
                continue
            if target in by_target:
                raise RegisterError(
                    f"header columns {by_target[target]!r} and {name!r} both give {target} / "
                    "twee kolommen voor hetzelfde gegeven"
                )
            by_target[target] = name
            self._source_names[target] = name
            self._present[target] = None
            resolved.append((i, target))
        if not resolved and names:
            self._unknown.clear()  # a headerless file's first row may hold personal data
            raise RegisterError(
                f"none of the {len(names)} header cells is a known column: is the header missing, or is a "
                "column mapping needed? (see docs/register.md) / geen bekende kolom in de kopregel"
            )
        self._apply_defaults()
        return resolved

    def _apply_defaults(self) -> None:
        self._default_values: dict[str, Any] = {}
        if self._mapping is None:
            return
        applied = []
        for target, raw in self._mapping.defaults.items():
            if target in self._present:
                continue  # the file's own column wins (an empty cell stays unknown)
            self._default_values[target] = raw
            self._source_names[target] = f"{target} (mapping default)"
            applied.append(target)
        self._defaults_applied = tuple(applied)

    # JSON Lines / JSON

    def _object_targets(self, obj: Mapping[str, Any]) -> dict[str, Any]:
        mapping = self._mapping
        source_map = {k.strip().casefold(): v for k, v in mapping.columns.items()} if mapping else {}
        ignore = {i.strip().casefold() for i in mapping.ignore} if mapping else set()
        raw: dict[str, Any] = {}
        for name, value in obj.items():
            key = name.strip().casefold()
            target = source_map.get(key) or (key if key in self._by_name else None)
            if target is None:
                if key not in ignore and name not in self._unknown:
                    self._unknown[name] = None
                continue
            if target in raw:
                raise _CellProblem(f"two keys give {target} / twee sleutels voor {target}")
            self._present[target] = None
            self._source_names.setdefault(target, name)
            if value is not None:
                raw[target] = value
        return raw

    def _start_objects(self) -> None:
        self._source_names = {}
        self._apply_defaults()

    def _iter_jsonl(self, lines: Iterator[str]) -> Iterator[Any]:
        self._start_objects()
        for line_no, line in enumerate(lines, start=1):
            if not line.strip():
                self._blank += 1
                continue
            self._rows_read += 1
            built = self._build_object(line, line_no, parse=True)
            if built is not None:
                yield built

    def _iter_json(self, lines: Iterator[str]) -> Iterator[Any]:
        self._start_objects()
        text = "".join(lines)
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except _DuplicateKey as exc:
            raise RegisterError(f"the JSON file repeats the key {exc.key!r} in one object") from None
        except ValueError as exc:
            raise RegisterError(f"the file is not valid JSON / geen geldige JSON: {exc}") from None
        if not isinstance(data, list):
            raise RegisterError("a JSON register must be an array of objects / een JSON-lijst van objecten")
        for i, obj in enumerate(data, start=1):
            self._rows_read += 1
            built = self._build_object(obj, i, parse=False)
            if built is not None:
                yield built

    def _build_object(self, item: Any, row: int, *, parse: bool) -> Any:
        if parse:
            try:
                item = json.loads(item, object_pairs_hook=_no_duplicates)
            except _DuplicateKey:
                self._reject([RowError(row=row, column=None, message="a key appears twice / sleutel dubbel")])
                return None
            except ValueError:
                self._reject([RowError(row=row, column=None, message="not valid JSON / geen geldige JSON")])
                return None
        if not isinstance(item, Mapping):
            self._reject([RowError(row=row, column=None, message="not a JSON object / geen JSON-object")])
            return None
        try:
            raw = self._object_targets(item)
        except _CellProblem as exc:
            self._reject([RowError(row=row, column=None, message=exc.message)])
            return None
        return self._build_row(raw, row)

    # Rows

    def _reject(self, errors: list[RowError]) -> None:
        self._errors.extend(errors)
        if self._strict:
            raise RowRejectedError(errors)

    def _build_row(self, raw: Mapping[str, Any], row: int) -> Any:
        values: dict[str, Any] = {}
        errors: list[RowError] = []
        for target, cell in (*self._default_values.items(), *raw.items()):
            column = self._by_name[target]
            try:
                value = _convert(column, cell, self._mapping)
            except _CellProblem as exc:
                shown = exc.preview if column.kind not in (ColumnKind.TEXT, ColumnKind.FREE_TEXT) else None
                errors.append(
                    RowError(
                        row=row,
                        column=self._source_names.get(target, target),
                        message=exc.message,
                        value=shown,
                    )
                )
                continue
            if value is not None:
                values[target] = value
        if not errors:
            problems: list[tuple[str, str]] = []
            obj = self._make(values, row, problems)
            if obj is not None and not problems:
                self._rows_ok += 1
                return obj
            errors = [
                RowError(
                    row=row,
                    column=self._source_names.get(col, col) if col else None,
                    message=_safe_model_message(msg),
                )
                for col, msg in problems
            ]
        self._reject(errors)
        return None

    def _make(self, values: dict[str, Any], row: int, problems: list[tuple[str, str]]) -> Any:
        raise NotImplementedError


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


_REVERSE: dict[tuple[str, str], str] = {(c.group, c.field): c.name for c in COLUMNS}


def _construct(
    cls: Callable[..., Any],
    group: str,
    kwargs: dict[str, Any],
    problems: list[tuple[str, str]],
    default_column: str,
) -> Any:
    """Build a model object; its InvalidInputError becomes (column, message) problems."""
    try:
        return cls(**kwargs)
    except InvalidInputError as exc:
        for field, msg in exc.problems:
            head = re.split(r"[.\[]", field, maxsplit=1)[0]
            problems.append((_REVERSE.get((group, head), default_column), msg))
        return None


def _group(values: Mapping[str, Any], group: str) -> dict[str, Any]:
    return {_BY_NAME[name].field: v for name, v in values.items() if _BY_NAME[name].group == group}


class RegisterReader(_Reader):
    """Streams :class:`~klachtregels.model.RegisterRecord` objects from a register.

    Iterate it; afterwards read :attr:`summary` and :attr:`errors`. A path can be iterated again
    (the counters start over); a stream only once.
    """

    def __iter__(self) -> Iterator[RegisterRecord]:
        return self._iter_objects()

    def _make(self, values: dict[str, Any], row: int, problems: list[tuple[str, str]]) -> Any:
        complainant_kwargs = _group(values, "complainant")
        complainant = (
            _construct(Party, "complainant", complainant_kwargs, problems, "complainant_role")
            if complainant_kwargs
            else None
        )
        complaint_kwargs = _group(values, "complaint")
        signal_kwargs = _group(values, "signal")
        kinds = complaint_kwargs.get("signals")
        if signal_kwargs and not kinds:
            for field in signal_kwargs:
                problems.append(
                    (
                        _REVERSE[("signal", field)],
                        "a signal date without a signal kind in signals / signaaldatum zonder soort signaal",
                    )
                )
        elif kinds:
            built = [
                _construct(Signal, "signal", {"kind": kind, **signal_kwargs}, problems, "signals")
                for kind in kinds
            ]
            complaint_kwargs["signals"] = tuple(built)
        measure_kwargs = _group(values, "measure")
        concrete = measure_kwargs.pop("has_concrete_term", None)
        judgement_kwargs = _group(values, "judgement")
        listed = judgement_kwargs.get("measures")
        if measure_kwargs:
            if listed is not None:
                problems.append(
                    (
                        "measures",
                        "give measures either in measures or in measure_* columns, not both / niet beide",
                    )
                )
            else:
                one = _construct(
                    Measure,
                    "measure",
                    {**measure_kwargs, "has_concrete_term": concrete},
                    problems,
                    "measure_description",
                )
                judgement_kwargs["measures"] = (one,)
        elif listed is not None and concrete is not None:
            if not listed:
                problems.append(
                    (
                        "measures_have_concrete_term",
                        "given, but measures says there are none / geen maatregelen",
                    )
                )
            else:
                evolved = []
                for m in listed:
                    if m.has_concrete_term is not None and m.has_concrete_term != concrete:
                        problems.append(
                            (
                                "measures_have_concrete_term",
                                "contradicts has_concrete_term in measures / tegenstrijdig",
                            )
                        )
                        break
                    evolved.append(
                        _construct(
                            functools.partial(attrs.evolve, m),
                            "measure",
                            {"has_concrete_term": concrete},
                            problems,
                            "measures_have_concrete_term",
                        )
                    )
                judgement_kwargs["measures"] = tuple(evolved)
        elif concrete is not None:
            problems.append(
                (
                    "measures_have_concrete_term",
                    "needs the measure(s) it describes: fill measure_description, measure_due_on "
                    "or measures / "
                    "hoort bij een maatregel",
                )
            )
        if problems:
            return None
        complaint_kwargs["complainant"] = complainant
        complaint = _construct(Complaint, "complaint", complaint_kwargs, problems, "id")
        judgement = (
            _construct(Judgement, "judgement", judgement_kwargs, problems, "verdict")
            if judgement_kwargs
            else None
        )
        gck_kwargs = _group(values, "gck")
        filing = _construct(GckFiling, "gck", gck_kwargs, problems, "gck_case_number") if gck_kwargs else None
        if problems or complaint is None:
            return None
        return RegisterRecord(complaint=complaint, judgement=judgement, filing=filing, row=row)


class GckCaseReader(_Reader):
    """Streams :class:`GckCase` objects from a Geschillencommissie cases file (columns:
    :data:`GCK_CASE_COLUMNS`; see the built-in mapping ``partou_geschillen``)."""

    _columns = GCK_CASE_COLUMNS

    def __iter__(self) -> Iterator[GckCase]:
        return self._iter_objects()

    def _make(self, values: dict[str, Any], row: int, problems: list[tuple[str, str]]) -> Any:
        filing = _construct(GckFiling, "gck", _group(values, "gck"), problems, "gck_case_number")
        if filing is None or problems:
            return None
        return GckCase(filing=filing, organisation=values.get("organisation"), row=row)


def read_register(
    source: Source,
    *,
    format: Format | None = None,
    mapping: MappingSource = None,
    strict: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> RegisterReader:
    """Open a complaint register for streaming.

    ``source``: a path, or an open text or binary file. ``format``: ``"csv"``, ``"jsonl"`` or
    ``"json"``; ``None`` decides by the file extension (.csv/.tsv/.txt, .jsonl/.ndjson, .json).
    ``mapping``: a :class:`ColumnMapping`, a TOML path, or a built-in name (``"partou"``).
    ``encoding``: ``None`` reads UTF-8 (a BOM is skipped; UTF-16 with a BOM is recognised) and
    raises :class:`RegisterError` naming the line and byte offset on the first undecodable byte;
    pass ``"cp1252"`` or ``"latin-1"`` for such files. ``delimiter``: ``None`` sniffs ``,``,
    ``;`` or tab from the header line. ``strict``: raise :class:`RowRejectedError` at the first
    rejected row.

    Header problems surface when iteration starts.
    """
    return RegisterReader(
        source, format=format, mapping=mapping, strict=strict, encoding=encoding, delimiter=delimiter
    )


def read_register_all(
    source: Source,
    *,
    format: Format | None = None,
    mapping: MappingSource = None,
    strict: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> RegisterResult:
    """Read a whole register into memory: the records, the summary and the row errors."""
    reader = read_register(
        source, format=format, mapping=mapping, strict=strict, encoding=encoding, delimiter=delimiter
    )
    records = tuple(reader)
    return RegisterResult(records=records, summary=reader.summary, errors=reader.errors)


def read_gck_cases(
    source: Source,
    *,
    format: Format | None = None,
    mapping: MappingSource = None,
    strict: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> GckCaseReader:
    """Open a Geschillencommissie cases file (one case per row) for streaming :class:`GckCase` objects.

    Same options as :func:`read_register`. For Partou's file use ``mapping="partou_geschillen"``.
    """
    return GckCaseReader(
        source, format=format, mapping=mapping, strict=strict, encoding=encoding, delimiter=delimiter
    )


def register_columns() -> Iterable[Column]:
    """The documented columns (for docs and the JSON Schema)."""
    return COLUMNS
