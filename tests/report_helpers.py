"""Shared test data for the annual report tests: a register record with sensible defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from klachtregels.model import Channel, Complaint, Judgement, Measure, Party, RegisterRecord

if TYPE_CHECKING:
    from klachtregels.report import AnnualReport

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_report() -> AnnualReport:
    """The example organisation's report over 2025 (as scripts/gen_example_reports.py builds it)."""
    from klachtregels.organisation import load_organisation
    from klachtregels.register import read_register
    from klachtregels.report import build_report

    return build_report(
        read_register(EXAMPLES / "register.csv"),
        year=2025,
        organisation=load_organisation(EXAMPLES / "organisation.toml"),
        policy=EXAMPLES / "policy.toml",
    )


def rec(
    row: int,
    *,
    location: str | None = "KDV Zon",
    category: str | None = "Communicatie",
    verdict: str | None = "gegrond",
    received: dt.date | None = dt.date(2025, 3, 3),
    description: str | None = None,
    summary: str | None = None,
    name: str | None = None,
    organisation: str | None = "Zon B.V.",
    channel: Channel | None = None,
    measures: tuple[Measure, ...] | None = None,
    complainant: Party | None = None,
    subjects: tuple[str, ...] | None = None,
) -> RegisterRecord:
    return RegisterRecord(
        complaint=Complaint(
            received_on=received,
            location=location,
            category=category,
            organisation=organisation,
            description=description,
            channel=channel,
            complainant=complainant or (Party(name=name, role="parent") if name else None),
            subjects=subjects,
        ),
        judgement=Judgement(verdict=verdict, summary=summary, measures=measures),
        row=row,
    )
