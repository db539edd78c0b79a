"""One import: the uploaded file between preview and confirm, then what it did."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class ImportKind(models.TextChoices):
    KLIENTER = "klienter", _("Clients")
    KONTAKTER = "kontakter", _("Contacts")
    # Named like its sheet ("Anställningar"); statsbidrag's page is "Anställningsperioder".
    ANSTALLNINGAR = "anstallningar", pgettext_lazy("import kind", "Employment periods")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Previewed, not imported")
    IMPORTED = "imported", _("Imported")


class ImportRun(models.Model):
    verksamhet = models.ForeignKey(
        "core.Verksamhet",
        on_delete=models.PROTECT,
        related_name="import_runs",
        verbose_name=_("PO service"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=ImportKind.choices)
    file_name = models.CharField(_("file"), max_length=200)
    # The uploaded bytes, kept in the database (never on disk) from preview to confirm and
    # emptied once imported: the file holds client data the records now hold.
    content = models.BinaryField(_("content"), editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(pgettext_lazy("import count", "created"), default=0)
    already = models.PositiveIntegerField(_("already imported"), default=0)
    refused = models.PositiveIntegerField(_("refused"), default=0)
    # The refused rows ({row, column, reason}) and a sample of what is created, as shown.
    report = models.JSONField(_("report"), default=dict, blank=True)
    history = HistoricalRecords(excluded_fields=["content", "report"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["verksamhet", "-created_at"], name="importrun_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name}"
