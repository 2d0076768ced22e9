"""The review notes: the annual report's second document, for the provider and never published.

One computation (:func:`klachtregels.report.build_report`) gives one :class:`AnnualReport`; two
documents are drawn from it. The published report (:func:`klachtregels.report.render`) holds what
Wko art. 1.57b lid 4-9 asks for, in plain words and with articles as its only references. These
notes hold everything the provider must see first: what blocks publication, when and how to send
it (lid 8; R9, A16), cells that could identify a person (lid 5-6), open legal points and
verification flags, the accounting for every row read, and the sources.

Each point is a :class:`ReviewItem`, a projection of the report's own figures (the data-quality
counts, the review warnings, the due date): nothing is computed twice. An item *blocks*
publication when the published report would be incomplete or could identify someone
(:data:`BLOCKING`); ``klachtregels report --publish`` refuses to write the report while a blocking
item is open. A blocking item is closed by fixing the input, or, after checking it, by accepting
its kind (``--accept KIND``; ``accept=`` here): the notes then say it was accepted.

Decided here: a blocking item is one that makes the published report miss something lid 4 asks for
(a location, the regulation, how parents were told, the disputes), rest on rows that could not be
read, or risk lid 5-6 (personal data in a shown name, street-like names with an unknown kind of
provider, redacted free text). Everything else (unknown verdicts, possible duplicates, similar
names, single-complaint locations, ...) is to check, not blocking: the report states it truthfully.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels._io import markdown_text, printable, valid_unicode
from klachtregels.errors import ArgumentTypeError, InvalidInputError
from klachtregels.messages import check_lang, text
from klachtregels.report._layout import page
from klachtregels.report._text import (
    cite_range,
    due_lines,
    flag_text,
    fmt_int,
    quality_lines,
    rows_list,
    source_list,
    title,
)
from klachtregels.report.model import ReviewKind
from klachtregels.report.sections import REVIEW_ORDER, ReviewSection, several_organisations
from klachtregels.rules.annual_report import DueOutcome

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping
    from typing import IO

    from klachtregels.report.model import AnnualReport, ReidentificationWarning

__all__ = [
    "BLOCKING",
    "REVIEW_SCHEMA",
    "REVIEW_SCHEMA_VERSION",
    "ReviewItem",
    "ReviewItemKind",
    "accepted_kinds",
    "open_blockers",
    "render_review",
    "review_items",
    "review_summary",
    "review_to_dict",
    "write_review",
]

REVIEW_SCHEMA: Final = "klachtregels.annual-report-review"
REVIEW_SCHEMA_VERSION: Final = 1


class ReviewItemKind(enum.StrEnum):
    """What a review point is about; the value is the name ``--accept`` takes."""

    ROWS_REJECTED = "rows_rejected"
    GCK_ROWS_REJECTED = "gck_rows_rejected"
    ROWS_NOT_ACCOUNTED = "rows_not_accounted"
    NO_LOCATION = "no_location"
    REGULATION_NOT_GIVEN = "regulation_not_given"
    HOW_INFORMED_NOT_GIVEN = "how_informed_not_given"
    GCK_NOT_GIVEN = "gck_not_given"
    PERSONAL_DATA_IN_CATEGORY = ReviewKind.PERSONAL_DATA_IN_CATEGORY.value
    PERSONAL_DATA_IN_LOCATION = ReviewKind.PERSONAL_DATA_IN_LOCATION.value
    PERSONAL_DATA_IN_SUBJECT = ReviewKind.PERSONAL_DATA_IN_SUBJECT.value
    ADDRESS_UNCHECKED = "address_unchecked"
    DESCRIPTIONS_INCLUDED = "descriptions_included"
    SINGLE_COMPLAINT_LOCATION = ReviewKind.SINGLE_COMPLAINT_LOCATION.value
    NO_VERDICT = "no_verdict"
    NO_CATEGORY = "no_category"
    NO_ORGANISATION = "no_organisation"
    POSSIBLE_DUPLICATES = "possible_duplicates"
    SIMILAR_LOCATIONS = "similar_locations"
    OUTSIDE_YEAR = "outside_year"
    UNDATED_INCLUDED = "undated_included"
    UNDATED_EXCLUDED = "undated_excluded"
    NOT_COMPLAINTS = "not_complaints"
    CHANNEL_UNKNOWN = "channel_unknown"
    MEASURES_UNCLASSIFIED = "measures_unclassified"
    PSEUDONYMISED = "pseudonymised"


#: The kinds that block publication (see the module docstring for why these).
BLOCKING: Final = frozenset(
    {
        ReviewItemKind.ROWS_REJECTED,
        ReviewItemKind.GCK_ROWS_REJECTED,
        ReviewItemKind.ROWS_NOT_ACCOUNTED,
        ReviewItemKind.NO_LOCATION,
        ReviewItemKind.REGULATION_NOT_GIVEN,
        ReviewItemKind.HOW_INFORMED_NOT_GIVEN,
        ReviewItemKind.GCK_NOT_GIVEN,
        ReviewItemKind.PERSONAL_DATA_IN_CATEGORY,
        ReviewItemKind.PERSONAL_DATA_IN_LOCATION,
        ReviewItemKind.PERSONAL_DATA_IN_SUBJECT,
        ReviewItemKind.ADDRESS_UNCHECKED,
        ReviewItemKind.DESCRIPTIONS_INCLUDED,
    }
)


@attrs.frozen(kw_only=True)
class ReviewItem:
    """One point for the provider: what was found, how many, which rows; never a cell's text."""

    kind: ReviewItemKind
    #: How many complaints, rows, groups or names it concerns.
    count: int
    #: Row numbers in the file named by ``source`` (the header is row 1), where they help.
    rows: tuple[int | None, ...] = ()
    #: ``register``, ``geschillen`` or ``previous``.
    source: str = "register"
    #: For a re-identification warning: its own message (it names the kind of data found).
    warning: ReidentificationWarning | None = None
    #: The user accepted this kind after checking it (``--accept``).
    accepted: bool = False

    @property
    def blocking(self) -> bool:
        """Whether this kind blocks publication (accepted or not)."""
        return self.kind in BLOCKING

    @property
    def open(self) -> bool:
        """Blocking and not accepted: ``--publish`` refuses while one is open."""
        return self.blocking and not self.accepted

    def message(self, lang: str = "nl", year: int | None = None) -> str:
        """What was found, in ``lang``."""
        if self.warning is not None:
            return self.warning.message(lang)
        return text(f"REVIEW_ITEM_{self.kind.name}", lang, n=fmt_int(self.count, lang), year=year or "")

    def fix(self, lang: str = "nl") -> str:
        """What to do about it, in ``lang``."""
        return text(f"REVIEW_FIX_{self.kind.name}", lang)


