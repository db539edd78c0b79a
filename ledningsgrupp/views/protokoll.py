"""The protokoll: paragraphs, chair and justerare, signing, and the locked PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import holders, requires
from core.documents import document_response
from core.forms import form_page, submit
from core.http import Request
from core.query import IdField, QueryForm

from .. import services
from ..forms import ParagraphForm, ProtokollSetupForm
from ..models import AgendaItem, Signature
from ..selectors import (
    agenda_of,
    attendance_lists,
    attendance_of,
    justering_defaults,
    meeting_for,
    others_present_of,
    paragraph_for,
    paragraphs_of,
    protokoll_of,
    quorum_for,
    representatives_present,
    signatures_of,
)
from ._base import meeting_crumbs, overview_url, press, protokoll_crumbs


@requires("protokoll.read")
def protokoll_detail(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    meeting = meeting_for(actor=actor, pk=pk)
    protokoll = protokoll_of(meeting=meeting)
    if not actor.can("protokoll.read", protokoll or meeting):
        raise Http404
    manager = actor.can("meeting.manage", meeting)
    signatures = signatures_of(protokoll=protokoll) if protokoll else {}
    attendance = attendance_of(meeting=meeting)
    return render(
        request,
        "ledningsgrupp/protokoll.html",
        {
            "meeting": meeting,
            "crumbs": meeting_crumbs(meeting)[1:],
            "protokoll": protokoll,
            "manager": manager,
            "paragraphs": paragraphs_of(protokoll=protokoll) if protokoll else [],
            "attendance": attendance,
            "lists": attendance_lists(
                attendance=attendance, others=others_present_of(meeting=meeting)
            ),
            "quorum": quorum_for(meeting=meeting, attendance=attendance),
            "started": meeting.has_started(),
            "taken_place": meeting.has_taken_place(),
            "chair_signature": signatures.get(Signature.Kind.CHAIR),
            "justerare_signature": signatures.get(Signature.Kind.JUSTERARE),
            "my_turn": protokoll is not None and actor.can("protokoll.sign", protokoll),
            "refused": list(protokoll.refused_edits.select_related("by")) if protokoll else [],
            "agenda": agenda_of(meeting=meeting) if manager else [],
        },
    )


@requires("meeting.manage")
def protokoll_setup(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.manage", meeting)
    protokoll = services.protokoll_for_meeting(meeting=meeting, by=request.user)
    present = representatives_present(meeting=meeting)
    signatories = [r for r in present if r.user_id is not None]
    samordnare = list(holders("protokoll.keep_minutes", meeting.ledningsgrupp.verksamhet_id))
    form = ProtokollSetupForm(
        request.POST or None,
        instance=protokoll,
        signatories=signatories,
        present=present,
        samordnare=samordnare,
        defaults=justering_defaults(meeting=meeting, present=present, samordnare=samordnare),
    )
    saved = submit(
        request,
        form,
        lambda data: services.protokoll_setup(
            protokoll=protokoll,
            by=request.user,
            expected_version=data.get("version"),
            chair=data["chair"],
            secretary=data["minutes_by"][0],
            secretary_user=data["minutes_by"][1],
            justerare=data["justerare"],
        ),
    )
    if saved is not None:
        messages.success(request, _("Chair, secretary and justerare are saved."))
        return redirect("ledningsgrupp:protokoll", pk=meeting.pk)
    return form_page(
        request,
        form,
        title=_("Chair and justerare"),
        crumbs=protokoll_crumbs(meeting),
        cancel_url=overview_url(),
        intro=_(
            "Chair and justerare sign in Ombud: only representatives who were present and have "
            "a login can be chosen. Record the attendance first."
        ),
        warning=""
        if meeting.has_taken_place()
        else _("The meeting has not taken place yet: the justering is recorded afterwards."),
    )


class ParagraphQuery(QueryForm):
    punkt = IdField()  # a paragraph from an agenda item


@requires("meeting.manage")
def paragraph_create(request: Request, pk: int) -> HttpResponse:
    meeting = meeting_for(actor=request.actor, pk=pk)
    request.actor.require("meeting.manage", meeting)
    initial: dict[str, Any] = {}
    source = ParagraphQuery.read(request)["punkt"]
    if source is not None:
        item = AgendaItem.objects.filter(pk=source, meeting=meeting).first()
        if item is not None:
            initial = {"title": item.title}
            if item.systembrist_id:
                initial["systembrister"] = [item.systembrist_id]
    form = ParagraphForm(
        request.POST or None, initial=initial, verksamhet=meeting.ledningsgrupp.verksamhet
    )
    paragraph = submit(
        request,
        form,
        lambda data: services.paragraph_add(
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
    return form_page(
        request,
        form,
        title=_("New paragraph"),
        crumbs=protokoll_crumbs(meeting),
        cancel_url=overview_url(),
    )


@requires("meeting.manage")
def paragraph_edit(request: Request, pk: int) -> HttpResponse:
    paragraph = paragraph_for(actor=request.actor, pk=pk)
    meeting = paragraph.protokoll.meeting
    request.actor.require("meeting.manage", meeting)
    form = ParagraphForm(
        request.POST or None, instance=paragraph, verksamhet=meeting.ledningsgrupp.verksamhet
    )
    saved = submit(
        request,
        form,
        lambda data: services.paragraph_update(
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
    return form_page(
        request,
        form,
        title=f"§ {paragraph.number}/{paragraph.year}",
        crumbs=protokoll_crumbs(meeting),
        cancel_url=overview_url(),
    )


@require_POST
@requires("protokoll.sign")
def protokoll_sign(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    meeting = meeting_for(actor=actor, pk=pk)
    protokoll = protokoll_of(meeting=meeting)
    if protokoll is None or not actor.can("protokoll.read", protokoll):
        raise Http404
    # Whoever may read it may try: the service says why a lead or a signed justerare cannot.
    signed = press(request, lambda: services.protokoll_sign(protokoll=protokoll, by=request.user))
    if signed is not None:
        protokoll.refresh_from_db()
        if protokoll.locked_at:
            messages.success(request, _("You have signed. The protokoll is justerat and locked."))
        else:
            messages.success(request, _("You have signed."))
    return redirect("ledningsgrupp:protokoll", pk=meeting.pk)


@requires("protokoll.read")
def protokoll_pdf(request: Request, pk: int) -> HttpResponseBase:
    meeting = meeting_for(actor=request.actor, pk=pk)
    protokoll = protokoll_of(meeting=meeting)
    # Only a justerat protokoll has a PDF: a draft's is a 404 to everyone.
    if protokoll is None or protokoll.locked_at is None or protokoll.document is None:
        raise Http404
    return document_response(
        request, protokoll.document, filename=f"protokoll-{meeting.date:%Y-%m-%d}.pdf"
    )
