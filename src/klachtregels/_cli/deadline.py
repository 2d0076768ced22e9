"""``klachtregels deadline`` and ``klachtregels calendar``: legal deadlines and the ATW calendar.

``deadline DATE`` gives the six-week handling deadline of Wko art. 1.57b lid 2 sub d (statutory,
ATW applied). ``--term`` counts another term instead; it is treated as statutory too (the ATW
applies where art. 4 allows) unless ``--private`` says it comes from a contract or house rule.
``calendar YEAR`` lists the ATW non-working weekdays of a year and whether its decree data is
verified.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from klachtregels._cli._options import (
    DATE_HELP,
    add_format,
    add_lang,
    argument_error,
    parse_day,
    read_whole_number,
)

if TYPE_CHECKING:
    import argparse
    import datetime as dt

ORDER = 10


def _parse_date(text: str, argument: str) -> dt.date:
    return parse_day(text, argument)


def _parse_year(text: str) -> int:
    year = read_whole_number(text)
    if year is None:
        raise argument_error("YEAR", "not a year")
    if not 1 <= year <= 9998:
        raise argument_error("YEAR", "out of range (1-9998)")
    return year


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _deadline(args: argparse.Namespace) -> int:
    from klachtregels.terms import deadline, handling_deadline  # lazy: keeps --help fast

    start = _parse_date(args.date, "DATE")
    try:
        result = _compute(args, start, deadline, handling_deadline)
    except OverflowError:
        # The term runs past the ends of the calendar (year 1 or 9999), backwards or forwards.
        problem = "this term from this day runs past the calendar (years 1-9999)"
        raise argument_error("DATE", problem) from None
    if args.format == "json":
        _print_json(result.to_dict())
    else:
        print(result.explain(args.lang))
    return 0


def _compute(args: argparse.Namespace, start: dt.date, deadline: Any, handling_deadline: Any) -> Any:
    if args.term is None:
        if args.private:
            raise argument_error(
                "--private", "the handling term is statutory (Wko art. 1.57b); use --private with --term"
            )
        result = handling_deadline(start, include_equated_days=not args.no_equated_days, strict=args.strict)
    else:
        result = deadline(
            start,
            args.term,
            statutory=not args.private,
            include_equated_days=not args.no_equated_days,
            strict=args.strict,
        )
    return result


def _calendar(args: argparse.Namespace) -> int:
    from klachtregels.calendar import equated_days_status, non_working_days

    year = _parse_year(args.year)
    include_eq = not args.no_equated_days
    days = [d for d in non_working_days(year, include_equated_days=include_eq) if d.date.weekday() < 5]
    status = equated_days_status(year)
    if args.format == "json":
        _print_json(
            {
                "schema": "klachtregels.calendar",
                "schema_version": 1,
                "year": year,
                "include_equated_days": include_eq,
                "decree": {
                    "verified": status.verified,
                    "decree": status.decree,
                    "source": status.source,
                    "note": status.note,
                },
                "non_working_weekdays": [d.to_dict() for d in days],
            }
        )
        return 0
    _print_calendar(args.lang, year, days, status, include_eq)
    return 0


def _print_calendar(lang: str, year: int, days: list[Any], status: Any, include_eq: bool) -> None:
    """The text form of ``klachtregels calendar``: one line per day, then the decree verdict (A2)."""
    from klachtregels import messages

    print(messages.text("ATW_CALENDAR_TITLE", lang, year=year))
    for day in days:
        basis = "; ".join(c.label(lang) for c in day.basis)
        mark = "" if day.verified else messages.text("ATW_CALENDAR_NOT_VERIFIED", lang)
        decree = f" - {day.decree}" if day.decree else ""
        print(f"  {messages.format_date(day.date, lang):<28} {day.name(lang)} ({basis}{decree}){mark}")
    if not include_eq:
        print(messages.text("ATW_CALENDAR_WITHOUT_EQUATED", lang))
    elif status.verified:
        print(messages.text("ATW_CALENDAR_DECREE_VERIFIED", lang, year=year, decree=status.decree))
    else:
        print(messages.text("ATW_CALENDAR_DECREE_UNVERIFIED", lang, year=year))


def register(subparsers: Any) -> None:
    """Add the ``deadline`` and ``calendar`` sub-commands."""
    p = subparsers.add_parser(
        "deadline",
        help="the handling deadline (6 weeks, Wko art. 1.57b) or another term, with reasons",
        description=(
            "Print the last day of a term counted from DATE (day 0, not counted), with the reasons. "
            "Without --term: the six-week handling term of Wko art. 1.57b lid 2 sub d. A --term is "
            "treated as statutory (the Algemene termijnenwet applies where art. 4 allows) unless "
            "--private is given."
        ),
    )
    p.add_argument(
        "date", metavar="DATE", help=f"day 0: the day the written complaint was received: {DATE_HELP}"
    )
    p.add_argument("--term", help='another term: "2 working days", "2 maanden", "3 dagen", ...')
    p.add_argument("--private", action="store_true", help="the --term is not statutory: no ATW (R17)")
    p.add_argument(
        "--no-equated-days",
        action="store_true",
        help="ignore days equated by Royal Decree (Atw art. 3 lid 3)",
    )
    p.add_argument("--strict", action="store_true", help="fail (exit 2) instead of a provisional answer (A2)")
    add_lang(p, "the explanation")
    add_format(p, "the deadline (JSON: klachtregels.deadline, schema v1)")
    p.set_defaults(handler=_deadline)

    c = subparsers.add_parser(
        "calendar",
        help="the ATW non-working weekdays of a year, with their basis",
        description=(
            "List the weekdays of YEAR that are not working days under the Algemene termijnenwet "
            "(art. 3: holidays, Goede Vrijdag, days equated by Royal Decree), and whether the "
            "year's decree data is verified."
        ),
    )
    c.add_argument("year", metavar="YEAR", help="the year, e.g. 2026")
    c.add_argument("--no-equated-days", action="store_true", help="leave out days equated by Royal Decree")
    add_lang(c, "the calendar")
    add_format(c, "the calendar (JSON: klachtregels.calendar, schema v1)")
    c.set_defaults(handler=_calendar)
