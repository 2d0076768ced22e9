"""``klachtregels report``: the annual complaint report (klachtenverslag; Wko art. 1.57b lid 4-9, R9).

Two documents from one computation: the report to publish (``--output``, standard output) and the
provider's review notes (``--review-notes FILE``; :mod:`klachtregels.report.notes`). ``--publish``
refuses (exit 1, the reasons on standard error, nothing written to ``--output``) while an item
that blocks publication is open; ``--accept KIND`` accepts a kind after checking it.

``--year`` declares REGISTER to be that year's register: records without a receipt date are
counted in it (and shown as such in the data-quality section). Records dated in another year are
left out and listed. Pass ``--mixed-register`` when the register spans years: undated records are
then left out and listed instead.

A reader of standard output that goes away (``| head``) ends the report's output only: the review
notes are still written and the exit code is unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klachtregels._cli._config import add_config, config_input
from klachtregels._cli._options import (
    COMMAND_LINE,
    add_lang,
    add_register_reading,
    applicable_policy,
    argument_error,
    name_or_file,
    named,
    output_file,
    policy_file,
    read_whole_number,
    refuse_overwrites,
    source_name,
    standard_output,
    whole_number,
)
from klachtregels._io import atomic_writer, one_line

if TYPE_CHECKING:
    import argparse

    from klachtregels.report import AnnualReport, ReviewItem

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
    _input_arguments(p)
    _output_arguments(p)
    p.set_defaults(lang=None)  # from the configuration, else nl
    add_config(p, _CONFIG_KEYS, {"lang": "nl"})
    p.set_defaults(handler=_run)


def _input_arguments(p: argparse.ArgumentParser) -> None:
    """The ``report`` arguments that say what is read: the register, its year, organisation, policy,
    mapping and format, the Geschillencommissie cases, the children served and the previous year."""
    p.add_argument(
        "register_path",
        metavar="REGISTER",
        help="the complaint register (CSV, JSON Lines, JSON or .xlsx; - reads standard input)",
    )
    p.add_argument(
        "--year",
        type=whole_number,
        required=True,
        help="the report year; declares REGISTER that year's register",
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
        default=None,
        help=(
            "the register's format where its name does not say it: standard input (-), csv unless "
            "given, or a file without a known extension (a given format wins over the extension)"
        ),
    )
    gck = p.add_mutually_exclusive_group()
    gck.add_argument("--geschillen", metavar="FILE", help="Geschillencommissie cases file")
    gck.add_argument(
        "--no-geschillen",
        action="store_true",
        help="there were no disputes before the Geschillencommissie in the year (lid 4 d says so)",
    )
    p.add_argument("--geschillen-mapping", metavar="MAP", help="column mapping for --geschillen")
    p.add_argument(
        "--children", type=whole_number, metavar="N", help="children served in the year (overrides --org)"
    )
    p.add_argument(
        "--previous",
        metavar="N|FILE",
        help=(
            "the previous year: a total number of complaints, a figures file (.toml: total, categories, "
            "locations, gck_disputes, children_served), or its register (read with --mapping)"
        ),
    )


def _output_arguments(p: argparse.ArgumentParser) -> None:
    """The ``report`` arguments that say what is written, and how: format, review notes, publication,
    language, descriptions, suppression, measure keywords, A16 and the output file."""
    p.add_argument(
        "--format",
        choices=("md", "html", "json", "pdf"),
        default="md",
        help="output format (default md); pdf needs the pdf extra and --output",
    )
    p.add_argument(
        "--review-notes",
        metavar="FILE",
        help="write the review notes (not for publication) to FILE: .md, .html or .json",
    )
    p.add_argument(
        "--publish",
        action="store_true",
        help="refuse (exit 1, nothing written to --output) while an item blocks publication",
    )
    p.add_argument(
        "--accept",
        dest="accept_review",  # args.accept is the configuration's accepted findings
        action="append",
        default=[],
        metavar="KIND",
        help="after checking them, accept the review items of KIND (a kind that blocks publication, "
        "e.g. personal_data_in_location) so they no longer block --publish (repeatable; the notes say so)",
    )
    add_lang(p, "the report and the status line")
    p.add_argument(
        "--include-descriptions",
        action="store_true",
        help="include complaint descriptions and solutions, redacted (review before publishing, lid 5)",
    )
    p.add_argument(
        "--suppress-below",
        type=whole_number,
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
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of standard output (-: standard output)",
    )


def _previous_count(given: str) -> int | None:
    """``--previous`` as last year's number of complaints, or ``None`` when it names a file."""
    count = read_whole_number(given)
    return count if count is not None and count >= 0 else None


