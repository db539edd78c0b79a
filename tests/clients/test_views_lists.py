"""The client lists: paging, filters with wrong values, the waiting list, counts per ombud."""

from __future__ import annotations

import datetime
import re

from clients.models import Assignment, UppdragStatus
from tests.clients.factories import AssignmentFactory, UppdragFactory, client_of, today


def aliases(body: str) -> list[str]:
    return re.findall(r'<a href="/klienter/\d+/">([^<]+)</a>', body)


def test_paging_counts_and_out_of_range_pages(client, world) -> None:
    for i in range(30):
        client_of(world, world.ombud_anna, alias=f"Klient {i:02d}")
    client_of(world, world.ombud_omar, alias="Omars klient")
    client.force_login(world.ombud_anna)
    first = client.get("/klienter/").content.decode()
    assert "30 klienter" in first and "Sida 1 av 2" in first
    assert aliases(first) == [f"Klient {i:02d}" for i in range(25)]
    second = client.get("/klienter/?sida=2").content.decode()
    assert "30 klienter" in second and "Sida 2 av 2" in second
    assert aliases(second) == [f"Klient {i:02d}" for i in range(25, 30)]
    for beyond in ("9", "0", "-1"):  # as Paginator.get_page: the last page
        assert aliases(client.get(f"/klienter/?sida={beyond}").content.decode()) == aliases(second)
    assert aliases(client.get("/klienter/?sida=x").content.decode()) == aliases(first)
    empty = client.get("/klienter/?q=finnsinte").content.decode()
    assert "0 klienter" in empty and "Inga klienter matchar." in empty


def test_a_wrong_filter_value_is_shown_and_left_out(client, world) -> None:
    kommun = world.verksamhet.kommuner.order_by("name").first()
    client_of(world, world.ombud_anna, alias="Solen", kommun=kommun)
    client_of(world, world.ombud_anna, alias="Månen")
    client.force_login(world.lead_lars)
    body = client.get("/klienter/?kommun=abc&q=Solen").content.decode()
    assert "Det valet finns inte bland tillgängliga alternativ." in body
    assert aliases(body) == ["Solen"]  # the search still applies
    # any integer spelling of a listed id is that id, as with a model choice
    body = client.get(f"/klienter/?kommun=0{kommun.pk}").content.decode()
    assert aliases(body) == ["Solen"] and "is-invalid" not in body
    other = world.other_verksamhet.kommuner.first() or world.other_verksamhet.huvudman
    body = client.get(f"/klienter/?kommun={other.pk}").content.decode()
    assert "is-invalid" in body and sorted(aliases(body)) == ["Månen", "Solen"]
    body = client.get(f"/klienter/?ombud={world.ombud_omar.pk}&status=open").content.decode()
    assert aliases(body) == [] and f'<option value="{world.ombud_omar.pk}" selected>' in body
    body = client.get(f"/klienter/?ombud={world.lead_lars.pk}").content.decode()
    assert "is-invalid" in body  # not an ombud


def test_waiting_list_longest_wait_first_without_the_taken(client, world) -> None:
    for days in (10, 300, 40):
        c = client_of(world, alias=f"Väntar {days}", status=UppdragStatus.WAITING)
        c.uppdrag.update(waiting_since=today() - datetime.timedelta(days=days))
    taken = client_of(world, alias="Tagen", status=UppdragStatus.WAITING)
    AssignmentFactory(uppdrag=taken.uppdrag.get(), ombud=world.ombud_omar)
    elsewhere = client_of(
        world, alias="Gotland", status=UppdragStatus.WAITING, verksamhet=world.other_verksamhet
    )
    client.force_login(world.ombud_anna)
    body = client.get("/klienter/vantelista/").content.decode()
    assert aliases(body) == ["Väntar 300", "Väntar 40", "Väntar 10"]
    client.force_login(world.lead_lars)
    dashboard = client.get("/").content.decode()
    assert (
        dashboard.index("Väntar 300") < dashboard.index("Väntar 40") < dashboard.index("Väntar 10")
    )
    assert "Tagen" not in dashboard and "Gotland" not in dashboard
    assert "3 klienter väntar på ett ombud." in client.get("/klienter/per-ombud/").content.decode()
    assert elsewhere.pk


