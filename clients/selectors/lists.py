"""Lists of clients: caseload, all clients, waiting list, caseload per ombud.

Every list is one annotated query (plus the paginator's count): status of the latest uppdrag,
the responsible ombud today and the last contact come from subqueries, never per row.
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Concat

from ombud.models import Role, User

from ..models import Client, Contact, Uppdrag, UppdragStatus
from .access import Viewer, assigned_to, current_assignments, on_waiting_list, visible_clients

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
        qs = qs.filter(assigned_to(viewer.user, viewer.today))
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
    """For the lead: each ombud with the number of clients per uppdrag status (two queries)."""
    counts = (
        current_assignments(viewer.today)
        .filter(uppdrag__client__verksamhet=viewer.verksamhet)
        .exclude(uppdrag__status=UppdragStatus.ENDED)
        .values("ombud_id", "uppdrag__status")
        .annotate(n=Count("uppdrag__client", distinct=True))
    )
    by_ombud: dict[int, dict[str, int]] = {}
    for row in counts:
        by_ombud.setdefault(row["ombud_id"], {})[row["uppdrag__status"]] = row["n"]
    rows = []
    for user in ombud_users(viewer):
        c = by_ombud.get(user.pk, {})
        rows.append(
            {
                "ombud": user,
                "contact_building": c.get(UppdragStatus.CONTACT_BUILDING, 0),
                "active": c.get(UppdragStatus.ACTIVE, 0),
                "waiting": c.get(UppdragStatus.WAITING, 0),
                "total": sum(c.values()),
            }
        )
    return rows


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
