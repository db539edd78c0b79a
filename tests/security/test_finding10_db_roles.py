"""Finding 10: the app's database role cannot change or remove the access log or history.

The test database's owner creates an app role, grants it what ``grant_app_role`` grants, and
the tests then talk to the same server as that role: directly (psycopg) for what must be
refused, and through Django with the ``default`` alias switched to the role for what must
keep working (pages, service writes, gallring and erasure through the owner path).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections
from django.urls import reverse
from django.utils import timezone

from clients.models import Client as ClientRecord
from core.audit import save
from core.db_roles import OWNER, owner_alias
from core.models import AccessLog
from dataprotection.models import ErasedClient, GallringRun
from dataprotection.services import anonymisation_decide, anonymisation_request
from tests.dataprotection.factories import full_client, read_at

# Other processes are separate connections: the rows they must see are committed. The
# flush at the end empties reference tables, which serialized_rollback brings back.
pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", OWNER]
)

HISTORY = "clients_historicalclient"
REFUSED = [
    "UPDATE core_accesslog SET what = 'ändrad'",
    "DELETE FROM core_accesslog",
    "TRUNCATE core_accesslog",
    f"UPDATE {HISTORY} SET first_name = 'ändrad'",
    f"DELETE FROM {HISTORY}",
    f"TRUNCATE {HISTORY}",
    "DELETE FROM clients_historicalcontact_organisations",
    "TRUNCATE clients_client CASCADE",
    "ALTER TABLE core_accesslog DISABLE TRIGGER core_accesslog_no_update_delete",
    "ALTER TABLE core_accesslog DISABLE TRIGGER ALL",
    f"ALTER TABLE {HISTORY} DISABLE TRIGGER ALL",
    "SET session_replication_role = replica",
    "DROP TABLE core_accesslog",
    "CREATE TABLE ombud_mine (id integer)",
]


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The last test's flush empties every table: put back what the migrations loaded, so that
    the tests after these (and the next --reuse-db run, which serializes what it finds) see it."""
    yield
    with django_db_blocker.unblock():
        db = connections["default"]
        contents = getattr(db, "_test_serialized_contents", None)
        if contents:
            db.creation.deserialize_db_from_string(contents)


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (constants)
        return int(cursor.fetchone()[0])


@pytest.fixture
def kim(world):  # type: ignore[no-untyped-def]
    return full_client(world)


@pytest.fixture
def app_role(world, kim) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """An unprivileged login role for this test database, granted by grant_app_role."""
    role = f"{connection.settings_dict['NAME']}_app"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE ROLE {role} LOGIN")
    call_command("grant_app_role", role=role, stdout=io.StringIO())
    yield role
    connections.close_all()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {role}")
        cursor.execute(f"DROP ROLE {role}")


@pytest.fixture
def as_role(app_role: str) -> Iterator[psycopg.Connection[Any]]:
    """A connection to the same server and database as the app role."""
    s = connection.settings_dict
    conn = psycopg.connect(
        dbname=s["NAME"], user=app_role, host=s["HOST"], port=s["PORT"] or None, autocommit=True
    )
    yield conn
    conn.close()


@pytest.fixture
def app_connection(app_role: str) -> Callable[[], AbstractContextManager[None]]:
    """Switch Django's ``default`` alias to the app role (``owner`` stays the owner)."""

    @contextmanager
    def switched() -> Iterator[None]:
        default = connections["default"]
        original = default.settings_dict
        default.close()
        default.settings_dict = {**original, "USER": app_role}
        try:
            yield
        finally:
            default.close()
            default.settings_dict = original

    return switched


def test_app_role_is_refused(as_role):  # type: ignore[no-untyped-def]
    before = _count("core_accesslog"), _count(HISTORY)
    assert before[0] > 0 and before[1] > 0
    allowed = []
    for statement in REFUSED:
        try:
            as_role.execute(statement)
        except psycopg.errors.InsufficientPrivilege:
            continue
        allowed.append(statement)
    assert allowed == []
    assert (_count("core_accesslog"), _count(HISTORY)) == before


