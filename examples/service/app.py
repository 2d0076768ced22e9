"""An example web service: POST a complaint, get its assessment and its obligations.

    pip install "klachtregels[pydantic]" fastapi uvicorn
    uvicorn app:app --app-dir examples/service

The request and response bodies are klachtregels' own classes, validated and serialised through
``klachtregels.pydantic`` (the same vocabulary, date convention and messages as the library and the
command line). A complaint that fails validation is a 422 with one error per problem at its field
path; an as-of day before the receipt day is a 422 too. ``as_of`` is read in the library's date
convention (``DayModel``: ``2026-05-07``, ``7-5-2026``, ``7 mei 2026``; never a week date or a
number), and ``policy`` is a shipped policy's name (``PolicyNameModel``: never a file on the server).
"""

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from klachtregels.decisions import assess
from klachtregels.errors import InvalidInputError
from klachtregels.pydantic import (
    AssessmentModel,
    ComplaintModel,
    DayModel,
    GckFilingModel,
    JudgementModel,
    ObligationsModel,
    PolicyNameModel,
)
from klachtregels.timeline import obligations

app = FastAPI(title="klachtregels example service", version="1")


class Question(BaseModel):
    """A complaint with what happened to it so far, and the day to answer on."""

    complaint: ComplaintModel
    judgement: JudgementModel | None = None
    filing: GckFilingModel | None = None
    as_of: DayModel
    policy: PolicyNameModel = "statutory"


class Answer(BaseModel):
    """The assessment and the timeline of obligations."""

    assessment: AssessmentModel
    obligations: ObligationsModel


def _refuse(exc: InvalidInputError) -> HTTPException:
    detail: list[dict[str, Any]] = [
        {"loc": ["body", *field.split(".")], "msg": msg} for field, msg in exc.problems
    ]
    return HTTPException(status_code=422, detail=detail)


@app.exception_handler(RequestValidationError)
def _without_input(request: Request, exc: RequestValidationError) -> JSONResponse:
    """A 422 that says where and what, but does not send the request's values back (personal data)."""
    hidden = ("input", "url")
    errors = [{key: value for key, value in error.items() if key not in hidden} for error in exc.errors()]
    return JSONResponse(status_code=422, content={"detail": errors})


@app.post("/assess")
def post_assess(question: Question) -> Answer:
    """Assess the complaint on ``as_of`` and list its obligations."""
    try:
        assessment = assess(
            question.complaint,
            as_of=question.as_of,
            policy=question.policy,
            judgement=question.judgement,
            filing=question.filing,
        )
        timeline = obligations(
            question.complaint,
            as_of=question.as_of,
            policy=question.policy,
            judgement=question.judgement,
            filing=question.filing,
        )
    except InvalidInputError as exc:
        raise _refuse(exc) from None
    return Answer(assessment=assessment, obligations=timeline)
