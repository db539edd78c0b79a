"""Reminders on the ombud's dashboard, computed from dates (plus manual tasks)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window

from core.access import Actor, verksamhet_of

from ..models import ActionPlan, Consent, Fullmakt, Step, StepStatus, Task, Uppdrag
from ..models import UppdragStatus as S
from .access import assigned_clients, restricted
from .lists import last_contact, latest_uppdrag

SOON_DAYS = 7
EXPIRY_DAYS = 30
OPEN = (S.CONTACT_BUILDING, S.ACTIVE)


def _mine(actor: Actor) -> QuerySet[Any]:
    """The actor's clients with an open (contact-building or active) uppdrag, with the dates
    the reminders read, as rows (restricted clients are left out: nobody works with them)."""
    open_uppdrag = Uppdrag.objects.filter(client=OuterRef("pk"), status__in=OPEN)
    return (
        assigned_clients(actor)
        .filter(Exists(open_uppdrag))
        .order_by("alias")
        .values(
            "pk",
            "alias",
            last_contact=last_contact(),
            uppdrag_started=latest_uppdrag("started"),
            uppdrag_since=latest_uppdrag("waiting_since"),
        )
    )


def reminders_for(*, actor: Actor, limit: int | None = None) -> dict[str, Any]:
    """Follow-ups and steps due within a week, consents and fullmakter ending within 30 days,
    clients without contact for the verksamhet's number of days, and open manual tasks.

    With ``limit`` (the dashboard card) each list holds its first ``limit`` rows and
    ``totals`` the number of each kind: the count rides along as a window function, so a
    busy ombud's hundred steps are not fetched. Rows are dicts of what the lists show.
    """
    today = actor.today
    verksamhet = verksamhet_of(actor)
    soon = today + datetime.timedelta(days=SOON_DAYS)
    expiry = today + datetime.timedelta(days=EXPIRY_DAYS)
    # The ombud's clients are fetched once; the other reminders filter on their ids (a
    # list of a few dozen) rather than on a subquery, which at national scale made the
    # planner scan every step of the verksamhet.
    mine = list(_mine(actor))
    ids = [c["pk"] for c in mine]
    since = today - datetime.timedelta(days=verksamhet.no_contact_days)
    quiet = [
        c
        for c in mine
        if (c["last_contact"] or c["uppdrag_started"] or c["uppdrag_since"] or today) <= since
    ]
    totals = {"quiet": len(quiet)}

    def first(kind: str, qs: QuerySet[Any]) -> list[dict[str, Any]]:
        if limit is None:
            rows = list(qs)
            totals[kind] = len(rows)
            return rows
        rows = list(qs.annotate(n_of_kind=Window(Count("pk")))[:limit])
        totals[kind] = rows[0]["n_of_kind"] if rows else 0
        return rows

    def ending(model: type[Consent] | type[Fullmakt]) -> QuerySet[Any]:
        return (
            model.objects.filter(
                client__in=ids,
                withdrawn_on__isnull=True,
                valid_until__gte=today,
                valid_until__lte=expiry,
            )
            .order_by("valid_until")
            .values(
                "client_id",
                "valid_until",
                alias=F("client__alias"),
                organisation_name=F("organisation__name"),
            )
        )

    return {
        "today": today,
        "follow_ups": first(
            "follow_ups",
            ActionPlan.objects.filter(client__in=ids, follow_up__lte=soon)
            .order_by("follow_up")
            .values("client_id", "follow_up", alias=F("client__alias")),
        ),
        "steps": first(
            "steps",
            Step.objects.filter(
                goal__plan__client__in=ids,
                due__lte=soon,
                status__in=(StepStatus.PLANNED, StepStatus.IN_PROGRESS),
            )
            .order_by("due", "pk")
            .values(
                "description",
                "responsible_text",
                "due",
                client_id=F("goal__plan__client_id"),
                alias=F("goal__plan__client__alias"),
                organisation_name=F("organisation__name"),
            ),
        ),
        "consents": first("consents", ending(Consent)),
        "fullmakter": first("fullmakter", ending(Fullmakt)),
        "quiet": quiet if limit is None else quiet[:limit],
        "no_contact_days": verksamhet.no_contact_days,
        "tasks": first("tasks", open_tasks(actor=actor)),
        "totals": totals,
    }


def open_tasks(*, actor: Actor) -> QuerySet[Any]:
    """The user's open manual tasks (rows: pk, title, due, client_id, alias); tasks about a
    restricted client are left out with the client."""
    return (
        Task.objects.filter(owner=actor.user, done_at__isnull=True)
        .filter(Q(client__isnull=True) | Q(client__verksamhet=actor.verksamhet))
        .exclude(restricted("client"))
        .order_by("due", "pk")
        .values("pk", "title", "due", "client_id", alias=F("client__alias"))
    )


def count(reminders: dict[str, Any]) -> int:
    """How many reminders there are in all (not only those in the lists)."""
    return sum(reminders["totals"].values())


def shown(reminders: dict[str, Any]) -> int:
    """How many reminders the lists hold."""
    return sum(len(v) for v in reminders.values() if isinstance(v, list))
