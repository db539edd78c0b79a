"""With no question list stored for a year, the redovisning uses the built-in default."""

from __future__ import annotations

from statsbidrag.models import ReportForm
from statsbidrag.reports import default_form
from statsbidrag.reports.documents import form_for_year


def test_default_questions_when_no_form_is_stored(db) -> None:  # type: ignore[no-untyped-def]
    ReportForm.objects.all().delete()
    form = form_for_year(2025)
    assert form.pk is None
    assert form.questions == default_form.QUESTIONS


def test_stored_newer_form_wins(db) -> None:  # type: ignore[no-untyped-def]
    questions = [{"key": "verksamhet", "label": "Ny fråga", "kind": "text"}]
    ReportForm.objects.create(
        name="Länsstyrelsen 2026", valid_from_year=2026, version=1, questions=questions
    )
    assert form_for_year(2026).questions == questions
    assert form_for_year(2025).questions != questions
