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
from typing import Any, Union

import attrs

from klachtregels.model import Complaint, LrkNumber
from klachtregels.register import BOOLEAN_WORDS, COLUMNS, Column, ColumnKind

__all__ = ["attrs_schema", "complaint_schema", "dumps", "register_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_BASE = "https://klachtregels.readthedocs.io/schemas/"

#: ISO date or date-time, as ``model.from_dict`` accepts (``date.fromisoformat``/``datetime.fromisoformat``).
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
#: Register dates: ISO, or Dutch d-m-jjjj with '-', '/' or '.' (optionally a time), or '24 maart 2026'.
_REGISTER_DATE = (
    r"^\s*(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}([-/.])\d{1,2}\6\d{4}([ T]\d{1,2}:\d{2}(:\d{2})?)?"
    r"|\d{1,2} [A-Za-z]+\.? \d{4})\s*$"
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
    also accepts Dutch and English words for enum values, any letter case).
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
            props[field.name] = {"description": docs[field.name], **props[field.name]}
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
    # A real format (OpenAPI shows a date picker); a date-time is accepted too (its Amsterdam day).
    dt.date: {
        "type": "string",
        "format": "date",
        "pattern": _ISO_DATE,
        "description": "YYYY-MM-DD; a date-time (YYYY-MM-DDTHH:MM) is read as its Europe/Amsterdam day",
    },
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    str: {"type": "string"},
}


def _hint_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one annotation, for the types :mod:`klachtregels.convert` structures."""
    if hint == LrkNumber:
        return {"type": "string", "pattern": r"^\d{9}$"}
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return _hint_schema(hint.__origin__, defs)  # a convert.Check: a further test, not a type
    if origin in (Union, types.UnionType):
        args = typing.get_args(hint)
        inner = [_hint_schema(a, defs) for a in args if a is not type(None)]
        options = [*inner, {"type": "null"}] if type(None) in args else inner
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return {"type": "array", "items": _hint_schema(item, defs)}
    if hint in _LEAVES:
        return dict(_LEAVES[hint])
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
        body = (
            {"anyOf": [{"type": "string"}, {"type": "integer"}, null]}
            if column.name.endswith("id") or "number" in column.name
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
