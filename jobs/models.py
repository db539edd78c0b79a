"""The job log and the daily digest.

``JobRun``: one row per attempt of a scheduled job, with what it did in Swedish (counts only,
never a client's name). ``DigestItem``: one line for one person, collected by the jobs during
the day; ``Digest``: the one e-mail a person gets on a day, holding that day's lines.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.constraints import UniqueOnField


class Result(models.TextChoices):
    RUNNING = "running", pgettext_lazy("job result", "Running")
    OK = "ok", pgettext_lazy("job result", "Done")
    RETRYING = "retrying", pgettext_lazy("job result", "Failed, will be retried")
    FAILED = "failed", pgettext_lazy("job result", "Failed")


class JobRun(models.Model):
    job = models.CharField(_("job"), max_length=40)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    summary = models.TextField(_("what it did"), blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["job", "-started_at"], name="jobs_run_job_started")]
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")

    def __str__(self) -> str:
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M} {self.result}"


class Digest(models.Model):
    """The one e-mail a person got on ``day``: the unique pair is the once-a-day rule."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            UniqueOnField(
                fields=["recipient", "day"],
                name="jobs_digest_once_a_day",
                field="day",
                violation_error_message=_("There is already a digest for this person and day."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.day}"


class DigestItem(models.Model):
    """A line waiting for (or sent in) a person's digest. ``key`` names what it is about
    (e.g. ``consent:12:7``, the 7-day reminder of consent 12), so that a job running twice
    does not tell the same thing twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=120)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    digest = models.ForeignKey(
        Digest, on_delete=models.CASCADE, null=True, blank=True, related_name="items"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            UniqueOnField(
                fields=["recipient", "key"],
                name="jobs_digest_item_once",
                field="key",
                violation_error_message=_("The item is already in the person's digest."),
            )
        ]

    def __str__(self) -> str:
        return self.key
