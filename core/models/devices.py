"""History of the second-factor devices: who added an authenticator app or new recovery
codes, and who removed one (django-otp's own models, their history tables in this app)."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history import register

from .history import ChangeHistory

# Saved on every code typed (throttling, clock drift, last use): not changes of the device.
COUNTERS = [
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "last_used_at",
]
TOTP_COUNTERS = [*COUNTERS, "last_t", "drift"]

# The key is the secret itself: history must not hold a copy of it.
register(
    TOTPDevice,
    app="core",
    records_class=ChangeHistory,
    excluded_fields=["key", *TOTP_COUNTERS],
    quiet_fields=TOTP_COUNTERS,
)
register(
    StaticDevice,
    app="core",
    records_class=ChangeHistory,
    excluded_fields=COUNTERS,
    quiet_fields=COUNTERS,
)
