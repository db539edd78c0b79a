"""Anonymisation on request: the lead asks, an administrator (not the same person) decides."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.audit import log_access
from core.forms import submit
from core.http import Request
from dataprotection.forms import AnonymisationRequestForm, DecisionForm
from dataprotection.selectors.screens import client_in, request_in, requests_for
from dataprotection.services import anonymisation_decide, anonymisation_request


@requires("dataprotection.view")
def request_list(request: Request) -> HttpResponse:
    rows = requests_for(verksamhet_of(request.actor))[:200]
    return render(request, "dataprotection/anonymisation_list.html", {"rows": rows})


@requires("anonymisation.request")
def request_new(request: Request, pk: int) -> HttpResponse:
    client = client_in(verksamhet_of(request.actor), pk)
    form = AnonymisationRequestForm(request.POST or None)
    made = submit(
        request,
        form,
        lambda data: anonymisation_request(
            client=client, kind=data["kind"], reason=data["reason"], by=request.user
        ),
    )
    if made is not None:
        messages.success(request, _("The request is registered and awaits an administrator."))
        return redirect("dataprotection:anonymisation_detail", pk=made.pk)
    log_access(
        user=request.user,
        obj=client,
        verksamhet_id=client.verksamhet_id,
        what="anonymisation request form",
        path=request.path,
    )
    return render(
        request, "dataprotection/anonymisation_request.html", {"form": form, "client": client}
    )


@requires("dataprotection.view")
def request_detail(request: Request, pk: int) -> HttpResponse:
    """Lead and admin read; only an administrator decides (POST), after the 404 check."""
    found = request_in(verksamhet_of(request.actor), pk)
    if request.method == "POST":
        request.actor.require("anonymisation.decide")
    form = DecisionForm(request.POST or None, initial={"version": found.version})
    decided = submit(
        request,
        form,
        lambda data: anonymisation_decide(
            request=found,
            by=request.user,
            approve=data["decision"] == "approve",
            comment=data["decision_comment"],
            expected_version=data.get("version"),
        ),
    )
    if decided is not None:
        messages.success(request, _("The decision is recorded."))
        return redirect("dataprotection:anonymisation_detail", pk=found.pk)
    history = found.history.select_related("history_user").order_by("history_date")
    log_access(
        user=request.user,
        obj=found.client,
        verksamhet_id=found.verksamhet_id,
        what="anonymisation request",
        path=request.path,
    )
    return render(
        request,
        "dataprotection/anonymisation_detail.html",
        {
            "req": found,
            "form": form,
            "can_decide": request.actor.can("anonymisation.decide", found),
            "history": history,
        },
    )