def _counted(
    kind: ReviewItemKind, rows: tuple[int | None, ...], source: str = "register"
) -> list[ReviewItem]:
    return [ReviewItem(kind=kind, count=len(rows), rows=rows, source=source)] if rows else []


def _number(kind: ReviewItemKind, n: int) -> list[ReviewItem]:
    return [ReviewItem(kind=kind, count=n)] if n else []


def _blocking_items(report: AnnualReport) -> list[ReviewItem]:
    """Items that block publication, in the order they are listed."""
    dq, org = report.data_quality, report.organisation
    items = _counted(ReviewItemKind.ROWS_REJECTED, tuple(x.row for x in dq.rejected))
    items += _counted(ReviewItemKind.GCK_ROWS_REJECTED, tuple(x.row for x in dq.gck_rejected), "geschillen")
    if not dq.accounted:
        items.append(ReviewItem(kind=ReviewItemKind.ROWS_NOT_ACCOUNTED, count=dq.rows_read))
    items += _counted(ReviewItemKind.NO_LOCATION, dq.no_location)
    if org is None or not org.regulation.description:
        items.append(ReviewItem(kind=ReviewItemKind.REGULATION_NOT_GIVEN, count=1))
    if org is None or not org.regulation.how_parents_informed:
        items.append(ReviewItem(kind=ReviewItemKind.HOW_INFORMED_NOT_GIVEN, count=1))
    if report.gck is None:
        items.append(ReviewItem(kind=ReviewItemKind.GCK_NOT_GIVEN, count=1))
    items += _warnings(report, single=False)
    items += _number(ReviewItemKind.ADDRESS_UNCHECKED, dq.address_like_locations_unchecked)
    items += _number(
        ReviewItemKind.DESCRIPTIONS_INCLUDED, len(report.entries) if report.include_descriptions else 0
    )
    return items


