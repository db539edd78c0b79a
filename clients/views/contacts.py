"""The contact log: add, strike (never delete)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from .. import services
from ..forms import ContactLogForm, StrikeForm
from ..models import Contact
from ..selectors import client_for
from ..selectors.detail import contact_counts, contact_log
from ._base import client_page, client_view, crumbs, without
from ._rows import contact_rows, page_of

PER_PAGE = 30


@client_view(what="contacts")
def contacts(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    page = page_of(request, contact_log(client), PER_PAGE, short=True)
    return client_page(
        request,
        "clients/contacts.html",
        client,
        tab="contacts",
        page=page,
        rows=contact_rows(page.object_list, client=client.pk, can_strike=client.editable),
        counts=contact_counts(client),
        querystring="",
    )


@client_view
def contact_create(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    form = ContactLogForm(
        request.POST or None, verksamhet=verksamhet_of(request.actor), client=client
    )
    done = submit(
        request,
        form,
        lambda d: services.contact_log(
            client=client,
            by=request.user,
            confirm_words=form.words_confirmation(),
            **without(d, "confirm", "confirm_words"),
        ),
    )
    if done is not None:
        messages.success(request, _("The contact is logged."))
        return redirect("clients:contacts", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Log a contact"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:contacts", args=[client.pk]),
    )


@client_view
def contact_strike(request: Request, pk: int, cpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    contact = get_object_or_404(Contact, pk=cpk, client=client)
    form = StrikeForm(request.POST or None)
    done = submit(
        request, form, lambda d: services.contact_strike(contact=contact, by=request.user, **d)
    )
    if done is not None:
        messages.success(request, _("The entry is struck. It stays in the log."))
        return redirect("clients:contacts", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Strike entry of %(day)s") % {"day": contact.date.isoformat()},
        crumbs=crumbs(client),
        cancel_url=reverse("clients:contacts", args=[client.pk]),
        submit_label=_("Strike"),
        intro=_("Struck entries are never deleted: they stay in the log, struck through."),
        danger=True,
    )
