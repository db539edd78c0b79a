"""Searches and client pages in the access log (finding 8; the walk over every client page
is tests/test_access_log_coverage.py)."""

from __future__ import annotations

from core.models import AccessLog
from tests.clients.factories import client_of, today


def _new_rows(since: int) -> list[AccessLog]:
    return list(AccessLog.objects.filter(pk__gt=since).order_by("pk"))


def _last() -> int:
    return AccessLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_finding8_searches_log_the_text_and_the_hits(client, world) -> None:  # type: ignore[no-untyped-def]
    client_of(world, world.ombud_anna, alias="Solen")
    client_of(world, world.ombud_omar, alias="Solros")
    client_of(world, world.ombud_omar, alias="Månen")
    client.force_login(world.lead_lars)
    last = _last()
    assert client.get("/klienter/").status_code == 200
    assert client.get("/klienter/?sida=1").status_code == 200
    # the unfiltered list is not a search, but it lists clients: a view of the verksamhet
    assert [(r.action, r.what, r.hits, r.object_type) for r in _new_rows(last)] == [
        ("view", "client list", 3, "core.verksamhet")
    ] * 2
    last = _last()

    body = client.get("/klienter/?q=Sol&status=open").content.decode()
    assert "Solen" in body and "Solros" in body
    (row,) = _new_rows(last)
    assert (row.action, row.what, row.hits) == ("search", "Sol · status=open", 2)
    assert (row.user_id, row.verksamhet_id, row.path) == (
        world.lead_lars.pk,
        world.verksamhet.pk,
        "/klienter/",
    )

    last = _last()
    client.get("/dataskydd/klienter/?q=Mån")
    (row,) = _new_rows(last)
    assert (row.action, row.what, row.hits) == ("search", "Mån", 1)

    client.force_login(world.ombud_anna)  # the ombud searches only her own clients
    last = _last()
    client.get("/klienter/?q=Sol")
    (row,) = _new_rows(last)
    assert (row.what, row.hits, row.user_id) == ("Sol", 1, world.ombud_anna.pk)


def test_finding8_a_form_page_logs_its_read_and_a_saved_form_does_not(client, world) -> None:  # type: ignore[no-untyped-def]
    mine = client_of(world, world.ombud_anna, alias="Solen")
    client.force_login(world.ombud_anna)
    last = _last()
    assert client.get(f"/klienter/{mine.pk}/kontakter/ny/").status_code == 200
    (row,) = _new_rows(last)
    assert (row.object_type, row.object_id, row.action, row.what) == (
        "clients.client",
        mine.pk,
        "view",
        "contact create",
    )
    last = _last()
    saved = client.post(
        f"/klienter/{mine.pk}/kontakter/ny/", {"date": today().isoformat(), "type": "telefon"}
    )
    assert saved.status_code == 302
    assert _new_rows(last) == []  # a redirect shows nothing


def test_finding8_pages_that_list_clients_log_one_row_each(client, world) -> None:  # type: ignore[no-untyped-def]
    from clients.models import UppdragStatus

    client_of(world, world.ombud_anna, alias="Solen")
    client_of(world, alias="Väntar", status=UppdragStatus.WAITING)
    client.force_login(world.ombud_anna)
    for url, what in (
        ("/klienter/vantelista/", "waiting list"),
        ("/klienter/uppgifter/", "tasks"),
        ("/", "dashboard reminders"),
    ):
        last = _last()
        assert client.get(url).status_code == 200
        rows = _new_rows(last)
        assert [(r.action, r.what, r.object_id) for r in rows] == [
            ("view", what, world.verksamhet.pk)
        ], url
    client.force_login(world.lead_lars)
    last = _last()
    client.get("/")
    assert [r.what for r in _new_rows(last)] == ["dashboard waiting list"]
