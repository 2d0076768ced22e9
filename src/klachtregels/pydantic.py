"""pydantic (v2) and FastAPI interop: klachtregels' attrs classes as request and response models.

Needs the optional extra ``pydantic`` (``pip install "klachtregels[pydantic]"``); ``import
klachtregels`` never imports pydantic. The annotated types below validate through the model's own
``from_dict`` (one structuring layer, :mod:`klachtregels.convert`: the same vocabulary, date
convention, checks and messages as everywhere else), serialise through ``to_dict``, and publish
the model's JSON Schema (:mod:`klachtregels.schema`: field descriptions, ``format: date``)::

    from typing import Annotated

    from fastapi import Body, FastAPI

    from klachtregels.decisions import assess
    from klachtregels.pydantic import AssessmentModel, ComplaintModel, DayModel

    app = FastAPI()

    @app.post("/assess")
    def post_assess(complaint: Annotated[ComplaintModel, Body()], as_of: DayModel) -> AssessmentModel:
        return assess(complaint, as_of=as_of)

``Body()`` is needed: these are annotated types, not ``BaseModel`` subclasses, so FastAPI would
otherwise read the complaint as a query parameter (``docs/embedding.md`` runs this recipe).

A body that fails validation gives pydantic's ``ValidationError`` (FastAPI: 422) with one error
per problem, located at the field path (``complaint.complainant.role``), its message the
library's; the library's messages never repeat a value. :func:`model_type` makes the same for any
klachtregels attrs class with ``from_dict``/``to_dict``.

Besides the records, :data:`DayModel` is a day in the one date convention (``2026-03-24``,
``24-03-2026``, ``24 maart 2026``; never a week date or a number), as ``--as-of`` reads it, and
:data:`PolicyNameModel` the name of a shipped policy (a request never names a file on the server).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

from klachtregels.errors import InvalidInputError, MissingExtraError

try:
    from pydantic_core import PydanticCustomError, core_schema
except ImportError:  # pragma: no cover - exercised by the missing-extra test in a subprocess
    raise MissingExtraError("pydantic", "pydantic") from None

from klachtregels._io import valid_unicode
from klachtregels.decisions import Assessment
from klachtregels.engine import Decision
from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, RegisterRecord, Signal
from klachtregels.timeline import Obligations

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue

__all__ = [
    "AssessmentModel",
    "ComplaintModel",
    "DayModel",
    "DecisionModel",
    "GckFilingModel",
    "JudgementModel",
    "MeasureModel",
    "ObligationsModel",
    "PartyModel",
    "PolicyNameModel",
    "RegisterRecordModel",
    "SignalModel",
    "model_type",
]


def _path(field: str) -> tuple[str | int, ...]:
    """``judgement.measures[0].due_on`` as a pydantic location."""
    out: list[str | int] = []
    for part in field.replace("]", "").split("."):
        name, _, index = part.partition("[")
        if name:
            out.append(name)
        if index.isdigit():
            out.append(int(index))
    return tuple(out)


class _Adapter:
    """The pydantic schema of one klachtregels class: ``from_dict`` in, ``to_dict`` out."""

    def __init__(self, cls: type, *, what: str, schema: JsonSchemaValue | None = None) -> None:
        self._cls = cls
        self._what = what
        self._schema = schema

    def _validate(self, value: Any) -> Any:
        if isinstance(value, self._cls):
            return value
        if not isinstance(value, Mapping):  # as from_dict: any mapping
            raise PydanticCustomError(
                "klachtregels_type", "expected a JSON object ({what})", {"what": self._what}
            )
        try:
            return self._cls.from_dict(value)  # type: ignore[attr-defined]
        except InvalidInputError as exc:
            problems = [{"loc": list(_path(field)), "msg": message} for field, message in exc.problems]
            first = exc.problems[0] if exc.problems else ("", str(exc))
            raise PydanticCustomError(
                "klachtregels_invalid",
                "{field}: {message}" if first[0] else "{message}",
                {"field": first[0], "message": first[1], "problems": problems, "what": self._what},
            ) from None

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: _valid_json(value.to_dict()), when_used="json-unless-none"
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        if self._schema is not None:
            return self._schema
        from klachtregels.schema import attrs_schema

        out = attrs_schema(self._cls)
        for key in ("$schema", "$id"):
            out.pop(key, None)
        defs = out.pop("$defs", {})
        if defs:  # pydantic collects definitions itself: inline them under this model's name
            out = _inline(out, defs)
        return out


def _valid_json(plain: Any) -> Any:
    """``plain`` with lone surrogates in its text replaced by U+FFFD, as ``assess --format json`` writes
    it (:func:`klachtregels._io.valid_unicode`): the library reads such text as any other, but no
    UTF-8 response can hold it, and pydantic would fail the whole response (a 500)."""
    if isinstance(plain, str):
        return plain if plain.isprintable() else valid_unicode(plain)
    if isinstance(plain, dict):
        return {_valid_json(key): _valid_json(value) for key, value in plain.items()}
    if isinstance(plain, list):
        return [_valid_json(item) for item in plain]
    return plain


def _inline(schema: Any, defs: dict[str, Any]) -> Any:
    """``schema`` with its local ``$ref``s replaced by their definitions (no model type is recursive)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inline(item, defs) for item in schema]
    return schema