def _warnings(report: AnnualReport, *, single: bool) -> list[ReviewItem]:
    """The re-identification warnings: personal data in a shown name (one item each), or
    (``single``) the locations with a single complaint, as one item (Partou has 208 of them)."""
    warnings = [
        w
        for w in report.review.reidentification
        if (w.kind is ReviewKind.SINGLE_COMPLAINT_LOCATION) is single
    ]
    if single:
        rows = tuple(sorted((w.row for w in warnings), key=lambda r: (r is None, r or 0)))
        return _counted(ReviewItemKind.SINGLE_COMPLAINT_LOCATION, rows)
    return [
        ReviewItem(kind=ReviewItemKind(w.kind.value), count=w.rows, rows=(w.row,), source=w.source, warning=w)
        for w in warnings
    ]


def _check_items(report: AnnualReport) -> list[ReviewItem]:
    """Items to check that do not block publication: the report states them truthfully."""
    dq = report.data_quality
    items = _warnings(report, single=True)
    items += _counted(ReviewItemKind.NO_VERDICT, dq.no_verdict)
    items += _counted(ReviewItemKind.NO_CATEGORY, dq.no_category)
    if several_organisations(report):
        items += _counted(ReviewItemKind.NO_ORGANISATION, dq.no_organisation)
    dups = tuple(row for group in dq.possible_duplicates for row in group)
    if dq.possible_duplicates:
        items.append(
            ReviewItem(kind=ReviewItemKind.POSSIBLE_DUPLICATES, count=len(dq.possible_duplicates), rows=dups)
        )
    items += _number(ReviewItemKind.SIMILAR_LOCATIONS, len(dq.similar_locations))
    items += _counted(ReviewItemKind.OUTSIDE_YEAR, dq.outside_year)
    items += _counted(ReviewItemKind.UNDATED_INCLUDED, dq.undated_included)
    items += _counted(ReviewItemKind.UNDATED_EXCLUDED, dq.undated_excluded)
    items += _counted(ReviewItemKind.NOT_COMPLAINTS, tuple(row for row, _ in dq.not_complaints))
    items += _number(ReviewItemKind.CHANNEL_UNKNOWN, dq.channel_unknown)
    items += _number(ReviewItemKind.MEASURES_UNCLASSIFIED, report.total.measures.unclassified)
    items += _number(ReviewItemKind.PSEUDONYMISED, dq.pseudonymised_locations)
    return items


def review_items(report: AnnualReport, accept: Collection[str] = ()) -> tuple[ReviewItem, ...]:
    """Every review point of ``report``: the blocking ones first, then those to check.

    ``accept``: kinds (:class:`ReviewItemKind` values) the user checked and accepts; their items
    stay listed, marked accepted, and no longer block publication. An unknown kind is an
    :class:`~klachtregels.errors.InvalidInputError`.
    """
    from klachtregels._arguments import report_argument

    report_argument(report)
    accepted = accepted_kinds(accept)
    items = [*_blocking_items(report), *_check_items(report)]
    return tuple(attrs.evolve(i, accepted=True) if i.kind in accepted else i for i in items)


def accepted_kinds(
    accept: Iterable[str], *, source: str = "review notes", field: str = "accept"
) -> frozenset[ReviewItemKind]:
    """``accept`` as kinds: only kinds that block publication can be accepted (a point to check
    needs no acceptance). Anything else is an :class:`~klachtregels.errors.InvalidInputError` on
    ``field`` of ``source`` that lists the kinds it takes, never the value given."""
    known = {k.value: k for k in BLOCKING}
    if isinstance(accept, str | bytes) or not isinstance(accept, Iterable):
        got = type(accept).__name__
        raise ArgumentTypeError(source, [(field, f"expected an iterable of kinds (text), got {got}")])
    given = list(accept)
    if any(not isinstance(a, str) for a in given):
        raise ArgumentTypeError(source, [(field, "expected an iterable of kinds (text)")])
    if any(a not in known for a in given):
        choices = ", ".join(sorted(known))
        raise InvalidInputError(
            source, [(field, f"is not a kind that blocks publication; one of: {choices}")]
        )
    return frozenset(known[a] for a in given)


