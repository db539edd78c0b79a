"""The restore drill: back up, restore into a scratch database, compare, drop the scratch.

"Backup and restore that has been tried" is a buyer's check; this is the trial. What is
compared, table by table: the row count and an md5 over the md5 of every row's text (sorted,
so that physical order does not matter); and for every stored document, the SHA-256 of its
bytes in the restored database against the SHA-256 stored when it was frozen.

The source figures and the dump come from one exported snapshot (``pg_export_snapshot()``
and ``pg_dump --snapshot``): users writing access-log rows during the drill cause no false
differences. Sequences are not compared: their positions are not transactional.

The scratch database is created (and dropped afterwards) when the role may; an owner role
without CREATEDB names an existing empty database with ``--scratch-database``, which is
emptied (its public schema dropped and recreated) instead of dropped.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from django.db import connections
from psycopg import sql

from dataprotection.backup import backup, restore

TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
# One md5 per row, sorted bytewise, then one md5 over them: memory per row is 32 bytes.
TABLE_FIGURES = (
    "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h COLLATE \"C\")), '') "
    "FROM (SELECT md5(t::text) AS h FROM {} t) rows"
)
DOCUMENTS = "SELECT id, file_name, sha256, encode(sha256(content), 'hex') FROM core_document"


@dataclass
class Figures:
    tables: dict[str, tuple[int, str]] = field(default_factory=dict)
    # document id -> (file name, stored SHA-256, SHA-256 of the bytes)
    documents: dict[int, tuple[str, str, str]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(count for count, _digest in self.tables.values())


@dataclass
class DrillResult:
    source: Figures
    restored: Figures
    differences: list[str]

    @property
    def summary(self) -> str:
        return (
            f"restore drill: {len(self.source.tables)} tables, {self.source.rows} rows, "
            f"{len(self.source.documents)} documents, {len(self.differences)} differences"
        )


def connect(alias: str, database: str | None = None) -> psycopg.Connection[Any]:
    """A connection of its own (autocommit) to the alias's server, as the alias's role."""
    s = connections[alias].settings_dict
    params: dict[str, Any] = {"dbname": database or s["NAME"], "autocommit": True}
    for key, name in (("USER", "user"), ("PASSWORD", "password"), ("HOST", "host")):
        if s.get(key):
            params[name] = s[key]
    if s.get("PORT"):
        params["port"] = int(s["PORT"])
    if (s.get("OPTIONS") or {}).get("sslmode"):
        params["sslmode"] = s["OPTIONS"]["sslmode"]
    return psycopg.connect(**params)


def measure(conn: psycopg.Connection[Any]) -> Figures:
    figures = Figures()
    conn.execute("SET TimeZone = 'UTC'")  # the same text for every timestamp on both sides
    tables = [row[0] for row in conn.execute(TABLES).fetchall()]
    for table in tables:
        query = sql.SQL(TABLE_FIGURES).format(sql.Identifier("public", table))
        count, digest = conn.execute(query).fetchone() or (0, "")
        figures.tables[table] = (int(count), str(digest))
    if "core_document" in figures.tables:
        for pk, name, stored, computed in conn.execute(DOCUMENTS).fetchall():
            figures.documents[int(pk)] = (name, stored, computed)
    return figures


def compare(source: Figures, restored: Figures) -> list[str]:
    """One line per difference, in table order, then document order."""
    lines: list[str] = []
    for table in sorted(source.tables.keys() | restored.tables.keys()):
        if table not in restored.tables:
            lines.append(f"table {table}: missing in the restored database")
            continue
        if table not in source.tables:
            lines.append(f"table {table}: only in the restored database")
            continue
        (count, digest), (r_count, r_digest) = source.tables[table], restored.tables[table]
        if count != r_count:
            lines.append(f"table {table}: {count} rows, {r_count} restored")
        elif digest != r_digest:
            lines.append(f"table {table}: {count} rows, but their content differs")
    for pk in sorted(source.documents.keys() | restored.documents.keys()):
        if pk not in restored.documents:
            lines.append(f"document {pk}: missing in the restored database")
            continue
        if pk not in source.documents:
            lines.append(f"document {pk}: only in the restored database")
            continue
        name, stored, computed = source.documents[pk]
        if computed != stored:
            lines.append(
                f"document {pk} ({name}): damaged before the backup, "
                f"SHA-256 {computed} instead of {stored}"
            )
        _name, _stored, r_computed = restored.documents[pk]
        if r_computed != stored:
            lines.append(
                f"document {pk} ({name}): restored bytes have SHA-256 {r_computed}, stored {stored}"
            )
    return lines


def restore_drill(
    *, alias: str, scratch: str | None = None, say: Callable[[str], None] = lambda _m: None
) -> DrillResult:
    """Run the drill on the database of ``alias`` (the owner's). Leaves nothing behind."""
    name = str(connections[alias].settings_dict["NAME"])
    database = scratch or f"{name}_drill"[:63]
    created = scratch is None
    with tempfile.TemporaryDirectory(prefix="ombud-drill-") as folder:
        dump = Path(folder) / "drill.dump"
        with connect(alias) as source:
            source.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            row = source.execute("SELECT pg_export_snapshot()").fetchone()
            snapshot = str(row[0]) if row else None
            backup(dump, alias=alias, snapshot=snapshot)
            say(f"backup: {dump.stat().st_size} bytes")
            before = measure(source)
            source.execute("ROLLBACK")
        admin = connect(alias)
        try:
            if created:
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(database))
                )
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
            else:
                with connect(alias, database) as target:
                    target.execute("DROP SCHEMA IF EXISTS public CASCADE")
                    target.execute("CREATE SCHEMA public")
            try:
                restore(dump, alias=alias, database=database)
                say(f"restored into {database}")
                with connect(alias, database) as target:
                    after = measure(target)
            finally:
                if created:
                    admin.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(database))
                    )
                else:
                    with connect(alias, database) as target:
                        target.execute("DROP SCHEMA IF EXISTS public CASCADE")
                        target.execute("CREATE SCHEMA public")
        finally:
            admin.close()
    return DrillResult(source=before, restored=after, differences=compare(before, after))
