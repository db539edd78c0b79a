"""History records as a person reads them: who, when, what kind of record, and the fields
that changed by their labels, old → new as one would write them.

One renderer for the client's timeline, the lead's change history, every object's history
page and the registerutdrag. It resolves names in bulk: the queries depend on how many
kinds of record a page shows, never on how many entries it has.

A field is shown when its model gave it a label (``verbose_name``): unlabelled columns are
bookkeeping (the edit version, who recorded a row, a file's checksum), and a JSON or file
column holds a document, not a value, so neither is printed. An app whose record is a
frozen document says how to name the moment it froze (``track(..., summary=...)``).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import Lag
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import TRACKED
from core.history_values import EMPTY as EMPTY
from core.history_values import NAME_DEPTH as NAME_DEPTH
from core.history_values import Names as Names
from core.history_values import _document_fields, _names
from core.history_values import name_of as name_of
from core.history_values import plain as plain
from core.history_values import shown_fields as shown_fields
from core.history_values import value_text as value_text

ACTIONS = {
    "+": gettext_lazy("Created"),
    "~": gettext_lazy("Changed"),
    "-": gettext_lazy("Deleted"),
}
STRUCK_FIELDS = {"struck_at", "struck_by_id", "struck_reason"}


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str
    # False: a long text or document whose old and new content the entry does not repeat.
    shown: bool = True
    many: bool = False  # a many-to-many field (saved just after the record it belongs to)


@dataclass(frozen=True)
class Summary:
    """What a frozen document's entry says instead of its fields ("Ansökan 2026 skickades
    in") and where the document is."""

    text: str
    url: str = ""
    link_label: str = ""


@dataclass
class Entry:
    at: datetime.datetime
    who: str
    kind: str
    name: str
    action: str
    label: str
    pk: int
    history_id: int
    changes: list[Change] = field(default_factory=list)
    summary: Summary | None = None
    reason: str = ""
    struck: bool = False


