"""Reads of ledningsgrupp data, scoped to a verksamhet."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombud.models import OrganisationType, Verksamhet

from .models import Ledningsgrupp, MemberOrganisation, SeatOffer

# Organisation types the förordning and Socialstyrelsen expect in every ledningsgrupp.
EXPECTED_TYPES = [
    OrganisationType.KOMMUN,
    OrganisationType.REGION_PSYKIATRI,
    OrganisationType.REGION_PRIMARVARD,
    OrganisationType.FORSAKRINGSKASSAN,
    OrganisationType.ARBETSFORMEDLINGEN,
]
OFFER_TYPES = [OrganisationType.BRUKARORGANISATION, OrganisationType.ANHORIGORGANISATION]


@dataclass
class CompositionCheck:
    """Which expected organisations sit in the ledningsgrupp on a date, and what is missing."""

    on: datetime.date
    present: dict[str, list[str]] = field(default_factory=dict)  # type → organisation names
    missing: list[str] = field(default_factory=list)  # organisation types
    brukar_offered: bool = (
        False  # a seat was offered to (or taken by) a brukar/anhörig organisation
    )
    brukar_members: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing and self.brukar_offered

    def missing_labels(self) -> list[str]:
        labels = [str(OrganisationType(t).label) for t in self.missing]
        if not self.brukar_offered:
            labels.append(str(_("Seat offered to a user or relatives' organisation")))
        return labels


def composition_check(
    *, verksamhet: Verksamhet, on: datetime.date | None = None
) -> CompositionCheck:
    """The composition check shown on the ledningsgrupp page and in the statsbidrag application."""
    on = on or timezone.localdate()
    result = CompositionCheck(on=on)
    group = Ledningsgrupp.objects.filter(verksamhet=verksamhet).first()
    if group is None:
        result.missing = [str(t) for t in EXPECTED_TYPES]
        return result
    members = (
        MemberOrganisation.objects.filter(ledningsgrupp=group, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("organisation")
    )
    for m in members:
        result.present.setdefault(m.organisation.type, []).append(m.organisation.name)
    result.missing = [str(t) for t in EXPECTED_TYPES if t not in result.present]
    result.brukar_members = [n for t in OFFER_TYPES for n in result.present.get(t, [])]
    offered = SeatOffer.objects.filter(ledningsgrupp=group, offered_on__lte=on).exists()
    result.brukar_offered = bool(result.brukar_members) or offered
    return result
