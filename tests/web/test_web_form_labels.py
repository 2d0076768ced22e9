"""The web page's organisation form is read from the organisation file's classes, and each field needs a
label in ``messages/web.toml`` (``WEB_ORG_`` + its path), or ``scripts/build_web.py`` stops. A new fact
of the organisation file (``[oudercommissie] established``, ``exempt``) once reached CI's web build
without its label; this test finds that in the ordinary suite, without building the page."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from klachtregels import messages

ROOT = Path(__file__).resolve().parents[2]


def test_every_field_of_the_organisation_form_has_its_label_in_both_languages() -> None:
    spec = importlib.util.spec_from_file_location("build_web", ROOT / "scripts" / "build_web.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    entries = module.organisation_form()  # raises SystemExit naming a field without a label
    assert entries
    for entry in entries:
        label = next(v for k, v in entry.items() if isinstance(v, str) and v.startswith("WEB_ORG_"))
        assert messages.text(label, "nl").strip(), label
        assert messages.text(label, "en").strip(), label
