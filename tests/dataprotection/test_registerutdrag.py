"""Registerutdrag: everything held about one client, as a PDF, logged."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.utils.text import capfirst
from django.utils.translation import gettext

from clients.models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    Contact,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)
from core.audit import log_access
from core.models import AccessLog
from dataprotection.selectors.registerutdrag import describe, registerutdrag_content
from dataprotection.services import registerutdrag_pdf


def pdf_text(data: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "utdrag.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_content_has_every_kind_of_record(kim):  # type: ignore[no-untyped-def]
    content = registerutdrag_content(kim)
    titles = {s.title for s in content.sections}
    expected = [
        Uppdrag,
        Assignment,
        Consent,
        Fullmakt,
        Need,
        ActionPlan,
        Goal,
        Step,
        Task,
        Contact,
    ]
    assert {capfirst(str(m._meta.verbose_name_plural)) for m in expected} <= titles, titles
    contact_title = capfirst(str(Contact._meta.verbose_name_plural))
    contacts = next(s for s in content.sections if s.title == contact_title)
    assert [bool(item.struck) for item in contacts.items].count(True) == 1
    changes = [c for h in content.history for c in h.changes]
    assert any(c.old == "070-123 45 67" and c.new == "070-765 43 21" for c in changes)
    assert all(h.who != gettext("the system") for h in content.history)
    assert len(content.reads) == 1 and content.reads[0].startswith("Lars Berg öppnade")


def test_every_field_of_the_record_is_described(kim):  # type: ignore[no-untyped-def]
    """Generic on purpose: a field the clients app adds later appears without changes."""
    labels = {label for label, _value in describe(kim)}
    expected = {
        capfirst(str(f.verbose_name))
        for f in Client._meta.concrete_fields
        if f.name not in ("id", "version")
    }
    assert expected <= labels


def test_pdf_shows_the_record_and_is_logged(kim, lead_lars, tmp_path):  # type: ignore[no-untyped-def]
    data = registerutdrag_pdf(client=kim, by=lead_lars)
    text = pdf_text(data, tmp_path)
    for expected in (
        "Registerutdrag",
        "19800101-1234",  # as the client page shows it
        "Handläggare Berit",
        "Vill ha en egen lägenhet",
        "Söka hos Mimer",
        "Struken ",
        "070-765 43 21",
        "Lars Berg",
        "Sida 1 av",
    ):
        assert expected in text, expected
    entry = AccessLog.objects.filter(object_id=kim.pk, action=AccessLog.Action.PDF).get()
    assert entry.user == lead_lars


def test_one_click_for_the_lead(client, kim, lead_lars):  # type: ignore[no-untyped-def]
    client.force_login(lead_lars)
    page = client.get("/dataskydd/klienter/").content.decode()
    assert f"/dataskydd/klienter/{kim.pk}/registerutdrag/" in page
    response = client.get(f"/dataskydd/klienter/{kim.pk}/registerutdrag/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLog.objects.filter(
        object_id=kim.pk, user=lead_lars, action=AccessLog.Action.PDF
    ).exists()


def test_client_list_numbers_clients_and_shows_a_missing_birth_year_as_a_dash(
    client, kim, lead_lars
):  # type: ignore[no-untyped-def]
    """'Nr', not the systembrister's 'Antal' for the same msgid; no 'None' for a pseudonym."""
    Client.objects.filter(pk=kim.pk).update(birth_year=None)
    client.force_login(lead_lars)
    page = client.get("/dataskydd/klienter/").content.decode()
    assert '<th scope="col">Nr</th>' in page
    assert "Antal" not in page
    assert "None" not in page


