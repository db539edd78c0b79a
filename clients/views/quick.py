"""The quick contact: one short form on the phone, from the client list or the client page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from .. import services
from ..forms import QuickContactForm
from ..selectors import client_for
from ._base import client_view, crumbs

FROM_LIST = "lista"  # ?fran=lista: opened from the client list, which it returns to


@client_view(what="quick contact")
def contact_quick(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    from_list = request.GET.get("fran") == FROM_LIST
    back = reverse("clients:list") if from_list else reverse("clients:detail", args=[client.pk])
    form = QuickContactForm(
        request.POST or None, verksamhet=verksamhet_of(request.actor), client=client
    )
    done = submit(
        request, form, lambda d: services.contact_log(client=client, by=request.user, **d)
    )
    if done is not None:
        messages.success(
            request, _("The contact with %(alias)s is logged.") % {"alias": client.alias}
        )
        return redirect(back)
    return form_page(
        request,
        form,
        title=_("Quick contact"),
        crumbs=crumbs(client),
        cancel_url=back,
        submit_label=_("Save contact"),
    )
