"""klachtregels: the Dutch childcare complaint regulation as executable, cited rules."""

from klachtregels._version import __version__

__all__ = ["__version__"]
