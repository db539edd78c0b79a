"""The composition check and the yearly figures (used by the statsbidrag documents)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombud.models import OrganisationType, Verksamhet

from ..models import (
    Attendance,
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    MemberOrganisation,
    SeatOffer,
)

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


def yearly_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Ledningsgrupp figures for the redovisning of ``year``.

    - ``meetings_held``: meetings with status held and a date in the year;
    - ``meeting_dates``: their dates, oldest first;
    - ``attendance``: organisation name → number of held meetings where at least one of its
      representatives was present (or sent a substitute);
    - ``composition``: member organisations during the year (name, type, type label, start,
      end) and the seat offers made up to the end of the year with their answers.
    """
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    result: dict[str, Any] = {
        "year": year,
        "meetings_held": 0,
        "meeting_dates": [],
        "attendance": {},
        "composition": {"members": [], "seat_offers": []},
    }
    group = Ledningsgrupp.objects.filter(verksamhet=verksamhet).first()
    if group is None:
        return result
    held = Meeting.objects.filter(
        ledningsgrupp=group, status=MeetingStatus.HELD, date__range=(first, last)
    ).order_by("date")
    result["meeting_dates"] = list(held.values_list("date", flat=True))
    result["meetings_held"] = len(result["meeting_dates"])
    attended = (
        Attendance.objects.filter(
            meeting__in=held,
            status__in=[AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE],
        )
        .values("representative__member_organisation__organisation__name")
        .annotate(meetings=Count("meeting", distinct=True))
    )
    result["attendance"] = {
        row["representative__member_organisation__organisation__name"]: row["meetings"]
        for row in attended
    }
    members = (
        MemberOrganisation.objects.filter(ledningsgrupp=group, start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .select_related("organisation")
    )
    result["composition"]["members"] = [
        {
            "organisation": m.organisation.name,
            "type": m.organisation.type,
            "type_label": str(OrganisationType(m.organisation.type).label),
            "start": m.start,
            "end": m.end,
        }
        for m in members
    ]
    offers = SeatOffer.objects.filter(ledningsgrupp=group, offered_on__lte=last).select_related(
        "organisation"
    )
    result["composition"]["seat_offers"] = [
        {
            "organisation": o.organisation.name,
            "type": o.organisation.type,
            "offered_on": o.offered_on,
            "answer": o.answer,
            "answer_label": str(o.get_answer_display()),
            "answered_on": o.answered_on,
        }
        for o in offers
    ]
    return result
