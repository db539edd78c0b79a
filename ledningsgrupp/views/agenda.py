"""Editing the agenda while the meeting is planned: bring it up to date, add free items, edit,
reorder (htmx), remove."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.access import requires
from core.forms import form_page, submit
from core.http import Request

from .. import services
from ..forms import AgendaItemForm
from ..selectors import agenda_item_for, agenda_of, meeting_for
from ._base import meeting_crumbs, overview_url, press


@require_POST
@requires("meeting.plan")
def agenda_refresh(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.plan", meeting)
    added = press(request, lambda: services.agenda_draft(meeting=meeting, by=request.user))
    if added is not None:
        messages.success(
            request,
            ngettext(
                "The agenda is up to date: %(count)s new item.",
                "The agenda is up to date: %(count)s new items.",
                added,
            )
            % {"count": added},
        )
    return redirect("ledningsgrupp:meeting", pk=meeting.pk)


@requires("meeting.plan")
def item_create(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.plan", meeting)
    form = AgendaItemForm(request.POST or None)
    item = submit(
        request,
        form,
        lambda data: services.agenda_item_add(meeting=meeting, by=request.user, **data),
    )
    if item is not None:
        messages.success(request, _("The item is added to the agenda."))
        return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    return form_page(
        request,
        form,
        title=_("New agenda item"),
        crumbs=meeting_crumbs(meeting),
        cancel_url=overview_url(),
    )


@requires("meeting.plan")
def item_edit(request: Request, pk: int) -> HttpResponse:
    item = agenda_item_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.plan", item.meeting)
    form = AgendaItemForm(
        request.POST or None, initial={"title": item.title, "description": item.description}
    )
    saved = submit(
        request,
        form,
        lambda data: services.agenda_item_update(item=item, by=request.user, **data),
    )
    if saved is not None:
        messages.success(request, _("The agenda item is saved."))
        return redirect("ledningsgrupp:meeting", pk=item.meeting_id)
    return form_page(
        request,
        form,
        title=_("Agenda item"),
        crumbs=meeting_crumbs(item.meeting),
        cancel_url=overview_url(),
    )


@require_POST
@requires("meeting.plan")
def item_move(request: Request, pk: int) -> HttpResponse:
    item = agenda_item_for(actor=request.actor, pk=pk)
    meeting = item.meeting
    request.actor.require("meeting.plan", meeting)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.agenda_item_move(item=item, by=request.user, direction=direction)
    if request.headers.get("HX-Request"):
        return render(
            request,
            "ledningsgrupp/_agenda.html",
            {"items": agenda_of(meeting=meeting), "planning": True, "moved": item.pk},
        )
    return redirect("ledningsgrupp:meeting", pk=meeting.pk)


@require_POST
@requires("meeting.plan")
def item_delete(request: Request, pk: int) -> HttpResponse:
    item = agenda_item_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.manage", item.meeting)
    # Asked, not required: the meeting's page says why the item stays.
    if not request.actor.can("meeting.plan", item.meeting):
        messages.error(request, _("Items of a held meeting stay on its agenda."))
    else:
        services.agenda_item_delete(item=item, by=request.user)
        messages.success(request, _("The item is removed from the agenda."))
    return redirect("ledningsgrupp:meeting", pk=item.meeting_id)
