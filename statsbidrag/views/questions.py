"""The redovisning's question list of a year: add, reword, reorder, retire."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires
from core.forms import submit
from core.http import Request

from .. import selectors
from ..forms import QuestionChangeForm
from ..models import DocumentStatus
from ..reports.documents import REDOVISNING, form_for_year
from ..services.questions import TEXT, figure_kinds, question_list_change, revision_of
from .common import crumbs


@requires("grant.manage")
def question_list(request: Request, year: int) -> HttpResponse:
    gy = selectors.grant_year_for(verksamhet=request.verksamhet, year=year)
    current = form_for_year(year, gy.verksamhet)
    questions = list(current.questions)
    used = {q["kind"] for q in questions}
    kinds = [(TEXT, _("Free text"))] + [
        (kind, label) for kind, label in figure_kinds().items() if kind not in used
    ]
    form = QuestionChangeForm(request.POST or None, kinds=kinds)

    def change(data: dict[str, Any]) -> Any:
        return question_list_change(
            verksamhet=gy.verksamhet,
            year=year,
            by=request.user,
            revision=data["revision"],
            action=data["action"],
            key=data.get("key") or "",
            label=data.get("label") or "",
            kind=data.get("kind") or TEXT,
        )

    if submit(request, form, change) is not None:
        messages.success(request, _("The question list was saved."))
        return redirect("statsbidrag:questions", year=year)
    redovisning = selectors.document_of(REDOVISNING, gy)
    rewording = form.data.get("action") == "reword" and form.data.get("key") in {
        q["key"] for q in questions
    }
    kind_labels = dict(figure_kinds())
    return render(
        request,
        "statsbidrag/questions.html",
        {
            "gy": gy,
            "crumbs": crumbs(gy),
            "questions": [
                {**q, "answered_with": kind_labels.get(q["kind"], _("Free text"))}
                for q in questions
            ],
            "revision": revision_of(questions),
            "kinds": kinds,
            "form": form,
            "own": current.verksamhet_id == gy.verksamhet.pk,
            "from_year": current.valid_from_year,
            # A refused change is shown again with what the user typed, its message next to
            # the question reworded or to the new question.
            "reword_key": form.data.get("key") if rewording else "",
            "posted_label": form.data.get("label", ""),
            # Text that belongs to no question's row is kept in the new question's field.
            "add_label": "" if rewording else form.data.get("label", ""),
            "add_errors": not rewording,
            "posted_kind": form.data.get("kind", ""),
            "frozen": redovisning is not None and redovisning.status == DocumentStatus.SUBMITTED,
        },
    )
