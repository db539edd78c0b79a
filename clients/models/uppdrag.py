"""Uppdrag: the client relationship, its periods, and who is the responsible ombud when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned


class UppdragStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting list")
    CONTACT_BUILDING = "contact_building", _("Building contact")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class EndReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Goals met")
    CLIENT_ENDED = "client_ended", _("The client ended it")
    MOVED = "moved", _("Moved")
    LOST_CONTACT = "lost_contact", _("Lost contact")
    DECEASED = "deceased", _("Deceased")
    OTHER = "other", _("Other")


class Boende(models.TextChoices):
    EGEN = "egen", _("Own home (first-hand contract or owned)")
    ANDRAHAND = "andrahand", _("Sublet or social contract")
    STOD = "stod", _("Supported housing")
    INSTITUTION = "institution", _("Institution or care home")
    HEMLOS = "hemlos", _("Homeless or emergency housing")
    ANNAT = "annat", _("Other")
    OKANT = "okant", _("Unknown")


class Sysselsattning(models.TextChoices):
    ARBETE = "arbete", _("Work")
    STUDIER = "studier", _("Studies")
    ARBETSMARKNAD = "arbetsmarknad", _("Labour-market programme")
    DAGLIG = "daglig", _("Daily activity (sysselsättning)")
    INGEN = "ingen", pgettext_lazy("occupation", "None")
    OKAND = "okand", _("Unknown")


class Forsorjning(models.TextChoices):
    LON = "lon", _("Salary")
    SJUKERSATTNING = "sjukersattning", _("Sickness or activity compensation")
    SJUKPENNING = "sjukpenning", _("Sickness benefit")
    A_KASSA = "a_kassa", _("Unemployment benefit or activity support")
    BISTAND = "bistand", _("Financial assistance (ekonomiskt bistånd)")
    PENSION = "pension", _("Pension")
    STUDIEMEDEL = "studiemedel", _("Student finance")
    INGEN = "ingen", _("No income")
    OKAND = "okand", _("Unknown")


class Uppdrag(Versioned):
    """One period of work with a client. Reopening creates a new Uppdrag."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="uppdrag")
    status = models.CharField(
        _("status"), max_length=20, choices=UppdragStatus.choices, default=UppdragStatus.WAITING
    )
    waiting_since = models.DateField(_("on waiting list since"), null=True, blank=True)
    contact_started = models.DateField(_("contact-building started"), null=True, blank=True)
    started = models.DateField(_("uppdrag started"), null=True, blank=True)
    ended = models.DateField(_("uppdrag ended"), null=True, blank=True)
    # The ombud stopped and nobody took over: the uppdrag waits for an ombud again without
    # ending (``uppdrag_return_to_waiting_list``). ``waiting_since`` keeps the first day on
    # the list; these two are the latest return and the day an ombud took the client again.
    waiting_again_since = models.DateField(
        _("back on the waiting list since"), null=True, blank=True
    )
    taken_again = models.DateField(_("taken on again"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason for ending"), max_length=20, choices=EndReason.choices, blank=True
    )
    end_reason_other = models.CharField(_("other reason"), max_length=200, blank=True)
    referred_by = models.CharField(_("how the client came to us"), max_length=200, blank=True)
    boende_start = models.CharField(
        _("housing at start"), max_length=20, choices=Boende.choices, blank=True
    )
    sysselsattning_start = models.CharField(
        _("occupation at start"), max_length=20, choices=Sysselsattning.choices, blank=True
    )
    forsorjning_start = models.CharField(
        _("income at start"), max_length=20, choices=Forsorjning.choices, blank=True
    )
    boende_end = models.CharField(
        _("housing at end"), max_length=20, choices=Boende.choices, blank=True
    )
    sysselsattning_end = models.CharField(
        _("occupation at end"), max_length=20, choices=Sysselsattning.choices, blank=True
    )
    forsorjning_end = models.CharField(
        _("income at end"), max_length=20, choices=Forsorjning.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-waiting_since", "-pk"]
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        indexes = [
            models.Index(fields=["status"], name="uppdrag_status"),
            # The waiting list: the country's waiting uppdrag are a few thousand of a few
            # hundred thousand, read from the index alone (client and id).
            models.Index(
                fields=["client"],
                include=["id"],
                condition=models.Q(status=UppdragStatus.WAITING),
                name="uppdrag_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client} ({self.get_status_display()})"


class Assignment(models.Model):
    """The responsible ombud for an uppdrag from one date to another. Handovers close one and open the next."""

    uppdrag = models.ForeignKey(Uppdrag, on_delete=models.CASCADE, related_name="assignments")
    ombud = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("ombud"),
    )
    start = models.DateField(_("from"))
    end = models.DateField(
        _("until"), null=True, blank=True, help_text=_("The ombud has no access from this date.")
    )
    reason = models.CharField(_("reason for handover"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [models.Index(fields=["ombud", "end"], name="assignment_ombud_end")]

    def __str__(self) -> str:
        return f"{self.ombud} {self.start}–{self.end or ''}"
