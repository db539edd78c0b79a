"""Fixed query counts on the caseload and client pages whatever the data size."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.clients.factories import (
    ConsentFactory,
    ContactFactory,
    GoalFactory,
    NeedFactory,
    PlanFactory,
    StepFactory,
    client_of,
    today,
)

# ombud 5, lead 7 (the ombud select); +1 on a searched or filtered list: the INSERT of its
# access-log row (one per page, whatever the hits).
CASELOAD_MAX = 8
DETAIL_MAX = 15


def grow(world, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        client = client_of(world, world.ombud_anna)
        ConsentFactory(client=client, organisation=world.orgs["fk"], recorded_by=world.ombud_anna)
        for d in range(3):
            c = ContactFactory(
                client=client, by=world.ombud_anna, date=today() - datetime.timedelta(days=d + i)
            )
            c.organisations.add(world.orgs["fk"])
    client_of(world)  # one waiting, unassigned


def count(http, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        response = http.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_caseload_queries_do_not_grow(client, world, django_assert_max_num_queries) -> None:
    client.force_login(world.ombud_anna)
    grow(world, 2)
    small = count(client, "/klienter/")
    grow(world, 20)
    with django_assert_max_num_queries(CASELOAD_MAX):
        body = client.get("/klienter/?status=open").content.decode()
    big = count(client, "/klienter/")
    assert small == big, (small, big)
    assert "22 klienter" in body
    waiting = count(client, "/klienter/vantelista/")
    client.force_login(world.lead_lars)
    lead_small = count(client, "/klienter/?q=Klient")
    grow(world, 5)
    assert count(client, "/klienter/?q=Klient") == lead_small <= CASELOAD_MAX
    assert count(client, "/klienter/vantelista/") <= waiting
    print(f"caseload queries: ombud {big}, lead {lead_small}, waiting list {waiting}")


def add_everything(world, client, n: int) -> None:  # type: ignore[no-untyped-def]
    plan = PlanFactory(client=client)
    for i in range(n):
        c = ContactFactory(
            client=client, by=world.ombud_anna, date=today() - datetime.timedelta(days=i)
        )
        c.organisations.add(world.orgs["fk"], world.orgs["kommun"])
        ConsentFactory(client=client, organisation=world.orgs["fk"], recorded_by=world.ombud_anna)
        need = NeedFactory(client=client)
        goal = GoalFactory(plan=plan) if i < 5 else None
        if goal:
            goal.needs.add(need)
            StepFactory(goal=goal, organisation=world.orgs["fk"])


def test_client_pages_queries_do_not_grow(client, world, django_assert_max_num_queries) -> None:
    small_client = client_of(world, world.ombud_anna)
    add_everything(world, small_client, 2)
    big_client = client_of(world, world.ombud_anna)
    add_everything(world, big_client, 40)
    client.force_login(world.ombud_anna)
    counts = {}
    for page in ("", "uppdrag/", "samtycken/", "kontakter/", "plan/"):
        small = count(client, f"/klienter/{small_client.pk}/{page}")
        with django_assert_max_num_queries(DETAIL_MAX):
            client.get(f"/klienter/{big_client.pk}/{page}")
        big = count(client, f"/klienter/{big_client.pk}/{page}")
        assert small == big, (page, small, big)
        counts[page or "detail"] = big
    print("client page queries:", counts)


DASHBOARD_MAX = 15


def test_dashboard_queries_do_not_grow(client, world, django_assert_max_num_queries) -> None:
    """The ombud's reminders and the lead's per-ombud table: same count at two sizes, and the
    ombud's card lists at most ten rows of a kind (the tasks page has them all)."""
    add_everything(world, client_of(world, world.ombud_anna), 2)
    small = {}
    for user in (world.ombud_anna, world.lead_lars):
        client.force_login(user)
        small[user.pk] = count(client, "/")
    grow(world, 15)
    for _ in range(3):
        add_everything(world, client_of(world, world.ombud_anna), 8)
    for user in (world.ombud_anna, world.lead_lars):
        client.force_login(user)
        with django_assert_max_num_queries(DASHBOARD_MAX):
            body = client.get("/").content.decode()
        assert count(client, "/") == small[user.pk]
    client.force_login(world.ombud_anna)
    body = client.get("/").content.decode()
    assert "finns under Uppgifter och påminnelser" in body
