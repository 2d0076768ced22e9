"""The message catalogue read file by file: the shipped index (code -> file) is the TOML files' own,
every code renders as its file says, and rendering reads only the file of the code rendered."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klachtregels import messages
from klachtregels.messages import LANGUAGES, UnknownLanguageError, has_text, placeholders, text

if TYPE_CHECKING:
    from collections.abc import Iterator

FOLDER = Path(messages.__file__).parent
FILES = {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(FOLDER.glob("*.toml"))}


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Forget the files and the index read so far (before and after the test)."""
    messages._file.cache_clear()
    messages._index.cache_clear()
    yield
    messages._file.cache_clear()
    messages._index.cache_clear()


def test_the_shipped_index_is_the_one_the_toml_files_call_for() -> None:
    """If this fails after adding or moving a code: ``python -m klachtregels.messages`` writes the index."""
    shipped = json.loads((FOLDER / "index.json").read_text(encoding="utf-8"))
    assert shipped["codes"] == messages.build_index()
    assert shipped["codes"] == {code: stem for stem, entries in FILES.items() for code in entries}
    assert list(shipped["codes"]) == sorted(shipped["codes"])
    assert shipped["sizes"] == {stem: (FOLDER / f"{stem}.toml").stat().st_size for stem in FILES}


def test_every_code_renders_as_its_file_says() -> None:
    count = 0
    for entries in FILES.values():
        for code, entry in entries.items():
            assert has_text(code)
            for lang in LANGUAGES:
                assert text(code, lang) == entry[lang]  # no parameters: the template itself
            count += 1
    assert count == len(messages.build_index()) > 1000


@pytest.mark.usefixtures("fresh_caches")
def test_rendering_a_code_reads_its_own_file_only() -> None:
    assert text("CLI_DAY_OUT_OF_RANGE", "en") == FILES["cli"]["CLI_DAY_OUT_OF_RANGE"]["en"]
    assert messages._file.cache_info().currsize == 1
    assert has_text(next(iter(FILES["report"])))  # the index answers: no file read
    assert not has_text("NO_SUCH_CODE")
    assert messages._file.cache_info().currsize == 1
    placeholders("CLI_DAY_OUT_OF_RANGE")
    assert messages._file.cache_info().currsize == 1


def test_unknown_codes_and_languages() -> None:
    assert not has_text("NO_SUCH_CODE")
    with pytest.raises(KeyError):
        text("NO_SUCH_CODE", "nl")
    with pytest.raises(KeyError):
        placeholders("NO_SUCH_CODE")
    with pytest.raises(UnknownLanguageError):
        text("CLI_DAY_OUT_OF_RANGE", "de")
    with pytest.raises(UnknownLanguageError):
        messages.Message("CLI_DAY_OUT_OF_RANGE").render("fr")


def _catalogue_in(folder: Path, monkeypatch: pytest.MonkeyPatch, **files: str) -> None:
    for stem, content in files.items():
        (folder / f"{stem}.toml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(messages, "_FOLDER", str(folder))


@pytest.mark.usefixtures("fresh_caches")
def test_write_index_writes_what_the_loader_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _catalogue_in(
        tmp_path,
        monkeypatch,
        b='[B_ONE]\nnl = "een {n}"\nen = "one {n}"\n',
        a='[A_TWO]\nnl = "twee"\nen = "two"\n\n[Z_LAST]\nnl = "laatste"\nen = "last"\n',
    )
    messages.write_index()
    written = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert written["codes"] == {"A_TWO": "a", "B_ONE": "b", "Z_LAST": "a"}
    assert written["sizes"] == {
        "a": (tmp_path / "a.toml").stat().st_size,
        "b": (tmp_path / "b.toml").stat().st_size,
    }
    assert text("B_ONE", "en", n=3) == "one 3"
    assert placeholders("B_ONE") == {"n"}
    assert text("Z_LAST", "nl") == "laatste"


@pytest.mark.usefixtures("fresh_caches")
def test_a_stale_index_costs_time_never_a_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A code added after the index was written (a file's size changed) is found by reading every file."""
    _catalogue_in(tmp_path, monkeypatch, a='[A_OLD]\nnl = "oud"\nen = "old"\n')
    messages.write_index()
    with (tmp_path / "a.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[A_NEW]\nnl = "nieuw"\nen = "new"\n')
    _catalogue_in(tmp_path, monkeypatch, b='[B_NEW]\nnl = "ook"\nen = "too"\n')  # a new file as well
    messages._file.cache_clear()  # a new process: nothing read yet
    messages._index.cache_clear()
    assert has_text("A_NEW")
    assert text("A_NEW", "en") == "new"
    assert text("B_NEW", "nl") == "ook"
    assert text("A_OLD", "nl") == "oud"
    assert not has_text("NO_SUCH_CODE")


@pytest.mark.usefixtures("fresh_caches")
def test_a_code_in_two_files_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = '[SAME]\nnl = "x"\nen = "x"\n'
    _catalogue_in(tmp_path, monkeypatch, first=entry, second=entry)
    with pytest.raises(RuntimeError, match="SAME is defined twice"):
        messages.build_index()


@pytest.mark.usefixtures("fresh_caches")
def test_an_entry_without_both_languages_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _catalogue_in(tmp_path, monkeypatch, only='[ONLY_NL]\nnl = "alleen"\n')
    size = (tmp_path / "only.toml").stat().st_size
    index = {"codes": {"ONLY_NL": "only"}, "sizes": {"only": size}}
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"ONLY_NL in only\.toml must have exactly nl and en"):
        text("ONLY_NL", "nl")