def test_command_writes_the_pdf(kim, admin_agnes, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "kim.pdf"
    call_command("registerutdrag", str(kim.pk), "--output", str(out), "--by", admin_agnes.email)
    assert out.read_bytes().startswith(b"%PDF")
    assert "Kim" in pdf_text(out.read_bytes(), tmp_path)
    assert AccessLog.objects.filter(
        object_id=kim.pk, user=admin_agnes, action=AccessLog.Action.EXPORT
    ).exists()


def test_odd_query_strings_on_the_client_search_show_the_unfiltered_list(client, kim, lead_lars):  # type: ignore[no-untyped-def]
    """Finding 11: ?q=%00 (a NUL PostgreSQL refuses) and ?q=² (isdigit but not int) gave 500s."""
    client.force_login(lead_lars)
    link = f"/dataskydd/klienter/{kim.pk}/registerutdrag/"
    for query in ("?q=%00", "?q=a%00b", "?sida=%00", "?sida=99999999999999999999"):
        response = client.get("/dataskydd/klienter/" + query)
        assert response.status_code == 200, query
        assert link in response.content.decode(), query  # refused: the list unfiltered
    for query in ("?q=²", "?q=99999999999999999999"):  # searched for, found nothing
        assert client.get("/dataskydd/klienter/" + query).status_code == 200, query
    assert link not in client.get("/dataskydd/klienter/?q=finnsinte").content.decode()


ENGLISH_OR_RAW = re.compile(
    r"\b(True|False|None|Recorded|Created|Changed|Struck|Owner|Order|Goal|overview|consents|"
    r"contacts|plan pdf|view|pdf|export|clients\.\w+)\b|[{}]|#\d+|\b\w+_\w+\b|'\w+':"
)


def test_registerutdrag_reads_as_plain_swedish(kim, world, lead_lars, tmp_path):  # type: ignore[no-untyped-def]
    """Finding (issue 17): English labels, internal action names and a need cut mid-word."""
    log_access(user=world.ombud_anna, obj=kim, verksamhet_id=kim.verksamhet_id, what="contacts")
    data = registerutdrag_pdf(client=kim, by=lead_lars)
    Path("/tmp/shots").mkdir(exist_ok=True)
    Path("/tmp/shots/registerutdrag.pdf").write_bytes(data)
    text = pdf_text(data, tmp_path)
    flat = " ".join(text.split())
    cover = flat[: flat.index("Uppgifterna om dig")]
    for expected in (
        "Registerutdrag",
        "PO Västmanland",
        "artikel 15",
        "Rättelse",
        "Radering",
        "Begränsning",
        "Integritetsskyddsmyndigheten (IMY)",
        "Västerås kommun",
        "Lars Berg, samordnare, lars@example.se",
    ):
        assert expected in cover, expected
    for kind in (Uppdrag, Assignment, Consent, Fullmakt, Need, ActionPlan, Goal, Step, Task):
        assert capfirst(str(kind._meta.verbose_name_plural)) in flat, kind
    assert "Struken 2020-02-07 11:00 av Anna Lind. Skäl: Skrivet på fel klient" in flat
    assert "Anna Lind öppnade kontaktloggen" in flat
    assert "Lars Berg öppnade uppgifterna" in flat
    assert "Boende: Vill ha en egen lägenhet" in flat  # the need, whole, as the goal names it
    assert "Telefonnummer: 070-123 45 67 → 070-765 43 21" in flat or "070-765 43 21" in flat
    found = ENGLISH_OR_RAW.search(flat)
    assert found is None, flat[max(0, found.start() - 80) : found.end() + 80]


def test_every_client_page_has_a_phrase_in_the_registerutdrag() -> None:
    """A client page added later reads as its own phrase, not as "öppnade uppgifterna"."""
    from django.urls import get_resolver

    from dataprotection.reads import SCREENS

    screens = set()
    for pattern in get_resolver().url_patterns:
        for p in getattr(pattern, "url_patterns", []):
            func = getattr(p, "callback", None)
            while func is not None:
                if hasattr(func, "screen"):
                    screens.add(func.screen)
                    break
                func = getattr(func, "__wrapped__", None)
    assert "contacts" in screens and "history" in screens
    assert screens <= set(SCREENS), screens - set(SCREENS)
