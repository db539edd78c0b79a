"""The procrastinate worker itself (in-memory queue): it runs every periodic task, records
each attempt, retries a failure and reports it once no attempt is left."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from procrastinate import testing
from procrastinate.contrib.django import app

from core.models import Role
from jobs.models import DigestItem, JobRun, Result
from jobs.registry import JOBS
from jobs.tasks import TASKS
from tests.core.factories import VerksamhetFactory, user_with_role


# The worker runs sync tasks in threads of its own, on connections of their own: what they
# must see is committed. serialized_rollback: the reference data are back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_runs_every_job_and_retries_then_reports_a_failure(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = user_with_role(VerksamhetFactory(), Role.ADMIN, email="admin@example.se")
    settings.JOBS_MAX_ATTEMPTS = 2
    settings.JOBS_RETRY_SECONDS = 0
    settings.BACKUP_DIR = "/nonexistent-ombud-test"

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr("jobs.maintenance.backup", disk_full)
    connector = testing.InMemoryConnector()

    def work() -> None:
        with app.replace_connector(connector):
            for job in JOBS:
                TASKS[job.name].defer(timestamp=0)
            app.run_worker(wait=False, install_signal_handlers=False, listen_notify=False)
        connections.close_all()

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in
    # the main thread for the session, and procrastinate's sync API refuses to run inside one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(work).result()

    runs = list(JobRun.objects.order_by("pk").values_list("job", "attempt", "result"))
    ok = {(job.name, 1, Result.OK) for job in JOBS if job.name != "backup"}
    assert ok <= set(runs)
    assert [r for r in runs if r[0] == "backup"] == [
        ("backup", 1, Result.RETRYING),
        ("backup", 2, Result.FAILED),
    ]
    assert len(runs) == len(JOBS) + 1
    states = sorted(job["status"] for job in connector.jobs.values())
    assert states == ["failed"] + ["succeeded"] * (len(JOBS) - 1)
    report = DigestItem.objects.get(recipient=admin, key__startswith="jobfailed:")
    assert "Nattlig säkerhetskopiering" in report.text
    assert "efter 2 försök" in report.text
