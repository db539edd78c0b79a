"""Contacts and activities: struck with a reason, never deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned


class ContactType(models.TextChoices):
    HEMBESOK = "hembesok", _("Home visit")
    KONTORET = "kontoret", _("Visit at the office")
    TELEFON = "telefon", _("Phone")
    DIGITALT = "digitalt", _("Digital meeting")
    FOLJER_MED = "foljer_med", _("Accompanies to an authority")
    MYNDIGHET_UTAN_KLIENT = (
        "myndighet_utan_klient",
        _("Meeting with an authority without the client"),
    )
    BREV = "brev", _("Letter or e-mail")
    ANNAT = "annat", _("Other")


class ContactKind(models.TextChoices):
    """A contact about the client needs the client's consent for each organisation; an
    avidentifierad contact (a general question, the client never named) needs none, so its
    note may not identify anyone and it is counted apart."""

    ABOUT_CLIENT = "klient", _("Contact about the client")
    AVIDENTIFIERAD = "avidentifierad", _("Anonymised contact — the client was not named")


class Contact(Versioned):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=ContactType.choices)
    organisations = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="+", verbose_name=_("organisations involved")
    )
    kind = models.CharField(
        _("kind of contact"),
        max_length=20,
        choices=ContactKind.choices,
        default=ContactKind.ABOUT_CLIENT,
        help_text=_(
            "Anonymised: a general question to an authority where the client was not named and "
            "nothing identified them. It needs no consent; its note may not identify anyone."
        ),
    )
    note = models.TextField(_("short note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    struck_at = models.DateTimeField(_("struck"), null=True, blank=True)
    struck_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    struck_reason = models.CharField(_("reason for striking"), max_length=300, blank=True)
    history = HistoricalRecords(m2m_fields=[organisations])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["client", "-date"], name="contact_client_date")]

    def __str__(self) -> str:
        return f"{self.date} {self.get_type_display()}"
