"""The composition check and the yearly figures (used by the statsbidrag documents)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Q
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import OrganisationType, Verksamhet

from ..models import (
    Attendance,
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    MemberOrganisation,
    SeatOffer,
    SeatOfferAnswer,
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


def _check(on: datetime.date, members: list[tuple[str, str]], offered: bool) -> CompositionCheck:
    """The check on ``on`` from the member organisations sitting that day ((type, name),
    ordered by name) and whether a seat offer had been made by then."""
    result = CompositionCheck(on=on)
    for type_, name in members:
        result.present.setdefault(type_, []).append(name)
    result.missing = [str(t) for t in EXPECTED_TYPES if t not in result.present]
    result.brukar_members = [n for t in OFFER_TYPES for n in result.present.get(t, [])]
    result.brukar_offered = bool(result.brukar_members) or offered
    return result


def composition_check(
    *, verksamhet: Verksamhet, on: datetime.date | None = None
) -> CompositionCheck:
    """The composition check shown on the ledningsgrupp page and in the statsbidrag application."""
    on = on or timezone.localdate()
    members = (
        MemberOrganisation.objects.filter(ledningsgrupp__verksamhet=verksamhet, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .order_by("organisation__name", "pk")
        .values_list("organisation__type", "organisation__name")
    )
    offered = SeatOffer.objects.filter(
        ledningsgrupp__verksamhet=verksamhet, offered_on__lte=on
    ).exists()
    return _check(on, list(members), offered)


def _day(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def _year_rows(
    verksamhet: Verksamhet, first: datetime.date, last: datetime.date, since: datetime.date
) -> Any:
    """One row per ledningsgrupp (there is at most one) holding the year as three arrays of
    JSON objects: the held meetings with the organisations present, the member organisations
    sitting between ``since`` and ``last``, and the seat offers made by ``last``."""
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
            ledningsgrupp=OuterRef("pk"), status=MeetingStatus.HELD, date__range=(first, last)
        )
        .order_by("date", "pk")
        .values(row=JSONObject(date="date", present=ArraySubquery(present)))
    )
    members = (
        MemberOrganisation.objects.filter(ledningsgrupp=OuterRef("pk"), start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=since))
        .order_by("organisation__name", "pk")
        .values(
            row=JSONObject(
                organisation="organisation__name",
                type="organisation__type",
                start="start",
                end="end",
            )
        )
    )
    offers = (
        SeatOffer.objects.filter(ledningsgrupp=OuterRef("pk"), offered_on__lte=last)
        .order_by("-offered_on", "pk")
        .values(
            row=JSONObject(
                organisation="organisation__name",
                type="organisation__type",
                offered_on="offered_on",
                answer="answer",
                answered_on="answered_on",
            )
        )
    )
    return (
        Ledningsgrupp.objects.filter(verksamhet=verksamhet)
        .values_list(ArraySubquery(held), ArraySubquery(members), ArraySubquery(offers))
        .first()
    )


def yearly_figures(
    *, verksamhet: Verksamhet, year: int, check_on: datetime.date | None = None
) -> dict[str, Any]:
    """Ledningsgrupp figures for the redovisning of ``year``, in one query.

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
    since = first if check_on is None else min(first, check_on)
    held, members, offers = _year_rows(verksamhet, first, last, since) or ([], [], [])
    attendance: dict[str, int] = {}
    for meeting in held:
        for name in meeting["present"]:
            attendance[name] = attendance.get(name, 0) + 1
    for m in members:
        m["start"], m["end"] = _day(m["start"]), _day(m["end"])
    answers = dict(SeatOfferAnswer.choices)
    result: dict[str, Any] = {
        "year": year,
        "meetings_held": len(held),
        "meeting_dates": [_day(meeting["date"]) for meeting in held],
        "attendance": attendance,
        "composition": {
            "members": [
                {**m, "type_label": str(OrganisationType(m["type"]).label)}
                for m in members
                if m["end"] is None or m["end"] >= first
            ],
            "seat_offers": [
                {
                    **o,
                    "offered_on": _day(o["offered_on"]),
                    "answer_label": str(answers.get(o["answer"], o["answer"])),
                    "answered_on": _day(o["answered_on"]),
                }
                for o in offers
            ],
        },
    }
    if check_on is not None:
        sitting = [
            (m["type"], m["organisation"])
            for m in members
            if m["start"] <= check_on and (m["end"] is None or m["end"] >= check_on)
        ]
        offered = any(o["offered_on"] <= check_on for o in result["composition"]["seat_offers"])
        result["check"] = _check(check_on, sitting, offered)
    return result
