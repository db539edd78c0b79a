"""Editing the agenda: bring it up to date, add free items, edit, reorder (htmx), remove."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import requires_roles

from .. import services
from ..forms import AgendaItemForm
from ..models import AgendaItem, MeetingStatus
from ..selectors import agenda_of, meeting_for
from ._base import MANAGE_ROLES, message_errors, require_manager, run_service


def _item(request: HttpRequest, pk: int) -> AgendaItem:
    item = (
        AgendaItem.objects.filter(pk=pk, meeting__ledningsgrupp__verksamhet=request.verksamhet)  # type: ignore[attr-defined]
        .select_related("meeting__ledningsgrupp")
        .first()
    )
    if item is None:
        raise Http404
    require_manager(request, item.meeting.ledningsgrupp)
    return item


@require_POST
@requires_roles(*MANAGE_ROLES)
def agenda_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    try:
        added = services.agenda_draft(meeting=meeting, by=request.user)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(
            request, _("The agenda is up to date: %(count)s new items.") % {"count": added}
        )
    return redirect("ledningsgrupp:meeting", pk=meeting.pk)


@requires_roles(*MANAGE_ROLES)
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = run_service(
            form,
            lambda: services.agenda_item_add(meeting=meeting, by=request.user, **form.cleaned_data),
        )
        if item is not None:
            messages.success(request, _("The item is added to the agenda."))
            return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": _("New agenda item")})


@requires_roles(*MANAGE_ROLES)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = AgendaItemForm(
        request.POST or None, initial={"title": item.title, "description": item.description}
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.agenda_item_update(item=item, by=request.user, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, _("The agenda item is saved."))
            return redirect("ledningsgrupp:meeting", pk=item.meeting_id)
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": _("Agenda item")})


@require_POST
@requires_roles(*MANAGE_ROLES)
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.agenda_item_move(item=item, by=request.user, direction=direction)
    meeting = item.meeting
    if request.headers.get("HX-Request"):
        return render(
            request,
            "ledningsgrupp/_agenda.html",
            {
                "items": agenda_of(meeting=meeting),
                "meeting": meeting,
                "manager": True,
                "planned": meeting.status == MeetingStatus.PLANNED,
                "moved": item.pk,
            },
        )
    return redirect("ledningsgrupp:meeting", pk=meeting.pk)


@require_POST
@requires_roles(*MANAGE_ROLES)
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    if item.meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("Items of a held meeting stay on its agenda."))
    else:
        services.agenda_item_delete(item=item, by=request.user)
        messages.success(request, _("The item is removed from the agenda."))
    return redirect("ledningsgrupp:meeting", pk=item.meeting_id)
