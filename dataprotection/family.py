"""Everything held about a set of clients: the records of the clients app that belong to
them, found by following foreign keys from ``Client``, live rows and rows that now only
exist in the history tables alike.

The clients app lists its models by name (``clients.family.CLIENT_RECORDS``, ``FAMILY``
here) so that what gallring removes is plain to read; ``tests/dataprotection/test_gallring.py``
fails when the clients app adds a model that is missing from the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from clients.family import CLIENT_RECORDS
from clients.models import Client

Family = dict[type[models.Model], set[int]]

# Every model of the clients app except Client, in the order a registerutdrag shows them
# (the clients app's own list, which its timeline follows too).
FAMILY: list[type[models.Model]] = [m for m in CLIENT_RECORDS if m is not Client]


def is_historical(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type") or model.__name__.startswith("Historical")


def history_model(model: type[models.Model]) -> Any:
    manager = getattr(model, "history", None)
    return getattr(manager, "model", None) if manager is not None else None


def m2m_history_models(historical: Any) -> list[Any]:
    """simple_history's tables for m2m fields point at the historical row by ``history``."""
    return [
        rel.related_model for rel in historical._meta.related_objects if rel.field.name == "history"
    ]


def family_ids(client_ids: Iterable[int]) -> Family:
    """Primary keys per model, live or only in history, of every record of these clients."""
    ids: Family = {Client: set(client_ids)}
    if not ids[Client]:
        return ids
    changed = True
    while changed:
        changed = False
        for model in FAMILY:
            for field in model._meta.concrete_fields:
                parent = field.related_model
                if not field.is_relation or parent not in ids or parent is model:
                    continue
                lookup = {f"{field.attname}__in": ids[parent]}
                found = set(model._default_manager.filter(**lookup).values_list("pk", flat=True))
                historical = history_model(model)
                if historical is not None:
                    found |= set(historical.objects.filter(**lookup).values_list("id", flat=True))
                new = found - ids.get(model, set())
                if new:
                    ids.setdefault(model, set()).update(new)
                    changed = True
    return ids


def order_key(model: type[models.Model]) -> tuple[int, str]:
    order = [Client, *FAMILY]
    name = model._meta.model_name or ""
    return (order.index(model) if model in order else len(order), name)
