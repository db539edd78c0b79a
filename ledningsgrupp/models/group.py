"""The ledningsgrupp: member organisations, their representatives, seat offers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned


class Ledningsgrupp(Versioned):
    verksamhet = models.OneToOneField(
        "core.Verksamhet", on_delete=models.CASCADE, related_name="ledningsgrupp"
    )
    name = models.CharField(_("name"), max_length=200)
    convened_by = models.ForeignKey(
        "core.Kommun",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("convened by (municipality)"),
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum (organisations present)"),
        null=True,
        blank=True,
        help_text=_("Empty: more than half of the member organisations."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("steering group")
        verbose_name_plural = _("steering groups")

    def __str__(self) -> str:
        return self.name


class MemberOrganisation(models.Model):
    ledningsgrupp = models.ForeignKey(
        Ledningsgrupp, on_delete=models.CASCADE, related_name="member_organisations"
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    start = models.DateField(_("member from"))
    end = models.DateField(_("member until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def __str__(self) -> str:
        return str(self.organisation)


class RepresentativeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute")


class Representative(models.Model):
    """A person representing a member organisation: a user with the member role, or a name."""

    member_organisation = models.ForeignKey(
        MemberOrganisation, on_delete=models.CASCADE, related_name="representatives"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="representations",
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("For representatives without a login.")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    role = models.CharField(
        _("role"),
        max_length=12,
        choices=RepresentativeRole.choices,
        default=RepresentativeRole.MEMBER,
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["member_organisation__organisation__name", "role", "name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return str(self.user) if self.user_id else self.name


class SeatOfferAnswer(models.TextChoices):
    PENDING = "pending", _("No answer yet")
    ACCEPTED = "accepted", _("Seat taken")
    DECLINED = "declined", _("Declined")


class SeatOffer(models.Model):
    """A seat offered to a brukar- or anhörigorganisation, and its answer."""

    ledningsgrupp = models.ForeignKey(
        Ledningsgrupp, on_delete=models.CASCADE, related_name="seat_offers"
    )
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    offered_on = models.DateField(_("offered on"))
    answer = models.CharField(
        _("answer"), max_length=10, choices=SeatOfferAnswer.choices, default=SeatOfferAnswer.PENDING
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-offered_on"]
        verbose_name = _("seat offer")
        verbose_name_plural = _("seat offers")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_answer_display()})"
