"""The report page and the forms it shows, depending on who looks and the report's status."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.models import Role

from ..agenda import upcoming_meetings
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
from ..models import Status, Systembrist
from ..selectors import (
    Viewer,
    missing_organisations,
    total_affected,
)
from ..services.answers import ANSWERABLE, CLOSABLE
from ..services.reports import EDITABLE, SUPPORTABLE
from ..stats import suppress

ON_AGENDA_ALLOWED = (Status.ACCEPTED, Status.ON_AGENDA, Status.AWAITING_ANSWER, Status.ANSWERED)


def apply_errors(form: BaseForm, exc: ValidationError) -> None:
    """Show a service's errors next to the form's fields (others above the form)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def answering_organisation(viewer: Viewer, report: Systembrist) -> Any:
    """The viewer's organisation if it is responsible for the report, else None."""
    org = viewer.organisation
    if (
        viewer.has(Role.MEMBER)
        and org is not None
        and any(o.pk == org.pk for o in report.organisations.all())
    ):
        return org
    return None


def detail_page(request: HttpRequest, report: Systembrist, **bound: BaseForm) -> HttpResponse:
    """Render the report with the actions the viewer may take (bound forms keep their input)."""
    viewer = Viewer.of(request)
    forms: dict[str, Any] = {}
    is_reporter = report.reporter_id == viewer.user.pk
    supports = list(report.supports.all())
    already = any(s.ombud_id == viewer.user.pk for s in supports)
    if viewer.has(Role.OMBUD) and not is_reporter and report.status in SUPPORTABLE and not already:
        forms["support"] = SupportForm(prefix="support")
    if viewer.is_lead:
        if report.status == Status.SUBMITTED:
            forms["return"] = ReturnForm(prefix="return")
            forms["accept"] = CommentForm(prefix="accept")
            forms["merge"] = MergeForm(report=report, prefix="merge")
        if report.status in ON_AGENDA_ALLOWED:
            meetings = upcoming_meetings(verksamhet=viewer.verksamhet)
            forms["agenda"] = AgendaForm(meetings=meetings, prefix="agenda")
        if report.status == Status.ON_AGENDA:
            forms["send"] = SendForAnswerForm(prefix="send")
        if report.status in CLOSABLE:
            forms["close"] = CloseForm(prefix="close")
        if report.status == Status.CLOSED and not report.forwarded_on:
            forms["forward"] = ForwardForm(prefix="forward")
    answer_org = answering_organisation(viewer, report)
    if answer_org is not None and report.status in ANSWERABLE:
        existing = next(
            (a for a in report.answers.all() if a.organisation_id == answer_org.pk), None
        )
        forms["answer"] = AnswerForm(instance=existing, prefix="answer")
    for name, form in bound.items():
        forms[name] = form
    context = {
        "report": report,
        "forms": forms,
        "can_edit": is_reporter and report.status in EDITABLE,
        "is_reporter": is_reporter,
        "staff": viewer.is_staff,
        "affected": suppress(total_affected(report), staff=viewer.is_staff),
        "supports": supports if viewer.is_staff else [],
        "missing": missing_organisations(report),
        "answer_org": answer_org,
        "show_reporter": viewer.is_staff,
    }
    return render(request, "systembrister/detail.html", context)
