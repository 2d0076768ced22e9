"""Regenerate src/klachtregels/data/atw_calendar.json: the ATW calendar shipped with klachtregels.

    python scripts/gen_atw_calendar.py

The holidays come from the ``holidays`` package (NL, public + optional, mapped to ATW art. 3) and
the equated days from ``data/equated_days.toml`` (ATW art. 3 lid 3). Run it after editing the
decree data or updating ``holidays``; tests/test_calendar_data.py fails while the shipped file
differs from what the sources give. Never edit the JSON by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from klachtregels.calendar import DATA_FILE, calendar_data_from_sources

#: The years of the table: from the first year whose holiday list is the statutory one (R19) to one
#: year past 2100, so that terms running from the last months of 2100 stay inside the table.
FIRST_YEAR = 1982
LAST_YEAR = 2101
PATH = Path(__file__).resolve().parent.parent / "src" / "klachtregels" / "data" / DATA_FILE


def render(data: dict[str, Any]) -> str:
    """JSON with one line per year and per decree, so a change shows up as a readable diff."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    for key in ("schema_version", "generated_by", "source", "first_year", "last_year"):
        lines.append(f"  {dump(key)}: {dump(data[key])},")
    lines.append('  "holidays": {')
    years = list(data["holidays"].items())
    lines.extend(
        f"    {dump(year)}: {dump(days)}{',' if i < len(years) - 1 else ''}"
        for i, (year, days) in enumerate(years)
    )
    lines.append("  },")
    lines.append('  "decree": [')
    lines.extend(
        f"    {dump(decree)}{',' if i < len(data['decree']) - 1 else ''}"
        for i, decree in enumerate(data["decree"])
    )
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    PATH.write_text(render(calendar_data_from_sources(FIRST_YEAR, LAST_YEAR)), encoding="utf-8")
    print(f"wrote {PATH}")
