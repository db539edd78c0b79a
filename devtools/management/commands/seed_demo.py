"""Create the demo verksamhet, users and each app's demo data. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clients import demo as clients_demo
from core.demo import DEMO_PASSWORD, USERS, seed_foundation
from ledningsgrupp import demo as ledningsgrupp_demo
from statsbidrag import demo as statsbidrag_demo
from systembrister import demo as systembrister_demo

# Order matters: systembrister refer to organisations, ledningsgrupp puts them on agendas,
# statsbidrag counts everything.
DEMO_APPS = [
    ("clients", clients_demo),
    ("systembrister", systembrister_demo),
    ("ledningsgrupp", ledningsgrupp_demo),
    ("statsbidrag", statsbidrag_demo),
]


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        world = seed_foundation()
        for app, module in DEMO_APPS:
            module.seed(world)
            self.stdout.write(f"  demo data: {app}")
        if not options["quiet_logins"]:
            self.stdout.write(
                self.style.SUCCESS(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
            )
            for _key, email, _first, _last, role, org in USERS:
                extra = f" ({world.orgs[org].name})" if org else ""
                self.stdout.write(f"  {role.label:<36} {email}{extra}")
