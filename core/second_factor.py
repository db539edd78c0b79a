"""The second factor: enrol an authenticator app and hand out recovery codes.

The secret of an app being set up stays in the session until a code from the app confirms
it, so that showing the set-up page writes nothing. Each new device and each new set of
recovery codes is recorded in the devices' history (``core/models/devices.py``).
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from core.audit import save

SETUP_KEY = "otp_setup_key"
RECOVERY_DEVICE = "recovery"
RECOVERY_CODES = 10


def pending_app(*, user: Any, session: SessionBase) -> TOTPDevice:
    """The (unsaved) authenticator app being set up; its secret is kept in the session."""
    key = session.get(SETUP_KEY)
    if not key:
        key = session[SETUP_KEY] = default_key()
    return TOTPDevice(user=user, name=_("Authenticator app"), key=key, confirmed=False)


def code_matches(device: TOTPDevice, token: str) -> bool:
    """Check a code against a device not saved yet (django-otp's ``verify_token`` saves)."""
    try:
        number = int(token)
    except ValueError:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if not totp.verify(number, device.tolerance):
        return False
    device.last_t = totp.t()  # this code cannot be used once more at the next login
    device.drift = totp.drift
    return True


@transaction.atomic
def app_enrol(*, device: TOTPDevice, session: SessionBase, by: Any) -> list[str]:
    """Save a confirmed authenticator app and give out new recovery codes."""
    device.confirmed = True
    save(device, by=by)
    session.pop(SETUP_KEY, None)
    return recovery_codes_renew(user=device.user, by=by)


@transaction.atomic
def recovery_codes_renew(*, user: Any, by: Any) -> list[str]:
    """Replace the user's recovery codes; the old ones stop working."""
    device = StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE).first()
    if device is None:
        device = StaticDevice(user=user, name=RECOVERY_DEVICE)
        save(device, by=by)
    else:
        device.token_set.all().delete()
        save(device, by=by, reason=_("New recovery codes"))
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
