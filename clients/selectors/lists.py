"""Lists of clients: caseload, all clients, waiting list, caseload per ombud.

Every list is one annotated query (plus the paginator's count): status of the latest uppdrag,
the responsible ombud today and the last contact come from subqueries, never per row.
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat

from ombud.models import Role, User

from ..models import Client, Contact, Uppdrag, UppdragStatus
from .access import (
    Viewer,
    assigned_to,
    current_assignments,
    on_waiting_list,
    restricted,
    visible_clients,
)

STATUS_ORDER = {
    UppdragStatus.ACTIVE: 0,
    UppdragStatus.CONTACT_BUILDING: 1,
    UppdragStatus.WAITING: 2,
    UppdragStatus.ENDED: 3,
}


def annotate_rows(qs: QuerySet[Client], viewer: Viewer) -> QuerySet[Client]:
    latest = Uppdrag.objects.filter(client=OuterRef("pk")).order_by("-pk")
    current = (
        current_assignments(viewer.today)
        .filter(uppdrag__client=OuterRef("pk"))
        .order_by("-start", "-pk")
    )
    last_contact = (
        Contact.objects.filter(client=OuterRef("pk"), struck_at__isnull=True)
        .order_by("-date")
        .values("date")[:1]
    )
    return qs.select_related("kommun").annotate(
        uppdrag_status=Subquery(latest.values("status")[:1]),
        uppdrag_since=Subquery(latest.values("waiting_since")[:1]),
        uppdrag_started=Subquery(latest.values("started")[:1]),
        ombud_id=Subquery(current.values("ombud_id")[:1]),
        ombud_name=Subquery(
            current.annotate(
                name=Concat(
                    "ombud__first_name", Value(" "), "ombud__last_name", output_field=CharField()
                )
            ).values("name")[:1]
        ),
        last_contact=Subquery(last_contact),
    )


def caseload(viewer: Viewer) -> QuerySet[Client]:
    """The ombud's own clients today (for lead/admin: every client of the verksamhet)."""
    qs = Client.objects.filter(verksamhet=viewer.verksamhet)
    if not viewer.sees_all:
        qs = qs.filter(assigned_to(viewer.user, viewer.today)).exclude(restricted())
    return annotate_rows(qs, viewer).order_by("alias", "pk")


def waiting_list(viewer: Viewer) -> QuerySet[Client]:
    """Waiting clients without a responsible ombud, longest wait first."""
    qs = visible_clients(viewer).filter(on_waiting_list(viewer.today))
    return annotate_rows(qs, viewer).order_by("uppdrag_since", "pk")  # type: ignore[misc]


def ombud_users(viewer: Viewer) -> QuerySet[User]:
    return User.objects.filter(
        roles__verksamhet=viewer.verksamhet, roles__role=Role.OMBUD
    ).order_by("first_name", "last_name")


def caseload_per_ombud(viewer: Viewer) -> list[dict[str, Any]]:
    """For the lead: each ombud with the number of clients per uppdrag status (one query)."""

    def clients_with(status: str) -> Coalesce:
        # Per ombud a small index scan (assignment_ombud_end) rather than one aggregate
        # over every assignment the verksamhet's ombud ever had.
        n = (
            current_assignments(viewer.today)
            .filter(
                ombud=OuterRef("pk"),
                uppdrag__status=status,
                uppdrag__client__verksamhet=viewer.verksamhet,
            )
            .order_by()
            .values("ombud")
            .annotate(n=Count("uppdrag__client", distinct=True))
            .values("n")
        )
        return Coalesce(Subquery(n), 0)

    users = ombud_users(viewer).annotate(
        n_contact_building=clients_with(UppdragStatus.CONTACT_BUILDING),
        n_active=clients_with(UppdragStatus.ACTIVE),
        n_waiting=clients_with(UppdragStatus.WAITING),
    )
    return [
        {
            "ombud": user,
            "contact_building": user.n_contact_building,  # type: ignore[attr-defined]
            "active": user.n_active,  # type: ignore[attr-defined]
            "waiting": user.n_waiting,  # type: ignore[attr-defined]
            "total": user.n_contact_building + user.n_active + user.n_waiting,  # type: ignore[attr-defined]
        }
        for user in users
    ]


def search(qs: QuerySet[Client], text: str) -> QuerySet[Client]:
    """Alias, name or personnummer (digits in any format)."""
    text = text.strip()
    if not text:
        return qs
    cond = Q(alias__icontains=text) | Q(first_name__icontains=text) | Q(last_name__icontains=text)
    parts = text.split()
    if len(parts) >= 2:
        cond |= Q(first_name__icontains=parts[0], last_name__icontains=parts[-1])
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= 4 and len(digits) == len(
        text.replace("-", "").replace(" ", "").replace("+", "")
    ):
        cond |= Q(personnummer__contains=digits)
    return qs.filter(cond)
