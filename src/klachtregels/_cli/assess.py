"""``klachtregels assess FILE --as-of DATE``: assess one complaint (eligibility, precedence, status, access).

The JSON file holds either a bare complaint (the form of ``Complaint.to_dict()``) or an object
``{"complaint": {...}, "judgement": {...}, "filing": {...}, "filed_with_provider": true|false}``
where everything but ``complaint`` is optional. ``FILE`` ``-`` reads standard input, as ``check -``
and ``report -`` do; its errors name it ``standard input``, as theirs do. See docs/cli/assess.md.
"""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klachtregels._cli._options import (
    DATE_HELP,
    add_due_soon,
    add_format,
    add_lang,
    argument_error,
    as_command_line,
    parse_day,
    source_name,
)
from klachtregels._io import MAX_JSON_DOCUMENT_BYTES, loads_json, printable, valid_unicode
from klachtregels.errors import InvalidInputError

if TYPE_CHECKING:
    import argparse
    import datetime as dt

ORDER = 20

_ENVELOPE_KEYS = frozenset({"complaint", "judgement", "filing", "filed_with_provider"})
#: ``FILE`` that reads standard input (its errors name it as ``check -`` does: ``source_name``).
STDIN = "-"


def register(subparsers: Any) -> None:
    """Add the ``assess`` sub-command."""
    p = subparsers.add_parser(
        "assess",
        help="assess one complaint: eligibility, meldcode, handling status, Geschillencommissie access",
        description="Assess one complaint from a JSON file on a given day.",
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="JSON file: a complaint, or {complaint, judgement?, filing?, filed_with_provider?}; "
        "- reads standard input",
    )
    p.add_argument("--as-of", metavar="DATE", required=True, help=f"the day to assess on: {DATE_HELP}")
    p.add_argument(
        "--policy", default=None, help="a shipped policy name (statutory, smallsteps, ...) or a TOML file"
    )
    add_lang(p, "the note")
    add_format(p, "the note (or the versioned JSON shape)")
    add_due_soon(
        p, "due_soon_days", default=7, help="days before the deadline counted as due soon (default 7)"
    )
    p.set_defaults(handler=run)


def _as_of(text: str) -> dt.date:
    return parse_day(text, "--as-of")


def _kind(value: object) -> str:
    """The JSON kind of ``value`` (``a list``, ``a number``, ...), never the value itself (personal data)."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "null" if value is None else "an object"


def _structure(what: str, key: str, kind: Any, value: Any) -> Any:
    """``kind.from_dict(value)``; its problems are reported under the file (``what``) and ``key``."""
    try:
        return kind.from_dict(value)
    except InvalidInputError as exc:
        problems = [(".".join(p for p in (key, field) if p), message) for field, message in exc.problems]
        raise InvalidInputError(what, problems) from None


def _content(path: str, what: str) -> bytes:
    """The bytes of ``path``, or of standard input for ``-`` (read as bytes, the same in every
    locale, as ``check -`` reads a register); more than the limit is refused, never read whole."""
    too_large = [("", f"larger than {MAX_JSON_DOCUMENT_BYTES} bytes")]
    if path == STDIN:
        content: bytes = sys.stdin.buffer.read(MAX_JSON_DOCUMENT_BYTES + 1)
        if len(content) > MAX_JSON_DOCUMENT_BYTES:
            raise InvalidInputError(what, too_large)
        return content
    if Path(path).stat().st_size > MAX_JSON_DOCUMENT_BYTES:
        raise InvalidInputError(what, too_large)
    return Path(path).read_bytes()


def read_input(path: str) -> dict[str, Any]:
    """Read the file (``-``: standard input) into keyword arguments for
    :func:`klachtregels.decisions.assess`."""
    from klachtregels import convert
    from klachtregels.model import Complaint, GckFiling, Judgement, judgement_order

    what = f"input from {source_name(path)}" if path == STDIN else f"input file {path}"
    content = _content(path, what)
    try:
        # UTF-8, or UTF-16 with its byte-order mark: what a register is read in (Excel's "Unicode
        # text", PowerShell's default), so one file reads alike as a register row and here.
        utf16 = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        data = loads_json(content.decode("utf-16" if utf16 else "utf-8"))
    except json.JSONDecodeError as exc:
        raise InvalidInputError(what, [(f"line {exc.lineno} column {exc.colno}", exc.msg)]) from None
    except UnicodeDecodeError:
        raise InvalidInputError(what, [("", "not UTF-8 text (nor UTF-16 with a byte-order mark)")]) from None
    if not isinstance(data, dict):
        raise InvalidInputError(what, [("", f"expected a JSON object, got {_kind(data)}")])
    if "complaint" not in data:
        return {"complaint": _structure(what, "", Complaint, data)}
    unknown = sorted(set(data) - _ENVELOPE_KEYS)
    if unknown:
        known = "(known: complaint, judgement, filing, filed_with_provider)"
        problems = [convert.unknown_key("", k, _ENVELOPE_KEYS, "key") for k in unknown]
        raise InvalidInputError(what, [(path, f"{message} {known}") for path, message in problems])
    out: dict[str, Any] = {"complaint": _structure(what, "complaint", Complaint, data["complaint"])}
    if data.get("judgement") is not None:
        out["judgement"] = _structure(what, "judgement", Judgement, data["judgement"])
        disorder = judgement_order(out["complaint"], out["judgement"])  # named under the file, as a row is
        if disorder:
            raise InvalidInputError(what, disorder)
    if data.get("filing") is not None:
        out["filing"] = _structure(what, "filing", GckFiling, data["filing"])
    from klachtregels import convert  # here, not at import: the CLI's start-up (issue 8)

    raw = data.get("filed_with_provider")
    fwp = None if raw is None else convert.read_boolean(raw)  # the one yes/no vocabulary (ja/nee, ...)
    if raw is not None and fwp is None:
        raise InvalidInputError(what, [("filed_with_provider", f"expected true or false, got {_kind(raw)}")])
    out["filed_with_provider"] = fwp
    return out


def run(args: argparse.Namespace) -> int:
    """Run ``assess``."""
    from klachtregels._cli._options import applicable_policy
    from klachtregels.decisions import assess

    kwargs = read_input(args.file)
    if args.due_soon_days < 0:
        raise argument_error("--due-soon", "must be 0 or more days")
    policy = applicable_policy(args.policy)
    with as_command_line({"as_of": "--as-of"}):  # an as-of before the receipt: said as the option
        result = assess(as_of=_as_of(args.as_of), policy=policy, due_soon_days=args.due_soon_days, **kwargs)
    if args.format == "json":
        sys.stdout.write(valid_unicode(json.dumps(result.to_dict(), ensure_ascii=False, indent=2)) + "\n")
    else:
        sys.stdout.write(printable(result.explain(args.lang)) + "\n")  # no escapes from the file's text
    return 0
