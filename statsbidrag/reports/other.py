"""Contacts, systembrister, ledningsgrupp and funds for a year."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, Sum

from clients.models import Contact, ContactType
from ombud.models import Verksamhet
from statsbidrag.arsanstallning import to_decimal
from statsbidrag.models import CoFinancing, Decision, GrantYear, Payment, Repayment
from systembrister.models import Level, Outcome, Status, Support, Systembrist

EXAMPLES = 5
CENTS = Decimal("0.01")


def money(value: Decimal | None) -> str | None:
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def contact_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Contacts in the year by type (struck entries do not count). One query."""
    types = [t.value for t in ContactType]
    aggregates: dict[str, Count] = {t: Count("pk", filter=Q(type=t)) for t in types}
    aggregates["total"] = Count("pk")
    aggregates["clients"] = Count("client", distinct=True)
    row = Contact.objects.filter(
        client__verksamhet=verksamhet,
        date__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        struck_at__isnull=True,
    ).aggregate(**aggregates)
    return {
        "by_type": {t: row[t] for t in types},
        "total": row["total"],
        "clients_with_contact": row["clients"],
    }


def systembrist_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Systembrister submitted during the year (merged duplicates not counted). Three queries."""
    reported = Systembrist.objects.filter(
        verksamhet=verksamhet, submitted_at__year=year, submitted_at__isnull=False
    ).exclude(status__in=[Status.DRAFT, Status.MERGED])
    aggregates: dict[str, Any] = {"reported": Count("pk")}
    for s in Status:
        aggregates[f"status_{s.value}"] = Count("pk", filter=Q(status=s.value))
    for lv in Level:
        aggregates[f"level_{lv.value}"] = Count("pk", filter=Q(level=lv.value))
    for o in [*Outcome, None]:
        key = o.value if o else "none"
        aggregates[f"outcome_{key}"] = Count("pk", filter=Q(outcome=o.value if o else ""))
    aggregates["clients_affected"] = Sum("clients_affected")
    aggregates["forwarded"] = Count("pk", filter=~Q(forwarded_to=""))
    row = reported.aggregate(**aggregates)
    support = Support.objects.filter(systembrist__in=reported).aggregate(n=Sum("clients_affected"))[
        "n"
    ]
    examples = [
        {
            "title": s.title,
            "level": s.level,
            "status": s.status,
            "outcome": s.outcome,
            "conclusion": s.conclusion[:400],
        }
        for s in reported.exclude(outcome="", conclusion="").order_by(
            "-clients_affected", "submitted_at"
        )[:EXAMPLES]
    ]
    return {
        "reported": row["reported"],
        "by_status": {s.value: row[f"status_{s.value}"] for s in Status if s != Status.MERGED},
        "by_level": {lv.value: row[f"level_{lv.value}"] for lv in Level},
        "by_outcome": {
            **{o.value: row[f"outcome_{o.value}"] for o in Outcome},
            "none": row["outcome_none"],
        },
        "clients_affected": (row["clients_affected"] or 0) + (support or 0),
        "forwarded": row["forwarded"],
        "examples": examples,
    }


def funds_figures(
    *, verksamhet: Verksamhet, year: int, arsanstallningar: Fraction
) -> dict[str, Any]:
    """Use of funds: statsbidrag (calculated, granted, paid, repaid), co-financing, costs."""
    grant_year = GrantYear.objects.filter(verksamhet=verksamhet, year=year).first()
    empty: dict[str, Any] = {
        "amount_per_arsanstallning": None,
        "statsbidrag_calculated": None,
        "granted": None,
        "granted_arsanstallningar": None,
        "decided_on": None,
        "paid": "0.00",
        "repayment_demanded": "0.00",
        "co_financing_planned": "0.00",
        "co_financing_actual": None,
        "co_financing": {},
        "costs": None,
        "applicant_kommun": None,
        "participating_kommuner": [],
    }
    if grant_year is None:
        return empty
    decision = Decision.objects.filter(grant_year=grant_year).order_by("-decided_on", "-pk").first()
    paid = Payment.objects.filter(grant_year=grant_year).aggregate(s=Sum("amount"))["s"]
    repaid = Repayment.objects.filter(grant_year=grant_year).aggregate(s=Sum("amount"))["s"]
    co = list(CoFinancing.objects.filter(grant_year=grant_year).select_related("kommun"))
    amount = grant_year.amount_per_arsanstallning
    actuals = [c.actual for c in co if c.actual is not None]
    return {
        "amount_per_arsanstallning": money(amount),
        "statsbidrag_calculated": money(to_decimal(arsanstallningar * Fraction(amount), CENTS))
        if amount
        else None,
        "granted": money(decision.granted_amount) if decision else None,
        "granted_arsanstallningar": str(decision.arsanstallningar) if decision else None,
        "decided_on": decision.decided_on.isoformat() if decision else None,
        "paid": money(paid or Decimal(0)),
        "repayment_demanded": money(repaid or Decimal(0)),
        "co_financing_planned": money(sum((c.planned for c in co), Decimal(0))),
        "co_financing_actual": money(sum(actuals, Decimal(0))) if actuals else None,
        "co_financing": {
            c.kommun.kod: {
                "kommun": c.kommun.name,
                "planned": money(c.planned),
                "actual": money(c.actual),
            }
            for c in sorted(co, key=lambda c: c.kommun.name)
        },
        "costs": money(grant_year.costs),
        "applicant_kommun": grant_year.applicant_kommun.name,
        "participating_kommuner": sorted(k.name for k in grant_year.participating_kommuner.all()),
    }
