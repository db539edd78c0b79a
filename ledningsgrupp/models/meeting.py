"""Meetings with their agenda, attendance and action items."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(Versioned):
    ledningsgrupp = models.ForeignKey(
        "ledningsgrupp.Ledningsgrupp", on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link for digital participation"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    invitation_sent_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["ledningsgrupp", "date"], name="meeting_group_date")]

    def __str__(self) -> str:
        return f"{self.ledningsgrupp} {self.date:%Y-%m-%d}"


class AgendaItemKind(models.TextChoices):
    STANDING = "standing", _("Standing item")
    SYSTEMBRIST = "systembrist", _("Systembrist")
    ACTION_ITEM = "action_item", _("Action item from an earlier meeting")
    FREE = "free", _("Other item")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(
        max_length=15, choices=AgendaItemKind.choices, default=AgendaItemKind.FREE
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    systembrist = models.ForeignKey(
        "systembrister.Systembrist",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    action_item = models.ForeignKey(
        "ledningsgrupp.ActionItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    SUBSTITUTE = "substitute", _("Substitute attended")


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    representative = models.ForeignKey(
        "ledningsgrupp.Representative", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("attendance"), max_length=12, choices=AttendanceStatus.choices)
    substitute_name = models.CharField(_("substitute"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "representative"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.representative}: {self.get_status_display()}"


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ActionItem(Versioned):
    ledningsgrupp = models.ForeignKey(
        "ledningsgrupp.Ledningsgrupp", on_delete=models.CASCADE, related_name="action_items"
    )
    paragraph = models.ForeignKey(
        "ledningsgrupp.Paragraph",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner_organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    owner_representative = models.ForeignKey(
        "ledningsgrupp.Representative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionItemStatus.choices, default=ActionItemStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return self.title
