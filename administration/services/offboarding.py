"""An ombud leaves ("Avsluta konto"): every current client handed over to another ombud or
put back on the waiting list, open tasks passed on or closed, then the account closed; all in
one transaction, through the clients app's own uppdrag services so that each client's page
shows the handover as any other."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clients.models import Uppdrag
from clients.services import handover, uppdrag_return_to_waiting_list
from core.audit import save
from core.models import RoleAssignment, User, Verksamhet

from ..selectors.offboarding import current_uppdrag, open_tasks
from ._rules import keep_an_admin, require_in, require_manager, require_other, require_reason
from .roles import delete_role

WAITING_LIST = 0  # the choice "back on the waiting list" in ``plan``


@transaction.atomic
def account_close(
    *,
    user: User,
    verksamhet: Verksamhet,
    by: Any,
    reason: str,
    shown: Iterable[int],
    plan: Mapping[int, Any],
) -> User:
    """Close ``user``'s work in ``verksamhet``.

    ``shown``: the uppdrag ids the form listed; if the user's clients changed since, nothing is
    done (the administrator must look again). ``plan``: uppdrag id -> the ombud who takes it
    over, or ``WAITING_LIST``. The account is deactivated (login refused; name and history
    kept); a user who also works in another verksamhet only loses the roles held here.
    """
    require_manager(by, verksamhet)
    require_in(user, verksamhet)
    user = User.objects.select_for_update().get(pk=user.pk)
    roles = list(RoleAssignment.objects.filter(user=user, verksamhet=verksamhet))
    if any(r.role == "admin" for r in roles):
        keep_an_admin(verksamhet=verksamhet, leaving=user)
    require_other(by, user)
    reason = require_reason(reason)
    today = timezone.localdate()
    uppdrag = current_uppdrag(user=user, verksamhet=verksamhet, day=today, lock=True)
    if {u.pk for u in uppdrag} != set(shown):
        raise ValidationError(
            _(
                "The user's clients changed while you were filling in the form. Check the list again."
            )
        )
    errors: dict[str, list[str]] = {}
    taken_by: dict[int, Any] = {}
    for u in uppdrag:
        target = plan.get(u.pk)
        if target is None:
            errors[f"client_{u.pk}"] = [_("Choose another ombud or the waiting list.")]
        elif target != WAITING_LIST and target.pk == user.pk:
            errors[f"client_{u.pk}"] = [_("Choose another ombud than the one leaving.")]
    if errors:
        raise ValidationError(errors)
    note = _("%(name)s leaves: %(reason)s") % {"name": user, "reason": reason}
    for u in uppdrag:
        target = plan[u.pk]
        if target == WAITING_LIST:
            _to_waiting_list(u, by=by, on=today, note=note)
        else:
            try:
                handover(uppdrag=u, by=by, to_ombud=target, on=today, reason=note)
            except ValidationError as exc:
                raise ValidationError({f"client_{u.pk}": exc.messages}) from None
            taken_by[u.client_id] = target
    elsewhere = RoleAssignment.objects.filter(user=user).exclude(verksamhet=verksamhet).exists()
    for task in open_tasks(user=user, verksamhet=verksamhet, lock=True):
        if task.client_id is None and elsewhere:
            continue  # a reminder of their own, for the work they go on with elsewhere
        if task.client_id in taken_by:
            task.owner = taken_by[task.client_id]
        else:
            task.done_at = timezone.now()
        task.version += 1
        save(task, by=by, reason=note)
    if elsewhere:
        for role in roles:
            delete_role(role, by=by, reason=reason)
    else:
        user.is_active = False
        save(user, by=by, reason=reason)
    return user


def _to_waiting_list(uppdrag: Uppdrag, *, by: Any, on: Any, note: str) -> None:
    """No ombud takes the client now: the leaving ombud's assignment ends and the uppdrag waits
    for an ombud again. It does not end (the client's uppdrag goes on, only the ombud left), so
    the redovisning counts neither an ended uppdrag nor, when it is taken, a new client."""
    try:
        uppdrag_return_to_waiting_list(uppdrag=uppdrag, by=by, day=on, reason=note)
    except ValidationError as exc:
        raise ValidationError({f"client_{uppdrag.pk}": exc.messages}) from None
