"""A client's timeline: the history of the record and of everything under it."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models

from core.access import Actor
from core.history import TRACKED, Tracked, merged

from ..family import CLIENT_RECORDS
from ..models import Client


def timeline_kinds(actor: Actor | None = None) -> list[Tracked]:
    """Every tracked kind of record that belongs to a client: the clients app's own, in
    its order, then those other apps register (a request for restriction, with its legal
    assessment: only for those who read the change history, as there)."""
    others = actor is None or actor.holds("history.view")
    of_client = [
        t
        for t in TRACKED.values()
        if t.client_path
        and t.client_model is Client
        and (others or t.model._meta.app_label == "clients")
    ]
    order = {m: i for i, m in enumerate(CLIENT_RECORDS)}
    return sorted(of_client, key=lambda t: (order.get(t.model, len(order)), t.label))


def timeline(
    *,
    actor: Actor,
    client: Client,
    kind: str | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> models.QuerySet[Any]:
    """Keys of the client's history rows, newest first (``core.history.merged``); the page
    shown is fetched and rendered by ``core.history.fetch`` and ``history_render.entries``."""
    queries = {}
    for t in timeline_kinds(actor):
        if kind and t.label != kind:
            continue
        path = "id" if t.client_path == "id" else f"{t.client_path}_id"
        qs = t.history().filter(**{path: client.pk})
        if since is not None:
            qs = qs.filter(history_date__date__gte=since)
        if until is not None:
            qs = qs.filter(history_date__date__lte=until)
        queries[t.label] = qs
    return merged(queries)
