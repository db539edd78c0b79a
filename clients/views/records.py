"""Create, show and edit the client record."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from .. import services
from ..forms import ClientCreateForm, ClientForm
from ..selectors import client_for
from ..selectors.detail import overview
from ._base import client_page, client_view, crumbs, without


@requires("client.create")
def client_create(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    form = ClientCreateForm(
        request.POST or None,
        verksamhet=verksamhet,
        can_take=request.actor.holds("client.take"),
    )
    client = submit(
        request,
        form,
        lambda d: services.client_create(
            verksamhet=verksamhet, by=request.user, **without(d, "version")
        ),
    )
    if client is not None:
        messages.success(request, _("The client is registered."))
        return redirect("clients:detail", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("New client"),
        crumbs=crumbs(),
        cancel_url=reverse("clients:waiting"),
        submit_label=_("Register client"),
        intro=_(
            "Only the alias is required. Record as little as the work needs: the client may "
            "stay anonymous."
        ),
    )


@client_view(what="overview")
def client_detail(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    today = request.actor.today
    return client_page(
        request,
        "clients/detail.html",
        client,
        tab="overview",
        today=today,
        **overview(client, today),
    )


@client_view(what="edit")
def client_edit(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    form = ClientForm(
        request.POST or None, instance=client, verksamhet=verksamhet_of(request.actor)
    )
    done = submit(
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
        request,
        form,
        title=_("Edit client record"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:detail", args=[client.pk]),
    )
