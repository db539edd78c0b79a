"""Needs in the client's own words, the action plan with goals and steps, and tasks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.choices import LifeArea
from core.concurrency import Versioned


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ADDRESSED = "addressed", _("Being addressed")
    MET = "met", _("Met")
    NOT_RELEVANT = "not_relevant", _("No longer relevant")


class Need(Versioned):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="needs")
    life_area = models.CharField(_("life area"), max_length=20, choices=LifeArea.choices)
    description = models.TextField(_("the need, in the client's own words"))
    priority = models.PositiveSmallIntegerField(
        _("the client's priority"), default=3, help_text=_("1 = most important")
    )
    status = models.CharField(
        _("status"), max_length=15, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "pk"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return f"{self.get_life_area_display()}: {self.description[:60]}"


class SipStatus(models.TextChoices):
    NONE = "none", _("Not requested")
    REQUESTED = "requested", _("Requested")
    HELD = "held", _("Held")


class ActionPlan(Versioned):
    client = models.OneToOneField("clients.Client", on_delete=models.CASCADE, related_name="plan")
    follow_up = models.DateField(_("follow-up date"), null=True, blank=True)
    sip_status = models.CharField(
        _("SIP"), max_length=10, choices=SipStatus.choices, default=SipStatus.NONE
    )
    sip_date = models.DateField(_("SIP date"), null=True, blank=True)
    sip_with = models.CharField(_("SIP with"), max_length=300, blank=True)
    agreement_text = models.TextField(
        _("agreement between client and ombud"),
        blank=True,
        help_text=_("What we agree on, in plain words."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return f"{self.client}"


class Goal(Versioned):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    description = models.TextField(_("goal, in the client's own words"))
    needs = models.ManyToManyField(Need, blank=True, related_name="goals", verbose_name=_("needs"))
    achieved = models.BooleanField(_("achieved"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[needs])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.description[:80]


class StepStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not carried out")


class Step(Versioned):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    description = models.TextField(_("step"))
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible organisation"),
    )
    responsible_text = models.CharField(_("or who is responsible"), max_length=200, blank=True)
    due = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=StepStatus.choices, default=StepStatus.PLANNED
    )
    outcome = models.TextField(pgettext_lazy("plan step", "outcome"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.description[:80]


class Task(Versioned):
    """A manual reminder; most reminders are computed from dates instead."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tasks"
    )
    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, null=True, blank=True, related_name="tasks"
    )
    title = models.CharField(_("task"), max_length=200)
    due = models.DateField(_("due date"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.title
