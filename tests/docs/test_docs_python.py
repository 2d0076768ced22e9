"""The Python snippets of README.md and the documentation run as written, and give what the pages say.

A snippet runs from the repository's root (where a reader of the pages runs it), in one namespace per page,
in page order, as a reader pastes them into one session. Where the page shows the printed output in a
``text`` block right after the snippet, the output must be exactly that.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import doctest
import io
import warnings
from typing import TYPE_CHECKING, Any

import pytest
from docs_helpers import ROOT, Block, block_after, blocks

from klachtregels.calendar import NonWorkingKind
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, Outcome

if TYPE_CHECKING:
    from pathlib import Path


def _run(block: Block, namespace: dict[str, Any]) -> str:
    """Execute one snippet in ``namespace``; what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.text, f"{block.page}:{block.line}", "exec"), namespace)
    return out.getvalue()


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository's root, as the pages' relative paths (``examples/...``) assume."""
    monkeypatch.chdir(ROOT)
    return ROOT


def _page_blocks_with_output(page: str) -> list[tuple[Block, Block | None]]:
    """Each python block of the page, with the ``text`` block right after it (its output), if any."""
    every = blocks(page)
    pairs = []
    for i, block in enumerate(every):
        if block.lang != "python":
            continue
        following = every[i + 1] if i + 1 < len(every) else None
        pairs.append((block, following if following is not None and following.lang == "text" else None))
    return pairs


# --- README -------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("at_root")
def test_readme_snippet() -> None:
    (snippet,) = blocks("README.md", "python")
    namespace: dict[str, Any] = {}
    printed = _run(snippet, namespace).splitlines()
    assert printed[0] == "2026-05-06 2026-05-05"
    assert "Last day: Wednesday 6 May 2026, until 23:59 (Europe/Amsterdam)." in printed
    assert namespace["decision"].outcome == Outcome.ELIGIBLE
    assert "eligible" in printed
    # "a complaint without a channel is undetermined with unknown_facts == ('complaint.channel',)"
    complaint = namespace["kr"].Complaint.from_dict({"received_on": "2026-03-09", "subjects": ["conduct"]})
    without = namespace["kr"].eligibility(complaint, as_of=dt.date(2026, 3, 10))
    assert without.outcome == Outcome.UNDETERMINED
    assert "complaint.channel" in without.unknown_facts


# --- quickstart and tutorial --------------------------------------------------------------------------


@pytest.mark.usefixtures("at_root")
def test_quickstart_snippets() -> None:
    deadline_block, complaint_block = blocks("docs/quickstart.md", "python")
    namespace: dict[str, Any] = {}
    _run(deadline_block, namespace)
    d, kr = namespace["d"], namespace["kr"]
    assert (d.date, d.calendar_date, d.provisional) == (dt.date(2026, 5, 6), dt.date(2026, 5, 5), False)
    ((day,),) = (d.extended_by,)
    assert (day.date, day.kind) == (dt.date(2026, 5, 5), NonWorkingKind.HOLIDAY)
    assert d.ends_at.isoformat() == "2026-05-06T23:59:59.999999+02:00"
    assert kr.deadline(dt.date(2026, 3, 24), "2 working days", statutory=False).date == dt.date(2026, 3, 26)
    assert kr.gck_filing_limit(dt.date(2025, 5, 5)).date == dt.date(2026, 5, 5)
    printed = _run(complaint_block, namespace)
    assert namespace["p"].outcome == Outcome.MELDPLICHT
    assert namespace["p"].has_flag("CLOCK_NOT_SUSPENDED_BY_STATUTE")
    assert "uiterste dag maandag 20 april 2026" in printed


@pytest.mark.usefixtures("at_root")
def test_tutorial_snippets_print_what_the_page_shows() -> None:
    namespace: dict[str, Any] = {}
    pairs = _page_blocks_with_output("docs/tutorial.md")
    assert sum(output is not None for _, output in pairs) == 4
    for snippet, output in pairs:
        printed = _run(snippet, namespace)
        if output is not None:
            assert printed.rstrip("\n") == output.text, f"{snippet.page}:{snippet.line}"


# --- the calendar and the policies: doctests ----------------------------------------------------------


@pytest.mark.parametrize("page", ["docs/calendar.md", "docs/policies.md"])
def test_doctest_blocks(page: str) -> None:
    namespace: dict[str, Any] = {}
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    examples = 0
    for block in blocks(page, "python"):
        if not block.text.lstrip().startswith(">>>"):
            continue
        test = parser.get_doctest(block.text, namespace, page, page, block.line)
        examples += len(test.examples)
        out = io.StringIO()
        runner.run(test, out=out.write, clear_globs=False)
        assert runner.failures == 0, out.getvalue()
        namespace.update(test.globs)  # a DocTest runs in a copy; the page's next block goes on from here
    assert examples >= 9


# --- embedding: the timeline, iCalendar, FastAPI ------------------------------------------------------


@pytest.mark.usefixtures("at_root")
def test_embedding_timeline_and_calendar_snippets() -> None:
    timeline_block = block_after("docs/embedding.md", "## The obligations timeline", "python")
    ics_block = block_after("docs/embedding.md", "## Calendar export", "python")
    namespace: dict[str, Any] = {}
    printed = _run(timeline_block, namespace)
    assert "2026-04-28 provider handling done ()" in printed
    assert namespace["data"]["schema"] == "klachtregels.obligations"
    _run(ics_block, namespace)
    assert namespace["text"].startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in namespace["atw"]


def test_embedding_fastapi_snippet_serves_an_assessment() -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    block = block_after("docs/embedding.md", "## pydantic and FastAPI", "python")
    namespace: dict[str, Any] = {}
    _run(block, namespace)
    with warnings.catch_warnings():
        # starlette and httpx warn about each other's transport API, differently per version pair
        # (the lowest versions: "The 'app' shortcut is now deprecated" when the client is made)
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        client = TestClient(namespace["app"])
    complaint = {"received_on": "2026-03-16", "channel": "email", "complainant": {"role": "parent"},
                 "subjects": ["agreement"]}  # fmt: skip
    answer = client.post("/assess", params={"as_of": "2026-05-07"}, json=complaint)
    assert answer.status_code == 200, answer.text
    assert answer.json()["schema"] == "klachtregels.assessment"
    assert answer.json()["status"] == "open_overdue"
    # "An invalid body is one pydantic error of type klachtregels_invalid ... ctx.problems lists every one"
    refused = client.post(
        "/assess", params={"as_of": "2026-05-07"}, json={"received_on": "2026-02-30", "channel": "fax"}
    )
    (error,) = refused.json()["detail"]
    assert refused.status_code == 422
    assert error["type"] == "klachtregels_invalid"
    assert [p["loc"] for p in error["ctx"]["problems"]] == [["received_on"], ["channel"]]
    # DayModel: the as-of day in the library's date convention (a Dutch form read, a week date refused)
    dutch = client.post("/assess", params={"as_of": "7 mei 2026"}, json=complaint)
    assert dutch.json() == answer.json()
    week = client.post("/assess", params={"as_of": "2026-W19-4"}, json=complaint)
    assert week.status_code == 422
    assert week.json()["detail"][0]["loc"] == ["query", "as_of"]


# --- registers, compliance, report --------------------------------------------------------------------


def test_register_mapping_example_reads_an_export(tmp_path: Path) -> None:
    from klachtregels.register import ColumnMapping, load_mapping, read_register_all

    path = tmp_path / "mapping.toml"
    path.write_text(
        block_after("docs/register.md", "## Column mapping (TOML)", "toml").text, encoding="utf-8"
    )
    mapping = load_mapping(path)
    assert ColumnMapping.from_dict(mapping.to_dict()) == mapping
    export = "locatie;label;gegrond;bijlage\nKDV De Zon;Voorbeeld B.V.;Deels;x\n".encode("cp1252")
    result = read_register_all(io.BytesIO(export), mapping=mapping, format="csv")
    (record,) = result.records
    assert record.complaint.location == "KDV De Zon"
    assert record.judgement is not None
    assert record.judgement.verdict == "deels_gegrond"
    assert record.complaint.channel == "web_form"
    assert result.summary.defaults_applied == ("channel",)
    assert result.summary.unknown_columns == ()  # "bijlage" is ignored


def test_configuration_and_report_files_load(tmp_path: Path) -> None:
    from klachtregels.config import load_config
    from klachtregels.organisation import load_organisation
    from klachtregels.report.previous import load_previous_figures

    config = tmp_path / "klachtregels.toml"
    config.write_text(block_after("docs/cli/check.md", "## Configuration", "toml").text, encoding="utf-8")
    loaded = load_config(config)
    assert (loaded.fail_on, loaded.mapping, loaded.delimiter) == ("warning", "partou", ";")
    assert [a.finding for a in loaded.accept] == ["KR-K5-SENT-LATE"]
    organisation = tmp_path / "organisation.toml"
    organisation.write_text(
        block_after("docs/report.md", "## The organisation file", "toml").text, encoding="utf-8"
    )
    assert load_organisation(organisation).name == "Kinderopvang De Voorbeeldtuin B.V."
    figures = tmp_path / "vorig-jaar.toml"
    figures.write_text(
        block_after("docs/report.md", "### Last year's figures", "toml").text, encoding="utf-8"
    )
    assert load_previous_figures(figures, year=2025).total == 538


def test_compliance_snippet_with_a_baseline_written_as_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docs_helpers import run_cli

    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    # docs/cli/check.md: `klachtregels check ... --write-baseline klachtregels-baseline.toml`
    example = [
        "examples/register.csv",
        "--org",
        "examples/organisation.toml",
        "--policy",
        "examples/policy.toml",
    ]
    run_cli(["check", *example, "--as-of", "2026-05-07", "--write-baseline", "klachtregels-baseline.toml"])
    namespace: dict[str, Any] = {}
    _run(block_after("docs/compliance.md", "## From Python", "python"), namespace)
    result = namespace["result"]
    assert (result.summary.errors, result.failed("error")) == (9, True)
    assert "KR-HANDLING-LATE" not in namespace["text"].split("==")[1]  # accepted: out of the errors section


@pytest.mark.usefixtures("at_root")
def test_report_snippet_on_partou() -> None:
    from klachtregels.report import open_blockers
    from klachtregels.report.notes import ReviewItemKind

    namespace: dict[str, Any] = {}
    _run(block_after("docs/report.md", "## In Python", "python"), namespace)
    report = namespace["report"]
    assert report.total.total == 513
    assert report.due.outcome == "UNDETERMINED"
    kinds = [i.kind for i in open_blockers(report)]
    assert kinds == [ReviewItemKind.NO_LOCATION, ReviewItemKind.PERSONAL_DATA_IN_LOCATION]
    assert [i.kind for i in open_blockers(report, accept={"personal_data_in_location"})] == kinds[:1]
    assert namespace["html"].startswith("<!DOCTYPE html>")


# --- notebooks ----------------------------------------------------------------------------------------


@pytest.mark.usefixtures("at_root")
# matplotlib 3.9 (the lowest allowed) calls pyparsing's enablePackrat, which pyparsing 3.3 deprecates.
@pytest.mark.filterwarnings("ignore:'enablePackrat' deprecated:DeprecationWarning")
def test_notebook_page_snippets(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict[str, Any] = {}
    for block in blocks("docs/notebooks.md", "python"):
        _run(block, namespace)
    result_line = next(
        line
        for line in blocks("docs/notebooks.md", "python")[0].text.splitlines()
        if line.split("#")[0].strip() == "result"
    )
    assert repr(namespace["result"]) == result_line.split("# ", 1)[1]
    table = namespace["table"]
    assert int(table.error.notna().sum()) == 1
    assert list(table.columns)[:6] == [
        "row",
        "complaint_id",
        "eligibility",
        "precedence",
        "status",
        "gck_access",
    ]
    assert set(namespace["tables"]) >= {"summary", "locations", "organisations", "categories", "entries"}


# --- testing.md ---------------------------------------------------------------------------------------


def test_testing_snippet_imports() -> None:
    namespace: dict[str, Any] = {}
    _run(blocks("docs/testing.md", "python")[0], namespace)
    assert callable(namespace["test_my_inbox_never_marks_an_undetermined_complaint_as_eligible"])


def test_testing_strict_policies_snippet_draws_what_the_page_says() -> None:
    """docs/testing.md: ``policies(strict_calendar=st.just(True), ...)`` draws strict policies (A2) whose
    handling term is in weeks, and such a policy refuses a provisional six weeks only where an answer
    reads them (an eligible complaint's assessment), not its eligibility."""
    from hypothesis import find

    from klachtregels import Complaint, assess, eligibility
    from klachtregels.errors import ProvisionalCalendarError

    namespace: dict[str, Any] = {}
    _run(block_after("docs/testing.md", "Pin or narrow a setting", "python"), namespace)
    policy = find(namespace["strict_house"], lambda p: True)
    assert policy.strict_calendar is True
    assert policy.handling_term.split()[-1] in ("week", "weeks", "weken")
    complaint = Complaint.from_dict(
        {"received_on": "2031-03-10", "channel": "email", "complainant": {"role": "parent"},
         "subjects": ["conduct"], "about": "staff"}
    )  # fmt: skip
    with pytest.raises(ProvisionalCalendarError):
        assess(complaint, as_of=dt.date(2031, 3, 12), policy=policy)
    assert eligibility(complaint, as_of=dt.date(2031, 3, 12), policy=policy).outcome in ELIGIBLE_OUTCOMES
