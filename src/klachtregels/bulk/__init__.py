"""Many complaints at once: deadlines over a column, DataFrames in and out (issue 12).

``import klachtregels`` does not import this package, numpy or pandas; numpy and pandas are imported
inside the functions that need them (the ``pandas`` extra brings both; ``polars`` is optional).

* :func:`handling_deadlines`, :func:`gck_filing_limits`, :func:`working_day_deadlines`: the scalar
  deadline functions of :mod:`klachtregels.terms` over a list, a numpy array or a Series, answered
  from look-up tables built on the one ATW calendar (``DeadlineColumns``: dates and provisional mark).
* :func:`assess_many`: one row per complaint (outcomes, status, deadlines, flags, an ``error`` column).
* :func:`register_result_frame`, :func:`check_result_frame` (``RegisterResult.to_pandas()``,
  ``CheckResult.to_pandas()``) and :func:`report_tables` (the annual report's tables).
* A pandas or polars DataFrame is a register for :func:`klachtregels.read_register`.
* :func:`similar_locations`: near-duplicate location names grouped, with :func:`suggested_mapping`
  to review and :func:`rename_locations` to apply.
"""

from __future__ import annotations

from klachtregels.bulk._deadlines import (
    DeadlineColumns,
    gck_filing_limits,
    handling_deadlines,
    working_day_deadlines,
)
from klachtregels.bulk._frames import (
    DataFrameLike,
    assess_many,
    check_result_frame,
    register_result_frame,
    report_tables,
)
from klachtregels.bulk._locations import LocationGroup, rename_locations, similar_locations, suggested_mapping

__all__ = [
    "DataFrameLike",
    "DeadlineColumns",
    "LocationGroup",
    "assess_many",
    "check_result_frame",
    "gck_filing_limits",
    "handling_deadlines",
    "register_result_frame",
    "rename_locations",
    "report_tables",
    "similar_locations",
    "suggested_mapping",
    "working_day_deadlines",
]
