"""Lists of clients: caseload, all clients, waiting list, caseload per ombud.

Every list is one query (plus, for the long list of all clients, the paginator's count) of
plain rows (``values()``, no model instances): status of the latest uppdrag, the responsible
ombud today and the last contact come from subqueries, never per row, and only the columns a
list shows are selected.
"""

from __future__ import annotations

import datetime
from typing import Any, TypedDict

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat

from core.access import CAPABILITIES, Actor, verksamhet_of
from core.models import RoleAssignment, User, Verksamhet

from ..models import Client, Contact, Uppdrag, UppdragStatus
from .access import assigned_clients, current_assignments, current_on, visible_clients

STATUS_ORDER = {
    UppdragStatus.ACTIVE: 0,
    UppdragStatus.CONTACT_BUILDING: 1,
    UppdragStatus.WAITING: 2,
    UppdragStatus.ENDED: 3,
}
# What a row of a client list shows (see clients/_client_table.html).
ROW_FIELDS = ("pk", "alias", "first_name", "last_name", "birth_year")


def latest_uppdrag(field: str) -> Subquery:
    """Subquery: ``field`` of the client's latest uppdrag."""
    return Subquery(Uppdrag.objects.filter(client=OuterRef("pk")).order_by("-pk").values(field)[:1])


def last_contact() -> Subquery:
    """Subquery: the date of the client's latest contact that is not struck."""
    return Subquery(
        Contact.objects.filter(client=OuterRef("pk"), struck_at__isnull=True)
        .order_by("-date")
        .values("date")[:1]
    )


def current_ombud_name(day: datetime.date) -> Subquery:
    """Subquery: the name of the client's responsible ombud on ``day`` (the latest assignment)."""
    current = (
        current_assignments(day)
        .filter(uppdrag__client=OuterRef("pk"))
        .order_by("-start", "-pk")
        .annotate(
            name=Concat(
                "ombud__first_name", Value(" "), "ombud__last_name", output_field=CharField()
            )
        )
    )
    return Subquery(current.values("name")[:1])


def list_rows(qs: QuerySet[Client], day: datetime.date, *, ombud: bool = False) -> QuerySet[Any]:
    """The rows of a client list as dicts; ``ombud`` adds the responsible ombud's name."""
    extra: dict[str, Any] = {"ombud_name": current_ombud_name(day)} if ombud else {}
    return qs.annotate(uppdrag_status=latest_uppdrag("status")).values(
        *ROW_FIELDS,
        "uppdrag_status",
        kommun_name=F("kommun__name"),
        uppdrag_since=latest_uppdrag("waiting_since"),
        last_contact=last_contact(),
        **extra,
    )


def caseload_for(*, actor: Actor) -> QuerySet[Any]:
    """The ombud's own clients today (for lead/admin: every client of the verksamhet)."""
    if actor.holds("client.see_all"):
        return list_rows(visible_clients(actor), actor.today, ombud=True).order_by("alias", "pk")
    return list_rows(assigned_clients(actor), actor.today).order_by("alias", "pk")


def waiting_clients(*, actor: Actor) -> QuerySet[Client]:
    """Waiting clients without a responsible ombud (unordered, no columns added).

    The same clients as ``on_waiting_list``, found from the other end: the waiting uppdrag
    (a partial index, ``uppdrag_waiting``) of the verksamhet's clients, and only for those
    whether an ombud is assigned. Asked per client, the question walked every waiting uppdrag
    in the country and its assignments before keeping the verksamhet's.
    """
    taken = current_assignments(actor.today).filter(uppdrag=OuterRef("pk"))
    waiting = (
        Uppdrag.objects.filter(status=UppdragStatus.WAITING, client__verksamhet=actor.verksamhet)
        .exclude(Exists(taken))
        .values("client")
    )
    return visible_clients(actor).filter(pk__in=waiting)


def waiting_since_now() -> Coalesce:
    """Subquery: the day the client began to wait this time: back on the list since, else the
    first day on it (``waiting_since``, kept for the statistics)."""
    return Coalesce(latest_uppdrag("waiting_again_since"), latest_uppdrag("waiting_since"))


def waiting_list(*, actor: Actor) -> QuerySet[Any]:
    """Waiting clients without a responsible ombud, longest wait first (``back_since``: the
    day a client whose ombud stopped came back to the list)."""
    return (
        list_rows(waiting_clients(actor=actor), actor.today)
        .annotate(back_since=latest_uppdrag("waiting_again_since"), waiting_now=waiting_since_now())
        .order_by("waiting_now", "pk")
    )


class WaitingRow(TypedDict):
    pk: int
    alias: str
    uppdrag_since: datetime.date | None


def waiting_first(*, actor: Actor, n: int) -> list[WaitingRow]:
    """The ``n`` longest-waiting clients: their pk, alias and the date they began to wait
    (this time: a client back on the list waits since their return)."""
    rows = (
        waiting_clients(actor=actor)
        .annotate(uppdrag_since=waiting_since_now())
        .order_by("uppdrag_since", "pk")
        .values("pk", "alias", "uppdrag_since")
    )
    return list(rows[:n])


def ombud_users(verksamhet: Verksamhet) -> QuerySet[User]:
    """The verksamhet's ombud: who may take clients and be a client's responsible ombud."""
    takers = RoleAssignment.objects.filter(
        verksamhet=verksamhet, role__in=CAPABILITIES["client.take"]
    )
    return User.objects.filter(pk__in=takers.values("user")).order_by("first_name", "last_name")


def caseload_per_ombud(*, actor: Actor) -> list[dict[str, Any]]:
    """For the lead: each ombud with the number of clients per uppdrag status (one query).

    The ombud's assignments of the day are joined once (``FilteredRelation``: the date rule
    sits in the join) with their uppdrag and client, and counted per status, rather than one
    subquery per status walking the same assignments three times.
    """
    verksamhet = verksamhet_of(actor)
    current = FilteredRelation("assignments", condition=current_on(actor.today, "assignments__"))

    def clients_with(status: str) -> Count:
        return Count(
            "current__uppdrag__client",
            filter=Q(
                current__uppdrag__status=status,
                current__uppdrag__client__verksamhet=verksamhet,
            ),
            distinct=True,
        )

    users = (
        ombud_users(verksamhet)
        .alias(current=current)
        .values(
            "pk",
            "first_name",
            "last_name",
            "email",
            n_contact_building=clients_with(UppdragStatus.CONTACT_BUILDING),
            n_active=clients_with(UppdragStatus.ACTIVE),
            n_waiting=clients_with(UppdragStatus.WAITING),
        )
    )
    return [
        {
            "ombud_pk": u["pk"],
            "ombud": User.name_of(u["first_name"], u["last_name"], u["email"]),
            "contact_building": u["n_contact_building"],
            "active": u["n_active"],
            "waiting": u["n_waiting"],
            "total": u["n_contact_building"] + u["n_active"] + u["n_waiting"],
        }
        for u in users
    ]


def search(qs: QuerySet[Any], text: str) -> QuerySet[Any]:
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
