"""How serious a finding is: one scale for compliance findings and policy-lint findings."""

from __future__ import annotations

import enum
from typing import Final

from klachtregels import messages

__all__ = ["Severity"]


class Severity(enum.StrEnum):
    """``error``, ``warning`` or ``info``; :attr:`rank` orders them (higher is more severe)."""

    #: A rule of the statute (or the house regulation the statute binds the provider to) is broken;
    #: for a policy: it gives the parent less than the law (or cannot work), and lint rejects it.
    ERROR = "error"
    #: Probably wrong, or a risk: a house term exceeded, a duty with no record, a late filing.
    WARNING = "warning"
    #: For information: status, undetermined facts, provisional dates, stricter-than-law settings.
    INFO = "info"

    @property
    def rank(self) -> int:
        """3 for error, 2 for warning, 1 for info."""
        return _RANK[self]

    def label(self, lang: str = "nl") -> str:
        """``fout``/``error``, ``waarschuwing``/``warning``, ``opmerking``/``info`` (``SEVERITY_*``).

        Raises :class:`~klachtregels.messages.UnknownLanguageError` for a language other than ``nl``/``en``.
        """
        return messages.text(_LABEL_CODES[self], lang)


_RANK: Final = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_LABEL_CODES: Final = {s: f"SEVERITY_{s.name}" for s in Severity}
