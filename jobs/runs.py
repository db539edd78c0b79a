"""Every attempt of a job recorded in the job log; the last failed attempt reported."""

from __future__ import annotations

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .digest import add, holders
from .models import JobRun, Result
from .registry import BY_NAME, max_attempts

ERROR_CHARS = 500


def run_job(name: str, *, attempt: int = 1) -> JobRun:
    """Run the job ``name`` now, recording the attempt; re-raises a failure (so that the
    queue retries it) after recording it, and reports it once no attempt is left."""
    job = BY_NAME[name]
    fresh_connection()
    run = JobRun.objects.create(job=name, attempt=attempt, result=Result.RUNNING)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            summary = job.run()
    except Exception as exc:
        fresh_connection()  # the failure may have been the connection itself
        final = attempt >= max_attempts()
        run.result = Result.FAILED if final else Result.RETRYING
        run.error = f"{exc.__class__.__name__}: {exc}"[:ERROR_CHARS]
        run.finished_at = timezone.now()
        run.save(update_fields=["result", "error", "finished_at"])
        if final:
            report_failure(run)
        raise
    run.result = Result.OK
    run.summary = summary
    run.finished_at = timezone.now()
    run.save(update_fields=["result", "summary", "finished_at"])
    return run


def fresh_connection() -> None:
    """The worker keeps its connection between jobs: one the database dropped overnight is
    replaced here instead of failing the job (a request does this at its start and end).
    Inside a transaction (a test, a caller's atomic block) the connection is left alone."""
    if not connection.in_atomic_block:
        close_old_connections()


def report_failure(run: JobRun) -> None:
    """A line in every administrator's next digest; the job log page shows the run."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "The scheduled job “%(job)s” failed on %(day)s after %(n)s attempt(s) and will not "
            "be tried again. See the page Scheduled jobs."
        ) % {
            "job": BY_NAME[run.job].label,
            "n": run.attempt,
            "day": f"{timezone.localtime(run.started_at):%Y-%m-%d %H:%M}",
        }
        for admin in holders("jobs.view"):
            add(recipient=admin, key=f"jobfailed:{run.pk}", text=str(text))
