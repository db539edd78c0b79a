"""Nothing English reaches a user: every page of the access matrix, as a role that may open it,
and every PDF and CSV it links to, read as text and searched for English.

Two nets. (1) Any of our own English msgids (two words or more) appearing verbatim means a
string was shown untranslated. (2) Words that are English UI and never Swedish ("the",
"None", "Save", "Submitted"...) catch text that never went through gettext at all, and raw
values (True/False/None) that a template printed as they are.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import polib
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.access import ROLE_USERS, ROLES
from tests.test_access_matrix import APPS, _cases

ROOT = Path(__file__).resolve().parent.parent

# English words that are no Swedish word a page of ours would use.
ENGLISH = {
    "the",
    "of",
    "with",
    "this",
    "that",
    "these",
    "your",
    "you",
    "please",
    "has",
    "have",
    "been",
    "was",
    "were",
    "which",
    "would",
    "should",
    "could",
    "there",
    "their",
    "from",
    "into",
    "than",
    "when",
    "where",
    "yet",
    "none",
    "true",
    "false",
    "null",
    "save",
    "cancel",
    "edit",
    "delete",
    "created",
    "updated",
    "submitted",
    "recorded",
    "struck",
    "owner",
    "goal",
    "client",
    "clients",
    "contact",
    "contacts",
    "needs",
    "search",
    "show",
    "back",
    "next",
    "previous",
    "page",
    "download",
    "upload",
    "unknown",
    "other",
    "error",
    "invalid",
    "required",
    "field",
    "name",
    "date",
    "yes",
    "meeting",
    "report",
    "reports",
    "settings",
    "users",
    "user",
    "role",
    "roles",
    "amount",
    "year",
    "month",
    "today",
    "overview",
    "history",
    "changes",
    "added",
    "removed",
    "changed",
    "by",
    "at",
    "on",
    "to",
    "and",
    "or",
    "not",
    "is",
    "are",
}
# Swedish words too ("by" a village, "is" ice, "not" a note); "organisation", "period" and
# "total" are Swedish and left out above.
NOT_ENGLISH = {"by", "at", "is", "not", "on", "and", "to", "or", "are"}
WORDS = ENGLISH - NOT_ENGLISH
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")
VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
# A year printed with the thousands separator ("2 026"), not an amount ("2 026 kr").
SPACED_YEAR = re.compile(r"(?<!\d)(?<!\d )(?:1 9\d\d|2 0[0-4]\d)(?![\d]| ?(?:kr|st|tim|min|%))")


def _msgids() -> set[str]:
    found = set()
    for path in ROOT.glob("*/locale/sv/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)).translated_entries():
            text = entry.msgid
            if entry.msgstr == text or "%" in text or "{" in text or len(text.split()) < 2:
                continue
            found.add(text)
    return found


def _page_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    parts = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        parts.extend(str(tag[a]) for a in VISIBLE_ATTRIBUTES if tag.has_attr(a))
        if tag.name == "input" and tag.get("type") in ("submit", "button"):
            parts.append(str(tag.get("value", "")))
    return " ".join(parts)


def _text(response) -> str:  # type: ignore[no-untyped-def]
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if kind.startswith("application/pdf"):
        return subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
        ).stdout.decode()
    if kind.startswith("text/csv"):
        rows = csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")
        return " ".join(" ".join(row) for row in rows)
    if kind.startswith("text/html"):
        return _page_text(body.decode())
    return ""


def _english_in(text: str, msgids: set[str]) -> list[str]:
    flat = " ".join(text.split())
    found = [m for m in msgids if m in flat]
    words = {w for w in WORD.findall(flat) if w.lower() in WORDS}
    return found + sorted(words) + SPACED_YEAR.findall(flat)


def test_no_english_on_any_page_pdf_or_csv(world) -> None:  # type: ignore[no-untyped-def]
    msgids = _msgids()
    clients = {}
    seen: set[str] = set()
    failures = []
    for app in APPS:
        for case in _cases(app, world):
            if case.method != "get":
                continue
            role = next((r for r in ROLES if case.expect[r] == 200 and ROLE_USERS[r]), None)
            if role is None:
                continue
            url = reverse(case.url_name, kwargs=case.kwargs) + (
                f"?{case.query}" if case.query else ""
            )
            if url in seen:
                continue
            seen.add(url)
            if role not in clients:
                clients[role] = Client()
                clients[role].force_login(world.users[ROLE_USERS[role]])
            response = clients[role].get(url)
            if response.status_code != 200:
                continue
            english = _english_in(_text(response), msgids)
            if english:
                failures.append(f"{url} as {role}: {english[:8]}")
    assert len(seen) > 100, "the sweep should reach the whole matrix"
    assert not failures, "English reaches a user:\n" + "\n".join(failures)


def test_the_sweep_finds_english_and_raw_values() -> None:
    """The net itself: English phrases, raw values and our own msgids are caught."""
    msgids = {"Submitted by"}
    assert _english_in("Inskickad av Gunilla. Submitted by Gunilla", msgids) == [
        "Submitted by",
        "Submitted",
    ]
    assert _english_in("Födelseår: None · Aktiv: True", set()) == ["None", "True"]
    assert _english_in("Ansökan 2 026, belopp 2 026 kr, år 2026", set()) == ["2 026"]
    assert _english_in("Organisation: Försäkringskassan, period 2025, is på sjön", set()) == []
