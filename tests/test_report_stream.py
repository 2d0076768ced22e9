"""The annual report reads its registers once, one record at a time (issue 9 item 5: constant memory).

The figures themselves are pinned byte for byte by ``test_report_golden.py``; here: the registers are
read once and not kept, and the compact structures of ``report/_tally.py`` give what plain lists and
dicts would.
"""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections import defaultdict
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.report import build_report
from klachtregels.report._tally import DuplicateFinder, RowList, RowReasons
from klachtregels.vocabulary import Outcome
from report_helpers import rec

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    import pytest

    from klachtregels.model import RegisterRecord


def test_registers_are_read_once_as_one_shot_iterators() -> None:
    this_year = (rec(i, received=None if i == 5 else dt.date(2025, 4, 1)) for i in range(2, 8))
    last_year = (rec(i, category="Voeding") for i in range(2, 5))
    report = build_report(this_year, year=2025, previous=last_year, undated_in_year=True)
    assert report.total.total == 6
    assert report.previous is not None
    assert report.previous.total == 0  # dated 2025: not in 2024
    assert report.data_quality.undated_included == (5,)


def test_records_are_not_kept(tmp_path: Path) -> None:
    # Each record can be freed as soon as the next one is read: the report keeps none of them.
    refs: list[weakref.ref[RegisterRecord]] = []

    def records() -> Iterator[RegisterRecord]:
        for i in range(2, 202):
            r = rec(i, description=f"Omschrijving {i}", name=f"Ouder {i}")
            refs.append(weakref.ref(r))
            yield r

    report = build_report(records(), year=2025)
    gc.collect()
    assert report.total.total == 200
    assert sum(1 for ref in refs if ref() is not None) == 0


def test_descriptions_are_kept_only_when_asked_for() -> None:
    records = [rec(2, description="Kind viel van de trap", summary="Traphek")]
    assert build_report(records, year=2025).entries == ()
    entries = build_report(records, year=2025, include_descriptions=True).entries
    assert [(e.description, e.summary) for e in entries] == [("Kind viel van de trap", "Traphek")]


_KEYS = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", None]), st.sampled_from(["x", "y"])),
    max_size=60,
)


@given(keys=_KEYS)
def test_duplicate_finder_groups_as_a_dict_of_keys_would(keys: list[tuple[str | None, str]]) -> None:
    finder = DuplicateFinder()
    naive: dict[tuple[str | None, str], list[int | None]] = defaultdict(list)
    for row, key in enumerate(keys, start=2):
        shown_row = None if row % 7 == 0 else row
        finder.add(key, shown_row)
        naive[key].append(shown_row)
    groups = [tuple(rows) for rows in naive.values() if len(rows) > 1]
    expected = tuple(sorted(groups, key=lambda rows: [r if r is not None else -1 for r in rows]))
    assert finder.groups() == expected


def test_row_list_keeps_none_and_any_size_of_number() -> None:
    rows = RowList()
    for row in (3, None, 2**70, 4):
        rows.append(row)
    assert rows.rows() == (3, None, 2**70, 4)
    assert len(rows) == 4


def test_row_reasons_keep_their_order() -> None:
    reasons = RowReasons()
    for row, reason in ((2, Outcome.NOT_YET), (3, Outcome.NOT_ELIGIBLE), (None, Outcome.NOT_YET)):
        reasons.append(row, reason)
    assert reasons.pairs() == ((2, Outcome.NOT_YET), (3, Outcome.NOT_ELIGIBLE), (None, Outcome.NOT_YET))


def test_previous_register_file_is_counted_and_accounted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg, prev = tmp_path / "reg.csv", tmp_path / "prev.csv"
    reg.write_text("received_on,location,verdict\n2025-02-03,KDV Zon,gegrond\n2025-02-04,KDV Zon,gegrond\n")
    prev.write_text("received_on,location,verdict\n2024-02-03,KDV Zon,gegrond\n2024-13-03,KDV Zon,gegrond\n")
    assert main(["report", str(reg), "--year", "2025", "--previous", str(prev), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "Compared with 2024: 1 → 2" in out
    assert "--previous: " in err  # the previous register's rejected row is accounted for on stderr
    assert "1 rejected" in err
