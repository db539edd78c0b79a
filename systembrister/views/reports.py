"""The register, the report page, and the ombud's drafting, submitting and supporting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.concurrency import StaleEdit
from core.models import Role

from ..filters import RegisterFilter
from ..forms import ReportForm, SupportForm
from ..selectors import Viewer, register, report_for, total_affected
from ..services import (
    systembrist_create,
    systembrist_submit,
    systembrist_support,
    systembrist_update,
)
from ..services.reports import EDITABLE
from ..stats import suppress
from .common import apply_errors, detail_page

PER_PAGE = 25


@requires_roles(*Role)
def report_list(request: HttpRequest) -> HttpResponse:
    """The register: every report the viewer may see, filtered and paginated."""
    viewer = Viewer.of(request)
    filterset = RegisterFilter(
        request.GET or None, queryset=register(viewer), verksamhet=viewer.verksamhet
    )
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("sida"))
    rows = [
        {"report": r, "affected": suppress(total_affected(r), staff=viewer.is_staff)}
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
            "can_create": viewer.has(Role.OMBUD),
            "show_reporter": viewer.is_staff,
        },
    )


@requires_roles(*Role)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_page(request, report_for(Viewer.of(request), pk))


def _service_kwargs(form: ReportForm) -> dict:
    data = form.cleaned_data
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


@requires_roles(Role.OMBUD)
def report_create(request: HttpRequest) -> HttpResponse:
    viewer = Viewer.of(request)
    form = ReportForm(request.POST or None, verksamhet=viewer.verksamhet)
    if request.method == "POST" and form.is_valid():
        try:
            report = systembrist_create(
                verksamhet=viewer.verksamhet, by=request.user, **_service_kwargs(form)
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved. Submit it when it is ready."))
            return redirect("systembrister:detail", pk=report.pk)
    return render(request, "systembrister/form.html", {"form": form, "report": None})


@requires_roles(Role.OMBUD)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = Viewer.of(request)
    report = report_for(viewer, pk)
    if report.reporter_id != request.user.pk or report.status not in EDITABLE:
        raise PermissionDenied
    form = ReportForm(request.POST or None, instance=report, verksamhet=viewer.verksamhet)
    if request.method == "POST" and form.is_valid():
        try:
            systembrist_update(
                report=report,
                by=request.user,
                expected_version=form.cleaned_data.get("version"),
                **_service_kwargs(form),
            )
        except StaleEdit as exc:
            form.show_conflict(exc.current)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("systembrister:detail", pk=report.pk)
    return render(request, "systembrister/form.html", {"form": form, "report": report})


@requires_roles(Role.OMBUD)
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("systembrister:detail", pk=pk)
    report = report_for(Viewer.of(request), pk)
    if report.reporter_id != request.user.pk:
        raise PermissionDenied
    try:
        systembrist_submit(report=report, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("systembrister:detail", pk=pk)
    messages.success(request, _("The report is submitted to the coordinator."))
    return redirect("systembrister:detail", pk=pk)


@requires_roles(Role.OMBUD)
def report_support(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for(Viewer.of(request), pk)
    form = SupportForm(request.POST or None, prefix="support")
    if request.method == "POST" and form.is_valid():
        try:
            systembrist_support(
                report=report,
                by=request.user,
                clients_affected=form.cleaned_data["clients_affected"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Your support is added to the report."))
            return redirect("systembrister:detail", pk=pk)
    return detail_page(request, report_for(Viewer.of(request), pk), support=form)
