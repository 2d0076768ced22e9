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


# --------------------------------------------------------------------------------------------------
# One input convention: pydantic reads exactly what from_dict reads (stripping, blank as unknown,
# invisible characters, week dates, Dutch dates), and the service's own fields read as --as-of does
# --------------------------------------------------------------------------------------------------

from types import MappingProxyType  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from klachtregels.errors import InvalidInputError  # noqa: E402
from klachtregels.model import RegisterRecord  # noqa: E402
from klachtregels.policy import Policy, load_policy  # noqa: E402

_MARK = "Sanne"
_HOSTILE_TEXTS = [
    f"KDV{chr(0x200B)}{_MARK}", f"{_MARK}\u202e", f"\u00ad{_MARK}", f"{_MARK}\U000e0041", "\ufeffK1",
    f"  {_MARK}  ", "", "   ", "\t\n", "2026-W10-2", "2026-W10", "2026-W10-2T09:00", "16-03-2026",
    "3 maart 2026", " 2026-03-16 ", "2026-03-16T09:00", "31-02-2026", "\uff12\uff10\uff12\uff16-03-16",
    "e-mail", " E-MAIL ", "brief", "ouder", "parent", "ja", "nee", "conduct", "conduct;conduct",
]  # fmt: skip
_HOSTILE_VALUES = st.one_of(
    st.sampled_from(_HOSTILE_TEXTS),
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([1.5, float("nan"), [], [_MARK], {}, {"role": f"{_MARK}\u200b"}, {"role": " ouder "}]),
)


def _complaint_keys() -> list[str]:
    return [*COMPLAINT["complaint"], "colour", "complainant", "signals"]


def _outcome(read: Any, data: Any) -> tuple[str, Any]:
    try:
        return "ok", read(data)
    except (pydantic.ValidationError, InvalidInputError) as exc:
        refusal = str(exc)
    assert _MARK not in refusal, "a refusal repeated the value"
    return "refused", None


def _agree(cls: type, adapter: Any, data: dict[str, Any]) -> None:
    by_dict = _outcome(cls.from_dict, data)  # type: ignore[attr-defined]
    by_pydantic = _outcome(adapter.validate_python, data)
    assert by_dict == by_pydantic
    by_json = _outcome(adapter.validate_json, json.dumps(data, allow_nan=True))
    assert by_json == by_pydantic


_HIDE = pydantic.ConfigDict(hide_input_in_errors=True)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(_complaint_keys()), _HOSTILE_VALUES, max_size=4))
def test_pydantic_and_from_dict_agree_on_hostile_complaints(changes: dict[str, Any]) -> None:
    adapter = pydantic.TypeAdapter(ComplaintModel, config=_HIDE)
    _agree(Complaint, adapter, dict(COMPLAINT["complaint"], **changes))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["complaint", "judgement", "filing", "colour"]),
        st.one_of(_HOSTILE_VALUES, st.dictionaries(st.sampled_from(["id", "location", "sent_on",
                                                                     "case_number", "filed_on"]),
                                                   _HOSTILE_VALUES, max_size=2)),
        max_size=3,
    )
)  # fmt: skip
def test_pydantic_and_from_dict_agree_on_hostile_register_records(data: dict[str, Any]) -> None:
    from klachtregels.pydantic import RegisterRecordModel

    _agree(RegisterRecord, pydantic.TypeAdapter(RegisterRecordModel, config=_HIDE), data)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["name", "description", "colour"]), _HOSTILE_VALUES, max_size=2))
def test_pydantic_and_from_dict_agree_on_hostile_policies(changes: dict[str, Any]) -> None:
    base = load_policy("statutory").to_dict()
    _agree(Policy, pydantic.TypeAdapter(model_type(Policy), config=_HIDE), dict(base, **changes))


def test_any_mapping_is_read_as_from_dict_reads_it() -> None:
    """from_dict takes any mapping; the pydantic model took only a dict (a MappingProxyType was refused)."""
    frozen = MappingProxyType(dict(COMPLAINT["complaint"]))
    assert pydantic.TypeAdapter(ComplaintModel).validate_python(frozen) == Complaint.from_dict(frozen)


def test_an_invisible_character_is_refused_by_field_and_never_echoed() -> None:
    adapter = pydantic.TypeAdapter(ComplaintModel, config=_HIDE)
    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python(dict(COMPLAINT["complaint"], location=f"KDV {_MARK}\u200b"))
    error = caught.value.errors()[0]
    assert error["ctx"]["field"] == "location"
    assert "invisible character" in error["msg"]
    assert _MARK not in str(caught.value)
    padded = adapter.validate_python(dict(COMPLAINT["complaint"], location="  KDV De Zon ", category="  "))
    assert padded.location == "KDV De Zon"
    assert padded.category is None


_DAY_TEXTS = [
    "2026-05-07", "7-5-2026", "07/05/2026", "7.5.2026", "7 mei 2026", "7 May 2026", " 2026-05-07 ",
    "2026-05-07T23:30:00+00:00", "2026-W19-4", "2026-W19", "5/7/2026x", "31-02-2026", "1899-12-31",
    "3000-01-01", "", "  ", "\uff12\uff10\uff12\uff16-05-07",
]  # fmt: skip


