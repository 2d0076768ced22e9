"""Hypothesis' entry point: ``st.from_type(Complaint)`` and friends draw from :mod:`klachtregels.testing`.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, if klachtregels is installed
(``[project.entry-points.hypothesis]`` in pyproject.toml), so users' property tests get valid
klachtregels objects for annotated arguments (``@given(st.from_type(Complaint))`` or
``st.builds`` on a function taking a ``Complaint``) without importing the strategies themselves.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public domain type that has one in :mod:`klachtregels.testing`."""
    from hypothesis import strategies as st

    from klachtregels import testing
    from klachtregels.model import Complaint, GckFiling, Judgement, Measure, Party, Signal
    from klachtregels.policy import Policy

    st.register_type_strategy(Complaint, testing.complaints())
    st.register_type_strategy(Judgement, testing.judgements())
    st.register_type_strategy(GckFiling, testing.gck_filings())
    st.register_type_strategy(Measure, testing.measures())
    st.register_type_strategy(Party, testing.parties())
    st.register_type_strategy(Signal, testing.signals())
    st.register_type_strategy(Policy, testing.policies())
