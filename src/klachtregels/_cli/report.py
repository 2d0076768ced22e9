"""``klachtregels report``: the annual complaint report (klachtenverslag; Wko art. 1.57b lid 4-9, R9).

``--year`` declares REGISTER to be that year's register: records without a receipt date are
counted in it (and shown as such in the data-quality section). Records dated in another year are
left out and listed. Pass ``--mixed-register`` when the register spans years: undated records are
then left out and listed instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klachtregels._cli._config import add_config
from klachtregels._cli._options import add_lang, add_register_reading, named
from klachtregels._io import atomic_writer
from klachtregels.errors import InvalidInputError
from klachtregels.policy import load_policy

if TYPE_CHECKING:
    import argparse

    from klachtregels.report import AnnualReport

ORDER = 60
#: Flags the configuration can set (klachtregels.config), by argument name -> configuration key.
_CONFIG_KEYS = {
    "org": "organisation",
    "policy": "policy",
    "mapping": "mapping",
    "lang": "lang",
    "encoding": "encoding",
    "delimiter": "delimiter",
}

__all__ = ["ORDER", "register"]


def register(subparsers: Any) -> None:
    """Add the ``report`` sub-command."""
    p = subparsers.add_parser(
        "report",
        help="write the annual complaint report (klachtenverslag, Wko 1.57b lid 4-9)",
        description=(
            "Write the annual complaint report over one year from a complaint register: per location "
            "and organisation the number and nature of complaints, the tenor of the judgements and the "
            "measures, Geschillencommissie disputes, when it is due (R9, A16), and a data-quality section. "
            "Counts and categories only, unless --include-descriptions (then redacted, lid 5-6)."
        ),
    )
    p.add_argument(
        "register_path",
        metavar="REGISTER",
        help="the complaint register (CSV, JSON Lines, JSON or .xlsx; - reads standard input)",
    )
    p.add_argument(
        "--year", type=int, required=True, help="the report year; declares REGISTER that year's register"
    )
    p.add_argument(
        "--mixed-register",
        action="store_true",
        help="REGISTER spans several years: leave records without a receipt date out (they are listed)",
    )
    p.add_argument("--org", metavar="ORG.toml", help="the organisation file (see docs/report.md)")
    p.add_argument(
        "--policy",
        metavar="NAME|FILE",
        help="the organisation's policy: which records are complaints (A8) and jaarverslag_atw (A16); "
        "default statutory",
    )
    p.add_argument(
        "--mapping", metavar="MAP", help="column mapping for REGISTER: a TOML file or built-in name"
    )
    add_register_reading(p)
    p.add_argument(
        "--input-format",
        choices=("csv", "jsonl", "json"),
        default="csv",
        help="the format of a register read from standard input (-) (default csv)",
    )
    p.add_argument("--geschillen", metavar="FILE", help="Geschillencommissie cases file")
    p.add_argument("--geschillen-mapping", metavar="MAP", help="column mapping for --geschillen")
    p.add_argument("--children", type=int, metavar="N", help="children served in the year (overrides --org)")
    p.add_argument(
        "--previous",
        metavar="N|FILE",
        help=(
            "the previous year: a total number of complaints, a figures file (.toml: total, categories, "
            "locations, gck_disputes, children_served), or its register (read with --mapping)"
        ),
    )
    p.add_argument(
        "--format", choices=("md", "html", "json"), default="md", help="output format (default md)"
    )
    add_lang(p, "the report and the status line")
    p.add_argument(
        "--include-descriptions",
        action="store_true",
        help="include complaint descriptions and solutions, redacted (review before publishing, lid 5)",
    )
    p.add_argument(
        "--suppress-below",
        type=int,
        metavar="K",
        help="per location, leave out the split by verdict and category where it has fewer than K "
        "complaints (and where the totals would give it away); the number per location stays (lid 4-5)",
    )
    p.add_argument(
        "--measure-keywords",
        metavar="FILE",
        help="classify the nature of the measures with the keywords in FILE (TOML, the shape of the "
        "shipped report/data/measure_categories.toml); used only when the register has no measure_category",
    )
    p.add_argument(
        "--atw-fixed-dates",
        action="store_true",
        help="apply the Algemene termijnenwet to the fixed date 'before 1 June' (A16 jaarverslag_atw)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(lang=None)  # from the configuration, else nl
    add_config(p, _CONFIG_KEYS, {"lang": "nl"})
    p.set_defaults(handler=_run)


def _previous(args: argparse.Namespace) -> int | Any:
    """``--previous``: a total number of complaints, a figures file (``.toml``: last year's published
    figures, :mod:`klachtregels.report.previous`), or a reader over the previous year's register
    (read once, as the report is computed; never kept whole, never echoed)."""
    from klachtregels.register import read_register

    if args.previous is None:
        return None
    given = str(args.previous).strip()
    if given.isdigit():
        return int(given)
    if Path(given).is_file() and Path(given).suffix.lower() == ".toml":
        from klachtregels.report.previous import load_previous_figures

        return load_previous_figures(given, year=args.year)
    if Path(given).is_file():
        return named(given, read_register)(
            given, mapping=args.mapping, encoding=args.encoding, delimiter=args.delimiter
        )
    raise InvalidInputError(
        "command line",
        [("--previous", "is neither a number, a figures file (.toml) nor a readable register file")],
    )


#: Review notes of one kind printed in full; the rest are counted (all are in the JSON's ``review``).
_REVIEW_SHOWN = 5


def _print_review(report: AnnualReport, lang: str) -> None:
    """The review notes on standard error, never in the report: cells that could identify a person."""
    from klachtregels.messages import text

    notes = report.review.reidentification
    if not notes:
        return
    print(f"klachtregels: {text('REPORT_REVIEW_NOTE', lang)}:", file=sys.stderr)
    for kind in dict.fromkeys(n.kind for n in notes):
        of_kind = [n for n in notes if n.kind is kind]
        for note in of_kind[:_REVIEW_SHOWN]:
            print(f"  - {note.message(lang)}", file=sys.stderr)
        if len(of_kind) > _REVIEW_SHOWN:
            print(f"  {text('REPORT_REVIEW_MORE', lang, n=len(of_kind) - _REVIEW_SHOWN)}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from klachtregels.messages import text
    from klachtregels.organisation import load_organisation
    from klachtregels.register import read_gck_cases, read_register
    from klachtregels.report import build_report, write_report
    from klachtregels.report._text import due_outcome

    if args.children is not None and args.children < 0:
        raise InvalidInputError("command line", [("--children", "must be 0 or more")])
    undated = not args.mixed_register
    organisation = load_organisation(args.org) if args.org else None
    from_stdin = args.register_path == "-"
    records = named(args.register_path, read_register)(
        sys.stdin.buffer if from_stdin else args.register_path,
        format=args.input_format if from_stdin else None,
        mapping=args.mapping,
        encoding=args.encoding,
        delimiter=args.delimiter,
    )
    gck = (
        named(args.geschillen, read_gck_cases)(args.geschillen, mapping=args.geschillen_mapping)
        if args.geschillen
        else None
    )

    previous = _previous(args)
    policy = load_policy(args.policy)
    report = build_report(
        records,
        policy=policy,
        year=args.year,
        organisation=organisation,
        gck_cases=gck,
        undated_in_year=undated,
        children_served=args.children,
        previous=previous,
        jaarverslag_atw=args.atw_fixed_dates or policy.jaarverslag_atw,
        include_descriptions=args.include_descriptions,
        suppress_below=args.suppress_below,
        lang=args.lang,
        measure_keywords=args.measure_keywords,
    )
    _print_review(report, args.lang)
    summary = getattr(previous, "summary", None)
    if summary is not None:
        # The previous year's rejected rows are counted, not dropped without a word (stderr:
        # the published report only carries the previous total).
        print(f"--previous: {summary.accounting(args.lang)}", file=sys.stderr)
    if args.output:
        with atomic_writer(args.output) as stream:
            write_report(report, stream, args.format, args.lang)
        status = text(
            "REPORT_CLI_WROTE",
            args.lang,
            output=args.output,
            complaints=report.total.total,
            year=args.year,
            rejected=report.data_quality.rows_rejected,
            due=due_outcome(report.due, args.lang),
        )
        print(status, file=sys.stderr)
    else:
        write_report(report, sys.stdout, args.format, args.lang)
    return 0
