"""Exportera verksamhetens data: one zip, a CSV per table, Swedish headers, values as shown."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile

from django.urls import reverse

from clients.models import Contact
from core.models import AccessLog
from tests.clients.factories import ClientFactory, ConsentFactory, UppdragFactory


def _export(client, user):  # type: ignore[no-untyped-def]
    client.force_login(user)
    response = client.post(reverse("administration:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _table(archive, name):  # type: ignore[no-untyped-def]
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_admin_exports_every_table(client, world):  # type: ignore[no-untyped-def]
    v = world.verksamhet
    kalle = ClientFactory(verksamhet=v, alias="Kalle", personnummer="198503121231", hemloshet=True)
    UppdragFactory(client=kalle)
    ConsentFactory(client=kalle, organisation=world.orgs["fk"], recorded_by=world.ombud_anna)
    contact = Contact.objects.create(
        client=kalle, date=datetime.date(2025, 3, 1), type="hembesok", by=world.ombud_anna,
        duration_minutes=45,
    )  # fmt: skip
    contact.organisations.set([world.orgs["fk"], world.orgs["af"]])
    ClientFactory(verksamhet=world.other_verksamhet, alias="Gotlänning")

    archive = _export(client, world.admin_agnes)
    names = set(archive.namelist())
    assert {"klienter.csv", "kontakter.csv", "uppdrag.csv", "organisationer.csv"} <= names
    assert "anvandare.csv" in names and "atkomstlogg.csv" in names

    clients = _table(archive, "klienter.csv")
    header = clients[0]
    assert header[:3] == ["ID", "Version", "PO-verksamhet"]
    assert "Alias" in header and "Hemlöshet" in header
    rows = [dict(zip(header, r, strict=True)) for r in clients[1:]]
    assert [r["Alias"] for r in rows] == ["Kalle"]  # not the other verksamhet's client
    assert rows[0]["PO-verksamhet"] == "PO Västmanland" and rows[0]["Hemlöshet"] == "Ja"

    contacts = _table(archive, "kontakter.csv")
    row = dict(zip(contacts[0], contacts[1], strict=True))
    assert row["Typ"] == "Hembesök" and row["Datum"] == "2025-03-01"
    assert row["Klient"] == "Kalle" and row["Registrerad av"] == "Anna Lind"
    assert row["Berörda organisationer"] == "Arbetsförmedlingen; Försäkringskassan"

    users = _table(archive, "anvandare.csv")
    headers = {h for name in names for h in _table(archive, name)[0]}
    assert not {"Lösenord", "Inbjudningskod (hashad)", "Password"} & headers
    assert len(users) == 1 + 7  # the seven people with a role here, not olle

    log = AccessLog.objects.get(action=AccessLog.Action.EXPORT)
    assert log.user == world.admin_agnes and log.verksamhet_id == v.pk


def test_export_page_and_who_may(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    page = client.get(reverse("administration:export")).content.decode()
    assert "Exportera verksamhetens data" in page and "Klienter" in page
    assert not AccessLog.objects.filter(action=AccessLog.Action.EXPORT).exists()
    for user in (world.lead_lars, world.ombud_anna, world.grant_gunilla):
        client.force_login(user)
        assert client.post(reverse("administration:export")).status_code == 403
