"""Reduce clients to their statistical skeleton (gallring and anonymisation share this).

Kept, because reported statistics must stay identical: the client row (alias replaced,
names, personnummer, contact details and free text blanked; gender, birth year, kommun,
groups, characteristics and a restriction in force kept), uppdrag (dates, status, end reason, life situation at
start and end), assignments (who had the uppdrag when) and contacts (date, type, duration,
organisations; note blanked). Everything else of the clients (consents, fullmakter, needs,
plans, goals, steps, tasks: every other model of ``family.FAMILY``) is deleted, and so is every history
row of all of them: history tables hold copies of the personal data.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import models
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext

from clients.models import Assignment, Client, Contact, Uppdrag
from dataprotection.family import (
    Family,
    family_ids,
    history_model,
    m2m_history_models,
)

# Per model: the fields that survive. Every other field is blanked.
KEEP: dict[type[models.Model], set[str]] = {
    Client: {
        "id",
        "version",
        "verksamhet",
        "alias",
        "birth_year",
        "gender",
        "kommun",
        "primary_group",
        "other_groups",
        "missbruk",
        "hemloshet",
        "enskild_verksamhet",
        "risk_severe",
        "created_at",
        "restricted_at",
    },
    Uppdrag: {
        "id",
        "version",
        "client",
        "status",
        "waiting_since",
        "contact_started",
        "started",
        "ended",
        "waiting_again_since",
        "taken_again",
        "end_reason",
        "boende_start",
        "sysselsattning_start",
        "forsorjning_start",
        "boende_end",
        "sysselsattning_end",
        "forsorjning_end",
    },
    Assignment: {"id", "uppdrag", "ombud", "start", "end"},
    Contact: {
        "id",
        "version",
        "client",
        "date",
        "duration_minutes",
        "type",
        "kind",
        "by",
        "created_at",
        "struck_at",
        "struck_by",
    },
}


def blanked_values(model: type[models.Model]) -> dict[str, Any]:
    """What every field not kept is set to: NULL, its default, or an empty string."""
    keep = KEEP[model]
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.name in keep or field.primary_key:
            continue
        if field.null:
            values[field.attname] = None
        elif field.has_default():
            values[field.attname] = field.get_default()
        else:
            values[field.attname] = ""
    return values


def strip_clients(*, client_ids: list[int]) -> dict[str, dict[str, int]]:
    """Remove everything but the skeleton of these clients; return counts per kind.

    Call inside a transaction. Returns ``{"anonymised": {...}, "deleted": {...},
    "history": {...}}`` keyed by model label.
    """
    family = family_ids(client_ids)
    deleted: Counter[str] = Counter()
    anonymised: Counter[str] = Counter()
    for model, ids in family.items():
        if model in KEEP:
            continue
        _count, per_model = model._default_manager.filter(pk__in=ids).delete()
        for name, n in per_model.items():
            if n:
                deleted[name.lower()] += n
    for model, ids in family.items():
        if model not in KEEP:
            continue
        values = blanked_values(model)
        if model is Client:
            values["alias"] = Concat(
                models.Value(gettext("Anonymised") + " "),
                Cast("pk", models.CharField()),
            )
        n = model._default_manager.filter(pk__in=ids).update(**values)
        if n:
            anonymised[model._meta.label_lower] += n
    history = purge_history(family)
    return {"anonymised": dict(anonymised), "deleted": dict(deleted), "history": history}


def purge_history(family: Family) -> dict[str, int]:
    """Delete every history row (and m2m history row) of the records in ``family``."""
    counts: dict[str, int] = {}
    for model, ids in family.items():
        historical = history_model(model)
        if historical is None or not ids:
            continue
        rows = historical.objects.filter(id__in=ids)
        history_ids = list(rows.values_list("history_id", flat=True))
        n = 0
        for m2m in m2m_history_models(historical):
            n += m2m.objects.filter(history_id__in=history_ids).delete()[0]
        n += historical.objects.filter(history_id__in=history_ids).delete()[0]
        if n:
            counts[model._meta.label_lower] = n
    return counts