def page_entries(keys: Sequence[tuple[Any, int, str]]) -> list[Entry]:
    """Entries for a page of ``core.history.merged`` keys, in their order: one query per
    kind of record on the page fetches its rows and the versions before them."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for _at, hid, label in keys:
        wanted[label].append(hid)
    rows: dict[tuple[str, int], Any] = {}
    previous: dict[tuple[Any, int], Any] = {}
    for label, hids in wanted.items():
        historical = TRACKED[label].history().model
        found = list(
            historical.objects.filter(
                models.Q(history_id__in=hids) | models.Q(history_id__in=_before(historical, hids))
            )
        )
        previous.update(_chain(historical, found, set(hids)))
        rows.update({(label, r.history_id): r for r in found if r.history_id in hids})
    records = [rows[(label, hid)] for _at, hid, label in keys if (label, hid) in rows]
    return entries(records, previous=previous)


def entries(
    records: Sequence[Any], *, previous: dict[tuple[Any, int], Any] | None = None
) -> list[Entry]:
    """Entries for history records (of any tracked models), in the order given."""
    by_model: dict[Any, list[Any]] = defaultdict(list)
    for r in records:
        by_model[type(r)].append(r)
    if previous is None:
        previous = {}
        for historical, rows in by_model.items():
            hids = {r.history_id for r in rows}
            found = list(historical.objects.filter(history_id__in=_before(historical, hids)))
            previous.update(_chain(historical, [*rows, *found], hids))
    names = Names()
    m2m = _m2m_values(by_model, previous, names)
    user_model = get_user_model()
    for r in records:
        names.want(user_model, r.history_user_id)
        prev = previous.get((type(r), r.history_id))
        for f in r.instance_type._meta.concrete_fields:
            if f.many_to_one or f.one_to_one:
                names.want(f.related_model, getattr(r, f.attname, None))
                if prev is not None:
                    names.want(f.related_model, getattr(prev, f.attname, None))
    names.load()
    result = [_entry(r, previous.get((type(r), r.history_id)), names, m2m) for r in records]
    return _fold(result, records, previous)


def _fold(
    result: list[Entry], records: Sequence[Any], previous: dict[tuple[Any, int], Any]
) -> list[Entry]:
    """A record's many-to-many values are saved just after the record (a contact, then its
    organisations): that second row joins the creation's entry when both are shown. A save
    that changed nothing shown is left out."""
    created = {
        (e.label, e.pk): e for e, r in zip(result, records, strict=True) if r.history_type == "+"
    }
    kept = []
    for e, r in zip(result, records, strict=True):
        first = created.get((e.label, e.pk))
        prev = previous.get((type(r), r.history_id))
        if (
            first is not None
            and prev is not None
            and prev.history_type == "+"
            and prev.history_id == first.history_id
            and e.changes
            and all(c.many for c in e.changes)
            and r.history_user_id == prev.history_user_id
            and abs((r.history_date - prev.history_date).total_seconds()) < 60
        ):
            first.changes.extend(e.changes)
            continue
        if r.history_type == "~" and not (e.changes or e.summary or e.reason or e.struck):
            continue  # a save that changed nothing a person reads (the edit version)
        kept.append(e)
    return kept


def _before(historical: Any, hids: Iterable[int]) -> Any:
    """A subquery: the history id of the version just before each of ``hids``."""
    return (
        historical.objects.filter(
            id__in=historical.objects.filter(history_id__in=hids).values("id")
        )
        .annotate(
            before=Window(
                Lag("history_id"),
                partition_by=[F("id")],
                order_by=[F("history_date").asc(), F("history_id").asc()],
            )
        )
        .filter(history_id__in=hids, before__isnull=False)
        .values("before")
    )


def _chain(historical: Any, rows: list[Any], hids: set[int]) -> dict[tuple[Any, int], Any]:
    """Each of ``hids``'s version before it, among ``rows`` (which hold every one of them:
    the rows of one record in order, each wanted row preceded by its predecessor)."""
    unique = {r.history_id: r for r in rows}.values()
    ordered = sorted(unique, key=lambda r: (r.id, r.history_date, r.history_id))
    result = {}
    for before, row in zip(ordered, ordered[1:], strict=False):
        if row.history_id in hids and before.id == row.id:
            result[(historical, row.history_id)] = before
    return result


def _m2m_values(
    by_model: dict[Any, list[Any]], previous: dict[tuple[Any, int], Any], names: Names
) -> dict[tuple[Any, int, str], list[Any]]:
    """Related ids per history row and m2m field, one query per m2m field on the page."""
    values: dict[tuple[Any, int, str], list[Any]] = {}
    for historical, rows in by_model.items():
        m2m_fields = getattr(historical, "_history_m2m_fields", None) or []
        if not m2m_fields:
            continue
        hids = {r.history_id for r in rows}
        hids |= {p.history_id for (h, _hid), p in previous.items() if h is historical}
        for f in m2m_fields:
            through = _m2m_history_model(historical, f)
            if through is None:
                continue
            target = f.m2m_reverse_field_name()
            for hid in hids:
                values[(historical, hid, f.name)] = []
            for hid, pk in through.objects.filter(history_id__in=hids).values_list(
                "history_id", f"{target}_id"
            ):
                values[(historical, hid, f.name)].append(pk)
                names.want(f.related_model, pk)
    return values


def _m2m_history_model(historical: Any, f: Any) -> Any:
    target = f.m2m_reverse_field_name()
    for rel in historical._meta.related_objects:
        if rel.field.name != "history":
            continue
        if any(x.name == target for x in rel.related_model._meta.fields):
            return rel.related_model
    return None


def _entry(r: Any, prev: Any, names: Names, m2m: dict[tuple[Any, int, str], list[Any]]) -> Entry:
    model = r.instance_type
    label = model._meta.label_lower
    instance = r.instance
    names.prime(instance)
    names.prime(r)  # a summary reads the record's links (its grant year, its meeting)
    struck = bool(getattr(r, "struck_at", None))
    entry = Entry(
        at=r.history_date,
        who=names.name(get_user_model(), r.history_user_id)
        if r.history_user_id
        else _("the system"),
        kind=capfirst(str(model._meta.verbose_name)),
        name=name_of(instance),
        action=str(ACTIONS.get(r.history_type, ACTIONS["~"])),
        label=label,
        pk=r.id,
        history_id=r.history_id,
        reason=r.history_change_reason or "",
        struck=struck,
    )
    tracked = TRACKED.get(label)
    if tracked is not None and tracked.name is not None:
        entry.name = tracked.name(r)
    if tracked is not None and tracked.summary is not None:
        entry.summary = tracked.summary(r, prev)
        if entry.summary is not None:
            return entry
    if r.history_type == "~" and prev is not None:
        skip: set[str] = set()
        if struck and not getattr(prev, "struck_at", None):
            # Struck as an error: the entry says so with the reason, not as two changed fields.
            entry.action = _("Struck")
            entry.reason = entry.reason or getattr(r, "struck_reason", "")
            skip = STRUCK_FIELDS
        entry.changes = changes(r, prev, names, m2m, skip=skip)
        if any(c.new == entry.reason for c in entry.changes):
            entry.reason = ""  # the reason is a field of the record, shown as its change
    return entry


def changes(
    r: Any,
    prev: Any,
    names: Names,
    m2m: dict[tuple[Any, int, str], list[Any]],
    *,
    skip: Set[str] = frozenset(),
) -> list[Change]:
    model = r.instance_type
    rows = []
    for f in shown_fields(model, type(r)):
        if f.attname in skip:
            continue
        old, new = getattr(prev, f.attname), getattr(r, f.attname)
        if old == new:
            continue
        rows.append(
            Change(
                capfirst(str(f.verbose_name)), value_text(f, old, names), value_text(f, new, names)
            )
        )
    for f in _document_fields(model, type(r)):
        if getattr(prev, f.attname) != getattr(r, f.attname):
            rows.append(Change(capfirst(str(f.verbose_name)), "", "", shown=False))
    for f in getattr(type(r), "_history_m2m_fields", None) or []:
        old_ids = m2m.get((type(r), prev.history_id, f.name), [])
        new_ids = m2m.get((type(r), r.history_id, f.name), [])
        if sorted(old_ids) != sorted(new_ids):
            rows.append(
                Change(
                    capfirst(str(f.verbose_name)),
                    _names(f.related_model, old_ids, names),
                    _names(f.related_model, new_ids, names),
                    many=True,
                )
            )
    return rows
