"""Loggkontroll: the lead reviews each month's reads and signs the month off."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import submit
from core.http import Request
from dataprotection.forms import LogReviewForm
from dataprotection.models import LogReview
from dataprotection.selectors.loggkontroll import (
    OFFICE_END,
    OFFICE_START,
    findings_for,
    reads_per_day_limit,
    reviewable_months,
)
from dataprotection.services import logreview_sign


@requires("dataprotection.view")
def months(request: Request) -> HttpResponse:
    rows = reviewable_months(verksamhet_of(request.actor))
    return render(request, "dataprotection/loggkontroll.html", {"rows": rows})


@requires("dataprotection.view", write="logreview.sign")
def month(request: Request, year: int, month: int) -> HttpResponse:
    try:
        first = datetime.date(year, month, 1)
    except ValueError as exc:
        raise Http404 from exc
    verksamhet = verksamhet_of(request.actor)
    review = (
        LogReview.objects.filter(verksamhet=verksamhet, month=first)
        .select_related("signed_by")
        .first()
    )
    form = LogReviewForm(request.POST or None)
    signed = submit(
        request,
        form,
        lambda data: logreview_sign(
            verksamhet=verksamhet, month=first, by=request.user, comment=data["comment"]
        ),
    )
    if signed is not None:
        messages.success(request, _("The month is signed off."))
        return redirect("dataprotection:loggkontroll_month", year=year, month=month)
    return render(
        request,
        "dataprotection/loggkontroll_month.html",
        {
            "month": first,
            "found": findings_for(verksamhet, first),
            "review": review,
            "form": form,
            "limit": reads_per_day_limit(),
            "office_start": OFFICE_START,
            "office_end": OFFICE_END,
            "can_sign": request.actor.holds("logreview.sign"),
        },
    )
