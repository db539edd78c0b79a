"""Password policy in Swedish, optional OpenID Connect mapping, second factor defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.oidc import OmbudOIDCBackend

ROOT = Path(__file__).resolve().parents[2]


def test_weak_new_password_is_refused_in_swedish(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    response = client.post(
        "/konto/losenord/",
        {
            "old_password": "Testlosenord-123",
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "lösenordet är för kort. Det måste innehålla minst 12 tecken" in body
    assert "enbart numeriskt" in body


def test_oidc_maps_verified_email_to_existing_active_user(world):  # type: ignore[no-untyped-def]
    backend = OmbudOIDCBackend.__new__(OmbudOIDCBackend)
    found = backend.filter_users_by_claims({"email": "ANNA@example.se", "email_verified": True})
    assert list(found) == [world.ombud_anna]
    assert not backend.filter_users_by_claims(
        {"email": "anna@example.se", "email_verified": False}
    ).exists()
    assert not backend.filter_users_by_claims({"email": "okand@example.se"}).exists()
    assert backend.create_user({"email": "ny@example.se"}) is None


def test_oidc_is_switched_on_by_environment() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.typecheck",
        "OIDC_RP_CLIENT_ID": "ombud",
        "OIDC_RP_CLIENT_SECRET": "s3cret",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example.se/auth",
        "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example.se/token",
        "OIDC_OP_USER_ENDPOINT": "https://idp.example.se/userinfo",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; from django.urls import reverse;"
        "print(settings.AUTHENTICATION_BACKENDS[1], reverse('oidc_authentication_init'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )  # noqa: S603
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["core.oidc.OmbudOIDCBackend", "/oidc/authenticate/"]


def test_second_factor_is_required_by_default_for_ombud_lead_admin() -> None:
    from config.settings import base

    assert set(base.OTP_REQUIRED_ROLES) == {"ombud", "lead", "admin"}
