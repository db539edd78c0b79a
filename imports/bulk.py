"""Rows written with PostgreSQL COPY, with their "+" history rows, for the large files.

Django's ``bulk_create`` spends most of a 100 000-contact import building and preparing
model instances; COPY takes the values as they are. Ids come from the tables' own
sequences (``nextval``), so ids stay unique while people keep working. Every column of the
model is written, a field the caller does not give gets the model's default, so a field
another app adds later is filled as ``save()`` would fill it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone


def next_ids(model: type[models.Model], n: int) -> list[int]:
    if n == 0:
        return []
    pk = model._meta.pk
    assert pk is not None
    with connection.cursor() as cur:
        cur.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, n],
        )
        return [row[0] for row in cur.fetchall()]


def _defaults(fields: Sequence[models.Field[Any, Any]], now: datetime.datetime) -> list[Any]:
    out: list[Any] = []
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            out.append(now)
        elif f.has_default():
            out.append(f.get_default())
        elif f.null:
            out.append(None)
        else:
            out.append("" if isinstance(f, models.CharField | models.TextField) else None)
    return out


def copy(
    model: type[models.Model],
    rows: Iterable[dict[str, Any]],
    *,
    skip: Sequence[str] = (),
) -> None:
    """COPY ``rows`` (attname → value) into the model's table; ``skip``: columns the
    database fills (an identity primary key nobody refers to)."""
    fields = [f for f in model._meta.concrete_fields if f.attname not in skip]
    defaults = _defaults(fields, timezone.now())
    names = [f.attname for f in fields]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with connection.cursor() as cur:
        raw = cur.cursor  # the psycopg 3 cursor under Django's wrapper
        with raw.copy(f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN') as cp:
            for row in rows:
                cp.write_row([row.get(n, d) for n, d in zip(names, defaults, strict=True)])


def copy_with_history(
    model: type[models.Model], rows: list[dict[str, Any]], *, by: Any
) -> list[int]:
    """COPY ``rows`` with new ids and one "+" history row each by ``by``; the history ids."""
    ids = next_ids(model, len(rows))
    fields = list(model._meta.concrete_fields)
    defaults = list(
        zip([f.attname for f in fields], _defaults(fields, timezone.now()), strict=True)
    )
    for row, pk in zip(rows, ids, strict=True):
        row["id"] = pk
        for name, default in defaults:  # the history copies the row as written
            row.setdefault(name, default)
    copy(model, rows)
    historical: Any = getattr(model, "history").model  # noqa: B009 (simple_history's)
    history_ids = next_ids(historical, len(rows))
    now = timezone.now()
    user_id = getattr(by, "pk", None)
    copy(
        historical,
        (
            {
                **row,
                "history_id": hid,
                "history_date": now,
                "history_type": "+",
                "history_user_id": user_id,
                "history_change_reason": None,
            }
            for row, hid in zip(rows, history_ids, strict=True)
        ),
    )
    return history_ids
