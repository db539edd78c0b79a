"""Roles per verksamhet: added and removed with a reason in the history; the last
administrator stays; nobody manages their own roles."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from administration.services import role_add, role_remove
from core.models import Role, RoleAssignment
from tests.core.factories import user_with_role


def test_a_role_is_added_with_who_and_why_in_the_history(client, world):  # type: ignore[no-untyped-def]
    omar = world.ombud_omar
    client.force_login(world.admin_agnes)
    response = client.post(
        reverse("administration:role_add", kwargs={"pk": omar.pk}),
        {"role": "lead", "reason": "Vikarierande samordnare under hösten"},
    )
    assert response.status_code == 302
    added = RoleAssignment.objects.get(user=omar, verksamhet=world.verksamhet, role=Role.LEAD)
    record = added.history.get()
    assert record.history_user == world.admin_agnes
    assert record.history_change_reason == "Vikarierande samordnare under hösten"
    page = client.get(reverse("administration:user", kwargs={"pk": omar.pk})).content.decode()
    assert "Vikarierande samordnare under hösten" in page
    assert "Agnes Nord" in page


def test_a_role_needs_a_reason_and_a_member_an_organisation(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    url = reverse("administration:role_add", kwargs={"pk": world.ombud_omar.pk})
    body = client.post(url, {"role": "member", "reason": ""}).content.decode()
    assert "Ange skälet till ändringen." in body
    body = client.post(url, {"role": "member", "reason": "Ny ledamot"}).content.decode()
    assert "Välj organisationen som ledamoten företräder." in body
    assert (
        client.post(
            url, {"role": "member", "organisation": world.orgs["af"].pk, "reason": "Ny ledamot"}
        ).status_code
        == 302
    )
    assert (
        RoleAssignment.objects.get(user=world.ombud_omar, role=Role.MEMBER).organisation
        == (world.orgs["af"])
    )


def test_a_role_is_removed_with_the_reason(world):  # type: ignore[no-untyped-def]
    omar = world.ombud_omar
    extra = role_add(
        user=omar,
        verksamhet=world.verksamhet,
        role=Role.LEAD,
        by=world.admin_agnes,
        reason="Vikariat",
    )
    role_remove(assignment=extra, by=world.admin_agnes, reason="Vikariatet är slut")
    assert not RoleAssignment.objects.filter(pk=extra.pk).exists()
    deleted = RoleAssignment.history.filter(id=extra.pk, history_type="-").get()
    assert deleted.history_user == world.admin_agnes
    assert deleted.history_change_reason == "Vikariatet är slut"


def test_the_last_administrator_cannot_be_removed(world):  # type: ignore[no-untyped-def]
    agnes = world.admin_agnes
    only_admin = RoleAssignment.objects.get(user=agnes, role=Role.ADMIN)
    with pytest.raises(ValidationError) as refused:
        role_remove(assignment=only_admin, by=agnes, reason="Slutar")
    assert "sista administratör" in refused.value.messages[0]
    assert RoleAssignment.objects.filter(pk=only_admin.pk).exists()


def test_an_administrator_removed_while_another_remains(world):  # type: ignore[no-untyped-def]
    adam = _second_admin(world)
    role_add(
        user=adam,
        verksamhet=world.verksamhet,
        role=Role.LEAD,
        by=world.admin_agnes,
        reason="Samordnare",
    )
    adams = RoleAssignment.objects.get(user=adam, role=Role.ADMIN)
    role_remove(assignment=adams, by=world.admin_agnes, reason="Byter uppdrag")
    assert not RoleAssignment.objects.filter(pk=adams.pk).exists()


def _second_admin(world):  # type: ignore[no-untyped-def]
    return user_with_role(world.verksamhet, Role.ADMIN, email="adam@example.se", first_name="Adam")


def test_an_administrator_never_changes_their_own_roles(client, world):  # type: ignore[no-untyped-def]
    agnes = world.admin_agnes
    _second_admin(world)  # so that the last-admin rule is not what refuses
    own = RoleAssignment.objects.get(user=agnes, role=Role.ADMIN)
    with pytest.raises(PermissionDenied):
        role_remove(assignment=own, by=agnes, reason="Test")
    with pytest.raises(PermissionDenied):
        role_add(user=agnes, verksamhet=world.verksamhet, role=Role.LEAD, by=agnes, reason="Test")
    client.force_login(agnes)
    for name, kwargs in [
        ("administration:role_add", {"pk": agnes.pk}),
        ("administration:role_remove", {"pk": agnes.pk, "rpk": own.pk}),
        ("administration:second_factor_reset", {"pk": agnes.pk}),
        ("administration:account_close", {"pk": agnes.pk}),
    ]:
        assert client.post(reverse(name, kwargs=kwargs), {"reason": "Själv"}).status_code == 403
    page = client.get(reverse("administration:user", kwargs={"pk": agnes.pk})).content.decode()
    assert "Det här är du" in page
    assert reverse("administration:role_add", kwargs={"pk": agnes.pk}) not in page
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_the_only_role_is_not_removed_but_the_account_closed(world):  # type: ignore[no-untyped-def]
    role = RoleAssignment.objects.get(user=world.ombud_omar)
    with pytest.raises(ValidationError) as refused:
        role_remove(assignment=role, by=world.admin_agnes, reason="Slutar")
    assert "Avsluta konto" in refused.value.messages[0]


def test_users_of_another_verksamhet_are_not_found(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    olle = world.outsider_olle
    assert client.get(reverse("administration:user", kwargs={"pk": olle.pk})).status_code == 404
    role = RoleAssignment.objects.get(user=olle)
    with pytest.raises(PermissionDenied):
        role_remove(assignment=role, by=world.admin_agnes, reason="Nej")
