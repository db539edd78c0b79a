"""What a registerutdrag (GDPR art. 15) contains: everything held about one client.

Records are described generically from their fields and verbose names, so a field the
clients app adds later appears without changes here (and a model, once it is in
``family.FAMILY``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clients.models import Client
from core.models import AccessLog
from dataprotection.family import family_ids, history_model, order_key
from dataprotection.models import AnonymisationRequest, ErasedClient

SKIPPED_FIELDS = {"id", "version"}
HISTORY_TYPES = {
    "+": gettext_lazy("Created"),
    "~": gettext_lazy("Changed"),
    "-": gettext_lazy("Deleted"),
}


def plain(f: Any, value: Any) -> str:
    """A stored value as a reader understands it (names, not ids; labels, not codes)."""
    if value in (None, "", []):
        return "–"
    if f is None:
        return str(value)
    if f.many_to_many:
        other = f.m2m_reverse_field_name()
        ids = [row.get(other) for row in value if isinstance(row, dict)]
        found = f.related_model._default_manager.in_bulk(ids)
        return ", ".join(str(found.get(i, f"#{i}")) for i in ids) or "–"
    if f.is_relation:
        obj = f.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else f"#{value}"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, ArrayField):
        choices = dict(f.base_field.flatchoices) if f.base_field.choices else {}
        return ", ".join(str(choices.get(v, v)) for v in value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "Y-m-d H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "Y-m-d")
    return str(value)


def changes(record: Any) -> list[dict[str, str]]:
    """Field by field, what one saved change did, against the version before it."""
    previous = record.prev_record
    if previous is None:
        return []
    model = record.instance_type
    rows = []
    for change in record.diff_against(previous).changes:
        try:
            f = model._meta.get_field(change.field)
        except Exception:  # noqa: BLE001 - removed fields
            f = None
        label = capfirst(str(getattr(f, "verbose_name", change.field)))
        rows.append({"field": label, "old": plain(f, change.old), "new": plain(f, change.new)})
    return rows


def display(obj: models.Model, f: Any) -> str:
    if f.many_to_many:
        return ", ".join(str(o) for o in getattr(obj, f.name).all())
    if f.is_relation:
        related = getattr(obj, f.name)
        return str(related) if related is not None else "–"
    return plain(f, getattr(obj, f.name))


def describe(obj: models.Model) -> list[tuple[str, str]]:
    """(label, value) for every field of ``obj`` except ids and the link to the client."""
    rows = []
    for f in obj._meta.get_fields():
        if f.auto_created and not f.concrete:
            continue  # reverse relations
        if f.name in SKIPPED_FIELDS or getattr(f, "related_model", None) is Client:
            continue
        rows.append((capfirst(str(getattr(f, "verbose_name", f.name))), display(obj, f) or "–"))
    return rows


@dataclass
class Section:
    title: str
    items: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Registerutdrag:
    client: Any
    created: datetime.datetime
    record: list[tuple[str, str]]
    sections: list[Section]
    history: list[dict[str, Any]]
    reads: list[AccessLog]
    erasure: ErasedClient | None
    requests: list[AnonymisationRequest]


def registerutdrag_content(client: Any) -> Registerutdrag:
    family = family_ids([client.pk])
    sections = []
    for model, ids in sorted(family.items(), key=lambda kv: order_key(kv[0])):
        if model is type(client):
            continue
        m2m = [f.name for f in model._meta.many_to_many]
        objects = model._default_manager.filter(pk__in=ids).prefetch_related(*m2m)
        items = [
            {"fields": describe(obj), "struck": bool(getattr(obj, "struck_at", None))}
            for obj in objects
        ]
        if items:
            sections.append(
                Section(title=capfirst(str(model._meta.verbose_name_plural)), items=items)
            )
    return Registerutdrag(
        client=client,
        created=timezone.now(),
        record=describe(client),
        sections=sections,
        history=_history(family),
        reads=_reads(family),
        erasure=ErasedClient.objects.filter(client=client).first(),
        requests=list(
            AnonymisationRequest.objects.filter(client=client).select_related(
                "requested_by", "decided_by"
            )
        ),
    )


def _history(family: dict[type[models.Model], set[int]]) -> list[dict[str, Any]]:
    records: list[Any] = []
    for model, ids in family.items():
        historical = history_model(model)
        if historical is not None:
            records.extend(historical.objects.filter(id__in=ids).select_related("history_user"))
    records.sort(key=lambda r: (r.history_date, r.history_id))
    return [
        {
            "at": r.history_date,
            "user": r.history_user,
            "what": capfirst(str(r.instance_type._meta.verbose_name)),
            "type": str(HISTORY_TYPES.get(r.history_type, r.history_type)),
            "reason": r.history_change_reason or "",
            "changes": changes(r) if r.history_type == "~" else [],
        }
        for r in records
    ]


def _reads(family: dict[type[models.Model], set[int]]) -> list[AccessLog]:
    query = Q()
    for model, ids in family.items():
        query |= Q(object_type=model._meta.label_lower, object_id__in=ids)
    return list(AccessLog.objects.filter(query).select_related("user").order_by("at"))
