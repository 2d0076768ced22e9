"""The rules' text: every reason, flag and title is a catalogue entry, rendered on demand in both
languages."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtregels
from klachtregels.decisions import assess
from klachtregels.errors import InvalidInputError
from klachtregels.messages import LANGUAGES, UnknownLanguageError, has_text, placeholders
from klachtregels.model import About, Complaint, PartyRole, Subject
from klachtregels.rules.catalogue import all_rules
from klachtregels.testing import complaints, gck_filings, judgements, policies
from klachtregels.vocabulary import DecisionKind, FlagCode, Outcome
from strategies_policy import refused_as_provisional

if TYPE_CHECKING:
    from klachtregels.policy import Policy

SRC = Path(klachtregels.__file__).parent
#: The message files of the engine and the rule modules, and the modules whose text they hold.
FILES = {
    "engine.toml": ("engine.py", "_explain.py"),
    "scope.toml": ("rules/scope.py",),
    "handling.toml": ("rules/handling.py",),
    "meldcode.toml": ("rules/meldcode.py",),
    "geschillencommissie.toml": ("rules/geschillencommissie.py", "rules/oudercommissie.py"),
}


def _entries(name: str) -> dict[str, dict[str, str]]:
    return tomllib.loads(resources.files("klachtregels.messages").joinpath(name).read_text("utf-8"))


def _built_codes() -> set[str]:
    """Codes the modules build from data (rule ids, flag codes, enum names), not spelled out."""
    codes = {rule.title_code for rule in all_rules()}
    codes |= {f"FLAG_{code}" for code in FlagCode}
    codes |= {f"OUTCOME_{o.name}" for o in Outcome} | {f"KIND_{k.name}" for k in DecisionKind}
    codes |= {f"SCOPE_ROLE_{r.name}" for r in PartyRole} | {f"SCOPE_SUBJECT_{s.name}" for s in Subject}
    # Whom a conduct complaint concerns when that is not the provider's side (R4, A8).
    codes |= {f"SCOPE_ABOUT_{a.name}" for a in About}
    for key in ("house_handling", "first_contact", "acknowledgement", "submission_window"):
        codes.add(f"HANDLING_HOUSE_{key.upper()}")
    codes |= {f"HANDLING_HOUSE_STATE_{s.name}" for s in (Outcome.MET, Outcome.NOT_MET, Outcome.PENDING)}
    codes.add("HANDLING_HOUSE_STATE_UNDETERMINED")
    return codes


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_entry_is_used_and_has_the_same_placeholders_in_both_languages(name: str) -> None:
    source = "\n".join((SRC / module).read_text("utf-8") for module in FILES[name])
    built = _built_codes()
    for code, entry in _entries(name).items():
        assert code in built or f'"{code}"' in source, f"{name}: {code} is not used"
        fields = [set(re.findall(r"{(\w+)}", entry[lang])) for lang in LANGUAGES]
        assert fields[0] == fields[1], code
        assert placeholders(code) == fields[0]


def test_every_rule_has_a_title_in_both_languages() -> None:
    for rule in all_rules():
        assert has_text(rule.title_code), rule.id
        assert rule.title_nl
        assert rule.title_en
        assert rule.title_nl != rule.title_code


def test_no_literal_text_left_in_the_rule_modules() -> None:
    for modules in FILES.values():
        for module in modules:
            source = (SRC / module).read_text("utf-8")
            assert "message_nl=" not in source, module
            assert "title_nl=" not in source, module
            assert 'if lang == "nl" else' not in source, module


@settings(max_examples=150, deadline=None)
@given(
    complaints(),
    st.none() | judgements(),
    st.none() | gck_filings(),
    st.none() | policies(),
    st.integers(0, 400),
)
def test_every_reason_and_flag_renders_in_both_languages_and_names_its_rule(
    c: Complaint, j: object, g: object, pol: Policy | None, extra: int
) -> None:
    as_of = (c.received_date or dt.date(2026, 1, 1)) + dt.timedelta(days=extra)
    if refused_as_provisional(pol, c):  # strict_calendar (A2) refuses the deadline; not this test's subject
        pol = attrs.evolve(pol, strict_calendar=False)
    try:
        a = assess(c, as_of=as_of, judgement=j, filing=g, policy=pol)  # type: ignore[arg-type]
    except InvalidInputError:
        return  # inputs that contradict each other (a filing before receipt): not this test's subject
    for d in a.decisions:
        ids = set(d.rule_ids)
        texts = [(r.message("nl"), r.message("en")) for r in d.reasons]
        texts += [(f.message("nl"), f.message("en")) for f in d.flags]
        for nl, en in texts:
            assert nl
            assert en
            assert "{" not in nl + en
        for flag in d.flags:
            assert flag.rule_id in ids or flag.code is FlagCode.HYPOTHETICAL_FILING, (d.kind, flag.code)
        assert d.explain("nl") != d.explain("en")
        with pytest.raises(UnknownLanguageError):
            d.explain("de")
