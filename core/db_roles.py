"""Two database roles: the app's, which may only read and write, and the owner's.

The web app connects as an unprivileged role (``DATABASE_URL``, alias ``default``): DML on the
domain tables, and only INSERT and SELECT on the access log and the history tables, so that
no query it sends (a bug, an injection) can change or remove who did or read what. It owns
nothing, so it cannot ``TRUNCATE``, ``DISABLE TRIGGER`` or ``SET session_replication_role``.

The owner role (``DATABASE_OWNER_URL``, alias ``owner``) owns the tables: migrations run as
it, and so does what the law requires to be removed (gallring, erasure on request), through
``owner_path()``. ``grant_app_role`` (the management command) gives the app role its
privileges after every migrate (docs/operations.md, "Database roles").

With one role configured (development, tests) both aliases name the same role and the owner
path uses the default connection, so that it joins the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction

OWNER = "owner"
# Django's own bookkeeping: the app role reads it (runserver's unapplied-migrations check).
READ_ONLY_TABLES = frozenset({"django_migrations"})

_pinned: ContextVar[str | None] = ContextVar("ombud_owner_path", default=None)


def _same_role(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(key) == b.get(key) for key in ("NAME", "USER", "HOST", "PORT"))


def owner_alias() -> str:
    """``owner`` when it is another role than the app's, else ``default`` (one connection)."""
    if OWNER not in connections:
        return DEFAULT_DB_ALIAS
    owner = connections[OWNER].settings_dict
    if _same_role(owner, connections[DEFAULT_DB_ALIAS].settings_dict):
        return DEFAULT_DB_ALIAS
    return OWNER


@contextmanager
def owner_path() -> Iterator[str]:
    """Run the block as the owner role, in one transaction; yields the alias for raw SQL.

    Every ORM read and write inside goes to the owner's connection (``OwnerPathRouter``), the
    rows of the caller's objects included, so that a service needs no ``using=`` anywhere.
    Only for gallring and erasure: the app role may not delete access-log or history rows.
    """
    alias = owner_alias()
    token = _pinned.set(alias)
    try:
        with transaction.atomic(using=alias):
            yield alias
    finally:
        _pinned.reset(token)


class OwnerPathRouter:
    """Routes the ORM to the owner's connection inside ``owner_path()``, else decides nothing."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return _pinned.get()

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return _pinned.get()

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The two aliases are one database seen by two roles: a run row may point at the
        # verksamhet the request loaded through the app's connection.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, OWNER}:
            return True
        return None


@contextmanager
def pinned(alias: str) -> Iterator[None]:
    """Route every ORM query inside to ``alias`` (``migrate`` on the owner alias uses it, so
    that data migrations and post-migrate handlers write as the owner too)."""
    token = _pinned.set(alias)
    try:
        yield
    finally:
        _pinned.reset(token)


def append_only_tables() -> set[str]:
    """The access log, the stored documents (written once) and every history table
    (simple_history's, m2m history included)."""
    from django.apps import apps
    from simple_history.models import HistoricalChanges

    from core.models import AccessLog, Document

    tables = {AccessLog._meta.db_table, Document._meta.db_table}
    for model in apps.get_models():
        if issubclass(model, HistoricalChanges):
            tables.add(model._meta.db_table)
    return tables


def is_append_only(table: str, append_only: set[str]) -> bool:
    # The name test also catches a history table whose model is not installed (an app
    # removed from INSTALLED_APPS keeps its tables).
    return table in append_only or "historical" in table


def privileges_for(table: str, append_only: set[str]) -> str:
    if is_append_only(table, append_only):
        return "SELECT, INSERT"
    if table in READ_ONLY_TABLES:
        return "SELECT"
    return "SELECT, INSERT, UPDATE, DELETE"


def grant_statements(*, role: str, schema: str, tables: list[str], quote: Any) -> list[str]:
    """The SQL that gives ``role`` what the app needs and nothing more, run by the owner.

    Everything is revoked first, so that running it again takes back what a former version
    granted; in one transaction, so the app never sees the moment in between. Tables that a
    later migration creates get SELECT and INSERT only (default privileges) until this runs
    again: a new history table is never writable by the app, a new domain table fails loudly.
    """
    r, s = quote(role), quote(schema)
    append_only = append_only_tables()
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
        f"REVOKE ALL ON SCHEMA {s} FROM {r}",
        # Before PostgreSQL 15 everyone may create tables in public (and would own them).
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
    ]
    statements += [
        f"GRANT {privileges_for(table, append_only)} ON {s}.{quote(table)} TO {r}"
        for table in sorted(tables)
    ]
    statements += [
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} REVOKE ALL ON TABLES FROM {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE ON SEQUENCES TO {r}",
    ]
    return statements
