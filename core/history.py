"""Which models' history the lead may browse, and how each is scoped to a verksamhet.

Apps call ``track(Model, "path__to__verksamhet")`` in their navigation module. The
history views use the path to show a lead only their own verksamhet's changes. A client's
records also name the path to the client (``client="goal__plan__client"``; ``"id"`` for the
client itself): their history shows client data, so reading it writes an access-log row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Value

if TYPE_CHECKING:
    from core.history_render import Summary


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    verksamhet_path: str  # lookup from the model to the verksamhet id, e.g. "client__verksamhet"
    client_path: str | None = None  # lookup to the client id, for a client's records
    # A frozen document: (record, previous record) -> what its entry says, or None for an
    # ordinary change (core/history_render.py).
    summary: Callable[[Any, Any], Summary | None] | None = None
    # How an entry names the record, where its str() is not how a person would (amounts).
    name: Callable[[Any], str] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    def history(self) -> models.QuerySet[Any]:
        """The model's history rows (django-simple-history adds the manager at class creation,
        which the type checker cannot see)."""
        return getattr(self.model, "history").all()  # noqa: B009

    @property
    def client_model(self) -> type[models.Model] | None:
        """The model ``client_path`` leads to (None: not a client's record)."""
        if self.client_path is None:
            return None
        model: Any = self.model
        for name in self.client_path.split("__"):
            field = model._meta.get_field(name)
            if field.is_relation:
                model = field.related_model
        return model


TRACKED: dict[str, Tracked] = {}


def track(
    model: type[models.Model],
    verksamhet_path: str,
    *,
    client: str | None = None,
    summary: Callable[[Any, Any], Summary | None] | None = None,
    name: Callable[[Any], str] | None = None,
) -> None:
    TRACKED[model._meta.label_lower] = Tracked(model, verksamhet_path, client, summary, name)


def merged(queries: dict[str, models.QuerySet[Any]]) -> models.QuerySet[Any]:
    """The keys (date, history id, model label) of several models' history rows, newest
    first, as one query: a page of it is a slice, its length one count."""
    keyed = [
        qs.order_by()
        .annotate(tracked_label=Value(label))
        .values_list("history_date", "history_id", "tracked_label")
        for label, qs in queries.items()
    ]
    first, *rest = keyed  # every caller asks for at least one kind
    return first.union(*rest, all=True).order_by("-history_date", "-history_id")
