"""The ledningsgrupp's object rules (ledningsgrupp/access.py), told as stories: the secretary
manages while in office, the agenda changes only while the meeting is planned, the chair and
the justerare are asked to sign until they have."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from core.access import actor_for
from core.models import Role
from ledningsgrupp import services
from ledningsgrupp.models import AgendaItem, MeetingStatus
from tests.core.factories import user_with_role

from .conftest import all_present
from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def karin(world, lg):  # type: ignore[no-untyped-def]
    """Kommunen's representative, the group's secretary, with a login."""
    user = user_with_role(
        world.verksamhet,
        Role.MEMBER,
        world.orgs["kommun"],
        email="karin@example.se",
        first_name="Karin",
        last_name="Ek",
    )
    lg.secretary.user, lg.secretary.name = user, ""
    lg.secretary.save()
    return user


def as_user(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_secretary_manages_the_group_while_in_office(world, lg, karin, member_fk):  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    client = as_user(karin)
    for url in (
        reverse("ledningsgrupp:settings"),
        reverse("ledningsgrupp:meeting_create"),
        reverse("ledningsgrupp:attendance", args=[meeting.pk]),
        reverse("ledningsgrupp:protokoll_setup", args=[meeting.pk]),
    ):
        assert client.get(url).status_code == 200, url
    assert "Planera ett möte" in client.get(reverse("ledningsgrupp:overview")).content.decode()
    # The chair is a member like her, but no secretary.
    assert as_user(member_fk).get(reverse("ledningsgrupp:meeting_create")).status_code == 403

    lg.secretary.end = datetime.date.today() - datetime.timedelta(days=1)
    lg.secretary.save()
    assert client.get(reverse("ledningsgrupp:meeting_create")).status_code == 403
    assert not actor_for(karin, world.verksamhet).can("meeting.manage", lg.group)


def test_a_lead_manages_only_the_group_of_their_own_verksamhet(world, lg, lead_lars, outsider_olle):  # type: ignore[no-untyped-def]
    assert actor_for(lead_lars, world.verksamhet).can("meeting.manage", lg.group)
    olle = actor_for(outsider_olle, world.other_verksamhet)
    assert not olle.can("meeting.manage", lg.group)
    # Before the other verksamhet has a ledningsgrupp its lead may set one up.
    assert olle.can("meeting.manage", world.other_verksamhet)


def test_the_agenda_changes_only_while_the_meeting_is_planned(world, lg, lead_lars):  # type: ignore[no-untyped-def]
    planned = MeetingFactory(ledningsgrupp=lg.group)
    item = services.agenda_item_add(meeting=planned, by=lead_lars, title="Övriga frågor")
    client = as_user(lead_lars)
    page = client.get(reverse("ledningsgrupp:meeting", args=[planned.pk])).content.decode()
    assert "Lägg till en punkt" in page and "Flytta upp" in page
    assert client.get(reverse("ledningsgrupp:agenda_item_edit", args=[item.pk])).status_code == 200

    planned.status = MeetingStatus.HELD
    planned.save()
    page = client.get(reverse("ledningsgrupp:meeting", args=[planned.pk])).content.decode()
    assert "Lägg till en punkt" not in page and "Flytta upp" not in page
    refused = [
        client.get(reverse("ledningsgrupp:agenda_item_create", args=[planned.pk])),
        client.get(reverse("ledningsgrupp:agenda_item_edit", args=[item.pk])),
        client.post(reverse("ledningsgrupp:agenda_item_move", args=[item.pk]), {"direction": "up"}),
        client.post(reverse("ledningsgrupp:agenda_refresh", args=[planned.pk])),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403, 403]
    # Removing is refused with the reason on the meeting's page.
    response = client.post(reverse("ledningsgrupp:agenda_item_delete", args=[item.pk]), follow=True)
    assert "Punkter på ett genomfört möte ligger kvar" in response.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_the_chair_is_asked_to_sign_until_they_have(world, lg, lead_lars, member_fk, member_af):  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    p = services.paragraph_add(meeting=meeting, by=lead_lars, title="Punkt", decision="Beslut")
    all_present(p.protokoll.meeting, lg)
    services.protokoll_setup(
        protokoll=p.protokoll,
        by=lead_lars,
        expected_version=p.protokoll.version,
        chair=lg.chair,
        secretary=None,
        justerare=lg.justerare,
    )
    url = reverse("ledningsgrupp:protokoll", args=[meeting.pk])
    sign = "Signera protokollet"
    assert sign in as_user(member_fk).get(url).content.decode()
    assert sign not in as_user(lead_lars).get(url).content.decode()
    as_user(member_fk).post(reverse("ledningsgrupp:protokoll_sign", args=[meeting.pk]))
    assert sign not in as_user(member_fk).get(url).content.decode()
    assert sign in as_user(member_af).get(url).content.decode()


def test_form_pages_lead_back_through_their_breadcrumbs(world, lg, lead_lars):  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(ledningsgrupp=lg.group, date=datetime.date(2026, 4, 2))
    client = as_user(lead_lars)
    page = client.get(reverse("ledningsgrupp:paragraph_create", args=[meeting.pk])).content
    page = page.decode()
    crumbs = page[page.index('class="breadcrumb"') : page.index("</ol>")]
    for text in ("Ledningsgrupp PO Västmanland", "Möten", "2026-04-02", "Protokoll", "Ny paragraf"):
        assert text in crumbs, text
    assert f'href="{reverse("ledningsgrupp:overview")}">Avbryt' in page


def test_meeting_and_protokoll_pages_keep_their_breadcrumbs(world, lg, lead_lars):  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(ledningsgrupp=lg.group, date=datetime.date(2026, 4, 2))
    client = as_user(lead_lars)

    def crumbs(url: str) -> list[str]:
        page = client.get(url).content.decode()
        trail = page[page.index('class="breadcrumb"') : page.index("</ol>")]
        return [
            part.split("<")[0].strip()
            for part in trail.split(">")[1:]
            if part.split("<")[0].strip()
        ]

    assert crumbs(reverse("ledningsgrupp:meeting", args=[meeting.pk])) == [
        "Ledningsgrupp PO Västmanland",
        "Möten",
        "2026-04-02",
    ]
    assert crumbs(reverse("ledningsgrupp:protokoll", args=[meeting.pk])) == [
        "Möten",
        "2026-04-02",
        "Protokoll",
    ]
