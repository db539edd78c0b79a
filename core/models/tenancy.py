"""Tenancy: a Verksamhet (one PO service) serves one or more Kommuner; its Organisations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.constraints import UniqueOnField


class Kommun(models.Model):
    """One of Sweden's 290 kommuner (reference data, loaded by a data migration)."""

    kod = models.CharField(_("municipality code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    lan_kod = models.CharField(_("county code"), max_length=2)
    lan_name = models.CharField(_("county"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Verksamhet(Versioned):
    """One personligt ombud service: the tenant every record belongs to."""

    class Form(models.TextChoices):
        OWN = "own", _("Run by one municipality")
        SAMVERKAN = "samverkan", _("Joint service of several municipalities")
        ENTREPRENAD = "entreprenad", _("Contracted out (the municipality stays responsible)")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.OWN)
    huvudman = models.ForeignKey(
        Kommun,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("responsible municipality (huvudman)"),
    )
    kommuner = models.ManyToManyField(
        Kommun, related_name="verksamheter", verbose_name=_("municipalities served")
    )
    contractor = models.CharField(_("contractor"), max_length=200, blank=True)
    no_contact_days = models.PositiveIntegerField(
        _("days without contact before a reminder"), default=30
    )
    # How a client reaches the service: printed on the registerutdrag's cover page.
    # db_default: the national-scale loader writes rows with COPY.
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True, db_default="")
    contact_email = models.EmailField(_("e-mail for clients"), blank=True, db_default="")
    postal_address = models.TextField(
        _("postal address"), blank=True, max_length=300, db_default=""
    )
    history = HistoricalRecords(m2m_fields=[kommuner])

    class Meta:
        ordering = ["name"]
        verbose_name = _("PO service")
        verbose_name_plural = _("PO services")

    def __str__(self) -> str:
        return self.name


class OrganisationType(models.TextChoices):
    KOMMUN = "kommun", _("Municipality / social services")
    REGION_PSYKIATRI = "region_psykiatri", _("Region psychiatry")
    REGION_PRIMARVARD = "region_primarvard", _("Region primary care")
    FORSAKRINGSKASSAN = "forsakringskassan", _("Försäkringskassan")
    ARBETSFORMEDLINGEN = "arbetsformedlingen", _("Arbetsförmedlingen")
    BRUKARORGANISATION = "brukarorganisation", _("User organisation")
    ANHORIGORGANISATION = "anhorigorganisation", _("Relatives' organisation")
    ENSKILD_VERKSAMHET = "enskild_verksamhet", _("Private provider")
    ANNAN = "annan", pgettext_lazy("organisation type", "Other")


class Organisation(Versioned):
    """An authority, huvudman or association the verksamhet deals with."""

    verksamhet = models.ForeignKey(
        Verksamhet,
        on_delete=models.CASCADE,
        related_name="organisations",
        verbose_name=_("PO service"),
    )
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    kommun = models.ForeignKey(
        Kommun, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("municipality")
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            UniqueOnField(
                fields=["verksamhet", "name"],
                name="organisation_unique_name",
                field="name",
                violation_error_message=_("There is already an organisation with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name
