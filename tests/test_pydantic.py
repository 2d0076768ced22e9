"""pydantic and FastAPI interop (issue 13, part 3): the library's classes as request and response models."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pydantic = pytest.importorskip("pydantic")

from klachtregels.model import Complaint, Judgement  # noqa: E402
from klachtregels.pydantic import ComplaintModel, JudgementModel, model_type  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMPLAINT = json.loads((EXAMPLES / "complaint.json").read_text(encoding="utf-8"))


def test_a_complaint_validates_through_from_dict_and_dumps_through_to_dict() -> None:
    adapter = pydantic.TypeAdapter(ComplaintModel)
    complaint = adapter.validate_python(COMPLAINT["complaint"])
    assert complaint == Complaint.from_dict(COMPLAINT["complaint"])
    assert adapter.dump_python(complaint, mode="json") == complaint.to_dict()
    assert adapter.validate_json(json.dumps(complaint.to_dict())) == complaint
    # Dutch words and a Dutch date are accepted as everywhere else (one input convention).
    dutch = dict(COMPLAINT["complaint"], channel="e-mail", received_on="16-03-2026")
    assert adapter.validate_python(dutch).received_date == dt.date(2026, 3, 16)


def test_invalid_input_names_the_field_and_never_the_value() -> None:
    adapter = pydantic.TypeAdapter(ComplaintModel)
    bad = dict(COMPLAINT["complaint"], channel="brief van Sanne Jansen", received_on="31-02-2026")
    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python(bad)
    error = caught.value.errors()[0]
    assert error["type"] == "klachtregels_invalid"
    fields = {tuple(p["loc"]) for p in error["ctx"]["problems"]}
    assert ("channel",) in fields
    assert ("received_on",) in fields
    assert "Sanne" not in error["msg"]
    assert all("Sanne" not in p["msg"] for p in error["ctx"]["problems"])
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python(["not", "an", "object"])


def test_an_assessment_and_a_decision_validate_back_from_their_json() -> None:
    """The result models read what they write (Assessment.from_dict was missing before 2026-12-03)."""
    from klachtregels.decisions import assess
    from klachtregels.pydantic import AssessmentModel, DecisionModel

    complaint = Complaint.from_dict(COMPLAINT["complaint"])
    assessment = assess(complaint, as_of=dt.date(2026, 6, 1))
    adapter = pydantic.TypeAdapter(AssessmentModel)
    plain = adapter.dump_python(assessment, mode="json")
    assert plain == assessment.to_dict()
    assert adapter.validate_json(json.dumps(plain)) == assessment
    decision = pydantic.TypeAdapter(DecisionModel).validate_python(plain["decisions"]["handling"])
    assert decision == assessment.handling
    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python(dict(plain, decisions={"handling": plain["decisions"]["handling"]}))
    assert caught.value.errors()[0]["ctx"]["field"] == "decisions.eligibility"


def test_the_json_schema_has_descriptions_and_a_date_format() -> None:
    schema = pydantic.TypeAdapter(ComplaintModel).json_schema()
    received = schema["properties"]["received_on"]
    assert "receipt" in received["description"]
    assert any(option.get("format") == "date" for option in received["anyOf"])
    assert "$ref" not in json.dumps(schema)  # definitions inlined for pydantic


def test_any_class_with_from_dict_can_be_a_model() -> None:
    class Body(pydantic.BaseModel):
        complaint: ComplaintModel
        judgement: JudgementModel | None = None

    body = Body.model_validate(COMPLAINT)
    assert isinstance(body.judgement, Judgement)
    assert json.loads(body.model_dump_json())["judgement"] == body.judgement.to_dict()
    assert (
        pydantic.TypeAdapter(model_type(Judgement)).validate_python(COMPLAINT["judgement"]) == body.judgement
    )


def test_import_klachtregels_never_imports_pydantic() -> None:
    code = "import sys, klachtregels; klachtregels.assess; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _app() -> Any:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    spec = importlib.util.spec_from_file_location("example_service", EXAMPLES / "service" / "app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app


@pytest.fixture(scope="module")
def client() -> Any:
    import warnings

    with warnings.catch_warnings():
        # starlette and httpx warn about each other's transport API, differently per version pair
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        return TestClient(_app())


def test_the_example_service_assesses_and_lists_obligations(client: Any) -> None:
    response = client.post("/assess", json={**COMPLAINT, "as_of": "2026-05-07"})
    assert response.status_code == 200
    body = response.json()
    assert body["assessment"]["schema"] == "klachtregels.assessment"
    assert body["assessment"]["status"] == "judged_in_time"
    assert [i["key"] for i in body["obligations"]["items"]][:2] == ["handling", "judgement_form"]


def test_the_example_service_refuses_bad_input_without_echoing_it(client: Any) -> None:
    bad = {**COMPLAINT, "as_of": "2026-05-07"}
    bad["complaint"] = dict(COMPLAINT["complaint"], channel="brief van Sanne Jansen")
    response = client.post("/assess", json=bad)
    assert response.status_code == 422
    assert "Sanne" not in response.text
    assert "channel" in response.text
    early = client.post("/assess", json={**COMPLAINT, "as_of": "2026-01-01"})
    assert early.status_code == 422
    assert "as_of" in early.text


def test_the_openapi_document_carries_the_models(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    question = json.dumps(spec["components"]["schemas"]["Question"])
    assert '"format": "date"' in question
    assert "receipt" in question
