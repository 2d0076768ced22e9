"""Build the compliance officer's static page (web/dist) from the library's wheel (issue 15).

    python scripts/build_web.py [--out web/dist]      # build the site
    python scripts/build_web.py --relock              # re-resolve web/requirements.lock, then build

The site is: web/src (the page, its Web Worker and the Python bridge), the library's wheel (built
here with ``python -m build --wheel``), the pure-Python dependency wheels pinned with their SHA-256
in web/requirements.lock (downloaded by pip with ``--require-hashes``, and checked to satisfy the
wheel's requirements with pip itself, offline), and Pyodide from the npm registry (``npm pack`` of
the pinned version, checked against its pinned sha512 integrity). Everything is served from the
page's own origin; a Content-Security-Policy meta tag forbids any other host. The page's texts are
rendered from the library's message catalogue (messages/web.toml) into messages.json. Last, the
modules a run imports are byte-compiled in that same Pyodide under Node (web/src/precompile.py):
a cold start then compiles nothing it needs.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import enum
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import types
import typing
import zipfile
from pathlib import Path
from typing import Any

import attrs

from klachtregels import messages
from klachtregels.organisation import Organisation
from klachtregels.policy import shipped_policies
from klachtregels.register.spec import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "web" / "src"
LOCK = ROOT / "web" / "requirements.lock"
#: The Pyodide release (npm package ``pyodide``; Python 3.13) and the sha512 integrity npm publishes for it.
PYODIDE_VERSION = "0.29.5"
PYODIDE_INTEGRITY = (
    "sha512-TkYrUv9m8QmfImADKRmpwZulL48E0uUaBSO+dvRQKyAJc0qh9gu7jn8btyHPh3NZm1r2IH2YrJhIr7Q2B9urAw=="
)
#: The Python version of that Pyodide: pip resolves the wheel set for it.
PYODIDE_PYTHON = "3.13"
#: The files of the npm package the page loads (the rest are maps, type stubs and consoles).
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
#: No host but the page's own; WebAssembly compiles without eval ('wasm-unsafe-eval'). The report is
#: printed from a frame of its own HTML (a blob: URL, which keeps this policy): its inline <style>
#: and <script> elements (the library's own, fixed) are allowed by their hashes (filled in by :func:`csp`).
CSP_TEMPLATE = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' @REPORT_SCRIPTS@; worker-src 'self'; "
    "connect-src 'self'; style-src 'self' @REPORT_STYLES@; img-src 'self' blob: data:; "
    "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'"
)
#: The example the page offers ("Try the example register"), as in the README's main job.
EXAMPLE = {"as_of": "2026-05-07", "year": 2025}
EXAMPLE_FILES = ("register.csv", "organisation.toml", "policy.toml")
#: The library's extras the page uses: ``ics`` (the obligations as .ics, through icalendar).
PAGE_EXTRAS = ("ics",)
#: Besides those, openpyxl reads .xlsx registers (klachtregels.register.xlsx falls back to it where
#: python-calamine, the ``xlsx`` extra, has no build: Pyodide). Its version bound is the one in
#: pyproject.toml's ``tests`` extra, which tests that fallback.
PAGE_PACKAGES = ("openpyxl",)
#: What the page never reads, dropped from the dependency wheels after pip has checked their hashes
#: (the transfer budget is 10 MB): type stubs, a package's own test suite, other countries' holiday
#: names, every time zone but Europe/Amsterdam and UTC (klachtregels._time converts to Amsterdam
#: only), and python-dateutil's own copy of the zone database (zoneinfo and tzdata serve instead).
SLIM_DROP = re.compile(
    r".*\.pyi"
    r"|[^/]+/tests?/.*"
    r"|holidays/locale/[^/]+/LC_MESSAGES/(?!NL\.mo$).*"
    r"|tzdata/zoneinfo/(?!(?:__init__\.py|UTC|Europe/(?:__init__\.py|Amsterdam)|Etc/(?:__init__\.py|UTC))$).*"
    r"|dateutil/zoneinfo/dateutil-zoneinfo\.tar\.gz"
)
#: pip options that select wheels Pyodide can import: pure Python, for its CPython version.
PURE_WHEELS = (
    "--only-binary=:all:",
    "--platform",
    "any",
    "--implementation",
    "py",
    "--abi",
    "none",
    "--python-version",
    PYODIDE_PYTHON,
)


def _run(*argv: str | Path, cwd: Path = ROOT) -> str:
    """Run a command; its standard output. A failure stops the build with the command's own error."""
    done = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"build_web: {' '.join(str(a) for a in argv[:4])} ... failed ({done.returncode})")
    return done.stdout


