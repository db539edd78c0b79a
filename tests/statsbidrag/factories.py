"""Factories for statsbidrag, and small helpers to create the live data the figures count."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import factory

from clients.models import Client, Contact, Uppdrag
from core.models import Verksamhet
from statsbidrag.models import (
    Application,
    CoFinancing,
    Decision,
    EmploymentPeriod,
    GrantYear,
    Payment,
    Redovisning,
    Repayment,
)
from tests.core.factories import VerksamhetFactory, kommun


class EmploymentPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmploymentPeriod

    verksamhet = factory.SubFactory(VerksamhetFactory)
    name = factory.Sequence(lambda n: f"Ombud {n}")
    start = datetime.date(2025, 1, 1)
    end = None
    percent = Decimal("100")
    employer_kommun = factory.LazyFunction(lambda: kommun("1980"))


class GrantYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantYear
        skip_postgeneration_save = True

    verksamhet = factory.SubFactory(VerksamhetFactory)
    year = 2025
    amount_per_arsanstallning = Decimal("318000")
    applicant_kommun = factory.LazyFunction(lambda: kommun("1980"))
    contact_person = "Gunilla Ström"
    contact_email = "gunilla@example.se"

    @factory.post_generation
    def participating_kommuner(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            self.participating_kommuner.set(extracted or [self.applicant_kommun])


class CoFinancingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoFinancing

    grant_year = factory.SubFactory(GrantYearFactory)
    kommun = factory.LazyFunction(lambda: kommun("1980"))
    planned = Decimal("100000")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    grant_year = factory.SubFactory(GrantYearFactory)
    decided_on = datetime.date(2025, 3, 20)
    granted_amount = Decimal("600000")
    arsanstallningar = Decimal("2")


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payment

    grant_year = factory.SubFactory(GrantYearFactory)
    paid_on = datetime.date(2025, 4, 1)
    amount = Decimal("300000")


class RepaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Repayment

    grant_year = factory.SubFactory(GrantYearFactory)
    demanded_on = datetime.date(2026, 2, 1)
    amount = Decimal("40000")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    grant_year = factory.SubFactory(GrantYearFactory)


class RedovisningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Redovisning

    grant_year = factory.SubFactory(GrantYearFactory)


def make_client(verksamhet: Verksamhet, alias: str, **fields: Any) -> Client:
    return Client.objects.create(verksamhet=verksamhet, alias=alias, **fields)


def make_uppdrag(client: Client, **fields: Any) -> Uppdrag:
    return Uppdrag.objects.create(client=client, **fields)


def make_contact(client: Client, by: Any, day: datetime.date, type_: str, **fields: Any) -> Contact:
    return Contact.objects.create(client=client, by=by, date=day, type=type_, **fields)
