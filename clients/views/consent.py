"""Consent per organisation and fullmakt: the page shows who the ombud may talk to today."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import verksamhet_of
from core.forms import form_page, submit
from core.http import Request
from core.query import IdField, QueryForm

from .. import services
from ..forms import ConsentEditForm, FullmaktEditForm, WithdrawForm
from ..models import Consent, Fullmakt
from ..selectors import client_for
from ..selectors.detail import consent_overview, consents, fullmakt_states, fullmakter
from ._base import client_page, client_view, crumbs, without

FULLMAKT_INTRO = _(
    "A fullmakt is the exception. Use it only when the client cannot act themselves, and limit "
    "it: one named organisation, exactly what it covers, and an end date at most a year ahead."
)


@client_view(what="consents")
def consent_page(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    today = request.actor.today
    all_consents = consents(client)
    return client_page(
        request,
        "clients/consents.html",
        client,
        tab="consents",
        today=today,
        rows=consent_overview(client, all_consents, today),
        consents=all_consents,
        fullmakter=fullmakt_states(fullmakter(client), today),
    )


class ConsentQuery(QueryForm):
    organisation = IdField()  # "ask for consent" links name the organisation


@client_view
def consent_create(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    form = ConsentEditForm(
        request.POST or None,
        verksamhet=verksamhet_of(request.actor),
        initial={"organisation": ConsentQuery.read(request)["organisation"]},
    )
    done = submit(
        request,
        form,
        lambda d: services.consent_create(client=client, by=request.user, **without(d, "version")),
    )
    if done is not None:
        messages.success(request, _("The consent is recorded."))
        return redirect("clients:consents", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Record consent"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:consents", args=[client.pk]),
        intro=_(
            "The client decides. Record what the client has agreed that you may share and "
            "discuss with this organisation, and until when."
        ),
    )


@client_view
def consent_edit(request: Request, pk: int, cpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    consent = get_object_or_404(Consent, pk=cpk, client=client)
    form = ConsentEditForm(
        request.POST or None, instance=consent, verksamhet=verksamhet_of(request.actor)
    )
    done = submit(
        request,
        form,
        lambda d: services.consent_update(
            consent=consent, by=request.user, version=d.get("version"), **without(d, "version")
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:consents", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Edit consent"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:consents", args=[client.pk]),
    )


@client_view
def consent_withdraw(request: Request, pk: int, cpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    consent = get_object_or_404(
        Consent.objects.select_related("organisation"), pk=cpk, client=client
    )
    form = WithdrawForm(request.POST or None, initial={"version": consent.version})
    done = submit(
        request,
        form,
        lambda d: services.consent_withdraw(consent=consent, by=request.user, **d),
    )
    if done is not None:
        messages.success(request, _("The consent is withdrawn."))
        return redirect("clients:consents", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Withdraw consent: %(org)s") % {"org": consent.organisation},
        crumbs=crumbs(client),
        cancel_url=reverse("clients:consents", args=[client.pk]),
        submit_label=_("Withdraw"),
        danger=True,
    )


@client_view
def fullmakt_create(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    form = FullmaktEditForm(request.POST or None, verksamhet=verksamhet_of(request.actor))
    done = submit(
        request,
        form,
        lambda d: services.fullmakt_create(client=client, by=request.user, **without(d, "version")),
    )
    if done is not None:
        messages.success(request, _("The fullmakt is recorded."))
        return redirect("clients:consents", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Record fullmakt"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:consents", args=[client.pk]),
        warning=FULLMAKT_INTRO,
    )


@client_view
def fullmakt_edit(request: Request, pk: int, fpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    fullmakt = get_object_or_404(Fullmakt, pk=fpk, client=client)
    form = FullmaktEditForm(
        request.POST or None, instance=fullmakt, verksamhet=verksamhet_of(request.actor)
    )
    done = submit(
        request,
        form,
        lambda d: services.fullmakt_update(
            fullmakt=fullmakt, by=request.user, version=d.get("version"), **without(d, "version")
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:consents", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Edit fullmakt"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:consents", args=[client.pk]),
        warning=FULLMAKT_INTRO,
    )


@client_view
def fullmakt_withdraw(request: Request, pk: int, fpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    fullmakt = get_object_or_404(
        Fullmakt.objects.select_related("organisation"), pk=fpk, client=client
    )
    form = WithdrawForm(request.POST or None, initial={"version": fullmakt.version})
    done = submit(
        request,
        form,
        lambda d: services.fullmakt_withdraw(fullmakt=fullmakt, by=request.user, **d),
    )
    if done is not None:
        messages.success(request, _("The fullmakt is withdrawn."))
        return redirect("clients:consents", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Withdraw fullmakt: %(org)s") % {"org": fullmakt.organisation},
        crumbs=crumbs(client),
        cancel_url=reverse("clients:consents", args=[client.pk]),
        submit_label=_("Withdraw"),
        danger=True,
    )
