"""The client record: pseudonymous by default, nothing identifying is required."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned


class Gender(models.TextChoices):
    KVINNA = "kvinna", _("Woman")
    MAN = "man", _("Man")
    ANNAT = "annat", _("Other")
    EJ_UPPGETT = "ej_uppgett", _("Prefers not to say")


class ClientGroup(models.IntegerChoices):
    NO_CONTACT = 1, _("No contact with authorities, or withdrawn from them")
    TOO_FEW = 2, _("Has insatser, but too few")
    MISMATCHED = 3, _("Has insatser that do not match the needs")
    UNCOORDINATED = 4, _("Has many insatser that are not coordinated")
    TOO_EXTENSIVE = 5, _("Has insatser the client finds too extensive or no longer needed")
    TURNED_AWAY = 6, _("Met public systems that do not consider themselves able to help")


class PreferredContact(models.TextChoices):
    TELEFON = "telefon", _("Phone call")
    SMS = "sms", _("Text message")
    EPOST = "epost", _("E-mail")
    BREV = "brev", _("Letter")
    BESOK = "besok", _("Visit")
    VIA_ANNAN = "via_annan", _("Through someone else")


class Client(Versioned):
    verksamhet = models.ForeignKey(
        "core.Verksamhet",
        on_delete=models.PROTECT,
        related_name="clients",
        verbose_name=_("PO service"),
    )
    alias = models.CharField(_("alias"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    personnummer = models.CharField(
        _("personal identity number"),
        max_length=12,
        blank=True,
        help_text=_("Optional. 12 digits, YYYYMMDDNNNN."),
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.EJ_UPPGETT
    )
    kommun = models.ForeignKey(
        "core.Kommun",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)
    preferred_contact = models.CharField(
        _("preferred way of contact"), max_length=12, choices=PreferredContact.choices, blank=True
    )
    contact_notes = models.TextField(_("notes on contact"), blank=True)
    primary_group = models.PositiveSmallIntegerField(
        _("primary client group"), choices=ClientGroup.choices, null=True, blank=True
    )
    other_groups = ArrayField(
        models.PositiveSmallIntegerField(choices=ClientGroup.choices),
        default=list,
        blank=True,
        verbose_name=_("other client groups"),
    )
    missbruk = models.BooleanField(_("co-occurring substance use"), default=False)
    hemloshet = models.BooleanField(_("homeless"), default=False)
    enskild_verksamhet = models.BooleanField(
        _("lives in or uses a private provider's service"), default=False
    )
    risk_severe = models.BooleanField(_("at risk of severe psychiatric disability"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set when processing is restricted (GDPR art. 18): the data-protection screens decide
    # (an approved request), this app only obeys (clients.services.client_restrict).
    restricted_at = models.DateTimeField(
        _("processing restricted"), null=True, blank=True, editable=False
    )
    history = HistoricalRecords()
    # Not a column: whether the actor who fetched the record may edit it (the client.edit
    # rule, clients/access.py), set by clients.selectors.client_for; the pages read it.
    editable: bool = False

    class Meta:
        ordering = ["alias"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        indexes = [
            models.Index(fields=["verksamhet", "alias"], name="client_verksamhet_alias"),
            models.Index(fields=["verksamhet", "personnummer"], name="client_verksamhet_pnr"),
        ]

    def __str__(self) -> str:
        return self.alias

    @property
    def restricted(self) -> bool:
        """Processing is restricted: the record is kept, read only, and ombud no longer see it."""
        return self.restricted_at is not None
