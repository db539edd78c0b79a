"""Test settings: PostgreSQL (embedded unless DATABASE_URL), fast hashing, plain static storage."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / "var" / "test-media")},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
OTP_REQUIRED_ROLES = []  # type: ignore[no-redef]  # tests switch it on where they test it
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Parallel test runs on one server (several developers, or CI beside runserver) pick their
# own test database name.
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DB_NAME", default="test_ombud")}
# Tests create their database, so they run as the owner; the owner alias is the same
# database (tests/security/test_finding10_db_roles.py switches ``default`` to an app role).
DATABASES["owner"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
