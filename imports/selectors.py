"""Reads of the imports app, scoped to the actor's verksamhet."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from core.access import Actor, verksamhet_of

from .models import ImportRun


def runs_for(*, actor: Actor) -> QuerySet[ImportRun]:
    """The verksamhet's imports, newest first, without the files' bytes."""
    return (
        ImportRun.objects.filter(verksamhet=verksamhet_of(actor))
        .defer("content", "report")
        .select_related("by")
    )


def run_for(*, actor: Actor, pk: int) -> ImportRun:
    run = ImportRun.objects.filter(verksamhet=verksamhet_of(actor), pk=pk).first()
    if run is None:
        raise Http404
    return run
