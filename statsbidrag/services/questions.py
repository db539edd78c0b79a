"""The redovisning's question list per year: the grant officer adds, rewords, reorders and
retires questions when the länsstyrelse changes its form.

A year's list is the verksamhet's ReportForm row for that year (created from the list in use
the first time it is changed). Earlier years keep theirs: a draft of an earlier year points at
an earlier row, and a submitted redovisning shows its frozen snapshot. A row that a submitted
redovisning names is never changed in place: the change becomes a new version.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import save
from core.models import Verksamhet
from statsbidrag.models import DocumentStatus, Redovisning, ReportForm
from statsbidrag.reports import default_form
from statsbidrag.reports.documents import form_for_year

ADD, REWORD, UP, DOWN, RETIRE = "add", "reword", "up", "down", "retire"
ACTIONS = (ADD, REWORD, UP, DOWN, RETIRE)
TEXT = "text"
LABEL_MAX = 300


def revision_of(questions: list[dict[str, str]]) -> str:
    """The list as the page showed it: a change is refused if the list changed since."""
    data = json.dumps(questions, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def figure_kinds() -> dict[str, str]:
    """The figure sections a question can show, by their default label."""
    return {q["kind"]: q["label"] for q in default_form.QUESTIONS if q["kind"] != TEXT}


def _apply(questions: list[dict[str, str]], action: str, key: str, label: str, kind: str) -> None:
    keys = [q["key"] for q in questions]
    if action == ADD:
        if not label:
            raise ValidationError({"label": _("Write the question.")})
        if kind != TEXT and (kind not in figure_kinds() or kind in {q["kind"] for q in questions}):
            raise ValidationError({"kind": _("This figure section is already in the list.")})
        n = len(questions) + 1
        while f"q{n}" in keys:
            n += 1
        questions.append({"key": f"q{n}" if kind == TEXT else kind, "label": label, "kind": kind})
        return
    if key not in keys:
        raise ValidationError(_("The question is no longer in the list. Read the list again."))
    i = keys.index(key)
    if action == REWORD:
        if not label:
            raise ValidationError({"label": _("Write the question.")})
        questions[i] = {**questions[i], "label": label}
    elif action in (UP, DOWN):
        j = i - 1 if action == UP else i + 1
        if 0 <= j < len(questions):
            questions[i], questions[j] = questions[j], questions[i]
    elif action == RETIRE:
        if len(questions) == 1:
            raise ValidationError(_("The list needs at least one question."))
        del questions[i]


@transaction.atomic
def question_list_change(
    *,
    verksamhet: Verksamhet,
    year: int,
    by: Any,
    revision: str | None,
    action: str,
    key: str = "",
    label: str = "",
    kind: str = TEXT,
) -> ReportForm:
    """Change ``year``'s question list (and the years after it that use the same list)."""
    submitted = Redovisning.objects.filter(
        grant_year__verksamhet=verksamhet,
        grant_year__year=year,
        status=DocumentStatus.SUBMITTED,
    ).exists()
    if submitted:
        raise ValidationError(
            _("The redovisning for %(year)s has been submitted: its questions are kept as sent.")
            % {"year": year}
        )
    if action not in ACTIONS:
        raise ValidationError(_("Unknown change."))
    label = (label or "").strip()
    if len(label) > LABEL_MAX:
        raise ValidationError({"label": _("At most %(n)s characters.") % {"n": LABEL_MAX}})
    current = form_for_year(year, verksamhet)
    questions = [dict(q) for q in current.questions]
    if not revision or revision != revision_of(questions):
        raise ValidationError(
            _("Someone else changed the questions while you were editing. Read the list again.")
        )
    _apply(questions, action, key, label, kind)
    row = (
        ReportForm.objects.select_for_update()
        .filter(verksamhet=verksamhet, valid_from_year=year)
        .order_by("-version")
        .first()
    )
    if (
        row is None
        or Redovisning.objects.filter(form=row, status=DocumentStatus.SUBMITTED).exists()
    ):
        row = ReportForm(
            verksamhet=verksamhet,
            valid_from_year=year,
            version=row.version + 1 if row is not None else 1,
            name=current.name,
        )
    row.questions = questions
    save(row, by=by)
    # Drafts of this year and later that use this year's list follow it; earlier years and
    # submitted documents keep what they have.
    drafts = Redovisning.objects.filter(
        grant_year__verksamhet=verksamhet, grant_year__year__gte=year, status=DocumentStatus.DRAFT
    ).select_related("grant_year")
    for draft in drafts:
        if draft.form_id != row.pk and form_for_year(draft.grant_year.year, verksamhet) == row:
            draft.form = row
            save(draft, by=by)
    return row
