"""The restore drill: seed → backup → wipe → restore → every table identical.

Runs against the test database (pg_dump/pg_restore in a subprocess need committed data,
hence a transactional test). Prints the figures: tables, rows, seconds.
"""

from __future__ import annotations

import datetime
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from core.audit import acting_as
from core.demo import seed_foundation
from dataprotection.services import gallring_run, logreview_sign
from tests.core.factories import kommun
from tests.dataprotection.factories import full_client

# serialized_rollback: the reference data (kommuner) are back for the tests after this one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot() -> dict[str, tuple[int, str]]:
    """Row count and an md5 of every row's text, per table; and every sequence's position."""
    result: dict[str, tuple[int, str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        for table in tables:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608 - names from pg_tables
            )
            count, digest = cursor.fetchone()
            result[table] = (count, digest)
        cursor.execute(
            "SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'public'"
        )
        for name, value in cursor.fetchall():
            result[f"sequence {name}"] = (value, "")
    return result


def seed() -> None:
    kommun("1980")  # reference data (an earlier transactional test may have flushed it)
    call_command("seed_demo", "--quiet-logins")
    world = seed_foundation()
    with acting_as(world.users["lead_lars"]):
        for n in range(5):
            full_client(world, alias=f"Drill {n}")
    gallring_run(verksamhet=world.verksamhet, by=world.users["lead_lars"])
    logreview_sign(
        verksamhet=world.verksamhet,
        month=datetime.date(2025, 1, 1),
        by=world.users["lead_lars"],
        comment="Drill",
    )


def test_restore_drill(tmp_path, capsys):  # type: ignore[no-untyped-def]
    seed()
    before = snapshot()
    rows = sum(count for name, (count, _d) in before.items() if not name.startswith("sequence"))
    tables = sum(1 for name in before if not name.startswith("sequence"))
    assert rows > 500 and tables > 50

    dump = tmp_path / "ombud.dump"
    started = time.monotonic()
    call_command("backup_db", "--output", str(dump))
    backup_seconds = time.monotonic() - started
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format

    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone()[0] == 0
    connection.close()

    with pytest.raises(CommandError, match="yes-replace-database"):
        call_command("restore_db", str(dump))
    started = time.monotonic()
    call_command("restore_db", str(dump), "--yes-replace-database")
    restore_seconds = time.monotonic() - started

    after = snapshot()
    assert after.keys() == before.keys()
    different = [name for name in before if before[name] != after[name]]
    assert not different, different
    # The append-only rule came back with the schema.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'core_accesslog_no_update_delete'"
        )
        assert cursor.fetchone()[0] == 1
    with capsys.disabled():
        print(
            f"\nRestore drill: {tables} tables, {rows} rows, dump {dump.stat().st_size} bytes, "
            f"backup {backup_seconds:.2f} s, restore {restore_seconds:.2f} s"
        )
