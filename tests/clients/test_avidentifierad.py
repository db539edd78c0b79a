"""Issue 18: the avidentifierad kontakt, a kind of contact of its own (no consent, confirmed,
its note through the guard, marked in the log, counted apart)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from clients import services
from clients.models import Contact, ContactKind, ContactType
from tests.clients.factories import ContactFactory, client_of, today

AVIDENTIFIERAD = "Avidentifierad kontakt — klienten nämndes inte"


def _post(client, pk, **data):  # type: ignore[no-untyped-def]
    return client.post(
        f"/klienter/{pk}/kontakter/ny/",
        {"date": today().isoformat(), "type": "telefon", **data},
    )


def test_the_form_offers_the_kind_by_its_own_label(client, world, annas_client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    body = client.get(f"/klienter/{annas_client.pk}/kontakter/ny/").content.decode()
    assert AVIDENTIFIERAD in body and "Kontakt om klienten" in body
    assert "rör inte klientens personuppgifter" not in body  # the old checkbox is gone


def test_avidentifierad_contact_is_confirmed_then_logged_without_consent(
    client, world, annas_client
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    data = {
        "kind": "avidentifierad",
        "organisations": [world.orgs["af"].pk],  # no consent for AF
        "note": "Allmän fråga om arbetsträning.",
    }
    first = _post(client, annas_client.pk, **data)
    body = first.content.decode()
    assert first.status_code == 200 and not Contact.objects.exists()
    assert "Jag bekräftar: klienten nämndes inte" in body
    assert 'type="checkbox" name="confirm"' in body
    done = _post(client, annas_client.pk, **data, confirm="on")
    assert done.status_code == 302
    contact = Contact.objects.get()
    assert contact.kind == ContactKind.AVIDENTIFIERAD
    assert list(contact.organisations.all()) == [world.orgs["af"]]


def test_a_contact_about_the_client_still_needs_consent(client, world, annas_client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    refused = _post(client, annas_client.pk, organisations=[world.orgs["af"].pk])
    body = refused.content.decode()
    assert "Klienten har inget giltigt samtycke för Arbetsförmedlingen" in body
    assert "logga en avidentifierad kontakt om klienten inte nämndes" in body
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    "note",
    [
        "Ringde om Klara, 19850412-1234.",
        "Frågade om Klara Nyström.",
        "Hon bor på Storgatan 12, lgh 1102.",
        "Nås på 070-123 45 67.",
        "Skriv till klara@example.se.",
    ],
)
def test_avidentifierad_note_that_identifies_is_refused(world, note) -> None:  # type: ignore[no-untyped-def]
    mine = client_of(
        world, world.ombud_anna, alias="Klara", first_name="Klara", last_name="Nyström"
    )
    with pytest.raises(ValidationError) as exc:
        services.contact_log(
            client=mine,
            by=world.ombud_anna,
            date=today(),
            type=ContactType.TELEFON,
            kind=ContactKind.AVIDENTIFIERAD,
            note=note,
        )
    message = exc.value.message_dict["note"][0]
    assert message.startswith("En avidentifierad kontakt får inte identifiera någon.")
    assert not Contact.objects.exists()


def test_the_same_note_is_fine_on_a_contact_about_the_client(world, annas_client) -> None:  # type: ignore[no-untyped-def]
    contact = services.contact_log(
        client=annas_client,
        by=world.ombud_anna,
        date=today(),
        type=ContactType.HEMBESOK,
        note="Hembesök på Storgatan 12.",
    )
    assert contact.kind == ContactKind.ABOUT_CLIENT


def test_an_alias_that_is_a_word_asks_and_the_confirmation_is_recorded(client, world) -> None:  # type: ignore[no-untyped-def]
    solen = client_of(world, world.ombud_anna, alias="Solen")
    client.force_login(world.ombud_anna)
    data = {
        "kind": "avidentifierad",
        "confirm": "on",
        "note": "Vi pratade i solen om öppettiderna.",
    }
    first = _post(client, solen.pk, **data)
    body = first.content.decode()
    assert first.status_code == 200 and not Contact.objects.exists()
    assert "”solen” är också alias för en klient" in body
    assert 'type="checkbox" name="confirm_words"' in body
    done = _post(client, solen.pk, **data, confirm_words="on")
    assert done.status_code == 302
    contact = Contact.objects.get()
    assert contact.history.first().history_change_reason == (
        "Bekräftat som vanliga ord, inte alias: solen"
    )


def test_the_log_and_the_client_page_show_and_count_it_apart(client, world, annas_client) -> None:  # type: ignore[no-untyped-def]
    ContactFactory(client=annas_client, by=world.ombud_anna, type=ContactType.HEMBESOK)
    ContactFactory(client=annas_client, by=world.ombud_anna, type=ContactType.TELEFON)
    ContactFactory(
        client=annas_client,
        by=world.ombud_anna,
        type=ContactType.TELEFON,
        kind=ContactKind.AVIDENTIFIERAD,
    )
    client.force_login(world.ombud_anna)
    for page in ("kontakter/", ""):
        body = client.get(f"/klienter/{annas_client.pk}/{page}").content.decode()
        assert body.count(AVIDENTIFIERAD) == 1, page
        assert "2 kontakter om klienten" in body, page
        assert "1 avidentifierad kontakt (klienten nämndes inte, räknas för sig)" in body, page


def test_the_redovisning_counts_it_apart(world, annas_client) -> None:  # type: ignore[no-untyped-def]
    from statsbidrag.reports.other import contact_figures

    day = datetime.date(2025, 5, 5)
    other = client_of(world, world.ombud_anna)
    ContactFactory(client=annas_client, by=world.ombud_anna, date=day, type=ContactType.TELEFON)
    ContactFactory(
        client=other,
        by=world.ombud_anna,
        date=day,
        type=ContactType.TELEFON,
        kind=ContactKind.AVIDENTIFIERAD,
    )
    figures = contact_figures(verksamhet=world.verksamhet, year=2025)
    assert figures["by_type"]["telefon"] == 1
    assert figures["total"] == 1
    assert figures["clients_with_contact"] == 1  # the anonymised one named no client
    assert figures["avidentifierad"] == 1


def test_the_old_flag_becomes_the_kind(world) -> None:  # type: ignore[no-untyped-def]
    """Migrating clients 0001 -> 0002: a contact that had "does not concern the client's
    personal data" ticked becomes avidentifierad (in its history too); the others are about
    the client. PostgreSQL changes schemas inside the test's transaction, so nothing is
    flushed (a transactional test would empty the tables that migrations fill)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    mine = client_of(world, world.ombud_anna)
    flagged = ContactFactory(client=mine, by=world.ombud_anna)
    plain = ContactFactory(client=mine, by=world.ombud_anna)
    with connection.cursor() as cursor:  # no pending foreign-key checks before ALTER TABLE
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate([("clients", "0001_initial")])
    old = executor.loader.project_state([("clients", "0001_initial")]).apps
    old.get_model("clients", "Contact").objects.filter(pk=flagged.pk).update(no_personal_data=True)
    old.get_model("clients", "HistoricalContact").objects.filter(id=flagged.pk).update(
        no_personal_data=True
    )
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    flagged.refresh_from_db()
    plain.refresh_from_db()
    assert (flagged.kind, plain.kind) == (ContactKind.AVIDENTIFIERAD, ContactKind.ABOUT_CLIENT)
    assert {h.kind for h in flagged.history.all()} == {ContactKind.AVIDENTIFIERAD}
