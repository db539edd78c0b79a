"""The uppdrag page: periods, responsible ombud over time, and the next step."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import has_role
from core.models import Role

from .. import services
from ..forms import AdvanceForm, EndForm, HandoverForm, ReopenForm, UppdragForm
from ..models import Uppdrag, UppdragStatus
from ..selectors import client_for
from ..selectors.access import current_assignments
from ..selectors.detail import responsible_on, uppdrag_periods
from ..selectors.lists import ombud_users
from ._base import client_view, form_page, run_form, without

STEPS = {"kontaktskapande": UppdragStatus.CONTACT_BUILDING, "aktivt": UppdragStatus.ACTIVE}


def _latest(client_pk: int) -> Uppdrag:
    uppdrag = Uppdrag.objects.filter(client_id=client_pk).order_by("-pk").first()
    if uppdrag is None:
        raise Http404
    return uppdrag


@client_view(what="uppdrag")
def uppdrag_page(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk)
    periods = uppdrag_periods(client)
    latest = periods[0] if periods else None
    responsible = responsible_on(latest, viewer.today)
    can_take = (
        not client.editable  # type: ignore[attr-defined]
        and has_role(request, Role.OMBUD)
        and latest is not None
        and latest.status == UppdragStatus.WAITING
        and responsible is None
    )
    return render(
        request,
        "clients/uppdrag.html",
        {
            "client": client,
            "tab": "uppdrag",
            "periods": periods,
            "latest": latest,
            "responsible": responsible,
            "can_take": can_take,
            "today": viewer.today,
        },
    )


@client_view
def uppdrag_advance(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Start contact-building or the active uppdrag. An ombud may take a waiting client."""
    to = STEPS.get(step)
    if to is None:
        raise Http404
    viewer, client = client_for(request, pk)
    uppdrag = _latest(client.pk)
    taken = current_assignments(viewer.today).filter(uppdrag=uppdrag).exists()
    taking = not client.editable  # type: ignore[attr-defined]
    if taking and (
        uppdrag.status != UppdragStatus.WAITING or taken or not has_role(request, Role.OMBUD)
    ):
        raise PermissionDenied
    choose_ombud = not taken and viewer.sees_all
    form = AdvanceForm(
        request.POST or None,
        initial={"version": uppdrag.version},
        ombud_choices=ombud_users(viewer) if choose_ombud else None,
    )
    done = run_form(
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
    intro = _("You become the client's responsible ombud.") if taking else ""
    return form_page(
        request, form, title=title, client=client, cancel="clients:uppdrag", intro=intro
    )


@client_view
def uppdrag_end(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    uppdrag = _latest(client.pk)
    form = EndForm(request.POST or None, initial={"version": uppdrag.version})
    done = run_form(
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
        client=client,
        cancel="clients:uppdrag",
        submit=_("End the uppdrag"),
        intro=_("The life situation at the end is used, without names, in the yearly report."),
        danger=True,
    )


@client_view
def uppdrag_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    form = ReopenForm(request.POST or None, ombud_choices=ombud_users(viewer))
    if not viewer.sees_all:
        form.fields["ombud"].initial = request.user.pk
    done = run_form(
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
        client=client,
        cancel="clients:uppdrag",
        intro=_("The ended period stays as it was; the new one gets its own dates."),
    )


@client_view
def uppdrag_edit(request: HttpRequest, pk: int, upk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    uppdrag = get_object_or_404(Uppdrag, pk=upk, client=client)
    form = UppdragForm(request.POST or None, instance=uppdrag)
    done = run_form(
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
        client=client,
        cancel="clients:uppdrag",
        intro=_(
            "Housing, occupation and income at the start and the end are counted, without "
            "names, in the yearly report."
        ),
    )


@client_view
def handover(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, client = client_for(request, pk, write=True)
    uppdrag = _latest(client.pk)
    current = current_assignments(viewer.today).filter(uppdrag=uppdrag).values("ombud_id")
    form = HandoverForm(
        request.POST or None, ombud_choices=ombud_users(viewer).exclude(pk__in=current)
    )
    done = run_form(
        request,
        form,
        lambda d: services.handover(uppdrag=uppdrag, by=request.user, **d),
    )
    if done is not None:
        messages.success(request, _("The client is handed over."))
        if done.start <= viewer.today and not viewer.sees_all:
            return redirect("clients:list")
        return redirect("clients:uppdrag", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Hand over to another ombud"),
        client=client,
        cancel="clients:uppdrag",
        intro=_(
            "Personkontinuitet matters: hand over only when needed, and tell the client first."
        ),
        warning=_("The former ombud has no access to the client from the handover date."),
    )
