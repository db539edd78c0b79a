"""Meetings: archive by year with decision search, create and edit, invitation, PDF and .ics."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import requires_roles
from core.pdf import pdf_response
from core.query import QueryForm, SearchField, YearField

from .. import services
from ..documents import agenda_pdf, meeting_ics
from ..forms import MeetingForm
from ..models import AttendanceStatus, MeetingStatus
from ..selectors import (
    agenda_of,
    attendance_of,
    manages,
    may_read_protokoll,
    meeting_for,
    meetings_archive,
    protokoll_of,
    quorum_for,
    representatives_on,
)
from ._base import (
    MANAGE_ROLES,
    READ_ROLES,
    group_or_404,
    message_errors,
    require_manager,
    run_service,
)


class ArchiveQuery(QueryForm):
    ar = YearField()
    q = SearchField()


@requires_roles(*READ_ROLES)
def archive(request: HttpRequest) -> HttpResponse:
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
            "manager": manages(request=request, group=group),
        },
    )


@requires_roles(*MANAGE_ROLES)
def meeting_create(request: HttpRequest) -> HttpResponse:
    group = group_or_404(request)
    require_manager(request, group)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        meeting = run_service(
            form, lambda: services.meeting_create(group=group, by=request.user, **data)
        )
        if meeting is not None:
            messages.success(request, _("The meeting is planned and its agenda drafted."))
            return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": _("New meeting")})


@requires_roles(*READ_ROLES)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    group = meeting.ledningsgrupp
    manager = manages(request=request, group=group)
    attendance = attendance_of(meeting=meeting)
    protokoll = protokoll_of(meeting=meeting)
    return render(
        request,
        "ledningsgrupp/meeting.html",
        {
            "meeting": meeting,
            "group": group,
            "manager": manager,
            "items": agenda_of(meeting=meeting),
            "attendance": attendance,
            "quorum": quorum_for(meeting=meeting, attendance=attendance),
            "protokoll": protokoll,
            "protokoll_visible": may_read_protokoll(
                request=request, protokoll=protokoll, manager=manager
            )
            and protokoll is not None,
            "planned": meeting.status == MeetingStatus.PLANNED,
            "statuses": AttendanceStatus,
        },
    )


@requires_roles(*MANAGE_ROLES)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = run_service(
            form,
            lambda: services.meeting_update(
                meeting=meeting,
                by=request.user,
                expected_version=form.cleaned_data.get("version"),
                **data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The meeting is saved."))
            return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    title = _("Meeting %(date)s") % {"date": f"{meeting.date:%Y-%m-%d}"}
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": title})


@require_POST
@requires_roles(*MANAGE_ROLES)
def invitation_send(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    try:
        sent, without = services.invitation_send(meeting=meeting, by=request.user)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        text = _("The invitation was sent to %(sent)s representatives.") % {"sent": sent}
        if without:
            text += " " + _("%(count)s have no e-mail address: send it to them yourself.") % {
                "count": without
            }
        messages.success(request, text)
    return redirect("ledningsgrupp:meeting", pk=meeting.pk)


@requires_roles(*READ_ROLES)
def meeting_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    return pdf_response(agenda_pdf(meeting), f"dagordning-{meeting.date:%Y-%m-%d}.pdf")


@requires_roles(*READ_ROLES)
def meeting_ics_download(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mote-{meeting.date:%Y-%m-%d}.ics"'
    return response


@requires_roles(*MANAGE_ROLES)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    from ..forms import AttendanceForm

    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    reps = representatives_on(group=meeting.ledningsgrupp, on=meeting.date)
    current = {a.representative_id: a for a in attendance_of(meeting=meeting)}
    form = AttendanceForm(request.POST or None, representatives=reps, current=current)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.attendance_record(meeting=meeting, by=request.user, rows=form.rows()),
        )
        if saved is not None:
            messages.success(request, _("Attendance is saved."))
            return redirect("ledningsgrupp:meeting", pk=meeting.pk)
    return render(
        request,
        "ledningsgrupp/attendance.html",
        {"form": form, "meeting": meeting, "today": timezone.localdate()},
    )