def _previous(args: argparse.Namespace) -> int | Any:
    """``--previous``: a total number of complaints, a figures file (``.toml``: last year's published
    figures, :mod:`klachtregels.report.previous`), or a reader over the previous year's register
    (read once, as the report is computed; never kept whole, never echoed)."""
    from klachtregels.register import read_register

    if args.previous is None:
        return None
    given = str(args.previous).strip()
    count = _previous_count(given)
    if count is not None:
        return count
    if Path(given).is_file() and Path(given).suffix.lower() == ".toml":
        from klachtregels.report.previous import load_previous_figures

        return load_previous_figures(given, year=args.year)
    if Path(given).is_file():
        return named(given, read_register)(
            given, mapping=args.mapping, encoding=args.encoding, delimiter=args.delimiter
        )
    problem = "is neither a number, a figures file (.toml) nor a readable register file"
    raise argument_error("--previous", problem)


#: Review items of one kind printed in full; the rest are counted (all are in the review notes).
_REVIEW_SHOWN = 5


def _print_review(items: tuple[ReviewItem, ...], year: int, lang: str, *, refused: bool) -> None:
    """The review items that block publication on standard error (never in the report), then one
    line with the counts. ``refused``: ``--publish`` stops because of them."""
    from klachtregels.messages import text

    blocking = [i for i in items if i.open]
    if blocking:
        head = "REVIEW_STATUS_BLOCKED" if refused else "REVIEW_SECTION_BLOCKING"
        print(f"klachtregels: {text(head, lang, n=len(blocking))}:", file=sys.stderr)
    for kind in dict.fromkeys(i.kind for i in blocking):
        of_kind = [i for i in blocking if i.kind is kind]
        for item in of_kind[:_REVIEW_SHOWN]:
            print(f"  - {item.message(lang, year)} {item.fix(lang)}", file=sys.stderr)
        if len(of_kind) > _REVIEW_SHOWN:
            print(f"  {text('REPORT_REVIEW_MORE', lang, n=len(of_kind) - _REVIEW_SHOWN)}", file=sys.stderr)
    check = sum(1 for i in items if not i.blocking)
    summary = text("REVIEW_STATUS_SUMMARY", lang, blocking=len(blocking), check=check)
    print(f"klachtregels: {summary}", file=sys.stderr)


