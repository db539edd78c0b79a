"""Everything held about a set of clients: the records of the clients app that belong to
them, found by following foreign keys from ``Client``, live rows and rows that now only
exist in the history tables alike.

Generic on purpose: a model the clients app adds later is found without changes here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import models

Family = dict[type[models.Model], set[int]]


def client_model() -> Any:
    return apps.get_model("clients", "Client")


def is_historical(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type") or model.__name__.startswith("Historical")


def history_model(model: type[models.Model]) -> Any:
    manager = getattr(model, "history", None)
    return getattr(manager, "model", None) if manager is not None else None


def m2m_history_models(historical: Any) -> list[Any]:
    """simple_history's tables for m2m fields point at the historical row by ``history``."""
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "history"), None)
        if field is not None and field.related_model is historical:
            found.append(model)
    return found


def domain_models() -> list[type[models.Model]]:
    """The clients app's concrete models except Client, excluding history tables."""
    client = client_model()
    return [
        m
        for m in apps.get_app_config("clients").get_models()
        if m is not client and not is_historical(m)
    ]


def family_ids(client_ids: Iterable[int]) -> Family:
    """Primary keys per model, live or only in history, of every record of these clients."""
    client = client_model()
    ids: Family = {client: set(client_ids)}
    if not ids[client]:
        return ids
    candidates = domain_models()
    changed = True
    while changed:
        changed = False
        for model in candidates:
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
    order = [
        "client",
        "uppdrag",
        "assignment",
        "consent",
        "fullmakt",
        "need",
        "actionplan",
        "goal",
        "step",
        "task",
        "contact",
    ]
    name = model._meta.model_name or ""
    return (order.index(name) if name in order else len(order), name)


def related_model(model: Any, name: str) -> Any:
    """The model at the other end of ``model.name`` (typed loosely for the checker)."""
    return model._meta.get_field(name).related_model