def _pip(*argv: str | Path) -> str:
    return _run(sys.executable, "-m", "pip", "--disable-pip-version-check", *argv)


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(data: bytes) -> str:
    """Subresource Integrity (sha256) of ``data``, as ``fetch(..., {integrity})`` takes it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def build_wheel(tmp: Path) -> Path:
    """The library's wheel, built from this checkout."""
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp / "lib", ".")
    (wheel,) = (tmp / "lib").glob("klachtregels-*.whl")
    return wheel


def _wheel_name(path: Path) -> tuple[str, str]:
    """(normalised project name, version) from a wheel file name."""
    name, version = path.name.split("-")[:2]
    return re.sub(r"[-_.]+", "-", name).lower(), version


def page_requirements(wheel: Path) -> list[str]:
    """What pip resolves for the page: the library's wheel with its :data:`PAGE_EXTRAS`, then
    :data:`PAGE_PACKAGES`."""
    tests = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]["tests"]
    packages = [next(r for r in tests if re.match(rf"{name}\b", r)) for name in PAGE_PACKAGES]
    return [f"klachtregels[{','.join(PAGE_EXTRAS)}] @ {wheel.resolve().as_uri()}", *packages]


def relock(wheel: Path, tmp: Path) -> None:
    """Resolve the page's requirements for Pyodide with pip and write them, hashed, to the lock."""
    resolved = tmp / "resolved"
    _pip("download", "--quiet", *PURE_WHEELS, "--dest", resolved, *page_requirements(wheel))
    lines = [
        "# The pure-Python wheels the web page ships (scripts/build_web.py --relock writes this file;",
        f"# resolved by pip for Python {PYODIDE_PYTHON}, Pyodide {PYODIDE_VERSION}).",
    ]
    for path in sorted(resolved.glob("*.whl")):
        name, version = _wheel_name(path)
        if name != "klachtregels":
            lines.append(f"{name}=={version} --hash=sha256:{sha256(path)}")
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")


def locked_wheels(wheel: Path, tmp: Path) -> list[Path]:
    """The locked dependency wheels (hash-checked by pip), proved to satisfy the page's requirements."""
    deps = tmp / "deps"
    _pip("download", "--quiet", *PURE_WHEELS, "--require-hashes", "--no-deps", "--dest", deps, "-r", LOCK)
    # Offline, from the locked wheels only: fails when the lock no longer satisfies the library.
    _pip(
        "download",
        "--quiet",
        *PURE_WHEELS,
        "--no-index",
        "--find-links",
        deps,
        "--dest",
        tmp / "proof",
        *page_requirements(wheel),
    )
    needed = {_wheel_name(p) for p in (tmp / "proof").glob("*.whl")}
    return sorted(p for p in deps.glob("*.whl") if _wheel_name(p) in needed)


def slim(wheel: Path, out: Path) -> Path:
    """``wheel`` without the files :data:`SLIM_DROP` matches (and their RECORD lines), into ``out``."""
    target = out / wheel.name
    with zipfile.ZipFile(wheel) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if SLIM_DROP.fullmatch(info.filename):
                continue
            data = old.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                kept = [
                    line
                    for line in data.decode("utf-8").splitlines(keepends=True)
                    if not SLIM_DROP.fullmatch(line.split(",", 1)[0])
                ]
                data = "".join(kept).encode("utf-8")
            new.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return target


def pyodide(tmp: Path, out: Path) -> None:
    """The pinned Pyodide from the npm registry, checked against its pinned integrity, into ``out``."""
    packed = json.loads(
        _run("npm", "pack", f"pyodide@{PYODIDE_VERSION}", "--json", "--pack-destination", tmp)
    )
    tarball = tmp / packed[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode("ascii")
    if digest != PYODIDE_INTEGRITY:
        raise SystemExit(f"build_web: pyodide@{PYODIDE_VERSION} does not match its pinned integrity")
    out.mkdir(parents=True)
    with tarfile.open(tarball) as archive:
        for name in PYODIDE_FILES:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"build_web: pyodide@{PYODIDE_VERSION} has no {name}")
            (out / name).write_bytes(member.read())


def report_inline(tmp: Path) -> dict[str, list[str]]:
    """The CSP hashes of the annual report's inline ``style`` and ``script`` elements, by tag: the
    example's report in each language."""
    from klachtregels.cli import main as cli

    found: dict[str, set[str]] = {"style": set(), "script": set()}
    example = ROOT / "examples"
    for lang in messages.LANGUAGES:
        out = tmp / f"report-{lang}.html"
        argv = ["report", str(example / "register.csv"), "--org", str(example / "organisation.toml")]
        argv += ["--year", str(EXAMPLE["year"]), "--format", "html", "--lang", lang, "-o", str(out)]
        with contextlib.redirect_stderr(io.StringIO()):
            if cli(argv) != 0:
                raise SystemExit("build_web: the example's annual report failed")
        page = out.read_text(encoding="utf-8")
        for tag, hashes in found.items():
            for body in re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.DOTALL):
                hashes.add("'" + integrity(body.encode("utf-8")) + "'")
    return {tag: sorted(hashes) for tag, hashes in found.items()}


