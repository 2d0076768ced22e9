"""``--config FILE`` / ``--no-config``: the configuration file fills what the flags leave open.

A sub-command opts in with :func:`add_config`, naming the configuration keys it reads and the
defaults of the flags that have one; :func:`klachtregels.cli.main` calls the ``configure``
function this sets before it checks ``--lang``. Flags always win; then the nearest configuration
(:func:`klachtregels.config.find_config`); then the defaults.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

__all__ = ["add_config", "config_input", "configure"]


def add_config(parser: Any, keys: Mapping[str, str], defaults: Mapping[str, Any]) -> None:
    """Add ``--config FILE`` and ``--no-config``; ``keys``: argument name -> configuration key.

    ``defaults``: the value of an argument that neither the flags nor the configuration set
    (its ``add_argument`` default must then be ``None``).
    """
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--config",
        metavar="FILE",
        help="the configuration file (klachtregels.toml or a pyproject.toml with [tool.klachtregels]); "
        "default: the nearest one from the working directory upwards, not past the repository's root "
        "(.git or .hg)",
    )
    group.add_argument("--no-config", action="store_true", help="read no configuration file")
    parser.set_defaults(configure=functools.partial(configure, keys=dict(keys), defaults=dict(defaults)))


def config_input(args: argparse.Namespace) -> tuple[str, str | None]:
    """The configuration file :func:`configure` read, as an ``(option, path)`` input of the run (for
    :func:`~klachtregels._cli._options.refuse_overwrites`); ``None`` when no file was read."""
    option = "--config" if args.config is not None else "the configuration"
    path = getattr(args, "config_file", None)
    return option, None if path is None else str(path)


def configure(args: argparse.Namespace, *, keys: Mapping[str, str], defaults: Mapping[str, Any]) -> None:
    """Fill the arguments the flags left ``None`` from the configuration, then from ``defaults``.

    Sets ``args.config_file`` (the file read, or ``None``) and ``args.accept`` (its accepted findings).
    """
    from klachtregels.config import Config, find_config, load_config

    config = Config()
    if not args.no_config:
        path = args.config if args.config is not None else find_config()
        if path is not None:
            config = load_config(path)
    args.config_file = config.path
    args.accept = config.accept
    for name, key in keys.items():
        if getattr(args, name, None) is None:
            setattr(args, name, getattr(config, key))
    for name, value in defaults.items():
        if getattr(args, name, None) is None:
            setattr(args, name, value)
