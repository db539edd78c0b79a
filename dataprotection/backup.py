"""Backup and restore with PostgreSQL's own tools (pg_dump custom format, pg_restore).

Which binaries: ``PG_BIN_DIR`` (environment) when set; with the embedded server (no
``DATABASE_URL``) the ones pgserver ships, which match its PostgreSQL 16; with
``DATABASE_URL`` the system's ``pg_dump`` on PATH, else pgserver's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    pass


def bin_dir() -> Path | None:
    override = os.environ.get("PG_BIN_DIR")
    if override:
        return Path(override)
    if os.environ.get("DATABASE_URL") and shutil.which("pg_dump"):
        return Path(shutil.which("pg_dump") or "").parent
    try:
        import pgserver._commands as commands
    except ImportError:
        found = shutil.which("pg_dump")
        return Path(found).parent if found else None
    return Path(commands.POSTGRES_BIN_PATH)


def tool(name: str) -> str:
    folder = bin_dir()
    path = folder / name if folder else None
    if path is None or not path.exists():
        raise BackupError(f"{name} not found (set PG_BIN_DIR)")
    return str(path)


def connection_args(
    alias: str = "default", database: str | None = None
) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for the configured database (or ``database`` in
    the same server, as the same role)."""
    settings_dict: dict[str, Any] = connections[alias].settings_dict
    args = ["--dbname", database or str(settings_dict["NAME"])]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} failed")


def backup(output: Path, alias: str = "default", *, snapshot: str | None = None) -> Path:
    """Write the whole database to ``output`` in pg_dump's custom format; returns its path.

    The file holds personal data: it is created readable and writable by its owner only
    (0600, whatever the umask), written beside the target first and renamed into place when
    pg_dump has succeeded, so a failed run never leaves a half file under the real name.
    ``snapshot`` (from ``pg_export_snapshot()``) dumps exactly what that transaction sees.
    """
    args, env = connection_args(alias)
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an older partial file may have had other bits
        command = [tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
        if snapshot:
            command.append(f"--snapshot={snapshot}")
        result = subprocess.run(  # noqa: S603
            command + args, env=env, stdout=fd, stderr=subprocess.PIPE, text=True, check=False
        )
    finally:
        os.close(fd)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise BackupError(result.stderr.strip() or "pg_dump failed")
    os.replace(partial, output)
    return output


def restore(source: Path, alias: str = "default", *, database: str | None = None) -> None:
    """Restore a custom-format dump into the configured database, replacing what is there
    (or into ``database``, another database of the same server: the restore drill's)."""
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    args, env = connection_args(alias, database)
    if database is None:
        connections[alias].close()
    _run(
        [
            tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ]
        + args
        + [str(source)],
        env,
    )
