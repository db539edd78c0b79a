"""The register, the report page, and the ombud's drafting, submitting and supporting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from ..filters import RegisterFilter
from ..forms import ReportForm, SupportForm
from ..models import Systembrist
from ..selectors import register, report_for, total_affected
from ..services import (
    systembrist_create,
    systembrist_submit,
    systembrist_support,
    systembrist_update,
)
from ..stats import suppress
from .common import crumbs, detail_page

PER_PAGE = 25


@requires("systembrist.view")
def report_list(request: Request) -> HttpResponse:
    """The register: every report the actor may see, filtered and paginated."""
    actor = request.actor
    filterset = RegisterFilter(
        request.GET or None, queryset=register(actor), verksamhet=verksamhet_of(request.actor)
    )
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("sida"))
    staff = actor.can("figures.exact")
    rows = [
        {"report": r, "affected": suppress(total_affected(r), staff=staff)}
        for r in page.object_list
    ]
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "systembrister/list.html",
        {
            "filter": filterset,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "can_create": actor.can("systembrist.report"),
            "show_reporter": actor.can("systembrist.see_reporters"),
        },
    )


@requires("systembrist.view")
def report_detail(request: Request, pk: int) -> HttpResponse:
    return detail_page(request, report_for(request.actor, pk=pk))


def _service_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": data["title"],
        "description": data["description"],
        "level": data["level"],
        "organisations": data["organisations"],
        "life_area": data["life_area"],
        "clients_affected": data["clients_affected"],
        "first_observed": data["first_observed"],
        "examples": data.get("examples", ""),
        "suggested_improvement": data.get("suggested_improvement", ""),
    }


def _report_form_page(
    request: Request, form: ReportForm, *, title: str, report: Systembrist | None = None
) -> HttpResponse:
    above = crumbs(report)
    return form_page(
        request,
        form,
        title=title,
        crumbs=above,
        cancel_url=above[-1][1],
        submit_label=_("Save draft"),
        note=_(
            "Describe the failure in the support system, never a person. The text is checked "
            "for personal identity numbers, phone numbers, e-mail addresses and your clients' "
            "names before it is saved."
        ),
    )


@requires("systembrist.report")
def report_create(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    form = ReportForm(request.POST or None, verksamhet=verksamhet)
    report = submit(
        request,
        form,
        lambda data: systembrist_create(
            verksamhet=verksamhet,
            by=request.user,
            confirm_words=form.words_confirmation(),
            **_service_kwargs(data),
        ),
    )
    if report is not None:
        messages.success(request, _("The draft is saved. Submit it when it is ready."))
        return redirect("systembrister:detail", pk=report.pk)
    return _report_form_page(request, form, title=_("Report a systembrist"))


@requires("systembrist.edit")
def report_edit(request: Request, pk: int) -> HttpResponse:
    actor = request.actor
    report = report_for(actor, pk=pk)
    actor.require("systembrist.edit", report)
    form = ReportForm(
        request.POST or None, instance=report, verksamhet=verksamhet_of(request.actor)
    )
    saved = submit(
        request,
        form,
        lambda data: systembrist_update(
            report=report,
            by=request.user,
            expected_version=data.get("version"),
            confirm_words=form.words_confirmation(),
            **_service_kwargs(data),
        ),
    )
    if saved is not None:
        messages.success(request, _("The draft is saved."))
        return redirect("systembrister:detail", pk=report.pk)
    return _report_form_page(request, form, title=_("Edit systembrist"), report=report)


@requires("systembrist.report")
def report_submit(request: Request, pk: int) -> HttpResponse:
    """The button on the draft: no form, so a refusal comes back as a message on the page."""
    if request.method != "POST":
        return redirect("systembrister:detail", pk=pk)
    report = report_for(request.actor, pk=pk)
    request.actor.require("systembrist.report", report)
    try:
        systembrist_submit(report=report, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("systembrister:detail", pk=pk)
    messages.success(request, _("The report is submitted to the coordinator."))
    return redirect("systembrister:detail", pk=pk)


@requires("systembrist.support")
def report_support(request: Request, pk: int) -> HttpResponse:
    report = report_for(request.actor, pk=pk)
    form = SupportForm(request.POST or None, prefix="support")
    support = submit(
        request,
        form,
        lambda data: systembrist_support(
            report=report,
            by=request.user,
            clients_affected=data["clients_affected"],
            note=data["note"],
        ),
    )
    if support is not None:
        messages.success(request, _("Your support is added to the report."))
        return redirect("systembrister:detail", pk=pk)
    return detail_page(request, report_for(request.actor, pk=pk), support=form)
