"""The application and the redovisning: drafted from live data, frozen when submitted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.constraints import UniqueOnField


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class ReportForm(models.Model):
    """The länsstyrelse's question list for a redovisning, as data (versioned per year)."""

    # The verksamhet's own list (its grant officer keeps it); none: the built-in default.
    verksamhet = models.ForeignKey(
        "core.Verksamhet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_forms",
    )
    name = models.CharField(_("name"), max_length=200)
    valid_from_year = models.PositiveSmallIntegerField(_("used from year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    questions = models.JSONField(
        _("questions"),
        default=list,
        help_text=_("List of {key, label, kind}; kind is a figure key or 'text'."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from_year", "-version"]
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")
        constraints = [
            UniqueOnField(
                fields=["valid_from_year", "version"],
                condition=models.Q(verksamhet__isnull=True),
                name="reportform_version_unique",
                field="version",
                violation_error_message=_("This version of the form already exists."),
            ),
            UniqueOnField(
                fields=["verksamhet", "valid_from_year", "version"],
                name="reportform_verksamhet_version_unique",
                field="version",
                violation_error_message=_("This version of the form already exists."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from_year} v{self.version})"


class Application(Versioned):
    grant_year = models.OneToOneField(
        "statsbidrag.GrantYear", on_delete=models.PROTECT, related_name="application"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    answers = models.JSONField(_("free-text answers"), default=dict, blank=True)
    snapshot = models.JSONField(_("frozen content"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The submitted PDF, stored in the database with its SHA-256 (core.documents).
    document = models.OneToOneField(
        "core.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")


class Redovisning(Versioned):
    grant_year = models.OneToOneField(
        "statsbidrag.GrantYear", on_delete=models.PROTECT, related_name="redovisning"
    )
    form = models.ForeignKey(
        ReportForm, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    answers = models.JSONField(_("free-text answers"), default=dict, blank=True)
    snapshot = models.JSONField(_("frozen content"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The submitted PDF, stored in the database with its SHA-256 (core.documents).
    document = models.OneToOneField(
        "core.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("redovisning")
        verbose_name_plural = _("redovisningar")
