"""Factories for the ledningsgrupp app."""

from __future__ import annotations

import datetime

import factory

from ledningsgrupp.models import (
    ActionItem,
    Attendance,
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    MemberOrganisation,
    Representative,
    SeatOffer,
)
from tests.core.factories import OrganisationFactory, VerksamhetFactory


class LedningsgruppFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ledningsgrupp

    verksamhet = factory.SubFactory(VerksamhetFactory)
    name = factory.LazyAttribute(lambda o: f"Ledningsgrupp {o.verksamhet.name}")
    convened_by = factory.LazyAttribute(lambda o: o.verksamhet.huvudman)


class MemberOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberOrganisation

    ledningsgrupp = factory.SubFactory(LedningsgruppFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, verksamhet=factory.SelfAttribute("..ledningsgrupp.verksamhet")
    )
    start = datetime.date(2024, 1, 1)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    member_organisation = factory.SubFactory(MemberOrganisationFactory)
    name = factory.Faker("name", locale="sv_SE")
    start = datetime.date(2024, 1, 1)


class SeatOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatOffer

    ledningsgrupp = factory.SubFactory(LedningsgruppFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, verksamhet=factory.SelfAttribute("..ledningsgrupp.verksamhet")
    )
    offered_on = datetime.date(2024, 2, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    ledningsgrupp = factory.SubFactory(LedningsgruppFactory)
    date = datetime.date(2025, 3, 10)
    start_time = datetime.time(13, 0)
    end_time = datetime.time(15, 0)
    place = "Stadshuset, sal 3"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    representative = factory.SubFactory(RepresentativeFactory)
    status = AttendanceStatus.PRESENT


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    ledningsgrupp = factory.SubFactory(LedningsgruppFactory)
    title = factory.Sequence(lambda n: f"Åtgärd {n}")