@pytest.mark.parametrize("text", _DAY_TEXTS)
def test_a_day_reads_as_the_command_line_reads_as_of(text: str) -> None:
    from klachtregels._cli._options import parse_day
    from klachtregels.pydantic import DayModel

    adapter = pydantic.TypeAdapter(DayModel)
    try:
        expected: dt.date | None = parse_day(text, "--as-of")
    except Exception:  # the command line's argument error
        expected = None
    try:
        got: dt.date | None = adapter.validate_python(text)
    except pydantic.ValidationError:
        got = None
    assert got == expected


@pytest.mark.parametrize("value", [1778112000, 20260507, 1.5, True, None, [2026, 5, 7]])
def test_a_day_is_never_a_number(value: Any) -> None:
    """pydantic's own date reads 1778112000 as 2026-05-07 (a Unix timestamp); the library never does."""
    from klachtregels.pydantic import DayModel

    with pytest.raises(pydantic.ValidationError) as caught:
        pydantic.TypeAdapter(DayModel).validate_python(value)
    assert "dd-mm-jjjj" in caught.value.errors()[0]["msg"]


def test_a_policy_name_is_a_shipped_policy_and_never_a_path(tmp_path: Path) -> None:
    from klachtregels.policy import shipped_policies
    from klachtregels.pydantic import PolicyNameModel

    adapter = pydantic.TypeAdapter(PolicyNameModel, config=_HIDE)
    for name in shipped_policies():
        assert adapter.validate_python(name) == name
    house = tmp_path / "house.toml"
    statutory = Path(__file__).resolve().parent.parent / "src/klachtregels/policies/statutory.toml"
    house.write_text(statutory.read_text(encoding="utf-8"), encoding="utf-8")
    for bad in [str(house), ".", "", " statutory", "statutory\u200b", _MARK, 1]:
        with pytest.raises(pydantic.ValidationError) as caught:
            adapter.validate_python(bad)
        assert "shipped policy" in caught.value.errors()[0]["msg"]
        assert str(house) not in str(caught.value)
    assert adapter.json_schema()["enum"] == list(shipped_policies())


_HOSTILE_REQUESTS = [
    ("complaint", "location", f"KDV {_MARK}\u200b"),
    ("complaint", "id", f"\u202e{_MARK}"),
    ("complaint", "received_on", "2026-W10-2"),
    ("complaint", "received_on", "2026-W10-2T09:00"),
    ("judgement", "sent_on", "2026-W11-1"),
    ("filing", "case_number", f"GCK{_MARK}\u2066"),
    (None, "as_of", "2026-W19-4"),
    (None, "as_of", 1778112000),
    (None, "as_of", f"{_MARK}"),
    (None, "policy", "/etc/passwd"),
    (None, "policy", "."),
    (None, "policy", f"statutory\u200b{_MARK}"),
    (None, "policy", ""),
]


@pytest.mark.parametrize(("part", "field", "value"), _HOSTILE_REQUESTS)
def test_a_hostile_request_is_a_422_naming_the_field_never_the_value(
    client: Any, part: str | None, field: str, value: Any
) -> None:
    body: dict[str, Any] = {**COMPLAINT, "as_of": "2026-05-07"}
    if part is None:
        body[field] = value
    else:
        body[part] = dict(COMPLAINT.get(part) or {}, **{field: value})
    response = client.post("/assess", json=body)
    assert response.status_code == 422, response.text
    assert field in response.text
    assert _MARK not in response.text
    if isinstance(value, str) and value:
        assert value not in response.text


def test_the_example_service_reads_as_of_in_the_date_convention(client: Any) -> None:
    for as_of in ("7-5-2026", "7 mei 2026", "07/05/2026", " 2026-05-07 "):
        response = client.post("/assess", json={**COMPLAINT, "as_of": as_of})
        assert response.status_code == 200, response.text
        assert response.json()["assessment"]["as_of"] == "2026-05-07"
    house = client.post("/assess", json={**COMPLAINT, "as_of": "2026-05-07", "policy": "les-petits"})
    assert house.status_code == 200
    assert house.json()["assessment"]["policy"] == "les-petits"


def test_a_lone_surrogate_in_a_request_is_answered_not_a_500(client: Any) -> None:
    """The library reads a lone surrogate as text (every channel alike); a response cannot hold one, so
    it is written as U+FFFD, as ``assess --format json`` writes it (it was a 500)."""
    body: dict[str, Any] = {**COMPLAINT, "as_of": "2026-05-07"}
    body["complaint"] = dict(COMPLAINT["complaint"], id="K\ud800", description="x\udfff")
    response = client.post("/assess", content=json.dumps(body), headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["assessment"]["complaint_id"] == "K\ufffd"
    complaint = Complaint.from_dict(body["complaint"])
    dumped = json.loads(pydantic.TypeAdapter(ComplaintModel).dump_json(complaint))
    assert (dumped["id"], dumped["description"]) == ("K\ufffd", "x\ufffd")
