"""Contacts, systembrister, ledningsgrupp and funds for a year."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, OuterRef, Q, Subquery, Sum, TextField
from django.db.models.functions import Cast, JSONObject

from clients.models import Contact, ContactKind, ContactType
from core.models import Verksamhet
from statsbidrag.arsanstallning import to_decimal
from statsbidrag.models import CoFinancing, Decision, GrantYear, Payment, Repayment
from systembrister.models import Level, Outcome, Status

CENTS = Decimal("0.01")


def money(value: Decimal | None) -> str | None:
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def contact_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Contacts in the year by type (struck entries do not count). One query. Contacts about
    a client are counted by type and in the total; avidentifierade contacts (the client was
    not named) are counted apart, and make no client one "with a contact"."""
    types = [t.value for t in ContactType]
    about = ~Q(kind=ContactKind.AVIDENTIFIERAD)
    aggregates: dict[str, Count] = {t: Count("pk", filter=about & Q(type=t)) for t in types}
    aggregates["total"] = Count("pk", filter=about)
    aggregates["clients"] = Count("client", filter=about, distinct=True)
    aggregates["avidentifierad"] = Count("pk", filter=Q(kind=ContactKind.AVIDENTIFIERAD))
    row = Contact.objects.filter(
        client__verksamhet=verksamhet,
        date__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        struck_at__isnull=True,
    ).aggregate(**aggregates)
    return {
        "by_type": {t: row[t] for t in types},
        "total": row["total"],
        "clients_with_contact": row["clients"],
        "avidentifierad": row["avidentifierad"],
    }


def systembrist_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Systembrister of the year from ``systembrister.selectors.yearly_figures`` (reported =
    submitted in the year, drafts and merged duplicates excluded), with the clients affected
    (the reports' own counts and other ombud's supports) and how many were forwarded. One
    query."""
    from systembrister.selectors import REPORTED_EXCLUDED, yearly_figures

    theirs = yearly_figures(verksamhet=verksamhet, year=year)
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
        "clients_affected": theirs["clients_affected"],
        "forwarded": theirs["forwarded"],
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
    """Use of funds: statsbidrag (calculated, granted, paid, repaid), co-financing, costs.
    One query: sums, the latest decision, co-financing and kommuner as subqueries."""
    latest = Decision.objects.filter(grant_year=OuterRef("pk")).order_by("-decided_on", "-pk")
    co_financing = (
        CoFinancing.objects.filter(grant_year=OuterRef("pk"))
        .order_by("pk")
        .values(
            row=JSONObject(
                kod="kommun__kod",
                kommun="kommun__name",
                planned=Cast("planned", TextField()),  # as text: exact decimals
                actual=Cast("actual", TextField()),
            )
        )
    )
    participating = (
        GrantYear.participating_kommuner.through.objects.filter(grantyear=OuterRef("pk"))
        .order_by()
        .values("kommun__name")
    )
    grant_year = (
        GrantYear.objects.filter(verksamhet=verksamhet, year=year)
        .select_related("applicant_kommun")
        .annotate(
            paid=_sum_of(Payment),
            repaid=_sum_of(Repayment),
            granted=Subquery(latest.values("granted_amount")[:1]),
            granted_arsanstallningar=Subquery(latest.values("arsanstallningar")[:1]),
            decided_on=Subquery(latest.values("decided_on")[:1]),
            co_financing_rows=ArraySubquery(co_financing),
            participating=ArraySubquery(participating),
        )
        .first()
    )
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
    g: Any = grant_year  # with the annotations above
    co = [
        {
            **row,
            "planned": Decimal(row["planned"]),
            "actual": None if row["actual"] is None else Decimal(row["actual"]),
        }
        for row in g.co_financing_rows
    ]
    amount = grant_year.amount_per_arsanstallning
    actuals = [c["actual"] for c in co if c["actual"] is not None]
    return {
        "amount_per_arsanstallning": money(amount),
        "statsbidrag_calculated": money(to_decimal(arsanstallningar * Fraction(amount), CENTS))
        if amount
        else None,
        "granted": money(g.granted),
        "granted_arsanstallningar": None
        if g.decided_on is None
        else str(g.granted_arsanstallningar),
        "decided_on": g.decided_on.isoformat() if g.decided_on else None,
        "paid": money(g.paid or Decimal(0)),
        "repayment_demanded": money(g.repaid or Decimal(0)),
        "co_financing_planned": money(sum((c["planned"] for c in co), Decimal(0))),
        "co_financing_actual": money(sum(actuals, Decimal(0))) if actuals else None,
        "co_financing": {
            c["kod"]: {
                "kommun": c["kommun"],
                "planned": money(c["planned"]),
                "actual": money(c["actual"]),
            }
            for c in sorted(co, key=lambda c: c["kommun"])
        },
        "costs": money(grant_year.costs),
        "applicant_kommun": grant_year.applicant_kommun.name,
        "participating_kommuner": sorted(g.participating),
    }
