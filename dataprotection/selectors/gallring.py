"""Reads for gallring: the rule in force and what a run would remove (the dry run)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Exists, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from clients.models import Client, Contact, Uppdrag
from core.models import AccessLog, Verksamhet
from dataprotection.family import family_ids, order_key
from dataprotection.models import (
    GallringRule,
    GallringRun,
    default_access_log_years,
    default_gallring_years,
)


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def rule_for(verksamhet: Verksamhet) -> GallringRule:
    """The verksamhet's rule, or an unsaved one with the defaults."""
    rule = GallringRule.objects.filter(verksamhet=verksamhet).first()
    if rule is None:
        rule = GallringRule(
            verksamhet=verksamhet,
            years_after_end=default_gallring_years(),
            access_log_years=default_access_log_years(),
        )
    return rule


@dataclass
class Cutoffs:
    client: datetime.date
    access_log: datetime.date


def cutoffs(rule: GallringRule, today: datetime.date | None = None) -> Cutoffs:
    today = today or timezone.localdate()
    return Cutoffs(
        client=years_before(today, rule.years_after_end),
        access_log=years_before(today, rule.access_log_years),
    )


def due_clients(verksamhet: Verksamhet, cutoff: datetime.date) -> models.QuerySet:
    """Clients with no open uppdrag whose last activity (the later of the last uppdrag's end
    and the last contact; the record's creation if neither) lies before ``cutoff``, not
    already reduced."""
    open_uppdrag = Uppdrag.objects.filter(client=OuterRef("pk")).exclude(status="ended")
    last_end = (
        Uppdrag.objects.filter(client=OuterRef("pk"))
        .values("client")
        .annotate(m=Max("ended"))
        .values("m")
    )
    last_contact = (
        Contact.objects.filter(client=OuterRef("pk"))
        .values("client")
        .annotate(m=Max("date"))
        .values("m")
    )
    return (
        Client.objects.filter(verksamhet=verksamhet, erasure__isnull=True)
        .annotate(
            last_ended=Subquery(last_end),
            last_contact=Subquery(last_contact),
        )
        .annotate(
            last_activity=Coalesce(
                Greatest("last_ended", "last_contact", output_field=models.DateField()),
                TruncDate("created_at"),
            )
        )
        .filter(~Exists(open_uppdrag), last_activity__lt=cutoff)
        .order_by("last_activity", "pk")
    )


def old_access_log(verksamhet: Verksamhet, cutoff: datetime.date) -> models.QuerySet:
    start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    return AccessLog.objects.filter(verksamhet_id=verksamhet.pk, at__lt=start)


@dataclass
class DryRun:
    rule: GallringRule
    cutoffs: Cutoffs
    clients: list[Any]
    client_count: int
    access_log_count: int
    records: list[tuple[str, int]] = field(default_factory=list)


def dry_run(
    verksamhet: Verksamhet,
    *,
    today: datetime.date | None = None,
    limit: int = 200,
    with_records: bool = True,
) -> DryRun:
    """What a gallring run today would reduce and remove. Reads only."""
    rule = rule_for(verksamhet)
    cut = cutoffs(rule, today)
    due = due_clients(verksamhet, cut.client)
    clients = list(due[:limit])
    count = len(clients) if len(clients) < limit else due.count()
    records: list[tuple[str, int]] = []
    if with_records and count:
        family = family_ids(due.values_list("pk", flat=True))
        records = [
            (str(model._meta.verbose_name_plural), len(ids))
            for model, ids in sorted(family.items(), key=lambda kv: order_key(kv[0]))
        ]
    return DryRun(
        rule=rule,
        cutoffs=cut,
        clients=clients,
        client_count=count,
        access_log_count=old_access_log(verksamhet, cut.access_log).count(),
        records=records,
    )


def runs_for(verksamhet: Verksamhet, limit: int = 20) -> list[GallringRun]:
    return list(GallringRun.objects.filter(verksamhet=verksamhet).select_related("ran_by")[:limit])
