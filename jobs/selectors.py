"""What the job log page shows: each job's last run, recent failures, the last runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from .models import JobRun, Result
from .registry import BY_NAME, JOBS, Job

FAILED = (Result.FAILED, Result.RETRYING)
FAILURE_DAYS = 30


@dataclass
class JobStatus:
    job: Job
    last: JobRun | None


def job_statuses() -> list[JobStatus]:
    last = {r.job: r for r in JobRun.objects.order_by("job", "-started_at", "-pk").distinct("job")}
    return [JobStatus(job, last.get(job.name)) for job in JOBS]


def recent_failures(days: int = FAILURE_DAYS, limit: int = 20) -> list[JobRun]:
    since = timezone.now() - datetime.timedelta(days=days)
    return list(JobRun.objects.filter(result__in=FAILED, started_at__gte=since)[:limit])


def last_runs(limit: int = 50) -> list[JobRun]:
    return list(JobRun.objects.all()[:limit])


def label_of(run: JobRun) -> Any:
    job = BY_NAME.get(run.job)
    return job.label if job else run.job
