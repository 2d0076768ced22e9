"""One severity scale: rank order and labels from the message catalogue."""

from __future__ import annotations

import pytest

from klachtregels.messages import UnknownLanguageError
from klachtregels.severity import Severity


def test_rank_orders_error_above_warning_above_info() -> None:
    assert [s.rank for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] == [3, 2, 1]


@pytest.mark.parametrize(
    ("severity", "nl", "en"),
    [
        (Severity.ERROR, "fout", "error"),
        (Severity.WARNING, "waarschuwing", "warning"),
        (Severity.INFO, "opmerking", "info"),
    ],
)
def test_labels(severity: Severity, nl: str, en: str) -> None:
    assert severity.label() == nl
    assert severity.label("nl") == nl
    assert severity.label("en") == en


@pytest.mark.parametrize("lang", ["de", "", "NL"])
def test_unknown_language_raises(lang: str) -> None:
    with pytest.raises(UnknownLanguageError):
        Severity.WARNING.label(lang)
