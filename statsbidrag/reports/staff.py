"""Årsanställningar and ombud for a year from the employment periods (one query)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from fractions import Fraction
from typing import Any

from django.db.models import Q, QuerySet

from core.models import Verksamhet
from statsbidrag.arsanstallning import arsanstallningar_exact, period_share, to_decimal
from statsbidrag.models import EmploymentPeriod


def periods_in_year(*, verksamhet: Verksamhet, year: int) -> QuerySet[EmploymentPeriod]:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        EmploymentPeriod.objects.filter(verksamhet=verksamhet, start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .select_related("ombud", "employer_kommun")
        .order_by("start", "pk")
    )


def person_key(period: EmploymentPeriod) -> str:
    return f"user:{period.ombud_id}" if period.ombud_id else f"name:{period.name.strip().lower()}"


def person_name(period: EmploymentPeriod) -> str:
    return str(period.ombud) if period.ombud_id else period.name


def employer_label(period: EmploymentPeriod) -> str:
    kommun = period.employer_kommun
    return kommun.name if kommun is not None else period.employer_name


def staff_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    periods = list(periods_in_year(verksamhet=verksamhet, year=year))
    per_employer: dict[str, Fraction] = defaultdict(Fraction)
    per_kommun_kod: dict[str, Fraction] = defaultdict(Fraction)
    kommun_names: dict[str, str] = {}
    rows = []
    for p in periods:
        share = period_share(p, year)
        per_employer[employer_label(p)] += share
        if p.employer_kommun is not None:
            per_kommun_kod[p.employer_kommun.kod] += share
            kommun_names[p.employer_kommun.kod] = p.employer_kommun.name
        rows.append(
            {
                "name": person_name(p),
                "start": p.start.isoformat(),
                "end": p.end.isoformat() if p.end else None,
                "percent": str(p.percent),
                "employer": employer_label(p),
                "arsanstallningar": str(to_decimal(share)),
            }
        )
    exact = arsanstallningar_exact(periods, year)
    return {
        "exact": exact,  # a Fraction: the caller pops it before the figures leave
        "kommun_names": kommun_names,  # kod → name of the employer kommuner: popped too
        "arsanstallningar": str(to_decimal(exact)),
        "ombud_count": len({person_key(p) for p in periods}),
        "periods": rows,
        "by_employer": {k: str(to_decimal(v)) for k, v in sorted(per_employer.items())},
        "by_kommun_kod": {k: str(to_decimal(v)) for k, v in sorted(per_kommun_kod.items())},
    }
