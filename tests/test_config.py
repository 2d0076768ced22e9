"""Configuration (``klachtregels.config``): found upwards up to the repository root (as black and mypy
find their own), flags override, paths relative to the file, typed errors that name the file and key
but never the value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klachtregels.cli import main
from klachtregels.config import Config, ConfigError, find_config, load_config

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SECRET = "VT-geheim-12345"  # a value that must never appear in an error


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_nearest_file_wins_and_klachtregels_toml_beats_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / "klachtregels.toml", 'lang = "en"\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    assert find_config(inner) == (tmp_path / "klachtregels.toml").resolve()
    _write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.klachtregels]: skipped
    assert find_config(inner) == (tmp_path / "klachtregels.toml").resolve()
    _write(tmp_path / "a" / "pyproject.toml", '[tool.klachtregels]\nlang = "nl"\n')
    assert find_config(inner) == (tmp_path / "a" / "pyproject.toml").resolve()
    _write(tmp_path / "a" / "klachtregels.toml", 'fail_on = "never"\n')
    assert find_config(inner) == (tmp_path / "a" / "klachtregels.toml").resolve()
    assert load_config(tmp_path / "a" / "klachtregels.toml") == Config(
        path=str(tmp_path / "a" / "klachtregels.toml"), fail_on="never"
    )


@pytest.mark.parametrize("marker", ["git-dir", "git-file", "hg-dir"])
def test_the_search_stops_at_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], marker: str
) -> None:
    # An unrelated parent directory's files (invalid ones too: before, they stopped the run) are not
    # read; the repository root's own file is.
    _write(tmp_path / "klachtregels.toml", f'fail_on = "{SECRET}"\n')
    _write(tmp_path / "pyproject.toml", "[tool.klachtregels\nnot toml")
    repo = tmp_path / "project"
    if marker == "git-file":  # a worktree or a submodule: .git is a file
        _write(repo / ".git", "gitdir: ../elders/.git/worktrees/project\n")
    else:
        (repo / (".git" if marker == "git-dir" else ".hg")).mkdir(parents=True)
    work = repo / "data" / "2025"
    work.mkdir(parents=True)
    assert find_config(work) is None
    assert find_config(repo) is None
    monkeypatch.chdir(work)
    register = str(EXAMPLES / "register.csv")
    assert main(["check", register, "--as-of", "2026-05-07", "--fail-on", "never"]) == 0
    assert capsys.readouterr().err == ""
    own = _write(repo / "klachtregels.toml", 'fail_on = "never"\n')
    assert find_config(work) == own.resolve()
    assert main(["check", register, "--as-of", "2026-05-07"]) == 0  # fail_on = never: the repository's
    capsys.readouterr()
    _write(repo / "klachtregels.toml", f'fail_on = "{SECRET}"\n')  # the project's own invalid file
    assert main(["check", register, "--as-of", "2026-05-07"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(repo / "klachtregels.toml") in err
    assert SECRET not in err


def test_outside_a_repository_the_search_goes_on_upwards(tmp_path: Path) -> None:
    own = _write(tmp_path / "klachtregels.toml", 'lang = "en"\n')
    inner = tmp_path / "a" / "b" / "c"
    inner.mkdir(parents=True)
    assert find_config(inner) == own.resolve()
    (tmp_path / "a" / "b" / ".git").mkdir()  # a repository below the file: the file is not its own
    assert find_config(inner) is None


def test_paths_are_relative_to_the_file_and_names_stay_names(tmp_path: Path) -> None:
    config = _write(
        tmp_path / "conf" / "pyproject.toml",
        '[tool.klachtregels]\norganisation = "org.toml"\npolicy = "smallsteps"\nmapping = "maps/m.toml"\n'
        'baseline = "base.toml"\n',
    )
    loaded = load_config(config)
    base = config.resolve().parent
    assert loaded.organisation == str(base / "org.toml")
    assert loaded.policy == "smallsteps"  # a shipped name, not a file
    assert loaded.mapping == str(base / "maps" / "m.toml")
    assert loaded.baseline == str(base / "base.toml")


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (f'lang = "{SECRET}"\n', "lang"),
        (f'fail_on = "{SECRET}"\n', "fail_on"),
        ("policy = 3\n", "policy"),
        (f'"{SECRET}" = 1\n', "unknown key"),  # a key that is no identifier is not shown either
        (f'[[accept]]\nfinding = "KR-HANDLING-LATE"\ncomplaint = "{SECRET}"\n', "accept[0].reason"),
        (f'[[accept]]\ncomplaint = "{SECRET}"\nreason = "x"\nexpires = "{SECRET}"\n', "accept[0].expires"),
        (f'[[accept]]\nfinding = "{SECRET}"\nreason = "x"\n', "accept[0].finding"),
        ('[[accept]]\nreason = "x"\n', "needs 'finding', 'complaint' or both"),
        (f'lang = "{SECRET}', "not valid TOML"),
    ],
)
def test_errors_name_the_file_and_key_never_the_value(tmp_path: Path, body: str, key: str) -> None:
    path = _write(tmp_path / "klachtregels.toml", body)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "klachtregels.toml" in message
    assert key in message
    assert SECRET not in message


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[tool.klachtregels]\nlang = "de"\n')
    with pytest.raises(ConfigError, match=r"tool\.klachtregels\.lang"):
        load_config(path)


def _json_run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_check_reads_the_configuration_and_flags_override_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("register.csv", "organisation.toml", "policy.toml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    _write(
        tmp_path / "klachtregels.toml",
        'organisation = "organisation.toml"\npolicy = "policy.toml"\nfail_on = "never"\nlang = "en"\n',
    )
    work = tmp_path / "sub"
    work.mkdir()
    monkeypatch.chdir(work)
    register = str(tmp_path / "register.csv")
    code, data = _json_run(["check", register, "--as-of", "2026-05-07"], capsys)
    assert code == 0  # fail_on = never from the file
    assert data["fail_on"] == "never"
    assert data["policy"] == "voorbeeldtuin"
    assert data["organisation"] is not None
    code, data = _json_run(["check", register, "--as-of", "2026-05-07", "--fail-on", "error"], capsys)
    assert code == 1  # the flag wins
    assert data["fail_on"] == "error"
    code, data = _json_run(["check", register, "--as-of", "2026-05-07", "--no-config"], capsys)
    assert code == 1
    assert data["policy"] == "statutory"
    assert data["organisation"] is None
    assert main(["check", register, "--as-of", "2026-05-07"]) == 0
    assert "Result:" in capsys.readouterr().out  # lang = en from the file


def test_an_explicit_config_file_and_its_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    other = _write(tmp_path / "elders" / "conf.toml", 'fail_on = "never"\n')
    register = str(EXAMPLES / "register.csv")
    assert main(["check", register, "--as-of", "2026-05-07", "--config", str(other)]) == 0
    capsys.readouterr()
    bad = _write(tmp_path / "bad.toml", f'fail_on = "{SECRET}"\n')
    assert main(["check", register, "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.toml" in err
    assert "fail_on" in err
    assert SECRET not in err
    assert main(["check", register, "--config", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml" in capsys.readouterr().err


_KEYS = [
    "organisation",
    "policy",
    "mapping",
    "lang",
    "fail_on",
    "encoding",
    "delimiter",
    "baseline",
    "accept",
]
_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=2),
    st.lists(
        st.dictionaries(
            st.sampled_from(["finding", "complaint", "reason", "expires", "other"]),
            st.one_of(
                st.text(max_size=12), st.integers(), st.just("KR-HANDLING-LATE"), st.just("2026-01-01")
            ),
            max_size=4,
        ),
        max_size=3,
    ),
)


def _toml_value(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def _error_of(path: Path) -> str:
    """The configuration error's text ('' when the file loads); anything else propagates."""
    try:
        load_config(path)
    except ConfigError as exc:
        return str(exc)
    return ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.dictionaries(st.sampled_from([*_KEYS, "SECRET-KEY x"]), _VALUES, max_size=5),
    raw=st.text(max_size=40),
)
def test_any_configuration_loads_or_is_a_config_error_that_quotes_no_value(
    tmp_path: Path, table: dict[str, object], raw: str
) -> None:
    body = "\n".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in table.items()) + "\n"
    for text in (body, raw):
        path = tmp_path / "klachtregels.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        message = _error_of(path)
        assert "SECRET-KEY" not in message
        for value in table.values():
            if isinstance(value, str) and len(value) > 3 and value not in _KEYS:
                assert f": {value}" not in message
