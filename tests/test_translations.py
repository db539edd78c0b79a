"""The Swedish catalogues are maintained: every msgid translated, nothing fuzzy, placeholders kept."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("*/locale/sv/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_complete(path: Path) -> None:
    po = polib.pofile(str(path))
    assert not po.metadata_is_fuzzy, f"{path}: header marked fuzzy"
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{path}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{path}: fuzzy {fuzzy[:10]}"
    for e in po.translated_entries():
        if e.msgid_plural:
            continue
        assert sorted(PLACEHOLDER.findall(e.msgid)) == sorted(PLACEHOLDER.findall(e.msgstr)), (
            e.msgid
        )


def test_every_app_has_a_catalogue() -> None:
    apps = {p.parts[-5] for p in CATALOGUES}
    assert {"core"} <= apps
