"""The job log: what the scheduler did, and what failed (administrators)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from core.access import requires
from core.http import Request
from jobs.selectors import job_statuses, label_of, last_runs, recent_failures


@requires("jobs.view")
def job_log(request: Request) -> HttpResponse:
    runs = [(run, label_of(run)) for run in last_runs()]
    failures = [(run, label_of(run)) for run in recent_failures()]
    return render(
        request,
        "jobs/log.html",
        {"statuses": job_statuses(), "failures": failures, "runs": runs},
    )
