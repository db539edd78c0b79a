"""The uppdrag page: periods, responsible ombud over time, and the next step."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from .. import services
from ..forms import AdvanceForm, EndForm, HandoverForm, ReopenForm, UppdragForm
from ..models import Client, Uppdrag, UppdragStatus
from ..selectors import client_for
from ..selectors.access import current_assignments
from ..selectors.detail import responsible_on, uppdrag_periods
from ..selectors.lists import ombud_users
from ._base import client_page, client_view, crumbs, without

STEPS = {"kontaktskapande": UppdragStatus.CONTACT_BUILDING, "aktivt": UppdragStatus.ACTIVE}


def _latest(client: Client, *prefetch: str) -> Uppdrag:
    uppdrag = client.uppdrag.order_by("-pk").prefetch_related(*prefetch).first()
    if uppdrag is None:
        raise Http404
    return uppdrag


def _back(client: Client) -> str:
    return reverse("clients:uppdrag", args=[client.pk])


@client_view(what="uppdrag")
def uppdrag_page(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    client = client_for(actor=actor, pk=pk)
    periods = uppdrag_periods(client)
    latest = periods[0] if periods else None
    # Who may edit the client starts it themselves; "take" is for the ombud who may not yet.
    can_take = latest is not None and not client.editable and actor.can("client.take", latest)
    return client_page(
        request,
        "clients/uppdrag.html",
        client,
        tab="uppdrag",
        periods=periods,
        latest=latest,
        responsible=responsible_on(latest, actor.today),
        can_take=can_take,
        today=actor.today,
    )


@client_view
def uppdrag_advance(request: Request, pk: int, step: str) -> HttpResponse:
    """Start contact-building or the active uppdrag. An ombud may take a waiting client."""
    to = STEPS.get(step)
    if to is None:
        raise Http404
    actor = request.actor
    client = client_for(actor=actor, pk=pk)
    uppdrag = _latest(client, "assignments")
    taking = not client.editable
    if taking:
        actor.require("client.take", uppdrag)
    taken = responsible_on(uppdrag, actor.today) is not None
    choose_ombud = not taken and actor.holds("client.see_all")
    form = AdvanceForm(
        request.POST or None,
        initial={"version": uppdrag.version},
        ombud_choices=ombud_users(verksamhet_of(actor)) if choose_ombud else None,
    )
    done = submit(
        request,
        form,
        lambda d: services.uppdrag_advance(
            uppdrag=uppdrag,
            by=request.user,
            to=to,
            on=d["on"],
            version=d.get("version"),
            ombud=d.get("ombud") if choose_ombud else request.user,
        ),
    )
    if done is not None:
        messages.success(request, _("The uppdrag is now: %(status)s.") % {"status": to.label})
        return redirect("clients:uppdrag", pk=client.pk)
    title = (
        _("Start contact-building")
        if to == UppdragStatus.CONTACT_BUILDING
        else _("Start the uppdrag")
    )
    return form_page(
        request,
        form,
        title=title,
        crumbs=crumbs(client),
        cancel_url=_back(client),
        intro=_("You become the client's responsible ombud.") if taking else "",
    )


@client_view
def uppdrag_end(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    uppdrag = _latest(client)
    form = EndForm(request.POST or None, initial={"version": uppdrag.version})
    done = submit(
        request,
        form,
        lambda d: services.uppdrag_end(
            uppdrag=uppdrag, by=request.user, version=d.get("version"), **without(d, "version")
        ),
    )
    if done is not None:
        messages.success(request, _("The uppdrag has ended."))
        return redirect("clients:uppdrag", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("End the uppdrag"),
        crumbs=crumbs(client),
        cancel_url=_back(client),
        submit_label=_("End the uppdrag"),
        intro=_("The life situation at the end is used, without names, in the yearly report."),
        danger=True,
    )


@client_view
def uppdrag_reopen(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    client = client_for(actor=actor, pk=pk, write=True)
    form = ReopenForm(request.POST or None, ombud_choices=ombud_users(verksamhet_of(actor)))
    if not actor.holds("client.see_all"):
        form.fields["ombud"].initial = request.user.pk
    done = submit(
        request,
        form,
        lambda d: services.uppdrag_reopen(client=client, by=request.user, **d),
    )
    if done is not None:
        messages.success(request, _("A new period has started."))
        return redirect("clients:uppdrag", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Reopen: new period"),
        crumbs=crumbs(client),
        cancel_url=_back(client),
        intro=_("The ended period stays as it was; the new one gets its own dates."),
    )


@client_view
def uppdrag_edit(request: Request, pk: int, upk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    uppdrag = get_object_or_404(Uppdrag, pk=upk, client=client)
    form = UppdragForm(request.POST or None, instance=uppdrag)
    done = submit(
        request,
        form,
        lambda d: services.uppdrag_update(
            uppdrag=uppdrag, by=request.user, version=d.get("version"), **without(d, "version")
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:uppdrag", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Dates and life situation"),
        crumbs=crumbs(client),
        cancel_url=_back(client),
        intro=_(
            "Housing, occupation and income at the start and the end are counted, without "
            "names, in the yearly report."
        ),
    )


@client_view
def handover(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    client = client_for(actor=actor, pk=pk, write=True)
    uppdrag = _latest(client)
    current = current_assignments(actor.today).filter(uppdrag=uppdrag).values("ombud_id")
    choices = ombud_users(verksamhet_of(actor))
    former = ", ".join(str(u) for u in choices.filter(pk__in=current))
    form = HandoverForm(
        request.POST or None,
        ombud_choices=choices.exclude(pk__in=current),
        former=former,
    )
    done = submit(
        request,
        form,
        lambda d: services.handover(
            uppdrag=uppdrag, by=request.user, **without(d, "confirm", "confirm_words")
        ),
    )
    if done is not None:
        messages.success(request, _("The client is handed over."))
        if done.start <= actor.today and not actor.holds("client.see_all"):
            return redirect("clients:list")
        return redirect("clients:uppdrag", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Hand over to another ombud"),
        crumbs=crumbs(client),
        cancel_url=_back(client),
        intro=_(
            "Personkontinuitet matters: hand over only when needed, and tell the client first."
        ),
        warning=_("The former ombud has no access to the client from the handover date."),
    )
