"""An outside-in oracle for the obligations timeline (``klachtregels.timeline``, ``klachtregels.ics``).

Part one writes, from regulation.md alone, which dated obligations a complaint creates and when:
the six weeks (R12, D+42; Atw art. 1-3, R13-R15, with the decree days of R15 as data), the written
and reasoned judgement by the same day (R6 e), the parent's direct access the day after (R20 i),
the twelve months (R18, R21; private, no Atw: R16, R17), the annual report before 1 June of the next
year (R9; A16: last day 31 May), and 'onverwijld' (R28) as the one working day the checks default to.
Part two holds the timeline to being a projection: every date it shows is the date the assessment
(``assess_record``) or the rule it names carries; nothing dated after as_of counts as done; nothing
is shown for a complaint out of scope; a provisional day (A2) says so in every output; the .ics
file is RFC 5545 (CRLF, lines folded at 75 octets, TEXT escaped, all-day VALUE=DATE, stable UIDs)
and holds no complaint text.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels.decisions import assess_record
from klachtregels.errors import InvalidInputError
from klachtregels.model import Complaint, Judgement, Measure, Party, RegisterRecord, Signal
from klachtregels.policy import Policy, applied_policy
from klachtregels.rules.annual_report import report_due
from klachtregels.rules.meldcode import consultation_last_day, meldplicht_signal
from klachtregels.testing import policies, records, written_parent_complaints
from klachtregels.timeline import Obligations, ObligationStatus, obligations
from klachtregels.vocabulary import ELIGIBLE_OUTCOMES, FlagCode, Outcome

D = dt.date.fromisoformat
DAY = dt.timedelta(days=1)
SRC = Path(__file__).resolve().parent.parent / "src" / "klachtregels"

# --- the oracle: regulation.md, written out independently of the library ----------------------------

#: R15: days equated with holidays by the decrees for 2023-2025 and 2026-2028 (Atw art. 3 lid 3).
_DECREE_DAYS = frozenset(
    D(d)
    for d in (
        "2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30",
        "2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26",
    )
)  # fmt: skip
#: The years whose decree days are known (R15); the oracle asks nothing outside them.
_VERIFIED = range(2023, 2029)


def _easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday(day: dt.date) -> bool:
    """Atw art. 3 (R15, R19): the holidays, Good Friday, and the decree days."""
    easter = _easter(day.year)
    kings = dt.date(day.year, 4, 27)
    if kings.weekday() == 6:  # R19: on a Sunday it is celebrated on the Saturday before
        kings -= DAY
    fixed = {(1, 1), (5, 5), (12, 25), (12, 26)}
    moving = {easter - 2 * DAY, easter + DAY, easter + 39 * DAY, easter + 50 * DAY, kings}
    return (day.month, day.day) in fixed or day in moving or day in _DECREE_DAYS


def _working(day: dt.date) -> bool:
    return day.weekday() < 5 and not _holiday(day)


def oracle_handling_last_day(received: dt.date) -> dt.date:
    """R12 (day 0 not counted, D+42) with Atw art. 1 (R13) and art. 2 (R14)."""
    end = received + 42 * DAY
    while not _working(end):
        end += DAY
    while sum(_working(received + k * DAY) for k in range(1, (end - received).days + 1)) < 2:
        end += DAY
        while not _working(end):
            end += DAY
    return end


def oracle_twelve_months(start: dt.date) -> dt.date:
    """R18, R21: the same day number twelve months later, else the last day of that month; no Atw."""
    year = start.year + 1
    for day in range(start.day, 27, -1):
        try:
            return dt.date(year, start.month, day)
        except ValueError:
            continue
    return dt.date(year, start.month, start.day)


def oracle_onverwijld(known: dt.date, within: int = 1) -> dt.date:
    """R28 with the checks' setting: the day before the working day past ``within`` working days."""
    seen, day = 0, known
    while seen <= within:
        day += DAY
        seen += _working(day)
    return day - DAY


def _one(timeline: Obligations, key: str) -> Any:
    items = timeline.by_key(key)
    assert len(items) == 1, key
    return items[0]


