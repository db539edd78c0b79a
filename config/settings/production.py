"""Production: everything comes from the environment and nothing insecure is defaulted."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, resilient

for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DATABASE_OWNER_URL"):
    if not env.str(_name, default=""):
        raise ImproperlyConfigured(f"{_name} must be set in production")

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# The app connects as a role that may only read and write; the owner role migrates and
# removes what gallring and erasure must remove (docs/operations.md, Database roles).
DATABASES = {
    "default": resilient(
        {**env.db("DATABASE_URL"), "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=60)}
    ),
    "owner": resilient({**env.db("DATABASE_OWNER_URL"), "CONN_MAX_AGE": 0}),
}
if DATABASES["default"]["USER"] == DATABASES["owner"]["USER"]:
    raise ImproperlyConfigured(
        "DATABASE_URL must name the app's own role, not the owner of DATABASE_OWNER_URL"
    )

# INSECURE_LOCAL_HTTP is only for trying the docker-compose path on http://localhost:
# it turns off the HTTPS-only cookie and redirect settings (check --deploy then warns).
_LOCAL_HTTP = env.bool("INSECURE_LOCAL_HTTP", default=False)
SECURE_SSL_REDIRECT = not _LOCAL_HTTP
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = not _LOCAL_HTTP
CSRF_COOKIE_SECURE = not _LOCAL_HTTP
SESSION_COOKIE_NAME = "sessionid" if _LOCAL_HTTP else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if _LOCAL_HTTP else "__Host-csrftoken"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The admin bypasses the app's access rules: off unless an operator needs it (and then it
# still asks for the second factor).
ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=False)
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
# The kommun's mail relay (the scheduler's daily digest, password resets, invitations).
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
