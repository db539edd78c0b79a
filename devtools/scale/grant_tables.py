"""Statsbidrag at scale: employment periods (årsanställningar) and grant years, by COPY."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from statsbidrag.models import CoFinancing, Decision, EmploymentPeriod, GrantYear, Payment

from .clients import at
from .copy import Loader, m2m_table
from .texts import FIRST_NAMES, LAST_NAMES
from .world import Tenant


def build_grants(
    loader: Loader, rng: random.Random, tenants: list[Tenant], *, today: datetime.date, system: int
) -> None:
    """Employment periods (current ombud and earlier ones without a login) and grant years."""
    ids = loader.ids
    first = today.year - 9
    periods: list[tuple[Any, ...]] = []
    years: list[tuple[Any, ...]] = []
    part: list[tuple[int, int]] = []
    cofin: list[tuple[Any, ...]] = []
    decisions: list[tuple[Any, ...]] = []
    payments: list[tuple[Any, ...]] = []
    for t in tenants:
        fte = Decimal(0)
        for uid in t.ombud:
            start = datetime.date(first + rng.randint(0, 8), rng.choice((1, 3, 8)), 1)
            pct = Decimal(rng.choice((100, 100, 100, 75, 50)))
            fte += pct / 100
            periods.append(
                (
                    ids(EmploymentPeriod, 1)[0],
                    t.id,
                    uid,
                    "",
                    start,
                    None,
                    pct,
                    t.kommun_ids[0],
                    "",
                    1,
                )
            )
        for _ in range(max(1, len(t.ombud) // 3)):
            start = datetime.date(first, 1, 1)
            end = datetime.date(first + rng.randint(1, 7), 6, 30)
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            periods.append(
                (
                    ids(EmploymentPeriod, 1)[0],
                    t.id,
                    None,
                    name,
                    start,
                    end,
                    Decimal(100),
                    t.kommun_ids[0],
                    "",
                    1,
                )
            )
        for year in range(first, today.year + 2):
            gid = ids(GrantYear, 1)[0]
            amount = Decimal(280_000 + 2_500 * (year - first))
            years.append(
                (
                    gid,
                    t.id,
                    year,
                    amount,
                    t.kommun_ids[0],
                    fte,
                    "Samordnaren",
                    "",
                    amount * fte * Decimal("1.4"),
                    1,
                )
            )
            part.extend((gid, k) for k in t.kommun_ids)
            for k in t.kommun_ids[:8]:
                cofin.append(
                    (
                        ids(CoFinancing, 1)[0],
                        gid,
                        k,
                        Decimal(50_000),
                        Decimal(50_000) if year < today.year else None,
                    )
                )
            if year <= today.year:
                decided = datetime.date(year, 4, 15)
                decisions.append(
                    (ids(Decision, 1)[0], gid, decided, f"{year}-{t.id:04d}", amount * fte, fte, "")
                )
                payments.append(
                    (ids(Payment, 1)[0], gid, datetime.date(year, 5, 1), amount * fte, "")
                )
    since = at(datetime.date(first, 1, 1))
    copy = loader.copy
    copy(
        EmploymentPeriod,
        [
            "id",
            "verksamhet_id",
            "ombud_id",
            "name",
            "start",
            "end",
            "percent",
            "employer_kommun_id",
            "employer_name",
            "version",
        ],
        periods,
        history=lambda r: (since, system),
    )
    copy(
        GrantYear,
        [
            "id",
            "verksamhet_id",
            "year",
            "amount_per_arsanstallning",
            "applicant_kommun_id",
            "planned_arsanstallningar",
            "contact_person",
            "contact_email",
            "costs",
            "version",
        ],
        years,
        history=lambda r: (since, system),
    )
    copy(m2m_table(GrantYear, "participating_kommuner"), ["grantyear_id", "kommun_id"], part)
    copy(
        CoFinancing,
        ["id", "grant_year_id", "kommun_id", "planned", "actual"],
        cofin,
        history=lambda r: (since, system),
    )
    copy(
        Decision,
        [
            "id",
            "grant_year_id",
            "decided_on",
            "reference",
            "granted_amount",
            "arsanstallningar",
            "note",
        ],
        decisions,
        history=lambda r: (since, system),
    )
    copy(
        Payment,
        ["id", "grant_year_id", "paid_on", "amount", "note"],
        payments,
        history=lambda r: (since, system),
    )
