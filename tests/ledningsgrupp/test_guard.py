"""What the outside members read is guarded like a systembrist: agenda, protokoll, action items."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ledningsgrupp import services
from ledningsgrupp.models import ActionItem, AgendaItem, Paragraph
from tests.clients.factories import client_of

pytestmark = pytest.mark.django_db

MEMBERS_READ = "Ledningsgruppens ledamöter läser den"


@pytest.fixture
def meeting(lg, lead_lars):  # type: ignore[no-untyped-def]
    return services.meeting_create(
        group=lg.group,
        by=lead_lars,
        date=datetime.date(2026, 9, 1),
        start_time=datetime.time(13),
        place="Stadshuset",
    )


@pytest.fixture
def kim_berg(world):  # type: ignore[no-untyped-def]
    """Omar's client; the coordinator sees him, the members do not."""
    return client_of(world, world.ombud_omar, alias="Stjärnan", first_name="Kim", last_name="Berg")


def refusal(call, field: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        call()
    return exc.value.message_dict[field][0]


def as_lead(world) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(world.lead_lars)
    return c


def test_finding13_agenda_item_is_guarded(world, meeting, lead_lars, kim_berg) -> None:  # type: ignore[no-untyped-def]
    before = AgendaItem.objects.count()
    message = refusal(
        lambda: services.agenda_item_add(
            meeting=meeting, by=lead_lars, title="Uppföljning", description="Ring 070-123 45 67."
        ),
        "description",
    )
    assert "”070-123 45 67”" in message and MEMBERS_READ in message
    message = refusal(
        lambda: services.agenda_item_add(meeting=meeting, by=lead_lars, title="Om Kim Berg"),
        "title",
    )
    assert "”Kim Berg”" in message
    item = services.agenda_item_add(meeting=meeting, by=lead_lars, title="Bostadsfrågor")
    refusal(
        lambda: services.agenda_item_update(
            item=item, by=lead_lars, title="Bostadsfrågor", description="Gäller 19850412-1234."
        ),
        "description",
    )
    assert AgendaItem.objects.count() == before + 1
    # On the page the message stands next to the field and the text is kept.
    response = as_lead(world).post(
        reverse("ledningsgrupp:agenda_item_create", args=[meeting.pk]),
        {"title": "Uppföljning", "description": "Ring 070-123 45 67."},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_description_error"' in html and "”070-123 45 67”" in html
    assert AgendaItem.objects.count() == before + 1


def test_finding13_protokoll_paragraph_is_guarded(world, meeting, lead_lars, kim_berg) -> None:  # type: ignore[no-untyped-def]
    message = refusal(
        lambda: services.paragraph_add(
            meeting=meeting,
            by=lead_lars,
            title="Boende",
            discussion="Stjärnan har inte fått något kontrakt.",
        ),
        "discussion",
    )
    assert "”Stjärnan”" in message and MEMBERS_READ in message
    message = refusal(
        lambda: services.paragraph_add(
            meeting=meeting, by=lead_lars, title="Boende", decision="Kontakta 850412-1234."
        ),
        "decision",
    )
    assert "”850412-1234”" in message
    paragraph = services.paragraph_add(meeting=meeting, by=lead_lars, title="Boende")
    refusal(
        lambda: services.paragraph_update(
            paragraph=paragraph,
            by=lead_lars,
            expected_version=paragraph.version,
            title="Ring 08-123 456 78",
        ),
        "title",
    )
    assert list(Paragraph.objects.values_list("title", flat=True)) == ["Boende"]
    response = as_lead(world).post(
        reverse("ledningsgrupp:paragraph_create", args=[meeting.pk]),
        {"title": "Boende", "discussion": "", "decision": "Mejla kim.berg@example.se."},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_decision_error"' in html and "”kim.berg@example.se”" in html
    assert Paragraph.objects.count() == 1


def test_finding13_action_item_is_guarded(world, lg, lead_lars, kim_berg) -> None:  # type: ignore[no-untyped-def]
    fk = world.orgs["fk"]
    message = refusal(
        lambda: services.action_item_create(
            group=lg.group,
            by=lead_lars,
            title="Ta fram rutin",
            description="Handläggaren nås på fk@example.se.",
            owner_organisation=fk,
        ),
        "description",
    )
    assert "”fk@example.se”" in message and MEMBERS_READ in message
    item = services.action_item_create(
        group=lg.group, by=lead_lars, title="Ta fram rutin", owner_organisation=fk
    )
    message = refusal(
        lambda: services.action_item_update(
            item=item,
            by=lead_lars,
            expected_version=item.version,
            title="Ring Kim Berg",
            owner_organisation=fk,
        ),
        "title",
    )
    assert "”Kim Berg”" in message
    response = as_lead(world).post(
        reverse("ledningsgrupp:action_create"),
        {"title": "Ring 070-123 45 67", "description": "", "owner_organisation": fk.pk},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_title_error"' in html and "”070-123 45 67”" in html
    assert list(ActionItem.objects.values_list("title", flat=True)) == ["Ta fram rutin"]


def test_finding3_member_writing_a_paragraph_learns_nothing_about_clients(
    world, meeting, member_fk, kim_berg
) -> None:  # type: ignore[no-untyped-def]
    # A member (here writing the protokoll) cannot see any client: a client's name and a
    # made-up one are treated alike, numbers are refused for them as for anyone.
    services.paragraph_add(meeting=meeting, by=member_fk, title="Kurt Lund fick vänta")
    services.paragraph_add(meeting=meeting, by=member_fk, title="Kim Berg fick vänta")
    assert Paragraph.objects.count() == 2
    message = refusal(
        lambda: services.paragraph_add(
            meeting=meeting, by=member_fk, title="Uppföljning", discussion="Tel 070-123 45 67"
        ),
        "discussion",
    )
    assert "”070-123 45 67”" in message
