"""The contact log: add, strike (never delete)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.links import url_maker

from .. import services
from ..forms import ContactLogForm, StrikeForm
from ..models import Contact
from ..selectors import client_for
from ..selectors.detail import contact_log
from ._base import client_view, form_page, run_form
from ._rows import contact_rows, page_of

PER_PAGE = 30


@client_view(what="contacts")
def contacts(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk)
    page = page_of(request, contact_log(client), PER_PAGE, short=True)
    strike = url_maker("clients:contact_strike", client.pk) if client.editable else None  # type: ignore[attr-defined]
    return render(
        request,
        "clients/contacts.html",
        {
            "client": client,
            "tab": "contacts",
            "page": page,
            "rows": contact_rows(page.object_list, strike),
            "querystring": "",
        },
    )


@client_view
def contact_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    form = ContactLogForm(request.POST or None, verksamhet=viewer.verksamhet)
    done = run_form(
        request, form, lambda d: services.contact_log(client=client, by=request.user, **d)
    )
    if done is not None:
        messages.success(request, _("The contact is logged."))
        return redirect("clients:contacts", pk=client.pk)
    return form_page(
        request, form, title=_("Log a contact"), client=client, cancel="clients:contacts"
    )


@client_view
def contact_strike(request: HttpRequest, pk: int, cpk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    contact = get_object_or_404(Contact, pk=cpk, client=client)
    form = StrikeForm(request.POST or None)
    done = run_form(
        request, form, lambda d: services.contact_strike(contact=contact, by=request.user, **d)
    )
    if done is not None:
        messages.success(request, _("The entry is struck. It stays in the log."))
        return redirect("clients:contacts", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Strike entry of %(day)s") % {"day": contact.date.isoformat()},
        client=client,
        cancel="clients:contacts",
        submit=_("Strike"),
        intro=_("Struck entries are never deleted: they stay in the log, struck through."),
        danger=True,
    )
