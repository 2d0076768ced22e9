"""Shared helpers of the register tests."""

from __future__ import annotations

import io
from pathlib import Path

from klachtregels.register import RegisterResult, read_register_all

DATA = Path(__file__).parents[1] / "data" / "register"


def csv_bytes(text: str, *, encoding: str = "utf-8") -> io.BytesIO:
    """``text`` as a binary file."""
    return io.BytesIO(text.encode(encoding))


def read_csv(text: str, **kw: object) -> RegisterResult:
    """Read CSV text whole."""
    return read_register_all(csv_bytes(text), format="csv", **kw)  # type: ignore[arg-type]


def assert_accounting(result: RegisterResult) -> None:
    """The accounting rule: every row read is either yielded or rejected."""
    s = result.summary
    assert s.rows_read == s.rows_ok + s.rows_rejected
    assert s.rows_ok == len(result.records)
