"""Restore a backup made by backup_db into the configured database (replaces its content)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from core.db_roles import owner_alias
from dataprotection.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore FILE (pg_dump custom format) with pg_restore --clean --if-exists into the "
        "configured database. Everything in the database that the backup holds is replaced."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Backup file written by backup_db")
        parser.add_argument(
            "--yes-replace-database",
            action="store_true",
            dest="confirmed",
            help="Confirm that the database's current content may be replaced.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        alias = owner_alias()
        name = connections[alias].settings_dict["NAME"]
        if not options["confirmed"]:
            raise CommandError(
                f"This replaces the content of database {name!r}. "
                "Run again with --yes-replace-database to confirm."
            )
        started = time.monotonic()
        try:
            restore(Path(options["file"]), alias=alias)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if alias != DEFAULT_DB_ALIAS:
            # The restored tables are new (--no-privileges): the app role has no access yet.
            call_command("grant_app_role", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['file']} into {name} ({time.monotonic() - started:.1f} s)"
            )
        )
