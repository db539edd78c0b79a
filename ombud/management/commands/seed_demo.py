"""Create the demo verksamhet, users and each app's demo data. Safe to run again."""

from __future__ import annotations

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand

from ombud.demo import DEMO_PASSWORD, USERS, seed_foundation

# Order matters: systembrister refer to organisations, ledningsgrupp puts them on agendas,
# statsbidrag counts everything.
DEMO_APPS = ["clients", "systembrister", "ledningsgrupp", "statsbidrag"]


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        world = seed_foundation()
        for app in DEMO_APPS:
            if app not in settings.INSTALLED_APPS:
                continue
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError:
                continue
            module.seed(world)
            self.stdout.write(f"  demo data: {app}")
        if not options["quiet_logins"]:
            self.stdout.write(
                self.style.SUCCESS(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
            )
            for _key, email, _first, _last, role, org in USERS:
                extra = f" ({world.orgs[org].name})" if org else ""
                self.stdout.write(f"  {role.label:<36} {email}{extra}")
