"""Developer machine: embedded PostgreSQL, console e-mail, debug on."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Demo logins should not need a phone; set OTP_REQUIRED_ROLES to enforce a second factor.
OTP_REQUIRED_ROLES = env.list("OTP_REQUIRED_ROLES", default=[])
