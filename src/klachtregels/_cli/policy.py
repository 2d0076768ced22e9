"""``klachtregels policy``: organisation policies (``list``, ``show``, ``lint``).

``policy lint FILE|NAME`` checks a policy against the law (:func:`klachtregels.policy_lint.lint_policy`)
and exits 1 when it finds an error (a setting that gives the parent less than the law, or cannot work;
``--fail-on warning`` also fails on warnings, ``--fail-on never`` only reports), 0 otherwise, 2 when
the file cannot be read or is not a valid policy, or ``--lang`` is not ``nl``/``en``. ``policy show``
prints a policy's settings with the clauses they encode; ``policy list`` lists the shipped policies.
Every action takes ``--format text|json`` (``--json`` is its deprecated spelling).
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from klachtregels._cli._options import add_format, add_lang
from klachtregels._io import one_line, printable, toml_value

if TYPE_CHECKING:
    import argparse

    from klachtregels.policy import Policy

ORDER = 35

__all__ = ["ORDER", "register"]


def register(subparsers: Any) -> None:
    """Add the ``policy`` sub-command and its actions."""
    p = subparsers.add_parser(
        "policy",
        help="organisation policies: list, show, lint",
        description=(
            "Organisation policies fill only the points the law leaves open (regulation.md section 8). "
            "'lint' rejects a policy that gives a parent less than the law."
        ),
    )
    actions = p.add_subparsers(title="actions", metavar="ACTION", parser_class=type(p))

    lint = actions.add_parser(
        "lint",
        help="check a policy against the law (exit 1 on an error)",
        description=(
            "Check a policy (a shipped name or a TOML file) against Wet kinderopvang 1.57b-1.57c and the "
            "Algemene termijnenwet. Exit 0: no error; 1: an error (the parent gets less than the law), or a "
            "warning with --fail-on warning; 2: the policy cannot be read or is invalid."
        ),
    )
    lint.add_argument(
        "policy",
        metavar="FILE|NAME",
        nargs="+",
        help="a policy TOML file or a shipped policy name (several, as pre-commit passes them)",
    )
    add_format(lint, "the report")
    add_lang(lint, "the text report")
    lint.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 on findings at or above this severity; never: only report (default error)",
    )
    lint.set_defaults(handler=_lint)

    show = actions.add_parser(
        "show",
        help="print a policy's settings and the clauses they encode",
        description="Print every setting of a policy, grouped as in its TOML file, with its sources.",
    )
    show.add_argument("policy", metavar="NAME|FILE", help="a shipped policy name or a policy TOML file")
    add_format(show, "the policy")
    add_lang(show, "the comments")
    show.set_defaults(handler=_show)

    listing = actions.add_parser(
        "list", help="list the shipped policies", description="List the shipped policies."
    )
    add_format(listing, "the list")
    listing.set_defaults(handler=_list)

    def _usage(_args: argparse.Namespace) -> int:
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(handler=_usage)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _lint(args: argparse.Namespace) -> int:
    """Lint each policy named; exit 1 when any fails. JSON: one report, or a list for several."""
    from klachtregels.policy import load_policy  # lazy: keeps --help fast
    from klachtregels.policy_lint import lint_policy

    reports = [lint_policy(load_policy(name)) for name in args.policy]
    if args.format == "json":
        data = [r.to_dict() for r in reports]
        _print_json(data[0] if len(data) == 1 else data)
    else:
        # No escapes from the file's text (a policy's name, title or values) reach the terminal.
        print(printable("\n\n".join(r.render(args.lang) for r in reports)))
    if args.fail_on == "never":
        return 0
    return max(r.exit_code(args.fail_on) for r in reports)


def _show(args: argparse.Namespace) -> int:
    from klachtregels.policy import load_policy

    policy = load_policy(args.policy)
    if args.format == "json":
        _print_json(policy.to_dict())
    else:
        print(printable(_render_policy(policy, args.lang)))
    return 0


def _list(args: argparse.Namespace) -> int:
    from klachtregels.policy import load_policy, shipped_policies

    rows = [(name, load_policy(name).title) for name in shipped_policies()]
    if args.format == "json":
        _print_json([{"name": name, "title": title} for name, title in rows])
    else:
        width = max(len(name) for name, _ in rows)
        for name, title in rows:
            print(f"{name.ljust(width)}  {title}")
    return 0


def _render_policy(policy: Policy, lang: str) -> str:
    from klachtregels.messages import text as message
    from klachtregels.policy import toml_key

    values = policy.to_dict()
    sources = values.pop("sources")
    sections: dict[str, list[str]] = {}
    for field, value in values.items():
        section, _, name = toml_key(field).rpartition(".")
        unset = "# " + message("CLI_POLICY_NOT_SET", lang, name=name)
        entry = unset if value is None else f"{name} = {toml_value(value)}"
        sections.setdefault(section, []).append(entry)
    lines = [f"# {one_line(policy.title)}"]  # the user's text (a file's stem): on one line
    for section, entries in sections.items():
        lines.append("")
        if section:
            lines.append(f"[{section}]")
        lines.extend(entries)
    for src in sources:
        lines.append("")
        lines.append(f"[[sources]]  # {src['setting']}")
        lines.extend(
            f"{key} = {toml_value(src[key])}"
            for key in ("document", "clause", "quote")
            if src.get(key) is not None
        )
    return "\n".join(lines)
