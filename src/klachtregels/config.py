"""Configuration: ``[tool.klachtregels]`` in ``pyproject.toml``, or a ``klachtregels.toml``.

Found as black and mypy find their own: from the working directory upwards, the nearest directory
that holds a ``klachtregels.toml`` (its top-level keys) or a ``pyproject.toml`` with a
``[tool.klachtregels]`` table wins; in one directory ``klachtregels.toml`` wins over
``pyproject.toml``. The search stops at the repository's root (the first directory, the working
directory included, that holds ``.git`` or ``.hg``): a file above it belongs to another project and
is never read, not even when it is invalid. Outside a repository it goes on to the file system's root.
Nothing is merged from further up. ``klachtregels check --config FILE`` names the file;
``--no-config`` ignores any.

Keys (each optional; a command-line flag overrides it)::

    [tool.klachtregels]
    organisation = "organisation.toml"   # --org
    policy = "policy.toml"               # --policy: a shipped name or a file
    mapping = "partou"                   # --mapping: a built-in name or a file
    lang = "en"                          # --lang
    fail_on = "warning"                  # --fail-on: error, warning or never
    encoding = "cp1252"                  # --encoding
    delimiter = ";"                      # --delimiter
    baseline = "klachtregels-baseline.toml"  # --baseline

    [[tool.klachtregels.accept]]         # accepted findings (klachtregels.baseline)
    finding = "KR-HANDLING-LATE"
    complaint = "K-2024-017"
    reason = "Judged late in 2024; discussed with the team."
    expires = 2026-12-31

Paths are relative to the configuration file's directory. A value that is not a file there and
looks like a name (no path separator, no ``.toml``) stays a name (``policy = "smallsteps"``).
Errors are :class:`ConfigError`: the file and the key, never the value. TOML is read with the
library's limits (:func:`klachtregels._io.loads_toml`).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from klachtregels._arguments import path_argument
from klachtregels._io import loads_toml, one_line
from klachtregels.baseline import Acceptance, parse_acceptances
from klachtregels.errors import InvalidInputError
from klachtregels.messages import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["CONFIG_FILE", "Config", "ConfigError", "find_config", "load_config"]

#: The configuration file of its own (top-level keys).
CONFIG_FILE: Final = "klachtregels.toml"
_PYPROJECT: Final = "pyproject.toml"
#: Keys that name files, resolved against the configuration file's directory.
_PATH_KEYS: Final = ("organisation", "policy", "mapping", "baseline")
_TEXT_KEYS: Final = ("lang", "fail_on", "encoding", "delimiter")
_FAIL_ON: Final = ("error", "warning", "never")


class ConfigError(InvalidInputError):
    """A configuration file is not valid: names the file and the key, never the value."""

    def __init__(self, path: str | os.PathLike[str], problems: Sequence[tuple[str, str]]) -> None:
        self.path = os.fspath(path)
        super().__init__(f"configuration {one_line(self.path)}", problems)


@attrs.frozen(kw_only=True)
class Config:
    """The settings of one configuration file (every one ``None`` when not set)."""

    #: The file they came from (``None``: no configuration).
    path: str | None = None
    organisation: str | None = None
    policy: str | None = None
    mapping: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    baseline: str | None = None
    #: Accepted findings written in the configuration.
    accept: tuple[Acceptance, ...] = ()


def _table(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The klachtregels table of ``path`` and its key prefix; ``None`` for a pyproject without one."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, [("", "not UTF-8 text")]) from None
    try:
        data = loads_toml(text)
    except tomllib.TOMLDecodeError:
        raise ConfigError(path, [("", "not valid TOML")]) from None
    if path.name != _PYPROJECT:
        return data, ""
    tool = data.get("tool")
    table = tool.get("klachtregels") if isinstance(tool, dict) else None
    if table is None:
        return None, "tool.klachtregels."
    if not isinstance(table, dict):
        raise ConfigError(path, [("tool.klachtregels", "must be a table")])
    return table, "tool.klachtregels."


#: What marks a repository's root (a directory, or a file for a git worktree or submodule).
_REPOSITORY_MARKERS: Final = (".git", ".hg")


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest configuration file from ``start`` (default: the working directory) upwards, up to
    and including the repository's root (a directory holding ``.git`` or ``.hg``), or the file
    system's root outside a repository."""
    folder = Path(path_argument(start, "start") if start is not None else Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        own = directory / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = directory / _PYPROJECT
        if pyproject.is_file() and _table(pyproject)[0] is not None:
            return pyproject
        if any(os.path.lexists(directory / marker) for marker in _REPOSITORY_MARKERS):
            return None  # the project's root: what lies above is another project's
    return None


def _file_name(value: str) -> str:
    """``value`` (text from the UTF-8 configuration) as the file system names it.

    Where the file system's encoding is not UTF-8 (ASCII under ``LC_ALL=C`` with UTF-8 mode off),
    a name such as ``organisation-é.toml`` cannot be encoded as text; its UTF-8 bytes are what a
    UTF-8 system wrote to disk, so the name is those bytes, as Python names a file it lists there.
    """
    try:
        os.fsencode(value)
    except UnicodeEncodeError:
        return os.fsdecode(value.encode("utf-8"))
    return value


def _resolve(base: Path, value: str) -> str:
    """A path relative to the configuration's directory; a bare name stays a name."""
    value = _file_name(value)
    candidate = base / value
    if candidate.exists() or "/" in value or os.sep in value or value.endswith(".toml"):
        return os.fspath(candidate)
    return value


def _check_text(table: dict[str, Any], key: str, prefix: str, problems: list[tuple[str, str]]) -> None:
    value = table[key]
    if not isinstance(value, str) or not value:
        problems.append((prefix + key, "must be non-empty text"))
    elif key == "lang" and value not in LANGUAGES:
        problems.append((prefix + key, f"must be one of {', '.join(LANGUAGES)}"))
    elif key == "fail_on" and value not in _FAIL_ON:
        problems.append((prefix + key, f"must be one of {', '.join(_FAIL_ON)}"))
    elif key in _PATH_KEYS and "\0" in value:  # no file system takes it (open() would raise ValueError)
        problems.append((prefix + key, "must be a file name or a name: it holds a NUL character"))


def load_config(path: str | os.PathLike[str]) -> Config:
    """The configuration in ``path`` (a ``klachtregels.toml`` or a ``pyproject.toml``).

    A ``pyproject.toml`` without ``[tool.klachtregels]`` is an empty configuration. Raises
    :class:`ConfigError` for an unknown key or a value of the wrong kind (all problems at once),
    :class:`OSError` when the file cannot be read.
    """
    file = Path(path_argument(path))
    table, prefix = _table(file)
    if table is None:
        return Config(path=os.fspath(file))
    problems: list[tuple[str, str]] = []
    known = (*_PATH_KEYS, *_TEXT_KEYS, "accept")
    problems += [
        (prefix + key if key.isidentifier() else prefix.rstrip("."), "unknown key")
        for key in table
        if key not in known
    ]
    values: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        if key in table:
            _check_text(table, key, prefix, problems)
            values[key] = table[key]
    base = file.resolve().parent
    for key in _PATH_KEYS:
        if key in table:
            _check_text(table, key, prefix, problems)
            if isinstance(table[key], str) and table[key] and "\0" not in table[key]:
                values[key] = _resolve(base, table[key])
    accept: tuple[Acceptance, ...] = ()
    if "accept" in table:
        accept, found = parse_acceptances(table["accept"], key=prefix + "accept", origin=os.fspath(file))
        problems += found
    if problems:
        raise ConfigError(file, problems)
    return Config(path=os.fspath(file), accept=accept, **values)
