"""Loggkontroll: the month's findings, the lead's sign-off, and the dashboard reminder."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clients.models import Assignment, Uppdrag
from core.audit import acting_as
from dataprotection.models import LogReview
from dataprotection.selectors.loggkontroll import findings_for, unsigned_months
from dataprotection.services import logreview_sign
from tests.dataprotection.factories import full_client, read_at

STHLM = zoneinfo.ZoneInfo("Europe/Stockholm")
MONTH = datetime.date(2025, 3, 1)


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, 3, day, hour, minute, tzinfo=STHLM)


@pytest.fixture
def reads(world, kim):  # type: ignore[no-untyped-def]
    anna, omar = world.users["ombud_anna"], world.users["ombud_omar"]
    read_at(anna, kim, at(4, 10))  # Tuesday, office hours, assigned: nothing to see
    read_at(omar, kim, at(4, 11))  # not assigned
    read_at(anna, kim, at(4, 19))  # evening
    read_at(anna, kim, at(4, 6, 59))  # early morning
    read_at(anna, kim, at(8, 12))  # Saturday
    read_at(anna, kim, at(6, 18))  # exactly 18:00 counts as after hours
    for minute in range(5):
        read_at(omar, kim, at(5, 9, minute))  # many reads on Wednesday
    return kim


def test_findings(world, reads, settings):  # type: ignore[no-untyped-def]
    settings.LOGGKONTROLL_READS_PER_DAY = 4
    found = findings_for(world.verksamhet, MONTH)
    assert found["unassigned"].total == 6
    assert {r.user.email for r in found["unassigned"].rows} == {"omar@example.se"}
    assert found["unassigned"].rows[0].client.alias == "Kim"
    hours = sorted(
        (timezone.localtime(r.at, STHLM).day, timezone.localtime(r.at, STHLM).hour)
        for r in found["after_hours"].rows
    )
    assert hours == [(4, 6), (4, 19), (6, 18), (8, 12)]
    assert [(r["user"].email, r["reads"]) for r in found["busy"].rows] == [("omar@example.se", 5)]


def test_assignment_ended_means_not_assigned(world, kim):  # type: ignore[no-untyped-def]
    anna = world.users["ombud_anna"]
    with acting_as(anna):
        Assignment.objects.filter(uppdrag__client=kim).update(end=datetime.date(2025, 3, 10))
    read_at(anna, kim, at(10, 10))
    read_at(anna, kim, at(9, 10))
    rows = findings_for(world.verksamhet, MONTH)["unassigned"].rows
    assert [timezone.localtime(r.at, STHLM).day for r in rows] == [10]


def test_sign_off_and_dashboard(client, world, reads, lead_lars):  # type: ignore[no-untyped-def]
    assert MONTH in unsigned_months(world.verksamhet)
    client.force_login(lead_lars)
    assert "/dataskydd/loggkontroll/2025/3/" in client.get("/").content.decode()
    page = client.get("/dataskydd/loggkontroll/2025/3/").content.decode()
    assert "Omar Haddad" in page
    assert client.post("/dataskydd/loggkontroll/2025/3/", {"comment": ""}).status_code == 200
    response = client.post(
        "/dataskydd/loggkontroll/2025/3/", {"comment": "Omar hade vikariat, kontrollerat."}
    )
    assert response.status_code == 302
    review = LogReview.objects.get()
    assert review.signed_by == lead_lars and review.findings["unassigned"] == 6
    assert review.history.first().history_user == lead_lars
    assert MONTH not in unsigned_months(world.verksamhet)
    assert "/dataskydd/loggkontroll/2025/3/" not in client.get("/").content.decode()


def test_current_month_and_twice_are_refused(world, reads, lead_lars):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        logreview_sign(
            verksamhet=world.verksamhet, month=timezone.localdate(), by=lead_lars, comment="x"
        )
    logreview_sign(verksamhet=world.verksamhet, month=MONTH, by=lead_lars, comment="ok")
    with pytest.raises(ValidationError):
        logreview_sign(verksamhet=world.verksamhet, month=MONTH, by=lead_lars, comment="igen")


def test_admin_reads_but_cannot_sign(client, world, reads, admin_agnes):  # type: ignore[no-untyped-def]
    client.force_login(admin_agnes)
    assert client.get("/dataskydd/loggkontroll/2025/3/").status_code == 200
    assert client.post("/dataskydd/loggkontroll/2025/3/", {"comment": "x"}).status_code == 403


@pytest.mark.parametrize("clients", [2, 12])
def test_month_page_query_count(client, world, lead_lars, clients, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    omar = world.users["ombud_omar"]
    for n in range(clients):
        c = full_client(world, alias=f"K{n}")
        read_at(omar, c, at(4, 20))
    Uppdrag.objects.count()
    client.force_login(lead_lars)
    with django_assert_max_num_queries(14):
        response = client.get("/dataskydd/loggkontroll/2025/3/")
    assert response.content.decode().count("K1") >= 1


def _month_list(client, world) -> str:  # type: ignore[no-untyped-def]
    from django.urls import reverse

    client.force_login(world.lead_lars)
    return client.get(reverse("dataprotection:loggkontroll")).content.decode()


def test_month_list_links_every_month_with_its_reads_and_flags(world, reads, client):  # type: ignore[no-untyped-def]
    from django.urls import reverse

    page = _month_list(client, world)
    assert "Inga läsningar har loggats än." not in page
    assert f'href="{reverse("dataprotection:loggkontroll_month", args=[2025, 3])}"' in page
    # March 2025: eleven reads, ten flagged (six by Omar, who is not assigned; four out of
    # office hours).
    row = page[page.index("/loggkontroll/2025/3/") :].split("</tr>")[0]
    cells = [c.split(">")[-1].strip() for c in row.split("</td>")]
    assert cells[1:3] == ["11", "10"]


def test_the_current_month_is_listed_and_linked(world, kim, client):  # type: ignore[no-untyped-def]
    now = timezone.localtime(timezone.now(), STHLM)
    omar = world.users["ombud_omar"]
    for minute in range(6):
        read_at(omar, kim, now.replace(hour=10, minute=minute))  # flagged: not assigned
    page = _month_list(client, world)
    assert f"/loggkontroll/{now.year}/{now.month}/" in page
    assert "Inga läsningar har loggats än." not in page
    assert "Månaden pågår" in page
    # The current month is not over, so nothing to remind about yet.
    assert datetime.date(now.year, now.month, 1) not in unsigned_months(world.verksamhet)


def test_the_empty_state_only_without_reads(world, client):  # type: ignore[no-untyped-def]
    assert "Inga läsningar har loggats än." in _month_list(client, world)
