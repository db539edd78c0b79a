"""Developer machine and the demo (`make run`): embedded PostgreSQL, console e-mail.

Debug pages are off unless DEBUG=1: Django's technical pages are English, and the demo is
what a new verksamhet tries first (a wrong address gets the Swedish 404 page). Static files
are served from the apps' folders as they are (no collectstatic needed).
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Demo logins should not need a phone; set OTP_REQUIRED_ROLES to enforce a second factor.
OTP_REQUIRED_ROLES = env.list("OTP_REQUIRED_ROLES", default=[])
# No collectstatic in the demo: plain names, served by WhiteNoise from the finders.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
