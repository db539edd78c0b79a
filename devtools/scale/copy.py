"""Bulk loading with PostgreSQL COPY: explicit ids, optional "+" history rows, sequences.

Every table is written through a :class:`Loader`: the generator hands it plain tuples in
the column order it declared, the loader streams them with psycopg 3 ``cursor.copy`` and,
for models with ``simple_history``, streams the same tuple plus (history_date, "+",
history_user_id) into the historical table. Ids are allocated here (so foreign keys need no
round trip) and the identity sequences are moved past them at the end.
"""

from __future__ import annotations

import datetime
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, models
from psycopg.types.json import Jsonb

Row = tuple[Any, ...]


class Loader:
    """One COPY stream per table, opened lazily; call :meth:`close` when done."""

    def __init__(self, *, history: bool, progress: Any = None) -> None:
        self.history = history
        self.progress = progress or (lambda msg: None)
        self.counts: dict[str, int] = {}
        self._next_id: dict[str, int] = {}
        self.started = time.monotonic()

    # ids ------------------------------------------------------------------------------
    def ids(self, model: type[models.Model], n: int) -> range:
        """Reserve ``n`` fresh primary keys for ``model``."""
        table = model._meta.db_table
        if table not in self._next_id:
            with connection.cursor() as cur:
                cur.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608
                self._next_id[table] = cur.fetchone()[0] + 1
        first = self._next_id[table]
        self._next_id[table] = first + n
        return range(first, first + n)

    def fix_sequences(self) -> None:
        with connection.cursor() as cur:
            for table in self._next_id:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608
                    f'GREATEST((SELECT MAX(id) FROM "{table}"), 1))'
                )

    # copy -----------------------------------------------------------------------------
    def copy(
        self,
        model: type[models.Model] | str,
        columns: Sequence[str],
        rows: Iterable[Row],
        *,
        history: Callable[[Row], tuple[datetime.datetime, int | None]] | None = None,
    ) -> int:
        """COPY ``rows`` into the model's table (or a table name, e.g. an M2M table).

        ``history`` maps a row to (history_date, history_user_id); given (and history is
        on), each row is also written to the historical table as a "+" (created) record.
        """
        table = model if isinstance(model, str) else model._meta.db_table
        fit = None
        if not isinstance(model, str):
            columns, fit = adapt(model, list(columns))
        htable = None
        keep = list(range(len(columns)))
        if history is not None and self.history and not isinstance(model, str):
            hmeta = getattr(model, "history").model._meta  # noqa: B009 (simple_history's)
            htable = hmeta.db_table
            present = {f.column for f in hmeta.concrete_fields}
            keep = [i for i, c in enumerate(columns) if c in present]  # e.g. no password
        cols = ", ".join(f'"{c}"' for c in columns)
        hcols = ", ".join(f'"{columns[i]}"' for i in keep)
        hcols += ', "history_date", "history_type", "history_user_id"'
        whole = len(keep) == len(columns)
        n = 0
        with connection.cursor() as cur:
            raw = cur.cursor  # the psycopg 3 cursor under Django's wrapper
            for chunk in _batched(rows):
                fitted = chunk if fit is None else [fit(r) for r in chunk]
                with raw.copy(f'COPY "{table}" ({cols}) FROM STDIN') as cp:
                    for row in fitted:
                        cp.write_row(row)
                if htable is not None and history is not None:
                    with raw.copy(f'COPY "{htable}" ({hcols}) FROM STDIN') as cp:
                        for orig, row in zip(chunk, fitted, strict=True):
                            head = row if whole else tuple(row[i] for i in keep)
                            cp.write_row((*head, *_plus(history(orig))))
                n += len(chunk)
        self.counts[table] = self.counts.get(table, 0) + n
        if htable is not None:
            self.counts[htable] = self.counts.get(htable, 0) + n
        self.progress(f"  {table}: {n:,} rows ({time.monotonic() - self.started:.0f} s)")
        return n


CHUNK = 50_000


def adapt(
    model: type[models.Model], columns: list[str]
) -> tuple[list[str], Callable[[Row], Row] | None]:
    """Fit the generator's columns to the table as it is in the database now.

    Other apps add and rename fields while the generator lives on: a column the table no
    longer has is dropped, and a NOT NULL column the generator does not know gets the
    model field's default (or an empty string / False / 0 when that is all we can say).
    """
    with connection.cursor() as cur:
        desc = connection.introspection.get_table_description(cur, model._meta.db_table)
    actual = {d.name: d for d in desc}
    keep = [i for i, c in enumerate(columns) if c in actual]
    fields = {f.column: f for f in model._meta.concrete_fields}
    extra_cols, extra_vals = [], []
    for name, d in actual.items():
        if name in columns or d.null_ok or d.default is not None or name == "id":
            continue
        f = fields.get(name)
        if f is not None and f.has_default():
            value = f.get_default()
        elif f is not None and isinstance(f, models.BooleanField):
            value = False
        elif f is not None and isinstance(f, (models.IntegerField, models.DecimalField)):
            value = 0
        elif f is not None and isinstance(f, models.JSONField):
            value = {}
        else:
            value = ""
        extra_cols.append(name)
        extra_vals.append(
            Jsonb(value)
            if isinstance(value, dict | list) and isinstance(f, models.JSONField)
            else value
        )
    if len(keep) == len(columns) and not extra_cols:
        return columns, None
    tail = tuple(extra_vals)
    new_cols = [columns[i] for i in keep] + extra_cols

    def fit(row: Row) -> Row:
        return tuple(row[i] for i in keep) + tail

    return new_cols, fit


def _plus(when_who: tuple[datetime.datetime, int | None]) -> tuple[Any, ...]:
    return (when_who[0], "+", when_who[1])


def _batched(rows: Iterable[Row]) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, CHUNK)):
        yield chunk


def skip_fk_triggers() -> bool:
    """Bulk-load mode: no per-row foreign-key trigger checks in this session (superuser only).

    The generator builds every foreign key from ids it allocated itself, and
    :func:`verify_foreign_keys` checks them all in one pass per column afterwards, which
    is far cheaper than a trigger per row. Unique and check constraints stay enforced.
    Returns False when the database role may not do this (the triggers then run).
    """
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute("SET session_replication_role = replica")
    except DatabaseError:
        return False
    return True


def restore_fk_triggers() -> None:
    with connection.cursor() as cur:
        cur.execute("SET session_replication_role = DEFAULT")


def verify_foreign_keys(tables: set[str]) -> list[str]:
    """Every foreign key (and M2M link) of the loaded tables points at an existing row."""
    from django.apps import apps

    problems = []
    with connection.cursor() as cur:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table not in tables or "historical" in table:
                continue
            for f in model._meta.concrete_fields:
                if not f.is_relation or not getattr(f, "db_constraint", True):
                    continue
                related: Any = f.related_model
                ref = related._meta.db_table
                col, target = f.column, getattr(f, "target_field").column  # noqa: B009
                cur.execute(
                    f'SELECT count(*) FROM "{table}" t WHERE t."{col}" IS NOT NULL AND NOT EXISTS '  # noqa: S608
                    f'(SELECT 1 FROM "{ref}" r WHERE r."{target}" = t."{col}")'
                )
                missing = cur.fetchone()[0]
                if missing:
                    problems.append(f"{table}.{col}: {missing} rows point nowhere")
    return problems


def m2m_table(model: type[models.Model], field: str) -> str:
    remote: Any = model._meta.get_field(field).remote_field
    return remote.through._meta.db_table


def analyze() -> None:
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
