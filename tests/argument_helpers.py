"""What the argument-type tests share: a marker that must never appear in an error, a day and a
complaint to call the functions with (tests/hardening/test_argument_types*.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from klachtregels.model import Complaint, RegisterRecord

#: Passed where text is wrong: no error may repeat it (it stands for personal data).
SECRET = "Jansen-0612345678"
DAY = dt.date(2026, 5, 1)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMPLAINT = Complaint.from_dict(
    {
        "id": "K1",
        "received_on": "2026-03-02",
        "channel": "letter",
        "complainant": {"role": "ouder"},
        "subjects": ["conduct"],
        "signals": [],
    }
)
RECORD = RegisterRecord(complaint=COMPLAINT)
