"""PostgreSQL stops in the middle of a series of requests: every page is the static Swedish
503; when it starts again the same gunicorn worker serves the next request without a
restart, and a server restart between two requests fails none (CONN_HEALTH_CHECKS).

Runs against a PostgreSQL of its own (a pgserver in a temporary folder, the test database
copied into it) and a gunicorn of its own: the shared server under var/pg is never stopped.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from core.models import Role
from dataprotection.backup import backup, tool
from tests.core.factories import VerksamhetFactory, user_with_role

# The copy is taken by another process, so the user it needs is committed;
# serialized_rollback: the reference data (kommuner) are back for the tests after this one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "avbrott-test-lösen-1"  # noqa: S105
DB = "ombud_outage"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A pgserver of the test's own, stopped and started with pg_ctl like pgserver does."""

    def __init__(self, root: Path) -> None:
        import pgserver

        self.data = root / "pg"
        self.handle = pgserver.get_server(str(self.data), cleanup_mode="delete")
        info = self.handle.get_postmaster_info()
        self.socket_dir = str(info.socket_dir)
        self.port = str(info.port or 5432)
        self.running = True

    def pg_ctl(self, *args: str) -> None:
        from pgserver._commands import pg_ctl

        pg_ctl(list(args), pgdata=self.data, user=self.handle.system_user, timeout=20)

    def stop(self) -> None:
        self.pg_ctl("-w", "-m", "fast", "stop")
        self.running = False

    def start(self) -> None:
        log = str(self.data / "log")
        self.pg_ctl("-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", log, "start")
        self.running = True

    def libpq_env(self) -> dict[str, str]:
        return {"PGHOST": self.socket_dir, "PGPORT": self.port, "PGUSER": "postgres"}


@pytest.fixture
def own_server() -> Iterator[Server]:
    root = Path(tempfile.mkdtemp(prefix="ob-", dir="/tmp"))  # short: socket paths <= 107 bytes
    server = Server(root)
    try:
        yield server
    finally:
        if not server.running:
            server.start()  # pgserver's cleanup stops a running server and deletes the folder
        server.handle.cleanup()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def lead() -> Any:
    """Committed before the copy is taken, so that the copy can log them in."""
    user = user_with_role(VerksamhetFactory(), Role.LEAD, email="avbrott@example.se")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def app_on(own_server: Server, lead: Any, tmp_path: Path) -> Iterator[tuple[str, Server]]:
    """The test database (with its committed user) copied to ``own_server``, and gunicorn
    serving it with a kept connection (conn_max_age) as in production."""
    dump = backup(tmp_path / "copy.dump")
    env = {**os.environ, **own_server.libpq_env()}
    subprocess.run([tool("createdb"), DB], env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [tool("pg_restore"), "--no-owner", "--no-privileges", "--dbname", DB, str(dump)],
        env=env,
        check=True,
    )
    port = _free_port()
    env.update(
        DJANGO_SETTINGS_MODULE=os.environ.get("OUTAGE_SETTINGS", "config.settings.test"),
        DATABASE_URL=f"postgres://postgres@/{DB}?conn_max_age=600",
        DB_CONNECT_TIMEOUT="2",
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    proc = subprocess.Popen(  # noqa: S603
        [
            str(gunicorn),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/halsa/", timeout=30)  # noqa: S310
                break
            except OSError:  # not listening yet, or the worker still importing Django
                if proc.poll() is not None:
                    pytest.fail(f"gunicorn exited with {proc.returncode} (see its output above)")
                time.sleep(0.3)
        yield base, own_server
    finally:
        proc.terminate()
        proc.wait(timeout=20)


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, Any]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        req.add_header("Referer", self.base + path)
        try:
            with self.opener.open(req, timeout=15) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def login(self, email: str) -> None:
        _, page, _ = self.request("/konto/logga-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, page
        status, page, _ = self.request(
            "/konto/logga-in/",
            {"csrfmiddlewaretoken": token.group(1), "username": email, "password": PASSWORD},
        )
        assert status == 200 and "Logga ut" in page, page[:2000]


def test_database_stops_and_comes_back(app_on, lead) -> None:  # type: ignore[no-untyped-def]
    base, server = app_on
    browser = Browser(base)
    browser.login(lead.email)
    assert browser.request("/")[0] == 200
    assert browser.request("/halsa/")[:2] == (200, "ok\n")

    server.stop()
    for path in ("/", "/klienter/", "/halsa/", "/konto/logga-in/", "/jobb/"):
        started = time.monotonic()
        status, page, headers = browser.request(path)
        assert status == 503, (path, page[:500])
        assert "Tillfälligt avbrott" in page
        assert "Traceback" not in page and "Internal Server Error" not in page
        assert headers["Retry-After"] == "30"
        assert time.monotonic() - started < 5
    anonymous = Browser(base)
    assert anonymous.request("/konto/logga-in/")[0] == 503

    server.start()
    # The very first request after the restart succeeds: no stale connection, no restart.
    status, page, _ = browser.request("/")
    assert status == 200, page[:1000]
    assert "Logga ut" in page
    assert browser.request("/halsa/")[0] == 200

    # A restart between two requests (a nightly update of the server): the worker's kept
    # connection is dead, and the health check replaces it before the next request uses it.
    server.stop()
    server.start()
    status, page, _ = browser.request("/")
    assert status == 200, page[:1000]
