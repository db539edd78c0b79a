"""Rules every change of users and roles obeys."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from core.access import actor_for
from core.models import Role, RoleAssignment, Verksamhet


def require_manager(by: Any, verksamhet: Verksamhet) -> None:
    """``by`` administers the users of ``verksamhet``."""
    actor_for(by, verksamhet).require("users.manage")


def require_other(by: Any, user: Any) -> None:
    """Nobody manages their own roles or account: a second person always sees the change."""
    if by is not None and user.pk == by.pk:
        raise PermissionDenied(_("You cannot change your own roles or account."))


def require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    return reason.strip()


def keep_an_admin(*, verksamhet: Verksamhet, leaving: Any) -> None:
    """The verksamhet keeps at least one active administrator besides ``leaving``."""
    others = (
        RoleAssignment.objects.select_for_update()
        .filter(verksamhet=verksamhet, role=Role.ADMIN, user__is_active=True)
        .exclude(user=leaving)
    )
    if not others.exists():
        raise ValidationError(
            _(
                "The last administrator of the PO service cannot be removed: make someone else an administrator first."
            )
        )


def require_in(user: Any, verksamhet: Verksamhet) -> None:
    """``user`` holds a role in ``verksamhet`` (an administrator acts on their own people only)."""
    if not RoleAssignment.objects.filter(user=user, verksamhet=verksamhet).exists():
        raise PermissionDenied
