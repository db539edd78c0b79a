"""What the e-arkiv page lists: the verksamhet's stored documents per year."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from core.models import Document, Verksamhet


def document_years(*, verksamhet: Verksamhet) -> list[dict[str, Any]]:
    """Years with stored documents, newest first: year, documents, protokoll (one query)."""
    rows = (
        Document.objects.filter(verksamhet=verksamhet)
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(
            documents=Count("pk"), protokoll=Count("pk", filter=Q(kind=Document.Kind.PROTOKOLL))
        )
        .order_by("-year")
    )
    return [dict(row) for row in rows]
