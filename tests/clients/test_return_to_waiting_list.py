"""Back on the waiting list: the ombud stops, nobody takes over yet, and the uppdrag waits for
an ombud again without ending (``uppdrag_return_to_waiting_list``)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as Browser
from django.urls import reverse

from clients import services
from clients.models import Assignment, UppdragStatus
from tests.clients.factories import client_of, today

D = datetime.timedelta


def _back(world, client, day=None):  # type: ignore[no-untyped-def]
    return services.uppdrag_return_to_waiting_list(
        uppdrag=client.uppdrag.get(),
        by=world.lead_lars,
        day=day or today(),
        reason="Anna slutar",
    )


def _page(user, name, **kw) -> str:  # type: ignore[no-untyped-def]
    browser = Browser()
    browser.force_login(user)
    response = browser.get(reverse(name, kwargs=kw or None))
    assert response.status_code == 200
    return response.content.decode()


def test_the_assignment_ends_and_the_uppdrag_waits_without_ending(world, annas_client) -> None:
    before = annas_client.uppdrag.get()
    first_wait, first_contact, first_start = (
        before.waiting_since,
        before.contact_started,
        before.started,
    )
    uppdrag = _back(world, annas_client)

    assert annas_client.uppdrag.count() == 1  # no new period
    uppdrag.refresh_from_db()
    assert uppdrag.status == UppdragStatus.WAITING
    assert uppdrag.ended is None and uppdrag.end_reason == ""
    assert uppdrag.waiting_again_since == today()
    # The first dates stay for the statistics (waiting time, when work began).
    assert (uppdrag.waiting_since, uppdrag.contact_started, uppdrag.started) == (
        first_wait,
        first_contact,
        first_start,
    )
    assignment = Assignment.objects.get(uppdrag=uppdrag)
    assert assignment.end == today() and assignment.reason == "Anna slutar"
    # History: who did it and why, on the uppdrag and the assignment.
    entry = uppdrag.history.latest()
    assert entry.history_user == world.lead_lars
    assert entry.history_change_reason == "Anna slutar"
    assert entry.status == UppdragStatus.WAITING
    assert assignment.history.latest().history_user == world.lead_lars


def test_anna_loses_access_and_the_waiting_list_shows_the_client(world, annas_client) -> None:
    _back(world, annas_client)
    waiting = _page(world.lead_lars, "clients:waiting")
    assert annas_client.alias in waiting
    assert f"Tillbaka på väntelistan sedan {today().isoformat()}" in waiting
    # Another ombud sees the client on the waiting list, Anna no longer as hers.
    assert annas_client.alias in _page(world.ombud_omar, "clients:waiting")
    assert annas_client.alias not in _page(world.ombud_anna, "clients:list")


def test_the_client_page_shows_the_return_as_a_handover(world, annas_client) -> None:
    _back(world, annas_client)
    page = _page(world.lead_lars, "clients:uppdrag", pk=annas_client.pk)
    assert f"Tillbaka på väntelistan sedan {today().isoformat()}" in page
    assert "Anna Lind" in page and "Anna slutar" in page  # the ended assignment and why
    assert "Avslutades" not in page


def test_an_ombud_takes_the_client_again_and_the_first_dates_stay(world, annas_client) -> None:
    first = annas_client.uppdrag.get()
    _back(world, annas_client, today() - D(days=10))
    page = _page(world.ombud_omar, "clients:uppdrag", pk=annas_client.pk)
    assert "Ta klienten" in page

    browser = Browser()
    browser.force_login(world.ombud_omar)
    uppdrag = annas_client.uppdrag.get()
    response = browser.post(
        reverse("clients:uppdrag_advance", args=[annas_client.pk, "kontaktskapande"]),
        {"on": today().isoformat(), "version": uppdrag.version},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    uppdrag.refresh_from_db()
    assert uppdrag.status == UppdragStatus.CONTACT_BUILDING
    assert uppdrag.taken_again == today()
    assert uppdrag.contact_started == first.contact_started
    assert uppdrag.started == first.started
    current = Assignment.objects.get(uppdrag=uppdrag, end__isnull=True)
    assert current.ombud == world.ombud_omar and current.start == today()
    assert annas_client.alias not in _page(world.lead_lars, "clients:waiting")
    # ... and the uppdrag goes on to active without a second start date.
    services.uppdrag_advance(
        uppdrag=uppdrag,
        by=world.ombud_omar,
        to=UppdragStatus.ACTIVE,
        on=today(),
        version=uppdrag.version,
    )
    uppdrag.refresh_from_db()
    assert uppdrag.status == UppdragStatus.ACTIVE and uppdrag.started == first.started


def test_a_client_taken_straight_to_active_once_gets_no_later_contact_date(world) -> None:
    """An uppdrag started without contact-building: taking it again to contact-building keeps
    its start (the dates stay in order, and work began once)."""
    client = client_of(world, world.ombud_anna)
    uppdrag = client.uppdrag.get()
    uppdrag.contact_started = None
    uppdrag.save()
    _back(world, client, today() - D(days=5))
    uppdrag.refresh_from_db()
    uppdrag = services.uppdrag_advance(
        uppdrag=uppdrag,
        by=world.lead_lars,
        to=UppdragStatus.CONTACT_BUILDING,
        on=today(),
        version=uppdrag.version,
        ombud=world.ombud_omar,
    )
    assert uppdrag.contact_started is None and uppdrag.taken_again == today()


def test_refused_for_an_ended_uppdrag_or_without_a_reason(world, annas_client) -> None:
    uppdrag = annas_client.uppdrag.get()
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_return_to_waiting_list(
            uppdrag=uppdrag, by=world.lead_lars, day=today(), reason=" "
        )
    assert exc.value.message_dict == {"reason": ["Ange skälet."]}
    services.uppdrag_end(
        uppdrag=uppdrag, by=world.lead_lars, version=uppdrag.version, on=today(), end_reason="moved"
    )
    uppdrag.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_return_to_waiting_list(
            uppdrag=uppdrag, by=world.lead_lars, day=today(), reason="Slutar"
        )
    assert exc.value.messages == ["Ett avslutat uppdrag kan inte gå tillbaka till väntelistan."]


def test_the_return_cannot_be_before_work_began(world, annas_client) -> None:
    uppdrag = annas_client.uppdrag.get()
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_return_to_waiting_list(
            uppdrag=uppdrag, by=world.lead_lars, day=uppdrag.contact_started - D(days=1), reason="x"
        )
    assert "day" in exc.value.message_dict
    uppdrag.refresh_from_db()
    assert uppdrag.status == UppdragStatus.ACTIVE
    assert not Assignment.objects.filter(uppdrag=uppdrag, end__isnull=False).exists()
