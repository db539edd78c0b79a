"""The workflow actions on the report page: one POST per transition, errors shown in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.access import requires
from core.forms import submit
from core.http import Request

from ..agenda import put_on_agenda, upcoming_meetings
from ..forms import (
    AgendaForm,
    AnswerForm,
    CloseForm,
    CommentForm,
    ForwardForm,
    MergeForm,
    ReturnForm,
    SendForAnswerForm,
)
from ..models import Systembrist
from ..selectors import report_for
from ..services import (
    systembrist_accept,
    systembrist_answer,
    systembrist_close,
    systembrist_forward,
    systembrist_merge,
    systembrist_return,
    systembrist_send_for_answer,
)
from .common import detail_page, own_answer

Action = Callable[[Systembrist, dict[str, Any]], Any]


def _act(
    request: Request,
    pk: int,
    name: str,
    make_form: Callable[[Systembrist], BaseForm],
    action: Action,
    done: str,
) -> HttpResponse:
    """Validate the form, call the service, and show its refusal next to the fields."""
    report = report_for(request.actor, pk=pk)
    if request.method != "POST":
        return redirect("systembrister:detail", pk=pk)
    form = make_form(report)
    if submit(request, form, lambda data: action(report, data)) is not None:
        messages.success(request, done)
        return redirect("systembrister:detail", pk=pk)
    return detail_page(request, report_for(request.actor, pk=pk), **{name: form})


@requires("systembrist.review")
def report_return(request: Request, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "return",
        lambda r: ReturnForm(request.POST, prefix="return"),
        lambda r, d: systembrist_return(report=r, by=request.user, comment=d["comment"]),
        _("The report is sent back to the reporter."),
    )


@requires("systembrist.review")
def report_accept(request: Request, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "accept",
        lambda r: CommentForm(request.POST, prefix="accept"),
        lambda r, d: systembrist_accept(report=r, by=request.user, comment=d["comment"]),
        _("The report is accepted for the steering group."),
    )


@requires("systembrist.review")
def report_merge(request: Request, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "merge",
        lambda r: MergeForm(request.POST, report=r, prefix="merge"),
        lambda r, d: systembrist_merge(
            report=r, into=d["into"], by=request.user, comment=d["comment"]
        ),
        _("The report is merged."),
    )


@requires("systembrist.review")
def report_agenda(request: Request, pk: int) -> HttpResponse:
    meetings = upcoming_meetings(verksamhet=request.verksamhet)
    by_pk = {str(m.pk): m for m in meetings}
    return _act(
        request,
        pk,
        "agenda",
        lambda r: AgendaForm(request.POST, meetings=meetings, prefix="agenda"),
        lambda r, d: put_on_agenda(report=r, meeting=by_pk[d["meeting"]], by=request.user),
        _("The report is on the meeting's agenda."),
    )


@requires("systembrist.review")
def report_send(request: Request, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "send",
        lambda r: SendForAnswerForm(request.POST, prefix="send"),
        lambda r, d: systembrist_send_for_answer(
            report=r, by=request.user, answer_due=d["answer_due"], comment=d["comment"]
        ),
        _("The report is sent to the responsible organisations for an answer."),
    )


@requires("systembrist.review")
def report_close(request: Request, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "close",
        lambda r: CloseForm(request.POST, prefix="close"),
        lambda r, d: systembrist_close(
            report=r, by=request.user, outcome=d["outcome"], conclusion=d["conclusion"]
        ),
        _("The report is closed."),
    )


@requires("systembrist.review")
def report_forward(request: Request, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "forward",
        lambda r: ForwardForm(request.POST, prefix="forward"),
        lambda r, d: systembrist_forward(
            report=r,
            by=request.user,
            to=d["to"],
            forwarded_on=d["forwarded_on"],
            comment=d["comment"],
        ),
        _("The report is recorded as forwarded."),
    )


@requires("systembrist.answer")
def report_answer(request: Request, pk: int) -> HttpResponse:
    """A member answers for their own organisation, and only when it is responsible."""
    actor = request.actor
    report = report_for(actor, pk=pk)
    actor.require("systembrist.answer", report)
    organisation = actor.organisation
    assert organisation is not None  # the answer rule holds only for a member's organisation
    existing = own_answer(request, report)
    return _act(
        request,
        pk,
        "answer",
        lambda r: AnswerForm(request.POST, instance=existing, prefix="answer"),
        lambda r, d: systembrist_answer(
            report=r,
            by=request.user,
            organisation=organisation,
            text=d["text"],
            planned_action=d.get("planned_action", ""),
            planned_by=d.get("planned_by"),
            expected_version=d.get("version"),
        ),
        _("Your organisation's answer is saved."),
    )
