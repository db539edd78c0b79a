"""What an ombud who leaves still holds in one verksamhet: current clients and open tasks."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet

from clients.models import Assignment, Task, Uppdrag, UppdragStatus
from clients.selectors.access import current_on
from core.models import Verksamhet


def current_uppdrag(
    *, user: Any, verksamhet: Verksamhet, day: datetime.date, lock: bool = False
) -> list[Uppdrag]:
    """The open uppdrag of the verksamhet's clients that ``user`` is responsible for on ``day``."""
    rows = (
        Uppdrag.objects.filter(
            client__verksamhet=verksamhet,
            assignments__in=_current(user, day),
        )
        .exclude(status=UppdragStatus.ENDED)
        .select_related("client")
        .order_by("client__alias", "pk")
        .distinct()
    )
    if lock:
        # Lock only the uppdrag rows (a DISTINCT query cannot be locked): fetch ids first.
        ids = list(rows.values_list("pk", flat=True))
        return list(
            Uppdrag.objects.select_for_update(of=("self",))
            .filter(pk__in=ids)
            .select_related("client")
            .order_by("client__alias", "pk")
        )
    return list(rows)


def _current(user: Any, day: datetime.date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(current_on(day), ombud=user)


def open_tasks(*, user: Any, verksamhet: Verksamhet, lock: bool = False) -> list[Task]:
    """The user's tasks not done: about the verksamhet's clients, or about no client."""
    tasks = (
        Task.objects.filter(owner=user, done_at__isnull=True)
        .filter(Q(client__verksamhet=verksamhet) | Q(client__isnull=True))
        .select_related("client")
        .order_by("due", "pk")
    )
    if lock:
        tasks = tasks.select_for_update(of=("self",))
    return list(tasks)
