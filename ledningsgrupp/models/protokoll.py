"""Protokoll: numbered paragraphs (§, continuous per calendar year), justering and lock."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.constraints import UniqueOnField


class Protokoll(Versioned):
    meeting = models.OneToOneField(
        "ledningsgrupp.Meeting", on_delete=models.PROTECT, related_name="protokoll"
    )
    chair = models.ForeignKey(
        "ledningsgrupp.Representative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chair"),
    )
    secretary = models.ForeignKey(
        "ledningsgrupp.Representative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("secretary"),
    )
    # The samordnare may keep the minutes: a member of staff, not a representative.
    secretary_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("secretary (staff)"),
    )
    justerare = models.ForeignKey(
        "ledningsgrupp.Representative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adjuster (justerare)"),
    )
    locked_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    # The justerat PDF, stored in the database with its SHA-256 (core.documents).
    document = models.OneToOneField(
        "core.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sha256 = models.CharField(
        _("SHA-256 of the content"), max_length=64, blank=True
    )  # printed in the PDF's footer
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF file"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("protokoll")
        verbose_name_plural = _("protokoll")

    def __str__(self) -> str:
        return f"{self.meeting}"

    @property
    def secretary_name(self) -> str:
        if self.secretary_user_id:
            return str(self.secretary_user)
        return self.secretary.display_name if self.secretary is not None else ""


class Paragraph(Versioned):
    protokoll = models.ForeignKey(Protokoll, on_delete=models.PROTECT, related_name="paragraphs")
    ledningsgrupp = models.ForeignKey(
        "ledningsgrupp.Ledningsgrupp", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    discussion = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    systembrister = models.ManyToManyField(
        "systembrister.Systembrist",
        blank=True,
        related_name="paragraphs",
        verbose_name=_("systembrister concerned"),
    )
    history = HistoricalRecords(m2m_fields=[systembrister])

    class Meta:
        ordering = ["year", "number"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            UniqueOnField(
                fields=["ledningsgrupp", "year", "number"],
                name="paragraph_number_unique_per_year",
                field="number",
                violation_error_message=_("This paragraph number is already used that year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        """How the paragraph is cited: § 4/2025."""
        return f"§ {self.number}/{self.year}"


class Signature(models.Model):
    class Kind(models.TextChoices):
        CHAIR = "chair", _("Chair")
        JUSTERARE = "justerare", _("Adjuster")

    protokoll = models.ForeignKey(Protokoll, on_delete=models.PROTECT, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    signed_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            UniqueOnField(
                fields=["protokoll", "kind"],
                name="signature_once_per_kind",
                field="kind",
                violation_error_message=_("The protokoll is already signed in this role."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"


class RefusedEdit(models.Model):
    """An attempt to change a justerat (locked) protokoll, refused and kept for the record."""

    protokoll = models.ForeignKey(Protokoll, on_delete=models.PROTECT, related_name="refused_edits")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("attempted by"),
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    attempted = models.CharField(_("attempted change"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("refused change of a justerat protokoll")
        verbose_name_plural = _("refused changes of justerade protokoll")

    def __str__(self) -> str:
        return f"{self.attempted} ({self.by})"
