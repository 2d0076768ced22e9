"""The check's writers: what they make once per finding id or per row gives the same bytes as making it
for every finding (issue 8, performance).

The JSON sink encodes a finding's catalogue part once per id and the text sink picks a finding id's
first line and message template once; these tests compare them, for any finding (hostile text, lone
surrogates, rows or none, acceptances), with the plain forms: ``_json_line(f.to_dict())`` and
``f.message(lang)``. The spool's batched writes read back as written.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from hypothesis import given, settings
from hypothesis import strategies as st

from klachtregels._io import one_line
from klachtregels.cli import main
from klachtregels.compliance import Finding, Passed, load_catalogue
from klachtregels.compliance._sinks import (
    _INDENT,
    Judge,
    SarifSink,
    Spool,
    TextSink,
    _json_line,
    _JsonLines,
    fingerprint,
    subject_label,
)
from klachtregels.compliance.findings import FailOn

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

CAT = load_catalogue()
#: Any text, lone surrogates, control characters and quotes included.
ANY_TEXT = st.text(
    st.characters(exclude_categories=())
    | st.sampled_from(["\ud800", "\udfff", "\n", "\x1b", '"', "\\", "\u2028"]),
    max_size=12,
)
IDS = st.sampled_from(sorted(CAT.findings))


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    """A finding of any catalogue id, its placeholders (and maybe more facts) filled with any text."""
    finding_id = draw(IDS)
    names = set(CAT.findings[finding_id].placeholders) | draw(st.sets(st.sampled_from(["x", "zz"])))
    facts = tuple(sorted((name, draw(ANY_TEXT)) for name in names))
    return Finding(
        id=finding_id,
        row=draw(st.none() | st.integers(min_value=-1, max_value=10**6)),
        complaint_id=draw(st.none() | ANY_TEXT),
        column=draw(st.none() | ANY_TEXT),
        facts=facts,
    )


ACCEPTANCE = st.none() | st.tuples(
    st.sampled_from(["accepted", "acceptance_expired"]),
    st.fixed_dictionaries(
        {"reason": ANY_TEXT, "expires": st.none() | st.just("2026-12-31"), "expired": st.booleans()}
    ),
)


@settings(max_examples=300)
@given(found=st.lists(findings(), min_size=1, max_size=4), extra=ACCEPTANCE)
def test_a_json_line_is_the_json_line_of_to_dict(found: list[Finding], extra: tuple[str, Any] | None) -> None:
    lines = _JsonLines()  # the parts are cut from the first finding of an id and reused for the rest
    for f in found:
        data = f.to_dict()
        if extra is not None:
            data[extra[0]] = extra[1]
        assert lines.finding(f, extra) == _json_line(data)


@given(check=ANY_TEXT, row=st.none() | st.integers(), complaint_id=st.none() | ANY_TEXT)
def test_a_passed_line_is_the_json_line_of_to_dict(
    check: str, row: int | None, complaint_id: str | None
) -> None:
    p = Passed(check=check, row=row, complaint_id=complaint_id)
    assert _JsonLines().passed(p) == _json_line(p.to_dict())


@settings(max_examples=200)
@given(found=st.lists(findings(), min_size=1, max_size=6), lang=st.sampled_from(["nl", "en"]))
def test_the_text_output_shows_each_finding_s_own_message(found: list[Finding], lang: str) -> None:
    out = io.StringIO()
    sink = TextSink(out, lang=lang, fail_on=FailOn.NEVER, judge=Judge())
    sink.rows(found, ())
    written = "".join("".join(s.spool.lines()) for s in sink._sections.values())
    for f in found:
        assert f"{_INDENT}{one_line(f.message(lang))}\n" in written
        assert f" {f.id}" in written
        assert f"{subject_label(f, lang)}\n" in written


@given(chunks=st.lists(st.text(min_size=1, max_size=5000), max_size=40), skip=st.integers(0, 1))
def test_a_spool_gives_back_what_was_written_in_batches(chunks: list[str], skip: int) -> None:
    whole = "".join(chunks)
    spool = Spool()
    assert spool.empty
    for chunk in chunks:
        spool.write(chunk)
    assert spool.empty is not bool(chunks)
    out = io.StringIO()
    spool.copy_to(out, skip=skip if whole else 0)
    assert out.getvalue() == (whole[skip:] if whole else "")
    again = Spool()
    for chunk in chunks:
        again.write(chunk)
    assert "".join(again.lines()) == whole
    assert again.empty


@settings(max_examples=300)
@given(
    found=st.lists(findings(), min_size=1, max_size=4),
    register=st.sampled_from([None, "-", "register.csv", "/srv/data/register.csv", 'a "b"\\c.csv']),
    organisation=st.sampled_from([None, "organisation.toml", "/srv/org.toml"]),
    lang=st.sampled_from(["nl", "en"]),
)
def test_a_sarif_result_line_is_the_json_line_of_its_result(
    found: list[Finding], register: str | None, organisation: str | None, lang: str
) -> None:
    sink = SarifSink(io.StringIO(), lang=lang, register=register, organisation_file=organisation)
    for f in found:  # the id's parts are made from the first finding of an id and reused
        assert sink._line(f) == _json_line(sink._result(f))
    sink.close()


_ORG_TWO_LATE_REPORTS = """
name = "Test B.V."
kind = "kindercentrum"
lrk_numbers = ["100000001"]