def test_the_oracle_agrees_with_the_worked_examples() -> None:
    """examples.md D01, D03, D04, D06, D10, D14, G01 (R12-R15), T05 and G06 (R18, R21)."""
    for filed, expected in (
        ("2025-03-01", "2025-04-14"),
        ("2026-03-16", "2026-04-28"),
        ("2026-03-24", "2026-05-06"),
        ("2026-11-13", "2026-12-28"),
        ("2026-04-13", "2026-05-26"),
        ("2025-09-03", "2025-10-15"),
        ("2025-09-01", "2025-10-13"),
    ):
        assert oracle_handling_last_day(D(filed)) == D(expected), filed
    assert oracle_twelve_months(D("2025-05-05")) == D("2026-05-05")
    assert oracle_twelve_months(D("2025-03-03")) == D("2026-03-03")
    assert oracle_twelve_months(D("2024-02-29")) == D("2025-02-28")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    complaint=written_parent_complaints(min_date=D("2023-01-01"), max_date=D("2027-10-31")),
    days=st.integers(0, 60),
)
def test_the_dates_of_an_open_complaint_are_the_regulations(complaint: Complaint, days: int) -> None:
    """Under the statutory policy (section 9 defaults) an open complaint received on D owes: the
    judgement, written and reasoned, by R12's last day; the parent may go to the Geschillencommissie
    the day after (R20 i); twelve months from D (R21); the report over D's year by 31 May (R9, A16)."""
    received = complaint.received_date
    assert received is not None
    complaint = attrs.evolve(complaint, signals=(), advice_subject=None, extension_agreed=None)
    as_of = received + days * DAY
    timeline = obligations(complaint, as_of=as_of)
    last = oracle_handling_last_day(received)
    assert _one(timeline, "handling").due == last
    assert _one(timeline, "judgement_form").due == last
    assert _one(timeline, "gck_direct_access").due == last + DAY
    assert _one(timeline, "gck_filing_limit").due == oracle_twelve_months(received)
    assert _one(timeline, "annual_report").due == dt.date(received.year + 1, 5, 31)
    handling = _one(timeline, "handling")
    if as_of > last:
        assert handling.status is ObligationStatus.OVERDUE
        assert _one(timeline, "gck_direct_access").status is ObligationStatus.OPEN
    else:
        assert handling.status in (ObligationStatus.DUE, ObligationStatus.DUE_SOON)
        assert _one(timeline, "gck_direct_access").status is ObligationStatus.UPCOMING
    assert all(not item.provisional for item in timeline)  # 2023-2028: decree data known (R15)


@settings(max_examples=100, deadline=None)
@given(known=st.dates(D("2023-01-01"), D("2028-12-20")))
def test_the_meldplicht_is_due_onverwijld(known: dt.date) -> None:
    """R28: the provider learns of a possible offence by staff; consulting the vertrouwensinspecteur is
    due 'onverwijld', one working day by the checks' default (a setting, not the law's number)."""
    complaint = Complaint(
        id="M-1",
        received_on=known,
        channel="email",
        complainant=Party(role="parent"),
        subjects=("conduct",),
        about="staff",
        signals=(Signal(kind="suspected_offence_by_staff", suspect="staff", known_on=known),),
    )
    item = _one(obligations(complaint, as_of=known), "meldplicht")
    assert item.due == oracle_onverwijld(known)
    assert item.status in (ObligationStatus.DUE, ObligationStatus.DUE_SOON)


# --- the timeline is a projection ---------------------------------------------------------------------


def _as_of(record: RegisterRecord, days: int) -> dt.date:
    return (record.complaint.received_date or D("2025-01-01")) + days * DAY


