"""Meetings with their agenda, attendance and action items."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.constraints import CheckOnField, UniqueOnField


class MeetingStatus(models.TextChoices):
    # A möte is neuter ("Planerat", "Genomfört"); the clients' plan steps and SIP are not.
    PLANNED = "planned", pgettext_lazy("meeting", "Planned")
    HELD = "held", pgettext_lazy("meeting", "Held")
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

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime:
        """The stated end; a meeting without one has taken place once it has started."""
        end = self.end_time or self.start_time
        return timezone.make_aware(datetime.datetime.combine(self.date, end))

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        """The protokoll may be written from the meeting's start."""
        return (now or timezone.now()) >= self.starts_at

    def has_taken_place(self, now: datetime.datetime | None = None) -> bool:
        """Attendance, justering and the lock wait until the meeting has ended."""
        return (now or timezone.now()) >= self.ends_at

    @property
    def held_without_invitation(self) -> bool:
        return self.invitation_sent_at is None and self.status == MeetingStatus.HELD


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
            UniqueOnField(
                fields=["meeting", "representative"],
                name="attendance_once",
                field="representative",
                violation_error_message=_("The representative's attendance is already recorded."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.representative}: {self.get_status_display()}"


class OtherAttendee(models.Model):
    """Someone present who does not represent a member organisation: the samordnare, an ombud,
    an invited guest. Staff are linked to their login; a guest is a name."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="others_present")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    capacity = models.CharField(_("role or organisation"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("other person present")
        verbose_name_plural = _("others present")
        constraints = [
            CheckOnField(
                condition=models.Q(user__isnull=False) | ~models.Q(name=""),
                name="other_attendee_named",
                field="name",
                violation_error_message=_("Write the name of the person present."),
            ),
            UniqueOnField(
                fields=["meeting", "user"],
                name="other_attendee_once",
                field="user",
                condition=models.Q(user__isnull=False),
                violation_error_message=_("The person is already recorded as present."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return str(self.user) if self.user_id else self.name


class ActionItemStatus(models.TextChoices):
    # "Open" alone is the clients' "Öppet" (a need); an åtgärd is "Öppen"
    OPEN = "open", pgettext_lazy("action item", "Open")
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
    title = models.CharField(pgettext_lazy("action item", "action"), max_length=200)
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
