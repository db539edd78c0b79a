"""Trust in the login: the second factor cannot be skipped, replaced or walked around.

Each test is named after the finding of the security review it closes.
"""

from __future__ import annotations

import re
from binascii import unhexlify
from urllib.parse import urlencode

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from core.audit import save
from core.models import User
from tests.clients.factories import client_of
from tests.core.test_deploy import PROD_ENV, _manage

LOGIN = "/konto/logga-in/"
PASSWORD = "Testlosenord-123"
SETUP = reverse("otp_setup")
VERIFY = reverse("otp_verify")


def code_for(key: str, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for the hex ``key`` (optionally the next one)."""
    totp = TOTP(unhexlify(key.encode()))
    totp.time += steps_ahead * totp.step
    return str(totp.token()).zfill(6)


def phone_of(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)


def password_login(client, user: User) -> None:  # type: ignore[no-untyped-def]
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()


def shown_secret(page) -> str:  # type: ignore[no-untyped-def]
    """The hex key behind the base32 secret the set-up page shows."""
    from base64 import b32decode

    found = re.search(r"<code>([A-Z2-7=]+)</code>", page.content.decode())
    assert found, "the set-up page shows no key"
    return b32decode(found.group(1)).hex()


# Finding 1 (critical): a password-only session must not enrol a new authenticator.


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_finding1_enrolment_refused_when_confirmed_device_exists(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    phone = phone_of(anna)
    recovery = StaticDevice.objects.create(user=anna, name="recovery")
    recovery.token_set.create(token="annakod1")
    record = client_of(world, anna)
    detail = reverse("clients:detail", args=[record.pk])

    # Someone who knows Anna's password, but not her phone.
    password_login(client, anna)
    assert client.get(detail).url == VERIFY

    setup = client.get(SETUP)
    assert setup.status_code == 302
    assert setup.url.startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=anna)) == [phone]

    # A code from a secret of the attacker's own choosing is refused, nothing is written.
    refused = client.post(SETUP, {"token": code_for(random_hex(20))})
    assert refused.status_code == 302
    assert refused.url.startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=anna)) == [phone]
    assert list(recovery.token_set.values_list("token", flat=True)) == ["annakod1"]
    assert client.get(detail).url == VERIFY


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_finding1_first_enrolment_keeps_the_secret_in_the_session(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    password_login(client, anna)
    page = client.get(SETUP)
    assert page.status_code == 200
    assert not TOTPDevice.objects.filter(user=anna).exists()
    assert shown_secret(client.get(SETUP)) == shown_secret(page)  # a reload shows the same key

    wrong = client.post(SETUP, {"token": code_for(random_hex(20))})
    assert "Koden stämde inte" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=anna).exists()

    done = client.post(SETUP, {"token": code_for(shown_secret(page))})
    assert "återställningskoder" in done.content.decode().lower()
    device = TOTPDevice.objects.get(user=anna)
    assert device.confirmed
    assert client.get(reverse("clients:list")).status_code == 200
    # The code just used cannot be used again at the next login.
    client.logout()
    password_login(client, anna)
    again = client.post(VERIFY, {"token": code_for(shown_secret(page))})
    assert "Koden är fel eller har gått ut" in again.content.decode()


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_finding1_second_device_needs_verified_session_and_is_recorded(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    phone = phone_of(anna)
    old_codes = StaticDevice.objects.create(user=anna, name="recovery")
    old_codes.token_set.create(token="annakod1")
    password_login(client, anna)
    assert client.post(VERIFY, {"token": code_for(phone.key)}).status_code == 302

    page = client.get(SETUP)
    assert page.status_code == 200
    assert list(TOTPDevice.objects.filter(user=anna)) == [phone]
    done = client.post(SETUP, {"token": code_for(shown_secret(page))})
    assert done.status_code == 200

    added = TOTPDevice.objects.exclude(pk=phone.pk).get(user=anna)
    assert added.confirmed
    created = added.history.get()
    assert (created.history_type, created.history_user) == ("+", anna)
    assert not hasattr(created, "key")  # the secret is not copied into history
    codes = StaticDevice.objects.get(user=anna)
    assert not codes.token_set.filter(token="annakod1").exists()
    regenerated = codes.history.first()
    assert (regenerated.history_type, regenerated.history_user) == ("~", anna)
    assert regenerated.history_change_reason == "Nya återställningskoder"


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_finding1_using_a_code_writes_no_device_history(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    phone = phone_of(anna)
    rows = phone.history.count()
    password_login(client, anna)
    client.post(VERIFY, {"token": "000000"})  # a wrong code bumps the throttling counters
    TOTPDevice.objects.filter(pk=phone.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    assert client.post(VERIFY, {"token": code_for(phone.key)}).status_code == 302
    phone.refresh_from_db()
    assert phone.last_used_at is not None
    assert phone.history.count() == rows


# Finding 2 (high): the Django admin needs the second factor, and is off in production.


def test_finding2_admin_is_off_by_default_in_production() -> None:
    code = (
        "from django.conf import settings; from django.urls import resolve, Resolver404\n"
        "from django.contrib import admin\n"
        "try:\n    resolve('/admin/'); on = 'admin-on'\n"
        "except Resolver404:\n    on = 'admin-off'\n"
        "print(settings.ADMIN_ENABLED, on, admin.site.__class__.__name__)"
    )
    off = _manage("shell", "--no-imports", "-c", code, env=PROD_ENV)
    assert off.returncode == 0, off.stderr
    assert off.stdout.split() == ["False", "admin-off", "OTPAdminSite"]
    on = _manage("shell", "--no-imports", "-c", code, env={**PROD_ENV, "ADMIN_ENABLED": "true"})
    assert on.returncode == 0, on.stderr
    assert on.stdout.split() == ["True", "admin-on", "OTPAdminSite"]


def test_finding2_admin_refuses_unverified_superuser(client, db):  # type: ignore[no-untyped-def]
    root = User.objects.create_superuser(email="root@example.se", password=PASSWORD)
    client.force_login(root)
    assert client.get("/admin/").status_code == 302
    client.logout()

    password_only = client.post(
        "/admin/login/", {"username": root.email, "password": PASSWORD, "next": "/admin/"}
    )
    assert password_only.status_code == 200
    assert client.get("/admin/").status_code == 302

    phone = phone_of(root)
    with_code = client.post(
        "/admin/login/",
        {
            "username": root.email,
            "password": PASSWORD,
            "otp_device": phone.persistent_id,
            "otp_token": code_for(phone.key),
            "next": "/admin/",
        },
    )
    assert with_code.status_code == 302
    assert client.get("/admin/").status_code == 200


# Finding 5 (medium): no redirect off the site after the second factor.


def _anna_with_recovery_code(client, world) -> None:  # type: ignore[no-untyped-def]
    codes = StaticDevice.objects.create(user=world.ombud_anna, name="recovery")
    codes.token_set.create(token="annakod1")
    client.force_login(world.ombud_anna)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example.com/",
        "//evil.example.com/",
        "/\\evil.example.com/",
        "https:evil.example.com",
        "javascript:alert(1)",
    ],
)
def test_finding5_otp_verify_does_not_redirect_off_site(client, world, target):  # type: ignore[no-untyped-def]
    _anna_with_recovery_code(client, world)
    response = client.post(f"{VERIFY}?{urlencode({'next': target})}", {"token": "annakod1"})
    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_finding5_otp_verify_keeps_a_local_next(client, world):  # type: ignore[no-untyped-def]
    _anna_with_recovery_code(client, world)
    response = client.post(f"{VERIFY}?next=/klienter/", {"token": "annakod1"})
    assert response.url == "/klienter/"


# Finding 6 (medium): changing the password needs the second factor when the roles ask for it.


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_finding6_password_change_needs_the_second_factor(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    phone = phone_of(anna)
    password_login(client, anna)
    change = reverse("password_change")
    assert client.get(change).url == VERIFY
    assert client.get(reverse("password_change_done")).url == VERIFY
    new = "Ett-annat-losenord-456"
    posted = client.post(
        change, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert posted.url == VERIFY
    anna.refresh_from_db()
    assert anna.check_password(PASSWORD)

    client.post(VERIFY, {"token": code_for(phone.key)})
    assert client.get(change).status_code == 200
    done = client.post(
        change, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert done.url == reverse("password_change_done")
    anna.refresh_from_db()
    assert anna.check_password(new)


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_finding6_password_change_without_device_leads_to_setup(client, world):  # type: ignore[no-untyped-def]
    password_login(client, world.ombud_anna)
    assert client.get(reverse("password_change")).url == SETUP


# Finding 14 (info): a login is not a change of the user.


def test_finding14_login_writes_no_user_history(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    history = User.history.filter(id=anna.pk)
    rows = history.count()
    password_login(client, anna)
    client.post(reverse("logout"))
    password_login(client, anna)
    anna.refresh_from_db()
    assert anna.last_login is not None
    assert history.count() == rows

    anna.first_name = "Annika"
    save(anna, by=world.admin_agnes)
    assert history.count() == rows + 1
    assert history.first().first_name == "Annika"
    assert history.first().history_user == world.admin_agnes


def test_finding14_password_change_is_still_recorded(client, world):  # type: ignore[no-untyped-def]
    anna = world.ombud_anna
    history = User.history.filter(id=anna.pk)
    rows = history.count()
    client.force_login(anna)
    new = "Ett-annat-losenord-456"
    client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert history.count() == rows + 1
    assert history.first().history_user == anna


def test_finding4_login_fields_are_bounded(client, world) -> None:  # type: ignore[no-untyped-def]
    """A megabyte password is refused before any hashing, with the login's own message."""
    response = client.post(
        "/konto/logga-in/", {"username": "anna@example.se", "password": "x" * 1_000_000}
    )
    assert response.status_code == 200
    assert "Fel e-postadress eller lösenord." in response.content.decode()
    assert "_auth_user_id" not in client.session
