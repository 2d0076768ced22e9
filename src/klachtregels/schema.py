"""JSON Schemas (2020-12), generated from the code so they cannot drift.

* :func:`complaint_schema`: the JSON form of :class:`klachtregels.model.Complaint`
  (``Complaint.to_dict()`` / ``Complaint.from_dict()``), generated from the attrs classes.
* :func:`register_schema`: one JSON Lines record of a complaint register, generated from
  :data:`klachtregels.register.COLUMNS`.

Both are published in ``klachtregels/schemas/`` and printed by ``klachtregels schema``; a test
checks the published files equal the generated ones.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import re
import sys
import types
import typing
from typing import Any, Final, Union

import attrs

from klachtregels.model import Complaint, Label, LrkNumber
from klachtregels.register import BOOLEAN_WORDS, COLUMNS, Column, ColumnKind

__all__ = ["attrs_schema", "complaint_schema", "dumps", "register_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_BASE = "https://klachtregels.readthedocs.io/schemas/"

#: Patterns are written for every JSON Schema validator alike: ECMA-262 without the ``u`` flag
#: (JavaScript, the 2020-12 dialect) and Python's ``re`` (jsonschema) read them the same, so a digit
#: is ``[0-9]`` (``\d`` is any Unicode digit in Python, which the library never reads as one) and
#: a space is the explicit class of the characters ``str.strip`` removes (ECMA's ``\s`` differs).
_DIGIT = "[0-9]"
#: The characters Python's ``str.strip()`` removes (``str.isspace``), as a regex class body.
SPACE_CHARACTERS: Final = (
    r"\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: The invisible format characters (Unicode category Cf) of the Basic Multilingual Plane, which
#: :func:`klachtregels.convert.invisible_problem` refuses in a name or id (``model.Label``). Those
#: beyond it (U+110BD, U+13430-U+1343F, U+1D173-U+1D17A, U+E0001, U+E0020-U+E007F, ...) are refused
#: too, but a pattern cannot name them portably: without the ``u`` flag ECMA-262 sees a character
#: beyond U+FFFF as two surrogates and Python's ``re`` as one character. The descriptions say so.
FORMAT_CHARACTERS: Final = (
    r"\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
#: A name or id (``model.Label``): text without an invisible format character.
_LABEL = f"^[^{FORMAT_CHARACTERS}]*$"
_LABEL_NOTE = (
    "a name or id: any text without an invisible format character (Unicode category Cf: zero-width "
    "space or joiner, soft hyphen, direction mark, bidirectional control); the pattern lists those "
    "up to U+FFFF, and the library refuses the others (such as the tag characters U+E0000-U+E007F) "
    "too. Surrounding spaces are dropped and a blank text is an unknown fact"
)
#: An ISO day, as ``to_dict`` writes a date (``format: date``, RFC 3339 full-date).
_ISO_DAY = f"^{_DIGIT}{{4}}-{_DIGIT}{{2}}-{_DIGIT}{{2}}$"
#: An ISO date-time, as ``to_dict`` writes one: its offset may be missing (Europe/Amsterdam local
#: time), so it is no RFC 3339 ``date-time``.
_ISO_DATE_TIME = (
    f"^{_DIGIT}{{4}}-{_DIGIT}{{2}}-{_DIGIT}{{2}}[T ]{_DIGIT}{{2}}:{_DIGIT}{{2}}"
    f"(:{_DIGIT}{{2}}(\\.{_DIGIT}+)?)?(Z|[+-]{_DIGIT}{{2}}:?{_DIGIT}{{2}})?$"
)
#: What every date field reads besides the canonical form (docs/register.md, Values).
_DATE_NOTE = (
    "from_dict also reads dd-mm-jjjj, d/m/jjjj, 3 maart 2026 and 3 March 2026 (the one date "
    "convention, docs/register.md), never month first and never an ISO week date such as 2026-W10-2"
)
#: Register dates: ISO, or Dutch d-m-jjjj with '-', '/' or '.' (optionally a time), or '24 maart 2026'.
_REGISTER_DATE = (
    f"^[{SPACE_CHARACTERS}]*({_DIGIT}{{4}}-{_DIGIT}{{2}}-{_DIGIT}{{2}}([T ]{_DIGIT}{{2}}:{_DIGIT}{{2}}"
    f"(:{_DIGIT}{{2}}(\\.{_DIGIT}+)?)?(Z|[+-]{_DIGIT}{{2}}:?{_DIGIT}{{2}})?)?"
    f"|{_DIGIT}{{1,2}}([-/.]){_DIGIT}{{1,2}}\\6{_DIGIT}{{4}}"
    f"([ T]{_DIGIT}{{1,2}}:{_DIGIT}{{2}}(:{_DIGIT}{{2}})?)?"
    f"|{_DIGIT}{{1,2}} [A-Za-z]+\\.? {_DIGIT}{{4}})[{SPACE_CHARACTERS}]*$"
)


def _first_line(doc: str | None) -> str | None:
    if not doc:
        return None
    return doc.strip().splitlines()[0].strip()


def _class_doc(cls: type) -> str | None:
    """The docstring of ``cls`` itself (never a base class's): ``__doc__``, or, when Python runs with
    ``-OO`` (which drops docstrings), the one in its source, so the schema is the same either way."""
    doc = cls.__dict__.get("__doc__")
    if doc is not None or sys.flags.optimize < 2:
        return doc if isinstance(doc, str) else None
    import ast
    import textwrap

    try:
        node = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):  # pragma: no cover - no source: no description
        return None
    return ast.get_docstring(node, clean=False) if isinstance(node, ast.ClassDef) else None


def attrs_schema(cls: type, *, title: str | None = None) -> dict[str, Any]:
    """A JSON Schema for the JSON form (``to_dict``/``from_dict``) of an attrs class.

    Derived from the attrs fields and their annotations, as :mod:`klachtregels.convert` reads them:
    the schema accepts the canonical form ``to_dict`` writes; ``from_dict`` is more lenient (it
    also accepts Dutch and English words for enum values, any letter case, the Dutch date forms,
    surrounding spaces and blank text as an unknown fact). What it refuses, the schema refuses as
    far as a portable pattern can say it: a name or id (``model.Label``) with an invisible format
    character up to U+FFFF, a week date, digits other than 0-9 (docs/register.md, JSON Schema).
    """
    defs: dict[str, Any] = {}
    root = _object_schema(cls, defs)
    schema: dict[str, Any] = {
        "$schema": _DIALECT,
        "$id": f"{_BASE}{cls.__name__.lower()}.schema.json",
        "title": title or cls.__name__,
        **root,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


_FIELD_COMMENT = re.compile(r"^\s*#:\s?(.*)$")
_FIELD_LINE = re.compile(r"^\s*(\w+)\s*:")


@functools.cache
def field_docs(cls: type) -> dict[str, str]:
    """Each field's description: the ``#:`` lines above it in the class body (as Sphinx reads them)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # pragma: no cover - no source (a frozen build): no descriptions
        return {}
    docs: dict[str, str] = {}
    comment: list[str] = []
    for line in source.splitlines():
        found = _FIELD_COMMENT.match(line)
        if found:
            comment.append(found.group(1).strip())
            continue
        named = _FIELD_LINE.match(line)
        if named and comment:
            docs.setdefault(named.group(1), " ".join(comment))
        comment = []
    return docs


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    docs = field_docs(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue  # not part of the data form (klachtregels.convert reads init fields only)
        props[field.name] = _hint_schema(hints[field.name], defs)
        if field.name in docs:
            own = props[field.name].pop("description", None)  # a leaf's note follows the field's doc
            text = f"{docs[field.name]} ({own})" if own else docs[field.name]
            props[field.name] = {"description": text, **props[field.name]}
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object"}
    desc = _first_line(_class_doc(cls))
    if desc:
        out["description"] = desc
    out["properties"] = props
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


#: Leaf annotations and their schema (as the layer's leaf hooks read them).
_LEAVES: dict[Any, dict[str, Any]] = {
    # A day is a real format (OpenAPI shows a date picker); a date-time is accepted too (its
    # Amsterdam day) under a pattern, since RFC 3339's date-time needs the offset to_dict may omit.
    dt.date: {
        "anyOf": [
            {
                "type": "string",
                "format": "date",
                "pattern": _ISO_DAY,
                "description": f"YYYY-MM-DD; {_DATE_NOTE}",
            },
            {
                "type": "string",
                "pattern": _ISO_DATE_TIME,
                "description": "YYYY-MM-DDTHH:MM, seconds and offset optional: read as its Europe/Amsterdam "
                "day; a date-time without an offset is Europe/Amsterdam local time",
            },
        ]
    },
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    str: {"type": "string"},
}


def _is_label(hint: Any) -> bool:
    """A name or id checked for invisible characters (``model.Label`` or text with the same check)."""
    from klachtregels.convert import Check, invisible_problem

    return (
        typing.get_origin(hint) is typing.Annotated
        and hint.__origin__ is str
        and any(isinstance(m, Check) and m.test is invisible_problem for m in hint.__metadata__)
    )


def label_schema() -> dict[str, Any]:
    """The schema of a name or id (``model.Label``): text without an invisible format character."""
    return {"type": "string", "pattern": _LABEL, "description": _LABEL_NOTE}


def date_schema() -> dict[str, Any]:
    """The schema of a date (a day, or a date-time read as its Europe/Amsterdam day)."""
    schema: dict[str, Any] = json.loads(json.dumps(_LEAVES[dt.date]))  # a deep copy
    return schema


def _options(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of ``schema``: its ``anyOf`` when that is all it says, else itself."""
    return list(schema["anyOf"]) if set(schema) == {"anyOf"} else [schema]


def _hint_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one annotation, for the types :mod:`klachtregels.convert` structures."""
    if hint == LrkNumber:
        return {"type": "string", "pattern": r"^[0-9]{9}$"}
    if _is_label(hint) or hint == Label:
        return label_schema()
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return _hint_schema(hint.__origin__, defs)  # a convert.Check: a further test, not a type
    if origin in (Union, types.UnionType):
        args = typing.get_args(hint)
        inner = [option for a in args if a is not type(None) for option in _options(_hint_schema(a, defs))]
        options = [*inner, {"type": "null"}] if type(None) in args else inner
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return {"type": "array", "items": _hint_schema(item, defs)}
    if hint in _LEAVES:
        return date_schema() if hint is dt.date else dict(_LEAVES[hint])
    if isinstance(hint, type) and (issubclass(hint, enum.Enum) or attrs.has(hint)):
        return _ref_schema(hint, defs)
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - every model annotation is covered


def _ref_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """A ``$ref`` to the definition of an enum or an attrs class (defined once in ``$defs``)."""
    name = cls.__name__
    if name not in defs:
        if issubclass(cls, enum.Enum):
            defs[name] = {"enum": [m.value for m in cls]}
            desc = _first_line(_class_doc(cls))
            if desc:
                defs[name]["description"] = desc
        else:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def complaint_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`~klachtregels.model.Complaint`'s JSON form."""
    return attrs_schema(Complaint, title="klachtregels complaint")


def _case_variants(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        for v in (w, w.capitalize(), w.upper()):
            if v not in out:
                out.append(v)
    return out


def _column_schema(column: Column) -> dict[str, Any]:
    null = {"type": "null"}
    kind = column.kind
    body: dict[str, Any]
    if kind in (ColumnKind.TEXT, ColumnKind.FREE_TEXT):
        text = label_schema() if _column_is_label(column) else {"type": "string"}
        body = (
            {"anyOf": [text, {"type": "integer"}, null]}
            if column.name.endswith("id") or "number" in column.name
            else {"anyOf": [text, null]}
            if "pattern" in text
            else {"type": ["string", "null"]}
        )
    elif kind == ColumnKind.DATE:
        body = {"anyOf": [{"type": "string", "pattern": _REGISTER_DATE}, null]}
    elif kind == ColumnKind.BOOL:
        body = {"anyOf": [{"type": "boolean"}, {"enum": [*_case_variants(list(BOOLEAN_WORDS)), 0, 1]}, null]}
    elif kind == ColumnKind.ENUM:
        body = {"anyOf": [{"enum": column.accepted_words()}, null]}
    elif kind == ColumnKind.ENUM_LIST:
        words = column.accepted_words()
        opts: list[dict[str, Any]] = [{"type": "array", "items": {"enum": words}, "uniqueItems": True}]
        opts.append({"type": "string", "description": "items separated by ';' or '|'"})
        opts.append(null)
        body = {"anyOf": opts}
    else:
        measure = attrs_schema(_measure_cls())
        measure.pop("$schema")
        measure.pop("$id")
        measure.pop("title")
        body = {
            "anyOf": [
                {"type": "array", "items": measure},
                {"enum": ["geen", "none"]},
                {"type": "string", "description": "a JSON array of measure objects, as text"},
                null,
            ]
        }
    return {"description": f"{column.doc} [{column.kind.value}; model {column.group}.{column.field}]", **body}


def _column_is_label(column: Column) -> bool:
    """Whether the model field a register column fills is a name or id (``model.Label``)."""
    from klachtregels import model

    classes = {
        "complaint": model.Complaint,
        "complainant": model.Party,
        "judgement": model.Judgement,
        "measure": model.Measure,
        "gck": model.GckFiling,
        "signal": model.Signal,
    }
    cls = classes.get(column.group)
    if cls is None:  # pragma: no cover - every column group is listed
        return False
    hint = typing.get_type_hints(cls, include_extras=True).get(column.field)
    options = typing.get_args(hint) if typing.get_origin(hint) in (Union, types.UnionType) else (hint,)
    return any(_is_label(option) for option in options)


def _measure_cls() -> type:
    from klachtregels.model import Measure

    return Measure


def register_schema() -> dict[str, Any]:
    """The JSON Schema of one JSON Lines record of a complaint register (documented columns).

    Unknown keys are allowed (the reader lists them in ``summary.unknown_columns``). The reader is
    more lenient than the schema: it also accepts any letter case and spacing of vocabulary words.
    """
    return {
        "$schema": _DIALECT,
        "$id": f"{_BASE}register.schema.json",
        "title": "klachtregels complaint register record (one JSON Lines line)",
        "description": "One complaint per record. A missing key or null is an unknown fact, never a default. "
        "See docs/register.md.",
        "type": "object",
        "properties": {c.name: _column_schema(c) for c in COLUMNS},
        "additionalProperties": True,
    }


def dumps(schema: dict[str, Any]) -> str:
    """The published text form: 2-space indent, UTF-8, trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
