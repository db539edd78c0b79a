"""The scheduled jobs as procrastinate periodic tasks (found by procrastinate's autodiscovery
of ``tasks`` modules). The worker, ``manage.py procrastinate worker``, defers each at its
cron time and runs it; ``make run`` and the compose file's ``scheduler`` service start it."""

from __future__ import annotations

from typing import Any

from procrastinate import JobContext
from procrastinate.contrib.django import app

from .registry import JOBS, Job, RetryFromSettings
from .runs import fresh_connection, run_job


def _as_task(job: Job) -> Any:
    @app.periodic(cron=job.cron, periodic_id=job.name)
    @app.task(name=f"jobs.{job.name}", retry=RetryFromSettings(), pass_context=True, lock=job.name)
    def task(context: JobContext, timestamp: int) -> None:
        attempts = context.job.attempts if context.job else 0
        try:
            run_job(job.name, attempt=attempts + 1)
        finally:
            fresh_connection()  # closed now unless CONN_MAX_AGE keeps it

    return task


TASKS = {job.name: _as_task(job) for job in JOBS}
