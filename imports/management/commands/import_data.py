"""Import a spreadsheet of klienter, kontakter or anställningar (the import screens' service).

    manage.py import_data KIND FILE --verksamhet SLUG --by EMAIL [--dry-run]
    manage.py import_data KIND --template OUT.xlsx|OUT.csv

One line per refused row (its number, column and reason), then a summary. Exit status 0 only
when every row is accepted; otherwise nothing is imported (all rows or none) and it is 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from core.models import User, Verksamhet
from imports.blanks import template_bytes
from imports.kinds import KINDS
from imports.services import import_file


class Command(BaseCommand):
    help = "Import a spreadsheet (.xlsx or .csv), or write the template of a kind."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file", nargs="?", help="The .xlsx or .csv file to import.")
        parser.add_argument("--verksamhet", help="The PO service's short name (slug).")
        parser.add_argument("--by", help="E-mail address of the importing user (lead or admin).")
        parser.add_argument("--dry-run", action="store_true", help="Check only; save nothing.")
        parser.add_argument("--template", metavar="OUT", help="Write the kind's template.")

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        if options["template"]:
            out = Path(options["template"])
            fmt = out.suffix.lower().lstrip(".")
            if fmt not in ("xlsx", "csv"):
                raise CommandError("The template file must end in .xlsx or .csv.")
            verksamhet = None
            if options["verksamhet"]:
                verksamhet = self._verksamhet(options["verksamhet"])
            out.write_bytes(template_bytes(kind, fmt, verksamhet))
            self.stdout.write(f"{out}")
            return
        if not options["file"] or not options["verksamhet"] or not options["by"]:
            raise CommandError("Give FILE, --verksamhet and --by (or --template OUT).")
        verksamhet = self._verksamhet(options["verksamhet"])
        by = User.objects.filter(email__iexact=options["by"], is_active=True).first()
        if by is None:
            raise CommandError(f"No active user with e-mail {options['by']!r}.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        try:
            outcome = import_file(
                kind=kind,
                verksamhet=verksamhet,
                by=by,
                content=path.read_bytes(),
                dry_run=options["dry_run"],
            )
        except PermissionDenied:
            raise CommandError(
                f"{by.email} may not import in {verksamhet.slug} (lead or admin there)."
            ) from None
        with translation.override(settings.LANGUAGE_CODE):
            for r in outcome.refused:
                column = f", {r.column}" if r.column else ""
                self.stdout.write(
                    _("row %(row)s%(column)s: %(reason)s")
                    % {"row": r.row, "column": column, "reason": r.reason}
                )
            if outcome.refused_count > len(outcome.refused):
                self.stdout.write(
                    _("… and %(n)s more refused rows.")
                    % {"n": outcome.refused_count - len(outcome.refused)}
                )
            done = outcome.ok and not options["dry_run"]
            self.stdout.write(
                (_("Imported") if done else _("Nothing imported"))
                + ": "
                + _(
                    "%(rows)s rows, %(created)s created, %(already)s already imported, "
                    "%(refused)s refused."
                )
                % {
                    "rows": outcome.rows,
                    "created": outcome.created,
                    "already": outcome.already,
                    "refused": outcome.refused_count,
                }
            )
            if not outcome.ok:
                raise CommandError(
                    _("%(n)s rows refused: nothing was imported.") % {"n": outcome.refused_count},
                    returncode=1,
                )

    def _verksamhet(self, slug: str) -> Verksamhet:
        verksamhet = Verksamhet.objects.filter(slug=slug).first()
        if verksamhet is None:
            raise CommandError(f"No PO service with short name {slug!r}.")
        return verksamhet