@settings(max_examples=250, deadline=None)
@given(
    record=records(),
    policy=st.none() | policies(strict_calendar=st.just(False)),  # A2's strict refusal: tested elsewhere
    days=st.integers(0, 800),
)
def test_every_date_is_the_date_its_decision_carries(
    record: RegisterRecord, policy: Policy | None, days: int
) -> None:
    """No item computes a day of its own: each is the assessment's deadline or the named rule's day."""
    as_of = _as_of(record, days)
    try:
        timeline = obligations(
            record.complaint, as_of=as_of, policy=policy, judgement=record.judgement, filing=record.filing
        )
    except InvalidInputError:  # a judgement before the complaint: refused, as assess refuses it
        return
    assessment = assess_record(record, as_of=as_of, policy=policy)
    deadlines = assessment.deadlines
    jaarverslag_atw = applied_policy(policy).jaarverslag_atw
    for item in timeline:
        if item.key in ("handling", "judgement_form"):
            assert item.due == (deadlines["handling"].date if "handling" in deadlines else None)
        elif item.key in ("acknowledgement", "first_contact", "house_handling"):
            assert item.due == deadlines[item.key].date == assessment.house_term_states[item.key][0].date
        elif item.key == "gck_filing_limit":
            assert item.due == deadlines["gck_filing_limit"].date
        elif item.key == "gck_direct_access":
            assert item.due == deadlines["handling"].date + DAY  # R20 (i), rules.handling.direct_access_opens
        elif item.key == "measure":
            seen = record.judgement
            assert seen is not None
            assert seen.measures is not None
            assert item.number is not None
            assert item.due == seen.measures[item.number - 1].due_date
        elif item.key == "meldplicht":
            signal = meldplicht_signal(record.complaint.signals)
            known = signal.known_date if signal is not None else None
            assert item.due == (consultation_last_day(known, 1) if known is not None else None)
        elif item.key == "annual_report":
            received = record.complaint.received_date
            assert received is not None
            due = report_due(received.year, written_complaints=1, jaarverslag_atw=jaarverslag_atw)
            assert item.due == due.last_day
            assert item.provisional is (FlagCode.PROVISIONAL_CALENDAR in due.flags)
        else:
            assert item.due is None, item.key
        if item.deadline is not None:
            assert item.provisional is item.deadline.provisional
            assert item.to_dict()["provisional"] is item.deadline.provisional
    for key in ("handling", "gck_filing_limit", "acknowledgement", "first_contact", "house_handling"):
        if key in deadlines and (
            key == "gck_filing_limit" or assessment.eligibility.outcome in ELIGIBLE_OUTCOMES
        ):
            assert timeline.by_key(key), key  # every duty the assessment dates is on the timeline


@settings(max_examples=250, deadline=None)
@given(
    record=records() | records(complaints=written_parent_complaints()),
    policy=st.none() | policies(strict_calendar=st.just(False)),
    days=st.integers(0, 120),
)
def test_nothing_out_of_scope_and_nothing_done_before_it_happened(
    record: RegisterRecord, policy: Policy | None, days: int
) -> None:
    """Out of scope (R1-R5): no handling, judgement, measure, Geschillencommissie or report item (a
    signal's duties stay: R28, R29). On as_of, what is dated after it has not happened: a judgement
    sent later has neither form nor measures yet, a measure done later is not done."""
    as_of = _as_of(record, days)
    try:
        timeline = obligations(
            record.complaint, as_of=as_of, policy=policy, judgement=record.judgement, filing=record.filing
        )
    except InvalidInputError:
        return
    assessment = assess_record(record, as_of=as_of, policy=policy)
    keys = {item.key for item in timeline}
    in_scope = assessment.eligibility.outcome in (
        *ELIGIBLE_OUTCOMES, Outcome.UNDETERMINED, Outcome.NEEDS_HUMAN_JUDGEMENT
    )  # fmt: skip
    if not in_scope:
        assert keys <= {"meldplicht", "meldcode", "oudercommissie_advice"}, (
            assessment.eligibility.outcome,
            keys,
        )
    judgement = record.judgement
    sent = judgement.sent_date if judgement is not None else None
    done = {ObligationStatus.DONE, ObligationStatus.DONE_LATE, ObligationStatus.NOT_MET}
    if sent is not None and sent > as_of:
        assert "measure" not in keys
        for item in timeline.by_key("judgement_form"):
            assert item.status not in done
    for item in timeline.by_key("measure"):
        assert judgement is not None
        assert judgement.measures is not None
        assert item.number is not None
        measure = judgement.measures[item.number - 1]
        if item.status in (ObligationStatus.DONE, ObligationStatus.DONE_LATE):
            assert measure.done_date is not None
            assert measure.done_date <= as_of
    for item in timeline.by_key("handling"):
        if assessment.handling.outcome in (Outcome.JUDGED_IN_TIME, Outcome.JUDGED_LATE):
            assert item.status in done  # met: never shown as still to do


