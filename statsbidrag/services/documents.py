"""Application and redovisning: draft answers, then submit (freeze snapshot + PDF + sha256)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import save
from core.concurrency import lock_for_edit
from core.documents import store_document
from core.models import Document as StoredDocument
from statsbidrag.models import Application, DocumentStatus, GrantYear, Redovisning, ReportForm
from statsbidrag.reports import default_form
from statsbidrag.reports.documents import (
    APPLICATION,
    build_content,
    form_for_year,
    live_snapshot,
    render_document_pdf,
    sha256,
)

Document = Application | Redovisning


def _form(year: int, verksamhet: Any = None) -> ReportForm:
    form = form_for_year(year, verksamhet)
    if form.pk is None:
        form, _created = ReportForm.objects.get_or_create(
            verksamhet=None,
            valid_from_year=default_form.VALID_FROM_YEAR,
            version=1,
            defaults={"name": default_form.NAME, "questions": default_form.QUESTIONS},
        )
    return form


@transaction.atomic
def document_for(*, kind: str, grant_year: GrantYear, by: Any) -> Document:
    """The year's application or redovisning, created as a draft the first time."""
    model = Application if kind == APPLICATION else Redovisning
    found = model.objects.filter(grant_year=grant_year).first()
    if found is not None:
        return found
    if model is Application:
        created: Document = Application(grant_year=grant_year)
    else:
        created = Redovisning(
            grant_year=grant_year, form=_form(grant_year.year, grant_year.verksamhet)
        )
    save(created, by=by)
    return created


def _text_keys(kind: str, document: Document) -> set[str]:
    if isinstance(document, Redovisning):
        questions = (
            document.form or _form(document.grant_year.year, document.grant_year.verksamhet)
        ).questions
    else:
        from statsbidrag.reports.application import application_questions

        questions = application_questions()
    return {q["key"] for q in questions if q["kind"] == "text"}


@transaction.atomic
def document_save_answers(
    *, kind: str, document: Document, by: Any, answers: dict[str, str], expected_version: int | None
) -> Document:
    if document.status != DocumentStatus.DRAFT:
        raise ValidationError(_("This document has been submitted and can no longer be changed."))
    lock_for_edit(document, expected_version)
    allowed = _text_keys(kind, document)
    document.answers = {k: (v or "").strip() for k, v in answers.items() if k in allowed}
    save(document, by=by)
    return document


@transaction.atomic
def document_submit(
    *, kind: str, document: Document, by: Any, expected_version: int | None
) -> Document:
    """Freeze every figure and text, store the PDF and its sha256. Live data no longer matter.

    ``expected_version`` is the version the user read. No version, no submit: a POST that
    leaves it out must not freeze answers somebody else saved in between.
    """
    document = type(document).objects.select_for_update().get(pk=document.pk)
    if document.status != DocumentStatus.DRAFT:
        raise ValidationError(_("This document has already been submitted."))
    if expected_version is None:
        raise ValidationError(
            _(
                "The document was sent without its version number, so it was not submitted. "
                "Read it again before submitting."
            )
        )
    if document.version != expected_version:
        raise ValidationError(
            _("Someone else changed the document. Read it again before submitting.")
        )
    grant_year = document.grant_year
    if isinstance(document, Redovisning) and document.form_id is None:
        document.form = _form(grant_year.year, grant_year.verksamhet)
    snapshot = live_snapshot(kind, grant_year, document)
    now = timezone.now()
    snapshot["submitted_at"] = now.isoformat(timespec="seconds")
    # Länsstyrelsen gets exact counts (docs/statistics.md); the publiceringsversion is
    # rendered on request.
    content = build_content(snapshot, frozen=True, suppress=False)
    content.submitted_by = str(by)
    pdf = render_document_pdf(content)
    document.snapshot = snapshot
    document.status = DocumentStatus.SUBMITTED
    document.submitted_at = now
    document.submitted_by = by
    document.pdf_sha256 = sha256(pdf)
    # In this transaction: the frozen record and its stored PDF are committed together.
    stored_kind = (
        StoredDocument.Kind.APPLICATION if kind == APPLICATION else StoredDocument.Kind.REDOVISNING
    )
    document.document = store_document(
        verksamhet=grant_year.verksamhet,
        kind=stored_kind,
        title=snapshot.get("title") or content.title,
        date=timezone.localdate(now),
        file_name=f"{kind}-{grant_year.verksamhet.slug}-{grant_year.year}.pdf",
        content=pdf,
        by=by,
    )
    document.version += 1
    save(document, by=by)
    return document
