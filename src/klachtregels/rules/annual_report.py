"""The annual complaint report: when it is due, and which records count as complaints (R9; A16).

Wko art. 1.57b lid 4-9. The provider reports each calendar year, per location, on the complaints it
handled; the report goes to the GGD 'before 1 June' of the next year (lid 8). A provider that
received no written complaints in a year need not report over it (lid 9). The duty is part of the
regime in force from 2016-01-01 (R1, A20: evaluated at the event date): a year before 2016 is out of
its temporal scope, whatever the register holds.

This module is the one place that answers those questions: the report (:mod:`klachtregels.report`)
and the organisation check K5 (:mod:`klachtregels.compliance`) both call it.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Final

import attrs

from klachtregels.calendar import is_working_day, unverified_years
from klachtregels.citations import ATW, WET_KINDEROPVANG, WKO_1_57B_WVPO, Citation, cite
from klachtregels.errors import InvalidInputError
from klachtregels.rules._facts import REGIME_START
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, FlagCode, Outcome

if TYPE_CHECKING:
    from klachtregels.engine import Decision

__all__ = [
    "FIRST_REPORT_YEAR",
    "REPORT_CITATIONS",
    "DueOutcome",
    "ReportDue",
    "counts_as_complaint",
    "not_a_complaint",
    "report_due",
]

#: Wko art. 1.57b lid 4-9, the annual report, each cited with its rule id (R9): defined here, once.
REPORT_CITATIONS: Final[tuple[Citation, ...]] = tuple(
    cite(WET_KINDEROPVANG, "1.57b", lid, note="R9") for lid in range(4, 10)
)
_LID_8, _LID_9 = REPORT_CITATIONS[4], REPORT_CITATIONS[5]
_ATW_ART1: Final = cite(ATW, "1", 1, note="A16: whether it applies to a fixed date is not settled")
_ONE_DAY: Final = dt.timedelta(days=1)
#: The first calendar year a report can be due over: the year the 2016 regime starts (R1, R9; A20).
#: Whether the ministerial regulation of lid 7 names a later one is not verified (``VERIFY_LID7``).
FIRST_REPORT_YEAR: Final = REGIME_START.year


class DueOutcome(enum.StrEnum):
    """Whether a report over a year is due (the JSON values are upper case, as they always were)."""

    REQUIRED = "REQUIRED"
    NOT_REQUIRED = "NOT_REQUIRED"
    #: The last day depends on A16 (31 May is not a working day and the ATW is not applied).
    UNDETERMINED = "UNDETERMINED"
    #: The year is before 2016: art. 1.57b lid 4-9 did not apply to it (R1, A20); no due date.
    OUT_OF_TEMPORAL_SCOPE = "OUT_OF_TEMPORAL_SCOPE"


@attrs.frozen(kw_only=True)
class ReportDue:
    """Whether a report over ``year`` is required, and by when (lid 8-9; R9, A16)."""

    year: int
    #: ``"REQUIRED"``, ``"NOT_REQUIRED"``, ``"UNDETERMINED"`` (the last day depends on A16) or
    #: ``"OUT_OF_TEMPORAL_SCOPE"`` (a year before 2016, R1).
    outcome: DueOutcome
    #: Why undetermined: the ambiguity id (``"A16"``); why out of temporal scope: the rule id
    #: (``"R1"``); ``None`` otherwise.
    reason: str | None
    #: Written complaints that year (lid 9): complaints not known to be oral.
    written_complaints: int
    #: 'Before 1 June' of the next year: 31 May. ``None`` when no report is required or the year is
    #: out of temporal scope.
    calendar_last_day: dt.date | None
    #: The last day if ATW art. 1 applies to this fixed date (next working day after a weekend/holiday).
    atw_last_day: dt.date | None
    #: The last day under the chosen setting (``jaarverslag_atw``).
    last_day: dt.date | None
    #: The last ATW working day on or before 31 May: send by then to be safe.
    recommended_by: dt.date | None
    jaarverslag_atw: bool
    #: ``VERIFY_LID7`` (first report year, lid 7), ``KLACHTENLOKET_FAQ_GCK`` (J01), ``CHANNEL_UNKNOWN``,
    #: ``ATW_ON_FIXED_DATE``, ``PROVISIONAL_CALENDAR``.
    flags: tuple[FlagCode, ...]
    rule_ids: tuple[str, ...]
    citations: tuple[Citation, ...]

    def sent_in_time(self, sent: dt.date) -> tuple[Outcome, str | None]:
        """Whether a report sent on ``sent`` met this last day (R9, A16), and why it is open if it is.

        A settled last day (``REQUIRED``: 31 May, or the ATW day under ``jaarverslag_atw``) is met or
        not. When the last day is open (``UNDETERMINED``, A16: 31 May is no working day), a report sent
        by 31 May is in time under either reading, one sent after the ATW day is late under both, and
        one sent in between is in time only if the ATW applies to the fixed date: ``UNDETERMINED``,
        for the reason ``A16``. Only for a report that was due (a last day is set).
        """
        assert self.last_day is not None
        if self.outcome is DueOutcome.UNDETERMINED and self.atw_last_day is not None:
            if sent <= self.last_day:
                return Outcome.MET, None
            if sent <= self.atw_last_day:
                return Outcome.UNDETERMINED, self.reason
            return Outcome.NOT_MET, None
        return (Outcome.NOT_MET if sent > self.last_day else Outcome.MET), None


def _working_day_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def _working_day_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= _ONE_DAY
    return day


def _without_last_day(
    year: int, written_complaints: int, jaarverslag_atw: bool, outcome: DueOutcome
) -> ReportDue:
    """A year with no last day: before 2016 (R1, ``OUT_OF_TEMPORAL_SCOPE``) or without written
    complaints (lid 9, ``NOT_REQUIRED``, with the Klachtenloket FAQ's flag)."""
    before_2016 = outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE
    return ReportDue(
        year=year,
        outcome=outcome,
        reason="R1" if before_2016 else None,
        written_complaints=written_complaints,
        calendar_last_day=None,
        atw_last_day=None,
        last_day=None,
        recommended_by=None,
        jaarverslag_atw=jaarverslag_atw,
        flags=() if before_2016 else (FlagCode.VERIFY_LID7, FlagCode.KLACHTENLOKET_FAQ_GCK),
        rule_ids=("R1", "R9") if before_2016 else ("R9",),
        citations=(WKO_1_57B_WVPO,) if before_2016 else (_LID_9,),
    )


def report_due(
    year: int, *, written_complaints: int, jaarverslag_atw: bool = False, channel_unknown: int = 0
) -> ReportDue:
    """Whether a report over ``year`` is required and by when (R9).

    * Lid 9: no written complaints that year, no report (``NOT_REQUIRED``, flag
      ``KLACHTENLOKET_FAQ_GCK``: the Klachtenloket FAQ also mentions GCK disputes; J01).
    * Lid 8: 'before 1 June' of the next year, so the last day is 31 May. When 31 May is not an
      ATW working day, whether ATW art. 1 moves it is not settled (A16): with the default
      ``jaarverslag_atw=False`` the outcome is ``UNDETERMINED`` (reason ``A16``), the last day stays
      31 May and the advice is to send by the last working day before it (J02). With
      ``jaarverslag_atw=True`` the last day is the next working day and the outcome ``REQUIRED``.
    * R1 (A20): a year before :data:`FIRST_REPORT_YEAR` (2016) is ``OUT_OF_TEMPORAL_SCOPE`` (reason
      ``R1``), whatever the number of complaints: the duty did not exist then, so it is neither
      required nor 'not required' under lid 9, and has no last day.
    """
    from klachtregels._arguments import bool_argument, whole_number_argument

    year = whole_number_argument(year, "year")
    if not 1 <= year <= 9998:  # 31 May of the next year must be a date
        raise InvalidInputError("arguments", [("year", "expected a year from 1 to 9998")])
    written_complaints = whole_number_argument(written_complaints, "written_complaints")
    channel_unknown = whole_number_argument(channel_unknown, "channel_unknown", minimum=0)
    jaarverslag_atw = bool(bool_argument(jaarverslag_atw, "jaarverslag_atw"))
    if written_complaints < 0:
        raise InvalidInputError("report due date", [("written_complaints", "must be 0 or more")])
    if year < FIRST_REPORT_YEAR:
        return _without_last_day(year, written_complaints, jaarverslag_atw, DueOutcome.OUT_OF_TEMPORAL_SCOPE)
    if written_complaints == 0:
        return _without_last_day(year, 0, jaarverslag_atw, DueOutcome.NOT_REQUIRED)
    flags = [FlagCode.VERIFY_LID7]
    if channel_unknown:
        flags.append(FlagCode.CHANNEL_UNKNOWN)
    may31 = dt.date(year + 1, 5, 31)
    atw_day = _working_day_on_or_after(may31)
    if unverified_years([year + 1]):
        flags.append(FlagCode.PROVISIONAL_CALENDAR)
    if atw_day == may31:
        outcome, reason, last = DueOutcome.REQUIRED, None, may31
    elif jaarverslag_atw:
        flags.append(FlagCode.ATW_ON_FIXED_DATE)
        outcome, reason, last = DueOutcome.REQUIRED, None, atw_day
    else:
        outcome, reason, last = DueOutcome.UNDETERMINED, "A16", may31
    return ReportDue(
        year=year,
        outcome=outcome,
        reason=reason,
        written_complaints=written_complaints,
        calendar_last_day=may31,
        atw_last_day=atw_day,
        last_day=last,
        recommended_by=_working_day_on_or_before(may31),
        jaarverslag_atw=jaarverslag_atw,
        flags=tuple(flags),
        rule_ids=("R9", "A16"),
        citations=(_LID_8, _ATW_ART1),
    )


#: Eligibility outcomes that rule a record out of the annual report (lid 9: written 1.57b complaints).
_NOT_A_COMPLAINT: Final = frozenset({Outcome.NOT_ELIGIBLE, Outcome.NOT_YET, Outcome.OUT_OF_TEMPORAL_SCOPE})


def not_a_complaint(eligibility: Decision) -> Outcome | None:
    """The eligibility outcome that rules a record out of the annual report, or ``None`` (R9 lid 9).

    A record counts when it is a (written) complaint in scope, or when that is undetermined: the
    report errs on the side of showing it. An oral record is not a written complaint (R5) even when
    other facts are unknown and the decision as a whole is undetermined, so R5's own finding is read
    from the decision's reasons.
    """
    outcome = eligibility.outcome
    if type(outcome) is not Outcome:  # a Decision built by hand may hold the plain string
        outcome = Outcome(outcome)
    if outcome in _NOT_A_COMPLAINT:
        return outcome
    if outcome not in ELIGIBLE_OUTCOMES and eligibility.gave("R5", Outcome.NOT_YET, set_aside=True):
        return Outcome.NOT_YET
    return None


def counts_as_complaint(eligibility: Decision) -> bool:
    """Whether the record counts as a complaint for the annual report (R9 lid 9; :func:`not_a_complaint`)."""
    return not_a_complaint(eligibility) is None
