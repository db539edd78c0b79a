"""Which models' history the lead may browse, and how each is scoped to a verksamhet.

Apps call ``track(Model, "path__to__verksamhet")`` in their navigation module. The
history views use the path to show a lead only their own verksamhet's changes. A client's
records also name the path to the client (``client="goal__plan__client"``; ``"id"`` for the
client itself): their history shows client data, so reading it writes an access-log row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    verksamhet_path: str  # lookup from the model to the verksamhet id, e.g. "client__verksamhet"
    client_path: str | None = None  # lookup to the client id, for a client's records

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


def track(model: type[models.Model], verksamhet_path: str, *, client: str | None = None) -> None:
    TRACKED[model._meta.label_lower] = Tracked(model, verksamhet_path, client)


def readable_changes(record: Any) -> list[dict[str, Any]]:
    """Field-by-field changes of one history record against the one before it."""
    previous = record.prev_record
    model = record.instance_type
    if previous is None:
        return [{"field": model._meta.verbose_name, "old": "", "new": "", "created": True}]
    delta = record.diff_against(previous)
    rows = []
    for change in delta.changes:
        try:
            field = model._meta.get_field(change.field)
        except Exception:  # noqa: BLE001 - m2m or removed fields
            field = None
        label = getattr(field, "verbose_name", change.field)
        rows.append(
            {"field": label, "old": _display(field, change.old), "new": _display(field, change.new)}
        )
    return rows


def _display(field: Any, value: Any) -> Any:
    if value in (None, ""):
        return "–"
    choices = getattr(field, "flatchoices", None)
    if choices:
        return dict(choices).get(value, value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return value
