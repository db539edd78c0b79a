"""Roles per verksamhet: added and removed by its administrator, each change with a reason."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import save
from core.models import Organisation, Role, RoleAssignment, Verksamhet

from ._rules import keep_an_admin, require_manager, require_other, require_reason


def check_organisation(
    role: str, organisation: Organisation | None, verksamhet: Verksamhet
) -> None:
    if role != Role.MEMBER:
        return
    if organisation is None:
        raise ValidationError({"organisation": _("Choose the organisation the member represents.")})
    if organisation.verksamhet_id != verksamhet.pk or not organisation.active:
        raise ValidationError({"organisation": _("Choose an organisation of this PO service.")})


@transaction.atomic
def role_add(
    *,
    user: Any,
    verksamhet: Verksamhet,
    role: str,
    by: Any,
    reason: str,
    organisation: Organisation | None = None,
) -> RoleAssignment:
    """Give ``user`` the ``role`` in ``verksamhet`` (a member: for ``organisation``)."""
    require_manager(by, verksamhet)
    require_other(by, user)
    reason = require_reason(reason)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    if not user.is_active:
        raise ValidationError(_("The account is closed."))
    check_organisation(role, organisation, verksamhet)
    if RoleAssignment.objects.filter(user=user, verksamhet=verksamhet, role=role).exists():
        raise ValidationError({"role": _("The user already holds this role.")})
    assignment = RoleAssignment(
        user=user,
        verksamhet=verksamhet,
        role=role,
        organisation=organisation if role == Role.MEMBER else None,
    )
    save(assignment, by=by, reason=reason)
    return assignment


@transaction.atomic
def role_remove(*, assignment: RoleAssignment, by: Any, reason: str) -> RoleAssignment:
    """Take a role away. The last administrator stays, and a user keeps at least one role
    here: closing the account is its own step (the offboarding), which hands over clients."""
    assignment = (
        RoleAssignment.objects.select_for_update().select_related("user").get(pk=assignment.pk)
    )
    verksamhet = assignment.verksamhet
    require_manager(by, verksamhet)
    if assignment.role == Role.ADMIN:
        keep_an_admin(verksamhet=verksamhet, leaving=assignment.user)
    require_other(by, assignment.user)
    reason = require_reason(reason)
    if not (
        RoleAssignment.objects.filter(user=assignment.user, verksamhet=verksamhet)
        .exclude(pk=assignment.pk)
        .exists()
    ):
        raise ValidationError(
            _("This is the user's only role here: close the account instead (“Close account”).")
        )
    delete_role(assignment, by=by, reason=reason)
    return assignment


def delete_role(assignment: RoleAssignment, *, by: Any, reason: str) -> None:
    # simple_history reads the author and reason of the deletion from the instance.
    setattr(assignment, "_history_user", by)  # noqa: B010
    setattr(assignment, "_change_reason", reason)  # noqa: B010
    assignment.delete()
