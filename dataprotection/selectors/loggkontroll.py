"""Loggkontroll: the month's reads of client records that a reviewer should look at.

Three findings, each read from the append-only access log of the verksamhet:
- reads by a user who was not the client's assigned ombud on that day (clients.Assignment),
- reads outside office hours (before 07, from 18, weekends; Europe/Stockholm),
- users with more client reads in one day than ``LOGGKONTROLL_READS_PER_DAY``.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, TruncDate, TruncMonth
from django.utils import timezone

from clients.models import Assignment, Client
from core.models import AccessLog, User, Verksamhet
from dataprotection.models import LogReview

CLIENT_OBJECT = Client._meta.label_lower
OFFICE_START = 7
OFFICE_END = 18
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def reads_per_day_limit() -> int:
    return int(getattr(settings, "LOGGKONTROLL_READS_PER_DAY", 40))


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=STOCKHOLM)
    end = datetime.datetime.combine(following, datetime.time.min, tzinfo=STOCKHOLM)
    return start, end


def client_reads(verksamhet: Verksamhet, month: datetime.date) -> models.QuerySet:
    start, end = month_bounds(month)
    return AccessLog.objects.filter(
        verksamhet_id=verksamhet.pk, object_type=CLIENT_OBJECT, at__gte=start, at__lt=end
    ).annotate(day=TruncDate("at", tzinfo=STOCKHOLM))


def unassigned_reads(verksamhet: Verksamhet, month: datetime.date) -> models.QuerySet:
    assigned = Assignment.objects.filter(
        uppdrag__client_id=OuterRef("object_id"),
        ombud_id=OuterRef("user_id"),
        start__lte=OuterRef("day"),
    ).filter(Q(end__isnull=True) | Q(end__gt=OuterRef("day")))
    return client_reads(verksamhet, month).filter(~Exists(assigned))


def after_hours_reads(verksamhet: Verksamhet, month: datetime.date) -> models.QuerySet:
    return (
        client_reads(verksamhet, month)
        .annotate(
            hour=ExtractHour("at", tzinfo=STOCKHOLM),
            weekday=ExtractIsoWeekDay("at", tzinfo=STOCKHOLM),
        )
        .filter(Q(hour__lt=OFFICE_START) | Q(hour__gte=OFFICE_END) | Q(weekday__gte=6))
    )


def busy_days(verksamhet: Verksamhet, month: datetime.date) -> models.QuerySet:
    return (
        client_reads(verksamhet, month)
        .values("user_id", "day")
        .annotate(reads=Count("id"), clients=Count("object_id", distinct=True))
        .filter(reads__gt=reads_per_day_limit())
        .order_by("-reads", "day")
    )


@dataclass
class Finding:
    total: int
    rows: list[Any] = field(default_factory=list)


def findings_for(
    verksamhet: Verksamhet, month: datetime.date, *, limit: int = 200
) -> dict[str, Finding]:
    """The three findings of a month, each with its total and at most ``limit`` rows."""
    result: dict[str, Finding] = {}
    for key, qs in (
        ("unassigned", unassigned_reads(verksamhet, month)),
        ("after_hours", after_hours_reads(verksamhet, month)),
    ):
        total = qs.count()
        rows = list(qs.select_related("user").order_by("at")[:limit]) if limit and total else []
        result[key] = Finding(total=total, rows=rows)
    busy = list(busy_days(verksamhet, month))
    if limit and busy:
        users = User.objects.in_bulk({row["user_id"] for row in busy})
        for row in busy:
            row["user"] = users.get(row["user_id"])
    result["busy"] = Finding(total=len(busy), rows=busy[:limit] if limit else [])
    _attach_clients(result)
    return result


def _attach_clients(result: dict[str, Finding]) -> None:
    ids = {row.object_id for key in ("unassigned", "after_hours") for row in result[key].rows}
    if not ids:
        return
    found = Client.objects.in_bulk(ids)
    for key in ("unassigned", "after_hours"):
        for row in result[key].rows:
            row.client = found.get(row.object_id)


def monthly_reads(verksamhet: Verksamhet) -> dict[datetime.date, dict[str, int]]:
    """Client reads per month (Stockholm time) with how many of them a finding flags (not
    the assigned ombud that day, or outside office hours). One query."""
    assigned = Assignment.objects.filter(
        uppdrag__client_id=OuterRef("object_id"),
        ombud_id=OuterRef("user_id"),
        start__lte=OuterRef("day"),
    ).filter(Q(end__isnull=True) | Q(end__gt=OuterRef("day")))
    flagged = (
        Q(assigned=False) | Q(hour__lt=OFFICE_START) | Q(hour__gte=OFFICE_END) | Q(weekday__gte=6)
    )
    rows = (
        AccessLog.objects.filter(verksamhet_id=verksamhet.pk, object_type=CLIENT_OBJECT)
        .annotate(
            day=TruncDate("at", tzinfo=STOCKHOLM),
            month=TruncMonth("at", tzinfo=STOCKHOLM),
            hour=ExtractHour("at", tzinfo=STOCKHOLM),
            weekday=ExtractIsoWeekDay("at", tzinfo=STOCKHOLM),
            assigned=Exists(assigned),
        )
        .values("month")
        .annotate(reads=Count("id"), flagged=Count("id", filter=flagged))
        .order_by()
    )
    return {_as_date(r["month"]): {"reads": r["reads"], "flagged": r["flagged"]} for r in rows}


def _as_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, STOCKHOLM).date() if value.tzinfo else value.date()
    return value


def reviewable_months(verksamhet: Verksamhet, today: datetime.date | None = None) -> list[Any]:
    """Every month from the first client read to the current one, newest first, with its
    reads, flagged reads and sign-off. The current month is listed (its reads can be looked
    at while it lasts) but is signed off only once it is over."""
    today = today or timezone.localdate()
    counts = monthly_reads(verksamhet)
    if not counts:
        return []
    month = min(counts)
    current = today.replace(day=1)
    reviews = {r.month: r for r in LogReview.objects.filter(verksamhet=verksamhet)}
    months = []
    while month <= max(current, max(counts)):
        found = counts.get(month, {"reads": 0, "flagged": 0})
        months.append(
            {
                "month": month,
                "review": reviews.get(month),
                "current": month == current,
                "past": month < current,
                **found,
            }
        )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return list(reversed(months))[:36]


def unsigned_months(verksamhet: Verksamhet, today: datetime.date | None = None) -> list[Any]:
    """The ended months (of the last 36, from the first client read) not yet signed off,
    newest first. Cheap, for the dashboard and the reminders: the first read and the
    sign-offs, no counting of reads (that is the month list's work)."""
    today = today or timezone.localdate()
    first = AccessLog.objects.filter(
        verksamhet_id=verksamhet.pk, object_type=CLIENT_OBJECT
    ).aggregate(first=Min("at"))["first"]
    if first is None:
        return []
    month = timezone.localtime(first, STOCKHOLM).date().replace(day=1)
    current = today.replace(day=1)
    signed = set(LogReview.objects.filter(verksamhet=verksamhet).values_list("month", flat=True))
    months = []
    while month <= current:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    recent = list(reversed(months))[:36]
    return [m for m in recent if m < current and m not in signed]
