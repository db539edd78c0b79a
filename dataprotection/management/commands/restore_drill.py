"""The restore drill: backup → restore into a scratch database → compare → drop it.

    python manage.py restore_drill [--scratch-database NAME]

Prints one line per difference and, last, ``restore drill: N tables, M rows, K documents,
D differences``; exits with status 1 when D is not 0 (docs/operations.md, "Restore drill").
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.db_roles import owner_alias
from dataprotection.backup import BackupError
from dataprotection.drill import restore_drill


class Command(BaseCommand):
    help = (
        "Back up the database, restore the backup into a scratch database, compare every "
        "table and every stored document, drop the scratch database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scratch-database",
            help="An existing, empty database to restore into (emptied afterwards) when the "
            "owner role may not create databases. Default: create <name>_drill and drop it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            # As the owner: the app role may not read every table's rows.
            result = restore_drill(
                alias=owner_alias(),
                scratch=options["scratch_database"],
                say=lambda line: self.stderr.write(line) if options["verbosity"] > 1 else None,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for line in result.differences:
            self.stdout.write(line)
        if options["verbosity"] > 1:
            self.stderr.write(f"{time.monotonic() - started:.1f} s")
        self.stdout.write(result.summary)
        if result.differences:
            raise CommandError(
                f"The restored database differs from the original in {len(result.differences)} "
                "places.",
                returncode=1,
            )
