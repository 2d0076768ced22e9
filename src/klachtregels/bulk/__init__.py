"""Many complaints at once: deadlines over a column, DataFrames in and out (issue 12).

Nothing here is imported by ``import klachtregels``; numpy and pandas are imported inside the
functions that need them (the ``pandas`` extra brings both; ``polars`` is optional too).

* :func:`handling_deadlines`, :func:`gck_filing_limits`, :func:`working_day_deadlines`: the scalar
  deadline functions of :mod:`klachtregels.terms` over a list, a numpy array or a Series, answered
  from look-up tables built on the one ATW calendar.
"""

from __future__ import annotations

from klachtregels.bulk._deadlines import (
    DeadlineColumns,
    gck_filing_limits,
    handling_deadlines,
    working_day_deadlines,
)

__all__ = [
    "DeadlineColumns",
    "gck_filing_limits",
    "handling_deadlines",
    "working_day_deadlines",
]
