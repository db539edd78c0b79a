"""The application and the redovisning: page, free-text answers, submit, PDF and CSV."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires
from core.csvexport import csv_response
from core.documents import document_response
from core.forms import form_page, submit
from core.http import Request
from core.pdf import pdf_response

from .. import selectors, services
from ..access import READ
from ..forms import AnswersForm, SubmitForm
from ..models import GrantYear
from ..reports.application import application_questions
from ..reports.documents import APPLICATION, content_for, form_for_year, render_document_pdf
from ..reports.suppression import Suppressed, threshold
from ..reports.tables import COUNT, Table
from ..templatetags.statsbidrag_tags import format_cell
from .common import crumbs


def _load(request: Request, year: int, kind: str) -> tuple[GrantYear, Any]:
    """The grant year and document, if this user may read them: 404 outside the verksamhet
    and for a draft a member may not see, 403 for a role that never reads this kind."""
    if kind not in READ:
        raise Http404
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year, with_document=kind)
    if not request.actor.holds(READ[kind]):
        raise PermissionDenied
    if not request.actor.can(READ[kind], gy):
        raise Http404
    return gy, selectors.document_of(kind, gy)


@requires("grant.view")
def document(request: Request, year: int, kind: str) -> HttpResponse:
    gy, doc = _load(request, year, kind)
    content = content_for(kind, gy, doc, suppress=not request.actor.holds("figures.exact"))
    manage = request.actor.holds("grant.manage")
    return render(
        request,
        "statsbidrag/document.html",
        {
            "gy": gy,
            "kind": kind,
            "document": doc,
            "doc": content,
            "manage": manage,
            "crumbs": crumbs(gy if manage else None),  # the year's page is the managers'
            "threshold": threshold(),
            "tables": content.all_tables(),
            "submit_form": SubmitForm.for_document(doc),
        },
    )


def _questions(kind: str, gy: GrantYear, doc: Any) -> list[dict[str, str]]:
    if kind == APPLICATION:
        return application_questions()
    form = doc.form if doc is not None and doc.form_id else form_for_year(gy.year, gy.verksamhet)
    return list(form.questions) if form else []


@requires("grant.manage")
def document_edit(request: Request, year: int, kind: str) -> HttpResponse:
    gy, doc = _load(request, year, kind)
    if selectors.is_submitted(doc):
        messages.info(request, _("This document has been submitted and can no longer be changed."))
        return redirect("statsbidrag:document", year=year, kind=kind)
    placeholder = doc or type("Draft", (), {"answers": {}, "pk": None, "version": 1})()
    form = AnswersForm(
        request.POST or None, questions=_questions(kind, gy, doc), instance=placeholder
    )

    def save_answers(data: dict[str, Any]) -> Any:
        document = doc or services.document_for(kind=kind, grant_year=gy, by=request.user)
        return services.document_save_answers(
            kind=kind,
            document=document,
            by=request.user,
            answers=form.answers(),
            # The first save creates the draft: this user loaded no version of it.
            expected_version=document.version if doc is None else data.get("version"),
        )

    if submit(request, form, save_answers) is not None:
        messages.success(request, _("Saved."))
        return redirect("statsbidrag:document", year=year, kind=kind)
    document_url = reverse("statsbidrag:document", args=[year, kind])
    return form_page(
        request, form, title=_("Edit the answers"), crumbs=crumbs(gy), cancel_url=document_url
    )


@requires("grant.manage")
def document_submit(request: Request, year: int, kind: str) -> HttpResponse:
    """Freeze the document the user read: the form carries its version, and a document
    changed since (or a POST without the version) is refused, nothing frozen."""
    gy, doc = _load(request, year, kind)
    if request.method != "POST":
        return redirect("statsbidrag:document", year=year, kind=kind)
    form = SubmitForm(request.POST)

    def freeze(data: dict[str, Any]) -> Any:
        version = data["version"]
        if doc is None and version != SubmitForm.NO_DOCUMENT:
            # The page showed a draft someone has saved since: nothing to create or freeze.
            raise ValidationError(_("Someone else saved this while you were editing."))
        document = doc or services.document_for(kind=kind, grant_year=gy, by=request.user)
        if doc is None:
            version = document.version  # read before anyone saved it, and still unsaved
        return services.document_submit(
            kind=kind, document=document, by=request.user, expected_version=version
        )

    # A button, not a form to fill in: the outcome is a message on the document's page.
    if submit(request, form, freeze) is not None:
        messages.success(request, _("Submitted. The document is frozen and its PDF is stored."))
    else:
        for error in [*form.non_field_errors(), *form.errors.get("version", [])]:
            messages.error(request, error)
    return redirect("statsbidrag:document", year=year, kind=kind)


@requires("grant.view")
def document_pdf(request: Request, year: int, kind: str) -> HttpResponseBase:
    """The document as länsstyrelsen gets it, exact counts: the stored PDF once submitted.
    Who may not see exact counts (a ledningsgrupp member) gets the publiceringsversion."""
    gy, doc = _load(request, year, kind)
    if not request.actor.holds("figures.exact"):
        return document_pdf_public(request, year, kind)
    filename = f"{kind}-{gy.verksamhet.slug}-{year}"
    if selectors.is_submitted(doc) and doc.document is not None:
        return document_response(request, doc.document, filename=f"{filename}.pdf")
    content = content_for(kind, gy, doc, suppress=False)
    return pdf_response(render_document_pdf(content), filename)


@requires("grant.view")
def document_pdf_public(request: Request, year: int, kind: str) -> HttpResponseBase:
    """The publiceringsversion: small counts hidden (core.suppression), for anyone outside
    the verksamhet's staff and for publishing."""
    gy, doc = _load(request, year, kind)
    content = content_for(kind, gy, doc, suppress=True)
    filename = f"{kind}-{gy.verksamhet.slug}-{year}-publiceringsversion"
    return pdf_response(render_document_pdf(content), filename)


@requires("grant.view")
def document_csv(request: Request, year: int, kind: str, table: str) -> HttpResponse:
    """One table as CSV, with the counts the user may see. Number columns stay numbers: a
    hidden count is an empty cell, and the column after it says why ("färre än 5", "dold")."""
    gy, doc = _load(request, year, kind)
    suppress = not request.actor.holds("figures.exact")
    content = content_for(kind, gy, doc, suppress=suppress)
    found: Table | None = next((t for t in content.all_tables() if t.key == table), None)
    if found is None:
        raise Http404
    response, writer = csv_response(f"{kind}-{year}-{found.key}.csv")
    flagged = [suppress and k == COUNT for k in found.kinds]
    header: list[str] = []
    for (label, _kind), flag in zip(found.columns, flagged, strict=True):
        header += [label, _("%(column)s – hidden") % {"column": label}] if flag else [label]
    writer.writerow(header)
    for row in found.rows:
        cells: list[Any] = []
        for v, k, flag in zip(row, found.kinds, flagged, strict=True):
            if isinstance(v, Suppressed):
                cells += [None, str(v)]
            elif k in ("text", "date"):
                cells.append(format_cell(v, "text"))
            else:
                cells += [_csv_value(v), ""] if flag else [_csv_value(v)]
        writer.writerow(cells)
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
