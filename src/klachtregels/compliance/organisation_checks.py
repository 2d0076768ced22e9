"""Organisation checks K1-K9 (regulation.md section 7), from an organisation file and the register.

The item wording is rebuilt from the statute, not copied from the GGD GHOR toetsingskader
(``verified = false`` in the catalogue, A21). A fact the organisation file does not give is
unknown and gives an 'undetermined' (info) finding naming the key. K8 (Wko art. 1.60) is not
GGD-supervised (R31): it gives at most a warning. K4 summarises the per-complaint K4 checks; K5
counts the complaints of each year from the register.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from klachtregels.compliance.findings import Finding, Passed, make_finding
from klachtregels.errors import TermError
from klachtregels.rules.annual_report import report_due
from klachtregels.terms import Term, TermUnit

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from klachtregels.organisation import Organisation
    from klachtregels.policy import Policy

__all__ = ["K4Tally", "check_organisation"]

#: The statutory maximum handling term in days (Wko 1.57b lid 2 d: six weeks).
_SIX_WEEKS_DAYS = 42
_NUMBER_WORDS = {
    **{w: i for i, w in enumerate(("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht"))},
    "één": 1,
    **{w: i for i, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight"))},
}


@attrs.frozen(kw_only=True)
class K4Tally:
    """What the per-complaint K4 checks found, for the K4 summary."""

    #: Complaint ids (or ``row N``) with an error in a K4 check.
    failing: tuple[str, ...] = ()
    #: Number of complaints with undetermined K4 checks (and no error).
    undetermined: int = 0
    #: Number of complaints the K4 checks ran on.
    checked: int = 0


class _Out:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.passed: list[Passed] = []

    def add(self, finding_id: str, **facts: object) -> None:
        self.findings.append(make_finding(finding_id, facts))

    def ok(self, check: str) -> None:
        self.passed.append(Passed(check=check))


def _split(facts: Sequence[tuple[str, bool | None]]) -> tuple[list[str], list[str]]:
    failed = [name for name, value in facts if value is False]
    unknown = [name for name, value in facts if value is None]
    return failed, unknown


def _simple(out: _Out, check: str, fail_id: str, facts: Sequence[tuple[str, bool | None]]) -> None:
    failed, unknown = _split(facts)
    if failed:
        out.add(fail_id, failed=failed)
    elif unknown:
        out.add(f"KR-{check}-UNDETERMINED", unknown=unknown)
    else:
        out.ok(check)


def _handling_term_ok(text: str | None) -> bool | None:
    """Whether the regulation's handling term is at most the statute's six weeks; ``None``: unknown."""
    if text is None:
        return None
    words = text.strip().lower().split(maxsplit=1)
    if len(words) == 2 and words[0] in _NUMBER_WORDS:  # regulations write "zes weken"
        text = f"{_NUMBER_WORDS[words[0]]} {words[1]}"
    try:
        term = Term.parse(text)
    except TermError:
        return None  # wording the library cannot read: a human must compare it
    if term.unit is TermUnit.HOURS:
        return True
    if term.unit is TermUnit.MONTHS:
        return term.amount == 1  # one month is at most 31 days; two are at least 59
    if term.unit is TermUnit.YEARS:
        return False
    if term.unit is TermUnit.WORKING_DAYS:
        # Five working days a week at most: 30 working days are six weeks or more; holidays in
        # between make 27-30 depend on the dates (unknown).
        if term.amount > 30:
            return False
        return True if term.amount <= 26 else None
    days = term.nominal_days
    assert days is not None
    return days <= _SIX_WEEKS_DAYS


def _check_k5(
    out: _Out,
    org: Organisation,
    *,
    as_of: dt.date,
    policy: Policy,
    complaints_per_year: Mapping[int, int],
    register_years: tuple[int, int] | None,
) -> None:
    years: set[int] = {r.year for r in org.annual_reports}
    if register_years is not None:
        first, last_year = register_years
        years.update(range(first, last_year + 1))
    # Only years that are over (the report is about a whole calendar year).
    due_years = sorted(y for y in years if dt.date(y + 1, 1, 1) <= as_of and y >= 2016)
    found = False
    for year in due_years:
        covered = register_years is not None and register_years[0] <= year <= register_years[1]
        count = complaints_per_year.get(year, 0) if covered else None
        # The report's own due-date rule (R9, A16): one definition for the report and the check.
        due = report_due(year, written_complaints=max(count or 0, 1), jaarverslag_atw=policy.jaarverslag_atw)
        last_day = due.last_day
        assert last_day is not None
        report = org.annual_report(year)
        sent = report.sent_to_ggd_on if report is not None else None
        if count == 0:
            if report is None:
                out.add("KR-K5-NOT-REQUIRED", year=year)
                found = True
            continue
        shown = count if count is not None else "?"
        if sent is not None:
            if sent > last_day:
                out.add("KR-K5-SENT-LATE", year=year, sent_on=sent, last_day=last_day)
                found = True
        elif as_of <= last_day:
            out.add("KR-K5-PENDING", year=year, count=shown, last_day=last_day)
            found = True
            if due.outcome == "UNDETERMINED":  # 31 May is no working day and the Atw is not applied (A16)
                out.add("KR-K5-WEEKEND", year=year, last_day=last_day, send_by=due.recommended_by)
            continue
        else:
            out.add(
                "KR-K5-UNDETERMINED", year=year, count=shown, unknown=f"annual_reports[{year}].sent_to_ggd_on"
            )
            found = True
        made_known = report.made_known_to_parents if report is not None else None
        if made_known is False:
            out.add("KR-K5-NOT-MADE-KNOWN", year=year)
            found = True
        elif made_known is None and sent is not None:
            out.add(
                "KR-K5-UNDETERMINED",
                year=year,
                count=shown,
                unknown=f"annual_reports[{year}].made_known_to_parents",
            )
            found = True
    if not found:
        out.ok("K5")


def check_organisation(
    org: Organisation,
    *,
    as_of: dt.date,
    policy: Policy,
    complaints_per_year: Mapping[int, int] | None = None,
    register_years: tuple[int, int] | None = None,
    k4: K4Tally | None = None,
) -> tuple[tuple[Finding, ...], tuple[Passed, ...]]:
    """K1-K9 for one provider.

    ``complaints_per_year``: complaints that count for the annual report, by year received (from
    the register). ``register_years``: the first and last year the register covers (a year outside
    it has an unknown number of complaints). ``k4``: the per-complaint K4 results.
    """
    out = _Out()
    reg = org.regulation
    # K1 (1.57b lid 1)
    _simple(
        out,
        "K1",
        "KR-K1-REGULATION",
        [
            ("regulation.adopted", reg.adopted),
            ("regulation.covers_conduct", reg.covers_conduct),
            ("regulation.covers_agreement", reg.covers_agreement),
        ],
    )
    # K2 (1.57b lid 2 a-f)
    p = reg.provides
    k2: list[tuple[str, bool | None]] = [
        ("regulation.written", reg.written),
        ("regulation.provides.written_submission", p.written_submission),
        ("regulation.provides.careful_investigation", p.careful_investigation),
        ("regulation.provides.keeping_informed", p.keeping_informed),
        ("regulation.provides.reasoned_judgement", p.reasoned_judgement),
        ("regulation.provides.concrete_term_for_measures", p.concrete_term_for_measures),
    ]
    k2.append(("regulation.provides.handling_term", _handling_term_ok(p.handling_term)))
    _simple(out, "K2", "KR-K2-PROVISIONS", k2)
    # K3 (1.57b lid 3)
    published = reg.published_to_parents
    if published is False:
        out.add("KR-K3-PUBLICITY")
    elif published is None:
        out.add("KR-K3-UNDETERMINED", unknown="regulation.published_to_parents")
    else:
        out.ok("K3")
    # K4 (1.57b lid 3): from the complaints
    if k4 is not None and k4.checked:
        if k4.failing:
            ids = list(k4.failing[:10]) + (["…"] if len(k4.failing) > 10 else [])
            out.add("KR-K4-PRACTICE", count=len(k4.failing), ids=ids)
        elif k4.undetermined:
            out.add("KR-K4-UNDETERMINED", count=k4.undetermined)
        else:
            out.ok("K4")
    # K5 (1.57b lid 4-9)
    _check_k5(
        out,
        org,
        as_of=as_of,
        policy=policy,
        complaints_per_year=complaints_per_year or {},
        register_years=register_years,
    )
    # K6 (1.57c lid 1)
    gck = org.geschillencommissie
    if gck.affiliated is False:
        out.add("KR-K6-NOT-AFFILIATED")
    elif gck.affiliated is None:
        out.add("KR-K6-UNDETERMINED", unknown="geschillencommissie.affiliated")
    else:
        out.ok("K6")
    # K7 (1.57c lid 2)
    if gck.informs_parents is False:
        out.add("KR-K7-PARENTS-NOT-INFORMED")
    elif gck.informs_parents is None:
        out.add("KR-K7-UNDETERMINED", unknown="geschillencommissie.informs_parents")
    else:
        out.ok("K7")
    # K8 (1.60 lid 1 e, lid 7): not GGD-supervised (R31), so a warning at most
    oc = org.oudercommissie
    _simple(
        out,
        "K8",
        "KR-K8-OUDERCOMMISSIE",
        [
            ("oudercommissie.advised_on_regulation", oc.advised_on_regulation),
            ("oudercommissie.informed_about_gck", oc.informed_about_gck),
        ],
    )
    # K9 (1.51a, 1.51b lid 5)
    mc = org.meldcode
    _simple(
        out,
        "K9",
        "KR-K9-MELDCODE",
        [
            ("meldcode.adopted", mc.adopted),
            ("meldcode.promoted", mc.promoted),
            ("meldcode.staff_know_meldplicht", mc.staff_know_meldplicht),
        ],
    )
    return tuple(out.findings), tuple(out.passed)
