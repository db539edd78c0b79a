"""Write a year's E-ARK SIP (FGS Paketstruktur) for the kommun's e-arkiv.

    python manage.py earkiv_export --verksamhet SLUG --year YEAR --output DIR [--zip]

The package folder (named by its OBJID) is written in DIR; with ``--zip`` a zip file of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.documents import DocumentCorrupt
from core.models import Verksamhet
from earkiv.package import documents_of, remove, write_package, zip_package


class Command(BaseCommand):
    help = "Write the E-ARK SIP (FGS Paketstruktur) of a PO service's documents of one year."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verksamhet", required=True, help="The PO service's short name.")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--output", required=True, help="Folder to write the package in.")
        parser.add_argument("--zip", action="store_true", help="Write one zip file instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        verksamhet = Verksamhet.objects.filter(slug=options["verksamhet"]).first()
        if verksamhet is None:
            raise CommandError(f"No PO service with short name {options['verksamhet']!r}.")
        year = options["year"]
        documents = documents_of(verksamhet=verksamhet, year=year)
        if not documents:
            raise CommandError(f"{verksamhet.slug} has no stored documents dated {year}.")
        output = Path(options["output"]).absolute()
        try:
            folder = write_package(verksamhet=verksamhet, year=year, output=output)
        except DocumentCorrupt as exc:
            raise CommandError(f"Not exported, a stored document is damaged: {exc}") from exc
        target = folder
        if options["zip"]:
            target = zip_package(folder, output / f"{verksamhet.slug}-{year}-{folder.name}.zip")
            remove(folder)
        self.stdout.write(f"{target}: E-ARK SIP with {len(documents)} documents of {year}")
