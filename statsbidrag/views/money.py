"""Co-financing, decision, payments and repayment demands of a grant year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from .. import selectors, services
from ..forms import CoFinancingForm, DecisionForm, PaymentForm, RepaymentForm
from .common import crumbs


def _add(
    request: Request,
    year: int,
    form_class: type[forms.ModelForm],
    service: Callable[..., Any],
    title: str,
    **form_kwargs: Any,
) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)
    form = form_class(request.POST or None, **form_kwargs)
    saved = submit(request, form, lambda data: service(grant_year=gy, by=request.user, **data))
    if saved is not None:
        messages.success(request, _("Saved."))
        return redirect("statsbidrag:year", year=year)
    return form_page(
        request,
        form,
        title=title,
        crumbs=crumbs(gy),
        cancel_url=reverse("statsbidrag:year", args=[year]),
    )


@requires("grant.manage")
def co_financing(request: Request, year: int) -> HttpResponse:
    return _add(
        request,
        year,
        CoFinancingForm,
        services.co_financing_set,
        _("Co-financing for %(year)s") % {"year": year},
        verksamhet=verksamhet_of(request.actor),
    )


@requires("grant.manage")
def decision_new(request: Request, year: int) -> HttpResponse:
    return _add(
        request,
        year,
        DecisionForm,
        services.decision_add,
        _("Decision for %(year)s") % {"year": year},
    )


@requires("grant.manage")
def payment_new(request: Request, year: int) -> HttpResponse:
    return _add(
        request, year, PaymentForm, services.payment_add, _("Payment for %(year)s") % {"year": year}
    )


@requires("grant.manage")
def repayment_new(request: Request, year: int) -> HttpResponse:
    return _add(
        request,
        year,
        RepaymentForm,
        services.repayment_add,
        _("Repayment demand for %(year)s") % {"year": year},
    )
