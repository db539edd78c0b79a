"""A lost phone: the administrator resets the second factor with a reason; the user enrols
again at the next login."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from administration.services import second_factor_reset


@pytest.fixture
def annas_phone(world):  # type: ignore[no-untyped-def]
    app = TOTPDevice.objects.create(user=world.ombud_anna, name="app", confirmed=True)
    StaticDevice.objects.create(user=world.ombud_anna, name="recovery", confirmed=True)
    return app


def test_reset_removes_the_devices_with_the_reason_in_history(client, world, annas_phone):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    client.force_login(world.admin_agnes)
    users = client.get(reverse("administration:users")).content.decode()
    assert "Aktiverad" in users
    url = reverse("administration:second_factor_reset", kwargs={"pk": anna.pk})
    assert "Ange skälet" in client.post(url, {"reason": ""}).content.decode()
    assert TOTPDevice.objects.filter(user=anna).exists()
    response = client.post(url, {"reason": "Tappat telefonen på bussen"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=anna).exists()
    assert not StaticDevice.objects.filter(user=anna).exists()
    removed = TOTPDevice.history.filter(id=annas_phone.pk, history_type="-").get()
    assert removed.history_user == world.admin_agnes
    assert removed.history_change_reason == "Tappat telefonen på bussen"


def test_the_user_enrols_again_at_the_next_login(client, world, annas_phone, settings):  # type: ignore[no-untyped-def]
    settings.OTP_REQUIRED_ROLES = ["ombud"]
    second_factor_reset(
        user=world.ombud_anna,
        verksamhet=world.verksamhet,
        by=world.admin_agnes,
        reason="Ny telefon",
    )
    client.force_login(world.ombud_anna)
    response = client.get(reverse("clients:list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("otp_setup")


def test_a_reason_is_required_and_nobody_resets_their_own(world, annas_phone):  # type: ignore[no-untyped-def]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(ValidationError):
        second_factor_reset(
            user=world.ombud_anna, verksamhet=world.verksamhet, by=world.admin_agnes, reason=" "
        )
    with pytest.raises(PermissionDenied):
        second_factor_reset(
            user=world.admin_agnes, verksamhet=world.verksamhet, by=world.admin_agnes, reason="x"
        )
    with pytest.raises(PermissionDenied):
        second_factor_reset(
            user=world.ombud_anna, verksamhet=world.verksamhet, by=world.lead_lars, reason="x"
        )
