"""Anonymisation on request: the lead asks, an administrator (not the same person) decides."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import has_role, requires_roles
from core.audit import log_access
from core.concurrency import StaleEdit
from core.models import Role
from dataprotection.forms import AnonymisationRequestForm, DecisionForm, show_errors
from dataprotection.selectors.screens import client_in, request_in, requests_for
from dataprotection.services import anonymisation_decide, anonymisation_request


@requires_roles(Role.LEAD, Role.ADMIN)
def request_list(request: HttpRequest) -> HttpResponse:
    rows = requests_for(request.verksamhet)[:200]  # type: ignore[attr-defined]
    return render(request, "dataprotection/anonymisation_list.html", {"rows": rows})


@requires_roles(Role.LEAD)
def request_new(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_in(request.verksamhet, pk)  # type: ignore[attr-defined]
    form = AnonymisationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = anonymisation_request(
                client=client,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
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


@requires_roles(Role.LEAD, Role.ADMIN)
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Lead and admin read; only an administrator decides (POST), after the 404 check."""
    found = request_in(request.verksamhet, pk)  # type: ignore[attr-defined]
    if request.method == "POST" and not has_role(request, Role.ADMIN):
        raise PermissionDenied
    form = DecisionForm(request.POST or None, initial={"version": found.version})
    if request.method == "POST" and form.is_valid():
        try:
            anonymisation_decide(
                request=found,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                comment=form.cleaned_data["decision_comment"],
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEdit as exc:
            form.show_conflict(exc.current)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("dataprotection:anonymisation_detail", pk=found.pk)
    can_decide = (
        has_role(request, Role.ADMIN)
        and found.requested_by_id != request.user.pk
        and found.status == "requested"
    )
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
        {"req": found, "form": form, "can_decide": can_decide, "history": history},
    )
