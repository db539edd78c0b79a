"""A client whose processing is restricted (GDPR art. 18) is kept but no longer worked with."""

from __future__ import annotations

from clients.services import client_restrict
from tests.clients.factories import client_of


def _restrict(world, client) -> None:  # type: ignore[no-untyped-def]
    """As the data-protection screens do once an administrator approves the request."""
    client_restrict(client=client, by=world.admin_agnes)


def test_ombud_no_longer_sees_a_restricted_client(client, world) -> None:  # type: ignore[no-untyped-def]
    mine = client_of(world, world.ombud_anna, alias="Solen")
    client.force_login(world.ombud_anna)
    assert client.get(f"/klienter/{mine.pk}/").status_code == 200
    _restrict(world, mine)
    assert client.get(f"/klienter/{mine.pk}/").status_code == 404
    assert "Solen" not in client.get("/klienter/").content.decode()


def test_lead_reads_a_restricted_client_but_cannot_change_it(client, world) -> None:  # type: ignore[no-untyped-def]
    mine = client_of(world, world.ombud_anna, alias="Solen")
    _restrict(world, mine)
    client.force_login(world.lead_lars)
    body = client.get(f"/klienter/{mine.pk}/").content.decode()
    assert "Behandlingen är begränsad" in body
    assert "Registerutdrag (PDF)" in body
    response = client.post(
        f"/klienter/{mine.pk}/andra/", {"alias": "Nytt", "gender": "kvinna", "version": 1}
    )
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.alias == "Solen"


def test_unrestricted_client_is_unchanged_for_the_lead(client, world) -> None:  # type: ignore[no-untyped-def]
    mine = client_of(world, world.ombud_anna, alias="Solen")
    client.force_login(world.lead_lars)
    body = client.get(f"/klienter/{mine.pk}/").content.decode()
    assert "Behandlingen är begränsad" not in body
