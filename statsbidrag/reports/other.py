"""Contacts, systembrister, ledningsgrupp and funds for a year."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Sum

from clients.models import Contact, ContactType
from ombud.models import Verksamhet
from statsbidrag.arsanstallning import to_decimal
from statsbidrag.models import CoFinancing, Decision, GrantYear, Payment, Repayment
from systembrister.models import Level, Outcome, Status, Support, Systembrist

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
    """Systembrister of the year from ``systembrister.selectors.yearly_figures`` (reported =
    submitted in the year, drafts and merged duplicates excluded), plus the clients affected
    (the reports' own counts and other ombud's supports) and how many were forwarded."""
    from systembrister.selectors import REPORTED_EXCLUDED, in_year, yearly_figures

    theirs = yearly_figures(verksamhet=verksamhet, year=year)
    reported = (
        Systembrist.objects.filter(verksamhet=verksamhet)
        .exclude(status__in=REPORTED_EXCLUDED)
        .filter(in_year(year))
    )
    row = reported.aggregate(
        clients=Sum("clients_affected"), forwarded=Count("pk", filter=~Q(forwarded_to=""))
    )
    support = Support.objects.filter(systembrist__in=reported).aggregate(n=Sum("clients_affected"))[
        "n"
    ]
    by_outcome = {o.value: theirs["by_outcome"].get(o.value, 0) for o in Outcome}
    by_outcome["none"] = theirs["reported"] - sum(by_outcome.values())
    return {
        "reported": theirs["reported"],
        "by_status": {
            s.value: theirs["by_status"].get(s.value, 0)
            for s in Status
            if s not in REPORTED_EXCLUDED
        },
        "by_level": {lv.value: theirs["by_level"].get(lv.value, 0) for lv in Level},
        "by_outcome": by_outcome,
        "clients_affected": (row["clients"] or 0) + (support or 0),
        "forwarded": row["forwarded"],
        "examples": [
            {
                "title": e["title"],
                "level": e["level"],
                "organisations": e["organisations"],
                "status": e["status"],
                "outcome": e["outcome"],
                "conclusion": e["conclusion"][:400],
                "clients_affected": e["clients_affected"],
            }
            for e in theirs["examples"]
        ],
    }


def _sum_of(model: type[Payment] | type[Repayment]) -> Subquery:
    """The sum of ``model.amount`` for the grant year (None when there are none)."""
    rows = model.objects.filter(grant_year=OuterRef("pk")).order_by().values("grant_year_id")
    return Subquery(rows.annotate(s=Sum("amount")).values("s")[:1])


def funds_figures(
    *, verksamhet: Verksamhet, year: int, arsanstallningar: Fraction
) -> dict[str, Any]:
    """Use of funds: statsbidrag (calculated, granted, paid, repaid), co-financing, costs."""
    grant_year = (
        GrantYear.objects.filter(verksamhet=verksamhet, year=year)
        .select_related("applicant_kommun")
        .annotate(paid=_sum_of(Payment), repaid=_sum_of(Repayment))
        .prefetch_related(
            "participating_kommuner",
            Prefetch("co_financing", queryset=CoFinancing.objects.select_related("kommun")),
            Prefetch("decisions", queryset=Decision.objects.order_by("-decided_on", "-pk")),
        )
        .first()
    )  # four queries
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
    decisions = list(grant_year.decisions.all())
    decision = decisions[0] if decisions else None
    paid, repaid = grant_year.paid, grant_year.repaid  # type: ignore[attr-defined]
    co = list(grant_year.co_financing.all())
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
