"""The client's Historik tab: everything that happened to the record and the records under
it, in plain Swedish, in a fixed number of queries."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from clients import services
from clients.models import Contact, ContactType
from core.audit import save
from core.models import AccessLog
from tests.clients.factories import full_client

RAW = re.compile(r"\b(True|False|None)\b|[{}]|#\d+|\b\w+_\w+\b|\[\]|'\w+':")


def _body(response) -> str:  # type: ignore[no-untyped-def]
    html = response.content.decode()
    main = html[html.index("<main") :]
    return re.sub(r"<[^>]+>", " ", main)


def _history(world, client, **query):  # type: ignore[no-untyped-def]
    from django.test import Client as Browser

    browser = Browser()
    browser.force_login(world.lead_lars)
    return browser.get(reverse("clients:history", args=[client.pk]), query)


def _contact(client, by, org, note, kind):  # type: ignore[no-untyped-def]
    contact = Contact(client=client, by=by, date=timezone.localdate(), type=kind, note=note)
    save(contact, by=by)
    contact.organisations.add(org)
    save(contact, by=by)  # the organisations reach the history with a save
    return contact


def _story(world):  # type: ignore[no-untyped-def]
    """A client with one of everything, changed through the services as staff would."""
    anna, fk = world.ombud_anna, world.orgs["fk"]
    f = full_client(world, anna)
    client = f["client"]
    today = timezone.localdate()
    services.client_update(
        client=client, by=anna, version=client.version, hemloshet=True, primary_group=2
    )
    contact = _contact(client, anna, fk, "Ringde om bostaden", ContactType.TELEFON)
    services.contact_strike(contact=contact, by=anna, reason="Fel klient")
    consent = f["consent"]
    services.consent_withdraw(
        consent=consent, by=anna, on=today, version=consent.version, reason="Klienten ångrade sig"
    )
    services.handover(
        uppdrag=f["uppdrag"],
        by=world.lead_lars,
        to_ombud=world.ombud_omar,
        on=today,
        reason="Anna går på föräldraledighet",
    )
    step = f["step"]
    services.step_update(
        step=step, by=anna, version=step.version, status="done", outcome="Beviljad från mars"
    )
    need = f["need"]
    services.need_update(need=need, by=anna, version=need.version, status="met")
    services.task_done(task=f["task"], by=anna)
    f["goal"].achieved = True
    save(f["goal"], by=anna)
    services.client_restrict(client=client, by=world.lead_lars)
    return f


@pytest.mark.django_db
def test_timeline_names_every_kind_of_record_in_swedish(world) -> None:  # type: ignore[no-untyped-def]
    f = _story(world)
    response = _history(world, f["client"])
    assert response.status_code == 200
    text = _body(response)
    for kind in (
        "Klient",
        "Uppdrag",
        "Ansvar",
        "Samtycke",
        "Fullmakt",
        "Kontakt",
        "Behov",
        "Handlingsplan",
        "Mål",
        "Steg",
        "Uppgift",
    ):
        assert re.search(rf"\b{kind}\b", text), kind
    # who, and values as a person writes them
    assert "Anna Lind" in text and "Lars Berg" in text
    assert "Hemlöshet: Nej → Ja" in " ".join(text.split())
    assert "Struken" in text and "Fel klient" in text
    assert "Klienten ångrade sig" in text
    assert "Omar Haddad" in text
    assert "Behandling begränsad" in text
    assert "Försäkringskassan" in text
    words = " ".join(text.split())
    assert not RAW.search(words), RAW.search(words)


@pytest.mark.django_db
def test_timeline_filters_by_kind_and_period(world) -> None:  # type: ignore[no-untyped-def]
    f = _story(world)
    text = " ".join(_body(_history(world, f["client"], typ="clients.contact")).split())
    assert "Kontakt" in text and "Samtycke –" not in text
    # the organisations saved just after the contact belong to its creation
    assert (
        "Ändrad" not in text and "Anna Lind Berörda organisationer: — → Försäkringskassan" in text
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    text = _body(_history(world, f["client"], fran=tomorrow.isoformat()))
    assert "Inga ändringar registrerade." in text


@pytest.mark.django_db
def test_timeline_read_is_logged(world) -> None:  # type: ignore[no-untyped-def]
    f = _story(world)
    _history(world, f["client"])
    row = AccessLog.objects.filter(object_type="clients.client", object_id=f["client"].pk).latest(
        "at"
    )
    assert row.what == "history" and row.user == world.lead_lars


@pytest.mark.django_db
def test_timeline_queries_do_not_grow_with_history(world) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test import Client as Browser
    from django.test.utils import CaptureQueriesContext

    f = _story(world)
    anna, client = world.ombud_anna, f["client"]
    browser = Browser()
    browser.force_login(world.lead_lars)
    url = reverse("clients:history", args=[client.pk])

    def count(**query: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert browser.get(url, query).status_code == 200
        return len(ctx.captured_queries)

    count()  # the first request of a session writes the session
    every_kind, contacts = count(), count(typ="clients.contact")
    for i in range(60):
        _contact(client, anna, world.orgs["fk"], f"Besök {i}", ContactType.HEMBESOK)
    need = f["need"]
    for i in range(10):
        need.refresh_from_db()
        services.need_update(need=need, by=anna, version=need.version, description=f"Behov {i}")
    assert count(typ="clients.contact") == contacts
    # A page of every kind: one query per kind on the page and per kind of name, whatever
    # the length of the history.
    assert count() <= every_kind <= 40


def test_every_kind_of_client_record_is_on_the_timeline() -> None:
    from django.apps import apps

    from clients.family import CLIENT_RECORDS
    from clients.selectors.history import timeline_kinds

    on_timeline = {t.model for t in timeline_kinds()}
    assert set(CLIENT_RECORDS) <= on_timeline
    # a model the clients app adds must join the list (and so the timeline and gallring)
    models = apps.get_app_config("clients").get_models()
    assert {m for m in models if not m.__name__.startswith("Historical")} <= set(CLIENT_RECORDS)


@pytest.mark.django_db
def test_ombud_sees_the_clients_records_not_the_data_protection_requests(world) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client as Browser

    f = full_client(world, world.ombud_anna)
    browser = Browser()
    browser.force_login(world.ombud_anna)
    page = browser.get(reverse("clients:history", args=[f["client"].pk])).content.decode()
    assert 'value="clients.contact"' in page
    assert "dataprotection." not in page
    lead = _history(world, f["client"]).content.decode()
    assert 'value="dataprotection.anonymisationrequest"' in lead
