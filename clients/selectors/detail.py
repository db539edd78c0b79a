"""What the client pages show: each function is a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import JSONObject

from core.models import Organisation, User

from ..models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    Contact,
    ContactKind,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)

EXPIRY_WARNING_DAYS = 30
RECENT_CONTACTS = 8


def uppdrag_periods(client: Client) -> list[Uppdrag]:
    """All periods, newest first, with their assignments and ombud (two queries)."""
    return list(
        client.uppdrag.order_by("-pk").prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("ombud").order_by("start", "pk"),
            )
        )
    )


def responsible_on(uppdrag: Uppdrag | None, day: datetime.date) -> Assignment | None:
    """The assignment in force on ``day`` (uses the prefetched assignments)."""
    if uppdrag is None:
        return None
    current = [
        a for a in uppdrag.assignments.all() if a.start <= day and (a.end is None or a.end > day)
    ]
    return current[-1] if current else None


def latest_period(client: Client, day: datetime.date) -> tuple[Uppdrag | None, Any]:
    """The newest uppdrag and who is responsible for it on ``day`` (one query).

    The responsible ombud comes back as an object with ``.ombud`` (an unsaved ``User`` with
    the names), as ``responsible_on`` gives for the overview's one line.
    """
    current = (
        Assignment.objects.filter(uppdrag=OuterRef("pk"), start__lte=day)
        .exclude(end__lte=day)
        .order_by("-start", "-pk")
        .values(
            data=JSONObject(
                id="ombud_id",
                first_name="ombud__first_name",
                last_name="ombud__last_name",
                email="ombud__email",
            )
        )[:1]
    )
    latest = client.uppdrag.order_by("-pk").annotate(responsible=Subquery(current)).first()
    if latest is None:
        return None, None
    data: dict[str, Any] | None = getattr(latest, "responsible", None)
    return latest, (Responsible(User(**data)) if data else None)


@dataclass
class Responsible:
    ombud: User


def recent_contacts(client: Client, limit: int = RECENT_CONTACTS) -> list[Contact]:
    """The latest contacts with their organisations' names (one query)."""
    names = (
        Contact.organisations.through.objects.filter(contact=OuterRef("pk"))
        .order_by("organisation__name")
        .values("organisation__name")
    )
    return list(
        client.contacts.annotate(organisation_names=ArraySubquery(names)).order_by("-date", "-pk")[
            :limit
        ]
    )


def contact_counts(client: Client) -> dict[str, int]:
    """The client's contacts (struck ones left out) about the client and avidentifierade,
    counted apart: an avidentifierad contact never named the client. One query."""
    live = client.contacts.filter(struck_at__isnull=True)
    return live.aggregate(
        about_client=Count("pk", filter=~Q(kind=ContactKind.AVIDENTIFIERAD)),
        avidentifierad=Count("pk", filter=Q(kind=ContactKind.AVIDENTIFIERAD)),
    )


def contact_log(client: Client) -> QuerySet[Any]:
    """The contact log, newest first, as rows (dicts) of what the log shows: the contact's
    fields, its organisations' names and the names of who logged and who struck it."""
    names = (
        Contact.organisations.through.objects.filter(contact=OuterRef("pk"))
        .order_by("organisation__name")
        .values("organisation__name")
    )
    return (
        client.contacts.order_by("-date", "-pk")
        .annotate(organisation_names=ArraySubquery(names))
        .values(
            "pk",
            "date",
            "type",
            "duration_minutes",
            "kind",
            "note",
            "struck_at",
            "struck_reason",
            "organisation_names",
            by_first_name=F("by__first_name"),
            by_last_name=F("by__last_name"),
            by_email=F("by__email"),
            struck_by_first_name=F("struck_by__first_name"),
            struck_by_last_name=F("struck_by__last_name"),
            struck_by_email=F("struck_by__email"),
        )
    )


@dataclass
class OrgConsent:
    organisation: Organisation
    state: str  # valid | future | expired | withdrawn | none
    consent: Consent | None
    expires_soon: bool = False


