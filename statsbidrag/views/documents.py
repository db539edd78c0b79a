"""The application and the redovisning: page, free-text answers, submit, PDF and CSV."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import has_role, requires_roles
from core.concurrency import StaleEdit
from core.csvexport import csv_response
from core.models import Role
from core.pdf import pdf_response

from .. import selectors, services
from ..forms import AnswersForm
from ..reports.application import application_questions
from ..reports.documents import APPLICATION, content_for, form_for_year, render_document_pdf
from ..reports.suppression import threshold
from ..reports.tables import Table
from ..templatetags.statsbidrag_tags import format_cell
from .common import MANAGE, can_manage, sees_small_counts, show_errors

READERS = {APPLICATION: {*MANAGE, Role.MEMBER}, "redovisning": {*MANAGE, Role.OMBUD, Role.MEMBER}}


def _load(request: HttpRequest, year: int, kind: str) -> tuple[Any, Any]:
    """The grant year and document, if this user may read them (404 outside, 403 wrong role)."""
    if kind not in READERS:
        raise Http404
    gy = selectors.grant_year_for(
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
        year=year,
        with_document=kind,
    )
    if not has_role(request, *READERS[kind]):
        raise PermissionDenied
    document = selectors.document_of(kind, gy)
    member_only = not can_manage(request) and not has_role(request, Role.OMBUD)
    if member_only and not selectors.is_submitted(document):
        raise Http404  # members read submitted documents only
    return gy, document


@requires_roles(*Role)
def document(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    gy, doc = _load(request, year, kind)
    suppress = not sees_small_counts(request)
    content = content_for(kind, gy, doc, suppress=suppress)
    return render(
        request,
        "statsbidrag/document.html",
        {
            "gy": gy,
            "kind": kind,
            "document": doc,
            "doc": content,
            "manage": can_manage(request),
            "threshold": threshold(),
            "tables": content.all_tables(),
        },
    )


def _questions(kind: str, gy: Any, doc: Any) -> list[dict[str, str]]:
    if kind == APPLICATION:
        return application_questions()
    form = doc.form if doc is not None and doc.form_id else form_for_year(gy.year)
    return list(form.questions) if form else []


@requires_roles(*MANAGE)
def document_edit(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    gy, doc = _load(request, year, kind)
    if selectors.is_submitted(doc):
        messages.info(request, _("This document has been submitted and can no longer be changed."))
        return redirect("statsbidrag:document", year=year, kind=kind)
    placeholder = doc or type("Draft", (), {"answers": {}, "pk": None, "version": 1})()
    created = request.method == "POST" and doc is None
    if created:
        doc = services.document_for(kind=kind, grant_year=gy, by=request.user)
    form = AnswersForm(
        request.POST or None, questions=_questions(kind, gy, doc), instance=placeholder
    )
    if request.method == "POST" and form.is_valid():
        # The first save creates the draft: this user loaded no version of it.
        version = doc.version if created else form.cleaned_data.get("version")
        try:
            services.document_save_answers(
                kind=kind,
                document=doc,
                by=request.user,
                answers=form.answers(),
                expected_version=version,
            )
        except StaleEdit as exc:
            form.show_conflict(exc.current)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("statsbidrag:document", year=year, kind=kind)
    title = _("Edit the answers")
    return render(
        request, "statsbidrag/form.html", {"form": form, "title": title, "gy": gy, "kind": kind}
    )


@requires_roles(*MANAGE)
def document_submit(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    gy, doc = _load(request, year, kind)
    if request.method != "POST":
        return redirect("statsbidrag:document", year=year, kind=kind)
    if doc is None:
        doc = services.document_for(kind=kind, grant_year=gy, by=request.user)
    try:
        services.document_submit(kind=kind, document=doc, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Submitted. The document is frozen and its PDF is stored."))
    return redirect("statsbidrag:document", year=year, kind=kind)


@requires_roles(*Role)
def document_pdf(request: HttpRequest, year: int, kind: str) -> HttpResponseBase:
    gy, doc = _load(request, year, kind)
    filename = f"{kind}-{gy.verksamhet.slug}-{year}"
    if selectors.is_submitted(doc) and doc.pdf:
        response = FileResponse(doc.pdf.open("rb"), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
        return response
    content = content_for(kind, gy, doc, suppress=True)  # a PDF leaves the verksamhet
    return pdf_response(render_document_pdf(content), filename)


@requires_roles(*Role)
def document_csv(request: HttpRequest, year: int, kind: str, table: str) -> HttpResponse:
    gy, doc = _load(request, year, kind)
    content = content_for(kind, gy, doc, suppress=True)  # a CSV file leaves the verksamhet
    found: Table | None = next((t for t in content.all_tables() if t.key == table), None)
    if found is None:
        raise Http404
    response, writer = csv_response(f"{kind}-{year}-{found.key}.csv")
    writer.writerow([label for label, _kind in found.columns])
    for row in found.rows:
        writer.writerow(
            [
                format_cell(v, "text") if k in ("text", "date") else _csv_value(v)
                for v, k in zip(row, found.kinds, strict=True)
            ]
        )
    return response


def _csv_value(value: Any) -> Any:
    """A number column's value as a number: snapshots keep decimals as strings ("1.8767"),
    and the CSV writer writes numbers with a decimal comma and text as text."""
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return value