def open_blockers(report: AnnualReport, accept: Collection[str] = ()) -> tuple[ReviewItem, ...]:
    """The items that block publication and were not accepted: ``()`` means publishable."""
    return tuple(i for i in review_items(report, accept) if i.open)


# --------------------------------------------------------------------------------------------------
# The document's content as plain text; the renderers add the markup
# --------------------------------------------------------------------------------------------------


def _item_lines(item: ReviewItem, report: AnnualReport, lang: str) -> tuple[str, str]:
    """(what was found, with its rows and whether accepted; what to do)."""
    line = item.message(lang, report.year)
    if item.rows and item.warning is None:
        word = text("REVIEW_ROWS" if len(item.rows) > 1 else "REPORT_ROW", lang)
        line += f" ({word} {rows_list(item.rows, lang)})"
    if item.accepted:
        line += f" [{text('REVIEW_ACCEPTED', lang, kind=item.kind.value)}]"
    return line, item.fix(lang)


#: Due outcomes under which a report is to be sent and announced (not lid 9's, not before 2016, R1).
_TO_SEND: Final = frozenset({DueOutcome.REQUIRED, DueOutcome.UNDETERMINED})


def _send_lines(report: AnnualReport, lang: str) -> list[str]:
    lines = [" ".join(due_lines(report.due, lang))]
    if report.due.outcome in _TO_SEND:
        lines.append(text("REVIEW_SEND_ANNOUNCE", lang))
    return lines


def _legal_lines(report: AnnualReport, lang: str) -> list[str]:
    """The rule behind the due date and each flag it carries, with the catalogue's codes."""
    lines = [text("REVIEW_RULE", lang, rule=", ".join(report.due.rule_ids), cite=cite_range(lang))]
    lines += [f"{flag}: {flag_text(flag, lang)}" for flag in report.due.flags]
    return lines


def _source_lines(report: AnnualReport, lang: str) -> list[str]:
    lines = [
        f"{text('REPORT_SOURCES', lang)}: {s}"
        for s in (source_list(report.organisation) if report.organisation else [])
    ]
    return [*lines, text("REPORT_GENERATED", lang, version=report.library_version)]


def _parts(report: AnnualReport, lang: str, accept: Collection[str]) -> dict[ReviewSection, Any]:
    items = review_items(report, accept)
    return {
        ReviewSection.BLOCKING: [_item_lines(i, report, lang) for i in items if i.blocking],
        ReviewSection.SEND: _send_lines(report, lang),
        ReviewSection.CHECK: [_item_lines(i, report, lang) for i in items if not i.blocking],
        ReviewSection.LEGAL_POINTS: _legal_lines(report, lang),
        ReviewSection.DATA_QUALITY: quality_lines(report, lang),
        ReviewSection.SOURCES: _source_lines(report, lang),
    }


_EMPTY: Final = {
    ReviewSection.BLOCKING: "REVIEW_NOTHING_BLOCKS",
    ReviewSection.CHECK: "REVIEW_NOTHING_TO_CHECK",
}


# --------------------------------------------------------------------------------------------------
# Markdown, HTML, JSON
# --------------------------------------------------------------------------------------------------


def _md_section(section: ReviewSection, content: list[Any], lang: str) -> list[str]:
    out = [f"## {section.heading(lang)}", ""]
    if not content and section in _EMPTY:
        return [*out, text(_EMPTY[section], lang), ""]
    for entry in content:
        if isinstance(entry, tuple):
            found, fix = entry
            out.append(f"- {markdown_text(found)}  \n  _{text('REVIEW_FIX', lang)}:_ {markdown_text(fix)}")
        else:
            out.append(f"- {markdown_text(entry)}")
    return [*out, ""]


def _markdown(report: AnnualReport, lang: str, accept: Collection[str]) -> str:
    parts = _parts(report, lang, accept)
    head = title(report, lang, code="REVIEW_TITLE")
    out = [f"# {markdown_text(head)}", "", f"_{text('REVIEW_SUBTITLE', lang)}_", ""]
    for section in REVIEW_ORDER:
        out += _md_section(section, parts[section], lang)
    return printable("\n".join(out))


