"""Lists of clients: caseload, all clients, waiting list, caseload per ombud.

Every list is one query (plus, for the long list of all clients, the paginator's count) of
plain rows (``values()``, no model instances): status of the latest uppdrag, the responsible
ombud today and the last contact come from subqueries, never per row, and only the columns a
list shows are selected. The queries a page asks on every view are built once per
verksamhet, user and day (``built_once``): building them cost about as much as
running them. Only the construction is kept, never a result; callers evaluate a copy.
"""

from __future__ import annotations

import datetime
from typing import Any

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
from django.db.models.functions import Concat

from core.models import Role, User

from ..models import Client, Contact, Uppdrag, UppdragStatus
from ._built import built_once
from .access import (
    Viewer,
    assigned_to,
    current_assignments,
    current_on,
    restricted,
    visible_clients,
)

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


def caseload(viewer: Viewer) -> QuerySet[Any]:
    """The ombud's own clients today (for lead/admin: every client of the verksamhet)."""
    ombud_id = None if viewer.sees_all else viewer.user.pk
    return _caseload(viewer.verksamhet.pk, ombud_id, viewer.today).all()


@built_once
def _caseload(verksamhet_id: int, ombud_id: int | None, day: datetime.date) -> QuerySet[Any]:
    """``caseload``'s query, built once per verksamhet, ombud (None: lead and admin) and day:
    only the construction is kept, callers evaluate (and filter) a copy."""
    qs = Client.objects.filter(verksamhet_id=verksamhet_id)
    if ombud_id is not None:
        qs = qs.filter(assigned_to(ombud_id, day)).exclude(restricted())
    return list_rows(qs, day, ombud=ombud_id is None).order_by("alias", "pk")


def waiting_clients(viewer: Viewer) -> QuerySet[Client]:
    """Waiting clients without a responsible ombud (unordered, no columns added).

    The same clients as ``on_waiting_list``, found from the other end: the waiting uppdrag
    (a partial index, ``uppdrag_waiting``) of the verksamhet's clients, and only for those
    whether an ombud is assigned. Asked per client, the question walked every waiting uppdrag
    in the country and its assignments before keeping the verksamhet's.
    """
    return visible_clients(viewer).filter(
        pk__in=_waiting_uppdrag(viewer.verksamhet.pk, viewer.today)
    )


def _waiting_uppdrag(verksamhet_id: int, day: datetime.date) -> QuerySet[Any]:
    """The clients (ids) of the verksamhet's waiting uppdrag that nobody is assigned to."""
    taken = current_assignments(day).filter(uppdrag=OuterRef("pk"))
    return (
        Uppdrag.objects.filter(status=UppdragStatus.WAITING, client__verksamhet_id=verksamhet_id)
        .exclude(Exists(taken))
        .values("client")
    )


def waiting_list(viewer: Viewer) -> QuerySet[Any]:
    """Waiting clients without a responsible ombud, longest wait first."""
    return list_rows(waiting_clients(viewer), viewer.today).order_by("uppdrag_since", "pk")


def waiting_first(viewer: Viewer, n: int) -> list[dict[str, Any]]:
    """The ``n`` longest-waiting clients: their pk, alias and the date they began to wait."""
    if viewer.sees_all:  # the lead's dashboard: the query is built once a day
        rows = _longest_waiting(viewer.verksamhet.pk, viewer.today).all()
    else:
        rows = _longest_first(waiting_clients(viewer))
    return list(rows[:n])


def _longest_first(clients: QuerySet[Client]) -> QuerySet[Any]:
    return (
        clients.annotate(uppdrag_since=latest_uppdrag("waiting_since"))
        .order_by("uppdrag_since", "pk")
        .values("pk", "alias", "uppdrag_since")
    )


@built_once
def _longest_waiting(verksamhet_id: int, day: datetime.date) -> QuerySet[Any]:
    """``waiting_first``'s query for lead and admin (every client of the verksamhet), built
    once per verksamhet and day: only the construction is kept, callers evaluate a copy."""
    clients = Client.objects.filter(
        verksamhet_id=verksamhet_id, pk__in=_waiting_uppdrag(verksamhet_id, day)
    )
    return _longest_first(clients)


def ombud_users(viewer: Viewer) -> QuerySet[User]:
    return _ombud_users(viewer.verksamhet.pk)


def _ombud_users(verksamhet_id: int) -> QuerySet[User]:
    return User.objects.filter(roles__verksamhet_id=verksamhet_id, roles__role=Role.OMBUD).order_by(
        "first_name", "last_name"
    )


def caseload_per_ombud(viewer: Viewer) -> list[dict[str, Any]]:
    """For the lead: each ombud with the number of clients per uppdrag status (one query)."""
    users = _per_ombud_query(viewer.verksamhet.pk, viewer.today).all()
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


@built_once
def _per_ombud_query(verksamhet_id: int, day: datetime.date) -> QuerySet[Any]:
    """The verksamhet's ombud with their clients counted per status on ``day``.

    The ombud's assignments of the day are joined once (``FilteredRelation``: the date rule
    sits in the join) with their uppdrag and client, and counted per status, rather than one
    subquery per status walking the same assignments three times. Built once per verksamhet
    and day (the construction cost as much as the rest of the dashboard card): only the
    construction is kept, callers evaluate a copy.
    """
    current = FilteredRelation("assignments", condition=current_on(day, "assignments__"))

    def clients_with(status: str) -> Count:
        return Count(
            "current__uppdrag__client",
            filter=Q(
                current__uppdrag__status=status,
                current__uppdrag__client__verksamhet_id=verksamhet_id,
            ),
            distinct=True,
        )

    return (
        _ombud_users(verksamhet_id)
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
