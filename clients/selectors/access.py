"""Who sees which client: the one access rule of the clients app, as a query.

- lead and admin (``client.see_all``): every client of the current verksamhet;
- ombud: clients they are assigned to today (an ``Assignment`` that has started and not
  ended), and, read-only, the verksamhet's waiting list (waiting clients nobody is assigned to);
- everyone else (ledningsgrupp members, grant officers): no client data at all (404).

A client whose processing is restricted (GDPR art. 18, decided on the data-protection screens,
which set ``Client.restricted_at``) is kept but no longer worked with: ombud do not see it,
lead and admin read it only. Who may edit or take a client is decided on the fetched row by
the object rules in clients/access.py.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from core.access import Actor, actor_for
from core.models import Verksamhet

from ..models import Assignment, Client, Uppdrag, UppdragStatus


def viewer_of(*, user: Any, verksamhet: Verksamhet) -> Actor | None:
    """``user`` as an actor in ``verksamhet`` (services, the de-identification guard): None for
    a user who sees no client there."""
    if user is None or getattr(user, "pk", None) is None:
        return None
    actor = actor_for(user, verksamhet)
    return actor if actor.can("client.view") else None


def current_on(day: datetime.date, prefix: str = "") -> Q:
    """An assignment is current on ``day``: started, and not ended by then. ``prefix`` names
    the assignment from another model (``"assignments__"``)."""
    return Q(**{f"{prefix}start__lte": day}) & (
        Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gt": day})
    )


def current_assignments(day: datetime.date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(current_on(day))


def is_current(assignment: Assignment, day: datetime.date) -> bool:
    """``current_on`` for one fetched assignment."""
    return assignment.start <= day and (assignment.end is None or assignment.end > day)


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


def visible_clients(actor: Actor) -> QuerySet[Client]:
    """The clients ``actor`` sees: the one rule (see the module's docstring)."""
    if not actor.can("client.view"):
        return Client.objects.none()
    clients = Client.objects.filter(verksamhet=actor.verksamhet)
    if actor.holds("client.see_all"):
        return clients
    return clients.filter(
        Q(assigned_to(actor.user, actor.today)) | Q(on_waiting_list(actor.today))
    ).exclude(restricted())


def assigned_clients(actor: Actor) -> QuerySet[Client]:
    """The clients of ``visible_clients`` assigned to the actor today, restricted ones left out
    (nobody works with them): an ombud's own clients, whatever other roles they hold."""
    return visible_clients(actor).filter(assigned_to(actor.user, actor.today)).exclude(restricted())


def client_for(*, actor: Actor, pk: int, write: bool = False) -> Client:
    """The client ``pk`` if the actor sees it (404 otherwise), with ``editable`` set from the
    ``client.edit`` rule; ``write``: 403 unless editable.

    One query: the row of ``visible_clients`` with, for an actor who does not see every
    client, whether it is assigned to them today (the fact the edit rule reads).
    """
    clients = visible_clients(actor).filter(pk=pk).select_related("kommun")
    if not actor.holds("client.see_all"):
        clients = clients.annotate(assigned=assigned_to(actor.user, actor.today))
    client = clients.first()
    if client is None:
        raise Http404
    client.editable = actor.can("client.edit", client)
    if write and not client.editable:
        raise PermissionDenied
    return client


def is_assigned(actor: Actor, client: Client) -> bool:
    """The client is assigned to the actor today: the row's ``assigned`` when ``client_for``
    fetched it, else asked (one query)."""
    known = getattr(client, "assigned", None)
    if known is not None:
        return bool(known)
    return assigned_clients(actor).filter(pk=client.pk).exists()
