"""Organisation checks K1-K9: the duties of :mod:`klachtregels.rules.organisation`, named as findings.

The rules decide each item from the organisation file and the register's counts; this module only
names their answers through the ``organisation`` table of ``compliance/data/projection.toml`` (an
answer undetermined for a reason, an ambiguity id, is named through its ``by_reason`` table). The
item wording is rebuilt from the statute, not copied from the GGD GHOR toetsingskader
(``verified = false`` in the catalogue, A21). K8 (Wko art. 1.60) is not GGD-supervised (R31): its
finding is a warning at most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klachtregels.compliance.checks import load_projection
from klachtregels.compliance.findings import Finding, Passed, make_finding

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from klachtregels.compliance.checks import Projection
    from klachtregels.organisation import Organisation
    from klachtregels.policy import Policy
    from klachtregels.rules.organisation import DutyDecision, K4Tally

__all__ = ["K4_IDS_SHOWN", "K4Tally", "check_organisation"]

#: At most this many complaint ids are listed in the K4 finding (the count is always complete).
K4_IDS_SHOWN = 10


def __getattr__(name: str) -> Any:
    """``K4Tally`` (:mod:`klachtregels.rules.organisation`), imported when first asked for: a check
    without an organisation file does not load the K1-K9 rules (start-up, issue 8)."""
    if name == "K4Tally":
        from klachtregels.rules.organisation import K4Tally

        return K4Tally
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _facts(d: DutyDecision) -> dict[str, Any]:
    """The facts a K finding's message shows, from the duty's answer (keys, counts, dates)."""
    facts: dict[str, Any] = {}
    if d.failed:
        facts["failed"] = list(d.failed)
    if d.unknown_facts:
        facts["unknown"] = list(d.unknown_facts)
    if d.year is not None:
        facts["year"] = d.year
    details = dict(d.details)
    if d.item == "K4" and "ids" in details:
        ids = details.pop("ids")
        details["ids"] = ids[:K4_IDS_SHOWN] + (["…"] if len(ids) > K4_IDS_SHOWN else [])
    if "count" in details and details["count"] is None:
        details["count"] = "?"
    facts.update(details)
    return facts


def _name(d: DutyDecision, projection: Projection) -> list[str]:
    """The finding ids for one answer: its outcome's (refined by the answer's reason, an ambiguity id,
    where the table has one), then one per mapped flag."""
    key = d.item if d.aspect is None else f"{d.item}.{d.aspect}"
    names = projection.organisation.get(key, {})
    by_reason = projection.organisation_by_reason.get(key, {}).get(d.outcome, {})
    if d.reason is not None and d.reason in by_reason:
        found = [by_reason[d.reason]]
    else:
        found = [names[d.outcome]] if d.outcome in names else []
    found += [names[code] for code in d.flags if code in names]
    return found


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
    from klachtregels.rules.organisation import DutyContext, organisation_duties  # only with a file

    ctx = DutyContext(
        organisation=org,
        as_of=as_of,
        policy=policy,
        complaints_per_year=complaints_per_year or {},
        register_years=register_years,
        k4=k4,
    )
    projection = load_projection()
    findings: list[Finding] = []
    with_findings: set[str] = set()
    items: list[str] = []
    for decision in organisation_duties(ctx):
        if decision.item not in items:
            items.append(decision.item)
        for finding_id in _name(decision, projection):
            findings.append(make_finding(finding_id, _facts(decision)))
            with_findings.add(decision.item)
    passed = [Passed(check=item) for item in items if item not in with_findings]
    return tuple(findings), tuple(passed)
