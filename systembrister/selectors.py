"""Reads of systembrister, always scoped to the actor's verksamhet and capabilities."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from core.access import Actor
from core.labels import labels_of
from core.models import Organisation, Verksamhet

from .models import Answer, Event, Level, Outcome, Status, Support, Systembrist

# Statuses an external member can see: the lead has reviewed and accepted the report.
EXTERNAL_STATUSES = (
    Status.ACCEPTED,
    Status.ON_AGENDA,
    Status.AWAITING_ANSWER,
    Status.ANSWERED,
    Status.CLOSED,
)
# Statuses that count as "reported" in statistics (merged duplicates count once, in the target).
REPORTED_EXCLUDED = (Status.DRAFT, Status.MERGED)


def in_year(year: int) -> Q:
    """The year a report counts in: the year it was submitted (drafts: created)."""
    return Q(submitted_at__year=year) | Q(submitted_at__isnull=True, created_at__year=year)


def visible_reports(actor: Actor) -> QuerySet[Systembrist]:
    """Every report the actor may see, nothing else.

    Lead and admin (``systembrist.see_all``): all of the verksamhet. Ombud (who report): all
    but other ombud's drafts. Member (who answer): accepted reports that concern their
    organisation, and those on the ledningsgrupp's agenda until they are closed.
    Grant officer (``systembrist.see_closed``): closed reports.
    """
    if not actor.can("systembrist.view"):
        return Systembrist.objects.none()
    qs = Systembrist.objects.filter(verksamhet=actor.verksamhet)
    if actor.can("systembrist.see_all"):
        return qs
    rules = Q(pk__in=[])
    if actor.can("systembrist.report"):
        rules |= ~Q(status=Status.DRAFT) | Q(reporter=actor.user)
    if actor.can("systembrist.answer") and actor.organisation is not None:
        # On the agenda: taken up by the ledningsgrupp and not yet closed. Once closed, only
        # the responsible organisations keep seeing it.
        on_agenda = Q(agenda_items__isnull=False) & ~Q(status=Status.CLOSED)
        concerns = Q(organisations=actor.organisation) | on_agenda
        rules |= Q(status__in=EXTERNAL_STATUSES) & concerns
    if actor.can("systembrist.see_closed"):
        rules |= Q(status=Status.CLOSED)
    return qs.filter(pk__in=qs.filter(rules).values("pk"))


def register(actor: Actor) -> QuerySet[Systembrist]:
    """The register's rows, with everything a row shows fetched up front."""
    return (
        visible_reports(actor)
        .select_related("reporter")
        .prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
            Prefetch(
                "supports", queryset=Support.objects.only("systembrist_id", "clients_affected")
            ),
        )
        .order_by("-created_at", "-pk")
    )


def report_for(actor: Actor, *, pk: int) -> Systembrist:
    """One report with its timeline, answers and supports, or 404 outside the actor's scope."""
    report = (
        visible_reports(actor)
        .select_related("reporter", "merged_into", "verksamhet")
        .prefetch_related(
            "agenda_items__meeting",
            Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
            Prefetch("events", queryset=Event.objects.select_related("by")),
            Prefetch("answers", queryset=Answer.objects.select_related("organisation", "author")),
            Prefetch("supports", queryset=Support.objects.select_related("ombud")),
            Prefetch("merged", queryset=Systembrist.objects.only("pk", "title", "merged_into")),
        )
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def total_affected(report: Systembrist) -> int:
    """The reporter's count plus every supporting ombud's count."""
    return report.clients_affected + sum(s.clients_affected for s in report.supports.all())


def missing_organisations(report: Systembrist) -> list[Organisation]:
    """Responsible organisations that have not answered yet (uses prefetched data)."""
    answered = {a.organisation_id for a in report.answers.all()}
    return [o for o in report.organisations.all() if o.pk not in answered]


def overdue_reports(
    *, verksamhet: Verksamhet, organisation: Organisation | None = None
) -> list[tuple[Systembrist, list[Organisation]]]:
    """Reports awaiting an answer past their due date, each with the organisations still silent.

    With ``organisation``: only those where that organisation has not answered.
    """
    today = timezone.localdate()
    qs = (
        Systembrist.objects.filter(
            verksamhet=verksamhet, status=Status.AWAITING_ANSWER, answer_due__lt=today
        )
        .prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
            "answers",
        )
        .order_by("answer_due", "pk")
    )
    if organisation is not None:
        qs = qs.filter(organisations=organisation).exclude(answers__organisation=organisation)
    pairs = ((report, missing_organisations(report)) for report in qs)
    return [(report, missing) for report, missing in pairs if missing]


