"""“Avsluta konto”: every client handed over or back on the waiting list, tasks passed on or
closed, the account closed; all in one transaction, and refused if the list changed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as Browser
from django.urls import reverse

from administration.services import account_close
from administration.services.offboarding import WAITING_LIST
from clients.models import Assignment, Task, Uppdrag, UppdragStatus
from core.models import Role, RoleAssignment
from tests.clients.factories import TaskFactory, client_of
from tests.core.factories import user_with_role


@pytest.fixture
def annas(world):  # type: ignore[no-untyped-def]
    """Anna's six clients (aliases A1..A6), one task each about A1 and A5, and one of her own."""
    clients = [client_of(world, world.ombud_anna, alias=f"A{n}") for n in range(1, 7)]
    TaskFactory(owner=world.ombud_anna, client=clients[0], title="Ring FK om A1")
    TaskFactory(owner=world.ombud_anna, client=clients[4], title="Boka möte A5")
    TaskFactory(owner=world.ombud_anna, client=None, title="Läsa handboken")
    return clients


def _uppdrag(client):  # type: ignore[no-untyped-def]
    return client.uppdrag.get()


def _form(clients, to):  # type: ignore[no-untyped-def]
    data = {
        "reason": "Slutar sin anställning",
        "shown": ",".join(str(_uppdrag(c).pk) for c in clients),
    }
    for c, target in zip(clients, to, strict=True):
        data[f"client_{_uppdrag(c).pk}"] = str(target.pk) if target else "0"
    return data


def test_closing_hands_over_four_and_puts_two_on_the_waiting_list(client, world, annas):  # type: ignore[no-untyped-def]
    anna, omar = world.ombud_anna, world.ombud_omar
    client.force_login(world.admin_agnes)
    url = reverse("administration:account_close", kwargs={"pk": anna.pk})
    page = client.get(url).content.decode()
    for c in annas:
        assert c.alias in page
    assert "Ring FK om A1" in page and "Läsa handboken" in page
    response = client.post(url, _form(annas, [omar, omar, omar, omar, None, None]))
    assert response.status_code == 302, response.content.decode()[:2000]

    for c in annas[:4]:
        current = Assignment.objects.filter(uppdrag__client=c, end__isnull=True).get()
        assert current.ombud == omar
        assert current.reason.startswith("Anna Lind slutar: Slutar sin anställning")
        ended = Assignment.objects.get(uppdrag__client=c, ombud=anna)
        assert ended.end is not None
        assert ended.history.latest().history_user == world.admin_agnes
    for c in annas[4:]:
        # The same uppdrag waits for an ombud again: not ended, no new period.
        u = c.uppdrag.get()
        assert u.status == UppdragStatus.WAITING and u.ended is None and u.end_reason == ""
        assert u.waiting_again_since is not None
        assert u.history.latest().history_user == world.admin_agnes
        assert not Assignment.objects.filter(uppdrag__client=c, end__isnull=True).exists()
        ended = Assignment.objects.get(uppdrag__client=c, ombud=anna)
        assert ended.reason.startswith("Anna Lind slutar: Slutar sin anställning")
    # On the waiting list as every other waiting client, since the day they came back.
    waiting = client.get(reverse("clients:waiting")).content.decode()
    assert "A5" in waiting and "A6" in waiting
    assert waiting.count("Tillbaka på väntelistan sedan") == 2
    # The client's page shows the handover as any other handover.
    uppdrag_page = client.get(
        reverse("clients:uppdrag", kwargs={"pk": annas[0].pk})
    ).content.decode()
    assert "Anna Lind" in uppdrag_page and "Omar Haddad" in uppdrag_page

    assert Task.objects.get(title="Ring FK om A1").owner == omar
    assert Task.objects.get(title="Boka möte A5").done_at is not None
    assert Task.objects.get(title="Läsa handboken").done_at is not None

    anna.refresh_from_db()
    assert anna.is_active is False
    assert anna.history.latest().history_change_reason == "Slutar sin anställning"
    # Kept in the users list, shown as closed, roles kept for the record.
    assert RoleAssignment.objects.filter(user=anna, verksamhet=world.verksamhet).exists()
    users = client.get(reverse("administration:users") + "?active=no").content.decode()
    assert "Anna Lind" in users and "Omar Haddad" not in users
    detail = client.get(reverse("administration:user", kwargs={"pk": anna.pk})).content.decode()
    assert "av Agnes Nord: Slutar sin anställning" in detail


