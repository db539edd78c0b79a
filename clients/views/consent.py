"""Consent per organisation and fullmakt: the page shows who the ombud may talk to today."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.query import IdField, QueryForm

from .. import services
from ..forms import ConsentEditForm, FullmaktEditForm, WithdrawForm
from ..models import Consent, Fullmakt
from ..selectors import client_for
from ..selectors.detail import EXPIRY_WARNING_DAYS, consent_overview, consents, fullmakter
from ._base import client_view, form_page, run_form, without

FULLMAKT_INTRO = _(
    "A fullmakt is the exception. Use it only when the client cannot act themselves, and limit "
    "it: one named organisation, exactly what it covers, and an end date at most a year ahead."
)


@client_view(what="consents")
def consent_page(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk)
    all_consents = consents(client)
    all_fullmakter = fullmakter(client)
    for f in all_fullmakter:
        f.expires_soon = (  # type: ignore[attr-defined]
            f.withdrawn_on is None
            and viewer.today <= f.valid_until
            and (f.valid_until - viewer.today).days <= EXPIRY_WARNING_DAYS
        )
        f.active_now = f.withdrawn_on is None and f.valid_from <= viewer.today <= f.valid_until  # type: ignore[attr-defined]
    return render(
        request,
        "clients/consents.html",
        {
            "client": client,
            "tab": "consents",
            "today": viewer.today,
            "rows": consent_overview(client, all_consents, viewer.today),
            "consents": all_consents,
            "fullmakter": all_fullmakter,
        },
    )


class ConsentQuery(QueryForm):
    organisation = IdField()  # "ask for consent" links name the organisation


@client_view
def consent_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    form = ConsentEditForm(
        request.POST or None,
        verksamhet=viewer.verksamhet,
        initial={"organisation": ConsentQuery.read(request)["organisation"]},
    )
    done = run_form(
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
        client=client,
        cancel="clients:consents",
        intro=_(
            "The client decides. Record what the client has agreed that you may share and "
            "discuss with this organisation, and until when."
        ),
    )


@client_view
def consent_edit(request: HttpRequest, pk: int, cpk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    consent = get_object_or_404(Consent, pk=cpk, client=client)
    form = ConsentEditForm(request.POST or None, instance=consent, verksamhet=viewer.verksamhet)
    done = run_form(
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
        request, form, title=_("Edit consent"), client=client, cancel="clients:consents"
    )


@client_view
def consent_withdraw(request: HttpRequest, pk: int, cpk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    consent = get_object_or_404(
        Consent.objects.select_related("organisation"), pk=cpk, client=client
    )
    form = WithdrawForm(request.POST or None, initial={"version": consent.version})
    done = run_form(
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
        client=client,
        cancel="clients:consents",
        submit=_("Withdraw"),
        danger=True,
    )


@client_view
def fullmakt_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    form = FullmaktEditForm(request.POST or None, verksamhet=viewer.verksamhet)
    done = run_form(
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
        client=client,
        cancel="clients:consents",
        warning=FULLMAKT_INTRO,
    )


@client_view
def fullmakt_edit(request: HttpRequest, pk: int, fpk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    fullmakt = get_object_or_404(Fullmakt, pk=fpk, client=client)
    form = FullmaktEditForm(request.POST or None, instance=fullmakt, verksamhet=viewer.verksamhet)
    done = run_form(
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
        client=client,
        cancel="clients:consents",
        warning=FULLMAKT_INTRO,
    )


@client_view
def fullmakt_withdraw(request: HttpRequest, pk: int, fpk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    fullmakt = get_object_or_404(
        Fullmakt.objects.select_related("organisation"), pk=fpk, client=client
    )
    form = WithdrawForm(request.POST or None, initial={"version": fullmakt.version})
    done = run_form(
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
        client=client,
        cancel="clients:consents",
        submit=_("Withdraw"),
        danger=True,
    )
