"""The composition check and the yearly figures (used by the statsbidrag documents)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombud.models import OrganisationType, Verksamhet

from ..models import (
    Attendance,
    AttendanceStatus,
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


def _check(on: datetime.date, members: list[MemberOrganisation], offered: bool) -> CompositionCheck:
    """The check on ``on`` from the member organisations sitting that day (organisation
    selected, ordered by name) and whether a seat offer had been made by then."""
    result = CompositionCheck(on=on)
    for m in members:
        result.present.setdefault(m.organisation.type, []).append(m.organisation.name)
    result.missing = [str(t) for t in EXPECTED_TYPES if t not in result.present]
    result.brukar_members = [n for t in OFFER_TYPES for n in result.present.get(t, [])]
    result.brukar_offered = bool(result.brukar_members) or offered
    return result


def _sits_on(m: MemberOrganisation, day: datetime.date) -> bool:
    return m.start <= day and (m.end is None or m.end >= day)


def composition_check(
    *, verksamhet: Verksamhet, on: datetime.date | None = None
) -> CompositionCheck:
    """The composition check shown on the ledningsgrupp page and in the statsbidrag application."""
    on = on or timezone.localdate()
    members = (
        MemberOrganisation.objects.filter(ledningsgrupp__verksamhet=verksamhet, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("organisation")
    )
    offered = SeatOffer.objects.filter(
        ledningsgrupp__verksamhet=verksamhet, offered_on__lte=on
    ).exists()
    return _check(on, list(members), offered)


def yearly_figures(
    *, verksamhet: Verksamhet, year: int, check_on: datetime.date | None = None
) -> dict[str, Any]:
    """Ledningsgrupp figures for the redovisning of ``year``, in three queries.

    - ``meetings_held``: meetings with status held and a date in the year;
    - ``meeting_dates``: their dates, oldest first;
    - ``attendance``: organisation name → number of held meetings where at least one of its
      representatives was present (or sent a substitute);
    - ``composition``: member organisations during the year (name, type, type label, start,
      end) and the seat offers made up to the end of the year with their answers;
    - ``check`` (only with ``check_on``, a day up to the end of the year): the
      ``composition_check`` on that day, from the same rows.
    """
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if check_on is not None and check_on > last:
        raise ValueError("check_on must not be after the end of the year")
    present = (
        Attendance.objects.filter(
            meeting=OuterRef("pk"),
            status__in=[AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE],
        )
        .order_by()
        .values("representative__member_organisation__organisation__name")
        .distinct()
    )
    held = (
        Meeting.objects.filter(
            ledningsgrupp__verksamhet=verksamhet,
            status=MeetingStatus.HELD,
            date__range=(first, last),
        )
        .annotate(present=ArraySubquery(present))
        .order_by("date")
        .values_list("date", "present")
    )
    dates: list[datetime.date] = []
    attendance: dict[str, int] = {}
    for date, names in held:
        dates.append(date)
        for name in names:
            attendance[name] = attendance.get(name, 0) + 1
    since = first if check_on is None else min(first, check_on)
    members = list(
        MemberOrganisation.objects.filter(ledningsgrupp__verksamhet=verksamhet, start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=since))
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    offers = list(
        SeatOffer.objects.filter(ledningsgrupp__verksamhet=verksamhet, offered_on__lte=last)
        .select_related("organisation")
        .order_by("-offered_on", "pk")
    )
    result: dict[str, Any] = {
        "year": year,
        "meetings_held": len(dates),
        "meeting_dates": dates,
        "attendance": attendance,
        "composition": {
            "members": [
                {
                    "organisation": m.organisation.name,
                    "type": m.organisation.type,
                    "type_label": str(OrganisationType(m.organisation.type).label),
                    "start": m.start,
                    "end": m.end,
                }
                for m in members
                if m.end is None or m.end >= first
            ],
            "seat_offers": [
                {
                    "organisation": o.organisation.name,
                    "type": o.organisation.type,
                    "offered_on": o.offered_on,
                    "answer": o.answer,
                    "answer_label": str(o.get_answer_display()),
                    "answered_on": o.answered_on,
                }
                for o in offers
            ],
        },
    }
    if check_on is not None:
        result["check"] = _check(
            check_on,
            [m for m in members if _sits_on(m, check_on)],
            any(o.offered_on <= check_on for o in offers),
        )
    return result