def test_login_is_refused_afterwards_and_the_name_stays(world, annas):  # type: ignore[no-untyped-def]
    anna, omar = world.ombud_anna, world.ombud_omar
    logged_in = Browser()
    logged_in.force_login(anna)
    plan = {_uppdrag(c).pk: omar for c in annas}
    account_close(
        user=anna,
        verksamhet=world.verksamhet,
        by=world.admin_agnes,
        reason="Slutar",
        shown=list(plan),
        plan=plan,
    )
    fresh = Browser()
    response = fresh.post(
        reverse("login"), {"username": "anna@example.se", "password": "Testlosenord-123"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in fresh.session
    # An open session ends too: the next request is anonymous.
    assert logged_in.get(reverse("dashboard")).status_code == 302
    # Old entries still name her.
    old = Assignment.objects.filter(ombud=anna).select_related("ombud").first()
    assert str(old.ombud) == "Anna Lind"


def test_all_or_nothing(world, annas):  # type: ignore[no-untyped-def]
    """The sixth client is to go to an ombud of another verksamhet: nothing at all is done."""
    anna, omar = world.ombud_anna, world.ombud_omar
    plan = {_uppdrag(c).pk: omar for c in annas[:5]}
    plan[_uppdrag(annas[5]).pk] = world.outsider_olle
    with pytest.raises(ValidationError) as refused:
        account_close(
            user=anna,
            verksamhet=world.verksamhet,
            by=world.admin_agnes,
            reason="Slutar",
            shown=[*plan],
            plan=plan,
        )
    assert f"client_{_uppdrag(annas[5]).pk}" in refused.value.message_dict
    anna.refresh_from_db()
    assert anna.is_active
    assert Assignment.objects.filter(ombud=anna, end__isnull=True).count() == 6
    assert not Assignment.objects.filter(ombud=omar).exists()
    assert Task.objects.filter(owner=anna, done_at__isnull=True).count() == 3


def test_refused_when_the_client_list_changed_since_the_form(client, world, annas):  # type: ignore[no-untyped-def]
    anna, omar = world.ombud_anna, world.ombud_omar
    client.force_login(world.admin_agnes)
    data = _form(annas, [omar] * 6)
    seventh = client_of(world, anna, alias="Ny medan formuläret var öppet")  # meanwhile
    response = client.post(reverse("administration:account_close", kwargs={"pk": anna.pk}), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Användarens klienter ändrades" in body
    # The page now lists the seventh client, and its next submit is checked against seven.
    assert "Ny medan formuläret var öppet" in body
    assert f",{_uppdrag(seventh).pk}" in body.split('name="shown"')[1].split(">")[0]
    anna.refresh_from_db()
    assert anna.is_active
    assert not Assignment.objects.filter(ombud=omar).exists()


def test_every_client_needs_a_choice(client, world, annas):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    client.force_login(world.admin_agnes)
    data = _form(annas, [world.ombud_omar] * 6)
    del data[f"client_{_uppdrag(annas[2]).pk}"]
    response = client.post(reverse("administration:account_close", kwargs={"pk": anna.pk}), data)
    assert "Välj ett annat ombud eller väntelistan." in response.content.decode()
    anna.refresh_from_db()
    assert anna.is_active


def test_a_waiting_client_assigned_to_the_leaver_just_waits_on(world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    waiting = client_of(world, anna, status=UppdragStatus.WAITING, alias="Väntar")
    u = _uppdrag(waiting)
    account_close(
        user=anna,
        verksamhet=world.verksamhet,
        by=world.admin_agnes,
        reason="Slutar",
        shown=[u.pk],
        plan={u.pk: WAITING_LIST},
    )
    assert list(Uppdrag.objects.filter(client=waiting).values_list("status", flat=True)) == [
        UppdragStatus.WAITING
    ]
    assert not Assignment.objects.filter(uppdrag=u, end__isnull=True).exists()


def test_someone_working_in_another_verksamhet_keeps_the_account(world):  # type: ignore[no-untyped-def]
    both = user_with_role(world.verksamhet, Role.OMBUD, email="bo@example.se", first_name="Bo")
    RoleAssignment.objects.create(user=both, verksamhet=world.other_verksamhet, role=Role.OMBUD)
    account_close(
        user=both,
        verksamhet=world.verksamhet,
        by=world.admin_agnes,
        reason="Slutar här",
        shown=[],
        plan={},
    )
    both.refresh_from_db()
    assert both.is_active
    assert list(RoleAssignment.objects.filter(user=both).values_list("verksamhet", flat=True)) == [
        world.other_verksamhet.pk
    ]


def test_the_last_administrator_is_not_closed(world):  # type: ignore[no-untyped-def]
    agnes = world.admin_agnes
    with pytest.raises(ValidationError) as refused:
        account_close(
            user=agnes, verksamhet=world.verksamhet, by=agnes, reason="x", shown=[], plan={}
        )
    assert "sista administratör" in refused.value.messages[0]
    agnes.refresh_from_db()
    assert agnes.is_active