def _html_section(section: ReviewSection, content: list[Any], lang: str) -> str:
    e = escape
    head = f'<section id="{section.value}"><h2>{e(section.heading(lang))}</h2>'
    if not content and section in _EMPTY:
        return f"{head}<p>{e(text(_EMPTY[section], lang))}</p></section>"
    items = []
    for entry in content:
        if isinstance(entry, tuple):
            found, fix = entry
            what = f'<span class="fix"><b>{e(text("REVIEW_FIX", lang))}:</b> {e(fix)}</span>'
            items.append(f"<li>{e(found)}<br>{what}</li>")
        else:
            items.append(f"<li>{e(entry)}</li>")
    return f"{head}<ul>{''.join(items)}</ul></section>"


def _html(report: AnnualReport, lang: str, accept: Collection[str]) -> str:
    """The notes as a page in the report's own shell (:func:`klachtregels.report._layout.page`):
    the same stylesheet and the same strict Content-Security-Policy, nothing loaded."""
    parts = _parts(report, lang, accept)
    head = title(report, lang, code="REVIEW_TITLE")
    body = [f"<h1>{escape(head)}</h1>", f'<p class="sub">{escape(text("REVIEW_SUBTITLE", lang))}</p>']
    body += [_html_section(s, parts[s], lang) for s in REVIEW_ORDER]
    return printable(page(title=head, lang=lang, body=body))


def _item_dict(item: ReviewItem, year: int, lang: str) -> dict[str, Any]:
    return {
        "kind": item.kind.value,
        "blocking": item.blocking,
        "accepted": item.accepted,
        "count": item.count,
        "source": item.source,
        "rows": list(item.rows),
        "message": item.message(lang, year),
        "fix": item.fix(lang),
    }


def review_summary(report: AnnualReport, lang: str = "nl", accept: Collection[str] = ()) -> dict[str, Any]:
    """``publishable``, ``blocking`` (open blocking points) and ``items`` as JSON types: the part of
    the review notes the report's own JSON carries under ``review``."""
    items = review_items(report, accept)  # refuses a report of the wrong type
    blocking = sum(1 for i in items if i.open)
    return {
        "publishable": not blocking,
        "blocking": blocking,
        "items": [_item_dict(i, report.year, lang) for i in items],
    }


def review_to_dict(report: AnnualReport, lang: str = "nl", accept: Collection[str] = ()) -> dict[str, Any]:
    """The review notes as JSON types (``klachtregels.annual-report-review``, version 1)."""
    from klachtregels._arguments import report_argument

    report_argument(report)
    from klachtregels.report.render_json import due_dict

    lang = check_lang(lang)
    return {
        "schema": REVIEW_SCHEMA,
        "schema_version": REVIEW_SCHEMA_VERSION,
        "library_version": report.library_version,
        "lang": lang,
        "year": report.year,
        **review_summary(report, lang, accept),
        "due": due_dict(report.due, lang),
        "send": _send_lines(report, lang),
        "legal_points": _legal_lines(report, lang),
        "data_quality": quality_lines(report, lang),
        "sources": _source_lines(report, lang),
    }


_RENDERERS: Final[Mapping[str, Callable[[AnnualReport, str, Collection[str]], str]]] = {
    "md": _markdown,
    "html": _html,
    "json": lambda r, lang, accept: valid_unicode(
        json.dumps(review_to_dict(r, lang, accept), ensure_ascii=False, indent=2) + "\n"
    ),
}


def render_review(report: AnnualReport, fmt: str = "md", lang: str = "nl", accept: Iterable[str] = ()) -> str:
    """The review notes of ``report`` as ``"md"``, ``"html"`` or ``"json"`` in ``lang``.

    ``accept``: blocking kinds the user checked and accepts (see :func:`review_items`).
    """
    from klachtregels._arguments import report_argument

    report_argument(report)
    lang = check_lang(lang)
    if not isinstance(fmt, str) or fmt not in _RENDERERS:
        raise InvalidInputError("review notes", [("format", "is not one of: md, html, json")])
    if isinstance(accept, str | bytes) or not isinstance(accept, Iterable):
        accepted_kinds(accept)  # refuses it by its name
    return _RENDERERS[fmt](report, lang, tuple(accept))


def write_review(
    report: AnnualReport, stream: IO[str], fmt: str = "md", lang: str = "nl", accept: Iterable[str] = ()
) -> None:
    """Write :func:`render_review` to ``stream``."""
    from klachtregels._arguments import report_argument, stream_argument

    report_argument(report)
    stream_argument(stream)
    stream.write(render_review(report, fmt, lang, accept))
