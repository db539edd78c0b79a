"""Upload → preview → confirm, the list of earlier imports, and the templates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from core.access import requires, verksamhet_of
from core.forms import show_errors
from core.http import Request

from .. import selectors, services
from ..blanks import content_type, template_bytes
from ..forms import UploadForm
from ..kinds import KINDS
from ..models import ImportKind, ImportStatus


class InMemoryUpload(MemoryFileUploadHandler):
    """The upload stays in memory whatever its size (bounded by the form's 50 MB), so a
    file of client data never lands in a temporary file on the server's disk."""

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        self.activated = True


def crumbs() -> list[tuple[Any, str]]:
    return [(_("Import"), reverse("imports:index"))]


@csrf_protect
def _index(request: Request) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = services.import_preview(
                verksamhet=verksamhet_of(request.actor),
                by=request.user,
                kind=form.cleaned_data["kind"],
                file_name=upload.name,
                content=upload.read(),
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            return redirect("imports:preview", pk=run.pk)
    templates = [
        {
            "label": label,
            "xlsx": reverse("imports:template", kwargs={"kind": kind, "fmt": "xlsx"}),
            "csv": reverse("imports:template", kwargs={"kind": kind, "fmt": "csv"}),
        }
        for kind, label in ImportKind.choices
    ]
    return render(
        request,
        "imports/index.html",
        {
            "form": form,
            "runs": selectors.runs_for(actor=request.actor)[:50],
            "templates": templates,
        },
    )


@csrf_exempt  # CSRF is checked by _index, after the upload handler is set
@requires("data.import")  # reads no POST data, so the handler can still be set below
def index(request: Request) -> HttpResponseBase:
    request.upload_handlers = [InMemoryUpload(request)]
    return _index(request)


@requires("data.import")
def template(request: Request, kind: str, fmt: str) -> HttpResponse:
    if kind not in KINDS or fmt not in ("xlsx", "csv"):
        raise Http404
    body = template_bytes(kind, fmt, verksamhet_of(request.actor))
    response = HttpResponse(body, content_type=content_type(fmt))
    response["Content-Disposition"] = f'attachment; filename="mall-{kind}.{fmt}"'
    return response


@requires("data.import")
def preview(request: Request, pk: int) -> HttpResponse:
    run = selectors.run_for(actor=request.actor, pk=pk)
    return render(
        request,
        "imports/preview.html",
        {
            "crumbs": crumbs(),
            "run": run,
            "refused": run.report.get("refused", []),
            "more_refused": max(0, run.refused - len(run.report.get("refused", []))),
            "sample": run.report.get("sample", []),
            "sample_header": run.report.get("sample_header", []),
            "can_confirm": run.status == ImportStatus.PREVIEW and run.refused == 0,
        },
    )


@requires("data.import")
def confirm(request: Request, pk: int) -> HttpResponseBase:
    if request.method != "POST":
        return redirect("imports:preview", pk=pk)
    run = selectors.run_for(actor=request.actor, pk=pk)
    try:
        run = services.import_confirm(run=run, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("imports:preview", pk=pk)
    if run.status == ImportStatus.IMPORTED:
        messages.success(
            request,
            _("Imported: %(created)s created, %(already)s already imported.")
            % {"created": run.created, "already": run.already},
        )
    else:
        messages.error(request, _("Nothing was imported: some rows are refused now."))
    return redirect("imports:preview", pk=pk)
