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


def _app(path: Path) -> str:
    return path.parts[-5]


def test_no_msgid_translated_differently_in_two_catalogues() -> None:
    """Django merges the catalogues and one translation wins per (msgctxt, msgid): if two apps
    translate the same one differently, one of them shows the other's wording. A use that
    needs other Swedish gets a message context (pgettext / `context "..."`)."""
    seen: dict[tuple[str | None, str, str], dict[str, object]] = {}
    for path in CATALOGUES:
        for e in polib.pofile(str(path)):
            if e.obsolete:
                continue
            msgstr = tuple(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr
            seen.setdefault((e.msgctxt, e.msgid, e.msgid_plural), {})[_app(path)] = msgstr
    conflicts = [
        f"{'[' + ctxt + '] ' if ctxt else ''}{msgid!r}: "
        + ", ".join(f"{app} {msgstr!r}" for app, msgstr in by_app.items())
        for (ctxt, msgid, _plural), by_app in sorted(seen.items(), key=lambda kv: kv[0][1])
        if len(set(by_app.values())) > 1
    ]
    assert not conflicts, "Translated differently:\n" + "\n".join(conflicts)


def test_every_entry_shows_its_own_translation_at_run_time() -> None:
    """The catalogues of Django's apps listed before ours in INSTALLED_APPS outrank our app
    catalogues (only LOCALE_PATHS, core/locale, outranks them): admin's "None" → "Inget" hid
    the clients' "Ingen". Needs compiled catalogues (`make compilemessages`)."""
    from django.utils import translation

    wrong = []
    with translation.override("sv"):
        for path in CATALOGUES:
            for e in polib.pofile(str(path)):
                if e.obsolete or e.msgid_plural:
                    continue
                if e.msgctxt:
                    shown = translation.pgettext(e.msgctxt, e.msgid)
                else:
                    shown = translation.gettext(e.msgid)
                if shown != e.msgstr:
                    wrong.append(f"{_app(path)} {e.msgid!r}: wants {e.msgstr!r}, shows {shown!r}")
    assert not wrong, "Shown with another catalogue's wording:\n" + "\n".join(wrong)
