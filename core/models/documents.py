"""Stored documents: the bytes of a frozen PDF in the database, with their SHA-256.

A justerat protokoll and a submitted application or redovisning are allmänna handlingar. Their
bytes live here, not on a disk beside the database, so that ``backup_db`` holds them and a
restore brings them back with the rows that point at them. Written once, in the transaction
that freezes the record; never changed (the app role may only INSERT and SELECT, like the
access log). Reading goes through ``core.documents.read_document``, which checks the hash.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    class Kind(models.TextChoices):
        PROTOKOLL = "protokoll", _("Protokoll")
        APPLICATION = "application", _("Application")
        REDOVISNING = "redovisning", _("Redovisning")

    verksamhet = models.ForeignKey(
        "core.Verksamhet", on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    # The date the document is about (meeting date, submission day): the e-arkiv's date.
    date = models.DateField(_("date"))
    diarienummer = models.CharField(
        _("registration number (diarienummer)"), max_length=50, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content = models.BinaryField()
    created_at = models.DateTimeField(_("stored"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("stored document")
        verbose_name_plural = _("stored documents")
        indexes = [models.Index(fields=["verksamhet", "date"], name="document_verksamhet_date")]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.title} ({self.file_name})"
