"""Every write of the administration (keyword-only, one transaction, ``by`` recorded)."""

from .accounts import second_factor_reset
from .invitations import (
    invitation_accept,
    invitation_create,
    invitation_link,
    invitation_resend,
    invitation_withdraw,
)
from .offboarding import account_close
from .registers import organisation_create, organisation_update, verksamhet_update
from .roles import role_add, role_remove
from .verksamhet import verksamhet_start

__all__ = [
    "account_close",
    "invitation_accept",
    "invitation_create",
    "invitation_link",
    "invitation_resend",
    "invitation_withdraw",
    "organisation_create",
    "organisation_update",
    "role_add",
    "role_remove",
    "second_factor_reset",
    "verksamhet_start",
    "verksamhet_update",
]
