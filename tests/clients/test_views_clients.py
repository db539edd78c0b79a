"""What the ombud sees: access log, the consent refusal next to the field, conflicts, lists."""

from __future__ import annotations

import datetime

from clients.models import Client, Contact
from core.models import AccessLog
from tests.clients.factories import ConsentFactory, client_of, full_client, today


def test_every_client_page_writes_the_access_log(client, world, annas_client) -> None:
    client.force_login(world.ombud_anna)
    for page in ("", "uppdrag/", "samtycken/", "kontakter/", "plan/", "plan/pdf/"):
        before = AccessLog.objects.count()
        assert client.get(f"/klienter/{annas_client.pk}/{page}").status_code == 200
        entry = AccessLog.objects.order_by("-pk").first()
        assert AccessLog.objects.count() == before + 1
        assert (entry.user_id, entry.object_id, entry.object_type) == (
            world.ombud_anna.pk,
            annas_client.pk,
            "clients.client",
        )
    assert AccessLog.objects.filter(action="pdf").count() == 1


def test_refusal_is_shown_next_to_the_organisations_field(client, world, annas_client) -> None:
    client.force_login(world.ombud_anna)
    response = client.post(
        f"/klienter/{annas_client.pk}/kontakter/ny/",
        {"date": today().isoformat(), "type": "telefon", "organisations": [world.orgs["af"].pk]},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Klienten har inget giltigt samtycke för Arbetsförmedlingen" in body
    assert 'id="error_1_id_organisations"' in body or "invalid-feedback" in body
    assert not Contact.objects.exists()
    ConsentFactory(client=annas_client, organisation=world.orgs["af"], recorded_by=world.ombud_anna)
    response = client.post(
        f"/klienter/{annas_client.pk}/kontakter/ny/",
        {"date": today().isoformat(), "type": "telefon", "organisations": [world.orgs["af"].pk]},
    )
    assert response.status_code == 302
    assert Contact.objects.get().organisations.get() == world.orgs["af"]


def test_concurrent_edit_is_not_lost(client, world, annas_client) -> None:
    client.force_login(world.ombud_anna)
    other = Client.objects.get(pk=annas_client.pk)
    from clients import services

    services.client_update(client=other, by=world.lead_lars, version=1, alias="Larssons val")
    response = client.post(
        f"/klienter/{annas_client.pk}/andra/",
        {"alias": "Annas val", "gender": "kvinna", "version": 1},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Annas val" in body  # the user's input is kept
    assert "Lars Berg" in body  # who saved in between
    assert (
        "Ändrat av någon annan till: Larssons val" in body
    )  # what they changed, next to the field
    assert (
        "Ändrat av någon annan" not in body.split("Ändrat av någon annan till: Larssons val", 1)[1]
    )
    annas_client.refresh_from_db()
    assert annas_client.alias == "Larssons val"
    # saving again (with the new version in the form) overwrites knowingly
    response = client.post(
        f"/klienter/{annas_client.pk}/andra/",
        {"alias": "Annas val", "gender": "kvinna", "version": 2},
    )
    assert response.status_code == 302
    annas_client.refresh_from_db()
    assert annas_client.alias == "Annas val"


def test_caseload_shows_own_clients_and_waiting_list(client, world) -> None:
    mine = client_of(world, world.ombud_anna, alias="Solen")
    client_of(world, world.ombud_omar, alias="Månen")
    waiting = client_of(world, alias="Stjärnan", status="waiting")
    client.force_login(world.ombud_anna)
    body = client.get("/klienter/").content.decode()
    assert "Solen" in body and "Månen" not in body
    body = client.get("/klienter/vantelista/").content.decode()
    assert "Stjärnan" in body and "Solen" not in body
    # read-only on the waiting list; taking the client gives edit access
    assert client.get(f"/klienter/{waiting.pk}/andra/").status_code == 403
    response = client.post(
        f"/klienter/{waiting.pk}/uppdrag/starta/kontaktskapande/",
        {"on": today().isoformat(), "version": waiting.uppdrag.get().version},
    )
    assert response.status_code == 302
    assert client.get(f"/klienter/{waiting.pk}/andra/").status_code == 200
    assert mine.pk


def test_lead_filters_and_search(client, world) -> None:
    client_of(world, world.ombud_anna, alias="Solen", personnummer="191212121212")
    client_of(world, world.ombud_omar, alias="Månen", primary_group=3)
    client.force_login(world.lead_lars)
    body = client.get("/klienter/?q=1212-1212").content.decode()
    assert "Solen" in body and "Månen" not in body
    body = client.get(f"/klienter/?ombud={world.ombud_omar.pk}").content.decode()
    assert "Månen" in body and "Solen" not in body
    body = client.get("/klienter/?group=3").content.decode()
    assert "Månen" in body and "Solen" not in body
    body = client.get("/klienter/per-ombud/").content.decode()
    assert "Omar Haddad" in body and "Anna Lind" in body


def test_dashboard_reminders(client, world) -> None:
    f = full_client(world, world.ombud_anna)
    f["consent"].valid_until = today() + datetime.timedelta(days=10)
    f["consent"].save()
    f["plan"].follow_up = today()
    f["plan"].save()
    quiet = client_of(world, world.ombud_anna, alias="Tystnaden")
    client.force_login(world.ombud_anna)
    body = client.get("/").content.decode()
    assert "Påminnelser" in body
    assert "Samtycken som upphör inom 30 dagar" in body
    assert "Uppföljningar att göra" in body
    assert "Steg som ska vara klara" in body
    assert "Tystnaden" in body  # no contact for 30 days
    assert "Ring handläggaren" in body
    assert quiet.pk


def test_plan_and_agreement_pdfs(client, world) -> None:
    f = full_client(world, world.ombud_anna)
    client.force_login(world.ombud_anna)
    for url in ("plan/pdf/", "overenskommelse/pdf/"):
        response = client.get(f"/klienter/{f['client'].pk}/{url}")
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_plan_pdf_names_who_takes_part_in_the_sip(client, world) -> None:
    """The client reads 'Deltagare: Psykiatrin, socialtjänsten.', not the names dangling."""
    import subprocess

    f = full_client(world, world.ombud_anna)
    plan = f["plan"]
    plan.sip_status, plan.sip_with = "requested", "Psykiatrin, socialtjänsten"
    plan.save()  # test set-up, not the path under test
    client.force_login(world.ombud_anna)
    response = client.get(f"/klienter/{f['client'].pk}/plan/pdf/")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Deltagare: Psykiatrin, socialtjänsten." in " ".join(text.split())
