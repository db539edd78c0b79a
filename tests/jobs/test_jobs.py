"""The scheduled jobs: each one's run in the job log, the digest once per person per day,
no client data in any e-mail, a failing job retried and then reported."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jobs import digest, registry
from jobs.models import Digest, DigestItem, JobRun, Result
from jobs.runs import run_job
from systembrister.models import EventKind
from tests.jobs.conftest import KIM

JOB_NAMES = [job.name for job in registry.JOBS]


def run_all() -> dict[str, JobRun]:
    return {name: run_job(name) for name in JOB_NAMES}


def test_every_job_runs_and_the_log_page_shows_it(world, story, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.BACKUP_DIR = str(tmp_path)
    runs = run_all()
    assert {name: run.result for name, run in runs.items()} == dict.fromkeys(JOB_NAMES, Result.OK)
    assert JobRun.objects.filter(result=Result.OK).count() == len(JOB_NAMES)
    assert all(run.finished_at and run.finished_at >= run.started_at for run in runs.values())
    # What each did, in Swedish, in the log.
    assert runs["systembrister"].summary == "Påminnelser: 1; systembrister med försenat svar: 1."
    assert runs["consents"].summary.endswith("snart upphör: 2.")
    assert runs["loggkontroll"].summary.endswith("loggkontrollen: 1.")
    assert "klientakter att gallra: 1," in runs["gallring"].summary
    assert re.search(r"Säkerhetskopian ombud-\d{4}-\d\d-\d\d\.dump skrevs", runs["backup"].summary)
    assert list(tmp_path.glob("ombud-*.dump"))
    assert runs["digest"].summary.startswith("Skickade e-postmeddelanden: 5 (rader: 7)")

    c = Client()
    c.force_login(world.admin_agnes)
    page = c.get(reverse("jobs:log")).content.decode()
    for job in registry.JOBS:
        assert str(job.label) in page
    assert page.count("Klart") >= len(JOB_NAMES)
    assert "Säkerhetskopian" in page


def test_reminders_reach_the_right_people_in_one_digest_each(world, story) -> None:  # type: ignore[no-untyped-def]
    run_all()
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {
        (world.member_fk.email,),  # the silent organisation
        (world.ombud_anna.email,),  # Kim's ombud: the consent and the fullmakt
        (world.lead_lars.email,),  # loggkontroll and gallring
        (world.admin_agnes.email,),  # gallring
        (world.outsider_olle.email,),  # gallring in the other verksamhet: nothing due
    }
    anna = by_recipient[(world.ombud_anna.email,)]
    assert anna.subject == "Ombud: 2 saker att titta på"
    assert "Ett samtycke för Försäkringskassan upphör" in anna.body
    assert "En fullmakt för Försäkringskassan upphör" in anna.body
    assert "http://testserver/" in anna.body or reverse("dashboard") in anna.body
    fatima = by_recipient[(world.member_fk.email,)].body
    assert "1 systembrist väntar på svar från Försäkringskassan" in fatima
    assert story["report"].events.filter(kind=EventKind.REMINDED).count() == 1
    lars = by_recipient[(world.lead_lars.email,)].body
    assert re.search(r"\d månader? av loggkontrollen är inte signerade?", lars)
    assert "klientakter som passerat gallringsregeln: 1," in lars


def test_no_client_name_or_personnummer_in_any_email(world, story) -> None:  # type: ignore[no-untyped-def]
    run_all()
    assert mail.outbox
    forbidden = [KIM["alias"], KIM["first_name"], KIM["last_name"], "Andersson", "Gammal"]
    pnr = re.compile(r"\d{6}[-+]?\d{4}")
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        for word in forbidden:
            assert word not in text, (word, text)
        assert not pnr.search(text.replace(" ", "")), text
        assert story["report"].title not in text  # free text of a systembrist stays inside


def test_one_digest_per_person_per_day(world, story) -> None:  # type: ignore[no-untyped-def]
    run_all()
    first = len(mail.outbox)
    # A second run the same day: nothing new is said, nothing is sent.
    run_all()
    assert len(mail.outbox) == first
    # Something new the same day waits for tomorrow's digest.
    digest.add(recipient=world.ombud_anna, key="test:later", text="Något nytt.")
    run_job("digest")
    assert len(mail.outbox) == first
    assert DigestItem.objects.get(key="test:later").digest is None
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert digest.send_digests(today=tomorrow) == {"sent": 1, "lines": 1, "later": 0}
    assert mail.outbox[-1].to == [world.ombud_anna.email]
    assert Digest.objects.filter(recipient=world.ombud_anna).count() == 2


def test_expiry_reminded_at_30_and_again_at_7_days(world, story) -> None:  # type: ignore[no-untyped-def]
    from clients.models import Consent

    run_job("consents")
    keys = set(DigestItem.objects.filter(recipient=world.ombud_anna).values_list("key", flat=True))
    consent = Consent.objects.get(client=story["kim"])
    assert f"consent:{consent.pk}:30" in keys
    # Two weeks later the same consent has 6 days left: told once more.
    later = timezone.localdate() + datetime.timedelta(days=14)
    from jobs.reminders import expiring_consents

    expiring_consents(today=later)
    expiring_consents(today=later)
    assert DigestItem.objects.filter(key=f"consent:{consent.pk}:7").count() == 1


def test_backup_skipped_without_backup_dir(db, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BACKUP_DIR = ""
    run = run_job("backup")
    assert run.result == Result.OK
    assert "BACKUP_DIR" in run.summary


def test_failed_attempt_recorded_and_reported_when_none_left(world, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    settings.JOBS_MAX_ATTEMPTS = 2

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr("jobs.maintenance.backup", broken)
    settings.BACKUP_DIR = "/nonexistent-ombud-test"
    with pytest.raises(OSError):
        run_job("backup", attempt=1)
    assert not DigestItem.objects.exists()  # a retry is coming: nobody told yet
    with pytest.raises(OSError):
        run_job("backup", attempt=2)
    assert list(JobRun.objects.order_by("pk").values_list("attempt", "result")) == [
        (1, Result.RETRYING),
        (2, Result.FAILED),
    ]
    item = DigestItem.objects.get()
    assert item.recipient == world.admin_agnes
    assert "Nattlig säkerhetskopiering" in item.text
    c = Client()
    c.force_login(world.admin_agnes)
    page = c.get(reverse("jobs:log")).content.decode()
    assert "OSError: disk full" in page
    assert "Misslyckades" in page
    dashboard = c.get(reverse("dashboard")).content.decode()
    assert "1 schemalagt jobb misslyckades" in dashboard
