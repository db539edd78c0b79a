"""Reads of the verksamhet's own registers."""

from __future__ import annotations

from django.http import Http404

from core.models import Organisation, Verksamhet


def register_of(verksamhet: Verksamhet) -> list[Organisation]:
    """The verksamhet's organisations, the active ones first, then by name."""
    return list(
        Organisation.objects.filter(verksamhet=verksamhet)
        .select_related("kommun")
        .order_by("-active", "name")
    )


def organisation_in(verksamhet: Verksamhet, pk: int) -> Organisation:
    """One organisation of ``verksamhet``; another verksamhet's is a 404."""
    organisation = Organisation.objects.filter(verksamhet=verksamhet, pk=pk).first()
    if organisation is None:
        raise Http404
    return organisation
