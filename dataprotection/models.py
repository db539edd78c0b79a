"""Data protection: gallring rules and runs, anonymisation requests, the monthly loggkontroll.

The kommun is personuppgiftsansvarig; these records show that its duties were carried out
(who did what, when, and how much) without keeping copies of the personal data removed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from clients.models import Client
from core.concurrency import Versioned
from core.constraints import UniqueOnField
from core.models import Verksamhet


def default_gallring_years() -> int:
    return int(getattr(settings, "GALLRING_DEFAULT_YEARS", 3))


def default_access_log_years() -> int:
    return int(getattr(settings, "ACCESS_LOG_RETENTION_YEARS", 5))


class GallringRule(Versioned):
    """The verksamhet's decided rule: how long client data and the access log are kept."""

    verksamhet = models.OneToOneField(
        Verksamhet,
        on_delete=models.CASCADE,
        related_name="gallring_rule",
        verbose_name=_("PO service"),
    )
    years_after_end = models.PositiveSmallIntegerField(
        _("years after the last uppdrag ended"),
        default=default_gallring_years,
        help_text=_("Client data are removed this many years after the last uppdrag ended."),
    )
    access_log_years = models.PositiveSmallIntegerField(
        _("years the access log is kept"),
        default=default_access_log_years,
    )
    decision = models.CharField(
        _("decision reference"),
        max_length=200,
        blank=True,
        help_text=_("For example the nämnd's decision on gallring (dokumenthanteringsplan)."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gallring rule")
        verbose_name_plural = _("gallring rules")

    def __str__(self) -> str:
        return f"{self.verksamhet}: {self.years_after_end}"


class GallringRun(models.Model):
    """One carried-out gallring: counts per kind of record, never their contents."""

    verksamhet = models.ForeignKey(
        Verksamhet,
        on_delete=models.PROTECT,
        related_name="gallring_runs",
        verbose_name=_("PO service"),
    )
    ran_at = models.DateTimeField(_("time"), auto_now_add=True)
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("carried out by"),
    )
    client_cutoff = models.DateField(_("uppdrag ended before"))
    access_log_cutoff = models.DateField(_("access log before"))
    clients = models.PositiveIntegerField(_("clients"), default=0)
    counts = models.JSONField(_("removed, per kind"), default=dict)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = _("gallring run")
        verbose_name_plural = _("gallring log")

    def __str__(self) -> str:
        return f"{self.verksamhet} {self.ran_at:%Y-%m-%d}"

    @property
    def deleted_total(self) -> int:
        return sum(self.counts.get("deleted", {}).values())

    @property
    def history_total(self) -> int:
        return sum(self.counts.get("history", {}).values())


class ErasureKind(models.TextChoices):
    GALLRING = "gallring", _("Gallring")
    ANONYMISATION = "anonymisation", _("Anonymisation on request")


class ErasedClient(models.Model):
    """Marks a client row that is only a statistical skeleton now (nothing identifying left)."""

    client = models.OneToOneField(
        Client, on_delete=models.CASCADE, related_name="erasure", verbose_name=_("client")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ErasureKind.choices)
    erased_at = models.DateTimeField(_("time"), auto_now_add=True)
    run = models.ForeignKey(
        GallringRun, on_delete=models.PROTECT, null=True, blank=True, related_name="erased"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("erased client")
        verbose_name_plural = _("erased clients")

    def __str__(self) -> str:
        return f"{self.client_id} {self.kind}"


class RequestKind(models.TextChoices):
    ERASURE = "erasure", _("Erasure (anonymise the record)")
    RESTRICTION = "restriction", _("Restriction (keep, but limit use)")


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting approval")
    CARRIED_OUT = "carried_out", _("Approved and carried out")
    REJECTED = "rejected", _("Rejected")


class AnonymisationRequest(Versioned):
    """The client's request to be erased (anonymised) or restricted; two people decide."""

    verksamhet = models.ForeignKey(
        Verksamhet,
        on_delete=models.PROTECT,
        related_name="anonymisation_requests",
        verbose_name=_("PO service"),
    )
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        related_name="anonymisation_requests",
        verbose_name=_("client"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RequestKind.choices)
    reason = models.TextField(_("reason and legal assessment"))
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_comment = models.TextField(_("comment on the decision"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("anonymisation request")
        verbose_name_plural = _("anonymisation requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.requested_at:%Y-%m-%d}"


class LogReview(models.Model):
    """The lead's signed monthly loggkontroll."""

    verksamhet = models.ForeignKey(
        Verksamhet,
        on_delete=models.PROTECT,
        related_name="log_reviews",
        verbose_name=_("PO service"),
    )
    month = models.DateField(_("month"), help_text=_("First day of the month reviewed."))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)
    comment = models.TextField(_("comment"))
    findings = models.JSONField(_("findings, counted"), default=dict)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month"]
        verbose_name = _("log review")
        verbose_name_plural = _("log reviews")
        constraints = [
            UniqueOnField(
                fields=["verksamhet", "month"],
                name="logreview_once_a_month",
                field="month",
                violation_error_message=_("The log review of this month is already signed."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.verksamhet} {self.month:%Y-%m}"
