"""A user's account: the second factor reset by the administrator (a lost phone)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import Verksamhet

from ._rules import require_in, require_manager, require_other, require_reason


@transaction.atomic
def second_factor_reset(*, user: Any, verksamhet: Verksamhet, by: Any, reason: str) -> int:
    """Remove the user's authenticator apps and recovery codes, each removal in the devices'
    history with ``by`` and ``reason``. Without a device, the next login asks the user to
    enrol again (core.access.login_step). Returns how many devices were removed."""
    require_manager(by, verksamhet)
    require_in(user, verksamhet)
    require_other(by, user)
    reason = require_reason(reason)
    devices = [*TOTPDevice.objects.filter(user=user), *StaticDevice.objects.filter(user=user)]
    for device in devices:
        setattr(device, "_history_user", by)  # noqa: B010
        setattr(device, "_change_reason", reason)  # noqa: B010
        device.delete()
    return len(devices)