[[annual_reports]]
year = 2024
sent_to_ggd_on = 2025-06-20
made_known_to_parents = true

[[annual_reports]]
year = 2025
sent_to_ggd_on = 2026-07-01
made_known_to_parents = true
"""
_REGISTER_TWO_YEARS = (
    "id,received_on,channel,complainant_role,subjects,about,"
    "judgement_sent_on,judgement_written,judgement_reasoned,verdict,measures\n"
    "K-1,2024-03-04,email,parent,agreement,organisation,2024-03-20,ja,ja,ongegrond,geen\n"
    "K-2,2025-03-03,email,parent,agreement,organisation,2025-03-20,ja,ja,ongegrond,geen\n"
)


def _k5_fingerprints(tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    register = tmp_path / "register.csv"
    register.write_text(_REGISTER_TWO_YEARS, encoding="utf-8")
    org = tmp_path / "org.toml"
    org.write_text(_ORG_TWO_LATE_REPORTS, encoding="utf-8")
    argv = ["check", str(register), "--org", str(org), "--no-config", "--as-of", "2026-08-01"]
    main([*argv, "--format", "sarif", "--lang", lang])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    late = [r for r in results if r["ruleId"] == "KR-K5-SENT-LATE"]
    return {r["properties"]["facts"]["year"]: r["partialFingerprints"]["klachtregels/v2"] for r in late}


def test_two_years_late_reports_have_two_fingerprints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R9 (Wko 1.57b lid 8), K5: the reports over 2024 and 2025, both sent late, are two findings, so
    two code-scanning alerts: their fingerprints differ by year, and are the same in either
    language and in another run (no wording in them)."""
    dutch = _k5_fingerprints(tmp_path, "nl", capsys)
    assert dutch == {"2024": "KR-K5-SENT-LATE::year 2024", "2025": "KR-K5-SENT-LATE::year 2025"}
    assert _k5_fingerprints(tmp_path, "en", capsys) == dutch


def test_an_organisation_fingerprint_names_its_year_and_key_never_its_wording() -> None:
    """K5 by year; K2 on disagreeing sources by the organisation file's key (one per provision of lid
    2); an organisation finding with neither keeps its id alone (as before); a complaint's finding
    its complaint id (its facts, a year among them, are no part of it)."""
    k2 = [
        Finding(id="KR-K2-SOURCES-DISAGREE", facts=(("organisation_key", key), ("sub", sub)))
        for key, sub in (("regulation.provides.handling_term", "d"), ("regulation.provides.independent", "b"))
    ]
    assert [fingerprint(f) for f in k2] == [
        "KR-K2-SOURCES-DISAGREE::organisation_key regulation.provides.handling_term",
        "KR-K2-SOURCES-DISAGREE::organisation_key regulation.provides.independent",
    ]
    assert fingerprint(Finding(id="KR-K1-REGULATION", facts=(("failed", "regulation.adopted"),))) == (
        "KR-K1-REGULATION:"
    )
    assert fingerprint(Finding(id="KR-K5-SENT-LATE", facts=(("year", "?"),))) == "KR-K5-SENT-LATE:"
    late = Finding(id="KR-HANDLING-LATE", row=3, complaint_id="K-1", facts=(("year", "2024"),))
    assert fingerprint(late) == "KR-HANDLING-LATE:K-1"
