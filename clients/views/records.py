"""Create, show and edit the client record."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import has_role, requires_roles
from core.models import Role

from .. import services
from ..forms import ClientCreateForm, ClientForm
from ..selectors import client_for, viewer_for
from ..selectors.detail import overview
from ._base import client_view, form_page, run_form, without
from .lists import LIST_ROLES


@requires_roles(*LIST_ROLES)
def client_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    form = ClientCreateForm(
        request.POST or None,
        verksamhet=viewer.verksamhet,
        can_take=has_role(request, Role.OMBUD),
    )
    client = run_form(
        request,
        form,
        lambda d: services.client_create(
            verksamhet=viewer.verksamhet, by=request.user, **without(d, "version")
        ),
    )
    if client is not None:
        messages.success(request, _("The client is registered."))
        return redirect("clients:detail", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("New client"),
        cancel="clients:waiting",
        submit=_("Register client"),
        intro=_(
            "Only the alias is required. Record as little as the work needs: the client may "
            "stay anonymous."
        ),
    )


@client_view(what="overview")
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk)
    data = overview(client, viewer.today)
    return render(
        request,
        "clients/detail.html",
        {"client": client, "tab": "overview", "today": viewer.today, **data},
    )


@client_view(what="edit")
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    form = ClientForm(request.POST or None, instance=client, verksamhet=viewer.verksamhet)
    done = run_form(
        request,
        form,
        lambda d: services.client_update(
            client=client,
            by=request.user,
            version=d.get("version"),
            **without(d, "version"),
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:detail", pk=client.pk)
    return form_page(
        request, form, title=_("Edit client record"), client=client, cancel="clients:detail"
    )
