"""Reminders on the ombud's dashboard, computed from dates (plus manual tasks)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import ActionPlan, Client, Consent, Fullmakt, Step, StepStatus, Task, Uppdrag
from ..models import UppdragStatus as S
from .access import Viewer, assigned_to
from .lists import annotate_rows

SOON_DAYS = 7
EXPIRY_DAYS = 30
OPEN = (S.CONTACT_BUILDING, S.ACTIVE)


def _my_clients(viewer: Viewer) -> QuerySet[Client]:
    """The ombud's clients with an open (contact-building or active) uppdrag."""
    open_uppdrag = Uppdrag.objects.filter(client=OuterRef("pk"), status__in=OPEN)
    return Client.objects.filter(verksamhet=viewer.verksamhet).filter(
        assigned_to(viewer.user, viewer.today), Exists(open_uppdrag)
    )


def reminders_for(viewer: Viewer) -> dict[str, Any]:
    """Follow-ups and steps due within a week, consents and fullmakter ending within 30 days,
    clients without contact for the verksamhet's number of days, and open manual tasks."""
    today = viewer.today
    soon = today + datetime.timedelta(days=SOON_DAYS)
    expiry = today + datetime.timedelta(days=EXPIRY_DAYS)
    # The ombud's clients are fetched once; the other reminders filter on their ids (a
    # list of a few dozen) rather than on a subquery, which at national scale made the
    # planner scan every step of the verksamhet.
    mine = list(annotate_rows(_my_clients(viewer), viewer).order_by("alias"))
    ids = [c.pk for c in mine]
    limit = today - datetime.timedelta(days=viewer.verksamhet.no_contact_days)
    quiet = [
        c
        for c in mine
        if (c.last_contact or c.uppdrag_started or c.uppdrag_since or today) <= limit  # type: ignore[attr-defined]
    ]
    return {
        "today": today,
        "follow_ups": list(
            ActionPlan.objects.filter(client__in=ids, follow_up__lte=soon)
            .select_related("client")
            .order_by("follow_up")
        ),
        "steps": list(
            Step.objects.filter(
                goal__plan__client__in=ids,
                due__lte=soon,
                status__in=(StepStatus.PLANNED, StepStatus.IN_PROGRESS),
            )
            .select_related("goal__plan__client", "organisation")
            .order_by("due", "pk")
        ),
        "consents": list(
            Consent.objects.filter(
                client__in=ids,
                withdrawn_on__isnull=True,
                valid_until__gte=today,
                valid_until__lte=expiry,
            )
            .select_related("client", "organisation")
            .order_by("valid_until")
        ),
        "fullmakter": list(
            Fullmakt.objects.filter(
                client__in=ids,
                withdrawn_on__isnull=True,
                valid_until__gte=today,
                valid_until__lte=expiry,
            )
            .select_related("client", "organisation")
            .order_by("valid_until")
        ),
        "quiet": quiet,
        "no_contact_days": viewer.verksamhet.no_contact_days,
        "tasks": open_tasks_for(viewer),
    }


def open_tasks_for(viewer: Viewer) -> list[Task]:
    return list(
        Task.objects.filter(owner=viewer.user, done_at__isnull=True)
        .filter(Q(client__isnull=True) | Q(client__verksamhet=viewer.verksamhet))
        .select_related("client")
        .order_by("due", "pk")
    )


def count(reminders: dict[str, Any]) -> int:
    return sum(len(v) for k, v in reminders.items() if isinstance(v, list))
