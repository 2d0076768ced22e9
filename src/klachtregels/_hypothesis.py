"""Hypothesis' entry point: ``st.from_type(Complaint)`` and friends draw from :mod:`klachtregels.testing`.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, if klachtregels is installed
(``[project.entry-points.hypothesis]`` in pyproject.toml), so users' property tests get valid
klachtregels objects for annotated arguments (``@given(st.from_type(Complaint))`` or
``st.builds`` on a function taking a ``Complaint``) without importing the strategies themselves.
"""

from __future__ import annotations

from typing import Any


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public domain type that has one in :mod:`klachtregels.testing`.

    Each is registered as a function that asks :mod:`klachtregels.testing` when a test first draws
    the type: Hypothesis runs this hook while it is being imported, which may be from inside
    ``import klachtregels.testing`` itself (that module imports Hypothesis), before the strategies
    there exist.
    """
    from hypothesis import strategies as st

    from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, Signal
    from klachtregels.policy import Policy

    for kind, name in (
        (Complaint, "complaints"),
        (Judgement, "judgements"),
        (GckFiling, "gck_filings"),
        (Measure, "measures"),
        (Party, "parties"),
        (Signal, "signals"),
        (Policy, "policies"),
    ):
        st.register_type_strategy(kind, _from_testing(name))


def _from_testing(name: str) -> Any:
    """A function giving the strategy ``klachtregels.testing.<name>()`` (looked up when called)."""

    def strategy(_kind: type) -> Any:
        from klachtregels import testing

        return getattr(testing, name)()

    return strategy