def test_caseload_per_ombud_counts_today_in_this_verksamhet(client, world) -> None:
    for status in (UppdragStatus.ACTIVE, UppdragStatus.ACTIVE, UppdragStatus.CONTACT_BUILDING):
        client_of(world, world.ombud_omar, status=status)
    client_of(world, world.ombud_omar, status=UppdragStatus.WAITING)  # counts in the total
    client_of(world, world.ombud_omar, status=UppdragStatus.ENDED)
    handed_over = client_of(world, world.ombud_omar)
    Assignment.objects.filter(uppdrag__client=handed_over).update(end=today())
    second = UppdragFactory(client=client_of(world, world.ombud_omar), status=UppdragStatus.ACTIVE)
    AssignmentFactory(uppdrag=second, ombud=world.ombud_omar)  # the same client: counted once
    client_of(world, world.ombud_omar, verksamhet=world.other_verksamhet)
    client.force_login(world.lead_lars)
    body = client.get("/klienter/per-ombud/").content.decode()
    row = re.search(r"Omar Haddad</a>\s*</th>((?:\s*<td[^>]*>\d+</td>){3})", body)
    assert row is not None, body
    assert re.findall(r">(\d+)<", row.group(1)) == ["1", "3", "5"]
    anna = re.search(r"Anna Lind</a>\s*</th>((?:\s*<td[^>]*>\d+</td>){3})", body)
    assert anna is not None and re.findall(r">(\d+)<", anna.group(1)) == ["0", "0", "0"]


def test_dashboard_and_access_reflect_changes_at_once(client, world) -> None:
    """Queries built once a day (per-ombud counts, the waiting list, the access check) still
    read the data of the moment."""
    first = client_of(world, world.ombud_omar)
    client.force_login(world.lead_lars)
    before = client.get("/").content.decode()
    row = re.search(r"Omar Haddad</a>\s*</th>((?:\s*<td[^>]*>\d+</td>){3})", before)
    assert row is not None and re.findall(r">(\d+)<", row.group(1)) == ["0", "1", "1"]
    assert "Ingen väntar." in before
    client_of(world, world.ombud_omar, status=UppdragStatus.CONTACT_BUILDING)
    client_of(world, alias="Ny i kön", status=UppdragStatus.WAITING)
    after = client.get("/").content.decode()
    row = re.search(r"Omar Haddad</a>\s*</th>((?:\s*<td[^>]*>\d+</td>){3})", after)
    assert row is not None and re.findall(r">(\d+)<", row.group(1)) == ["1", "1", "2"]
    assert "Ny i kön" in after
    client.force_login(world.ombud_omar)
    assert client.get(f"/klienter/{first.pk}/").status_code == 200
    Assignment.objects.filter(uppdrag__client=first).update(end=today())
    assert client.get(f"/klienter/{first.pk}/").status_code == 404
    AssignmentFactory(uppdrag=first.uppdrag.get(), ombud=world.ombud_omar, start=today())
    assert client.get(f"/klienter/{first.pk}/andra/").status_code == 200


def test_caseload_and_reminders_reflect_changes_at_once(client, world) -> None:
    client_of(world, world.ombud_anna, alias="Första")
    client.force_login(world.ombud_anna)
    assert aliases(client.get("/klienter/").content.decode()) == ["Första"]
    assert "Andra" not in client.get("/").content.decode()
    client_of(world, world.ombud_anna, alias="Andra")  # started 100 days ago, no contact
    assert aliases(client.get("/klienter/").content.decode()) == ["Andra", "Första"]
    assert "Andra" in client.get("/").content.decode()


def test_filter_options_with_ids_from_1000_are_not_split_by_the_thousands_separator(
    client, world
) -> None:
    """A Swedish page writes 1236 as "1 236": an option value must not, or choosing that
    ombud is refused as an invalid choice."""
    from core.models import Role
    from tests.core.factories import user_with_role

    user_with_role(world.verksamhet, Role.OMBUD, id=1236, email="ombud1236@example.se")
    client.force_login(world.lead_lars)
    body = client.get("/klienter/?ombud=1236").content.decode()
    assert '<option value="1236" selected>' in body
    assert "is-invalid" not in body