def csp(tmp: Path) -> str:
    """The page's Content-Security-Policy (:data:`CSP_TEMPLATE` with the report's inline hashes)."""
    inline = report_inline(tmp)
    policy = CSP_TEMPLATE.replace("@REPORT_STYLES@", " ".join(inline["style"]))
    return policy.replace("@REPORT_SCRIPTS@", " ".join(inline["script"]))


def page_messages() -> dict[str, dict[str, str]]:
    """Every entry of messages/web.toml and the severity labels, in both languages, placeholders kept."""
    catalogue = Path(messages.__file__).parent / "web.toml"
    codes = [
        *tomllib.loads(catalogue.read_text(encoding="utf-8")),
        "SEVERITY_ERROR",
        "SEVERITY_WARNING",
        "SEVERITY_INFO",
    ]
    out: dict[str, dict[str, str]] = {}
    for code in codes:
        keep = {name: "{" + name + "}" for name in messages.placeholders(code)}
        out[code] = {lang: messages.text(code, lang, **keep) for lang in messages.LANGUAGES}
    return out


#: Organisation fields the form leaves to the file: where a fact comes from.
FORM_SKIPS = frozenset({"source"})
#: Field names the organisation file spells otherwise (organisation._file_converter); the build
#: proves the form's keys by loading a filled-in form (:func:`_prove_form`).
FILE_KEYS = {"lrk_number": "lrk"}


def _form_kind(hint: Any) -> dict[str, Any] | None:
    """The form control for a field's type hint: bool, int, text, list (of text) or choice."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        hint = args[0]
    if hint is bool:
        return {"kind": "bool"}
    if hint is int:
        return {"kind": "int"}
    if hint is str:
        return {"kind": "text"}
    if hint is dt.date:
        return {"kind": "date"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"kind": "choice", "choices": [member.value for member in hint]}
    if typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is str:
        return {"kind": "list"}
    return None


def organisation_form(cls: type = Organisation, path: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The organisation form, read from the organisation file's own classes (klachtregels.organisation).

    One entry per field or section, in the classes' order, each with its TOML path and the label's
    message code (``WEB_ORG_`` + the path); a field without a label fails the build.
    """
    entries: list[dict[str, Any]] = []
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.name in FORM_SKIPS:
            continue
        where = (*path, field.name)
        label = "WEB_ORG_" + "_".join(where).upper()
        if not messages.has_text(label):
            raise SystemExit(f"build_web: the organisation form has no label {label} (messages/web.toml)")
        hint = hints[field.name]
        key = FILE_KEYS.get(field.name, field.name)
        if attrs.has(hint):
            entries += [
                {"path": list(where), "kind": "section", "label": label},
                *organisation_form(hint, where),
            ]
            continue
        item = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else None
        if item is not None and attrs.has(item):  # a list of tables ([[locations]]): one form per item
            entries.append(
                {
                    "path": list(where),
                    "kind": "tables",
                    "label": label,
                    "fields": organisation_form(item, where),
                }
            )
            continue
        control = _form_kind(hint)
        if control is None:
            raise SystemExit(f"build_web: no form control for {'.'.join(where)}")
        entries.append({"path": [*where[:-1], key], "label": label, **control})
    return entries


def _sample_value(entry: dict[str, Any]) -> Any:
    """A valid answer for one control (LRK numbers have nine digits; a year is a year)."""
    key = entry["path"][-1]
    if key in ("lrk", "lrk_numbers"):
        return ["123456789"] if entry["kind"] == "list" else "123456789"
    if entry["kind"] == "choice":
        return entry["choices"][0]
    samples = {"bool": True, "int": 2024, "text": "x", "list": ["x"], "date": {"$date": "2025-01-31"}}
    return samples[entry["kind"]]