def test_gallring_setting_does_not_let_the_app_role_delete(as_role, app_role):  # type: ignore[no-untyped-def]
    before = _count("core_accesslog")
    with pytest.raises(psycopg.errors.InsufficientPrivilege), as_role.transaction():
        as_role.execute("SET LOCAL ombud.gallring = 'on'")
        as_role.execute("DELETE FROM core_accesslog")
    # Defence in depth: even a DELETE granted by mistake meets the trigger, which lets the
    # gallring setting count for the table's owner only.
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT DELETE ON core_accesslog TO {app_role}")
    with (
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"),
        as_role.transaction(),
    ):
        as_role.execute("SET LOCAL ombud.gallring = 'on'")
        as_role.execute("DELETE FROM core_accesslog")
    assert _count("core_accesslog") == before


def test_app_role_may_add_and_read_log_and_history(as_role, world, kim):  # type: ignore[no-untyped-def]
    user = world.users["lead_lars"]
    as_role.execute(
        "INSERT INTO core_accesslog (at, user_id, verksamhet_id, action, object_type,"
        " object_id, what, reason, path) VALUES (now(), %s, %s, 'view', 'clients.client',"
        " %s, '', '', '')",
        [user.pk, world.verksamhet.pk, kim.pk],
    )
    rows = as_role.execute(
        "SELECT count(*) FROM core_accesslog WHERE object_id = %s", [kim.pk]
    ).fetchone()
    assert rows is not None and rows[0] == 2
    history = as_role.execute(f"SELECT count(*) FROM {HISTORY} WHERE id = %s", [kim.pk]).fetchone()  # noqa: S608
    assert history is not None and history[0] >= 2


def test_grant_refuses_a_privileged_role(app_role):  # type: ignore[no-untyped-def]
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
    with pytest.raises(CommandError, match="unprivileged"):
        call_command("grant_app_role", role=owner, stdout=io.StringIO())


def test_pages_and_writes_work_as_the_app_role(app_connection, app_role, client, world, kim):  # type: ignore[no-untyped-def]
    lars = world.users["lead_lars"]
    reads = AccessLog.objects.filter(object_id=kim.pk).count()
    with app_connection():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0] == app_role
        assert owner_alias() == OWNER
        client.force_login(lars)
        assert client.get(reverse("dashboard")).status_code == 200
        page = client.get(reverse("clients:detail", args=[kim.pk]))
        assert page.status_code == 200 and "Kim" in page.content.decode()
        assert AccessLog.objects.filter(object_id=kim.pk).count() == reads + 1
        org = world.orgs["fk"]
        org.name = "Försäkringskassan Västerås"
        save(org, by=lars)
        assert org.history.first().history_user == lars
        # What only the owner path may do is refused on the app's own connection.
        with pytest.raises(DatabaseError):
            ClientRecord.history.filter(id=kim.pk).delete()


def test_gallring_goes_through_the_owner_path(app_connection, client, world, kim):  # type: ignore[no-untyped-def]
    lars = world.users["lead_lars"]
    old = full_client(world, alias="Gammal", ended=datetime.date(2020, 6, 30))
    read_at(lars, kim, timezone.now() - datetime.timedelta(days=6 * 365))
    assert ClientRecord.history.filter(id=old.pk).exists()
    with app_connection():
        client.force_login(lars)
        response = client.post(reverse("dataprotection:gallring"), {"confirm": "on"})
        assert response.status_code == 302
    old.refresh_from_db()
    assert old.first_name == "" and "Gammal" not in old.alias
    assert not ClientRecord.history.filter(id=old.pk).exists()
    run = GallringRun.objects.get()
    assert run.clients == 1 and run.counts["access_log"] == 1 and run.ran_by == lars
    assert ErasedClient.objects.filter(client_id=old.pk, run=run).exists()
    # Kim is active, and the access-log row of today stays.
    kim.refresh_from_db()
    assert kim.first_name == "Kim"
    assert AccessLog.objects.filter(object_id=kim.pk).count() == 1


def test_erasure_goes_through_the_owner_path(app_connection, world, kim):  # type: ignore[no-untyped-def]
    with app_connection():
        request = anonymisation_request(
            client=kim,
            kind="erasure",
            reason="Klienten begär radering",
            by=world.users["lead_lars"],
        )
        anonymisation_decide(
            request=request,
            by=world.users["admin_agnes"],
            approve=True,
            comment="",
            expected_version=request.version,
        )
    kim.refresh_from_db()
    assert kim.personnummer == "" and not ClientRecord.history.filter(id=kim.pk).exists()
    assert ErasedClient.objects.filter(client_id=kim.pk).exists()
