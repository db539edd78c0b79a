"""Meetings: archive by year with decision search, create and edit, invitation, PDF and .ics."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import holders, requires
from core.forms import form_page, submit
from core.http import Request
from core.pdf import pdf_response
from core.query import QueryForm, SearchField, YearField

from .. import services
from ..documents import agenda_pdf, meeting_ics
from ..forms import AttendanceForm, MeetingForm
from ..models import AttendanceStatus
from ..selectors import (
    agenda_of,
    attendance_lists,
    attendance_of,
    meeting_for,
    meetings_archive,
    others_present_of,
    protokoll_of,
    quorum_for,
    representatives_on,
)
from ._base import group_crumbs, group_or_404, meeting_crumbs, overview_url, press


class ArchiveQuery(QueryForm):
    ar = YearField()
    q = SearchField()


@requires("ledningsgrupp.view")
def archive(request: Request) -> HttpResponse:
    group = group_or_404(request)
    query = ArchiveQuery.read(request)
    year, q = query["ar"], query["q"] or ""
    data = meetings_archive(group=group, year=year, q=q)
    return render(
        request,
        "ledningsgrupp/archive.html",
        {
            **data,
            "group": group,
            "year": year,
            "q": q,
            "manager": request.actor.can("meeting.manage", group),
        },
    )


@requires("meeting.manage")
def meeting_create(request: Request) -> HttpResponse:
    group = group_or_404(request)
    request.actor.require("meeting.manage", group)
    form = MeetingForm(request.POST or None)
    meeting = submit(
        request,
        form,
        lambda data: services.meeting_create(
            group=group, by=request.user, **{k: v for k, v in data.items() if k != "version"}
        ),
    )
    if meeting is not None:
        messages.success(request, _("The meeting is planned and its agenda drafted."))
        return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    return form_page(
        request, form, title=_("New meeting"), crumbs=group_crumbs(group), cancel_url=overview_url()
    )


@requires("ledningsgrupp.view")
def meeting_detail(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    meeting = meeting_for(actor=actor, pk=pk)
    attendance = attendance_of(meeting=meeting)
    protokoll = protokoll_of(meeting=meeting)
    return render(
        request,
        "ledningsgrupp/meeting.html",
        {
            "meeting": meeting,
            "group": meeting.ledningsgrupp,
            "crumbs": meeting_crumbs(meeting)[:-1],
            "here": f"{meeting.date:%Y-%m-%d}",
            "manager": actor.can("meeting.manage", meeting),
            "planning": actor.can("meeting.plan", meeting),
            "items": agenda_of(meeting=meeting),
            "attendance": attendance,
            "lists": attendance_lists(
                attendance=attendance, others=others_present_of(meeting=meeting)
            ),
            "quorum": quorum_for(meeting=meeting, attendance=attendance),
            "started": meeting.has_started(),
            "taken_place": meeting.has_taken_place(),
            "protokoll": protokoll,
            "protokoll_visible": protokoll is not None and actor.can("protokoll.read", protokoll),
            "statuses": AttendanceStatus,
        },
    )


@requires("meeting.manage")
def meeting_edit(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.manage", meeting)
    form = MeetingForm(request.POST or None, instance=meeting)
    saved = submit(
        request,
        form,
        lambda data: services.meeting_update(
            meeting=meeting,
            by=request.user,
            expected_version=data.get("version"),
            **{k: v for k, v in data.items() if k != "version"},
        ),
    )
    if saved is not None:
        messages.success(request, _("The meeting is saved."))
        return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    title = _("Meeting %(date)s") % {"date": f"{meeting.date:%Y-%m-%d}"}
    return form_page(
        request, form, title=title, crumbs=meeting_crumbs(meeting), cancel_url=overview_url()
    )


@require_POST
@requires("meeting.manage")
def invitation_send(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.manage", meeting)
    sent = press(request, lambda: services.invitation_send(meeting=meeting, by=request.user))
    if sent is not None:
        count, without = sent
        text = _("The invitation was sent to %(sent)s representatives.") % {"sent": count}
        if without:
            text += " " + _("%(count)s have no e-mail address: send it to them yourself.") % {
                "count": without
            }
        messages.success(request, text)
    return redirect("ledningsgrupp:meeting", pk=meeting.pk)


@requires("ledningsgrupp.view")
def meeting_pdf(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    return pdf_response(agenda_pdf(meeting), f"dagordning-{meeting.date:%Y-%m-%d}.pdf")


@requires("ledningsgrupp.view")
def meeting_ics_download(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mote-{meeting.date:%Y-%m-%d}.ics"'
    return response


@requires("meeting.manage")
def attendance(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.manage", meeting)
    reps = representatives_on(group=meeting.ledningsgrupp, on=meeting.date)
    current = {a.representative_id: a for a in attendance_of(meeting=meeting)}
    staff = holders("meeting.present_as_staff", meeting.ledningsgrupp.verksamhet_id)
    form = AttendanceForm(
        request.POST or None,
        representatives=reps,
        current=current,
        staff=staff,
        others=others_present_of(meeting=meeting),
    )
    saved = submit(
        request,
        form,
        lambda data: services.attendance_record(
            meeting=meeting,
            by=request.user,
            rows=form.rows(),
            staff=list(data["staff"]),
            guests=data["guests"],
        ),
    )
    if saved is not None:
        messages.success(request, _("Attendance is saved."))
        return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    return render(
        request,
        "ledningsgrupp/attendance.html",
        {
            "form": form,
            "meeting": meeting,
            "today": request.actor.today,
            "crumbs": meeting_crumbs(meeting),
        },
    )
