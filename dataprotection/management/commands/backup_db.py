"""Back up the configured database with pg_dump (custom format)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.db_roles import owner_alias
from dataprotection.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a pg_dump custom-format backup of the configured database to --output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, help="File to write, e.g. ombud.dump")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            # As the owner: the app role may not read the sequences' positions.
            path = backup(Path(options["output"]), alias=owner_alias())
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = path.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path} ({size} bytes, readable by its owner only, "
                f"{time.monotonic() - started:.1f} s)"
            )
        )
