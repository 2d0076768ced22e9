"""What the register reader compiles (its generated row readers and builders), for the tests that show
no header or cell of a file ever becomes code (``tests/hardening``, ``tests/fuzz``)."""

from __future__ import annotations

import builtins
import contextlib
from typing import TYPE_CHECKING, Any
from unittest import mock

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def no_code_from_the_file(canary: str, pwned: str) -> Iterator[list[str]]:
    """Collect every source klachtregels compiles inside the block, then check them: none holds the
    ``canary`` planted in the file, an ``__import__`` or a format field, and the expression planted to
    set ``builtins.<pwned>`` never ran."""
    compiled: list[str] = []
    real = builtins.compile

    def spy(source: Any, filename: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(source, str) and str(filename).startswith("<klachtregels"):
            compiled.append(source)
        return real(source, filename, *args, **kwargs)

    with mock.patch.object(builtins, "compile", spy):
        yield compiled
    assert not hasattr(builtins, pwned)
    for source in compiled:
        assert "__import__" not in source
        assert canary not in source
        assert "{0}" not in source
