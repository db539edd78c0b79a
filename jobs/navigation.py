"""The job log's menu link and, for administrators, a dashboard card when a job failed."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import ANONYMOUS, Actor
from core.http import Request
from core.registry import DashboardSection, dashboard, nav

nav(_("Scheduled jobs"), "jobs:log", "jobs.view", order=92, match_prefix="/jobb/")

CARD_DAYS = 7


@dashboard
def failed_jobs_section(request: Request) -> list[DashboardSection]:
    from jobs.models import JobRun, Result

    actor: Actor = getattr(request, "actor", ANONYMOUS)
    if not actor.holds("jobs.view"):
        return []
    since = timezone.now() - datetime.timedelta(days=CARD_DAYS)
    failed = JobRun.objects.filter(result=Result.FAILED, started_at__gte=since).count()
    if not failed:
        return []
    return [
        DashboardSection(
            _("Scheduled jobs"), "jobs/_dashboard_failed.html", {"failed": failed}, order=95
        )
    ]
