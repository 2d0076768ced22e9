"""The command line of the GitHub composite action (``action.yml`` at the repository root).

The action passes its inputs as ``KR_*`` environment variables (never pasted into a shell script,
so an input cannot inject a command) and runs ``python -m klachtregels._cli._action``, which builds
the ``klachtregels check`` arguments here and runs them: annotations and the job summary always
(``-o github:-``; the summary goes to ``$GITHUB_STEP_SUMMARY``), SARIF when ``sarif`` names a file.
Settings left empty come from the repository's configuration (:mod:`klachtregels.config`).
"""

from __future__ import annotations

import os
import shlex
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["INPUTS", "arguments", "main"]

#: Environment variable -> the ``check`` option it fills (empty: left out).
INPUTS: Final = {
    "KR_ORGANISATION": "--org",
    "KR_POLICY": "--policy",
    "KR_MAPPING": "--mapping",
    "KR_AS_OF": "--as-of",
    "KR_FAIL_ON": "--fail-on",
    "KR_LANG": "--lang",
    "KR_BASELINE": "--baseline",
    "KR_CONFIG": "--config",
    "KR_MIN_SEVERITY": "--min-severity",
}


def arguments(env: Mapping[str, str]) -> list[str]:
    """The ``klachtregels`` arguments for the action's inputs in ``env``.

    ``KR_REGISTERS``: the register paths, separated by white space (quote a path with spaces, as
    in a shell); ``KR_SARIF``: a SARIF file to write as well; ``KR_STRICT``: ``true`` for
    ``--strict``; ``KR_ARGS``: further ``check`` arguments, split as a shell would.
    """
    args = ["check", *shlex.split(env.get("KR_REGISTERS", ""))]
    for variable, option in INPUTS.items():
        value = env.get(variable, "").strip()
        if value:
            args += [option, value]
    if env.get("KR_STRICT", "").strip().lower() == "true":
        args.append("--strict")
    args += ["-o", "github:-"]
    sarif = env.get("KR_SARIF", "").strip()
    if sarif:
        args += ["-o", f"sarif:{sarif}"]
    return args + shlex.split(env.get("KR_ARGS", ""))


def main(env: Mapping[str, str] | None = None) -> int:
    """Run ``klachtregels check`` for the action; the exit code is check's (0, 1 or 2)."""
    from klachtregels.cli import main as cli_main

    try:
        args = arguments(os.environ if env is None else env)
    except ValueError:  # an unclosed quote in KR_REGISTERS or KR_ARGS
        print(
            "klachtregels: error: invalid action input: unbalanced quotes (registers or args)",
            file=sys.stderr,
        )
        return 2
    return cli_main(args)


if __name__ == "__main__":  # pragma: no cover - run by action.yml
    raise SystemExit(main())
