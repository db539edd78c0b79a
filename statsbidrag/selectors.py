"""Reads of statsbidrag data, always scoped to one verksamhet."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from core.models import Verksamhet

from .models import DocumentStatus, EmploymentPeriod, GrantYear
from .reports.documents import APPLICATION, REDOVISNING

KINDS = (APPLICATION, REDOVISNING)


def grant_years_for(*, verksamhet: Verksamhet) -> QuerySet[GrantYear]:
    return (
        GrantYear.objects.filter(verksamhet=verksamhet)
        .select_related("applicant_kommun", "application", "redovisning")
        .order_by("-year")
    )


def grant_year_for(
    *, verksamhet: Verksamhet | None, year: int, with_document: str | None = None
) -> GrantYear:
    """The grant year, or 404. ``with_document`` (a kind): its document, the document's
    form and submitter come in the same query (``document_of`` then asks none)."""
    if verksamhet is None:
        raise Http404
    related = ["verksamhet", "applicant_kommun"]
    if with_document is not None:
        name = _document_field(with_document)
        related += [name, f"{name}__submitted_by"]
        if name == "redovisning":
            related.append(f"{name}__form")
    found = (
        GrantYear.objects.filter(verksamhet=verksamhet, year=year).select_related(*related).first()
    )
    if found is None:
        raise Http404
    return found


def grant_year_detail(*, grant_year: GrantYear) -> dict[str, Any]:
    return {
        "co_financing": list(
            grant_year.co_financing.select_related("kommun").order_by("kommun__name")
        ),
        "decisions": list(grant_year.decisions.all()),
        "payments": list(grant_year.payments.all()),
        "repayments": list(grant_year.repayments.all()),
        "kommuner": list(grant_year.participating_kommuner.all()),
    }


def employment_periods_for(*, verksamhet: Verksamhet) -> QuerySet[EmploymentPeriod]:
    return (
        EmploymentPeriod.objects.filter(verksamhet=verksamhet)
        .select_related("ombud", "employer_kommun")
        .order_by("-start", "pk")
    )


def period_for(*, verksamhet: Verksamhet | None, pk: int) -> EmploymentPeriod:
    found = EmploymentPeriod.objects.filter(verksamhet=verksamhet, pk=pk).first()
    if found is None:
        raise Http404
    return found


def _document_field(kind: str) -> str:
    if kind not in KINDS:
        raise Http404
    return "application" if kind == APPLICATION else "redovisning"


def document_of(kind: str, grant_year: GrantYear) -> Any:
    model = _document_field(kind)
    return getattr(grant_year, model, None) if hasattr(grant_year, model) else None


def is_submitted(document: Any) -> bool:
    return document is not None and document.status == DocumentStatus.SUBMITTED


@dataclass(frozen=True)
class Deadlines:
    application_year: int
    application_due: datetime.date
    redovisning_year: int
    redovisning_due: datetime.date


def deadlines(*, today: datetime.date | None = None) -> Deadlines:
    """The next application deadline (1 March) and redovisning deadline (15 January)."""
    today = today or timezone.localdate()
    application_year = today.year if today <= datetime.date(today.year, 3, 1) else today.year + 1
    redovisning_due = datetime.date(today.year, 1, 15)
    if today > redovisning_due:
        redovisning_due = datetime.date(today.year + 1, 1, 15)
    return Deadlines(
        application_year=application_year,
        application_due=datetime.date(application_year, 3, 1),
        redovisning_year=redovisning_due.year - 1,
        redovisning_due=redovisning_due,
    )