def model_type(cls: type, *, what: str | None = None, schema: JsonSchemaValue | None = None) -> Any:
    """``Annotated[cls, ...]``: ``cls`` usable as a pydantic field or FastAPI body/response model.

    ``cls`` needs ``from_dict`` and ``to_dict``; the JSON Schema is derived from its attrs fields
    unless ``schema`` is given (results whose shape is documented, not derived).
    """
    return Annotated[cls, _Adapter(cls, what=what or cls.__name__.lower(), schema=schema)]


def _result_schema(name: str, doc: str) -> JsonSchemaValue:
    return {"type": "object", "title": name, "description": doc, "additionalProperties": True}


ComplaintModel = model_type(Complaint)
JudgementModel = model_type(Judgement)
GckFilingModel = model_type(GckFiling, what="Geschillencommissie filing")
MeasureModel = model_type(Measure)
PartyModel = model_type(Party)
SignalModel = model_type(Signal)
RegisterRecordModel = model_type(RegisterRecord, what="register record")
AssessmentModel = model_type(
    Assessment,
    schema=_result_schema(
        "Assessment", "klachtregels.assessment: decisions and deadlines (docs/cli/assess.md)"
    ),
)
DecisionModel = model_type(
    Decision, schema=_result_schema("Decision", "One decision with its outcome, reasons and flags")
)
ObligationsModel = model_type(
    Obligations,
    schema=_result_schema(
        "Obligations", "klachtregels.obligations: the complaint's timeline (docs/embedding.md)"
    ),
)


def _refused(code: str, **params: object) -> PydanticCustomError:
    """A pydantic error with the library's message (never the value)."""
    from klachtregels.messages import text

    message = text(code, "en", **params)
    return PydanticCustomError("klachtregels_invalid", "{message}", {"field": "", "message": message})


class _Day:
    """A day in the one date convention (:func:`klachtregels._time.read_day`), as ``--as-of`` reads it."""

    @staticmethod
    def _validate(value: Any) -> dt.date:
        from klachtregels import convert
        from klachtregels._time import FIRST_DAY, LAST_DAY, DateTextError, local_day

        try:
            day = local_day(convert.structure(value, dt.date, what="day"))
        except InvalidInputError as exc:
            message = exc.problems[0][1] if exc.problems else str(exc)
            raise PydanticCustomError(
                "klachtregels_invalid", "{message}", {"field": "", "message": message}
            ) from None
        except DateTextError as exc:  # an instant whose Amsterdam day no date holds
            raise _refused(exc.code) from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise _refused("CLI_DAY_OUT_OF_RANGE")
        return day

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.isoformat(), when_used="json-unless-none"
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        from klachtregels.schema import date_schema

        return date_schema()


class _PolicyName:
    """The name of a shipped policy (:func:`klachtregels.policy.shipped_policies`), exactly as
    :func:`~klachtregels.policy.load_policy` reads one; never a path (a request names no file)."""

    @staticmethod
    def _validate(value: Any) -> str:
        from klachtregels.policy import shipped_policies

        if isinstance(value, str) and value in shipped_policies():
            return value
        raise _refused("INPUT_POLICY_NOT_SHIPPED", shipped=", ".join(shipped_policies()))

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self._validate)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        from klachtregels.policy import shipped_policies

        return {"type": "string", "enum": list(shipped_policies()), "description": "a shipped policy's name"}


#: A day in the one date convention, as ``--as-of`` reads it: ISO, ``24-03-2026``, ``24/3/2026``,
#: ``24 maart 2026`` or ``24 March 2026``; a date-time is its Europe/Amsterdam day; never an ISO
#: week date, a number or a day outside 1900-2999 (pydantic's own ``date`` takes a Unix timestamp).
DayModel = Annotated[dt.date, _Day()]
#: The name of a shipped policy (``statutory``, ``les-petits``, ...): never a file on the server.
PolicyNameModel = Annotated[str, _PolicyName()]
