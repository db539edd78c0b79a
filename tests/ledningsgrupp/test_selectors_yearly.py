"""Yearly figures for the redovisning (used by the statsbidrag app)."""

from __future__ import annotations

import datetime

from core.models import OrganisationType
from ledningsgrupp.models import AttendanceStatus, MeetingStatus, SeatOfferAnswer
from ledningsgrupp.selectors import yearly_figures
from tests.core.factories import OrganisationFactory

from .factories import (
    AttendanceFactory,
    LedningsgruppFactory,
    MeetingFactory,
    MemberOrganisationFactory,
    RepresentativeFactory,
    SeatOfferFactory,
)


def test_no_ledningsgrupp_gives_zero(world):
    figures = yearly_figures(verksamhet=world.verksamhet, year=2025)
    assert figures["meetings_held"] == 0
    assert figures["attendance"] == {}
    assert figures["composition"] == {"members": [], "seat_offers": []}


def test_counts_held_meetings_of_the_year_and_attendance_per_organisation(world):
    group = LedningsgruppFactory(verksamhet=world.verksamhet)
    fk = MemberOrganisationFactory(ledningsgrupp=group, organisation=world.orgs["fk"])
    af = MemberOrganisationFactory(
        ledningsgrupp=group, organisation=world.orgs["af"], end=datetime.date(2024, 12, 31)
    )
    kommun = MemberOrganisationFactory(
        ledningsgrupp=group, organisation=world.orgs["kommun"], start=datetime.date(2025, 6, 1)
    )
    fk_a, fk_b = RepresentativeFactory.create_batch(2, member_organisation=fk)
    kommun_rep = RepresentativeFactory(member_organisation=kommun)
    held = [
        MeetingFactory(
            ledningsgrupp=group, date=datetime.date(2025, m, 5), status=MeetingStatus.HELD
        )
        for m in (2, 6, 11)
    ]
    MeetingFactory(ledningsgrupp=group, date=datetime.date(2025, 12, 1))  # planned
    MeetingFactory(ledningsgrupp=group, date=datetime.date(2025, 9, 1), status="cancelled")
    MeetingFactory(ledningsgrupp=group, date=datetime.date(2024, 12, 1), status=MeetingStatus.HELD)
    # Two FK representatives at the same meeting count once; a substitute counts.
    AttendanceFactory(meeting=held[0], representative=fk_a)
    AttendanceFactory(meeting=held[0], representative=fk_b)
    AttendanceFactory(meeting=held[1], representative=fk_a, status=AttendanceStatus.SUBSTITUTE)
    AttendanceFactory(meeting=held[2], representative=fk_a, status=AttendanceStatus.ABSENT)
    AttendanceFactory(meeting=held[2], representative=kommun_rep)
    rsmh = SeatOfferFactory(
        ledningsgrupp=group,
        organisation=world.orgs["rsmh"],
        answer=SeatOfferAnswer.ACCEPTED,
        answered_on=datetime.date(2024, 3, 1),
    )
    SeatOfferFactory(
        ledningsgrupp=group,
        organisation=OrganisationFactory(
            verksamhet=world.verksamhet, type=OrganisationType.ANHORIGORGANISATION
        ),
        offered_on=datetime.date(2026, 1, 10),
    )

    figures = yearly_figures(verksamhet=world.verksamhet, year=2025)

    assert figures["meetings_held"] == 3
    assert figures["meeting_dates"] == [m.date for m in held]
    assert figures["attendance"] == {"Försäkringskassan": 2, "Västerås stad, socialtjänsten": 1}
    members = {m["organisation"]: m for m in figures["composition"]["members"]}
    assert set(members) == {"Försäkringskassan", "Västerås stad, socialtjänsten"}
    assert members["Försäkringskassan"]["type"] == OrganisationType.FORSAKRINGSKASSAN
    assert members["Västerås stad, socialtjänsten"]["start"] == datetime.date(2025, 6, 1)
    assert af.organisation.name not in members
    offers = figures["composition"]["seat_offers"]
    assert [o["organisation"] for o in offers] == [rsmh.organisation.name]
    assert offers[0]["answer"] == SeatOfferAnswer.ACCEPTED
    assert offers[0]["answered_on"] == datetime.date(2024, 3, 1)
