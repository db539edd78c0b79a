"""How a history entry writes a value: related records by their names (looked up in bulk),
choices by their labels, dates, numbers and booleans as a person writes them in Swedish, and
which of a model's fields an entry may show.

Split from ``core.history_render``, which builds the entries and re-exports these names.
"""

from __future__ import annotations

import datetime
import decimal
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

EMPTY = "—"
# Names of related records are looked up this many links deep (a protokoll is named by its
# meeting, the meeting by its ledningsgrupp), so that str() on a record needs no query.
NAME_DEPTH = 3


def shown_fields(model: type[models.Model], historical: Any) -> list[models.Field[Any, Any]]:
    """The fields of ``model`` an entry may show: labelled, kept in its history, not a
    document or the primary key."""
    kept = {f.attname for f in historical._meta.concrete_fields}
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key
        and getattr(f, "_verbose_name", None) is not None
        and f.attname in kept
        and not isinstance(f, (models.JSONField, models.FileField))
    ]


def _document_fields(model: type[models.Model], historical: Any) -> list[Any]:
    """Labelled JSON and file fields: an entry says they changed, not what they hold."""
    kept = {f.attname for f in historical._meta.concrete_fields}
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.JSONField, models.FileField))
        and getattr(f, "_verbose_name", None) is not None
        and f.attname in kept
    ]


def _links(obj: models.Model) -> Iterator[models.ForeignKey[Any, Any]]:
    """The record's many-to-one and one-to-one columns (a OneToOneField is a ForeignKey)."""
    for f in obj._meta.concrete_fields:
        if isinstance(f, models.ForeignKey):
            yield f


class Names:
    """Related records by model and primary key, loaded in one query per model."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.found: dict[type[models.Model], dict[Any, models.Model | None]] = defaultdict(dict)

    def want(self, model: type[models.Model] | None, pk: Any) -> None:
        if model is not None and pk not in (None, ""):
            self.wanted[model].add(pk)

    def load(self) -> None:
        for _depth in range(NAME_DEPTH):
            batch = {m: pks - set(self.found[m]) for m, pks in self.wanted.items()}
            batch = {m: pks for m, pks in batch.items() if pks}
            if not batch:
                return
            loaded: list[models.Model] = []
            for model, pks in batch.items():
                objects = model._default_manager.in_bulk(list(pks))
                self.found[model].update(objects)
                # A missing record (deleted, gallrad) is looked for once.
                self.found[model].update({pk: None for pk in pks if pk not in objects})
                loaded.extend(objects.values())
            for obj in loaded:
                self._want_links(obj)
            for obj in loaded:
                self.prime(obj)

    def _want_links(self, obj: models.Model) -> None:
        for f in _links(obj):
            self.want(f.related_model, getattr(obj, f.attname))

    def prime(self, obj: models.Model) -> None:
        """Put the loaded related records in ``obj``'s cache so that str(obj) reads them."""
        for f in _links(obj):
            pk = getattr(obj, f.attname)
            related = self.found.get(f.related_model, {}).get(pk)
            if related is not None:
                f.set_cached_value(obj, related)

    def name(self, model: type[models.Model] | None, pk: Any) -> str:
        if model is None or pk in (None, ""):
            return EMPTY
        obj = self.found.get(model, {}).get(pk)
        return name_of(obj) if obj is not None else _("(removed)")


def name_of(obj: models.Model) -> str:
    """How a record is named: its own str(), never the default "Model object (12)"."""
    if type(obj).__str__ is models.Model.__str__:
        return ""
    try:
        return str(obj)
    except Exception:  # noqa: BLE001 - a link that is gone: the kind alone names it
        return ""


def value_text(f: Any, value: Any, names: Names) -> str:
    """A stored value as a person writes it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if f.many_to_one or f.one_to_one:
        return names.name(f.related_model, value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, ArrayField):
        labels = dict(f.base_field.flatchoices) if f.base_field.choices else {}
        return ", ".join(str(labels.get(v, v)) for v in value)
    return plain(value)


def plain(value: Any) -> str:
    """A Python value as Swedish text: Ja/Nej, 2026-12-01 10:14, 0,25, 300 000."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
        value = int(value)  # 318000.00 kr reads as 318 000 kr
    if isinstance(value, int | decimal.Decimal | float):
        # Years and small counts stay as written (1980); amounts are grouped (300 000), and
        # decimals take a comma (0,25).
        small = -10000 < value < 10000
        if isinstance(value, int) and small:
            return str(value)
        return formats.number_format(value, use_l10n=True, force_grouping=not small)
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value) or EMPTY
    return str(value)


def _names(model: Any, pks: Iterable[Any], names: Names) -> str:
    return ", ".join(sorted(names.name(model, pk) for pk in pks)) or EMPTY
