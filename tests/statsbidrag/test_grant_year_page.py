"""The grant year page: a hint of a possible repayment when less was worked than was paid."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse

from .factories import EmploymentPeriodFactory, GrantYearFactory, PaymentFactory

D = datetime.date


def _page(client, world) -> str:  # type: ignore[no-untyped-def]
    client.force_login(world.grant_gunilla)
    return client.get(reverse("statsbidrag:year", kwargs={"year": 2027})).content.decode()


def test_possible_repayment_when_paid_more_than_worked(world, client) -> None:  # type: ignore[no-untyped-def]
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2027, amount_per_arsanstallning=300000)
    # One ombud full time and one at 50 %, all year: 1.5 årsanställningar.
    EmploymentPeriodFactory(verksamhet=world.verksamhet, start=D(2027, 1, 1), end=D(2027, 12, 31))
    EmploymentPeriodFactory(
        verksamhet=world.verksamhet, start=D(2027, 1, 1), end=D(2027, 12, 31), percent=50
    )
    PaymentFactory(grant_year=gy, paid_on=D(2027, 4, 1), amount=Decimal("300000"))
    PaymentFactory(grant_year=gy, paid_on=D(2027, 10, 1), amount=Decimal("189205"))
    # Worked 1.5 × 300 000 = 450 000; paid 489 205.
    page = _page(client, world).replace("\xa0", " ")
    assert "Möjligt återkrav: 39 205 kr" in page


def test_no_hint_when_the_work_covers_the_payments(world, client) -> None:  # type: ignore[no-untyped-def]
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2027, amount_per_arsanstallning=300000)
    EmploymentPeriodFactory(verksamhet=world.verksamhet, start=D(2027, 1, 1), end=D(2027, 12, 31))
    PaymentFactory(grant_year=gy, paid_on=D(2027, 4, 1), amount=Decimal("300000"))
    assert "Möjligt återkrav" not in _page(client, world)
