"""Systembrister: de-identified reports of recurring failures in the support system.

There is deliberately no link to any client record: the number of clients affected is a
number, and free text is checked for identifying content before it is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.choices import LifeArea
from core.concurrency import Versioned
from core.constraints import UniqueOnField

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class Level(models.TextChoices):
    HANDLAGGARE = "handlaggare", _("Case officer level")
    LOKAL = "lokal", _("Local level")
    CENTRAL = "central", _("Central level (regional or national rules)")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Sent back to the reporter")
    ACCEPTED = "accepted", _("Accepted for the steering group")
    ON_AGENDA = "on_agenda", _("On the steering group's agenda")
    AWAITING_ANSWER = "awaiting_answer", _("Awaiting answer")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    MERGED = "merged", _("Merged into another report")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    PARTLY = "partly", _("Partly resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved")
    NO_ACTION = "no_action", _("No action")


class Systembrist(Versioned):
    verksamhet = models.ForeignKey(
        "core.Verksamhet", on_delete=models.PROTECT, related_name="systembrister"
    )
    title = models.CharField(pgettext_lazy("systembrist report", "title"), max_length=200)
    description = models.TextField(_("description"))
    level = models.CharField(_("level"), max_length=15, choices=Level.choices)
    organisations = models.ManyToManyField(
        "core.Organisation",
        related_name="systembrister",
        verbose_name=_("responsible organisations"),
    )
    life_area = models.CharField(_("life area"), max_length=20, choices=LifeArea.choices)
    clients_affected = models.PositiveIntegerField(_("number of clients affected"), default=1)
    first_observed = models.DateField(_("first observed"))
    examples = models.TextField(_("examples, without identities"), blank=True)
    suggested_improvement = models.TextField(_("suggested improvement"), blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    answer_due = models.DateField(_("answer due"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices, blank=True)
    conclusion = models.TextField(_("the steering group's conclusion"), blank=True)
    forwarded_to = models.CharField(_("forwarded to"), max_length=200, blank=True)
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[organisations])
    if TYPE_CHECKING:
        # The ledningsgrupp's agenda items point here (an app above: no import of its model).
        agenda_items: RelatedManager[Any]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("systembrist")
        verbose_name_plural = _("systembrister")
        indexes = [models.Index(fields=["verksamhet", "status"], name="systembrist_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def meeting(self) -> Any:
        """The meeting whose agenda the report was last put on, or None.

        The ledningsgrupp's agenda items point at the report (``agenda_items``, the reverse
        relation): prefetch ``agenda_items__meeting`` where this is shown.
        """
        items = list(self.agenda_items.all())
        latest = max(items, key=lambda i: (i.meeting.date, i.pk), default=None)
        return latest.meeting if latest is not None else None


class Support(models.Model):
    """Another ombud who has seen the same failure: their count adds to the report's."""

    systembrist = models.ForeignKey(Systembrist, on_delete=models.CASCADE, related_name="supports")
    ombud = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    clients_affected = models.PositiveIntegerField(_("number of clients affected"), default=1)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            UniqueOnField(
                fields=["systembrist", "ombud"],
                name="support_once_per_ombud",
                field="ombud",
                violation_error_message=_("You already support this report."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.ombud} +{self.clients_affected}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    EDITED = "edited", _("Edited")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Sent back")
    ACCEPTED = "accepted", _("Accepted")
    MERGED = "merged", _("Merged")
    SUPPORTED = "supported", _("Supported by another ombud")
    ON_AGENDA = "on_agenda", _("Put on the agenda")
    SENT_FOR_ANSWER = "sent_for_answer", _("Sent for answer")
    ANSWERED = "answered", _("Answered")
    DECISION = "decision", _("Steering group decision")
    CLOSED = "closed", _("Closed")
    FORWARDED = "forwarded", _("Forwarded")
    REMINDED = "reminded", _("Reminder sent")
    COMMENT = "comment", _("Comment")


class Event(models.Model):
    """One step on the report's timeline (every transition writes one)."""

    systembrist = models.ForeignKey(Systembrist, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    comment = models.TextField(blank=True)
    reference = models.CharField(max_length=100, blank=True, help_text="e.g. § 12/2026")
    history = HistoricalRecords()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.get_kind_display()}"


class Answer(Versioned):
    """A responsible organisation's answer, written by one of its ledningsgrupp members."""

    systembrist = models.ForeignKey(Systembrist, on_delete=models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("answer"))
    planned_action = models.TextField(_("planned action"), blank=True)
    planned_by = models.DateField(_("planned by (date)"), null=True, blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["answered_at"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            UniqueOnField(
                fields=["systembrist", "organisation"],
                name="answer_once_per_org",
                field="organisation",
                violation_error_message=_("The organisation has already answered this report."),
            )
        ]