def overdue_for_dashboard(
    *, verksamhet: Verksamhet, organisation: Organisation | None = None, limit: int = 10
) -> list[Systembrist]:
    """As ``overdue_reports``, for a dashboard card: one query, at most ``limit`` reports,
    ``missing`` holding the names of the organisations still silent."""
    today = timezone.localdate()
    silent = (
        Organisation.objects.filter(systembrister=OuterRef("pk"))
        .exclude(
            Exists(
                Answer.objects.filter(
                    systembrist=OuterRef(OuterRef("pk")), organisation=OuterRef("pk")
                )
            )
        )
        .order_by("name")
        .values("name")
    )
    qs = (
        Systembrist.objects.filter(
            verksamhet=verksamhet, status=Status.AWAITING_ANSWER, answer_due__lt=today
        )
        .filter(Exists(silent))
        .annotate(missing=ArraySubquery(silent))
        .order_by("answer_due", "pk")
    )
    if organisation is not None:
        qs = qs.filter(organisations=organisation).exclude(answers__organisation=organisation)
    return list(qs[:limit])


def years(*, verksamhet: Verksamhet) -> list[int]:
    """Years with reports, newest first (always includes the current year)."""
    reports = Systembrist.objects.filter(verksamhet=verksamhet)
    found = {d.year for d in reports.dates("created_at", "year")}
    found |= {d.year for d in reports.dates("submitted_at", "year")}
    found.add(timezone.localdate().year)
    return sorted(found, reverse=True)


def _counts(qs: QuerySet[Systembrist], key: str) -> dict[Any, int]:
    return {
        row[key]: row["n"]
        for row in qs.order_by().values(key).annotate(n=Count("pk", distinct=True))
    }


def _tally(reports: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, int]]:
    """Counts of reported reports, given as (status, level, outcome): per status (drafts and
    merged duplicates are not reported), per level, and per outcome of the closed ones."""
    by_status: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    for status, level, outcome in reports:
        by_status[status] += 1
        by_level[level] += 1
        if status == Status.CLOSED:
            by_outcome[outcome] += 1
    return {
        "by_status": {s.value: by_status[s.value] for s in Status if s not in REPORTED_EXCLUDED},
        "by_level": {lv.value: by_level[lv.value] for lv in Level},
        "by_outcome": {o.value: by_outcome[o.value] for o in Outcome},
    }


