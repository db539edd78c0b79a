"""The scheduled jobs: what each does, when it runs (cron, UTC) and how it is retried.

jobs/tasks.py makes each one a procrastinate periodic task; the job log page lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from procrastinate import BaseRetryStrategy, RetryDecision
from procrastinate.jobs import Job as QueuedJob

from . import digest, maintenance, reminders


@dataclass(frozen=True)
class Job:
    name: str
    label: Any
    schedule: Any  # when, in words (the cron is UTC: Swedish time is one or two hours later)
    cron: str
    run: Callable[[], str]  # returns what it did, in Swedish


JOBS: list[Job] = [
    Job(
        "backup",
        _("Nightly backup"),
        _("Every night at 01:00 UTC, where BACKUP_DIR is set"),
        "0 1 * * *",
        maintenance.nightly_backup,
    ),
    Job(
        "systembrister",
        _("Overdue systembrist answers"),
        _("Every day at 04:00 UTC"),
        "0 4 * * *",
        reminders.systembrister_overdue,
    ),
    Job(
        "consents",
        _("Consents and fullmakter that end soon"),
        _("Every day at 04:05 UTC"),
        "5 4 * * *",
        reminders.expiring_consents,
    ),
    Job(
        "loggkontroll",
        _("Unsigned loggkontroll months"),
        _("Every day at 04:10 UTC"),
        "10 4 * * *",
        reminders.loggkontroll_unsigned,
    ),
    Job(
        "gallring",
        _("Gallring report (dry run)"),
        _("On the first of every month at 04:15 UTC"),
        "15 4 1 * *",
        maintenance.gallring_report,
    ),
    Job(
        "digest",
        _("Daily e-mail digest"),
        _("Every day at 05:00 UTC"),
        "0 5 * * *",
        digest.daily_digest,
    ),
]
BY_NAME = {job.name: job for job in JOBS}


def max_attempts() -> int:
    return max(1, settings.JOBS_MAX_ATTEMPTS)


class RetryFromSettings(BaseRetryStrategy):
    """JOBS_MAX_ATTEMPTS attempts in all, JOBS_RETRY_SECONDS apart (read when a job fails)."""

    def get_retry_decision(
        self, *, exception: BaseException, job: QueuedJob
    ) -> RetryDecision | None:
        if job.attempts + 1 >= max_attempts():
            return None
        return RetryDecision(retry_in={"seconds": settings.JOBS_RETRY_SECONDS})
