"""Gallring per the verksamhet's rule: --dry-run lists what would go; without it, removes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.models import Verksamhet
from dataprotection.commands import acting_user
from dataprotection.selectors.gallring import dry_run
from dataprotection.services import gallring_run


class Command(BaseCommand):
    help = "Remove client data and access-log rows past the gallring rule (or list them)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List only, remove nothing.")
        parser.add_argument("--verksamhet", help="Slug of one PO service (default: all).")
        parser.add_argument("--by", help="E-mail of the user responsible (default: system user).")

    def handle(self, *args: Any, **options: Any) -> None:
        services = Verksamhet.objects.order_by("slug")
        if options["verksamhet"]:
            services = services.filter(slug=options["verksamhet"])
            if not services.exists():
                raise CommandError(f"No verksamhet {options['verksamhet']}")
        by = None if options["dry_run"] else acting_user(options.get("by"))
        for verksamhet in services:
            if options["dry_run"]:
                self._dry_run(verksamhet)
            else:
                run = gallring_run(verksamhet=verksamhet, by=by)
                self.stdout.write(
                    f"{verksamhet.slug}: {run.clients} clients reduced, "
                    f"{run.deleted_total} records deleted, {run.history_total} history rows "
                    f"and {run.counts.get('access_log', 0)} access-log rows removed"
                )

    def _dry_run(self, verksamhet: Verksamhet) -> None:
        dry = dry_run(verksamhet, limit=10_000)
        self.stdout.write(
            f"{verksamhet.slug} (dry run): {dry.client_count} clients with no activity since "
            f"before {dry.cutoffs.client:%Y-%m-%d}; {dry.access_log_count} access-log rows "
            f"before {dry.cutoffs.access_log:%Y-%m-%d}"
        )
        for client in dry.clients:
            self.stdout.write(
                f"  client {client.pk} {client.alias} last activity {client.last_activity:%Y-%m-%d}"
            )
        for label, count in dry.records:
            self.stdout.write(f"  {label}: {count}")
