"""Access log is append-only in the database; history records who did what."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from core.audit import acting_as, log_access, save
from core.models import AccessLog, Organisation


def test_access_log_refuses_update_and_delete(world):  # type: ignore[no-untyped-def]
    entry = log_access(
        user=world.lead_lars, obj=world.orgs["fk"], verksamhet_id=world.verksamhet.pk, what="test"
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.filter(pk=entry.pk).update(what="changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLog.objects.filter(pk=entry.pk).delete()
    assert AccessLog.objects.get(pk=entry.pk).what == "test"


def test_gallring_setting_is_the_only_way_to_delete(world):  # type: ignore[no-untyped-def]
    entry = log_access(
        user=world.lead_lars, obj=world.orgs["fk"], verksamhet_id=world.verksamhet.pk
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL ombud.gallring = 'on'")
        AccessLog.objects.filter(pk=entry.pk).delete()
    assert not AccessLog.objects.filter(pk=entry.pk).exists()


def test_service_save_records_acting_user(world):  # type: ignore[no-untyped-def]
    org = world.orgs["fk"]
    org.name = "Försäkringskassan Västerås"
    save(org, by=world.lead_lars)
    assert org.history.first().history_user == world.lead_lars


def test_acting_as_covers_commands(world):  # type: ignore[no-untyped-def]
    with acting_as(world.admin_agnes):
        org = Organisation.objects.create(
            verksamhet=world.verksamhet, name="Kronofogden", type="annan"
        )
    assert org.history.first().history_user == world.admin_agnes


def test_history_page_shows_readable_diff(client, world):  # type: ignore[no-untyped-def]
    org = world.orgs["fk"]
    org.name = "FK Västmanland"
    save(org, by=world.lead_lars)
    client.force_login(world.lead_lars)
    body = client.get(f"/historik/core.organisation/{org.pk}/").content.decode()
    assert "FK Västmanland" in body
    assert "Försäkringskassan" in body
    assert "Lars Berg" in body


def test_all_290_kommuner_are_loaded(db):  # type: ignore[no-untyped-def]
    from core.models import Kommun

    assert Kommun.objects.count() == 290
    assert Kommun.objects.get(kod="0180").name == "Stockholm"
    assert Kommun.objects.get(kod="0980").lan_name == "Gotlands län"
    assert Kommun.objects.filter(lan_kod="14").count() == 49
