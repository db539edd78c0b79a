"""Settings for benchmarks and the load test: the local settings with DEBUG off.

The database comes from OMBUD_DB_NAME (the Makefile sets ombud_scale). Static files use
the plain storage so that no collectstatic manifest is needed; whitenoise still serves them.
"""

from config.settings.local import *  # noqa: F403
from config.settings.local import ALLOWED_HOSTS, STORAGES

DEBUG = False
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
OTP_REQUIRED_ROLES: list[str] = []
# Locust logs in 50 users at once: a cheaper hasher is not used (the real login cost counts),
# but axes must not lock anyone out of the benchmark.
AXES_ENABLED = False
# Persistent connections as in production (production.py defaults CONN_MAX_AGE to 60).
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