def _complaint(**kw: Any) -> Complaint:
    facts: dict[str, Any] = {
        "id": "K-7",
        "received_on": D("2026-03-16"),
        "channel": "email",
        "complainant": Party(role="parent", name="Ouder Geheim"),
        "subjects": ("agreement",),
        "about": "organisation",
        "location": "Locatie Geheimstraat",
        "category": "Geheime categorie",
        "description": "Geheime klachttekst, met komma; puntkomma",
    }
    facts.update(kw)
    return Complaint(**facts)


def test_a_judgement_sent_after_as_of_has_no_form_or_measures_yet() -> None:
    """R6 e, f on 20 March: the judgement of 1 April (not written, a measure without a term) was
    not given yet, so nothing about it is 'done' or 'not met'; on 2 April it is (lid 2 e, f)."""
    judgement = Judgement(
        sent_on=D("2026-04-01"), written=False, reasoned=True, verdict="gegrond",
        measures=(Measure(has_concrete_term=False),),
    )  # fmt: skip
    before = obligations(_complaint(), as_of=D("2026-03-20"), judgement=judgement)
    assert _one(before, "judgement_form").status is ObligationStatus.DUE
    assert _one(before, "judgement_form").findings == ()
    assert before.by_key("measure") == ()
    after = obligations(_complaint(), as_of=D("2026-04-02"), judgement=judgement)
    assert _one(after, "judgement_form").status is ObligationStatus.NOT_MET
    assert _one(after, "measure").status is ObligationStatus.NOT_MET


def test_a_measure_is_done_on_its_amsterdam_day_and_not_before() -> None:
    """Lid 2 f: a measure due 15 May and carried out 20 May is due, then overdue, then done late;
    date-times count as their Europe/Amsterdam day (A22), as every other date does."""
    judgement = Judgement(
        sent_on=D("2026-04-01"), written=True, reasoned=True, verdict="gegrond",
        measures=(Measure(due_on=D("2026-05-15"), done_on=D("2026-05-20")),),
    )  # fmt: skip
    states = [
        _one(obligations(_complaint(), as_of=D(day), judgement=judgement), "measure").status
        for day in ("2026-05-07", "2026-05-16", "2026-05-20")
    ]
    assert states == [ObligationStatus.DUE, ObligationStatus.OVERDUE, ObligationStatus.DONE_LATE]
    utc = dt.UTC
    at_night = Judgement(
        sent_on=D("2026-04-01"), written=True, reasoned=True, verdict="gegrond",
        measures=(
            Measure(
                due_on=dt.datetime(2026, 5, 14, 22, 30, tzinfo=utc),  # 15 May, 00:30 in Amsterdam
                done_on=dt.datetime(2026, 5, 15, 21, 30, tzinfo=utc),  # 15 May, 23:30 in Amsterdam
            ),
        ),
    )  # fmt: skip
    timeline = obligations(_complaint(), as_of=D("2026-05-20"), judgement=at_night)
    item = _one(timeline, "measure")
    assert (item.due, item.status) == (D("2026-05-15"), ObligationStatus.DONE)
    assert json.loads(json.dumps(timeline.to_dict()))["items"]  # a date, never a date-time
    # A term stated but its day not recorded: lid 2 f is met, the measure is not thereby carried out.
    stated = attrs.evolve(judgement, measures=(Measure(has_concrete_term=True),))
    item = _one(obligations(_complaint(), as_of=D("2026-06-01"), judgement=stated), "measure")
    assert (item.status, item.missing) == (ObligationStatus.UNDETERMINED, ("measure.due_on",))


def test_a_provisional_day_says_so_in_json_text_and_calendar() -> None:
    """A2: received 1 December 2028, the six weeks end in 2029, whose decree is not known; the
    report over 2028 is due in 2029 too. Every output marks those days provisional with the reason."""
    icalendar = pytest.importorskip("icalendar")
    from klachtregels.ics import obligations_ics

    timeline = obligations(_complaint(received_on=D("2028-12-01")), as_of=D("2028-12-02"))
    provisional = {item.key for item in timeline if item.provisional}
    assert provisional == {"handling", "judgement_form", "gck_direct_access", "annual_report"}
    data = {i["key"]: i for i in timeline.to_dict()["items"]}
    assert data["handling"]["provisional"] is True
    assert data["handling"]["unverified_years"] == [2029]
    assert data["annual_report"]["provisional"] is True
    assert data["gck_filing_limit"]["provisional"] is False  # private twelve months: no Atw (R16, R17)
    for line in timeline.explain("en").splitlines()[1:]:
        assert line.endswith("[provisional]") is ("(twelve months)" not in line), line
    events = list(icalendar.Calendar.from_ical(obligations_ics(timeline, lang="en")).walk("VEVENT"))
    for event, item in zip(events, [i for i in timeline if i.due is not None], strict=True):
        assert str(event.get("summary")).endswith("[provisional]") is item.provisional
        assert ("Provisional (A2)" in str(event.get("description"))) is item.provisional
        if item.provisional:
            assert "2029" in str(event.get("description"))


