"""A document (application or redovisning) as content: questions with their text, tables
and charts. Live drafts and frozen snapshots render through the same code."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from statsbidrag.models import Application, GrantYear, Redovisning, ReportForm

from . import default_form
from .application import APPLICATION_SECTIONS, application_questions
from .charts import Chart, redovisning_charts
from .figures import application_figures, redovisning_figures
from .tables import Table, section_tables, suppress_tables, without_names

APPLICATION, REDOVISNING = "ansokan", "redovisning"
PDF_TEMPLATE = "statsbidrag/pdf/document.html"


@dataclass
class Section:
    key: str
    number: int
    label: str
    kind: str
    text: str = ""
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Content:
    kind: str
    title: str
    year: int
    verksamhet: str
    sections: list[Section]
    frozen: bool
    suppressed: bool
    submitted_at: str | None = None
    submitted_by: str = ""
    generated_at: str = ""

    def all_tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]


def form_for_year(year: int, verksamhet: Any = None) -> ReportForm:
    """The question list in use for ``year``: the verksamhet's own list from the latest year
    at or before it, else the built-in form (highest version).

    With no form stored at all, the built-in default question list is used (unsaved), so
    that a draft is never shown empty; submitting stores it (services.documents._form).
    """
    candidates = ReportForm.objects.filter(valid_from_year__lte=year)
    own = (
        candidates.filter(verksamhet=verksamhet).order_by("-valid_from_year", "-version").first()
        if verksamhet is not None
        else None
    )
    found = own or (
        candidates.filter(verksamhet__isnull=True).order_by("-valid_from_year", "-version").first()
    )
    if found is not None:
        return found
    return ReportForm(
        name=default_form.NAME,
        valid_from_year=default_form.VALID_FROM_YEAR,
        version=1,
        questions=default_form.QUESTIONS,
    )


def title_for(kind: str, grant_year: GrantYear) -> str:
    if kind == APPLICATION:
        return _("Application for statsbidrag for personligt ombud %(year)s") % {
            "year": grant_year.year
        }
    return _("Redovisning of personligt ombud %(year)s") % {"year": grant_year.year}


def live_snapshot(
    kind: str,
    grant_year: GrantYear,
    document: Application | Redovisning | None,
) -> dict[str, Any]:
    """What would be frozen if the document were submitted now, computed from live data."""
    v, year = grant_year.verksamhet, grant_year.year
    if kind == APPLICATION:
        figures = application_figures(verksamhet=v, year=year)
        questions = application_questions()
    else:
        figures = redovisning_figures(verksamhet=v, year=year)
        form = (
            document.form
            if isinstance(document, Redovisning) and document.form_id
            else form_for_year(year, v)
        )
        questions = list(form.questions) if form else []
    return {
        "kind": kind,
        "title": title_for(kind, grant_year),
        "year": year,
        "verksamhet": v.name,
        "questions": questions,
        "answers": dict(document.answers) if document else {},
        "figures": figures,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
    }


def build_content(
    snapshot: dict[str, Any], *, frozen: bool, suppress: bool, document: Any = None
) -> Content:
    figures = snapshot["figures"]
    kind = snapshot["kind"]
    sections = []
    for number, q in enumerate(snapshot["questions"], start=1):
        section = Section(
            q["key"], number, q["label"], q["kind"], text=snapshot["answers"].get(q["key"], "")
        )
        if kind == APPLICATION:
            builder = APPLICATION_SECTIONS.get(q["kind"])
            section.tables = builder(figures) if builder else []
        else:
            section.tables = section_tables(q["kind"], figures)
        sections.append(section)
    if suppress:
        for s in sections:  # the publiceringsversion names no employee
            s.tables = without_names(s.tables, figures)
        # Decided over the whole document: its tables share figures and totals.
        masked = iter(suppress_tables([t for s in sections for t in s.tables]))
        for s in sections:
            s.tables = [next(masked) for _t in s.tables]
    if kind != APPLICATION:
        for s in sections:
            s.charts = list(redovisning_charts(s.tables).values())
    submitted_by = ""
    if document is not None and document.submitted_by_id:
        submitted_by = str(document.submitted_by)
    return Content(
        kind=kind,
        title=snapshot["title"],
        year=snapshot["year"],
        verksamhet=snapshot["verksamhet"],
        sections=sections,
        frozen=frozen,
        suppressed=suppress,
        submitted_at=snapshot.get("submitted_at"),
        submitted_by=submitted_by,
        generated_at=snapshot["generated_at"],
    )


def content_for(kind: str, grant_year: GrantYear, document: Any, *, suppress: bool) -> Content:
    """The frozen snapshot when submitted, else the live draft."""
    if document is not None and document.snapshot:
        return build_content(document.snapshot, frozen=True, suppress=suppress, document=document)
    return build_content(
        live_snapshot(kind, grant_year, document),
        frozen=False,
        suppress=suppress,
        document=document,
    )


def render_document_pdf(content: Content) -> bytes:
    """The document as PDF."""
    from core.pdf import render_pdf

    from .suppression import threshold

    context = {"doc": content, "threshold": threshold(), "pdf": True}
    return render_pdf(PDF_TEMPLATE, context, title=content.title)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
