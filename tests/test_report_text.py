"""The report's words come from one catalogue (messages/report.toml); renderers only add markup."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from klachtregels import messages, report
from klachtregels.messages import UnknownLanguageError
from klachtregels.model import GckOutcome, Verdict
from klachtregels.report._text import fmt_int, fmt_pct, fmt_signed, fmt_signed_pct, verdict_label
from klachtregels.report.anonymise import TAGS
from klachtregels.report.model import ReviewKind
from klachtregels.rules.annual_report import DueOutcome
from klachtregels.vocabulary import FlagCode, Outcome

SRC = Path(__file__).parent.parent / "src" / "klachtregels"
REPORT_SOURCES = [*sorted((SRC / "report").glob("*.py")), SRC / "_cli" / "report.py"]
CATALOGUE = tomllib.loads((SRC / "messages" / "report.toml").read_text(encoding="utf-8"))

#: Codes built from data at run time: the prefix and the values that complete it.
DYNAMIC = {
    "REPORT_VERDICT_": {v.value.upper() for v in (*Verdict, *GckOutcome)},
    "REPORT_DUE_OUTCOME_": {o.value for o in DueOutcome},
    # Every flag report_due can give (R9, A16).
    "REPORT_FLAG_": {
        FlagCode.VERIFY_LID7,
        FlagCode.KLACHTENLOKET_FAQ_GCK,
        FlagCode.CHANNEL_UNKNOWN,
        FlagCode.ATW_ON_FIXED_DATE,
        FlagCode.PROVISIONAL_CALENDAR,
    },
    # The reasons a record is not a complaint (R1, R3-R5), listed in the data-quality section.
    "REPORT_DQ_": {
        o.value.upper() for o in (Outcome.NOT_ELIGIBLE, Outcome.NOT_YET, Outcome.OUT_OF_TEMPORAL_SCOPE)
    },
    # Review notes (ReidentificationWarning.message): their kind, the file they point at, what was found.
    "REPORT_REVIEW_": {k.value.upper() for k in ReviewKind},
    "REPORT_REVIEW_SOURCE_": {"REGISTER", "PREVIOUS", "GESCHILLEN"},
    "REPORT_REVIEW_FOUND_": {tag.upper().replace("-", "_") for tag in TAGS},
}


def _literal_codes() -> set[str]:
    """Every quoted ``REPORT_...`` in the report code, except its Python names (``REPORT_CITATIONS``)."""
    found: set[str] = set()
    for path in REPORT_SOURCES:
        found |= set(re.findall(r"[\"'](REPORT_[A-Z0-9_]+)[\"']", path.read_text(encoding="utf-8")))
    return {code for code in found if not hasattr(report, code)}


def _dynamic_codes() -> set[str]:
    return {prefix + str(value) for prefix, values in DYNAMIC.items() for value in values}


def test_every_code_the_report_uses_is_in_the_catalogue() -> None:
    missing = sorted(code for code in _literal_codes() | _dynamic_codes() if not messages.has_text(code))
    assert missing == []


def test_every_entry_of_report_toml_is_used() -> None:
    unused = sorted(set(CATALOGUE) - _literal_codes() - _dynamic_codes())
    assert unused == []


def test_every_entry_is_a_report_code_with_the_same_placeholders_in_both_languages() -> None:
    for code, entry in CATALOGUE.items():
        assert code.startswith("REPORT_"), code
        nl = set(re.findall(r"{(\w+)}", entry["nl"]))
        en = set(re.findall(r"{(\w+)}", entry["en"]))
        assert nl == en, code


@pytest.mark.parametrize("path", REPORT_SOURCES, ids=lambda p: p.name)
def test_no_language_branches_or_text_pairs_in_the_report_code(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"\bif nl\b|lang == \"(nl|en)\"|lang != \"(nl|en)\"|_nl\b|_en\b", source)


def test_numbers_in_the_report_language() -> None:
    assert (fmt_int(72684, "nl"), fmt_int(72684, "en")) == ("72.684", "72,684")
    assert (fmt_pct(0.0070585, "nl"), fmt_pct(0.0070585, "en")) == ("0,71%", "0.71%")
    assert (fmt_signed(-1234, "nl"), fmt_signed(25, "en"), fmt_signed(0, "en")) == ("\u22121.234", "+25", "0")
    assert fmt_signed_pct(-0.046, "nl") == "\u22124,6%"
    assert fmt_signed_pct(0.0001, "en") == "0.0%"


def test_verdicts_in_the_report_language() -> None:
    assert verdict_label("deels_gegrond", "en") == "partly well-founded"
    assert verdict_label(None, "nl") == "onbekend"
    assert verdict_label("something else", "en") == "something else"


@pytest.mark.parametrize("call", [lambda: fmt_int(1, "de"), lambda: verdict_label("x", "de")])
def test_unknown_language_in_a_helper_is_an_error(call: object) -> None:
    with pytest.raises(UnknownLanguageError):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("written", "nl", "en"),
    [
        ("6 weeks", "6 weken", "6 weeks"),
        ("uiterlijk zes weken na indiening", "6 weken", "6 weeks"),  # R6 (d) in the regulation's words
        ("binnen 10 werkdagen", "10 werkdagen", "10 working days"),
        ("within four weeks of receipt", "4 weken", "4 weeks"),
        # not a term the library reads (K2 undetermined): shown as the organisation wrote it
        ("twee maanden na het ontstaan van de klacht", None, None),
        ("zo spoedig mogelijk", None, None),
    ],
)
def test_the_regulations_handling_term_is_shown_as_check_k2_reads_it(
    written: str, nl: str | None, en: str | None
) -> None:
    from klachtregels.report._text import term_text

    assert term_text(written, "nl") == (nl or written)
    assert term_text(written, "en") == (en or written)
