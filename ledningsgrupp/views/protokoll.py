"""The protokoll: paragraphs, chair and justerare, signing, and the locked PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import requires_roles
from core.query import IdField, QueryForm

from .. import services
from ..forms import ParagraphForm, ProtokollSetupForm
from ..models import AgendaItem, Paragraph, Signature
from ..selectors import (
    agenda_of,
    attendance_of,
    manages,
    may_read_protokoll,
    meeting_for,
    paragraphs_of,
    protokoll_of,
    quorum_for,
    representatives_on,
)
from ._base import MANAGE_ROLES, READ_ROLES, message_errors, require_manager, run_service


@requires_roles(*READ_ROLES)
def protokoll_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    manager = manages(request=request, group=meeting.ledningsgrupp)
    protokoll = protokoll_of(meeting=meeting)
    if not may_read_protokoll(request=request, protokoll=protokoll, manager=manager):
        raise Http404
    signatures = (
        {s.kind: s for s in protokoll.signatures.select_related("user")} if protokoll else {}
    )
    attendance = attendance_of(meeting=meeting)
    my_turn = bool(
        protokoll
        and protokoll.locked_at is None
        and any(
            rep is not None and rep.user_id == request.user.pk and kind not in signatures
            for kind, rep in (
                (Signature.Kind.CHAIR, protokoll.chair),
                (Signature.Kind.JUSTERARE, protokoll.justerare),
            )
        )
    )
    return render(
        request,
        "ledningsgrupp/protokoll.html",
        {
            "meeting": meeting,
            "protokoll": protokoll,
            "manager": manager,
            "paragraphs": paragraphs_of(protokoll=protokoll) if protokoll else [],
            "attendance": attendance,
            "quorum": quorum_for(meeting=meeting, attendance=attendance),
            "chair_signature": signatures.get(Signature.Kind.CHAIR),
            "justerare_signature": signatures.get(Signature.Kind.JUSTERARE),
            "my_turn": my_turn,
            "refused": list(protokoll.refused_edits.select_related("by")) if protokoll else [],
            "agenda": agenda_of(meeting=meeting) if manager else [],
        },
    )


@requires_roles(*MANAGE_ROLES)
def protokoll_setup(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    protokoll = services.protokoll_for_meeting(meeting=meeting, by=request.user)
    reps = representatives_on(group=meeting.ledningsgrupp, on=meeting.date)
    form = ProtokollSetupForm(request.POST or None, instance=protokoll, representatives=reps)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.protokoll_setup(
                protokoll=protokoll,
                by=request.user,
                expected_version=form.cleaned_data.get("version"),
                chair=form.cleaned_data["chair"],
                secretary=form.cleaned_data["secretary"],
                justerare=form.cleaned_data["justerare"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Chair, secretary and justerare are saved."))
            return redirect("ledningsgrupp:protokoll", pk=meeting.pk)
    return render(
        request, "ledningsgrupp/form.html", {"form": form, "title": _("Chair and justerare")}
    )


class ParagraphQuery(QueryForm):
    punkt = IdField()  # a paragraph from an agenda item


@requires_roles(*MANAGE_ROLES)
def paragraph_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    require_manager(request, meeting.ledningsgrupp)
    initial: dict = {}
    source = ParagraphQuery.read(request)["punkt"]
    if source is not None:
        item = AgendaItem.objects.filter(pk=source, meeting=meeting).first()
        if item is not None:
            initial = {"title": item.title}
            if item.systembrist_id:
                initial["systembrister"] = [item.systembrist_id]
    form = ParagraphForm(
        request.POST or None,
        initial=initial,
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        paragraph = run_service(
            form,
            lambda: services.paragraph_add(
                meeting=meeting,
                by=request.user,
                title=data["title"],
                discussion=data["discussion"],
                decision=data["decision"],
                systembrister=list(data["systembrister"]),
            ),
        )
        if paragraph is not None:
            messages.success(
                request,
                _("§ %(number)s is added.") % {"number": f"{paragraph.number}/{paragraph.year}"},
            )
            return redirect("ledningsgrupp:protokoll", pk=meeting.pk)
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": _("New paragraph")})


@requires_roles(*MANAGE_ROLES)
def paragraph_edit(request: HttpRequest, pk: int) -> HttpResponse:
    paragraph = (
        Paragraph.objects.filter(pk=pk, ledningsgrupp__verksamhet=request.verksamhet)  # type: ignore[attr-defined]
        .select_related("protokoll__meeting__ledningsgrupp")
        .first()
    )
    if paragraph is None:
        raise Http404
    meeting = paragraph.protokoll.meeting
    require_manager(request, meeting.ledningsgrupp)
    form = ParagraphForm(
        request.POST or None,
        instance=paragraph,
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: services.paragraph_update(
                paragraph=paragraph,
                by=request.user,
                expected_version=data.get("version"),
                title=data["title"],
                discussion=data["discussion"],
                decision=data["decision"],
                systembrister=list(data["systembrister"]),
            ),
        )
        if saved is not None:
            messages.success(request, _("The paragraph is saved."))
            return redirect("ledningsgrupp:protokoll", pk=meeting.pk)
    title = f"§ {paragraph.number}/{paragraph.year}"
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": title})


@require_POST
@requires_roles(*MANAGE_ROLES)
def protokoll_sign(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request=request, pk=pk)
    manager = manages(request=request, group=meeting.ledningsgrupp)
    protokoll = protokoll_of(meeting=meeting)
    if protokoll is None or not may_read_protokoll(
        request=request, protokoll=protokoll, manager=manager
    ):
        raise Http404
    try:
        services.protokoll_sign(protokoll=protokoll, by=request.user)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        protokoll.refresh_from_db()
        if protokoll.locked_at:
            messages.success(request, _("You have signed. The protokoll is justerat and locked."))
        else:
            messages.success(request, _("You have signed."))
    return redirect("ledningsgrupp:protokoll", pk=meeting.pk)


@requires_roles(*READ_ROLES)
def protokoll_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request=request, pk=pk)
    protokoll = protokoll_of(meeting=meeting)
    if protokoll is None or protokoll.locked_at is None or not protokoll.pdf:
        raise Http404
    return FileResponse(
        protokoll.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"protokoll-{meeting.date:%Y-%m-%d}.pdf",
    )
