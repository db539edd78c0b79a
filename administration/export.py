"""Exportera verksamhetens data: one .zip of CSV files, one per table the verksamhet owns.

The tables are those the apps register with ``core.history.track`` (each with its path to
the verksamhet; the registry grows with the apps), the users who hold a role here, the
client tasks, and the verksamhet's access log. Headers are the fields' Swedish names; values
are rendered as the pages show them (choice labels, names of linked records, Ja/Nej, dates
as 2025-03-01), in Swedish Excel's CSV dialect with formulas neutralised
(``core.csvexport``). The zip is written as it is read (``stream``): one table's rows at a
time in chunks, linked names fetched per chunk, so memory stays flat for a national-scale
verksamhet and nothing is kept on the server's disk.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clients.models import Task
from core.csvexport import CsvWriter
from core.history import TRACKED
from core.models import AccessLog, RoleAssignment, User, Verksamhet

CHUNK = 2000
SECRETS = {"password", "token_hash"}  # never leave the system, whatever table holds them


@dataclass(frozen=True)
class Table:
    model: type[models.Model]
    rows: models.QuerySet[Any]
    exclude: tuple[str, ...] = ()


def tables(verksamhet: Verksamhet) -> list[Table]:
    found: dict[type[models.Model], Table] = {}
    for tracked in TRACKED.values():
        model = tracked.model
        rows = model._default_manager.filter(**{tracked.verksamhet_path: verksamhet})
        found[model] = Table(model, rows)
    found.setdefault(Task, Table(Task, Task.objects.filter(client__verksamhet=verksamhet)))
    users = User.objects.filter(
        pk__in=RoleAssignment.objects.filter(verksamhet=verksamhet).values("user_id")
    )
    found[User] = Table(
        User, users, exclude=("password", "is_superuser", "is_staff", "groups", "user_permissions")
    )
    found[AccessLog] = Table(AccessLog, AccessLog.objects.filter(verksamhet_id=verksamhet.pk))
    return sorted(found.values(), key=lambda t: str(t.model._meta.verbose_name_plural))


def _fields(table: Table) -> list[Any]:
    fields: list[Any] = []
    for f in table.model._meta.get_fields():
        if f.auto_created and not f.concrete:
            continue  # reverse relations
        if not getattr(f, "concrete", False) and not f.many_to_many:
            continue
        if f.name in table.exclude or f.name in SECRETS or isinstance(f, models.BinaryField):
            continue
        fields.append(f)
    return fields


# Fields declared without a verbose name: what the header says instead of the English
# identifier (a link otherwise says the linked model's name).
UNNAMED = {
    "created_at": gettext_lazy("created"),
    "version": gettext_lazy("version"),
    "path": gettext_lazy("path"),
    "verksamhet_id": gettext_lazy("PO service"),
    "number": gettext_lazy("number"),
    "order": gettext_lazy("order"),
    "year": gettext_lazy("year"),
    "answered_at": gettext_lazy("answered"),
    "pdf_sha256": gettext_lazy("PDF checksum (SHA-256)"),
    "token_hash": gettext_lazy("invitation code (hashed)"),
    "owner": gettext_lazy("owner"),
    "author": gettext_lazy("author"),
    "user": gettext_lazy("user"),
    "ombud": gettext_lazy("ombud"),
    "justerare": gettext_lazy("justerare"),
    "recorded_by": gettext_lazy("recorded by"),
    "struck_by": gettext_lazy("struck by"),
    "submitted_by": gettext_lazy("submitted by"),
}


def _header(field: Any) -> str:
    if field.primary_key:
        return "ID"
    name: Any = field.verbose_name
    if not isinstance(name, Promise):  # Django's default: the identifier with spaces
        if field.name in UNNAMED:
            name = UNNAMED[field.name]
        elif field.is_relation:
            name = field.related_model._meta.verbose_name
    text = str(name)
    return text[:1].upper() + text[1:]


class _Renderer:
    """Values of one table's chunk as the pages show them."""

    def __init__(self, fields: list[Any]) -> None:
        self.fields = fields
        self.labels: dict[type[models.Model], dict[Any, str]] = {}
        self.converters = {
            f.name: _converter(f) for f in fields if not f.many_to_many and not f.is_relation
        }

    def names(self, model: type[models.Model], ids: set[Any]) -> dict[Any, str]:
        known = self.labels.setdefault(model, {})
        missing = [i for i in ids if i is not None and i not in known]
        for i in range(0, len(missing), CHUNK):
            for pk, obj in model._default_manager.in_bulk(missing[i : i + CHUNK]).items():
                known[pk] = str(obj)
        return known

    def rows(self, objs: list[models.Model]) -> Iterator[list[Any]]:
        m2m: dict[str, dict[Any, list[str]]] = {}
        fk_names: dict[str, dict[Any, str]] = {}
        for f in self.fields:
            if f.many_to_many:
                through = getattr(f.model, f.name).through
                source = f.m2m_field_name()
                target = f.m2m_reverse_field_name()
                links = list(
                    through.objects.filter(**{f"{source}__in": [o.pk for o in objs]}).values_list(
                        f"{source}_id", f"{target}_id"
                    )
                )
                names = self.names(f.related_model, {t for _s, t in links})
                per: dict[Any, list[str]] = {}
                for s, t in links:
                    per.setdefault(s, []).append(names.get(t, str(t)))
                m2m[f.name] = per
            elif f.is_relation:
                fk_names[f.name] = self.names(
                    f.related_model, {getattr(o, f.attname) for o in objs}
                )
        for obj in objs:
            yield [self.value(f, obj, m2m, fk_names) for f in self.fields]

    def value(self, f: Any, obj: Any, m2m: dict[str, Any], fk_names: dict[str, Any]) -> Any:
        if f.many_to_many:
            return "; ".join(sorted(m2m[f.name].get(obj.pk, [])))
        raw = getattr(obj, f.attname)
        if f.is_relation:
            return "" if raw is None else fk_names[f.name].get(raw, str(raw))
        if raw is None or raw == "":
            return ""
        return self.converters[f.name](raw)


