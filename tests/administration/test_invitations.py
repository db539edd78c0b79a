"""Invitations: the e-mail, the link (72 h, one use, hashed), withdrawn and resent, and an
existing account of another verksamhet that gets the role instead of a second account."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from administration.models import Invitation
from administration.services import (
    invitation_accept,
    invitation_create,
    invitation_resend,
    invitation_withdraw,
)
from core.models import Role, RoleAssignment, User

PASSWORD = "Ett-langt-losenord-77"


def invite(world, email="nina@example.se", role=Role.OMBUD, **kw):  # type: ignore[no-untyped-def]
    with_commit = kw.pop("capture", None)
    inv = invitation_create(
        verksamhet=world.verksamhet,
        email=email,
        role=role,
        first_name="Nina",
        last_name="Ek",
        by=world.admin_agnes,
        **kw,
    )
    if with_commit is not None:
        with_commit()
    return inv


def link_in(message) -> str:  # type: ignore[no-untyped-def]
    return re.search(r"https?://\S+/administration/inbjudan/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


@pytest.fixture
def sent(world, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """An invitation to Nina as ombud, its e-mail sent; returns (invitation, path of the link)."""
    with django_capture_on_commit_callbacks(execute=True):
        inv = invite(world)
    assert len(mail.outbox) == 1
    return inv, path_of(link_in(mail.outbox[0]))


def test_invitation_mail_is_swedish_and_the_token_is_stored_hashed(world, sent):  # type: ignore[no-untyped-def]
    inv, path = sent
    message = mail.outbox[0]
    assert message.to == ["nina@example.se"]
    assert message.subject == "Inbjudan till PO Västmanland"
    assert "Du är inbjuden till ärendesystemet för PO Västmanland" in message.body
    assert "Agnes Nord" in message.body
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    assert token not in inv.token_hash  # only its SHA-256
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert inv.expires_at - inv.sent_at == datetime.timedelta(hours=72)


def test_accepting_creates_the_account_with_the_role_and_goes_on_to_two_step_login(
    client, world, sent, settings
):  # type: ignore[no-untyped-def]
    settings.OTP_REQUIRED_ROLES = ["ombud", "lead", "admin"]
    inv, path = sent
    page = client.get(path)
    assert "Du är inbjuden som personligt ombud i PO Västmanland" in page.content.decode()
    response = client.post(
        path,
        {
            "first_name": "Nina",
            "last_name": "Ek",
            "new_password1": PASSWORD,
            "new_password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("otp_setup")
    nina = User.objects.get(email="nina@example.se")
    assert nina.check_password(PASSWORD)
    role = RoleAssignment.objects.get(user=nina, verksamhet=world.verksamhet)
    assert role.role == Role.OMBUD
    # The role is recorded as given by the administrator who invited.
    record = role.history.get()
    assert record.history_user == world.admin_agnes
    assert record.history_change_reason == "Inbjudan accepterad"
    inv.refresh_from_db()
    assert inv.accepted_by == nina
    # Logged in: the set-up page of the second factor opens.
    assert client.get(reverse("otp_setup")).status_code == 200


def test_a_used_link_does_not_work_again(client, world, sent):  # type: ignore[no-untyped-def]
    inv, path = sent
    data = {"first_name": "Nina", "new_password1": PASSWORD, "new_password2": PASSWORD}
    assert client.post(path, data).status_code == 302
    client.logout()
    again = client.post(
        path, {**data, "new_password1": "Annat-losen-88", "new_password2": "Annat-losen-88"}
    )
    assert again.status_code == 404
    assert "Inbjudningslänken fungerar inte" in again.content.decode()
    assert User.objects.get(email="nina@example.se").check_password(PASSWORD)
    with pytest.raises(ValidationError):
        invitation_accept(invitation=inv, password=PASSWORD, first_name="Nina")


def test_an_expired_link_does_not_work(client, world, sent):  # type: ignore[no-untyped-def]
    inv, path = sent
    Invitation.objects.filter(pk=inv.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.get(path)
    assert response.status_code == 404
    assert not User.objects.filter(email="nina@example.se").exists()
    inv.refresh_from_db()
    assert inv.state_label() == "Har gått ut"


def test_a_withdrawn_link_does_not_work(client, world, sent):  # type: ignore[no-untyped-def]
    inv, path = sent
    client.force_login(world.admin_agnes)
    response = client.post(reverse("administration:invitation_withdraw", kwargs={"pk": inv.pk}))
    assert response.status_code == 302
    client.logout()
    assert client.get(path).status_code == 404
    inv.refresh_from_db()
    assert inv.withdrawn_at is not None
    assert inv.history.latest().history_user == world.admin_agnes


def test_resending_gives_a_new_link_and_the_old_one_stops(
    client, world, sent, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    inv, old_path = sent
    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=inv, by=world.admin_agnes)
    new_path = path_of(link_in(mail.outbox[1]))
    assert new_path != old_path
    assert client.get(old_path).status_code == 404
    assert client.get(new_path).status_code == 200


def test_an_account_of_another_verksamhet_gets_the_role_added(
    client, world, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    olle = world.outsider_olle  # lead in PO Gotland
    with django_capture_on_commit_callbacks(execute=True):
        invite(world, email="OLLE@example.se", role=Role.LEAD)
    path = path_of(link_in(mail.outbox[0]))
    page = client.get(path).content.decode()
    assert "Du har redan ett konto" in page
    assert 'name="new_password1"' not in page
    response = client.post(path)
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="olle@example.se").count() == 1
    assert set(
        RoleAssignment.objects.filter(user=olle).values_list("verksamhet__slug", "role")
    ) == {
        ("po-gotland", "lead"),
        ("po-vastmanland", "lead"),
    }
    olle.refresh_from_db()
    assert olle.check_password("Testlosenord-123")  # the password is untouched


def test_someone_already_here_or_already_invited_is_refused(world):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as here:
        invite(world, email="anna@example.se")
    assert "finns redan i verksamheten" in str(here.value.message_dict["email"])
    invite(world)
    with pytest.raises(ValidationError) as twice:
        invite(world)
    assert "väntar redan" in str(twice.value.message_dict["email"])


def test_a_member_needs_an_organisation_of_this_verksamhet(world):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as none:
        invite(world, role=Role.MEMBER)
    assert "organisation" in none.value.message_dict
    with pytest.raises(ValidationError):
        invite(world, role=Role.MEMBER, organisation=world.orgs["other_fk"])
    inv = invite(world, role=Role.MEMBER, organisation=world.orgs["fk"])
    assert inv.organisation == world.orgs["fk"]


def test_the_invitation_form_shows_errors_next_to_the_field(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    response = client.post(
        reverse("administration:invitation_new"), {"email": "anna@example.se", "role": "ombud"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Personen finns redan i verksamheten" in body
    assert not Invitation.objects.exists()


def test_only_the_administrator_invites(world):  # type: ignore[no-untyped-def]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        invitation_create(
            verksamhet=world.verksamhet, email="x@example.se", role=Role.OMBUD, by=world.lead_lars
        )


def test_pending_invitations_are_listed_with_resend_and_withdraw(client, world, sent):  # type: ignore[no-untyped-def]
    inv, _path = sent
    gone = invite(world, email="borta@example.se")
    invitation_withdraw(invitation=gone, by=world.admin_agnes)
    client.force_login(world.admin_agnes)
    body = client.get(reverse("administration:invitations")).content.decode()
    assert "nina@example.se" in body
    assert "Väntar" in body and "Återkallad" in body
    assert reverse("administration:invitation_resend", kwargs={"pk": inv.pk}) in body
    assert reverse("administration:invitation_withdraw", kwargs={"pk": inv.pk}) in body
    assert reverse("administration:invitation_withdraw", kwargs={"pk": gone.pk}) not in body


def test_many_wrong_links_from_one_address_are_refused(client, world):  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    cache.clear()
    statuses = [
        client.get(
            reverse("administration:invitation_accept", kwargs={"token": f"fel{n}"})
        ).status_code
        for n in range(22)
    ]
    cache.clear()
    assert statuses[:20] == [404] * 20
    assert statuses[-1] == 429


def test_a_closed_account_is_not_reopened_by_an_invitation(world):  # type: ignore[no-untyped-def]
    gone = User.objects.create_user(email="gone@example.se", password="x", is_active=False)
    with pytest.raises(ValidationError) as refused:
        invite(world, email="gone@example.se")
    assert "avslutat" in str(refused.value.message_dict["email"])
    assert not RoleAssignment.objects.filter(user=gone).exists()


def test_a_role_without_second_factor_goes_to_the_dashboard(client, world, sent, settings):  # type: ignore[no-untyped-def]
    settings.OTP_REQUIRED_ROLES = ["lead"]  # not the ombud's
    _inv, path = sent
    response = client.post(
        path, {"first_name": "Nina", "new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert response["Location"] == reverse("dashboard")
