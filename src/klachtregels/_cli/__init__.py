"""Sub-commands of the ``klachtregels`` command line.

Each module here defines ``ORDER`` (an int: where it is listed in ``--help``) and
``register(subparsers)``, which adds its sub-parser and sets ``handler`` (a function taking the
parsed ``argparse.Namespace`` and returning the exit code) with ``set_defaults``.
"""