def _converter(f: Any) -> Any:
    """How one field's stored value is shown (chosen once per field, not per cell)."""
    if isinstance(f, ArrayField):
        labels = {k: str(v) for k, v in f.base_field.flatchoices}
        return lambda raw: "; ".join(labels.get(v, str(v)) for v in raw)
    if f.flatchoices:
        labels = {k: str(v) for k, v in f.flatchoices}
        return lambda raw: labels.get(raw, raw)
    if isinstance(f, models.BooleanField):
        yes, no = _("Yes"), _("No")
        return lambda raw: yes if raw else no
    if isinstance(f, models.DateTimeField):
        return lambda raw: timezone.localtime(raw).strftime("%Y-%m-%d %H:%M")
    if isinstance(f, models.JSONField):
        return lambda raw: json.dumps(raw, ensure_ascii=False, default=str)
    return lambda raw: raw


def _file_names(found: list[Table]) -> list[str]:
    names = []
    for t in found:
        name = slugify(str(t.model._meta.verbose_name_plural)) or t.model._meta.model_name
        if name in names:
            name = f"{t.model._meta.app_label}-{name}"
        names.append(name)
    return [f"{n}.csv" for n in names]


class _Pipe(io.RawIOBase):
    """A write-only stream whose bytes are taken out as they come (the zip is never whole)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.offset = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def stream(verksamhet: Verksamhet) -> Iterator[bytes]:
    """The zip's bytes, table by table."""
    found = tables(verksamhet)
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table, name in zip(found, _file_names(found), strict=True):
            fields = _fields(table)
            renderer = _Renderer(fields)
            with archive.open(name, "w", force_zip64=True) as member:
                text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
                writer = CsvWriter(text)
                writer.writerow([_header(f) for f in fields])
                chunk: list[models.Model] = []
                for obj in table.rows.order_by("pk").iterator(chunk_size=CHUNK):
                    chunk.append(obj)
                    if len(chunk) >= CHUNK:
                        writer.writerows(renderer.rows(chunk))
                        chunk = []
                        text.flush()
                        yield pipe.take()
                writer.writerows(renderer.rows(chunk))
                text.flush()
                text.detach()
            yield pipe.take()
    yield pipe.take()


def file_name(verksamhet: Verksamhet) -> str:
    return f"{verksamhet.slug}-{timezone.localdate().isoformat()}.zip"
