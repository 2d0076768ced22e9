"""What the browser tests share: where Chromium is, whether it is required, and how to say it is not there."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

CHROMIUM = Path(os.environ.get("KLACHTREGELS_CHROMIUM", "/usr/bin/chromium"))
#: Set by scripts/web_ci.sh (CI): a missing browser, Playwright or site is then a failure, not a skip.
REQUIRED = os.environ.get("KLACHTREGELS_WEB_REQUIRED") == "1"


def unavailable(why: str) -> NoReturn:
    """Skip (fail under ``KLACHTREGELS_WEB_REQUIRED=1``) because ``why``."""
    if REQUIRED:
        pytest.fail(f"{why} (KLACHTREGELS_WEB_REQUIRED=1)")
    pytest.skip(why)
