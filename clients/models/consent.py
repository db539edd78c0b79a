"""Consent per named organisation, and the rare fullmakt (limited in time and content)."""

from __future__ import annotations

import datetime
from typing import Protocol

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.constraints import CheckOnField


class ConsentForm(models.TextChoices):
    WRITTEN = "written", _("Written")
    ORAL = "oral", _("Oral")


class Consent(Versioned):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    person = models.CharField(_("named person at the organisation"), max_length=200, blank=True)
    scope = models.TextField(_("what may be shared and discussed"))
    # "form" alone is the verksamhet's driftform in core's catalogue: the context keeps
    # the consent's own word (skriftligt or muntligt).
    form = models.CharField(
        pgettext_lazy("consent", "form"), max_length=10, choices=ConsentForm.choices
    )
    witness = models.CharField(_("witnessed by"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "-valid_from"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.client} → {self.organisation}"

    def is_valid_on(self, day: datetime.date) -> bool:
        return period_valid_on(self, day)


class ConsentPeriod(Protocol):
    """The dates a consent's validity is read from: a Consent, or the import's plain rows."""

    @property
    def valid_from(self) -> datetime.date: ...
    @property
    def valid_until(self) -> datetime.date | None: ...
    @property
    def withdrawn_on(self) -> datetime.date | None: ...


def period_valid_on(period: ConsentPeriod, day: datetime.date) -> bool:
    if day < period.valid_from:
        return False
    if period.valid_until is not None and day > period.valid_until:
        return False
    return not (period.withdrawn_on is not None and day >= period.withdrawn_on)


class Fullmakt(Versioned):
    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="fullmakter"
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recipient organisation"),
    )
    covers = models.TextField(_("what it covers"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_until"]
        verbose_name = _("fullmakt")
        verbose_name_plural = _("fullmakter")
        constraints = [
            CheckOnField(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="fullmakt_end_after_start",
                field="valid_until",
                violation_error_message=_(
                    "The fullmakt must be valid until the day it starts or later."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.client} → {self.organisation} ({self.valid_from}–{self.valid_until})"