def consent_state(consents: list[Consent], day: datetime.date) -> tuple[str, Consent | None]:
    """The state for one organisation on ``day`` from all the client's consents for it."""
    valid = [c for c in consents if c.is_valid_on(day)]
    if valid:
        return "valid", max(valid, key=lambda c: c.valid_until or datetime.date.max)
    future = [
        c
        for c in consents
        if c.valid_from > day and (c.withdrawn_on is None or c.withdrawn_on > c.valid_from)
    ]
    if future:
        return "future", min(future, key=lambda c: c.valid_from)
    if not consents:
        return "none", None
    last = max(consents, key=lambda c: (c.valid_from, c.pk))
    if last.withdrawn_on is not None and last.withdrawn_on <= day:
        return "withdrawn", last
    return "expired", last


def consents(client: Client) -> list[Consent]:
    return list(client.consents.select_related("organisation", "recorded_by"))


def fullmakter(client: Client) -> list[Fullmakt]:
    return list(client.fullmakter.select_related("organisation"))


@dataclass(frozen=True)
class FullmaktState:
    fullmakt: Fullmakt
    active_now: bool  # in force today
    expires_soon: bool  # not withdrawn, and ends within EXPIRY_WARNING_DAYS


def fullmakt_states(all_fullmakter: list[Fullmakt], day: datetime.date) -> list[FullmaktState]:
    """Each fullmakt with whether it is in force on ``day`` and whether it ends soon."""
    return [
        FullmaktState(
            fullmakt=f,
            active_now=f.withdrawn_on is None and f.valid_from <= day <= f.valid_until,
            expires_soon=f.withdrawn_on is None
            and day <= f.valid_until
            and (f.valid_until - day).days <= EXPIRY_WARNING_DAYS,
        )
        for f in all_fullmakter
    ]


def consent_overview(
    client: Client,
    all_consents: list[Consent],
    day: datetime.date,
    organisations: dict[int, Organisation] | None = None,
) -> list[OrgConsent]:
    """Every active organisation of the verksamhet (and any with a consent), with today's state
    (``organisations``: the organisations to list instead of the verksamhet's active ones)."""
    if organisations is not None:
        orgs = dict(organisations)
    else:
        orgs = {
            o.pk: o
            for o in Organisation.objects.filter(verksamhet_id=client.verksamhet_id, active=True)
        }
    by_org: dict[int, list[Consent]] = {}
    for c in all_consents:
        by_org.setdefault(c.organisation_id, []).append(c)
        orgs.setdefault(c.organisation_id, c.organisation)
    rows = []
    for org in sorted(orgs.values(), key=lambda o: o.name):
        state, consent = consent_state(by_org.get(org.pk, []), day)
        soon = bool(
            state == "valid"
            and consent is not None
            and consent.valid_until is not None
            and (consent.valid_until - day).days <= EXPIRY_WARNING_DAYS
        )
        rows.append(OrgConsent(org, state, consent, soon))
    order = {"valid": 0, "future": 1, "withdrawn": 2, "expired": 3, "none": 4}
    rows.sort(key=lambda r: (order[r.state], r.organisation.name))
    return rows


def needs(client: Client) -> list[Need]:
    return list(client.needs.order_by("priority", "pk"))


def plan(client: Client) -> ActionPlan | None:
    """The action plan with goals, their needs and steps (four queries)."""
    return (
        ActionPlan.objects.filter(client=client)
        .prefetch_related(
            Prefetch(
                "goals",
                queryset=Goal.objects.prefetch_related(
                    "needs",
                    Prefetch("steps", queryset=Step.objects.select_related("organisation")),
                ),
            )
        )
        .first()
    )


def open_tasks(client: Client) -> list[Task]:
    return list(client.tasks.filter(done_at__isnull=True).select_related("owner"))


def overview(client: Client, day: datetime.date) -> dict[str, Any]:
    """Everything the client's overview page shows."""
    all_consents = consents(client)
    latest, responsible = latest_period(client, day)
    # Only organisations with a consent are shown here, so the verksamhet's other
    # organisations (the consent page lists them all) are not fetched.
    orgs = {c.organisation_id: c.organisation for c in all_consents}
    return {
        "latest": latest,
        "responsible": responsible,
        "contacts": recent_contacts(client),
        "counts": contact_counts(client),
        "consent_rows": [
            r
            for r in consent_overview(client, all_consents, day, organisations=orgs)
            if r.state != "none"
        ],
        "fullmakter": [
            f for f in fullmakter(client) if f.withdrawn_on is None and f.valid_until >= day
        ],
        "needs": needs(client),
        # The overview shows the follow-up date only: no goals or steps.
        "plan": ActionPlan.objects.filter(client=client).first(),
        "tasks": open_tasks(client),
    }
