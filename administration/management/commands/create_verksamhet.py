"""Start a new verksamhet: its kommuner, and the invitation of its first administrator.

    manage.py create_verksamhet --name "PO Sala" --kommun 1981 --kommun Heby --admin-email a@sala.se

Prints the invitation link (on SITE_URL) and sends it by e-mail too.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from core.models import Kommun, Verksamhet
from dataprotection.commands import acting_user

from ...services import invitation_link, verksamhet_start


class Command(BaseCommand):
    help = (
        "Create a PO service with its municipalities and print its administrator's invitation link."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument(
            "--kommun",
            action="append",
            required=True,
            help="municipality code or name; repeat for each (the first is the huvudman)",
        )
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--slug", default="")
        parser.add_argument("--form", choices=Verksamhet.Form.values, default=Verksamhet.Form.OWN)

    def handle(self, *args: Any, **options: Any) -> None:
        kommuner = [self._kommun(k) for k in options["kommun"]]
        try:
            verksamhet, invitation, token = verksamhet_start(
                name=options["name"],
                kommuner=kommuner,
                admin_email=options["admin_email"],
                slug=options["slug"],
                form=options["form"],
                by=acting_user(None),
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(
            f"Created {verksamhet.name} ({verksamhet.slug}): {', '.join(k.name for k in kommuner)}"
        )
        self.stdout.write(f"Invitation for {invitation.email} (valid 72 h):")
        self.stdout.write(invitation_link(token))

    def _kommun(self, value: str) -> Kommun:
        found = list(Kommun.objects.filter(Q(kod=value.strip()) | Q(name__iexact=value.strip())))
        if len(found) != 1:
            raise CommandError(f"No single municipality named {value!r} (give its code)")
        return found[0]
