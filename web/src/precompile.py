"""Byte-compile the site's Python once, at build time, inside Pyodide itself (run by precompile.cjs).

A cold start otherwise compiles every module it imports from source, in the browser. Run in the
site's own Pyodide (under Node), so the bytecode is exactly the version the page runs. First the
example is checked and reported as the page does (bridge.py), to learn which modules a run imports;
only those are compiled (all of them would cost about 4 MB more transfer for modules never used):

- ``pyodide/python_stdlib.zip``: each such ``.py`` replaced by its ``.pyc`` (zipimport reads those),
  and the modules of :data:`STDLIB_UNUSED` left out;
- ``pycache.zip``: ``__pycache__/*.pyc`` for each such module of the wheels, unpacked by the worker
  into site-packages after the wheels, which stay byte-for-byte the locked ones.

The ``.pyc`` files are unchecked hash-based (PEP 552): never compared with a source timestamp, which
the unpacked files do not keep.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import sysconfig
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]
from pathlib import Path

SITE = Path("/site")
#: Standard library modules no run of the page imports (tools for developers, servers, other
#: platforms), left out of ``python_stdlib.zip`` to keep the transfer within 10 MB. A page run that
#: needed one would fail with ModuleNotFoundError: the browser test and tests/web/test_node_smoke.py
#: run every path of the page (check, report, .xlsx, .ics, the forms).
STDLIB_UNUSED = frozenset(
    {
        "_pyrepl",
        "cProfile",
        "curses",
        "dbm",
        "doctest",
        "ensurepip",
        "ftplib",
        "idlelib",
        "imaplib",
        "lib2to3",
        "mailbox",
        "multiprocessing",
        "pdb",
        "pickletools",
        "poplib",
        "profile",
        "pstats",
        "pydoc",
        "pydoc_data",
        "smtplib",
        "sqlite3",
        "tabnanny",
        "test",
        "timeit",
        "tkinter",
        "trace",
        "turtle",
        "turtledemo",
        "unittest",
        "venv",
        "wsgiref",
        "xmlrpc",
    }
)
STDLIB_PREFIX = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
#: site-packages (Pyodide reports it with a leading "//").
PURELIB = "/" + sysconfig.get_paths()["purelib"].lstrip("/")


def pyc(source: bytes, filename: str) -> bytes | None:
    """Unchecked hash-based bytecode of ``source``; ``None`` when it does not compile (left as source)."""
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return None
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def imported_by_a_run() -> set[str]:
    """The files of every module a check and report of the example import (wheels unpacked first)."""
    for wheel in sorted((SITE / "wheels").glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(PURELIB)
    manifest = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
    example = SITE / "example"
    sys.path.insert(0, str(SITE))
    import bridge  # only now: it imports klachtregels, from the wheels just unpacked

    options = {**manifest["example"], "org": str(example / "organisation.toml")}
    bridge.run(str(example / "register.csv"), {**options, "policy": str(example / "policy.toml")})
    return {str(getattr(module, "__file__", None)) for module in list(sys.modules.values())}


def stdlib(path: Path, used: set[str]) -> None:
    """Rewrite the standard library zip with bytecode in place of the source of the ``used`` modules."""
    partial = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename.split("/", 1)[0].removesuffix(".py") in STDLIB_UNUSED:
                continue
            data = old.read(info)
            filename = f"{STDLIB_PREFIX}/{info.filename}"
            compiled = pyc(data, filename) if filename in used else None
            if compiled is None:
                new.writestr(info.filename, data)
            else:
                new.writestr(info.filename + "c", compiled)
    partial.replace(path)


def wheels(folder: Path, out: Path, used: set[str]) -> None:
    """``__pycache__`` entries for the ``used`` modules of the wheels, as paths relative to site-packages."""
    tag = sys.implementation.cache_tag
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as cache:
        for wheel in sorted(folder.glob("*.whl")):
            with zipfile.ZipFile(wheel) as archive:
                for name in archive.namelist():
                    if f"{PURELIB}/{name}" not in used:
                        continue
                    compiled = pyc(archive.read(name), f"{PURELIB}/{name}")
                    if compiled is not None:
                        parent, _, base = name.rpartition("/")
                        target = f"{parent}/__pycache__/{base[:-3]}.{tag}.pyc".lstrip("/")
                        cache.writestr(target, compiled)


USED = imported_by_a_run()
stdlib(SITE / "pyodide" / "python_stdlib.zip", USED)
wheels(SITE / "wheels", SITE / "pycache.zip", USED)
