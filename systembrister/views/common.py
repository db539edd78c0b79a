"""The report page and the forms it shows, depending on who looks and the report's status."""

from __future__ import annotations

from typing import Any

from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import verksamhet_of
from core.forms import Crumbs
from core.http import Request

from ..agenda import meeting_url, upcoming_meetings
from ..forms import (
    AgendaForm,
    AnswerForm,
    CloseForm,
    CommentForm,
    ForwardForm,
    MergeForm,
    ReturnForm,
    SendForAnswerForm,
    SupportForm,
)
from ..models import Answer, Status, Systembrist
from ..selectors import missing_organisations, total_affected
from ..services.answers import ANSWERABLE, CLOSABLE
from ..stats import suppress

ON_AGENDA_ALLOWED = (Status.ACCEPTED, Status.ON_AGENDA, Status.AWAITING_ANSWER, Status.ANSWERED)


CRUMB_CHARS = 50


def crumb_label(report: Systembrist) -> str:
    """The report as a breadcrumb: its title, a long one cut after a whole word, with "…",
    within CRUMB_CHARS characters (titles may be 200)."""
    title = " ".join(report.title.split())
    if len(title) <= CRUMB_CHARS:
        return title
    head = title[: CRUMB_CHARS - 1]
    space = head.rfind(" ")
    if space > CRUMB_CHARS // 2:  # a very long first word is cut where it stands
        head = head[:space]
    return head.rstrip(" ,.;:–-") + "…"


def crumbs(report: Systembrist | None = None) -> Crumbs:
    """The register, then the report's page when there is one to go back to."""
    found = [(_("Systembrister"), reverse("systembrister:list"))]
    if report is not None:
        found.append((crumb_label(report), reverse("systembrister:detail", args=[report.pk])))
    return found


def own_answer(request: Request, report: Systembrist) -> Answer | None:
    """The answer of the member's organisation on the report, if it has written one."""
    organisation = request.actor.organisation
    if organisation is None:
        return None
    return next((a for a in report.answers.all() if a.organisation_id == organisation.pk), None)


def _review_forms(request: Request, report: Systembrist) -> dict[str, BaseForm]:
    """The coordinator's steps that the report's status allows."""
    forms: dict[str, BaseForm] = {}
    if report.status == Status.SUBMITTED:
        forms["return"] = ReturnForm(prefix="return")
        forms["accept"] = CommentForm(prefix="accept")
        forms["merge"] = MergeForm(report=report, prefix="merge")
    if report.status in ON_AGENDA_ALLOWED:
        meetings = upcoming_meetings(verksamhet=verksamhet_of(request.actor))
        on = report.meeting
        # On a coming meeting's agenda already: the page says which; no second form.
        if on is None or all(m.pk != on.pk for m in meetings):
            forms["agenda"] = AgendaForm(meetings=meetings, prefix="agenda")
    if report.status == Status.ON_AGENDA:
        forms["send"] = SendForAnswerForm(prefix="send")
    if report.status in CLOSABLE:
        forms["close"] = CloseForm(prefix="close")
    if report.status == Status.CLOSED and not report.forwarded_on:
        forms["forward"] = ForwardForm(prefix="forward")
    return forms


def detail_page(request: Request, report: Systembrist, **bound: BaseForm) -> HttpResponse:
    """Render the report with the actions the actor may take (bound forms keep their input)."""
    actor = request.actor
    forms: dict[str, Any] = {}
    if actor.can("systembrist.support", report):
        forms["support"] = SupportForm(prefix="support")
    if actor.can("systembrist.review", report):
        forms.update(_review_forms(request, report))
    answering = actor.can("systembrist.answer", report)
    if answering and report.status in ANSWERABLE:
        forms["answer"] = AnswerForm(instance=own_answer(request, report), prefix="answer")
    forms.update(bound)
    staff = actor.can("figures.exact")
    names = actor.can("systembrist.see_reporters")
    context = {
        "report": report,
        "crumbs": crumbs(),
        "here": crumb_label(report),
        "forms": forms,
        "can_edit": actor.can("systembrist.edit", report),
        "affected": suppress(total_affected(report), staff=staff),
        "supports": list(report.supports.all()) if names else [],
        "missing": missing_organisations(report),
        "answer_org": actor.organisation if answering else None,
        "show_reporter": names,
        "meeting_url": meeting_url(report.meeting) if report.meeting else "",
    }
    return render(request, "systembrister/detail.html", context)
