"""Production settings refuse to start half-configured and pass check --deploy cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c",
    "ALLOWED_HOSTS": "ombud.example.se",
    "DATABASE_URL": "postgres://ombud_app@localhost:5432/ombud",
    "DATABASE_OWNER_URL": "postgres://ombud_owner@localhost:5432/ombud",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment has no such thing.
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PROD_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key() -> None:
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_database_url() -> None:
    env = {k: v for k, v in PROD_ENV.items() if k != "DATABASE_URL"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL must be set in production" in result.stderr


def test_production_refuses_to_start_without_the_owner_role() -> None:
    env = {k: v for k, v in PROD_ENV.items() if k != "DATABASE_OWNER_URL"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_OWNER_URL must be set in production" in result.stderr


def test_production_refuses_the_owner_as_the_app_role() -> None:
    env = {**PROD_ENV, "DATABASE_URL": PROD_ENV["DATABASE_OWNER_URL"]}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "must name the app's own role" in result.stderr
