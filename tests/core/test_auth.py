"""Login, lockout, second factor, session limits."""

from __future__ import annotations

import time
from binascii import unhexlify

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "/konto/logga-in/"


def test_bad_login_shows_swedish_message_and_keeps_email(client, world):  # type: ignore[no-untyped-def]
    response = client.post(LOGIN, {"username": "anna@example.se", "password": "fel"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Fel e-postadress eller lösenord" in body
    assert 'value="anna@example.se"' in body


def test_empty_login_names_each_field(client, world):  # type: ignore[no-untyped-def]
    body = client.post(LOGIN, {"username": "", "password": ""}).content.decode()
    assert "Ange din e-postadress." in body
    assert "Ange ditt lösenord." in body


def test_good_login_lands_on_dashboard(client, world):  # type: ignore[no-untyped-def]
    response = client.post(
        LOGIN, {"username": "anna@example.se", "password": "Testlosenord-123"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "Välkommen, Anna" in response.content.decode()


def test_ten_bad_passwords_lock_the_account(client, world):  # type: ignore[no-untyped-def]
    for _ in range(10):
        client.post(LOGIN, {"username": "anna@example.se", "password": "fel"})
    response = client.post(LOGIN, {"username": "anna@example.se", "password": "Testlosenord-123"})
    assert response.status_code == 429
    assert "tillfälligt låst" in response.content.decode()
    # Another account from the same address is not locked (per-account lockout).
    ok = client.post(LOGIN, {"username": "lars@example.se", "password": "Testlosenord-123"})
    assert ok.status_code == 302


def test_nine_bad_passwords_do_not_lock(client, world):  # type: ignore[no-untyped-def]
    for _ in range(9):
        client.post(LOGIN, {"username": "anna@example.se", "password": "fel"})
    response = client.post(LOGIN, {"username": "anna@example.se", "password": "Testlosenord-123"})
    assert response.status_code == 302


@override_settings(OTP_REQUIRED_ROLES=["ombud"])
def test_second_factor_enrolment_then_required(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    response = client.get("/")
    assert response.url == reverse("otp_setup")
    page = client.get(reverse("otp_setup"))
    assert page.status_code == 200
    # Until a code confirms it, the app's secret lives in the session only.
    assert not TOTPDevice.objects.filter(user=world.ombud_anna).exists()
    wrong = client.post(reverse("otp_setup"), {"token": "000000"})
    assert "Koden stämde inte" in wrong.content.decode()
    totp = TOTP(unhexlify(client.session["otp_setup_key"]))
    done = client.post(reverse("otp_setup"), {"token": str(totp.token()).zfill(6)})
    assert done.status_code == 200, done
    assert "återställningskoder" in done.content.decode().lower()
    assert client.get("/").status_code == 200
    # A new session must give the code.
    client.logout()
    client.force_login(world.ombud_anna)
    assert client.get("/").url == reverse("otp_verify")


@override_settings(OTP_REQUIRED_ROLES=["lead"])
def test_second_factor_not_required_for_other_roles(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.member_fk)
    assert client.get("/").status_code == 200


def test_absolute_session_limit_logs_out(client, world, settings):  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    session = client.session
    session["login_at"] = int(time.time()) - settings.SESSION_ABSOLUTE_SECONDS - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_idle_timeout_is_thirty_minutes(client, world, settings):  # type: ignore[no-untyped-def]
    assert settings.SESSION_IDLE_SECONDS == 30 * 60
    client.force_login(world.ombud_anna)
    assert client.get("/").status_code == 200
    session = client.session
    session["last_activity"] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/").status_code == 200  # 29 idle minutes: still in, and the clock restarts
    session = client.session
    assert int(time.time()) - session["last_activity"] < 5
    session["last_activity"] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_most_requests_do_not_write_the_session(client, world, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    client.get("/tillganglighet/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get("/tillganglighet/")
    assert not [
        q
        for q in ctx.captured_queries
        if "django_session" in q["sql"] and q["sql"].startswith("UPDATE")
    ]


@pytest.mark.parametrize("path", ["/", "/historik/"])
def test_anonymous_is_sent_to_login(client, db, path):  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