# --- the calendar file: RFC 5545 ---------------------------------------------------------------------

_ESCAPED = re.compile(r"\\[\\;,nN]")


@settings(max_examples=150, deadline=None)
@given(
    record=records(),
    days=st.integers(0, 600),
    complaint_id=st.none() | st.text(min_size=1, max_size=120),
    lang=st.sampled_from(("nl", "en")),
)
def test_the_calendar_file_is_rfc_5545(
    record: RegisterRecord, days: int, complaint_id: str | None, lang: str
) -> None:
    """CRLF line ends only; no line over 75 octets and no fold inside a UTF-8 character (3.1); TEXT
    with ',' ';' '\\' and line breaks escaped (3.3.11); all-day events as VALUE=DATE (3.3.4); one UID
    per event; the id shown only in the calendar's name, on one line."""
    icalendar = pytest.importorskip("icalendar")
    from klachtregels.ics import obligations_ics

    try:
        complaint = attrs.evolve(record.complaint, id=complaint_id)
        timeline = obligations(
            complaint, as_of=_as_of(record, days), judgement=record.judgement, filing=record.filing
        )
    except InvalidInputError:
        return
    text = obligations_ics(timeline, lang=lang)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a character
    for line in re.sub(r"\r\n[ \t]", "", text).split("\r\n"):
        name, _, value = line.partition(":")
        assert not any(ord(c) < 32 and c != "\t" for c in line)
        if name.split(";")[0] in ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME"):
            bare = _ESCAPED.sub("", value)
            assert not re.search(r"[;,\\]", bare), line
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    dated = [item for item in timeline if item.due is not None]
    assert len(events) == len(dated)
    assert len({str(e.get("uid")) for e in events}) == len(events)
    for event, item in zip(events, dated, strict=True):
        assert event.get("dtstart").params.get("VALUE") == "DATE"
        assert event.decoded("dtstart") == item.due


def test_the_calendar_file_holds_no_complaint_text_and_keeps_its_uids() -> None:
    """Only what the user asked for: the complaint id (in the calendar's name and hashed in the UIDs),
    the duties and their basis; never the description, a name, the location or a measure's text."""
    pytest.importorskip("icalendar")
    from klachtregels.ics import obligations_ics

    judgement = Judgement(
        sent_on=D("2026-04-01"), written=True, reasoned=True, verdict="gegrond",
        measures=(Measure(description="Geheime maatregel", due_on=D("2026-05-15")),),
    )  # fmt: skip
    first = obligations_ics(obligations(_complaint(), as_of=D("2026-04-02"), judgement=judgement))
    later = obligations_ics(obligations(_complaint(), as_of=D("2026-06-01"), judgement=judgement))
    for secret in ("Geheim", "geheim"):
        assert secret not in first
    assert "K-7" in re.sub(r"\r\n ", "", first).split("X-WR-CALNAME:", 1)[1].split("\r\n", 1)[0]
    assert re.findall(r"UID:(\S+)", first) == re.findall(r"UID:(\S+)", later)  # a re-export updates


def test_timeline_and_calendar_do_no_date_arithmetic() -> None:
    """The timeline reads its days from the decisions and rules (docs/architecture.md): no timedelta,
    working-day count or month step of its own. The calendar file's one day span (DTEND, the day
    after an all-day event, RFC 5545 3.6.1) is its only timedelta."""
    for name, allowed in (("timeline.py", 0), ("ics.py", 2)):
        tree = ast.parse((SRC / name).read_text(encoding="utf-8"))
        used = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute | ast.Name)
            and (node.attr if isinstance(node, ast.Attribute) else node.id)
            in ("timedelta", "add_working_days", "relativedelta", "working_days_between", "add_months")
        ]
        assert len(used) == allowed, name