def _sample(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Every control of the form answered, nested by key as the page sends it (one item per list)."""
    values: dict[str, Any] = {}
    for entry in entries:
        if entry["kind"] == "section":
            continue
        table = values
        for parent in entry["path"][:-1]:
            table = table.setdefault(parent, {})
        if entry["kind"] == "tables":
            item = {f["path"][-1]: _sample_value(f) for f in entry["fields"] if f["kind"] != "section"}
            table[entry["path"][-1]] = [item]
        else:
            table[entry["path"][-1]] = _sample_value(entry)
    return values


def _prove_form(entries: list[dict[str, Any]]) -> None:
    """The form filled in, written by the page's own bridge (web/src/bridge.py) and read back by the
    library: every key and value kind the form writes is one the organisation file takes."""
    sys.path.insert(0, str(SRC))
    try:
        import bridge  # type: ignore[import-not-found]  # web/src/bridge.py: the page's Python
    finally:
        sys.path.remove(str(SRC))
    made = json.loads(bridge.organisation_toml(json.dumps(_sample(entries))))
    if "error" in made:
        raise SystemExit(
            f"build_web: the organisation form writes a file the library refuses: {made['error']}"
        )


def site(out: Path, wheels: list[Path], library_version: str, policy: str) -> None:
    """Write the page, its assets, the example, messages.json and manifest.json into ``out``."""
    (out / "wheels").mkdir()
    for wheel in wheels:
        shutil.copy2(wheel, out / "wheels" / wheel.name)
    for name in ("worker.js", "style.css", "bridge.py"):  # sw.js: service_worker()
        shutil.copy2(SRC / name, out / name)
    # The file:// notice cannot fetch messages.json: it is written into app.js, both languages.
    notice = " / ".join(messages.text("WEB_FILE_URL", lang) for lang in messages.LANGUAGES)
    script = (SRC / "app.js").read_text(encoding="utf-8")
    (out / "app.js").write_text(script.replace('"@FILE_URL_TEXT@"', json.dumps(notice)), encoding="utf-8")
    page = (SRC / "index.html").read_text(encoding="utf-8").replace("@CSP@", policy)
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / "example").mkdir()
    for name in EXAMPLE_FILES:
        shutil.copy2(ROOT / "examples" / name, out / "example" / name)
    (out / "messages.json").write_text(json.dumps(page_messages(), ensure_ascii=False), encoding="utf-8")
    form = organisation_form()
    _prove_form(form)
    manifest: dict[str, Any] = {
        "library_version": library_version,
        "pyodide": PYODIDE_VERSION,
        "wheels": [
            {"file": w.name, "sha256": sha256(w), "integrity": integrity(w.read_bytes())} for w in wheels
        ],
        "bridge_integrity": integrity((SRC / "bridge.py").read_bytes()),
        "policies": list(shipped_policies()),
        "organisation_form": form,
        "columns": [column.name for column in COLUMNS],
        "example": EXAMPLE,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def precompile(out: Path) -> None:
    """Byte-compile what a run imports, in the site's own Pyodide under Node (web/src/precompile.py).

    Rewrites ``pyodide/python_stdlib.zip`` and writes ``pycache.zip``; records the latter's integrity.
    """
    _run("node", SRC / "precompile.cjs", out, SRC / "precompile.py")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["pycache_integrity"] = integrity((out / "pycache.zip").read_bytes())
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


#: Files the service worker does not keep: itself (the browser checks it for a new version).
_NOT_CACHED = frozenset({"sw.js"})


def service_worker(out: Path) -> str:
    """Write ``sw.js`` (web/src/sw.js) with the site's file list and a cache name from their hash.

    The cache name changes whenever any file does, so a new build replaces the cached site as a
    whole (the worker deletes the caches of other builds). Returns the build hash.
    """
    files = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).as_posix() not in _NOT_CACHED
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(f"{name}\0{sha256(out / name)}\n".encode())
    build = digest.hexdigest()[:16]
    script = (SRC / "sw.js").read_text(encoding="utf-8")
    script = script.replace('"@BUILD@"', json.dumps(build)).replace('["@FILES@"]', json.dumps(files))
    (out / "sw.js").write_text(script, encoding="utf-8")
    return build


def main(argv: list[str] | None = None) -> int:
    """Build the site (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "web" / "dist", help="the site directory (replaced)"
    )
    parser.add_argument("--relock", action="store_true", help="re-resolve web/requirements.lock first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="klachtregels-web-") as name:
        tmp = Path(name)
        wheel = build_wheel(tmp)
        if args.relock:
            relock(wheel, tmp)
        (tmp / "slim").mkdir()
        wheels = [wheel, *(slim(dep, tmp / "slim") for dep in locked_wheels(wheel, tmp))]
        shutil.rmtree(args.out, ignore_errors=True)
        pyodide(tmp, args.out / "pyodide")
        site(args.out, wheels, _wheel_name(wheel)[1], csp(tmp))
        precompile(args.out)
        service_worker(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(
        f"build_web: wrote {args.out} ({size / 1e6:.1f} MB, {len(wheels)} wheels, Pyodide {PYODIDE_VERSION})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
