"""Co-financing, decision, payments and repayment demands of a grant year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires_roles

from .. import selectors, services
from ..forms import CoFinancingForm, DecisionForm, PaymentForm, RepaymentForm
from .common import MANAGE, show_errors


def _add(
    request: HttpRequest,
    year: int,
    form_class: type[forms.ModelForm],
    service: Callable[..., Any],
    title: str,
    **form_kwargs: Any,
) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)  # type: ignore[attr-defined]
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(grant_year=gy, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("statsbidrag:year", year=year)
    return render(request, "statsbidrag/form.html", {"form": form, "title": title, "gy": gy})


@requires_roles(*MANAGE)
def co_financing(request: HttpRequest, year: int) -> HttpResponse:
    return _add(
        request,
        year,
        CoFinancingForm,
        services.co_financing_set,
        _("Co-financing for %(year)s") % {"year": year},
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
    )


@requires_roles(*MANAGE)
def decision_new(request: HttpRequest, year: int) -> HttpResponse:
    return _add(
        request,
        year,
        DecisionForm,
        services.decision_add,
        _("Decision for %(year)s") % {"year": year},
    )


@requires_roles(*MANAGE)
def payment_new(request: HttpRequest, year: int) -> HttpResponse:
    return _add(
        request, year, PaymentForm, services.payment_add, _("Payment for %(year)s") % {"year": year}
    )


@requires_roles(*MANAGE)
def repayment_new(request: HttpRequest, year: int) -> HttpResponse:
    return _add(
        request,
        year,
        RepaymentForm,
        services.repayment_add,
        _("Repayment demand for %(year)s") % {"year": year},
    )
