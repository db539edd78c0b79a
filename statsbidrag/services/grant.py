"""Employment periods, grant years and their money."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.access import actor_for
from core.audit import save
from core.concurrency import lock_for_edit
from core.models import Kommun, Verksamhet
from statsbidrag.models import (
    CoFinancing,
    Decision,
    EmploymentPeriod,
    GrantYear,
    Payment,
    Repayment,
)

PERIOD_FIELDS = ["ombud", "name", "start", "end", "percent", "employer_kommun", "employer_name"]
YEAR_FIELDS = [
    "amount_per_arsanstallning",
    "applicant_kommun",
    "planned_arsanstallningar",
    "contact_person",
    "contact_email",
    "costs",
]


def _validate_period(period: EmploymentPeriod) -> None:
    errors: dict[str, str] = {}
    if period.ombud_id is None and not period.name.strip():
        errors["name"] = _("Choose an ombud or write the name of one without a login.")
    if period.ombud_id is not None and not actor_for(period.ombud_id, period.verksamhet_id).holds(
        "grant.employment.counted"
    ):
        errors["ombud"] = _("This person is not an ombud in this PO service.")
    if period.employer_kommun_id is None and not period.employer_name.strip():
        errors["employer_name"] = _("Choose the employing municipality or name the contractor.")
    if period.percent is None or not (Decimal(0) < period.percent <= Decimal(100)):
        errors["percent"] = _("The percentage must be more than 0 and at most 100.")
    if period.end is not None and period.start and period.end < period.start:
        errors["end"] = _("The end date cannot be before the start date.")
    if errors:
        raise ValidationError(errors)
    same = EmploymentPeriod.objects.filter(verksamhet_id=period.verksamhet_id).exclude(pk=period.pk)
    same = (
        same.filter(ombud_id=period.ombud_id)
        if period.ombud_id
        else same.filter(ombud__isnull=True, name__iexact=period.name.strip())
    )
    last = period.end or datetime.date.max
    overlapping = same.filter(start__lte=last).filter(
        Q(end__isnull=True) | Q(end__gte=period.start)
    )
    total = sum((p.percent for p in overlapping), Decimal(0)) + period.percent
    if total > 100:
        raise ValidationError(
            {
                "percent": _(
                    "Together with overlapping periods this ombud would work more than 100 %."
                )
            }
        )


@transaction.atomic
def employment_period_save(
    *,
    verksamhet: Verksamhet,
    by: Any,
    period: EmploymentPeriod | None = None,
    expected_version: int | None = None,
    **fields: Any,
) -> EmploymentPeriod:
    if period is None:
        period = EmploymentPeriod(verksamhet=verksamhet)
    elif period.verksamhet_id != verksamhet.pk:
        raise ValidationError(_("This period belongs to another PO service."))
    else:
        lock_for_edit(period, expected_version)
    for name in PERIOD_FIELDS:
        if name in fields:
            value = fields[name]
            if value is None and name in ("name", "employer_name"):
                value = ""  # text fields are never NULL
            setattr(period, name, value)
    _validate_period(period)
    save(period, by=by)
    return period


@transaction.atomic
def grant_year_save(
    *,
    verksamhet: Verksamhet,
    by: Any,
    year: int | None = None,
    grant_year: GrantYear | None = None,
    expected_version: int | None = None,
    participating_kommuner: list[Kommun] | None = None,
    **fields: Any,
) -> GrantYear:
    if grant_year is None:
        if year is None or not (2013 <= year <= 2100):
            raise ValidationError({"year": _("Give a year from 2013 on.")})
        if GrantYear.objects.filter(verksamhet=verksamhet, year=year).exists():
            raise ValidationError({"year": _("This year already exists.")})
        grant_year = GrantYear(verksamhet=verksamhet, year=year)
    else:
        lock_for_edit(grant_year, expected_version)
    for name in YEAR_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(grant_year, name, "" if value is None and name.startswith("contact") else value)
    if (
        grant_year.amount_per_arsanstallning is not None
        and grant_year.amount_per_arsanstallning < 0
    ):
        raise ValidationError({"amount_per_arsanstallning": _("The amount cannot be negative.")})
    if grant_year.applicant_kommun_id is None:
        raise ValidationError({"applicant_kommun": _("Choose the applicant municipality.")})
    save(grant_year, by=by)
    if participating_kommuner is not None:
        grant_year.participating_kommuner.set(participating_kommuner)
    return grant_year


@transaction.atomic
def co_financing_set(
    *, grant_year: GrantYear, by: Any, kommun: Kommun, planned: Decimal, actual: Decimal | None
) -> CoFinancing:
    if planned is None or planned < 0 or (actual is not None and actual < 0):
        raise ValidationError({"planned": _("Amounts cannot be negative.")})
    row = CoFinancing.objects.filter(grant_year=grant_year, kommun=kommun).first() or CoFinancing(
        grant_year=grant_year, kommun=kommun
    )
    row.planned, row.actual = planned, actual
    save(row, by=by)
    return row


def _positive(amount: Decimal | None, field: str = "amount") -> None:
    if amount is None or amount <= 0:
        raise ValidationError({field: _("The amount must be more than zero.")})


@transaction.atomic
def decision_add(*, grant_year: GrantYear, by: Any, **fields: Any) -> Decision:
    _positive(fields.get("granted_amount"), "granted_amount")
    if fields.get("arsanstallningar") is None or fields["arsanstallningar"] < 0:
        raise ValidationError(
            {"arsanstallningar": _("Give the number of årsanställningar granted.")}
        )
    decision = Decision(grant_year=grant_year, **fields)
    save(decision, by=by)
    return decision


@transaction.atomic
def payment_add(*, grant_year: GrantYear, by: Any, **fields: Any) -> Payment:
    _positive(fields.get("amount"))
    payment = Payment(grant_year=grant_year, **fields)
    save(payment, by=by)
    return payment


@transaction.atomic
def repayment_add(*, grant_year: GrantYear, by: Any, **fields: Any) -> Repayment:
    _positive(fields.get("amount"))
    if fields.get("repaid_on") and fields["repaid_on"] < fields["demanded_on"]:
        raise ValidationError({"repaid_on": _("Repaid cannot be before the demand.")})
    repayment = Repayment(grant_year=grant_year, **fields)
    save(repayment, by=by)
    return repayment
