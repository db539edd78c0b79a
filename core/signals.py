"""Record security events in the log (failed logins are also counted by django-axes)."""

import logging
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

log = logging.getLogger("ombud.security")


@receiver(user_logged_in)
def remember_login_time(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    import time

    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session["login_at"] = now
        request.session["last_activity"] = now
