"""Shared pytest configuration. Keep it minimal: fixtures that only one module needs live there."""

from __future__ import annotations

from hypothesis import settings

# Building a year's ATW table the first time takes milliseconds; Hypothesis' per-example deadline
# would turn that one-off cost into flaky failures.
settings.register_profile("klachtregels", deadline=None)
settings.load_profile("klachtregels")
