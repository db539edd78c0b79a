"""Client records, the uppdrag life cycle, handover and what it does to access."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as HttpClient

from clients import services
from clients.models import Assignment, EndReason, UppdragStatus
from core.concurrency import StaleEdit
from tests.clients.factories import today

D = datetime.timedelta


def new_client(world, by, **kw):  # type: ignore[no-untyped-def]
    return services.client_create(verksamhet=world.verksamhet, by=by, alias="Solen", **kw)


def test_create_pseudonymous_client_goes_to_the_waiting_list(world) -> None:
    client = new_client(world, world.lead_lars)
    uppdrag = client.uppdrag.get()
    assert uppdrag.status == UppdragStatus.WAITING
    assert uppdrag.waiting_since == today()
    assert client.personnummer == "" and client.history.first().history_user == world.lead_lars


def test_create_and_take(world) -> None:
    client = new_client(world, world.ombud_anna, take=True)
    uppdrag = client.uppdrag.get()
    assert uppdrag.status == UppdragStatus.CONTACT_BUILDING
    assert uppdrag.assignments.get().ombud == world.ombud_anna


def test_personnummer_is_normalised_and_sets_birth_year(world) -> None:
    client = new_client(world, world.ombud_anna, personnummer="121212+1212")
    assert client.personnummer == "191212121212"
    assert client.birth_year == 1912
    with pytest.raises(ValidationError) as exc:
        services.client_create(
            verksamhet=world.verksamhet, by=world.ombud_anna, alias="B", personnummer="191212121212"
        )
    assert "personnummer" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        new_client(world, world.ombud_anna, personnummer="19121212-1213")
    assert "personnummer" in exc.value.message_dict


def test_client_rules(world) -> None:
    with pytest.raises(ValidationError):
        services.client_create(verksamhet=world.verksamhet, by=world.ombud_anna, alias="  ")
    with pytest.raises(ValidationError):
        new_client(world, world.ombud_anna, birth_year=today().year - 10)
    from tests.core.factories import kommun

    with pytest.raises(ValidationError):
        new_client(world, world.ombud_anna, kommun=kommun("0180"))
    client = new_client(world, world.ombud_anna, primary_group=2, other_groups=[2, 4])
    assert client.other_groups == [4]


def test_client_update_checks_the_version(world, annas_client) -> None:
    services.client_update(client=annas_client, by=world.ombud_anna, version=1, alias="Nytt")
    stale = type(annas_client).objects.get(pk=annas_client.pk)
    stale.version = 1
    with pytest.raises(StaleEdit):
        services.client_update(client=stale, by=world.ombud_omar, version=1, alias="Annat")
    annas_client.refresh_from_db()
    assert annas_client.alias == "Nytt" and annas_client.version == 2


def test_life_cycle_waiting_contact_active_ended_reopened(world) -> None:
    client = new_client(world, world.lead_lars, waiting_since=today() - D(days=30))
    uppdrag = client.uppdrag.get()
    with pytest.raises(ValidationError):  # leaving the waiting list needs an ombud
        services.uppdrag_advance(
            uppdrag=uppdrag, by=world.lead_lars, to="contact_building", on=today(), version=1
        )
    services.uppdrag_advance(
        uppdrag=uppdrag,
        by=world.lead_lars,
        to="contact_building",
        on=today() - D(days=20),
        version=1,
        ombud=world.ombud_anna,
    )
    with pytest.raises(ValidationError):  # dates never go backwards
        services.uppdrag_advance(
            uppdrag=uppdrag, by=world.ombud_anna, to="active", on=today() - D(days=25), version=2
        )
    services.uppdrag_advance(
        uppdrag=uppdrag, by=world.ombud_anna, to="active", on=today() - D(days=10), version=2
    )
    with pytest.raises(ValidationError):
        services.uppdrag_reopen(client=client, by=world.ombud_anna, on=today())
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_end(
            uppdrag=uppdrag, by=world.ombud_anna, version=3, on=today(), end_reason="other"
        )
    assert "end_reason_other" in exc.value.message_dict
    services.uppdrag_end(
        uppdrag=uppdrag,
        by=world.ombud_anna,
        version=3,
        on=today(),
        end_reason=EndReason.GOALS_MET,
        boende_end="egen",
    )
    uppdrag.refresh_from_db()
    assert (uppdrag.status, uppdrag.ended, uppdrag.boende_end) == ("ended", today(), "egen")
    new = services.uppdrag_reopen(
        client=client, by=world.ombud_anna, on=today(), ombud=world.ombud_anna
    )
    assert new.pk != uppdrag.pk and new.status == UppdragStatus.CONTACT_BUILDING
    assert client.uppdrag.count() == 2


def test_uppdrag_update_records_life_situation(world, annas_client) -> None:
    uppdrag = annas_client.uppdrag.get()
    services.uppdrag_update(
        uppdrag=uppdrag, by=world.ombud_anna, version=1, boende_start="hemlos", referred_by="Själv"
    )
    uppdrag.refresh_from_db()
    assert uppdrag.boende_start == "hemlos" and uppdrag.version == 2
    with pytest.raises(ValidationError):
        services.uppdrag_update(
            uppdrag=uppdrag, by=world.ombud_anna, version=2, started=today() + D(days=1)
        )


def status(user, client) -> int:  # type: ignore[no-untyped-def]
    http = HttpClient()
    http.force_login(user)
    return http.get(f"/klienter/{client.pk}/").status_code


def test_handover_moves_access_from_the_date(world, annas_client) -> None:
    uppdrag = annas_client.uppdrag.get()
    assert status(world.ombud_anna, annas_client) == 200
    assert status(world.ombud_omar, annas_client) == 404
    with pytest.raises(ValidationError):
        services.handover(
            uppdrag=uppdrag, by=world.ombud_anna, to_ombud=world.ombud_omar, on=today(), reason=""
        )
    # planned for tomorrow: nothing changes today
    services.handover(
        uppdrag=uppdrag,
        by=world.lead_lars,
        to_ombud=world.ombud_omar,
        on=today() + D(days=1),
        reason="Anna går på föräldraledighet",
    )
    assert status(world.ombud_anna, annas_client) == 200
    assert status(world.ombud_omar, annas_client) == 404
    old = Assignment.objects.get(uppdrag=uppdrag, ombud=world.ombud_anna)
    assert old.end == today() + D(days=1)


def test_handover_today_removes_access_at_once(world, annas_client) -> None:
    uppdrag = annas_client.uppdrag.get()
    services.handover(
        uppdrag=uppdrag, by=world.ombud_anna, to_ombud=world.ombud_omar, on=today(), reason="Byte"
    )
    assert status(world.ombud_anna, annas_client) == 404
    assert status(world.ombud_omar, annas_client) == 200
    assert status(world.lead_lars, annas_client) == 200
    with pytest.raises(ValidationError):  # only ombud can receive
        services.handover(
            uppdrag=uppdrag, by=world.lead_lars, to_ombud=world.lead_lars, on=today(), reason="x"
        )


def test_former_ombud_keeps_access_while_still_assigned(world, annas_client) -> None:
    """Anna is assigned on a second (co-)assignment; handing one over keeps her access."""
    uppdrag = annas_client.uppdrag.get()
    Assignment.objects.create(uppdrag=uppdrag, ombud=world.ombud_anna, start=today() - D(days=1))
    first = uppdrag.assignments.order_by("start").first()
    first.end = today()
    first.save()
    assert status(world.ombud_anna, annas_client) == 200
