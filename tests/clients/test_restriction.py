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


def test_finding9_restricted_client_left_out_of_ombud_reminders_and_counts(client, world) -> None:  # type: ignore[no-untyped-def]
    """A restricted client is no longer worked with: none of its overdue follow-up, step,
    task, ending consent or fullmakt, or missing contact reminds the ombud, nor counts."""
    import datetime

    from clients.selectors.reminders import count, reminders_for
    from core.access import actor_for
    from tests.clients.factories import (
        ConsentFactory,
        FullmaktFactory,
        GoalFactory,
        PlanFactory,
        StepFactory,
        TaskFactory,
        today,
    )

    day = today()
    hidden = client_of(world, world.ombud_anna, alias="Dold")  # no contact: also "quiet"
    fk = world.orgs["fk"]
    plan = PlanFactory(client=hidden, follow_up=day - datetime.timedelta(days=5))
    StepFactory(goal=GoalFactory(plan=plan), due=day - datetime.timedelta(days=2))
    TaskFactory(owner=world.ombud_anna, client=hidden, title="Ring Dolds handläggare", due=day)
    ConsentFactory(
        client=hidden,
        organisation=fk,
        recorded_by=world.ombud_anna,
        valid_until=day + datetime.timedelta(days=10),
    )
    FullmaktFactory(
        client=hidden,
        organisation=fk,
        recorded_by=world.ombud_anna,
        valid_until=day + datetime.timedelta(days=10),
    )
    client.force_login(world.ombud_anna)
    actor = actor_for(world.ombud_anna, world.verksamhet)
    before = reminders_for(actor=actor)
    assert all(before["totals"][k] >= 1 for k in before["totals"]), before["totals"]
    assert "Dold" in client.get("/").content.decode()
    assert "Ring Dolds handläggare" in client.get("/klienter/uppgifter/").content.decode()

    _restrict(world, hidden)

    dashboard = client.get("/").content.decode()
    tasks = client.get("/klienter/uppgifter/").content.decode()
    for body in (dashboard, tasks):
        assert "Dold" not in body
    assert "Påminnelser (0)" in dashboard
    after = reminders_for(actor=actor)
    assert count(after) == 0, after["totals"]
    assert count(reminders_for(actor=actor, limit=10)) == 0
