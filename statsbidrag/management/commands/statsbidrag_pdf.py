"""Write the application or redovisning of a year as PDF (for automation).

    python manage.py statsbidrag_pdf --verksamhet SLUG --year YYYY --kind ansokan|redovisning --output FILE.pdf

A submitted document gives its stored PDF (byte for byte what was sent); a draft is rendered
from live data, with small counts suppressed as in every PDF.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.documents import DocumentCorrupt, read_document
from core.models import Verksamhet
from statsbidrag.models import DocumentStatus, GrantYear
from statsbidrag.reports.documents import APPLICATION, REDOVISNING, content_for, render_document_pdf
from statsbidrag.selectors import document_of


class Command(BaseCommand):
    help = "Write a year's statsbidrag application or redovisning as PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--verksamhet", required=True, help="The PO service's short name (slug)."
        )
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--kind", required=True, choices=[APPLICATION, REDOVISNING])
        parser.add_argument("--output", required=True, help="The PDF file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        verksamhet = Verksamhet.objects.filter(slug=options["verksamhet"]).first()
        if verksamhet is None:
            raise CommandError(f"No PO service with short name {options['verksamhet']!r}.")
        grant_year = GrantYear.objects.filter(verksamhet=verksamhet, year=options["year"]).first()
        if grant_year is None:
            raise CommandError(f"No grant year {options['year']} for {verksamhet.slug}.")
        kind = options["kind"]
        document = document_of(kind, grant_year)
        started = time.perf_counter()
        if (
            document is not None
            and document.status == DocumentStatus.SUBMITTED
            and document.document is not None
        ):
            try:
                data = read_document(document.document)
            except DocumentCorrupt as exc:
                raise CommandError(f"The stored PDF is damaged: {exc}") from exc
            how = "stored (submitted)"
        else:
            data = render_document_pdf(content_for(kind, grant_year, document, suppress=True))
            how = "rendered from live data (draft)"
        Path(options["output"]).write_bytes(data)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{options['output']}: {len(data)} bytes, {how}, {elapsed:.2f} s")
