"""manage.py restore_drill on the demo data, and backup_db's file mode.

Transactional (pg_dump reads committed data in its own process).
"""

from __future__ import annotations

import io
import os
import re
import stat

import pytest
from django.core.management import call_command
from django.db import connection

from core.models import Document
from dataprotection.drill import Figures, compare
from tests.core.factories import kommun

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUMMARY = re.compile(
    r"^restore drill: (\d+) tables, (\d+) rows, (\d+) documents, (\d+) differences$"
)


def test_restore_drill_on_the_demo_data_finds_no_difference() -> None:
    kommun("1980")  # reference data (an earlier transactional test may have flushed it)
    call_command("seed_demo", "--quiet-logins", stdout=io.StringIO())
    documents = Document.objects.count()
    assert documents >= 3  # justerade protokoll, the submitted ansökan and redovisning

    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    lines = out.getvalue().strip().splitlines()
    found = SUMMARY.match(lines[-1])
    assert found, lines
    tables, rows, docs, differences = map(int, found.groups())
    assert (docs, differences) == (documents, 0) and len(lines) == 1
    assert tables > 50 and rows > 500
    # The scratch database is gone.
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname LIKE %s", ["%_drill"])
        assert cursor.fetchone()[0] == 0


def figures(**tables: tuple[int, str]) -> Figures:
    return Figures(tables=dict(tables), documents={7: ("p.pdf", "a" * 64, "a" * 64)})


def test_every_difference_is_one_line() -> None:
    source = figures(core_user=(3, "x"), ledningsgrupp_meeting=(2, "y"), gone=(1, "z"))
    restored = figures(core_user=(2, "w"), ledningsgrupp_meeting=(2, "v"), extra=(0, ""))
    restored.documents[7] = ("p.pdf", "a" * 64, "b" * 64)
    assert compare(source, restored) == [
        "table core_user: 3 rows, 2 restored",
        "table extra: only in the restored database",
        "table gone: missing in the restored database",
        "table ledningsgrupp_meeting: 2 rows, but their content differs",
        f"document 7 (p.pdf): restored bytes have SHA-256 {'b' * 64}, stored {'a' * 64}",
    ]
    assert compare(source, source) == []


def test_backup_file_is_readable_by_its_owner_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "nightly" / "ombud.dump"
    out = io.StringIO()
    old = os.umask(0o022)  # the usual umask would make it world-readable
    try:
        call_command("backup_db", "--output", str(target), stdout=out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes()[:5] == b"PGDMP"
    assert str(target.absolute()) in out.getvalue()
    assert not list(target.parent.glob(".*partial"))
