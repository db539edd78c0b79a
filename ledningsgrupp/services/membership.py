"""Membership: the ledningsgrupp itself, member organisations, representatives, seat offers."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.audit import save
from core.concurrency import lock_for_edit
from core.models import Kommun, Organisation, Role, RoleAssignment, Verksamhet

from ..models import (
    Ledningsgrupp,
    MemberOrganisation,
    Representative,
    RepresentativeRole,
    SeatOffer,
    SeatOfferAnswer,
)
from ..selectors import OFFER_TYPES


def _check_period(start: datetime.date, end: datetime.date | None) -> None:
    if end is not None and end < start:
        raise ValidationError({"end": _("The end date cannot be before the start date.")})


def _overlaps(qs: Any, start: datetime.date, end: datetime.date | None) -> bool:
    qs = qs.filter(Q(end__isnull=True) | Q(end__gte=start))
    if end is not None:
        qs = qs.filter(start__lte=end)
    return bool(qs.exists())


@transaction.atomic
def ledningsgrupp_save(
    *,
    verksamhet: Verksamhet,
    by: Any,
    name: str,
    convened_by: Kommun,
    quorum: int | None = None,
    expected_version: int | None = None,
) -> Ledningsgrupp:
    """Create the verksamhet's ledningsgrupp, or update its name, convening kommun and quorum."""
    group = Ledningsgrupp.objects.filter(verksamhet=verksamhet).first()
    if not verksamhet.kommuner.filter(pk=convened_by.pk).exists():
        raise ValidationError(
            {"convened_by": _("Choose one of the municipalities the PO service serves.")}
        )
    if group is None:
        group = Ledningsgrupp(verksamhet=verksamhet)
    else:
        lock_for_edit(group, expected_version)
    group.name = name
    group.convened_by = convened_by
    group.quorum = quorum
    save(group, by=by)
    return group


@transaction.atomic
def member_organisation_save(
    *,
    group: Ledningsgrupp,
    by: Any,
    organisation: Organisation,
    start: datetime.date,
    end: datetime.date | None = None,
    member: MemberOrganisation | None = None,
) -> MemberOrganisation:
    """Add a member organisation (or change its period). Periods of one organisation never overlap."""
    if organisation.verksamhet_id != group.verksamhet_id:
        raise ValidationError(
            {"organisation": _("The organisation belongs to another PO service.")}
        )
    _check_period(start, end)
    others = MemberOrganisation.objects.filter(ledningsgrupp=group, organisation=organisation)
    if member is not None:
        others = others.exclude(pk=member.pk)
    if _overlaps(others, start, end):
        raise ValidationError(
            {"start": _("The organisation is already a member during this period.")}
        )
    member = member or MemberOrganisation(ledningsgrupp=group)
    member.organisation = organisation
    member.start, member.end = start, end
    save(member, by=by)
    return member


@transaction.atomic
def representative_save(
    *,
    member_organisation: MemberOrganisation,
    by: Any,
    user: Any = None,
    name: str = "",
    title: str = "",
    role: str = RepresentativeRole.MEMBER,
    start: datetime.date,
    end: datetime.date | None = None,
    representative: Representative | None = None,
) -> Representative:
    """A representative is a user with the member role in this PO service, or a name."""
    group = member_organisation.ledningsgrupp
    if user is None and not name.strip():
        raise ValidationError({"name": _("Choose a user or write a name.")})
    if (
        user is not None
        and not RoleAssignment.objects.filter(
            user=user, verksamhet_id=group.verksamhet_id, role=Role.MEMBER
        ).exists()
    ):
        raise ValidationError(
            {"user": _("The user does not have the steering group member role here.")}
        )
    _check_period(start, end)
    if role in (RepresentativeRole.CHAIR, RepresentativeRole.SECRETARY):
        others = Representative.objects.filter(member_organisation__ledningsgrupp=group, role=role)
        if representative is not None:
            others = others.exclude(pk=representative.pk)
        if _overlaps(others, start, end):
            raise ValidationError(
                {
                    "role": _(
                        "Someone else holds this role during the period. End their period first."
                    )
                }
            )
    rep = representative or Representative(member_organisation=member_organisation)
    rep.user = user
    rep.name = "" if user is not None else name.strip()
    rep.title, rep.role, rep.start, rep.end = title, role, start, end
    save(rep, by=by)
    return rep


@transaction.atomic
def seat_offer_save(
    *,
    group: Ledningsgrupp,
    by: Any,
    organisation: Organisation,
    offered_on: datetime.date,
    answer: str = SeatOfferAnswer.PENDING,
    answered_on: datetime.date | None = None,
    note: str = "",
    offer: SeatOffer | None = None,
) -> SeatOffer:
    """Record a seat offered to a brukar- or anhörigorganisation, and later its answer."""
    if organisation.verksamhet_id != group.verksamhet_id:
        raise ValidationError(
            {"organisation": _("The organisation belongs to another PO service.")}
        )
    if organisation.type not in OFFER_TYPES:
        raise ValidationError(
            {"organisation": _("Seats are offered to user and relatives' organisations.")}
        )
    if answer == SeatOfferAnswer.PENDING:
        answered_on = None
    elif answered_on is None:
        raise ValidationError({"answered_on": _("Give the date of the answer.")})
    elif answered_on < offered_on:
        raise ValidationError({"answered_on": _("The answer cannot come before the offer.")})
    offer = offer or SeatOffer(ledningsgrupp=group)
    offer.organisation = organisation
    offer.offered_on, offer.answer, offer.answered_on, offer.note = (
        offered_on,
        answer,
        answered_on,
        note,
    )
    save(offer, by=by)
    return offer
