"""Embedded PostgreSQL for development and tests (the ``pgserver`` package).

With no ``DATABASE_URL`` the project starts (or reuses) a real PostgreSQL whose data live
in ``var/pg``. Several processes share one server; pgserver counts its users in a PID file
in the data folder and stops the server when the last one exits. Processes killed with a
signal leave their PID behind, so dead PIDs are pruned before the server is asked for.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

APP_DB_NAME = "ombud"
# Another database in the same embedded server (e.g. the national-scale benchmark data).
DB_NAME_ENV = "OMBUD_DB_NAME"


def _prune_dead_pids(data_dir: Path) -> None:
    pid_file = data_dir / ".handle_pids.json"
    if not pid_file.exists():
        return
    try:
        pids = [int(p) for p in json.loads(pid_file.read_text())]
    except (ValueError, TypeError):
        pids = []
    alive = []
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        except PermissionError:
            pass
        alive.append(pid)
    # Whole or not at all: another process may read it at any moment.
    partial = pid_file.with_name(pid_file.name + ".tmp")
    partial.write_text(json.dumps(alive))
    os.replace(partial, pid_file)


def embedded_database(base_dir: Path) -> dict[str, Any]:
    """Start or reuse the embedded server and return a Django DATABASES entry for it."""
    import logging

    var = base_dir / "var"
    data_dir = var / "pg"
    run_dir = var / "run"
    run_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(run_dir, 0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(run_dir)
    logging.getLogger("pgserver").setLevel(logging.ERROR)

    import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    # The PID file is pgserver's, which reads and writes it under this lock; pruning without
    # it let a process starting at the same moment (make run starts two) read half a file.
    with pgserver.postgres_server.PostgresServer._lock:
        _prune_dead_pids(data_dir)
    server = pgserver.get_server(str(data_dir), cleanup_mode="stop")
    socket_dir = str(server.get_postmaster_info().socket_dir)
    port = server.get_postmaster_info().port
    name = os.environ.get(DB_NAME_ENV, APP_DB_NAME)
    if not name.replace("_", "").isalnum():
        raise ValueError(f"{DB_NAME_ENV} must be letters, digits and underscores")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608 (checked above)
    if "1" not in exists.split("\n", 2)[-1]:
        server.psql(f"CREATE DATABASE {name};")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": socket_dir,
        "PORT": str(port) if port else "",
        "CONN_MAX_AGE": 0,
        # The working set fits in memory: random reads cost about what sequential ones do,
        # which lets the planner use the indexes on large tables (bench/README.md).
        "OPTIONS": {"options": "-c random_page_cost=1.1"},
    }