def _review_format(path: str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    formats = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json"}
    if suffix not in formats:
        raise argument_error("--review-notes", "must end in .md, .html or .json")
    return formats[suffix]


def _write_review(report: AnnualReport, args: argparse.Namespace) -> None:
    """``--review-notes FILE``: the review notes, in the format its suffix names."""
    from klachtregels.messages import text
    from klachtregels.report import write_review

    fmt = _review_format(args.review_notes)
    with atomic_writer(args.review_notes) as stream:
        write_review(report, stream, fmt, args.lang, args.accept_review)
    wrote = text("REVIEW_STATUS_WROTE", args.lang, output=args.review_notes)
    print(f"klachtregels: {one_line(wrote)}", file=sys.stderr)  # a line break in the name: one line still


def _write_output(report: AnnualReport, args: argparse.Namespace) -> None:
    """The published report to ``--output`` or standard output (pdf: to ``--output`` only)."""
    from klachtregels.report import write_report

    if args.format == "pdf":
        from klachtregels.report.render_pdf import render_pdf

        data = render_pdf(report, args.lang)
        with atomic_writer(args.output, binary=True) as raw:
            raw.write(data)
    elif args.output:
        with atomic_writer(args.output) as stream:
            write_report(report, stream, args.format, args.lang)
    else:  # a reader that goes away (| head) ends this output only: the review notes still follow
        with standard_output() as stream:
            write_report(report, stream, args.format, args.lang)


def _check_arguments(args: argparse.Namespace) -> None:
    """What the command line alone can get wrong, reported before any file is read."""
    from klachtregels.report.compute import report_year_problem
    from klachtregels.report.notes import accepted_kinds

    year = report_year_problem(args.year)
    if year is not None:  # the library's own check and text, named as the option that gave it
        raise argument_error("--year", year)
    if args.children is not None and args.children < 0:
        raise argument_error("--children", "must be 0 or more")
    args.output = output_file(args.output)  # -o -: standard output, as no --output
    if args.format == "pdf" and not args.output:
        raise argument_error("--format", "pdf needs --output FILE (a file, not standard output)")
    if args.review_notes:
        _review_format(args.review_notes)  # a wrong suffix is an error before any work
    _refuse_overwrites(args)
    # Only kinds that block publication; checked here, not by argparse choices, so that building
    # the parser does not import the report package.
    accepted_kinds(args.accept_review, source=COMMAND_LINE, field="--accept")


def _refuse_overwrites(args: argparse.Namespace) -> None:
    """``--output`` and ``--review-notes`` go to two files, neither of them an input of the run."""
    previous = args.previous
    inputs = [
        ("REGISTER", None if args.register_path == "-" else args.register_path),
        ("--org", args.org),
        ("--policy", policy_file(args.policy)),
        ("--mapping", name_or_file(args.mapping)),
        ("--geschillen", args.geschillen),
        ("--geschillen-mapping", name_or_file(args.geschillen_mapping)),
        ("--previous", None if previous is None or _previous_count(str(previous)) is not None else previous),
        ("--measure-keywords", args.measure_keywords),
        config_input(args),
    ]
    refuse_overwrites([("--output", args.output), ("--review-notes", args.review_notes)], inputs)


def _finish(report: AnnualReport, args: argparse.Namespace) -> int:
    """Write the report (unless ``--publish`` refuses), the review notes and the status lines."""
    from klachtregels.messages import text
    from klachtregels.report import review_items
    from klachtregels.report._text import due_lines, due_outcome
    from klachtregels.rules.annual_report import DueOutcome

    items = review_items(report, args.accept_review)
    refused = args.publish and any(i.open for i in items)
    if report.due.outcome is DueOutcome.OUT_OF_TEMPORAL_SCOPE:  # a year before 2016 (R1): say so
        for line in due_lines(report.due, args.lang):
            print(f"klachtregels: {line}", file=sys.stderr)
    if not refused:  # the report first: a file that cannot be written is the one error shown
        _write_output(report, args)
    _print_review(items, args.year, args.lang, refused=refused)
    if args.review_notes:
        _write_review(report, args)
    elif items:
        print(f"klachtregels: {text('REVIEW_STATUS_HINT', args.lang)}", file=sys.stderr)
    if refused:
        return 1
    if args.output:
        status = text(
            "REPORT_CLI_WROTE",
            args.lang,
            output=args.output,
            complaints=report.total.total,
            year=args.year,
            rejected=report.data_quality.rows_rejected,
            due=due_outcome(report.due, args.lang),
        )
        print(one_line(status), file=sys.stderr)  # the file's name may hold a line break
    return 0


def _run(args: argparse.Namespace) -> int:
    from klachtregels.organisation import load_organisation
    from klachtregels.register import read_gck_cases, read_register
    from klachtregels.report import build_report

    _check_arguments(args)
    undated = not args.mixed_register
    organisation = load_organisation(args.org) if args.org else None
    from_stdin = args.register_path == "-"
    records = named(source_name(args.register_path), read_register)(
        sys.stdin.buffer if from_stdin else args.register_path,
        format=(args.input_format or "csv") if from_stdin else args.input_format,
        mapping=args.mapping,
        encoding=args.encoding,
        delimiter=args.delimiter,
    )
    gck = (
        named(args.geschillen, read_gck_cases)(args.geschillen, mapping=args.geschillen_mapping)
        if args.geschillen
        else (() if args.no_geschillen else None)
    )

    previous = _previous(args)
    policy = applicable_policy(args.policy)
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
    summary = getattr(previous, "summary", None)
    if summary is not None:
        # The previous year's rejected rows are counted, not dropped without a word (stderr:
        # the published report only carries the previous total).
        print(f"--previous: {summary.accounting(args.lang)}", file=sys.stderr)
    return _finish(report, args)
