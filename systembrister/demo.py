"""Demo systembrister: twelve reports across 2025–2026 in every status but ON_AGENDA.

Written through the services as the demo users. Reports that went through a steering
group meeting before the system was in use are marked as having been on the agenda
(no meeting link): this app creates no meetings; the ledningsgrupp demo puts the accepted
reports on its agendas. Timestamps are moved back afterwards so the timeline reads true.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from core.audit import acting_as
from core.demo import DemoWorld

from . import services
from .demo_reports import REPORTS
from .models import Answer, Event, EventKind, Status, Systembrist

D = datetime.date
FAR = timezone.localdate() + datetime.timedelta(days=60)

ORDER = ["draft", "submitted", "merged", "returned", "accepted", "awaiting", "answered", "closed"]


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _backdate(report: Systembrist, spec: dict[str, Any], due: datetime.date | None) -> None:
    """Move the timeline to the dates the story happened on (one step a week apart)."""
    start = spec.get("submitted") or spec["observed"] + datetime.timedelta(days=20)
    created = start - datetime.timedelta(days=3)
    Systembrist.objects.filter(pk=report.pk).update(
        created_at=_at(created),
        submitted_at=_at(start) if spec.get("submitted") else None,
        closed_at=_at(spec["closed"]) if spec.get("closed") else None,
    )
    events = list(Event.objects.filter(systembrist=report).order_by("at", "pk"))
    for i, item in enumerate(events):
        if item.kind == EventKind.CREATED:
            when = _at(created)
        elif item.kind in (EventKind.CLOSED, EventKind.FORWARDED) and spec.get("closed"):
            when = _at(spec["closed"], 11 + i % 3)
        else:
            when = _at(start + datetime.timedelta(days=7 * (i - 1)), 9 + i % 5)
        when = min(when, timezone.now())
        Event.objects.filter(pk=item.pk).update(at=when)
        if item.kind == EventKind.ANSWERED:
            Answer.objects.filter(systembrist=report, author=item.by).update(answered_at=when)
    if due is not None:
        Systembrist.objects.filter(pk=report.pk).update(answer_due=due)
        Event.objects.filter(systembrist=report, kind=EventKind.SENT_FOR_ANSWER).update(
            reference=f"{due:%Y-%m-%d}"
        )


@transaction.atomic
def seed(world: DemoWorld) -> None:
    if Systembrist.objects.filter(verksamhet=world.verksamhet).exists():
        return
    # Every history row gets an author: the lead, unless a step names its own actor.
    with acting_as(world.users["lead_lars"]):
        _seed(world)


def _seed(world: DemoWorld) -> None:
    users, orgs = world.users, world.orgs
    lead = users["lead_lars"]
    members = {"fk": users["member_fk"], "af": users["member_af"], "kommun": users["member_kommun"]}
    made: dict[str, Systembrist] = {}
    for spec in REPORTS:
        reporter = users[spec["reporter"]]
        with acting_as(reporter):
            report = services.systembrist_create(
                verksamhet=world.verksamhet,
                by=reporter,
                title=spec["title"],
                description=spec["description"],
                level=spec["level"],
                organisations=[orgs[o] for o in spec["orgs"]],
                life_area=spec["life_area"],
                clients_affected=spec["n"],
                first_observed=spec["observed"],
                examples=spec["examples"],
                suggested_improvement=spec["suggested_improvement"],
            )
        made[spec["key"]] = report
        path = spec["path"]
        if path == "draft":
            continue
        report = services.systembrist_submit(report=report, by=reporter)
        if "support" in spec:
            key, n = spec["support"]
            services.systembrist_support(report=report, by=users[key], clients_affected=n)
        if path == "returned":
            services.systembrist_return(report=report, by=lead, comment=spec["comment"])
        elif path == "merged":
            services.systembrist_merge(report=report, into=made[spec["into"]], by=lead)
        elif path != "submitted":
            report = services.systembrist_accept(report=report, by=lead)
            if path in ("awaiting", "answered", "closed"):
                # Taken up at a meeting held before the system was in use.
                Systembrist.objects.filter(pk=report.pk).update(status=Status.ON_AGENDA)
                Event.objects.create(
                    systembrist=report,
                    by=lead,
                    kind=EventKind.ON_AGENDA,
                    reference=f"{spec['submitted'] + datetime.timedelta(days=21):%Y-%m-%d}",
                )
                report.refresh_from_db()
                report = services.systembrist_send_for_answer(
                    report=report, by=lead, answer_due=FAR
                )
                for org_key, (text, action, when) in spec.get("answers", {}).items():
                    services.systembrist_answer(
                        report=report,
                        by=members[org_key],
                        organisation=orgs[org_key],
                        text=text,
                        planned_action=action,
                        planned_by=when,
                    )
                if path == "closed":
                    report = services.systembrist_close(
                        report=report,
                        by=lead,
                        outcome=spec["outcome"],
                        conclusion=spec["conclusion"],
                    )
                    if "forward" in spec:
                        to, on = spec["forward"]
                        services.systembrist_forward(report=report, by=lead, to=to, forwarded_on=on)
    # Dates last, once every report (and every merge into it) is in place.
    for spec in REPORTS:
        due = None
        if spec["path"] in ("awaiting", "answered", "closed"):
            due = spec["submitted"] + datetime.timedelta(days=60)
            if spec["path"] == "awaiting" and not spec.get("overdue"):
                due = FAR
        _backdate(made[spec["key"]], spec, due)
