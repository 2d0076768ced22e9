"""klachtregels.register.spec: the column specification and the cell vocabulary, as data."""

from __future__ import annotations

import enum
import typing
from pathlib import Path

import attrs

from klachtregels import model
from klachtregels.register import BOOLEAN_WORDS, COLUMNS, GCK_CASE_COLUMNS, WORDS, Column, ColumnKind


def test_every_column_is_unique_and_documented() -> None:
    names = [c.name for c in COLUMNS]
    assert len(names) == len(set(names))
    doc = (Path(__file__).parents[2] / "docs" / "register.md").read_text(encoding="utf-8")
    missing = [n for n in names if f"`{n}`" not in doc]
    assert missing == []


_CLASSES = {
    "complaint": model.Complaint,
    "complainant": model.Party,
    "signal": model.Signal,
    "judgement": model.Judgement,
    "measure": model.Measure,
    "gck": model.GckFiling,
}


def _enums_in(hint: object) -> set[type]:
    found = {hint} if isinstance(hint, type) and issubclass(hint, enum.Enum) else set()
    for arg in typing.get_args(hint):
        found |= _enums_in(arg)
    return found


def test_every_target_is_a_model_field_of_the_right_type() -> None:
    for column in COLUMNS:
        cls = _CLASSES[column.group]
        assert column.field in attrs.fields_dict(cls), column.name
        hint = typing.get_type_hints(cls)[column.field]
        if column.name == "signals":  # kinds become Signal objects
            hint = typing.get_type_hints(model.Signal)["kind"]
        if column.kind in (ColumnKind.ENUM, ColumnKind.ENUM_LIST):
            assert _enums_in(hint) == {column.vocabulary}, column.name
        else:
            assert column.vocabulary is None
            assert _enums_in(hint) == set(), column.name


def test_target_paths_read_as_register_record_paths() -> None:
    targets = {c.name: c.target for c in COLUMNS}
    assert targets["complainant_role"] == "complaint.complainant.role"
    assert targets["consulted_on"] == "complaint.signals[].consulted_on"
    assert targets["measure_due_on"] == "judgement.measures[].due_on"
    assert targets["gck_outcome"] == "filing.outcome"
    by_group = {c.name: (c.group, c.field) for c in COLUMNS}
    assert by_group["complainant_role"] == ("complainant", "role")
    assert by_group["gck_outcome"] == ("gck", "outcome")


def test_header_names_are_normalised_and_mean_one_column() -> None:
    seen: dict[str, str] = {}
    for column in COLUMNS:
        assert column.header_names[0] == column.name
        for header in column.header_names:
            assert header == header.casefold().replace(" ", "_").replace("-", "_")
            assert seen.setdefault(header, column.name) == column.name
    assert {c.name for c in GCK_CASE_COLUMNS} == {c.name for c in COLUMNS if c.name.startswith("gck_")} | {
        "organisation"
    }


def test_vocabulary_words_are_the_model_table() -> None:
    """The register reads the one vocabulary table of the model (no copy of its own)."""
    for column in COLUMNS:
        if column.vocabulary is None:
            continue
        for member in column.vocabulary:
            assert column.lookup(member.value.upper().replace("_", " ")) is member
        table = model.WORDS.get(column.vocabulary, {})
        assert set(column.aliases) == {w.casefold() for w in table}
        for word, value in table.items():
            assert column.lookup(word) is column.vocabulary(value)
    assert not (Path(model.__file__).parent / "register" / "words.toml").read_text().count("[PartyRole]")


def test_columns_of_one_enum_share_its_words() -> None:
    role, filed_by = (next(c for c in COLUMNS if c.name == n) for n in ("complainant_role", "gck_filed_by"))
    assert role.aliases == filed_by.aliases
    assert role.lookup("Oma") is filed_by.lookup("oma") is model.PartyRole.GRANDPARENT


def test_boolean_words_come_in_true_false_pairs() -> None:
    pairs = list(zip(BOOLEAN_WORDS[::2], BOOLEAN_WORDS[1::2], strict=True))
    assert pairs[:4] == [("true", "false"), ("ja", "nee"), ("yes", "no"), ("1", "0")]
    assert all(WORDS.booleans[t] is True and WORDS.booleans[f] is False for t, f in pairs)


def test_accepted_words_list_values_spacings_aliases_and_none_words() -> None:
    signals = next(c for c in COLUMNS if c.name == "signals")
    words = signals.accepted_words()
    assert words[:5] == [m.value for m in model.SignalKind]
    assert "huiselijk geweld" in words
    assert words[-4:] == sorted(WORDS.none)
    assert isinstance(signals, Column)


# -- docs/register.md shows the spec as it is --------------------------------------------------------

_OBJECTS = {
    "complaint": "Complaint",
    "complainant": "Complaint.complainant (Party)",
    "signal": "each Signal in Complaint.signals",
    "judgement": "Judgement",
    "measure": "the Measure in Judgement.measures",
    "gck": "GckFiling",
}


def _kind(column: Column) -> str:
    if column.vocabulary is None:
        return column.kind.value
    return f"{column.kind.value}: " + ", ".join(f"`{m.value}`" for m in column.vocabulary)


def generated_tables() -> str:
    """The two tables of docs/register.md that come from columns.toml and the vocabulary table."""
    lines = [
        "| column | also accepted as header | type | model field | meaning |",
        "|---|---|---|---|---|",
    ]
    for c in COLUMNS:
        also = ", ".join(f"`{n}`" for n in (*c.nl, *c.en))
        lines.append(f"| `{c.name}` | {also} | {_kind(c)} | {_OBJECTS[c.group]}.`{c.field}` | {c.doc} |")
    lines += ["", "| column | Dutch and other words (any case, `-`/`_`/space alike) |", "|---|---|"]
    for c in COLUMNS:
        words = [f"{word} → {value}" for word, value in c.aliases.items()]
        if c.none_words and c.kind is ColumnKind.ENUM_LIST:
            words.append(" / ".join(sorted(c.none_words)) + " → none (checked, none)")
        if words:
            lines.append(f"| `{c.name}` | " + "; ".join(words) + " |")
    return "\n".join(lines) + "\n"


_BEGIN = "<!-- generated from columns.toml and model.WORDS: tests/register/test_spec.py -->\n"
_END = "<!-- end of generated tables -->\n"


def test_docs_tables_are_generated_from_the_spec() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "register.md").read_text(encoding="utf-8")
    assert _BEGIN in doc, "docs/register.md lost its generated-tables markers"
    published = doc.split(_BEGIN, 1)[1].split(_END, 1)[0]
    assert published == generated_tables(), "regenerate: python tests/register/test_spec.py"


if __name__ == "__main__":  # rewrite the generated tables of docs/register.md
    path = Path(__file__).parents[2] / "docs" / "register.md"
    head, rest = path.read_text(encoding="utf-8").split(_BEGIN, 1)
    path.write_text(head + _BEGIN + generated_tables() + _END + rest.split(_END, 1)[1], encoding="utf-8")
