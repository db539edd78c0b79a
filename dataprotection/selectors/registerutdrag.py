"""What a registerutdrag (GDPR art. 15) contains: everything held about one client, in the
words and values the screens use (core/history_render.py), with a cover page saying what
the document is and whom to ask.

Records are described from their labelled fields, so a field the clients app adds later
appears without changes here (and a model, once it is in ``family.FAMILY``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from clients.models import Client
from clients.personnummer import formatted as personnummer_formatted
from core.history_render import (
    EMPTY,
    STRUCK_FIELDS,
    Entry,
    Names,
    entries,
    name_of,
    plain,
    shown_fields,
    value_text,
)
from core.models import AccessLog, Role, RoleAssignment
from dataprotection.family import family_ids, history_model, order_key
from dataprotection.models import AnonymisationRequest, ErasedClient
from dataprotection.reads import sentence


@dataclass
class Item:
    name: str
    fields: list[tuple[str, str]]
    struck: str = ""  # "Struken 2026-12-01 10:14 av Anna Lind. Skäl: ..." or ""


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Contact:
    name: str
    email: str


@dataclass
class Registerutdrag:
    client: Any
    created: datetime.datetime
    service: str
    huvudman: str
    contacts: list[Contact]
    record: list[tuple[str, str]]
    sections: list[Section]
    history: list[Entry]
    reads: list[str]
    erasure: ErasedClient | None
    requests: list[list[tuple[str, str]]]
    verksamhet: Any = None  # its telephone, e-mail and address on the cover page


def _fields(model: type[models.Model]) -> list[Any]:
    """The labelled fields, and the m2m ones, except the link back to the client."""
    historical = history_model(model)
    concrete = shown_fields(model, historical) if historical is not None else []
    m2m = [f for f in model._meta.many_to_many if getattr(f, "_verbose_name", None)]
    return [f for f in [*concrete, *m2m] if f.related_model is not Client]


def describe_all(objects: list[models.Model]) -> list[Item]:
    """Each object as (label, value) pairs, names of related records loaded in bulk."""
    names = Names()
    for obj in objects:
        for f in obj._meta.concrete_fields:
            if f.many_to_one or f.one_to_one:
                names.want(f.related_model, getattr(obj, f.attname))
        for f in obj._meta.many_to_many:
            for related in getattr(obj, f.name).all():  # prefetched
                names.want(f.related_model, related.pk)
    names.load()
    items = []
    for obj in objects:
        names.prime(obj)
        struck = _struck(obj, names)
        rows = []
        for f in _fields(type(obj)):
            if f.attname in STRUCK_FIELDS:  # the struck line says it, when struck
                continue
            if f.many_to_many:
                pks = [related.pk for related in getattr(obj, f.name).all()]
                value = ", ".join(sorted(names.name(f.related_model, pk) for pk in pks)) or EMPTY
            elif isinstance(obj, Client) and f.attname == "personnummer" and obj.personnummer:
                value = personnummer_formatted(obj.personnummer)  # as the client page shows it
            else:
                value = value_text(f, getattr(obj, f.attname), names)
            rows.append((capfirst(str(f.verbose_name)), value))
        items.append(Item(name=name_of(obj), fields=rows, struck=struck))
    return items


def describe(obj: models.Model) -> list[tuple[str, str]]:
    return describe_all([obj])[0].fields


def _struck(obj: models.Model, names: Names) -> str:
    at = getattr(obj, "struck_at", None)
    if at is None:
        return ""
    user_model = obj._meta.get_field("struck_by").related_model
    return _("Struck %(when)s by %(who)s. Reason: %(reason)s") % {
        "when": plain(at),
        "who": names.name(user_model, getattr(obj, "struck_by_id", None)),
        "reason": getattr(obj, "struck_reason", "") or EMPTY,
    }


def registerutdrag_content(client: Any) -> Registerutdrag:
    family = family_ids([client.pk])
    sections = []
    for model, ids in sorted(family.items(), key=lambda kv: order_key(kv[0])):
        if model is type(client):
            continue
        m2m = [f.name for f in model._meta.many_to_many]
        objects = list(model._default_manager.filter(pk__in=ids).prefetch_related(*m2m))
        if objects:
            sections.append(
                Section(
                    title=capfirst(str(model._meta.verbose_name_plural)),
                    items=describe_all(objects),
                )
            )
    verksamhet = client.verksamhet
    return Registerutdrag(
        client=client,
        created=timezone.now(),
        service=verksamhet.name,
        huvudman=verksamhet.huvudman.name,
        contacts=_contacts(verksamhet),
        verksamhet=verksamhet,
        record=describe(client),
        sections=sections,
        history=_history(family),
        reads=_reads(family),
        erasure=ErasedClient.objects.filter(client=client).first(),
        requests=[
            item.fields
            for item in describe_all(
                list(AnonymisationRequest.objects.filter(client=client).order_by("requested_at"))
            )
        ],
    )


def _contacts(verksamhet: Any) -> list[Contact]:
    """Whom the client asks: the verksamhet's samordnare (the lead role)."""
    leads = (
        RoleAssignment.objects.filter(verksamhet=verksamhet, role=Role.LEAD, user__is_active=True)
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )
    return [Contact(name=str(r.user), email=r.user.email) for r in leads]


def _history(family: dict[type[models.Model], set[int]]) -> list[Entry]:
    records: list[Any] = []
    for model, ids in family.items():
        historical = history_model(model)
        if historical is not None:
            records.extend(historical.objects.filter(id__in=ids))
    records.sort(key=lambda r: (r.history_date, r.history_id))
    return entries(records)


def _reads(family: dict[type[models.Model], set[int]]) -> list[str]:
    query = Q()
    for model, ids in family.items():
        query |= Q(object_type=model._meta.label_lower, object_id__in=ids)
    rows = list(AccessLog.objects.filter(query).select_related("user").order_by("at"))
    return [sentence(row, str(row.user)) for row in rows]