def statistics(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Raw counts for one year: per status, level, outcome and responsible organisation.

    Unsuppressed; the view masks small counts for viewers outside the verksamhet's staff.
    """
    reported = (
        Systembrist.objects.filter(verksamhet=verksamhet)
        .exclude(status__in=REPORTED_EXCLUDED)
        .filter(in_year(year))
    )
    rows = list(reported.order_by().values_list("status", "level", "outcome"))
    tally = _tally(rows)
    org_counts = _counts(reported, "organisations")
    orgs = Organisation.objects.filter(pk__in=[k for k in org_counts if k]).order_by("name")
    return {
        "year": year,
        "reported": len(rows),
        "by_status": [
            (s.value, s.label, tally["by_status"][s.value])
            for s in Status
            if s not in REPORTED_EXCLUDED
        ],
        "by_level": [(lv.value, lv.label, tally["by_level"][lv.value]) for lv in Level],
        "by_outcome": [(o.value, o.label, tally["by_outcome"][o.value]) for o in Outcome],
        "by_organisation": [(o.pk, o.name, org_counts.get(o.pk, 0)) for o in orgs],
    }


def reported_in_year(*, verksamhet: Verksamhet, year: int) -> list[Mapping[str, Any]]:
    """The reports that count as reported in ``year`` (drafts and merged duplicates
    excluded), as value rows with ``organisation_names`` (sorted) and ``supported`` (the
    clients affected according to other ombud's supports): one query."""
    supports = (
        Support.objects.filter(systembrist=OuterRef("pk"))
        .order_by()
        .values("systembrist")
        .annotate(n=Sum("clients_affected"))
        .values("n")
    )
    names = (
        Organisation.objects.filter(systembrister=OuterRef("pk")).order_by("name").values("name")
    )
    rows = (
        Systembrist.objects.filter(verksamhet=verksamhet)
        .exclude(status__in=REPORTED_EXCLUDED)
        .filter(in_year(year))
        .annotate(
            organisation_names=ArraySubquery(names),
            supported=Coalesce(Subquery(supports), 0),
        )
        .values(
            "pk",
            "title",
            "level",
            "status",
            "outcome",
            "conclusion",
            "clients_affected",
            "forwarded_to",
            "organisation_names",
            "supported",
        )
        .order_by("pk")
    )
    return list(rows)


def yearly_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Figures for the statsbidrag redovisning of ``year`` (unsuppressed, staff only), from
    one query.

    Returns::

        {
          "year": 2025,
          "reported": 7,                  # submitted in the year; drafts and merged duplicates excluded
          "closed": 3,
          "by_status": {"submitted": 1, ..., "closed": 3},   # every status except draft/merged
          "by_level": {"handlaggare": 2, "lokal": 4, "central": 1},
          "by_outcome": {"resolved": 1, "partly": 1, "not_resolved": 1, "no_action": 0},
          "clients_affected": 12,         # the reports' own counts plus the supports'
          "forwarded": 2,                 # forwarded to regional or national level
          "labels": {"status": {code: label}, "level": {...}, "outcome": {...}},
          "examples": [                   # up to 5, closed ones first, then most clients affected
            {"pk", "title", "level", "organisations": [names], "status", "outcome",
             "conclusion", "clients_affected"},
          ],
        }

    ``level``, ``status`` and ``outcome`` in examples are display labels (Swedish in the UI).
    The counts are ``statistics``'s (``_tally``).
    """
    reports = reported_in_year(verksamhet=verksamhet, year=year)
    affected = {r["pk"]: r["clients_affected"] + r["supported"] for r in reports}
    tally = _tally((r["status"], r["level"], r["outcome"]) for r in reports)
    rows = sorted(
        reports, key=lambda r: (r["status"] != Status.CLOSED, -affected[r["pk"]], r["pk"])
    )[:5]
    level, status, outcome = labels_of(Level), labels_of(Status), labels_of(Outcome)
    examples = [
        {
            "pk": r["pk"],
            "title": r["title"],
            "level": level.get(r["level"], r["level"]),
            "organisations": list(r["organisation_names"]),
            "status": status.get(r["status"], r["status"]),
            "outcome": outcome.get(r["outcome"], r["outcome"]) if r["outcome"] else "",
            "conclusion": r["conclusion"],
            "clients_affected": affected[r["pk"]],
        }
        for r in rows
    ]
    return {
        "year": year,
        "reported": len(reports),
        "closed": tally["by_status"][Status.CLOSED],
        **tally,
        "clients_affected": sum(affected.values()),
        "forwarded": sum(1 for r in reports if r["forwarded_to"] != ""),
        "labels": {
            "status": {s.value: str(s.label) for s in Status if s not in REPORTED_EXCLUDED},
            "level": {lv.value: str(lv.label) for lv in Level},
            "outcome": {o.value: str(o.label) for o in Outcome},
        },
        "examples": examples,
    }


def small_count_threshold() -> int:
    return int(getattr(settings, "SMALL_COUNT_THRESHOLD", 5))


def today() -> datetime.date:
    return timezone.localdate()
