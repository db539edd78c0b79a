"""Who may see and edit which client: the one access rule of the clients app.

- lead and admin: every client of the current verksamhet;
- ombud: clients they are assigned to today (an ``Assignment`` that has started and not
  ended), and, read-only, the verksamhet's waiting list (waiting clients nobody is assigned to);
- everyone else (ledningsgrupp members, grant officers): no client data at all (404).

A client whose processing is restricted (GDPR art. 18, decided on the data-protection screens,
which set ``Client.restricted_at``) is kept but no longer worked with: ombud do not see it,
lead and admin read it only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from core.access import has_role
from core.models import Role, RoleAssignment, Verksamhet

from ..models import Assignment, Client, Uppdrag, UppdragStatus
from ._built import built_once

CLIENT_ROLES = (Role.OMBUD, Role.LEAD, Role.ADMIN)


@dataclass(frozen=True)
class Viewer:
    user: Any
    verksamhet: Verksamhet
    sees_all: bool
    today: datetime.date

    @property
    def is_ombud_only(self) -> bool:
        return not self.sees_all


def viewer_for(request: HttpRequest) -> Viewer:
    """The current user's view on client data; 404 for roles that see none."""
    if not has_role(request, *CLIENT_ROLES) or request.verksamhet is None:  # type: ignore[attr-defined]
        raise Http404
    return Viewer(
        user=request.user,
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
        sees_all=has_role(request, Role.LEAD, Role.ADMIN),
        today=timezone.localdate(),
    )


def viewer_of(*, user: Any, verksamhet: Verksamhet) -> Viewer | None:
    """The same view as ``viewer_for`` outside a request (services): None for a user who holds
    none of the client roles in ``verksamhet``."""
    if user is None or getattr(user, "pk", None) is None:
        return None
    roles = set(
        RoleAssignment.objects.filter(user=user, verksamhet=verksamhet).values_list(
            "role", flat=True
        )
    )
    if not roles & set(CLIENT_ROLES):
        return None
    return Viewer(
        user=user,
        verksamhet=verksamhet,
        sees_all=bool(roles & {Role.LEAD, Role.ADMIN}),
        today=timezone.localdate(),
    )


def current_on(day: datetime.date, prefix: str = "") -> Q:
    """An assignment is current on ``day``: started, and not ended by then. ``prefix`` names
    the assignment from another model (``"assignments__"``)."""
    return Q(**{f"{prefix}start__lte": day}) & (
        Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gt": day})
    )


def current_assignments(day: datetime.date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(current_on(day))


def assigned_to(user: Any, day: datetime.date) -> Exists:
    """Exists-expression: the client has an assignment to ``user`` on ``day``."""
    return Exists(current_assignments(day).filter(uppdrag__client=OuterRef("pk"), ombud=user))


def on_waiting_list(day: datetime.date) -> Exists:
    """Exists-expression: the client waits and nobody is assigned yet."""
    taken = current_assignments(day).filter(uppdrag=OuterRef("pk"))
    waiting = Uppdrag.objects.filter(client=OuterRef("pk"), status=UppdragStatus.WAITING).exclude(
        Exists(taken)
    )
    return Exists(waiting)


def restricted(client: str = "") -> Q:
    """Processing of the client is restricted (GDPR art. 18). ``client`` names the client
    from another model (``"client"`` for a task)."""
    prefix = f"{client}__" if client else ""
    return Q(**{f"{prefix}restricted_at__isnull": False})


def visible_clients(viewer: Viewer) -> QuerySet[Client]:
    qs = Client.objects.filter(verksamhet=viewer.verksamhet)
    if viewer.sees_all:
        return qs
    return qs.filter(
        Q(assigned_to(viewer.user, viewer.today)) | Q(on_waiting_list(viewer.today))
    ).exclude(restricted())


def client_for(request: HttpRequest, pk: int, *, write: bool = False) -> tuple[Viewer, Client]:
    """The client ``pk`` if the user may see it (404 otherwise); 403 on a write it may not make.

    One query: the verksamhet's client with the flags the rule of ``visible_clients`` reads
    (``restricted``; for an ombud also assigned today and on the waiting list), the rule applied
    to them here. Asking for the flags rather than filtering on the rule and then annotating
    ``editable`` halves the subqueries the database has to plan on every client page.
    """
    viewer = viewer_for(request)
    user_id = None if viewer.sees_all else viewer.user.pk
    client = _client_query(viewer.verksamhet.pk, user_id, viewer.today).filter(pk=pk).first()
    if client is None:
        raise Http404
    flags: Any = client
    if viewer.sees_all:
        editable = True
    elif client.restricted or not (flags.assigned or flags.waiting):
        raise Http404  # not in visible_clients(viewer)
    else:
        editable = flags.assigned
    setattr(client, "editable", editable and not client.restricted)  # noqa: B010 (annotation)
    if write and not getattr(client, "editable", False):
        raise PermissionDenied
    return viewer, client


@built_once
def _client_query(verksamhet_id: int, ombud_id: int | None, day: datetime.date) -> QuerySet[Client]:
    """The query of ``client_for`` without the pk: the verksamhet's clients with their flags
    (``ombud_id``: the ombud asking; None for lead and admin, who need no flags).

    Built once per ombud and day: building the rule's subqueries cost more than running
    them. Only the construction is kept, never a result: every call filters a fresh copy.
    """
    qs = Client.objects.filter(verksamhet_id=verksamhet_id).select_related("kommun").order_by()
    if ombud_id is not None:
        qs = qs.annotate(assigned=assigned_to(ombud_id, day), waiting=on_waiting_list(day))
    return qs
