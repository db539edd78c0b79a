"""Settings shared by every environment. Environment-specific modules import from here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    # The scheduler's queue in the same PostgreSQL (jobs/tasks.py, docs/operations.md).
    "procrastinate.contrib.django",
    "core",
    "clients",
    "systembrister",
    "dataprotection",
    "ledningsgrupp",
    "statsbidrag",
    "administration",
    "imports",
    "jobs",
    "earkiv",
]
# The national-scale generator and the demo data: installed with the dev extra only.
if importlib.util.find_spec("devtools") is not None:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the session or the user: a stopped database is a static 503.
    "core.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.SessionTimeoutMiddleware",
    "core.middleware.CurrentVerksamhetMiddleware",
    "core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "core.context_processors.navigation",
            ],
        },
    }
]


def database_settings(base_dir: Path) -> dict:
    """DATABASE_URL when set, else the embedded PostgreSQL under var/pg.

    ``owner`` is the role that owns the tables (migrations, gallring, erasure), from
    DATABASE_OWNER_URL; without it, the same role as ``default`` (core/db_roles.py).
    """
    if env.str("DATABASE_URL", default=""):
        default = env.db("DATABASE_URL")
    else:
        from core.db import embedded_database

        default = embedded_database(base_dir)
    if env.str("DATABASE_OWNER_URL", default=""):
        # Used now and then (a migrate, a gallring run): no connection kept open.
        owner = {**env.db("DATABASE_OWNER_URL"), "CONN_MAX_AGE": 0}
    else:
        owner = dict(default)
    return {"default": resilient(default), "owner": resilient(owner)}


def resilient(database: dict) -> dict:
    """A stopped server costs a request DB_CONNECT_TIMEOUT seconds at most (then the static
    503 of core/outage.py), and a connection it broke is replaced on the next request
    instead of failing it (the health check runs before a kept connection is reused)."""
    options = {**database.get("OPTIONS", {}), "connect_timeout": env.int("DB_CONNECT_TIMEOUT", 5)}
    return {**database, "CONN_HEALTH_CHECKS": True, "OPTIONS": options}


DATABASES = database_settings(BASE_DIR)
DATABASE_ROUTERS = ["core.db_roles.OwnerPathRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Sessions: idle timeout 30 minutes, absolute limit 12 hours (core.middleware enforces both).
SESSION_IDLE_SECONDS = 30 * 60
SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS + 2 * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# django-axes: lock an account (per username) after 10 failures, for one hour.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["username"]
# Lockout is per account, not per IP: a kommun's offices share one NAT address, and an IP
# lock would let one mistyping colleague lock out the whole office (axes.W006 says otherwise).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Optional OpenID Connect login (the kommun's IdP), on when a client id is configured.
OIDC_ENABLED = bool(env.str("OIDC_RP_CLIENT_ID", default=""))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(1, "core.oidc.OmbudOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
    OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
    OIDC_LOGIN_LABEL = env.str("OIDC_LOGIN_LABEL", default="")
# Strong authentication at the IdP counts as the second factor.
OIDC_SATISFIES_OTP = env.bool("OIDC_SATISFIES_OTP", default=True)

# Roles that must use a second factor (TOTP). Enrolment happens at first login.
OTP_REQUIRED_ROLES = env.list("OTP_REQUIRED_ROLES", default=["ombud", "lead", "admin"])
OTP_TOTP_ISSUER = "Ombud"

# Django's admin (for superusers) asks for the second factor too (ombud/admin.py); production
# turns it off unless ADMIN_ENABLED is set.
ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=True)

LANGUAGE_CODE = "sv"
# The UI is Swedish for everyone; msgids are English (see docs/architecture.md).
LANGUAGES = [("sv", _("Swedish"))]
LOCALE_PATHS = [BASE_DIR / "core" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS: list[Any] = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / "var" / "media")},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def _xstatic_dirs() -> list[tuple[str, str]]:
    import xstatic.pkg.bootstrap as bootstrap

    return [("bootstrap", bootstrap.BASE_DIR)]


STATICFILES_DIRS += _xstatic_dirs()

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ombud@localhost")

# Content-Security-Policy: nothing inline, nothing from outside.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False
SIMPLE_HISTORY_REVERT_DISABLED = True

# Counts below this are shown as "färre än N" in anything that leaves the verksamhet.
SMALL_COUNT_THRESHOLD = env.int("SMALL_COUNT_THRESHOLD", default=5)

# The scheduler (jobs/, docs/operations.md "Jobs that run by themselves"). The nightly backup
# runs only where BACKUP_DIR is set; e-mails link to SITE_URL's dashboard.
BACKUP_DIR = env.str("BACKUP_DIR", default="")
BACKUP_KEEP_DAYS = env.int("BACKUP_KEEP_DAYS", default=14)
JOBS_MAX_ATTEMPTS = env.int("JOBS_MAX_ATTEMPTS", default=3)
JOBS_RETRY_SECONDS = env.int("JOBS_RETRY_SECONDS", default=600)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "pgserver": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}
