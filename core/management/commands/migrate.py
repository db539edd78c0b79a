"""Django's migrate, as the owner role: the app role may not create or alter tables."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser
from django.core.management.commands.migrate import Command as DjangoMigrate

from core.db_roles import owner_alias, pinned


class Command(DjangoMigrate):
    help = f"{DjangoMigrate.help} Runs as the owner role (DATABASE_OWNER_URL) by default."

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(database=owner_alias())

    def handle(self, *args: Any, **options: Any) -> None:
        # Data migrations and post-migrate handlers that use the default manager write as
        # the owner too: on a first deploy the app role has no privileges yet.
        with pinned(options["database"]):
            super().handle(*args, **options)
