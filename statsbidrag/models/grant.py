"""Employment periods (the base of årsanställningar) and the grant year with its money."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.constraints import CheckOnField, UniqueOnField


class EmploymentPeriod(Versioned):
    """An ombud's employment at a tjänstgöringsgrad from one date to another (inclusive)."""

    verksamhet = models.ForeignKey(
        "core.Verksamhet", on_delete=models.PROTECT, related_name="employment_periods"
    )
    ombud = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employment_periods",
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("If the ombud has no login.")
    )
    start = models.DateField(_("from"))
    end = models.DateField(pgettext_lazy("inclusive end", "until"), null=True, blank=True)
    percent = models.DecimalField(_("percentage of full time"), max_digits=5, decimal_places=2)
    employer_kommun = models.ForeignKey(
        "core.Kommun",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employing municipality"),
    )
    employer_name = models.CharField(_("employer (if contracted out)"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start"]
        verbose_name = _("employment period")
        verbose_name_plural = _("employment periods")
        constraints = [
            CheckOnField(
                condition=models.Q(percent__gt=0, percent__lte=100),
                name="employment_percent_range",
                field="percent",
                violation_error_message=_("Give a percentage above 0 and at most 100."),
            ),
            CheckOnField(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="employment_end_after_start",
                field="end",
                violation_error_message=_("The period must end on the day it starts or later."),
            ),
        ]


class GrantYear(Versioned):
    verksamhet = models.ForeignKey(
        "core.Verksamhet", on_delete=models.PROTECT, related_name="grant_years"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount_per_arsanstallning = models.DecimalField(
        _("amount per årsanställning (kr)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    applicant_kommun = models.ForeignKey(
        "core.Kommun",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("applicant municipality"),
    )
    participating_kommuner = models.ManyToManyField(
        "core.Kommun", blank=True, related_name="+", verbose_name=_("participating municipalities")
    )
    planned_arsanstallningar = models.DecimalField(
        _("planned årsanställningar"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    costs = models.DecimalField(
        _("total costs (kr)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords(m2m_fields=[participating_kommuner])

    class Meta:
        ordering = ["-year"]
        verbose_name = _("grant year")
        verbose_name_plural = _("grant years")
        constraints = [
            UniqueOnField(
                fields=["verksamhet", "year"],
                name="grant_year_unique",
                field="year",
                violation_error_message=_("The PO service already has this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.verksamhet} {self.year}"


class CoFinancing(models.Model):
    grant_year = models.ForeignKey(GrantYear, on_delete=models.CASCADE, related_name="co_financing")
    kommun = models.ForeignKey("core.Kommun", on_delete=models.PROTECT, related_name="+")
    planned = models.DecimalField(_("planned (kr)"), max_digits=12, decimal_places=2, default=0)
    actual = models.DecimalField(
        _("actual (kr)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("co-financing")
        verbose_name_plural = _("co-financing")
        constraints = [
            UniqueOnField(
                fields=["grant_year", "kommun"],
                name="cofinancing_once_per_kommun",
                field="kommun",
                violation_error_message=_(
                    "The municipality's co-financing is already recorded for the year."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kommun} {self.planned}"


class Decision(models.Model):
    grant_year = models.ForeignKey(GrantYear, on_delete=models.CASCADE, related_name="decisions")
    decided_on = models.DateField(_("decided on"))
    reference = models.CharField(_("reference number"), max_length=100, blank=True)
    granted_amount = models.DecimalField(_("granted amount (kr)"), max_digits=12, decimal_places=2)
    arsanstallningar = models.DecimalField(_("årsanställningar"), max_digits=6, decimal_places=2)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.decided_on} {self.granted_amount}"


class Payment(models.Model):
    grant_year = models.ForeignKey(GrantYear, on_delete=models.CASCADE, related_name="payments")
    paid_on = models.DateField(_("paid on"))
    amount = models.DecimalField(_("amount (kr)"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["paid_on"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"{self.paid_on} {self.amount}"


class Repayment(models.Model):
    grant_year = models.ForeignKey(GrantYear, on_delete=models.CASCADE, related_name="repayments")
    demanded_on = models.DateField(_("demanded on"))
    amount = models.DecimalField(_("amount (kr)"), max_digits=12, decimal_places=2)
    reason = models.TextField(_("reason"), blank=True)
    repaid_on = models.DateField(_("repaid on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["demanded_on"]
        verbose_name = _("repayment")
        verbose_name_plural = _("repayments")

    def __str__(self) -> str:
        return f"{self.demanded_on} {self.amount}"
