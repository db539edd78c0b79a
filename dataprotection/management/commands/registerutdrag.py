"""Write a registerutdrag (GDPR art. 15) for one client to a PDF file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clients.models import Client
from core.models import AccessLog
from dataprotection.commands import acting_user
from dataprotection.services import registerutdrag_pdf


class Command(BaseCommand):
    help = "Write everything held about CLIENT_ID to a PDF (logged in the access log)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("client_id", type=int)
        parser.add_argument("--output", required=True, help="PDF file to write")
        parser.add_argument("--by", help="E-mail of the user asking (default: the system user)")

    def handle(self, *args: Any, **options: Any) -> None:
        client = Client.objects.filter(pk=options["client_id"]).first()
        if client is None:
            raise CommandError(f"No client with id {options['client_id']}")
        by = acting_user(options.get("by"))
        data = registerutdrag_pdf(client=client, by=by, action=AccessLog.Action.EXPORT)
        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Registerutdrag written to {output}"))
